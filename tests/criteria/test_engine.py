"""The criteria engine called directly: its interface, each rule firing and staying quiet."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from cxphilo.criteria import (
    VISION_RULES,
    Judgement,
    VisionFinding,
    is_action_statement,
    judge_vision,
)
from cxphilo.document.model import Capacity
from cxphilo.vocabulary import CRITERIA


@dataclass
class Cap:
    team_size: int | None = None
    days: list[str] = field(default_factory=list)
    hours: str | None = None
    channels: list[str] = field(default_factory=list)
    day_hours: dict[str, str] = field(default_factory=dict)
    channel_hours: dict[str, str] = field(default_factory=dict)


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
SMALL_PHONE = Cap(2, WEEKDAYS, "09:00-17:00", ["phone"])
ROUND_THE_CLOCK = Cap(40, [*WEEKDAYS, "sat", "sun"], "24h", ["phone", "email", "chat", "social"])


def rules_of(judgement: Judgement) -> set[str]:
    return {f.rule for f in judgement.findings}


@pytest.mark.parametrize(
    "statement",
    [
        "We create happiness",
        "Amazing service",
        "We are ladies and gentlemen serving ladies and gentlemen",
        "We are Ladies and Gentlemen serving Ladies and Gentlemen",
        "Amazing Service",
    ],
)
def test_the_seed_exemplary_visions_pass_all_three(statement: str) -> None:
    judgement = judge_vision(statement)
    assert judgement.criteria == {"simple": "pass", "service": "pass", "future": "pass"}
    assert judgement.passed
    assert not [f for f in judgement.findings if f.level == "error"]


def test_the_interface_the_workshop_relies_on() -> None:
    judgement = judge_vision(
        "We go the extra mile 24/7.",
        language="en",
        mission="Sell bicycles.",
        capacity=Capacity(team_size=2, days=["mon"], hours="09:00-17:00", channels=["phone"]),
    )
    assert set(judgement.criteria) == {"simple", "service", "future"}
    assert set(judgement.criteria.values()) <= {"pass", "fail"}
    assert judgement.criteria["simple"] == "fail"
    assert judgement.criteria["future"] == "fail"
    for finding in judgement.findings:
        assert isinstance(finding, VisionFinding)
        assert finding.criterion in CRITERIA
        assert finding.level in ("error", "warning", "info")
        assert str(finding.message) and str(finding.fix)
        assert finding.rule in {rule.id for rule in VISION_RULES}
        if finding.span is not None:
            start, end = finding.span
            assert 0 <= start < end <= len(judgement.statement)


def test_a_finding_quotes_the_words_that_triggered_it_and_spans_them() -> None:
    statement = "Every rider can call us 24/7."
    judgement = judge_vision(statement, capacity=SMALL_PHONE)
    promise = next(f for f in judgement.findings if f.rule == "vision-overpromise")
    assert promise.span is not None
    assert statement[promise.span[0] : promise.span[1]] == "24/7"
    assert '"24/7"' in str(promise.message)
    assert "Mon–Fri 09:00–17:00" in str(promise.message)  # noqa: RUF001 (the en dash is meant)
    assert str(promise.fix).startswith(
        "A promise of opening hours. The capacity says: 2 people answer"
    )


def test_an_empty_statement_fails_with_one_clear_finding() -> None:
    judgement = judge_vision("   ")
    assert judgement.criteria == dict.fromkeys(CRITERIA, "fail")
    assert [f.rule for f in judgement.findings] == ["vision-empty"]


def test_an_unknown_language_is_judged_with_the_english_lists() -> None:
    assert judge_vision("Synergy.", language="xx").criteria["simple"] == "fail"


# --- every rule fires on a statement made for it, and stays quiet on a good one -----------

GOOD = "Every rider gets back on the road with one person who owns the problem."

FIRES: list[tuple[str, str, dict[str, object]]] = [
    ("vision-cliche", "We go above and beyond for every rider.", {}),
    ("vision-buzzword", "We leverage synergies for every rider.", {}),
    ("vision-vague", "Excellence in all things.", {}),
    ("vision-noun-list", "Innovation. Passion. Excellence.", {}),
    ("vision-too-long", " ".join(["Every rider gets help"] * 8) + ".", {}),
    (
        "vision-long",
        "Every rider who calls us gets a straight answer, a clear next step "
        "and one person who stays with the problem until it is solved.",
        {},
    ),
    ("vision-hedge", "We strive to get every rider back on the road.", {}),
    ("vision-no-customer", "We will be bold, fast and different.", {}),
    (
        "vision-mission-restated",
        "Sell bicycles to families across the country.",
        {"mission": "Sell bicycles to families across the country."},
    ),
    ("vision-business-target", "Double our profit margin by 2030.", {}),
    ("vision-overpromise", "Help for every rider, day and night.", {"capacity": SMALL_PHONE}),
    ("vision-unchecked-promise", "Help for every rider, day and night.", {}),
    ("vision-bare-metric", "Answer 90 percent of calls within 30 seconds.", {}),
]


@pytest.mark.parametrize(("rule", "statement", "context"), FIRES, ids=[f[0] for f in FIRES])
def test_each_rule_fires(rule: str, statement: str, context: dict[str, object]) -> None:
    judgement = judge_vision(statement, **context)  # type: ignore[arg-type]
    assert rule in rules_of(judgement), judgement.findings


@pytest.mark.parametrize(("rule", "statement", "context"), FIRES, ids=[f[0] for f in FIRES])
def test_each_rule_stays_quiet_on_a_good_statement(
    rule: str, statement: str, context: dict[str, object]
) -> None:
    context = {**context, "mission": "Sell bicycles.", "capacity": ROUND_THE_CLOCK}
    assert rule not in rules_of(judge_vision(GOOD, **context))  # type: ignore[arg-type]


def test_every_vision_rule_is_exercised_above() -> None:
    covered = {rule for rule, _, _ in FIRES} | {"vision-empty"}
    assert covered == {rule.id for rule in VISION_RULES}


# --- the honesty rule ---------------------------------------------------------------------


def test_a_promise_the_capacity_supports_is_not_a_failure() -> None:
    statement = "Support that never sleeps, on every channel."
    assert judge_vision(statement, capacity=SMALL_PHONE).criteria["future"] == "fail"
    assert judge_vision(statement, capacity=ROUND_THE_CLOCK).criteria["future"] == "pass"


def test_self_service_day_and_night_beside_people_on_weekdays_is_honest() -> None:
    capacity = Cap(2, WEEKDAYS, "09:00-17:00", ["email", "self-service"])
    statement = "Help yourself any hour in our help centre, or write to a person on weekdays."
    judgement = judge_vision(statement, capacity=capacity)
    assert judgement.criteria["future"] == "pass", judgement.findings


def test_self_service_promised_without_a_self_service_channel_is_not() -> None:
    statement = "Answers in our help centre around the clock."
    judgement = judge_vision(statement, capacity=SMALL_PHONE)
    assert judgement.criteria["future"] == "fail"


def test_a_promise_limited_by_its_own_words_is_honest() -> None:
    judgement = judge_vision(
        "A real person on the phone whenever we are open.", capacity=SMALL_PHONE
    )
    assert judgement.criteria["future"] == "pass", judgement.findings


def test_a_channel_the_team_does_not_staff_is_an_overpromise() -> None:
    judgement = judge_vision("Chat with a person who knows bikes.", capacity=SMALL_PHONE)
    assert "vision-overpromise" in rules_of(judgement)
    assert (
        judge_vision("Chat with a person who knows bikes.", capacity=ROUND_THE_CLOCK).criteria[
            "future"
        ]
        == "pass"
    )


def test_without_a_capacity_a_promise_is_a_warning_not_a_failure() -> None:
    judgement = judge_vision("Help for every rider, 24/7.")
    assert judgement.criteria["future"] == "pass"
    assert [f.level for f in judgement.findings if f.rule == "vision-unchecked-promise"] == [
        "warning"
    ]


def test_a_number_beside_a_customer_outcome_is_a_warning() -> None:
    judgement = judge_vision("Every rider feels heard, and 95% of them say so.")
    levels = {f.level for f in judgement.findings if f.rule == "vision-bare-metric"}
    assert levels == {"warning"}
    assert judgement.criteria["future"] == "pass"


def test_a_year_is_not_a_statistic() -> None:
    assert "vision-bare-metric" not in rules_of(judge_vision("Every rider rides safer by 2030."))


@pytest.mark.parametrize(
    ("language", "statement"),
    [
        ("da", "Vi er altid klar til at hjælpe, døgnet rundt."),
        ("sv", "Hjälp dygnet runt, alla dagar i veckan."),
        ("nb", "Vi er alltid tilgjengelige, døgnet rundt."),
        ("tr", "7/24 her kanalda anında destek."),
        ("zh", "全天候、全渠道、即时响应。"),
    ],
)
def test_the_honesty_rule_in_the_seed_languages(language: str, statement: str) -> None:
    assert judge_vision(statement, language, capacity=SMALL_PHONE).criteria["future"] == "fail"
    assert judge_vision(statement, language, capacity=ROUND_THE_CLOCK).criteria["future"] == "pass"


@pytest.mark.parametrize(
    ("language", "statement"),
    [
        ("da", "Kunden har altid ret."),
        ("sv", "Vi strävar efter excellens i allt vi gör."),
        ("nb", "Vi går den ekstra milen for kundene."),
        ("tr", "Müşteri her zaman haklıdır."),
        ("zh", "顾客就是上帝。"),
    ],
)
def test_cliches_in_the_seed_languages(language: str, statement: str) -> None:
    judgement = judge_vision(statement, language)
    assert judgement.criteria["simple"] == "fail"
    assert rules_of(judgement) & {"vision-cliche", "vision-buzzword", "vision-vague"}


@pytest.mark.parametrize(
    ("language", "mission"),
    [
        ("da", "Blive Danmarks største cykelbutik."),
        ("sv", "Bli Sveriges största cykelhandlare."),
        ("nb", "Bli Norges største nettbutikk for sportsutstyr."),
        ("tr", "Türkiye'nin en büyük kitapçısı olmak."),
        ("zh", "成为中国最大的自行车零售商。"),
    ],
)
def test_the_mission_restated_in_the_seed_languages(language: str, mission: str) -> None:
    judgement = judge_vision(mission, language, mission=mission)
    assert "vision-mission-restated" in rules_of(judgement)
    assert judgement.criteria["service"] == "fail"


def test_chinese_is_read_on_characters() -> None:
    # No spaces: the words are found inside the run of characters.
    statement = "让每一位骑行者都能在第一次联系时解决问题。"
    judgement = judge_vision(statement, "zh", capacity=SMALL_PHONE)
    assert judgement.passed, judgement.findings
    assert judge_vision("诚信、品质、创新。", "zh").criteria["simple"] == "fail"


def test_turkish_dotted_and_dotless_i_are_folded_correctly() -> None:
    assert "vision-cliche" in rules_of(judge_vision("MÜŞTERİ HER ZAMAN HAKLIDIR.", "tr"))


# --- action statements (the values of step 5) --------------------------------------------


@pytest.mark.parametrize(
    ("statement", "language", "acts"),
    [
        ("Say what you mean.", "en", True),
        ("Get it right the first time.", "en", True),
        ("Treat every customer with urgency.", "en", True),
        ("Innovate.", "en", True),
        ("I build strong relationships and create guests for life.", "en", True),
        ("Passion.", "en", False),
        ("Excellence in everything.", "en", False),
        ("Quality first.", "en", False),
        ("Integrity and respect.", "en", False),
        ("Ge varje kund ett råd som om det vore till en vän.", "sv", True),
        ("Kvalitet och omtanke.", "sv", False),
        ("Giv hver kunde et ærligt svar.", "da", True),
        ("Hjelp hver kunde videre.", "nb", True),
        ("诚信。", "zh", False),
        ("让每位顾客放心。", "zh", True),
    ],
)
def test_action_statements(statement: str, language: str, acts: bool) -> None:
    assert is_action_statement(statement, language) is acts
