"""Step 2: the model, its rationale, and customer history for the customer-centric one."""

from __future__ import annotations

import pytest

from cxphilo.workshop import model_choice
from cxphilo.workshop.asker import Table
from cxphilo.workshop.scripted import DEFAULT
from tests.workshop.conftest import MakeRun


def test_customer_centric_asks_how_history_is_kept(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("model", "customer-centric"),
            ("Why", "Riders keep a bike for years and come back."),
            ("history", "A service log per frame number in the help desk."),
        ]
    )
    model_choice.run(run.session)
    m = run.saved().model
    assert m is not None
    assert m.choice == "customer-centric"
    assert m.rationale == "Riders keep a bike for years and come back."
    assert m.customer_history == "A service log per frame number in the help desk."
    tables = [b for b in run.screen.blocks if isinstance(b, Table)]
    assert tables and tables[0].rows[1][0] == "Customer history"  # the trade-offs are shown


def test_issue_centric_does_not_ask_for_history(make_run: MakeRun) -> None:
    run = make_run([("model", "issue-centric"), ("Why", "Most contacts are one-off questions.")])
    model_choice.run(run.session)
    assert run.asker.remaining == 0
    m = run.saved().model
    assert m is not None and m.choice == "issue-centric" and m.customer_history is None


def test_ctrl_c_after_the_choice_keeps_it(make_run: MakeRun) -> None:
    run = make_run([("model", "issue-centric"), ("Why", KeyboardInterrupt)])
    with pytest.raises(KeyboardInterrupt):
        model_choice.run(run.session)
    m = run.saved().model
    assert m is not None and m.choice == "issue-centric" and m.rationale is None


def test_revisit_defaults_to_the_earlier_choice(make_run: MakeRun) -> None:
    run = make_run(
        [("Change which answer", "1"), ("model", DEFAULT), ("Change which answer", DEFAULT)],
        {"company": {"name": "Acme"}, "model": {"choice": "issue-centric", "rationale": "Simple."}},
    )
    run.session.entry = "revisit"
    model_choice.run(run.session)
    assert run.asker.remaining == 0
    m = run.saved().model
    assert m is not None and (m.choice, m.rationale) == ("issue-centric", "Simple.")


def test_choosing_customer_centric_on_a_revisit_asks_for_the_history(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Change which answer", "1"),
            ("model", "customer-centric"),
            ("Change which answer", DEFAULT),  # carry on at the question it now needs
            ("history", "The CRM keeps every contact."),
        ],
        {"company": {"name": "Acme"}, "model": {"choice": "issue-centric", "rationale": "Simple."}},
    )
    run.session.entry = "revisit"
    model_choice.run(run.session)
    assert run.asker.remaining == 0
    m = run.saved().model
    assert m is not None and m.customer_history == "The CRM keeps every contact."
