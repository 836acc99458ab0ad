"""A save that cannot go through keeps its version in a copy of its own, never overwritten."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cxphilo.document.model import Company, Philosophy
from cxphilo.errors import ConflictError, SaveError
from cxphilo.storage import store as store_module
from cxphilo.storage.store import Store, load

fcntl = pytest.importorskip("fcntl")


def _doc() -> Philosophy:
    return Philosophy(company=Company(name="Acme", mission="Sell bikes."))


def _conflict(path: Path, mission: str) -> ConflictError:
    """Load `path`, let someone else change it, then try to save `mission` over it."""
    mine = Store.open(path)
    theirs = Store.open(path)
    theirs.doc.notes = f"theirs, before {mission}"
    theirs.save()
    mine.doc.company.mission = mission
    with pytest.raises(ConflictError) as caught:
        mine.save()
    return caught.value


def test_every_refused_save_keeps_a_copy_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    names = []
    for mission in ("First.", "Second.", "Third."):
        error = _conflict(path, mission)
        kept = sorted(tmp_path.glob("philosophy.mine*.yaml"))
        newest = max(kept, key=lambda p: p.stat().st_mtime_ns)
        assert load(newest).doc.company.mission == mission
        assert error.hint is not None and f"your version is kept in {newest} " in error.hint
        assert "philosophy.mine.yaml, philosophy.mine-2.yaml, ..." in error.hint
        names.append(newest.name)
    assert names == ["philosophy.mine.yaml", "philosophy.mine-2.yaml", "philosophy.mine-3.yaml"]
    missions = [load(tmp_path / name).doc.company.mission for name in names]
    assert missions == ["First.", "Second.", "Third."]


def test_a_copy_kept_by_an_earlier_session_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    (tmp_path / "philosophy.mine.yaml").write_text("# what I merged by hand\n", encoding="utf-8")
    (tmp_path / "philosophy.mine-2.yaml").write_text("# and this\n", encoding="utf-8")
    _conflict(path, "Mine.")
    assert (tmp_path / "philosophy.mine.yaml").read_text() == "# what I merged by hand\n"
    assert (tmp_path / "philosophy.mine-2.yaml").read_text() == "# and this\n"
    assert load(tmp_path / "philosophy.mine-3.yaml").doc.company.mission == "Mine."


def test_without_hard_links_the_copy_is_still_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    path.chmod(0o640)
    _conflict(path, "First.")
    _conflict(path, "Second.")
    assert load(tmp_path / "philosophy.mine.yaml").doc.company.mission == "First."
    assert load(tmp_path / "philosophy.mine-2.yaml").doc.company.mission == "Second."
    assert (tmp_path / "philosophy.mine-2.yaml").stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_kept_copy_has_the_mode_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    path.chmod(0o600)
    _conflict(path, "Private.")
    assert (tmp_path / "philosophy.mine.yaml").stat().st_mode & 0o777 == 0o600


# --- the lock ----------------------------------------------------------------------------


def test_a_save_waits_for_the_folder_lock_and_then_says_who_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    before = path.read_bytes()
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
    holder = os.open(tmp_path, os.O_RDONLY)  # another save in progress, as far as flock knows
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        store.doc.company.mission = "Waited."
        started = time.monotonic()
        with pytest.raises(SaveError) as caught:
            store.save()
        assert time.monotonic() - started >= 0.2
    finally:
        os.close(holder)
    assert str(caught.value.message) == (
        f"{path}: another cxphilo has been saving in {tmp_path} for 0.2 seconds; not saved"
    )
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("wait until the other cxphilo has finished")
    assert path.read_bytes() == before
    # Nothing is lost: the version that could not be saved is kept beside the file.
    kept = tmp_path / "philosophy.mine.yaml"
    assert f"your version is kept in {kept}" in caught.value.hint
    assert load(kept).doc.company.mission == "Waited."
    store.save()  # the lock is free again: the same store saves
    assert load(path).doc.company.mission == "Waited."


def test_where_a_folder_cannot_be_locked_a_lock_file_is_used_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real_replace = os.replace

    class NoFolderLocks:
        LOCK_EX, LOCK_NB = fcntl.LOCK_EX, fcntl.LOCK_NB

        @staticmethod
        def flock(fd: int, operation: int) -> None:
            raise OSError(95, "Operation not supported")  # as NFS answers for a folder

    def watching_replace(src: str, dst: str) -> None:
        seen.append((tmp_path / ".philosophy.yaml.lock").exists())
        real_replace(src, dst)

    monkeypatch.setattr(store_module, "_fcntl", NoFolderLocks)
    monkeypatch.setattr(os, "replace", watching_replace)
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    store.doc.company.mission = "Saved."
    store.save()
    assert seen == [True, True]
    assert load(path).doc.company.mission == "Saved."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["philosophy.yaml"]


def test_a_lock_file_left_by_a_writer_that_died_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_fcntl", None)
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    lock = tmp_path / ".philosophy.yaml.lock"
    lock.write_text("12345\n")
    old = time.time() - store_module.LOCK_STALE - 5
    os.utime(lock, (old, old))
    store.doc.company.mission = "Saved."
    store.save()
    assert load(path).doc.company.mission == "Saved."
    assert not lock.exists()


def test_a_live_lock_file_is_waited_for_and_named_in_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_fcntl", None)
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.1)
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    lock = tmp_path / ".philosophy.yaml.lock"
    lock.write_text("12345\n")
    store.doc.company.mission = "Waited."
    with pytest.raises(SaveError) as caught:
        store.save()
    assert caught.value.hint is not None
    assert f"if none is running, remove {lock}" in caught.value.hint
    assert lock.read_text() == "12345\n"  # someone else's lock is left alone
    assert load(path).doc.company.mission == "Sell bikes."
