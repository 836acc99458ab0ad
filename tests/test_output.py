"""The one output module: typed text reaches a terminal only as text."""

from __future__ import annotations

import pytest

from cxphilo.output import visible


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]0;pwned\x07", "\\e]0;pwned\\a"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("\x00\x08\x7f\x85\x9b", "\\x00\\x08\\x7f\\x85\\x9b"),
        ("abc\u202edcba\u2066x\u2069", "abc\\u202edcba\\u2066x\\u2069"),
        ("line\u2028break", "line\\u2028break"),
        ("\ufffe\uffff", "\\ufffe\\uffff"),
    ],
)
def test_control_characters_become_visible_escapes(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_ordinary_text_of_every_language_is_unchanged() -> None:
    text = "Vi går den ekstra mil · Çözüm odaklı · 我们倾听 · שלום · 🎉 [bold]{0}{{ x }}"
    assert visible(text) == text


def test_multiline_keeps_line_breaks_and_tabs_only() -> None:
    assert visible("one\ntwo\tthree\x1b[2J", multiline=True) == "one\ntwo\tthree\\e[2J"


def test_styled_text_is_never_read_as_markup() -> None:
    from io import StringIO

    from rich.console import Console

    from cxphilo.output import styled

    line = styled(("Acme [/] Bikes", "bold"), " — [green]x[/] :smile: \x1b[2J")
    assert line.plain == "Acme [/] Bikes — [green]x[/] :smile: \\e[2J"
    assert [(span.start, span.end, str(span.style)) for span in line.spans] == [(0, 14, "bold")]
    screen = StringIO()
    Console(file=screen, force_terminal=True, color_system="standard", width=200).print(line)
    assert screen.getvalue() == "\x1b[1mAcme [/] Bikes\x1b[0m — [green]x[/] :smile: \\e[2J\n"


def test_plain_parts_drop_the_styles_and_show_the_controls() -> None:
    from cxphilo.output import plain

    assert plain(("error", "bold red"), "  {0} %s\x07") == "error  {0} %s\\a"


def test_json_keeps_the_data_and_escapes_what_a_terminal_would_act_on() -> None:
    import json

    from cxphilo.output import json_text

    data = {"name": "Ærø \x1b[2J \x7f\x9b \u202e \u2028 \ufffe 🚲"}
    text = json_text(data)
    assert json.loads(text) == data
    assert text == ('{\n  "name": "Ærø \\u001b[2J \\u007f\\u009b \\u202e \\u2028 \\ufffe 🚲"\n}\n')


def test_a_line_on_stderr_cannot_start_a_new_one(capsys: pytest.CaptureFixture[str]) -> None:
    from cxphilo.output import err

    err("error: unknown key 'x\n::add-mask::x\x1b[31m'")
    assert capsys.readouterr().err == "error: unknown key 'x\\n::add-mask::x\\e[31m'\n"
