"""The rules of *service*: describes the service a customer gets — not the company's
mission restated, not market position, money, cost or competitor targets."""

from __future__ import annotations

import itertools

from cxphilo.locale import N_

from .judge import (
    MAX_JUDGED,
    Judge,
    merge_spans,
    normal_text,
    overlaps,
)
from .text import Statement, cjk_positions


class Service(Judge):
    """The rules of service, as a part of the judge."""

    def service(self, mission: str | None) -> None:
        kinds = (
            (
                "market",
                N_(
                    "{words}: the company's place in the market, not something a "
                    "customer experiences."
                ),
            ),
            (
                "award",
                N_(
                    "{words}: a ranking or an award for the company, not something a "
                    "customer experiences."
                ),
            ),
            ("money", N_("{words}: a money target, not something a customer experiences.")),
            ("cost", N_("{words}: a cost target, not something a customer experiences.")),
            ("competitor", N_("{words}: about competitors, not something a customer experiences.")),
            (
                "investor",
                N_(
                    "{words}: for investors or owners, who are not its customers, not "
                    "something a customer experiences."
                ),
            ),
        )
        for category, what in kinds:
            found = merge_spans(self.free("service", self.find(category)), self.folded)
            if found:
                self.add(
                    "vision-business-target",
                    found[0],
                    what,
                    N_(
                        "Describe the service from the customer's side: what do they get when "
                        "they contact you?"
                    ),
                    spans=found,
                    quoting=found,
                )
        if mission and self._restates(mission):
            self.add(
                "vision-mission-restated",
                None,
                N_(
                    'The statement repeats the company\'s mission ("{mission}") instead of '
                    "describing the service."
                ),
                N_("Walk through a customer's contact with support and say what they experience."),
                mission=mission.strip(),
            )
        if self.findings_of("service"):
            return
        self._generic_service()
        if self.findings_of("service"):
            return
        # In a bare list of values ("Quality, trust and care") "trust" is not a feeling a
        # customer is given, so outcome words count only outside such a list.
        listed = any(f.rule == "vision-noun-list" for f in self.findings)
        outcome = [] if listed else self.find("outcome")
        # "Ping us on Messenger", "consider it handled": service without a customer noun.
        served = self.find("contact") or self.find("done_for_you")
        if not (self.customer_spans() or self.find("service") or outcome or served):
            self.add(
                "vision-no-customer",
                None,
                N_(
                    "Nothing in the statement names a customer, the service or what it feels like "
                    "to get it."
                ),
                N_('Say who you serve and what they get: "Every <customer> gets ...".'),
            )

    def _generic_service(self) -> None:
        """Stock words about service ("world-class service, second to none", "quality
        solutions for our customers' needs") describe no service: take them away, with the
        people served and the words any sentence has, and see whether anything is left."""
        stock = ("vision-cliche", "vision-vague", "vision-buzzword")
        if not any(f.rule in stock and f.level == "error" for f in self.findings):
            return
        taken = self._taken["simple"] + self.customer_spans() + self.find("generic")
        left = [
            w
            for w in self.content_words()
            if not overlaps((w.start, w.end), taken) and not self.is_abstract(w.text)
        ]
        if left:
            return
        self.add(
            "vision-no-customer",
            None,
            N_("Take away the stock words and nothing is left that a customer gets."),
            N_('Say what a customer gets when they contact you: "every <customer> gets ...".'),
        )

    def _restates(self, mission: str) -> bool:
        other = self.lex.statement(mission[:MAX_JUDGED])
        if normal_text(other.folded) == normal_text(self.folded):
            return True
        mine, theirs = self._stems(self.text), self._stems(other)
        if len(mine) < 2 or not theirs:
            return False
        shared = len(mine & theirs)
        return shared >= 2 and shared / len(mine) >= 0.6

    def _stems(self, text: Statement) -> set[str]:
        if self.lex.cjk:
            chars = [text.folded[i] for i in cjk_positions(text.folded)]
            return {a + b for a, b in itertools.pairwise(chars)}
        stop = self.lex.words("stopword")
        return {
            w.text[:5]
            for w in text.words
            if w.text not in stop and len(w.text) > 1 and not w.text[0].isdigit()
        }

    # -- future
