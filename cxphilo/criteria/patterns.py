"""The lexicons' pattern language, strict: a malformed entry is an error when a lexicon loads.

    word                a whole word: "excellence"
    word*  *word  *wo*  a word starting with, ending with, or holding the letters
    best-in-class       words joined by a hyphen, a space, or nothing ("best in class")
    (a|b c|d)           alternatives, each one or more words: "(always on|on call) support"
    [a|b c]             the same, and optional: "[the] customer comes first"
    ~                   up to three words in between (a few characters in Chinese)

A word may hold the symbols people write inside words ("24/7", "no. 1", "100%",
"#1"). Alternatives are always written in a group: a bare `|` is an error, so
that "always available|on call" can never be read as three odd words again.
Chinese patterns are the same, with no spaces needed between words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .text import WORD_RE


class PatternError(ValueError):
    """A lexicon entry that does not follow the pattern language; says why."""


@dataclass(frozen=True)
class Word:
    """One word of a pattern, with its `*` marks."""

    text: str

    @property
    def core(self) -> str:
        return self.text.strip("*")

    @property
    def starts(self) -> bool:  # "word*": a word starting with it
        return self.text.endswith("*") and not self.text.startswith("*")

    @property
    def ends(self) -> bool:  # "*word": a word ending with it
        return self.text.startswith("*") and not self.text.endswith("*")

    @property
    def holds(self) -> bool:  # "*word*": a word holding it
        return self.text.startswith("*") and self.text.endswith("*")


@dataclass(frozen=True)
class Gap:
    """Up to a few words in between."""


@dataclass(frozen=True)
class Group:
    """Alternatives, each a sequence; `optional` when it may be left out."""

    alternatives: tuple[tuple[Node, ...], ...]
    optional: bool


Node = Word | Gap | Group
Seq = tuple[Node, ...]

_TOKEN = re.compile(r"\s+|[()\[\]|~]|[^\s()\[\]|~]+")
_WORD = re.compile(r"^\*?[^\s*()\[\]|~]+\*?$")
# Besides letters and digits, what people write inside a word: "24/7", "no. 1", "100%",
# "#1", "b&b", "day in, day out", "don't".
_ODD = re.compile(r"[^\w'%/.:#+&,\-]")


def parse(pattern: str) -> Seq:
    """The pattern as a tree; raises PatternError saying what is wrong."""
    tokens = [t for t in _TOKEN.findall(pattern) if not t.isspace()]
    if not tokens:
        raise PatternError("the pattern is empty")
    position = 0

    def sequence(closing: str | None) -> Seq:
        nonlocal position
        items: list[Node] = []
        while position < len(tokens):
            token = tokens[position]
            if token == "|":
                if closing is None:
                    raise PatternError("a | outside ( ) or [ ]: put the alternatives in a group")
                break
            if token in (")", "]"):
                if token != closing:
                    raise PatternError(f"a {token} that closes nothing")
                break
            position += 1
            if token in ("(", "["):
                items.append(group(")" if token == "(" else "]"))
            elif token == "~":
                items.append(Gap())
            elif _WORD.match(token):
                odd = _ODD.search(token.strip("*"))
                if odd:
                    raise PatternError(f"“{token}”: a {odd.group()} is not part of a word")
                items.append(Word(token))
            else:
                raise PatternError(f"“{token}”: a * may stand only at the start or end of a word")
        return tuple(items)

    def group(closing: str) -> Group:
        nonlocal position
        alternatives: list[Seq] = []
        while True:
            alternative = sequence(closing)
            if not alternative:
                raise PatternError("an empty alternative in a group")
            alternatives.append(alternative)
            if position >= len(tokens):
                raise PatternError(f"a group without its closing {closing}")
            token = tokens[position]
            position += 1
            if token == closing:
                return Group(tuple(alternatives), closing == "]")

    tree = sequence(None)
    if position < len(tokens):
        raise PatternError(f"a {tokens[position]} that closes nothing")
    _check_gaps(tree, at_edge=True)
    return tree


def _check_gaps(seq: Seq, at_edge: bool) -> None:
    nodes = list(seq)
    if at_edge and nodes and (isinstance(nodes[0], Gap) or isinstance(nodes[-1], Gap)):
        raise PatternError("a ~ must stand between two words")
    for first, second in itertools.pairwise(nodes):
        if isinstance(first, Gap) and isinstance(second, Gap):
            raise PatternError("two ~ in a row")
    for node in nodes:
        if isinstance(node, Group):
            for alternative in node.alternatives:
                _check_gaps(alternative, at_edge=False)


def words_of(seq: Seq) -> list[Word]:
    """Every word of a pattern, for indexes and checks."""
    out: list[Word] = []
    for node in seq:
        if isinstance(node, Word):
            out.append(node)
        elif isinstance(node, Group):
            for alternative in node.alternatives:
                out += words_of(alternative)
    return out


def single_words(seq: Seq) -> list[Word] | None:
    """The words of a pattern that is one word or a group of single words; else None."""
    if len(seq) != 1:
        return None
    node = seq[0]
    if isinstance(node, Word):
        return [node] if "-" not in node.core else None
    if isinstance(node, Group) and not node.optional:
        found: list[Word] = []
        for alternative in node.alternatives:
            if len(alternative) != 1 or not isinstance(alternative[0], Word):
                return None
            if "-" in alternative[0].core:
                return None
            found.append(alternative[0])
        return found
    return None


def is_tokenised(seq: Seq) -> bool:
    """True when every word is a word of the statement's own tokens (no stray symbols)."""
    for word in words_of(seq):
        for piece in word.core.split("-"):
            if piece and not WORD_RE.fullmatch(piece):
                return False
    return True


# --- variants: a pattern as plain sequences of words and gaps ------------------------------

# A pattern whose optional parts and alternatives make more sequences than this is
# matched with a regular expression instead.
MAX_VARIANTS = 64


def variants(seq: Seq) -> list[list[Word | Gap | tuple[Word, ...]]]:
    """The sequences a pattern stands for: a tuple of words is one word with alternatives."""
    out: list[list[Word | Gap | tuple[Word, ...]]] = [[]]
    for node in seq:
        if isinstance(node, (Word, Gap)):
            pieces: list[list[Word | Gap | tuple[Word, ...]]] = [_split(node)]
        else:
            singles = [a[0] for a in node.alternatives if len(a) == 1 and isinstance(a[0], Word)]
            if len(singles) == len(node.alternatives) and all("-" not in w.core for w in singles):
                pieces = [[tuple(singles)]]
            else:
                pieces = [v for alternative in node.alternatives for v in variants(alternative)]
            if node.optional:
                pieces = [[], *pieces]
        out = [[*head, *tail] for head in out for tail in pieces]
        if len(out) > MAX_VARIANTS:
            raise PatternError(f"more than {MAX_VARIANTS} ways to match: split the entry")
    return [v for v in out if v]


def _split(node: Word | Gap) -> list[Word | Gap | tuple[Word, ...]]:
    """ "best-in-class" is three words."""
    if isinstance(node, Gap) or "-" not in node.core:
        return [node]
    head = "*" if node.text.startswith("*") else ""
    tail = "*" if node.text.endswith("*") else ""
    parts = [p for p in node.core.split("-") if p]
    return [
        Word((head if i == 0 else "") + p + (tail if i == len(parts) - 1 else ""))
        for i, p in enumerate(parts)
    ]


# --- regular expressions: Chinese, and words with symbols ------------------------------------

_SEP = r"[\s\-]+"
_GAP = r"(?:[\s\-]+\S+){0,3}"
_CJK_GAP = r".{0,6}?"


def regex(seq: Seq, cjk: bool) -> str:
    """The regular expression (as text) for a pattern."""
    body = _regex(seq, cjk)
    return body if cjk else r"(?<!\w)" + body + r"(?!\w)"


def _regex(seq: Seq, cjk: bool) -> str:
    sep = "" if cjk else _SEP
    out = ""
    need_sep = False  # a word came before, so the next one needs a separator
    for node in seq:
        if isinstance(node, Gap):
            out += _CJK_GAP if cjk else _GAP  # the gap brings its own separators
            continue
        if isinstance(node, Word):
            rx = _word(node, cjk)
        else:
            rx = "(?:" + "|".join(_regex(a, cjk) for a in node.alternatives) + ")"
        optional = isinstance(node, Group) and node.optional
        if optional and need_sep:
            out += f"(?:{sep}{rx})?"
        elif optional:
            out += f"(?:{rx}{sep})?"  # an optional first word carries its own separator
        else:
            out += (sep if need_sep else "") + rx
            need_sep = True
    return out


def _word(word: Word, cjk: bool) -> str:
    rx = re.escape(word.core)
    if cjk:
        return rx
    rx = rx.replace(r"\-", r"[\s\-]?")
    if word.text.startswith("*"):
        rx = r"\w*" + rx
    if word.text.endswith("*"):
        rx += r"\w*"
    return rx
