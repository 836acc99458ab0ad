"""Step 7, listen: the teams table, the employee survey, the review cadence, conflicts, recovery."""

from __future__ import annotations

import calendar
import datetime as dt

from cxphilo.document.model import Interpretation, Listening, Philosophy, SurveyQuestion, Team

from . import form
from .actions import core
from .answers import Refused, format_date, join_list, parse_date, split_list
from .asker import Choice, Table
from .form import Field
from .session import Session
from .suggestions import default_recovery, default_teams, entry_for, lexicon, survey_for

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
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 7's questions after the teams table: listening, readings, review, culture, HELP."""
    doc = session.doc
    known = list(lexicon().listening_methods)
    out = [
        Field(
            "teams",
            "Teams",
            "How each team lives the philosophy",
            lambda d: [t.name for t in d.teams],
            lambda d, v: None,
            kind="menu",
            menu=_teams,
        ),
        *form.known_and_other(
            "methods",
            ("listening", "methods"),
            known,
            ("How employees are asked", "How will you ask them?"),
            ("Other ways", "Any other way?"),
            heading="Ask employees what the values mean to them.",
        ),
    ]
    for value in doc.values:
        out.append(_survey_field(value.name, core(value) if entry_for(core(value)) else value.name))
    if doc.teams:
        out += [_reading_field(value.name, [t.name for t in doc.teams]) for value in doc.values]
    cadence = doc.governance.cadence if doc.governance else None
    months = next((m for key, _, m in CADENCES if key == (cadence or "quarterly")), 3)
    out += [
        form.choice_field(
            "cadence",
            "Review cadence",
            "How often will you review the philosophy?",
            ("governance", "cadence"),
            [Choice(label, key) for key, label, _ in CADENCES],
            suggest="quarterly",
            heading="Keep it alive: revisit it, and agree what happens when a decision clashes.",
        ),
        Field(
            "next-review",
            "Next review",
            "Date of the next review",
            *form.at("governance", "next_review"),
            parse=parse_date,
            show=format_date,
            suggest=add_months(session.today, months),
            check=lambda day: (
                None if day > session.today else "The next review is a date after today."
            ),
            hint="(YYYY-MM-DD; Enter keeps the date offered)",
        ),
        form.text_field("owner", "Owner", "Who owns the review?", ("governance", "owner")),
        form.text_field(
            "conflicts",
            "Conflicting decisions",
            "How are decisions that conflict with the philosophy handled?",
            ("governance", "conflicts"),
            hint="(who raises it, who decides, where it is written down)",
        ),
        form.text_field(
            "recognition",
            "Recognition",
            "How is living the values noticed and recognised?",
            ("culture", "recognition"),
            heading="Living it every day: recognition, accountability and patience.",
        ),
        form.text_field(
            "accountability",
            "Accountability",
            "Who answers for it when the philosophy is not lived?",
            ("culture", "accountability"),
        ),
        form.text_field(
            "patience",
            "Patience",
            "When do we persist with a customer, and when do we let go?",
            ("culture", "patience"),
        ),
        _playbook_gate(session),
    ]
    if doc.recovery is not None:
        for index, step in enumerate(doc.recovery.steps):
            out.append(
                form.list_field(
                    f"recovery.{index}",
                    f"{step.name}: our actions",
                    f"{step.name}: what does our team do?",
                    ("recovery", "steps", index, "actions"),
                    hint=f"({step.guidance} Our own actions, separated by ;  Enter to skip)",
                )
            )
    return out


def _survey_field(name: str, common: str) -> Field:
    def get(doc: Philosophy) -> str | None:
        listening = doc.listening
        found = [q for q in listening.survey if q.value == name] if listening else []
        return found[0].question if found else None

    def put(doc: Philosophy, question: str | None) -> None:
        if doc.listening is None:
            doc.listening = Listening()
        assert doc.listening is not None
        others = [q for q in doc.listening.survey if q.value != name]
        mine = [SurveyQuestion(value=name, question=question)] if question else []
        doc.listening.survey = sorted(others + mine, key=lambda q: _order(doc, q.value))

    return Field(
        f"survey.{name}",
        f"{name}: survey question",
        f"Survey question about {name}",
        get,
        put,
        suggest=survey_for(common),
        hint="(the suggestion is selected: type to replace it; Backspace and Enter leaves it out)",
    )


def _reading_field(name: str, teams: list[str]) -> Field:
    """How the teams read one value: "Support: say when a part is late; Sales: ..."."""
    by_fold = {t.casefold(): t for t in teams}

    def get(doc: Philosophy) -> list[Interpretation]:
        listening = doc.listening
        return [i for i in listening.interpretations if i.value == name] if listening else []

    def put(doc: Philosophy, readings: list[Interpretation]) -> None:
        if doc.listening is None:
            doc.listening = Listening()
        assert doc.listening is not None
        others = [i for i in doc.listening.interpretations if i.value != name]
        doc.listening.interpretations = others + readings

    def parse(answer: str) -> list[Interpretation]:
        readings = []
        for part in split_list(answer):
            team, colon, reading = part.partition(":")
            found = by_fold.get(" ".join(team.split()).casefold())
            if not colon or not reading.strip():
                raise Refused(f"“{part}”: name the team, a colon, then how it reads {name}.")
            if found is None:
                raise Refused(f"No team called “{team.strip()}”: the teams are {', '.join(teams)}.")
            readings.append(Interpretation(team=found, value=name, reading=reading.strip()))
        return readings

    def show(readings: list[Interpretation] | None) -> str:
        return join_list([f"{r.team}: {r.reading}" for r in readings or []])

    return Field(
        f"readings.{name}",
        f"{name}: how teams read it",
        f"How do the teams read “{name}” in their daily work?",
        get,
        put,
        parse=parse,
        show=show,
        hint="(team: what it means there, separated by ;  e.g. Support: say when a part is "
        "late; Enter to skip)",
    )


def _playbook_gate(session: Session) -> Field:
    def get(doc: Philosophy) -> bool | None:
        if doc.recovery is not None and doc.recovery.steps:
            return True
        said = session.memory.get("recovery")
        return None if said is None else bool(said)

    def put(doc: Philosophy, add: bool) -> None:
        session.memory["recovery"] = add
        if add and not (doc.recovery and doc.recovery.steps):
            doc.recovery = default_recovery()
        elif not add:
            doc.recovery = None

    playbook = default_recovery()
    return Field(
        "recovery",
        "Service-recovery playbook",
        f"Add the {playbook.name} playbook for an unhappy customer to the philosophy?",
        get,
        put,
        kind="confirm",
        suggest=True,
        answered=lambda doc: get(doc) is not None,
        before=lambda s: s.show(
            Table(
                f"{playbook.name}: a playbook for an unhappy customer (optional)",
                ("Step", "What to do"),
                tuple((step.name, step.guidance) for step in playbook.steps),
            )
        ),
    )


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


def _order(doc: Philosophy, value: str) -> int:
    names = [v.name for v in doc.values]
    return names.index(value) if value in names else len(names)
