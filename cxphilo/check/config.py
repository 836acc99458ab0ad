"""The project's cxphilo settings: `.cxphilo.yaml` or `[tool.cxphilo]` in pyproject.toml.

Found from the working directory upward (in each folder `.cxphilo.yaml`, then
`.cxphilo.yml`, then a `pyproject.toml` that has a `[tool.cxphilo]` table), or
named with `--config`. Settings:

    rules      rule id -> "error" | "warning" | "info" | "off"   (cxphilo check)
    strict     true: warnings fail the check too                  (cxphilo check)
    accept     vision rule id -> phrases the team accepts         (cxphilo check)
    docs       the URL of docs/rules.md, for the links to rules    (cxphilo check)
    templates  a folder of charter templates, relative to the config file (cxphilo render)
    paper      "a4" (the default) or "letter": the page size HTML prints on (cxphilo render)

Anything else, an unknown rule id or a level that does not exist is a
`ConfigError` (exit 2), so that a typo never silently changes what CI checks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cxphilo.errors import ConfigError
from cxphilo.vocabulary import PAPERS

CONFIG_NAMES = (".cxphilo.yaml", ".cxphilo.yml")
PYPROJECT = "pyproject.toml"
SETTINGS = ("rules", "strict", "accept", "docs", "templates", "paper")
RULE_LEVELS = ("error", "warning", "info", "off")


class Config:
    """cxphilo settings; the defaults when no file is found."""

    # A plain class that refuses changes, as a frozen dataclass would: importing
    # dataclasses costs milliseconds of every `cxphilo check`.
    __slots__ = ("accept", "docs", "paper", "rules", "source", "strict", "templates")

    rules: dict[str, str]
    strict: bool
    accept: dict[str, tuple[str, ...]]
    docs: str | None  # an absolute URL of docs/rules.md; None: the placeholder
    templates: Path | None
    paper: str | None  # "a4" or "letter"; None: not set, A4
    source: Path | None  # the file the settings came from

    def __init__(
        self,
        rules: dict[str, str] | None = None,
        strict: bool = False,
        accept: dict[str, tuple[str, ...]] | None = None,
        docs: str | None = None,
        templates: Path | None = None,
        paper: str | None = None,
        source: Path | None = None,
    ) -> None:
        values = (
            {} if rules is None else rules,
            strict,
            {} if accept is None else accept,
            docs,
            templates,
            paper,
            source,
        )
        for name, value in zip(_CONFIG_FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _CONFIG_FIELDS)

    def __reduce__(self) -> tuple[type[Config], tuple[object, ...]]:
        return (Config, self._fields())  # copy and pickle through __init__

    def __eq__(self, other: object) -> bool:
        return type(other) is Config and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in _CONFIG_FIELDS)
        return f"Config({inner})"


_CONFIG_FIELDS = ("rules", "strict", "accept", "docs", "templates", "paper", "source")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from `start` (default: the working directory) upward."""
    folder = (start or Path.cwd()).resolve()
    for current in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = current / name
            if candidate.is_file():
                return candidate
        pyproject = current / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The settings from `explicit`, or from the nearest config file, or the defaults.

    Raises ConfigError when the file is missing (explicit only), unreadable or wrong.
    """
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return Config()
    if explicit is not None and not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    if path.suffix == ".toml":
        table, where = _toml_settings(path, required=True), None
    elif path.suffix in (".yaml", ".yml"):
        table, where = _yaml_settings(path)
    else:
        raise ConfigError(
            f"{path}: a config file is .cxphilo.yaml or pyproject.toml with [tool.cxphilo]"
        )
    return _validate(table, path, where)


# --- reading -----------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(f"{path}: cannot read ({reason})") from None


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _has_tool_table(path: Path) -> bool:
    # Look before parsing: loading tomllib and parsing a project's whole
    # pyproject.toml would cost every check run milliseconds, and most of these
    # files have no cxphilo settings.
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "cxphilo" not in text or not _TOOL_TABLE.search(text):
        return False
    tool = _parse_toml(text, path).get("tool")
    return isinstance(tool, dict) and "cxphilo" in tool


# `[tool.cxphilo]`, `[tool.cxphilo.rules]`, a dotted `tool.cxphilo.strict = true`, or a
# `cxphilo = {...}` inside `[tool]`.
_TOOL_TABLE = re.compile(
    r"""^\s*(?:\[\s*tool\s*\.\s*["']?cxphilo\b|tool\s*\.\s*["']?cxphilo\b|\[\s*tool\s*\]"""
    r"""(?:(?!^\s*\[).)*?^\s*["']?cxphilo["']?\s*[=.])""",
    re.M | re.S,
)


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    tomllib = _toml()
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return data


def _toml_settings(path: Path, required: bool) -> dict[str, Any]:
    data = _parse_toml(_read_text(path), path)
    if path.name == PYPROJECT or "tool" in data:
        table = data.get("tool", {}).get("cxphilo") if isinstance(data.get("tool"), dict) else None
        if table is None:
            if required:
                raise ConfigError(f"{path}: no [tool.cxphilo] table")
            return {}
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.cxphilo] must be a table of settings")
    return table


def _yaml_settings(path: Path) -> tuple[dict[str, Any], Any]:
    from cxphilo.storage import yamlio

    text = _read_text(path)
    try:
        parsed = yamlio.parse(text, str(path))
    except yamlio.YamlProblems as exc:
        raise ConfigError(str(exc.problems[0])) from None
    if parsed.data is None:
        return {}, parsed.positions
    if not isinstance(parsed.data, dict):
        raise ConfigError(
            f"{path}:1:1: expected settings ({', '.join(name + ':' for name in SETTINGS)})"
        )
    return parsed.data, parsed.positions


# --- checking ----------------------------------------------------------------------------


def _validate(table: Mapping[str, Any], path: Path, positions: Any) -> Config:
    def where(*keys: str) -> str:
        pos = positions.key(keys) if positions is not None else None
        return f"{path}:{pos.line}:{pos.column}" if pos else str(path)

    for key in table:
        if key not in SETTINGS:
            raise ConfigError(
                f"{where(str(key))}: unknown setting '{key}'{_did_you_mean(str(key), SETTINGS)}",
                hint=f"the settings are: {', '.join(SETTINGS)}",
            )
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where('strict')}: strict must be true or false, not {strict!r}")
    templates = table.get("templates")
    if templates is not None and not (isinstance(templates, str) and templates.strip()):
        raise ConfigError(f"{where('templates')}: templates must be a folder name")
    paper = table.get("paper")
    if paper is not None and not (isinstance(paper, str) and paper.strip().lower() in PAPERS):
        raise ConfigError(f"{where('paper')}: paper must be {' or '.join(PAPERS)}, not {paper!r}")
    rules = table.get("rules", {})
    if rules is None:
        rules = {}
    if not isinstance(rules, dict):
        raise ConfigError(f"{where('rules')}: rules must map rule ids to levels")
    checked: dict[str, str] = {}
    if rules:
        from cxphilo.check.rules import BY_ID  # only then: it loads the criteria engine
    for rule_id, level in rules.items():
        if rule_id not in BY_ID:
            raise ConfigError(
                f"{where('rules', str(rule_id))}: unknown rule '{rule_id}'"
                + _did_you_mean(str(rule_id), list(BY_ID)),
                hint="the rules are listed in the README and in: cxphilo check --help",
            )
        if level is False:  # YAML reads a bare `off` as false
            level = "off"
        if level not in RULE_LEVELS:
            raise ConfigError(
                f"{where('rules', str(rule_id))}: level of '{rule_id}' must be one of "
                f"{', '.join(RULE_LEVELS)}, not {level!r}"
            )
        checked[str(rule_id)] = str(level)
    docs = table.get("docs")
    if docs is not None and not (isinstance(docs, str) and re.fullmatch(_ABSOLUTE_URL, docs)):
        raise ConfigError(
            f"{where('docs')}: docs must be the absolute URL of docs/rules.md "
            f"(https://...), not {docs!r}",
            hint="SARIF readers need an absolute URL for each rule's help",
        )
    return Config(
        rules=checked,
        strict=strict,
        accept=_accept(table.get("accept"), where),
        docs=docs,
        templates=(path.parent / templates).resolve() if templates else None,
        paper=paper.strip().lower() if paper is not None else None,
        source=path,
    )


_ABSOLUTE_URL = r"https?://[^\s/?#]+[^\s]*"  # compiled only when `docs` is set


def _accept(accept: Any, where: Any) -> dict[str, tuple[str, ...]]:
    """`accept:` maps vision rules whose findings quote words to the phrases accepted."""
    if accept is None:
        return {}
    if not isinstance(accept, dict):
        raise ConfigError(f"{where('accept')}: accept must map rule ids to lists of phrases")
    if not accept:
        return {}
    from cxphilo.check.rules import ACCEPTS_PHRASES, BY_ID

    checked: dict[str, tuple[str, ...]] = {}
    for rule_id, phrases in accept.items():
        at = where("accept", str(rule_id))
        if rule_id not in BY_ID:
            raise ConfigError(
                f"{at}: unknown rule '{rule_id}'" + _did_you_mean(str(rule_id), list(BY_ID)),
                hint="the rules are listed in docs/rules.md",
            )
        if rule_id not in ACCEPTS_PHRASES:
            raise ConfigError(
                f"{at}: '{rule_id}' findings quote no words, so no phrase can be accepted for it",
                hint=f"accept: is for {', '.join(sorted(ACCEPTS_PHRASES))}; silence "
                f"'{rule_id}' with a disable comment, or change its level under rules:",
            )
        if not isinstance(phrases, list) or not all(
            isinstance(p, str) and p.strip() for p in phrases
        ):
            raise ConfigError(
                f"{at}: the phrases accepted for '{rule_id}' must be a list of words "
                '(["Deliver WOW"])'
            )
        checked[str(rule_id)] = tuple(phrases)
    return checked


def _did_you_mean(word: str, choices: Any) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
