"""Scoring numeric answers: FIND's NMSE on x = i + 0.5 against the noise-free function, NMSE on
secret held-out points, and a local-detail NMSE on the corrupted (or most irregular) interval."""

from __future__ import annotations

import hashlib
import math
from typing import TYPE_CHECKING

import numpy as np

from find_lab.domains import Answers
from find_lab.domains.numeric.atoms import GRID
from find_lab.domains.numeric.specs import HIGH, LOW

if TYPE_CHECKING:
    from find_lab.sandbox import Outcome

HELDOUT_POINTS = 256


def heldout_points(function_id: str) -> np.ndarray:
    """Secret held-out x values: random in [-128, 128], fixed per function, never probed."""
    seed = int.from_bytes(hashlib.sha256(f"find-lab heldout {function_id}".encode()).digest()[:8])
    return np.random.default_rng(seed).uniform(LOW, HIGH, HELDOUT_POINTS)


def points(function_id: str) -> np.ndarray:
    """Where an answer is scored: FIND's grid, then the held-out points."""
    return np.concatenate([GRID, heldout_points(function_id)])


def nmse(truth: np.ndarray, prediction: np.ndarray) -> float:
    """FIND's normalised MSE over the points where the truth is defined."""
    keep = np.isfinite(truth)
    truth, prediction = truth[keep], prediction[keep]
    if not np.all(np.isfinite(prediction)):
        return math.inf
    energy = float(np.sum(truth ** 2))
    error = float(np.sum((truth - prediction) ** 2))
    if energy == 0.0:
        return 0.0 if error == 0.0 else math.inf
    return error / energy


def local_nmse(truth: np.ndarray, prediction: np.ndarray, inside: np.ndarray) -> float:
    """Mean squared error inside the region, relative to the function's variance everywhere.

    FIND's NMSE divides by the signal's energy, which hides a wrong interval on a function
    far from zero; dividing by the variance asks whether the local shape was captured.
    """
    keep = np.isfinite(truth)
    if not np.all(np.isfinite(prediction[keep & inside])):
        return math.inf
    local = keep & inside
    if not local.any():
        return 0.0
    scale = float(np.var(truth[keep])) or float(np.mean(truth[keep] ** 2)) or 1.0
    return float(np.mean((truth[local] - prediction[local]) ** 2)) / scale


def grade(answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
    """NMSE on FIND's grid; held-out and local NMSE in the details."""
    predicted, truth = np.array(outcome.numbers()), np.array(answers.expected, dtype=float)
    size = len(GRID)
    on_grid, truth_grid = predicted[:size], truth[:size]
    lo, hi = answers.local
    details = {
        "heldout_nmse": nmse(truth[size:], predicted[size:]),
        "local_nmse": local_nmse(truth_grid, on_grid, (GRID >= lo) & (GRID <= hi)),
        "local_region": [lo, hi],
    }
    reason = None
    missing = int(np.sum(np.isfinite(truth_grid) & ~np.isfinite(on_grid)))
    if missing:
        reason = (f"no finite prediction at {missing} of {int(np.isfinite(truth_grid).sum())} "
                  f"scoring points ({outcome.first_error() or 'NaN or inf returned'})")
    return nmse(truth_grid, on_grid), details, reason
