"""What the lab screen says and offers in each mode: hints that hold, forks that keep the
replay's place, Claude offered honestly."""

import pytest

from find_lab.tui.app import make_app
from find_lab.tui.components.status import StatusLine
from find_lab.tui.components.transcript import TranscriptPane
from find_lab.tui.screens.dialogs import ForkDialog
from find_lab.tui.screens.lab import LabScreen, Launch
from find_lab.tui.screens.models import ModelDialog

from find_lab.tui.screens.dialogs import ConfirmDialog
from tests.tui.pilot import until
from tests.tui.test_lab_flows import STEERED

HUMAN = "20261128-120003-example-human-numeric-f0006"


def status(screen) -> str:
    return str(screen.query_one(StatusLine).render())


def mode_bar(screen) -> str:
    return str(screen.query_one("#mode-bar").render())


async def test_a_replay_mid_way_says_where_it_is_and_how_the_session_ended(home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert "at this event" in status(screen) and "it ended submitted" in status(screen)
        await pilot.press("end")
        assert "at this event" not in status(screen) and "submitted" in status(screen)


async def test_a_replay_of_another_persons_play_calls_them_by_name(home):
    app = make_app(Launch("replay", session_id=HUMAN), home=home)   # Ada views it
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        player = app.screen.events[0]["actor_name"]
        lines = [s.text for s in app.screen.query_one(TranscriptPane).lines]
        assert player != "Ada" and not any(line.startswith("you") for line in lines)
        assert any(line.startswith(player[:10]) for line in lines)
    (home.parent / "settings.json").write_text(f'{{"name": "{player}"}}')
    app = make_app(Launch("replay", session_id=HUMAN), home=home)   # the player views it
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        lines = [s.text for s in app.screen.query_one(TranscriptPane).lines]
        assert any(line.startswith("you probe") for line in lines)


async def test_playing_offers_a_reveal_key_that_does_not_type_into_the_probe_box(home):
    app = make_app(Launch("play", "numeric/f0003"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.experiment is not None)
        assert "f2 reveals" in mode_bar(screen) and "h reveals" not in mode_bar(screen)
        await pilot.press("h")
        assert screen.query_one("#command").value == "h"          # h types
        assert screen.query_one("#hidden").masked
        await pilot.press("f2")
        assert not screen.query_one("#hidden").masked
        assert any(e["kind"] == "reveal" for e in screen.events)   # and the peek is recorded


@pytest.mark.parametrize("served", [False, True])
async def test_the_idle_lab_redraws_only_what_changed(home, monkeypatch, served):
    """What a lab served to many browsers pays for at rest: the probe box's cursor blinks only
    in a terminal, and the status line, asked every second, is redrawn only when it changes."""
    from find_lab.tui.app import FindLab

    monkeypatch.setattr(FindLab, "is_web", served)
    app = make_app(Launch("play", "numeric/f0003"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.experiment is not None)
        assert screen.query_one("#command").cursor_blink is not served
        status, drawn = screen.query_one(StatusLine), []
        monkeypatch.setattr(status, "update", lambda *a, **k: drawn.append(a))
        screen.experiment.pause()                    # the clock stops: nothing changes
        await pilot.pause(0.1)
        drawn.clear()
        for _ in range(3):
            screen._draw_status()
        assert drawn == []
        status.show(screen.state, 12345.0)            # a new time: one redraw
        assert len(drawn) == 1


async def test_forking_to_claude_without_a_key_says_so_and_keeps_the_replay(home, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        replay = app.screen
        for _ in range(5):
            await pilot.press("right")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ForkDialog))
        app.screen.query_one("#actors").highlighted = app.screen.names.index("claude")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is replay)
        assert replay.cursor == 5
        assert any("needs an Anthropic API key" in n.message for n in app._notifications)


async def test_leaving_a_fork_comes_back_to_the_replayed_event(home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        replay = app.screen
        for _ in range(7):
            await pilot.press("right")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ForkDialog))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LabScreen) and app.screen is not replay)
        fork = app.screen
        await until(pilot, lambda: fork.state.ended)
        assert f"at event {replay.cursor + 1}" in "".join(
            s.text for s in fork.query_one(TranscriptPane).lines[:8]).replace("  ", " ")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is replay)
        assert replay.cursor == 7


async def test_the_claude_model_is_chosen_from_the_palette_and_shown_with_its_key(home, monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-test-1234abcd")
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.claude_key_source() == "key …abcd from ANTHROPIC_API_KEY"
        await pilot.pause()
        app.choose_claude_model()
        await until(pilot, lambda: isinstance(app.screen, ModelDialog) and app.screen.query("#models"))
        dialog = app.screen
        current = dialog.models.index(app.claude_model())
        await until(pilot, lambda: dialog.query_one("#models").highlighted == current)
        other = next(m for m in dialog.models if m != app.claude_model())
        dialog.query_one("#models").highlighted = dialog.models.index(other)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ModelDialog))
        assert app.claude_model() == other
        assert "1234abcd" not in "".join(n.message for n in app._notifications)


async def test_an_interrupted_session_resumes_as_a_new_session_marked_so(home):
    source = (home / "logs" / f"{STEERED}.jsonl").read_text().splitlines()
    cut = source[:12]
    probes = sum('"kind": "probe"' in line for line in cut)
    interrupted = "20261128-130000-interrupted"
    (home / "logs" / f"{interrupted}.jsonl").write_text(
        "\n".join(cut).replace(STEERED, interrupted) + "\n")
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.resume_session(interrupted)
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        screen = app.screen
        await until(pilot, lambda: screen.state.ended, seconds=120)
        start = screen.events[0]
        assert start["forked_from"]["session_id"] == interrupted and start["forked_from"]["resumed"]
        assert start["session_id"] != interrupted
        assert sum(bool(e.get("carried")) for e in screen.events) == probes
        header = "".join(s.text for s in screen.query_one(TranscriptPane).lines[:8])
        assert "resumes" in header and "forked" not in header
        assert app.store.get(interrupted)["status"] == "interrupted"   # the old one is kept as it was
        provenance = screen.state.provenance()     # set aside, as a fork is: it carries a takeover
        assert provenance["mixed"] == ["resumed"] and f"resumes {interrupted}" in provenance["label"]


async def test_a_session_that_ended_properly_is_not_resumed(home):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.resume_session(STEERED)
        await pilot.pause()
        assert not isinstance(app.screen, LabScreen)
        assert any("only an interrupted or crashed" in n.message for n in app._notifications)


async def test_keys_that_end_live_work_ask_first(home, scientist_cue):
    app = make_app(Launch("watch", "numeric/f0013", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        await pilot.press("space")
        for key in ("a", "escape", "ctrl+q"):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("n")                                 # no: nothing ends
            await until(pilot, lambda: app.screen is lab)
            assert not lab.state.ended and app.is_running
        await pilot.press("f1", "ctrl+q")                          # the help over the lab
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        assert app.is_running and not lab.state.ended
        app.open_lab("watch", "numeric/f0003")                     # not a second one unseen
        assert not [s for s in app.screen_stack if isinstance(s, LabScreen) and s is not lab]
        await pilot.press("escape")                                # the help closes
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: lab.state.ended and app.screen is not lab)
        assert lab.state.status == "abandoned"


async def test_a_pause_records_nothing_stops_the_clock_and_n_steps_once(home, scientist_cue):
    app = make_app(Launch("watch", "numeric/f0003", "scientist"), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.experiment is not None)
        await pilot.press("space")
        await until(pilot, lambda: lab.state.status == "paused")
        scientist_cue.set()
        await pilot.pause(0.5)
        paused_at, clock = len(lab.events), lab.experiment.active_seconds()
        await pilot.pause(1.2)
        assert len(lab.events) == paused_at                         # nothing recorded
        assert lab.experiment.active_seconds() == pytest.approx(clock, abs=0.05)
        assert "nothing is recorded" in mode_bar(lab) and "n one step" in mode_bar(lab)
        await pilot.press("n")
        await until(pilot, lambda: len(lab.events) == paused_at + 1)
        await pilot.pause(0.5)
        assert len(lab.events) == paused_at + 1 and lab.state.status == "paused"
        await pilot.press("space")
        await until(pilot, lambda: lab.state.ended)
        assert lab.state.status == "submitted"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_panes_keep_readable_widths_at_every_size(home, size):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=size) as pilot:
        await pilot.press("end")
        await pilot.pause()
        lab = app.screen
        transcript = lab.query_one("#transcript").content_region.width
        assert transcript >= 34                                     # not a dozen characters
        assert lab.query_one("#probes").content_region.width >= 34
        assert len(mode_bar(lab).rstrip()) <= size[0]               # no key cut off the end
        assert lab.has_class("-narrow") == (size[0] < 110)


async def test_the_palette_finds_functions_to_watch_and_sessions_to_replay(home):
    from textual.command import CommandPalette

    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"replay 20261128-120004")
        await until(pilot, lambda: app.screen.query("CommandList Option") or
                    app.screen.query_one("CommandList").option_count)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        assert app.screen.launch == Launch("replay", session_id=STEERED)


async def test_x_exports_the_replay_as_far_as_it_is_shown(home):
    from find_lab.tui.screens.exporting import ExportDialog

    app = make_app(Launch("replay", session_id=STEERED), home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        for _ in range(9):
            await pilot.press("right")
        for fmt in ("md", "html", "csv"):
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ExportDialog) and
                        app.screen.query("#formats"))
            app.screen.query_one("#formats").highlighted = ("md", "html", "csv").index(fmt)
            await pilot.press("enter")
            await until(pilot, lambda: (home / "exports" / f"{STEERED}.{fmt}").exists())
        report = (home / "exports" / f"{STEERED}.md").read_text()
        shown = [e for e in lab.events[:10] if e["kind"] == "probe"]
        later = next(e for e in lab.events[10:] if e["kind"] == "submit")
        assert STEERED in report and later["description"] not in report
        rows = (home / "exports" / f"{STEERED}.csv").read_text().strip().splitlines()
        assert len(rows) - 1 == sum(len(e["inputs"]) for e in shown)
        assert "<html" in (home / "exports" / f"{STEERED}.html").read_text().lower()


async def test_an_export_is_sent_on_to_the_browser_when_the_lab_is_served(home, monkeypatch):
    """Served (`find-lab serve`), the lab's file is on the server's disk: it is delivered to the
    browser too, and the notice says so; in a terminal nothing is delivered."""
    from find_lab.tui.app import FindLab, StudyLab
    from find_lab.tui.delivery import deliver
    from find_lab.tui.screens.exporting import ExportDialog

    sent, told = [], []
    monkeypatch.setattr(FindLab, "deliver_binary", lambda self, path, **how: sent.append(
        (path, how)))
    for web in (False, True):
        monkeypatch.setattr(FindLab, "is_web", web)
        app = make_app(Launch("replay", session_id=STEERED), home=home)
        async with app.run_test(size=(120, 40)) as pilot:
            monkeypatch.setattr(app, "notify", lambda message, **_: told.append(message))
            await pilot.press("right", "x")
            await until(pilot, lambda: isinstance(app.screen, ExportDialog) and
                        app.screen.query("#formats"))
            await pilot.press("enter")
            await until(pilot, lambda: len(told) == 1 + web)
    path = home / "exports" / f"{STEERED}.md"
    assert sent == [(path, {"save_filename": path.name})]
    assert told[0].endswith(str(path)) and told[1].endswith(f"{path} and sent to your browser")
    # a participant's study, served, sends nothing on
    participant = StudyLab.__new__(StudyLab)
    monkeypatch.setattr(StudyLab, "is_web", True)
    assert deliver(participant, path) == "" and len(sent) == 1


async def test_f6_opens_every_session_and_enter_replays_one(home):
    from find_lab.tui.screens.sessions import SessionsScreen

    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, SessionsScreen))
        browser = app.screen
        await until(pilot, lambda: browser.query_one("DataTable").row_count == 5)
        browser.query_one("DataTable").focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        assert app.screen.launch.mode == "replay"
