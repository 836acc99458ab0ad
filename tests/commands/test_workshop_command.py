"""`cxphilo workshop` through the real command: no terminal, wrong options, help."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def test_without_a_terminal_it_says_so_and_how_to_work_without_one(tmp_path: Path) -> None:
    result = run_cli("workshop", cwd=tmp_path)  # stdin and stdout are pipes here
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: cxphilo workshop needs a terminal to ask its questions, "
        "and stdin or stdout is not one\n"
        "hint: without a terminal, create it with: "
        'cxphilo init philosophy.yaml --company "Acme", edit philosophy.yaml in any text editor, '
        "and check it with: cxphilo check philosophy.yaml\n"
    )
    assert not (tmp_path / "philosophy.yaml").exists()


def test_without_a_terminal_an_existing_file_is_left_alone(tmp_path: Path) -> None:
    assert run_cli("init", "--company", "Acme", "--language", "en", cwd=tmp_path).returncode == 0
    before = (tmp_path / "philosophy.yaml").read_bytes()
    result = run_cli("workshop", "philosophy.yaml", "--step", "values", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[1] == (
        "hint: without a terminal, edit philosophy.yaml in any text editor, "
        "and check it with: cxphilo check philosophy.yaml"
    )
    assert (tmp_path / "philosophy.yaml").read_bytes() == before


def test_wrong_options_are_usage_errors(tmp_path: Path) -> None:
    step = run_cli("workshop", "--step", "vote", cwd=tmp_path)
    assert (step.returncode, step.stderr) == (
        2,
        "error: no step 'vote'\n"
        "hint: the steps are: assess, model, values, vision, actions, share, listen (or 1-7)\n",
    )
    box = run_cli("workshop", "--timebox", "soon", cwd=tmp_path)
    assert box.returncode == 2
    assert box.stderr.startswith("error: time box 'soon' is not a duration\n")


def test_help_names_every_option_with_an_example() -> None:
    result = run_cli("workshop", "--help")
    assert result.returncode == 0
    for option in ("--step", "--timebox", "--company", "--language"):
        assert option in result.stdout
    assert "Example: cxphilo workshop philosophy.yaml --step values --timebox 15m" in result.stdout
