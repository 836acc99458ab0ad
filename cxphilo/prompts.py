"""Questions asked in the terminal, at the edge: every prompt goes through here.

questionary is imported inside the functions so that commands that never ask
do not pay for it. Questions are asked with `unsafe_ask()` so that Ctrl-C
raises KeyboardInterrupt, which the caller turns into a clean stop after the
answers so far are saved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from .model import LANGUAGE_NAMES, LANGUAGES


def interactive() -> bool:
    """True when a person can answer: stdin and stdout are both terminals."""
    if os.environ.get("CXPHILO_NO_TTY"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def required(answer: str) -> bool | str:
    return True if answer.strip() else "Please type an answer."


def text(
    message: str, default: str = "", validate: Callable[[str], bool | str] | None = None
) -> str:
    import questionary

    answer = questionary.text(message, default=default, validate=validate).unsafe_ask()
    return str(answer).strip()


def select(message: str, choices: list[Any], default: Any = None) -> Any:
    import questionary

    return questionary.select(message, choices=choices, default=default).unsafe_ask()


def select_language(default: str = "en") -> str:
    import questionary

    choices = [
        questionary.Choice(f"{code} — {LANGUAGE_NAMES[code]}", value=code) for code in LANGUAGES
    ]
    return str(select("Language of the workshop and the charter", choices, default=default))
