"""FIND's description test: deterministic questions, a judge that reads only the description."""

import json
import random

import pytest

from find_lab import cli, judge, scoreboard
from find_lab.store import Store, StoreError

IDS = ["numeric/f0001", "numeric/f0003", "strings/f0003", "strings/f0500", "neurons/f0002",
       "neurons/f0200"]


def test_every_function_gets_ten_fair_questions(suite):
    for function_id in IDS:
        asked = judge.questions(suite, function_id)
        assert len(asked) == judge.QUESTIONS, function_id
        for question in asked:
            right = question.outputs[question.answer]
            assert len(question.outputs) == 3 and len(set(map(repr, question.outputs))) == 3
            assert judge._truth(suite.get(function_id))(question.input) == right
        assert len({q.answer for q in asked}) > 1            # the right letter moves around


def test_questions_are_the_same_every_time_and_differ_between_functions(suite):
    first = judge.questions(suite, "strings/f0003")
    assert first == judge.questions(suite, "strings/f0003")
    assert first != judge.questions(suite, "strings/f0004")


async def test_an_oracle_scores_one_a_guesser_about_a_third_and_nonsense_zero(suite):
    asked = {fid: judge.questions(suite, fid) for fid in IDS}
    prompts = {q.prompt("d"): q for questions in asked.values() for q in questions}

    async def oracle(prompt):
        return "ABC"[prompts[prompt].answer]

    rng = random.Random(1)

    async def guesser(prompt):
        return rng.choice("ABC")

    async def nonsense(prompt):
        return "I cannot tell."

    for fid, questions in asked.items():
        assert (await judge.judge("d", questions, oracle, "oracle")).score == 1.0
        assert (await judge.judge("d", questions, nonsense, "x")).correct == 0
    guesses = [await judge.judge("d", q, guesser, "guess") for q in asked.values()]
    rate = sum(v.correct for v in guesses) / sum(v.total for v in guesses)
    assert 0.1 < rate < 0.6


def test_the_prompt_shows_only_the_description_and_the_pairs(suite):
    question = judge.questions(suite, "numeric/f0003")[0]
    prompt = question.prompt("a falling line")
    assert "a falling line" in prompt and prompt.count(f"f({question.input:g})") == 3
    assert suite.get("numeric/f0003")["description"] not in prompt
    assert judge.parse_choice(" b.") == 1 and judge.parse_choice("Answer: C") == 2
    assert judge.parse_choice("none of them") is None


@pytest.fixture
def store(tmp_path, suite):
    from find_lab import targets
    from find_lab.agents.baselines import InterpolateBaseline
    from find_lab.session import run_session
    import asyncio

    store = Store(tmp_path / "sessions")
    for fid in ("numeric/f0003", "strings/f0003"):
        asyncio.run(run_session(targets.from_spec(suite.get(fid)), InterpolateBaseline(0), store=store))
    return store


def test_a_verdict_is_appended_to_the_session_and_reaches_the_scoreboard(store):
    doc = store.list()[0]
    event = store.append(doc["id"], "judge", score=0.7, correct=7, total=10, model="m")
    events = store.events(doc["id"])
    assert events[-1] == event and events[-2]["kind"] == "session_end"
    assert store.get(doc["id"])["judge"] == {"score": 0.7, "correct": 7, "total": 10, "model": "m"}
    judged = {row.domain: row.judged for row in scoreboard.from_store(store) if row.complexity == "all"}
    assert judged[doc["domain"]] == "0.70 (1)"
    assert scoreboard.NOT_JUDGED in judged.values()
    (store.home / "index.json").unlink()                     # the verdict survives a rebuild
    assert Store(store.home).get(doc["id"])["judge"]["score"] == 0.7


def test_a_running_session_cannot_be_judged(tmp_path):
    store = Store(tmp_path)
    log = store.create({"function_id": "numeric/f0001", "domain": "numeric",
                        "actor_kind": "scientist", "actor_name": "scientist", "model": None})
    log({"seq": 0, "t": 0, "actor": "system", "kind": "session_start", "session_id": log.id,
         "function_id": "numeric/f0001", "domain": "numeric", "actor_kind": "scientist",
         "actor_name": "scientist", "model": None, "budget": {"calls": 25, "points": 400}})
    with pytest.raises(StoreError, match="has not ended"):
        store.append(log.id, "judge", score=1.0)
    log.close()


def test_judge_none_and_a_missing_key_are_one_line_answers(store, capsys, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    home = str(store.home)
    assert cli.main(["judge", "--all", "--judge", "none", "--home", home]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.endswith("not judged (--judge none)") for line in out)
    assert cli.main(["judge", "--all", "--home", home]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("find-lab: set ANTHROPIC_API_KEY") and "\n" not in err
    assert all(doc["judge"] is None for doc in store.list())
    log = json.dumps(store.events(store.list()[0]["id"]))
    assert "judge" not in log
