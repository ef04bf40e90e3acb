"""Reference actors that understand nothing: the floor (`random`) and a lookup table (`interpolate`).

FIND's metric rewards lookup tables: interpolating enough probes passes NMSE < 0.1 on most
numeric functions. Running these beside the scientist, on the same functions and budget, shows
how much of a score is understanding and how much is table. Each domain says how to draw their
probes and how its tables are written as code.
"""

from __future__ import annotations

from find_lab import domains, english
from find_lab.domains import Domain
from find_lab.experiment import Door


class _Baseline:
    interpolates = False

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = self.kind

    async def run(self, door: Door) -> None:
        domain = domains.get(door.domain)
        inputs = self.inputs(domain, door.budget.points)
        await door.say(self.plan(len(inputs)))
        answers = await door.probe(inputs)
        pairs = [(x, y) for x, (y, error) in zip(inputs, answers) if error is None]
        await door.submit(self.description, domain.table_code(pairs, self.interpolates))


class RandomBaseline(_Baseline):
    """Random probes, answered by the nearest probed input."""

    kind = "random"
    description = ("No description: the answer for any input is the answer for the nearest "
                   "probed input.")

    def plan(self, count: int) -> str:
        return f"Probing {count} random inputs; I will answer with the nearest one I saw."

    def inputs(self, domain: Domain, count: int) -> list:
        return domain.random_inputs(count, self.seed)


class InterpolateBaseline(_Baseline):
    """An even grid of probes, answered by linear interpolation between them."""

    kind = "interpolate"
    interpolates = True
    description = "No description: a table of probed values, interpolated linearly."

    def plan(self, count: int) -> str:
        return (f"Probing an even grid of {english.count(count, 'input')}; I will answer by "
                "interpolating between them.")

    def inputs(self, domain: Domain, count: int) -> list:
        return domain.grid_inputs(count, self.seed)
