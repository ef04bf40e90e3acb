"""The probe table: every probe as a row (`find_lab.probe_rows`), with the hypothesis's
prediction marked ✓ or ✗ in its cell, in columns that share the pane's width.

Text answers get `# | input | output | hypothesis`; number answers `# | x | y | × | hypothesis |
residual` (× counts the probes of the same input, to spot repeats). The table sorts, copies a
row or the whole table, and exports it as CSV. `show` is called after every event: rows are
appended or updated in place, and rebuilt only when the columns change (a resize, a first
hypothesis, a new sort) or the probes no longer continue the rows shown.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from find_lab import probe_rows
from find_lab.english import count
from find_lab.printable import printable
from find_lab.probe_rows import Row, Table
from find_lab.tui.delivery import deliver

ACTOR_STYLES = {"agent": "cyan", "human": "magenta"}
MAX_DEMAND = 40           # the widest a column asks to be
MIN_WIDTH = 4             # the narrowest a shared column gets
SCROLLBAR = 2
SORTS = ("order", "input", "output", "misses")
SORT_NAMES = {"order": "probing order", "input": "input", "output": "output",
              "misses": "misses first"}
HEADERS = {"n": "#", "repeats": "×", "residual": "residual"}
PENDING = "…"             # a prediction being worked out
NO_ANSWER = "—"           # the hypothesis's code gave none here


class ProbeTable(DataTable):
    """A probe table that takes focus, scrolls, sorts and exports."""

    BINDINGS = [
        Binding("o", "sort", "Sort"),
        Binding("c", "copy_row", "Copy row"),
        Binding("C", "copy_table", "Copy table"),
        Binding("e", "export", "Export CSV"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=False)
        self.table = Table((), ())
        self.pending = False
        self.name_hint = "session"              # the CSV's file name starts with it
        self.sort_by = "order"
        self._shape: tuple | None = None         # (columns, widths) of the rows shown
        self._shown: dict[int, Row] = {}        # number -> the row drawn for it
        self._order: list[int] = []             # numbers, in the order drawn

    # --- drawing -------------------------------------------------------------------------------
    def show(self, table: Table, pending: bool = False, name: str = "session") -> None:
        """Draw `table`; `pending`: predictions for rows without one are being worked out."""
        self.table, self.name_hint = table, name or "session"
        pending_changed, self.pending = pending != self.pending, pending
        columns = self.column_keys(table)
        shape = (columns, self._widths(columns, table))
        rows = table.rows
        continues = len(rows) >= len(self._order) and all(
            self._shown[row.number].input == row.input and self._shown[row.number].seq == row.seq
            for row in rows[:len(self._order)])
        if shape != self._shape or not continues:
            self._rebuild(shape)
            return
        for row in rows[:len(self._order)]:
            if row != self._shown[row.number] or (pending_changed and None in row.predictions):
                self._shown[row.number] = row
                for key, cell in zip(columns, self._cells(row, columns)):
                    self.update_cell(str(row.number), key, cell)
        new = rows[len(self._order):]
        if not new:
            return
        if self.sort_by != "order":
            self._rebuild(shape)
            return
        at_bottom = self.is_vertical_scroll_end
        for row in new:
            self._add(row, columns)
        if at_bottom:
            self.scroll_end(animate=False, x_axis=False)

    def column_keys(self, table: Table) -> tuple[str, ...]:
        hypothesis = ("hypothesis",) if table.hypotheses else ()
        if table.numeric:
            return ("n", "input", "output", "repeats", *hypothesis,
                    *(("residual",) if hypothesis else ()))
        return ("n", "input", "output", *hypothesis)

    def _rebuild(self, shape: tuple) -> None:
        columns, widths = shape
        cursor = self._order[self.cursor_row] if 0 <= self.cursor_row < len(self._order) else None
        scroll = self.scroll_y
        self.clear(columns=True)
        xy = self.table.numeric and all(_is_number(row.input) for row in self.table.rows)
        for key, width in zip(columns, widths):
            label = HEADERS.get(key) or ({"input": "x", "output": "y"}.get(key, key) if xy else key)
            self.add_column(Text(label, no_wrap=True, overflow="ellipsis"), width=width, key=key)
        self._shape, self._shown, self._order = shape, {}, []
        for row in sort_rows(self.table.rows, self.sort_by):
            self._add(row, columns)
        if cursor in self._shown:
            self.move_cursor(row=self._order.index(cursor), animate=False, scroll=False)
        self.scroll_to(y=scroll, animate=False, immediate=True)

    def _add(self, row: Row, columns: tuple[str, ...]) -> None:
        self.add_row(*self._cells(row, columns), key=str(row.number))
        self._shown[row.number] = row
        self._order.append(row.number)

    def _cells(self, row: Row, columns: tuple[str, ...]) -> list[Text]:
        return [cell(row, key, self.pending) for key in columns]

    def _widths(self, columns: tuple[str, ...], table: Table) -> tuple[int, ...]:
        """Each column's share of the width: fixed ones as wide as their content, the rest
        shared, each given no more than it needs and what is left going to the wider ones."""
        demands = [max([len(HEADERS.get(key, key))] +
                       [min(MAX_DEMAND, demand(row, key)) for row in table.rows])
                   for key in columns]
        fixed = [key in ("n", "repeats") for key in columns]
        total = (self.size.width or 80) - SCROLLBAR - 2 * self.cell_padding * len(columns)
        return tuple(share(total, demands, fixed))

    def on_resize(self) -> None:
        if self._shape is not None:
            self.show(self.table, self.pending, self.name_hint)

    # --- keys ----------------------------------------------------------------------------------
    def action_sort(self, by: str | None = None) -> None:
        """Sort by `by`, or the next way in SORTS."""
        self.sort_by = by or SORTS[(SORTS.index(self.sort_by) + 1) % len(SORTS)]
        if self._shape is not None:
            self._rebuild(self._shape)
        self.notify(f"probes sorted by {SORT_NAMES[self.sort_by]}", timeout=2)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        by = {"n": "order", "input": "input", "output": "output", "repeats": "input",
              "hypothesis": "misses", "residual": "misses"}.get(str(event.column_key.value))
        self.action_sort(by or "order")

    def cursor_row_data(self) -> Row | None:
        if 0 <= self.cursor_row < len(self._order):
            return self._shown[self._order[self.cursor_row]]
        return None

    def action_copy_row(self) -> None:
        row = self.cursor_row_data()
        if row is None:
            return
        self.app.copy_to_clipboard(row_text(row))
        self.notify(f"copied probe {row.number}", timeout=2)

    def action_copy_table(self) -> None:
        self.app.copy_to_clipboard(probe_rows.to_csv(self.table))
        self.notify(f"copied {count(len(self.table.rows), 'probe')} as CSV", timeout=2)

    def action_export(self) -> None:
        try:
            path = export(self.table, export_dir(self.app), self.name_hint)
        except OSError as exc:
            self.notify(f"could not export the probes: {exc}", severity="error")
            return
        self.notify(f"{count(len(self.table.rows), 'probe')} written to {path}"
                    f"{deliver(self.app, path)}", timeout=4)


# --- the parts, testable without a screen ------------------------------------------------------
def cell(row: Row, key: str, pending: bool = False) -> Text:
    """One cell of a row: the mark ✓/✗ goes in the hypothesis cell itself, not only its colour."""
    if key == "n":
        style = ACTOR_STYLES.get(row.actor, "")
        return _text(str(row.number), f"{style} italic" if row.carried else style)
    if key == "input":
        return _text(value_text(row.input))
    if key == "output":
        if row.error is not None:
            return _text(row.error, "dim")
        return _text(value_text(row.output))
    if key == "repeats":
        return _text(str(row.repeats) if row.repeats > 1 else "", "yellow")
    if key in ("hypothesis", "residual"):
        predicted = row.predictions[0] if row.predictions else None
        if predicted is None:
            if row.error is not None:
                return _text("")
            return _text(PENDING if pending else NO_ANSWER, "dim")
        if key == "residual":
            residual = row.residual()
            return _text("" if residual is None else f"{residual:+.4g}",
                         "dim" if row.matches[0] else "")
        match = row.matches[0]
        if match is None or _is_number(predicted):
            return _text(value_text(predicted))
        mark, style = ("✓ ", "green") if match else ("✗ ", "bold red")
        return Text.assemble((mark, style), (value_text(predicted), "" if match else "red"),
                             no_wrap=True, overflow="ellipsis", end="")
    raise KeyError(key)


def demand(row: Row, key: str) -> int:
    """How wide `cell(row, key)` is, without drawing it."""
    if key == "n":
        return len(str(row.number))
    if key == "input":
        return len(value_text(row.input))
    if key == "output":
        return len(row.error) if row.error is not None else len(value_text(row.output))
    if key == "repeats":
        return len(str(row.repeats))
    predicted = row.predictions[0] if row.predictions else None
    if key == "residual":
        return 8
    return 2 + len(value_text(predicted)) if predicted is not None else 1


def value_text(value) -> str:
    """A value as the actor wrote it: strings quoted (so empty strings and spaces show), numbers
    in 6 significant digits."""
    if value is None:
        return ""
    if _is_number(value):
        return f"{value:.6g}"
    return repr(value)


def share(total: int, demands: list[int], fixed: list[bool]) -> list[int]:
    """Widths for columns wanting `demands`: fixed ones get theirs, the others share what is
    left (at least MIN_WIDTH each), none more than it wants while another wants more."""
    widths = [demand if is_fixed else 0 for demand, is_fixed in zip(demands, fixed)]
    left = total - sum(widths)
    waiting = sorted((i for i, is_fixed in enumerate(fixed) if not is_fixed),
                     key=lambda i: demands[i])
    while waiting and demands[waiting[0]] <= left // len(waiting):
        i = waiting.pop(0)                       # wants less than a fair share: give it that
        widths[i] = demands[i]
        left -= demands[i]
    if waiting:
        fair, extra = divmod(max(0, left), len(waiting))
        for position, i in enumerate(waiting):   # the widest get the cells left over
            widths[i] = max(MIN_WIDTH, fair + (position >= len(waiting) - extra))
    return widths


def sort_rows(rows, by: str) -> list[Row]:
    if by == "order":
        return list(rows)
    if by == "input":
        return sorted(rows, key=lambda row: (_order_key(row.input), row.number))
    if by == "output":
        return sorted(rows, key=lambda row: (row.error is not None, _order_key(row.output),
                                             row.number))
    if by == "misses":
        def miss(row: Row):
            residual = row.residual()
            if residual is not None:
                return (0, -abs(residual))
            match = row.matches[0] if row.matches else None
            return ({False: 0, None: 1, True: 2}[match], 0.0)
        return sorted(rows, key=lambda row: (miss(row), row.number))
    raise ValueError(by)


def row_text(row: Row) -> str:
    """A row to paste: input, output (or the error) and each prediction, tab-separated."""
    values = [row.input, row.output if row.error is None else row.error, *row.predictions]
    return "\t".join("" if v is None else v if isinstance(v, str) else value_text(v)
                     for v in values)


def export_dir(app) -> Path:
    """Where CSV exports go: the store's `exports/`, as the lab's own export (x) writes."""
    return Path(app.store.home) / "exports"


def file_name(name: str) -> str:
    """`name` as a file name that stays in its folder: letters, digits, '.', '_', '-'."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", name).lstrip(".-") or "session"


def export(table: Table, folder: Path, name: str) -> Path:
    """The table as CSV in `folder`, named after the session. The name comes from a log, which
    anyone may have written: only letters, digits, '.', '_' and '-' are kept, so it names a
    file in `folder` and nowhere else."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_name(name)}-probes.csv"
    path.write_text(probe_rows.to_csv(table))
    return path


def caption(table: Table, pending: bool) -> Text:
    """One line over the table: how many probes, the hypothesis and how it fares."""
    text = Text(count(len(table.rows), "probe"), style="bold")
    if not table.hypotheses:
        return text.append(" · no hypothesis yet", style="dim")
    hypothesis = table.hypotheses[0]
    marks = [row.matches[0] for row in table.rows]
    unknown = sum(row.predictions[0] is None and row.error is None for row in table.rows)
    text.append(f" · {printable(hypothesis.label or 'hypothesis')}", style="dark_orange")
    if not table.numeric:
        text.append(f" · ✓ {marks.count(True)}", style="green")
        text.append(f" ✗ {marks.count(False)}", style="bold red" if False in marks else "")
    if unknown:
        text.append(f" · {unknown} {'being worked out' if pending else 'not predicted'}",
                    style="dim")
    return text


def _text(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style, no_wrap=True, overflow="ellipsis", end="")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _order_key(value):
    if value is None:
        return (2, 0.0, "")
    if _is_number(value):
        return (0, float(value), "")
    return (1, 0.0, str(value))
