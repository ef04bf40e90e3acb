"""The statistics of a study: few sessions, paired on functions, so every interval is a
bootstrap and every test exact.

- `success_ci`: a percentile bootstrap 95% interval of a success rate (seeded, 10,000
  resamples), so the same sessions always give the same interval;
- `paired_difference_ci`: the same for the difference of two rates paired on functions, the
  functions resampled together, so a hard function counts against both sides at once;
- `mcnemar`: McNemar's exact test, a two-sided binomial test on the discordant pairs;
- `sign_test`: for paired times or probe counts, ties dropped;
- `median`.

The binomial tail is summed with `math.comb` in exact integers: the sum is three lines, has
no rounding, and keeps scipy (a large wheel) out of the core dependencies for one function.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import numpy as np

RESAMPLES = 10_000
LEVEL = 0.95
SEED = 0


@dataclass(frozen=True)
class McNemar:
    """Discordant pairs: `b` where only the first side succeeded, `c` only the second."""

    b: int
    c: int
    p: float


@dataclass(frozen=True)
class SignTest:
    """Paired values: `above` pairs where the first is larger, `below` smaller, `ties` equal
    (dropped from the test)."""

    above: int
    below: int
    ties: int
    p: float


def success_ci(successes: Sequence[float], seed: int = SEED, resamples: int = RESAMPLES,
               level: float = LEVEL) -> tuple[float, float] | None:
    """The percentile bootstrap interval of the mean of `successes` (each True/False, or a
    fraction when a function's success is a group's mean); None when there are none."""
    values = np.asarray(successes, dtype=float)
    if not len(values):
        return None
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(resamples, len(values)))].mean(axis=1)
    return _percentiles(means, level)


def paired_difference_ci(first: Sequence[float], second: Sequence[float], seed: int = SEED,
                         resamples: int = RESAMPLES, level: float = LEVEL
                         ) -> tuple[float, float] | None:
    """The percentile bootstrap interval of mean(first) - mean(second), pairs resampled
    whole (pair i is one function); None when there are no pairs."""
    a, b = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    if len(a) != len(b):
        raise ValueError(f"paired values differ in length: {len(a)} and {len(b)}")
    return success_ci(a - b, seed, resamples, level)


def mcnemar(first: Sequence[bool], second: Sequence[bool]) -> McNemar:
    """McNemar's exact test on paired successes: p = min(1, 2 P[X <= min(b, c)]),
    X ~ Bin(b + c, 1/2); p = 1 with no discordant pair."""
    if len(first) != len(second):
        raise ValueError(f"paired values differ in length: {len(first)} and {len(second)}")
    b = sum(bool(x) and not bool(y) for x, y in zip(first, second))
    c = sum(bool(y) and not bool(x) for x, y in zip(first, second))
    return McNemar(b, c, binomial_two_sided(b, c))


def sign_test(first: Sequence[float], second: Sequence[float]) -> SignTest:
    """The exact sign test on paired values, ties dropped: the same binomial as McNemar's on
    how many pairs the first side is above and below."""
    if len(first) != len(second):
        raise ValueError(f"paired values differ in length: {len(first)} and {len(second)}")
    above = sum(x > y for x, y in zip(first, second))
    below = sum(x < y for x, y in zip(first, second))
    return SignTest(above, below, len(first) - above - below, binomial_two_sided(above, below))


def binomial_two_sided(k: int, m: int) -> float:
    """min(1, 2 P[X <= min(k, m)]) for X ~ Bin(k + m, 1/2), summed exactly."""
    n = k + m
    tail = Fraction(sum(math.comb(n, i) for i in range(min(k, m) + 1)), 2 ** n)
    return float(min(Fraction(1), 2 * tail))


def median(values: Sequence[float]) -> float | None:
    """The median of the values given, None when there are none."""
    return statistics.median(values) if len(values) else None


def _percentiles(means: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)
