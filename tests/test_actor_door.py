"""Actors reach a session only through their Door: nothing under find_lab/agents imports the
code or data that defines the hidden functions, or reaches past the Door to the target."""

import ast
from pathlib import Path

from find_lab.experiment import Budget, Door, Experiment, Target

AGENTS = Path(__file__).resolve().parents[1] / "find_lab" / "agents"
DOMAINS = AGENTS.parent / "domains"
# Modules that define, hold or judge the hidden functions (specs, generator, lexicon, scorer).
# The registry `find_lab.domains` is allowed (what a domain's inputs are, the agent's prompt,
# the baselines' probes); the domains' own packages, which hold their specs, are not.
FORBIDDEN = ("find_lab.suite", "find_lab.scoring", "find_lab.targets", "find_lab.judge",
             "find_lab.blackbox", "find_lab.find_dataset",
             *(f"find_lab.domains.{p.name}" for p in DOMAINS.iterdir() if (p / "__init__.py").is_file()))
# The Door's insides, and the Domain members that reach the hidden functions.
PAST_THE_DOOR = {"_experiment", "target", "scorer", "spec", "generate", "observer", "answers",
                 "reference_answers", "grade", "question_inputs", "shown_truth"}


def _imports(path: Path) -> set[str]:
    """Every module or name imported, `from a import b` as `a.b`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_actor_imports_what_defines_the_hidden_functions():
    found = {}
    for path in sorted(AGENTS.rglob("*.py")):
        bad = {name for name in _imports(path) if name.startswith(FORBIDDEN)}
        if bad:
            found[str(path.relative_to(AGENTS))] = bad
    assert found == {}


def test_no_actor_reaches_past_its_door():
    reached = [(str(path.relative_to(AGENTS)), node.lineno, node.attr)
               for path in sorted(AGENTS.rglob("*.py"))
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Attribute) and node.attr in PAST_THE_DOOR]
    assert reached == []


def test_the_door_shows_only_what_an_actor_may_use():
    secret = Target("numeric/f0001", "numeric", lambda xs: list(xs),
                    scorer=lambda code, description: None, source={"name": "builtin"})
    experiment = Experiment(secret, actor_kind="scientist", budget=Budget(3, 10))
    experiment.start()
    door = Door(experiment)
    public = {name for name in dir(door) if not name.startswith("_")}
    assert public == {"domain", "budget", "hints", "calls_left", "points_left", "ended",
                      "observations",
                      "probe", "say", "hypothesis", "submit", "checkpoint", "finished",
                      "report_usage", "report_error", "stop"}
    assert (door.domain, door.calls_left, door.points_left) == ("numeric", 3, 10)
