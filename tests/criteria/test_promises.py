"""The honesty rule against a real week: each kind of promise, several capacities.

Every case runs twice: with the capacity as the pydantic model reads it and as
the check's fast path reads it (`fastdoc.View`, where `day_hours` and
`channel_hours` are {} when absent), because `cxphilo check` uses both.
"""

# The en dash of "Mon-Fri" (U+2013) is what the messages write.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

import pytest

from cxphilo.check import fastdoc
from cxphilo.criteria import describe_capacity, judge_vision
from cxphilo.criteria.capacity import CapacityLike
from cxphilo.document.model import Capacity

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
EVERY_DAY = [*WEEKDAYS, "sat", "sun"]

CAPACITIES: dict[str, dict[str, Any]] = {
    # Mon-Fri 08-17, a short Saturday
    "short_saturday": {
        "team_size": 6,
        "days": [*WEEKDAYS, "sat"],
        "hours": "08:00-17:00",
        "day_hours": {"sat": "10:00-14:00"},
        "channels": ["phone", "email"],
    },
    # the phone closes at 17:00, chat runs to 20:00
    "late_chat": {
        "team_size": 6,
        "days": WEEKDAYS,
        "hours": "08:00-17:00",
        "channels": ["phone", "chat"],
        "channel_hours": {"chat": "08:00-20:00"},
    },
    # a night shift, every day
    "night_shift": {
        "team_size": 4,
        "days": EVERY_DAY,
        "hours": "22:00-06:00",
        "channels": ["phone"],
    },
    "round_the_clock": {
        "team_size": 40,
        "days": EVERY_DAY,
        "hours": "24h",
        "channels": ["phone", "chat", "email"],
    },
    # only at weekends
    "weekends_only": {
        "team_size": 3,
        "days": ["sat", "sun"],
        "hours": "09:00-18:00",
        "channels": ["phone"],
    },
    # every day until 23:00: an hour of the night, not all of it
    "until_eleven": {
        "team_size": 12,
        "days": EVERY_DAY,
        "hours": "08:00-23:00",
        "channels": ["phone", "chat"],
    },
}

# (statement, capacity, kept?, the kind the fix names when it is not)
CASES: list[tuple[str, str, bool, str]] = [
    # days
    ("A person answers on Saturdays.", "short_saturday", True, ""),
    ("A person answers on Sundays.", "short_saturday", False, "days"),
    ("A person answers on Sundays.", "weekends_only", True, ""),
    ("A person answers on Saturdays.", "late_chat", False, "days"),
    ("Support on weekends.", "short_saturday", False, "days"),
    ("Support on weekends.", "weekends_only", True, ""),
    ("Help seven days a week.", "short_saturday", False, "days"),
    ("Help seven days a week.", "until_eleven", True, ""),
    ("We answer every day.", "weekends_only", False, "days"),
    ("A person answers Monday to Saturday.", "short_saturday", True, ""),
    ("A person answers Monday to Saturday.", "late_chat", False, "days"),
    ("A person answers Monday to Saturday.", "weekends_only", False, "days"),
    # closing times, on the usual days
    ("A person answers until 5pm.", "short_saturday", True, ""),
    ("A person answers until 20:00.", "short_saturday", False, "opening hours"),
    ("A person answers until 20:00.", "late_chat", True, ""),  # by chat
    ("A person answers until midnight.", "night_shift", True, ""),
    ("A person answers until 2am.", "night_shift", True, ""),
    ("A person answers until 2am.", "until_eleven", False, "opening hours"),
    ("A person answers until midnight.", "until_eleven", False, "opening hours"),
    ("A person answers until 23:00.", "until_eleven", True, ""),
    # closing times on named days
    ("We answer until 20:00 every day.", "short_saturday", False, "opening hours"),
    ("We answer until 20:00 every day.", "until_eleven", True, ""),
    ("We answer until 20:00 every day.", "night_shift", False, "opening hours"),
    ("Call us until 14:00 on Saturdays.", "short_saturday", True, ""),
    ("Call us until 17:00 on Saturdays.", "short_saturday", False, "opening hours"),
    ("A person answers until 20:00 on weekdays.", "late_chat", True, ""),
    ("A person answers until 20:00 on weekdays.", "short_saturday", False, "opening hours"),
    ("Open late on Saturdays.", "short_saturday", False, "opening hours"),
    ("Open late on Saturdays.", "until_eleven", True, ""),
    # a channel's own hours
    ("Chat with us until eight in the evening.", "late_chat", True, ""),
    ("Call us until 20:00.", "late_chat", False, "opening hours"),
    ("Call us until 20:00.", "until_eleven", True, ""),
    ("Call us in the evenings.", "late_chat", False, "opening hours"),
    ("Chat with us in the evenings.", "late_chat", True, ""),
    ("Chat with us until eight in the evening.", "short_saturday", False, "a channel"),
    ("Call us on weekends.", "weekends_only", True, ""),
    ("Call us on weekends.", "late_chat", False, "days"),
    # evenings and nights
    ("Help in the evenings.", "short_saturday", False, "opening hours"),
    ("Help in the evenings.", "late_chat", True, ""),
    ("Help in the evenings.", "night_shift", False, "opening hours"),
    ("Help every evening.", "until_eleven", True, ""),
    ("Help every evening.", "late_chat", False, "opening hours"),  # not at weekends
    ("Help at night.", "night_shift", True, ""),
    ("Help at night.", "until_eleven", True, ""),  # an hour of it
    ("Help at night.", "short_saturday", False, "opening hours"),
    ("Help every night.", "night_shift", True, ""),
    ("Help every night.", "weekends_only", False, "opening hours"),
    ("Help through the night.", "night_shift", True, ""),
    ("Help through the night.", "until_eleven", False, "opening hours"),
    # around the clock
    ("Support 24/7.", "round_the_clock", True, ""),
    ("Support 24/7.", "night_shift", False, "opening hours"),
    ("Support 24/7.", "until_eleven", False, "opening hours"),
    ("Support around the clock on weekends.", "weekends_only", False, "opening hours"),
    ("Always open.", "round_the_clock", True, ""),
    ("Always open.", "short_saturday", False, "opening hours"),
    # speed
    ("Instant answers in chat.", "late_chat", True, ""),
    ("Instant answers by phone.", "weekends_only", False, "speed"),
]


def capacity(name: str, reader: str) -> CapacityLike:
    data = CAPACITIES[name]
    if reader == "model":
        return Capacity(**data)
    document = {"company": {"name": "Test"}, "assessment": {"capacity": data}}
    assert fastdoc.accepts(document)
    view = fastdoc.view(document)
    assert view is not None
    read: CapacityLike = view.assessment.capacity
    return read


@pytest.mark.parametrize("reader", ["model", "view"])
@pytest.mark.parametrize(
    ("statement", "name", "kept", "kind"), CASES, ids=[f"{c[1]}: {c[0]}" for c in CASES]
)
def test_a_promise_is_judged_against_the_declared_week(
    statement: str, name: str, kept: bool, kind: str, reader: str
) -> None:
    judgement = judge_vision(statement, capacity=capacity(name, reader))
    broken = [f for f in judgement.findings if f.rule == "vision-overpromise"]
    assert (not broken) is kept, broken
    if not kept:
        assert str(broken[0].fix).startswith(f"A promise of {kind}. The capacity says: "), broken[0]
        assert str(describe_capacity(capacity(name, reader))) in str(broken[0].fix)


def test_the_view_without_hours_per_day_or_channel_reads_like_the_model() -> None:
    for name in CAPACITIES:
        assert describe_capacity(capacity(name, "view")) == describe_capacity(
            capacity(name, "model")
        )


@pytest.mark.parametrize(
    ("name", "described"),
    [
        (
            "short_saturday",
            "6 people answer Mon–Fri 08:00–17:00 and Sat 10:00–14:00 by phone and email",
        ),
        ("late_chat", "6 people answer Mon–Fri 08:00–17:00 by phone and chat; chat until 20:00"),
        ("night_shift", "4 people answer every day 22:00–06:00 by phone"),
        ("round_the_clock", "40 people answer every day around the clock by phone, chat and email"),
        ("weekends_only", "3 people answer Sat and Sun 09:00–18:00 by phone"),
    ],
)
def test_the_capacity_in_words(name: str, described: str) -> None:
    assert str(describe_capacity(capacity(name, "model"))) == described


def test_the_capacity_in_words_with_gaps_and_self_service() -> None:
    assert str(describe_capacity(None)) == "no capacity declared"
    assert str(describe_capacity(Capacity())) == "nothing declared yet"
    assert (
        str(
            describe_capacity(
                Capacity(days=["mon", "wed", "fri"], channels=["email", "self-service"])
            )
        )
        == "you answer Mon, Wed and Fri (hours not given) by email, with self-service"
    )
    assert (
        str(
            describe_capacity(
                Capacity(
                    team_size=1,
                    days=WEEKDAYS,
                    hours="09:00-17:00",
                    channels=["phone", "chat", "social"],
                    channel_hours={"chat": "07:00-17:00", "social": "10:00-14:00"},
                )
            )
        )
        == "1 person answers Mon–Fri 09:00–17:00 by phone and chat and on social media; "
        "chat from 07:00; social media 10:00–14:00"
    )


def test_the_message_says_where_the_week_falls_short() -> None:
    statement = "We answer until 20:00 every day."
    judgement = judge_vision(statement, capacity=capacity("short_saturday", "model"))
    (finding,) = [f for f in judgement.findings if f.rule == "vision-overpromise"]
    assert str(finding.message) == (
        '"until 20:00": promises support until 20:00 every day, but nobody answers on Sun, '
        "and people answer Mon–Fri 08:00–17:00 and Sat 10:00–14:00."
    )
    assert finding.span is not None
    assert statement[finding.span[0] : finding.span[1]] == "until 20:00"


def test_a_channel_promise_names_the_channel_and_its_hours() -> None:
    judgement = judge_vision("Call us until 20:00.", capacity=capacity("late_chat", "model"))
    (finding,) = [f for f in judgement.findings if f.rule == "vision-overpromise"]
    assert str(finding.message) == (
        '"until 20:00": promises support by phone until 20:00, but people answer by phone '
        "Mon–Fri 08:00–17:00."
    )
    assert str(finding.fix).endswith(
        'Promise the hours the team keeps ("until 17:00 on weekdays"), or say what '
        "self-service offers outside them."
    )


def test_hours_only_on_days_whose_hours_differ_are_the_usual_ones() -> None:
    # Every day has its own hours: a promise naming no days is judged on all of them.
    cap = Capacity(days=["sat"], day_hours={"sat": "10:00-14:00"}, channels=["phone"])
    assert judge_vision("A person answers until 20:00.", capacity=cap).criteria["future"] == "fail"
    assert judge_vision("A person answers until 14:00.", capacity=cap).criteria["future"] == "pass"


@pytest.mark.parametrize(
    ("statement", "data", "missing"),
    [
        ("Help in the evenings.", {"days": WEEKDAYS, "channels": ["phone"]}, "hours"),
        ("Help on Saturdays.", {"hours": "09:00-17:00", "channels": ["phone"]}, "days"),
        ("Help in the evenings.", {"channels": ["phone"]}, "days and hours"),
        ("Chat with us.", {"days": WEEKDAYS, "hours": "09:00-17:00"}, "channels"),
        ("Instant answers.", {"channels": ["chat"]}, "team size"),
    ],
)
def test_a_promise_the_capacity_says_too_little_about_is_unchecked(
    statement: str, data: dict[str, Any], missing: str
) -> None:
    judgement = judge_vision(statement, capacity=Capacity(**data))
    (finding,) = [f for f in judgement.findings if f.rule == "vision-unchecked-promise"]
    assert finding.level == "warning"
    assert str(finding.fix) == f"Fill in the team's {missing} in step 1."
    assert judgement.criteria["future"] == "pass"


def test_without_days_the_usual_hours_still_judge_a_closing_time() -> None:
    cap = Capacity(hours="09:00-17:00", channels=["phone"])
    assert judge_vision("A person answers until 20:00.", capacity=cap).criteria["future"] == "fail"
    assert judge_vision("A person answers until 17:00.", capacity=cap).criteria["future"] == "pass"


def test_a_duration_is_not_a_closing_time() -> None:
    judgement = judge_vision(
        "Every rider hears from us until 3 days after the repair.",
        capacity=capacity("short_saturday", "model"),
    )
    honesty = {"vision-overpromise", "vision-unchecked-promise"}
    assert not [f for f in judgement.findings if f.rule in honesty], judgement.findings
    assert not judge_vision(
        "One person owns the problem until it is solved.",
        capacity=capacity("short_saturday", "model"),
    ).findings


@pytest.mark.parametrize(
    ("language", "statement", "kept_by", "broken_by"),
    [
        ("da", "Vi svarer til kl. 20 hver dag.", "until_eleven", "short_saturday"),
        ("da", "Ring til os om søndagen.", "weekends_only", "short_saturday"),
        ("sv", "Vi svarar till 21 varje kväll.", "until_eleven", "late_chat"),
        ("sv", "Ring oss måndag till lördag.", "short_saturday", "late_chat"),
        ("nb", "Vi svarer til midnatt.", "night_shift", "until_eleven"),
        ("tr", "Akşam 8'e kadar yanınızdayız.", "until_eleven", "short_saturday"),
        ("tr", "Pazar günleri de yanınızdayız.", "weekends_only", "short_saturday"),
        ("zh", "每天晚上10点前回复每一位顾客。", "until_eleven", "short_saturday"),
        ("zh", "周日也为您服务。", "weekends_only", "short_saturday"),
    ],
)
def test_the_week_in_the_seed_languages(
    language: str, statement: str, kept_by: str, broken_by: str
) -> None:
    kept = judge_vision(statement, language, capacity=capacity(kept_by, "model"))
    assert kept.criteria["future"] == "pass", kept.findings
    broken = judge_vision(statement, language, capacity=capacity(broken_by, "model"))
    assert "vision-overpromise" in {f.rule for f in broken.findings}
