"""`functions/` is reproducible bit for bit and guarded by its manifest."""

import shutil

import pytest

from find_lab.suite import default_root
from find_lab.suite.build import build, verify


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("suite")
    build(0, out, default_root() / "lexicon", workers=2)
    return out


@pytest.mark.parametrize("name", ["numeric.jsonl", "strings.jsonl", "neurons.jsonl", "manifest.json"])
def test_rebuild_reproduces_functions_exactly(rebuilt, name):
    assert (rebuilt / name).read_bytes() == (default_root() / name).read_bytes()


def test_committed_suite_verifies_with_the_issue_counts(suite):
    assert verify(default_root()) == []
    counts = suite.manifest["counts"]
    assert counts["numeric"]["total"] == 1000 and counts["strings"]["total"] == 1000
    assert counts["neurons"]["total"] >= 200


def test_verify_reports_tampering(tmp_path):
    copy = tmp_path / "functions"
    shutil.copytree(default_root(), copy)
    lines = (copy / "strings.jsonl").read_text().splitlines()
    (copy / "strings.jsonl").write_text("\n".join(lines[:-1]) + "\n")
    problems = verify(copy)
    assert any("strings.jsonl does not match" in p for p in problems)
    assert any("strings: 999 functions" in p for p in problems)


def test_verify_reports_a_corrupt_spec_file_in_one_line(tmp_path):
    copy = tmp_path / "functions"
    shutil.copytree(default_root(), copy)
    (copy / "neurons.jsonl").write_text("{not json\n")
    problems = verify(copy)
    assert problems and all("\n" not in p for p in problems)
