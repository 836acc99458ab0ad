"""Step 1 driven by scripted answers: what lands in the file, Ctrl-C, revisiting."""

from __future__ import annotations

import pytest

from cxphilo.workshop import assess
from cxphilo.workshop.scripted import DEFAULT
from tests.workshop.conftest import MakeRun

ANSWERS = [
    ("mission", "Make cycling the easiest way to get around town."),
    ("purpose", "We build and service city bikes."),
    ("support's role", "Keep every rider riding."),
    ("delight", "reduce-effort"),
    ("Why", "Riders want it fixed with little fuss."),
    ("principles", "Fix the rider's day first; One person owns a problem"),
    ("need", "A working bike; Honest advice; honest advice"),
    ("expect", "A first reply within one working hour"),
    ("channels do customers use", ["phone", "email", "Chat"]),
    ("on their own", "Repair videos"),
    ("insight", ["Satisfaction surveys", "Comment cards"]),
    ("other source", "Rider interviews"),
    ("How many people", "x"),  # rejected, asked again
    ("How many people", "4"),
    ("days", ["mon", "tue", "wed", "thu", "fri"]),
    ("hours", "9 to 5"),  # rejected, asked again
    ("hours", "09:00-17:00"),
    ("staff", ["phone", "email", "self-service"]),
]


def test_every_answer_lands_in_the_file(make_run: MakeRun) -> None:
    run = make_run(list(ANSWERS))
    assess.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    a = doc.assessment
    assert a is not None and a.customers is not None and a.capacity is not None
    assert a.purpose == "We build and service city bikes."
    assert a.support_role == "Keep every rider riding."
    assert a.goal == "reduce-effort"
    assert a.goal_rationale == "Riders want it fixed with little fuss."
    assert a.principles == ["Fix the rider's day first", "One person owns a problem"]
    assert a.customers.needs == ["A working bike", "Honest advice"]
    assert a.customers.expectations == ["A first reply within one working hour"]
    assert a.customers.channels == ["phone", "email", "chat"]
    assert a.customers.self_help == ["Repair videos"]
    assert a.insight_sources == ["Satisfaction surveys", "Comment cards", "Rider interviews"]
    assert a.capacity.team_size == 4
    assert a.capacity.days == ["mon", "tue", "wed", "thu", "fri"]
    assert a.capacity.hours == "09:00-17:00"
    assert a.capacity.channels == ["phone", "email", "self-service"]
    assert [r[0] for r in run.asker.rejected] == [
        "How many people answer customers?",
        "Opening hours",
    ]


def test_ctrl_c_keeps_every_earlier_answer(make_run: MakeRun) -> None:
    script = [*list(ANSWERS[:8]), ("channels do customers use", KeyboardInterrupt)]
    run = make_run(script)
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    doc = run.saved()
    assert doc.assessment is not None and doc.assessment.customers is not None
    assert doc.assessment.purpose == "We build and service city bikes."
    assert doc.assessment.customers.expectations == ["A first reply within one working hour"]
    assert doc.assessment.customers.channels == []
    assert doc.assessment.capacity is None


def test_revisiting_offers_every_answer_as_the_default(make_run: MakeRun) -> None:
    first = make_run(list(ANSWERS))
    assess.run(first.session)
    before = first.path.read_bytes()
    # Enter on every question (DEFAULT); the two extra questions of the first run
    # were rejected answers, so the revisit asks two fewer.
    again = make_run([DEFAULT] * (len(ANSWERS) - 2))
    assess.run(again.session)
    assert again.asker.remaining == 0
    assert again.path.read_bytes() == before


def test_an_emptied_answer_is_removed(make_run: MakeRun) -> None:
    first = make_run(list(ANSWERS))
    assess.run(first.session)
    script: list[object] = [DEFAULT] * (len(ANSWERS) - 2)
    script[1] = ("purpose", "")
    script[5] = ("principles", "")
    again = make_run(script)
    assess.run(again.session)
    doc = again.saved()
    assert doc.assessment is not None
    assert doc.assessment.purpose is None
    assert doc.assessment.principles == []
