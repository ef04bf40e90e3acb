"""The strings domain: str -> str programs of atomic operations, most of them composed.

`ops` holds the operations, `specs` draws, interprets and renders programs and their held-out
strings, `scoring` the exact-match rate; this module is the domain as the lab sees it.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

from find_lab import probe_syntax
from find_lab.domains import Answers, Domain, pick
from find_lab.domains.strings import scoring, specs

MAX_LENGTH = 1000  # characters of one probe
RANDOM_PROBES = 100
JUDGE_INPUTS = 40

PROMPT = """\
f takes a string and returns a string. It may compose operations such as case changes, \
reversals, character shifts, insertions, removals, replacements, duplications, counting, or \
picking out characters. Try empty strings, single characters, digits, punctuation, spaces and \
mixed case. Your code defines f(x) taking and returning a str; the standard library (re, \
string, ...) is available. It is scored by exact matches on unseen strings (success at 90%)."""


class Strings(Domain):
    name = "strings"
    complexities = ("atomic", "composed")
    inputs = "strings"
    outputs = "strings"
    output_kind = "text"
    metric, threshold, lower_is_better = "exact_match", 0.9, False
    count = 1000
    spec_fields = ("program",)
    probe_hint = 'quoted strings: "Hello World", "abc 123"'
    description_example = "e.g. reverses the string, then swaps the case of every letter"
    find_category = "strings"
    odd_example = "e.g. strings containing digits, or leave empty"
    template = "def f(x: str) -> str:\n    return x\n"
    prompt = PROMPT
    probe_schema = {"type": "string", "maxLength": MAX_LENGTH}

    def validate(self, value):
        if not isinstance(value, str):
            return value, f"not a string: {value!r}"
        if len(value) > MAX_LENGTH:
            return value, f"longer than {MAX_LENGTH} characters"
        return value, None

    def read_probes(self, text: str) -> list:
        return probe_syntax.strings(text)

    def fit_summary(self, pairs: list[tuple], probed: int) -> str:
        matched = sum(seen == guess for seen, guess in pairs)
        return f"matches {matched} of {probed} probed outputs exactly"

    # --- the hidden functions -----------------------------------------------------------
    def generate(self, seed: int, lexicon: Path, workers: int = 1,
                 ids: list[str] | None = None) -> list[dict]:
        """Drawn in one sequence: any of them costs them all (under a second)."""
        return pick(specs.generate(seed, self.count), ids)

    def observer(self, spec: dict, rng):
        call = specs.make_callable(spec)
        return lambda xs: [call(x) for x in xs]

    def render(self, spec: dict) -> str:
        return specs.render(spec)

    # --- scoring ------------------------------------------------------------------------
    def answers(self, spec: dict) -> Answers:
        tests = specs.test_inputs(spec, scoring.TESTS)
        call = specs.make_callable(spec)
        return Answers(spec["id"], self.name, tests, [call(t) for t in tests])

    def reference_answers(self, function_id: str, function) -> Answers:
        tests = specs.test_inputs({"id": function_id, "program": []}, scoring.TESTS, function)
        return Answers(function_id, self.name, tests, [function(t) for t in tests]).answered()

    def grade(self, answers, outcome):
        return scoring.grade(answers, outcome)

    # --- the description judge ----------------------------------------------------------
    def question_inputs(self, spec: dict, rng: random.Random) -> list:
        return [text for text in specs.test_inputs(spec, JUDGE_INPUTS) if text.strip()]

    def shown_truth(self, spec: dict):
        return specs.make_callable(spec)

    # --- the baselines ------------------------------------------------------------------
    def random_inputs(self, count: int, seed: int) -> list:
        chooser = random.Random(seed)
        alphabet = string.ascii_letters + string.digits + " .,!?"
        return ["".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 20)))
                for _ in range(min(count, RANDOM_PROBES))]

    def table_code(self, pairs: list[tuple], interpolate: bool) -> str:
        return f"TABLE = {dict(pairs)!r}\n\n\ndef f(x):\n    return TABLE.get(x, x)\n"


DOMAIN = Strings()
