"""Closed-form model families the numeric scientist fits to its observations.

Each family splits its parameters into nonlinear ones (searched on a grid, then refined with
Nelder-Mead) and linear ones (solved exactly by least squares for every nonlinear choice:
"variable projection"). A fitted model renders itself as numpy source and plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from find_lab import english

DOMAIN = (-128.0, 128.0)


def g(value: float, digits: int = 8) -> str:
    """A float for source code: enough digits to be exact for scoring, no more."""
    return f"{float(value):.{digits}g}"


def w(value: float) -> str:
    """A float for prose."""
    return f"{float(value):.3g}"


def w_plus(value: float) -> str:
    """A term added in prose, signed as a person writes it: "+ 0.13", "- 4.15"."""
    return f"- {w(-value)}" if float(value) < 0 else f"+ {w(value)}"


def w_shift(centre: float) -> str:
    """`x` less a centre in prose: "x - 68.1", "x + 3"."""
    return "x " + w_plus(-centre)


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
        return self.family.columns(np.asarray(x, float), self.theta, self.extra) @ self.coef

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
    fitter: Callable | None = None   # (family, x, y, hints) -> Fit, for families fitted their own way
    parts: tuple = ()                # a sum's (first, second, first's theta length)

    def columns(self, x: np.ndarray, theta: tuple, extra: dict) -> np.ndarray:
        """The design matrix; a pole or log of zero is an inf/nan to reject, not a warning."""
        with np.errstate(all="ignore"):
            return self.basis(x, theta, extra)


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
    design = family.columns(x, theta, extra)
    coef, rss = solve(design, y)
    if np.isfinite(rss) and len(y):
        # terms far larger than the data cancel each other: written with 8 digits they would not
        reach = float(np.max(np.abs(design).max(axis=0) * np.abs(coef)))
        if reach > 1e4 * (float(np.max(np.abs(y))) or 1.0):
            rss = np.inf
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
    if family.fitter:
        return family.fitter(family, x, y, hints)
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


# --- frequencies --------------------------------------------------------------------------
def periodogram(x: np.ndarray, y: np.ndarray, omegas: np.ndarray, degree: int = 1,
                modulation: int = 0) -> np.ndarray:
    """For each angular frequency, the share of the variance left by a polynomial trend of
    `degree` that a sinusoid at that frequency explains (least squares, any phase). With
    `modulation` 1 its amplitude may also change linearly along x, which keeps the peak where it
    belongs for a wave multiplied by a line (a plain sinusoid splits it in two)."""
    x, y, omegas = np.asarray(x, float), np.asarray(y, float), np.asarray(omegas, float)
    u = (x - x.mean()) / (np.ptp(x) or 1.0)
    trend = np.vander(u, degree + 1)
    pinv = np.linalg.pinv(trend)
    residual = y - trend @ (pinv @ y)
    total = float(residual @ residual)
    shares = np.zeros(len(omegas))
    if total <= 0 or not len(omegas):
        return shares
    envelopes = [u ** k for k in range(modulation + 1)]
    for start in range(0, len(omegas), 1024):
        phase = np.outer(omegas[start:start + 1024], x)
        waves = (np.sin(phase), np.cos(phase))
        columns = [c - (c @ pinv.T) @ trend.T for e in envelopes for c in (waves[0] * e, waves[1] * e)]
        design = np.stack(columns, axis=2)
        across = design.transpose(0, 2, 1)   # batched products: far faster than einsum here
        gram = across @ design
        right = across @ residual
        ridge = 1e-9 * (np.trace(gram, axis1=1, axis2=2)[:, None, None] + 1e-300) * np.eye(gram.shape[1])
        coef = np.linalg.solve(gram + ridge, right[..., None])[..., 0]
        shares[start:start + 1024] = np.clip(np.einsum("mk,mk->m", coef, right) / total, 0.0, 1.0)
    return shares


def dense_runs(x: np.ndarray, max_gap: float = 0.5, min_points: int = 16) -> list[np.ndarray]:
    """Index arrays (into sorted x) of stretches probed densely: a zoomed-in window."""
    gaps = np.diff(x)
    edges = np.flatnonzero(gaps > max_gap)
    starts, stops = np.r_[0, edges + 1], np.r_[edges + 1, len(x)]
    return [np.arange(a, b) for a, b in zip(starts, stops) if b - a >= min_points]


def _peaks(shares: np.ndarray, count: int) -> list[int]:
    """Indices of the highest local maxima."""
    if len(shares) < 3:
        return list(np.argsort(shares)[::-1][:count])
    inner = np.flatnonzero((shares[1:-1] >= shares[:-2]) & (shares[1:-1] >= shares[2:])) + 1
    return list(inner[np.argsort(shares[inner])[::-1][:count]])


def frequency_candidates(x: np.ndarray, y: np.ndarray, count: int = 3) -> list[tuple[float, float]]:
    """Angular frequencies worth trying, as (omega, share of variance explained), best first.

    Slow oscillations show in the whole data set; oscillations faster than the sweep spacing
    only in densely probed windows, whose own periodogram has no aliases. Each window's
    best frequencies are then sharpened against every point, which fixes the phase across
    the whole range.
    """
    order = np.argsort(x)
    x, y = np.asarray(x, float)[order], np.asarray(y, float)[order]
    if len(x) < 8:
        return []
    span = float(np.ptp(x)) or 1.0
    fine = 2 * np.pi / span / 8
    spacing = float(np.percentile(np.diff(x), 75)) or 1.0
    coarse = np.arange(fine, np.pi / spacing, fine)
    shares = periodogram(x, y, coarse, modulation=1)
    found = [(float(coarse[i]), float(shares[i])) for i in _peaks(shares, 3)]
    for run in dense_runs(x):
        wx, wy = x[run], y[run]
        width = float(np.ptp(wx))
        local = np.arange(2 * np.pi / width / 2, np.pi / float(np.median(np.diff(wx))),
                          2 * np.pi / width / 16)
        local_shares = periodogram(wx, wy, local, degree=2)
        for i in _peaks(local_shares, 2):
            if local_shares[i] < 0.15:  # a window of 40 noisy points explains less by chance
                continue
            band = np.arange(local[i] - 2 * np.pi / width, local[i] + 2 * np.pi / width, fine)
            band = band[band > 0]
            band_shares = periodogram(x, y, band, modulation=1)
            j = int(np.argmax(band_shares))
            found.append((float(band[j]), float(band_shares[j])))
    found.sort(key=lambda item: -item[1])
    distinct: list[tuple[float, float]] = []
    for omega, share in found:
        if all(abs(omega - other) > 2 * fine for other, _ in distinct):
            distinct.append((omega, share))
    return distinct[:count]


# --- bases --------------------------------------------------------------------------------
def _ones(x):
    return np.ones_like(x)


def _columns(*cols):
    return np.column_stack(cols)


def _poly_source(coef):
    terms = [g(c) if k == 0 else f"{g(c)} * x" if k == 1 else f"{g(c)} * x ** {k}"
             for k, c in enumerate(coef) if c != 0 or k == 0]
    return " + ".join(terms)


def degree_of(coef) -> int:
    """The highest power with a nonzero coefficient (-1 when every one is zero)."""
    nonzero = np.flatnonzero(np.asarray(coef, float) != 0)
    return int(nonzero[-1]) if len(nonzero) else -1


def _poly_words(coef, scale: float = 1.0):
    """A polynomial in words, by the powers it really has (a zero top coefficient is no degree)."""
    coef = np.asarray(coef, float)
    degree = degree_of(coef)
    if degree <= 0:
        return f"the constant {w(coef[0] if len(coef) else 0.0)}"
    if degree == 1:
        return f"a straight line with slope {w(coef[1] / scale)} and intercept {w(coef[0])}"
    coef = coef[:degree + 1]
    roots = np.roots(coef[::-1]) * scale
    real = sorted(r.real for r in roots if abs(r.imag) < 1e-6 * max(1.0, abs(r)) and abs(r.real) <= 200)
    where = f" crossing zero near x = {', '.join(w(r) for r in real)}" if real else ""
    return f"a polynomial of degree {degree}{where}"


def _poly_family(degree: int) -> Family:
    def basis(x, theta, extra):
        return _columns(*[x ** k for k in range(degree + 1)])

    return Family(f"polynomial{degree}", basis, lambda x, y, h: [()],
                  lambda t, c, e: _poly_source(c), lambda t, c, e: _poly_words(c))


def _scaled_poly_family(degree: int) -> Family:
    """A polynomial of high degree (a product of two polynomials), in powers of x / 128 so the
    columns stay comparable in size."""
    def basis(x, theta, extra):
        return _columns(*[(x / SCALE) ** k for k in range(degree + 1)])

    def source(t, c, e):
        return " + ".join([g(c[0])] + [f"{g(v)} * (x / {g(SCALE)}) ** {k}" for k, v in enumerate(c)
                                       if k and v != 0])

    return Family(f"polynomial{degree}", basis, lambda x, y, h: [()], source,
                  lambda t, c, e: _poly_words(c, SCALE))


def _midpoints(x: np.ndarray) -> list[float]:
    xs = np.unique(x)
    return list((xs[1:] + xs[:-1]) / 2)


def _amplitude_phase(theta, coef):
    """a sin(w x) + b cos(w x) as A sin(|w| x + p), with A >= 0 and |w|."""
    omega, a, b = float(theta[0]), float(coef[0]), float(coef[1])
    if omega < 0:
        omega, a = -omega, -a
    return omega, float(np.hypot(a, b)), float(np.arctan2(b, a))


def _sinusoid_source(theta, coef, extra):
    omega, amplitude, phase = _amplitude_phase(theta, coef)
    return f"{g(amplitude)} * np.sin({g(omega)} * x + {g(phase)}) + {g(coef[2])}"


def _sinusoid_words(theta, coef, extra):
    omega, amplitude, phase = _amplitude_phase(theta, coef)
    return (f"a sine wave of amplitude {w(amplitude)}, period {w(2 * np.pi / omega)} "
            f"(frequency {w(omega)}), phase {w(phase)}, centred on {w(coef[2])}")


def _sinusoid_grid(x, y, hints):
    return [(float(f),) for f in hints.get("frequencies", [])]


SCALE = 128.0  # polynomial parts of the square-wave families are written in x / 128
MIN_SQUARE_OMEGA = 2 * np.pi * 4 / 256  # a square wave shows at least four periods in [-128, 128]
SEARCH_DEGREE = 3


def _square_family(degree: int) -> Family:
    """A square wave sign(sin(w x + p)) whose height and centre line are polynomials of
    `degree` (0: a plain square wave; 1: a square wave times a line, plus a line; ...)."""

    def basis(x, t, e):
        wave = np.sign(np.sin(t[0] * x + t[1]))
        powers = [(x / SCALE) ** k for k in range(degree + 1)]
        return _columns(*[wave * p for p in powers], *powers)

    def poly(coef):
        terms = [g(coef[0])] + [f"{g(c)} * (x / {g(SCALE)}) ** {k}" if k > 1 else f"{g(c)} * (x / {g(SCALE)})"
                                for k, c in enumerate(coef) if k and c != 0]
        return " + ".join(terms)

    def source(t, c, e):
        wave = f"np.sign(np.sin({g(t[0])} * x + {g(t[1])}))"
        if degree_of(c[:degree + 1]) < 0:
            return f"{poly(c[degree + 1:])} + 0 * x"
        if degree == 0:
            return f"{g(c[0])} * {wave} + {g(c[1])}"
        return f"({poly(c[:degree + 1])}) * {wave} + ({poly(c[degree + 1:])})"

    def words(t, c, e):
        period = w(2 * np.pi / t[0])
        height, centre = np.asarray(c[:degree + 1], float), np.asarray(c[degree + 1:], float)
        if degree_of(height) < 0:       # no wave left: only its centre line
            return _poly_words(centre, SCALE)
        if degree_of(height) == 0 and degree_of(centre) <= 0:
            return (f"a square wave between {w(centre[0] - abs(height[0]))} and "
                    f"{w(centre[0] + abs(height[0]))} with period {period} "
                    f"(the sign of sin({w(t[0])} x {w_plus(t[1])}))")

        def shape(coef):
            k = degree_of(coef)
            return "a constant" if k <= 0 else "a line" if k == 1 else f"a polynomial of degree {k}"
        return (f"a square wave of period {period} (the sign of sin({w(t[0])} x {w_plus(t[1])})) "
                f"whose height follows {shape(height)}, around a centre line that is {shape(centre)}")

    name = "square" if degree == 0 else f"square*poly{degree}"
    return Family(name, basis, lambda x, y, h: [], source, words, smooth=False,
                  fitter=lambda family, x, y, hints: _fit_square(family, degree, x, y, hints))


def _square_rss(waves: np.ndarray, powers: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares residual of y on [wave * powers, powers] for each row of `waves` (M, N).

    Every Gram block is a matrix product with the fixed outer products of the powers, so the
    thousands of candidate waves cost a few BLAS calls, not a batched einsum."""
    n, k = powers.shape
    outer = (powers[:, :, None] * powers[:, None, :]).reshape(n, k * k)
    m = len(waves)
    gram = np.empty((m, 2 * k, 2 * k))
    gram[:, :k, :k] = ((waves * waves) @ outer).reshape(m, k, k)
    gram[:, :k, k:] = gram[:, k:, :k] = (waves @ outer).reshape(m, k, k)
    gram[:, k:, k:] = powers.T @ powers
    right = np.concatenate([waves @ (powers * y[:, None]), np.broadcast_to(powers.T @ y, (m, k))],
                           axis=1)
    return _solve_rss(gram, right, y)


def _solve_rss(gram: np.ndarray, right: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Residual sums of squares from stacked normal equations (a tiny ridge keeps them solvable)."""
    ridge = 1e-10 * (np.trace(gram, axis1=1, axis2=2)[:, None, None] + 1e-300) * np.eye(gram.shape[1])
    coef = np.linalg.solve(gram + ridge, right[..., None])[..., 0]
    return float(y @ y) - np.einsum("mk,mk->m", coef, right)


def _shrinking_search(cost, omega0: float, pivot: float, rounds: int = 9,
                      beam: int = 3) -> tuple[float, float]:
    """Minimise cost(omegas, phases) -> residuals over grids that narrow around the best points.

    A square wave's residual is a step function of (w, p): nothing to differentiate, but grids
    that narrow around their few best points find the small region consistent with every edge.
    The phase is searched at `pivot`, where the probes are densest: there the edges are known
    best, so the region of good (w, phase) is not a thin slanted strip."""
    omega_half, phase_half = 0.008, np.pi / 2
    centres = [(omega0, np.pi / 2)]
    for _ in range(rounds):
        grid_o, grid_q = [], []
        for omega, local in centres:
            omegas = omega + np.linspace(-omega_half, omega_half, 9)
            locals_ = local + np.linspace(-phase_half, phase_half, 17)
            grid_o.append(np.repeat(omegas, len(locals_)))
            grid_q.append(np.tile(locals_, len(omegas)))
        grid_o, grid_q = np.concatenate(grid_o), np.concatenate(grid_q)
        rss = np.where(grid_o > 0, cost(np.abs(grid_o), grid_q - np.abs(grid_o) * pivot), np.inf)
        order = np.argsort(rss, kind="stable")
        centres = []
        for i in order:
            point = (float(grid_o[i]), float(grid_q[i]))
            if all(abs(point[0] - o) > omega_half / 8 or abs(point[1] - q) > phase_half / 16
                   for o, q in centres):
                centres.append(point)
            if len(centres) == beam:
                break
        omega_half, phase_half = omega_half / 2, phase_half / 2
    omega, local = centres[0]
    return omega, float(np.mod(local - omega * pivot + np.pi, 2 * np.pi) - np.pi)


def _max_margin(x: np.ndarray, labels: np.ndarray, omega: float, phase: float,
                half_width: float = 0.006) -> tuple[float, float]:
    """The (w, p) that keeps every labelled point on its side of the wave with the widest margin.

    Each point must keep sin(w x + p) of its label's sign: w x + p stays inside one half period,
    a pair of linear constraints. For a fixed w the allowed phases form an interval; its width
    is concave in w, so a golden-section search finds the w with the most room, and the phase
    is the middle of its interval. Exact where a grid cannot be: the region that fits every
    edge can be far narrower than any grid step."""
    theta = omega * x + phase
    shift = np.where(labels > 0, 0.0, np.pi)
    k = np.round((theta - shift - np.pi / 2) / (2 * np.pi))
    low = 2 * np.pi * k + shift
    high = low + np.pi

    def room(w):
        return float(np.min(high - w * x) - np.max(low - w * x))

    a, b = omega - half_width, omega + half_width
    ratio = (np.sqrt(5) - 1) / 2
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    for _ in range(60):
        if room(c) > room(d):
            b, d = d, c
            c = b - ratio * (b - a)
        else:
            a, c = c, d
            d = a + ratio * (b - a)
    best = (a + b) / 2
    return best, float((np.min(high - best * x) + np.max(low - best * x)) / 2)


def _phase_bounds(x: np.ndarray, labels: np.ndarray, omega: float, phase: float):
    """For the branch of each point that (omega, phase) puts it on: the bounds of w x + p that
    keep it on its label's side of the wave, as a function room(w) -> (lowest p, highest p)."""
    theta = omega * x + phase
    shift = np.where(labels > 0, 0.0, np.pi)
    k = np.round((theta - shift - np.pi / 2) / (2 * np.pi))
    low = 2 * np.pi * k + shift
    high = low + np.pi
    return lambda w: (float(np.max(low - w * x)), float(np.min(high - w * x)))


def _round_numbers(a: float, b: float, decimals: int) -> np.ndarray:
    scale = 10.0 ** decimals
    return np.arange(np.ceil(a * scale), np.floor(b * scale) + 1) / scale


def _roundest_square(x: np.ndarray, labels: np.ndarray, omega: float, phase: float,
                     half_width: float = 0.006) -> tuple[float, float] | None:
    """The (w, p) with the fewest decimals in all that keep every labelled point on its side.

    Every such wave fits the probes equally well; FIND writes its parameters with a decimal or
    few, and the roundest consistent pair is then the true one, exactly, between the probes too."""
    bounds = _phase_bounds(x, labels, omega, phase)
    lo, hi = bounds(omega)
    if not lo < hi:
        return None
    ends = []
    for side in (-1, 1):
        inside, outside = omega, omega + side * half_width
        for _ in range(40):
            middle = (inside + outside) / 2
            a, b = bounds(middle)
            inside, outside = (middle, outside) if a < b else (inside, middle)
        ends.append(inside)
    best, best_cost = None, 13
    for w_decimals in range(1, 7):
        if w_decimals >= best_cost:
            break
        ws = _round_numbers(ends[0], ends[1], w_decimals)
        for w in sorted(ws, key=lambda v: abs(v - omega))[:5]:
            a, b = bounds(w)
            for n in (0, -1, 1):
                for p_decimals in range(0, best_cost - w_decimals):
                    ps = _round_numbers(a + n * np.pi, b + n * np.pi, p_decimals)
                    ps = ps[(ps > a + n * np.pi) & (ps < b + n * np.pi)]
                    if len(ps):
                        p = float(min(ps, key=abs))
                        if w_decimals + p_decimals < best_cost:
                            best, best_cost = (float(w), p + 0.0), w_decimals + p_decimals
                        break
    return best


def _polish_square(family: Family, x, y, fit: Fit, degree: int) -> Fit:
    """Sharpen a square-wave fit: label every point by the side of the wave the fit puts it on
    (its value against the fitted centre line and height), then place (w, p) to fit the labels
    with the widest margin. Repeated while it helps."""
    for _ in range(3):
        coef = fit.coef
        powers = np.column_stack([(x / SCALE) ** k for k in range(degree + 1)])
        height, centre = powers @ coef[:degree + 1], powers @ coef[degree + 1:]
        usable = np.abs(height) > 1e-9 * (np.max(np.abs(height)) or 1.0)
        if usable.sum() < 4:
            return fit
        labels = np.sign((y[usable] - centre[usable]) / height[usable])
        omega, phase = _max_margin(x[usable], labels, fit.theta[0], fit.theta[1])
        trial = fit_theta(family, x, y, (omega, phase))
        if not trial.rss < fit.rss:
            break
        fit = trial
    return _round_square(family, x, y, fit, degree)


def _round_square(family: Family, x, y, fit: Fit, degree: int) -> Fit:
    """The fit at the roundest (w, p) that leaves every point on the side the fit puts it."""
    coef = fit.coef
    powers = np.column_stack([(x / SCALE) ** k for k in range(degree + 1)])
    height, centre = powers @ coef[:degree + 1], powers @ coef[degree + 1:]
    usable = np.abs(height) > 1e-9 * (np.max(np.abs(height)) or 1.0)
    if usable.sum() < 4 or not np.isfinite(fit.rss):
        return fit
    labels = np.sign((y[usable] - centre[usable]) / height[usable])
    found = _roundest_square(x[usable], labels, fit.theta[0], fit.theta[1])
    if found is None:
        return fit
    trial = fit_theta(family, x, y, found)
    return trial if trial.rss <= fit.rss * (1 + 1e-9) + 1e-20 * float(y @ y) else fit


def _densest(x: np.ndarray, width: float = 4.0) -> float:
    """The centre of the stretch of `width` holding the most probes."""
    xs = np.sort(x)
    counts = np.searchsorted(xs, xs + width) - np.arange(len(xs))
    i = int(np.argmax(counts))
    return float((xs[i] + xs[min(i + counts[i], len(xs)) - 1]) / 2)


def _fit_square(family: Family, degree: int, x, y, hints) -> Fit:
    """The best square wave near each candidate frequency (see `_shrinking_search`).

    The frequency and phase are searched once per data set, with a height and centre line of
    degree SEARCH_DEGREE, and shared by the square families of every degree."""
    if "square_thetas" not in hints:
        powers = np.column_stack([(x / SCALE) ** k for k in range(SEARCH_DEGREE + 1)])

        def cost(omegas, phases):
            return _square_rss(np.sign(np.sin(np.outer(omegas, x) + phases[:, None])), powers, y)

        pivot = _densest(x)
        hints["square_thetas"] = [_shrinking_search(cost, omega0, pivot) for omega0 in
                                  [f for f in hints.get("frequencies", []) if f >= MIN_SQUARE_OMEGA][:2]]
    best = None
    for theta in hints["square_thetas"]:
        fit = _polish_square(family, x, y, fit_theta(family, x, y, theta), degree)
        if best is None or fit.rss < best.rss:
            best = fit
    return best or Fit(family, (), np.zeros(1), np.inf, len(x), 0)


def _domain_grid(x, y, hints):
    low, high = hints.get("undefined_below", (None, None))
    if low is None:
        return []
    return [(float(c),) for c in np.linspace(low, high, 41)]


def _after(x, theta, strict):
    return x > theta[0] if strict else x >= theta[0]


def _gaussian_grid(x, y, hints):
    grid = [(m, s) for m in np.arange(-126, 127, 4.0) for s in (2, 4, 7, 11, 16, 24, 34, 48)]
    for c in hints.get("bumps", [])[:3]:
        grid += [(c + d, s) for d in (-1.0, -0.5, 0.0, 0.5, 1.0) for s in (0.6, 1.0, 1.5, 2.0, 3.0, 5.0)]
    return grid


FAMILIES: dict[str, Family] = {f.name: f for f in [
    Family("constant", lambda x, t, e: _columns(_ones(x)), lambda x, y, h: [()],
           lambda t, c, e: f"np.full_like(x, {g(c[0])})", lambda t, c, e: f"the constant {w(c[0])}"),
    Family("linear", lambda x, t, e: _columns(x, _ones(x)), lambda x, y, h: [()],
           lambda t, c, e: f"{g(c[0])} * x + {g(c[1])}",
           lambda t, c, e: f"a straight line with slope {w(c[0])} and intercept {w(c[1])}"),
    *[_poly_family(d) for d in (2, 3, 4, 5)],
    *[_scaled_poly_family(d) for d in (6, 8, 10)],
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
    *[_square_family(d) for d in (0, 1, 2, 3, 5)],
    Family("reciprocal", lambda x, t, e: _columns(1.0 / (x - t[0]), _ones(x)),
           lambda x, y, h: [(c,) for c in np.arange(-128.25, 129, 0.5)],
           lambda t, c, e: f"{g(c[0])} / (x - {g(t[0])}) + {g(c[1])}",
           lambda t, c, e: f"a reciprocal {w(c[0])} / ({w_shift(t[0])}) {w_plus(c[1])}, with a pole at "
                           f"x = {w(t[0])}"),
    Family("gaussian", lambda x, t, e: _columns(np.exp(-0.5 * ((x - t[0]) / t[1]) ** 2), _ones(x)),
           _gaussian_grid,
           lambda t, c, e: f"{g(c[0])} * np.exp(-0.5 * ((x - {g(t[0])}) / {g(t[1])}) ** 2) + {g(c[1])}",
           lambda t, c, e: f"a gaussian {'bump' if c[0] > 0 else 'dip'} of height {w(abs(c[0]))} "
                           f"centred at x = {w(t[0])}, width (sd) {w(abs(t[1]))}, on a level of {w(c[1])}"),
    Family("rational", lambda x, t, e: _columns(x / ((x - t[0]) ** 2 + t[1] ** 2),
                                                 1.0 / ((x - t[0]) ** 2 + t[1] ** 2), _ones(x)),
           lambda x, y, h: [(p, q) for p in np.arange(-100, 101, 8.0) for q in (3, 6, 10, 15, 22, 32, 45)],
           lambda t, c, e: f"({g(c[0])} * x + {g(c[1])}) / ((x - {g(t[0])}) ** 2 + {g(t[1] ** 2)}) + {g(c[2])}",
           lambda t, c, e: f"a rational bump ({w(c[0])} x {w_plus(c[1])}) / (({w_shift(t[0])})^2 + "
                           f"{w(t[1] ** 2)}) {w_plus(c[2])}, which fades to {w(c[2])} far from x = {w(t[0])}"),
    Family("root", lambda x, t, e: _columns(np.sqrt(np.maximum(x - t[0], 0)), _ones(x)), _domain_grid,
           lambda t, c, e: f"{g(c[0])} * np.sqrt(np.maximum(x - {g(t[0])}, 0)) + {g(c[1])}",
           lambda t, c, e: f"a square root {w(c[0])} * sqrt({w_shift(t[0])}) {w_plus(c[1])}, "
                           f"undefined for x < {w(t[0])}",
           defined=lambda x, t: _after(x, t, strict=False)),
    Family("logarithm", lambda x, t, e: _columns(np.log(np.maximum(x - t[0], 1e-300)), _ones(x)),
           _domain_grid,
           lambda t, c, e: f"{g(c[0])} * np.log(np.maximum(x - {g(t[0])}, 1e-12)) + {g(c[1])}",
           lambda t, c, e: f"a logarithm {w(c[0])} * ln({w_shift(t[0])}) {w_plus(c[1])}, "
                           f"undefined for x <= {w(t[0])}",
           defined=lambda x, t: _after(x, t, strict=True)),
]}


def rectangles(x: np.ndarray, y: np.ndarray, limit: int = 60,
               centres: list[float] = ()) -> list[tuple[float, float]]:
    """Candidate (lo, hi) pairs for a rectangle: edges where the data jumps the most, and
    (under noise, where single jumps mean little) windows around likely local features."""
    order = np.argsort(x)
    xs, ys = x[order], y[order]
    jumps = np.abs(np.diff(ys))
    edges = [(xs[i] + xs[i + 1]) / 2 for i in np.argsort(jumps)[::-1][:12]]
    pairs = [(lo, hi) for lo in edges for hi in edges if lo < hi][:limit]
    return pairs + [(c - width / 2, c + width / 2) for c in list(centres)[:2]
                    for width in (1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0)]


def bump_centres(x: np.ndarray, y: np.ndarray, count: int = 3,
                 widths: tuple = (1.0, 2.0, 4.0)) -> list[float]:
    """Where a local feature most likely sits: the largest departures from a smooth trend,
    averaged over a few units with gaussian weights (a matched filter), best first, apart."""
    order = np.argsort(x)
    xs, ys = np.asarray(x, float)[order], np.asarray(y, float)[order]
    if len(xs) < 12:
        return []
    trend = np.vander(xs / 128.0, 4)
    residual = ys - trend @ np.linalg.lstsq(trend, ys, rcond=None)[0]
    grid = np.arange(xs[0], xs[-1] + 1e-9, 0.25)
    score = np.zeros(len(grid))
    for width in widths:
        for start in range(0, len(grid), 256):
            kernel = np.exp(-0.5 * ((grid[start:start + 256, None] - xs[None, :]) / width) ** 2)
            norm = np.sqrt(np.sum(kernel ** 2, axis=1)) + 1e-300
            score[start:start + 256] = np.maximum(score[start:start + 256],
                                                  np.abs(kernel @ residual) / norm)
    found: list[float] = []
    for i in np.argsort(score)[::-1]:
        if all(abs(grid[i] - c) > 6.0 for c in found):
            found.append(float(grid[i]))
        if len(found) == count:
            break
    return found




def simpler(fit: Fit, x: np.ndarray, y: np.ndarray) -> list[Fit]:
    """The fit's nested simpler models, refitted: each part of a sum alone, a square wave's
    centre line without the wave or with a lower-degree height, a polynomial of lower degree,
    any shaped family's level alone. A component the data do not need is then dropped by the
    same criterion that chose it, and never described."""
    family, theta = fit.family, fit.theta
    name = family.name
    out = []
    if family.parts:
        first, second, k = family.parts
        out += [fit_theta(first, x, y, theta[:k]), fit_theta(second, x, y, theta[k:])]
    elif name.endswith("kinks"):
        return []
    elif name.startswith("square"):
        degree = int(name[len("square*poly"):]) if "*" in name else 0
        out += [fit_theta(FAMILIES[n], x, y, theta) for n in FAMILIES
                if n.startswith("square") and n != name and
                (int(n[len("square*poly"):]) if "*" in n else 0) < degree]
        out.append(fit_theta(polynomial_family(degree), x, y, ()))
    elif name.startswith("polynomial"):
        degree = int(name[len("polynomial"):])
        out += [fit_theta(polynomial_family(d), x, y, ()) for d in range(degree)]
    elif name == "linear":
        out.append(fit_theta(FAMILIES["constant"], x, y, ()))
    elif name != "constant" and family.defined is None:
        out += [fit_theta(FAMILIES["constant"], x, y, ()), fit_theta(FAMILIES["linear"], x, y, ())]
    return [f for f in out if np.isfinite(f.rss)]


def polynomial_family(degree: int) -> Family:
    """The plain family for a polynomial of `degree`: the constant, a line, or a polynomial."""
    return FAMILIES["constant" if degree <= 0 else "linear" if degree == 1 else
                    f"polynomial{degree}" if f"polynomial{degree}" in FAMILIES else "polynomial5"]


def criterion(fit: Fit, floor: float) -> float:
    """BIC with a noise floor, so exact fits of different families compare sensibly."""
    return fit.n * np.log(fit.rss / fit.n + floor ** 2) + fit.params * np.log(fit.n)


def kinked(base: Fit, knots: list[float]) -> Family:
    """A fitted model, rescaled, plus straight-line corrections joined at kinks (the shape a
    small ReLU network adds). The base is frozen: only its scale and the pieces are fitted."""
    def basis(x, theta, extra):
        return _columns(base.predict(x), _ones(x), x, *[np.maximum(x - k, 0) for k in knots])

    def source(theta, coef, extra):
        kinks = "".join(f" + {g(c)} * np.maximum(x - {g(k)}, 0)" for c, k in zip(coef[3:], knots))
        return f"{g(coef[0])} * ({base.source()}) + {g(coef[1])} + {g(coef[2])} * x{kinks}"

    def words(theta, coef, extra):
        where = ", ".join(w(k) for k in sorted(knots)[:8]) + (", ..." if len(knots) > 8 else "")
        return (f"{base.words()}, with piecewise-linear corrections at {english.count(len(knots), 'kink')} "
                f"(x = {where})")

    return Family(f"{base.family.name}+kinks", basis, lambda x, y, h: [()], source, words, smooth=False)


def combined(first: Family, second: Family, first_theta_len: int) -> Family:
    """The sum of two families; the second family's constant column is dropped."""
    probe = np.linspace(-127.3, 127.9, 61)

    def keep(theta):
        """Which of the second family's columns to use: all but its constant one."""
        return ~np.all(second.columns(probe, theta[first_theta_len:], {}) == 1.0, axis=0)

    def basis(x, theta, extra):  # reached through Family.columns, already under np.errstate
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
        if not np.any(np.asarray(cb) != 0):
            return f"{first.source(ta, ca, {})} + 0 * x"
        return f"({first.source(ta, ca, {})}) + ({second.source(tb, cb, {})})"

    def words(theta, coef, extra):
        (ta, ca), (tb, cb) = split(theta, coef)
        if not np.any(np.asarray(cb) != 0):
            return first.words(ta, ca, {})
        return f"the sum of [{first.words(ta, ca, {})}] and [{second.words(tb, cb, {})}]"

    return Family(f"{first.name}+{second.name}", basis, lambda x, y, h: [()], source, words,
                  smooth=first.smooth and second.smooth, parts=(first, second, first_theta_len))

