"""How well candidate code reproduces the probes so far: the check a person runs before
submitting, and what an agent's `test_hypothesis` reports."""

from __future__ import annotations

import math

from find_lab import domains


def fit_summary(domain: str, observations: list[tuple], preview: list) -> str:
    """One line comparing the code's predictions (`preview`, [x, y] pairs) with what was seen,
    in the domain's own terms."""
    if not observations:
        return "no probes yet to test against"
    if not preview:
        return "the code did not run (see the error above) or returned nothing usable"
    predicted = {_key(x): y for x, y in preview}
    pairs = [(y, predicted[_key(x)]) for x, y in observations if _key(x) in predicted]
    if not pairs:
        return "the code returned nothing for the probed inputs"
    return domains.get(domain).fit_summary(pairs, len(observations))


def _key(x):
    return round(x, 9) if isinstance(x, float) and math.isfinite(x) else x
