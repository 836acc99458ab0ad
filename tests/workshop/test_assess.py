"""Step 1 driven by scripted answers: what lands in the file, hours per day, moving around."""

from __future__ import annotations

import pytest

from cxphilo.workshop import assess
from cxphilo.workshop.scripted import BACK, DEFAULT, JUMP
from tests.workshop.conftest import MakeRun

ANSWERS = [
    ("mission", "Make cycling the easiest way to get around town."),
    ("own vision", "Every trip in town starts on a bike."),
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
    ("How many people", "x"),  # refused, asked again
    ("How many people", "0"),  # the model's rule: at least 1
    ("How many people", "4"),
    ("days", ["mon", "tue", "wed", "thu", "fri", "sat"]),
    ("hours", "9 to 5"),  # refused: the 24-hour clock
    ("hours", "08:00-17:00; 10:00-14:00"),  # refused: which day is which?
    ("hours", "09:00-17:00 CET"),  # refused: local time
    ("hours", "08:00-24:30"),  # refused by the model: after 24:00
    ("hours", "08:00-17:00, sun 10:00-14:00"),  # refused: Sunday is not a day they answer
    ("hours", "8-17, sat 10-14"),
    ("staff", ["phone", "email", "chat"]),
    ("other hours", "chat 08:00-20:00"),
]


def test_every_answer_lands_in_the_file(make_run: MakeRun) -> None:
    run = make_run(list(ANSWERS))
    assess.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    assert doc.company.mission == "Make cycling the easiest way to get around town."
    assert doc.company.vision == "Every trip in town starts on a bike."
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
    assert a.capacity.days == ["mon", "tue", "wed", "thu", "fri", "sat"]
    assert a.capacity.hours == "08:00-17:00"
    assert a.capacity.day_hours == {"sat": "10:00-14:00"}
    assert a.capacity.channels == ["phone", "email", "chat"]
    assert a.capacity.channel_hours == {"chat": "08:00-20:00"}
    refused = [(message, answer) for message, answer, _ in run.asker.rejected]
    assert refused == [
        ("How many people answer customers?", "x"),
        ("How many people answer customers?", "0"),
        ("Opening hours", "9 to 5"),
        ("Opening hours", "08:00-17:00; 10:00-14:00"),
        ("Opening hours", "09:00-17:00 CET"),
        ("Opening hours", "08:00-24:30"),
        ("Opening hours", "08:00-17:00, sun 10:00-14:00"),
    ]
    reasons = [reason for _, _, reason in run.asker.rejected]
    assert reasons[1] == "It must be at least 1."
    assert "24-hour clock: 09:00-17:00" in reasons[2]
    assert "say which days" in reasons[3]
    assert "without a time zone (CET)" in reasons[4]
    assert "ends after 24:00" in reasons[5]
    assert "Sunday is not among the days" in reasons[6]


def test_ctrl_c_keeps_every_earlier_answer(make_run: MakeRun) -> None:
    script = [*list(ANSWERS[:9]), ("channels do customers use", KeyboardInterrupt)]
    run = make_run(script)
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    doc = run.saved()
    assert doc.assessment is not None and doc.assessment.customers is not None
    assert doc.assessment.purpose == "We build and service city bikes."
    assert doc.assessment.customers.expectations == ["A first reply within one working hour"]
    assert doc.assessment.customers.channels == []
    assert doc.assessment.capacity is None


def _answered(make_run: MakeRun) -> None:
    first = make_run(list(ANSWERS))
    assess.run(first.session)


def test_a_finished_step_opens_with_its_answers_and_changes_one(make_run: MakeRun) -> None:
    _answered(make_run)
    before = make_run([]).saved()
    run = make_run(
        [
            ("Change which answer", "16"),  # 16. Opening hours
            ("hours", "08:00-16:00, sat 10:00-14:00"),
            ("Change which answer", DEFAULT),  # Enter: go on
        ]
    )
    run.session.entry = "revisit"
    assess.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    assert doc.assessment is not None and doc.assessment.capacity is not None
    assert doc.assessment.capacity.hours == "08:00-16:00"
    assert doc.assessment.capacity.day_hours == {"sat": "10:00-14:00"}
    # nothing else moved
    assert doc.model_copy(update={"assessment": before.assessment}) == before
    table = next(b for b in run.screen.blocks if getattr(b, "title", "").startswith("The answers"))
    assert ("16", "Opening hours", "08:00-17:00, sat 10:00-14:00") in table.rows  # type: ignore[attr-defined]


def test_back_one_answer_offers_the_earlier_answer(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("mission", "Make cycling easy."),
            ("own vision", BACK),  # back to the mission, offered to edit
            ("mission", DEFAULT),  # kept as it was
            ("own vision", BACK),
            ("mission", "Make city cycling easy."),
            ("own vision", KeyboardInterrupt),
        ]
    )
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    assert run.saved().company.mission == "Make city cycling easy."
    asked = [a for a in run.asker.asked if a.kind == "text"]
    assert [a.answer for a in asked if "mission" in str(a.message)] == [
        "Make cycling easy.",
        "Make cycling easy.",  # the earlier answer was what Enter kept
        "Make city cycling easy.",
    ]


def test_back_at_the_first_question_stays_there(make_run: MakeRun) -> None:
    run = make_run([("mission", BACK), ("mission", "Ours."), ("own vision", KeyboardInterrupt)])
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    assert "This is the first question of the step." in run.screen.text()
    assert run.saved().company.mission == "Ours."


def test_jump_mid_step_changes_an_earlier_answer_and_comes_back(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("mission", "Make cycling easy."),
            ("own vision", "Bikes everywhere."),
            ("purpose", JUMP),
            ("Change which answer", "1"),
            ("mission", "Make city cycling easy."),
            ("Change which answer", DEFAULT),  # back to question 3
            ("purpose", KeyboardInterrupt),
        ]
    )
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    doc = run.saved()
    assert doc.company.mission == "Make city cycling easy."
    assert doc.company.vision == "Bikes everywhere."


def test_a_resumed_step_carries_on_at_the_first_unanswered_question(make_run: MakeRun) -> None:
    first = make_run([*ANSWERS[:7], ("need", KeyboardInterrupt)])
    with pytest.raises(KeyboardInterrupt):
        assess.run(first.session)
    run = make_run([("need", "A working bike"), ("expect", KeyboardInterrupt)])
    run.session.entry = "resume"
    with pytest.raises(KeyboardInterrupt):
        assess.run(run.session)
    assert "Carrying on at question 8: Customers' needs." in run.screen.text()
    assert run.saved().assessment.customers.needs == ["A working bike"]  # type: ignore[union-attr]


def test_an_emptied_answer_is_removed(make_run: MakeRun) -> None:
    _answered(make_run)
    run = make_run(
        [
            ("Change which answer", "3"),
            ("purpose", ""),
            ("Change which answer", "7"),
            ("principles", ""),
            ("Change which answer", "0"),  # the step is unfinished now: leave it for later
        ]
    )
    run.session.entry = "revisit"
    assess.run(run.session)
    doc = run.saved()
    assert doc.assessment is not None
    assert doc.assessment.purpose is None
    assert doc.assessment.principles == []


def test_unticking_a_day_takes_its_own_hours_with_it(make_run: MakeRun) -> None:
    _answered(make_run)
    run = make_run(
        [
            ("Change which answer", "15"),  # the days
            ("days", ["mon", "tue", "wed", "thu", "fri"]),  # Saturday had its own hours
            ("Change which answer", "17"),  # the staffed channels
            ("staff", ["phone", "email"]),  # chat had its own hours
            ("Change which answer", ""),  # carry on: the channels' hours are unanswered now
            ("other hours", ""),
        ]
    )
    run.session.entry = "revisit"
    assess.run(run.session)
    assert run.asker.rejected == []
    capacity = run.saved().assessment.capacity  # type: ignore[union-attr]
    assert capacity is not None
    assert (capacity.days, capacity.day_hours) == (["mon", "tue", "wed", "thu", "fri"], {})
    assert (capacity.channels, capacity.channel_hours) == (["phone", "email"], {})
