"""The built wheel works on its own: templates and catalogue inside, no file from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, purelib


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    (found,) = out.glob("cxphilo-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel installed in it.

    The dependencies come from this test run's own environment through a path
    entry, so no network is needed; the editable install of the repository is
    not visible there (its .pth file is not processed from a plain path entry).
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    target = purelib(python)
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    Path(target, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    script = env_dir / "bin" / "cxphilo"
    script.write_text(
        f"#!{python}\nimport sys\nfrom cxphilo.__main__ import main\nsys.exit(main())\n"
    )
    script.chmod(0o755)
    return env_dir


def test_the_wheel_carries_the_templates_and_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "cxphilo/document/catalogue.py" in names
    assert any(n.startswith("cxphilo/templates/") for n in names), names
    for language in ("da", "sv", "nb", "tr", "zh"):  # the compiled catalogs: nothing to build
        assert f"cxphilo/locale/{language}/LC_MESSAGES/cxphilo.mo" in names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


@pytest.mark.slow
def test_the_installed_wheel_runs_from_anywhere(installed: Path, tmp_path: Path) -> None:
    cxphilo = str(installed / "bin" / "cxphilo")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(NO_COLOR="1", COLUMNS="100")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [cxphilo, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
        )

    where = run_python(installed, "import cxphilo; print(cxphilo.__file__)", tmp_path, env)
    assert str(ROOT) not in where and str(installed) in where
    assert run("--version").returncode == 0
    assert run("init", "--company", "Acme Bikes").returncode == 0
    assert run("status").returncode == 0
    assert '"$id"' in run("schema").stdout
    assert "NPS" in run("metrics").stdout
    templates = run_python(
        installed,
        "import cxphilo, pathlib; p = pathlib.Path(cxphilo.__file__).parent / 'templates';"
        "print(sorted(x.name for x in p.iterdir()))",
        tmp_path,
        env,
    )
    assert templates.strip() != "[]"


def run_python(env_dir: Path, code: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", code],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
