"""How long the lab takes to draw an update, with a 400-point probe batch (the whole point
budget) and a transcript of 2,000 events (messages, and hypotheses drawn over the probes). Prints a table; run with `.venv/bin/python benchmarks/tui_bench.py`.

A synthetic numeric session is saved in a scratch store and opened in replay, so every
update goes through the same path as a live event (LabState, transcript, probes, status).
Each time is from the key press to the screen having repainted (the pilot waits for idle).
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import statistics
import tempfile
import time
from pathlib import Path

from find_lab.tui.app import make_app
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


async def timed(pilot, *keys: str) -> float:
    started = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.perf_counter() - started) * 1000


async def measure(home: Path) -> list[tuple[str, str]]:
    app = make_app(Launch("replay", session_id=SESSION), home=home)
    rows = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        idle = [await timed(pilot, "x") for _ in range(10)]
        rows.append(("a key the lab ignores (the pilot's own overhead)", f"{statistics.median(idle):.1f} ms"))
        rows.append(("step onto the 400-point probe batch", f"{await timed(pilot, 'right'):.1f} ms"))
        steps = [await timed(pilot, "right") for _ in range(30)]
        rows.append(("step, early in the session (median of 30)", f"{statistics.median(steps):.1f} ms"))
        rows.append(("jump to the end: 2,000 events drawn", f"{await timed(pilot, 'end'):.0f} ms"))
        steps = []
        for _ in range(15):
            steps.append(await timed(pilot, "left"))
            steps.append(await timed(pilot, "right"))
        rows.append(("step at 2,000 events (median of 30)", f"{statistics.median(steps):.1f} ms"))
        rows.append(("step at 2,000 events (worst of 30)", f"{max(steps):.1f} ms"))
        rows.append(("jump back to the start", f"{await timed(pilot, 'home'):.0f} ms"))
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        logs = Path(scratch) / "logs"
        logs.mkdir()
        events = synthetic_events()
        (logs / f"{SESSION}.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))
        rows = asyncio.run(measure(Path(scratch)))
    width = max(len(label) for label, _ in rows)
    print(f"{'update (160x50 terminal)':{width}}  time")
    print("-" * (width + 12))
    for label, value in rows:
        print(f"{label:{width}}  {value}")


if __name__ == "__main__":
    main()
