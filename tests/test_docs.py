"""The docs stay honest: every command is documented, and CI runs the README's command."""

from __future__ import annotations

import re
import subprocess
import sys

import typer

from cxphilo.cli.app import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    return {name: (cmd.help or "") for name, cmd in group.commands.items()}  # type: ignore[attr-defined]


def test_every_command_has_help_with_an_example_and_a_readme_section() -> None:
    commands = _commands()
    assert {"init", "status", "schema", "metrics"} <= set(commands)
    for name, help_text in commands.items():
        assert help_text.strip(), f"{name} has no help"
        assert "Example:" in help_text, f"{name}'s help has no example"
        section = re.search(rf"^### cxphilo {name}\n(.+?)(?=^#{{1,3}} |\Z)", README, re.S | re.M)
        assert section and section.group(1).strip(), f"README has no section for {name}"


def test_the_readme_gives_exactly_two_commands_at_the_start() -> None:
    start = README.index("## Start")
    end = README.index("\n## ", start + 1)
    assert README[start:end].count("```bash") == 2
    assert "cxphilo workshop" in README[start:end]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    program = re.search(r"awk '(.+?)' README.md", ci)
    assert program, "CI no longer reads its test command from the README"
    extracted = subprocess.run(
        ["awk", program.group(1), "README.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert extracted == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && python -m pytest"
    )


def test_every_exit_code_is_documented() -> None:
    from cxphilo.errors import ExitCode

    for code in ExitCode:
        assert f"| {int(code)} |" in README


def test_ci_also_tests_the_lowest_declared_versions() -> None:
    sys.path.insert(0, str(ROOT / ".ci"))
    try:
        import lowest
    finally:
        sys.path.remove(str(ROOT / ".ci"))
    project = lowest.tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = lowest.pins(ROOT / "pyproject.toml")
    floors = [r for r in project["dependencies"] if ">=" in r and "python_version" not in r]
    assert len(pins) == len(floors)
    for requirement, pin in zip(floors, pins, strict=True):
        name, floor = re.match(r"([\w.-]+)>=([^,;\s]+)", requirement).groups()  # type: ignore[union-attr]
        assert pin == f"{name}=={floor}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/lowest.py" in ci and '--constraint "$lowest/lowest.txt"' in ci
