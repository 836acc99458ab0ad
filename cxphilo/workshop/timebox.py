"""The optional time box per step: a countdown everyone can see, never a cut-off.

Pure: the clock is injected, so that tests can move time forward.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from cxphilo.errors import UsageError
from cxphilo.locale import Words, words

_PART = re.compile(r"(\d+)\s*([hms])")


def parse_duration(text: str) -> int:
    """Seconds in a duration such as "15m", "90s", "1h30m" or "20" (minutes).

    Raises UsageError for anything else, or for a duration of zero.
    """
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned.isdigit():
        seconds = int(cleaned) * 60
    else:
        parts = _PART.findall(cleaned)
        if not parts or "".join(n + u for n, u in parts) != cleaned:
            raise UsageError(
                f"time box '{text}' is not a duration",
                hint="write it like 15m, 90s or 1h30m (a bare number is minutes)",
            )
        units = [u for _, u in parts]
        if len(set(units)) != len(units):
            raise UsageError(f"time box '{text}' repeats a unit", hint="for example: 1h30m")
        seconds = sum(int(n) * {"h": 3600, "m": 60, "s": 1}[u] for n, u in parts)
    if seconds <= 0:
        raise UsageError("the time box must be longer than zero", hint="for example: 15m")
    return seconds


def clock_text(seconds: float) -> str:
    """A countdown as the room reads it: "14:05", or "1:02:00" past an hour."""
    whole = max(0, int(seconds + 0.999))  # 14:59.2 left reads 15:00, not 14:59
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Timebox:
    """A countdown for the current step; restarted at each step."""

    def __init__(
        self,
        seconds: int,
        clock: Callable[[], float] = time.monotonic,
        t: Words | None = None,
    ) -> None:
        self.seconds = seconds
        self.t = t or words("en")
        self._clock = clock
        self._started = clock()
        self.notified = False

    def restart(self) -> None:
        """Start the countdown again (a new step)."""
        self._started = self._clock()
        self.notified = False

    def remaining(self) -> float:
        """Seconds left; negative once time is up."""
        return self.seconds - (self._clock() - self._started)

    def is_up(self) -> bool:
        """True once the time box is used up."""
        return self.remaining() <= 0

    def status(self) -> str:
        """One line for the screen: the countdown, or a gentle note once time is up."""
        left = self.remaining()
        if left > 0:
            return "⏱ " + self.t(
                "{left} left of {total} for this step",
                left=clock_text(left),
                total=clock_text(self.seconds),
            )
        return "⏱ " + self.t(
            "time is up ({over} over) — finish the thought, then move on when the room is ready",
            over=clock_text(-left),
        )

    def notice_due(self) -> bool:
        """True once, the first time it is asked after time ran out."""
        if self.is_up() and not self.notified:
            self.notified = True
            return True
        return False
