"""An agent on the neurons development set (benchmarks/devset/neurons/), beside the suite.

    python benchmarks/neurons_devset.py [--agent scientist] [--workers 2] [--limit N]
        [--group NAME ...] [--suite-sample 60] [--worst 20] [--session-timeout 60] [--json OUT]

Every public top-level function of every module under benchmarks/devset/neurons/ is run as a
user's black box scored against itself, exactly as

    find-lab run benchmarks/devset/neurons/MODULE.py:NAME --domain neurons \\
        --reference benchmarks/devset/neurons/MODULE.py:NAME

runs it (each in its own worker process, scored by Pearson r on words drawn from the top,
middle and bottom of the function's own activation), with nothing saved. The set is
hand-written and imports nothing of the suite, so it measures what an agent does on neurons it
has never seen. Printed: per module (the set's groups) and overall, the success rate (r >= 0.5,
the domain's threshold), the median r and the median seconds per session; the worst functions
with what the agent said; and the same agent on an even sample of the suite's neurons.

--limit takes an even sample of the set (every group keeps its share); --suite-sample 0 skips
the suite. A session running past --session-timeout seconds is stopped and counts as a failure.

Measured at commit c3cd817 (69 functions, --suite-sample 60, 2 workers on a shared machine,
111 s wall; one worker alone takes about 0.8 s a session):

    group        n   success  median r  median s
    concepts    18   100.0%     0.910     1.55
    graded      10    90.0%     0.998     1.23
    mixtures    12    91.7%     0.799     2.10
    spelling    21    90.5%     0.999     1.51
    unknown      8    12.5%     0.377     2.04
    all         69    84.1%     0.933     1.70
    suite       60    56.7%     0.529     1.43   (single 55.2%, or 47.4%, except 75.0%)

The scientist named no concept for 23 of the 69 and 28 of the 60 ("No concept I know fits");
of those it named, 1 and 3 score below r 0.5.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path

from devset_runner import add_arguments, run_set

DEVSET = Path("benchmarks/devset/neurons")   # relative to ROOT: it is part of each function's name
DOMAIN = "neurons"
KEPT = ("words",)  # the score details the tables read


# --- the tables ---------------------------------------------------------------------------

def _line(name: str, rows: list[dict]) -> str:
    values = [r["value"] for r in rows]
    rate = 100 * sum(r["success"] for r in rows) / len(rows)
    return (f"{name:22} {len(rows):5} {rate:8.1f}% {statistics.median(values):12.3f} "
            f"{statistics.median(r['seconds'] for r in rows):9.2f} "
            f"{sum(r['status'] not in ('submitted',) for r in rows):6}")


def table(rows: list[dict], title: str) -> str:
    header = f"{'group':22} {'n':>5} {'success':>9} {'median r':>12} {'median s':>9} {'no sub':>6}"
    lines = [title, header, "-" * len(header)]
    groups = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    for name in sorted(groups):
        lines.append(_line(name, groups[name]))
    if len(groups) > 1:
        lines.append("-" * len(header))
    lines.append(_line("all", rows))
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def worst(rows: list[dict], count: int) -> str:
    """The `count` lowest correlations (the slowest first among equals), with what the agent
    said, or why there was no score."""
    picked = sorted(rows, key=lambda r: (r["value"], -r["seconds"]))[:count]
    lines = [f"the {len(picked)} lowest correlations of {len(rows)} (r, function, what was said)"]
    for r in picked:
        name = r["function_id"].rpartition("/")[2]
        lines.append(f"  {r['value']:6.3f}  {name:44}"
                     + ("" if r["status"] == "submitted" and not r["reason"] else
                        f" [{r['status']}] {r['reason'] or 'no score'}"))
        if r["description"]:
            lines.append(f"          said: {_short(r['description'], 110)}")
    return "\n".join(lines)


# --- the command --------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(p, 60, "neurons")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = Path(args.json).resolve() if args.json else None
    own, theirs, rows = run_set(args, DEVSET, DOMAIN, KEPT, "neurons_devset")
    if own:
        print(table(own, f"\nneurons development set ({len(own)} functions, each its own reference)"))
    if theirs:
        print(table(theirs, f"\nthe suite's neurons (an even sample of {len(theirs)})"))
    if own and theirs:
        print("\nside by side: " + ", ".join(
            f"{name} {100 * sum(r['success'] for r in part) / len(part):.1f}% (median r "
            f"{statistics.median(r['value'] for r in part):.3f})"
            for name, part in (("development set", own), ("suite sample", theirs))))
    if own and args.worst:
        print("\n" + worst(own, args.worst))
    if out:
        out.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
