"""The strings domain: hidden str -> str functions as JSON specs.

A spec's `program` lists atomic operations (see `ops`) in the order they are
applied. `make_callable` interprets it through the operation registry; `render` prints
the operations' own source plus an `f` that composes them, so the two cannot drift.
"""

import collections
import functools
import hashlib
import inspect
import json
import random
import string
import zlib
from collections.abc import Callable, Iterator
from itertools import product
from types import CodeType, ModuleType

from find_lab.domains.strings.ops import OPS, Op

COMPOSED_SHARE = 0.7
PROBE_COUNT = 200
MAX_ATTEMPTS = 20_000  # per function; only an oversized suite exhausts the atomic variants
MAX_MAJORITY_SHARE = 0.5  # a composition returning one output on more probes is rejected

WORDS = (
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "hello", "world",
    "python", "string", "function", "hidden", "agent", "reverse", "letter", "number",
    "apple", "banana", "cherry", "orange", "lemon", "melon", "river", "mountain", "ocean",
    "street", "station", "bottle", "coffee", "teacher", "student", "garden", "winter",
    "summer", "morning", "evening", "thinking", "reading", "running", "and", "or", "in",
    "at", "on", "an", "is", "it", "to", "of", "she", "he", "they", "there", "then", "rhythm",
    "queue", "aeiou", "moon", "seed", "tree", "ball", "grass", "miss", "kiss", "error",
    "answer", "interest", "rest", "stone", "center", "entrance", "zebra", "yellow", "box",
    "jazz", "quiz", "sky", "Paris", "London", "Alice", "Bob", "NASA", "HTTP", "iPhone",
)
ACCENTED = ("café", "naïve", "jalapeño", "über", "façade", "résumé")
SEPARATORS = (" ", " ", " ", "  ", ", ", "-", "_", ". ", "\t")


def generate(seed: int, count: int = 1000) -> list[dict]:
    """Draws `count` distinct, non-degenerate functions, about 70% of them composed."""
    rng = random.Random(seed)
    composed = round(COMPOSED_SHARE * count)
    sizes = [2] * composed + [1] * (count - composed)
    rng.shuffle(sizes)
    seen: set[str] = set()
    specs = []
    for index, size in enumerate(sizes):
        program, digest = _draw_program(rng, size, seen)
        seen.add(digest)
        specs.append(_spec(index, program))
    return specs


def make_callable(spec: dict) -> Callable[[str], str]:
    """The interpreter: chains the registered operations named by the program."""
    steps = [(OPS[step["op"]].func, step["args"]) for step in spec["program"]]

    def hidden(x: str) -> str:
        for func, args in steps:
            x = func(x, **args)
        return x

    return hidden


def render(spec: dict) -> str:
    """Self-contained Python source defining `f`, equal in behaviour to `make_callable`."""
    funcs = list(dict.fromkeys(OPS[step["op"]].func for step in spec["program"]))
    modules = sorted({name for func in funcs for name in _modules_used(func)})
    call = "x"
    for step in spec["program"]:
        args = "".join(f", {name}={value!r}" for name, value in step["args"].items())
        call = f"{step['op']}({call}{args})"
    header = "".join(f"import {module}\n" for module in modules)
    blocks = [_source(func) for func in funcs]
    blocks.append(f"def f(x: str) -> str:\n    return {call}\n")
    return (header + "\n\n" if header else "") + "\n\n".join(blocks)


CHANGED_SHARE = 0.5  # of the held-out inputs, at least this many are ones f changes


def test_inputs(spec: dict, count: int = 60, function=None) -> list[str]:
    """Held-out inputs: edge cases, strings built around the program's arguments, then
    random text; seeded by the spec id so each function gets its own set. `function`, when
    given, stands in for the spec's program (a user's own reference function)."""
    rng = random.Random(zlib.crc32(spec["id"].encode()))
    unique = dict.fromkeys([*_edge_cases(rng), *_argument_cases(spec["program"], rng)])
    call = function or make_callable(spec)
    changed = sum(call(text) != text for text in unique)
    for _ in range(100 * count):  # prefer inputs f changes, so "f is the identity" fails
        if len(unique) >= count:
            break
        text = _random_text(rng)
        still_needed = count * CHANGED_SHARE - changed
        if text not in unique and (call(text) != text or count - len(unique) > still_needed):
            unique[text] = None
            changed += call(text) != text
    while len(unique) < count:
        unique[_random_text(rng)] = None
    return list(unique)[:count]


# --- generation -----------------------------------------------------------------------


def _spec(index: int, program: list[dict]) -> dict:
    phrases = [OPS[step["op"]].describe(step["args"]) for step in program]
    text = ". Then ".join(phrases)
    return {
        "id": f"strings/f{index:04d}",
        "domain": "strings",
        "complexity": "composed" if len(program) > 1 else "atomic",
        "description": text[0].upper() + text[1:] + ".",
        "program": program,
    }


def _draw_program(rng: random.Random, size: int, seen: set[str]) -> tuple[list[dict], str]:
    """Draws programs until one is non-degenerate and behaves unlike every accepted one."""
    names = list(OPS)
    for _ in range(MAX_ATTEMPTS):
        program = [_step(OPS[rng.choice(names)], rng) for _ in range(size)]
        outputs = _outputs(program)
        digest = _digest(outputs)
        if digest not in seen and not _degenerate(program, outputs, digest):
            return program, digest
    raise ValueError(f"no new {size}-step function found: the suite is too large for the ops")


def _step(op: Op, rng: random.Random) -> dict:
    return {"op": op.name, "args": op.sample(rng)}


def _degenerate(program: list[dict], outputs: tuple[str, ...], digest: str) -> bool:
    """Identity or constant; for a composition also: a repeated operation, a result some
    single operation already gives (which covers one step undoing, overriding or ignoring
    the other), or one output on most probes."""
    if outputs == _probes() or len(set(outputs)) == 1:
        return True
    if len(program) == 1:
        return False
    majority = collections.Counter(outputs).most_common(1)[0][1]
    return (
        program[0]["op"] == program[1]["op"]
        or digest in _atomic_digests()
        or majority > MAX_MAJORITY_SHARE * len(outputs)
    )


@functools.cache
def _atomic_digests() -> frozenset[str]:
    """Behaviour digests of every atomic variant: each op with each argument combination."""
    digests = set()
    for op in OPS.values():
        for values in product(*op.params.values()):
            step = {"op": op.name, "args": dict(zip(op.params, values))}
            digests.add(_digest(_outputs([step])))
    return frozenset(digests)


def _outputs(program: list[dict]) -> tuple[str, ...]:
    """The program's outputs on the probe set, the first step's taken from a cache."""
    first, *rest = program
    outputs = _step_outputs(json.dumps(first))
    for step in rest:
        func, args = OPS[step["op"]].func, step["args"]
        outputs = tuple(func(x, **args) for x in outputs)
    return outputs


@functools.cache
def _step_outputs(step_json: str) -> tuple[str, ...]:
    step = json.loads(step_json)
    func, args = OPS[step["op"]].func, step["args"]
    return tuple(func(x, **args) for x in _probes())


def _digest(outputs: tuple[str, ...]) -> str:
    return hashlib.sha256(json.dumps(outputs).encode()).hexdigest()


@functools.cache
def _probes() -> tuple[str, ...]:
    """A fixed, diverse probe set on which behaviours are compared."""
    rng = random.Random("strings-probes")
    fixed = [
        "", " ", "a", "Z", "7", "?", "ab", "abc", "abcd", "Hello World", "  padded  ",
        "a  b   c", "aeiouAEIOU", "rhythm", "12345", "3.14", "x1y2z3", "Hello, World!",
        "the quick brown fox jumps over the lazy dog", "THE END", "tHiS iS mIxEd", "racecar",
        "aaabbbccc", "Mississippi", "café au lait", "tab\tseparated", "line\nbreak", "!!!",
        "a-b_c", "don't stop", "2024-01-15", "user@example.com", "CamelCaseWord", "zzz 999",
        "Ab1 Cd2 Ef3", "one two three four five six", "*star*", "--dash--", "#tag_", ".dot.",
        "xenon x", "seen 00", "the thing and the ring", "err", "0", "9 to 5",
    ]
    unique = dict.fromkeys(fixed)
    while len(unique) < PROBE_COUNT:
        unique[_random_text(rng)] = None
    return tuple(unique)


# --- rendering --------------------------------------------------------------------------


@functools.cache
def _source(func: Callable[..., str]) -> str:
    return inspect.getsource(func)


def _modules_used(func: Callable[..., str]) -> set[str]:
    """Modules the operation refers to, nested lambdas included: its import lines."""
    return {
        name
        for name in _names(func.__code__)
        if isinstance(func.__globals__.get(name), ModuleType)
    }


def _names(code: CodeType) -> Iterator[str]:
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _names(const)


# --- inputs -----------------------------------------------------------------------------


def _edge_cases(rng: random.Random) -> list[str]:
    """One string per kind of input that tends to expose a wrong guess."""
    word, other = rng.choice(WORDS), rng.choice(WORDS)
    digits = "".join(rng.choice(string.digits) for _ in range(rng.randint(3, 9)))
    long_text = _sentence(rng, 14, 30)
    while len(long_text) < 80:
        long_text += " " + _sentence(rng, 4, 8)
    return [
        "",
        rng.choice(string.ascii_letters),
        rng.choice(string.digits + string.punctuation),
        digits,
        f"{word}{digits}{other}",
        f"{word.capitalize()}, {other}! ({rng.choice(WORDS)}?) ...",
        "".join(c.upper() if rng.random() < 0.5 else c for c in f"{word} {other}"),
        rng.choice(("  ", "   ", "\t")).join(rng.sample(WORDS, 3)),
        f"  {word} {other} \t",
        long_text[:200],
        f"{rng.choice(ACCENTED)} {word}",
        "".join(c * rng.randint(1, 4) for c in rng.sample(string.ascii_lowercase, 4)),
        rng.choice(("aeiou", "AEIOU", "ouie", "eau")),
        rng.choice(("rhythm", "crypt", "sky", "BCDFG")),
        f"{word}{word[::-1]}",
    ]


def _argument_cases(program: list[dict], rng: random.Random) -> list[str]:
    """Strings holding what the arguments look for, and lengths around numeric arguments."""
    cases = []
    for step in program:
        for value in step["args"].values():
            word, other = rng.choice(WORDS), rng.choice(WORDS)
            if isinstance(value, int):
                for size in (value - 1, value, value + 1, 2 * value + 1):
                    cases.append("".join(rng.choice(string.ascii_letters) for _ in range(size)))
            elif len(value) <= 6:
                cases += [
                    value,
                    value * 3,
                    f"{word}{value}{other}",
                    f"{value}{word} {other}{value}",
                    f"{word.upper()} {value.upper()}{other} {value}",
                ]
    return cases


def _random_text(rng: random.Random) -> str:
    """A random word, sentence, number or identifier-like string."""
    kind = rng.random()
    if kind < 0.45:
        return _sentence(rng, 1, 7)
    if kind < 0.6:
        return f"{rng.choice(WORDS)}{rng.randint(0, 9999)}"
    if kind < 0.7:
        return str(rng.randint(0, 10**rng.randint(1, 10)))
    if kind < 0.85:
        return _sentence(rng, 2, 5) + " " + str(rng.randint(0, 500))
    return rng.choice(("", " ", "  ")) + _sentence(rng, 1, 4) + rng.choice(("", " ", "\t"))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    """Words with varied case, separators and trailing punctuation."""
    words = [_styled(rng.choice(WORDS), rng) for _ in range(rng.randint(low, high))]
    text = words[0]
    for word in words[1:]:
        text += rng.choice(SEPARATORS) + word
    return text + rng.choice(("", "", "", ".", "!", "?", "...", ":)"))


def _styled(word: str, rng: random.Random) -> str:
    """The word as is, in another case, or swapped for a number."""
    style = rng.random()
    if style < 0.12:
        return str(rng.randint(0, 2000))
    if style < 0.25:
        return word.upper()
    if style < 0.35:
        return word.capitalize()
    if style < 0.4:
        return word.swapcase()
    return word
