"""`cxphilo init` in a real pseudo-terminal asks for what the flags did not give."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cxphilo.locale import words
from cxphilo.storage.store import load

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"


@pytest.mark.slow
def test_init_asks_for_company_mission_and_language(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1", "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cxphilo", "init"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )
    # The language first, as in the workshop; then the rest is asked in it.
    child.expect("Language · Sprog")
    child.send(DOWN)  # en -> da
    child.send("\r")
    da = words("da")
    child.expect_exact(da("Company name"))
    child.sendline("Fjordhus Kaffe")
    child.expect_exact(da("The company's mission, in one sentence"))
    child.sendline("Riste kaffe med omtanke.")
    child.expect("Created philosophy.yaml for Fjordhus Kaffe.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    doc = load(tmp_path / "philosophy.yaml").doc
    assert doc.company.name == "Fjordhus Kaffe"
    assert doc.company.mission == "Riste kaffe med omtanke."
    assert doc.company.language == "da"


@pytest.mark.slow
def test_ctrl_c_at_the_first_question_writes_nothing_and_exits_130(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cxphilo", "init"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("Language")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "philosophy.yaml").exists()
