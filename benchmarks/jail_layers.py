"""What each layer of the sandbox stops: every attack in tests/hostile.py, with the audit hook
switched off first, against each isolation level, judged from outside.

    .venv/bin/python benchmarks/jail_layers.py

Levels: jail (namespaces + seccomp), namespaces (bubblewrap alone), seccomp (the filter
alone), weak (resource limits and the audit hook, which every attack switches off).
"""

from __future__ import annotations

import secrets
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import hostile  # noqa: E402
from find_lab import jail, sandbox  # noqa: E402
from find_lab.suite import default_root  # noqa: E402

LEVELS = ("jail", "namespaces", "seccomp", "weak")
LIMITS = sandbox.Limits(wall_seconds=20.0, cpu_seconds=5)


def read_host_file(level: str, scratch: Path) -> bool:
    token = secrets.token_hex(16)
    canary = scratch / "secret.txt"
    canary.write_text(token)
    outcome = sandbox.run(hostile.reader(str(canary)), "text", ["x"], LIMITS, level=level)
    return token not in repr(outcome)


def read_the_suite(level: str, scratch: Path) -> bool:
    path = default_root() / "numeric.jsonl"
    probe = path.read_text().splitlines()[0][:40]
    outcome = sandbox.run(hostile.reader(str(path)), "text", ["x"], LIMITS, level=level)
    return probe not in repr(outcome)


def read_the_environment(level: str, scratch: Path) -> bool:
    return not hostile.environment_leaks(level)


def run_a_shell(level: str, scratch: Path) -> bool:
    canary = scratch / "shell-ran"
    sandbox.run(hostile.runner(f"touch {canary}"), "number", [1.0], LIMITS, level=level)
    time.sleep(0.2)
    return not canary.exists()


def kill_a_bystander(level: str, scratch: Path) -> bool:
    victim = hostile.bystander()
    try:
        before = hostile.limits_of(victim.pid)
        sandbox.run(hostile.signaller(victim.pid), "number", [1.0], LIMITS, level=level)
        time.sleep(0.2)
        return hostile.alive(victim.pid) and hostile.limits_of(victim.pid) == before
    finally:
        victim.kill()
        victim.wait()


def write_outside(level: str, scratch: Path) -> bool:
    target = scratch / "escaped"
    sandbox.run(hostile.writer(str(target)), "number", [1.0], LIMITS, level=level)
    return not list(scratch.glob("escaped*"))


ATTACKS = {
    "read a host file": read_host_file,
    "read the suite's data": read_the_suite,
    "read the lab's environment": read_the_environment,
    "run a shell": run_a_shell,
    "kill or re-limit a bystander": kill_a_bystander,
    "write outside the scratch": write_outside,
}


def main() -> None:
    if not jail.starts()[0]:
        print(f"the jail does not start here: {jail.starts()[1]}")
    warnings.simplefilter("ignore", sandbox.SandboxWarning)
    levels = [level for level in LEVELS if level not in ("jail", "namespaces") or jail.starts()[0]]
    width = max(map(len, ATTACKS)) + 2
    print(f"{'attack (audit hook switched off first)':{width + 10}}" +
          "".join(f"{level:>12}" for level in levels))
    print("-" * (width + 10 + 12 * len(levels)))
    for name, attack in ATTACKS.items():
        row = []
        for level in levels:
            with tempfile.TemporaryDirectory() as scratch:
                row.append("contained" if attack(level, Path(scratch)) else "ESCAPED")
        print(f"{name:{width + 10}}" + "".join(f"{cell:>12}" for cell in row))


if __name__ == "__main__":
    main()
