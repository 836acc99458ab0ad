"""What a check finds: findings with their place in the file, and per-file results."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
CriterionVerdict = Literal["pass", "fail", "skip"]
# SARIF's own words: a comment in the file itself, or a setting kept outside it.
# (Suppression is a NamedTuple, not a dataclass: a class made by @dataclass costs
# a third of a millisecond at start-up, and `cxphilo check` starts thousands of times.)
SuppressionKind = Literal["inSource", "external"]


class Suppression(NamedTuple):
    """Why a finding is silenced: where the team overruled it, and the reason it gave."""

    kind: SuppressionKind
    justification: str | None = None
    line: int | None = None  # the disable comment's line (inSource)
    column: int | None = None


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
    # The words of the statement a vision finding is about, as quoted in its message.
    words: tuple[str, ...] = ()
    # The text of the line it points at, trimmed: what identifies it when lines move.
    source: str | None = None
    suppressed: Suppression | None = None

    def at_level(self, level: Level) -> Finding:
        return replace(self, level=level)


@dataclass
class FileResult:
    """The check of one file: a verdict per criterion and every finding, in file order.

    `findings` are the ones that count; `silenced` those the team overruled in
    the open (a disable comment, an accepted phrase), kept for the machine
    formats and never failing the check.
    """

    path: str
    criteria: dict[str, CriterionVerdict]
    findings: list[Finding] = field(default_factory=list)
    silenced: list[Finding] = field(default_factory=list)

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level == level)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a file; with `strict`, warnings too."""
        return any(f.level == "error" or (strict and f.level == "warning") for f in self.findings)

    def every_finding(self) -> list[Finding]:
        """The findings and the silenced ones together, in file order."""
        if not self.silenced:
            return list(self.findings)
        return sorted([*self.findings, *self.silenced], key=lambda f: (f.line or 0, f.column or 0))
