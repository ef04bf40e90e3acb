"""The session browser: every saved session, filtered, sorted and searched.

The filter line takes `key:value` terms and free words (`actor:scientist status:submitted
sine`; the terms are `find_lab.scoreboard.SessionFilter`'s). Free words are looked for in each
session's fields and then in its transcript, read from its log once (the store keeps what it
read) in a worker thread, so typing never waits for a thousand logs. Enter replays a session;
`m` marks sessions and `c` puts two of one function side by side; `t` shows who scored what
on each function instead of the sessions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, Label, Static
from textual.worker import get_current_worker

from find_lab import scoreboard
from find_lab.english import count
from find_lab.store import Store, StoreError
from find_lab.tui.screens.scoreboard import MISSING, best_cell, duration, number, score_cell
from find_lab.tui.plain import cells, plain

MARK = "●"
PLACEHOLDER = "actor:scientist status:submitted score:<0.1 · words search transcripts"
FUNCTIONS_LEGEND = ("each actor's best session on each function (✓ a success), over the sessions "
                    "the filter keeps; enter: the function's sessions")
ORDERS = {"date": ("oldest first", "newest first"), "score": ("worst first", "best first")}
PROGRESS_EVERY = 0.25  # seconds between two updates of the title while a search runs


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    cell: Callable[[dict], str | Text]
    order: Callable[[dict], object] | None   # what it sorts by (None: unknown, sorted last)
    descending: bool = False                   # its first order: best or newest first


def _goodness(doc: dict) -> tuple | None:
    """Successes before failures, then each metric's sessions together, best first: an
    NMSE, an exact match and a correlation are not one scale."""
    if not scoreboard.is_scored(doc):
        return None
    score = doc.get("score") or {}
    return bool(score.get("success")), score.get("metric") or "", scoreboard.goodness(doc)


COLUMNS = (
    Column("mark", "", lambda doc: "", None),
    Column("id", "session", lambda doc: doc["id"], lambda doc: doc["id"]),
    Column("function", "function", lambda doc: doc.get("function_id") or "",
           lambda doc: doc.get("function_id") or ""),
    Column("actor", "actor", lambda doc: _actor(doc), scoreboard.actor_of),
    Column("score", "score", lambda doc: score_cell(doc.get("score")), _goodness, True),
    Column("status", "status", lambda doc: doc.get("status") or "",
           lambda doc: doc.get("status") or ""),
    Column("time", "time", lambda doc: duration(scoreboard.seconds(doc)), scoreboard.seconds),
    Column("probes", "probes", lambda doc: str(doc.get("probes", 0)),
           lambda doc: doc.get("probes", 0)),
    Column("date", "started", lambda doc: _date(doc), lambda doc: doc.get("started") or "", True),
)
SORTABLE = [column for column in COLUMNS if column.order]


def _actor(doc: dict) -> Text:
    """The actor, and "(mixed)" in yellow when more went into the session (the line under
    the table says what)."""
    if scoreboard.is_pure(doc):
        return Text(scoreboard.qualified(doc))
    return Text(f"{scoreboard.qualified(doc)} (mixed)", style="yellow")


def _date(doc: dict) -> str:
    return (doc.get("started") or "")[:16].replace("T", " ")


class SessionsScreen(Screen):
    """Every session in `store`, filtered by `query` to begin with (a scoreboard row's)."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        Binding("slash", "focus_filter", "Filter"),
        Binding("m", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("s", "sort(1)", "Sort"),
        Binding("S", "reverse", "Reverse", show=False),
        Binding("t", "toggle_functions", "By function"),
    ]

    DEFAULT_CSS = """
    SessionsScreen #sessions-title { padding: 0 1; text-style: bold; }
    SessionsScreen #session-filter { margin: 0 0; }
    SessionsScreen #session-views { height: 1fr; }
    SessionsScreen #session-table, SessionsScreen #function-table {
        height: 1fr; border: round $primary-background;
    }
    SessionsScreen #session-table:focus, SessionsScreen #function-table:focus {
        border: round $accent;
    }
    SessionsScreen #session-detail { height: auto; padding: 0 1; color: $text-muted; }
    SessionsScreen #filter-problems { height: auto; padding: 0 1; color: $warning; }
    SessionsScreen #filter-problems.-empty { display: none; }
    """

    def __init__(self, store: Store, suite=None, query: str = ""):
        super().__init__()
        self.store = store
        self.suite = suite
        self.query_text = query
        self.complexity_of = scoreboard.suite_complexity(suite)
        self.stale = scoreboard.stale_checker(suite)
        self.docs: list[dict] = []
        self.shown: list[dict] = []            # the sessions the filter keeps, as sorted
        self.marked: dict[str, None] = {}      # ids, in the order they were marked
        self.sort_by, self.descending = "date", True
        self.searching: tuple[int, int] | None = None   # (searched, of) while words are looked for
        self._generation = 0                   # which filter a search's results belong to
        self._functions_drawn = False          # the per-function table shows `shown`

    def compose(self) -> ComposeResult:
        yield Label(id="sessions-title")
        yield Input(self.query_text, placeholder=PLACEHOLDER, id="session-filter")
        yield Static(id="filter-problems", classes="-empty")
        with ContentSwitcher(initial="session-table", id="session-views"):
            # the mark and the id stay in view when the table scrolls sideways
            yield DataTable(id="session-table", cursor_type="row", zebra_stripes=True,
                            fixed_columns=2)
            yield DataTable(id="function-table", cursor_type="row", zebra_stripes=True,
                            fixed_columns=1)
        yield Static(id="session-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#session-table", DataTable)
        for column in COLUMNS:
            table.add_column(column.label, key=column.key)
        table.focus()

    def on_screen_resume(self) -> None:
        """Shown, first or again: read the sessions (a replay may have forked a new one)."""
        self._reload()

    def _reload(self) -> None:
        try:
            self.docs = self.store.list()
        except StoreError as exc:
            self.notify(f"cannot read sessions: {exc}", severity="error")
            self.docs = []
        self._apply(self.query_one("#session-filter", Input).value)

    # --- filtering and searching -----------------------------------------------------------
    @on(Input.Changed, "#session-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply(event.value)

    @on(Input.Submitted, "#session-filter")
    def _to_table(self) -> None:
        self._current_table().focus()

    def _apply(self, line: str) -> None:
        self._generation += 1
        wanted = scoreboard.parse_filter(line)
        problems = self.query_one("#filter-problems", Static)
        problems.update(plain("\n".join(wanted.problems)))
        problems.set_class(not wanted.problems, "-empty")
        kept = [doc for doc in self.docs if wanted.keeps(doc, self.complexity_of)]
        if wanted.words:
            self.searching = (0, len(kept))
            self._titles()
            self._search(kept, wanted, self._generation)
        else:
            self.workers.cancel_group(self, "search")
            self._show(kept, self._generation)

    @work(thread=True, exclusive=True, group="search", description="search the transcripts")
    def _search(self, docs: list[dict], wanted: scoreboard.SessionFilter, generation: int) -> None:
        """The sessions that say every free word; the transcripts are read off the UI's loop,
        which hears how far the search is only when it takes a while (each word waits for
        the loop to take it)."""
        worker = get_current_worker()
        found = []
        told = time.monotonic()
        for number, doc in enumerate(docs, 1):
            if worker.is_cancelled:
                return
            if wanted.says(doc, lambda: self._text(doc["id"])):
                found.append(doc)
            if time.monotonic() - told > PROGRESS_EVERY:
                self.app.call_from_thread(self._progress, number, len(docs), generation)
                told = time.monotonic()
        self.app.call_from_thread(self._show, found, generation)

    def _text(self, session_id: str) -> str:
        try:
            return self.store.text(session_id)
        except StoreError:  # no log to read: it says nothing
            return ""

    def _progress(self, searched: int, of: int, generation: int) -> None:
        if generation == self._generation:
            self.searching = (searched, of)
            self._titles()

    def _show(self, found: list[dict], generation: int) -> None:
        if generation != self._generation:  # a later filter has replaced this one
            return
        self.searching = None
        self.shown = self._sorted(found)
        self._fill()

    # --- sorting ---------------------------------------------------------------------------
    def _sorted(self, docs: list[dict]) -> list[dict]:
        """By the sort column, what it does not know last whichever the direction."""
        column = next(c for c in COLUMNS if c.key == self.sort_by)
        known = [doc for doc in docs if column.order(doc) is not None]
        unknown = [doc for doc in docs if column.order(doc) is None]
        return sorted(known, key=column.order, reverse=self.descending) + unknown

    def action_sort(self, step: int) -> None:
        keys = [column.key for column in SORTABLE]
        self._sort_by(keys[(keys.index(self.sort_by) + step) % len(keys)])

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.shown = self._sorted(self.shown)
        self._fill()

    @on(DataTable.HeaderSelected, "#session-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key == self.sort_by:
            self.action_reverse()
        elif any(column.key == key for column in SORTABLE):
            self._sort_by(key)

    def _sort_by(self, key: str) -> None:
        self.sort_by = key
        self.descending = next(column.descending for column in COLUMNS if column.key == key)
        self.shown = self._sorted(self.shown)
        self._fill()

    # --- drawing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        """The table, as `shown` says. Rows already there are only put in order: a DataTable
        measures every cell it is given, and a thousand rows take a good part of a second."""
        table = self.query_one("#session-table", DataTable)
        current = self.highlighted
        order = {doc["id"]: rank for rank, doc in enumerate(self.shown)}
        if order.keys() != {key.value for key in table.rows}:
            table.clear()
            for doc in self.shown:
                table.add_row(*cells(*self._cells(doc)), key=doc["id"])
        else:
            table.sort("id", key=order.__getitem__)
        if current in order:
            table.move_cursor(row=table.get_row_index(current))
        self._functions_drawn = False
        if self.functions_shown:
            self._fill_functions()
        self._titles()
        self._detail()

    def _cells(self, doc: dict) -> list:
        cells = [column.cell(doc) for column in COLUMNS]
        cells[0] = Text(MARK if doc["id"] in self.marked else "", style="bold yellow")
        return cells

    def _fill_functions(self) -> None:
        """Who scored what on each function, over the sessions the filter keeps (drawn when
        it is shown, not each time the filter changes)."""
        self._functions_drawn = True
        actors, rows = scoreboard.by_function(self.shown, self.stale)
        table = self.query_one("#function-table", DataTable)
        table.clear(columns=True)
        table.add_column("function", key="function")
        for actor in actors:
            table.add_column(plain(actor), key=actor)
        for function_id, scores in rows:
            table.add_row(plain(function_id), *(best_cell(scores[actor]) if actor in scores
                                         else Text(MISSING, style="dim") for actor in actors),
                          key=function_id)

    def _titles(self) -> None:
        column = next(c for c in COLUMNS if c.key == self.sort_by)
        order = ORDERS.get(column.key, ("ascending", "descending"))[self.descending]
        view = ("who scored what on each function" if self.functions_shown
                else f"sorted by {column.label}, {order}")
        parts = [f"{count(len(self.docs), 'session')} · {len(self.shown):,} shown", view]
        if self.marked:
            parts.append(f"{len(self.marked):,} marked")
        if self.searching:
            parts.append(f"searching transcripts {self.searching[0]:,}/{self.searching[1]:,}…")
        self.query_one("#sessions-title", Label).update(plain(" · ".join(parts)))

    @on(DataTable.RowHighlighted, "#session-table")
    def _detail(self) -> None:
        doc = self._doc(self.highlighted)
        if self.functions_shown:
            line = FUNCTIONS_LEGEND
        else:
            line = describe(doc) if doc else "no session matches the filter"
        self.query_one("#session-detail", Static).update(plain(line))

    # --- what the keys do ------------------------------------------------------------------
    @property
    def highlighted(self) -> str | None:
        table = self.query_one("#session-table", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @property
    def functions_shown(self) -> bool:
        return self.query_one("#session-views", ContentSwitcher).current == "function-table"

    def _current_table(self) -> DataTable:
        return self.query_one("#function-table" if self.functions_shown else "#session-table",
                              DataTable)

    def _doc(self, session_id: str | None) -> dict | None:
        return next((doc for doc in self.docs if doc["id"] == session_id), None)

    def action_back(self) -> None:
        if self.query_one("#session-filter", Input).has_focus:
            self._current_table().focus()
        else:
            self.app.pop_screen()

    def action_focus_filter(self) -> None:
        self.query_one("#session-filter", Input).focus()

    def action_toggle_functions(self) -> None:
        view = "session-table" if self.functions_shown else "function-table"
        self.query_one("#session-views", ContentSwitcher).current = view
        if self.functions_shown and not self._functions_drawn:
            self._fill_functions()
        self._current_table().focus()
        self._titles()
        self._detail()

    @on(DataTable.RowSelected, "#session-table")
    def _replay(self, event: DataTable.RowSelected) -> None:
        from find_lab.tui.screens.lab import LabScreen, Launch

        self.app.push_screen(LabScreen(Launch("replay", session_id=event.row_key.value)))

    @on(DataTable.RowSelected, "#function-table")
    def _to_function(self, event: DataTable.RowSelected) -> None:
        """A function's row: every session of that function."""
        self.action_toggle_functions()
        self.query_one("#session-filter", Input).value = f"function:{event.row_key.value}"

    def action_mark(self) -> None:
        session_id = self.highlighted
        if session_id is None or self.functions_shown:
            return
        if session_id in self.marked:
            del self.marked[session_id]
        else:
            self.marked[session_id] = None
        table = self.query_one("#session-table", DataTable)
        table.update_cell(session_id, "mark", self._cells(self._doc(session_id))[0])
        table.action_cursor_down()
        self._titles()

    def action_compare(self) -> None:
        """The two marked sessions; or the one marked and the one under the cursor."""
        from find_lab.tui.screens.compare import CompareScreen, refusal

        ids = list(self.marked)
        if len(ids) == 1 and self.highlighted not in (None, ids[0]):
            ids.append(self.highlighted)
        if len(ids) != 2:
            self.notify(f"compare takes two sessions of one function: mark them with m "
                        f"({count(len(self.marked), 'session')} marked)", severity="warning")
            return
        left, right = (self._doc(session_id) for session_id in ids)
        problem = refusal(left, right)
        if problem:
            self.notify(problem, severity="warning")
            return
        self.app.push_screen(CompareScreen(self.store, *ids))


def describe(doc: dict) -> str:
    """One session in a line or two: what its row may have scrolled out of view."""
    score = doc.get("score")
    verdict = "no score"
    if isinstance(score, dict):
        value = score.get("value")
        value = value if isinstance(value, (int, float)) else None
        verdict = (f"{score.get('metric')} {number(value)} "
                   + ("success" if score.get("success") else "fail"))
    parts = [doc.get("function_id") or "?", doc.get("provenance", {}).get("label")
             or scoreboard.actor_of(doc), doc.get("status") or "?", verdict,
             duration(scoreboard.seconds(doc)),
             f"{count(doc.get('probes', 0), 'probe')}, {count(doc.get('points', 0), 'point')}",
             f"started {_date(doc)} UTC"]
    return " · ".join(parts)
