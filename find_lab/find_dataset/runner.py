"""FIND's code, run out of process: as the lab runs a user's reference function.

`Runner` keeps one worker (`find_dataset.worker`) for an import's checks; `code_file` gives a
strings function's source a file of its own for a target's worker (`targets`).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from pathlib import Path

from find_lab.blackbox import BlackBox, BlackBoxError, BlackBoxTimeout

TIMEOUT = 30.0  # seconds one function may take over one batch of inputs


class CodeFailed(Exception):
    """FIND's code could not be run on these inputs; the message says why, in a phrase."""

    @property
    def missing(self) -> str | None:
        """The top-level module it could not import, if that is why (scipy, torch)."""
        found = re.search(r"No module named '([\w.]+)'", str(self))
        return found.group(1).split(".")[0] if found else None


class Runner:
    """One worker evaluating many function_code.py files, each within TIMEOUT."""

    def __init__(self, timeout: float = TIMEOUT):
        self.timeout = timeout
        self._box: BlackBox | None = None

    def _ask(self, request: dict) -> list:
        if self._box is None:
            try:
                self._box = BlackBox("find_lab.find_dataset.worker:evaluate", self.timeout)
            except BlackBoxError as exc:
                raise CodeFailed(f"no worker could start: {exc}") from None
        try:
            reply = self._box.answers([json.dumps(request)], "text")[0]
        except BlackBoxTimeout:
            raise CodeFailed(f"it did not finish within {self.timeout:g} s") from None
        if isinstance(reply, float):  # NoAnswer: the worker died on it
            raise CodeFailed(getattr(reply, "reason", "the worker failed"))
        reply = json.loads(reply)
        if "failed" in reply:
            raise CodeFailed(reply["failed"])
        return reply["answers"]

    def numbers(self, path: Path, xs: list[float], fixed_draws: bool) -> list[float]:
        """f(x) for each x (as numpy float64), NaN where it failed or was not finite."""
        answers = self._ask({"path": str(path), "kind": "number", "inputs": list(xs),
                             "fixed_draws": fixed_draws})
        return [math.nan if value is None else value for value, _ in answers]

    def texts(self, path: Path, inputs: list[str]) -> list[tuple[str | None, str | None]]:
        """(output, None) or (None, why) for each input."""
        return [tuple(answer) for answer in
                self._ask({"path": str(path), "kind": "text", "inputs": list(inputs)})]

    def close(self) -> None:
        if self._box is not None:
            self._box.close()
            self._box = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def code_file(source: str) -> Path:
    """A file holding `source`, named by its digest, in a private cache folder: what a
    target's worker loads (the imported spec carries the code itself)."""
    folder = Path(tempfile.gettempdir()) / f"find-lab-{os.getuid()}" / "find-code"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"f_{hashlib.sha256(source.encode()).hexdigest()[:24]}.py"
    if not path.is_file() or path.read_text(encoding="utf-8") != source:
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(source, encoding="utf-8")
        temporary.replace(path)
    return path
