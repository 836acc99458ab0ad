"""Saving: atomic, conflict-safe, deterministic, and it keeps what people wrote."""

from __future__ import annotations

import os
import random
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Company, Philosophy, Value
from cxphilo.errors import ConflictError, FileExists, SaveError
from cxphilo.storage import store as store_module
from cxphilo.storage.store import Store, load
from cxphilo.storage.yamlio import ORPHAN_MARKER

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]


def _doc(name: str = "Acme") -> Philosophy:
    return Philosophy(company=Company(name=name, mission="Sell bikes."))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_failed_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    store.doc.company.mission = "Something else entirely."
    with pytest.raises(SaveError, match="No space left on device"):
        store.save()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_ctrl_c_during_a_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    before = path.read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, step, interrupted)
    store.doc.company.mission = "Changed."
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


# --- a save killed or failing at any point of the write ----------------------------------
#
# A child process (forked, so that it starts in milliseconds) saves a much
# bigger version of the file and is stopped at one point of the write: after
# any number of bytes (the kernel's file-size limit stops the write there and
# kills the process with SIGXFSZ, whoever does the writing), in the fsync of
# the finished temporary file, just before the rename, or right after it.
# Whatever the point, the file on disk is the whole old version or the whole
# new one, never a mix or a truncated file.

needs_fork = pytest.mark.skipif(
    resource is None or not hasattr(os, "fork"), reason="needs fork() and setrlimit()"
)
BIG_NOTES = "Every rider gets back on the road, fast. Çiçek, Ærlig, 让阅读更容易。\n" * 1200
CHILD_SAVED, CHILD_SAVE_ERROR, CHILD_OTHER_ERROR, CHILD_INTERRUPTED = 0, 3, 4, 5


def _save_in_child(path: Path, prepare: Callable[[], None]) -> int:
    """Save `path` with BIG_NOTES in a forked child after `prepare()`; the wait status."""
    store = Store.open(path)
    store.doc.notes = BIG_NOTES
    pid = os.fork()
    if pid == 0:  # the child: never returns into the test
        code = CHILD_OTHER_ERROR
        try:
            prepare()
            store.save()
            code = CHILD_SAVED
        except SaveError:
            code = CHILD_SAVE_ERROR
        except KeyboardInterrupt:
            code = CHILD_INTERRUPTED
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


def _limit_file_size(size: int, *, then: str) -> Callable[[], None]:
    """Stop every write at `size` bytes; `then` the process is killed, the write
    fails (a full disk), or it fails and Ctrl-C is pressed at that moment."""

    def ctrl_c(signum: int, frame: Any) -> None:
        os.kill(os.getpid(), signal.SIGINT)

    actions: dict[str, Callable[[int, Any], None] | signal.Handlers] = {
        "kill": signal.SIG_DFL,
        "fail": signal.SIG_IGN,
        "ctrl-c": ctrl_c,
    }
    action = actions[then]

    def prepare() -> None:
        assert resource is not None
        signal.signal(signal.SIGXFSZ, action)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return prepare


def _kill_in(name: str, call: int = 1) -> Callable[[], None]:
    """Replace os.<name> so that its `call`-th call kills the process (SIGKILL)."""

    def prepare() -> None:
        real = getattr(os, name)
        calls = 0

        def killing(*args: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == call:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args)

        setattr(os, name, killing)

    return prepare


def _new_size() -> int:
    doc = _doc()
    doc.notes = BIG_NOTES
    return len(store_module.render(doc)[0].encode("utf-8"))


@needs_fork
def test_a_save_killed_after_any_number_of_bytes_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    old = path.read_bytes()
    size = _new_size()
    points = {0, 1, 2, 100, 4095, 4096, 4097, 8192, 65535, 65536, 65537, size // 2, size - 1}
    points |= set(random.Random(7).sample(range(size), 12))
    for limit in sorted(points):
        status = _save_in_child(path, _limit_file_size(limit, then="kill"))
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXFSZ, limit
        assert path.read_bytes() == old, f"killed after {limit} of {size} bytes"
    status = _save_in_child(path, _limit_file_size(size, then="kill"))  # just enough room
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == CHILD_SAVED
    assert load(path).doc.notes == BIG_NOTES


@needs_fork
@pytest.mark.parametrize(
    ("point", "prepare", "expected"),
    [
        ("in the fsync of the finished temporary file", _kill_in("fsync", 1), "old"),
        ("just before the rename", _kill_in("replace"), "old"),
        ("right after the rename (in the folder's fsync)", _kill_in("fsync", 2), "new"),
    ],
    ids=["fsync", "rename", "after-rename"],
)
def test_a_save_killed_between_write_and_rename_leaves_a_whole_file(
    tmp_path: Path, point: str, prepare: Callable[[], None], expected: str
) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    old = path.read_bytes()
    status = _save_in_child(path, prepare)
    on_disk = path.read_bytes()
    if expected == "old":
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, point
        assert on_disk == old, point
    else:
        assert on_disk != old and load(path).doc.notes == BIG_NOTES, point


@needs_fork
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    # The disk fills up after a few kilobytes: the write fails (EFBIG) and says so.
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    old = path.read_bytes()
    for limit in (0, 10, 5000, _new_size() - 1):
        status = _save_in_child(path, _limit_file_size(limit, then="fail"))
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == CHILD_SAVE_ERROR, limit
        assert path.read_bytes() == old, limit
        assert _leftovers(tmp_path) == [], limit


@needs_fork
def test_ctrl_c_as_the_write_fails_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    old = path.read_bytes()
    for limit in (0, 4096, _new_size() // 3, _new_size() - 1):
        status = _save_in_child(path, _limit_file_size(limit, then="ctrl-c"))
        # The failed save is what the person must hear about; the Ctrl-C stops them anyway.
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == CHILD_SAVE_ERROR, limit
        assert path.read_bytes() == old, limit
        assert _leftovers(tmp_path) == [], limit


def _ctrl_c_in(name: str) -> Callable[[], None]:
    """Press Ctrl-C (SIGINT) when os.<name> is first called."""

    def prepare() -> None:
        real = getattr(os, name)

        def pressing(*args: Any) -> Any:
            setattr(os, name, real)
            os.kill(os.getpid(), signal.SIGINT)
            return real(*args)

        setattr(os, name, pressing)

    return prepare


@needs_fork
@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_ctrl_c_during_a_save_stops_after_the_answer_is_saved(tmp_path: Path, step: str) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    status = _save_in_child(path, _ctrl_c_in(step))
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == CHILD_INTERRUPTED
    assert load(path).doc.notes == BIG_NOTES
    assert _leftovers(tmp_path) == []


def test_a_save_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    mine = Store.open(path)
    theirs = Store.open(path)
    theirs.doc.company.mission = "Theirs."
    theirs.save()
    mine.doc.company.mission = "Mine."
    with pytest.raises(ConflictError, match="changed on disk since it was loaded") as caught:
        mine.save()
    assert load(path).doc.company.mission == "Theirs."
    # ... and "mine" is not lost: it is kept beside the file, and the hint says where.
    kept = tmp_path / "philosophy.mine.yaml"
    assert load(kept).doc.company.mission == "Mine."
    assert caught.value.hint is not None and str(kept) in caught.value.hint


def test_a_save_refuses_when_the_file_was_deleted(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    path.unlink()
    store.doc.company.mission = "Mine."
    with pytest.raises(ConflictError, match="was deleted"):
        store.save()


def test_saving_twice_in_a_row_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    store.doc.values.append(Value(name="Honesty"))
    store.save()
    store.doc.values.append(Value(name="Speed"))
    store.save()
    assert [v.name for v in load(path).doc.values] == ["Honesty", "Speed"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    path.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(FileExists):
        Store.create(path, _doc())
    assert path.read_text(encoding="utf-8") == "my notes\n"


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    path.chmod(0o600)
    store.doc.notes = "private"
    store.save()
    assert path.stat().st_mode & 0o777 == 0o600


COMMENTED = """\
# yaml-language-server: $schema=cxphilo.schema.json
# Our philosophy. Owner: Priya.
schema: 1
company:
  name: Acme  # legal name is Acme Ltd
  mission: Sell bikes.
# Values agreed on 3 May
values:
  # first, because it matters most
  - name: Honesty
    statement: Say what you mean.
  - name: Speed  # to be discussed
vision:
  statement: Every rider gets back on the road.
# end of file: ask Priya before changing anything
"""


def test_comments_stay_beside_their_keys_when_the_document_changes(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    store = Store.open(path)
    store.doc.values.append(Value(name="Quality", statement="Get it right."))
    assert store.doc.vision is not None
    store.doc.vision.statement = "Every rider gets back on the road, fast."
    assert store.save() == []
    text = path.read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=cxphilo.schema.json\n"
        "# A customer service philosophy, written with cxphilo. Check: cxphilo check <this file>\n"
        "# Our philosophy. Owner: Priya.\n"
        "schema: 1\n"
        "company:\n"
        "  name: Acme  # legal name is Acme Ltd\n"
        "  mission: Sell bikes.\n"
        "  language: en\n"
        "# Values agreed on 3 May\n"
        "values:\n"
        "  # first, because it matters most\n"
        "  - name: Honesty\n"
        "    statement: Say what you mean.\n"
        "  - name: Speed  # to be discussed\n"
        "  - name: Quality\n"
        "    statement: Get it right.\n"
        "vision:\n"
        "  statement: Every rider gets back on the road, fast.\n"
        "# end of file: ask Priya before changing anything\n"
    )
    # ... and a second save of the unchanged document writes the same bytes.
    again = Store.open(path)
    again.save()
    assert path.read_text(encoding="utf-8") == text


def test_a_comment_whose_key_is_gone_is_kept_at_the_end_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    store = Store.open(path)
    store.doc.values = [Value(name="Honesty", statement="Say what you mean.")]
    moved = store.save()
    assert [c.text for c in moved] == ["# to be discussed"]
    text = path.read_text(encoding="utf-8")
    assert text.endswith(f"{ORPHAN_MARKER}\n# to be discussed\n")
    assert "# first, because it matters most" in text


def test_a_hash_inside_text_is_not_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    path.write_text(
        'company:\n  name: "Acme #1"\n  mission: |\n    We are # one\n    in town.\n',
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.comments == []
    assert loaded.doc.company.name == "Acme #1"
    assert loaded.doc.company.mission == "We are # one\nin town.\n"


def test_unknown_schema_file_header_is_written(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    assert path.read_text(encoding="utf-8").splitlines()[0] == store_module.MODELINE
