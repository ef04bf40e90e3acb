"""Every flow of the lab, driven through Textual's pilot as a person would drive it."""

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from find_lab import scoring
from find_lab.labstate import LabState
from find_lab.store import Store
from find_lab.suite import Suite
from find_lab.tui.app import make_app
from find_lab.tui.components.probes import ProbesPane
from find_lab.tui.components.status import StatusLine
from find_lab.tui.components.transcript import TranscriptPane
from find_lab.tui.screens.dialogs import ConfirmDialog, ForkDialog, SubmitDialog
from find_lab.tui.screens.lab import LabScreen, Launch
from find_lab.tui.screens.launcher import LauncherScreen
from tests.tui.pilot import until

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions" / "logs"
STEERED = "20261128-120004-example-scientist-numeric-f0028"



def transcript_text(screen) -> str:
    return "\n".join(strip.text for strip in screen.query_one(TranscriptPane).lines)


def kinds(screen, kind, actor=None) -> list[dict]:
    return [e for e in screen.events if e["kind"] == kind and actor in (None, e["actor"])]


async def test_watching_the_scientist_ends_in_a_scored_saved_session(home):
    app = make_app(Launch("watch", "numeric/f0003", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        assert isinstance(lab, LabScreen)
        await until(pilot, lambda: lab.state.ended)
        assert lab.state.status == "submitted" and lab.state.score["success"]
        assert "SUCCESS" in transcript_text(lab)
        assert "submitted" in str(lab.query_one(StatusLine).render())
        assert not lab.query_one("#hidden").masked
        bar = str(lab.query_one("#mode-bar").render())
        assert "ended (submitted)" in bar and "pause" not in bar and "steer" not in bar
        for action in ("toggle_pause", "steer", "take_over", "abandon", "submit"):
            assert not lab.check_action(action, ())  # nor are their keys offered below
        saved = Store(home).get(lab.state.session_id)
        assert saved["status"] == "submitted" and saved["actor_kind"] == "scientist"


async def test_a_person_plays_a_numeric_function_to_a_score_with_the_keyboard(home):
    app = make_app(Launch("play", "numeric/f0006", "human"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        assert lab.query_one("#hidden").masked and lab.query_one("#command", Input).has_focus
        await pilot.press(*"-100:100:10", "enter")
        await until(pilot, lambda: len(lab.state.probes) == 21)
        await pilot.press(*"oops", "enter")                      # a malformed probe
        await pilot.pause(0.1)
        assert len(kinds(lab, "probe")) == 1 and lab.query_one("#command", Input).value == "oops"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SubmitDialog))
        await pilot.press(*"a falling line", "enter", "enter")   # description, no odd interval
        assert app.screen.query_one(TextArea).has_focus
        await pilot.press("down", "down", "down", "down", "end", "shift+home", *"    return -0.2 * x")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "NMSE" in str(app.screen.query_one("#trial").render()))
        assert not kinds(lab, "hypothesis", "human")             # a test run records nothing
        await pilot.press("ctrl+o")                              # recording it is a choice
        await until(pilot, lambda: kinds(lab, "hypothesis", "human"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: lab.state.score is not None)
        assert lab.state.score["success"] and lab.state.submission["actor"] == "human"
        assert "return -0.2 * x" in lab.state.submission["code"]
        assert not lab.query_one("#hidden").masked               # revealed after submitting
        assert Store(home).get(lab.state.session_id)["actor_name"] == "Ada"


async def test_a_new_player_is_asked_their_name_once(home):
    (home.parent / "settings.json").unlink()
    app = make_app(Launch("play", "strings/f0003", "human"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        await pilot.press(*"Grace", "enter")
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        await pilot.press(*'"Hello World", "abc 123"', "enter")
        await until(pilot, lambda: len(lab.state.probes) == 2)
        table = lab.query_one("#probes-table", DataTable)
        assert table.row_count == 2
    assert json.loads((home.parent / "settings.json").read_text())["name"] == "Grace"


async def test_take_over_probe_and_hand_back(home, scientist_cue):
    app = make_app(Launch("watch", "numeric/f0028", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        await pilot.press("ctrl+t")
        await until(pilot, lambda: lab.state.driver == "human")
        scientist_cue.set()
        assert lab.query_one("#command", Input).has_focus
        await pilot.press(*"-50, -49, -48", "enter")
        await until(pilot, lambda: kinds(lab, "probe", "human"))
        await pilot.press("ctrl+t")
        await until(pilot, lambda: lab.state.ended)
        assert [e["kind"] for e in lab.events if e["kind"] in ("takeover", "handback")] == \
            ["takeover", "handback"]
        assert kinds(lab, "handback")[0]["probes"] == 3
        told = [e["text"] for e in kinds(lab, "message", "agent") if "took over" in e["text"]]
        assert told and "f(-50.0)" in told[0]


async def test_pause_steer_and_resume(home, scientist_cue):
    app = make_app(Launch("watch", "strings/f0001", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        await pilot.press("space")
        await until(pilot, lambda: lab.state.status == "paused")
        scientist_cue.set()
        await pilot.press("s", *'try "Zebra 99"', "enter")
        await until(pilot, lambda: kinds(lab, "steer"))
        assert not lab.query_one("#command-bar").display
        await pilot.press("space")
        await until(pilot, lambda: lab.state.ended)
        assert kinds(lab, "steer")[0]["text"] == 'try "Zebra 99"'
        assert any("Zebra 99" in x for e in kinds(lab, "probe") for x in e["inputs"])
        assert "steer" in [e["kind"] for e in Store(home).events(lab.state.session_id)]


async def test_replay_steps_jumps_and_plays(home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        total = len(lab.events)
        assert lab.cursor == 0 and lab.state.status == "running"
        await pilot.press("right", "right", "right")
        assert lab.cursor == 3 and lab.state.seq == 3
        await pilot.press("left")
        assert lab.cursor == 2 and lab.state.seq == 2
        await pilot.press("end")
        assert lab.cursor == total - 1 and lab.state.status == "submitted"
        assert lab.state.takeovers == 1 and lab.state.steers == 1
        recorded = next(e for e in lab.events if e["kind"] == "score")
        assert lab.state.score == recorded
        await pilot.press("home")
        assert lab.cursor == 0 and not lab.state.probes
        await pilot.press("plus", "plus", "p")
        await until(pilot, lambda: lab.cursor >= 5)
        await pilot.press("p")
        stopped = lab.cursor
        await pilot.pause(0.3)
        assert lab.cursor == stopped


async def test_fork_continues_from_the_replayed_point_with_its_probes(home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        replay = app.screen
        first_probe = next(i for i, e in enumerate(replay.events) if e["kind"] == "probe")
        for _ in range(first_probe):
            await pilot.press("right")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ForkDialog))
        await pilot.press("enter")                               # the first actor: scientist
        await until(pilot, lambda: isinstance(app.screen, LabScreen) and app.screen is not replay)
        fork = app.screen
        await until(pilot, lambda: fork.state.ended)
        start = fork.events[0]
        assert start["forked_from"] == {"session_id": STEERED, "seq": first_probe}
        carried = [e for e in fork.events if e.get("carried")]
        assert len(carried) == 1 and carried[0]["inputs"] == replay.events[first_probe]["inputs"]
        assert fork.state.probes[0].carried and fork.state.status == "submitted"


async def test_a_session_watched_live_and_replayed_ends_on_the_same_screen(home):
    def panes(lab) -> tuple:
        probes, hidden = lab.query_one(ProbesPane).query_one("#probes-plot"), lab.query_one("#hidden")
        return (transcript_text(lab), str(lab.query_one(StatusLine).render()),
                probes.text(), hidden.masked, hidden.source, hidden.description)

    app = make_app(Launch("watch", "numeric/f0013", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        live = app.screen
        await until(pilot, lambda: live.state.ended)
        await pilot.pause(0.2)
        watched = panes(live)
        session_id = live.state.session_id
    app = make_app(Launch("replay", session_id=session_id), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        replay = app.screen
        await pilot.press("end")
        await pilot.pause(0.2)
        assert panes(replay) == watched


async def test_the_launcher_filters_opens_the_lab_and_replays_a_session(home, scientist_cue):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        assert isinstance(launcher, LauncherScreen)
        functions = launcher.query_one("#functions", DataTable)
        assert functions.row_count == len(Suite().ids())
        await pilot.press("slash", *"strings composed")
        assert 0 < functions.row_count < 1000
        await pilot.press("enter", "f2")
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        assert app.screen.launch.function_id.startswith("strings/")
        await pilot.press("escape")                              # still running: leaving asks
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: app.screen is launcher)
        sessions = launcher.query_one("#sessions", DataTable)
        assert sessions.row_count == 6                           # 5 examples and the abandoned one
        sessions.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        assert app.screen.launch.mode == "replay"
        await pilot.press("ctrl+b")                              # keys of the lab do not leak
        await pilot.press("escape", "ctrl+b")
        await until(pilot, lambda: type(app.screen).__name__ == "ScoreboardScreen")


def test_the_shipped_examples_replay_to_their_recorded_scores():
    suite = Suite()
    logs = sorted(EXAMPLES.glob("*.jsonl"))
    assert len(logs) >= 5
    for log in logs:
        events = [json.loads(line) for line in log.read_text().splitlines()]
        state = LabState.from_events(events)
        spec = suite.get(state.function_id)
        again = scoring.score(spec, state.submission["code"], state.submission["description"])
        assert again.success == state.score["success"], log.name
        assert again.value == pytest.approx(state.score["value"], rel=1e-6, abs=1e-12), log.name
    kinds_seen = {e["kind"] for log in logs for e in map(json.loads, log.read_text().splitlines())}
    assert {"steer", "takeover", "handback", "hypothesis"} <= kinds_seen


async def test_abandon_ends_the_session_and_the_palette_lists_the_lab_actions(home, scientist_cue):
    app = make_app(Launch("watch", "numeric/f0013", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        titles = [command.title for command in app.get_system_commands(lab)]
        assert {"Help", "Scoreboard", "Take over/hand back", "Steer", "Abandon"} <= set(titles)
        assert "Submit" not in titles                            # not while the agent drives
        await pilot.press("space", "a")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: lab.state.ended)
        assert lab.state.status == "abandoned"
    assert Store(home).get(lab.state.session_id)["status"] == "abandoned"
