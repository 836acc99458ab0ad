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


def purelib(python: Path) -> str:
    """Where `python` (another environment's interpreter) keeps its installed packages."""
    return subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def environment_without_cxphilo(env_dir: Path) -> Path:
    """A fresh virtual environment in `env_dir` that has everything but cxphilo.

    Its dependencies (and the build backend) come from this test run's own
    environment through a path entry, so that a test can install cxphilo into it
    as a user would (`pip install ...`) with nothing downloaded: use it with
    PIP_NO_INDEX=1 and PIP_NO_BUILD_ISOLATION=0 (`offline_pip`).
    """
    import sysconfig
    import venv

    venv.EnvBuilder(with_pip=True).create(env_dir)
    target = purelib(env_dir / "bin" / "python")
    # Everything but cxphilo itself, so that pip really installs it.
    deps = env_dir / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if "cxphilo" not in entry.name:
            (deps / entry.name).symlink_to(entry)
    Path(target, "deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    return env_dir


# pip's settings for installing into `environment_without_cxphilo`: nothing fetched.
offline_pip = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0"}


def environment_of(env_dir: Path) -> dict[str, str]:
    """This process's environment as a shell started in `env_dir`'s environment sees it:
    its `bin` first on the path, pip offline, outside GitHub Actions."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", NO_COLOR="1")
    env.update(offline_pip)
    env.pop("GITHUB_ACTIONS", None)
    return env


# Who commits in a test's git repository, whatever the machine's git settings.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**(env or os.environ), **GIT_ENV},
        check=True,
        capture_output=True,
    )


def pre_commit_run(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` in `repo`, as a commit would run it."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=repo,
        env={**env, **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _pydantic_of_the_generated_files() -> str | None:
    import json

    path = ROOT / "cxphilo" / "check" / "fastschema.json"
    made: str | None = json.loads(path.read_text(encoding="utf-8")).get("pydantic")
    return made


def _this_pydantic() -> str:
    import pydantic

    return str(pydantic.VERSION)


# The generated schemas (cxphilo/check/fastschema.json, examples/cxphilo.schema.json)
# are made by one pydantic release, recorded in the fast schema; another release, such
# as the lowest one declared, words its schemas a little differently. Whether they are
# regenerated is asked of the release that made them.
made_with_this_pydantic = pytest.mark.skipif(
    _pydantic_of_the_generated_files() != _this_pydantic(),
    reason=f"the generated schemas were made with pydantic {_pydantic_of_the_generated_files()},"
    f" this is {_this_pydantic()}",
)


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
