"""Folding and the phrase pattern language of the lexicons."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxphilo.criteria import patterns
from cxphilo.criteria.lexicon import (
    AFFIX_MAX,
    LEXICON_DIR,
    SUPPORTED,
    LexiconError,
    Matcher,
    Token,
    english_forms,
    lexicon,
    pieces,
    tokens,
)
from cxphilo.criteria.text import fold


@given(st.text(), st.sampled_from(SUPPORTED))
def test_folding_keeps_every_character_in_place(text: str, language: str) -> None:
    # Spans found in the folded text must point at the same words in the original.
    assert len(fold(text, language)) == len(text)


def test_folding_reads_turkish_dotted_and_dotless_i_as_one_letter() -> None:
    # Capitals typed on any keyboard ("BIRKAÇ" for "birkaç") find what the lexicon lists.
    assert fold("İSTANBUL IŞIK", "tr") == fold("istanbul ışık", "tr") == "istanbul işik"
    assert fold("BIRKAÇ DAKIKA", "tr") == fold("birkaç dakika", "tr")
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
        ("(cut|reduce) cost*", "reduce costs", True),
        ("(always on|on call) support", "on call support", True),
        ("[the] customer is always right", "customer is always right", True),
        ("[the] customer is always right", "the customer is always right", True),
        ("beat ~ competitor*", "beat every single competitor", True),
        ("beat ~ competitor*", "beat a b c d competitor", False),
    ],
)
def test_phrase_patterns(phrase: str, text: str, matches: bool) -> None:
    assert bool(re.search(patterns.regex(patterns.parse(phrase), False), text)) is matches


def test_chinese_phrases_match_inside_a_run_of_characters() -> None:
    assert re.search(patterns.regex(patterns.parse("全渠道"), True), "我们全渠道响应")


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("always available|on call", "a | outside ( ) or [ ]"),
        ("(always available|)", "an empty alternative"),
        ("(always available", "without its closing )"),
        ("always]", "a ] that closes nothing"),
        ("syn*ergy", "a * may stand only at the start or end"),
        ("~ beat", "a ~ must stand between two words"),
        ("beat ~ ~ rival", "two ~ in a row"),
        ("", "the pattern is empty"),
    ],
)
def test_a_malformed_pattern_is_refused_with_its_reason(pattern: str, reason: str) -> None:
    with pytest.raises(patterns.PatternError, match=re.escape(reason)):
        patterns.parse(pattern)


def test_a_malformed_entry_names_its_file_category_and_entry() -> None:
    with pytest.raises(LexiconError) as caught:
        Matcher.build(["fine", "always available|on call"], cjk=False, where="en.json: always: ")
    assert str(caught.value) == (
        "en.json: always: entry 2 “always available|on call”: a | outside ( ) or [ ]: "
        "put the alternatives in a group"
    )


def test_a_word_costs_the_same_however_long_it_is() -> None:
    # Every prefix and suffix of a 40,000-letter word would take gigabytes.
    word = Token.of("a" * 40_000 + "ble", 0, 40_003)
    assert len(word.prefixes) == len(word.suffixes) == AFFIX_MAX
    assert "able" in word.suffixes and "a" * AFFIX_MAX in word.prefixes
    matcher = Matcher.build(["reli*", "*ble", "plain"], cjk=False)
    assert matcher.word(word) and not matcher.word(Token.of("x" * 40_000, 0, 40_000))


def test_an_affix_longer_than_words_are_looked_up_by_is_refused() -> None:
    with pytest.raises(LexiconError, match=f"more than {AFFIX_MAX} letters"):
        Matcher.build(["x" * (AFFIX_MAX + 1) + "*"], cjk=False)
    Matcher.build(["x" * (AFFIX_MAX + 1)], cjk=False)  # a whole word of any length is fine


def test_english_verbs_are_inflected() -> None:
    assert {"help", "helps", "helped", "helping"} <= set(english_forms("help"))
    assert {"solve", "solves", "solved", "solving"} <= set(english_forms("solve"))
    assert {"reply", "replies", "replied"} <= set(english_forms("reply"))


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_lexicon_loads_and_has_the_categories_the_seed_languages_need(language: str) -> None:
    data = json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))
    for category in (
        "cliche",
        "buzzword",
        "always",
        "instant",
        "every_channel",
        "limit",
        "self_service",
        "market",
        "money",
        "customer",
        "service",
    ):
        assert data.get(category), f"{language} has no {category} words"
    lex = lexicon(language)
    for category in data:
        if not isinstance(data[category], list):
            continue
        lex.matcher(category)  # every entry parses (a malformed one raises LexiconError)
        assert isinstance(lex.find(category, "a sample text 24/7"), list)


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("go the extra mile", "we go the extra mile", "go the extra mile"),
        ("go the extra mile", "we go the extra, mile", None),
        ("best-in-class", "best in class support", "best in class"),
        ("best-in-class", "our best-in-class support", "best-in-class"),
        ("[the] customer is always right", "customer is always right", "customer is always right"),
        ("beat ~ competitor*", "beat every single competitor", "beat every single competitor"),
        ("beat ~ competitor*", "beat a b c d competitor", None),
        ("[top|number-one] priority", "our number one priority", "number one priority"),
        ("[top|number-one] priority", "our priority", "priority"),
        ("(always available|on call) support", "on call support", "on call support"),
        ("no. 1", "the no. 1 shop", "no. 1"),
    ],
)
def test_phrases_match_on_the_words_of_a_statement(
    phrase: str, text: str, found: str | None
) -> None:
    matcher = Matcher.build([phrase], cjk=False)
    words = tokens(text)
    spans = matcher.find(text, words, pieces(words, text))
    assert (text[spans[0][0] : spans[0][1]] if spans else None) == found
