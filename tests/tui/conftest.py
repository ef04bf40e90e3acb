"""Shared fixtures of the lab's tests: a store holding the shipped example sessions."""

import asyncio
import json
import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions" / "logs"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A store holding the example sessions, and settings of a known player (Ada)."""
    logs = tmp_path / "sessions" / "logs"
    logs.mkdir(parents=True)
    for log in EXAMPLES.glob("*.jsonl"):
        shutil.copy(log, logs)
    monkeypatch.setenv("FIND_LAB_SETTINGS", str(tmp_path / "settings.json"))
    (tmp_path / "settings.json").write_text(json.dumps({"name": "Ada"}))
    return tmp_path / "sessions"


@pytest.fixture
def scientist_cue(monkeypatch) -> asyncio.Event:
    """The scientist starts only on this cue, so a key pressed at once lands before it can finish
    (on a busy machine a whole strings session can run between two pilot steps)."""
    from find_lab.agents.scientist import Scientist

    cue, investigate = asyncio.Event(), Scientist.run

    async def run_on_cue(self, experiment):
        await cue.wait()
        await investigate(self, experiment)

    monkeypatch.setattr(Scientist, "run", run_on_cue)
    return cue
