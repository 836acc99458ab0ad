"""A facilitator at a real terminal: `cxphilo workshop` in a pseudo-terminal, read as drawn.

Shared by the tests that type into the workshop as a person would: every step
waits for a prompt's words, never for time, and the keys are the real ones.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

ENTER = "\r"
TIMEOUT = 60


class Facilitator:
    """Drives the workshop: waits for a prompt's words, then presses keys."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "NO_COLOR": "1",
            "COLUMNS": "120",
            "LINES": "50",
            # A pseudo-terminal in a test does not answer cursor-position requests;
            # without this, prompt_toolkit waits for each answer before drawing.
            "PROMPT_TOOLKIT_NO_CPR": "1",
            **(env or {}),
        }
        full_env.pop("GITHUB_ACTIONS", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "cxphilo", "workshop", *args],
            cwd=str(cwd),
            env=full_env,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(50, 120),
        )
        # Everything the workshop writes goes into one transcript (what `wait` searches,
        # from where the last wait stopped) and into a terminal emulator (what the
        # screen shows now, after every clear and redraw).
        self.emulator = _terminal(120, 50)
        self.stream = pytest.importorskip("pyte").Stream(self.emulator)
        self.seen = ""
        self.cursor = 0
        self.ended = False

    def _read(self, timeout: float) -> None:
        if self.ended:
            return
        try:
            chunk = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            self.ended = True
            return
        self.seen += chunk
        self.stream.feed(chunk)

    def wait(self, words: str, timeout: float = TIMEOUT) -> str:
        """Wait for `words` after what was waited for last; returns the text up to them."""
        end = time.monotonic() + timeout
        while True:
            found = self.seen.find(words, self.cursor)
            if found >= 0:
                before = self.seen[self.cursor : found]
                self.cursor = found + len(words)
                return before
            if self.ended or time.monotonic() > end:
                tail = ansi_free(self.seen[-1500:])
                raise AssertionError(f"{words!r} never came; the last output:\n{tail}")
            self._read(0.2)

    def keys(self, prompt: str, *keys: str) -> None:
        """Wait for `prompt`, then press `keys` one after another."""
        self.wait(prompt)
        for key in keys:
            self.child.send(key)

    def type(self, prompt: str, text: str = "") -> None:
        """Wait for `prompt`, type `text` and press Enter (just Enter: accept what is offered)."""
        self.keys(prompt, text, ENTER) if text else self.keys(prompt, ENTER)

    def start_step(self, number: int) -> None:
        self.wait(f"Step {number} of 7")
        self.type("Ready?")

    def screen(self) -> str:
        """What the terminal holds now, scrollback included, as an emulator draws it (pyte)."""
        self._read(0.1)
        width = self.emulator.columns
        history = [
            "".join(line[x].data for x in range(width)) for line in self.emulator.history.top
        ]
        return "\n".join([*history, *self.emulator.display])

    def wait_screen(self, words: str, timeout: float = TIMEOUT) -> str:
        """Wait until `words` are on the screen as drawn; returns the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if words in shown:
                self.cursor = len(self.seen)
                return shown
        raise AssertionError(f"{words!r} never appeared; the screen:\n{self.screen()}")

    def finish(self) -> tuple[int, str]:
        end = time.monotonic() + TIMEOUT
        while not self.ended and time.monotonic() < end:
            self._read(0.2)
        assert self.ended, "the workshop did not end; the screen:\n" + self.screen()
        output = self.seen[self.cursor :]
        self.child.close()
        return self.child.exitstatus, output


def _terminal(columns: int, lines: int) -> Any:
    """A terminal emulator with scrollback that, like xterm, clears it on ESC [3J."""
    pyte = pytest.importorskip("pyte")

    class Terminal(pyte.HistoryScreen):  # type: ignore[misc]
        def erase_in_display(self, how: int = 0, *args: Any, **kwargs: Any) -> None:
            super().erase_in_display(how, *args, **kwargs)
            if how == 3:
                self.history.top.clear()
                self.history.bottom.clear()

    return Terminal(columns, lines, history=1000)


def ansi_free(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
