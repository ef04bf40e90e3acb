"""Runs one untrusted submission; started by `find_lab.sandbox`, inside the jail where it can.

Reads a job (code, output kind, inputs, limits, seccomp program) as JSON on stdin and writes
one JSON result to the stdout it was given; the submission's own prints go nowhere. Before the
submission runs: the allowed modules are imported, resource limits are set, the seccomp filter
is installed (from then on no file can be opened, no process started or signalled), the
environment is emptied, and an audit hook turns the usual attempts (open a file, import,
start a process, open a socket, load native code) into a clear "sandbox:" refusal. The hook
only words the refusal; the jail and the filter are what hold. Imports only the standard
library and numpy.
"""

import base64
import builtins
import ctypes
import json
import math
import numbers
import os
import resource
import signal
import sys
import traceback

PARENT = os.getppid()
sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.path.dirname(__file__)]
if len(sys.argv) > 1:
    sys.path.insert(0, sys.argv[1])  # where numpy is

# Modules a submission may import; loaded now, because new imports are refused later.
import bisect, cmath, collections, decimal, fractions, functools, heapq  # noqa: E401,E402
import itertools, operator, random, re, statistics, string, unicodedata, zlib  # noqa: E401,E402
import numpy  # noqa: E402
import numpy.fft, numpy.linalg, numpy.polynomial, numpy.random  # noqa: E401,E402

# Drop ctypes from the module cache so `import ctypes` is a refused new import.
for _name in [m for m in sys.modules if m.split(".")[0] in ("ctypes", "_ctypes")]:
    del sys.modules[_name]
ALLOWED_IMPORTS = frozenset(sys.modules)
BLOCKED_EVENTS = (
    "socket.", "subprocess.", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.system", "os.kill", "os.killpg", "ctypes.", "os.listdir", "os.scandir", "os.chdir",
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.putenv", "os.unsetenv", "os.chmod",
    "os.chown", "os.link", "os.symlink", "os.truncate", "os.utime", "shutil.", "glob.",
    "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.", "pty.", "resource.setrlimit",
    "resource.prlimit", "fcntl.", "mmap.", "sqlite3.", "builtins.input", "os.startfile",
    "signal.",
)
MAX_TEXT = 10_000
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 1, 38, 22, 2

_libc = ctypes.CDLL(None, use_errno=True)
_result = os.fdopen(os.dup(1), "w")
_quiet = open(os.devnull, "w")
os.dup2(_quiet.fileno(), 1)  # prints from C code, too, go nowhere
os.dup2(_quiet.fileno(), 2)


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


def _die_with_parent() -> None:
    """The jail does this for us; outside one (weak isolation) the child does it itself."""
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != PARENT:
        os._exit(5)


def _limit(limits: dict) -> None:
    memory = limits["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))  # no new threads or processes


def _filter(program: str | None) -> None:
    """Install the seccomp filter the lab compiled; a filter that cannot be installed ends
    the run, since the lab recorded that it would hold."""
    if not program:
        return
    code = base64.b64decode(program)

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    buffer = ctypes.create_string_buffer(code, len(code))
    prog = Program(len(code) // 8, ctypes.addressof(buffer))
    if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            _libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        _finish({"ok": False, "reason": "sandbox: the seccomp filter could not be installed "
                 f"(errno {ctypes.get_errno()})"}, 4)


def _seal() -> None:
    os.environ.clear()
    os.environ = os.environb = _SealedEnvironment()
    sys.stdout = sys.stderr = _quiet
    sys.addaudithook(_audit)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "ran out of memory (MemoryError)"
    try:
        text = f"{type(exc).__name__}: {exc}".strip()
    except BaseException:  # an exception whose __str__ raises
        text = type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) or (
        isinstance(value, numpy.ndarray) and value.shape == () and value.dtype.kind in "biuf")


def _vectorised(f, inputs: list) -> list | None:
    """Try f on the whole array at once; None when f is scalar-only or answers oddly."""
    xs = numpy.asarray(inputs, dtype=float)
    try:
        ys = numpy.asarray(f(xs.copy()))
        if ys.shape != xs.shape or ys.dtype.kind not in "biuf":
            return None
        return [float(y) for y in ys]
    except Exception:
        return None


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
    return (out, None) if math.isfinite(out) else (None, f"returned {out} (input {value!r})")


def _check_text(out, value):
    if not isinstance(out, str):
        return None, f"returned {type(out).__name__}, not str (input {value!r})"
    return out[:MAX_TEXT], None


def _evaluate(f, kind: str, inputs: list) -> dict:
    """`kind` "text": f must return strings; "number": numbers, the whole array at once when
    the inputs are numbers and f takes one."""
    if kind == "text":
        outputs, errors = _one_by_one(f, inputs, _check_text)
        return {"ok": True, "outputs": outputs, "errors": errors, "mode": "scalar"}
    if all(_is_number(x) and not isinstance(x, bool) for x in inputs):
        outputs = _vectorised(f, inputs)
        if outputs is not None:
            errors = [None if math.isfinite(y) else f"returned {y} (input {x!r})"
                      for x, y in zip(inputs, outputs)]
            return {"ok": True, "outputs": [y if math.isfinite(y) else None for y in outputs],
                    "errors": errors, "mode": "vectorised"}
    outputs, errors = _one_by_one(f, inputs, _check_number)
    return {"ok": True, "outputs": outputs, "errors": errors, "mode": "scalar"}


def main() -> None:
    _die_with_parent()
    job = json.loads(sys.stdin.read())
    try:
        compiled = compile(job["code"], "<submission>", "exec")
    except SyntaxError as exc:
        _finish({"ok": False, "reason": f"syntax error on line {exc.lineno}: {exc.msg}"})
    except (ValueError, MemoryError, RecursionError) as exc:
        _finish({"ok": False, "reason": f"the code cannot be compiled: {_describe(exc)}"})
    namespace = {"__name__": "submission", "__builtins__": builtins}
    _limit(job["limits"])
    _filter(job.get("seccomp"))
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
