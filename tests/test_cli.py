"""`find-lab` subcommands as a user runs them: output, filters, one-line errors."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run
from find_lab.suite import render

ROOT = Path(__file__).resolve().parents[1]


def test_suite_list_filters_by_domain_and_complexity(capsys):
    status, out, err = run(capsys, "suite", "list", "--domain", "numeric", "--complexity", "noise")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 180 and "180 functions" in err
    assert all(line.startswith("numeric/") and " noise " in line for line in lines)


def test_suite_show_hides_the_answer_unless_revealed(capsys, suite):
    spec = suite.get("numeric/f0001")
    _, hidden, _ = run(capsys, "suite", "show", "numeric/f0001")
    _, shown, _ = run(capsys, "suite", "show", "numeric/f0001", "--reveal")
    assert spec["description"] not in hidden and "--reveal" in hidden
    assert spec["description"] in shown and "def f(x):" in shown


def test_score_reads_a_code_file_and_prints_one_line(capsys, tmp_path, suite):
    answer = tmp_path / "answer.py"
    answer.write_text(render(suite.get("strings/f0003")))
    status, out, _ = run(capsys, "score", "strings/f0003", "--code", str(answer))
    assert status == 0 and out.count("\n") == 1 and "exact_match 1 (success)" in out
    status, out, _ = run(capsys, "score", "strings/f0003", "--code", str(answer), "--json",
                         "--description", "my words")
    result = json.loads(out)
    assert result["success"] and result["description"] == "my words"


def test_user_errors_are_one_line_and_exit_2(capsys, tmp_path):
    status, _, err = run(capsys, "score", "numeric/f9999", "--code", str(tmp_path / "x.py"))
    assert status == 2 and err.count("\n") == 1 and "no function 'numeric/f9999'" in err
    status, _, err = run(capsys, "score", "numeric/f0001", "--code", str(tmp_path / "missing.py"))
    assert status == 2 and err.count("\n") == 1 and "cannot read the code file" in err
    status, _, err = run(capsys, "--suite", str(tmp_path), "suite", "list")
    assert status == 2 and "no suite at" in err


def test_version_names_the_installed_lab_and_its_log_format():
    from importlib.metadata import version

    from find_lab.events import LOG_FORMAT

    out = subprocess.run([sys.executable, "-m", "find_lab.cli", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == f"find-lab {version('find-lab')} (session log format {LOG_FORMAT})"


def test_the_help_names_the_commands(capsys):
    status, out, _ = run(capsys, "--help")  # the version test above runs the module itself
    assert status == 0
    for command in ("suite", "score", "bench", "sessions", "watch", "--json", "--format md"):
        assert command in out


# --- --json: what a script reads -------------------------------------------------------------
@pytest.fixture
def examples(tmp_path):
    """A copy of the example sessions (a store of its own, its index rebuilt from the logs)."""
    home = tmp_path / "examples"
    shutil.copytree(ROOT / "sessions" / "logs", home / "logs")
    return home


def test_suite_list_json_holds_what_the_filter_selects(capsys, suite):
    status, out, err = run(capsys, "suite", "list", "--domain", "numeric", "--complexity", "noise",
                           "--json")
    listed = json.loads(out)
    assert status == 0 and "180 functions" in err
    assert [item["id"] for item in listed] == suite.ids("numeric", "noise")
    assert all(set(item) == {"id", "domain", "complexity", "structure"} for item in listed)
    assert {(item["domain"], item["complexity"]) for item in listed} == {("numeric", "noise")}
    _, out, _ = run(capsys, "suite", "list", "--domain", "strings", "--limit", "3", "--json")
    assert [item["id"] for item in json.loads(out)] == suite.ids("strings")[:3]


def test_suite_show_json_hides_the_answer_unless_revealed(capsys, suite):
    spec = suite.get("strings/f0003")
    _, out, _ = run(capsys, "suite", "show", "strings/f0003", "--json")
    hidden = json.loads(out)
    assert hidden["id"] == "strings/f0003" and hidden["complexity"] == spec["complexity"]
    assert hidden["revealed"] is False and "description" not in hidden and "source" not in hidden
    _, out, _ = run(capsys, "suite", "show", "strings/f0003", "--json", "--reveal")
    shown = json.loads(out)
    assert shown["description"] == spec["description"] and shown["source"] == render(spec)


def test_sessions_list_and_show_json_match_the_store(capsys, examples, tmp_path):
    from find_lab.store import Store

    store = Store(examples)
    status, out, _ = run(capsys, "sessions", "list", "--home", str(examples), "--json")
    listed = json.loads(out)
    assert status == 0 and [doc["id"] for doc in listed] == [doc["id"] for doc in store.list()]
    assert len(listed) == 5 and not any({"pid", "host"} & set(doc) for doc in listed)
    assert {doc["function_id"] for doc in listed} == {doc["function_id"] for doc in store.list()}
    _, out, _ = run(capsys, "sessions", "list", "--home", str(examples), "--json", "--domain",
                    "strings")
    assert [doc["domain"] for doc in json.loads(out)] == ["strings"]
    session = listed[0]["id"]
    status, out, _ = run(capsys, "sessions", "show", session, "--home", str(examples), "--json")
    shown = json.loads(out)
    assert status == 0 and out.count("\n") == 1 and shown["session"]["id"] == session
    assert shown["events"] == store.events(session)
    bundle = tmp_path / "one.jsonl"  # the shape of a bundle's line: import takes it
    bundle.write_text(out)
    status, out, _ = run(capsys, "sessions", "import", str(bundle), "--home", str(tmp_path / "new"))
    assert (status, out) == (0, "imported 1 session, skipped 0 already present\n")


def test_counts_read_as_english(capsys, tmp_path):
    home = str(tmp_path / "sessions")
    status, _, _ = run(capsys, "run", "strings/f0003", "--agent", "interpolate", "--home", home)
    _, out, _ = run(capsys, "sessions", "list", "--home", home)
    assert status == 0 and out.rstrip().endswith("   1 call")  # interpolate asks once
    _, out, _ = run(capsys, "sessions", "export", str(tmp_path / "b.jsonl"), "--home", home)
    assert out == f"exported 1 session to {tmp_path / 'b.jsonl'}\n"
    _, out, _ = run(capsys, "sessions", "import", str(tmp_path / "b.jsonl"), "--home", home)
    assert out == "imported 0 sessions, skipped 1 already present\n"


def test_bench_json_has_a_row_per_session_and_progress_stays_plain(capsys):
    status, out, err = run(capsys, "bench", "strings/f0003", "--agent", "interpolate",
                           "--no-baselines", "--no-save", "--json", "--workers", "1")
    result = json.loads(out)
    assert status == 0 and result["agent"] == "interpolate" and result["interrupted"] is False
    [row] = result["sessions"]
    assert row["function_id"] == "strings/f0003" and row["status"] == "submitted"
    groups = {(group["complexity"], group["agent"]): group for group in result["summary"]}
    assert groups[("all", "interpolate")]["n"] == 1 and groups[("all", "interpolate")]["scored"] == 1
    assert result["against"] is None  # interpolate is the baseline itself
    assert "running 1 session (1 function x interpolate) on 1 worker" in err
    assert "\r" not in err and "bench: 1/1 session, " in err


# --- watch --pace -----------------------------------------------------------------------------
class Lab:
    def __init__(self, launch, **options):
        self.launch, self.options = launch, options

    def run(self):
        made.append(self)


made: list = []


@pytest.mark.parametrize("argv, pace", [([], 0.6), (["--pace", "0.2"], 0.2), (["--pace", "0"], 0.0)])
def test_watch_passes_its_pace_to_the_lab(capsys, monkeypatch, tmp_path, argv, pace):
    from find_lab.tui import app

    monkeypatch.setattr(app, "make_app", Lab)
    made.clear()
    status, _, err = run(capsys, "watch", "numeric/f0001", "--home", str(tmp_path), *argv)
    assert (status, err) == (0, "") and made[0].options["pace"] == pace


def test_an_agent_watched_from_a_replays_fork_or_the_launcher_keeps_the_watch_pace(
        capsys, monkeypatch, tmp_path):
    from find_lab.tui import app

    monkeypatch.setattr(app, "make_app", Lab)
    made.clear()
    shipped = str(Path(__file__).resolve().parents[1] / "sessions")
    assert run(capsys, "replay", "20261128-120004", "--home", shipped)[0] == 0
    assert made[-1].options["pace"] == 0.6


@pytest.mark.parametrize("argv", [["watch", "numeric/f0001", "--pace", "-1"],
                                  ["watch", "numeric/f0001", "--pace", "nan"],
                                  ["play", "numeric/f0001", "--pace", "1"]])
def test_pace_is_seconds_and_only_for_watch(capsys, argv):
    status, _, err = run(capsys, *argv)
    assert status == 2 and err.count("\n") == 1 and err.startswith("find-lab: ")
