"""The GitHub Action (action.yml), run locally step by step as GitHub would run its shell steps.

A dry run: each `run:` step's script goes through `bash --noprofile --norc -eo
pipefail`, as GitHub runs `shell: bash`, with `${{ ... }}` replaced by the
inputs, the action's path and earlier steps' outputs, in a temporary
repository. The `uses:` steps (actions/setup-python, upload-sarif) belong to
GitHub and are skipped: the test checks they are the ones expected and that
the SARIF file the upload would read is written and valid.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FLAWED_EXAMPLE, ROOT, environment_of, environment_without_cxphilo

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
COMPLETE = ROOT / "tests" / "check" / "complete.yaml"
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


@dataclass
class Run:
    """What one run of the action did."""

    inputs: dict[str, str]
    action_path: Path = ROOT
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    logs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    failed_at: str | None = None


def value(expression: str, run: Run) -> str:
    """The few expressions action.yml uses; anything else fails the test, never guessed."""
    if expression == "github.action_path":
        return str(run.action_path)
    if match := re.fullmatch(r"inputs\.([\w-]+)", expression):
        return run.inputs[match.group(1)]
    if match := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
        return run.outputs.get(match.group(1), {}).get(match.group(2), "")
    raise AssertionError(f"the dry run does not know the expression {expression!r}")


def holds(condition: str | None, run: Run) -> bool:
    if condition is None:
        return run.failed_at is None
    match = re.fullmatch(r"(\S+) (==|!=) '(.*)'", condition.strip())
    assert match, f"the dry run does not know the condition {condition!r}"
    left = value(match.group(1), run)
    same = left == match.group(3)
    return run.failed_at is None and (same if match.group(2) == "==" else not same)


def substitute(text: str, run: Run) -> str:
    return EXPRESSION.sub(lambda m: value(m.group(1), run), text)


def run_action(repo: Path, env_dir: Path, action_path: Path = ROOT, **given: str) -> Run:
    """Run action.yml's shell steps with the inputs `given`, as the copy at `action_path`."""
    declared = ACTION["inputs"]
    assert set(given) <= set(declared), set(given) - set(declared)
    run = Run(
        {name: given.get(name, spec.get("default", "")) for name, spec in declared.items()},
        action_path,
    )
    base = environment_of(env_dir)  # the dependencies are already in the environment
    base.update(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(repo / "summary.md"))
    for step in ACTION["runs"]["steps"]:
        name = step["name"]
        if not holds(step.get("if"), run):
            continue
        if "uses" in step:
            run.skipped.append(step["uses"].split("@")[0])
            continue
        assert step["shell"] == "bash"
        output = repo / f".output-{len(run.logs)}"
        output.write_text("", encoding="utf-8")
        env = {**base, "GITHUB_OUTPUT": str(output)}
        env.update({k: substitute(str(v), run) for k, v in step.get("env", {}).items()})
        script = repo / f".step-{len(run.logs)}.sh"
        script.write_text(substitute(step["run"], run), encoding="utf-8")
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        run.logs[name] = proc
        lines = output.read_text(encoding="utf-8").splitlines()
        run.outputs[step.get("id", name)] = dict(line.split("=", 1) for line in lines)
        if proc.returncode != 0:
            run.failed_at = name
    return run


@pytest.fixture(scope="module")
def env_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with pip: the action's install step puts cxphilo into it."""
    return environment_without_cxphilo(tmp_path_factory.mktemp("action-venv"))


def repository(tmp_path: Path, source: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "team").mkdir(parents=True)
    (repo / "team" / "philosophy.yaml").write_text(source.read_text(encoding="utf-8"))
    (repo / "notes.yaml").write_text("anything: else\n", encoding="utf-8")
    return repo


def log(run: Run) -> str:
    return "\n".join(f"--- {n}\n{p.stdout}{p.stderr}" for n, p in run.logs.items())


@pytest.mark.slow
def test_the_action_checks_writes_sarif_and_fails_the_job(tmp_path: Path, env_dir: Path) -> None:
    repo = repository(tmp_path, FLAWED_EXAMPLE)
    run = run_action(repo, env_dir, paths="team", **{"sarif-file": "reports/cxphilo.sarif"})
    assert run.skipped == ["actions/setup-python", "github/codeql-action/upload-sarif"]
    assert list(run.logs) == ["Install cxphilo", "Check", "Fail when the check failed"], log(run)
    assert run.logs["Install cxphilo"].returncode == 0, log(run)
    installed = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "import cxphilo; print(cxphilo.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert installed.startswith(str(env_dir))  # installed from the action's path, not editable
    check = run.logs["Check"]
    assert check.returncode == 0, log(run)  # the upload still runs; the last step fails the job
    assert run.outputs["check"] == {"exit-code": "1"}
    assert check.stdout.startswith("::error file=team/philosophy.yaml,")
    sarif = json.loads((repo / "reports" / "cxphilo.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"values-too-many"}
    assert "| error | team/philosophy.yaml |" in (repo / "summary.md").read_text(encoding="utf-8")
    assert run.failed_at == "Fail when the check failed"
    assert run.logs["Fail when the check failed"].returncode == 1


@pytest.mark.slow
def test_the_action_passes_a_good_philosophy_and_skips_sarif(tmp_path: Path, env_dir: Path) -> None:
    repo = repository(tmp_path, COMPLETE)
    run = run_action(repo, env_dir, strict="true", **{"python-version": ""})
    assert run.skipped == []
    assert list(run.logs) == ["Install cxphilo", "Check"], log(run)
    assert run.outputs["check"] == {"exit-code": "0"}, log(run)
    assert run.failed_at is None
    assert "1 file checked, passed (strict: warnings fail)" in run.logs["Check"].stdout
    assert not list(repo.rglob("*.sarif"))


@pytest.mark.slow
def test_the_action_stops_when_the_check_cannot_run(tmp_path: Path, env_dir: Path) -> None:
    repo = repository(tmp_path, COMPLETE)
    run = run_action(repo, env_dir, paths="missing.yaml", **{"sarif-file": "out.sarif"})
    assert run.failed_at == "Check"
    assert run.logs["Check"].returncode == 2
    assert "missing.yaml: no such file or folder" in run.logs["Check"].stderr


def test_every_input_is_described_and_reaches_the_scripts_as_data() -> None:
    steps: list[Mapping[str, Any]] = ACTION["runs"]["steps"]
    for name, spec in ACTION["inputs"].items():
        assert spec["description"].strip(), name
        used = [s for s in steps if f"inputs.{name}" in json.dumps(s)]
        assert used, f"input {name} is never used"
    for step in steps:
        # An input pasted into a script would be run as shell: only env: may name it.
        assert "${{" not in step.get("run", ""), step["name"]
