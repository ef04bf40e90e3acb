"""The FIND Lab application: one stylesheet, a launcher, and the lab over the headless core.

`make_app` is the factory the CLI and the tests (snapshots included) build the app with.
"""

from __future__ import annotations

import os
import warnings
from functools import cached_property
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding

from find_lab import actors
from find_lab.experiment import Budget
from find_lab.tui.commands import LabCommands
from find_lab.tui.screens.lab import LabScreen, Launch

class FindLab(App):
    CSS_PATH = "lab.tcss"
    COMMANDS = App.COMMANDS | {LabCommands}
    TITLE = "FIND Lab"
    SUB_TITLE = "interpret a hidden function"
    BINDINGS = [Binding("f1", "help", "Help")]

    def __init__(self, launch: Launch | None = None, *, home: Path | str | None = None,
                 suite_root: Path | str | None = None, seed: int = 0, budget: Budget = Budget(),
                 claude: dict | None = None, domain: str | None = None,
                 reference: str | None = None, call_timeout: float = 10.0, pace: float = 0.0):
        super().__init__()
        self.launch = launch
        self.home, self.suite_root = home, suite_root
        self.seed, self.budget = seed, budget
        self.claude = dict(claude or {})  # the Claude agent's options; the key stays in memory
        # a user's own function named on the command line: its domain, truth and time per call
        self.domain, self.reference, self.call_timeout = domain, reference, call_timeout
        self.pace = pace  # least seconds between an offline agent's steps when watched

    @cached_property
    def suite(self):
        from find_lab.suite import Suite

        return Suite(Path(self.suite_root) if self.suite_root else None)

    @cached_property
    def store(self):
        """Opened on first use; what it recovered (interrupted sessions, a rebuilt index) is
        shown as a notification rather than lost in a log."""
        from find_lab.store import Store

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            store = Store(self.home)
            store.list()
        for warning in caught:
            self.notify(str(warning.message), severity="warning", timeout=8)
        return store

    def catalogue(self) -> list[tuple[str, str, str]]:
        return [(fid, fid.split("/")[0], self.suite.get(fid)["complexity"]) for fid in self.suite.ids()]

    def spec_or_none(self, function_id: str) -> dict | None:
        from find_lab.suite import SuiteError

        try:
            return self.suite.get(function_id)
        except SuiteError:
            return None

    def make_target(self, function_ref: str):
        """What a live session probes: a suite function, or the user's own FILE.py:NAME or
        MODULE:NAME in its worker (with the command line's --domain, --reference and
        --call-timeout). Raises SuiteError or TargetError, one line each."""
        from find_lab import targets

        return targets.resolve(function_ref, self.domain, self.reference, seed=self.seed,
                               suite=self.suite, timeout=self.call_timeout)

    def own_function(self, function_ref: str) -> tuple[str, str]:
        """(source, description) of a user's function for the hidden-function pane: the text
        of the file it lives in, and whether it is scored."""
        from find_lab import targets

        source = targets.own_source(function_ref) or f"# the source of {function_ref} was not found\n"
        scored = f"scored against {self.reference}" if self.reference else \
            "unscored: no --reference gives its truth"
        return source, f"your own {self.domain} function {function_ref}, {scored}"

    def recent_sessions(self, count: int) -> list[dict]:
        try:
            return self.store.list()[:count]
        except Exception as exc:  # a damaged store must not close the lab
            self.notify(f"cannot read sessions: {exc}", severity="error")
            return []

    def scoreboard_rows(self) -> list:
        from find_lab import scoreboard

        try:
            return scoreboard.rows(self.store.list(), scoreboard.suite_complexity(self.suite))
        except Exception as exc:  # a damaged store must not close the lab
            self.notify(f"cannot compute the scoreboard: {exc}", severity="error")
            return []

    def actor_choices(self) -> list[str]:
        """Every registered actor; one that cannot run here (claude without a key) is still
        offered, and choosing it says why (`actor_unavailable`) instead of leaving the screen."""
        return actors.names()

    def actor_unavailable(self, name: str) -> str | None:
        """Why `name` cannot run in this lab, in one line; None when it can."""
        if name in actors.REGISTRY and actors.get(name).needs_key and not self.claude_key():
            return (f"{name} needs an Anthropic API key: set ANTHROPIC_API_KEY or start the lab "
                    "with --api-key-file FILE")
        return None

    def claude_key(self) -> str | None:
        return self.claude.get("api_key") or os.environ.get("ANTHROPIC_API_KEY") or None

    def claude_key_source(self) -> str:
        """Which key Claude runs on, without showing it: where it came from and its last four
        characters, so two keys can be told apart."""
        key = self.claude_key()
        if not key:
            return "no API key"
        where = "--api-key-file" if self.claude.get("api_key") else "ANTHROPIC_API_KEY"
        return f"key …{key[-4:]} from {where}"

    def claude_model(self) -> str:
        from find_lab.pricing import DEFAULT_MODEL

        return self.claude.get("model") or DEFAULT_MODEL

    def choose_claude_model(self) -> None:
        from find_lab.tui.screens.models import ModelDialog

        def chosen(model: str | None) -> None:
            if model:
                self.claude["model"] = model
                self.notify(f"claude runs on {model} from now on ({self.claude_key_source()})")

        self.push_screen(ModelDialog(self.claude_model(), self.claude_key_source()), chosen)

    def make_actor(self, kind: str, on_text=None):
        options = {**self.claude, "api_key": self.claude_key(), "on_text": on_text}
        return actors.make_actor(kind, self.seed, claude=options)

    def on_mount(self) -> None:
        from find_lab.tui.screens.launcher import LauncherScreen

        self.push_screen(LauncherScreen())
        if self.launch:
            self.push_screen(LabScreen(self.launch))

    def open_lab(self, mode: str, function_id: str, actor: str = "scientist") -> None:
        """A live session on `function_id`: watched (`actor` interprets it) or played; one at
        a time, so no session runs on unseen under another."""
        if self.live_lab():
            self.notify("a session is live: finish or leave it first", severity="warning")
            return
        if mode == "watch" and (reason := self.actor_unavailable(actor)):
            self.notify(reason, severity="error")
            return
        self.push_screen(LabScreen(Launch(mode, function_id, "human" if mode == "play" else actor)))

    def resume_session(self, session_id: str) -> None:
        """A new session continuing an interrupted (or crashed) one: the same function and
        actor, its probes carried, its session_start saying which session it resumes. The old
        session stays as it ended; neither is merged into the other."""
        from find_lab.labstate import LabState

        try:
            events = self.store.events(session_id)
        except Exception as exc:
            self.notify(f"cannot resume {session_id}: {exc}", severity="error")
            return
        state = LabState.from_events(events)
        if state.ended and state.status not in ("interrupted", "crashed"):
            self.notify(f"{session_id} ended {state.status}; only an interrupted or crashed "
                        "session can be resumed (fork it from its replay instead)",
                        severity="warning")
            return
        actor = state.actor_kind or "scientist"
        if reason := self.actor_unavailable(actor):
            self.notify(reason, severity="error")
            return
        carried = [e for e in events if e.get("kind") == "probe"]
        self.push_screen(LabScreen(Launch(
            "play" if actor == "human" else "watch", state.function_id, actor, carried=carried,
            forked_from={"session_id": session_id, "seq": state.seq, "resumed": True})))

    def open_replay(self, session_id: str) -> None:
        self.push_screen(LabScreen(Launch("replay", session_id=session_id)))

    async def action_quit(self) -> None:
        """ctrl+q asks first while a session is live: quitting abandons it."""
        live = self.live_lab()
        if live:  # wherever it is in the stack: a dialog or the help may be over it
            def quit() -> None:
                live.experiment.abandon()
                self.exit()

            live.confirm_end("Quit FIND Lab? The live session is abandoned (kept, unscored).",
                             "Abandon and quit", quit)
            return
        self.exit()

    def live_lab(self) -> LabScreen | None:
        """The lab screen whose session is still running, if one is open."""
        return next((screen for screen in self.screen_stack
                     if isinstance(screen, LabScreen) and screen.is_live()), None)

    def action_help(self) -> None:
        from find_lab.tui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    def action_scoreboard(self) -> None:
        from find_lab.tui.screens.scoreboard import ScoreboardScreen

        self.push_screen(ScoreboardScreen(self.store))

    def action_sessions(self, query: str = "") -> None:
        from find_lab.tui.screens.sessions import SessionsScreen

        self.push_screen(SessionsScreen(self.store, self.suite, query))

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and how the lab works", self.action_help)
        yield SystemCommand("Scoreboard", "Success rates per actor, domain and complexity",
                            self.action_scoreboard)
        yield SystemCommand("Sessions", "Every saved session: filter, sort, search transcripts, "
                            "compare two, who scored what per function", self.action_sessions)
        yield SystemCommand("Claude model", f"Which model claude runs on (now {self.claude_model()}, "
                            f"{self.claude_key_source()})", self.choose_claude_model)
        for binding in screen.BINDINGS if isinstance(screen, LabScreen) else ():
            action = binding.action
            if binding.show and screen.check_action(action.split("(")[0], ()):
                yield SystemCommand(binding.description, f"{binding.key}",
                                    lambda a=action: self.run_action(a, screen))


def make_app(launch: Launch | None = None, **options) -> FindLab:
    return FindLab(launch, **options)
