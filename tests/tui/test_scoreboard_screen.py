"""The scoreboard screen: its table, the domain keys, head to head function by function,
enter on a row (its sessions, or two best sessions side by side), and how it looks."""

from textual.app import App
from textual.widgets import DataTable, Input, Select, Static

from find_lab.store import Store
from find_lab.tui.screens.compare import CompareScreen
from find_lab.tui.screens.scoreboard import ScoreboardScreen
from find_lab.tui.screens.sessions import SessionsScreen
from tests.tui.test_sessions_screen import PLAYED, PLAYER, SCIENTIST, ids, lab, settled  # noqa: F401


def doc(number, kind, function_id, value=None, success=False, *, name=None, model=None,
        status="submitted", usage=None):
    """An index document; the session took `number` seconds (its dates say nothing of that),
    and is scored if `value` is given."""
    domain = function_id.split("/")[0]
    metric = {"numeric": "nmse", "strings": "exact_match", "neurons": "pearson"}[domain]
    score = None
    if value is not None:
        score = {"metric": metric, "value": value, "success": success}
        if domain == "numeric":
            score["local_nmse"] = value * 10
    return {"id": f"s{number:02d}", "function_id": function_id, "domain": domain,
            "actor_kind": kind, "actor_name": name or kind, "model": model,
            "started": "2026-11-01T10:00:00Z", "finished": "2026-11-03T00:00:00Z",
            "seconds": float(number), "status": status, "score": score, "probes": 2, "points": 20, "usage": usage or {}}


DOCS = [
    doc(1, "scientist", "numeric/f0001", 0.02, True),
    doc(2, "scientist", "numeric/f0006", 0.3, False),
    doc(3, "random", "numeric/f0001", 0.5, False),
    doc(4, "interpolate", "numeric/f0001", 0.05, True),
    doc(5, "human", "numeric/f0001", 0.01, True, name="Ada"),
    doc(6, "scientist", "strings/f0000", 1.0, True),
    doc(7, "scientist", "neurons/f0001", 0.8, True),
    doc(8, "claude", "strings/f0000", 0.5, False, model="claude-x",
        usage={"input_tokens": 1200, "output_tokens": 300, "cost_usd": 0.021}),
    doc(9, "scientist", "strings/f0010", status="abandoned"),
]


class BoardApp(App):
    """The screen on top of an empty one, as the lab pushes it."""

    def __init__(self, docs):
        super().__init__()
        self.docs = docs

    def on_mount(self) -> None:
        self.push_screen(ScoreboardScreen(self.docs))


def table_rows(app) -> list[tuple[str, ...]]:
    table = app.screen.query_one("#board", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def h2h_text(app) -> str:
    return str(app.screen.query_one("#h2h-result", Static).render())


async def test_table_lists_actors_with_baselines_marked():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)):
        rows = table_rows(app)
        assert [row[:3] for row in rows] == [
            ("human:Ada", "numeric", "all"), ("human:Ada", "numeric", "clean"),
            ("scientist", "numeric", "all"), ("scientist", "numeric", "clean"),
            ("scientist", "numeric", "noise"),
            ("interpolate (baseline)", "numeric", "all"),
            ("interpolate (baseline)", "numeric", "clean"),
            ("random (baseline)", "numeric", "all"), ("random (baseline)", "numeric", "clean"),
            ("claude:claude-x", "strings", "all"), ("claude:claude-x", "strings", "composed"),
            ("scientist", "strings", "all"), ("scientist", "strings", "atomic"),
            ("scientist", "strings", "composed"),
            ("scientist", "neurons", "all"), ("scientist", "neurons", "single"),
        ]
        scientist, claude, abandoned = rows[2][3:], rows[9][3:], rows[12][3:]
        assert scientist == ("2", "50%", "0.16", "1.6", "1.5s", "–", "–", "not judged", "0/0/0")
        assert claude == ("1", "0%", "0.5", "–", "8.0s", "1500", "$0.021", "not judged", "0/0/0")
        assert abandoned == ("0", "–", "–", "–", "–", "–", "–", "not judged", "0/1/0")
        table = app.screen.query_one("#board", DataTable)
        assert "italic" in str(table.get_row_at(5)[0].style)
        assert "italic" not in str(table.get_row_at(2)[0].style)


async def test_domain_keys_filter_rows_and_head_to_head():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert {row[1] for row in table_rows(app)} == {"strings"}
        assert h2h_text(app) == "No scored human sessions in strings yet: nothing to compare."
        await pilot.press("1")
        assert {row[1] for row in table_rows(app)} == {"numeric"}
        assert "wins 1 – 0" in h2h_text(app)
        await pilot.press("0")
        assert len(table_rows(app)) == 16


async def test_head_to_head_defaults_to_human_vs_scientist_and_follows_the_choice():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)) as pilot:
        assert h2h_text(app) == ("human vs scientist on 1 common function (best session each): "
                                 "success 100% vs 100% · wins 1 – 0 · ties 0")
        app.screen.query_one("#actor-a", Select).value = "interpolate"
        await pilot.pause()
        assert h2h_text(app).startswith("interpolate vs scientist on 1 common function")
        assert "wins 0 – 1" in h2h_text(app)


async def test_without_human_sessions_it_says_so(tmp_path):
    store = Store(tmp_path / "sessions")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)):
        assert table_rows(app) == []
        assert h2h_text(app) == "No scored human sessions yet: nothing to compare."


async def test_escape_and_q_go_back():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        assert not isinstance(app.screen, ScoreboardScreen)
        app.push_screen(ScoreboardScreen(DOCS))
        await pilot.pause()
        await pilot.press("q")
        assert not isinstance(app.screen, ScoreboardScreen)


def h2h_rows(app) -> list[tuple[str, ...]]:
    table = app.screen.query_one("#h2h-table", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def test_h_shows_the_head_to_head_function_by_function():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        assert app.screen.head_to_head_shown
        assert app.screen.query_one("#h2h-table", DataTable).has_focus
        table = app.screen.query_one("#h2h-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "function", "winner", "human best", "median (n)", "scientist best", "median (n)"]
        assert h2h_rows(app) == [
            ("neurons/f0001", "–", "–", "–", "0.8 ✓", "0.8 (1)"),
            ("numeric/f0001", "human", "0.01 ✓", "0.01 (1)", "0.02 ✓", "0.02 (1)"),
            ("numeric/f0006", "–", "–", "–", "0.3 ✗", "0.3 (1)"),
            ("strings/f0000", "–", "–", "–", "1 ✓", "1 (1)")]
        assert "wins 1 – 0" in h2h_text(app)  # the summary line stays
        title = str(app.screen.query_one("#board-title").render())
        assert title.startswith("Head to head · all domains · 4 functions")
        await pilot.press("1")
        assert [row[0] for row in h2h_rows(app)] == ["numeric/f0001", "numeric/f0006"]
        app.screen.query_one("#actor-a", Select).value = "claude"
        await pilot.pause()
        assert h2h_rows(app) == [("numeric/f0001", "–", "–", "–", "0.02 ✓", "0.02 (1)"),
                                 ("numeric/f0006", "–", "–", "–", "0.3 ✗", "0.3 (1)")]
        await pilot.press("h")
        assert not app.screen.head_to_head_shown
        assert app.screen.query_one("#board", DataTable).has_focus


async def test_enter_on_a_row_opens_the_browser_on_its_sessions(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        lab.action_scoreboard()
        await pilot.pause()
        assert table_rows(lab)[1][:3] == ("human:Ada", "numeric", "corruption")
        await pilot.press("down", "enter")
        await settled(pilot)
        assert isinstance(lab.screen, SessionsScreen)
        assert lab.screen.query_one("#session-filter", Input).value == (
            "actor:human:Ada pure:yes domain:numeric complexity:corruption")
        assert ids(lab) == [PLAYED]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(lab.screen, ScoreboardScreen)
        rows = table_rows(lab)
        steered = next(i for i, row in enumerate(rows) if "steered" in row[0])
        await pilot.press(*["down"] * (steered - 1), "enter")
        await settled(pilot)
        assert lab.screen.query_one("#session-filter", Input).value == (
            'actor:"scientist (human takeover, steered)" domain:numeric')


async def test_enter_on_a_function_puts_the_two_best_side_by_side(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        lab.action_scoreboard()
        await pilot.pause()
        await pilot.press("h")
        assert [row[:2] for row in h2h_rows(lab)][1:3] == [("numeric/f0003", "scientist"),
                                                           ("numeric/f0006", "–")]
        await pilot.press("down", "enter")  # both sides scored numeric/f0003
        await pilot.pause()
        assert isinstance(lab.screen, CompareScreen) and lab.screen.ids == (PLAYED, SCIENTIST)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "enter")  # only the human scored numeric/f0006
        await settled(pilot)
        assert isinstance(lab.screen, SessionsScreen) and ids(lab) == [PLAYER]
        assert lab.screen.query_one("#session-filter", Input).value == (
            "function:numeric/f0006 actor:human pure:yes")


async def test_without_a_store_enter_says_there_is_nothing_to_open():
    app = BoardApp(DOCS)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScoreboardScreen)
        assert "no sessions to open" in [n.message for n in app._notifications][-1]


def test_snapshot(snap_compare):
    assert snap_compare(BoardApp(DOCS), terminal_size=(120, 40))


def test_snapshot_80x24(snap_compare):
    assert snap_compare(BoardApp(DOCS), terminal_size=(80, 24))


def test_snapshot_head_to_head_80x24(snap_compare, lab):
    async def head_to_head(pilot):
        pilot.app.action_scoreboard()
        await pilot.pause()
        await pilot.press("h")

    assert snap_compare(lab, run_before=head_to_head, terminal_size=(80, 24))


def test_snapshot_head_to_head_120x40(snap_compare, lab):
    async def head_to_head(pilot):
        pilot.app.action_scoreboard()
        await pilot.pause()
        await pilot.press("h")

    assert snap_compare(lab, run_before=head_to_head, terminal_size=(120, 40))
