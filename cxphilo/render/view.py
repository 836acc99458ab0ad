"""The view of a document that its templates see: values with their metrics resolved,
gaps named, numbers, days and hours written the way the document's language writes
them, labels in that language. Pure data, built from a `Philosophy`; the renderer
(`renderer.py`) hands it to the templates next to the document itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from cxphilo.document import catalogue
from cxphilo.document.model import (
    Assessment,
    Capacity,
    Measurement,
    MetricEntry,
    Philosophy,
    RubricItem,
    Value,
)
from cxphilo.document.steps import same_wording
from cxphilo.locale import words as catalog_words
from cxphilo.render.labels import labels
from cxphilo.storage import mdtext
from cxphilo.vocabulary import (
    CRITERIA,
    DAYS,
)

# --- the view the templates see --------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """A baseline or target, ready to print."""

    value: str
    date: dt.date | None


@dataclass(frozen=True)
class MetricView:
    """A metric with its definition, from the catalogue or the document's `metrics:`."""

    id: str
    name: str
    defined: bool  # False: neither in the catalogue nor defined by the document
    measures: str | None = None
    formula: str | None = None
    unit: str | None = None  # the document's own unit, in the document's language
    better: str | None = None  # label key: better_higher, better_lower, better_see_scale
    aspect: str | None = None  # label key: aspect_quality, aspect_value, aspect_efficiency
    baseline: Measure | None = None
    target: Measure | None = None
    # A gap key (`unit_time`, `unit_currency`) when a baseline or target is a bare number
    # whose unit the catalogue leaves open: "240" could be minutes or hours.
    unit_gap: str | None = None

    @property
    def title(self) -> str:
        """`Net Promoter Score (NPS)`; just the id when it names itself."""
        return self.name if self.name == self.id else f"{self.name} ({self.id})"


@dataclass(frozen=True)
class Reading:
    """How one team reads one value (step 7)."""

    team: str
    value: str
    reading: str


@dataclass(frozen=True)
class BenchmarkView:
    """An answer of someone who lives a value best: what candidates are compared with."""

    answer: str
    by: str | None = None


@dataclass(frozen=True)
class ValueView:
    """A value with everything each document shows about it."""

    number: int
    name: str
    core: str | None = None  # the common value behind the wording, when it says something else
    statement: str | None = None
    description: str | None = None
    metrics: tuple[MetricView, ...] = ()
    technology: tuple[str, ...] = ()
    readings: tuple[Reading, ...] = ()  # how each team reads it
    questions: tuple[str, ...] = ()  # hiring profile questions
    strong_answer: str | None = None
    benchmarks: tuple[BenchmarkView, ...] = ()
    survey: tuple[str, ...] = ()  # the team's own survey questions
    chosen: bool = True  # False: only named in the rubric or survey, not among the values


@dataclass(frozen=True)
class TeamView:
    """A row of the per-team table."""

    name: str
    activities: tuple[str, ...]
    metrics: tuple[MetricView, ...]


@dataclass(frozen=True)
class Verdict:
    """The team's verdict on one criterion: label key of the criterion, and pass/fail/none."""

    criterion: str
    verdict: str


@dataclass(frozen=True)
class Reaction:
    """A stakeholder's gut reaction to the vision."""

    who: str
    reaction: str | None
    lands: bool | None


@dataclass(frozen=True)
class ReviewView:
    """The vision review, for the charter's footer."""

    reviewers: tuple[str, ...]
    date: dt.date | None
    verdicts: tuple[Verdict, ...]
    current: bool  # the review is of the vision as it reads now
    asked: int
    landed: int
    statement: str = ""  # the wording the team reviewed
    stakeholders: tuple[Reaction, ...] = ()


@dataclass(frozen=True)
class RecoveryStepView:
    """One step of the service-recovery playbook, with what the team itself does."""

    name: str
    guidance: str
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class View:
    """Everything the templates use besides the document itself."""

    company: str
    mission: str | None
    support_role: str | None
    goal: str | None  # label key: goal_delight, goal_reduce_effort
    principles: tuple[str, ...]
    vision: str | None
    values: tuple[ValueView, ...]
    rubric: tuple[ValueView, ...]
    survey: tuple[ValueView, ...]
    has_survey_questions: bool
    model: str | None  # label suffix: issue_centric, customer_centric
    model_rationale: str | None
    customer_history: str | None
    brand: tuple[tuple[str, str], ...]  # (label key, text)
    teams: tuple[TeamView, ...]
    cadence: str | None  # label key
    next_review: dt.date | None
    owner: str | None
    conflicts: str | None
    recovery_name: str | None
    recovery: tuple[RecoveryStepView, ...]
    review: ReviewView | None
    scale: str
    metrics: tuple[MetricView, ...]
    company_vision: str | None = None
    purpose: str | None = None  # what the company does, when the mission is the lead
    goal_rationale: str | None = None
    vision_journey: str | None = None
    vision_best_day: str | None = None
    # (label key, items): what customers need, how they reach us, ... (step 1)
    customers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    capacity: tuple[tuple[str, str], ...] = ()  # (label key, text), already in words
    sharing: tuple[tuple[str, str], ...] = ()  # (label key, text)
    sharing_other: tuple[str, ...] = ()
    culture: tuple[tuple[str, str], ...] = ()  # (label key, text)
    listening_methods: tuple[str, ...] = ()
    # Readings of a value that is not among the chosen ones, shown with the teams.
    other_readings: tuple[Reading, ...] = ()
    participants: tuple[str, ...] = ()  # who wrote the philosophy
    # Metrics the document defines or measures that no value names, so nothing is lost.
    other_metrics: tuple[MetricView, ...] = ()


def _text(value: str | None) -> str | None:
    """Typed text, or None when there is nothing but white space."""
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None


def _named(value: str, words: Mapping[str, str]) -> str:
    """A name as typed, or a visible placeholder so that no heading is left empty."""
    return mdtext.collapse(value) or words["unnamed"]


def _texts(values: list[str]) -> tuple[str, ...]:
    return tuple(t for t in (_text(v) for v in values) if t)


def _rows(pairs: tuple[tuple[str, str | None], ...]) -> tuple[tuple[str, str], ...]:
    """(label key, text) for each text that says something."""
    return tuple((key, text) for key, text in ((k, _text(v)) for k, v in pairs) if text)


def _number(value: float, decimal_mark: str) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", decimal_mark)


# How a baseline or target in a catalogue unit is written. The catalogue's units are
# English words, so each one a reader sees is a label in the document's language; a
# scale (NPS's -100 to +100) needs no word after the number; and where the catalogue
# leaves the unit open, a bare number would be ambiguous (FRT 240: minutes or hours?),
# so the document must say (`metrics[].unit`), and until it does the charter asks.
UNIT_WORDS = {"%": "percent", "seconds": "unit_seconds", "hours": "unit_hours", "days": "unit_days"}
SCALE_UNITS = frozenset({"-100 to +100", "0-100", "mean score", "survey scale", "count"})
OPEN_UNITS = {"minutes or hours": "unit_time", "currency": "unit_currency"}
PERCENT = "%"
EN_DASH = "\u2013"  # between the two times of opening hours


class _Metrics:
    """Resolves metric ids to their definitions, the document's own entries first."""

    def __init__(self, doc: Philosophy, words: Mapping[str, str]) -> None:
        self.entries: dict[str, MetricEntry] = {}
        for entry in doc.metrics:
            self.entries.setdefault(entry.id.upper(), entry)
        self.words = words
        # The catalogue's names and definitions, in the document's language.
        self.t = catalog_words(doc.company.language)
        self.seen: dict[str, MetricView] = {}

    def get(self, metric_id: str) -> MetricView:
        key = metric_id.strip().upper()
        if key not in self.seen:
            self.seen[key] = self._resolve(metric_id.strip())
        return self.seen[key]

    def _resolve(self, metric_id: str) -> MetricView:
        entry = self.entries.get(metric_id.upper())
        known = catalogue.find(metric_id)
        # A custom metric counts only as `cxphilo check` counts it: the same id, fully defined.
        if known is None and (
            entry is None
            or entry.id != metric_id
            or catalogue.definition_gaps(entry.name, entry.measures)
        ):
            return MetricView(id=metric_id, name=metric_id, defined=False)
        unit = _text(entry.unit) if entry else None
        better = (entry.better if entry else None) or (known.better if known else None)
        aspect = (entry.aspect if entry else None) or (known.aspect if known else None)
        baseline = self._measure(entry.baseline if entry else None, unit, known)
        target = self._measure(entry.target if entry else None, unit, known)
        open_unit = OPEN_UNITS.get(known.unit) if known and not unit else None
        return MetricView(
            id=known.id if known else metric_id,
            name=(_text(entry.name) if entry else None)
            or (self.t(known.name) if known else metric_id),
            defined=True,
            measures=(_text(entry.measures) if entry else None)
            or (self.t(known.measures) if known else None),
            formula=(_text(entry.formula) if entry else None)
            or (self.t(known.formula) if known else None),
            unit=unit,
            better=f"better_{better.replace(' ', '_')}" if better else None,
            aspect=f"aspect_{aspect}" if aspect else None,
            baseline=baseline,
            target=target,
            unit_gap=open_unit if (baseline or target) else None,
        )

    def _measure(
        self, measurement: Measurement | None, own_unit: str | None, known: catalogue.Metric | None
    ) -> Measure | None:
        if measurement is None:
            return None
        number = _number(measurement.value, self.words["decimal_mark"])
        if own_unit:
            # The team's own unit is in the team's language: written as typed, % as a percentage.
            if own_unit == PERCENT:
                shown = self.words["percent"].format(number=number)
            else:
                shown = f"{number} {own_unit}"
        elif known and known.unit in UNIT_WORDS:
            key = UNIT_WORDS[known.unit]
            if measurement.value == 1 and f"{key}_one" in self.words:
                key = f"{key}_one"  # "1 hour"; every language has the form, the same or not
            shown = self.words[key].format(number=number)
        else:
            shown = number
        return Measure(shown, measurement.date)


def _interpretations(doc: Philosophy, words: Mapping[str, str]) -> list[Reading]:
    found = []
    for item in doc.listening.interpretations if doc.listening else []:
        reading = _text(item.reading)
        if reading:
            found.append(Reading(_named(item.team, words), _named(item.value, words), reading))
    return found


def _core(value: Value) -> str | None:
    """The common value behind a reworded value; nothing when the name already says it."""
    core = _text(value.core)
    if core is None or mdtext.collapse(core).casefold() == mdtext.collapse(value.name).casefold():
        return None
    return mdtext.collapse(core)


def _benchmarks(item: RubricItem | None) -> tuple[BenchmarkView, ...]:
    if item is None:
        return ()
    return tuple(
        BenchmarkView(answer, _text(b.by)) for b in item.benchmarks if (answer := _text(b.answer))
    )


def build_view(doc: Philosophy) -> View:
    """The ready-to-print view of a document, in step order."""
    words = labels(doc.company.language)
    metrics = _Metrics(doc, words)
    a = doc.assessment
    survey_by_value: dict[str, list[str]] = {}
    for item in doc.listening.survey if doc.listening else []:
        survey_by_value.setdefault(_named(item.value, words), []).append(item.question)
    rubric_by_value = {
        _named(item.value, words): item for item in (doc.hiring.rubric if doc.hiring else [])
    }
    readings = _interpretations(doc, words)

    values: list[ValueView] = []
    for number, value in enumerate(doc.values, start=1):
        name = _named(value.name, words)
        rubric = rubric_by_value.get(name)
        values.append(
            ValueView(
                number=number,
                name=name,
                core=_core(value),
                statement=_text(value.statement),
                description=_text(value.description),
                metrics=tuple(metrics.get(m) for m in value.metrics if m.strip()),
                technology=_texts(value.technology),
                readings=tuple(r for r in readings if r.value == name),
                questions=_texts(rubric.questions) if rubric else (),
                strong_answer=_text(rubric.strong_answer) if rubric else None,
                benchmarks=_benchmarks(rubric),
                survey=_texts(survey_by_value.get(name, [])),
            )
        )
    chosen = {v.name for v in values}
    # Rubric items, survey questions and readings for a value that is not (or no longer)
    # among the values are still shown, after the chosen ones, rather than silently dropped.
    extra_rubric = [
        ValueView(
            number=len(values) + i,
            name=name,
            questions=_texts(item.questions),
            strong_answer=_text(item.strong_answer),
            benchmarks=_benchmarks(item),
            chosen=False,
        )
        for i, (name, item) in enumerate(
            ((n, it) for n, it in rubric_by_value.items() if n not in chosen), start=1
        )
    ]
    extra_survey = [
        ValueView(number=len(values) + i, name=name, survey=_texts(questions), chosen=False)
        for i, (name, questions) in enumerate(
            ((n, q) for n, q in survey_by_value.items() if n not in chosen), start=1
        )
    ]
    teams = tuple(
        TeamView(
            _named(t.name, words),
            _texts(t.activities),
            tuple(metrics.get(m) for m in t.metrics if m.strip()),
        )
        for t in doc.teams
    )
    brand = doc.brand
    sharing = doc.sharing
    culture = doc.culture
    g = doc.governance
    recovery = doc.recovery
    vision = doc.vision
    mission = _text(doc.company.mission)
    purpose = _text(a.purpose) if a else None
    used = {m.strip().upper() for value in doc.values for m in value.metrics}
    other_metrics = tuple(
        {
            entry.id.upper(): metrics.get(entry.id)
            for entry in doc.metrics
            if entry.id.upper() not in used
        }.values()
    )
    return View(
        company=_named(doc.company.name, words),
        mission=mission or purpose,
        purpose=purpose if mission else None,
        company_vision=_text(doc.company.vision),
        support_role=_text(a.support_role) if a else None,
        goal=f"goal_{a.goal.replace('-', '_')}" if a and a.goal else None,
        goal_rationale=_text(a.goal_rationale) if a else None,
        principles=_texts(a.principles) if a else (),
        customers=_customers(a, words),
        capacity=_capacity(a.capacity if a else None, words),
        vision=_text(vision.statement) if vision else None,
        vision_journey=_text(vision.journey) if vision else None,
        vision_best_day=_text(vision.best_day) if vision else None,
        values=tuple(values),
        rubric=tuple(values) + tuple(extra_rubric),
        survey=tuple(values) + tuple(extra_survey),
        has_survey_questions=bool(survey_by_value),
        model=doc.model.choice.replace("-", "_") if doc.model and doc.model.choice else None,
        model_rationale=_text(doc.model.rationale) if doc.model else None,
        customer_history=_text(doc.model.customer_history) if doc.model else None,
        brand=_rows(
            (
                ("tone", brand.tone),
                ("voice", brand.voice),
                ("visuals", brand.visuals),
                ("brand_channels", brand.channels),
            )
        )
        if brand
        else (),
        sharing=_rows(
            (
                ("onboarding", sharing.onboarding),
                ("training", sharing.training),
                ("autonomy", sharing.autonomy),
                ("promotions", sharing.promotions),
                ("incentives", sharing.incentives),
                ("social_media", sharing.social_media),
            )
        )
        if sharing
        else (),
        sharing_other=_texts(sharing.other) if sharing else (),
        teams=teams,
        other_readings=tuple(r for r in readings if r.value not in chosen),
        culture=_rows(
            (
                ("recognition", culture.recognition),
                ("accountability", culture.accountability),
                ("patience", culture.patience),
            )
        )
        if culture
        else (),
        listening_methods=_texts(doc.listening.methods) if doc.listening else (),
        cadence=f"cadence_{g.cadence.replace('-', '_')}" if g and g.cadence else None,
        next_review=g.next_review if g else None,
        owner=_text(g.owner) if g else None,
        conflicts=_text(g.conflicts) if g else None,
        recovery_name=_text(recovery.name) if recovery else None,
        recovery=tuple(
            RecoveryStepView(_named(s.name, words), s.guidance.strip(), _texts(s.actions))
            for s in recovery.steps
        )
        if recovery
        else (),
        review=_review(doc, words),
        participants=_texts(doc.brainstorm.participants) if doc.brainstorm else (),
        scale=(_text(doc.hiring.scale) if doc.hiring else None) or words["default_scale"],
        other_metrics=other_metrics,
        # Every metric named by a value or a team, then those only the document's
        # `metrics:` names, in the order each first appears.
        metrics=tuple(metrics.seen.values()),
    )


def _customers(
    a: Assessment | None, words: Mapping[str, str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    customers = a.customers if a else None
    lists = (
        ("needs", _texts(customers.needs) if customers else ()),
        # The channels read as one line: "phone, email, chat".
        (
            "customer_channels",
            (words["list_sep"].join(words[f"channel_{c}"] for c in customers.channels),)
            if customers and customers.channels
            else (),
        ),
        ("self_help", _texts(customers.self_help) if customers else ()),
        ("expectations", _texts(customers.expectations) if customers else ()),
        ("insight_sources", _texts(a.insight_sources) if a else ()),
    )
    return tuple((key, items) for key, items in lists if items)


def _capacity(capacity: Capacity | None, words: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """What the team can deliver, in words: the step 1 answers the vision is judged against."""
    if capacity is None:
        return ()
    sep = words["list_sep"]
    rows: list[tuple[str, str]] = []
    if capacity.team_size is not None:
        rows.append(("team_size", str(capacity.team_size)))
    days = _day_ranges([d for d in DAYS if d in capacity.days], words)
    hours = _hours(capacity.hours, words) if capacity.hours else None
    when = words["days_hours"].format(days=days, hours=hours) if days and hours else days or hours
    exceptions = [
        words["day_hours"].format(day=words[f"day_{day}"], hours=_hours(h, words))
        for day, h in sorted(capacity.day_hours.items(), key=lambda item: DAYS.index(item[0]))
    ]
    if when and exceptions:
        when = words["hours_except"].format(hours=when, exceptions=sep.join(exceptions))
    elif exceptions:
        when = sep.join(exceptions)
    if when:
        rows.append(("answer_hours", when))
    staffed = [
        words["channel_hours"].format(
            channel=words[f"channel_{channel}"],
            hours=_hours(capacity.channel_hours[channel], words),
        )
        if channel in capacity.channel_hours
        else words[f"channel_{channel}"]
        for channel in [
            *capacity.channels,
            *(c for c in capacity.channel_hours if c not in capacity.channels),
        ]
    ]
    if staffed:
        rows.append(("staffed", sep.join(staffed)))
    return tuple(rows)


def _hours(hours: str, words: Mapping[str, str]) -> str:
    return words["hours_24h"] if hours == "24h" else hours.replace("-", EN_DASH)


def _day_ranges(days: list[str], words: Mapping[str, str]) -> str:
    """`Monday to Friday, Sunday`: three or more days in a row become a range."""
    runs: list[list[str]] = []
    for day in days:
        if runs and DAYS.index(day) == DAYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(
                words["day_range"].format(
                    first=words[f"day_{run[0]}"], last=words[f"day_{run[-1]}"]
                )
            )
        else:
            parts.extend(words[f"day_{day}"] for day in run)
    return words["list_sep"].join(parts)


def _review(doc: Philosophy, words: Mapping[str, str]) -> ReviewView | None:
    vision = doc.vision
    if vision is None or vision.review is None:
        return None
    review = vision.review
    verdicts = tuple(
        Verdict(
            f"criterion_{criterion}", f"verdict_{getattr(review.verdicts, criterion) or 'none'}"
        )
        for criterion in CRITERIA
    )
    return ReviewView(
        reviewers=_texts(review.reviewers),
        date=review.date,
        verdicts=verdicts,
        current=same_wording(review.statement, vision.statement),
        asked=len(review.stakeholders),
        landed=sum(1 for s in review.stakeholders if s.lands),
        statement=review.statement.strip(),
        stakeholders=tuple(
            Reaction(_named(s.who, words), _text(s.reaction), s.lands) for s in review.stakeholders
        ),
    )


# --- helpers the templates call -------------------------------------------------------------
