"""All terminal output goes through here: results to stdout, problems to stderr.

rich is imported only when something rich is printed, so that the fast paths
(`--version`, `schema`, `check` in CI) do not pay for it. Colour follows the
terminal: none when the stream is not a terminal or `NO_COLOR` is set.

Text that came from a person (a document, a file name, an argument) is data:
it reaches rich only as `rich.text.Text`, never inside a markup string, and
every control character in it is shown as a visible escape (`visible`). Our
own styling is a style name beside the text (`Part`), so that no typed `[/]`,
`:smile:` or `\x1b[2J` is ever read as an instruction.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# A piece of a line: text, or text and the rich style to show it in (`("done", "green")`).
Part: TypeAlias = "str | tuple[str, str]"


# Characters a terminal, a CI log or a reader's eye would act on rather than show:
# C0 and C1 controls, DEL, the bidirectional overrides and isolates (text that
# reads differently from how it is stored), and the Unicode non-characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_INVISIBLE_ONE_LINE = re.compile(_INVISIBLE.pattern[:-1] + "\n\t\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e", "\x07": "\\a"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character shown as a visible escape (`\\e`, `\\x07`).

    Typed text, or text that came through YAML escapes, reaches a terminal or a
    CI log only this way, so that it can never move the cursor, retitle the
    window, start a workflow command or reverse the reading order. With
    `multiline`, line breaks and tabs are kept as they are.
    """
    pattern = _INVISIBLE if multiline else _INVISIBLE_ONE_LINE
    return pattern.sub(_escape, text)


def plain(*parts: Part) -> str:
    """The parts of a line as plain text, control characters shown as escapes."""
    return "".join(visible(part if isinstance(part, str) else part[0]) for part in parts)


def styled(*parts: Part) -> Text:
    """The parts of a line as one rich `Text`: styled as asked, never read as markup."""
    from rich.text import Text

    line = Text()
    for part in parts:
        if isinstance(part, str):
            line.append(visible(part))
        else:
            line.append(visible(part[0]), style=part[1])
    return line


def carry_any_text() -> None:
    """Let stdout and stderr take any text: on a stream that is not UTF-8 (a cp1252
    console, `LC_ALL=C`), what its encoding cannot hold is replaced by `?`, not an error."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or _is_utf8(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and stream.errors in {"strict", "surrogateescape"}:
            reconfigure(errors="replace")


def _is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in {"utf8", "utf8sig"}


_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def document(text: str, kind: str = "text") -> None:
    """A machine document on stdout (`json` or `xml`; anything else is text). On a stream
    that is not UTF-8 it stays exact: JSON and XML escape what is not ASCII themselves."""
    if not _is_utf8(sys.stdout):
        if kind == "json":  # outside strings, JSON is ASCII: every match is inside one
            text = _NOT_ASCII.sub(_json_escape, text)
        elif kind == "xml":
            text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    sys.stdout.write(text.rstrip("\n") + "\n")


def out(text: str = "") -> None:
    """A plain line of results on stdout, written as it is (a rendered charter, a schema)."""
    sys.stdout.write(text + "\n")


def say(text: str) -> None:
    """A line for a person on stdout, holding typed text: control characters shown as escapes."""
    sys.stdout.write(visible(text) + "\n")


def lines(rows: Iterable[Sequence[Part]], *, colour: bool) -> None:
    """Lines of parts on stdout: styled by rich when `colour`, plain text otherwise."""
    if not colour:
        for row in rows:
            sys.stdout.write(plain(*row) + "\n")
        return
    from rich.text import Text

    console().print(Text("\n").join(styled(*row) for row in rows), soft_wrap=True)


def err(text: str) -> None:
    """A line on stderr: errors, warnings, hints; what came from a file is shown, not run."""
    sys.stderr.write(visible(text) + "\n")


def warn(text: str) -> None:
    err(f"warning: {text}")


def colour_wanted(stream: Any) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def _console(**options: Any) -> Console:
    from rich.console import Console

    class QuietPipeConsole(Console):
        """A closed pipe (`cxphilo metrics | head -1`) is the reader's choice, not an error:
        rich would exit 1; the entry point turns BrokenPipeError into exit 0."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietPipeConsole(**options)


@cache
def console() -> Console:
    """The rich console for stdout (tables, panels)."""
    return _console(highlight=False, no_color=not colour_wanted(sys.stdout), soft_wrap=False)


@cache
def error_console() -> Console:
    """The rich console for stderr."""
    return _console(stderr=True, highlight=False, no_color=not colour_wanted(sys.stderr))


# JSON escapes C0 controls itself; these it would write raw with ensure_ascii=False.
# They only ever stand inside a JSON string, where `\uXXXX` means the same.
_JSON_INVISIBLE = re.compile(
    "[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)


def json_text(data: Any) -> str:
    """`data` as indented JSON: UTF-8 kept readable, nothing a terminal would act on."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def print_json(data: Any) -> None:
    """Machine output: JSON on stdout; the values are exactly the data, escaped as JSON."""
    document(json_text(data), "json")
