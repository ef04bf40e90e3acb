"""The transcript pane: every event kind drawn, follow-the-end scrolling, reset, streaming."""

import pytest
from rich.console import Console
from textual.app import App, ComposeResult

from find_lab import events as vocabulary
from find_lab.tui.components.transcript import RENDERERS, TranscriptPane, render_event

CODE = ("import math\n\ndef f(x):\n    if -20 < x < -5:\n        return 0.0\n"
        "    return 2.0 * x ** 2 + 3.0 * x - 1.5\n")


def event(seq: int, kind: str, actor: str = "agent", **fields) -> dict:
    return {"seq": seq, "t": seq / 10, "actor": actor, "kind": kind, **fields}


EVENTS = [
    event(0, "session_start", "system", session_id="s0001", function_id="numeric/f0007",
          domain="numeric", actor_kind="scientist", actor_name="scientist", model=None,
          budget={"calls": 20, "points": 400}),
    event(1, "message", text="A coarse sweep of the whole range first, then zoom in."),
    event(2, "probe", inputs=[3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 500.0],
          outputs=[9.1, 16.2, 25.0, 36.0, 49.0, 64.0, 81.0, None],
          errors=[None] * 7 + ["outside [-128, 128]: 500"]),
    event(3, "hypothesis", note="a quadratic", code=CODE, preview=[]),
    event(4, "pause", "human"),
    event(5, "steer", "human", text="look between -20 and -5"),
    event(6, "resume", "human"),
    event(7, "takeover", "human"),
    event(8, "probe", "human", inputs=[-10.0, -7.5], outputs=[0.0, 0.1], errors=[None, None]),
    event(9, "message", "human", text="Flat near -10."),
    event(10, "handback", "human", probes=2,
          text="While you were paused a human took over and probed: f(-10.0) = 0.0; f(-7.5) = 0.1."),
    event(11, "usage", input_tokens=1200, output_tokens=340, cost_usd=0.0123),
    event(12, "error", "system", message="ValueError: bad input"),
    event(13, "submit", description="A quadratic, zero on a corrupted interval.",
          domain="-20 < x < -5", code=CODE),
    event(14, "score", "system", function_id="numeric/f0007", domain="numeric", metric="nmse",
          value=0.0123, success=True, reason=None,
          details={"heldout_nmse": 0.0151, "local_nmse": 0.42, "local_region": [-20, -5]},
          code_size={"ast_nodes": 48, "numeric_literals": 45, "string_literals": 0,
                     "table_like": True}, description=None, seconds=0.2),
    event(15, "session_end", "system", status="submitted"),
    event(16, "judge", "system", score=0.7, correct=7, total=10, model="claude-haiku-4-5"),
    event(17, "reveal", "human", what="the hidden function"),
]

EXPECTED = {  # seq -> key content the event must show
    0: ["s0001", "scientist", "numeric/f0007", "20 calls", "400 points"],
    1: ["agent", "A coarse sweep"],
    2: ["3 → 9.1", "4 → 16.2", "… (8 inputs)", "1 error", "outside [-128, 128]"],
    3: ["a quadratic", "import math"],
    4: ["paused"],
    5: ["you → agent: look between -20 and -5"],
    6: ["resumed"],
    7: ["you took over"],
    8: ["you probe", "-10 → 0", "-7.5 → 0.1"],
    9: ["you", "Flat near -10."],
    10: ["handed back", "2 points", "agent is told", "f(-7.5) = 0.1"],
    11: ["1200 in", "340 out", "$0.012"],
    12: ["ValueError: bad input"],
    13: ["A quadratic, zero", "domain: -20 < x < -5", "return 2.0 * x ** 2"],
    14: ["SUCCESS", "nmse 0.0123", "held-out 0.0151", "local detail 0.42", "48 AST nodes",
         "table-like"],
    15: ["submitted"],
    16: ["7/10", "claude-haiku-4-5", "chance is 1/3"],
    17: ["revealed", "saw the hidden function", "not pure"],
}


def plain(renderable, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


class TranscriptApp(App):
    def compose(self) -> ComposeResult:
        yield TranscriptPane()


def shown(pane: TranscriptPane) -> str:
    return "\n".join(line.text for line in pane.lines)


def many(count: int) -> list[dict]:
    return [event(i, "message", text=f"note number {i}") for i in range(count)]


# --- renderers -------------------------------------------------------------------------------
def test_every_kind_of_the_vocabulary_has_a_renderer():
    assert set(RENDERERS) == set(vocabulary.KINDS) == {e["kind"] for e in EVENTS}


@pytest.mark.parametrize("sample", EVENTS, ids=lambda e: f"{e['seq']}-{e['kind']}")
def test_each_event_renders_its_key_content(sample):
    text = plain(render_event(sample))
    for fragment in EXPECTED[sample["seq"]]:
        assert fragment in text


def test_human_and_carried_probes_are_marked():
    assert plain(render_event(EVENTS[8])).startswith("you probe")
    assert plain(render_event({**EVENTS[2], "carried": True})).startswith("probe      carried 3")


def test_a_replay_calls_someone_elses_human_by_name_not_you():
    probe, takeover = EVENTS[8], event(3, "takeover", actor="human")
    assert plain(render_event(probe, "Ada")).startswith("Ada ")
    assert "you" not in plain(render_event(takeover, "Ada")).split()
    assert "Ada took over" in plain(render_event(takeover, "Ada"))
    fork = {**EVENTS[0], "forked_from": {"session_id": "s1", "seq": 4}}
    assert "at event 5" in plain(render_event(fork), width=300)  # counted from 1, as the bar does


def test_a_hidden_error_is_quoted_and_a_failed_score_is_explained():
    probe = event(1, "probe", inputs=list(range(10)) + ["x"], outputs=list(range(10)) + [None],
                  errors=[None] * 10 + ["not a number: 'x'"])
    score = event(2, "score", metric="exact_match", value=0.5, success=False,
                  reason="failed on 3 of 60 inputs", details={"matched": 30, "total": 60})
    assert "1 error, e.g. 'x' → not a number" in plain(render_event(probe), width=200)
    text = plain(render_event(score))
    assert "FAIL" in text and "30/60 exact" in text and "failed on 3 of 60" in text


def test_a_long_submission_is_cut_and_a_score_by_part_is_itemised():
    table = "TABLE = {\n" + "".join(f"    'k{i}': 'v{i}',\n" for i in range(300)) + "}\n"
    submit = event(1, "submit", description="A relation.", domain="", code=table)
    text = plain(render_event(submit), width=120)
    assert "'k38': 'v38'" in text and "'k39'" not in text and "… 262 more lines" in text
    parts = {"domain": {"matched": 30, "total": 30}, "exception": {"matched": 2, "total": 12}}
    score = event(2, "score", metric="exact_match", value=0.8, success=False, reason=None,
                  details={"matched": 32, "total": 42, "parts": parts})
    assert "32/42 exact (domain 30/30 · exception 2/12)" in plain(render_event(score))


def test_unknown_and_malformed_events_render_generically():
    assert "weird" in plain(render_event(event(1, "weird", colour="blue")))
    assert "blue" in plain(render_event(event(1, "weird", colour="blue")))
    assert "probe" in plain(render_event(event(2, "probe", inputs=[1])))
    assert "message" in plain(render_event({"kind": "message"}))


def test_lines_wrap_to_the_width():
    text = plain(render_event(event(1, "message", text="word " * 40)), width=40)
    assert all(len(line) <= 40 for line in text.splitlines())
    assert len(text.splitlines()) > 5


def test_a_banner_too_long_for_the_width_wraps_instead_of_being_cut():
    text = plain(render_event(EVENTS[0]), width=50)
    assert "numeric/f0007" in text and "400 points" in text
    assert all(len(line) <= 50 for line in text.splitlines())


# --- the widget ---------------------------------------------------------------------------
async def test_added_events_are_shown_in_order():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)):
        pane = app.query_one(TranscriptPane)
        for sample in EVENTS:
            pane.add(sample)
        text = shown(pane)
        positions = [text.index(EXPECTED[e["seq"]][-1]) for e in EVENTS]
        assert positions == sorted(positions)
        assert all(len(line.text) <= pane.scrollable_content_region.width for line in pane.lines)


async def test_follows_the_end_only_while_the_reader_is_there():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(TranscriptPane)
        for sample in many(60):
            pane.add(sample)
        await pilot.pause()
        assert pane.max_scroll_y > 0 and pane.scroll_y == pane.max_scroll_y

        pane.focus()
        await pilot.press("pageup")
        await pilot.pause()
        reading = pane.scroll_y
        assert reading < pane.max_scroll_y
        for sample in many(20):
            pane.add(sample)
        await pilot.pause()
        assert pane.scroll_y == reading

        await pilot.press("end")
        await pilot.pause()
        for sample in many(20):
            pane.add(sample)
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        assert "note number 19" in pane.lines[-1].text


async def test_reset_replaces_everything():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(TranscriptPane)
        for sample in EVENTS:
            pane.add(sample)
        pane.stream("half a thought")
        pane.reset(many(3))
        await pilot.pause()
        text = shown(pane)
        assert "note number 2" in text
        assert "numeric/f0007" not in text and "half a thought" not in text
        pane.reset(EVENTS[:3])
        assert "numeric/f0007" in shown(pane) and "note number" not in shown(pane)


async def test_stream_then_final_message_leaves_one_copy():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(TranscriptPane)
        pane.add(EVENTS[0])
        for chunk in ("The curve ", "looks ", "quadratic."):
            pane.stream(chunk)
        await pilot.pause()
        assert "The curve looks quadratic." in shown(pane)
        pane.add(event(1, "message", text="The curve looks quadratic."))
        await pilot.pause()
        assert shown(pane).count("The curve looks quadratic.") == 1
        assert "▌" not in shown(pane)


async def test_end_stream_drops_the_provisional_text():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)):
        pane = app.query_one(TranscriptPane)
        pane.stream("cut off mid")
        pane.end_stream()
        assert "cut off" not in shown(pane)


async def test_a_resize_rewraps_the_lines():
    app = TranscriptApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(TranscriptPane)
        pane.add(event(1, "message", text="word " * 30))
        wide = len(pane.lines)
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert len(pane.lines) > wide
        assert all(len(line.text) <= 50 for line in pane.lines)


def test_snapshot(snap_compare):
    async def feed(pilot) -> None:
        pane = pilot.app.query_one(TranscriptPane)
        for sample in EVENTS:
            pane.add(sample)
        pane.stream("Next I will ")
        await pilot.pause()

    assert snap_compare(TranscriptApp(), terminal_size=(100, 30), run_before=feed)
