"""A study's plan: the template as written, one line per bad field, the stratified sample,
the balanced Latin square, and the study tag in session_start."""

import asyncio
import itertools
import re
from collections import Counter

import pytest

from find_lab.actors import make_actor
from find_lab.experiment import Budget
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.study import plan as plans
from find_lab.study.plan import StudyError
from find_lab.targets import resolve


def write(home, text, name="pilot"):
    path = plans.folder(home, name) / "plan.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def plan_text(functions='ids = ["numeric/f0003", "numeric/f0004"]', participants='roster = ["p01"]',
              **top):
    lines = [f"{key} = {value}" for key, value in {"name": '"pilot"', **top}.items()]
    return "\n".join(lines + ["[functions]", functions, "[budget]", "calls = 5",
                              "[participants]", participants]) + "\n"


def test_the_template_loads_as_written(tmp_path, suite):
    path = plans.new(tmp_path, "pilot", suite)
    text = path.read_text()
    plan = plans.load(tmp_path, "pilot", suite)
    assert path == tmp_path / "studies" / "pilot" / "plan.toml" and text.count("#") > 10
    assert plan.name == "pilot" and plan.reveal == "never" and plan.path == path
    assert plan.functions and all(suite.get(fid) for fid in plan.functions)
    assert plan.practice and plan.practice not in plan.functions
    assert set(plan.agents) == {"scientist", "random", "interpolate"}
    assert (plan.calls, plan.points, plan.minutes) == (25, 400, 10.0)
    assert plan.roster and not plan.open and plan.order_kind == "counterbalanced"
    assert re.fullmatch(r"[0-9a-f]{16}", plan.hash)
    with pytest.raises(StudyError, match="already exists"):
        plans.new(tmp_path, "pilot", suite)
    with pytest.raises(StudyError, match="study name"):
        plans.new(tmp_path, "../elsewhere", suite)


def test_the_hash_is_the_plan_files_bytes(tmp_path, suite):
    path = plans.new(tmp_path, "pilot", suite)
    before = plans.load(tmp_path, "pilot", suite).hash
    path.write_text(path.read_text() + "# a comment\n")
    assert plans.load(tmp_path, "pilot", suite).hash != before


BAD = [  # (what replaces what in the template, the field the one line names)
    ("seed = 0", "seed = -1", "seed"),
    ("seed = 0", "seed = 1.5", "seed"),
    ('reveal = "never"', 'reveal = "sometimes"', "reveal"),
    ('agents = ["scientist", "random", "interpolate"]', 'agents = ["nobody"]', "agents"),
    ('agents = ["scientist", "random", "interpolate"]', 'agents = ["human"]', "agents"),
    ('agents = ["scientist", "random", "interpolate"]', 'agents = ["random", "random"]', "agents"),
    ("ids = [", 'ids = ["numeric/f9999", ', "functions.ids"),
    ("ids = [", "ids = [1, ", "functions.ids"),
    ("practice = ", 'practice = "strings/f9999" #', "functions.practice"),
    ("calls = 25", "calls = 0", "budget.calls"),
    ("points = 400", 'points = "many"', "budget.points"),
    ("minutes = 10", "minutes = 0", "budget.minutes"),
    ("minutes = 10", "minutes = nan", "budget.minutes"),
    ('order = "counterbalanced"', 'order = "shuffled"', "participants.order"),
    ("break_seconds = 30", "break_seconds = -1", "participants.break_seconds"),
    ('roster = ["p01", "p02"]', 'roster = ["p01", "p01"]', "participants.roster"),
    ('roster = ["p01", "p02"]', 'roster = ["a b"]', "participants.roster"),
    ('roster = ["p01", "p02"]', 'roster = ["p01"]\nopen = true', "participants"),
    ('roster = ["p01", "p02"]', "open = 1", "participants.open"),
    ('roster = ["p01", "p02"]', "", "participants"),
    ("seed = 0", "seed = 0\nsead = 1", "sead"),
    ("calls = 25", "calls = 25\nhours = 1", "budget.hours"),
    ('name = "pilot"', 'name = "other"', "name"),
    ('name = "pilot"', 'name = "pilot', "not valid TOML"),
    ("ids = [", "sample = { numeric = { clean = 1 } }\nids = [", "[functions]"),
]


@pytest.mark.parametrize("old, new, field", BAD)
def test_each_bad_field_is_one_line_naming_it(tmp_path, suite, old, new, field):
    text = plans.TEMPLATE.replace("$name", "pilot").replace("$ids", '["numeric/f0003"]') \
        .replace("$practice", '"numeric/f0001"')
    assert old in text
    write(tmp_path, text.replace(old, new, 1))
    with pytest.raises(StudyError) as caught:
        plans.load(tmp_path, "pilot", suite)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("study 'pilot': ")
    assert field in message


@pytest.mark.parametrize("sample, field", [
    ("{ nowhere = { clean = 1 } }", "functions.sample.nowhere"),
    ("{ numeric = { tidy = 1 } }", "functions.sample.numeric.tidy"),
    ("{ numeric = { clean = 0 } }", "functions.sample.numeric.clean"),
    ("{ numeric = { clean = 100000 } }", "functions.sample.numeric.clean"),
    ("{ numeric = 3 }", "functions.sample.numeric"),
])
def test_a_bad_sample_names_its_stratum(tmp_path, suite, sample, field):
    write(tmp_path, plan_text(f"sample = {sample}"))
    with pytest.raises(StudyError, match=re.escape(field)):
        plans.load(tmp_path, "pilot", suite)


def test_a_missing_study_says_how_to_make_one(tmp_path, suite):
    with pytest.raises(StudyError, match="study new nothing"):
        plans.load(tmp_path, "nothing", suite)


def test_a_stratified_sample_is_stratified_and_seeded(tmp_path, suite):
    strata = {("numeric", "clean"): 3, ("numeric", "noise"): 2, ("strings", "composed"): 2}
    sample = "sample = { numeric = { clean = 3, noise = 2 }, strings = { composed = 2 } }\n" \
             'practice = "numeric/f0001"'
    draws = []
    for seed in range(4):
        write(tmp_path, plan_text(sample, seed=seed))
        plan = plans.load(tmp_path, "pilot", suite)
        found = Counter((suite.get(f)["domain"], suite.get(f)["complexity"]) for f in plan.functions)
        assert found == strata and len(set(plan.functions)) == 7
        assert "numeric/f0001" not in plan.functions
        assert plans.load(tmp_path, "pilot", suite).functions == plan.functions  # seeded
        draws.append(plan.functions)
    assert len(set(draws)) > 1  # another seed, another sample


@pytest.mark.parametrize("n", range(1, 9))
def test_the_latin_square_is_balanced(n):
    rows = plans.latin_square(n)
    assert all(sorted(row) == list(range(n)) for row in rows)
    for position in range(n):  # each item equally often in each position
        assert len(set(Counter(row[position] for row in rows).values())) == 1
    pairs = Counter((row[i], row[i + 1]) for row in rows for i in range(n - 1))
    if n > 1:  # each ordered pair adjacent equally often
        assert set(pairs) == set(itertools.permutations(range(n), 2))
        assert len(set(pairs.values())) == 1
    if n % 2 == 0:
        assert len(rows) == n and set(pairs.values()) <= {1}


def test_counterbalanced_orders_over_a_full_roster_are_the_square(tmp_path, suite):
    ids = suite.ids("numeric", "clean")[:4]
    roster = [f"p{i}" for i in range(4)]
    write(tmp_path, plan_text(f"ids = {ids!r}".replace("'", '"'),
                              f"roster = {roster!r}\norder = \"counterbalanced\"".replace("'", '"')))
    plan = plans.load(tmp_path, "pilot", suite)
    orders = [plan.order(person) for person in roster]
    for position in range(4):
        assert sorted(order[position] for order in orders) == sorted(ids)
    pairs = Counter((o[i], o[i + 1]) for o in orders for i in range(3))
    assert len(pairs) == 12 and set(pairs.values()) == {1}


def test_random_and_fixed_orders(tmp_path, suite):
    ids = suite.ids("numeric", "clean")[:6]
    people = [f"p{i}" for i in range(8)]
    listed = f"ids = {ids!r}".replace("'", '"')
    write(tmp_path, plan_text(listed, f"roster = {people!r}\norder = \"random\"".replace("'", '"')))
    plan = plans.load(tmp_path, "pilot", suite)
    orders = [plan.order(person) for person in people]
    assert all(sorted(order) == sorted(ids) for order in orders)
    assert orders == [plan.order(person) for person in people]  # deterministic
    assert len({tuple(order) for order in orders}) > 1
    write(tmp_path, plan_text(listed, f"roster = {people!r}\norder = \"fixed\"".replace("'", '"')))
    plan = plans.load(tmp_path, "pilot", suite)
    assert all(plan.order(person) == ids for person in people)


def test_who_may_take_part(tmp_path, suite):
    write(tmp_path, plan_text())
    plan = plans.load(tmp_path, "pilot", suite)
    with pytest.raises(StudyError, match="no participant 'p99'"):
        plan.order("p99")
    write(tmp_path, plan_text(participants='open = true\norder = "counterbalanced"'))
    plan = plans.load(tmp_path, "pilot", suite)
    assert sorted(plan.order("anyone")) == sorted(plan.functions)
    with pytest.raises(StudyError, match="participant id"):
        plan.order("no spaces please")


def test_tags_for_participants_and_agents(tmp_path, suite):
    write(tmp_path, plan_text())
    plan = plans.load(tmp_path, "pilot", suite)
    assert plan.tag(participant="p01", position=0, practice=True) == {
        "name": "pilot", "plan": plan.hash, "participant": "p01", "position": 0, "practice": True}
    assert plan.tag(agent="random", seed=3) == {
        "name": "pilot", "plan": plan.hash, "agent": "random", "seed": 3, "position": None,
        "practice": False}
    with pytest.raises(StudyError):
        plan.tag()


def test_the_tag_lands_in_session_start(tmp_path, suite):
    write(tmp_path, plan_text())
    plan = plans.load(tmp_path, "pilot", suite)
    store = Store(tmp_path)
    tag = plan.tag(agent="random", seed=0)
    tagged = asyncio.run(run_session(resolve("numeric/f0003", suite=suite), make_actor("random"),
                                     store=store, budget=Budget(3, 50), study=tag))
    plain = asyncio.run(run_session(resolve("numeric/f0003", suite=suite), make_actor("random"),
                                    store=store, budget=Budget(3, 50)))
    assert store.events(tagged.session_id)[0]["study"] == tag
    assert "study" not in store.events(plain.session_id)[0]
    from find_lab.study import progress

    found = progress.sessions(store, plan)
    assert [doc["id"] for doc in found] == [tagged.session_id] and found[0]["study"] == tag
