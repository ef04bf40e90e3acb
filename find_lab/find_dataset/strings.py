"""FIND's string functions as specs: the code itself, FIND's ten unit-test pairs, and our
held-out strings with the code's answers, computed once, out of process, at import."""

from __future__ import annotations

from pathlib import Path

from find_lab.domains.strings import scoring as string_scoring
from find_lab.domains.strings.specs import test_inputs
from find_lab.find_dataset.numeric import Refused
from find_lab.find_dataset.runner import CodeFailed, Runner

MAX_SOURCE = 200_000  # characters of one function_code.py


def unit_pairs(entry: dict) -> list[list[str]]:
    """The correct pair of each triplet of a unit_test_data.json entry (FIND's string_indicator
    tests only those): [[input, output], ...]."""
    pairs = []
    try:
        for triplet, index in zip(entry["test_vec"], entry["correct_inx"]):
            inputs, outputs = triplet
            pairs.append([str(inputs[int(index) - 1]), str(outputs[int(index) - 1])])
    except (KeyError, TypeError, ValueError, IndexError):
        raise Refused("its unit_test_data.json entry is not FIND's {test_vec, correct_inx}") from None
    return pairs


class _Asked:
    """The code as `test_inputs` calls it, one string at a time, remembered."""

    def __init__(self, runner: Runner, path: Path):
        self.runner, self.path, self.known = runner, path, {}

    def __call__(self, text: str):
        if text not in self.known:
            self.known[text] = self.runner.texts(self.path, [text])[0][0]
        return self.known[text]


def spec(function_id: str, code: Path, tests: dict | None, description: str,
         runner: Runner, notes: list[str]) -> dict:
    """The spec of one string function; `notes` collects what the summary should say of it (a
    unit test its own code does not pass is kept: it is FIND's truth, which FIND's
    string_indicator holds any answer to)."""
    try:
        source = code.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(f"its function_code.py cannot be read ({exc})") from None
    if len(source) > MAX_SOURCE:
        raise Refused(f"its function_code.py is over {MAX_SOURCE:,} characters")
    if tests is None:
        raise Refused("it has no entry in unit_test_data.json")
    pairs = unit_pairs(tests)
    try:
        got = runner.texts(code, [given for given, _ in pairs])
        failed = [(given, wanted, output, why) for (given, wanted), (output, why) in zip(pairs, got)
                  if output != wanted]
        if failed:
            given, wanted, output, why = failed[0]
            notes.append(f"its code passes {len(pairs) - len(failed)} of its {len(pairs)} unit "
                         f"tests (for {given!r} it " + (f"gives {output!r}, the test {wanted!r})"
                                                        if why is None else f"{why})"))
        asked = _Asked(runner, code)
        held = test_inputs({"id": function_id, "program": []}, string_scoring.TESTS, asked)
    except CodeFailed as exc:
        if exc.missing:
            raise  # the environment's fault, not this function's: the importer says so once
        raise Refused(f"its function_code.py failed: {exc}") from None
    heldout = [[text, asked(text)] for text in held if isinstance(asked(text), str)]
    return {"id": function_id, "domain": "strings",
            "complexity": "composed" if "def function1" in source else "atomic",
            "description": description or "FIND's string function (no description given)",
            "find": {"kind": "code", "source": source, "unit_tests": pairs, "heldout": heldout}}


def description(entry: dict | None) -> str:
    """test_data.json's description, without FIND's leading ': '."""
    text = (entry or {}).get("description")
    return text.removeprefix(":").strip() if isinstance(text, str) else ""
