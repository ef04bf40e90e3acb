"""The relations scientist, on relations defined here and on the suite's: it finds the domain,
the relation and the exception, reads how inputs are taken, and keeps its knowledge its own."""

import ast
import dataclasses
from pathlib import Path

import pytest

from find_lab import targets
from find_lab.agents.scientist import relations
from find_lab.agents.scientist.relations import Almanac, investigate
from find_lab.experiment import Budget, Door, Experiment

ALMANAC = Almanac.load()
COUNTRIES = {e["name"]: e for e in ALMANAC.lists["countries"]}


def relation(table: dict, fold: bool = True):
    """A user's relation: `table` by name (case folded unless `fold` is off), else 'undefined'."""
    keyed = {(k.casefold() if fold else k): v for k, v in table.items()}
    return lambda x: keyed.get(" ".join(str(x).split()).casefold() if fold else str(x).strip(),
                               "undefined")


async def interpret(function, budget=Budget(), steer=(), hints=()) -> Experiment:
    target = targets.from_callable(function, "relations", "test:relation", function)
    target = dataclasses.replace(target, hints=tuple(hints))
    experiment = Experiment(target, actor_kind="scientist", budget=budget)
    experiment.start()
    for text in steer:
        experiment.steer(text)
    await investigate(Door(experiment), 0)
    return experiment


def submitted(experiment: Experiment) -> dict:
    return next(e for e in experiment.events if e["kind"] == "submit")


def said(experiment: Experiment) -> list[str]:
    return [e["text"] for e in experiment.events if e["kind"] == "message"]


async def test_a_continent_exception_is_found_and_named():
    capitals = {n: e["capital"] for n, e in COUNTRIES.items() if e["continent"] != "Africa"}
    experiment = await interpret(relation(capitals))
    entry = submitted(experiment)
    assert experiment.score.success, entry["description"]
    assert "its capital" in entry["description"] and "Africa" in entry["domain"]
    assert experiment.points_used <= 400 and experiment.calls_used <= 25


async def test_a_domain_that_is_one_sub_group_is_told_from_an_exception():
    african = {n: e["capital"] for n, e in COUNTRIES.items() if e["continent"] == "Africa"}
    experiment = await interpret(relation(african))
    entry = submitted(experiment)
    assert "only where the country is in Africa" in entry["description"], entry["description"]
    assert experiment.score.success


async def test_words_of_a_group_it_knows_are_found_when_no_kind_of_name_answers():
    group = next(k for k in ALMANAC.words() if len(ALMANAC.names(k)) >= 20)
    sounds = {w: w[::-1].lower() for w in ALMANAC.names(group)}
    experiment = await interpret(relation(sounds))
    entry = submitted(experiment)
    assert ALMANAC.kinds[group].phrase in entry["description"], entry["description"]
    assert experiment.points_used <= 400


async def test_a_relation_it_does_not_know_is_kept_as_the_table_it_saw():
    initials = {n: n[0] for n in COUNTRIES}   # no attribute of the almanac
    experiment = await interpret(relation(initials))
    assert any("no attribute I know gives its answers" in text for text in said(experiment))
    assert experiment.score.success   # every country was probed, so the table is whole


async def test_case_that_matters_is_noticed_and_kept():
    symbols = {e["symbol"]: e["name"] for e in ALMANAC.lists["elements"]}
    experiment = await interpret(relation(symbols, fold=False))
    entry = submitted(experiment)
    assert "case mattering" in entry["description"]
    assert "casefold" not in entry["code"]
    assert experiment.score.success


async def test_a_function_undefined_everywhere_is_said_plainly():
    experiment = await interpret(lambda x: "undefined")
    entry = submitted(experiment)
    assert entry["description"].startswith("Returns 'undefined' for every name I tried")
    assert not experiment.score.success and "cannot tell" in experiment.score.reason


async def test_steering_quoted_names_are_probed_and_submit_now_ends_early():
    capitals = {n: e["capital"] for n, e in COUNTRIES.items()}
    experiment = await interpret(relation(capitals),
                                 steer=['try "Atlantis" and "France"', "look at 1..5", "submit now"])
    texts = said(experiment)
    assert any("Atlantis -> undefined" in t and "France -> Paris" in t for t in texts)
    assert any("I can't follow" in t and "no interval" in t for t in texts)
    assert any("I stop here and submit" in t for t in texts)
    assert experiment.status == "submitted" and experiment.calls_used <= 2


async def test_a_small_budget_still_submits_what_it_knows():
    capitals = {n: e["capital"] for n, e in COUNTRIES.items()}
    experiment = await interpret(relation(capitals), budget=Budget(calls=3, points=60))
    assert experiment.status == "submitted" and experiment.points_used <= 60
    assert experiment.score.value > 0.8   # what it did not probe it answered from what it knows


@pytest.mark.parametrize("fid", ["relations/f0000", "relations/f0031", "relations/f0061",
                                 "relations/f0074"])
async def test_suite_relations_are_explained(suite, fid):
    target = targets.from_spec(suite.get(fid))
    experiment = Experiment(target, actor_kind="scientist")
    experiment.start()
    await investigate(Door(experiment), 0)
    assert experiment.score.success, submitted(experiment)["description"]
    spec = suite.get(fid)
    if spec["exception"]:
        assert str(spec["exception"]["value"]) in submitted(experiment)["domain"]


def test_its_knowledge_is_its_own():
    """Nothing of the suite, its knowledge base or its scorer: only the scientist's almanac and
    its word groups."""
    path = Path(relations.__file__)
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert imported <= {"__future__", "json", "dataclasses", "functools", "pathlib", "find_lab",
                        "find_lab.agents.scientist", "find_lab.agents.scientist.words",
                        "find_lab.experiment"}, imported
    assert "functions" not in path.read_text(encoding="utf-8")
    assert Path(relations.__file__).with_name("almanac.json").is_file()


async def test_names_given_to_start_from_are_asked_first_and_can_name_the_domain():
    # a relation on three moons only: the survey's spread picks miss them, the hints do not
    moons = {"Io": "Jupiter", "Europa": "Jupiter", "Titan": "Saturn"}
    experiment = await interpret(relation(moons), hints=["Titan", "Io", "Europa"])
    first = next(e for e in experiment.events if e["kind"] == "probe")
    assert first["inputs"][:3] == ["Titan", "Io", "Europa"]
    assert any("I was given 3 names to start from" in text for text in said(experiment))
    assert "a moon to the body it orbits" in submitted(experiment)["description"]
