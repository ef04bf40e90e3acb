"""Build the suite deterministically from a seed into `functions/`, and verify what is there.

The lexicon in `functions/lexicon/` is hand-written input; everything else in `functions/` is
output of `build`, byte-identical for the same seed and lexicon: `rebuild_problems` checks that
on every function (about a minute, the MLPs trained again), `Domain.generate(..., ids=...)` on
a few. Each domain generates and checks its own specs (`find_lab.domains`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from find_lab.blackbox import die_with_parent
from find_lab.domains import Domain
from find_lab.english import count
from find_lab.suite import Suite, SuiteError, held, render

LEXICON_FILES = ("lexicon/concepts.json", "lexicon/relations.json", "lexicon/vocabulary.txt")
FORMAT = 1
PARTS = 50    # the requests a domain that is cheap to ask is asked in
CHEAP = 0.05  # seconds a request for nothing may take for the domain to be cheap to ask


def line(spec: dict) -> str:
    """A spec as one line of `<domain>.jsonl`."""
    return json.dumps(spec) + "\n"


def build(seed: int, out: Path, lexicon: Path, workers: int = 1,
          progress: Callable[[int, int, float | None], None] | None = None) -> dict:
    """Write every domain's specs and the manifest into `out`; returns the manifest.
    `progress(done, total, eta)` is told how many functions are built as they come, with the
    seconds left when they can be estimated."""
    out.mkdir(parents=True, exist_ok=True)
    if (out / "lexicon").resolve() != lexicon.resolve():
        shutil.copytree(lexicon, out / "lexicon", dirs_exist_ok=True)
    built = generate(seed, lexicon, workers, progress)
    counts = {}
    for domain in held():
        specs = built[domain.name]
        (out / f"{domain.name}.jsonl").write_text("".join(map(line, specs)), encoding="utf-8")
        counts[domain.name] = _counts(specs)
    manifest = {"format": FORMAT, "seed": seed, "counts": counts, "files": _hashes(out)}
    manifest["checksum"] = _checksum(manifest["files"])
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def generate(seed: int, lexicon: Path, workers: int = 1,
             progress: Callable[[int, int, float | None], None] | None = None) -> dict[str, list]:
    """Every held domain's specs by its name, as one `Domain.generate` call each would give
    them, built on `workers` processes and counted as they come.

    A request to a domain costs a fixed part (a domain drawn in one sequence draws all of it
    for any request) and a part for each function it builds. Each domain is first asked for
    no function at all, which measures the fixed part; one whose fixed part is small (each
    function drawn on its own) is then asked in PARTS parts, shared among the workers, so the
    build can count them as they come; any other is asked once for everything. Either way the
    specs are the ones a single `generate` call gives, in the same order."""
    held_domains = held()
    total = sum(domain.count for domain in held_domains)
    if progress:
        progress(0, total, None)
    with _workers(workers) as pool:
        fixed = {held_domains[index].name: seconds for index, (_, seconds) in
                 _run(pool, workers, [(domain, []) for domain in held_domains], seed, lexicon)}
        requests = [(domain, part) for domain in held_domains
                    for part in plan(domain, fixed[domain.name])]
        estimate = Estimate(fixed, requests, workers)
        results, done = {}, 0
        for index, (specs, seconds) in _run(pool, workers, requests, seed, lexicon):
            results[index] = specs
            done += len(specs)
            estimate.finished(index, seconds)
            if progress:
                progress(done, total, estimate.remaining())
    built: dict[str, list] = {domain.name: [] for domain in held_domains}
    for index, (domain, part) in enumerate(requests):
        if part is not None and [spec["id"] for spec in results[index]] != part:
            raise RuntimeError(f"{domain.name}: asked for {part[0]} to {part[-1]}, "
                               "got other functions")
        built[domain.name] += results[index]
    return built


def function_ids(domain: Domain) -> list[str]:
    """The ids of a domain's functions in the built suite: `<domain>/f0000` onwards."""
    return [f"{domain.name}/f{index:04d}" for index in range(domain.count)]


def plan(domain: Domain, fixed: float) -> list[list[str] | None]:
    """The requests a domain is asked in: PARTS parts of its ids if a request's fixed cost is
    CHEAP (their fixed costs add up to a few seconds at most), else one for everything (None)."""
    ids = function_ids(domain)
    parts = min(PARTS, len(ids))
    if parts <= 1 or fixed > CHEAP:
        return [None]
    return [ids[index * len(ids) // parts:(index + 1) * len(ids) // parts] for index in range(parts)]


class Estimate:
    """The seconds a build has left: each request still to finish costs its domain's fixed
    part and, per function, what that domain's finished parts cost per function; shared among
    the workers. Unknown (None) while a domain asked in parts has finished none."""

    def __init__(self, fixed: dict[str, float], requests: list, workers: int):
        self.fixed, self.workers = fixed, max(1, workers)
        self.requests = requests
        self.pending = set(range(len(requests)))
        self.spent: dict[str, float] = {}   # domain -> seconds its finished parts took, beyond
        self.built: dict[str, int] = {}     # the fixed part, and the functions they built

    def finished(self, index: int, seconds: float) -> None:
        self.pending.discard(index)
        domain, part = self.requests[index]
        if part is not None:
            name = domain.name
            self.spent[name] = self.spent.get(name, 0.0) + max(0.0, seconds - self.fixed[name])
            self.built[name] = self.built.get(name, 0) + len(part)

    def remaining(self) -> float | None:
        left = 0.0
        for domain, part in (self.requests[index] for index in self.pending):
            name = domain.name
            left += self.fixed[name]
            if part is not None:
                if not self.built.get(name):
                    return None
                left += self.spent[name] / self.built[name] * len(part)
        return left / self.workers


def _request(domain: Domain, seed: int, lexicon: Path, ids: list[str] | None) -> tuple[list, float]:
    """One request to a domain, in a worker: the specs and the seconds they took."""
    started = time.perf_counter()
    specs = domain.generate(seed, lexicon, 1, ids=ids)
    return specs, time.perf_counter() - started


def _run(pool, workers: int, requests: list, seed: int, lexicon: Path):
    """(index, result) of each (domain, ids) request as it finishes, no more than `workers`
    at a time, so that on one worker they run one by one and each is counted as it ends."""
    queue = list(enumerate(requests))
    running = {}
    while queue or running:
        while queue and len(running) < max(1, workers):
            index, (domain, ids) = queue.pop(0)
            running[pool.submit(_request, domain, seed, lexicon, ids)] = index
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            yield running.pop(future), future.result()


@contextmanager
def _workers(workers: int):
    """A pool of `workers` processes that die with the build, or, for one, this process."""
    if workers <= 1:
        yield _InProcess()
        return
    pool = ProcessPoolExecutor(workers, initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


class _InProcess:
    """The executor of a build on one worker: each call runs when it is submitted."""

    def submit(self, function, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(function(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future


def rebuild_problems(root: Path, workers: int = 2, progress=None) -> list[str]:
    """Rebuild the suite at `root` from its manifest's seed and its lexicon into a temporary
    folder (every function, the MLPs trained again) and compare: one line per difference.
    `progress` is told as `build` tells it."""
    try:
        seed = Suite(root).manifest["seed"]
    except (SuiteError, OSError, ValueError, KeyError) as exc:
        return [f"cannot rebuild {root}: {exc}"]
    with tempfile.TemporaryDirectory() as scratch:
        build(seed, Path(scratch), root / "lexicon", workers, progress=progress)
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
        problems.append(f"{domain.name}: {count(len(ids), 'function')}, "
                        f"manifest says {expected.get('total')}")
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
