"""FIND-shaped numeric black boxes of FIND Lab's own: an independent generator, our own draws.

    python benchmarks/devset/numeric_devset.py [--n 40] [--seed 0]     # list what it draws

A development set for the numeric scientist that is *not* the suite: nothing here imports
`find_lab` (the suite's specs, atoms and renderer least of all). The families, ranges and
proportions are FIND's as published (DESIGN.md, "Facts from FIND worth keeping", and FIND's
`make_numeric/math_functions.py` for the ranges); the code, the draws and the seeds are ours.

What one draw is:

- A single atom (~85%) or the sum or product of two (~15%, from FIND's compose-only atoms:
  linear, polynomial, step, relu, constant, ceil, floor, rectangle, square wave). The atoms:
  linear, polynomial (degree 2-5), absolute, root, logarithm, step, leaky relu, tanh,
  constant, sin, cos, reciprocal, gaussian pdf, rational, rectangle, square wave.
- One complexity: clean, additive noise, or a corrupted interval, weighted 48 : 18 : 19 as FIND
  weights them (its 15% MLP imitations are left out: a trained 1-64-1 ReLU net is not drawn
  here, so the three shares are 56% / 21% / 22%).
- Noise is FIND's: N(0, 1) (1/3), U(-1, 1) (0.44), Poisson(1) (0.23), fresh on every call. As
  FIND writes it, Poisson(1) is *not* centred: it adds 1 on average (`centred_poisson=True`
  subtracts the 1, as the lab's suite does).
- A corruption replaces the output on x <= a, x >= a (a in [-100, 100]) or a < x < b (width
  5-25) by N(mean, 0.1), the mean of the clean function over [-128, 128].
- Parameters are rounded to one decimal as FIND rounds them, but a quarter of the functions
  keep three decimals, so an interpreter that snaps to FIND's grid of values is not rewarded.

Hard cases, drawn on purpose (every fourth function by default, `hard_share`, the four cases in
turn), each labelled so a table can give them their own rows:

- "narrow rectangle": a rectangle 1 to 1.5 wide, centred at 0 as FIND's are, or (half of them)
  anywhere in [-120, 120];
- "small bump under noise": a gaussian pdf with std 1-3 (peak 0.13-0.4) centred anywhere in
  [-100, 100], always with additive noise;
- "near-real poles": a rational whose denominator has a complex pair of roots r +- e*i with
  e in [0.2, 2] and r in [-100, 100], sometimes times a quadratic without real roots: a
  spike (no singularity) 2 to 200 high, log-uniform, so that noise does not hide it;
- "fine period": sin or cos with period 0.1-1 (below the sweep spacing, and aliased on FIND's
  grid x = i + 0.5), or a square wave with period 1-2.

Each box has an observer (what probes see: noise drawn anew on every call, the corrupted interval
as noise around the mean) and a truth (what scoring compares against: no noise, since noise is
not behaviour to reproduce, but the corrupted interval at its mean, since that is).
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass, field

import numpy as np

LOW, HIGH = -128.0, 128.0
SCORE_GRID = np.arange(-128, 128) + 0.5   # FIND's scoring points, used only to reject a draw
MIN_DEFINED = 64                          # grid points a drawn function must be defined on
TWO_PI = 2 * math.pi

ATOMS = ("linear", "polynomial", "absolute", "root", "logarithm", "step", "relu", "tanh",
         "constant", "sin", "cos", "reciprocal", "gaussian", "rational", "rectangle",
         "square_wave")
PAIR_ATOMS = ("linear", "polynomial", "step", "relu", "constant", "ceil", "floor", "rectangle",
              "square_wave")
PAIR_SHARE = 0.15
COMPLEXITY_WEIGHTS = {"clean": 48, "noise": 18, "corruption": 19}   # FIND's, without its MLP 15
NOISE_WEIGHTS = {"normal": 0.33, "uniform": 0.67 * 0.66, "poisson": 0.67 * 0.34}
CORRUPTION_WEIGHTS = {"below": 0.25, "above": 0.25, "inside": 0.5}
CORRUPTION_SPREAD = 0.1
FINE_DECIMALS_SHARE = 0.25
SPIKE_LOW, SPIKE_HIGH = 2.0, 200.0   # a near-real pole's spike, log-uniform: above unit noise
HARD_CASES = ("narrow rectangle", "small bump under noise", "near-real poles", "fine period")


# --- the atoms: plain numpy over an array x ------------------------------------------------------

def _polynomial(p, x):
    return np.polyval(p["coeffs"], x)           # highest power first


def _rational(p, x):                             # ascending powers, as FIND writes them
    num = np.polynomial.polynomial.polyval(x, p["num"])
    den = np.polynomial.polynomial.polyval(x, p["den"])
    return num / den


def _root(p, x):
    return p["a"] * np.power(x, 1.0 / p["n"]) + p["b"]   # NaN for x < 0 when n = 2


def _gaussian(p, x):
    return np.exp(-0.5 * ((x - p["mean"]) / p["std"]) ** 2) / (p["std"] * math.sqrt(TWO_PI))


EVALUATE = {
    "linear": lambda p, x: p["m"] * x + p["b"],
    "polynomial": _polynomial,
    "absolute": lambda p, x: p["a"] * np.abs(x) + p["b"],
    "root": _root,
    "logarithm": lambda p, x: p["a"] * np.log(x) / math.log(p["base"]) + p["b"],
    "step": lambda p, x: p["a"] * np.heaviside(x, p["at_zero"]) + p["b"],
    "relu": lambda p, x: p["a"] * np.where(x > 0, x, p["leak"] * x) + p["b"],
    "tanh": lambda p, x: p["amp"] * np.tanh(TWO_PI / p["width"] * (x - p["shift"])) + p["b"],
    "constant": lambda p, x: p["c"] * np.ones_like(x),
    "sin": lambda p, x: p["amp"] * np.sin(TWO_PI / p["period"] * (x - p["shift"])) + p["b"],
    "cos": lambda p, x: p["amp"] * np.cos(TWO_PI / p["period"] * (x - p["shift"])) + p["b"],
    "reciprocal": lambda p, x: 1.0 / (p["a"] * x),
    "gaussian": _gaussian,
    "rational": _rational,
    "rectangle": lambda p, x: np.where(np.abs(x - p["centre"]) <= p["width"] / 2, 1.0, 0.0),
    "square_wave": lambda p, x: np.where(np.sin((x - p["shift"]) * TWO_PI / p["period"]) > 0,
                                         1.0, -1.0),
    "ceil": lambda p, x: np.ceil(x),
    "floor": lambda p, x: np.floor(x),
}


def _n(value: float) -> str:
    return f"{value:.6g}"


def _signed(value: float) -> str:
    value += 0.0                                        # no "-0"
    return f"- {_n(-value)}" if value < 0 else f"+ {_n(value)}"


def _poly_text(coeffs, ascending: bool) -> str:
    powers = range(len(coeffs)) if ascending else range(len(coeffs) - 1, -1, -1)
    terms = [(c, k) for c, k in zip(coeffs, powers) if c != 0]
    if not terms:
        return "0"
    parts = []
    for i, (c, k) in enumerate(sorted(terms, key=lambda t: -t[1])):
        mono = "" if k == 0 else ("x" if k == 1 else f"x^{k}")
        size = _n(abs(c)) if (abs(c) != 1 or k == 0) else ""
        body = f"{size}*{mono}" if size and mono else (size or mono)
        parts.append(("-" if c < 0 else "") + body if i == 0 else ("- " if c < 0 else "+ ") + body)
    return " ".join(parts)


def describe_atom(p: dict) -> str:
    k = p["kind"]
    if k == "linear":
        return f"{_n(p['m'])}*x {_signed(p['b'])}"
    if k == "polynomial":
        return f"polynomial of degree {len(p['coeffs']) - 1}: {_poly_text(p['coeffs'], False)}"
    if k == "absolute":
        return f"{_n(p['a'])}*|x| {_signed(p['b'])}"
    if k == "root":
        return (f"{_n(p['a'])}*x {_signed(p['b'])} (root of order 1)" if p["n"] == 1 else
                f"{_n(p['a'])}*sqrt(x) {_signed(p['b'])} (undefined for x < 0)")
    if k == "logarithm":
        return f"{_n(p['a'])}*log_{_n(p['base'])}(x) {_signed(p['b'])} (undefined for x <= 0)"
    if k == "step":
        return f"step at 0: {_n(p['b'])} for x < 0, {_n(p['a'] + p['b'])} for x > 0"
    if k == "relu":
        return f"leaky relu {_n(p['a'])}*(x if x > 0 else {_n(p['leak'])}*x) {_signed(p['b'])}"
    if k == "tanh":
        return (f"{_n(p['amp'])}*tanh(2pi/{_n(p['width'])}*(x {_signed(-p['shift'])})) "
                f"{_signed(p['b'])}")
    if k == "constant":
        return f"the constant {_n(p['c'])}"
    if k in ("sin", "cos"):
        return (f"{_n(p['amp'])}*{k}(2pi*(x {_signed(-p['shift'])})/{_n(p['period'])}) "
                f"{_signed(p['b'])} (period {_n(p['period'])})")
    if k == "reciprocal":
        return f"1/({_n(p['a'])}*x)"
    if k == "gaussian":
        peak = 1 / (p["std"] * math.sqrt(TWO_PI))
        return f"gaussian pdf, mean {_n(p['mean'])}, std {_n(p['std'])} (peak {peak:.3g})"
    if k == "rational":
        text = f"({_poly_text(p['num'], True)}) / ({_poly_text(p['den'], True)})"
        if "pole" in p:
            r, e = p["pole"]
            text += f", near-real poles at {_n(r)} +- {_n(e)}i"
        return "rational " + text
    if k == "rectangle":
        at = f"x {_signed(-p['centre'])}" if p["centre"] else "x"
        return f"1 on |{at}| <= {_n(p['width'] / 2)} (width {_n(p['width'])}), else 0"
    if k == "square_wave":
        return f"square wave +-1, period {_n(p['period'])}, shift {_n(p['shift'])}"
    return f"{k}(x)"                                   # ceil, floor


# --- drawing ----------------------------------------------------------------------------------

class _Draw:
    """One function's random stream, and how its parameters are rounded."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.decimals = 3 if rng.random() < FINE_DECIMALS_SHARE else 1

    def u(self, lo: float, hi: float, decimals: int | None = None) -> float:
        value = round(float(self.rng.uniform(lo, hi)), self.decimals if decimals is None else decimals)
        return value + 0.0                              # no -0.0

    def nonzero(self, lo: float, hi: float, least: float = 0.1) -> float:
        while True:
            value = self.u(lo, hi)
            if abs(value) >= least:
                return value

    def pick(self, weights: dict) -> str:
        names = list(weights)
        p = np.array([weights[k] for k in names], dtype=float)
        return names[int(self.rng.choice(len(names), p=p / p.sum()))]

    def one_of(self, names) -> str:
        return names[int(self.rng.integers(len(names)))]


def _atom(d: _Draw, kind: str) -> dict:
    """An atom with parameters from FIND's published ranges."""
    if kind == "linear":
        return {"kind": kind, "m": d.nonzero(-10, 10), "b": d.u(-10, 10)}
    if kind == "polynomial":
        degree = int(d.rng.integers(2, 6))
        coeffs = [d.u(-5, 5) for _ in range(degree + 1)]
        coeffs[0] = coeffs[0] or 0.1
        return {"kind": kind, "coeffs": coeffs}
    if kind in ("absolute", "step", "relu", "root", "logarithm"):
        atom = {"kind": kind, "a": d.nonzero(-30, 30, 0.5), "b": d.u(-30, 30)}
        if kind == "step":
            atom["at_zero"] = d.u(-100, 100)
        elif kind == "relu":
            atom["leak"] = d.u(0, 1)
        elif kind == "root":
            atom["n"] = int(d.rng.integers(1, 3))
        elif kind == "logarithm":
            atom["base"] = d.u(1.1, 10)
        return atom
    if kind in ("tanh", "sin", "cos"):
        atom = {"kind": kind, "amp": d.nonzero(-10, 10, 0.2), "shift": d.u(0.1, TWO_PI),
                "b": d.u(-30, 30)}
        atom["width" if kind == "tanh" else "period"] = d.u(0.1, TWO_PI) or 0.1
        return atom
    if kind == "constant":
        return {"kind": kind, "c": float(d.rng.integers(-100, 100)) or 1.0}
    if kind == "reciprocal":
        return {"kind": kind, "a": d.nonzero(-10, 10)}
    if kind == "gaussian":
        return {"kind": kind, "mean": d.u(-50, 50), "std": d.u(1, 10)}
    if kind == "rational":
        num_degree = int(d.rng.integers(0, 5))
        den_degree = int(d.rng.integers(num_degree + 1, 6))
        num = [d.u(-10, 10) for _ in range(num_degree + 1)]
        den = [d.u(-10, 10) for _ in range(den_degree + 1)]
        num[-1] = num[-1] or 0.1
        den[-1] = den[-1] or 0.1
        return {"kind": kind, "num": num, "den": den}
    if kind == "rectangle":
        return {"kind": kind, "width": d.u(1, 10), "centre": 0.0}
    if kind == "square_wave":
        return {"kind": kind, "period": d.u(1, 10), "shift": d.u(-5, 5)}
    return {"kind": kind}                                # ceil, floor


def _hard_atom(d: _Draw, case: str) -> dict:
    if case == "narrow rectangle":
        centre = 0.0 if d.rng.random() < 0.5 else d.u(-120, 120)
        return {"kind": "rectangle", "width": d.u(1, 1.5, max(d.decimals, 2)), "centre": centre}
    if case == "small bump under noise":
        return {"kind": "gaussian", "mean": d.u(-100, 100), "std": d.u(1, 3)}
    if case == "near-real poles":
        r, e = d.u(-100, 100), d.u(0.2, 2, max(d.decimals, 1)) or 0.2
        den = np.array([r * r + e * e, -2 * r, 1.0])     # (x - r)^2 + e^2, ascending
        if d.rng.random() < 0.5:                         # times x^2 + q, no real roots
            den = np.polynomial.polynomial.polymul(den, [d.u(1, 400), 0.0, 1.0])
        den = den * d.nonzero(0.5, 10) * (1 if d.rng.random() < 0.5 else -1)
        num = [d.u(-10, 10) for _ in range(int(d.rng.integers(1, len(den) - 1)))]
        num[-1] = num[-1] or 1.0
        at_pole = abs(float(np.polynomial.polynomial.polyval(r, num) /
                            np.polynomial.polynomial.polyval(r, den)))
        if not at_pole > 1e-12:
            num, at_pole = [1.0], abs(1.0 / float(np.polynomial.polynomial.polyval(r, den)))
        height = math.exp(d.rng.uniform(math.log(SPIKE_LOW), math.log(SPIKE_HIGH)))
        num = [float(f"{c * height / at_pole:.4g}") for c in num]   # the spike's height
        return {"kind": "rational", "num": num, "den": [round(float(c), 9) for c in den],
                "pole": [r, e]}
    if case == "fine period":
        kind = d.one_of(("sin", "cos", "square_wave"))
        if kind == "square_wave":
            return {"kind": kind, "period": d.u(1, 2, max(d.decimals, 2)), "shift": d.u(-5, 5)}
        return {"kind": kind, "amp": d.nonzero(-10, 10, 0.5), "shift": d.u(0.1, TWO_PI),
                "b": d.u(-30, 30), "period": d.u(0.1, 1, max(d.decimals, 2)) or 0.1}
    raise ValueError(case)


@dataclass
class Box:
    """One numeric black box: `observer(seed)` is what probes see, `truth` what is scored."""

    id: str
    family: str                     # the atom's kind, or "sum" / "product"
    op: str                         # "atom", "sum" or "product"
    parts: list[dict]
    complexity: str                 # "clean", "noise" or "corruption"
    noise: str | None = None        # "normal", "uniform", "poisson"
    corruption: dict | None = None  # {"kind": below|above|inside, "lo", "hi", "mean"}
    hard: str | None = None         # one of HARD_CASES, or None for a FIND-distribution draw
    centred_poisson: bool = False
    description: str = field(default="")

    def clean(self, x) -> np.ndarray:
        """The function itself, before noise or corruption; NaN where it is undefined."""
        x = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):
            values = [EVALUATE[p["kind"]](p, x) for p in self.parts]
            y = values[0] if self.op == "atom" else (
                values[0] + values[1] if self.op == "sum" else values[0] * values[1])
        y = np.asarray(y, dtype=float)
        return np.where(np.isfinite(y), y, np.nan)

    def corrupted(self, x) -> np.ndarray:
        """Where the corruption replaces the output (all False without one)."""
        x = np.asarray(x, dtype=float)
        c = self.corruption
        if c is None:
            return np.zeros(x.shape, dtype=bool)
        if c["kind"] == "below":
            return x <= c["hi"]
        if c["kind"] == "above":
            return x >= c["lo"]
        return (x > c["lo"]) & (x < c["hi"])

    def truth_values(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        y = self.clean(x)
        if self.corruption is not None:
            y = np.where(self.corrupted(x), self.corruption["mean"], y)
        return y

    def truth(self, x) -> float:
        """The noise-free reference, one input at a time (the corrupted interval at its mean)."""
        return float(self.truth_values(np.array([x]))[0])

    def observer(self, seed: int = 0):
        """What a probe returns, one input at a time, with noise drawn anew on every call."""
        rng = np.random.default_rng(seed)

        def f(x):
            x = float(x)
            y = float(self.clean(np.array([x]))[0])
            if self.corruption is not None and self.corrupted(np.array([x]))[0]:
                return self.corruption["mean"] + float(rng.normal(0.0, CORRUPTION_SPREAD))
            if self.noise == "normal":
                y += float(rng.normal(0.0, 1.0))
            elif self.noise == "uniform":
                y += float(rng.uniform(-1.0, 1.0))
            elif self.noise == "poisson":
                y += float(rng.poisson(1.0)) - (1.0 if self.centred_poisson else 0.0)
            return y

        return f


def _complexity_text(box: Box) -> str:
    if box.complexity == "noise":
        noise = {"normal": "N(0,1)", "uniform": "U(-1,1)",
                 "poisson": "Poisson(1) - 1" if box.centred_poisson else "Poisson(1), mean +1"}
        return f"; plus {noise[box.noise]} noise on every call"
    if box.complexity == "corruption":
        c = box.corruption
        where = (f"x <= {_n(c['hi'])}" if c["kind"] == "below" else
                 f"x >= {_n(c['lo'])}" if c["kind"] == "above" else
                 f"{_n(c['lo'])} < x < {_n(c['hi'])}")
        return f"; on {where} replaced by N({c['mean']:.4g}, {CORRUPTION_SPREAD:g}) noise"
    return ""


def _describe(box: Box) -> str:
    if box.op == "atom":
        text = describe_atom(box.parts[0])
    else:
        joiner = " + " if box.op == "sum" else " * "
        text = box.op + " of " + joiner.join(f"[{describe_atom(p)}]" for p in box.parts)
    return text + _complexity_text(box)


def _acceptable(box: Box) -> bool:
    """Defined on enough of FIND's grid, not all zero, every value a float can hold."""
    y = box.truth_values(SCORE_GRID)
    finite = y[np.isfinite(y)]
    return finite.size >= MIN_DEFINED and float(np.sum(finite ** 2)) > 0 and \
        np.isfinite(np.sum(finite ** 2))


def _hard_case(index: int, share: float) -> str | None:
    """Evenly spaced: every 1/share-th function is a hard case, the cases taken in turn."""
    before, upto = math.floor(index * share), math.floor((index + 1) * share)
    return HARD_CASES[before % len(HARD_CASES)] if upto > before else None


def draw_one(seed: int, index: int, hard_share: float = 0.25,
             centred_poisson: bool = False) -> Box:
    """Function `index` of the set drawn from `seed`: its own random stream, so the first
    k functions are the same whatever the size of the set."""
    rng = np.random.default_rng([seed, index, 0x46494E44])
    hard = _hard_case(index, hard_share)
    for attempt in range(100):
        d = _Draw(rng)
        if hard:
            parts, op = [_hard_atom(d, hard)], "atom"
        elif rng.random() < PAIR_SHARE:
            op = "sum" if rng.random() < 0.5 else "product"
            parts = [_atom(d, d.one_of(PAIR_ATOMS)), _atom(d, d.one_of(PAIR_ATOMS))]
        else:
            parts, op = [_atom(d, d.one_of(ATOMS))], "atom"
        complexity = "noise" if hard == "small bump under noise" else d.pick(COMPLEXITY_WEIGHTS)
        box = Box(f"devset-numeric/{seed}/{index:04d}", parts[0]["kind"] if op == "atom" else op,
                  op, parts, complexity, hard=hard, centred_poisson=centred_poisson)
        if complexity == "noise":
            box.noise = d.pick(NOISE_WEIGHTS)
        elif complexity == "corruption":
            kind = d.pick(CORRUPTION_WEIGHTS)
            a = d.u(-100, 100)
            lo, hi = {"below": (None, a), "above": (a, None),
                      "inside": (a, round(a + float(rng.uniform(5, 25)), d.decimals))}[kind]
            mean = float(np.nanmean(box.clean(np.linspace(LOW, HIGH, 100)))) \
                if np.isfinite(box.clean(np.linspace(LOW, HIGH, 100))).any() else 0.0
            box.corruption = {"kind": kind, "lo": lo, "hi": hi, "mean": round(mean, 4)}
        if _acceptable(box):
            box.description = _describe(box)
            return box
    raise RuntimeError(f"no acceptable function after 100 draws (seed {seed}, index {index})")


def draw(n: int = 300, seed: int = 0, hard_share: float = 0.25,
         centred_poisson: bool = False) -> list[Box]:
    return [draw_one(seed, i, hard_share, centred_poisson) for i in range(n)]


def main() -> None:
    options = argparse.ArgumentParser(description="List the numeric development set's draws.")
    options.add_argument("--n", type=int, default=40)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--hard-share", type=float, default=0.25)
    args = options.parse_args()
    boxes = draw(args.n, args.seed, args.hard_share)
    for box in boxes:
        tag = f" [{box.hard}]" if box.hard else ""
        print(f"{box.id}  {box.complexity:10} {box.family:11}{tag}  {box.description}")
    counts: dict[str, int] = {}
    for box in boxes:
        for key in (box.complexity, box.hard or "FIND-distribution", box.family):
            counts[key] = counts.get(key, 0) + 1
    print("\n" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
