"""Step 5, actions: per value an action statement, its metrics, baselines, technology; the brand."""

from __future__ import annotations

import re

from cxphilo import catalogue
from cxphilo.model import Brand, Measurement, MetricEntry, Value

from .asker import Choice, Table
from .lexicon import metrics_for, statement_for, technology_for
from .session import Session

ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
USE, REWRITE, KEEP = "use", "rewrite", "keep"


def run(session: Session) -> None:
    """Run step 5, saving after each answer."""
    doc = session.doc
    if not doc.values:
        session.note(
            "There are no values yet: step 3 chooses them. The brand's tone and voice can "
            "be agreed now.",
            "warning",
        )
    for index, value in enumerate(doc.values, start=1):
        session.note(f"Value {index} of {len(doc.values)}: {value.name}", "question")
        _statement(session, value)
        _metrics(session, value)
        _targets(session, value)
        value.technology = session.items(
            f"Technology that reinforces {value.name}",
            value.technology or list(technology_for(value.name)),
            instruction="(suggestions filled in: edit freely; separate with ;)",
        )
        session.save()
    _brand(session)


def _statement(session: Session, value: Value) -> None:
    example = statement_for(value.name) or "Get it right the first time."
    statement = session.optional(
        f"Action statement for {value.name}",
        value.statement,
        instruction=f"(start with a verb, or say “I …”; e.g. {example})",
    )
    value.statement = statement
    session.save()
    while value.statement and not acts(value.statement, session.language):
        session.note(
            "That reads like a slogan. A strong action statement starts with a verb "
            "(“Approach customers with a warm welcome”) or is an “I” statement.",
            "warning",
        )
        suggestion = statement_for(value.name)
        choices = [Choice(f"Use: {suggestion}", USE)] if suggestion else []
        choices += [Choice("Rewrite it", REWRITE), Choice("Keep ours as it is", KEEP)]
        action = session.select("What now?", choices)
        if action == KEEP:
            return
        value.statement = (
            suggestion
            if action == USE
            else session.required("Action statement", default=value.statement)
        )
        session.save()
        if action == USE:
            return


def acts(statement: str, language: str) -> bool:
    """The check's own test: the statement starts with a verb or is an "I ..." statement."""
    from cxphilo.criteria import is_action_statement

    return is_action_statement(statement, language)


def _metrics(session: Session, value: Value) -> None:
    doc = session.doc
    suggested = list(metrics_for(value.name))
    current = list(value.metrics)
    own = {entry.id: entry for entry in doc.metrics if catalogue.find(entry.id) is None}
    order = [m for m in suggested if catalogue.find(m)] + [
        m.id for m in catalogue.CATALOGUE if m.id not in suggested
    ]
    fresh = not current
    choices = []
    for metric_id in order:
        metric = catalogue.BY_ID[metric_id]
        choices.append(
            Choice(
                f"{metric.id:<9} {metric.name}"
                + ("  (suggested)" if metric_id in suggested else ""),
                metric.id,
                description=f"{metric.measures} ({metric.better} is better)",
                checked=(metric_id in suggested) if fresh else metric_id in current,
            )
        )
    for metric_id in current:
        if catalogue.find(metric_id) is None:
            entry = own.get(metric_id)
            choices.append(
                Choice(
                    f"{metric_id:<9} {entry.name if entry and entry.name else '(your own)'}",
                    metric_id,
                    description=entry.measures if entry else None,
                    checked=True,
                )
            )
    picked: list[str] = session.checkbox(
        f"Which metrics really measure {value.name}?",
        choices,
        instruction="(suggested ones are ticked; the highlighted one's definition shows below)",
    )
    value.metrics = picked
    session.save()
    _own_metric(session, value)
    if value.metrics:
        session.show(_metric_table(session, value))


def _own_metric(session: Session, value: Value) -> None:
    doc = session.doc

    def check(answer: str) -> bool | str:
        text = answer.strip()
        if not text or ID_RE.match(text):
            return True
        return "A short id: letters, digits, - or _, starting with a letter (e.g. SAME_DAY)."

    metric_id = session.text(
        "A metric of your own for it?",
        validate=check,
        instruction="(a short id such as SAME_DAY; Enter for none)",
    )
    if not metric_id:
        return
    known = catalogue.find(metric_id)
    if known is not None:
        metric_id = known.id
    elif not any(e.id == metric_id for e in doc.metrics):
        name = session.required(f"Full name of {metric_id}")
        measures = session.required("What does it measure?")
        doc.metrics = [*doc.metrics, MetricEntry(id=metric_id, name=name, measures=measures)]
    if metric_id not in value.metrics:
        value.metrics = [*value.metrics, metric_id]
    session.save()


def _targets(session: Session, value: Value) -> None:
    doc = session.doc
    if not value.metrics or not session.confirm(
        f"Record today's baseline and a target for {', '.join(value.metrics)}?", default=False
    ):
        return
    for metric_id in value.metrics:
        entry = next((e for e in doc.metrics if e.id == metric_id), None)
        if entry is None:
            entry = MetricEntry(id=metric_id)
            doc.metrics = [*doc.metrics, entry]
            entry = doc.metrics[-1]
        now = session.number(
            f"{metric_id}: today's value (baseline)",
            entry.baseline.value if entry.baseline else None,
        )
        entry.baseline = Measurement(value=now, date=session.today) if now is not None else None
        session.save()
        goal = session.number(f"{metric_id}: target", entry.target.value if entry.target else None)
        if goal is None:
            entry.target = None
        else:
            when = session.date(
                f"{metric_id}: by when?", entry.target.date if entry.target else None
            )
            entry.target = Measurement(value=goal, date=when)
        session.save()


def _metric_table(session: Session, value: Value) -> Table:
    rows = []
    for metric_id in value.metrics:
        metric = catalogue.find(metric_id)
        entry = next((e for e in session.doc.metrics if e.id == metric_id), None)
        if metric is not None:
            rows.append((metric.id, metric.name, metric.measures, metric.formula))
        else:
            rows.append(
                (
                    metric_id,
                    (entry.name if entry else None) or "(your own)",
                    (entry.measures if entry else None) or "—",
                    (entry.formula if entry else None) or "—",
                )
            )
    return Table(
        f"How {value.name} is measured", ("ID", "Metric", "Measures", "Formula"), tuple(rows)
    )


def _brand(session: Session) -> None:
    doc = session.doc
    session.note(
        "Consistency: the same brand on every channel, whoever or whatever answers.", "question"
    )
    b = doc.brand = doc.brand or Brand()
    b.tone = session.optional(
        "The brand's tone in support",
        b.tone,
        instruction="(e.g. warm, plain and practical; Enter to skip)",
    )
    session.save()
    b.voice = session.optional(
        "Its voice: how we speak and write",
        b.voice,
        instruction='(e.g. we say "we" and "you", no policy words; Enter to skip)',
    )
    session.save()
    b.visuals = session.optional("Visuals", b.visuals, instruction="(Enter to skip)")
    session.save()
    b.channels = session.optional(
        "How does it stay the same on every channel?",
        b.channels,
        instruction="(phone, chat, e-mail, self-service, bots; Enter to skip)",
    )
    session.save()
