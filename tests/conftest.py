"""Shared fixtures: a pinned terminal, paths to the examples, running the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
COMPLETE_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml") if p.name != "flawed.yaml")
FLAWED_EXAMPLE = EXAMPLES / "flawed.yaml"


@pytest.fixture(autouse=True)
def consistent_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same output on every machine: fixed width, no colour, no CI-specific format."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("CXPHILO_DEBUG", raising=False)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test inside an empty folder."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def run_cli(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real `cxphilo` (as `python -m cxphilo`) in a child process."""
    full_env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "cxphilo", *map(str, args)],
        cwd=cwd,
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=120,
    )
