"""Turkish consonant softening: a stem entry finds the word with a vowel suffix too."""

from __future__ import annotations

import pytest

from cxphilo.criteria.lexicon import entry_matches, fold_pattern, soften


@pytest.mark.parametrize(
    ("entry", "sentence"),
    [
        ("destek*", "Canlı desteğimiz her gün yanınızda."),
        ("talep*", "Talebinizi aynı gün sonuçlandırırız."),
        ("yetkinlik*", "Yetkinliğimiz her konuşmada hissedilir."),
        ("renk*", "Hizmetimizin rengi samimiyettir."),
        ("destek*", "Destek ekibimiz burada."),  # the hard form still counts
    ],
)
def test_a_stem_finds_its_softened_form(entry: str, sentence: str) -> None:
    assert entry_matches("tr", "service", entry, sentence)


def test_short_stems_and_other_languages_keep_their_consonant() -> None:
    assert soften("at*") == "at*"  # at, atı: one syllable keeps it; ad- is another word
    assert not entry_matches("tr", "service", "hat*", "Adımızı herkes bilir.")
    assert soften("*portal*") == "*portal*"  # only stems, not words held inside others
    assert fold_pattern("talep*", "da") == "talep*"  # a Turkish rule, for Turkish only
    assert fold_pattern("talep*", "tr") == "(talep*|taleb*)"


def test_softened_entries_stay_well_formed_inside_groups() -> None:
    assert soften("(destek*|yardım)") == "((destek*|desteğ*)|yardım)"
    assert entry_matches("tr", "service", "(destek*|yardım)", "Desteğinizi bekliyoruz.")
