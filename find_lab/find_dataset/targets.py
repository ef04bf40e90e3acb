"""The strings and neuron functions of an imported FIND suite as targets: probed through FIND's
own code (strings, in a worker process, as a user's function is) or FIND's LLM (neurons,
through `backend`), and scored on FIND's own tests beside ours.

- strings: exact match on our held-out strings (the value: the strings domain's metric) and on
  FIND's ten unit-test pairs (the correct pair of each triplet, as FIND's string_indicator
  tests), both in the score's details.
- entity neurons: correlation with the backend's activations on FIND's unit-test words and
  exemplars; relation neurons: exact match with the backend's replies on FIND's unit-test
  inputs and exemplars.
"""

from __future__ import annotations

import dataclasses

from find_lab import domains, scoring
from find_lab.blackbox import BlackBox, BlackBoxError, NoAnswer
from find_lab.domains import Answers
from find_lab.experiment import Target
from find_lab.find_dataset.backend import NO_BACKEND, Backend, BackendError
from find_lab.find_dataset.runner import code_file


class Unavailable(Exception):
    """The target cannot run here (no neuron backend, FIND's code would not load): one line."""


def target(spec: dict, source: dict | None, hints: bool, timeout: float = 10.0) -> Target:
    find = spec["find"]
    shown = tuple(find.get("initial") or []) if hints else ()
    if find["kind"] == "code":
        try:
            box = BlackBox(f"{code_file(find['source'])}:function", timeout)
        except BlackBoxError as exc:
            raise Unavailable(f"{spec['id']}: FIND's code would not load: {exc}") from None
        return Target(spec["id"], spec["domain"], lambda inputs: box.answers(inputs, "text"),
                      lambda code, description: _score_strings(spec, code, description),
                      source, shown)
    backend = Backend.from_environment()
    if backend is None:
        raise Unavailable(f"{spec['id']}: {NO_BACKEND}")
    ask = _asker(backend, find)
    return Target(spec["id"], spec["domain"], lambda inputs: [ask(x) for x in inputs],
                  lambda code, description: _score_neuron(spec, ask, code, description),
                  source, shown)


def _asker(backend: Backend, find: dict):
    def ask(x):
        try:
            if find["kind"] == "entities":
                return backend.entity(find["concept1"], find.get("concept2"), str(x))
            return backend.relation(find["concept1"], find["concept2"], find.get("exeption"), str(x))
        except BackendError as exc:
            return NoAnswer(str(exc))
    return ask


def _score_strings(spec: dict, code: str, description: str | None) -> scoring.Score:
    find = spec["find"]
    held = Answers(spec["id"], spec["domain"], [i for i, _ in find["heldout"]],
                   [o for _, o in find["heldout"]])
    unit = Answers(spec["id"], spec["domain"], [i for i, _ in find["unit_tests"]],
                   [o for _, o in find["unit_tests"]])
    ours, theirs = scoring.score(held, code, description), scoring.score(unit, code, description)
    details = dict(ours.details)
    details["heldout"] = {"matched": details.get("matched", 0), "total": len(held.inputs),
                          "value": ours.value}
    details["find_unit_tests"] = {"matched": theirs.details.get("matched", 0),
                                  "total": len(unit.inputs), "value": theirs.value,
                                  "success": theirs.success}
    if "first_mismatch" in theirs.details:
        details["find_unit_tests"]["first_mismatch"] = theirs.details["first_mismatch"]
    return dataclasses.replace(ours, details=details, seconds=ours.seconds + theirs.seconds)


def scoring_inputs(spec: dict) -> list[str]:
    """FIND's unit-test inputs, then its exemplars, each once."""
    find = spec["find"]
    return list(dict.fromkeys([*find["tests"], *(find.get("initial") or [])]))


def _score_neuron(spec: dict, ask, code: str, description: str | None) -> scoring.Score:
    inputs = scoring_inputs(spec)
    answers = Answers(spec["id"], spec["domain"], inputs, [ask(x) for x in inputs]).answered()
    domain = domains.get(spec["domain"])
    if not answers.inputs:
        return scoring.Score(spec["id"], domain.name, domain.metric, domain.failure, False,
                             "the neuron backend answered none of the scoring inputs",
                             code_size=scoring.code_size(code), description=description)
    result = scoring.score(answers, code, description)
    details = dict(result.details, find_inputs=len(answers.inputs),
                   truth="the neuron backend's answers")
    return dataclasses.replace(result, details=details)


def render(spec: dict) -> str:
    """What the hidden-function pane shows: FIND's code for a string function; for a neuron,
    its definition and FIND's prompt (the LLM is the function)."""
    from find_lab.find_dataset.backend import ENTITY_SYSTEM, RELATION_SYSTEM, entity_prompt, relation_prompt

    find = spec["find"]
    if find["kind"] == "code":
        return find["source"]
    if find["kind"] == "entities":
        prompt, system = entity_prompt(find["concept1"], find.get("concept2"), "{input}"), ENTITY_SYSTEM
        answer = "P('1') / (P('0') + P('1')) at the reply's first 0/1 token"
    else:
        prompt = relation_prompt(find["concept1"], find["concept2"], find.get("exeption"), "{input}")
        system, answer = RELATION_SYSTEM, "the reply's text, stripped"
    return (f"# FIND's synthetic {find['kind']} neuron {spec['id']}: an LLM (vicuna-13b-v1.1 in "
            "FIND) answers it\n"
            f"CONCEPT1 = {find['concept1']!r}\nCONCEPT2 = {find.get('concept2')!r}\n"
            + (f"EXCEPTION = {find.get('exeption')!r}\n" if find["kind"] == "relations" else "")
            + f"SYSTEM = {system!r}\nPROMPT = {prompt!r}\n\n\n"
            f"def f(x):\n    \"\"\"{answer}.\"\"\"\n"
            "    return ask_llm(SYSTEM, PROMPT.format(input=x))\n")
