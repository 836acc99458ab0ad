"""`cxphilo check`: the rules that guard a philosophy file in CI and pre-commit.

Pure core: no terminal. `check_paths` returns one `FileResult` per file;
`cxphilo.check.report` turns results into text, JSON, GitHub annotations, SARIF or
JUnit, and the command decides the exit code.
"""

from __future__ import annotations

from .findings import FileResult, Finding, Level
from .rules import BY_ID, RULES, Rule
from .runner import check_bytes, check_file, check_paths

__all__ = [
    "BY_ID",
    "RULES",
    "FileResult",
    "Finding",
    "Level",
    "Rule",
    "check_bytes",
    "check_file",
    "check_paths",
]
