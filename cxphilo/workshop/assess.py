"""Step 1, assess: the four questions, the customers' side, and the team's honest capacity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from cxphilo.model import (
    CHANNELS,
    DAYS,
    HOURS_RE,
    Assessment,
    Capacity,
    Channel,
    Customers,
    Day,
)

from .asker import Choice
from .lexicon import lexicon
from .session import Session

CHANNEL_LABELS = {
    "phone": "Phone",
    "email": "E-mail",
    "chat": "Chat",
    "social": "Social media",
    "self-service": "Self-service (help centre, FAQ, bots)",
    "in-person": "In person",
    "sms": "SMS / text messages",
}
DAY_LABELS = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
GOALS = (
    Choice(
        "Delight customers: go beyond what they expect",
        "delight",
        "Only if the team can deliver it consistently, every day.",
    ),
    Choice(
        "Reduce their effort: make it easy and quick to get things done",
        "reduce-effort",
        "Fewer contacts, fewer steps, answers they find on their own.",
    ),
)


def check_hours(answer: str) -> bool | str:
    """Opening hours as the model takes them, or empty."""
    text = answer.strip()
    if not text or HOURS_RE.match(text):
        return True
    return 'Type the hours as HH:MM-HH:MM (for example 09:00-17:00), or "24h".'


def run(session: Session) -> None:
    """Ask step 1's questions, saving after each answer."""
    doc = session.doc
    company = doc.company
    company.mission = session.optional("The company's mission, in one sentence", company.mission)
    session.save()

    a = doc.assessment = doc.assessment or Assessment()
    session.note("The four questions.", "question")
    a.purpose = session.optional("1. What is the company's purpose?", a.purpose)
    session.save()
    a.support_role = session.optional("2. What is support's role in that purpose?", a.support_role)
    session.save()
    a.goal = session.select(
        "3. Is the goal to delight customers, or to reduce their effort?",
        GOALS,
        default=a.goal,
    )
    session.save()
    a.goal_rationale = session.optional("   Why that goal?", a.goal_rationale)
    session.save()
    a.principles = session.items(
        "4. Which principles should the support team follow?", a.principles
    )
    session.save()

    session.note("Now the customers' side.", "question")
    c = a.customers = a.customers or Customers()
    c.needs = session.items("What do customers need from support?", c.needs)
    session.save()
    c.expectations = session.items(
        "What do they expect on response times and updates (problems, releases, news)?",
        c.expectations,
    )
    session.save()
    c.channels = _channels(session, "Which channels do customers use to reach you?", c.channels)
    session.save()
    c.self_help = session.items("What do customers try on their own before they ask?", c.self_help)
    session.save()
    a.insight_sources = session.pick_many(
        "Where does customer insight come from?",
        lexicon().insight_sources,
        a.insight_sources,
        other="Any other source of insight?",
    )
    session.save()

    session.note(
        "Capacity: be honest. Step 4 checks the vision against what you enter here.", "question"
    )
    cap = a.capacity = a.capacity or Capacity()
    cap.team_size = session.integer("How many people answer customers?", cap.team_size)
    session.save()
    days = session.checkbox(
        "On which days do people answer?",
        [Choice(DAY_LABELS[d], d, checked=d in cap.days) for d in DAYS],
    )
    cap.days = [cast(Day, d) for d in DAYS if d in days]
    session.save()
    cap.hours = (
        session.text(
            "Opening hours",
            default=cap.hours,
            validate=check_hours,
            instruction="(HH:MM-HH:MM, or 24h; Enter to skip)",
        )
        or None
    )
    session.save()
    cap.channels = _channels(
        session, "Which channels does the team actually staff or run?", cap.channels
    )
    session.save()


def _channels(session: Session, message: str, current: Sequence[str]) -> list[Channel]:
    picked = session.checkbox(
        message, [Choice(CHANNEL_LABELS[c], c, checked=c in current) for c in CHANNELS]
    )
    return [cast(Channel, c) for c in CHANNELS if c in picked]
