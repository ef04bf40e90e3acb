"""The numeric scientist interprets functions through the Experiment alone."""

import math

import numpy as np

from helpers import sample_ids
from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Door, Experiment


async def interpret(target, seed=0) -> Experiment:
    experiment = Experiment(target, actor_kind="scientist")
    experiment.start()
    await Scientist(seed).run(Door(experiment))
    return experiment


async def test_succeeds_across_complexities_with_closed_form_code(suite):
    results = {}
    for complexity in ("clean", "noise", "corruption", "mlp"):
        for fid in sample_ids(suite, "numeric", complexity, 4):
            experiment = await interpret(targets.from_spec(suite.get(fid)))
            results[fid] = experiment.score
    assert sum(s.success for s in results.values()) >= 14, {k: v.summary() for k, v in results.items()}
    single_atoms = [s for fid, s in results.items() if suite.get(fid)["structure"] == "atom"
                    and suite.get(fid)["complexity"] != "mlp"]
    assert not any(s.code_size.table_like for s in single_atoms)


async def test_finds_a_corrupted_interval_and_names_it(suite):
    fid = next(f for f in suite.ids("numeric", "corruption")
               if suite.get(f)["corruption"]["lo"] is not None and suite.get(f)["corruption"]["hi"] is not None)
    spec = suite.get(fid)
    experiment = await interpret(targets.from_spec(spec))
    submit = next(e for e in experiment.events if e["kind"] == "submit")
    lo, hi = spec["corruption"]["lo"], spec["corruption"]["hi"]
    assert "noise around" in submit["description"] and submit["domain"]
    found = [float(t) for t in submit["domain"].split(":")[0].replace("x", "").split("<") if t.strip()]
    assert abs(found[0] - lo) < 0.5 and abs(found[1] - hi) < 0.5
    assert experiment.score.details["local_nmse"] < 0.1


async def test_interprets_a_black_box_defined_here_not_in_the_suite():
    def mystery(x):
        return 3.0 * math.sin(0.25 * x) + 0.5 * x

    target = targets.from_callable(mystery, "numeric", "test:mystery", reference=mystery)
    experiment = await interpret(target)
    assert experiment.score.success and experiment.score.value < 1e-6
    assert "sum" in experiment.events[-3]["description"].lower()


async def test_is_deterministic_narrates_and_keeps_to_the_budget(suite):
    spec = suite.get(suite.ids("numeric", "noise")[3])
    first = await interpret(targets.from_spec(spec))
    second = await interpret(targets.from_spec(spec))
    texts = [e.get("text") for e in first.events if e["kind"] == "message"]
    assert texts == [e.get("text") for e in second.events if e["kind"] == "message"]
    assert len(texts) >= 5
    assert first.calls_used <= 25 and first.points_used <= 400
    assert any(e["kind"] == "hypothesis" and e["preview"] for e in first.events)


async def test_steering_is_acknowledged(suite):
    experiment = Experiment(targets.from_spec(suite.get("numeric/f0002")), actor_kind="scientist")
    experiment.start()
    experiment.steer("check the left edge")
    await Scientist(0).run(Door(experiment))
    assert any("check the left edge" in e.get("text", "") for e in experiment.events
               if e["kind"] == "message")


async def _black_box(function, name):
    target = targets.from_callable(function, "numeric", name, reference=function)
    return await interpret(target)


async def test_zooms_in_to_find_a_wave_faster_than_its_sweep():
    """Period 0.25: the sweep (spacing 1.6) aliases it; a dense window shows it."""
    def wave(x):
        return 4.0 * math.sin(25.1 * x + 0.3) + 1.0

    experiment = await _black_box(wave, "test:fast-wave")
    texts = " ".join(e["text"] for e in experiment.events if e["kind"] == "message")
    assert "zoom" in texts and "oscillates with a period of about" in texts
    assert experiment.score.success and experiment.score.value < 1e-4
    assert not experiment.score.code_size.table_like


async def test_pins_a_square_wave_edge_to_edge():
    def square(x):
        return 2.0 * float(np.sign(math.sin(1.7 * x - 0.4)))

    experiment = await _black_box(square, "test:square")
    assert experiment.score.success and experiment.score.value < 0.02
    submit = next(e for e in experiment.events if e["kind"] == "submit")
    assert "square wave" in submit["description"] and "np.sign(np.sin(" in submit["code"]


async def test_finds_a_line_times_a_square_wave():
    """A product FIND makes: the amplitude changes sign at x = 0, which hides the wave's
    frequency from a plain periodogram."""
    def product(x):
        return 0.05 * x * float(np.sign(math.sin(0.9 * x + 2.7)))

    experiment = await _black_box(product, "test:line-times-square")
    assert experiment.score.success and experiment.score.value < 0.02


def test_descriptions_write_signs_as_a_person_would():
    from find_lab.agents.scientist.models import FAMILIES

    rational = FAMILIES["rational"].words((-68.1, 0.048), (-0.0755, -4.15, -0.13), None)
    assert rational.startswith("a rational bump (-0.0755 x - 4.15) / ((x + 68.1)^2 + 0.0023) - 0.13")
    root = FAMILIES["root"].words((3.0,), (2.0, 0.5), None)
    assert root.startswith("a square root 2 * sqrt(x - 3) + 0.5")
    assert "+ -" not in rational + root and "- -" not in rational + root
