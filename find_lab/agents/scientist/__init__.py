"""The offline scientist: a deterministic experimenter, one strategy per domain."""

from __future__ import annotations

from find_lab.experiment import Experiment


class Scientist:
    kind = "scientist"

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = "scientist"

    async def run(self, experiment: Experiment) -> None:
        from importlib import import_module

        strategy = import_module(f"find_lab.agents.scientist.{experiment.target.domain}")
        await strategy.investigate(experiment, self.seed)
