"""The hidden function pane: its Python source and ground-truth description, maskable.

A person playing must not see the answer until they submit, so the pane can be masked;
a watcher sees it from the start.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

PLACEHOLDER = "Hidden until you submit — press h to reveal"


class HiddenFunctionPane(VerticalScroll):
    """Function id, description and highlighted source, scrollable when long."""

    masked: reactive[bool] = reactive(False)

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.function_id = self.source = self.description = ""
        self._body = Static()  # drawn by watch_masked, which runs on mount

    def compose(self) -> ComposeResult:
        yield self._body

    def show_function(self, function_id: str, source: str, description: str) -> None:
        self.function_id, self.source, self.description = function_id, source, description
        self._redraw()

    def toggle_mask(self) -> None:
        self.masked = not self.masked

    def watch_masked(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        self._body.update(self._content())

    def _content(self) -> RenderableType:
        if self.masked:
            return Text(PLACEHOLDER, style="italic")
        if not self.function_id:
            return Text("no function yet", style="dim")
        return Group(
            Text(self.function_id, style="bold"),
            Text(self.description),
            Text(),
            Syntax(self.source.rstrip(), "python", theme="monokai", background_color="default",
                   line_numbers=True, word_wrap=True),
        )
