"""Step 6: sharing in daily work, empowerment, and the hiring rubric per value."""

from __future__ import annotations

import pytest

from cxphilo.workshop import share
from cxphilo.workshop.scripted import DEFAULT
from tests.workshop.conftest import MakeRun

DATA = {"company": {"name": "Acme"}, "values": [{"name": "Delight"}, {"name": "Deliver WOW"}]}


def test_sharing_empowerment_and_rubric_land_in_the_file(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Onboarding", "Two weeks answering customers"),
            ("Training", "A monthly clinic on real conversations"),
            ("decide for themselves", "A refund up to 500 kroner without asking"),
            ("Promotions", "The career ladder names the values"),
            ("Incentives", ""),
            ("Social media", "Public replies follow the tone guide"),
            ("Anywhere else", "All-hands; Team blog"),
            ("scale", "1-10"),
            ("Profile questions for Delight", DEFAULT),  # the suggestions
            ("strong answer", DEFAULT),
            ("lives Delight best", "Sam (support): I call back the next day to check"),
            ("Profile questions for Deliver WOW", "What made a stranger's day?"),
            ("strong answer", "Acts without waiting for permission"),
            ("lives Deliver WOW best", "She drove the part over herself"),
        ],
        DATA,
    )
    share.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    s = doc.sharing
    assert s is not None
    assert s.onboarding == "Two weeks answering customers"
    assert s.training == "A monthly clinic on real conversations"
    assert s.autonomy == "A refund up to 500 kroner without asking"
    assert s.incentives is None
    assert s.other == ["All-hands", "Team blog"]
    h = doc.hiring
    assert h is not None and h.scale == "1-10"
    delight, wow = h.rubric
    assert delight.value == "Delight"
    assert delight.questions[0].startswith("On a scale of 1 to 10, how lucky are you")
    assert delight.strong_answer
    assert [(b.by, b.answer) for b in delight.benchmarks] == [
        ("Sam (support)", "I call back the next day to check")
    ]
    assert (wow.value, wow.questions, wow.strong_answer) == (
        "Deliver WOW",
        ["What made a stranger's day?"],
        "Acts without waiting for permission",
    )
    assert [(b.by, b.answer) for b in wow.benchmarks] == [(None, "She drove the part over herself")]


def test_ctrl_c_in_the_rubric_keeps_the_sharing(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Onboarding", "Two weeks answering customers"),
            ("Training", ""),
            ("decide for themselves", ""),
            ("Promotions", ""),
            ("Incentives", ""),
            ("Social media", ""),
            ("Anywhere else", ""),
            ("scale", DEFAULT),
            ("Profile questions for Delight", KeyboardInterrupt),
        ],
        DATA,
    )
    with pytest.raises(KeyboardInterrupt):
        share.run(run.session)
    doc = run.saved()
    assert doc.sharing is not None and doc.sharing.onboarding == "Two weeks answering customers"
    assert doc.hiring is not None and doc.hiring.scale == "1-5" and doc.hiring.rubric == []
