"""The installed wheel renders with the templates it carries, from a folder with none."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cxphilo.render.renderer import render
from cxphilo.storage.store import load
from tests.conftest import EXAMPLES, ROOT

# The lead's fixtures build the wheel and install it into a throwaway environment.
from tests.test_wheel import installed, wheel  # noqa: F401


def test_the_wheel_carries_every_built_in_template(wheel: Path) -> None:  # noqa: F811
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for template in sorted((ROOT / "templates").glob("*.j2")):
        assert f"cxphilo/templates/{template.name}" in names


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["charter", "rubric", "survey"])
def test_the_installed_wheel_renders_every_document(
    installed: Path,  # noqa: F811
    tmp_path: Path,
    kind: str,
) -> None:
    source = tmp_path / "philosophy.yaml"
    source.write_bytes((EXAMPLES / "lyskilde-fiber.yaml").read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(NO_COLOR="1")
    result = subprocess.run(
        [str(installed / "bin" / "cxphilo"), "render", "--doc", kind, "-o", f"{kind}.html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    expected = render(load(source).doc, kind, "html")
    assert (tmp_path / f"{kind}.html").read_text(encoding="utf-8") == expected
    where = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "from cxphilo.render.templating import builtin_dir; print(builtin_dir())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(installed)) and where.endswith("cxphilo/templates")
