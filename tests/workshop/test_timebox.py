"""The time box: durations, the countdown, and a single gentle notice."""

from __future__ import annotations

import pytest

from cxphilo.errors import UsageError
from cxphilo.workshop.timebox import Timebox, clock_text, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("90s", 90), ("1h", 3600), ("1h30m", 5400), ("20", 1200), (" 2m 30s ", 150)],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "15x", "m15", "0", "0m", "1m1m", "-5m"])
def test_wrong_durations_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)


def test_clock_text() -> None:
    assert clock_text(900) == "15:00"
    assert clock_text(899.2) == "15:00"
    assert clock_text(61) == "1:01"
    assert clock_text(3720) == "1:02:00"
    assert clock_text(-5) == "0:00"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_countdown_then_a_single_notice_then_restart() -> None:
    clock = Clock()
    box = Timebox(600, clock)
    assert box.status() == "⏱ 10:00 left of 10:00 for this step"
    clock.now += 125
    assert box.status() == "⏱ 7:55 left of 10:00 for this step"
    assert not box.notice_due()
    clock.now += 500
    assert box.is_up()
    assert box.status().startswith("⏱ time is up (0:25 over)")
    assert box.notice_due()
    assert not box.notice_due()  # said once, never nagging
    box.restart()
    assert not box.is_up()
    assert box.status() == "⏱ 10:00 left of 10:00 for this step"
