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

from cxphilo.criteria import judge_vision  # noqa: E402
from cxphilo.vocabulary import CRITERIA  # noqa: E402

SETS = {
    "own": ROOT / "tests" / "criteria" / "labelled_visions.yaml",
    "dev": ROOT.parent / "shared" / "fixtures" / "visions-dev.yaml",
    "fresh-tune": ROOT / "tests" / "criteria" / "fresh" / "tune.yaml",
    "fresh-tune-en": ROOT / "tests" / "criteria" / "fresh" / "en_extra.yaml",
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
# A singular after "every" as a plural after "all": the same people, the same promise.
_NOUNS = {
    "en": "customer client guest rider question problem order message call request ticket "
    "booking parcel repair member student patient player user visitor passenger family "
    "homeowner farmer owner driver cyclist buyer shopper reader traveller learner parent gamer "
    "cook policyholder claim complaint email enquiry issue delivery subscriber tenant branch",
    "da": "kunde gæst spørgsmål problem ordre besked opkald henvendelse sag bestilling",
    "nb": "kunde gjest spørsmål problem ordre melding samtale henvendelse sak bestilling",
    "sv": "kund gäst fråga problem order meddelande samtal ärende beställning",
}
_PLURAL_OF = {
    "en": lambda n: n[:-1] + "ies" if n.endswith("y") else n + "s",
    "da": lambda n: n if n in ("spørgsmål", "problem") else n + ("r" if n.endswith("e") else "er"),
    "nb": lambda n: n if n in ("spørsmål", "problem") else n + ("r" if n.endswith("e") else "er"),
    "sv": lambda n: {"kund": "kunder", "fråga": "frågor", "gäst": "gäster"}.get(n, n + "n"),
}
_ALL = {
    "en": ("every", "all"),
    "da": ("hver", "alle"),
    "nb": ("hver", "alle"),
    "sv": ("varje", "alla"),
}


def _plural(text: str, language: str) -> str | None:
    if language not in _NOUNS:
        return {"zh": _swap(text, [("每位客户", "所有客户"), ("每一位客户", "所有客户")])}.get(
            language, _swap(text, [("her müşteri ", "tüm müşteriler ")])
        )
    every, all_ = _ALL[language]
    nouns = "|".join(_NOUNS[language].split())
    match = re.search(rf"(?<!\w)({every}) ({nouns})(?!\w)", text, re.IGNORECASE)
    if not match:
        return None
    plural = _PLURAL_OF[language](match.group(2).lower())
    word = all_.capitalize() if match.group(1)[0].isupper() else all_
    return f"{text[: match.start()]}{word} {plural}{text[match.end() :]}"


# The present of a promise and its future: "we answer", "we will answer"; "a person
# answers", "a person will answer"; Danish "vi svarer", "vi vil svare".
def _english_verbs() -> dict[str, str]:
    import json

    table = json.loads((ROOT / "cxphilo" / "criteria" / "derived" / "en_verbs.json").read_text())
    table.pop("_about")
    third = {f: base for base, forms in table.items() for f in forms if f == base + "s"}
    third.update({f: base for base, forms in table.items() for f in forms if f.endswith("es")})
    return {**{base: base for base in table}, **third}


_NOT_SUBJECTS = {"to", "will", "would", "can", "and", "or", "not", "don't", "the", "a", "who"}
_NOT_SUBJECTS |= {"which", "that", "what", "everything"}
_SUBORDINATE = {"while", "when", "until", "before", "after", "if", "once", "what", "everything"}
_FUTURE = {"da": "vil", "nb": "skal", "sv": "kommer att"}
_WE = {"da": "vi", "nb": "vi", "sv": "vi"}


def _tense(text: str, language: str) -> str | None:
    if language == "en":
        verbs = _english_verbs()
        # A lookahead, so that every word is tried as the subject.
        pattern = r"(?<!\w)(?=(\w+) (?:(always|never|often|usually) )?(\w+)(?!\w))"
        for match in re.finditer(pattern, text, re.I):
            subject, verb = match.group(1).lower(), match.group(3).lower()
            base = verbs.get(verb)
            plural_subject = subject in ("we", "you", "they", "i")
            if base is None or (plural_subject != (verb == base)):
                continue
            before = text[: match.start()].split()[-1:]
            if subject in _NOT_SUBJECTS or (before and before[0].lower() in _SUBORDINATE):
                continue
            at = match.start(2) if match.group(2) else match.start(3)
            rest = text[at : match.start(3)]
            return f"{text[:at]}will {rest}{base}{text[match.end(3) :]}"
        return None
    if language in _FUTURE:
        present = r"(\w+?)(er|ar)" if language == "sv" else r"(\w+?)(er)"
        negation = r"(?: (ikke|inte))?"
        match = re.search(rf"(?<!\w)({_WE[language]}) {present}{negation}(?!\w)", text, re.I)
        if not match or match.group(2) + match.group(3) in ("er", "har", "kan", "vil"):
            return None
        if re.match(r" (den|det|dem|ham|hende|henne|honom) (ikke|inte)", text[match.end() :]):
            return None  # "vi slipper den ikke": the negation stays after the object
        infinitive = match.group(2) + ("a" if language == "sv" else "e")
        future = _FUTURE[language]
        if match.group(4):  # "vi svarer ikke": "vi vil ikke svare"; Swedish "kommer inte att"
            future = "kommer inte att" if language == "sv" else f"{future} {match.group(4)}"
        return f"{text[: match.end(1)]} {future} {infinitive}{text[match.end() :]}"
    return None


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
    "plural": _plural,
    "tense": _tense,
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
