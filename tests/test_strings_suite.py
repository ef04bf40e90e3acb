"""The strings domain: generation, interpreter, renderer and held-out inputs."""

import collections
import hashlib
import json
from itertools import product

import pytest

# Imported as a module: a bare `test_inputs` name would be collected by pytest.
from find_lab.domains.strings import specs as suite
from find_lab.domains.strings.ops import OPS


@pytest.fixture(scope="module")
def specs():
    return suite.generate(0)


def run_rendered(spec, inputs):
    namespace = {}
    exec(suite.render(spec), namespace)
    return [namespace["f"](x) for x in inputs]


def probe_outputs(spec):
    hidden = suite.make_callable(spec)
    return tuple(hidden(x) for x in suite._probes())


def test_generate_gives_1000_well_formed_specs(specs):
    assert [spec["id"] for spec in specs] == [f"strings/f{i:04d}" for i in range(1000)]
    for spec in specs:
        assert list(spec) == ["id", "domain", "complexity", "description", "program"]
        assert spec["domain"] == "strings"
        assert spec["complexity"] == ("composed" if len(spec["program"]) == 2 else "atomic")
        assert len(spec["program"]) in (1, 2)
        assert spec["description"].endswith(".")
    composed = sum(spec["complexity"] == "composed" for spec in specs) / len(specs)
    assert 0.65 <= composed <= 0.75
    kinds = [spec["complexity"] for spec in specs[:100]]
    assert "atomic" in kinds and "composed" in kinds  # interleaved, not in blocks


def test_generate_is_deterministic_and_seeded(specs):
    assert json.dumps(suite.generate(0)) == json.dumps(specs)
    assert json.dumps(suite.generate(1, count=50)) != json.dumps(specs[:50])


def test_count_is_respected():
    assert len(suite.generate(3, count=20)) == 20


def test_suite_uses_at_least_45_operations(specs):
    used = {step["op"] for spec in specs for step in spec["program"]}
    assert len(OPS) >= 45
    assert len(used) >= 45


def test_no_two_functions_behave_alike_and_none_is_trivial(specs):
    probes = suite._probes()
    digests = set()
    for spec in specs:
        outputs = probe_outputs(spec)
        assert outputs != probes, spec["id"]
        assert len(set(outputs)) > 1, spec["id"]
        digests.add(hashlib.sha256(json.dumps(outputs).encode()).hexdigest())
    assert len(digests) == len(specs)


def test_compositions_depend_on_both_steps(specs):
    for spec in (s for s in specs if s["complexity"] == "composed"):
        first, second = spec["program"]
        assert first["op"] != second["op"], spec["id"]
        outputs = probe_outputs(spec)
        for step in (first, second):
            alone = {**spec, "program": [step]}
            assert outputs != probe_outputs(alone), spec["id"]
        top = collections.Counter(outputs).most_common(1)[0][1]
        assert top <= len(outputs) / 2, spec["id"]


def test_description_mentions_the_arguments(specs):
    caesar = next(s for s in specs if [st["op"] for st in s["program"]] == ["caesar"])
    assert f"{caesar['program'][0]['args']['shift']} places forward" in caesar["description"]


def test_rendered_source_matches_interpreter_everywhere(specs):
    for spec in specs:
        inputs = suite.test_inputs(spec)
        hidden = suite.make_callable(spec)
        assert run_rendered(spec, inputs) == [hidden(x) for x in inputs], spec["id"]


def test_render_is_readable_python():
    spec = {"id": "strings/x", "domain": "strings", "complexity": "composed", "description": "",
            "program": [{"op": "reverse_words", "args": {}},
                        {"op": "caesar", "args": {"shift": 3}}]}
    source = suite.render(spec)
    assert source.startswith("import string\n\n\ndef reverse_words(s: str) -> str:")
    assert source.endswith("def f(x: str) -> str:\n    return caesar(reverse_words(x), shift=3)\n")
    assert run_rendered(spec, ["abc xyz"]) == ["abc def"]


def test_inputs_are_deterministic_varied_and_cover_edges(specs):
    first, second = suite.test_inputs(specs[0]), suite.test_inputs(specs[1])
    assert first == suite.test_inputs(specs[0])
    assert first != second
    assert len(suite.test_inputs(specs[0], count=75)) == 75
    for spec in specs[:50]:
        inputs = suite.test_inputs(spec)
        assert len(inputs) == 60 and len(set(inputs)) == 60
        assert "" in inputs
        assert any(len(x) == 1 for x in inputs)
        assert any(x.isdigit() for x in inputs)
        assert any(x != x.strip() for x in inputs)
        assert any("  " in x.strip() for x in inputs)
        assert any(80 <= len(x) <= 200 for x in inputs)


def test_inputs_contain_what_the_arguments_look_for():
    spec = {"id": "strings/x", "program": [{"op": "find_substring", "args": {"sub": "ing"}}]}
    outputs = [suite.make_callable(spec)(x) for x in suite.test_inputs(spec)]
    assert "-1" in outputs
    assert sum(output not in ("-1", "0") for output in outputs) >= 3


@pytest.mark.parametrize(
    ("op", "args", "text", "expected"),
    [
        ("caesar", {"shift": 3}, "xyz ABC, Zz!", "abc DEF, Cc!"),
        ("caesar", {"shift": 25}, "a", "z"),
        ("middle_char", {}, "abcd", "b"),
        ("middle_char", {}, "abcde", "c"),
        ("middle_char", {}, "", ""),
        ("find_substring", {"sub": "th"}, "hello", "-1"),
        ("find_substring", {"sub": "th"}, "mother", "2"),
        ("reverse_first_half", {}, "abcde", "bacde"),
        ("reverse_second_half", {}, "abcde", "abedc"),
        ("reverse_words", {}, "  one  two three ", "three two one"),
        ("reverse_each_word", {}, "ab  cd", "ba  dc"),
        ("reverse_vowels", {}, "hello world", "hollo werld"),
        ("title_case", {}, "hELLO  wORLD 2day", "Hello  World 2day"),
        ("alternate_case", {}, "abcd", "AbCd"),
        ("count_char", {"char": "e"}, "EeE x", "3"),
        ("count_vowels", {}, "", "0"),
        ("replace_char", {"old": "a", "new": "*"}, "Banana", "B*n*n*"),
        ("shift_digits", {"k": 3}, "a789", "a012"),
        ("insert_at", {"index": 4, "char": "*"}, "ab", "ab*"),
        ("rotate_left", {"k": 2}, "abcde", "cdeab"),
        ("rotate_right", {"k": 2}, "abcde", "deabc"),
        ("rotate_right", {"k": 5}, "abc", "bca"),
        ("swap_adjacent", {}, "abcde", "badce"),
        ("swap_first_last", {}, "a", "a"),
        ("run_length_encode", {}, "aaab\n\n", "a3b1\n2"),
        ("dedupe_chars", {}, "Mississippi", "Misp"),
        ("ordinals", {}, "Az", "65 122"),
        ("atbash", {}, "abz Y", "zya B"),
        ("last_n", {"n": 3}, "ab", "ab"),
        ("longest_word", {}, "aa bbb ccc", "bbb"),
        ("strip_char", {"char": "*"}, "**a*b**", "a*b"),
    ],
)
def test_operation_examples(op, args, text, expected):
    assert OPS[op].func(text, **args) == expected


AWKWARD = ["", " ", "\t\n", "é", "ÉÀß", "İstanbul", "\u0000", "²³", "🙂 ok", "a" * 5000,
           "x" * 3 + " " * 40, "٣٤", "\\n", "{}", "%s"]


def test_no_operation_raises_on_awkward_inputs():
    for op in OPS.values():
        for values in product(*op.params.values()):
            args = dict(zip(op.params, values))
            for text in AWKWARD:
                assert isinstance(op.func(text, **args), str), (op.name, args, text)


def test_oversized_suite_fails_clearly_instead_of_looping():
    with pytest.raises(ValueError, match="too large"):
        suite.generate(0, count=2000)
