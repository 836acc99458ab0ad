"""The model's complaints in a person's words: one `Problem` per pydantic error, named
by its dotted path in the document (`values[2].metrics`), with "did you mean" for a
misspelt key, and placed at its line and column by whoever knows where values sit
(the YAML reader's positions).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from cxphilo.document.model import Philosophy
from cxphilo.errors import Problem


class Place(Protocol):
    """A 1-based line and column."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class Places(Protocol):
    """Where each value and key of a document sits (`storage.yamlio.Positions`)."""

    def of(self, path: tuple[str | int, ...]) -> Place | None: ...
    def key(self, path: tuple[str | int, ...]) -> Place | None: ...


def validation_problems(
    exc: ValidationError, data: Any, positions: Places, display: str
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
