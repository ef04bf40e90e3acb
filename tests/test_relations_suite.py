"""The relations domain: FIND's layout of 75 relations, what each answers inside its domain,
in its exception and outside, how held-out inputs test all three, and how answers are scored."""

from collections import Counter

import pytest

from find_lab import domains, scoring, targets
from find_lab.domains.relations import specs as relations
from find_lab.probe_syntax import ProbeSyntaxError
from find_lab.suite import default_root

DOMAIN = domains.get("relations")


@pytest.fixture(scope="module")
def knowledge():
    return relations.load(default_root() / "lexicon")


@pytest.fixture(scope="module")
def all_specs(suite):
    return [suite.get(fid) for fid in suite.ids("relations")]


def test_the_knowledge_base_holds_six_relations_over_four_hundred_entities(knowledge):
    names = {relations.key(entity[kind.field]) for kind in relations.KINDS.values()
             for entity in knowledge[kind.table]}
    assert len(names) >= 400
    assert len(relations.RELATIONS) >= 25 and len({r[0] for r in relations.RELATIONS}) == 25


def test_findss_layout_each_relation_plain_then_twice_with_an_exception(all_specs):
    assert len(all_specs) == 75 == DOMAIN.count
    assert Counter(s["complexity"] for s in all_specs) == {"plain": 25, "exception": 50}
    plain, first, second = all_specs[:25], all_specs[25:50], all_specs[50:]
    assert all(s["exception"] is None for s in plain)
    for a, b, c in zip(plain, first, second):
        assert a["relation"] == b["relation"] == c["relation"]
        assert b["exception"] != c["exception"]
    assert len({s["relation"] for s in all_specs}) == 25


def test_a_relation_answers_its_domain_in_any_case_and_nothing_else(all_specs, knowledge):
    for spec in all_specs:
        kind = relations.KINDS[spec["input"]]
        excluded = set(spec["excluded_keys"])
        for entity in knowledge[kind.table][::7]:
            name = str(entity[kind.field])
            want = (relations.UNDEFINED if relations.key(name) in excluded
                    else spec["table"][relations.key(name)])
            for form in (name, name.upper(), name.lower(), f"  {name} "):
                assert relations.observe(spec, form) == want, (spec["id"], form)
        for text in ("", "   ", "zzqx", "the", "Fr ance!"):
            assert relations.observe(spec, text) == relations.UNDEFINED


def test_aliases_answer_as_their_name(all_specs, knowledge):
    spec = next(s for s in all_specs if s["relation"] == "country_capital" and not s["exception"])
    aliased = [e for e in knowledge["countries"] if e["aliases"]]
    assert len(aliased) >= 20
    for entity in aliased:
        for alias in entity["aliases"]:
            assert relations.observe(spec, alias) == entity["capital"]


def test_an_exception_takes_exactly_its_sub_group(all_specs, knowledge):
    for spec in (s for s in all_specs if s["exception"]):
        kind = relations.KINDS[spec["input"]]
        field, value = spec["exception"]["field"], spec["exception"]["value"]
        members = [e for e in knowledge[kind.table] if e[field] == value]
        others = [e for e in knowledge[kind.table] if e[field] != value]
        assert relations.MIN_GROUP <= len(members) <= relations.MAX_GROUP * len(knowledge[kind.table])
        assert all(relations.observe(spec, e[kind.field]) == relations.UNDEFINED for e in members)
        assert all(relations.observe(spec, e[kind.field]) != relations.UNDEFINED for e in others)
        assert spec["exception"]["clause"] in spec["description"]
        assert DOMAIN.check(spec) is None


def test_held_out_inputs_test_the_domain_the_exception_and_outside(all_specs, knowledge):
    for spec in all_specs:
        answers = DOMAIN.answers(spec)
        parts = Counter(answers.parts)
        kind = relations.KINDS[spec["input"]]
        kept = sum(relations.key(e[kind.field]) not in spec["excluded_keys"]
                   for e in knowledge[kind.table])
        assert parts["domain"] >= min(30, kept) and parts["outside"] >= 10 and "" in answers.inputs
        assert (parts["exception"] >= 5) == bool(spec["exception"])
        for text, want, part in zip(answers.inputs, answers.expected, answers.parts):
            assert (want != relations.UNDEFINED) == (part == "domain"), (spec["id"], text)
        typos = [t for t, p in zip(answers.inputs, answers.parts) if p == "outside"]
        assert len(set(typos)) == len(typos)


def _score(spec, code):
    return scoring.score(spec, code, None)


def test_the_true_function_scores_one_and_partial_answers_fail_by_part(all_specs):
    spec = next(s for s in all_specs if s["exception"] and s["input"] == "country")
    truth = _score(spec, relations.render(spec))
    assert truth.value == 1.0 and truth.success
    assert all(p["matched"] == p["total"] for p in truth.details["parts"].values())
    blank = _score(spec, DOMAIN.template)
    assert not blank.success and blank.details["parts"]["domain"]["matched"] == 0
    assert blank.details["parts"]["outside"]["matched"] == blank.details["parts"]["outside"]["total"]
    plain = next(s for s in all_specs if s["relation"] == spec["relation"] and not s["exception"])
    careless = _score(spec, relations.render(plain))   # the relation, without the exception
    assert careless.details["parts"]["exception"]["matched"] == 0
    assert careless.details["parts"]["domain"]["matched"] == careless.details["parts"]["domain"]["total"]


def test_probes_are_names_between_commas_or_quoted_strings():
    assert DOMAIN.parse("France, Fe , New York") == ["France", "Fe", "New York"]
    assert DOMAIN.parse("Cote d'Ivoire") == ["Cote d'Ivoire"]
    assert DOMAIN.parse('"a, b", ""') == ["a, b", ""]
    with pytest.raises(ProbeSyntaxError, match="quote it"):
        DOMAIN.parse("France,,Fe")
    assert DOMAIN.validate("x" * 201)[1] and DOMAIN.validate(3)[1]


def test_a_users_own_relation_is_scored_on_names_it_answers_and_names_it_does_not(tmp_path):
    source = tmp_path / "mine.py"
    source.write_text('CAPITALS = {"france": "Paris", "japan": "Tokyo", "peru": "Lima", '
                      '"kenya": "Nairobi", "chile": "Santiago", "laos": "Vientiane"}\n'
                      'MONTHS = {"january": "February", "june": "July"}\n\n'
                      "def f(x):\n    return CAPITALS.get(x.strip().lower(), 'undefined')\n\n"
                      "def g(x):\n    return MONTHS.get(x.strip().lower(), 'undefined')\n")
    target = targets.resolve(f"{source}:f", "relations", f"{source}:f")
    perfect = target.scorer(source.read_text(), None)
    assert perfect.value == 1.0
    parts = perfect.details["parts"]
    assert parts["domain"]["total"] == 6 and parts["outside"]["total"] == 20
    wrong = target.scorer("def f(x):\n    return 'Paris'\n", None)
    assert wrong.details["parts"]["domain"]["matched"] == 1
    assert wrong.details["parts"]["outside"]["matched"] == 0
    # a domain the lab knows too few names of cannot be scored: 'undefined' everywhere passes
    # every test it has, so no answer succeeds on it
    months = targets.resolve(f"{source}:g", "relations", f"{source}:g")
    vacuous = months.scorer("def f(x):\n    return 'undefined'\n", None)
    assert not vacuous.success and "cannot tell an answer" in vacuous.reason
    assert "2 held-out inputs are in the function's domain" in vacuous.reason


def test_the_description_judge_asks_which_of_three_outputs_is_right(suite):
    from find_lab import judge

    spec = suite.get("relations/f0030")
    asked = judge.questions(suite, spec["id"])
    assert len(asked) >= 5
    for question in asked:
        assert len(set(question.outputs)) == 3
        assert question.outputs[question.answer] == relations.observe(spec, question.input)
