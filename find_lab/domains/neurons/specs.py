"""The neurons domain: word -> activation in [0, 1], selective for concepts of a lexicon.

The lexicon (`functions/lexicon/`) holds concepts with graded member words and a general
vocabulary that belongs to no concept. Each spec copies the members it fires for, so a spec
is self-contained: the interpreter, the renderer and scoring need nothing but the spec.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import numpy as np

GAIN = 0.92     # activation of a fully typical member, before jitter
JITTER = 0.06   # deterministic per-word jitter added to every activation
HELDOUT = {"members": 40, "other_concepts": 20, "vocabulary": 40}


def load_lexicon(directory: Path) -> tuple[list[dict], list[str]]:
    """The concepts and the general vocabulary shipped in `functions/lexicon/`."""
    concepts = json.loads((directory / "concepts.json").read_text(encoding="utf-8"))["concepts"]
    vocabulary = (directory / "vocabulary.txt").read_text(encoding="utf-8").split()
    return concepts, vocabulary


def normalise(word: str) -> str:
    return str(word).strip().lower()


def activation(spec: dict, word: str) -> float:
    """The true activation: grade-weighted for members, near zero for everything else."""
    w = normalise(word)
    jitter = zlib.crc32(f"{spec['salt']}:{w}".encode()) % 1000 / 1000 * JITTER
    return GAIN * spec["members"].get(w, 0.0) + jitter


def make_callable(spec: dict):
    return lambda word: activation(spec, word)


def render(spec: dict) -> str:
    """Readable, runnable source: the member table and the one-line activation rule."""
    items = [f'"{w}": {g!r}' for w, g in spec["members"].items()]
    rows = ",\n    ".join(", ".join(items[i:i + 6]) for i in range(0, len(items), 6))
    return (
        "import zlib\n\n"
        f"# {_title(spec)}\n"
        f"MEMBERS = {{\n    {rows},\n}}\n\n\n"
        "def f(word):\n"
        f'    """{spec["id"]} ({spec["complexity"]})."""\n'
        "    w = str(word).strip().lower()\n"
        f'    jitter = zlib.crc32(f"{spec["salt"]}:{{w}}".encode()) % 1000 / 1000 * {JITTER!r}\n'
        f"    return {GAIN!r} * MEMBERS.get(w, 0.0) + jitter\n"
    )


def _title(spec: dict) -> str:
    title = " or ".join(spec["concepts"])
    if spec["excluded"]:
        title += f", except {spec['excluded']['name']}"
    return title


def _examples(members: dict, count: int = 4) -> str:
    top = sorted(members, key=lambda w: (-members[w], w))[:count]
    return ", ".join(top)


def describe(spec: dict, concepts: dict[str, dict]) -> str:
    groups = []
    for name in spec["concepts"]:
        mine = {w: g for w, g in concepts[name]["members"].items() if w in spec["members"]}
        groups.append(f"{name} (e.g. {_examples(mine)})")
    text = "Fires for words about " + " or ".join(groups)
    text += ", most strongly for the most typical ones"
    if spec["excluded"]:
        excluded = spec["excluded"]
        text += (f"; except {excluded['name']} words ({', '.join(excluded['words'][:4])}), "
                 "which stay near zero like unrelated words")
    return text + ". Unrelated words give almost nothing (below 0.06)."


def _plan(concepts: list[dict], count: int, rng: np.random.Generator) -> list[tuple]:
    """Which concepts each neuron uses: singles, exceptions, then X-or-Y pairs to fill."""
    names = [c["name"] for c in concepts]
    singles = [("single", (names[i],), None) for i in rng.permutation(len(names))]
    excepts = [("except", (c["name"],), sub) for c in concepts for sub in c.get("subcategories", {})]
    excepts = [excepts[i] for i in rng.permutation(len(excepts))]
    n_single, n_except = min(len(singles), count * 2 // 5), min(len(excepts), count * 3 // 10)
    plan = singles[:n_single] + excepts[:n_except]
    if count - len(plan) > len(names) * (len(names) - 1) // 2:
        raise ValueError(f"the lexicon has too few concepts for {count} neurons")
    pairs: list[tuple[str, str]] = []
    while len(plan) + len(pairs) < count:
        a, b = sorted(rng.choice(len(names), 2, replace=False))
        if (names[a], names[b]) not in pairs:
            pairs.append((names[a], names[b]))
    plan += [("or", pair, None) for pair in pairs]
    return [plan[i] for i in rng.permutation(len(plan))]


def generate(seed: int, lexicon: Path, count: int = 300) -> list[dict]:
    """`count` neuron specs drawn deterministically from the lexicon."""
    concepts, vocabulary = load_lexicon(lexicon)
    by_name = {c["name"]: c for c in concepts}
    rng = np.random.default_rng([seed, 3])
    specs = []
    for index, (kind, names, sub) in enumerate(_plan(concepts, count, rng)):
        members = {}
        for name in names:
            members.update(by_name[name]["members"])
        excluded = None
        if sub:
            words = sorted(by_name[names[0]]["subcategories"][sub])
            excluded = {"name": sub, "words": words}
            members = {w: g for w, g in members.items() if w not in words}
        spec = {"id": f"neurons/f{index:04d}", "domain": "neurons", "complexity": kind,
                "description": "", "concepts": list(names), "excluded": excluded,
                "members": dict(sorted(members.items())), "salt": f"f{index:04d}",
                "heldout": []}
        spec["heldout"] = _heldout(spec, concepts, vocabulary, np.random.default_rng([seed, 3, index]))
        spec["description"] = describe(spec, by_name)
        specs.append(spec)
    return specs


def _heldout(spec: dict, concepts: list[dict], vocabulary: list[str],
             rng: np.random.Generator) -> list[str]:
    """Scoring words: members, the excluded sub-category, other concepts' members, plain words."""
    own = list(spec["members"])
    others = sorted({w for c in concepts if c["name"] not in spec["concepts"] for w in c["members"]})
    picked = _sample(own, HELDOUT["members"], rng)
    picked += spec["excluded"]["words"] if spec["excluded"] else []
    picked += _sample(others, HELDOUT["other_concepts"], rng)
    picked += _sample(vocabulary, HELDOUT["vocabulary"], rng)
    return sorted(set(picked))


def _sample(words: list[str], count: int, rng: np.random.Generator) -> list[str]:
    if len(words) <= count:
        return list(words)
    return [words[i] for i in sorted(rng.choice(len(words), count, replace=False))]
