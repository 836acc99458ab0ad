"""Folding and the phrase pattern language of the lexicons."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxphilo.criteria.lexicon import LEXICON_DIR, SUPPORTED, english_forms, lexicon
from cxphilo.criteria.text import compile_phrase, fold


@given(st.text(), st.sampled_from(SUPPORTED))
def test_folding_keeps_every_character_in_place(text: str, language: str) -> None:
    # Spans found in the folded text must point at the same words in the original.
    assert len(fold(text, language)) == len(text)


def test_folding_lowers_turkish_i_the_turkish_way() -> None:
    assert fold("İSTANBUL IŞIK", "tr") == "istanbul ışık"
    assert fold("Full\u2011width \uff12\uff14\u00d77", "en") == "full-width 24x7"


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("go the extra mile", "we go   the extra mile", True),
        ("best-in-class", "best in class", True),
        ("best-in-class", "bestinclass", True),
        ("synerg*", "synergies", True),
        ("synerg*", "asynergy", False),
        ("*kunde*", "privatkunder", True),
        ("cut|reduce cost*", "reduce costs", True),
        ("[the] customer is always right", "customer is always right", True),
        ("[the] customer is always right", "the customer is always right", True),
        ("beat ~ competitor*", "beat every single competitor", True),
        ("beat ~ competitor*", "beat a b c d competitor", False),
    ],
)
def test_phrase_patterns(phrase: str, text: str, matches: bool) -> None:
    assert bool(re.search(compile_phrase(phrase), text)) is matches


def test_chinese_phrases_match_inside_a_run_of_characters() -> None:
    assert re.search(compile_phrase("全渠道", cjk=True), "我们全渠道响应")


def test_english_verbs_are_inflected() -> None:
    assert {"help", "helps", "helped", "helping"} <= set(english_forms("help"))
    assert {"solve", "solves", "solved", "solving"} <= set(english_forms("solve"))
    assert {"reply", "replies", "replied"} <= set(english_forms("reply"))


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_lexicon_loads_and_has_the_categories_the_seed_languages_need(language: str) -> None:
    data = json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))
    for category in ("cliche", "buzzword", "always", "instant", "every_channel", "limit",
                     "self_service", "market", "money", "customer", "service"):
        assert data.get(category), f"{language} has no {category} words"
    lex = lexicon(language)
    for category in data:
        if not isinstance(data[category], list):
            continue
        matcher = lex.matcher(category)
        phrases = [p for group in (*matcher.by_word.values(), *matcher.by_prefix.values())
                   for p in group] + matcher.anywhere
        for phrase in phrases:  # every phrase compiles, not only the ones a text tries
            re.compile(compile_phrase(phrase))
        assert isinstance(lex.find(category, "a sample text 24/7"), list)
