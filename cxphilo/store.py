"""The philosophy file on disk: load with precise errors, save atomically, lose nothing.

- `load(path)` reads and validates a file; every problem becomes a `Problem`
  with `path:line:column`, raised together as one `DocumentError`.
- `Store` keeps what was loaded (the bytes' fingerprint, the comments) and
  saves atomically: temporary file in the same folder, flush, fsync, rename.
  A save refuses when the file changed on disk since it was loaded, and the
  comments a person wrote are put back beside their keys.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import tempfile
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from . import yamlio
from .errors import ConflictError, DocumentError, FileExists, FileNotFound, Problem, SaveError
from .model import SCHEMA_VERSION, Philosophy

SCHEMA_FILE = "cxphilo.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
HEADER = (
    f"{MODELINE}\n"
    "# A customer service philosophy, written with cxphilo. Check: cxphilo check <this file>\n"
)
_HEADER_LINES = {line for line in HEADER.splitlines()}


@dataclass
class Loaded:
    """A document as read from disk, with where each value sits."""

    doc: Philosophy
    path: Path
    positions: yamlio.Positions
    comments: list[yamlio.Comment] = field(default_factory=list)
    fingerprint: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def load(path: Path | str) -> Loaded:
    """Read and validate a philosophy file.

    Raises FileNotFound, or DocumentError with every problem found.
    """
    path = Path(path)
    try:
        # Read one byte past the limit: a huge file is refused without reading it whole.
        with path.open("rb") as handle:
            raw = handle.read(yamlio.MAX_BYTES + 1)
            if len(raw) > yamlio.MAX_BYTES:
                size = os.fstat(handle.fileno()).st_size
                raise DocumentError(
                    [
                        Problem(
                            str(path),
                            f"file is {size:,} bytes; a philosophy file is at most "
                            f"{yamlio.MAX_BYTES:,}",
                        )
                    ]
                )
    except FileNotFoundError:
        raise FileNotFound(
            f"{path}: no such file", hint="create one with: cxphilo init " + str(path)
        ) from None
    except IsADirectoryError:
        raise FileNotFound(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise FileNotFound(f"{path}: cannot read ({exc.strerror})") from None
    loaded = parse(raw, str(path))
    loaded.path = path
    return loaded


def parse(raw: bytes, display: str) -> Loaded:
    """Validate the bytes of a philosophy file; `display` names it in messages."""
    try:
        text = yamlio.read_text(raw, display)
        parsed = yamlio.parse(text, display)
    except yamlio.YamlProblems as exc:
        raise DocumentError(exc.problems) from None
    return validate(parsed, display, raw)


def validate(parsed: yamlio.Parsed, display: str, raw: bytes) -> Loaded:
    """Validate parsed YAML as a philosophy; `raw` are the bytes it was parsed from."""
    data = parsed.data
    if data is None:
        raise DocumentError(
            [Problem(display, "the file is empty; a philosophy needs at least company.name", 1, 1)],
            hint="start one with: cxphilo init",
        )
    if not isinstance(data, dict):
        raise DocumentError(
            [
                Problem(
                    display, "expected a mapping of keys (company:, values:, ...) at the top", 1, 1
                )
            ]
        )
    _check_version(data, parsed.positions, display)
    try:
        doc = Philosophy.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(validation_problems(exc, data, parsed.positions, display)) from None
    comments = [c for c in parsed.comments if c.text not in _HEADER_LINES]
    return Loaded(doc, Path(display), parsed.positions, comments, fingerprint(raw), data)


def _check_version(data: dict[str, Any], positions: yamlio.Positions, display: str) -> None:
    version = data.get("schema", SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return
    pos = positions.of(("schema",))
    line, column = (pos.line, pos.column) if pos else (None, None)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        message = (
            f"schema {version} was written by a newer cxphilo; this one reads schema "
            f"{SCHEMA_VERSION} (upgrade: pip install -U cxphilo)"
        )
    else:
        message = f"schema must be {SCHEMA_VERSION}, not {version!r}"
    raise DocumentError([Problem(display, message, line, column)])


# --- validation errors -> problems -------------------------------------------------------


def validation_problems(
    exc: ValidationError, data: Any, positions: yamlio.Positions, display: str
) -> list[Problem]:
    """One `Problem` per pydantic error, placed where the value sits in the file."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = _data_path(error["loc"], data)
        dotted = _dotted(loc) or "(top)"
        kind = error["type"]
        if kind == "extra_forbidden":
            pos = positions.key(loc)
            key = loc[-1] if loc else "?"
            message = f"unknown key '{key}'"
            hint = _did_you_mean(str(key), loc[:-1])
            if hint:
                message += f" (did you mean '{hint}'?)"
            elif parent := _dotted(loc[:-1]):
                message += f" in {parent}"
        elif kind == "missing":
            pos = positions.of(loc)
            message = f"{dotted}: required, but missing"
        else:
            pos = positions.of(loc)
            message = f"{dotted}: {_friendly(error)}"
        problems.append(
            Problem(display, message, pos.line if pos else None, pos.column if pos else None)
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that name keys or indexes in the data.

    pydantic adds union branch names (`int`, `float`, `function-after[...]`)
    that are not in the file.
    """
    out: list[str | int] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and part < len(current)
        ):
            out.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not _branch_name(part):
            out.append(part)  # a missing or unknown key
            current = None
    return tuple(out)


def _branch_name(part: str) -> bool:
    return "[" in part or part in {"int", "float", "str", "bool", "date", "list", "dict"}


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _friendly(error: Any) -> str:
    message: str = error["msg"].removeprefix("Value error, ")
    kind = error["type"]
    value = error.get("input")
    if kind in {"string_type", "date_type"} and isinstance(value, (int, float, bool)):
        message += f"; got {value!r}, put it in quotes if it is meant as text"
    elif kind == "literal_error":
        message = f"{value!r} is not allowed; " + message[0].lower() + message[1:]
    elif kind in {"list_type", "dict_type", "model_type"}:
        got = type(value).__name__.replace("str", "text").replace("NoneType", "nothing")
        message += f" (got {got})"
    return message


def _did_you_mean(key: str, parent: tuple[str | int, ...]) -> str | None:
    fields = _fields_at(parent)
    matches = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _fields_at(loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at a location of the document, from the model."""
    current: Any = Philosophy
    for part in loc:
        if isinstance(part, int):
            continue
        model = _model_of(current)
        if model is None:
            return []
        info = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == part), None
        )
        if info is None:
            return []
        current = info.annotation
    model = _model_of(current)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside `X`, `X | None`, `list[X]` or `dict[str, X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, dict, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


# --- writing -----------------------------------------------------------------------------


def render(
    doc: Philosophy, comments: list[yamlio.Comment] | None = None
) -> tuple[str, list[yamlio.Comment]]:
    """The file's text for `doc`: header, then the YAML in step order.

    Returns the text and the comments that lost their key (kept at the end).
    """
    body = yamlio.dump(doc.to_data())
    moved: list[yamlio.Comment] = []
    if comments:
        body, moved = yamlio.insert_comments(body, comments)
    return HEADER + body, moved


def atomic_write(path: Path, text: str, expected: str | Literal[False] | None = False) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new one.

    `expected` is the fingerprint the file had when it was loaded: None when it
    did not exist, False to skip the check. A file changed since then is not
    overwritten.
    """
    data = text.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(f"{path}: cannot write in {folder} ({exc.strerror})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, tmp)
        if expected is not False:
            _refuse_if_changed(path, expected)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise SaveError(f"{path}: could not save ({exc.strerror or exc})") from None
        raise
    _fsync_folder(folder)


def _copy_mode(path: Path, tmp: Path) -> None:
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _refuse_if_changed(path: Path, expected: str | None) -> None:
    try:
        current: str | None = fingerprint(path.read_bytes())
    except FileNotFoundError:
        current = None
    if current != expected:
        if expected is None:
            what = "was created by someone else since this session started"
        elif current is None:
            what = "was deleted since it was loaded"
        else:
            what = "changed on disk since it was loaded (another editor or session?)"
        raise ConflictError(
            f"{path} {what}; not overwriting it",
            hint="reload it (run the command again) so that nobody's changes are lost",
        )


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable (a flat battery right after a save).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Store:
    """One philosophy file, loaded once and saved as often as needed."""

    def __init__(self, path: Path, doc: Philosophy, loaded: Loaded | None = None) -> None:
        self.path = path
        self.doc = doc
        self.comments = loaded.comments if loaded else []
        self._fingerprint = loaded.fingerprint if loaded else None
        self._last_text: str | None = None
        self.moved_comments: list[yamlio.Comment] = []

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Load an existing file."""
        loaded = load(path)
        return cls(Path(path), loaded.doc, loaded)

    @classmethod
    def create(cls, path: Path | str, doc: Philosophy) -> Store:
        """A new file; refuses to overwrite an existing one."""
        path = Path(path)
        if path.exists():
            raise FileExists(
                f"{path} already exists; not overwriting it",
                hint=f"continue it with: cxphilo status {path}",
            )
        store = cls(path, doc)
        store.save()
        return store

    def save(self) -> list[yamlio.Comment]:
        """Write the document if it changed; returns comments that had to move."""
        doc = Philosophy.model_validate(self.doc.model_dump(by_alias=True))
        text, moved = render(doc, self.comments)
        if text == self._last_text:
            return []
        try:
            atomic_write(self.path, text, self._fingerprint)
        except ConflictError as exc:
            # Someone else's change wins the file; ours must not be lost either.
            mine = self.path.with_name(f"{self.path.stem}.mine{self.path.suffix or '.yaml'}")
            atomic_write(mine, text)
            raise ConflictError(
                exc.message,
                hint=f"your version is kept in {mine}: compare the two "
                f"(diff {self.path} {mine}), keep what you need in {self.path}, "
                "then run the command again",
            ) from None
        self._fingerprint = fingerprint(text.encode("utf-8"))
        self._last_text = text
        new_moved = [c for c in moved if c not in self.moved_comments]
        self.moved_comments.extend(new_moved)
        return new_moved


def write_schema_beside(path: Path) -> Path | None:
    """Write the JSON Schema next to a document so editors validate it offline.

    Returns the schema path when it was written or updated, None when it was up to date.
    """
    from .model import json_schema_text

    target = path.parent / SCHEMA_FILE
    text = json_schema_text()
    try:
        if target.read_text(encoding="utf-8") == text:
            return None
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write(target, text)
    return target
