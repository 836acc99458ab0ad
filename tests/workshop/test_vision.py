"""Step 4: verdicts at once, rewrites kept as drafts, the team's review bound to the statement."""

from __future__ import annotations

from typing import Any

import pytest

from cxphilo.storage.store import Store
from cxphilo.workshop import vision
from cxphilo.workshop.asker import RecordingScreen, Verdicts
from cxphilo.workshop.scripted import DEFAULT, ScriptedAsker
from cxphilo.workshop.session import Session
from tests.workshop.conftest import TODAY, MakeRun

ROOM = {"company": {"name": "Acme"}, "brainstorm": {"participants": ["Ana", "Ben"]}}


def verdicts(run: Any) -> list[Verdicts]:
    return [b for b in run.screen.blocks if isinstance(b, Verdicts)]


def test_write_see_the_verdicts_rewrite_and_review(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("journey", "From the first call to the bike back on the road"),
            ("everything goes right", "Riders say they hardly noticed the repair"),
            ("vision", "The best support, 24/7"),
            ("Keep this wording", DEFAULT),  # two criteria fail: "Rewrite" is the default
            ("Rewrite", "Every rider back on the road the same day"),
            ("Keep this wording", DEFAULT),  # all pass now: "Keep" is the default
            ("Simple", DEFAULT),
            ("service", DEFAULT),
            ("become", DEFAULT),
            ("Who reviewed", DEFAULT),
            ("stakeholder", "Shop managers"),
            ("gut reaction", "Clear, they could say it at the counter"),
            ("land", True),
            ("stakeholder", ""),
        ],
        ROOM,
    )
    vision.run(run.session)
    assert run.asker.remaining == 0
    v = run.saved().vision
    assert v is not None and v.review is not None
    assert v.statement == "Every rider back on the road the same day"
    assert v.journey == "From the first call to the bike back on the road"
    assert v.best_day == "Riders say they hardly noticed the repair"
    assert v.drafts == ["The best support, 24/7"]
    assert v.review.statement == v.statement
    assert v.review.date == TODAY
    assert v.review.reviewers == ["Ana", "Ben"]
    assert (v.review.verdicts.simple, v.review.verdicts.service, v.review.verdicts.future) == (
        "pass",
        "pass",
        "pass",
    )
    [reaction] = v.review.stakeholders
    assert (reaction.who, reaction.reaction, reaction.lands) == (
        "Shop managers",
        "Clear, they could say it at the counter",
        True,
    )
    shown = verdicts(run)
    assert dict(shown[0].criteria) == {"simple": "fail", "service": "pass", "future": "fail"}
    assert [str(f.message) for f in shown[0].findings] == [
        "“best” is a buzzword",
        "“24/7” is beyond the capacity",
    ]
    assert dict(shown[1].criteria) == {"simple": "pass", "service": "pass", "future": "pass"}


def test_the_teams_own_verdict_and_a_flop_lead_back_to_rewriting(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("journey", ""),
            ("everything goes right", ""),
            ("vision", "Riders ride"),
            ("Keep this wording", "keep"),
            ("Simple", "fail"),
            ("service", DEFAULT),
            ("become", DEFAULT),
            ("Who reviewed", "Ana"),
            ("stakeholder", "Riders' club"),
            ("gut reaction", ""),
            ("land", False),
            ("stakeholder", ""),
            ("Rewrite it now", True),
            ("Rewrite", "Every rider gets back on the road with one person who owns the problem"),
            ("Keep this wording", "keep"),
            ("Simple", DEFAULT),
            ("service", DEFAULT),
            ("become", DEFAULT),
            ("Who reviewed", DEFAULT),
            ("stakeholder", ""),
        ],
        ROOM,
    )
    vision.run(run.session)
    assert run.asker.remaining == 0
    v = run.saved().vision
    assert v is not None and v.review is not None
    assert v.drafts == ["Riders ride"]
    assert v.review.statement == v.statement
    assert v.review.verdicts.simple == "pass"  # a new review for the new wording
    assert v.review.stakeholders == []
    assert "It needs work: the team failed it on: Simple" in run.screen.text()


def test_ctrl_c_during_the_review_keeps_statement_drafts_and_verdicts(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("journey", ""),
            ("everything goes right", ""),
            ("vision", "Best support"),
            ("Keep this wording", "rewrite"),
            ("Rewrite", "Every rider helped by one person"),
            ("Keep this wording", "keep"),
            ("Simple", "pass"),
            ("service", KeyboardInterrupt),
        ],
        ROOM,
    )
    with pytest.raises(KeyboardInterrupt):
        vision.run(run.session)
    v = run.saved().vision
    assert v is not None and v.review is not None
    assert v.statement == "Every rider helped by one person"
    assert v.drafts == ["Best support"]
    assert v.review.statement == v.statement
    assert v.review.verdicts.simple == "pass"
    assert v.review.verdicts.service is None


def test_an_edited_vision_needs_a_new_review(make_run: MakeRun) -> None:
    data = {
        **ROOM,
        "vision": {
            "statement": "Every rider helped today",
            "review": {
                "statement": "Every rider helped",
                "verdicts": {"simple": "pass", "service": "pass", "future": "pass"},
                "stakeholders": [{"who": "CEO", "lands": True}],
            },
        },
    }
    run = make_run(
        [
            ("Change which answer", DEFAULT),  # carry on: the review of the new wording
            ("Simple", "fail"),
            ("service", DEFAULT),
            ("become", KeyboardInterrupt),
        ],
        data,
    )
    with pytest.raises(KeyboardInterrupt):
        vision.run(run.session)
    assert "The vision changed since the team last reviewed it" in run.screen.text()
    v = run.saved().vision
    assert v is not None and v.review is not None
    assert v.review.statement == "Every rider helped today"
    assert v.review.verdicts.simple == "fail"
    assert v.review.stakeholders == []


def test_the_real_engine_judges_against_the_capacity(doc_path: Any) -> None:
    """With the check's own engine: a weekday team cannot promise round-the-clock help."""
    data = {
        "company": {"name": "Acme", "language": "en"},
        "assessment": {
            "capacity": {
                "team_size": 2,
                "days": ["mon", "tue", "wed", "thu", "fri"],
                "hours": "09:00-17:00",
                "channels": ["phone"],
            }
        },
    }
    doc_path.unlink()
    from cxphilo.document.model import Philosophy

    Store.create(doc_path, Philosophy.model_validate(data))
    asker = ScriptedAsker(
        [
            ("journey", ""),
            ("everything goes right", ""),
            ("vision", "Customers get help 24/7 on every channel"),
            ("Keep this wording", KeyboardInterrupt),
        ]
    )
    screen = RecordingScreen()
    session = Session(Store.open(doc_path), asker, screen, today=TODAY)
    with pytest.raises(KeyboardInterrupt):
        vision.run(session)
    [shown] = [b for b in screen.blocks if isinstance(b, Verdicts)]
    assert dict(shown.criteria)["future"] == "fail"
    assert any(f.criterion == "future" and str(f.fix) for f in shown.findings)
