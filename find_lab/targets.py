"""Targets: suite functions, or a user's own Python callable, behind one batch interface."""

from __future__ import annotations

import ast
import importlib.machinery
import math
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from find_lab import scoring
from find_lab.blackbox import BlackBox, BlackBoxError, BlackBoxTimeout, InProcess, NoAnswer
from find_lab.experiment import Target
from find_lab.suite import DOMAINS, Suite, default_root, neurons, observer
from find_lab.suite.atoms import GRID

__all__ = ["OWN", "BlackBox", "BlackBoxError", "BlackBoxTimeout", "NoAnswer", "Own", "TargetError",
           "check_own", "folder", "from_callable", "from_spec", "is_own", "load_callable",
           "own_source", "resolve"]
OWN = "own"              # the complexity of a user's function: it is not in the suite
SOURCE_LIMIT = 200_000   # characters of a user's source shown in the lab


class TargetError(Exception):
    """A user-supplied function that cannot be loaded; one line, for the CLI."""


def from_spec(spec: dict, seed: int = 0, source: dict | None = None) -> Target:
    """A suite function; its noise draws come from `seed`, so a run is reproducible.
    `source` (Suite.source) says which suite and version of the function it is."""
    call = observer(spec, np.random.default_rng(seed))
    if spec["domain"] == "numeric":
        batch = lambda xs: list(call(np.asarray(xs, dtype=float)))  # noqa: E731
    else:
        batch = lambda xs: [call(x) for x in xs]  # noqa: E731
    return Target(spec["id"], spec["domain"], batch,
                  lambda code, description: scoring.score(spec, code, description), source)


def is_own(function: str) -> bool:
    """A user's FILE.py:NAME or MODULE:NAME, not a suite id (numeric/f0001)."""
    return ":" in function and not function.startswith(tuple(f"{d}/" for d in DOMAINS))


def check_own(function: str, domain: str | None) -> None:
    """What can be told about a user's function before anything starts, without running it:
    its domain, the form of its name, its file; each a TargetError line."""
    _need_domain(domain)
    location = _location(function)
    if location.endswith(".py") and not Path(location).is_file():
        raise TargetError(f"no such file: {location}")


def resolve(function: str, domain: str | None = None, reference: str | None = None, *,
            seed: int = 0, suite: Suite | None = None, timeout: float = 10.0) -> Target:
    """The one way from a name to a Target: a suite id (`domain` and `reference` unused), or a
    user's function in `domain`, in its worker, scored when `reference` names the truth."""
    if not is_own(function):
        suite = suite or Suite()
        return from_spec(suite.get(function), seed, suite.source(function))
    _need_domain(domain)
    truth = load_callable(reference, timeout) if reference else None
    return from_callable(load_callable(function, timeout), domain, function, truth)


@dataclass(frozen=True)
class Own:
    """One black box of a folder: `FILE.py:f`, its declared DOMAIN, and `FILE.py:reference`
    when the file defines one (then it is scored)."""

    function: str
    domain: str
    reference: str | None


def folder(path: str | Path) -> list[Own]:
    """Every `NAME.py` in `path` (but `_NAME.py`, left to be their helpers), read without
    running it: each must set a module-level `DOMAIN = "numeric" | "strings" | "neurons"` and
    define `f`; `reference` is optional."""
    root = Path(path)
    if not root.is_dir():
        raise TargetError(f"{root} is not a folder")
    files = sorted(file for file in root.glob("*.py") if not file.name.startswith("_"))
    if not files:
        raise TargetError(f"{root} holds no black boxes (NAME.py files defining f)")
    return [_declared(file) for file in files]


def _declared(path: Path) -> Own:
    try:
        tree = ast.parse(path.read_bytes(), str(path))
    except (OSError, ValueError) as exc:
        raise TargetError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except SyntaxError as exc:
        raise TargetError(f"{path} line {exc.lineno}: {exc.msg}") from None
    names, domain = set(), None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            assigned = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = {t.id for t in assigned if isinstance(t, ast.Name)}
            names |= bound
            if "DOMAIN" in bound and node.value is not None:
                domain = node.value.value if isinstance(node.value, ast.Constant) else node.value
    if domain is None:
        raise TargetError(f"{path} sets no DOMAIN (add DOMAIN = \"numeric\", \"strings\" or "
                          "\"neurons\")")
    if domain not in DOMAINS:
        shown = repr(domain) if isinstance(domain, str) else "not a string literal"
        raise TargetError(f"{path}: DOMAIN is {shown}; expected {', '.join(DOMAINS)}")
    if "f" not in names:
        raise TargetError(f"{path} defines no f")
    return Own(f"{path}:f", domain, f"{path}:reference" if "reference" in names else None)


def own_source(function: str) -> str | None:
    """The text of the file a user's function lives in, for the hidden-function pane."""
    location = function.rpartition(":")[0]
    path = Path(location) if location.endswith(".py") else _module_file(location)
    try:
        return path.read_text(encoding="utf-8", errors="replace")[:SOURCE_LIMIT] if path else None
    except OSError:
        return None


def _module_file(module: str) -> Path | None:
    """Where `package.module` lives, found as the worker's import finds it but without
    importing it: an import runs the user's code, which belongs in the worker."""
    parts, search, spec = module.split("."), [os.getcwd(), *sys.path], None
    for depth in range(1, len(parts) + 1):
        spec = importlib.machinery.PathFinder.find_spec(".".join(parts[:depth]), search)
        if spec is None:
            return None
        search = spec.submodule_search_locations
    return Path(spec.origin) if spec.has_location else None


def load_callable(reference: str, timeout: float = 10.0) -> BlackBox:
    """`path/to/file.py:name` or `package.module:name`, loaded in a worker process that
    answers each input within `timeout` seconds; loading is held to the same limit."""
    _location(reference)
    try:
        return BlackBox(reference, timeout)
    except BlackBoxError as exc:
        raise TargetError(str(exc)) from None


def from_callable(function: BlackBox | Callable, domain: str, name: str,
                  reference: BlackBox | Callable | None = None) -> Target:
    """A user's black box. Unscored unless a reference is given, then scored like the suite.

    A failed input answers NoAnswer, a NaN with the reason, which the lab shows as undefined.
    A call that does not answer in time raises BlackBoxTimeout and so ends the session."""
    box = _box(function)
    scorer = None
    if reference is not None:
        truth = _box(reference)

        def scorer(code: str, description: str | None) -> scoring.Score:
            try:
                answers = _answers(name, domain, truth)
            except BlackBoxTimeout as exc:
                raise BlackBoxTimeout(exc.value, exc.seconds, "the reference function") from None
            reason = _unscorable(answers)
            if reason:
                return scoring.Score(name, domain, scoring.METRICS[domain],
                                     math.inf if domain == "numeric" else 0.0, False, reason,
                                     code_size=scoring.code_size(code), description=description)
            return scoring.score(answers, code, description)
    return Target(name, domain, lambda inputs: box.answers(inputs, domain), scorer)


def _need_domain(domain: str | None) -> None:
    if not domain:
        raise TargetError("interpreting your own function needs --domain numeric|strings|neurons")


def _location(reference: str) -> str:
    location, _, name = reference.rpartition(":")
    if not location or not name:
        raise TargetError(f"expected FILE.py:NAME or MODULE:NAME, got {reference!r}")
    return location


def _box(function: BlackBox | Callable) -> BlackBox | InProcess:
    """A worker's handle as it is; a plain callable (a test's) answers in this process."""
    return function if isinstance(function, BlackBox) else InProcess(function)


class _Prefetched:
    """The reference as scoring calls it, one input at a time, served from one batch over
    the inputs known in advance; any other input costs a round trip, then is remembered."""

    def __init__(self, box: BlackBox | InProcess, domain: str, known: list):
        self.box, self.domain = box, domain
        self.known = dict(zip(known, box.answers(known, domain)))

    def __call__(self, x):
        if x not in self.known:
            self.known[x] = self.box.answers([x], self.domain)[0]
        return self.known[x]


def _answers(name: str, domain: str, box: BlackBox | InProcess) -> scoring.Answers:
    """The reference's answers on the scoring inputs, where it answered them."""
    if domain == "numeric":
        xs = np.concatenate([GRID, scoring.heldout_points(name)])
        return scoring.answers_for_function(name, domain, _Prefetched(box, domain, xs.tolist()))
    if domain == "strings":
        return _answered(scoring.answers_for_function(name, domain, _Prefetched(box, domain, [])))
    truth = _Prefetched(box, domain, _lexicon())
    return _answered(scoring.answers_for_function(name, domain, truth, _scoring_words(name, truth)))


def _answered(answers: scoring.Answers) -> scoring.Answers:
    """Held-out strings or words the reference failed on are no test of an answer."""
    keep = [i for i, y in enumerate(answers.expected) if not isinstance(y, float) or math.isfinite(y)]
    return scoring.Answers(answers.function_id, answers.domain,
                           [answers.inputs[i] for i in keep], [answers.expected[i] for i in keep])


def _unscorable(answers: scoring.Answers) -> str | None:
    """Why these answers cannot tell a right explanation from a wrong one, if they cannot."""
    defined = [y for y in answers.expected if not isinstance(y, float) or math.isfinite(y)]
    if not defined:
        return "the reference function answered none of the scoring inputs"
    if answers.domain == "neurons" and len(set(defined)) == 1:
        return (f"the reference's activation is {defined[0]:g} on all {len(defined)} held-out "
                "words, so this test set cannot tell answers apart (a fault of the test set, "
                "not of the answer)")
    return None


def _lexicon() -> list[str]:
    concepts, vocabulary = neurons.load_lexicon(default_root() / "lexicon")
    return sorted({w for c in concepts for w in c["members"]} | set(vocabulary))


def _scoring_words(name: str, activation: Callable[[str], float], count: int = 150) -> list[str]:
    """Held-out words from the top, middle and bottom thirds of the reference's own range of
    activation on the lexicon, in turn, drawn per name: a neuron for a rare concept gets its
    words, not 150 it ignores."""
    scored = [(w, a) for w in _lexicon() if math.isfinite(a := activation(w))]
    if not scored:
        return []
    low, high = min(a for _, a in scored), max(a for _, a in scored)
    thirds = [[w for w, a in scored if _third(a, low, high) == k] for k in (2, 1, 0)]
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    queues = [rng.permutation(third).tolist() for third in thirds if third]
    picked = []
    while len(picked) < count and any(queues):
        picked += [queue.pop() for queue in queues if queue][:count - len(picked)]
    return sorted(picked)


def _third(value: float, low: float, high: float) -> int:
    return 0 if high == low else min(2, int(3 * (value - low) / (high - low)))
