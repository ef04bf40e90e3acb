"""The lab: hidden function, transcript and probes side by side, over one stream of events.

Three sources drive the same screen: a live actor (watch), a person (play), a saved
session (replay). Each feeds events into one `LabState`; the panes draw from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from find_lab import domains, settings
from find_lab.english import count
from find_lab.experiment import BudgetExhausted, Experiment, SessionOver
from find_lab.labstate import LabState
from find_lab.probe_syntax import ProbeSyntaxError
from find_lab.suite import spec_hash
from find_lab.tui.components.hidden import HiddenFunctionPane
from find_lab.tui.components.probe_table import file_name
from find_lab.tui.components.probes import ProbesPane, truth_curve
from find_lab.tui.components.status import StatusLine
from find_lab.tui.delivery import deliver
from find_lab.tui.components.transcript import TranscriptPane
from find_lab.tui.screens.dialogs import ConfirmDialog, Draft, ForkDialog, NameDialog, SubmitDialog

SPEEDS = (2.0, 5.0, 10.0, 30.0)  # replay events per second
NARROW = 110  # columns under which the hidden function goes across the top (lab.tcss)
PROBE_KINDS = frozenset({"session_start", "probe", "hypothesis", "submit", "score"})


@dataclass(frozen=True)
class Launch:
    """What the lab opens on: a live actor on a function, a person playing it, or a replay."""

    mode: str                        # watch | play | replay
    function_id: str = ""
    actor: str = "scientist"
    session_id: str = ""
    carried: list[dict] = field(default_factory=list)   # probes a fork starts from
    forked_from: dict | None = None


class EventRecorded(Message):
    """An event of the live session, delivered on the UI's own message queue."""

    def __init__(self, event: dict):
        super().__init__()
        self.event = event


class TextStreamed(Message):
    """A piece of an agent's reply, shown before the reply is complete."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text


class LabScreen(Screen):
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause/resume"),
        Binding("n", "step_agent", "Step"),
        Binding("ctrl+t", "take_over", "Take over/hand back"),
        Binding("s", "steer", "Steer"),
        Binding("ctrl+s", "submit", "Submit"),
        Binding("h", "toggle_hidden", "Hidden fn"),
        Binding("f2", "reveal", "Reveal answer"),  # a player types h into the probe box
        Binding("m", "maximize", "Maximize pane"),
        Binding("a", "abandon", "Abandon"),
        Binding("left", "step(-1)", "Back", show=False, priority=True),
        Binding("right", "step(1)", "Step", show=False, priority=True),
        Binding("home", "jump(0)", "Start", show=False, priority=True),
        Binding("end", "jump(-1)", "End", show=False, priority=True),
        Binding("p", "play", "Play/pause", show=False),
        Binding("plus,equals_sign", "speed(1)", "Faster", show=False),
        Binding("minus", "speed(-1)", "Slower", show=False),
        Binding("f", "fork", "Fork", show=False),
        Binding("x", "export", "Export"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, launch: Launch):
        super().__init__()
        self.launch = launch
        self.state = LabState()
        self.events: list[dict] = []
        self.experiment: Experiment | None = None
        self.truth: list[list[float]] | None = None
        self.input_mode = ""            # "" | probe | steer
        self.cursor = -1                # replay: index of the last event shown
        self.speed = 0
        self.playing = None
        self.final_status = ""          # replay: how the whole session ended
        self.draft = Draft()            # the submission being written, kept when its dialog closes

    # --- layout -----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield HiddenFunctionPane(id="hidden")
            yield TranscriptPane(id="transcript")
            yield ProbesPane(id="probes")
        with Horizontal(id="command-bar"):
            yield Label("probe ›", id="prompt")
            yield Input(id="command", placeholder=self._placeholder())
        yield Static(id="mode-bar")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#hidden", HiddenFunctionPane).border_title = "Hidden function"
        self.query_one("#transcript").border_title = "Transcript"
        self.query_one("#probes").border_title = "Probes"
        mode = self.launch.mode
        self._show_input("probe" if mode == "play" else "")
        if self.app.is_web:  # served to a browser, a blink is two redraws a second a window
            self.query_one("#command").cursor_blink = False
        self.set_interval(1.0, self._tick)
        self._draw_mode_bar()
        if mode == "replay":
            self._open_replay()
        elif mode == "play" and not settings.load().get("name"):
            self.app.push_screen(NameDialog(), self._named)
        else:
            self._start_live()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self._draw_mode_bar()

    def _placeholder(self) -> str:
        domain = domains.find(self._domain())
        return domain.probe_hint if domain else ""

    def _steer_hint(self) -> str:
        """What the watched agent follows: the scientist its small language (it announces it
        at its start), Claude anything in words."""
        if self.launch.actor != "scientist":
            return "a message the agent reads before its next step"
        domain = domains.find(self._domain())
        return domain.steer_hint if domain else ""

    def _domain(self) -> str:
        return self.state.domain or self.launch.function_id.split("/")[0]

    # --- sources --------------------------------------------------------------------------
    def _named(self, name: str | None) -> None:
        if name:
            settings.save(name=name)
            self._start_live()
        else:
            self.app.pop_screen()

    def _start_live(self) -> None:
        try:
            target = self.app.make_target(self.launch.function_id)
            self.actor = self.app.make_actor(
                self.launch.actor, on_text=lambda text: self.post_message(TextStreamed(text)))
        except Exception as exc:  # unknown id, a function that cannot load, missing key: one line
            self.app.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        spec = self.app.spec_or_none(target.function_id)
        if spec:
            self._show_function(spec)
        else:  # the user's own function: the text of its file
            self.query_one("#hidden", HiddenFunctionPane).show_function(
                target.function_id, *self.app.own_function(target.function_id))
        self.query_one("#hidden", HiddenFunctionPane).masked = self.launch.mode == "play"
        self._run(target)

    @work(exclusive=True, group="session")
    async def _run(self, target) -> None:
        from find_lab.session import run_session

        await run_session(target, self.actor, store=self.app.store, budget=self.app.budget,
                          listeners=(self._forward,), carried=self.launch.carried,
                          forked_from=self.launch.forked_from, ready=self._ready,
                          pace=self.app.pace if self.launch.mode == "watch" else 0.0)

    def _ready(self, experiment: Experiment) -> None:
        self.experiment = experiment
        if not self.query_one("#hidden", HiddenFunctionPane).masked:
            experiment.reveal("the hidden function, shown while watching")

    def _forward(self, event: dict) -> None:
        self.post_message(EventRecorded(event))

    def on_event_recorded(self, message: EventRecorded) -> None:
        self._apply(message.event)

    def on_text_streamed(self, message: TextStreamed) -> None:
        self.query_one("#transcript", TranscriptPane).stream(message.text)

    def _open_replay(self) -> None:
        try:
            self.events = self.app.store.events(self.launch.session_id)
        except Exception as exc:
            self.app.notify(f"cannot replay {self.launch.session_id}: {exc}", severity="error")
            self.app.pop_screen()
            return
        start = next((e for e in self.events if e["kind"] == "session_start"), None)
        spec = self.app.spec_or_none(start["function_id"]) if start else None
        if spec and start.get("spec_hash") not in (None, spec_hash(spec)):
            # the suite was rebuilt since: today's function is not the one this session probed
            self.app.notify(f"this session ran against an earlier {spec['id']}; it replays from "
                            "its own events, without the hidden function", severity="warning")
            spec = None
        if spec:
            self._show_function(spec)
        final = LabState.from_events(self.events)
        self.final_status = final.status if final.ended else "interrupted"
        self.query_one("#transcript", TranscriptPane).call_person(self._person(start or {}))
        self._replay_to(0)

    def _person(self, start: dict) -> str:
        """A replay calls its human by name; "you" only when that name is the viewer's own."""
        name = start.get("actor_name") if start.get("actor_kind") == "human" else ""
        if name and name == settings.load().get("name"):
            return "you"
        return name or "a person"

    def _show_function(self, spec: dict) -> None:
        from find_lab.suite import render

        self.query_one("#hidden", HiddenFunctionPane).show_function(
            spec["id"], render(spec), spec["description"])
        self.truth = truth_curve(spec)

    # --- drawing --------------------------------------------------------------------------
    def _apply(self, event: dict) -> None:
        """Draw one more event of a live session."""
        if self.launch.mode != "replay":
            self.events.append(event)
        self.state.apply(event)
        if event["kind"] == "session_start" and self.input_mode == "probe":
            self.query_one("#command", Input).placeholder = self._placeholder()  # its domain's syntax
        transcript = self.query_one("#transcript", TranscriptPane)
        if event["kind"] in ("error", "session_end"):
            transcript.end_stream()  # a reply cut short is not kept as if it were said
        transcript.add(event)
        if event["kind"] in PROBE_KINDS:
            self._draw_probes()
        if event["kind"] == "score" and self.launch.mode == "play":
            self.query_one("#hidden", HiddenFunctionPane).masked = False
        if event["kind"] == "session_end":
            self._show_input("")
        if event["kind"] in ("takeover", "handback", "session_end", "pause", "resume") \
                and self.launch.mode != "replay":  # a replay's keys never change: no footer relayout
            self._draw_mode_bar()
            self.refresh_bindings()
        self._draw_status()

    def _draw_probes(self) -> None:
        masked = self.query_one("#hidden", HiddenFunctionPane).masked
        self.query_one("#probes", ProbesPane).show(self.state, None if masked else self.truth)

    def _draw_status(self) -> None:
        live = self.launch.mode != "replay" and not self.state.ended and self.experiment
        elapsed = self.experiment.active_seconds() if live else self.state.active_seconds()
        final = self.final_status if self.launch.mode == "replay" else None
        self.query_one("#status", StatusLine).show(self.state, elapsed, final)

    def _tick(self) -> None:
        if self.launch.mode != "replay" and not self.state.ended:
            self._draw_status()

    # --- replay -----------------------------------------------------------------------------
    def _replay_to(self, index: int) -> None:
        """Show the session as of event `index`: forward steps apply, backward ones rebuild."""
        index = max(0, min(index, len(self.events) - 1))
        if not self.events:
            return
        if index == self.cursor + 1:
            self._apply(self.events[index])
        elif index > self.cursor:  # a jump: take in every event, then draw once
            for event in self.events[self.cursor + 1:index + 1]:
                self.state.apply(event)
            self._redraw(index)
        else:
            self.state = LabState.from_events(self.events[:index + 1])
            self._redraw(index)
        self.cursor = index
        self._draw_mode_bar()

    def _redraw(self, index: int) -> None:
        self.query_one("#transcript", TranscriptPane).reset(self.events[:index + 1])
        self._draw_probes()
        self._draw_status()

    def _draw_mode_bar(self) -> None:
        """What this screen is showing; the same height in every mode, so a live session and
        its replay end on the same panes."""
        if self.launch.mode == "replay":
            state = "▶ playing" if self.playing else "❚❚ paused"
            where = f"event {self.cursor + 1}/{len(self.events)}  {state} {SPEEDS[self.speed]:g}/s"
            session = self.launch.session_id
            texts = [f" replay {session}  {where}  ←/→ step · home/end jump · p play · +/- speed"
                     " · f fork",
                     f" replay {session[:15]}…  {where}  ←/→ step · home/end · p play · f fork",
                     f" replay {session[:15]}…  {where}  ←→ home end p +/- f fork"]
        elif self.state.ended:  # the keys that act on a live session act no more
            texts = [f" this session has ended ({self.state.status}) · esc back to the launcher"]
        elif self.state.status == "paused":
            texts = [f" {self.launch.actor} paused: nothing is recorded, the clock is stopped · n one"
                     " step · space resume · s steer", " paused · n step · space resume · s steer"]
        elif self.launch.mode == "play":
            texts = [" you are playing: probe below · ctrl+s submit · f2 reveals the answer "
                     "(recorded)", " playing · ctrl+s submit · f2 reveals (recorded)"]
        else:
            texts = [f" watching {self._who()} live: space pause · s steer · ctrl+t take over"
                     " · a abandon", f" watching {self.launch.actor}: space pause · s steer · "
                     "ctrl+t take over · a abandon"]
        # the longest that fits: a key cut off the end is a key nobody learns of
        text = next((t for t in texts if len(t) <= self.size.width), texts[-1])
        self.query_one("#mode-bar", Static).update(text, layout=False)  # always one line

    def _advance(self) -> None:
        if self.cursor >= len(self.events) - 1:
            self.action_play()
            return
        self._replay_to(self.cursor + 1)

    def action_step(self, delta: int) -> None:
        if self.launch.mode == "replay":
            self._replay_to(self.cursor + delta)

    def action_jump(self, index: int) -> None:
        if self.launch.mode == "replay":
            self._replay_to(len(self.events) - 1 if index < 0 else index)

    def action_play(self) -> None:
        if self.launch.mode != "replay":
            return
        if self.playing:
            self.playing.stop()
            self.playing = None
        else:
            self.playing = self.set_interval(1 / SPEEDS[self.speed], self._advance)
        self._draw_mode_bar()

    def action_speed(self, delta: int) -> None:
        if self.launch.mode != "replay":
            return
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + delta))
        if self.playing:
            self.playing.stop()
            self.playing = self.set_interval(1 / SPEEDS[self.speed], self._advance)
        self._draw_mode_bar()

    def action_fork(self) -> None:
        if self.launch.mode != "replay" or not self.state.function_id:
            return
        def fork(actor: str | None) -> None:
            if actor:
                carried = [e for e in self.events[:self.cursor + 1] if e["kind"] == "probe"]
                if reason := self.app.actor_unavailable(actor):
                    self.app.notify(reason, severity="error")  # the replay stays where it was
                    return
                # pushed over the replay, so leaving the fork comes back to this very event
                self.app.push_screen(LabScreen(Launch(
                    "play" if actor == "human" else "watch", self.state.function_id, actor,
                    carried=carried, forked_from={"session_id": self.launch.session_id,
                                                  "seq": self.state.seq})))

        self.app.push_screen(ForkDialog(self.app.actor_choices()), fork)

    def action_export(self) -> None:
        from find_lab.tui.screens.exporting import ExportDialog

        self.app.push_screen(ExportDialog(str(self.exports_folder())),
                             lambda fmt: self.export(fmt) if fmt else None)

    def exports_folder(self):
        return self.app.store.home / "exports"

    def export(self, fmt: str) -> None:
        """This session, as far as it has gone (a replay: up to the event shown), written
        under the store's exports/ folder."""
        from find_lab import export

        events = self.events[:self.cursor + 1] if self.launch.mode == "replay" else self.events
        if not events:
            self.app.notify("nothing to export yet", severity="warning")
            return
        session = self.launch.session_id or self.state.session_id or "session"
        path = self.exports_folder() / f"{file_name(session)}.{fmt}"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            export.write(path, export.render(events, fmt))
        except (OSError, ValueError) as exc:
            self.app.notify(f"cannot export: {exc}", severity="error")
            return
        self.app.notify(f"exported {count(len(events), 'event')} as {export.NAMES[fmt]} to "
                        f"{path}{deliver(self.app, path)}")

    # --- a person's controls ------------------------------------------------------------------
    def action_toggle_pause(self) -> None:
        if self.launch.mode == "replay":
            self.action_play()
        elif self.experiment and self.launch.mode == "watch":
            if self.experiment.paused:  # the experiment's own state: the screen's trails it
                self.experiment.resume()
            else:
                self.experiment.pause()

    def action_step_agent(self) -> None:
        """While paused, let the agent take exactly one more step (one event), then wait."""
        if self.experiment and self.launch.mode == "watch" and self.experiment.paused:
            self.experiment.step()

    def action_take_over(self) -> None:
        experiment = self.experiment
        if not experiment or experiment.ended or self.launch.mode != "watch":
            return
        if experiment.driver == "agent":
            experiment.take_over()
            self._show_input("probe")
        else:
            experiment.hand_back()
            self._show_input("")

    def action_steer(self) -> None:
        if self.experiment and not self.experiment.ended and self.launch.mode == "watch":
            self._show_input("steer")

    def is_live(self) -> bool:
        return bool(self.experiment and not self.experiment.ended)

    def confirm_end(self, question: str, label: str, then) -> None:
        """Ask before a key that ends live work; `then()` runs only on yes."""
        self.app.push_screen(ConfirmDialog(question, label),
                             lambda yes: then() if yes and self.is_live() else None)

    def action_abandon(self) -> None:
        if self.is_live():
            self.confirm_end(f"Abandon this session? It ends now, unscored, and is kept as "
                             f"abandoned after {count(self.state.calls_used, 'probe call')}.",
                             "Abandon", self.experiment.abandon)

    def _who(self) -> str:
        """The actor watched, with the model and the key it runs on when that is Claude."""
        if self.launch.actor != "claude":
            return self.launch.actor
        return f"claude ({self.app.claude_model()}, {self.app.claude_key_source()})"

    def action_maximize(self) -> None:
        """The focused pane fills the screen; the same key gives the others back."""
        if self.maximized:
            self.minimize()
        elif self.focused:
            pane = next((w for w in self.focused.ancestors_with_self
                         if w.id in ("hidden", "transcript", "probes")), self.focused)
            self.maximize(pane, container=False)

    def action_reveal(self) -> None:
        self.action_toggle_hidden()

    def action_toggle_hidden(self) -> None:
        hidden = self.query_one("#hidden", HiddenFunctionPane)
        if hidden.masked and self.experiment and not self.experiment.ended:
            self.experiment.reveal()  # a person's result from here on is not pure
        hidden.toggle_mask()
        self._draw_probes()

    def action_submit(self) -> None:
        experiment = self.experiment
        human = self.launch.mode == "play" or (experiment and experiment.driver == "human")
        if not experiment or experiment.ended or not human:
            return
        self.app.push_screen(SubmitDialog(experiment, self.draft), self._submitted)

    def _submitted(self, answer: dict | None) -> None:
        if answer and self.experiment and not self.experiment.ended:
            self._submit(answer)

    @work(group="submit")
    async def _submit(self, answer: dict) -> None:
        try:
            await self.experiment.submit(answer["description"], answer["code"],
                                         answer.get("domain", ""), actor="human")
        except SessionOver:
            pass

    def action_leave(self) -> None:
        command = self.query_one("#command", Input)
        if command.has_focus and self.input_mode == "steer":
            self._show_input("")
            return
        if self.playing:
            self.action_play()
        if self.is_live():
            def leave() -> None:
                self.experiment.abandon()
                self.app.pop_screen()

            self.confirm_end("Leave this live session? It is abandoned (kept, unscored).",
                             "Abandon and leave", leave)
            return
        self.app.pop_screen()

    def _show_input(self, mode: str) -> None:
        self.input_mode = mode
        bar = self.query_one("#command-bar")
        bar.display = bool(mode)
        if mode:
            self.query_one("#prompt", Label).update("probe ›" if mode == "probe" else "steer ›")
            command = self.query_one("#command", Input)
            command.placeholder = self._placeholder() if mode == "probe" else self._steer_hint()
            command.focus()

    @on(Input.Submitted, "#command")
    async def _command(self, event: Input.Submitted) -> None:
        text, experiment = event.value, self.experiment
        if not experiment or experiment.ended:
            return
        if self.input_mode == "steer":
            if text.strip():
                experiment.steer(text.strip())
            event.input.value = ""
            self._show_input("")
            return
        try:
            inputs = domains.get(experiment.target.domain).parse(text)
            await experiment.probe(inputs, actor="human")
        except ProbeSyntaxError as exc:
            self.app.notify(str(exc), severity="warning")
            return
        except (BudgetExhausted, SessionOver) as exc:
            self.app.notify(f"{exc}: submit your answer (ctrl+s)", severity="warning")
            return
        event.input.value = ""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Show only the keys that do something in this mode."""
        mode = self.launch.mode
        live = {"take_over", "steer", "abandon"}
        if action == "step_agent":
            return mode == "watch" and self.state.status == "paused"
        replay = {"step", "jump", "play", "speed", "fork"}
        if action in replay:
            return mode == "replay"
        if action in live:
            return mode == "watch" and not self.state.ended
        if action == "toggle_pause":
            return mode == "replay" or (mode == "watch" and not self.state.ended)
        if action == "toggle_hidden":
            return mode != "play"
        if action == "reveal":
            return mode == "play"
        if action == "submit":
            human = mode == "play" or (mode == "watch" and self.state.driver == "human")
            return human and not self.state.ended
        return True
