"""The philosophy format in a form the check can use without importing pydantic.

Importing pydantic and building the models costs more than a whole `yamllint`
run, and `cxphilo check` must start faster than that. So the model's own
validation schema (`Philosophy.__pydantic_core_schema__`) is turned into plain
data, stored beside this module as `fastschema.json`, together with the
checksum of `document/model.py` and `vocabulary.py` it was made from.

`fastdoc` reads it to accept a document quickly. It is deliberately cautious:
anything it does not understand makes it unsure, and then pydantic decides,
so a stale or incomplete file can cost speed but never a wrong verdict. When
either file changes, the stored hash no longer matches and the fast path turns
itself off until the file is regenerated:

    python -m cxphilo.check
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("fastschema.json")
_PACKAGE = Path(__file__).resolve().parents[1]
# The model and the facts it is made of (its languages, days and channels).
MODEL_FILES = (_PACKAGE / "document" / "model.py", _PACKAGE / "vocabulary.py")

# Validators written in model.py that fastdoc re-implements. Any other validator
# makes the value it guards unsure, so pydantic has the last word on it.
KNOWN_VALIDATORS = (
    "check_hours",
    "Capacity._no_repeats",
    "Capacity._hours_belong",
    "Ballot._no_picks_without_vote",
    "forbid_inf_nan_check",
)

_SIMPLE_KEYS = {"type", "metadata", "ref", "serialization"}


def model_digest(source: bytes | None = None) -> str:
    """A checksum of model.py and vocabulary.py, which the stored schema must match.

    CRC-32 and the length: enough to notice any edit, and zlib loads in a
    fraction of the time hashlib's OpenSSL binding takes.
    """
    if source is None:
        source = b"".join(path.read_bytes() for path in MODEL_FILES)
    source = source.replace(b"\r\n", b"\n")  # the same on a checkout with CRLF line ends
    return f"crc32:{zlib.crc32(source):08x}:{len(source)}"


def build() -> dict[str, Any]:
    """The fast schema of the current model (imports pydantic)."""
    import pydantic

    from cxphilo.document import model

    core: dict[str, Any] = dict(model.Philosophy.__pydantic_core_schema__)
    definitions: dict[str, Any] = {}
    if core.get("type") == "definitions":
        for item in core["definitions"]:
            definitions[item["ref"]] = item
        core = core["schema"]
    names: dict[str, str] = {}  # pydantic ref -> stable name
    defs: dict[str, Any] = {}
    converter = _Converter(definitions, names, defs, model.HOURS_RE.pattern)
    root = converter.node(core)
    return {
        "about": "Made by `python -m cxphilo.check` from cxphilo/document/model.py. Do not edit.",
        "model_checksum": model_digest(),
        # Another pydantic release may shape its core schema differently (an older one
        # leaves more "unsure"); what the file accepts stays the model's either way.
        "pydantic": pydantic.VERSION,
        "root": root,
        "defs": dict(sorted(defs.items())),
    }


class _Converter:
    def __init__(
        self,
        definitions: dict[str, Any],
        names: dict[str, str],
        defs: dict[str, Any],
        hours_pattern: str,
    ) -> None:
        self.definitions = definitions
        self.names = names
        self.defs = defs
        self.hours_pattern = hours_pattern

    def node(self, schema: dict[str, Any]) -> dict[str, Any]:
        kind = schema.get("type")
        keys = set(schema) - _SIMPLE_KEYS
        if kind == "definition-ref":
            return {"k": "ref", "ref": self._define(schema["schema_ref"])}
        if kind == "model":
            ref = schema.get("ref")
            if not ref:
                return self._model(schema)
            name = self._name(ref)
            if name not in self.defs:
                self.defs[name] = {"k": "unsure"}  # stands in while a model refers to itself
                self.defs[name] = self._model(schema)
            return {"k": "ref", "ref": name}
        if kind == "nullable" and keys == {"schema"}:
            return {"k": "nullable", "s": self.node(schema["schema"])}
        if kind == "str" and keys <= {"min_length", "max_length", "pattern"}:
            return {"k": "str", **_pick(schema, "min_length", "max_length", "pattern")}
        if kind == "int" and keys <= {"ge", "gt", "le", "lt"}:
            return {"k": "int", **_pick(schema, "ge", "gt", "le", "lt")}
        if kind == "float" and not keys:
            return {"k": "float"}
        if kind in ("bool", "date") and not keys:
            return {"k": kind}
        if kind == "literal" and keys == {"expected"}:
            values = list(schema["expected"])
            if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
                return {"k": "literal", "values": values}
        if kind == "list" and keys <= {"items_schema", "min_length", "max_length"}:
            items = self.node(schema["items_schema"]) if "items_schema" in schema else {"k": "any"}
            return {"k": "list", "items": items, **_pick(schema, "min_length", "max_length")}
        if kind == "dict" and keys <= {"keys_schema", "values_schema"}:
            return {
                "k": "dict",
                "keys": self.node(schema.get("keys_schema", {"type": "any"})),
                "values": self.node(schema.get("values_schema", {"type": "any"})),
            }
        if kind == "union" and keys <= {"choices"}:
            choices = [c[0] if isinstance(c, tuple) else c for c in schema["choices"]]
            return {"k": "union", "of": [self.node(c) for c in choices]}
        if kind == "function-after" and keys == {"function", "schema"}:
            function = schema["function"].get("function")
            name = getattr(function, "__qualname__", "")
            if name in KNOWN_VALIDATORS:
                out = {"k": "after", "fn": name, "s": self.node(schema["schema"])}
                if name == "check_hours":
                    out["pattern"] = self.hours_pattern
                return out
        if kind == "any" and not keys:
            return {"k": "any"}
        return {"k": "unsure"}

    def _name(self, ref: str) -> str:
        if ref not in self.names:
            name = ref.split(":", 1)[0].rsplit(".", 1)[-1]
            taken = set(self.names.values())
            base, number = name, 2
            while name in taken:
                name, number = f"{base}{number}", number + 1
            self.names[ref] = name
        return self.names[ref]

    def _define(self, ref: str) -> str:
        name = self._name(ref)
        if name not in self.defs:
            self.defs[name] = {"k": "unsure"}
            target = self.definitions.get(ref)
            if target is not None:
                self.defs[name] = (
                    self._model(target) if target.get("type") == "model" else self.node(target)
                )
        return name

    def _model(self, schema: dict[str, Any]) -> dict[str, Any]:
        config = schema.get("config", {})
        inner = schema.get("schema", {})
        plain_model = (
            not schema.get("custom_init")
            and not schema.get("root_model")
            and "post_init" not in schema
            and inner.get("type") == "model-fields"
            and not inner.get("computed_fields")
            and set(inner) <= {"type", "fields", "model_name", "computed_fields"}
        )
        if not plain_model:
            return {"k": "unsure"}
        extra = config.get("extra_fields_behavior", "ignore")
        fields: dict[str, Any] = {}
        for attr, field in inner["fields"].items():
            alias = field.get("validation_alias", attr)
            if not isinstance(alias, str) or set(field) - {
                "type",
                "schema",
                "metadata",
                "serialization_alias",
                "validation_alias",
            }:
                return {"k": "unsure"}
            spec: dict[str, Any] = {"attr": attr}
            value_schema = field["schema"]
            if value_schema.get("type") == "default":
                if value_schema.get("default_factory_takes_data") or (
                    set(value_schema)
                    - {"type", "schema", "default", "default_factory", "default_factory_takes_data"}
                ):
                    return {"k": "unsure"}
                default = _default(value_schema)
                if default is _UNSURE:
                    return {"k": "unsure"}
                spec["default"] = default
                value_schema = value_schema["schema"]
            else:
                spec["required"] = True
            spec["s"] = self.node(value_schema)
            fields[alias] = spec
        return {
            "k": "obj",
            "name": inner.get("model_name", ""),
            "extra": extra,
            "fields": fields,
        }


_UNSURE = object()


def _default(schema: dict[str, Any]) -> Any:
    value = schema["default"] if "default" in schema else schema["default_factory"]()
    if hasattr(value, "model_dump"):
        value = value.model_dump(by_alias=True)
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return _UNSURE
    return value


def _pick(schema: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: schema[k] for k in keys if k in schema}


def render(schema: dict[str, Any]) -> str:
    """The stored text of a fast schema (stable, so that regenerating is a no-op)."""
    return json.dumps(schema, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def write(path: Path = SCHEMA_FILE) -> bool:
    """Regenerate the stored schema; True when it changed."""
    text = render(build())
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    path.write_text(text, encoding="utf-8")
    return True


def load(path: Path = SCHEMA_FILE) -> dict[str, Any] | None:
    """The stored schema when it matches model.py, else None (the check then uses pydantic)."""
    try:
        with path.open(encoding="utf-8") as handle:
            schema: dict[str, Any] = json.load(handle)
        digest = model_digest()
    except (OSError, ValueError):
        return None
    if schema.get("model_checksum") != digest:
        return None
    return schema
