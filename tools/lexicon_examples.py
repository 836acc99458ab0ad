"""Keep the lexicons' example files in step with the lexicons.

    python tools/lexicon_examples.py sync [LANG...]   # add every entry that has no example yet
    python tools/lexicon_examples.py missing [LANG]   # list the entries still without one
    python tools/lexicon_examples.py check LANG [FILE] [CATEGORY...]
                                # what the test would say of FILE (default: LANG's file)

tests/criteria/lexicon_examples/<lang>.yaml holds, per category and entry, the
sentences that must match the entry (`yes`) and, where useful, sentences that
must not (`no`). tests/criteria/test_lexicon_examples.py checks them all.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "cxphilo" / "criteria" / "lexicons"
EXAMPLES = ROOT / "tests" / "criteria" / "lexicon_examples"
LANGUAGES = ("en", "da", "sv", "nb", "tr", "zh")
sys.path.insert(0, str(ROOT))

from cxphilo.criteria.lexicon import WORD_SETS  # noqa: E402


def pattern_entries(language: str) -> dict[str, list[str]]:
    data = json.loads((LEXICONS / f"{language}.json").read_text(encoding="utf-8"))
    return {
        category: list(entries)
        for category, entries in data.items()
        if isinstance(entries, list) and category not in WORD_SETS
    }


def load(language: str) -> dict[str, dict[str, dict[str, list[str]]]]:
    path = EXAMPLES / f"{language}.yaml"
    if not path.exists():
        return {}
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data


def save(language: str, data: dict[str, dict[str, dict[str, list[str]]]]) -> None:
    header = (
        f"# Examples of the entries of cxphilo/criteria/lexicons/{language}.json: per category\n"
        "# and entry, sentences that must match the entry (yes) and that must not (no).\n"
        "# Checked by tests/criteria/test_lexicon_examples.py; add entries with\n"
        "# python tools/lexicon_examples.py sync.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (EXAMPLES / f"{language}.yaml").write_text(header + body, encoding="utf-8")


def sync(language: str) -> int:
    data = load(language)
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    added = 0
    for category, entries in pattern_entries(language).items():
        known = data.get(category) or {}
        out[category] = {}
        for entry in entries:
            if entry not in known:
                added += 1
            out[category][entry] = known.get(entry) or {"yes": [], "no": []}
    save(language, out)
    return added


def check(language: str, path: Path, categories: list[str]) -> int:
    """Print what the test would say of the examples in `path`; 1 when anything is."""
    from tests.criteria.test_lexicon_examples import example_problems

    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing, wrong = example_problems(language, data, frozenset(categories))
    for problem in [*missing, *wrong]:
        print(problem)
    print(f"{language}: {len(missing) + len(wrong)} problems")
    return 1 if missing or wrong else 0


def main(argv: list[str]) -> int:
    command, *languages = argv or ["missing"]
    if command == "check":
        language, *rest = languages
        path = EXAMPLES / f"{language}.yaml"
        if rest and rest[0].endswith(".yaml"):
            path = Path(rest.pop(0))
        return check(language, path, rest)
    for language in languages or LANGUAGES:
        if command == "sync":
            print(f"{language}: {sync(language)} entries added")
        else:
            data = load(language)
            for category, entries in pattern_entries(language).items():
                for entry in entries:
                    if not ((data.get(category) or {}).get(entry) or {}).get("yes"):
                        print(f"{language} {category}: {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
