"""The strings scientist: program synthesis over general text primitives.

It works only through the Door, as a person who knows what text functions usually do:
probe a few rich strings and a broad survey, say what the answers look like, then search
for the simplest programs that explain every answer (`search`: one step, two, two programs
written one after the other, a choice on a simple predicate; constants read off the
answers). While several programs survive it asks the strings that best split them; when one
behaviour is left it checks it on fresh strings and submits the program's own description
and code. When nothing fits it submits the closest program, marked approximate, with what
does hold.

A fork's carried answers (and a person's during a takeover) are taken in like its own: the
opening strings and edge cases already asked are not asked again, and carried answers stand in
for the random part of its survey. It follows "quoted strings" (probed next) and "submit now",
and says plainly that it cannot follow the rest of the steering language (intervals, families,
noise), which is about numbers.
"""

from __future__ import annotations

import ast
import asyncio
import collections
import random
import time
from dataclasses import dataclass, field

from find_lab import english
from find_lab.agents.scientist import steering
from find_lab.agents.scientist.strings import probes
from find_lab.agents.scientist.strings.facts import facts
from find_lab.agents.scientist.strings.library import fixed_steps
from find_lab.agents.scientist.strings.programs import IDENTITY, Program
from find_lab.agents.scientist.strings.search import closest, synthesise
from find_lab.experiment import BudgetExhausted, Door

SURVEY = 20             # random strings of the second call, beside every edge case
BATCH = 6               # strings per probe call while narrowing
VERIFY = 30             # fresh strings the final candidate must predict
THINKING = 12.0         # seconds of search a session may spend in all...
MIN_SEARCH = 1.0        # ...but every search gets at least this long
PLAIN_LEAST = 12        # plain answers enough to search them on their own
BASIS = 64              # answers the search explains at most; the rest only check
LONG = 2000             # answers longer than this only check, never enter the search
SAMPLE = 200            # surviving programs weighed when choosing probes
NAMED = 3
QUOTE = 60              # characters of a string quoted in a message
LITERAL_PROGRAMS = 30   # survivors whose literals seed probes around them
MAX_LITERALS = 8
SHOWN = 3
FOLLOWS = '"a quoted string" (I probe it next), submit now'
CANNOT = {"interval": "text has no interval to look at", "near": "text has no x to probe near",
          "family": "I search programs over text, not families of curves",
          "noise": "a string function here answers the same string the same way every time"}


class SubmitNow(Exception):
    """A person asked for the answer now."""


@dataclass
class Space:
    """The programs consistent with every answer, and the answers."""

    observations: list[tuple[str, str]] = field(default_factory=list)
    survivors: list[Program] = field(default_factory=list)
    basis: list[int] = field(default_factory=list)   # answers the last search explained
    lost: bool = False
    searching: bool = False  # off while the first answers come in: one search sees them all
    refuted: list[Program] = field(default_factory=list)  # the last programs that fitted
    thought: float = 0.0     # seconds spent searching so far
    memo: dict[tuple[Program, str], object] = field(default_factory=dict)

    def add(self, pairs: list[tuple[str, str]]) -> None:
        start = len(self.observations)
        self.observations += pairs
        if self.survivors:
            self.refuted = self.survivors
        self.survivors = [p for p in self.survivors
                          if all(self.predict(p, x) == y for x, y in pairs)]
        if not self.survivors and self.searching:
            self.search(list(range(start, len(self.observations))))

    def search(self, new: list[int]) -> None:
        """Search again, explaining the answers that refuted the last programs too; after
        the first answers (`new` empty) only if nothing explains them yet."""
        if not new and self.survivors:
            return
        usable = [i for i, (x, y) in enumerate(self.observations)
                  if len(x) <= LONG and len(y) <= LONG]
        basis = list(dict.fromkeys(self.basis + [i for i in new if i in usable] + usable))
        basis = basis[:BASIS]
        for _ in range(3):
            seconds = max(MIN_SEARCH, THINKING - self.thought)
            started = time.monotonic()
            found = synthesise([self.observations[i] for i in basis], seconds)
            self.thought += time.monotonic() - started
            survivors = [p for p in found if all(self.predict(p, x) == y
                                                 for x, y in self.observations)]
            if survivors or not found:
                break
            wrong = [i for i in usable if i not in basis and
                     found[0].run(self.observations[i][0]) != self.observations[i][1]]
            if not wrong:
                break
            basis = (basis + wrong[:4])[-BASIS:] if len(basis) >= BASIS else basis + wrong[:4]
        self.basis, self.survivors = basis, survivors
        self.lost = not survivors
        if self.lost:
            self.refuted = self.plain_programs(basis) or self.refuted

    def plain_programs(self, basis: list[int]) -> list[Program]:
        """Programs explaining the answers on plain inputs (printable ASCII): when nothing
        explains them all, the best approximate answer often fails only on accents or
        control characters."""
        plain = [i for i in basis if self.observations[i][0].isascii()
                 and self.observations[i][0].isprintable()]
        if len(plain) == len(basis) or len(plain) < PLAIN_LEAST:
            return []
        started = time.monotonic()
        found = synthesise([self.observations[i] for i in plain], MIN_SEARCH)
        self.thought += time.monotonic() - started
        return found

    def predict(self, program: Program, x: str):
        key = (program, x)
        if key not in self.memo:
            self.memo[key] = program.run(x)
        return self.memo[key]

    def sample(self) -> list[Program]:
        return self.survivors[:SAMPLE]


def behaviours(space: Space, programs: list[Program], pool: list[str]) -> list[list[Program]]:
    """Programs grouped by their outputs on the pool, the group of the simplest first."""
    groups: dict[tuple, list[Program]] = {}
    for program in programs:
        groups.setdefault(tuple(space.predict(program, p) for p in pool), []).append(program)
    return list(groups.values())


def split_cost(labels: list, outputs: list) -> tuple[int, list]:
    refined = list(zip(labels, outputs))
    return sum(n * n for n in collections.Counter(refined).values()), refined


def choose_probes(space: Space, programs: list[Program], pool: list[str],
                  count: int) -> tuple[list[str], int]:
    """Greedily the strings whose answers jointly split `programs` into the most groups."""
    table = {p: [space.predict(program, p) for program in programs] for p in pool}
    labels: list = [0] * len(programs)
    cost, chosen = len(programs) ** 2, []
    for _ in range(count):
        if not pool:
            break
        best = min(pool, key=lambda p: (split_cost(labels, table[p])[0], len(p)))
        new_cost, refined = split_cost(labels, table[best])
        if new_cost >= cost:
            break
        cost, labels = new_cost, refined
        chosen.append(best)
        pool = [p for p in pool if p != best]
    return chosen, len(set(labels))


@dataclass
class Notebook:
    door: Door
    rng: random.Random
    space: Space = field(default_factory=Space)
    seen: int = 0           # answers taken in from the session so far
    steering: bool = True   # read steering before each probe (not once it is submitting)
    requested: list[str] = field(default_factory=list)
    leader: Program | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (probe, what went wrong)

    async def probe(self, texts: list[str]) -> None:
        if self.steering:
            await steer(self)  # steering is read before every step
        texts = list(dict.fromkeys(self.requested + texts))[:self.door.points_left]
        self.requested = []
        if texts:
            answers = await self.door.probe(texts)
            self.errors += [(x, error) for x, (_, error) in zip(texts, answers) if error]
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
            await self.door.hypothesis(program.code(), note=f"{note}: {program.label()}")


def literals(programs: list[Program]) -> list[str]:
    """The short string constants the programs' code mentions."""
    found: dict[str, None] = {}
    for program in programs[:LITERAL_PROGRAMS]:
        for node in ast.walk(ast.parse("\n".join(program.lines("f")))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and 0 < len(node.value) <= 6 and not node.value.isspace():
                found[node.value] = None
    return list(found)[:MAX_LITERALS]


def count_text(space: Space) -> str:
    n = len(space.survivors)
    return "no program fits" if not n else f"{n:,} program{'s' * (n != 1)} fit"


async def investigate(door: Door, seed: int) -> None:
    notebook = Notebook(door, random.Random(f"strings scientist {seed}"))
    pool = probes.pool(notebook.rng)
    carried = await notebook.sync()  # a fork starts with its parent's answers
    try:
        await door.say(f"You can steer me: {FOLLOWS}.")
        await door.say(f"I know {len(fixed_steps())} general operations on text (case, order, "
                       "filters by character class, slices, words, counts, shifts) and read "
                       "constants such as literals, separators and substitutions off the "
                       "answers. I search for the simplest program that explains every "
                       "answer, starting with strings that mix case, digits, punctuation "
                       "and spaces.")
        if carried:
            await door.say(f"This session already holds {english.count(carried, 'answer')}; I "
                           "take them in and ask only what they lack.")
        await notebook.probe(notebook.unasked(list(probes.OPENING)))
        notebook.space.searching = True
        designed = set(probes.OPENING) | set(probes.EDGES)
        others = sum(x not in designed for x, _ in notebook.space.observations)
        survey = notebook.unasked(list(probes.EDGES))
        survey += probes.fresh(notebook.rng, set(survey) | set(pool) | designed |
                               {x for x, _ in notebook.space.observations},
                               max(0, SURVEY - others))
        await notebook.probe(survey)
        await asyncio.to_thread(notebook.space.search, [])
        await report_opening(notebook)
        while notebook.space.observations and not notebook.space.lost \
                and door.calls_left > 0 and door.points_left > 0:
            await narrow(notebook, pool)
            if notebook.space.lost or await verify(notebook):
                break
    except BudgetExhausted:
        await door.say("I am out of probe calls, so I submit my best candidate.")
    except SubmitNow:
        space = notebook.space
        notebook.steering = False
        if not space.observations and door.calls_left > 0 and door.points_left > 0:
            await door.say("I have no answers yet, so I ask my opening strings first: an answer "
                           "from nothing would be a blind guess.")
            await notebook.probe(list(probes.OPENING))
        asked = notebook.unasked(notebook.requested)
        if asked and door.calls_left > 0 and door.points_left > 0:  # "probe X, then submit"
            await door.say(f"First the {english.count(len(asked), 'string')} you asked me to "
                           "probe, so the answer takes them in.")
            await notebook.probe(asked)
        if space.observations and not space.survivors and not space.lost:
            await asyncio.to_thread(space.search, [])
    await submit(notebook, pool)


async def steer(notebook: Notebook) -> None:
    """Acknowledge each steering message before the next step: quoted strings are probed
    next, "submit now" ends the search; anything else is answered with what it follows."""
    say = notebook.door.say
    for message in await notebook.door.checkpoint():
        asked = steering.quote(message)
        for order in steering.parse(message):
            if order.kind == "quoted":
                notebook.requested += list(order.quoted)
                await say(f'Noted: {asked}. I will probe {", ".join(map(repr, order.quoted))} next.')
            elif order.kind == "submit":
                await say(f"{asked}: I stop here and submit my best candidate.")
                raise SubmitNow
            elif order.kind == "handback":
                await say(f"Noted: {asked}. I take the strings the person probed into my search.")
            elif order.kind in CANNOT:
                await say(f"I can't follow {asked}: {CANNOT[order.kind]}. I follow {FOLLOWS}.")
            else:
                await say(f"I can't follow {asked}: I keep splitting the candidates "
                          f"systematically; I follow {FOLLOWS}.")
    if await notebook.sync():
        await say(f"I take in the strings probed meanwhile: {count_text(notebook.space)}.")


async def report_opening(notebook: Notebook) -> None:
    space = notebook.space
    if notebook.errors:
        x, error = notebook.errors[0]
        await notebook.door.say(f"{len(notebook.errors)} of my probes gave no answer; "
                                f"f({quote(x)}): {error}.")
    if not space.observations:
        return
    shown = "; ".join(f"f({quote(x)}) = {quote(y)}" for x, y in space.observations[:SHOWN])
    held = facts(space.observations)
    shape = f" What the answers show: {'; '.join(held)}." if held else ""
    await notebook.door.say(f"{shown}.{shape} Searching for programs that explain all "
                            f"{len(space.observations)} answers: {count_text(space)}.")


async def narrow(notebook: Notebook, pool: list[str]) -> None:
    """Probe the strings that best split the survivors until one behaviour is left, keeping
    one call for verification."""
    door, space = notebook.door, notebook.space
    while not space.lost and door.calls_left > 1 and door.points_left > VERIFY:
        await steer(notebook)
        sample = space.sample()
        pool = list(dict.fromkeys(pool + probes.around(literals(sample), notebook.rng)))
        groups = await asyncio.to_thread(behaviours, space, sample, pool)
        if len(groups) == 1:
            await door.say(f"{count_text(space)}, and all of them behave alike on "
                           f"{len(pool)} varied check strings: one behaviour is left.")
            return
        if len(groups) <= NAMED:
            names = "; ".join(g[0].label() for g in groups)
            await door.say(f"{len(groups)} behaviours remain: {names}.")
            await notebook.propose(groups[0][0], "simplest remaining program")
        size = min(BATCH, door.points_left - VERIFY)
        chosen, split = await asyncio.to_thread(
            choose_probes, space, sample, notebook.unasked(pool), size)
        if not chosen:
            await door.say(f"{count_text(space)}; none of my check strings splits them "
                           "further.")
            return
        await door.say(f"{count_text(space)} in at least {len(groups)} distinct behaviours; "
                       f"probing {quote(chosen[0])} and {len(chosen) - 1} more strings splits them "
                       f"into {split} groups.")
        await notebook.probe(chosen)


async def verify(notebook: Notebook) -> bool:
    """Check the leading program on fresh strings; True when it predicted every one."""
    door, space = notebook.door, notebook.space
    leader = space.survivors[0]
    await notebook.propose(leader, "leading candidate, before verification")
    await steer(notebook)
    if door.points_left <= 0 or door.calls_left <= 0:
        await door.say(f"Leading candidate: {leader.label()}. No probes are left to check it on "
                       "fresh strings, so it stays unchecked.")
        return True
    asked = {x for x, _ in space.observations}
    fresh = probes.fresh(notebook.rng, asked, min(VERIFY, door.points_left))
    await door.say(f"Leading candidate: {leader.label()}. I check it on {len(fresh)} fresh "
                   "strings it has not seen.")
    before = len(space.observations)
    await notebook.probe(fresh)
    checked = space.observations[before:]
    wrong = [(x, y) for x, y in checked if leader.run(x) != y]
    if not checked:
        await door.say("None of them gave an answer, so it stays unchecked.")
        return True
    if not wrong:
        await door.say(f"It predicted all {len(checked)} fresh answers exactly.")
        return True
    x, y = wrong[0]
    await door.say(f"It missed {len(wrong)} of {len(checked)}: f({quote(x)}) = {quote(y)}, not "
                   f"{quote(leader.run(x))}. Searching again: {count_text(space)}.")
    return False


async def submit(notebook: Notebook, pool: list[str]) -> None:
    door, space = notebook.door, notebook.space
    if not space.observations:
        why = f" (every probe failed: {notebook.errors[0][1]})" if notebook.errors else ""
        await door.say(f"I saw no answers at all{why}, so I can only guess the identity.")
        await door.submit(f"Unknown: no probe gave an answer{why}. Submitted as the identity, "
                          "untested.", IDENTITY.code())
        return
    if space.survivors:
        program = space.survivors[0]
        others = len(await asyncio.to_thread(behaviours, space, space.survivors, pool)) - 1
        if others:
            await door.say(f"{others} other behaviour{'s' * (others != 1)} also fit what I "
                           "saw; I submit the simplest program.")
        await notebook.propose(program, "final answer")
        await door.say(f"Submitting: {program.label()}.")
        await door.submit(program.describe() + unanswered(notebook), program.code())
        return
    await door.say("No program I can build explains every answer. I submit the closest one, "
                   "and what the answers do show.")
    program, exact = await asyncio.to_thread(closest, space.observations, space.refuted)
    total = len(space.observations)
    held = facts(space.observations)
    misses = [(x, y) for x, y in space.observations if program.run(x) != y][:2]
    failing = "; ".join(f"f({quote(x)}) = {quote(y)} where it gives {quote(program.run(x))}"
                        for x, y in misses)
    await notebook.propose(program, "closest match (approximate)")
    await door.say(f"Closest: {program.label()}, exact on {exact} of {total} answers.")
    shape = f" What holds on every answer seen: {'; '.join(held)}." if held else ""
    description = (f"Approximately: {program.describe()} This is only an approximation: it "
                   f"reproduces {exact} of {total} observed answers exactly, and no program "
                   f"I can build explains them all.{shape} It fails, for example, on "
                   f"{failing}.{unanswered(notebook)}")
    await door.submit(description, program.code())


def unanswered(notebook: Notebook) -> str:
    """What an answer cannot speak for: the probes that gave none."""
    if not notebook.errors:
        return ""
    x, error = notebook.errors[0]
    total = len(notebook.errors) + len(notebook.space.observations)
    return (f" {len(notebook.errors)} of my {total} probes gave no answer (f({quote(x)}): "
            f"{error}); this describes only the answered ones.")


def quote(value, limit: int = QUOTE) -> str:
    """repr, cut to `limit` characters with the full length said (answers can be huge)."""
    if not isinstance(value, str) or len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}... ({len(value):,} characters)"
