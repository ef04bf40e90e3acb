"""A fake Anthropic Messages API for tests: real HTTP on 127.0.0.1, the real wire format.

POST /v1/messages answers with a JSON message, or with server-sent events when the request
asks for `stream: true`, playing a SCRIPT of steps in order: replies (text, thinking and
tool_use blocks, a stop reason, usage) and faults (an HTTP error with the API's error JSON,
a stream dropped or stalled part-way, an `error` event mid-stream). Every request is
recorded (method, path, lower-cased headers, parsed JSON body) for assertions.

    with FakeAnthropic([reply(text("hi"))]) as server:
        client = AsyncAnthropic(api_key="sk-ant-test", base_url=server.url)
        ...
        server.requests[0]["body"]["model"]

Steps are plain JSON data made by the helpers below, so a script can also be played by a
server in a subprocess (`subprocess=True`): Textual's pilot waits for its process to go idle,
which a server streaming from a thread of the same process can hold up. `delay` spaces the
streamed events out for the same reason, and to give a test time to act mid-stream.
Standard library only: the child process must start fast.
"""

from __future__ import annotations

import json
import subprocess as subprocesses
import sys
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_USAGE = {"input_tokens": 1200, "output_tokens": 80,
                 "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error",
               403: "permission_error", 404: "not_found_error", 413: "request_too_large",
               429: "rate_limit_error", 500: "api_error", 529: "overloaded_error"}
ERROR_MESSAGES = {401: "invalid x-api-key", 403: "Your API key does not have permission to use "
                  "the specified resource.", 429: "Number of request tokens has exceeded your "
                  "per-minute rate limit", 500: "Internal server error", 529: "Overloaded"}
REQUESTS_PATH = "/__fake__/requests"
CHUNK = 12  # characters per text or JSON delta, so a block arrives in several pieces
STALL_SECONDS = 30.0  # a stalled stream is released by then at the latest


# --- script steps -------------------------------------------------------------------------
def text(value: str) -> dict:
    return {"type": "text", "text": value}


def thinking(value: str, signature: str = "fake-signature") -> dict:
    return {"type": "thinking", "thinking": value, "signature": signature}


def tool_use(name: str, input: dict, id: str | None = None) -> dict:
    return {"type": "tool_use", "id": id or f"toolu_{uuid.uuid4().hex[:20]}", "name": name,
            "input": input}


def raw_tool_use(name: str, partial_json: str, id: str | None = None) -> dict:
    """A tool call whose input is streamed as `partial_json` verbatim: JSON cut short (as at
    max_tokens) or not JSON at all. Only meaningful in a streamed reply."""
    return {**tool_use(name, {}, id), "partial_json": partial_json}


def reply(*blocks: dict, stop_reason: str | None = None, usage: dict | None = None) -> dict:
    """A model turn; stop_reason defaults to tool_use when it calls a tool, else end_turn."""
    if stop_reason is None:
        stop_reason = "tool_use" if any(b["type"] == "tool_use" for b in blocks) else "end_turn"
    return {"kind": "reply", "content": list(blocks), "stop_reason": stop_reason,
            "usage": {**DEFAULT_USAGE, **(usage or {})}}


def error(status: int, error_type: str | None = None, message: str | None = None,
          headers: dict | None = None) -> dict:
    """An HTTP error with the API's error body: error(429, headers={"retry-after-ms": "20"})."""
    return {"kind": "error", "status": status,
            "error_type": error_type or ERROR_TYPES.get(status, "api_error"),
            "message": message or ERROR_MESSAGES.get(status, "fake error"),
            "headers": headers or {}}


def dropped(step: dict, after: int) -> dict:
    """`step` streamed for `after` events, then the connection closes mid-body."""
    return {**step, "fault": "drop", "after": after}


def stalled(step: dict, after: int) -> dict:
    """`step` streamed for `after` events, then nothing more: the client's read times out."""
    return {**step, "fault": "stall", "after": after}


def overloaded_midstream(step: dict, after: int) -> dict:
    """`step` streamed for `after` events, then an SSE `error` event (overloaded_error)."""
    return {**step, "fault": "error_event", "after": after}


# --- the wire format --------------------------------------------------------------------
def message(step: dict, model: str, message_id: str) -> dict:
    """The whole reply as the non-streaming API returns it."""
    content = [{k: v for k, v in block.items() if k != "partial_json"}
               for block in step["content"]]
    return {"id": message_id, "type": "message", "role": "assistant", "model": model,
            "content": content, "stop_reason": step["stop_reason"], "stop_sequence": None,
            "usage": step["usage"]}


def events(step: dict, model: str, message_id: str) -> list[tuple[str, dict]]:
    """The reply as the streaming API sends it: (event name, data) in order."""
    usage = step["usage"]
    start = {**message(step, model, message_id), "content": [], "stop_reason": None,
             "usage": {**usage, "output_tokens": 1}}
    sent = [("message_start", {"type": "message_start", "message": start}),
            ("ping", {"type": "ping"})]
    for index, block in enumerate(step["content"]):
        sent.append(("content_block_start", {"type": "content_block_start", "index": index,
                                             "content_block": _empty(block)}))
        for delta in _deltas(block):
            sent.append(("content_block_delta", {"type": "content_block_delta", "index": index,
                                                 "delta": delta}))
        sent.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
    sent.append(("message_delta", {"type": "message_delta",
                                   "delta": {"stop_reason": step["stop_reason"],
                                             "stop_sequence": None},
                                   "usage": usage}))
    sent.append(("message_stop", {"type": "message_stop"}))
    return sent


def _empty(block: dict) -> dict:
    if block["type"] == "text":
        return {"type": "text", "text": ""}
    if block["type"] == "thinking":
        return {"type": "thinking", "thinking": "", "signature": ""}
    return {"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}


def _deltas(block: dict) -> list[dict]:
    if block["type"] == "text":
        return [{"type": "text_delta", "text": piece} for piece in _pieces(block["text"])]
    if block["type"] == "thinking":
        return [{"type": "thinking_delta", "thinking": piece}
                for piece in _pieces(block["thinking"])] + \
            [{"type": "signature_delta", "signature": block["signature"]}]
    partial = block.get("partial_json", json.dumps(block["input"]))
    return [{"type": "input_json_delta", "partial_json": ""}] + \
        [{"type": "input_json_delta", "partial_json": piece} for piece in _pieces(partial)]


def _pieces(value: str) -> list[str]:
    return [value[i:i + CHUNK] for i in range(0, len(value), CHUNK)]


def _sse(name: str, data: dict) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()


# --- the server -------------------------------------------------------------------------
class _Player:
    """Plays the script, one step per request, and records each request."""

    def __init__(self, script: list[dict], delay: float):
        self.script = list(script)
        self.delay = delay
        self.requests: list[dict] = []
        self.closing = threading.Event()
        self._lock = threading.Lock()

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        raw = handler.rfile.read(int(handler.headers.get("content-length") or 0))
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = raw.decode("utf-8", "replace")
        with self._lock:
            number = len(self.requests)
            self.requests.append({"method": handler.command, "path": handler.path,
                                  "headers": {k.lower(): v for k, v in handler.headers.items()},
                                  "body": body})
        if handler.command != "POST" or handler.path != "/v1/messages":
            return self._json(handler, 404, _error_body(
                "not_found_error", f"fake: no route {handler.command} {handler.path}"))
        if number >= len(self.script):
            return self._json(handler, 400, _error_body(
                "invalid_request_error", f"fake: the script has no step for request {number}"))
        step = self.script[number]
        if step["kind"] == "error":
            return self._json(handler, step["status"],
                              _error_body(step["error_type"], step["message"]), step["headers"])
        model, message_id = body.get("model", "claude-fake"), f"msg_fake_{number:03d}"
        if body.get("stream"):
            return self._stream(handler, step, model, message_id)
        return self._json(handler, 200, message(step, model, message_id))

    def _json(self, handler, status: int, payload: dict, headers: dict | None = None) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.send_header("request-id", f"req_fake_{uuid.uuid4().hex[:12]}")
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _stream(self, handler, step: dict, model: str, message_id: str) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "text/event-stream; charset=utf-8")
        handler.send_header("cache-control", "no-cache")
        handler.send_header("transfer-encoding", "chunked")
        handler.send_header("request-id", f"req_fake_{uuid.uuid4().hex[:12]}")
        handler.end_headers()
        planned = events(step, model, message_id)
        fault, after = step.get("fault"), step.get("after", len(planned))
        try:
            for name, data in planned[:after]:
                _chunk(handler, _sse(name, data))
                if self.delay:
                    time.sleep(self.delay)
            if fault == "drop":
                handler.close_connection = True
                return
            if fault == "stall":
                self.closing.wait(STALL_SECONDS)
                handler.close_connection = True
                return
            if fault == "error_event":
                _chunk(handler, _sse("error", _error_body("overloaded_error", "Overloaded")))
            handler.wfile.write(b"0\r\n\r\n")
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client gave up on the stream


def _chunk(handler, data: bytes) -> None:
    handler.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
    handler.wfile.flush()


def _error_body(error_type: str, message_text: str) -> dict:
    return {"type": "error", "error": {"type": error_type, "message": message_text},
            "request_id": f"req_fake_{uuid.uuid4().hex[:12]}"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, as the real API

    def do_POST(self) -> None:
        self.server.player.handle(self)

    def do_GET(self) -> None:
        if self.path == REQUESTS_PATH:  # how a parent process reads a child's record
            return self.server.player._json(self, 200, {"requests": self.server.player.requests})
        self.server.player.handle(self)

    def log_message(self, format, *args) -> None:
        pass


def _serve(script: list[dict], delay: float) -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.player = _Player(script, delay)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True, name="fake-anthropic")
    thread.start()
    return server, thread


class FakeAnthropic:
    """`with FakeAnthropic(script) as server:` serves on `server.url`; `server.requests`."""

    def __init__(self, script: list[dict], *, delay: float = 0.0, subprocess: bool = False):
        self.script, self.delay, self.in_subprocess = list(script), delay, subprocess
        self.url = ""
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._child: subprocesses.Popen | None = None

    @property
    def requests(self) -> list[dict]:
        if self._child is None:
            return list(self._server.player.requests)
        with urllib.request.urlopen(self.url + REQUESTS_PATH, timeout=5) as answer:
            return json.load(answer)["requests"]

    def __enter__(self) -> FakeAnthropic:
        if self.in_subprocess:
            self._child = subprocesses.Popen([sys.executable, __file__], stdin=subprocesses.PIPE,
                                             stdout=subprocesses.PIPE, text=True)
            self._child.stdin.write(json.dumps({"script": self.script, "delay": self.delay}) + "\n")
            self._child.stdin.flush()
            self.url = self._child.stdout.readline().strip()
        else:
            self._server, self._thread = _serve(self.script, self.delay)
            self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self

    def __exit__(self, *exc_info) -> None:
        if self._child is not None:
            self._child.stdin.close()  # the child serves until its stdin closes
            try:
                self._child.wait(timeout=5)
            except subprocesses.TimeoutExpired:
                self._child.kill()
                self._child.wait()
            self._child.stdout.close()
            return
        self._server.player.closing.set()  # release stalled streams
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _child_main() -> None:
    """Serve the script read from stdin's first line; print the URL; stop at stdin's end."""
    config = json.loads(sys.stdin.readline())
    server, _ = _serve(config["script"], config["delay"])
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.player.closing.set()
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    _child_main()
