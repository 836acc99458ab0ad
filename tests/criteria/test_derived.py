"""The criteria's derived tables (tools/derive.py): English verb forms from a
lemmatiser and traditional Chinese folded to simplified, made once, read at run time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cxphilo.criteria import judge_vision
from cxphilo.criteria.lexicon import (
    DERIVED_DIR,
    LEXICON_DIR,
    english_forms,
    lexicon,
    vocabulary_of,
)
from cxphilo.criteria.text import fold

ROOT = Path(__file__).resolve().parents[2]


def _table(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((DERIVED_DIR / name).read_text(encoding="utf-8"))
    data.pop("_about")
    return data


def test_every_english_verb_has_its_forms() -> None:
    verbs = json.loads((LEXICON_DIR / "en.json").read_text(encoding="utf-8"))["verb"]
    missing = sorted(set(verbs) - set(_table("en_verbs.json")))
    assert not missing, f"no forms for {missing}: run python tools/derive.py"


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("come", {"came", "comes", "coming"}),
        ("commit", {"commits", "committed", "committing"}),
        ("see", {"saw", "seen", "sees", "seeing"}),
        ("put", {"puts", "putting"}),
        ("reply", {"replies", "replied", "replying"}),
    ],
)
def test_irregular_and_doubled_forms(base: str, forms: set[str]) -> None:
    assert forms <= set(english_forms(base))
    assert not {"agreeed", "puted", "seeed"} & set(english_forms(base))


def test_a_verb_in_any_form_makes_a_value_act() -> None:
    from cxphilo.criteria import is_action_statement

    assert is_action_statement("Came back to every rider within the day")
    assert is_action_statement("Committed to the rider until the bike rolls")


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("我們的客服團隊", "我们的客服团队"),
        ("這裡", "这里"),
        ("時間", "时间"),
        ("為您服務", "为您服务"),
    ],
)
def test_traditional_characters_fold_to_simplified(traditional: str, simplified: str) -> None:
    assert fold(traditional, "zh") == simplified
    assert fold(traditional, "en") == traditional  # only Chinese statements are folded so


def test_every_plain_chinese_entry_is_found_written_in_traditional() -> None:
    back = {s: t for t, s in _table("zh_traditional.json").items()}
    lex = lexicon("zh")
    checked = 0
    for category, entries in lex.data.items():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if any(mark in entry for mark in "()[]|~*"):
                continue
            written = "".join(back.get(char, char) for char in entry)
            if written == entry:
                continue
            checked += 1
            assert lex.find(category, fold(written, "zh")), (category, entry, written)
    assert checked > 50


def test_a_vision_in_traditional_characters_is_judged_as_in_simplified() -> None:
    simplified = judge_vision("我们的客服团队全天候为您服务，随时回复每一条消息", "zh")  # noqa: RUF001
    traditional = judge_vision("我們的客服團隊全天候為您服務，隨時回覆每一條消息", "zh")  # noqa: RUF001
    assert [f.rule for f in traditional.findings] == [f.rule for f in simplified.findings]
    assert simplified.findings


def test_the_tables_are_in_step_with_the_lexicons() -> None:
    pytest.importorskip("lemminflect")
    pytest.importorskip("opencc")
    pytest.importorskip("wordfreq")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "derive.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", ["en", "da", "sv", "nb", "tr", "zh"])
def test_the_spelling_table_lists_every_word_of_the_lexicon(language: str) -> None:
    data = json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))
    stored = json.loads((DERIVED_DIR / f"spelling_{language}.json").read_text("utf-8"))
    assert stored["known"] == sorted(vocabulary_of(data, language)), (
        f"derived/spelling_{language}.json is out of step with lexicons/{language}.json: "
        "run python tools/derive.py"
    )
