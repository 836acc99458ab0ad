"""Output streams a CI job or a shell can hand the tool: not UTF-8, or closed early.

A stream that cannot carry a character gets a replacement (text) or an escape
(JSON, XML), and the exit code stays the command's own; a reader that goes
away (`| head -1`) is exit 0. A bug, and only a bug, is exit 3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.dom import minidom

import pytest

from tests.conftest import COMPLETE_EXAMPLES, EXAMPLES, FLAWED_EXAMPLE

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
# Danish and Chinese examples: letters and punctuation that ASCII cannot hold
NOT_ASCII = sorted({*COMPLETE_EXAMPLES, FLAWED_EXAMPLE})
STREAMS = {
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "C locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if k not in {"PYTHONIOENCODING", "LC_ALL"}}
    full.update({"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "PYTHONUTF8": "0", **env})
    full.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "cxphilo", *args], capture_output=True, env=full, timeout=120
    )


def test_the_examples_hold_text_that_ascii_cannot_carry() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in NOT_ASCII)
    assert any(ord(c) > 0xFF for c in text)  # beyond cp1252's Latin-1 range as well


@pytest.mark.parametrize("stream", STREAMS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_check_keeps_its_exit_code_on_a_stream_that_is_not_utf8(stream: str, fmt: str) -> None:
    result = _run(["check", "--format", fmt, *map(str, NOT_ASCII)], STREAMS[stream])
    err = result.stderr.decode("ascii", "replace")
    assert result.returncode == 1, err  # flawed.yaml fails; nothing else may
    assert "Traceback" not in err and "internal error" not in err
    out = result.stdout.decode("cp1252" if stream == "cp1252" else "ascii")
    if fmt in {"json", "sarif", "gitlab"}:
        assert json.loads(out)  # what the stream cannot hold is a JSON escape
    elif fmt == "junit":
        minidom.parseString(result.stdout)


def test_json_on_an_ascii_stream_says_the_same_as_on_utf8() -> None:
    args = ["check", "--format", "json", *map(str, NOT_ASCII)]
    plain = json.loads(_run(args, {"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8"))
    ascii_ = json.loads(_run(args, {"PYTHONIOENCODING": "ascii"}).stdout.decode("ascii"))
    assert ascii_ == plain


@pytest.mark.parametrize("stream", STREAMS)
@pytest.mark.parametrize(
    "args",
    [
        ["status", str(EXAMPLES / "lyskilde-fiber.yaml")],
        ["status", "--format", "json", str(EXAMPLES / "smedjan-te.yaml")],
        ["render", str(EXAMPLES / "lyskilde-fiber.yaml")],
        ["metrics"],
        ["check", str(EXAMPLES / "no such file.yaml")],
    ],
    ids=["status", "status-json", "render", "metrics", "missing-file"],
)
def test_other_commands_on_a_stream_that_is_not_utf8(stream: str, args: list[str]) -> None:
    result = _run(args, STREAMS[stream])
    err = result.stderr.decode("ascii", "replace")
    assert result.returncode == (2 if "no such file.yaml" in args[-1] else 0), err
    assert "Traceback" not in err and "internal error" not in err


def _closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout a pipe whose reader is already gone, as after `| head -1`."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
        return subprocess.run(
            [sys.executable, "-m", "cxphilo", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["metrics"],
        ["metrics", "--format", "json"],
        ["status", str(EXAMPLES / "northwind-bikes.yaml")],
        ["render", str(EXAMPLES / "northwind-bikes.yaml")],
        ["check", "--format", "sarif", str(EXAMPLES / "northwind-bikes.yaml")],
        ["--help"],
    ],
    ids=["metrics", "metrics-json", "status", "render", "check", "help"],
)
def test_a_reader_that_went_away_is_not_an_error(args: list[str]) -> None:
    result = _closed_pipe(args)
    assert (result.returncode, result.stderr.decode()) == (0, "")


def test_a_bug_has_its_own_exit_code(tmp_path: Path) -> None:
    # A sitecustomize that breaks the YAML reader stands in for a bug in cxphilo.
    (tmp_path / "sitecustomize.py").write_text(
        "import cxphilo.storage.yamlio as y\n"
        "def broken(*a, **k):\n    raise ZeroDivisionError('a bug')\n"
        "y.parse = broken\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    result = _run(["status", str(EXAMPLES / "northwind-bikes.yaml")], env)
    err = result.stderr.decode()
    assert result.returncode == 3, err
    assert "internal error: ZeroDivisionError: a bug" in err
