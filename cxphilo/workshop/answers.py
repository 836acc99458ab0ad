"""Typed answers turned into the document's values, or refused with the reason in words.

Each parser takes what a person typed and returns the value to store, or
raises `Refused` saying what is wrong and how to type it. The parsers only
read the shape of an answer; whether the value is allowed is the model's
own rule, applied by `form.trial` to a copy of the document before anything
is stored (so a prompt can never accept what the file would refuse).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from cxphilo.document.model import check_hours
from cxphilo.locale import N_, Series, Text
from cxphilo.output import visible
from cxphilo.vocabulary import CHANNELS, DAYS

from .asker import BACK_KEY


class Refused(ValueError):
    """An answer that cannot be used; the message says why, for the person who typed it.

    The message is a `Text`, worded in the room's language where it is shown
    (`Words.say(refused.text)`); `str()` of it is the English, for logs and tests.
    """

    def __init__(self, message: Text | str) -> None:
        super().__init__(message)
        self.text = message


# --- text -------------------------------------------------------------------------------------

# A typed answer is one line: a pasted tab or line break becomes a space; anything else
# that is not printable would end up in the file and on the projector as an escape.
_LAYOUT = re.compile(r"[\t\n\r\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(answer: str) -> str:
    """One line of typed text, trimmed; refused when it holds control characters."""
    text = _LAYOUT.sub(" ", answer).strip()
    bad = _CONTROL.search(text)
    if bad:
        raise Refused(
            Text(
                "The answer holds a control character ({character}); type it again without it.",
                character=visible(bad.group()),
            )
        )
    return text


def split_list(answer: str) -> list[str]:
    """Items of a `;`-separated answer, trimmed, without blanks or repeats."""
    items: list[str] = []
    seen: set[str] = set()
    for part in clean(answer).split(";"):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


def join_list(items: Sequence[str]) -> str:
    """The answer to offer again for a list: its items separated by `; `."""
    return "; ".join(items)


# --- numbers and dates ------------------------------------------------------------------------


def parse_integer(answer: str) -> int | None:
    """A whole number, or None for an empty answer."""
    text = clean(answer)
    if not text:
        return None
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise Refused(Text("Type a whole number (for example 4), or leave it empty."))
    return int(text)


_NUMBER = re.compile(r"([+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?)\s*(.*)")


def parse_number(answer: str, unit: str | None = None) -> int | float | None:
    """A number such as 72, 4.5 or 4,5, or None for an empty answer.

    The metric's own unit may follow it ("64%", "240 minutes"); another word
    after the number is refused, so that nobody types hours where minutes count.
    """
    text = clean(answer)
    if not text:
        return None
    match = _NUMBER.fullmatch(text)
    if not match:
        raise Refused(Text("Type a number (for example 72 or 4.5), or leave it empty."))
    digits, rest = match.groups()
    if rest and not _same_unit(rest, unit):
        if unit:
            raise Refused(
                Text("This metric is counted in {unit}: type the number alone.", unit=unit)
            )
        raise Refused(Text("Type the number alone, without a unit."))
    number = float(re.sub(r"[ \u00a0\u202f]", "", digits).replace(",", "."))
    if not math.isfinite(number):
        raise Refused(Text("Type a finite number."))
    return int(number) if number.is_integer() and not re.search(r"[.,]", digits) else number


def _same_unit(typed: str, unit: str | None) -> bool:
    if unit is None:
        return False
    typed, unit = typed.strip().casefold(), unit.strip().casefold()
    short = {"%": {"%", "percent", "per cent", "pct"}, "minutes": {"min", "mins", "minute"}}
    short["hours"] = {"h", "hr", "hrs", "hour"}
    short["seconds"] = {"s", "sec", "secs", "second"}
    return typed == unit or typed in short.get(unit, set())


def format_number(value: int | float | None) -> str:
    """A stored number as it is offered again."""
    return "" if value is None else f"{value:g}"


_DOTTED = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


def parse_date(answer: str) -> dt.date | None:
    """A date typed as 2027-06-30 (or 30.06.2027, 30/06/2027), or None for an empty answer."""
    text = clean(answer)
    if not text:
        return None
    try:
        dotted = _DOTTED.fullmatch(text)
        if dotted:
            day, month, year = (int(g) for g in dotted.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(
            Text("Type a date as YYYY-MM-DD (for example 2027-06-30), or leave it empty.")
        ) from None


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


# --- opening hours ----------------------------------------------------------------------------

DAY_NAMES = {
    "mon": ("monday", "mon", "mo"),
    "tue": ("tuesday", "tue", "tues", "tu"),
    "wed": ("wednesday", "wed", "we"),
    "thu": ("thursday", "thu", "thur", "thurs", "th"),
    "fri": ("friday", "fri", "fr"),
    "sat": ("saturday", "sat", "sa"),
    "sun": ("sunday", "sun", "su"),
}
CHANNEL_NAMES = {
    "phone": ("phone", "telephone", "calls", "call"),
    "email": ("email", "e-mail", "mail"),
    "chat": ("chat", "live chat"),
    "social": ("social", "social media"),
    "self-service": ("self-service", "self service", "help centre", "help center"),
    "in-person": ("in-person", "in person", "shop", "store"),
    "sms": ("sms", "text", "texts"),
}
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_RANGE = re.compile(rf"{_TIME}\s*(?:-|\u2013|\u2014|to)\s*{_TIME}")
_ZONE = re.compile(r"\b(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*)\s*$")


def parse_range(text: str) -> str:
    """One range of hours ("8-17", "08.00-17.00", "24h") as the model writes it: "08:00-17:00"."""
    text = text.strip()
    if text.casefold() in {"24h", "24 h", "24/7", "24 hours", "round the clock"}:
        return "24h"
    zone = _ZONE.search(text)
    if zone and not _RANGE.fullmatch(text):
        raise Refused(
            Text(
                "Give the hours in local time, without a time zone ({zone}): "
                "for example 09:00-17:00.",
                zone=zone.group().strip(),
            )
        )
    match = _RANGE.fullmatch(text)
    if not match:
        raise Refused(
            Text(
                "“{answer}” is not a range of hours: type it as 09:00-17:00, or 24h.",
                answer=visible(text),
            )
        )
    h1, m1, h2, m2 = match.groups()
    start, end = int(h1), int(h2)
    if end < start <= 12 and not m2 and end <= 12:
        # "9 to 5" is a working day said the English way, not a night shift.
        raise Refused(
            Text(
                "Use the 24-hour clock: {hours}, if that is what you mean.",
                hours=f"{start:02d}:00-{end + 12:02d}:00",
            )
        )
    return f"{start:02d}:{m1 or '00'}-{end:02d}:{m2 or '00'}"


def _hours(text: str) -> str:
    value = parse_range(text)
    try:
        return check_hours(value)
    except ValueError as exc:
        # The model's own reason, as the file's check words it.
        raise Refused(f"{exc}.") from None


def _names(text: str, table: dict[str, tuple[str, ...]], what: str) -> list[str]:
    """Codes named by `text`: "sat", "Saturday", "mon-fri", "sat and sun"."""
    words = text.casefold().replace(" and ", ",").replace("&", ",")
    codes: list[str] = []
    for part in filter(None, (p.strip() for p in words.split(","))):
        ends = [e.strip() for e in re.split(r"\s*[-\u2013]\s*", part)] if what == "day" else [part]
        found = [next((c for c, names in table.items() if e in names), None) for e in ends]
        if None in found or len(found) > 2:
            unknown = (
                N_("“{part}” is not a day I know.")
                if what == "day"
                else N_("“{part}” is not a channel I know.")
            )
            raise Refused(Text(unknown, part=visible(part)))
        if len(found) == 2:
            order = list(DAYS)
            first, last = order.index(str(found[0])), order.index(str(found[1]))
            codes += order[first : last + 1] if first <= last else order[first:] + order[: last + 1]
        else:
            codes.append(str(found[0]))
    return codes


def _parts(text: str) -> list[str]:
    """The pieces of an hours answer: split after each range, so "sat, sun 10-14" stays whole."""
    return [p.strip() for p in re.split(r"(?<=[\dh])\s*[;,]\s*|;", text) if p.strip()]


def parse_week(answer: str, days: Sequence[str] = ()) -> tuple[str | None, dict[str, str]]:
    """Opening hours for the week: the usual range, and the days whose hours differ.

    "08:00-17:00" is every day the team answers; "08:00-17:00, sat 10:00-14:00"
    or "mon-fri 8-17, sat 10-14" give a day (or days) its own range. The range
    that covers most days is the usual one. `days` are the days the team
    answers: a day named here must be one of them. Returns (hours, day_hours).
    """
    text = clean(answer)
    if not text:
        return None, {}
    usual: list[str] = []
    by_day: dict[str, str] = {}
    for part in _parts(text):
        match = re.match(r"(.*?[A-Za-zÀ-ÿ])\.?\s+(?=\d|24h)(.+)$", part)
        if match is None or re.fullmatch(r"\d.*", part):
            usual.append(_hours(part))
            continue
        labelled = _hours(match.group(2))
        for day in _names(match.group(1), DAY_NAMES, "day"):
            by_day[day] = labelled
    if len(usual) > 1:
        raise Refused(
            Text(
                "Two ranges of hours without a day: say which days each is for, "
                "for example 08:00-17:00, sat 10:00-14:00."
            )
        )
    stray = [day for day in by_day if days and day not in days]
    if stray:
        raise Refused(
            Text.plural_of(
                "{days} is not among the days the team answers: "
                "tick it there ({key} goes back) or leave it out.",
                "{days} are not among the days the team answers: "
                "tick them there ({key} goes back) or leave them out.",
                len(stray),
                days=_day_list(stray),
                key=BACK_KEY,
            )
        )
    if usual:
        hours: str | None = usual[0]
    else:
        unnamed = [day for day in days if day not in by_day]
        if unnamed:
            raise Refused(
                Text.plural_of(
                    "{days} has no hours yet: start with the usual hours, "
                    "for example 08:00-17:00, sat 10:00-14:00.",
                    "{days} have no hours yet: start with the usual hours, "
                    "for example 08:00-17:00, sat 10:00-14:00.",
                    len(unnamed),
                    days=_day_list(unnamed),
                )
            )
        counts: dict[str, int] = {}
        for value in by_day.values():
            counts[value] = counts.get(value, 0) + 1
        hours = max(counts, key=lambda v: counts[v])
    return hours, {day: value for day, value in by_day.items() if value != hours}


# The days as the workshop names them, in the room's language (step 1's choices, the
# refusals).
DAY_LABELS = {
    "mon": N_("Monday"),
    "tue": N_("Tuesday"),
    "wed": N_("Wednesday"),
    "thu": N_("Thursday"),
    "fri": N_("Friday"),
    "sat": N_("Saturday"),
    "sun": N_("Sunday"),
}


def _day_list(days: Sequence[str]) -> list[Text]:
    """The days' names, joined where they are said ("Saturday and Sunday")."""
    return [Text(DAY_LABELS[day]) for day in days]


def format_week(hours: str | None, day_hours: dict[str, str]) -> str:
    """Hours as they are typed: "08:00-17:00, sat 10:00-14:00"."""
    parts = [hours] if hours else []
    parts += [f"{day} {value}" for day, value in sorted(day_hours.items(), key=_day_order)]
    return ", ".join(parts)


def _day_order(item: tuple[str, str]) -> int:
    return list(DAYS).index(item[0])


def parse_channel_hours(answer: str) -> dict[str, str]:
    """Channels with their own hours: "chat 08:00-20:00, phone 09:00-16:00"."""
    text = clean(answer)
    out: dict[str, str] = {}
    for part in _parts(text):
        match = re.match(r"(.*?[A-Za-z])\s+(?=\d|24h)(.+)$", part)
        if match is None:
            raise Refused(
                Text(
                    "“{part}”: name the channel, then its hours, for example chat 08:00-20:00.",
                    part=visible(part),
                )
            )
        for channel in _names(match.group(1), CHANNEL_NAMES, "channel"):
            out[channel] = _hours(match.group(2))
    return {c: out[c] for c in CHANNELS if c in out}


def format_channel_hours(channel_hours: dict[str, str]) -> str:
    return ", ".join(f"{channel} {value}" for channel, value in channel_hours.items())


# --- the model's refusals, in words --------------------------------------------------------------


def refusal(exc: ValidationError) -> Text | str:
    """Why the document refuses a value, in a sentence for the person who typed it."""
    reasons: list[Text | str] = []
    for error in exc.errors(include_url=False):
        reasons.append(_reason(error))
    unique = list(dict.fromkeys(reasons))
    if not unique:
        return Text("The answer cannot be used here.")
    if len(unique) == 1:
        return unique[0]
    return Text("{first}; {rest}", first=unique[0], rest=Series(unique[1:]))


def _reason(error: Any) -> Text | str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "string_too_short":
        return Text("This cannot be empty.")
    if kind == "greater_than_equal":
        return Text("It must be at least {limit}.", limit=str(ctx.get("ge")))
    if kind in {"less_than_equal", "less_than"}:
        return Text("It must be at most {limit}.", limit=str(ctx.get("le", ctx.get("lt"))))
    if kind == "string_pattern_mismatch":
        return Text("Use letters, digits, - or _, starting with a letter.")
    # Any other reason is the model's own, in the words the file's check uses.
    message = str(error["msg"]).removeprefix("Value error, ")
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
