"""Questions asked in the terminal, at the edge: every prompt goes through here.

questionary is imported inside the functions so that commands that never ask
do not pay for it. Questions are asked with `unsafe_ask()` so that Ctrl-C
raises KeyboardInterrupt, which the caller turns into a clean stop after the
answers so far are saved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .model import LANGUAGE_NAMES, LANGUAGES

if TYPE_CHECKING:
    from .workshop.asker import Choice as WorkshopChoice


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


# --- the workshop's asker ----------------------------------------------------------------


class QuestionaryAsker:
    """The workshop's `Asker` in a terminal: questionary prompts, Ctrl-C raises.

    When `status` is set (the time box), every prompt shows it as a live line
    under the question, refreshed each second; it never interrupts typing.
    """

    def __init__(self, *, input: Any = None, output: Any = None) -> None:
        self.status: Callable[[], str] | None = None
        # prompt_toolkit's input and output; tests pass a pipe and a dummy output.
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
        instruction: str | None = None,
    ) -> str:
        """Free text; see `cxphilo.workshop.asker.Asker`."""
        import questionary

        question = questionary.text(
            message, default=default, validate=validate, instruction=instruction, **self._io
        )
        return str(self._ask(question) or "")

    def select(
        self, message: str, choices: Sequence[WorkshopChoice], *, default: Any = None
    ) -> Any:
        """One choice, with the arrows; see `Asker`."""
        import questionary

        items = [
            questionary.Choice(c.title, value=c.value, description=c.description) for c in choices
        ]
        start = next((item for item in items if item.value == default), None)
        # No j/k moves: a facilitator types a lot, and a stray letter in a menu
        # must not move the choice that Enter then takes.
        question = questionary.select(
            message,
            choices=items,
            default=start,
            instruction="(↑↓ and Enter)",
            use_jk_keys=False,
            **self._io,
        )
        return self._ask(question)

    def checkbox(
        self,
        message: str,
        choices: Sequence[WorkshopChoice],
        *,
        validate: Callable[[list[Any]], bool | str] | None = None,
        instruction: str | None = None,
        secret: bool = False,
    ) -> list[Any]:
        """Ticked choices, with the arrows and space; see `Asker`."""
        import questionary

        items = [
            questionary.Choice(c.title, value=c.value, description=c.description, checked=c.checked)
            for c in choices
        ]
        question = questionary.checkbox(
            message,
            choices=items,
            validate=validate or (lambda _: True),
            instruction=instruction or "(↑↓ to move, space to tick, Enter when done)",
            use_jk_keys=False,
            **self._io,
        )
        picked = list(self._ask(question) or [])
        if len(picked) > 1 and not secret:
            # questionary only says "done (3 selections)"; the room wants to see which.
            titles = [_short(c.title) for c in choices if c.value in picked]
            _echo("  → " + ", ".join(titles))
        return picked

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """Yes or no; see `Asker`."""
        import questionary

        return bool(self._ask(questionary.confirm(message, default=default, **self._io)))

    def _ask(self, question: Any) -> Any:
        if self.status is not None:
            _add_status_line(question.application, self.status)
        try:
            return question.unsafe_ask()
        except EOFError:
            # Ctrl-D: the same as Ctrl-C here, a wish to stop.
            raise KeyboardInterrupt from None


def _add_status_line(application: Any, status: Callable[[], str]) -> None:
    """Put a live status line under a prompt, without touching how the prompt works."""
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    layout = application.layout
    line = ConditionalContainer(
        Window(FormattedTextControl(lambda: [("class:status", status())]), height=1),
        filter=~is_done,
    )
    application.layout = Layout(
        HSplit([layout.container, line]), focused_element=layout.current_window
    )
    application.refresh_interval = 1.0


def _short(title: str) -> str:
    """A choice's title without its remarks in brackets and its alignment spaces."""
    import re

    return " ".join(re.sub(r"\s*\(.*?\)", "", title).split())


def _echo(text: str) -> None:
    from rich.text import Text

    from .output import console

    console().print(Text(text, style="dim"), soft_wrap=True)
