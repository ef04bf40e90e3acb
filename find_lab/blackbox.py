"""A user's own function in a worker process: loaded once, asked in batches, each call timed.

A user's black box is trusted code that still misbehaves: it hangs, prints, raises anything,
returns anything, exits. The parent side (`BlackBox`) and the worker (`serve`, this file run as
`python -I blackbox.py`) share one file so the protocol is read in one place; the worker part
uses only the standard library. The worker's own stdin, stdout and stderr are /dev/null; it
talks over two private pipes, one JSON line per message:

    worker -> parent   {"loaded": true} or {"failed": "reason"}, once
    parent -> worker   {"kind": "number" or "text", "inputs": [...]}, one per batch
    worker -> parent   [value, null] or [null, "reason"], one per input, as each is answered
"""

from __future__ import annotations

import collections
import importlib
import importlib.util
import json
import math
import os
import select
import signal
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

MAX_TEXT = 100_000          # characters of one string answer
MAX_REASON = 200            # characters of one exception message in a reason
PR_SET_PDEATHSIG = 1


class BlackBoxError(Exception):
    """The user's function could not be loaded, or reloaded after its worker died."""


class BlackBoxTimeout(BlackBoxError):
    """One call took longer than the per-call timeout: the session cannot go on."""

    def __init__(self, value, seconds: float, who: str = "the function"):
        super().__init__(f"{who} did not answer for input {value!r} within {seconds:g} s")
        self.value, self.seconds = value, seconds


class NoAnswer(float):
    """A NaN that knows why: the lab shows a failed input as undefined as it does any NaN,
    and a reader that looks for `.reason` can show the cause instead."""

    __slots__ = ("reason",)

    def __new__(cls, reason: str):
        self = super().__new__(cls, math.nan)
        self.reason = reason
        return self

    def __repr__(self) -> str:
        return f"NoAnswer({self.reason!r})"


# --- judging one answer (shared by the worker and InProcess) ------------------------------------

def answer(function, x, kind: str) -> list:
    """[value, None] or [None, reason]; no way the call can fail escapes (BaseException
    included: a worker's SystemExit or KeyboardInterrupt is the function's, not ours)."""
    try:
        value = function(x)
    except BaseException as exc:
        return [None, f"raised {_describe(exc)}"]
    return _text(value) if kind == "text" else _number(value)


def _value(value, reason: str | None):
    """A reply as the lab holds it: the value, or NoAnswer carrying the reason."""
    return NoAnswer(reason) if reason is not None else value


def _number(value) -> list:
    kind = type(value)
    if issubclass(kind, (str, bytes)) or not hasattr(kind, "__float__"):
        return [None, f"returned {_name(value)}, not a number"]
    try:
        number = float(value)
    except OverflowError:
        return [None, f"returned {_name(value)} too large for a float"]
    except BaseException as exc:
        return [None, f"returned {_name(value)} whose float() raised {_describe(exc)}"]
    if not math.isfinite(number):
        return [None, f"returned {number}"]
    return [number, None]


def _text(value) -> list:
    if not issubclass(type(value), str):
        return [None, f"returned {_name(value)}, not a string"]
    if len(value) > MAX_TEXT:
        return [None, f"returned {len(value):,} characters (limit {MAX_TEXT:,})"]
    return [str.__str__(value), None]  # a plain str even from a subclass


def _name(value) -> str:
    return "None" if value is None else type(value).__name__


def _describe(exc: BaseException) -> str:
    try:
        message = str(exc).splitlines()[0][:MAX_REASON] if str(exc) else ""
    except BaseException:  # the exception's own __str__ may fail too
        message = "(message could not be shown)"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class InProcess:
    """A plain callable judged like a worker's answers, in this process, without a timeout:
    for code that already holds a function object (tests), not for a user's file."""

    def __init__(self, function):
        self.function = function

    def answers(self, inputs: list, kind: str) -> list:
        return [_value(*answer(self.function, x, kind)) for x in inputs]


# --- the parent side -------------------------------------------------------------------------------

class BlackBox:
    """`FILE.py:NAME` or `MODULE:NAME` running in a worker process. A batch is one round trip;
    each input must be answered within `timeout` seconds; a worker that dies on an input is
    restarted for the rest. Raises BlackBoxError if the function cannot be loaded."""

    def __init__(self, reference: str, timeout: float = 10.0):
        self.reference, self.timeout = reference, timeout
        self._lock = threading.Lock()
        self._worker: _Worker | None = _Worker(reference, timeout)

    @property
    def pid(self) -> int | None:
        """The worker's process id, None while none runs."""
        return self._worker.process.pid if self._worker and self._worker.alive else None

    def answers(self, inputs: list, kind: str) -> list:
        """One value per input; NoAnswer (NaN with a reason) where the function failed."""
        inputs, replies = list(inputs), []
        with self._lock:
            while len(replies) < len(inputs):
                replies += self._ask(inputs[len(replies):], kind)
        return [_value(*reply) for reply in replies]

    def close(self) -> None:
        with self._lock:
            if self._worker:
                self._worker.stop()
                self._worker = None

    def __enter__(self) -> BlackBox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _ask(self, inputs: list, kind: str) -> list:
        """Replies until the batch is done or the worker dies (its last input then gets the
        cause); a silent input kills the worker and raises BlackBoxTimeout."""
        if not (self._worker and self._worker.alive):
            self._worker = _Worker(self.reference, self.timeout)
        worker, replies = self._worker, []
        worker.send({"kind": kind, "inputs": inputs})
        for x in inputs:
            try:
                reply = worker.receive(self.timeout)
            except TimeoutError:
                worker.stop()
                raise BlackBoxTimeout(x, self.timeout) from None
            if reply is None:
                return replies + [[None, worker.death()]]
            replies.append(reply)
        return replies


class _Worker:
    """One worker process and its two pipes; started loaded, or BlackBoxError."""

    def __init__(self, reference: str, timeout: float):
        location = reference.rpartition(":")[0]
        requests_read, requests_write = os.pipe()
        replies_read, replies_write = os.pipe()
        paths = [str(Path(location).resolve().parent) if location.endswith(".py")
                 else os.getcwd()] + sys.path
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", __file__, str(requests_read), str(replies_write),
                 str(os.getpid()), reference, json.dumps(paths)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                pass_fds=(requests_read, replies_write), start_new_session=True)
        except OSError as exc:
            os.close(requests_write)
            os.close(replies_read)
            raise BlackBoxError(f"cannot start a worker for {reference}: {exc}") from None
        finally:
            os.close(requests_read)
            os.close(replies_write)
        self._requests, self._replies = requests_write, replies_read
        self._lines: collections.deque[bytes] = collections.deque()
        self._partial = b""
        self._finalizer = weakref.finalize(self, _kill, self.process, (requests_write, replies_read))
        try:
            hello = self.receive(timeout)
        except TimeoutError:
            self.stop()
            raise BlackBoxError(f"{location} did not finish loading within {timeout:g} s") from None
        if hello is None or "failed" in hello:
            reason = hello["failed"] if hello else f"the worker {self.death()} while loading"
            self.stop()
            raise BlackBoxError(reason)

    @property
    def alive(self) -> bool:
        return self._finalizer.alive and self.process.poll() is None

    def send(self, message: dict) -> None:
        try:
            _write_all(self._requests, json.dumps(message).encode() + b"\n")
        except BrokenPipeError:
            pass  # it died: receive() sees the end of its replies and death() says why

    def receive(self, timeout: float):
        """The next message, None if the worker's end closed; TimeoutError after `timeout`."""
        deadline = time.monotonic() + timeout
        poller = select.poll()
        poller.register(self._replies, select.POLLIN)
        while not self._lines:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not poller.poll(remaining * 1000):
                raise TimeoutError
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                return None
            *lines, self._partial = (self._partial + chunk).split(b"\n")
            self._lines.extend(lines)
        return json.loads(self._lines.popleft())

    def death(self) -> str:
        """How the worker ended, in words: 'exited with status 3', 'was killed by SIGSEGV'."""
        status = self.process.wait()
        self.stop()
        if status >= 0:
            return f"exited with status {status}"
        try:
            return f"was killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"was killed by signal {-status}"

    def stop(self) -> None:
        self._finalizer()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _kill(process: subprocess.Popen, fds: tuple[int, ...]) -> None:
    """Kill the worker and whatever it started (its own session), then reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.wait()
    for fd in fds:
        os.close(fd)


# --- the worker side -----------------------------------------------------------------------------------

def serve(requests_fd: int, replies_fd: int, parent: int, reference: str, paths: list[str]) -> None:
    """Load the function, say so, then answer batches until the parent closes the pipe."""
    die_with_parent(parent)
    for fd in (requests_fd, replies_fd):
        os.set_inheritable(fd, False)  # the function's own subprocesses must not hold our pipes
    replies = os.fdopen(replies_fd, "wb")

    def reply(message) -> None:
        replies.write(json.dumps(message).encode() + b"\n")
        replies.flush()

    sys.path[:0] = [p for p in paths if p not in sys.path]
    try:
        function = _load(reference)
    except BaseException as exc:
        reply({"failed": str(exc) if isinstance(exc, BlackBoxError)
               else f"cannot load {reference.rpartition(':')[0]}: {_describe(exc)}"})
        return
    reply({"loaded": True})
    for line in os.fdopen(requests_fd, "rb"):
        request = json.loads(line)
        for x in request["inputs"]:
            reply(answer(function, x, request["kind"]))


def die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies; if it died before we asked,
    go now. Any worker of ours calls this first (a black box's, a bench pool's). Linux means
    the parent *thread*: a worker started from a thread that ends dies with it, and the
    handle starts another for its next batch."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the closed request pipe still ends us
        pass
    if os.getppid() != parent:
        os._exit(0)


def _load(reference: str):
    location, _, name = reference.rpartition(":")
    if location.endswith(".py"):
        path = Path(location)
        if not path.is_file():
            raise BlackBoxError(f"no such file: {location}")
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules.setdefault(path.stem, module)  # dataclasses and pickle look it up there
        spec.loader.exec_module(module)
    else:
        module = importlib.import_module(location)
    function = getattr(module, name, None)
    if not callable(function):
        raise BlackBoxError(f"{location} has no callable named {name!r}")
    return function


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5]))
