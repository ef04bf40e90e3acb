"""The status line under the lab: who acts, budget used and left, elapsed time, state, score."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from find_lab.labstate import LabState

STATES = {
    "waiting": ("starting", "dim"),
    "running": ("running", "green"),
    "paused": ("paused", "yellow"),
    "driving": ("you are driving", "bold magenta"),
    "submitted": ("submitted", "bold cyan"),
    "abandoned": ("abandoned", "red"),
    "budget_exhausted": ("out of budget", "red"),
    "crashed": ("crashed", "bold red"),
    "interrupted": ("interrupted", "red"),
}


class StatusLine(Static):
    """One line, redrawn from the lab state; `elapsed` is the clock while a session runs, and
    `final` the status a replayed session ended with, so a replay mid-way does not read as a
    session running now."""

    _lines = 0
    _shown: tuple[Text, int] | None = None

    def show(self, state: LabState, elapsed: float | None = None, final: str | None = None) -> None:
        """Redrawn only when its text or the width changes: it is asked every second, and a
        lab served to many browsers pays for each redraw of the same line."""
        text = status_text(state, state.t if elapsed is None else elapsed, final)
        if (text, self.size.width) == self._shown:
            return
        self._shown = (text, self.size.width)
        lines = 1 if text.cell_len <= self.size.width else 2
        # a layout pass repaints the whole screen: only when the line wraps or unwraps
        self.update(text, layout=lines != self._lines)
        self._lines = lines


def status_text(state: LabState, elapsed: float, final: str | None = None) -> Text:
    label, style = STATES.get(state.status, (state.status, ""))
    if state.status == "running" and state.driver == "human":
        label, style = ("a person drives", "bold magenta") if final else STATES["driving"]
    if final and not state.ended:
        label = f"{label} at this event · it ended {STATES.get(final, (final,))[0]}"
        style = "dim"
    who = state.actor_name or state.actor_kind or "-"
    if state.model:
        who += f" ({state.model})"
    parts: list[tuple[str, str]] = [
        (f" {who} ", "bold"), (f"on {state.function_id or '-'}  ", ""),
        (f"calls {state.calls_used}/{state.budget_calls} ", ""),
        (f"points {state.points_used}/{state.budget_points}  ", ""),
        (f"{_clock(elapsed)}  ", "dim"), (f"● {label}", style)]
    if state.score:
        verdict = "success" if state.score.get("success") else "fail"
        parts.append((f"  {state.score['metric']} {state.score['value']:.4g} {verdict}",
                      "bold green" if state.score.get("success") else "bold red"))
    if state.usage.get("cost_usd"):
        parts.append((f"  ${state.usage['cost_usd']:.3f}", "dim"))
    return Text.assemble(*parts)


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes:d}:{seconds:02d}"
