"""Every translation has the keys and the placeholders of the English words."""

from __future__ import annotations

import string

import pytest

from cxphilo.render.labels import EN, TABLES, Labels, labels
from cxphilo.vocabulary import LANGUAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", sorted(TABLES))
def test_a_translation_has_no_key_english_lacks(language: str) -> None:
    assert set(TABLES[language]) <= set(EN)


@pytest.mark.parametrize("language", sorted(TABLES))
def test_a_translation_fills_the_same_placeholders(language: str) -> None:
    for key, text in TABLES[language].items():
        assert placeholders(text) == placeholders(EN[key]), (language, key)


def test_every_language_of_the_document_has_words() -> None:
    assert set(LANGUAGES) <= set(TABLES)
    # Danish is complete: nothing of it falls back to English, apart from what is the same.
    danish = labels("da")
    assert danish["purpose"] == "Vores formål"
    assert sum(danish[key] == EN[key] for key in EN) < len(EN) // 5


def test_an_unknown_language_gets_english() -> None:
    assert labels("xx") == EN


def test_labels_read_as_attributes_without_dict_methods() -> None:
    words = Labels({"values": "Support values", "items": "Items"})
    assert words.values == "Support values" and words["items"] == "Items"
    assert "values" in words and "keys" not in words
    with pytest.raises(AttributeError, match="no label 'keys'"):
        _ = words.keys
