"""The strings scientist: every program of one or two known operations is a hypothesis.

It works only through the Door, as a person holding the operation catalogue would:
probe a few rich strings, strike out every program that disagrees with any answer, then
keep asking the string that best splits the programs still standing, until they all behave
alike on a large, varied check set. It verifies that behaviour on fresh strings and submits
it as code rendered from the operations' own source. When nothing fits (the function lies
outside the catalogue) it submits the closest program and says that it is approximate.
"""

from __future__ import annotations

import asyncio
import collections
import difflib
import functools
import itertools
import random
import re
import string
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from find_lab.domains.strings import specs as rendering
from find_lab.domains.strings.ops import OPS
from find_lab.experiment import BudgetExhausted, Door

Program = tuple[int, ...]  # indices into variants(), applied left to right; () is the identity

OPENING = (
    "  Hello World, the 42 quick\tthinking foxes and sheep... re-entering *oo* @_# "
    "Mississippi station 0.5!  ",
    "Hello World 42",
    "aEiOu  rhythm XYZ",
    "",
    "the thing and the ring",
    "2024-01-15 user@example.com",
)
BATCH = 6               # strings per probe call while narrowing
VERIFY = 8              # fresh strings the final candidate must predict
SAMPLE = 300            # survivors scored when choosing probes (the simplest come first)
SIMPLEST = 60           # of the sample, taken in order before thinning the rest
RANDOM_TEXTS = 80       # random strings in the pool, beside edge and argument cases
SHORTLIST = 40          # closest compositions rescored when nothing fits
FALLBACK_PAIRS = 8      # observations the closest-match search weighs
NAMED = 3               # behaviours listed by name when few remain
SHOWN = 3               # observations quoted after the opening
QUOTED = re.compile(r'"([^"]*)"|`([^`]*)`')

WORDS = (
    "the", "thing", "and", "ball", "miss", "moon", "seed", "street", "enter", "station",
    "reading", "others", "answer", "hello", "world", "quick", "brown", "fox", "jumps", "lazy",
    "dog", "rhythm", "queue", "Paris", "NASA", "café", "zebra", "yellow", "sky", "jazz",
    "coffee", "winter", "orange", "tree", "kiss", "grass", "ant", "rest", "then", "error",
    "iPhone", "HTTP", "a", "is", "on", "at", "to", "in",
)
EDGES = (
    " ", "a", "Z", "7", "?", "ab", "abc", "abcd", "abcdefghij", "rhythm", "aeiouAEIOU",
    "12345", "3.14", "Hello, World!", "  padded  ", "a  b   c", "tab\tseparated", "line\nbreak",
    "Mississippi", "café naïve résumé", "don't-stop_now", "CamelCaseWord", "x1y2z3", "zzz 999",
    "!!!", "*star*", "--dash--", "#tag_", ".dot.", "xenon x", "seen 00", "aaabbbccc", "racecar",
    "THE END", "tHiS iS mIxEd", "Ab1 Cd2 Ef3", "one two three four five six", "9 to 5", "0",
    "the quick brown fox jumps over the lazy dog",
)
SEPARATORS = (" ", " ", " ", "  ", ", ", "-", "_", ". ", "\t")


@dataclass(frozen=True)
class Variant:
    """One atomic operation with its arguments fixed."""

    op: str
    args: dict
    func: Callable[[str], str]

    @property
    def label(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.args.items())
        return f"{self.op}({args})" if args else self.op


@functools.cache
def variants() -> tuple[Variant, ...]:
    """Every operation with every argument combination the library can draw."""
    found = []
    for op in OPS.values():
        for values in itertools.product(*op.params.values()):
            args = dict(zip(op.params, values))
            found.append(Variant(op.name, args, functools.partial(op.func, **args)))
    return tuple(found)


def run(program: Program, x: str) -> str:
    for index in program:
        x = variants()[index].func(x)
    return x


def label(program: Program) -> str:
    return " then ".join(variants()[i].label for i in program) or "identity"


def describe(program: Program) -> str:
    """The plain-English description, in the suite's words for each operation."""
    if not program:
        return "Returns the input unchanged."
    phrases = [OPS[variants()[i].op].describe(variants()[i].args) for i in program]
    text = ". Then ".join(phrases)
    return text[0].upper() + text[1:] + "."


def code(program: Program) -> str:
    """Self-contained source of `f`: the operations' own code plus their composition."""
    steps = [{"op": variants()[i].op, "args": variants()[i].args} for i in program]
    return rendering.render({"program": steps})


def simplicity(program: Program) -> tuple:
    return len(program), program


# --- the hypothesis space -------------------------------------------------------------------


def match_matrix(x: str, y: str) -> np.ndarray:
    """matrix[g, h]: applying step g then step h to x gives y; index N is 'no step'.

    Each first step's output is computed once, and second steps run once per distinct
    intermediate string rather than once per pair.
    """
    steps = variants()
    size = len(steps)
    rows: dict[str, list[int]] = {x: [size]}
    for g, step in enumerate(steps):
        rows.setdefault(step.func(x), []).append(g)
    matrix = np.zeros((size + 1, size + 1), dtype=bool)
    for middle, firsts in rows.items():
        row = [step.func(middle) == y for step in steps] + [middle == y]
        matrix[firsts] = row
    return matrix


def programs_of(cells: np.ndarray) -> list[Program]:
    """Distinct programs for (first, second) cells, simplest first."""
    size = len(variants())
    found = dict.fromkeys(tuple(int(i) for i in cell if i != size) for cell in cells)
    return sorted(found, key=simplicity)


@dataclass
class Space:
    """The programs consistent with every observation, and the observations themselves."""

    survivors: list[Program] | None = None  # None until the first observation
    observations: list[tuple[str, str]] = field(default_factory=list)
    memo: dict[tuple[Program, str], str] = field(default_factory=dict)

    @property
    def lost(self) -> bool:
        """Nothing in the catalogue explains what was seen."""
        return self.survivors == []

    def add(self, pairs: list[tuple[str, str]]) -> None:
        for x, y in pairs:
            self.observations.append((x, y))
            if self.survivors is None:
                self.survivors = programs_of(np.argwhere(match_matrix(x, y)))
            elif self.survivors:
                outputs = self.predict(self.survivors, x, remember=False)
                self.survivors = [p for p, out in zip(self.survivors, outputs) if out == y]

    def predict(self, programs: list[Program], x: str, remember: bool = True) -> list[str]:
        """Outputs on x, sharing first steps; pool predictions are kept (survivors only shrink)."""
        firsts: dict[int, str] = {}
        outputs = []
        for program in programs:
            known = self.memo.get((program, x))
            if known is None:
                middle = x
                if program:
                    head = program[0]
                    if head not in firsts:
                        firsts[head] = variants()[head].func(x)
                    middle = firsts[head]
                known = run(program[1:], middle)
                if remember:
                    self.memo[(program, x)] = known
            outputs.append(known)
        return outputs

    def sample(self) -> list[Program]:
        """The simplest survivors, then an even thinning of the rest."""
        programs = self.survivors or []
        if len(programs) <= SAMPLE:
            return programs
        rest = programs[SIMPLEST:]
        step = len(rest) / (SAMPLE - SIMPLEST)
        return programs[:SIMPLEST] + [rest[int(i * step)] for i in range(SAMPLE - SIMPLEST)]


def behaviours(space: Space, programs: list[Program], pool: list[str]) -> list[list[Program]]:
    """Programs grouped by their outputs on the pool, the group of the simplest first."""
    table = [space.predict(programs, p) for p in pool]
    groups: dict[tuple, list[Program]] = {}
    for i, program in enumerate(programs):
        groups.setdefault(tuple(column[i] for column in table), []).append(program)
    return list(groups.values())


def split_cost(labels: list, outputs: list[str]) -> tuple[int, list]:
    """Expected survivors (times the sample size) after seeing these outputs."""
    refined = list(zip(labels, outputs))
    counts = collections.Counter(refined)
    return sum(n * n for n in counts.values()), refined


def choose_probes(space: Space, programs: list[Program], pool: list[str],
                  count: int) -> tuple[list[str], int]:
    """Greedily the strings whose answers jointly split `programs` into the most groups;
    returns them and the number of groups they make."""
    table = {p: space.predict(programs, p) for p in pool}
    labels: list = [0] * len(programs)
    cost, chosen = len(programs) ** 2, []
    for _ in range(count):
        best = min(pool, key=lambda p: (split_cost(labels, table[p])[0], len(p)))
        new_cost, refined = split_cost(labels, table[best])
        if new_cost >= cost:
            break
        cost, labels = new_cost, refined
        chosen.append(best)
        pool = [p for p in pool if p != best]
    return chosen, len(set(labels))


def closest(observations: list[tuple[str, str]]) -> tuple[Program, int, float]:
    """The program agreeing with the most observations, then the most similar in characters:
    the honest best when no program fits them all."""
    weighed = observations[:FALLBACK_PAIRS]
    counts = sum(match_matrix(x, y).astype(np.int32) for x, y in weighed)
    top = np.argsort(-counts.ravel(), kind="stable")[:SHORTLIST]
    cells = np.stack(np.unravel_index(top, counts.shape), axis=1)
    shortlist = dict.fromkeys(programs_of(cells) + [()] + [(i,) for i in range(len(variants()))])

    def merit(program: Program) -> tuple:
        exact = sum(run(program, x) == y for x, y in observations)
        similar = np.mean([difflib.SequenceMatcher(None, run(program, x), y).ratio()
                           for x, y in weighed])
        return -exact, -similar, simplicity(program)

    best = min(shortlist, key=merit)
    exact, similar, _ = merit(best)
    return best, -exact, float(-similar)


# --- probe strings ---------------------------------------------------------------------------


def random_text(rng: random.Random) -> str:
    """A random word, sentence, number or padded phrase with varied case and separators."""
    kind = rng.random()
    if kind < 0.5:
        return sentence(rng, 1, 7)
    if kind < 0.65:
        return f"{rng.choice(WORDS)}{rng.randint(0, 9999)}"
    if kind < 0.75:
        return str(rng.randint(0, 10 ** rng.randint(1, 9)))
    if kind < 0.9:
        return f"{sentence(rng, 2, 5)} {rng.randint(0, 500)}"
    return rng.choice(("", " ", "  ")) + sentence(rng, 1, 4) + rng.choice(("", " ", "\t"))


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [styled(rng.choice(WORDS), rng) for _ in range(rng.randint(low, high))]
    text = words[0]
    for word in words[1:]:
        text += rng.choice(SEPARATORS) + word
    return text + rng.choice(("", "", ".", "!", "?", "...", ":)"))


def styled(word: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.1:
        return str(rng.randint(0, 2000))
    if style < 0.25:
        return word.upper()
    if style < 0.35:
        return word.capitalize()
    return word.swapcase() if style < 0.4 else word


def argument_cases(rng: random.Random) -> list[str]:
    """Strings holding what each argument looks for, and lengths around each count."""
    values = dict.fromkeys(v for op in OPS.values() for pool in op.params.values() for v in pool)
    cases = []
    for value in values:
        word, other = rng.choice(WORDS), rng.choice(WORDS)
        if isinstance(value, int) and value <= 6:
            cases += ["".join(rng.choice(string.ascii_letters) for _ in range(size))
                      for size in (value - 1, value + 1, 2 * value + 1)]
        elif isinstance(value, str) and len(value) <= 6:
            cases += [value * 3, f"{word}{value}{other}", f"{value}{word} {other}{value}",
                      f"{word.upper()} {value.upper()}{other} {value}"]
    return cases


def probe_pool(rng: random.Random) -> list[str]:
    """The candidate probes, and the check set on which surviving programs must agree."""
    texts = [random_text(rng) for _ in range(RANDOM_TEXTS)]
    return list(dict.fromkeys([*OPENING, *EDGES, *argument_cases(rng), *texts]))


# --- the investigation -------------------------------------------------------------------------


@dataclass
class Notebook:
    door: Door
    rng: random.Random
    space: Space = field(default_factory=Space)
    seen: int = 0                                     # observations taken in so far
    requested: list[str] = field(default_factory=list)  # strings a human asked us to try
    leader: Program | None = None                     # the last hypothesis shown

    async def probe(self, texts: list[str]) -> None:
        texts = list(dict.fromkeys(self.requested + texts))[:self.door.points_left]
        self.requested = []
        await self.door.probe(texts)
        await self.sync()

    async def sync(self) -> int:
        """Take in every new answer, a human's probes during a takeover included."""
        pairs = self.door.observations()[self.seen:]
        self.seen += len(pairs)
        fresh = [(x, y) for x, y in pairs if isinstance(x, str) and isinstance(y, str)]
        if fresh:
            await asyncio.to_thread(self.space.add, fresh)
        return len(fresh)

    def unasked(self, pool: list[str]) -> list[str]:
        asked = {x for x, _ in self.space.observations}
        return [p for p in pool if p not in asked]

    async def propose(self, program: Program, note: str) -> None:
        if program != self.leader:
            self.leader = program
            await self.door.hypothesis(code(program), note=f"{note}: {label(program)}")


async def investigate(door: Door, seed: int) -> None:
    notebook = Notebook(door, random.Random(f"strings scientist {seed}"))
    pool = probe_pool(notebook.rng)
    say = door.say
    try:
        await say(f"My hypotheses: each of the {len(variants())} operations I know, with every "
                  f"argument value, and every composition of two (about {len(variants()) ** 2:,} "
                  "programs). I start with strings that mix case, digits, punctuation, repeated "
                  "spaces, vowels and common substrings.")
        await notebook.probe(list(OPENING))
        await report_opening(notebook)
        while (not notebook.space.lost and door.calls_left > 0
               and door.points_left > 0):
            await narrow(notebook, pool)
            if notebook.space.lost or await verify(notebook, pool):
                break
    except BudgetExhausted:
        await say("I am out of probe calls, so I submit my best candidate.")
    await submit(notebook, pool)


async def steer(notebook: Notebook) -> None:
    """Acknowledge each steering message; quoted strings are probed next."""
    say = notebook.door.say
    for message in await notebook.door.checkpoint():
        quoted = [a or b for a, b in QUOTED.findall(message)]
        notebook.requested += quoted
        if quoted:
            await say(f'Noted: "{message}". I will probe {", ".join(map(repr, quoted))} next.')
        else:
            await say(f'Noted: "{message}". I keep splitting the candidates systematically; put '
                      'a string in double quotes and I will probe it.')
    if await notebook.sync():
        await say(f"I take in the strings probed meanwhile: {count_text(notebook.space)}.")


def count_text(space: Space) -> str:
    n = len(space.survivors or [])
    return "no program fits" if not n else f"{n:,} program{'s' * (n != 1)} still fit"


async def report_opening(notebook: Notebook) -> None:
    shown = "; ".join(f"f({x!r}) = {y!r}" for x, y in notebook.space.observations[1:1 + SHOWN])
    await notebook.door.say(f"{shown}. Striking out every program that disagrees: "
                                  f"{count_text(notebook.space)}.")


async def narrow(notebook: Notebook, pool: list[str]) -> None:
    """Probe the strings that best split the survivors until one behaviour is left, keeping
    one call for verification."""
    door, space = notebook.door, notebook.space
    while not space.lost and door.calls_left > 1 and door.points_left > VERIFY:
        await steer(notebook)
        sample = space.sample()
        groups = await asyncio.to_thread(behaviours, space, sample, pool)
        if len(groups) == 1 and len(sample) < len(space.survivors):
            sample = space.survivors
            groups = await asyncio.to_thread(behaviours, space, sample, pool)
        if len(groups) == 1:
            await door.say(f"{count_text(space)}, and all of them behave alike on "
                                 f"{len(pool)} varied check strings: one behaviour is left.")
            return
        if len(groups) <= NAMED:
            names = "; ".join(label(g[0]) for g in groups)
            await door.say(f"{len(groups)} behaviours remain: {names}.")
            await notebook.propose(groups[0][0], "simplest remaining program")
        size = min(BATCH, door.points_left - VERIFY)
        probes, split = await asyncio.to_thread(
            choose_probes, space, sample, notebook.unasked(pool), size)
        scope = "" if len(sample) == len(space.survivors) else f" (judged on {len(sample)} of them)"
        await door.say(f"{count_text(space)} in at least {len(groups)} distinct behaviours"
                             f"{scope}; probing {probes[0]!r} and {len(probes) - 1} more strings "
                             f"splits them into {split} groups.")
        await notebook.probe(probes)


async def verify(notebook: Notebook, pool: list[str]) -> bool:
    """Check the leading program on fresh strings; True when it predicted every one."""
    door, space = notebook.door, notebook.space
    leader = space.survivors[0]
    await notebook.propose(leader, "leading candidate, before verification")
    await steer(notebook)
    asked = {x for x, _ in space.observations} | set(pool)
    fresh = list(dict.fromkeys(t for t in (random_text(notebook.rng) for _ in range(4 * VERIFY))
                               if t not in asked))[:VERIFY]
    await door.say(f"Leading candidate: {label(leader)}. I check it on {len(fresh)} "
                         "fresh strings it has not seen.")
    before = len(space.observations)
    await notebook.probe(fresh)
    checked = space.observations[before:]
    wrong = [(x, y) for x, y in checked if run(leader, x) != y]
    if not wrong:
        await door.say(f"It predicted all {len(checked)} fresh answers exactly.")
        return True
    x, y = wrong[0]
    await door.say(f"It missed {len(wrong)} of {len(checked)}: f({x!r}) = {y!r}, not "
                         f"{run(leader, x)!r}. {count_text(space)}.")
    return False


async def submit(notebook: Notebook, pool: list[str]) -> None:
    door, space = notebook.door, notebook.space
    if not space.observations:
        await door.say("I saw no answers at all, so I can only guess the identity.")
        await door.submit("Probably returns the input unchanged (untested).", code(()))
        return
    if not space.lost:
        program = space.survivors[0]
        others = len(await asyncio.to_thread(behaviours, space, space.survivors, pool)) - 1
        if others:
            await door.say(f"{others} other behaviour{'s' * (others != 1)} also fit what I "
                                 "saw; I submit the simplest program.")
        await notebook.propose(program, "final answer")
        await door.say(f"Submitting: {label(program)}.")
        await door.submit(describe(program), code(program))
        return
    await door.say("No program of one or two known operations fits every answer: the "
                         "function lies outside my catalogue. I look for the closest one.")
    program, exact, similar = await asyncio.to_thread(closest, space.observations)
    total = len(space.observations)
    await notebook.propose(program, "closest match (approximate)")
    await door.say(f"Closest: {label(program)}, exact on {exact} of {total} answers.")
    description = (f"Approximately: {describe(program)} This is only an approximation: it "
                   f"reproduces {exact} of {total} observed outputs exactly (mean character "
                   f"similarity {similar:.2f}), and no program of one or two known string "
                   "operations fits every observation.")
    await door.submit(description, code(program))
