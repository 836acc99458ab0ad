"""What a team can really deliver, read from the declared capacity (step 1).

The honesty rule compares the promises in a vision with this: the week as the
team declared it, day by day, with the hours people answer on each day and,
per channel, where those differ. Any object with the fields of `CapacityLike`
will do: the pydantic `cxphilo.document.model.Capacity`, or the check's light view of
the same data (`cxphilo.check.fastdoc.View`). Nothing here imports pydantic,
so that the check's fast path stays fast.

Hours are kept as spans of minutes after midnight of their day. An overnight
span ("22:00-06:00") ends after 24:00 (at 30:00), so that it still belongs to
the day it starts on.
"""

# Ranges of days and hours are written with an en dash ("Mon–Fri 08:00–17:00"), as
# English sets them; that is right here.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from cxphilo.locale import N_, Either, Series, Text
from cxphilo.vocabulary import DAYS

ALL_DAYS = frozenset(DAYS)
WEEKDAYS = frozenset(DAYS[:5])
WEEKEND = frozenset(DAYS[5:])
DAY = 24 * 60  # minutes

# The parts of the day a vision can promise, in minutes after midnight. Defined here
# once, for every language: "in the evening" is after about six; "at night" is after
# ten in the evening or before six in the morning.
MORNING_START = 6 * 60  # "in the mornings", "before school": the early hours of a day
MORNING_END = 9 * 60
EVENING_START = 18 * 60
NIGHT_START = 22 * 60
NIGHT_END = 6 * 60
# Answering for less than an hour of the evening (or of the night) is not offering it:
# a team that closes at 18:15 does not answer "in the evenings".
PART_OF_DAY = 60

LIVE_CHANNELS = frozenset({"phone", "chat"})
SELF_SERVICE = "self-service"
# Below this many people a team cannot answer everyone at once, whatever its hours.
SMALL_TEAM = 5
# "Every channel" is credible from a team that staffs at least this many.
MANY_CHANNELS = 3

Span = tuple[int, int]  # minutes after midnight of its day; the end may pass 24:00

_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
# A day as a list of days names it ("Mon–Fri"), in the reader's language.
DAY_SHORT = {
    "mon": N_("Mon"),
    "tue": N_("Tue"),
    "wed": N_("Wed"),
    "thu": N_("Thu"),
    "fri": N_("Fri"),
    "sat": N_("Sat"),
    "sun": N_("Sun"),
}
# How a channel reads after "people answer ...", and on its own.
BY_CHANNEL = {
    "phone": N_("by phone"),
    "email": N_("by email"),
    "chat": N_("by chat"),
    "social": N_("on social media"),
    "in-person": N_("in person"),
    "sms": N_("by SMS"),
}
# The channels reached "by" something, said together: "by phone, email and chat".
_BY = frozenset({"phone", "email", "chat", "sms"})
CHANNEL_WORDS = {
    "phone": N_("phone"),
    "email": N_("email"),
    "chat": N_("chat"),
    "social": N_("social media"),
    "in-person": N_("in-person contact"),
    "sms": N_("SMS"),
}


class CapacityLike(Protocol):
    """The fields of `cxphilo.document.model.Capacity` the criteria read."""

    @property
    def team_size(self) -> int | None: ...

    @property
    def days(self) -> Sequence[str]: ...

    @property
    def hours(self) -> str | None: ...

    @property
    def day_hours(self) -> Mapping[Any, str]: ...

    @property
    def channels(self) -> Sequence[str]: ...

    @property
    def channel_hours(self) -> Mapping[Any, str]: ...


def parse_hours(text: str | None) -> Span | None:
    """ "09:00-17:00" as (540, 1020), "24h" as (0, 1440); None when not declared or unreadable.

    An end at or before the start runs past midnight: "22:00-06:00" is (1320, 1800),
    and "09:00-09:00" is the full 24 hours from nine.
    """
    if text == "24h":
        return (0, DAY)
    match = _HOURS.match(text or "")
    if match is None:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end <= start:
        end += DAY
    return (start, end)


class Check(NamedTuple):  # NamedTuples: cheaper to make at start-up than dataclasses
    """Whether a promise about hours holds, and where it does not.

    `verdict` is None when the capacity does not say enough to tell. `failing`
    lists the days (None: the usual day when no days are declared) where the
    promise breaks, each with the spans people answer that day (empty: closed).
    """

    verdict: bool | None
    failing: tuple[tuple[str | None, tuple[Span, ...]], ...] = ()


class Reach(NamedTuple):
    """A capacity as a week: None (or empty) means the team did not declare it."""

    team_size: int | None
    days: frozenset[str] | None
    usual: Span | None  # `hours`: the usual hours on those days
    day_hours: tuple[tuple[str, Span], ...]  # days whose hours differ
    channels: tuple[str, ...] | None  # in the order the team listed them
    channel_hours: tuple[tuple[str, Span], ...]  # channels staffed for other hours
    customer_channels: tuple[str, ...] | None = None  # the channels customers use

    @classmethod
    def of(
        cls, capacity: CapacityLike | None, customer_channels: Sequence[str] | None = None
    ) -> Reach | None:
        """The week of a declared capacity; None when there is no capacity at all."""
        if capacity is None:
            return None
        days = frozenset(capacity.days or ()) or None
        channels = tuple(capacity.channels or ()) or None
        return cls(
            capacity.team_size,
            days,
            parse_hours(capacity.hours),
            _spans_of(capacity.day_hours, DAYS),
            channels,
            _spans_of(capacity.channel_hours, channels or ()),
            tuple(customer_channels or ()) or None,
        )

    def unstaffed(self) -> tuple[str, ...] | None:
        """The channels customers use that nobody staffs; None when either is not declared."""
        if self.channels is None or self.customer_channels is None:
            return None
        return tuple(c for c in self.customer_channels if c not in self.channels)

    # -- what the team staffs

    @property
    def human_channels(self) -> tuple[str, ...] | None:
        """The channels people answer on (self-service needs nobody)."""
        if self.channels is None:
            return None
        return tuple(c for c in self.channels if c != SELF_SERVICE)

    def staffs(self, channel: str) -> bool | None:
        return None if self.channels is None else channel in self.channels

    def answers_on(self, needed: Iterable[str]) -> bool | None:
        """True when people answer on every one of the `needed` days."""
        return None if self.days is None else set(needed) <= self.days

    def missing_days(self, needed: Iterable[str]) -> frozenset[str]:
        return frozenset(needed) - (self.days or frozenset())

    # -- the hours of each day

    def spans_on(self, day: str | None, channel: str | None = None) -> tuple[Span, ...] | None:
        """The hours people answer on `day` (by `channel`, or on any channel); () when
        closed, None when not declared. `day` None is the usual day, for a capacity
        that names no days."""
        if day is not None and self.days is not None and day not in self.days:
            return ()
        by_channel = dict(self.channel_hours)
        usual = dict(self.day_hours).get(day, self.usual) if day is not None else self.usual
        if channel is not None:
            span = by_channel.get(channel, usual)
            return None if span is None else (span,)
        spans = [span for c, span in self.channel_hours if c != SELF_SERVICE]
        humans = self.human_channels
        # The usual hours are someone's hours unless every channel has hours of its own.
        if usual is None and (not humans or any(c not in by_channel for c in humans)):
            return None
        if usual is not None:
            spans.append(usual)
        return tuple(sorted(set(spans)))

    def covered(self, day: str | None, window: Span, channel: str | None = None) -> int | None:
        """Minutes of `window` (in the minutes of `day`) that people answer, counting the
        night before and the morning after; None when the day's hours are not declared."""
        own = self.spans_on(day, channel)
        if own is None:
            return None
        spans = list(own)
        if day is None:
            before = after = own
        else:
            index = DAYS.index(day)
            before = self.spans_on(DAYS[index - 1], channel) or ()
            after = self.spans_on(DAYS[(index + 1) % 7], channel) or ()
        spans += [(s - DAY, e - DAY) for s, e in before]
        spans += [(s + DAY, e + DAY) for s, e in after]
        return _overlap(spans, window)

    def usual_days(self) -> tuple[str | None, ...]:
        """The days with the usual hours: what a promise that names no days is about."""
        if self.days is None:
            return (None,)
        exceptions = {day for day, _ in self.day_hours}
        usual = tuple(d for d in DAYS if d in self.days and d not in exceptions)
        return usual or tuple(d for d in DAYS if d in self.days)

    def keeps(
        self,
        window: Span,
        needed: int,
        days: Iterable[str | None] | None = None,
        channel: str | None = None,
    ) -> Check:
        """Whether people answer at least `needed` minutes of `window` on each of `days`
        (the usual days when None), by `channel` or on any channel."""
        chosen = self.usual_days() if days is None else tuple(days)
        failing: list[tuple[str | None, tuple[Span, ...]]] = []
        unknown = False
        for day in chosen:
            minutes = self.covered(day, window, channel)
            if minutes is None:
                unknown = True
            elif minutes < needed:
                failing.append((day, self.spans_on(day, channel) or ()))
        if failing:
            return Check(False, tuple(failing))
        return Check(None if unknown else True)

    # -- in words

    def describe(self) -> Text:
        """The capacity in one line, e.g. "2 people answer Mon–Fri 08:00–17:00 and
        Sat 10:00–14:00 by phone and by chat; chat until 20:00"."""
        if self == Reach(None, None, None, (), None, ()):
            return Text("nothing declared yet")
        humans = self.human_channels
        if self.channels is None:
            via = Text("(channels not given)")
        elif not humans:
            via = Text("only through self-service")
        elif SELF_SERVICE in self.channels:
            via = Text("{channels}, with self-service", channels=by_channels(humans))
        else:
            via = by_channels(humans)
        if self.team_size is None:
            line = Text("you answer {when} {via}", when=self._when(), via=via)
        else:
            line = Text.plural_of(
                "{count} person answers {when} {via}",
                "{count} people answer {when} {via}",
                self.team_size,
                when=self._when(),
                via=via,
            )
        extra = [
            Text("{channel} {when}", channel=channel_word(c), when=self._channel_when(span))
            for c, span in self.channel_hours
            if c != SELF_SERVICE
        ]
        return Text("{first}; {rest}", first=line, rest=Series(extra)) if extra else line

    def _when(self) -> Text:
        if self.days is None:
            if self.usual is None:
                return Text("(days and hours not given)")
            return Text("{hours} (days not given)", hours=clock_range(self.usual))
        groups: dict[Span | None, list[str]] = {}
        exceptions = dict(self.day_hours)
        for day in DAYS:
            if day in self.days:
                groups.setdefault(exceptions.get(day, self.usual), []).append(day)
        pieces = [
            Text(
                "{days} {hours}",
                days=day_list(days),
                hours=Text("(hours not given)") if span is None else clock_range(span),
            )
            for span, days in groups.items()
        ]
        return Text("{items}", items=pieces)

    def _channel_when(self, span: Span) -> Text | str:
        usual = self.usual
        if span == (0, DAY):
            return Text("around the clock")
        if usual is not None and usual != (0, DAY):
            if span[0] == usual[0]:
                return Text("until {time}", time=clock(span[1]))
            if span[1] == usual[1]:
                return Text("from {time}", time=clock(span[0]))
        return clock_range(span)


def describe_capacity(capacity: CapacityLike | None) -> Text:
    """A declared capacity in one line, for the check's fixes and the workshop's screens:
    "2 people answer Mon 09:00–17:00 and Tue 09:00–12:00 by phone"."""
    reach = Reach.of(capacity)
    return Text("no capacity declared") if reach is None else reach.describe()


def _spans_of(
    hours: Mapping[Any, str] | None, order: Iterable[str]
) -> tuple[tuple[str, Span], ...]:
    if not hours:
        return ()
    spans = ((key, parse_hours(hours.get(key))) for key in order if key in hours)
    return tuple((key, span) for key, span in spans if span is not None)


def union(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans merged where they overlap or touch, in order."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _overlap(spans: Iterable[Span], window: Span) -> int:
    """Minutes of `window` inside the union of `spans`."""
    low, high = window
    clipped = ((max(s, low), min(e, high)) for s, e in spans if s < high and e > low)
    return sum(end - start for start, end in union(clipped))


def clock(minutes: int) -> str:
    """Minutes after midnight as "HH:MM" (a time past midnight reads as the next day's)."""
    if minutes == DAY:
        return "24:00"
    minutes %= DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def clock_range(span: Span) -> Text | str:
    """ "08:00–17:00", or "around the clock" for the whole day."""
    if span == (0, DAY):
        return Text("around the clock")
    return f"{clock(span[0])}–{clock(span[1])}"


def day_list(days: Iterable[str | None]) -> Text:
    """Days in week order, runs joined: "Mon–Fri", "Mon, Wed and Sat–Sun", "every day"."""
    chosen = {d for d in days if d is not None}
    if chosen >= ALL_DAYS:
        return Text("every day")
    runs: list[list[str]] = []
    for day in DAYS:
        if day not in chosen:
            continue
        if runs and DAYS.index(runs[-1][-1]) == DAYS.index(day) - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    # Two days in a row are "Sat and Sun" alone, and a run inside a longer list.
    names = [
        Text(DAY_SHORT[run[0]])
        if len(run) == 1
        else Text(
            "{first}–{last}",
            first=Text(DAY_SHORT[run[0]]),
            last=Text(DAY_SHORT[run[-1]]),
        )
        if len(run) > 2 or len(runs) > 1
        else Text(
            "{first} and {last}", first=Text(DAY_SHORT[run[0]]), last=Text(DAY_SHORT[run[-1]])
        )
        for run in runs
    ]
    return names[0] if len(names) == 1 else Text("{days}", days=names)


def by_channels(channels: Iterable[str], last: str = "and") -> Text:
    """ "by phone, email and chat", "by phone or on social media"."""
    listed = Either if last == "or" else tuple
    chosen = list(channels)
    by = [channel_word(c) for c in chosen if c in _BY]
    others = [Text(BY_CHANNEL[c]) if c in BY_CHANNEL else c for c in chosen if c not in _BY]
    pieces = ([Text("by {channels}", channels=listed(by))] if by else []) + others
    return (
        pieces[0]
        if len(pieces) == 1 and isinstance(pieces[0], Text)
        else Text("{ways}", ways=listed(pieces))
    )


def channel_word(channel: str) -> Text | str:
    """ "chat", "social media", "SMS": a channel as a word in a sentence."""
    return Text(CHANNEL_WORDS[channel]) if channel in CHANNEL_WORDS else channel
