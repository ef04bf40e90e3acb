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
DEVSET = Path("benchmarks/devset/neurons")   # relative to ROOT: it is part of each function's name
DOMAIN = "neurons"
SUITE = "suite"  # the group name of the suite's functions in rows


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str   # MODULE.py:NAME of the set, or a suite id (neurons/f0003)
    group: str         # the set's module, or "suite single" / "suite or" / "suite except"
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
            "words": details.get("words"),
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
                                 "success": False, "words": None,
                                 "description": None, "calls": 0,
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
    p.add_argument("--agent", default="scientist", help="a headless actor (default scientist)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--limit", type=int, default=None,
                   help="an even sample of N functions of the set (default: all of it)")
    p.add_argument("--group", action="append", default=None, metavar="MODULE",
                   help="only this module of the set (repeatable)")
    p.add_argument("--suite-sample", type=int, default=60, metavar="N",
                   help="also run an even sample of N of the suite's neurons (0: none)")
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
        print(f"neurons_devset: {exc}", file=sys.stderr)
        return 2
    functions = devset()
    if args.group:
        unknown = set(args.group) - {g for g, _, _ in functions}
        if unknown:
            print(f"neurons_devset: no group {', '.join(sorted(unknown))}", file=sys.stderr)
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
