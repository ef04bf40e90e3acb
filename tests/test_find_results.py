"""Interpretations exported in FIND's result layout read as FIND's own scripts read them."""

import math
import shutil
from pathlib import Path

from helpers import run
from find_lab import targets
from find_lab.suite import Suite

EXAMPLES = Path(__file__).resolve().parents[1] / "sessions"


def find_last_function(code: str):
    """What FIND's numeric scorer does: exec code.py and call its last `def`."""
    name = code.rsplit("def ")[-1].rsplit("(")[0]
    scope: dict = {}
    exec(code, scope)
    return scope[name]


def test_the_examples_export_in_finds_layout_and_score_there(capsys, tmp_path):
    home = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, home)
    out = tmp_path / "results"
    status, printed, err = run(capsys, "sessions", "export", str(out), "--format", "find",
                               "--home", str(home))
    assert status == 0 and err == "" and "exported 5 interpretations" in printed
    folders = sorted(str(p.relative_to(out)) for p in out.glob("*/*/f*"))
    assert "scientist/numeric/f00003" in folders and "scientist/strings/f00000" in folders
    assert "scientist/neurons_entities/f00002" in folders
    assert "example-player/numeric/f00006" in folders
    for folder in out.glob("*/*/f*"):
        assert {p.name for p in folder.iterdir()} == {"description.txt", "domain.txt", "code.py"}

    # FIND's numeric test: x = -127.5 .. 127.5, NMSE against the truth under 0.1
    truth = targets.from_spec(Suite().get("numeric/f0003"))
    guess = find_last_function((out / "scientist/numeric/f00003/code.py").read_text())
    xs = [i + 0.5 for i in range(-128, 128)]
    gt = [y for y in truth.call(xs)]
    pred = [float(guess(x)) for x in xs]
    nmse = sum((g - p) ** 2 for g, p in zip(gt, pred)) / sum(g ** 2 for g in gt)
    assert math.isfinite(nmse) and nmse < 0.1

    # and the strings one answers as the function does on a string
    truth = targets.from_spec(Suite().get("strings/f0000"))
    guess = find_last_function((out / "scientist/strings/f00000/code.py").read_text())
    words = ["Hello World 42", "abc", "a9a"]
    assert [guess(w) for w in words] == truth.call(words)


def test_a_model_folder_can_be_named_and_a_file_target_is_refused(capsys, tmp_path):
    home = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, home)
    status, _, _ = run(capsys, "sessions", "export", str(tmp_path / "r"), "--format", "find",
                       "--model", "my-run", "--home", str(home))
    assert status == 0 and (tmp_path / "r" / "my-run" / "numeric").is_dir()
    status, out, err = run(capsys, "sessions", "export", str(tmp_path / "r"), "--format",
                           "find", "-o", "x", "--home", str(home))
    assert status == 2 and out == "" and err.count("\n") == 1 and "is a folder" in err
