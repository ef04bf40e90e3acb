"""A participant's study: the instructions, the practice, each function of their order against
a visible clock, a break between two functions, and the end.

Where the participant stands is read from the store each time (`progress.next_position`), so a
crash, a closed laptop or ctrl+q resumes at the function that was cut short, carrying its
probes and the time it had used. The screens replace one another (`switch_screen`): nothing
lies beneath them to go back to, and the app (`StudyLab`) refuses the rest of the lab.
"""

from __future__ import annotations

import asyncio
import math
import re
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Markdown, Static

from find_lab.agents.human import Human
from find_lab.english import count
from find_lab.experiment import Budget
from find_lab.study import progress
from find_lab.study.plan import Plan
from find_lab.tui.components.hidden import HiddenFunctionPane
from find_lab.tui.screens.lab import LabScreen, Launch

TIME_UP = "the time limit ran out"
GAVE_UP = "the participant gave up this function"
LEFT = "the participant left the study (it resumes at this function)"
LOW_SECONDS = 60  # under this the clock turns to a warning
HIDDEN_NEVER = "Hidden: this study does not show the hidden function"
HIDDEN_AFTER = "Hidden until you submit your answer"


@dataclass(frozen=True)
class Step:
    """One function of the participant's study: position 0 is the practice."""

    position: int
    function_id: str

    @property
    def practice(self) -> bool:
        return self.position == 0


class StudyFlow:
    """What comes next for one participant, read from the store: the study's own record."""

    def __init__(self, plan: Plan, store, participant: str):
        self.plan, self.store, self.participant = plan, store, participant
        self.order = plan.order(participant)  # an unknown participant is a StudyError

    @property
    def budget(self) -> Budget:
        return Budget(self.plan.calls, self.plan.points)

    @property
    def total(self) -> int:
        return len(self.order)

    def next_step(self) -> Step | None:
        position = progress.next_position(self.store, self.plan, self.participant)
        if position is None:
            return None
        return Step(position, self.plan.practice if position == 0 else self.order[position - 1])

    def tag(self, step: Step) -> dict:
        return self.plan.tag(participant=self.participant, position=step.position,
                             practice=step.practice)

    def where(self, step: Step) -> str:
        """The step as the participant reads it: "the practice", "function 2 of 6"."""
        return "the practice" if step.practice else f"function {step.position} of {self.total}"

    def limit(self) -> float:
        return self.plan.minutes * 60

    def cut_short(self, step: Step) -> tuple[list[dict], dict | None, float]:
        """The probes, the resumed session and the active seconds already spent at `step`, when
        its last session there was interrupted (every earlier one there was too, or the
        position would be done); none, nothing and 0 otherwise."""
        mine = [doc for doc in progress.sessions(self.store, self.plan)
                if doc["study"].get("participant") == self.participant
                and doc["study"].get("position") == step.position]
        if not mine or mine[-1].get("status") != "interrupted":
            return [], None, 0.0
        last = mine[-1]  # its log holds the probes of those before it, carried
        events = self.store.events(last["id"])
        probes = [e for e in events if e.get("kind") == "probe"]
        resumed = {"session_id": last["id"], "seq": events[-1]["seq"] if events else 0,
                   "resumed": True}
        return probes, resumed, sum(float(doc.get("seconds") or 0.0) for doc in mine)

    def screen_for(self, step: Step | None) -> Screen:
        """The screen that opens `step`: its function, or the end when there is none."""
        if step is None:
            return DoneScreen(self)
        carried, resumed, spent = self.cut_short(step)
        return StudyLabScreen(self, step, Launch("play", step.function_id, "human",
                                                 carried=carried, forked_from=resumed), spent)

    def after(self, step: Step) -> Screen:
        """What follows a function that ended: a break before the next, or the end."""
        following = self.next_step()
        if following is None:
            return DoneScreen(self)
        if following.position == step.position:  # not recorded as ended: play it again
            return self.screen_for(following)
        return BreakScreen(self, following)


def duration(seconds: float) -> str:
    """A time limit in words: whole minutes as minutes, anything else in seconds."""
    if seconds >= 60 and seconds % 60 == 0:
        return count(int(seconds // 60), "minute")
    return count(math.ceil(seconds), "second")


def reflow(text: str) -> str:
    """A plan's text with its paragraphs rejoined, to wrap at the screen's width."""
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()))


def clock(seconds: float) -> str:
    """Seconds left as m:ss, rounded up: the clock reads 0:00 only when time is up."""
    minutes, seconds = divmod(max(0, math.ceil(seconds)), 60)
    return f"{minutes:d}:{seconds:02d}"


# --- the pages around the functions ------------------------------------------------------------
class InstructionsScreen(Screen):
    """The plan's instructions, what the study holds, and where a returning participant
    resumes."""

    BINDINGS = [Binding("enter", "begin", "Begin")]

    def __init__(self, flow: StudyFlow):
        super().__init__()
        self.flow = flow
        self.step = flow.next_step()

    def compose(self) -> ComposeResult:
        flow, plan = self.flow, self.flow.plan
        with Vertical(classes="study-page"):
            with VerticalScroll(classes="study-card", id="instructions"):
                yield Static(Text(f"Study {plan.name} · participant {flow.participant}",
                                  style="bold"), classes="study-title")
                yield Static(Text(reflow(plan.instructions)), id="instructions-text")
                yield Static(self._plan_text(), id="study-plan")
                yield Static(self._next_text(), id="study-next")
        yield Footer()

    def _plan_text(self) -> Text:
        plan = self.flow.plan
        practice = "a practice function (not scored, no time limit), then " if plan.practice else ""
        each = (f"{count(self.flow.total, 'function')}, each with {duration(self.flow.limit())}, "
                f"{count(plan.calls, 'probe call')} and {count(plan.points, 'point')}")
        rest = f"; a break of {duration(plan.break_seconds)} between two" \
            if plan.break_seconds else ""
        answer = "The hidden functions stay hidden." if plan.reveal == "never" else \
            "Each hidden function is shown once you have submitted your answer."
        return Text(f"What comes: {practice}{each}{rest}. {answer}", style="dim")

    def _next_text(self) -> Text:
        step = self.step
        if step is None:
            return Text("You have finished this study: enter shows the end.", style="bold")
        first = 0 if self.flow.plan.practice else 1
        where = self.flow.where(step)
        if step.position == first and not self.flow.cut_short(step)[1]:
            return Text(f"enter begins with {where}", style="bold")
        return Text(f"Welcome back: enter resumes at {where}", style="bold")

    def action_begin(self) -> None:
        self.app.switch_screen(self.flow.screen_for(self.flow.next_step()))


class BreakScreen(Screen):
    """A pause between two functions: the plan's break_seconds, then the participant goes on
    when ready (the next clock does not start while they are away)."""

    BINDINGS = [Binding("enter", "go_on", "Start the next function")]

    def __init__(self, flow: StudyFlow, step: Step):
        super().__init__()
        self.flow, self.step = flow, step
        self.left = flow.plan.break_seconds

    def compose(self) -> ComposeResult:
        with Vertical(classes="study-page"):
            with Vertical(classes="study-card", id="break"):
                yield Static(Text("Break", style="bold"), classes="study-title")
                yield Static(id="break-text")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()
        if self.left > 0:
            self.set_interval(0.25, self._tick)

    def _tick(self) -> None:
        self.left = max(0.0, self.left - 0.25)
        self._draw()

    def _draw(self) -> None:
        where = self.flow.where(self.step)
        if self.left > 0:
            text = Text.assemble(("Rest a moment. ", ""), (f"{clock(self.left)}", "bold"),
                                 (f" until you may start {where}.", ""))
        else:
            text = Text.assemble(("Ready when you are: ", ""),
                                 (f"enter starts {where}", "bold"),
                                 (f" (its clock of {duration(self.flow.limit())} starts then).", ""))
        self.query_one("#break-text", Static).update(text)

    def action_go_on(self) -> None:
        if self.left > 0:
            self.notify(f"the break ends in {clock(self.left)}", severity="warning")
            return
        self.app.switch_screen(self.flow.screen_for(self.flow.next_step()))


class DoneScreen(Screen):
    BINDINGS = [Binding("enter", "close", "Close")]

    def __init__(self, flow: StudyFlow):
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        with Vertical(classes="study-page"):
            with Vertical(classes="study-card", id="done"):
                yield Static(Text("Thank you: the study is complete", style="bold"),
                             classes="study-title")
                yield Static(f"All {count(self.flow.total, 'function')} of study "
                             f"{self.flow.plan.name} are saved. enter closes FIND Lab.")
        yield Footer()

    def action_close(self) -> None:
        self.app.exit()


STUDY_HELP = """\
# A FIND Lab study

Probe the hidden function, then explain it: a description and code.

- probe with numbers `3`, lists `1, 2.5, -7`, ranges `-10:10:0.5`, quoted strings `"Hi there"`
  or words `apple river`, as the probe box suggests
- `ctrl+s` opens your answer: a description, the odd region and code
  - `ctrl+r` tests the code on your probes · `ctrl+o` records it as your hypothesis
  - `ctrl+s` submits (final) · `esc` closes the panel and keeps the draft
- the clock at the top counts down: at 0:00 the function ends with what you submitted, or
  nothing
- `esc` gives up the function (asks first) · `m` maximizes a pane
- `ctrl+q` leaves the study: it resumes at this function next time, with its probes and its
  time so far
"""


class StudyHelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(STUDY_HELP)


# --- a function ------------------------------------------------------------------------------
class StudyLabScreen(LabScreen):
    """The lab as `find-lab play` shows it, recorded with the study's tag, under a clock; the
    practice keeps play's rules and no clock. Nothing here forks, exports or (but as the plan
    allows) shows the hidden function."""

    BINDINGS = [Binding("enter", "go_on", "Go on", priority=True),
                Binding("escape", "leave", "Give up")]

    def __init__(self, flow: StudyFlow, step: Step, launch: Launch, spent: float = 0.0):
        super().__init__(launch)
        self.flow, self.step = flow, step
        self.spent = spent          # active seconds an interrupted session here had used
        self.saved = asyncio.Event()  # the session's log is closed: the store knows its end
        self._clock_shown: tuple[str, bool] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="study-bar"):
            yield Static(id="study-where")
            yield Static(id="study-clock")
        yield from super().compose()

    def on_mount(self) -> None:
        where = f" Study {self.flow.plan.name} · {self.flow.where(self.step)}"
        if self.launch.forked_from:
            where += " · resumed"
        self.query_one("#study-where", Static).update(where)
        self.set_interval(0.2, self._countdown)
        self.call_after_refresh(self._say_hidden)
        self._countdown()

    def _say_hidden(self) -> None:
        """The masked pane says what the plan allows (play's words promise it after submitting)."""
        hidden = self.query_one("#hidden", HiddenFunctionPane)
        if hidden.masked and not self.step.practice:
            text = HIDDEN_NEVER if self.flow.plan.reveal == "never" else HIDDEN_AFTER
            hidden.query_one("#about", Static).update(Text(text, style="italic"))

    # --- the clock ------------------------------------------------------------------------------
    def seconds_left(self) -> float:
        used = self.spent + (self.experiment.active_seconds() if self.experiment else 0.0)
        return self.flow.limit() - used

    def _countdown(self) -> None:
        """The clock, read five times a second and redrawn only when what it shows changes
        (a redraw of the same text costs as much as any: with many participants served from
        one machine, idle clocks add up)."""
        if self.step.practice:
            self._show_clock("no time limit", False)
            return
        if self.state.ended:
            self._show_clock(f"ended ({self.state.reason or self.state.status})", False)
            return
        left = self.seconds_left()
        self._show_clock(f"⏱ {clock(left)} left", left < LOW_SECONDS)
        if left <= 0:
            self._time_up()

    def _show_clock(self, text: str, low: bool) -> None:
        if (text, low) != self._clock_shown:
            self._clock_shown = (text, low)
            shown = self.query_one("#study-clock", Static)
            shown.update(text)
            shown.set_class(low, "-low")

    def _time_up(self) -> None:
        """End the function with what was submitted, or nothing: an answer being scored ends
        it itself."""
        experiment = self.experiment
        if not experiment or experiment.ended or self.state.submission is not None:
            return
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # the answer panel, a question, the help: the time is over
        experiment.end("abandoned", reason=TIME_UP)

    # --- recording with the study's tag ---------------------------------------------------------
    def _named(self, name: str | None) -> None:
        self._start_live()  # a participant is their study id: no name is asked or saved

    @work(exclusive=True, group="session")
    async def _run(self, target) -> None:
        from find_lab.session import run_session

        try:
            await run_session(target, Human(self.flow.participant), store=self.app.store,
                              budget=self.flow.budget, listeners=(self._forward,),
                              carried=self.launch.carried, forked_from=self.launch.forked_from,
                              ready=self._ready, study=self.flow.tag(self.step))
        finally:
            self.saved.set()

    def _apply(self, event: dict) -> None:
        super()._apply(event)
        if event["kind"] == "score" and not self._may_reveal():
            self.query_one("#hidden", HiddenFunctionPane).masked = True  # play shows it once scored
            self._say_hidden()
        if event["kind"] == "session_end":
            self._countdown()

    # --- what a participant may do ------------------------------------------------------------
    def _may_reveal(self) -> bool:
        if self.step.practice:
            return True
        return self.flow.plan.reveal == "after-submit" and self.state.submission is not None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("fork", "export"):
            return False
        if action == "go_on":
            return self.state.ended
        if action in ("reveal", "toggle_hidden") and not self.step.practice:
            return self._may_reveal()
        return super().check_action(action, parameters)

    def _refuse(self, what: str) -> None:
        self.app.notify(f"not during the study: {what}", severity="warning")

    def action_reveal(self) -> None:
        if self._may_reveal():
            super().action_reveal()
        else:
            self._refuse("the hidden function stays hidden")

    def action_toggle_hidden(self) -> None:
        if self._may_reveal():
            super().action_toggle_hidden()
        else:
            self._refuse("the hidden function stays hidden")

    def action_fork(self) -> None:
        self._refuse("forking")

    def action_export(self) -> None:
        self._refuse("exporting")

    def action_leave(self) -> None:
        """esc gives the function up (asking first) and goes on; once it has ended, goes on."""
        if not self.is_live():
            self.action_go_on()
            return
        what = "the practice" if self.step.practice else "this function"

        def give_up() -> None:
            self.experiment.end("abandoned", reason=GAVE_UP)
            self.action_go_on()

        self.confirm_end(f"Give up {what}? It ends now with no answer, and the study goes on.",
                         "Give up", give_up)

    @work(group="study-next")
    async def action_go_on(self) -> None:
        ended = self.experiment.ended if self.experiment else self.state.ended
        if not ended or self.app.screen is not self:
            return
        await self.saved.wait()
        self.app.switch_screen(self.flow.after(self.step))

    def leave_study(self) -> None:
        """ctrl+q mid-function: the session stops as interrupted, to resume here."""
        if self.is_live():
            self.experiment.end("interrupted", reason=LEFT)

    def _draw_mode_bar(self) -> None:
        if self.state.ended:
            how = {TIME_UP: "time is up", GAVE_UP: "given up"}.get(self.state.reason,
                                                                  self.state.status)
            texts = [f" this function has ended ({how}) · enter goes on", " ended · enter goes on"]
        elif self.step.practice:
            texts = [" practice, not scored: probe below · ctrl+s submit · f2 reveals the answer"
                     " · esc ends it", " practice · ctrl+s submit · esc ends it"]
        else:
            texts = [" probe below · ctrl+s submit your answer · f1 help · esc gives up this "
                     "function", " probe below · ctrl+s submit · esc gives up"]
        text = next((t for t in texts if len(t) <= self.size.width), texts[-1])
        self.query_one("#mode-bar", Static).update(text, layout=False)
