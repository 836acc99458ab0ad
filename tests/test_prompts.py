"""The terminal asker, driven through prompt_toolkit's pipe input: keys in, answers out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from cxphilo.prompts import QuestionaryAsker
from cxphilo.workshop.asker import Choice

DOWN = "\x1b[B"
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


def test_the_picks_are_repeated_for_the_room_but_never_a_ballot(
    keys: PipeInput, capsys: pytest.CaptureFixture[str]
) -> None:
    picks = [Choice("FCR       First Contact Resolution  (suggested)", "FCR"), Choice("NPS", "NPS")]
    keys.send_text(" " + DOWN + " \r")
    assert asker(keys).checkbox("Metrics", picks) == ["FCR", "NPS"]
    assert capsys.readouterr().out == "  → FCR First Contact Resolution, NPS\n"
    keys.send_text(" " + DOWN + " \r")
    assert asker(keys).checkbox("Ana: pick", picks, secret=True) == ["FCR", "NPS"]
    assert capsys.readouterr().out == ""
