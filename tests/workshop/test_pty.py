"""`cxphilo workshop` in a real pseudo-terminal, typed as a facilitator would type it.

Every step waits for a prompt's text, never for time. Keys are the real ones:
arrows, space, Enter, Ctrl-C. The result must pass `cxphilo check` and render.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cxphilo.storage.store import load

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
        assert self.ended, "the workshop did not end"
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


def step_1(f: Facilitator) -> None:
    f.start_step(1)
    f.type("mission", "Make cycling the easiest way to get around town.")
    f.type("own vision", "Every trip in town starts on a bike.")
    f.type("purpose?", "We build and service city bikes.")
    f.type("support's role", "Keep every rider riding.")
    f.keys("delight customers, or", "2", ENTER)  # reduce their effort
    f.type("Why that goal?", "Riders want it fixed with little fuss.")
    f.type("principles", "Fix the rider's day first; One person owns a problem until it is solved")
    f.type("need from support", "A working bike the next day; Honest advice on repairs")
    f.type("expect on response", "A first reply within one working hour")
    f.keys("channels do customers use", "1", "2", "3", ENTER)
    f.type("on their own", "Repair videos")
    f.keys("insight come from", "2", ENTER)
    f.type("other source", "Rider interviews in the shops")
    f.type("How many people", "6")
    f.type("which days")  # Monday to Friday, as offered
    f.type("Opening hours", "08:00-18:00")
    f.type("actually staff")  # the customers' channels, as offered
    f.type("other hours")


def step_2(f: Facilitator) -> None:
    f.start_step(2)
    f.keys("Which model fits", "2", ENTER)  # customer-centric
    f.type("Why this model?", "Riders keep a bike for years and come back to us.")
    f.type("history and internal notes", "A service log per frame number in the help desk.")


IDEAS = [
    ("We want customers to believe what we tell them is true", True),
    ("They fixed it the first time", True),
    ("They were quick to answer", True),
]


def type_ideas(f: Facilitator, ideas: list[tuple[str, bool]]) -> None:
    for number, (idea, translated) in enumerate(ideas, start=1):
        f.type(f"Idea {number} ", idea)
        f.type("Who said it?")  # round the room: the next person is offered
        if translated:
            f.type("Which core value")  # accept the suggestion


@pytest.mark.slow
def test_ctrl_c_in_step_3_keeps_every_answer_and_a_rerun_resumes_there(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "--company", "Acme Bikes", "--language", "en")
    step_1(f)
    step_2(f)
    f.start_step(3)
    f.type("Who is in the room?", "Maya; Jonas")
    f.type("Ideas so far: 0")
    type_ideas(f, IDEAS[:2])
    f.wait("Idea 3 ")
    f.child.send("They were qu")  # half typed: the one answer a stop may lose
    f.child.sendcontrol("c")
    code, output = f.finish()
    text = ansi_free(output)
    assert code == 130
    assert (
        "Stopped in step 3 of 7 · values. Every answer so far is saved in philosophy.yaml." in text
    )
    assert "Resume with: cxphilo workshop" in text
    assert "Traceback" not in text

    doc = load(tmp_path / "philosophy.yaml").doc
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    assert doc.assessment is not None and doc.assessment.goal == "reduce-effort"
    assert doc.assessment.capacity is not None and doc.assessment.capacity.team_size == 6
    assert doc.assessment.capacity.channels == ["phone", "email", "chat"]
    assert doc.model is not None and doc.model.customer_history == (
        "A service log per frame number in the help desk."
    )
    bs = doc.brainstorm
    assert bs is not None and bs.participants == ["Maya", "Jonas"]
    assert [(i.text, i.by, i.value) for i in bs.ideas] == [
        ("We want customers to believe what we tell them is true", "Maya", "Honesty"),
        ("They fixed it the first time", "Jonas", "Quality"),
    ]

    again = Facilitator(tmp_path)
    again.wait("Resuming at step 3 of 7 · values.")
    again.type("Who is in the room?")  # the room is offered as it was
    again.wait("Ideas so far: 2")
    again.child.sendcontrol("c")
    code, _ = again.finish()
    assert code == 130


@pytest.mark.slow
def test_typing_into_a_suggestion_replaces_it_and_back_returns_to_it(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "--company", "Acme Bikes", "--language", "en")
    f.start_step(1)
    f.type("mission", "Make cycling easy.")
    f.wait("own vision")
    f.child.sendcontrol("b")  # back one answer: the mission, offered selected
    f.wait_screen("mission, in one sentence")
    f.type("mission", "Respect their commute")  # typing replaces the old answer
    f.wait("own vision")
    f.child.sendcontrol("c")
    code, _ = f.finish()
    assert code == 130
    assert load(tmp_path / "philosophy.yaml").doc.company.mission == "Respect their commute"


OPTIONS = ("Honesty", "Quality", "Speed", "Kindness", "Fairness", "Warmth", "Clarity")
TICKED = "●"  # questionary's mark of a ticked choice


def _ballot_room(tmp_path: Path, anonymous: bool) -> Facilitator:
    from cxphilo.document.model import Philosophy
    from cxphilo.storage.store import Store

    data = {
        "company": {"name": "Acme"},
        "brainstorm": {
            "participants": ["Ana", "Ben", "Cem"],
            "anonymous": anonymous,
            "ideas": [{"text": o} for o in OPTIONS],
        },
    }
    Store.create(tmp_path / "philosophy.yaml", Philosophy.model_validate(data))
    f = Facilitator(tmp_path, "--step", "values")
    f.type("Who is in the room?")
    f.type("Ideas so far: 7")  # Done: go on to the vote
    f.type("mean the same")  # nothing to merge
    return f


def _cast(f: Facilitator, person: str, picks: str) -> str:
    """Hand the keyboard to `person`, tick `picks` by number, cast; the screen after."""
    f.type(f"Next ballot: {person}")
    f.wait_screen(f"{person}: pick up to")
    for key in picks:
        f.child.send(key)
    f.wait_screen(TICKED)  # their own ticks are on their own screen while they vote
    f.child.send(ENTER)
    return f.wait_screen(f"Thank you, {person}: your ballot is in.")


@pytest.mark.slow
@pytest.mark.parametrize("anonymous", [False, True])
def test_a_ballot_leaves_nothing_on_screen_for_the_next_voter(
    tmp_path: Path, anonymous: bool
) -> None:
    """Multi-pick and single-pick ballots: once the next voter starts, no pick is on screen."""
    f = _ballot_room(tmp_path, anonymous)
    f.type("Votes per person?", "4")
    shown = _cast(f, "Ana", "1235")
    assert TICKED not in shown and "done" not in shown
    assert not any(option in shown for option in OPTIONS)  # not one of her picks
    f.child.send(ENTER)  # Ben votes now
    shown = f.wait_screen("Ben: pick up to 4")
    assert TICKED not in shown  # Ana's ticks are gone: Ben's ballot starts empty
    for key in "1246":
        f.child.send(key)
    f.child.send(ENTER)
    _cast(f, "Cem", "1234")
    # Honesty 3, Quality 3, Speed 2, Kindness 2: Fairness and Warmth tie for the last place.
    f.keys("Merge options that mean the same?", "n")
    shown = _cast(f, "Ana", "1")  # a ballot of one pick
    assert TICKED not in shown and "Fairness" not in shown and "Warmth" not in shown
    f.child.sendcontrol("c")
    code, _ = f.finish()
    assert code == 130
    text = (tmp_path / "philosophy.yaml").read_text(encoding="utf-8")
    rounds = text[text.index("rounds:") :]
    if anonymous:
        for line in rounds.splitlines():  # a name never stands beside a pick
            if any(name in line for name in ("Ana", "Ben", "Cem")):
                assert line.strip() in {"- by: Ana", "- by: Ben", "- by: Cem"}, line
        assert "tally:" in rounds
    else:
        assert "- by: Ana\n          options:\n            - Honesty" in rounds


@pytest.mark.slow
def test_the_time_box_is_on_screen_during_a_question(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "--company", "Acme", "--language", "en", "--timebox", "10m")
    f.wait("⏱ 10:00 for this step")
    f.wait("left of 10:00 for this step")  # the live line under the prompt
    f.child.sendcontrol("c")
    code, _ = f.finish()
    assert code == 130


@pytest.mark.slow
def test_killing_the_process_loses_at_most_the_answer_being_typed(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "--company", "Acme Bikes", "--language", "en")
    f.start_step(1)
    f.type("mission", "Make cycling the easiest way to get around town.")
    f.type("own vision", "")
    f.type("purpose?", "We build and service city bikes.")
    f.wait("support's role")
    f.child.send("Keep every rider")  # typed, not yet given
    f.child.kill(signal.SIGKILL)
    f.finish()
    doc = load(tmp_path / "philosophy.yaml").doc  # whole and valid, never half-written
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    assert doc.assessment is not None
    assert doc.assessment.purpose == "We build and service city bikes."
    assert doc.assessment.support_role is None
    assert not list(tmp_path.glob(".philosophy.yaml.*.tmp"))
