"""The numeric probes plot: probes, the true curve, the hypothesis and the claimed interval,
drawn on a braille canvas with its own axes and a legend that names every series.

`plot_data` turns a lab state into arrays once per change; `ProbePlot` draws them at its size
for its view (an x window, zoomed and panned by key and mouse; the y axis fits what is in the
window) and keeps the lines it drew until the data, the view or the size change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from find_lab import probe_rows
from find_lab.english import count
from find_lab.labstate import LabState
from find_lab.printable import printable
from find_lab.tui.components.braille import Canvas

X_RANGE = (-128.0, 128.0)
MIN_WIDTH = 1e-3          # the narrowest x window
WHEEL_ZOOM, WHEEL_PAN = 0.8, 0.1   # a wheel notch; a key halves or doubles, or pans a quarter
TRUTH, AGENT, HUMAN, HYPOTHESIS, RED, AXIS = range(6)
STYLES = {TRUTH: Style(color="grey50"), AGENT: Style(color="cyan"), HUMAN: Style(color="magenta"),
          HYPOTHESIS: Style(color="dark_orange"), RED: Style(color="red"), AXIS: Style(dim=True)}
ACTOR_SERIES = {"agent": AGENT, "human": HUMAN}
ACTOR_NAMES = {"agent": "agent's probes", "human": "a person's probes"}
_CONSOLE = Console(width=1000, color_system="truecolor", force_terminal=True)  # Text to segments


@dataclass(frozen=True, eq=False)
class PlotData:
    """What the plot shows, as arrays: probes by actor, undefined inputs, the true curve, the
    hypothesis's curve, residuals (output minus the hypothesis, where it predicts), the claimed
    interval and the last batch's inputs."""

    probes: dict = field(default_factory=dict)          # actor -> (xs, ys)
    undefined: np.ndarray = field(default_factory=lambda: np.empty(0))
    truth: tuple | None = None                          # (xs, ys), gaps where undefined
    hypothesis: tuple | None = None                     # (xs, ys)
    note: str = ""                                      # the hypothesis's note
    has_hypothesis: bool = False
    residuals: tuple = (np.empty(0), np.empty(0))       # (xs, output - prediction)
    unpredicted: int = 0                                # answered probes it has no prediction for
    interval: tuple | None = None
    last_batch: np.ndarray = field(default_factory=lambda: np.empty(0))
    count: int = 0                                      # answered probes


def plot_data(state: LabState, truth: list | None, predicted: dict | None = None) -> PlotData:
    """The arrays of `state`'s plot; `predicted` is the hypothesis's predictions by input
    (its preview and any worked out since) for the residuals."""
    by_actor: dict = {}
    for probe in state.answered:
        if _is_number(probe.x) and _is_number(probe.y):
            xs, ys = by_actor.setdefault(probe.actor, ([], []))
            xs.append(float(probe.x))
            ys.append(float(probe.y))
    probes = {actor: (np.array(xs), np.array(ys)) for actor, (xs, ys) in by_actor.items()}
    undefined = np.array([float(p.x) for p in state.probes
                          if p.error == "undefined" and _is_number(p.x)])
    hypothesis = state.hypothesis
    curve = None
    if hypothesis and hypothesis.get("preview"):
        pairs = sorted((float(x), float(y)) for x, y in hypothesis["preview"]
                       if _is_number(x) and _is_number(y))
        if pairs:
            curve = tuple(np.array(column) for column in zip(*pairs))
    residual_x, residual_y, unpredicted = [], [], 0
    if hypothesis is not None:
        predicted = predicted if predicted is not None else state.predictions
        for probe in state.answered:
            if not (_is_number(probe.x) and _is_number(probe.y)):
                continue
            guess = predicted.get(probe_rows.key(probe.x))
            if _is_number(guess):
                residual_x.append(float(probe.x))
                residual_y.append(float(probe.y) - float(guess))
            else:
                unpredicted += 1
    last_seq = max((p.seq for p in state.probes), default=None)
    last_batch = np.array([float(p.x) for p in state.probes
                           if p.seq == last_seq and _is_number(p.x)])
    return PlotData(probes, undefined, _truth_arrays(truth), curve,
                    printable((hypothesis or {}).get("note", "")).strip(), hypothesis is not None,
                    (np.array(residual_x), np.array(residual_y)), unpredicted,
                    state.claimed_interval, last_batch,
                    sum(len(xs) for xs, _ in probes.values()))


def _truth_arrays(truth: list | None) -> tuple | None:
    if not truth:
        return None
    xs, ys = (np.array(column, dtype=float) for column in zip(*truth))
    return xs, ys


# --- the view: which x window is shown ---------------------------------------------------------
def zoom(window: tuple[float, float] | None, factor: float, around: float | None = None):
    """The window scaled by `factor` about `around` (its centre by default), kept inside the
    probe range; None when it covers the whole range."""
    lo, hi = window or X_RANGE
    around = (lo + hi) / 2 if around is None else around
    width = min(X_RANGE[1] - X_RANGE[0], max(MIN_WIDTH, (hi - lo) * factor))
    share = (around - lo) / (hi - lo) if hi > lo else 0.5
    return _inside(around - share * width, width)


def pan(window: tuple[float, float] | None, fraction: float):
    """The window moved by `fraction` of its width, kept inside the probe range."""
    if window is None:
        return None
    lo, hi = window
    return _inside(lo + fraction * (hi - lo), hi - lo)


def batch_window(xs: np.ndarray):
    """A window around the inputs of one batch, with a margin."""
    if not len(xs):
        return None
    lo, hi = float(xs.min()), float(xs.max())
    margin = max(0.05 * (hi - lo), 0.5 if hi == lo else MIN_WIDTH)
    return _inside(lo - margin, hi - lo + 2 * margin)


def _inside(lo: float, width: float):
    if width >= X_RANGE[1] - X_RANGE[0]:
        return None
    lo = min(max(lo, X_RANGE[0]), X_RANGE[1] - width)
    return (lo, lo + width)


Y_LIMIT = 1e150  # |y| drawn at most: spans of such values stay finite (1.7e308 - -1.7e308 is not)


def y_range(data: PlotData, lo: float, hi: float, residuals: bool) -> tuple[float, float]:
    """What the y axis spans: the probes in the window, and the curves there, each kept within
    one span of the probes so a wild curve does not flatten them."""
    def within(xs, ys):
        mask = (xs >= lo) & (xs <= hi)
        return ys[mask]

    if residuals:
        values = [within(*data.residuals), np.zeros(1)]
    else:
        base = [within(xs, ys) for xs, ys in data.probes.values()]
        base = np.clip(np.concatenate(base), -Y_LIMIT, Y_LIMIT) if base else np.empty(0)
        curves = [within(*curve) for curve in (data.truth, data.hypothesis) if curve is not None]
        if base.size:
            span = max(float(np.ptp(base)), 0.1 * float(np.abs(base).max()), 1e-9)
            curves = [np.clip(c, base.min() - span, base.max() + span) for c in curves]
        values = [base, *curves]
    values = np.concatenate([np.clip(v[np.isfinite(v)], -Y_LIMIT, Y_LIMIT) for v in values]) \
        if values else np.empty(0)
    if not values.size:
        return -1.0, 1.0
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-12 * max(1.0, abs(high)):
        pad = max(abs(high) * 0.1, 1.0)
        return low - pad, high + pad
    pad = 0.05 * (high - low)
    return low - pad, high + pad


# --- the widget ------------------------------------------------------------------------------
class ProbePlot(Widget, can_focus=True):
    """Probes over the hypothesis, zoomable in x; the y axis fits the window."""

    BINDINGS = [
        Binding("right_square_bracket", "zoom(0.5)", "Zoom in"),
        Binding("left_square_bracket", "zoom(2)", "Zoom out"),
        Binding("comma,shift+left", "pan(-0.25)", "Pan left", show=False),
        Binding("full_stop,shift+right", "pan(0.25)", "Pan right", show=False),
        Binding("b", "last_batch", "Last batch"),
        Binding("0", "reset_view", "Whole range"),
        Binding("r", "residuals", "Residuals"),
    ]
    DEFAULT_CSS = """
    ProbePlot {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.data = PlotData()
        self.window: tuple[float, float] | None = None   # None: the whole probe range
        self.residuals = False
        self._lines: list[Strip] = []
        self._drawn: tuple | None = None                  # what `_lines` were drawn from
        self._drag: tuple[int, tuple[float, float]] | None = None
        self._box: tuple[int, int, int, int] | None = None  # the canvas: left, width, top, height

    # --- what is shown -----------------------------------------------------------------------
    def draw(self, data: PlotData) -> None:
        self.data = data
        self.refresh()

    def set_view(self, window=..., residuals: bool | None = None) -> None:
        if window is not ...:
            self.window = window
        if residuals is not None:
            self.residuals = residuals
        self.refresh()

    @property
    def x_range(self) -> tuple[float, float]:
        return self.window or X_RANGE

    def text(self) -> str:
        """The plot as plain text, line by line (what a test or a screen reader sees)."""
        self._build()
        return "\n".join(line.text for line in self._lines)

    # --- keys ----------------------------------------------------------------------------------
    def action_zoom(self, factor: float) -> None:
        self.set_view(zoom(self.window, factor))

    def action_pan(self, fraction: float) -> None:
        self.set_view(pan(self.window, fraction))

    def action_last_batch(self) -> None:
        self.set_view(batch_window(self.data.last_batch))

    def action_reset_view(self) -> None:
        self.set_view(None)

    def action_residuals(self) -> None:
        self.set_view(residuals=not self.residuals)
        self.post_message(ResidualsToggled(self.residuals))

    # --- mouse: the wheel zooms about the pointer, shift+wheel or a drag pans ------------------
    def _x_at(self, column: int) -> float | None:
        layout = self._layout()
        if layout is None:
            return None
        left, width = layout[0], layout[1]
        lo, hi = self.x_range
        share = (column - left + 0.5) / max(1, width)
        return lo + min(1.0, max(0.0, share)) * (hi - lo)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        if event.shift:
            self.action_pan(-WHEEL_PAN)
        else:
            self.set_view(zoom(self.window, WHEEL_ZOOM, self._x_at(event.x)))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        if event.shift:
            self.action_pan(WHEEL_PAN)
        else:
            self.set_view(zoom(self.window, 1 / WHEEL_ZOOM, self._x_at(event.x)))

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.action_pan(-WHEEL_PAN)

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.action_pan(WHEEL_PAN)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.window is not None:
            self._drag = (event.x, self.window)
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is None or not event.button:
            return
        start, (lo, hi) = self._drag
        layout = self._layout()
        if layout:
            shift = (start - event.x) / max(1, layout[1]) * (hi - lo)
            self.set_view(_inside(lo + shift, hi - lo))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is not None:
            self._drag = None
            self.release_mouse()

    # --- drawing -------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._build()
        return self._lines[y] if y < len(self._lines) else Strip.blank(self.size.width)

    def _layout(self) -> tuple[int, int, int, int] | None:
        """(left, width, top, height) of the canvas in cells, as last drawn."""
        self._build()
        return self._box

    def _build(self) -> None:
        width, height = self.size
        drawn = (id(self.data), self.window, self.residuals, width, height)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._lines, self._box = draw_lines(self.data, width, height, self.x_range, self.residuals)


class ResidualsToggled(Message):
    """The plot switched between the probes and their residuals (the pane works out the
    predictions residuals need)."""

    def __init__(self, residuals: bool):
        super().__init__()
        self.residuals = residuals


def draw_lines(data: PlotData, width: int, height: int, window: tuple[float, float],
               residuals: bool) -> tuple[list[Strip], tuple[int, int, int, int] | None]:
    """Every line of the plot (a title, the legend, the canvas with its y axis, the x axis),
    and where the canvas is: left, width, top, height, in cells."""
    if width <= 0 or height <= 0:
        return [], None
    lo, hi = window
    title = _title(data, window, residuals)
    legend = legend_lines(legend_items(data, residuals), width)
    ylo, yhi = y_range(data, lo, hi, residuals)
    head = [title] if height - len(legend) >= 6 else []
    rows = max(1, height - len(head) - len(legend) - 2)
    step, values = nice_ticks(ylo, yhi, max(3, min(5, rows // 3)))
    tick_rows = {}
    for value in values:
        row = round((yhi - value) / (yhi - ylo) * (rows * 4 - 1) / 4)
        if 0 <= row < rows and all(abs(row - other) > 1 for other in tick_rows):
            tick_rows[row] = _tick(value, step)
    left = max((len(label) for label in tick_rows.values()), default=1) + 1
    columns = max(1, width - left)
    canvas = Canvas(columns, rows)
    dots_w, dots_h = canvas.dots

    def to_dots(xs, ys):
        # a million spans off the axis is off it to any eye, and keeps every step finite
        ys = np.clip(ys, ylo - 1e6 * (yhi - ylo), yhi + 1e6 * (yhi - ylo))
        return ((xs - lo) / (hi - lo) * (dots_w - 1), (ys - ylo) / (yhi - ylo) * (dots_h - 1))

    if not residuals:
        if data.truth is not None:
            xs, ys = data.truth
            gaps = np.diff(xs) > 1.5
            canvas.line(*to_dots(xs, ys), TRUTH, breaks=gaps)
    for bound in data.interval or ():
        if lo <= bound <= hi:
            canvas.column(to_dots(np.array([bound]), np.zeros(1))[0][0], RED)
    if residuals:
        zero = to_dots(np.array([lo, hi]), np.zeros(2))
        canvas.line(*zero, HYPOTHESIS)
        xs, ys = data.residuals
        canvas.points(*to_dots(xs, ys), AGENT)
    else:
        if data.hypothesis is not None:
            canvas.line(*to_dots(*data.hypothesis), HYPOTHESIS)
        for actor, (xs, ys) in data.probes.items():   # the probes on top: they are the data
            canvas.points(*to_dots(xs, ys), ACTOR_SERIES.get(actor, AGENT))
        for x in data.undefined:
            if lo <= x <= hi:
                canvas.glyph(to_dots(np.array([x]), np.zeros(1))[0][0], rows - 1, "×", RED)
    lines = [_strip(text, width) for text in head + legend]
    axis = STYLES[AXIS]
    for row, runs in enumerate(canvas.rows()):
        label = tick_rows.get(row)
        segments = [Segment((label or "").rjust(left - 1), axis),
                    Segment("┤" if label is not None else "│", axis)]
        segments += [Segment(text, STYLES.get(colour)) if colour >= 0 else Segment(text)
                     for text, colour in runs]
        lines.append(Strip(segments).adjust_cell_length(width))
    lines += _x_axis(lo, hi, left, columns, width)
    return lines[:height], (left, columns, len(head) + len(legend), rows)


def legend_items(data: PlotData, residuals: bool) -> list[tuple[str, str, int]]:
    """(mark, name, colour) of every series on the plot now."""
    items = []
    if residuals:
        items.append(("•", "output − hypothesis", AGENT))
        items.append(("─", "hypothesis (zero)", HYPOTHESIS))
        if data.unpredicted:
            items.append(("…", f"{count(data.unpredicted, 'probe')} not yet predicted", AXIS))
        return items
    for actor in data.probes:
        items.append(("•", ACTOR_NAMES.get(actor, f"{actor}'s probes"), ACTOR_SERIES.get(actor, AGENT)))
    if len(data.undefined):
        items.append(("×", "undefined", RED))
    if data.truth is not None:
        items.append(("─", "truth", TRUTH))
    if data.has_hypothesis:
        name = data.note or "untitled"
        if data.hypothesis is None:
            name += " (no preview)"
        items.append(("─", f"hypothesis: {name}", HYPOTHESIS))
    if data.interval:
        items.append(("│", "claimed interval", RED))
    return items


def legend_lines(items: list[tuple[str, str, int]], width: int) -> list[Text]:
    """The legend packed into lines of `width`; an item too long for a line is cut short with
    an ellipsis, never dropped."""
    lines: list[Text] = []
    line = Text()
    for mark, name, colour in items:
        item = Text.assemble((mark, STYLES[colour]), " ", name)
        if line.cell_len and line.cell_len + 2 + item.cell_len > width:
            lines.append(line)
            line = Text()
        if line.cell_len:
            line.append("  ")
        if item.cell_len > width - line.cell_len:
            item.truncate(max(1, width - line.cell_len), overflow="ellipsis")
        line.append_text(item)
    if line.cell_len or not lines:
        lines.append(line)
    return lines


def _title(data: PlotData, window: tuple[float, float], residuals: bool) -> Text:
    text = count(data.count, "probe")
    if len(data.undefined):
        text += f" ({len(data.undefined)} undefined)"
    lo, hi = window
    text += f" · x {_value(lo, hi - lo)} to {_value(hi, hi - lo)}"
    if residuals:
        text += " · residuals"
    return Text(text, style="bold")


def _x_axis(lo: float, hi: float, left: int, columns: int, width: int) -> list[Strip]:
    """The axis line with a tick over each label, and the labels, at round values."""
    step, values = nice_ticks(lo, hi, 5 if columns >= 50 else 3 if columns >= 20 else 2)
    rule = ["─"] * columns
    labels = [" "] * (left + columns)
    for value in values:
        position = round((value - lo) / (hi - lo) * (columns - 1))
        label = _tick(value, step)
        start = max(0, min(left + position - len(label) // 2, left + columns - len(label)))
        if 0 <= position < columns and \
                all(c == " " for c in labels[max(0, start - 1):start + len(label) + 1]):
            rule[position] = "┬"
            labels[start:start + len(label)] = label
    axis = STYLES[AXIS]
    return [Strip([Segment(" " * (left - 1) + "└" + "".join(rule), axis)]).adjust_cell_length(width),
            Strip([Segment("".join(labels), axis)]).adjust_cell_length(width)]


def nice_ticks(lo: float, hi: float, wanted: int) -> tuple[float, list[float]]:
    """Round values in [lo, hi], about `wanted` of them, and the step between them."""
    raw = (hi - lo) / max(1, wanted)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10)),
               key=lambda candidate: abs(math.log(candidate / raw))) if raw > 0 else 1.0
    first = math.ceil(lo / step - 1e-9)
    values = [(first + i) * step for i in range(int((hi - lo) / step + 1e-9) + 2)]
    return step, [v for v in values if lo - 1e-9 * step <= v <= hi + 1e-9 * step]


def _tick(value: float, step: float) -> str:
    """A tick's value with the digits its step needs."""
    if abs(value) < step * 1e-9:
        return "0"
    if abs(value) >= 1e6 or abs(value) < 1e-4:
        return f"{value:.3g}"
    exponent = math.floor(math.log10(step) + 1e-9)
    decimals = max(0, -exponent) + (round(step / 10 ** exponent, 6) == 2.5)
    return f"{value:.{decimals}f}"


def _value(value: float, span: float) -> str:
    """A window's end with enough digits to tell it from the other end."""
    digits = max(3, min(12, math.ceil(math.log10(max(abs(value), abs(span), 1e-300) /
                                                 max(abs(span), 1e-300))) + 3))
    return f"{value:.{digits}g}"


def _strip(text: Text, width: int) -> Strip:
    text = text.copy()
    text.truncate(width, overflow="ellipsis")
    return Strip(list(text.render(_CONSOLE))).adjust_cell_length(width)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
