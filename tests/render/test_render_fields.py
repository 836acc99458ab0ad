"""Everything the room says reaches a document the team hands out.

Every string the document model can hold gets a marker of its own; the charter,
the rubric and the survey, in Markdown and in HTML, must show each marker at
least once. The walk follows `cxphilo.document.model.Philosophy`'s fields, so a field
added to the model later is covered the day it is added: either a document
shows it, or it is listed in NOT_RENDERED below with the reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union

import pytest
from pydantic import AfterValidator, BaseModel

from cxphilo.document.model import Philosophy, check_hours
from cxphilo.render.renderer import FORMATS, KINDS, render

# Fields no document shows, on purpose. A path names a field from the document's top
# (`[]` is an item of a list, `{}` a key of a mapping); everything under a path is
# covered by it. Each entry must still hold: the test fails when a listed field does
# reach a document, so that this list never goes stale.
NOT_RENDERED: dict[str, str] = {
    # The brainstorm trail: how the team found its values, kept in the file so that a
    # vote can be checked or held again. The charter shows what the trail decided (the
    # values); who proposed or voted for what stays out of a document that is handed out,
    # and a secret round would be no secret if its ballots were printed.
    "brainstorm.question": "the workshop's prompt for the ideas, not an answer to it",
    "brainstorm.ideas[]": "every idea said in the room, before merging and voting",
    "brainstorm.merges[]": "which ideas were merged into which before the vote",
    "brainstorm.rounds[]": "the options, ballots, tallies and cut of each voting round",
    "brainstorm.earlier_values[]": "values the new vote replaced; one chosen again "
    "comes back into `values` with its statement and metrics",
    "vision.drafts[]": "earlier wordings of the vision, replaced by the statement",
    "notes": "the team's own notes in the file; the workshop does not ask for them and "
    "they are not meant for the people the charter is handed to",
}

Marker = Iterator[int]


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_hours(metadata: list[Any]) -> bool:
    return any(isinstance(m, AfterValidator) and m.func is check_hours for m in metadata)


def _value(
    annotation: Any,
    path: str,
    counter: Marker,
    paths: dict[str, str],
    constraints: list[Any] | None = None,
) -> Any:
    """A value for one field: a unique marker for every string, one item in every list."""
    # Pydantic keeps a field's own `Annotated[...]` constraints beside its annotation.
    metadata: list[Any] = list(constraints or [])
    annotation = _strip_optional(annotation)
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata += extra
        annotation = _strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _build(annotation, path, counter, paths)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_value(item, f"{path}[]", counter, paths)]
    if origin is dict:
        key_type, item_type = typing.get_args(annotation)
        key = _value(key_type, f"{path}{{}}", counter, paths)
        return {key: _value(item_type, f"{path}{{}}", counter, paths)}
    if origin is Literal:
        return typing.get_args(annotation)[0]
    if annotation is str:
        number = next(counter)
        if _is_hours(metadata):
            # Opening hours have a format of their own; the minutes tell them apart.
            marker = f"{number // 60 % 10:02d}:{number % 60:02d}-2{number % 4}:{number % 60:02d}"
        else:
            marker = f"Mk{number:04d}x"  # letters and digits: also a valid metric id
        paths[marker] = path
        return marker
    if annotation is bool:
        return True
    if annotation is int:
        return 3
    if annotation == int | float:
        return 7.5
    if annotation is dt.date:
        return dt.date(2031, 1, 2)
    raise AssertionError(f"{path}: the test cannot fill a field of type {annotation!r}")


def _build(model: type[BaseModel], path: str, counter: Marker, paths: dict[str, str]) -> Any:
    data = {}
    for name, field in model.model_fields.items():
        where = f"{path}.{name}" if path else name
        annotation = field.annotation
        optional = _strip_optional(field.annotation) is not field.annotation
        leaf = _strip_optional(field.annotation)
        # An optional choice or flag stays unset: a marker cannot go there, and a ballot
        # marked "abstained" may not name options.
        if optional and (typing.get_origin(leaf) is Literal or leaf is bool):
            continue
        data[field.alias or name] = _value(annotation, where, counter, paths, field.metadata)
    return data


def marked_document() -> tuple[Philosophy, dict[str, str]]:
    """A document with every string field filled, and which marker sits in which field."""
    paths: dict[str, str] = {}
    data = _build(Philosophy, "", itertools.count(1), paths)
    return Philosophy.model_validate(data), paths


def _shown(marker: str, documents: list[str]) -> bool:
    # Opening hours are printed with an en dash between the two times.
    forms = {marker, marker.replace("-", "\u2013")}
    return any(form in text for form in forms for text in documents)


def _excluded(path: str) -> str | None:
    for prefix in NOT_RENDERED:
        if path == prefix or path.startswith((f"{prefix}.", f"{prefix}[", f"{prefix}{{")):
            return prefix
    return None


def test_the_marked_document_fills_every_string_field() -> None:
    doc, paths = marked_document()
    assert len(paths) > 80
    # The markers went where the walk says they did (nothing was dropped on validation).
    dumped = str(doc.model_dump())
    assert all(marker in dumped for marker in paths)


def test_every_answer_reaches_the_charter_the_rubric_or_the_survey() -> None:
    doc, paths = marked_document()
    documents = [render(doc, kind, fmt) for kind in KINDS for fmt in FORMATS]
    missing = sorted({path for marker, path in paths.items() if not _shown(marker, documents)})
    undecided = [path for path in missing if _excluded(path) is None]
    assert not undecided, (
        "these fields reach no document; show them in a template, or list them in "
        f"NOT_RENDERED with the reason: {undecided}"
    )
    shown_anyway = sorted(
        prefix for prefix in NOT_RENDERED if not any(_excluded(p) == prefix for p in missing)
    )
    assert not shown_anyway, f"listed in NOT_RENDERED but shown (or not a field): {shown_anyway}"


@pytest.mark.parametrize("path", sorted(NOT_RENDERED))
def test_each_field_left_out_is_a_field_of_the_model(path: str) -> None:
    _, paths = marked_document()
    assert any(_excluded(p) == path for p in paths.values()), f"{path} is not a string field"
