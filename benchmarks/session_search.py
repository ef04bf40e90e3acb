"""How fast the session browser finds sessions among 1,000: the store's index, `key:value`
filters, full-text search of the transcripts (cold: every log read; warm: from what the store
kept), and the browser itself, from a key press to the screen having repainted. Prints a table;
run with `.venv/bin/python benchmarks/session_search.py [--sessions 1000]`.

The sessions are the shipped examples, copied round-robin under fresh ids (about 29 KB of log
each: sweeps of 256 points, hypotheses with their previews), in a scratch store.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from find_lab import scoreboard
from find_lab.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "sessions" / "logs"
KEYS = "actor:scientist status:submitted domain:numeric"
WORD = "corrupted"   # in the numeric scientists' messages: two examples in five
NOWHERE = "zebra"    # in no transcript: every one is read to the end


def fill(home: Path, count: int) -> None:
    logs = home / "logs"
    logs.mkdir(parents=True)
    examples = [[json.loads(line) for line in path.read_text().splitlines()]
                for path in sorted(EXAMPLES.glob("*.jsonl"))]
    for number in range(count):
        events = [dict(event) for event in examples[number % len(examples)]]
        clock = f"{number // 3600:02d}{number // 60 % 60:02d}{number % 60:02d}"
        session_id = f"20261101-{clock}-{number:06x}"
        events[0]["session_id"] = session_id
        (logs / f"{session_id}.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def search(store: Store, docs: list[dict], line: str) -> list[dict]:
    wanted = scoreboard.parse_filter(line)
    return [doc for doc in docs if wanted.keeps(doc) and
            wanted.says(doc, lambda: store.text(doc["id"]))]


def core(home: Path, count: int) -> list[tuple[str, str]]:
    rows = []
    ms, store = timed(lambda: Store(home))
    rows.append((f"open the store: index rebuilt from {count:,} logs", f"{ms:,.0f} ms"))
    ms, store = timed(lambda: Store(home))
    rows.append(("open the store: index there", f"{ms:,.0f} ms"))
    ms, docs = timed(store.list)
    rows.append(("list every session", f"{ms:.0f} ms"))
    ms, kept = timed(lambda: search(store, docs, KEYS))
    rows.append((f"filter {KEYS!r} ({len(kept)} kept)", f"{ms:.1f} ms"))
    for label, line in (("first full-text search (every log read)", NOWHERE),
                        ("the same search again", NOWHERE),
                        (f"another word, {WORD!r}", WORD)):
        ms, found = timed(lambda: search(store, docs, line))
        rows.append((f"{label} ({len(found)} found)", f"{ms:,.1f} ms"))
    one = docs[len(docs) // 2]["id"]
    many = [timed(lambda: store.events(one))[0] for _ in range(20)]
    rows.append(("events of one session, by its whole id (median of 20)",
                 f"{statistics.median(many):.1f} ms"))
    many = [timed(lambda: store.events(one[:17]))[0] for _ in range(20)]
    rows.append(("events of one session, by a prefix (looked up in the index)",
                 f"{statistics.median(many):.1f} ms"))
    return rows


async def browser(home: Path, count: int) -> list[tuple[str, str]]:
    from find_lab.tui.app import make_app
    from find_lab.tui.screens.sessions import SessionsScreen

    app = make_app(home=home)
    rows = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        async def until_idle(*keys: str) -> float:
            """From the key press to the screen repainted, any search finished."""
            started = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        app.push_screen(SessionsScreen(app.store, app.suite))
        await pilot.pause()
        rows.append((f"browser: open on {count:,} sessions",
                     f"{(time.perf_counter() - started) * 1000:,.0f} ms"))
        idle = [await until_idle("x") for _ in range(10)]
        rows.append(("browser: a key it ignores (the pilot's own overhead, median)",
                     f"{statistics.median(idle):.0f} ms"))
        await until_idle("s", "s", "s")
        rows.append(("browser: sort by score (s)", f"{await until_idle('s'):.0f} ms"))
        app.screen.action_focus_filter()
        typed = [await until_idle(key) for key in "actor:scientist"]
        rows.append(("browser: a key typed into a key:value filter (median)",
                     f"{statistics.median(typed):.0f} ms"))
        for cold in (True, False):
            app.screen.query_one("#session-filter").value = ""
            await until_idle()
            if cold:
                app.store._texts.clear()  # nothing read yet
            typed = [await until_idle(key) for key in NOWHERE]
            rows.append((f"browser: {NOWHERE!r} typed, cold: its first key (every log read)"
                         if cold else f"browser: {NOWHERE!r} typed, warm (median per key)",
                         f"{typed[0] if cold else statistics.median(typed):,.0f} ms"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    count = parser.parse_args().sessions
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "sessions"
        fill(home, count)
        rows = core(home, count) + asyncio.run(browser(home, count))
        size = sum(path.stat().st_size for path in (home / "logs").iterdir())
    width = max(len(label) for label, _ in rows)
    print(f"{f'{count:,} sessions, {size / 2**20:.0f} MB of logs':{width}}  time")
    print("-" * (width + 12))
    for label, value in rows:
        print(f"{label:{width}}  {value}")


if __name__ == "__main__":
    main()
