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


@dataclass(frozen=True)
class Token:
    """A word of a statement with what the matchers look up: its prefixes and suffixes."""

    text: str
    start: int
    end: int
    prefixes: frozenset[str]
    suffixes: frozenset[str]

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


def tokens(text: str) -> list[Token]:
    """The words of folded `text`, ready for lookups."""
    return [Token.of(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _first_words(phrase: str) -> tuple[set[str], set[str]] | None:
    """The words (and word prefixes) a match of `phrase` can start with; None if any."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for token in phrase.split():
        optional = token.startswith("[") and token.endswith("]")
        for alt in token.strip("[]").split("|"):
            if alt == "~" or alt.startswith("*") or not alt:
                return None
            if "-" in alt or "'" in alt:
                # "best-in-class" may be written "best in class": key on its first part
                alt = re.split(r"[-']", alt, maxsplit=1)[0] + "*"
            match = _SINGLE.match(alt)
            if match is None:
                return None
            (prefixes if alt.endswith("*") else words).add(match.group(1))
        if not optional:
            return words, prefixes
    return None


@cache
def _compiled(phrase: str) -> re.Pattern[str]:
    # Compiled on first use: most phrases are never tried in a given run, and
    # compiling them all would cost a one-file check tens of milliseconds.
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
    phrases: re.Pattern[str] | None = None  # Chinese phrases with gaps

    @classmethod
    def build(cls, entries: list[str], cjk: bool) -> Matcher:
        exact: set[str] = set()
        prefixes: set[str] = set()
        suffixes: set[str] = set()
        infixes: list[str] = []
        literals: list[str] = []
        cjk_phrases: list[str] = []
        by_word: dict[str, list[str]] = {}
        by_prefix: dict[str, list[str]] = {}
        anywhere: list[str] = []
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
                    first = _first_words(alt)
                    if first is None:
                        anywhere.append(alt)
                        continue
                    for word in first[0]:
                        by_word.setdefault(word, []).append(alt)
                    for prefix in first[1]:
                        by_prefix.setdefault(prefix, []).append(alt)
                    continue
                core = match.group(1)
                if alt.startswith("*") and alt.endswith("*"):
                    infixes.append(core)
                elif alt.endswith("*"):
                    prefixes.add(core)
                elif alt.startswith("*"):
                    suffixes.add(core)
                else:
                    exact.add(core)
        return cls(
            frozenset(exact),
            frozenset(prefixes),
            frozenset(suffixes),
            tuple(infixes),
            tuple(literals),
            by_word,
            by_prefix,
            anywhere,
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

    def find(self, text: str, words: list[Token]) -> list[Span]:
        spans = [(t.start, t.end) for t in words if self.word(t)]
        for literal in self.literals:
            at = text.find(literal)
            while at >= 0:
                spans.append((at, at + len(literal)))
                at = text.find(literal, at + len(literal))
        if self.phrases is not None:
            spans += [(m.start(), m.end()) for m in self.phrases.finditer(text) if m.group()]
        if self.by_word or self.by_prefix or self.anywhere:
            for token in words:
                head = text[token.start : token.end].split("-", 1)[0].split("'", 1)[0]
                tried: list[str] = list(self.by_word.get(token.text, ()))
                tried += self.by_word.get(head, ())
                if self.by_prefix:
                    for prefix in token.prefixes & self.by_prefix.keys():
                        tried += self.by_prefix[prefix]
                for phrase in (*tried, *self.anywhere):
                    match = _compiled(phrase).match(text, token.start)
                    if match and match.group():
                        spans.append((match.start(), match.end()))
        return sorted(set(spans))


@dataclass
class Lexicon:
    """The compiled word lists of one language."""

    language: str
    data: dict[str, Any]
    matchers: dict[str, Matcher] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict)
    _tokens: tuple[str, list[Token]] = ("", [])

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

    def _words(self, text: str) -> list[Token]:
        if self._tokens[0] != text:
            self._tokens = (text, tokens(text))
        return self._tokens[1]

    def find(self, category: str, text: str) -> list[Span]:
        """Spans of `text` (folded) where a phrase of `category` occurs."""
        return self.matcher(category).find(text, [] if self.cjk else self._words(text))

    def has(self, category: str, word: str) -> bool:
        """True when the folded `word` (or text) belongs to `category`."""
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
