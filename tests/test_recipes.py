"""The README's CI and pre-commit recipes, run as written.

A recipe is the fenced block after `<!-- recipe: NAME -->` in README.md. In them
`https://github.com/your-org/cxphilo` stands for the team's copy of the
repository and `v0.1.0` for one of its tags. Here that copy is a git repository
made from this tree and tagged `v0.1.0`, and the address is its `file://` URL;
nothing else in a recipe is changed. The commands run in a fresh environment
that has cxphilo's dependencies but not cxphilo, so that the recipe's own
`pip install` is what puts it there; the pre-commit recipe lets pre-commit make
its own environment, as it does for a team.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import (
    FLAWED_EXAMPLE,
    ROOT,
    environment_of,
    environment_without_cxphilo,
    git,
    pre_commit_run,
)
from tests.test_action import ACTION, log, run_action

README = (ROOT / "README.md").read_text(encoding="utf-8")
ADDRESS = "https://github.com/your-org/cxphilo"
TAG = "v0.1.0"
COMPLETE = ROOT / "tests" / "check" / "complete.yaml"
RECIPE = re.compile(r"<!-- recipe: ([\w-]+) -->\n```(\w+)\n(.*?)```", re.S)


def recipes() -> dict[str, str]:
    return {name: body for name, _, body in RECIPE.findall(README)}


def _tree() -> list[Path]:
    """The files of this tree that a clone of the repository would hold."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout.decode()
        return [Path(name) for name in listed.split("\0") if name and (ROOT / name).is_file()]
    skip = {".venv", ".venv-lowest", "build", "dist", "__pycache__", "artifacts"}
    return [
        path.relative_to(ROOT)
        for path in ROOT.rglob("*")
        if path.is_file() and not skip & set(path.relative_to(ROOT).parts)
    ]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The address of a copy of this repository with the tag the recipes name."""
    copy = tmp_path_factory.mktemp("published") / "cxphilo"
    for name in _tree():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "cxphilo")
    git(copy, "tag", TAG)
    return copy.as_uri()


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    return environment_without_cxphilo(tmp_path / "env")


def team(tmp_path: Path, source: Path = COMPLETE, where: str = "philosophy.yaml") -> Path:
    repo = tmp_path / "team"
    (repo / where).parent.mkdir(parents=True, exist_ok=True)
    (repo / where).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "notes.yaml").write_text("anything: else\n", encoding="utf-8")
    return repo


def shell(
    script: str, cwd: Path, env_dir: Path, published: str
) -> subprocess.CompletedProcess[str]:
    """`script` with the placeholder address replaced, run as CI runs a step (bash -e)."""
    assert ADDRESS in script or "cxphilo check" in script
    return subprocess.run(
        [
            "bash",
            "--noprofile",
            "--norc",
            "-eo",
            "pipefail",
            "-c",
            script.replace(ADDRESS, published),
        ],
        cwd=cwd,
        env=environment_of(env_dir),
        capture_output=True,
        text=True,
        timeout=600,
    )


def installed_from(env_dir: Path, published: str) -> str:
    """Where the environment's cxphilo came from (pip records a URL's commit or tag)."""
    found = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "show", "-f", "cxphilo"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    location = re.search(r"^Location: (.+)$", found, re.M)
    assert location
    direct = next(Path(location.group(1)).glob("cxphilo-*.dist-info/direct_url.json"))
    record: dict[str, Any] = json.loads(direct.read_text(encoding="utf-8"))
    assert record["url"] == published
    return str(record["vcs_info"]["requested_revision"])


def test_the_readme_has_a_recipe_for_each_ci_and_pre_commit() -> None:
    found = recipes()
    assert set(found) == {"github", "action", "gitlab", "shell", "pre-commit"}
    for name, body in found.items():
        assert "pip install cxphilo" not in body, name  # not published on an index
        assert f"@{TAG}" in body or f"rev: {TAG}" in body, name
    assert "<owner>" not in README and "<URL" not in README


@pytest.mark.slow
def test_the_github_workflow_installs_and_checks(
    tmp_path: Path, fresh: Path, published: str
) -> None:
    workflow = yaml.safe_load(recipes()["github"])
    steps = workflow["jobs"]["check"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python"]  # GitHub's: skipped here
    repo = team(tmp_path)
    for step in steps:
        if "run" in step:
            done = shell(step["run"], repo, fresh, published)
            assert done.returncode == 0, step["run"] + "\n" + done.stdout + done.stderr
    assert installed_from(fresh, published) == TAG
    assert "1 file checked, passed" in done.stdout

    (repo / "philosophy.yaml").write_text(FLAWED_EXAMPLE.read_text(encoding="utf-8"))
    failed = shell(steps[-1]["run"], repo, fresh, published)
    assert failed.returncode == 1  # the job fails
    assert "values-too-many" in failed.stdout


@pytest.mark.slow
def test_the_action_recipe_runs_with_its_inputs(
    tmp_path: Path, fresh: Path, published: str
) -> None:
    workflow = yaml.safe_load(recipes()["action"])
    (step,) = [s for s in workflow["jobs"]["check"]["steps"] if "with" in s]
    assert step["uses"] == f"your-org/cxphilo@{TAG}"
    commented = re.findall(r"^\s*#\s*([\w-]+):", recipes()["action"], re.M)
    assert set(step["with"]) | set(commented) <= set(ACTION["inputs"])
    repo = team(tmp_path, FLAWED_EXAMPLE, "team/philosophy.yaml")
    (repo / "docs").mkdir()
    shutil.copy(COMPLETE, repo / "docs" / "philosophy.yaml")
    # The action's copy, at the tag the workflow names.
    action_copy = tmp_path / "action"
    git(tmp_path, "clone", "-q", "--branch", TAG, published, str(action_copy))
    inputs = {
        name: str(value).lower() if isinstance(value, bool) else str(value)
        for name, value in step["with"].items()
    }
    run = run_action(repo, fresh, action_copy, **inputs)
    assert run.logs["Install cxphilo"].returncode == 0, log(run)
    assert run.outputs["check"] == {"exit-code": "1"}, log(run)
    assert json.loads((repo / "cxphilo.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert run.failed_at == "Fail when the check failed"


@pytest.mark.slow
def test_the_gitlab_job_writes_its_code_quality_report(
    tmp_path: Path, fresh: Path, published: str
) -> None:
    job = yaml.safe_load(recipes()["gitlab"])["philosophy"]
    report = job["artifacts"]["reports"]["codequality"]
    repo = team(tmp_path, FLAWED_EXAMPLE)
    # GitLab runs the script's lines in one shell and stops at the first that fails.
    done = shell("\n".join(job["script"]), repo, fresh, published)
    assert done.returncode == 1, done.stdout + done.stderr  # the last line fails the job
    assert installed_from(fresh, published) == TAG
    issues = json.loads((repo / report).read_text(encoding="utf-8"))
    assert issues and {issue["check_name"] for issue in issues} >= {"values-too-many"}

    (repo / "philosophy.yaml").write_text(COMPLETE.read_text(encoding="utf-8"))
    passed = shell("\n".join(job["script"]), repo, fresh, published)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert json.loads((repo / report).read_text(encoding="utf-8")) == []


@pytest.mark.slow
def test_the_shell_recipe_checks_and_writes_junit(
    tmp_path: Path, fresh: Path, published: str
) -> None:
    repo = team(tmp_path)
    done = shell(recipes()["shell"], repo, fresh, published)
    assert done.returncode == 0, done.stdout + done.stderr
    assert installed_from(fresh, published) == TAG
    suites = ET.parse(repo / "cxphilo-junit.xml").getroot()
    assert suites.tag == "testsuites" and suites.get("failures") == "0"


@pytest.mark.slow
def test_the_pre_commit_recipe_installs_the_hook_at_its_tag(tmp_path: Path, published: str) -> None:
    repo = team(tmp_path, where="team/philosophy.yaml")
    config = recipes()["pre-commit"].replace(ADDRESS, published)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    passed = pre_commit_run(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"cxphilo check\.+Passed", passed.stdout), passed.stdout

    (repo / "team" / "philosophy.yaml").write_text(FLAWED_EXAMPLE.read_text(encoding="utf-8"))
    git(repo, "add", ".")
    failed = pre_commit_run(repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "values-too-many" in failed.stdout
    assert "notes.yaml" not in failed.stdout
