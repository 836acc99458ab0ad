"""The status, the check, the charter and the workshop agree on when a review is stale."""

from __future__ import annotations

import pytest

from cxphilo.checks.runner import check_bytes
from cxphilo.model import Philosophy
from cxphilo.render import build_view
from cxphilo.steps import BY_NAME, same_wording, status
from cxphilo.store import render

VISION = "Every rider gets back on the road with one person who owns the problem."


def _doc(reviewed: str) -> Philosophy:
    return Philosophy.model_validate(
        {
            "company": {"name": "Acme"},
            "vision": {
                "statement": VISION,
                "review": {
                    "statement": reviewed,
                    "verdicts": {"simple": "pass", "service": "pass", "future": "pass"},
                },
            },
        }
    )


@pytest.mark.parametrize(
    ("reviewed", "current"),
    [
        (VISION, True),
        ("  Every rider gets back on the road\nwith one person who owns the problem. ", True),
        ("Every rider gets back on the road with a person who owns the problem.", False),
        ("every rider gets back on the road with one person who owns the problem.", False),
    ],
    ids=["identical", "spacing only", "a word changed", "a letter's case changed"],
)
def test_every_reader_of_the_review_gives_the_same_answer(reviewed: str, current: bool) -> None:
    doc = _doc(reviewed)
    assert same_wording(reviewed, VISION) is current

    vision_step = next(s for s in status(doc) if s.step is BY_NAME["vision"])
    assert (vision_step.state == "done") is current

    result = check_bytes(render(doc)[0].encode("utf-8"), "p.yaml")
    stale = [f for f in result.findings if f.rule == "review-stale"]
    assert (stale == []) is current

    view = build_view(doc)
    assert view.review is not None and view.review.current is current
