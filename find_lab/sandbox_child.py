"""Runs one untrusted submission inside the sandbox process; started by `find_lab.sandbox`.

Reads a job (code, input kind, inputs, limits) as JSON on stdin and writes one JSON result
on stdout. Before the submission runs: the allowed modules are imported, resource limits
are set, the environment is sealed, and an audit hook turns any attempt to open a file,
import something new, start a process, open a socket or load native code into an
immediate, final "sandbox:" failure. Imports only the standard library and numpy.
"""

import builtins
import json
import math
import numbers
import os
import resource
import sys
import traceback

sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.path.dirname(__file__)]

# Modules a submission may import; loaded now, because new imports are refused later.
import bisect, cmath, collections, decimal, fractions, functools, heapq  # noqa: E401,E402
import itertools, operator, random, re, statistics, string, unicodedata, zlib  # noqa: E401,E402
import numpy  # noqa: E402
import numpy.fft, numpy.linalg, numpy.polynomial, numpy.random  # noqa: E401,E402

# numpy loads ctypes; drop it from the module cache so `import ctypes` is a refused new import
# (numpy's own handle on it stays, and every ctypes call is refused by the audit hook).
for _name in [m for m in sys.modules if m.split(".")[0] in ("ctypes", "_ctypes")]:
    del sys.modules[_name]
ALLOWED_IMPORTS = frozenset(sys.modules)
BLOCKED_EVENTS = (
    "socket.", "subprocess.", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.system", "os.kill", "os.killpg", "ctypes.", "os.listdir", "os.scandir", "os.chdir",
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.putenv", "os.unsetenv", "os.chmod",
    "os.chown", "os.link", "os.symlink", "os.truncate", "os.utime", "shutil.", "glob.",
    "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.", "pty.", "resource.setrlimit",
    "fcntl.", "mmap.", "sqlite3.", "builtins.input", "os.startfile", "signal.",
)
MAX_TEXT = 10_000

_result = os.fdopen(os.dup(1), "w")
_quiet = open(os.devnull, "w")


def _finish(payload: dict, status: int = 0) -> None:
    _result.write(json.dumps(payload))
    _result.flush()
    os._exit(status)


def _refuse(what: str) -> None:
    _finish({"ok": False, "reason": f"sandbox: {what} is not allowed"}, 3)


def _audit(event: str, args: tuple) -> None:
    if event == "open":
        _refuse(f"opening files ({args[0]!r})")
    elif event == "import" and args[0] not in ALLOWED_IMPORTS:
        _refuse(f"importing {args[0]}")
    elif event.startswith(BLOCKED_EVENTS):
        _refuse(f"{event}")


class _SealedEnvironment(dict):
    """Stands in for os.environ: any use of it ends the run."""

    def _refuse(self, *args, **kwargs):
        _refuse("reading the environment")

    __getitem__ = __iter__ = __len__ = __contains__ = __repr__ = get = keys = items = values = \
        copy = setdefault = pop = __setitem__ = __delitem__ = _refuse


def _limit(limits: dict) -> None:
    memory = limits["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _seal() -> None:
    os.environ.clear()
    os.environ = os.environb = _SealedEnvironment()
    sys.stdout = sys.stderr = _quiet
    sys.addaudithook(_audit)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "ran out of memory (MemoryError)"
    text = f"{type(exc).__name__}: {exc}".strip()
    return text if len(text) <= 200 else text[:197] + "..."


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) or (
        isinstance(value, numpy.ndarray) and value.shape == () and value.dtype.kind in "biuf")


def _vectorised(f, inputs: list) -> list | None:
    """Try f on the whole array at once; None when f is scalar-only or answers oddly."""
    xs = numpy.asarray(inputs, dtype=float)
    try:
        ys = numpy.asarray(f(xs.copy()))
    except Exception:
        return None
    if ys.shape != xs.shape or ys.dtype.kind not in "biuf":
        return None
    return [float(y) for y in ys]


def _one_by_one(f, inputs: list, check) -> tuple[list, list]:
    outputs, errors = [], []
    for value in inputs:
        try:
            out = f(float(value) if isinstance(value, float) else value)
            out, error = check(out, value)
        except Exception as exc:
            out, error = None, f"{_describe(exc)} (input {value!r})"
        outputs.append(out)
        errors.append(error)
    return outputs, errors


def _check_number(out, value):
    if not _is_number(out):
        return None, f"returned {type(out).__name__}, not a number (input {value!r})"
    out = float(out)
    return (out, None) if math.isfinite(out) else (out, f"returned {out} (input {value!r})")


def _check_text(out, value):
    if not isinstance(out, str):
        return None, f"returned {type(out).__name__}, not str (input {value!r})"
    return out[:MAX_TEXT], None


def _evaluate(f, kind: str, inputs: list) -> dict:
    if kind == "numeric":
        outputs = _vectorised(f, inputs)
        if outputs is not None:
            return {"ok": True, "outputs": outputs, "errors": [None] * len(inputs),
                    "mode": "vectorised"}
        outputs, errors = _one_by_one(f, inputs, _check_number)
    elif kind == "strings":
        outputs, errors = _one_by_one(f, inputs, _check_text)
    else:
        outputs, errors = _one_by_one(f, inputs, _check_number)
    return {"ok": True, "outputs": outputs, "errors": errors, "mode": "scalar"}


def main() -> None:
    job = json.loads(sys.stdin.read())
    try:
        compiled = compile(job["code"], "<submission>", "exec")
    except SyntaxError as exc:
        _finish({"ok": False, "reason": f"syntax error on line {exc.lineno}: {exc.msg}"})
    except (ValueError, MemoryError, RecursionError) as exc:
        _finish({"ok": False, "reason": f"the code cannot be compiled: {_describe(exc)}"})
    namespace = {"__name__": "submission", "__builtins__": builtins}
    _limit(job["limits"])
    _seal()
    try:
        exec(compiled, namespace)
    except BaseException as exc:  # a submission may raise anything, SystemExit included
        _finish({"ok": False, "reason": f"the code failed while loading: {_describe(exc)}"})
    f = namespace.get("f")
    if not callable(f):
        _finish({"ok": False, "reason": "the code must define a function f(x)"})
    try:
        _finish(_evaluate(f, job["kind"], job["inputs"]))
    except BaseException as exc:
        _finish({"ok": False, "reason": f"the code failed: {_describe(exc)}"})


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        _result.write(json.dumps({"ok": False, "reason": "sandbox: internal error: "
                                  + traceback.format_exc(limit=1).strip().splitlines()[-1]}))
        _result.flush()
        os._exit(4)
