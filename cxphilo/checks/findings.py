"""What a check finds: findings with their place in the file, and per-file results."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
CriterionVerdict = Literal["pass", "fail", "skip"]


@dataclass(frozen=True)
class Finding:
    """One thing the check noticed, placed where the value it is about sits."""

    rule: str
    level: Level
    message: str
    line: int | None = None
    column: int | None = None
    criterion: str | None = None  # "simple", "service" or "future" for the vision criteria
    fix: str | None = None

    def at_level(self, level: Level) -> Finding:
        return replace(self, level=level)


@dataclass
class FileResult:
    """The check of one file: a verdict per criterion and every finding, in file order."""

    path: str
    criteria: dict[str, CriterionVerdict]
    findings: list[Finding] = field(default_factory=list)

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level == level)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a file; with `strict`, warnings too."""
        return any(f.level == "error" or (strict and f.level == "warning") for f in self.findings)
