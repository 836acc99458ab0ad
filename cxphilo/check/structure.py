"""The rules on a loaded document: structure, the vision criteria, the vision review.

Pure core: takes the document (the pydantic model or the check's `View` of the
same data, read alike through attributes), where each value sits, and the
date; returns findings at the default levels of `rules.BY_ID`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cxphilo.criteria import Judgement, is_action_statement, judge_vision, verdicts
from cxphilo.document import catalogue
from cxphilo.document.steps import same_wording
from cxphilo.document.steps import status as step_status
from cxphilo.locale import N_, Series, Text
from cxphilo.storage.yamlio import PathKey, Positions
from cxphilo.vocabulary import CRITERIA, MAX_VALUES

from .findings import CRITERION_WORDS, LEVELS, VERDICT_WORDS, Finding, Level
from .rules import BY_ID, DISABLE_MARKER

if TYPE_CHECKING:
    from .silence import Silencer


class Located:
    """Turns document paths into findings placed at their line and column."""

    def __init__(
        self,
        positions: Positions,
        text: str,
        rules: Mapping[str, str] | None = None,
        silencer: Silencer | None = None,
    ) -> None:
        self.positions = positions
        self.lines = text.split("\n")
        self.rules = rules or {}
        self.silencer = silencer
        self.findings: list[Finding] = []
        self.silenced: list[Finding] = []

    def add(
        self,
        rule_id: str,
        path: PathKey,
        message: Text,
        *,
        key: bool = False,
        fix: Text | None = None,
        criterion: str | None = None,
        where: tuple[int, int] | None = None,
        level: Level | None = None,
        words: tuple[str, ...] = (),
    ) -> None:
        rule = BY_ID[rule_id]
        configured = self.rules.get(rule_id)
        if configured == "off":
            return
        if configured in LEVELS:
            level = configured
        if where is None:
            pos = self.positions.key(path) if key else self.positions.of(path)
            where = (pos.line, pos.column) if pos else None
        line = where[0] if where else None
        finding = Finding(
            rule_id,
            level or rule.level,
            message,
            line,
            where[1] if where else None,
            criterion if criterion is not None else rule.criterion,
            fix,
            words,
            self.lines[line - 1].strip() if line and line <= len(self.lines) else None,
        )
        suppressed = self.silencer.judge(finding) if self.silencer is not None else None
        if suppressed is None:
            self.findings.append(finding)
        else:
            self.silenced.append(finding._replace(suppressed=suppressed))

    def inside(self, path: PathKey, value: str, offset: int) -> tuple[int, int] | None:
        """Line and column of character `offset` of the one-line scalar `value` at `path`."""
        pos = self.positions.of(path)
        if pos is None:
            return None
        if pos.line > len(self.lines) or offset == 0:
            return pos.line, pos.column
        rest = self.lines[pos.line - 1][pos.column - 1 :]
        quote = rest[:1] if rest[:1] in ("'", '"') else ""
        before = value[:offset]
        # Only when the text before the words is written as-is on the line: no
        # escapes, no doubled quotes, not folded over several lines.
        if "\n" in before or (quote and (quote in before or "\\" in before)):
            return pos.line, pos.column
        if not rest[len(quote) :].startswith(before):
            return pos.line, pos.column
        return pos.line, pos.column + len(quote) + offset


def document_findings(
    doc: Any,
    positions: Positions,
    text: str,
    today: dt.date,
    rules: Mapping[str, str] | None = None,
    accept: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[Finding], list[Finding], Judgement | None]:
    """Every finding on one document, those silenced, and the judgement of its vision.

    `rules` (rule id -> level or "off", from the configuration) applies as the
    findings are made, and so does silencing (disable comments in `text`,
    `accept`ed phrases per rule), so that the review is compared with the
    verdicts the team will see.
    """
    at = Located(positions, text, rules, silencer(text, positions, accept))
    _steps(doc, at)
    _values(doc, at)
    _metrics(doc, at)
    _metric_dates(doc, at, today)
    _model(doc, at)
    judgement = _vision(doc, at)
    _review(doc, at, judgement)
    _governance(doc, at, today)
    if at.silencer is not None:
        for left in at.silencer.leftovers():
            at.add(left.rule, (), left.message, fix=left.fix, where=(left.line, left.column))
    at.findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    at.silenced.sort(key=lambda f: (f.line or 0, f.column or 0))
    return at.findings, at.silenced, judgement


def silencer(
    text: str, positions: Positions, accept: Mapping[str, frozenset[str]] | None
) -> Silencer | None:
    """What silences findings in this file; None, at the cost of one search, for most files."""
    if not accept and DISABLE_MARKER not in text:
        return None
    from .silence import Silencer  # only for a file that may silence something

    return Silencer.build(text, positions, accept)


def _steps(doc: Any, at: Located) -> None:
    for state in step_status(doc):
        if state.state == "done":
            continue
        step = state.step
        message = (
            N_("Step {number} ({title}) is partly done: {missing}")
            if state.state == "partly"
            else N_("Step {number} ({title}) is not started: {missing}")
        )
        at.add(
            "step-missing",
            (step.path,),
            Text(
                message, number=step.number, title=Text(step.title), missing=Series(state.missing)
            ),
            key=True,
            fix=Text("Continue it with: {command}", command=f"cxphilo workshop --step {step.name}"),
        )


def _values(doc: Any, at: Located) -> None:
    values = list(doc.values)
    language = doc.company.language
    if len(values) > MAX_VALUES:
        at.add(
            "values-too-many",
            ("values", MAX_VALUES),
            Text(
                "{count} values; the method asks for {limit} or fewer so that people remember "
                "and use them",
                count=len(values),
                limit=MAX_VALUES,
            ),
            fix=Text(
                "Merge the close ones and let the team vote the list down to {limit}.",
                limit=MAX_VALUES,
            ),
        )
    for index, value in enumerate(values):
        statement = (value.statement or "").strip()
        if not statement:
            at.add(
                "value-no-statement",
                ("values", index),
                Text("Value “{value}” has no action statement.", value=value.name),
                fix=Text(
                    'Write what people do: a strong verb ("Treat every ...") or an "I ..." line.'
                ),
            )
        elif not is_action_statement(statement, language):
            at.add(
                "value-not-action",
                ("values", index, "statement"),
                Text(
                    "The statement of “{value}” (“{statement}”) does not say what anyone does.",
                    value=value.name,
                    statement=statement,
                ),
                fix=Text(
                    'Start with a verb ("Get it right the first time") or "I" '
                    '("I own every problem until it is solved").'
                ),
            )
        if not value.metrics:
            at.add(
                "value-no-metric",
                ("values", index),
                Text(
                    "Value “{value}” has no metric to show whether the team lives it.",
                    value=value.name,
                ),
                fix=Text(
                    "Add one from the catalogue (cxphilo metrics) or define your own under "
                    "metrics:."
                ),
            )


def _metrics(doc: Any, at: Located) -> None:
    defined = {entry.id for entry in doc.metrics}
    uses: list[tuple[PathKey, str]] = []
    for index, value in enumerate(doc.values):
        uses += [(("values", index, "metrics", j), m) for j, m in enumerate(value.metrics)]
    for index, team in enumerate(doc.teams):
        uses += [(("teams", index, "metrics", j), m) for j, m in enumerate(team.metrics)]
    for path, metric_id in uses:
        if catalogue.find(metric_id) is None and metric_id not in defined:
            at.add(
                "metric-unknown",
                path,
                Text(
                    "Metric “{metric}” is not in the catalogue and not defined under metrics:.",
                    metric=metric_id,
                ),
                fix=Text(
                    "Pick one from the catalogue (cxphilo metrics) or define it under metrics: "
                    "with a name and what it measures."
                ),
            )
    for index, entry in enumerate(doc.metrics):
        if catalogue.find(entry.id) is not None:
            continue
        missing = catalogue.definition_gaps(entry.name, entry.measures)
        if missing:
            at.add(
                "metric-undefined",
                ("metrics", index, "id"),
                Text(
                    "Custom metric “{metric}” needs {missing}.",
                    metric=entry.id,
                    missing=[Text(m) for m in missing],
                ),
                fix=Text(
                    "Add name: and measures: (and a formula) so everyone measures it the same way."
                ),
            )


def _metric_dates(doc: Any, at: Located, today: dt.date) -> None:
    """A baseline is a value already measured; a target is a value still to reach."""
    for index, entry in enumerate(doc.metrics):
        metric = _metric_name(entry)
        target = entry.target.date if entry.target is not None else None
        if target is not None and target < today:
            at.add(
                "metric-target-past",
                ("metrics", index, "target", "date"),
                Text(
                    "The target for {metric} was due on {date} ({days}).",
                    metric=metric,
                    date=target.isoformat(),
                    days=_days_ago((today - target).days),
                ),
                fix=Text(
                    "Measure it now, record the result as the new baseline (value and date) "
                    "and set a new target with a date ahead."
                ),
            )
        baseline = entry.baseline.date if entry.baseline is not None else None
        if baseline is not None and baseline > today:
            at.add(
                "metric-baseline-future",
                ("metrics", index, "baseline", "date"),
                Text(
                    "The baseline for {metric} is dated {date}, after today; "
                    "a baseline is a value already measured.",
                    metric=metric,
                    date=baseline.isoformat(),
                ),
                fix=Text(
                    "Give the date it was measured, or record the value as the target if it "
                    "is still to be reached."
                ),
            )


def _metric_name(entry: Any) -> Text:
    """ "NPS (Net Promoter Score)": the id, and its name when one is known."""
    known = catalogue.find(entry.id)
    name = entry.name or (known.name if known is not None else None)
    if name and name != entry.id:
        return Text("“{metric}” ({name})", metric=entry.id, name=name)
    return Text("“{metric}”", metric=entry.id)


def _days_ago(days: int) -> Text:
    return Text.plural_of("{count} day ago", "{count} days ago", days)


def _model(doc: Any, at: Located) -> None:
    model = doc.model
    if (
        model is not None
        and model.choice == "customer-centric"
        and not ((model.customer_history or "").strip())
    ):
        at.add(
            "customer-history-missing",
            ("model", "choice"),
            Text(
                "A customer-centric model needs a log of each customer's support history and "
                "notes, and nothing says how it is kept."
            ),
            fix=Text("Describe it under model.customer_history (the help desk, the CRM, ...)."),
        )


def _vision(doc: Any, at: Located) -> Judgement | None:
    vision = doc.vision
    statement = (vision.statement if vision is not None else None) or ""
    if not statement.strip():
        at.add(
            "vision-missing",
            ("vision", "statement") if vision is not None else ("vision",),
            Text("No vision statement yet, so the three criteria are not judged."),
            key=vision is None,
            fix=Text("Write it in step 4: {command}", command="cxphilo workshop --step vision"),
        )
        return None
    assessment = doc.assessment
    customers = assessment.customers if assessment is not None else None
    judgement = judge_vision(
        statement,
        language=doc.company.language,
        mission=doc.company.mission,
        capacity=assessment.capacity if assessment is not None else None,
        customer_channels=customers.channels if customers is not None else None,
    )
    path: PathKey = ("vision", "statement")
    for found in judgement.findings:
        where = at.inside(path, statement, found.span[0]) if found.span else None
        # found.level may be softer than the rule's default: the engine weighs context.
        at.add(
            found.rule,
            path,
            found.message,
            fix=found.fix,
            criterion=found.criterion,
            where=where,
            level=found.level,
            words=finding_words(found.words, statement, found.span),
        )
    return judgement


def finding_words(
    quoted: tuple[str, ...], statement: str, span: tuple[int, int] | None
) -> tuple[str, ...]:
    """The words of `statement` a vision finding is about: those its message quotes, else
    the words at its `span`; a finding about the whole statement (its length, the
    mission restated) has none."""
    if quoted:
        return quoted
    if span is not None and statement[span[0] : span[1]].strip():
        return (statement[span[0] : span[1]].strip(),)
    return ()


def _review(doc: Any, at: Located, judgement: Judgement | None) -> None:
    vision = doc.vision
    review = vision.review if vision is not None else None
    if review is None or judgement is None:
        return
    if not same_wording(review.statement, vision.statement):
        at.add(
            "review-stale",
            ("vision", "review", "statement"),
            Text(
                "The team reviewed “{reviewed}”, but the vision now reads “{statement}”; "
                "nobody has judged the new wording.",
                reviewed=review.statement.strip(),
                statement=(vision.statement or "").strip(),
            ),
            fix=Text(
                "Review it again with the team ({command}) so that vision.review.statement "
                "matches.",
                command="cxphilo workshop --step vision",
            ),
        )
        return
    configured = verdicts((f.criterion, f.level) for f in at.findings if f.criterion)
    for criterion in CRITERIA:
        team = getattr(review.verdicts, criterion)
        if team is None:
            continue
        path = ("vision", "review", "verdicts", criterion)
        if team == "fail":
            at.add(
                "review-failed",
                path,
                Text(
                    "The team's own review says the vision fails “{criterion}”.",
                    criterion=Text(CRITERION_WORDS[criterion]),
                ),
                fix=Text("Rework the statement and review it again."),
            )
        ours = configured[criterion]
        if team != ours:
            at.add(
                "review-disagrees",
                path,
                Text(
                    "The team's verdict on “{criterion}” is {team}; the check's is {ours}.",
                    criterion=Text(CRITERION_WORDS[criterion]),
                    team=Text(VERDICT_WORDS[team]),
                    ours=Text(VERDICT_WORDS[ours]),
                ),
                fix=Text("Look at the check's findings on the vision with the team."),
            )


def _governance(doc: Any, at: Located, today: dt.date) -> None:
    governance = doc.governance
    due = governance.next_review if governance is not None else None
    if due is not None and due < today:
        at.add(
            "review-overdue",
            ("governance", "next_review"),
            Text(
                "The philosophy was due for review on {date} ({days}).",
                date=due.isoformat(),
                days=_days_ago((today - due).days),
            ),
            fix=Text("Review it with the team, then set the next date."),
        )
