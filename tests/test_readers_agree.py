"""The status, the check, the charter and the workshop read the document by the same rules."""

from __future__ import annotations

import pytest

from cxphilo.check.runner import check_bytes
from cxphilo.document.model import Philosophy
from cxphilo.document.steps import BY_NAME, same_wording, status
from cxphilo.render.view import build_view
from cxphilo.storage.store import render

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


@pytest.mark.parametrize(
    ("entry", "used_as", "rule"),
    [
        (
            {"id": "SAME_DAY", "name": "Same-day repairs", "measures": "Repairs ready today."},
            "SAME_DAY",
            None,
        ),
        ({"id": "SAME_DAY", "name": "Same-day repairs"}, "SAME_DAY", "metric-undefined"),
        ({"id": "SAME_DAY", "measures": "Repairs ready today."}, "SAME_DAY", "metric-undefined"),
        (
            {"id": "SAME_DAY", "name": "Same-day repairs", "measures": "Repairs ready today."},
            "same_day",
            "metric-unknown",
        ),
    ],
    ids=["defined", "no measures", "no name", "another spelling of the id"],
)
def test_the_check_and_the_charter_agree_on_custom_metrics(
    entry: dict[str, str], used_as: str, rule: str | None
) -> None:
    doc = Philosophy.model_validate(
        {
            "company": {"name": "Acme"},
            "values": [{"name": "Speed", "statement": "Fix it today.", "metrics": [used_as]}],
            "metrics": [entry],
        }
    )
    result = check_bytes(render(doc)[0].encode("utf-8"), "p.yaml")
    metric_rules = {f.rule for f in result.findings if f.rule.startswith("metric-")}
    assert metric_rules == ({rule} if rule else set())

    (shown,) = build_view(doc).values[0].metrics
    assert shown.defined is (rule is None)
