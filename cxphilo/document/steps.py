"""The seven steps of the method, and how far a document has come in each.

Pure core: takes a `Philosophy`, returns data. `cxphilo status`, the check's
"missing step" findings and the workshop's header all read from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, NamedTuple

from cxphilo.document.plain import prune
from cxphilo.locale import N_, Text
from cxphilo.vocabulary import MAX_VALUES

if TYPE_CHECKING:  # only for annotations: `cxphilo check` reads steps without pydantic
    from cxphilo.document.model import Philosophy

State = Literal["done", "partly", "not started"]


class Step(NamedTuple):  # NamedTuples: cheaper to make at start-up than dataclasses
    number: int
    name: str  # used on the command line: `cxphilo workshop --step values`
    title: str
    path: str  # the document key this step writes first; findings point there


STEPS: tuple[Step, ...] = (
    Step(1, "assess", N_("Assess goals, customer needs and capacity"), "assessment"),
    Step(2, "model", N_("Choose an issue-centric or customer-centric model"), "model"),
    Step(3, "values", N_("Brainstorm values and cut them to five"), "values"),
    Step(4, "vision", N_("Write the support vision and check it"), "vision"),
    Step(5, "actions", N_("Turn values into actions and metrics"), "values"),
    Step(6, "share", N_("Share it and hire for it"), "sharing"),
    Step(7, "listen", N_("Ask employees how they read it"), "listening"),
)
BY_NAME = {step.name: step for step in STEPS}


class StepStatus(NamedTuple):
    step: Step
    state: State
    missing: tuple[Text, ...]  # what is still to do, in the words of the step


def _assess(doc: Philosophy) -> list[Text]:
    a = doc.assessment
    customers = a.customers if a else None
    capacity = a.capacity if a else None
    checks = [
        (a and a.purpose, N_("the company's purpose")),
        (a and a.support_role, N_("support's role")),
        (a and a.goal, N_("delight or reduce effort")),
        (a and a.principles, N_("the principles support follows")),
        (customers and customers.needs, N_("customers' needs and expectations")),
        (customers and customers.channels, N_("the channels customers use")),
        (a and a.insight_sources, N_("sources of customer insight")),
        (capacity and capacity.team_size, N_("capacity: team size")),
        (capacity and capacity.days, N_("capacity: days")),
        (capacity and capacity.hours, N_("capacity: hours")),
        (capacity and capacity.channels, N_("capacity: staffed channels")),
    ]
    return [Text(label) for ok, label in checks if not ok]


def _model(doc: Philosophy) -> list[Text]:
    m = doc.model
    missing = []
    if not (m and m.choice):
        missing.append(Text("the model: issue-centric or customer-centric"))
    if not (m and m.rationale):
        missing.append(Text("why this model"))
    if m and m.choice == "customer-centric" and not m.customer_history:
        missing.append(Text("how customer history is kept"))
    return missing


def _values(doc: Philosophy) -> list[Text]:
    if not doc.values:
        return [Text("the chosen values (five or fewer)")]
    if len(doc.values) > MAX_VALUES:
        return [Text("cut the values to five or fewer (now {count})", count=len(doc.values))]
    return []


def _values_started(doc: Philosophy) -> bool:
    return bool(doc.values or (doc.brainstorm and (doc.brainstorm.ideas or doc.brainstorm.rounds)))


def same_wording(reviewed: str | None, current: str | None) -> bool:
    """Whether a review still belongs to the vision: the same words, spacing aside.

    The one rule for "the vision changed after the team reviewed it", used by
    the status, the check, the charter and the workshop alike.
    """
    return " ".join((reviewed or "").split()) == " ".join((current or "").split())


def _vision(doc: Philosophy) -> list[Text]:
    v = doc.vision
    if not (v and v.statement):
        return [Text("the vision statement"), Text("the team's review of it")]
    if not v.review:
        return [Text("the team's review of the vision")]
    if not same_wording(v.review.statement, v.statement):
        return [Text("a new review: the vision changed after the team reviewed it")]
    return []


def _actions(doc: Philosophy) -> list[Text]:
    missing = [
        Text("an action statement for {value}", value=v.name) for v in doc.values if not v.statement
    ]
    missing += [Text("metrics for {value}", value=v.name) for v in doc.values if not v.metrics]
    if not doc.values:
        missing.append(Text("values to turn into actions (step 3)"))
    if not (doc.brand and doc.brand.tone and doc.brand.voice):
        missing.append(Text("the brand's tone and voice"))
    return missing


def _share(doc: Philosophy) -> list[Text]:
    s = doc.sharing
    missing = []
    if not (s and (s.onboarding or s.promotions or s.incentives or s.social_media or s.other)):
        missing.append(Text("where the philosophy is shared (onboarding, promotions, ...)"))
    covered = {item.value for item in (doc.hiring.rubric if doc.hiring else []) if item.questions}
    missing += [
        Text("hiring questions for {value}", value=v.name)
        for v in doc.values
        if v.name not in covered
    ]
    if not doc.values and not covered:
        missing.append(Text("the hiring rubric"))
    return missing


def _listen(doc: Philosophy) -> list[Text]:
    g = doc.governance
    missing = []
    if not doc.teams:
        missing.append(Text("the teams and how each lives the philosophy"))
    if not (doc.listening and doc.listening.survey):
        missing.append(Text("the employee survey questions"))
    if not (g and g.cadence):
        missing.append(Text("the review cadence"))
    if not (g and g.next_review):
        missing.append(Text("the next review date"))
    if not (g and g.conflicts):
        missing.append(Text("how conflicting decisions are handled"))
    return missing


_MISSING: dict[str, Callable[[Philosophy], list[Text]]] = {
    "assess": _assess,
    "model": _model,
    "values": _values,
    "vision": _vision,
    "actions": _actions,
    "share": _share,
    "listen": _listen,
}

_STARTED: dict[str, Callable[[Philosophy], bool]] = {
    "assess": lambda d: (
        bool(d.company.mission or d.company.vision)
        or (d.assessment is not None and bool(prune(d.assessment.model_dump())))
    ),
    "model": lambda d: d.model is not None and bool(d.model.choice or d.model.rationale),
    "values": _values_started,
    "vision": lambda d: bool(d.vision and (d.vision.statement or d.vision.drafts)),
    "actions": lambda d: any(v.statement or v.metrics for v in d.values) or bool(d.brand),
    "share": lambda d: bool(d.sharing or d.hiring),
    "listen": lambda d: bool(d.teams or d.listening or d.governance or d.recovery),
}


def status(doc: Philosophy) -> list[StepStatus]:
    """Each step's state and what is missing, in order."""
    result = []
    for step in STEPS:
        missing = tuple(_MISSING[step.name](doc))
        if not missing:
            state: State = "done"
        elif _STARTED[step.name](doc):
            state = "partly"
        else:
            state = "not started"
        result.append(StepStatus(step, state, missing))
    return result


def first_unfinished(doc: Philosophy) -> Step | None:
    """Where a resumed workshop starts: the first step that is not done."""
    return next((s.step for s in status(doc) if s.state != "done"), None)
