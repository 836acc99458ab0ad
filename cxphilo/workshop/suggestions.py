"""The workshop's built-in suggestions, read from `data/suggestions.yaml`.

Vague sentence -> core value, value -> metrics, technology, hiring questions and
survey question, the default teams table, the HELP playbook. Every suggestion
is only offered: the team accepts or edits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from cxphilo.document.model import Recovery, RecoveryStep, Team
from cxphilo.locale import Words


@dataclass(frozen=True)
class ValueEntry:
    """One common support value and what the workshop suggests for it."""

    key: str
    names: dict[str, str]
    words: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    statement: str
    metrics: tuple[str, ...]
    technology: tuple[str, ...]
    hiring: tuple[str, ...]
    strong: str
    survey: str

    def name(self, language: str = "en") -> str:
        """The value's name in the workshop's language (English when there is none)."""
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class Lexicon:
    values: tuple[ValueEntry, ...]
    insight_sources: tuple[str, ...]
    listening_methods: tuple[str, ...]
    teams: tuple[Team, ...]
    recovery: Recovery


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


@cache
def lexicon() -> Lexicon:
    """The built-in lexicon (read once)."""
    raw = resources.files("cxphilo.workshop").joinpath("data/suggestions.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    values = tuple(
        ValueEntry(
            key=item["key"],
            names=dict(item["names"]),
            words=tuple(_fold(w) for w in item.get("words", [])),
            cues={lang: tuple(_fold(c) for c in cues) for lang, cues in item["cues"].items()},
            statement=item["statement"],
            metrics=tuple(item["metrics"]),
            technology=tuple(item["technology"]),
            hiring=tuple(item["hiring"]),
            strong=item["strong"],
            survey=item["survey"],
        )
        for item in data["values"]
    )
    recovery = Recovery(
        name=data["recovery"]["name"],
        steps=[RecoveryStep(**step) for step in data["recovery"]["steps"]],
    )
    return Lexicon(
        values=values,
        insight_sources=tuple(data["insight_sources"]),
        listening_methods=tuple(data["listening_methods"]),
        teams=tuple(Team(**team) for team in data["teams"]),
        recovery=recovery,
    )


def _cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _contains(text: str, cue: str) -> bool:
    """`cue` appears in `text` as whole words; Chinese, written without spaces, on characters."""
    if _cjk(cue):
        return cue in text
    return re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text) is not None


def entry_for(value_name: str) -> ValueEntry | None:
    """The lexicon entry a value's name refers to, in any language ("Ærlighed" -> honesty)."""
    folded = _fold(value_name)
    if not folded:
        return None
    for entry in lexicon().values:
        if folded in {_fold(n) for n in entry.names.values()} or folded in entry.words:
            return entry
    return None


def suggest_value(statement: str, language: str = "en") -> str | None:
    """The core value a brainstormed sentence expresses, named in `language`; None when unsure.

    "We want customers to believe what we tell them is true" -> "Honesty".
    Cues of every language count (a team may mix languages); the longest cue
    found wins, and the first value in the lexicon wins a tie.
    """
    text = _fold(statement)
    if not text:
        return None
    direct = entry_for(statement)
    if direct is not None:
        return direct.name(language)
    best: tuple[int, ValueEntry] | None = None
    for entry in lexicon().values:
        for cues in entry.cues.values():
            for cue in cues:
                if _contains(text, cue) and (best is None or len(cue) > best[0]):
                    best = (len(cue), entry)
    return best[1].name(language) if best else None


def is_statement(text: str) -> bool:
    """A sentence rather than a value's name: three words or more (five Chinese characters)."""
    if _cjk(text):
        return len(text.strip()) > 4
    return len(text.split()) > 2


def metrics_for(value_name: str) -> tuple[str, ...]:
    """Catalogue ids that measure a value (the method's table), or none."""
    entry = entry_for(value_name)
    return entry.metrics if entry else ()


# Every suggestion below is said in `t`'s language: the document's, since what the team
# accepts goes into its file and its charter.


def technology_for(value_name: str, t: Words) -> tuple[str, ...]:
    """Tools that reinforce a value, or none."""
    entry = entry_for(value_name)
    return tuple(t(tool) for tool in entry.technology) if entry else ()


def statement_for(value_name: str, t: Words) -> str | None:
    """An action statement to start from, or None."""
    entry = entry_for(value_name)
    return t(entry.statement) if entry else None


def hiring_for(value_name: str, t: Words) -> tuple[tuple[str, ...], str | None]:
    """Profile questions for a value and what a strong answer looks like."""
    entry = entry_for(value_name)
    if entry is None:
        return (), None
    return tuple(t(question) for question in entry.hiring), t(entry.strong)


def survey_for(value_name: str, t: Words) -> str:
    """A question asking employees what the value means in their daily work."""
    entry = entry_for(value_name)
    if entry:
        return t(entry.survey)
    return t(
        "What does “{value}” mean in the work you do every day? Give a recent example.",
        value=value_name,
    )


def default_teams(t: Words) -> list[Team]:
    """The teams table to start from (copies: the caller may edit them)."""
    return [
        Team(name=t(team.name), activities=[t(a) for a in team.activities], metrics=team.metrics)
        for team in lexicon().teams
    ]


def default_recovery(t: Words) -> Recovery:
    """The HELP playbook, in the tool's words."""
    playbook = lexicon().recovery
    return Recovery(
        name=playbook.name,
        steps=[RecoveryStep(name=t(s.name), guidance=t(s.guidance)) for s in playbook.steps],
    )
