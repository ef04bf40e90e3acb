"""The scoreboard: every actor's scores per domain and complexity, and two actors head to head.

The numbers come from `find_lab.scoreboard`; this screen only filters and draws them.
Baselines are reference rows, drawn dim and italic so nobody mistakes them for competitors;
sessions more than one actor went into have rows of their own, in yellow, and the line under
the table says how many sessions no actor is credited with alone, and why.
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
from textual.widgets import DataTable, Footer, Label, Select, Static

from find_lab import domains, scoreboard
from find_lab.scoreboard import ALL, HeadToHead, Row
from find_lab.store import Store

# 1, 2, 3, ... pick the domains in registration order; 0 shows them all
DOMAIN_KEYS = {**{str(key): name for key, name in enumerate(domains.names()[:9], 1)}, "0": None}
COLUMNS = ("actor", "domain", "complexity", "n", "success", "median", "local", "time",
           "tokens", "cost", "judged", "unsc/ab/int")
LEGEND = ("n: scored sessions; median: {metrics}; local: median local-detail nmse;"
          " time: median; unsc/ab/int: unscored, abandoned, interrupted sessions")
DEFAULT_PAIR = ("human", "scientist")
MISSING = "–"


class ScoreboardScreen(Screen):
    """Rows per actor, domain and complexity; keys 1/2/3/0 pick a domain, esc or q goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        *(Binding(key, f"domain({domain!r})", (domain or "all domains").capitalize())
          for key, domain in DOMAIN_KEYS.items()),
    ]

    DEFAULT_CSS = """
    ScoreboardScreen #board-title { padding: 0 1; text-style: bold; }
    ScoreboardScreen #board { height: 1fr; }
    ScoreboardScreen #legend { height: auto; padding: 0 1; color: $text-muted; }
    ScoreboardScreen #h2h-choice { height: auto; }
    ScoreboardScreen #h2h-choice Label { padding: 1 1; }
    ScoreboardScreen #h2h-choice Select { width: 32; }
    ScoreboardScreen #h2h-result { height: auto; padding: 0 1 1 1; }
    """

    def __init__(self, source: Store | Iterable[dict],
                 complexity_of: Callable[[str], str] | None = None):
        super().__init__()
        self.docs = source.list() if isinstance(source, Store) else list(source)
        stale = scoreboard.stale_checker()
        self.rows = scoreboard.rows(self.docs, complexity_of, stale)
        self.set_aside = scoreboard.describe_set_aside(scoreboard.set_aside(self.docs, stale))
        self.domain: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="board-title")
        yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
        yield Static(f"{_legend()}\n{self.set_aside}", id="legend")
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

    def action_domain(self, domain: str | None) -> None:
        self.domain = domain
        self._refresh()

    @on(Select.Changed)
    def _pair_changed(self) -> None:
        self._show_head_to_head()

    def _refresh(self) -> None:
        shown = [row for row in self.rows if self.domain in (None, row.domain)]
        self.query_one("#board-title", Label).update(
            f"Scoreboard · {self.domain or 'all domains'} · {len(shown)} rows   "
            "(1 numeric · 2 strings · 3 neurons · 0 all)")
        table = self.query_one("#board", DataTable)
        table.clear()
        for row in shown:
            table.add_row(*_cells(row), key=f"{row.actor}|{row.domain}|{row.complexity}")
        self._show_head_to_head()

    def _show_head_to_head(self) -> None:
        a, b = (self.query_one(f"#actor-{side}", Select).value for side in "ab")
        result = scoreboard.head_to_head(self.docs, a, b, self.domain)
        self.query_one("#h2h-result", Static).update(describe(result))


def describe(h: HeadToHead) -> str:
    """The comparison in one sentence, or plainly why there is none."""
    scope = f" in {h.domain}" if h.domain else ""
    for side, count in ((h.a, h.a_sessions), (h.b, h.b_sessions)):
        if not count:
            return f"No scored {side} sessions{scope} yet: nothing to compare."
    if not h.functions:
        return f"{h.a} and {h.b} have no scored function in common{scope}."
    return (f"{h.a} vs {h.b} on {h.functions} common functions{scope} (best session each): "
            f"success {_percent(h.a_success_rate)} vs {_percent(h.b_success_rate)} · "
            f"wins {h.a_wins} – {h.b_wins} · ties {h.ties}")


def _cells(row: Row) -> list[Text]:
    """A row as table cells: baselines dim italic and named so, `all` rows bold."""
    actor = f"{row.actor} (baseline)" if row.baseline else row.actor
    values = (actor, row.domain, row.complexity, str(row.scored),
              _percent(row.success_rate), _number(row.median_value), _number(row.median_local_nmse),
              _duration(row.median_seconds), _tokens(row.tokens), _cost(row.cost_usd), row.judged,
              f"{row.unscored}/{row.abandoned}/{row.interrupted}")
    style = " ".join(part for part, on_ in (("bold", row.complexity == ALL),
                                            ("dim italic", row.baseline),
                                            ("yellow", row.mixed)) if on_)
    return [Text(value, style=style) for value in values]


def _percent(rate: float | None) -> str:
    return MISSING if rate is None else f"{rate:.0%}"


def _number(value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.3g}" if math.isfinite(value) else "inf"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return MISSING
    return f"{seconds:.0f}s" if seconds < 120 else f"{seconds / 60:.1f}m"


def _tokens(count: int | None) -> str:
    if count is None:
        return MISSING
    return str(count) if count < 10_000 else f"{count / 1000:.0f}k"


def _cost(usd: float | None) -> str:
    return MISSING if usd is None else f"${usd:.3f}"


def _legend() -> str:
    """The legend, naming each domain's metric and which way it is better."""
    metrics = [f"{d.metric} for {d.name}" + " (lower is better)" * d.lower_is_better
               for d in map(domains.get, domains.names())]
    return LEGEND.format(metrics=", ".join(metrics))
