"""Closed-form model families the numeric scientist fits to its observations.

Each family splits its parameters into nonlinear ones (searched on a grid, then refined with
Nelder-Mead) and linear ones (solved exactly by least squares for every nonlinear choice:
"variable projection"). A fitted model renders itself as numpy source and plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

DOMAIN = (-128.0, 128.0)


def g(value: float, digits: int = 8) -> str:
    """A float for source code: enough digits to be exact for scoring, no more."""
    return f"{float(value):.{digits}g}"


def w(value: float) -> str:
    """A float for prose."""
    return f"{float(value):.3g}"


@dataclass
class Fit:
    family: "Family"
    theta: tuple
    coef: np.ndarray
    rss: float
    n: int
    params: int
    extra: dict = field(default_factory=dict)

    def predict(self, x) -> np.ndarray:
        return self.family.basis(np.asarray(x, float), self.theta, self.extra) @ self.coef

    def source(self) -> str:
        return self.family.source(self.theta, self.coef, self.extra)

    def words(self) -> str:
        return self.family.words(self.theta, self.coef, self.extra)


@dataclass(frozen=True)
class Family:
    name: str
    basis: Callable            # (x, theta, extra) -> (n, m) design matrix
    grid: Callable             # (x, y, hints) -> list of theta tuples to try
    source: Callable           # (theta, coef, extra) -> numpy expression over x
    words: Callable            # (theta, coef, extra) -> description
    smooth: bool = True        # RSS is smooth in theta, so Nelder-Mead can refine it
    defined: Callable | None = None  # (x, theta) -> mask where the family is defined


def solve(design: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Least squares; returns coefficients and residual sum of squares (inf if degenerate)."""
    if not np.all(np.isfinite(design)):
        return np.zeros(design.shape[1]), np.inf
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coef
    return coef, float(residual @ residual)


def fit_theta(family: "Family", x, y, theta, extra=None) -> Fit:
    extra = extra or {}
    keep = family.defined(x, theta) if family.defined else np.ones_like(x, bool)
    if family.defined and not np.all(keep):
        return Fit(family, tuple(theta), np.zeros(1), np.inf, len(x), 0, extra)
    with np.errstate(all="ignore"):
        design = family.basis(x, theta, extra)
    coef, rss = solve(design, y)
    return Fit(family, tuple(float(t) for t in theta), coef, rss, len(x),
               design.shape[1] + len(theta), extra)


def nelder_mead(cost: Callable, start: np.ndarray, step: np.ndarray, iterations: int = 120):
    """A small derivative-free minimiser for 1-4 nonlinear parameters."""
    simplex = [np.asarray(start, float)] + [start + np.eye(len(start))[i] * step[i]
                                            for i in range(len(start))]
    values = [cost(p) for p in simplex]
    for _ in range(iterations):
        order = np.argsort(values)
        simplex, values = [simplex[i] for i in order], [values[i] for i in order]
        centroid = np.mean(simplex[:-1], axis=0)
        reflected = centroid + (centroid - simplex[-1])
        value = cost(reflected)
        if value < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            expanded_value = cost(expanded)
            simplex[-1], values[-1] = (expanded, expanded_value) if expanded_value < value \
                else (reflected, value)
        elif value < values[-2]:
            simplex[-1], values[-1] = reflected, value
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            contracted_value = cost(contracted)
            if contracted_value < values[-1]:
                simplex[-1], values[-1] = contracted, contracted_value
            else:
                simplex = [simplex[0] + 0.5 * (p - simplex[0]) for p in simplex]
                values = [cost(p) for p in simplex]
        if abs(values[-1] - values[0]) <= 1e-14 * (abs(values[0]) + 1e-300):
            break
    best = int(np.argmin(values))
    return simplex[best], values[best]


def fit_family(family: "Family", x, y, hints: dict, keep_best: int = 3) -> Fit:
    """Grid over nonlinear parameters, then refine the best few; the best fit found."""
    thetas = family.grid(x, y, hints)
    fits = sorted((fit_theta(family, x, y, t) for t in thetas), key=lambda f: f.rss)
    if not fits:
        return Fit(family, (), np.zeros(1), np.inf, len(x), 0)
    if not family.smooth or not fits[0].theta:
        return fits[0]
    best = fits[0]
    for start in fits[:keep_best]:
        if not np.isfinite(start.rss):
            continue
        theta0 = np.array(start.theta)
        step = np.maximum(np.abs(theta0) * 0.05, 0.5)
        theta, _ = nelder_mead(lambda t: fit_theta(family, x, y, t).rss, theta0, step)
        refined = fit_theta(family, x, y, theta)
        if refined.rss < best.rss:
            best = refined
    return best


# --- bases --------------------------------------------------------------------------------
def _ones(x):
    return np.ones_like(x)


def _columns(*cols):
    return np.column_stack(cols)


def _poly_source(coef):
    terms = [g(c) if k == 0 else f"{g(c)} * x" if k == 1 else f"{g(c)} * x ** {k}"
             for k, c in enumerate(coef)]
    return " + ".join(terms)


def _poly_words(coef):
    degree = len(coef) - 1
    roots = np.roots(coef[::-1])
    real = sorted(r.real for r in roots if abs(r.imag) < 1e-6 * max(1.0, abs(r)) and abs(r.real) <= 200)
    where = f" crossing zero near x = {', '.join(w(r) for r in real)}" if real else ""
    return f"a polynomial of degree {degree}{where}"


def _poly_family(degree: int) -> Family:
    def basis(x, theta, extra):
        return _columns(*[x ** k for k in range(degree + 1)])

    return Family(f"polynomial{degree}", basis, lambda x, y, h: [()],
                  lambda t, c, e: _poly_source(c), lambda t, c, e: _poly_words(c))


def _midpoints(x: np.ndarray) -> list[float]:
    xs = np.unique(x)
    return list((xs[1:] + xs[:-1]) / 2)


def _sinusoid_grid(x, y, hints):
    return [(float(v),) for v in np.arange(0.01, 1.6, 0.0025)]


def _amplitude_phase(coef):
    amplitude = float(np.hypot(coef[0], coef[1]))
    return amplitude, float(np.arctan2(coef[1], coef[0]))


def _sinusoid_source(theta, coef, extra):
    amplitude, phase = _amplitude_phase(coef)
    return f"{g(amplitude)} * np.sin({g(theta[0])} * x + {g(phase)}) + {g(coef[2])}"


def _sinusoid_words(theta, coef, extra):
    amplitude, phase = _amplitude_phase(coef)
    return (f"a sine wave of amplitude {w(amplitude)}, period {w(2 * np.pi / theta[0])} "
            f"(frequency {w(theta[0])}), phase {w(phase)}, centred on {w(coef[2])}")


def _square_grid(x, y, hints):
    freqs = hints.get("frequencies", [])
    return [(f * s, p) for f in freqs for s in np.linspace(0.97, 1.03, 13)
            for p in np.linspace(-np.pi, np.pi, 90, endpoint=False)]


def _domain_grid(x, y, hints):
    low, high = hints.get("undefined_below", (None, None))
    if low is None:
        return []
    return [(float(c),) for c in np.linspace(low, high, 41)]


def _after(x, theta, strict):
    return x > theta[0] if strict else x >= theta[0]


FAMILIES: dict[str, Family] = {f.name: f for f in [
    Family("constant", lambda x, t, e: _columns(_ones(x)), lambda x, y, h: [()],
           lambda t, c, e: f"np.full_like(x, {g(c[0])})", lambda t, c, e: f"the constant {w(c[0])}"),
    Family("linear", lambda x, t, e: _columns(x, _ones(x)), lambda x, y, h: [()],
           lambda t, c, e: f"{g(c[0])} * x + {g(c[1])}",
           lambda t, c, e: f"a straight line with slope {w(c[0])} and intercept {w(c[1])}"),
    *[_poly_family(d) for d in (2, 3, 4, 5)],
    Family("absolute", lambda x, t, e: _columns(np.abs(x - t[0]), _ones(x)),
           lambda x, y, h: [(c,) for c in np.arange(-128, 129, 2.0)],
           lambda t, c, e: f"{g(c[0])} * np.abs(x - {g(t[0])}) + {g(c[1])}",
           lambda t, c, e: f"a V shape (absolute value) with its corner at x = {w(t[0])}, "
                           f"slope {w(c[0])} on each side, value {w(c[1])} at the corner"),
    Family("relu", lambda x, t, e: _columns(np.maximum(x - t[0], 0), np.minimum(x - t[0], 0), _ones(x)),
           lambda x, y, h: [(c,) for c in np.arange(-128, 129, 2.0)],
           lambda t, c, e: f"np.where(x > {g(t[0])}, {g(c[0])} * (x - {g(t[0])}), "
                           f"{g(c[1])} * (x - {g(t[0])})) + {g(c[2])}",
           lambda t, c, e: f"a hinge (leaky ReLU) at x = {w(t[0])}: slope {w(c[1])} below, "
                           f"{w(c[0])} above, value {w(c[2])} at the hinge"),
    Family("step", lambda x, t, e: _columns((x > t[0]).astype(float), _ones(x)),
           lambda x, y, h: [(m,) for m in _midpoints(x)],
           lambda t, c, e: f"np.where(x > {g(t[0])}, {g(c[0] + c[1])}, {g(c[1])})",
           lambda t, c, e: f"a step at x = {w(t[0])}: {w(c[1])} below, {w(c[0] + c[1])} above",
           smooth=False),
    Family("rectangle", lambda x, t, e: _columns(((x > t[0]) & (x < t[1])).astype(float), _ones(x)),
           lambda x, y, h: h.get("rectangles", []),
           lambda t, c, e: f"np.where((x > {g(t[0])}) & (x < {g(t[1])}), {g(c[0] + c[1])}, {g(c[1])})",
           lambda t, c, e: f"a rectangle: {w(c[0] + c[1])} for {w(t[0])} < x < {w(t[1])}, "
                           f"{w(c[1])} elsewhere", smooth=False),
    Family("tanh", lambda x, t, e: _columns(np.tanh((x - t[0]) / t[1]), _ones(x)),
           lambda x, y, h: [(c, s) for c in np.arange(-120, 121, 6.0)
                            for s in (1.5, 3, 5, 8, 12, 18, 26, 36, 50)],
           lambda t, c, e: f"{g(c[0])} * np.tanh((x - {g(t[0])}) / {g(t[1])}) + {g(c[1])}",
           lambda t, c, e: f"a tanh S-curve of height {w(c[0])} centred at x = {w(t[0])}, "
                           f"width {w(abs(t[1]))}, level {w(c[1])} at the centre"),
    Family("sinusoid", lambda x, t, e: _columns(np.sin(t[0] * x), np.cos(t[0] * x), _ones(x)),
           _sinusoid_grid, _sinusoid_source, _sinusoid_words),
    Family("square", lambda x, t, e: _columns(np.sign(np.sin(t[0] * x + t[1])), _ones(x)),
           _square_grid,
           lambda t, c, e: f"{g(c[0])} * np.sign(np.sin({g(t[0])} * x + {g(t[1])})) + {g(c[1])}",
           lambda t, c, e: f"a square wave between {w(c[1] - abs(c[0]))} and {w(c[1] + abs(c[0]))} "
                           f"with period {w(2 * np.pi / t[0])}", smooth=False),
    Family("reciprocal", lambda x, t, e: _columns(1.0 / (x - t[0]), _ones(x)),
           lambda x, y, h: [(c,) for c in np.arange(-128.25, 129, 0.5)],
           lambda t, c, e: f"{g(c[0])} / (x - {g(t[0])}) + {g(c[1])}",
           lambda t, c, e: f"a reciprocal {w(c[0])} / (x - {w(t[0])}) + {w(c[1])}, with a pole at "
                           f"x = {w(t[0])}"),
    Family("gaussian", lambda x, t, e: _columns(np.exp(-0.5 * ((x - t[0]) / t[1]) ** 2), _ones(x)),
           lambda x, y, h: [(m, s) for m in np.arange(-126, 127, 4.0) for s in (2, 4, 7, 11, 16, 24, 34, 48)],
           lambda t, c, e: f"{g(c[0])} * np.exp(-0.5 * ((x - {g(t[0])}) / {g(t[1])}) ** 2) + {g(c[1])}",
           lambda t, c, e: f"a gaussian {'bump' if c[0] > 0 else 'dip'} of height {w(abs(c[0]))} "
                           f"centred at x = {w(t[0])}, width (sd) {w(abs(t[1]))}, on a level of {w(c[1])}"),
    Family("rational", lambda x, t, e: _columns(x / ((x - t[0]) ** 2 + t[1] ** 2),
                                                 1.0 / ((x - t[0]) ** 2 + t[1] ** 2), _ones(x)),
           lambda x, y, h: [(p, q) for p in np.arange(-100, 101, 8.0) for q in (3, 6, 10, 15, 22, 32, 45)],
           lambda t, c, e: f"({g(c[0])} * x + {g(c[1])}) / ((x - {g(t[0])}) ** 2 + {g(t[1] ** 2)}) + {g(c[2])}",
           lambda t, c, e: f"a rational bump ({w(c[0])} x + {w(c[1])}) / ((x - {w(t[0])})^2 + "
                           f"{w(t[1] ** 2)}) + {w(c[2])}, which fades to {w(c[2])} far from x = {w(t[0])}"),
    Family("root", lambda x, t, e: _columns(np.sqrt(np.maximum(x - t[0], 0)), _ones(x)), _domain_grid,
           lambda t, c, e: f"{g(c[0])} * np.sqrt(np.maximum(x - {g(t[0])}, 0)) + {g(c[1])}",
           lambda t, c, e: f"a square root {w(c[0])} * sqrt(x - {w(t[0])}) + {w(c[1])}, "
                           f"undefined for x < {w(t[0])}",
           defined=lambda x, t: _after(x, t, strict=False)),
    Family("logarithm", lambda x, t, e: _columns(np.log(np.maximum(x - t[0], 1e-300)), _ones(x)),
           _domain_grid,
           lambda t, c, e: f"{g(c[0])} * np.log(np.maximum(x - {g(t[0])}, 1e-12)) + {g(c[1])}",
           lambda t, c, e: f"a logarithm {w(c[0])} * ln(x - {w(t[0])}) + {w(c[1])}, "
                           f"undefined for x <= {w(t[0])}",
           defined=lambda x, t: _after(x, t, strict=True)),
]}


def rectangles(x: np.ndarray, y: np.ndarray, limit: int = 60) -> list[tuple[float, float]]:
    """Candidate (lo, hi) pairs for a rectangle: edges where the data jumps the most."""
    order = np.argsort(x)
    xs, ys = x[order], y[order]
    jumps = np.abs(np.diff(ys))
    edges = [(xs[i] + xs[i + 1]) / 2 for i in np.argsort(jumps)[::-1][:12]]
    return [(lo, hi) for lo in edges for hi in edges if lo < hi][:limit]


def criterion(fit: Fit, floor: float) -> float:
    """BIC with a noise floor, so exact fits of different families compare sensibly."""
    return fit.n * np.log(fit.rss / fit.n + floor ** 2) + fit.params * np.log(fit.n)


def piecewise(knots: list[float]) -> Family:
    """Straight pieces joined at kinks: the shape of a small ReLU network."""
    def basis(x, theta, extra):
        return _columns(_ones(x), x, *[np.maximum(x - k, 0) for k in knots])

    def source(theta, coef, extra):
        kinks = " + ".join(f"{g(c)} * np.maximum(x - {g(k)}, 0)" for c, k in zip(coef[2:], knots))
        return f"{g(coef[0])} + {g(coef[1])} * x" + (f" + {kinks}" if kinks else "")

    def words(theta, coef, extra):
        return f"piecewise linear with {len(knots)} kinks (at x = {', '.join(w(k) for k in knots[:8])}" \
               f"{', ...' if len(knots) > 8 else ''})"

    return Family("piecewise", basis, lambda x, y, h: [()], source, words)


def combined(first: Family, second: Family, first_theta_len: int) -> Family:
    """The sum of two families; the second family's constant column is dropped."""
    probe = np.linspace(-127.3, 127.9, 61)

    def keep(theta):
        """Which of the second family's columns to use: all but its constant one."""
        return ~np.all(second.basis(probe, theta[first_theta_len:], {}) == 1.0, axis=0)

    def basis(x, theta, extra):
        a = first.basis(x, theta[:first_theta_len], {})
        b = second.basis(x, theta[first_theta_len:], {})
        return np.column_stack([a, b[:, keep(theta)]])

    def split(theta, coef):
        mask = keep(theta)
        width = len(coef) - int(mask.sum())
        coef_b = np.zeros(len(mask))
        coef_b[mask] = coef[width:]
        return (theta[:first_theta_len], coef[:width]), (theta[first_theta_len:], coef_b)

    def source(theta, coef, extra):
        (ta, ca), (tb, cb) = split(theta, coef)
        return f"({first.source(ta, ca, {})}) + ({second.source(tb, cb, {})})"

    def words(theta, coef, extra):
        (ta, ca), (tb, cb) = split(theta, coef)
        return f"the sum of [{first.words(ta, ca, {})}] and [{second.words(tb, cb, {})}]"

    return Family(f"{first.name}+{second.name}", basis, lambda x, y, h: [()], source, words,
                  smooth=first.smooth and second.smooth)

