"""Check philosophy files: load each one, run the rules, apply the configuration.

Each file is judged on its own. A file that cannot be read as a philosophy
(YAML syntax, the format) is a finding with its line, not a crash: the check
carries on with the next file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cxphilo.criteria import CRITERIA, verdicts
from cxphilo.errors import DocumentError, FileNotFound, Problem
from cxphilo.storage import yamlio

from . import fastdoc
from .files import expand
from .findings import CriterionVerdict, FileResult, Finding, Level
from .rules import BY_ID
from .structure import document_findings

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
MAX_WORKERS = 8


def check_paths(
    paths: Sequence[Path],
    rules: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    accept: Mapping[str, Sequence[str]] | None = None,
) -> list[FileResult]:
    """Check every philosophy file in `paths` (folders are searched).

    `accept` maps a vision rule to the phrases the team accepts (the
    configuration's `accept:`). Raises FileNotFound for a path that does not exist.
    """
    day = today or dt.date.today()
    files = expand(paths)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [check_file(path, rules, day, accept) for path in files]
    # Many files (a monorepo, a generated corpus): every file is judged on its
    # own, so they spread over the cores; results keep the order of the files.
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    job = partial(
        check_file,
        rules=dict(rules or {}),
        today=day,
        accept={rule: list(phrases) for rule, phrases in (accept or {}).items()},
    )
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(job, files, chunksize=chunk))


def check_file(
    path: Path,
    rules: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    accept: Mapping[str, Sequence[str]] | None = None,
) -> FileResult:
    """Check one file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileNotFound(f"{path}: cannot read ({exc.strerror or exc})") from None
    return check_bytes(raw, str(path), rules, today, accept)


def check_bytes(
    raw: bytes,
    display: str,
    rules: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    accept: Mapping[str, Sequence[str]] | None = None,
) -> FileResult:
    """Check the bytes of a philosophy file; `display` names it in the result.

    A file that cannot be read as a philosophy is not silenced: nothing else
    in it was checked.
    """
    day = today or dt.date.today()
    loaded = load(raw, display)
    if isinstance(loaded, list):
        findings = _configured(loaded, rules or {})
        return FileResult(display, dict.fromkeys(CRITERIA, "skip"), findings)
    doc, positions, text = loaded
    phrases = None
    if accept:
        from .silence import accepted_phrases  # a file without silencing never loads it

        phrases = accepted_phrases(accept)
    findings, silenced, judgement = document_findings(doc, positions, text, day, rules, phrases)
    criteria: dict[str, CriterionVerdict]
    if judgement is None:
        criteria = dict.fromkeys(CRITERIA, "skip")
    else:
        # Only what counts: a criterion whose every error was silenced passes.
        criteria = dict(verdicts((f.criterion, f.level) for f in findings if f.criterion))
    language = getattr(getattr(doc, "company", None), "language", None)
    return FileResult(display, criteria, findings, silenced, language or "en")


def load(raw: bytes, display: str) -> tuple[Any, yamlio.Positions, str] | list[Finding]:
    """The document, where its values sit and its text; or the findings that stop it.

    The fast path accepts a valid document without pydantic; anything the fast
    schema is not sure about goes to the model, which also words the problems.
    """
    try:
        text = yamlio.read_text(raw, display)
        parsed = yamlio.parse(text, display, comments=False)
    except yamlio.YamlProblems as exc:
        return [_problem("yaml-syntax", p) for p in exc.problems]
    if isinstance(parsed.data, dict) and fastdoc.accepts(parsed.data):
        view = fastdoc.view(parsed.data)
        if view is not None:
            return view, parsed.positions, text
    from cxphilo.storage.store import validate  # imports pydantic: only for what the fast path left

    try:
        loaded = validate(parsed, display, raw)
    except DocumentError as exc:
        return [_problem("schema", p) for p in exc.problems]
    return loaded.doc, loaded.positions, text


def _problem(rule: str, problem: Problem) -> Finding:
    return Finding(rule, BY_ID[rule].level, problem.message, problem.line, problem.column)


def _configured(findings: list[Finding], rules: Mapping[str, str]) -> list[Finding]:
    """Findings after the configuration turned rules off or changed their level."""
    out = []
    for finding in findings:
        level = rules.get(finding.rule)
        if level == "off":
            continue
        if level in ("error", "warning", "info") and level != finding.level:
            chosen: Level = level  # type: ignore[assignment]
            finding = finding.at_level(chosen)
        out.append(finding)
    return out
