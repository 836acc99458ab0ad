"""`cxphilo workshop` in a real pseudo-terminal, typed as a facilitator would type it.

Every step waits for a prompt's text, never for time. Keys are the real ones:
arrows, space, Enter, Ctrl-C. The result must pass `cxphilo check` and render.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from cxphilo.document.model import Philosophy
from cxphilo.storage.store import Store, load
from tests.facilitator import ENTER, Facilitator, ansi_free
from tests.workshop.conftest import DONE_1_AND_2


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


@pytest.mark.slow
def test_stopping_for_today_says_how_to_carry_on(tmp_path: Path) -> None:
    """The last note of a stop is on the screen when the workshop has ended."""
    Store.create(tmp_path / "philosophy.yaml", Philosophy.model_validate(DONE_1_AND_2))
    f = Facilitator(tmp_path)
    f.keys("Ready?", "3", ENTER)  # stop here for today
    code, _ = f.finish()
    assert code == 0
    screen = " ".join(f.screen().split())
    assert "Stopped before step 3 · values. Everything is saved in philosophy.yaml." in screen
    assert "Resume with: cxphilo workshop" in screen
