"""The check's results as text: for people, for scripts, for CI systems.

Pure functions from results to a string; printing is the command's business.

- text:   grouped by file, with how to fix each finding (coloured on a terminal)
- json:   the shape documented in the README ("version": 1)
- github: GitHub Actions workflow commands (`::error file=...,line=...::...`), within
          the number of annotations GitHub shows; `github_summary` is the Markdown
          table of every finding for the job summary
- sarif:  SARIF 2.1.0, for code-scanning dashboards
- junit:  JUnit XML, one test suite per file, for CI test reports
- gitlab: GitLab Code Quality JSON, for merge request widgets

A silenced finding (`FileResult.silenced`) never fails the check. The machine
formats keep it with how and why it was silenced; `text` and `github` only
count it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from cxphilo import __version__
from cxphilo.check.findings import (
    CRITERION_WORDS,
    VERDICT_WORDS,
    FileResult,
    Finding,
    Suppression,
)
from cxphilo.check.rules import RULES
from cxphilo.locale import N_, Words, words
from cxphilo.output import Part, json_text, plain, visible
from cxphilo.vocabulary import CHECK_FORMATS

FORMATS = CHECK_FORMATS
# what each machine format is written in, so that a stream that is not UTF-8 keeps it exact
DOCUMENT_KIND = {"json": "json", "sarif": "json", "gitlab": "json", "junit": "xml"}
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}

# The rule pages (docs/rules.md, one anchor per rule id). SARIF asks for absolute
# URLs and this project has no public address of its own, so a team names where
# its copy of the repository shows that page (`docs:` in the configuration).
# Until then the links use a host under `.invalid`, a name reserved never to
# resolve: a placeholder that can never lead a reader to somebody else's site.
DOCS_PAGE = "docs/rules.md"
DOCS_PLACEHOLDER = "https://cxphilo.invalid/docs/rules.md"


def rule_url(rule_id: str, docs: str | None = None) -> str:
    """The address of a rule's section: `docs` (or the placeholder) and `#rule-id`."""
    return f"{docs or DOCS_PLACEHOLDER}#{rule_id}"


def choose_format(requested: str | None, environ: Mapping[str, str]) -> str:
    """The format asked for; else `github` inside GitHub Actions, `text` elsewhere."""
    if requested:
        return requested
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def worded(
    results: Sequence[FileResult], chosen: str | None = None
) -> tuple[list[FileResult], Words]:
    """Every finding worded, and the words of the report around them.

    A file's findings are in its document's language, or in `chosen` (the
    reader's, from --lang or CXPHILO_LANG) for every file; English goes
    beside each for the formats that need a text that never changes. The
    report's own words are in `chosen`, else the language all the files
    share, else English.
    """
    en = words("en")
    out = [r.worded(words(chosen or r.language), en) for r in results]
    languages = {r.language for r in results}
    common = chosen or (languages.pop() if len(languages) == 1 else "en")
    return out, words(common)


def _ready(results: Sequence[FileResult], t: Words | None) -> tuple[list[FileResult], Words]:
    """`results` worded (once) and the report's words: `t`, else as `worded` chooses."""
    out, common = worded(results, t.language if t is not None else None)
    return out, t or common


def render(
    fmt: str,
    results: Sequence[FileResult],
    strict: bool = False,
    *,
    docs: str | None = None,
    links: bool = False,
    step_summary: bool = False,
    t: Words | None = None,
) -> str:
    """The results (`worded`) in format `fmt` (one of FORMATS); `text_lines` gives the
    text to colour, and `t` the report's own words.

    `docs` is the configured address of the rule pages; `links` adds each
    finding's page to `text`; `step_summary` tells `github` that every finding
    is also in the job summary.
    """
    results, t = _ready(results, t)
    if fmt == "json":
        return to_json(results, strict)
    if fmt == "github":
        return to_github(results, strict, step_summary=step_summary, t=t)
    if fmt == "sarif":
        return to_sarif(results, docs)
    if fmt == "junit":
        return to_junit(results, strict, t=t)
    if fmt == "gitlab":
        return to_gitlab(results, strict)
    return to_text(results, strict, text_links(docs) if links else None, t=t)


def summary(results: Sequence[FileResult], strict: bool) -> dict[str, int | bool]:
    """Counts over all files; silenced findings are counted apart and fail nothing."""
    return {
        "files": len(results),
        "failed": sum(1 for r in results if r.failed(strict)),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "silenced": sum(len(r.silenced) for r in results),
        "strict": strict,
    }


def summary_line(results: Sequence[FileResult], strict: bool, t: Words | None = None) -> str:
    t = t or words("en")
    counts = summary(results, strict)
    parts = [
        t.plural("{count} error", "{count} errors", int(counts["errors"])),
        t.plural("{count} warning", "{count} warnings", int(counts["warnings"])),
    ]
    if counts["infos"]:
        parts.append(t.plural("{count} note", "{count} notes", int(counts["infos"])))
    if counts["silenced"]:
        parts.append(t.plural("{count} silenced", "{count} silenced", int(counts["silenced"])))
    files = len(results)
    joined = t(", ").join(parts)
    # Four whole messages, not one stitched from pieces: each language words each its own way.
    if counts["failed"]:
        line = (
            t.plural(
                "{count} file checked, failed (strict: warnings fail): {counts}",
                "{count} files checked, failed (strict: warnings fail): {counts}",
                files,
                counts=joined,
            )
            if strict
            else t.plural(
                "{count} file checked, failed: {counts}",
                "{count} files checked, failed: {counts}",
                files,
                counts=joined,
            )
        )
    else:
        line = (
            t.plural(
                "{count} file checked, passed (strict: warnings fail): {counts}",
                "{count} files checked, passed (strict: warnings fail): {counts}",
                files,
                counts=joined,
            )
            if strict
            else t.plural(
                "{count} file checked, passed: {counts}",
                "{count} files checked, passed: {counts}",
                files,
                counts=joined,
            )
        )
    return line


# --- text ---------------------------------------------------------------------------------

_STYLE = {
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
    "pass": "green",
    "fail": "bold red",
    "skip": "dim",
}


def text_links(docs: str | None) -> str:
    """Where `--show-links` points: the configured page, or the page in this repository."""
    return docs or DOCS_PAGE


# The words of the text report for a level and a verdict (the machine formats keep the ids).
_LEVEL_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}


def text_lines(
    results: Sequence[FileResult],
    strict: bool = False,
    links: str | None = None,
    t: Words | None = None,
) -> list[list[Part]]:
    """The readable report as lines of parts, each a text or a text with its style.

    The parts are data: the output module shows them plain or in colour, and
    shows every control character in them as an escape. With `links` (the
    address of the rule pages), each finding is followed by its rule's page.
    """
    results, t = _ready(results, t)
    levels = {level: t(word) for level, word in _LEVEL_WORDS.items()}
    width = max(7, *(len(word) for word in levels.values()))
    fix, see = t("fix:"), t("see:")
    lines: list[list[Part]] = []
    for result in results:
        criteria: list[Part] = []
        for name, verdict in result.criteria.items():
            said = t(VERDICT_WORDS[verdict])
            criterion = t(CRITERION_WORDS[name]) if name in CRITERION_WORDS else name
            criteria += [t(", ") if criteria else "", f"{criterion} ", (said, _STYLE[verdict])]
        header: Part = (result.path, "bold")
        if not result.findings:
            lines.append([header, ": ", t("ok (criteria: "), *criteria, ")"])
            continue
        lines.append([header])
        for f in result.findings:
            where = f"{f.line}:{f.column}" if f.line is not None else "-"
            level = (f"{levels[f.level]:<{width}}", _STYLE[f.level])
            lines.append([f"  {where:<8} ", level, f"  {f.rule}  {f.message}"])
            if f.fix:
                lines.append([f"  {'':<8} {'':<{width}}  {fix} {f.fix}"])
            if links is not None:
                lines.append([f"  {'':<8} {'':<{width}}  {see} {links}#{f.rule}"])
        lines.append(["  ", t("criteria:"), " ", *criteria])
    lines.append([summary_line(results, strict, t)])
    return lines


def to_text(
    results: Sequence[FileResult],
    strict: bool = False,
    links: str | None = None,
    t: Words | None = None,
) -> str:
    """Readable plain text, control characters shown as escapes."""
    return "".join(plain(*line) + "\n" for line in text_lines(results, strict, links, t))


# --- json ---------------------------------------------------------------------------------


def finding_data(f: Finding) -> dict[str, object]:
    """One finding as JSON; `suppressed` is null unless the team silenced it."""
    return {
        "rule": f.rule,
        "level": f.level,
        "criterion": f.criterion,
        "message": f.message,
        "fix": f.fix,
        "message_en": f.message_en,
        "fix_en": f.fix_en,
        "line": f.line,
        "column": f.column,
        "words": list(f.words),
        "suppressed": _suppression_data(f.suppressed) if f.suppressed else None,
    }


def _suppression_data(s: Suppression) -> dict[str, object]:
    data: dict[str, object] = {"kind": s.kind, "justification": s.justification}
    if s.line is not None:
        data["line"], data["column"] = s.line, s.column
    return data


def to_json(results: Sequence[FileResult], strict: bool = False) -> str:
    data = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": r.path,
                "passed": not r.failed(strict),
                "criteria": dict(r.criteria),
                "findings": [finding_data(f) for f in r.every_finding()],
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


# GitHub shows at most 10 annotations of each level per step and 50 per job,
# and drops the rest without a word.
GITHUB_PER_LEVEL = 10
GITHUB_PER_JOB = 50
_GITHUB_ORDER = ("error", "warning", "notice")


def _github_command(f: Finding, strict: bool) -> str:
    if strict and f.level == "warning":
        return "error"  # a warning fails a strict check, so show it as one
    return _GITHUB_COMMAND[f.level]


def _github_pick(commands: Sequence[str], reserve: bool) -> tuple[list[int], list[int]]:
    """Which annotations GitHub will show (errors first) and which it would drop.

    With `reserve`, one notice and one place of the 50 are kept free for the
    notice that says how many were left out.
    """
    left = {level: GITHUB_PER_LEVEL for level in _GITHUB_ORDER}
    total = GITHUB_PER_JOB
    if reserve:
        left["notice"] -= 1
        total -= 1
    shown: list[int] = []
    hidden: list[int] = []
    for level in _GITHUB_ORDER:
        for index, command in enumerate(commands):
            if command != level:
                continue
            if left[level] > 0 and total > 0:
                left[level] -= 1
                total -= 1
                shown.append(index)
            else:
                hidden.append(index)
    return shown, hidden


def to_github(
    results: Sequence[FileResult],
    strict: bool = False,
    *,
    step_summary: bool = False,
    t: Words | None = None,
) -> str:
    """Workflow commands GitHub shows on the pull request's lines, as many as it shows.

    Errors come first, then warnings, then notices, at most 10 of each and 50
    in all. When there are more, one notice says how many were left out, and
    they follow as plain lines of the log (and in the job summary when
    `step_summary`), so that none is lost. Silenced findings are only counted.
    """
    t = t or words("en")
    found = [(result.path, f) for result in results for f in result.findings]
    commands = [_github_command(f, strict) for _, f in found]
    shown, hidden = _github_pick(commands, reserve=False)
    if hidden:
        shown, hidden = _github_pick(commands, reserve=True)
    lines = []
    for index in shown:
        path, f = found[index]
        props = [f"file={_escape_property(path)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property('cxphilo ' + f.rule)}")
        message = _with_fix(f, t)
        lines.append(f"::{commands[index]} {','.join(props)}::{_escape_data(message)}")
    if hidden:
        notice = (
            t.plural(
                "{count} more finding not shown as annotations (GitHub shows at most {limit} "
                "of each level): listed below and in the job summary",
                "{count} more findings not shown as annotations (GitHub shows at most {limit} "
                "of each level): listed below and in the job summary",
                len(hidden),
                limit=GITHUB_PER_LEVEL,
            )
            if step_summary
            else t.plural(
                "{count} more finding not shown as annotations (GitHub shows at most {limit} "
                "of each level): listed below",
                "{count} more findings not shown as annotations (GitHub shows at most {limit} "
                "of each level): listed below",
                len(hidden),
                limit=GITHUB_PER_LEVEL,
            )
        )
        lines.append(f"::notice title=cxphilo::{_escape_data(notice)}")
        for index in sorted(hidden):
            path, f = found[index]
            at = f":{f.line}" + (f":{f.column}" if f.column is not None else "") if f.line else ""
            message = _with_fix(f, t)
            # A plain line starts with "- ", never "::": it cannot become a command.
            lines.append(
                f"- {commands[index]} {f.rule} {_escape_data(path + at)}: {_escape_data(message)}"
            )
    lines.append(summary_line(results, strict, t))
    return "\n".join(lines) + "\n"


def _with_fix(f: Finding, t: Words) -> str:
    return t("{message} (fix: {fix})", message=f.message, fix=f.fix) if f.fix else f"{f.message}"


def github_summary(
    results: Sequence[FileResult],
    strict: bool = False,
    docs: str | None = None,
    t: Words | None = None,
) -> str:
    """Markdown for the job summary ($GITHUB_STEP_SUMMARY): every finding in a table.

    Every cell is text from a file, escaped once for Markdown (no `|` that
    splits a cell, no markup, links or HTML) with control characters as escapes.
    Rules link to their page when the configuration names one (`docs:`).
    """
    from cxphilo.storage.mdtext import inline

    def cell(text: object) -> str:
        return inline(visible(str(text))) or " "

    def rule(rule_id: str) -> str:
        return f"[{cell(rule_id)}]({rule_url(rule_id, docs)})" if docs else cell(rule_id)

    def place(f: Finding) -> str:
        if f.line is None:
            return " "
        return f"{f.line}:{f.column}" if f.column is not None else str(f.line)

    results, t = _ready(results, t)
    out = ["## cxphilo check", "", cell(summary_line(results, strict, t)), ""]
    counted = [(r.path, f) for r in results for f in r.findings]
    if counted:
        out += ["| Level | File | Line | Rule | Finding | Fix |", "|---|---|---|---|---|---|"]
        order = {level: n for n, level in enumerate(("error", "warning", "info"))}
        for path, f in sorted(counted, key=lambda pf: order[_level(pf[1], strict)]):
            out.append(
                f"| {_level(f, strict)} | {cell(path)} | {place(f)} | {rule(f.rule)} | "
                f"{cell(f.message)} | {cell(f.fix or '')} |"
            )
        out.append("")
    silenced = [(r.path, f) for r in results for f in r.silenced]
    if silenced:
        out += [
            f"Silenced ({len(silenced)}):",
            "",
            "| Level | File | Line | Rule | Finding | Silenced by |",
            "|---|---|---|---|---|---|",
        ]
        for path, f in silenced:
            out.append(
                f"| {f.level} | {cell(path)} | {place(f)} | {rule(f.rule)} | "
                f"{cell(f.message)} | {cell(_silenced_by(f))} |"
            )
        out.append("")
    return "\n".join(out) + "\n"


def _level(f: Finding, strict: bool) -> str:
    return "error" if strict and f.level == "warning" else f.level


def _silenced_by(f: Finding) -> str:
    s = f.suppressed
    if s is None:
        return ""
    if s.kind == "inSource":
        where = f"a comment on line {s.line}" if s.line is not None else "a comment"
        return where + (f": {s.justification}" if s.justification else "")
    return "the configuration" + (f": {s.justification}" if s.justification else "")


# --- SARIF 2.1.0 --------------------------------------------------------------------------


def _uri(path: str) -> str:
    from urllib.parse import quote

    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def to_sarif(results: Sequence[FileResult], docs: str | None = None) -> str:
    """SARIF 2.1.0: every rule with its page, every finding, the silenced ones suppressed.

    A silenced finding carries SARIF's own `suppressions` (`inSource` for a
    disable comment, with the comment's place; `external` for an accepted
    phrase), so code scanning shows it as dismissed with the team's reason.
    """
    index = {rule.id: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": f"{rule.title}. Example: {rule.example}"},
            "helpUri": rule_url(rule.id, docs),
            "help": {
                "text": f"{rule.title}. What it catches, why, the fix and how to "
                f"silence it: {rule_url(rule.id, docs)}"
            },
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
            "properties": {"criterion": rule.criterion} if rule.criterion else {},
        }
        for rule in RULES
    ]
    sarif_results = []
    for result in results:
        uri = _uri(result.path)
        for f in result.every_finding():
            location: dict[str, object] = {"artifactLocation": {"uri": uri}}
            if f.line is not None:
                location["region"] = _region(f.line, f.column)
            entry: dict[str, object] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.level],
                "message": {"text": _sentences(f.message, f.fix)},
                "locations": [{"physicalLocation": location}],
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            if f.english is not None and f.english[0] != f.message:
                entry["properties"] = {"messageEnglish": _sentences(*f.english)}
            if f.suppressed is not None:
                entry["suppressions"] = [_sarif_suppression(f.suppressed, uri)]
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
                        "informationUri": docs or DOCS_PLACEHOLDER,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json_text(data)


def _sentences(message: object, fix: object) -> str:
    """A finding's message and its fix as one text, for formats with one place for it."""
    return f"{message} {fix}" if fix else f"{message}"


def _region(line: int, column: int | None) -> dict[str, int]:
    region = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    return region


def _sarif_suppression(s: Suppression, uri: str) -> dict[str, object]:
    entry: dict[str, object] = {"kind": s.kind, "status": "accepted"}
    if s.justification:
        entry["justification"] = s.justification
    if s.line is not None:
        entry["location"] = {
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": _region(s.line, s.column),
            }
        }
    return entry


# --- JUnit XML ----------------------------------------------------------------------------


def to_junit(results: Sequence[FileResult], strict: bool = False, t: Words | None = None) -> str:
    """One test suite per file: a test case per criterion and per finding.

    Errors (and warnings with --strict) are failures; other findings are
    passing test cases that carry their message, so nothing is lost; a
    silenced finding is a skipped test case that says who silenced it. XML 1.0
    cannot carry most control characters at all, and a CI log shows the rest:
    every text from a file is given with them as visible escapes.
    """
    import xml.etree.ElementTree as ET

    t = t or words("en")

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
                    f"{f.message}"
                    for f in result.findings
                    if f.criterion == criterion and f.level == "error"
                ]
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=t(
                        "the vision fails {criterion}",
                        criterion=t(CRITERION_WORDS.get(criterion, criterion)),
                    ),
                    type="criterion",
                )
                failure.text = text(*messages)
            elif verdict == "skip":
                skipped += 1
                ET.SubElement(case, "skipped", message=t("no vision statement"))
        for f in result.every_finding():
            where = f" at {f.line}:{f.column}" if f.line is not None else ""
            case = ET.SubElement(suite, "testcase", classname=path, name=text(f"{f.rule}{where}"))
            tests += 1
            body = [f"{f.message}", *([f"{t('fix:')} {f.fix}"] if f.fix else [])]
            if f.suppressed is not None:
                skipped += 1
                skip = ET.SubElement(
                    case, "skipped", message=text(f"silenced by {_silenced_by(f)}")
                )
                skip.text = text(f"{f.level}: {body[0]}", *body[1:])
            elif f.level == "error" or (strict and f.level == "warning"):
                failures += 1
                failure = ET.SubElement(case, "failure", message=text(body[0]), type=f.level)
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


# --- GitLab Code Quality ------------------------------------------------------------------

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _stable_content(f: Finding) -> str:
    """What identifies a finding when lines move: its words, its line's text, its message.

    Not its line number; and the message's numbers go (a count of days
    grows every day, and the line's own text still tells two dates apart).
    """
    import re

    return "\x00".join(("|".join(f.words), f.source or "", re.sub(r"\d+", "#", f.message_en)))


def to_gitlab(results: Sequence[FileResult], strict: bool = False) -> str:
    """GitLab Code Quality JSON: one issue per finding that counts.

    A fingerprint is a hash of the file, the rule and the finding's stable
    content, so that moving a line keeps it; findings alike in all of these
    are told apart by their order. Silenced findings are not issues: GitLab's
    format has no place for a suppression, so they are left out.
    """
    import hashlib

    issues = []
    seen: dict[str, int] = {}
    for result in results:
        path = Path(result.path).as_posix()
        for f in result.findings:
            key = "\x00".join((path, f.rule, _stable_content(f)))
            copy = seen.get(key, 0)
            seen[key] = copy + 1
            if copy:
                key += f"\x00{copy}"
            severity = _GITLAB_SEVERITY[f.level]
            if strict and f.level == "warning":
                severity = "major"
            issues.append(
                {
                    "description": _sentences(f.message, f.fix),
                    "check_name": f.rule,
                    "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                    "severity": severity,
                    "location": {"path": path, "lines": {"begin": f.line or 1}},
                }
            )
    return json_text(issues)
