"""Scoring is calibrated: the truth succeeds, the mean and chance fail, tables are visible."""

import math

import numpy as np
import pytest

from helpers import sample_ids
from find_lab import domains, scoring
from find_lab.domains.numeric import scoring as numeric_scoring
from find_lab.domains.numeric import specs as numeric
from find_lab.domains.numeric.atoms import GRID
from find_lab.suite import render


@pytest.mark.parametrize("domain, complexity", [
    (d, c) for d in domains.names() for c in domains.get(d).complexities])
def test_rendered_ground_truth_scores_success(suite, domain, complexity):
    for fid in sample_ids(suite, domain, complexity, 4):
        spec = suite.get(fid)
        result = scoring.score(spec, render(spec))
        assert result.success, (fid, result.summary())
        assert result.reason is None
        if domain == "numeric":
            assert result.value < 1e-9 and result.details["local_nmse"] < 1e-9


def test_constant_mean_prediction_fails(suite):
    for complexity in domains.get("numeric").complexities:
        for fid in sample_ids(suite, "numeric", complexity, 6):
            spec = suite.get(fid)
            if spec["expr"].get("kind") == "constant":
                continue
            mean = float(np.nanmean(numeric.truth(spec, GRID)))
            result = scoring.score(spec, f"def f(x):\n    return {mean!r}\n")
            assert not result.success, fid
            assert result.value >= 0.1


def test_constant_prediction_has_no_correlation_with_a_neuron(suite):
    spec = suite.get(suite.ids("neurons")[0])
    result = scoring.score(spec, "def f(word):\n    return 0.5\n")
    assert result.value == 0.0 and not result.success and "constant" in result.reason


def test_chance_level_predictors_score_at_chance(suite):
    random_neuron = ("import zlib\ndef f(word):\n"
                     "    return zlib.crc32(('chance' + word).encode()) % 1000 / 1000\n")
    correlations = [scoring.score(suite.get(fid), random_neuron).value
                    for fid in suite.ids("neurons")[:20]]
    assert abs(np.mean(correlations)) < 0.12
    identity = [scoring.score(suite.get(fid), "def f(s):\n    return s\n")
                for fid in suite.ids("strings")[:20]]
    assert not any(r.success for r in identity)
    assert np.mean([r.value for r in identity]) < 0.3
    noise = "import numpy as np\ndef f(x):\n    return np.random.default_rng(0).normal(0, 30, np.shape(x))\n"
    assert not any(scoring.score(suite.get(fid), noise).success for fid in suite.ids("numeric")[:10])


def test_local_detail_catches_a_missed_corruption(suite):
    spec = next(suite.get(fid) for fid in suite.ids("numeric", "corruption")
                if suite.get(fid)["expr"].get("kind") != "constant")
    without = dict(spec, corruption=None, id=spec["id"])
    ignoring = scoring.score(spec, render(without))
    exact = scoring.score(spec, render(spec))
    assert ignoring.details["local_nmse"] > 0.1 > exact.details["local_nmse"]
    assert ignoring.details["local_nmse"] > ignoring.value


def test_heldout_points_are_fixed_per_function_and_off_the_grid():
    points = numeric_scoring.heldout_points
    a, b = points("numeric/f0001"), points("numeric/f0002")
    assert np.array_equal(a, points("numeric/f0001")) and not np.array_equal(a, b)
    assert len(a) == 256 and a.min() >= -128 and a.max() <= 128
    assert not np.isin(a, GRID).any()


def test_a_lookup_table_is_reported_as_one(suite):
    spec = suite.get("numeric/f0001")
    xs = np.linspace(-128, 128, 100)
    ys = numeric.truth(spec, xs)
    table = (f"import numpy as np\nXS = {list(map(float, xs))}\nYS = {list(map(float, ys))}\n"
             "def f(x):\n    return np.interp(x, XS, YS)\n")
    result = scoring.score(spec, table)
    assert result.code_size.numeric_literals == 200 and result.code_size.table_like
    assert "table-like" in result.summary()
    assert not scoring.score(spec, render(spec)).code_size.table_like


def test_strings_report_the_first_mismatch(suite):
    spec = suite.get("strings/f0003")
    result = scoring.score(spec, "def f(s):\n    return s\n")
    mismatch = result.details["first_mismatch"]
    assert mismatch["got"] == mismatch["input"] != mismatch["expected"]
    assert result.details["total"] >= 50


def test_numeric_nan_where_truth_is_defined_fails_with_a_reason(suite):
    spec = suite.get("numeric/f0001")
    result = scoring.score(spec, "import math\ndef f(x):\n    return math.nan if x > 0 else 1.0\n")
    assert result.value == math.inf and not result.success
    assert "no finite prediction" in result.reason


def test_code_size_of_unparseable_code_is_none_and_scoring_still_answers(suite):
    assert scoring.code_size("def f(:") is None
    result = scoring.score(suite.get("numeric/f0001"), "def f(:\n")
    assert not result.success and "syntax error" in result.reason


def test_oversized_code_is_refused_before_running(suite):
    result = scoring.score(suite.get("numeric/f0001"), "#" * (scoring.MAX_CODE_CHARS + 1))
    assert not result.success and "too long" in result.reason
