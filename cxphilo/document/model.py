"""The philosophy document: one pydantic model for the workshop, the renderer and the check.

Fields follow the seven steps of the method, in order, so that the saved YAML
reads top to bottom like the workshop ran. Everything but `company.name` is
optional: a workshop that stopped after step 1 is still a valid document.
The schema is deliberately permissive about *quality* (five values at most,
a verb-first action statement, metrics that exist): those are findings of
`cxphilo check`, reported with their line, not load errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from cxphilo.document.plain import prune  # re-exported: `model.prune` stays where it was
from cxphilo.vocabulary import (
    HOURS_PATTERN,
    Channel,
    Day,
    Language,
)

SCHEMA_VERSION: Literal[1] = 1
SCHEMA_URL = "urn:cxphilo:philosophy:schema:1"

ModelChoice = Literal["issue-centric", "customer-centric"]
Goal = Literal["delight", "reduce-effort"]
Verdict = Literal["pass", "fail"]
Better = Literal["higher", "lower", "see scale"]
Aspect = Literal["quality", "value", "efficiency"]
Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]

HOURS_RE = re.compile(HOURS_PATTERN)
NoVote = Literal["abstained", "absent"]

Text = Annotated[str, Field(min_length=1)]


def check_hours(value: str) -> str:
    """The model's rule for opening hours: "HH:MM-HH:MM" (local time) or "24h"."""
    match = HOURS_RE.fullmatch(value)
    if not match:
        raise ValueError(
            'hours must be "HH:MM-HH:MM" in local time (for example "09:00-17:00"), or "24h"'
        )
    if value != "24h" and match.group(3) == "24" and match.group(4) != "00":
        raise ValueError(f'"{value}" ends after 24:00')
    return value


Hours = Annotated[str, AfterValidator(check_hours)]


class Part(BaseModel):
    """Base of every part of the document: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# --- the company -------------------------------------------------------------


class Company(Part):
    """Who the philosophy belongs to."""

    name: Text = Field(description="The company's name, as it appears in the charter.")
    mission: str | None = Field(
        default=None, description="The company's mission, in one sentence (step 1)."
    )
    vision: str | None = Field(
        default=None,
        description="The company's own vision (step 1); the support vision builds on it.",
    )
    language: Language = Field(
        default="en", description="Language of the workshop, the charter and the check."
    )


# --- step 1: assess ------------------------------------------------------------


class Customers(Part):
    """What customers need and how they reach the team."""

    needs: list[Text] = Field(
        default_factory=list, description="What customers need and expect from support."
    )
    channels: list[Channel] = Field(
        default_factory=list, description="Channels customers use to reach the company."
    )
    self_help: list[Text] = Field(
        default_factory=list, description="What customers try on their own before they ask."
    )
    expectations: list[Text] = Field(
        default_factory=list,
        description="Expectations on response times and updates (problems, releases, news).",
    )


class Capacity(Part):
    """What the team can really deliver; the vision is judged against it (step 4)."""

    team_size: int | None = Field(default=None, ge=1, description="People answering customers.")
    days: list[Day] = Field(default_factory=list, description="Days people answer, mon…sun.")
    hours: Hours | None = Field(
        default=None,
        description='Opening hours on those days, "HH:MM-HH:MM" or "24h".',
        examples=["09:00-17:00"],
    )
    day_hours: dict[Day, Hours] = Field(
        default_factory=dict,
        description="Days whose hours differ from `hours`, for example sat: 10:00-14:00. "
        "Each must be one of `days`.",
    )
    channels: list[Channel] = Field(
        default_factory=list, description="Channels the team actually staffs or runs."
    )
    channel_hours: dict[Channel, Hours] = Field(
        default_factory=dict,
        description="Channels staffed for other hours than `hours`, on every day the team "
        "answers, for example chat: 08:00-20:00. Each must be one of `channels`.",
    )

    @field_validator("days", "channels")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        repeated = sorted({item for item in value if value.count(item) > 1})
        if repeated:
            raise ValueError(f"listed more than once: {', '.join(repeated)}")
        return value

    @model_validator(mode="after")
    def _hours_belong(self) -> Capacity:
        stray = capacity_strays(self.days, self.day_hours, self.channels, self.channel_hours)
        if stray:
            raise ValueError(stray)
        return self


def capacity_strays(
    days: Sequence[str],
    day_hours: Collection[str],
    channels: Sequence[str],
    channel_hours: Collection[str],
) -> str | None:
    """Why hours given for a day or channel the team does not answer on are wrong, or None."""
    if days:
        odd = [day for day in day_hours if day not in days]
        if odd:
            return f"{', '.join(odd)} has hours of its own (day_hours) but is not among the days"
    if channels:
        odd = [channel for channel in channel_hours if channel not in channels]
        if odd:
            return (
                f"{', '.join(odd)} has hours of its own (channel_hours) but is not among "
                "the staffed channels"
            )
    return None


class Assessment(Part):
    """Step 1: the four questions, the customers' side and the team's capacity."""

    purpose: str | None = Field(default=None, description="What is the company's purpose?")
    support_role: str | None = Field(default=None, description="What is support's role in it?")
    goal: Goal | None = Field(
        default=None, description="Delight customers, or reduce their effort?"
    )
    goal_rationale: str | None = Field(default=None, description="Why that goal.")
    principles: list[Text] = Field(
        default_factory=list, description="Principles the support team should follow."
    )
    customers: Customers | None = None
    insight_sources: list[Text] = Field(
        default_factory=list,
        description="Where customer insight comes from: surveys, interviews, chats, ...",
    )
    capacity: Capacity | None = None


# --- step 2: model -------------------------------------------------------------


class SupportModel(Part):
    """Step 2: issue-centric or customer-centric, and why."""

    choice: ModelChoice | None = None
    rationale: str | None = Field(default=None, description="Why the team chose this model.")
    customer_history: str | None = Field(
        default=None,
        description="How the customer's support history and internal notes are kept "
        "(needed by the customer-centric model).",
    )


# --- step 3: values trail --------------------------------------------------------


class Idea(Part):
    """One brainstormed answer, with who said it."""

    text: Text
    by: str | None = Field(default=None, description="Who said it.")
    value: str | None = Field(default=None, description="The core value it translates to.")


class Merge(Part):
    """Duplicate options merged into one; the merged option keeps all their votes."""

    into: Text
    merged: list[Text] = Field(min_length=1)


class Ballot(Part):
    """The options one participant voted for in a round.

    In a secret round (`brainstorm.anonymous`) a ballot names only who voted;
    the picks go into the round's `tally`.
    """

    by: Text
    options: list[Text] = Field(default_factory=list)
    no_vote: NoVote | None = Field(
        default=None,
        description="A ballot with no picks: the person abstained, or was not in the room.",
    )

    @model_validator(mode="after")
    def _no_picks_without_vote(self) -> Ballot:
        if self.no_vote is not None and self.options:
            raise ValueError(f"a ballot marked {self.no_vote} has no options")
        return self


class Round(Part):
    """One round of dot voting."""

    options: list[Text] = Field(default_factory=list)
    votes_per_person: int = Field(ge=1)
    votes: list[Ballot] = Field(
        default_factory=list, description="Per participant, the options they voted for."
    )
    tally: dict[Text, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict,
        description="A secret round's votes per option; its ballots name only who voted.",
    )
    kept: list[str] = Field(default_factory=list, description="Options that went through.")
    revote: bool | None = Field(
        default=None, description="true for a re-vote among options tied at the cut line."
    )


# --- steps 3 and 5: the values -------------------------------------------------------


class Value(Part):
    """A chosen value, its action statement (step 5) and how it is measured."""

    name: Text
    core: str | None = Field(
        default=None,
        description="The common value this wording stands for (Honesty for "
        '"Tell it straight"); suggestions follow it.',
    )
    statement: str | None = Field(
        default=None,
        description='Action statement: starts with a verb, or an "I ..." statement.',
    )
    description: str | None = Field(default=None, description="How we live it, in a few lines.")
    metrics: list[Text] = Field(
        default_factory=list,
        description="Metric ids: from the catalogue, or defined under metrics.",
    )
    technology: list[Text] = Field(
        default_factory=list, description="Technology that reinforces this value."
    )


class Brainstorm(Part):
    """The trail from everything said to the chosen values (step 3)."""

    question: str | None = None
    participants: list[Text] = Field(default_factory=list)
    anonymous: bool | None = Field(
        default=None,
        description="Secret ballots: store who voted and the tallies, never who voted for what.",
    )
    ideas: list[Idea] = Field(default_factory=list)
    merges: list[Merge] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    earlier_values: list[Value] = Field(
        default_factory=list,
        description="The values chosen before the vote was held again; a value the new vote "
        "chooses again gets its statement and metrics back from here.",
    )


# --- step 4: vision --------------------------------------------------------------------


class Verdicts(Part):
    """The team's own verdict on each of the three criteria."""

    simple: Verdict | None = None
    service: Verdict | None = None
    future: Verdict | None = None


class Reaction(Part):
    """A stakeholder's gut reaction to the vision."""

    who: Text
    reaction: str | None = None
    lands: bool | None = Field(default=None, description="Did the vision land with them?")
    verdicts: Verdicts | None = Field(
        default=None,
        description="Their own verdict on each criterion, when they gave it from a phone "
        "in the room.",
    )


class VisionReview(Part):
    """The team's review of one exact vision statement."""

    statement: Text = Field(description="The exact statement the team reviewed.")
    date: dt.date | None = None
    reviewers: list[Text] = Field(default_factory=list)
    verdicts: Verdicts = Field(default_factory=Verdicts)
    stakeholders: list[Reaction] = Field(default_factory=list)


class Vision(Part):
    """Step 4: one sentence, judged against the three criteria."""

    statement: str | None = None
    journey: str | None = Field(
        default=None,
        description="How the vision holds at each point of the customer's journey.",
    )
    best_day: str | None = Field(
        default=None, description="A day when everything goes right, as the team pictures it."
    )
    drafts: list[Text] = Field(default_factory=list, description="Earlier wordings.")
    review: VisionReview | None = None


# --- step 5: metrics, brand ----------------------------------------------------------------


class Measurement(Part):
    """A value of a metric; `date` says when it was (or is to be) measured."""

    value: int | float = Field(allow_inf_nan=False)
    date: dt.date | None = None


class MetricEntry(Part):
    """A metric the document uses: a baseline and target for a catalogue metric,
    or a custom metric with its own definition."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$")]
    name: str | None = None
    measures: str | None = None
    formula: str | None = None
    unit: str | None = None
    better: Better | None = None
    aspect: Aspect | None = None
    baseline: Measurement | None = None
    target: Measurement | None = None


class Brand(Part):
    """Consistency across channels (step 5)."""

    tone: str | None = None
    voice: str | None = None
    visuals: str | None = None
    channels: str | None = Field(
        default=None, description="How the brand stays the same on every channel."
    )


# --- step 6: share and hire -----------------------------------------------------------------


class Sharing(Part):
    """Where the philosophy lives in daily work (step 6)."""

    onboarding: str | None = None
    training: str | None = Field(
        default=None, description="How people learn to live the philosophy."
    )
    autonomy: str | None = Field(
        default=None,
        description="What people may decide for themselves instead of following a script.",
    )
    promotions: str | None = None
    incentives: str | None = None
    social_media: str | None = None
    other: list[Text] = Field(default_factory=list)


class Benchmark(Part):
    """An answer from one of the people who live the values best: the bar for candidates."""

    by: str | None = Field(default=None, description="Who gave it (a name or a role).")
    answer: Text


class RubricItem(Part):
    """Profile questions for one value, and what a strong answer looks like."""

    value: Text
    questions: list[Text] = Field(default_factory=list)
    strong_answer: str | None = None
    benchmarks: list[Benchmark] = Field(
        default_factory=list,
        description="Answers of the people who live this value best, to compare candidates with.",
    )


class Hiring(Part):
    """The values-based hiring rubric (step 6)."""

    scale: str | None = Field(default=None, description='Scoring scale, for example "1-5".')
    rubric: list[RubricItem] = Field(default_factory=list)


# --- step 7: listen -------------------------------------------------------------------------


class Team(Part):
    """How one team lives the philosophy."""

    name: Text
    activities: list[Text] = Field(default_factory=list)
    metrics: list[Text] = Field(default_factory=list)


class SurveyQuestion(Part):
    """A question asking employees what a value means in their daily work."""

    value: Text
    question: Text


class Interpretation(Part):
    """How one team reads one value."""

    team: Text
    value: Text
    reading: Text


class Listening(Part):
    """Step 7: asking employees how they read the philosophy."""

    methods: list[Text] = Field(
        default_factory=list, description="Surveys, one-to-ones, team meetings, ..."
    )
    survey: list[SurveyQuestion] = Field(default_factory=list)
    interpretations: list[Interpretation] = Field(default_factory=list)


class Culture(Part):
    """How the philosophy is lived day to day (step 7)."""

    recognition: str | None = Field(
        default=None, description="How living the values is noticed and recognised."
    )
    accountability: str | None = Field(
        default=None, description="Who answers for what, when the philosophy is not lived."
    )
    patience: str | None = Field(
        default=None, description="When to persist with a customer, and when to let go."
    )


class Governance(Part):
    """Keeping the philosophy alive: review cadence and conflicting decisions."""

    cadence: Cadence | None = None
    next_review: dt.date | None = None
    owner: str | None = None
    conflicts: str | None = Field(
        default=None, description="How decisions that conflict with the philosophy are handled."
    )


class RecoveryStep(Part):
    """One step of the service-recovery playbook."""

    name: Text
    guidance: Text
    actions: list[Text] = Field(
        default_factory=list, description="What our team does at this step, in our own words."
    )


class Recovery(Part):
    """The playbook for an unhappy customer (optional)."""

    name: str | None = None
    steps: list[RecoveryStep] = Field(default_factory=list)


# --- the document ------------------------------------------------------------------------


class Philosophy(Part):
    """A customer service philosophy, as written in a cxphilo workshop."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        title="cxphilo customer service philosophy",
    )

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, alias="schema", description="Format version of this file."
    )
    company: Company
    assessment: Assessment | None = None
    model: SupportModel | None = None
    brainstorm: Brainstorm | None = None
    values: list[Value] = Field(default_factory=list)
    vision: Vision | None = None
    metrics: list[MetricEntry] = Field(
        default_factory=list, description="Baselines and targets, and custom metric definitions."
    )
    brand: Brand | None = None
    sharing: Sharing | None = None
    hiring: Hiring | None = None
    teams: list[Team] = Field(default_factory=list)
    listening: Listening | None = None
    culture: Culture | None = None
    governance: Governance | None = None
    recovery: Recovery | None = None
    notes: str | None = Field(default=None, description="Anything else the team wants to keep.")

    def to_data(self) -> dict[str, Any]:
        """The document as plain data in step order, without empty parts."""
        data: dict[str, Any] = prune(self.model_dump(mode="python", by_alias=True))
        return data


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the document, for editors and other tools."""
    schema = Philosophy.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_URL, **schema}


def json_schema_text() -> str:
    """The JSON Schema as the file `cxphilo schema` prints and `init` writes beside a document."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
