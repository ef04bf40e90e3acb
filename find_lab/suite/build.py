"""Build the suite deterministically from a seed into `functions/`, and verify what is there.

The lexicon in `functions/lexicon/` is hand-written input; everything else in `functions/` is
output of `build`, byte-identical for the same seed and lexicon: `rebuild_problems` checks that
on every function (about a minute, the MLPs trained again), `generate(..., ids=...)` on a few.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from find_lab.suite import COMPLEXITIES, DOMAINS, Suite, SuiteError, neurons, numeric, render, strings
from find_lab.suite.atoms import GRID

COUNTS = {"numeric": 1000, "strings": 1000, "neurons": 300}
LEXICON_FILES = ("lexicon/concepts.json", "lexicon/vocabulary.txt")
FORMAT = 1


def generate(domain: str, seed: int, lexicon: Path, workers: int = 1,
             ids: list[str] | None = None) -> list[dict]:
    """The domain's specs as `build` writes them, or only those in `ids`, in that order.
    Numeric functions draw from random streams of their own, so a few cost only themselves;
    strings and neurons draw in one sequence, so any of them costs the whole domain (under a
    second)."""
    if domain == "numeric":
        indices = range(COUNTS["numeric"]) if ids is None else [int(fid[-4:]) for fid in ids]
        return _numeric(seed, workers, list(indices))
    if domain == "strings":
        specs = strings.generate(seed, COUNTS["strings"])
    else:
        specs = neurons.generate(seed, lexicon, COUNTS["neurons"])
    if ids is None:
        return specs
    by_id = {spec["id"]: spec for spec in specs}
    return [by_id[fid] for fid in ids]


def line(spec: dict) -> str:
    """A spec as one line of `<domain>.jsonl`."""
    return json.dumps(spec) + "\n"


def _numeric(seed: int, workers: int, indices: list[int]) -> list[dict]:
    """Numeric functions are independent (one random stream each), so they build in parallel."""
    chunks = [(seed, indices[w::workers]) for w in range(max(1, workers))]
    if len(chunks) == 1:
        built = [_numeric_chunk(chunks[0])]
    else:
        with ProcessPoolExecutor(len(chunks)) as pool:
            built = list(pool.map(_numeric_chunk, chunks))
    by_index = {int(s["id"][-4:]): s for chunk in built for s in chunk}
    return [by_index[i] for i in indices]


def _numeric_chunk(job: tuple[int, list[int]]) -> list[dict]:
    seed, indices = job
    labels = numeric.labels(seed, COUNTS["numeric"])
    return [numeric.one(i, labels[i], seed) for i in indices]


def build(seed: int, out: Path, lexicon: Path, workers: int = 1) -> dict:
    """Write every domain's specs and the manifest into `out`; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    if (out / "lexicon").resolve() != lexicon.resolve():
        shutil.copytree(lexicon, out / "lexicon", dirs_exist_ok=True)
    counts = {}
    for domain in DOMAINS:
        specs = generate(domain, seed, lexicon, workers)
        (out / f"{domain}.jsonl").write_text("".join(map(line, specs)), encoding="utf-8")
        counts[domain] = _counts(specs)
    manifest = {"format": FORMAT, "seed": seed, "counts": counts, "files": _hashes(out)}
    manifest["checksum"] = _checksum(manifest["files"])
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def rebuild_problems(root: Path, workers: int = 2) -> list[str]:
    """Rebuild the suite at `root` from its manifest's seed and its lexicon into a temporary
    folder (every function, the MLPs trained again) and compare: one line per difference."""
    try:
        seed = Suite(root).manifest["seed"]
    except (SuiteError, OSError, ValueError, KeyError) as exc:
        return [f"cannot rebuild {root}: {exc}"]
    with tempfile.TemporaryDirectory() as scratch:
        build(seed, Path(scratch), root / "lexicon", workers)
        return differences(root, Path(scratch))


def differences(root: Path, rebuilt: Path) -> list[str]:
    """How the suite at `root` differs from `rebuilt`: each function whose line differs or
    that one side lacks, then the manifest."""
    problems = []
    for domain in DOMAINS:
        ours, theirs = _lines(root / f"{domain}.jsonl"), _lines(rebuilt / f"{domain}.jsonl")
        for fid in sorted(ours.keys() | theirs.keys()):
            if fid not in theirs:
                problems.append(f"{fid}: not in the rebuild")
            elif fid not in ours:
                problems.append(f"{fid}: missing (the rebuild has it)")
            elif ours[fid] != theirs[fid]:
                problems.append(f"{fid}: differs from the rebuild")
    if _read(root / "manifest.json") != _read(rebuilt / "manifest.json"):
        problems.append("manifest.json differs from the rebuild")
    return problems


def _lines(path: Path) -> dict[str, bytes]:
    """Each line of a spec file by its function's id (a line that is not a spec, by its number)."""
    by_id = {}
    for number, text in enumerate(_read(path).splitlines(keepends=True), 1):
        try:
            spec = json.loads(text)
        except ValueError:
            spec = None
        named = isinstance(spec, dict) and isinstance(spec.get("id"), str)
        by_id[spec["id"] if named else f"{path.name} line {number}"] = text
    return by_id


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _counts(specs: list[dict]) -> dict:
    by_complexity = Counter(spec["complexity"] for spec in specs)
    return {"total": len(specs), **{k: by_complexity[k] for k in sorted(by_complexity)}}


def _hashes(root: Path) -> dict[str, str]:
    names = [f"{d}.jsonl" for d in DOMAINS] + list(LEXICON_FILES)
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in names}


def _checksum(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()


def verify(root: Path) -> list[str]:
    """Problems with the suite at `root` (empty when all is well): hashes, counts, specs."""
    try:
        suite = Suite(root)
        manifest = suite.manifest
        hashes = _hashes(root)
    except (SuiteError, OSError, ValueError) as exc:
        return [str(exc)]
    problems = [f"{name} does not match the manifest's checksum"
                for name, digest in hashes.items() if manifest["files"].get(name) != digest]
    if manifest.get("checksum") != _checksum(manifest["files"]):
        problems.append("the manifest's own checksum is wrong")
    try:
        for domain in DOMAINS:
            problems += _verify_domain(suite, domain, manifest["counts"].get(domain, {}))
    except SuiteError as exc:
        problems.append(str(exc))
    return problems


def _verify_domain(suite: Suite, domain: str, expected: dict) -> list[str]:
    problems = []
    ids = suite.ids(domain)
    if len(ids) != expected.get("total") or len(ids) < COUNTS[domain]:
        problems.append(f"{domain}: {len(ids)} functions, manifest says {expected.get('total')}")
    for fid in ids:
        spec = suite.get(fid)
        if spec["complexity"] not in COMPLEXITIES[domain]:
            problems.append(f"{fid}: unknown complexity {spec['complexity']!r}")
        try:
            render(spec)
            if domain == "numeric" and np.isfinite(numeric.truth(spec, GRID)).sum() < 64:
                problems.append(f"{fid}: fewer than 64 defined points")
        except Exception as exc:  # a damaged spec must be reported, not crash the check
            problems.append(f"{fid}: cannot be interpreted ({type(exc).__name__}: {exc})")
    return problems
