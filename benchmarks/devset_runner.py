"""What the development-set runners share: reading a set, sampling it evenly, and running
each function as a user's black box in a pool of workers.

Used by strings_devset.py, neurons_devset.py and relations_devset.py; each keeps its own
tables and its defaults.
A set is a folder of modules, each with `DOMAIN = "<domain>"` and public top-level functions.
"""

from __future__ import annotations

import ast
import asyncio
import os
import signal
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path

from find_lab.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SUITE = "suite"  # the group name of the suite's functions in rows


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str   # MODULE.py:NAME of the set, or a suite id (strings/f0003)
    group: str         # the set's module, or "suite <complexity>"
    seed: int = 0
    call_timeout: float = 10.0
    session_timeout: float = 60.0


class SessionTimeout(Exception):
    """The session ran past --session-timeout."""


# --- the set ------------------------------------------------------------------------------

def devset(root: Path, domain_name: str) -> list[tuple[str, str, str]]:
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
        if domain != domain_name:
            raise SystemExit(f"{path}: DOMAIN is {domain!r}, expected {domain_name!r}")
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

def run_job(job: Job, domain: str, kept: tuple[str, ...]) -> dict:
    """One session: the set's function as a user's black box with itself as reference (a
    suite id as the suite's function); returns the row the tables need, with the score's
    details named in `kept`."""
    from find_lab import targets
    from find_lab.actors import make_actor
    from find_lab.session import run_session

    boxes = []
    try:
        if targets.is_own(job.function_id):
            boxes = [targets.load_callable(job.function_id, job.call_timeout) for _ in range(2)]
            target = targets.from_callable(boxes[0], domain, job.function_id, boxes[1])
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
            **{key: details.get(key) for key in kept},
            "reason": (score.reason if score else None) or experiment.events[-1].get("reason"),
            "description": submit.get("description") if submit else None,
            "calls": experiment.calls_used}


def _timed_out(signum, frame):
    raise SessionTimeout("the session ran past --session-timeout")


def run_all(jobs: list[Job], workers: int, domain: str, kept: tuple[str, ...]) -> list[dict]:
    """The jobs in a process pool whose workers die with the runner (a killed parent cannot
    shut its pool down), with a progress line on stderr; Ctrl-C keeps what finished."""
    from find_lab.blackbox import die_with_parent

    rows: list[dict] = []
    pool = ProcessPoolExecutor(max(1, workers), initializer=die_with_parent,
                               initargs=(os.getpid(),))
    pending = {pool.submit(run_job, job, domain, kept): job for job in jobs}
    progress = Progress("devset", len(jobs), "session")
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
                                 "success": False, **dict.fromkeys(kept),
                                 "description": None, "calls": 0,
                                 "reason": f"{type(exc).__name__}: {exc}"})
                last = rows[-1]
                progress.update(len(rows), f"{last['agent']} {'ok' if last['success'] else '--'} "
                                           f"{last['function_id'][-48:]}")
    except KeyboardInterrupt:
        interrupted = True
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        progress.close()
    return rows


# --- the command the runners share --------------------------------------------------------

def add_arguments(p, suite_sample: int, what: str) -> None:
    """The options every runner takes; `what` names the suite's functions in the help."""
    p.add_argument("--agent", default="scientist",
                   help="a headless actor (default scientist; interpolate for the baseline)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--limit", type=int, default=None,
                   help="an even sample of N functions of the set (default: all of it)")
    p.add_argument("--group", action="append", default=None, metavar="MODULE",
                   help="only this module of the set (repeatable)")
    p.add_argument("--suite-sample", type=int, default=suite_sample, metavar="N",
                   help=f"also run an even sample of N of the suite's {what} (0: none)")
    p.add_argument("--worst", type=int, default=20, help="how many worst functions to list")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--call-timeout", type=float, default=10.0,
                   help="seconds the function may take per call (as find-lab run)")
    p.add_argument("--session-timeout", type=float, default=60.0,
                   help="seconds a session may take before it is stopped as a failure")
    p.add_argument("--json", metavar="OUT", help="also write every row as JSON")


def run_set(args, folder: Path, domain: str, kept: tuple[str, ...], program: str):
    """The set in `folder` (and a sample of the suite) run as `args` say, from the repository
    (the set's names are relative to it, as they are typed): the set's rows, the suite's and
    all of them, the wall time printed; one line and exit 2 for an unknown actor, folder or
    group."""
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from find_lab import actors
    from find_lab.suite import Suite

    try:
        actors.get(args.agent, headless=True)
    except actors.UnknownActor as exc:
        _refuse(program, str(exc))
    if not (ROOT / folder).is_dir():
        _refuse(program, f"no folder {folder}")
    functions = devset(folder, domain)
    if args.group:
        unknown = set(args.group) - {g for g, _, _ in functions}
        if unknown:
            _refuse(program, f"no group {', '.join(sorted(unknown))}")
        functions = [f for f in functions if f[0] in args.group]
    functions = even_sample(functions, args.limit)
    options = dict(seed=args.seed, call_timeout=args.call_timeout,
                   session_timeout=args.session_timeout)
    jobs = [Job(args.agent, function_id, group, **options) for group, function_id, _ in functions]
    if args.suite_sample:
        suite = Suite()
        jobs += [Job(args.agent, i, f"{SUITE} {suite.get(i)['complexity']}", **options)
                 for i in even_sample(suite.ids(domain), args.suite_sample)]
    started = time.perf_counter()
    rows = run_all(jobs, args.workers, domain, kept)
    elapsed = time.perf_counter() - started
    print(f"agent {args.agent}, {args.workers} workers, {elapsed:.0f} s wall")
    return ([r for r in rows if not r["group"].startswith(SUITE)],
            [r for r in rows if r["group"].startswith(SUITE)], rows)


def _refuse(program: str, why: str):
    print(f"{program}: {why}", file=sys.stderr)
    raise SystemExit(2)
