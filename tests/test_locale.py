"""The translation catalogs: ordinary gettext files, complete, placeholders intact, compiled.

The catalogs are cxphilo/locale/<lang>/LC_MESSAGES/cxphilo.po (tools/catalogs.py
keeps them in step with the code and compiles the .mo files cxphilo reads).
"""

from __future__ import annotations

import gettext
import subprocess
import sys

import pytest

from cxphilo.errors import UsageError
from cxphilo.locale import ENV, LOCALE_DIR, interface_language, words
from cxphilo.vocabulary import LANGUAGES
from tests.conftest import ROOT

pytest.importorskip("babel")
sys.path.insert(0, str(ROOT / "tools"))
import catalogs

TRANSLATED = [code for code in LANGUAGES if code != "en"]


def test_the_catalogs_hold_exactly_the_messages_of_the_code_and_are_compiled() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_translation_with_the_same_placeholders(language: str) -> None:
    assert catalogs.problems(language) == []


def test_a_missing_translation_and_a_changed_placeholder_are_found() -> None:
    po = (
        b'msgid ""\nmsgstr ""\n"Language: da\\n"\n\n'
        b'msgid "Step {number} of {total}"\nmsgstr "Trin {nummer} af {total}"\n\n'
        b'msgid "Ready?"\nmsgstr ""\n'
    )
    found = catalogs.problems("da", po)
    assert len(found) == 2
    assert "no translation of “Ready?”" in found[1]
    assert "['nummer', 'total']" in found[0]


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_compiled_catalog_loads_with_the_standard_library(language: str) -> None:
    catalog = gettext.translation("cxphilo", LOCALE_DIR, languages=[language])
    assert catalog.info()["language"] == language
    assert catalog.gettext("Ready?") not in ("", "Ready?")


def test_a_placeholder_is_filled_and_what_fills_it_is_not_read() -> None:
    t = words("da")
    shown = t("Created {path} for {company}.", path="{0}.yaml", company="{company!r} %s")
    assert "{0}.yaml" in shown and "{company!r} %s" in shown
    assert words("en")("Step {number} of {total}", number=1, total=7) == "Step 1 of 7"


def test_english_needs_no_catalog_and_an_unknown_language_has_none() -> None:
    assert words("en")("Ready?") == "Ready?"
    with pytest.raises(ValueError):
        words("de")


def test_the_interface_language_is_the_option_then_the_variable_then_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert interface_language(None, "da") == "da"
    assert interface_language(None, None) == "en"
    monkeypatch.setenv(ENV, "TR")
    assert interface_language(None, "da") == "tr"
    assert interface_language("sv", "da") == "sv"
    monkeypatch.setenv(ENV, "de")
    with pytest.raises(UsageError, match=f"{ENV}: cxphilo does not speak 'de'"):
        interface_language(None, "da")
    with pytest.raises(UsageError, match="--lang: cxphilo does not speak 'klingon'"):
        interface_language("klingon", "da")
