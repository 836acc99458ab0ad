"""The finish: the verdict on every step and the vision, and the charter written on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.workshop import finish
from cxphilo.workshop.asker import Table, Verdicts
from tests.workshop.conftest import MakeRun

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "northwind-bikes.yaml"


@pytest.fixture
def complete(make_run: MakeRun, doc_path: Path) -> MakeRun:
    doc_path.write_bytes(EXAMPLE.read_bytes())
    return make_run


def test_the_verdict_and_both_charters(complete: MakeRun) -> None:
    run = complete([("Render the charter", "both")])
    finish.run(run.session, run.path)
    steps = next(b for b in run.screen.blocks if isinstance(b, Table))
    assert [row[1] for row in steps.rows] == ["✔ done"] * 7
    verdict = next(b for b in run.screen.blocks if isinstance(b, Verdicts))
    assert verdict.statement.startswith("Every rider gets back on the road")
    md = run.path.with_name("philosophy-charter.md")
    html = run.path.with_name("philosophy-charter.html")
    assert "Northwind Bikes" in md.read_text(encoding="utf-8")
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    text = run.screen.text()
    assert f"Wrote {md}" in text and f"Wrote {html}" in text
    assert "7 of 7 steps done." in text
    # Warnings may follow: on this session's day the example's baselines are still ahead.
    assert "cxphilo check passes: no errors" in text


def test_not_now_writes_nothing(make_run: MakeRun) -> None:
    run = make_run([("Render the charter", "no")])
    finish.run(run.session, run.path)
    assert not run.path.with_name("philosophy-charter.md").exists()
    assert "0 of 7 steps done." in run.screen.text()
    assert not [b for b in run.screen.blocks if isinstance(b, Verdicts)]  # no vision yet
    assert "cxphilo check passes: no errors" in run.screen.text()  # missing steps only warn
    assert "What else the check found" not in run.screen.text()  # the steps table says it


def test_a_flawed_file_shows_what_ci_would_stop_on(make_run: MakeRun, doc_path: Path) -> None:
    doc_path.write_bytes(EXAMPLE.with_name("flawed.yaml").read_bytes())
    run = make_run([("Render the charter", "no")])
    finish.run(run.session, run.path)
    verdict = next(b for b in run.screen.blocks if isinstance(b, Verdicts))
    assert dict(verdict.criteria)["future"] == "fail"
    found = next(
        b for b in run.screen.blocks if isinstance(b, Table) and b.title.startswith("What")
    )
    assert any(row[0] == "error" for row in found.rows)
    assert "CI would stop on this file." in run.screen.text()
