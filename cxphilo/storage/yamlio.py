"""YAML in and out, at the edge: safe loading with positions, and a stable dump.

Nothing here knows about the philosophy model. Loading is bounded (size,
aliases, depth, expanded size) so that a crafted file cannot exhaust memory,
accepts only the YAML core types (no `!!python/...` or custom tags), refuses
duplicate keys, and remembers where every key and value sits so that later
problems can be reported as `path:line:column`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import yaml

from cxphilo.errors import Problem

try:  # libyaml is much faster; the pure-Python classes behave the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024  # a philosophy is a few kilobytes; 1 MiB is generous
MAX_NODES = 100_000  # nodes after expanding aliases
MAX_ALIASES = 100
MAX_DEPTH = 64

PathKey = tuple[str | int, ...]


class Position(NamedTuple):  # NamedTuples: cheaper to make at start-up than dataclasses
    """Where something sits in the text: 1-based line and column."""

    line: int
    column: int


class Positions:
    """Where each key and value of a loaded document sits."""

    # Plain classes (this one and Parsed): importing dataclasses costs `cxphilo check`
    # milliseconds on every run.
    __slots__ = ("keys", "values")

    def __init__(
        self,
        values: dict[PathKey, Position] | None = None,
        keys: dict[PathKey, Position] | None = None,
    ) -> None:
        self.values: dict[PathKey, Position] = {} if values is None else values
        self.keys: dict[PathKey, Position] = {} if keys is None else keys

    def __eq__(self, other: object) -> bool:
        return type(other) is Positions and (self.values, self.keys) == (other.values, other.keys)

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def __repr__(self) -> str:
        return f"Positions(values={self.values!r}, keys={self.keys!r})"

    def of(self, path: PathKey) -> Position | None:
        """The position of the value at `path`, or of its nearest ancestor."""
        path = tuple(path)
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def key(self, path: PathKey) -> Position | None:
        """The position of the key of `path` (the value's, for list items)."""
        path = tuple(path)
        return self.keys.get(path) or self.of(path)


class Comment(NamedTuple):
    """A comment a person wrote, and the document path it belongs to."""

    line: int  # 1-based line in the source
    text: str  # from the `#` to the end of the line
    inline: bool  # after a value on the same line, or on a line of its own
    path: PathKey | None  # the key it sits above or beside; None: end of file


class Parsed:
    """The result of reading YAML text."""

    __slots__ = ("comments", "data", "positions")

    def __init__(self, data: Any, positions: Positions, comments: list[Comment]) -> None:
        self.data = data
        self.positions = positions
        self.comments = comments

    def __eq__(self, other: object) -> bool:
        return type(other) is Parsed and (self.data, self.positions, self.comments) == (
            other.data,
            other.positions,
            other.comments,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def __repr__(self) -> str:
        return (
            f"Parsed(data={self.data!r}, positions={self.positions!r}, comments={self.comments!r})"
        )


class YamlProblems(Exception):
    """The text could not be read as YAML; carries every problem with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


def read_text(raw: bytes, path: str) -> str:
    """Decode a file's bytes, refusing what is too big or not UTF-8 text."""
    if len(raw) > MAX_BYTES:
        raise YamlProblems(
            [
                Problem(
                    path, f"file is {len(raw):,} bytes; a philosophy file is at most {MAX_BYTES:,}"
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_col(raw, exc.start)
        raise YamlProblems(
            [Problem(path, "not UTF-8 text (is this a binary file?)", line, column)]
        ) from None
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        line, column = _line_col(text, bad.start())
        raise YamlProblems(
            [
                Problem(
                    path,
                    f"control character {bad.group()!r} (is this a binary file?)",
                    line,
                    column,
                )
            ]
        )
    return text


def _line_col(buffer: str | bytes, index: int) -> tuple[int, int]:
    head = buffer[:index]
    newline = "\n" if isinstance(head, str) else b"\n"
    line = head.count(newline) + 1  # type: ignore[arg-type]
    column = index - (head.rfind(newline) + 1) + 1  # type: ignore[arg-type]
    return line, column


def parse(text: str, path: str, comments: bool = True) -> Parsed:
    """Parse YAML text safely, with positions and (unless `comments` is False) comments."""
    loader = _SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise YamlProblems([_marked_problem(path, exc, text)]) from None
        except yaml.YAMLError as exc:
            raise YamlProblems([Problem(path, f"YAML error: {exc}")]) from None
        except RecursionError:
            raise YamlProblems([Problem(path, "nested too deeply")]) from None
        if node is None:
            return Parsed(None, Positions(), [])
        positions = Positions()
        # Without an anchor (`&name`) there is no alias, and the expanded size is the
        # number of nodes, counted on the one walk that records the positions.
        anchored = "&" in text
        _check_tree(node, path, positions, anchored=anchored)
        try:
            data = _construct(loader, node, anchored)
        except yaml.MarkedYAMLError as exc:
            raise YamlProblems([_marked_problem(path, exc, text)]) from None
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise YamlProblems([Problem(path, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    # `cxphilo check` reads thousands of files and never needs their comments.
    found = find_comments(text, positions) if comments and "#" in text else []
    return Parsed(data, positions, found)


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))
# Keys PyYAML's mapping constructor treats specially (`<<` merges, `=` is text there).
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


class _NotPlain(Exception):
    """A tree `_plain_data` leaves to PyYAML's constructor."""


def _construct(loader: Any, root: yaml.Node, anchored: bool) -> Any:
    """The data of the tree, exactly as PyYAML's `construct_document` makes it.

    PyYAML's constructor is written in Python and costs a third of reading a file,
    and `cxphilo check` reads thousands. So a tree without anchors is made here in
    one walk: text, mappings and lists directly, every other scalar (numbers, dates,
    true, null) by the constructor. Anything else, and any error (whose wording and
    place are the constructor's, found in its own order), goes to PyYAML as before.
    """
    if not anchored:
        try:
            return _plain_data(loader, root)
        except (_NotPlain, yaml.YAMLError, ValueError, OverflowError):
            # The constructor keeps what it was doing when it failed: start it afresh.
            loader.constructed_objects = {}
            loader.recursive_objects = {}
            loader.state_generators = []
            loader.deep_construct = False
    return loader.construct_document(root)


def _plain_data(loader: Any, root: yaml.Node) -> Any:
    construct = loader.construct_object

    def make(node: yaml.Node) -> Any:
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return node.value if tag == _STR else construct(node)
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            out = {}
            for key_node, value_node in node.value:
                if key_node.tag in _SPECIAL_KEYS:
                    raise _NotPlain
                out[make(key_node)] = make(value_node)
            return out
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [make(item) for item in node.value]
        raise _NotPlain  # !!set, !!omap, !!pairs, another tag on a collection

    return make(root)


def _marked_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "YAML error"
    if exc.context and exc.problem:
        what = f"{exc.problem} ({exc.context})"
    if "could not determine a constructor for the tag" in what or "python/" in what:
        tag = what.split("tag", 1)[-1].strip(" '\"").replace("tag:yaml.org,2002:", "!!")
        what = f"tag {tag} is not allowed: only plain YAML (text, numbers, lists, mappings)"
    elif "cannot start any token" in what and mark is not None and _char_at(text, mark) == "\t":
        what = "a tab cannot indent YAML; use spaces"
    if mark is None:
        return Problem(path, f"YAML syntax: {what}")
    return Problem(path, f"YAML syntax: {what}", mark.line + 1, mark.column + 1)


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _check_tree(root: yaml.Node, path: str, positions: Positions, anchored: bool = True) -> None:
    """Bound aliases, depth and expanded size; refuse duplicate keys and record positions.

    `anchored` False says the text holds no anchor, so no node is reached twice."""
    if anchored and _expanded_size(root, {}) > MAX_NODES:
        raise _too_many(path, root, "once aliases are expanded (an alias bomb?)")
    visited: set[int] = set()
    aliases = 0
    # Iterative walk: a deeply nested file must not hit Python's recursion limit.
    stack: list[tuple[yaml.Node, PathKey, int]] = [(root, (), 0)]
    while stack:
        node, key_path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YamlProblems(
                [Problem(path, f"nested more than {MAX_DEPTH} levels deep", *_mark(node))]
            )
        if id(node) in visited:  # an alias: its node was walked where it was defined
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlProblems(
                    [Problem(path, f"more than {MAX_ALIASES} aliases (*name)", *_mark(node))]
                )
            continue
        visited.add(id(node))
        positions.values[key_path] = Position(*_mark(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlProblems(
                        [Problem(path, "a key must be plain text", *_mark(key_node))]
                    )
                key = key_node.value
                if key in keys:
                    first = _mark(keys[key])[0]
                    raise YamlProblems(
                        [
                            Problem(
                                path,
                                f"duplicate key '{key}' (first at line {first})",
                                *_mark(key_node),
                            )
                        ]
                    )
                keys[key] = key_node
                child = (*key_path, key)
                positions.keys[child] = Position(*_mark(key_node))
                stack.append((value_node, child, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*key_path, index), depth + 1))
    if not anchored and len(visited) > MAX_NODES:
        raise _too_many(path, root, "(no philosophy holds that many)")


def _too_many(path: str, root: yaml.Node, why: str) -> YamlProblems:
    return YamlProblems([Problem(path, f"more than {MAX_NODES:,} values {why}", *_mark(root))])


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Number of nodes `node` stands for once aliases are expanded (memoised)."""
    if id(node) in memo:
        return memo[id(node)]
    # Post-order without recursion.
    order: list[yaml.Node] = []
    stack = [node]
    visiting: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in memo or id(current) in visiting:
            continue
        visiting.add(id(current))
        order.append(current)
        stack.extend(_children(current))
    for current in reversed(order):
        size = 1 + sum(memo.get(id(child), 1) for child in _children(current))
        memo[id(current)] = min(size, MAX_NODES + 1)
    return memo[id(node)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [value for _, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


# --- comments -----------------------------------------------------------------------------


def find_comments(text: str, positions: Positions) -> list[Comment]:
    """Every comment in `text`, tied to the key it sits above or beside.

    A `#` counts as a comment only outside every YAML token (so a `#` inside a
    quoted string or a block of text is left alone).
    """
    spans = _token_spans(text)
    if spans is None:
        return []
    anchors = _anchor_lines(positions)
    anchor_lines = [line for line, _ in anchors]
    comments: list[Comment] = []
    cursor = 0
    for start, end in [*spans, (len(text), len(text))]:
        gap = text[cursor:start]
        offset = cursor
        cursor = max(cursor, end)
        # Outside every token there is only white space and comments, so each `#`
        # here starts one, even glued to a value (`'x'#c` reads as a comment).
        for match in re.finditer(r"#[^\n]*", gap):
            index = offset + match.start()
            line, _ = _line_col(text, index)
            line_start = text.rfind("\n", 0, index) + 1
            inline = bool(text[line_start:index].strip())
            body = match.group().rstrip()
            if inline:
                at = bisect.bisect_right(anchor_lines, line) - 1
                target = anchors[at][1] if at >= 0 and anchors[at][0] == line else None
            else:
                at = bisect.bisect_right(anchor_lines, line)
                target = anchors[at][1] if at < len(anchors) else None
            comments.append(Comment(line, body, inline, target))
    return comments


# The indicators that open a block scalar (`|`, `>-`, `|2+`, ...); the rest of that
# line may only hold spaces and a comment.
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def _token_spans(text: str) -> list[tuple[int, int]] | None:
    """Where each YAML token sits in `text`, as (start, end) indexes; None if it cannot be read.

    A block scalar's token runs from its `|` or `>` to the end of its text, so
    the comment beside that indicator (`notes: |  # why`) lies inside it: the
    token is split in two around the rest of its first line.
    """
    spans: list[tuple[int, int]] = []
    scanner = _SafeLoader(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if token is None:  # pragma: no cover - check_token() said there is one
                break
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(text, start)
                line_end = text.find("\n", start, end)
                if header is not None and line_end != -1:
                    spans.append((start, header.end()))
                    spans.append((line_end, end))
                    continue
            spans.append((start, end))
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()
    return spans


def _anchor_lines(positions: Positions) -> list[tuple[int, PathKey]]:
    """(line, path) of every key and list item, in document order.

    On a line with several, the shallowest comes first for comments above it
    and the deepest last for comments beside it.
    """
    entries: dict[PathKey, int] = {}
    for path, pos in positions.keys.items():
        entries[path] = pos.line
    for path, pos in positions.values.items():
        if path and isinstance(path[-1], int):
            entries[path] = pos.line
    return sorted(((line, path) for path, line in entries.items()), key=lambda e: (e[0], len(e[1])))


def iter_paths(positions: Positions) -> Iterator[PathKey]:
    """Every key path in a document, for tests and tools."""
    yield from positions.keys


# --- dumping --------------------------------------------------------------------------------


# Line breaks other than \n that YAML folds or normalises when read back.
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    """Block style, indented lists, text blocks for multi-line strings."""

    def ignore_aliases(self, data: Any) -> bool:
        # Never `&id001` / `*id001`: the same date or list used in two places (a
        # baseline and a target set the same day) is written out in both, so each
        # value reads on its own and editing one never changes the other.
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        # PyYAML writes U+2028/U+2029 raw when allow_unicode is on, and a reader
        # turns them into line breaks; escaping this one scalar keeps them.
        if _ODD_BREAKS.search(text):
            saved, self.allow_unicode = self.allow_unicode, False
            try:
                super().write_double_quoted(text, split)
            finally:
                self.allow_unicode = saved
        else:
            super().write_double_quoted(text, split)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _ODD_BREAKS.search(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value.strip("\n") and not re.search(r"[ \t]\n|[ \t]$", value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """Deterministic YAML: same data, same text; Unicode kept readable."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
        indent=2,
    )


def insert_comments(text: str, comments: list[Comment]) -> tuple[str, list[Comment]]:
    """Put comments back beside the keys they belonged to.

    Returns the new text and the comments whose key is gone; those are kept
    at the end of the file under a marker line, never dropped.
    """
    if not comments:
        return text, []
    parsed = parse(text, "<dump>")
    lines = text.split("\n")
    above: dict[int, list[str]] = {}
    beside: dict[int, str] = {}
    orphans: list[Comment] = []
    trailing: list[str] = []
    for comment in comments:
        if comment.path is None:
            if comment.inline:
                orphans.append(comment)
            else:
                trailing.append(comment.text)
            continue
        pos = parsed.positions.keys.get(comment.path)
        if pos is None and isinstance(comment.path[-1], int):
            pos = parsed.positions.values.get(comment.path)
        if pos is None:
            orphans.append(comment)
            continue
        index = pos.line - 1
        if comment.inline:
            if index in beside:
                beside[index] += " " + comment.text
            else:
                beside[index] = comment.text
        else:
            above.setdefault(index, []).append(comment.text)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in above:
            pad = line[: len(line) - len(line.lstrip())]
            out.extend(pad + text_ for text_ in above[index])
        out.append(f"{line}  {beside[index]}" if index in beside else line)
    result = "\n".join(out)
    tail = trailing + ([ORPHAN_MARKER] + [c.text for c in orphans] if orphans else [])
    if tail:
        result = result.rstrip("\n") + "\n" + "\n".join(tail) + "\n"
    # A comment must never change the data: if it would, keep them all at the end instead.
    if _same_data(result, text):
        return result, orphans
    fallback = (
        text.rstrip("\n") + "\n" + "\n".join([ORPHAN_MARKER] + [c.text for c in comments]) + "\n"
    )
    return fallback, list(comments)


ORPHAN_MARKER = "# cxphilo kept these comments here; the keys they belonged to are gone:"


def _same_data(a: str, b: str) -> bool:
    try:
        return bool(yaml.load(a, Loader=_SafeLoader) == yaml.load(b, Loader=_SafeLoader))
    except yaml.YAMLError:
        return False
