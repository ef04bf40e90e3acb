"""The offline scientist: a deterministic experimenter, one strategy per domain."""

from __future__ import annotations

from find_lab.experiment import Door


class Scientist:
    kind = "scientist"

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = "scientist"

    async def run(self, door: Door) -> None:
        from importlib import import_module

        strategy = import_module(f"find_lab.agents.scientist.{door.domain}")
        await strategy.investigate(door, self.seed)
