"""The workshop speaks the room's language: a new document in each language, in a real
pseudo-terminal, shows its first step's header, guidance and questions in that language.

What is expected comes from the language's own catalog, and must differ from the
English (a catalog that lacked the words would otherwise pass unseen).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.locale import words
from cxphilo.workshop.asker import KEYS_HINT, SKIP_HINT
from cxphilo.workshop.runner import _guidance_texts
from tests.workshop.test_pty import ENTER, Facilitator

pytestmark = pytest.mark.slow

CTRL_C = "\x03"


def flat(text: str) -> str:
    """The screen's words in one line: wrapping and panel borders aside."""
    return " ".join(text.replace("│", " ").replace("╭", " ").replace("╰", " ").split())


def translated(language: str, message: str, **params: object) -> str:
    shown = words(language)(message, **params)
    english = words("en")(message, **params)
    assert shown != english, f"{language} has no translation of {message!r}"
    return shown


def first_screens(f: Facilitator, language: str) -> tuple[str, str]:
    """The step's opening screen and its first question's screen, as the room sees them."""
    f.wait(translated(language, "Ready?"))
    opening = flat(f.screen())
    f.child.send(ENTER)  # start step 1
    first = translated(language, "The company's mission, in one sentence")
    question = flat(f.wait_screen(first))
    f.child.send(CTRL_C)
    code, _ = f.finish()
    assert code == 130
    return opening, question


@pytest.mark.parametrize("language", ["da", "sv", "nb", "tr", "zh"])
def test_a_new_document_opens_its_first_step_in_its_language(tmp_path: Path, language: str) -> None:
    f = Facilitator(tmp_path, "new.yaml", "--company", "Acme", "--language", language)
    opening, question = first_screens(f, language)
    guidance = _guidance_texts()["assess"]
    for message, params in [
        ("Step {number} of {total}", {"number": 1, "total": 7}),
        ("Assess goals, customer needs and capacity", {}),
        ("What this step is for", {}),
        (guidance["question"], {}),
        (guidance["purpose"], {}),
        ("Start step {number} · {name}", {"number": 1, "name": "assess"}),
        ("Stop here for today", {}),
    ]:
        assert flat(translated(language, message, **params)) in opening, (message, opening)
    assert "What this step is for" not in opening and "Ready?" not in opening
    assert flat(translated(language, KEYS_HINT)) in question
    assert flat(translated(language, SKIP_HINT)) in question  # the form's own hint
    assert "The company's mission" not in question


def test_the_lang_option_speaks_another_language_than_the_documents(tmp_path: Path) -> None:
    # A Turkish facilitator running an English document.
    f = Facilitator(tmp_path, "new.yaml", "--company", "Acme", "--language", "en", "--lang", "tr")
    opening, _ = first_screens(f, "tr")
    assert flat(translated("tr", "What this step is for")) in opening
    assert "language: en" in (tmp_path / "new.yaml").read_text(encoding="utf-8")


def test_the_environment_variable_speaks_for_one_person(tmp_path: Path) -> None:
    f = Facilitator(
        tmp_path, "new.yaml", "--company", "Acme", "--language", "en", env={"CXPHILO_LANG": "sv"}
    )
    opening, _ = first_screens(f, "sv")
    assert flat(translated("sv", "What this step is for")) in opening


def test_a_language_cxphilo_does_not_speak_is_a_usage_error(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "new.yaml", "--company", "Acme", "--lang", "de")
    code, output = f.finish()
    assert code == 2
    assert "--lang: cxphilo does not speak 'de'" in output
    assert not (tmp_path / "new.yaml").exists()
