"""Build the suite deterministically from a seed into `functions/`, and verify what is there.

The lexicon in `functions/lexicon/` is hand-written input; everything else in `functions/` is
output of `build`, byte-identical for the same seed and lexicon: `rebuild_problems` checks that
on every function (about a minute, the MLPs trained again), `Domain.generate(..., ids=...)` on
a few. Each domain generates and checks its own specs (`find_lab.domains`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from find_lab.domains import Domain
from find_lab.suite import Suite, SuiteError, held, render

LEXICON_FILES = ("lexicon/concepts.json", "lexicon/vocabulary.txt")
FORMAT = 1


def line(spec: dict) -> str:
    """A spec as one line of `<domain>.jsonl`."""
    return json.dumps(spec) + "\n"


def build(seed: int, out: Path, lexicon: Path, workers: int = 1) -> dict:
    """Write every domain's specs and the manifest into `out`; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    if (out / "lexicon").resolve() != lexicon.resolve():
        shutil.copytree(lexicon, out / "lexicon", dirs_exist_ok=True)
    counts = {}
    for domain in held():
        specs = domain.generate(seed, lexicon, workers)
        (out / f"{domain.name}.jsonl").write_text("".join(map(line, specs)), encoding="utf-8")
        counts[domain.name] = _counts(specs)
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
    for name in (domain.name for domain in held()):
        ours, theirs = _lines(root / f"{name}.jsonl"), _lines(rebuilt / f"{name}.jsonl")
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
    names = [f"{domain.name}.jsonl" for domain in held()] + list(LEXICON_FILES)
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
        for domain in held():
            problems += _verify_domain(suite, domain, manifest["counts"].get(domain.name, {}))
    except SuiteError as exc:
        problems.append(str(exc))
    return problems


def _verify_domain(suite: Suite, domain: Domain, expected: dict) -> list[str]:
    problems = []
    ids = suite.ids(domain.name)
    if len(ids) != expected.get("total") or len(ids) < domain.count:
        problems.append(f"{domain.name}: {len(ids)} functions, manifest says {expected.get('total')}")
    for fid in ids:
        spec = suite.get(fid)
        if spec["complexity"] not in domain.complexities:
            problems.append(f"{fid}: unknown complexity {spec['complexity']!r}")
        try:
            render(spec)
            if problem := domain.check(spec):
                problems.append(f"{fid}: {problem}")
        except Exception as exc:  # a damaged spec must be reported, not crash the check
            problems.append(f"{fid}: cannot be interpreted ({type(exc).__name__}: {exc})")
    return problems
