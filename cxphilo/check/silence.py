"""Overruling a finding in the open: disable comments in the file, accepted phrases outside it.

A team that disagrees with a verdict says so where a reviewer sees it:

- in the file, a comment on the finding's line or the line above it, in the
  style of yamllint and ruff:
  `# cxphilo: disable=vision-buzzword,vision-cliche -- our motto since 1999`;
- in the configuration, phrases accepted per rule
  (`accept: {vision-cliche: ["Deliver WOW"]}`): a vision finding whose quoted
  words are all accepted phrases is silenced.

A silenced finding is kept, with how and why, and never fails the check. A
comment naming a rule that does not exist, or silencing nothing, is itself a
warning, so that a stale or misspelt comment does not linger.

Nothing here runs, or is even imported, for a file without `cxphilo:` in it
when no phrase is accepted: the check pays one substring search
(`structure.silencer`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cxphilo.locale import Text
from cxphilo.storage import yamlio

from .findings import Finding, Suppression
from .rules import BY_ID, DISABLE_MARKER, NOT_SILENCED

SYNTAX = "# cxphilo: disable=RULE[,RULE...] -- why"
_DIRECTIVE = re.compile(r"#+\s*cxphilo:\s*(?P<body>.*)", re.S)
_DISABLE = re.compile(r"disable\s*=\s*(?P<ids>.*?)\s*", re.S)
_PHRASE_SPACE = re.compile(r"[\s\-]+")


def phrase_key(phrase: str) -> str:
    """How phrases are compared: case, spacing and hyphens aside ("Best in class")."""
    return _PHRASE_SPACE.sub(" ", phrase.casefold()).strip()


@dataclass
class _Entry:
    rule: str
    column: int
    used: bool = False


@dataclass
class Directive:
    """One `# cxphilo: disable=...` comment: where it is, what it names, why."""

    line: int
    column: int
    entries: list[_Entry] = field(default_factory=list)
    reason: str | None = None
    readable: bool = True


@dataclass(frozen=True)
class Leftover:
    """A warning about a disable comment itself: its rule, message and place."""

    rule: str
    message: Text
    line: int
    column: int
    fix: Text


def read_directives(text: str, positions: yamlio.Positions) -> list[Directive]:
    """Every disable comment in `text` (a `#` inside a value is not a comment)."""
    lines = text.split("\n")
    found: list[Directive] = []
    for comment in yamlio.find_comments(text, positions):
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            continue
        row = lines[comment.line - 1] if comment.line <= len(lines) else comment.text
        start = row.rfind(comment.text)
        column = (start if start >= 0 else 0) + 1
        found.append(_directive(match.group("body"), comment.text, comment.line, column))
    return found


def _directive(body: str, comment: str, line: int, column: int) -> Directive:
    head, dashes, reason = body.partition("--")
    directive = Directive(line, column, reason=reason.strip() or None if dashes else None)
    disable = _DISABLE.fullmatch(head)
    ids = [part.strip() for part in disable.group("ids").split(",")] if disable else []
    if not disable or not any(ids):
        directive.readable = False
        return directive
    search = comment.find("=") + 1
    for rule_id in ids:
        if not rule_id:
            continue
        at = comment.find(rule_id, search)
        search = at + len(rule_id) if at >= 0 else search
        directive.entries.append(_Entry(rule_id, column + (at if at >= 0 else 0)))
    return directive


class Silencer:
    """Decides, finding by finding, whether the team silenced it, and remembers what was used."""

    def __init__(
        self, directives: Sequence[Directive], accept: Mapping[str, frozenset[str]]
    ) -> None:
        self.directives = list(directives)
        self.accept = accept
        self._by_line: dict[int, list[Directive]] = {}
        for directive in self.directives:
            self._by_line.setdefault(directive.line, []).append(directive)

    @classmethod
    def build(
        cls,
        text: str,
        positions: yamlio.Positions,
        accept: Mapping[str, frozenset[str]] | None,
    ) -> Silencer | None:
        """The silencer for one file; None when there is nothing to silence with."""
        directives = read_directives(text, positions) if DISABLE_MARKER in text else []
        if not directives and not accept:
            return None
        return cls(directives, accept or {})

    def judge(self, finding: Finding) -> Suppression | None:
        """How `finding` is silenced, or None when it counts."""
        if finding.rule in NOT_SILENCED:
            return None
        if finding.line is not None and self._by_line:
            chosen: Directive | None = None
            # A comment on the finding's own line comes first, then the one above it.
            for line in (finding.line, finding.line - 1):
                for directive in self._by_line.get(line, ()):
                    for entry in directive.entries:
                        if entry.rule == finding.rule:
                            entry.used = True
                            chosen = chosen or directive
            if chosen is not None:
                return Suppression("inSource", chosen.reason, chosen.line, chosen.column)
        accepted = self.accept.get(finding.rule)
        if accepted and finding.words and all(phrase_key(w) in accepted for w in finding.words):
            quoted = ", ".join(f'"{w}"' for w in finding.words)
            phrase = "phrase" if len(finding.words) == 1 else "phrases"
            return Suppression("external", f"accepted {phrase} {quoted} for {finding.rule}")
        return None

    def leftovers(self) -> list[Leftover]:
        """Warnings about the comments: unknown rules, unreadable comments, nothing silenced."""
        out: list[Leftover] = []
        for directive in self.directives:
            if not directive.readable:
                out.append(
                    Leftover(
                        "disable-unknown-rule",
                        Text("This cxphilo comment names no rule, so it silences nothing."),
                        directive.line,
                        directive.column,
                        Text('Write it as "{syntax}".', syntax=SYNTAX),
                    )
                )
                continue
            below = directive.line + 1
            for entry in directive.entries:
                where = (directive.line, entry.column)
                if entry.rule not in BY_ID:
                    out.append(
                        Leftover(
                            "disable-unknown-rule",
                            _no_such_rule(entry.rule),
                            *where,
                            Text("Use a rule id from the check's output or docs/rules.md."),
                        )
                    )
                elif entry.rule in NOT_SILENCED:
                    out.append(
                        Leftover(
                            "disable-unused",
                            Text("“{rule}” cannot be silenced by a comment.", rule=entry.rule),
                            *where,
                            Text(
                                "Fix the file (a file that cannot be read is not checked at "
                                "all), or change the rule's level under rules: in the "
                                "configuration."
                            ),
                        )
                    )
                elif not entry.used:
                    out.append(
                        Leftover(
                            "disable-unused",
                            Text(
                                "disable={rule} silences nothing: no {rule} finding on line "
                                "{line} or {below}.",
                                rule=entry.rule,
                                line=str(directive.line),
                                below=str(below),
                            ),
                            *where,
                            Text(
                                "Remove it, or move it to the line of the finding or the line "
                                "above."
                            ),
                        )
                    )
        return out


def _no_such_rule(word: str) -> Text:
    import difflib

    close = difflib.get_close_matches(word, list(BY_ID), n=1)
    if close:
        return Text("No rule “{rule}” (did you mean “{close}”?).", rule=word, close=close[0])
    return Text("No rule “{rule}”.", rule=word)


def accepted_phrases(accept: Mapping[str, Sequence[str]] | None) -> dict[str, frozenset[str]]:
    """The configuration's accepted phrases, ready to compare (`phrase_key`)."""
    return {
        rule: frozenset(phrase_key(p) for p in phrases) for rule, phrases in (accept or {}).items()
    }
