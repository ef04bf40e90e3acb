"""The scoreboard: every actor's scores per domain and complexity, and two actors head to head.

The numbers come from `find_lab.scoreboard`; this screen only filters and draws them.
Baselines are reference rows, drawn dim and italic so nobody mistakes them for competitors;
sessions more than one actor went into have rows of their own, in yellow, and the line under
the table says how many sessions no actor is credited with alone, and why.

Enter on a row opens the session browser on that row's sessions; `h` swaps the table for the
head-to-head, function by function, where enter puts the two sides' best sessions side by side.
"""

from __future__ import annotations

import math
from typing import Callable, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Label, Select, Static

from find_lab import domains, scoreboard
from find_lab.english import count
from find_lab.scoreboard import ALL, Duel, HeadToHead, Row, Scores
from find_lab.store import Store
from find_lab.tui.plain import cells, plain

# 1, 2, 3, ... pick the domains in registration order; 0 shows them all
DOMAIN_KEYS = {**{str(key): name for key, name in enumerate(domains.names()[:9], 1)}, "0": None}
COLUMNS = ("actor", "domain", "complexity", "n", "success", "median", "local", "time",
           "tokens", "cost", "judged", "unsc/ab/int")
LEGEND = ("n: scored sessions · median: {metrics} · local: median local-detail nmse"
          " · time: median · unsc/ab/int: unscored, abandoned, interrupted · enter: the row's"
          " sessions")
H2H_LEGEND = ("best: each side's best session on the function (✓ a success) · median (n): "
              "over its n scored sessions · winner: the better best · enter: the two best "
              "side by side")
DEFAULT_PAIR = ("human", "scientist")
MISSING = "–"


class ScoreboardScreen(Screen):
    """Rows per actor, domain and complexity; keys 1/2/3/0 pick a domain, h shows the head to
    head function by function, enter opens a row's sessions, esc or q goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        # the title names the domain keys: the footer keeps room for the rest
        *(Binding(key, f"domain({domain!r})", (domain or "all domains").capitalize(), show=False)
          for key, domain in DOMAIN_KEYS.items()),
        Binding("h", "toggle_head_to_head", "Head to head"),
    ]

    DEFAULT_CSS = """
    ScoreboardScreen #board-title { padding: 0 1; text-style: bold; }
    ScoreboardScreen #board-views { height: 1fr; }
    ScoreboardScreen #board, ScoreboardScreen #h2h-table {
        height: 1fr; border: round $primary-background;
    }
    ScoreboardScreen #board:focus, ScoreboardScreen #h2h-table:focus { border: round $accent; }
    ScoreboardScreen #legend { height: auto; padding: 0 1; color: $text-muted; }
    ScoreboardScreen #h2h-choice { height: auto; }
    ScoreboardScreen #h2h-choice Label { padding: 1 1; }
    ScoreboardScreen #h2h-choice Select { width: 1fr; max-width: 32; }
    ScoreboardScreen #h2h-result { height: auto; padding: 0 1; }
    """

    def __init__(self, source: Store | Iterable[dict],
                 complexity_of: Callable[[str], str] | None = None):
        super().__init__()
        self.store = source if isinstance(source, Store) else None
        self.docs = source.list() if isinstance(source, Store) else list(source)
        stale = scoreboard.stale_checker()
        self.rows = scoreboard.rows(self.docs, complexity_of, stale)
        self.set_aside = scoreboard.describe_set_aside(scoreboard.set_aside(self.docs, stale))
        self.domain: str | None = None
        self.shown: dict[str, Row] = {}       # the board's rows by their keys
        self.result: HeadToHead | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="board-title")
        with ContentSwitcher(initial="board", id="board-views"):
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="h2h-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="legend")
        choices = [(name, name) for name in sorted({*scoreboard.actors(self.docs), *DEFAULT_PAIR})]
        with Horizontal(id="h2h-choice"):
            yield Label("Head to head")
            yield Select(choices, value=DEFAULT_PAIR[0], allow_blank=False, id="actor-a")
            yield Label("vs")
            yield Select(choices, value=DEFAULT_PAIR[1], allow_blank=False, id="actor-b")
        yield Static(id="h2h-result")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#board", DataTable)
        table.add_columns(*COLUMNS)
        self._refresh()
        table.focus()

    @property
    def head_to_head_shown(self) -> bool:
        return self.query_one("#board-views", ContentSwitcher).current == "h2h-table"

    def action_domain(self, domain: str | None) -> None:
        self.domain = domain
        self._refresh()

    def action_toggle_head_to_head(self) -> None:
        view = "board" if self.head_to_head_shown else "h2h-table"
        self.query_one("#board-views", ContentSwitcher).current = view
        self.query_one(f"#{view}", DataTable).focus()
        self._titles()

    @on(Select.Changed)
    def _pair_changed(self) -> None:
        self._show_head_to_head()

    def _refresh(self) -> None:
        table = self.query_one("#board", DataTable)
        table.clear()
        self.shown = {}
        for row in self.rows:
            if self.domain in (None, row.domain):
                key = f"{row.actor}|{row.domain}|{row.complexity}"
                self.shown[key] = row
                table.add_row(*cells(*_cells(row)), key=key)
        self._show_head_to_head()

    def _titles(self) -> None:
        scope = self.domain or "all domains"
        if self.head_to_head_shown:
            functions = len(self.result.per_function) if self.result else 0
            title = (f"Head to head · {scope} · {count(functions, 'function')}   "
                     "(h: back to the board)")
            legend = H2H_LEGEND
        else:
            title = (f"Scoreboard · {scope} · {count(len(self.shown), 'row')}  "
                     "(1 numeric · 2 strings · 3 neurons · 0 all)")
            legend = f"{_legend()}\n{self.set_aside}"
        self.query_one("#board-title", Label).update(plain(title))
        self.query_one("#legend", Static).update(plain(legend))

    def _show_head_to_head(self) -> None:
        a, b = (self.query_one(f"#actor-{side}", Select).value for side in "ab")
        self.result = scoreboard.head_to_head(self.docs, a, b, self.domain)
        self.query_one("#h2h-result", Static).update(plain(describe(self.result)))
        table = self.query_one("#h2h-table", DataTable)
        table.clear(columns=True)
        table.add_columns(*cells("function", "winner", f"{a} best", "median (n)", f"{b} best",
                                 "median (n)"))
        for duel in self.result.per_function:
            table.add_row(*cells(*_duel_cells(duel, a, b)), key=duel.function_id)
        self._titles()

    # --- opening what a row stands for -----------------------------------------------------
    @on(DataTable.RowSelected, "#board")
    def _open_row(self, event: DataTable.RowSelected) -> None:
        row = self.shown.get(event.row_key.value)
        if row:
            self._browse(scoreboard.filter_for(row))

    @on(DataTable.RowSelected, "#h2h-table")
    def _open_duel(self, event: DataTable.RowSelected) -> None:
        duel = next((duel for duel in self.result.per_function
                     if duel.function_id == event.row_key.value), None)
        if duel and duel.a and duel.b and self.store:
            # imported here: those screens draw their cells with this module's helpers
            from find_lab.tui.screens.compare import CompareScreen

            self.app.push_screen(CompareScreen(self.store, duel.a.best_id, duel.b.best_id))
        elif duel:
            side = self.result.a if duel.a else self.result.b
            self._browse(f"function:{duel.function_id} actor:{scoreboard.quoted(side)} pure:yes")

    def _browse(self, query: str) -> None:
        if self.store is None:
            self.notify("these rows were not read from a session store: no sessions to open",
                        severity="warning")
            return
        from find_lab.tui.screens.sessions import SessionsScreen

        self.app.push_screen(SessionsScreen(self.store, getattr(self.app, "suite", None), query))


def describe(h: HeadToHead) -> str:
    """The comparison in one sentence, or plainly why there is none."""
    scope = f" in {h.domain}" if h.domain else ""
    for side, sessions in ((h.a, h.a_sessions), (h.b, h.b_sessions)):
        if not sessions:
            return f"No scored {side} sessions{scope} yet: nothing to compare."
    if not h.functions:
        return f"{h.a} and {h.b} have no scored function in common{scope}."
    return (f"{h.a} vs {h.b} on {count(h.functions, 'common function')}{scope} "
            "(best session each): "
            f"success {percent(h.a_success_rate)} vs {percent(h.b_success_rate)} · "
            f"wins {h.a_wins} – {h.b_wins} · ties {h.ties}")


def _cells(row: Row) -> list[Text]:
    """A row as table cells: baselines dim italic and named so, `all` rows bold."""
    actor = f"{row.actor} (baseline)" if row.baseline else row.actor
    values = (actor, row.domain, row.complexity, str(row.scored),
              percent(row.success_rate), number(row.median_value), number(row.median_local_nmse),
              duration(row.median_seconds), _tokens(row.tokens), _cost(row.cost_usd), row.judged,
              f"{row.unscored}/{row.abandoned}/{row.interrupted}")
    style = " ".join(part for part, on_ in (("bold", row.complexity == ALL),
                                            ("dim italic", row.baseline),
                                            ("yellow", row.mixed)) if on_)
    return [Text(value, style=style) for value in values]


def _duel_cells(duel: Duel, a: str, b: str) -> list[Text]:
    winner = {"a": a, "b": b, "tie": "tie", None: MISSING}[duel.winner]
    style = "bold" if duel.winner in ("a", "b") else "dim"
    return [Text(duel.function_id), Text(winner, style=style), *_side(duel.a), *_side(duel.b)]


def _side(scores: Scores | None) -> list[Text]:
    if scores is None:
        return [Text(MISSING, style="dim"), Text(MISSING, style="dim")]
    return [best_cell(scores), Text(f"{number(scores.median)} ({scores.sessions})")]


def best_cell(scores: Scores) -> Text:
    """An actor's best on a function: its value, and ✓ for a success or ✗."""
    text = Text(number(scores.best))
    text.append(" ✓" if scores.success else " ✗", style="green" if scores.success else "red")
    return text


def score_cell(score: dict | None) -> Text:
    """A session's score: its value and ✓ or ✗, or – when it has none."""
    if not isinstance(score, dict):
        return Text(MISSING, style="dim")
    value = score.get("value")
    text = Text(number(value if isinstance(value, (int, float)) else None))
    success = bool(score.get("success"))
    text.append(" ✓" if success else " ✗", style="green" if success else "red")
    return text


def percent(rate: float | None) -> str:
    return MISSING if rate is None else f"{rate:.0%}"


def number(value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.3g}" if math.isfinite(value) else "inf"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return MISSING
    if seconds < 10:
        return f"{seconds:.1f}s"
    return f"{seconds:.0f}s" if seconds < 120 else f"{seconds / 60:.1f}m"


def _tokens(tokens: int | None) -> str:
    if tokens is None:
        return MISSING
    return str(tokens) if tokens < 10_000 else f"{tokens / 1000:.0f}k"


def _cost(usd: float | None) -> str:
    return MISSING if usd is None else f"${usd:.3f}"


def _legend() -> str:
    """The legend, naming each domain's metric and which way it is better."""
    metrics = [f"{d.metric} ({d.name}" + ", lower is better" * d.lower_is_better + ")"
               for d in map(domains.get, domains.names())]
    return LEGEND.format(metrics=", ".join(metrics))
