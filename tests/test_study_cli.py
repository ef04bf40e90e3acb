"""`find-lab study` as a researcher runs it: new, show, agents (resumable), export and import
(refusing duplicates and a plan that differs), and a participant checked against the roster;
every mistake one line and exit 2."""

import json
import zipfile

import pytest

from helpers import run
from find_lab.store import Store
from find_lab.suite import Suite
from find_lab.study import plan as plans
from find_lab.study import progress

FUNCTIONS = ["numeric/f0003", "numeric/f0004"]
PLAN = f"""name = "pilot"
seed = 1
agents = ["random", "interpolate"]
[functions]
ids = {json.dumps(FUNCTIONS)}
practice = "numeric/f0001"
[budget]
calls = 3
points = 60
minutes = 5
[participants]
roster = ["p01", "p02"]
order = "counterbalanced"
"""


def study(home, text=PLAN):
    path = plans.folder(home, "pilot") / "plan.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def one_line_error(status, err, *words):
    assert status == 2 and err.count("\n") == 1 and err.startswith("find-lab: ")
    assert all(word in err for word in words), err


def test_new_then_show(capsys, tmp_path):
    status, out, err = run(capsys, "study", "new", "pilot", "--home", str(tmp_path))
    assert status == 0 and str(tmp_path / "studies" / "pilot" / "plan.toml") in out
    one_line_error(*run(capsys, "study", "new", "pilot", "--home", str(tmp_path))[::2],
                   "already exists")
    status, out, _ = run(capsys, "study", "show", "pilot", "--home", str(tmp_path))
    assert status == 0 and "p01" in out and "p02" in out and "counterbalanced" in out
    status, out, _ = run(capsys, "study", "show", "pilot", "--home", str(tmp_path), "--json")
    shown = json.loads(out)
    assert status == 0 and shown["name"] == "pilot" and shown["reveal"] == "never"
    assert sorted(shown["orders"]["p01"]) == sorted(shown["functions"])
    assert shown["orders"]["p01"] != shown["orders"]["p02"]  # the square's next row
    assert shown["next_position"] == {"p01": 0, "p02": 0}


def test_mistakes_are_one_line_and_exit_2(capsys, tmp_path):
    home = str(tmp_path)
    one_line_error(*run(capsys, "study", "show", "nothing", "--home", home)[::2], "no study")
    one_line_error(*run(capsys, "study", "new", "a/b", "--home", home)[::2], "study name")
    study(tmp_path, PLAN.replace("calls = 3", "calls = -3"))
    one_line_error(*run(capsys, "study", "show", "pilot", "--home", home)[::2], "budget.calls")
    one_line_error(*run(capsys, "study", "agents", "pilot", "--home", home)[::2], "budget.calls")
    study(tmp_path)
    one_line_error(*run(capsys, "study", "run", "pilot", "--participant", "p99",
                        "--home", home)[::2], "no participant 'p99'", "p01, p02")
    one_line_error(*run(capsys, "study", "import", str(tmp_path / "missing.zip"),
                        "--home", home)[::2], "cannot read")
    status, _, err = run(capsys, "study", "--home", home)
    assert status == 2 and err.count("\n") == 1


def tagged(home):
    store = Store(home)
    return store, progress.sessions(store, plans.load(home, "pilot", Suite()))


def test_agents_run_every_agent_on_every_function_and_resume(capsys, tmp_path):
    study(tmp_path)
    status, out, err = run(capsys, "study", "agents", "pilot", "--home", str(tmp_path))
    store, docs = tagged(tmp_path)
    assert status == 0 and len(out.splitlines()) == 4 and "study agents: 4/4 sessions" in err
    assert sorted((d["study"]["agent"], d["function_id"]) for d in docs) == \
        sorted((a, f) for a in ("random", "interpolate") for f in FUNCTIONS)
    assert all(d["study"]["seed"] == 1 and d["study"]["position"] is None for d in docs)
    assert all(d["probes"] <= 3 and d["points"] <= 60 for d in docs)  # the plan's budget
    status, out, err = run(capsys, "study", "agents", "pilot", "--home", str(tmp_path))
    assert status == 0 and out == "" and "0 sessions to run, 4 of 4 done" in err
    gone = docs[0]
    store.delete(gone["id"])
    status, out, _ = run(capsys, "study", "agents", "pilot", "--home", str(tmp_path))
    _, again = tagged(tmp_path)
    assert status == 0 and len(out.splitlines()) == 1 and gone["function_id"] in out
    assert len(again) == 4 and gone["study"]["agent"] in out


def test_sessions_of_another_plan_are_not_the_studys(capsys, tmp_path):
    study(tmp_path)
    run(capsys, "study", "agents", "pilot", "--home", str(tmp_path))
    study(tmp_path, PLAN + "# edited\n")
    _, docs = tagged(tmp_path)
    status, out, _ = run(capsys, "study", "show", "pilot", "--home", str(tmp_path), "--json")
    assert docs == [] and json.loads(out)["agent_runs"] == {"done": 0, "total": 4}
    # the report does not count them either, but says they are there
    status, out, _ = run(capsys, "study", "report", "pilot", "--home", str(tmp_path), "--csv")
    rows = out.splitlines()[1:]
    assert status == 0 and len(rows) == 4 and all("plan" in row for row in rows)


@pytest.mark.parametrize("name", ["pilot.zip", "pilot.jsonl"])
def test_bundles_export_import_and_refuse(capsys, tmp_path, name):
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    study(first)
    run(capsys, "study", "agents", "pilot", "--home", str(first))
    bundle = tmp_path / name
    status, out, _ = run(capsys, "study", "export", "pilot", str(bundle), "--home", str(first))
    assert status == 0 and "4 sessions" in out
    assert zipfile.is_zipfile(bundle) == name.endswith(".zip")
    status, out, _ = run(capsys, "study", "import", str(bundle), "--home", str(second))
    assert status == 0 and "imported 4 sessions" in out
    assert (plans.folder(second, "pilot") / "plan.toml").read_bytes() == \
        (plans.folder(first, "pilot") / "plan.toml").read_bytes()
    _, docs = tagged(second)
    assert len(docs) == 4 and Store(second).events(docs[0]["id"])[0]["study"] == docs[0]["study"]
    status, out, _ = run(capsys, "study", "import", str(bundle), "--home", str(second))
    assert status == 0 and "imported 0 sessions" in out and "skipped 4" in out
    # the same places taken by other sessions on another machine: refused, nothing merged
    study(third)
    run(capsys, "study", "agents", "pilot", "--home", str(third))
    one_line_error(*run(capsys, "study", "import", str(bundle), "--home", str(third))[::2],
                   "duplicates", "refused")
    assert len(tagged(third)[1]) == 4 and len(Store(third).list()) == 4
    # a plan that differs from the one here: refused
    study(second, PLAN.replace("seed = 1", "seed = 2"))
    one_line_error(*run(capsys, "study", "import", str(bundle), "--home", str(second))[::2],
                   "differs", "refused")


def test_a_bundle_of_another_study_or_damaged_is_refused(capsys, tmp_path):
    study(tmp_path / "a")
    run(capsys, "study", "agents", "pilot", "--home", str(tmp_path / "a"))
    bundle = tmp_path / "pilot.jsonl"
    run(capsys, "study", "export", "pilot", str(bundle), "--home", str(tmp_path / "a"))
    lines = bundle.read_text().splitlines()
    header = json.loads(lines[0])
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text("\n".join([json.dumps({**header, "plan": header["plan"] + "# x\n"})]
                                  + lines[1:]) + "\n")
    one_line_error(*run(capsys, "study", "import", str(tampered), "--home",
                        str(tmp_path / "b"))[::2], "does not match the hash")
    session = json.loads(lines[1])
    session["events"][0]["study"]["plan"] = "0" * 16
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text("\n".join([lines[0], json.dumps(session)]) + "\n")
    one_line_error(*run(capsys, "study", "import", str(foreign), "--home",
                        str(tmp_path / "b"))[::2], "line 2", "not of study 'pilot'")
    (tmp_path / "junk.jsonl").write_text("hello\n")
    one_line_error(*run(capsys, "study", "import", str(tmp_path / "junk.jsonl"), "--home",
                        str(tmp_path / "b"))[::2], "not a study bundle")
    assert Store(tmp_path / "b").list() == []


def test_report_in_each_form(capsys, tmp_path):
    study(tmp_path)
    run(capsys, "study", "agents", "pilot", "--home", str(tmp_path))
    home = ["--home", str(tmp_path)]
    status, out, _ = run(capsys, "study", "report", "pilot", *home)
    assert status == 0 and "pilot" in out and "random" in out and "interpolate" in out
    status, out, err = run(capsys, "study", "report", "pilot", "--json", "--plots",
                           str(tmp_path / "figures"), *home)
    assert status == 0 and json.loads(out)["study"]["name"] == "pilot"
    figures = [line.removeprefix("wrote ") for line in err.splitlines() if line.startswith("wrote ")]
    assert figures and all((tmp_path / "figures").joinpath(p).is_file() for p in figures)
    status, out, _ = run(capsys, "study", "report", "pilot", "--csv", *home)
    assert status == 0 and len(out.splitlines()) == 1 + 4  # a header, a row per session
    status, out, _ = run(capsys, "study", "report", "pilot", "--markdown",
                         str(tmp_path / "report.md"), *home)
    assert status == 0 and (tmp_path / "report.md").read_text().startswith("#")
    status, _, err = run(capsys, "study", "report", "pilot", "--json", "--csv", *home)
    assert status == 2 and err.count("\n") == 1


def test_a_damaged_session_in_a_bundle_is_named_by_its_line(capsys, tmp_path):
    study(tmp_path / "a")
    run(capsys, "study", "agents", "pilot", "--home", str(tmp_path / "a"))
    bundle = tmp_path / "pilot.jsonl"
    run(capsys, "study", "export", "pilot", str(bundle), "--home", str(tmp_path / "a"))
    lines = bundle.read_text().splitlines()
    session = json.loads(lines[2])
    session["events"][1]["seq"] = "not a number"
    lines[2] = json.dumps(session)
    bundle.write_text("\n".join(lines) + "\n")
    one_line_error(*run(capsys, "study", "import", str(bundle), "--home",
                        str(tmp_path / "b"))[::2], "pilot.jsonl line 3")
    assert Store(tmp_path / "b").list() == []
    assert not (plans.folder(tmp_path / "b", "pilot") / "plan.toml").exists()


def test_run_checks_the_participant_then_hands_over_to_the_lab(capsys, tmp_path, monkeypatch):
    import find_lab.tui.app as app

    calls = []
    monkeypatch.setattr(app, "run_study", lambda *given: calls.append(given) or 0)
    study(tmp_path)
    home = ["--home", str(tmp_path)]
    one_line_error(*run(capsys, "study", "run", "pilot", "--participant", "p99", *home)[::2],
                   "no participant")
    assert calls == []
    status, _, _ = run(capsys, "study", "run", "pilot", "--participant", "p02", *home)
    assert status == 0 and calls == [(tmp_path, None, "pilot", "p02")]


def test_show_lists_who_signed_up_to_an_open_study(capsys, tmp_path):
    from find_lab.actors import make_actor
    from find_lab.experiment import Budget
    from find_lab.session import run_session
    from find_lab.targets import resolve
    import asyncio

    study(tmp_path, PLAN.replace('roster = ["p01", "p02"]', "open = true"))
    plan = plans.load(tmp_path, "pilot", Suite())
    asyncio.run(run_session(resolve(plan.practice), make_actor("random"), store=Store(tmp_path),
                            budget=Budget(2, 20),
                            study=plan.tag(participant="walk-in", position=0, practice=True)))
    status, out, _ = run(capsys, "study", "show", "pilot", "--home", str(tmp_path), "--json")
    shown = json.loads(out)
    assert status == 0 and list(shown["orders"]) == ["walk-in"]
    assert shown["next_position"] == {"walk-in": 1}
