"""The rules of *simple*: simple to understand and act on — no jargon, clichés, words
that say nothing, lists of abstract nouns, or a statement too long to remember."""

from __future__ import annotations

import re

from cxphilo.locale import N_

from .judge import (
    Judge,
    Span,
    merge_spans,
    overlaps,
)
from .text import cjk_positions, fold


class Simple(Judge):
    """The rules of simple, as a part of the judge."""

    def simple(self) -> None:
        cliches = merge_spans(self.find("cliche"), self.folded)
        if cliches:
            self.add(
                "vision-cliche",
                cliches[0],
                N_("{words}: a stock phrase everyone has heard, so nobody acts on it.")
                if len(cliches) == 1
                else N_("{words}: stock phrases everyone has heard, so nobody acts on them."),
                N_("Say in your own words what the team does that a customer would notice."),
                spans=cliches,
                quoting=cliches,
            )
        buzz = merge_spans(self.free("simple", self.find("buzzword")), self.folded)
        if buzz:
            self.add(
                "vision-buzzword",
                buzz[0],
                N_("{words}: business jargon a customer would not say."),
                N_("Swap it for the plain words you would use with a customer: what do they get?"),
                spans=buzz,
                quoting=buzz,
            )
        hedges = self.free("simple", self.find("hedge"))
        escapes = self.find("escape")
        actions = self.actions()
        customers = self.customer_spans()
        if hedges or escapes:
            spans = sorted(hedges + escapes)
            # One hedge in a concrete sentence is a nudge; hedge upon hedge, or a hedge
            # with a way out ("when we can"), promises nothing at all.
            empty = len(spans) > 1 or not (actions and (customers or self.find("service")))
            self.add(
                "vision-hedge",
                spans[0],
                N_("{words}: promises trying, not doing, and leaves a way out.")
                if empty and escapes
                else N_("{words}: promises trying, not doing."),
                N_('Say what the team does: "we answer" rather than "we strive to answer".'),
                level="error" if empty else None,
                spans=spans,
                quoting=spans,
            )
        vague = self.free("simple", self.find("vague"))
        if vague:
            # One empty word in an otherwise concrete sentence is a nudge; two or more
            # make the whole statement generic.
            concrete = bool(actions) and bool(customers) and len(vague) == 1
            self.add(
                "vision-vague",
                vague[0],
                N_("{words}: could be said by any company about anything.")
                if not concrete
                else N_(
                    "{words}: could be said by any company about anything; the rest of the "
                    "statement is concrete."
                ),
                N_(
                    "Name what a customer actually notices: an answer, a fix, a person who "
                    "follows up."
                ),
                level=None if not concrete else "warning",
                quoting=vague,
            )
        self._noun_list(actions)
        self._length()

    def _noun_list(self, actions: list[Span]) -> None:
        if actions:
            return
        if self.lex.cjk:
            chars = cjk_positions(self.folded)
            abstract = self.abstract_spans() + self.find("quality_word")
            covered = sum(1 for i in chars if overlaps((i, i + 1), abstract))
            if chars and covered / len(chars) >= 0.75:
                self.add(
                    "vision-noun-list",
                    None,
                    N_("{words}: abstract words in a row, with no action and no one they are for."),
                    N_("Make it one sentence with a verb: who does what for whom?"),
                    quoting=abstract,
                )
            return
        content = self.content_words()
        qualities = [
            w for w in content if self.is_abstract(w.text) or self.lex.has("quality_word", w.text)
        ]
        if self._bare_list():
            qualities = content
        if (len(content) >= 2 and len(qualities) / len(content) >= 0.75) or (
            len(content) == 1 and qualities
        ):
            spans = [(w.start, w.end) for w in qualities]
            self.add(
                "vision-noun-list",
                None,
                N_("{words}: abstract words with no action and no one they are for."),
                N_("Make it one sentence with a verb: who does what for whom?"),
                quoting=spans,
            )

    def _bare_list(self) -> bool:
        """Words in a row with nothing that acts and nobody they are for: "Trust. Care. Speed."
        — whether or not the lexicon knows the words."""
        if self.customer_spans() or self.find("service") or self.find("contact"):
            return False
        items = [item for item in re.split(r"[.,;:!?/|·•]|\s-\s", self.folded) if item.strip()]
        conjunctions = {fold(w, self.lex.language) for w in self.lex.words("list_and")}
        words = [
            [w for w in item.split() if w not in conjunctions and w.strip("-")] for item in items
        ]
        return len(words) >= 2 and all(1 <= len(item) <= 2 for item in words)

    def _length(self) -> None:
        length = self.length
        error = self.lex.number("length_error", 25)
        warn = self.lex.number("length_warn", 20)
        if length > error:
            self.add(
                "vision-too-long",
                None,
                N_(
                    "The statement has {length} characters; people remember a vision that fits "
                    "in one breath ({limit} characters at most)."
                )
                if self.lex.cjk
                else N_(
                    "The statement has {length} words; people remember a vision that fits in "
                    "one breath ({limit} words at most)."
                ),
                N_("Keep the one idea that matters most and move the details to the values."),
                length=length,
                limit=error,
            )
        elif length > warn:
            self.add(
                "vision-long",
                None,
                N_(
                    "The statement has {length} characters; it is easier to remember with "
                    "{limit} or fewer."
                )
                if self.lex.cjk
                else N_(
                    "The statement has {length} words; it is easier to remember with "
                    "{limit} or fewer."
                ),
                N_("Cut the words a customer would not miss."),
                length=length,
                limit=warn,
            )

    # -- service
