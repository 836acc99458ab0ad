"""An asker that answers from a list: the non-interactive twin of the terminal.

Each item of the script answers the next question:
- a plain answer (text, a choice's value or title, a list for a checkbox, a bool);
- `DEFAULT`, pressing Enter on what is offered;
- `BACK` or `JUMP`, the keys that go back one answer or list the step's answers;
- `(fragment, answer)`: the question must contain `fragment`, a guard that
  keeps a long script in step with the questions;
- a `KeyboardInterrupt` (class or instance): Ctrl-C at that question.

An answer that fails the question's validation is recorded in `rejected`
and the question is asked again with the next item, as a person would retype.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .asker import Choice, GoBack, JumpTo, ListValidator, Validator


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT: Any = _Default()
BACK: Any = GoBack
JUMP: Any = JumpTo


class ScriptError(AssertionError):
    """The script and the questions went out of step."""


@dataclass
class Asked:
    """One question as it was asked, and what the script answered."""

    kind: str
    message: str
    answer: Any
    choices: tuple[Choice, ...] = ()


class ScriptedAsker:
    """Answers questions from `script`, in order; records every question asked."""

    def __init__(self, script: Iterable[Any]) -> None:
        self.script: list[Any] = list(script)
        self.asked: list[Asked] = []
        self.rejected: list[tuple[str, Any, str]] = []
        self.status: Callable[[], str] | None = None
        self.t: Callable[[str], str] = str  # the room's words (the session sets them)
        self.statuses: list[str] = []  # the status line as it was at each question
        # What the room does while the facilitator waits (phones, in tests); returns
        # True to press Enter. Without it, Enter is pressed at once.
        self.on_pause: Callable[[], bool] | None = None
        self.pauses = 0

    @property
    def remaining(self) -> int:
        return len(self.script)

    def _next(self, kind: str, message: str, choices: Sequence[Choice] = ()) -> Any:
        if self.status is not None:
            self.statuses.append(self.status())
        if not self.script:
            raise ScriptError(f"no answer left for {kind} question: {message!r}")
        item = self.script.pop(0)
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            fragment, item = item
            if fragment.casefold() not in message.casefold():
                raise ScriptError(f"expected a question about {fragment!r}, got {message!r}")
        if isinstance(item, type) and issubclass(item, BaseException):
            item = item()
        if isinstance(item, BaseException):
            self.asked.append(Asked(kind, message, item, tuple(choices)))
            raise item
        return item

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        while True:
            item = self._next("text", message)
            answer = default if item is DEFAULT else str(item)
            verdict = validate(answer) if validate else True
            if verdict is True:
                self.asked.append(Asked("text", message, answer))
                return answer.strip()
            self.rejected.append((message, answer, "" if verdict is False else str(verdict)))

    def select(self, message: str, choices: Sequence[Choice], *, default: Any = None) -> Any:
        item = self._next("select", message, choices)
        if item is DEFAULT:
            answer = default if default is not None else choices[0].value
        else:
            answer = _pick(message, choices, item)
        self.asked.append(Asked("select", message, answer, tuple(choices)))
        return answer

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        validate: ListValidator | None = None,
        instruction: str | None = None,
        secret: bool = False,
    ) -> list[Any]:
        while True:
            item = self._next("checkbox", message, choices)
            if item is DEFAULT:
                answer = [c.value for c in choices if c.checked]
            else:
                answer = [_pick(message, choices, one) for one in item]
            verdict = validate(answer) if validate else True
            if verdict is True:
                self.asked.append(Asked("checkbox", message, answer, tuple(choices)))
                return answer
            self.rejected.append((message, answer, "" if verdict is False else str(verdict)))

    def confirm(self, message: str, *, default: bool = True) -> bool:
        item = self._next("confirm", message)
        answer = default if item is DEFAULT else bool(item)
        self.asked.append(Asked("confirm", message, answer))
        return answer

    def pause(self, seconds: float) -> bool:
        self.pauses += 1
        return True if self.on_pause is None else self.on_pause()


def _pick(message: str, choices: Sequence[Choice], item: Any) -> Any:
    for choice in choices:
        if choice.value == item:
            return choice.value
    for choice in choices:
        if isinstance(item, str) and choice.title.casefold().startswith(item.casefold()):
            return choice.value
    titles = ", ".join(repr(c.title) for c in choices)
    raise ScriptError(f"{item!r} is not a choice of {message!r} ({titles})")
