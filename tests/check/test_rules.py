"""Every rule of the check fires on a document made for it and stays quiet on a complete one."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxphilo.check import RULES, FileResult, check_bytes
from cxphilo.storage.yamlio import dump

HERE = Path(__file__).resolve().parent
COMPLETE = (HERE / "complete.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 22)


def base() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPLETE)
    return data


def check_data(data: dict[str, Any], **kwargs: Any) -> FileResult:
    return check_bytes(dump(data).encode("utf-8"), "doc.yaml", today=TODAY, **kwargs)


def check_text(text: str) -> FileResult:
    return check_bytes(text.encode("utf-8"), "doc.yaml", today=TODAY)


def rules_of(result: FileResult) -> set[str]:
    return {f.rule for f in result.findings}


def test_the_complete_document_has_no_findings_at_all() -> None:
    result = check_text(COMPLETE)
    assert result.findings == []
    assert result.criteria == {"simple": "pass", "service": "pass", "future": "pass"}
    assert not result.failed(strict=True)


# --- one breakage per rule ---------------------------------------------------------------


def _too_many(d: dict[str, Any]) -> None:
    d["values"] += [
        {"name": f"Value {n}", "statement": "Help every paddler.", "metrics": ["CSAT"]}
        for n in range(4)
    ]


def _no_statement(d: dict[str, Any]) -> None:
    del d["values"][0]["statement"]


def _not_action(d: dict[str, Any]) -> None:
    d["values"][0]["statement"] = "Safety."


def _no_metric(d: dict[str, Any]) -> None:
    d["values"][0]["metrics"] = []


def _unknown_metric(d: dict[str, Any]) -> None:
    d["values"][0]["metrics"] = ["HAPPINESS"]


def _undefined_metric(d: dict[str, Any]) -> None:
    d["metrics"][0] = {"id": "DRY_DAYS"}


def _no_history(d: dict[str, Any]) -> None:
    del d["model"]["customer_history"]


def _step_missing(d: dict[str, Any]) -> None:
    del d["listening"]


def _vision_missing(d: dict[str, Any]) -> None:
    del d["vision"]


def _stale(d: dict[str, Any]) -> None:
    d["vision"]["statement"] = "Every paddler leaves the dock with the right boat."


def _review_failed(d: dict[str, Any]) -> None:
    d["vision"]["review"]["verdicts"]["future"] = "fail"


def _disagrees(d: dict[str, Any]) -> None:
    statement = "Every paddler gets a straight answer from us, day and night."
    d["vision"]["statement"] = d["vision"]["review"]["statement"] = statement


def _target_past(d: dict[str, Any]) -> None:
    d["metrics"].append({"id": "NPS", "target": {"value": 50, "date": dt.date(2026, 9, 30)}})


def _baseline_future(d: dict[str, Any]) -> None:
    d["metrics"].append({"id": "NPS", "baseline": {"value": 38, "date": dt.date(2027, 1, 1)}})


def _overdue(d: dict[str, Any]) -> None:
    d["governance"]["next_review"] = dt.date(2026, 1, 31)


def _cliche(d: dict[str, Any]) -> None:
    statement = "We go the extra mile to fix every paddler's kayak."
    d["vision"]["statement"] = d["vision"]["review"]["statement"] = statement


BREAKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "values-too-many": _too_many,
    "value-no-statement": _no_statement,
    "value-not-action": _not_action,
    "value-no-metric": _no_metric,
    "metric-unknown": _unknown_metric,
    "metric-undefined": _undefined_metric,
    "metric-target-past": _target_past,
    "metric-baseline-future": _baseline_future,
    "customer-history-missing": _no_history,
    "step-missing": _step_missing,
    "vision-missing": _vision_missing,
    "review-stale": _stale,
    "review-failed": _review_failed,
    "review-disagrees": _disagrees,
    "review-overdue": _overdue,
    "vision-cliche": _cliche,
}


@pytest.mark.parametrize("rule", list(BREAKS))
def test_each_document_rule_fires(rule: str) -> None:
    data = base()
    BREAKS[rule](data)
    result = check_data(data)
    assert rule in rules_of(result), result.findings


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_each_rule_is_quiet_on_the_complete_document(rule: str) -> None:
    assert rule not in rules_of(check_text(COMPLETE))


def test_yaml_syntax_is_a_finding_with_its_line() -> None:
    result = check_text("company:\n  name: Acme\n  mission: [unclosed\n")
    assert [f.rule for f in result.findings] == ["yaml-syntax"]
    assert result.findings[0].line is not None
    assert result.criteria == dict.fromkeys(("simple", "service", "future"), "skip")
    assert result.failed()


def test_a_schema_problem_is_a_finding_with_its_line_and_column() -> None:
    text = COMPLETE.replace("  language: en\n", "  language: en\n  colour: blue\n")
    result = check_text(text)
    assert [f.rule for f in result.findings] == ["schema"]
    finding = result.findings[0]
    assert "colour" in str(finding.message)
    assert (finding.line, finding.column) == (text.splitlines().index("  colour: blue") + 1, 3)


def test_every_rule_has_a_test_that_makes_it_fire() -> None:
    from tests.check.test_silence import COMMENTS_FIRE
    from tests.criteria.test_engine import FIRES

    covered = set(BREAKS) | {"yaml-syntax", "schema"} | {rule for rule, _, _ in FIRES}
    covered |= set(COMMENTS_FIRE)
    covered.add("vision-empty")  # judge_vision(""); a blank vision in a file is vision-missing
    assert covered == {r.id for r in RULES}


# --- where findings point -----------------------------------------------------------------


def test_findings_point_at_the_value_they_are_about() -> None:
    data = base()
    _not_action(data)
    _unknown_metric(data)
    text = dump(data)
    result = check_text(text)
    lines = text.splitlines()
    by_rule = {f.rule: f for f in result.findings}
    statement = by_rule["value-not-action"]
    assert lines[statement.line - 1][statement.column - 1 :] == "Safety."
    metric = by_rule["metric-unknown"]
    assert lines[metric.line - 1][metric.column - 1 :] == "HAPPINESS"


@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_a_vision_finding_points_at_the_words_inside_the_statement(quote: str) -> None:
    statement = "Every paddler can reach us 24/7."
    line = f"  statement: {quote}{statement}{quote}"
    text = COMPLETE.replace(
        "  statement: Every paddler leaves the dock with the right boat and comes back with a "
        "story.\n  review:",
        line + "\n  review:",
    )
    result = check_text(text)
    promise = next(f for f in result.findings if f.rule == "vision-overpromise")
    assert line[promise.column - 1 :].startswith("24/7")


def test_metric_dates_point_at_the_date_and_name_the_metric() -> None:
    data = base()
    data["metrics"].append(
        {
            "id": "NPS",
            "baseline": {"value": 38, "date": dt.date(2027, 1, 1)},
            "target": {"value": 50, "date": dt.date(2026, 9, 30)},
        }
    )
    text = dump(data)
    lines = text.splitlines()
    by_rule = {f.rule: f for f in check_text(text).findings}
    past = by_rule["metric-target-past"]
    assert past.level == "warning"
    assert str(past.message) == (
        "The target for “NPS” (Net Promoter Score) was due on 2026-09-30 (53 days ago)."
    )
    assert "new baseline" in (str(past.fix) or "") and "new target" in (str(past.fix) or "")
    assert lines[past.line - 1][past.column - 1 :] == "2026-09-30"
    assert lines[past.line - 2].strip() == "value: 50"  # the target's date, not the baseline's
    future = by_rule["metric-baseline-future"]
    assert future.level == "warning"
    assert "“NPS”" in str(future.message) and "2027-01-01" in str(future.message)
    assert lines[future.line - 1][future.column - 1 :] == "2027-01-01"
    assert lines[future.line - 2].strip() == "value: 38"


def test_a_custom_metric_is_named_by_its_own_name() -> None:
    data = base()
    data["metrics"][0]["target"] = {"value": 0.99, "date": dt.date(2026, 1, 31)}
    (finding,) = [f for f in check_data(data).findings if f.rule == "metric-target-past"]
    assert str(finding.message).startswith(
        "The target for “DRY_DAYS” (Dry days) was due on 2026-01-31"
    )


def test_a_date_of_today_is_neither_past_nor_future() -> None:
    data = base()
    today = {"value": 1, "date": TODAY}
    data["metrics"].append({"id": "NPS", "baseline": today, "target": dict(today)})
    found = rules_of(check_data(data))
    assert not found & {"metric-target-past", "metric-baseline-future"}
    data["metrics"][-1]["target"]["date"] = TODAY - dt.timedelta(days=1)
    data["metrics"][-1]["baseline"]["date"] = TODAY + dt.timedelta(days=1)
    assert {"metric-target-past", "metric-baseline-future"} <= rules_of(check_data(data))


def test_a_quoted_date_is_read_by_pydantic_and_judged_alike() -> None:
    data = base()
    _target_past(data)
    text = dump(data).replace("date: 2026-09-30", "date: '2026-09-30'")
    assert "'2026-09-30'" in text
    (finding,) = [f for f in check_text(text).findings if f.rule == "metric-target-past"]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :] == "'2026-09-30'"


def test_a_promise_beyond_the_hours_of_one_day_points_at_its_words() -> None:
    data = base()
    capacity = data["assessment"]["capacity"]
    capacity["day_hours"] = {"sat": "10:00-14:00"}
    statement = "Every paddler can call us until 17:00 on Saturdays."
    data["vision"]["statement"] = data["vision"]["review"]["statement"] = statement
    text = dump(data)
    found = [f for f in check_text(text).findings if f.rule == "vision-overpromise"]
    assert [str(f.message) for f in found] == [
        '"until 17:00": promises support by phone until 17:00 on Saturdays, but people '
        "answer by phone Sat 10:00\u201314:00."
    ]
    line = text.splitlines()[found[0].line - 1]
    assert line[found[0].column - 1 :].startswith("until 17:00 on Saturdays")
    assert "Sat 10:00" in (str(found[0].fix) or "")
    del capacity["day_hours"]
    assert "vision-overpromise" not in rules_of(check_data(data))


def test_the_review_is_bound_to_the_exact_statement_but_not_to_its_spacing() -> None:
    data = base()
    data["vision"]["review"]["statement"] = (
        "Every paddler leaves the dock  with the right boat\nand comes back with a story."
    )
    assert "review-stale" not in rules_of(check_data(data))


def test_the_configuration_turns_rules_off_or_changes_their_level() -> None:
    data = base()
    _cliche(data)
    _overdue(data)
    result = check_data(data, rules={"vision-cliche": "warning", "review-overdue": "off"})
    assert {f.rule: f.level for f in result.findings} == {"vision-cliche": "warning"}
    assert result.criteria["simple"] == "pass"  # no error left on the criterion
    assert not result.failed()
    assert result.failed(strict=True)


def test_a_missing_vision_skips_the_criteria() -> None:
    data = base()
    _vision_missing(data)
    assert check_data(data).criteria == dict.fromkeys(("simple", "service", "future"), "skip")


def test_a_team_metric_must_be_known_too() -> None:
    data = base()
    data["teams"][0]["metrics"] = ["LOYALTY"]
    result = check_data(data)
    assert "metric-unknown" in rules_of(result)


def test_catalogue_ids_are_accepted_in_any_case() -> None:
    data = base()
    data["values"][0]["metrics"] = ["nps"]
    assert "metric-unknown" not in rules_of(check_data(data))


def test_a_document_is_judged_the_same_with_and_without_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxphilo.check import fastdoc

    data = copy.deepcopy(base())
    for breaker in (
        _not_action,
        _unknown_metric,
        _no_history,
        _overdue,
        _disagrees,
        _target_past,
        _baseline_future,
    ):
        breaker(data)
    data["assessment"]["capacity"]["day_hours"] = {"sat": "10:00-14:00"}
    data["assessment"]["capacity"]["channel_hours"] = {"email": "08:00-20:00"}
    statement = (
        "Every paddler gets an email answer until 20:00 and a call until 17:00 on Saturdays."
    )
    data["vision"]["statement"] = statement
    assert fastdoc.accepts(yaml.safe_load(dump(data)))  # the fast path is really taken
    fast = check_data(data)
    monkeypatch.setattr(fastdoc, "accepts", lambda _data: False)
    slow = check_data(data)
    assert fast == slow
    promises = [str(f.message) for f in fast.findings if f.rule == "vision-overpromise"]
    assert len(promises) == 1 and "Saturdays" in promises[0]  # email until 20:00 holds
    assert {"metric-target-past", "metric-baseline-future"} <= rules_of(fast)


def test_every_rule_is_in_the_readme_with_its_level_and_criterion() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        criterion = f" {rule.criterion} " if rule.criterion else " "
        row = f"| `{rule.id}` | {rule.level} |{criterion}|"
        assert row in readme, f"README rules table: {row}"
