"""The offline scientist: a deterministic experimenter, one strategy per domain."""

from __future__ import annotations

from find_lab.experiment import Experiment


class Scientist:
    kind = "scientist"

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = "scientist"

    async def run(self, experiment: Experiment) -> None:
        from find_lab.agents.scientist import neurons, numeric, strings

        strategy = {"numeric": numeric, "strings": strings, "neurons": neurons}
        await strategy[experiment.target.domain].investigate(experiment, self.seed)
