"""The relations sets (development and held-out) load, answer every str with a str, and say
'undefined' for the empty string and for nonsense; each module is of the relations domain and
documented."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent.parent / "benchmarks" / "devset"
SETS = ("relations", "relations_dev2", "relations_heldout")
MODULES = [(s, p.stem) for s in SETS for p in sorted((DEVSET / s).glob("*.py"))
           if not p.name.startswith("_")]
PROBES = ("", "zzqx", "Frnace", "France", "fe", "Fe", "Texas", "TX", "Titan", "January",
          "Monday", "42", "  Paris  ", "x" * 200, "Ünïcödé ß", "\n", "Mozart", "H2O")


def _module(folder: str, name: str):
    return importlib.import_module(f"benchmarks.devset.{folder}.{name}")


def _functions(module) -> list:
    return [f for name, f in inspect.getmembers(module, inspect.isfunction)
            if not name.startswith("_") and f.__module__ == module.__name__]


@pytest.mark.parametrize("folder", SETS)
def test_each_set_has_its_modules_and_forty_functions_or_more(folder):
    names = [name for f, name in MODULES if f == folder]
    assert len(names) >= 5
    assert sum(len(_functions(_module(folder, m))) for m in names) >= 40


@pytest.mark.parametrize("folder, name", MODULES)
def test_every_function_answers_a_str_and_undefined_for_nonsense(folder, name):
    for function in _functions(_module(folder, name)):
        answers = [function(probe) for probe in PROBES]
        assert all(isinstance(a, str) and a for a in answers), function.__name__
        assert function("") == "undefined", function.__name__
        assert function("zzqx") == "undefined", function.__name__


@pytest.mark.parametrize("folder, name", MODULES)
def test_every_module_is_of_the_relations_domain_and_documented(folder, name):
    module = _module(folder, name)
    assert module.DOMAIN == "relations"
    assert module.__doc__
    for function in _functions(module):
        assert (function.__doc__ or "").strip(), function.__name__
