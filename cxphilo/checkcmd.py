"""The body of `cxphilo check`, shared by the typer command and the fast start-up path.

`cxphilo check` runs in pre-commit and CI, thousands of times, so it must
start faster than yamllint. Typer and pydantic alone take longer than that to
import. `__main__` therefore hands `check` to `parse_args` here first: a
small parser for exactly the options of the typer command (`cli.check`). It
returns None for anything it does not handle on its own (`--help`, an unknown
option, a format that does not exist), and then typer parses the command line
as usual, with its own messages. Both paths end in `run`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import DEFAULT_FILE

FORMATS = ("text", "json", "github", "sarif", "junit")


@dataclass
class CheckArgs:
    """The options of `cxphilo check`."""

    paths: list[Path] = field(default_factory=list)
    format: str | None = None
    strict: bool = False
    config: Path | None = None


def parse_args(argv: list[str]) -> CheckArgs | None:
    """The arguments after `check`, or None when typer should parse them instead."""
    args = CheckArgs()
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            args.paths += [Path(t) for t in tokens]
            break
        name, eq, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in ("--format", "-f", "--config") or (token.startswith("-f") and len(token) > 2):
            value: str | None
            if token.startswith("-f") and not token.startswith("--") and len(token) > 2:
                name, value = "-f", token[2:]
            elif eq:
                value = inline
            else:
                value = next(tokens, None)
            if value is None:
                return None
            if name == "--config":
                args.config = Path(value)
            elif value in FORMATS:
                args.format = value
            else:
                return None
        elif token == "--strict":
            args.strict = True
        elif token.startswith("-") and token != "-":
            return None  # --help, a typo, an option of a newer version: typer answers
        else:
            args.paths.append(Path(token))
    return args


def run(paths: list[Path], fmt: str | None, strict: bool, config_path: Path | None) -> None:
    """Check the files, print the report, raise CheckFailed (exit 1) when they fail."""
    from . import output, report
    from .checks import check_paths
    from .config import load_config
    from .errors import CheckFailed

    config = load_config(config_path)
    strict = strict or config.strict
    results = check_paths(paths or [DEFAULT_FILE], config.rules)
    chosen = report.choose_format(fmt, os.environ)
    if chosen == "text" and output.colour_wanted(sys.stdout):
        output.lines(report.text_lines(results, strict), colour=True)
    else:
        output.out(report.render(chosen, results, strict=strict).rstrip("\n"))
    if any(result.failed(strict) for result in results):
        raise CheckFailed()
