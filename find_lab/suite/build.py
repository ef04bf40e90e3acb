"""Build the suite deterministically from a seed into `functions/`, and verify what is there.

The lexicon in `functions/lexicon/` is hand-written input; everything else in `functions/` is
output of `build`, byte-identical for the same seed and lexicon.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from find_lab.suite import COMPLEXITIES, DOMAINS, Suite, SuiteError, neurons, numeric, render, strings
from find_lab.suite.atoms import GRID

COUNTS = {"numeric": 1000, "strings": 1000, "neurons": 300}
LEXICON_FILES = ("lexicon/concepts.json", "lexicon/vocabulary.txt")
FORMAT = 1


def generate(domain: str, seed: int, lexicon: Path, workers: int = 1) -> list[dict]:
    if domain == "numeric":
        return _numeric(seed, workers)
    if domain == "strings":
        return strings.generate(seed, COUNTS["strings"])
    return neurons.generate(seed, lexicon, COUNTS["neurons"])


def _numeric(seed: int, workers: int) -> list[dict]:
    """Numeric functions are independent (one random stream each), so they build in parallel."""
    if workers <= 1:
        return numeric.generate(seed, COUNTS["numeric"])
    with ProcessPoolExecutor(workers) as pool:
        chunks = pool.map(_numeric_chunk, [(seed, w, workers) for w in range(workers)])
        by_index = {int(s["id"][-4:]): s for chunk in chunks for s in chunk}
    return [by_index[i] for i in range(COUNTS["numeric"])]


def _numeric_chunk(job: tuple[int, int, int]) -> list[dict]:
    seed, worker, workers = job
    labels = numeric.labels(seed, COUNTS["numeric"])
    return [numeric.one(i, labels[i], seed) for i in range(worker, COUNTS["numeric"], workers)]


def build(seed: int, out: Path, lexicon: Path, workers: int = 1) -> dict:
    """Write every domain's specs and the manifest into `out`; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    if (out / "lexicon").resolve() != lexicon.resolve():
        shutil.copytree(lexicon, out / "lexicon", dirs_exist_ok=True)
    counts = {}
    for domain in DOMAINS:
        specs = generate(domain, seed, lexicon, workers)
        text = "".join(json.dumps(spec) + "\n" for spec in specs)
        (out / f"{domain}.jsonl").write_text(text, encoding="utf-8")
        counts[domain] = _counts(specs)
    manifest = {"format": FORMAT, "seed": seed, "counts": counts, "files": _hashes(out)}
    manifest["checksum"] = _checksum(manifest["files"])
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


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
