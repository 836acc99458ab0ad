"""Speed of `cxphilo check`, printed beside yamllint on the same file.

Run: python tests/benchmarks/bench_check.py [--runs N] [--docs N]
Prints
  1. whole-process `cxphilo check FILE` against `yamllint FILE` (median and minimum of N runs),
     with the path CI takes (fast start-up) and the typer + pydantic path it replaces;
  2. checking 1,000 documents in one call;
  3. judge_vision per statement, over the project's labelled statements;
  4. judge_vision on statements of 1 MiB (one word, many words, Chinese), and a whole
     `cxphilo check` of a file whose vision is 1 MiB long.
Not part of the test suite: timings depend on the machine and its load. An
installed package has compiled bytecode, so the script compiles cxphilo's
first (compileall), as pip does.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import Timing, compile_package, measure, table, tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FILE = EXAMPLES / "northwind-bikes.yaml"
LABELLED = ROOT / "tests" / "criteria" / "labelled_visions.yaml"

_SLOW_PATH = (
    "import sys; from cxphilo.check import fastdoc; fastdoc.accepts = lambda data: False; "
    "from cxphilo.__main__ import main; sys.exit(main(['--debug', 'check', sys.argv[1]]))"
)


def startup(runs: int) -> None:
    python = sys.executable
    cx = tool("cxphilo")
    reference = measure("yamllint FILE", [tool("yamllint"), str(FILE)], runs)
    rows = [
        measure("python -c pass", [python, "-c", "pass"], runs),
        measure('python -c "import yaml"', [python, "-c", "import yaml"], runs),
        reference,
        measure("cxphilo check FILE", [cx, "check", str(FILE)], runs),
        measure(
            "cxphilo check FILE (typer + pydantic path)",
            [python, "-c", _SLOW_PATH, str(FILE)],
            runs,
        ),
    ]
    print(
        f"1. Whole process, {runs} runs each (FILE = examples/{FILE.name}, "
        f"{len(FILE.read_text(encoding='utf-8').splitlines())} lines)"
    )
    print(table(rows, reference))


def corpus(docs: int, runs: int) -> None:
    sources = sorted(EXAMPLES.glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    folder = Path(tempfile.mkdtemp(prefix="cxphilo-bench-"))
    try:
        for n in range(docs):
            text = texts[n % len(texts)].replace("  name: ", f"  name: Company {n} ", 1)
            (folder / f"philosophy-{n:04d}.yaml").write_text(text, encoding="utf-8")
        timing: Timing = measure(
            f"cxphilo check <{docs} files>",
            [tool("cxphilo"), "check", "--format", "json", str(folder)],
            runs,
        )
    finally:
        shutil.rmtree(folder)
    print(f"\n2. {docs} documents in one call ({len(sources)} examples, cycled), {runs} runs")
    print(
        f"   median {timing.median_ms / 1000:.2f} s, minimum {timing.min_ms / 1000:.2f} s, "
        f"{timing.median_ms / docs:.2f} ms per document, peak RSS "
        f"{timing.max_rss_kb / 1024:.0f} MiB (workers not counted)"
    )


def judge(rounds: int) -> None:
    import yaml

    from cxphilo.criteria import judge_vision

    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["items"]

    class Cap:
        def __init__(self, data: dict[str, object]) -> None:
            self.team_size = data.get("team_size")
            self.days = data.get("days", [])
            self.hours = data.get("hours")
            self.channels = data.get("channels", [])
            self.day_hours = data.get("day_hours", {})
            self.channel_hours = data.get("channel_hours", {})

    cases = [
        (
            i["vision"],
            i.get("language", "en"),
            i.get("mission"),
            Cap(i["capacity"]) if i.get("capacity") else None,
        )
        for i in items
    ]
    first = time.perf_counter()
    for language in sorted({c[1] for c in cases}):
        judge_vision("x", language)  # load and build each language's word lists once
    warm_up = (time.perf_counter() - first) * 1000
    per_statement: list[float] = []
    for statement, language, mission, capacity in cases:
        start = time.perf_counter()
        for _ in range(rounds):
            judge_vision(statement, language, mission, capacity)  # type: ignore[arg-type]
        per_statement.append((time.perf_counter() - start) / rounds * 1e6)
    longest = max(cases, key=lambda c: len(c[0]))
    start = time.perf_counter()
    for _ in range(rounds):
        judge_vision(*longest)  # type: ignore[arg-type]
    longest_us = (time.perf_counter() - start) / rounds * 1e6
    print(
        f"\n3. judge_vision, {len(cases)} labelled statements x {rounds} rounds "
        f"(budget: well under 10,000 us)"
    )
    print(
        f"   median {statistics.median(per_statement):.0f} us, "
        f"90th percentile {sorted(per_statement)[int(len(per_statement) * 0.9)]:.0f} us, "
        f"max {max(per_statement):.0f} us; longest statement ({len(longest[0].split())} words) "
        f"{longest_us:.0f} us; loading all six languages once {warm_up:.0f} ms"
    )


def huge(runs: int) -> None:
    import tracemalloc

    from cxphilo.criteria import judge_vision

    size = 1 << 20
    cases = [
        ("one word of 1 MiB", "a" * size, "en"),
        ("1 MiB of words", ("we answer every message " * size)[:size], "en"),
        ("1 MiB of Chinese", ("我们的客服团队" * size)[:size], "zh"),
    ]
    print(f"\n4. Statements of 1 MiB ({size:,} characters), best of {runs}")
    for label, statement, language in cases:
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            judge_vision(statement, language)
            best = min(best, time.perf_counter() - start)
        tracemalloc.start()
        judge_vision(statement, language)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"   {label:<20} {best * 1000:7.0f} ms, peak {peak / (1 << 20):5.1f} MiB allocated")
    folder = Path(tempfile.mkdtemp(prefix="cxphilo-bench-"))
    try:
        text = FILE.read_text(encoding="utf-8")
        at = text.index("  statement:", text.index("\nvision:"))
        long_file = folder / "long-vision.yaml"
        # As long as the largest file cxphilo reads allows.
        statement = cases[1][1][: size - len(text.encode()) - 64]
        long_file.write_text(
            text[:at] + f"  statement: {statement}\n" + text[text.index("\n", at) + 1 :],
            encoding="utf-8",
        )
        argv = [tool("cxphilo"), "check", str(long_file)]
        timing = measure("cxphilo check <1 MiB vision>", argv, runs)
    finally:
        shutil.rmtree(folder)
    print(
        f"   whole `cxphilo check` of a 1 MiB file, its vision {len(statement):,} characters: "
        f"median {timing.median_ms:.0f} ms, "
        f"peak RSS {timing.max_rss_kb / 1024:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=50)
    options = parser.parse_args()
    compile_package()
    startup(options.runs)
    corpus(options.docs, max(1, options.runs // 5))
    judge(options.rounds)
    huge(max(1, options.runs // 5))


if __name__ == "__main__":
    main()
