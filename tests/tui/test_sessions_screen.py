"""The session browser, driven through the pilot: filter, sort, search, replay, compare, the
per-function table, and how it looks at 80x24 and 120x40.

The store holds the shipped examples and one more session on the example scientist's
function, played by Ada (written here, with fixed times), so two sessions share a function.
"""

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from find_lab.labstate import LabState
from find_lab.tui.app import make_app
from find_lab.tui.screens.compare import CompareScreen
from find_lab.tui.screens.lab import LabScreen
from find_lab.tui.screens.scoreboard import duration
from find_lab.tui.screens.sessions import SessionsScreen

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions" / "logs"
SCIENTIST = "20261128-120000-example-scientist-numeric-f0003"
STRINGS = "20261128-120001-example-scientist-strings-f0000"
NEURONS = "20261128-120002-example-scientist-neurons-f0002"
PLAYER = "20261128-120003-example-human-numeric-f0006"
STEERED = "20261128-120004-example-scientist-numeric-f0028"
PLAYED = "20261128-130000-ada-numeric-f0003"
NEWEST_FIRST = [PLAYED, STEERED, PLAYER, NEURONS, STRINGS, SCIENTIST]


def own_time(session_id: str) -> str:
    """A shipped example's time as its own events give it (its last `t`, pauses left out)."""
    lines = (EXAMPLES / f"{session_id}.jsonl").read_text().splitlines()
    return duration(LabState.from_events([json.loads(line) for line in lines]).active_seconds())


def played_events() -> list[dict]:
    """Ada on numeric/f0003: two probes from the scientist's own answers, a step, a miss."""
    scientist = [json.loads(line) for line in (EXAMPLES / f"{SCIENTIST}.jsonl").read_text().splitlines()]
    probes = [e for e in scientist if e["kind"] == "probe"]
    sweep, zoom = probes[0], probes[4]

    def every(probe, step):
        return {key: probe[key][::step] for key in ("inputs", "outputs", "errors")}

    code = "def f(x):\n    return 16.6 if x < -43.2 else -31.4\n"
    events = [
        {**scientist[0], "session_id": PLAYED, "actor_kind": "human", "actor_name": "Ada"},
        {"actor": "human", "kind": "message", "text": "A coarse sweep first, every 16."},
        {"actor": "human", "kind": "probe", **every(sweep, 16)},
        {"actor": "human", "kind": "message",
         "text": "A drop of about 48 near x = -43, on a slow wave; restless around -70."},
        {"actor": "human", "kind": "probe", **every(zoom, 3)},
        {"actor": "human", "kind": "hypothesis", "code": code, "note": "a cliff at -43.2"},
        {"actor": "human", "kind": "submit", "description": "A step down from 16.6 to -31.4.",
         "domain": "-81 < x < -59 is noise", "code": code},
        {"actor": "system", "kind": "score", "function_id": "numeric/f0003", "domain": "numeric",
         "metric": "nmse", "value": 0.31, "success": False, "reason": None,
         "details": {"heldout_nmse": 0.3, "local_nmse": 0.9}},
        {"actor": "system", "kind": "session_end", "status": "submitted"}]
    times = [0.0, 4.0, 9.5, 30.0, 41.0, 60.0, 95.0, 95.4, 95.4]
    return [{"seq": seq, "t": t, **event} for seq, (t, event) in enumerate(zip(times, events))]


@pytest.fixture
def lab(home):
    """The lab's app over the examples and Ada's session."""
    (home / "logs" / f"{PLAYED}.jsonl").write_text(
        "".join(json.dumps(event) + "\n" for event in played_events()))
    return make_app(home=home)


def browse(query: str = ""):
    """A pilot step that opens the browser as the lab would."""
    async def opened(pilot):
        app = pilot.app
        app.push_screen(SessionsScreen(app.store, app.suite, query))
        await settled(pilot)

    return opened


async def settled(pilot):
    """Until any search has finished and the screen has redrawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def ids(app) -> list[str]:
    table = app.screen.query_one("#session-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def column(app, key) -> list[str]:
    table = app.screen.query_one("#session-table", DataTable)
    return [str(cell) for cell in table.get_column(key)]


def text(app, selector) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_filter(pilot, line: str, typed: bool = False) -> None:
    """`line` into an emptied filter after pressing /: typed key by key as a person would
    (every key re-filters), or entered at once where only the result is checked."""
    box = pilot.app.screen.query_one("#session-filter", Input)
    box.value = ""
    pilot.app.screen.action_focus_filter()
    if typed:
        await pilot.press(*line)
    else:
        box.value = line
    await settled(pilot)


async def test_every_session_newest_first_with_its_own_time(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        assert ids(lab) == NEWEST_FIRST
        assert column(lab, "time") == ["95s", *map(own_time, NEWEST_FIRST[1:])]
        assert all(time.endswith("s") and float(time[:-1]) < 60 for time in column(lab, "time")[1:])
        assert column(lab, "actor")[:3] == ["human:Ada", "scientist (mixed)", "human:example player"]
        assert text(lab, "#sessions-title") == "6 sessions · 6 shown · sorted by started, newest first"
        assert text(lab, "#session-detail") == (
            "numeric/f0003 · Ada · submitted · nmse 0.31 fail · 95s · 2 probes, 24 points"
            " · started 2026-11-28 13:00 UTC")


async def test_key_value_terms_filter_and_what_is_not_understood_is_said(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await type_filter(pilot, "actor:scientist status:submitted", typed=True)
        assert ids(lab) == [STEERED, NEURONS, STRINGS, SCIENTIST]  # the steered one is a scientist's
        await type_filter(pilot, "domain:numeric pure:yes")
        assert ids(lab) == [PLAYED, PLAYER, SCIENTIST]
        await type_filter(pilot, "score:<0.001 date:>=2026-11-28")
        assert ids(lab) == [STEERED, PLAYER, SCIENTIST]
        assert text(lab, "#sessions-title").startswith("6 sessions · 3 shown")
        await type_filter(pilot, 'actor:"human:example player"')
        assert ids(lab) == [PLAYER]
        await type_filter(pilot, "actr:ada")
        assert ids(lab) == []
        assert text(lab, "#filter-problems").startswith("actr: is not a filter key")
        assert text(lab, "#session-detail") == "no session matches the filter"


async def test_free_words_search_the_transcripts(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await type_filter(pilot, "corrupted")             # the scientists' messages
        assert ids(lab) == [STEERED, SCIENTIST]
        await type_filter(pilot, "cliff")                 # a hypothesis's note
        assert ids(lab) == [PLAYED]
        await type_filter(pilot, '"step down" numeric')   # a submitted description, and a field
        assert ids(lab) == [PLAYED]
        await type_filter(pilot, "jumps domain:strings")  # words and terms together
        assert ids(lab) == [STRINGS]
        assert lab.store._texts  # what was read is kept for the next search
        assert "searching" not in text(lab, "#sessions-title")


async def test_sorting_by_key_by_header_and_the_other_way(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await pilot.press("s")  # from the date, round to the first column: the id
        assert ids(lab) == sorted(NEWEST_FIRST)
        assert "sorted by session, ascending" in text(lab, "#sessions-title")
        await pilot.press("S")
        assert ids(lab) == sorted(NEWEST_FIRST, reverse=True)
        table = lab.screen.query_one("#session-table", DataTable)
        x = 1 + sum(table.columns[key].get_render_width(table) for key in table.columns
                    if key.value in ("mark", "id", "function", "actor")) + 2  # 1: the border
        await pilot.click("#session-table", offset=(x, 1))   # the score's header: best first
        await pilot.pause()
        # successes first; each metric's sessions together (an NMSE, an exact match and a
        # correlation are not one scale), best first within it: the smallest NMSE first
        order = ids(lab)
        assert order[-1] == PLAYED and column(lab, "score")[-1] == "0.31 ✗"
        nmse = [i for i in order if i in (SCIENTIST, STEERED, PLAYER)]
        assert nmse == [SCIENTIST, STEERED, PLAYER]
        assert order.index(PLAYER) - order.index(SCIENTIST) == 2   # adjacent
        assert "sorted by score, best first" in text(lab, "#sessions-title")
        await pilot.click("#session-table", offset=(x, 1))   # again: the other way
        await pilot.pause()
        assert ids(lab)[0] == PLAYED
        await type_filter(pilot, "domain:numeric")
        assert ids(lab) == [PLAYED, PLAYER, STEERED, SCIENTIST]  # a new filter keeps the order


async def test_enter_replays_the_session_under_the_cursor(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse("function:f0006")(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(lab.screen, LabScreen)
        assert (lab.screen.launch.mode, lab.screen.launch.session_id) == ("replay", PLAYER)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(lab.screen, SessionsScreen) and ids(lab) == [PLAYER]


async def test_two_marked_sessions_of_one_function_open_side_by_side(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await pilot.press("c")
        assert isinstance(lab.screen, SessionsScreen)  # nothing marked: nothing to compare
        await pilot.press("m", "m")  # Ada's and the steered session: two functions
        assert column(lab, "mark")[:3] == ["●", "●", ""]
        assert "2 marked" in text(lab, "#sessions-title")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(lab.screen, SessionsScreen)
        assert [n.message for n in lab._notifications][-1] == (
            "Not compared: one session is on numeric/f0003, the other on numeric/f0028.")
        await pilot.press("up", "m")  # unmark the steered one; the cursor moves on
        await type_filter(pilot, "function:f0003")
        await pilot.press("escape", "down")  # back to the table, onto the scientist's session
        await pilot.press("c")  # one marked and the one under the cursor
        await pilot.pause()
        assert isinstance(lab.screen, CompareScreen) and lab.screen.ids == (PLAYED, SCIENTIST)


async def test_the_per_function_table_says_who_scored_what_and_opens_a_function(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await pilot.press("t")
        table = lab.screen.query_one("#function-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "function", "human:Ada", "human:example player", "scientist",
            "scientist (human takeover, steered)"]
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[1] == ["numeric/f0003", "0.31 ✗", "–", "0.000112 ✓", "–"]
        assert [row[0] for row in rows] == ["neurons/f0002", "numeric/f0003", "numeric/f0006",
                                            "numeric/f0028", "strings/f0000"]
        await pilot.press("down", "enter")
        await settled(pilot)
        assert lab.screen.query_one("#session-filter", Input).value == "function:numeric/f0003"
        assert ids(lab) == [PLAYED, SCIENTIST]
        assert not lab.screen.functions_shown


async def test_escape_leaves_the_filter_then_the_screen(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await browse()(pilot)
        await pilot.press("slash", "x")
        assert lab.screen.query_one("#session-filter", Input).has_focus
        await pilot.press("escape")
        assert isinstance(lab.screen, SessionsScreen)
        assert lab.screen.query_one("#session-table", DataTable).has_focus
        await pilot.press("escape")
        assert not isinstance(lab.screen, SessionsScreen)


def test_snapshot_80x24(snap_compare, lab):
    assert snap_compare(lab, run_before=browse(), terminal_size=(80, 24))


def test_snapshot_120x40(snap_compare, lab):
    assert snap_compare(lab, run_before=browse(), terminal_size=(120, 40))


def test_snapshot_per_function_80x24(snap_compare, lab):
    async def table(pilot):
        await browse("domain:numeric")(pilot)
        await pilot.press("t")

    assert snap_compare(lab, run_before=table, terminal_size=(80, 24))


async def test_names_that_look_like_markup_are_shown_as_written(home):
    """A player named "eve [/b]" (or a log saying so) draws as text, never as markup."""
    events = played_events()
    events[0] = {**events[0], "session_id": "20261128-140000-eve", "actor_name": "eve [/nope]"}
    (home / "logs" / "20261128-140000-eve.jsonl").write_text(
        "".join(json.dumps(event) + "\n" for event in events))
    app = make_app(home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await browse()(pilot)
        assert any("eve [/nope]" in cell for cell in column(app, "actor"))
        app.pop_screen()
        app.action_scoreboard()
        await settled(pilot)
        await pilot.press("h")
        await settled(pilot)
