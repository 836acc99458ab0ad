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
from cxphilo.storage.yamlio import PathKey, Positions
from cxphilo.vocabulary import CRITERIA, MAX_VALUES

from .findings import LEVELS, Finding, Level
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
        message: str,
        *,
        key: bool = False,
        fix: str | None = None,
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
        missing = "; ".join(state.missing)
        progress = "partly done" if state.state == "partly" else state.state
        at.add(
            "step-missing",
            (step.path,),
            f"step {step.number} ({step.title.lower()}) is {progress}: {missing}",
            key=True,
            fix=f"continue it with: cxphilo workshop --step {step.name}",
        )


def _values(doc: Any, at: Located) -> None:
    values = list(doc.values)
    language = doc.company.language
    if len(values) > MAX_VALUES:
        at.add(
            "values-too-many",
            ("values", MAX_VALUES),
            f"{len(values)} values; the method asks for five or fewer so that people remember "
            "and use them",
            fix="merge the close ones and let the team vote the list down to five",
        )
    for index, value in enumerate(values):
        statement = (value.statement or "").strip()
        if not statement:
            at.add(
                "value-no-statement",
                ("values", index),
                f"value '{value.name}' has no action statement",
                fix='write what people do: a strong verb ("Treat every ...") or an "I ..." line',
            )
        elif not is_action_statement(statement, language):
            at.add(
                "value-not-action",
                ("values", index, "statement"),
                f"the statement of '{value.name}' (\"{statement}\") does not say what anyone does",
                fix='start with a verb ("Get it right the first time") or "I" '
                '("I own every problem until it is solved")',
            )
        if not value.metrics:
            at.add(
                "value-no-metric",
                ("values", index),
                f"value '{value.name}' has no metric to show whether the team lives it",
                fix="add one from the catalogue (cxphilo metrics) or define your own under "
                "metrics:",
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
                f"metric '{metric_id}' is not in the catalogue and not defined under metrics:",
                fix="pick one from the catalogue (cxphilo metrics) or define it under metrics: "
                "with a name and what it measures",
            )
    for index, entry in enumerate(doc.metrics):
        if catalogue.find(entry.id) is not None:
            continue
        missing = catalogue.definition_gaps(entry.name, entry.measures)
        if missing:
            at.add(
                "metric-undefined",
                ("metrics", index, "id"),
                f"custom metric '{entry.id}' needs {' and '.join(missing)}",
                fix="add name: and measures: (and a formula) so everyone measures it the same way",
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
                f"the target for {metric} was due on {target.isoformat()} "
                f"({(today - target).days} days ago)",
                fix="measure it now, record the result as the new baseline (value and date) "
                "and set a new target with a date ahead",
            )
        baseline = entry.baseline.date if entry.baseline is not None else None
        if baseline is not None and baseline > today:
            at.add(
                "metric-baseline-future",
                ("metrics", index, "baseline", "date"),
                f"the baseline for {metric} is dated {baseline.isoformat()}, after today; "
                "a baseline is a value already measured",
                fix="give the date it was measured, or record the value as the target if it "
                "is still to be reached",
            )


def _metric_name(entry: Any) -> str:
    """ "NPS (Net Promoter Score)": the id, and its name when one is known."""
    known = catalogue.find(entry.id)
    name = entry.name or (known.name if known is not None else None)
    return f"'{entry.id}'" + (f" ({name})" if name and name != entry.id else "")


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
            "a customer-centric model needs a log of each customer's support history and notes, "
            "and nothing says how it is kept",
            fix="describe it under model.customer_history (the help desk, the CRM, ...)",
        )


def _vision(doc: Any, at: Located) -> Judgement | None:
    vision = doc.vision
    statement = (vision.statement if vision is not None else None) or ""
    if not statement.strip():
        at.add(
            "vision-missing",
            ("vision", "statement") if vision is not None else ("vision",),
            "no vision statement yet, so the three criteria are not judged",
            key=vision is None,
            fix="write it in step 4: cxphilo workshop --step vision",
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
            words=quoted_words(found.message, statement, found.span),
        )
    return judgement


def quoted_words(message: str, statement: str, span: tuple[int, int] | None) -> tuple[str, ...]:
    """The words of `statement` a vision finding is about.

    The engine's messages start by quoting them (`"go the extra mile", "synergy":
    ...`), each a piece of the statement as written; a quote is taken only when
    it is one, so a `"` inside the words does not cut them short. A message that
    quotes nothing falls back to the words at the finding's `span`; a finding
    about the whole statement (its length, the mission restated) has none.
    """
    words: list[str] = []
    pos = 0
    while message.startswith('"', pos):
        close = message.find('"', pos + 1)
        while close != -1:
            phrase, after = message[pos + 1 : close], message[close + 1 : close + 3]
            if after in (", ", ": ") and phrase and phrase in statement:
                break
            close = message.find('"', close + 1)
        if close == -1:
            break
        words.append(message[pos + 1 : close])
        if message[close + 1 : close + 3] == ": ":
            break
        pos = close + 3
    if not words and span is not None and statement[span[0] : span[1]].strip():
        words.append(statement[span[0] : span[1]].strip())
    return tuple(words)


def _review(doc: Any, at: Located, judgement: Judgement | None) -> None:
    vision = doc.vision
    review = vision.review if vision is not None else None
    if review is None or judgement is None:
        return
    if not same_wording(review.statement, vision.statement):
        at.add(
            "review-stale",
            ("vision", "review", "statement"),
            f'the team reviewed "{review.statement.strip()}", but the vision now reads '
            f'"{(vision.statement or "").strip()}"; nobody has judged the new wording',
            fix="review it again with the team (cxphilo workshop --step vision) so that "
            "vision.review.statement matches",
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
                f"the team's own review says the vision fails '{criterion}'",
                fix="rework the statement and review it again",
            )
        ours = configured[criterion]
        if team != ours:
            at.add(
                "review-disagrees",
                path,
                f"the team judged '{criterion}' {team}; the check finds it {ours}",
                fix="look at the check's findings on the vision with the team",
            )


def _governance(doc: Any, at: Located, today: dt.date) -> None:
    governance = doc.governance
    due = governance.next_review if governance is not None else None
    if due is not None and due < today:
        at.add(
            "review-overdue",
            ("governance", "next_review"),
            f"the philosophy was due for review on {due.isoformat()} "
            f"({(today - due).days} days ago)",
            fix="review it with the team, then set the next date",
        )
