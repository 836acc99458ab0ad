"""Slips of the keyboard: a long word with one letter wrong, missing or extra, or two
letters swapped ("cusotmer", "shareohlders"), is read as the lexicon's word it was
meant to be, so that a typo does not turn a verdict.

Only words of at least FUZZY_MIN letters are mended, only to a word or stem the
lexicon lists, never at the first letter, and never a word that is a word of the
language in its own right ("markers" is not "market*"): those, the language's
real words one slip from a lexicon word, are listed beside the lexicon's words
in derived/spelling_<lang>.json, written by tools/derive.py from a word-frequency
list. A word is compared only with the lexicon words that share its first
letter, so mending costs a few comparisons per long word.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

FUZZY_MIN = 7  # shorter words have too many neighbours: "reply" and "replay"
STEM_MIN = FUZZY_MIN - 1  # a stem ("invest*") is mended when the word's start is one slip off
LONGEST = 40  # longer words are not mended: no lexicon word is that long
DERIVED = Path(__file__).with_name("derived")


def one_slip(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one letter changed, added or left out, or by two
    neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


class Speller:
    """Mends words against one language's lexicon words and stems (`known`, entries'
    words with their `*` marks: "customer", "invest*")."""

    def __init__(self, known: Iterable[str], real: Iterable[str]) -> None:
        self.real = frozenset(real)
        # By first letter and length: a word one slip off is at most one letter longer
        # or shorter, so only three buckets are ever compared.
        self.words: dict[tuple[str, int], list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        self._mended: dict[str, str | None] = {}
        for entry in known:
            core = entry.strip("*")
            if entry.startswith("*") or not core.isalpha():
                continue
            if entry.endswith("*"):
                if len(core) >= STEM_MIN:
                    self.stems.setdefault(core[0], []).append(core)
            elif len(core) >= FUZZY_MIN:
                self.words.setdefault((core[0], len(core)), []).append(core)
        for table in (self.words, self.stems):
            for bucket in table.values():
                bucket.sort()

    def mend(self, word: str) -> str | None:
        """The word as meant, or None when it is a word itself or not one slip off. The
        caller has found that no entry takes `word` as written."""
        if word in self._mended:
            return self._mended[word]
        found = self._mend(word)
        if len(self._mended) < 10_000:  # the same words recur from file to file
            self._mended[word] = found
        return found

    def _mend(self, word: str) -> str | None:
        if not FUZZY_MIN <= len(word) <= LONGEST or not word.isalpha() or word in self.real:
            return None
        first, size = word[0], len(word)
        for length in (size - 1, size, size + 1):
            for key in self.words.get((first, length), ()):
                if one_slip(word, key):
                    return key
        for stem in self.stems.get(first, ()):
            for size in (len(stem) - 1, len(stem), len(stem) + 1):
                if size <= len(word) and one_slip(word[:size], stem):
                    return stem + word[size:]
        return None


class Spelling(NamedTuple):  # cheaper to make at start-up than a dataclass
    """What derived/spelling_<lang>.json holds: the lexicon's words and the real words."""

    known: tuple[str, ...]
    real: tuple[str, ...]


@cache
def spelling(language: str) -> Spelling:
    path = DERIVED / f"spelling_{language}.json"
    if not path.exists():
        return Spelling((), ())
    data = json.loads(path.read_text(encoding="utf-8"))
    return Spelling(tuple(data["known"]), tuple(data["real"]))
