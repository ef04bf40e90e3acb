"""Headless runs: `find-lab run`, `bench`, `sessions`, and interpreting your own function."""

import json
import subprocess
import sys
import textwrap

import pytest

from helpers import run
from find_lab import bench
from find_lab.printable import CONTROL_AND_TAB


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "sessions"))
    return tmp_path / "sessions"


def test_run_prints_a_live_transcript_and_a_score_and_saves_it(capsys, home):
    status, out, _ = run(capsys, "run", "numeric/f0001")
    assert status == 0
    assert "probe" in out and "hypothesis" in out and "submit" in out
    assert "score  nmse" in out.splitlines()[-2] or "score  nmse" in out
    status, listing, _ = run(capsys, "sessions", "list")
    assert "numeric/f0001" in listing and "submitted" in listing and "success" in listing


def test_run_json_prints_one_result(capsys, home):
    status, out, _ = run(capsys, "run", "strings/f0003", "--agent", "interpolate", "--json")
    result = json.loads(out)
    assert status == 0 and result["status"] == "submitted" and result["agent"] == "interpolate"
    assert result["score"]["metric"] == "exact_match"


def test_run_your_own_function_with_a_reference(capsys, home, tmp_path):
    module = tmp_path / "mine.py"
    module.write_text(textwrap.dedent("""
        import math

        def hidden(x):
            return 2.0 * abs(x - 10.0) - 7.0

        def truth(x):
            return 2.0 * abs(x - 10.0) - 7.0
    """))
    status, out, _ = run(capsys, "run", f"{module}:hidden", "--domain", "numeric",
                         "--reference", f"{module}:truth", "--json")
    result = json.loads(out)
    assert status == 0 and result["score"]["success"] and result["score"]["value"] < 1e-9
    status, out, _ = run(capsys, "run", f"{module}:hidden", "--domain", "numeric", "--json")
    assert json.loads(out)["score"] is None  # unscored without a reference


@pytest.mark.parametrize("argv, message", [
    (["run", "nowhere.py:f", "--domain", "numeric"], "no such file"),
    (["run", "numeric/f0001", "--agent", "oracle"], "unknown agent"),
    (["run", "x.py:f"], "needs --domain"),
    (["sessions", "show", "nope"], "nope"),
])
def test_user_errors_are_one_line(capsys, home, argv, message):
    status, _, err = run(capsys, *argv)
    assert status == 2 and message in err and err.count("\n") == 1


def test_bench_shows_progress_and_a_table_with_baselines(home):
    command = [sys.executable, "-m", "find_lab.cli", "bench", "--domain", "numeric", "--limit", "2",
               "--workers", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "6/6" in done.stderr and "running 6 sessions" in done.stderr
    board, comparison = done.stdout.split("\n\n")
    rows = board.splitlines()
    assert rows[0].split()[:4] == ["domain", "complexity", "agent", "n"]
    agents = {line.split()[2] for line in rows[2:]}
    assert agents == {"scientist", "random", "interpolate"}
    closed_form = rows[0].index("closed form") + len("closed form")
    tables = [line for line in rows[2:] if line.split()[2] in ("random", "interpolate")]
    assert {line[:closed_form].split()[-1] for line in tables} == {"0.0%"}
    assert comparison.startswith("scientist against interpolate")
    assert comparison.splitlines()[-1].split()[:3] == ["numeric", "all", "2"]
    listing = subprocess.run([sys.executable, "-m", "find_lab.cli", "sessions", "list"],
                             capture_output=True, text=True, check=True).stdout
    assert len(listing.splitlines()) == 6


def test_margins_pair_each_function_and_count_the_tables_failures():
    def row(agent, fid, success, complexity="clean"):
        return {"agent": agent, "function_id": fid, "success": success, "domain": "numeric",
                "complexity": complexity, "scored": True}

    rows = [row("scientist", "a", True), row("interpolate", "a", True),
            row("scientist", "b", True), row("interpolate", "b", False),
            row("scientist", "c", False), row("interpolate", "c", False),
            row("scientist", "d", True, "noise"), row("interpolate", "d", False, "noise"),
            row("scientist", "e", True)]  # no interpolate row: left out of the comparison
    lines = bench.margins(rows, "scientist").splitlines()
    clean, noise, overall = (line.split() for line in lines[3:])
    assert clean[:6] == ["numeric", "clean", "3", "66.7%", "33.3%", "+33.3"]
    assert clean[6:] == ["1/2", "(50.0%)"]
    assert noise[2:] == ["1", "100.0%", "0.0%", "+100.0", "1/1", "(100.0%)"]
    assert overall[2:] == ["4", "75.0%", "25.0%", "+50.0", "2/3", "(66.7%)"]
    assert bench.margins([row("scientist", "a", True)], "scientist") == ""


def test_the_printed_transcript_cannot_draw_on_the_terminal():
    from find_lab import transcript

    hostile = "\x1b[2J\x1b[32mscore  nmse 0  SUCCESS\r\x07\u202e"
    events = [{"kind": "message", "actor": "agent", "text": hostile},
              {"kind": "submit", "actor": "agent", "description": hostile, "code": hostile},
              {"kind": "probe", "actor": "agent", "inputs": ["a"], "outputs": [hostile],
               "errors": [None]},
              {"kind": "session_end", "actor": "system", "status": "crashed", "reason": hostile}]
    for event in events:
        lines = transcript.render(event)
        assert not any(CONTROL_AND_TAB.search(line) or "\n" in line for line in lines)
        assert any("\\x1b[2J" in line for line in lines)  # shown, as an escape
