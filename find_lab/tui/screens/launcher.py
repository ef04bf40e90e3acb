"""The launcher: pick a function and who interprets it, or a saved session to replay or resume.

Typing searches: a key typed in any of its tables goes to the search box, so no letter is a
shortcut here; its actions sit on keys that type nothing (enter, function keys, ctrl+b).
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select

from find_lab import scoreboard
from find_lab.english import count
from find_lab.tui.screens.lab import LabScreen, Launch
from find_lab.tui.plain import cells

RECENT = 200
NARROW = 100     # columns below which the scoreboard gives its room to the functions (ctrl+b shows it)
BOARD_NAME = 30  # characters of an actor's name on the scoreboard (the full one is under ctrl+b)
RESUMABLE = ("interrupted", "crashed")  # sessions that stopped without an answer of their own


class LauncherScreen(Screen):
    BINDINGS = [
        Binding("f2", "open('watch')", "Watch"),
        Binding("f3", "open('play')", "Play"),
        Binding("f4", "resume", "Resume"),
        Binding("ctrl+b", "app.scoreboard", "Scoreboard"),
        Binding("f6", "app.sessions", "All sessions"),
        Binding("slash", "focus_filter", "Search"),
        Binding("down", "to_table", "List", show=False),  # from the search box
        Binding("escape", "clear_filter", "Clear search"),
        Binding("f5", "refresh_sessions", "Refresh", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.statuses: dict[str, str] = {}  # session id -> status, of the sessions listed
        self.searching = ""                 # what the search box holds

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="launch-bar"):
            # typing in a table appends here: no select-all on focus, or a key would replace it
            yield Input(id="filter", placeholder="type to search: numeric noise",
                        select_on_focus=False)
            yield Label("Actor")
            yield Select([(a, a) for a in self.app.actor_choices()], value="scientist",
                         allow_blank=False, id="actor")
            yield Label("Mode")
            yield Select([(m, m) for m in ("watch", "play")], value="watch",
                         allow_blank=False, id="mode")
        with Horizontal(id="launcher"):
            yield DataTable(id="functions", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        functions = self.query_one("#functions", DataTable)
        functions.add_columns("id", "complexity")  # the id starts with the domain
        self._fill_functions("")
        sessions = self.query_one("#sessions", DataTable)
        # the id first: the one column that tells sessions apart is never the one cut
        sessions.add_columns("session", "function", "result", "actor")
        sessions.border_title = "Sessions: enter replays · f4 resumes an interrupted one"
        board = self.query_one("#board", DataTable)
        board.add_columns("actor", "domain", "n", "success", "median")
        board.border_title = "Scoreboard (* a baseline) · ctrl+b in detail"
        self.action_refresh_sessions()
        functions.focus()

    def on_screen_resume(self) -> None:
        self.action_refresh_sessions()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # --- type to search -------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        """A printable key typed in a table goes to the search (`/` is the key that jumps
        there), instead of firing whatever it might be bound to."""
        if isinstance(self.focused, DataTable) and event.is_printable and event.character != "/":
            event.stop()
            event.prevent_default()
            search = self.query_one("#filter", Input)
            search.cursor_position = len(search.value)
            search.insert_text_at_cursor(event.character)
            search.focus()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.searching = event.value
        self._fill_functions(event.value)
        self.refresh_bindings()

    @on(Input.Submitted, "#filter")
    def _to_table(self) -> None:
        self.query_one("#functions").focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_to_table(self) -> None:
        self.query_one("#functions").focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#functions").focus()

    def _fill_functions(self, query: str) -> None:
        terms = query.lower().split()
        table = self.query_one("#functions", DataTable)
        table.clear()
        rows = [(fid, complexity) for fid, domain, complexity in self.app.catalogue()
                if all(any(t in field for field in (fid, domain, complexity)) for t in terms)]
        for row in rows:
            table.add_row(*row, key=row[0])
        table.border_title = f"Suite: {count(len(rows), 'function')}"

    # --- sessions and the scoreboard --------------------------------------------------------
    def action_refresh_sessions(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self.statuses.clear()
        for doc in self.app.recent_sessions(RECENT):
            status, score = doc.get("status", ""), doc.get("score") or {}
            # a score says it was submitted: one column for both keeps the ids whole at 80
            result = f"{score.get('value', 0):.3g} {'✓' if score.get('success') else '✗'}" \
                if score else status
            who = scoreboard.actor_of(doc)  # with what else went into it, if anything did
            self.statuses[doc["id"]] = status
            table.add_row(*cells(doc["id"], doc.get("function_id", ""), result, who), key=doc["id"])
        self._fill_board()
        self.refresh_bindings()

    def _fill_board(self) -> None:
        """Each actor's success per domain, over every saved session (not only the recent)."""
        board = self.query_one("#board", DataTable)
        board.clear()
        for row in self.app.scoreboard_rows():
            if row.complexity != scoreboard.ALL or not row.scored:
                continue
            name = f"{row.actor}*" if row.baseline else row.actor
            name = name if len(name) <= BOARD_NAME else name[:BOARD_NAME - 1] + "…"
            board.add_row(*cells(name, row.domain, str(row.scored), f"{row.success_rate:.0%}",
                                 f"{row.median_value:.3g}"))

    def _chosen_session(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _resumable(self) -> str | None:
        """The highlighted session, when the sessions table is where the person is and that
        session stopped without ending (the only ones that can be carried on)."""
        if getattr(self.focused, "id", None) != "sessions":
            return None
        session_id = self._chosen_session()
        return session_id if self.statuses.get(session_id) in RESUMABLE else None

    @on(DataTable.RowHighlighted, "#sessions")
    def _session_highlighted(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Offer only the keys that do something where the person is."""
        if action == "resume":
            return self._resumable() is not None
        if action == "clear_filter":
            return bool(self.searching)
        return True

    # --- opening the lab --------------------------------------------------------------------
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
        session_id = self._chosen_session()
        if not session_id:
            self.notify("no saved sessions yet", severity="warning")
            return
        self.app.push_screen(LabScreen(Launch("replay", session_id=session_id)))

    def action_resume(self) -> None:
        """A new session carrying on from an interrupted one's probes, marked as resumed."""
        session_id = self._resumable()
        if session_id:
            self.app.resume_session(session_id)

    @on(DataTable.RowSelected, "#functions")
    def _function_selected(self) -> None:
        self.action_open(self.query_one("#mode", Select).value)

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self) -> None:
        self.action_replay()
