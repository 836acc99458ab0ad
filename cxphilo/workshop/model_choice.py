"""Step 2, model: issue-centric or customer-centric, with the trade-offs in view."""

from __future__ import annotations

from cxphilo.locale import N_, Words

from . import form
from .asker import Choice, Table
from .form import Field
from .session import Session

TRADE_OFFS = Table(
    N_("Two ways to see a request"),
    ("", N_("Issue-centric"), N_("Customer-centric")),
    (
        (
            N_("Each request is"),
            N_("its own event, solved case by case"),
            N_("part of the customer's story"),
        ),
        (
            N_("Customer history"),
            N_("not needed"),
            N_("needed: a log of past contacts and notes"),
        ),
        (N_("Resources"), N_("lighter to run"), N_("costs more; not right for every company")),
        (N_("Loyalty"), N_("not its focus"), N_("can rise markedly")),
    ),
)
CHOICES = (
    Choice(
        N_("Issue-centric: solve each problem on its own"),
        "issue-centric",
        N_("Lighter to run; each contact starts fresh."),
    ),
    Choice(
        N_("Customer-centric: the problem and the customer as one package"),
        "customer-centric",
        N_("Needs each customer's history at hand; costs more; can raise loyalty."),
    ),
)


def trade_offs(t: Words) -> Table:
    """The trade-offs table in the room's words (its empty corner stays empty)."""
    return Table(
        t(TRADE_OFFS.title),
        tuple(t(column) if column else "" for column in TRADE_OFFS.columns),
        tuple(tuple(t(cell) for cell in row) for row in TRADE_OFFS.rows),
    )


def run(session: Session) -> None:
    """Ask step 2's questions, saving after each answer."""
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 2's questions; the customer history only for a customer-centric model."""
    model = session.doc.model
    t = session.t
    out = [
        form.choice_field(
            "choice",
            t("The model"),
            t("Which model fits the company?"),
            ("model", "choice"),
            [
                Choice(t(c.title), c.value, t(c.description) if c.description else None)
                for c in CHOICES
            ],
            before=lambda s: s.show(trade_offs(s.t)),
        ),
        form.text_field(
            "why",
            t("Why this model"),
            t("Why this model? (your reasons, in a sentence or two)"),
            ("model", "rationale"),
        ),
    ]
    if model is not None and model.choice == "customer-centric":
        out.append(
            form.text_field(
                "history",
                t("Customer history"),
                t("How will each customer's history and internal notes be kept?"),
                ("model", "customer_history"),
                hint=t("(for example: the help desk's customer log; Enter to skip)"),
            )
        )
    return out
