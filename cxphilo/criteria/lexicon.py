"""Per-language word lists for the criteria, shipped as JSON beside this module.

Each file (`lexicons/en.json`, ...) maps a category (clichés, buzzwords, words
that promise round-the-clock support, ...) to phrases in the small pattern
language of `text.compile_phrase`. A category a language leaves out simply
finds nothing, so a rule that needs it stays quiet rather than guessing.

Matching is built for speed, because the workshop judges a statement on every
keystroke: single words are looked up in sets (whole words, prefixes by
length, suffixes by length) and only phrases of several words go through a
regular expression.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .text import WORD_RE, compile_phrase, compile_phrases, fold

LEXICON_DIR = Path(__file__).with_name("lexicons")
SUPPORTED = ("en", "da", "sv", "nb", "tr", "zh")
Span = tuple[int, int]

# English verbs are listed in their base form; these are the other forms people write.
_IRREGULAR = {
    "be": ["is", "are", "am", "was", "were", "been", "being"],
    "get": ["got", "gotten", "getting"],
    "give": ["gave", "given"],
    "make": ["made"],
    "take": ["took", "taken"],
    "keep": ["kept"],
    "leave": ["left"],
    "find": ["found"],
    "feel": ["felt"],
    "tell": ["told"],
    "hear": ["heard"],
    "know": ["knew", "known"],
    "build": ["built"],
    "bring": ["brought"],
    "think": ["thought"],
    "say": ["said"],
    "mean": ["meant"],
    "meet": ["met"],
    "go": ["went", "gone", "goes"],
    "do": ["did", "done", "does"],
    "have": ["has", "had"],
    "win": ["won", "winning"],
    "run": ["ran", "running"],
    "stop": ["stopped", "stopping"],
    "plan": ["planned", "planning"],
    "grow": ["grew", "grown"],
    "show": ["shown"],
    "understand": ["understood"],
    "stand": ["stood"],
    "hold": ["held"],
    "lead": ["led"],
    "speak": ["spoke", "spoken"],
    "teach": ["taught"],
    "sell": ["sold"],
    "buy": ["bought"],
    "send": ["sent"],
    "spend": ["spent"],
    "become": ["became"],
    "begin": ["began", "begun"],
    "choose": ["chose", "chosen"],
    "write": ["wrote", "written"],
}


def english_forms(base: str) -> list[str]:
    """The usual inflections of an English verb."""
    forms = [base, *_IRREGULAR.get(base, [])]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(base + "es")
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms += [base[:-1] + "ies", base[:-1] + "ied"]
    else:
        forms.append(base + "s")
    if base.endswith("e") and base not in ("be", "see", "free", "agree"):
        forms += [base[:-1] + "ing", base + "d"]
    else:
        forms += [base + "ing"]
        if not (base.endswith("y") and base[-2:-1] not in "aeiou"):
            forms.append(base + "ed")
    return forms


_SINGLE = re.compile(r"^\*?([^\W_]+|\d+(?:[/x.,:]\d+)*)\*?$")
# One word of a phrase, with an optional * at either end; anything else in a
# phrase ("no. 1", "100%") is matched with a regular expression instead.
_PIECE = re.compile(r"^\*?(?:[^\W_]+(?:'[^\W_]+)*|\d+(?:[/x.,:]\d+)*)\*?$")
_JOINER = re.compile(r"[\s\-]*")
# A phrase with one of these is matched with a regular expression ("no. 1", "100%").
_SYMBOL = re.compile(r"[^\w\s\-'*\[\]|~]")
GAP_WORDS = 3  # what "~" allows between two words of a phrase


class Token:
    """A word of a statement with what the matchers look up: its prefixes and suffixes."""

    # A plain class: one is made for every word judged, and a frozen dataclass's
    # __init__ is several times slower.
    __slots__ = ("end", "prefixes", "start", "suffixes", "text")

    def __init__(
        self, text: str, start: int, end: int, prefixes: frozenset[str], suffixes: frozenset[str]
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.prefixes = prefixes
        self.suffixes = suffixes

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Token:
        # "anyone's" is looked up as "anyone".
        base = text.split("'", 1)[0] if "'" in text else text
        return cls(
            base,
            start,
            end,
            frozenset(base[:n] for n in range(1, len(base) + 1)),
            frozenset(base[-n:] for n in range(1, len(base) + 1)),
        )

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokens(text: str) -> list[Token]:
    """The words of folded `text`, ready for lookups."""
    return [Token.of(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def pieces(words: list[Token], text: str) -> list[Token]:
    """The words with hyphenated ones split ("best-in-class": best, in, class)."""
    out: list[Token] = []
    for word in words:
        raw = text[word.start : word.end]
        if "-" not in raw:
            out.append(word)
            continue
        offset = word.start
        for part in raw.split("-"):
            if part:
                out.append(Token.of(part, offset, offset + len(part)))
            offset += len(part) + 1
    return out


@dataclass
class _Wildcards:
    """Words sorted by where their `*` stands: `word`, `word*`, `*word`, `*word*`."""

    exact: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    suffixes: set[str] = field(default_factory=set)
    infixes: list[str] = field(default_factory=list)

    def add(self, alt: str, core: str) -> None:
        if alt.startswith("*") and alt.endswith("*") and len(alt) > 1:
            self.infixes.append(core)
        elif alt.endswith("*"):
            self.prefixes.add(core)
        elif alt.startswith("*"):
            self.suffixes.add(core)
        else:
            self.exact.add(core)

    def frozen(
        self,
    ) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
        return (
            frozenset(self.exact),
            frozenset(self.prefixes),
            frozenset(self.suffixes),
            tuple(self.infixes),
        )


@dataclass(frozen=True)
class Part:
    """One word of a phrase: its alternatives, or a gap of a few words."""

    exact: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    infixes: tuple[str, ...] = ()
    optional: bool = False
    gap: bool = False

    @classmethod
    def of(cls, alternatives: list[str], optional: bool) -> Part:
        sorted_ = _Wildcards()
        for alt in alternatives:
            sorted_.add(alt, alt.strip("*"))
        return cls(*sorted_.frozen(), optional)

    def accepts(self, token: Token) -> bool:
        return (
            token.text in self.exact
            or not self.prefixes.isdisjoint(token.prefixes)
            or not self.suffixes.isdisjoint(token.suffixes)
            or (bool(self.infixes) and any(infix in token.text for infix in self.infixes))
        )


Phrase = tuple[Part, ...]


def parse_phrase(phrase: str) -> list[Phrase] | None:
    """A lexicon phrase as sequences of parts (several when a word has alternatives
    of different lengths: "[top|number-one] priority"); None when it needs a regex."""
    variants: list[list[Part]] = [[]]
    for token in phrase.split():
        if token == "~":
            variants = [[*v, Part(gap=True)] for v in variants]
            continue
        optional = token.startswith("[") and token.endswith("]")
        by_length: dict[int, list[list[str]]] = {}
        for alt in token.strip("[]").split("|"):
            words = [w for w in alt.split("-") if w]
            if not words or not all(_PIECE.match(w) for w in words):
                return None
            by_length.setdefault(len(words), []).append(words)
        # An optional word of several lengths becomes variants: without it, and with each.
        choices: list[list[Part]] = [[]] if optional else []
        for length, alts in by_length.items():
            choices.append([Part.of([a[i] for a in alts], False) for i in range(length)])
        if optional and len(by_length) == 1 and 1 in by_length:
            choices = [[Part.of([a[0] for a in by_length[1]], True)]]
        variants = [[*v, *c] for v in variants for c in choices]
    return [tuple(v) for v in variants if v]


def _match(
    phrase: Phrase, k: int, words: list[Token], i: int, text: str, previous: int | None
) -> int | None:
    """Index after the last word of a match of phrase[k:] starting at words[i]."""
    if k == len(phrase):
        return i
    part = phrase[k]
    if part.gap:
        for skip in range(GAP_WORDS + 1):
            if i + skip > len(words):
                break
            end = _match(phrase, k + 1, words, i + skip, text, None)
            if end is not None:
                return end
        return None
    if (
        i < len(words)
        and part.accepts(words[i])
        and (previous is None or _JOINER.fullmatch(text, previous, words[i].start))
    ):
        end = _match(phrase, k + 1, words, i + 1, text, words[i].end)
        if end is not None:
            return end
    if part.optional:
        return _match(phrase, k + 1, words, i, text, previous)
    return None


def _first_keys(phrase: str) -> tuple[set[str], set[str]] | None:
    """Words (and word prefixes) a match can start with; None when it can start anywhere.

    Read from the text of the phrase, so that phrases are parsed only once a
    statement has a word they can start with.
    """
    words: set[str] = set()
    prefixes: set[str] = set()
    for token in phrase.split():
        optional = token.startswith("[") and token.endswith("]")
        for alt in token.strip("[]").split("|"):
            head = alt.split("-", 1)[0]
            if token == "~" or not head or head.startswith("*"):
                return None
            (prefixes if head.endswith("*") or "-" in alt else words).add(head.rstrip("*"))
        if not optional:
            return words, prefixes
    return None


@cache
def _parsed(phrase: str) -> list[Phrase]:
    return parse_phrase(phrase) or []


@cache
def _compiled(phrase: str) -> re.Pattern[str]:
    # Only for phrases with symbols ("no. 1", "100%"): compiled on first use.
    return re.compile(compile_phrase(phrase))


@dataclass
class Matcher:
    """One category of one language, split into fast word lookups and phrases."""

    exact: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    infixes: tuple[str, ...] = ()
    literals: tuple[str, ...] = ()  # Chinese: plain substrings
    # Phrases of several words, indexed by the word (or word prefix) they start
    # with, so that each is tried only where such a word starts.
    by_word: dict[str, list[str]] = field(default_factory=dict)
    by_prefix: dict[str, list[str]] = field(default_factory=dict)
    anywhere: list[str] = field(default_factory=list)
    symbolic: tuple[str, ...] = ()  # phrases matched with a regular expression
    phrases: re.Pattern[str] | None = None  # Chinese phrases with gaps

    @classmethod
    def build(cls, entries: list[str], cjk: bool) -> Matcher:
        words = _Wildcards()
        literals: list[str] = []
        cjk_phrases: list[str] = []
        by_word: dict[str, list[str]] = {}
        by_prefix: dict[str, list[str]] = {}
        anywhere: list[str] = []
        symbolic: list[str] = []
        for entry in entries:
            if cjk:
                if re.fullmatch(r"[^\s\[\]~|*]+", entry):
                    literals.append(entry)
                else:
                    cjk_phrases.append(entry)
                continue
            alts = entry.split("|") if " " not in entry and "[" not in entry else [entry]
            for alt in alts:
                match = _SINGLE.match(alt)
                if match is None:
                    if _SYMBOL.search(alt):
                        symbolic.append(alt)
                        continue
                    keys = _first_keys(alt)
                    if keys is None:
                        anywhere.append(alt)
                        continue
                    for word in keys[0]:
                        by_word.setdefault(word, []).append(alt)
                    for prefix in keys[1]:
                        by_prefix.setdefault(prefix, []).append(alt)
                    continue
                words.add(alt, match.group(1))
        return cls(
            *words.frozen(),
            tuple(literals),
            by_word,
            by_prefix,
            anywhere,
            tuple(symbolic),
            compile_phrases(cjk_phrases, cjk),
        )

    def word(self, token: Token) -> bool:
        """True when the single word belongs to the category."""
        return (
            token.text in self.exact
            or not self.prefixes.isdisjoint(token.prefixes)
            or not self.suffixes.isdisjoint(token.suffixes)
            or (bool(self.infixes) and any(infix in token.text for infix in self.infixes))
        )

    def find(self, text: str, words: list[Token], parts: list[Token] | None = None) -> list[Span]:
        exact, prefixes, suffixes = self.exact, self.prefixes, self.suffixes
        # self.word() inlined: this runs for every word of every statement, per category.
        spans = [
            (t.start, t.end)
            for t in words
            if t.text in exact
            or (prefixes and not prefixes.isdisjoint(t.prefixes))
            or (suffixes and not suffixes.isdisjoint(t.suffixes))
            or (self.infixes and any(infix in t.text for infix in self.infixes))
        ]
        for literal in self.literals:
            at = text.find(literal)
            while at >= 0:
                spans.append((at, at + len(literal)))
                at = text.find(literal, at + len(literal))
        if self.phrases is not None:
            spans += [(m.start(), m.end()) for m in self.phrases.finditer(text) if m.group()]
        if self.by_word or self.by_prefix or self.anywhere:
            parts = pieces(words, text) if parts is None else parts
            for index, token in enumerate(parts):
                tried = list(self.by_word.get(token.text, ()))
                if self.by_prefix:
                    for prefix in token.prefixes & self.by_prefix.keys():
                        tried += self.by_prefix[prefix]
                for entry in (*tried, *self.anywhere):
                    for phrase in _parsed(entry):
                        end = _match(phrase, 0, parts, index, text, None)
                        if end is not None and end > index:
                            spans.append((token.start, parts[end - 1].end))
        for symbolic in self.symbolic:
            for found in _compiled(symbolic).finditer(text):
                if found.group():
                    spans.append((found.start(), found.end()))
        return sorted(set(spans))


@dataclass
class Lexicon:
    """The compiled word lists of one language."""

    language: str
    data: dict[str, Any]
    matchers: dict[str, Matcher] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict)
    _has: dict[tuple[str, str], bool] = field(default_factory=dict)
    _tokens: tuple[str, list[Token], list[Token]] = ("", [], [])

    @property
    def cjk(self) -> bool:
        return self.language == "zh"

    def matcher(self, category: str) -> Matcher:
        if category not in self.matchers:
            entries = list(self.data.get(category) or [])
            if category == "verb" and self.language == "en":
                entries = [form for base in entries for form in english_forms(base)]
            # Entries are folded like the statements they are matched against.
            folded = [fold(e, self.language) for e in entries]
            self.matchers[category] = Matcher.build(folded, self.cjk)
        return self.matchers[category]

    def matcher_of(self, categories: tuple[str, ...]) -> Matcher:
        """One matcher for several categories: it finds whatever any of them finds."""
        key = "|".join(categories)
        if key not in self.matchers:
            entries = [e for c in categories for e in (self.data.get(c) or [])]
            folded = [fold(e, self.language) for e in entries]
            self.matchers[key] = Matcher.build(folded, self.cjk)
        return self.matchers[key]

    def finds_any(self, categories: tuple[str, ...], text: str) -> bool:
        """True when a phrase of one of `categories` occurs in `text` (folded): one pass
        instead of one per category, for the many statements that hold none."""
        if self.cjk:
            return bool(self.matcher_of(categories).find(text, []))
        words, parts = self._words(text)
        return bool(self.matcher_of(categories).find(text, words, parts))

    def _words(self, text: str) -> tuple[list[Token], list[Token]]:
        if self._tokens[0] != text:
            words = tokens(text)
            self._tokens = (text, words, pieces(words, text))
        return self._tokens[1], self._tokens[2]

    def find(self, category: str, text: str) -> list[Span]:
        """Spans of `text` (folded) where a phrase of `category` occurs."""
        if self.cjk:
            return self.matcher(category).find(text, [])
        words, parts = self._words(text)
        return self.matcher(category).find(text, words, parts)

    def has(self, category: str, word: str) -> bool:
        """True when the folded `word` (or text) belongs to `category`."""
        key = (category, word)
        if key not in self._has:
            self._has[key] = self._lookup(category, word)
        return self._has[key]

    def _lookup(self, category: str, word: str) -> bool:
        matcher = self.matcher(category)
        if self.cjk:
            return bool(matcher.find(word, []))
        words = tokens(word)
        if len(words) == 1 and matcher.word(words[0]):
            return True
        return bool(matcher.find(word, words))

    def words(self, category: str) -> frozenset[str]:
        if category not in self._sets:
            self._sets[category] = frozenset(self.data.get(category) or [])
        return self._sets[category]

    def number(self, key: str, default: int) -> int:
        value = self.data.get("limits", {}).get(key, default)
        return int(value)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of `language`; English for a language without one."""
    if language not in SUPPORTED:
        language = "en"
    with (LEXICON_DIR / f"{language}.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Lexicon(language, data)
