"""Score a submitted explanation (code, optional description) against a hidden function.

The domain says what the code runs on and how its outputs are judged (`Domain.answers`,
`Domain.grade`: FIND's NMSE for numeric functions, exact matches for strings, correlation for
neurons); this module runs the code in the sandbox, applies the domain's success rule and
reports the code's size, so a lookup table is visible for what it is.
"""

from __future__ import annotations

import ast
import math
from dataclasses import asdict, dataclass, field

from find_lab import domains, sandbox
from find_lab.domains import Answers
from find_lab.english import count

MAX_CODE_CHARS = 200_000
TABLE_LITERALS = 40


@dataclass(frozen=True)
class CodeSize:
    ast_nodes: int
    numeric_literals: int
    string_literals: int

    @property
    def table_like(self) -> bool:
        """Many numeric literals: the code is (partly) a table of values, not a formula."""
        return self.numeric_literals > TABLE_LITERALS


@dataclass(frozen=True)
class Score:
    function_id: str
    domain: str
    metric: str
    value: float  # NMSE (lower is better) or a rate/correlation (higher is better)
    success: bool
    reason: str | None = None
    details: dict = field(default_factory=dict)
    code_size: CodeSize | None = None
    description: str | None = None
    seconds: float = 0.0
    isolation: str = ""  # how the code was contained (see find_lab.jail)

    def to_dict(self) -> dict:
        data = asdict(self)
        if self.code_size:
            data["code_size"]["table_like"] = self.code_size.table_like
        return data

    def summary(self) -> str:
        """One line a person reads: the metric, the verdict, the extras, the code size."""
        if self.reason and not math.isfinite(self.value):
            return f"{self.function_id}: score 0 - {self.reason}"
        verdict = "success" if self.success else "fail"
        text = f"{self.function_id}: {self.metric} {_fmt(self.value)} ({verdict})"
        for key in ("heldout_nmse", "local_nmse"):
            if key in self.details:
                text += f", {key.replace('_', ' ')} {_fmt(self.details[key])}"
        if "matched" in self.details:
            text += f", {self.details['matched']}/{self.details['total']} exact"
        if "find_unit_tests" in self.details:  # a string function of FIND's dataset
            unit = self.details["find_unit_tests"]
            text += f", FIND's unit tests {unit['matched']}/{unit['total']}"
        if self.code_size:
            size = self.code_size
            text += (f"; code {count(size.ast_nodes, 'AST node')}, "
                     f"{count(size.numeric_literals, 'number')}, {count(size.string_literals, 'string')}")
            text += " (table-like)" if size.table_like else ""
        return text + (f" - {self.reason}" if self.reason else "")


def _fmt(value: float) -> str:
    return f"{value:.4g}" if math.isfinite(value) else str(value)


def code_size(code: str) -> CodeSize | None:
    """AST node and literal counts; None when the code does not parse."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    nodes = list(ast.walk(tree))
    constants = [n.value for n in nodes if isinstance(n, ast.Constant)]
    return CodeSize(
        ast_nodes=len(nodes),
        numeric_literals=sum(isinstance(c, (int, float, complex)) and not isinstance(c, bool)
                             for c in constants),
        string_literals=sum(isinstance(c, str) for c in constants))


def score(spec: dict | Answers, code: str, description: str | None = None,
          limits: sandbox.Limits = sandbox.Limits()) -> Score:
    """Run `code` in the sandbox on the scoring inputs and judge it; never raises."""
    domain = domains.get(spec.domain if isinstance(spec, Answers) else spec["domain"])
    answers = spec if isinstance(spec, Answers) else domain.answers(spec)
    base = {"function_id": answers.function_id, "domain": domain.name, "metric": domain.metric,
            "description": description}
    if len(code) > MAX_CODE_CHARS:
        return Score(**base, value=domain.failure, success=False,
                     reason=f"the code is too long ({len(code)} characters; limit {MAX_CODE_CHARS})")
    size = code_size(code)
    outcome = sandbox.run(code, domain.output_kind, answers.inputs, limits)
    if not outcome.ok:
        return Score(**base, value=domain.failure, success=False, reason=outcome.reason,
                     code_size=size, seconds=outcome.seconds, isolation=outcome.isolation)
    value, details, reason = domain.grade(answers, outcome)
    details["mode"] = outcome.mode
    return Score(**base, value=value, success=bool(domain.succeeds(value)), reason=reason,
                 details=details, code_size=size, seconds=outcome.seconds,
                 isolation=outcome.isolation)
