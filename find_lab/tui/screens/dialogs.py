"""Modal dialogs of the lab: the player's name, the submission, the actor for a fork, help."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, OptionList, Static, TextArea

from find_lab import actors, domains, trial
from find_lab.experiment import Experiment, SessionOver


class NameDialog(ModalScreen[str | None]):
    """Asked once: the name a human baseline's sessions are recorded under."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Your name, recorded with your sessions (asked once, kept in settings):")
            yield Input(id="name", placeholder="e.g. Ada")

    @on(Input.Submitted, "#name")
    def _done(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())


class ForkDialog(ModalScreen[str | None]):
    """Which actor continues from the replayed point; each offered with its description."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, names: list[str]):
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Fork from here: who carries on with the probes so far?")
            yield OptionList(*(Text.assemble((f"{name:12}", "bold"), actors.get(name).description)
                               for name in self.names), id="actors")

    @on(OptionList.OptionSelected, "#actors")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])


class SubmitDialog(ModalScreen[dict | None]):
    """Description, the odd interval and code; the code can be tried on the probes first."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel"),
                Binding("ctrl+s", "send", "Submit"), Binding("ctrl+r", "try_code", "Test code")]

    def __init__(self, experiment: Experiment):
        super().__init__()
        self.experiment = experiment
        self.domain = experiment.target.domain

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="submit-dialog"):
            yield Label("Description: what does the function do?")
            yield Input(id="description", placeholder="e.g. a parabola opening upwards, vertex near x = 3")
            yield Label("Where it behaves differently (optional): e.g. 20 < x < 35")
            yield Input(id="domain", placeholder="the odd interval, or leave empty")
            yield Label("Code: define f")
            yield TextArea.code_editor(domains.get(self.domain).template, language="python",
                                       id="code")
            yield Static("ctrl+r tests the code on your probes · ctrl+s submits · esc cancels",
                         id="trial")
            with Horizontal(classes="buttons"):
                yield Button("Test on probes", id="test")
                yield Button("Submit", id="send", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#description", Input).focus()

    @on(Button.Pressed, "#test")
    def _test(self) -> None:
        self.action_try_code()

    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#description")
    def _next(self) -> None:
        self.query_one("#domain", Input).focus()

    @on(Input.Submitted, "#domain")
    def _to_code(self) -> None:
        self.query_one("#code", TextArea).focus()

    def action_send(self) -> None:
        description = self.query_one("#description", Input).value.strip()
        if not description:
            self.notify("write a description first", severity="warning")
            self.query_one("#description", Input).focus()
            return
        self.dismiss({"description": description, "domain": self.query_one("#domain", Input).value.strip(),
                      "code": self.query_one("#code", TextArea).text})

    @work(exclusive=True, group="trial")
    async def action_try_code(self) -> None:
        """Recorded as the human's hypothesis, so the plot overlays it and the session keeps it."""
        result = self.query_one("#trial", Static)
        result.update("testing in the sandbox…")
        try:
            preview = await self.experiment.hypothesis(self.query_one("#code", TextArea).text,
                                                       note="tested before submitting", actor="human")
        except SessionOver as exc:
            result.update(str(exc))
            return
        result.update(trial.fit_summary(self.domain, self.experiment.observations(), preview))


HELP = """\
# FIND Lab

An agent (or you) probes a **hidden function** and explains it with a description and code.

## Everywhere
- `ctrl+p` command palette · `f1` this help · `ctrl+q` quit · `esc` back

## Launcher
- type to filter functions by id, domain or complexity; `tab` moves between lists
- `w` watch the chosen agent · `p` play it yourself · `enter` on a session replays it
- `b` scoreboard

## Watching an agent
- `space` pause / resume · `s` steer (type a message it reads at its next step)
- `ctrl+t` take over (you probe) and hand back (it is told what you tried)
- `h` show / hide the hidden function · `a` abandon

## Playing
- probe with numbers `3`, lists `1, 2.5, -7`, ranges `-10:10:0.5`, quoted strings `"Hi there"`
  or words `apple river`
- `ctrl+s` submit: a description, the odd interval and code; test the code on your probes first

## Replay
- `←`/`→` step · `home`/`end` jump · `p` or `space` play/pause · `+`/`-` speed
- `f` fork: a new live session from this point, carrying the probes so far
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(HELP)
