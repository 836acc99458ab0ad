"""Print the package's runtime requirements pinned to the lowest versions it declares.

    python .ci/lowest.py > lowest.txt && pip install -c lowest.txt '.[test]'

Every `name>=X` in [project].dependencies becomes `name==X`, so that CI can run
the tests against the oldest releases the package says it works with, as well as
the newest. A requirement with no lower bound, or one for another Python than
this one, is left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

LOWER = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def pins(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    out = []
    for requirement in project["dependencies"]:
        requirement, _, marker = requirement.partition(";")
        if marker.strip() and not _applies(marker):
            continue
        found = LOWER.match(requirement)
        if found:
            out.append(f"{found.group(1)}=={found.group(2)}")
    return out


def _applies(marker: str) -> bool:
    # Only the markers this project uses: python_version < "3.x".
    found = re.fullmatch(r'\s*python_version\s*<\s*"(\d+)\.(\d+)"\s*', marker)
    if not found:
        raise SystemExit(f"lowest.py: cannot read the marker {marker!r}")
    return sys.version_info[:2] < (int(found.group(1)), int(found.group(2)))


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    print("\n".join(pins(root / "pyproject.toml")))
