"""Every bad input to `find-lab` is one line on stderr and an exit status, never a traceback,
a hang or a silent success: 0 done, 1 the run failed, 2 usage error, 130 interrupted."""

import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import run
from find_lab import sandbox, targets

ROOT = Path(__file__).resolve().parents[1]
FIND_LAB = [sys.executable, "-m", "find_lab.cli"]
SECRET = "sk-ant-api03-secret-0123456789"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "sessions"))
    return tmp_path / "sessions"


def one_line(err: str) -> bool:
    return err.startswith("find-lab: ") and err.count("\n") == 1 and "Traceback" not in err


def refused_url() -> str:
    """An address on this machine where nothing listens (no traffic leaves 127.0.0.0/8)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def strict(text: str):
    def refuse(token):
        raise ValueError(f"not strict JSON: {token}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def answer(tmp_path) -> Path:
    path = tmp_path / "answer.py"
    path.write_text("def f(x):\n    return x\n")
    return path


# --- argument values ---------------------------------------------------------------------
@pytest.mark.parametrize("value", ["nan", "inf", "0", "-1", "1e300", "soon"])
@pytest.mark.parametrize("command", [["score", "numeric/f0001", "--code", "a.py", "--timeout"],
                                     ["run", "mine.py:f", "--domain", "numeric", "--call-timeout"]])
def test_seconds_must_be_positive_and_finite(capsys, command, value):
    status, _, err = run(capsys, *command, value)
    assert status == 2 and one_line(err) and repr(value) in err


@pytest.mark.parametrize("argv", [
    ["bench", "--limit", "0"], ["bench", "--limit", "-3"], ["bench", "--workers", "0"],
    ["bench", "--workers", "-4"], ["run", "numeric/f0001", "--calls", "0"],
    ["run", "numeric/f0001", "--calls", "-1"], ["run", "numeric/f0001", "--points", "-5"],
    ["run", "numeric/f0001", "--rounds", "0"], ["run", "numeric/f0001", "--seed", "-1"],
    ["watch", "numeric/f0001", "--calls", "0"], ["play", "numeric/f0001", "--points", "-5"],
    ["suite", "build", "--workers", "0"], ["suite", "list", "--limit", "-1"],
    ["sessions", "list", "--limit", "x"], ["bench", "--agent", "claude", "--rounds", "0"],
])
def test_counts_must_be_whole_numbers_above_zero(capsys, argv):
    status, _, err = run(capsys, *argv)
    assert status == 2 and one_line(err) and f"argument {argv[-2]}" in err


@pytest.mark.parametrize("command", [["bench"], ["run", "numeric/f0001"], ["watch", "numeric/f0001"]])
def test_an_unknown_agent_is_refused_before_anything_starts(capsys, command):
    started = time.monotonic()
    status, _, err = run(capsys, *command, "--agent", "oracle")
    assert status == 2 and one_line(err) and time.monotonic() - started < 1
    assert "unknown agent 'oracle' (choose from scientist, claude, random, interpolate)" in err


@pytest.mark.parametrize("argv, valid", [
    (["suite", "list", "--complexity", "bogus"], "clean"),
    (["bench", "--complexity", "bogus"], "composed"),
    (["suite", "list", "--domain", "strings", "--complexity", "noise"], "atomic, composed"),
    (["bench", "--domain", "strings", "--complexity", "noise"], "atomic, composed"),
    (["bench", "--domain", "neurons", "--complexity", "sum"], "except, or, single"),
])
def test_an_unknown_complexity_names_the_valid_ones(capsys, argv, valid):
    status, _, err = run(capsys, *argv)
    assert status == 2 and one_line(err) and "unknown complexity" in err and valid in err


def test_a_malformed_base_url_is_a_usage_error(capsys):
    status, _, err = run(capsys, "run", "numeric/f0001", "--agent", "claude", "--base-url", "localhost")
    assert status == 2 and one_line(err) and "http:// or https:// URL" in err


def test_unknown_commands_and_help(capsys):
    status, _, err = run(capsys, "frobnicate")
    assert status == 2 and one_line(err) and "invalid choice" in err
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "exit status:" in out and "130  interrupted" in out


# --- files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("code, reason", [
    ("/dev/zero", "larger than 1,000,000 bytes"),
    ("/bin/ls", "not UTF-8 text"),
    ("DIR", "Is a directory"),
    ("NUL", "not UTF-8 text"),
    ("missing.py", "No such file or directory"),
])
def test_a_code_file_that_is_not_code_is_one_line(capsys, tmp_path, code, reason):
    (tmp_path / "NUL").write_bytes(b"def f(x):\n    return x\x00\n")
    path = code if code.startswith("/") else str(tmp_path / code if code != "DIR" else tmp_path)
    started = time.monotonic()
    status, _, err = run(capsys, "score", "numeric/f0001", "--code", path)
    assert status == 2 and one_line(err) and time.monotonic() - started < 5
    assert err == f"find-lab: cannot read the code file {path}: {reason}\n"


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"  \n", "is empty"),
    (SECRET.encode() + b"\x00\xff\xfe binary", "does not hold an API key"),
    (f"{SECRET}\nsecond line\n".encode(), "does not hold an API key"),
])
def test_an_api_key_file_without_a_key_is_refused_without_showing_it(capsys, tmp_path,
                                                                     content, reason):
    key = tmp_path / "key"
    key.write_bytes(content)
    status, out, err = run(capsys, "judge", "--all", "--api-key-file", str(key))
    assert status == 2 and one_line(err) and reason in err and str(key) in err
    assert "sk-ant" not in out + err


def test_a_binary_program_is_not_an_api_key(capsys):
    status, _, err = run(capsys, "judge", "--all", "--api-key-file", "/bin/ls")
    assert status == 2 and one_line(err) and "/bin/ls does not hold an API key" in err


@pytest.mark.parametrize("home", ["FILE", "/proc/self"])
def test_a_home_that_cannot_hold_sessions_is_one_line(capsys, tmp_path, home):
    if home == "FILE":
        home = str(tmp_path / "file")
        Path(home).write_text("not a folder")
    for argv in (["sessions", "--home", home, "list"], ["sessions", "list", "--home", home],
                 ["run", "numeric/f0001", "--home", home], ["judge", "--all", "--home", home]):
        status, _, err = run(capsys, *argv)
        assert status == 2 and one_line(err) and home in err, argv


def test_importing_an_endless_bundle_is_one_line():
    """In a child held to 2 GB, so a store that read without a cap would fail, not swap."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    done = subprocess.run(FIND_LAB + ["sessions", "import", "/dev/zero"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, preexec_fn=limit)
    assert done.returncode == 2 and one_line(done.stderr), done.stderr


def test_building_into_a_file_is_refused_before_building(capsys, tmp_path):
    out = tmp_path / "suite.txt"
    out.write_text("keep me")
    started = time.monotonic()
    status, _, err = run(capsys, "suite", "build", "--out", str(out))
    assert status == 2 and one_line(err) and "is a file, not a folder" in err
    assert time.monotonic() - started < 2 and out.read_text() == "keep me"


@pytest.fixture
def damaged_suite(tmp_path, suite):
    """A suite folder whose strings file has a spec without a domain, then one without an id."""
    root = tmp_path / "suite"
    root.mkdir()
    (root / "manifest.json").write_text("{}")
    (root / "numeric.jsonl").write_text("")
    (root / "neurons.jsonl").write_text("")
    good = suite.get("strings/f0003")
    no_domain = {k: v for k, v in suite.get("strings/f0004").items() if k != "domain"}
    no_id = {k: v for k, v in suite.get("strings/f0005").items() if k != "id"}
    lines = [good, no_domain, no_id]
    (root / "strings.jsonl").write_text("".join(json.dumps(spec) + "\n" for spec in lines))
    return root


@pytest.mark.parametrize("command", [["suite", "list"], ["suite", "show", "strings/f0003"],
                                     ["score", "strings/f0003", "--code", "ANSWER"]])
def test_a_spec_missing_a_field_names_the_function_and_the_field(capsys, damaged_suite,
                                                                 answer, command):
    command = [str(answer) if arg == "ANSWER" else arg for arg in command]
    status, _, err = run(capsys, "--suite", str(damaged_suite), *command)
    assert status == 2 and one_line(err)
    assert "strings.jsonl line 2: function 'strings/f0004' has no 'domain'" in err


def test_a_spec_without_an_id_is_named_by_its_line(capsys, damaged_suite):
    path = damaged_suite / "strings.jsonl"
    path.write_text("\n".join(path.read_text().splitlines()[2:]) + "\n[1, 2]\n")
    status, _, err = run(capsys, "--suite", str(damaged_suite), "suite", "list")
    assert status == 2 and one_line(err) and "line 1: a function has no 'id'" in err
    path.write_text("[1, 2]\n")
    status, _, err = run(capsys, "--suite", str(damaged_suite), "suite", "list")
    assert status == 2 and one_line(err) and "line 1: expected a function spec" in err


# --- output --------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [
    "suite list | head -1",
    "sessions list --home {home} | true",  # the reader is gone before anything is written
])
def test_a_closed_pipe_ends_the_listing_quietly(tmp_path, command):
    shutil.copytree(ROOT / "sessions", tmp_path / "examples")
    line = " ".join(FIND_LAB) + " " + command.format(home=tmp_path / "examples")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", line], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.stderr == "" and done.returncode == 0


def test_score_json_is_strict_json(capsys, tmp_path):
    answer = tmp_path / "infinite.py"
    answer.write_text("def f(x):\n    return float('inf')\n")
    status, out, _ = run(capsys, "score", "numeric/f0001", "--code", str(answer), "--json")
    result = strict(out)
    assert status == 0 and result["success"] is False and result["value"] is None


def test_an_unreachable_api_ends_the_run_in_seconds_and_in_one_line(capsys, monkeypatch):
    """In this process, which has imported the SDK by now (a subprocess spends seconds on it;
    the bench below runs the same failure in processes of its own)."""
    url = refused_url()
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-dummy")
    line = f"cannot reach the Anthropic API at {url}: connection refused"
    for json_flag in ([], ["--json"]):
        started = time.monotonic()
        status, out, err = run(capsys, "run", "numeric/f0001", "--agent", "claude", "--no-save",
                               "--base-url", url, *json_flag)
        assert time.monotonic() - started < 10
        assert status == 1 and err == f"find-lab: the session crashed: {line}\n"
    result = strict(out)
    assert (result["status"], result["reason"], result["score"]) == ("crashed", line, None)


def test_a_bench_whose_sessions_crash_fails(capsys, monkeypatch):
    """Its workers are forked from this process, so the SDK is imported once, not in each."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-dummy")
    status, _, err = run(capsys, "bench", "--agent", "claude", "--base-url", refused_url(),
                         "--domain", "strings", "--limit", "2", "--no-baselines", "--no-save")
    last = err.splitlines()[-1]
    assert status == 1 and "Traceback" not in err
    assert last.startswith("find-lab: 2 of 2 sessions crashed; the first: claude on strings/")
    assert last.endswith("connection refused")


def test_store_warnings_are_one_line_each(capsys, tmp_path):
    home = tmp_path / "warned"
    status, _, _ = run(capsys, "run", "strings/f0003", "--agent", "interpolate", "--home", str(home))
    [log] = (home / "logs").glob("*.jsonl")
    lines = log.read_text().splitlines()
    log.write_text("\n".join(lines[:1] + ["{torn"] + lines[1:]) + "\n")
    done = subprocess.run(FIND_LAB + ["sessions", "show", log.stem, "--home", str(home)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert status == 0 and done.returncode == 0 and done.stderr
    for line in done.stderr.splitlines():
        assert line.startswith("find-lab: warning: ") and "line 2" in line


# --- processes -----------------------------------------------------------------------------
def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(child) for child in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_bench_workers_die_with_a_killed_bench():
    bench = subprocess.Popen(FIND_LAB + ["bench", "--domain", "numeric", "--limit", "300",
                                         "--no-save", "--no-baselines", "--workers", "2"],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = children(bench.pid)
            time.sleep(0.1)
        assert len(workers) >= 2
        bench.send_signal(signal.SIGKILL)
        bench.wait()
        deadline = time.monotonic() + 5
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(alive, workers))
    finally:
        bench.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


# --- doctor, the weak sandbox and user functions -------------------------------------------
@pytest.mark.parametrize("isolation, status", [("jail", 0), ("weak", 1)])
def test_doctor_prints_its_lines_and_fails_without_the_jail(capsys, monkeypatch, isolation,
                                                            status):
    monkeypatch.setattr(sandbox, "doctor_lines", lambda: ["isolation: x", "bwrap: y"])
    monkeypatch.setattr(sandbox, "isolation", lambda: isolation)
    assert run(capsys, "doctor") == (status, "isolation: x\nbwrap: y\n", "")


def test_doctor_on_this_machine(capsys):
    status, out, err = run(capsys, "doctor")
    assert status == (0 if sandbox.isolation() == "jail" else 1) and out and not err


def test_allow_weak_sandbox_reaches_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("FIND_LAB_ALLOW_WEAK_SANDBOX", "")
    monkeypatch.setattr(sandbox, "doctor_lines", lambda: [])
    monkeypatch.setattr(sandbox, "isolation", lambda: "jail")
    assert run(capsys, "--allow-weak-sandbox", "doctor")[0] == 0
    assert os.environ["FIND_LAB_ALLOW_WEAK_SANDBOX"] == "1"


def test_call_timeout_reaches_both_user_functions(capsys, monkeypatch):
    asked = []

    def load(reference, timeout):
        asked.append((reference, timeout))
        if len(asked) == 2:
            raise targets.TargetError("stop here")
        return lambda x: x

    monkeypatch.setattr(targets, "load_callable", load)
    status, _, err = run(capsys, "run", "mine.py:f", "--domain", "numeric", "--reference",
                         "truth.py:g", "--call-timeout", "2.5")
    assert status == 2 and err == "find-lab: stop here\n"
    assert asked == [("truth.py:g", 2.5), ("mine.py:f", 2.5)]
