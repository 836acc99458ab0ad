"""The room's HTTP edge: two pages, a JSON state, three kinds of post.

Built on starlette, which is small, typed, well kept, and comes with a test
client; uvicorn serves it (`cxphilo.room.serve`). What the edge enforces, so
that the hall only ever sees a known device's well-formed request:

- a device holds its seat with a random token in an HttpOnly, SameSite=Strict
  cookie; every post must also carry the seat's own anti-forgery token in a
  header, come as JSON (a cross-site form cannot send JSON without asking
  first, and nothing here answers that question), and, when the browser says
  where it comes from, come from this very address;
- bodies are bounded (`MAX_REQUEST_BYTES`), devices are rate-limited (the hall);
- every page forbids scripts, styles and frames from anywhere else, so nothing
  is fetched from the internet and typed text is only ever shown as text.
"""

from __future__ import annotations

import hmac
import html
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from cxphilo.vocabulary import CRITERIA, CRITERION_NAMES, MAX_IDEA_CHARS, MAX_REQUEST_BYTES

from .hall import Hall, Refused
from .seats import Seat

COOKIE = "cxphilo_seat"
CSRF_HEADER = "x-cxphilo-csrf"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def _words(hall: Hall) -> dict[str, str]:
    """Every word the phone page shows, in the room's language."""
    t = hall.t
    words = {
        "join": t("Join the workshop"),
        "name": t("Your name"),
        "noName": t("Your name (you may leave it empty: ballots are secret)"),
        "code": t("Join code"),
        "joinButton": t("Join"),
        "waiting": t("Waiting for the facilitator. Keep this page open."),
        "ideasTitle": t("Your ideas"),
        "idea": t("An idea"),
        "send": t("Send"),
        "sent": t("Received:"),
        "ballotTitle": t("Your ballot"),
        "revoteTitle": t("Re-vote among the tied"),
        "pickUpTo": t("Tick up to {count}.", count="{count}"),
        "cast": t("Done: cast my ballot"),
        "give": t("Send my verdict"),
        "abstain": t("Abstain"),
        "voted": t("Your ballot is in. The tally shows when everyone has voted."),
        "tallyTitle": t("The tally"),
        "through": t("Through:"),
        "reviewTitle": t("The vision: your verdict"),
        "pass": t("Pass"),
        "fail": t("Fail"),
        "reaction": t("Your gut reaction, in a few words"),
        "lands": t("Does it land with you?"),
        "yes": t("yes"),
        "no": t("no"),
        "given": t("Thank you: your verdict is in."),
        "left": t("{left} left", left="{left}"),
        "offline": t("Connection lost; trying again…"),
        "removed": t("This device was taken out of the room."),
    }
    for name in CRITERIA:
        words["criterion." + name] = t(CRITERION_NAMES[name])
    return words


def _json_script(data: object) -> str:
    """JSON that can sit inside a <script> element: no `<` can close it."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _page(hall: Hall, body: str, data: dict[str, Any]) -> HTMLResponse:
    language = hall.store.doc.company.language
    title = html.escape(hall.store.doc.company.name)
    document = (
        "<!doctype html>\n"
        f'<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>"
        '<link rel="stylesheet" href="/static/room.css"></head><body>'
        f"<header><h1>{title}</h1></header><main>{body}</main>"
        f'<script type="application/json" id="room-data">{_json_script(data)}</script>'
        '<script src="/static/room.js"></script></body></html>'
    )
    return HTMLResponse(document, headers=HEADERS)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=HEADERS)


def build(hall: Hall, *, secure_cookie: bool = False) -> Starlette:
    """The room's web application over `hall`."""

    def seat_of(request: Request) -> Seat | None:
        return hall.seats.find(request.cookies.get(COOKIE))

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if origin is None:
            # Browsers send Origin on every POST; Sec-Fetch-Site says the same more briefly.
            return request.headers.get("sec-fetch-site", "same-origin") == "same-origin"
        host = request.headers.get("host", "")
        return origin in (f"http://{host}", f"https://{host}")

    async def body_of(request: Request) -> dict[str, Any]:
        if not same_origin(request):
            raise Refused(hall.t("Requests from other sites are refused."), 403)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise Refused(hall.t("Requests from other sites are refused."), 403)
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_REQUEST_BYTES):
            raise Refused(hall.t("That is too long."), 413)
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_REQUEST_BYTES:
                raise Refused(hall.t("That is too long."), 413)
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise Refused(hall.t("The request could not be read."), 400) from None
        if not isinstance(data, dict):
            raise Refused(hall.t("The request could not be read."), 400)
        return data

    def seated(request: Request) -> Seat:
        seat = seat_of(request)
        if seat is None:
            raise Refused(hall.t("This device has not joined the room."), 401)
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent, seat.csrf):
            raise Refused(hall.t("Requests from other sites are refused."), 403)
        return seat

    async def index(request: Request) -> Response:
        seat = seat_of(request)
        words = _words(hall)
        if seat is None:
            code = request.query_params.get("code", "")[:32]
            secret = bool(hall.brainstorm.anonymous)
            label = words["noName"] if secret else words["name"]
            body = (
                f'<form id="join" class="card"><h2>{html.escape(words["join"])}</h2>'
                f'<label>{html.escape(words["code"])}<input name="code" required '
                f'autocomplete="off" autocapitalize="characters" value="{html.escape(code)}">'
                f'</label><label>{html.escape(label)}<input name="name" '
                f'maxlength="60" autocomplete="name"{"" if secret else " required"}></label>'
                f'<button type="submit">{html.escape(words["joinButton"])}</button>'
                '<p class="error" role="alert" hidden></p></form>'
            )
            return _page(hall, body, {"words": words, "page": "join"})
        body = '<section id="room" aria-live="polite"></section>'
        data = {
            "words": words,
            "page": "room",
            "csrf": seat.csrf,
            "ideaLimit": MAX_IDEA_CHARS,
            "criteria": list(CRITERIA),
        }
        return _page(hall, body, data)

    async def join(request: Request) -> Response:
        try:
            data = await body_of(request)
            client = request.client.host if request.client else "?"
            token, seat = hall.join(data.get("name", ""), data.get("code"), client)
        except Refused as refusal:
            return _error(refusal.message, refusal.status)
        response = JSONResponse({"you": seat.name}, headers=HEADERS)
        response.set_cookie(
            COOKIE,
            token,
            max_age=12 * 3600,
            httponly=True,
            samesite="strict",
            secure=secure_cookie,
            path="/",
        )
        return response

    async def state(request: Request) -> Response:
        seat = seat_of(request)
        if seat is None:
            return _error(hall.t("This device has not joined the room."), 401)
        return JSONResponse(hall.view(seat), headers=HEADERS)

    def posting(act: Callable[[Seat, dict[str, Any]], None]) -> Callable[..., Any]:
        """A seated device's post: its seat and body checked, then `act`, then "received"."""

        async def endpoint(request: Request) -> Response:
            try:
                seat = seated(request)
                act(seat, await body_of(request))
            except Refused as refusal:
                return _error(refusal.message, refusal.status)
            return JSONResponse({"received": True}, headers=HEADERS)

        return endpoint

    def idea(seat: Seat, data: dict[str, Any]) -> None:
        nonce = data.get("nonce")
        hall.send_idea(seat, data.get("text"), nonce if isinstance(nonce, str) else None)

    def ballot(seat: Seat, data: dict[str, Any]) -> None:
        hall.cast(seat, data.get("round"), data.get("picks"))

    def review(seat: Seat, data: dict[str, Any]) -> None:
        hall.give_review(seat, data.get("verdicts"), data.get("reaction"), data.get("lands"))

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        kinds = {"room.css": "text/css", "room.js": "text/javascript"}
        if name not in kinds:
            return Response(status_code=404, headers=HEADERS)
        text = resources.files("cxphilo.room").joinpath("static", name).read_text("utf-8")
        return Response(text, media_type=kinds[name], headers=HEADERS)

    routes = [
        Route("/", index),
        Route("/join", join, methods=["POST"]),
        Route("/state", state),
        Route("/idea", posting(idea), methods=["POST"]),
        Route("/ballot", posting(ballot), methods=["POST"]),
        Route("/review", posting(review), methods=["POST"]),
        Route("/static/{name}", static),
    ]
    return Starlette(routes=routes)
