"""Step 5, actions: per value an action statement, its metrics (with units, baselines and
targets that make sense), the technology that reinforces it; then the brand.

Suggestions follow the common value behind each value (`value.core`), so a
value the team reworded ("Tell it straight" for Honesty) still gets them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from cxphilo.document import catalogue
from cxphilo.document.model import Measurement, MetricEntry, Philosophy, Value

from . import form
from .answers import Refused, clean, format_date, format_number, parse_date, parse_number
from .asker import LIST_HINT, Choice, Table
from .form import Field
from .session import Session
from .suggestions import metrics_for, statement_for, technology_for

ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")  # the model's pattern for a metric id
USE, REWRITE, KEEP = "use", "rewrite", "keep"
BETTER = (
    Choice("Higher is better", "higher"),
    Choice("Lower is better", "lower"),
    Choice("It depends on the scale", "see scale"),
)
UNIT_WORDS = {"%", "minutes", "hours", "seconds", "days"}


def core(value: Value) -> str:
    """The common value a value stands for: what the suggestions are looked up by."""
    return value.core or value.name


def run(session: Session) -> None:
    """Run step 5, saving after each answer."""
    if not session.doc.values:
        session.note(
            "There are no values yet: step 3 chooses them. The brand's tone and voice can "
            "be agreed now.",
            "warning",
        )
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 5's questions: five or so per value, the metrics' details, then the brand."""
    doc = session.doc
    out: list[Field] = []
    asked_metrics: set[str] = set()
    for index, value in enumerate(doc.values):
        out += _value_fields(session, index, value, asked_metrics)
    out += _brand_fields()
    return out


def _value_fields(session: Session, index: int, value: Value, asked: set[str]) -> list[Field]:
    doc = session.doc
    path: form.Path = ("values", index)
    count = len(doc.values)
    example = statement_for(core(value))
    out = [
        form.text_field(
            f"values.{index}.statement",
            f"{value.name}: action statement",
            f"Action statement for {value.name}",
            (*path, "statement"),
            hint="(start with a verb, or say “I …”"
            + ("; the suggestion is selected: type to replace it)" if example else ")"),
            suggest=example,
            heading=f"Value {index + 1} of {count}: {value.name}",
            after=lambda s, i=index: _statement_acts(s, i),
        ),
        _metrics_field(index, value),
        _own_metrics_field(index, value),
    ]
    # A metric two values share is defined and measured once, under the first of them.
    for metric_id in value.metrics:
        if catalogue.find(metric_id) is None and f"define {metric_id}" not in asked:
            out += _custom_metric_fields(metric_id)
            asked.add(f"define {metric_id}")
    fresh = [m for m in value.metrics if f"measure {m}" not in asked]
    if fresh:
        out.append(_targets_gate(session, index, value, fresh))
        if _recording(session, index, fresh):
            for metric_id in fresh:
                out += _measure_fields(session, metric_id)
        asked.update(f"measure {m}" for m in fresh)
    out.append(
        form.list_field(
            f"values.{index}.technology",
            f"{value.name}: technology",
            f"Technology that reinforces {value.name}",
            (*path, "technology"),
            hint=(
                "(suggestions offered: typing replaces them, → edits them; separate with ;)"
                if technology_for(core(value))
                else LIST_HINT
            ),
            suggest=list(technology_for(core(value))) or None,
        )
    )
    return out


def _statement_acts(session: Session, index: int) -> None:
    """A statement that does not act gets the check's own warning and a way out."""
    value = session.doc.values[index]
    while value.statement and not acts(value.statement, session.language):
        session.note(
            "That reads like a slogan. A strong action statement starts with a verb "
            "(“Approach customers with a warm welcome”) or is an “I” statement.",
            "warning",
        )
        suggestion = statement_for(core(value))
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


# --- metrics ------------------------------------------------------------------------------------


def _metrics_field(index: int, value: Value) -> Field:
    suggested = list(metrics_for(core(value)))
    order = [m for m in suggested if catalogue.find(m)] + [
        m.id for m in catalogue.CATALOGUE if m.id not in suggested
    ]
    choices = [
        Choice(
            f"{catalogue.BY_ID[m].id:<9} {catalogue.BY_ID[m].name}"
            + ("  (suggested)" if m in suggested else ""),
            m,
            description=f"{catalogue.BY_ID[m].measures} ({catalogue.BY_ID[m].better} is better)",
        )
        for m in order
    ]
    get, put = form.at("values", index, "metrics")

    def get_known(doc: Philosophy) -> list[str]:
        return [m for m in get(doc) or [] if catalogue.find(m) is not None]

    def put_known(doc: Philosophy, picked: list[str]) -> None:
        own = [m for m in get(doc) or [] if catalogue.find(m) is None]
        put(doc, [m for m in order if m in picked] + own)

    return Field(
        f"values.{index}.metrics",
        f"{value.name}: metrics",
        f"Which metrics really measure {value.name}?",
        get_known,
        put_known,
        kind="checkbox",
        choices=tuple(choices),
        suggest=suggested,
        hint="(suggested ones are ticked; the highlighted one is described below)",
        answered=lambda doc: bool(get(doc)),
    )


def _own_metrics_field(index: int, value: Value) -> Field:
    get, put = form.at("values", index, "metrics")

    def get_own(doc: Philosophy) -> list[str]:
        return [m for m in get(doc) or [] if catalogue.find(m) is None]

    def parse(answer: str) -> list[str]:
        ids = [part.strip() for part in clean(answer).replace(",", ";").split(";") if part.strip()]
        for metric_id in ids:
            if not ID_RE.match(metric_id):
                raise Refused(
                    f"“{metric_id}”: a short id of letters, digits, - or _, starting with a "
                    "letter (for example SAME_DAY)."
                )
        return [known.id if (known := catalogue.find(m)) else m for m in ids]

    def put_own(doc: Philosophy, ids: list[str]) -> None:
        known = [m for m in get(doc) or [] if catalogue.find(m) is not None]
        put(doc, known + [m for m in ids if m not in known])
        for metric_id in ids:
            if catalogue.find(metric_id) is None and _entry(doc, metric_id) is None:
                doc.metrics = [*doc.metrics, MetricEntry(id=metric_id)]

    return Field(
        f"values.{index}.own",
        f"{value.name}: own metrics",
        f"A metric of your own for {value.name}?",
        get_own,
        put_own,
        parse=parse,
        hint="(a short id such as SAME_DAY; separate with ;  Enter for none)",
        answered=lambda doc: bool(get(doc)),
        after=functools.partial(_show_metrics, index=index),
    )


def _show_metrics(session: Session, index: int) -> None:
    value = session.doc.values[index]
    if value.metrics:
        session.show(_metric_table(session, value))


def _entry(doc: Philosophy, metric_id: str) -> MetricEntry | None:
    return next((e for e in doc.metrics if e.id == metric_id), None)


def _entry_field(
    metric_id: str, attribute: str
) -> tuple[Callable[[Philosophy], Any], Callable[[Philosophy, Any], None]]:
    """get and put for one attribute of the metric's entry; put creates the entry."""

    def get(doc: Philosophy) -> Any:
        entry = _entry(doc, metric_id)
        return getattr(entry, attribute) if entry else None

    def put(doc: Philosophy, value: Any) -> None:
        entry = _entry(doc, metric_id)
        if entry is None:
            doc.metrics = [*doc.metrics, MetricEntry(id=metric_id)]
            entry = doc.metrics[-1]
        setattr(entry, attribute, value)

    return get, put


def _custom_metric_fields(metric_id: str) -> list[Field]:
    """A metric of the team's own: its name, what it measures, unit, direction, formula."""
    return [
        Field(
            f"metrics.{metric_id}.name",
            f"{metric_id}: name",
            f"Full name of {metric_id}",
            *_entry_field(metric_id, "name"),
            required=True,
            heading=f"{metric_id} is the team's own metric: say what it is.",
        ),
        Field(
            f"metrics.{metric_id}.measures",
            f"{metric_id}: measures",
            f"What does {metric_id} measure?",
            *_entry_field(metric_id, "measures"),
            required=True,
        ),
        Field(
            f"metrics.{metric_id}.unit",
            f"{metric_id}: unit",
            f"The unit of {metric_id}",
            *_entry_field(metric_id, "unit"),
            hint="(%, minutes, hours, days, a count…; Enter to skip)",
        ),
        Field(
            f"metrics.{metric_id}.better",
            f"{metric_id}: better",
            f"Is a higher or a lower {metric_id} better?",
            *_entry_field(metric_id, "better"),
            kind="select",
            choices=BETTER,
            suggest="higher",
        ),
        Field(
            f"metrics.{metric_id}.formula",
            f"{metric_id}: formula",
            f"How is {metric_id} worked out?",
            *_entry_field(metric_id, "formula"),
            hint="(for example: repairs done the same day / all repairs x 100; Enter to skip)",
        ),
    ]


def _recording(session: Session, index: int, metrics: list[str]) -> bool:
    """Whether the room records baselines here: it said so, or some are recorded already."""
    said = session.memory.get(f"values.{index}.record")
    if said is not None:
        return bool(said)
    return _has_measures(session.doc, metrics)


def _has_measures(doc: Philosophy, metrics: list[str]) -> bool:
    entries = [_entry(doc, m) for m in metrics]
    return any(e is not None and (e.baseline or e.target) for e in entries)


def _targets_gate(session: Session, index: int, value: Value, metrics: list[str]) -> Field:
    """Whether to record baselines for the value's metrics not recorded under an earlier value."""
    key = f"values.{index}.record"

    def get(doc: Philosophy) -> bool | None:
        said = session.memory.get(key)
        return bool(said) if said is not None else (True if _has_measures(doc, metrics) else None)

    def put(doc: Philosophy, answer: bool) -> None:
        session.memory[key] = answer

    return Field(
        key,
        f"{value.name}: baselines and targets",
        f"Record a baseline and a target for {', '.join(metrics)}?",
        get,
        put,
        kind="confirm",
        suggest=False,
        answered=lambda doc: get(doc) is not None,
    )


def unit_of(doc: Philosophy, metric_id: str) -> str | None:
    """The unit a metric's numbers are in: the team's own, else the catalogue's when it is one."""
    entry = _entry(doc, metric_id)
    if entry is not None and entry.unit:
        return entry.unit
    known = catalogue.find(metric_id)
    if known is not None and " or " not in known.unit:
        return known.unit
    return None


def _measure_fields(session: Session, metric_id: str) -> list[Field]:
    doc = session.doc
    known = catalogue.find(metric_id)
    out: list[Field] = []
    if known is not None and " or " in known.unit:
        units = [u.strip() for u in known.unit.split(" or ")]
        out.append(
            Field(
                f"metrics.{metric_id}.unit",
                f"{metric_id}: unit",
                f"{metric_id} in which unit?",
                *_entry_field(metric_id, "unit"),
                kind="select",
                choices=tuple(Choice(u.capitalize(), u) for u in units),
                suggest=units[0],
            )
        )
    unit = unit_of(doc, metric_id)
    shown = _unit_hint(unit, known)
    today = session.today
    entry = _entry(doc, metric_id)
    out.append(
        Field(
            f"metrics.{metric_id}.baseline",
            f"{metric_id}: baseline",
            f"{metric_id}: today's value (baseline)",
            *_measurement(metric_id, "baseline", "value"),
            parse=lambda answer: parse_number(answer, unit),
            show=format_number,
            check=_range_rule(unit, known),
            hint=f"({shown}Enter to skip)",
        )
    )
    if entry is not None and entry.baseline is not None:
        out.append(
            Field(
                f"metrics.{metric_id}.baseline.date",
                f"{metric_id}: measured on",
                f"{metric_id}: measured on",
                *_measurement(metric_id, "baseline", "date"),
                parse=parse_date,
                show=format_date,
                suggest=today,
                check=lambda day: (
                    "A baseline is measured already: its date cannot be in the future."
                    if day > today
                    else None
                ),
                hint="(YYYY-MM-DD; today is offered)",
            )
        )
    out.append(
        Field(
            f"metrics.{metric_id}.target",
            f"{metric_id}: target",
            f"{metric_id}: target",
            *_measurement(metric_id, "target", "value"),
            parse=lambda answer: parse_number(answer, unit),
            show=format_number,
            check=_range_rule(unit, known),
            after=functools.partial(_direction_note, metric_id=metric_id),
            hint=f"({shown}Enter to skip)",
        )
    )
    if entry is not None and entry.target is not None:
        out.append(
            Field(
                f"metrics.{metric_id}.target.date",
                f"{metric_id}: by when",
                f"{metric_id}: by when?",
                *_measurement(metric_id, "target", "date"),
                parse=parse_date,
                show=format_date,
                check=lambda day: _future(day, today),
                hint="(YYYY-MM-DD, after today)",
            )
        )
    return out


def _range_rule(unit: str | None, known: catalogue.Metric | None) -> Callable[[Any], str | None]:
    """What numbers a metric can take, from its unit: a share is 0-100 %, a time is not negative."""
    scale = known.unit if known is not None else None
    if unit == "%" or scale in ("%", "0-100"):
        low, high, say = 0.0, 100.0, "a share between 0 and 100"
    elif scale == "-100 to +100":
        low, high, say = -100.0, 100.0, "a score between -100 and +100"
    elif unit in UNIT_WORDS or scale in ("count", "currency", "days", "hours", "seconds"):
        low, high, say = 0.0, float("inf"), "not below zero"
    else:
        return lambda number: None

    def check(number: Any) -> str | None:
        return None if low <= number <= high else f"It is {say}."

    return check


def _direction_note(session: Session, metric_id: str) -> None:
    """A target on the wrong side of the baseline is said once; it may be meant."""
    entry = _entry(session.doc, metric_id)
    known = catalogue.find(metric_id)
    better = (entry.better if entry else None) or (known.better if known else None)
    if entry is None or entry.baseline is None or entry.target is None:
        return
    base, goal = entry.baseline.value, entry.target.value
    if (better == "higher" and goal < base) or (better == "lower" and goal > base):
        session.note(
            f"{metric_id}: the target ({goal:g}) is worse than the baseline ({base:g}), and "
            f"{better} is better. Is that what the team means?",
            "warning",
        )


def _future(day: dt.date, today: dt.date) -> str | None:
    if day <= today:
        return f"{day.isoformat()} is not after today ({today.isoformat()}): a target is ahead."
    return None


def _unit_hint(unit: str | None, known: catalogue.Metric | None) -> str:
    if unit in UNIT_WORDS:
        return f"in {unit}; "
    if unit:
        return f"unit: {unit}; "
    if known is not None:
        return f"{known.unit}; "
    return ""


def _measurement(
    metric_id: str, which: str, part: str
) -> tuple[Callable[[Philosophy], Any], Callable[[Philosophy, Any], None]]:
    """get and put for the value or the date of a metric's baseline or target."""
    get_entry, put_entry = _entry_field(metric_id, which)

    def get(doc: Philosophy) -> Any:
        measurement = get_entry(doc)
        return getattr(measurement, part) if measurement is not None else None

    def put(doc: Philosophy, new: Any) -> None:
        measurement = get_entry(doc)
        if part == "value":
            date = measurement.date if measurement is not None else None
            put_entry(doc, None if new is None else Measurement(value=new, date=date))
        elif measurement is not None:
            put_entry(doc, Measurement(value=measurement.value, date=new))

    return get, put


def _metric_table(session: Session, value: Value) -> Table:
    rows = []
    for metric_id in value.metrics:
        metric = catalogue.find(metric_id)
        entry = _entry(session.doc, metric_id)
        if metric is not None:
            rows.append((metric.id, metric.name, metric.measures))
        else:
            rows.append(
                (
                    metric_id,
                    (entry.name if entry else None) or "(your own)",
                    (entry.measures if entry else None) or "—",
                )
            )
    return Table(f"How {value.name} is measured", ("ID", "Metric", "Measures"), tuple(rows))


# --- the brand ---------------------------------------------------------------------------------


def _brand_fields() -> list[Field]:
    return [
        form.text_field(
            "brand.tone",
            "Tone",
            "The brand's tone in support",
            ("brand", "tone"),
            hint="(e.g. warm, plain and practical; Enter to skip)",
            heading="Consistency: the same brand on every channel, whoever or whatever answers.",
        ),
        form.text_field(
            "brand.voice",
            "Voice",
            "Its voice: how we speak and write",
            ("brand", "voice"),
            hint='(e.g. we say "we" and "you", no policy words; Enter to skip)',
        ),
        form.text_field("brand.visuals", "Visuals", "Visuals", ("brand", "visuals")),
        form.text_field(
            "brand.channels",
            "Every channel",
            "How does it stay the same on every channel?",
            ("brand", "channels"),
            hint="(phone, chat, e-mail, self-service, bots; Enter to skip)",
        ),
    ]
