"""The mediator between an actor and a hidden function.

An Experiment validates probes, enforces the budget, records every step as an event (the
session *is* its list of events, folded into one `LabState`), lets a human pause, step, take
over and steer, and scores the submission in the sandbox. An actor gets a `Door`: probe, test a
hypothesis, say, submit, read steering — nothing that reaches the target, its spec or scorer.

An agent's events (probes, messages, hypotheses, its submission) pass one gate before they are
recorded: while the session is paused or a person drives, they wait (a pause takes effect at
once, whatever the agent is computing); a `step` lets exactly one through; and `pace` keeps
them at least that many seconds apart, so an offline agent can be watched.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from find_lab import domains
from find_lab import events as vocabulary
from find_lab.labstate import LabState, points_spent
from find_lab.scoring import Score

END_STATUSES = ("submitted", "abandoned", "budget_exhausted", "crashed", "interrupted")
HANDBACK = "While you were paused a human took over and probed: "  # how a handback's text opens


class BudgetExhausted(Exception):
    """The actor has no probe calls left: it should submit what it has."""


class SessionOver(Exception):
    """The session ended (abandoned, or submitted already): the actor must stop."""


@dataclass(frozen=True)
class Budget:
    calls: int = 25
    points: int = 400


@dataclass(frozen=True)
class Target:
    """A hidden function as the lab holds it: a batch call, and a scorer if one is known."""

    function_id: str
    domain: str
    call: Callable[[list], list]
    scorer: Callable[[str, str | None], Score] | None = None
    source: dict | None = None  # suite name, checksum and spec hash, for session_start
    hints: tuple[str, ...] = ()  # inputs to start from, when asked for (FIND's initial exemplars)

    def __post_init__(self):
        domains.get(self.domain)  # an unknown domain fails here, naming the known ones


class Experiment:
    """Mediates one session; `listeners` receive each event as it is recorded."""

    def __init__(self, target: Target, *, actor_kind: str, actor_name: str = "",
                 model: str | None = None, budget: Budget = Budget(),
                 listeners: tuple[Callable[[dict], Any], ...] = (), session_id: str = "",
                 pace: float = 0.0, study: dict | None = None):
        self.target = target
        self._domain = domains.get(target.domain)
        self.budget = budget
        self.actor_kind, self.actor_name, self.model = actor_kind, actor_name or actor_kind, model
        self.session_id = session_id
        self.study = study  # the study tag (find_lab.study.plan.Plan.tag), or None
        self.events: list[dict] = []
        self.state = LabState()
        self.listeners = list(listeners)
        self.score: Score | None = None
        self.pace = pace  # least seconds between two agent events; 0: none (it may change live)
        self._started = time.monotonic()
        self._steering: list[str] = []
        self._finished = asyncio.Event()
        self._wake = asyncio.Event()    # set (and replaced) whenever the agent's gate may open
        self._steps = 0                 # agent events a person let through while paused
        self._last_agent = -math.inf    # when the last agent event passed the gate

    # --- recording ------------------------------------------------------------------------
    def now(self) -> float:
        """Seconds since the session started: the clock of every event's `t`."""
        return round(time.monotonic() - self._started, 3)

    def active_seconds(self) -> float:
        """Seconds the session has run, its paused spans left out (a stopped clock)."""
        return self.state.active_seconds(self.now())

    def record(self, kind: str, actor: str = "agent", **fields) -> dict:
        event = {"seq": len(self.events), "t": self.now(), "actor": actor, "kind": kind, **fields}
        self.events.append(event)
        self.state.apply(event)
        for listener in self.listeners:
            listener(event)
        return event

    def start(self, carried: list[dict] = (), forked_from: dict | None = None) -> None:
        """Open the session, pinning what it runs against. A fork carries the probe events of
        the session it starts from: they are recorded again (marked `carried`) and count
        against this budget exactly as they counted there."""
        from find_lab import sandbox

        source = self.target.source or {}
        fork = {"forked_from": forked_from} if forked_from else {}
        self.record("session_start", "system", session_id=self.session_id,
                    function_id=self.target.function_id, domain=self.target.domain,
                    actor_kind=self.actor_kind, actor_name=self.actor_name, model=self.model,
                    budget={"calls": self.budget.calls, "points": self.budget.points},
                    format=vocabulary.LOG_FORMAT,
                    suite={"name": source["name"], "checksum": source.get("checksum")}
                    if source else None, spec_hash=source.get("spec_hash"),
                    isolation=sandbox.isolation(), **fork,
                    **({"hints": list(self.target.hints)} if self.target.hints else {}),
                    **({"study": self.study} if self.study else {}))
        for event in carried:
            if event["kind"] == "probe" and self.calls_left > 0:
                self.record("probe", event["actor"], inputs=event["inputs"],
                            outputs=event["outputs"], errors=event["errors"],
                            points=min(points_spent(event), max(0, self.points_left)), carried=True)

    def end(self, status: str, reason: str | None = None) -> None:
        if not self.ended:
            fields = {"reason": reason} if reason else {}
            self.record("session_end", "system", status=status, **fields)
            self._changed()  # release an actor waiting at its gate: it meets SessionOver
            self._finished.set()

    async def finished(self) -> None:
        """Wait until the session ends (how a human's actor lives through a session)."""
        await self._finished.wait()

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def status(self) -> str | None:
        """How the session ended, or None while it runs."""
        return self.state.status if self.state.ended else None

    @property
    def driver(self) -> str:
        """Who drives: "agent", or "human" while a person has taken over."""
        return self.state.driver

    @property
    def paused(self) -> bool:
        return self.state.status == "paused"

    @property
    def calls_used(self) -> int:
        return self.state.calls_used

    @property
    def points_used(self) -> int:
        return self.state.points_used

    # --- what actors do -----------------------------------------------------------------------
    @property
    def calls_left(self) -> int:
        return self.state.calls_left

    @property
    def points_left(self) -> int:
        return self.state.points_left

    def observations(self, undefined: bool = False) -> list[tuple[Any, Any]]:
        """Every (input, output) pair probed so far where the function answered, a fork's
        carried probes and a person's included, in the order they were asked; with
        `undefined`, also (input, None) where the function is undefined."""
        pairs = []
        for event in self.events:
            if event["kind"] == "probe":
                pairs += [(x, y) for x, y, e in zip(event["inputs"], event["outputs"],
                                                     event["errors"])
                          if e is None or (undefined and e == "undefined")]
        return pairs

    async def probe(self, inputs: list, actor: str = "agent") -> list[tuple[Any, str | None]]:
        """Call the function on `inputs`; each answer is (output, None) or (None, error)."""
        if actor == "agent":
            await self._until(self._agent_may_act)  # no call while paused
        self._check_open()
        if self.calls_left <= 0:
            raise BudgetExhausted(f"no probe calls left (budget {self.budget.calls})")
        inputs = list(inputs)
        checked = [self._domain.validate(x) for x in inputs]
        runnable = [i for i, (_, error) in enumerate(checked) if error is None]
        over = runnable[max(0, self.points_left):]
        for i in over:
            checked[i] = (checked[i][0], f"over the point budget ({self.budget.points})")
        runnable = runnable[:max(0, self.points_left)]
        outputs: list = [None] * len(inputs)
        errors = [error for _, error in checked]
        if runnable:
            # off the event loop: a user's function may take its whole timeout to answer
            answers = await asyncio.to_thread(self.target.call, [checked[i][0] for i in runnable])
            self._check_open()  # abandoned meanwhile: the answers belong to no session
            for i, answer in zip(runnable, answers):
                outputs[i], errors[i] = _clean(answer)
        await self._admit(actor)
        # a person may have probed while this call waited at the gate: the budget is what it
        # is now, and answers past it are not the agent's to keep
        self._check_open()
        if self.calls_left <= 0:
            raise BudgetExhausted(f"no probe calls left (budget {self.budget.calls})")
        for i in runnable[max(0, self.points_left):]:
            outputs[i], errors[i] = None, f"over the point budget ({self.budget.points})"
        runnable = runnable[:max(0, self.points_left)]
        self.record("probe", actor, inputs=[_jsonable(x) for x in inputs], outputs=outputs,
                    errors=errors, points=len(runnable))
        return list(zip(outputs, errors))

    async def say(self, text: str, actor: str = "agent") -> None:
        self._check_open()
        await self._admit(actor)
        self.record("message", actor, text=text)

    async def hypothesis(self, code: str, note: str = "", actor: str = "agent",
                         preview: list | None = None) -> list:
        """Record the code an actor is testing with `preview`, its (x, y) predictions to draw
        beside the probes; when not given, the code runs in the sandbox where the domain draws
        hypotheses (every input probed so far, and a grid where the inputs are ordered)."""
        self._check_open()
        if preview is None:
            preview = await asyncio.to_thread(hypothesis_preview, code, self.target.domain,
                                              [x for x, _ in self.observations()])
        self._check_open()
        await self._admit(actor)
        self.record("hypothesis", actor, code=code, note=note, preview=preview)
        return preview

    async def submit(self, description: str, code: str, domain: str = "",
                     actor: str = "agent") -> Score | None:
        """Record the answer, score it (sandboxed, off the event loop) and end the session."""
        self._check_open()
        await self._admit(actor)
        self.record("submit", actor, description=description, domain=domain, code=code)
        if self.target.scorer:
            self.score = await asyncio.to_thread(self.target.scorer, code, description)
            self.record("score", "system", **self.score.to_dict())
        self.end("submitted")
        return self.score

    async def checkpoint(self) -> list[str]:
        """Called by an actor between steps: waits while paused, returns steering to read."""
        await self._until(self._agent_may_act)
        self._check_open()
        messages, self._steering = self._steering, []
        return messages

    def _check_open(self) -> None:
        if self.ended:
            raise SessionOver(f"the session has ended ({self.status})")

    # --- the agent's gate -----------------------------------------------------------------------
    def _agent_may_act(self) -> bool:
        """The agent may go on: the session runs, a step is owed, or it ended (to stop)."""
        status = self.state.status
        return self.ended or status in ("waiting", "running") or (status == "paused" and self._steps > 0)

    def _changed(self) -> None:
        self._wake.set()
        self._wake = asyncio.Event()

    async def _until(self, ready: Callable[[], bool]) -> None:
        while not ready():
            await self._wake.wait()

    async def _admit(self, actor: str) -> None:
        """Hold an agent's event until it may be recorded: not while paused (a step lets one
        through at once) or while a person drives, and not sooner than `pace` after the last."""
        if actor != "agent":
            return
        while True:
            await self._until(self._agent_may_act)
            self._check_open()
            if self.paused:
                self._steps -= 1
                break
            wait = self._last_agent + self.pace - time.monotonic()
            if wait <= 0:
                break
            await asyncio.sleep(wait)
        self._last_agent = time.monotonic()

    # --- what a person watching does ------------------------------------------------------------
    def pause(self) -> None:
        """Hold the agent at once: nothing it does is recorded until resume (or a step)."""
        if not self.ended and self.state.status == "running":
            self._steps = 0
            self.record("pause", "human")
            self._changed()

    def resume(self) -> None:
        if not self.ended and self.paused:
            self._steps = 0
            self.record("resume", "human")
            self._changed()

    def step(self) -> None:
        """While paused, let exactly one more agent event be recorded; stay paused."""
        if not self.ended and self.paused:
            self._steps += 1
            self._changed()

    def steer(self, text: str) -> None:
        """Queue a message the agent reads at its next checkpoint."""
        if not self.ended:
            self._steering.append(text)
            self.record("steer", "human", text=text)

    def reveal(self, what: str = "the hidden function") -> None:
        """A person saw the answer: a player's result from then on is not pure."""
        if not self.ended:
            self.record("reveal", "human", what=what)

    def take_over(self) -> None:
        if not self.ended and self.driver == "agent":
            self._steps = 0
            self.record("takeover", "human")
            self._changed()

    def hand_back(self) -> None:
        """Return control; the agent is told what the human probed meanwhile."""
        if self.ended or self.driver != "human":
            return
        since = max(e["seq"] for e in self.events if e["kind"] == "takeover")
        tried = [(x, y) for e in self.events[since:]
                 if e["kind"] == "probe" and e["actor"] == "human"
                 for x, y, err in zip(e["inputs"], e["outputs"], e["errors"]) if err is None]
        summary = "; ".join(f"f({x!r}) = {y!r}" for x, y in tried[:40]) or "nothing"
        text = f"{HANDBACK}{summary}."
        self._steering.append(text)
        self.record("handback", "human", probes=len(tried), text=text)
        self._changed()

    def abandon(self) -> None:
        self.end("abandoned")


class Door:
    """All an actor may do with a session, and all it may see of it: the domain, its budget,
    its own probes' answers and the steering meant for it. It holds no target, spec, scorer
    or held-out point; nothing under find_lab/agents reaches past it (a test checks)."""

    def __init__(self, experiment: Experiment, role: str = "agent"):
        self._experiment = experiment
        self._role = role  # who its events are recorded as: "agent", or "human" for a player

    @property
    def domain(self) -> str:
        return self._experiment.target.domain

    @property
    def budget(self) -> Budget:
        return self._experiment.budget

    @property
    def hints(self) -> list[str]:
        """Inputs the session suggests starting from (FIND's search initialization), if any."""
        return list(self._experiment.target.hints)

    @property
    def calls_left(self) -> int:
        return self._experiment.calls_left

    @property
    def points_left(self) -> int:
        return self._experiment.points_left

    @property
    def ended(self) -> bool:
        return self._experiment.ended

    def observations(self, undefined: bool = False) -> list[tuple[Any, Any]]:
        """Every answer so far, a fork's carried probes included (see Experiment)."""
        return self._experiment.observations(undefined)

    async def probe(self, inputs: list) -> list[tuple[Any, str | None]]:
        return await self._experiment.probe(inputs, actor=self._role)

    async def say(self, text: str) -> None:
        await self._experiment.say(text, actor=self._role)

    async def hypothesis(self, code: str, note: str = "", preview: list | None = None) -> list:
        return await self._experiment.hypothesis(code, note, actor=self._role, preview=preview)

    async def submit(self, description: str, code: str, domain: str = "") -> Score | None:
        return await self._experiment.submit(description, code, domain, actor=self._role)

    async def checkpoint(self) -> list[str]:
        return await self._experiment.checkpoint()

    async def finished(self) -> None:
        await self._experiment.finished()

    def report_usage(self, **usage) -> None:
        """Tokens and cost of one API response, recorded as the system saw them."""
        self._experiment.record("usage", "system", **usage)

    def report_error(self, message: str, **fields) -> None:
        self._experiment.record("error", "system", message=message, **fields)

    def stop(self, status: str, reason: str | None = None) -> None:
        """End the session from the actor's side (its budget of turns is spent, or it failed)."""
        self._experiment.end(status, reason)


def hypothesis_preview(code: str, domain: str, probed: list) -> list:
    """[x, prediction] pairs of `code` (untrusted: sandboxed) where the domain draws a
    hypothesis and on the probes; an empty list when the code cannot run."""
    from find_lab import sandbox

    plugin = domains.get(domain)
    inputs = plugin.preview_inputs(probed)
    outcome = sandbox.run(code, plugin.output_kind, inputs,
                          sandbox.Limits(wall_seconds=5, cpu_seconds=5))
    if not outcome.ok:
        return []
    pairs = []
    for x, y, error in zip(inputs, outcome.outputs, outcome.errors):
        y = _clean(y)[0] if error is None else None
        if y is not None:
            pairs.append([x, y])
    return pairs


def _clean(answer) -> tuple[Any, str | None]:
    """A function's answer as JSON-safe data: NaN becomes None with the error 'undefined', or
    with the reason a user's function failed there (a NaN carrying `.reason`)."""
    if isinstance(answer, (float, np.floating)):
        value = float(answer)
        if math.isfinite(value):
            return value, None
        return None, getattr(answer, "reason", "undefined")
    return answer, None


def _jsonable(value):
    return float(value) if isinstance(value, (np.floating, np.integer)) else value
