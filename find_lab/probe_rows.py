"""The rows of a probe table: every probe of a session in the order it was made, with what
each hypothesis predicted there and whether that matches what the function answered.

The lab's probe tables draw these rows and a session export writes them; both read one
`table(...)`, so they agree. Plain Python: no Textual.

    rows = probe_rows.table(state)                                 # the current hypothesis
    rows = probe_rows.table(state, probe_rows.hypotheses(events))  # every hypothesis of a log
    text = probe_rows.to_csv(rows)

A hypothesis event's `preview` holds its predictions where it was evaluated when it was made
(the inputs probed by then, and a grid where inputs are numbers), so a probe made after it has
no prediction there. `missing` lists those inputs, `evaluate` runs the hypothesis's code on
them in the sandbox, and `table(..., extra=...)` takes the answers in.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from find_lab.labstate import LabState, _key, preview_predictions
from find_lab.printable import printable

FORMULA = tuple("=+-@\t\r")  # what a spreadsheet reads as the start of a formula

REL_TOL = 1e-6    # numbers closer than this (relative, or absolute near 0) match
ABS_TOL = 1e-9


@dataclass(frozen=True)
class Hypothesis:
    """One hypothesis as a column of the table: the event's seq, note and code, and its
    predictions by input (`key(x)`): its preview, with any worked out since."""

    seq: int
    note: str
    code: str
    predictions: Mapping

    @property
    def label(self) -> str:
        return f"hypothesis {self.seq}" + (f": {self.note}" if self.note else "")


@dataclass(frozen=True)
class Row:
    number: int          # 1, 2, ... in the order probed
    seq: int             # the probe event the input came in
    actor: str
    carried: bool        # brought from the session a fork started from
    input: object
    output: object       # None where the function gave no answer
    error: str | None    # why it gave none ("undefined", or why the input was refused)
    repeats: int         # probes of this same input in the whole table (1: probed once)
    predictions: tuple   # one per hypothesis, None where it predicts nothing
    matches: tuple       # one per hypothesis: True, False, or None (nothing to compare)

    def residual(self, column: int = 0) -> float | None:
        """Output minus the prediction of hypothesis `column`, where both are numbers."""
        predicted = self.predictions[column] if column < len(self.predictions) else None
        if _is_number(self.output) and _is_number(predicted):
            return float(self.output) - float(predicted)
        return None


@dataclass(frozen=True)
class Table:
    hypotheses: tuple[Hypothesis, ...]
    rows: tuple[Row, ...]

    @property
    def numeric(self) -> bool:
        """Every answer is a number (and there is one): residuals mean something."""
        answers = [row.output for row in self.rows if row.error is None]
        return bool(answers) and all(_is_number(y) for y in answers)


def key(x) -> object:
    """The input as predictions are keyed (floats rounded, as LabState keys them)."""
    return _key(x)


def hypotheses(events: Iterable[dict]) -> list[dict]:
    """The hypothesis events of a session log, in order."""
    return [event for event in events if event.get("kind") == "hypothesis"]


def predictions(hypothesis: dict, extra: Mapping | None = None) -> dict:
    """A hypothesis's predictions by input: its preview, then `extra` (worked out since)."""
    predicted = preview_predictions(hypothesis.get("preview"))
    predicted.update(extra or {})
    return predicted


def table(state: LabState, hypotheses: Sequence[dict] | None = None,
          extra: Mapping[int, Mapping] | None = None) -> Table:
    """The rows of `state`'s probes, one column per hypothesis event in `hypotheses` (by
    default the state's current hypothesis, if it has one). `extra` maps a hypothesis's seq to
    predictions worked out after it was made (`evaluate`)."""
    if hypotheses is None:
        hypotheses = [state.hypothesis] if state.hypothesis else []
    extra = extra or {}
    columns = tuple(Hypothesis(h.get("seq", -1), (h.get("note") or "").strip(), h.get("code") or "",
                               predictions(h, extra.get(h.get("seq", -1))))
                    for h in hypotheses)
    counts: dict = {}
    keys = [_hashable(key(p.x)) for p in state.probes]
    for k in keys:
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    rows = []
    for number, (probe, k) in enumerate(zip(state.probes, keys), start=1):
        predicted = tuple(_lookup(column.predictions, k) for column in columns)
        rows.append(Row(number, probe.seq, probe.actor, probe.carried, probe.x, probe.y,
                        probe.error, counts.get(k, 1),
                        predicted, tuple(matches(probe.y, y) if probe.error is None else None
                                         for y in predicted)))
    return Table(columns, tuple(rows))


def missing(state: LabState, hypothesis: dict | None, extra: Mapping | None = None) -> list:
    """The answered inputs `hypothesis` has no prediction for (each once, in probing order):
    those probed after it was made. Empty when it has no code to run."""
    if not hypothesis or not (hypothesis.get("code") or "").strip():
        return []
    predicted = predictions(hypothesis, extra)
    wanted: dict = {}
    for probe in state.probes:
        k = _hashable(key(probe.x))
        if probe.error is None and k is not None and k not in predicted:
            wanted.setdefault(k, probe.x)
    return list(wanted.values())


def evaluate(hypothesis: dict, domain: str, inputs: list) -> dict:
    """The hypothesis's predictions on `inputs`, by input, from its code run in the sandbox
    (blocking: call it off the UI's loop). An input the code fails on is left out."""
    from find_lab.experiment import hypothesis_preview

    if not inputs or not (hypothesis.get("code") or "").strip():
        return {}
    wanted = {key(x) for x in inputs}
    pairs = hypothesis_preview(hypothesis["code"], domain, list(inputs))
    return {key(x): y for x, y in pairs if key(x) in wanted}


def matches(observed, predicted) -> bool | None:
    """Whether a prediction is what the function answered: numbers within a relative 1e-6,
    anything else equal. None when there is nothing to compare."""
    if predicted is None or observed is None:
        return None
    if _is_number(observed) and _is_number(predicted):
        return math.isclose(float(observed), float(predicted), rel_tol=REL_TOL, abs_tol=ABS_TOL)
    return observed == predicted


def to_csv(table: Table) -> str:
    """The table as CSV: one line per probe, with a prediction and a match column for each
    hypothesis (and a residual column, where the answers are numbers)."""
    numeric = table.numeric
    header = ["number", "seq", "actor", "carried", "input", "output", "error", "repeats"]
    for column in table.hypotheses:
        header += [column.label, f"hypothesis {column.seq} matches"]
        header += [f"hypothesis {column.seq} residual"] if numeric else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_csv(name) for name in header])
    for row in table.rows:
        line = [row.number, row.seq, row.actor, _csv(row.carried), _csv(row.input),
                _csv(row.output), _csv(row.error), row.repeats]
        for index, (predicted, match) in enumerate(zip(row.predictions, row.matches)):
            line += [_csv(predicted), _csv(match)]
            line += [_csv(row.residual(index))] if numeric else []
        writer.writerow(line)
    return out.getvalue()


def _csv(value) -> str:
    """A cell: numbers exact; text with control characters shown as escapes, and a leading
    = + - @ quoted, so a spreadsheet shows an agent's text rather than running it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = printable(value if isinstance(value, str) else str(value), tabs=True)
    return "'" + text if text[:1] in FORMULA else text


def _hashable(k):
    """An input usable as a dict key (a refused input may be a list or a dict)."""
    try:
        hash(k)
    except TypeError:
        return None
    return k


def _lookup(predicted: Mapping, k) -> object:
    return None if k is None else predicted.get(k)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
