"""Step 1, assess: the company's mission and vision, the four questions, the customers'
side, and the team's honest capacity, hours per day and per channel included."""

from __future__ import annotations

import dataclasses
from typing import Any

from cxphilo.document.model import Philosophy
from cxphilo.locale import N_, Words
from cxphilo.vocabulary import CHANNELS, DAYS, WEEKDAYS

from . import form
from .answers import (
    DAY_LABELS,
    format_channel_hours,
    format_week,
    parse_channel_hours,
    parse_integer,
    parse_week,
)
from .asker import Choice
from .form import Field
from .session import Session
from .suggestions import lexicon

CHANNEL_LABELS = {
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "chat": N_("Chat"),
    "social": N_("Social media"),
    "self-service": N_("Self-service (help centre, FAQ, bots)"),
    "in-person": N_("In person"),
    "sms": N_("SMS / text messages"),
}
GOALS = (
    Choice(
        N_("Delight customers: go beyond what they expect"),
        "delight",
        N_("Only if the team can deliver it consistently, every day."),
    ),
    Choice(
        N_("Reduce their effort: make it easy and quick to get things done"),
        "reduce-effort",
        N_("Fewer contacts, fewer steps, answers they find on their own."),
    ),
)
CUSTOMERS = ("assessment", "customers")
CAPACITY = ("assessment", "capacity")


def run(session: Session) -> None:
    """Ask step 1's questions, saving after each answer."""
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 1's questions, in order."""
    doc = session.doc
    t = session.t
    capacity = doc.assessment.capacity if doc.assessment else None
    customers = doc.assessment.customers if doc.assessment else None
    days = list(capacity.days) if capacity else []
    staffed = list(capacity.channels) if capacity else []
    out = [
        form.text_field(
            "mission",
            t("Mission"),
            t("The company's mission, in one sentence"),
            ("company", "mission"),
        ),
        form.text_field(
            "company-vision",
            t("Company vision"),
            t("The company's own vision: where is it heading?"),
            ("company", "vision"),
            hint=t("(the support vision of step 4 builds on it; Enter to skip)"),
        ),
        form.text_field(
            "purpose",
            t("Purpose"),
            t("1. What is the company's purpose?"),
            ("assessment", "purpose"),
            heading=t("The four questions."),
        ),
        form.text_field(
            "role",
            t("Support's role"),
            t("2. What is support's role in that purpose?"),
            ("assessment", "support_role"),
        ),
        form.choice_field(
            "goal",
            t("Delight or reduce effort"),
            t("3. Is the goal to delight customers, or to reduce their effort?"),
            ("assessment", "goal"),
            [
                Choice(t(c.title), c.value, t(c.description) if c.description else None)
                for c in GOALS
            ],
        ),
        form.text_field(
            "goal-why", t("Why that goal"), t("   Why that goal?"), ("assessment", "goal_rationale")
        ),
        form.list_field(
            "principles",
            t("Principles"),
            t("4. Which principles should the support team follow?"),
            ("assessment", "principles"),
        ),
        form.list_field(
            "needs",
            t("Customers' needs"),
            t("What do customers need from support?"),
            (*CUSTOMERS, "needs"),
            heading=t("Now the customers' side."),
        ),
        form.list_field(
            "expectations",
            t("Expectations"),
            t("What do they expect on response times and updates (problems, releases, news)?"),
            (*CUSTOMERS, "expectations"),
        ),
        _channels(
            t,
            "customer-channels",
            t("Channels customers use"),
            t("Which channels do customers use to reach you?"),
            (*CUSTOMERS, "channels"),
        ),
        form.list_field(
            "self-help",
            t("What they try first"),
            t("What do customers try on their own before they ask?"),
            (*CUSTOMERS, "self_help"),
        ),
        *form.known_and_other(
            "insight",
            ("assessment", "insight_sources"),
            [session.content(source) for source in lexicon().insight_sources],
            (t("Sources of insight"), t("Where does customer insight come from?")),
            (t("Other sources"), t("Any other source of insight?")),
        ),
        Field(
            "team-size",
            t("People answering"),
            t("How many people answer customers?"),
            *form.at(*CAPACITY, "team_size"),
            parse=parse_integer,
            hint=t("(a number; Enter to skip)"),
            heading=t("Capacity: be honest. Step 4 checks the vision against what you enter here."),
        ),
        _dropping_hours(
            form.ticks_field(
                "days",
                t("Days"),
                t("On which days do people answer?"),
                (*CAPACITY, "days"),
                [Choice(t(DAY_LABELS[d]), d) for d in DAYS],
                suggest=list(WEEKDAYS),
                hint=t("(space or a number ticks; Enter when done)"),
            ),
            "day_hours",
        ),
        Field(
            "hours",
            t("Opening hours"),
            t("Opening hours"),
            _get_week,
            _put_week,
            parse=lambda answer: parse_week(answer, days),
            show=lambda value: format_week(*value) if value else "",
            hint=t(
                "(HH:MM-HH:MM or 24h; a day with other hours after a comma: "
                "08:00-17:00, sat 10:00-14:00; Enter to skip)"
            ),
        ),
        _dropping_hours(
            _channels(
                t,
                "staffed",
                t("Channels staffed"),
                t("Which channels does the team actually staff or run?"),
                (*CAPACITY, "channels"),
                suggest=list(customers.channels) if customers else None,
                hint=t(
                    "(the channels customers use are offered ticked; untick what nobody staffs)"
                ),
            ),
            "channel_hours",
        ),
    ]
    if staffed:
        out.append(
            Field(
                "channel-hours",
                t("Hours per channel"),
                t("Is any channel staffed for other hours?"),
                *form.at(*CAPACITY, "channel_hours"),
                parse=parse_channel_hours,
                show=lambda value: format_channel_hours(value or {}),
                hint=t(
                    "(for example: chat 08:00-20:00; Enter: every channel keeps the opening hours)"
                ),
            )
        )
    return out


def _channels(t: Words, id: str, label: str, ask: str, path: form.Path, **more: Any) -> Field:
    choices = [Choice(t(CHANNEL_LABELS[c]), c) for c in CHANNELS]
    return form.ticks_field(id, label, ask, path, choices, **more)


def _dropping_hours(field: Field, hours: str) -> Field:
    """A day (or channel) unticked takes its own hours with it: nothing is left pointing at it."""
    get_hours, put_hours = form.at(*CAPACITY, hours)

    def put(doc: Philosophy, ticked: list[str]) -> None:
        kept = {key: value for key, value in (get_hours(doc) or {}).items() if key in ticked}
        put_hours(doc, kept)
        field.put(doc, ticked)

    return dataclasses.replace(field, put=put)


def _get_week(doc: Philosophy) -> tuple[str | None, dict[str, str]] | None:
    capacity = doc.assessment.capacity if doc.assessment else None
    if capacity is None or not (capacity.hours or capacity.day_hours):
        return None
    return capacity.hours, {str(day): hours for day, hours in capacity.day_hours.items()}


def _put_week(doc: Philosophy, value: Any) -> None:
    hours, day_hours = value if value else (None, {})
    _, put_hours = form.at(*CAPACITY, "hours")
    _, put_days = form.at(*CAPACITY, "day_hours")
    put_days(doc, {})  # first: the new usual hours may be what a day had of its own
    put_hours(doc, hours)
    put_days(doc, day_hours)
