"""The Experiment: validation, budget, events, pause, takeover, steering, scoring."""

import asyncio
import math

import pytest

from find_lab import targets
from find_lab.experiment import Budget, BudgetExhausted, Experiment, SessionOver, Target


def square_target(domain="numeric"):
    return Target("mine", domain, lambda xs: [x * x if domain == "numeric" else x for x in xs])


def started(target=None, **kwargs) -> Experiment:
    experiment = Experiment(target or square_target(), actor_kind="test", **kwargs)
    experiment.start()
    return experiment


async def test_probe_records_inputs_outputs_and_sequence():
    experiment = started()
    answers = await experiment.probe([2, -3.5])
    assert answers == [(4.0, None), (12.25, None)]
    kinds = [(e["seq"], e["kind"]) for e in experiment.events]
    assert kinds == [(0, "session_start"), (1, "probe")]
    assert experiment.events[1]["inputs"] == [2, -3.5] and experiment.events[1]["t"] >= 0


@pytest.mark.parametrize("domain, bad, reason", [
    ("numeric", "seven", "not a number"), ("numeric", math.inf, "not a finite number"),
    ("numeric", 200.0, "outside [-128, 128]"), ("numeric", True, "not a number"),
    ("strings", 7, "not a string"), ("strings", "x" * 1001, "longer than 1000"),
    ("neurons", "two words", "not a single word"), ("neurons", "", "not a single word"),
])
async def test_bad_inputs_get_an_error_entry_not_an_exception(domain, bad, reason):
    experiment = started(square_target(domain))
    good = 1.0 if domain == "numeric" else "fine"
    answers = await experiment.probe([good, bad])
    assert answers[0][1] is None
    assert answers[1][0] is None and reason in answers[1][1]
    assert experiment.points_used == 1


async def test_undefined_outputs_are_marked_not_nan():
    target = Target("log", "numeric", lambda xs: [math.log(x) if x > 0 else math.nan for x in xs])
    experiment = started(target)
    assert (await experiment.probe([-1.0]))[0] == (None, "undefined")


async def test_call_budget_raises_and_point_budget_truncates():
    experiment = started(budget=Budget(calls=2, points=3))
    await experiment.probe([1, 2])
    answers = await experiment.probe([3, 4, 5])
    assert [e for _, e in answers] == [None, "over the point budget (3)", "over the point budget (3)"]
    assert experiment.points_used == 3
    with pytest.raises(BudgetExhausted):
        await experiment.probe([6])


async def test_pause_blocks_the_actor_until_resume():
    experiment = started()
    experiment.pause()
    waiting = asyncio.create_task(experiment.checkpoint())
    await asyncio.sleep(0.05)
    assert not waiting.done()
    experiment.resume()
    assert await asyncio.wait_for(waiting, 1) == []
    assert [e["kind"] for e in experiment.events][-2:] == ["pause", "resume"]


async def test_steering_is_queued_until_the_next_checkpoint():
    experiment = started()
    experiment.steer("look near zero")
    experiment.steer("and at the edges")
    assert await experiment.checkpoint() == ["look near zero", "and at the edges"]
    assert await experiment.checkpoint() == []
    assert [e["text"] for e in experiment.events if e["kind"] == "steer"] == \
        ["look near zero", "and at the edges"]


async def test_takeover_lets_a_human_probe_and_tells_the_agent_on_handback():
    experiment = started()
    experiment.take_over()
    waiting = asyncio.create_task(experiment.checkpoint())
    await experiment.probe([3.0], actor="human")
    await asyncio.sleep(0.02)
    assert not waiting.done()
    experiment.resume()  # resume does not end a takeover: only hand_back does
    await asyncio.sleep(0.02)
    assert not waiting.done()
    experiment.hand_back()
    messages = await asyncio.wait_for(waiting, 1)
    assert len(messages) == 1 and "f(3.0) = 9.0" in messages[0]
    human_probe = next(e for e in experiment.events if e["kind"] == "probe")
    assert human_probe["actor"] == "human"


async def test_submit_scores_and_ends_the_session(suite):
    spec = suite.get("numeric/f0001")
    experiment = started(targets.from_spec(spec))
    from find_lab.suite import render
    score = await experiment.submit("the truth", render(spec))
    assert score.success and experiment.status == "submitted"
    assert [e["kind"] for e in experiment.events][-3:] == ["submit", "score", "session_end"]
    with pytest.raises(SessionOver):
        await experiment.probe([1.0])


async def test_abandon_releases_a_waiting_actor_with_session_over():
    experiment = started()
    experiment.pause()
    waiting = asyncio.create_task(experiment.checkpoint())
    await asyncio.sleep(0.01)
    experiment.abandon()
    with pytest.raises(SessionOver):
        await asyncio.wait_for(waiting, 1)
    assert experiment.events[-1] == {**experiment.events[-1], "kind": "session_end", "status": "abandoned"}


async def test_every_listener_sees_every_event():
    seen = []
    experiment = started(listeners=(seen.append,))
    await experiment.say("hello")
    assert seen == experiment.events
