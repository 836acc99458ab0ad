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

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from cxphilo.locale import N_, Text
from cxphilo.vocabulary import CRITERIA, DAYS, Criterion

from .capacity import CapacityLike, Reach
from .clock import closings
from .lexicon import Lexicon, lexicon
from .promises import (
    CHANNEL_CLAIMS,
    DAY_CLAIMS,
    EVERY_DAY_KINDS,
    WINDOWS,
    Claim,
    Context,
    Kind,
    fix,
    missing,
    promise_of,
)
from .text import Statement, Word, cjk_positions, clause_bounds, count_words, fold

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


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _beside(claim: Span, clause: Span, spans: list[Span]) -> bool:
    """True when one of `spans` is in the clause of a claim, outside the claim itself:
    the words of a promise do not scope it ("gece gündüz" holds "gündüz")."""
    return _overlaps(clause, [s for s in spans if not _within(s, claim)])


def _quoted(text: Statement, spans: list[Span]) -> tuple[str, ...]:
    """The words at `spans`, as typed, each once."""
    seen: list[str] = []
    for start, end in spans:
        quoted = text.quote(start, end)
        if quoted.lower() not in (s.lower() for s in seen):
            seen.append(quoted)
    return tuple(seen)


def _quote_all(words: tuple[str, ...]) -> str:
    return ", ".join(f'"{q}"' for q in words)


class _Judge:
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
        words = _quoted(self.text, quoting) if quoting else ()
        if words:
            params["words"] = _quote_all(words)
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
        return [s for s in spans if not _overlaps(s, self._taken[criterion])]

    def content_words(self) -> list[Word]:
        stop = self.lex.words("stopword")
        return [
            w
            for w in self.text.words
            if _base(w.text) not in stop and w.text not in stop and not w.text[0].isdigit()
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

    def simple(self) -> None:
        cliches = _merge(self.find("cliche"), self.folded)
        if cliches:
            self.add(
                "vision-cliche",
                cliches[0],
                N_("{words}: a stock phrase everyone has heard, so nobody acts on it.")
                if len(cliches) == 1
                else N_("{words}: stock phrases everyone has heard, so nobody acts on them."),
                N_("Say in your own words what the team does that a customer would notice."),
                spans=cliches,
                quoting=cliches,
            )
        buzz = _merge(self.free("simple", self.find("buzzword")), self.folded)
        if buzz:
            self.add(
                "vision-buzzword",
                buzz[0],
                N_("{words}: business jargon a customer would not say."),
                N_("Swap it for the plain words you would use with a customer: what do they get?"),
                spans=buzz,
                quoting=buzz,
            )
        hedges = self.free("simple", self.find("hedge"))
        escapes = self.find("escape")
        actions = self.actions()
        customers = self.customer_spans()
        if hedges or escapes:
            spans = sorted(hedges + escapes)
            # One hedge in a concrete sentence is a nudge; hedge upon hedge, or a hedge
            # with a way out ("when we can"), promises nothing at all.
            empty = len(spans) > 1 or not (actions and (customers or self.find("service")))
            self.add(
                "vision-hedge",
                spans[0],
                N_("{words}: promises trying, not doing, and leaves a way out.")
                if empty and escapes
                else N_("{words}: promises trying, not doing."),
                N_('Say what the team does: "we answer" rather than "we strive to answer".'),
                level="error" if empty else None,
                spans=spans,
                quoting=spans,
            )
        vague = self.free("simple", self.find("vague"))
        if vague:
            # One empty word in an otherwise concrete sentence is a nudge; two or more
            # make the whole statement generic.
            concrete = bool(actions) and bool(customers) and len(vague) == 1
            self.add(
                "vision-vague",
                vague[0],
                N_("{words}: could be said by any company about anything.")
                if not concrete
                else N_(
                    "{words}: could be said by any company about anything; the rest of the "
                    "statement is concrete."
                ),
                N_(
                    "Name what a customer actually notices: an answer, a fix, a person who "
                    "follows up."
                ),
                level=None if not concrete else "warning",
                quoting=vague,
            )
        self._noun_list(actions)
        self._length()

    def _noun_list(self, actions: list[Span]) -> None:
        if actions:
            return
        if self.lex.cjk:
            chars = cjk_positions(self.folded)
            abstract = self.abstract_spans() + self.find("quality_word")
            covered = sum(1 for i in chars if _overlaps((i, i + 1), abstract))
            if chars and covered / len(chars) >= 0.75:
                self.add(
                    "vision-noun-list",
                    None,
                    N_("{words}: abstract words in a row, with no action and no one they are for."),
                    N_("Make it one sentence with a verb: who does what for whom?"),
                    quoting=abstract,
                )
            return
        content = self.content_words()
        qualities = [
            w for w in content if self.is_abstract(w.text) or self.lex.has("quality_word", w.text)
        ]
        if self._bare_list():
            qualities = content
        if (len(content) >= 2 and len(qualities) / len(content) >= 0.75) or (
            len(content) == 1 and qualities
        ):
            spans = [(w.start, w.end) for w in qualities]
            self.add(
                "vision-noun-list",
                None,
                N_("{words}: abstract words with no action and no one they are for."),
                N_("Make it one sentence with a verb: who does what for whom?"),
                quoting=spans,
            )

    def _bare_list(self) -> bool:
        """Words in a row with nothing that acts and nobody they are for: "Trust. Care. Speed."
        — whether or not the lexicon knows the words."""
        if self.customer_spans() or self.find("service") or self.find("contact"):
            return False
        items = [item for item in re.split(r"[.,;:!?/|·•]|\s-\s", self.folded) if item.strip()]
        conjunctions = {fold(w, self.lex.language) for w in self.lex.words("list_and")}
        words = [
            [w for w in item.split() if w not in conjunctions and w.strip("-")] for item in items
        ]
        return len(words) >= 2 and all(1 <= len(item) <= 2 for item in words)

    def _length(self) -> None:
        length = self.length
        error = self.lex.number("length_error", 25)
        warn = self.lex.number("length_warn", 20)
        if length > error:
            self.add(
                "vision-too-long",
                None,
                N_(
                    "The statement has {length} characters; people remember a vision that fits "
                    "in one breath ({limit} characters at most)."
                )
                if self.lex.cjk
                else N_(
                    "The statement has {length} words; people remember a vision that fits in "
                    "one breath ({limit} words at most)."
                ),
                N_("Keep the one idea that matters most and move the details to the values."),
                length=length,
                limit=error,
            )
        elif length > warn:
            self.add(
                "vision-long",
                None,
                N_(
                    "The statement has {length} characters; it is easier to remember with "
                    "{limit} or fewer."
                )
                if self.lex.cjk
                else N_(
                    "The statement has {length} words; it is easier to remember with "
                    "{limit} or fewer."
                ),
                N_("Cut the words a customer would not miss."),
                length=length,
                limit=warn,
            )

    # -- service

    def service(self, mission: str | None) -> None:
        kinds = (
            (
                "market",
                N_(
                    "{words}: the company's place in the market, not something a "
                    "customer experiences."
                ),
            ),
            (
                "award",
                N_(
                    "{words}: a ranking or an award for the company, not something a "
                    "customer experiences."
                ),
            ),
            ("money", N_("{words}: a money target, not something a customer experiences.")),
            ("cost", N_("{words}: a cost target, not something a customer experiences.")),
            ("competitor", N_("{words}: about competitors, not something a customer experiences.")),
            (
                "investor",
                N_(
                    "{words}: for investors or owners, who are not its customers, not "
                    "something a customer experiences."
                ),
            ),
        )
        for category, what in kinds:
            found = _merge(self.free("service", self.find(category)), self.folded)
            if found:
                self.add(
                    "vision-business-target",
                    found[0],
                    what,
                    N_(
                        "Describe the service from the customer's side: what do they get when "
                        "they contact you?"
                    ),
                    spans=found,
                    quoting=found,
                )
        if mission and self._restates(mission):
            self.add(
                "vision-mission-restated",
                None,
                N_(
                    'The statement repeats the company\'s mission ("{mission}") instead of '
                    "describing the service."
                ),
                N_("Walk through a customer's contact with support and say what they experience."),
                mission=mission.strip(),
            )
        if self.findings_of("service"):
            return
        self._generic_service()
        if self.findings_of("service"):
            return
        # In a bare list of values ("Quality, trust and care") "trust" is not a feeling a
        # customer is given, so outcome words count only outside such a list.
        listed = any(f.rule == "vision-noun-list" for f in self.findings)
        outcome = [] if listed else self.find("outcome")
        # "Ping us on Messenger", "consider it handled": service without a customer noun.
        served = self.find("contact") or self.find("done_for_you")
        if not (self.customer_spans() or self.find("service") or outcome or served):
            self.add(
                "vision-no-customer",
                None,
                N_(
                    "Nothing in the statement names a customer, the service or what it feels like "
                    "to get it."
                ),
                N_('Say who you serve and what they get: "Every <customer> gets ...".'),
            )

    def _generic_service(self) -> None:
        """Stock words about service ("world-class service, second to none", "quality
        solutions for our customers' needs") describe no service: take them away, with the
        people served and the words any sentence has, and see whether anything is left."""
        stock = ("vision-cliche", "vision-vague", "vision-buzzword")
        if not any(f.rule in stock and f.level == "error" for f in self.findings):
            return
        taken = self._taken["simple"] + self.customer_spans() + self.find("generic")
        left = [
            w
            for w in self.content_words()
            if not _overlaps((w.start, w.end), taken) and not self.is_abstract(w.text)
        ]
        if left:
            return
        self.add(
            "vision-no-customer",
            None,
            N_("Take away the stock words and nothing is left that a customer gets."),
            N_('Say what a customer gets when they contact you: "every <customer> gets ...".'),
        )

    def findings_of(self, criterion: str) -> list[VisionFinding]:
        return [f for f in self.findings if f.criterion == criterion and f.level == "error"]

    def _restates(self, mission: str) -> bool:
        other = self.lex.statement(mission[:MAX_JUDGED])
        if _normal(other.folded) == _normal(self.folded):
            return True
        mine, theirs = self._stems(self.text), self._stems(other)
        if len(mine) < 2 or not theirs:
            return False
        shared = len(mine & theirs)
        return shared >= 2 and shared / len(mine) >= 0.6

    def _stems(self, text: Statement) -> set[str]:
        if self.lex.cjk:
            chars = [text.folded[i] for i in cjk_positions(text.folded)]
            return {a + b for a, b in itertools.pairwise(chars)}
        stop = self.lex.words("stopword")
        return {
            w.text[:5]
            for w in text.words
            if w.text not in stop and len(w.text) > 1 and not w.text[0].isdigit()
        }

    # -- future

    def future(self, reach: Reach | None) -> None:
        claims = self._claims()
        if claims:
            self._honesty(claims, reach)
        self._metrics([claim.span for claim in claims])

    def _claims(self) -> list[Claim]:
        found: list[Claim] = []
        # Most statements promise nothing: one pass over the words tells, before one per kind.
        kinds = CLAIM_KINDS if self.lex.finds_any(CLAIM_KINDS, self.folded) else ()
        for kind in kinds:
            days = DAY_CLAIMS.get(kind, frozenset())
            named = kind.startswith("day_")
            found += [Claim("days" if named else kind, span, days) for span in self.find(kind)]
        found += [
            Claim("until", c.span, closing=c.minutes)
            for c in closings(self.lex.language, self.folded, self._not_a_duration)
        ]
        found = self._day_ranges(found)
        # A longer promise wins over a shorter one inside it ("every day of the year").
        found.sort(key=lambda c: c.span[0] - c.span[1])
        kept: list[Claim] = []
        for claim in found:
            if not _overlaps(claim.span, [c.span for c in kept]):
                kept.append(claim)
        kept.sort(key=lambda c: c.span)
        return kept

    def _not_promised(
        self, claim: Span, clause: Span, negations: list[Span], contrasts: list[Span]
    ) -> bool:
        """A claim under a negation ("we don't staff the phones at night"), or conceded
        before a "but" ("not at night, but ..."), promises nothing."""
        if _beside(claim, clause, negations):
            return True
        after = self.folded[clause[1] :]
        gap = len(after) - len(after.lstrip(" ,;:-"))
        return any(start == clause[1] + gap or start == clause[1] for start, _ in contrasts)

    def _not_a_duration(self, end: int) -> bool:
        """ "until 24 hours later" names a duration, not a closing time."""
        after = self.folded[end:].split(None, 1)
        return not after or not self.lex.has("time_unit", after[0].strip(".,;:!?"))

    def _day_ranges(self, claims: list[Claim]) -> list[Claim]:
        """ "Monday to Saturday", "周一至周六": two named days joined into the days between."""
        named = sorted((c for c in claims if c.kind == "days"), key=lambda c: c.span)
        if len(named) < 2:
            return claims
        joiners = {fold(w, self.lex.language) for w in self.lex.words("day_range")} | {"-", "~"}
        ranges: list[Claim] = []
        for first, second in itertools.pairwise(named):
            between = self.folded[first.span[1] : second.span[0]].strip()
            if between in joiners:
                (one,), (other,) = first.days, second.days
                start, end = DAYS.index(one), DAYS.index(other)
                days = frozenset(DAYS[(start + i) % 7] for i in range((end - start) % 7 + 1))
                ranges.append(Claim("days", (first.span[0], second.span[1]), days))
        return claims + ranges

    def _honesty(self, claims: list[Claim], reach: Reach | None) -> None:
        self_service = self.find("self_service")
        limits = self.find("limit")
        weekdays = self.find("weekdays")
        daily = self.find("daily")
        # Days named inside a limit ("Monday to Friday") narrow a promise; they make none.
        claims = [
            c for c in claims if not (c.days and any(_within(c.span, s) for s in limits + weekdays))
        ]
        protected = [c.span for c in claims] + self_service + limits + weekdays
        clauses = clause_bounds(self.folded, self.find("conjunction"), protected)
        # (rule, kind, promise, why not) -> spans: "24 hours a day, 365 days" is one finding
        broken: dict[tuple[str, Kind, Text, Text | None], list[Span]] = {}
        negations = self.find("negation")
        contrasts = self.find("contrast")
        for claim in claims:
            span = claim.span
            clause = next((c for c in clauses if c[0] <= span[0] < c[1]), (0, len(self.folded)))
            if self._not_promised(span, clause, negations, contrasts):
                continue
            others = [c for c in claims if c is not claim and clause[0] <= c.span[0] < clause[1]]
            context = Context(
                self_service=_beside(span, clause, self_service),
                limited=_beside(span, clause, limits),
                weekdays=_beside(span, clause, weekdays),
                # "until 21:00 every evening" is about every day, like "every day".
                daily=_beside(span, clause, daily)
                or any(c.kind in EVERY_DAY_KINDS for c in others),
                days=frozenset().union(*(c.days for c in others)),
                channels=tuple(CHANNEL_CLAIMS[c.kind] for c in others if c.kind in CHANNEL_CLAIMS),
            )
            promise = promise_of(claim, context)
            if promise is None:
                continue
            verdict, why_not = promise.judge(reach) if reach is not None else (None, None)
            if verdict is True:
                continue
            rule = "vision-unchecked-promise" if verdict is None else "vision-overpromise"
            key = (rule, promise.kind, promise.what, why_not if verdict is False else None)
            broken.setdefault(key, []).append(span)
        for (rule, kind, what, why_not), spans in broken.items():
            if rule == "vision-unchecked-promise":
                self.add(
                    rule,
                    spans[0],
                    N_(
                        "{words}: {what}, but the capacity it needs is not declared, so nobody "
                        "can tell whether the team can keep it."
                    ),
                    Text("Fill in the team's {missing} in step 1.", missing=missing(kind, reach)),
                    spans=spans,
                    quoting=spans,
                    what=what,
                )
            else:
                assert reach is not None
                self.add(
                    rule,
                    spans[0],
                    N_("{words}: {what}, but {why}."),
                    fix(kind, reach),
                    spans=spans,
                    quoting=spans,
                    what=what,
                    why=why_not,
                )

    def _worded_targets(self) -> list[Span]:
        """ "within three rings", "in under an hour": a target written in words."""
        words = self.text.words
        numbers = self.lex.words("number_word")
        found = []
        starts = {start: end for start, end in self.find("within")}
        units = {start: end for start, end in self.find("time_unit")}
        for word in words:
            if word.start not in starts:
                continue
            after = [w for w in words if w.start >= starts[word.start]][:2]
            if len(after) == 2 and after[0].text in numbers and after[1].start in units:
                found.append((word.start, units[after[1].start]))
        return found

    def _metrics(self, claimed: list[Span]) -> None:
        folded = self.folded
        spans: list[Span] = []
        numbers = [m.span() for m in _NUMBER.finditer(folded)]
        if numbers:
            # Where a unit, a percent sign or a counted noun starts, by position.
            units = {
                start: end
                for kind in ("percent", "time_unit", "stat_noun")
                for start, end in self.find(kind)
            }
            for start, end in numbers:
                if _overlaps((start, end), claimed):
                    continue
                after = end + len(folded[end:]) - len(folded[end:].lstrip())
                if folded[after : after + 1] == "%" or folded[after : after + 1] == "/":
                    spans.append((start, after + 1))
                elif after in units:
                    spans.append((start, units[after]))
                elif re.search(r"(?:%|\byüzde|百分之)\s*$", folded[max(0, start - 8) : start]):
                    spans.append((start, end))
                else:
                    value = float(folded[start:end].replace(",", "."))
                    if value >= 100 and not 1900 <= value <= 2100:
                        spans.append((start, end))
        spans += self._worded_targets()
        spans += self.find("metric_acronym")
        spans = [s for s in spans if not _overlaps(s, claimed)]
        # A metric inside a market or money target is that target's, already said.
        if not spans or any(f.rule == "vision-business-target" for f in self.findings):
            return
        outside = [
            s for s in self.customer_spans() + self.find("outcome") if not _overlaps(s, spans)
        ]
        if outside:
            self.add(
                "vision-bare-metric",
                spans[0],
                N_(
                    "{words}: a target for a metric; next to the customer it reads as a "
                    "service level rather than a vision."
                ),
                N_(
                    "Keep the number as a metric of a value (step 5) and let the vision say what "
                    "the customer experiences."
                ),
                level="warning",
                quoting=sorted(spans),
            )
        else:
            self.add(
                "vision-bare-metric",
                spans[0],
                N_(
                    "{words}: a service-level target or a statistic; it measures today, with no "
                    "eye on who the team wants to become."
                ),
                N_(
                    "Say what a customer experiences on a day when everything goes right; keep the "
                    "number as a metric of a value (step 5)."
                ),
                quoting=sorted(spans),
            )


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _base(word: str) -> str:
    """ "we're" as "we", "anyone's" as "anyone"; "don't" stays itself."""
    return word.split("'", 1)[0] if "'" in word and not word.endswith("n't") else word


def _merge(spans: list[Span], text: str) -> list[Span]:
    """Join spans separated only by spaces or hyphens: "profit" + "margin"."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and re.fullmatch(r"[\s\-]*", text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip()
