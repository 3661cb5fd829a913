"""The coaching page's web application: the page, its files and the JSON API.

    POST /api/check   {"text": "..."}  ->  {"findings": [...]}   (the JSONL contract's findings)
                      ("note_type": "Home Visit" may be added: some checks read it)
    GET  /api/checks  each check's title, what it requires, its cues and its examples

A note is checked through `recordcheck.run`, like a file, with the pipeline
loaded once when the server starts (one note at a time: a spaCy pipeline is
not shared between threads). Nothing is stored: the text lives only for the
request, and responses tell the browser not to keep them. Only requests
addressed to this computer by name (127.0.0.1, localhost) are answered, so a
web page elsewhere cannot reach the API through a rebound domain name.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import cache

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from recordcheck.catalogue import all_checks
from recordcheck.engine import NoteChecker
from recordcheck.report.jsonl import finding_records
from recordcheck.run import RunOptions, RunProblem, checked_notes

MAX_BODY_BYTES = 200_000
LOCAL_HOSTS = ("127.0.0.1", "localhost")
WEB_LABEL = "web"  # a checked note's id is web-1
STATIC_PACKAGE = ("recordcheck.serve", "static")
# The page loads only its own files; no inline script, no other origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class BadRequest(Exception):
    """A request the API cannot answer; the message says what to send instead."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def make_app(
    checker: NoteChecker,
    options: RunOptions | None = None,
    hosts: tuple[str, ...] = LOCAL_HOSTS,
) -> Starlette:
    """The application, checking notes with ``checker`` (a pipeline already loaded)."""
    options = options or RunOptions()
    lock = threading.Lock()

    def check_text(text: str, note_type: str = "") -> list[dict]:
        from recordcheck.ingest.typed import TypedNotes

        if not text.strip():
            return []
        typed = TypedNotes.whole(WEB_LABEL, [text], note_type)
        with lock, checked_notes([typed], options, checker=checker) as run:
            results = list(run.results)
        return finding_records(results[0].findings) if results else []

    return Starlette(
        routes=[
            Route("/", _page),
            Route("/api/check", _check_endpoint(check_text), methods=["POST"]),
            Route("/api/checks", _checks_endpoint),
            Mount("/static", StaticFiles(packages=[STATIC_PACKAGE]), name="static"),
        ],
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
            Middleware(_SecurityHeaders),
        ],
    )


async def _page(request: Request) -> Response:
    return HTMLResponse(_page_html())


@cache
def _page_html() -> str:
    from importlib.resources import files

    return (files(STATIC_PACKAGE[0]) / STATIC_PACKAGE[1] / "index.html").read_text("utf-8")


def _check_endpoint(check_text: Callable[[str, str], list[dict]]):
    from starlette.concurrency import run_in_threadpool

    async def endpoint(request: Request) -> Response:
        try:
            note = _note(await _body(request), request.headers.get("content-type", ""))
            findings = await run_in_threadpool(check_text, *note)
        except BadRequest as problem:
            return JSONResponse({"error": str(problem)}, status_code=problem.status)
        except RunProblem as problem:
            return JSONResponse({"error": str(problem)}, status_code=500)
        return JSONResponse({"findings": findings})

    return endpoint


async def _body(request: Request) -> bytes:
    """The request body, refused as soon as it is longer than MAX_BODY_BYTES."""
    too_long = BadRequest(
        413, f"the note is too long: send at most {MAX_BODY_BYTES // 1000} kB at a time"
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_long
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise too_long
    return bytes(body)


def _note(body: bytes, content_type: str) -> tuple[str, str]:
    """The note's text and note type from a request body, or BadRequest saying what is wrong."""
    shape = 'send JSON like {"text": "the note"}'
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise BadRequest(415, f"the body must be JSON (Content-Type: application/json); {shape}")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadRequest(400, f"the body is not valid JSON; {shape}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BadRequest(400, f"the JSON has no \"text\" string; {shape}")
    note_type = data.get("note_type", "")
    if not isinstance(note_type, str):
        raise BadRequest(400, "\"note_type\", when given, must be a string")
    return data["text"], note_type


async def _checks_endpoint(request: Request) -> Response:
    return JSONResponse({"checks": _checks()})


@cache
def _checks() -> list[dict]:
    """What the page shows beside the note: each check's words and the standard's examples."""
    return [
        {
            "id": spec.id,
            "title": spec.title,
            "text_title": spec.text_title,
            "requires": spec.requires,
            "why": spec.why,
            "cues": {cue: words.message for cue, words in spec.cues.items()},
            "examples": {
                outcome: [
                    {"text": example.text, "note_type": example.note_type}
                    for example in examples
                ]
                for outcome, examples in spec.examples().items()
            },
        }
        for spec in all_checks()
    ]


class _SecurityHeaders:
    """Adds SECURITY_HEADERS to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [
                    (name.lower().encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items()
                    if name.lower().encode() not in present
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
