"""The probes pane: one view per domain, redrawn from the lab state after every event, and
the flows a person drives on it (zoom, pan, residuals, the table, sort, copy, export)."""

import csv
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from find_lab import probe_rows
from find_lab.labstate import LabState
from find_lab.tui.components import plot as plotting
from find_lab.tui.components.plot import ProbePlot
from find_lab.tui.components.probe_table import ProbeTable, share
from find_lab.tui.components.probes import ProbesPane

STYLESHEET = str(Path(__file__).resolve().parents[2] / "find_lab" / "tui" / "lab.tcss")


class PaneApp(App):
    """The pane alone, as wide as the lab makes it (3/8 of the screen), in the lab's style."""

    CSS_PATH = STYLESHEET
    CSS = "#filler { width: 5fr; }"

    def __init__(self, home=None):
        super().__init__()
        self.store = SimpleNamespace(home=home)  # where the lab's store keeps its exports

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield Static(id="filler")
            yield ProbesPane(id="probes")


class Session:
    """Real events fed through `LabState.apply`, numbered as a live session numbers them."""

    def __init__(self, domain: str):
        self.events: list[dict] = []
        self.state = LabState()
        self.add("session_start", "system", function_id=f"{domain}/f0001", domain=domain,
                 actor_kind="scientist", actor_name="scientist", session_id="s1",
                 budget={"calls": 25, "points": 400})

    def add(self, kind: str, actor: str = "agent", **fields) -> "Session":
        event = {"seq": len(self.events), "t": float(len(self.events)), "actor": actor,
                 "kind": kind, **fields}
        self.events.append(event)
        self.state.apply(event)
        return self

    def probe(self, inputs, outputs, errors=None, actor="agent") -> "Session":
        return self.add("probe", actor, inputs=inputs, outputs=outputs,
                        errors=errors or [None] * len(inputs))

    def hypothesis(self, preview, note="a guess", code="def f(x):\n    return x") -> "Session":
        return self.add("hypothesis", code=code, note=note, preview=preview)


@pytest.fixture(autouse=True)
def fake_sandbox(monkeypatch):
    """Predictions worked out after a hypothesis come from its code run in the sandbox; here
    a stand-in answers at once (upper case for text, twice the input for numbers)."""
    calls = []

    def evaluate(hypothesis, domain, inputs):
        calls.append(list(inputs))
        return {probe_rows.key(x): x.upper() if isinstance(x, str) else 2 * x for x in inputs}

    monkeypatch.setattr(probe_rows, "evaluate", evaluate)
    return calls


def pane(app) -> ProbesPane:
    return app.query_one(ProbesPane)


def table_rows(app) -> list[tuple[str, ...]]:
    table = app.query_one("#probes-table", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def settle(pilot) -> None:
    """Let the pane's predictions be worked out and drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def numeric_session() -> Session:
    session = Session("numeric")
    session.probe([-100.0, 0.0, 50.0], [-190.0, 12.0, 110.0])
    session.probe([10.0], [30.0], actor="human")
    session.probe([-5.0], [None], errors=["undefined"])
    session.hypothesis([[-128.0, -192.0], [0.0, 0.0], [128.0, 192.0]], note="1.5 x")
    session.add("submit", description="2x", domain="odd for -10 < x < 10", code="")
    return session


def strings_session() -> Session:
    session = Session("strings")
    session.probe(["abc", "", " a "], ["ABC", "", " A "])
    session.probe(["x" * 300], [None], errors=["longer than 200 characters"])
    session.hypothesis([["abc", "ABC"], ["", "?"], ["x" * 300, "X"]], note="upper case")
    session.probe(["later", "hello world"], ["LATER", "HELLO WORLD"], actor="human")
    return session


TRUTH = [[x, 2.0 * x] for x in range(-128, 129, 8)]


async def test_placeholder_before_any_probe():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes = pane(app)
        assert probes.current == "probes-empty"
        probes.show(Session("strings").state)
        assert probes.current == "probes-empty"
        assert "No probes yet" in str(app.query_one("#probes-empty", Static).render())
        assert "listed here" in str(app.query_one("#probes-empty", Static).render())


# --- the plot ------------------------------------------------------------------------------------
async def test_numeric_plot_layers_truth_probes_hypothesis_and_interval():
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        probes = pane(app)
        probes.show(numeric_session().state, TRUTH)
        await pilot.pause()
        assert probes.current == "probes-plot"
        plot = app.query_one(ProbePlot)
        data = plot.data
        assert data.probes["agent"][0].tolist() == [-100.0, 0.0, 50.0]
        assert data.probes["human"][1].tolist() == [30.0]
        assert data.undefined.tolist() == [-5.0]
        assert data.hypothesis[1].tolist() == [-192.0, 0.0, 192.0]
        assert data.truth[0].tolist() == [x for x, _ in TRUTH]
        assert data.interval == (-10.0, 10.0)
        text = plot.text()
        lines = text.splitlines()
        assert lines[0].startswith("4 probes (1 undefined) · x -128 to 128")
        legend = " ".join(lines[1:4])
        for name in ("agent's probes", "a person's probes", "undefined", "truth",
                     "hypothesis: 1.5 x", "claimed interval"):
            assert name in legend
        assert "×" in text and "┤" in text and "-100" in lines[-1] and "100" in lines[-1]


async def test_the_legend_keeps_every_name_in_a_narrow_pane():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        session = numeric_session()
        session.hypothesis([[0.0, 0.0]], note="a very long hypothesis note " * 5)
        pane(app).show(session.state, TRUTH)
        await pilot.pause()
        plot = app.query_one(ProbePlot)
        assert plot.size.width < 30
        text = plot.text()
        for name in ("agent's", "person's", "undefined", "truth", "hypothesis: a very", "claimed"):
            assert name in text
        assert "…" in text                                # the note cut short, not the legend


async def test_zoom_pan_reset_and_the_last_batch_by_key():
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        session = numeric_session()
        xs = [-82.2 + 0.02 * i for i in range(40)]
        session.probe(xs, [x * x for x in xs])
        pane(app).show(session.state, TRUTH)
        plot = app.query_one(ProbePlot)
        plot.focus()
        await pilot.press("right_square_bracket")
        assert plot.window == (-64.0, 64.0)
        await pilot.press("full_stop", "full_stop")
        assert plot.window == (0.0, 128.0)                 # kept inside the probe range
        await pilot.press("comma")
        assert plot.window == (-32.0, 96.0)
        await pilot.press("left_square_bracket")
        assert plot.window is None                         # the whole range again
        await pilot.press("b")
        lo, hi = plot.window
        assert lo < -82.2 and hi > xs[-1] and hi - lo < 1.0
        assert "x -82.2" in plot.text().splitlines()[0]
        drawn = plot.text()
        assert sum(ch not in " ⠀" and 0x2800 <= ord(ch) <= 0x28FF for ch in drawn) > 20
        await pilot.press("0")
        assert plot.window is None


async def wheel(pilot, plot, event_type, x, y, shift=False) -> None:
    plot.post_message(event_type(plot, x, y, 0, 0, 0, shift, False, False))
    await pilot.pause()


async def test_mouse_wheel_zooms_about_the_pointer_and_a_drag_pans():
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        pane(app).show(numeric_session().state, TRUTH)
        plot = app.query_one(ProbePlot)
        await pilot.pause()
        left, width, top, height = plot._layout()
        await wheel(pilot, plot, events.MouseScrollUp, left + width - 1, top + 2)
        lo, hi = plot.window
        assert hi - lo == pytest.approx(256 * 0.8) and hi == pytest.approx(128, abs=8)
        await wheel(pilot, plot, events.MouseScrollDown, left + width - 1, top + 2)
        assert plot.window is None
        await wheel(pilot, plot, events.MouseScrollUp, left + width // 2, top + 2)
        start = plot.window
        await wheel(pilot, plot, events.MouseScrollUp, left, top + 2, shift=True)
        assert plot.window[0] < start[0]                           # shift+wheel pans
        start = plot.window
        plot.post_message(events.MouseDown(plot, left + 20, top + 2, 0, 0, 1, False, False, False))
        plot.post_message(events.MouseMove(plot, left + 10, top + 2, 0, 0, 1, False, False, False))
        plot.post_message(events.MouseUp(plot, left + 10, top + 2, 0, 0, 1, False, False, False))
        await pilot.pause()
        assert plot.window[0] > start[0]                           # dragged left: moves right
        assert plot.window[1] - plot.window[0] == pytest.approx(start[1] - start[0])


async def test_residuals_are_output_minus_the_hypothesis_worked_out_for_every_probe(fake_sandbox):
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        session = Session("numeric").probe([1.0, 2.0], [2.5, 4.0])
        session.hypothesis([[1.0, 2.0]], note="2x", code="def f(x):\n    return 2 * x")
        session.probe([3.0], [5.0])
        pane(app).show(session.state)
        plot = app.query_one(ProbePlot)
        plot.focus()
        assert fake_sandbox == []                  # the plain plot needs no more predictions
        await pilot.press("r")
        await settle(pilot)
        assert fake_sandbox == [[2.0, 3.0]]
        xs, ys = plot.data.residuals
        assert xs.tolist() == [1.0, 2.0, 3.0] and ys.tolist() == [0.5, 0.0, -1.0]
        text = plot.text()
        assert "residuals" in text.splitlines()[0] and "output − hypothesis" in text
        await pilot.press("r")
        assert "residuals" not in plot.text().splitlines()[0]


async def test_numeric_redraw_replaces_the_previous_drawing():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        probes, session = pane(app), Session("numeric")
        session.probe([1.0, 2.0], [1.0, 4.0])
        probes.show(session.state)
        probes.show(session.probe([3.0], [9.0]).state)
        await pilot.pause()
        plot = app.query_one(ProbePlot)
        assert plot.data.probes["agent"][0].tolist() == [1.0, 2.0, 3.0]
        assert plot.data.interval is None
        assert plot.text().splitlines()[0].startswith("3 probes")


def test_y_range_keeps_a_wild_curve_from_flattening_the_probes():
    session = Session("numeric").probe([0.0, 1.0], [0.0, 1.0])
    session.hypothesis([[0.0, 0.0], [1.0, 1e9]])
    data = plotting.plot_data(session.state, None)
    lo, hi = plotting.y_range(data, -128, 128, residuals=False)
    assert -0.2 < lo < 0 and 1 < hi < 2.5


# --- the numeric table ---------------------------------------------------------------------------
async def test_numeric_table_shows_repeats_predictions_residuals_and_sorts(fake_sandbox):
    app = PaneApp()
    async with app.run_test(size=(160, 40)) as pilot:
        session = Session("numeric").probe([3.0, 1.0, 3.0], [6.5, 2.0, 5.5])
        session.hypothesis([[1.0, 2.0]], note="2x", code="def f(x):\n    return 2 * x")
        pane(app).show(session.state)
        app.query_one(ProbePlot).focus()
        await pilot.press("t")
        await settle(pilot)
        assert pane(app).current == "probes-tabular"
        assert app.query_one(ProbeTable).has_focus
        assert table_rows(app) == [("1", "3", "6.5", "2", "6", "+0.5"),
                                   ("2", "1", "2", "", "2", "+0"),
                                   ("3", "3", "5.5", "2", "6", "-0.5")]
        await pilot.press("o")                                       # by input
        assert [row[0] for row in table_rows(app)] == ["2", "1", "3"]
        await pilot.press("o")                                       # by output
        assert [row[0] for row in table_rows(app)] == ["2", "3", "1"]
        await pilot.press("o")                                       # misses first
        assert [row[0] for row in table_rows(app)][-1] == "2"
        await pilot.press("o")
        assert [row[0] for row in table_rows(app)] == ["1", "2", "3"]
        await pilot.press("t")
        assert pane(app).current == "probes-plot" and app.query_one(ProbePlot).has_focus


async def test_copy_a_row_copy_the_table_and_export_csv(tmp_path):
    app = PaneApp(home=tmp_path)
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(120, 40)) as pilot:
        pane(app).show(strings_session().state)
        await settle(pilot)
        table = app.query_one(ProbeTable)
        table.focus()
        await pilot.press("down", "c")
        assert copied[-1] == "\t\t?"                                  # '' -> '' predicted '?'
        await pilot.press("C")
        assert copied[-1].splitlines()[0].startswith("number,seq,actor")
        await pilot.press("e")
        await pilot.pause()
        exported = tmp_path / "exports" / "s1-probes.csv"
        lines = list(csv.reader(io.StringIO(exported.read_text())))
        assert len(lines) == 7 and lines[5][4:6] == ["later", "LATER"]
        assert lines[5][-2:] == ["LATER", "true"]                     # worked out after it


def test_an_export_named_by_a_hostile_log_stays_in_its_folder(tmp_path):
    from find_lab.tui.components.probe_table import export

    table = probe_rows.table(strings_session().state)
    for name in ("../../../../tmp/pwned", "/etc/passwd", "..", ""):
        path = export(table, tmp_path / "exports", name)
        assert path.parent == tmp_path / "exports" and path.exists()


# --- the strings table ---------------------------------------------------------------------------
async def test_strings_table_marks_mismatches_in_the_cell_and_predicts_every_row(fake_sandbox):
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        pane(app).show(strings_session().state)
        assert pane(app).current == "probes-tabular"
        rows = table_rows(app)
        assert rows[:3] == [("1", "'abc'", "'ABC'", "✓ 'ABC'"), ("2", "''", "''", "✗ '?'"),
                            ("3", "' a '", "' A '", "…")]
        assert rows[3][2:] == ("longer than 200 characters", "✗ 'X'") or \
            rows[3][2] == "longer than 200 characters"
        assert rows[4][3] == "…"                                      # being worked out
        await settle(pilot)
        assert fake_sandbox == [[" a ", "later", "hello world"]]
        rows = table_rows(app)
        assert rows[2][3] == "✓ ' A '" and rows[4][3] == "✓ 'LATER'"
        assert "✓ 4 ✗ 1" in str(app.query_one("#probes-caption", Static).render())
        table = app.query_one("#probes-table", DataTable)
        assert table.get_row_at(4)[0].style == "magenta"              # a person's probe


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_strings_columns_share_the_width_at_every_size(width):
    app = PaneApp()
    async with app.run_test(size=(width, 30)) as pilot:
        session = Session("strings").probe(["a long input string " * 3], ["A LONG OUTPUT " * 3])
        session.hypothesis([["a long input string " * 3, "a wrong guess " * 3]])
        pane(app).show(session.state)
        await pilot.pause()
        table = app.query_one(ProbeTable)
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        assert len(widths) == 4 and sum(widths) <= table.size.width
        assert min(widths[1:]) >= 6
        assert re.search(r" 1 +'a.* +'A.* +✗ 'a", table.render_line(1).text)


async def test_strings_table_scrolls_and_takes_focus():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        words = [f"s{i}" for i in range(100)]
        pane(app).show(Session("strings").probe(words, [w.upper() for w in words]).state)
        await pilot.pause()
        table = app.query_one(ProbeTable)
        table.focus()
        await pilot.press("home")
        assert table.scroll_y == 0
        await pilot.press("pagedown")
        assert table.scroll_y > 0


async def test_strings_new_hypothesis_updates_old_rows_and_new_probes_append():
    app = PaneApp()
    async with app.run_test(size=(120, 30)) as pilot:
        probes, session = pane(app), Session("strings")
        session.probe(["ab", "cd"], ["ba", "dc"])
        session.hypothesis([["ab", "ab"], ["cd", "cd"]], note="identity")
        probes.show(session.state)
        await settle(pilot)
        assert [row[3] for row in table_rows(app)] == ["✗ 'ab'", "✗ 'cd'"]
        table = app.query_one("#probes-table", DataTable)
        first_row = table.ordered_rows[0]
        probes.show(session.hypothesis([["ab", "ba"], ["cd", "dc"]], note="reverse").state)
        probes.show(session.probe(["xyz"], ["zyx"], actor="human").state)
        assert [row[3] for row in table_rows(app)] == ["✓ 'ba'", "✓ 'dc'", "…"]
        assert table.ordered_rows[0] is first_row                 # appended, not rebuilt


async def test_strings_stepping_back_in_a_replay_rebuilds_the_table():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes, session = pane(app), Session("strings")
        session.probe(["a", "b"], ["A", "B"]).probe(["c"], ["C"])
        probes.show(session.state)
        probes.show(LabState.from_events(session.events[:2]))
        assert [row[1] for row in table_rows(app)] == ["'a'", "'b'"]
        other = Session("strings").probe(["q", "b"], ["Q", "B"])
        probes.show(other.state)                                  # same length, other probes
        assert [row[1] for row in table_rows(app)] == ["'q'", "'b'"]


def test_share_gives_each_column_what_it_needs_and_splits_the_rest():
    assert share(60, [3, 5, 30, 40], [True, False, False, False]) == [3, 5, 26, 26]
    assert share(200, [3, 5, 30, 40], [True, False, False, False]) == [3, 5, 30, 40]
    assert share(10, [3, 30, 30, 30], [True, False, False, False]) == [3, 4, 4, 4]


# --- neurons, and the pane as a whole -------------------------------------------------------------
async def test_neurons_bars_rank_the_words_and_their_table_is_a_key_away():
    app = PaneApp()
    async with app.run_test(size=(120, 40)) as pilot:
        words = [f"n{i:02d}" for i in range(20)]
        session = Session("neurons").probe(words, [i / 20 for i in range(20)])
        session.probe(["bad word"], [None], errors=["not a single word: 'bad word'"])
        session.hypothesis([["n19", 0.8]], note="likes n19")
        pane(app).show(session.state)
        assert pane(app).current == "probes-neurons"
        text = str(app.query_one("#probes-bars", Static).render())
        assert text.startswith("20 words probed, 9 above 0.5")
        order = [line.split()[0] for line in text.splitlines()[1:] if line.startswith("n")]
        assert order == [f"n{i:02d}" for i in range(19, 7, -1)] + \
            [f"n{i:02d}" for i in range(5, -1, -1)]
        assert "0.95  hyp 0.80" in text and "n07" not in text
        app.query_one("#probes-neurons").focus()
        await pilot.press("t")
        await settle(pilot)
        assert pane(app).current == "probes-tabular"
        assert table_rows(app)[19][1:] == ("'n19'", "0.95", "", "0.8", "+0.15")


async def test_the_pane_switches_views_with_the_domain():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes = pane(app)
        views = []
        for session in (numeric_session(), Session("strings").probe(["a"], ["A"]),
                        Session("neurons").probe(["apple"], [0.9]), Session("numeric")):
            probes.show(session.state)
            views.append(probes.current)
        assert views == ["probes-plot", "probes-tabular", "probes-neurons", "probes-empty"]
        assert [w.id for w in probes.children if w.display] == ["probes-empty"]


async def test_a_focused_view_maximises_the_whole_pane():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane(app).show(numeric_session().state, TRUTH)
        app.query_one(ProbePlot).focus()
        app.screen.action_maximize()
        await pilot.pause()
        assert app.screen.maximized is pane(app)
        assert app.query_one(ProbePlot).size.width > 90


async def test_a_400_point_batch_and_repeated_redraws():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        probes = pane(app)
        xs = [-128.0 + 0.64 * i for i in range(400)]
        numeric = Session("numeric").probe(xs, [x * x for x in xs])
        for _ in range(20):
            probes.show(numeric.state, TRUTH)
        await pilot.pause()
        assert len(app.query_one(ProbePlot).data.probes["agent"][0]) == 400
        assert "400 probes" in app.query_one(ProbePlot).text()
        words = [f"s{i}" for i in range(400)]
        strings = Session("strings").probe(words, [w.upper() for w in words])
        strings.hypothesis([[w, w.upper()] for w in words])
        for _ in range(20):
            probes.show(strings.state)
        await pilot.pause()
        rows = table_rows(app)
        assert len(rows) == 400 and rows[-1] == ("400", "'s399'", "'S399'", "✓ 'S399'")


# --- snapshots at 80x24 and 120x40 -------------------------------------------------------------
def numeric_with_a_zoom() -> Session:
    session = numeric_session()
    xs = [-60.0 + 0.5 * i for i in range(40)]
    return session.probe(xs, [2 * x + (i % 3) for i, x in enumerate(xs)])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_numeric_pane_snapshot(snap_compare, size):
    async def feed(pilot) -> None:
        pane(pilot.app).show(numeric_with_a_zoom().state, TRUTH)
        await pilot.pause()

    assert snap_compare(PaneApp(), terminal_size=size, run_before=feed)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_numeric_zoomed_to_the_last_batch_snapshot(snap_compare, size):
    async def feed(pilot) -> None:
        pane(pilot.app).show(numeric_with_a_zoom().state, TRUTH)
        pilot.app.query_one(ProbePlot).focus()
        await pilot.press("b")

    assert snap_compare(PaneApp(), terminal_size=size, run_before=feed)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_strings_pane_snapshot(snap_compare, size):
    async def feed(pilot) -> None:
        pane(pilot.app).show(strings_session().state)
        await settle(pilot)

    assert snap_compare(PaneApp(), terminal_size=size, run_before=feed)


@pytest.mark.parametrize("size", [(40, 12), (120, 40)])
async def test_answers_near_the_largest_float_draw_at_the_axis_edge(size):
    session = Session("numeric")
    session.probe([1.0, -1.0, 2.0], [1.7e308, -1.7e308, 0.0])
    session.hypothesis([[-128.0, -1.7e308], [0.0, 0.0], [128.0, 1.7e308]], note="huge")
    app = PaneApp()
    async with app.run_test(size=size) as pilot:
        pane(app).show(session.state)
        await settle(pilot)
        plot = app.query_one(ProbePlot)
        assert plot.text()                                    # drawn, not an OverflowError
        await pilot.press("r")                                # the residuals too
        await settle(pilot)
        assert plot.text()
