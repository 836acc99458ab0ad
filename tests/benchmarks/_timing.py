"""Whole-process timing for the benchmarks: wall time and peak memory of a command."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
PACKAGE = Path(__file__).resolve().parents[2] / "cxphilo"


def compile_package() -> None:
    """Compile cxphilo's bytecode first, as `pip install` does.

    Where PYTHONDONTWRITEBYTECODE is set, an editable install would otherwise
    recompile every module on every run and the figures would measure that.
    """
    compileall.compile_dir(str(PACKAGE), quiet=1)


def timed(action: Callable[[], object], runs: int, *, warm_up: bool = True) -> list[float]:
    """Wall time of `action`, in seconds, `runs` times (after one untimed call)."""
    if warm_up:
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


@dataclass
class Timing:
    label: str
    times: list[float]  # seconds
    max_rss_kb: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.times) * 1000


def measure(
    label: str,
    argv: Sequence[str],
    runs: int = 15,
    cwd: Path | None = None,
    pythonpath: Path | None = None,
) -> Timing:
    """Run `argv` `runs` times (after one warm-up); wall time and peak RSS of each run.
    With `pythonpath`, the cxphilo found there is the one that runs."""
    env = {**os.environ, "NO_COLOR": "1"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    times: list[float] = []
    peak = 0
    for attempt in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if attempt:  # the first run warms the file cache and the bytecode
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss)
    return Timing(label, times, peak)


def measure_until(
    label: str,
    argv: Sequence[str],
    words: bytes,
    runs: int = 15,
    cwd: Path | None = None,
    pythonpath: Path | None = None,
) -> Timing:
    """Run `argv` in a pseudo-terminal until it shows `words`, then press Ctrl-C.

    The time is from the start to `words` on the screen: what a person waits for
    before the first question. Peak RSS is the whole run's.
    """
    import pty
    import select

    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # nobody answers a cursor-position request here
        "COLUMNS": "120",
        "LINES": "40",
    }
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    times: list[float] = []
    peak = 0
    for attempt in range(runs + 1):
        master, slave = pty.openpty()
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True
        )
        os.close(slave)
        seen = b""
        while words not in seen:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                proc.kill()
                raise RuntimeError(
                    f"{label}: {words!r} never came; the last output: {seen[-500:]!r}"
                )
            try:
                seen += os.read(master, 65536)
            except OSError:  # the process ended
                raise RuntimeError(f"{label}: ended before {words!r}: {seen[-500:]!r}") from None
        elapsed = time.perf_counter() - start
        os.write(master, b"\x03")
        while True:  # keep reading, so that the process never blocks on a full terminal
            ready, _, _ = select.select([master], [], [], 10)
            try:
                if not ready or not os.read(master, 65536):
                    break
            except OSError:
                break
        _, _, usage = os.wait4(proc.pid, 0)
        os.close(master)
        if attempt:
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss)
    return Timing(label, times, peak)


def table(rows: Sequence[Timing], reference: Timing) -> str:
    """The figures side by side, each also as a multiple of the reference."""
    width = max(len(r.label) for r in rows) + 2
    lines = [f"{'command':<{width}}{'median':>10}{'min':>10}{'x ref':>8}{'peak RSS':>12}"]
    for row in rows:
        lines.append(
            f"{row.label:<{width}}{row.median_ms:>8.1f}ms{row.min_ms:>8.1f}ms"
            f"{row.median_ms / reference.median_ms:>8.2f}{row.max_rss_kb / 1024:>9.1f} MiB"
        )
    return "\n".join(lines)


def tool(name: str) -> str:
    """A command installed beside this Python (the benchmark's virtual environment)."""
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def checkout(ref: str) -> Path:
    """The project at git `ref`, in a temporary worktree with its bytecode compiled: what
    "before" runs, for figures beside the previous ones. Removed when the process ends."""
    import atexit
    import shutil
    import tempfile

    root = PACKAGE.parent
    where = Path(tempfile.mkdtemp(prefix="cxphilo-before-")) / "tree"
    subprocess.run(
        ["git", "-C", str(root), "worktree", "add", "--detach", "--quiet", str(where), ref],
        check=True,
    )

    def remove() -> None:
        subprocess.run(
            ["git", "-C", str(root), "worktree", "remove", "--force", str(where)], check=False
        )
        shutil.rmtree(where.parent, ignore_errors=True)

    atexit.register(remove)
    compileall.compile_dir(str(where / "cxphilo"), quiet=1)
    return where
