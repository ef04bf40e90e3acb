"""A domain the lab was not written for, defined here and nowhere else: `bits`, a byte XORed
with a hidden mask. tests/test_toy_domain.py registers it and runs real sessions on it."""

import random

from find_lab import probe_syntax
from find_lab.domains import Answers, Domain, pick
from find_lab.probe_syntax import ProbeSyntaxError

BYTES = list(range(256))


def spec(index: int, mask: int) -> dict:
    return {"id": f"bits/f{index:04d}", "domain": "bits", "complexity": "xor",
            "description": f"x XOR {mask} (the bits {mask:08b} flipped)", "mask": mask}


class Bits(Domain):
    name = "bits"
    complexities = ("xor",)
    inputs = "whole numbers 0 to 255"
    outputs = "whole numbers 0 to 255"
    output_kind = "number"
    metric, threshold, lower_is_better = "byte_match", 0.9, False
    spec_fields = ("mask",)
    probe_hint = "bytes: 3 · 1, 2, 7 · ranges 0:255:16"
    prompt = "f takes a byte (0 to 255) and returns a byte. Your code defines f(x) for an int x."
    probe_schema = {"type": "integer", "minimum": 0, "maximum": 255}

    def validate(self, value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return value, f"not a whole number: {value!r}"
        return (value, None) if 0 <= value <= 255 else (value, f"not a byte: {value}")

    def read_probes(self, text: str) -> list:
        numbers = probe_syntax.numbers(text)
        if not all(x.is_integer() for x in numbers):
            raise ProbeSyntaxError("bytes are whole numbers, 0 to 255")
        return [int(x) for x in numbers]

    def fit_summary(self, pairs, probed):
        return f"matches {sum(seen == guess for seen, guess in pairs)} of {probed} probed bytes"

    def generate(self, seed, lexicon, workers=1, ids=None):
        rng = random.Random(seed)
        return pick([spec(i, rng.randrange(1, 256)) for i in range(self.count)], ids)

    def observer(self, spec, rng):
        return lambda xs: [x ^ spec["mask"] for x in xs]

    def render(self, spec):
        return f"def f(x):\n    return x ^ {spec['mask']}\n"

    def answers(self, spec):
        return Answers(spec["id"], self.name, BYTES, [x ^ spec["mask"] for x in BYTES])

    def reference_answers(self, function_id, function):
        return Answers(function_id, self.name, BYTES, [function(x) for x in BYTES]).answered()

    def grade(self, answers, outcome):
        matched = sum(got == want for got, want in zip(outcome.outputs, answers.expected))
        errors = sum(e is not None for e in outcome.errors)
        reason = f"failed on {errors} bytes: {outcome.first_error()}" if errors else None
        return matched / len(answers.inputs), {"matched": matched, "total": len(BYTES)}, reason

    def question_inputs(self, spec, rng):
        return rng.sample(BYTES, 20)

    def shown_truth(self, spec):
        return lambda x: x ^ spec["mask"]

    def random_inputs(self, count, seed):
        return random.Random(seed).sample(BYTES, min(count, len(BYTES)))

    def grid_inputs(self, count, seed):
        return BYTES[::max(1, len(BYTES) // count)][:count]

    def table_code(self, pairs, interpolate):
        return (f"TABLE = {dict(pairs)!r}\n\n\ndef f(x):\n"
                "    return TABLE[min(TABLE, key=lambda k: abs(k - x))]\n")


DOMAIN = Bits()
