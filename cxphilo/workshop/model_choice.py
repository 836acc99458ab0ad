"""Step 2, model: issue-centric or customer-centric, with the trade-offs in view."""

from __future__ import annotations

from . import form
from .asker import Choice, Table
from .form import Field
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
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 2's questions; the customer history only for a customer-centric model."""
    model = session.doc.model
    out = [
        form.choice_field(
            "choice",
            "The model",
            "Which model fits the company?",
            ("model", "choice"),
            CHOICES,
            before=lambda s: s.show(TRADE_OFFS),
        ),
        form.text_field(
            "why",
            "Why this model",
            "Why this model? (your reasons, in a sentence or two)",
            ("model", "rationale"),
        ),
    ]
    if model is not None and model.choice == "customer-centric":
        out.append(
            form.text_field(
                "history",
                "Customer history",
                "How will each customer's history and internal notes be kept?",
                ("model", "customer_history"),
                hint="(for example: the help desk's customer log; Enter to skip)",
            )
        )
    return out
