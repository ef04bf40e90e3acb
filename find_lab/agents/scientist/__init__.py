"""The offline scientist: a deterministic experimenter, one strategy per domain (a module of
this package named after it)."""

from __future__ import annotations

from importlib import import_module

from find_lab.experiment import Door


class Scientist:
    kind = "scientist"

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = "scientist"

    async def run(self, door: Door) -> None:
        module = f"{__name__}.{door.domain}"
        try:
            strategy = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            reason = f"the scientist has no strategy for the {door.domain} domain"
            door.report_error(reason)
            door.stop("abandoned", reason)
            return
        await strategy.investigate(door, self.seed)
