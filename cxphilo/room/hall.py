"""What the room may do at each moment, and what each device may see.

The terminal opens one phase at a time (ideas, a ballot, the review of the
vision) and waits; the phones act only inside the open phase. Everything a
phone sends is checked by the model's own rules and written through the
workshop's store before the phone is told it was received. One lock guards
the document: a phone writes only while the terminal waits for the room, and
the terminal takes the same lock when it opens or closes a phase.

Nobody's idea text or ballot reaches another device before the reveal: a
device's view holds its own ideas and its own ballot, and the tally only once
the terminal reveals it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from cxphilo.document.model import Brainstorm, Idea, Reaction, Verdicts, VisionReview
from cxphilo.locale import Words
from cxphilo.storage.store import Store
from cxphilo.vocabulary import (
    CRITERIA,
    MAX_IDEA_CHARS,
    MAX_NAME_CHARS,
    MAX_REACTION_CHARS,
    ROOM_SEATS,
)
from cxphilo.workshop import people, voting
from cxphilo.workshop.answers import Refused as AnswerRefused
from cxphilo.workshop.answers import clean

from .seats import Seat, Seats

Phase = Literal["waiting", "ideas", "ballot", "reveal", "review"]
# The phases in which the terminal waits and the phones may write to the document.
OPEN: tuple[Phase, ...] = ("ideas", "ballot", "review")

# A device may send this many requests in this many seconds (a person types far slower).
RATE_REQUESTS, RATE_SECONDS = 30, 10.0
# The room remembers a device's last submissions, so that a phone retrying a
# request it never heard back from does not add the same idea twice.
REMEMBERED_SUBMISSIONS = 64


class Refused(Exception):
    """A phone's request the room does not take, with the reason in the room's words."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class Hall:
    """The room around one document: its seats, the open phase, the countdown."""

    def __init__(
        self,
        store: Store,
        seats: Seats,
        t: Words,
        *,
        timer: Callable[[], tuple[float, int] | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.seats = seats
        self.t = t
        self.timer = timer  # (seconds left, seconds in all) of the step's time box
        self.lock = threading.RLock()
        self.phase: Phase = "waiting"
        self.round: int | None = None  # the open ballot's round, by index
        self.statement: str | None = None  # the vision the room reviews
        self.revealed: tuple[tuple[tuple[str, int], ...], tuple[str, ...]] = ((), ())
        self.version = 0  # goes up with every change a phone should see
        self._clock = clock
        self._recent: dict[str, deque[float]] = {}
        self._submitted: dict[str, deque[str]] = {}
        self._ideas: dict[str, list[str]] = {}  # per seat, the ideas it sent (its own view)

    # --- the terminal's side --------------------------------------------------------------

    @property
    def brainstorm(self) -> Brainstorm:
        """Step 3's section, to read: an empty one, not added to the document, before it exists."""
        return self.store.doc.brainstorm or Brainstorm()

    def _brainstorm_to_write(self) -> Brainstorm:
        """Step 3's section, added to the document when it is missing (under the lock)."""
        doc = self.store.doc
        doc.brainstorm = doc.brainstorm or Brainstorm()
        return doc.brainstorm

    def _changed(self) -> None:
        self.version += 1

    def _seat_everyone(self) -> None:
        """Put the names of the devices that joined on the room list (under the lock)."""
        bs = self._brainstorm_to_write()
        new = people.newcomers([s.name for s in self.seats.all()], bs.participants)
        if new:
            bs.participants = [*bs.participants, *new]
            self.store.save()

    def open_ideas(self) -> None:
        """Phones may send ideas now."""
        with self.lock:
            self._seat_everyone()
            self.phase, self.round = "ideas", None
            self._changed()

    def open_ballot(self, index: int) -> None:
        """The round `index` of step 3 is open on the phones."""
        with self.lock:
            self._seat_everyone()
            self.phase, self.round = "ballot", index
            self._changed()

    def reveal(self, counts: Mapping[str, int], kept: Sequence[str]) -> None:
        """Show a round's tally on every phone, together with the projector."""
        with self.lock:
            ranked = voting.ranked(counts)
            self.revealed = (tuple((o, counts[o]) for o in ranked), tuple(kept))
            self.phase, self.round = "reveal", None
            self._changed()

    def open_review(self, statement: str) -> None:
        """Each person gives their verdict on the vision `statement` and a gut reaction."""
        with self.lock:
            self._seat_everyone()
            self.phase, self.statement = "review", statement
            self._changed()

    def close(self) -> None:
        """Nothing is open: the phones wait for the next phase."""
        with self.lock:
            if self.phase != "reveal":
                self.phase = "waiting"
            self.round = None
            self._changed()

    def joined(self) -> list[Seat]:
        with self.lock:
            return self.seats.all()

    def remove(self, seat_id: str) -> Seat | None:
        """Take a device out: its cookie no longer holds a seat. Its name stays on the list."""
        with self.lock:
            seat = self.seats.remove(seat_id)
            self._changed()
            return seat

    def review(self) -> VisionReview | None:
        vision = self.store.doc.vision
        return vision.review if vision else None

    # --- the phones' side -----------------------------------------------------------------

    def _pace(self, key: str, *, count: bool = True) -> None:
        """Refuse when `key` sent too much lately; `count` adds this request to it."""
        now = self._clock()
        recent = self._recent.setdefault(key, deque())
        while recent and now - recent[0] > RATE_SECONDS:
            recent.popleft()
        if len(recent) >= RATE_REQUESTS:
            raise Refused(self.t("Too many requests at once; wait a moment."), 429)
        if count:
            recent.append(now)

    def _once(self, seat: Seat, nonce: str | None) -> bool:
        """False when the device sent this very submission before (a retry)."""
        if not nonce:
            return True
        seen = self._submitted.setdefault(seat.id, deque(maxlen=REMEMBERED_SUBMISSIONS))
        if nonce in seen:
            return False
        seen.append(nonce)
        return True

    def _text(self, answer: object, limit: int, *, required: bool = True) -> str:
        if not isinstance(answer, str):
            raise Refused(self.t("Please type some text."))
        try:
            text = clean(answer)
        except AnswerRefused as exc:
            raise Refused(self.t.say(exc.text)) from None
        if required and not text:
            raise Refused(self.t("Please type some text."))
        if len(text) > limit:
            raise Refused(self.t("Keep it to {count} characters or fewer.", count=limit), 413)
        return text

    def join(self, name: object, code: object, client: str) -> tuple[str, Seat]:
        """A device joins with the room's code and a name (none in secret mode)."""
        with self.lock:
            # Wrong codes are what a guesser sends: they are limited per address, while a
            # room of phones joining at once with the right code is not held up.
            self._pace("join:" + client, count=False)
            if not isinstance(code, str) or not self.seats.code_matches(code):
                self._pace("join:" + client)
                raise Refused(self.t("That join code is not this room's."), 403)
            if len(self.seats) >= ROOM_SEATS:
                raise Refused(self.t("The room is full."), 403)
            secret = bool(self.brainstorm.anonymous)
            given = self._text(name, MAX_NAME_CHARS, required=not secret)
            if not given:
                taken = {s.name for s in self.seats.all()}
                number = len(self.seats) + 1
                given = self.t("Participant {number}", number=number)
                while given in taken:
                    number += 1
                    given = self.t("Participant {number}", number=number)
            elif any(people.same_person(s.name, given) for s in self.seats.all()):
                raise Refused(
                    self.t(
                        "{name} has joined already; add an initial to tell you apart.", name=given
                    ),
                    409,
                )
            token, seat = self.seats.add(given, named=bool(name))
            if self.phase in OPEN:  # the terminal waits for the room: the list may change
                self._seat_everyone()
            self._changed()
            return token, seat

    def send_idea(self, seat: Seat, text: object, nonce: str | None = None) -> None:
        """An idea from a phone, saved before the phone hears it was received."""
        with self.lock:
            self._pace(seat.id)
            if self.phase != "ideas":
                raise Refused(self.t("Ideas are closed right now."), 409)
            idea_text = self._text(text, MAX_IDEA_CHARS)
            if not self._once(seat, nonce):
                return
            # In secret mode the file does not say who wrote an idea.
            bs = self._brainstorm_to_write()
            by = None if bs.anonymous else seat.name
            bs.ideas = [*bs.ideas, Idea(text=idea_text, by=by)]
            self.store.save()
            self._ideas.setdefault(seat.id, []).append(idea_text)
            self._changed()

    def cast(self, seat: Seat, round_index: object, picks: object) -> None:
        """A ballot from a phone: one per person per round; no pick is an abstention."""
        with self.lock:
            self._pace(seat.id)
            bs = self.brainstorm
            if self.phase != "ballot" or self.round is None or round_index != self.round:
                raise Refused(self.t("This round is not open for voting."), 409)
            held = bs.rounds[self.round]
            if not isinstance(picks, list) or not all(isinstance(p, str) for p in picks):
                raise Refused(self.t("Please tick the options you vote for."))
            if not any(people.same_person(seat.name, p) for p in bs.participants):
                self._seat_everyone()
            person = next(p for p in bs.participants if people.same_person(seat.name, p))
            if person not in voting.missing_voters(bs.participants, held.votes):
                raise Refused(self.t("Your ballot for this round is in already."), 409)
            options = list(held.options)
            # The options as the round spells them (check_ballot refuses any other).
            chosen = [next((o for o in options if voting.same(o, p)), p) for p in picks]
            why = voting.check_ballot(chosen, options, held.votes_per_person, self.t)
            if why:
                raise Refused(why)
            voting.record_ballot(held, person, chosen, bool(bs.anonymous))
            self.store.save()
            self._changed()

    def give_review(self, seat: Seat, verdicts: object, reaction: object, lands: object) -> None:
        """One person's verdict on each criterion and their gut reaction to the vision."""
        with self.lock:
            self._pace(seat.id)
            review = self.review()
            if self.phase != "review" or review is None or self.statement != review.statement:
                raise Refused(self.t("The vision is not open for review right now."), 409)
            if not isinstance(verdicts, dict) or any(
                verdicts.get(name) not in ("pass", "fail") for name in CRITERIA
            ):
                raise Refused(self.t("Please give pass or fail on each of the three criteria."))
            if not isinstance(lands, bool):
                raise Refused(self.t("Please say whether the vision lands with you."))
            words = self._text(reaction, MAX_REACTION_CHARS, required=False) or None
            given = Verdicts(**{name: verdicts[name] for name in CRITERIA})
            mine = Reaction(who=seat.name, reaction=words, lands=lands, verdicts=given)
            others = [r for r in review.stakeholders if not people.same_person(r.who, seat.name)]
            review.stakeholders = [*others, mine]
            self.store.save()
            self._changed()

    def view(self, seat: Seat) -> dict[str, Any]:
        """What this device may see now: its own ideas and ballot, never anyone else's."""
        with self.lock:
            bs = self.brainstorm
            out: dict[str, Any] = {
                "version": self.version,
                "phase": self.phase,
                "you": seat.name,
                "timer": self.timer(),
            }
            if self.phase == "ideas":
                out["question"] = bs.question or ""
                out["mine"] = list(self._ideas.get(seat.id, []))
            elif self.phase == "ballot" and self.round is not None:
                held = bs.rounds[self.round]
                voted = not any(
                    people.same_person(seat.name, p)
                    for p in voting.missing_voters(bs.participants, held.votes)
                )
                out["ballot"] = {
                    "round": self.round,
                    "options": list(held.options),
                    "votes": held.votes_per_person,
                    "revote": bool(held.revote),
                    "voted": voted,
                }
                if held.revote and self.revealed[0]:  # the tally that tied, above the re-vote
                    out.update(self._revealed_view())
            elif self.phase == "reveal":
                out.update(self._revealed_view())
            elif self.phase == "review":
                review = self.review()
                out["statement"] = self.statement or ""
                out["given"] = bool(
                    review
                    and any(people.same_person(r.who, seat.name) for r in review.stakeholders)
                )
            return out

    def _revealed_view(self) -> dict[str, list[Any]]:
        """The last tally revealed, and what went through, as a device sees them."""
        tally, kept = self.revealed
        return {"tally": [list(row) for row in tally], "kept": list(kept)}

    # --- what the terminal shows ------------------------------------------------------------

    def voted(self) -> list[str]:
        """Who has voted in the open round (names only, never what)."""
        with self.lock:
            if self.round is None:
                return []
            return [b.by for b in self.brainstorm.rounds[self.round].votes]

    def spread(self) -> dict[str, tuple[int, int]]:
        """Per criterion, how many in the room passed and failed the vision."""
        with self.lock:
            review = self.review()
            out: dict[str, tuple[int, int]] = {name: (0, 0) for name in CRITERIA}
            for reaction in review.stakeholders if review else []:
                if reaction.verdicts is None:
                    continue
                for name in CRITERIA:
                    passed, failed = out[name]
                    verdict = getattr(reaction.verdicts, name)
                    out[name] = (passed + (verdict == "pass"), failed + (verdict == "fail"))
            return out
