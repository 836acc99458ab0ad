"""The check's results as text: for people, for scripts, for CI systems.

Pure functions from results to a string; printing is the command's business.

- text:   grouped by file, with how to fix each finding (coloured on a terminal)
- json:   the shape documented in the README ("version": 1)
- github: GitHub Actions workflow commands (`::error file=...,line=...::...`)
- sarif:  SARIF 2.1.0, for code-scanning dashboards
- junit:  JUnit XML, one test suite per file, for CI test reports
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from . import __version__
from .checks.findings import FileResult, Finding
from .checks.rules import RULES
from .output import Part, json_text, plain, visible

FORMATS = ("text", "json", "github", "sarif", "junit")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def choose_format(requested: str | None, environ: Mapping[str, str]) -> str:
    """The format asked for; else `github` inside GitHub Actions, `text` elsewhere."""
    if requested:
        return requested
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(fmt: str, results: Sequence[FileResult], strict: bool = False) -> str:
    """The results in format `fmt` (one of FORMATS); `text_lines` gives the text to colour."""
    if fmt == "json":
        return to_json(results, strict)
    if fmt == "github":
        return to_github(results, strict)
    if fmt == "sarif":
        return to_sarif(results)
    if fmt == "junit":
        return to_junit(results, strict)
    return to_text(results, strict)


def summary(results: Sequence[FileResult], strict: bool) -> dict[str, int | bool]:
    """Counts over all files."""
    return {
        "files": len(results),
        "failed": sum(1 for r in results if r.failed(strict)),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "strict": strict,
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(results: Sequence[FileResult], strict: bool) -> str:
    counts = summary(results, strict)
    parts = [_plural(int(counts["errors"]), "error"), _plural(int(counts["warnings"]), "warning")]
    if counts["infos"]:
        parts.append(_plural(int(counts["infos"]), "note"))
    verdict = "failed" if counts["failed"] else "passed"
    strictly = " (strict: warnings fail)" if strict else ""
    return f"{_plural(len(results), 'file')} checked, {verdict}{strictly}: {', '.join(parts)}"


# --- text ---------------------------------------------------------------------------------

_STYLE = {
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
    "pass": "green",
    "fail": "bold red",
    "skip": "dim",
}


def text_lines(results: Sequence[FileResult], strict: bool = False) -> list[list[Part]]:
    """The readable report as lines of parts, each a text or a text with its style.

    The parts are data: the output module shows them plain or in colour, and
    shows every control character in them as an escape.
    """
    lines: list[list[Part]] = []
    for result in results:
        criteria: list[Part] = []
        for name, verdict in result.criteria.items():
            criteria += [", " if criteria else "", f"{name} ", (verdict, _STYLE[verdict])]
        header: Part = (result.path, "bold")
        if not result.findings:
            lines.append([header, ": ok (criteria: ", *criteria, ")"])
            continue
        lines.append([header])
        for f in result.findings:
            where = f"{f.line}:{f.column}" if f.line is not None else "-"
            level = (f"{f.level:<7}", _STYLE[f.level])
            lines.append([f"  {where:<8} ", level, f"  {f.rule}  {f.message}"])
            if f.fix:
                lines.append([f"  {'':<8} {'':<7}  fix: {f.fix}"])
        lines.append(["  criteria: ", *criteria])
    lines.append([summary_line(results, strict)])
    return lines


def to_text(results: Sequence[FileResult], strict: bool = False) -> str:
    """Readable plain text, control characters shown as escapes."""
    return "".join(plain(*line) + "\n" for line in text_lines(results, strict))


# --- json ---------------------------------------------------------------------------------


def finding_data(f: Finding) -> dict[str, object]:
    return {
        "rule": f.rule,
        "level": f.level,
        "criterion": f.criterion,
        "message": f.message,
        "fix": f.fix,
        "line": f.line,
        "column": f.column,
    }


def to_json(results: Sequence[FileResult], strict: bool = False) -> str:
    data = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": r.path,
                "passed": not r.failed(strict),
                "criteria": dict(r.criteria),
                "findings": [finding_data(f) for f in r.findings],
            }
            for r in results
        ],
        "summary": summary(results, strict),
    }
    return json_text(data)


# --- GitHub Actions ---------------------------------------------------------------------


# GitHub's own escapes first (a line break stays a line break in the annotation),
# then every other control character as a visible escape: nothing typed can end
# the line and start a workflow command of its own.
def _escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(results: Sequence[FileResult], strict: bool = False) -> str:
    """One workflow command per finding; GitHub shows them on the pull request's lines."""
    lines = []
    for result in results:
        for f in result.findings:
            command = _GITHUB_COMMAND[f.level]
            if strict and f.level == "warning":
                command = "error"  # a warning fails a strict check, so show it as one
            props = [f"file={_escape_property(result.path)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
                if f.column is not None:
                    props.append(f"col={f.column}")
            props.append(f"title={_escape_property('cxphilo ' + f.rule)}")
            message = f.message + (f" (fix: {f.fix})" if f.fix else "")
            lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    lines.append(summary_line(results, strict))
    return "\n".join(lines) + "\n"


# --- SARIF 2.1.0 --------------------------------------------------------------------------


def _uri(path: str) -> str:
    from urllib.parse import quote

    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def to_sarif(results: Sequence[FileResult]) -> str:
    index = {rule.id: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": f"{rule.title}. Example: {rule.example}"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
            "properties": {"criterion": rule.criterion} if rule.criterion else {},
        }
        for rule in RULES
    ]
    sarif_results = []
    for result in results:
        for f in result.findings:
            location: dict[str, object] = {"artifactLocation": {"uri": _uri(result.path)}}
            if f.line is not None:
                region: dict[str, int] = {"startLine": f.line}
                if f.column is not None:
                    region["startColumn"] = f.column
                location["region"] = region
            entry: dict[str, object] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.level],
                "message": {"text": f.message + (f" Fix: {f.fix}" if f.fix else "")},
                "locations": [{"physicalLocation": location}],
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            sarif_results.append(entry)
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cxphilo",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json_text(data)


# --- JUnit XML ----------------------------------------------------------------------------


def to_junit(results: Sequence[FileResult], strict: bool = False) -> str:
    """One test suite per file: a test case per criterion and per finding.

    Errors (and warnings with --strict) are failures; other findings are
    passing test cases that carry their message, so nothing is lost. XML 1.0
    cannot carry most control characters at all, and a CI log shows the rest:
    every text from a file is given with them as visible escapes.
    """
    import xml.etree.ElementTree as ET

    def text(*lines: str) -> str:
        return "\n".join(visible(line) for line in lines)

    root = ET.Element("testsuites", name="cxphilo check")
    total_tests = total_failures = 0
    for result in results:
        path = visible(result.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        tests = failures = skipped = 0
        for criterion, verdict in result.criteria.items():
            case = ET.SubElement(suite, "testcase", classname=path, name=f"criterion {criterion}")
            tests += 1
            if verdict == "fail":
                failures += 1
                messages = [
                    f.message
                    for f in result.findings
                    if f.criterion == criterion and f.level == "error"
                ]
                failure = ET.SubElement(
                    case, "failure", message=f"the vision fails {criterion}", type="criterion"
                )
                failure.text = text(*messages)
            elif verdict == "skip":
                skipped += 1
                ET.SubElement(case, "skipped", message="no vision statement")
        for f in result.findings:
            where = f" at {f.line}:{f.column}" if f.line is not None else ""
            case = ET.SubElement(suite, "testcase", classname=path, name=text(f"{f.rule}{where}"))
            tests += 1
            body = [f.message, *([f"fix: {f.fix}"] if f.fix else [])]
            if f.level == "error" or (strict and f.level == "warning"):
                failures += 1
                failure = ET.SubElement(case, "failure", message=text(f.message), type=f.level)
                failure.text = text(*body)
            else:
                out = ET.SubElement(case, "system-out")
                out.text = text(f"{f.level}: {body[0]}", *body[1:])
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    document = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + document + "\n"
