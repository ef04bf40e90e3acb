"""Domains are plugins: the registry, the built-in domains through their interface, and no test
of a domain's name outside its own package."""

import ast
import json
import math
from pathlib import Path

import pytest

from find_lab import domains
from find_lab.domains import Domain, UnknownDomain
from find_lab.probe_syntax import MAX_INPUTS, ProbeSyntaxError
from find_lab.suite import default_root

PACKAGE = Path(__file__).resolve().parents[1] / "find_lab"
BUILT_IN = ("numeric", "strings", "neurons")
# Where a domain's name may be written besides its own package: the TUI's choice of view, and
# the import of FIND's dataset, whose folders are named as the domains are.
REGISTRATIONS = {"tui/components/probes.py"}
FIND_LAYOUT = "find_dataset/"


def _named(path: Path) -> set[str]:
    """The domain names a module holds as string constants."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in BUILT_IN}


def test_no_module_names_a_domain_outside_its_own_package():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        own = where.split("/")[1] if where.startswith("domains/") else None
        named = _named(path) - {own}
        if named and where not in REGISTRATIONS and not where.startswith(FIND_LAYOUT):
            found[where] = named
    assert found == {}


def test_the_built_in_domains_are_registered_in_order():
    assert domains.names()[:3] == BUILT_IN
    assert all(domains.get(name).name == name for name in BUILT_IN)


def test_an_unknown_domain_is_refused_naming_the_known_ones():
    with pytest.raises(UnknownDomain,
                       match=r"unknown domain 'colours' \(known: numeric, strings, neurons"):
        domains.get("colours")
    assert domains.find("colours") is None


def test_a_domain_is_registered_once_and_whole():
    with pytest.raises(ValueError, match="already registered"):
        domains.register(domains.get("numeric"))

    class Half(Domain):
        name = "half"
        output_kind = "number"

    Half.__abstractmethods__ = frozenset()  # its methods are not what this test is about
    with pytest.raises(ValueError, match="Half does not set complexities, inputs, outputs"):
        domains.register(Half())
    assert "half" not in domains.names()


@pytest.mark.parametrize("name, typed, inputs", [
    ("numeric", "1, 2.5 -1:1:1", [1.0, 2.5, -1.0, 0.0, 1.0]),
    ("strings", '"a b", "c"', ["a b", "c"]),
    ("neurons", "apple, river", ["apple", "river"]),
])
def test_each_domain_reads_what_a_person_types(name, typed, inputs):
    domain = domains.get(name)
    assert domain.parse(f"  {typed} ") == inputs
    assert all(domain.validate(x)[1] is None for x in inputs)
    with pytest.raises(ProbeSyntaxError, match="type something to probe"):
        domain.parse(" ")


def test_too_many_inputs_at_once_are_refused():
    with pytest.raises(ProbeSyntaxError, match=f"more than {MAX_INPUTS} at once"):
        domains.get("neurons").parse(" ".join(["apple"] * (MAX_INPUTS + 1)))


def test_the_sandbox_output_kind_and_success_rule_follow_the_metric():
    numeric, strings, neurons = map(domains.get, BUILT_IN)
    kinds = (numeric.output_kind, strings.output_kind, neurons.output_kind)
    assert kinds == ("number", "text", "number")
    assert numeric.succeeds(0.05) and not numeric.succeeds(0.1) and numeric.failure == math.inf
    assert strings.succeeds(0.9) and not strings.succeeds(0.89) and strings.failure == 0.0


@pytest.mark.parametrize("name, ids", [
    ("numeric", ["numeric/f0000", "numeric/f0007"]),
    ("strings", ["strings/f0999", "strings/f0003"]),
    ("neurons", ["neurons/f0002"]),
])
def test_each_domain_generates_the_committed_specs(suite, name, ids):
    built = domains.get(name).generate(suite.manifest["seed"], default_root() / "lexicon", ids=ids)
    assert [json.dumps(spec) for spec in built] == [json.dumps(suite.get(fid)) for fid in ids]


def test_a_numeric_spec_defined_almost_nowhere_fails_its_check(suite):
    numeric = domains.get("numeric")
    spec = suite.get("numeric/f0001")
    assert numeric.check(spec) is None
    hollow = {**spec, "corruption": {"lo": None, "hi": None, "mean": math.nan, "spread": 0.0}}
    assert numeric.check(hollow) == "fewer than 64 defined points"
