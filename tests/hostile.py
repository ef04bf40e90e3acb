"""Attacks on the sandbox, written as a submission would write them, and ways to watch them
from outside. Shared by tests/test_jail.py and benchmarks/jail_layers.py.

Each attack first switches the in-process audit hook off (it is a courtesy, not a wall) and
then tries to reach something outside the jail. What it reaches is judged by looking from
outside: a canary file that must not appear, a secret that must not come back in any output,
a bystander process that must stay alive with its limits unchanged.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

# Ways to switch the audit hook off, each a line or two of submitted code.
UNHOOK = {
    "rebind _refuse": "import sys\nsys.modules['__main__']._refuse = lambda what: None\n",
    "replace the hook's code": (
        "import sys\nsys.modules['__main__']._audit.__code__ = (lambda event, args: None).__code__\n"),
    "patch os._exit and json.dumps": (
        "import sys\nm = sys.modules['__main__']\n"
        "m._finish = lambda *a, **k: None\n"),
    "rewrite the hook's tables via __globals__": (
        "import sys\ng = sys.modules['__main__']._describe.__globals__\n"
        "g['BLOCKED_EVENTS'] = ('nothing-at-all',)\n"
        "g['ALLOWED_IMPORTS'] = type('All', (), {'__contains__': lambda self, name: True})()\n"
        "g['_audit'].__code__ = (lambda event, args: None).__code__\n"),
}
UNHOOKED = UNHOOK["rebind _refuse"]
LIBC = "import sys\nctypes = sys.modules['__main__'].ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"


def reader(path: str, unhook: str = UNHOOKED) -> str:
    """Code (strings domain) whose f returns whatever it could read of `path`, by every road."""
    return unhook + LIBC + f"""
import os
PATH = {path!r}
def attempts():
    found = []
    try:
        found.append(open(PATH).read())
    except BaseException as exc:
        found.append(repr(exc))
    try:
        fd = os.open(PATH, os.O_RDONLY)
        found.append(os.read(fd, 100000).decode('latin-1'))
    except BaseException as exc:
        found.append(repr(exc))
    try:
        buf = ctypes.create_string_buffer(100000)
        fd = libc.open(PATH.encode(), 0)
        n = libc.read(fd, buf, 100000)
        found.append(buf.raw[:max(n, 0)].decode('latin-1') + ' fd=%d' % fd)
    except BaseException as exc:
        found.append(repr(exc))
    return ' | '.join(found)
SEEN = attempts()
def f(s):
    return SEEN[:9000]
"""


def runner(shell: str) -> str:
    """Code that tries to run `shell` by every road: os.system, posix_spawn, fork+exec, libc."""
    return UNHOOKED + LIBC + f"""
import os
CMD = {shell!r}
for attempt in (lambda: os.system(CMD),
                lambda: os.posix_spawn('/bin/sh', ['sh', '-c', CMD], {{}}),
                lambda: libc.system(CMD.encode()),
                lambda: (os.execv('/bin/sh', ['sh', '-c', CMD]) if os.fork() == 0 else None)):
    try:
        attempt()
    except BaseException:
        pass
def f(x):
    return x
"""


def signaller(pid: int) -> str:
    """Code that tries to kill or re-limit process `pid`."""
    return UNHOOKED + LIBC + f"""
import os, resource, signal
PID = {pid}
for attempt in (lambda: os.kill(PID, signal.SIGKILL),
                lambda: libc.kill(PID, 9),
                lambda: resource.prlimit(PID, resource.RLIMIT_CPU, (1, 1)),
                lambda: resource.prlimit(PID, resource.RLIMIT_NOFILE, (3, 3)),
                lambda: libc.syscall(434, PID, 0),                       # pidfd_open
                lambda: libc.syscall(424, libc.syscall(434, PID, 0), 9, 0, 0),  # pidfd_send_signal
                lambda: libc.ptrace(16, PID, 0, 0)):                     # PTRACE_ATTACH
    try:
        attempt()
    except BaseException:
        pass
def f(x):
    return x
"""


KILL_EVERYTHING = UNHOOKED + LIBC + """
libc.kill(-1, 9)  # every process the caller may signal: run this only where a jail holds
def f(x):
    return x
"""


def writer(path: str) -> str:
    """Code that tries to create `path` (and a fifo, a device node, an xattr beside it)."""
    return UNHOOKED + LIBC + f"""
import os
PATH = {path!r}
for attempt in (lambda: open(PATH, 'w').write('escaped'),
                lambda: os.mkfifo(PATH + '.fifo'),
                lambda: os.mknod(PATH + '.dev', 0o600 | 0o060000, os.makedev(1, 3)),
                lambda: libc.mknod((PATH + '.node').encode(), 0o010600, 0),
                lambda: os.setxattr(os.path.dirname(PATH), 'user.escaped', b'1'),
                lambda: os.symlink('/', PATH + '.link'),
                lambda: libc.creat((PATH + '.creat').encode(), 0o600)):
    try:
        attempt()
    except BaseException:
        pass
def f(x):
    return x
"""


def forger(payload: str) -> str:
    """Code that writes its own result on the channel the child answers through, then exits;
    `payload` is a Python expression for the text."""
    return ("import sys, os\nm = sys.modules['__main__']\n"
            f"os.write(m._result.fileno(), ({payload}).encode())\nos._exit(0)\n")


N = 512  # a numeric function is scored on 256 grid and 256 held-out points
FORGED = {  # Python expressions for the forged text
    "no outputs": repr('{"ok": true, "errors": [], "mode": "scalar"}'),
    "wrong length": repr('{"ok": true, "outputs": [1.0], "errors": [null], "mode": "scalar"}'),
    "a dict": repr('{"ok": true, "outputs": {"a": 1}, "errors": [], "mode": "scalar"}'),
    "deep list": "'{\"ok\": true, \"outputs\": ' + '[' * 100000 + ']' * 100000 + '}'",
    "Infinity": f"'{{\"ok\": true, \"outputs\": [' + ', '.join(['Infinity'] * {N}) + '], "
                f"\"errors\": [' + ', '.join(['null'] * {N}) + '], \"mode\": \"scalar\"}}'",
    "strings as numbers": f"'{{\"ok\": true, \"outputs\": [' + ', '.join(['\"1\"'] * {N}) + '], "
                          f"\"errors\": [' + ', '.join(['null'] * {N}) + '], \"mode\": \"scalar\"}}'",
    "not JSON": repr("nmse 0 (success)"),
    "a list": repr("[1, 2, 3]"),
}

FLOOD = UNHOOKED + """
import os
fd = sys.modules['__main__']._result.fileno()
block = b'x' * (1 << 20)
for _ in range(1024):
    os.write(fd, block)
def f(x):
    return x
"""


def environment_leaks(level: str | None = None) -> bool:
    """Start a lab process with an API key in its environment (where /proc shows it) and
    have it run a submission that reads that environment, its parent's and its own: whether
    the key, in any spelling, came back."""
    token = "sk-ant-" + secrets.token_hex(20)
    root = Path(__file__).resolve().parents[1]
    script = (f"import os, sys\nsys.path[:0] = [{str(root)!r}, {str(root / 'tests')!r}]\n"
              "import warnings, hostile\nfrom find_lab import sandbox\n"
              "warnings.simplefilter('ignore')\n"
              "paths = [f'/proc/{os.getpid()}/environ', f'/proc/{os.getppid()}/environ',"
              " '/proc/1/environ', '/proc/self/environ']\n"
              "print(repr([sandbox.run(hostile.reader(p), 'text', ['x'],"
              f" sandbox.Limits(20, 5), level={level!r}) for p in paths]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "ANTHROPIC_API_KEY": token})
    assert done.returncode == 0, done.stderr
    return any(spelling in done.stdout for spelling in spellings(token))


def spellings(secret: str) -> list[str]:
    """A secret as exfiltrating code might write it: plain, reversed, base64, hex."""
    import base64

    forms = [secret, secret[::-1]]
    return forms + [base64.b64encode(f.encode()).decode()[:24] for f in forms] + \
        [f.encode().hex()[:32] for f in forms]


def bystander() -> subprocess.Popen:
    """A process of ours the attacks must leave alone."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


def limits_of(pid: int) -> str:
    return Path(f"/proc/{pid}/limits").read_text()


def sandbox_processes() -> list[int]:
    """Pids of every sandbox child on this machine (jailed or not)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"sandbox_child.py" in cmdline or b"/sandbox/child.py" in cmdline:
                found.append(int(entry.name))
    return found


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def started(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot), None if there is none: with the pid,
    it names one process even after the pid is reused."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def alive(pid: int, since: int | None = None) -> bool:
    """Whether process `pid` (the one that started at `since`, if given) still runs; a zombie
    is dead."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z" and (since is None or int(fields[19]) == since)


def describe(pid: int) -> str:
    """A process as a failing test should show it: state, parent and command line."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return f"{pid}: gone"
    return f"{pid}: state {fields[0]}, parent {fields[1]}, {cmdline[:120]}"
