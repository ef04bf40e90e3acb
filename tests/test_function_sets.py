"""A folder of a user's black boxes as a function set: `bench --functions DIR` runs the agent
and the baselines on each, scoring those with a reference and saying which are unscored;
`run`, `watch`, `play` and `bench` take one FILE.py:f as `run` always has."""

import json
import textwrap

import pytest

from find_lab import cli, domains, targets

BOXES = {
    "line.py": """
        DOMAIN = "numeric"

        def f(x):
            return 3.0 * x - 2.0

        reference = f
    """,
    "shout.py": """
        DOMAIN = "strings"

        def f(text):
            return text.upper()

        def reference(text):
            return text.upper()
    """,
    "mystery.py": """
        DOMAIN = "numeric"

        def f(x):
            return abs(x) - 4.0
    """,
    "_helpers.py": "SHARED = 1\n",  # not a black box: left alone
}


@pytest.fixture
def boxes(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "sessions"))
    folder = tmp_path / "boxes"
    folder.mkdir()
    for name, source in BOXES.items():
        (folder / name).write_text(textwrap.dedent(source))
    return folder


def run(capsys, *argv):
    status = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def rows(out: str) -> dict[tuple[str, str, str], list[str]]:
    """(domain, complexity, agent) -> the remaining columns of bench's first table."""
    lines = out.split("\n\n")[0].splitlines()[2:]
    return {tuple(line.split()[:3]): line.split()[3:] for line in lines
            if line.split()[1] in ("own", "all")}


def test_the_folder_is_read_without_running_it(boxes):
    assert targets.folder(boxes) == [
        targets.Own(f"{boxes}/line.py:f", "numeric", f"{boxes}/line.py:reference"),
        targets.Own(f"{boxes}/mystery.py:f", "numeric", None),
        targets.Own(f"{boxes}/shout.py:f", "strings", f"{boxes}/shout.py:reference")]


def test_bench_scores_the_boxes_with_a_reference_and_says_which_are_unscored(capsys, boxes):
    status, out, err = run(capsys, "bench", "--functions", boxes, "--no-save", "--workers", "2")
    assert status == 0, err
    assert "running 9 sessions (3 functions x scientist, random, interpolate)" in err
    board, comparison = out.split("\n\n")
    table = rows(out)
    for agent in ("scientist", "random", "interpolate"):
        n, scored = table[("numeric", "own", agent)][:2]
        assert (n, scored) == ("2", "1")   # the unscored box is run, not counted as a failure
        assert table[("strings", "own", agent)][:2] == ["1", "1"]
    numeric, strings = (table[(domain, "own", "scientist")] for domain in ("numeric", "strings"))
    assert numeric[2] == "100.0%" and float(numeric[3]) < 1e-6    # NMSE against the reference
    assert strings[2] == "100.0%" and float(strings[3]) == 1.0      # exact-match rate
    assert table[("strings", "own", "interpolate")][2] == "0.0%"    # a table cannot do strings
    assert board.splitlines()[-1] == ("1 of 3 functions have no reference: their sessions "
                                      "count in n, not in success or score")
    assert comparison.splitlines()[-1].split()[:3] == ["strings", "all", "1"]


def test_bench_filters_the_folder_by_domain(capsys, boxes):
    status, out, err = run(capsys, "bench", "--functions", boxes, "--domain", "strings",
                           "--agent", "interpolate", "--no-baselines", "--no-save")
    assert status == 0 and "running 1 session (1 function x interpolate)" in err
    assert set(rows(out)) == {("strings", "own", "interpolate"), ("strings", "all", "interpolate")}


F = "def f(x):\n    return x\n"
EXPECTED = f"expected {', '.join(domains.names())}"
QUOTED = ", ".join(f'"{name}"' for name in domains.names()[:-1]) + f' or "{domains.names()[-1]}"'


@pytest.mark.parametrize("source, message", [
    (F, f" sets no DOMAIN (add DOMAIN = {QUOTED})"),
    ("DOMAIN = 'images'\n" + F, f": DOMAIN is 'images'; {EXPECTED}"),
    ("DOMAIN = 'num' + 'eric'\n" + F, f": DOMAIN is not a string literal; {EXPECTED}"),
    ("DOMAIN = 'numeric'\ng = print\n", " defines no f"),
    ("DOMAIN = 'numeric'\ndef f(x)\n", " line 2: expected ':'"),
])
def test_a_malformed_box_is_one_line_exit_2_before_anything_runs(capsys, boxes, source, message):
    (boxes / "bad.py").write_text(source)
    status, out, err = run(capsys, "bench", "--functions", boxes, "--no-save")
    assert (status, out, err) == (2, "", f"find-lab: {boxes}/bad.py{message}\n")


def test_an_empty_or_missing_folder_is_one_line(capsys, tmp_path):
    status, _, err = run(capsys, "bench", "--functions", tmp_path)
    assert status == 2
    assert err == f"find-lab: {tmp_path} holds no black boxes (NAME.py files defining f)\n"
    status, _, err = run(capsys, "bench", "--functions", tmp_path / "nowhere")
    assert status == 2 and err == f"find-lab: {tmp_path / 'nowhere'} is not a folder\n"


def test_run_takes_a_box_of_the_folder(capsys, boxes):
    status, out, _ = run(capsys, "run", f"{boxes}/line.py:f", "--domain", "numeric", "--reference",
                         f"{boxes}/line.py:reference", "--json", "--no-save")
    result = json.loads(out)
    assert status == 0 and result["function_id"] == f"{boxes}/line.py:f"
    assert result["score"]["success"] and result["score"]["value"] < 1e-6


def test_bench_takes_one_function_as_run_does(capsys, boxes):
    status, out, err = run(capsys, "bench", f"{boxes}/shout.py:f", "--domain", "strings",
                           "--reference", f"{boxes}/shout.py:reference", "--agent", "interpolate",
                           "--no-baselines", "--no-save")
    assert status == 0 and "running 1 session (1 function x interpolate)" in err
    row = rows(out)[("strings", "own", "interpolate")]
    assert row[:3] == ["1", "1", "0.0%"] and 0 < float(row[3]) < 1   # scored: an exact-match rate
    status, _, err = run(capsys, "bench", f"{boxes}/shout.py:f", "--no-save")
    assert status == 2 and err.endswith(f"needs --domain {'|'.join(domains.names())}\n")


@pytest.mark.parametrize("command", ["watch", "play"])
def test_the_lab_opens_on_a_box_with_its_domain_reference_and_source(boxes, command):
    function = f"{boxes}/line.py:f"
    args = cli.parser().parse_args([command, function, "--domain", "numeric",
                                    "--reference", f"{boxes}/line.py:reference",
                                    "--call-timeout", "3"])
    app = cli._lab(args)
    assert (app.launch.mode, app.launch.function_id) == (command, function)
    assert app.launch.actor == ("human" if command == "play" else "scientist")
    target = app.make_target(function)
    assert (target.function_id, target.domain) == (function, "numeric")
    assert target.call([1.0, 2.0]) == [1.0, 4.0] and target.scorer is not None
    source, description = app.own_function(function)
    assert source == (boxes / "line.py").read_text()
    assert description == (f"your own numeric function {function}, "
                           f"scored against {boxes}/line.py:reference")


@pytest.mark.parametrize("argv, message", [
    (["watch", "x.py:f"], "interpreting your own function needs --domain numeric|strings|neurons"),
    (["play", "nowhere.py:f", "--domain", "strings"], "no such file: nowhere.py"),
    (["watch", "numeric/f9999"], "no function 'numeric/f9999' in the suite"),
])
def test_the_lab_refuses_a_bad_function_in_one_line_before_it_opens(capsys, boxes, argv, message):
    status, _, err = run(capsys, *argv)
    assert status == 2 and err.count("\n") == 1 and message in err
