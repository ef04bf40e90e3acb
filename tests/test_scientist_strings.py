"""The strings scientist interprets string functions through the Experiment alone."""

from helpers import sample_ids
from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Budget, Door, Experiment


async def interpret(target, seed=0, budget=Budget(), steer=()) -> Experiment:
    experiment = Experiment(target, actor_kind="scientist", budget=budget)
    experiment.start()
    for text in steer:
        experiment.steer(text)
    await Scientist(seed).run(Door(experiment))
    return experiment


def submitted(experiment: Experiment) -> dict:
    return next(e for e in experiment.events if e["kind"] == "submit")


async def test_succeeds_on_atomic_and_composed_functions(suite):
    failures = []
    for complexity in ("atomic", "composed"):
        for fid in sample_ids(suite, "strings", complexity, 5):
            experiment = await interpret(targets.from_spec(suite.get(fid)))
            if not experiment.score.success:
                failures.append((fid, experiment.score.summary()))
            assert experiment.calls_used <= 25 and experiment.points_used <= 400
    assert len(failures) <= 1, failures


async def test_interprets_a_black_box_defined_here_not_in_the_suite():
    def mystery(text):
        return text.upper()[::-1]

    target = targets.from_callable(mystery, "strings", "test:mystery", reference=mystery)
    experiment = await interpret(target)
    assert experiment.score.success and experiment.score.value == 1.0
    answer = submitted(experiment)
    assert "uppercase" in answer["description"].lower() and "revers" in answer["description"].lower()
    assert "def f(" in answer["code"]


async def test_outside_the_catalogue_it_says_its_answer_is_approximate():
    def mystery(text):
        return "".join(sorted(text))[:3] + str(len(text) % 7)

    target = targets.from_callable(mystery, "strings", "test:sorted", reference=mystery)
    experiment = await interpret(target)
    answer = submitted(experiment)
    assert answer["description"].startswith("Approximately")
    assert not experiment.score.success
    assert experiment.status == "submitted"


async def test_is_deterministic_narrates_and_proposes_hypotheses(suite):
    spec = suite.get(sample_ids(suite, "strings", "composed", 3)[2])
    first = await interpret(targets.from_spec(spec))
    second = await interpret(targets.from_spec(spec))
    texts = [e["text"] for e in first.events if e["kind"] == "message"]
    assert texts == [e["text"] for e in second.events if e["kind"] == "message"]
    assert len(texts) >= 4
    assert any(e["kind"] == "hypothesis" for e in first.events)


async def test_a_tight_budget_still_ends_in_a_submission(suite):
    spec = suite.get(sample_ids(suite, "strings", "composed", 5)[4])
    experiment = await interpret(targets.from_spec(spec), budget=Budget(calls=1, points=6))
    assert experiment.calls_used == 1 and experiment.points_used <= 6
    assert experiment.status == "submitted" and submitted(experiment)["code"]


async def test_steering_with_a_quoted_string_probes_it(suite):
    spec = suite.get(sample_ids(suite, "strings", "atomic", 2)[1])
    experiment = await interpret(targets.from_spec(spec), steer=['try "Zebra 99 crossing"'])
    assert any("Zebra 99 crossing" in e["text"] for e in experiment.events if e["kind"] == "message")
    probed = [x for e in experiment.events if e["kind"] == "probe" for x in e["inputs"]]
    assert "Zebra 99 crossing" in probed
