"""A 1-64-1 ReLU network trained with plain numpy, for FIND's "approximated by an MLP" functions.

Training uses only elementwise operations and sums (no BLAS matmul) so the same seed gives the
same weights on every machine, which keeps `functions/` reproducible bit for bit.
"""

from __future__ import annotations

import numpy as np

HIDDEN = 64
STEPS = 1500
TRAIN_X = np.linspace(-128.0, 128.0, 257)


def train(target: np.ndarray, rng: np.random.Generator) -> dict:
    """Fit `target` (values at TRAIN_X) and return weights folded to act on raw x.

    The returned network is y = sum_j w2[j] * relu(w1[j] * x + b1[j]) + b2, with every
    weight rounded to 4 significant digits: what is stored is exactly what is evaluated.
    """
    u = TRAIN_X / 128.0
    mean, scale = float(np.mean(target)), float(np.std(target)) or 1.0
    t = (target - mean) / scale
    w1 = rng.normal(0.0, 3.0, HIDDEN)
    b1 = -w1 * rng.uniform(-1.0, 1.0, HIDDEN)  # kinks spread over the whole domain
    w2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), HIDDEN)
    b2 = 0.0
    params = [w1, b1, w2, np.array([b2])]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    lr, beta1, beta2 = 0.01, 0.9, 0.999
    for step in range(1, STEPS + 1):
        w1, b1, w2, b2 = params
        z = u[:, None] * w1 + b1
        h = np.maximum(z, 0.0)
        err = 2.0 * ((h * w2).sum(axis=1) + b2[0] - t) / len(t)
        dh = err[:, None] * w2 * (z > 0)
        grads = [(dh * u[:, None]).sum(axis=0), dh.sum(axis=0),
                 (h * err[:, None]).sum(axis=0), np.array([err.sum()])]
        for p, g, m, v in zip(params, grads, moments, squares):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)
    w1, b1, w2, b2 = params
    return {
        "w1": _round(w1 / 128.0), "b1": _round(b1),
        "w2": _round(w2 * scale), "b2": _round(np.array([b2[0] * scale + mean]))[0],
    }


def evaluate(net: dict, x: np.ndarray) -> np.ndarray:
    """Run the stored network on x (scalar or array); same arithmetic as the rendered source."""
    hidden = np.maximum(0.0, np.multiply.outer(x, np.asarray(net["w1"])) + np.asarray(net["b1"]))
    return hidden @ np.asarray(net["w2"]) + net["b2"]


def _round(values: np.ndarray) -> list[float]:
    return [float(f"{v:.4g}") for v in values]
