"""Run actors over many suite functions in worker processes and summarise them in a table."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Job:
    agent: str
    function_id: str
    seed: int
    home: str | None  # None: do not save sessions
    suite_root: str | None
    claude: dict | None = None  # the Claude agent's options (model, key, base URL), in memory only


def run_job(job: Job) -> dict:
    """One session in a worker process; returns the row the table needs."""
    from find_lab import targets
    from find_lab.session import make_actor, run_session
    from find_lab.suite import Suite

    spec = Suite(Path(job.suite_root) if job.suite_root else None).get(job.function_id)
    store = None
    if job.home:
        from find_lab.store import Store

        store = Store(Path(job.home))
    started = time.perf_counter()
    experiment = asyncio.run(run_session(targets.from_spec(spec, job.seed),
                                         make_actor(job.agent, job.seed, claude=job.claude),
                                         store=store))
    score = experiment.score
    return {"agent": job.agent, "function_id": job.function_id, "domain": spec["domain"],
            "complexity": spec["complexity"], "status": experiment.status,
            "success": bool(score and score.success),
            "value": score.value if score else None,
            "local": score.details.get("local_nmse") if score else None,
            "calls": experiment.calls_used, "points": experiment.points_used,
            "seconds": time.perf_counter() - started, "session_id": experiment.session_id}


def run_all(jobs: list[Job], workers: int, progress=sys.stderr) -> tuple[list[dict], bool]:
    """Run jobs in parallel with a progress bar; Ctrl-C keeps the rows that finished."""
    rows: list[dict] = []
    interrupted = False
    pool = ProcessPoolExecutor(max(1, workers))
    pending = {pool.submit(run_job, job) for job in jobs}
    try:
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                rows.append(future.result())
            _progress(progress, rows, len(jobs))
    except KeyboardInterrupt:
        interrupted = True
        for future in pending:
            future.cancel()
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        print(file=progress)
    return rows, interrupted


def _progress(stream, rows: list[dict], total: int) -> None:
    width = 30
    filled = width * len(rows) // max(total, 1)
    last = rows[-1]
    mark = "ok" if last["success"] else "--"
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {len(rows)}/{total}  "
                 f"{last['agent']:11} {last['function_id']:16} {mark}   ")
    stream.flush()


def table(rows: list[dict]) -> str:
    """Success rate, median score, local detail, probes and time per agent, domain, complexity."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["domain"], row["complexity"], row["agent"])].append(row)
        groups[(row["domain"], "all", row["agent"])].append(row)
    header = (f"{'domain':8} {'complexity':11} {'agent':11} {'n':>5} {'success':>8} "
              f"{'median score':>13} {'local detail':>13} {'calls':>6} {'points':>7} {'median s':>9}")
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
            f"{statistics.mean(r['calls'] for r in group):6.1f} "
            f"{statistics.mean(r['points'] for r in group):7.1f} "
            f"{statistics.median(r['seconds'] for r in group):9.2f}")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"
