"""The neuron scientist interprets neurons through the Experiment alone."""

import statistics

from helpers import sample_ids
from find_lab import targets
from find_lab.agents.scientist.neurons import investigate
from find_lab.experiment import Budget, Experiment

FRUIT = {"apple": 0.9, "banana": 0.8, "mango": 0.85, "cherry": 0.7, "lemon": 0.6, "grape": 0.75}


async def interpret(target, seed=0, budget=Budget(), steer=()) -> Experiment:
    experiment = Experiment(target, actor_kind="scientist", budget=budget)
    experiment.start()
    for text in steer:
        experiment.steer(text)
    await investigate(experiment, seed)
    return experiment


def submitted(experiment: Experiment) -> dict:
    return next(e for e in experiment.events if e["kind"] == "submit")


async def test_high_correlation_across_single_or_and_except(suite, capsys):
    scores = {}
    for complexity in ("single", "or", "except"):
        for fid in sample_ids(suite, "neurons", complexity, 6):
            scores[fid] = (await interpret(targets.from_spec(suite.get(fid)))).score
    values = [s.value for s in scores.values()]
    with capsys.disabled():
        print(f"\nneuron scientist: median correlation {statistics.median(values):.4f} over "
              f"{len(values)} neurons, {sum(s.success for s in scores.values())} successes")
    assert len(values) == 18
    assert statistics.median(values) >= 0.8, {k: v.summary() for k, v in scores.items()}
    assert sum(s.success for s in scores.values()) >= 16


async def test_names_the_excluded_sub_category(suite):
    for fid in sample_ids(suite, "neurons", "except", 6):
        spec = suite.get(fid)
        experiment = await interpret(targets.from_spec(spec))
        answer = submitted(experiment)
        assert spec["excluded"]["name"] in answer["description"], (fid, answer["description"])
        assert spec["excluded"]["name"] in answer["domain"]
        assert "stay silent" in answer["description"]


async def test_does_not_invent_exclusions_and_names_both_concepts(suite):
    for fid in sample_ids(suite, "neurons", "or", 4) + sample_ids(suite, "neurons", "single", 4):
        spec = suite.get(fid)
        answer = submitted(await interpret(targets.from_spec(spec)))
        assert "stay silent" not in answer["description"] and not answer["domain"], fid
        assert all(name in answer["description"] for name in spec["concepts"]), fid


async def test_keeps_to_the_budget_is_deterministic_and_narrates(suite):
    spec = suite.get(suite.ids("neurons", "except")[1])
    first = await interpret(targets.from_spec(spec), seed=3)
    second = await interpret(targets.from_spec(spec), seed=3)
    strip = lambda events: [{k: v for k, v in e.items() if k not in ("t", "seconds")}  # noqa: E731
                            for e in events if e["kind"] != "score"]
    assert strip(first.events) == strip(second.events)
    assert first.calls_used <= 25 and first.points_used <= 400
    assert len([e for e in first.events if e["kind"] == "message"]) >= 6
    assert any(e["kind"] == "hypothesis" for e in first.events)
    small = await interpret(targets.from_spec(spec), budget=Budget(calls=2, points=350))
    assert small.calls_used <= 2 and small.points_used <= 350 and small.status == "submitted"
    assert small.score.success


async def test_interprets_a_black_box_defined_here_not_in_the_suite():
    def fruity(word):
        return FRUIT.get(word.strip().lower(), 0.0)

    experiment = await interpret(targets.from_callable(fruity, "neurons", "test:fruity"))
    answer = submitted(experiment)
    assert "fruit" in answer["description"] and "only some" in answer["description"]
    assert all(word in answer["code"] for word in FRUIT)
    namespace = {}
    exec(answer["code"], namespace)  # our own submission, to check what it predicts
    assert namespace["f"]("Apple") > 0.5 and namespace["f"]("pear") < 0.1
    assert namespace["f"]("tram") < 0.1


async def test_a_neuron_that_fires_for_nothing_gets_an_honest_answer():
    silent = lambda word: 0.02  # noqa: E731
    experiment = await interpret(targets.from_callable(silent, "neurons", "test:silent", silent))
    answer = submitted(experiment)
    assert experiment.status == "submitted"
    assert "no word" in answer["description"] and "constant" in answer["description"]
    assert not experiment.score.success


async def test_steering_is_acknowledged_and_a_named_concept_is_checked(suite):
    spec = suite.get(suite.ids("neurons", "single")[0])
    experiment = await interpret(targets.from_spec(spec), steer=["have you tried vegetables?"])
    texts = [e["text"] for e in experiment.events if e["kind"] == "message"]
    assert any("have you tried vegetables?" in t and "vegetables" in t for t in texts)
    assert experiment.score.success
