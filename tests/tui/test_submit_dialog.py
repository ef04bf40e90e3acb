"""The submission panel over a person's live session, driven through the pilot: testing code
records nothing and shows where it fails, recording a hypothesis draws it, the draft outlives
the panel, code failing on every probe asks twice, and the panel leaves the probes in view."""

import pytest
from textual.geometry import Region
from textual.widgets import Button, Input, TextArea

from find_lab.experiment import Experiment
from find_lab.tui.app import make_app
from find_lab.tui.screens.dialogs import Draft, SubmitDialog
from find_lab.tui.screens.lab import LabScreen, Launch
from tests.tui.pilot import until

BROKEN = "import numpy as np\n\ndef f(x:\n    return -0.2 * x\n"



def kinds(lab: LabScreen) -> list[str]:
    return [event["kind"] for event in lab.events]


def app_screen(pilot):
    return pilot.app.screen


def trial_text(dialog: SubmitDialog) -> str:
    return str(dialog.query_one("#trial").render())


async def playing(pilot, probes: str = "-100:100:10", count: int = 21) -> LabScreen:
    """A person's session on numeric/f0006 with `probes` probed."""
    lab = pilot.app.screen
    await until(pilot, lambda: lab.experiment is not None)
    await pilot.press(*probes, "enter")
    await until(pilot, lambda: len(lab.state.probes) == count)
    return lab


async def open_dialog(pilot, lab: LabScreen | None = None, draft: Draft | None = None) -> SubmitDialog:
    """The panel as the lab opens it; with `draft`, as the lab keeping a draft per session
    opens it (pushed here, with the lab's own answer handler)."""
    if draft is None:
        await pilot.press("ctrl+s")
    else:
        pilot.app.push_screen(SubmitDialog(lab.experiment, draft), lab._submitted)
    await until(pilot, lambda: isinstance(pilot.app.screen, SubmitDialog))
    await pilot.pause()
    return pilot.app.screen


def write_code(dialog: SubmitDialog, code: str) -> None:
    dialog.query_one("#code", TextArea).text = code


def play_app(home, function_id="numeric/f0006"):
    return make_app(Launch("play", function_id, "human"), home=home)


async def test_testing_broken_code_shows_its_line_and_message_and_records_nothing(home):
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        write_code(dialog, BROKEN)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "does not compile" in trial_text(dialog))
        shown = trial_text(dialog)
        assert "line 3: def f(x:" in shown and "'(' was never closed" in shown
        write_code(dialog, "def f(x):\n    return -0.2 * x\n")
        await pilot.click("#test")
        await until(pilot, lambda: "NMSE" in trial_text(dialog))
        assert "not recorded" in trial_text(dialog)
        assert "hypothesis" not in kinds(lab)


async def test_recording_a_hypothesis_is_an_event_the_plot_draws(home):
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        await pilot.press(*"a falling line")
        write_code(dialog, BROKEN)
        await pilot.press("ctrl+o")                       # code that does not compile: refused
        await until(pilot, lambda: "not recorded" in trial_text(dialog))
        assert "hypothesis" not in kinds(lab)
        write_code(dialog, "def f(x):\n    return -0.2 * x\n")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: "hypothesis" in kinds(lab))
        await until(pilot, lambda: "the plot draws it" in trial_text(dialog))
        event = next(e for e in lab.events if e["kind"] == "hypothesis")
        assert event["actor"] == "human" and event["note"] == "a falling line"
        assert lab.state.hypothesis and isinstance(app_screen(pilot), SubmitDialog)


async def test_the_draft_outlives_the_panel(home):
    draft = Draft()
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot, lab, draft)
        code = dialog.query_one("#code", TextArea)
        assert "return 0.0 * x" in code.text                 # an empty draft: the template
        await pilot.press(*"a falling line", "enter", *"x > 50", "enter")
        write_code(dialog, "def f(x):\n    return -0.2 * x\n")
        await pilot.press("escape")
        await until(pilot, lambda: app_screen(pilot) is lab)
        assert draft == Draft("a falling line", "x > 50", "def f(x):\n    return -0.2 * x\n")
        assert "submit" not in kinds(lab)
        dialog = await open_dialog(pilot, lab, draft)
        assert dialog.query_one("#description", Input).value == "a falling line"
        assert dialog.query_one("#domain", Input).value == "x > 50"
        assert dialog.query_one("#code", TextArea).text == draft.code
        await pilot.press("ctrl+s")
        await until(pilot, lambda: lab.state.score is not None)
        assert lab.state.submission["description"] == "a falling line"
        assert lab.state.submission["domain"] == "x > 50" and lab.state.score["success"]


async def test_enter_indents_after_a_colon(home):
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        write_code(dialog, "")
        dialog.query_one("#code", TextArea).focus()
        await pilot.press(*"def f(x):", "enter", *"if x > 200:", "enter", *"return 0.0", "enter",
                          *"return -0.2 * x")
        assert dialog.query_one("#code", TextArea).text == \
            "def f(x):\n    if x > 200:\n        return 0.0\n    return -0.2 * x"
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "NMSE" in trial_text(dialog))
        assert lab.experiment.observations()


async def test_code_failing_on_every_probe_is_submitted_only_when_asked_twice(home):
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        await pilot.press(*"a falling line")
        write_code(dialog, "def f(x):\n    return undefined_name\n")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "ctrl+s again" in trial_text(dialog))
        assert "fails on every one of your 21 probes" in trial_text(dialog)
        assert "line 2:" in trial_text(dialog) and "NameError" in trial_text(dialog)
        assert app_screen(pilot) is dialog and "submit" not in kinds(lab)
        await pilot.click("#send")                           # the second time: submitted
        await until(pilot, lambda: lab.state.score is not None)
        assert not lab.state.score["success"] and "hypothesis" not in kinds(lab)


async def test_code_that_runs_is_submitted_at_once(home):
    async with play_app(home).run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        await pilot.press(*"a falling line")
        write_code(dialog, "def f(x):\n    return -0.2 * x\n")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: lab.state.score is not None)
        assert lab.state.score["success"] and kinds(lab).count("submit") == 1


async def test_the_wording_is_the_domains(home):
    async with play_app(home, "strings/f0003").run_test(size=(120, 40)) as pilot:
        lab = await playing(pilot, '"Hello World", "abc 123"', 2)
        dialog = await open_dialog(pilot)
        description = dialog.query_one("#description", Input).placeholder
        assert "string" in description and "parabola" not in description
        assert "x: str" in dialog.query_one("#code", TextArea).text
        assert "strings → strings" in dialog.query_one("#code", TextArea).border_subtitle
        assert lab.experiment.target.domain == "strings"


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_panel_leaves_the_probes_in_view_and_shows_its_buttons(home, size):
    async with play_app(home).run_test(size=size) as pilot:
        lab = await playing(pilot)
        dialog = await open_dialog(pilot)
        probes = lab.query_one("#probes").region
        panel = dialog.query_one("#submit-dialog").region
        assert not panel.overlaps(probes) and panel.right == probes.x
        code = dialog.query_one("#code", TextArea)
        assert code.content_region.height >= 8                # lines of code in view
        screen = Region(0, 0, *size)
        for button in dialog.query(Button):
            assert panel.contains_region(button.region) and screen.contains_region(button.region)
            assert button.region.width >= len(str(button.label))


# --- snapshots: the panel over a session, clock stopped -----------------------------------------
@pytest.fixture
def stopped_clock(monkeypatch):
    """The lab's status line reads 0:00 whenever the snapshot is taken."""
    monkeypatch.setattr(Experiment, "active_seconds", lambda self: 0.0)


async def broken_code_tested(pilot):
    lab = await playing(pilot)
    dialog = await open_dialog(pilot)
    await pilot.press(*"a falling line")
    write_code(dialog, BROKEN)
    await pilot.press("ctrl+r")
    await until(pilot, lambda: "does not compile" in trial_text(dialog))
    assert lab.state.probes


def snapshot(snap_compare, home, size):
    return snap_compare(play_app(home), run_before=broken_code_tested, terminal_size=size)


def test_snapshot_at_80x24(snap_compare, home, stopped_clock):
    assert snapshot(snap_compare, home, (80, 24))


def test_snapshot_at_120x40(snap_compare, home, stopped_clock):
    assert snapshot(snap_compare, home, (120, 40))
