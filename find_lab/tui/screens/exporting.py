"""Which format a session is exported in: Markdown, HTML or CSV (find_lab.export)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from find_lab.export import FORMATS, NAMES

WHAT = {"md": "a readable report: who did what, transcript, probes, answer, score",
        "html": "the same report as one self-contained page",
        "csv": "one row per probe point, with each hypothesis's prediction"}


class ExportDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, folder: str):
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(f"Export this session, as far as it has gone, into {self.folder}:")
            yield OptionList(*(Text.assemble((f"{NAMES[fmt]:10}", "bold"), WHAT[fmt])
                               for fmt in FORMATS), id="formats")

    @on(OptionList.OptionSelected, "#formats")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(FORMATS[event.option_index])
