"""Targets: suite functions, or a user's own Python callable, behind one batch interface."""

from __future__ import annotations

import importlib
import importlib.util
import math
import zlib
from pathlib import Path
from typing import Callable

import numpy as np

from find_lab import scoring
from find_lab.experiment import Target
from find_lab.suite import default_root, neurons, observer


class TargetError(Exception):
    """A user-supplied function that cannot be loaded; one line, for the CLI."""


def from_spec(spec: dict, seed: int = 0) -> Target:
    """A suite function; its noise draws come from `seed`, so a run is reproducible."""
    call = observer(spec, np.random.default_rng(seed))
    if spec["domain"] == "numeric":
        batch = lambda xs: list(call(np.asarray(xs, dtype=float)))  # noqa: E731
    else:
        batch = lambda xs: [call(x) for x in xs]  # noqa: E731
    return Target(spec["id"], spec["domain"], batch,
                  lambda code, description: scoring.score(spec, code, description))


def load_callable(reference: str) -> Callable:
    """`path/to/file.py:name` or `package.module:name` -> the callable it names."""
    location, _, name = reference.rpartition(":")
    if not location or not name:
        raise TargetError(f"expected FILE.py:NAME or MODULE:NAME, got {reference!r}")
    try:
        if location.endswith(".py"):
            path = Path(location)
            spec = importlib.util.spec_from_file_location(path.stem, path)
            if spec is None or not path.is_file():
                raise TargetError(f"no such file: {location}")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        else:
            module = importlib.import_module(location)
    except TargetError:
        raise
    except Exception as exc:  # the user's module may fail in any way while loading
        raise TargetError(f"cannot load {location}: {type(exc).__name__}: {exc}") from None
    function = getattr(module, name, None)
    if not callable(function):
        raise TargetError(f"{location} has no callable named {name!r}")
    return function


def from_callable(function: Callable, domain: str, name: str,
                  reference: Callable | None = None) -> Target:
    """A user's black box. Unscored unless reference code is given, scored like the suite."""
    def batch(inputs: list) -> list:
        return [_safe(function, x, domain) for x in inputs]

    scorer = None
    if reference is not None:
        def scorer(code: str, description: str | None):
            truth = lambda x: _safe(reference, x, domain)  # noqa: E731
            answers = scoring.answers_for_function(name, domain, truth, _scoring_words(name))
            return scoring.score(answers, code, description)
    return Target(name, domain, batch, scorer)


def _safe(function: Callable, x, domain: str):
    """The user's function answers one input; an exception becomes 'undefined' (NaN)."""
    try:
        value = function(x)
    except Exception:
        return "" if domain == "strings" else math.nan
    if domain == "strings":
        return str(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _scoring_words(name: str, count: int = 150) -> list[str]:
    """Held-out words for a user's neuron: concept members and plain words from the lexicon."""
    concepts, vocabulary = neurons.load_lexicon(default_root() / "lexicon")
    words = sorted({w for c in concepts for w in c["members"]}) + vocabulary
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    return [words[i] for i in sorted(rng.choice(len(words), min(count, len(words)), replace=False))]
