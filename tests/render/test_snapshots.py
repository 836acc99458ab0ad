"""Every example renders every document in both formats exactly as stored.

The stored files live in tests/snapshots/; after a deliberate change to a
template or an example, regenerate them with `python tests/update_snapshots.py`
and review the diff.
"""

from __future__ import annotations

import difflib

import pytest

from tests.update_snapshots import COMMAND, SOURCES, Case, cases, rendered, stale

CASES = cases()


def test_every_example_is_covered() -> None:
    examples = sorted(SOURCES["examples"].glob("*.yaml"))
    assert examples, "examples/ holds no philosophy"
    covered = {(c.source, c.kind, c.fmt) for c in CASES}
    for source in examples:
        for kind in ("charter", "rubric", "survey"):
            for fmt in ("md", "html"):
                assert (source, kind, fmt) in covered


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rendered_document_matches_its_snapshot(case: Case) -> None:
    if not case.snapshot.exists():
        pytest.fail(f"no snapshot {case.id}; create it with: {COMMAND}", pytrace=False)
    expected = case.snapshot.read_text(encoding="utf-8")
    actual = rendered(case)
    if actual != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    "snapshot",
                    "rendered now",
                )
            )[:80]
        )
        pytest.fail(
            f"{case.id} differs from its snapshot:\n{diff}\n"
            f"if the change is intended, regenerate with: {COMMAND}",
            pytrace=False,
        )


def test_no_snapshot_is_left_without_its_philosophy() -> None:
    left = stale()
    assert not left, f"snapshots without a philosophy: {left}; remove them with: {COMMAND}"
