"""The terminal asker, driven through prompt_toolkit's pipe input: keys in, answers out."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from cxphilo.workshop.asker import Choice, GoBack, JumpTo
from cxphilo.workshop.prompts import QuestionaryAsker, catch_interrupts

DOWN = "\x1b[B"
RIGHT = "\x1b[C"
HOME = "\x1b[H"
CHOICES = [
    Choice("Phone", "phone"),
    Choice("E-mail", "email", checked=True),
    Choice("Chat", "chat"),
]


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def asker(pipe: PipeInput) -> QuestionaryAsker:
    return QuestionaryAsker(input=pipe, output=DummyOutput())


def test_text_with_its_default_and_validation(keys: PipeInput) -> None:
    keys.send_text("x\r" + "\x7f" + "12\r")  # "x" is refused, erased, then 12
    answer = asker(keys).text(
        "Team size",
        validate=lambda a: True if a.isdigit() else "a number",
    )
    assert answer == "12"
    keys.send_text("\r")
    assert asker(keys).text("Hours", default="09:00-17:00") == "09:00-17:00"


def test_select_moves_with_the_arrows(keys: PipeInput) -> None:
    keys.send_text(DOWN + "\r")
    assert asker(keys).select("Channel", CHOICES) == "email"
    keys.send_text("\r")
    assert asker(keys).select("Channel", CHOICES, default="chat") == "chat"


def test_checkbox_starts_with_the_checked_ones(keys: PipeInput) -> None:
    keys.send_text(" " + DOWN + DOWN + " \r")  # tick Phone, untouched E-mail, tick Chat
    assert asker(keys).checkbox("Channels", CHOICES) == ["phone", "email", "chat"]


def test_confirm(keys: PipeInput) -> None:
    keys.send_text("n")
    assert asker(keys).confirm("Sure?") is False


def test_ctrl_c_and_ctrl_d_raise_keyboard_interrupt(keys: PipeInput) -> None:
    keys.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        asker(keys).text("Name")
    keys.send_text("\x04")
    with pytest.raises(KeyboardInterrupt):
        asker(keys).text("Name")


@pytest.mark.parametrize("kind", ["text", "select", "checkbox"])
def test_ctrl_c_as_a_signal_stops_every_prompt(keys: PipeInput, kind: str) -> None:
    """A Ctrl-C that arrives while a prompt is starting comes as SIGINT, not as a key."""
    answered = threading.Event()

    def interrupt_then_answer() -> None:
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGINT)
        if not answered.wait(3):
            keys.send_text("\r")  # ignored: the prompt would answer instead of stopping

    helper = threading.Thread(target=interrupt_then_answer)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            if kind == "text":
                asker(keys).text("Name")
            elif kind == "select":
                asker(keys).select("Channel", CHOICES)
            else:
                asker(keys).checkbox("Channels", CHOICES)
    finally:
        answered.set()
        helper.join()


def test_a_ctrl_c_lost_between_prompts_stops_the_next_one(keys: PipeInput) -> None:
    """Python drops a KeyboardInterrupt raised inside a garbage collector's callback;
    the Ctrl-C must still stop the workshop, at the next prompt."""
    before = signal.getsignal(signal.SIGINT)
    with catch_interrupts():
        handler = signal.getsignal(signal.SIGINT)
        assert callable(handler) and handler is not before
        with contextlib.suppress(KeyboardInterrupt):  # dropped, as in a weakref callback
            handler(signal.SIGINT, None)
        keys.send_text(DOWN + "\r")  # what it would answer, were the Ctrl-C lost
        with pytest.raises(KeyboardInterrupt):
            asker(keys).select("Channel", CHOICES)
        # Spent: the prompt after it answers as usual (with the keys still waiting).
        assert asker(keys).select("Channel", CHOICES) == "email"
    assert signal.getsignal(signal.SIGINT) is before


def test_a_status_line_never_gets_in_the_way_of_answering(keys: PipeInput) -> None:
    calls: list[int] = []

    def status() -> str:
        calls.append(1)
        return "⏱ 4:59 left"

    ask = asker(keys)
    ask.status = status
    keys.send_text("Acme\r")
    assert ask.text("Company") == "Acme"
    keys.send_text(DOWN + "\r")
    assert ask.select("Channel", CHOICES) == "email"
    keys.send_text("\r")
    assert ask.checkbox("Channels", CHOICES) == ["email"]
    assert calls  # it was drawn


def test_letters_typed_into_a_menu_do_not_move_it(keys: PipeInput) -> None:
    keys.send_text("jjkj\r")  # someone still typing an idea: the choice stays put
    assert asker(keys).select("Next?", CHOICES) == "phone"


def test_typing_replaces_a_default_instead_of_appending_to_it(keys: PipeInput) -> None:
    keys.send_text("Respect their commute\r")
    assert asker(keys).text("Value", default="Honesty") == "Respect their commute"
    keys.send_text("\x7f\r")  # Backspace clears the whole default
    assert asker(keys).text("Value", default="Honesty") == ""
    keys.send_text(RIGHT + "y\r")  # an arrow first: edit it
    assert asker(keys).text("Value", default="Honest") == "Honesty"
    keys.send_text(HOME + "Full \r")
    assert asker(keys).text("Value", default="honesty") == "Full honesty"


def test_back_and_jump_keys_raise_instead_of_answering(keys: PipeInput) -> None:
    keys.send_text("\x02")  # Ctrl-B
    with pytest.raises(GoBack):
        asker(keys).text("Name", default="Ana")
    keys.send_text("\x07")  # Ctrl-G
    with pytest.raises(JumpTo):
        asker(keys).select("Channel", CHOICES)
    keys.send_text(" \x02")
    with pytest.raises(GoBack):
        asker(keys).checkbox("Channels", CHOICES)
    keys.send_text("\x02")
    with pytest.raises(GoBack):
        asker(keys).confirm("Sure?")


def test_nothing_the_prompt_drew_stays_once_it_is_answered() -> None:
    """Every prompt erases itself (the screen repeats an answer, never a ballot).

    The bytes prompt_toolkit writes go through a terminal emulator (pyte): the
    screen it leaves must not show the ballot's question, its ticks or its
    "done (n selections)" line.
    """
    pyte = pytest.importorskip("pyte")
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)

    class Terminal:
        encoding = "utf-8"

        def write(self, text: str) -> int:
            stream.feed(text)
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    output = Vt100_Output(Terminal(), lambda: Size(24, 80), term="xterm")  # type: ignore[arg-type]
    with create_pipe_input() as pipe:
        pipe.send_text(" " + DOWN + " \r")
        ask = QuestionaryAsker(input=pipe, output=output)
        assert ask.checkbox("Ana: pick up to 2", CHOICES, secret=True) == ["phone"]
        shown = "\n".join(screen.display)
        assert "Ana" not in shown and "done" not in shown and "Phone" not in shown
        pipe.send_text("Acme\r")
        assert ask.text("Company name") == "Acme"
    assert "\n".join(screen.display).strip() == ""
