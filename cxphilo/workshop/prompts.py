"""Questions asked in the terminal, at the edge: every prompt goes through here.

questionary is imported inside the functions so that commands that never ask
do not pay for it. Questions are asked with `unsafe_ask()` so that Ctrl-C
raises KeyboardInterrupt, which the caller turns into a clean stop after the
answers so far are saved.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cxphilo.vocabulary import LANGUAGES, NATIVE_NAMES
from cxphilo.workshop.asker import KEYS_HINT, LANGUAGE_QUESTION, SELECT_HINT, TICKS_HINT

if TYPE_CHECKING:
    from cxphilo.workshop.asker import Choice as WorkshopChoice


# Set by Ctrl-C while `catch_interrupts` holds, cleared once it has stopped a prompt.
_interrupt = threading.Event()


@contextmanager
def catch_interrupts() -> Iterator[None]:
    """Ctrl-C is never lost, wherever it lands.

    Python raises KeyboardInterrupt wherever the main thread happens to be, and
    one that lands in a garbage collector's callback is printed and dropped, so
    a room's Ctrl-C between two prompts could vanish. While this holds, Ctrl-C
    also leaves a mark that the next prompt (or pause) turns into the same stop.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: Any) -> None:
        _interrupt.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        _interrupt.clear()


def _take_interrupt() -> bool:
    """Whether a Ctrl-C came and was lost on the way; the mark is spent."""
    if not _interrupt.is_set():
        return False
    _interrupt.clear()
    return True


def _stop_if_interrupted() -> None:
    """Raise the stop a Ctrl-C asked for, if one came and was lost on the way."""
    if _take_interrupt():
        raise KeyboardInterrupt


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
        questionary.Choice(f"{code} — {NATIVE_NAMES[code]}", value=code) for code in LANGUAGES
    ]
    return str(select(LANGUAGE_QUESTION, choices, default=default))


# --- the workshop's asker ----------------------------------------------------------------

# Readable on a projector with a light or a dark theme: the terminal's own colours
# (ANSI names follow the theme), weight and reverse video rather than fixed hues.
STYLE = [
    ("qmark", "fg:ansicyan bold"),
    ("question", "bold"),
    ("answer", "bold"),
    ("pointer", "fg:ansicyan bold"),
    ("highlighted", "reverse"),
    ("selected", "bold"),
    ("instruction", "italic"),
    ("text", ""),
    ("disabled", "italic"),
    ("separator", ""),
    ("pristine", "reverse"),
    ("status", "fg:ansicyan"),
    ("keys", "italic"),
]
# Fits 80 columns: the keys that move around, and what typing does to an offered answer.
# Rows a list may take, at most: the step on top, the question, the highlighted
# choice's description and the key line must fit beside it (80 by 24 included).
LIST_MARGIN = 13


class QuestionaryAsker:
    """The workshop's `Asker` in a terminal: questionary prompts, Ctrl-C raises.

    Every prompt erases itself once answered (the screen repeats the answer in
    its own words, or, for a ballot, says nothing), offers its default selected
    so that typing replaces it, and knows the keys that move around: Ctrl-B
    raises `GoBack`, Ctrl-G raises `JumpTo`. A live line under the prompt shows
    those keys and, with a time box, the countdown, refreshed each second.
    """

    def __init__(self, *, input: Any = None, output: Any = None) -> None:
        self.status: Callable[[], str] | None = None
        self.t: Callable[[str], str] = str  # the room's words (the session sets them)
        # prompt_toolkit's input and output; tests pass a pipe and a dummy output.
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def _style(self) -> Any:
        import questionary

        return questionary.Style(STYLE)

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

        pristine = _Pristine(bool(default))
        question = questionary.text(
            message,
            default=default,
            validate=validate,
            instruction=instruction,
            style=self._style(),
            lexer=pristine.lexer(),
            validate_while_typing=False,
            erase_when_done=True,
            **self._io,
        )
        return str(self._ask(question, pristine.bindings()) or "")

    def select(
        self, message: str, choices: Sequence[WorkshopChoice], *, default: Any = None
    ) -> Any:
        """One choice, with the arrows; see `Asker`."""
        import questionary

        items = [
            questionary.Choice(title, value=c.value, description=c.description)
            for title, c in zip(_numbered(choices), choices, strict=True)
        ]
        start = next((item for item in items if item.value == default), None)
        # No j/k moves: a facilitator types a lot, and a stray letter in a menu
        # must not move the choice that Enter then takes.
        question = questionary.select(
            message,
            choices=items,
            default=start,
            instruction=self.t(SELECT_HINT),
            use_jk_keys=False,
            style=self._style(),
            erase_when_done=True,
            **self._io,
        )
        return self._ask(question, _shortcuts(question, len(items), tick=False))

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
            questionary.Choice(title, value=c.value, description=c.description, checked=c.checked)
            for title, c in zip(_numbered(choices), choices, strict=True)
        ]
        question = questionary.checkbox(
            message,
            choices=items,
            validate=validate or (lambda _: True),
            instruction=instruction or self.t(TICKS_HINT),
            use_jk_keys=False,
            style=self._style(),
            erase_when_done=True,
            **self._io,
        )
        return list(self._ask(question, _shortcuts(question, len(items), tick=True)) or [])

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """Yes or no; see `Asker`."""
        import questionary

        question = questionary.confirm(
            message, default=default, style=self._style(), erase_when_done=True, **self._io
        )
        return bool(self._ask(question))

    def pause(self, seconds: float) -> bool:
        """Wait up to `seconds` for Enter; see `Asker`. Other keys are read and dropped.

        Ctrl-C still interrupts (the terminal keeps its signals); without a
        terminal on stdin it only waits.
        """
        import select
        import termios
        import tty

        try:
            fd = sys.stdin.fileno()
            saved = termios.tcgetattr(fd)
        except (OSError, ValueError, termios.error):
            time.sleep(seconds)
            return False
        _stop_if_interrupted()
        try:
            tty.setcbreak(fd, termios.TCSANOW)
            ready, _, _ = select.select([fd], [], [], seconds)
            _stop_if_interrupted()
            pressed = False
            while ready:
                key = os.read(fd, 64)
                # End of input or Ctrl-D: a wish to stop, as at any prompt.
                if not key or b"\x04" in key:
                    raise KeyboardInterrupt
                pressed = pressed or b"\r" in key or b"\n" in key
                ready, _, _ = select.select([fd], [], [], 0)
            return pressed
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def _ask(self, question: Any, extra: Any = None) -> Any:
        application = question.application
        _add_keys(application, extra)
        described = _limit_lists(application)
        _add_status_line(application, self.status, described, self.t(KEYS_HINT))
        _stop_if_interrupted()

        def lost_on_the_way() -> None:  # a Ctrl-C while the prompt was starting
            if _take_interrupt():
                application.exit(exception=KeyboardInterrupt())

        application.pre_run_callables.append(lost_on_the_way)
        try:
            return question.unsafe_ask()
        except KeyboardInterrupt:
            _interrupt.clear()
            raise
        except EOFError:
            # Ctrl-D: the same as Ctrl-C here, a wish to stop.
            raise KeyboardInterrupt from None


class _Pristine:
    """A default offered selected: the first key typed replaces it; an arrow starts editing it.

    questionary puts a default in the line as if typed, so typing appended to a
    suggestion ("HonestyRespect their commute"). Here it behaves as a selected
    text does: typing or pasting replaces it, Backspace clears it, Enter keeps it.
    """

    def __init__(self, active: bool) -> None:
        self.active = active

    def lexer(self) -> Any:
        from prompt_toolkit.lexers import Lexer

        pristine = self

        class _Lexer(Lexer):
            def lex_document(self, document: Any) -> Any:
                lines = document.lines

                def line(number: int) -> list[tuple[str, str]]:
                    text = lines[number] if number < len(lines) else ""
                    return [("class:pristine" if pristine.active else "", text)]

                return line

        return _Lexer()

    def bindings(self) -> Any:
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

        kb = KeyBindings()
        active = Condition(lambda: self.active)

        @kb.add(Keys.Any, filter=active)
        @kb.add(Keys.BracketedPaste, filter=active)
        def _replace(event: Any) -> None:
            self.active = False
            buffer = event.app.current_buffer
            buffer.text = ""
            buffer.insert_text(event.data.replace("\r\n", "\n").replace("\r", "\n"))

        @kb.add("backspace", filter=active)
        @kb.add("delete", filter=active)
        def _clear(event: Any) -> None:
            self.active = False
            event.app.current_buffer.text = ""

        for key in ("left", "right", "home", "end", "c-a", "c-e", "c-u", "c-w", "c-k"):
            kb.add(key, filter=active, eager=True)(self._edit_then(key))
        return kb

    def _edit_then(self, key: str) -> Callable[[Any], None]:
        """Start editing the default, then let the key do what it always does."""

        def handler(event: Any) -> None:
            self.active = False
            buffer = event.app.current_buffer
            if key in ("left", "home", "c-a"):
                buffer.cursor_position = 0 if key != "left" else max(0, buffer.cursor_position - 1)
            elif key in ("right", "end", "c-e"):
                buffer.cursor_position = len(buffer.text)
            elif key in ("c-u", "c-w"):
                buffer.text = ""  # the whole default is "the word before the cursor"
            elif key == "c-k":
                buffer.text = buffer.text[: buffer.cursor_position]

        return handler


# A list of up to ten choices numbers them: the number key picks (or ticks) one at once.
SHORTCUTS = "1234567890"


def _numbered(choices: Sequence[WorkshopChoice]) -> list[str]:
    if len(choices) > len(SHORTCUTS):
        return [c.title for c in choices]
    return [f"{key}) {c.title}" for key, c in zip(SHORTCUTS, choices, strict=False)]


def _shortcuts(question: Any, count: int, *, tick: bool) -> Any:
    """Number keys that point at a choice (a menu) or tick it (a checkbox)."""
    from prompt_toolkit.key_binding import KeyBindings
    from questionary.prompts.common import InquirerControl

    kb = KeyBindings()
    if count > len(SHORTCUTS):
        return kb
    control = next(
        (
            w.content
            for w in question.application.layout.find_all_windows()
            if isinstance(w.content, InquirerControl)
        ),
        None,
    )
    if control is None:  # pragma: no cover - questionary always has one
        return kb
    for index, key in enumerate(SHORTCUTS[:count]):

        def press(event: Any, index: int = index) -> None:
            control.pointed_at = index
            if tick:
                value = control.get_pointed_at().value
                picked = control.selected_options
                if value in picked:
                    picked.remove(value)
                else:
                    picked.append(value)

        kb.add(key, eager=True)(press)
    return kb


def _add_keys(application: Any, extra: Any) -> None:
    """Ctrl-B and Ctrl-G move instead of answering, in every prompt; Ctrl-C always stops.

    A Ctrl-C pressed while a prompt is still starting reaches it as a signal, not
    a key, and prompt_toolkit ignores that signal unless told otherwise.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    from cxphilo.workshop.asker import GoBack, JumpTo

    nav = KeyBindings()

    @nav.add("c-b", eager=True)
    def _back(event: Any) -> None:
        event.app.exit(exception=GoBack())

    @nav.add("c-g", eager=True)
    def _jump(event: Any) -> None:
        event.app.exit(exception=JumpTo())

    @nav.add(Keys.SIGINT, eager=True)
    def _interrupted(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    parts = [application.key_bindings, nav] + ([extra] if extra is not None else [])
    application.key_bindings = merge_key_bindings([p for p in parts if p is not None])


def _limit_lists(application: Any) -> Callable[[], str] | None:
    """A list longer than the terminal scrolls inside its own window (80 by 24 included).

    The highlighted choice's description moves out of the list, which questionary
    draws as its last line (scrolled out of sight in a long list), to a line of its
    own under it; returns what that line says, when the choices have descriptions.
    """
    from prompt_toolkit.layout import Window
    from prompt_toolkit.layout.dimension import Dimension
    from questionary.prompts.common import InquirerControl

    rows = application.output.get_size().rows if application.output else 24
    for window in application.layout.find_all_windows():
        if isinstance(window, Window) and isinstance(window.content, InquirerControl):
            window.height = Dimension(max=max(3, rows - LIST_MARGIN))
            control = window.content
            if any(getattr(c, "description", None) for c in control.choices):
                control.show_description = False

                def describe(control: Any = control) -> str:
                    return str(control.get_pointed_at().description or "")

                return describe
    return None


def _add_status_line(
    application: Any,
    status: Callable[[], str] | None,
    described: Callable[[], str] | None = None,
    keys: str = KEYS_HINT,
) -> None:
    """Put live lines under a prompt: the highlighted choice's description, the time box,
    and the keys that move around."""
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    def line() -> Any:
        parts: list[tuple[str, str]] = [("class:keys", keys)]
        if status is not None:
            parts = [("class:status", status()), ("", "\n"), *parts]
        if described is not None:
            parts = [("class:instruction", "  " + described()), ("", "\n"), *parts]
        return parts

    layout = application.layout
    lines = 1 + (status is not None) + 2 * (described is not None)
    box = ConditionalContainer(
        Window(FormattedTextControl(line), height=lines, wrap_lines=True),
        filter=~is_done,
    )
    application.layout = Layout(
        HSplit([layout.container, box]), focused_element=layout.current_window
    )
    if status is not None:
        application.refresh_interval = 1.0
