"""Write the criteria's derived data: tables made once, here, from dictionaries that
cxphilo does not need at run time.

    pip install lemminflect opencc-python-reimplemented wordfreq
    python tools/derive.py            # rewrite both tables
    python tools/derive.py --check    # exit 1 when a table is out of step with the lexicons

cxphilo/criteria/derived/en_verbs.json
    Every form of each verb in the English lexicon's `verb` category ("come":
    came, comes, coming), from the lemmatiser lemminflect. Run it again after
    adding a verb; tests/criteria/test_derived.py fails until then.
cxphilo/criteria/derived/zh_traditional.json
    Traditional Chinese characters and the simplified character each is folded
    to, from OpenCC's TSCharacters table (one character for one, so that a
    match still points at the characters typed).
cxphilo/criteria/derived/spelling_<lang>.json
    For mending slips of the keyboard (cxphilo/criteria/spelling.py): every word
    and stem of the lexicon (`known`), and the language's real words that are one
    slip from one of them and so must never be mended (`real`), from wordfreq's
    word frequencies (words used at least once in three million, Zipf 2.5).
    Run it again after changing a lexicon; tests/criteria/test_derived.py fails
    until then.
cxphilo/criteria/derived/matchers_<lang>.json
    The lexicon's matchers, built as cxphilo/criteria/lexicon.py builds them
    (every category of patterns, and the claim kinds the engine looks for at
    once), so that a run reads them instead of parsing ~1,600 entries. With the
    checksum of the lexicon and the code they were built from: after an edit to
    either, cxphilo builds them itself (slower, the same verdicts) and
    tests/criteria/test_derived.py fails until this is run again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "cxphilo" / "criteria" / "lexicons"
DERIVED = ROOT / "cxphilo" / "criteria" / "derived"
LANGUAGES = ("en", "da", "sv", "nb", "tr", "zh")


def english_verbs() -> dict[str, list[str]]:
    try:
        import lemminflect
    except ImportError:
        sys.exit("tools/derive.py needs lemminflect: pip install lemminflect")
    verbs = json.loads((LEXICONS / "en.json").read_text(encoding="utf-8"))["verb"]
    table: dict[str, list[str]] = {}
    for base in sorted(set(verbs)):
        found = lemminflect.getAllInflections(base, upos="VERB") or (
            lemminflect.getAllInflectionsOOV(base, upos="VERB")
        )
        # Every past form ("learned", "learnt"), but only the usual spelling of the
        # others: lemminflect's second third-person form of "stay" is "staves".
        forms = {
            form
            for tag, group in found.items()
            for form in (group if tag in ("VBD", "VBN") else group[:1])
        }
        table[base] = sorted(forms - {base})
    return table


def traditional_chinese() -> dict[str, str]:
    try:
        import opencc
    except ImportError:
        sys.exit("tools/derive.py needs OpenCC's tables: pip install opencc-python-reimplemented")
    source = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split()[0] if simplified.split() else ""
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            table[traditional] = first
    return dict(sorted(table.items()))


REAL_ZIPF = 2.5


def spelling_table(language: str) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from cxphilo.criteria import spelling
    from cxphilo.criteria.lexicon import Part, Token, vocabulary_of

    data = json.loads((LEXICONS / f"{language}.json").read_text(encoding="utf-8"))
    known = sorted(vocabulary_of(data, language))
    real: list[str] = []
    if language != "zh":
        try:
            import wordfreq
        except ImportError:
            sys.exit("tools/derive.py needs wordfreq: pip install wordfreq")
        from cxphilo.criteria.text import fold

        taken = Part.of(known, optional=False)  # words some entry takes as written
        speller = spelling.Speller(known, ())
        for word in wordfreq.iter_wordlist(language, "best"):
            if wordfreq.zipf_frequency(word, language) < REAL_ZIPF:
                break
            word = fold(word, language)
            if not word.isalpha() or len(word) < spelling.FUZZY_MIN:
                continue
            if not taken.accepts(Token.of(word, 0, len(word))) and speller.mend(word):
                real.append(word)
    return {"known": known, "real": sorted(set(real))}


def matcher_keys(data: dict[str, object]) -> list[str]:
    """What a lexicon's matchers are stored for: every category of patterns (the plain
    word sets are read as sets) and the categories the engine looks for at once."""
    sys.path.insert(0, str(ROOT))
    from cxphilo.criteria.engine import CLAIM_KINDS
    from cxphilo.criteria.lexicon import WORD_SETS

    keys = [
        category
        for category, value in data.items()
        if isinstance(value, list) and not category.startswith("_") and category not in WORD_SETS
    ]
    return [*keys, "|".join(CLAIM_KINDS)]


def matcher_table(language: str) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from cxphilo.criteria import lexicon

    source = (LEXICONS / f"{language}.json").read_bytes()
    data = json.loads(source.decode("utf-8"))
    matchers = {
        key: (
            lexicon.combined_matcher(data, language, tuple(key.split("|")))
            if "|" in key
            else lexicon.category_matcher(data, language, key)
        )
        for key in matcher_keys(data)
    }
    return {
        "checksum": lexicon.matchers_digest(language, source),
        **lexicon.matchers_data(matchers),
    }


def render(about: str, table: dict[str, object]) -> str:
    lines = [json.dumps({"_about": about}, ensure_ascii=False)[:-1] + ","]
    items = list(table.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        key_, value_ = (json.dumps(x, ensure_ascii=False) for x in (key, value))
        if isinstance(value, list) and len(value) > 8:  # one per line: diffs stay readable
            items_ = [json.dumps(v, ensure_ascii=False) for v in value]
            value_ = "[\n" + ",\n".join(f"    {v}" for v in items_) + "\n  ]"
        elif isinstance(value, dict) and len(value) > 8:  # the same, one key per line
            items_ = [
                f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in value.items()
            ]
            value_ = "{\n" + ",\n".join(f"    {v}" for v in items_) + "\n  }"
        lines.append(f"  {key_}: {value_}{comma}")
    return "\n".join(lines) + "\n}\n"


def _spelling(language: str) -> tuple[str, object]:
    return (
        f"The {language} lexicon's words and stems, and the real words one slip from them "
        "(from wordfreq, CC BY-SA 4.0), written by tools/derive.py.",
        lambda: spelling_table(language),
    )


def _matchers(language: str) -> tuple[str, object]:
    return (
        f"The {language} lexicon's matchers, built by tools/derive.py; read by "
        "cxphilo/criteria/lexicon.py while their checksum holds. Do not edit.",
        lambda: matcher_table(language),
    )


TABLES = {
    "en_verbs.json": (
        "Forms of the English lexicon's verbs, written by tools/derive.py from lemminflect.",
        english_verbs,
    ),
    "zh_traditional.json": (
        "Traditional Chinese characters and their simplified forms, written by "
        "tools/derive.py from OpenCC's TSCharacters.",
        traditional_chinese,
    ),
    **{f"spelling_{language}.json": _spelling(language) for language in LANGUAGES},
    **{f"matchers_{language}.json": _matchers(language) for language in LANGUAGES},
}


def main(argv: list[str]) -> int:
    stale = []
    for name, (about, make) in TABLES.items():
        text = render(about, make())  # type: ignore[operator]
        path = DERIVED / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    for name in stale:
        print(f"{name} is out of step: run python tools/derive.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
