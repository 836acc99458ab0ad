"""Read a philosophy for the check without importing pydantic, when that is safe.

`accepts(data)` answers "would the pydantic model accept this data?" using the
stored fast schema (see `fastschema`). It only ever says yes when it is sure;
anything unusual (a quoted date, a number written as text, an unknown key, a
stale schema) makes it say "not sure", and the check then asks pydantic, which
also words the precise problems. `View` then gives the accepted data the same
attribute access as the model (`doc.values[0].metrics`, defaults included), so
the rules and `steps.status` read both alike.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache
from typing import Any

from . import fastschema

Node = dict[str, Any]


class Unsure(Exception):
    """The fast schema cannot vouch for a value; pydantic must decide."""


@cache
def schema() -> dict[str, Any] | None:
    """The stored fast schema, or None when it does not match model.py."""
    stored = fastschema.load()
    if stored is not None:
        _index(stored)
    return stored


def _index(node: Any) -> None:
    """Give every object node its fields by attribute name, which View looks up."""
    if isinstance(node, dict):
        if node.get("k") == "obj":
            node["by_attr"] = {spec["attr"]: (key, spec) for key, spec in node["fields"].items()}
        for value in list(node.values()):
            _index(value)
    elif isinstance(node, list):
        for value in node:
            _index(value)


def accepts(data: Any) -> bool:
    """True only when the model is sure to accept `data`."""
    stored = schema()
    if stored is None:
        return False
    try:
        _check(stored["root"], data, stored["defs"])
    except Unsure:
        return False
    return True


def _check(node: Node, value: Any, defs: dict[str, Node]) -> None:
    kind = node["k"]
    if kind == "ref":
        _check(defs[node["ref"]], value, defs)
    elif kind == "nullable":
        if value is not None:
            _check(node["s"], value, defs)
    elif kind == "obj":
        _check_object(node, value, defs)
    elif kind == "str":
        _check_str(node, value)
    elif kind == "int":
        if type(value) is not int:
            raise Unsure
        _bounds(node, value)
    elif kind == "float":
        if type(value) not in (int, float) or not math.isfinite(value):
            raise Unsure
    elif kind == "bool":
        if type(value) is not bool:
            raise Unsure
    elif kind == "date":
        if type(value) is not dt.date:
            raise Unsure
    elif kind == "literal":
        if not any(type(value) is type(v) and value == v for v in node["values"]):
            raise Unsure
    elif kind == "list":
        if type(value) is not list:
            raise Unsure
        _length(node, len(value))
        for item in value:
            _check(node["items"], item, defs)
    elif kind == "dict":
        if type(value) is not dict:
            raise Unsure
        for key, item in value.items():
            _check(node["keys"], key, defs)
            _check(node["values"], item, defs)
    elif kind == "union":
        for choice in node["of"]:
            try:
                _check(choice, value, defs)
            except Unsure:
                continue
            return
        raise Unsure
    elif kind == "after":
        _check(node["s"], value, defs)
        _after(node, value)
    elif kind != "any":
        raise Unsure


def _check_object(node: Node, value: Any, defs: dict[str, Node]) -> None:
    if type(value) is not dict:
        raise Unsure
    fields = node["fields"]
    for key in value:
        if key not in fields and (node["extra"] != "ignore" or type(key) is not str):
            raise Unsure
    for key, spec in fields.items():
        if key in value:
            _check(spec["s"], value[key], defs)
        elif spec.get("required"):
            raise Unsure


def _check_str(node: Node, value: Any) -> None:
    if type(value) is not str:
        raise Unsure
    _length(node, len(value))
    pattern = node.get("pattern")
    # pydantic matches patterns with Rust's regex engine; for one line of ASCII
    # text Python's engine agrees with it on the patterns the model uses.
    if pattern is not None and (
        "\n" in value or not value.isascii() or not re.search(pattern, value)
    ):
        raise Unsure


def _length(node: Node, size: int) -> None:
    if size < node.get("min_length", 0) or size > node.get("max_length", size):
        raise Unsure


def _bounds(node: Node, value: int) -> None:
    if (
        ("ge" in node and value < node["ge"])
        or ("gt" in node and value <= node["gt"])
        or ("le" in node and value > node["le"])
        or ("lt" in node and value >= node["lt"])
    ):
        raise Unsure


def _after(node: Node, value: Any) -> None:
    """The validators of model.py that fastschema.KNOWN_VALIDATORS lists."""
    name = node["fn"]
    if name == "check_hours":
        match = re.fullmatch(node["pattern"], value)
        if not match or "\n" in value:
            raise Unsure
        if value != "24h" and match.group(3) == "24" and match.group(4) != "00":
            raise Unsure
    elif name == "Capacity._no_repeats":
        if len(set(value)) != len(value):
            raise Unsure
    elif name == "Capacity._hours_belong":
        # The same rule as model.capacity_strays, on the plain data.
        days, channels = value.get("days") or [], value.get("channels") or []
        if (days and any(d not in days for d in value.get("day_hours") or {})) or (
            channels and any(c not in channels for c in value.get("channel_hours") or {})
        ):
            raise Unsure
    elif name == "Ballot._no_picks_without_vote":
        if value.get("no_vote") is not None and value.get("options"):
            raise Unsure
    elif name == "forbid_inf_nan_check":
        if isinstance(value, float) and not math.isfinite(value):
            raise Unsure
    else:
        raise Unsure


# --- attribute access --------------------------------------------------------------------


class View:
    """Read-only attribute access to accepted data, with the model's defaults."""

    __slots__ = ("_by_attr", "_data", "_defs", "_node")

    def __init__(self, data: dict[str, Any], node: Node, defs: dict[str, Node]) -> None:
        self._data = data
        self._node = node
        self._defs = defs
        self._by_attr: dict[str, tuple[str, Node]] = node["by_attr"]

    def __getattr__(self, name: str) -> Any:
        try:
            key, spec = self._by_attr[name]
        except KeyError:
            raise AttributeError(name) from None
        if key in self._data:
            return _wrap(self._data[key], spec["s"], self._defs)
        default = spec.get("default")
        return _wrap(_copy(default), spec["s"], self._defs)

    def model_dump(self, **_: Any) -> dict[str, Any]:
        """The data as stored (what `steps` needs from a model)."""
        return dict(self._data)

    def __repr__(self) -> str:
        return f"View({self._node.get('name', '')}, {self._data!r})"


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _wrap(value: Any, node: Node, defs: dict[str, Node]) -> Any:
    kind = node["k"]
    if kind == "ref":
        return _wrap(value, defs[node["ref"]], defs)
    if kind in ("nullable", "after"):
        return None if value is None else _wrap(value, node["s"], defs)
    if kind == "obj" and isinstance(value, dict):
        return View(value, node, defs)
    if kind == "list" and isinstance(value, list):
        return [_wrap(item, node["items"], defs) for item in value]
    if kind == "union":
        for choice in node["of"]:
            try:
                _check(choice, value, defs)
            except Unsure:
                continue
            return _wrap(value, choice, defs)
    return value


def view(data: dict[str, Any]) -> View | None:
    """A View of accepted document data, or None without a usable fast schema."""
    stored = schema()
    if stored is None:
        return None
    root = stored["root"]
    while root["k"] == "ref":
        root = stored["defs"][root["ref"]]
    return View(data, root, stored["defs"])
