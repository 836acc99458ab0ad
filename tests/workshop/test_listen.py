"""Step 7: the teams table, the survey, the review cadence, conflicts and the playbook."""

from __future__ import annotations

import datetime as dt

import pytest

from cxphilo.workshop import listen
from cxphilo.workshop.scripted import DEFAULT
from tests.workshop.conftest import MakeRun

DATA = {"company": {"name": "Acme"}, "values": [{"name": "Quality"}, {"name": "Deliver WOW"}]}


def test_teams_survey_governance_and_playbook(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Which teams", ["Support", "Product", "Leadership"]),
            ("teams table", "edit"),
            ("Which team", "Product"),
            ("Product: key activities", "Fix what causes contacts"),
            ("Product: metrics", "USAGE; CES"),
            ("teams table", "add"),
            ("Team name", "Workshop"),
            ("Workshop: key activities", "Check every repair"),
            ("Workshop: metrics", "FCR"),
            ("teams table", "remove"),
            ("Remove which", "Leadership"),
            ("teams table", DEFAULT),
            ("How will you ask", ["Anonymous survey", "One-to-ones"]),
            ("Any other way", "Shop meetings"),
            ("about Quality", DEFAULT),
            ("about Deliver WOW", "When did you last surprise a customer?"),
            ("teams read “Quality”", "Support: fix it in one go; Workshop: no comebacks"),
            ("teams read “Deliver WOW”", "Marketing: tell the stories"),  # no such team
            ("teams read “Deliver WOW”", ""),
            ("How often", DEFAULT),  # quarterly
            ("next review", "2026-01-01"),  # refused: in the past
            ("next review", DEFAULT),  # three months on
            ("owns the review", "Priya"),
            ("conflict", "The support lead and the CEO decide and write down why"),
            ("recognised", "A shout-out in the Monday meeting"),
            ("answers for it", "Each team lead"),
            ("persist", "Persist while there is a fix; let go after three tries"),
            ("playbook", DEFAULT),
            ("Hear: what does our team do", "Write down the customer's own words"),
            ("Empathise", ""),
            ("Lead", ""),
            ("Provide", "Call back the next day"),
        ],
        DATA,
    )
    listen.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    assert [(t.name, t.activities, t.metrics) for t in doc.teams] == [
        (
            "Support",
            [
                "Live the philosophy in every call and chat",
                "Write self-service content and shape the support strategy",
            ],
            ["CSAT", "NPS", "CES", "CRR"],
        ),
        ("Product", ["Fix what causes contacts"], ["USAGE", "CES"]),
        ("Workshop", ["Check every repair"], ["FCR"]),
    ]
    ls = doc.listening
    assert ls is not None
    assert ls.methods == ["Anonymous survey", "One-to-ones", "Shop meetings"]
    assert [(q.value, q.question) for q in ls.survey] == [
        ("Quality", 'What does "right the first time" mean in the work you do every day?'),
        ("Deliver WOW", "When did you last surprise a customer?"),
    ]
    g = doc.governance
    assert g is not None
    assert (g.cadence, g.next_review, g.owner) == ("quarterly", dt.date(2026, 6, 2), "Priya")
    assert g.conflicts == "The support lead and the CEO decide and write down why"
    assert doc.recovery is not None and [s.name for s in doc.recovery.steps] == [
        "Hear",
        "Empathise",
        "Lead",
        "Provide",
    ]
    assert [s.actions for s in doc.recovery.steps] == [
        ["Write down the customer's own words"],
        [],
        [],
        ["Call back the next day"],
    ]
    assert [(i.team, i.value, i.reading) for i in ls.interpretations] == [
        ("Support", "Quality", "fix it in one go"),
        ("Workshop", "Quality", "no comebacks"),
    ]
    assert doc.culture is not None
    assert doc.culture.patience == "Persist while there is a fix; let go after three tries"
    reasons = [reason for _, _, reason in run.asker.rejected]
    assert reasons[0].startswith("No team called “Marketing”: the teams are Support, Product")
    assert reasons[1] == "The next review is a date after today."


def test_the_teams_table_is_one_of_the_steps_answers(make_run: MakeRun) -> None:
    data = {**DATA, "teams": [{"name": "Support", "metrics": ["CSAT"]}]}
    run = make_run(
        [
            ("Change which answer", "1"),  # the teams table, from the summary
            ("teams table", "add"),
            ("Team name", "Workshop"),
            ("Workshop: key activities", "Check every repair"),
            ("Workshop: metrics", ""),
            ("teams table", DEFAULT),
            ("Change which answer", "0"),
        ],
        data,
    )
    run.session.entry = "revisit"
    listen.run(run.session)
    assert run.asker.remaining == 0
    assert [t.name for t in run.saved().teams] == ["Support", "Workshop"]


def test_ctrl_c_in_the_survey_keeps_the_teams(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Which teams", DEFAULT),
            ("teams table", DEFAULT),
            ("How will you ask", KeyboardInterrupt),
        ],
        DATA,
    )
    with pytest.raises(KeyboardInterrupt):
        listen.run(run.session)
    doc = run.saved()
    assert len(doc.teams) == 7
    assert doc.listening is None


def test_revisit_keeps_the_table_and_can_drop_the_playbook(make_run: MakeRun) -> None:
    data = {
        **DATA,
        "teams": [{"name": "Support", "metrics": ["CSAT"]}],
        "governance": {
            "cadence": "yearly",
            "next_review": "2027-01-15",
            "conflicts": "CEO decides",
        },
        "recovery": {"name": "HELP", "steps": [{"name": "Hear", "guidance": "Listen first."}]},
        "listening": {"survey": [{"value": "Quality", "question": "What is right?"}]},
    }
    run = make_run(
        [
            ("Change which answer", "4"),
            ("about Quality", ""),  # left out
            ("Change which answer", "15"),
            ("playbook", False),
            ("Change which answer", "0"),  # unfinished (no survey question): leave it
        ],
        data,
    )
    run.session.entry = "revisit"
    listen.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    assert [t.name for t in doc.teams] == ["Support"]
    g = doc.governance
    assert g is not None and (g.cadence, g.next_review) == ("yearly", dt.date(2027, 1, 15))
    assert doc.listening is None  # its only question left out: nothing left to keep
    assert doc.recovery is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert listen.add_months(day, months) == expected
