"""Step 4, vision: write it, see the three criteria at once, rewrite, then the team's review.

The criteria engine is the check's own (`cxphilo.criteria`), so the verdicts
the room sees are the ones CI will give. The review is bound to the exact
statement the team looked at; earlier wordings are kept as drafts.
"""

from __future__ import annotations

from typing import Any

from cxphilo.document.model import Philosophy, Reaction, Vision, VisionReview
from cxphilo.document.steps import same_wording
from cxphilo.locale import Words
from cxphilo.vocabulary import CRITERION_NAMES

from . import form, phones
from .answers import split_list
from .asker import Choice, Finding, Table, Verdicts
from .form import Field
from .judging import Judgement
from .session import Session

# The criteria as the room reads them, in the vocabulary's order and words (the
# catalogs take the vocabulary's names as messages: tools/catalogs.py).
CRITERIA = tuple(CRITERION_NAMES.items())
KEEP, REWRITE = "keep", "rewrite"


def verdicts_block(statement: str, judgement: Judgement, t: Words) -> Verdicts:
    """The engine's verdicts on a statement as a block for the screen, in `t`'s words."""
    return Verdicts(
        statement,
        tuple((name, judgement.criteria.get(name, "skip")) for name, _ in CRITERIA),
        tuple(
            Finding(f.criterion, t.say(f.message), t.say(f.fix) if f.fix else None)
            for f in judgement.findings
        ),
        title=t("The three criteria"),
    )


def run(session: Session) -> None:
    """Run step 4, saving after each answer."""
    form.run(session, fields)
    while True:
        vision = session.doc.vision
        assert vision is not None and vision.statement is not None and vision.review is not None
        _stakeholders(session, vision.review)
        if _lands(session, vision.review) or not session.confirm(
            session.t("Rewrite it now?"), default=True
        ):
            return
        _rewrite(session)
        _write(session)
        built = fields(session)
        first = form.first_unanswered(built, session.doc)
        if first is not None:
            form.walk(session, fields, built.index(first))


def fields(session: Session) -> list[Field]:
    """Step 4's questions: where the vision comes from, the statement, the team's review."""
    doc = session.doc
    t = session.t
    out = [
        form.text_field(
            "journey",
            t("The customer's journey"),
            t(
                "Walk the customer's journey: where does the service meet them, from the first "
                "question to a solved problem?"
            ),
            ("vision", "journey"),
            before=lambda s: s.show(_context(s.doc, s.t)),
        ),
        form.text_field(
            "best-day",
            t("A day when all goes right"),
            t(
                "Picture a day when everything goes right: what do customers say about you "
                "that evening?"
            ),
            ("vision", "best_day"),
        ),
        Field(
            "statement",
            t("The support vision"),
            t("Your support vision, in one sentence"),
            form.at("vision", "statement")[0],
            _put_statement,
            required=True,
            hint=t("(a few words to a full sentence)"),
            before=lambda s: s.show(_context(s.doc, s.t)),
            after=_write,
        ),
    ]
    vision = doc.vision
    if vision is None or not vision.statement:
        return out
    engine = session.judge(vision.statement, doc).criteria
    stale = vision.review is not None and _current_review(doc) is None
    first = (
        t("The vision changed since the team last reviewed it: review it again.")
        if stale
        else t("Now the team's own verdict on each criterion.")
    )
    spread = session.room.spread() if session.room is not None and not stale else {}
    for index, (name, label) in enumerate(CRITERIA):
        room_says = phones.majority(spread, name)
        engine_says = "fail" if engine.get(name) == "fail" else "pass"
        out.append(
            Field(
                f"verdict.{name}",
                # The criterion's id, as the document and the check name it.
                t("Team verdict: {criterion}", criterion=name),
                t("{criterion}?", criterion=t(label)),
                *_verdict(session, name),
                kind="select",
                choices=(Choice(t("Pass"), "pass"), Choice(t("Fail"), "fail")),
                suggest=room_says or engine_says,
                heading=first if index == 0 else None,
                before=_ask_the_room if index == 0 and session.room is not None else None,
            )
        )
    participants = list(doc.brainstorm.participants) if doc.brainstorm else []
    out.append(
        Field(
            "reviewers",
            t("Reviewed by"),
            t("Who reviewed it?"),
            *_reviewers(session),
            parse=split_list,
            suggest=participants or None,
            hint=t("(separate with ;  the room is offered)"),
        )
    )
    return out


def _ask_the_room(session: Session) -> None:
    """Before the team's verdict: each person's own, from their phone, once per wording."""
    vision = session.doc.vision
    assert vision is not None and vision.statement
    asked = session.memory.setdefault("room reviewed", set())
    if vision.statement in asked:
        return
    asked.add(vision.statement)
    _review_for(session, session.doc)
    session.save()
    phones.review(session, vision.statement)


def _put_statement(doc: Philosophy, new: str) -> None:
    """A new wording; the one it replaces is kept among the drafts."""
    vision = doc.vision = doc.vision or Vision()
    vision = doc.vision
    old = vision.statement
    if old and old != new and old not in vision.drafts:
        vision.drafts = [*vision.drafts, old]
    vision.statement = new


def _current_review(doc: Philosophy) -> VisionReview | None:
    """The review of the vision as it reads now, if the team has reviewed this wording."""
    vision = doc.vision
    if vision is None or vision.review is None:
        return None
    return vision.review if same_wording(vision.review.statement, vision.statement) else None


def _review_for(session: Session, doc: Philosophy) -> VisionReview:
    """The review of the current wording; a new one when the vision changed since."""
    vision = doc.vision
    assert vision is not None and vision.statement
    review = _current_review(doc)
    if review is None:
        participants = list(doc.brainstorm.participants) if doc.brainstorm else []
        vision.review = VisionReview(
            statement=vision.statement, date=session.today, reviewers=participants
        )
        review = vision.review
    assert review is not None
    return review


def _verdict(session: Session, name: str) -> tuple[Any, Any]:
    def get(doc: Philosophy) -> str | None:
        review = _current_review(doc)
        return getattr(review.verdicts, name) if review else None

    def put(doc: Philosophy, verdict: str) -> None:
        review = _review_for(session, doc)
        setattr(review.verdicts, name, verdict)
        review.date = session.today

    return get, put


def _reviewers(session: Session) -> tuple[Any, Any]:
    def get(doc: Philosophy) -> list[str] | None:
        review = _current_review(doc)
        return list(review.reviewers) if review and review.verdicts.future else None

    def put(doc: Philosophy, names: list[str]) -> None:
        _review_for(session, doc).reviewers = names

    return get, put


def _write(session: Session) -> None:
    """Show the verdicts; rewrite until the team keeps a wording."""
    t = session.t
    while True:
        vision = session.doc.vision
        assert vision is not None and vision.statement is not None
        judgement = session.judge(vision.statement, session.doc)
        session.show(verdicts_block(vision.statement, judgement, t))
        failed = [n for n, _ in CRITERIA if judgement.criteria.get(n) == "fail"]
        action = session.select(
            t("Keep this wording, or rewrite it and see the verdicts change?"),
            [
                Choice(t("Keep it: go on to the team's review"), KEEP),
                Choice(t("Rewrite it"), REWRITE),
            ],
            default=REWRITE if failed else KEEP,
        )
        if action == KEEP:
            return
        _rewrite(session)


def _rewrite(session: Session) -> None:
    vision = session.doc.vision
    assert vision is not None and vision.statement is not None
    new = session.required(
        session.t("Rewrite the vision"),
        default=vision.statement,
        instruction=session.t("(→ or End edits the words; typing replaces them)"),
    )
    if new != vision.statement:
        _put_statement(session.doc, new)
        session.save()


def _lands(session: Session, review: VisionReview) -> bool:
    """Whether the team passed it on every criterion and every stakeholder took to it."""
    t = session.t
    failed = [t(label) for name, label in CRITERIA if getattr(review.verdicts, name) == "fail"]
    flop = [r.who for r in review.stakeholders if r.lands is False]
    if not failed and not flop:
        return True
    criteria, people = t(", ").join(failed), t(", ").join(flop)
    if failed and flop:
        why = t(
            "It needs work: the team failed it on: {criteria}; it did not land with {people}.",
            criteria=criteria,
            people=people,
        )
    elif failed:
        why = t("It needs work: the team failed it on: {criteria}.", criteria=criteria)
    else:
        why = t("It needs work: it did not land with {people}.", people=people)
    session.note(why, "warning")
    return False


def _stakeholders(session: Session, review: VisionReview) -> None:
    t = session.t
    session.note(
        t(
            "Take it to a few key stakeholders for their gut reaction: if it does not land, "
            "it needs work. Record them now or later."
        ),
        "info",
    )
    if review.stakeholders:
        lands = {True: t("yes"), False: t("no"), None: "?"}
        session.show(
            Table(
                t("Reactions so far"),
                (t("Who"), t("Reaction"), t("Lands?")),
                tuple((r.who, r.reaction or "—", lands[r.lands]) for r in review.stakeholders),
            )
        )
    while True:
        who = session.text(
            t("A stakeholder who saw it"), instruction=t("(Enter when there are no more)")
        )
        if not who:
            return
        review.stakeholders = [*review.stakeholders, Reaction(who=who)]
        session.save()
        reaction = review.stakeholders[-1]
        reaction.reaction = session.optional(t("Their gut reaction, in a few words"), None)
        session.save()
        reaction.lands = session.confirm(t("Did it land with them?"), default=True)
        session.save()


def _context(doc: Philosophy, t: Words) -> Table:
    """What the vision combines: the mission, the values, customers' needs, the capacity."""
    from cxphilo.criteria import describe_capacity

    a = doc.assessment
    cap = a.capacity if a else None
    # The check's own words for the capacity: hours per day and per channel included.
    capacity = t.say(describe_capacity(cap)) if cap else "—"
    # The team's own words, listed as the room's language lists them.
    needs = t("; ").join(a.customers.needs) if a and a.customers else ""
    return Table(
        t("What the vision combines"),
        ("", ""),
        (
            (t("Mission"), doc.company.mission or "—"),
            (t("Company vision"), doc.company.vision or "—"),
            (t("Values"), t(", ").join(v.name for v in doc.values) or "—"),
            (t("Customers need"), needs or "—"),
            (t("Capacity"), capacity),
        ),
    )
