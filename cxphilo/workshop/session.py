"""One running workshop: the store, who answers, what the room sees, the time box.

Steps ask through the session's helpers rather than the asker directly: the
helpers give the time box its say between questions, offer what is already
in the document as the default, and turn empty answers into "nothing".
Every step saves through `Session.save()` right after each answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from cxphilo.model import Philosophy
from cxphilo.store import Store

from .asker import Asker, Block, Choice, ListValidator, Note, NoteKind, Screen, Validator
from .timebox import Timebox

LIST_HINT = "(separate with ;  Enter to skip)"

if TYPE_CHECKING:
    from .vision import Judgement

# Judges a vision statement in the context of a document (the criteria engine).
Judge = Callable[[str, Philosophy], "Judgement"]


def _engine_judge(statement: str, doc: Philosophy) -> Judgement:
    from .vision import judge

    return judge(statement, doc)


def split_list(answer: str) -> list[str]:
    """Items of a `;`-separated answer, trimmed, without blanks or repeats."""
    items: list[str] = []
    seen: set[str] = set()
    for part in answer.split(";"):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


def join_list(items: Sequence[str]) -> str:
    """The answer to offer again for a list: its items separated by `; `."""
    return "; ".join(items)


def _integer(minimum: int) -> Validator:
    def check(answer: str) -> bool | str:
        text = answer.strip()
        if not text:
            return True
        if not text.isdigit() or int(text) < minimum:
            return f"Type a whole number of at least {minimum}, or leave it empty."
        return True

    return check


def _number(answer: str) -> bool | str:
    text = answer.strip().replace(",", ".")
    if not text:
        return True
    try:
        value = float(text)
    except ValueError:
        return "Type a number (for example 72 or 4.5), or leave it empty."
    if value != value or value in (float("inf"), float("-inf")):
        return "Type a finite number."
    return True


def _date(answer: str) -> bool | str:
    text = answer.strip()
    if not text:
        return True
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return "Type a date as YYYY-MM-DD (for example 2026-03-31), or leave it empty."
    return True


def parse_number(text: str) -> int | float:
    """A typed number: an int when it was typed as one, a decimal comma allowed."""
    value = float(text.strip().replace(",", "."))
    return int(value) if value.is_integer() and "." not in text and "," not in text else value


class Session:
    """A workshop in progress on one document."""

    def __init__(
        self,
        store: Store,
        asker: Asker,
        screen: Screen,
        *,
        timebox: Timebox | None = None,
        today: dt.date | None = None,
        judge: Judge | None = None,
    ) -> None:
        self.store = store
        self.asker = asker
        self.screen = screen
        self.timebox = timebox
        self.today = today or dt.date.today()
        self.judge: Judge = judge or _engine_judge
        asker.status = timebox.status if timebox else None

    @property
    def doc(self) -> Philosophy:
        """The document being written."""
        return self.store.doc

    @property
    def language(self) -> str:
        """The document's language, for suggestions and the criteria."""
        return self.doc.company.language

    def save(self) -> None:
        """Write the document now (atomically; a no-op when nothing changed)."""
        self.store.save()

    def show(self, block: Block) -> None:
        """Show a block to the room."""
        self.screen.show(block)

    def note(self, text: str, kind: NoteKind = "info") -> None:
        """Show a short line to the room."""
        self.screen.show(Note(text, kind))

    def _tick(self) -> None:
        # The room hears once that time is up; nobody is cut off.
        if self.timebox is not None and self.timebox.notice_due():
            self.note(
                "Time is up for this step. No rush: finish the current thought, "
                "then move on when the room is ready.",
                "warning",
            )

    # --- the questions ---------------------------------------------------------------

    def text(
        self,
        message: str,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        """Free text, trimmed; `default` is already typed in and can be edited."""
        self._tick()
        return self.asker.text(
            message, default=default or "", validate=validate, instruction=instruction
        ).strip()

    def required(
        self, message: str, *, default: str | None = None, instruction: str | None = None
    ) -> str:
        """Text that cannot be left empty."""

        def check(answer: str) -> bool | str:
            return True if answer.strip() else "Please type an answer."

        return self.text(message, default=default, validate=check, instruction=instruction)

    def optional(
        self, message: str, current: str | None, *, instruction: str = "(Enter to skip)"
    ) -> str | None:
        """Text that may stay empty; the current answer is offered to edit."""
        return self.text(message, default=current, instruction=instruction) or None

    def items(
        self, message: str, current: Sequence[str], *, instruction: str = LIST_HINT
    ) -> list[str]:
        """A short list typed on one line, separated by `;`."""
        return split_list(self.text(message, default=join_list(current), instruction=instruction))

    def integer(self, message: str, current: int | None, *, minimum: int = 1) -> int | None:
        """A whole number of at least `minimum`, or None when left empty."""
        answer = self.text(
            message,
            default=str(current) if current is not None else None,
            validate=_integer(minimum),
            instruction="(a number; Enter to skip)",
        )
        return int(answer) if answer else None

    def number(self, message: str, current: int | float | None) -> int | float | None:
        """A number (a baseline, a target), or None when left empty."""
        answer = self.text(
            message,
            default=f"{current:g}" if current is not None else None,
            validate=_number,
            instruction="(Enter to skip)",
        )
        return parse_number(answer) if answer else None

    def date(self, message: str, current: dt.date | None) -> dt.date | None:
        """A date typed as YYYY-MM-DD, or None when left empty."""
        answer = self.text(
            message,
            default=current.isoformat() if current else None,
            validate=_date,
            instruction="(YYYY-MM-DD; Enter to skip)",
        )
        return dt.date.fromisoformat(answer) if answer else None

    def select(self, message: str, choices: Sequence[Choice], *, default: Any = None) -> Any:
        """One of the choices' values; `default` is where the pointer starts."""
        self._tick()
        return self.asker.select(message, choices, default=default)

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        validate: ListValidator | None = None,
        instruction: str | None = None,
        secret: bool = False,
    ) -> list[Any]:
        """The ticked choices' values; `secret` for a ballot."""
        self._tick()
        return self.asker.checkbox(
            message, choices, validate=validate, instruction=instruction, secret=secret
        )

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """Yes or no."""
        self._tick()
        return self.asker.confirm(message, default=default)

    def pick_many(
        self,
        message: str,
        options: Sequence[str],
        current: Sequence[str],
        *,
        other: str | None = None,
    ) -> list[str]:
        """Tick from `options`; with `other`, a second question takes anything not listed."""
        folded = {c.casefold() for c in current}
        choices = [Choice(o, o, checked=o.casefold() in folded) for o in options]
        picked: list[str] = self.checkbox(message, choices)
        if other is None:
            return picked
        known = {o.casefold() for o in options}
        extra = [c for c in current if c.casefold() not in known]
        return picked + [item for item in self.items(other, extra) if item.casefold() not in known]


def choices(values: Sequence[str], labels: Callable[[str], str] | None = None) -> list[Choice]:
    """Choices whose title is the label of each value (the value itself by default)."""
    return [Choice(labels(v) if labels else v, v) for v in values]
