"""Numeric atoms: FIND's sixteen building blocks, each as sampler, evaluator, renderer, describer.

Every atom is held as data (`{"kind": ..., "params": {...}}`); the same table evaluates it with
numpy, renders it as a Python expression over `x` and says it in words, so the hidden-function
pane, the interpreter and the ground-truth description can never drift apart.

Where the fine scale of a function comes from, the ranges are FIND's own. FIND's generator
(github.com/multimodal-interpretability/FIND, src/make_functions/make_numeric/math_functions.py,
`sample_single_f`) draws:

- sin, cos, tanh: ``a * f((2 pi / b) * (x - c)) + d`` with b, the period, from
  ``linspace(0.1, 2 pi, 100)``, a from ``linspace(-10, 10, 100)``; so sine and cosine repeat
  every 0.1 to 6.3 units and a tanh rises over 0.016 to 1 unit (``FIND_PERIOD``).
- square_wave: period ``U(1, 10)``, shift ``U(-5, 5)``, values +-1 (``FIND_SQUARE_PERIOD``).
- rectangle: width ``U(1, 10)``, 1 inside and 0 outside (``FIND_RECT_WIDTH``).
- gaussian: the normal pdf with standard deviation ``U(1, 10)`` (``FIND_GAUSS_SD``).
- rational: numerator and denominator coefficients ``U(-10, 10)`` (denominator of higher order),
  so it vanishes far away and spikes at poles within a few units of the origin: 90% of FIND's
  rationals have a real pole, the others poles 0.26-1.1 units off the real axis (10-90%
  quantiles). Ours is ``a (x - r) / ((x - c)^2 + q)``: poles at c +- i sqrt(q), sqrt(q)
  log-uniform in 0.01-1.1 (``FIND_RATIONAL_WIDTH``: nearly real up to FIND's 90% quantile), a
  spike a fraction of a unit wide.
- reciprocal: ``1 / (a x)``, a pole on an integer (0 there).

These are what defeat a lookup table: a 400-point grid has a spacing of 0.64, so it aliases
every wave shorter than about two units and straddles every edge and spike. Before Nov 2026 the
suite drew periods of 6-157 units, rectangles 10-80 wide, gaussians with sd 3-40 and rational
bumps 8-40 wide. Measured on the 1000 functions of seed 0, noise-free truth, NMSE < 0.1:

    linear interpolation of 400 random probes (FIND's measure; FIND: ~72%)   93%  ->  73%
    linear interpolation of an even 400-point grid (the `interpolate` agent)  94%  ->  82%

The even grid stays above FIND's figure: it is a better table than random probes, and it is
so on FIND's own functions too (re-sampling FIND's generator, with our MIN_VARIATION rule: 82%).

Locations, amplitudes and offsets are ours: features sit anywhere in [-128, 128] (FIND centres
most at 0), and offsets are drawn relative to the feature's height, within what the suite's
MIN_VARIATION rule accepts (an offset that dwarfs the feature would be rejected anyway).
An MLP cannot follow detail finer than its kinks, so the functions a network imitates draw the
coarse ranges (``COARSE``), as FIND's own imitations of fine waves come out as smooth averages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

GRID = np.arange(-128, 128) + 0.5  # FIND's scoring points


def sig(value: float, digits: int = 3) -> float:
    """Round to significant digits so parameters read well in source and descriptions."""
    if value == 0 or not np.isfinite(value):
        return float(value)
    return float(f"{value:.{digits}g}")


def num(value: float) -> str:
    """A float as it should appear in rendered source: short, exact for stored values."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") and "e" not in text else text


def shifted(c: float) -> str:
    """`x - c` written naturally: `x - 3`, `x + 3` or just `x`."""
    if c == 0:
        return "x"
    return f"x - {num(c)}" if c > 0 else f"x + {num(-c)}"


def plus(b: float) -> str:
    """` + b` written naturally, or nothing when b is zero."""
    if b == 0:
        return ""
    return f" + {num(b)}" if b > 0 else f" - {num(-b)}"


def words_offset(b: float) -> str:
    return "" if b == 0 else f", shifted {'up' if b > 0 else 'down'} by {num(abs(b))}"


@dataclass(frozen=True)
class Atom:
    kind: str
    sample: Callable[..., dict]  # (rng, coarse=False): FIND's ranges, or coarse ones for an MLP
    evaluate: Callable[[dict, np.ndarray], np.ndarray]
    render: Callable[[dict], str]
    describe: Callable[[dict], str]
    finite_everywhere: bool = True  # False for atoms with NaN/pole regions (root, log, reciprocal)


def _sign(rng: np.random.Generator) -> float:
    return float(rng.choice([-1.0, 1.0]))


def _amplitude(rng: np.random.Generator) -> float:
    return _sign(rng) * sig(float(np.exp(rng.uniform(np.log(2.0), np.log(60.0)))), 2)


def _offset(rng: np.random.Generator, span: float = 20.0) -> float:
    return 0.0 if rng.random() < 0.3 else sig(rng.uniform(-span, span), 2)


def _relative_offset(rng: np.random.Generator, height: float, share: float,
                     zero: float = 0.0) -> float:
    """An offset within +-`share` of the feature's height; exactly zero with probability `zero`."""
    return 0.0 if rng.random() < zero else sig(rng.uniform(-share, share) * abs(height), 2)


def _wave_amplitude(rng: np.random.Generator) -> float:
    """FIND's wave amplitude: a from linspace(-10, 10, 100), so |a| up to 10."""
    return _sign(rng) * sig(rng.uniform(0.1, 10.0), 2)


# FIND's ranges for fine structure (see the module docstring), and the coarse ranges used for
# the shapes an MLP imitates (the suite's ranges before Nov 2026).
FIND_PERIOD = (0.1, 2 * np.pi)        # sin, cos; tanh's width is period / (2 pi)
FIND_SQUARE_PERIOD = (1.0, 10.0)
FIND_RECT_WIDTH = (1.0, 10.0)
FIND_GAUSS_SD = (1.0, 10.0)
FIND_RATIONAL_WIDTH = (0.01, 1.1)     # sqrt(q), log-uniform: how far the poles sit off the axis
COARSE = {"period": (6.3, 157.0), "rect_width": (10.0, 80.0),
          "gauss_sd": (3.0, 40.0), "rational_width": (8.0, 40.0), "tanh_width": (2.0, 40.0)}


def _peak(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(np.max(np.abs(finite))) if finite.size else 1.0


# --- linear -----------------------------------------------------------------------------
def _linear_sample(rng, coarse=False):
    slope = _sign(rng) * sig(float(np.exp(rng.uniform(np.log(0.05), np.log(2.0)))), 2)
    return {"a": slope, "b": _offset(rng)}


def _linear_describe(p):
    return f"a straight line with slope {num(p['a'])} and intercept {num(p['b'])}"


# --- polynomial -------------------------------------------------------------------------
def _poly_sample(rng, coarse=False):
    degree = int(rng.integers(2, 6))
    roots = sorted(float(r) for r in rng.integers(-110, 111, size=degree))
    target = float(np.exp(rng.uniform(np.log(5.0), np.log(200.0))))
    shape = np.prod([GRID - r for r in roots], axis=0)
    a = _sign(rng) * sig(target / _peak(shape), 3)
    return {"a": a, "roots": roots}


def _poly_eval(p, x):
    y = np.full_like(x, p["a"], dtype=float)
    for r in p["roots"]:
        y = y * (x - r)
    return y


def _poly_render(p):
    return " * ".join([num(p["a"])] + [f"({shifted(r)})" for r in p["roots"]])


def _poly_describe(p):
    roots = ", ".join(num(r) for r in p["roots"])
    return (f"a polynomial of degree {len(p['roots'])} with roots at {roots} "
            f"(leading coefficient {num(p['a'])})")


# --- absolute ---------------------------------------------------------------------------
def _abs_sample(rng, coarse=False):
    return {"a": _sign(rng) * sig(rng.uniform(0.1, 2.0), 2), "c": sig(rng.uniform(-100, 100), 2),
            "b": _offset(rng)}


def _abs_describe(p):
    shape = "V" if p["a"] > 0 else "upside-down V"
    return (f"an absolute value ({shape} shape) with its corner at x = {num(p['c'])}, "
            f"slope {num(abs(p['a']))} on each side{words_offset(p['b'])}")


# --- root and logarithm ---------------------------------------------------------------------
def _domain_start(rng):
    return sig(rng.uniform(-128, 60), 2)


def _root_sample(rng, coarse=False):
    return {"a": _sign(rng) * sig(rng.uniform(0.5, 8.0), 2), "c": _domain_start(rng),
            "b": _offset(rng)}


def _root_describe(p):
    return (f"a square root: {num(p['a'])} times the square root of ({shifted(p['c'])})"
            f"{words_offset(p['b'])}; undefined (NaN) for x < {num(p['c'])}")


def _log_sample(rng, coarse=False):
    return {"a": _sign(rng) * sig(rng.uniform(1.0, 20.0), 2), "c": _domain_start(rng),
            "b": _offset(rng)}


def _log_describe(p):
    return (f"a logarithm: {num(p['a'])} times the natural log of ({shifted(p['c'])})"
            f"{words_offset(p['b'])}; undefined (NaN) for x <= {num(p['c'])}")


# --- step and rectangle -----------------------------------------------------------------
def _levels(rng):
    low = sig(rng.uniform(-40, 40), 2)
    gap = _sign(rng) * sig(rng.uniform(5, 50), 2)
    return low, sig(low + gap, 2)


def _step_sample(rng, coarse=False):
    before, after = _levels(rng)
    return {"c": sig(rng.uniform(-100, 100), 2), "before": before, "after": after}


def _step_describe(p):
    return (f"a step: {num(p['before'])} for x <= {num(p['c'])}, "
            f"jumping to {num(p['after'])} for x > {num(p['c'])}")


def _rect_sample(rng, coarse=False):
    if coarse:
        outside, inside = _levels(rng)
        lo = sig(rng.uniform(-110, 80), 2)
        return {"lo": lo, "hi": sig(lo + rng.uniform(*COARSE["rect_width"]), 2),
                "inside": inside, "outside": outside}
    height = _amplitude(rng)
    lo = sig(rng.uniform(-115, 105), 4)
    outside = _relative_offset(rng, height, 0.1, zero=0.5)  # FIND: 0 outside
    return {"lo": lo, "hi": sig(lo + rng.uniform(*FIND_RECT_WIDTH), 4),
            "inside": sig(outside + height, 3), "outside": outside}


def _rect_describe(p):
    return (f"a rectangle: {num(p['inside'])} for {num(p['lo'])} < x < {num(p['hi'])} "
            f"and {num(p['outside'])} elsewhere")


# --- leaky relu -------------------------------------------------------------------------
def _relu_sample(rng, coarse=False):
    leak = 0.0 if rng.random() < 0.4 else sig(rng.uniform(0.02, 0.3), 2)
    return {"a": _sign(rng) * sig(rng.uniform(0.1, 2.0), 2), "c": sig(rng.uniform(-100, 100), 2),
            "leak": leak, "b": _offset(rng)}


def _relu_eval(p, x):
    z = x - p["c"]
    return np.where(z > 0, p["a"] * z, p["leak"] * p["a"] * z) + p["b"]


def _relu_render(p):
    z = f"({shifted(p['c'])})"
    return (f"np.where(x > {num(p['c'])}, {num(p['a'])} * {z}, "
            f"{num(p['leak'])} * {num(p['a'])} * {z}){plus(p['b'])}")


def _relu_describe(p):
    flat = "flat" if p["leak"] == 0 else f"slope {num(sig(p['leak'] * p['a']))} (leaky)"
    return (f"a {'leaky ' if p['leak'] else ''}ReLU hinged at x = {num(p['c'])}: {flat} below, "
            f"slope {num(p['a'])} above{words_offset(p['b'])}")


# --- tanh -------------------------------------------------------------------------------
def _tanh_sample(rng, coarse=False):
    if coarse:
        return {"a": _amplitude(rng), "c": sig(rng.uniform(-90, 90), 2),
                "w": sig(rng.uniform(*COARSE["tanh_width"]), 2), "b": _offset(rng)}
    a = _wave_amplitude(rng)
    return {"a": a, "c": sig(rng.uniform(-90, 90), 3),
            "w": sig(rng.uniform(*FIND_PERIOD) / (2 * np.pi), 2), "b": _relative_offset(rng, a, 1.0)}


def _tanh_describe(p):
    return (f"a tanh S-curve of height {num(p['a'])} centred at x = {num(p['c'])} "
            f"with width {num(p['w'])}{words_offset(p['b'])}")


# --- constant ---------------------------------------------------------------------------
def _const_sample(rng, coarse=False):
    return {"b": _sign(rng) * sig(rng.uniform(1, 50), 2)}


# --- periodic ---------------------------------------------------------------------------
def _wave_sample(rng, coarse=False):
    if coarse:
        low, high = COARSE["period"]
        return {"a": _amplitude(rng),
                "w": sig(2 * np.pi / float(np.exp(rng.uniform(np.log(low), np.log(high)))), 2),
                "phase": sig(rng.uniform(-3.1, 3.1), 2), "b": _offset(rng)}
    a = _wave_amplitude(rng)
    return {"a": a, "w": sig(2 * np.pi / rng.uniform(*FIND_PERIOD), 3),
            "phase": sig(rng.uniform(-3.1, 3.1), 2), "b": _relative_offset(rng, a, 1.0)}


def _square_sample(rng, coarse=False):
    if coarse:
        return _wave_sample(rng, coarse=True)
    # FIND's square wave is exactly +-1
    return {"a": 1.0, "w": sig(2 * np.pi / rng.uniform(*FIND_SQUARE_PERIOD), 3),
            "phase": sig(rng.uniform(-3.1, 3.1), 2), "b": 0.0}


def _wave_arg(p):
    return f"{num(p['w'])} * x{plus(p['phase'])}"


def _wave_describe(name):
    def describe(p):
        period = sig(2 * np.pi / p["w"], 3)
        return (f"a {name} with amplitude {num(abs(p['a']))}, period {num(period)} "
                f"(frequency {num(p['w'])} rad per unit) and phase {num(p['phase'])}"
                f"{words_offset(p['b'])}")
    return describe


# --- reciprocal and rational --------------------------------------------------------------
def _recip_sample(rng, coarse=False):
    return {"a": _sign(rng) * sig(rng.uniform(5, 100), 2), "c": float(rng.integers(-100, 101)),
            "b": _offset(rng)}


def _recip_describe(p):
    return (f"a reciprocal: {num(p['a'])} / ({shifted(p['c'])}){words_offset(p['b'])}, "
            f"with a pole at x = {num(p['c'])}")


def _rational_sample(rng, coarse=False):
    r, centre = sig(rng.uniform(-100, 100), 2), sig(rng.uniform(-80, 80), 2 if coarse else 3)
    if coarse:
        q = sig(rng.uniform(*COARSE["rational_width"]) ** 2, 2)
    else:
        low, high = FIND_RATIONAL_WIDTH
        q = sig(float(np.exp(rng.uniform(np.log(low), np.log(high)))) ** 2, 2)
    shape = (GRID - r) / ((GRID - centre) ** 2 + q)
    height = float(np.exp(rng.uniform(np.log(5.0), np.log(60.0))))
    a = _sign(rng) * sig(height / _peak(shape), 3)
    # FIND's rationals vanish far away (denominator order > numerator order): a small offset
    return {"a": a, "r": r, "centre": centre, "q": q,
            "b": _offset(rng) if coarse else _relative_offset(rng, height, 0.05, zero=0.5)}


def _rational_eval(p, x):
    return p["a"] * (x - p["r"]) / ((x - p["centre"]) ** 2 + p["q"]) + p["b"]


def _rational_render(p):
    return (f"{num(p['a'])} * ({shifted(p['r'])}) / (({shifted(p['centre'])}) ** 2 + {num(p['q'])})"
            f"{plus(p['b'])}")


def _rational_describe(p):
    return (f"a rational function {num(p['a'])} * ({shifted(p['r'])}) / (({shifted(p['centre'])})^2"
            f" + {num(p['q'])}){words_offset(p['b'])}: zero at x = {num(p['r'])}, fading to "
            f"{num(p['b'])} far away")


# --- gaussian ---------------------------------------------------------------------------
def _gauss_sample(rng, coarse=False):
    if coarse:
        return {"a": _amplitude(rng), "mu": sig(rng.uniform(-100, 100), 2),
                "s": sig(rng.uniform(*COARSE["gauss_sd"]), 2), "b": _offset(rng)}
    a = _amplitude(rng)
    return {"a": a, "mu": sig(rng.uniform(-100, 100), 3), "s": sig(rng.uniform(*FIND_GAUSS_SD), 2),
            "b": _relative_offset(rng, a, 0.1, zero=0.5)}  # FIND: the pdf, no offset


def _gauss_describe(p):
    kind = "bump" if p["a"] > 0 else "dip"
    return (f"a gaussian {kind} of height {num(abs(p['a']))} centred at x = {num(p['mu'])} "
            f"with standard deviation {num(p['s'])}{words_offset(p['b'])}")


def _square_describe(p):
    period = sig(2 * np.pi / p["w"], 3)
    return (f"a square wave switching between {num(p['b'] + abs(p['a']))} and "
            f"{num(p['b'] - abs(p['a']))} with period {num(period)} (the sign of "
            f"sin({num(p['w'])} x + {num(p['phase'])}))")


ATOMS: dict[str, Atom] = {atom.kind: atom for atom in [
    Atom("linear", _linear_sample, lambda p, x: p["a"] * x + p["b"],
         lambda p: f"{num(p['a'])} * x{plus(p['b'])}", _linear_describe),
    Atom("polynomial", _poly_sample, _poly_eval, _poly_render, _poly_describe),
    Atom("absolute", _abs_sample, lambda p, x: p["a"] * np.abs(x - p["c"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.abs({shifted(p['c'])}){plus(p['b'])}", _abs_describe),
    Atom("root", _root_sample, lambda p, x: p["a"] * np.sqrt(x - p["c"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.sqrt({shifted(p['c'])}){plus(p['b'])}", _root_describe,
         finite_everywhere=False),
    Atom("logarithm", _log_sample, lambda p, x: p["a"] * np.log(x - p["c"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.log({shifted(p['c'])}){plus(p['b'])}", _log_describe,
         finite_everywhere=False),
    Atom("step", _step_sample, lambda p, x: np.where(x > p["c"], p["after"], p["before"]),
         lambda p: f"np.where(x > {num(p['c'])}, {num(p['after'])}, {num(p['before'])})",
         _step_describe),
    Atom("relu", _relu_sample, _relu_eval, _relu_render, _relu_describe),
    Atom("tanh", _tanh_sample, lambda p, x: p["a"] * np.tanh((x - p["c"]) / p["w"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.tanh(({shifted(p['c'])}) / {num(p['w'])}){plus(p['b'])}",
         _tanh_describe),
    Atom("constant", _const_sample, lambda p, x: np.full_like(x, p["b"], dtype=float),
         lambda p: f"np.full_like(x, {num(p['b'])})", lambda p: f"the constant {num(p['b'])}"),
    Atom("sin", _wave_sample, lambda p, x: p["a"] * np.sin(p["w"] * x + p["phase"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.sin({_wave_arg(p)}){plus(p['b'])}", _wave_describe("sine wave")),
    Atom("cos", _wave_sample, lambda p, x: p["a"] * np.cos(p["w"] * x + p["phase"]) + p["b"],
         lambda p: f"{num(p['a'])} * np.cos({_wave_arg(p)}){plus(p['b'])}",
         _wave_describe("cosine wave")),
    Atom("reciprocal", _recip_sample, lambda p, x: p["a"] / (x - p["c"]) + p["b"],
         lambda p: f"{num(p['a'])} / ({shifted(p['c'])}){plus(p['b'])}", _recip_describe,
         finite_everywhere=False),
    Atom("gaussian", _gauss_sample,
         lambda p, x: p["a"] * np.exp(-0.5 * ((x - p["mu"]) / p["s"]) ** 2) + p["b"],
         lambda p: f"{num(p['a'])} * np.exp(-0.5 * (({shifted(p['mu'])}) / {num(p['s'])}) ** 2)"
                   f"{plus(p['b'])}", _gauss_describe),
    Atom("rational", _rational_sample, _rational_eval, _rational_render, _rational_describe),
    Atom("rectangle", _rect_sample,
         lambda p, x: np.where((x > p["lo"]) & (x < p["hi"]), p["inside"], p["outside"]),
         lambda p: f"np.where((x > {num(p['lo'])}) & (x < {num(p['hi'])}), {num(p['inside'])}, "
                   f"{num(p['outside'])})", _rect_describe),
    Atom("square", _square_sample,
         lambda p, x: p["a"] * np.sign(np.sin(p["w"] * x + p["phase"])) + p["b"],
         lambda p: f"{num(p['a'])} * np.sign(np.sin({_wave_arg(p)})){plus(p['b'])}",
         _square_describe),
]}
