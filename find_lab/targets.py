"""Targets: suite functions, or a user's own Python callable, behind one batch interface."""

from __future__ import annotations

import math
import zlib
from typing import Callable

import numpy as np

from find_lab import scoring
from find_lab.blackbox import BlackBox, BlackBoxError, BlackBoxTimeout, InProcess, NoAnswer
from find_lab.experiment import Target
from find_lab.suite import default_root, neurons, observer
from find_lab.suite.atoms import GRID

__all__ = ["BlackBox", "BlackBoxError", "BlackBoxTimeout", "NoAnswer", "TargetError",
           "from_callable", "from_spec", "load_callable"]


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


def load_callable(reference: str, timeout: float = 10.0) -> BlackBox:
    """`path/to/file.py:name` or `package.module:name`, loaded in a worker process that
    answers each input within `timeout` seconds; loading is held to the same limit."""
    location, _, name = reference.rpartition(":")
    if not location or not name:
        raise TargetError(f"expected FILE.py:NAME or MODULE:NAME, got {reference!r}")
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
