"""The room's server as the phones and an attacker meet it, through starlette's test client.

Every refusal the room promises is tried here: a second ballot, a post without
the seat's cookie or its anti-forgery token, a cross-site form, a guessed
token, an oversized idea; markup in an idea stays text; nothing a person sends
reaches another device before the reveal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from cxphilo.document.model import Brainstorm, Round, Vision, VisionReview
from cxphilo.document.operations import new_document
from cxphilo.locale import words
from cxphilo.room.hall import Hall
from cxphilo.room.seats import Seats
from cxphilo.room.web import COOKIE, CSRF_HEADER, build
from cxphilo.storage.store import Store
from cxphilo.vocabulary import MAX_IDEA_CHARS

BASE = "http://testserver"


@pytest.fixture
def hall(tmp_path: Path) -> Hall:
    doc = new_document("Nordlys", None, "en")
    doc.brainstorm = Brainstorm(participants=["Mei"])
    store = Store.create(tmp_path / "philosophy.yaml", doc)
    return Hall(store, Seats(tmp_path / "seats.json"), words("en"))


def phone(hall: Hall, name: str) -> tuple[TestClient, str]:
    """A device that joined the room under `name`; returns it and its anti-forgery token."""
    client = TestClient(build(hall), base_url=BASE)
    answer = client.post("/join", json={"code": hall.seats.code, "name": name})
    assert answer.status_code == 200, answer.text
    seat = hall.seats.find(client.cookies.get(COOKIE))
    assert seat is not None
    return client, seat.csrf


def post(client: TestClient, csrf: str, path: str, body: object) -> object:
    return client.post(path, json=body, headers={CSRF_HEADER: csrf, "Origin": BASE})


def test_a_phone_joins_and_its_idea_is_saved_before_it_is_told(hall: Hall) -> None:
    client, csrf = phone(hall, "Ana")
    hall.open_ideas()
    answer = post(client, csrf, "/idea", {"text": "Tell it straight", "nonce": "a"})
    assert answer.status_code == 200
    saved = Store.open(hall.store.path).doc
    assert saved.brainstorm is not None
    assert [(i.text, i.by) for i in saved.brainstorm.ideas] == [("Tell it straight", "Ana")]
    assert "Ana" in saved.brainstorm.participants


def test_the_cookie_is_httponly_and_samesite(hall: Hall) -> None:
    client = TestClient(build(hall), base_url=BASE)
    answer = client.post("/join", json={"code": hall.seats.code, "name": "Ana"})
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_wrong_join_code_is_refused(hall: Hall) -> None:
    client = TestClient(build(hall), base_url=BASE)
    answer = client.post("/join", json={"code": "AAAAAAAAAA", "name": "Ana"})
    assert answer.status_code == 403
    assert COOKIE not in client.cookies


def test_the_code_is_taken_as_the_terminal_shows_it() -> None:
    """The terminal shows ABCDE-FGHJK: with or without the dash, any case, it matches."""
    seats = Seats(None)
    code = seats.code
    for typed in (code, f"{code[:5]}-{code[5:]}", f" {code[:5].lower()} {code[5:]} "):
        assert seats.code_matches(typed), typed
    assert not seats.code_matches(code[:9])
    assert not seats.code_matches(code + "A")


def test_join_attempts_are_rate_limited(hall: Hall) -> None:
    client = TestClient(build(hall), base_url=BASE)
    codes = [
        client.post("/join", json={"code": "WRONG", "name": "x"}).status_code for _ in range(40)
    ]
    assert codes[0] == 403 and codes[-1] == 429


def test_a_second_ballot_in_a_round_is_refused(hall: Hall) -> None:
    bs = hall.brainstorm
    bs.rounds = [Round(options=["Honesty", "Speed", "Warmth"], votes_per_person=1)]
    client, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    first = post(client, csrf, "/ballot", {"round": 0, "picks": ["Honesty"]})
    second = post(client, csrf, "/ballot", {"round": 0, "picks": ["Speed"]})
    assert first.status_code == 200
    assert second.status_code == 409
    held = Store.open(hall.store.path).doc.brainstorm.rounds[0]  # type: ignore[union-attr]
    assert [(b.by, b.options) for b in held.votes] == [("Ana", ["Honesty"])]


def test_a_ballot_over_the_limit_or_for_no_option_is_refused(hall: Hall) -> None:
    hall.brainstorm.rounds = [Round(options=["Honesty", "Speed", "Warmth"], votes_per_person=1)]
    client, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    assert (
        post(client, csrf, "/ballot", {"round": 0, "picks": ["Honesty", "Speed"]}).status_code
        == 400
    )
    assert post(client, csrf, "/ballot", {"round": 0, "picks": ["Cheap"]}).status_code == 400
    assert hall.brainstorm.rounds[0].votes == []


def test_a_ballot_without_the_cookie_is_refused(hall: Hall) -> None:
    hall.brainstorm.rounds = [Round(options=["Honesty", "Speed"], votes_per_person=1)]
    _, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    stranger = TestClient(build(hall), base_url=BASE)
    answer = post(stranger, csrf, "/ballot", {"round": 0, "picks": ["Honesty"]})
    assert answer.status_code == 401
    assert hall.brainstorm.rounds[0].votes == []


def test_a_guessed_token_holds_no_seat(hall: Hall) -> None:
    hall.brainstorm.rounds = [Round(options=["Honesty", "Speed"], votes_per_person=1)]
    _, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    guesser = TestClient(build(hall), base_url=BASE)
    guesser.cookies.set(COOKIE, "A" * 43)
    assert guesser.get("/state").status_code == 401
    assert post(guesser, csrf, "/ballot", {"round": 0, "picks": ["Honesty"]}).status_code == 401


def test_a_cross_site_form_post_is_refused(hall: Hall) -> None:
    hall.brainstorm.rounds = [Round(options=["Honesty", "Speed"], votes_per_person=1)]
    client, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    # What a page on another site can make a browser send: a form, its own origin, no token.
    forged = client.post(
        "/ballot",
        data={"round": "0", "picks": "Honesty"},
        headers={"Origin": "http://evil.example"},
    )
    assert forged.status_code == 403
    # Even with the right token, JSON from another origin is refused.
    other = client.post(
        "/ballot",
        json={"round": 0, "picks": ["Honesty"]},
        headers={CSRF_HEADER: csrf, "Origin": "http://evil.example"},
    )
    assert other.status_code == 403
    no_token = client.post(
        "/ballot", json={"round": 0, "picks": ["Honesty"]}, headers={"Origin": BASE}
    )
    assert no_token.status_code == 403
    assert hall.brainstorm.rounds[0].votes == []


def test_an_oversized_idea_or_body_is_refused(hall: Hall) -> None:
    client, csrf = phone(hall, "Ana")
    hall.open_ideas()
    long_idea = post(client, csrf, "/idea", {"text": "x" * (MAX_IDEA_CHARS + 1)})
    assert long_idea.status_code == 413
    huge = post(client, csrf, "/idea", {"text": "x" * 100_000})
    assert huge.status_code == 413
    assert hall.brainstorm.ideas == []


def test_markup_in_an_idea_is_kept_as_text_and_never_served_as_markup(hall: Hall) -> None:
    client, csrf = phone(hall, "<b>Ana</b>")
    hall.open_ideas()
    idea = "<script>alert(1)</script> {{ 7*7 }} [bold]x[/bold]"
    assert post(client, csrf, "/idea", {"text": idea}).status_code == 200
    assert hall.brainstorm.ideas[-1].text == idea
    page = client.get("/").text
    assert "<script>alert" not in page and "<b>Ana" not in page
    state = client.get("/state")
    assert state.headers["content-type"].startswith("application/json")
    assert "script-src 'self'" in state.headers["content-security-policy"]


def test_nothing_reaches_another_device_before_the_reveal(hall: Hall) -> None:
    bs = hall.brainstorm
    bs.participants = []
    ana, ana_csrf = phone(hall, "Ana")
    bo, bo_csrf = phone(hall, "Bo")
    hall.open_ideas()
    post(ana, ana_csrf, "/idea", {"text": "Ana's secret idea"})
    assert "Ana's secret idea" not in bo.get("/state").text
    hall.close()
    bs.rounds = [Round(options=["Honesty", "Zebra speed"], votes_per_person=1)]
    hall.open_ballot(0)
    post(ana, ana_csrf, "/ballot", {"round": 0, "picks": ["Zebra speed"]})
    # Bo's view names the options (the round's own), but nothing of Ana's ballot.
    seen = bo.get("/state").json()
    assert seen["ballot"]["voted"] is False
    assert "tally" not in seen and "Ana" not in json.dumps(seen)
    post(bo, bo_csrf, "/ballot", {"round": 0, "picks": ["Honesty"]})
    hall.reveal({"Honesty": 1, "Zebra speed": 1}, ["Honesty", "Zebra speed"])
    assert bo.get("/state").json()["tally"] == [["Honesty", 1], ["Zebra speed", 1]]


def test_a_secret_round_keeps_only_who_voted(hall: Hall) -> None:
    bs = hall.brainstorm
    bs.anonymous = True
    bs.rounds = [Round(options=["Honesty", "Speed"], votes_per_person=1)]
    client, csrf = phone(hall, "Ana")
    hall.open_ballot(0)
    assert post(client, csrf, "/ballot", {"round": 0, "picks": ["Speed"]}).status_code == 200
    held = Store.open(hall.store.path).doc.brainstorm.rounds[0]  # type: ignore[union-attr]
    assert [(b.by, b.options) for b in held.votes] == [("Ana", [])]
    assert held.tally == {"Speed": 1}


def test_a_removed_device_loses_its_seat(hall: Hall) -> None:
    client, csrf = phone(hall, "Ana")
    seat = hall.seats.find(client.cookies.get(COOKIE))
    assert seat is not None
    hall.remove(seat.id)
    hall.open_ideas()
    assert post(client, csrf, "/idea", {"text": "late"}).status_code == 401
    assert client.get("/state").status_code == 401


def test_a_seat_survives_a_restart(hall: Hall, tmp_path: Path) -> None:
    client, _ = phone(hall, "Ana")
    token = client.cookies.get(COOKIE)
    again = Hall(Store.open(hall.store.path), Seats(tmp_path / "seats.json"), words("en"))
    assert again.seats.code == hall.seats.code
    rejoined = TestClient(build(again), base_url=BASE)
    rejoined.cookies.set(COOKIE, token or "")
    assert rejoined.get("/state").json()["you"] == "Ana"
    # The file keeps a digest of the token, never the token itself.
    assert token and token not in (tmp_path / "seats.json").read_text()


def test_each_person_reviews_the_vision_once_and_the_spread_is_counted(hall: Hall) -> None:
    statement = "We answer every question in plain words."
    hall.store.doc.vision = Vision(statement=statement, review=VisionReview(statement=statement))
    ana, ana_csrf = phone(hall, "Ana")
    bo, bo_csrf = phone(hall, "Bo")
    hall.open_review(statement)
    passing = {"simple": "pass", "service": "pass", "future": "fail"}
    body = {"verdicts": passing, "reaction": "clear", "lands": True}
    assert post(ana, ana_csrf, "/review", body).status_code == 200
    assert post(ana, ana_csrf, "/review", body).status_code == 200  # a change of mind replaces
    bad = {"verdicts": {"simple": "maybe"}, "reaction": "", "lands": True}
    assert post(bo, bo_csrf, "/review", bad).status_code == 400
    assert hall.spread() == {"simple": (1, 0), "service": (1, 0), "future": (0, 1)}
    saved = Store.open(hall.store.path).doc.vision.review  # type: ignore[union-attr]
    assert [(r.who, r.lands, r.verdicts.future) for r in saved.stakeholders] == [  # type: ignore[union-attr]
        ("Ana", True, "fail")
    ]


def test_a_retried_idea_is_counted_once(hall: Hall) -> None:
    client, csrf = phone(hall, "Ana")
    hall.open_ideas()
    for _ in range(3):
        post(client, csrf, "/idea", {"text": "Own the problem", "nonce": "same"})
    assert [i.text for i in hall.brainstorm.ideas] == ["Own the problem"]


def test_posts_outside_an_open_phase_are_refused(hall: Hall) -> None:
    client, csrf = phone(hall, "Ana")
    assert post(client, csrf, "/idea", {"text": "too early"}).status_code == 409
    assert hall.brainstorm.ideas == []


def test_a_whole_room_joining_at_once_from_one_address_is_not_held_up(hall: Hall) -> None:
    # Only wrong codes are limited: forty phones behind one router all get their seat.
    for number in range(40):
        hall.join(f"Person {number}", hall.seats.code, "10.0.0.1")
    assert len(hall.seats) == 40


def test_joining_before_step_3_leaves_the_document_as_it_was(tmp_path: Path) -> None:
    """A phone that joins and looks while step 1 runs adds no empty step 3 to the file."""
    store = Store.create(tmp_path / "philosophy.yaml", new_document("Nordlys", None, "en"))
    early = Hall(store, Seats(tmp_path / "seats.json"), words("en"))
    before = store.path.read_text(encoding="utf-8")
    client, _ = phone(early, "Ana")
    assert client.get("/state").json()["phase"] == "waiting"
    assert store.doc.brainstorm is None
    assert store.path.read_text(encoding="utf-8") == before
