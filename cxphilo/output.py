"""All terminal output goes through here: results to stdout, problems to stderr.

rich is imported only when something rich is printed, so that the fast paths
(`--version`, `schema`, `check` in CI) do not pay for it. Colour follows the
terminal: none when the stream is not a terminal or `NO_COLOR` is set.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


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
