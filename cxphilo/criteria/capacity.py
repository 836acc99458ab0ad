"""What a team can really deliver, read from the declared capacity (step 1).

The honesty rule compares the promises in a vision with this. Any object with
`team_size`, `days`, `hours` and `channels` will do: the pydantic
`cxphilo.model.Capacity`, or the check's light view of the same data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

ALL_DAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
WEEKEND = frozenset({"sat", "sun"})
LIVE_CHANNELS = frozenset({"phone", "chat"})
SELF_SERVICE = "self-service"
# Below this many people a team cannot answer everyone at once, whatever its hours.
SMALL_TEAM = 5
# "Every channel" is credible from a team that staffs at least this many.
MANY_CHANNELS = 3
LATE_EVENING = 20 * 60  # minutes after midnight

_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_DAY_ORDER = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class CapacityLike(Protocol):
    """The fields of `cxphilo.model.Capacity` the criteria read."""

    @property
    def team_size(self) -> int | None: ...

    @property
    def days(self) -> Sequence[str]: ...

    @property
    def hours(self) -> str | None: ...

    @property
    def channels(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Reach:
    """A capacity reduced to what the honesty rule needs; None means not declared."""

    team_size: int | None
    days: frozenset[str] | None
    start: int | None  # minutes after midnight
    end: int | None
    round_the_clock: bool | None
    channels: frozenset[str] | None

    @classmethod
    def of(cls, capacity: CapacityLike | None) -> Reach | None:
        if capacity is None:
            return None
        days = frozenset(capacity.days or ()) or None
        channels = frozenset(capacity.channels or ()) or None
        start = end = None
        round_the_clock: bool | None = None
        hours = capacity.hours
        if hours == "24h":
            round_the_clock = True
            start, end = 0, 24 * 60
        elif hours:
            match = _HOURS.match(hours)
            if match:
                h1, m1, h2, m2 = (int(g) for g in match.groups())
                start, end = h1 * 60 + m1, h2 * 60 + m2
                round_the_clock = start == 0 and end == 24 * 60
        return cls(capacity.team_size, days, start, end, round_the_clock, channels)

    @property
    def every_day(self) -> bool | None:
        return None if self.days is None else self.days >= ALL_DAYS

    @property
    def weekends(self) -> bool | None:
        return None if self.days is None else self.days >= WEEKEND

    @property
    def always(self) -> bool | None:
        """Open around the clock, every day; None when hours or days are unknown."""
        if self.round_the_clock is None or self.days is None:
            return None
        return self.round_the_clock and bool(self.every_day)

    @property
    def late(self) -> bool | None:
        return None if self.end is None else self.end >= LATE_EVENING

    @property
    def human_channels(self) -> frozenset[str] | None:
        return None if self.channels is None else self.channels - {SELF_SERVICE}

    def staffs(self, channel: str) -> bool | None:
        return None if self.channels is None else channel in self.channels

    def describe(self) -> str:
        """The capacity in a few words: "2 people, mon-fri, 09:00-17:00, by phone"."""
        parts = []
        if self.team_size is not None:
            parts.append(f"{self.team_size} {'person' if self.team_size == 1 else 'people'}")
        if self.days is not None:
            parts.append(_days(self.days))
        if self.round_the_clock:
            parts.append("around the clock")
        elif self.start is not None and self.end is not None:
            parts.append(f"{_clock(self.start)}-{_clock(self.end)}")
        if self.channels is not None:
            ordered = sorted(self.channels)
            parts.append(
                "by "
                + (
                    ", ".join(ordered[:-1]) + " and " + ordered[-1]
                    if len(ordered) > 1
                    else ordered[0]
                )
            )
        return ", ".join(parts) or "no details"


def _days(days: frozenset[str]) -> str:
    ordered = [d for d in _DAY_ORDER if d in days]
    if days >= ALL_DAYS:
        return "every day"
    indexes = [_DAY_ORDER.index(d) for d in ordered]
    if len(ordered) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(ordered)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
