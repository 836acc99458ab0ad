"""`cxphilo check` through the real command: exit codes, formats, examples, start-up path."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cxphilo.cli import check as checkcmd
from cxphilo.cli.app import app
from tests.conftest import (
    COMPLETE_EXAMPLES,
    EXAMPLES,
    FLAWED_EXAMPLE,
    ROOT,
    git,
    pre_commit_run,
    run_cli,
)

COMPLETE = ROOT / "tests" / "check" / "complete.yaml"


# --- exit codes, each through a real process ----------------------------------------------


def test_exit_0_when_no_file_has_errors(in_tmp: Path) -> None:
    result = run_cli("check", COMPLETE, *COMPLETE_EXAMPLES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        result.stdout.rstrip()
        .splitlines()[-1]
        .startswith(f"{len(COMPLETE_EXAMPLES) + 1} files checked, passed")
    )
    assert result.stderr == ""


def test_exit_1_when_a_file_has_errors(in_tmp: Path) -> None:
    result = run_cli("check", FLAWED_EXAMPLE, COMPLETE)
    assert result.returncode == 1
    assert "values-too-many" in result.stdout
    assert result.stderr == ""


def test_exit_1_for_a_yaml_syntax_error_with_its_line(in_tmp: Path) -> None:
    (in_tmp / "philosophy.yaml").write_text("company:\n  name: [Acme\n", encoding="utf-8")
    result = run_cli("check")
    assert result.returncode == 1
    assert re.search(r"^  \d+:\d+ +error +yaml-syntax", result.stdout, re.M)


def test_exit_2_when_a_file_is_missing(in_tmp: Path) -> None:
    result = run_cli("check", COMPLETE, "missing.yaml")
    assert result.returncode == 2
    assert result.stderr == "error: missing.yaml: no such file or folder\n"
    assert result.stdout == ""


def test_exit_2_for_a_bad_option(in_tmp: Path) -> None:
    result = run_cli("check", "--format", "xml", COMPLETE)
    assert result.returncode == 2
    assert "xml" in result.stderr and "--format" in result.stderr


def test_exit_2_for_a_bad_config(in_tmp: Path) -> None:
    (in_tmp / ".cxphilo.yaml").write_text("rules:\n  no-such-rule: off\n", encoding="utf-8")
    result = run_cli("check", COMPLETE)
    assert result.returncode == 2
    assert "unknown rule 'no-such-rule'" in result.stderr


def test_strict_fails_on_warnings(in_tmp: Path) -> None:
    doc = in_tmp / "philosophy.yaml"
    doc.write_text(
        COMPLETE.read_text(encoding="utf-8").replace(
            "  customer_history: Every booking and call is logged in the shop system.\n", ""
        ),
        encoding="utf-8",
    )
    assert run_cli("check").returncode == 0
    assert run_cli("check", "--strict").returncode == 1
    (in_tmp / ".cxphilo.yaml").write_text("strict: true\n", encoding="utf-8")
    assert run_cli("check").returncode == 1


def test_a_config_turns_a_failing_rule_off(in_tmp: Path) -> None:
    doc = in_tmp / "doc.yaml"
    doc.write_text(
        COMPLETE.read_text(encoding="utf-8").replace("metrics: [QA]", "metrics: [WOW]"),
        encoding="utf-8",
    )
    assert run_cli("check", doc).returncode == 1
    (in_tmp / "pyproject.toml").write_text(
        '[tool.cxphilo.rules]\n"metric-unknown" = "off"\n', encoding="utf-8"
    )
    assert run_cli("check", doc).returncode == 0


def test_github_actions_gets_annotations_by_default(in_tmp: Path) -> None:
    def in_actions(*args: str | Path) -> subprocess.CompletedProcess[str]:
        # run_cli drops GITHUB_ACTIONS on purpose; this test needs it.
        env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": "true"}
        return subprocess.run(
            [sys.executable, "-m", "cxphilo", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    result = in_actions("check", FLAWED_EXAMPLE)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=") or result.stdout.startswith("::warning")
    as_json = in_actions("check", FLAWED_EXAMPLE, "--format", "json")
    assert json.loads(as_json.stdout)["version"] == 1


def test_a_folder_is_searched_for_philosophies(in_tmp: Path) -> None:
    result = run_cli("check", EXAMPLES, "--format", "json")
    paths = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
    assert sorted(paths) == sorted(p.name for p in [*COMPLETE_EXAMPLES, FLAWED_EXAMPLE])


# --- the examples ------------------------------------------------------------------------


def test_every_complete_example_passes_even_strictly_but_for_length(in_tmp: Path) -> None:
    result = run_cli("check", "--format", "json", *COMPLETE_EXAMPLES)
    assert result.returncode == 0, result.stdout
    data = json.loads(result.stdout)
    for entry in data["files"]:
        assert entry["criteria"] == {"simple": "pass", "service": "pass", "future": "pass"}
        assert [f for f in entry["findings"] if f["level"] == "error"] == []


FLAWS = {
    # (rule, the value it points at)
    ("values-too-many", "values[5]"),
    ("value-not-action", "Excellence"),
    ("value-not-action", "Passion"),
    ("metric-unknown", "HAPPINESS"),
    ("value-no-metric", "Integrity"),
    ("customer-history-missing", "model.choice"),
    ("vision-cliche", "strive for excellence"),
    ("vision-buzzword", "best-in-class"),
    ("vision-overpromise", "24/7"),
    ("vision-overpromise", "every channel"),
    ("review-stale", "vision.review.statement"),
    ("review-overdue", "governance.next_review"),
}


def test_the_flawed_example_fails_with_the_findings_its_flaws_deserve(in_tmp: Path) -> None:
    result = run_cli("check", "--format", "json", FLAWED_EXAMPLE)
    assert result.returncode == 1
    (entry,) = json.loads(result.stdout)["files"]
    found = [
        (f["rule"], f["message"])
        for f in entry["findings"]
        if f["level"] == "error"
        or f["rule"] in ("value-no-metric", "customer-history-missing", "review-overdue")
    ]
    for rule, about in FLAWS:
        assert any(r == rule for r, _ in found), f"{rule} ({about}) not reported"
    assert entry["criteria"] == {"simple": "fail", "service": "pass", "future": "fail"}
    errors = {f["rule"] for f in entry["findings"] if f["level"] == "error"}
    assert errors == {rule for rule, _ in FLAWS} - {
        "value-no-metric",
        "customer-history-missing",
        "review-overdue",
    }


# --- the fast start-up path --------------------------------------------------------------


def test_check_starts_without_typer_or_pydantic(in_tmp: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cxphilo", "check", str(COMPLETE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    for heavy in ("typer", "click", "pydantic", "rich", "jinja2", "questionary"):
        assert heavy not in imported, f"{heavy} imported on the check path"


def test_a_file_that_silences_nothing_never_loads_the_silencing(in_tmp: Path) -> None:
    def imported(path: Path) -> set[str]:
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "cxphilo", "check", str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=120,
        )
        return {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}

    assert "cxphilo.check.silence" not in imported(COMPLETE)
    silencing = in_tmp / "philosophy.yaml"
    silencing.write_text(
        COMPLETE.read_text(encoding="utf-8") + "# cxphilo: disable=vision-cliche\n",
        encoding="utf-8",
    )
    assert "cxphilo.check.silence" in imported(silencing)


ARGVS = [
    [],
    ["a.yaml"],
    ["a.yaml", "b/", "--strict"],
    ["--format", "json", "a.yaml"],
    ["--format=sarif", "a.yaml"],
    ["-f", "junit", "a.yaml"],
    ["-fgithub", "a.yaml"],
    ["--format=gitlab", "a.yaml"],
    ["--config", "c.yaml", "a.yaml"],
    ["--config=c.toml", "--strict", "--", "-odd.yaml"],
    ["a.yaml", "--format", "text", "--format", "json"],
    ["--lang", "da", "a.yaml"],
    ["--lang=tr", "--format", "json", "a.yaml"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=[" ".join(a) or "(none)" for a in ARGVS])
def test_the_fast_parser_reads_options_exactly_as_typer_does(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Any, ...]] = []
    monkeypatch.setattr(checkcmd, "run", lambda *args: seen.append(args))
    outcome = CliRunner().invoke(app, ["check", *argv])
    assert outcome.exit_code == 0, outcome.output
    fast = checkcmd.parse_args(argv)
    assert fast is not None
    # __main__ passes these on; --show-links is left to typer (below).
    assert seen == [(fast.paths, fast.format, fast.strict, fast.config, False, fast.lang)]


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--format", "xml"],
        ["--format"],
        ["--unknown"],
        ["--strict=1"],
        ["--show-links", "a.yaml"],
    ],
)
def test_the_fast_parser_leaves_the_rest_to_typer(argv: list[str]) -> None:
    assert checkcmd.parse_args(argv) is None


def test_the_formats_are_the_same_everywhere() -> None:
    from cxphilo.check import report
    from cxphilo.cli.app import CheckFormat

    assert checkcmd.FORMATS == report.FORMATS == tuple(f.value for f in CheckFormat)


def test_show_links_follows_each_finding_with_its_rules_page(in_tmp: Path) -> None:
    result = run_cli("check", "--show-links", FLAWED_EXAMPLE)
    assert result.returncode == 1
    assert "      see: docs/rules.md#values-too-many\n" in result.stdout
    (in_tmp / ".cxphilo.yaml").write_text(
        "docs: https://git.example.com/cx/-/blob/main/docs/rules.md\n", encoding="utf-8"
    )
    linked = run_cli("check", "--show-links", FLAWED_EXAMPLE)
    assert "see: https://git.example.com/cx/-/blob/main/docs/rules.md#values-too-many" in (
        linked.stdout
    )
    assert "see:" not in run_cli("check", FLAWED_EXAMPLE).stdout


def test_a_silenced_error_passes_the_check_and_is_counted(in_tmp: Path) -> None:
    text = FLAWED_EXAMPLE.read_text(encoding="utf-8")
    doc = in_tmp / "philosophy.yaml"
    doc.write_text(text, encoding="utf-8")
    (in_tmp / ".cxphilo.yaml").write_text("rules: {step-missing: off}\n", encoding="utf-8")
    before = run_cli("check", "--format", "json")
    errors = [f for f in json.loads(before.stdout)["files"][0]["findings"] if f["level"] == "error"]
    by_line: dict[int, list[str]] = {}
    for finding in errors:
        by_line.setdefault(finding["line"], []).append(finding["rule"])
    lines = text.split("\n")
    for line in sorted(by_line, reverse=True):  # one comment above each line, naming its rules
        row = line - 1
        indent = lines[row][: len(lines[row]) - len(lines[row].lstrip())]
        names = ",".join(dict.fromkeys(by_line[line]))
        lines.insert(row, f"{indent}# cxphilo: disable={names} -- the team decided")
    doc.write_text("\n".join(lines), encoding="utf-8")
    after = run_cli("check")
    assert after.returncode == 0, after.stdout
    assert after.stdout.splitlines()[-1] == (
        f"1 file checked, passed: 0 errors, 3 warnings, {len(errors)} silenced"
    )


def test_help_is_typers(in_tmp: Path) -> None:
    result = run_cli("check", "--help")
    assert result.returncode == 0
    assert "Example: cxphilo check" in result.stdout


def test_the_typer_command_runs_the_check_too(in_tmp: Path) -> None:
    outcome = CliRunner().invoke(app, ["check", str(FLAWED_EXAMPLE), "--format", "json"])
    assert outcome.exit_code == 1
    assert json.loads(outcome.stdout)["files"][0]["path"] == str(FLAWED_EXAMPLE)


# --- pre-commit -------------------------------------------------------------------------------


@pytest.mark.slow
def test_pre_commit_runs_the_hook_on_a_sample_repository(tmp_path: Path) -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "cxphilo-check"]
    # Our own hook definition, run as a local hook so that nothing is fetched.
    local = {**hook, "language": "system"}
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8"
    )
    team = repo / "team"
    team.mkdir()
    (team / "philosophy.yaml").write_text(COMPLETE.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "notes.yaml").write_text("anything: else\n", encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    git(repo, "init", "-q", env=env)
    git(repo, "add", ".", env=env)
    passed = pre_commit_run(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "cxphilo check" in passed.stdout and "Passed" in passed.stdout

    (team / "philosophy.yaml").write_text(
        FLAWED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    git(repo, "add", ".", env=env)
    failed = pre_commit_run(repo, env)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "values-too-many" in failed.stdout
    assert "notes.yaml" not in failed.stdout  # only philosophy files are handed to the hook
