"""The built-in suggestions: vague sentence -> value, value -> metrics, teams, playbook."""

from __future__ import annotations

import pytest

from cxphilo.document import catalogue
from cxphilo.locale import words
from cxphilo.vocabulary import LANGUAGES
from cxphilo.workshop import suggestions as lexicon

EN = words("en")


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        ("We want customers to believe what we tell them is true", "en", "Honesty"),
        ("We could trust what they told us", "en", "Honesty"),
        ("They fixed it the first time", "en", "Quality"),
        ("They were quick to answer", "en", "Speed"),
        ("They showed me how to do it myself", "en", "Autonomy"),
        ("They knew me and my bike", "en", "Personalisation"),
        ("They told me about the delay before I had to ask", "en", "Transparency"),
        ("Vi vil have at kunderne kan stole på det vi siger", "da", "Ærlighed"),
        ("De löste det första gången", "sv", "Kvalitet"),
        ("Kundene skal kunne hjelpe seg selv", "nb", "Selvhjulpenhet"),
        ("Müşteriler kendi başına çözebilmeli", "tr", "Özerklik"),
        ("他们很快就回复了", "zh", "速度"),
        ("Honesty", "da", "Ærlighed"),
        ("Ärlighet", "en", "Honesty"),
    ],
)
def test_a_vague_sentence_gets_the_value_it_expresses(
    sentence: str, language: str, value: str
) -> None:
    assert lexicon.suggest_value(sentence, language) == value


def test_no_suggestion_when_nothing_points_to_a_value() -> None:
    assert lexicon.suggest_value("Cheap") is None
    assert lexicon.suggest_value("   ") is None


def test_cues_match_whole_words_only() -> None:
    # "fast" is a cue for speed; "breakfast" must not trigger it.
    assert lexicon.suggest_value("They served a nice breakfast") is None


def test_every_value_is_named_in_every_language_and_complete() -> None:
    for entry in lexicon.lexicon().values:
        assert set(LANGUAGES) <= set(entry.names), entry.key
        assert entry.statement and entry.hiring and entry.strong and entry.survey, entry.key
        assert entry.metrics and entry.technology, entry.key


def test_every_suggested_metric_is_in_the_catalogue() -> None:
    ids = {m for e in lexicon.lexicon().values for m in e.metrics}
    ids |= {m for t in lexicon.default_teams(EN) for m in t.metrics}
    assert ids
    assert not [m for m in ids if catalogue.find(m) is None]


def test_the_methods_table_of_values_and_metrics() -> None:
    assert lexicon.metrics_for("Integrity") == ("NPS", "QA")
    assert lexicon.metrics_for("Quality") == ("FCR", "CSAT")
    assert lexicon.metrics_for("Speed") == ("FRT", "AHT")
    assert lexicon.metrics_for("Loyalty") == ("CRR", "AOV")
    assert lexicon.metrics_for("Autonomy") == ("CES",)
    assert lexicon.metrics_for("Kvalitet") == ("FCR", "CSAT")
    assert lexicon.metrics_for("Deliver WOW") == ()


def test_technology_hiring_and_survey_suggestions() -> None:
    assert "Knowledge base" in lexicon.technology_for("autonomy", EN)
    questions, strong = lexicon.hiring_for("Delight", EN)
    assert "how lucky are you" in questions[0]
    assert strong
    assert lexicon.hiring_for("Deliver WOW", EN) == ((), None)
    assert lexicon.survey_for("Deliver WOW", EN).startswith("What does “Deliver WOW” mean")


def test_the_default_teams_and_the_help_playbook() -> None:
    teams = lexicon.default_teams(EN)
    assert [t.name for t in teams] == [
        "Support",
        "Sales",
        "Design",
        "Product",
        "HR",
        "Leadership",
        "Marketing",
    ]
    teams[0].name = "changed"
    assert lexicon.default_teams(EN)[0].name == "Support"  # callers get copies
    playbook = lexicon.default_recovery(EN)
    assert playbook.name == "HELP"
    assert "".join(s.name[0] for s in playbook.steps) == "HELP"


def test_the_suggestions_come_in_the_language_they_are_asked_in() -> None:
    """What the team accepts goes into its file, so it is in the document's language."""
    danish = words("da")
    assert lexicon.statement_for("Honesty", danish) != lexicon.statement_for("Honesty", EN)
    assert lexicon.default_teams(danish)[0].activities != lexicon.default_teams(EN)[0].activities
    assert lexicon.default_recovery(danish).steps[0].guidance != (
        lexicon.default_recovery(EN).steps[0].guidance
    )
    question = lexicon.survey_for("Sjov", danish)
    assert "Sjov" in question and question != lexicon.survey_for("Sjov", EN)


def test_is_statement() -> None:
    assert lexicon.is_statement("They were quick")
    assert not lexicon.is_statement("Deliver WOW")
    assert lexicon.is_statement("他们很快就回复了")
    assert not lexicon.is_statement("诚实")
