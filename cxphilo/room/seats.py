"""The devices that joined a room, kept so that a restart does not unseat them.

A device holds a random token in an HttpOnly cookie; the file keeps only the
token's SHA-256, so reading the file does not let anyone take a seat. The
file lives in the user's state folder (`$XDG_STATE_HOME/cxphilo/rooms`, else
`~/.local/state/cxphilo/rooms`), one per document, never beside the document
that the team commits.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

# The join code's letters: no 0/O, 1/I/L, so that it can be read off a projector.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10  # 31**10: about 49 bits, with joins rate-limited by the server


def state_folder() -> Path:
    """Where rooms keep their seats."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "cxphilo" / "rooms"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Seat:
    """One device in the room: who sits there, and its check against cross-site posts."""

    __slots__ = ("csrf", "id", "name", "named")

    def __init__(self, id: str, name: str, csrf: str, named: bool) -> None:
        self.id = id
        self.name = name
        self.csrf = csrf
        self.named = named  # False when the person joined without a name (secret mode)

    def __repr__(self) -> str:
        return f"Seat({self.id!r}, {self.name!r})"


class Seats:
    """The room's join code and devices, saved to `path` after every change."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
        self._by_digest: dict[str, Seat] = {}
        if path is not None and path.exists():
            self._load(path)
        elif path is not None:
            self._save()  # the code on the projector stays the same after a restart

    @classmethod
    def for_document(cls, document: Path) -> Seats:
        """The seats of the room on `document` (the same file after a restart)."""
        key = hashlib.sha256(str(document.resolve()).encode()).hexdigest()[:24]
        return cls(state_folder() / f"{key}.json")

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.code = str(data["code"])
            for digest, seat in data["seats"].items():
                self._by_digest[str(digest)] = Seat(
                    str(seat["id"]), str(seat["name"]), str(seat["csrf"]), bool(seat["named"])
                )
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged seats file costs the phones their seats, nothing else.
            self._by_digest = {}

    def _save(self) -> None:
        if self.path is None:
            return
        data: dict[str, Any] = {
            "code": self.code,
            "seats": {
                digest: {"id": s.id, "name": s.name, "csrf": s.csrf, "named": s.named}
                for digest, s in self._by_digest.items()
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".seats-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def __len__(self) -> int:
        return len(self._by_digest)

    def all(self) -> list[Seat]:
        """Every seat, in the order they joined."""
        return list(self._by_digest.values())

    def code_matches(self, code: str) -> bool:
        """Whether `code` is the join code, typed as the terminal shows it or not.

        Any case; the dash in the middle and spaces may be typed or left out.
        Compared in constant time.
        """
        typed = "".join(c for c in code.upper() if c not in "- \t")
        return hmac.compare_digest(typed.encode(), self.code.encode())

    def add(self, name: str, named: bool) -> tuple[str, Seat]:
        """A new seat; returns the device's token (shown to the device once) and the seat."""
        token = secrets.token_urlsafe(32)
        seat = Seat(secrets.token_hex(6), name, secrets.token_urlsafe(24), named)
        self._by_digest[_digest(token)] = seat
        self._save()
        return token, seat

    def find(self, token: str | None) -> Seat | None:
        """The seat a device's token holds, if any."""
        if not token or len(token) > 100:
            return None
        return self._by_digest.get(_digest(token))

    def remove(self, seat_id: str) -> Seat | None:
        """Take a device out of the room; its token no longer holds a seat."""
        for digest, seat in list(self._by_digest.items()):
            if seat.id == seat_id:
                del self._by_digest[digest]
                self._save()
                return seat
        return None

    def forget(self) -> None:
        """The workshop is over: the file goes (phones must join again next time)."""
        self._by_digest = {}
        if self.path is not None:
            self.path.unlink(missing_ok=True)
