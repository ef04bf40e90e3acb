"""Submitted code is untrusted: hostile code scores 0 with a reason and the lab keeps going."""

import pytest

from find_lab import jail, sandbox, scoring
from find_lab.suite import default_root

FAST = sandbox.Limits(wall_seconds=4.0, cpu_seconds=2)
CPU_BOUND = sandbox.Limits(wall_seconds=60.0, cpu_seconds=1)  # the CPU limit always ends it first

HOSTILE = {
    "loops forever": ("def f(x):\n    while True:\n        pass\n", "CPU time"),
    "sleeps forever": ("import time\ndef f(x):\n    time.sleep(60)\n", "timed out"),
    "allocates 10 GB": ("def f(x):\n    block = bytearray(10 * 1024 ** 3)\n    return x\n", "memory"),
    "reads os.environ": ("import os\ndef f(x):\n    return len(os.environ['ANTHROPIC_API_KEY'])\n",
                         "environment"),
    "calls os.getenv": ("import os\nKEY = os.getenv('ANTHROPIC_API_KEY')\ndef f(x):\n    return x\n",
                        "environment"),
    "reads /proc/self/environ": ("DATA = open('/proc/self/environ').read()\ndef f(x):\n    return x\n",
                                 "opening files"),
    "opens functions/": (f"DATA = open({str(default_root() / 'numeric.jsonl')!r}).read()\n"
                         "def f(x):\n    return x\n", "opening files"),
    "swallows the refusal": ("def f(x):\n    try:\n        open('/etc/passwd')\n    except Exception:\n"
                             "        pass\n    return x\n", "opening files"),
    "imports socket": ("import socket\ndef f(x):\n    return x\n", "importing socket"),
    "runs a shell": ("import os\ndef f(x):\n    os.system('id')\n    return x\n", "os.system"),
    "spawns a process": ("__import__('subprocess')\ndef f(x):\n    return x\n", "importing subprocess"),
    "loads native code": ("import numpy\ndef f(x):\n    numpy.ctypeslib.ctypes.CDLL(None)\n    return x\n",
                          "not allowed"),
    "forks": ("import os\nos.fork()\ndef f(x):\n    return x\n", "os.fork"),
    "lists the suite": ("import os\nNAMES = os.listdir('/')\ndef f(x):\n    return x\n", "os.listdir"),
    "has a syntax error": ("def f(x) return x\n", "syntax error"),
    "raises": ("def f(x):\n    raise ValueError('no idea')\n", "ValueError: no idea"),
    "returns the wrong type": ("def f(x):\n    return 'seven'\n", "not a number"),
    "defines no f": ("def g(x):\n    return x\n", "must define a function f"),
    "exits": ("raise SystemExit(0)\n", "SystemExit"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_submission_scores_zero_with_a_reason(suite, name, monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-secret")
    code, reason = HOSTILE[name]
    spec = suite.get("numeric/f0001")
    result = scoring.score(spec, code, limits=CPU_BOUND if name == "loops forever" else FAST)
    assert not result.success
    assert result.reason and reason in result.reason
    assert "sk-ant-secret" not in result.summary()
    assert "\n" not in result.summary()


def test_the_lab_keeps_working_after_a_hostile_run(suite):
    scoring.score(suite.get("numeric/f0001"), HOSTILE["allocates 10 GB"][0], limits=FAST)
    result = sandbox.run("def f(x):\n    return x * 2\n", "number", [1.0, 2.5], FAST)
    assert result.ok and result.outputs == [2.0, 5.0]


def test_child_environment_holds_no_secrets():
    assert not any(k.startswith(("ANTHROPIC", "OPENAI", "AWS")) or "KEY" in k or "TOKEN" in k
                   for k in jail.CHILD_ENV)


def test_vectorised_and_scalar_code_both_work():
    vectorised = sandbox.run("import numpy as np\ndef f(x):\n    return np.abs(x)\n", "number",
                             [-1.0, 2.0], FAST)
    scalar = sandbox.run("def f(x):\n    return x if x > 0 else -x\n", "number", [-1.0, 2.0], FAST)
    assert vectorised.mode == "vectorised" and scalar.mode == "scalar"
    assert vectorised.outputs == scalar.outputs == [1.0, 2.0]


def test_errors_on_some_inputs_are_reported_per_input():
    code = "import math\ndef f(x):\n    return math.log(x)\n"
    result = sandbox.run(code, "number", [1.0, -1.0], FAST)
    assert result.outputs[0] == 0.0 and result.outputs[1] is None
    assert "math domain error" in result.errors[1]


def test_printing_does_not_corrupt_the_result():
    code = "print('noise' * 1000)\ndef f(s):\n    print(s)\n    return s.upper()\n"
    assert sandbox.run(code, "text", ["ab", ""], FAST).outputs == ["AB", ""]


def test_submission_runs_in_the_jails_own_scratch_directory():
    code = "import os\nWHERE = os.getcwd()\ndef f(s):\n    return WHERE\n"
    assert sandbox.run(code, "text", ["x"], FAST).outputs == ["/tmp"]
