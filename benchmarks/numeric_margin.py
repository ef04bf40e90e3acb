"""The numeric scientist against the lookup-table baselines, on the same functions and budget.

    python benchmarks/numeric_margin.py [--limit 200] [--workers 2] [--suite PATH] [--json OUT]

Runs the scientist, `interpolate` (a 400-point grid, answered by linear interpolation) and
`random` (400 random probes, answered by the nearest one) on every numeric function, or an even
sample, through real sessions and the sandboxed scorer (nothing saved), and prints success by
complexity and by the function's shape, the median time per function, and the margin the issue
asks for: the scientist at least 20 points above interpolation, >= 90% overall and >= 80% on
the noisy and the corrupted functions. Also printed: what FIND's own measure gives on this
suite, linear interpolation of 400 *random* probes (FIND reports ~72% on its functions).
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path

import numpy as np

from find_lab import bench
from find_lab.domains.numeric import specs as numeric
from find_lab.domains.numeric.atoms import GRID
from find_lab.domains.numeric.scoring import nmse
from find_lab.suite import Suite

AGENTS = ("scientist", "interpolate", "random")


def shape(spec: dict) -> str:
    """The atom, "sum"/"product" (of FIND's compose-only atoms) or "mlp"."""
    expr = spec["expr"]
    return expr["kind"] if expr["op"] == "atom" else expr["op"]


def random_linear(spec: dict, seed: int = 0) -> bool:
    """FIND's reference measure: linear interpolation of 400 random probes (noise-free truth)."""
    rng = np.random.default_rng(seed)
    xs = np.sort(rng.uniform(-128, 128, 400))
    ys = numeric.observe(spec, xs, rng)
    ok = np.isfinite(ys)
    return bool(nmse(numeric.truth(spec, GRID), np.interp(GRID, xs[ok], ys[ok])) < 0.1)


def summarise(rows: list[dict], specs: dict[str, dict]) -> str:
    by = defaultdict(list)
    for row in rows:
        spec = specs[row["function_id"]]
        by[(row["complexity"], row["agent"])].append(row)
        by[("all", row["agent"])].append(row)
        by[("shape " + shape(spec), row["agent"])].append(row)
    groups = sorted({g for g, _ in by}, key=lambda g: (g.startswith("shape"), g == "all", g))
    lines = [f"{'group':26} {'n':>5} " + " ".join(f"{a:>12}" for a in AGENTS)
             + f" {'margin':>7} {'sci med s':>9}", "-" * 90]
    for group in groups:
        rates = {a: by[(group, a)] for a in AGENTS}
        n = len(rates["scientist"]) or max(len(v) for v in rates.values())
        cells = [f"{100 * np.mean([r['success'] for r in rates[a]]):11.1f}%" if rates[a] else f"{'-':>12}"
                 for a in AGENTS]
        margin = (100 * (np.mean([r["success"] for r in rates["scientist"]])
                         - np.mean([r["success"] for r in rates["interpolate"]]))
                  if rates["scientist"] and rates["interpolate"] else float("nan"))
        median = statistics.median(r["seconds"] for r in rates["scientist"]) if rates["scientist"] else 0
        lines.append(f"{group:26} {n:5} " + " ".join(cells) + f" {margin:+6.1f} {median:9.2f}")
    return "\n".join(lines)


def verdict(rows: list[dict]) -> str:
    def rate(agent, complexity=None):
        picked = [r["success"] for r in rows if r["agent"] == agent
                  and (complexity is None or r["complexity"] == complexity)]
        return 100 * float(np.mean(picked)) if picked else float("nan")

    sci, interp = rate("scientist"), rate("interpolate")
    median = statistics.median(r["seconds"] for r in rows if r["agent"] == "scientist")
    checks = [
        (f"scientist overall {sci:.1f}% >= 90%", sci >= 90),
        (f"scientist on noise {rate('scientist', 'noise'):.1f}% >= 80%", rate("scientist", "noise") >= 80),
        (f"scientist on corruption {rate('scientist', 'corruption'):.1f}% >= 80%",
         rate("scientist", "corruption") >= 80),
        (f"margin over interpolate {sci - interp:+.1f} points >= +20", sci - interp >= 20),
        (f"median time per function {median:.2f} s < 2 s", median < 2),
    ]
    return "\n".join(f"[{'x' if ok else ' '}] {text}" for text, ok in checks)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    options.add_argument("--limit", type=int, default=0, help="an even sample of N functions")
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--suite", default=None, help="suite folder (default: functions/)")
    options.add_argument("--agents", default=",".join(AGENTS))
    options.add_argument("--json", default=None, help="also write the rows here")
    args = options.parse_args()
    suite = Suite(Path(args.suite) if args.suite else None)
    ids = suite.ids("numeric")
    if args.limit:
        ids = [ids[i] for i in sorted({round(i * len(ids) / args.limit) for i in range(args.limit)})]
    specs = {fid: suite.get(fid) for fid in ids}
    jobs = [bench.Job(agent, fid, args.seed, None, args.suite) for fid in ids
            for agent in args.agents.split(",")]
    rows, _ = bench.run_all(jobs, args.workers)
    if args.json:
        Path(args.json).write_text(json.dumps(rows))
    print(summarise(rows, specs))
    print("\n" + bench.margins(rows, "scientist"))
    lookup = [random_linear(specs[fid], args.seed) for fid in ids]
    print(f"\nFIND's own measure on these {len(ids)} functions (linear interpolation of 400 random "
          f"probes): {100 * np.mean(lookup):.1f}% (FIND reports ~72% on its functions)\n")
    print(verdict(rows))


if __name__ == "__main__":
    main()
