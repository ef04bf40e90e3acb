"""The actor registry is the one list of actors: an actor registered in a test is a choice of
the CLI, the launcher and the fork dialog, and a baseline row of bench, without any of those
modules naming it; unregistered, it is gone from all of them."""

import json

import pytest
from textual.widgets import Select

from find_lab import actors
from find_lab.cli import main
from find_lab.tui.app import make_app
from find_lab.tui.screens.dialogs import ForkDialog
from find_lab.tui.screens.lab import LabScreen

BUILT_IN = ["scientist", "claude", "random", "interpolate", "human"]


class Echo:
    """A toy actor: probes twice, then answers that the function returns its input."""

    kind = name = "echo"

    def __init__(self, seed: int):
        self.seed = seed

    async def run(self, door) -> None:
        await door.probe([1.0, 2.0] if door.domain == "numeric" else ["ab", "Cd"])
        await door.submit("returns its input", "def f(x):\n    return x\n")


@pytest.fixture
def echo(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "sessions"))
    monkeypatch.setenv("FIND_LAB_SETTINGS", str(tmp_path / "settings.json"))
    actors.register("echo", "returns its input, a test's actor", lambda seed, options: Echo(seed),
                    baseline=True)
    yield "echo"
    actors.unregister("echo")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_each_built_in_actor_is_registered_once_with_what_it_needs(tmp_path, monkeypatch):
    assert actors.names() == BUILT_IN
    assert actors.names(headless=True) == BUILT_IN[:4]
    assert actors.names(baseline=True) == ["random", "interpolate"]
    assert [name for name in BUILT_IN if actors.get(name).needs_key] == ["claude"]
    assert all(actors.get(name).description for name in BUILT_IN)
    assert (actors.make_actor("scientist", 3).kind, actors.make_actor("random").kind) == \
        ("scientist", "random")
    monkeypatch.setenv("FIND_LAB_SETTINGS", str(tmp_path / "settings.json"))
    (tmp_path / "settings.json").write_text(json.dumps({"name": "Ada"}))
    human = actors.make_actor("human")
    assert (human.kind, human.name) == ("human", "Ada")  # the player, under their settings' name
    with pytest.raises(ValueError, match="already registered"):
        actors.register("scientist", "a second one", lambda seed, options: Echo(seed))
    with pytest.raises(actors.UnknownActor) as refused:
        actors.make_actor("oracle")
    assert str(refused.value) == f"unknown agent 'oracle' (choose from {', '.join(BUILT_IN)})"


def test_a_registered_actor_is_a_choice_of_the_cli_until_unregistered(capsys, echo):
    status, out, _ = run(capsys, "run", "strings/f0003", "--agent", echo, "--json", "--no-save")
    result = json.loads(out)
    assert status == 0 and result["agent"] == "echo" and result["status"] == "submitted"
    assert result["calls"] == 1 and result["score"]["metric"] == "exact_match"
    assert "echo: returns its input, a test's actor" in " ".join(
        run(capsys, "watch", "--help")[1].split())
    actors.unregister(echo)
    status, _, err = run(capsys, "run", "strings/f0003", "--agent", echo)
    assert status == 2
    assert "unknown agent 'echo' (choose from scientist, claude, random, interpolate)" in err


def test_the_human_is_not_an_agent_that_runs_alone(capsys):
    status, _, err = run(capsys, "run", "numeric/f0001", "--agent", "human")
    assert status == 2 and err.count("\n") == 1
    assert "agent 'human' needs a person at the lab (choose from scientist, claude, random, " \
           "interpolate)" in err


def test_a_registered_baseline_gets_a_row_of_bench(capsys, echo):
    # bench's workers are forked, so they know the actor this test registered
    status, out, err = run(capsys, "bench", "strings/f0003", "--no-save", "--workers", "1")
    assert status == 0, err
    assert "running 4 sessions (1 function x scientist, random, interpolate, echo)" in err
    board = out.split("\n\n")[0].splitlines()[2:]
    assert {line.split()[2] for line in board} == {"scientist", "random", "interpolate", "echo"}
    status, out, err = run(capsys, "bench", "strings/f0003", "--agent", echo, "--no-save",
                           "--workers", "1")
    assert status == 0 and "(1 function x echo, random, interpolate)" in err


async def test_a_registered_actor_is_in_the_launcher_and_can_be_watched(echo, tmp_path):
    app = make_app(home=tmp_path / "sessions")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#actor", Select).value = echo  # refused were it not an option
        await pilot.press("f2")
        lab = app.screen
        assert isinstance(lab, LabScreen) and lab.launch.actor == "echo"
        for _ in range(600):
            if lab.state.ended:
                break
            await pilot.pause(0.05)
        assert lab.state.status == "submitted" and lab.events[0]["actor_kind"] == "echo"


async def test_a_registered_actor_can_carry_on_a_fork(echo, tmp_path):
    app = make_app(home=tmp_path / "sessions")
    chosen = []
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.actor_choices() == BUILT_IN + ["echo"]
        app.push_screen(ForkDialog(app.actor_choices()), chosen.append)
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
    assert chosen == ["echo"]
