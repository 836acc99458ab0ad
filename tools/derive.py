"""Write the criteria's derived data: tables made once, here, from dictionaries that
cxphilo does not need at run time.

    pip install lemminflect opencc-python-reimplemented
    python tools/derive.py            # rewrite both tables
    python tools/derive.py --check    # exit 1 when a table is out of step with the lexicons

cxphilo/criteria/derived/en_verbs.json
    Every form of each verb in the English lexicon's `verb` category ("come":
    came, comes, coming), from the lemmatiser lemminflect. Run it again after
    adding a verb; tests/criteria/test_derived.py fails until then.
cxphilo/criteria/derived/zh_traditional.json
    Traditional Chinese characters and the simplified character each is folded
    to, from OpenCC's TSCharacters table (one character for one, so that a
    match still points at the characters typed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "cxphilo" / "criteria" / "lexicons"
DERIVED = ROOT / "cxphilo" / "criteria" / "derived"


def english_verbs() -> dict[str, list[str]]:
    try:
        import lemminflect
    except ImportError:
        sys.exit("tools/derive.py needs lemminflect: pip install lemminflect")
    verbs = json.loads((LEXICONS / "en.json").read_text(encoding="utf-8"))["verb"]
    table: dict[str, list[str]] = {}
    for base in sorted(set(verbs)):
        found = lemminflect.getAllInflections(base, upos="VERB") or (
            lemminflect.getAllInflectionsOOV(base, upos="VERB")
        )
        # Every past form ("learned", "learnt"), but only the usual spelling of the
        # others: lemminflect's second third-person form of "stay" is "staves".
        forms = {
            form
            for tag, group in found.items()
            for form in (group if tag in ("VBD", "VBN") else group[:1])
        }
        table[base] = sorted(forms - {base})
    return table


def traditional_chinese() -> dict[str, str]:
    try:
        import opencc
    except ImportError:
        sys.exit("tools/derive.py needs OpenCC's tables: pip install opencc-python-reimplemented")
    source = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split()[0] if simplified.split() else ""
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            table[traditional] = first
    return dict(sorted(table.items()))


def render(about: str, table: dict[str, object]) -> str:
    lines = [json.dumps({"_about": about}, ensure_ascii=False)[:-1] + ","]
    items = list(table.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        key_, value_ = (json.dumps(x, ensure_ascii=False) for x in (key, value))
        lines.append(f"  {key_}: {value_}{comma}")
    return "\n".join(lines) + "\n}\n"


TABLES = {
    "en_verbs.json": (
        "Forms of the English lexicon's verbs, written by tools/derive.py from lemminflect.",
        english_verbs,
    ),
    "zh_traditional.json": (
        "Traditional Chinese characters and their simplified forms, written by "
        "tools/derive.py from OpenCC's TSCharacters.",
        traditional_chinese,
    ),
}


def main(argv: list[str]) -> int:
    stale = []
    for name, (about, make) in TABLES.items():
        text = render(about, make())  # type: ignore[operator]
        path = DERIVED / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    for name in stale:
        print(f"{name} is out of step: run python tools/derive.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
