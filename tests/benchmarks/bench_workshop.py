"""What a facilitator waits for in the workshop, beside a reference for each.

Run: python tests/benchmarks/bench_workshop.py [--runs N]
- saving one answer (validate, render, write atomically with fsync) on a
  complete philosophy, beside a bare atomic write of the same bytes;
- the live verdicts on a vision statement while it is being rewritten, beside
  the engine's own budget (well under 10 ms);
- launching `cxphilo workshop` in a pseudo-terminal until the first question
  is on screen, beside `cxphilo --version`.
Not part of the test suite: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import compile_package, measure, timed, tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-bikes.yaml"


def line(label: str, times: list[float], reference: list[float] | None = None) -> str:
    median = statistics.median(times) * 1000
    text = f"{label:<52}{median:>9.2f} ms{min(times) * 1000:>9.2f} ms"
    if reference:
        text += f"{median / (statistics.median(reference) * 1000):>8.1f}x"
    return text


def saving(folder: Path, runs: int) -> tuple[list[float], list[float]]:
    from cxphilo.storage.store import Store, atomic_write

    path = folder / "philosophy.yaml"
    shutil.copy(EXAMPLE, path)
    store = Store.open(path)
    counter = iter(range(10**9))

    def answer() -> None:
        # One answer: a changed field, then the save the workshop does after it.
        store.doc.notes = f"answer {next(counter)}"
        store.save()

    text = path.read_text(encoding="utf-8")
    bare = folder / "bare.yaml"
    return timed(answer, runs), timed(lambda: atomic_write(bare, text), runs)


def verdicts(runs: int) -> list[float]:
    from cxphilo.storage.store import load
    from cxphilo.workshop.judging import judge

    doc = load(EXAMPLE).doc
    drafts = [
        "Best-in-class support 24/7 on every channel",
        "Every rider gets back on the road with one person who owns the problem.",
    ]
    return timed(lambda: [judge(s, doc) for s in drafts], runs)


def first_question(folder: Path, runs: int) -> list[float]:
    import pexpect

    shutil.copy(EXAMPLE, folder / "philosophy.yaml")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    times = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        child = pexpect.spawn(
            tool("cxphilo"), ["workshop"], cwd=str(folder), env=env, encoding="utf-8", timeout=30
        )
        child.expect_exact("What now?")  # every step is done: the first question
        elapsed = time.perf_counter() - start
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
        if attempt:
            times.append(elapsed)
    return times


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        save, bare = saving(folder, runs * 4)
        judge_times = verdicts(runs * 4)
        launch = first_question(folder, runs)
    version = measure("cxphilo --version", [tool("cxphilo"), "--version"], runs).times
    print(f"The workshop, {EXAMPLE.name}; median and minimum")
    print(f"{'':<52}{'median':>12}{'min':>12}{'x ref':>8}")
    print(line("reference: atomic write of the same bytes (fsync)", bare))
    print(line("save after one answer (validate, render, write)", save, bare))
    print(line("reference: the engine's budget per statement", [0.010]))
    print(line("live verdicts on a statement (mean of two)", [t / 2 for t in judge_times]))
    print(line("reference: cxphilo --version", version))
    print(line("cxphilo workshop: launch to the first question", launch, version))


if __name__ == "__main__":
    main()
