"""The held-out relations set loads, answers every str with a str, and says 'undefined' for
the empty string and for nonsense; each module is of the relations domain and documented."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "devset" / "relations_heldout"
MODULES = sorted(p.stem for p in SET.glob("*.py") if not p.name.startswith("_"))
PROBES = ("", "zzqx", "Frnace", "France", "fe", "Fe", "Texas", "TX", "Titan", "January",
          "Monday", "42", "  Paris  ", "x" * 200, "Ünïcödé ß", "\n", "Mozart", "H2O")


def _module(name: str):
    return importlib.import_module(f"benchmarks.devset.relations_heldout.{name}")


def _functions(module) -> list:
    return [f for name, f in inspect.getmembers(module, inspect.isfunction)
            if not name.startswith("_") and f.__module__ == module.__name__]


def test_the_set_has_its_modules_and_about_sixty_functions():
    assert len(MODULES) >= 6
    assert 55 <= sum(len(_functions(_module(m))) for m in MODULES) <= 80


@pytest.mark.parametrize("name", MODULES)
def test_every_function_answers_a_str_and_undefined_for_nonsense(name):
    for function in _functions(_module(name)):
        answers = [function(probe) for probe in PROBES]
        assert all(isinstance(a, str) and a for a in answers), function.__name__
        assert function("") == "undefined", function.__name__
        assert function("zzqx") == "undefined", function.__name__


@pytest.mark.parametrize("name", MODULES)
def test_every_module_is_of_the_relations_domain_and_documented(name):
    module = _module(name)
    assert module.DOMAIN == "relations"
    assert module.__doc__
    for function in _functions(module):
        assert (function.__doc__ or "").strip(), function.__name__
