"""Fixtures for the workshop: a document on disk, a session driven by a scripted asker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Philosophy
from cxphilo.storage.store import Store, load
from cxphilo.workshop.asker import RecordingScreen
from cxphilo.workshop.scripted import ScriptedAsker
from cxphilo.workshop.session import Session

TODAY = dt.date(2026, 3, 2)
# Steps 1 and 2 answered: a document ready for step 3.
DONE_1_AND_2: dict[str, Any] = {
    "company": {"name": "Acme", "mission": "Make cycling easy."},
    "assessment": {
        "purpose": "Bikes",
        "support_role": "Keep riders riding",
        "goal": "reduce-effort",
        "principles": ["Fix the day first"],
        "customers": {"needs": ["A working bike"], "channels": ["phone"]},
        "insight_sources": ["Surveys"],
        "capacity": {
            "team_size": 3,
            "days": ["mon"],
            "hours": "09:00-17:00",
            "channels": ["phone"],
        },
    },
    "model": {"choice": "issue-centric", "rationale": "One-off questions."},
}


@dataclass
class FakeFinding:
    criterion: str
    message: str
    fix: str = "say it differently"
    rule: str = "fake"


@dataclass
class FakeJudgement:
    criteria: Mapping[str, str]
    findings: Sequence[FakeFinding] = field(default_factory=list)


def fake_judge(statement: str, doc: Philosophy) -> FakeJudgement:
    """Fails `simple` on "best" and `future` on "24/7"; the real engine has its own tests."""
    findings = []
    if "best" in statement.lower():
        findings.append(FakeFinding("simple", "“best” is a buzzword"))
    if "24/7" in statement:
        findings.append(FakeFinding("future", "“24/7” is beyond the capacity"))
    failed = {f.criterion for f in findings}
    return FakeJudgement(
        {c: "fail" if c in failed else "pass" for c in ("simple", "service", "future")}, findings
    )


@dataclass
class Run:
    """A session over a file, and what it asked and showed."""

    path: Path
    session: Session
    asker: ScriptedAsker
    screen: RecordingScreen

    def saved(self) -> Philosophy:
        """The document as it is on disk now (not as held in memory)."""
        return load(self.path).doc


MakeRun = Callable[..., Run]


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, Philosophy.model_validate({"company": {"name": "Acme Bikes"}}))
    return path


@pytest.fixture
def make_run(doc_path: Path) -> MakeRun:
    """`make_run(script, data=None)`: a session on the file (rewritten from `data` if given)."""

    def make(script: list[Any], data: dict[str, Any] | None = None) -> Run:
        if data is not None:
            doc_path.unlink()
            Store.create(doc_path, Philosophy.model_validate(data))
        asker = ScriptedAsker(script)
        screen = RecordingScreen()
        session = Session(Store.open(doc_path), asker, screen, today=TODAY, judge=fake_judge)
        return Run(doc_path, session, asker, screen)

    return make
