"""Claude in the lab's front doors: `find-lab run`, the TUI's watch and launcher, and the
description judge, each against the fake Anthropic server (no network)."""

import json

import pytest
from fake_anthropic import FakeAnthropic, reply, text, tool_use

from find_lab import cli
from find_lab.store import Store
from find_lab.suite import render
from find_lab.tui.app import make_app
from find_lab.tui.components.status import StatusLine
from find_lab.tui.screens.lab import LabScreen, Launch
from find_lab.tui.screens.launcher import LauncherScreen

KEY = "sk-ant-api03-lab-0123456789abcdefghij"


def conversation(spec) -> list[dict]:
    code = render(spec)
    return [reply(text("I will sweep the whole range first."),
                  tool_use("probe", {"inputs": [-100, -50, 0, 50, 100]}),
                  usage={"input_tokens": 1000, "output_tokens": 50}),
            reply(text("That looks like a rational bump; submitting."),
                  tool_use("submit", {"description": "A rational bump.", "domain": "none",
                                      "code": code}),
                  usage={"input_tokens": 1200, "output_tokens": 80})]


@pytest.fixture
def keyed(monkeypatch, tmp_path):
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    monkeypatch.setenv("FIND_LAB_SETTINGS", str(tmp_path / "settings.json"))
    return tmp_path / "sessions"


def test_run_with_claude_streams_a_transcript_and_a_score(suite, keyed, capsys, monkeypatch):
    with FakeAnthropic(conversation(suite.get("numeric/f0001"))) as server:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        assert cli.main(["run", "numeric/f0001", "--agent", "claude", "--home", str(keyed)]) == 0
        requests = server.requests
    out = capsys.readouterr().out
    assert out.count("I will sweep the whole range first.") == 1    # streamed, not repeated
    assert "probe  -100 ->" in out and "score  nmse 0 " in out and "SUCCESS" in out
    assert "usage  1000 in / 50 out" in out
    assert len(requests) == 2 and requests[0]["body"]["stream"] is True
    [doc] = Store(keyed).list()
    assert doc["actor_kind"] == "claude" and doc["model"] and doc["score"]["success"]
    assert doc["usage"]["input_tokens"] == 2200 and doc["usage"]["cost_usd"] > 0
    assert KEY not in json.dumps(Store(keyed).events(doc["id"]))


def test_run_with_claude_and_no_key_says_how_to_set_one(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    assert cli.main(["run", "numeric/f0001", "--agent", "claude", "--home", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "find-lab: set ANTHROPIC_API_KEY (or --api-key-file) to use the claude agent"


def test_a_key_file_is_read_and_never_saved(suite, capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    (tmp_path / "key").write_text(KEY + "\n")
    with FakeAnthropic(conversation(suite.get("numeric/f0001"))) as server:
        assert cli.main(["run", "numeric/f0001", "--agent", "claude", "--json", "--home",
                         str(tmp_path / "s"), "--api-key-file", str(tmp_path / "key"),
                         "--base-url", server.url]) == 0
        assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    assert json.loads(capsys.readouterr().out)["score"]["success"]
    logs = "".join(p.read_text() for p in (tmp_path / "s").rglob("*.json*"))
    assert KEY not in logs


async def test_watching_claude_in_the_lab(suite, keyed):
    with FakeAnthropic(conversation(suite.get("numeric/f0001")), delay=0.01,
                       subprocess=True) as server:
        app = make_app(Launch("watch", "numeric/f0001", "claude"), home=keyed,
                       claude={"base_url": server.url})
        async with app.run_test(size=(120, 40)) as pilot:
            lab = app.screen
            for _ in range(400):
                if lab.state.ended:
                    break
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            assert lab.state.status == "submitted" and lab.state.score["success"]
            status = str(lab.query_one(StatusLine).render())
            assert "claude" in status and "$" in status
            shown = "\n".join(s.text for s in lab.query_one("#transcript").lines)
            assert shown.count("I will sweep") == 1


async def test_choosing_claude_without_a_key_says_how_and_the_lab_keeps_running(monkeypatch, tmp_path):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    app = make_app(home=tmp_path / "sessions")
    async with app.run_test(size=(120, 40)) as pilot:
        launcher = app.screen
        launcher.query_one("#actor").value = "claude"
        await pilot.press("f2")
        await pilot.pause(0.2)
        assert app.screen is launcher and not isinstance(app.screen, LabScreen)
        assert isinstance(app.screen, LauncherScreen)
        messages = [n.message for n in app._notifications]
        assert any("set ANTHROPIC_API_KEY" in m for m in messages)
        await pilot.press("down", "f2")                          # another actor still works
        launcher.query_one("#actor").value = "scientist"
        await pilot.press("f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen, LabScreen)


def test_the_judge_reads_descriptions_through_the_api(suite, keyed, capsys, monkeypatch):
    from find_lab import judge

    assert cli.main(["run", "numeric/f0003", "--home", str(keyed), "--json"]) == 0
    session_id = json.loads(capsys.readouterr().out)["session_id"]
    asked = judge.questions(suite, "numeric/f0003")
    right = [reply(text("ABC"[q.answer])) for q in asked[:7]]
    wrong = [reply(text("ABC"[(q.answer + 1) % 3])) for q in asked[7:]]
    with FakeAnthropic(right + wrong) as server:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        assert cli.main(["judge", session_id, "--home", str(keyed)]) == 0
        requests = server.requests
    assert "7/10" in capsys.readouterr().out
    assert len(requests) == 10 and all(r["body"]["model"] == judge.JUDGE_MODEL for r in requests)
    prompt = requests[0]["body"]["messages"][0]["content"]
    submitted = next(e for e in Store(keyed).events(session_id) if e["kind"] == "submit")
    assert prompt == asked[0].prompt(submitted["description"])
    assert Store(keyed).get(session_id)["judge"]["score"] == 0.7


def test_the_live_printer_shows_streamed_text_once_and_a_broken_reply_again():
    import io

    from find_lab.transcript import LivePrinter

    out = io.StringIO()
    printer = LivePrinter(out)
    event = lambda kind, **f: {"seq": 0, "t": 0, "actor": "agent", "kind": kind, **f}  # noqa: E731
    printer.text("Let me ")
    printer.text("look.")
    printer(event("usage", input_tokens=5, output_tokens=2))
    printer(event("message", text="Let me look."))
    printer.text("Half a rep")
    printer(event("error", message="the reply broke off; asking again", retrying=True))
    printer.text("A whole reply.")
    printer(event("message", text="A whole reply."))
    assert out.getvalue().splitlines() == [
        "agent  Let me look.", "usage  5 in / 2 out", "agent  Half a rep",
        "error  the reply broke off; asking again", "agent  A whole reply."]
