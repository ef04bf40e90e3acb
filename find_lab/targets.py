"""Targets: suite functions, or a user's own Python callable, behind one batch interface."""

from __future__ import annotations

import ast
import importlib.machinery
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from find_lab import domains, scoring
from find_lab.blackbox import BlackBox, BlackBoxError, BlackBoxTimeout, InProcess, NoAnswer
from find_lab.experiment import Target
from find_lab.find_dataset import runs_itself
from find_lab.suite import Suite

__all__ = ["OWN", "BlackBox", "BlackBoxError", "BlackBoxTimeout", "NoAnswer", "Own", "TargetError",
           "check_own", "folder", "from_callable", "from_spec", "is_own", "load_callable",
           "own_source", "resolve"]
OWN = "own"              # the complexity of a user's function: it is not in the suite
SOURCE_LIMIT = 200_000   # characters of a user's source shown in the lab


class TargetError(Exception):
    """A user-supplied function that cannot be loaded; one line, for the CLI."""


HINTS_ENV = "FIND_LAB_HINTS"  # "1": suite targets carry their hints (the lab's --hints)


def from_spec(spec: dict, seed: int = 0, source: dict | None = None, hints: bool = False,
              timeout: float = 10.0) -> Target:
    """A suite function; its noise draws come from `seed`, so a run is reproducible.
    `source` (Suite.source) says which suite and version of the function it is. A string or
    neuron function of FIND's dataset runs through FIND's code or LLM (`find_dataset`), and
    `hints` gives it FIND's exemplars to start from."""
    if runs_itself(spec):
        from find_lab.find_dataset import targets as find_targets

        try:
            return find_targets.target(spec, source, hints, timeout)
        except find_targets.Unavailable as exc:
            raise TargetError(str(exc)) from None
    batch = domains.get(spec["domain"]).observer(spec, np.random.default_rng(seed))
    return Target(spec["id"], spec["domain"], batch,
                  lambda code, description: scoring.score(spec, code, description), source)


def is_own(function: str) -> bool:
    """A user's FILE.py:NAME or MODULE:NAME, not a suite id (numeric/f0001)."""
    return ":" in function and not function.startswith(tuple(f"{d}/" for d in domains.names()))


def check_own(function: str, domain: str | None) -> None:
    """What can be told about a user's function before anything starts, without running it:
    its domain, the form of its name, its file; each a TargetError line."""
    _need_domain(domain)
    location = _location(function)
    if location.endswith(".py") and not Path(location).is_file():
        raise TargetError(f"no such file: {location}")


def resolve(function: str, domain: str | None = None, reference: str | None = None, *,
            seed: int = 0, suite: Suite | None = None, timeout: float = 10.0,
            hints: bool | None = None) -> Target:
    """The one way from a name to a Target: a suite id (`domain` and `reference` unused), or a
    user's function in `domain`, in its worker, scored when `reference` names the truth.
    `hints` (default: $FIND_LAB_HINTS is 1) gives a suite function's exemplars to the actor."""
    if not is_own(function):
        suite = suite or Suite()
        if hints is None:
            hints = os.environ.get(HINTS_ENV) == "1"
        return from_spec(suite.get(function), seed, suite.source(function), hints, timeout)
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
    running it: each must set a module-level `DOMAIN` (a registered domain's name) and define
    `f`; `reference` is optional."""
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
    known = domains.names()
    if domain is None:
        quoted = [f'"{name}"' for name in known]
        raise TargetError(f"{path} sets no DOMAIN (add DOMAIN = {', '.join(quoted[:-1])} or "
                          f"{quoted[-1]})")
    if domain not in known:
        shown = repr(domain) if isinstance(domain, str) else "not a string literal"
        raise TargetError(f"{path}: DOMAIN is {shown}; expected {', '.join(known)}")
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
                plugin = domains.get(domain)
                return scoring.Score(name, domain, plugin.metric, plugin.failure, False, reason,
                                     code_size=scoring.code_size(code), description=description)
            return scoring.score(answers, code, description)
    kind = domains.get(domain).output_kind
    return Target(name, domain, lambda inputs: box.answers(inputs, kind), scorer)


def _need_domain(domain: str | None) -> None:
    if not domain:
        raise TargetError(f"interpreting your own function needs --domain "
                          f"{'|'.join(domains.names())}")


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

    def __init__(self, box: BlackBox | InProcess, kind: str, known: list):
        self.box, self.kind = box, kind
        self.known = dict(zip(known, box.answers(known, kind)))

    def __call__(self, x):
        if x not in self.known:
            self.known[x] = self.box.answers([x], self.kind)[0]
        return self.known[x]


def _answers(name: str, domain: str, box: BlackBox | InProcess) -> scoring.Answers:
    """The reference's answers on the scoring inputs, where it answered them."""
    plugin = domains.get(domain)
    truth = _Prefetched(box, plugin.output_kind, plugin.reference_inputs(name))
    return plugin.reference_answers(name, truth)


def _unscorable(answers: scoring.Answers) -> str | None:
    """Why these answers cannot tell a right explanation from a wrong one, if they cannot
    (answers all alike are the domain's to judge: a constant neuron's grade says so)."""
    if not answers.answered().expected:
        return "the reference function answered none of the scoring inputs"
    return None
