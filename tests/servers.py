"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, for testing retries and faults for real.

Each POST to ``/v1/chat/completions`` takes the next action of the script (the last one repeats):
an HTTP status with headers, a delay, a body that is not JSON, a body trickled a byte at a time that
never ends, or a chat completion whose content is the given JSON. The server records every request
body, headers, and the most requests in flight. Instead of a script, ``mixed`` draws each answer at
random from a mix of faults and good answers (the load test's server); ``GET /stats`` counts them.
``page_server`` serves web pages instead (status, content type, delays, trickles), for URL input.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# How often a server's loop looks for shutdown: at the default 0.5 s, leaving each ``with`` block waited
# a quarter of a second on average, for each of the suite's many servers.
POLL = 0.02

FROM_SCHEMA = object()  # content marker: answer the smallest object valid against the request's schema


@dataclass
class Action:
    """One scripted answer."""

    status: int = 200
    content: Any = None  # JSON value for the assistant message; None for an error body
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw_body: bytes | None = None  # sent as is, instead of a chat completion
    finish_reason: str = "stop"
    drop: bool = False  # close the connection without answering
    label: str = ""  # what GET /stats counts this answer as
    trickle: float = 0.0  # send headers, then one byte every ``trickle`` seconds for ``delay`` seconds, never all
    fill: str = "x"  # the text of every string in a FROM_SCHEMA answer
    echo_headers: bool = False  # an error body that repeats the request's headers (as some proxies do)


def completion(content: Any, finish_reason: str = "stop") -> dict[str, Any]:
    """A chat.completion body in the OpenAI format."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "scripted",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": json.dumps(content)},
            }
        ],
        "usage": {"prompt_tokens": 50, "completion_tokens": 5, "total_tokens": 55},
    }


class ScriptedServer:
    """State shared with the handler threads."""

    def __init__(self, script: list[Action], choose: Callable[[dict[str, Any]], Action] | None = None) -> None:
        self.script = script
        self.choose = choose
        self.kinds: Counter[str] = Counter()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.url = ""

    def next_action(self, body: dict[str, Any], headers: dict[str, str]) -> Action:
        with self.lock:
            self.requests.append(body)
            self.headers.append(headers)
            index = min(len(self.requests) - 1, len(self.script) - 1)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            action = self.choose(body) if self.choose else self.script[index]
            self.kinds[action.label or "scripted"] += 1
            return action

    def done(self) -> None:
        with self.lock:
            self.in_flight -= 1


def _handler(state: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:  # keep test output quiet
            return

        def do_GET(self) -> None:
            _send_stats(self, state)

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            action = state.next_action(body, dict(self.headers))
            if action.drop:
                state.done()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if action.trickle:
                state.done()
                _trickle(self, action)
                return
            try:
                time.sleep(action.delay)
                if action.raw_body is not None:
                    payload = action.raw_body
                elif action.status == 200:
                    content = _schema_answer(body, action.fill) if action.content is FROM_SCHEMA else action.content
                    payload = json.dumps(completion(content, action.finish_reason)).encode()
                else:
                    error: dict[str, Any] = {"message": f"scripted {action.status}"}
                    if action.echo_headers:
                        error["request_headers"] = dict(self.headers)
                    payload = json.dumps({"error": error}).encode()
            finally:
                # Counted out before answering: once the client has the answer it may send its next request.
                state.done()
            try:
                self.send_response(action.status)
                for name, value in {"content-type": "application/json", **action.headers}.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): that is the point of a slow action

    return Handler


def _send_stats(handler: BaseHTTPRequestHandler, state: ScriptedServer) -> None:
    """``GET /stats``: requests answered, the most in flight, and how many of each kind of answer."""
    with state.lock:
        stats = {"requests": len(state.requests), "max_in_flight": state.max_in_flight, "kinds": state.kinds}
    payload = json.dumps(stats).encode()
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


def _trickle(handler: BaseHTTPRequestHandler, action: Action) -> None:
    """A 200 whose body never arrives whole: one byte at a time, each well within a read timeout."""
    handler.close_connection = True
    ends = time.monotonic() + action.delay
    try:
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", "1000000")
        handler.end_headers()
        while time.monotonic() < ends:
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(action.trickle)
    except (BrokenPipeError, ConnectionResetError):
        pass


def _schema_answer(body: dict[str, Any], fill: str = "x") -> Any:
    from tests.fakes import minimal

    response_format = body.get("response_format") or {}
    schema = response_format.get("schema") or response_format.get("json_schema", {}).get("schema", {})
    return minimal(schema, schema, fill)


ALWAYS_FAIL = "ALWAYS-FAIL"  # a request whose messages hold this gets a 500, every time


def mixed(seed: int = 14) -> Callable[[dict[str, Any]], Action]:
    """Answers drawn at random: 429 (Retry-After 1), 500, slower than a 2 s timeout, slow but in time,
    a 200 that is not JSON, a dropped connection, else a good answer after 50 ms."""
    chance = random.Random(seed)
    mix = [
        (0.10, Action(status=429, headers={"retry-after": "1"}, label="429")),
        (0.20, Action(status=500, label="500")),
        (0.26, Action(content=FROM_SCHEMA, delay=3.0, label="slow, past the timeout")),
        (0.32, Action(content=FROM_SCHEMA, delay=1.0, label="slow, in time")),
        (0.35, Action(raw_body=b"<html>502 bad gateway</html>", label="200 not JSON")),
        (0.37, Action(drop=True, label="dropped")),
        (1.00, Action(content=FROM_SCHEMA, delay=0.05, label="good")),
    ]

    def choose(body: dict[str, Any]) -> Action:
        if ALWAYS_FAIL in json.dumps(body.get("messages"), ensure_ascii=False):
            return Action(status=500, label="500, always")
        roll = chance.random()
        return next(action for limit, action in mix if roll < limit)

    return choose


@contextmanager
def scripted_server(
    script: list[Action], choose: Callable[[dict[str, Any]], Action] | None = None
) -> Iterator[ScriptedServer]:
    """Run a scripted (or ``choose``-driven) server on a free port of 127.0.0.1 for the duration of the block."""
    state = ScriptedServer(script, choose)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(POLL,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Page:
    """One page of a ``page_server``: answered to GET, after ``delay`` seconds."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    length: bool = True  # send Content-Length; without it the body ends when the connection closes
    trickle: float = 0.0  # send one byte of the body every ``trickle`` seconds


@contextmanager
def page_server(pages: dict[str, Page]) -> Iterator[str]:
    """Serve ``pages`` (by path) on a free port of 127.0.0.1; yields the base URL. Other paths are 404."""
    stopping = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            return

        def do_GET(self) -> None:
            page = pages.get(self.path, Page(b"not here", "text/plain", 404))
            if stopping.wait(page.delay):
                return
            self.close_connection = True
            try:
                self.send_response(page.status)
                for name, value in {"Content-Type": page.content_type, **page.headers}.items():
                    self.send_header(name, value)
                if page.length:
                    self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                for start in range(0, len(page.body), 1 if page.trickle else len(page.body) or 1):
                    self.wfile.write(page.body[start : start + (1 if page.trickle else len(page.body))])
                    self.wfile.flush()
                    if stopping.wait(page.trickle):
                        return
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up: the point of a slow or oversized page

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(POLL,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()


def main() -> None:
    """Serve until killed: ``python -m tests.servers DELAY`` (minimal valid answers after DELAY seconds)
    or ``python -m tests.servers --mix SEED`` (the ``mixed`` faults).

    Prints the base URL on its first line. Benchmarks run it in its own process so that the
    server's work does not share the client's interpreter lock.
    """
    import sys

    args = sys.argv[1:]
    choose = mixed(int(args[1])) if args[:1] == ["--mix"] else None
    delay = float(args[0]) if args and choose is None else 0.0
    with scripted_server([Action(content=FROM_SCHEMA, delay=delay)], choose) as server:
        print(server.url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
