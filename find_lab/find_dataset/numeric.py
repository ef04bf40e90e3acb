"""FIND's numeric functions (data.json entries) as numeric-domain specs, and their check.

An entry's `name` says its atoms (`relu;linear;multiply_two(...)`), `params` their
parameters in FIND's order, `func_name_dict.json` which variant its `function_code.py` is
(clean, noised, corrupted, or the MLP loader). Each atom maps onto our atom where FIND's code
is ours with parameters fixed (linear; constant; absolute, whose bias FIND's code drops),
else onto FIND's own form (`domains.numeric.find_forms`). FIND's noise is one draw per call of
function(x), and its scripts call it once per input: our per-input draws, with its Poisson(1)
left uncentred. Its corruption replaces outputs by normal(loc=std, scale=0.1): our
corruption with mean std and spread 0.1, closed at a single bound as FIND's `np.where` is.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from find_lab.domains.numeric import specs as numeric
from find_lab.domains.numeric.atoms import GRID
from find_lab.find_dataset.runner import Runner
from find_lab.find_dataset.torch_file import TorchFileError, read_mlp

VARIANTS = {"function_code.py": "clean", "noised_function_code.py": "noise",
            "corrupted_function_code.py": "corruption", "load_mlp.py": "mlp"}
OURS = {"linear", "constant", "absolute"}
FORMS = {"polynomial": "find_polynomial", "rational": "find_rational", "root": "find_root",
         "reciprocal": "find_reciprocal", "logarithm": "find_logarithm", "step": "find_step",
         "rectangle": "find_rectangle", "relu": "find_relu", "gaussian": "find_gaussian",
         "square_wave": "find_square_wave", "sin": "find_sin", "cos": "find_cos",
         "tanh": "find_tanh", "tan": "find_tan", "ceil": "find_ceil", "floor": "find_floor",
         "signum": "find_sign"}
OPS = {"sum_two": "sum", "multiply_two": "product"}
TOLERANCE = {"formula": 1e-9, "mlp": 1e-4}  # relative; float32 weights in FIND's MLP
NOISE = {"normal": "normal", "uniform": "uniform", "poisson": "poisson_uncentred"}


class Refused(Exception):
    """Why one FIND function is not imported, in a phrase."""


def _numbers(params) -> list[float]:
    if params is None:
        return []
    if isinstance(params, (int, float)) and not isinstance(params, bool):
        return [float(params)]
    if isinstance(params, list) and all(isinstance(p, (int, float)) and not isinstance(p, bool)
                                        for p in params):
        return [float(p) for p in params]
    raise Refused(f"parameters {params!r} are not numbers")


def atom(kind: str, params) -> dict:
    """One FIND atom as an expression of the numeric domain."""
    if kind == "rational":
        if not (isinstance(params, list) and len(params) == 2):
            raise Refused(f"rational parameters {params!r} are not [numerator, denominator]")
        top, bottom = _numbers(params[0]), _numbers(params[1])
        if not top or not bottom:
            raise Refused("a rational without coefficients")
        return {"op": "atom", "kind": "find_rational",
                "params": {"numerator": top, "denominator": bottom}}
    p = _numbers(params)
    arity = {"linear": 2, "absolute": 2, "constant": 1, "root": 3, "logarithm": 3, "step": 3,
             "relu": 3, "rectangle": 1, "reciprocal": 1, "gaussian": 2, "square_wave": 2,
             "sin": 4, "cos": 4, "tanh": 4, "tan": 4, "ceil": 0, "floor": 0, "signum": 0}
    if kind == "polynomial":
        if not p:
            raise Refused("a polynomial without coefficients")
    elif kind not in arity:
        raise Refused(f"FIND's atom {kind!r} has no counterpart here")
    elif len(p) != arity[kind]:
        raise Refused(f"{kind} takes {arity[kind]} parameters, data.json gives {len(p)}")
    if kind == "linear":
        return {"op": "atom", "kind": "linear", "params": {"a": p[0], "b": p[1]}}
    if kind == "constant":
        return {"op": "atom", "kind": "constant", "params": {"b": p[0]}}
    if kind == "absolute":  # FIND's code is p0*np.abs(x): its bias p1 is never added
        return {"op": "atom", "kind": "absolute", "params": {"a": p[0], "c": 0.0, "b": 0.0}}
    return {"op": "atom", "kind": FORMS[kind], "params": {"p": p}}


def expression(entry: dict) -> dict:
    """The whole function of a data.json entry, without noise or corruption."""
    name = entry.get("name")
    if not isinstance(name, str) or "(" not in name:
        raise Refused("its data.json entry has no name like 'sin((...))'")
    parts = name.split("(")[0].split(";")
    if len(parts) == 1:
        return atom(parts[0], entry.get("params"))
    if len(parts) != 3 or parts[2] not in OPS:
        raise Refused(f"the composition {name.split('(')[0]!r} is not a sum or product of two")
    params = entry.get("params")
    if not (isinstance(params, list) and len(params) == 2):
        raise Refused("a composition's parameters are not [first, second]")
    return {"op": OPS[parts[2]], "terms": [atom(parts[0], params[0]), atom(parts[1], params[1])]}


def corruption(entry: dict) -> dict:
    kind, params = entry.get("corruption_type"), entry.get("corruption_params") or {}
    bounds = params.get("boundary")
    mean = params.get("std")
    if not isinstance(mean, (int, float)) or not isinstance(bounds, list) or not bounds:
        raise Refused("its corruption has no std and boundary")
    if kind == "interval_smaller":
        return {"lo": None, "hi": float(bounds[0]), "closed": True, "mean": float(mean), "spread": 0.1}
    if kind == "interval_larger":
        return {"lo": float(bounds[0]), "hi": None, "closed": True, "mean": float(mean), "spread": 0.1}
    if kind == "interval_inside" and len(bounds) == 2:
        return {"lo": float(bounds[0]), "hi": float(bounds[1]), "mean": float(mean), "spread": 0.1}
    raise Refused(f"unknown corruption {kind!r}")


def variant(entry: dict, named: str | None, code: str | None) -> str:
    """clean, noise, corruption or mlp: from func_name_dict.json, else read off the code."""
    if named:
        if named not in VARIANTS:
            raise Refused(f"func_name_dict.json names {named!r}, not one of FIND's variants")
        return VARIANTS[named]
    if code is None:
        return "clean"
    if "torch" in code:
        return "mlp"
    if "np.random.normal(loc=" in code:
        return "corruption"
    return "noise" if "np.random." in code else "clean"


def spec(entry: dict, folder: Path, complexity: str, notes: list[str]) -> dict:
    """The numeric spec of one entry; `notes` collects what the summary should say of it."""
    expr = expression(entry)
    result = {"id": f"numeric/{entry['dir']}", "domain": "numeric", "complexity": complexity,
              "structure": {"atom": "atom"}.get(expr["op"], expr["op"]), "description": "",
              "expr": expr, "noise": None, "corruption": None, "local": None,
              "find": {"name": entry["name"]}}
    if complexity == "noise":
        if entry.get("noise_type") not in NOISE:
            raise Refused(f"unknown noise {entry.get('noise_type')!r}")
        result["noise"] = NOISE[entry["noise_type"]]
    elif complexity == "corruption":
        result["corruption"] = corruption(entry)
    elif complexity == "mlp":
        weights = folder / "mlp_approx_model.pt"
        try:
            result["expr"] = {"op": "mlp", "imitates": expr, "net": read_mlp(weights)}
        except TorchFileError as exc:
            result["complexity"] = "clean"
            notes.append(f"its mlp_approx_model.pt cannot be read ({exc})")
        except FileNotFoundError:
            result["complexity"] = "clean"
            notes.append("it has no mlp_approx_model.pt")
    with np.errstate(all="ignore"):
        defined = np.isfinite(numeric.truth(result, GRID))
    if not defined.any():
        raise Refused("it is undefined on every scoring point")
    result["local"] = numeric.local_region(result)
    result["description"] = numeric.describe(result)
    return result


def mismatch(result: dict, code: Path, runner: Runner) -> str | None:
    """Where the spec and FIND's function_code.py differ on the 256 scoring points (draws
    held at their means on both sides), or None; runner.CodeFailed when the code cannot run."""
    ours = numeric.truth(result, GRID) + numeric.noise_mean(result["noise"])
    theirs = np.array(runner.numbers(code, [float(x) for x in GRID], fixed_draws=True))
    tolerance = TOLERANCE["mlp" if result["expr"]["op"] == "mlp" else "formula"]
    for x, a, b in zip(GRID, ours, theirs):
        if math.isfinite(a) != math.isfinite(b):
            return f"at x = {x:g} one is undefined (here {a:.6g}, function_code.py {b:.6g})"
        if math.isfinite(a) and abs(a - b) > tolerance * max(1.0, abs(a), abs(b)):
            return f"at x = {x:g}: {a:.6g} here, {b:.6g} from function_code.py"
    return None

