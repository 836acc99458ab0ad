"""Step 7, listen: the teams table, the employee survey, the review cadence, conflicts, recovery."""

from __future__ import annotations

import calendar
import datetime as dt

from cxphilo.model import Governance, Listening, Philosophy, SurveyQuestion, Team

from .asker import Choice, Table
from .lexicon import default_recovery, default_teams, lexicon, survey_for
from .session import Session

CADENCES = (
    ("monthly", "Monthly", 1),
    ("quarterly", "Quarterly", 3),
    ("half-yearly", "Every six months", 6),
    ("yearly", "Yearly", 12),
)
EDIT, ADD, REMOVE, DONE = "edit", "add", "remove", "done"
BACK = Choice("← Back, change nothing", None)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def run(session: Session) -> None:
    """Run step 7, saving after each answer."""
    _teams(session)
    _survey(session)
    _governance(session)
    _recovery(session)


def _teams_table(doc: Philosophy) -> Table:
    return Table(
        "How each team lives the philosophy",
        ("Team", "Key activities", "Metrics"),
        tuple((t.name, "; ".join(t.activities), ", ".join(t.metrics)) for t in doc.teams),
    )


def _teams(session: Session) -> None:
    doc = session.doc
    session.note(
        "Each team reads the values its own way. Start from this table and make it yours.",
        "question",
    )
    if not doc.teams:
        suggested = default_teams()
        picked = session.checkbox(
            "Which teams take part?",
            [Choice(t.name, t.name, checked=True) for t in suggested],
            instruction="(space to untick; you can add your own next)",
        )
        doc.teams = [t for t in suggested if t.name in picked]
        session.save()
    while True:
        session.show(_teams_table(doc))
        menu = [Choice("The table is right: go on", DONE), Choice("Add a team", ADD)]
        if doc.teams:
            menu[1:1] = [Choice("Edit a team", EDIT)]
            menu.append(Choice("Remove a team", REMOVE))
        action = session.select("The teams table: what now?", menu, default=DONE)
        if action == DONE:
            return
        if action == ADD:
            name = session.required("Team name")
            doc.teams = [*doc.teams, Team(name=name)]
            session.save()
            _edit_team(session, doc.teams[-1])
        elif action == EDIT:
            index = session.select(
                "Which team?", [Choice(t.name, n) for n, t in enumerate(doc.teams)] + [BACK]
            )
            if index is not None:
                _edit_team(session, doc.teams[index])
        else:
            index = session.select(
                "Remove which team?",
                [Choice(t.name, n) for n, t in enumerate(doc.teams)] + [BACK],
            )
            if index is None:
                continue
            doc.teams = [t for n, t in enumerate(doc.teams) if n != index]
            session.save()


def _edit_team(session: Session, team: Team) -> None:
    team.activities = session.items(f"{team.name}: key activities", team.activities)
    session.save()
    team.metrics = session.items(
        f"{team.name}: metrics",
        team.metrics,
        instruction="(catalogue ids such as CSAT, NPS; see: cxphilo metrics; separate with ;)",
    )
    session.save()


def _survey(session: Session) -> None:
    doc = session.doc
    session.note("Ask employees what the values mean to them.", "question")
    ls = doc.listening = doc.listening or Listening()
    ls.methods = session.pick_many(
        "How will you ask them?",
        lexicon().listening_methods,
        ls.methods,
        other="Any other way?",
    )
    session.save()
    for value in doc.values:
        current = next((q for q in ls.survey if q.value == value.name), None)
        question = session.optional(
            f"Survey question about {value.name}",
            current.question if current else survey_for(value.name),
            instruction="(suggestion filled in: edit freely; Enter on empty to leave it out)",
        )
        others = [q for q in ls.survey if q.value != value.name]
        ls.survey = others + (
            [SurveyQuestion(value=value.name, question=question)] if question else []
        )
        ls.survey = sorted(ls.survey, key=lambda q: _order(doc, q.value))
        session.save()


def _order(doc: Philosophy, value: str) -> int:
    names = [v.name for v in doc.values]
    return names.index(value) if value in names else len(names)


def _governance(session: Session) -> None:
    doc = session.doc
    session.note(
        "Keep it alive: revisit it, and agree what happens when a decision clashes.", "question"
    )
    g = doc.governance = doc.governance or Governance()
    g.cadence = session.select(
        "How often will you review the philosophy?",
        [Choice(label, key) for key, label, _ in CADENCES],
        default=g.cadence or "quarterly",
    )
    session.save()
    months = next(m for key, _, m in CADENCES if key == g.cadence)
    g.next_review = session.date(
        "Date of the next review", g.next_review or add_months(session.today, months)
    )
    session.save()
    g.owner = session.optional("Who owns the review?", g.owner)
    session.save()
    g.conflicts = session.optional(
        "How are decisions that conflict with the philosophy handled?",
        g.conflicts,
        instruction="(who raises it, who decides, where it is written down)",
    )
    session.save()


def _recovery(session: Session) -> None:
    doc = session.doc
    if doc.recovery and doc.recovery.steps:
        session.show(_playbook(doc))
        if session.confirm("Keep this service-recovery playbook?", default=True):
            return
        doc.recovery = None
        session.save()
        return
    playbook = default_recovery()
    session.show(
        Table(
            f"{playbook.name}: a playbook for an unhappy customer (optional)",
            ("Step", "What to do"),
            tuple((s.name, s.guidance) for s in playbook.steps),
        )
    )
    if session.confirm("Add this playbook to the philosophy?", default=True):
        doc.recovery = playbook
        session.save()


def _playbook(doc: Philosophy) -> Table:
    assert doc.recovery is not None
    return Table(
        f"{doc.recovery.name or 'Service recovery'}: the playbook",
        ("Step", "What to do"),
        tuple((s.name, s.guidance) for s in doc.recovery.steps),
    )
