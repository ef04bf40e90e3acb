"""Scoring relation answers: the strings domain's exact matches on held-out inputs, reported
also by part (inside the relation's domain, in its exception's sub-group, outside it), since a
rate over all of them hides code that answers 'undefined' wherever it is unsure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from find_lab.domains import Answers
from find_lab.domains.strings import scoring as exact

if TYPE_CHECKING:
    from find_lab.sandbox import Outcome

PARTS = ("domain", "exception", "outside")


def grade(answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
    value, details, reason = exact.grade(answers, outcome)
    if answers.parts:
        hits = [got == want for got, want in zip(outcome.outputs, answers.expected)]
        details["parts"] = {part: {"matched": sum(ok for ok, p in zip(hits, answers.parts) if p == part),
                                   "total": answers.parts.count(part)}
                            for part in PARTS if part in answers.parts}
    return value, details, reason
