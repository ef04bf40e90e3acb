"""The numeric scientist: sweep, test determinism, fit families, find the odd interval, verify.

It works only through the Experiment, in the order a careful person would: look at the whole
range; ask the same questions twice (a deterministic function answers identically, noise and
a corrupted interval do not); bracket the edges of anything odd with extra probes; fit every
family by least squares and choose by a penalised criterion; check the winner on fresh points.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import numpy as np

from find_lab.agents.scientist import models
from find_lab.experiment import BudgetExhausted, Experiment

SWEEP_POINTS = 160
EDGE_ROUNDS = 2
EDGE_POINTS = 6
VERIFY_POINTS = 16
MAX_KINKS = 24


@dataclass
class Notebook:
    """Everything observed so far: outputs per input, and the inputs that were undefined."""

    experiment: Experiment
    outputs: dict[float, list[float]] = field(default_factory=dict)
    undefined: set[float] = field(default_factory=set)

    async def probe(self, xs) -> None:
        xs = [float(x) for x in np.clip(np.round(np.asarray(xs, float), 6), -128, 128)]
        for x, (y, error) in zip(xs, await self.experiment.probe(xs)):
            if error == "undefined":
                self.undefined.add(x)
            elif error is None:
                self.outputs.setdefault(x, []).append(float(y))

    def repeated(self) -> tuple[np.ndarray, np.ndarray]:
        """Inputs asked more than once, and whether their answers differed."""
        xs = sorted(x for x, ys in self.outputs.items() if len(ys) > 1)
        return np.array(xs), np.array([np.ptp(self.outputs[x]) > 0 for x in xs])

    def noise_level(self) -> float:
        spreads = [np.var(ys, ddof=1) for ys in self.outputs.values() if len(ys) > 1]
        return float(np.sqrt(np.mean(spreads))) if spreads else 0.0

    def data(self, exclude: tuple[float, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
        xs = np.array(sorted(self.outputs))
        if exclude:
            xs = xs[(xs <= exclude[0]) | (xs >= exclude[1])]
        return xs, np.array([np.mean(self.outputs[x]) for x in xs])


@dataclass
class Findings:
    noise: float = 0.0
    corrupted: tuple[float, float] | None = None
    corrupted_level: float = 0.0
    undefined_below: tuple[float, float] | None = None
    model: models.Fit | None = None
    approximate: bool = False


async def investigate(experiment: Experiment, seed: int) -> None:
    notebook, findings = Notebook(experiment), Findings()
    say = experiment.say
    try:
        await say(f"I start with a sweep of {SWEEP_POINTS} evenly spaced points over [-128, 128] "
                  "to see the overall shape.")
        await notebook.probe(np.linspace(-128, 128, SWEEP_POINTS))
        await _steer(experiment)
        await _test_determinism(notebook, findings)
        await _steer(experiment)
        if findings.corrupted:
            await _bracket_corruption(notebook, findings)
        if notebook.undefined:
            await _bracket_undefined(notebook, findings)
        await _steer(experiment)
        await _fit(notebook, findings)
        await _sharpen_edges(notebook, findings)
        await _steer(experiment)
        await _verify(notebook, findings, np.random.default_rng(seed))
    except BudgetExhausted:
        await say("I am out of probe calls, so I submit the best model I have.")
        if findings.model is None:
            await _fit(notebook, findings)
    await _submit(experiment, findings)


async def _steer(experiment: Experiment) -> None:
    for message in await experiment.checkpoint():
        await experiment.say(f"Noted: \"{message}\". My procedure is fixed, but I will keep it in mind "
                             "when I describe what I find.")


async def _test_determinism(notebook: Notebook, findings: Findings) -> None:
    await notebook.experiment.say(
        "Now I ask every second point again. A deterministic function answers identically; "
        "additive noise changes every answer; a corrupted interval changes only the answers inside it.")
    sweep = sorted(notebook.outputs)
    await notebook.probe(sweep[::2])
    xs, differs = notebook.repeated()
    findings.noise = notebook.noise_level()
    say = notebook.experiment.say
    if not differs.any():
        await say("Every repeated answer was identical: the function is deterministic, no noise.")
    elif differs.mean() > 0.5:
        await say(f"Repeated answers differ almost everywhere ({differs.mean():.0%} of points): "
                  f"additive noise with a standard deviation of about {findings.noise:.3g}. "
                  "I will fit through it rather than chase it.")
    else:
        random_xs = xs[differs]
        findings.corrupted = (float(random_xs.min()), float(random_xs.max()))
        findings.noise = 0.0
        await say(f"Answers are repeatable except between x = {random_xs.min():.4g} and "
                  f"{random_xs.max():.4g}, where they change from call to call: a corrupted interval. "
                  "I will find its edges exactly.")


def _neighbours(known: list[float], value: float, side: int) -> float:
    """The nearest known-deterministic input beyond `value` (or the domain edge)."""
    beyond = [x for x in known if (x - value) * side > 0]
    if not beyond:
        return -128.0 if side < 0 else 128.0
    return min(beyond, key=lambda x: abs(x - value))


async def _bracket_corruption(notebook: Notebook, findings: Findings) -> None:
    """Narrow each edge of the random region by asking points in the gap twice each."""
    for _ in range(EDGE_ROUNDS):
        xs, differs = notebook.repeated()
        steady = list(xs[~differs])
        low, high = float(xs[differs].min()), float(xs[differs].max())
        gaps = [(_neighbours(steady, low, -1), low), (high, _neighbours(steady, high, +1))]
        points = [p for a, b in gaps if b - a > 0.05 for p in np.linspace(a, b, EDGE_POINTS + 2)[1:-1]]
        if not points:
            break
        await notebook.probe(np.repeat(points, 2))
    xs, differs = notebook.repeated()
    steady = list(xs[~differs])
    low, high = float(xs[differs].min()), float(xs[differs].max())
    left, right = _neighbours(steady, low, -1), _neighbours(steady, high, +1)
    lo = None if left <= -128 and -128.0 not in steady else (left + low) / 2
    hi = None if right >= 128 and 128.0 not in steady else (right + high) / 2
    findings.corrupted = (-128.0 if lo is None else lo, 128.0 if hi is None else hi)
    inside = [y for x, ys in notebook.outputs.items() if findings.corrupted[0] < x < findings.corrupted[1]
              for y in ys]
    findings.corrupted_level = float(np.mean(inside))
    await notebook.experiment.say(
        f"The corrupted interval is {_interval_text(findings)}; inside it the answers scatter around "
        f"{findings.corrupted_level:.4g} (sd {np.std(inside):.3g}). I leave it out of the fit.")


async def _bracket_undefined(notebook: Notebook, findings: Findings) -> None:
    """Find where the function stops being defined (a root's or a log's domain edge)."""
    undefined = sorted(notebook.undefined)
    defined = sorted(notebook.outputs)
    if not defined or max(undefined) > min(defined):
        await notebook.experiment.say(f"The function is undefined at {len(undefined)} isolated "
                                      "inputs; I note them and carry on.")
        return
    for _ in range(EDGE_ROUNDS):
        low, high = max(notebook.undefined), min(notebook.outputs)
        await notebook.probe(np.linspace(low, high, EDGE_POINTS + 2)[1:-1])
    findings.undefined_below = (max(notebook.undefined), min(notebook.outputs))
    await notebook.experiment.say(
        f"It is undefined for every x below about {findings.undefined_below[1]:.4g} (NaN answers): "
        "a square root or a logarithm would do that.")


async def _fit(notebook: Notebook, findings: Findings) -> None:
    xs, ys = notebook.data(exclude=findings.corrupted)
    say = notebook.experiment.say
    await say(f"Fitting every family (line, polynomials, V, hinge, step, rectangle, tanh, sine, "
              f"square wave, reciprocal, gaussian, rational, root, log) to {len(xs)} points.")
    ranked = await asyncio.to_thread(_rank, xs, ys, findings)
    best = ranked[0]
    relative = _relative_error(best, ys)
    leaders = ", ".join(f"{f.family.name} ({_relative_error(f, ys):.2g})" for f in ranked[:3])
    await say(f"Best fits by penalised error: {leaders}.")
    if relative > _tolerance(findings, ys):
        await say("No single family explains it; I try sums of two.")
        pair = await asyncio.to_thread(_best_sum, xs, ys, ranked, findings)
        if pair and _criterion(pair, findings, ys) < _criterion(best, findings, ys):
            best, relative = pair, _relative_error(pair, ys)
            await say(f"The sum {pair.family.name} fits better (relative error {relative:.2g}).")
    if relative > _tolerance(findings, ys) and findings.noise == 0.0:
        await say("The residuals are deterministic and structured. A piecewise-linear correction "
                  "(kinks, as a small ReLU network would make) should capture them.")
        best = await asyncio.to_thread(_with_kinks, xs, ys, best)
        findings.approximate = True
        relative = _relative_error(best, ys)
    findings.model = _tidy(best, xs, ys)
    await notebook.experiment.hypothesis(_code(findings), note=best.words(),
                                         preview=_preview(findings))
    await say(f"Leading hypothesis: {best.words()} (relative error {relative:.2g}).")


def _tidy(fit: models.Fit, xs: np.ndarray, ys: np.ndarray) -> models.Fit:
    """Zero the coefficients whose whole contribution is rounding noise (an intercept of 1e-16)."""
    design = fit.family.basis(xs, fit.theta, fit.extra)
    reach = np.max(np.abs(design), axis=0) * np.abs(fit.coef)
    tiny = reach < 1e-9 * (float(np.max(np.abs(ys))) or 1.0)
    if tiny.any():
        fit.coef = np.where(tiny, 0.0, fit.coef)
    return fit


def _relative_error(fit: models.Fit, ys: np.ndarray) -> float:
    return float(fit.rss / max(np.sum((ys - ys.mean()) ** 2), 1e-300))


def _tolerance(findings: Findings, ys: np.ndarray) -> float:
    variance = float(np.var(ys)) or 1.0
    return max(1e-6, 4 * findings.noise ** 2 / variance)


def _floor(findings: Findings, ys: np.ndarray) -> float:
    return max(findings.noise, 1e-7 * float(np.max(np.abs(ys)) or 1.0))


def _criterion(fit: models.Fit, findings: Findings, ys: np.ndarray) -> float:
    return models.criterion(fit, _floor(findings, ys))


def _rank(xs: np.ndarray, ys: np.ndarray, findings: Findings) -> list[models.Fit]:
    hints = {"rectangles": models.rectangles(xs, ys)}
    if findings.undefined_below:
        hints["undefined_below"] = findings.undefined_below
    sinusoid = models.fit_family(models.FAMILIES["sinusoid"], xs, ys, hints)
    hints["frequencies"] = [sinusoid.theta[0], sinusoid.theta[0] / 3] if sinusoid.theta else []
    fits = [sinusoid] + [models.fit_family(f, xs, ys, hints)
                         for name, f in models.FAMILIES.items() if name != "sinusoid"]
    return sorted((f for f in fits if np.isfinite(f.rss)), key=lambda f: _criterion(f, findings, ys))


def _best_sum(xs, ys, ranked, findings) -> models.Fit | None:
    """Greedy: fit the residual of each leading family, then refit both jointly."""
    best = None
    for first in ranked[:3]:
        residual = ys - first.predict(xs)
        second = _rank(xs, residual, findings)[0]
        family = models.combined(first.family, second.family, len(first.theta))
        theta = tuple(first.theta) + tuple(second.theta)
        joint = models.fit_theta(family, xs, ys, theta)
        if family.smooth and theta:
            step = np.maximum(np.abs(np.array(theta)) * 0.05, 0.5)
            refined, _ = models.nelder_mead(lambda t: models.fit_theta(family, xs, ys, t).rss,
                                            np.array(theta), step, iterations=200)
            candidate = models.fit_theta(family, xs, ys, refined)
            joint = candidate if candidate.rss < joint.rss else joint
        if best is None or _criterion(joint, findings, ys) < _criterion(best, findings, ys):
            best = joint
    return best


def _with_kinks(xs, ys, base: models.Fit) -> models.Fit:
    """Add kinks greedily where they most reduce the error (forward selection)."""
    candidates = list(np.linspace(-124, 124, 63))
    knots: list[float] = []
    fit = base
    for _ in range(MAX_KINKS):
        trials = [(models.fit_theta(models.combined(base.family, models.piecewise(knots + [k]),
                                                    len(base.theta)), xs, ys, base.theta), k)
                  for k in candidates if k not in knots]
        trial, knot = min(trials, key=lambda t: t[0].rss)
        if trial.rss > 0.97 * fit.rss:
            break
        fit, knots = trial, sorted(knots + [knot])
        fit = models.fit_theta(models.combined(base.family, models.piecewise(knots),
                                               len(base.theta)), xs, ys, base.theta)
    return fit


async def _sharpen_edges(notebook: Notebook, findings: Findings) -> None:
    """A step or rectangle edge lies somewhere in a gap between probes: probe inside it."""
    model = findings.model
    if model.family.name not in ("step", "rectangle"):
        return
    xs = np.array(sorted(notebook.outputs))
    points = []
    for edge in model.theta:
        below, above = xs[xs < edge].max(initial=-128), xs[xs > edge].min(initial=128)
        points += list(np.linspace(below, above, EDGE_POINTS + 2)[1:-1])
    await notebook.experiment.say(f"The {model.family.name}'s edges fall between probes; I probe "
                                  f"{len(points)} points there to place them exactly.")
    await notebook.probe(points)
    await _fit(notebook, findings)


async def _verify(notebook: Notebook, findings: Findings, rng: np.random.Generator) -> None:
    low = findings.undefined_below[1] if findings.undefined_below else -128.0
    fresh = rng.uniform(low, 128, VERIFY_POINTS * 2)
    if findings.corrupted:
        lo, hi = findings.corrupted
        fresh = fresh[(fresh < lo) | (fresh > hi)]
    fresh = np.round(fresh[:VERIFY_POINTS], 3)
    await notebook.experiment.say(f"Checking the model on {len(fresh)} fresh random points.")
    await notebook.probe(fresh)
    seen = np.array([notebook.outputs[x][-1] for x in map(float, fresh) if x in notebook.outputs])
    xs = np.array([x for x in map(float, fresh) if x in notebook.outputs])
    if not len(xs):
        return
    predicted = findings.model.predict(xs)
    error = float(np.sqrt(np.mean((seen - predicted) ** 2)))
    scale = float(np.std(notebook.data()[1])) or 1.0
    expected = max(findings.noise, 1e-6 * scale)
    if error <= 3 * expected + 0.02 * scale:
        await notebook.experiment.say(f"The model predicts them with RMS error {error:.3g} "
                                      f"(noise level {findings.noise:.3g}): confirmed.")
        return
    await notebook.experiment.say(f"RMS error {error:.3g} on fresh points is too large; I refit "
                                  "with them included.")
    await _fit(notebook, findings)


def _interval_text(findings: Findings) -> str:
    lo, hi = findings.corrupted
    if lo <= -128:
        return f"x < {hi:.4g}"
    if hi >= 128:
        return f"x > {lo:.4g}"
    return f"{lo:.4g} < x < {hi:.4g}"


def _code(findings: Findings) -> str:
    lines = ["import numpy as np", "", "", "def f(x):", "    x = np.asarray(x, dtype=float)",
             '    with np.errstate(all="ignore"):', f"        y = {findings.model.source()}"]
    if findings.corrupted:
        lo, hi = findings.corrupted
        lines.append(f"        y = np.where((x > {models.g(lo)}) & (x < {models.g(hi)}), "
                     f"{models.g(findings.corrupted_level)}, y)  # noisy interval: its mean")
    lines.append("    return y")
    return "\n".join(lines) + "\n"


def _preview(findings: Findings) -> list[list[float]]:
    xs = np.linspace(-128, 128, 129)
    ys = findings.model.predict(xs)
    if findings.corrupted:
        lo, hi = findings.corrupted
        ys = np.where((xs > lo) & (xs < hi), findings.corrupted_level, ys)
    return [[float(x), float(y)] for x, y in zip(xs, ys) if np.isfinite(y)]


def _description(findings: Findings) -> tuple[str, str]:
    text = findings.model.words()
    text = text[0].upper() + text[1:]
    if findings.approximate:
        text = f"Approximately: {text}; the remaining deviations are piecewise linear"
    if findings.noise:
        text += f". Observations carry additive noise of standard deviation about {findings.noise:.2g}"
    domain = ""
    if findings.corrupted:
        domain = (f"{_interval_text(findings)}: the output is replaced by random noise around "
                  f"{findings.corrupted_level:.4g}")
        text += f". Except for {domain}"
    elif findings.undefined_below:
        domain = f"x < {findings.undefined_below[1]:.4g}: undefined (NaN)"
    return text + ".", domain


async def _submit(experiment: Experiment, findings: Findings) -> None:
    description, domain = _description(findings)
    await experiment.say(f"Submitting: {description}")
    await experiment.submit(description, _code(findings), domain=domain)
