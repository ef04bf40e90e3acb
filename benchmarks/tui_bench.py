"""How long the lab takes to draw an update, with a 400-point probe batch (the whole point
budget) and a transcript of 2,000 events (messages, and hypotheses drawn over the probes).
Prints a table; run with `.venv/bin/python benchmarks/tui_bench.py`.

A synthetic numeric session is saved in a scratch store and opened in replay, so every
update goes through the same path as a live event (LabState, transcript, probes, status).
Each time is from the key press to the screen having repainted (the pilot waits for idle):
`wall` is what the pilot took, `cpu` the process's CPU time meanwhile (the pilot's own waits
are sleeps, so cpu is the work the update cost). The same key press on a bare Textual app
(one Static) in the same run is the baseline; `over bare` is wall minus its wall. The probes
pane alone (`show` of the 400-point batch, then every line of the plot drawn) is timed
directly, without the pilot.

`--where` says where the two updates the issue names go (the batch, and a step at 2,000
events): wall time inside the lab's drawing methods and Textual's layout and compositing
(outermost calls), and which widgets asked for a layout pass, per step.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from textual.app import App
from textual.widgets import Static

from find_lab.labstate import LabState
from find_lab.tui.app import make_app
from find_lab.tui.components.probes import ProbesPane
from find_lab.tui.screens.lab import Launch

SESSION = "20261128-000000-bench"


def synthetic_events(count: int = 2000) -> list[dict]:
    rng = random.Random(0)
    events = [{"seq": 0, "t": 0.0, "actor": "system", "kind": "session_start", "session_id": SESSION,
               "function_id": "numeric/f0003", "domain": "numeric", "actor_kind": "scientist",
               "actor_name": "scientist", "model": None, "budget": {"calls": 25, "points": 400}}]
    big = [-128 + 256 * i / 399 for i in range(400)]
    events.append({"kind": "probe", "actor": "agent", "inputs": big,
                   "outputs": [math.sin(x / 9) * 20 for x in big], "errors": [None] * 400})
    grid = [-128 + 2 * i for i in range(129)]
    while len(events) < count:
        if len(events) % 10:
            events.append({"kind": "message", "actor": "agent",
                           "text": "I fit every family and compare the residuals. " * rng.randint(1, 4)})
        else:
            scale = rng.uniform(15, 25)
            events.append({"kind": "hypothesis", "actor": "agent", "note": f"a sine of amplitude {scale:.3g}",
                           "code": "def f(x):\n    return 20 * np.sin(x / 9)\n",
                           "preview": [[x, math.sin(x / 9) * scale] for x in grid]})
    for seq, event in enumerate(events):
        event.setdefault("seq", seq)
        event.setdefault("t", seq * 0.01)
    return events


class Bare(App):
    """The baseline: one Static, redrawn by the same key the lab steps with."""

    BINDINGS = [("right", "step", "step"), ("left", "step", "step")]

    def compose(self):
        yield Static("0", id="count")

    def action_step(self) -> None:
        counter = self.query_one("#count", Static)
        counter.update(str(int(str(counter.render())) + 1))


class PaneOnly(App):
    def compose(self):
        yield ProbesPane(id="probes")


async def timed(pilot, *keys: str) -> tuple[float, float]:
    """(wall, cpu) milliseconds of pressing `keys` until the screen has repainted."""
    started, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


async def bare() -> tuple[float, float]:
    async with Bare().run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        return median([await timed(pilot, "right") for _ in range(30)])


async def measure(home: Path) -> list[tuple[str, tuple[float, float]]]:
    app = make_app(Launch("replay", session_id=SESSION), home=home)
    rows = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        rows.append(("a key the lab ignores", median([await timed(pilot, "z") for _ in range(10)])))
        rows.append(("step onto the 400-point probe batch, the first time",
                     await timed(pilot, "right")))
        batch = []
        for _ in range(10):                     # back to no probes, then onto the batch again
            await timed(pilot, "left")
            batch.append(await timed(pilot, "right"))
        rows.append(("step onto the 400-point probe batch (median of 10)", median(batch)))
        rows.append(("step, early in the session (median of 30)",
                     median([await timed(pilot, "right") for _ in range(30)])))
        rows.append(("jump to the end: 2,000 events drawn", await timed(pilot, "end")))
        steps = []
        for _ in range(15):
            steps.append(await timed(pilot, "left"))
            steps.append(await timed(pilot, "right"))
        rows.append(("step at 2,000 events (median of 30)", median(steps)))
        rows.append(("step at 2,000 events (worst of 30)", max(steps)))
        rows.append(("jump back to the start", await timed(pilot, "home")))
    return rows


async def pane_alone(events: list[dict]) -> tuple[float, float]:
    """The probes pane drawing the 400-point batch: `show`, then every line of the plot."""
    first_hypothesis = next(i for i, e in enumerate(events) if e["kind"] == "hypothesis")
    # the batch alone and the batch under a hypothesis, in turn: each show draws afresh
    states = [LabState.from_events(events[:2]), LabState.from_events(events[:first_hypothesis + 1])]
    samples = []
    async with PaneOnly().run_test(size=(160, 50)) as pilot:
        pane = pilot.app.query_one(ProbesPane)
        pane.show(states[1])
        await pilot.pause()
        plot = pane.query_one("#probes-plot")
        for index in range(20):
            started, cpu = time.perf_counter(), time.process_time()
            pane.show(states[index % 2])
            for y in range(plot.size.height):
                plot.render_line(y)
            samples.append(((time.perf_counter() - started) * 1000,
                            (time.process_time() - cpu) * 1000))
    return median(samples)


def main() -> None:
    events = synthetic_events()
    with tempfile.TemporaryDirectory() as scratch:
        logs = Path(scratch) / "logs"
        logs.mkdir()
        (logs / f"{SESSION}.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))
        if "--where" in sys.argv:
            asyncio.run(where(Path(scratch)))
            return
        baseline = asyncio.run(bare())
        rows = asyncio.run(measure(Path(scratch)))
        alone = asyncio.run(pane_alone(events))
    rows = [("bare Textual app, one Static: the same step (median of 30)", baseline), *rows]
    width = max(len(label) for label, _ in rows)
    print(f"{'update (160x50 terminal)':{width}}  {'wall':>8}  {'cpu':>8}  {'over bare':>9}")
    print("-" * (width + 33))
    for label, (wall, cpu) in rows:
        print(f"{label:{width}}  {wall:6.1f} ms  {cpu:6.1f} ms  {wall - baseline[0]:6.1f} ms")
    print(f"{'probes pane alone: show + draw the 400-point batch (median of 20)':{width}}  "
          f"{alone[0]:6.1f} ms  {alone[1]:6.1f} ms")


async def where(home: Path) -> None:
    """Wall time inside named methods (outermost calls only) and layout requests, per step."""
    from textual.screen import Screen
    from textual.widget import Widget

    from find_lab.tui.components.plot import ProbePlot
    from find_lab.tui.components.status import StatusLine
    from find_lab.tui.components.transcript import TranscriptPane
    from find_lab.tui.screens.lab import LabScreen

    inside, depth, layouts = defaultdict(float), Counter(), Counter()

    def timing(cls, name):
        original = getattr(cls, name)

        def timed_call(self, *args, **kwargs):
            label = f"{cls.__name__}.{name}"
            depth[label] += 1
            started = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                depth[label] -= 1
                if not depth[label]:
                    inside[label] += time.perf_counter() - started
        setattr(cls, name, timed_call)

    for cls, names in ((LabScreen, ("_replay_to", "_draw_probes", "_draw_status", "_draw_mode_bar",
                                    "refresh_bindings")),
                       (TranscriptPane, ("add", "reset")), (ProbesPane, ("show",)),
                       (ProbePlot, ("_build",)), (StatusLine, ("show",)),
                       (Screen, ("_refresh_layout", "_compositor_refresh"))):
        for name in names:
            if hasattr(cls, name):
                timing(cls, name)
    refresh = Widget.refresh

    def counted(self, *regions, repaint=True, layout=False, recompose=False):
        if layout or recompose:
            layouts[f"{type(self).__name__}#{self.id or ''} {'recompose' if recompose else 'layout'}"] += 1
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)
    Widget.refresh = counted

    totals, asked, cpu = defaultdict(float), Counter(), [0.0]

    async def press(pilot, key: str) -> None:
        """Press `key`, adding what it cost to the totals."""
        inside.clear(), layouts.clear()
        started = time.process_time()
        await timed(pilot, key)
        cpu[0] += time.process_time() - started
        for label, seconds in inside.items():
            totals[label] += seconds
        asked.update(layouts)

    def report(title: str, steps: int) -> None:
        print(f"{title}: {cpu[0] * 1000 / steps:.1f} ms of CPU a step")
        for label, seconds in sorted(totals.items(), key=lambda item: -item[1]):
            print(f"  {label:40} {seconds * 1000 / steps:7.2f} ms")
        for label, times in asked.most_common():
            print(f"  layout asked by {label:31} {times / steps:5.2f} a step")
        totals.clear(), asked.clear()
        cpu[0] = 0.0

    app = make_app(Launch("replay", session_id=SESSION), home=home)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await timed(pilot, "right")
        for _ in range(10):                     # back to no probes, then onto the batch again
            await timed(pilot, "left")
            await press(pilot, "right")
        report("step onto the 400-point batch (10 steps)", 10)
        await timed(pilot, "end")
        for _ in range(15):
            await press(pilot, "left")
            await press(pilot, "right")
        report("step at 2,000 events (30 steps, back and forth)", 30)


if __name__ == "__main__":
    main()
