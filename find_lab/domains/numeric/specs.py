"""The numeric domain: float -> float functions on [-128, 128], FIND's atoms and complexities.

A spec's `expr` is an expression tree (an atom, a sum or product of two atoms, or a trained
MLP); `noise` and `corruption` describe how observations differ from the noise-free truth.
`truth` is what scoring compares against; `observe` is what an actor sees when it probes.
"""

from __future__ import annotations

import numpy as np

from find_lab.domains.numeric import mlp
from find_lab.domains.numeric.atoms import ATOMS, GRID, num, sig
from find_lab.domains.numeric.find_forms import FORMS

LOW, HIGH = -128.0, 128.0
COMPLEXITY_SHARES = {"clean": 0.48, "noise": 0.18, "corruption": 0.19, "mlp": 0.15}
COMPOSED_SHARE = 0.15
NOISE_KINDS = {
    "normal": "normal noise N(0, 1)",
    "uniform": "uniform noise U(-1, 1)",
    "poisson": "Poisson(1) noise, centred (Poisson(1) - 1)",
}
# FIND's Poisson noise is not centred (its mean, 1, is part of every observation): imported
# FIND functions only, never drawn by the suite
NOISE_TEXT = {**NOISE_KINDS, "poisson_uncentred": "Poisson(1) noise, uncentred (FIND's: mean 1)"}
# FIND combines two atoms only from its `compose_only` list (math_functions.py, `sample`):
# linear, polynomial, step, relu, constant, ceil, floor, rectangle, square_wave. These are the
# ones among our atoms (a constant term is only an offset; ceil and floor are not among the
# sixteen atoms).
COMPOSE_KINDS = ["linear", "polynomial", "step", "relu", "rectangle", "square"]
SCALED_PARAMS = {"linear": ("a", "b"), "polynomial": ("a",), "relu": ("a", "b"),
                 "step": ("before", "after"), "rectangle": ("inside", "outside"), "square": ("a", "b")}
LOCAL_WIDTH = 16
MIN_VARIATION = 0.3  # share of a function's energy that is variation, not offset


# --- evaluation ---------------------------------------------------------------------------
def _evaluate(expr: dict, x: np.ndarray) -> np.ndarray:
    op = expr["op"]
    if op == "atom":
        return FORMS[expr["kind"]].evaluate(expr["params"], x)
    if op == "sum":
        return _evaluate(expr["terms"][0], x) + _evaluate(expr["terms"][1], x)
    if op == "product":
        return _evaluate(expr["terms"][0], x) * _evaluate(expr["terms"][1], x)
    if op == "mlp":
        return mlp.evaluate(expr["net"], x)
    raise ValueError(f"unknown expression op {op!r}")


def _inside(corruption: dict, x: np.ndarray) -> np.ndarray:
    """The corrupted inputs: strictly between the bounds, or up to and including a single
    bound when the corruption is `closed` (FIND's interval_smaller and interval_larger)."""
    lo, hi, closed = corruption["lo"], corruption["hi"], corruption.get("closed", False)
    mask = np.ones_like(x, dtype=bool)
    if lo is not None:
        mask &= (x >= lo) if closed else (x > lo)
    if hi is not None:
        mask &= (x <= hi) if closed else (x < hi)
    return mask


def truth(spec: dict, x) -> np.ndarray:
    """The noise-free function: NaN where undefined, the corruption's mean inside its interval."""
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        y = np.asarray(_evaluate(spec["expr"], x), dtype=float)
        if spec["corruption"]:
            y = np.where(_inside(spec["corruption"], x), spec["corruption"]["mean"], y)
        return np.where(np.isfinite(y), y, np.nan)


def observe(spec: dict, x, rng: np.random.Generator) -> np.ndarray:
    """What a probe returns: the truth plus fresh noise, or noise inside a corrupted interval."""
    x = np.asarray(x, dtype=float)
    y = truth(spec, x)
    if spec["noise"]:
        y = y + _noise(spec["noise"], rng, x.shape)
    if spec["corruption"]:
        corruption = spec["corruption"]
        jitter = rng.normal(0.0, corruption["spread"], x.shape)
        y = np.where(_inside(corruption, x), corruption["mean"] + jitter, y)
    return y


def _noise(kind: str, rng: np.random.Generator, shape) -> np.ndarray:
    if kind == "normal":
        return rng.normal(0.0, 1.0, shape)
    if kind == "uniform":
        return rng.uniform(-1.0, 1.0, shape)
    if kind == "poisson_uncentred":
        return rng.poisson(1.0, shape).astype(float)
    return rng.poisson(1.0, shape) - 1.0


def noise_mean(kind: str | None) -> float:
    """The mean of a noise kind: 0 but for FIND's uncentred Poisson(1)."""
    return 1.0 if kind == "poisson_uncentred" else 0.0


# --- rendering ----------------------------------------------------------------------------
def _expression(expr: dict) -> str:
    op = expr["op"]
    if op == "atom":
        return FORMS[expr["kind"]].render(expr["params"])
    joiner = " + " if op == "sum" else " * "
    return joiner.join(f"({_expression(term)})" for term in expr["terms"])


def _array_source(name: str, values: list[float]) -> str:
    rows = [", ".join(repr(v) for v in values[i:i + 8]) for i in range(0, len(values), 8)]
    body = ",\n    ".join(rows)
    return f"{name} = np.array([\n    {body},\n])"


def render(spec: dict) -> str:
    """Readable, runnable source for the noise-free function (noise appears as a comment)."""
    lines = ["import numpy as np", ""]
    expr = spec["expr"]
    if expr["op"] == "mlp":
        net = expr["net"]
        lines += [f"# a 1-64-1 ReLU network trained to imitate: {_expression(expr['imitates'])}",
                  _array_source("W1", net["w1"]), _array_source("B1", net["b1"]),
                  _array_source("W2", net["w2"]), f"B2 = {net['b2']!r}", ""]
        body = "np.maximum(0.0, np.multiply.outer(x, W1) + B1) @ W2 + B2"
    else:
        body = _expression(expr)
    lines += ["", "def f(x):", f'    """{spec["id"]} ({spec["complexity"]})."""',
              "    x = np.asarray(x, dtype=float)",
              '    with np.errstate(all="ignore"):',
              f"        y = {body}"]
    if spec["corruption"]:
        c = spec["corruption"]
        lines += [f"        # corrupted: for {_interval_text(c)} observations are noise around "
                  f"{num(c['mean'])} (spread {num(c['spread'])})",
                  f"        y = np.where({_interval_source(c)}, {num(c['mean'])}, y)"]
    if spec["noise"]:
        lines.append(f"        # observations add {NOISE_TEXT[spec['noise']]}")
    lines.append("    return np.where(np.isfinite(y), y, np.nan)")
    return "\n".join(lines) + "\n"


def _interval_source(c: dict) -> str:
    above, below = (">=", "<=") if c.get("closed") else (">", "<")
    parts = ([f"(x {above} {num(c['lo'])})"] if c["lo"] is not None else []) + \
            ([f"(x {below} {num(c['hi'])})"] if c["hi"] is not None else [])
    return " & ".join(parts)


def _interval_text(c: dict) -> str:
    above, below = (">=", "<=") if c.get("closed") else (">", "<")
    if c["lo"] is None:
        return f"x {below} {num(c['hi'])}"
    if c["hi"] is None:
        return f"x {above} {num(c['lo'])}"
    return f"{num(c['lo'])} < x < {num(c['hi'])}"


# --- descriptions --------------------------------------------------------------------------
def _words(expr: dict) -> str:
    op = expr["op"]
    if op == "atom":
        return FORMS[expr["kind"]].describe(expr["params"])
    first, second = (_words(term) for term in expr["terms"])
    return f"the {op} of [{first}] and [{second}]"


def describe(spec: dict) -> str:
    """The ground-truth description in plain words, FIND style plus the odd interval."""
    expr = spec["expr"]
    if expr["op"] == "mlp":
        text = (f"Approximately {_words(expr['imitates'])}: a small ReLU network (1 input, 64 "
                "hidden units, 1 output) trained to imitate that shape, so the curve is piecewise "
                "linear and follows it only roughly")
    else:
        text = _words(expr)
        text = text[0].upper() + text[1:]
    if spec["noise"]:
        text += f". Every observation adds {NOISE_TEXT[spec['noise']]}"
    if spec["corruption"]:
        c = spec["corruption"]
        text += (f". Except for {_interval_text(c)}, where the output is replaced by random noise "
                 f"around {num(c['mean'])} (standard deviation {num(c['spread'])})")
    return text + "."


# --- generation ----------------------------------------------------------------------------
def _atom(kind: str, rng: np.random.Generator, coarse: bool = False) -> dict:
    return {"op": "atom", "kind": kind, "params": ATOMS[kind].sample(rng, coarse=coarse)}


def _factor(rng: np.random.Generator) -> dict:
    """A multiplicative factor of size ~1, so products stay on the scale of their first term."""
    atom = _atom(str(rng.choice(COMPOSE_KINDS)), rng)
    params = dict(atom["params"])
    if "b" in params:
        params["b"] = 0.0
    peak = float(np.max(np.abs(ATOMS[atom["kind"]].evaluate(params, GRID)))) or 1.0
    scale = rng.uniform(0.5, 2.0) / peak
    for name in SCALED_PARAMS[atom["kind"]]:
        params[name] = sig(params[name] * scale, 3)
    return dict(atom, params=params)


def _expr(rng: np.random.Generator, smooth_only: bool) -> dict:
    """An atom (any of FIND's sixteen), or a sum or product of two of FIND's compose-only atoms.

    `smooth_only` (for an MLP to imitate) keeps to atoms finite everywhere, in coarse ranges.
    """
    if smooth_only:
        kinds = [k for k, a in ATOMS.items() if a.finite_everywhere and k != "constant"]
        return _atom(str(rng.choice(kinds)), rng, coarse=True)
    if rng.random() < COMPOSED_SHARE:
        first = _atom(str(rng.choice(COMPOSE_KINDS)), rng)
        if rng.random() < 0.5:
            return {"op": "sum", "terms": [first, _atom(str(rng.choice(COMPOSE_KINDS)), rng)]}
        return {"op": "product", "terms": [first, _factor(rng)]}
    return _atom(str(rng.choice(list(ATOMS))), rng)


def _structure(expr: dict) -> str:
    return {"atom": "atom", "sum": "sum", "product": "product"}.get(expr["op"], "atom")


def _corruption(clean: np.ndarray, rng: np.random.Generator) -> dict:
    """An interval whose observations become noise around the function's mean.

    The interval is redrawn until the function there differs visibly from that mean, so a
    corruption is always a local detail an interpreter can find, never an invisible one.
    """
    finite = np.isfinite(clean)
    mean = sig(float(np.mean(clean[finite])), 3)
    variance = float(np.var(clean[finite]))
    spread = sig(max(0.3 * variance ** 0.5, 1.0), 2)
    for _ in range(50):
        interval = _interval(rng)
        inside = _inside(interval, GRID) & finite
        if inside.any() and np.mean((clean[inside] - mean) ** 2) >= 0.25 * variance:
            break
    return dict(interval, mean=mean, spread=spread)


def _interval(rng: np.random.Generator) -> dict:
    shape = rng.choice(["between", "below", "above"], p=[0.6, 0.2, 0.2])
    if shape == "between":
        width = rng.uniform(5, 25)
        lo = sig(rng.uniform(-120, 120 - width), 3)
        return {"lo": lo, "hi": sig(lo + width, 3)}
    edge = sig(rng.uniform(88, 120), 3)
    return {"lo": None, "hi": -edge} if shape == "below" else {"lo": edge, "hi": None}


def local_region(spec: dict) -> list[float]:
    """Where local detail is judged: the corrupted interval, else the most irregular window."""
    c = spec["corruption"]
    if c:
        return [LOW if c["lo"] is None else c["lo"], HIGH if c["hi"] is None else c["hi"]]
    return list(irregular_window(truth(spec, GRID)))


def irregular_window(y: np.ndarray) -> tuple[float, float]:
    """The 16-unit window of FIND's grid where the curve bends the most."""
    bend = np.abs(y[2:] - 2 * y[1:-1] + y[:-2])
    bend = np.where(np.isfinite(bend), bend, 0.0)
    scale = float(np.nanmax(np.abs(y))) if np.isfinite(y).any() else 1.0
    windows = np.convolve(np.round(bend / (scale or 1.0), 9), np.ones(LOCAL_WIDTH), mode="valid")
    start = int(np.argmax(windows))
    return float(GRID[start]), float(GRID[start + LOCAL_WIDTH + 1])


def _acceptable(spec: dict) -> bool:
    y = truth(spec, GRID)
    finite = y[np.isfinite(y)]
    if finite.size < 64 or np.max(np.abs(finite)) > 1e6:
        return False
    if spec["expr"]["op"] == "atom" and spec["expr"]["kind"] == "constant":
        return True
    # FIND's NMSE divides by energy: with a large offset, predicting the mean would already
    # pass. Keep only functions whose variation is a real part of their energy.
    variance = float(np.var(finite))
    return variance > 0.25 and variance / float(np.mean(finite ** 2)) >= MIN_VARIATION


def one(index: int, complexity: str, seed: int) -> dict:
    """Function `index` of the suite; it draws from its own random stream."""
    rng = np.random.default_rng([seed, 1, index])
    while True:
        spec = {"id": f"numeric/f{index:04d}", "domain": "numeric", "complexity": complexity,
                "structure": "atom", "description": "", "expr": None, "noise": None,
                "corruption": None, "local": None}
        expr = _expr(rng, smooth_only=complexity == "mlp")
        if complexity == "mlp":
            target = _evaluate(expr, mlp.TRAIN_X)
            expr = {"op": "mlp", "imitates": expr, "net": mlp.train(target, rng)}
        spec["expr"], spec["structure"] = expr, _structure(expr)
        if complexity == "noise":
            spec["noise"] = str(rng.choice(list(NOISE_KINDS)))
        if complexity == "corruption":
            spec["corruption"] = _corruption(truth(spec, GRID), rng)
        if not _acceptable(spec):
            continue
        spec["local"] = local_region(spec)
        spec["description"] = describe(spec)
        return spec


def labels(seed: int, count: int) -> list[str]:
    """The complexity of each function, in FIND's proportions, shuffled by the seed."""
    names = []
    for complexity, share in COMPLEXITY_SHARES.items():
        names += [complexity] * round(share * count)
    names = (names + ["clean"] * count)[:count]
    return [names[i] for i in np.random.default_rng([seed, 1]).permutation(count)]


def generate(seed: int, count: int = 1000) -> list[dict]:
    """`count` numeric specs in FIND's proportions."""
    return [one(i, label, seed) for i, label in enumerate(labels(seed, count))]


def share(job: tuple[int, int, list[int]]) -> list[dict]:
    """One process's share of a parallel build: the functions at `indices` of a suite of
    `count` (job: seed, count, indices)."""
    seed, count, indices = job
    names = labels(seed, count)
    return [one(i, names[i], seed) for i in indices]
