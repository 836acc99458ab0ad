"""How well the vision criteria agree with people, per criterion and language, and how steady.

Run: python tests/benchmarks/bench_criteria.py [--misses] [--set NAME]

For every labelled set (the project's own cases, the shared development set
when it is there, the fresh set's tuning part and its held-out part) prints
the share of verdicts that agree with the labels, per criterion and per
language. Then a robustness probe: each statement of the fresh sets is
edited in ways that keep its meaning (letter case, a hyphen, a plural, a
tense, a typo, a synonym, the order of two clauses) and the share of
verdicts that flip is printed per kind of edit. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cxphilo.criteria import CRITERIA, judge_vision  # noqa: E402

SETS = {
    "own": ROOT / "tests" / "criteria" / "labelled_visions.yaml",
    "dev": ROOT.parent / "shared" / "fixtures" / "visions-dev.yaml",
    "fresh-tune": ROOT / "tests" / "criteria" / "fresh" / "tune.yaml",
    "fresh-held-out": ROOT / "tests" / "criteria" / "fresh" / "held_out.yaml",
}
LANGUAGES = ("en", "da", "sv", "nb", "tr", "zh")


@dataclass
class Cap:
    """A declared capacity, as the criteria read it."""

    team_size: int | None = None
    days: list[str] = field(default_factory=list)
    hours: str | None = None
    day_hours: dict[str, str] = field(default_factory=dict)
    channels: list[str] = field(default_factory=list)
    channel_hours: dict[str, str] = field(default_factory=dict)


def _accepts(name: str) -> bool:
    return name in inspect.signature(judge_vision).parameters


def judge(item: dict[str, Any], vision: str | None = None) -> dict[str, str]:
    """The criteria's verdicts on an item (or on another wording of its vision)."""
    capacity = Cap(**item["capacity"]) if item.get("capacity") else None
    extra: dict[str, Any] = {}
    if item.get("customer_channels") and _accepts("customer_channels"):
        extra["customer_channels"] = item["customer_channels"]
    judgement = judge_vision(
        vision if vision is not None else item["vision"],
        item.get("language", "en"),
        item.get("mission"),
        capacity,
        **extra,
    )
    return dict(judgement.criteria)


def load(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    return items


def agreement(items: list[dict[str, Any]], misses: bool) -> list[str]:
    agree: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    missed: list[str] = []
    for item in items:
        language = item.get("language", "en")
        verdicts = judge(item)
        for criterion, expected in item["expect"].items():
            total[language, criterion] += 1
            if verdicts.get(criterion) == expected:
                agree[language, criterion] += 1
            else:
                missed.append(f"  {item['id']} {criterion}: expected {expected} ({item['vision']})")
    lines = [f"{'':<6}{'all':>7}" + "".join(f"{c:>10}" for c in CRITERIA)]
    for language in [*LANGUAGES, "all"]:
        keys = [k for k in total if language in ("all", k[0])]
        if not keys:
            continue
        a = sum(agree[k] for k in keys)
        t = sum(total[k] for k in keys)
        cells = []
        for criterion in CRITERIA:
            ck = [k for k in keys if k[1] == criterion]
            ca, ct = sum(agree[k] for k in ck), sum(total[k] for k in ck)
            cells.append(f"{ca / ct:>10.2f}" if ct else f"{'-':>10}")
        lines.append(f"{language:<6}{a / t:>7.2f}" + "".join(cells) + f"   ({t} verdicts)")
    return lines + (missed if misses else [])


# --- the robustness probe ------------------------------------------------------------------

SYNONYMS = {
    "en": [
        ("customers", "clients"),
        ("customer", "client"),
        ("help", "support"),
        ("quickly", "fast"),
        ("every", "each"),
        ("answer", "reply"),
        ("people", "folks"),
    ],
    "da": [("kunder", "kunderne"), ("hjælp", "støtte"), ("hurtigt", "hurtig")],
    "sv": [("kunder", "kunderna"), ("hjälp", "stöd"), ("snabbt", "fort")],
    "nb": [("kunder", "kundene"), ("hjelp", "støtte"), ("raskt", "fort")],
    "tr": [("müşteri", "müşterimiz"), ("yardım", "destek"), ("hızlı", "çabuk")],
    "zh": [("客户", "顾客"), ("帮助", "协助"), ("快速", "迅速")],
}
PLURALS = {"en": [("question", "questions"), ("problem", "problems"), ("day", "days")]}
TENSES = {"en": [("we answer", "we will answer"), ("we help", "we will help"), ("is", "will be")]}


def _swap(text: str, pairs: Iterable[tuple[str, str]]) -> str | None:
    for old, new in pairs:
        pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)", re.IGNORECASE)
        if pattern.search(text):
            return pattern.sub(new, text, count=1)
    return None


def _typo(text: str) -> str | None:
    words = [m for m in re.finditer(r"\w{7,}", text)]
    if not words:
        return None
    word = max(words, key=lambda m: len(m.group()))
    w = word.group()
    mid = len(w) // 2
    swapped = w[: mid - 1] + w[mid] + w[mid - 1] + w[mid + 1 :]
    return text[: word.start()] + swapped + text[word.end() :]


def _hyphen(text: str) -> str | None:
    if "-" in text:
        return text.replace("-", " ", 1)
    match = re.search(r"\b(day|night|round|self|first|same|real)\s(\w+)", text, re.IGNORECASE)
    return (
        text[: match.start()] + match.group(1) + "-" + match.group(2) + text[match.end() :]
        if match
        else None
    )


def _order(text: str) -> str | None:
    parts = re.split(r"(?<=[,;])\s+", text.strip().rstrip("."))
    if len(parts) != 2:
        return None
    first, second = parts
    return f"{second[:1].upper()}{second[1:]}, {first[:1].lower()}{first[1:].rstrip(',;')}."


EDITS: dict[str, Callable[[str, str], str | None]] = {
    "case": lambda text, lang: text.upper() if lang != "zh" else None,
    "hyphen": lambda text, lang: _hyphen(text) if lang != "zh" else None,
    "plural": lambda text, lang: _swap(text, PLURALS.get(lang, [])),
    "tense": lambda text, lang: _swap(text, TENSES.get(lang, [])),
    "typo": lambda text, lang: _typo(text) if lang != "zh" else None,
    "synonym": lambda text, lang: _swap(text, SYNONYMS.get(lang, [])),
    "order": lambda text, lang: _order(text),
}


def probe(items: list[dict[str, Any]], show: bool) -> list[str]:
    lines = [f"{'edit':<10}{'statements':>12}{'flips':>8}{'share':>8}"]
    examples: list[str] = []
    all_n = all_flips = 0
    for name, edit in EDITS.items():
        n = flips = 0
        for item in items:
            edited = edit(item["vision"], item.get("language", "en"))
            if not edited or edited == item["vision"]:
                continue
            n += 1
            before, after = judge(item), judge(item, edited)
            if before != after:
                flips += 1
                examples.append(f"  {name}: {item['vision']!r} -> {edited!r}: {before} -> {after}")
        all_n += n
        all_flips += flips
        share = f"{flips / n:.1%}" if n else "-"
        lines.append(f"{name:<10}{n:>12}{flips:>8}{share:>8}")
    lines.append(f"{'all':<10}{all_n:>12}{all_flips:>8}{all_flips / max(all_n, 1):>8.1%}")
    return lines + (examples if show else [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument("--set", choices=list(SETS), action="append", help="only these sets")
    args = parser.parse_args(argv)
    probed: list[dict[str, Any]] = []
    for name, path in SETS.items():
        if args.set and name not in args.set:
            continue
        if not path.exists():
            print(f"{name}: {path} is not here\n")
            continue
        items = load(path)
        print(f"{name} ({len(items)} statements, {path.relative_to(ROOT.parent)}):")
        print("\n".join(agreement(items, args.misses)) + "\n")
        if name.startswith("fresh"):
            probed += items
    if probed:
        print(f"Robustness: verdicts that flip under edits that keep the meaning ({len(probed)}):")
        print("\n".join(probe(probed, args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
