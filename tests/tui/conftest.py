"""Shared fixtures of the lab's tests: a store holding the shipped example sessions."""

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
