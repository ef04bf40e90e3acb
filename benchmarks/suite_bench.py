"""Suite and sandbox timings on this machine: prints a table.

    python benchmarks/suite_bench.py [--skip-build] [--submissions 100]
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
import warnings
from unittest import mock
from pathlib import Path

import numpy as np

from find_lab import sandbox, scoring
from find_lab.domains.neurons import specs as neurons
from find_lab.domains.numeric import specs as numeric
from find_lab.domains.numeric.atoms import GRID
from find_lab.domains.strings import specs as strings
from find_lab.suite import Suite, default_root, render
from find_lab.suite.build import build


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def call_everything(suite: Suite) -> None:
    for fid in suite.ids("numeric"):
        numeric.truth(suite.get(fid), GRID)
    for fid in suite.ids("strings"):
        spec = suite.get(fid)
        call = strings.make_callable(spec)
        for text in strings.test_inputs(spec, 256):
            call(text)
    for fid in suite.ids("neurons"):
        spec = suite.get(fid)
        for word in (spec["heldout"] * 3)[:256]:
            neurons.activation(spec, word)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--skip-build", action="store_true")
    options.add_argument("--submissions", type=int, default=100)
    args = options.parse_args()
    suite = Suite()
    rows = []
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as out:
            for workers in (1, 2):
                seconds = timed(lambda: build(0, Path(out), default_root() / "lexicon", workers))
                rows.append((f"build the whole suite ({workers} worker{'s' * (workers > 1)})",
                             f"{seconds:.1f} s", ""))
    seconds = timed(lambda: call_everything(suite))
    total = sum(len(suite.ids(d)) for d in ("numeric", "strings", "neurons"))
    rows.append((f"call all {total} functions on 256 inputs each", f"{seconds:.2f} s",
                 f"{seconds / total * 1000:.2f} ms per function"))

    ids = [fid for d in ("numeric", "strings", "neurons") for fid in suite.ids(d)]
    picks = [ids[i] for i in np.linspace(0, len(ids) - 1, args.submissions).astype(int)]
    levels = [sandbox.isolation()] + [level for level in ("weak",) if level != sandbox.isolation()]
    warnings.simplefilter("ignore", sandbox.SandboxWarning)
    for level in levels:  # the same submissions, jailed and not, in the same run
        run = functools.partial(sandbox.run, level=level)
        with mock.patch.object(scoring.sandbox, "run", run):
            started = time.perf_counter()
            scores = [scoring.score(suite.get(fid), render(suite.get(fid))) for fid in picks]
            seconds = time.perf_counter() - started
        rows.append((f"score {len(picks)} ground-truth submissions ({level})", f"{seconds:.1f} s",
                     f"{seconds / len(picks):.3f} s per submission, "
                     f"{sum(s.success for s in scores)}/{len(picks)} succeed"))
    for level in levels:
        bare = [sandbox.run("def f(x):\n    return x\n", "number", [0.5], sandbox.Limits(),
                            level=level).seconds for _ in range(20)]
        rows.append((f"sandbox round trip, trivial code, median of 20 ({level})",
                     f"{np.median(bare):.3f} s", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'time':>9}  note")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 30}")
    for name, value, note in rows:
        print(f"{name:{width}}  {value:>9}  {note}")


if __name__ == "__main__":
    main()
