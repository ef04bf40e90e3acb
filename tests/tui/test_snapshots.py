"""Snapshots of the lab at 80x24, 100x30 and 120x40, and of its small dialogs
(pytest-textual-snapshot); the launcher, the submission, the confirmation, the probes pane,
the scoreboard and the session browser have theirs beside their own tests.

Replays of the shipped examples make the lab deterministic: no clocks, no random ids.
"""

from pathlib import Path

import pytest
from textual.app import App

from find_lab.tui.app import make_app
from find_lab.tui.screens.dialogs import ForkDialog, NameDialog
from find_lab.tui.screens.lab import Launch

STEERED = "20261128-120004-example-scientist-numeric-f0028"
STRINGS = "20261128-120001-example-scientist-strings-f0000"
NEURONS = "20261128-120002-example-scientist-neurons-f0002"
SIZES = [(80, 24), (100, 30), (120, 40)]


async def to_the_end(pilot):
    await pilot.press("end")
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()  # the probes pane's predictions, worked out
    await pilot.pause()


def test_help(snap_compare, home):
    assert snap_compare(make_app(home=home), press=["f1"], terminal_size=(120, 40))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_lab_replaying_a_numeric_session(snap_compare, home, size):
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_lab_replaying_a_strings_session(snap_compare, home, size):
    app = make_app(Launch("replay", session_id=STRINGS), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_lab_replaying_a_neurons_session(snap_compare, home, size):
    app = make_app(Launch("replay", session_id=NEURONS), home=home)
    assert snap_compare(app, run_before=to_the_end, terminal_size=size)


async def mid_way(pilot):
    for _ in range(12):
        await pilot.press("right")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_lab_replay_mid_way_at_80x24(snap_compare, home):
    """Mid-way: the status says where the replay is and how the session ended."""
    app = make_app(Launch("replay", session_id=STEERED), home=home)
    assert snap_compare(app, run_before=mid_way, terminal_size=(80, 24))


class DialogHarness(App):
    CSS_PATH = str(Path(__file__).resolve().parents[2] / "find_lab" / "tui" / "lab.tcss")

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
