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


def _noisy(function, seed, kind="normal"):
    """A black box with fresh noise on every call, scored against the noise-free function."""
    rng = np.random.default_rng(seed)

    def observed(x):
        if kind == "poisson":
            return function(x) + float(rng.poisson(1.0))   # as FIND adds it: a count, mean 1
        return function(x) + float(rng.normal(0.0, 1.0))

    return observed


async def test_finds_a_rectangle_one_unit_wide_anywhere():
    """Narrower than the old sweep's spacing, off centre: the sweep must still land in it."""
    for centre, width in ((-97.3, 1.0), (117.05, 1.42)):
        def box(x, centre=centre, width=width):
            return 1.0 if abs(x - centre) <= width / 2 else 0.0

        experiment = await _black_box(box, f"test:narrow-{centre}")
        assert experiment.score.success, (centre, experiment.score.summary())
        assert "rectangle" in next(e for e in experiment.events if e["kind"] == "submit")["description"]


async def test_finds_a_small_bump_under_unit_noise():
    """A gaussian of height 2, sd 2, under N(0, 1) noise: averaging finds and fits it."""
    def bump(x):
        return 2.0 * math.exp(-0.5 * ((x - 61.3) / 2.0) ** 2)

    target = targets.from_callable(_noisy(bump, 3), "numeric", "test:bump", reference=bump)
    experiment = await interpret(target)
    submit = next(e for e in experiment.events if e["kind"] == "submit")
    assert experiment.score.success, (experiment.score.summary(), submit["description"])
    assert "gaussian" in submit["description"] and "noise" in submit["description"]


async def test_takes_the_mean_of_count_noise_off():
    """Poisson(1) noise only adds (its mean is 1): against the noise-free truth, a level left
    one too high is a failure when the signal is small."""
    def wave(x):
        return 1.5 * math.sin(0.3 * x + 1.0) + 0.5

    target = targets.from_callable(_noisy(wave, 5, "poisson"), "numeric", "test:counts", reference=wave)
    experiment = await interpret(target)
    texts = " ".join(e["text"] for e in experiment.events if e["kind"] == "message")
    assert "count" in texts and experiment.score.success, experiment.score.summary()


async def test_a_corrupted_interval_wider_than_half_the_range_is_not_noise():
    def line(x):
        return 0.3 * x + 2.0

    rng = np.random.default_rng(1)

    def observed(x):
        return 5.0 + float(rng.normal(0, 0.1)) if x <= 40.0 else line(x)

    def truth(x):
        return 5.0 if x <= 40.0 else line(x)

    target = targets.from_callable(observed, "numeric", "test:wide-corruption", reference=truth)
    experiment = await interpret(target)
    submit = next(e for e in experiment.events if e["kind"] == "submit")
    assert "noise around" in submit["description"] and experiment.score.success, submit["description"]


async def test_a_rational_with_near_real_poles_scores_well():
    """(x - 3) / (((x - 20.5)^2 + 0.3^2) (x^2 + 50)): a sharp spike, no singularity."""
    def rational(x):
        return 800.0 * (x - 3.0) / (((x - 20.5) ** 2 + 0.09) * (x * x + 50.0))

    experiment = await _black_box(rational, "test:near-pole")
    assert experiment.score.success, experiment.score.summary()


MARKERS = {"square wave": "np.sign(", "sine wave": "np.sin(", "gaussian": "np.exp(", "tanh": "np.tanh(",
           "rectangle": "np.where(", "step": "np.where(", "V shape": "np.abs(", "square root": "np.sqrt(",
           "logarithm": "np.log(", "reciprocal": "/ (x", "rational": "/ ((x"}


def _names_only_what_the_code_has(fit):
    words, code = fit.words(), fit.source()
    for name, marker in MARKERS.items():
        if name in words:
            assert marker in code, (name, words, code)
            # and the component's own coefficient is not a written zero
            assert f" 0 * {marker}" not in " " + code and f"(0) * {marker}" not in code, (words, code)
    for degree in range(2, 11):
        if f"degree {degree}" in words:
            assert f"** {degree}" in code, (words, code)


def test_a_description_never_names_a_component_the_code_lacks():
    """On fits of several functions, including ones where a family's component fits to zero
    (a square wave's height, a sum's second part, a polynomial's top power)."""
    from find_lab.agents.scientist import models
    from find_lab.agents.scientist.numeric import Findings, _simplify, _tidy

    x = np.linspace(-127.75, 127.25, 256)
    functions = [0.002 * x ** 2 - 3, 2.0 * np.sign(np.sin(0.9 * x + 0.2)) + 0.01 * x, 0.5 * x + 1,
                 np.where(np.abs(x - 10) <= 3, 4.0, 1.0), 3 * np.exp(-0.5 * ((x + 40) / 5) ** 2)]
    hints = {"frequencies": [0.9, 0.31], "rectangles": models.rectangles(x, functions[3]),
             "bumps": [-40.0, 10.0]}
    for y in functions:
        fits = [models.fit_family(f, x, y, dict(hints)) for name, f in models.FAMILIES.items()
                if name in ("square", "square*poly2", "polynomial5", "polynomial8", "gaussian",
                            "rectangle", "sinusoid", "linear", "rational", "tanh")]
        for fit in fits:
            if np.isfinite(fit.rss):
                _names_only_what_the_code_has(_simplify(_tidy(fit, x, y), x, y, Findings()))
        square = models.fit_family(models.FAMILIES["square*poly5"], x, y, dict(hints))
        square.coef = np.where(np.arange(len(square.coef)) < 6, 0.0, square.coef)   # no wave left
        _names_only_what_the_code_has(square)
        assert "square wave" not in square.words()
        _names_only_what_the_code_has(_simplify(square, x, y, Findings()))
        top = models.fit_family(models.FAMILIES["polynomial5"], x, y, {})
        top.coef = np.r_[top.coef[:3], 0.0, 0.0, 0.0]
        _names_only_what_the_code_has(top)
        assert "degree 5" not in top.words()
        line = models.FAMILIES["linear"]
        pair = models.combined(line, models.FAMILIES["gaussian"], 0)
        fit = models.fit_theta(pair, x, y, (5.0, 3.0))
        fit.coef = np.r_[fit.coef[:2], 0.0]
        _names_only_what_the_code_has(fit)
        assert "gaussian" not in fit.words()
        _names_only_what_the_code_has(_simplify(fit, x, y, Findings()))


async def test_places_a_corrupted_edge_on_the_round_number_between_its_probes():
    """The interval ends at x = -14.5, one of FIND's scoring points: the midpoint of the last gap
    would put that point inside; the roundest number in the gap, its steady end included, is
    the edge itself."""
    def bump(x):
        return 8.9 * math.exp(-((x + 13.0) / 5.3) ** 2 / 2)

    rng = np.random.default_rng(3)

    def observed(x):
        return 0.46 + float(rng.normal(0, 1.0)) if -31.2 < x < -14.5 else bump(x)

    def truth(x):
        return 0.46 if -31.2 < x < -14.5 else bump(x)

    target = targets.from_callable(observed, "numeric", "test:round-edge", reference=truth)
    experiment = await interpret(target)
    submit = next(e for e in experiment.events if e["kind"] == "submit")
    assert submit["domain"].startswith("-31.2 < x < -14.5:"), submit["domain"]
    assert experiment.score.success and experiment.score.value < 0.01


def test_a_square_wave_takes_the_roundest_parameters_its_probes_allow():
    """Probes 1 apart leave a range of (w, p) that fit every one; the roundest of them is FIND's
    own, and exact on its grid, where the range's middle misplaces edges near x = i + 0.5."""
    from find_lab.agents.scientist import models

    def square(x):
        return np.sign(np.sin(0.725 * x - 1.1))

    x = np.r_[-127.75 + np.arange(256), np.linspace(40, 41, 24)]
    x = x[(x < -9.6) | (x > 3.3)]
    hints = {"frequencies": [0.72]}
    fit = models.fit_family(models.FAMILIES["square"], x, square(x), hints)
    grid = np.arange(-128, 128) + 0.5
    assert np.array_equal(np.sign(fit.predict(grid)), square(grid)), fit.theta
    assert abs(fit.theta[0] - 0.725) < 1e-12
