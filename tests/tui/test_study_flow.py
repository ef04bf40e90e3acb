"""A participant's study, driven through the pilot as a participant would drive it:
instructions, practice, functions against a clock, breaks, the end; resuming after the app
closed mid-way; and the rest of the lab kept shut."""

import time
from types import SimpleNamespace

import pytest
from textual.command import CommandList, CommandPalette

import find_lab.store as store_module
from find_lab.experiment import Experiment
from find_lab.store import Store
from find_lab.study import plan as study_plan
from find_lab.study import progress
from find_lab.suite import Suite
from find_lab.tui.app import LabCommands, make_study_app, run_study
from find_lab.tui.screens.dialogs import ConfirmDialog, ForkDialog
from find_lab.tui.screens.launcher import LauncherScreen
from find_lab.tui.screens.scoreboard import ScoreboardScreen
from find_lab.tui.screens.study import (GAVE_UP, LEFT, TIME_UP, BreakScreen, DoneScreen,
                                        InstructionsScreen, StudyLabScreen)
from tests.tui.pilot import begin, submit, until

EXAMPLE = "20261128-120004-example-scientist-numeric-f0028"
PLAN = '''\
name = "{name}"
seed = 0
instructions = """
Probe each hidden function and explain it.
"""
reveal = "{reveal}"
agents = ["scientist"]

[functions]
ids = ["numeric/f0006", "numeric/f0003"]
{practice}

[budget]
calls = 25
points = 400
minutes = {minutes}

[participants]
roster = ["p01", "p02"]
order = "counterbalanced"
break_seconds = {rest}
'''


def write_plan(home, name="pilot", *, practice="numeric/f0013", minutes=10, rest=0.3,
               reveal="never"):
    path = study_plan.folder(home, name) / "plan.toml"
    path.parent.mkdir(parents=True)
    path.write_text(PLAN.format(name=name, reveal=reveal, minutes=minutes, rest=rest,
                                practice=f'practice = "{practice}"' if practice else ""))
    return study_plan.load(home, name, Suite())


@pytest.fixture
def clock(monkeypatch):
    """The sessions' clock, moved by hand: a function's time limit runs out when told."""
    now = SimpleNamespace(t=0.0)
    monkeypatch.setattr(Experiment, "now", lambda self: now.t)
    return now


def tags(home, plan, participant):
    return [doc for doc in progress.sessions(Store(home), plan)
            if doc["study"].get("participant") == participant]


async def test_a_participant_goes_from_the_instructions_to_the_end(home, clock):
    plan = write_plan(home)
    order = plan.order("p01")
    app = make_study_app(home, None, "pilot", "p01")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, InstructionsScreen)
        assert "Probe each hidden function" in str(app.screen.query_one("#instructions-text").render())
        practice = await begin(pilot, app)
        assert practice.launch.function_id == plan.practice and practice.step.practice
        assert "no time limit" in str(practice.query_one("#study-clock").render())
        await pilot.press(*"1, 2", "enter")
        await until(pilot, lambda: len(practice.state.probes) == 2)
        await pilot.press("escape")                              # giving up asks first
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, BreakScreen))
        await pilot.press("enter")                               # the break is not over yet
        assert isinstance(app.screen, BreakScreen)

        first = await begin(pilot, app)
        assert (first.step.position, first.launch.function_id) == (1, order[0])
        assert "10:00 left" in str(first.query_one("#study-clock").render())
        await pilot.press(*"-100:100:10", "enter")
        await until(pilot, lambda: len(first.state.probes) == 21)
        clock.t = 61.0
        await until(pilot, lambda: "8:59 left" in str(first.query_one("#study-clock").render()))
        code = "return -0.2 * x" if order[0] == "numeric/f0006" else "return x"
        await submit(pilot, app, first, code)
        await until(pilot, lambda: first.state.ended)
        assert first.query_one("#hidden").masked                 # reveal = "never"
        assert not [e for e in first.events if e["kind"] == "reveal"]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, BreakScreen))

        second = await begin(pilot, app)
        assert (second.step.position, second.launch.function_id) == (2, order[1])
        await pilot.press(*"3", "enter")
        await until(pilot, lambda: len(second.state.probes) == 1)
        clock.t = 10 * 60 + 1                                    # left to run out of time
        await until(pilot, lambda: second.state.ended)
        assert second.state.status == "abandoned" and second.state.reason == TIME_UP
        assert "ended" in str(second.query_one("#study-clock").render())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DoneScreen))
        await pilot.press("enter")
    sessions = tags(home, plan, "p01")
    assert [doc["study"]["position"] for doc in sessions] == [0, 1, 2]
    assert [doc["study"]["practice"] for doc in sessions] == [True, False, False]
    assert [doc["function_id"] for doc in sessions] == [plan.practice, *order]
    assert all(doc["study"] == plan.tag(participant="p01", position=doc["study"]["position"],
                                        practice=doc["study"]["practice"]) for doc in sessions)
    assert [doc["status"] for doc in sessions] == ["abandoned", "submitted", "abandoned"]
    assert all(doc["actor_kind"] == "human" and doc["actor_name"] == "p01" for doc in sessions)
    assert Store(home).events(sessions[0]["id"])[-1]["reason"] == GAVE_UP
    assert progress.next_position(Store(home), plan, "p01") is None


async def test_the_clock_ends_a_function_with_nothing_submitted(home):
    """The real clock, a tiny limit; a participant with no name in the settings is never
    asked one: their study id is the name recorded."""
    (home.parent / "settings.json").unlink()
    plan = write_plan(home, practice=None, minutes=0.01, rest=0)
    app = make_study_app(home, None, "pilot", "p02")
    async with app.run_test(size=(80, 24)) as pilot:
        lab = await begin(pilot, app)
        await until(pilot, lambda: lab.state.ended, seconds=10)
        assert lab.state.status == "abandoned" and lab.state.reason == TIME_UP
        assert lab.state.submission is None
    doc = tags(home, plan, "p02")[0]
    assert doc["status"] == "abandoned" and doc["actor_name"] == "p02"
    assert not (home.parent / "settings.json").exists()


async def test_a_study_closed_mid_way_resumes_at_the_function_it_stopped(home, clock):
    plan = write_plan(home, rest=0)
    order = plan.order("p02")
    app = make_study_app(home, None, "pilot", "p02")
    async with app.run_test(size=(120, 40)) as pilot:
        practice = await begin(pilot, app)
        await submit(pilot, app, practice, "return x")
        await until(pilot, lambda: practice.state.ended)
        assert not practice.query_one("#hidden").masked         # the practice plays as play does
        await pilot.press("enter")
        first = await begin(pilot, app)
        await pilot.press(*"-5:5:1", "enter")
        await until(pilot, lambda: len(first.state.probes) == 11)
        clock.t = 100.0
        await pilot.pause(0.3)
    # the app is gone, as after a crash or a closed laptop: the function was cut short
    stopped = tags(home, plan, "p02")[-1]
    assert stopped["status"] == "interrupted" and stopped["study"]["position"] == 1
    assert progress.next_position(Store(home), plan, "p02") == 1

    clock.t = 0.0
    app = make_study_app(home, None, "pilot", "p02")
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Welcome back" in str(app.screen.query_one("#study-next").render())
        again = await begin(pilot, app)
        assert (again.step.position, again.launch.function_id) == (1, order[0])
        assert again.launch.forked_from["session_id"] == stopped["id"]
        assert len(again.state.probes) == 11 and again.state.calls_used == 1  # carried
        assert again.seconds_left() == pytest.approx(plan.minutes * 60 - 100)
        assert "8:20 left" in str(again.query_one("#study-clock").render())
    assert tags(home, plan, "p02")[-1]["study"]["position"] == 1


async def test_the_rest_of_the_lab_is_shut_during_a_study(home):
    plan = write_plan(home, practice=None, rest=0)
    app = make_study_app(home, None, "pilot", "p01")
    async with app.run_test(size=(120, 40)) as pilot:
        lab = await begin(pilot, app)
        stack, told, notify = list(app.screen_stack), [], app.notify
        app.notify = lambda message, **options: (told.append(message), notify(message, **options))

        async def refused() -> bool:
            """Said so in a notification, and nothing opened."""
            await pilot.pause()
            said = bool(told) and told.pop().startswith("not during the study")
            return said and not told and app.screen_stack == stack

        app.action_scoreboard()
        assert await refused()
        app.action_sessions()
        assert await refused()
        app.open_replay(EXAMPLE)
        assert await refused()
        app.resume_session(EXAMPLE)
        assert await refused()
        app.open_lab("play", "numeric/f0001")
        assert await refused()
        app.push_screen(LauncherScreen())
        assert await refused()
        app.push_screen(ScoreboardScreen(app.store))
        assert await refused()
        await pilot.press("ctrl+b", "f6", "f3")                  # the launcher's keys do nothing
        assert app.screen_stack == stack
        # the palette: no finders of functions or sessions, no scoreboard or sessions commands
        assert LabCommands not in app.COMMANDS
        titles = {command.title for command in app.get_system_commands(lab)}
        assert "Submit" in titles and not {"Scoreboard", "Sessions", "Claude model"} & titles
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        for query in ("replay", "play numeric", "scoreboard"):
            await pilot.press(*query)
            await pilot.pause(0.5)
            found = app.screen.query_one(CommandList)
            shown = " ".join(str(found.get_option_at_index(i).prompt)
                             for i in range(found.option_count))
            assert not any(word in shown for word in ("replay", "play ", "Scoreboard", "/f0")), shown
            for _ in query:
                await pilot.press("backspace")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is lab)
        # fork and export
        assert not lab.check_action("fork", ()) and not lab.check_action("export", ())
        await lab.run_action("fork")
        app.push_screen(ForkDialog(["scientist"]))
        assert await refused()
        # the hidden function: f2, h, its actions
        assert not lab.check_action("reveal", ()) and not lab.check_action("toggle_hidden", ())
        await pilot.press("f2")
        lab.action_reveal()
        lab.action_toggle_hidden()
        assert lab.query_one("#hidden").masked
        assert not [e for e in lab.experiment.events if e["kind"] == "reveal"]
        # ctrl+q leaves the study: the function stops, to resume there
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: lab.experiment.ended)
    assert lab.experiment.status == "interrupted"
    assert Store(home).events(lab.experiment.session_id)[-1]["reason"] == LEFT
    assert progress.next_position(Store(home), plan, "p01") == 1


async def test_a_plan_may_show_the_hidden_function_after_submitting(home):
    write_plan(home, practice=None, rest=0, reveal="after-submit")
    app = make_study_app(home, None, "pilot", "p01")
    async with app.run_test(size=(120, 40)) as pilot:
        lab = await begin(pilot, app)
        await pilot.press("f2")
        assert lab.query_one("#hidden").masked                   # not before submitting
        await pilot.press(*"1, 2, 3", "enter")
        await until(pilot, lambda: lab.state.probes)
        await submit(pilot, app, lab, "return x")
        await until(pilot, lambda: lab.state.ended)
        assert not lab.query_one("#hidden").masked


# --- snapshots: the function screen with its clock ---------------------------------------------
class FixedTime:
    """The store's clock for fresh session ids, stopped: the same id in every run."""

    def __getattr__(self, name):
        return getattr(time, name)

    def gmtime(self, seconds=None):
        return time.gmtime(1764547200)


async def into_a_function(pilot):
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, StudyLabScreen)
                and pilot.app.screen.experiment is not None)
    await pilot.press(*"-100:100:10", "enter")
    await until(pilot, lambda: len(pilot.app.screen.state.probes) == 21)
    pilot.app.screen.query_one("#command").cursor_blink = False  # the same frame every run
    await pilot.pause(0.5)  # the session's worker runs on until the function ends: not awaited


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_function_screen_with_its_clock(snap_compare, home, clock, monkeypatch, size):
    monkeypatch.setattr(store_module, "time", FixedTime())
    monkeypatch.setattr(store_module.secrets, "token_hex", lambda n: "5e55a0"[:2 * n])
    write_plan(home, practice=None, rest=0)
    app = make_study_app(home, None, "pilot", "p01")
    assert snap_compare(app, run_before=into_a_function, terminal_size=size)


def test_a_study_that_cannot_start_says_why_in_one_line(home, capsys):
    write_plan(home)
    assert run_study(home, None, "pilot", "p99") == 2        # not on the roster
    assert run_study(home, None, "nosuch", "p01") == 2       # no such study
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and "p99" in lines[0] and "nosuch" in lines[1]
    assert not tags(home, study_plan.load(home, "pilot", Suite()), "p99")
