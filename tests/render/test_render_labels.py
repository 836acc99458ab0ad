"""Every word the documents print is written in each of the six languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxphilo.render.labels import EN, TABLES
from cxphilo.render.templating import builtin_dir
from cxphilo.vocabulary import LANGUAGES

# Keys that are punctuation or patterns rather than words: a language whose way of
# writing them is the English one may leave them out and fall back.
PATTERNS = frozenset(
    {
        "title",
        "default_scale",
        "decimal_mark",
        "percent",
        "day_range",
        "days_hours",
        "day_hours",
        "hours_except",
        "channel_hours",
        "list_sep",
    }
)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_word_has_a_translation(language: str) -> None:
    missing = sorted(set(EN) - set(TABLES[language]) - PATTERNS)
    assert not missing, f"{language} lacks: {missing}"


def test_every_label_a_built_in_template_names_exists() -> None:
    # Keys named in the templates directly (`L.key`, `L["key"]`, `t("key"`, `gap("key"`);
    # keys built from data (`L[m.better]`) are checked by rendering the examples.
    named: set[str] = set()
    for template in Path(builtin_dir()).glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        named |= set(re.findall(r"\bL\.(\w+)", text))
        named |= set(re.findall(r'\bL\["(\w+)"\]', text))
        named |= set(re.findall(r'\bt\("(\w+)"', text))
        named |= {f"gap_{key}" for key in re.findall(r'\bgap\("(\w+)"', text)}
    assert named, "no label found in the templates"
    assert not named - set(EN), sorted(named - set(EN))
