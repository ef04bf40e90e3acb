"""The FIND Lab application: one stylesheet, a launcher, and the lab over the headless core.

`make_app` is the factory the CLI and the tests (snapshots included) build the app with;
`make_study_app` builds a participant's study, which `run_study` runs.
"""

from __future__ import annotations

import os
import sys
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
        self.open_first()

    def open_first(self) -> None:
        """The launcher, and over it the lab when the command line named what to open."""
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
        yield from self.screen_commands(screen)

    def screen_commands(self, screen):
        """The keys a lab screen offers now, as commands of the palette (a key a subclass
        binds again does what the subclass says)."""
        bindings = {}
        for cls in reversed(type(screen).__mro__):
            if issubclass(cls, LabScreen):
                bindings |= {binding.key: binding for binding in cls.BINDINGS}
        for binding in bindings.values():
            action = binding.action
            if binding.show and screen.check_action(action.split("(")[0], ()):
                yield SystemCommand(binding.description, f"{binding.key}",
                                    lambda a=action: self.run_action(a, screen))


def make_app(launch: Launch | None = None, **options) -> FindLab:
    return FindLab(launch, **options)


class StudyLab(FindLab):
    """One participant's study (find_lab.tui.screens.study) and nothing else of the lab: no
    launcher, scoreboard, other sessions, finders of functions and sessions in the palette, or
    other lab screens, whichever way they are asked for."""

    COMMANDS = App.COMMANDS  # the palette without the lab's function and session finders
    keeps_files = True       # a participant's files stay with the study (find_lab.tui.delivery)

    def __init__(self, plan, participant: str, **options):
        super().__init__(None, budget=Budget(plan.calls, plan.points), **options)
        self.plan, self.participant = plan, participant

    def open_first(self) -> None:
        from find_lab.tui.screens.study import InstructionsScreen, StudyFlow

        self.flow = StudyFlow(self.plan, self.store, self.participant)
        self.push_screen(InstructionsScreen(self.flow))

    def refused(self, what: str) -> None:
        self.notify(f"not during the study: {what}", severity="warning")

    def push_screen(self, screen, callback=None, wait_for_dismiss: bool = False):
        """The gate every screen passes: the rest of the lab stays shut; the name a player is
        asked for is the participant's study id, never asked or saved."""
        from find_lab.tui.screens.dialogs import NameDialog
        from find_lab.tui.screens.study import StudyLabScreen

        if isinstance(screen, NameDialog):
            if callback:
                callback(self.participant)
            return self.screen.mount()  # an awaitable that has nothing left to do
        if isinstance(screen, _shut()) or (isinstance(screen, LabScreen)
                                           and not isinstance(screen, StudyLabScreen)):
            self.refused("the rest of the lab is closed until the study ends")
            return self.screen.mount()
        return super().push_screen(screen, callback, wait_for_dismiss)

    def action_help(self) -> None:
        from find_lab.tui.screens.study import StudyHelpScreen

        self.push_screen(StudyHelpScreen())

    def action_scoreboard(self) -> None:
        self.refused("the scoreboard")

    def action_sessions(self, query: str = "") -> None:
        self.refused("the saved sessions")

    def open_lab(self, mode: str, function_id: str, actor: str = "scientist") -> None:
        self.refused("other functions")

    def open_replay(self, session_id: str) -> None:
        self.refused("the saved sessions")

    def resume_session(self, session_id: str) -> None:
        self.refused("the saved sessions (the study resumes by itself)")

    def choose_claude_model(self) -> None:
        self.refused("the agents")

    async def action_quit(self) -> None:
        """ctrl+q asks first mid-function: the function stops as interrupted, and the study
        resumes at it, with its probes and its time so far."""
        from find_lab.tui.screens.study import StudyLabScreen

        live = self.live_lab()
        if not isinstance(live, StudyLabScreen):
            self.exit()
            return

        def leave() -> None:
            live.leave_study()
            self.exit()

        live.confirm_end("Leave the study? This function stops here; running the study again "
                         "resumes at it, with its probes and its time so far.", "Leave", leave)

    def get_system_commands(self, screen):
        yield from App.get_system_commands(self, screen)
        yield SystemCommand("Help", "Keys of the study", self.action_help)
        yield from self.screen_commands(screen)


def _shut() -> tuple[type, ...]:
    """The screens a participant never reaches during a study."""
    from find_lab.tui.screens.compare import CompareScreen
    from find_lab.tui.screens.dialogs import ForkDialog
    from find_lab.tui.screens.exporting import ExportDialog
    from find_lab.tui.screens.launcher import LauncherScreen
    from find_lab.tui.screens.models import ModelDialog
    from find_lab.tui.screens.scoreboard import ScoreboardScreen
    from find_lab.tui.screens.sessions import SessionsScreen

    return (LauncherScreen, ScoreboardScreen, SessionsScreen, CompareScreen, ForkDialog,
            ExportDialog, ModelDialog)


def make_study_app(home: Path | str | None, suite_root, name: str, participant: str,
                   **options) -> StudyLab:
    """Participant `participant`'s study `name`; a StudyError (no such study or participant,
    a bad plan) says what is wrong in one line."""
    from find_lab.store import Store
    from find_lab.study import plan as study_plan
    from find_lab.suite import Suite

    suite = Suite(Path(suite_root) if suite_root else None)
    plan = study_plan.load(Store(home).home, name, suite)
    plan.participant_index(participant)
    return StudyLab(plan, participant, home=home, suite_root=suite_root, **options)


def run_study(home: Path, suite_root, name: str, participant: str) -> int:
    """Run the participant's study in the terminal: 0 once it is complete, 1 when they left
    before its end (running it again resumes), 2 when it cannot start (one line why)."""
    from find_lab.store import StoreError
    from find_lab.study import progress
    from find_lab.study.plan import StudyError
    from find_lab.suite import SuiteError

    try:
        app = make_study_app(home, suite_root, name, participant)
    except (StudyError, StoreError, SuiteError) as exc:
        print(f"find-lab: {exc}", file=sys.stderr)
        return 2
    app.run()
    if progress.next_position(app.store, app.plan, participant) is None:
        return 0
    print(f"find-lab: study {name} is not finished for {participant}: run it again to resume",
          file=sys.stderr)
    return 1
