"""Edit the criteria's lexicons: add or remove entries, and write them in the house layout.

    python tools/lexicon.py format                      # rewrite every lexicon in the layout
    python tools/lexicon.py add en negation "not" "do not"
    python tools/lexicon.py remove en outcome feel feels
    python tools/lexicon.py set en numbers '{"one": 1, "two": 2}'

The layout: one category per line when it fits, else its entries wrapped at
100 columns; the order of categories and entries is kept, so diffs stay small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

LEXICONS = Path(__file__).resolve().parents[1] / "cxphilo" / "criteria" / "lexicons"


def render(data: dict[str, Any]) -> str:
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, list):
            parts = [json.dumps(v, ensure_ascii=False) for v in value]
            whole = json.dumps(value, ensure_ascii=False)
            if len(whole) < 90:
                lines.append(f"  {json.dumps(key)}: {whole}{comma}")
                continue
            lines.append(f"  {json.dumps(key)}: [")
            line = "    "
            for j, part in enumerate(parts):
                piece = part + ("," if j < len(parts) - 1 else "")
                if len(line) + len(piece) + 1 > 100 and line.strip():
                    lines.append(line.rstrip())
                    line = "    "
                line += piece + " "
            lines.append(line.rstrip())
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == data
    return text


def load(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LEXICONS / f"{language}.json").read_text(encoding="utf-8"))
    return data


def save(language: str, data: dict[str, Any]) -> None:
    (LEXICONS / f"{language}.json").write_text(render(data), encoding="utf-8")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, *rest = argv
    if command == "format":
        for path in sorted(LEXICONS.glob("*.json")):
            save(path.stem, load(path.stem))
        return 0
    language, category, *values = rest
    data = load(language)
    if command == "add":
        entries = data.setdefault(category, [])
        entries += [v for v in values if v not in entries]
    elif command == "remove":
        data[category] = [e for e in data.get(category, []) if e not in values]
    elif command == "set":
        data[category] = json.loads(values[0])
    else:
        print(f"unknown command {command!r}", file=sys.stderr)
        return 2
    save(language, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
