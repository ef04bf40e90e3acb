"""Runs FIND's `function_code.py` files inside a BlackBox worker process (never in the lab).

The lab asks `evaluate` with one JSON request per function, a text in, a text out, so one
worker serves a whole import: {"path": ..., "kind": "number" | "text", "inputs": [...],
"fixed_draws": bool}. With `fixed_draws`, numpy's normal, uniform and poisson draws return
their means while the function runs (normal: loc; uniform: the middle; poisson: lam), so a
noised or corrupted function can be compared with its noise-free part exactly.
Standard library and numpy only.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from contextlib import contextmanager

_modules: dict[str, object] = {}


def _function(path: str):
    sys.dont_write_bytecode = True  # FIND's folder is the user's data: leave no __pycache__ in it
    if path not in _modules:
        name = f"find_function_{len(_modules)}"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        _modules[path] = module
    return _modules[path].function


@contextmanager
def _draws_at_their_means():
    import numpy as np

    saved = {name: getattr(np.random, name) for name in ("normal", "uniform", "poisson")}

    def filled(value, size):
        return value if size is None else np.full(size, float(value))

    np.random.normal = lambda loc=0.0, scale=1.0, size=None: filled(loc, size)
    np.random.uniform = lambda low=0.0, high=1.0, size=None: filled((low + high) / 2, size)
    np.random.poisson = lambda lam=1.0, size=None: filled(lam, size)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(np.random, name, function)


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as exc:
        return [None, f"returned {type(value).__name__} ({type(exc).__name__})"]
    return [number, None] if math.isfinite(number) else [None, f"returned {number}"]


def evaluate(request: str) -> str:
    job = json.loads(request)
    try:
        function = _function(job["path"])
    except BaseException as exc:
        return json.dumps({"failed": f"cannot load it: {type(exc).__name__}: {exc}"[:300]})
    answers = []
    for x in job["inputs"]:
        try:
            if job["kind"] == "number":
                import numpy as np

                with _draws_at_their_means() if job.get("fixed_draws") else _nothing():
                    answers.append(_number(function(np.float64(x))))
            else:
                value = function(x)
                answers.append([value, None] if isinstance(value, str)
                               else [None, f"returned {type(value).__name__}, not a string"])
        except BaseException as exc:
            answers.append([None, f"raised {type(exc).__name__}: {str(exc)[:200]}"])
    return json.dumps({"answers": answers})


@contextmanager
def _nothing():
    yield
