"""The files around a philosophy: symbolic links kept, temporary files of killed saves removed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxphilo.document.model import Company, Philosophy
from cxphilo.errors import ConflictError
from cxphilo.storage import store as store_module
from cxphilo.storage.store import Store, load

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and process ids")


def _doc() -> Philosophy:
    return Philosophy(company=Company(name="Acme", mission="Sell bikes."))


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- symbolic links ----------------------------------------------------------------------

LINKS = {
    # id: (where the real file is, relative to tmp_path; absolute link?)
    "relative-same-folder": ("work/actual.yaml", False),
    "absolute-same-folder": ("work/actual.yaml", True),
    "relative-other-folder": ("shared/team/philosophy.yaml", False),
    "absolute-other-folder": ("shared/team/philosophy.yaml", True),
}


@posix_only
@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_save_through_a_symbolic_link_writes_the_real_file_and_keeps_the_link(
    tmp_path: Path, case: str
) -> None:
    where, absolute = LINKS[case]
    real = tmp_path / where
    real.parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "work").mkdir(exist_ok=True)
    Store.create(real, _doc())
    real.chmod(0o640)
    link = tmp_path / "work" / "philosophy.yaml"
    pointer = str(real) if absolute else os.path.relpath(real, link.parent)
    link.symlink_to(pointer)

    store = Store.open(link)
    store.doc.company.mission = "Saved through the link."
    store.save()
    store.doc.notes = "And once more."
    store.save()

    assert link.is_symlink() and os.readlink(link) == pointer
    assert load(real).doc.company.mission == "Saved through the link."
    assert load(real).doc.notes == "And once more."
    assert real.stat().st_mode & 0o777 == 0o640
    for folder in {link.parent, real.parent}:
        assert not [n for n in _names(folder) if n.endswith((".tmp", ".lock"))]


@posix_only
def test_a_chain_of_links_leads_to_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    Store.create(real, _doc())
    (tmp_path / "middle.yaml").symlink_to("real.yaml")
    (tmp_path / "philosophy.yaml").symlink_to("middle.yaml")
    store = Store.open(tmp_path / "philosophy.yaml")
    store.doc.notes = "Through two links."
    store.save()
    assert (tmp_path / "philosophy.yaml").is_symlink() and (tmp_path / "middle.yaml").is_symlink()
    assert load(real).doc.notes == "Through two links."


@posix_only
def test_a_change_to_the_real_file_is_seen_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "philosophy.yaml"
    real.parent.mkdir()
    Store.create(real, _doc())
    link = tmp_path / "philosophy.yaml"
    link.symlink_to(real)
    mine = Store.open(link)
    theirs = Store.open(real)
    theirs.doc.notes = "Theirs."
    theirs.save()
    mine.doc.notes = "Mine."
    with pytest.raises(ConflictError, match="changed on disk"):
        mine.save()
    assert load(real).doc.notes == "Theirs."
    assert link.is_symlink()
    assert load(tmp_path / "philosophy.mine.yaml").doc.notes == "Mine."


@posix_only
def test_creating_through_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "philosophy.yaml"
    link.symlink_to("real.yaml")
    Store.create(link, _doc())
    assert link.is_symlink()
    assert load(tmp_path / "real.yaml").doc.company.name == "Acme"


# --- temporary files left by killed saves ------------------------------------------------


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The id of a process that runs for the whole test."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def _leftover(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_text("half a philosophy", encoding="utf-8")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


GRACE = store_module.TEMP_GRACE
STALE = store_module.TEMP_STALE


@posix_only
@pytest.mark.parametrize("when", ["open", "save"])
def test_temporary_files_of_writers_that_are_gone_are_removed(
    tmp_path: Path, dead_pid: int, live_pid: int, when: str
) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    removed = [
        _leftover(tmp_path, f".philosophy.yaml.{dead_pid}.k3j9x_2a.tmp", GRACE + 5),
        _leftover(tmp_path, f".philosophy.yaml.{live_pid}.aaaaaaaa.tmp", STALE + 5),
        _leftover(tmp_path, ".philosophy.yaml.q8w7e6r5.tmp", STALE + 5),  # named without a pid
    ]
    kept = [
        # A writer that is still running (or may be: too young to tell) is never touched.
        _leftover(tmp_path, f".philosophy.yaml.{live_pid}.bbbbbbbb.tmp", GRACE + 5),
        _leftover(tmp_path, f".philosophy.yaml.{os.getpid()}.cccccccc.tmp", GRACE + 5),
        _leftover(tmp_path, f".philosophy.yaml.{dead_pid}.dddddddd.tmp", GRACE - 5),
        _leftover(tmp_path, ".philosophy.yaml.q8w7e6r6.tmp", STALE - 5),
        # Files of other documents, and files cxphilo did not name, are not its business.
        _leftover(tmp_path, f".other.yaml.{dead_pid}.eeeeeeee.tmp", STALE + 5),
        _leftover(tmp_path, f".philosophy.yaml.{dead_pid}.notes.txt", STALE + 5),
        _leftover(tmp_path, "philosophy.yaml.tmp", STALE + 5),
    ]
    store = Store.open(path)
    if when == "save":
        for leftover in removed:  # back again, as if a save had just been killed
            _leftover(tmp_path, leftover.name, STALE + 5)
        store.doc.notes = "Saved."
        store.save()
    assert [p.name for p in removed if p.exists()] == []
    assert [p.name for p in kept if not p.exists()] == []


@posix_only
def test_the_temporary_file_of_a_save_killed_with_sigkill_is_removed_later(
    tmp_path: Path,
) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from cxphilo.storage.store import Store\n"
            "os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
            "store = Store.open(sys.argv[1])\n"
            "store.doc.notes = 'never renamed'\n"
            "store.save()\n",
            str(path),
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.wait(60) == -9
    leftovers = [n for n in _names(tmp_path) if n.endswith(".tmp")]
    assert leftovers == [n for n in leftovers if n.startswith(f".philosophy.yaml.{child.pid}.")]
    assert len(leftovers) == 1
    then = time.time() - GRACE - 1
    os.utime(tmp_path / leftovers[0], (then, then))
    Store.open(path)
    assert _names(tmp_path) == ["philosophy.yaml"]
    assert load(path).doc.notes is None


def test_the_readme_gives_the_times_the_store_uses() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The philosophy file") : readme.index("## Exit codes")]
    words = " ".join(section.split())
    assert f"held the lock for {store_module.LOCK_TIMEOUT:g} seconds" in words
    assert (GRACE, STALE) == (60.0, 3600.0)
    assert "once its process has ended and a minute has passed, or after an hour" in words
