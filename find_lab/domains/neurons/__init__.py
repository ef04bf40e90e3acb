"""The neurons domain: word -> activation in [0, 1], selective for concepts of a lexicon.

`specs` draws the neurons from the lexicon in `functions/lexicon/`, interprets and renders
them; `scoring` holds the correlation; this module is the domain as the lab sees it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np

from find_lab import probe_syntax
from find_lab.domains import Answers, Domain, pick
from find_lab.domains.neurons import scoring, specs
from find_lab.english import count

WORD = re.compile(r"[A-Za-z][A-Za-z'-]{0,39}")
# Everyday words the `random` baseline probes with: no concept in particular.
WORDS = ("time year people way day man thing woman life child world school state family student "
         "group country problem hand part place case week company system program question work "
         "government number night point home water room mother area money story fact month lot "
         "right study book eye job word business issue side kind head house service friend father "
         "power hour game line end member law car city community name president team minute idea "
         "kid body information back parent face others level office door health person art war "
         "history party result change morning reason research girl guy moment air teacher force "
         "education apple river music storm doctor bread chair election anger").split()

PROMPT = """\
f is a synthetic neuron: it takes one English word and returns an activation between 0 and 1, \
high for words in the concept it is selective for (sometimes for either of two concepts). \
Probe words from many topics, then words close to the ones that fire, to find the concept and \
its edges. Your code defines f(x) for a word and returns a number in [0, 1]: describe the \
concept in code with words well beyond the ones you probed. It is scored by correlation with \
the true activations on unseen words (success at 0.5)."""


class Neurons(Domain):
    name = "neurons"
    complexities = ("single", "or", "except")
    inputs = "single words"
    outputs = "activation in [0, 1]"
    output_kind = "number"
    metric, threshold, lower_is_better = "pearson", 0.5, False
    count = 300
    spec_fields = ("concepts", "excluded", "members", "salt", "heldout")
    probe_hint = "words: apple river justice"
    description_example = "e.g. fires for words about weather: rain, storm, humid"
    find_category = "neurons_entities"  # FIND's entity neurons answer for words too
    odd_example = "e.g. except for words about snow, or leave empty"
    template = "def f(word: str) -> float:\n    return 0.0\n"
    prompt = PROMPT
    probe_schema = {"type": "string", "pattern": f"^{WORD.pattern}$",
                    "description": "a single English word"}

    def validate(self, value):
        if not isinstance(value, str):
            return value, f"not a string: {value!r}"
        if not WORD.fullmatch(value.strip()):
            return value, f"not a single word: {value!r}"
        return value, None

    def read_probes(self, text: str) -> list:
        return probe_syntax.words(text)

    def fit_summary(self, pairs: list[tuple], probed: int) -> str:
        seen, guess = (np.array(column, dtype=float) for column in zip(*pairs))
        if len(pairs) < 3 or np.std(seen) == 0 or np.std(guess) == 0:
            return f"predicts {count(len(pairs), 'word')}; too few or too uniform for a correlation"
        return f"correlation {np.corrcoef(seen, guess)[0, 1]:.3f} over {len(pairs)} probed words"

    # --- the hidden functions -----------------------------------------------------------
    def generate(self, seed: int, lexicon: Path, workers: int = 1,
                 ids: list[str] | None = None) -> list[dict]:
        """Drawn in one sequence: any of them costs them all (under a second)."""
        return pick(specs.generate(seed, lexicon, self.count), ids)

    def observer(self, spec: dict, rng):
        return lambda words: [specs.activation(spec, word) for word in words]

    def render(self, spec: dict) -> str:
        return specs.render(spec)

    # --- scoring ------------------------------------------------------------------------
    def answers(self, spec: dict) -> Answers:
        """The spec's held-out words: members, the excluded sub-category, other concepts'
        members, plain words."""
        words = spec["heldout"]
        return Answers(spec["id"], self.name, words, [specs.activation(spec, w) for w in words])

    def reference_inputs(self, function_id: str) -> list:
        return scoring.lexicon_words()

    def reference_answers(self, function_id: str, function) -> Answers:
        """Scored on lexicon words drawn by the reference's own activation (a user's neuron
        has no held-out words of its own)."""
        words = scoring.scoring_words(function_id, function)
        return Answers(function_id, self.name, words, [float(function(w)) for w in words]).answered()

    def grade(self, answers, outcome):
        return scoring.grade(answers, outcome)

    # --- the description judge ----------------------------------------------------------
    def question_inputs(self, spec: dict, rng: random.Random) -> list:
        words = list(spec["heldout"])
        rng.shuffle(words)
        return words

    def shown_truth(self, spec: dict):
        return lambda word: round(float(specs.activation(spec, word)), 2)

    # --- the baselines ------------------------------------------------------------------
    def random_inputs(self, count: int, seed: int) -> list:
        return [WORDS[i] for i in np.random.default_rng(seed).permutation(len(WORDS))[:count]]

    def table_code(self, pairs: list[tuple], interpolate: bool) -> str:
        table = dict(pairs)
        default = float(np.mean(list(table.values()))) if table else 0.0
        return (f"TABLE = {table!r}\n\n\ndef f(word):\n"
                f"    return TABLE.get(str(word).strip().lower(), {default!r})\n")


DOMAIN = Neurons()
