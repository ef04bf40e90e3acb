"""The numeric scientist: sweep, test determinism, zoom in, fit families, sharpen, verify.

It works only through the Door, in the order a careful person would: look at the whole
range; ask some of the same questions twice (a deterministic function answers identically,
noise and a corrupted interval do not); bracket the edges of anything odd with extra probes;
zoom into a short window, and then into a shorter one inside it, to see structure finer than
the sweep spacing (a fast oscillation, a narrow spike, an edge); estimate any period from the
zoomed windows, where it cannot alias, and sharpen it against every point; fit every family by
least squares and choose by a penalised criterion; probe inside the gaps where an edge must
lie; check the winner on fresh points.

It builds on what a session already holds (a fork's carried probes, a person's during a
takeover): a sweep point already covered is not asked again, carried repeats count towards its
noise test, and no phase plans more points than are left. A person steers it with the small
language of `steering` (it says so at its start): before its next step it acknowledges each
message with what it will do, or says plainly what it cannot follow.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass, field
from typing import Awaitable, Callable

import numpy as np

from find_lab import english
from find_lab.agents.scientist import models, steering
from find_lab.experiment import BudgetExhausted, Door

SWEEP_SPACING = 1.0   # a feature 1 wide anywhere in [-128, 128] holds at least one sweep point
REPEATS = 64          # every 4 units: a corrupted interval 5 wide holds at least one
WINDOW_POINTS = 24
WIDE_WINDOW = 10.0
NARROW_WINDOW = 1.0
NOISY_WINDOW = 12.0   # under noise, a window is for averaging around a candidate feature
SQUARE_EDGES = 6
EDGE_ROUNDS = 2
EDGE_POINTS = 6
VERIFY_POINTS = 16
MAX_KINKS = 48
RESERVE = 80          # points the sweep and the repeats leave for windows, edges and checks
STEER_POINTS = 24     # points a steering message's interval or neighbourhood gets
NEAR = 2.5            # "probe near x": within this of x
FIRST_FIT = 8         # answers needed before a family asked for can be fitted
COARSE = 32           # a sweep this coarse when asked to submit before any answer came
# the words a person may name a family by, and the families each means
FAMILY_WORDS: dict[str, tuple[str, ...]] = {
    "constant": ("constant",), "line": ("linear",), "linear": ("linear",),
    "polynomial": ("polynomial2", "polynomial3", "polynomial4", "polynomial5"),
    "poly": ("polynomial2", "polynomial3", "polynomial4", "polynomial5"),
    "quadratic": ("polynomial2",), "parabola": ("polynomial2",), "x^2": ("polynomial2",),
    "cubic": ("polynomial3",), "quartic": ("polynomial4",), "quintic": ("polynomial5",),
    "absolute": ("absolute",), "absolute value": ("absolute",), "abs": ("absolute",),
    "v shape": ("absolute",), "relu": ("relu",), "leaky relu": ("relu",), "hinge": ("relu",),
    "kink": ("relu",), "step": ("step",), "jump": ("step",), "rectangle": ("rectangle",),
    "box": ("rectangle",), "pulse": ("rectangle",), "tanh": ("tanh",), "sigmoid": ("tanh",),
    "sine": ("sinusoid",), "sin": ("sinusoid",), "cosine": ("sinusoid",), "cos": ("sinusoid",),
    "sinusoid": ("sinusoid",), "wave": ("sinusoid",), "periodic": ("sinusoid",),
    "oscillation": ("sinusoid",),
    "square wave": ("square", "square*poly1", "square*poly2", "square*poly3", "square*poly5"),
    "square": ("square", "square*poly1", "square*poly2", "square*poly3", "square*poly5"),
    "reciprocal": ("reciprocal",), "1/x": ("reciprocal",), "hyperbola": ("reciprocal",),
    "gaussian": ("gaussian",), "bell": ("gaussian",), "bump": ("gaussian",),
    "rational": ("rational",), "root": ("root",), "square root": ("root",), "sqrt": ("root",),
    "log": ("logarithm",), "logarithm": ("logarithm",),
}
KNOWN_FAMILIES = ("line, polynomial, absolute, relu, step, rectangle, tanh, sine, square wave, "
                  "reciprocal, gaussian, rational, root, log")
FOLLOWS = "look at A..B, probe near X, try FAMILY, check noise, submit now"


class SubmitNow(Exception):
    """A person asked for the answer now: the plan stops and the best fit is submitted."""


@dataclass
class Notebook:
    """Everything observed so far: outputs per input, and the inputs that were undefined."""

    door: Door
    outputs: dict[float, list[float]] = field(default_factory=dict)
    undefined: set[float] = field(default_factory=set)
    shift: float = 0.0   # the mean of the noise, when it has one (counts add their rate)
    seen: int = 0        # answers taken in from the session so far
    steer: Callable[[], Awaitable[None]] | None = None  # read steering before each probe

    async def probe(self, xs) -> None:
        if self.steer:
            await self.steer()
        xs = [float(x) for x in np.clip(np.round(np.asarray(xs, float), 6), -128, 128)]
        xs = xs[:max(0, self.door.points_left)]
        if not xs:
            return
        await self.door.probe(xs)
        self.sync()

    def sync(self) -> int:
        """Take in every answer the session holds that is new here: its own, a fork's carried
        ones, a person's during a takeover. Returns how many."""
        pairs = self.door.observations(undefined=True)[self.seen:]
        self.seen += len(pairs)
        for x, y in pairs:
            if isinstance(x, bool) or not isinstance(x, (int, float)):
                continue
            if y is None:
                self.undefined.add(float(x))
            else:
                self.outputs.setdefault(float(x), []).append(float(y))
        return len(pairs)

    def known(self) -> np.ndarray:
        """Every input asked, answered or undefined, in order."""
        return np.array(sorted(set(self.outputs) | self.undefined))

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
        return xs, np.array([np.mean(self.outputs[x]) for x in xs]) - self.shift

    def counts(self) -> bool:
        """Repeated answers differ by whole numbers only: the noise comes in counts."""
        diffs = [np.asarray(ys) - ys[0] for ys in self.outputs.values() if len(ys) > 1]
        if not diffs:
            return False
        d = np.concatenate(diffs)
        scale = 1e-7 * max(1.0, max(abs(y) for ys in self.outputs.values() for y in ys))
        return bool(np.any(np.abs(d) > 0.5) and np.all(np.abs(d - np.round(d)) <= scale))


@dataclass
class Findings:
    noise: float = 0.0
    corrupted: tuple[float, float] | None = None
    corrupted_level: float = 0.0
    excluded: tuple[float, float] | None = None  # the corrupted interval out to the nearest steady points
    undefined_below: tuple[float, float] | None = None
    model: models.Fit | None = None
    approximate: bool = False
    shift: float = 0.0
    tested: bool = False      # the noise test has run
    stale: bool = False       # steering added answers since the last fit
    asked: list[str] = field(default_factory=list)  # families asked for before there was data


async def investigate(door: Door, seed: int) -> None:
    notebook, findings = Notebook(door), Findings()
    notebook.sync()  # a fork starts with its parent's probes
    notebook.steer = lambda: _steer(notebook, findings)
    await door.say(f"You can steer me: {FOLLOWS} (families: {KNOWN_FAMILIES}).")
    try:
        await _plan(notebook, findings, np.random.default_rng(seed))
    except BudgetExhausted:
        await door.say("I am out of probe calls, so I submit the best model I have.")
        if findings.model is None or findings.stale:
            await _fit(notebook, findings)
    except SubmitNow:
        if len(notebook.outputs) < FIRST_FIT and door.points_left > 0 and door.calls_left > 0:
            await door.say(f"I have only {english.count(len(notebook.outputs), 'answer')}; I ask a "
                           f"coarse sweep of {COARSE} points first, so the answer is not a blind "
                           "guess.")
            notebook.steer = None
            await notebook.probe(-128 + 8 * np.arange(COARSE) + 2)
        if findings.model is None or findings.stale:
            await _fit(notebook, findings)
    await _submit(door, findings)


async def _plan(notebook: Notebook, findings: Findings, rng: np.random.Generator) -> None:
    door, say = notebook.door, notebook.door.say
    if notebook.seen:
        xs, _ = notebook.repeated()
        await say(f"This session already holds {english.count(notebook.seen, 'answer')} at "
                  f"{english.count(len(notebook.known()), 'input')} ({len(xs)} of them asked more "
                  f"than once); {door.points_left} of {english.count(door.budget.points, 'point')} "
                  f"and {english.count(door.calls_left, 'call')} are left. I build on them and do "
                  "not ask again what they show.")
    sweep, planned, covered = _sweep(notebook)
    if not covered:
        await say(f"I start with a sweep of {len(sweep)} evenly spaced points over [-128, 128], "
                  f"{planned[1] - planned[0]:.3g} apart, to see the overall shape: anything as wide "
                  "as the spacing, anywhere, holds at least one of them.")
    elif len(sweep):
        rest = len(planned) - covered
        await say(f"Those answers already cover {covered} of the {len(planned)} points of my sweep "
                  f"over [-128, 128] ({planned[1] - planned[0]:.3g} apart); I ask "
                  + (f"the other {rest}" if len(sweep) == rest else
                     f"{len(sweep)} of the other {rest}, evenly spread, to keep points for what "
                     "follows") + ".")
    else:
        await say(f"Those answers already cover my whole sweep over [-128, 128] "
                  f"({planned[1] - planned[0]:.3g} apart): I ask none of it again.")
    await notebook.probe(sweep)
    await notebook.steer()
    await _test_determinism(notebook, findings)
    await notebook.steer()
    if findings.corrupted:
        await _bracket_corruption(notebook, findings)
    if notebook.undefined:
        await _bracket_undefined(notebook, findings)
    await notebook.steer()
    await _zoom(notebook, findings)
    await notebook.steer()
    await _fit(notebook, findings)
    await _sharpen_edges(notebook, findings)
    await notebook.steer()
    await _verify(notebook, findings, rng)
    await notebook.steer()
    if findings.stale:
        await _fit(notebook, findings)


def _sweep(notebook: Notebook) -> tuple[np.ndarray, np.ndarray, int]:
    """The sweep still to ask, the sweep planned and how many of its points the session's
    answers already cover (one within half the spacing).

    Planned: points SWEEP_SPACING apart, off the integers (a step's own value at 0 is an
    outlier), or as many as the budget allows while keeping most of it for repeats, windows
    and edges; of those not covered, no more than that share of the points left."""
    door = notebook.door
    count = int(min(256 / SWEEP_SPACING, 0.64 * door.budget.points))
    spacing = 256 / count
    planned = -128 + spacing / 4 + spacing * np.arange(count)
    known = notebook.known()
    if not len(known):
        return planned[:max(0, door.points_left)], planned, 0
    at = np.clip(np.searchsorted(known, planned), 1, len(known)) - 1
    gap = np.minimum(np.abs(known[at] - planned),
                     np.abs(known[np.minimum(at + 1, len(known) - 1)] - planned))
    missing = planned[gap >= spacing / 2]
    room = max(0, int(0.64 * door.points_left))
    if len(missing) > room:
        missing = missing[np.unique(np.round(np.linspace(0, len(missing) - 1, room)).astype(int))] \
            if room else missing[:0]
    return missing, planned, int(count - np.sum(gap >= spacing / 2))


async def _steer(notebook: Notebook, findings: Findings) -> None:
    """Follow each steering message before the next step, saying what it does or plainly what
    it cannot follow; then take in a person's probes made meanwhile."""
    notebook.steer, follow = None, notebook.steer  # its own probes do not read steering again
    try:
        for message in await notebook.door.checkpoint():
            for instruction in steering.parse(message, FAMILY_WORDS):
                await _follow(notebook, findings, instruction)
        notebook.sync()
        if findings.asked and len(notebook.outputs) >= FIRST_FIT:
            asked, findings.asked = findings.asked, []
            for word in asked:
                await _try_family(notebook, findings, word)
    finally:
        notebook.steer = follow


async def _follow(notebook: Notebook, findings: Findings, order: steering.Instruction) -> None:
    say, asked = notebook.door.say, steering.quote(order.text)
    left = notebook.door.points_left
    if order.kind == "handback":
        notebook.sync()
        await say(f"Noted: {asked}. I take the points the person probed into my data.")
        findings.stale = True
    elif order.kind == "submit":
        await say(f"{asked}: I stop here and submit my best fit.")
        raise SubmitNow
    elif order.kind in ("interval", "near", "noise") and left <= 0:
        await say(f"I can't follow {asked}: no points are left in the budget.")
    elif order.kind in ("interval", "near"):
        if order.kind == "interval":
            low, high = max(-128.0, order.low), min(128.0, order.high)
            where = f"evenly across [{models.g(low)}, {models.g(high)}]"
        else:
            x = float(np.clip(order.x, -128, 128))
            low, high = max(-128.0, x - NEAR), min(128.0, x + NEAR)
            where = f"within {NEAR:g} of x = {models.g(x)}"
        if high <= low:
            await say(f"I can't follow {asked}: that interval lies outside [-128, 128].")
            return
        count = min(STEER_POINTS, left)
        await say(f"{asked}: I probe {english.count(count, 'point')} {where} now.")
        await notebook.probe(np.linspace(low, high, count))
        findings.stale = True
    elif order.kind == "family":
        if len(notebook.outputs) < FIRST_FIT:
            findings.asked.append(order.family)
            await say(f"{asked}: I will fit a {order.family} as soon as my first answers are in.")
        else:
            await say(f"{asked}: I fit a {order.family} to my "
                      f"{english.count(len(notebook.outputs), 'point')} now.")
            await _try_family(notebook, findings, order.family)
    elif order.kind == "noise":
        await _check_noise(notebook, findings, asked)
    elif order.family:
        await say(f"I can't follow {asked}: I know no family called \"{order.family}\"; I fit "
                  f"{KNOWN_FAMILIES}.")
    else:
        await say(f"I can't follow {asked}: I follow {FOLLOWS}.")


async def _try_family(notebook: Notebook, findings: Findings, word: str) -> None:
    """Fit the family a person named, show it, and let it lead if it beats the leader."""
    xs, ys = notebook.data(exclude=findings.excluded)
    fits = await asyncio.to_thread(_fitted, xs, ys, findings, list(FAMILY_WORDS[word]))
    fits = [f for f in fits if np.isfinite(f.rss)]
    if not fits:
        await notebook.door.say(f"A {word} cannot be fitted to these points.")
        return
    fit = _tidy(min(fits, key=lambda f: _criterion(f, findings, ys)), xs, ys)
    trial = dataclasses.replace(findings, model=fit)
    await notebook.door.hypothesis(_code(trial), note=f"asked for: {fit.words()}",
                                   preview=_preview(trial))
    text = f"The best {word}: {fit.words()} (relative error {_relative_error(fit, ys):.2g})"
    leader = findings.model
    if leader is None:
        text += "; I weigh it against every other family when I fit them all"
    else:
        leader = models.fit_theta(leader.family, xs, ys, leader.theta)
        if _criterion(fit, findings, ys) < _criterion(leader, findings, ys):
            findings.model = fit
            text += f"; it explains the points better than {leader.words()}, so it leads now"
        else:
            text += (f"; my leading hypothesis, {leader.words()}, explains them better "
                     f"(relative error {_relative_error(leader, ys):.2g}), so it stays")
    await notebook.door.say(text + ".")


async def _check_noise(notebook: Notebook, findings: Findings, asked: str) -> None:
    say = notebook.door.say
    if not findings.tested:
        await say(f"{asked}: testing for noise is part of my plan: I ask points again right "
                  "after my sweep.")
        return
    repeats = _repeats(notebook, REPEATS // 2)
    if not len(repeats):
        await say(f"I can't follow {asked}: I have no answers to ask again.")
        return
    await say(f"{asked}: I ask {len(repeats)} of my points again now, evenly spread, to test for "
              "noise once more.")
    await notebook.probe(repeats)
    findings.stale = True
    if findings.corrupted:
        xs, differs = notebook.repeated()
        lo, hi = findings.corrupted
        outside = int(np.sum(differs & ((xs <= lo) | (xs >= hi))))
        await say(f"Outside the corrupted interval, {outside} of the inputs asked more than once "
                  "answered differently" + (": the interval stands." if not outside else "."))
        return
    await _classify(notebook, findings)
    if findings.corrupted:
        await _bracket_corruption(notebook, findings)


async def _test_determinism(notebook: Notebook, findings: Findings) -> None:
    """Ask some answered inputs again, evenly spread, counting repeats the session holds."""
    say = notebook.door.say
    held = len(notebook.repeated()[0])
    repeats = _repeats(notebook, min(max(0, REPEATS - held),
                                     max(notebook.door.points_left // 2,
                                         notebook.door.points_left - RESERVE)))
    why = ("A deterministic function answers identically; additive noise changes every answer; a "
           "corrupted interval changes only the answers inside it.")
    if not held:
        await say(f"Now I ask {len(repeats)} of those points again, evenly spread. {why}")
    elif len(repeats):
        await say(f"The session already asks {english.count(held, 'input')} more than once; I ask "
                  f"{len(repeats)} more of my points again, evenly spread. {why}")
    else:
        await say(f"The session already asks {english.count(held, 'input')} more than once: enough "
                  "to tell noise from determinism without asking again.")
    await notebook.probe(repeats)
    findings.tested = True
    await _classify(notebook, findings)


def _repeats(notebook: Notebook, count: int) -> list[float]:
    """`count` inputs answered once, evenly spread over them, to ask again."""
    once = sorted(x for x, ys in notebook.outputs.items() if len(ys) == 1)
    if not once or count <= 0:
        return []
    return list(dict.fromkeys(once[i] for i in np.round(np.linspace(0, len(once) - 1, count)).astype(int)))


async def _classify(notebook: Notebook, findings: Findings) -> None:
    """What the repeated answers say: deterministic, additive noise, or a corrupted interval."""
    xs, differs = notebook.repeated()
    findings.noise = notebook.noise_level()
    say = notebook.door.say
    runs = int(np.sum(np.diff(np.r_[0, differs.astype(int)]) == 1)) if len(differs) else 0
    if not len(xs):
        await say("No input has been answered twice, so I cannot tell noise from determinism; I "
                  "fit as if there were none.")
    elif not differs.any():
        await say("Every repeated answer was identical: the function is deterministic, no noise.")
    elif runs > 1 or (~differs).sum() < 2:
        # noise changes answers everywhere; ties (counts) fall anywhere, not in one stretch
        await say(f"Repeated answers differ at {differs.mean():.0%} of the points, scattered over the "
                  f"whole range: additive noise with a standard deviation of about "
                  f"{findings.noise:.3g}. I will fit through it, averaging repeated answers.")
        if notebook.counts():
            # each pair's d^2 / 2 estimates the rate with variance 2 v^2 + v / 2 (counts' tails)
            v = findings.noise ** 2
            rate = _round_within(v, 2 * np.sqrt((2 * v * v + v / 2) / max(1, len(xs))))
            notebook.shift = findings.shift = rate
            await say(f"The answers differ by whole numbers only: the noise is a count (Poisson-like), "
                      f"whose variance {findings.noise ** 2:.3g} is also its mean. A count only adds, so "
                      f"I take {models.w(rate)} off every answer.")
    else:
        random_xs = xs[differs]
        findings.corrupted = (float(random_xs.min()), float(random_xs.max()))
        findings.excluded = findings.corrupted
        findings.noise = 0.0
        await say(f"Answers are repeatable except between x = {random_xs.min():.4g} and "
                  f"{random_xs.max():.4g}, one unbroken stretch, where they change from call to call: "
                  "a corrupted interval. I will find its edges exactly.")


def _round_within(value: float, tolerance: float) -> float:
    """The number with the fewest decimals within `tolerance` of `value` (a person reads 0.97
    +- 0.2 as 1)."""
    for decimals in range(-1, 7):
        candidate = round(value, decimals)
        if abs(candidate - value) <= tolerance and candidate > 0:
            return float(candidate)
    return float(value)


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
        points += [_roundest(a, b) for a, b in gaps if b - a > 1e-6]
        if not points:
            break
        await notebook.probe(np.repeat(points, 2))
    xs, differs = notebook.repeated()
    steady = list(xs[~differs])
    low, high = float(xs[differs].min()), float(xs[differs].max())
    left, right = _neighbours(steady, low, -1), _neighbours(steady, high, +1)
    # an edge lies between the last steady and the first changing answer, the steady end
    # included (x = lo and x = hi are outside); of those places, the roundest
    lo = None if left <= -128 and -128.0 not in steady else _roundest_edge(left, low, closed=left)
    hi = None if right >= 128 and 128.0 not in steady else _roundest_edge(high, right, closed=right)
    findings.corrupted = (-128.0 if lo is None else lo, 128.0 if hi is None else hi)
    findings.excluded = (-np.inf if lo is None else left, np.inf if hi is None else right)
    inside = [y for x, ys in notebook.outputs.items() if findings.corrupted[0] < x < findings.corrupted[1]
              for y in ys]
    findings.corrupted_level = float(np.mean(inside))
    await notebook.door.say(
        f"The corrupted interval is {_interval_text(findings)}; inside it the answers scatter around "
        f"{findings.corrupted_level:.4g} (sd {np.std(inside):.3g}). I leave it out of the fit.")


async def _bracket_undefined(notebook: Notebook, findings: Findings) -> None:
    """Find where the function stops being defined (a root's or a log's domain edge)."""
    undefined = sorted(notebook.undefined)
    defined = sorted(notebook.outputs)
    if not defined or max(undefined) > min(defined):
        await notebook.door.say(f"The function is undefined at {len(undefined)} isolated "
                                      "inputs; I note them and carry on.")
        return
    for _ in range(EDGE_ROUNDS):
        low, high = max(notebook.undefined), min(notebook.outputs)
        await notebook.probe(np.linspace(low, high, EDGE_POINTS + 2)[1:-1])
    findings.undefined_below = (max(notebook.undefined), min(notebook.outputs))
    await notebook.door.say(
        f"It is undefined for every x below about {findings.undefined_below[1]:.4g} (NaN answers): "
        "a square root or a logarithm would do that.")


def _allowed(findings: Findings) -> list[tuple[float, float]]:
    """The stretches of the range where the function is defined and not corrupted."""
    low = findings.undefined_below[1] if findings.undefined_below else -128.0
    if not findings.excluded:
        return [(low, 128.0)]
    lo, hi = findings.excluded
    return [(a, b) for a, b in ((low, min(lo - 1.0, 128.0)), (max(hi + 1.0, low), 128.0)) if b - a > 0]


def _roughest(xs: np.ndarray, ys: np.ndarray, width: float, findings: Findings) -> float | None:
    """Centre of a window of `width` where the curve bends the most, inside the allowed range."""
    if len(xs) < 3:
        return None
    bend = np.abs(ys[2:] - 2 * ys[1:-1] + ys[:-2])
    for i in np.argsort(bend)[::-1]:
        for a, b in _allowed(findings):
            if b - a >= width and a - 1e-9 <= xs[i] and xs[i + 2] <= b + 1e-9:
                return float(np.clip(xs[i + 1], a + width / 2, b - width / 2))
    return None


async def _zoom(notebook: Notebook, findings: Findings) -> None:
    """Probe a short window densely, then a shorter one inside it, where the curve bends most.

    The sweep's spacing hides anything that varies faster: a wave of period under about three
    units, a spike or a rectangle narrower than the spacing. A dense window shows it, and a
    periodogram of a window cannot alias.
    """
    say = notebook.door.say
    if notebook.door.points_left <= 0:
        return
    count = min(WINDOW_POINTS, notebook.door.points_left)  # the windows' points: as many as are left
    xs, ys = notebook.data(exclude=findings.excluded)
    spacing = float(np.median(np.diff(xs))) if len(xs) > 1 else 1.0
    if findings.noise:
        centre = _likeliest_feature(xs, ys, findings)
        if centre is None:
            return
        await say(f"Under noise the sweep's bends are mostly noise. The strongest local departure from "
                  f"a smooth trend (averaged over a few units) is near x = {centre:.4g}; I probe "
                  f"{english.count(count, 'point')} across {_units(NOISY_WINDOW)} there, to average "
                  "over it.")
        wide = np.linspace(centre - NOISY_WINDOW / 2, centre + NOISY_WINDOW / 2, WINDOW_POINTS)
        await notebook.probe(wide)
        inner = centre
    else:
        centre = _roughest(xs, ys, WIDE_WINDOW, findings)
        if centre is None:
            return
        await say(f"The sweep is spaced {spacing:.2g} apart, so anything finer would slip between its "
                  f"points. I zoom in: {english.count(count, 'point')} across {_units(WIDE_WINDOW)} around "
                  f"x = {centre:.4g}, where the sweep bends the most.")
        wide = np.linspace(centre - WIDE_WINDOW / 2, centre + WIDE_WINDOW / 2, WINDOW_POINTS)
        await notebook.probe(wide)
        wx, wy = _window(notebook, wide)
        inner = _roughest(wx, wy, NARROW_WINDOW, findings)
        if inner is None:
            return
    narrow = np.linspace(inner - NARROW_WINDOW / 2, inner + NARROW_WINDOW / 2, WINDOW_POINTS)
    count = min(WINDOW_POINTS, notebook.door.points_left)
    if count:
        await say(f"Then closer still: {english.count(count, 'point')} across {_units(NARROW_WINDOW)} around "
                  f"x = {inner:.4g}{'' if findings.noise else ', the sharpest bend in that window'}.")
        await notebook.probe(narrow)
    await say(_zoom_report(notebook, findings, wide, narrow))


def _likeliest_feature(xs: np.ndarray, ys: np.ndarray, findings: Findings) -> float | None:
    """Where a local feature (bump, dip, narrow rectangle) most likely sits under noise: the
    largest departure from a smooth trend, averaged over a few units (a matched filter)."""
    allowed = _allowed(findings)
    centres = models.bump_centres(xs, ys, count=4)
    for c in centres:
        for a, b in allowed:
            if b - a >= NOISY_WINDOW and a <= c <= b:
                return float(np.clip(c, a + NOISY_WINDOW / 2, b - NOISY_WINDOW / 2))
    return None


def _window(notebook: Notebook, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = notebook.data()
    keep = (xs >= points.min() - 1e-9) & (xs <= points.max() + 1e-9)
    return xs[keep], ys[keep]


def _zoom_report(notebook: Notebook, findings: Findings, wide: np.ndarray, narrow: np.ndarray) -> str:
    """What the windows show, in words: smooth, oscillating (with a period) or a sharp feature."""
    parts = []
    for name, points in (("wide", wide), ("narrow", narrow)):
        wx, wy = _window(notebook, points)
        if len(wx) < 8:
            continue
        u = (wx - wx.mean()) / (np.ptp(wx) or 1.0)
        trend = np.vander(u, 3)
        residual = wy - trend @ np.linalg.lstsq(trend, wy, rcond=None)[0]
        rough = float(np.sqrt(np.mean(residual ** 2)))
        if rough <= 2 * findings.noise + 1e-9 * (float(np.max(np.abs(wy))) or 1.0):
            parts.append(f"the {name} window is smooth at its scale")
            continue
        width = float(np.ptp(wx))
        omegas = np.arange(2 * np.pi / width / 2, np.pi / float(np.median(np.diff(wx))), 2 * np.pi / width / 16)
        shares = models.periodogram(wx, wy, omegas, degree=2)
        best = int(np.argmax(shares)) if len(shares) else None
        if best is not None and shares[best] > 0.8 and 2 * np.pi / omegas[best] < width / 2:
            parts.append(f"the {name} window oscillates with a period of about {2 * np.pi / omegas[best]:.3g}")
        else:
            jump = int(np.argmax(np.abs(np.diff(wy))))
            parts.append(f"the {name} window has a sharp feature near x = {(wx[jump] + wx[jump + 1]) / 2:.4g}")
    if not parts:
        return "The windows add little."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + ". I fit with every point, the windows included."


async def _fit(notebook: Notebook, findings: Findings) -> None:
    findings.stale = False
    xs, ys = notebook.data(exclude=findings.excluded)
    say = notebook.door.say
    frequencies = await asyncio.to_thread(models.frequency_candidates, xs, ys)
    if frequencies and frequencies[0][1] > 0.3:
        omega, share = frequencies[0]
        await say(f"A periodogram of every point, seeded by the zoomed windows (where a period cannot "
                  f"alias), peaks at period {2 * np.pi / omega:.4g}: one wave there explains "
                  f"{share:.0%} of the variation. Waves will be tried at that frequency.")
    await say(f"Fitting every family (line, polynomials, V, hinge, step, rectangle, tanh, sine, "
              f"square wave, also with a polynomial height, reciprocal, gaussian, rational, root, "
              f"log) to {english.count(len(xs), 'point')}.")
    ranked = await asyncio.to_thread(_rank, xs, ys, findings, [f for f, _ in frequencies])
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
        line = models.fit_theta(models.FAMILIES["linear"], xs, ys, ())
        options = [await asyncio.to_thread(_with_kinks, xs, ys, base) for base in (best, line)]
        best = min(options, key=lambda f: _criterion(f, findings, ys))
        findings.approximate = True
        relative = _relative_error(best, ys)
    findings.model = _simplify(_tidy(best, xs, ys), xs, ys, findings)
    await notebook.door.hypothesis(_code(findings), note=best.words(),
                                         preview=_preview(findings))
    await say(f"Leading hypothesis: {best.words()} (relative error {relative:.2g}).")


def _tidy(fit: models.Fit, xs: np.ndarray, ys: np.ndarray) -> models.Fit:
    """Zero the coefficients whose whole contribution is rounding noise (an intercept of 1e-16)."""
    design = fit.family.columns(xs, fit.theta, fit.extra)
    reach = np.max(np.abs(design), axis=0) * np.abs(fit.coef)
    tiny = reach < 1e-9 * (float(np.max(np.abs(ys))) or 1.0)
    if tiny.any():
        fit.coef = np.where(tiny, 0.0, fit.coef)
    return fit


def _simplify(fit: models.Fit, xs: np.ndarray, ys: np.ndarray, findings: Findings) -> models.Fit:
    """Drop what the data do not need: of the fit and its nested simpler models (a sum's parts,
    a square wave's centre line, lower degrees), keep the one the criterion prefers, again and
    again. A component whose coefficients are all zero always goes."""
    for _ in range(4):
        options = [_tidy(f, xs, ys) for f in models.simpler(fit, xs, ys)]
        if not options:
            break
        best = min(options, key=lambda f: _criterion(f, findings, ys))
        if not (_hollow(fit) or _criterion(best, findings, ys) <= _criterion(fit, findings, ys) + 1e-9):
            break
        fit = best
    return fit


def _hollow(fit: models.Fit) -> bool:
    """A component with nothing left of it: a sum's second part, or a wave's height, all zero."""
    family, coef = fit.family, np.asarray(fit.coef, float)
    if family.parts:
        first, _, k = family.parts
        width = first.columns(np.linspace(-127.3, 127.9, 61), fit.theta[:k], {}).shape[1]
        return not np.any(coef[width:] != 0) or not np.any(coef[:width] != 0)
    if family.name.startswith("square*poly"):
        degree = int(family.name[len("square*poly"):])
        return not np.any(coef[:degree + 1] != 0)
    if family.name == "square":
        return coef[0] == 0
    return False


def _relative_error(fit: models.Fit, ys: np.ndarray) -> float:
    """Residual relative to the variation (a constant's rounding noise is not an error)."""
    return float(fit.rss / max(np.sum((ys - ys.mean()) ** 2), 1e-20 * float(np.sum(ys ** 2)), 1e-300))


def _tolerance(findings: Findings, ys: np.ndarray) -> float:
    variance = float(np.var(ys)) or 1.0
    return max(1e-6, 4 * findings.noise ** 2 / variance)


def _floor(findings: Findings, ys: np.ndarray) -> float:
    """A floor under the residual, so exact fits of different families compare sensibly. Under
    noise the residual has its own floor (the noise), and a second one would halve the
    criterion's sight of a real improvement."""
    return 1e-7 * float(np.max(np.abs(ys)) or 1.0)


def _criterion(fit: models.Fit, findings: Findings, ys: np.ndarray) -> float:
    """Penalised error. Under noise a searched parameter (a frequency, a centre, an edge) is
    charged again for the search: the best of thousands of frequencies explains some noise."""
    searched = 2 * np.log(max(fit.n, 2)) * len(fit.theta) if findings.noise else 0.0
    return models.criterion(fit, _floor(findings, ys)) + searched


def _rank(xs: np.ndarray, ys: np.ndarray, findings: Findings,
          frequencies: list[float] | None = None) -> list[models.Fit]:
    fits = _fitted(xs, ys, findings, ["sinusoid"] + [n for n in models.FAMILIES if n != "sinusoid"],
                   frequencies)
    return sorted((f for f in fits if np.isfinite(f.rss)), key=lambda f: _criterion(f, findings, ys))


def _fitted(xs: np.ndarray, ys: np.ndarray, findings: Findings, names: list[str],
            frequencies: list[float] | None = None) -> list[models.Fit]:
    """The named families fitted by least squares, in that order. A sinusoid is fitted first
    where a wave is among them: its frequency leads the candidates the waves are tried at."""
    bumps = models.bump_centres(xs, ys)
    hints = {"rectangles": models.rectangles(xs, ys, centres=bumps if findings.noise else ()),
             "bumps": bumps}
    if findings.undefined_below:
        hints["undefined_below"] = findings.undefined_below
    if frequencies is None:
        frequencies = [omega for omega, _ in models.frequency_candidates(xs, ys)]
    hints["frequencies"] = list(frequencies)
    sinusoid = None
    if any(n == "sinusoid" or n.startswith("square") for n in names):
        sinusoid = models.fit_family(models.FAMILIES["sinusoid"], xs, ys, hints)
        if sinusoid.theta:
            hints["frequencies"] = [sinusoid.theta[0]] + [f for f in hints["frequencies"]
                                                         if abs(f - sinusoid.theta[0]) > 0.01]
    return [sinusoid if name == "sinusoid" else models.fit_family(models.FAMILIES[name], xs, ys, hints)
            for name in names]


def _best_sum(xs, ys, ranked, findings) -> models.Fit | None:
    """Greedy: fit the residual of each leading family, then refit both jointly.

    The leaders are taken from different kinds (a square wave of degree 1 and of degree 2 are
    one idea), so three different first guesses are tried."""
    best = None
    leaders, kinds = [], set()
    for fit in ranked:
        kind = fit.family.name.split("*")[0].rstrip("0123456789")
        if kind not in kinds:
            leaders.append(fit)
            kinds.add(kind)
    for first in leaders[:3]:
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
    candidates = np.arange(-127.0, 127.5, 1.0)
    columns = np.maximum(xs[:, None] - candidates[None, :], 0)
    knots: list[float] = []
    fit = models.fit_theta(models.kinked(base, knots), xs, ys, ())
    for _ in range(MAX_KINKS):
        design = models.kinked(base, knots).columns(xs, (), {})
        if not np.all(np.isfinite(design)):
            break
        u, sv, _ = np.linalg.svd(design, full_matrices=False)
        u = u[:, sv > 1e-10 * sv[0]]
        residual = ys - u @ (u.T @ ys)
        rest = columns - u @ (u.T @ columns)
        norms = np.sum(rest ** 2, axis=0)
        gain = np.where(norms > 1e-9 * np.sum(columns ** 2, axis=0) + 1e-300,
                        (rest.T @ residual) ** 2 / np.maximum(norms, 1e-300), -1.0)
        gain[[i for i, k in enumerate(candidates) if k in knots]] = -1.0
        knot = float(candidates[int(np.argmax(gain))])
        trial = models.fit_theta(models.kinked(base, knots + [knot]), xs, ys, ())
        if not trial.rss <= 0.97 * fit.rss:
            break
        fit, knots = trial, knots + [knot]
    return fit if fit.rss < base.rss else base


async def _sharpen_edges(notebook: Notebook, findings: Findings) -> None:
    """A step or rectangle edge lies somewhere in a gap between probes: probe inside it."""
    model = findings.model
    if model.family.fitter and model.family.name.startswith("square"):
        for _ in range(EDGE_ROUNDS):
            if not await _sharpen_square(notebook, findings):
                break
        return
    if not _edge_model(model):
        return
    probed = False
    for round_ in range(EDGE_ROUNDS):
        xs = np.array(sorted(notebook.outputs))
        points = []
        for edge in findings.model.theta:
            below, above = xs[xs < edge].max(initial=-128), xs[xs > edge].min(initial=128)
            if above - below > 0.02:
                points += list(np.linspace(below, above, EDGE_POINTS + 2)[1:-1])
            if above - below > 1e-6:
                points.append(_roundest(below, above))
        count = min(len(points), notebook.door.points_left)
        if not count:
            break
        await notebook.door.say(
            f"The edges of the {model.family.name.replace('+', ' + ')} fall between probes; I probe {english.count(count, 'point')} "
            f"{'there' if round_ == 0 else 'inside the narrower gaps'} to place them exactly.")
        await notebook.probe(points)
        probed = True
        await _refit(notebook, findings)
    if probed:  # on the same points the fit would come out the same
        await _fit(notebook, findings)


def _edge_model(model: models.Fit) -> bool:
    """A step or rectangle, alone or plus a line or polynomial: every parameter is an edge."""
    parts = model.family.name.split("+")
    return any(p in ("step", "rectangle") for p in parts) and all(
        p in ("step", "rectangle", "linear", "constant") or p.startswith("polynomial") for p in parts)


def _refine_edges(family: models.Family, xs: np.ndarray, ys: np.ndarray, theta: tuple) -> models.Fit:
    """Move each edge, one at a time, to the gap between neighbouring probes that fits best."""
    theta = list(theta)
    midpoints = (xs[1:] + xs[:-1]) / 2
    for _ in range(2):
        for i in range(len(theta)):
            near = midpoints[np.abs(midpoints - theta[i]) < 3.0]
            trials = [models.fit_theta(family, xs, ys, theta[:i] + [float(c)] + theta[i + 1:])
                      for c in np.r_[near, theta[i]]]
            theta = list(min(trials, key=lambda f: f.rss).theta)
    return models.fit_theta(family, xs, ys, theta)


def _roundest_edge(low: float, high: float, closed: float) -> float:
    """The number with the fewest decimals in the gap (low, high) or at its `closed` end, the
    one nearest the gap's middle if several tie: where a hidden edge most likely sits."""
    middle = (low + high) / 2
    for decimals in range(7):
        scale = 10.0 ** decimals
        first = np.ceil(low * scale - 1e-6) / scale
        candidates = [round(float(c), decimals) for c in np.arange(first, high + 1e-6 / scale, 1 / scale)]
        candidates = [c for c in candidates if low < c < high or abs(c - closed) <= 1e-9]
        if candidates:
            return min(candidates, key=lambda c: abs(c - middle)) + 0.0
    return middle


def _roundest(low: float, high: float) -> float:
    """The number with the fewest decimals strictly between low and high: hidden parameters are
    often round, and an edge sitting exactly on one is only placed right by probing it."""
    for decimals in range(7):
        scale = 10.0 ** decimals
        candidate = np.floor(low * scale + 1) / scale
        if candidate < high:
            return float(round(candidate, decimals))
    return (low + high) / 2


def _square_edges(model: models.Fit, findings: Findings) -> np.ndarray:
    """Where the fitted square wave switches: sin(w x + p) = 0, inside the allowed range."""
    omega, phase = model.theta[0], model.theta[1]
    ks = np.arange(np.ceil((omega * -128 + phase) / np.pi), np.floor((omega * 128 + phase) / np.pi) + 1)
    edges = (ks * np.pi - phase) / omega
    keep = np.zeros(len(edges), bool)
    for a, b in _allowed(findings):
        keep |= (edges > a) & (edges < b)
    return edges[keep]


async def _sharpen_square(notebook: Notebook, findings: Findings) -> bool:
    """Probe inside the gaps around the square wave's outermost and least certain edges.

    Edges far apart pin the period; each probe halves a gap, and the wave must fit them all.
    """
    edges = _square_edges(findings.model, findings)
    if len(edges) < 2:
        return False
    xs = np.array(sorted(notebook.outputs))
    brackets = [(float(xs[xs < e].max(initial=-128.0)), float(xs[xs > e].min(initial=128.0))) for e in edges]
    widths = np.array([b - a for a, b in brackets])
    chosen = {0, 1, len(edges) - 2, len(edges) - 1}
    for i in np.argsort(widths)[::-1]:
        if len(chosen) >= SQUARE_EDGES:
            break
        chosen.add(int(i))
    chosen = sorted(i for i in chosen if 0 <= i < len(edges) and widths[i] > 0.02)
    if not chosen:
        return False
    points = [p for i in chosen for p in np.linspace(*brackets[i], 5)[1:-1]]
    if notebook.door.points_left > 0:
        await notebook.door.say(
            f"A square wave's edges fall between probes. I probe inside the gaps around {len(chosen)} of "
            f"its predicted edges (the outermost ones pin the period) to place them exactly.")
    await notebook.probe(points)
    await _refit(notebook, findings)
    return True


async def _refit(notebook: Notebook, findings: Findings) -> None:
    """Refit the leading family with the new points, keeping its frequency as the starting hint."""
    findings.stale = False
    xs, ys = notebook.data(exclude=findings.excluded)
    model = findings.model
    if _edge_model(model):
        fit = await asyncio.to_thread(_refine_edges, model.family, xs, ys, model.theta)
    else:
        bumps = models.bump_centres(xs, ys)
        hints = {"frequencies": [model.theta[0]] if model.theta else [], "bumps": bumps,
                 "rectangles": models.rectangles(xs, ys, centres=bumps if findings.noise else ())}
        fit = await asyncio.to_thread(models.fit_family, model.family, xs, ys, hints)
    findings.model = fit = _simplify(_tidy(fit, xs, ys), xs, ys, findings)
    relative = _relative_error(fit, ys)
    await notebook.door.hypothesis(_code(findings), note=fit.words(), preview=_preview(findings))
    await notebook.door.say(f"Refined: {fit.words()} (relative error {relative:.2g}).")


async def _verify(notebook: Notebook, findings: Findings, rng: np.random.Generator) -> None:
    low = findings.undefined_below[1] if findings.undefined_below else -128.0
    fresh = rng.uniform(low, 128, VERIFY_POINTS * 2)
    if findings.corrupted:
        lo, hi = findings.corrupted
        fresh = fresh[(fresh < lo) | (fresh > hi)]
    fresh = np.round(fresh[:VERIFY_POINTS], 3)
    count = min(len(fresh), notebook.door.points_left)
    if not count:
        return
    await notebook.door.say(f"Checking the model on {english.count(count, 'fresh random point')}.")
    await notebook.probe(fresh)
    seen = np.array([notebook.outputs[x][-1] - notebook.shift for x in map(float, fresh)
                     if x in notebook.outputs])
    xs = np.array([x for x in map(float, fresh) if x in notebook.outputs])
    if not len(xs):
        return
    predicted = findings.model.predict(xs)
    error = float(np.sqrt(np.mean((seen - predicted) ** 2)))
    scale = float(np.std(notebook.data()[1])) or 1.0
    expected = max(findings.noise, 1e-6 * scale)
    if error <= 3 * expected + 0.02 * scale:
        await notebook.door.say(f"The model predicts them with RMS error {error:.3g} "
                                      f"(noise level {findings.noise:.3g}): confirmed.")
        return
    await notebook.door.say(f"RMS error {error:.3g} on fresh points is too large; I refit "
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


async def _submit(door: Door, findings: Findings) -> None:
    description, domain = _description(findings)
    await door.say(f"Submitting: {description}")
    await door.submit(description, _code(findings), domain=domain)


def _units(width: float) -> str:
    return f"{width:g} unit" if width == 1 else f"{width:g} units"
