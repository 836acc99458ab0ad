"""Load on the room's server: many phones at once on the loopback address.

    python tests/benchmarks/bench_room.py [--people 50] [--ideas 3]

Starts the real server (uvicorn in its thread, as `workshop --room` does) on
127.0.0.1 over a fresh document, then every simulated participant, each in
its own thread with its own connection and cookie: joins, sends its ideas
(one of them sent twice, as a phone retrying after a lost answer would), and
casts one ballot (then tries a second). Prints requests per second and the
slowest responses, and fails (exit 1) when an acknowledged idea or ballot is
missing from the saved file or anything is counted twice.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cxphilo.document.model import Brainstorm, Round  # noqa: E402
from cxphilo.document.operations import new_document  # noqa: E402
from cxphilo.locale import words  # noqa: E402
from cxphilo.room.hall import Hall  # noqa: E402
from cxphilo.room.seats import Seats  # noqa: E402
from cxphilo.room.serve import RoomServer  # noqa: E402
from cxphilo.room.web import COOKIE, CSRF_HEADER  # noqa: E402
from cxphilo.storage.store import Store  # noqa: E402

OPTIONS = ["Honesty", "Speed", "Warmth", "Ownership", "Clarity", "Patience", "Care", "Trust"]


class Phone:
    """One participant's device: a keep-alive connection, its cookie, its timings."""

    def __init__(self, port: int, origin: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.origin = origin
        self.cookie = ""
        self.csrf = ""
        self.times: list[float] = []

    def request(self, method: str, path: str, body: object = None) -> tuple[int, bytes]:
        headers = {"Origin": self.origin, "Host": self.origin.removeprefix("http://")}
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        if self.csrf:
            headers[CSRF_HEADER] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        self.times.append(time.perf_counter() - started)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith(COOKIE + "="):
                self.cookie = value.split(";")[0].split("=", 1)[1]
        return response.status, payload


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--ideas", type=int, default=3)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="cxphilo-room-bench-"))
    doc = new_document("Nordlys", None, "en")
    doc.brainstorm = Brainstorm(participants=[])
    store = Store.create(folder / "philosophy.yaml", doc)
    hall = Hall(store, Seats(folder / "seats.json"), words("en"))
    server = RoomServer(hall, "127.0.0.1", 0)
    server.start()
    origin = server.address
    phones = [Phone(server.port, origin) for _ in range(args.people)]
    acknowledged_ideas: list[str] = []
    acknowledged_ballots: list[str] = []
    refused_second = 0
    record = threading.Lock()
    ready = threading.Barrier(args.people + 1)
    ballots_open = threading.Event()

    def participant(number: int, phone: Phone) -> None:
        nonlocal refused_second
        status, _ = phone.request("POST", "/join", {"code": hall.seats.code, "name": f"P{number}"})
        assert status == 200, status
        page = phone.request("GET", "/")[1].decode()
        phone.csrf = json.loads(page.split('id="room-data">')[1].split("</script>")[0])["csrf"]
        ready.wait()
        for idea in range(args.ideas):
            text = f"Idea {idea} from P{number}"
            body = {"text": text, "nonce": f"{number}-{idea}"}
            status, _ = phone.request("POST", "/idea", body)
            if idea == 0:  # a retry of the same submission: must not count twice
                phone.request("POST", "/idea", body)
            if status == 200:
                with record:
                    acknowledged_ideas.append(text)
            phone.request("GET", "/state")
        ballots_open.wait()
        picks = [OPTIONS[number % len(OPTIONS)], OPTIONS[(number + 3) % len(OPTIONS)]]
        status, _ = phone.request("POST", "/ballot", {"round": 0, "picks": picks})
        if status == 200:
            with record:
                acknowledged_ballots.append(f"P{number}")
        second, _ = phone.request("POST", "/ballot", {"round": 0, "picks": picks[:1]})
        if second == 409:
            with record:
                refused_second += 1
        phone.request("GET", "/state")

    threads = [threading.Thread(target=participant, args=(n, p)) for n, p in enumerate(phones, 1)]
    for thread in threads:
        thread.start()
    hall.open_ideas()
    started = time.perf_counter()
    ready.wait()
    while len(acknowledged_ideas) < args.people * args.ideas and any(t.is_alive() for t in threads):
        time.sleep(0.01)
    hall.close()
    hall.brainstorm.rounds = [Round(options=OPTIONS, votes_per_person=2)]
    store.save()
    hall.open_ballot(0)
    ballots_open.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    server.stop()

    saved = Store.open(store.path).doc.brainstorm
    assert saved is not None
    ideas = [i.text for i in saved.ideas]
    votes = [b.by for b in saved.rounds[0].votes]
    times = sorted(t for p in phones for t in p.times)
    requests = len(times)
    lost = len(set(acknowledged_ideas) - set(ideas)) + len(set(acknowledged_ballots) - set(votes))
    twice = (len(ideas) - len(set(ideas))) + (len(votes) - len(set(votes)))
    picks = sum(len(b.options) for b in saved.rounds[0].votes)
    print(f"participants            {args.people} (each its own thread and connection)")
    rate = requests / elapsed
    print(f"requests                {requests} in {elapsed:.2f} s: {rate:.0f} per second")
    print(
        f"response time           median {statistics.median(times) * 1000:.1f} ms, "
        f"95th {times[int(0.95 * (requests - 1))] * 1000:.1f} ms, "
        f"slowest {times[-1] * 1000:.1f} ms"
    )
    print(f"ideas acknowledged      {len(acknowledged_ideas)}, saved {len(ideas)}")
    acked = len(acknowledged_ballots)
    print(f"ballots acknowledged    {acked}, saved {len(votes)} ({picks} picks)")
    print(f"second ballots refused  {refused_second} of {args.people}")
    print(f"lost                    {lost}")
    print(f"counted twice           {twice}")
    ok = (
        lost == 0
        and twice == 0
        and len(ideas) == args.people * args.ideas
        and len(votes) == args.people
        and refused_second == args.people
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
