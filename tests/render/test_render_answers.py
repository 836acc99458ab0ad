"""Where each answer of the workshop shows in the documents, and how units are written."""

# Opening hours are shown with an en dash, and Chinese with full-width punctuation.
# ruff: noqa: RUF001

from __future__ import annotations

import re

import pytest

from cxphilo.document import catalogue
from cxphilo.document.model import (
    Benchmark,
    Capacity,
    Company,
    Interpretation,
    Listening,
    MetricEntry,
    Philosophy,
    Recovery,
    RecoveryStep,
    RubricItem,
    Team,
    Value,
)
from cxphilo.render.renderer import render
from cxphilo.render.view import OPEN_UNITS, SCALE_UNITS, UNIT_WORDS, build_view
from cxphilo.storage.store import parse
from tests.conftest import EXAMPLES


def doc(language: str = "en", **parts: object) -> Philosophy:
    return Philosophy(company=Company(name="Acme", language=language), **parts)


def measured(metric: str, value: float, unit: str | None = None, language: str = "en") -> str:
    """The baseline of one metric, as the charter shows it in Markdown."""
    d = doc(
        language,
        values=[Value(name="Speed", metrics=[metric])],
        metrics=[MetricEntry(id=metric, unit=unit, baseline={"value": value})],
    )
    (shown,) = build_view(d).values[0].metrics
    assert shown.baseline is not None
    return shown.baseline.value


# --- units ------------------------------------------------------------------------------------


def test_every_catalogue_unit_is_written_one_known_way() -> None:
    # A unit added to the catalogue must be given a way to be written first.
    for metric in catalogue.CATALOGUE:
        ways = [metric.unit in UNIT_WORDS, metric.unit in SCALE_UNITS, metric.unit in OPEN_UNITS]
        assert ways.count(True) == 1, (metric.id, metric.unit)


def test_the_documents_own_unit_goes_with_every_baseline_and_target() -> None:
    d = parse(
        b"company: {name: Acme}\nvalues: [{name: Speed, metrics: [FRT]}]\n"
        b"metrics: [{id: FRT, unit: minutes, baseline: {value: 240}, target: {value: 60}}]\n",
        "t.yaml",
    ).doc
    text = render(d, "charter", "md")
    assert "| 240 minutes | 60 minutes |" in text
    assert "Unit: minutes." in text
    assert "minutes or hours" not in text  # the catalogue's words are never printed as a unit
    html = render(d, "charter", "html")
    assert "<dd>240 minutes</dd>" in html and "<dd>60 minutes</dd>" in html


def test_an_open_catalogue_unit_is_asked_for_not_guessed() -> None:
    assert measured("FRT", 240) == "240"
    d = doc(
        values=[Value(name="Speed", metrics=["FRT", "CPT"])],
        metrics=[
            MetricEntry(id="FRT", baseline={"value": 240}),
            MetricEntry(id="CPT", target={"value": 30}),
        ],
    )
    for fmt in ("md", "html"):
        text = render(d, "charter", fmt)
        assert "say whether the baseline and target of FRT are in minutes or hours" in text
        assert "say which currency the baseline and target of CPT are in" in text
        assert "— step 5" in text
    # No number, nothing to qualify: no gap.
    d.metrics = []
    assert "minutes or hours" not in render(d, "charter", "md")


def test_catalogue_units_are_written_in_the_documents_language() -> None:
    assert measured("ART", 30) == "30 hours"
    assert measured("ART", 1) == "1 hour"
    assert measured("ART", 30, language="da") == "30 timer"
    assert measured("ASA", 1, language="sv") == "1 sekund"
    assert measured("ASA", 2.5, language="nb") == "2,5 sekunder"
    assert measured("TRAINING", 1, language="tr") == "1 gün"
    assert measured("ART", 4, language="zh") == "4 小时"
    # Scales take no word after the number.
    assert measured("NPS", 38) == "38"
    assert measured("CES", 4.9, language="da") == "4,9"


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "71%"), ("da", "71 %"), ("sv", "71 %"), ("nb", "71 %"), ("tr", "%71"), ("zh", "71%")],
)
def test_a_percentage_is_written_as_the_language_writes_it(language: str, shown: str) -> None:
    assert measured("FCR", 71, language=language) == shown
    d = doc(
        language,
        values=[Value(name="Speed", metrics=["OWN"])],
        metrics=[
            MetricEntry(
                id="OWN", name="Own", measures="How often.", unit="%", baseline={"value": 71}
            )
        ],
    )
    baseline = build_view(d).values[0].metrics[0].baseline
    assert baseline is not None and baseline.value == shown


def test_a_custom_metric_shows_its_unit_direction_aspect_and_formula() -> None:
    text = render(
        parse((EXAMPLES / "northwind-bikes.yaml").read_bytes(), "n.yaml").doc, "charter", "md"
    )
    row = next(line for line in text.splitlines() if line.startswith("| Same-day repairs"))
    assert "· Operational efficiency" in row
    assert "Formula: repairs ready the same day / walk-in repairs x 100." in row
    assert "Unit: %." in row and "Higher is better." in row
    assert "| 52% (30 September 2026) | 70% (30 September 2027) |" in row


def test_a_metric_no_value_names_is_still_shown() -> None:
    d = doc(
        values=[Value(name="Speed", metrics=["FRT"])],
        metrics=[MetricEntry(id="TRAINING", baseline={"value": 6})],
    )
    text = render(d, "charter", "md")
    section = text[text.index("### More metrics we track") :]
    assert "Training days (TRAINING)" in section and "| 6 days |" in section


# --- values, readings, benchmarks -----------------------------------------------------------


def test_the_common_value_shows_beside_a_reworded_value_only() -> None:
    d = doc(
        values=[
            Value(name="Tell it straight", core="Honesty", statement="Say it."),
            Value(name="Quality", core="quality"),
        ]
    )
    text = render(d, "charter", "md")
    assert "### 1. Tell it straight (Honesty)" in text
    assert "### 2. Quality\n" in text and "(quality)" not in text
    assert '<span class="core">Honesty</span>' in render(d, "charter", "html")


def test_each_team_reading_shows_under_its_value_and_the_rest_with_the_teams() -> None:
    d = doc(
        values=[Value(name="Speed")],
        teams=[Team(name="Workshop")],
        listening=Listening(
            methods=["Quarterly survey"],
            interpretations=[
                Interpretation(team="Workshop", value="Speed", reading="We say when."),
                Interpretation(team="Sales", value="Price", reading="Fair, not cheap."),
            ],
        ),
    )
    text = render(d, "charter", "md")
    live = text[text.index("### 1. Speed") : text.index("## How each team lives it")]
    assert "How our teams read it:\n\n- **Workshop:** We say when." in live
    teams = text[text.index("## How each team lives it") :]
    assert "- **Sales** — Price: Fair, not cheap." in teams
    assert "**How we hear how the team reads it:** Quarterly survey" in text


def test_the_rubric_shows_the_benchmark_answers() -> None:
    d = doc(
        values=[Value(name="Quality")],
        hiring={
            "rubric": [
                RubricItem(
                    value="Quality",
                    questions=["When did you fix your own mistake?"],
                    benchmarks=[
                        Benchmark(by="Jonas", answer="I called the rider back."),
                        Benchmark(answer="I checked it twice."),
                    ],
                )
            ]
        },
    )
    text = render(d, "rubric", "md")
    assert "**How the people who live it best answered:**" in text
    assert "> I called the rider back. — *Jonas*\n\n> I checked it twice.\n" in text
    html = render(d, "rubric", "html")
    assert "<footer>— Jonas</footer>" in html


def test_the_playbook_shows_the_teams_own_actions_under_each_step() -> None:
    d = doc(
        recovery=Recovery(
            name="HELP",
            steps=[RecoveryStep(name="Hear", guidance="Listen.", actions=["Open the log."])],
        )
    )
    assert "1. **Hear** — Listen.\n   - Open the log.\n" in render(d, "charter", "md")
    assert "<li>Open the log.</li>" in render(d, "charter", "html")


# --- capacity --------------------------------------------------------------------------------


def test_capacity_is_written_in_words() -> None:
    capacity = Capacity(
        team_size=4,
        days=["mon", "tue", "wed", "thu", "fri", "sun"],
        hours="09:00-17:00",
        day_hours={"sun": "10:00-12:00"},
        channels=["phone", "chat"],
        channel_hours={"chat": "24h"},
    )
    rows = dict(build_view(doc(assessment={"capacity": capacity})).capacity)
    assert rows == {
        "team_size": "4",
        "answer_hours": "Monday–Friday, Sunday, 09:00–17:00 (Sunday 10:00–12:00)",
        "staffed": "phone, chat (around the clock)",
    }
    zh = dict(build_view(doc("zh", assessment={"capacity": capacity})).capacity)
    assert zh["answer_hours"] == "周一至周五、周日，09:00–17:00（周日 10:00–12:00）"
    assert zh["staffed"] == "电话、在线聊天（全天 24 小时）"


def test_the_survey_asks_one_question_per_value() -> None:
    text = render(parse((EXAMPLES / "smedjan-te.yaml").read_bytes(), "s.yaml").doc, "survey", "md")
    assert len(re.findall(r"^1\. ", text, re.M)) == 2
    assert not re.findall(r"^2\. ", text, re.M)
