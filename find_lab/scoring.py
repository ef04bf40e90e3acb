"""Score a submitted explanation (code, optional description) against a hidden function.

numeric: FIND's NMSE on x = i + 0.5 against the noise-free function, plus NMSE on secret
held-out points and a local-detail NMSE on the corrupted (or most irregular) interval.
strings: exact-match rate on held-out test strings. neurons: Pearson correlation on held-out
words. Every score reports the code's size so a lookup table is visible for what it is.
"""

from __future__ import annotations

import ast
import hashlib
import math
from dataclasses import asdict, dataclass, field

import numpy as np

from find_lab import sandbox
from find_lab.suite import neurons, numeric, strings
from find_lab.suite.atoms import GRID
from find_lab.suite.numeric import HIGH, LOW

THRESHOLDS = {"numeric": 0.1, "strings": 0.9, "neurons": 0.5}
METRICS = {"numeric": "nmse", "strings": "exact_match", "neurons": "pearson"}
HELDOUT_POINTS = 256
MAX_CODE_CHARS = 200_000
TABLE_LITERALS = 40
STRING_TESTS = 60


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
        if self.code_size:
            size = self.code_size
            text += (f"; code {size.ast_nodes} AST nodes, {size.numeric_literals} numbers, "
                     f"{size.string_literals} strings")
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


def heldout_points(function_id: str) -> np.ndarray:
    """Secret held-out x values: random in [-128, 128], fixed per function, never probed."""
    seed = int.from_bytes(hashlib.sha256(f"find-lab heldout {function_id}".encode()).digest()[:8])
    return np.random.default_rng(seed).uniform(LOW, HIGH, HELDOUT_POINTS)


@dataclass(frozen=True)
class Answers:
    """What a submission is judged against: the scoring inputs and the true outputs there.

    numeric: FIND's grid then the held-out points (truth NaN where undefined) and the local
    region; strings: held-out strings and expected outputs; neurons: words and activations.
    """

    function_id: str
    domain: str
    inputs: list
    expected: list
    local: tuple[float, float] | None = None


def answers_for_spec(spec: dict) -> Answers:
    domain = spec["domain"]
    if domain == "numeric":
        xs = np.concatenate([GRID, heldout_points(spec["id"])])
        return Answers(spec["id"], domain, [float(x) for x in xs],
                       [float(y) for y in numeric.truth(spec, xs)], tuple(spec["local"]))
    if domain == "strings":
        tests = strings.test_inputs(spec, STRING_TESTS)
        call = strings.make_callable(spec)
        return Answers(spec["id"], domain, tests, [call(t) for t in tests])
    words = spec["heldout"]
    return Answers(spec["id"], domain, words, [neurons.activation(spec, w) for w in words])


def answers_for_function(function_id: str, domain: str, function, words: list[str] = ()) -> Answers:
    """Answers from a user's reference function, scored exactly like a suite function."""
    if domain == "numeric":
        xs = np.concatenate([GRID, heldout_points(function_id)])
        truth = np.array([function(float(x)) for x in xs], dtype=float)
        truth[~np.isfinite(truth)] = np.nan
        return Answers(function_id, domain, [float(x) for x in xs], [float(y) for y in truth],
                       numeric.irregular_window(truth[:len(GRID)]))
    if domain == "strings":
        tests = strings.test_inputs({"id": function_id, "program": []}, STRING_TESTS, function)
        return Answers(function_id, domain, tests, [function(t) for t in tests])
    return Answers(function_id, domain, list(words), [float(function(w)) for w in words])


def score(spec: dict | Answers, code: str, description: str | None = None,
          limits: sandbox.Limits = sandbox.Limits()) -> Score:
    """Run `code` in the sandbox on the scoring inputs and judge it; never raises."""
    answers = spec if isinstance(spec, Answers) else answers_for_spec(spec)
    domain = answers.domain
    base = {"function_id": answers.function_id, "domain": domain, "metric": METRICS[domain],
            "description": description}
    failed = math.inf if domain == "numeric" else 0.0
    if len(code) > MAX_CODE_CHARS:
        return Score(**base, value=failed, success=False,
                     reason=f"the code is too long ({len(code)} characters; limit {MAX_CODE_CHARS})")
    size = code_size(code)
    outcome = sandbox.run(code, domain, answers.inputs, limits)
    if not outcome.ok:
        return Score(**base, value=failed, success=False, reason=outcome.reason, code_size=size,
                     seconds=outcome.seconds, isolation=outcome.isolation)
    judge = {"numeric": _judge_numeric, "strings": _judge_strings, "neurons": _judge_neurons}[domain]
    value, details, reason = judge(answers, outcome)
    success = value < THRESHOLDS[domain] if domain == "numeric" else value >= THRESHOLDS[domain]
    details["mode"] = outcome.mode
    return Score(**base, value=value, success=bool(success), reason=reason, details=details,
                 code_size=size, seconds=outcome.seconds, isolation=outcome.isolation)


def _predictions(outcome: sandbox.Outcome) -> np.ndarray:
    return np.array([np.nan if y is None else y for y in outcome.outputs], dtype=float)


def nmse(truth: np.ndarray, prediction: np.ndarray) -> float:
    """FIND's normalised MSE over the points where the truth is defined."""
    keep = np.isfinite(truth)
    truth, prediction = truth[keep], prediction[keep]
    if not np.all(np.isfinite(prediction)):
        return math.inf
    energy = float(np.sum(truth ** 2))
    error = float(np.sum((truth - prediction) ** 2))
    if energy == 0.0:
        return 0.0 if error == 0.0 else math.inf
    return error / energy


def local_nmse(truth: np.ndarray, prediction: np.ndarray, inside: np.ndarray) -> float:
    """Mean squared error inside the region, relative to the function's variance everywhere.

    FIND's NMSE divides by the signal's energy, which hides a wrong interval on a function
    far from zero; dividing by the variance asks whether the local shape was captured.
    """
    keep = np.isfinite(truth)
    if not np.all(np.isfinite(prediction[keep & inside])):
        return math.inf
    local = keep & inside
    if not local.any():
        return 0.0
    scale = float(np.var(truth[keep])) or float(np.mean(truth[keep] ** 2)) or 1.0
    return float(np.mean((truth[local] - prediction[local]) ** 2)) / scale


def _judge_numeric(answers: Answers, outcome: sandbox.Outcome):
    predicted, truth = _predictions(outcome), np.array(answers.expected, dtype=float)
    size = len(GRID)
    on_grid, truth_grid = predicted[:size], truth[:size]
    lo, hi = answers.local
    details = {
        "heldout_nmse": nmse(truth[size:], predicted[size:]),
        "local_nmse": local_nmse(truth_grid, on_grid, (GRID >= lo) & (GRID <= hi)),
        "local_region": [lo, hi],
    }
    reason = None
    missing = int(np.sum(np.isfinite(truth_grid) & ~np.isfinite(on_grid)))
    if missing:
        reason = (f"no finite prediction at {missing} of {int(np.isfinite(truth_grid).sum())} "
                  f"scoring points ({outcome.first_error() or 'NaN or inf returned'})")
    return nmse(truth_grid, on_grid), details, reason


def _judge_strings(answers: Answers, outcome: sandbox.Outcome):
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


def _judge_neurons(answers: Answers, outcome: sandbox.Outcome):
    truth, predicted = np.array(answers.expected, dtype=float), _predictions(outcome)
    details = {"words": len(answers.inputs)}
    errors = sum(e is not None for e in outcome.errors)
    if errors:
        return 0.0, details, f"failed on {errors} of {len(truth)} words: {outcome.first_error()}"
    if float(np.std(truth)) == 0.0:
        return 0.0, details, ("the true activation is constant on the held-out words, so this "
                              "test set cannot tell answers apart (a fault of the test set)")
    if float(np.std(predicted)) == 0.0:
        return 0.0, details, "the predictions are constant, so they correlate with nothing"
    return float(np.corrcoef(truth, predicted)[0, 1]), details, None
