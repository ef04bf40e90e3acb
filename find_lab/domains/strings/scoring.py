"""Scoring string answers: the exact-match rate on held-out strings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from find_lab.domains import Answers

if TYPE_CHECKING:
    from find_lab.sandbox import Outcome

TESTS = 60  # held-out strings per function


def grade(answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
    tests, expected = answers.inputs, answers.expected
    matched = [got == want for got, want in zip(outcome.outputs, expected)]
    details = {"matched": sum(matched), "total": len(tests)}
    miss = next((i for i, ok in enumerate(matched) if not ok), None)
    if miss is not None:
        details["first_mismatch"] = {"input": tests[miss], "expected": expected[miss],
                                     "got": outcome.outputs[miss]}
    errors = sum(e is not None for e in outcome.errors)
    reason = f"failed on {errors} of {len(tests)} inputs: {outcome.first_error()}" if errors else None
    return sum(matched) / len(tests), details, reason
