"""`cxphilo workshop` in a real pseudo-terminal, typed as a facilitator would type it.

Every step waits for a prompt's text, never for time. Keys are the real ones:
arrows, space, Enter, Ctrl-C. The result must pass `cxphilo check` and render.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import pytest

from cxphilo.store import load
from tests.conftest import run_cli

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
SPACE = " "
ENTER = "\r"
CLEAR_LINE = "\x15"  # Ctrl-U: clears a pre-filled answer before typing a new one
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
        self.transcript: list[str] = []

    def wait(self, words: str) -> None:
        self.child.expect_exact(words)

    def keys(self, prompt: str, *keys: str) -> None:
        """Wait for `prompt`, then press `keys` one after another."""
        self.wait(prompt)
        for key in keys:
            self.child.send(key)

    def type(self, prompt: str, text: str = "") -> None:
        """Wait for `prompt`, type `text` and press Enter (just Enter: accept what is offered)."""
        self.keys(prompt, text, ENTER) if text else self.keys(prompt, ENTER)

    def retype(self, prompt: str, text: str) -> None:
        """Replace a pre-filled answer."""
        self.keys(prompt, CLEAR_LINE, text, ENTER)

    def start_step(self, number: int) -> None:
        self.wait(f"Step {number} of 7")
        self.type("Ready?")

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        output = self.child.before or ""
        self.child.close()
        return self.child.exitstatus, output


def ansi_free(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def step_1(f: Facilitator) -> None:
    f.start_step(1)
    f.type("mission", "Make cycling the easiest way to get around town.")
    f.type("purpose?", "We build and service city bikes.")
    f.type("support's role", "Keep every rider riding.")
    f.keys("delight customers, or", DOWN, ENTER)  # reduce their effort
    f.type("Why that goal?", "Riders want it fixed with little fuss.")
    f.type("principles", "Fix the rider's day first; One person owns a problem until it is solved")
    f.type("need from support", "A working bike the next day; Honest advice on repairs")
    f.type("expect on response", "A first reply within one working hour")
    f.keys("channels do customers use", SPACE, DOWN, SPACE, DOWN, SPACE, ENTER)
    f.type("on their own", "Repair videos")
    f.keys("insight come from", DOWN, SPACE, ENTER)
    f.type("other source", "Rider interviews in the shops")
    f.type("How many people", "6")
    f.keys("which days", *[SPACE, DOWN] * 4, SPACE, ENTER)  # Monday to Friday
    f.type("Opening hours", "08:00-18:00")
    f.keys("actually staff", SPACE, DOWN, SPACE, DOWN, SPACE, ENTER)  # phone, e-mail, chat


def step_2(f: Facilitator) -> None:
    f.start_step(2)
    f.keys("Which model fits", DOWN, ENTER)  # customer-centric
    f.type("Why this model?", "Riders keep a bike for years and come back to us.")
    f.type("history and internal notes", "A service log per frame number in the help desk.")


IDEAS = [
    ("We want customers to believe what we tell them is true", True),
    ("They fixed it the first time", True),
    ("They were quick to answer", True),
    ("They showed me how to do it myself", True),
    ("They knew me and my bike", True),
    ("Cheap", False),
]


def type_ideas(f: Facilitator, ideas: list[tuple[str, bool]]) -> None:
    for number, (idea, translated) in enumerate(ideas, start=1):
        f.type(f"Idea {number} ", idea)
        f.type("Who said it?")  # round the room: the next person is offered
        if translated:
            f.type("Which core value")  # accept the suggestion


@pytest.mark.slow
def test_a_whole_workshop_typed_by_a_facilitator(tmp_path: Path) -> None:
    f = Facilitator(tmp_path, "--company", "Acme Bikes", "--language", "en")
    f.wait("Created philosophy.yaml for Acme Bikes")
    step_1(f)
    step_2(f)

    f.start_step(3)
    f.type("Who is in the room?", "Maya; Jonas; Priya")
    f.type("Ideas so far: 0")  # type ideas one by one
    type_ideas(f, IDEAS)
    f.type("Idea 7 ")  # empty: done typing
    f.type("Ideas so far: 6")  # done: go on to the vote
    f.type("mean the same")  # nothing to merge
    f.type("Votes per person?")  # a third of six: 2
    # Options: Honesty, Quality, Speed, Autonomy, Personalisation, Cheap.
    f.keys("Maya: pick up to 2", SPACE, DOWN, SPACE, ENTER)
    f.keys("Jonas: pick up to 2", DOWN, SPACE, DOWN, SPACE, ENTER)
    f.keys("Priya: pick up to 2", DOWN, DOWN, DOWN, SPACE, DOWN, SPACE, ENTER)
    f.wait("Everyone has voted")
    f.keys("Merge options that mean the same?", "n")
    for n in range(1, 6):
        f.type(f"Value {n} of 5")

    f.start_step(4)
    f.type("Your support vision", "Best-in-class support 24/7")
    f.wait("business jargon")  # the verdicts appear at once
    f.type("Keep this wording, or rewrite it")  # "Rewrite it" is the default after a fail
    vision = (
        "Every rider gets back on the road with one person who owns the problem until it is solved."
    )
    f.retype("Rewrite the vision", vision)
    f.type("Keep this wording, or rewrite it")  # all pass now: "Keep it" is the default
    f.type("Simple to understand and act on?")
    f.type("type of service you give?")
    f.type("now and want to become?")
    f.type("Who reviewed it?")
    f.type("A stakeholder who saw it", "Shop managers")
    f.type("gut reaction", "Clear; they could say it at the counter")
    f.keys("Did it land with them?", "y")
    f.type("A stakeholder who saw it")

    f.start_step(5)
    # Most votes first: Quality had two.
    statements = {
        "Quality": "Get it right the first time.",
        "Honesty": "Tell riders the truth about every repair.",
        "Speed": "Treat every rider's problem with urgency.",
        "Autonomy": "Give riders the tools to fix small things themselves.",
        "Personalisation": "I greet every rider by name and by bike.",
    }
    for value, statement in statements.items():
        f.type(f"Action statement for {value}", statement)
        f.type(f"really measure {value}")  # the suggested metrics are ticked
        f.type("A metric of your own")
        if value == "Quality":
            f.keys("baseline and a target for FCR, CSAT", "y")
            f.type("FCR: today's value", "71")
            f.type("FCR: target", "85")
            f.type("FCR: by when?", "2027-09-30")
            f.type("CSAT: today's value")
            f.type("CSAT: target")
        else:
            f.keys("baseline and a target", "n")
        f.type(f"Technology that reinforces {value}")  # the suggestions, as filled in
    f.type("The brand's tone", "Warm, plain and practical")
    f.type("Its voice", "We say we and you, and never hide behind policy words")
    f.type("Visuals")
    f.type("every channel", "The same greeting and sign-off on every channel")

    f.start_step(6)
    f.type("Onboarding", "Every new hire answers chats for their first week")
    f.type("Promotions")
    f.type("Incentives")
    f.type("Social media")
    f.type("Anywhere else?")
    f.type("Score answers on which scale?")
    for value in statements:
        f.type(f"Profile questions for {value}")
        f.type("What does a strong answer look like?")

    f.start_step(7)
    f.type("Which teams take part?")
    f.type("The teams table: what now?")
    f.keys("How will you ask them?", SPACE, ENTER)
    f.type("Any other way?")
    for value in statements:
        f.type(f"Survey question about {value}")
    f.type("How often will you review")
    f.type("Date of the next review")
    f.type("Who owns the review?", "Priya")
    f.type(
        "conflict with the philosophy", "The support lead and the CEO decide and write down why."
    )
    f.type("Add this playbook")
    f.type("Render the charter now?")  # both
    f.wait("philosophy-charter.html")
    code, rest = f.finish()
    assert code == 0, ansi_free(rest)

    path = tmp_path / "philosophy.yaml"
    doc = load(path).doc
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    assert doc.assessment is not None and doc.assessment.capacity is not None
    assert doc.assessment.capacity.days == ["mon", "tue", "wed", "thu", "fri"]
    assert doc.assessment.capacity.channels == ["phone", "email", "chat"]
    assert doc.model is not None and doc.model.choice == "customer-centric"
    assert [v.name for v in doc.values] == list(statements)
    assert [v.statement for v in doc.values] == list(statements.values())
    assert doc.values[0].metrics == ["FCR", "CSAT"]
    assert doc.brainstorm is not None and len(doc.brainstorm.rounds) == 1
    assert [b.by for b in doc.brainstorm.rounds[0].votes] == ["Maya", "Jonas", "Priya"]
    assert doc.vision is not None and doc.vision.drafts == ["Best-in-class support 24/7"]
    assert doc.vision.review is not None and doc.vision.review.statement == doc.vision.statement
    assert doc.recovery is not None and doc.recovery.name == "HELP"
    assert (tmp_path / "philosophy-charter.md").exists()

    check = run_cli("check", "philosophy.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    render = run_cli("render", "philosophy.yaml", cwd=tmp_path)
    assert render.returncode == 0, render.stderr
    assert "Acme Bikes" in render.stdout
    assert "one person who owns the problem" in render.stdout
    assert "Get it right the first time." in render.stdout


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
    assert (
        doc.assessment is not None and doc.assessment.purpose == "We build and service city bikes."
    )
    assert doc.assessment.goal == "reduce-effort"
    assert doc.assessment.capacity is not None and doc.assessment.capacity.team_size == 6
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
    again.wait("Step 3 of 7")
    again.type("Ready?")
    again.type("Who is in the room?")  # the room is offered as it was
    again.wait("Ideas so far: 2")
    again.child.sendcontrol("c")
    code, _ = again.finish()
    assert code == 130


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
    f.type("purpose?", "We build and service city bikes.")
    f.wait("support's role")
    f.child.send("Keep every rider")  # typed, not yet given
    f.child.kill(signal.SIGKILL)
    f.child.expect(pexpect.EOF)
    f.child.close()
    doc = load(tmp_path / "philosophy.yaml").doc  # whole and valid, never half-written
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    assert doc.assessment is not None
    assert doc.assessment.purpose == "We build and service city bikes."
    assert doc.assessment.support_role is None
    assert not list(tmp_path.glob(".philosophy.yaml.*.tmp"))
