"""What a check finds: findings with their place in the file, and per-file results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from cxphilo.locale import N_, Text

if TYPE_CHECKING:
    from cxphilo.locale import Words

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
CriterionVerdict = Literal["pass", "fail", "skip"]
# SARIF's own words: a comment in the file itself, or a setting kept outside it.
# (Suppression and Finding are NamedTuples, not dataclasses: a class made by @dataclass
# costs a third of a millisecond at start-up, importing dataclasses far more, and
# `cxphilo check` starts thousands of times.)
SuppressionKind = Literal["inSource", "external"]
# How a report words a criterion and a verdict (the file, the configuration and the
# machine formats keep the ids).
CRITERION_WORDS = {"simple": N_("simple"), "service": N_("service"), "future": N_("future")}
VERDICT_WORDS = {"pass": N_("pass"), "fail": N_("fail"), "skip": N_("not judged")}


class Suppression(NamedTuple):
    """Why a finding is silenced: where the team overruled it, and the reason it gave."""

    kind: SuppressionKind
    justification: str | None = None
    line: int | None = None  # the disable comment's line (inSource)
    column: int | None = None


class Finding(NamedTuple):
    """One thing the check noticed, placed where the value it is about sits.

    Its `message` and `fix` are made as `Text`, a message id with its
    parameters, and worded only where they are shown (`worded`): in the
    language of the file's document, or the one its reader chose, with the
    English beside them for formats that need a text that never changes.
    """

    rule: str
    level: Level
    message: Text | str
    line: int | None = None
    column: int | None = None
    criterion: str | None = None  # "simple", "service" or "future" for the vision criteria
    fix: Text | str | None = None
    # The words of the statement a vision finding is about, as quoted in its message.
    words: tuple[str, ...] = ()
    # The text of the line it points at, trimmed: what identifies it when lines move.
    source: str | None = None
    suppressed: Suppression | None = None
    # The message and fix in English, once `worded` in another language.
    english: tuple[str, str | None] | None = None

    def at_level(self, level: Level) -> Finding:
        return self._replace(level=level)

    def worded(self, t: Words, en: Words) -> Finding:
        """This finding as shown: message and fix in `t`'s language, English beside them.
        A finding already worded stays as it is."""
        if self.english is not None:
            return self
        fix = None if self.fix is None else t.say(self.fix)
        english = (en.say(self.message), None if self.fix is None else en.say(self.fix))
        return self._replace(message=t.say(self.message), fix=fix, english=english)

    @property
    def message_en(self) -> str:
        return self.english[0] if self.english is not None else str(self.message)

    @property
    def fix_en(self) -> str | None:
        if self.english is not None:
            return self.english[1]
        return None if self.fix is None else str(self.fix)


class FileResult:
    """The check of one file: a verdict per criterion and every finding, in file order.

    `findings` are the ones that count; `silenced` those the team overruled in
    the open (a disable comment, an accepted phrase), kept for the machine
    formats and never failing the check.
    """

    __slots__ = ("criteria", "findings", "language", "path", "silenced")

    def __init__(
        self,
        path: str,
        criteria: dict[str, CriterionVerdict],
        findings: list[Finding] | None = None,
        silenced: list[Finding] | None = None,
        language: str = "en",
    ) -> None:
        self.path = path
        self.criteria = criteria
        self.findings = [] if findings is None else findings
        self.silenced = [] if silenced is None else silenced
        self.language = language  # the document's, in which its findings are worded

    def worded(self, t: Words, en: Words) -> FileResult:
        """The result with every finding worded in `t`'s language (`Finding.worded`)."""
        return FileResult(
            self.path,
            self.criteria,
            [f.worded(t, en) for f in self.findings],
            [f.worded(t, en) for f in self.silenced],
            self.language,
        )

    def _fields(self) -> tuple[object, ...]:
        return (self.path, self.criteria, self.findings, self.silenced, self.language)

    def __eq__(self, other: object) -> bool:
        return type(other) is FileResult and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def __repr__(self) -> str:
        return (
            f"FileResult(path={self.path!r}, criteria={self.criteria!r}, "
            f"findings={self.findings!r}, silenced={self.silenced!r}, "
            f"language={self.language!r})"
        )

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
