"""Run actors over many suite functions in worker processes and summarise them in a table."""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import statistics
import sys
import time
import warnings
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str
    seed: int
    home: str | None  # None: do not save sessions
    suite_root: str | None
    claude: dict | None = None  # the Claude agent's options (model, key, base URL), in memory only


class JobFailed(Exception):
    """A job raised instead of returning its row (a worker died, the suite changed): one line."""


def run_job(job: Job) -> dict:
    """One session in a worker process; returns the row the table needs."""
    from find_lab import targets
    from find_lab.actors import make_actor
    from find_lab.session import run_session
    from find_lab.suite import Suite

    suite = Suite(Path(job.suite_root) if job.suite_root else None)
    spec = suite.get(job.function_id)
    store = None
    if job.home:
        from find_lab.store import Store

        store = Store(Path(job.home))
    started = time.perf_counter()
    experiment = asyncio.run(run_session(targets.from_spec(spec, job.seed, suite.source(job.function_id)),
                                         make_actor(job.agent, job.seed, claude=job.claude),
                                         store=store))
    score = experiment.score
    return {"agent": job.agent, "function_id": job.function_id, "domain": spec["domain"],
            "complexity": spec["complexity"], "status": experiment.status,
            "success": bool(score and score.success),
            "value": score.value if score else None,
            "local": score.details.get("local_nmse") if score else None,
            "table": bool(score and score.code_size and score.code_size.table_like),
            "calls": experiment.calls_used, "points": experiment.points_used,
            "seconds": time.perf_counter() - started, "session_id": experiment.session_id,
            "reason": experiment.events[-1].get("reason")}


def _worker_start(parent: int) -> None:
    """Each worker dies with the bench that started it: a SIGKILLed parent cannot shut its
    pool down, and its workers would otherwise wait for work forever."""
    from find_lab.cli import show_warning

    warnings.showwarning = show_warning
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def run_all(jobs: list[Job], workers: int, progress=sys.stderr) -> tuple[list[dict], bool]:
    """Run jobs in parallel with a progress bar; Ctrl-C keeps the rows that finished. A job
    that raises stops the run (JobFailed) without waiting for the others."""
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
    mark = "ok" if last["success"] else "--"
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {len(rows)}/{total}  "
                 f"{last['agent']:11} {last['function_id']:16} {mark}   ")
    stream.flush()


def table(rows: list[dict]) -> str:
    """Success, median score, local detail, closed-form share, probes and time per group."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["domain"], row["complexity"], row["agent"])].append(row)
        groups[(row["domain"], "all", row["agent"])].append(row)
    header = (f"{'domain':8} {'complexity':11} {'agent':11} {'n':>5} {'success':>8} "
              f"{'median score':>13} {'local detail':>13} {'closed form':>12} {'calls':>6} {'points':>7} "
              f"{'median s':>9}")
    lines = [header, "-" * len(header)]
    for (domain, complexity, agent) in sorted(groups, key=lambda k: (k[0], k[1] == "all", k[1], k[2])):
        group = groups[(domain, complexity, agent)]
        values = [r["value"] for r in group if r["value"] is not None]
        local = [r["local"] for r in group if r["local"] is not None]
        lines.append(
            f"{domain:8} {complexity:11} {agent:11} {len(group):5} "
            f"{100 * sum(r['success'] for r in group) / len(group):7.1f}% "
            f"{_number(statistics.median(values) if values else None):>13} "
            f"{_number(statistics.median(local) if local else None):>13} "
            f"{_closed_form(domain, group):>12} "
            f"{statistics.mean(r['calls'] for r in group):6.1f} "
            f"{statistics.mean(r['points'] for r in group):7.1f} "
            f"{statistics.median(r['seconds'] for r in group):9.2f}")
    return "\n".join(lines)


def _closed_form(domain: str, group: list[dict]) -> str:
    """Share of answers that are formulas, not tables of numbers; only numeric answers can be
    told apart this way (a string program or a neuron's word list is legitimately literals)."""
    if domain != "numeric":
        return "-"
    return f"{100 * sum(not r['table'] for r in group) / len(group):.1f}%"


def margins(rows: list[dict], agent: str, baseline: str = "interpolate") -> str:
    """The agent against a lookup-table baseline on the functions both ran, per domain and
    complexity: the margin in success rate, and the share of the baseline's failures the agent
    solves (the margin is capped by what the table already passes; this share is not)."""
    outcome = {(r["agent"], r["function_id"]): r for r in rows}
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
