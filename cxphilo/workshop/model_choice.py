"""Step 2, model: issue-centric or customer-centric, with the trade-offs in view."""

from __future__ import annotations

from cxphilo.model import SupportModel

from .asker import Choice, Table
from .session import Session

TRADE_OFFS = Table(
    "Two ways to see a request",
    ("", "Issue-centric", "Customer-centric"),
    (
        ("Each request is", "its own event, solved case by case", "part of the customer's story"),
        ("Customer history", "not needed", "needed: a log of past contacts and notes"),
        ("Resources", "lighter to run", "costs more; not right for every company"),
        ("Loyalty", "not its focus", "can rise markedly"),
    ),
)
CHOICES = (
    Choice(
        "Issue-centric: solve each problem on its own",
        "issue-centric",
        "Lighter to run; each contact starts fresh.",
    ),
    Choice(
        "Customer-centric: the problem and the customer as one package",
        "customer-centric",
        "Needs each customer's history at hand; costs more; can raise loyalty.",
    ),
)


def run(session: Session) -> None:
    """Ask step 2's questions, saving after each answer."""
    doc = session.doc
    session.show(TRADE_OFFS)
    m = doc.model = doc.model or SupportModel()
    m.choice = session.select("Which model fits the company?", CHOICES, default=m.choice)
    session.save()
    m.rationale = session.optional(
        "Why this model? (your reasons, in a sentence or two)", m.rationale
    )
    session.save()
    if m.choice == "customer-centric":
        m.customer_history = session.optional(
            "How will each customer's history and internal notes be kept?",
            m.customer_history,
            instruction="(for example: the help desk's customer log; Enter to skip)",
        )
        session.save()
