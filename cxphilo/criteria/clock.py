"""Closing times written in a statement: "until 22:00", "till eight in the evening",
"til kl. 20", "22'ye kadar", "到晚上10点".

The words come from the `clock` entry of each language's lexicon: the words
before a time ("until") or after it ("kadar", "前"), the words between
("kl."), those that make it the evening ("pm", "akşam") or the morning, hours
written as words, and words that are a time on their own ("midnight").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

from .capacity import DAY, NIGHT_END
from .lexicon import fold_pattern, lexicon

Span = tuple[int, int]


class Closing(NamedTuple):  # cheaper to make at start-up than a dataclass
    """A closing time the statement promises."""

    span: Span  # where it is written
    minutes: int  # minutes after midnight of the day it applies to; past 24:00 after midnight


def closings(
    language: str, folded: str, after_ok: Callable[[int], bool] | None = None
) -> list[Closing]:
    """Every closing time in folded text. `after_ok(end)` may refuse a match by what
    follows it (a time unit: "until 24 hours later" is no closing time)."""
    found = []
    for pattern in _patterns(language):
        for match in pattern.finditer(folded):
            minutes = _minutes(language, match)
            if minutes is None or (after_ok is not None and not after_ok(match.end())):
                continue
            found.append(Closing(match.span(), minutes))
    return found


def _minutes(language: str, match: re.Match[str]) -> int | None:
    """The closing time of a match, read as a closing time: "until 8" is 20:00."""
    words = _words(language)
    groups = match.groupdict()
    minute = int(groups["minute"]) if groups.get("minute") else 0
    twenty_four = False  # written on the 24-hour clock: "08:00", "20:00"
    if groups.get("time"):
        hour = _lookup(words["times"], groups["time"])
    elif groups.get("name"):
        hour = _lookup(words["hours"], groups["name"])
    else:
        digits = groups["hour"]
        hour = int(digits)
        twenty_four = digits.startswith("0") or hour >= 13
    if hour is None or hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    evening = bool(groups.get("pm") or groups.get("pm_before"))
    morning = bool(groups.get("am") or groups.get("am_before"))
    if groups.get("time"):
        pass  # "midnight", "noon": the word says which
    elif evening and hour < 12:
        hour += 12
    elif morning and hour == 12:
        hour = 0
    elif not morning and not twenty_four and 1 <= hour <= 11:
        # Nobody closes support at eight in the morning: "until 8" means the evening.
        hour += 12
    total = hour * 60 + minute
    # A closing time at or before the end of the night is after midnight.
    if total <= NIGHT_END:
        total += DAY
    return total


def _lookup(table: dict[str, int], found: str) -> int | None:
    for word, value in table.items():
        core = word.rstrip("*")
        if found == core or (word.endswith("*") and found.startswith(core)):
            return value
    return None


@cache
def _words(language: str) -> dict[str, Any]:
    raw: dict[str, Any] = lexicon(language).data.get("clock") or {}
    lang = lexicon(language).language

    def folded(key: str) -> list[str]:
        return [fold_pattern(w, lang) for w in raw.get(key) or []]

    return {
        **{k: folded(k) for k in ("until", "until_after", "prefix", "pm_before", "am_before")},
        **{k: folded(k) for k in ("pm", "am", "suffix")},
        "hours": {fold_pattern(k, lang): int(v) for k, v in (raw.get("hours") or {}).items()},
        "times": {fold_pattern(k, lang): int(v) for k, v in (raw.get("times") or {}).items()},
        "needs_mark": bool(raw.get("needs_mark")),
    }


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    words = _words(language)
    cjk = lexicon(language).cjk
    gap = r"\s*" if cjk else r"\s+"
    edge_before = "" if cjk else r"(?<!\w)"
    edge_after = "" if cjk else r"(?!\w)"
    mark = _alternatives(words["suffix"], cjk)
    minutes = r"(?:[:.](?P<minute>\d{2}))"
    number = r"(?P<hour>\d{1,2})(?!\d)"
    names = _alternatives(list(words["hours"]), cjk)
    if words["needs_mark"]:
        # Chinese: a number is a time only with its mark ("10点", "22:00").
        digits = f"{number}(?:{minutes}(?:{mark})?|{mark})" if mark else f"{number}{minutes}"
        named = f"(?P<name>{names})(?:{mark})" if names and mark else None
    else:
        digits = f"{number}{minutes}?(?:\\s*(?:{mark}))?" if mark else f"{number}{minutes}?"
        named = f"(?P<name>{names})(?:\\s*(?:{mark}))?" if names else None
    times = _alternatives(list(words["times"]), cjk)
    choices = [digits] + ([named] if named else []) + ([f"(?P<time>{times})"] if times else [])
    when = "(?:" + "|".join(choices) + ")"
    prefix = f"(?:{_alternatives(words['prefix'], cjk)}\\s*)?" if words["prefix"] else ""
    before = ""
    if words["pm_before"] or words["am_before"]:
        options = []
        if words["pm_before"]:
            options.append(f"(?P<pm_before>{_alternatives(words['pm_before'], cjk)}){gap}")
        if words["am_before"]:
            options.append(f"(?P<am_before>{_alternatives(words['am_before'], cjk)}){gap}")
        before = "(?:" + "|".join(options) + ")?"
    after = ""
    if words["pm"] or words["am"]:
        options = []
        if words["pm"]:
            options.append(f"\\s*(?P<pm>{_alternatives(words['pm'], cjk)})")
        if words["am"]:
            options.append(f"\\s*(?P<am>{_alternatives(words['am'], cjk)})")
        after = "(?:" + "|".join(options) + ")?"
    # Turkish writes a case ending on the time: "22'ye kadar".
    ending = r"(?:'\w+)?"
    found = []
    if words["until"]:
        until = _alternatives(words["until"], cjk)
        found.append(
            re.compile(f"{edge_before}(?:{until}){gap}{prefix}{before}{when}{after}{edge_after}")
        )
    if words["until_after"]:
        until_after = _alternatives(words["until_after"], cjk)
        found.append(
            re.compile(
                f"{edge_before}{prefix}{before}{when}{ending}{after}\\s*(?:{until_after}){edge_after}"
            )
        )
    return tuple(found)


def _alternatives(entries: list[str], cjk: bool) -> str:
    """Folded words or phrases as one alternation, longest first; `*` ends a word freely."""
    out = []
    for entry in sorted(set(entries), key=len, reverse=True):
        star = entry.endswith("*")
        parts = [re.escape(p) for p in entry.rstrip("*").split()]
        rx = (r"\s*" if cjk else r"\s+").join(parts)
        if star:
            rx += r"\w*"
        elif not cjk and rx[-1:].isalnum():
            rx += r"(?!\w)"
        out.append(rx)
    return "(?:" + "|".join(out) + ")" if out else ""
