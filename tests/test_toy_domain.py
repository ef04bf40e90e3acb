"""A new domain is one package and one `register` call: `bits` (tests/toy_domain.py), which
nothing in find_lab knows, runs real sessions end to end once registered here."""

import pytest

import toy_domain
from find_lab import domains, scoreboard, targets, trial
from find_lab.agents.baselines import InterpolateBaseline, RandomBaseline
from find_lab.agents.claude import _tools
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Budget, Door, Experiment
from find_lab.probe_syntax import ProbeSyntaxError
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.suite import render
from find_lab.tui.components.probes import TABLE, truth_curve, view_of

SPEC = toy_domain.spec(0, 0b10110011)
BUDGET = Budget(calls=5, points=64)


@pytest.fixture(autouse=True)
def bits():
    domains.register(toy_domain.DOMAIN)
    yield domains.get("bits")
    domains.unregister("bits")


class Solver:
    """Asks f(0), which is the mask, and submits x ^ mask: a real actor, through its Door."""

    kind = name = "solver"

    async def run(self, door: Door) -> None:
        [(mask, _)] = await door.probe([0])
        preview = await door.hypothesis(f"def f(x):\n    return x ^ {int(mask)}\n", "xor")
        await door.say(trial.fit_summary(door.domain, door.observations(), preview))
        await door.submit("x XOR the mask f(0)", f"def f(x):\n    return x ^ {int(mask)}\n")


def test_the_registry_knows_it_only_while_registered(bits):
    assert domains.names()[-1] == "bits" and domains.get("bits") is bits
    domains.unregister("bits")
    with pytest.raises(domains.UnknownDomain, match="unknown domain 'bits' .*numeric"):
        targets.from_spec(SPEC)
    domains.register(bits)


async def test_the_experiment_validates_its_inputs():
    experiment = Experiment(targets.from_spec(SPEC), actor_kind="test", budget=BUDGET)
    experiment.start()
    answers = await experiment.probe([3, 3.0, 300, "a", 2.5, True])
    assert answers == [(3 ^ 0b10110011, None), (3 ^ 0b10110011, None),
                       (None, "not a byte: 300"), (None, "not a whole number: 'a'"),
                       (None, "not a whole number: 2.5"), (None, "not a whole number: True")]
    assert experiment.events[-1]["points"] == 2


def test_a_person_types_its_probes_in_its_own_syntax(bits):
    assert bits.parse(" 1, 2 0:32:16 ") == [1, 2, 0, 16, 32]
    with pytest.raises(ProbeSyntaxError, match="whole numbers"):
        bits.parse("1.5")
    with pytest.raises(ProbeSyntaxError, match="type something"):
        bits.parse("  ")


async def test_a_session_is_scored_in_the_sandbox_by_its_own_metric_saved_and_on_the_board(tmp_path):
    store = Store(tmp_path)
    experiment = await run_session(targets.from_spec(SPEC), Solver(), store=store, budget=BUDGET)
    assert experiment.status == "submitted"
    score = experiment.score
    assert (score.domain, score.metric, score.value, score.success) == ("bits", "byte_match", 1.0, True)
    assert score.details == {"matched": 256, "total": 256, "mode": "scalar"}
    assert score.isolation  # it ran in the sandbox
    hypothesis = next(e for e in experiment.events if e["kind"] == "hypothesis")
    assert [0, 0b10110011] in hypothesis["preview"]
    said = [e["text"] for e in experiment.events if e["kind"] == "message"]
    assert said == ["matches 1 of 1 probed bytes"]

    [doc] = store.list()
    assert (doc["domain"], doc["status"], doc["score"]["metric"]) == ("bits", "submitted", "byte_match")
    [row] = [row for row in scoreboard.rows(store.list()) if row.complexity == scoreboard.ALL]
    assert (row.actor, row.domain, row.metric, row.scored, row.success_rate) == \
        ("solver", "bits", "byte_match", 1, 1.0)


@pytest.mark.parametrize("baseline", [RandomBaseline(0), InterpolateBaseline(0)])
async def test_the_baselines_probe_and_answer_by_table(tmp_path, baseline):
    experiment = await run_session(targets.from_spec(SPEC), baseline, store=Store(tmp_path),
                                   budget=BUDGET)
    assert experiment.status == "submitted" and experiment.points_used == 64
    assert experiment.score.metric == "byte_match" and 0 < experiment.score.value < 1
    assert experiment.score.reason is None and not experiment.score.success


async def test_the_scientist_says_it_has_no_strategy_and_stops(tmp_path):
    experiment = await run_session(targets.from_spec(SPEC), Scientist(), store=Store(tmp_path),
                                   budget=BUDGET)
    reason = "the scientist has no strategy for the bits domain"
    assert experiment.status == "abandoned" and experiment.events[-1]["reason"] == reason
    assert [e["message"] for e in experiment.events if e["kind"] == "error"] == [reason]


def test_the_agent_and_the_lab_read_it_from_the_registry(bits):
    probe = _tools(bits, BUDGET)[0]
    assert probe["input_schema"]["properties"]["inputs"]["items"] == bits.probe_schema
    assert view_of("bits") is TABLE and truth_curve(SPEC) is None  # the table reads any domain
    assert render(SPEC) == "def f(x):\n    return x ^ 179\n"
