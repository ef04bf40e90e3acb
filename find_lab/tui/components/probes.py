"""The probes pane: what the actor has tried so far, beside its current hypothesis.

Three views: a scatter plot on a braille canvas (with the true curve faintly behind, zoomable),
a table of inputs, outputs and predictions, a ranked bar chart. `VIEWS` says which view draws
each domain, the one place the TUI names domains; a domain not in it gets the table, which
reads any input and output. A domain drawn as a chart can show its table too (`t`). `show` is
called after every event, so each view reuses its widget and does the least work it can.

The table and the residuals need the hypothesis's prediction for every probe, but a hypothesis
event only carries predictions for what was probed before it; the rest are worked out by
running its code in the sandbox, off the UI thread, once per hypothesis and input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Static

from find_lab import probe_rows
from find_lab.english import count
from find_lab.domains.numeric import specs as numeric
from find_lab.labstate import LabState
from find_lab.tui.components.plot import X_RANGE, ProbePlot, ResidualsToggled, plot_data
from find_lab.tui.components.probe_table import ProbeTable, caption

TOP, BOTTOM = 12, 6      # neurons: strongest and weakest words shown
BAR_WIDTH = 20
BLOCKS = " ▏▎▍▌▋▊▉"        # 0 to 7 eighths of a cell
WAITING = "waiting for the session to start"
TABULAR = "probes-tabular"
HINTS = {"probes-plot": "] [ zoom · , . pan · b last batch · 0 all · r residuals · t table",
         TABULAR: "o sort · c/C copy · e export CSV",
         "probes-neurons": "t table"}


class ProbesPane(ContentSwitcher):
    """The probes of a session, drawn the way its domain reads best."""

    ALLOW_MAXIMIZE = True          # whichever of its views has focus, the pane is maximised
    BINDINGS = [Binding("t", "toggle_table", "Table/chart")]
    DEFAULT_CSS = """
    ProbesPane {
        height: 1fr;
    }
    ProbesPane > * {
        height: 1fr;
    }
    ProbesPane #probes-caption {
        height: auto;
        max-height: 2;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes, initial="probes-empty")
        self._empty = Static(_placeholder(""), id="probes-empty")
        self._plot = ProbePlot(id="probes-plot")
        self._caption = Static(id="probes-caption")
        self._table = ProbeTable(id="probes-table")
        self._bars = Static(id="probes-bars")
        self.as_table = False                      # a chart's domain shown as its table
        self._state: LabState | None = None
        self._truth: list | None = None
        self._drawn: tuple | None = None           # what the plot or table was drawn from
        self._worked_out: dict[tuple, dict] = {}   # (domain, code) -> predictions by input
        self._tried: dict[tuple, set] = {}         # (domain, code) -> inputs sent to the sandbox
        self._evaluating: dict[tuple, int] = {}    # (domain, code) -> evaluations under way

    def compose(self) -> ComposeResult:
        yield self._empty
        yield self._plot
        with Vertical(id=TABULAR):
            yield self._caption
            yield self._table
        with VerticalScroll(id="probes-neurons"):
            yield self._bars

    def show(self, state: LabState, truth: list[list[float]] | None = None) -> None:
        """Redraw from `state`; `truth` ([[x, y], ...], from `truth_curve`) is drawn faintly."""
        self._state, self._truth = state, truth
        if not state.probes:
            self._empty.update(_placeholder(state.domain))
            self._set_current("probes-empty")
            return
        view = view_of(state.domain)
        if view.draw is None or self.as_table:
            self._draw_table(state)
            self._set_current(TABULAR)
        else:
            view.draw(self, state, truth)
            self._set_current(view.widget)

    def _set_current(self, widget: str) -> None:
        """Show `widget`, keeping the focus in the pane if it was there; the border says which
        keys the view takes."""
        if self.current != widget:
            had_focus = self.has_focus_within
            self.current = widget
            if had_focus:
                {"probes-plot": self._plot, TABULAR: self._table}.get(
                    widget, self.query_one(f"#{widget}")).focus()
        chart = view_of(self._state.domain) if self._state else TABLE
        back = f" · t {'plot' if chart is PLOT else 'bars'}" if widget == TABULAR and chart.draw else ""
        self.border_subtitle = HINTS.get(widget, "") + back

    # --- keys ----------------------------------------------------------------------------------
    def action_toggle_table(self) -> None:
        """A chart's domain: its table, or back to the chart."""
        if self._state is not None and view_of(self._state.domain).draw is not None:
            self.as_table = not self.as_table
            self._drawn = None
            self.show(self._state, self._truth)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_table":
            return bool(self._state and self._state.probes and
                        view_of(self._state.domain).draw is not None)
        return True

    # --- the hypothesis's predictions where its event has none ---------------------------------
    def _predictions(self, state: LabState) -> tuple[dict, bool]:
        """The hypothesis's predictions worked out so far (beyond its preview), and whether
        more are being worked out; starts working out those still missing."""
        hypothesis = state.hypothesis
        if not hypothesis:
            return {}, False
        key = (state.domain, hypothesis.get("code") or "")
        extra = self._worked_out.get(key, {})
        tried = self._tried.setdefault(key, set())
        todo = [x for x in probe_rows.missing(state, hypothesis, extra)
                if probe_rows.key(x) not in tried]
        if todo:
            tried.update(probe_rows.key(x) for x in todo)
            self._evaluating[key] = self._evaluating.get(key, 0) + 1
            self._evaluate(key, hypothesis, state.domain, todo)
        return extra, bool(self._evaluating.get(key))

    @work(thread=True, group="probe-predictions")
    def _evaluate(self, key: tuple, hypothesis: dict, domain: str, inputs: list) -> None:
        try:
            result = probe_rows.evaluate(hypothesis, domain, inputs)
        except Exception:  # the sandbox says why in its own outcome; nothing here may crash
            result = {}
        try:
            self.app.call_from_thread(self._evaluated, key, result)
        except RuntimeError:  # the app closed meanwhile
            pass

    def _evaluated(self, key: tuple, result: dict) -> None:
        self._worked_out.setdefault(key, {}).update(result)
        self._evaluating[key] = max(0, self._evaluating.get(key, 1) - 1)
        if self._state is not None and self.is_attached:
            self._drawn = None
            self.show(self._state, self._truth)

    def on_residuals_toggled(self, message: ResidualsToggled) -> None:
        message.stop()
        if self._state is not None:
            self._drawn = None
            self.show(self._state, self._truth)

    # --- the plot ------------------------------------------------------------------------------
    def _draw_plot(self, state: LabState, truth: list[list[float]] | None) -> None:
        """Skipped when nothing drawn would change: most events (messages, steering) change
        nothing here. The residuals need every prediction; the plain plot only the preview."""
        extra, pending = self._predictions(state) if self._plot.residuals else ({}, False)
        hypothesis = state.hypothesis or {}
        drawing = ("plot", *_probes_key(state), hypothesis.get("seq"), state.claimed_interval,
                   id(truth) if truth else None, len(extra), pending)
        if drawing == self._drawn:
            return
        self._drawn = drawing
        predicted = probe_rows.predictions(hypothesis, extra) if hypothesis else {}
        self._plot.draw(plot_data(state, truth, predicted))

    # --- the table -----------------------------------------------------------------------------
    def _draw_table(self, state: LabState) -> None:
        """Skipped, as the plot is, when nothing the table shows has changed."""
        extra, pending = self._predictions(state)
        hypothesis = state.hypothesis
        drawing = ("table", *_probes_key(state), (hypothesis or {}).get("seq"), len(extra),
                   pending)
        if drawing == self._drawn:
            return
        self._drawn = drawing
        table = probe_rows.table(state, extra={hypothesis.get("seq"): extra} if hypothesis else None)
        self._caption.update(caption(table, pending))
        self._table.show(table, pending, state.session_id or state.function_id.replace("/", "-"))

    # --- the bars ------------------------------------------------------------------------------
    def _draw_bars(self, state: LabState, truth: list[list[float]] | None) -> None:
        self._bars.update(neuron_bars(state, (self.content_region.width or 2 * BAR_WIDTH) - 2))

    def on_resize(self) -> None:
        if self._state is not None and self.current == "probes-neurons":
            self._draw_bars(self._state, self._truth)


@dataclass(frozen=True)
class View:
    """One way to draw probes: the pane's child that shows them and the method that draws
    them there (None: the table is the view), what the empty pane promises, and the true curve
    drawn behind, if it has one."""

    widget: str
    draw: Callable[[ProbesPane, LabState, list | None], None] | None
    hint: str
    truth: Callable[[dict], list[list[float]]] | None = None


def numeric_truth(spec: dict) -> list[list[float]]:
    """The noise-free function at every integer of [-128, 128], where it is defined."""
    xs = [X_RANGE[0] + i for i in range(257)]
    return [[x, float(y)] for x, y in zip(xs, numeric.truth(spec, xs))
            if y == y and abs(y) != float("inf")]


PLOT = View("probes-plot", ProbesPane._draw_plot,
            "each input tried will be plotted here, with the current hypothesis", numeric_truth)
TABLE = View(TABULAR, None,
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


def neuron_bars(state: LabState, width: int = 2 * BAR_WIDTH + 20) -> Text:
    """A summary line, then bars for the strongest and the weakest words probed, each on one
    line of `width`: the bars shrink to leave room for the word, its value and the
    hypothesis's."""
    activations = {p.x: float(p.y) for p in state.answered if _is_number(p.y)}
    ranked = sorted(activations.items(), key=lambda item: -item[1])
    above = sum(value > 0.5 for value in activations.values())
    text = Text(f"{count(len(ranked), 'word')} probed, {above} above 0.5\n", style="bold")
    strongest = ranked[:TOP]
    weakest = ranked[max(TOP, len(ranked) - BOTTOM):]
    words = min(18, max((len(str(word)) for word, _ in strongest + weakest), default=0))
    predictions = state.predictions
    bar = max(4, min(BAR_WIDTH, width - words - 7 - (10 if predictions else 0)))
    for heading, rows in (("strongest", strongest), ("weakest", weakest)):
        if rows:
            text.append(f"\n{heading}\n", style="dim italic")
        for word, value in rows:
            text.append(_bar_line(str(word), value, _lookup(predictions, word), words, bar))
    return text


def _bar_line(word: str, value: float, prediction: object, width: int, bar: int) -> Text:
    line = Text(f"{_clip(word, width):<{width}} ")
    line.append(_bar(value, bar).ljust(bar), style="green" if value > 0.5 else "blue")
    line.append(f" {value:5.2f}")
    if prediction is not None:
        shown = f"{prediction:.2f}" if _is_number(prediction) else _clip(repr(prediction), 12)
        line.append(f"  hyp {shown}", style="dim")
    return line.append("\n")


def _bar(value: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of block characters, in eighths of a cell, for a value in [0, 1]."""
    eighths = round(max(0.0, min(1.0, value)) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + BLOCKS[part]


def _probes_key(state: LabState) -> tuple:
    """Which probes a state holds, cheaply: the same session, count and ends are the same
    probes (a session only appends them)."""
    return (state.session_id, state.function_id, len(state.probes), state.probes[0],
            state.probes[-1])


def _placeholder(domain: str) -> Text:
    hint = view_of(domain).hint if domain else WAITING
    return Text.assemble(("No probes yet", "bold"), (f" — {hint}.", "dim"))


def _lookup(predictions: dict, x: object) -> object:
    """The prediction for one probed input (strings and words are their own keys); an input
    the lab rejected may not even be hashable."""
    try:
        return predictions.get(x)
    except TypeError:
        return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
