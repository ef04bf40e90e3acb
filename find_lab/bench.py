"""Run actors over many functions (the suite's, or a user's black boxes) in worker processes
and summarise them in a table that counts only scored sessions as successes or failures."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
import warnings
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from find_lab.blackbox import die_with_parent


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str  # a suite id, or a user's FILE.py:NAME or MODULE:NAME
    seed: int
    home: str | None  # None: do not save sessions
    suite_root: str | None
    claude: dict | None = None  # the Claude agent's options (model, key, base URL), in memory only
    domain: str | None = None      # a user's function: its domain,
    reference: str | None = None   # the true function it is scored against (None: unscored)
    call_timeout: float = 10.0     # and the seconds it may take per call


class JobFailed(Exception):
    """A job raised instead of returning its row (a worker died, the suite changed): one line."""


def run_job(job: Job) -> dict:
    """One session in a worker process; returns the row the table needs. A user's function
    is loaded here, in its own worker, as `find-lab run FILE.py:f` loads it."""
    from find_lab import scoring, targets
    from find_lab.actors import make_actor
    from find_lab.session import run_session
    from find_lab.suite import Suite

    suite = Suite(Path(job.suite_root) if job.suite_root else None)
    target = targets.resolve(job.function_id, job.domain, job.reference, seed=job.seed,
                             suite=suite, timeout=job.call_timeout)
    own = targets.is_own(job.function_id)
    store = None
    if job.home:
        from find_lab.store import Store

        store = Store(Path(job.home))
    started = time.perf_counter()
    experiment = asyncio.run(run_session(target, make_actor(job.agent, job.seed, claude=job.claude),
                                         store=store))
    score = experiment.score
    submitted = next((e for e in experiment.events if e["kind"] == "submit"), None)
    size = scoring.code_size(submitted["code"]) if submitted else None  # scored or not
    return {"agent": job.agent, "function_id": job.function_id, "domain": target.domain,
            "complexity": targets.OWN if own else suite.get(job.function_id)["complexity"],
            "status": experiment.status, "scored": target.scorer is not None,
            "success": bool(score and score.success),
            "value": score.value if score else None,
            "local": score.details.get("local_nmse") if score else None,
            "table": size.table_like if size else None,
            "calls": experiment.calls_used, "points": experiment.points_used,
            "seconds": time.perf_counter() - started, "session_id": experiment.session_id,
            "reason": experiment.events[-1].get("reason")}


def _worker_start(parent: int) -> None:
    """Each worker dies with the bench that started it: a SIGKILLed parent cannot shut its
    pool down, and its workers would otherwise wait for work forever."""
    from find_lab.cli import show_warning

    warnings.showwarning = show_warning
    die_with_parent(parent)


def run_all(jobs: list[Job], workers: int, progress=None) -> tuple[list[dict], bool]:
    """Run jobs in parallel with a progress bar (on stderr as it is when called); Ctrl-C keeps
    the rows that finished. A job that raises stops the run (JobFailed) without waiting for
    the others."""
    progress = progress or sys.stderr
    rows: list[dict] = []
    stopped = False
    pool = ProcessPoolExecutor(max(1, workers), initializer=_worker_start, initargs=(os.getpid(),))
    pending = {pool.submit(run_job, job): job for job in jobs}
    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                try:
                    rows.append(future.result())
                except Exception as exc:
                    raise JobFailed(f"{job.agent} on {job.function_id} failed in its worker: "
                                    f"{type(exc).__name__}: {exc}") from None
            _progress(progress, rows, len(jobs))
    except KeyboardInterrupt:
        stopped = True
    except JobFailed:
        stopped = True
        raise
    finally:
        pool.shutdown(wait=not stopped, cancel_futures=True)
        print(file=progress)
    return rows, stopped


def _progress(stream, rows: list[dict], total: int) -> None:
    width = 30
    filled = width * len(rows) // max(total, 1)
    last = rows[-1]
    mark = ("ok" if last["success"] else "--") if last["scored"] else "unscored"
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {len(rows)}/{total}  "
                 f"{last['agent']:11} {last['function_id']:16} {mark:8}   ")
    stream.flush()


def table(rows: list[dict]) -> str:
    """Per group: sessions, how many could be scored (a user's function without a reference
    cannot), success among those, median score, local detail, closed-form share, probes, time."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["domain"], row["complexity"], row["agent"])].append(row)
        groups[(row["domain"], "all", row["agent"])].append(row)
    header = (f"{'domain':8} {'complexity':11} {'agent':11} {'n':>5} {'scored':>6} {'success':>8} "
              f"{'median score':>13} {'local detail':>13} {'closed form':>12} {'calls':>6} {'points':>7} "
              f"{'median s':>9}")
    lines = [header, "-" * len(header)]
    for (domain, complexity, agent) in sorted(groups, key=lambda k: (k[0], k[1] == "all", k[1], k[2])):
        group = groups[(domain, complexity, agent)]
        scored = [r for r in group if r["scored"]]
        values = [r["value"] for r in scored if r["value"] is not None]
        local = [r["local"] for r in scored if r["local"] is not None]
        success = f"{100 * sum(r['success'] for r in scored) / len(scored):7.1f}%" if scored else "-"
        lines.append(
            f"{domain:8} {complexity:11} {agent:11} {len(group):5} {len(scored):6} {success:>8} "
            f"{_number(statistics.median(values) if values else None):>13} "
            f"{_number(statistics.median(local) if local else None):>13} "
            f"{_closed_form(domain, group):>12} "
            f"{statistics.mean(r['calls'] for r in group):6.1f} "
            f"{statistics.mean(r['points'] for r in group):7.1f} "
            f"{statistics.median(r['seconds'] for r in group):9.2f}")
    unscored = {r["function_id"] for r in rows if not r["scored"]}
    if unscored:
        lines.append(f"{len(unscored)} of {len({r['function_id'] for r in rows})} functions have "
                     "no reference: their sessions count in n, not in success or score")
    return "\n".join(lines)


def _closed_form(domain: str, group: list[dict]) -> str:
    """Share of submitted answers that are formulas, not tables of numbers, scored or not; only
    a domain whose answers are formulas can be told apart this way (a string program or a
    neuron's word list is legitimately literals)."""
    from find_lab import domains

    answers = [r["table"] for r in group if r["table"] is not None]
    if not domains.get(domain).closed_form or not answers:
        return "-"
    return f"{100 * answers.count(False) / len(answers):.1f}%"


def margins(rows: list[dict], agent: str, baseline: str = "interpolate") -> str:
    """The agent against a lookup-table baseline on the scored functions both ran, per domain
    and complexity: the margin in success rate, and the share of the baseline's failures the agent
    solves (the margin is capped by what the table already passes; this share is not)."""
    outcome = {(r["agent"], r["function_id"]): r for r in rows if r["scored"]}
    groups = defaultdict(list)
    for (name, function_id), row in outcome.items():
        other = outcome.get((baseline, function_id))
        if name == agent and other:
            pair = (row["success"], other["success"])
            groups[(row["domain"], row["complexity"])].append(pair)
            groups[(row["domain"], "all")].append(pair)
    if not groups:
        return ""
    header = (f"{'domain':8} {'complexity':11} {'n':>5} {agent:>11} {baseline:>11} {'margin':>7}  "
              f"solves where {baseline} fails")
    lines = [f"{agent} against {baseline} (same functions, same budget)", header, "-" * len(header)]
    for (domain, complexity) in sorted(groups, key=lambda k: (k[0], k[1] == "all", k[1])):
        pairs = groups[(domain, complexity)]
        ours, theirs = (100 * sum(p[i] for p in pairs) / len(pairs) for i in (0, 1))
        missed = [mine for mine, base in pairs if not base]
        solved = f"{sum(missed)}/{len(missed)}" + (f" ({100 * sum(missed) / len(missed):.1f}%)"
                                                   if missed else "")
        lines.append(f"{domain:8} {complexity:11} {len(pairs):5} {ours:10.1f}% {theirs:10.1f}% "
                     f"{ours - theirs:+7.1f}  {solved}")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"
