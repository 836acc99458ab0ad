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
