"""Every rule has its section in docs/rules.md, under an anchor the links point at."""

from __future__ import annotations

import re

import pytest

from cxphilo.check import RULES, check_bytes, report
from cxphilo.check.rules import ACCEPTS_PHRASES, NOT_SILENCED
from tests.conftest import ROOT

PAGE = ROOT / report.DOCS_PAGE
PARTS = ("**What it catches.**", "**Why.**", "**Example that fires it.**", "**Fix.**")


def sections() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for match in re.finditer(r"^## (\S+)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        assert match.group(1) not in found, f"two sections for {match.group(1)}"
        found[match.group(1)] = match.group(2)
    return found


def anchor(heading: str) -> str:
    """The anchor GitHub and GitLab give a heading: lower case, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_every_rule_has_a_section_and_every_section_a_rule() -> None:
    assert list(sections()) == [rule.id for rule in RULES]  # in the order of the output


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_section_says_what_why_example_fix_and_how_to_silence(rule: object) -> None:
    from cxphilo.check.rules import Rule

    assert isinstance(rule, Rule)
    body = sections()[rule.id]
    assert anchor(rule.id) == rule.id  # the heading's anchor is the id the links use
    level = f"**Level:** {rule.level}" + (
        f" · **Criterion:** {rule.criterion}" if rule.criterion else ""
    )
    assert body.lstrip().startswith(level + "\n"), f"{rule.id}: {level}"
    for part in PARTS:
        assert part in body, f"{rule.id} has no {part}"
    silence = body.split("**Silence it.**", 1)
    assert len(silence) == 2 and silence[1].strip(), f"{rule.id} does not say how to silence it"
    how = silence[1]
    if rule.id in NOT_SILENCED:
        assert "# cxphilo: disable=" not in how
    elif rule.id != "vision-empty":
        assert f"# cxphilo: disable={rule.id} -- why" in how
    if rule.id in ACCEPTS_PHRASES:
        assert f"accept: {{{rule.id}: [" in how


def test_the_accepted_phrases_shown_really_silence() -> None:
    complete = (ROOT / "tests" / "check" / "complete.yaml").read_text(encoding="utf-8")
    good = "Every paddler leaves the dock with the right boat and comes back with a story."
    cases = {
        "vision-cliche": ("We go the extra mile for every paddler.", ["go the extra mile"]),
        "vision-noun-list": (
            "Innovation. Passion. Excellence.",
            ["innovation", "passion", "excellence"],
        ),
    }
    for rule, (statement, phrases) in cases.items():
        text = complete.replace(good, statement)
        raw = text.encode("utf-8")
        assert rule in {f.rule for f in check_bytes(raw, "d.yaml").findings}
        silenced = check_bytes(raw, "d.yaml", accept={rule: phrases}).silenced
        assert rule in {f.rule for f in silenced}


def test_the_readme_points_at_the_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/rules.md" in readme
