"""FIND's own dataset (the FIND benchmark's `find-dataset` folder) imported as a suite.

`importer` reads FIND's layout and writes a suite folder of its own; `numeric` maps FIND's
numeric functions onto the numeric domain's atoms (and FIND's forms it adds) and checks the
mapping against FIND's `function_code.py`; `torch_file` reads FIND's MLP weights without
torch; `runner` and `worker` run FIND's code, the user's own trusted data, out of process;
`backend` is the OpenAI-compatible client FIND's synthetic neurons need; `targets` makes the
strings and neuron functions of an imported suite into targets the lab can probe and score.

Actors never see any of it: only the lab reads an imported suite.
"""

from __future__ import annotations


def runs_itself(spec: dict) -> bool:
    """A function of FIND's dataset that runs through FIND's own code or LLM (`targets`), not
    through its domain's interpreter: a string function or a neuron (an imported numeric
    function is the numeric domain's own)."""
    return isinstance(spec.get("find"), dict) and "kind" in spec["find"]
