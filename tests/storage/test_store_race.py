"""Writers racing for one file: exactly one wins, and nobody's save is lost.

Each round, several processes load the same philosophy, wait for each other,
then all save their own version at once. The one told "saved" must be the
version on disk; every other must have been refused with its version kept in
a copy of its own. The rename is slowed down by a random fraction of a
millisecond, so that a check and rename that are not one step are caught in
most rounds instead of a few in a hundred.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.synchronize
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Company, Philosophy
from cxphilo.errors import ConflictError
from cxphilo.storage import store as store_module
from cxphilo.storage.store import Store, load, render

WRITERS = 3
ROUNDS = {"folder-lock": 200, "lock-file": 100}

_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _writer(
    number: int,
    root: str,
    rounds: int,
    barrier: multiprocessing.synchronize.Barrier,
    conn: multiprocessing.connection.Connection,
    lock_file: bool,
) -> None:
    real_replace = os.replace

    def slow_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        time.sleep(random.uniform(0, 0.001))
        real_replace(src, dst)

    os.replace = slow_replace  # type: ignore[assignment]
    if lock_file:
        store_module._fcntl = None  # as on a platform without fcntl
    outcomes: list[str] = []
    for round_ in range(rounds):
        store = Store.open(Path(root) / f"round-{round_}" / "philosophy.yaml")
        barrier.wait()  # everyone has loaded the same version
        store.doc.notes = _version(number, round_)
        try:
            store.save()
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("refused")
        except Exception as exc:
            outcomes.append(f"error: {exc!r}")
    conn.send(outcomes)
    conn.close()


def _version(number: int, round_: int) -> str:
    return f"writer {number}, round {round_}"


@pytest.mark.parametrize("lock_file", [False, True], ids=["folder-lock", "lock-file"])
def test_racing_writers_never_lose_an_acknowledged_save(tmp_path: Path, lock_file: bool) -> None:
    rounds = ROUNDS["lock-file" if lock_file else "folder-lock"]
    base = render(Philosophy(company=Company(name="Acme", mission="Sell bikes.")))[0]
    for round_ in range(rounds):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        (folder / "philosophy.yaml").write_text(base, encoding="utf-8")
    context: Any = multiprocessing.get_context(_METHOD)
    barrier = context.Barrier(WRITERS)
    pipes = [context.Pipe(duplex=False) for _ in range(WRITERS)]
    processes = [
        context.Process(
            target=_writer, args=(n, str(tmp_path), rounds, barrier, pipes[n][1], lock_file)
        )
        for n in range(WRITERS)
    ]
    for process in processes:
        process.start()
    results = [receive.recv() if receive.poll(120) else [] for receive, _ in pipes]
    for process in processes:
        process.join(10)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    assert all(len(outcomes) == rounds for outcomes in results)

    for round_ in range(rounds):
        folder = tmp_path / f"round-{round_}"
        outcomes = {n: results[n][round_] for n in range(WRITERS)}
        assert sorted(outcomes.values()) == ["refused"] * (WRITERS - 1) + ["saved"], (
            round_,
            outcomes,
        )
        winner = next(n for n, outcome in outcomes.items() if outcome == "saved")
        assert load(folder / "philosophy.yaml").doc.notes == _version(winner, round_)
        kept = sorted(p for p in folder.glob("philosophy.mine*.yaml"))
        assert sorted(load(p).doc.notes or "" for p in kept) == sorted(
            _version(n, round_) for n in outcomes if n != winner
        ), round_
        assert not [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".lock"))]
