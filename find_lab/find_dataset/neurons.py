"""FIND's synthetic neurons as specs: their definitions (concept1, concept2, FIND's misspelled
`exeption`), their `initial.json` exemplars and the inputs of their unit tests. What they
answer is the LLM's to say (`backend`), at run time."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from find_lab.find_dataset.numeric import Refused

KINDS = {"neurons_entities": ("neurons", "entities"), "neurons_relations": ("relations", "relations")}


def _text(value, what: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise Refused(f"its {what} is not a text")
    return value.strip()


def test_inputs(entry: dict | None, kind: str) -> list[str]:
    """Every input of a unit_test_data.json entry: entities' triplets are words, relations'
    are [[inputs], [outputs]]."""
    if entry is None:
        raise Refused("it has no entry in unit_test_data.json")
    try:
        triplets = entry["test_vec"]
        words = [w for t in triplets for w in (t if kind == "entities" else t[0])]
    except (KeyError, TypeError, IndexError):
        raise Refused("its unit_test_data.json entry is not FIND's {test_vec, correct_inx}") from None
    return [str(w) for w in words]


def exemplars(folder: Path, entry: dict) -> list[str]:
    """initial.json (FIND's search initialization), else data.json's `initial`."""
    path = folder / "initial.json"
    try:
        words = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else entry.get("initial")
    except (OSError, ValueError):
        raise Refused("its initial.json is not JSON") from None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise Refused("its exemplars are not a list of words")
    return words


def name(entry: dict) -> str:
    """An entry's folder: `dir` is a name, or a path on FIND's authors' cluster."""
    folder = entry.get("dir") if isinstance(entry, dict) else None
    if not isinstance(folder, str) or not PurePosixPath(folder).name:
        raise Refused("a data.json entry without a dir")
    return PurePosixPath(folder).name


def spec(category: str, entry: dict, folder: Path, tests: dict | None) -> dict:
    domain, kind = KINDS[category]
    concept1 = _text(entry.get("concept1"), "concept1")
    concept2 = _text(entry.get("concept2"), "concept2", optional=kind == "entities")
    exception = _text(entry.get("exeption"), "exeption", optional=True) if kind == "relations" else None
    if kind == "entities":
        complexity = "or" if concept2 else "single"
        description = f"Fires for inputs related to {concept1}" + (f" or {concept2}" if concept2 else "")
    else:
        complexity = "exception" if exception else "plain"
        description = (f"Maps {concept1} to {concept2}, and any other input to 'undefined'"
                       + (f"; 'undefined' too if {exception}" if exception else ""))
    return {"id": f"{domain}/{name(entry)}", "domain": domain, "complexity": complexity,
            "description": description + ".",
            "find": {"kind": kind, "concept1": concept1, "concept2": concept2,
                     "exeption": exception, "initial": exemplars(folder, entry),
                     "tests": test_inputs(tests, kind)}}
