"""The rows of a probe table, from a lab state: what the probe tables draw and exports write."""

import csv
import io

from find_lab import probe_rows
from find_lab.labstate import LabState


def events(*kinds, domain="strings") -> list[dict]:
    log = [{"kind": "session_start", "actor": "system", "function_id": f"{domain}/f0001",
            "domain": domain, "actor_kind": "scientist", "budget": {"calls": 9, "points": 99}}]
    log += kinds
    for seq, event in enumerate(log):
        event.setdefault("seq", seq)
        event.setdefault("t", float(seq))
        event.setdefault("actor", "agent")
    return log


def probe(inputs, outputs, errors=None, actor="agent", **fields) -> dict:
    return {"kind": "probe", "actor": actor, "inputs": inputs, "outputs": outputs,
            "errors": errors or [None] * len(inputs), **fields}


def hypothesis(preview, note="", code="def f(x):\n    return x.upper()\n") -> dict:
    return {"kind": "hypothesis", "note": note, "code": code, "preview": preview}


STRINGS = events(probe(["ab", "cd", "ab"], ["AB", "CD", "AB"]),
                 hypothesis([["ab", "AB"], ["cd", "cd"]], note="upper"),
                 probe(["x" * 300, "ef"], [None, "EF"], errors=["longer than 200 characters", None],
                       actor="human"))


def test_rows_follow_the_probes_with_the_current_hypothesis():
    table = probe_rows.table(LabState.from_events(STRINGS))
    assert [h.label for h in table.hypotheses] == ["hypothesis 2: upper"]
    assert [(r.number, r.seq, r.actor, r.input, r.output, r.error) for r in table.rows] == [
        (1, 1, "agent", "ab", "AB", None), (2, 1, "agent", "cd", "CD", None),
        (3, 1, "agent", "ab", "AB", None),
        (4, 3, "human", "x" * 300, None, "longer than 200 characters"),
        (5, 3, "human", "ef", "EF", None)]
    assert [r.predictions for r in table.rows] == [("AB",), ("cd",), ("AB",), (None,), (None,)]
    assert [r.matches for r in table.rows] == [(True,), (False,), (True,), (None,), (None,)]
    assert [r.repeats for r in table.rows] == [2, 1, 2, 1, 1]
    assert not table.numeric


def test_no_hypothesis_no_columns_and_every_hypothesis_of_a_log():
    assert probe_rows.table(LabState.from_events(STRINGS[:2])).hypotheses == ()
    second = hypothesis([["ab", "AB"], ["cd", "CD"], ["ef", "EF"]], note="really upper")
    log = events(*[dict(e) for e in STRINGS[1:]], second)
    table = probe_rows.table(LabState.from_events(log), probe_rows.hypotheses(log))
    assert [h.seq for h in table.hypotheses] == [2, 4]
    assert table.rows[1].predictions == ("cd", "CD") and table.rows[1].matches == (False, True)
    assert table.rows[4].matches == (None, True)


def test_inputs_probed_after_the_hypothesis_are_missing_until_worked_out():
    state = LabState.from_events(STRINGS)
    assert probe_rows.missing(state, state.hypothesis) == ["ef"]  # the refused input is not run
    assert probe_rows.missing(state, state.hypothesis, {"ef": "EF"}) == []
    assert probe_rows.missing(state, {**state.hypothesis, "code": ""}) == []
    table = probe_rows.table(state, extra={2: {"ef": "EF"}})
    assert table.rows[4].predictions == ("EF",) and table.rows[4].matches == (True,)


def test_evaluate_runs_the_code_in_the_sandbox(monkeypatch):
    monkeypatch.setenv("FIND_LAB_ALLOW_WEAK_SANDBOX", "1")
    state = LabState.from_events(STRINGS)
    assert probe_rows.evaluate(state.hypothesis, "strings", ["ef", "gh"]) == {"ef": "EF", "gh": "GH"}
    broken = {**state.hypothesis, "code": "def f(x):\n    return x.nope()\n"}
    assert probe_rows.evaluate(broken, "strings", ["ef"]) == {}


def test_numbers_match_closely_and_have_residuals():
    log = events(probe([1.0, 2.0, 3.0, 1.0], [2.0, 4.0000000001, None, 2.5],
                       errors=[None, None, "undefined", None]),
                 hypothesis([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]], code="def f(x):\n    return 2 * x\n"),
                 domain="numeric")
    table = probe_rows.table(LabState.from_events(log))
    assert table.numeric
    assert [r.matches for r in table.rows] == [(True,), (True,), (None,), (False,)]
    assert [r.residual() for r in table.rows] == [0.0, 1.000000082740371e-10, None, 0.5]
    assert [r.repeats for r in table.rows] == [2, 1, 1, 2]


def test_csv_has_a_line_per_probe_and_columns_per_hypothesis():
    text = probe_rows.to_csv(probe_rows.table(LabState.from_events(STRINGS)))
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["number", "seq", "actor", "carried", "input", "output", "error", "repeats",
                        "hypothesis 2: upper", "hypothesis 2 matches"]
    assert lines[1] == ["1", "1", "agent", "false", "ab", "AB", "", "2", "AB", "true"]
    assert lines[2][-2:] == ["cd", "false"]
    assert lines[4] == ["4", "3", "human", "false", "x" * 300, "", "longer than 200 characters",
                        "1", "", ""]
    assert len(lines) == 6


def test_csv_of_numbers_keeps_full_precision_and_residuals():
    log = events(probe([0.1, -5.5], [1 / 3, None], errors=[None, "undefined"]),
                 hypothesis([[0.1, 0.25]], code="def f(x):\n    return x\n"), domain="numeric")
    lines = list(csv.reader(io.StringIO(probe_rows.to_csv(probe_rows.table(LabState.from_events(log))))))
    assert lines[0][-1] == "hypothesis 2 residual"
    assert lines[1][4:6] == ["0.1", "0.3333333333333333"]
    assert float(lines[1][-1]) == 1 / 3 - 0.25
    assert lines[2][5:7] == ["", "undefined"]


def test_unhashable_refused_inputs_do_not_break_the_rows():
    log = events(probe([["a"], "b"], [None, "B"], errors=["not a string", None]),
                 hypothesis([["b", "B"]]))
    table = probe_rows.table(LabState.from_events(log))
    assert [(r.repeats, r.predictions) for r in table.rows] == [(1, (None,)), (1, ("B",))]
    assert probe_rows.missing(LabState.from_events(log), LabState.from_events(log).hypothesis) == []
