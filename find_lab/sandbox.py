"""Run untrusted code (submissions, hypotheses) in the jail and collect its outputs safely.

The jail (`find_lab.jail`) is what keeps the code away from the lab. This module starts it,
feeds it the job, reads what comes back under a hard byte cap and a wall clock, and trusts
nothing in the answer: the result is checked field by field against what was asked, and any
text that reaches a person is stripped of control characters and capped. Every failure comes
back as a one-line reason, never as an exception in the lab.
"""

from __future__ import annotations

import base64
import json
import math
import os
import selectors
import signal
import subprocess
import tempfile
import time
import unicodedata
import warnings
from dataclasses import dataclass, field

from find_lab import jail

MAX_STDOUT = 32 << 20  # 400 strings of 10,000 characters, JSON-escaped, fit with room
MAX_STDERR = 64 << 10
MAX_REASON = 300
MAX_TEXT = 10_000
WEAK_ENV = "FIND_LAB_ALLOW_WEAK_SANDBOX"
SIGNAL_REASONS = {
    signal.SIGXCPU: "used too much CPU time",
    signal.SIGKILL: "was killed (out of memory or time)",
    signal.SIGSEGV: "crashed (segmentation fault)",
    signal.SIGXFSZ: "wrote too large a file",
    signal.SIGSYS: "made a forbidden system call",
}
MALFORMED = "the submission's output was malformed"


class SandboxWarning(UserWarning):
    """Said once per process: untrusted code here runs without an operating-system jail."""


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 10.0
    cpu_seconds: int = 10
    memory_mb: int = 1024


@dataclass(frozen=True)
class Outcome:
    """What a submission returned: outputs (None where it failed) or a reason it could not run."""

    outputs: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    reason: str | None = None
    mode: str = ""
    seconds: float = 0.0
    isolation: str = ""

    @property
    def ok(self) -> bool:
        return self.reason is None

    def first_error(self) -> str | None:
        return next((e for e in self.errors if e), None)

    def numbers(self) -> list[float]:
        """The outputs of number-kind code as floats, NaN where it gave none."""
        return [math.nan if y is None else float(y) for y in self.outputs]


def isolation() -> str:
    """The isolation untrusted code gets on this machine (see `find_lab.jail.isolation`)."""
    return jail.isolation()


def doctor_lines() -> list[str]:
    """What `find-lab doctor` prints."""
    level = isolation()
    if level == "jail":
        policy = "agents' code: runs in the jail"
    elif os.environ.get(WEAK_ENV):
        policy = "agents' code: runs without the full jail (--allow-weak-sandbox)"
    else:
        policy = "agents' code: refused until the jail starts, or --allow-weak-sandbox is passed"
    return jail.facts() + [policy]


def run(code: str, kind: str, inputs: list, limits: Limits = Limits(),
        level: str | None = None) -> Outcome:
    """Call the submission's `f` on every input; `kind` is what it must return, "number" or
    "text" (a domain's output kind). `level` forces an isolation (benchmarks compare them);
    by default the strongest here."""
    if level is None:
        level = isolation()
        if level != "jail" and not os.environ.get(WEAK_ENV):
            return Outcome(reason=f"refused: no full OS sandbox here ({jail.describe(level)}); "
                       "see `find-lab doctor`, or pass --allow-weak-sandbox", isolation=level)
    if level != "jail":
        _warn_once(level)
    program = jail.seccomp_program() if level in ("jail", "seccomp") else None
    job = json.dumps({"code": code, "kind": kind, "inputs": inputs,
                      "limits": {"cpu_seconds": limits.cpu_seconds, "memory_mb": limits.memory_mb},
                      "seccomp": base64.b64encode(program).decode() if program else None}).encode()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="find-lab-sandbox-") as scratch:
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE,
                 "start_new_session": True}
        try:
            if level in ("jail", "namespaces"):
                process = jail.spawn(jail.bwrap().path, **pipes)
            else:
                process = subprocess.Popen(
                    [jail.interpreter(), "-I", "-S", str(jail.CHILD), str(jail.numpy_site())],
                    cwd=scratch, env=jail.CHILD_ENV, **pipes)
        except OSError as exc:
            return Outcome(reason=f"the sandbox could not start: {exc.strerror}", isolation=level)
        try:
            stdout, stderr, cut = _exchange(process, job, limits.wall_seconds)
        finally:
            _kill(process)
    seconds = time.perf_counter() - started
    if cut:
        return Outcome(reason=cut, seconds=seconds, isolation=level)
    return _outcome(process.returncode, stdout, stderr, kind, len(inputs), seconds, level)


def _warn_once(level: str) -> None:
    warnings.warn(f"untrusted code runs without the full OS sandbox here ({jail.describe(level)}); "
                  "see `find-lab doctor`", SandboxWarning, stacklevel=3)


def _exchange(process: subprocess.Popen, job: bytes, wall: float) -> tuple[bytes, bytes, str | None]:
    """Write the job and read stdout and stderr until the child closes them, never holding
    more than the caps and never waiting past the wall clock; the third value says why the
    child was cut off, if it was."""
    deadline = time.monotonic() + wall
    chunks = {process.stdout: [], process.stderr: []}
    caps = {process.stdout: MAX_STDOUT, process.stderr: MAX_STDERR}
    sizes = dict.fromkeys(chunks, 0)
    selector = selectors.DefaultSelector()
    os.set_blocking(process.stdin.fileno(), False)
    selector.register(process.stdin, selectors.EVENT_WRITE)
    for stream in chunks:
        selector.register(stream, selectors.EVENT_READ)
    pending = memoryview(job)
    try:
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                return b"", b"", f"timed out after {wall:g} s"
            for key, _ in selector.select(left):
                if key.fileobj is process.stdin:
                    try:
                        pending = pending[os.write(process.stdin.fileno(), pending[:65536]):]
                    except (BrokenPipeError, OSError):
                        pending = pending[:0]
                    if not pending:
                        selector.unregister(process.stdin)
                        process.stdin.close()
                    continue
                data = os.read(key.fileobj.fileno(), 1 << 16)
                if not data:
                    selector.unregister(key.fileobj)
                    continue
                sizes[key.fileobj] += len(data)
                if sizes[key.fileobj] > caps[key.fileobj]:
                    which = "output" if key.fileobj is process.stdout else "error output"
                    return b"", b"", f"the code wrote too much {which} (over {caps[key.fileobj] >> 10} KB)"
                chunks[key.fileobj].append(data)
    finally:
        selector.close()
    try:
        process.wait(max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        return b"", b"", f"timed out after {wall:g} s"
    return b"".join(chunks[process.stdout]), b"".join(chunks[process.stderr]), None


def _kill(process: subprocess.Popen) -> None:
    """Kill the whole session the code ran in (outside a jail it may have left children)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream and not stream.closed:
            stream.close()


def _outcome(returncode: int, stdout: bytes, stderr: bytes, kind: str, count: int,
             seconds: float, level: str) -> Outcome:
    result = _parse(stdout)
    if result is None:
        # a signal ends the child (negative status) or bwrap reports it as 128 + its number
        signum = -returncode if returncode < 0 else returncode - 128 if returncode > 128 else 0
        if signum > 0:
            why = SIGNAL_REASONS.get(signum, f"was stopped by signal {signum}")
            return Outcome(reason=f"the code {why}", seconds=seconds, isolation=level)
        if not stdout.strip():
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            return Outcome(reason=f"the sandbox returned no result ({plain(tail[0], 200)})",
                           seconds=seconds, isolation=level)
        return Outcome(reason=MALFORMED, seconds=seconds, isolation=level)
    problem = _check(result, kind, count)
    if problem:
        return Outcome(reason=f"{MALFORMED} ({problem})", seconds=seconds, isolation=level)
    if not result["ok"]:
        return Outcome(reason=plain(result["reason"]), seconds=seconds, isolation=level)
    outputs = [float(y) if isinstance(y, int) else y for y in result["outputs"]]
    return Outcome(outputs=outputs, errors=[e if e is None else plain(e) for e in result["errors"]],
                   mode=result["mode"], seconds=seconds, isolation=level)


def _parse(stdout: bytes) -> dict | None:
    def refuse(token):
        raise ValueError(token)

    try:
        value = json.loads(stdout.decode("utf-8"), parse_constant=refuse)
    except (ValueError, RecursionError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _check(result: dict, kind: str, count: int) -> str | None:
    """What is wrong with the child's result, or None: the schema every field must follow."""
    if not isinstance(result.get("ok"), bool):
        return "no ok flag"
    if not result["ok"]:
        return None if isinstance(result.get("reason"), str) else "no reason"
    outputs, errors = result.get("outputs"), result.get("errors")
    if not isinstance(outputs, list) or len(outputs) != count:
        return f"expected {count} outputs"
    if not isinstance(errors, list) or len(errors) != count:
        return f"expected {count} errors"
    if result.get("mode") not in ("vectorised", "scalar"):
        return "unknown mode"
    if any(e is not None and not isinstance(e, str) for e in errors):
        return "an error that is not text"
    if kind == "text":
        if any(y is not None and not (isinstance(y, str) and len(y) <= MAX_TEXT) for y in outputs):
            return "an output that is not a string of at most 10,000 characters"
    elif any(y is not None and (isinstance(y, bool) or not isinstance(y, (int, float))
                                or not math.isfinite(y)) for y in outputs):
        return "an output that is not a finite number"
    if any(y is None and e is None for y, e in zip(outputs, errors)):
        return "a missing output without an error"
    return None


def plain(text: str, limit: int = MAX_REASON) -> str:
    """`text` safe to show a person on one line: control, format and separator characters
    (newlines, ANSI escapes, bidi overrides) become spaces, and it is cut to `limit`."""
    cleaned = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c
                      for c in str(text)[: limit * 4])
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"

