"""Which Claude model the lab runs: the priced models, the current one marked, the key named."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from find_lab.pricing import PRICES, RETIRED


class ModelDialog(ModalScreen[str | None]):
    """Every model with a known price (so each session's cost can be shown), with its rates."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, current: str, key_source: str):
        super().__init__()
        self.current, self.key_source = current, key_source
        self.models = [m for m in PRICES if m not in RETIRED]
        if current not in self.models:
            self.models.insert(0, current)  # a model named with --model, priced or not

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="model-dialog"):
            yield Label(f"Claude model for new sessions ({self.key_source}):")
            yield OptionList(*(self._option(model) for model in self.models), id="models")

    def on_mount(self) -> None:
        self.call_after_refresh(self._highlight_current)

    def _highlight_current(self) -> None:
        self.query_one("#models", OptionList).highlighted = self.models.index(self.current)

    def _option(self, model: str) -> Text:
        rates = PRICES.get(model)
        cost = f"${rates.input:g} in / ${rates.output:g} out per Mtok" if rates else "price unknown"
        mark = "● " if model == self.current else "  "
        return Text.assemble((mark, "bold green"), (f"{model:22}", "bold"), (cost, "dim"))

    @on(OptionList.OptionSelected, "#models")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.models[event.option_index])
