"""What a claim in a vision promises, and whether the declared week keeps it.

The engine finds the claims in a statement ("24/7", "on Saturdays", "until
22:00", "chat") and what stands beside each in its clause (the days named, the
channels, self-service, "when we are open"). Here each claim becomes a
promise of one kind — hours, days, a channel or speed — judged against a
`Reach`: for each day, the hours people answer, and per channel where those
differ.

Days named in the clause scope a promise about hours ("until 20:00 on
Saturdays" is judged on Saturdays); without them it is judged on the team's
usual days, those with the usual `hours`. "Every evening" and "24/7" are about
every day of the week.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from cxphilo.vocabulary import DAYS

from .capacity import (
    ALL_DAYS,
    BY_CHANNEL,
    DAY,
    EVENING_START,
    LIVE_CHANNELS,
    MANY_CHANNELS,
    MORNING_END,
    MORNING_START,
    NIGHT_END,
    NIGHT_START,
    PART_OF_DAY,
    SELF_SERVICE,
    SMALL_TEAM,
    WEEKDAYS,
    WEEKEND,
    Check,
    Reach,
    Span,
    by_channels,
    channel_word,
    clock,
    clock_range,
    day_list,
    union,
)

Kind = Literal["hours", "days", "channel", "speed"]

# What each kind of promise is called in a fix, and how to make it honest.
KIND_WORDS: dict[Kind, str] = {
    "hours": "opening hours",
    "days": "days",
    "channel": "a channel",
    "speed": "speed",
}
ADVICE: dict[Kind, str] = {
    "hours": 'Promise the hours the team keeps ("until 17:00 on weekdays"), or say what '
    "self-service offers outside them.",
    "days": 'Name the days the team answers ("Monday to Friday"), or say what self-service '
    "offers on the others.",
    "channel": "Promise the channels the team staffs, or staff the channel first and add it to "
    "the capacity (step 1).",
    "speed": 'Promise a speed the team can keep ("an answer the same working day"), or staff a '
    "live channel with enough people first.",
}
# What a promise of each kind is checked against, for "fill in ..." when it is missing.
NEEDS: dict[Kind, tuple[str, ...]] = {
    "hours": ("days", "hours"),
    "days": ("days",),
    "channel": ("channels",),
    "speed": ("team size", "channels"),
}

# Claims about the time of day: the window of each day they are about, and how many
# minutes of it people must answer.
_NIGHT: Span = (NIGHT_START, DAY + NIGHT_END)
WINDOWS: dict[str, tuple[Span, int, str]] = {
    "always": ((0, DAY), DAY, "around the clock"),
    "morning": ((MORNING_START, MORNING_END), PART_OF_DAY, "in the early morning"),
    "evening": ((EVENING_START, NIGHT_START), PART_OF_DAY, "in the evening"),
    "every_evening": ((EVENING_START, NIGHT_START), PART_OF_DAY, "every evening"),
    "night": (_NIGHT, PART_OF_DAY, "at night"),
    "every_night": (_NIGHT, PART_OF_DAY, "every night"),
    "overnight": (_NIGHT, _NIGHT[1] - _NIGHT[0], "through the night"),
}
# These are about every day of the week, whatever the clause names.
EVERY_DAY_KINDS = frozenset({"always", "every_evening", "every_night"})
# The days a claim about days names.
DAY_CLAIMS: dict[str, frozenset[str]] = {
    "every_day": ALL_DAYS,
    "weekend": WEEKEND,
    "holiday": ALL_DAYS,  # a holiday can fall on any day of the week
    **{f"day_{day}": frozenset({day}) for day in DAYS},
}
CHANNEL_CLAIMS = {
    f"channel_{c}": c.replace("_", "-")
    for c in ("phone", "email", "chat", "social", "sms", "in_person")
}

_DAY_LONG = {
    "mon": "Mondays",
    "tue": "Tuesdays",
    "wed": "Wednesdays",
    "thu": "Thursdays",
    "fri": "Fridays",
    "sat": "Saturdays",
    "sun": "Sundays",
}


class Claim(NamedTuple):  # NamedTuples: cheaper to make at start-up than dataclasses
    """Words of a statement that promise something: a lexicon category and where."""

    kind: str  # a lexicon category ("always", "weekend", "channel_chat"), "until" or "days"
    span: Span
    days: frozenset[str] = frozenset()  # the days a claim about days names
    closing: int = 0  # for "until": minutes after midnight, past 24:00 after midnight


class Context(NamedTuple):
    """What stands beside a claim in its clause."""

    self_service: bool = False  # "in our help centre": the promise is self-service
    limited: bool = False  # "when we are open": the clause promises no more than that
    weekdays: bool = False  # "on weekdays"
    daily: bool = False  # "every day", said of hours: "until 20:00 every day"
    days: frozenset[str] = frozenset()  # the days other claims of the clause name
    channels: tuple[str, ...] = ()  # the channels other claims of the clause name


Verdict = tuple["bool | None", str]  # kept or not (None: cannot tell), and why not


class Promise(NamedTuple):
    kind: Kind
    what: str  # "promises support by chat until 20:00"
    judge: Callable[[Reach], Verdict]


def promise_of(claim: Claim, context: Context) -> Promise | None:
    """What a claim promises; None when it promises nothing to check (a channel named
    for self-service, a time limited by its own clause: "whenever we are open")."""
    kind = claim.kind
    if kind in CHANNEL_CLAIMS:
        return None if context.self_service else _channel(CHANNEL_CLAIMS[kind])
    if context.self_service:
        return Promise(
            "channel",
            "promises self-service",
            lambda r: (r.staffs(SELF_SERVICE), "no self-service channel is declared"),
        )
    if kind == "instant":
        return Promise("speed", "promises an answer without waiting", _instant)
    if kind == "every_channel":
        return Promise("channel", "promises every channel", _every_channel)
    via = _via(context.channels)
    if claim.days:
        return _days(kind, claim.days, via)
    if kind in WINDOWS or kind == "until":
        if context.limited or (kind == "always" and context.weekdays):
            return None
        return _hours(claim, context, via)
    return None


def _channel(channel: str) -> Promise:
    return Promise(
        "channel",
        f"promises contact {BY_CHANNEL[channel]}",
        lambda r: (r.staffs(channel), f"the team does not staff {channel_word(channel)}"),
    )


def _instant(reach: Reach) -> Verdict:
    if reach.team_size is None or reach.channels is None:
        return None, ""
    live = bool(LIVE_CHANNELS & set(reach.channels))
    return (
        reach.team_size >= SMALL_TEAM and live,
        f"that takes a live channel (phone or chat) and at least {SMALL_TEAM} people",
    )


def _every_channel(reach: Reach) -> Verdict:
    """Every channel means every channel customers use, when the team says which."""
    unstaffed = reach.unstaffed()
    if unstaffed is not None:
        named = " and ".join(channel_word(c) for c in unstaffed)
        return not unstaffed, f"customers also use {named}, which nobody staffs"
    humans = reach.human_channels
    if humans is None:
        return None, ""
    return len(humans) >= MANY_CHANNELS, "the team staffs only a few"


def _days(kind: str, days: frozenset[str], via: str) -> Promise:
    if kind == "every_day":
        when = "every day"
    elif kind == "weekend":
        when = "on weekends"
    elif kind == "holiday":
        when = "on public holidays"
    elif len(days) == 1:
        when = f"on {_DAY_LONG[next(iter(days))]}"
    else:
        when = f"on {day_list(days)}"

    def judge(reach: Reach) -> Verdict:
        kept = reach.answers_on(days)
        missing = day_list(reach.missing_days(days))
        if kind == "holiday":
            return kept, f"nobody answers on {missing}, so not on every holiday either"
        return kept, f"nobody answers on {missing}"

    return Promise("days", f"promises support{via} {when}", judge)


def _hours(claim: Claim, context: Context, via: str) -> Promise:
    if claim.kind == "until":
        window: Span = (claim.closing - 1, claim.closing)
        needed = 1
        period = "until midnight" if claim.closing == DAY else f"until {clock(claim.closing)}"
    else:
        window, needed, period = WINDOWS[claim.kind]
    named = context.days
    every = claim.kind in EVERY_DAY_KINDS
    if named:
        scope = "" if every and named >= ALL_DAYS else f" {_on(named)}"
    elif context.daily:
        scope = "" if every else " every day"
    elif context.weekdays:
        scope = " on weekdays"
    else:
        scope = ""
    channels = context.channels

    def judge(reach: Reach) -> Verdict:
        # Days named by another claim of the clause are judged there; here only the
        # hours on those of them the team answers.
        days: frozenset[str] | None = None
        if named:
            days = named & reach.days if reach.days is not None else named
        # Days the clause names without claiming them ("on weekdays", "every day") are
        # judged here in full: a day the team does not answer breaks the promise.
        if context.weekdays:
            days = (days or frozenset()) | WEEKDAYS
        if context.daily:
            days = ALL_DAYS
        if days is None and every:
            days = ALL_DAYS
        order = None if days is None else [d for d in DAYS if d in days]
        staffed: list[str | None] = [c for c in channels if reach.staffs(c) is not False]
        if channels and not staffed:
            return True, ""  # the channel itself is the broken promise
        verdict: bool | None = True
        for channel in staffed or [None]:  # None: on any channel
            check = reach.keeps(window, needed, order, channel)
            if check.verdict is False:
                return False, _why(check, channel)
            if check.verdict is None:
                verdict = None
        return verdict, ""

    return Promise("hours", f"promises support{via} {period}{scope}", judge)


def _why(check: Check, channel: str | None) -> str:
    """ "nobody answers on Sun and people answer by phone Mon-Fri 08:00-17:00" (with dashes)."""
    closed = [day for day, spans in check.failing if not spans]
    open_: dict[tuple[Span, ...], list[str | None]] = {}
    for day, spans in check.failing:
        if spans:
            open_.setdefault(union(spans), []).append(day)
    parts = []
    if closed:
        parts.append(f"nobody answers on {day_list(closed)}")
    if open_:
        via = f" {BY_CHANNEL[channel]}" if channel in BY_CHANNEL else ""
        hours = [
            f"{day_list(days)} " * any(d is not None for d in days)
            + " and ".join(clock_range(s) for s in spans)
            for spans, days in open_.items()
        ]
        parts.append(f"people answer{via} " + " and ".join(hours))
    return ", and ".join(parts)


def _on(days: frozenset[str]) -> str:
    if days >= ALL_DAYS:
        return "every day"
    if days == WEEKEND:
        return "on weekends"
    if len(days) == 1:
        return f"on {_DAY_LONG[next(iter(days))]}"
    return f"on {day_list(days)}"


def _via(channels: tuple[str, ...]) -> str:
    return " " + by_channels(channels, "or") if channels else ""


def fix(kind: Kind, reach: Reach) -> str:
    """The fix of a broken promise: its kind, the declared capacity, and what to do."""
    return f"A promise of {KIND_WORDS[kind]}. The capacity says: {reach.describe()}. {ADVICE[kind]}"


def missing(kind: Kind, reach: Reach | None) -> str:
    """What the capacity lacks to judge a promise of `kind`: "days and hours"."""
    if reach is None:
        return "capacity (days, hours, channels, team size)"
    declared = {
        "days": reach.days is not None,
        "hours": reach.usual is not None or bool(reach.day_hours),
        "channels": reach.channels is not None,
        "team size": reach.team_size is not None,
    }
    lacking = [field for field in NEEDS[kind] if not declared[field]] or ["hours"]
    return " and ".join(lacking)
