"""The charter, the hiring rubric and the employee survey, as Markdown or HTML.

`render(doc, kind, fmt)` turns a document into text; `render_file` is what the
`render` command does: load, pick the format, render, write. The templates
get a small, ready-to-print view of the document (values with their metrics
resolved, gaps named, labels in the document's language) next to the document
itself, so that a team's own template stays short.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape

from . import catalogue, mdtext
from .errors import UsageError
from .labels import Labels, labels
from .model import Measurement, MetricEntry, Philosophy
from .steps import same_wording

Kind = Literal["charter", "rubric", "survey"]
Fmt = Literal["md", "html"]
KINDS: tuple[Kind, ...] = ("charter", "rubric", "survey")
FORMATS: tuple[Fmt, ...] = ("md", "html")
EXTENSIONS: dict[str, Fmt] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

# The workshop step that fills each gap, so that a gap says where to go next.
GAP_STEPS = {
    "mission": 1,
    "model": 2,
    "values": 3,
    "vision": 4,
    "review": 4,
    "review_stale": 4,
    "live": 5,
    "statement": 5,
    "metrics": 5,
    "metric_unknown": 5,
    "brand": 5,
    "questions": 6,
    "strong": 6,
    "teams": 7,
    "cadence": 7,
    "conflicts": 7,
    "survey": 7,
}


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
    unit: str | None = None
    better: str | None = None  # label key: better_higher, better_lower, better_see_scale
    baseline: Measure | None = None
    target: Measure | None = None
    # The catalogue's definitions are English; HTML marks them so (screen readers, hyphens).
    definition_lang: str | None = None

    @property
    def title(self) -> str:
        """`Net Promoter Score (NPS)`; just the id when it names itself."""
        return self.name if self.name == self.id else f"{self.name} ({self.id})"


@dataclass(frozen=True)
class ValueView:
    """A value with everything each document shows about it."""

    number: int
    name: str
    statement: str | None = None
    description: str | None = None
    metrics: tuple[MetricView, ...] = ()
    technology: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()  # hiring profile questions
    strong_answer: str | None = None
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
class ReviewView:
    """The vision review, for the charter's footer."""

    reviewers: tuple[str, ...]
    date: dt.date | None
    verdicts: tuple[Verdict, ...]
    current: bool  # the review is of the vision as it reads now
    asked: int
    landed: int


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
    recovery: tuple[tuple[str, str], ...]  # (step, guidance)
    review: ReviewView | None
    scale: str
    metrics: tuple[MetricView, ...]


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


def _number(value: float, decimal_mark: str) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", decimal_mark)


class _Metrics:
    """Resolves metric ids to their definitions, the document's own entries first."""

    def __init__(self, doc: Philosophy, words: Mapping[str, str]) -> None:
        self.entries: dict[str, MetricEntry] = {}
        for entry in doc.metrics:
            self.entries.setdefault(entry.id.upper(), entry)
        self.words = words
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
        return MetricView(
            id=known.id if known else metric_id,
            name=(_text(entry.name) if entry else None) or (known.name if known else metric_id),
            defined=True,
            measures=(_text(entry.measures) if entry else None)
            or (known.measures if known else None),
            formula=(_text(entry.formula) if entry else None) or (known.formula if known else None),
            unit=unit or (known.unit if known else None),
            better=f"better_{better.replace(' ', '_')}" if better else None,
            baseline=self._measure(entry.baseline if entry else None, unit, known),
            target=self._measure(entry.target if entry else None, unit, known),
            definition_lang="en"
            if known and not (entry and (_text(entry.measures) or _text(entry.formula)))
            else None,
        )

    def _measure(
        self, measurement: Measurement | None, own_unit: str | None, known: catalogue.Metric | None
    ) -> Measure | None:
        if measurement is None:
            return None
        number = _number(measurement.value, self.words["decimal_mark"])
        unit = own_unit or (known.unit if known else None)
        if unit == "%":
            shown = self.words["percent"].format(number=number)
        elif own_unit:
            # The team's own unit is in the team's language; the catalogue's is not.
            shown = f"{number} {own_unit}"
        else:
            shown = number
        return Measure(shown, measurement.date)


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

    values: list[ValueView] = []
    for number, value in enumerate(doc.values, start=1):
        name = _named(value.name, words)
        rubric = rubric_by_value.get(name)
        values.append(
            ValueView(
                number=number,
                name=name,
                statement=_text(value.statement),
                description=_text(value.description),
                metrics=tuple(metrics.get(m) for m in value.metrics if m.strip()),
                technology=_texts(value.technology),
                questions=_texts(rubric.questions) if rubric else (),
                strong_answer=_text(rubric.strong_answer) if rubric else None,
                survey=_texts(survey_by_value.get(name, [])),
            )
        )
    chosen = {v.name for v in values}
    # Rubric items and survey questions for a value that is not (or no longer) among the
    # values are still shown, after the chosen ones, rather than silently dropped.
    extra_rubric = [
        ValueView(
            number=len(values) + i,
            name=name,
            questions=_texts(item.questions),
            strong_answer=_text(item.strong_answer),
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
    brand_rows = tuple(
        (key, text)
        for key, text in (
            ("tone", _text(brand.tone) if brand else None),
            ("voice", _text(brand.voice) if brand else None),
            ("visuals", _text(brand.visuals) if brand else None),
            ("brand_channels", _text(brand.channels) if brand else None),
        )
        if text
    )
    g = doc.governance
    recovery = doc.recovery
    return View(
        company=_named(doc.company.name, words),
        mission=_text(doc.company.mission) or (_text(a.purpose) if a else None),
        support_role=_text(a.support_role) if a else None,
        goal=f"goal_{a.goal.replace('-', '_')}" if a and a.goal else None,
        principles=_texts(a.principles) if a else (),
        vision=_text(doc.vision.statement) if doc.vision else None,
        values=tuple(values),
        rubric=tuple(values) + tuple(extra_rubric),
        survey=tuple(values) + tuple(extra_survey),
        has_survey_questions=bool(survey_by_value),
        model=doc.model.choice.replace("-", "_") if doc.model and doc.model.choice else None,
        model_rationale=_text(doc.model.rationale) if doc.model else None,
        customer_history=_text(doc.model.customer_history) if doc.model else None,
        brand=brand_rows,
        teams=teams,
        cadence=f"cadence_{g.cadence.replace('-', '_')}" if g and g.cadence else None,
        next_review=g.next_review if g else None,
        owner=_text(g.owner) if g else None,
        conflicts=_text(g.conflicts) if g else None,
        recovery_name=_text(recovery.name) if recovery else None,
        recovery=tuple((_named(s.name, words), s.guidance.strip()) for s in recovery.steps)
        if recovery
        else (),
        review=_review(doc),
        scale=(_text(doc.hiring.scale) if doc.hiring else None) or words["default_scale"],
        # Every metric named by a value or a team, in the order it first appears.
        metrics=tuple(metrics.seen.values()),
    )


def _review(doc: Philosophy) -> ReviewView | None:
    vision = doc.vision
    if vision is None or vision.review is None:
        return None
    review = vision.review
    verdicts = tuple(
        Verdict(
            f"criterion_{criterion}", f"verdict_{getattr(review.verdicts, criterion) or 'none'}"
        )
        for criterion in ("simple", "service", "future")
    )
    return ReviewView(
        reviewers=_texts(review.reviewers),
        date=review.date,
        verdicts=verdicts,
        current=same_wording(review.statement, vision.statement),
        asked=len(review.stakeholders),
        landed=sum(1 for s in review.stakeholders if s.lands),
    )


# --- helpers the templates call -------------------------------------------------------------


def _helpers(words: Mapping[str, str], fmt: Fmt) -> dict[str, Callable[..., Any]]:
    """`t(key, **values)` fills a label; `gap(key, **values)` names a missing part.

    What a person typed is escaped for the format: HTML through markupsafe,
    Markdown through `mdtext.inline`. The labels themselves are ours.
    """

    def fill(key: str, values: Mapping[str, object]) -> str:
        if key not in words:
            raise KeyError(f"no label '{key}'")
        if fmt == "html":
            return Markup(escape(words[key])).format(**values)
        return words[key].format(**{k: _md_arg(v) for k, v in values.items()})

    def t(key: str, **values: object) -> str:
        return fill(key, values)

    def gap(key: str, **values: object) -> str:
        what = fill(f"gap_{key}", values)
        step = GAP_STEPS.get(key)
        if step is None:
            return what
        template = words["gap_format"]
        if fmt == "html":
            return Markup(escape(template)).format(what=what, step=step)
        return template.format(what=what, step=step)

    return {"t": t, "gap": gap}


def _md_arg(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    return mdtext.inline(value)


# --- the entry points ----------------------------------------------------------------------


def render(
    doc: Philosophy, kind: str = "charter", fmt: str = "md", templates: Path | None = None
) -> str:
    """The text of one document (`charter`, `rubric`, `survey`) as `md` or `html`.

    `templates` is a folder whose templates replace the built-in ones of the
    same name. Raises UsageError for an unknown kind or format, TemplateError
    for a template that fails.
    """
    from .templating import environment, render_template

    if kind not in KINDS:
        raise UsageError(f"unknown document '{kind}'", hint=f"use one of: {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'", hint=f"use one of: {', '.join(FORMATS)}")
    words = labels(doc.company.language)
    # A copy: the workshop passes its live document, and templates must not reach it.
    safe_doc = doc.model_copy(deep=True)
    context: dict[str, Any] = {
        "doc": safe_doc,
        "view": build_view(safe_doc),
        "lang": doc.company.language,
        "kind": kind,
        "fmt": fmt,
        "L": Labels(words),
        **_helpers(words, fmt),
    }
    user_dir = Path(templates) if templates is not None else None
    text = render_template(environment(user_dir), f"{kind}.{fmt}.j2", context)
    return text.rstrip("\n") + "\n"


def format_for(out: Path | None, fmt: str | None) -> Fmt:
    """The output format: `--to` when given, else from the extension of `-o`, else Markdown."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format '{fmt}'", hint="use --to md or --to html")
        return fmt
    if out is None:
        return "md"
    found = EXTENSIONS.get(out.suffix.lower())
    if found is None:
        shown = out.suffix or "no extension"
        raise UsageError(
            f"cannot tell the format of {out} from its extension ({shown})",
            hint="name it .md or .html, or say which with --to md or --to html",
        )
    return found


@dataclass(frozen=True)
class Rendered:
    """What `render_file` produced: the text, its format, and where it was written."""

    text: str
    fmt: Fmt
    written: Path | None


def render_file(
    path: Path,
    kind: str = "charter",
    fmt: str | None = None,
    out: Path | None = None,
    templates: Path | None = None,
) -> Rendered:
    """Load `path`, render one document, and write it to `out` atomically when given.

    Without `templates`, the `templates` setting of the config file found from
    the working directory upward is used, as `cxphilo check` finds its settings.
    Raises FileNotFound or DocumentError for the input, UsageError for options
    that do not fit together, ConfigError for a wrong config file, TemplateError
    for a failing template.
    """
    from .store import atomic_write, load

    if templates is None:
        from .config import load_config

        templates = load_config().templates
    chosen = format_for(out, fmt)
    if out is not None and _same_file(out, path):
        raise UsageError(f"{out} is the philosophy file itself; not overwriting it")
    loaded = load(path)
    text = render(loaded.doc, kind=kind, fmt=chosen, templates=templates)
    if out is not None:
        atomic_write(out, text)
    return Rendered(text, chosen, out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
