"""The three vision criteria of the method (step 4), judged on one statement.

- simple:  simple to understand and act on (no jargon, clichés, words that say
           nothing, lists of abstract nouns, or a statement too long to remember)
- service: describes the service a customer gets (not the company's mission
           restated, not market position, money, cost or competitor targets)
- future:  who the team is now and wants to become (no promise beyond the
           declared capacity; more than a bare service-level target)

The rules look for the kinds of failure the method names, through word lists
per language (`lexicons/*.json`), never for particular sentences. A criterion
fails when at least one finding of level "error" belongs to it; warnings and
notes explain without failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cxphilo.locale import Text
from cxphilo.vocabulary import CRITERIA

from .capacity import CapacityLike, Reach
from .future import Future
from .judge import (
    CLAIM_KINDS,
    MAX_JUDGED,
    RULES_BY_ID,
    VISION_RULES,
    Level,
    Span,
    Verdict,
    VisionFinding,
    VisionRule,
)
from .lexicon import lexicon
from .service import Service
from .simple import Simple
from .text import count_words

__all__ = [
    "CLAIM_KINDS",
    "MAX_JUDGED",
    "RULES_BY_ID",
    "VISION_RULES",
    "Judgement",
    "Level",
    "Span",
    "Verdict",
    "VisionFinding",
    "VisionRule",
    "is_action_statement",
    "judge_vision",
    "verdicts",
]


class Judgement:
    """The verdict on each criterion and the findings that led to it."""

    # A plain class that refuses changes, as a frozen dataclass would, without the
    # start-up cost of dataclasses; not a NamedTuple, whose default list would be
    # shared by every Judgement made without findings.
    __slots__ = ("criteria", "findings", "language", "statement")

    statement: str
    language: str
    criteria: dict[str, Verdict]
    findings: list[VisionFinding]

    def __init__(
        self,
        statement: str,
        language: str,
        criteria: dict[str, Verdict],
        findings: list[VisionFinding] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "statement", statement)
        set_(self, "language", language)
        set_(self, "criteria", criteria)
        set_(self, "findings", [] if findings is None else findings)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _fields(self) -> tuple[object, ...]:
        return (self.statement, self.language, self.criteria, self.findings)

    def __reduce__(self) -> tuple[type[Judgement], tuple[object, ...]]:
        return (Judgement, self._fields())  # copy and pickle through __init__

    def __eq__(self, other: object) -> bool:
        return type(other) is Judgement and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Judgement(statement={self.statement!r}, language={self.language!r}, "
            f"criteria={self.criteria!r}, findings={self.findings!r})"
        )

    @property
    def passed(self) -> bool:
        return all(v == "pass" for v in self.criteria.values())


def verdicts(findings: Iterable[tuple[str | None, str]]) -> dict[str, Verdict]:
    """Each criterion fails when a finding of level "error" belongs to it.

    `findings` are (criterion, level) pairs, so that the check can pass its own
    findings after the configuration changed their levels.
    """
    failed = {criterion for criterion, level in findings if level == "error"}
    return {c: ("fail" if c in failed else "pass") for c in CRITERIA}


def judge_vision(
    statement: str,
    language: str = "en",
    mission: str | None = None,
    capacity: CapacityLike | None = None,
    customer_channels: Sequence[str] | None = None,
) -> Judgement:
    """Judge a vision statement against the three criteria.

    `customer_channels` are the channels customers use (step 1): a promise of
    every channel must cover them.

    >>> judge_vision("We create happiness").criteria
    {'simple': 'pass', 'service': 'pass', 'future': 'pass'}
    """
    lex = lexicon(language)
    # Judging is linear in the text, and bounded: past a length no vision has, the rest
    # is not read (the statement is far too long anyway, and says so).
    text = lex.statement(statement[:MAX_JUDGED])
    if not statement.strip():
        finding = VisionFinding(
            "vision-empty",
            "simple",
            "error",
            Text("The vision statement is empty."),
            Text("Write one sentence about what a customer gets when they contact you."),
            None,
        )
        return Judgement(statement, lex.language, dict.fromkeys(CRITERIA, "fail"), [finding])
    length = text.length if len(statement) <= MAX_JUDGED else count_words(statement, lex.cjk)
    judge = _Judge(text, lex, length)
    judge.simple()
    judge.service(mission)
    judge.future(Reach.of(capacity, customer_channels))
    findings = judge.findings
    return Judgement(
        statement, lex.language, verdicts((f.criterion, f.level) for f in findings), findings
    )


def is_action_statement(statement: str, language: str = "en") -> bool:
    """True when a value's statement acts: it starts with a verb or is an "I ..." statement.

    Judged by elimination: a statement made only of abstract nouns ("Passion.",
    "Excellence in everything.") does not act; anything with a verb does.
    """
    lex = lexicon(language)
    text = lex.statement(statement[:MAX_JUDGED])
    if not text.words:
        return False
    judge = _Judge(text, lex, text.length)
    first = text.words[0].text
    if first in lex.words("subject"):
        return True
    if judge.actions():
        return True
    if lex.cjk:
        return not judge.abstract_spans()
    content = judge.content_words()
    return (
        bool(content)
        and not any(judge.is_abstract(w.text) for w in content[:1])
        and len(text.words) > 2
    )


# --- the rules -------------------------------------------------------------------------------


class _Judge(Simple, Service, Future):
    """The judge with the rules of all three criteria."""
