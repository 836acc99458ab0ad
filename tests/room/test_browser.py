"""Three people in a real headless browser (the system's Chromium, driven by Playwright).

The room's server runs as `workshop --room` runs it (uvicorn in its thread on
the loopback address); the facilitator's side opens and closes the phases
through the hall. Each person joins from their own browser context (their own
cookies), sends ideas, votes, sees the tally together with the others, and
gives a verdict on the vision.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Brainstorm, Round, Vision, VisionReview
from cxphilo.document.operations import new_document
from cxphilo.locale import words
from cxphilo.room.hall import Hall
from cxphilo.room.seats import Seats
from cxphilo.room.serve import RoomServer
from cxphilo.storage.store import Store

pytestmark = pytest.mark.slow
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Hall, RoomServer]]:
    doc = new_document("Nordlys", None, "en")
    doc.brainstorm = Brainstorm(participants=[])
    store = Store.create(tmp_path / "philosophy.yaml", doc)
    hall = Hall(store, Seats(tmp_path / "seats.json"), words("en"))
    server = RoomServer(hall, "127.0.0.1", 0)
    server.start()
    yield hall, server
    server.stop()


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_three_people_join_send_ideas_vote_and_review(served: tuple[Hall, RoomServer]) -> None:
    hall, server = served
    with sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        pages = []
        for name in ("Ana", "Bo", "Mei"):
            page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
            page.goto(server.join_link)
            page.fill("input[name=name]", name)
            page.click("button[type=submit]")
            page.wait_for_selector("#waiting")
            pages.append(page)
        hall.open_ideas()
        for page, idea in zip(pages, ("Honesty", "Speed", "<b>Warmth</b>"), strict=True):
            page.wait_for_selector("#idea")
            page.fill("#idea", idea)
            page.click("#send")
            page.wait_for_selector(f"#mine li >> text={idea}")
        hall.close()
        ideas = [(i.text, i.by) for i in hall.brainstorm.ideas]
        assert sorted(ideas) == [("<b>Warmth</b>", "Mei"), ("Honesty", "Ana"), ("Speed", "Bo")]
        hall.brainstorm.rounds = [
            Round(options=["Honesty", "Speed", "<b>Warmth</b>"], votes_per_person=1)
        ]
        hall.open_ballot(0)
        for page, pick in zip(pages, ("Honesty", "Speed", None), strict=True):
            page.wait_for_selector("#cast")
            if pick is None:
                page.click("#abstain")
            else:
                page.check(f"input[value='{pick}']")
                page.click("#cast")
            page.wait_for_selector("#voted")
        # Nothing of the others' ballots on a phone before the reveal.
        assert "Speed" not in pages[0].inner_text("#room")
        held = hall.brainstorm.rounds[0]
        assert [(b.by, b.options, b.no_vote) for b in held.votes] == [
            ("Ana", ["Honesty"], None),
            ("Bo", ["Speed"], None),
            ("Mei", [], "abstained"),
        ]
        hall.reveal({"Honesty": 1, "Speed": 1, "<b>Warmth</b>": 0}, ["Honesty", "Speed"])
        for page in pages:
            page.wait_for_selector("#tally")
            assert "<b>Warmth</b>" in page.inner_text("#tally")  # shown as text, not markup
        statement = "We answer every question in plain words."
        hall.store.doc.vision = Vision(
            statement=statement, review=VisionReview(statement=statement)
        )
        hall.open_review(statement)
        for page in pages:
            page.wait_for_selector("#give")
            for criterion in ("simple", "service", "future"):
                page.check(f"input[name={criterion}][value=pass]")
            page.check("input[name=lands][value=yes]")
            page.click("#give")
            page.wait_for_selector("#given")
        hall.close()  # the terminal moves on at once: each still sees that theirs is in
        for page in pages:
            page.wait_for_selector("#waiting")
            assert page.query_selector("#given") is not None
        browser.close()
    assert hall.spread() == {"simple": (3, 0), "service": (3, 0), "future": (3, 0)}
    saved = Store.open(hall.store.path).doc
    assert saved.vision is not None and saved.vision.review is not None
    assert [r.who for r in saved.vision.review.stakeholders] == ["Ana", "Bo", "Mei"]


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_a_late_answer_to_an_earlier_poll_leaves_the_form_being_filled_in(
    served: tuple[Hall, RoomServer],
) -> None:
    """A slow network answers polls out of order; the older answer must not redraw the form."""
    hall, server = served
    held: list[tuple[Any, Any]] = []

    def hold_the_first(route: Any) -> None:
        if held:  # every later poll goes straight through
            route.continue_()
        else:  # the page's state as it is now, answered only later
            held.append((route, route.fetch()))

    with sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        page.goto(server.join_link)
        page.fill("input[name=name]", "Ana")
        page.click("button[type=submit]")
        page.wait_for_selector("#waiting")
        page.route("**/state", hold_the_first)
        while not held:  # the next poll: "waiting", as things stand
            page.wait_for_timeout(100)
        statement = "We answer every question in plain words."
        hall.store.doc.vision = Vision(
            statement=statement, review=VisionReview(statement=statement)
        )
        hall.open_review(statement)
        page.wait_for_selector("#give")
        page.check("input[name=simple][value=pass]")
        route, stale = held[0]
        with page.expect_response("**/state"):  # the late answer, then one more poll
            route.fulfill(response=stale)
        with page.expect_response("**/state"):
            pass
        page.wait_for_timeout(200)
        assert page.query_selector("#waiting") is None
        assert page.is_checked("input[name=simple][value=pass]")
        browser.close()
