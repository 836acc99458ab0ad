"""The declared capacity as a week: hours per day and per channel, overnight, 24h."""

# The en dash of "Mon-Fri" (U+2013) is what the descriptions write.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from cxphilo.criteria.capacity import (
    DAY,
    EVENING_START,
    NIGHT_END,
    NIGHT_START,
    Reach,
    day_list,
    parse_hours,
)
from cxphilo.document.model import Capacity
from cxphilo.vocabulary import DAYS


def test_the_parts_of_the_day() -> None:
    assert (EVENING_START, NIGHT_START, NIGHT_END) == (18 * 60, 22 * 60, 6 * 60)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("09:00-17:00", (540, 1020)),
        ("24h", (0, DAY)),
        ("00:00-24:00", (0, DAY)),
        ("22:00-06:00", (1320, DAY + 360)),  # overnight: belongs to the day it starts on
        ("09:00-09:00", (540, DAY + 540)),
        (None, None),
        ("soon", None),
    ],
)
def test_hours_as_minutes(text: str | None, span: tuple[int, int] | None) -> None:
    assert parse_hours(text) == span


def reach(**fields: object) -> Reach:
    found = Reach.of(Capacity(**fields))  # type: ignore[arg-type]
    assert found is not None
    return found


def test_each_day_has_its_hours_and_each_channel_its_own() -> None:
    week = reach(
        days=["mon", "tue", "sat"],
        hours="08:00-17:00",
        day_hours={"sat": "10:00-14:00"},
        channels=["phone", "chat", "self-service"],
        channel_hours={"chat": "08:00-20:00"},
    )
    assert week.spans_on("mon", "phone") == ((480, 1020),)
    assert week.spans_on("sat", "phone") == ((600, 840),)
    assert week.spans_on("sat", "chat") == ((480, 1200),)  # channel hours hold every day
    assert week.spans_on("sun", "chat") == ()  # closed
    assert week.spans_on("mon") == ((480, 1020), (480, 1200))  # on any channel
    assert week.usual_days() == ("mon", "tue")
    assert week.human_channels == ("phone", "chat")


def test_the_night_counts_the_hours_that_run_past_midnight() -> None:
    week = reach(days=["fri"], hours="22:00-06:00")
    night = (NIGHT_START, DAY + NIGHT_END)
    assert week.covered("fri", night) == 8 * 60
    # Saturday is not a day the team answers, but Friday's shift runs into its morning.
    assert week.covered("sat", (0, NIGHT_END)) == 6 * 60
    assert week.covered("thu", night) == 0
    assert week.keeps((DAY - 1, DAY), 1).verdict is True  # until midnight


def test_unknown_hours_are_not_a_failure() -> None:
    week = reach(days=["mon"], channels=["phone"])
    assert week.spans_on("mon") is None
    check = week.keeps((EVENING_START, NIGHT_START), 60)
    assert check.verdict is None and check.failing == ()


def test_a_failing_day_says_what_its_hours_are() -> None:
    week = reach(days=["mon", "sat"], hours="08:00-17:00", day_hours={"sat": "10:00-14:00"})
    check = week.keeps((19 * 60, 20 * 60), 1, ["mon", "sat", "sun"])
    assert check.verdict is False
    assert check.failing == (("mon", ((480, 1020),)), ("sat", ((600, 840),)), ("sun", ()))


@pytest.mark.parametrize(
    ("days", "written"),
    [
        (["mon", "tue", "wed", "thu", "fri"], "Mon–Fri"),
        (["sat", "sun"], "Sat and Sun"),
        (["mon", "wed", "sat", "sun"], "Mon, Wed and Sat–Sun"),
        (list(DAYS), "every day"),
        (["sun"], "Sun"),
    ],
)
def test_days_in_words(days: list[str], written: str) -> None:
    assert str(day_list(days)) == written
