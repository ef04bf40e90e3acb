"""The claude agent end to end: the real SDK against the fake Messages API (no network)."""

import asyncio
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from find_lab import pricing
from find_lab.agents.claude import LAST_TURN, MISSING_KEY, ClaudeAgent, ClaudeUnavailable
from find_lab.experiment import Budget, Target
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.suite import render
from find_lab.targets import from_spec
from tests.fake_anthropic import (FakeAnthropic, dropped, error, overloaded_midstream,
                                  raw_tool_use, reply, stalled, text, thinking, tool_use)

KEY = "sk-ant-api03-test-0123456789abcdefghij"
DOUBLE = "def f(x):\n    return 2 * x\n"
SUBMIT = tool_use("submit", {"description": "f doubles x", "domain": "none", "code": DOUBLE},
                  id="toolu_submit")
PROBE = reply(text("Probing both sides."), tool_use("probe", {"inputs": [1, 2]}, id="toolu_p"))


def doubling() -> Target:
    """An unscored target: sessions that need no scoring stay fast."""
    return Target("test/double", "numeric", lambda xs: [2.0 * x for x in xs])


async def session(server, target=None, *, budget=Budget(), listeners=(), ready=None,
                  store=None, **options):
    agent = ClaudeAgent(api_key=KEY, base_url=server.url, **options)
    agent.redo_delays = (0.0, 0.0, 0.0)
    return await run_session(target or doubling(), agent, budget=budget, store=store,
                             listeners=listeners, ready=ready)


def kinds(experiment) -> list[str]:
    return [event["kind"] for event in experiment.events]


def of_kind(experiment, kind: str) -> list[dict]:
    return [event for event in experiment.events if event["kind"] == kind]


def user_texts(request) -> list[str]:
    return [block["text"] for block in request["body"]["messages"][-1]["content"]
            if block["type"] == "text"]


def tool_results(request) -> dict[str, dict]:
    return {block["tool_use_id"]: block for block in request["body"]["messages"][-1]["content"]
            if block["type"] == "tool_result"}


async def test_a_full_session_reaches_a_scored_submission(suite, tmp_path):
    spec = suite.get("numeric/f0001")
    truth = render(spec)  # the function's own source: an exact explanation
    first = reply(thinking("Survey first."), text("I will probe the whole range."),
                  tool_use("probe", {"inputs": [-128, -64, 0, 64, 128]}, id="toolu_probe"),
                  usage={"input_tokens": 900, "output_tokens": 60,
                         "cache_creation_input_tokens": 2400})
    second = reply(text("A rational bump; testing it."),
                   tool_use("test_hypothesis", {"code": truth, "note": "rational"},
                            id="toolu_test"),
                   usage={"input_tokens": 300, "output_tokens": 90,
                          "cache_read_input_tokens": 2400})
    third = reply(text("The fit is exact: submitting."),
                  tool_use("submit", {"description": "A rational function with a dip near "
                                      "x = 68, tending to 0.88 far away.", "domain": "none",
                                      "code": truth}, id="toolu_submit"))
    streamed: list[str] = []

    def steer_after_first_probe(event):
        if event["kind"] == "probe":
            experiment.steer("Look closely near x = 68.")

    def keep(started):
        nonlocal experiment
        experiment = started

    experiment = None
    with FakeAnthropic([first, second, third]) as server:
        await session(server, from_spec(spec), ready=keep,
                      listeners=(steer_after_first_probe,), on_text=streamed.append,
                      store=Store(tmp_path))
        requests = server.requests

    assert kinds(experiment) == [
        "session_start", "usage", "message", "probe", "steer", "usage", "message", "hypothesis",
        "usage", "message", "submit", "score", "session_end"]
    messages = [event["text"] for event in of_kind(experiment, "message")]
    assert messages == ["I will probe the whole range.", "A rational bump; testing it.",
                        "The fit is exact: submitting."]
    assert "".join(streamed) == "".join(messages)  # streamed as it came, finalised once
    probe = of_kind(experiment, "probe")[0]
    assert probe["inputs"] == [-128, -64, 0, 64, 128] and probe["actor"] == "agent"
    assert of_kind(experiment, "hypothesis")[0]["note"] == "rational"
    assert of_kind(experiment, "submit")[0]["code"] == truth
    assert of_kind(experiment, "score")[0]["success"] is True
    assert experiment.events[-1]["status"] == "submitted"
    for event, step in zip(of_kind(experiment, "usage"), (first, second, third)):
        tokens = {field: event[field] for field in pricing.TOKEN_FIELDS}
        assert tokens == step["usage"]
        assert event["cost_usd"] == pytest.approx(pricing.cost(pricing.DEFAULT_MODEL, tokens))
        assert event["cost_usd"] > 0

    assert len(requests) == 3
    for request in requests:
        body = request["body"]
        assert (request["method"], request["path"]) == ("POST", "/v1/messages")
        assert request["headers"]["authorization"] == f"Bearer {KEY}"
        assert body["model"] == pricing.DEFAULT_MODEL and body["stream"] is True
        assert body["max_tokens"] == 4096 and "tool_choice" not in body
        [system] = body["system"]
        assert system["cache_control"] == {"type": "ephemeral"}
        assert "[DESCRIPTION]" in system["text"] and "[-128, 128]" in system["text"]
        tools = body["tools"]
        assert [tool["name"] for tool in tools] == ["probe", "test_hypothesis", "submit"]
        assert [tool.get("cache_control") for tool in tools] == [None, None, {"type": "ephemeral"}]
        assert tools[0]["input_schema"]["properties"]["inputs"]["items"] == {
            "type": "number", "minimum": -128, "maximum": 128}
        assert tools[0]["input_schema"]["required"] == ["inputs"]
        assert tools[1]["input_schema"]["required"] == ["code"]
        assert tools[2]["input_schema"]["required"] == ["description", "domain", "code"]

    assert requests[0]["body"]["messages"] == [{"role": "user", "content": [{
        "type": "text", "text": "Investigate the hidden function. You have 25 probe calls and "
                                "400 points (inputs) in all, and 20 turns."}]}]
    assistant = requests[1]["body"]["messages"][1]
    assert assistant == {"role": "assistant", "content": [
        {"type": "thinking", "thinking": "Survey first.", "signature": "fake-signature"},
        {"type": "text", "text": "I will probe the whole range."},
        {"type": "tool_use", "id": "toolu_probe", "name": "probe",
         "input": {"inputs": [-128, -64, 0, 64, 128]}}]}
    answered = json.loads(tool_results(requests[1])["toolu_probe"]["content"])
    assert [r["output"] for r in answered["results"]] == probe["outputs"]
    assert (answered["calls_left"], answered["points_left"]) == (24, 395)
    assert user_texts(requests[1]) == [
        "[From the person running the lab] Look closely near x = 68."]
    tested = tool_results(requests[2])["toolu_test"]
    assert "is_error" not in tested and json.loads(tested["content"])["fit"].startswith("NMSE ")
    saved = "".join(path.read_text() for path in tmp_path.rglob("*") if path.is_file())
    assert "Look closely" in saved and KEY not in saved


async def test_steering_before_the_run_reaches_the_first_turn():
    with FakeAnthropic([reply(SUBMIT)]) as server:
        experiment = await session(server, ready=lambda e: e.steer("Try negative inputs first."))
        [request] = server.requests
    assert user_texts(request)[1:] == [
        "[From the person running the lab] Try negative inputs first."]
    assert experiment.status == "submitted"


async def test_a_takeover_holds_the_agent_and_the_model_hears_what_the_human_found():
    taken = asyncio.Event()
    experiment = None

    def keep(started):
        nonlocal experiment
        experiment = started

    def take_over_after_first_probe(event):
        if event["kind"] == "probe" and event["actor"] == "agent":
            experiment.take_over()
            taken.set()

    with FakeAnthropic([PROBE, reply(SUBMIT)]) as server:
        task = asyncio.create_task(session(server, ready=keep,
                                           listeners=(take_over_after_first_probe,)))
        await taken.wait()
        await experiment.probe([5.0, -3.0], actor="human")
        await asyncio.sleep(0.05)
        assert len(server.requests) == 1  # the agent waits while the human drives
        experiment.hand_back()
        await task
        requests = server.requests
    assert kinds(experiment)[3:] == ["probe", "takeover", "probe", "handback", "usage", "submit",
                                     "session_end"]
    assert "toolu_p" in tool_results(requests[1])
    assert user_texts(requests[1]) == [
        "[From the person running the lab] While you were paused a human took over and probed: "
        "f(5.0) = 10.0; f(-3.0) = -6.0."]


async def test_a_pause_mid_stream_keeps_the_reply_and_holds_the_tools():
    """In a subprocess, with spaced-out events: how a TUI test runs the fake. A pause holds
    everything the agent does, its reply's text included, until resume."""
    experiment = None
    said = asyncio.Event()  # the reply is in (its usage recorded), held at the gate

    def keep(started):
        nonlocal experiment
        experiment = started

    def pause_at_first_text(_delta):
        experiment.pause()

    words = "A long narration, streamed in many small pieces, while a person pauses the session."
    script = [reply(text(words), tool_use("probe", {"inputs": [3]}, id="toolu_p")), reply(SUBMIT)]
    with FakeAnthropic(script, delay=0.005, subprocess=True) as server:
        task = asyncio.create_task(session(
            server, ready=keep, on_text=pause_at_first_text,
            listeners=(lambda event: event["kind"] == "usage" and said.set(),)))
        await said.wait()
        await asyncio.sleep(0.05)
        assert "message" not in kinds(experiment) and "probe" not in kinds(experiment)
        experiment.resume()
        await task
        assert len(server.requests) == 2
    assert of_kind(experiment, "message")[0]["text"] == words  # the reply is kept
    assert kinds(experiment)[1:6] == ["pause", "usage", "resume", "message", "probe"]


async def test_the_round_cap_asks_for_a_submission_then_ends_the_session():
    with FakeAnthropic([PROBE] * 3) as server:
        experiment = await session(server, max_rounds=3)
        requests = server.requests
    assert len(requests) == 3 and len(of_kind(experiment, "probe")) == 3
    assert LAST_TURN in user_texts(requests[2])
    assert not any(LAST_TURN in user_texts(request) for request in requests[:2])
    assert experiment.events[-1]["status"] == "budget_exhausted"
    assert experiment.events[-1]["reason"] == "no submission within 3 turns"


async def test_an_exhausted_probe_budget_asks_the_model_to_submit():
    with FakeAnthropic([PROBE, PROBE, reply(SUBMIT)]) as server:
        experiment = await session(server, budget=Budget(calls=1))
        answer = tool_results(server.requests[2])["toolu_p"]
    assert answer["is_error"] is True
    assert "No probe calls left" in answer["content"] and "submit" in answer["content"]
    assert len(of_kind(experiment, "probe")) == 1 and experiment.status == "submitted"


@pytest.mark.parametrize("fault, wait", [
    (error(429, headers={"retry-after-ms": "40"}), 0.04),
    (error(429, headers={"retry-after": "0.04"}), 0.04),
    (error(529, headers={"retry-after-ms": "10"}), 0.01),
    (error(500, headers={"retry-after-ms": "10"}), 0.01),
])
async def test_rate_limits_and_server_errors_are_retried_as_the_server_asks(fault, wait):
    with FakeAnthropic([fault, reply(SUBMIT)]) as server:
        started = time.monotonic()
        experiment = await session(server)
        elapsed = time.monotonic() - started
        first, second = server.requests
    assert experiment.status == "submitted" and "error" not in kinds(experiment)
    assert second["headers"]["x-stainless-retry-count"] == "1"
    assert first["body"] == second["body"] and elapsed >= wait


async def test_retries_run_out_into_a_one_line_crash():
    overloaded = error(529, headers={"retry-after-ms": "5"})
    with FakeAnthropic([overloaded, overloaded]) as server:
        experiment = await session(server, max_retries=1)
        assert len(server.requests) == 2
    line = "the API answered 529 overloaded_error: Overloaded"
    assert [e["message"] for e in of_kind(experiment, "error")] == [line]
    assert experiment.events[-1] == {**experiment.events[-1], "status": "crashed", "reason": line}


@pytest.mark.parametrize("broken", [
    dropped(PROBE, after=5),
    stalled(PROBE, after=5),
    overloaded_midstream(PROBE, after=5),
    reply(raw_tool_use("probe", '{"inputs": [1,, 2]}')),
], ids=["dropped", "stalled", "error-event", "invalid-json"])
async def test_a_reply_broken_mid_stream_is_asked_for_again_without_duplicates(broken):
    with FakeAnthropic([broken, PROBE, reply(SUBMIT)]) as server:
        experiment = await session(server, timeout=0.5)
        requests = server.requests
    assert len(requests) == 3 and requests[0]["body"] == requests[1]["body"]
    assert kinds(experiment) == ["session_start", "error", "usage", "message", "probe", "usage",
                                 "submit", "session_end"]
    assert of_kind(experiment, "error")[0]["retrying"] is True
    assert experiment.status == "submitted"


async def test_a_reply_that_keeps_breaking_ends_the_session_clearly():
    with FakeAnthropic([dropped(PROBE, after=3)] * 4) as server:
        experiment = await session(server)
        assert len(server.requests) == 4
    errors = of_kind(experiment, "error")
    assert [e.get("retrying") for e in errors] == [True, True, True, None]
    assert errors[-1]["message"].startswith("the reply broke off 4 times in a row; last: "
                                            "RemoteProtocolError")
    assert "message" not in kinds(experiment) and experiment.status == "crashed"


@pytest.mark.parametrize("own_client", [False, True], ids=["refused-at-once", "after-retries"])
async def test_an_unreachable_api_ends_the_session_saying_where(own_client):
    """Nothing listens on the port: the agent's own client does not retry a refused
    connection; with a client of the caller's, the SDK's retries end it, not ours."""
    import anthropic

    with socket.socket() as probe:  # a port on this machine with nothing behind it
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    client = anthropic.AsyncAnthropic(api_key=KEY, base_url=url, max_retries=1) if own_client \
        else None
    started = time.monotonic()
    experiment = await run_session(doubling(), ClaudeAgent(api_key=KEY, base_url=url,
                                                           client=client))
    assert time.monotonic() - started < 3
    line = f"cannot reach the Anthropic API at {url}: connection refused"
    assert [e["message"] for e in of_kind(experiment, "error")] == [line]
    assert experiment.status == "crashed" and experiment.events[-1]["reason"] == line


@pytest.mark.parametrize("status, line", [
    (401, "the API key was rejected (401): set ANTHROPIC_API_KEY (or --api-key-file) to a "
          "valid key"),
    (403, "the API key may not do this (403 permission_error): Your API key does not have "
          "permission to use the specified resource."),
])
async def test_a_rejected_key_ends_the_session_without_retrying_or_leaking_it(
        status, line, monkeypatch):
    with FakeAnthropic([error(status)]) as server:
        monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        experiment = await run_session(doubling(), ClaudeAgent())
        [request] = server.requests
    assert request["headers"]["authorization"] == f"Bearer {KEY}"
    assert [e["message"] for e in of_kind(experiment, "error")] == [line]
    assert experiment.status == "crashed" and experiment.events[-1]["reason"] == line
    assert KEY not in json.dumps(experiment.events)


async def test_malformed_tool_calls_get_error_results_the_model_can_act_on():
    calls = [tool_use("probe", {"inputs": "[1, 2"}, id="t_string"),
             tool_use("probe", {}, id="t_missing"),
             tool_use("test_hypothesis", {"code": 5}, id="t_type"),
             tool_use("submit", {"description": "doubles"}, id="t_partial"),
             tool_use("probe", {"inputs": [1], "repeat": 2}, id="t_extra"),
             tool_use("explode", {}, id="t_unknown")]
    with FakeAnthropic([reply(*calls), reply(SUBMIT)]) as server:
        experiment = await session(server)
        answers = tool_results(server.requests[1])
    assert {call_id: answer["content"] for call_id, answer in answers.items()} == {
        "t_string": 'probe: inputs must be a JSON array, not str "[1, 2"; call it again.',
        "t_missing": "probe is missing inputs; call it again with every required field.",
        "t_type": "test_hypothesis: code must be a string, not int 5; call it again.",
        "t_partial": "submit is missing domain, code; call it again with every required field.",
        "t_extra": "probe does not take repeat; it takes inputs.",
        "t_unknown": "There is no tool called 'explode'; use probe, test_hypothesis, submit."}
    assert all(answer["is_error"] is True for answer in answers.values())
    assert kinds(experiment)[1:] == ["usage", "usage", "submit", "session_end"]


async def test_hypotheses_report_the_worst_misses_or_why_the_code_failed():
    script = [reply(tool_use("probe", {"inputs": [1, 2, 3]}, id="t_probe")),
              reply(tool_use("test_hypothesis", {"code": "def f(x):\n    return x\n"}, id="t_off"),
                    tool_use("test_hypothesis", {"code": "def f(x):\n    return y\n"},
                             id="t_broken")),
              reply(SUBMIT)]
    with FakeAnthropic(script) as server:
        experiment = await session(server)
        answers = tool_results(server.requests[2])
    off, broken = (json.loads(answers[i]["content"]) for i in ("t_off", "t_broken"))
    assert off["worst"] == [{"input": 3, "observed": 6.0, "predicted": 3.0},
                            {"input": 2, "observed": 4.0, "predicted": 2.0},
                            {"input": 1, "observed": 2.0, "predicted": 1.0}]
    assert "is_error" not in answers["t_off"] and answers["t_broken"]["is_error"] is True
    assert "NameError" in broken["error"] and "y" in broken["error"]
    assert [e["note"] for e in of_kind(experiment, "hypothesis")] == ["", ""]


async def test_a_tool_call_cut_off_at_max_tokens_is_not_run():
    cut = reply(text("Let me probe"), raw_tool_use("probe", '{"inputs": [1, 2, ', id="t_cut"),
                stop_reason="max_tokens")
    with FakeAnthropic([cut, reply(SUBMIT)]) as server:
        experiment = await session(server)
        first, second = server.requests
    assert "probe" not in kinds(experiment) and experiment.status == "submitted"
    answer = tool_results(second)["t_cut"]
    assert answer["is_error"] is True and "not run" in answer["content"]
    assert user_texts(second) == ["Your last reply was cut off at the max_tokens limit in the "
                                  "middle of a call to probe. Be briefer, and make any call "
                                  "that was cut off again."]
    assert (first["body"]["max_tokens"], second["body"]["max_tokens"]) == (4096, 8192)


async def test_a_refusal_ends_the_session():
    with FakeAnthropic([reply(text("I will not."), stop_reason="refusal")]) as server:
        experiment = await session(server)
    assert experiment.status == "abandoned"
    assert experiment.events[-1]["reason"] == "the model declined to continue (refusal)"


async def test_an_unpriced_model_still_counts_its_tokens():
    with FakeAnthropic([reply(SUBMIT)]) as server:
        experiment = await session(server, model="claude-from-the-future")
        assert server.requests[0]["body"]["model"] == "claude-from-the-future"
    [usage] = of_kind(experiment, "usage")
    assert usage["cost_usd"] is None and usage["input_tokens"] == 1200


def test_a_missing_key_is_refused_before_any_request(monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ClaudeUnavailable) as refused:
        ClaudeAgent()
    assert str(refused.value) == MISSING_KEY and isinstance(refused.value, ValueError)
    assert ClaudeAgent(api_key=KEY).model == pricing.DEFAULT_MODEL


def test_importing_the_agent_does_not_import_the_sdk():
    check = "import sys, find_lab.agents.claude; sys.exit('anthropic' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    assert subprocess.run([sys.executable, "-c", check], cwd=root).returncode == 0
