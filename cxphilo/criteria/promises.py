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

from cxphilo.locale import N_, Text
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
    "hours": N_("A promise of opening hours."),
    "days": N_("A promise of days."),
    "channel": N_("A promise of a channel."),
    "speed": N_("A promise of speed."),
}
ADVICE: dict[Kind, str] = {
    "hours": N_(
        'Promise the hours the team keeps ("until 17:00 on weekdays"), or say what '
        "self-service offers outside them."
    ),
    "days": N_(
        'Name the days the team answers ("Monday to Friday"), or say what self-service '
        "offers on the others."
    ),
    "channel": N_(
        "Promise the channels the team staffs, or staff the channel first and add it to "
        "the capacity (step 1)."
    ),
    "speed": N_(
        'Promise a speed the team can keep ("an answer the same working day"), or staff a '
        "live channel with enough people first."
    ),
}
# What a promise of each kind is checked against, for "fill in ..." when it is missing.
NEEDS: dict[Kind, tuple[str, ...]] = {
    "hours": ("days", "hours"),
    "days": ("days",),
    "channel": ("channels",),
    "speed": ("team size", "channels"),
}
_NEED_WORDS = {
    "days": N_("days"),
    "hours": N_("hours"),
    "channels": N_("channels"),
    "team size": N_("team size"),
}

# Claims about the time of day: the window of each day they are about, and how many
# minutes of it people must answer.
_NIGHT: Span = (NIGHT_START, DAY + NIGHT_END)
WINDOWS: dict[str, tuple[Span, int, str]] = {
    "always": ((0, DAY), DAY, N_("around the clock")),
    "morning": ((MORNING_START, MORNING_END), PART_OF_DAY, N_("in the early morning")),
    "evening": ((EVENING_START, NIGHT_START), PART_OF_DAY, N_("in the evening")),
    "every_evening": ((EVENING_START, NIGHT_START), PART_OF_DAY, N_("every evening")),
    "night": (_NIGHT, PART_OF_DAY, N_("at night")),
    "every_night": (_NIGHT, PART_OF_DAY, N_("every night")),
    "overnight": (_NIGHT, _NIGHT[1] - _NIGHT[0], N_("through the night")),
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

_ON_DAY = {
    "mon": N_("on Mondays"),
    "tue": N_("on Tuesdays"),
    "wed": N_("on Wednesdays"),
    "thu": N_("on Thursdays"),
    "fri": N_("on Fridays"),
    "sat": N_("on Saturdays"),
    "sun": N_("on Sundays"),
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


Verdict = tuple["bool | None", "Text | None"]  # kept or not (None: cannot tell), and why not


class Promise(NamedTuple):
    kind: Kind
    what: Text  # "promises support by chat until 20:00"
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
            Text("promises self-service"),
            lambda r: (r.staffs(SELF_SERVICE), Text("no self-service channel is declared")),
        )
    if kind == "instant":
        return Promise("speed", Text("promises an answer without waiting"), _instant)
    if kind == "every_channel":
        return Promise("channel", Text("promises every channel"), _every_channel)
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
        Text("promises contact {channel}", channel=Text(BY_CHANNEL[channel])),
        lambda r: (
            r.staffs(channel),
            Text("the team does not staff {channel}", channel=channel_word(channel)),
        ),
    )


def _instant(reach: Reach) -> Verdict:
    if reach.team_size is None or reach.channels is None:
        return None, None
    live = bool(LIVE_CHANNELS & set(reach.channels))
    return (
        reach.team_size >= SMALL_TEAM and live,
        Text(
            "that takes a live channel (phone or chat) and at least {count} people",
            count=SMALL_TEAM,
        ),
    )


def _every_channel(reach: Reach) -> Verdict:
    """Every channel means every channel customers use, when the team says which."""
    unstaffed = reach.unstaffed()
    if unstaffed is not None:
        named = [channel_word(c) for c in unstaffed]
        return not unstaffed, Text(
            "customers also use {channels}, which nobody staffs", channels=named
        )
    humans = reach.human_channels
    if humans is None:
        return None, None
    return len(humans) >= MANY_CHANNELS, Text("the team staffs only a few")


def _days(kind: str, days: frozenset[str], via: Text | None) -> Promise:
    if kind == "every_day":
        when = Text("every day")
    elif kind == "weekend":
        when = Text("on weekends")
    elif kind == "holiday":
        when = Text("on public holidays")
    else:
        when = _on(days)

    def judge(reach: Reach) -> Verdict:
        kept = reach.answers_on(days)
        missing = day_list(reach.missing_days(days))
        if kind == "holiday":
            return kept, Text(
                "nobody answers on {days}, so not on every holiday either", days=missing
            )
        return kept, Text("nobody answers on {days}", days=missing)

    return Promise("days", _support(via, when), judge)


def _support(via: Text | None, when: Text) -> Text:
    """ "promises support by chat until 20:00 on Saturdays" """
    if via is None:
        return Text("promises support {when}", when=when)
    return Text("promises support {channels} {when}", channels=via, when=when)


def _hours(claim: Claim, context: Context, via: Text | None) -> Promise:
    if claim.kind == "until":
        window: Span = (claim.closing - 1, claim.closing)
        needed = 1
        period = (
            Text("until midnight")
            if claim.closing == DAY
            else Text("until {time}", time=clock(claim.closing))
        )
    else:
        window, needed, words = WINDOWS[claim.kind]
        period = Text(words)
    named = context.days
    every = claim.kind in EVERY_DAY_KINDS
    scope: Text | None = None
    if named:
        scope = None if every and named >= ALL_DAYS else _on(named)
    elif context.daily:
        scope = None if every else Text("every day")
    elif context.weekdays:
        scope = Text("on weekdays")
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
            return True, None  # the channel itself is the broken promise
        verdict: bool | None = True
        for channel in staffed or [None]:  # None: on any channel
            check = reach.keeps(window, needed, order, channel)
            if check.verdict is False:
                return False, _why(check, channel)
            if check.verdict is None:
                verdict = None
        return verdict, None

    when = period if scope is None else Text("{period} {days}", period=period, days=scope)
    return Promise("hours", _support(via, when), judge)


def _why(check: Check, channel: str | None) -> Text:
    """ "nobody answers on Sun, and people answer by phone Mon-Fri 08:00-17:00" (with dashes)."""
    closed = [day for day, spans in check.failing if not spans]
    open_: dict[tuple[Span, ...], list[str | None]] = {}
    for day, spans in check.failing:
        if spans:
            open_.setdefault(union(spans), []).append(day)
    parts = []
    if closed:
        parts.append(Text("nobody answers on {days}", days=day_list(closed)))
    if open_:
        hours = [
            Text("{days} {hours}", days=day_list(days), hours=[clock_range(s) for s in spans])
            if any(d is not None for d in days)
            else Text("{hours}", hours=[clock_range(s) for s in spans])
            for spans, days in open_.items()
        ]
        if channel in BY_CHANNEL:
            parts.append(
                Text(
                    "people answer {channel} {hours}",
                    channel=Text(BY_CHANNEL[channel]),
                    hours=hours,
                )
            )
        else:
            parts.append(Text("people answer {hours}", hours=hours))
    if len(parts) == 2:
        return Text("{first}, and {second}", first=parts[0], second=parts[1])
    return parts[0]


def _on(days: frozenset[str]) -> Text:
    if days >= ALL_DAYS:
        return Text("every day")
    if days == WEEKEND:
        return Text("on weekends")
    if len(days) == 1:
        return Text(_ON_DAY[next(iter(days))])
    return Text("on {days}", days=day_list(days))


def _via(channels: tuple[str, ...]) -> Text | None:
    return by_channels(channels, "or") if channels else None


def fix(kind: Kind, reach: Reach) -> Text:
    """The fix of a broken promise: its kind, the declared capacity, and what to do."""
    return Text(
        "{kind} The capacity says: {capacity}. {advice}",
        kind=Text(KIND_WORDS[kind]),
        capacity=reach.describe(),
        advice=Text(ADVICE[kind]),
    )


def missing(kind: Kind, reach: Reach | None) -> Text:
    """What the capacity lacks to judge a promise of `kind`: "days and hours"."""
    if reach is None:
        return Text("capacity (days, hours, channels, team size)")
    declared = {
        "days": reach.days is not None,
        "hours": reach.usual is not None or bool(reach.day_hours),
        "channels": reach.channels is not None,
        "team size": reach.team_size is not None,
    }
    lacking = [field for field in NEEDS[kind] if not declared[field]] or ["hours"]
    return Text("{fields}", fields=[Text(_NEED_WORDS[field]) for field in lacking])
