"""The probes pane: one view per domain, redrawn from the lab state after every event."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from find_lab.labstate import LabState
from find_lab.tui.components.probes import ProbesPane


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ProbesPane(id="probes")


class Session:
    """Real events fed through `LabState.apply`, numbered as a live session numbers them."""

    def __init__(self, domain: str):
        self.events: list[dict] = []
        self.state = LabState()
        self.add("session_start", "system", function_id=f"{domain}/f0001", domain=domain,
                 actor_kind="scientist", actor_name="scientist",
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

    def hypothesis(self, preview, note="a guess") -> "Session":
        return self.add("hypothesis", code="def f(x):\n    return x", note=note, preview=preview)


def pane(app) -> ProbesPane:
    return app.query_one(ProbesPane)


def text_of(widget: Static) -> str:
    return str(widget.render())


def table_rows(app) -> list[tuple[str, ...]]:
    table = app.query_one("#probes-table", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def numeric_session() -> Session:
    session = Session("numeric")
    session.probe([-100.0, 0.0, 50.0], [-190.0, 12.0, 110.0])
    session.probe([10.0], [30.0], actor="human")
    session.probe([-5.0], [None], errors=["undefined"])
    session.hypothesis([[-128.0, -192.0], [0.0, 0.0], [128.0, 192.0]], note="1.5 x")
    session.add("submit", description="2x", domain="odd for -10 < x < 10", code="")
    return session


TRUTH = [[x, 2.0 * x] for x in range(-128, 129, 8)]


async def test_placeholder_before_any_probe():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes = pane(app)
        assert probes.current == "probes-empty"
        probes.show(Session("strings").state)
        assert probes.current == "probes-empty"
        assert "No probes yet" in text_of(app.query_one("#probes-empty", Static))
        assert "listed here" in text_of(app.query_one("#probes-empty", Static))


async def test_numeric_plot_layers_truth_probes_hypothesis_and_interval():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        probes = pane(app)
        probes.show(numeric_session().state, TRUTH)
        await pilot.pause()
        assert probes.current == "probes-plot"
        monitor = probes.query_one("#probes-plot").plt.monitor
        truth, agent, human, hypothesis, undefined = zip(monitor.x, monitor.y)
        assert truth == ([x for x, _ in TRUTH], [y for _, y in TRUTH])
        assert agent == ([-100.0, 0.0, 50.0], [-190.0, 12.0, 110.0])
        assert human == ([10.0], [30.0])
        assert hypothesis == ([-128.0, 0.0, 128.0], [-192.0, 0.0, 192.0])
        assert undefined == ([-5.0], [-256.0])            # marked at the floor of the plot
        assert monitor.lines == [True, False, False, True, False]
        assert len({str(colours[0]) for colours in monitor.color[:4]}) == 4
        assert monitor.vcoord[0] == [-10.0, 10.0]
        assert monitor.xlim[0] == [-128.0, 128.0]
        drawn = probes.query_one("#probes-plot").plt.build()
        assert "4 probes (1 undefined) · hypothesis: 1.5 x" in drawn


async def test_numeric_redraw_replaces_the_previous_drawing():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes, session = pane(app), Session("numeric")
        session.probe([1.0, 2.0], [1.0, 4.0])
        probes.show(session.state)
        probes.show(session.probe([3.0], [9.0]).state)
        monitor = probes.query_one("#probes-plot").plt.monitor
        assert monitor.x == [[1.0, 2.0, 3.0]]
        assert monitor.vcoord == [[], []]
        assert monitor.title == "3 probes · no hypothesis yet"


async def test_strings_table_shows_inputs_outputs_predictions_and_marks():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        session = Session("strings")
        session.probe(["abc", "", " a "], ["ABC", "", " A "])
        session.probe(["x" * 300], [None], errors=["longer than 200 characters"])
        session.hypothesis([["abc", "ABC"], ["", "?"], ["x" * 300, "X"]])
        pane(app).show(session.state)
        assert pane(app).current == "probes-table"
        rows = table_rows(app)
        assert rows[:3] == [("1", "'abc'", "'ABC'", "'ABC'", "✓"),
                            ("2", "''", "''", "'?'", "✗"),
                            ("3", "' a '", "' A '", "", "")]
        assert rows[3][2:] == ("longer than 200 characters", "'X'", "")
        table = app.query_one("#probes-table", DataTable)
        assert table.get_row_at(1)[4].style == "bold red"
        assert table.get_row_at(3)[2].style == "dim"


async def test_strings_new_hypothesis_updates_old_rows_and_new_probes_append():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes, session = pane(app), Session("strings")
        session.probe(["ab", "cd"], ["ba", "dc"])
        session.hypothesis([["ab", "ab"], ["cd", "cd"]], note="identity")
        probes.show(session.state)
        assert [row[3:] for row in table_rows(app)] == [("'ab'", "✗"), ("'cd'", "✗")]
        table = app.query_one("#probes-table", DataTable)
        first_row = table.ordered_rows[0]
        probes.show(session.hypothesis([["ab", "ba"], ["cd", "dc"]], note="reverse").state)
        probes.show(session.probe(["xyz"], ["zyx"], actor="human").state)
        assert [row[3:] for row in table_rows(app)] == [("'ba'", "✓"), ("'dc'", "✓"), ("", "")]
        assert table.ordered_rows[0] is first_row                 # appended, not rebuilt
        assert table.get_row_at(2)[0].style == "magenta"          # a human's probe


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


async def test_neurons_bars_rank_the_words_with_predictions():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        words = [f"n{i:02d}" for i in range(20)]
        session = Session("neurons").probe(words, [i / 20 for i in range(20)])
        session.probe(["bad word"], [None], errors=["not a single word: 'bad word'"])
        session.hypothesis([["n19", 0.8]], note="likes n19")
        pane(app).show(session.state)
        assert pane(app).current == "probes-neurons"
        text = text_of(app.query_one("#probes-bars", Static))
        assert text.startswith("20 words probed, 9 above 0.5")
        order = [line.split()[0] for line in text.splitlines()[1:]
                 if line.startswith("n")]
        assert order == [f"n{i:02d}" for i in range(19, 7, -1)] + \
            [f"n{i:02d}" for i in range(5, -1, -1)]
        assert "0.95  hyp 0.80" in text and "n07" not in text


async def test_the_pane_switches_views_with_the_domain():
    app = PaneApp()
    async with app.run_test(size=(100, 30)):
        probes = pane(app)
        views = []
        for session in (numeric_session(), Session("strings").probe(["a"], ["A"]),
                        Session("neurons").probe(["apple"], [0.9]), Session("numeric")):
            probes.show(session.state)
            views.append(probes.current)
        assert views == ["probes-plot", "probes-table", "probes-neurons", "probes-empty"]
        assert [w.id for w in probes.children if w.display] == ["probes-empty"]


async def test_a_400_point_batch_and_repeated_redraws():
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        probes = pane(app)
        xs = [-128.0 + 0.64 * i for i in range(400)]
        numeric = Session("numeric").probe(xs, [x * x for x in xs])
        for _ in range(20):
            probes.show(numeric.state, TRUTH)
        await pilot.pause()
        assert len(probes.query_one("#probes-plot").plt.monitor.x[1]) == 400
        assert "400 probes" in probes.query_one("#probes-plot").plt.build()
        words = [f"s{i}" for i in range(400)]
        strings = Session("strings").probe(words, [w.upper() for w in words])
        strings.hypothesis([[w, w.upper()] for w in words])
        for _ in range(20):
            probes.show(strings.state)
        await pilot.pause()
        rows = table_rows(app)
        assert len(rows) == 400 and rows[-1] == ("400", "'s399'", "'S399'", "'S399'", "✓")


def test_numeric_pane_snapshot(snap_compare):
    async def feed(pilot) -> None:
        pane(pilot.app).show(numeric_session().state, TRUTH)
        await pilot.pause()

    assert snap_compare(PaneApp(), terminal_size=(100, 30), run_before=feed)
