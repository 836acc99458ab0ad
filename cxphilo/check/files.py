"""Which files a `cxphilo check a.yaml dir/` call checks.

A file named on the command line is always checked, whatever its name. A
folder is searched recursively for philosophy files: `*.yaml` and `*.yml`
files that are named `philosophy*` or whose top level has a `company:` key
(every philosophy has one). Hidden files and folders (`.git`,
`.pre-commit-config.yaml`, `.cxphilo.yaml`) and virtual environments are
skipped, so that pointing the check at a repository does not pick up CI or
tool configuration.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from cxphilo.errors import FileNotFound, UsageError

SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = {"node_modules", "venv", "__pycache__", "site-packages", "build", "dist"}
_COMPANY_KEY = re.compile(rb"^company:", re.MULTILINE)
SNIFF_BYTES = 64 * 1024


def expand(paths: Sequence[Path]) -> list[Path]:
    """The files to check, in the order given, each once.

    Raises FileNotFound for a path that does not exist, UsageError when the
    paths name no philosophy file at all.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            candidates: Iterator[Path] = _philosophies_in(path)
        elif path.exists():
            candidates = iter([path])
        else:
            raise FileNotFound(f"{path}: no such file or folder")
        for candidate in candidates:
            key = os.path.normcase(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    if not found:
        named = ", ".join(str(p) for p in paths)
        raise UsageError(
            f"no philosophy files in {named}",
            hint="a philosophy is a .yaml file with a company: key, or name the files to check",
        )
    return found


def _philosophies_in(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if name.startswith(".") or not name.endswith(SUFFIXES):
                continue
            path = Path(root) / name
            if name.startswith("philosophy") or looks_like_philosophy(path):
                yield path


def looks_like_philosophy(path: Path) -> bool:
    """True when the file's top level has a `company:` key (read without parsing)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return bool(_COMPANY_KEY.search(head))
