"""Scoring relation answers: the strings domain's exact matches on held-out inputs, reported
also by part (inside the relation's domain, in its exception's sub-group, outside it), since a
rate over all of them hides code that answers 'undefined' wherever it is unsure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from find_lab.domains import Answers
from find_lab.domains.relations.specs import UNDEFINED
from find_lab.domains.strings import scoring as exact
from find_lab.english import count

if TYPE_CHECKING:
    from find_lab.sandbox import Outcome

PARTS = ("domain", "exception", "outside")
MIN_DOMAIN = 5  # held-out inputs inside the domain for a score to mean anything


def grade(answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
    value, details, reason = exact.grade(answers, outcome)
    if not answers.parts:
        return value, details, reason
    hits = [got == want for got, want in zip(outcome.outputs, answers.expected)]
    details["parts"] = {part: {"matched": sum(ok for ok, p in zip(hits, answers.parts) if p == part),
                               "total": answers.parts.count(part)}
                        for part in PARTS if part in answers.parts}
    inside = answers.parts.count("domain")
    if inside < MIN_DOMAIN:
        details["parts"].setdefault("domain", {"matched": 0, "total": 0})
        return 0.0, details, (f"only {count(inside, 'held-out input')} {'is' if inside == 1 else 'are'} "
                              "in the function's domain (the lab knows too few names it answers), "
                              f"so this test set cannot tell an answer from '{UNDEFINED}' everywhere "
                              "(a fault of the test set, not of the answer)")
    return value, details, reason
