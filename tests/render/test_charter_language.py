"""A Danish team that runs steps 5 to 7 and accepts every suggestion gets a charter with
no English sentence in it: the suggestions, the metric definitions and the charter's
own words are all Danish.

The room is played by an asker that takes whatever the workshop offers (a suggestion,
a default, the ticked choices) and types a Danish answer where nothing is offered.
The language check is simple on purpose: Danish text holds none of the small English
words every English sentence is made of.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxphilo.document.model import Philosophy
from cxphilo.render.renderer import render
from cxphilo.storage.store import Store, load
from cxphilo.workshop import actions, listen, share
from cxphilo.workshop.asker import RecordingScreen
from cxphilo.workshop.scripted import DEFAULT, Asked, ScriptedAsker
from cxphilo.workshop.session import Session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lyskilde-fiber.yaml"
# What steps 5 to 7 write: taken out of the example, so the workshop writes them again.
LATER_STEPS = (
    "metrics",
    "brand",
    "sharing",
    "hiring",
    "teams",
    "listening",
    "culture",
    "governance",
    "recovery",
)
# Three values the suggestions know, named as the team named them (in Danish).
VALUES = ["Ærlighed", "Kvalitet", "Hurtighed"]
TYPED = [
    "Vi siger det, som det er.",
    "Venlig, rolig og ligefrem.",
    "Vi skriver det ned sammen på teammødet.",
    "Supportchefen og direktøren beslutter og skriver hvorfor.",
]
ENGLISH = re.compile(
    r"\b(the|and|is|are|of|to|with|what|when|how|your|you|we|our|they|their|it|in|"
    r"for|on|a|an|by|from|every|each|customer|customers|team)\b",
    re.IGNORECASE,
)


class AcceptingRoom(ScriptedAsker):
    """Takes what is offered; types Danish where nothing is; never runs out."""

    def __init__(self) -> None:
        super().__init__([])
        self.typed = 0

    def _next(self, kind: str, message: str, choices: Any = ()) -> Any:
        if len(self.asked) > 500:
            raise AssertionError(f"the workshop kept asking: {message!r}")
        self.script = [DEFAULT]
        return super()._next(kind, message, choices)

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Any = None,
        instruction: str | None = None,
    ) -> str:
        if default:
            return super().text(message, default=default, validate=validate)
        for answer in TYPED:
            if validate is None or validate(answer) is True:
                self.asked.append(Asked("text", message, answer))
                return answer
        return super().text(message, default=default, validate=validate)


@pytest.fixture(scope="module")
def danish_charter(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert data["company"]["language"] == "da"
    for key in LATER_STEPS:
        data.pop(key, None)
    data["values"] = [{"name": name} for name in VALUES]
    path = tmp_path_factory.mktemp("charter") / "philosophy.yaml"
    Store.create(path, Philosophy.model_validate(data))
    room = AcceptingRoom()
    session = Session(Store.open(path), room, RecordingScreen(), today=dt.date(2026, 12, 2))
    for step in (actions, share, listen):
        step.run(session)
    doc = load(path).doc
    return {fmt: render(doc, "charter", fmt) for fmt in ("md", "html")} | {
        "doc": yaml.safe_dump(doc.model_dump(mode="json"), allow_unicode=True)
    }


def _sentences(text: str) -> list[str]:
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    return [s.strip() for s in re.split(r"[\n.!?;:|]", text) if s.strip()]


def test_the_suggestions_were_accepted(danish_charter: dict[str, str]) -> None:
    """The workshop offered its suggestions, and they went into the file in Danish."""
    doc = danish_charter["doc"]
    assert "statement:" in doc and "hiring:" in doc and "teams:" in doc and "survey:" in doc


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_danish_charter_holds_no_english_sentence(
    danish_charter: dict[str, str], fmt: str
) -> None:
    english = [s for s in _sentences(danish_charter[fmt]) if len(ENGLISH.findall(s)) >= 2]
    assert not english, english[:10]


def test_the_check_of_the_words_finds_english() -> None:
    """The language check itself: an English sentence of the charter is found."""
    assert len(ENGLISH.findall("How willing customers are to recommend the company")) >= 2
