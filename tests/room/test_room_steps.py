"""Steps 3 and 4 with phones in the room: the terminal's side, phones driven through the hall.

The phones here act through the hall's own methods, the ones the web edge
calls, while the facilitator's keyboard is a script: ideas arrive while the
terminal waits, a ballot opens on the phones and someone without a phone votes
on the terminal, the tally is revealed on the phones, and each person's
verdict on the vision lands in the review.
"""

from __future__ import annotations

from pathlib import Path

from cxphilo.document.model import Philosophy, Vision
from cxphilo.locale import words
from cxphilo.room.hall import Hall
from cxphilo.room.seats import Seat, Seats
from cxphilo.storage.store import Store
from cxphilo.workshop import values, vision
from cxphilo.workshop.asker import RecordingScreen
from cxphilo.workshop.scripted import DEFAULT, ScriptedAsker
from cxphilo.workshop.session import Session
from tests.workshop.conftest import TODAY, fake_judge

IDEAS = ["Honesty", "Speed", "Warmth", "Ownership", "Clarity", "Patience"]


def _room(
    tmp_path: Path, script: list[object], data: dict[str, object]
) -> tuple[Session, Hall, ScriptedAsker]:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, Philosophy.model_validate(data))
    asker = ScriptedAsker(script)
    session = Session(Store.open(path), asker, RecordingScreen(), today=TODAY, judge=fake_judge)
    hall = Hall(session.store, Seats(tmp_path / "seats.json"), words("en"))
    session.room = hall
    return session, hall, asker


def _join(hall: Hall, name: str) -> Seat:
    _, seat = hall.join(name, hall.seats.code, "127.0.0.1")
    return seat


def test_ideas_and_a_ballot_from_phones_with_one_person_voting_on_the_terminal(
    tmp_path: Path,
) -> None:
    script: list[object] = [
        ("Who is in the room", "Mei"),
        ("What next", "phones"),
        ("What next", "done"),
        ("mean the same", []),
        ("Secret ballots", False),
        ("Votes per person", DEFAULT),  # a third of six: 2
        ("Next ballot: Mei", "vote"),
        ("Mei: pick", ["Ownership", "Clarity"]),
        ("Merge options", False),
        *[(f"Value {n}", DEFAULT) for n in range(1, 6)],
    ]
    session, hall, asker = _room(tmp_path, script, {"company": {"name": "Nordlys"}})
    ana, bo = _join(hall, "Ana"), _join(hall, "Bo")
    seen_before_reveal: list[dict[str, object]] = []

    def phones() -> bool:
        if hall.phase == "ideas":
            for index, idea in enumerate(IDEAS):
                hall.send_idea(ana if index % 2 else bo, idea, nonce=str(index))
            return True  # the facilitator closes the ideas
        if hall.phase == "ballot" and not seen_before_reveal:
            hall.cast(ana, hall.round, ["Honesty", "Speed"])
            hall.cast(bo, hall.round, ["Honesty", "Warmth"])
            seen_before_reveal.append(hall.view(bo))
            return False  # the terminal shows who voted on its next look
        if hall.phase == "ballot":
            return True  # Mei has no phone: she votes on the terminal
        raise AssertionError(f"nothing to wait for in phase {hall.phase}")

    asker.on_pause = phones
    values.run(session)
    assert asker.remaining == 0, asker.script
    doc = Store.open(session.store.path).doc
    bs = doc.brainstorm
    assert bs is not None
    assert bs.participants == ["Mei", "Ana", "Bo"]
    assert [i.text for i in bs.ideas] == IDEAS
    assert [i.by for i in bs.ideas] == ["Bo", "Ana", "Bo", "Ana", "Bo", "Ana"]
    held = bs.rounds[0]
    assert [(b.by, b.options) for b in held.votes] == [
        ("Ana", ["Honesty", "Speed"]),
        ("Bo", ["Honesty", "Warmth"]),
        ("Mei", ["Ownership", "Clarity"]),
    ]
    assert [v.name for v in doc.values] == ["Honesty", "Speed", "Warmth", "Ownership", "Clarity"]
    # Before the reveal Bo's phone saw its own ballot in, and no tally.
    assert seen_before_reveal[0]["ballot"]["voted"] is True  # type: ignore[index]
    assert "tally" not in seen_before_reveal[0]
    # After it, every phone shows the tally the projector shows.
    assert hall.view(ana)["tally"][0] == ["Honesty", 2]
    # The terminal named who voted and never a count before the reveal.
    shown = session.screen.text()  # type: ignore[attr-defined]
    assert "Ana has voted." in shown and "Bo has voted." in shown


def test_each_person_reviews_the_vision_from_a_phone(tmp_path: Path) -> None:
    statement = "We answer every question in plain words, the first time."
    data: dict[str, object] = {
        "company": {"name": "Nordlys"},
        "brainstorm": {"participants": ["Ana", "Bo"]},
        "vision": {
            "journey": "From the first question to a solved problem.",
            "best_day": "They say we were clear.",
            "statement": statement,
        },
    }
    script: list[object] = [
        ("Simple to understand", DEFAULT),
        ("Describes the type", DEFAULT),
        ("Reflects who you are", DEFAULT),
        ("Who reviewed it", DEFAULT),
        ("stakeholder", ""),
        ("Rewrite it now", False),  # the room failed it on service; the team rewrites later
    ]
    session, hall, asker = _room(tmp_path, script, data)
    ana, bo = _join(hall, "Ana"), _join(hall, "Bo")

    def phones() -> bool:
        assert hall.phase == "review"
        hall.give_review(ana, {"simple": "pass", "service": "fail", "future": "pass"}, "ok", True)
        hall.give_review(bo, {"simple": "pass", "service": "fail", "future": "fail"}, "", False)
        return False  # everyone has answered: the wait ends by itself

    asker.on_pause = phones
    session.entry = "resume"  # the statement is written: carry on at the team's verdicts
    vision.run(session)
    review = Store.open(session.store.path).doc.vision.review  # type: ignore[union-attr]
    assert review is not None
    # The room's majority became the team's verdict where it had one; a split keeps the
    # engine's suggestion (pass here).
    assert (review.verdicts.simple, review.verdicts.service, review.verdicts.future) == (
        "pass",
        "fail",
        "pass",
    )
    assert [(r.who, r.lands) for r in review.stakeholders] == [("Ana", True), ("Bo", False)]
    assert hall.spread() == {"simple": (2, 0), "service": (0, 2), "future": (1, 1)}
    assert isinstance(session.doc.vision, Vision)


def test_the_facilitator_takes_a_phone_out_and_its_owner_joins_again(tmp_path: Path) -> None:
    """A stranger's phone, or a swapped one, leaves; the name stays and may join once more."""
    session, hall, asker = _room(tmp_path, [], {"company": {"name": "Nordlys"}})
    ana, bo = _join(hall, "Ana"), _join(hall, "Bo")
    asker.script += [
        ("Who is in the room", "Mei"),
        ("What next", "unseat"),
        ("Which phone leaves", "\x00keep"),  # changing one's mind takes nobody out
        ("What next", "unseat"),
        ("Which phone leaves", bo.id),
        ("What next", "leave"),
    ]
    values.run(session)
    assert asker.remaining == 0, asker.script
    assert [s.name for s in hall.joined()] == ["Ana"]
    shown = session.screen.text()  # type: ignore[attr-defined]
    assert shown.count("phone is out of the room") == 1
    assert "Bo's phone is out of the room." in shown
    again = _join(hall, "Bo")  # the name is free again for Bo's new phone
    assert again.id != bo.id and ana in hall.joined()
