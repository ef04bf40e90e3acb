"""A person at the keyboard. The TUI probes and submits on their behalf; the actor only keeps
the session open until they submit or abandon it."""

from __future__ import annotations

from find_lab.experiment import Experiment


class Human:
    kind = "human"

    def __init__(self, name: str = ""):
        self.name = name or "human"

    async def run(self, experiment: Experiment) -> None:
        await experiment.finished()
