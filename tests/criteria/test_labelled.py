"""Agreement of the criteria with labelled statements: the project's own, and the dev set.

The project's own cases (labelled_visions.yaml, beside this file) always run.
The development set in ../shared/fixtures/visions-dev.yaml runs when it is
there. Both print the agreement per criterion and per language group
(English, the seed languages) so that a change to a word list shows its effect.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from cxphilo.criteria import judge_vision
from cxphilo.vocabulary import CRITERIA

HERE = Path(__file__).resolve().parent
OWN_CASES = HERE / "labelled_visions.yaml"
DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "visions-dev.yaml"


@dataclass
class Cap:
    team_size: int | None = None
    days: list[str] = field(default_factory=list)
    hours: str | None = None
    channels: list[str] = field(default_factory=list)
    day_hours: dict[str, str] = field(default_factory=dict)
    channel_hours: dict[str, str] = field(default_factory=dict)


@dataclass
class Agreement:
    agree: Counter[tuple[str, str]] = field(default_factory=Counter)
    total: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def rate(self, group: str) -> float:
        agree = sum(n for (g, _), n in self.agree.items() if g == group)
        total = sum(n for (g, _), n in self.total.items() if g == group)
        return agree / total if total else 1.0

    def report(self, title: str) -> str:
        lines = [title]
        for group in ("en", "seed"):
            cells = [
                f"{c} {self.agree[group, c]}/{self.total[group, c]}"
                for c in CRITERIA
                if self.total[group, c]
            ]
            lines.append(f"  {group:<5} {self.rate(group):6.1%}  " + "  ".join(cells))
        lines += [f"  miss: {m}" for m in self.misses]
        return "\n".join(lines)


def agreement(items: list[dict[str, Any]]) -> Agreement:
    result = Agreement()
    for item in items:
        language = item.get("language", "en")
        capacity = Cap(**item["capacity"]) if item.get("capacity") else None
        judgement = judge_vision(item["vision"], language, item.get("mission"), capacity)
        group = "en" if language == "en" else "seed"
        for criterion, expected in item["expect"].items():
            result.total[group, criterion] += 1
            if judgement.criteria[criterion] == expected:
                result.agree[group, criterion] += 1
            else:
                result.misses.append(
                    f"{item['id']} {criterion}: expected {expected}, got "
                    f"{judgement.criteria[criterion]} ({item['vision']})"
                )
    return result


def test_the_projects_own_labelled_statements(capsys: pytest.CaptureFixture[str]) -> None:
    items = yaml.safe_load(OWN_CASES.read_text(encoding="utf-8"))["items"]
    languages = Counter(item.get("language", "en") for item in items)
    assert set(languages) == {"en", "da", "sv", "nb", "tr", "zh"}
    assert len(items) >= 120
    result = agreement(items)
    with capsys.disabled():
        print("\n" + result.report(f"own labelled statements ({len(items)}):"))
    assert result.rate("en") >= 0.95
    assert result.rate("seed") >= 0.90


@pytest.mark.skipif(not DEV_SET.exists(), reason="the shared development set is not here")
def test_the_development_set(capsys: pytest.CaptureFixture[str]) -> None:
    items = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["items"]
    result = agreement(items)
    with capsys.disabled():
        print("\n" + result.report(f"development set ({len(items)}):"))
    assert result.rate("en") >= 0.90
    assert result.rate("seed") >= 0.80
