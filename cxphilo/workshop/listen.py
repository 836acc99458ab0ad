"""Step 7, listen: the teams table, the employee survey, the review cadence, conflicts, recovery."""

from __future__ import annotations

import calendar
import datetime as dt

from cxphilo.document.model import Interpretation, Listening, Philosophy, SurveyQuestion, Team
from cxphilo.locale import N_, Text, Words

from . import form
from .actions import core
from .answers import Refused, format_date, join_list, parse_date, split_list
from .asker import Choice, Table
from .form import Field
from .session import Session
from .suggestions import default_recovery, default_teams, entry_for, lexicon, survey_for

CADENCES = (
    ("monthly", N_("Monthly"), 1),
    ("quarterly", N_("Quarterly"), 3),
    ("half-yearly", N_("Every six months"), 6),
    ("yearly", N_("Yearly"), 12),
)
EDIT, ADD, REMOVE, DONE = "edit", "add", "remove", "done"
BACK = Choice(N_("← Back, change nothing"), None)


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
    t = session.t
    known = [session.content(method) for method in lexicon().listening_methods]
    out = [
        Field(
            "teams",
            t("Teams"),
            t("How each team lives the philosophy"),
            lambda d: [team.name for team in d.teams],
            lambda d, v: None,
            kind="menu",
            menu=_teams,
        ),
        *form.known_and_other(
            "methods",
            ("listening", "methods"),
            known,
            (t("How employees are asked"), t("How will you ask them?")),
            (t("Other ways"), t("Any other way?")),
            heading=t("Ask employees what the values mean to them."),
        ),
    ]
    for value in doc.values:
        common = core(value) if entry_for(core(value)) else value.name
        out.append(_survey_field(t, value.name, common, session.content))
    if doc.teams:
        teams = [team.name for team in doc.teams]
        out += [_reading_field(t, value.name, teams) for value in doc.values]
    cadence = doc.governance.cadence if doc.governance else None
    months = next((m for key, _, m in CADENCES if key == (cadence or "quarterly")), 3)
    out += [
        form.choice_field(
            "cadence",
            t("Review cadence"),
            t("How often will you review the philosophy?"),
            ("governance", "cadence"),
            [Choice(t(label), key) for key, label, _ in CADENCES],
            suggest="quarterly",
            heading=t("Keep it alive: revisit it, and agree what happens when a decision clashes."),
        ),
        Field(
            "next-review",
            t("Next review"),
            t("Date of the next review"),
            *form.at("governance", "next_review"),
            parse=parse_date,
            show=format_date,
            suggest=add_months(session.today, months),
            check=lambda day: (
                None if day > session.today else t("The next review is a date after today.")
            ),
            hint=t("(YYYY-MM-DD; Enter keeps the date offered)"),
        ),
        form.text_field("owner", t("Owner"), t("Who owns the review?"), ("governance", "owner")),
        form.text_field(
            "conflicts",
            t("Conflicting decisions"),
            t("How are decisions that conflict with the philosophy handled?"),
            ("governance", "conflicts"),
            hint=t("(who raises it, who decides, where it is written down)"),
        ),
        form.text_field(
            "recognition",
            t("Recognition"),
            t("How is living the values noticed and recognised?"),
            ("culture", "recognition"),
            heading=t("Living it every day: recognition, accountability and patience."),
        ),
        form.text_field(
            "accountability",
            t("Accountability"),
            t("Who answers for it when the philosophy is not lived?"),
            ("culture", "accountability"),
        ),
        form.text_field(
            "patience",
            t("Patience"),
            t("When do we persist with a customer, and when do we let go?"),
            ("culture", "patience"),
        ),
        _playbook_gate(session),
    ]
    if doc.recovery is not None:
        for index, step in enumerate(doc.recovery.steps):
            out.append(
                # The step's name and guidance are the document's own words.
                form.list_field(
                    f"recovery.{index}",
                    t("{step}: our actions", step=step.name),
                    t("{step}: what does our team do?", step=step.name),
                    ("recovery", "steps", index, "actions"),
                    hint=t(
                        "({guidance} Our own actions, separated by ;  Enter to skip)",
                        guidance=step.guidance,
                    ),
                )
            )
    return out


def _survey_field(t: Words, name: str, common: str, content: Words) -> Field:
    """A value's survey question: asked in the room's words `t`, suggested in `content`."""

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
        t("{value}: survey question", value=name),
        t("Survey question about {value}", value=name),
        get,
        put,
        suggest=survey_for(common, content),
        hint=t(
            "(the suggestion is selected: type to replace it; Backspace and Enter leaves it out)"
        ),
    )


def _reading_field(t: Words, name: str, teams: list[str]) -> Field:
    """How the teams read one value: "Support: say when a part is late; Sales: ..."."""
    by_fold = {team.casefold(): team for team in teams}

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
                raise Refused(
                    Text(
                        "“{part}”: name the team, a colon, then how it reads {value}.",
                        part=part,
                        value=name,
                    )
                )
            if found is None:
                # The teams' names as they are written, one after another.
                raise Refused(
                    Text(
                        "No team called “{team}”: the teams are {teams}.",
                        team=team.strip(),
                        teams=", ".join(teams),
                    )
                )
            readings.append(Interpretation(team=found, value=name, reading=reading.strip()))
        return readings

    def show(readings: list[Interpretation] | None) -> str:
        return join_list([f"{r.team}: {r.reading}" for r in readings or []])

    return Field(
        f"readings.{name}",
        t("{value}: how teams read it", value=name),
        t("How do the teams read “{value}” in their daily work?", value=name),
        get,
        put,
        parse=parse,
        show=show,
        hint=t(
            "(team: what it means there, separated by ;  e.g. Support: say when a part is "
            "late; Enter to skip)"
        ),
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
            doc.recovery = default_recovery(session.content)
        elif not add:
            doc.recovery = None

    t = session.t
    playbook = default_recovery(session.content)
    return Field(
        "recovery",
        t("Service-recovery playbook"),
        t(
            "Add the {playbook} playbook for an unhappy customer to the philosophy?",
            playbook=playbook.name,
        ),
        get,
        put,
        kind="confirm",
        suggest=True,
        answered=lambda doc: get(doc) is not None,
        before=lambda s: s.show(
            Table(
                t(
                    "{playbook}: a playbook for an unhappy customer (optional)",
                    playbook=playbook.name,
                ),
                (t("Step"), t("What to do")),
                tuple((step.name, step.guidance) for step in playbook.steps),
            )
        ),
    )


def _teams_table(t: Words, doc: Philosophy) -> Table:
    return Table(
        t("How each team lives the philosophy"),
        (t("Team"), t("Key activities"), t("Metrics")),
        tuple(
            (team.name, "; ".join(team.activities), ", ".join(team.metrics)) for team in doc.teams
        ),
    )


def _teams(session: Session) -> None:
    doc = session.doc
    t = session.t
    session.note(
        t("Each team reads the values its own way. Start from this table and make it yours."),
        "question",
    )
    if not doc.teams:
        suggested = default_teams(session.content)
        picked = session.checkbox(
            t("Which teams take part?"),
            [Choice(team.name, team.name, checked=True) for team in suggested],
            instruction=t("(space to untick; you can add your own next)"),
        )
        doc.teams = [team for team in suggested if team.name in picked]
        session.save()
    back = Choice(t(BACK.title), BACK.value)
    while True:
        session.show(_teams_table(t, doc))
        menu = [Choice(t("The table is right: go on"), DONE), Choice(t("Add a team"), ADD)]
        if doc.teams:
            menu[1:1] = [Choice(t("Edit a team"), EDIT)]
            menu.append(Choice(t("Remove a team"), REMOVE))
        action = session.select(t("The teams table: what now?"), menu, default=DONE)
        if action == DONE:
            return
        if action == ADD:
            name = session.required(t("Team name"))
            doc.teams = [*doc.teams, Team(name=name)]
            session.save()
            _edit_team(session, doc.teams[-1])
        elif action == EDIT:
            index = session.select(
                t("Which team?"),
                [Choice(team.name, n) for n, team in enumerate(doc.teams)] + [back],
            )
            if index is not None:
                _edit_team(session, doc.teams[index])
        else:
            index = session.select(
                t("Remove which team?"),
                [Choice(team.name, n) for n, team in enumerate(doc.teams)] + [back],
            )
            if index is None:
                continue
            doc.teams = [t for n, t in enumerate(doc.teams) if n != index]
            session.save()


def _edit_team(session: Session, team: Team) -> None:
    t = session.t
    team.activities = session.items(t("{team}: key activities", team=team.name), team.activities)
    session.save()
    team.metrics = session.items(
        t("{team}: metrics", team=team.name),
        team.metrics,
        instruction=t("(catalogue ids such as CSAT, NPS; see: cxphilo metrics; separate with ;)"),
    )
    session.save()


def _order(doc: Philosophy, value: str) -> int:
    names = [v.name for v in doc.values]
    return names.index(value) if value in names else len(names)
