"""One running workshop: the store, who answers, what the room sees, the time box.

Steps ask through the session's helpers rather than the asker directly: the
helpers give the time box its say between questions, offer what is already
in the document as the default, and turn empty answers into "nothing".
Every step saves through `Session.save()` right after each answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from cxphilo.document import steps
from cxphilo.document.model import Philosophy
from cxphilo.document.steps import Step
from cxphilo.locale import Words
from cxphilo.locale import words as locale_words
from cxphilo.storage.store import Store

from .answers import Refused, clean, join_list, split_list
from .asker import (
    BACK_KEY,
    JUMP_KEY,
    LIST_HINT,
    SKIP_HINT,
    Answer,
    Asker,
    Block,
    Choice,
    GoBack,
    ListValidator,
    Navigate,
    Note,
    NoteKind,
    Room,
    Screen,
    Validator,
)
from .judging import Judgement, judge
from .timebox import Timebox

__all__ = ["Entry", "Judge", "Session", "choices", "join_list", "split_list"]

Entry = Literal["fresh", "resume", "revisit"]

# Judges a vision statement in the context of a document (the criteria engine).
Judge = Callable[[str, Philosophy], "Judgement"]


def _engine_judge(statement: str, doc: Philosophy) -> Judgement:
    return judge(statement, doc)


def _refusing(parse: Callable[[str], Any], t: Words) -> Validator:
    """A prompt validator from a parser: the parser's refusal is the reason shown, in `t`."""

    def check(answer: str) -> bool | str:
        try:
            parse(answer)
        except Refused as exc:
            return t.say(exc.text)
        return True

    return check


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
        words: Words | None = None,
    ) -> None:
        self.store = store
        # The room's words: the interface language's catalog (`cxphilo.locale`).
        self.t: Words = words or locale_words(store.doc.company.language)
        # Words that go into the document (suggestions), in the document's own language.
        self.content: Words = locale_words(store.doc.company.language)
        self.asker = asker
        self.screen = screen
        self.timebox = timebox
        self.today = today or dt.date.today()
        self.judge: Judge = judge or _engine_judge
        self.entry: Entry = "fresh"  # how the current step was entered (the runner sets it)
        self.step: Step | None = None  # the step being run (the runner sets it)
        # Answers that steer the questions but are not kept in the document
        # ("record baselines for this value?"): asked again after a restart.
        self.memory: dict[str, Any] = {}
        # The phones in the room (`cxphilo workshop --room`), when there are any.
        self.room: Room | None = None
        asker.status = timebox.status if timebox else None
        asker.t = self.t

    @property
    def doc(self) -> Philosophy:
        """The document being written."""
        return self.store.doc

    @property
    def language(self) -> str:
        """The document's language, for suggestions and the criteria."""
        return self.doc.company.language

    def step_done(self, first_unanswered: object = None) -> bool:
        """Whether the current step is done, by the steps' own rule (`cxphilo.document.steps`).

        Without a step (a step module run on its own, in tests) a step is done
        when no question is left unanswered.
        """
        if self.step is None:
            return first_unanswered is None
        return steps.status(self.doc)[self.step.number - 1].state == "done"

    def save(self) -> None:
        """Write the document now (atomically; a no-op when nothing changed)."""
        self.store.save()

    def show(self, block: Block) -> None:
        """Show a block to the room."""
        self.screen.show(block)

    def note(self, text: str, kind: NoteKind = "info", *, items: Sequence[str] = ()) -> None:
        """Show a short line to the room; `items` one per line under it."""
        self.screen.show(Note(text, kind, tuple(items)))

    def _tick(self) -> None:
        # The room hears once that time is up; nobody is cut off.
        if self.timebox is not None and self.timebox.notice_due():
            self.note(
                self.t(
                    "Time is up for this step. No rush: finish the current thought, "
                    "then move on when the room is ready."
                ),
                "warning",
            )

    def wait(
        self,
        message: str,
        arrived: Callable[[], Sequence[str]],
        ready: Callable[[], bool],
    ) -> bool:
        """Wait while the room acts on its phones: each line `arrived` gives is shown as it
        comes. True once `ready`, False when the facilitator presses Enter first."""
        self.note(message, "info")
        while True:
            self._tick()
            for line in arrived():
                self.note(line, "done")
            self.screen.flush()
            if ready():
                return True
            if self.asker.pause(0.25):
                return False

    # --- the questions ---------------------------------------------------------------
    #
    # Each helper gives the time box its say, lets the screen show the step on top,
    # and repeats the answer for the room (`echo`). Ctrl-B and Ctrl-G raise GoBack
    # and JumpTo only where the caller says it handles them (`navigable`); elsewhere
    # the room is told what they do, and the same question is asked again.

    def _before(self) -> None:
        self._tick()
        self.screen.question()

    def _cannot(self, move: Navigate) -> None:
        t = self.t
        if isinstance(move, GoBack):
            back = t("{key} goes back one answer in a step's questions; not here.", key=BACK_KEY)
            self.note(back)
        else:
            jump = t("{key} lists the answers of a step's questions; not here.", key=JUMP_KEY)
            self.note(jump)

    def _echo(self, message: str, answer: Sequence[str]) -> None:
        self.screen.show(Answer(message, tuple(answer)))

    def _ask(self, question: Callable[[], Any], navigable: bool) -> Any:
        """Ask until answered: Ctrl-B or Ctrl-G where they mean nothing are said so, and
        the same question comes again."""
        while True:
            self._before()
            try:
                return question()
            except Navigate as move:
                if navigable:
                    raise
                self._cannot(move)

    def text(
        self,
        message: str,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        instruction: str | None = None,
        navigable: bool = False,
        echo: bool = True,
    ) -> str:
        """Free text, trimmed; `default` is offered selected (typing replaces it)."""
        check = validate or _refusing(clean, self.t)
        answer: str = self._ask(
            lambda: self.asker.text(
                message, default=default or "", validate=check, instruction=instruction
            ),
            navigable,
        ).strip()
        if echo:
            self._echo(message, [answer] if answer else [])
        return answer

    def required(
        self, message: str, *, default: str | None = None, instruction: str | None = None
    ) -> str:
        """Text that cannot be left empty."""

        def check(answer: str) -> bool | str:
            try:
                text = clean(answer)
            except Refused as exc:
                return self.t.say(exc.text)
            return True if text else self.t("Please type an answer.")

        return clean(self.text(message, default=default, validate=check, instruction=instruction))

    def optional(
        self, message: str, current: str | None, *, instruction: str | None = None
    ) -> str | None:
        """Text that may stay empty; the current answer is offered to edit."""
        instruction = instruction or self.t(SKIP_HINT)
        return clean(self.text(message, default=current, instruction=instruction)) or None

    def items(
        self, message: str, current: Sequence[str], *, instruction: str | None = None
    ) -> list[str]:
        """A short list typed on one line, separated by `;`."""
        return split_list(
            self.text(
                message,
                default=join_list(current),
                validate=_refusing(split_list, self.t),
                instruction=instruction or self.t(LIST_HINT),
            )
        )

    def select(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        default: Any = None,
        navigable: bool = False,
        echo: bool = True,
    ) -> Any:
        """One of the choices' values; `default` is where the pointer starts."""
        value = self._ask(lambda: self.asker.select(message, choices, default=default), navigable)
        if echo:
            self._echo(message, [c.title for c in choices if c.value == value][:1])
        return value

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        validate: ListValidator | None = None,
        instruction: str | None = None,
        secret: bool = False,
        navigable: bool = False,
        echo: bool = True,
    ) -> list[Any]:
        """The ticked choices' values; `secret` for a ballot (never repeated on screen)."""
        picked: list[Any] = self._ask(
            lambda: self.asker.checkbox(
                message, choices, validate=validate, instruction=instruction, secret=secret
            ),
            navigable,
        )
        if echo and not secret:
            self._echo(message, [c.title for c in choices if c.value in picked])
        return picked

    def confirm(
        self, message: str, *, default: bool = True, navigable: bool = False, echo: bool = True
    ) -> bool:
        """Yes or no."""
        answer = bool(self._ask(lambda: self.asker.confirm(message, default=default), navigable))
        if echo:
            self._echo(message, [self.t("yes") if answer else self.t("no")])
        return answer


def choices(values: Sequence[str], labels: Callable[[str], str] | None = None) -> list[Choice]:
    """Choices whose title is the label of each value (the value itself by default)."""
    return [Choice(labels(v) if labels else v, v) for v in values]
