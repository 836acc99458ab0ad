"""Every lexicon entry has an example sentence that it must match, checked here.

The examples live in tests/criteria/lexicon_examples/<lang>.yaml (kept in
step with `python tools/lexicon_examples.py sync`). An entry with no example,
an example its entry does not find, a counter-example it does find, or an
example for an entry that no longer exists fails, naming the language, the
category and the entry.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxphilo.criteria.lexicon import LEXICON_DIR, SUPPORTED, WORD_SETS, entry_matches
from cxphilo.criteria.patterns import parse

EXAMPLES = Path(__file__).parent / "lexicon_examples"


def _lexicon(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LEXICON_DIR / f"{language}.json").read_text("utf-8"))
    return data


def _examples(language: str) -> dict[str, Any]:
    path = EXAMPLES / f"{language}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data


# Languages whose examples are still being written: every example given is checked
# below all the same; only "every entry has one" is expected to fail for them, and
# strictly so, so that a language drops off this list the day it is complete.
UNFINISHED: frozenset[str] = frozenset()


def example_problems(
    language: str, examples: dict[str, Any], categories: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """What is wrong with `examples` (a file's data) for `language`, in the named
    categories or all: the entries with no example, and every example that says
    otherwise than its entry (a yes not found, a no found, an entry that is gone).
    tools/lexicon_examples.py check says the same, while the examples are written."""
    missing: list[str] = []
    wrong: list[str] = []
    for category, entries in _lexicon(language).items():
        if not isinstance(entries, list) or category in WORD_SETS:
            continue
        if categories and category not in categories:
            continue
        given = examples.get(category) or {}
        for entry in entries:
            case = given.get(entry) or {}
            if not case.get("yes"):
                missing.append(f"{category}: “{entry}” has no example")
            for sentence in case.get("yes") or []:
                if not entry_matches(language, category, entry, sentence):
                    wrong.append(f"{category}: “{entry}” does not find “{sentence}”")
            for sentence in case.get("no") or []:
                if entry_matches(language, category, entry, sentence):
                    wrong.append(f"{category}: “{entry}” finds “{sentence}”, which it must not")
        for stale in set(given) - set(entries):
            wrong.append(f"{category}: an example for “{stale}”, which is not an entry")
    return missing, wrong


@pytest.mark.parametrize(
    "language",
    [
        pytest.param(lang, marks=pytest.mark.xfail(strict=True, reason="examples unfinished"))
        if lang in UNFINISHED
        else lang
        for lang in SUPPORTED
    ],
)
def test_every_entry_has_an_example(language: str) -> None:
    missing, _ = example_problems(language, _examples(language))
    assert not missing, f"{language}:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_example_finds_its_entry_and_no_counter_example_does(language: str) -> None:
    _, wrong = example_problems(language, _examples(language))
    assert not wrong, f"{language}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", SUPPORTED)
def test_word_sets_hold_plain_words(language: str) -> None:
    for category, entries in _lexicon(language).items():
        if category in WORD_SETS:
            for entry in entries:
                (node,) = parse(entry)  # one word, no group, no gap
                assert "*" not in entry, f"{language} {category}: “{entry}” is a set of words"
                assert node is not None
