"""Running FIND's own functions from an imported suite: a session and a score on each kind, the
neuron backend (a fake OpenAI-compatible server on 127.0.0.1), hints, and FIND's export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from find_lab import cli, domains, targets
from find_lab.agents.claude import ClaudeAgent
from find_lab.experiment import Budget
from find_lab.find_dataset.backend import BACKEND_ENV, Backend, BackendError
from find_lab.find_dataset.importer import import_dataset
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.suite import Suite
from tests.fake_anthropic import FakeAnthropic, reply, tool_use
from tests.fake_openai import FakeOpenAI

FIXTURES = Path(__file__).parent / "fixtures"
SPORTS = {"NFL": 0.97, "FIFA": 0.95, "UEFA": 0.93, "NBA": 0.96, "tennis ": 0.6}
CAPITALS = {"France": " Paris", "Japan": " Tokyo", "Peru": " Lima", "Kenya": " Nairobi",
            "Finland": " Helsinki"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_SUITES", str(tmp_path / "suites"))
    monkeypatch.delenv(BACKEND_ENV, raising=False)
    import_dataset(FIXTURES, "find")
    return tmp_path / "sessions"


def run(capsys, *argv) -> dict:
    status = cli.main(["run", *argv, "--suite", "find", "--json"])
    out = capsys.readouterr().out
    assert status == 0, out
    return json.loads(out)


@pytest.mark.parametrize("function_id", ["numeric/f00001", "numeric/f00004", "numeric/f00000"])
def test_the_scientist_runs_and_is_scored_on_fnds_numeric_functions(home, capsys, function_id):
    result = run(capsys, function_id, "--agent", "scientist", "--home", str(home))
    assert result["status"] == "submitted" and result["score"]["metric"] == "nmse"
    assert result["score"]["value"] < 1.0
    start = Store(home).events(result["session_id"])[0]
    assert start["suite"]["name"] == "find" and start["function_id"] == function_id


def test_a_string_function_runs_fnds_code_and_scores_on_both_sets(home, capsys, tmp_path):
    result = run(capsys, "strings/f00000", "--agent", "scientist", "--home", str(home))
    details = result["score"]["details"]
    assert details["find_unit_tests"]["total"] == 10 and details["heldout"]["total"] >= 50
    assert result["score"]["success"] and details["find_unit_tests"]["matched"] == 10
    wrong = tmp_path / "identity.py"
    wrong.write_text("def f(x):\n    return x\n")
    assert cli.main(["score", "strings/f00000", "--suite", "find", "--code", str(wrong),
                     "--json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert scored["details"]["find_unit_tests"]["matched"] == 0 and not scored["success"]


def test_a_neuron_without_a_backend_is_one_line_and_no_session(home, capsys):
    assert cli.main(["run", "neurons/f00000", "--suite", "find", "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--neuron-backend" in err
    assert not Store(home).list()
    assert cli.main(["bench", "--suite", "find", "--domain", "neurons", "--no-save"]) == 2
    assert "--neuron-backend" in capsys.readouterr().err


def test_an_entity_neuron_runs_through_the_backend_with_hints(home, capsys):
    with FakeOpenAI(members=SPORTS) as server:
        result = run(capsys, "neurons/f00000", "--agent", "scientist", "--home", str(home),
                     "--neuron-backend", server.url, "--hints")
        asked = [r["body"] for r in server.requests]
    assert result["status"] == "submitted" and result["score"]["metric"] == "pearson"
    assert result["score"]["details"]["find_inputs"] >= 10
    assert all(body["model"] == "vicuna-13b-v1.1" and body["logprobs"] and
               body["top_logprobs"] == 20 for body in asked)
    assert "related to sport organizations" in asked[0]["messages"][-1]["content"]
    start = Store(home).events(result["session_id"])[0]
    initial = json.loads((FIXTURES / "find-dataset/neurons_entities/f00000/initial.json").read_text())
    assert start["hints"] == initial


def test_the_backend_reads_fnds_probability_and_reports_faults():
    with FakeOpenAI(members={"NFL": 0.8}) as server:
        backend = Backend(server.url, "m")
        assert backend.entity("sport organizations", None, "NFL") == pytest.approx(0.8)
        assert backend.entity("sport organizations", None, "river") == pytest.approx(0.02)
        assert backend.relation("a country", "its capital", None, "Peru") == "undefined"
    with FakeOpenAI(status=500) as server, pytest.raises(BackendError, match="HTTP 500"):
        Backend(server.url).entity("x", None, "y")
    with pytest.raises(BackendError, match="cannot be reached"):
        Backend("http://127.0.0.1:9/v1", timeout=2).relation("a", "b", None, "c")


@pytest.mark.skipif(domains.find("relations") is None, reason="the relations domain is not here")
def test_a_relation_neuron_answers_through_the_backend_and_scores_by_exact_match(home, monkeypatch):
    with FakeOpenAI(table=CAPITALS) as server:
        monkeypatch.setenv(BACKEND_ENV, server.url)
        target = targets.resolve("relations/f00040", suite=Suite("find"), hints=True)
        assert target.call(["Peru", "Mars"]) == ["Lima", "undefined"]
        prompt = server.requests[0]["body"]["messages"][-1]["content"]
        table = {k: v.strip() for k, v in CAPITALS.items()}
        score = target.scorer(f"TABLE = {table!r}\n\ndef f(x):\n    return TABLE.get(x, 'undefined')\n",
                              "capitals")
    assert "If the input country is in Europe, return 'undefined'" in prompt
    assert "Peru" in target.hints
    assert score.metric == domains.get("relations").metric and score.success


async def test_claude_is_told_fnds_starting_words(home, monkeypatch):
    with FakeOpenAI(members=SPORTS) as backend:
        monkeypatch.setenv(BACKEND_ENV, backend.url)
        target = targets.resolve("neurons/f00000", suite=Suite("find"), hints=True)
        code = "def f(x):\n    return 1.0 if x in ('NFL', 'FIFA') else 0.0\n"
        submit = tool_use("submit", {"description": "sports bodies", "domain": "", "code": code})
        with FakeAnthropic([reply(submit)]) as server:
            agent = ClaudeAgent(api_key="sk-ant-api03-test-0123456789abcdefghij",
                                base_url=server.url)
            experiment = await run_session(target, agent, budget=Budget(3, 30))
            first = server.requests[0]["body"]["messages"][0]["content"]
    words = [block["text"] for block in first if block["type"] == "text"]
    assert any(f"We advise you to start with the following words: {list(target.hints)}" in w
               for w in words)
    assert experiment.events[0]["hints"] == list(target.hints)
    assert experiment.score is not None


def test_without_hints_nothing_is_suggested(home, monkeypatch):
    monkeypatch.setenv(BACKEND_ENV, "http://127.0.0.1:9/v1")
    assert targets.resolve("neurons/f00000", suite=Suite("find")).hints == ()


def test_an_imported_session_exports_in_fnds_layout(home, capsys, tmp_path):
    result = run(capsys, "numeric/f00001", "--agent", "scientist", "--home", str(home))
    out = tmp_path / "results"
    assert cli.main(["sessions", "export", str(out), "--format", "find", "--home", str(home)]) == 0
    folder = out / "scientist" / "numeric" / "f00001"
    assert (folder / "description.txt").read_text()
    code = (folder / "code.py").read_text()
    namespace: dict = {}
    exec(compile(code, "code.py", "exec"), namespace)
    last = code.rsplit("def ")[-1].rsplit("(")[0]
    assert isinstance(namespace[last](0.5), float)
    assert result["session_id"]


def test_the_scoreboard_credits_an_imported_session_by_its_own_suite(home, capsys):
    from find_lab import scoreboard

    run(capsys, "numeric/f00004", "--agent", "scientist", "--home", str(home))
    docs = Store(home).list()
    by_tag = {(row.domain, row.complexity) for row in scoreboard.rows(docs)}
    assert ("numeric", "corruption") in by_tag          # FIND's variant, not a user's function
    assert not scoreboard.stale_checker()(docs[0])


def test_an_imported_suite_verifies_by_its_checksums(home, capsys):
    assert cli.main(["suite", "verify", "--suite", "find"]) == 0
    assert "intact" in capsys.readouterr().out
    assert cli.main(["suite", "verify", "--suite", "find", "--rebuild"]) == 2
    assert "--replace" in capsys.readouterr().err
    strings = Path(Suite("find").root) / "strings.jsonl"
    strings.write_text(strings.read_text().replace("lvmBi", "lvmBj"))
    assert cli.main(["suite", "verify", "--suite", "find"]) == 1
    assert "strings.jsonl does not match" in capsys.readouterr().out


def test_the_scientist_runs_on_a_relation_neuron(home, capsys):
    with FakeOpenAI(table=CAPITALS) as server:
        result = run(capsys, "relations/f00000", "--agent", "scientist", "--home", str(home),
                     "--neuron-backend", server.url)
    assert result["status"] == "submitted"
    assert result["score"]["metric"] == domains.get("relations").metric
    assert result["score"]["details"]["find_inputs"] >= 8
