"""The room's server: uvicorn in a background thread, its address and QR code.

The server listens only on the address it is given and stops with the
workshop. The default address is this machine's address on its local network
(found by asking the system which address would route outward; nothing is
sent), so that phones on the same Wi-Fi reach it; `--host 127.0.0.1` keeps it
to this machine.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cxphilo.errors import UsageError
from cxphilo.workshop.asker import Picture

from .hall import Hall
from .seats import Seats

if TYPE_CHECKING:
    from cxphilo.workshop.session import Session


def local_address() -> str:
    """This machine's address on its network, or the loopback address without one."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # a UDP "connect" sends nothing
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def qr_lines(text: str) -> list[str]:
    """`text` as a QR code drawn with half blocks, two rows of modules per line.

    Drawn dark on light with a quiet zone, whatever the terminal's colours, so
    that a phone's camera reads it off a projector.
    """
    import segno

    code = segno.make(text, error="m", boost_error=False)
    matrix = [list(row) for row in code.matrix]
    quiet = 2
    width = len(matrix[0]) + 2 * quiet
    blank = [0] * width
    rows = [blank] * quiet + [[0] * quiet + r + [0] * quiet for r in matrix] + [blank] * quiet
    if len(rows) % 2:
        rows.append(blank)
    # Light modules are drawn, dark ones are the gaps: on a dark terminal this reads
    # right, and the light quiet zone frames it.
    glyphs = {(0, 0): "█", (0, 1): "▀", (1, 0): "▄", (1, 1): " "}
    return [
        "".join(glyphs[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1], strict=True))
        for i in range(0, len(rows), 2)
    ]


class RoomServer:
    """uvicorn serving the room's pages on one address, in a daemon thread."""

    def __init__(self, hall: Hall, host: str, port: int) -> None:
        self.hall = hall
        self.host = host
        self.port = port
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def join_link(self) -> str:
        return f"{self.address}/?code={self.hall.seats.code}"

    def start(self) -> None:
        """Listen now; a taken port or a foreign address is a usage error."""
        import uvicorn

        from .web import build

        sock = socket.socket(_family(self.host), socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            raise UsageError(
                f"the room cannot listen on {self.host}:{self.port}: {exc.strerror or exc}",
                hint="choose another port with --port, or another address with --host",
            ) from None
        sock.listen(128)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            build(self.hall),
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="cxphilo-room", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and self._thread.is_alive():
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop listening and let the thread end."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)


def _family(host: str) -> socket.AddressFamily:
    """IPv6 for an address written with colons, IPv4 otherwise."""
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host: str | None) -> int:
    """A port nobody listens on now, for `--port 0`: the room then opens on a port the
    command to resume can name, so the phones find it again. 0 when `host` is not an
    address of this computer (opening the room then says so)."""
    with socket.socket(_family(host or ""), socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host or "", 0))
        except OSError:
            return 0
        return int(probe.getsockname()[1])


def open_room(session: Session, host: str | None, port: int) -> Callable[[], None]:
    """Start the room beside the workshop: the phones' pages, the address, the QR code.

    Returns what stops it (the workshop calls it however it ends).
    """
    store = session.store
    seats = Seats.for_document(store.path)
    timebox = session.timebox

    def timer() -> tuple[float, int] | None:
        return (max(0.0, timebox.remaining()), timebox.seconds) if timebox else None

    # The phones speak the document's language, whatever the terminal speaks.
    hall = Hall(store, seats, session.content, timer=timer)
    server = RoomServer(hall, host or local_address(), port)
    server.start()
    session.room = hall
    t = session.t
    code = seats.code
    spaced = f"{code[:5]}-{code[5:]}"
    session.note(
        t(
            "The room is open: join on a phone at {address} with the code {code}.",
            address=server.address,
            code=spaced,
        ),
        "done",
    )
    session.show(Picture(tuple(qr_lines(server.join_link))))
    if server.host in ("127.0.0.1", "::1", "localhost"):
        reach = t("Only this computer can reach it (the address is the loopback address).")
    elif server.host in ("0.0.0.0", "::"):
        reach = t(
            "Anyone who can reach this computer on any of its networks can open the page; "
            "they still need the code."
        )
    else:
        reach = t(
            "Anyone on the network that can reach {host} can open the page; they still "
            "need the code.",
            host=server.host,
        )
    session.note(reach, "info")

    def close() -> None:
        server.stop()
        session.room = None

    return close
