"""The neuron domain and the concept lexicon it is built from."""

import re
from collections import Counter

import pytest

from find_lab.domains.neurons import specs as neurons
from find_lab.suite import default_root


@pytest.fixture(scope="module")
def lexicon():
    return neurons.load_lexicon(default_root() / "lexicon")


def test_lexicon_has_graded_concepts_and_a_general_vocabulary(lexicon):
    concepts, vocabulary = lexicon
    assert len(concepts) >= 100
    owner = Counter()
    for concept in concepts:
        grades = concept["members"].values()
        assert len(concept["members"]) >= 20, concept["name"]
        assert all(0.3 <= g <= 1.0 for g in grades) and max(grades) - min(grades) >= 0.3
        owner.update(concept["members"])
        for words in concept.get("subcategories", {}).values():
            assert set(words) <= set(concept["members"]), concept["name"]
    assert all(re.fullmatch(r"[a-z]{2,}", w) for w in owner)
    assert [w for w, n in owner.items() if n > 1] == []
    assert len(vocabulary) >= 3000 and len(set(vocabulary)) == len(vocabulary)
    assert not set(vocabulary) & set(owner)
    assert sum("subcategories" in c for c in concepts) >= 30


def test_neuron_kinds_and_counts(suite):
    specs = [suite.get(fid) for fid in suite.ids("neurons")]
    kinds = Counter(s["complexity"] for s in specs)
    assert len(specs) >= 200 and all(kinds[k] >= 50 for k in ("single", "or", "except"))
    behaviours = {(tuple(s["concepts"]), (s["excluded"] or {}).get("name")) for s in specs}
    assert len(behaviours) == len(specs)


def test_members_fire_and_everything_else_stays_near_zero(suite, lexicon):
    _, vocabulary = lexicon
    for fid in suite.ids("neurons")[:60]:
        spec = suite.get(fid)
        top = max(spec["members"], key=spec["members"].get)
        assert neurons.activation(spec, top) > 0.8
        assert all(neurons.activation(spec, w) < neurons.JITTER for w in vocabulary[::97])
        assert all(0.0 <= neurons.activation(spec, w) <= 1.0 for w in spec["heldout"])


def test_excluded_subcategory_is_silent(suite):
    for fid in suite.ids("neurons", "except"):
        spec = suite.get(fid)
        excluded = spec["excluded"]["words"]
        assert excluded and all(neurons.activation(spec, w) < neurons.JITTER for w in excluded)
        assert set(excluded) <= set(spec["heldout"])
        assert spec["excluded"]["name"] in spec["description"]


def test_activation_ignores_case_and_surrounding_space(suite):
    spec = suite.get(suite.ids("neurons")[0])
    word = next(iter(spec["members"]))
    assert neurons.activation(spec, f"  {word.upper()} ") == neurons.activation(spec, word)


def test_rendered_source_matches_the_interpreter(suite):
    for fid in suite.ids("neurons"):
        spec = suite.get(fid)
        namespace = {}
        exec(neurons.render(spec), namespace)
        for word in spec["heldout"]:
            assert namespace["f"](word) == neurons.activation(spec, word), (fid, word)


def test_heldout_words_mix_members_and_non_members(suite):
    for fid in suite.ids("neurons")[:50]:
        spec = suite.get(fid)
        members = sum(w in spec["members"] for w in spec["heldout"])
        assert members >= min(20, len(spec["members"])) and len(spec["heldout"]) - members >= 40
