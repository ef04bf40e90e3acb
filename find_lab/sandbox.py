"""Run untrusted submitted code in a separate, limited process and collect its outputs.

Layers, each cheap: a fresh interpreter (`python -I`) in a new session with an empty scratch
directory as its working directory and an environment holding no secrets; wall-clock, CPU,
memory and file-size limits; inside, an audit hook that refuses files, new imports,
processes, sockets and native code (see `sandbox_child`). Every failure comes back as a
one-line reason, never as an exception in the lab.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = Path(__file__).with_name("sandbox_child.py")
CLEAN_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
SIGNAL_REASONS = {
    signal.SIGXCPU: "used too much CPU time",
    signal.SIGKILL: "was killed (out of memory or time)",
    signal.SIGSEGV: "crashed (segmentation fault)",
    signal.SIGXFSZ: "wrote too large a file",
}


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

    @property
    def ok(self) -> bool:
        return self.reason is None

    def first_error(self) -> str | None:
        return next((e for e in self.errors if e), None)


def run(code: str, kind: str, inputs: list, limits: Limits = Limits()) -> Outcome:
    """Call the submission's `f` on every input; `kind` is numeric, strings or neurons."""
    job = json.dumps({"code": code, "kind": kind, "inputs": inputs,
                      "limits": {"cpu_seconds": limits.cpu_seconds,
                                 "memory_mb": limits.memory_mb}})
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="find-lab-sandbox-") as scratch:
        process = subprocess.Popen(
            [sys.executable, "-I", str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=scratch, env=CLEAN_ENV, start_new_session=True)
        try:
            stdout, stderr = process.communicate(job.encode(), timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            _kill(process)
            return Outcome(reason=f"timed out after {limits.wall_seconds:g} s",
                           seconds=time.perf_counter() - started)
        finally:
            _kill(process)
    seconds = time.perf_counter() - started
    return _outcome(process.returncode, stdout, stderr, seconds)


def _kill(process: subprocess.Popen) -> None:
    """Kill the whole session the submission ran in (it may have left children)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _outcome(returncode: int, stdout: bytes, stderr: bytes, seconds: float) -> Outcome:
    try:
        result = json.loads(stdout.decode("utf-8", errors="replace"))
    except ValueError:
        if returncode < 0:
            why = SIGNAL_REASONS.get(-returncode, f"was stopped by signal {-returncode}")
            return Outcome(reason=f"the code {why}", seconds=seconds)
        tail = stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no output"]
        return Outcome(reason=f"the sandbox returned no result ({tail[0][:200]})", seconds=seconds)
    if not result.get("ok"):
        return Outcome(reason=result.get("reason", "unknown failure"), seconds=seconds)
    return Outcome(outputs=result["outputs"], errors=result["errors"], mode=result["mode"],
                   seconds=seconds)
