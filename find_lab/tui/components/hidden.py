"""The hidden function pane: its Python source and ground-truth description, maskable.

A person playing must not see the answer until they submit, so the pane can be masked;
a watcher sees it from the start.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.reactive import reactive
from textual.widgets import Static

PLACEHOLDER = "Hidden until you submit (revealing it sooner is recorded)"


class HiddenFunctionPane(ScrollableContainer):
    """Function id and description wrapped to the pane; the source never wrapped (a line
    broken mid-token misreads as two), scrolled sideways instead when the pane is narrow."""

    DEFAULT_CSS = """
    HiddenFunctionPane > #about { width: 100%; }
    HiddenFunctionPane > #source { width: auto; }
    """

    masked: reactive[bool] = reactive(False)

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.function_id = self.source = self.description = ""
        self._about = Static(id="about")  # drawn by watch_masked, which runs on mount
        self._source = Static(id="source")

    def compose(self) -> ComposeResult:
        yield self._about
        yield self._source

    def show_function(self, function_id: str, source: str, description: str) -> None:
        self.function_id, self.source, self.description = function_id, source, description
        self._redraw()

    def toggle_mask(self) -> None:
        self.masked = not self.masked

    def watch_masked(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        about, source = self._content()
        self._about.update(about)
        self._source.update(source)
        self._source.display = bool(source)

    def _content(self) -> tuple[RenderableType, RenderableType | str]:
        if self.masked:
            return Text(PLACEHOLDER, style="italic"), ""
        if not self.function_id:
            return Text("no function yet", style="dim"), ""
        about = Group(Text(self.function_id, style="bold"), Text(self.description), Text())
        return about, Syntax(self.source.rstrip(), "python", theme="monokai",
                             background_color="default", line_numbers=True)
