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
from pathlib import Path

from cxphilo import DEFAULT_FILE
from cxphilo.vocabulary import CHECK_FORMATS

FORMATS = CHECK_FORMATS


class CheckArgs:
    """The options of `cxphilo check`."""

    # A plain class: this module is on the fast start-up path, and importing
    # dataclasses costs more than the parsing it serves.
    __slots__ = ("config", "format", "lang", "paths", "strict")

    def __init__(
        self,
        paths: list[Path] | None = None,
        format: str | None = None,
        strict: bool = False,
        config: Path | None = None,
        lang: str | None = None,
    ) -> None:
        self.paths = [] if paths is None else paths
        self.format = format
        self.strict = strict
        self.config = config
        self.lang = lang

    def _fields(self) -> tuple[object, ...]:
        return (self.paths, self.format, self.strict, self.config, self.lang)

    def __eq__(self, other: object) -> bool:
        return type(other) is CheckArgs and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def __repr__(self) -> str:
        return (
            f"CheckArgs(paths={self.paths!r}, format={self.format!r}, strict={self.strict!r}, "
            f"config={self.config!r}, lang={self.lang!r})"
        )


def parse_args(argv: list[str]) -> CheckArgs | None:
    """The arguments after `check`, or None when typer should parse them instead."""
    args = CheckArgs()
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            args.paths += [Path(t) for t in tokens]
            break
        name, eq, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in ("--format", "-f", "--config", "--lang") or (
            token.startswith("-f") and len(token) > 2
        ):
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
            elif name == "--lang":
                args.lang = value
            elif value in FORMATS:
                args.format = value
            else:
                return None
        elif token == "--strict":
            args.strict = True
        elif token.startswith("-") and token != "-":
            # --help, a typo, an option of a newer version, and --show-links (for a
            # person reading the text, who does not count milliseconds): typer answers.
            return None
        else:
            args.paths.append(Path(token))
    return args


def run(
    paths: list[Path],
    fmt: str | None,
    strict: bool,
    config_path: Path | None,
    show_links: bool = False,
    lang: str | None = None,
) -> None:
    """Check the files, print the report, raise CheckFailed (exit 1) when they fail.

    With the `github` format inside a job (`GITHUB_STEP_SUMMARY` set), every
    finding is also appended to the job summary as a Markdown table.
    """
    from cxphilo import output
    from cxphilo.check import check_paths, report
    from cxphilo.check.config import load_config
    from cxphilo.errors import CheckFailed
    from cxphilo.locale import chosen_language

    chosen_lang = chosen_language(lang)
    config = load_config(config_path)
    strict = strict or config.strict
    found = check_paths(paths or [DEFAULT_FILE], config.rules, accept=config.accept)
    results, t = report.worded(found, chosen_lang)
    chosen = report.choose_format(fmt, os.environ)
    summarised = False
    if chosen == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        summarised = _append(
            Path(os.environ["GITHUB_STEP_SUMMARY"]),
            report.github_summary(results, strict, config.docs, t),
        )
    if chosen == "text" and output.colour_wanted(sys.stdout):
        links = report.text_links(config.docs) if show_links else None
        output.lines(report.text_lines(results, strict, links, t), colour=True)
    else:
        text = report.render(
            chosen,
            results,
            strict,
            docs=config.docs,
            links=show_links,
            step_summary=summarised,
            t=t,
        )
        output.document(text, report.DOCUMENT_KIND.get(chosen, "text"))
    if any(result.failed(strict) for result in results):
        raise CheckFailed()


def _append(path: Path, markdown: str) -> bool:
    """Add to GitHub's job summary file (appended, as GitHub asks); False when it cannot."""
    from cxphilo import output

    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(markdown)
    except OSError as exc:
        output.warn(f"cannot write the job summary to {path}: {exc.strerror or exc}")
        return False
    return True
