"""Brainstormed ideas imported from a file: plain text (one per line) or CSV.

A CSV file needs a header row naming an idea column (idea, text, statement or
answer) and may have a participant column (participant, by, who or name).
The separator is the one the header row uses (a tab, a semicolon or a comma;
a tab always in a `.tsv` file); a header of one column means one idea per
row, commas and all.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from cxphilo.errors import UsageError

IDEA_COLUMNS = ("idea", "ideas", "text", "statement", "answer")
PARTICIPANT_COLUMNS = ("participant", "by", "who", "name", "person")
MAX_BYTES = 1024 * 1024
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")


@dataclass(frozen=True)
class ImportedIdea:
    text: str
    by: str | None = None


def read_ideas(path: Path, skipped: list[int] | None = None) -> list[ImportedIdea]:
    """The ideas in a file; `.csv`/`.tsv` files are read as CSV, anything else as lines.

    Raises UsageError (with file:line when it applies) when the file cannot be used.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise UsageError(f"{path}: {len(raw):,} bytes is too big for a list of ideas")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text", hint="save it as UTF-8 and try again") from None
    if path.suffix.lower() in {".csv", ".tsv"}:
        return parse_csv(text, str(path), path.suffix.lower(), skipped)
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
    text: str, display: str, suffix: str = ".csv", skipped: list[int] | None = None
) -> list[ImportedIdea]:
    """Ideas from CSV text with a header row; `display` names the file in messages.

    A row whose idea cell is empty is left out, its line number added to `skipped`.
    """
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
        raise UsageError(
            f"{display}:1:1: no idea column in the header ({', '.join(rows[0]) or 'empty'})",
            hint="name the columns, for example: participant,idea",
        )
    ideas = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            shown = {"\t": "tab", ";": "semicolon", ",": "comma"}.get(sep or "", "separator")
            raise UsageError(
                f"{display}:{number}:1: {len(row)} cells, but the header has {len(header)}",
                hint=f"put an idea that holds a {shown} in double quotes",
            )
        if idea_col >= len(row) or not row[idea_col].strip():
            if skipped is not None:
                skipped.append(number)
            continue
        by = row[by_col].strip() if by_col is not None and by_col < len(row) else ""
        ideas.append(ImportedIdea(row[idea_col].strip(), by or None))
    return ideas
