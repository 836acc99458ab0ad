"""How long rendering takes: in-process per document, and the whole `cxphilo render` command.

Run: python tests/benchmarks/bench_render.py [--runs N]
In-process figures put each document beside loading the same file
(`cxphilo.storage.store.load`); whole-process figures put `cxphilo render` beside
`cxphilo status` on the same file. Not part of the test suite: timings depend
on the machine and its load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compile_package, measure, table, timed, tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-bikes.yaml"


def in_process(runs: int) -> None:
    from cxphilo.render.renderer import render
    from cxphilo.render.templating import _environment
    from cxphilo.storage.store import load

    doc = load(EXAMPLE).doc
    start = time.perf_counter()
    render(doc, "charter", "html")
    cold = (time.perf_counter() - start) * 1000
    reference = statistics.median(timed(lambda: load(EXAMPLE), runs, warm_up=False)) * 1000
    print(f"In process, {runs} runs each (median); reference: load {EXAMPLE.name}")
    print(f"{'what':<26}{'median':>10}{'x ref':>8}")
    print(f"{'load (reference)':<26}{reference:>8.2f}ms{1:>8.2f}")
    print(f"{'first render (compiles)':<26}{cold:>8.2f}ms{cold / reference:>8.2f}")
    for kind in ("charter", "rubric", "survey"):
        for fmt in ("md", "html"):
            median = (
                statistics.median(
                    timed(lambda k=kind, f=fmt: render(doc, k, f), runs, warm_up=False)
                )
                * 1000
            )
            print(f"{kind + ' ' + fmt:<26}{median:>8.2f}ms{median / reference:>8.2f}")
    _environment.cache_clear()


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    in_process(runs * 4)
    cx = tool("cxphilo")
    reference = measure("cxphilo status EXAMPLE", [cx, "status", str(EXAMPLE)], runs)
    rows = [
        reference,
        measure("cxphilo render EXAMPLE", [cx, "render", str(EXAMPLE)], runs),
        measure(
            "cxphilo render --to html",
            [cx, "render", str(EXAMPLE), "--to", "html"],
            runs,
        ),
    ]
    print()
    print(f"Whole process, {runs} runs each (EXAMPLE = {EXAMPLE.name})")
    print(table(rows, reference))


if __name__ == "__main__":
    main()
