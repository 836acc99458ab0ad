"""Text handling for the criteria: folding, words, clauses and phrase patterns.

Everything here keeps a one-to-one mapping between characters of the folded
text and characters of the statement, so that a match in the folded text is
also a span of the original words (shown to the workshop as "what triggered
it"). Chinese has no spaces between words: it is matched on characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

# Characters folded to one ASCII look-alike so that lexicon entries match what
# people type (curly quotes from word processors, dashes). Full-width forms
# (\uff0c, \uff12\uff14) are folded by NFKC in `fold`.
_FOLD = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark
        "\u2018": "'",  # left single quotation mark
        "`": "'",
        "\u00b4": "'",  # acute accent
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u00d7": "x",  # multiplication sign: "7\u00d724"
        "*": "x",  # "7*24", as 24/7 is written in Chinese; a lexicon's * is its wildcard
        "\u3002": ".",  # ideographic full stop
        "\u3001": ",",  # ideographic comma
    }
)

WORD_RE = re.compile(r"\d+(?:[/x.,:]\d+)*|[^\W\d_]+(?:['\-][^\W\d_]+)*|\w+")
# Han characters. Tested by code point rather than with a regular expression:
# compiling a character class this wide costs a one-file check milliseconds.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def is_cjk(char: str) -> bool:
    """True for a Han character (Chinese is matched on characters)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def cjk_positions(text: str) -> list[int]:
    """Indexes of the Han characters in `text`."""
    return [i for i, char in enumerate(text) if ord(char) >= 0x3400 and is_cjk(char)]


@cache
def _without_han() -> dict[int, None]:
    return {code: None for low, high in _CJK_RANGES for code in range(low, high + 1)}


def count_words(text: str, cjk: bool) -> int:
    """Words in `text`, or for Chinese the Han characters plus the other words: what
    `Statement.length` counts, without folding, for a text of any length."""
    if not cjk:
        return len(WORD_RE.findall(text))
    rest = text.translate(_without_han())
    return len(text) - len(rest) + len(WORD_RE.findall(rest))


# Where one clause ends and the next begins: punctuation; conjunctions come from
# each language's lexicon.
_CLAUSE_PUNCT = re.compile(r"[.,;:!?()\[\]\"]|\s-\s")


@cache
def _simplified() -> dict[int, int]:
    """Traditional Chinese characters to their simplified forms (tools/derive.py)."""
    path = Path(__file__).with_name("derived") / "zh_traditional.json"
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    table.pop("_about", None)
    return {ord(traditional): ord(simplified) for traditional, simplified in table.items()}


def fold(text: str, language: str) -> str:
    """Lower-case `text` character by character, keeping its length; for Chinese, also
    write traditional characters as the simplified ones the lexicon uses."""
    if text.isascii():  # the common case, and str.lower() keeps ASCII lengths
        return text.lower().translate(_FOLD)
    if language == "zh":
        text = text.translate(_simplified())
    if language == "tr":
        # Turkish has a dotted and a dotless i, and a statement typed in capitals (or on
        # a keyboard without them) mixes them up: both are read as one letter, i.
        text = text.replace("İ", "i").replace("ı", "i")
    out = []
    for char in text:
        if ord(char) > 127:
            normal = unicodedata.normalize("NFKC", char)
            char = normal if len(normal) == 1 else char
        low = char.lower()
        out.append(low if len(low) == 1 else char)
    return "".join(out).translate(_FOLD)


class Numbers:
    """Numbers written as words, of one language, and how to read them as digits."""

    def __init__(self, words: dict[str, int]) -> None:
        # Longest first, so that "twenty-four" is read before "twenty" and "four".
        names = sorted(words, key=len, reverse=True)
        self.values = {_space(name): value for name, value in words.items()}
        alternatives = "|".join(
            r"[\s\-]+".join(re.escape(part) for part in re.split(r"[\s\-]+", name))
            for name in names
        )
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if names else None

    def digits(self, text: str) -> str:
        if self.pattern is None:
            return text

        def replace(match: re.Match[str]) -> str:
            number = str(self.values.get(_space(match.group()), ""))
            if not number or len(number) > len(match.group()):
                return match.group()
            return number.ljust(len(match.group()))

        return self.pattern.sub(replace, text)


def _space(name: str) -> str:
    return " ".join(re.split(r"[\s\-]+", name))


class Word(NamedTuple):
    text: str  # folded
    start: int
    end: int


class Statement:
    """A vision statement prepared for the rules.

    `mend` puts right a slip of the keyboard ("cusotmer"), and `numbers` turns
    numbers written as words into digits in the folded text
    ("twenty-four hours" reads as "24 hours"), each padded with spaces to the
    length of its words, so that every span still points at the words typed.
    """

    # A plain class rather than a dataclass: importing dataclasses costs `cxphilo
    # check` milliseconds on every run.
    def __init__(
        self,
        original: str,
        language: str,
        numbers: Numbers | None = None,
        # Mends slips of the keyboard in the folded text, keeping its length (`spelling`).
        mend: Callable[[str], str] | None = None,
    ) -> None:
        self.original = original
        self.language = language
        self.numbers = numbers
        self.mend = mend

    def _fields(self) -> tuple[object, ...]:
        return (self.original, self.language, self.numbers, self.mend)

    def __eq__(self, other: object) -> bool:
        return type(other) is Statement and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def __repr__(self) -> str:
        return (
            f"Statement(original={self.original!r}, language={self.language!r}, "
            f"numbers={self.numbers!r}, mend={self.mend!r})"
        )

    @cached_property
    def folded(self) -> str:
        text = fold(self.original, self.language)
        if self.mend is not None:
            text = self.mend(text)
        return self.numbers.digits(text) if self.numbers is not None else text

    @cached_property
    def words(self) -> list[Word]:
        return [Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(self.folded)]

    @property
    def cjk(self) -> bool:
        return self.language == "zh"

    @cached_property
    def length(self) -> int:
        """Words, or for Chinese the characters that carry meaning."""
        if self.cjk:
            return len(cjk_positions(self.original)) + sum(
                1 for w in self.words if not is_cjk(w.text[0])
            )
        return len(self.words)

    def quote(self, start: int, end: int) -> str:
        """The original words of a span, for messages."""
        return self.original[start:end].strip()


def clause_bounds(
    text: str, conjunctions: list[tuple[int, int]], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split folded text into clauses at punctuation and at the `conjunctions` spans.

    A boundary inside a `protected` span (a matched phrase such as "day and
    night") does not count.
    """
    cuts = [(m.start(), m.end()) for m in _CLAUSE_PUNCT.finditer(text)] + conjunctions
    cuts = sorted(c for c in cuts if not any(s <= c[0] < e or s < c[1] <= e for s, e in protected))
    bounds = []
    start = 0
    for cut_start, cut_end in cuts:
        if cut_start > start:
            bounds.append((start, cut_start))
        start = max(start, cut_end)
    if start < len(text):
        bounds.append((start, len(text)))
    return [b for b in bounds if text[b[0] : b[1]].strip()]
