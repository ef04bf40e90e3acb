"""Actors: anything that runs against an Experiment through `async def run(experiment)`."""

from __future__ import annotations

from typing import Protocol

from find_lab.experiment import Experiment


class Actor(Protocol):
    kind: str   # scientist | random | interpolate | claude | human | replay
    name: str

    async def run(self, experiment: Experiment) -> None:
        """Probe, narrate and finally submit (or return and let the session end unsubmitted)."""
