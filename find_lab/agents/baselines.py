"""Reference actors that understand nothing: the floor (`random`) and a lookup table (`interpolate`).

FIND's metric rewards lookup tables: interpolating enough probes passes NMSE < 0.1 on most
numeric functions. Running these beside the scientist, on the same functions and budget, shows
how much of a score is understanding and how much is table.
"""

from __future__ import annotations

import random as stdlib_random
import string

import numpy as np

from find_lab.experiment import Door

WORDS = ("time year people way day man thing woman life child world school state family student "
         "group country problem hand part place case week company system program question work "
         "government number night point home water room mother area money story fact month lot "
         "right study book eye job word business issue side kind head house service friend father "
         "power hour game line end member law car city community name president team minute idea "
         "kid body information back parent face others level office door health person art war "
         "history party result change morning reason research girl guy moment air teacher force "
         "education apple river music storm doctor bread chair election anger").split()


class _Baseline:
    def __init__(self, seed: int = 0):
        self.seed = seed
        self.name = self.kind

    async def run(self, door: Door) -> None:
        domain = door.domain
        inputs = self.inputs(domain, door.budget.points, np.random.default_rng(self.seed))
        await door.say(self.plan(domain, len(inputs)))
        answers = await door.probe(inputs)
        pairs = [(x, y) for x, (y, error) in zip(inputs, answers) if error is None]
        await door.submit(self.description(domain), self.code(domain, pairs))


class RandomBaseline(_Baseline):
    """Random probes, answered by the nearest probed input."""

    kind = "random"

    def plan(self, domain: str, count: int) -> str:
        return f"Probing {count} random inputs; I will answer with the nearest one I saw."

    def inputs(self, domain: str, count: int, rng: np.random.Generator) -> list:
        if domain == "numeric":
            return [float(x) for x in np.round(rng.uniform(-128, 128, count), 3)]
        if domain == "neurons":
            return [WORDS[i] for i in rng.permutation(len(WORDS))[:count]]
        chooser = stdlib_random.Random(self.seed)
        alphabet = string.ascii_letters + string.digits + " .,!?"
        return ["".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 20)))
                for _ in range(min(count, 100))]

    def description(self, domain: str) -> str:
        return "No description: the answer for any input is the answer for the nearest probed input."

    def code(self, domain: str, pairs: list) -> str:
        return _table_code(domain, pairs, interpolate=False)


class InterpolateBaseline(_Baseline):
    """An even grid of probes, answered by linear interpolation between them."""

    kind = "interpolate"

    def plan(self, domain: str, count: int) -> str:
        return f"Probing an even grid of {count} inputs; I will answer by interpolating between them."

    def inputs(self, domain: str, count: int, rng: np.random.Generator) -> list:
        if domain == "numeric":
            return [float(x) for x in np.round(np.linspace(-128, 128, count), 4)]
        return RandomBaseline(self.seed).inputs(domain, count, rng)

    def description(self, domain: str) -> str:
        return "No description: a table of probed values, interpolated linearly."

    def code(self, domain: str, pairs: list) -> str:
        return _table_code(domain, pairs, interpolate=True)


def _table_code(domain: str, pairs: list, interpolate: bool) -> str:
    """A lookup table as code: what 'explaining' by memorising looks like."""
    if domain == "numeric":
        pairs = sorted(pairs)
        xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
        if interpolate:
            body = "    return np.interp(x, XS, YS)\n"
        else:
            body = ("    index = np.abs(np.subtract.outer(np.atleast_1d(x), XS)).argmin(axis=-1)\n"
                    "    return np.asarray(YS)[index].reshape(np.shape(x))\n")
        return f"import numpy as np\n\nXS = {xs!r}\nYS = {ys!r}\n\n\ndef f(x):\n{body}"
    table = dict(pairs)
    if domain == "strings":
        return f"TABLE = {table!r}\n\n\ndef f(x):\n    return TABLE.get(x, x)\n"
    default = float(np.mean(list(table.values()))) if table else 0.0
    return (f"TABLE = {table!r}\n\n\ndef f(word):\n"
            f"    return TABLE.get(str(word).strip().lower(), {default!r})\n")
