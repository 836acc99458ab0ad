"""The steps' side of the room: ideas, ballots and the vision's review from the phones.

Each helper opens one phase on the phones (`Session.room`), shows on the
terminal what may be shown while it is open (an idea as it arrives, who has
voted — never what), waits until the room is done or the facilitator presses
Enter, and closes the phase again. What the phones send is already in the
document when these return: the hall writes it through the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cxphilo.document.model import Brainstorm
from cxphilo.vocabulary import CRITERIA, CRITERION_NAMES

from . import voting
from .asker import Choice, Room, Table
from .session import Session


def _room(session: Session) -> Room:
    assert session.room is not None
    return session.room


def _bs(session: Session) -> Brainstorm:
    assert session.doc.brainstorm is not None
    return session.doc.brainstorm


def collect_ideas(session: Session) -> int:
    """Ideas from the phones until the facilitator closes them; returns how many came."""
    room, t = _room(session), session.t
    bs = _bs(session)
    start = shown = len(bs.ideas)

    def arrived() -> list[str]:
        nonlocal shown
        new = bs.ideas[shown:]
        shown += len(new)
        return [
            t("{idea} — {person}", idea=idea.text, person=idea.by) if idea.by else idea.text
            for idea in new
        ]

    room.open_ideas()
    try:
        session.wait(
            t(
                "Ideas are open on the phones: they appear here as they arrive. Press Enter to "
                "close them."
            ),
            arrived,
            lambda: False,
        )
    finally:
        room.close()
    return len(bs.ideas) - start


def wait_for_ballots(session: Session, index: int) -> bool:
    """The round `index` on the phones, until everyone has voted (True) or Enter (False).

    The terminal names who has voted as they do; the tally waits for the reveal.
    """
    room, t = _room(session), session.t
    bs = _bs(session)
    seen = {voting.key(name) for name in room.voted()}

    def arrived() -> list[str]:
        new = [name for name in room.voted() if voting.key(name) not in seen]
        seen.update(voting.key(name) for name in new)
        return [t("{person} has voted.", person=name) for name in new]

    def everyone() -> bool:
        return not voting.missing_voters(bs.participants, bs.rounds[index].votes)

    room.open_ballot(index)
    try:
        return session.wait(
            t(
                "The ballot is open on the phones. Press Enter to stop waiting (someone "
                "without a phone can then vote here)."
            ),
            arrived,
            everyone,
        )
    finally:
        room.close()


def reveal(session: Session, counts: Mapping[str, int], kept: Sequence[str]) -> None:
    """The tally on every phone, as it shows on the projector."""
    _room(session).reveal(counts, kept)


def review(session: Session, statement: str) -> None:
    """Each person's verdict on the three criteria and gut reaction, from their phone."""
    room, t = _room(session), session.t
    seats = len(room.joined())
    answered = 0

    def given() -> int:
        spread = room.spread()
        return max((sum(spread[name]) for name in CRITERIA), default=0)

    def arrived() -> list[str]:
        nonlocal answered
        now = given()
        lines = (
            []
            if now == answered
            else [t("{count} of {total} have answered.", count=now, total=seats)]
        )
        answered = now
        return lines

    room.open_review(statement)
    try:
        session.wait(
            t(
                "The vision is open on the phones: each person gives a verdict on the three "
                "criteria and a gut reaction. Press Enter to close."
            ),
            arrived,
            lambda: seats > 0 and given() >= seats,
        )
    finally:
        room.close()
    session.show(spread_table(room.spread(), session))


def remove_phone(session: Session) -> None:
    """Take one device out of the room: a stranger's, or a phone someone swapped for another.

    The name stays on the room's list: its owner may join again from a new phone,
    and "Change who is in the room" takes a name off.
    """
    room, t = _room(session), session.t
    seats = list(room.joined())
    if not seats:
        session.note(t("No phone has joined yet."), "info")
        return
    keep = "\x00keep"
    chosen = session.select(
        t("Which phone leaves the room?"),
        [*(Choice(seat.name, seat.id) for seat in seats), Choice(t("Keep every phone"), keep)],
        default=keep,
    )
    seat = room.remove(chosen) if chosen != keep else None
    if seat is not None:
        session.note(
            t(
                "{person}'s phone is out of the room. The name stays on the list; "
                "{person} can join again from another phone.",
                person=seat.name,
            ),
            "done",
        )


def spread_table(spread: Mapping[str, tuple[int, int]], session: Session) -> Table:
    """The room's verdicts per criterion: how many passed it, how many failed it."""
    t = session.t
    rows = tuple(
        (t(CRITERION_NAMES[name]), str(spread[name][0]), str(spread[name][1])) for name in CRITERIA
    )
    return Table(t("The room's verdicts"), (t("Criterion"), t("Pass"), t("Fail")), rows)


def majority(spread: Mapping[str, tuple[int, int]], name: str) -> str | None:
    """The room's verdict on one criterion when more of it passed or failed it, else None."""
    passed, failed = spread.get(name, (0, 0))
    if passed == failed:
        return None
    return "pass" if passed > failed else "fail"
