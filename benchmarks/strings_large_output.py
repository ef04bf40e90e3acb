"""The strings scientist on functions whose answers are a megabyte long.

    python benchmarks/strings_large_output.py [--agent scientist] [--size N ...]

Each function writes about N characters for any input (the input repeated, padded, marked,
or noise the scientist cannot explain), so every answer it takes in is that long. By
default N is 99,000 (just under the lab's cap on one answer, 100,000 characters: the
scientist takes in every answer) and 1,000,000 (over it: every probe is an error, which
the scientist must say and still submit). Printed:
per function, the seconds the whole session took, the points it probed, whether it ended
in a submission and its exact-match score. A session that searches its answers naively
(difflib on a megabyte runs for minutes) shows up here, not in the tests.

Measured at commit 240d3ab (one session at a time, the machine shared with two benchmarks):

    function          size       seconds  points  submitted  exact
    every function    99,000     0.4-0.6      77       True   0.00
    every function    1,000,000  0.0-0.2      77       True   0.00

Under the cap the answers are taken in (nothing searches strings that long, so the answer is
marked approximate, with what holds on every answer, such as its length); over it every probe is
an error, which the submitted description says.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def functions(size: int) -> dict:
    def repeat(s):
        return (s or "?") * (size // max(1, len(s)))

    def padded(s):
        return s.rjust(size, ".")

    def noise(s):  # nothing explains it: the fallback path on megabyte answers
        seed = hashlib.sha256(s.encode()).digest()
        return (seed.hex() * (size // 64 + 1))[:size]

    def marked(s):
        return s + "#" * size + s[::-1]

    return {"repeated": repeat, "right-aligned": padded, "hash text": noise,
            "wrapped in marks": marked}


async def session(name, function, agent):
    from find_lab import actors, targets
    from find_lab.experiment import Door, Experiment

    target = targets.from_callable(function, "strings", f"large:{name}", reference=function)
    experiment = Experiment(target, actor_kind=agent)
    experiment.start()
    started = time.perf_counter()
    await actors.make_actor(agent).run(Door(experiment))
    elapsed = time.perf_counter() - started
    score = experiment.score
    return elapsed, experiment.points_used, experiment.status == "submitted", \
        (score.value if score else float("nan"))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--agent", default="scientist")
    p.add_argument("--size", type=int, action="append", default=None)
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    print(f"{'function':26s} {'size':>9s} {'seconds':>8s} {'points':>7s} {'submitted':>10s} "
          f"{'exact':>6s}")
    for size in args.size or (99_000, 1_000_000):
        for name, function in functions(size).items():
            elapsed, points, submitted, exact = asyncio.run(session(name, function, args.agent))
            print(f"{name:26s} {size:9,d} {elapsed:8.1f} {points:7d} {str(submitted):>10s} "
                  f"{exact:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
