"""Start-up of the commands pre-commit and CI run, beside `python -c "import yaml"`.

Run: python tests/benchmarks/bench_startup.py [--runs N] [--before REF]
Prints whole-process wall time (median and minimum of N runs) and peak memory; for
`cxphilo workshop`, run in a pseudo-terminal, the time until its first question. With
`--before REF` (a git ref: a tag, a commit, HEAD~3), each command also runs from that
version of the project, checked out beside this one, and the two are printed together.
Not part of the test suite: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import Timing, checkout, compile_package, measure, measure_until, table

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-bikes.yaml"
DANISH = ROOT / "examples" / "lyskilde-fiber.yaml"  # a document whose words need a catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", metavar="REF", help="also run the project at this git ref")
    options = parser.parse_args()
    runs = options.runs
    compile_package()
    python = sys.executable
    reference = measure('python -c "import yaml"', [python, "-c", "import yaml"], runs)
    commands = [
        ("--version", ["--version"]),
        ("check EXAMPLE", ["check", str(EXAMPLE)]),
        ("check DANISH", ["check", str(DANISH)]),
        ("schema", ["schema"]),
        ("status EXAMPLE", ["status", str(EXAMPLE)]),
        ("status DANISH", ["status", str(DANISH)]),
        ("metrics", ["metrics"]),
    ]
    before = checkout(options.before) if options.before else None
    rows: list[Timing] = [measure("python -c pass", [python, "-c", "pass"], runs), reference]
    for label, args in commands:
        rows.append(measure(f"cxphilo {label}", [python, "-m", "cxphilo", *args], runs, ROOT))
        if before is not None:
            rows.append(
                measure(
                    f"  before ({options.before})",
                    [python, "-m", "cxphilo", *args],
                    runs,
                    before,
                    pythonpath=before,
                )
            )
    # One keyboard, no room: the workshop on a new file, until it asks its first question.
    workshop = [python, "-m", "cxphilo", "workshop", "new.yaml", "--company", "Acme"]
    workshop += ["--language", "en"]
    with tempfile.TemporaryDirectory() as scratch:
        for label, where in [("", None), (f"  before ({options.before})", before)][
            : 2 if before is not None else 1
        ]:
            rows.append(
                measure_until(
                    label or "cxphilo workshop (to its first question)",
                    workshop,
                    b"Ready?",
                    runs,
                    Path(scratch),
                    pythonpath=where or ROOT,
                )
            )
    print(
        f"Start-up, {runs} runs each (EXAMPLE = {EXAMPLE.name}, DANISH = {DANISH.name}; "
        "python -m cxphilo, so that both versions start the same way)"
    )
    print(table(rows, reference))


if __name__ == "__main__":
    main()
