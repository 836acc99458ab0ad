"""What the steps need from whoever answers: an abstract asker, and what they show.

The steps never touch a terminal. They ask through an `Asker` (questionary in
the terminal, a scripted list of answers in the tests) and show `Block`s on
a `Screen` (rich in the terminal, a list in the tests).

Two keys move around instead of answering: "back one answer" and "the
answers of this step". The asker raises `GoBack` or `JumpTo` for them; the
session decides what they mean where they are pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from cxphilo.locale import N_

Validator = Callable[[str], "bool | str"]
ListValidator = Callable[[list[Any]], "bool | str"]

# The keys, as the room is told about them (prompt_toolkit names in cxphilo.workshop.prompts).
BACK_KEY = "Ctrl-B"
JUMP_KEY = "Ctrl-G"


class Navigate(Exception):
    """The facilitator pressed a key that moves instead of answering."""


class GoBack(Navigate):
    """Back one answer: ask the previous question again, its answer offered to edit."""


class JumpTo(Navigate):
    """Show the answers of this step and let the facilitator pick one to change."""


@dataclass(frozen=True)
class Choice:
    """One choice of a select or checkbox question."""

    title: str
    value: Any
    description: str | None = None  # shown while the choice is highlighted
    checked: bool = False  # preselected in a checkbox


class Asker(Protocol):
    """Asks one question and returns the answer; Ctrl-C raises KeyboardInterrupt.

    Every method may raise `GoBack` or `JumpTo` instead of answering.
    """

    status: Callable[[], str] | None  # a live status line (the time box), when there is one
    t: Callable[[str], str]  # the room's words, for what the asker itself writes

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        """Free text. The default is offered selected: typing replaces it, an arrow edits it."""
        ...

    def select(self, message: str, choices: Sequence[Choice], *, default: Any = None) -> Any:
        """One of the choices' values."""
        ...

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        validate: ListValidator | None = None,
        instruction: str | None = None,
        secret: bool = False,
    ) -> list[Any]:
        """Any number of the choices' values; `Choice.checked` ones start ticked.

        `secret`: a ballot; nothing of it stays on screen once it is cast.
        """
        ...

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """Yes or no."""
        ...

    def pause(self, seconds: float) -> bool:
        """Wait up to `seconds` for Enter while the room acts; True when it was pressed."""
        ...


class Room(Protocol):
    """The phones in the room (`cxphilo.room.hall.Hall`), as the steps use them.

    The steps open one phase at a time and wait; the phones write through the
    same store meanwhile, and only then.
    """

    def open_ideas(self) -> None: ...
    def open_ballot(self, index: int) -> None: ...
    def reveal(self, counts: Mapping[str, int], kept: Sequence[str]) -> None: ...
    def open_review(self, statement: str) -> None: ...
    def close(self) -> None: ...
    def voted(self) -> list[str]: ...
    def spread(self) -> dict[str, tuple[int, int]]: ...
    def joined(self) -> Sequence[Any]: ...
    def remove(self, seat_id: str) -> Any: ...


# --- what is shown ----------------------------------------------------------------------


StepState = Literal["done", "partly", "not started", "current"]


@dataclass(frozen=True)
class Header:
    """Where the team is: step n of 7, its name, what is done and what is left."""

    number: int
    total: int
    name: str
    title: str
    steps: tuple[tuple[int, str, StepState], ...]  # number, name, state of every step
    timebox: str | None = None
    caption: str | None = None  # "Step 1 of 7 · assess", in the room's language


@dataclass(frozen=True)
class Guidance:
    """What the step is for, the one question that matters, an example."""

    purpose: str
    question: str
    example: str
    # The panel's own words: its title, "The question:", "Example:".
    labels: tuple[str, str, str] = ("What this step is for", "The question:", "Example:")


# Asked before the language is known, so in all of them at once.
LANGUAGE_QUESTION = "Language · Sprog · Språk · Dil · 语言"

# The keys that move around, on a line under every question.
KEYS_HINT = N_("Ctrl-B back · Ctrl-G answers · Ctrl-C stop · typing replaces, → edits")
SELECT_HINT = N_("(↑↓ and Enter)")
# Under a question that may be left empty, and one that takes a list.
SKIP_HINT = N_("(Enter to skip)")
LIST_HINT = N_("(separate with ;  Enter to skip)")
TICKS_HINT = N_("(↑↓ to move, space to tick, Enter when done)")

NoteKind = Literal["info", "done", "warning", "question"]


@dataclass(frozen=True)
class Note:
    """A short line: information, something done, something to look at, or a heading.

    `items` are shown one per line under it: names and options may contain commas.
    """

    text: str
    kind: NoteKind = "info"
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """Rows under a title; the first column is the row's name."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None


@dataclass(frozen=True)
class Answer:
    """A question and the answer just given, repeated so the room can read it."""

    question: str
    answer: tuple[str, ...]  # one line per item; empty: left empty


@dataclass(frozen=True)
class Finding:
    criterion: str | None
    message: str
    fix: str | None = None


@dataclass(frozen=True)
class Verdicts:
    """The three vision criteria, each pass or fail, with what led to it."""

    statement: str
    criteria: tuple[tuple[str, str], ...]  # (criterion, "pass" | "fail" | "skip")
    findings: tuple[Finding, ...] = ()
    title: str = "The three criteria"


@dataclass(frozen=True)
class Private:
    """Everything on screen is wiped: a secret ballot starts or has just been cast."""

    reason: str


@dataclass(frozen=True)
class Picture:
    """Lines drawn as they are, never wrapped: the room's QR code."""

    lines: tuple[str, ...]


Block = Header | Guidance | Note | Table | Answer | Verdicts | Private | Picture


class Screen(Protocol):
    """Shows blocks to the room."""

    def show(self, block: Block) -> None:
        """Show a block (the terminal may hold it until the next question)."""
        ...

    def question(self) -> None:
        """A question is about to be asked: show what is pending, with the step in view."""
        ...

    def flush(self) -> None:
        """Show whatever is pending now: the workshop stops or ends."""
        ...


@dataclass
class RecordingScreen:
    """A screen that keeps what it was shown (tests, and runs without a terminal)."""

    blocks: list[Block] = field(default_factory=list)
    questions: int = 0

    def show(self, block: Block) -> None:
        self.blocks.append(block)

    def question(self) -> None:
        self.questions += 1

    def flush(self) -> None:
        pass

    def text(self) -> str:
        """Everything shown, as plain text, for assertions."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Header):
                lines.append(f"step {block.number} of {block.total} · {block.name}")
            elif isinstance(block, Guidance):
                lines += [block.purpose, block.question, block.example]
            elif isinstance(block, Note):
                lines.append(block.text)
                lines += [f"  • {item}" for item in block.items]
            elif isinstance(block, Table):
                lines.append(block.title)
                lines += [" | ".join(row) for row in block.rows]
            elif isinstance(block, Answer):
                lines.append(f"{block.question} → {' | '.join(block.answer) or '—'}")
            elif isinstance(block, Private):
                lines.append(f"[screen wiped: {block.reason}]")
            elif isinstance(block, Picture):
                lines += list(block.lines)
            else:
                lines.append(block.statement)
                lines += [f"{c}: {v}" for c, v in block.criteria]
                lines += [f.message for f in block.findings]
        return "\n".join(lines)
