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
import ast
import asyncio
import ctypes
import json
import os
import signal
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = Path("benchmarks/devset/strings")   # relative to ROOT: it is part of each function's name
DOMAIN = "strings"
SUITE = "suite"  # the group name of the suite's functions in rows


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str   # MODULE.py:NAME of the set, or a suite id (strings/f0003)
    group: str         # the set's module, or "suite atomic" / "suite composed"
    seed: int = 0
    call_timeout: float = 10.0
    session_timeout: float = 60.0


class SessionTimeout(Exception):
    """The session ran past --session-timeout."""


# --- the set ------------------------------------------------------------------------------

def devset(root: Path = DEVSET) -> list[tuple[str, str, str]]:
    """(group, FILE.py:NAME, docstring) for every public top-level def of every module, read
    without importing it (the functions are loaded in their own workers, as a user's are)."""
    found = []
    for path in sorted((ROOT / root).glob("*.py")):
        if path.name.startswith("_"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        domain = next((node.value.value for node in tree.body if isinstance(node, ast.Assign)
                       and any(getattr(t, "id", None) == "DOMAIN" for t in node.targets)
                       and isinstance(node.value, ast.Constant)), None)
        if domain != DOMAIN:
            raise SystemExit(f"{path}: DOMAIN is {domain!r}, expected {DOMAIN!r}")
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found.append((path.stem, f"{root / path.name}:{node.name}",
                              (ast.get_docstring(node) or "").strip()))
    return found


def even_sample(items: list, count: int | None) -> list:
    """`count` items spread evenly over the list, in order (all of it when count is None)."""
    if count is None or count >= len(items):
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


# --- one session, in a worker -------------------------------------------------------------

def run_job(job: Job) -> dict:
    """One session: the set's function as a user's black box with itself as reference (a
    suite id as the suite's function); returns the row the tables need."""
    from find_lab import targets
    from find_lab.actors import make_actor
    from find_lab.session import run_session

    boxes = []
    try:
        if targets.is_own(job.function_id):
            boxes = [targets.load_callable(job.function_id, job.call_timeout) for _ in range(2)]
            target = targets.from_callable(boxes[0], DOMAIN, job.function_id, boxes[1])
        else:
            target = targets.resolve(job.function_id, seed=job.seed)
        actor = make_actor(job.agent, job.seed)
        started = time.perf_counter()
        previous = signal.signal(signal.SIGALRM, _timed_out)
        signal.setitimer(signal.ITIMER_REAL, job.session_timeout)
        try:
            experiment = asyncio.run(run_session(target, actor))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        seconds = time.perf_counter() - started
    finally:
        for box in boxes:
            box.close()
    score = experiment.score
    submit = next((e for e in experiment.events if e["kind"] == "submit"), None)
    details = score.details if score else {}
    return {**asdict(job), "status": experiment.status, "seconds": seconds,
            "value": score.value if score else 0.0, "success": bool(score and score.success),
            "matched": details.get("matched"), "total": details.get("total"),
            "first_mismatch": details.get("first_mismatch"),
            "reason": (score.reason if score else None) or experiment.events[-1].get("reason"),
            "description": submit.get("description") if submit else None,
            "calls": experiment.calls_used}


def _timed_out(signum, frame):
    raise SessionTimeout("the session ran past --session-timeout")


def _worker_start(parent: int) -> None:
    """Workers die with the runner (a killed parent cannot shut its pool down)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def run_all(jobs: list[Job], workers: int) -> list[dict]:
    """The jobs in a process pool, with a progress line on stderr; Ctrl-C keeps what finished."""
    rows: list[dict] = []
    pool = ProcessPoolExecutor(max(1, workers), initializer=_worker_start, initargs=(os.getpid(),))
    pending = {pool.submit(run_job, job): job for job in jobs}
    interrupted = False
    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                try:
                    rows.append(future.result())
                except Exception as exc:  # a worker died: the function fails, the run goes on
                    rows.append({**asdict(job), "status": "error", "seconds": 0.0, "value": 0.0,
                                 "success": False, "matched": None, "total": None,
                                 "first_mismatch": None, "description": None, "calls": 0,
                                 "reason": f"{type(exc).__name__}: {exc}"})
                last = rows[-1]
                sys.stderr.write(f"\r{len(rows)}/{len(jobs)} {last['agent']:11} "
                                 f"{'ok' if last['success'] else '--'} "
                                 f"{last['function_id'][-48:]:48}")
                sys.stderr.flush()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        sys.stderr.write("\n")
    return rows


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
    p.add_argument("--agent", default="scientist", help="a headless actor (default scientist)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--limit", type=int, default=None,
                   help="an even sample of N functions of the set (default: all of it)")
    p.add_argument("--group", action="append", default=None, metavar="MODULE",
                   help="only this module of the set (repeatable)")
    p.add_argument("--suite-sample", type=int, default=100, metavar="N",
                   help="also run an even sample of N of the suite's string functions (0: none)")
    p.add_argument("--worst", type=int, default=20, help="how many worst functions to list")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--call-timeout", type=float, default=10.0,
                   help="seconds the function may take per call (as find-lab run)")
    p.add_argument("--session-timeout", type=float, default=60.0,
                   help="seconds a session may take before it is stopped as a failure")
    p.add_argument("--json", metavar="OUT", help="also write every row as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = Path(args.json).resolve() if args.json else None
    os.chdir(ROOT)  # the set's names are relative to the repository, as they are typed
    sys.path.insert(0, str(ROOT))
    from find_lab import actors
    from find_lab.suite import Suite

    try:
        actors.get(args.agent, headless=True)
    except actors.UnknownActor as exc:
        print(f"strings_devset: {exc}", file=sys.stderr)
        return 2
    functions = devset(Path(args.set))
    if args.group:
        unknown = set(args.group) - {g for g, _, _ in functions}
        if unknown:
            print(f"strings_devset: no group {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        functions = [f for f in functions if f[0] in args.group]
    functions = even_sample(functions, args.limit)
    options = dict(seed=args.seed, call_timeout=args.call_timeout,
                   session_timeout=args.session_timeout)
    jobs = [Job(args.agent, function_id, group, **options) for group, function_id, _ in functions]
    suite_jobs = []
    if args.suite_sample:
        suite = Suite()
        ids = even_sample(suite.ids(DOMAIN), args.suite_sample)
        suite_jobs = [Job(args.agent, i, f"{SUITE} {suite.get(i)['complexity']}", **options)
                      for i in ids]
    started = time.perf_counter()
    rows = run_all(jobs + suite_jobs, args.workers)
    elapsed = time.perf_counter() - started
    own = [r for r in rows if not r["group"].startswith(SUITE)]
    theirs = [r for r in rows if r["group"].startswith(SUITE)]
    print(f"agent {args.agent}, {args.workers} workers, {elapsed:.0f} s wall")
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
