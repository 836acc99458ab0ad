"""The rules of *future*: who the team is now and wants to become — no promise beyond
the declared capacity, and more than a bare service-level target."""

from __future__ import annotations

import itertools
import re

from cxphilo.locale import N_, Text
from cxphilo.vocabulary import DAYS

from .capacity import Reach
from .clock import closings
from .judge import (
    CLAIM_KINDS,
    Judge,
    Span,
    beside,
    overlaps,
    within,
)
from .promises import (
    CHANNEL_CLAIMS,
    DAY_CLAIMS,
    EVERY_DAY_KINDS,
    Claim,
    Context,
    Kind,
    fix,
    missing,
    promise_of,
)
from .text import clause_bounds, fold

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class Future(Judge):
    """The rules of future, as a part of the judge."""

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
            if not overlaps(claim.span, [c.span for c in kept]):
                kept.append(claim)
        kept.sort(key=lambda c: c.span)
        return kept

    def _not_promised(
        self, claim: Span, clause: Span, negations: list[Span], contrasts: list[Span]
    ) -> bool:
        """A claim under a negation ("we don't staff the phones at night"), or conceded
        before a "but" ("not at night, but ..."), promises nothing."""
        if beside(claim, clause, negations):
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
            c for c in claims if not (c.days and any(within(c.span, s) for s in limits + weekdays))
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
                self_service=beside(span, clause, self_service),
                limited=beside(span, clause, limits),
                weekdays=beside(span, clause, weekdays),
                # "until 21:00 every evening" is about every day, like "every day".
                daily=beside(span, clause, daily) or any(c.kind in EVERY_DAY_KINDS for c in others),
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
                if overlaps((start, end), claimed):
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
        spans = [s for s in spans if not overlaps(s, claimed)]
        # A metric inside a market or money target is that target's, already said.
        if not spans or any(f.rule == "vision-business-target" for f in self.findings):
            return
        outside = [
            s for s in self.customer_spans() + self.find("outcome") if not overlaps(s, spans)
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
