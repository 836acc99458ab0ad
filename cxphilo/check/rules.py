"""Every rule of `cxphilo check`: stable id, default level, criterion, and an example.

The ids are part of the interface: they appear in the output, in the
configuration (`[tool.cxphilo.rules]`) and in the README, so they never change.
"""

from __future__ import annotations

from typing import NamedTuple

from cxphilo.criteria import VISION_RULES

from .findings import Level


class Rule(NamedTuple):  # a NamedTuple: cheaper to make at start-up than a dataclass
    id: str
    level: Level
    criterion: str | None
    title: str
    example: str


DOCUMENT_RULES: tuple[Rule, ...] = (
    Rule(
        "yaml-syntax",
        "error",
        None,
        "The file cannot be read as YAML",
        "a tab used to indent, an unclosed quote, a key given twice",
    ),
    Rule(
        "schema",
        "error",
        None,
        "The file does not follow the philosophy format",
        "an unknown key (`valeus:`), a day spelled `monday`, `team_size: many`",
    ),
    Rule(
        "step-missing",
        "warning",
        None,
        "A step of the workshop is not finished",
        "step 5 without an action statement for each value",
    ),
    Rule(
        "values-too-many",
        "error",
        None,
        "More than five values",
        "seven values: the method asks for five or fewer",
    ),
    Rule(
        "value-no-statement",
        "warning",
        None,
        "A value without an action statement",
        "`- name: Honesty` and nothing else",
    ),
    Rule(
        "value-not-action",
        "error",
        None,
        'An action statement that does not act (no verb, not an "I ..." statement)',
        "`statement: Passion.`",
    ),
    Rule(
        "value-no-metric", "warning", None, "A value without a metric", "a value with `metrics: []`"
    ),
    Rule(
        "metric-unknown",
        "error",
        None,
        "A metric id that is neither in the catalogue nor defined under `metrics:`",
        "`metrics: [HAPPINESS]`",
    ),
    Rule(
        "metric-undefined",
        "error",
        None,
        "A custom metric under `metrics:` without a name and what it measures",
        "`- id: SAME_DAY` with no `name:` or `measures:`",
    ),
    Rule(
        "metric-target-past",
        "warning",
        None,
        "A metric's target date has passed",
        "`target: {value: 50, date: 2025-09-30}` after that day",
    ),
    Rule(
        "metric-baseline-future",
        "warning",
        None,
        "A metric's baseline is dated in the future",
        "`baseline: {value: 38, date: 2031-01-01}`",
    ),
    Rule(
        "customer-history-missing",
        "warning",
        None,
        "A customer-centric model with no way of keeping customer history",
        "`choice: customer-centric` without `customer_history:`",
    ),
    Rule(
        "vision-missing",
        "warning",
        None,
        "No vision statement yet (the criteria are skipped)",
        "a document without `vision.statement`",
    ),
    Rule(
        "review-stale",
        "error",
        None,
        "The vision changed after the team reviewed it",
        "`vision.statement` differs from `vision.review.statement`",
    ),
    Rule(
        "review-failed",
        "warning",
        None,
        "The team's own review failed a criterion",
        "`verdicts: {simple: fail}` on the current statement",
    ),
    Rule(
        "review-disagrees",
        "info",
        None,
        "The team's verdict and the check's differ",
        "the team said `service: pass`, the check finds a service failure",
    ),
    Rule(
        "review-overdue",
        "warning",
        None,
        "The next review date has passed",
        "`governance.next_review: 2024-05-01`",
    ),
    Rule(
        "disable-unknown-rule",
        "warning",
        None,
        "A disable comment names a rule that does not exist, or cannot be read",
        "`# cxphilo: disable=vision-buzzwords` (one letter too many)",
    ),
    Rule(
        "disable-unused",
        "warning",
        None,
        "A disable comment silences nothing on its line or the next",
        "`# cxphilo: disable=vision-cliche` above a statement with no stock phrase",
    ),
)

VISION_CHECK_RULES: tuple[Rule, ...] = tuple(
    Rule(r.id, r.level, r.criterion, r.title, r.example) for r in VISION_RULES
)

RULES: tuple[Rule, ...] = DOCUMENT_RULES + VISION_CHECK_RULES
BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# What a disable comment starts with (`# cxphilo: disable=...`). A file without it
# is never searched for comments.
DISABLE_MARKER = "cxphilo:"

# A file that cannot be read is not checked at all, so nothing may silence
# that; and a comment about comments would silence its own warning.
NOT_SILENCED: frozenset[str] = frozenset(
    {"yaml-syntax", "schema", "disable-unknown-rule", "disable-unused"}
)

# The vision rules whose findings quote the words they are about (the finding's
# `words`): only those can be overruled with an accepted phrase (`accept:`).
# tests/check/test_silence.py checks this against each rule's example.
ACCEPTS_PHRASES: frozenset[str] = frozenset(
    {
        "vision-cliche",
        "vision-buzzword",
        "vision-vague",
        "vision-noun-list",
        "vision-hedge",
        "vision-business-target",
        "vision-overpromise",
        "vision-unchecked-promise",
        "vision-bare-metric",
    }
)
