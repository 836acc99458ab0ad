"""The whole room: `cxphilo workshop --room` in a pseudo-terminal, three people in Chromium.

The facilitator types into a real terminal (as `tests/workshop/test_pty.py`
does); the participants use the phone page in headless Chromium, each in a
browser context of their own (their own cookies). Nothing is driven through
the hall directly: what the terminal shows and what the pages show is all
either side sees.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Philosophy
from cxphilo.room.serve import free_port
from cxphilo.storage.store import Store, load
from cxphilo.vocabulary import CRITERIA
from tests.facilitator import ENTER, Facilitator
from tests.workshop.conftest import DONE_1_AND_2

pytestmark = pytest.mark.slow
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine", allow_module_level=True)

NAMES = ("Ana", "Ben", "Cem")
IDEAS = {
    "Ana": ("Honesty", "Speed"),
    "Ben": ("Warmth", "Clarity"),
    "Cem": ("Patience", "Ownership"),
}


@pytest.fixture
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def _open_room(tmp_path: Path, *args: str) -> tuple[Facilitator, str, str]:
    """The workshop with its room on loopback; returns it, the address and the code it shows."""
    f = Facilitator(tmp_path, *args, env={"XDG_STATE_HOME": str(tmp_path / "state")})
    f.wait("The room is open: join on a phone at ")
    address = f.wait(" with the code ")
    code = f.wait(".")
    return f, address, code


def _join(browser: Any, address: str, code: str) -> list[Any]:
    """Each person opens the address, types the code as the terminal shows it, and a name."""
    pages = []
    for name in NAMES:
        page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        page.goto(address)
        page.fill("input[name=code]", code)
        page.fill("input[name=name]", name)
        page.click("button[type=submit]")
        page.wait_for_selector("#waiting")
        pages.append(page)
    return pages


def _send(page: Any, button: str, path: str) -> None:
    """Press the button and see the server take what it sent.

    The answer is what counts, not what the page shows next: the last one in
    may see the next phase at once (the tally, the next question) instead of
    "your ballot is in".
    """
    with page.expect_response(f"**{path}") as answered:
        page.click(button)
    answer = answered.value
    assert answer.ok, f"{path} answered {answer.status}: {answer.text()}"


def _vote(page: Any, picks: Sequence[str]) -> None:
    page.wait_for_selector("#cast")
    for pick in picks:
        page.check(f"input[value='{pick}']")
    _send(page, "#cast", "/ballot")


def test_a_room_of_three_phones_runs_steps_3_and_4_from_the_terminal(
    tmp_path: Path, browser: Any
) -> None:
    """Joining, ideas, a vote with a tie and its re-vote, the reveal, the vision's verdicts."""
    path = tmp_path / "philosophy.yaml"
    Store.create(path, Philosophy.model_validate(DONE_1_AND_2))
    room = ("--room", "--host", "127.0.0.1", "--port", "0")
    f, address, code = _open_room(tmp_path, "--step", "values", *room)
    assert address.startswith("http://127.0.0.1:")
    pages = _join(browser, address, code)
    f.type("Ready?")
    f.type("Who is in the room?")  # the phones that joined are offered: Ana; Ben; Cem
    f.type("What next?")  # take ideas from the phones, the first choice with a room
    for page, name in zip(pages, NAMES, strict=True):
        page.wait_for_selector("#idea")
        for idea in IDEAS[name]:
            page.fill("#idea", idea)
            page.click("#send")
            page.wait_for_selector(f"#mine li >> text={idea}")
    f.wait("Ownership — Cem")  # every idea reached the terminal as it arrived
    f.child.send(ENTER)  # close the ideas
    f.type("What next?")  # done: go on to the vote
    f.type("mean the same")
    f.type("Secret ballots?")  # no
    f.type("Votes per person?", "3")
    f.wait("The ballot is open on the phones.")
    # Honesty 2, Speed 2, Warmth 2 go through; Clarity, Patience and Ownership tie at 1
    # for the last two places.
    ballots = {
        "Ana": ("Honesty", "Speed", "Warmth"),
        "Ben": ("Honesty", "Speed", "Clarity"),
        "Cem": ("Warmth", "Patience", "Ownership"),
    }
    for page, name in zip(pages, NAMES, strict=True):
        _vote(page, ballots[name])
    before = f.wait("Cem has voted.")
    assert "Ana has voted." in before and "Ben has voted." in before
    assert "Votes" not in before  # no tally on the terminal until everyone has voted
    f.keys("Merge options that mean the same?", "n")
    f.wait("Tied at the cut: a re-vote among them decides 2 places:")
    f.wait("The ballot is open on the phones.")
    revote = {
        "Ana": ("Clarity", "Patience"),
        "Ben": ("Clarity", "Patience"),
        "Cem": ("Clarity", "Ownership"),
    }
    tied = {"Honesty": 2, "Speed": 2, "Warmth": 2, "Clarity": 1, "Patience": 1, "Ownership": 1}
    for page, name in zip(pages, NAMES, strict=True):
        page.wait_for_selector("#earlier")  # the tally that tied, above the re-vote
        shown = page.inner_text("#earlier").split()
        assert dict(zip(shown[::2], map(int, shown[1::2]), strict=True)) == tied
        _vote(page, revote[name])
    f.wait("Everyone here has voted: the tally")
    for page in pages:  # the reveal: every phone shows the tally the projector shows
        page.wait_for_selector("#tally")
        assert page.inner_text("#tally").split() == [
            "Clarity",
            "3",
            "Patience",
            "2",
            "Ownership",
            "1",
        ]
    for _ in range(5):
        f.type("Value ")  # each wording kept as it is
    f.type("Ready?")  # step 4
    f.type("journey")
    f.type("everything goes right")
    f.type("in one sentence", "We get every rider back on a working bike by the next working day.")
    f.type("Keep this wording")
    f.wait("The vision is open on the phones")
    verdicts = {
        "Ana": ("pass", "pass", "pass", "yes"),
        "Ben": ("pass", "fail", "pass", "yes"),
        "Cem": ("pass", "pass", "fail", "yes"),
    }
    for page, name in zip(pages, NAMES, strict=True):
        page.wait_for_selector("#give")
        for criterion, verdict in zip(CRITERIA, verdicts[name][:3], strict=True):
            page.check(f"input[name={criterion}][value={verdict}]")
        page.check(f"input[name=lands][value={verdicts[name][3]}]")
        page.fill("input[name=reaction]", f"<b>{name}</b> likes it")
        _send(page, "#give", "/review")
    f.wait("3 of 3 have answered.")
    for criterion in ("Simple to understand", "Describes the type", "Reflects who you are"):
        f.type(criterion)  # the room's majority is offered: pass, pass, pass
    f.type("Who reviewed it?")
    f.type("A stakeholder who saw it")
    f.keys("Ready?", "3", ENTER)  # stop here for today, before step 5
    code_at_end, _ = f.finish()
    assert code_at_end == 0
    # The stop says how to carry on, and resuming opens the same room: the port it got
    # for --port 0, not another one.
    port = address.rsplit(":", 1)[1].split("/")[0]
    screen = " ".join(f.screen().split())
    resume = f"Resume with: cxphilo workshop --room --host 127.0.0.1 --port {port}"
    assert resume in screen, f.screen()

    doc = load(path).doc
    assert doc.brainstorm is not None
    assert sorted((i.text, i.by) for i in doc.brainstorm.ideas) == sorted(
        (idea, name) for name in NAMES for idea in IDEAS[name]
    )
    first, again = doc.brainstorm.rounds
    assert [(b.by, tuple(b.options)) for b in first.votes] == list(ballots.items())
    assert again.revote and again.options == ["Clarity", "Patience", "Ownership"]
    assert [v.name for v in doc.values] == ["Honesty", "Speed", "Warmth", "Clarity", "Patience"]
    assert doc.vision is not None and doc.vision.review is not None
    review = doc.vision.review
    assert (review.verdicts.simple, review.verdicts.service, review.verdicts.future) == (
        "pass",
        "pass",
        "pass",
    )
    assert [(r.who, r.reaction) for r in review.stakeholders] == [
        (name, f"<b>{name}</b> likes it") for name in NAMES
    ]
    checked = subprocess.run(
        [sys.executable, "-m", "cxphilo", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 errors" in checked.stdout


def test_killing_the_workshop_mid_vote_keeps_every_acknowledged_ballot(
    tmp_path: Path, browser: Any
) -> None:
    """SIGKILL while the phones vote; the same command again: the phones carry on by themselves."""
    path = tmp_path / "philosophy.yaml"
    data = {
        **DONE_1_AND_2,
        "brainstorm": {
            "participants": list(NAMES),
            "ideas": [{"text": idea} for name in NAMES for idea in IDEAS[name]],
        },
    }
    Store.create(path, Philosophy.model_validate(data))
    room = ("--room", "--host", "127.0.0.1", "--port", str(free_port("127.0.0.1")))
    f, address, code = _open_room(tmp_path, *room)
    pages = _join(browser, address, code)
    f.type("Who is in the room?")
    f.type("What next?")  # done: go on to the vote
    f.type("mean the same")
    f.keys("Secret ballots?", "y")
    f.type("Votes per person?")  # 2, a third of six
    f.wait("The ballot is open on the phones.")
    _vote(pages[0], ("Honesty", "Speed"))
    _vote(pages[1], ("Honesty", "Warmth"))
    f.wait("Ben has voted.")
    f.child.kill(signal.SIGKILL)  # the laptop's lid, a crash: nothing gets to clean up
    f.finish()
    pages[0].wait_for_selector("#offline")  # the phone says it lost the room, and keeps trying

    g, again_address, again_code = _open_room(tmp_path, *room)
    assert (again_address, again_code) == (address, code)  # the same room, the same code
    g.wait("The ballot is open on the phones.")
    for page in pages[:2]:  # back without joining again; their ballots are in
        page.wait_for_selector("#offline", state="detached")
        page.wait_for_selector("#voted")
    _vote(pages[2], ("Speed", "Clarity"))
    g.wait("Everyone here has voted: the tally")
    g.child.sendcontrol("c")
    code_at_end, _ = g.finish()
    assert code_at_end == 130
    bs = load(path).doc.brainstorm
    assert bs is not None and bs.anonymous
    held = bs.rounds[0]
    assert [b.by for b in held.votes] == list(NAMES)  # nobody twice, nobody lost
    assert held.tally == {"Honesty": 2, "Speed": 2, "Warmth": 1, "Clarity": 1}
