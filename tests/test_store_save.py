"""Saving: atomic, conflict-safe, deterministic, and it keeps what people wrote."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cxphilo import store as store_module
from cxphilo.errors import ConflictError, FileExists, SaveError
from cxphilo.model import Company, Philosophy, Value
from cxphilo.store import Store, load
from cxphilo.yamlio import ORPHAN_MARKER
from tests.conftest import ROOT


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


def test_ctrl_c_during_a_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "philosophy.yaml"
    store = Store.create(path, _doc())
    before = path.read_bytes()

    def interrupted_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    store.doc.company.mission = "Changed."
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


CHILD = textwrap.dedent(
    """
    import sys
    from cxphilo.store import Store
    store = Store.open(sys.argv[1])
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        store.doc.notes = ("round %d " % n) * 20000
        store.save()
    """
)


@pytest.mark.slow
def test_killing_a_process_in_the_middle_of_saves_leaves_a_loadable_file(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    Store.create(path, _doc())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.0, 0.01, 0.03, 0.05, 0.08, 0.13, 0.21, 0.34):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        loaded = load(path)  # never half a file
        assert loaded.doc.company.name == "Acme"
        for leftover in _leftovers(tmp_path):  # a killed save may leave its temporary file
            (tmp_path / leftover).unlink()


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
