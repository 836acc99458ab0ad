"""The philosophy file on disk: load with precise errors, save atomically, lose nothing.

- `load(path)` reads and validates a file; every problem becomes a `Problem`
  with `path:line:column`, raised together as one `DocumentError`.
- `Store` keeps what was loaded (the bytes' fingerprint, the comments) and
  saves atomically: temporary file beside the real file (through a symbolic
  link, beside its target), flush, fsync, rename. A save refuses when the file
  changed on disk since it was loaded (the check and the rename are one step
  under a lock), keeps the refused version in a new `.mine` copy, and puts the
  comments a person wrote back beside their keys. Temporary files of saves that
  were killed are removed by later ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import tempfile
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from cxphilo.document.model import SCHEMA_VERSION, Philosophy
from cxphilo.document.problems import validation_problems
from cxphilo.errors import (
    ConflictError,
    DocumentError,
    FileExists,
    FileNotFound,
    Problem,
    SaveError,
)
from cxphilo.storage import yamlio

SCHEMA_FILE = "cxphilo.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
HEADER = (
    f"{MODELINE}\n"
    "# A customer service philosophy, written with cxphilo. Check: cxphilo check <this file>\n"
)
_HEADER_LINES = {line for line in HEADER.splitlines()}


@dataclass
class Loaded:
    """A document as read from disk, with where each value sits."""

    doc: Philosophy
    path: Path
    positions: yamlio.Positions
    comments: list[yamlio.Comment] = field(default_factory=list)
    fingerprint: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def load(path: Path | str) -> Loaded:
    """Read and validate a philosophy file.

    Raises FileNotFound, or DocumentError with every problem found.
    """
    path = Path(path)
    try:
        # Read one byte past the limit: a huge file is refused without reading it whole.
        with path.open("rb") as handle:
            raw = handle.read(yamlio.MAX_BYTES + 1)
            if len(raw) > yamlio.MAX_BYTES:
                size = os.fstat(handle.fileno()).st_size
                raise DocumentError(
                    [
                        Problem(
                            str(path),
                            f"file is {size:,} bytes; a philosophy file is at most "
                            f"{yamlio.MAX_BYTES:,}",
                        )
                    ]
                )
    except FileNotFoundError:
        raise FileNotFound(
            f"{path}: no such file", hint="create one with: cxphilo init " + str(path)
        ) from None
    except IsADirectoryError:
        raise FileNotFound(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise FileNotFound(f"{path}: cannot read ({exc.strerror})") from None
    loaded = parse(raw, str(path))
    loaded.path = path
    return loaded


def parse(raw: bytes, display: str) -> Loaded:
    """Validate the bytes of a philosophy file; `display` names it in messages."""
    try:
        text = yamlio.read_text(raw, display)
        parsed = yamlio.parse(text, display)
    except yamlio.YamlProblems as exc:
        raise DocumentError(exc.problems) from None
    return validate(parsed, display, raw)


def validate(parsed: yamlio.Parsed, display: str, raw: bytes) -> Loaded:
    """Validate parsed YAML as a philosophy; `raw` are the bytes it was parsed from."""
    data = parsed.data
    if data is None:
        raise DocumentError(
            [Problem(display, "the file is empty; a philosophy needs at least company.name", 1, 1)],
            hint="start one with: cxphilo init",
        )
    if not isinstance(data, dict):
        raise DocumentError(
            [
                Problem(
                    display, "expected a mapping of keys (company:, values:, ...) at the top", 1, 1
                )
            ]
        )
    _check_version(data, parsed.positions, display)
    try:
        doc = Philosophy.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(validation_problems(exc, data, parsed.positions, display)) from None
    comments = [c for c in parsed.comments if c.text not in _HEADER_LINES]
    return Loaded(doc, Path(display), parsed.positions, comments, fingerprint(raw), data)


def _check_version(data: dict[str, Any], positions: yamlio.Positions, display: str) -> None:
    version = data.get("schema", SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return
    pos = positions.of(("schema",))
    line, column = (pos.line, pos.column) if pos else (None, None)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        message = (
            f"schema {version} was written by a newer cxphilo; this one reads schema "
            f"{SCHEMA_VERSION} (upgrade: pip install -U cxphilo)"
        )
    else:
        message = f"schema must be {SCHEMA_VERSION}, not {version!r}"
    raise DocumentError([Problem(display, message, line, column)])


# --- writing -----------------------------------------------------------------------------


def render(
    doc: Philosophy, comments: list[yamlio.Comment] | None = None
) -> tuple[str, list[yamlio.Comment]]:
    """The file's text for `doc`: header, then the YAML in step order.

    Returns the text and the comments that lost their key (kept at the end).
    """
    body = yamlio.dump(doc.to_data())
    moved: list[yamlio.Comment] = []
    if comments:
        body, moved = yamlio.insert_comments(body, comments)
    return HEADER + body, moved


# Saves into one folder take turns: an advisory lock makes "is the file still the
# one we loaded?" and the rename that replaces it one step, so two sessions saving
# at the same moment cannot both be told "saved". The lock is taken on the folder
# itself (flock on its descriptor): the folder is what the rename changes, it is
# the same inode before and after, the lock goes when the process does (even on
# kill -9), and nothing new appears beside the document for git to see. Where a
# folder cannot be locked that way (no fcntl on Windows; NFS refuses flock on a
# folder) the lock is a file `.<name>.lock` created exclusively beside the
# document and removed after the rename; one left by a writer that died is
# taken over once it is older than LOCK_STALE.
_fcntl: types.ModuleType | None
try:
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows
    _fcntl = None

LOCK_TIMEOUT = 10.0  # seconds to wait for another save in the same folder
LOCK_STALE = 60.0  # a lock file this old was left by a writer that died
# A temporary file lives for the milliseconds of one save. One whose writer is
# no longer running here is removed after TEMP_GRACE (the grace covers a writer
# on another machine or in a container that shares the folder); any is removed
# after TEMP_STALE (its process number may have been given to someone else).
TEMP_GRACE = 60.0
TEMP_STALE = 3600.0


def atomic_write(path: Path, text: str, expected: str | Literal[False] | None = False) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new one.

    `expected` is the fingerprint the file had when it was loaded: None when it
    did not exist, False to skip the check. A file changed since then is not
    overwritten: the check and the rename happen under one lock. A symbolic link
    is kept: the file it leads to is replaced.
    """
    with _ctrl_c_held():
        target = _target_of(path)
        tmp = _write_temporary(path, target, text.encode("utf-8"))
        try:
            with _save_lock(path, target):
                if expected is not False:
                    _refuse_if_changed(path, target, expected)
                os.replace(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError):
                raise SaveError(f"{path}: could not save ({exc.strerror or exc})") from None
            raise
        _fsync_folder(target.parent)
    _remove_stale_temporaries(target)


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then deliver it.

    A save takes milliseconds: cut short, the answer just given would be lost
    (and its temporary file left behind). When the block fails, its error is
    what the person needs to see, so a Ctrl-C pressed meanwhile is dropped.
    Only the main thread receives signals; elsewhere nothing is held.
    """
    pressed: list[tuple[int, types.FrameType | None]] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *args: pressed.append(args))
    except (ValueError, OSError):  # not the main thread
        yield
        return
    try:
        yield
    finally:
        # None: the handler was set outside Python and cannot be put back.
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
    if pressed and callable(previous):
        previous(*pressed[0])
    elif pressed and previous in (signal.SIG_DFL, None):
        os.kill(os.getpid(), signal.SIGINT)


def _target_of(path: Path) -> Path:
    """The file a save replaces: `path` itself, or the file its symbolic link leads to."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if os.path.islink(target):
        raise SaveError(f"{path}: a symbolic link that leads back to itself; not saving")
    return target


def _write_temporary(path: Path, target: Path, data: bytes) -> Path:
    """`data` in a new temporary file beside `target`, on disk (fsync), with the file's mode.

    Its name carries this process's id, so that a later save can tell a file
    left by a writer that died from one a running writer is about to rename.
    """
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise SaveError(f"{path}: cannot write in {folder} ({exc.strerror})") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise SaveError(f"{path}: could not save ({exc.strerror or exc})") from None
        raise
    return tmp


def _copy_mode(path: Path, tmp: Path) -> None:
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


@contextlib.contextmanager
def _save_lock(path: Path, target: Path) -> Iterator[None]:
    """Hold the lock of `target`'s folder (see LOCK_TIMEOUT) for one check and rename."""
    fd = _lock_folder(path, target.parent)
    if fd is None:
        with _lock_file(path, target.parent / f".{target.name}.lock"):
            yield
        return
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock_folder(path: Path, folder: Path) -> int | None:
    """A descriptor of `folder` holding its lock; None where folders cannot be locked."""
    if _fcntl is None:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_TIMEOUT
    pause = 0.0005
    try:
        while True:
            try:
                _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                pass  # another save in this folder; it takes milliseconds
            except OSError:
                os.close(fd)
                return None
            if time.monotonic() > deadline:
                raise _busy(path, folder)
            time.sleep(pause)
            pause = min(pause * 2, 0.02)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


@contextlib.contextmanager
def _lock_file(path: Path, lock: Path) -> Iterator[None]:
    """The fallback lock: `lock` exists while this process saves."""
    deadline = time.monotonic() + LOCK_TIMEOUT
    pause = 0.0005
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            pass
        except OSError as exc:
            raise SaveError(f"{path}: cannot lock it for saving ({exc.strerror or exc})") from None
        try:
            stale = time.time() - lock.stat().st_mtime > LOCK_STALE
        except FileNotFoundError:
            continue  # just released: try again at once
        if stale:
            with contextlib.suppress(OSError):
                lock.unlink()
            continue
        if time.monotonic() > deadline:
            raise _busy(path, lock.parent, lock)
        time.sleep(pause)
        pause = min(pause * 2, 0.02)
    try:
        with contextlib.suppress(OSError):
            os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def _busy(path: Path, folder: Path, lock: Path | None = None) -> SaveError:
    hint = "wait until the other cxphilo has finished (or stop it), then save again"
    if lock is not None:
        hint += f"; if none is running, remove {lock}"
    return SaveError(
        f"{path}: another cxphilo has been saving in {folder} for {LOCK_TIMEOUT:g} "
        "seconds; not saved",
        hint=hint,
    )


def _refuse_if_changed(path: Path, target: Path, expected: str | None) -> None:
    try:
        current: str | None = fingerprint(target.read_bytes())
    except FileNotFoundError:
        current = None
    if current != expected:
        if expected is None:
            what = "was created by someone else since this session started"
        elif current is None:
            what = "was deleted since it was loaded"
        else:
            what = "changed on disk since it was loaded (another editor or session?)"
        raise ConflictError(
            f"{path} {what}; not overwriting it",
            hint="reload it (run the command again) so that nobody's changes are lost",
        )


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable (a flat battery right after a save).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporary files of `target` left by saves that were killed half-way.

    Only files named as `_write_temporary` names them for this document, and
    only when their writer is gone (see TEMP_GRACE): a running writer's file
    is about to be renamed and is never touched.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(\d{{1,10}})\.)?[a-z0-9_]+\.tmp")
    now = time.time()
    try:
        entries = os.scandir(target.parent)
    except OSError:
        return
    with entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name) if entry.name.endswith(".tmp") else None
            if match is None:
                continue
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            pid = match.group(1)
            gone = pid is not None and not _running(int(pid))
            if age > TEMP_STALE or (gone and age > TEMP_GRACE):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when it cannot be told)."""
    if os.name != "posix" or pid <= 0 or pid == os.getpid():
        # On Windows os.kill(pid, 0) would stop the process: rely on the age alone.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _keep_copy(path: Path, data: bytes) -> Path:
    """Write `data` to a new file beside `path`; never overwrites one.

    The first is `<stem>.mine<suffix>`, then `<stem>.mine-2<suffix>`, ... The
    whole file appears at once (a hard link of a finished temporary file) or,
    where hard links are not allowed, is created exclusively.
    """
    with _ctrl_c_held():
        return _link_first_free(path, data)


def _link_first_free(path: Path, data: bytes) -> Path:
    stem, suffix = path.stem, path.suffix or ".yaml"
    tmp = _write_temporary(path, path, data)
    try:
        linking = True
        for number in range(1, 10_000):
            name = f"{stem}.mine{suffix}" if number == 1 else f"{stem}.mine-{number}{suffix}"
            candidate = path.with_name(name)
            try:
                if linking:
                    linking = _link_new(tmp, candidate)
                if not linking:
                    _create_exclusive(candidate, data, tmp.stat().st_mode & 0o777)
            except FileExistsError:
                continue
            except OSError as exc:
                raise SaveError(
                    f"{candidate}: could not keep a copy ({exc.strerror or exc})"
                ) from None
            _fsync_folder(candidate.parent)
            return candidate
        raise SaveError(f"{path}: too many kept copies beside it; not keeping another")
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _link_new(source: Path, name: Path) -> bool:
    """Give `source` the new name `name` (FileExistsError if taken); False: no hard links here."""
    try:
        os.link(source, name)
    except FileExistsError:
        raise
    except OSError:
        return False
    return True


def _create_exclusive(path: Path, data: bytes, mode: int) -> None:
    # Private until written, then the document's own mode.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(path, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


class Store:
    """One philosophy file, loaded once and saved as often as needed."""

    def __init__(self, path: Path, doc: Philosophy, loaded: Loaded | None = None) -> None:
        self.path = path
        self.doc = doc
        self.comments = loaded.comments if loaded else []
        self._fingerprint = loaded.fingerprint if loaded else None
        self._last_text: str | None = None
        self.moved_comments: list[yamlio.Comment] = []

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Load an existing file (and remove what killed saves left beside it)."""
        loaded = load(path)
        path = Path(path)
        _remove_stale_temporaries(path)  # a kept copy's temporary file is named after it
        with contextlib.suppress(SaveError):
            if (target := _target_of(path)) != path:
                _remove_stale_temporaries(target)
        return cls(path, loaded.doc, loaded)

    @classmethod
    def create(cls, path: Path | str, doc: Philosophy) -> Store:
        """A new file; refuses to overwrite an existing one."""
        path = Path(path)
        if path.exists():
            raise FileExists(
                f"{path} already exists; not overwriting it",
                hint=f"continue it with: cxphilo status {path}",
            )
        store = cls(path, doc)
        store.save()
        return store

    def save(self) -> list[yamlio.Comment]:
        """Write the document if it changed; returns comments that had to move.

        When the file cannot take this version (it changed on disk, or cannot be
        written), the version is kept in a new `<stem>.mine<suffix>` copy beside
        it, and the error says where.
        """
        doc = Philosophy.model_validate(self.doc.model_dump(by_alias=True))
        text, moved = render(doc, self.comments)
        if text == self._last_text:
            return []
        # Held for the kept copy too: a Ctrl-C then must not cost this version.
        with _ctrl_c_held():
            try:
                atomic_write(self.path, text, self._fingerprint)
            except ConflictError as exc:
                # Someone else's change wins the file; ours must not be lost either.
                mine = self._keep(text, exc)
                raise ConflictError(
                    exc.message,
                    hint=f"your version is kept in {mine} (each refused save keeps a new "
                    f"copy: {self._copy_names()}; none is overwritten): compare the two "
                    f"(diff {self.path} {mine}), keep what you need in {self.path}, "
                    "then run the command again",
                ) from None
            except SaveError as exc:
                mine = self._keep(text, exc)
                raise SaveError(
                    exc.message,
                    hint=f"{exc.hint + '; ' if exc.hint else ''}your version is kept in {mine}: "
                    f"once {self.path} can be saved, keep what you need from it",
                ) from None
            # Inside the hold: a Ctrl-C delivered after it finds the store up to date.
            self._fingerprint = fingerprint(text.encode("utf-8"))
            self._last_text = text
        new_moved = [c for c in moved if c not in self.moved_comments]
        self.moved_comments.extend(new_moved)
        return new_moved

    def _keep(self, text: str, failed: ConflictError | SaveError) -> Path:
        """Keep `text` beside the file, or say that neither could be written."""
        try:
            return _keep_copy(self.path, text.encode("utf-8"))
        except SaveError as kept:
            raise type(failed)(
                failed.message,
                hint=f"your version could not be kept beside it either ({kept.message})",
            ) from None

    def _copy_names(self) -> str:
        stem, suffix = self.path.stem, self.path.suffix or ".yaml"
        return f"{stem}.mine{suffix}, {stem}.mine-2{suffix}, ..."


def write_schema_beside(path: Path) -> Path | None:
    """Write the JSON Schema next to a document so editors validate it offline.

    Returns the schema path when it was written or updated, None when it was up to date.
    """
    from cxphilo.document.model import json_schema_text

    target = path.parent / SCHEMA_FILE
    text = json_schema_text()
    try:
        if target.read_text(encoding="utf-8") == text:
            return None
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write(target, text)
    return target
