"""A fork carries another session's probes: the scientist sees them through its Door and builds
on them (no sweep asked again, carried repeats for its noise test, nothing over the budget)."""

import re

from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Budget, Door, Experiment, Target
from find_lab.session import run_session

NOISY = "numeric/f0028"  # a step under uniform noise: the function of the fork


async def run(target, carried=(), budget=Budget()) -> Experiment:
    return await run_session(target, Scientist(0), budget=budget, carried=list(carried),
                             forked_from={"session_id": "parent", "seq": 1} if carried else None)


def carried_until(experiment: Experiment, points: int) -> list[dict]:
    """The parent's probe events, up to about `points` points (a fork at that step)."""
    kept, total = [], 0
    for event in experiment.events:
        if event["kind"] == "probe" and total < points:
            kept.append(event)
            total += event["points"]
    return kept


def own_probes(experiment: Experiment) -> list[dict]:
    return [e for e in experiment.events if e["kind"] == "probe" and not e.get("carried")]


def over_budget(experiment: Experiment) -> list:
    return [error for e in experiment.events if e["kind"] == "probe" for error in e["errors"]
            if error and "budget" in error] + \
        [e for e in experiment.events if e["kind"] == "error"]


def claims_hold(experiment: Experiment) -> bool:
    """Every message saying how many points it probes next is followed by a probe of that many."""
    claim = re.compile(r"I probe (\d+) points|I zoom in: (\d+) points|closer still: (\d+) points|"
                       r"Checking the model on (\d+) fresh")
    events = experiment.events
    for i, event in enumerate(events):
        match = event["kind"] == "message" and claim.search(event["text"])
        if match:
            count = int(next(g for g in match.groups() if g))
            probe = next(e for e in events[i:] if e["kind"] == "probe")
            if len(probe["inputs"]) != count:
                return False
    return True


def texts(experiment: Experiment) -> list[str]:
    return [e["text"] for e in experiment.events if e["kind"] == "message"]


async def test_the_door_shows_the_carried_probes():
    target = Target("log", "numeric", lambda xs: [float("nan") if x < 0 else x for x in xs])
    experiment = Experiment(target, actor_kind="scientist")
    experiment.start([{"kind": "probe", "actor": "agent", "inputs": [-1.0, 2.0],
                       "outputs": [None, 2.0], "errors": ["undefined", None], "points": 2}])
    door = Door(experiment)
    assert door.observations() == [(2.0, 2.0)]
    assert door.observations(undefined=True) == [(-1.0, None), (2.0, 2.0)]
    assert door.points_left == 398 and door.calls_left == 24


async def test_a_fork_of_a_noisy_function_builds_on_its_carried_sweep_and_repeats(suite):
    spec = suite.get(NOISY)
    parent = await run(targets.from_spec(spec))
    carried = carried_until(parent, 300)  # the sweep and the repeats: 320 points, 2 calls
    assert sum(e["points"] for e in carried) >= 300
    fork = await run(targets.from_spec(spec, seed=1), carried)

    assert fork.status == "submitted" and not over_budget(fork)
    assert fork.points_used <= 400 and fork.calls_used <= 25
    said = texts(fork)
    assert any("cover my whole sweep" in t for t in said)
    verdict = next(e["seq"] for e in fork.events
                   if e["kind"] == "message" and "additive noise" in e["text"])
    assert verdict < own_probes(fork)[0]["seq"]  # told from the carried repeats, asking nothing
    assert claims_hold(fork)
    assert fork.score.success and fork.score.value <= 3 * parent.score.value + 1e-4, \
        (fork.score.value, parent.score.value)


async def test_a_fork_late_in_a_session_keeps_to_what_is_left(suite):
    spec = suite.get(NOISY)
    parent = await run(targets.from_spec(spec))
    carried = carried_until(parent, 390)
    fork = await run(targets.from_spec(spec, seed=1), carried)
    assert fork.status == "submitted" and not over_budget(fork)
    assert fork.points_used <= 400 and claims_hold(fork)
    assert fork.score.success


async def test_a_fork_with_a_small_carried_set_still_sweeps_what_is_missing(suite):
    spec = suite.get("numeric/f0001")
    carried = [{"kind": "probe", "actor": "human", "inputs": [-50.0, 0.0, 50.0],
                "outputs": [None, None, None], "errors": [None] * 3, "points": 3}]
    target = targets.from_spec(spec)
    carried[0]["outputs"] = [float(y) for y in target.call(carried[0]["inputs"])]
    fork = await run(target, carried)
    sweep = own_probes(fork)[0]
    assert 250 <= len(sweep["inputs"]) < 256  # the three carried points cover three of its points
    assert fork.score.success and not over_budget(fork)


async def _strings(function, carried=()):
    target = targets.from_callable(function, "strings", "test:strings", reference=function)
    return await run(target, carried)


async def test_a_strings_fork_does_not_ask_again_what_it_carries():
    def function(text):
        return text.upper()[::-1]

    parent = await _strings(function)
    carried = [e for e in parent.events if e["kind"] == "probe"][:2]  # the opening and the survey
    fork = await _strings(function, carried)
    assert fork.status == "submitted" and fork.score.success and not over_budget(fork)
    carried_inputs = {x for e in carried for x in e["inputs"]}
    own = [x for e in own_probes(fork) for x in e["inputs"]]
    assert not carried_inputs & set(own)
    parent_own = sum(e["points"] for e in own_probes(parent))
    assert sum(e["points"] for e in own_probes(fork)) <= parent_own - len(carried_inputs) + 6


async def test_a_neurons_fork_does_not_ask_again_what_it_carries():
    def neuron(word):
        return 0.9 * str(word).strip().lower().startswith("b")

    target = targets.from_callable(neuron, "neurons", "test:neuron", reference=neuron)
    parent = await run(target)
    carried = [e for e in parent.events if e["kind"] == "probe"][:2]
    fork = await run(target, carried)
    assert fork.status == "submitted" and fork.score.success and not over_budget(fork)
    carried_inputs = {x for e in carried for x in e["inputs"]}
    assert not carried_inputs & {x for e in own_probes(fork) for x in e["inputs"]}
    assert fork.points_used <= 400
