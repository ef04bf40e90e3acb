"""Watching an agent live: a pace between its events, a pause that holds it at once (whatever
it is computing), a step that lets one event through, and a clock that stops while paused."""

import asyncio
import time

import pytest

from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Door, Target
from find_lab.labstate import LabState
from find_lab.session import run_session

AGENT_KINDS = ("probe", "message", "hypothesis", "submit")


def target():
    return Target("double", "numeric", lambda xs: [2.0 * x for x in xs])


class Talker:
    """An actor that says `count` things, thinking `think` seconds in a thread before each."""

    kind = name = "talker"

    def __init__(self, count=5, think=0.0):
        self.count, self.think = count, think

    async def run(self, door: Door) -> None:
        for i in range(self.count):
            if self.think:
                await asyncio.to_thread(time.sleep, self.think)
            await door.say(f"thought {i}")
        await door.probe([1.0])


def agent_events(experiment) -> list[dict]:
    return [e for e in experiment.events if e["actor"] == "agent" and e["kind"] in AGENT_KINDS]


async def started(actor, paused=False, **kwargs):
    """A session running `actor` in a task, and the Experiment once it has started (paused
    before the actor's first step, if asked)."""
    ready = asyncio.get_running_loop().create_future()

    def keep(experiment):
        if paused:
            experiment.pause()
        ready.set_result(experiment)

    task = asyncio.create_task(run_session(target(), actor, ready=keep, **kwargs))
    return task, await ready


async def until(condition, seconds=5.0):
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("never reached")


async def test_a_pace_spaces_the_agents_events():
    experiment = await run_session(target(), Talker(5), pace=0.05)
    times = [e["t"] for e in agent_events(experiment)]
    assert len(times) == 6
    assert all(b - a >= 0.049 for a, b in zip(times, times[1:])), times


async def test_no_pace_costs_nothing():
    started_at = time.monotonic()
    experiment = await run_session(target(), Talker(300))
    assert len(agent_events(experiment)) == 301 and time.monotonic() - started_at < 1.0


async def test_a_pause_holds_what_the_agent_computes_meanwhile_until_resume():
    heard = []
    task, experiment = await started(Talker(3, think=0.15), listeners=(heard.append,))
    experiment.pause()                       # while it thinks in its thread
    await asyncio.sleep(0.4)                 # its thought is done: it waits at the gate
    assert not agent_events(experiment) and not [e for e in heard if e["kind"] == "message"]
    assert experiment.state.status == "paused"
    experiment.resume()
    await task
    kinds = [e["kind"] for e in experiment.events]
    assert kinds.index("resume") < kinds.index("message") and experiment.status == "abandoned"


async def test_a_step_lets_exactly_one_event_through():
    task, experiment = await started(Talker(4), paused=True)
    await asyncio.sleep(0.05)
    assert not agent_events(experiment)
    for expected in (1, 2):
        experiment.step()
        await until(lambda: len(agent_events(experiment)) == expected)
        await asyncio.sleep(0.05)
        assert len(agent_events(experiment)) == expected and experiment.paused
    experiment.resume()
    await task
    assert len(agent_events(experiment)) == 5


async def test_the_clock_stops_while_paused():
    task, experiment = await started(Talker(2, think=0.05))
    experiment.pause()
    stopped = experiment.active_seconds()
    await asyncio.sleep(0.3)
    assert abs(experiment.active_seconds() - stopped) < 0.02
    experiment.resume()
    await task
    state = LabState.from_events(experiment.events)
    end = experiment.events[-1]["t"]
    assert 0 <= state.active_seconds() <= end - 0.29
    assert state.active_seconds() == state.active_seconds(now_t=end + 100)  # ended: stopped


def test_active_time_from_a_log_leaves_out_every_paused_span():
    log = [{"seq": 0, "t": 0.0, "actor": "system", "kind": "session_start", "function_id": "f",
            "domain": "numeric", "actor_kind": "a", "budget": {"calls": 1, "points": 1}},
           {"seq": 1, "t": 2.0, "actor": "human", "kind": "pause"},
           {"seq": 2, "t": 5.0, "actor": "human", "kind": "resume"},
           {"seq": 3, "t": 6.0, "actor": "human", "kind": "pause"}]
    state = LabState.from_events(log)
    assert state.active_seconds() == 3.0 and state.active_seconds(now_t=9.0) == 3.0
    state.apply({"seq": 4, "t": 7.0, "actor": "human", "kind": "takeover"})
    assert state.active_seconds(now_t=9.0) == 5.0  # a person driving is time that counts
    state.apply({"seq": 5, "t": 10.0, "actor": "system", "kind": "session_end",
                 "status": "abandoned"})
    assert state.active_seconds(now_t=50.0) == 6.0


async def test_the_scientist_records_nothing_while_paused(suite):
    spec = suite.get("numeric/f0006")
    paused_at = []

    def pause_after_the_sweep(event):
        if event["kind"] == "probe" and not paused_at:
            paused_at.append(event["seq"])
            experiment.pause()

    experiment = None

    def keep(started):
        nonlocal experiment
        experiment = started

    task = asyncio.create_task(run_session(targets.from_spec(spec), Scientist(0), ready=keep,
                                           listeners=(pause_after_the_sweep,)))
    await until(lambda: paused_at)
    await asyncio.sleep(0.5)  # long enough for its noise test's analysis and more
    held = experiment.events[paused_at[0] + 1:]
    assert [e["kind"] for e in held] == ["pause"]
    experiment.step()
    await until(lambda: len(experiment.events) == paused_at[0] + 3)
    await asyncio.sleep(0.1)
    assert len(experiment.events) == paused_at[0] + 3 and experiment.paused
    experiment.resume()
    await task
    assert experiment.status == "submitted" and experiment.score.success


async def test_a_probe_held_at_the_gate_while_a_person_spends_the_budget_is_not_recorded():
    """The agent's call was under way when a person took over and used the last call: the
    agent's answers are dropped, and the budget is never overspent."""
    from find_lab.experiment import Budget, BudgetExhausted, Experiment

    def slow(xs):
        time.sleep(0.3)
        return [x * 2 for x in xs]

    experiment = Experiment(Target("t", "numeric", slow), actor_kind="test",
                            budget=Budget(calls=2, points=5))
    experiment.start()
    agent = asyncio.create_task(experiment.probe([1.0, 2.0, 3.0]))
    await asyncio.sleep(0.1)                                   # inside the function's call
    experiment.take_over()
    await experiment.probe([4.0, 5.0, 6.0], actor="human")     # 1 call and 3 points left
    await experiment.probe([7.0], actor="human")               # the last call
    experiment.hand_back()
    with pytest.raises(BudgetExhausted):
        await agent
    assert experiment.calls_used == 2 and experiment.state.points_used <= 5
