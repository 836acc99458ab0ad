"""All terminal output goes through here: results to stdout, problems to stderr.

rich is imported only when something rich is printed, so that the fast paths
(`--version`, `schema`, `check` in CI) do not pay for it. Colour follows the
terminal: none when the stream is not a terminal or `NO_COLOR` is set.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


# Characters a terminal, a CI log or a reader's eye would act on rather than show:
# C0 and C1 controls, DEL, the bidirectional overrides and isolates (text that
# reads differently from how it is stored), and the Unicode non-characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_INVISIBLE_ONE_LINE = re.compile(_INVISIBLE.pattern[:-1] + "\n\t\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e", "\x07": "\\a"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character shown as a visible escape (`\\e`, `\\x07`).

    Typed text, or text that came through YAML escapes, reaches a terminal or a
    CI log only this way, so that it can never move the cursor, retitle the
    window, start a workflow command or reverse the reading order. With
    `multiline`, line breaks and tabs are kept as they are.
    """
    pattern = _INVISIBLE if multiline else _INVISIBLE_ONE_LINE
    return pattern.sub(_escape, text)


def out(text: str = "") -> None:
    """A plain line of results on stdout."""
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """A plain line on stderr: errors, warnings, hints."""
    sys.stderr.write(text + "\n")


def warn(text: str) -> None:
    err(f"warning: {text}")


def colour_wanted(stream: Any) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


@cache
def console() -> Console:
    """The rich console for stdout (tables, panels)."""
    from rich.console import Console

    return Console(highlight=False, no_color=not colour_wanted(sys.stdout), soft_wrap=False)


@cache
def error_console() -> Console:
    """The rich console for stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, no_color=not colour_wanted(sys.stderr))


def print_json(data: Any) -> None:
    """Machine output: JSON on stdout, UTF-8 kept readable."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
