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
from find_lab.english import count
from find_lab.progress import Progress
from find_lab.transcript import printable


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
    hints: bool = False            # give the agent the function's exemplars (FIND's --hints)


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
                             suite=suite, timeout=job.call_timeout, hints=job.hints)
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


def run_all(jobs: list[Job], workers: int, stream=None) -> tuple[list[dict], bool]:
    """Run jobs in parallel, their progress on `stream` (stderr as it is when called: a line
    redrawn on a terminal, a plain line now and then elsewhere); Ctrl-C keeps the rows that
    finished. A job that raises stops the run (JobFailed) without waiting for the others."""
    progress = Progress("bench", len(jobs), "session", stream if stream is not None else sys.stderr)
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
            progress.update(len(rows), _latest(rows[-1]))
    except KeyboardInterrupt:
        stopped = True
    except JobFailed:
        stopped = True
        raise
    finally:
        pool.shutdown(wait=not stopped, cancel_futures=True)
        progress.close()
    return rows, stopped


def _latest(row: dict) -> str:
    """The session that just finished, for the progress line."""
    mark = ("ok" if row["success"] else "fail") if row["scored"] else "unscored"
    return printable(f"last: {row['agent']} {row['function_id']} {mark}")


def summary(rows: list[dict]) -> list[dict]:
    """Per domain, complexity (and "all") and agent: sessions, how many could be scored (a
    user's function without a reference cannot), the success rate among those, median score,
    median local detail, closed-form share, mean probe calls and points, median seconds."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["domain"], row["complexity"], row["agent"])].append(row)
        groups[(row["domain"], "all", row["agent"])].append(row)
    result = []
    for (domain, complexity, agent) in sorted(groups, key=lambda k: (k[0], k[1] == "all", k[1], k[2])):
        group = groups[(domain, complexity, agent)]
        scored = [r for r in group if r["scored"]]
        values = [r["value"] for r in scored if r["value"] is not None]
        local = [r["local"] for r in scored if r["local"] is not None]
        result.append({
            "domain": domain, "complexity": complexity, "agent": agent, "n": len(group),
            "scored": len(scored),
            "success_rate": sum(r["success"] for r in scored) / len(scored) if scored else None,
            "median_score": statistics.median(values) if values else None,
            "median_local": statistics.median(local) if local else None,
            "closed_form": _closed_form(domain, group),
            "mean_calls": statistics.mean(r["calls"] for r in group),
            "mean_points": statistics.mean(r["points"] for r in group),
            "median_seconds": statistics.median(r["seconds"] for r in group)})
    return result


def table(rows: list[dict]) -> str:
    """`summary` as a table, with a note on functions that could not be scored."""
    header = (f"{'domain':8} {'complexity':11} {'agent':11} {'n':>5} {'scored':>6} {'success':>8} "
              f"{'median score':>13} {'local detail':>13} {'closed form':>12} {'calls':>6} {'points':>7} "
              f"{'median s':>9}")
    lines = [header, "-" * len(header)]
    for group in summary(rows):
        lines.append(
            f"{group['domain']:8} {group['complexity']:11} {group['agent']:11} {group['n']:5} "
            f"{group['scored']:6} {_percent(group['success_rate'], 7):>8} "
            f"{_number(group['median_score']):>13} {_number(group['median_local']):>13} "
            f"{_percent(group['closed_form']):>12} {group['mean_calls']:6.1f} "
            f"{group['mean_points']:7.1f} {group['median_seconds']:9.2f}")
    unscored = {r["function_id"] for r in rows if not r["scored"]}
    if unscored:
        total = len({r["function_id"] for r in rows})
        lines.append(f"{len(unscored):,} of {count(total, 'function')} "
                     f"{'has' if total == 1 else 'have'} no reference: their sessions "
                     "count in n, not in success or score")
    return "\n".join(lines)


def _closed_form(domain: str, group: list[dict]) -> float | None:
    """Share of submitted answers that are formulas, not tables of numbers, scored or not; only
    a domain whose answers are formulas can be told apart this way (a string program or a
    neuron's word list is legitimately literals). None where it cannot be told."""
    from find_lab import domains

    answers = [r["table"] for r in group if r["table"] is not None]
    if not domains.get(domain).closed_form or not answers:
        return None
    return answers.count(False) / len(answers)


def comparison(rows: list[dict], agent: str, baseline: str = "interpolate") -> list[dict]:
    """The agent against a lookup-table baseline on the scored functions both ran, per domain
    and complexity: both success rates, and of the functions the baseline fails, how many the
    agent solves (the margin is capped by what the table already passes; this share is not)."""
    outcome = {(r["agent"], r["function_id"]): r for r in rows if r["scored"]}
    groups = defaultdict(list)
    for (name, function_id), row in outcome.items():
        other = outcome.get((baseline, function_id))
        if name == agent and other:
            pair = (row["success"], other["success"])
            groups[(row["domain"], row["complexity"])].append(pair)
            groups[(row["domain"], "all")].append(pair)
    result = []
    for (domain, complexity) in sorted(groups, key=lambda k: (k[0], k[1] == "all", k[1])):
        pairs = groups[(domain, complexity)]
        missed = [mine for mine, base in pairs if not base]
        result.append({"domain": domain, "complexity": complexity, "n": len(pairs),
                       "agent_success_rate": sum(p[0] for p in pairs) / len(pairs),
                       "baseline_success_rate": sum(p[1] for p in pairs) / len(pairs),
                       "baseline_failures": len(missed), "solved_where_baseline_fails": sum(missed)})
    return result


def margins(rows: list[dict], agent: str, baseline: str = "interpolate") -> str:
    """`comparison` as a table: the margin in success rate, and the share of the baseline's
    failures the agent solves; empty when they share no scored function."""
    groups = comparison(rows, agent, baseline)
    if not groups:
        return ""
    header = (f"{'domain':8} {'complexity':11} {'n':>5} {agent:>11} {baseline:>11} {'margin':>7}  "
              f"solves where {baseline} fails")
    lines = [f"{agent} against {baseline} (same functions, same budget)", header, "-" * len(header)]
    for group in groups:
        ours, theirs = 100 * group["agent_success_rate"], 100 * group["baseline_success_rate"]
        missed, solved = group["baseline_failures"], group["solved_where_baseline_fails"]
        share = f"{solved}/{missed}" + (f" ({100 * solved / missed:.1f}%)" if missed else "")
        lines.append(f"{group['domain']:8} {group['complexity']:11} {group['n']:5} {ours:10.1f}% "
                     f"{theirs:10.1f}% {ours - theirs:+7.1f}  {share}")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def _percent(share: float | None, width: int = 0) -> str:
    return "-" if share is None else f"{100 * share:{width}.1f}%"
