"""Importing FIND's own dataset: the layout, the numeric mapping and its check against FIND's
function_code.py, the MLP weights read without torch, the summary and bad input."""

from __future__ import annotations

import json
import pickle
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from find_lab import cli
from find_lab.domains.numeric import specs as numeric
from find_lab.domains.numeric.atoms import GRID
from find_lab.find_dataset import torch_file
from find_lab.find_dataset.importer import ImportFailed, import_dataset
from find_lab.find_dataset.runner import Runner
from find_lab.suite import Suite, render
from tests.fixtures import write_mlp_pt

FIXTURES = Path(__file__).parent / "fixtures"
DATASET = FIXTURES / "find-dataset"


@pytest.fixture
def suites(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_SUITES", str(tmp_path / "suites"))
    return tmp_path / "suites"


@pytest.fixture
def imported(suites):
    return import_dataset(FIXTURES, "find")


def fixture_entries() -> dict[str, dict]:
    return {e["dir"]: e for e in json.loads((DATASET / "numeric/data.json").read_text())}


def test_every_kind_imports_under_fnds_own_ids(imported):
    suite = Suite("find")
    numeric_ids = suite.ids("numeric")
    assert "numeric/f00003" in numeric_ids and "strings/f00000" in suite.ids("strings")
    assert set(suite.ids("neurons")) == {"neurons/f00000", "neurons/f00001", "neurons/f00140"}
    # every numeric function of data.json is imported but the one whose code disagrees
    assert len(numeric_ids) == len(fixture_entries()) - 1
    manifest = suite.manifest
    assert manifest["name"] == "find" and manifest["origin"]["path"] == str(DATASET.resolve())
    assert manifest["origin"]["checksums"]["numeric"]["data.json"]
    assert suite.source("numeric/f00003")["name"] == "find"


def test_the_function_whose_code_disagrees_with_data_json_is_refused_by_name(imported):
    refused = dict(imported.refused)
    assert list(refused) == ["numeric/f00006"]
    assert "function_code.py" in refused["numeric/f00006"]
    lines = "\n".join(imported.lines())
    assert "refused: numeric/f00006" in lines
    assert "held at their means" in lines                      # how draws were compared
    assert "runs exact instead of its MLP: numeric/f00009" in lines
    assert "need a neuron backend" in lines
    with pytest.raises(Exception):
        Suite("find").get("numeric/f00006")


def test_the_mapping_equals_fnds_code_on_the_scoring_points(imported):
    """Independently of the import's own check: each imported formula against its
    function_code.py, draws at their means."""
    suite = Suite("find")
    with Runner() as runner:
        for function_id in suite.ids("numeric"):
            spec = suite.get(function_id)
            if spec["complexity"] == "mlp" or spec["id"] == "numeric/f00009":
                continue
            ours = numeric.truth(spec, GRID) + numeric.noise_mean(spec["noise"])
            theirs = np.array(runner.numbers(DATASET / function_id / "function_code.py",
                                             list(GRID), fixed_draws=True))
            assert np.array_equal(np.isfinite(ours), np.isfinite(theirs)), function_id
            keep = np.isfinite(ours)
            assert np.allclose(ours[keep], theirs[keep], rtol=1e-9, atol=1e-9), function_id


def test_noise_and_corruption_are_fnds(imported):
    suite = Suite("find")
    poisson, smaller = suite.get("numeric/f00003"), suite.get("numeric/f00004")
    assert poisson["noise"] == "poisson_uncentred"
    rng = np.random.default_rng(0)
    seen = numeric.observe(poisson, np.full(4000, 10.5), rng) - numeric.truth(poisson, [10.5])
    assert abs(seen.mean() - 1.0) < 0.1 and np.all(seen == np.round(seen))  # Poisson(1), uncentred
    # interval_smaller at 31.5: FIND's np.where(x > 31.5, f, noise) corrupts x = 31.5 itself
    at = numeric.observe(smaller, np.array([31.5, 32.5] * 500), rng)
    assert abs(at[::2].mean() - 12.3) < 0.02 and abs(at[::2].std() - 0.1) < 0.02
    assert np.all(at[1::2] == at[1])


def test_the_mlp_is_read_without_torch_and_runs_as_fnds_network(imported):
    spec = Suite("find").get("numeric/f00000")
    assert spec["complexity"] == "mlp" and spec["expr"]["op"] == "mlp"
    w1, b1, w2, b2 = write_mlp_pt.weights(0)
    x = GRID.astype(np.float32)
    hidden = np.maximum(0, x[:, None] * np.float32(w1) + np.float32(b1))
    expected = hidden @ np.float32(w2) + np.float32(b2[0])          # torch's float32 forward
    assert np.allclose(numeric.truth(spec, GRID), expected, rtol=1e-4, atol=1e-3)
    assert "1-64-1" in render(spec)
    assert Suite("find").get("numeric/f00009")["complexity"] == "clean"   # its .pt is damaged


def test_a_pickle_asking_for_anything_else_is_refused_unrun(tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))
    path = tmp_path / "evil.pt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("evil/data.pkl", pickle.dumps({"layers.0.weight": Evil()}, protocol=2))
    with pytest.raises(torch_file.TorchFileError, match=r"asks for \w+\.print"):
        torch_file.state_dict(path)


def test_the_pt_writer_round_trips(tmp_path):
    path = tmp_path / "mlp_approx_model.pt"
    values = write_mlp_pt.write(path, seed=3)
    net = torch_file.read_mlp(path)
    assert net["w1"] == values[0] and net["b2"] == values[3][0]


@pytest.mark.parametrize("spelling", ["find-dataset", "find_dataset"])
def test_either_spelling_or_its_parent_is_accepted(suites, tmp_path, spelling):
    copy = tmp_path / "src" / spelling
    shutil.copytree(DATASET / "strings", copy / "strings")
    for given in (copy, copy.parent):
        report = import_dataset(given, "s", replace=True)
        assert list(report.counts) == ["strings"]
    assert Suite("s").ids() == [f"strings/f0000{i}" for i in range(3)]   # only the kind it had


def test_reimport_needs_replace_and_bad_input_is_one_line(imported, tmp_path, capsys):
    assert cli.main(["suite", "import", str(FIXTURES), "--as", "find"]) == 2
    assert "--replace" in capsys.readouterr().err
    damaged = tmp_path / "find-dataset" / "numeric"
    damaged.mkdir(parents=True)
    (damaged / "data.json").write_text("[{")
    assert cli.main(["suite", "import", str(tmp_path), "--as", "bad"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "data.json is not JSON" in err
    assert cli.main(["suite", "import", str(tmp_path / "nowhere"), "--as", "bad"]) == 2
    assert cli.main(["suite", "list", "--suite", "unknown-name"]) == 2
    assert "imported suites: find" in capsys.readouterr().err
    with pytest.raises(ImportFailed):
        import_dataset(FIXTURES, "../escape")


def test_the_cli_prints_the_summary(suites, capsys):
    assert cli.main(["suite", "import", str(DATASET), "--as", "find"]) == 0
    out = capsys.readouterr().out
    assert "numeric   10 functions" in out and "strings   3 functions" in out
    assert "refused: numeric/f00006" in out
    assert cli.main(["suite", "import", str(DATASET), "--as", "find", "--replace"]) == 0
    assert cli.main(["suite", "list", "--suite", "find", "--domain", "strings"]) == 0
    assert capsys.readouterr().out.count("strings/f0000") == 3


def test_the_imported_suite_holds_no_function_twice_and_is_self_contained(imported, suites):
    suite = Suite(suites / "find")   # by folder as well as by name
    for function_id in suite.ids():
        spec = suite.get(function_id)
        assert spec["id"] == function_id and spec["description"]
        assert "def f" in render(spec) or "def function(" in render(spec)


def test_a_module_fnds_code_needs_fails_the_import_in_one_line(suites, tmp_path, capsys):
    copy = tmp_path / "find-dataset"
    shutil.copytree(DATASET / "numeric", copy / "numeric")
    code = copy / "numeric" / "f00001" / "function_code.py"
    code.write_text("import scipy_not_here.signal\n" + code.read_text())
    assert cli.main(["suite", "import", str(tmp_path), "--as", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install scipy_not_here" in err
    assert not (suites / "x").exists()


def test_a_string_function_failing_its_own_unit_tests_is_kept_and_named(suites, tmp_path):
    copy = tmp_path / "find-dataset"
    shutil.copytree(DATASET / "strings", copy / "strings")
    code = copy / "strings" / "f00000" / "function_code.py"
    code.write_text(code.read_text().replace("'lvmBi'", "'lvmBX'"))
    report = import_dataset(tmp_path, "s")
    assert [fid for fid, _ in report.disagree] == ["strings/f00000"]
    assert "passes 0 of its 10 unit tests" in "\n".join(report.lines())
    assert "strings/f00000" in Suite("s").ids()
