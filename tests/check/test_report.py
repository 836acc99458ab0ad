"""Each output format is produced and read back by a parser of that format."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cxphilo.check import RULES, FileResult, check_paths, report
from tests.conftest import COMPLETE_EXAMPLES, FLAWED_EXAMPLE

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return check_paths([FLAWED_EXAMPLE, *COMPLETE_EXAMPLES], today=TODAY)


def _all_findings(results: list[FileResult]) -> int:
    return sum(len(r.findings) for r in results)


def test_json_has_the_documented_shape(results: list[FileResult]) -> None:
    data = json.loads(report.render("json", results))
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [r.path for r in results]
    for entry in data["files"]:
        assert set(entry["criteria"]) == {"simple", "service", "future"}
        assert set(entry["criteria"].values()) <= {"pass", "fail", "skip"}
        for finding in entry["findings"]:
            assert {"rule", "level", "criterion", "message", "line", "column"} <= set(finding)
            assert finding["level"] in ("error", "warning", "info")
            assert finding["criterion"] in (None, "simple", "service", "future")
            assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
    flawed = data["files"][0]
    assert flawed["passed"] is False
    assert flawed["criteria"]["future"] == "fail"
    assert data["summary"]["errors"] == sum(r.count("error") for r in results)


GITHUB_LINE = re.compile(
    r"^::(?P<kind>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),title=(?P<title>[^,:]+)::(?P<message>.+)$"
)


def test_github_annotations_follow_the_workflow_command_pattern(
    results: list[FileResult],
) -> None:
    lines = report.render("github", results).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == _all_findings(results)
    parsed = [GITHUB_LINE.match(line) for line in commands]
    assert all(parsed), [line for line, m in zip(commands, parsed, strict=True) if not m]
    first = parsed[0]
    assert first is not None
    assert first["file"] == str(FLAWED_EXAMPLE)
    assert first["title"].startswith("cxphilo ")
    assert not any("\n" in line for line in commands)
    assert lines[-1].startswith("4 files checked")


def test_github_escapes_what_would_break_a_command() -> None:
    from cxphilo.check.findings import Finding

    result = FileResult(
        "a,b:c.yaml",
        {"simple": "pass", "service": "pass", "future": "pass"},
        [Finding("schema", "error", "100% wrong\nline two", 3, 4)],
    )
    line = report.render("github", [result]).splitlines()[0]
    assert (
        line == "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=cxphilo schema::100%25 "
        "wrong%0Aline two"
    )


def test_sarif_has_the_required_fields(results: list[FileResult]) -> None:
    data = json.loads(report.render("sarif", results))
    assert data["version"] == "2.1.0"
    assert data["$schema"].endswith("sarif-2.1.0.json")
    (run,) = data["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cxphilo"
    assert [rule["id"] for rule in driver["rules"]] == [rule.id for rule in RULES]
    assert len(run["results"]) == _all_findings(results)
    for entry in run["results"]:
        assert entry["message"]["text"]
        assert entry["level"] in ("error", "warning", "note")
        assert driver["rules"][entry["ruleIndex"]]["id"] == entry["ruleId"]
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]
        assert location["region"]["startLine"] >= 1
        assert location["region"]["startColumn"] >= 1


def test_junit_is_xml_with_a_suite_per_file(results: list[FileResult]) -> None:
    root = ET.fromstring(report.render("junit", results))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [r.path for r in results]
    flawed = suites[0]
    failures = flawed.findall("testcase/failure")
    assert int(flawed.get("failures", "0")) == len(failures) > 0
    assert int(flawed.get("tests", "0")) == len(flawed.findall("testcase"))
    for suite in suites[1:]:
        assert suite.findall("testcase/failure") == []
    assert int(root.get("failures", "0")) == sum(int(s.get("failures", "0")) for s in suites)


def test_junit_counts_warnings_as_failures_when_strict(results: list[FileResult]) -> None:
    lenient = ET.fromstring(report.render("junit", results))
    strict = ET.fromstring(report.render("junit", results, strict=True))
    assert int(strict.get("failures", "0")) > int(lenient.get("failures", "0"))


def test_text_groups_findings_by_file_and_ends_with_a_summary(
    results: list[FileResult],
) -> None:
    text = report.render("text", results)
    assert text.startswith(f"{FLAWED_EXAMPLE}\n")
    assert re.search(r"^  \d+:\d+ +error +values-too-many  7 values", text, re.M)
    assert "fix: " in text
    assert f"{COMPLETE_EXAMPLES[-1]}: ok (criteria: simple pass, service pass, future pass)" in text
    assert text.rstrip().splitlines()[-1].startswith("4 files checked, failed: ")


def test_styled_text_keeps_our_styles_beside_the_text_never_in_it() -> None:
    from cxphilo.check.findings import Finding

    result = FileResult(
        "doc.yaml",
        {"simple": "fail", "service": "pass", "future": "pass"},
        [Finding("vision-cliche", "error", '"[bold]" is a cliche \x1b[2J', 1, 2)],
    )
    lines = report.text_lines([result])
    assert lines[1] == [
        "  1:2      ",
        ("error  ", "bold red"),
        '  vision-cliche  "[bold]" is a cliche \x1b[2J',
    ]
    assert report.render("text", [result]).splitlines()[1] == (
        '  1:2      error    vision-cliche  "[bold]" is a cliche \\e[2J'
    )


def test_the_format_follows_github_actions_unless_asked() -> None:
    assert report.choose_format(None, {"GITHUB_ACTIONS": "true"}) == "github"
    assert report.choose_format(None, {}) == "text"
    assert report.choose_format("json", {"GITHUB_ACTIONS": "true"}) == "json"


def test_an_absolute_path_becomes_a_file_uri_in_sarif(tmp_path: Path) -> None:
    path = str(tmp_path / "my philosophy.yaml")
    from cxphilo.check.findings import Finding

    result = FileResult(
        path,
        {"simple": "pass", "service": "pass", "future": "pass"},
        [Finding("schema", "error", "x", 1, 1)],
    )
    uri = json.loads(report.render("sarif", [result]))["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"
    ]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "my%20philosophy.yaml" in uri
