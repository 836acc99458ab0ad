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


# --- words not said yet (Text) ----------------------------------------------------------


def test_a_text_is_said_in_the_language_it_is_shown_in_with_its_parts() -> None:
    from cxphilo.locale import Either, Series, Text

    days = Text("{first} and {last}", first=Text("Sat"), last=Text("Sun"))
    why = Text("nobody answers on {days}", days=days)
    assert str(why) == "nobody answers on Sat and Sun"
    danish = words("da").say(why)
    assert danish != str(why) and "lør" in danish
    assert words("en").say(Text("{ways}", ways=["a", "b", "c"])) == "a, b and c"
    assert words("en").say(Text("{ways}", ways=Either(["a", "b"]))) == "a or b"
    assert words("en").say(Text("{ways}", ways=Series(["a", "b"]))) == "a; b"
    assert words("zh").say(Text("{ways}", ways=["甲", "乙", "丙"])).count("、") == 1


def test_a_plural_text_takes_the_form_of_its_count() -> None:
    from cxphilo.locale import Text

    one = Text.plural_of("{count} day ago", "{count} days ago", 1)
    many = Text.plural_of("{count} day ago", "{count} days ago", 1580)
    assert (str(one), str(many)) == ("1 day ago", "1,580 days ago")
    assert "1.580 dage" in words("da").say(many)


def test_what_fills_a_text_is_inserted_as_it_is() -> None:
    from cxphilo.locale import Text

    typed = "{count} [bold]x[/] {0} %s"
    assert str(Text("Value “{value}” has no action statement.", value=typed)) == (
        f"Value “{typed}” has no action statement."
    )


@pytest.mark.parametrize(
    ("language", "number", "percent"),
    [
        ("en", "12,345.5", "72.5%"),
        ("da", "12.345,5", "72,5\u00a0%"),
        ("sv", "12\u202f345,5", "72,5\u00a0%"),
        ("nb", "12\u202f345,5", "72,5\u00a0%"),
        ("tr", "12.345,5", "%72,5"),
        ("zh", "12,345.5", "72.5%"),
    ],
)
def test_numbers_are_written_as_each_language_writes_them(
    language: str, number: str, percent: str
) -> None:
    t = words(language)
    assert (t.number(12345.5), t.percent(72.5)) == (number, percent)


def test_every_message_the_check_says_is_in_the_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message made from a variable (`Text(message)`) is found by the catalogs only when
    it is marked where it is written: every one the check says on the project's
    documents and labelled statements is in the template."""
    import datetime as dt

    import yaml

    from cxphilo.check import check_bytes, report
    from cxphilo.criteria import judge_vision
    from cxphilo.locale import Text, Words

    said: set[str] = set()
    original = Words.say

    def recording(self: Words, text: Text | str) -> str:
        if isinstance(text, Text):
            said.add(text.message)
        return original(self, text)

    monkeypatch.setattr(Words, "say", recording)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        result = check_bytes(path.read_bytes(), str(path), today=dt.date(2030, 1, 1))
        report.worded([result], "da")
    labelled = yaml.safe_load(
        (ROOT / "tests" / "criteria" / "labelled_visions.yaml").read_text(encoding="utf-8")
    )["items"]
    en = words("en")
    for item in labelled:
        judgement = judge_vision(item["vision"], item.get("language", "en"), item.get("mission"))
        for finding in judgement.findings:
            en.say(finding.message)
            en.say(finding.fix)
    template = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.template()}
    assert said, "nothing was said"
    assert said <= template, sorted(said - template)
