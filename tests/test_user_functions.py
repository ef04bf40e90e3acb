"""A user's own function runs in a worker process: every misbehaviour is a per-input reason,
a hang ends the session with a clear reason, and no worker outlives the lab."""

import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from find_lab import targets
from find_lab.experiment import Experiment
from find_lab.session import run_session

MISBEHAVING = """
    import math, os, sys, time

    class Unfloatable:
        def __float__(self):
            raise ValueError("no float here")

    def f(x):
        if x == 1: raise ValueError("boom")
        if x == 2: raise KeyboardInterrupt
        if x == 3: sys.exit(3)
        if x == 4: return None
        if x == 5: return math.nan
        if x == 6: return [x]
        if x == 7: return 10 ** 400
        if x == 8: return Unfloatable()
        if x == 9: return "9.0"
        if x == 10:
            print("p" * 3_000_000)
            os.write(1, b"c" * 100_000)
            os.write(2, b"e" * 100_000)
            return 10.5
        if x == 11: os._exit(3)
        if x == 3.5: time.sleep(3600)
        return 2.0 * x
"""

DOUBLE = "def f(x):\n    return 2.0 * x\n"
HALF = "def f(x):\n    return 0.5 * x + 1.0\n"
FRUIT = ("apple banana orange strawberry grape pear peach cherry lemon mango pineapple plum "
         "watermelon lime apricot kiwi melon raspberry blueberry grapefruit tangerine coconut")
FRUITY = f"FRUIT = set({FRUIT.split()!r})\n\ndef f(word):\n    return float(word.strip().lower() in FRUIT)\n"
FLAT = "def f(word):\n    return 0.25\n"

REASONS = {1: "raised ValueError: boom", 2: "raised KeyboardInterrupt", 3: "raised SystemExit: 3",
           4: "returned None, not a number", 5: "returned nan", 6: "returned list, not a number",
           7: "returned int too large for a float",
           8: "returned Unfloatable whose float() raised ValueError: no float here",
           9: "returned str, not a number", 11: "exited with status 3"}


def write(tmp_path: Path, source: str, name: str = "mine.py") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return str(path)


def gone(pid: int, within: float = 3.0) -> bool:
    """The process has ended (a zombie waiting for a reaper counts as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
                return True
        except (FileNotFoundError, ProcessLookupError):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def misbehaving(tmp_path):
    box = targets.load_callable(f"{write(tmp_path, MISBEHAVING)}:f", timeout=1)
    yield box
    box.close()


def test_every_misbehaviour_is_a_reason_for_its_input_and_later_inputs_still_answer(misbehaving):
    inputs = [0.5, *range(1, 12), 12.0]
    first = misbehaving.pid
    answers = targets.from_callable(misbehaving, "numeric", "mine").call(inputs)
    reasons = {x: getattr(y, "reason", None) for x, y in zip(inputs, answers)}
    assert reasons == {0.5: None, 10: None, 12.0: None, **REASONS}
    assert answers[0] == 1.0 and answers[10] == 10.5 and answers[-1] == 24.0
    assert all(math.isnan(answers[inputs.index(x)]) for x in REASONS)
    assert misbehaving.pid not in (None, first)  # restarted after os._exit(3)


async def test_a_failed_input_is_an_error_in_the_probe_event_and_the_session_goes_on(misbehaving):
    experiment = Experiment(targets.from_callable(misbehaving, "numeric", "mine"), actor_kind="test")
    experiment.start()
    answers = await experiment.probe([0.5, 6.0, 11.0, 12.0])
    assert answers[0] == (1.0, None) and answers[3] == (24.0, None)
    assert answers[1:3] == [(None, REASONS[6]), (None, REASONS[11])]
    assert experiment.events[-1]["errors"][1:3] == [REASONS[6], REASONS[11]]
    assert experiment.events[-1]["kind"] == "probe" and experiment.status is None


def test_strings_need_a_string_back(tmp_path):
    source = """
        class Loud(str):
            def __str__(self):
                return "not what it holds"

        def f(text):
            return {"int": 3, "none": None, "sub": Loud("held")}.get(text, text.upper())
    """
    with targets.load_callable(f"{write(tmp_path, source)}:f", timeout=1) as box:
        answers = targets.from_callable(box, "strings", "mine").call(["int", "none", "sub", "abc"])
    assert [getattr(a, "reason", a) for a in answers] == [
        "returned int, not a string", "returned None, not a string", "held", "ABC"]
    assert type(answers[2]) is str


def test_a_silent_input_raises_a_timeout_kills_the_worker_and_the_next_call_restarts(misbehaving):
    worker = misbehaving.pid
    started = time.monotonic()
    with pytest.raises(targets.BlackBoxTimeout,
                       match=r"^the function did not answer for input 3\.5 within 1 s$"):
        misbehaving.answers([1.5, 3.5, 4.5], "numeric")
    assert time.monotonic() - started < 2 and gone(worker, within=1)
    assert misbehaving.answers([1.5], "numeric") == [3.0]


class ProbeOnce:
    kind = name = "test"

    def __init__(self, inputs):
        self.inputs = inputs

    async def run(self, experiment):
        await experiment.probe(self.inputs)
        await experiment.submit("doubles x", "def f(x):\n    return 2 * x\n")


async def test_a_hang_ends_the_session_crashed_with_the_reason(misbehaving):
    worker = misbehaving.pid
    target = targets.from_callable(misbehaving, "numeric", "mine")
    experiment = await run_session(target, ProbeOnce([1.5, 3.5]))
    end = experiment.events[-1]
    assert end["kind"] == "session_end" and end["status"] == "crashed"
    assert end["reason"] == "the function did not answer for input 3.5 within 1 s"
    assert experiment.events[-2]["kind"] == "error" and "BlackBoxTimeout" in experiment.events[-2]["message"]
    assert gone(worker, within=1)


async def test_a_hanging_reference_ends_the_session_with_its_own_reason(tmp_path):
    path = write(tmp_path, MISBEHAVING)
    function = targets.load_callable(f"{write(tmp_path, DOUBLE, 'f.py')}:f")
    reference = targets.load_callable(f"{path}:f", timeout=1)
    target = targets.from_callable(function, "numeric", "mine", reference)
    experiment = await run_session(target, ProbeOnce([1.5]))
    assert experiment.status == "crashed"
    assert experiment.events[-1]["reason"] == "the reference function did not answer for input 3.5 within 1 s"


@pytest.mark.parametrize("source, expected", [
    ("import sys\nsys.exit(4)\n", "cannot load {path}: SystemExit: 4"),
    ("import time\ntime.sleep(3600)\n", "{path} did not finish loading within 1 s"),
    ("raise RuntimeError('broken\\nsecond line')\n", "cannot load {path}: RuntimeError: broken"),
    ("import os\nos._exit(7)\n", "the worker exited with status 7 while loading"),
    ("g = 1\n", "{path} has no callable named 'f'"),
])
def test_a_module_that_will_not_load_is_one_line(tmp_path, source, expected):
    path = write(tmp_path, source)
    with pytest.raises(targets.TargetError) as error:
        targets.load_callable(f"{path}:f", timeout=1)
    assert str(error.value) == expected.format(path=path)


def test_no_such_file_and_a_bad_reference(tmp_path):
    with pytest.raises(targets.TargetError, match="^no such file: nowhere.py$"):
        targets.load_callable("nowhere.py:f")
    with pytest.raises(targets.TargetError, match="expected FILE.py:NAME or MODULE:NAME"):
        targets.load_callable("nowhere.py")


def test_the_users_folder_is_on_the_path_for_their_imports(tmp_path):
    write(tmp_path, "SCALE = 3.0\n", "helper_for_mine.py")
    path = write(tmp_path, "from helper_for_mine import SCALE\n\ndef f(x):\n    return SCALE * x\n")
    with targets.load_callable(f"{path}:f") as box:
        assert box.answers([2.0], "numeric") == [6.0]


def test_a_module_is_found_from_the_current_folder(tmp_path, monkeypatch):
    write(tmp_path, DOUBLE, "module_of_mine.py")
    monkeypatch.chdir(tmp_path)
    with targets.load_callable("module_of_mine:f") as box:
        assert box.answers([2.0], "numeric") == [4.0]


def test_a_batch_of_400_points_is_one_quick_round_trip(tmp_path):
    """Not a benchmark: a guard against falling back to a round trip per point."""
    with targets.load_callable(f"{write(tmp_path, DOUBLE)}:f") as box:
        xs = [-100.0 + 0.5 * i for i in range(400)]
        started = time.monotonic()
        assert box.answers(xs, "numeric") == [2.0 * x for x in xs]
        assert time.monotonic() - started < 0.5


def test_the_worker_dies_with_a_killed_lab_even_in_the_middle_of_a_call(tmp_path):
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parents[1])!r});"
            "from find_lab import targets;"
            f"box = targets.load_callable({write(tmp_path, MISBEHAVING)!r} + ':f', timeout=60);"
            "print(box.pid, flush=True); box.answers([3.5], 'numeric')")
    lab = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(lab.stdout.readline())
        assert not gone(worker, within=0.3)  # busy sleeping in the function
        lab.send_signal(signal.SIGKILL)
        lab.wait()
        assert gone(worker, within=3)
    finally:
        lab.kill()
        lab.wait()


def cli(*argv, cwd):
    return subprocess.run([sys.executable, "-m", "find_lab.cli", *argv, "--json", "--no-save"],
                          capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})


def test_run_json_stays_json_whatever_the_function_prints_or_exits_with(tmp_path):
    source = """
        import os, sys

        def f(x):
            print("chatty " * 200_000)
            os.write(1, b"straight to fd 1\\n")
            sys.stderr.write("and to stderr\\n")
            if x > 100:
                os._exit(3)
            if x < -100:
                sys.exit(4)
            return 0.5 * x + 1.0
    """
    done = cli("run", f"{write(tmp_path, source)}:f", "--domain", "numeric",
               "--reference", f"{write(tmp_path, HALF, 'g.py')}:f",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "submitted" and result["score"]["success"]


def test_a_fruit_neuron_is_scored_on_fruit_words(tmp_path):
    path = write(tmp_path, FRUITY)
    with targets.load_callable(f"{path}:f") as function, targets.load_callable(f"{path}:f") as truth:
        target = targets.from_callable(function, "neurons", "mine:fruity", truth)
        right = target.scorer(FRUITY, "fruit")
        wrong = target.scorer("def f(word):\n    return float(len(word) > 5)\n", "long words")
    assert right.success and right.value > 0.99
    assert not wrong.success and wrong.value < 0.5 and wrong.reason is None


def test_a_neuron_constant_on_the_test_set_blames_the_test_set(tmp_path):
    with targets.load_callable(f"{write(tmp_path, FLAT)}:f") as truth:
        target = targets.from_callable(truth, "neurons", "mine:flat", truth)
        score = target.scorer(FLAT, "flat")
    assert not score.success and score.value == 0.0
    assert "0.25 on all 150 held-out words" in score.reason and "fault of the test set" in score.reason
