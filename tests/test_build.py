"""`functions/` is reproducible bit for bit and guarded by its manifest.

The default run rebuilds every function but the MLP imitations, and an even sample of those
(each trains a network); `find-lab suite verify --rebuild`, which .ci/run runs first, rebuilds
all of them.
"""

import json
import shutil
import time

import pytest

from find_lab import domains
from find_lab.cli import main
from find_lab.suite import default_root, held
from find_lab.suite import build as builder
from find_lab.suite.build import differences, line, verify

MLPS = 4  # of 150: a trained network each, about 0.3 s


def committed(domain: str) -> bytes:
    return (default_root() / f"{domain}.jsonl").read_bytes()


@pytest.mark.parametrize("domain", ["strings", "neurons"])
def test_a_domain_drawn_in_one_sequence_rebuilds_whole(suite, domain):
    specs = domains.get(domain).generate(suite.manifest["seed"], default_root() / "lexicon")
    assert "".join(map(line, specs)).encode() == committed(domain)


def test_numeric_functions_rebuild_one_by_one(suite):
    ids = [fid for fid in suite.ids("numeric") if suite.get(fid)["complexity"] != "mlp"]
    mlps = suite.ids("numeric", "mlp")
    ids += mlps[::len(mlps) // MLPS][:MLPS]  # evenly spread
    lines = {fid: text for fid, text in zip(suite.ids("numeric"),
                                            committed("numeric").splitlines(keepends=True))}
    built = domains.get("numeric").generate(suite.manifest["seed"], default_root() / "lexicon",
                                            workers=2, ids=ids)
    assert len(ids) == 850 + MLPS and [spec["id"] for spec in built] == ids
    assert [line(spec).encode() for spec in built] == [lines[fid] for fid in ids]


def test_a_rebuild_is_compared_function_by_function(tmp_path):
    copy = tmp_path / "functions"
    shutil.copytree(default_root(), copy)
    numeric = (copy / "numeric.jsonl").read_text().splitlines(keepends=True)
    numeric[3] = numeric[3].replace('"description": "', '"description": "tampered: ', 1)
    (copy / "numeric.jsonl").write_text("".join(numeric))
    strings = committed("strings").decode().splitlines(keepends=True)
    (copy / "strings.jsonl").write_text("".join(strings[:-1]))
    assert differences(copy, default_root()) == ["numeric/f0003: differs from the rebuild",
                                                 "strings/f0999: missing (the rebuild has it)"]
    assert differences(default_root(), default_root()) == []


def test_verify_rebuild_prints_one_line_per_difference_and_fails(capsys, monkeypatch, tmp_path):
    def fake_build(seed, out, lexicon, workers, progress=None):  # one function changed
        shutil.copytree(default_root(), out, dirs_exist_ok=True)
        changed = committed("neurons").decode().replace('"description": "', '"description": "x', 1)
        (out / "neurons.jsonl").write_text(changed)

    monkeypatch.setattr(builder, "build", fake_build)
    assert main(["suite", "verify", "--rebuild"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["neurons/f0000: differs from the rebuild", f"1 problem in {default_root()}"]
    monkeypatch.setattr(builder, "build", lambda seed, out, lexicon, workers, progress=None:
                        shutil.copytree(default_root(), out, dirs_exist_ok=True))
    assert main(["suite", "verify", "--rebuild"]) == 0
    assert capsys.readouterr().out == \
        f"{default_root()}: suite is intact, and rebuilds bit for bit\n"


def test_committed_suite_verifies_with_the_issue_counts(suite):
    assert verify(default_root()) == []
    counts = suite.manifest["counts"]
    assert counts["numeric"]["total"] == 1000 and counts["strings"]["total"] == 1000
    assert counts["neurons"]["total"] >= 200 and counts["relations"]["total"] >= 75
    assert set(counts) == {domain.name for domain in held()}


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


# --- the build in parts, counted as it goes (fake domains: the real build takes a minute) ----
class Drawn:
    """A domain built function by function: any part costs only itself."""

    name, count = "drawn", 120
    asked: list = []

    def generate(self, seed, lexicon, workers=1, ids=None):
        type(self).asked.append(ids)
        wanted = ids if ids is not None else [f"drawn/f{i:04d}" for i in range(self.count)]
        return [{"id": fid, "domain": "drawn", "complexity": ("odd", "even")[int(fid[-4:]) % 2],
                 "seed": seed} for fid in wanted]


class Sequence:
    """A domain drawn in one sequence: any request, even for nothing, costs all of it."""

    name, count = "sequence", 30
    asked: list = []

    def generate(self, seed, lexicon, workers=1, ids=None):
        type(self).asked.append(ids)
        time.sleep(0.06)  # more than a part may cost in fixed costs
        specs = [{"id": f"sequence/f{i:04d}", "domain": "sequence", "complexity": "one"}
                 for i in range(self.count)]
        return specs if ids is None else [spec for spec in specs if spec["id"] in ids]


@pytest.fixture
def fakes(monkeypatch):
    Drawn.asked, Sequence.asked = [], []
    monkeypatch.setattr(builder, "held", lambda: [Drawn(), Sequence()])


def test_a_cheap_domain_is_built_in_parts_and_a_sequence_at_once(fakes):
    told = []
    built = builder.generate(7, default_root() / "lexicon", 1,
                             lambda done, total, eta: told.append((done, total, eta)))
    drawn, sequence = Drawn.asked, Sequence.asked
    assert drawn[0] == [] and len(drawn) == 1 + builder.PARTS  # nothing, then in parts
    assert sorted(map(len, drawn[1:])) == [2] * 30 + [3] * 20
    assert sequence == [[], None]  # nothing (its fixed cost: too much), then everything
    assert built == {"drawn": Drawn().generate(7, None), "sequence": Sequence().generate(7, None)}
    dones = [done for done, _, _ in told]
    assert dones[0] == 0 and dones == sorted(dones) and dones[-1] == 150
    assert {total for _, total, _ in told} == {150}
    assert all(eta is None or eta >= 0 for _, _, eta in told) and told[-1][2] == 0


def test_parts_on_two_workers_give_the_same_specs(fakes):
    built = builder.generate(7, default_root() / "lexicon", 2)
    assert built == {"drawn": Drawn().generate(7, None), "sequence": Sequence().generate(7, None)}


def test_plan_asks_in_parts_only_when_asking_costs_little():
    parts = builder.plan(Drawn(), 0.001)
    assert len(parts) == builder.PARTS and sum(parts, []) == builder.function_ids(Drawn())
    assert builder.plan(Drawn(), 0.2) == [None]
    assert builder.plan(Sequence(), 0.5) == [None]


def test_suite_build_in_a_log_is_a_few_plain_lines(fakes, capsys, tmp_path):
    assert main(["suite", "build", "--out", str(tmp_path / "built"), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert "\r" not in err and 2 <= len(lines) <= 4
    assert lines[0] == "suite build: 0/150 functions, 0 s elapsed"
    assert lines[-1].startswith("suite build: 150/150 functions, ") and lines[-1].endswith(" elapsed")
    assert out.splitlines()[0].split() == ["drawn", "120", "(even", "60,", "odd", "60)"]
    manifest = json.loads((tmp_path / "built" / "manifest.json").read_text())
    assert manifest["counts"] == {"drawn": {"total": 120, "even": 60, "odd": 60},
                                  "sequence": {"total": 30, "one": 30}}
