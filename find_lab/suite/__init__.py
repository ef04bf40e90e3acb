"""The hidden functions: specs held as data in `functions/`, one interpreter and one renderer.

`Suite` reads the generated suite; `observer` gives the callable an actor probes (through
the Experiment), `render` the readable source for the hidden-function pane. Nothing here
execs generated code.
"""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path
from typing import Callable

import numpy as np

from find_lab.suite import neurons, numeric, strings

DOMAINS = ("numeric", "strings", "neurons")
COMPLEXITIES = {
    "numeric": ("clean", "noise", "corruption", "mlp"),
    "strings": ("atomic", "composed"),
    "neurons": ("single", "or", "except"),
}


class SuiteError(Exception):
    """A suite problem a user can cause or fix: unknown id, missing or damaged files."""


def default_root() -> Path:
    """`$FIND_LAB_FUNCTIONS`, else the repository's top-level `functions/`."""
    override = os.environ.get("FIND_LAB_FUNCTIONS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "functions"


class Suite:
    """The generated suite on disk: a manifest plus one JSON-lines file per domain."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else default_root()
        if not (self.root / "manifest.json").is_file():
            raise SuiteError(f"no suite at {self.root} (run `find-lab suite build`)")

    @cached_property
    def manifest(self) -> dict:
        return json.loads((self.root / "manifest.json").read_text(encoding="utf-8"))

    @cached_property
    def _specs(self) -> dict[str, dict]:
        specs = {}
        for domain in DOMAINS:
            path = self.root / f"{domain}.jsonl"
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
                specs.update((spec["id"], spec) for spec in map(json.loads, lines))
            except (OSError, ValueError, KeyError) as exc:
                raise SuiteError(f"cannot read {path}: {exc}") from None
        return specs

    def ids(self, domain: str | None = None, complexity: str | None = None) -> list[str]:
        return [fid for fid, spec in self._specs.items()
                if (domain is None or spec["domain"] == domain)
                and (complexity is None or complexity in (spec["complexity"],
                                                          spec.get("structure")))]

    def get(self, function_id: str) -> dict:
        try:
            return self._specs[function_id]
        except KeyError:
            raise SuiteError(f"no function {function_id!r} in the suite "
                             "(ids look like numeric/f0042; see `find-lab suite list`)") from None


def render(spec: dict) -> str:
    """Readable, runnable Python source of the hidden function."""
    return {"numeric": numeric.render, "strings": strings.render,
            "neurons": neurons.render}[spec["domain"]](spec)


def observer(spec: dict, rng: np.random.Generator) -> Callable:
    """The callable an actor's probes reach: noisy where the function is noisy.

    numeric takes and returns arrays; strings and neurons take one input at a time.
    """
    if spec["domain"] == "numeric":
        return lambda xs: numeric.observe(spec, xs, rng)
    if spec["domain"] == "strings":
        return strings.make_callable(spec)
    return neurons.make_callable(spec)
