"""The launcher through the pilot: typing searches (no letter fires an action), its actions on
keys that type nothing, resuming an interrupted session, and nothing that matters cut at
80x24, 100x30 and 120x40."""

import pytest
from textual.widgets import DataTable, Input

from find_lab.suite import Suite
from find_lab.tui.app import make_app
from find_lab.tui.screens.lab import LabScreen
from find_lab.tui.screens.launcher import LauncherScreen
from tests.tui.pilot import until

STEERED = "20261128-120004-example-scientist-numeric-f0028"
INTERRUPTED = "20261128-130000-interrupted"



@pytest.fixture
def interrupted(home):
    """An interrupted session: the first events of a saved one, with no end."""
    source = (home / "logs" / f"{STEERED}.jsonl").read_text().splitlines()[:12]
    (home / "logs" / f"{INTERRUPTED}.jsonl").write_text(
        "\n".join(source).replace(STEERED, INTERRUPTED) + "\n")
    return INTERRUPTED


def session_row(launcher: LauncherScreen, session_id: str) -> int:
    table = launcher.query_one("#sessions", DataTable)
    return table.get_row_index(session_id)


async def test_typing_in_a_table_searches_and_fires_nothing(home):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        functions = launcher.query_one("#functions", DataTable)
        assert functions.has_focus
        await pilot.press(*"strings composed")  # s, t, r, p, b... were all keys once
        assert app.screen is launcher
        assert launcher.query_one("#filter", Input).value == "strings composed"
        assert 0 < functions.row_count < 1000
        assert all(functions.get_row_at(i)[0].startswith("strings/") for i in range(3))
        await pilot.press("enter")                          # back to the list
        assert functions.has_focus
        await pilot.press("w", "p")                         # still typing, not watching
        assert app.screen is launcher
        assert launcher.query_one("#filter", Input).value == "strings composedwp"
        await pilot.press("escape")                         # clears the search
        assert launcher.query_one("#filter", Input).value == "" and functions.row_count == len(Suite().ids())
        launcher.query_one("#sessions", DataTable).focus()
        await pilot.press(*"rb")                            # from the sessions too
        assert app.screen is launcher and launcher.query_one("#filter", Input).value == "rb"


async def test_slash_jumps_to_the_search_without_typing_itself(home):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        await pilot.press("slash", *"numeric/f00")
        assert launcher.query_one("#filter", Input).value == "numeric/f00"
        await pilot.press("down")                           # from the search into the list
        assert launcher.query_one("#functions", DataTable).has_focus


@pytest.mark.parametrize("key, mode, actor", [("f2", "watch", "scientist"),
                                              ("f3", "play", "human")])
async def test_function_keys_watch_or_play_the_chosen_function(home, key, mode, actor):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"strings/f0003", "enter", key)
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        launch = app.screen.launch
        assert (launch.mode, launch.function_id, launch.actor) == (mode, "strings/f0003", actor)


async def test_enter_replays_a_session_and_ctrl_b_opens_the_scoreboard(home):
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        launcher.query_one("#sessions", DataTable).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LabScreen))
        assert app.screen.launch.mode == "replay"
        app.pop_screen()
        await until(pilot, lambda: app.screen is launcher)
        await pilot.press("ctrl+b")
        await until(pilot, lambda: type(app.screen).__name__ == "ScoreboardScreen")


async def test_f4_resumes_an_interrupted_session_and_only_that(home, interrupted, monkeypatch):
    app = make_app(home=home)
    resumed = []
    # the app's own resuming is tested with the lab; here, only that the launcher asks for it
    monkeypatch.setattr(type(app), "resume_session", lambda self, sid: resumed.append(sid),
                        raising=False)
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        sessions = launcher.query_one("#sessions", DataTable)
        sessions.focus()
        sessions.move_cursor(row=session_row(launcher, STEERED))
        await pilot.pause()
        assert not launcher.check_action("resume", ())      # it ended: replay or fork it
        await pilot.press("f4")
        assert resumed == []
        sessions.move_cursor(row=session_row(launcher, interrupted))
        await pilot.pause()
        assert sessions.get_row(interrupted)[2] == "interrupted"
        assert launcher.check_action("resume", ())
        assert app.active_bindings["f4"].binding.action == "resume"
        await pilot.press("f4")
        assert resumed == [interrupted]
        launcher.query_one("#functions", DataTable).focus()
        await pilot.pause()
        assert not launcher.check_action("resume", ())      # f4 acts on the sessions only


SIZES = pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)],
                                ids=["80x24", "100x30", "120x40"])


@SIZES
async def test_nothing_that_matters_is_cut(home, interrupted, size):
    app = make_app(home=home)
    async with app.run_test(size=size) as pilot:
        launcher = app.screen
        await pilot.pause()
        screen_width = size[0]
        for widget in launcher.query("#launch-bar > *"):       # search, actor and mode
            assert widget.region.right <= screen_width and widget.region.width >= 4
        assert launcher.query_one("#mode").region.width >= len("play") + 6
        sessions = launcher.query_one("#sessions", DataTable)
        visible = sessions.scrollable_content_region.width
        ids = [sessions.get_row_at(i)[0] for i in range(sessions.row_count)]
        columns = list(sessions.columns.values())
        assert str(columns[0].label) == "session"
        id_width = columns[0].get_render_width(sessions)
        assert id_width >= max(map(len, ids)) + 2 and id_width <= visible
        # the function and the result beside it are in view too
        assert sum(c.get_render_width(sessions) for c in columns[:3]) <= visible
        functions = launcher.query_one("#functions", DataTable)
        assert sum(c.get_render_width(functions) for c in functions.columns.values()) <= \
            functions.scrollable_content_region.width
        assert launcher.query_one("#board").display == (screen_width >= 100)


@SIZES
def test_snapshot(snap_compare, home, size):
    assert snap_compare(make_app(home=home), terminal_size=size)
