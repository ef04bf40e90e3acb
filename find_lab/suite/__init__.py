"""The hidden functions as data: the specs in `functions/`, one file per domain.

`Suite` reads the generated suite, or a suite imported from FIND's own dataset
(`find_lab.find_dataset`, kept by name under `suites_home()`), and checks each spec against its
domain (`find_lab.domains`, which interprets and renders specs); `render` gives a spec's
readable source for the hidden-function pane. Nothing here execs generated code.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cached_property
from pathlib import Path

from find_lab import domains
from find_lab.domains import Domain
from find_lab.find_dataset import runs_itself

# What each spec must carry (beside its domain's fields), checked when the suite loads so a
# damaged file fails in one line.
FIELDS = ("id", "domain", "complexity", "description")


class SuiteError(Exception):
    """A suite problem a user can cause or fix: unknown id, missing or damaged files."""


def held() -> list[Domain]:
    """The domains the suite holds, one file each, in registration order: those with a
    `count` (a domain without one has no functions in the built suite)."""
    return [domains.get(name) for name in domains.names() if domains.get(name).count]


def suites_home() -> Path:
    """Where imported suites are kept, one folder each: `$FIND_LAB_SUITES`, else
    ~/.local/share/find-lab/suites."""
    override = os.environ.get("FIND_LAB_SUITES")
    return Path(override) if override else Path.home() / ".local/share/find-lab/suites"


def imported() -> list[str]:
    """The names of the imported suites."""
    home = suites_home()
    return sorted(p.name for p in home.iterdir() if (p / "manifest.json").is_file()) \
        if home.is_dir() else []


def locate(suite: Path | str | None) -> Path:
    """A suite's folder from what a user gave: a folder holding a manifest, else the name of
    an imported suite (`--suite find`), else the default."""
    if suite is None or str(suite) == "":
        return default_root()
    path = Path(suite)
    if (path / "manifest.json").is_file() or len(path.parts) != 1:
        return path
    named = suites_home() / path.name
    return named if (named / "manifest.json").is_file() else path


def default_root() -> Path:
    """`$FIND_LAB_FUNCTIONS`, else the repository's top-level `functions/`."""
    override = os.environ.get("FIND_LAB_FUNCTIONS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "functions"


class Suite:
    """The generated suite on disk: a manifest plus one JSON-lines file per domain."""

    def __init__(self, root: Path | str | None = None):
        self.root = locate(root)
        if not (self.root / "manifest.json").is_file():
            names = imported()
            known = f"; imported suites: {', '.join(names)}" if names else ""
            raise SuiteError(f"no suite at {self.root} (run `find-lab suite build`, or "
                             f"`find-lab suite import DIR --as NAME` for FIND's dataset{known})")

    @cached_property
    def manifest(self) -> dict:
        return json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))

    @cached_property
    def domains(self) -> list[Domain]:
        """The domains this suite has a file for: those its manifest counts, in registration
        order (an imported suite holds only the kinds FIND's folder had; one of a domain this
        lab has not loaded is left out)."""
        counts = self.manifest.get("counts")
        if not isinstance(counts, dict):
            return held()
        return [domains.get(name) for name in domains.names() if name in counts]

    @cached_property
    def _specs(self) -> dict[str, dict]:
        specs = {}
        for domain in self.domains:
            path = self.root / f"{domain.name}.jsonl"
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, ValueError) as exc:
                raise SuiteError(f"cannot read {path}: {exc}") from None
            for number, line in enumerate(lines, 1):
                try:
                    spec = json.loads(line)
                except ValueError as exc:
                    raise SuiteError(f"{path} line {number} is not JSON: {exc}") from None
                problem = _problem(spec, domain)
                if problem:
                    raise SuiteError(f"{path} line {number}: {problem}")
                specs[spec["id"]] = spec
        return specs

    def ids(self, domain: str | None = None, complexity: str | None = None) -> list[str]:
        """Function ids, filtered by domain and by complexity (or numeric's structure: atom,
        sum, product); a filter no function of the domain has is a SuiteError naming those
        that exist."""
        specs = [spec for spec in self._specs.values() if domain is None or spec["domain"] == domain]
        if complexity is None:
            return [spec["id"] for spec in specs]
        known = {name for spec in specs for name in (spec["complexity"], spec.get("structure"))}
        if complexity not in known:
            raise SuiteError(f"unknown complexity {complexity!r} for {domain or 'the suite'}: "
                             f"choose from {', '.join(sorted(known - {None}))}")
        return [spec["id"] for spec in specs if complexity in (spec["complexity"],
                                                               spec.get("structure"))]

    def source(self, function_id: str) -> dict:
        """Which suite, and which version of the function, a session runs against: recorded
        in its session_start, so a log outlives a rebuild that reuses the id."""
        return {"name": self.manifest.get("name", "builtin"), "checksum": self.manifest.get("checksum"),
                "spec_hash": spec_hash(self.get(function_id))}

    def get(self, function_id: str) -> dict:
        try:
            return self._specs[function_id]
        except KeyError:
            raise SuiteError(f"no function {function_id!r} in the suite "
                             "(ids look like numeric/f0042; see `find-lab suite list`)") from None


def spec_hash(spec: dict) -> str:
    """A short digest of a function's whole spec (canonical JSON)."""
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]


def _problem(spec, domain: Domain) -> str | None:
    """Why a line of `<domain>.jsonl` is not a usable spec, naming the function; None if fine."""
    if not isinstance(spec, dict):
        return f"expected a function spec (a JSON object), got {type(spec).__name__}"
    name = f"function {spec['id']!r}" if isinstance(spec.get("id"), str) else "a function"
    # a function of FIND's dataset carries FIND's definition instead of the domain's own fields
    imported = runs_itself(spec)
    missing = [field for field in FIELDS + (() if imported else domain.spec_fields)
               if field not in spec]
    if missing:
        return f"{name} has no {', '.join(repr(field) for field in missing)}"
    if spec["domain"] != domain.name:
        return f"{name} has domain {spec['domain']!r} but is listed under {domain.name}"
    if not imported and spec["complexity"] not in domain.complexities:
        return (f"{name} has complexity {spec['complexity']!r} "
                f"(expected one of {', '.join(domain.complexities)})")
    return None


def render(spec: dict) -> str:
    """Readable, runnable Python source of the hidden function."""
    if runs_itself(spec):
        from find_lab.find_dataset.targets import render as find_render

        return find_render(spec)
    return domains.get(spec["domain"]).render(spec)
