"""Two sessions of one function side by side: the steps they are cut into, the screen, its
refusal when the functions differ, and how it looks at 80x24 and 120x40."""

import io

from rich.console import Console
from textual.widgets import Label, Static

from find_lab.store import Store
from find_lab.tui.screens.compare import CompareScreen, aligned, refusal, steps
from find_lab.tui.screens.lab import LabScreen
from tests.tui.test_sessions_screen import PLAYED, SCIENTIST, STEERED, lab, own_time, played_events  # noqa: F401


def plain(renderable, width=60) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def compare(left, right):
    async def opened(pilot):
        pilot.app.push_screen(CompareScreen(pilot.app.store, left, right))
        await pilot.pause()

    return opened


def test_a_transcript_is_cut_into_a_start_one_step_per_probe_and_the_answer():
    cut = steps(played_events())
    assert [(name, [e["kind"] for e in events]) for name, events in cut] == [
        ("start", ["message"]), ("probe 1", ["probe", "message"]),
        ("probe 2", ["probe", "hypothesis"]), ("answer", ["submit", "score", "session_end"])]
    bare = steps([{"seq": 0, "t": 0.0, "actor": "agent", "kind": "probe", "inputs": [1],
                   "outputs": [2], "errors": [None]}])
    assert [name for name, _ in bare] == ["probe 1"]  # nothing said first, no answer: no rows


def test_two_sides_align_by_step_with_gaps_where_one_has_none():
    left, right = steps(played_events()), [("probe 1", ["x"]), ("probe 2", ["y"]),
                                           ("probe 3", ["z"])]
    rows = aligned(left, right)
    assert [(name, a is not None, b is not None) for name, a, b in rows] == [
        ("start", True, False), ("probe 1", True, True), ("probe 2", True, True),
        ("probe 3", False, True), ("answer", True, False)]


def test_only_two_sessions_of_one_function_are_compared():
    one = {"id": "a", "function_id": "numeric/f0003"}
    assert refusal(one, {"id": "b", "function_id": "numeric/f0003"}) is None
    assert refusal(one, one) == "Not compared: that is one session twice."
    assert refusal(one, {"id": "b", "function_id": "strings/f0000"}) == (
        "Not compared: one session is on numeric/f0003, the other on strings/f0000.")


async def test_the_screen_heads_each_side_and_aligns_their_steps(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await compare(PLAYED, SCIENTIST)(pilot)
        screen = lab.screen
        assert str(screen.query_one("#compare-title", Label).render()) == (
            "Compare · numeric/f0003 · two sessions, step by step")
        heads = [plain(screen.query_one(f"#head-{side}", Static).content) for side in (0, 1)]
        assert heads[0].splitlines() == [PLAYED, "Ada · submitted · 95s",
                                         "nmse 0.31 ✗ · local 0.9", "2 probes · 24 inputs"]
        assert heads[1].splitlines()[1:] == [f"scientist · submitted · {own_time(SCIENTIST)}",
                                             "nmse 0.000112 ✓ · local 0.00243",
                                             "5 probes · 400 inputs"]
        names = [str(label.render()) for label in screen.query(".step-name")]
        assert names == ["start", "probe 1", "probe 2", "probe 3", "probe 4", "probe 5", "answer"]
        sides = [plain(static.content) for static in screen.query(".step-side")]
        assert "A coarse sweep first" in sides[0] and "I start with a sweep" in sides[1]
        assert sides[6].strip() == "–" and "cliff at -43.2" in sides[4]  # Ada had 2 probes
        assert "A step down from 16.6" in sides[12] and "SUCCESS" in sides[13]


async def test_sessions_of_two_functions_are_refused_in_one_line(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await compare(PLAYED, STEERED)(pilot)
        line = str(lab.screen.query_one("#compare-refusal", Static).render())
        assert line == "Not compared: one session is on numeric/f0003, the other on numeric/f0028."
        assert not lab.screen.query(".step-side")
        await pilot.press("1")
        assert isinstance(lab.screen, CompareScreen)  # no replay of a refused comparison
        await compare(PLAYED, "nothing-here")(pilot)
        assert str(lab.screen.query_one("#compare-refusal", Static).render()) == (
            "Not compared: no saved session 'nothing-here'.")


async def test_1_and_2_replay_each_side(lab):
    async with lab.run_test(size=(120, 40)) as pilot:
        await compare(PLAYED, SCIENTIST)(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(lab.screen, LabScreen) and lab.screen.launch.session_id == SCIENTIST
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert lab.screen.launch.session_id == PLAYED


def test_it_also_works_on_a_store_without_the_app(tmp_path):
    store = Store(tmp_path)
    screen = CompareScreen(store, "a", "b")
    assert screen.problem == "Not compared: no saved session 'a'."


def test_snapshot_80x24(snap_compare, lab):
    assert snap_compare(lab, run_before=compare(PLAYED, SCIENTIST), terminal_size=(80, 24))


def test_snapshot_120x40(snap_compare, lab):
    assert snap_compare(lab, run_before=compare(PLAYED, SCIENTIST), terminal_size=(120, 40))


def test_snapshot_refused_80x24(snap_compare, lab):
    assert snap_compare(lab, run_before=compare(PLAYED, STEERED), terminal_size=(80, 24))
