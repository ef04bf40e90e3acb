"""The probes pane: what the actor has tried so far, beside its current hypothesis.

Three views: a scatter plot (with the true curve faintly behind), a table of inputs and
outputs, a ranked bar chart. `VIEWS` says which view draws each domain, the one place the TUI
names domains; a domain not in it gets the table, which reads any input and output. `show` is
called after every event, so each view reuses its widget and does the least work it can (the
table only appends new rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import ContentSwitcher, DataTable, Static
from textual_plotext import PlotextPlot

from find_lab.domains.numeric import specs as numeric
from find_lab.labstate import LabState, Probe

X_RANGE = (-128.0, 128.0)
CELL_CHARS = 30          # longest value shown in a table cell
TOP, BOTTOM = 12, 6      # neurons: strongest and weakest words shown
BAR_WIDTH = 20
BLOCKS = " ▏▎▍▌▋▊▉"        # 0 to 7 eighths of a cell
ACTOR_COLOURS = {"agent": "cyan", "human": "magenta"}
ACTOR_MARKERS = {"agent": "•", "human": "◆"}
WAITING = "waiting for the session to start"


class ProbesPane(ContentSwitcher):
    """The probes of a session, drawn the way its domain reads best."""

    DEFAULT_CSS = """
    ProbesPane {
        height: 1fr;
    }
    ProbesPane > * {
        height: 1fr;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes, initial="probes-empty")
        self._empty = Static(_placeholder(""), id="probes-empty")
        self._plot = PlotextPlot(id="probes-plot")
        self._table = DataTable(id="probes-table", cursor_type="row")
        self._bars = Static(id="probes-bars")
        self._rows: list[Probe] = []             # the probes the table shows, in order
        self._table_hypothesis: dict | None = None
        self._drawn: tuple | None = None         # what the plot shows; plotext renders are costly

    def compose(self) -> ComposeResult:
        yield self._empty
        yield self._plot
        yield self._table
        with VerticalScroll(id="probes-neurons"):
            yield self._bars

    def on_mount(self) -> None:
        self._table.add_columns(("#", "n"), ("input", "input"), ("output", "output"),
                                ("hypothesis", "hypothesis"), ("", "mark"))

    def show(self, state: LabState, truth: list[list[float]] | None = None) -> None:
        """Redraw from `state`; `truth` ([[x, y], ...], from `truth_curve`) is drawn faintly."""
        if not state.probes:
            self._empty.update(_placeholder(state.domain))
            self.current = "probes-empty"
        else:
            view = view_of(state.domain)
            view.draw(self, state, truth)
            self.current = view.widget

    # --- the plot -----------------------------------------------------------------------
    def _draw_plot(self, state: LabState, truth: list[list[float]] | None) -> None:
        """Truth first, then probes, then the hypothesis: later series sit on top.

        Skipped when nothing drawn would change: a plotext frame costs a hundred milliseconds
        or more, and most events (messages, steering) change nothing here."""
        hypothesis = state.hypothesis or {}
        drawing = (state.session_id, state.function_id, len(state.probes), hypothesis.get("seq"),
                   state.claimed_interval, id(truth) if truth else None, numeric_title(state))
        if drawing == self._drawn:
            return
        self._drawn = drawing
        plt = self._plot.plt
        plt.clear_data()
        plt.xlim(*X_RANGE)
        plt.title(numeric_title(state))
        for bound in state.claimed_interval or ():
            plt.vertical_line(bound, color="red")
        preview = (state.hypothesis or {}).get("preview") or ()
        layers = [(truth or [], plt.plot, "braille", "gray")]
        for actor, colour in ACTOR_COLOURS.items():
            points = [(p.x, p.y) for p in state.answered if p.actor == actor and _is_number(p.y)]
            layers.append((points, plt.scatter, ACTOR_MARKERS[actor], colour))
        layers.append(([(x, y) for x, y in preview if _is_number(x) and _is_number(y)],
                       plt.plot, "braille", "orange"))
        for points, draw, marker, colour in layers:
            if points:
                draw(*_columns(points), marker=marker, color=colour)
        undefined = [p.x for p in state.probes if p.error == "undefined" and _is_number(p.x)]
        if undefined:
            floor = min((y for points, *_ in layers for _, y in points), default=0.0)
            plt.scatter(undefined, [floor] * len(undefined), marker="×", color="red")
        self._plot.refresh()

    # --- the table ----------------------------------------------------------------------
    def _draw_table(self, state: LabState, truth: list[list[float]] | None) -> None:
        """Append new rows; start over when the probes do not continue the rows shown (a
        replay stepped back, or another session); refresh predictions when the hypothesis
        changed. The prefix check is cheap: list equality tries identity first."""
        table, probes = self._table, state.probes
        shown = len(self._rows)
        if probes[:shown] != self._rows:
            table.clear()
            self._rows, shown = [], 0
        predictions = state.predictions
        if state.hypothesis is not self._table_hypothesis:
            self._table_hypothesis = state.hypothesis
            for index, probe in enumerate(self._rows):
                prediction = _lookup(predictions, probe.x)
                table.update_cell(str(index), "hypothesis", _cell(prediction), update_width=True)
                table.update_cell(str(index), "mark", _mark(probe, prediction))
        if shown == len(probes):
            return
        at_bottom = table.is_vertical_scroll_end
        for index, probe in enumerate(probes[shown:], start=shown):
            table.add_row(*string_row(index, probe, _lookup(predictions, probe.x)), key=str(index))
        self._rows.extend(probes[shown:])
        if at_bottom:
            table.scroll_end(animate=False, x_axis=False)

    # --- the bars -----------------------------------------------------------------------
    def _draw_bars(self, state: LabState, truth: list[list[float]] | None) -> None:
        self._bars.update(neuron_bars(state))


@dataclass(frozen=True)
class View:
    """One way to draw probes: the pane's child that shows them, the method that draws them
    there, what the empty pane promises, and the true curve drawn behind, if it has one."""

    widget: str
    draw: Callable[[ProbesPane, LabState, list | None], None]
    hint: str
    truth: Callable[[dict], list[list[float]]] | None = None


def numeric_truth(spec: dict) -> list[list[float]]:
    """The noise-free function at every integer of [-128, 128], where it is defined."""
    xs = [X_RANGE[0] + i for i in range(257)]
    return [[x, float(y)] for x, y in zip(xs, numeric.truth(spec, xs))
            if y == y and abs(y) != float("inf")]


PLOT = View("probes-plot", ProbesPane._draw_plot,
            "each input tried will be plotted here, with the current hypothesis", numeric_truth)
TABLE = View("probes-table", ProbesPane._draw_table,
             "each input and output will be listed here, checked against the hypothesis")
BARS = View("probes-neurons", ProbesPane._draw_bars,
            "the words tried will be ranked here by activation")
VIEWS = {"numeric": PLOT, "strings": TABLE, "neurons": BARS}


def view_of(domain: str) -> View:
    return VIEWS.get(domain, TABLE)


def truth_curve(spec: dict) -> list[list[float]] | None:
    """What the lab draws faintly behind the probes of this function, if its view draws any."""
    view = view_of(spec["domain"])
    return view.truth(spec) if view.truth else None


def numeric_title(state: LabState) -> str:
    count = sum(_is_number(p.y) for p in state.answered)
    title = f"{count} probe{'s' * (count != 1)}"
    if undefined := sum(p.error == "undefined" for p in state.probes):
        title += f" ({undefined} undefined)"
    if state.hypothesis is None:
        return title + " · no hypothesis yet"
    note = (state.hypothesis.get("note") or "").strip() or "untitled"
    if not state.hypothesis.get("preview"):
        note += " (no preview)"
    return f"{title} · hypothesis: {_clip(note, 60)}"


def string_row(index: int, probe: Probe, prediction: object) -> tuple[Text, ...]:
    """#, input, output (or the error, dimmed), the hypothesis's prediction and a mark."""
    number = Text(str(index + 1), style=ACTOR_COLOURS.get(probe.actor, ""))
    output = _cell(probe.y) if probe.error is None else Text(_clip(probe.error), style="dim")
    return number, _cell(probe.x), output, _cell(prediction), _mark(probe, prediction)


def neuron_bars(state: LabState) -> Text:
    """A summary line, then bars for the strongest and the weakest words probed."""
    activations = {p.x: float(p.y) for p in state.answered if _is_number(p.y)}
    ranked = sorted(activations.items(), key=lambda item: -item[1])
    above = sum(value > 0.5 for value in activations.values())
    text = Text(f"{len(ranked)} word{'s' * (len(ranked) != 1)} probed, {above} above 0.5\n",
                style="bold")
    strongest = ranked[:TOP]
    weakest = ranked[max(TOP, len(ranked) - BOTTOM):]
    width = min(18, max((len(str(word)) for word, _ in strongest + weakest), default=0))
    predictions = state.predictions
    for heading, rows in (("strongest", strongest), ("weakest", weakest)):
        if rows:
            text.append(f"\n{heading}\n", style="dim italic")
        for word, value in rows:
            text.append(_bar_line(str(word), value, _lookup(predictions, word), width))
    return text


def _bar_line(word: str, value: float, prediction: object, width: int) -> Text:
    line = Text(f"{_clip(word, width):<{width}} ")
    line.append(_bar(value).ljust(BAR_WIDTH), style="green" if value > 0.5 else "blue")
    line.append(f" {value:5.2f}")
    if prediction is not None:
        shown = f"{prediction:.2f}" if _is_number(prediction) else _clip(repr(prediction), 12)
        line.append(f"  hyp {shown}", style="dim")
    return line.append("\n")


def _bar(value: float) -> str:
    """A horizontal bar of block characters, in eighths of a cell, for a value in [0, 1]."""
    eighths = round(max(0.0, min(1.0, value)) * BAR_WIDTH * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + BLOCKS[part]


def _placeholder(domain: str) -> Text:
    hint = view_of(domain).hint if domain else WAITING
    return Text.assemble(("No probes yet", "bold"), (f" — {hint}.", "dim"))


def _cell(value: object) -> Text:
    """A value as the actor wrote it: quoted, so empty strings and spaces show."""
    return Text("") if value is None else Text(_clip(repr(value)))


def _mark(probe: Probe, prediction: object) -> Text:
    if prediction is None or probe.error is not None:
        return Text("")
    return Text("✓", style="green") if prediction == probe.y else Text("✗", style="bold red")


def _lookup(predictions: dict, x: object) -> object:
    """The prediction for one probed input (strings and words are their own keys); an input
    the lab rejected may not even be hashable."""
    try:
        return predictions.get(x)
    except TypeError:
        return None


def _clip(text: str, limit: int = CELL_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _columns(points) -> tuple[list, list]:
    return [x for x, _ in points], [y for _, y in points]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
