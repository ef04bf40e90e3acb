"""How well candidate code reproduces the probes so far: the check a person runs before
submitting, and what an agent's `test_hypothesis` reports."""

from __future__ import annotations

import math

import numpy as np


def fit_summary(domain: str, observations: list[tuple], preview: list) -> str:
    """One line comparing the code's predictions (`preview`, [x, y] pairs) with what was seen."""
    if not observations:
        return "no probes yet to test against"
    if not preview:
        return "the code did not run (see the error above) or returned nothing usable"
    predicted = {_key(x): y for x, y in preview}
    pairs = [(y, predicted[_key(x)]) for x, y in observations if _key(x) in predicted]
    if not pairs:
        return "the code returned nothing for the probed inputs"
    if domain == "strings":
        matched = sum(seen == guess for seen, guess in pairs)
        return f"matches {matched} of {len(observations)} probed outputs exactly"
    seen, guess = (np.array(column, dtype=float) for column in zip(*pairs))
    if domain == "neurons":
        if len(pairs) < 3 or np.std(seen) == 0 or np.std(guess) == 0:
            return f"predicts {len(pairs)} words; too few or too uniform for a correlation"
        return f"correlation {np.corrcoef(seen, guess)[0, 1]:.3f} over {len(pairs)} probed words"
    error = float(np.sum((seen - guess) ** 2) / max(float(np.sum(seen ** 2)), 1e-12))
    worst = float(np.max(np.abs(seen - guess)))
    missing = len(observations) - len(pairs)
    note = f"; undefined on {missing} probes" if missing else ""
    return f"NMSE {error:.3g} on {len(pairs)} probes (worst miss {worst:.3g}){note}"


def _key(x):
    return round(x, 9) if isinstance(x, float) and math.isfinite(x) else x
