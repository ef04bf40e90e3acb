"""Actors: anything that runs against an Door through `async def run(door)`."""

from __future__ import annotations

from typing import Protocol

from find_lab.experiment import Door


class Actor(Protocol):
    kind: str   # scientist | random | interpolate | claude | human | replay
    name: str

    async def run(self, door: Door) -> None:
        """Probe, narrate and finally submit (or return and let the session end unsubmitted)."""
