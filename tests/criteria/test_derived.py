"""The criteria's derived tables (tools/derive.py): English verb forms from a
lemmatiser, traditional Chinese folded to simplified, the spelling tables and the
lexicons' built matchers, made once, read at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cxphilo.criteria import judge_vision
from cxphilo.criteria.engine import CLAIM_KINDS
from cxphilo.criteria.lexicon import (
    DERIVED_DIR,
    LEXICON_DIR,
    WORD_SETS,
    Lexicon,
    Matcher,
    category_matcher,
    combined_matcher,
    english_forms,
    lexicon,
    matchers_data,
    matchers_digest,
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


def _built(data: dict[str, Any], language: str, key: str) -> Matcher:
    if "|" in key:
        return combined_matcher(data, language, tuple(key.split("|")))
    return category_matcher(data, language, key)


@pytest.mark.parametrize("language", ["en", "da", "sv", "nb", "tr", "zh"])
def test_the_stored_matchers_are_in_step_with_the_lexicon(language: str) -> None:
    stale = (
        f"derived/matchers_{language}.json is out of step with lexicons/{language}.json "
        "or the code that builds matchers: run python tools/derive.py"
    )
    stored = _table(f"matchers_{language}.json")
    source = (LEXICON_DIR / f"{language}.json").read_bytes()
    assert stored["checksum"] == matchers_digest(language, source), stale
    data = json.loads(source.decode("utf-8"))
    keys = stored["matchers"]
    assert isinstance(keys, dict)
    wanted = {
        c for c, v in data.items() if isinstance(v, list) and not c.startswith("_")
    } - WORD_SETS
    assert wanted | {"|".join(CLAIM_KINDS)} <= set(keys), stale
    built = matchers_data({key: _built(data, language, key) for key in keys})
    assert built == {k: stored[k] for k in ("parts", "phrases", "matchers")}, stale


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_stored_matchers_read_back_as_built(language: str) -> None:
    lex = lexicon(language)
    assert lex._stored, "the lexicon does not use its stored matchers"
    keys = list(lex._stored["matchers"])
    read = {key: lex._stored_matcher(key) for key in keys}
    assert all(read.values())
    assert matchers_data(read) == matchers_data(  # type: ignore[arg-type]
        {key: _built(lex.data, language, key) for key in keys}
    )


def test_a_lexicon_not_read_from_its_file_builds_its_own_matchers() -> None:
    data = json.loads(json.dumps(lexicon("en").data))
    data["cliche"] = ["purple elephant*"]
    lex = Lexicon("en", data)  # no checksum: the stored matchers are not its own
    assert lex._stored == {}
    assert lex.find("cliche", "a purple elephants parade") == [(2, 18)]
    stale = Lexicon("en", lexicon("en").data, "crc32:00000000:0")
    assert stale._stored == {}
    assert stale.find("cliche", "think outside the box") == lexicon("en").find(
        "cliche", "think outside the box"
    )


def test_the_matchers_are_built_the_same_whatever_the_hash_seed() -> None:
    """Python orders a set by its strings' hashes, which change from one process to the
    next: a table built from one would differ from run to run and look out of step."""
    build = (
        "import json, sys\n"
        "from tests.criteria.test_derived import _built\n"
        "from cxphilo.criteria.lexicon import LEXICON_DIR, matchers_data\n"
        "out = {}\n"
        "for language in ('en', 'da', 'sv', 'nb', 'tr', 'zh'):\n"
        "    data = json.loads((LEXICON_DIR / f'{language}.json').read_text('utf-8'))\n"
        "    keys = [c for c, v in data.items() if isinstance(v, list) and c[0] != '_']\n"
        "    out[language] = matchers_data({k: _built(data, language, k) for k in keys})\n"
        "sys.stdout.write(json.dumps(out, sort_keys=True))\n"
    )
    tables = [
        subprocess.run(
            [sys.executable, "-c", build],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert tables[0] and tables[0] == tables[1] == tables[2]
