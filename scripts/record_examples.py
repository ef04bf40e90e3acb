"""Record the example sessions shipped in `sessions/`, so replay and the scoreboard show
something on a fresh clone: the scientist in each domain, a human-style play, and a
scientist session with a steer and a takeover.

    .venv/bin/python scripts/record_examples.py [--home sessions]

Each is recorded in a scratch store, then written to HOME/logs under a fixed id
(`20261128-1200NN-example-...`) so the examples sort the same way on every clone; the
index is rebuilt from the logs when the store next opens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from pathlib import Path

from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.experiment import Door, Experiment
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.suite import Suite

SCIENTIST_RUNS = ("numeric/f0003", "strings/f0000", "neurons/f0002")
PLAYED = "numeric/f0006"
STEERED = "numeric/f0028"

PLAYER_CODE = """\
def f(x):
    return -0.205 * x
"""


class ScriptedPlayer:
    """A person's play, written down: a coarse sweep, a closer look, a test, an answer."""

    kind = "human"
    name = "example player"

    async def run(self, door: Door) -> None:
        await door.probe([-100.0, -50.0, 0.0, 50.0, 100.0])
        await door.say("Looks like a falling straight line through the origin.")
        await door.probe([-10.0 + 2.5 * i for i in range(9)])
        await door.say("Small wobbles of about 1: noise. Slope about -0.2.")
        await door.hypothesis(PLAYER_CODE, note="tested before submitting")
        await door.submit("A straight line through the origin with slope about -0.2, "
                          "plus noise of about 1.", PLAYER_CODE)


async def steered_session(store: Store, suite: Suite, spec: dict) -> Experiment:
    """The scientist, steered at once, then taken over after its first probe and handed back."""
    first_probe = asyncio.Event()

    def watch(event: dict) -> None:
        if event["kind"] == "probe" and event["actor"] == "agent":
            first_probe.set()

    async def person(experiment: Experiment) -> None:
        experiment.steer("Look closely around x = -50: is there a jump?")
        await first_probe.wait()
        experiment.take_over()
        await experiment.probe([-52.0, -50.0, -49.5, -48.5, -47.0], actor="human")
        await experiment.say("It jumps from about -7 to about 8 between -49.5 and -48.5.", actor="human")
        experiment.hand_back()

    tasks: list[asyncio.Task] = []
    session = run_session(targets.from_spec(spec, 0, suite.source(spec["id"])), Scientist(0), store=store, listeners=(watch,),
                          ready=lambda e: tasks.append(asyncio.ensure_future(person(e))))
    experiment = await session
    await asyncio.gather(*tasks)
    return experiment


async def record(home: str) -> None:
    suite = Suite()
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(scratch)
        runs = []  # in the order recorded: starting times can tie
        for function_id in SCIENTIST_RUNS:
            runs.append(await run_session(
                targets.from_spec(suite.get(function_id), 0, suite.source(function_id)),
                Scientist(0), store=store))
        runs.append(await run_session(targets.from_spec(suite.get(PLAYED), 0, suite.source(PLAYED)),
                                      ScriptedPlayer(), store=store))
        runs.append(await steered_session(store, suite, suite.get(STEERED)))
        recorded = [store.get(experiment.session_id) for experiment in runs]
        logs = Path(home) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        for number, doc in enumerate(recorded):
            slug = f"{doc['actor_kind']}-{doc['function_id'].replace('/', '-')}"
            session_id = f"20261128-1200{number:02d}-example-{slug}"
            events = store.events(doc["id"])
            events[0]["session_id"] = session_id
            lines = "".join(json.dumps(event) + "\n" for event in events)
            (logs / f"{session_id}.jsonl").write_text(lines)
            print(session_id, doc["status"], doc.get("score"))
    (Path(home) / "index.json").unlink(missing_ok=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", default="sessions")
    asyncio.run(record(parser.parse_args().home))
