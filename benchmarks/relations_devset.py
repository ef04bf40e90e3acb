"""An agent on the relations development set (benchmarks/devset/relations/), beside the suite.

    python benchmarks/relations_devset.py [--set DIR] [--agent scientist] [--workers 2]
        [--limit N] [--group NAME ...] [--suite-sample 75] [--worst 20]
        [--session-timeout 60] [--json OUT]

Every public top-level function of every module under benchmarks/devset/relations/ is run as
a user's black box scored against itself, exactly as

    find-lab run benchmarks/devset/relations/MODULE.py:NAME --domain relations \\
        --reference benchmarks/devset/relations/MODULE.py:NAME

runs it (each in its own worker process, scored on names the reference scoring draws from the
function's own answers), with nothing saved. The set is hand-written from knowledge of the
world, without reading the agents or the suite, so it measures what an agent does on relations
it has never seen. Printed: per module (the set's groups) and overall, the success rate (exact
match >= 0.9), the median exact-match rate, the pooled match rate of each part of the score
(domain, exception, outside; "-" where no function's score has that part) and the median
seconds per session; the worst functions with their first mismatch; and the same agent on the
suite's relations functions (an even sample of --suite-sample, all 75 by default).

--limit takes an even sample of the set (every group keeps its share); --suite-sample 0 skips
the suite. A session running past --session-timeout seconds is stopped and counts as a failure.
--agent interpolate gives the baseline.

Three hand-written sets, each written from knowledge of the world without reading the
agents or the suite: benchmarks/devset/relations/ (61 functions, the development set, tuned
on), benchmarks/devset/relations_dev2/ (66, measured once and then tuned on) and
benchmarks/devset/relations_heldout/ (66, written after the last change and only ever
measured). "untested" counts the functions whose test set holds fewer than 5 names inside
their domain (the lab's reference scoring draws names from what it knows: the knowledge base
and the neurons' lexicon); they score no success, and the line under each table leaves them
out. Measured with --workers 2 on two cores; the held-out set at 526acea, the rest at the
commit that wrote this table:

    set                     agent        success  testable: success  domain  outside  median s
    development (61)        scientist     65.6%     46: 87.0%          94.3%   100.0%    0.63
                            interpolate    0.0%                         5.5%   100.0%    0.31
    dev2 (66), first run    scientist     42.4%    (750f851, before the scientist was tuned on it)
    dev2 (66), now          scientist     63.6%     58: 72.4%          85.5%   100.0%    0.64
                            interpolate    0.0%                         9.6%   100.0%    0.33
    held-out (66)           scientist     57.6%     53: 71.7%          81.1%   100.0%    0.70
                            interpolate    0.0%                        11.3%   100.0%    0.32
    suite (75)              scientist    100.0%                        99.9%   100.0%    0.53
                            interpolate    0.0%                         5.1%   100.0%    0.17

Held-out groups (scientist): us_states 100%, elements 88.9%, sky 71.4%, codes 70.0%,
countries 50.0%, words 33.3%, culture 22.2%, cities 12.5%. What it misses is what its almanac
and word groups do not hold (paintings, zodiac signs, airport codes, former city names,
compounds) and relations on a few names of a kind it knows only in part. No function's score
has an exception part: a user's function says nothing of its exception, so its excepted names
are scored as 'outside'.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path

from devset_runner import add_arguments, run_set

from find_lab.domains.relations.scoring import MIN_DOMAIN

DEVSET = Path("benchmarks/devset/relations")  # relative to ROOT: part of each name
DOMAIN = "relations"
KEPT = ("matched", "total", "first_mismatch", "parts")  # the score details the tables read
PARTS = ("domain", "exception", "outside")


# --- the tables ---------------------------------------------------------------------------

def _part_rate(rows: list[dict], part: str) -> str:
    """Matched over total of one part, pooled over the rows whose score has it."""
    counts = [r["parts"][part] for r in rows if isinstance(r.get("parts"), dict)
              and isinstance(r["parts"].get(part), dict)]
    total = sum(c.get("total", 0) for c in counts)
    if not total:
        return f"{'-':>9}"
    return f"{100 * sum(c.get('matched', 0) for c in counts) / total:8.1f}%"


def untestable(row: dict) -> bool:
    """A score whose test set holds too few names inside the function's domain to tell an
    answer from 'undefined' everywhere (the lab knows too few of them): no answer succeeds."""
    parts = row.get("parts")
    return isinstance(parts, dict) and (parts.get("domain") or {}).get("total", 0) < MIN_DOMAIN


def _line(name: str, rows: list[dict]) -> str:
    rate = 100 * sum(r["success"] for r in rows) / len(rows)
    return (f"{name:22} {len(rows):5} {rate:8.1f}% "
            f"{statistics.median(r['value'] for r in rows):12.3f} "
            + " ".join(_part_rate(rows, part) for part in PARTS)
            + f" {statistics.median(r['seconds'] for r in rows):9.2f} "
            f"{sum(r['status'] != 'submitted' for r in rows):6} {sum(map(untestable, rows)):8}")


def testable_line(rows: list[dict]) -> str:
    kept = [r for r in rows if not untestable(r)]
    if not kept:
        return "no function here can be tested"
    rate = 100 * sum(r["success"] for r in kept) / len(kept)
    return f"on the {len(kept)} of {len(rows)} functions the lab can test: success {rate:.1f}%"


def table(rows: list[dict], title: str) -> str:
    header = (f"{'group':22} {'n':>5} {'success':>9} {'median exact':>12} "
              + " ".join(f"{part:>9}" for part in PARTS)
              + f" {'median s':>9} {'no sub':>6} {'untested':>8}")
    lines = [title, header, "-" * len(header)]
    groups = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    for name in sorted(groups):
        lines.append(_line(name, groups[name]))
    if len(groups) > 1:
        lines.append("-" * len(header))
    lines.append(_line("all", rows))
    lines.append(testable_line(rows))
    return "\n".join(lines)


def _short(value, width: int = 30) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def worst(rows: list[dict], count: int) -> str:
    """The `count` lowest exact-match rates (the slowest first among equals), with what went
    wrong: the first mismatch on the scored names, or why there was no score."""
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
        lines.append(f"  {r['value']:5.3f}  {name:48} {what}")
        if r["description"]:
            lines.append(f"         said: {_short(r['description'], 110)}")
    return "\n".join(lines)


# --- the command --------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--set", default=str(DEVSET), metavar="DIR",
                   help=f"the folder of the set, relative to the repository (default {DEVSET})")
    add_arguments(p, 75, "relations")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = Path(args.json).resolve() if args.json else None
    own, theirs, rows = run_set(args, Path(args.set), DOMAIN, KEPT, "relations_devset")
    if own:
        print(table(own, f"\nrelations held-out set ({len(own)} functions, each its own "
                         "reference)"))
    if theirs:
        print(table(theirs, f"\nthe suite's relations (an even sample of {len(theirs)})"))
    if own and theirs:
        print(f"\nside by side: held-out set {100 * sum(r['success'] for r in own) / len(own):.1f}%"
              f", suite {100 * sum(r['success'] for r in theirs) / len(theirs):.1f}%")
    if own and args.worst:
        print("\n" + worst(own, args.worst))
    if out:
        out.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
