"""Per-language word lists for the criteria, shipped as JSON beside this module.

Each file (`lexicons/en.json`, ...) maps a category (clichés, buzzwords, words
that promise round-the-clock support, ...) to phrases in the small pattern
language of `patterns`. A category a language leaves out simply
finds nothing, so a rule that needs it stays quiet rather than guessing.

Matching is built for speed, because the workshop judges a statement on every
keystroke: single words are looked up in sets (whole words, prefixes by
length, suffixes by length) and only phrases of several words go through a
regular expression.

Building the matchers means parsing every entry, which costs more than the rest of
a `cxphilo check` run; so tools/derive.py builds them once and writes them to
`derived/matchers_<lang>.json`, with a checksum of what they were built from (the
language's lexicon, this module, `patterns` and `text`, and the derived tables
the entries are expanded or folded with). A lexicon read from its file uses them
while the checksum still holds, and builds its matchers itself otherwise, so a
stale file costs speed, never a wrong verdict.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxphilo.vocabulary import LANGUAGES

from . import spelling
from .text import WORD_RE, Numbers, Statement, fold

if TYPE_CHECKING:
    from . import patterns

LEXICON_DIR = Path(__file__).with_name("lexicons")
SUPPORTED = LANGUAGES  # every language of a document has a lexicon
Span = tuple[int, int]

DERIVED_DIR = Path(__file__).with_name("derived")


@cache
def _verb_forms() -> dict[str, list[str]]:
    with (DERIVED_DIR / "en_verbs.json").open(encoding="utf-8") as handle:
        table: dict[str, list[str]] = json.load(handle)
    table.pop("_about", None)
    return table


def english_forms(base: str) -> list[str]:
    """An English verb and its other forms ("come": came, comes, coming), from the table
    tools/derive.py writes with a lemmatiser; a verb not in it stands for itself."""
    return [base, *_verb_forms().get(base, [])]


# What "~" allows between two words of a phrase.
GAP_WORDS = 3
# The longest prefix or suffix an entry may name ("reliab*" is 6): a word's
# affixes are listed only up to this length, so a word costs the same however
# long it is, and a statement's cost grows with its length, not its square.
AFFIX_MAX = 32
_JOINER = re.compile(r"[\s\-]*")


class LexiconError(ValueError):
    """A lexicon entry that does not follow the pattern language: names the file and entry."""


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
        # "anyone's" is looked up as "anyone"; "don't" stays "don't" (not "don").
        base = text.split("'", 1)[0] if "'" in text and not text.endswith("n't") else text
        return cls(
            base,
            start,
            end,
            frozenset(base[:n] for n in range(1, min(len(base), AFFIX_MAX) + 1)),
            frozenset(base[-n:] for n in range(1, min(len(base), AFFIX_MAX) + 1)),
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


class _Wildcards:
    """Words sorted by where their `*` stands: `word`, `word*`, `*word`, `*word*`."""

    __slots__ = ("exact", "infixes", "prefixes", "suffixes")

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.prefixes: set[str] = set()
        self.suffixes: set[str] = set()
        self.infixes: list[str] = []

    def add(self, alt: str, core: str) -> None:
        if (alt.startswith("*") != alt.endswith("*")) and len(core) > AFFIX_MAX:
            from . import patterns

            raise patterns.PatternError(
                f"“{alt}” is a prefix or suffix of more than {AFFIX_MAX} letters"
            )
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


class Part:
    """One word of a phrase: its alternatives, or a gap of a few words."""

    # A plain class rather than a frozen dataclass: thousands are made when the
    # matchers are read from derived/, and a frozen dataclass's __init__ is slow.
    __slots__ = ("exact", "gap", "infixes", "optional", "prefixes", "suffixes")

    def __init__(
        self,
        exact: frozenset[str] = frozenset(),
        prefixes: frozenset[str] = frozenset(),
        suffixes: frozenset[str] = frozenset(),
        infixes: tuple[str, ...] = (),
        optional: bool = False,
        gap: bool = False,
    ) -> None:
        self.exact = exact
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.infixes = infixes
        self.optional = optional
        self.gap = gap

    def _key(self) -> tuple[object, ...]:
        return (self.exact, self.prefixes, self.suffixes, self.infixes, self.optional, self.gap)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Part) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return "Part({!r}, {!r}, {!r}, {!r}, {!r}, {!r})".format(*self._key())

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


def phrases_of(tree: patterns.Seq) -> list[Phrase]:
    """A pattern's sequences as parts the words of a statement are matched against."""
    from . import patterns  # only to build matchers: a run reads them built (derived/)

    out: list[Phrase] = []
    for variant in patterns.variants(tree):
        parts: list[Part] = []
        for item in variant:
            if isinstance(item, patterns.Gap):
                parts.append(Part(gap=True))
            else:
                words = item if isinstance(item, tuple) else (item,)
                parts.append(Part.of([w.text for w in words], False))
        out.append(tuple(parts))
    return out


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


def _first_keys(phrase: Phrase) -> tuple[frozenset[str], frozenset[str]] | None:
    """Words (and word prefixes) a match can start with; None when it can start anywhere."""
    first = phrase[0]
    if first.gap or first.suffixes or first.infixes:
        return None
    return first.exact, first.prefixes


class Matcher:
    """One category of one language, split into fast word lookups and phrases."""

    # A plain class: one is made for each category a statement is judged on, and
    # a dataclass costs time to create when the module is imported.
    __slots__ = (
        "_compiled",
        "anywhere",
        "by_prefix",
        "by_word",
        "exact",
        "infixes",
        "literals",
        "prefixes",
        "regex",
        "suffixes",
    )

    def __init__(
        self,
        exact: frozenset[str] = frozenset(),
        prefixes: frozenset[str] = frozenset(),
        suffixes: frozenset[str] = frozenset(),
        infixes: tuple[str, ...] = (),
        literals: tuple[str, ...] = (),  # Chinese: plain substrings
        # Phrases of several words, indexed by the word (or word prefix) they start
        # with, so that each is tried only where such a word starts.
        by_word: dict[str, list[Phrase]] | None = None,
        by_prefix: dict[str, list[Phrase]] | None = None,
        anywhere: list[Phrase] | None = None,
        regex: str | None = None,  # Chinese, and phrases with symbols ("no. 1")
    ) -> None:
        self.exact = exact
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.infixes = infixes
        self.literals = literals
        self.by_word = by_word if by_word is not None else {}
        self.by_prefix = by_prefix if by_prefix is not None else {}
        self.anywhere = anywhere if anywhere is not None else []
        self.regex = regex
        # Compiled on the first find() that needs it: most categories' expression is
        # never run on a given document, and compiling them all costs milliseconds.
        self._compiled: re.Pattern[str] | None = None

    @classmethod
    def build(cls, entries: list[str], cjk: bool, where: str = "") -> Matcher:
        """The matcher of a category's entries; raises LexiconError for a malformed one."""
        # Imported here: a run reads its matchers built (derived/), and the pattern
        # language's classes cost time to create at import.
        from . import patterns

        words = _Wildcards()
        literals: list[str] = []
        regexes: list[str] = []
        by_word: dict[str, list[Phrase]] = {}
        by_prefix: dict[str, list[Phrase]] = {}
        anywhere: list[Phrase] = []
        for number, entry in enumerate(entries, start=1):
            try:
                tree = patterns.parse(entry)
                if cjk:
                    single = patterns.single_words(tree)
                    if single and all(
                        not w.text.startswith("*") and not w.text.endswith("*") for w in single
                    ):
                        literals += [w.core for w in single]
                    else:
                        regexes.append(patterns.regex(tree, True))
                    continue
                if not patterns.is_tokenised(tree):
                    regexes.append(patterns.regex(tree, False))
                    continue
                single = patterns.single_words(tree)
                if single is not None:
                    for word in single:
                        words.add(word.text, word.core)
                    continue
                for phrase in phrases_of(tree):
                    keys = _first_keys(phrase)
                    if keys is None:
                        anywhere.append(phrase)
                        continue
                    for key in keys[0]:
                        by_word.setdefault(key, []).append(phrase)
                    for key in keys[1]:
                        by_prefix.setdefault(key, []).append(phrase)
            except patterns.PatternError as exc:
                raise LexiconError(f"{where}entry {number} “{entry}”: {exc}") from None
        ordered = sorted(set(regexes), key=lambda r: (-len(r), r))  # stable: the same file each run
        return cls(
            *words.frozen(),
            tuple(literals),
            by_word,
            by_prefix,
            anywhere,
            "|".join(ordered) if ordered else None,
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
        if self.regex is not None:
            compiled = self._compiled
            if compiled is None:
                compiled = self._compiled = re.compile(self.regex)
            spans += [(m.start(), m.end()) for m in compiled.finditer(text) if m.group()]
        if self.by_word or self.by_prefix or self.anywhere:
            parts = pieces(words, text) if parts is None else parts
            for index, token in enumerate(parts):
                tried = list(self.by_word.get(token.text, ()))
                if self.by_prefix:
                    for prefix in token.prefixes & self.by_prefix.keys():
                        tried += self.by_prefix[prefix]
                for phrase in (*tried, *self.anywhere):
                    end = _match(phrase, 0, parts, index, text, None)
                    if end is not None and end > index:
                        spans.append((token.start, parts[end - 1].end))
        return sorted(set(spans))


def category_matcher(data: dict[str, Any], language: str, category: str) -> Matcher:
    """The matcher of one category of a lexicon's `data`."""
    entries = list(data.get(category) or [])
    if category == "verb" and language == "en":
        entries = [form for base in entries for form in english_forms(base)]
    # Entries are folded like the statements they are matched against.
    folded = [fold_pattern(e, language) for e in entries]
    return Matcher.build(folded, language == "zh", f"lexicons/{language}.json: {category}: ")


def combined_matcher(data: dict[str, Any], language: str, categories: tuple[str, ...]) -> Matcher:
    """One matcher for several categories: it finds whatever any of them finds."""
    entries = [e for c in categories for e in (data.get(c) or [])]
    folded = [fold_pattern(e, language) for e in entries]
    return Matcher.build(folded, language == "zh", f"lexicons/{language}.json: ")


_HERE = Path(__file__).parent
# The modules whose code turns entries into matchers.
_BUILT_BY = ("lexicon.py", "patterns.py", "text.py")


def matcher_sources(language: str) -> list[Path]:
    """What the matchers of `language` are built from: if any of these changes, the
    stored matchers are stale. Whole modules rather than the functions that build,
    to be sure: an edit anywhere in them only costs running tools/derive.py."""
    files = [LEXICON_DIR / f"{language}.json", *(_HERE / f for f in _BUILT_BY)]
    if language == "en":
        files.append(DERIVED_DIR / "en_verbs.json")  # the verbs' forms (english_forms)
    if language == "zh":
        files.append(DERIVED_DIR / "zh_traditional.json")  # entries are folded with it
    return files


def matchers_digest(language: str, lexicon_source: bytes | None = None) -> str:
    """A checksum of `matcher_sources`, which the stored matchers must match.

    CRC-32 and the length, as for the check's fast schema: enough to notice any
    edit, and far quicker to load than hashlib."""
    paths = matcher_sources(language)
    first = paths[0].read_bytes() if lexicon_source is None else lexicon_source
    source = b"".join([first, *(path.read_bytes() for path in paths[1:])])
    source = source.replace(b"\r\n", b"\n")  # the same on a checkout with CRLF line ends
    return f"crc32:{zlib.crc32(source):08x}:{len(source)}"


def matchers_data(matchers: dict[str, Matcher]) -> dict[str, Any]:
    """Matchers as plain data for JSON: each distinct part and phrase written once and
    referred to by its place, sets as sorted lists (`Lexicon._stored_matcher` reads it)."""
    parts: dict[Part, int] = {}
    phrases: dict[tuple[int, ...], int] = {}

    def part(p: Part) -> int:
        return parts.setdefault(p, len(parts))

    def phrase(ph: Phrase) -> int:
        return phrases.setdefault(tuple(part(p) for p in ph), len(phrases))

    table: dict[str, Any] = {}
    for key, m in matchers.items():
        table[key] = {
            "exact": sorted(m.exact),
            "prefixes": sorted(m.prefixes),
            "suffixes": sorted(m.suffixes),
            "infixes": list(m.infixes),
            "literals": list(m.literals),
            "by_word": {w: [phrase(ph) for ph in v] for w, v in sorted(m.by_word.items())},
            "by_prefix": {w: [phrase(ph) for ph in v] for w, v in sorted(m.by_prefix.items())},
            "anywhere": [phrase(ph) for ph in m.anywhere],
            "regex": m.regex,
        }
    return {
        "parts": [
            [sorted(p.exact), sorted(p.prefixes), sorted(p.suffixes), list(p.infixes), p.optional]
            + ([True] if p.gap else [])
            for p in parts
        ],
        "phrases": [list(ph) for ph in phrases],
        "matchers": table,
    }


def fold_pattern(entry: str, language: str) -> str:
    """A lexicon entry folded like the statements it is matched against, its `*` kept;
    in Turkish, a stem also in its softened form (`soften`)."""
    folded = "".join(
        "*" if raw == "*" else low for raw, low in zip(entry, fold(entry, language), strict=True)
    )
    return soften(folded) if language == "tr" else folded


# Turkish softens the last consonant of most words of more than one syllable when a
# suffix that starts with a vowel follows: talep, talebiniz; destek, desteğimiz; yetkinlik,
# yetkinliğimiz; git, gideriz; renk, rengi. A stem entry ("talep*") takes both forms. Short
# stems are left as they are: they are mostly one syllable, which keeps its consonant
# (at, atı; süt, sütü), and a softened short stem would be another word's start (ad-).
_SOFTENED = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
_SOFTENS = re.compile(r"(?<![\w*])(\w{3,}?)([pçtk])\*")


def soften(entry: str) -> str:
    """`entry` with each Turkish stem `word*` ending in p, ç, t or k written as both forms."""

    def both(match: re.Match[str]) -> str:
        stem, last = match.group(1), match.group(2)
        softer = "g" if last == "k" and stem.endswith("n") else _SOFTENED[last]
        return f"({stem}{last}*|{stem}{softer}*)"

    return _SOFTENS.sub(both, entry)


class Lexicon:
    """The compiled word lists of one language."""

    # A plain class: importing dataclasses costs `cxphilo check` milliseconds on every run.
    def __init__(self, language: str, data: dict[str, Any], checksum: str = "") -> None:
        self.language = language
        self.data = data
        # `matchers_digest` of the file `data` was read from: what lets the stored
        # matchers be used; "" for data from elsewhere, whose matchers are always built.
        self.checksum = checksum
        self.matchers: dict[str, Matcher] = {}
        self._sets: dict[str, frozenset[str]] = {}
        self._has: dict[tuple[str, str], bool] = {}
        self._tokens: tuple[str, list[Token], list[Token]] = ("", [], [])

    def __repr__(self) -> str:
        return f"Lexicon({self.language!r})"

    @property
    def cjk(self) -> bool:
        return self.language == "zh"

    def matcher(self, category: str) -> Matcher:
        if category not in self.matchers:
            self.matchers[category] = self._stored_matcher(category) or category_matcher(
                self.data, self.language, category
            )
        return self.matchers[category]

    def matcher_of(self, categories: tuple[str, ...]) -> Matcher:
        """One matcher for several categories: it finds whatever any of them finds."""
        key = "|".join(categories)
        if key not in self.matchers:
            self.matchers[key] = self._stored_matcher(key) or combined_matcher(
                self.data, self.language, categories
            )
        return self.matchers[key]

    @cached_property
    def _stored(self) -> dict[str, Any]:
        """derived/matchers_<lang>.json when it was built from this lexicon and code as
        they are now (`matchers_digest`); else nothing, and every matcher is built here."""
        if not self.checksum:  # data not read from the lexicon's file
            return {}
        try:
            path = DERIVED_DIR / f"matchers_{self.language}.json"
            with path.open(encoding="utf-8") as handle:
                stored: dict[str, Any] = json.load(handle)
        except (OSError, ValueError):
            return {}
        return stored if stored.get("checksum") == self.checksum else {}

    @cached_property
    def _stored_phrases(self) -> list[Phrase]:
        parts = [
            Part(frozenset(p[0]), frozenset(p[1]), frozenset(p[2]), tuple(p[3]), p[4], len(p) > 5)
            for p in self._stored["parts"]
        ]
        return [tuple(parts[i] for i in phrase) for phrase in self._stored["phrases"]]

    def _stored_matcher(self, key: str) -> Matcher | None:
        """The stored matcher of `key` (a category, or categories joined by |); None when
        there is none to trust."""
        raw = self._stored.get("matchers", {}).get(key)
        if raw is None:
            return None
        phrases = self._stored_phrases
        return Matcher(
            frozenset(raw["exact"]),
            frozenset(raw["prefixes"]),
            frozenset(raw["suffixes"]),
            tuple(raw["infixes"]),
            tuple(raw["literals"]),
            {w: [phrases[i] for i in v] for w, v in raw["by_word"].items()},
            {w: [phrases[i] for i in v] for w, v in raw["by_prefix"].items()},
            [phrases[i] for i in raw["anywhere"]],
            raw["regex"],
        )

    def finds_any(self, categories: tuple[str, ...], text: str) -> bool:
        """True when a phrase of one of `categories` occurs in `text` (folded): one pass
        instead of one per category, for the many statements that hold none."""
        if self.cjk:
            return bool(self.matcher_of(categories).find(text, []))
        words, parts = self._words(text)
        return bool(self.matcher_of(categories).find(text, words, parts))

    def _words(self, text: str) -> tuple[list[Token], list[Token]]:
        if self._tokens[0] != text:
            words = [self._mend_token(word) for word in tokens(text)]
            parts = [self._mend_token(part) for part in pieces(words, text)]
            self._tokens = (text, words, parts)
        return self._tokens[1], self._tokens[2]

    def statement(self, text: str) -> Statement:
        """`text` made ready for the rules: folded, slips mended, numbers as digits."""
        return Statement(text, self.language, self.numbers, None if self.cjk else self.mend)

    @cached_property
    def _speller(self) -> spelling.Speller:
        table = spelling.spelling(self.language)
        return spelling.Speller(table.known, table.real)

    @cached_property
    def _known(self) -> Part:
        """Every word and stem of every category (tools/derive.py lists them, as
        `vocabulary_of` finds them): what tells a known word from a slip."""
        return Part.of(list(spelling.spelling(self.language).known), optional=False)

    def _meant(self, token: Token) -> str | None:
        """The lexicon's word that `token` was meant to be; None for no slip or a word
        some entry takes as written ("customers" for "customer*")."""
        if len(token.text) < spelling.FUZZY_MIN or self._known.accepts(token):
            return None
        return self._speller.mend(token.text)

    def mend(self, folded: str) -> str:
        """`folded` with each slip that keeps or adds a letter put right in place (a
        letter too many leaves a space), so that every span still points at the words
        typed; a letter left out is mended in the words (`_mend_token`)."""
        out: list[str] = []
        last = 0
        for match in _LONG_WORD.finditer(folded):
            meant = self._meant(Token.of(match.group(), match.start(), match.end()))
            if meant is not None and len(meant) <= len(match.group()) <= len(meant) + 1:
                out += [folded[last : match.start()], meant.ljust(len(match.group()))]
                last = match.end()
        return "".join([*out, folded[last:]]) if out else folded

    def _mend_token(self, token: Token) -> Token:
        meant = self._meant(token)
        return token if meant is None else Token.of(meant, token.start, token.end)

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

    @cached_property
    def numbers(self) -> Numbers | None:
        """Numbers written as words (`numbers` in the lexicon), read as digits; None: none."""
        table = self.data.get("numbers") or {}
        if self.cjk or not table:
            return None
        return Numbers({fold(word, self.language): int(value) for word, value in table.items()})

    def words(self, category: str) -> frozenset[str]:
        if category not in self._sets:
            self._sets[category] = frozenset(self.data.get(category) or [])
        return self._sets[category]

    def number(self, key: str, default: int) -> int:
        value = self.data.get("limits", {}).get(key, default)
        return int(value)


_LONG_WORD = re.compile(rf"[^\W\d_]{{{spelling.FUZZY_MIN},}}")
_ENTRY_WORD = re.compile(r"[^\s()\[\]|~]+")


def vocabulary_of(data: dict[str, Any], language: str) -> set[str]:
    """The words of every entry, with their `*` marks ("reliab*"), folded; words of
    several parts ("e-mail") in their parts."""
    found: set[str] = set()

    def add(text: str) -> None:
        for word in _ENTRY_WORD.findall(fold_pattern(text, language)):
            head, tail = word.startswith("*"), word.endswith("*")
            parts = [p for p in word.strip("*").split("-") if p]
            for i, part in enumerate(parts):
                mark_head = "*" if head and i == 0 else ""
                mark_tail = "*" if tail and i == len(parts) - 1 else ""
                found.add(mark_head + part + mark_tail)

    def walk(value: Any, category: str) -> None:
        if isinstance(value, str):
            add(value)
        elif isinstance(value, list):
            for item in value:
                if category == "verb" and language == "en" and isinstance(item, str):
                    for form in english_forms(item):
                        add(form)
                else:
                    walk(item, category)
        elif isinstance(value, dict):
            for key, item in value.items():
                add(key)
                walk(item, category)

    for category, value in data.items():
        if not category.startswith("_"):
            walk(value, category)
    return found


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of `language`; English for a language without one."""
    if language not in SUPPORTED:
        language = "en"
    source = (LEXICON_DIR / f"{language}.json").read_bytes()
    data = json.loads(source.decode("utf-8"))
    try:
        checksum = matchers_digest(language, source)
    except OSError:  # the modules' source is not installed: build the matchers here
        checksum = ""
    return Lexicon(language, data, checksum)


# Categories that are sets of plain words, read with `Lexicon.words`: no pattern syntax.
WORD_SETS = frozenset(
    {"stopword", "subject", "quantifier", "number_word", "abstract_suffix", "day_range", "list_and"}
)


def entry_matches(language: str, category: str, entry: str, text: str) -> bool:
    """Whether one entry of a category finds something in `text`, judged as a statement is:
    for the lexicons' examples (tests)."""
    lex = lexicon(language)
    entries = [entry]
    if category == "verb" and lex.language == "en":
        entries = english_forms(entry)
    matcher = Matcher.build([fold_pattern(e, lex.language) for e in entries], lex.cjk)
    folded = lex.statement(text).folded
    if lex.cjk:
        return bool(matcher.find(folded, []))
    words = tokens(folded)
    return bool(matcher.find(folded, words, pieces(words, folded)))
