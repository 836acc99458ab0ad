"""The formats CI systems read: SARIF against its schema, GitHub within its limits, GitLab."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from cxphilo.check import RULES, FileResult, check_bytes, check_paths, report
from cxphilo.check.findings import Finding, Suppression
from tests.conftest import COMPLETE_EXAMPLES, FLAWED_EXAMPLE, ROOT, run_cli

TODAY = dt.date(2026, 11, 22)
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
COMPLETE = (ROOT / "tests" / "check" / "complete.yaml").read_text(encoding="utf-8")
GOOD = "Every paddler leaves the dock with the right boat and comes back with a story."
PASS = {"simple": "pass", "service": "pass", "future": "pass"}


def silenced_result() -> FileResult:
    """The complete document with a buzzword silenced in the file and a cliché accepted."""
    motto = (
        "We go the extra mile and leverage synergies so that every paddler gets back on the water."
    )
    text = COMPLETE.replace(f"    statement: {GOOD}", f"    statement: {motto}").replace(
        f"  statement: {GOOD}\n",
        f"  # cxphilo: disable=vision-buzzword -- our motto since 1999\n  statement: {motto}\n",
    )
    return check_bytes(
        text.encode("utf-8"),
        "team/philosophy.yaml",
        today=TODAY,
        accept={"vision-cliche": ["go the extra mile"]},
    )


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return [*check_paths([FLAWED_EXAMPLE, *COMPLETE_EXAMPLES], today=TODAY), silenced_result()]


# --- SARIF --------------------------------------------------------------------------------


def sarif_validator() -> Any:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_validates_against_the_sarif_2_1_0_schema(results: list[FileResult]) -> None:
    data = json.loads(report.render("sarif", results))
    errors = sorted(sarif_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message!s}" for e in errors[:5])


def test_the_schema_catches_a_broken_log() -> None:
    # The validator really validates: a result without its message is refused.
    data = json.loads(report.render("sarif", [silenced_result()]))
    del data["runs"][0]["results"][0]["message"]
    assert list(sarif_validator().iter_errors(data))


def test_sarif_keeps_silenced_findings_as_suppressions() -> None:
    result = silenced_result()
    data = json.loads(report.render("sarif", [result]))
    suppressed = {
        r["ruleId"]: r["suppressions"] for r in data["runs"][0]["results"] if "suppressions" in r
    }
    assert set(suppressed) == {"vision-cliche", "vision-buzzword"}
    (in_source,) = suppressed["vision-buzzword"]
    assert in_source["kind"] == "inSource"
    assert in_source["justification"] == "our motto since 1999"
    region = in_source["location"]["physicalLocation"]["region"]
    assert region["startLine"] == result.silenced[0].line - 1
    (external,) = suppressed["vision-cliche"]
    assert external["kind"] == "external"
    assert "go the extra mile" in external["justification"]


@pytest.mark.parametrize("docs", [None, "https://git.example.com/cx/blob/main/docs/rules.md"])
def test_sarif_links_the_tool_and_each_rule_to_its_page(docs: str | None) -> None:
    data = json.loads(report.render("sarif", [silenced_result()], docs=docs))
    driver = data["runs"][0]["tool"]["driver"]
    base = docs or report.DOCS_PLACEHOLDER
    assert driver["informationUri"] == base
    for rule, entry in zip(RULES, driver["rules"], strict=True):
        assert entry["helpUri"] == f"{base}#{rule.id}"
        parts = urlsplit(entry["helpUri"])
        assert parts.scheme == "https" and parts.netloc  # SARIF asks for an absolute URI
    assert urlsplit(report.DOCS_PLACEHOLDER).netloc.endswith(".invalid")


# --- JSON, JUnit, text --------------------------------------------------------------------


def test_json_keeps_silenced_findings_with_how_and_why() -> None:
    data = json.loads(report.render("json", [silenced_result()]))
    (entry,) = data["files"]
    assert entry["passed"] is True
    silenced = {f["rule"]: f["suppressed"] for f in entry["findings"] if f["suppressed"]}
    assert silenced["vision-buzzword"]["kind"] == "inSource"
    assert silenced["vision-buzzword"]["justification"] == "our motto since 1999"
    assert silenced["vision-cliche"] == {
        "kind": "external",
        "justification": 'accepted phrase "go the extra mile" for vision-cliche',
    }
    cliche = next(f for f in entry["findings"] if f["rule"] == "vision-cliche")
    assert cliche["words"] == ["go the extra mile"]
    assert data["summary"]["silenced"] == 2 and data["summary"]["errors"] == 0


def test_junit_skips_silenced_findings_and_says_who_silenced_them() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(report.render("junit", [silenced_result()]))
    skipped = root.findall("testsuite/testcase/skipped")
    messages = sorted(s.get("message", "") for s in skipped)
    assert messages == [
        "silenced by a comment on line 42: our motto since 1999",
        'silenced by the configuration: accepted phrase "go the extra mile" for vision-cliche',
    ]
    assert root.findall("testsuite/testcase/failure") == []
    assert root.find("testsuite") is not None
    assert root.find("testsuite").get("skipped") == "2"  # type: ignore[union-attr]


def test_text_leaves_silenced_findings_out_and_counts_them() -> None:
    text = report.render("text", [silenced_result()])
    assert "vision-buzzword" not in text and "vision-cliche" not in text
    assert text.splitlines()[-1] == "1 file checked, passed: 0 errors, 0 warnings, 2 silenced"


def test_text_shows_each_rules_page_when_asked() -> None:
    result = FileResult("doc.yaml", PASS, [Finding("schema", "error", "x", 1, 1, fix="y")])
    plain = report.render("text", [result])
    assert "see:" not in plain
    linked = report.render("text", [result], links=True).splitlines()
    assert linked[3] == "                    see: docs/rules.md#schema"
    docs = "https://git.example.com/cx/blob/main/docs/rules.md"
    configured = report.render("text", [result], links=True, docs=docs)
    assert f"see: {docs}#schema" in configured


# --- GitHub -------------------------------------------------------------------------------


def thirty_findings() -> str:
    """A philosophy with 12 errors, 12 warnings and 6 notes (with the configuration below)."""
    ids = ["NPS", "CSAT", "CES", "FCR", "FRT", "AHT", "ASA", "ART", "ABANDON", "ESC", "CPT", "CRR"]
    metrics = [f"  - id: OWN_{n}\n" for n in range(12)]
    for n, metric in enumerate(ids):
        baseline = "    baseline: {value: 1, date: 2099-01-01}\n" if n < 6 else ""
        metrics.append(f"  - id: {metric}\n    target: {{value: 2, date: 2020-01-01}}\n{baseline}")
    return COMPLETE.replace(
        "metrics:\n  - id: DRY_DAYS\n", "metrics:\n" + "".join(metrics) + "  - id: DRY_DAYS\n"
    )


ANNOTATION = re.compile(r"^::(error|warning|notice) ")


def test_github_stays_within_the_limits_and_the_summary_holds_every_finding(
    in_tmp: Path,
) -> None:
    (in_tmp / "philosophy.yaml").write_text(thirty_findings(), encoding="utf-8")
    (in_tmp / ".cxphilo.yaml").write_text(
        "rules:\n  metric-baseline-future: info\n", encoding="utf-8"
    )
    summary = in_tmp / "summary.md"
    summary.write_text("# An earlier step's summary\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    kinds = [m.group(1) for m in map(ANNOTATION.match, lines) if m]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds.count("notice") == 7  # the 6 notes and the notice about the rest
    assert kinds == sorted(kinds, key=("error", "warning", "notice").index)  # errors first
    notice = next(line for line in lines if line.startswith("::notice title=cxphilo::"))
    assert "4 more findings not shown as annotations" in notice
    assert "in the job summary" in notice
    left_out = [line for line in lines if line.startswith("- ")]
    assert len(left_out) == 4
    assert len(kinds) - 1 + len(left_out) == 30  # every finding is somewhere in the log
    assert lines[-1] == "1 file checked, failed: 12 errors, 12 warnings, 6 notes"

    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("# An earlier step's summary\n## cxphilo check\n")  # appended
    rows = [row for row in markdown.splitlines() if re.match(r"\| (error|warning|info) \|", row)]
    assert len(rows) == 30
    assert sum("metric-undefined" in row for row in rows) == 12


def test_github_keeps_a_place_for_its_notice_among_ten_notes() -> None:
    notes = [Finding("review-disagrees", "info", f"note {n}", n + 1, 1) for n in range(12)]
    lines = report.render("github", [FileResult("doc.yaml", PASS, notes)]).splitlines()
    kinds = [m.group(1) for m in map(ANNOTATION.match, lines) if m]
    assert kinds == ["notice"] * 10
    assert lines[9].startswith("::notice title=cxphilo::3 more findings")
    assert "job summary" not in lines[9]  # none was written
    assert [line.split(" at ")[0] for line in lines[10:13]] == [
        "- notice review-disagrees doc.yaml:10:1: note 9",
        "- notice review-disagrees doc.yaml:11:1: note 10",
        "- notice review-disagrees doc.yaml:12:1: note 11",
    ]


def test_a_few_findings_need_no_notice(results: list[FileResult]) -> None:
    complete = [r for r in results if not r.failed()]
    text = report.render("github", complete)
    assert "::notice title=cxphilo::" not in text


def test_the_summary_escapes_what_would_break_the_table() -> None:
    finding = Finding("schema", "error", "a | b *bold* <b>x</b> [l](u)\nnext \x1b[2J", 3, 4)
    markdown = report.github_summary([FileResult("a|b.yaml", PASS, [finding])])
    (row,) = [line for line in markdown.splitlines() if line.startswith("| error")]
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 6
    assert cells[1].strip() == "a\\|b.yaml"
    assert cells[4].strip() == (
        "a \\| b \\*bold\\* \\<b\\>x\\</b\\> \\[l\\](u)\\\\nnext \\\\e\\[2J"
    )


def test_the_summary_lists_silenced_findings_apart() -> None:
    markdown = report.github_summary([silenced_result()])
    assert "Silenced (2):" in markdown
    assert "a comment on line 42: our motto since 1999" in markdown


def test_a_summary_file_that_cannot_be_written_is_a_warning_not_a_lost_check(
    in_tmp: Path,
) -> None:
    (in_tmp / "philosophy.yaml").write_text(COMPLETE, encoding="utf-8")
    missing = in_tmp / "no-such-folder" / "summary.md"
    result = run_cli("check", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(missing)})
    assert result.returncode == 0
    assert result.stderr.startswith("warning: cannot write the job summary to ")
    assert result.stdout.splitlines()[-1].startswith("1 file checked, passed")


# --- GitLab -------------------------------------------------------------------------------

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab(results: list[FileResult], strict: bool = False) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(report.render("gitlab", results, strict))
    return issues


def test_gitlab_code_quality_has_the_shape_gitlab_reads(results: list[FileResult]) -> None:
    issues = gitlab(results)
    assert len(issues) == sum(len(r.findings) for r in results)  # silenced ones are not issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in SEVERITIES
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    levels = {i["check_name"]: i["severity"] for i in issues}
    assert levels["values-too-many"] == "major" and levels["review-overdue"] == "minor"
    strict = {i["check_name"]: i["severity"] for i in gitlab(results, strict=True)}
    assert strict["review-overdue"] == "major"


def test_a_fingerprint_survives_a_line_shift_and_a_new_day() -> None:
    text = FLAWED_EXAMPLE.read_text(encoding="utf-8")
    before = check_bytes(text.encode(), "flawed.yaml", today=TODAY)
    shifted = "# a comment that moves every line\n\n" + text
    after = check_bytes(shifted.encode(), "flawed.yaml", today=TODAY + dt.timedelta(days=9))
    old, new = gitlab([before]), gitlab([after])
    assert [i["fingerprint"] for i in old] == [i["fingerprint"] for i in new]
    assert [i["location"]["lines"]["begin"] + 2 for i in old] == [
        i["location"]["lines"]["begin"] for i in new
    ]
    assert old[0]["description"] != new[-1]["description"]  # the day count did change


def test_a_fingerprint_changes_with_the_file_the_rule_and_the_content() -> None:
    one = Finding("metric-unknown", "error", "metric 'WOW' is unknown", 3, 5, source="- WOW")
    other = Finding("metric-unknown", "error", "metric 'YAY' is unknown", 3, 5, source="- YAY")
    prints = {
        gitlab([FileResult(path, PASS, [finding])])[0]["fingerprint"]
        for path in ("a.yaml", "b.yaml")
        for finding in (one, other)
    }
    assert len(prints) == 4


def test_duplicates_get_distinct_fingerprints_the_same_every_time() -> None:
    twin = Finding("metric-unknown", "error", "metric 'WOW' is unknown", 3, 5, source="- WOW")
    result = FileResult("a.yaml", PASS, [twin, twin, twin])
    first = [i["fingerprint"] for i in gitlab([result])]
    assert len(set(first)) == 3
    assert first == [i["fingerprint"] for i in gitlab([result])]


def test_gitlab_through_the_command(in_tmp: Path) -> None:
    result = run_cli("check", "--format", "gitlab", FLAWED_EXAMPLE)
    assert result.returncode == 1
    assert {i["check_name"] for i in json.loads(result.stdout)} >= {"values-too-many"}


def test_a_suppression_of_each_kind_is_described() -> None:
    comment = Finding("schema", "error", "x", 2, 1, suppressed=Suppression("inSource", None, 1, 3))
    assert (
        report.github_summary([FileResult("d.yaml", PASS, [], [comment])]).count(
            "a comment on line 1 |"
        )
        == 1
    )
