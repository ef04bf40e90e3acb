"""Scoring neuron answers: Pearson correlation with the true activation on held-out words,
which a user's own neuron gets from the lexicon by its own activation."""

from __future__ import annotations

import math
import zlib
from typing import TYPE_CHECKING, Callable

import numpy as np

from find_lab.domains import Answers
from find_lab.domains.neurons import specs

if TYPE_CHECKING:
    from find_lab.sandbox import Outcome


def grade(answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
    truth, predicted = np.array(answers.expected, dtype=float), np.array(outcome.numbers())
    details = {"words": len(answers.inputs)}
    errors = sum(e is not None for e in outcome.errors)
    if errors:
        return 0.0, details, f"failed on {errors} of {len(truth)} words: {outcome.first_error()}"
    if float(np.std(truth)) == 0.0:
        return 0.0, details, (f"the true activation is {truth[0]:g} on all {len(truth)} held-out "
                              "words, so this test set cannot tell answers apart (a fault of the "
                              "test set, not of the answer)")
    if float(np.std(predicted)) == 0.0:
        return 0.0, details, "the predictions are constant, so they correlate with nothing"
    return float(np.corrcoef(truth, predicted)[0, 1]), details, None


def lexicon_words() -> list[str]:
    """Every word of the lexicon the suite was built from: concepts' members and plain words."""
    from find_lab.suite import default_root  # late: the suite imports the domains

    concepts, vocabulary = specs.load_lexicon(default_root() / "lexicon")
    return sorted({w for c in concepts for w in c["members"]} | set(vocabulary))


def scoring_words(name: str, activation: Callable[[str], float], count: int = 150) -> list[str]:
    """Held-out words from the top, middle and bottom thirds of the reference's own range of
    activation on the lexicon, in turn, drawn per name: a neuron for a rare concept gets its
    words, not 150 it ignores."""
    scored = [(w, a) for w in lexicon_words() if math.isfinite(a := activation(w))]
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
