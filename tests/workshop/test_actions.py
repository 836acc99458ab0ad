"""Step 5: action statements, metrics with units, baselines and targets, technology, brand."""

from __future__ import annotations

import datetime as dt

import pytest

from cxphilo.document import catalogue
from cxphilo.locale import words
from cxphilo.workshop import actions
from cxphilo.workshop.asker import Table
from cxphilo.workshop.scripted import DEFAULT
from tests.workshop.conftest import TODAY, MakeRun

TWO_VALUES = {"company": {"name": "Acme"}, "values": [{"name": "Quality"}, {"name": "Deliver WOW"}]}

SCRIPT = [
    ("Action statement for Quality", "Excellence in everything"),
    ("What now", "use"),  # the suggestion replaces the slogan
    ("really measure Quality", DEFAULT),  # the suggested ones: FCR, CSAT
    ("of your own", ""),
    ("baseline and a target", True),
    ("FCR: today", "71%"),  # the metric's own unit may follow the number
    ("FCR: measured on", "2026-02-27"),
    ("FCR: target", "85"),
    ("FCR: by when", "2026-01-31"),  # refused: before today
    ("FCR: by when", "2027-09-30"),
    ("CSAT: today", "4,5"),
    ("CSAT: measured on", DEFAULT),  # today
    ("CSAT: target", ""),
    ("Technology that reinforces Quality", DEFAULT),
    ("Action statement for Deliver WOW", "I surprise one customer every day"),
    ("really measure Deliver WOW", ["NPS"]),
    ("of your own", "wow moments"),  # refused: not an id
    ("of your own", "WOW_MOMENTS"),
    ("Full name", "Wow moments"),
    ("What does WOW_MOMENTS measure", "Surprises the team logged in a week"),
    ("unit of WOW_MOMENTS", "surprises a week"),
    ("higher or a lower", "higher"),
    ("worked out", "surprises logged / weeks"),
    ("baseline and a target", DEFAULT),  # no
    ("Technology that reinforces Deliver WOW", "A small surprise budget"),
    ("tone", "Warm and plain"),
    ("voice", 'We say "we" and "you"'),
    ("Visuals", ""),
    ("every channel", "The same greeting on every channel"),
]


def test_actions_metrics_and_brand_land_in_the_file(make_run: MakeRun) -> None:
    run = make_run(list(SCRIPT), TWO_VALUES)
    actions.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    quality, wow = doc.values
    assert quality.statement == "Get it right the first time."
    assert quality.metrics == ["FCR", "CSAT"]
    assert "Quality review of conversations" in quality.technology
    assert wow.statement == "I surprise one customer every day"
    assert wow.metrics == ["NPS", "WOW_MOMENTS"]
    assert wow.technology == ["A small surprise budget"]
    metrics = {m.id: m for m in doc.metrics}
    fcr = metrics["FCR"]
    assert fcr.baseline is not None and fcr.target is not None
    assert (fcr.baseline.value, fcr.baseline.date) == (71, dt.date(2026, 2, 27))
    assert (fcr.target.value, fcr.target.date) == (85, dt.date(2027, 9, 30))
    csat = metrics["CSAT"]
    assert csat.baseline is not None and (csat.baseline.value, csat.baseline.date) == (4.5, TODAY)
    assert csat.target is None
    own = metrics["WOW_MOMENTS"]
    assert (own.name, own.measures, own.unit, own.better, own.formula) == (
        "Wow moments",
        "Surprises the team logged in a week",
        "surprises a week",
        "higher",
        "surprises logged / weeks",
    )
    assert doc.brand is not None
    assert (doc.brand.tone, doc.brand.voice, doc.brand.visuals, doc.brand.channels) == (
        "Warm and plain",
        'We say "we" and "you"',
        None,
        "The same greeting on every channel",
    )
    refused = {message: reason for message, _, reason in run.asker.rejected}
    assert "is not after today (2026-03-02)" in refused["FCR: by when?"]
    assert "SAME_DAY" in refused["A metric of your own for Deliver WOW?"]


def test_the_chosen_metrics_are_shown_with_their_definitions(make_run: MakeRun) -> None:
    run = make_run(list(SCRIPT), TWO_VALUES)
    actions.run(run.session)
    tables = {b.title: b for b in run.screen.blocks if isinstance(b, Table)}
    fcr = tables["How Quality is measured"].rows[0]
    assert fcr[:2] == ("FCR", "First Contact Resolution")
    assert "first contact" in fcr[2]
    assert tables["How Deliver WOW is measured"].rows[1] == ("WOW_MOMENTS", "(your own)", "—")


def test_suggested_metrics_are_preselected_and_described(make_run: MakeRun) -> None:
    run = make_run([("Action", ""), ("really measure", KeyboardInterrupt)], TWO_VALUES)
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    asked = run.asker.asked[-1]
    assert asked.kind == "checkbox"
    assert [c.value for c in asked.choices if c.checked] == ["FCR", "CSAT"]
    assert [c.value for c in asked.choices[:2]] == ["FCR", "CSAT"]  # suggested first
    assert len(asked.choices) == len(catalogue.CATALOGUE)  # the whole catalogue to pick from
    fcr = asked.choices[0]
    assert fcr.title.startswith("FCR") and "(suggested)" in fcr.title
    assert fcr.description == (
        "How often a customer's problem is solved in the first contact. (higher is better)"
    )


def test_a_reworded_value_keeps_its_suggestions(make_run: MakeRun) -> None:
    """Tell it straight stands for Honesty: the suggestions follow the core value."""
    data = {
        "company": {"name": "Acme"},
        "values": [{"name": "Tell it straight", "core": "Honesty"}],
    }
    run = make_run(
        [
            ("Action statement for Tell it straight", DEFAULT),
            ("really measure", DEFAULT),
            ("of your own", ""),
            ("baseline and a target", False),
            ("Technology", DEFAULT),
            ("tone", KeyboardInterrupt),
        ],
        data,
    )
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    value = run.saved().values[0]
    assert (
        value.statement == "Tell customers the truth, even when it is not what they hoped to hear."
    )
    assert value.metrics == ["QA", "NPS"]
    assert "Public status page" in value.technology


def test_a_metric_in_minutes_or_hours_asks_which(make_run: MakeRun) -> None:
    data = {"company": {"name": "Acme"}, "values": [{"name": "Speed", "metrics": ["FRT"]}]}
    run = make_run(
        [
            ("Change which answer", "4"),  # the baselines question
            ("baseline and a target", True),
            ("Change which answer", DEFAULT),  # carry on: the new questions
            ("FRT in which unit", "minutes"),
            ("FRT: today", "240 hours"),  # refused: FRT is counted in minutes
            ("FRT: today", "240 min"),
            ("FRT: measured on", "2026-03-09"),  # refused: in the future
            ("FRT: measured on", DEFAULT),
            ("FRT: target", "60"),
            ("FRT: by when", "2026-12-31"),
            ("Technology", DEFAULT),
            ("tone", KeyboardInterrupt),
        ],
        data,
    )
    run.session.entry = "revisit"
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    entry = {m.id: m for m in run.saved().metrics}["FRT"]
    assert entry.unit == "minutes"
    assert entry.baseline is not None and (entry.baseline.value, entry.baseline.date) == (
        240,
        TODAY,
    )
    reasons = [reason for _, _, reason in run.asker.rejected]
    assert reasons == [
        "This metric is counted in minutes: type the number alone.",
        "A baseline is measured already: its date cannot be in the future.",
    ]


def test_ctrl_c_keeps_the_first_values_answers(make_run: MakeRun) -> None:
    script = [*list(SCRIPT[:14]), ("Action statement for Deliver WOW", KeyboardInterrupt)]
    run = make_run(script, TWO_VALUES)
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    doc = run.saved()
    assert doc.values[0].statement == "Get it right the first time."
    assert doc.values[0].metrics == ["FCR", "CSAT"]
    assert doc.values[1].statement is None
    assert doc.brand is None


def test_keeping_a_weak_statement_is_the_teams_call(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Action statement for Passion", "Passion."),
            ("What now", "keep"),
            ("really measure", []),
            ("of your own", ""),
            ("Technology", ""),
            ("tone", KeyboardInterrupt),
        ],
        {"company": {"name": "Acme"}, "values": [{"name": "Passion"}]},
    )
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    value = run.saved().values[0]
    assert value.statement == "Passion."
    assert value.metrics == []
    assert value.technology == []  # no suggestion for this value, and none typed


def test_without_values_only_the_brand_is_asked(make_run: MakeRun) -> None:
    run = make_run([("tone", "Warm"), ("voice", "Plain"), ("Visuals", ""), ("channel", "")])
    actions.run(run.session)
    assert run.asker.remaining == 0
    assert "There are no values yet" in run.screen.text()
    brand = run.saved().brand
    assert brand is not None and (brand.tone, brand.voice) == ("Warm", "Plain")


def test_a_share_stays_between_0_and_100_and_a_worse_target_is_pointed_out(
    make_run: MakeRun,
) -> None:
    data = {"company": {"name": "Acme"}, "values": [{"name": "Quality", "metrics": ["FCR"]}]}
    run = make_run(
        [
            ("Change which answer", "4"),
            ("baseline and a target", True),
            ("Change which answer", DEFAULT),
            ("FCR: today", "150"),  # refused: a share
            ("FCR: today", "80%"),
            ("FCR: measured on", DEFAULT),
            ("FCR: target", "-5"),  # refused
            ("FCR: target", "70"),  # allowed, but pointed out: higher is better
            ("FCR: by when", "2027-01-31"),
            ("Technology", KeyboardInterrupt),
        ],
        data,
    )
    run.session.entry = "revisit"
    with pytest.raises(KeyboardInterrupt):
        actions.run(run.session)
    assert [reason for _, _, reason in run.asker.rejected] == [
        "It is a share between 0 and 100.",
        "It is a share between 0 and 100.",
    ]
    assert "FCR: the target (70) is worse than the baseline (80)" in run.screen.text()


def test_every_unit_a_baseline_can_be_in_has_its_hint_in_the_persons_words() -> None:
    units = {metric.unit for metric in catalogue.CATALOGUE} | actions.UNIT_WORDS
    assert units <= set(actions.UNIT_HINTS)
    frt = next(m for m in catalogue.CATALOGUE if m.id == "FRT")
    danish = words("da")
    assert (
        actions._unit_hint(danish, None, frt)
        == "(i minutter eller timer; Enter for at springe over)"
    )
    assert actions._unit_hint(danish, "hours", frt) == "(i timer; Enter for at springe over)"
    # A unit of the team's own is shown as it was typed.
    assert actions._unit_hint(danish, "kager", None) == "(enhed: kager; Enter for at springe over)"
