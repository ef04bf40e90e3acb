"""Run one actor against one target as a saved session, ending it properly whatever happens."""

from __future__ import annotations

import asyncio
from typing import Callable

from find_lab.agents import Actor
from find_lab.experiment import Budget, BudgetExhausted, Door, Experiment, SessionOver, Target


async def run_session(target: Target, actor: Actor, *, store=None, budget: Budget = Budget(),
                      listeners: tuple[Callable[[dict], None], ...] = (),
                      carried: list[dict] = (), forked_from: dict | None = None,
                      ready: Callable[[Experiment], None] | None = None,
                      pace: float = 0.0, study: dict | None = None) -> Experiment:
    """Start, run and end a session; every outcome, a crash included, ends with session_end.

    `carried` and `forked_from` start it from another session's probes (a fork); `ready`
    receives the Experiment once it has started, for a person's controls; `pace` is the least
    number of seconds between two of the agent's events, so a fast offline agent can be watched
    (0, the default: none, for headless runs and benchmarks); `study` is the study tag its
    session_start records (find_lab.study). The actor itself gets only a Door."""
    log = None
    if store is not None:
        log = store.create({"function_id": target.function_id, "domain": target.domain,
                            "actor_kind": actor.kind, "actor_name": actor.name,
                            "model": getattr(actor, "model", None)})
    experiment = Experiment(target, actor_kind=actor.kind, actor_name=actor.name,
                            model=getattr(actor, "model", None), budget=budget,
                            listeners=((log,) if log else ()) + tuple(listeners),
                            session_id=log.id if log else "", pace=pace, study=study)
    experiment.start(carried, forked_from)
    if ready:
        ready(experiment)
    try:
        await actor.run(Door(experiment, "human" if actor.kind == "human" else "agent"))
    except BudgetExhausted:
        experiment.end("budget_exhausted")
    except SessionOver:
        pass
    except (KeyboardInterrupt, asyncio.CancelledError):
        experiment.end("interrupted")
        raise
    except Exception as exc:  # an actor bug must end the session, not lose it
        experiment.record("error", "system", message=f"{type(exc).__name__}: {exc}")
        experiment.end("crashed", reason=str(exc))
    finally:
        if not experiment.ended:
            experiment.end("budget_exhausted" if experiment.calls_left <= 0 else "abandoned")
        if log:
            log.close()
    return experiment
