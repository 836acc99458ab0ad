"""One exception tree for the whole tool; each class carries its exit code.

The entry point (`cxphilo.__main__`) catches `CxphiloError` in one place and
turns it into a message on stderr and the class's exit code. A user's mistake
never shows a traceback; `--debug` shows one for a bug report.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import NamedTuple


class ExitCode(enum.IntEnum):
    """The exit codes documented in the README."""

    OK = 0
    FINDINGS = 1  # `cxphilo check` found errors (or warnings with --strict)
    USAGE = 2  # the command could not run: bad option, unreadable or invalid input
    INTERNAL = 3  # a bug in cxphilo: nothing the user typed or wrote should cause it
    INTERRUPTED = 130  # Ctrl-C


# A NamedTuple, not a dataclass: importing dataclasses (which imports inspect) and
# making each class cost milliseconds at start-up, and `cxphilo check` starts
# thousands of times. The other records of the check's path are NamedTuples too.
class Problem(NamedTuple):
    """One thing wrong in a file, with where it sits (1-based line and column)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    rule: str = "schema"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class CxphiloError(Exception):
    """Base of every error the tool reports to its user."""

    exit_code: ExitCode = ExitCode.USAGE
    default_message = "cxphilo could not run"

    def __init__(self, message: str | None = None, *, hint: str | None = None) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.hint = hint

    def lines(self) -> list[str]:
        """What the user sees on stderr, one line each."""
        out = [f"error: {self.message}"]
        if self.hint:
            out.append(f"hint: {self.hint}")
        return out


class UsageError(CxphiloError):
    """A wrong option or argument."""

    default_message = "wrong usage"


class FileNotFound(CxphiloError):
    """The philosophy file (or another input) does not exist."""

    default_message = "file not found"


class FileExists(CxphiloError):
    """A command refuses to overwrite an existing file."""

    default_message = "file already exists"


class DocumentError(CxphiloError):
    """A file could not be read as a philosophy: YAML syntax, schema, size, tags.

    Carries every problem found, each with its `path:line:column`.
    """

    default_message = "the file is not a valid philosophy document"

    def __init__(self, problems: Sequence[Problem], *, hint: str | None = None) -> None:
        self.problems = list(problems)
        first = self.problems[0] if self.problems else None
        super().__init__(str(first) if first else None, hint=hint)

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems]
        if self.hint:
            out.append(f"hint: {self.hint}")
        return out


class ConflictError(CxphiloError):
    """The file changed on disk since it was loaded; saving would overwrite it."""

    default_message = "the file changed on disk since it was loaded"


class SaveError(CxphiloError):
    """The file could not be written (permissions, disk full, ...)."""

    default_message = "the file could not be saved"


class TemplateError(CxphiloError):
    """A charter template is wrong or tried something the sandbox refuses."""

    default_message = "a template could not be rendered"


class NoTerminalError(CxphiloError):
    """An interactive command was started without a terminal."""

    default_message = "this command needs an interactive terminal"


class Interrupted(CxphiloError):
    """The user pressed Ctrl-C; whatever was answered is already saved."""

    exit_code = ExitCode.INTERRUPTED
    default_message = "interrupted"


class WorkshopStopped(Interrupted):
    """Ctrl-C in the workshop: not an error; says where the team stopped and how to resume."""

    default_message = "stopped"

    def lines(self) -> list[str]:
        return [self.message, *([self.hint] if self.hint else [])]


class ConfigError(CxphiloError):
    """The configuration (`.cxphilo.yaml`, `[tool.cxphilo]`) is wrong; nothing was checked."""

    default_message = "the configuration is not valid"


class CheckFailed(CxphiloError):
    """`cxphilo check` found errors; the findings were already printed."""

    exit_code = ExitCode.FINDINGS
    default_message = "the check found errors"

    def lines(self) -> list[str]:
        return []
