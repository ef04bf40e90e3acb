"""Snapshots of every screen at 120x40 and of the lab at 100x30 (pytest-textual-snapshot).

Replays of the shipped examples make the lab deterministic: no clocks, no random ids.
"""

from pathlib import Path

from textual.app import App

from find_lab import targets
from find_lab.experiment import Experiment
from find_lab.suite import Suite
from find_lab.tui.app import make_app
from find_lab.tui.screens.dialogs import ForkDialog, NameDialog, SubmitDialog
from find_lab.tui.screens.lab import Launch

STEERED = "20261128-120004-example-scientist-numeric-f0028"
STRINGS = "20261128-120001-example-scientist-strings-f0000"


async def to_the_end(pilot):
    await pilot.press("end")
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()  # the probes pane's predictions, worked out
    await pilot.pause()


def test_launcher(snap_compare, home):
    assert snap_compare(make_app(home=home), terminal_size=(120, 40))


def test_help(snap_compare, home):
    assert snap_compare(make_app(home=home), press=["f1"], terminal_size=(120, 40))


def test_lab_replaying_a_numeric_session(snap_compare, home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=(120, 40))


def test_lab_at_100x30(snap_compare, home):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=(100, 30))


def test_lab_replaying_a_strings_session(snap_compare, home):
    app = make_app(Launch("replay", session_id=STRINGS), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=(120, 40))


class SubmitHarness(App):
    CSS_PATH = str(Path(__file__).resolve().parents[2] / "find_lab" / "tui" / "lab.tcss")

    def on_mount(self) -> None:
        target = targets.from_spec(Suite().get("numeric/f0006"))
        self.push_screen(SubmitDialog(Experiment(target, actor_kind="human")))


def test_submit_dialog(snap_compare):
    assert snap_compare(SubmitHarness(), press=[*"a falling line"], terminal_size=(120, 40))


class DialogHarness(App):
    CSS_PATH = SubmitHarness.CSS_PATH

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog

    def on_mount(self) -> None:
        self.push_screen(self.dialog)


def test_name_dialog(snap_compare):
    assert snap_compare(DialogHarness(NameDialog()), press=[*"Ada"], terminal_size=(120, 40))


def test_fork_dialog(snap_compare):
    dialog = ForkDialog(["scientist", "random", "interpolate", "human"])
    assert snap_compare(DialogHarness(dialog), press=["down"], terminal_size=(120, 40))
