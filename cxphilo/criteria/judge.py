"""What the rules of the three criteria share: the rules themselves, the findings they
make, and the judge they run on (`Judge`): the statement, its lexicon, the lookups
and the findings so far. Each criterion's rules are a part of the judge in a module
of its own (`simple`, `service`, `future`); `engine` puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from cxphilo.locale import Text
from cxphilo.vocabulary import CRITERIA, Criterion

from .lexicon import Lexicon
from .promises import (
    CHANNEL_CLAIMS,
    DAY_CLAIMS,
    WINDOWS,
)
from .text import Statement, Word

Level = Literal["error", "warning", "info"]
Verdict = Literal["pass", "fail"]
Span = tuple[int, int]

# Characters of a statement that are judged; a vision is a sentence, this is pages.
MAX_JUDGED = 10_000


class VisionRule(NamedTuple):  # NamedTuples: cheaper to make at start-up than dataclasses
    """A rule of the criteria: stable id, the criterion it informs, default level."""

    id: str
    criterion: Criterion
    level: Level
    title: str
    example: str  # a statement that makes it fire (README, tests)


VISION_RULES: tuple[VisionRule, ...] = (
    VisionRule("vision-empty", "simple", "error", "The statement is empty", ""),
    VisionRule(
        "vision-cliche",
        "simple",
        "error",
        "A stock phrase (cliché)",
        "We go the extra mile for every customer.",
    ),
    VisionRule(
        "vision-buzzword",
        "simple",
        "error",
        "Business jargon or a buzzword",
        "Leveraging synergies to delight stakeholders.",
    ),
    VisionRule(
        "vision-vague",
        "simple",
        "error",
        "Words that say nothing concrete (a warning when the rest is concrete)",
        "Excellence in all things.",
    ),
    VisionRule(
        "vision-noun-list",
        "simple",
        "error",
        "A list of abstract nouns with no action",
        "Innovation. Passion. Excellence.",
    ),
    VisionRule(
        "vision-too-long",
        "simple",
        "error",
        "Too long to remember",
        "A statement of more than 25 words (18 in Turkish, 40 characters in Chinese).",
    ),
    VisionRule(
        "vision-long",
        "simple",
        "warning",
        "Long; shorter is easier to remember",
        "A statement of 21 to 25 words.",
    ),
    VisionRule(
        "vision-hedge",
        "simple",
        "warning",
        "Hedging: promises trying, not doing",
        "We strive to answer every rider the same day.",
    ),
    VisionRule(
        "vision-no-customer",
        "service",
        "error",
        "No customer or service in sight",
        "Innovation drives us forward.",
    ),
    VisionRule(
        "vision-mission-restated",
        "service",
        "error",
        "The company's mission restated instead of the service",
        "Become the largest pet food brand in Europe. (mission: the same words)",
    ),
    VisionRule(
        "vision-business-target",
        "service",
        "error",
        "Market position, money, cost or competitor target",
        "Double our profit margin by 2030.",
    ),
    VisionRule(
        "vision-overpromise",
        "future",
        "error",
        "Promises more than the declared capacity can keep",
        "Support 24/7 on every channel. (capacity: 2 people, weekdays, phone)",
    ),
    VisionRule(
        "vision-unchecked-promise",
        "future",
        "warning",
        "A promise that cannot be checked: the capacity is not declared",
        "Always there for you, day and night. (no capacity)",
    ),
    VisionRule(
        "vision-bare-metric",
        "future",
        "error",
        "A bare service-level target or statistic (a warning beside a customer outcome)",
        "Answer 90 percent of calls within 30 seconds.",
    ),
)
RULES_BY_ID = {rule.id: rule for rule in VISION_RULES}

# The lexicon categories whose words promise something the capacity must keep.
CLAIM_KINDS: tuple[str, ...] = (
    *WINDOWS,
    *DAY_CLAIMS,
    "instant",
    "every_channel",
    *CHANNEL_CLAIMS,
)


class VisionFinding(NamedTuple):
    """One thing the criteria noticed in a statement."""

    rule: str
    criterion: Criterion
    level: Level
    message: Text  # what triggered it, quoting the words
    fix: Text  # how to fix it, in plain words
    span: Span | None  # (start, end) in the statement, or None for the whole of it
    words: tuple[str, ...] = ()  # the words of the statement the message quotes


def overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def beside(claim: Span, clause: Span, spans: list[Span]) -> bool:
    """True when one of `spans` is in the clause of a claim, outside the claim itself:
    the words of a promise do not scope it ("gece gündüz" holds "gündüz")."""
    return overlaps(clause, [s for s in spans if not within(s, claim)])


def quoted(text: Statement, spans: list[Span]) -> tuple[str, ...]:
    """The words at `spans`, as typed, each once."""
    seen: list[str] = []
    for start, end in spans:
        quoted = text.quote(start, end)
        if quoted.lower() not in (s.lower() for s in seen):
            seen.append(quoted)
    return tuple(seen)


def quote_all(words: tuple[str, ...]) -> str:
    return ", ".join(f'"{q}"' for q in words)


class Judge:
    """Runs the rules on one statement and collects the findings."""

    def __init__(self, text: Statement, lex: Lexicon, length: int) -> None:
        self.text = text
        self.lex = lex
        self.length = length  # of the whole statement, judged or not
        self.folded = text.folded
        self.findings: list[VisionFinding] = []
        self._taken: dict[str, list[Span]] = {c: [] for c in CRITERIA}
        self._cache: dict[str, list[Span]] = {}

    # -- helpers

    def find(self, category: str) -> list[Span]:
        if category not in self._cache:
            self._cache[category] = self.lex.find(category, self.folded)
        return self._cache[category]

    def add(
        self,
        rule_id: str,
        span: Span | None,
        message: str,
        fix: str | Text,
        level: Level | None = None,
        spans: list[Span] | None = None,
        quoting: list[Span] | None = None,
        **params: object,
    ) -> None:
        """A finding whose message starts with the words at `quoting` ({words})."""
        rule = RULES_BY_ID[rule_id]
        self._taken[rule.criterion].extend(spans or ([span] if span else []))
        words = quoted(self.text, quoting) if quoting else ()
        if words:
            params["words"] = quote_all(words)
        self.findings.append(
            VisionFinding(
                rule_id,
                rule.criterion,
                level or rule.level,
                Text(message, **params),
                Text(fix) if isinstance(fix, str) else fix,
                span,
                words,
            )
        )

    def free(self, criterion: str, spans: list[Span]) -> list[Span]:
        """Spans not already explained by an earlier finding of the criterion."""
        return [s for s in spans if not overlaps(s, self._taken[criterion])]

    def content_words(self) -> list[Word]:
        stop = self.lex.words("stopword")
        return [
            w
            for w in self.text.words
            if base_word(w.text) not in stop and w.text not in stop and not w.text[0].isdigit()
        ]

    def is_abstract(self, word: str) -> bool:
        if word in self.lex.words("abstract"):
            return True
        if self.lex.has("customer", word):
            return False
        suffixes = self.lex.data.get("abstract_suffix") or []
        return len(word) >= 6 and word.endswith(tuple(suffixes))

    def abstract_spans(self) -> list[Span]:
        return self.find("abstract")

    def actions(self) -> list[Span]:
        """Verbs used as verbs; a word that is also an abstract noun ("care",
        "trust") counts only with a subject before it or an object after it."""
        found = []
        words = self.text.words
        subjects = (
            self.lex.words("subject")
            | self.lex.words("second_person")
            | {"to", "will", "they", "who", "that", "can", "must", "shall"}
        )
        stop = self.lex.words("stopword")
        for start, end in self.find("verb"):
            token = self.folded[start:end]
            if self.lex.cjk or not self.is_abstract(token):
                found.append((start, end))
                continue
            index = next((i for i, w in enumerate(words) if w.start == start), None)
            if index is None:
                continue
            before = words[index - 1].text if index else ""
            after = words[index + 1] if index + 1 < len(words) else None
            joined = after is not None and not re.search(
                r"[.,;:!?]", self.folded[end : after.start]
            )
            if before in subjects or (
                joined
                and after is not None
                and (after.text in stop or not self.is_abstract(after.text))
            ):
                found.append((start, end))
        return found

    def customer_spans(self) -> list[Span]:
        """Where the statement names the people served."""
        spans = self.find("customer") + self.find("second_person")
        if self.lex.cjk:
            return spans
        quantifiers = self.lex.words("quantifier")
        stop = self.lex.words("stopword") - quantifiers
        words = self.text.words
        for index, word in enumerate(words):
            if word.text not in quantifiers:
                continue
            following = [w for w in words[index + 1 : index + 4] if w.text not in stop]
            noun = next((w for w in following if not w.text[0].isdigit()), None)
            if noun is None or self.lex.has("not_customer", noun.text):
                continue
            if self.lex.has("verb", noun.text) and not self.lex.has("customer", noun.text):
                continue
            spans.append((word.start, noun.end))
        return spans

    # -- simple

    def findings_of(self, criterion: str) -> list[VisionFinding]:
        return [f for f in self.findings if f.criterion == criterion and f.level == "error"]


def base_word(word: str) -> str:
    """ "we're" as "we", "anyone's" as "anyone"; "don't" stays itself."""
    return word.split("'", 1)[0] if "'" in word and not word.endswith("n't") else word


def merge_spans(spans: list[Span], text: str) -> list[Span]:
    """Join spans separated only by spaces or hyphens: "profit" + "margin"."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and re.fullmatch(r"[\s\-]*", text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def normal_text(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip()
