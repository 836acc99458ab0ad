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
UNFINISHED = frozenset({"tr", "zh"})


def _entries(language: str) -> list[tuple[str, str, dict[str, Any]]]:
    examples = _examples(language)
    out = []
    for category, entries in _lexicon(language).items():
        if not isinstance(entries, list) or category in WORD_SETS:
            continue
        given = examples.get(category) or {}
        out.extend((category, entry, given.get(entry) or {}) for entry in entries)
    return out


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
    missing = [
        f"{category}: “{entry}” has no example"
        for category, entry, case in _entries(language)
        if not case.get("yes")
    ]
    assert not missing, f"{language}:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_example_finds_its_entry_and_no_counter_example_does(language: str) -> None:
    problems = []
    for category, entry, case in _entries(language):
        for sentence in case.get("yes") or []:
            if not entry_matches(language, category, entry, sentence):
                problems.append(f"{category}: “{entry}” does not find “{sentence}”")
        for sentence in case.get("no") or []:
            if entry_matches(language, category, entry, sentence):
                problems.append(f"{category}: “{entry}” finds “{sentence}”, which it must not")
    examples = _examples(language)
    for category, entries in _lexicon(language).items():
        if isinstance(entries, list) and category not in WORD_SETS:
            for stale in set(examples.get(category) or {}) - set(entries):
                problems.append(f"{category}: an example for “{stale}”, which is not an entry")
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", SUPPORTED)
def test_word_sets_hold_plain_words(language: str) -> None:
    for category, entries in _lexicon(language).items():
        if category in WORD_SETS:
            for entry in entries:
                (node,) = parse(entry)  # one word, no group, no gap
                assert "*" not in entry, f"{language} {category}: “{entry}” is a set of words"
                assert node is not None
