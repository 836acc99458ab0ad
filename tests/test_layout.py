"""The package's layout is its architecture: capabilities in packages, imports downward only.

Every `import` in cxphilo is read (at module level, inside functions and under
TYPE_CHECKING alike: a lazy import is still a dependency), and the tests below
fail on an import circle between modules, on a package reaching up past its
layer, or on the top level growing beyond the few modules every layer shares.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from cxphilo import vocabulary

PACKAGE = Path(__file__).resolve().parents[1] / "cxphilo"

# The parts from the bottom up: each may import the parts below it, never those
# above; the shared top level (errors, output, the package's own __init__) is open
# to all.
SHARED = {"cxphilo", "cxphilo.errors", "cxphilo.output", "cxphilo.vocabulary"}
LAYERS = [
    *("locale", "document", "storage", "criteria", "check", "render", "workshop", "room", "cli"),
    "__main__",
]
MAY_IMPORT = {name: set(LAYERS[:i]) for i, name in enumerate(LAYERS)}
TOP_LEVEL = {"__init__", "__main__", "errors", "output", "vocabulary"}
# The facts written once, in cxphilo/vocabulary.py: a literal list elsewhere that holds
# all of one of them is that fact written a second time.
FACTS = {
    "the languages": set(vocabulary.LANGUAGES),
    "the days": set(vocabulary.DAYS),
    "the weekdays": set(vocabulary.WEEKDAYS),
    "the channels": set(vocabulary.CHANNELS),
    "the criteria": set(vocabulary.CRITERIA),
    "the check's formats": set(vocabulary.CHECK_FORMATS),
    "the document kinds": set(vocabulary.DOCUMENT_KINDS),
    "the papers": set(vocabulary.PAPERS),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[str]:
    """The cxphilo modules `path` imports, relative imports resolved."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "cxphilo")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.split(".")[0] != "cxphilo":
                continue
            for alias in node.names:  # `from cxphilo.x import y`: y may be a module
                candidate = f"{base}.{alias.name}"
                yield candidate if candidate in MODULES else base


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {
    name: {m for m in imports(path) if m in MODULES} - {name} for name, path in MODULES.items()
}


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "cxphilo"


def cycles() -> list[list[str]]:
    """The import circles, each as the modules on it (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    return found


def test_no_module_imports_itself_back_in_a_circle() -> None:
    assert cycles() == []


def test_each_part_imports_only_the_parts_below_it() -> None:
    wrong = []
    for module, targets in sorted(GRAPH.items()):
        mine = part(module)
        if mine not in MAY_IMPORT:
            continue
        for target in sorted(targets):
            theirs = part(target)
            if target in SHARED or theirs == mine or theirs in MAY_IMPORT[mine]:
                continue
            wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_every_part_is_a_known_layer_and_the_top_level_stays_small() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(MAY_IMPORT) - {"__main__"}
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= TOP_LEVEL, top - TOP_LEVEL


def literal_lists(tree: ast.AST) -> Iterator[tuple[int, set[str]]]:
    """Each tuple, list or set of strings written out in the code, and `Literal[...]`."""
    for node in ast.walk(tree):
        items: list[ast.expr] | None = None
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = list(node.elts)
        elif isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal":
            items = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if items and all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
            yield node.lineno, {i.value for i in items}  # type: ignore[attr-defined]


def test_no_module_but_the_vocabulary_writes_out_a_shared_fact() -> None:
    copies = []
    for name, path in sorted(MODULES.items()):
        if name == "cxphilo.vocabulary":
            continue
        for line, words in literal_lists(ast.parse(path.read_text(encoding="utf-8"))):
            for fact, members in FACTS.items():
                if members <= words and len(members) > 1:
                    copies.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {fact}")
    assert copies == []


def test_a_fact_written_twice_is_found() -> None:
    tree = ast.parse(
        'DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")\nX: Literal["md", "x"]'
    )
    found = {frozenset(words) for _, words in literal_lists(tree)}
    assert found == {frozenset(vocabulary.DAYS), frozenset({"md", "x"})}


def test_the_circle_finder_finds_a_circle() -> None:
    # The tests above are only as good as the graph: a known circle must show.
    GRAPH["cxphilo.errors"].add("cxphilo.output")
    GRAPH["cxphilo.output"].add("cxphilo.errors")
    try:
        assert ["cxphilo.errors", "cxphilo.output"] in cycles()
    finally:
        GRAPH["cxphilo.errors"].discard("cxphilo.output")
        GRAPH["cxphilo.output"].discard("cxphilo.errors")
