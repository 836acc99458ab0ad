"""Gather the messages cxphilo shows into its gettext catalogs, and compile them.

    python tools/catalogs.py            # update every .po from the code, compile every .mo
    python tools/catalogs.py --check    # exit 1 when a catalog is not up to date
    python tools/catalogs.py --lint da  # what the Danish catalog still lacks

A message is a string literal given to `t(...)`, `something.t(...)`, `N_(...)`,
`Text(...)`, `t.plural(singular, plural, n)` or `Text.plural_of(...)` anywhere
in cxphilo/, every text of
cxphilo/workshop/data/guidance.yaml, and the suggestions of
cxphilo/workshop/data/suggestions.yaml (the texts a team is offered). The
template is cxphilo/locale/cxphilo.pot. Each language's catalog is
cxphilo/locale/<lang>/LC_MESSAGES/cxphilo.po, which keeps its translations
across updates (a message that left the code leaves the catalog), and
cxphilo.mo beside it is what cxphilo reads. Translators open the .po files in
any gettext tool (Poedit, Lokalize, Weblate) and run this again.

Needs Babel (`pip install -e '.[test]'`); cxphilo itself reads the compiled
catalogs with the standard library only.
"""

from __future__ import annotations

import argparse
import array
import ast
import datetime as dt
import io
import re
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cxphilo"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "cxphilo.pot"
GUIDANCE = PACKAGE / "workshop" / "data" / "guidance.yaml"
SUGGESTIONS = PACKAGE / "workshop" / "data" / "suggestions.yaml"
# The suggestions that are offered in the document's language so far.
# Lists of suggestions translated as they are; the values, teams and the playbook are
# gathered field by field (`from_data`).
TRANSLATED_SUGGESTIONS = ("insight_sources", "listening_methods")
sys.path.insert(0, str(ROOT))

from cxphilo.vocabulary import LANGUAGES  # noqa: E402

TRANSLATED = tuple(code for code in LANGUAGES if code != "en")
# gettext's plural rule per language: Chinese has one form, the others two.
PLURAL_FORMS = {
    "da": "nplurals=2; plural=(n != 1);",
    "sv": "nplurals=2; plural=(n != 1);",
    "nb": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "zh": "nplurals=1; plural=0;",
}
Message = tuple[str, str | None, str]  # msgid, msgid_plural, where
# The catalogs' dates: fixed, so that a catalog changes only when its messages do.
_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
HEADER = (
    "# cxphilo's messages for {language}: the English in the code is each message's id.\n"
    "# Update with: python tools/catalogs.py (translations are kept)."
)


def _is_t(node: ast.expr, names: frozenset[str] = frozenset({"t", "N_"})) -> bool:
    return (isinstance(node, ast.Name) and node.id in names) or (
        isinstance(node, ast.Attribute) and node.attr == "t"
    )


def _marks(tree: ast.Module) -> frozenset[str]:
    """The names that mark a message in a module: `Text` only where it is cxphilo's own
    (rich has a `Text` too)."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "cxphilo.locale"
            and any(alias.name == "Text" for alias in node.names)
        ):
            return frozenset({"t", "N_", "Text"})
    return frozenset({"t", "N_"})


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def from_code() -> Iterator[Message]:
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(ROOT))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _marks(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            if _is_t(func, names):
                # t(name) translates a message marked with N_() where it is defined.
                text = _literal(node.args[0])
                if text is not None:
                    yield text, None, where
            elif (
                isinstance(func, ast.Attribute)
                and func.attr in ("plural", "plural_of")
                and _is_t(func.value, names)
            ):
                one, many = _literal(node.args[0]), _literal(node.args[1])
                if one is None or many is None:
                    raise SystemExit(f"{where}:{node.lineno}: t.plural() of a non-literal")
                yield one, many, where


def from_data() -> Iterator[Message]:
    # The criteria's names are facts of the vocabulary, which imports nothing to mark them.
    from cxphilo.vocabulary import CRITERION_NAMES

    for name in CRITERION_NAMES.values():
        yield name, None, "cxphilo/vocabulary.py"
    data = yaml.safe_load(GUIDANCE.read_text(encoding="utf-8"))
    where = str(GUIDANCE.relative_to(ROOT))
    for step in data.values():
        for key in ("purpose", "question", "example"):
            yield step[key], None, where
    data = yaml.safe_load(SUGGESTIONS.read_text(encoding="utf-8"))
    where = str(SUGGESTIONS.relative_to(ROOT))
    for key in TRANSLATED_SUGGESTIONS:
        for text in data[key]:
            yield text, None, where
    for value in data["values"]:
        for key in ("statement", "strong", "survey"):
            yield value[key], None, where
        for key in ("technology", "hiring"):
            for text in value[key]:
                yield text, None, where
    for team in data["teams"]:
        yield team["name"], None, where
        for text in team["activities"]:
            yield text, None, where
    for step in data["recovery"]["steps"]:
        yield step["name"], None, where
        yield step["guidance"], None, where


def template() -> Catalog:
    catalog = Catalog(project="cxphilo", fuzzy=False)
    for msgid, plural, where in [*from_code(), *from_data()]:
        key = (msgid, plural) if plural else msgid
        if key in catalog:  # the same words in two places are one message
            catalog[key].locations.append((where, None))
        else:
            catalog.add(key, locations=[(where, None)])
    return catalog


# Header lines that would change with the tool's version, not with the messages.
_UNSTABLE = (b'"Generated-By: ', b'"Report-Msgid-Bugs-To: ')


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    lines = out.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(_UNSTABLE))


def _mo_bytes(po: bytes, language: str) -> bytes:
    """The compiled catalog of `po` (GNU .mo, as msgfmt writes it): its translated
    messages and its header, with nothing that depends on the tool's version."""
    catalog = read_po(io.BytesIO(po), locale=language)
    header = b"".join(
        line[1:-3] + b"\n"
        for line in po.split(b"\n\n", 1)[0].splitlines()
        if line.startswith(b'"') and line.endswith(b'\\n"')
    )
    entries: dict[bytes, bytes] = {b"": header}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            strings = message.string if isinstance(message.string, tuple | list) else ()
            if not all(strings):
                continue
            key = "\0".join(message.id).encode()
            entries[key] = "\0".join(strings).encode()
        else:
            entries[message.id.encode()] = str(message.string).encode()
    keys = sorted(entries)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(entries[k] + b"\0" for k in keys)
    count = len(keys)
    start = 7 * 4 + 16 * count  # after the header and both tables
    offsets_ids, offsets_strs, position = [], [], 0
    for key in keys:
        offsets_ids += [len(key), start + position]
        position += len(key) + 1
    base, position = start + len(ids), 0
    for key in keys:
        offsets_strs += [len(entries[key]), base + position]
        position += len(entries[key]) + 1
    table = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return (
        table
        + array.array("i", offsets_ids).tobytes()
        + array.array("i", offsets_strs).tobytes()
        + ids
        + strs
    )


def catalog_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "cxphilo.po"


def updated(language: str, fresh: Catalog) -> Catalog:
    """`language`'s catalog with exactly the template's messages, its translations kept."""
    path = catalog_path(language)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, project="cxphilo", fuzzy=False)
    catalog.update(fresh, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.project = "cxphilo"
    catalog.version = ""
    catalog.header_comment = HEADER.format(language=language)
    catalog.revision_date = catalog.creation_date = _EPOCH
    catalog.last_translator = "cxphilo translators"
    catalog.language_team = f"cxphilo {language}"
    catalog._num_plurals, catalog._plural_expr = _plural(language)
    return catalog


def _plural(language: str) -> tuple[int, str]:
    rule = PLURAL_FORMS[language]
    count = int(rule.split(";")[0].split("=")[1])
    expr = rule.split("plural=")[1].rstrip(";")
    return count, expr


def files(only: str | None = None) -> dict[Path, bytes]:
    """Every catalog file as it should be: the template, each .po and each .mo (or only
    `only`'s, beside the template)."""
    fresh = template()
    fresh.version = ""
    fresh.header_comment = HEADER.format(language="every language")
    fresh.revision_date = fresh.creation_date = _EPOCH
    out = {TEMPLATE: _po_bytes(fresh)}
    for language in TRANSLATED if only is None else (only,):
        po = _po_bytes(updated(language, fresh))
        out[catalog_path(language)] = po
        out[catalog_path(language).with_suffix(".mo")] = _mo_bytes(po, language)
    return out


PLACEHOLDER = re.compile(r"\{(\w*)\}")


def problems(language: str, po: bytes | None = None) -> list[str]:
    """What is wrong with `language`'s catalog: a message with no translation (or marked
    fuzzy), or a translation whose placeholders are not the English ones."""
    if po is None:
        po = catalog_path(language).read_bytes()
    catalog = read_po(io.BytesIO(po), locale=language)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
        strings = (
            list(message.string) if isinstance(message.string, tuple | list) else [message.string]
        )
        shown = ids[0][:60]
        if message.fuzzy or not all(strings):
            found.append(f"{language}: no translation of “{shown}”")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(ids[0])) | set(PLACEHOLDER.findall(ids[-1])))
        for string in strings:
            # Chinese has one plural form, which may leave the number to the words.
            got = sorted(set(PLACEHOLDER.findall(string)))
            if got != wanted and not (len(ids) > 1 and set(got) == set(wanted) - {"count"}):
                found.append(f"{language}: “{shown}” has {got or 'no placeholders'}, not {wanted}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument(
        "--lint", metavar="LANG", help="change nothing; list what LANG's .po still lacks"
    )
    parser.add_argument("--only", metavar="LANG", help="update LANG's catalog alone")
    args = parser.parse_args(argv)
    if args.only and args.only not in TRANSLATED:
        parser.error(f"--only: no catalog for {args.only!r}; one of {', '.join(TRANSLATED)}")
    if args.lint:
        found = problems(args.lint)
        print("\n".join(found) or f"{args.lint}: every message is translated")
        return 1 if found else 0
    stale = []
    for path, content in files(args.only).items():
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in stale:
        verb = "is not up to date" if args.check else "written"
        print(f"{path.relative_to(ROOT)}: {verb}")
    if args.check and stale:
        print("run: python tools/catalogs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
