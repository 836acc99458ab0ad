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
from cxphilo.locale import N_, Text, Words

from . import form
from .answers import Refused, clean, format_date, format_number, parse_date, parse_number
from .asker import LIST_HINT, SKIP_HINT, Choice, Table
from .form import Field
from .session import Session
from .suggestions import metrics_for, statement_for, technology_for

ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")  # the model's pattern for a metric id
USE, REWRITE, KEEP = "use", "rewrite", "keep"
BETTER = (
    Choice(N_("Higher is better"), "higher"),
    Choice(N_("Lower is better"), "lower"),
    Choice(N_("It depends on the scale"), "see scale"),
)
# A catalogue metric's description while it is highlighted, by which way is better.
BETTER_NOTES = {
    "higher": N_("{measures} (higher is better)"),
    "lower": N_("{measures} (lower is better)"),
    "see scale": N_("{measures} (which way is better depends on the scale)"),
}
UNIT_WORDS = {"%", "minutes", "hours", "seconds", "days"}
# The hint under a baseline or a target, by its unit: the units a file may name itself
# (UNIT_WORDS) and the catalogue's units, each said in the person's words.
UNIT_HINTS = {
    "%": N_("(a percentage; Enter to skip)"),
    "minutes": N_("(in minutes; Enter to skip)"),
    "hours": N_("(in hours; Enter to skip)"),
    "seconds": N_("(in seconds; Enter to skip)"),
    "days": N_("(in days; Enter to skip)"),
    "minutes or hours": N_("(in minutes or hours; Enter to skip)"),
    "-100 to +100": N_("(a score from -100 to +100; Enter to skip)"),
    "0-100": N_("(from 0 to 100; Enter to skip)"),
    "count": N_("(a count; Enter to skip)"),
    "currency": N_("(an amount of money; Enter to skip)"),
    "mean score": N_("(a mean score; Enter to skip)"),
    "survey scale": N_("(on the survey's scale; Enter to skip)"),
}
# The units a catalogue metric offers to choose from ("minutes or hours").
UNIT_LABELS = {
    "minutes": N_("Minutes"),
    "hours": N_("Hours"),
    "seconds": N_("Seconds"),
    "days": N_("Days"),
}


def core(value: Value) -> str:
    """The common value a value stands for: what the suggestions are looked up by."""
    return value.core or value.name


def run(session: Session) -> None:
    """Run step 5, saving after each answer."""
    if not session.doc.values:
        session.note(
            session.t(
                "There are no values yet: step 3 chooses them. The brand's tone and voice can "
                "be agreed now."
            ),
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
    out += _brand_fields(session.t)
    return out


def _value_fields(session: Session, index: int, value: Value, asked: set[str]) -> list[Field]:
    doc = session.doc
    t = session.t
    path: form.Path = ("values", index)
    count = len(doc.values)
    example = statement_for(core(value), session.content)
    out = [
        form.text_field(
            f"values.{index}.statement",
            t("{value}: action statement", value=value.name),
            t("Action statement for {value}", value=value.name),
            (*path, "statement"),
            hint=t(
                "(start with a verb, or say “I …”; the suggestion is selected: type to replace it)"
            )
            if example
            else t("(start with a verb, or say “I …”)"),
            suggest=example,
            heading=t(
                "Value {number} of {total}: {value}",
                number=index + 1,
                total=count,
                value=value.name,
            ),
            after=lambda s, i=index: _statement_acts(s, i),
        ),
        _metrics_field(t, index, value),
        _own_metrics_field(t, index, value),
    ]
    # A metric two values share is defined and measured once, under the first of them.
    for metric_id in value.metrics:
        if catalogue.find(metric_id) is None and f"define {metric_id}" not in asked:
            out += _custom_metric_fields(t, metric_id)
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
            t("{value}: technology", value=value.name),
            t("Technology that reinforces {value}", value=value.name),
            (*path, "technology"),
            hint=(
                t("(suggestions offered: typing replaces them, → edits them; separate with ;)")
                if technology_for(core(value), session.content)
                else LIST_HINT
            ),
            suggest=list(technology_for(core(value), session.content)) or None,
        )
    )
    return out


def _statement_acts(session: Session, index: int) -> None:
    """A statement that does not act gets the check's own warning and a way out."""
    value = session.doc.values[index]
    t = session.t
    while value.statement and not acts(value.statement, session.language):
        session.note(
            t(
                "That reads like a slogan. A strong action statement starts with a verb "
                "(“Approach customers with a warm welcome”) or is an “I” statement."
            ),
            "warning",
        )
        suggestion = statement_for(core(value), session.content)
        choices = [Choice(t("Use: {suggestion}", suggestion=suggestion), USE)] if suggestion else []
        choices += [Choice(t("Rewrite it"), REWRITE), Choice(t("Keep ours as it is"), KEEP)]
        action = session.select(t("What now?"), choices)
        if action == KEEP:
            return
        value.statement = (
            suggestion
            if action == USE
            else session.required(t("Action statement"), default=value.statement)
        )
        session.save()
        if action == USE:
            return


def acts(statement: str, language: str) -> bool:
    """The check's own test: the statement starts with a verb or is an "I ..." statement."""
    from cxphilo.criteria import is_action_statement

    return is_action_statement(statement, language)


# --- metrics ------------------------------------------------------------------------------------


def _metrics_field(t: Words, index: int, value: Value) -> Field:
    suggested = list(metrics_for(core(value)))
    order = [m for m in suggested if catalogue.find(m)] + [
        m.id for m in catalogue.CATALOGUE if m.id not in suggested
    ]
    choices = [_metric_choice(t, catalogue.BY_ID[m], m in suggested) for m in order]
    get, put = form.at("values", index, "metrics")

    def get_known(doc: Philosophy) -> list[str]:
        return [m for m in get(doc) or [] if catalogue.find(m) is not None]

    def put_known(doc: Philosophy, picked: list[str]) -> None:
        own = [m for m in get(doc) or [] if catalogue.find(m) is None]
        put(doc, [m for m in order if m in picked] + own)

    return Field(
        f"values.{index}.metrics",
        t("{value}: metrics", value=value.name),
        t("Which metrics really measure {value}?", value=value.name),
        get_known,
        put_known,
        kind="checkbox",
        choices=tuple(choices),
        suggest=suggested,
        hint=t("(suggested ones are ticked; the highlighted one is described below)"),
        answered=lambda doc: bool(get(doc)),
    )


def _metric_choice(t: Words, metric: catalogue.Metric, suggested: bool) -> Choice:
    """A catalogue metric to tick: its id in a column, its name, what it measures below."""
    name = t(metric.name)
    if suggested:
        name = t("{metric}  (suggested)", metric=name)
    measures = t(metric.measures)
    note = BETTER_NOTES.get(metric.better)
    return Choice(
        f"{metric.id:<9} {name}",
        metric.id,
        description=t(note, measures=measures) if note else measures,
    )


def _own_metrics_field(t: Words, index: int, value: Value) -> Field:
    get, put = form.at("values", index, "metrics")

    def get_own(doc: Philosophy) -> list[str]:
        return [m for m in get(doc) or [] if catalogue.find(m) is None]

    def parse(answer: str) -> list[str]:
        ids = [part.strip() for part in clean(answer).replace(",", ";").split(";") if part.strip()]
        for metric_id in ids:
            if not ID_RE.match(metric_id):
                raise Refused(
                    Text(
                        "“{metric}”: a short id of letters, digits, - or _, starting with a "
                        "letter (for example SAME_DAY).",
                        metric=metric_id,
                    )
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
        t("{value}: own metrics", value=value.name),
        t("A metric of your own for {value}?", value=value.name),
        get_own,
        put_own,
        parse=parse,
        hint=t("(a short id such as SAME_DAY; separate with ;  Enter for none)"),
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


def _custom_metric_fields(t: Words, metric_id: str) -> list[Field]:
    """A metric of the team's own: its name, what it measures, unit, direction, formula."""
    return [
        Field(
            f"metrics.{metric_id}.name",
            t("{metric}: name", metric=metric_id),
            t("Full name of {metric}", metric=metric_id),
            *_entry_field(metric_id, "name"),
            required=True,
            heading=t("{metric} is the team's own metric: say what it is.", metric=metric_id),
        ),
        Field(
            f"metrics.{metric_id}.measures",
            t("{metric}: measures", metric=metric_id),
            t("What does {metric} measure?", metric=metric_id),
            *_entry_field(metric_id, "measures"),
            required=True,
        ),
        Field(
            f"metrics.{metric_id}.unit",
            t("{metric}: unit", metric=metric_id),
            t("The unit of {metric}", metric=metric_id),
            *_entry_field(metric_id, "unit"),
            hint=t("(%, minutes, hours, days, a count…; Enter to skip)"),
        ),
        Field(
            f"metrics.{metric_id}.better",
            t("{metric}: better", metric=metric_id),
            t("Is a higher or a lower {metric} better?", metric=metric_id),
            *_entry_field(metric_id, "better"),
            kind="select",
            choices=tuple(Choice(t(c.title), c.value) for c in BETTER),
            suggest="higher",
        ),
        Field(
            f"metrics.{metric_id}.formula",
            t("{metric}: formula", metric=metric_id),
            t("How is {metric} worked out?", metric=metric_id),
            *_entry_field(metric_id, "formula"),
            hint=t("(for example: repairs done the same day / all repairs x 100; Enter to skip)"),
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

    t = session.t
    return Field(
        key,
        t("{value}: baselines and targets", value=value.name),
        # The metrics are ids, listed as they are written in the file.
        t("Record a baseline and a target for {metrics}?", metrics=", ".join(metrics)),
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
    t = session.t
    known = catalogue.find(metric_id)
    out: list[Field] = []
    if known is not None and " or " in known.unit:
        units = [u.strip() for u in known.unit.split(" or ")]
        out.append(
            Field(
                f"metrics.{metric_id}.unit",
                t("{metric}: unit", metric=metric_id),
                t("{metric} in which unit?", metric=metric_id),
                *_entry_field(metric_id, "unit"),
                kind="select",
                choices=tuple(
                    Choice(t(UNIT_LABELS[u]) if u in UNIT_LABELS else u.capitalize(), u)
                    for u in units
                ),
                suggest=units[0],
            )
        )
    unit = unit_of(doc, metric_id)
    hint = _unit_hint(t, unit, known)
    today = session.today
    entry = _entry(doc, metric_id)
    out.append(
        Field(
            f"metrics.{metric_id}.baseline",
            t("{metric}: baseline", metric=metric_id),
            t("{metric}: today's value (baseline)", metric=metric_id),
            *_measurement(metric_id, "baseline", "value"),
            parse=lambda answer: parse_number(answer, unit),
            show=format_number,
            check=_range_rule(t, unit, known),
            hint=hint,
        )
    )
    if entry is not None and entry.baseline is not None:
        future = t("A baseline is measured already: its date cannot be in the future.")
        out.append(
            Field(
                f"metrics.{metric_id}.baseline.date",
                t("{metric}: measured on", metric=metric_id),
                t("{metric}: measured on", metric=metric_id),
                *_measurement(metric_id, "baseline", "date"),
                parse=parse_date,
                show=format_date,
                suggest=today,
                check=lambda day: future if day > today else None,
                hint=t("(YYYY-MM-DD; today is offered)"),
            )
        )
    out.append(
        Field(
            f"metrics.{metric_id}.target",
            t("{metric}: target", metric=metric_id),
            t("{metric}: target", metric=metric_id),
            *_measurement(metric_id, "target", "value"),
            parse=lambda answer: parse_number(answer, unit),
            show=format_number,
            check=_range_rule(t, unit, known),
            after=functools.partial(_direction_note, metric_id=metric_id),
            hint=hint,
        )
    )
    if entry is not None and entry.target is not None:
        out.append(
            Field(
                f"metrics.{metric_id}.target.date",
                t("{metric}: by when", metric=metric_id),
                t("{metric}: by when?", metric=metric_id),
                *_measurement(metric_id, "target", "date"),
                parse=parse_date,
                show=format_date,
                check=lambda day: _future(t, day, today),
                hint=t("(YYYY-MM-DD, after today)"),
            )
        )
    return out


def _range_rule(
    t: Words, unit: str | None, known: catalogue.Metric | None
) -> Callable[[Any], str | None]:
    """What numbers a metric can take, from its unit: a share is 0-100 %, a time is not negative."""
    scale = known.unit if known is not None else None
    if unit == "%" or scale in ("%", "0-100"):
        low, high, say = 0.0, 100.0, t("It is a share between 0 and 100.")
    elif scale == "-100 to +100":
        low, high, say = -100.0, 100.0, t("It is a score between -100 and +100.")
    elif unit in UNIT_WORDS or scale in ("count", "currency", "days", "hours", "seconds"):
        low, high, say = 0.0, float("inf"), t("It is not below zero.")
    else:
        return lambda number: None

    def check(number: Any) -> str | None:
        return None if low <= number <= high else say

    return check


def _direction_note(session: Session, metric_id: str) -> None:
    """A target on the wrong side of the baseline is said once; it may be meant."""
    entry = _entry(session.doc, metric_id)
    known = catalogue.find(metric_id)
    better = (entry.better if entry else None) or (known.better if known else None)
    if entry is None or entry.baseline is None or entry.target is None:
        return
    base, goal = entry.baseline.value, entry.target.value
    if better == "higher" and goal < base:
        worse = N_(
            "{metric}: the target ({target}) is worse than the baseline ({baseline}), and "
            "higher is better. Is that what the team means?"
        )
    elif better == "lower" and goal > base:
        worse = N_(
            "{metric}: the target ({target}) is worse than the baseline ({baseline}), and "
            "lower is better. Is that what the team means?"
        )
    else:
        return
    # The numbers as they were typed and are offered again (format_number).
    session.note(
        session.t(worse, metric=metric_id, target=f"{goal:g}", baseline=f"{base:g}"), "warning"
    )


def _future(t: Words, day: dt.date, today: dt.date) -> str | None:
    if day <= today:
        return t(
            "{day} is not after today ({today}): a target is ahead.",
            day=day.isoformat(),
            today=today.isoformat(),
        )
    return None


def _unit_hint(t: Words, unit: str | None, known: catalogue.Metric | None) -> str:
    """The hint under a baseline or a target: the unit its number is in, when one is known.
    (A unit of the file's own that cxphilo has no words for is shown as it is written.)"""
    if unit in UNIT_WORDS:
        return t(UNIT_HINTS[unit])
    if unit:
        return t("(unit: {unit}; Enter to skip)", unit=unit)
    if known is not None and known.unit in UNIT_HINTS:
        return t(UNIT_HINTS[known.unit])
    return t(SKIP_HINT)


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
    t = session.t
    rows = []
    for metric_id in value.metrics:
        metric = catalogue.find(metric_id)
        entry = _entry(session.doc, metric_id)
        if metric is not None:
            rows.append((metric.id, t(metric.name), t(metric.measures)))
        else:
            rows.append(
                (
                    metric_id,
                    (entry.name if entry else None) or t("(your own)"),
                    (entry.measures if entry else None) or "—",
                )
            )
    return Table(
        t("How {value} is measured", value=value.name),
        (t("ID"), t("Metric"), t("Measures")),
        tuple(rows),
    )


# --- the brand ---------------------------------------------------------------------------------


def _brand_fields(t: Words) -> list[Field]:
    return [
        form.text_field(
            "brand.tone",
            t("Tone"),
            t("The brand's tone in support"),
            ("brand", "tone"),
            hint=t("(e.g. warm, plain and practical; Enter to skip)"),
            heading=t("Consistency: the same brand on every channel, whoever or whatever answers."),
        ),
        form.text_field(
            "brand.voice",
            t("Voice"),
            t("Its voice: how we speak and write"),
            ("brand", "voice"),
            hint=t('(e.g. we say "we" and "you", no policy words; Enter to skip)'),
        ),
        form.text_field("brand.visuals", t("Visuals"), t("Visuals"), ("brand", "visuals")),
        form.text_field(
            "brand.channels",
            t("Every channel"),
            t("How does it stay the same on every channel?"),
            ("brand", "channels"),
            hint=t("(phone, chat, e-mail, self-service, bots; Enter to skip)"),
        ),
    ]
