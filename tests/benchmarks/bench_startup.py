"""Start-up of the commands pre-commit and CI run, beside `python -c "import yaml"`.

Run: python tests/benchmarks/bench_startup.py [--runs N]
Prints whole-process wall time (median and minimum of N runs) and peak memory.
Not part of the test suite: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compile_package, measure, table, tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-bikes.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    compile_package()
    python = sys.executable
    cx = tool("cxphilo")
    reference = measure('python -c "import yaml"', [python, "-c", "import yaml"], runs)
    rows = [
        measure("python -c pass", [python, "-c", "pass"], runs),
        reference,
        measure("cxphilo --version", [cx, "--version"], runs),
        measure("cxphilo schema", [cx, "schema"], runs),
        measure("cxphilo status EXAMPLE", [cx, "status", str(EXAMPLE)], runs),
        measure("cxphilo metrics", [cx, "metrics"], runs),
    ]
    print(f"Start-up, {runs} runs each (EXAMPLE = {EXAMPLE.name})")
    print(table(rows, reference))


if __name__ == "__main__":
    main()
