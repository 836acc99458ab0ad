"""A real room, end to end: the four-person scenario typed into `cxphilo workshop` in a pty.

The scenario (tests/benchmarks/room_scenario.py) has a CSV import whose names
differ from the room list, an abstention, a tie and its re-vote, a reworded
value, a custom metric with a unit, and a second run that changes one answer.
The file it leaves must pass the check, hold no YAML anchors, and every
answer the room gave must be in the charter, the rubric or the survey.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tests.benchmarks import room_scenario as s
from tests.benchmarks.room_workshop import RoomRun
from tests.conftest import run_cli

pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("room")
    run = RoomRun(folder)
    run.run()
    run.revisit()
    return folder


def _rendered(folder: Path) -> str:
    """Charter, rubric and survey, Markdown and HTML, as plain text to search."""
    texts = []
    for kind in ("charter", "rubric", "survey"):
        for fmt in ("md", "html"):
            result = run_cli("render", folder / s.FILE, "--doc", kind, "--to", fmt)
            assert result.returncode == 0, result.stderr
            text = result.stdout
            if fmt == "md":
                text = re.sub(r"\\(.)", r"\1", text)
            else:
                text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            texts.append(" ".join(text.split()))
    return "\n".join(texts)


def test_the_file_passes_the_check(room: Path) -> None:
    result = run_cli("check", room / s.FILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_file_has_no_anchors_or_aliases(room: Path) -> None:
    text = (room / s.FILE).read_text(encoding="utf-8")
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    assert not [t for t in tokens if isinstance(t, (yaml.AnchorToken, yaml.AliasToken))]


def test_the_room_and_its_vote_are_in_the_file(room: Path) -> None:
    doc = yaml.safe_load((room / s.FILE).read_text(encoding="utf-8"))
    bs = doc["brainstorm"]
    assert bs["participants"] == list(s.ROOM)  # the CSV's "mei" and "ingrid" matched, none added
    by = {idea["text"]: idea.get("by") for idea in bs["ideas"]}
    assert by["They kept me posted"] == "Mei (support lead)"
    assert by["Friendly people"] == "Ingrid (CEO)"
    _first, revote = bs["rounds"]
    assert revote["revote"] is True
    assert {"by": "Ana (sales)", "no_vote": "abstained"} in revote["votes"]
    names = [v["name"] for v in doc["values"]]
    assert s.TRUST_WORDING in names
    trust = next(v for v in doc["values"] if v["name"] == s.TRUST_WORDING)
    assert trust["core"] == "Honesty" and trust["statement"] and trust["metrics"]
    capacity = doc["assessment"]["capacity"]
    assert capacity["day_hours"] == {"sat": s.SATURDAY_HOURS}
    assert capacity["channel_hours"] == {"chat": s.CHAT_HOURS}
    metrics = {m["id"]: m for m in doc["metrics"]}
    assert metrics[s.OWN_METRIC_ID]["unit"] == s.OWN_METRIC_UNIT
    assert str(metrics["CSAT"]["target"]["date"]) == s.REVISIT_TARGET_DATE  # the revisit


def test_every_answer_the_room_gave_is_in_a_document(room: Path) -> None:
    shown = _rendered(room)
    team, _value, reading = s.INTERPRETATION
    answers = [
        s.MISSION,
        s.COMPANY_VISION,
        s.PURPOSE,
        s.SUPPORT_ROLE,
        s.GOAL_WHY,
        *s.PRINCIPLES.split("; "),
        *s.NEEDS.split("; "),
        s.EXPECTATIONS,
        *s.SELF_HELP.split("; "),
        s.INSIGHT_OTHER,
        s.MODEL_WHY,
        s.CUSTOMER_HISTORY,
        s.TRUST_WORDING,
        s.JOURNEY,
        s.GOOD_DAY,
        s.VISION,
        s.STAKEHOLDER,
        s.REACTION,
        s.OWN_METRIC_NAME,
        s.OWN_METRIC_MEASURES,
        s.OWN_METRIC_FORMULA,
        s.BRAND_TONE,
        s.BRAND_VOICE,
        s.ONBOARDING,
        s.TRAINING,
        s.AUTONOMY,
        s.PROMOTIONS,
        s.SOCIAL_MEDIA,
        team,
        reading,
        s.REVIEW_OWNER,
        s.CONFLICTS,
    ]
    missing = [answer for answer in answers if answer not in shown]
    assert not missing, missing
    assert re.search(r"64 ?%", shown)  # FCR's baseline, typed as 64%, with its unit
    assert "2027-09-30" in shown or "30 September 2027" in shown  # the changed date


def test_the_run_left_nothing_behind(room: Path) -> None:
    leftovers = [p.name for p in room.iterdir() if p.name.endswith(".tmp") or ".mine" in p.name]
    assert leftovers == []
