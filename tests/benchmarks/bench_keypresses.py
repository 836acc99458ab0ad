"""Keys a facilitator presses in the room scenario: today's workshop beside the one before.

Run: python tests/benchmarks/bench_keypresses.py [--stored]

Types the room scenario (room_scenario.py) into today's `cxphilo workshop` in a
pseudo-terminal (room_workshop.py), and into the workshop as it was before
its rework (keypresses_before.py), exported from git at BEFORE_COMMIT into a
temporary folder. Prints the non-text keys (Enter, arrows, space, number
keys, Ctrl-keys) per step, the finish and the revisit, beside each other;
text characters in total; and the keys today's workshop spends on questions
the earlier one did not ask (the company's vision, hours per channel, the
journey, units, training, readings, the private ballot's handover...), so
that the questions both ask can be compared too.

`--stored` prints the earlier workshop's figures as measured on this machine
(STORED) instead of running it, for a checkout without git history.
Not part of the test suite: counts, the same on every run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import keypresses_before
import room_scenario as s
from room_workshop import RoomRun

ROOT = Path(__file__).resolve().parents[2]
BEFORE_COMMIT = "b2b4cdc"
# python tests/benchmarks/keypresses_before.py on BEFORE_COMMIT (non-text keys, text chars)
STORED = {
    "assess": (44, 353),
    "model": (5, 97),
    "values": (103, 289),
    "vision": (14, 133),
    "actions": (39, 322),
    "share": (17, 177),
    "listen": (16, 49),
    "finish": (1, 0),
    "revisit": (22, 10),
}


def before_counts(stored: bool) -> tuple[dict[str, tuple[int, int]], str]:
    """The earlier workshop's counts per row, measured now or as stored."""
    if stored:
        return STORED, "as stored"
    export = Path(tempfile.mkdtemp(prefix="cxphilo-before-"))
    folder = Path(tempfile.mkdtemp(prefix="room-before-"))
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE_COMMIT],
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            return STORED, f"as stored (git archive {BEFORE_COMMIT} failed)"
        subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
        rows = [(keypresses_before.room_name(by), idea) for by, idea in s.CSV_ROWS]
        (folder / s.CSV_FILE).write_text(s.csv_text(rows), encoding="utf-8")
        before = keypresses_before.Before(folder, export)
        before.run()
        before.revisit()
        counts = {row: (c.keys, c.chars) for row, c in before.kb.counts.items()}
        return counts, f"measured now on {BEFORE_COMMIT}"
    finally:
        shutil.rmtree(export, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", action="store_true", help="do not run the earlier workshop")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="room-now-"))
    try:
        run = RoomRun(folder)
        run.run()
        run.revisit()
        check = subprocess.run(
            [sys.executable, "-m", "cxphilo", "check", s.FILE],
            cwd=folder,
            env=s.child_env(),
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    before, how = before_counts(args.stored)
    now = run.kb.counts
    new = run.kb.new_only
    labels = dict(s.ROWS)
    print(f"Non-text keys of the room scenario (the earlier workshop {how})")
    print(f"{'row':<12}{'before':>8}{'now':>8}{'now/before':>12}{'on new questions':>18}")
    for row, _ in s.ROWS:
        old = before[row][0]
        ratio = f"{now[row].keys / old:.0%}" if old else "-"
        print(f"{labels[row]:<12}{old:>8}{now[row].keys:>8}{ratio:>12}{new[row].keys:>18}")
    old_total = sum(k for k, _ in before.values())
    now_total = sum(c.keys for c in now.values())
    new_total = sum(c.keys for c in new.values())
    print(f"{'total':<12}{old_total:>8}{now_total:>8}{now_total / old_total:>12.0%}{new_total:>18}")
    same = now_total - new_total
    print(
        f"On the questions both ask: {same} keys now, {old_total} before ({same / old_total:.0%})."
    )
    chars_old = sum(c for _, c in before.values())
    chars_now = sum(c.chars for c in now.values())
    print(f"Text typed: {chars_now} characters now, {chars_old} before.")
    print(f"cxphilo check on today's file: exit {check.returncode}")
    return check.returncode


if __name__ == "__main__":
    sys.exit(main())
