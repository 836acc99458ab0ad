"""Step 4, vision: write it, see the three criteria at once, rewrite, then the team's review.

The criteria engine is the check's own (`cxphilo.criteria`), so the verdicts
the room sees are the ones CI will give. The review is bound to the exact
statement the team looked at; earlier wordings are kept as drafts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from cxphilo.model import Philosophy, Reaction, Vision, VisionReview
from cxphilo.steps import same_wording

from .asker import Choice, Finding, Table, Verdicts
from .session import Session

CRITERIA = (
    ("simple", "Simple to understand and act on"),
    ("service", "Describes the type of service you give"),
    ("future", "Reflects who you are now and want to become"),
)
KEEP, REWRITE = "keep", "rewrite"


class JudgedFinding(Protocol):
    """What the workshop reads of one finding of the criteria engine."""

    @property
    def criterion(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def fix(self) -> str: ...


class Judgement(Protocol):
    """What the workshop reads of the engine's verdict on a statement."""

    @property
    def criteria(self) -> Mapping[str, str]: ...
    @property
    def findings(self) -> Sequence[JudgedFinding]: ...


def judge(statement: str, doc: Philosophy) -> Judgement:
    """The check's verdicts on a statement, for this document's language, mission and capacity."""
    from cxphilo.criteria import judge_vision

    result: Judgement = judge_vision(
        statement,
        language=doc.company.language,
        mission=doc.company.mission,
        capacity=doc.assessment.capacity if doc.assessment else None,
    )
    return result


def verdicts_block(statement: str, judgement: Judgement) -> Verdicts:
    """The engine's verdicts on a statement as a block for the screen."""
    return Verdicts(
        statement,
        tuple((name, judgement.criteria.get(name, "skip")) for name, _ in CRITERIA),
        tuple(
            Finding(f.criterion, f.message, getattr(f, "fix", None) or None)
            for f in judgement.findings
        ),
    )


def run(session: Session) -> None:
    """Run step 4, saving after each answer."""
    doc = session.doc
    v = doc.vision = doc.vision or Vision()
    session.show(_context(doc))
    if not v.statement:
        v.statement = session.required(
            "Your support vision, in one sentence",
            default=None,
        )
        session.save()
    while True:
        _write(session, v)
        if _review(session, v):
            return
        _rewrite(session, v)


def _write(session: Session, v: Vision) -> None:
    """Show the verdicts; rewrite until the team keeps a wording."""
    assert v.statement is not None
    while True:
        judgement = session.judge(v.statement, session.doc)
        session.show(verdicts_block(v.statement, judgement))
        failed = [n for n, _ in CRITERIA if judgement.criteria.get(n) == "fail"]
        action = session.select(
            "Keep this wording, or rewrite it and see the verdicts change?",
            [
                Choice("Keep it: go on to the team's review", KEEP),
                Choice("Rewrite it", REWRITE),
            ],
            default=REWRITE if failed else KEEP,
        )
        if action == KEEP:
            return
        _rewrite(session, v)


def _rewrite(session: Session, v: Vision) -> None:
    assert v.statement is not None
    new = session.required(
        "Rewrite the vision",
        default=v.statement,
        instruction="(edit the words; Ctrl-U clears the line)",
    )
    if new != v.statement:
        if v.statement not in v.drafts:
            v.drafts = [*v.drafts, v.statement]
        v.statement = new
        session.save()


def _review(session: Session, v: Vision) -> bool:
    """The team's own verdicts and the stakeholders' reactions; False to rewrite first."""
    assert v.statement is not None
    doc = session.doc
    same = v.review is not None and same_wording(v.review.statement, v.statement)
    if v.review is not None and not same:
        session.note(
            "The vision changed since the team last reviewed it: review it again.", "warning"
        )
    engine = session.judge(v.statement, doc).criteria
    session.note("Now the team's own verdict on each criterion.", "question")
    participants = doc.brainstorm.participants if doc.brainstorm else []
    if not same:
        v.review = VisionReview(statement=v.statement, date=session.today, reviewers=participants)
    review = v.review
    assert review is not None
    for name, label in CRITERIA:
        current = getattr(review.verdicts, name) if same else None
        default = current or ("fail" if engine.get(name) == "fail" else "pass")
        verdict = session.select(
            f"{label}?",
            [Choice("Pass", "pass"), Choice("Fail", "fail")],
            default=default,
        )
        setattr(review.verdicts, name, verdict)
        review.date = session.today
        session.save()
    review.reviewers = session.items("Who reviewed it?", review.reviewers or participants)
    session.save()
    _stakeholders(session, review)
    failed = [label for name, label in CRITERIA if getattr(review.verdicts, name) == "fail"]
    flop = [r.who for r in review.stakeholders if r.lands is False]
    if not failed and not flop:
        return True
    why = "; ".join(
        part
        for part in (
            f"the team failed it on: {', '.join(failed)}" if failed else "",
            f"it did not land with {', '.join(flop)}" if flop else "",
        )
        if part
    )
    session.note(f"It needs work: {why}.", "warning")
    return not session.confirm("Rewrite it now?", default=True)


def _stakeholders(session: Session, review: VisionReview) -> None:
    session.note(
        "Take it to a few key stakeholders for their gut reaction: if it does not land, "
        "it needs work. Record them now or later.",
        "info",
    )
    if review.stakeholders:
        session.show(
            Table(
                "Reactions so far",
                ("Who", "Reaction", "Lands?"),
                tuple(
                    (r.who, r.reaction or "—", {True: "yes", False: "no", None: "?"}[r.lands])
                    for r in review.stakeholders
                ),
            )
        )
    while True:
        who = session.text("A stakeholder who saw it", instruction="(Enter when there are no more)")
        if not who:
            return
        review.stakeholders = [*review.stakeholders, Reaction(who=who)]
        session.save()
        reaction = review.stakeholders[-1]
        reaction.reaction = session.optional("Their gut reaction, in a few words", None)
        session.save()
        reaction.lands = session.confirm("Did it land with them?", default=True)
        session.save()


def _context(doc: Philosophy) -> Table:
    """What the vision combines: the mission, the values, customers' needs, the capacity."""
    a = doc.assessment
    cap = a.capacity if a else None
    capacity = "—"
    if cap and (cap.team_size or cap.days or cap.hours or cap.channels):
        parts = [
            f"{cap.team_size} people" if cap.team_size else "",
            ", ".join(cap.days),
            cap.hours or "",
            ", ".join(cap.channels),
        ]
        capacity = " · ".join(p for p in parts if p)
    needs = "; ".join(a.customers.needs) if a and a.customers else ""
    return Table(
        "What the vision combines",
        ("", ""),
        (
            ("Mission", doc.company.mission or "—"),
            ("Values", ", ".join(v.name for v in doc.values) or "—"),
            ("Customers need", needs or "—"),
            ("Capacity", capacity),
        ),
    )
