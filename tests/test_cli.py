"""`find-lab` subcommands as a user runs them: output, filters, one-line errors."""

import json
import subprocess
import sys

from helpers import run
from find_lab.suite import render


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


def test_the_entry_point_is_installed_and_helps():
    out = subprocess.run([sys.executable, "-m", "find_lab.cli", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("suite", "score"):
        assert command in out
