"""The launcher: pick a function and who interprets it, or a saved session to replay."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select

from find_lab import scoreboard
from find_lab.tui.screens.lab import LabScreen, Launch

RECENT = 200


class LauncherScreen(Screen):
    BINDINGS = [
        Binding("w", "open('watch')", "Watch"),
        Binding("p", "open('play')", "Play"),
        Binding("r", "replay", "Replay"),
        Binding("b", "app.scoreboard", "Scoreboard"),
        Binding("slash", "focus_filter", "Search"),
        Binding("f5", "refresh_sessions", "Refresh", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="launcher"):
            with Vertical(id="suite-column"):
                yield Input(id="filter", placeholder="/ search: id, domain or complexity (numeric noise)")
                yield DataTable(id="functions", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side-column"):
                with Horizontal(id="choices"):
                    yield Label("Actor")
                    yield Select([(a, a) for a in self.app.actor_choices()], value="scientist",
                                 allow_blank=False, id="actor")
                    yield Label("Mode")
                    yield Select([(m, m) for m in ("watch", "play")], value="watch",
                                 allow_blank=False, id="mode")
                yield Label("Recent sessions (enter replays)", classes="title")
                yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
                yield Label("Scoreboard (b for detail and head-to-head)", classes="title")
                yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        functions = self.query_one("#functions", DataTable)
        functions.add_columns("id", "domain", "complexity")
        self._fill_functions("")
        sessions = self.query_one("#sessions", DataTable)
        sessions.add_columns("function", "actor", "status", "score", "session")
        self.query_one("#board", DataTable).add_columns("actor", "domain", "n", "success", "median score")
        self.action_refresh_sessions()
        functions.focus()

    def on_screen_resume(self) -> None:
        self.action_refresh_sessions()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill_functions(event.value)

    @on(Input.Submitted, "#filter")
    def _to_table(self) -> None:
        self.query_one("#functions").focus()

    def _fill_functions(self, query: str) -> None:
        terms = query.lower().split()
        table = self.query_one("#functions", DataTable)
        table.clear()
        rows = [(fid, domain, complexity) for fid, domain, complexity in self.app.catalogue()
                if all(any(t in field for field in (fid, domain, complexity)) for t in terms)]
        for row in rows:
            table.add_row(*row, key=row[0])
        self.query_one("#functions").border_title = f"Suite: {len(rows)} functions"

    def action_refresh_sessions(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        docs = self.app.recent_sessions(RECENT)
        for doc in docs:
            score = doc.get("score") or {}
            verdict = "" if not score else f"{score.get('value', 0):.3g} {'✓' if score.get('success') else '✗'}"
            who = scoreboard.actor_of(doc)  # with what else went into it, if anything did
            table.add_row(doc.get("function_id", ""), who, doc.get("status", ""), verdict, doc["id"],
                          key=doc["id"])
        self._fill_board()

    def _fill_board(self) -> None:
        """Each actor's success per domain, over every saved session (not only the recent)."""
        board = self.query_one("#board", DataTable)
        board.clear()
        for row in self.app.scoreboard_rows():
            if row.complexity != scoreboard.ALL or not row.scored:
                continue
            name = f"{row.actor} (baseline)" if row.baseline else row.actor
            board.add_row(name, row.domain, str(row.scored), f"{row.success_rate:.0%}",
                          f"{row.median_value:.3g}")

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def _chosen_function(self) -> str | None:
        table = self.query_one("#functions", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_open(self, mode: str) -> None:
        function_id = self._chosen_function()
        if not function_id:
            self.notify("no function matches the search", severity="warning")
            return
        actor = "human" if mode == "play" else self.query_one("#actor", Select).value
        if actor == "human":
            mode = "play"
        self.app.push_screen(LabScreen(Launch(mode, function_id, actor)))

    def action_replay(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            self.notify("no saved sessions yet", severity="warning")
            return
        session_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.app.push_screen(LabScreen(Launch("replay", session_id=session_id)))

    @on(DataTable.RowSelected, "#functions")
    def _function_selected(self) -> None:
        self.action_open(self.query_one("#mode", Select).value)

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self) -> None:
        self.action_replay()
