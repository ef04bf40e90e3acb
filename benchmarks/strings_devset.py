"""An agent on the strings development set (benchmarks/devset/strings/), beside the suite.

    python benchmarks/strings_devset.py [--set DIR] [--agent scientist] [--workers 2] [--limit N]
        [--group NAME ...] [--suite-sample 100] [--worst 20] [--session-timeout 60] [--json OUT]

Every public top-level function of every module under benchmarks/devset/strings/ is run as a
user's black box scored against itself, exactly as

    find-lab run benchmarks/devset/strings/MODULE.py:NAME --domain strings \\
        --reference benchmarks/devset/strings/MODULE.py:NAME

runs it (each in its own worker process, the held-out strings drawn from the function's own
answers), with nothing saved. The set is hand-written and imports nothing of the suite, so it
measures what an agent does on string functions it has never seen. Printed: per module (the
set's groups) and overall, the success rate (exact match >= 0.9), the median exact-match rate
and the median seconds per session; the worst functions with their first mismatch; and the
same agent on an even sample of the suite's string functions, for comparison.

--limit takes an even sample of the set (every group keeps its share); --suite-sample 0 skips
the suite. A session running past --session-timeout seconds is stopped and counts as a failure.

--set DIR runs another set (benchmarks/devset/strings_heldout: 180 functions written without
reading the scientist, only ever measured). "approx" is the share of answers the agent marked
approximate (the scientist does when no program it can build explains every answer).

Measured at commit 62945fd (1 worker each, two runs side by side on two cores; interpolate at
240d3ab):

    set                          agent        success   median exact   median s   approx
    development set (291)        scientist     91.8%       1.000          0.42      9.3%
                                 interpolate    0.7%       0.050          0.15
    held-out set (180)           scientist     81.1%       1.000          0.55     20.0%
                                 interpolate    0.6%       0.042          0.17
    suite sample (100)           scientist     97.0%       1.000          0.39      3.0%

Held-out groups: ciphers 95%, counting 85%, slicing 85%, compositions 80%, conditionals 80%,
everyday 80%, formatting 80%, predicates 80%, substrings 65%. Before the scientist learnt
programs (it enumerated the suite's operation catalogue) the development set's first 216 were
at 30.6%.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path

from devset_runner import add_arguments, run_set

DEVSET = Path("benchmarks/devset/strings")   # relative to ROOT: it is part of each function's name
DOMAIN = "strings"
KEPT = ("matched", "total", "first_mismatch")  # the score details the tables read


# --- the tables ---------------------------------------------------------------------------

def _line(name: str, rows: list[dict]) -> str:
    values = [r["value"] for r in rows]
    rate = 100 * sum(r["success"] for r in rows) / len(rows)
    approximate = sum((r["description"] or "").startswith("Approximately") for r in rows)
    return (f"{name:22} {len(rows):5} {rate:8.1f}% {statistics.median(values):12.3f} "
            f"{statistics.median(r['seconds'] for r in rows):9.2f} "
            f"{100 * approximate / len(rows):7.1f}% "
            f"{sum(r['status'] not in ('submitted',) for r in rows):6}")


def table(rows: list[dict], title: str) -> str:
    header = (f"{'group':22} {'n':>5} {'success':>9} {'median exact':>12} {'median s':>9} "
              f"{'approx':>8} {'no sub':>6}")
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


def _short(value, width: int = 34) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def worst(rows: list[dict], count: int) -> str:
    """The `count` lowest exact-match rates (the slowest first among equals), with what went
    wrong: the first mismatch on the held-out strings, or why there was no score."""
    missed = [r for r in rows if not r["success"] or r["first_mismatch"]]
    picked = sorted(missed, key=lambda r: (r["value"], -r["seconds"]))[:count]
    lines = [f"the {len(picked)} worst of the {len(missed)} functions with a mismatch "
             "(exact match, first mismatch: input -> expected / got)"]
    for r in picked:
        name = r["function_id"].rpartition("/")[2]
        miss = r["first_mismatch"]
        if miss:
            what = (f"{_short(miss['input'])} -> {_short(miss['expected'])} / "
                    f"{_short(miss['got'])}")
        else:
            what = f"[{r['status']}] {r['reason'] or 'no score'}"
        lines.append(f"  {r['value']:5.3f}  {name:44} {what}")
        if r["description"]:
            lines.append(f"         said: {_short(r['description'], 110)}")
    return "\n".join(lines)


# --- the command --------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--set", default=str(DEVSET), metavar="DIR",
                   help="the folder of the set, relative to the repository (default "
                        f"{DEVSET}; benchmarks/devset/strings_heldout is the held-out one)")
    add_arguments(p, 100, "string functions")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = Path(args.json).resolve() if args.json else None
    own, theirs, rows = run_set(args, Path(args.set), DOMAIN, KEPT, "strings_devset")
    if own:
        print(table(own, f"\nstrings development set ({len(own)} functions, each its own reference)"))
    if theirs:
        print(table(theirs, f"\nthe suite's strings (an even sample of {len(theirs)})"))
    if own and theirs:
        print(f"\nside by side: development set {100 * sum(r['success'] for r in own) / len(own):.1f}%"
              f", suite sample {100 * sum(r['success'] for r in theirs) / len(theirs):.1f}%")
    if own and args.worst:
        print("\n" + worst(own, args.worst))
    if out:
        out.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
