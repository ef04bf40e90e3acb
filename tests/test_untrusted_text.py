"""Text an agent, a person or a saved log wrote reaches no terminal and no spreadsheet as
commands, and a malformed log replays instead of failing."""

from rich.console import Console

from find_lab import export, probe_rows
from find_lab.labstate import LabState
from find_lab.tui.components.transcript import render_event

ESCAPES = "\x1b[2J\x1b]0;pwned\x07"


def session(note: str = "fine", preview=None) -> list[dict]:
    return [
        {"seq": 0, "t": 0.0, "actor": "system", "kind": "session_start", "session_id": "s",
         "function_id": "strings/f0000", "domain": "strings", "actor_kind": "scientist",
         "actor_name": "scientist", "budget": {"calls": 25, "points": 400}},
        {"seq": 1, "t": 0.1, "actor": "agent", "kind": "message", "text": f"hello{ESCAPES}"},
        {"seq": 2, "t": 0.2, "actor": "agent", "kind": "probe", "inputs": [f"a{ESCAPES}", "=1+1"],
         "outputs": [f"b{ESCAPES}", "@SUM(A1)"], "errors": [None, None]},
        {"seq": 3, "t": 0.3, "actor": "agent", "kind": "hypothesis", "code": "def f(s): return s",
         "note": note, "preview": preview if preview is not None else [["=1+1", "x"]]},
    ]


def drawn(renderable) -> str:
    console = Console(width=120, record=True, force_terminal=True)
    console.print(renderable)
    return console.export_text(styles=False)


def test_the_transcript_shows_escape_codes_as_text():
    for event in session(note=f"a note{ESCAPES}"):
        text = drawn(render_event(event))
        assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J" in drawn(render_event(session()[1]))


def test_csv_cells_carry_no_control_characters_or_formulas():
    events = session(note=f"=HYPERLINK(1){ESCAPES}")
    csv = export.render(events, "csv")
    assert "\x1b" not in csv and "\x07" not in csv
    for cell in ("'=1+1", "'@SUM(A1)"):
        assert cell in csv
    assert "hypothesis 3: =HYPERLINK(1)" in csv  # the note heads its column, after its name
    assert "\n=" not in csv and ",=" not in csv and ",@" not in csv


def test_a_malformed_preview_is_passed_over_not_fatal():
    for preview in ([[1.0]], [[[1, 2], 3]], [None, "x", ["a", "b", "c"]]):
        events = session(preview=preview)
        state = LabState.from_events(events)
        assert state.predictions == {}
        table = probe_rows.table(state)
        assert len(table.rows) == 2
        for fmt in ("md", "html", "csv"):
            assert export.render(events, fmt)
