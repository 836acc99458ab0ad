"""Brainstormed ideas imported from a file: plain text (one per line) or CSV.

A CSV file needs a header row naming an idea column (idea, text, statement or
answer) and may have a participant column (participant, by, who or name).
The separator is the one the header row uses (a tab, a semicolon or a comma;
a tab always in a `.tsv` file); a header of one column means one idea per
row, commas and all.

What goes wrong is said in the words of the `Words` passed in (English without
one): the file's name, line numbers and column names stay as they are.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from cxphilo.errors import UsageError
from cxphilo.locale import N_, Words, words

IDEA_COLUMNS = ("idea", "ideas", "text", "statement", "answer")
PARTICIPANT_COLUMNS = ("participant", "by", "who", "name", "person")
MAX_BYTES = 1024 * 1024
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
# How to keep a separator inside an idea, by the separator the file uses.
_QUOTE_HINTS = {
    "\t": N_("put an idea that holds a tab in double quotes"),
    ";": N_("put an idea that holds a semicolon in double quotes"),
    ",": N_("put an idea that holds a comma in double quotes"),
}
_QUOTE_ANY = N_("put an idea that holds a separator in double quotes")
# The header a file needs, as it is typed: column names are never translated.
_EXAMPLE_HEADER = "participant,idea"


@dataclass(frozen=True)
class ImportedIdea:
    text: str
    by: str | None = None


def read_ideas(
    path: Path, skipped: list[int] | None = None, t: Words | None = None
) -> list[ImportedIdea]:
    """The ideas in a file; `.csv`/`.tsv` files are read as CSV, anything else as lines.

    Raises UsageError (with file:line when it applies) when the file cannot be used,
    in `t`'s words.
    """
    t = t or words("en")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(t("{path}: no such file", path=path)) from None
    except IsADirectoryError:
        raise UsageError(t("{path}: is a folder, not a file", path=path)) from None
    except OSError as exc:
        raise UsageError(
            t("{path}: cannot read ({reason})", path=path, reason=exc.strerror)
        ) from None
    if len(raw) > MAX_BYTES:
        raise UsageError(
            t(
                "{path}: {size} bytes is too big for a list of ideas",
                path=path,
                size=t.number(len(raw)),
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            t("{path}: not UTF-8 text", path=path), hint=t("save it as UTF-8 and try again")
        ) from None
    if path.suffix.lower() in {".csv", ".tsv"}:
        return parse_csv(text, str(path), path.suffix.lower(), skipped, t)
    return parse_lines(text)


def parse_lines(text: str) -> list[ImportedIdea]:
    """One idea per line; blank lines, `#` comments and list bullets are left out."""
    ideas = []
    for line in text.splitlines():
        stripped = _BULLET.sub("", line).strip()
        if stripped and not stripped.startswith("#"):
            ideas.append(ImportedIdea(stripped))
    return ideas


def delimiter(header: str, suffix: str = ".csv") -> str | None:
    """The separator the header row uses; None for a header of one column."""
    if suffix == ".tsv" or "\t" in header:
        return "\t"
    for candidate in (";", ","):
        if candidate in header:
            return candidate
    return None


def parse_csv(
    text: str,
    display: str,
    suffix: str = ".csv",
    skipped: list[int] | None = None,
    t: Words | None = None,
) -> list[ImportedIdea]:
    """Ideas from CSV text with a header row; `display` names the file in messages.

    A row whose idea cell is empty is left out, its line number added to `skipped`.
    """
    t = t or words("en")
    if not text.strip():
        return []
    header_line = text.lstrip("\n").split("\n", 1)[0]
    sep = delimiter(header_line, suffix)
    # One column: a separator that no text holds, so a comma stays inside its idea.
    reader = csv.reader(io.StringIO(text), delimiter=sep or "\x1f", skipinitialspace=bool(sep))
    rows = [row for row in reader]
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    header = [cell.strip().casefold() for cell in rows[0]]
    idea_col = next((header.index(c) for c in IDEA_COLUMNS if c in header), None)
    by_col = next((header.index(c) for c in PARTICIPANT_COLUMNS if c in header), None)
    if idea_col is None:
        columns = t(", ").join(rows[0])
        raise UsageError(
            t("{file}:1:1: no idea column in the header ({columns})", file=display, columns=columns)
            if columns
            else t("{file}:1:1: no idea column in the header (empty)", file=display),
            hint=t("name the columns, for example: {header}", header=_EXAMPLE_HEADER),
        )
    ideas = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise UsageError(
                t.plural(
                    "{file}:{line}:1: {count} cell, but the header has {columns}",
                    "{file}:{line}:1: {count} cells, but the header has {columns}",
                    len(row),
                    file=display,
                    line=number,
                    columns=len(header),
                ),
                hint=t(_QUOTE_HINTS.get(sep or "", _QUOTE_ANY)),
            )
        if idea_col >= len(row) or not row[idea_col].strip():
            if skipped is not None:
                skipped.append(number)
            continue
        by = row[by_col].strip() if by_col is not None and by_col < len(row) else ""
        ideas.append(ImportedIdea(row[idea_col].strip(), by or None))
    return ideas
