"""Slips of the keyboard in a long word are read as the word meant (criteria/spelling.py)."""

from __future__ import annotations

import pytest

from cxphilo.criteria import judge_vision
from cxphilo.criteria.lexicon import lexicon
from cxphilo.criteria.spelling import Speller, one_slip


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("customer", "cusotmer", True),  # two neighbours swapped
        ("customer", "custmer", True),  # one left out
        ("customer", "cusstomer", True),  # one too many
        ("customer", "custonmer", True),
        ("customer", "cuztomer", True),  # one changed
        ("customer", "customer", False),  # the same word is no slip
        ("customer", "costumer", False),  # two changes
        ("customer", "cstomr", False),
        ("customer", "ucstomre", False),
    ],
)
def test_one_slip(a: str, b: str, expected: bool) -> None:
    assert one_slip(a, b) is expected
    assert one_slip(b, a) is expected


def test_a_speller_mends_words_and_stems_but_not_real_words_or_first_letters() -> None:
    speller = Speller(["customer", "shareholder*", "market*", "*ness", "fast"], real=["markers"])
    assert speller.mend("cusotmer") == "customer"
    assert speller.mend("shareohlders") == "shareholders"
    assert speller.mend("sharehlders") == "shareholders"
    assert speller.mend("markers") is None  # a word of its own
    assert speller.mend("xustomer") is None  # the first letter is taken as typed
    assert speller.mend("fsat") is None  # too short to tell from other words
    assert speller.mend("c" * 41) is None


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("Keep our shareohlders confident that support pays for itself.", "en"),
        ("We are all about making a diffreence for our riders.", "en"),
        ("Sikre eierne god avkatsning gjennom lojale kunder.", "nb"),
    ],
)
def test_a_slip_does_not_turn_a_verdict(typed: str, language: str) -> None:
    meant = {
        "shareohlders": "shareholders",
        "diffreence": "difference",
        "avkatsning": "avkastning",
    }
    right = typed
    for slip, word in meant.items():
        right = right.replace(slip, word)
    assert judge_vision(typed, language).criteria == judge_vision(right, language).criteria
    assert "fail" in judge_vision(typed, language).criteria.values()


def test_what_triggered_a_finding_is_quoted_as_typed() -> None:
    judgement = judge_vision("Keep our shareohlders confident that support pays for itself.")
    (finding,) = [f for f in judgement.findings if f.rule == "vision-business-target"]
    assert "shareohlders" in str(finding.message)


def test_mending_keeps_every_character_in_place() -> None:
    lex = lexicon("en")
    for typed in ["every cusstomer", "every cusotmer", "every custmer", "plain words only"]:
        assert len(lex.mend(typed)) == len(typed)
    assert lex.mend("every cusstomer here") == "every customer  here"
    assert lex.mend("we sell markers") == "we sell markers"
