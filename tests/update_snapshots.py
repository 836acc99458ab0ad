"""Regenerate the stored documents that tests/render/test_snapshots.py compares against.

Run from anywhere:

    python tests/update_snapshots.py

Every philosophy in examples/ and tests/data/render/ is rendered as the charter,
the rubric and the survey, in Markdown and HTML, into tests/snapshots/<source>/<name>/.
Snapshots whose philosophy is gone are removed. Review the diff before committing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "snapshots"
SOURCES = {"examples": ROOT / "examples", "render": ROOT / "tests" / "data" / "render"}
KINDS = ("charter", "rubric", "survey")
FORMATS = ("md", "html")
COMMAND = "python tests/update_snapshots.py"


@dataclass(frozen=True)
class Case:
    """One philosophy rendered as one document in one format."""

    source: Path
    kind: str
    fmt: str
    snapshot: Path

    @property
    def id(self) -> str:
        return f"{self.snapshot.parent.parent.name}/{self.source.stem}/{self.kind}.{self.fmt}"


def cases() -> list[Case]:
    """Every philosophy, document and format, in a stable order."""
    found = []
    for group, folder in SOURCES.items():
        for source in sorted(folder.glob("*.yaml")):
            for kind in KINDS:
                for fmt in FORMATS:
                    snapshot = SNAPSHOTS / group / source.stem / f"{kind}.{fmt}"
                    found.append(Case(source, kind, fmt, snapshot))
    return found


def rendered(case: Case) -> str:
    """What the built-in templates make of the case today."""
    from cxphilo.render.renderer import render
    from cxphilo.storage.store import load

    return render(load(case.source).doc, case.kind, case.fmt)


def stale() -> list[Path]:
    """Stored snapshots that no case produces any more."""
    wanted = {case.snapshot for case in cases()}
    return sorted(p for p in SNAPSHOTS.glob("*/*/*.*") if p not in wanted)


def main() -> int:
    changed = 0
    for case in cases():
        text = rendered(case)
        old = case.snapshot.read_text(encoding="utf-8") if case.snapshot.exists() else None
        if old != text:
            case.snapshot.parent.mkdir(parents=True, exist_ok=True)
            case.snapshot.write_text(text, encoding="utf-8", newline="\n")
            changed += 1
            print(
                f"{'updated' if old is not None else 'created'} {case.snapshot.relative_to(ROOT)}"
            )
    for path in stale():
        path.unlink()
        changed += 1
        print(f"removed {path.relative_to(ROOT)}")
        if not any(path.parent.iterdir()):
            path.parent.rmdir()
    print(f"{len(cases())} snapshots, {changed} changed")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
