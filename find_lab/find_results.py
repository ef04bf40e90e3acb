"""Interpretations in FIND's own result layout, so FIND's evaluation scripts can score what
FIND Lab's actors submitted: `<model>/<category>/fNNNNN/` holding `description.txt`,
`domain.txt` and `code.py`, as FIND's `collect_interpretations.py` writes them.

FIND's scorers call the *last* `def` in `code.py` (with one input: a float, or a string), so
the submitted code is followed by a last function that calls the submission's `f`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from find_lab import domains
from find_lab.labstate import LabState

ENTRY = '''

def find_lab_entry(x):
    """FIND's scorers call the last function defined here: the submission's f."""
    return f(x)
'''


@dataclass(frozen=True)
class Interpretation:
    folder: PurePosixPath      # <model>/<category>/fNNNNN, relative to the results folder
    files: dict[str, str]      # file name -> text


def model_name(state: LabState) -> str:
    """FIND's `<model>` folder: the model for Claude, the actor's name otherwise, in a form
    that is one path component."""
    name = state.model or state.actor_name or state.actor_kind or "unknown"
    return re.sub(r"[^A-Za-z0-9._-]", "-", name).strip(".-") or "unknown"


def interpretation(events: list[dict], model: str | None = None) -> Interpretation | None:
    """A submitted session as FIND's files; None when it has no submission or its function
    is not in one of FIND's categories."""
    state = LabState.from_events(events)
    domain = domains.find(state.domain)
    category = domain.find_category if domain else ""
    number = re.fullmatch(r"[a-z]+/f(\d+)", state.function_id or "")
    if not state.submission or not category or not number:
        return None
    submission = state.submission
    folder = PurePosixPath(model or model_name(state), category, f"f{int(number.group(1)):05d}")
    files = {"description.txt": submission.get("description") or "",
             "domain.txt": submission.get("domain") or "",
             "code.py": (submission.get("code") or "").rstrip() + "\n" + ENTRY}
    return Interpretation(folder, files)
