"""The numeric domain: float -> float on [-128, 128], FIND's atoms and complexities.

`specs` generates, interprets and renders the functions (over `atoms` and `mlp`); `scoring`
holds FIND's NMSE and its held-out points; this module is the domain as the lab sees it.
"""

from __future__ import annotations

import math
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from find_lab import probe_syntax
from find_lab.domains import Answers, Domain
from find_lab.domains.numeric import scoring, specs
from find_lab.domains.numeric.atoms import GRID
from find_lab.domains.numeric.specs import HIGH, LOW
from find_lab.english import count

PREVIEW_GRID = [LOW + 2.0 * i for i in range(129)]  # where a hypothesis is drawn, beside the probes
MIN_DEFINED = 64  # points of FIND's grid a function must be defined on

PROMPT = """\
f takes a real number x in [-128, 128] and returns a real number, or "undefined". It may be \
built from familiar pieces (lines, polynomials, absolute values, roots, logarithms, steps, \
ReLUs, tanh, sines and cosines, reciprocals, bumps, rational functions, square waves), alone, \
summed or multiplied. Your code defines f(x) for a float x; the math module and numpy (import \
numpy as np) are available. It is scored by normalised mean squared error on 256 points \
spread over [-128, 128] (success below 0.1) and on how well it gets the odd interval right."""


class Numeric(Domain):
    name = "numeric"
    complexities = ("clean", "noise", "corruption", "mlp")
    inputs = "floats in [-128, 128]"
    outputs = "floats (NaN where undefined)"
    output_kind = "number"
    metric, threshold, lower_is_better = "nmse", 0.1, True
    closed_form = True
    count = 1000
    spec_fields = ("structure", "expr", "noise", "corruption", "local")
    probe_hint = "numbers: 3 · 1, 2.5, -7 · ranges -10:10:0.5"
    description_example = "e.g. a parabola opening upwards, vertex near x = 3"
    find_category = "numeric"
    odd_example = "e.g. 20 < x < 35, or leave empty"
    steer_hint = "look at -10..10 · probe near 3 · try sine · check noise · submit now"
    template = "import numpy as np\n\n\ndef f(x):\n    return 0.0 * x\n"
    prompt = PROMPT
    probe_schema = {"type": "number", "minimum": -128, "maximum": 128}

    def validate(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            return value, f"not a number: {value!r}"
        value = float(value)
        if not math.isfinite(value):
            return value, f"not a finite number: {value!r}"
        if not LOW <= value <= HIGH:
            return value, f"outside [{LOW:g}, {HIGH:g}]: {value:g}"
        return value, None

    def read_probes(self, text: str) -> list:
        return probe_syntax.numbers(text)

    def preview_inputs(self, probed: list) -> list:
        return sorted(dict.fromkeys(PREVIEW_GRID + list(probed)))

    def fit_summary(self, pairs: list[tuple], probed: int) -> str:
        seen, guess = (np.array(column, dtype=float) for column in zip(*pairs))
        error = float(np.sum((seen - guess) ** 2) / max(float(np.sum(seen ** 2)), 1e-12))
        worst = float(np.max(np.abs(seen - guess)))
        missing = probed - len(pairs)
        note = f"; undefined on {count(missing, 'probe')}" if missing else ""
        return f"NMSE {error:.3g} on {len(pairs)} probes (worst miss {worst:.3g}){note}"

    # --- the hidden functions -----------------------------------------------------------
    def generate(self, seed: int, lexicon: Path, workers: int = 1,
                 ids: list[str] | None = None) -> list[dict]:
        """Each function draws from its own random stream, so they build in parallel and a
        few cost only themselves."""
        indices = list(range(self.count)) if ids is None else [int(fid[-4:]) for fid in ids]
        jobs = [(seed, self.count, indices[w::workers]) for w in range(max(1, workers))]
        if len(jobs) == 1:
            built = [specs.share(jobs[0])]
        else:
            with ProcessPoolExecutor(len(jobs)) as pool:
                built = list(pool.map(specs.share, jobs))
        by_index = {int(spec["id"][-4:]): spec for share in built for spec in share}
        return [by_index[i] for i in indices]

    def check(self, spec: dict) -> str | None:
        if np.isfinite(specs.truth(spec, GRID)).sum() < MIN_DEFINED:
            return f"fewer than {MIN_DEFINED} defined points"
        return None

    def observer(self, spec: dict, rng: np.random.Generator):
        return lambda xs: list(specs.observe(spec, np.asarray(xs, dtype=float), rng))

    def render(self, spec: dict) -> str:
        return specs.render(spec)

    # --- scoring ------------------------------------------------------------------------
    def answers(self, spec: dict) -> Answers:
        """FIND's grid then the held-out points (truth NaN where undefined), and the region
        local detail is judged on."""
        xs = scoring.points(spec["id"])
        return Answers(spec["id"], self.name, [float(x) for x in xs],
                       [float(y) for y in specs.truth(spec, xs)], tuple(spec["local"]))

    def reference_inputs(self, function_id: str) -> list:
        return [float(x) for x in scoring.points(function_id)]

    def reference_answers(self, function_id: str, function) -> Answers:
        """Undefined points stay, as NaN: NMSE skips them, as it does the suite's."""
        xs = scoring.points(function_id)
        truth = np.array([function(float(x)) for x in xs], dtype=float)
        truth[~np.isfinite(truth)] = np.nan
        return Answers(function_id, self.name, [float(x) for x in xs], [float(y) for y in truth],
                       specs.irregular_window(truth[:len(GRID)]))

    def grade(self, answers, outcome):
        return scoring.grade(answers, outcome)

    # --- the description judge ----------------------------------------------------------
    def question_inputs(self, spec: dict, rng: random.Random) -> list:
        return [round(float(x), 2) for x in scoring.heldout_points(spec["id"])]

    def shown_truth(self, spec: dict):
        def value(x):
            y = float(specs.truth(spec, np.array([x]))[0])
            return round(y, 3) if math.isfinite(y) else None
        return value

    # --- the baselines ------------------------------------------------------------------
    def random_inputs(self, count: int, seed: int) -> list:
        rng = np.random.default_rng(seed)
        return [float(x) for x in np.round(rng.uniform(LOW, HIGH, count), 3)]

    def grid_inputs(self, count: int, seed: int) -> list:
        return [float(x) for x in np.round(np.linspace(LOW, HIGH, count), 4)]

    def table_code(self, pairs: list[tuple], interpolate: bool) -> str:
        pairs = sorted(pairs)
        xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
        if interpolate:
            body = "    return np.interp(x, XS, YS)\n"
        else:
            body = ("    index = np.abs(np.subtract.outer(np.atleast_1d(x), XS)).argmin(axis=-1)\n"
                    "    return np.asarray(YS)[index].reshape(np.shape(x))\n")
        return f"import numpy as np\n\nXS = {xs!r}\nYS = {ys!r}\n\n\ndef f(x):\n{body}"


DOMAIN = Numeric()
