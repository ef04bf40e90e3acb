"""A study's report on a hand-made study whose every figure is worked out by hand.

The study: 3 functions (F1-F3), participants p01 and p02, agents scientist and random, written
into a real store as sessions tagged in their session_start. Counted outcomes (success,
active seconds, probe calls; local detail and judge where given):

    function  p01                      p02           scientist          random
    F1        yes 100s 10  .1  j.8     yes 120s 12   yes 10s 25 .01 j.9  no 1s 25 (NMSE inf)
    F2        yes 200s 20  .2  j.6     no   60s  6   yes 20s 25 .02      no 2s 13
    F3        no  300s 30  .3          no   90s  9   yes 30s 25 .03      no 3s 25
                                       (abandoned, no score)

Not counted: p01's practice; p02 on F1 under another plan; p01's earlier session on F2,
interrupted; the scientist's second session on F1 (a repeat, failed); a session of another
study. Marked, in rows of their own: p02 on F2 resumed (success) and p01 on F3 with the answer
revealed (success).
"""

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from find_lab.scoreboard import seconds
from find_lab.store import Store
from find_lab.study import report as study_report

F1, F2, F3, PRACTICE = "numeric/f0001", "numeric/f0002", "numeric/f0003", "numeric/f0009"
HASH = "0123456789abcdef"


@dataclass(frozen=True)
class StandInPlan:
    """The attributes of find_lab.study.plan.Plan the report reads."""

    name: str = "pilot"
    seed: int = 0
    functions: tuple = (F1, F2, F3)
    practice: str | None = PRACTICE
    agents: tuple = ("scientist", "random")
    roster: tuple = ("p01", "p02")
    open: bool = False
    hash: str = HASH


def _session(store: Store, who: str, function_id: str, *, success: bool | None, seconds: float,
             probes: int, agent: bool = False, local: float | None = None,
             judge: float | None = None, value: float | None = None, study: str = "pilot",
             plan: str = HASH, position: int = 1, practice: bool = False,
             resumed: bool | str = False, revealed: bool = False, ended: str | None = "submitted"):
    """One session as the lab logs it; success None: ended with no score."""
    actor = "agent" if agent else "human"
    tag = {"name": study, "plan": plan, "position": None if agent else position,
           "practice": practice, **({"agent": who, "seed": 0} if agent else {"participant": who})}
    meta = {"function_id": function_id, "domain": "numeric",
            "actor_kind": who if agent else "human", "actor_name": who, "model": None}
    log = store.create(meta)
    seq = iter(range(1000))

    def event(kind: str, t: float, who_did: str = actor, **fields) -> None:
        log({"seq": next(seq), "t": t, "actor": who_did, "kind": kind, **fields})

    resumed_id = resumed if isinstance(resumed, str) else "20260101-000000-abcdef"
    forked = {"forked_from": {"session_id": resumed_id, "seq": 2, "resumed": True}} \
        if resumed else {}
    event("session_start", 0.0, "system", session_id=log.id, budget={"calls": 25, "points": 400},
          study=tag, **meta, **forked)
    for number in range(probes):
        event("probe", 0.5, inputs=[float(number)], outputs=[1.0], errors=[None], points=1)
    if revealed:
        event("reveal", 0.6)
    if ended is None:  # the app crashed: no end
        log.close()
        return log.id
    if success is not None:
        event("submit", seconds, description="a line", code="def f(x): return x")
        details = {"local_nmse": local} if local is not None else {}
        event("score", seconds, "system", metric="nmse",
              value=value if value is not None else (0.01 if success else 0.5),
              success=success, details=details)
    event("session_end", seconds, "system", status=ended)
    log.close()
    if judge is not None:
        store.append(log.id, "judge", score=judge, correct=round(10 * judge), total=10,
                     model="a judge")
    return log.id


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> tuple[Store, list[str]]:
    store = Store(tmp_path_factory.mktemp("home"))
    s = _session
    ids = [
        s(store, "p01", PRACTICE, success=True, seconds=50, probes=3, position=0, practice=True),
        s(store, "p01", F1, success=True, seconds=100, probes=10, local=0.1, judge=0.8),
        s(store, "p01", F2, success=None, seconds=40, probes=4, ended=None, position=2),
        s(store, "p01", F2, success=True, seconds=200, probes=20, local=0.2, judge=0.6,
          position=2),
        s(store, "p01", F3, success=False, seconds=300, probes=30, local=0.3, position=3),
        s(store, "p01", F3, success=True, seconds=80, probes=5, revealed=True, position=3),
        s(store, "p02", F1, success=True, seconds=70, probes=7, plan="ffffffffffffffff"),
        s(store, "p02", F1, success=True, seconds=120, probes=12),
        s(store, "p02", F2, success=False, seconds=60, probes=6, position=2),
        s(store, "p02", F2, success=True, seconds=65, probes=8, resumed=True, position=2),
        s(store, "p02", F3, success=None, seconds=90, probes=9, ended="abandoned", position=3),
        s(store, "scientist", F1, agent=True, success=True, seconds=10, probes=25, local=0.01,
          judge=0.9),
        s(store, "scientist", F1, agent=True, success=False, seconds=11, probes=25),
        s(store, "scientist", F2, agent=True, success=True, seconds=20, probes=25, local=0.02),
        s(store, "scientist", F3, agent=True, success=True, seconds=30, probes=25, local=0.03),
        s(store, "random", F1, agent=True, success=False, seconds=1, probes=25,
          value=float("inf")),
        s(store, "random", F2, agent=True, success=False, seconds=2, probes=13),
        s(store, "random", F3, agent=True, success=False, seconds=3, probes=25),
        s(store, "p01", F1, success=True, seconds=5, probes=1, study="another"),
    ]
    return Store(store.home), ids  # reopened: the crashed session is settled as interrupted


def _docs(store: Store, ids: list[str]) -> list[dict]:
    """Index documents with their tag as `study`, oldest first (as progress.sessions gives)."""
    return [{**store.get(i), "study": store.events(i)[0]["study"]} for i in ids]


@pytest.fixture(scope="module")
def report(study):
    return study_report.build(StandInPlan(), _docs(*study))


# --- what is counted ------------------------------------------------------------------------
def test_sessions_not_counted_are_counted_by_reason(report):
    assert report.not_counted == {"practice": 1, "unfinished": 1, "plan": 1, "repeat": 1,
                                  "study": 1}
    text = " ".join(report.text().split())  # the terminal's prose is wrapped
    assert "1 session of practice" in text
    assert "1 session under another version of the plan" in text
    assert "1 session repeating a function its actor had finished (the first counts)" in text


def test_marked_sessions_get_rows_of_their_own(report):
    marked = {(e.row, e.function_id, e.success) for e in report.marked}
    assert marked == {("p02 (resumed)", F2, True), ("p01 (answer revealed)", F3, True)}
    assert report.summary("p02 (resumed)").success_rate == 1.0
    assert report.summary("p01 (answer revealed)").kind == "marked"
    assert "p02 (resumed)" in report.text() and "p01 (answer revealed)" in report.text()


def test_the_columns(report):
    assert report.participants == ("p01", "p02")
    assert report.agents == ("scientist", "random")
    assert report.columns == ["p01", "p02", "all humans", "scientist", "random"]


# --- every figure ---------------------------------------------------------------------------
def test_participants(report):
    p01, p02 = report.summary("p01"), report.summary("p02")
    assert (p01.sessions, p01.functions, p01.success_rate) == (3, 3, pytest.approx(2 / 3))
    # 3 functions: a resample of all failures has probability (1/3)^3 = 1/27 > 2.5%, one of
    # all successes (2/3)^3: the interval is [0, 1]; for p02 (1/3) the same, mirrored
    assert p01.ci == (0.0, 1.0) and p02.ci == (0.0, 1.0)
    assert (p01.median_seconds, p01.median_probes, p01.median_local_nmse) == \
        (200, 20, pytest.approx(0.2))
    assert (p01.judge, p01.judged) == (pytest.approx(0.7), 2)
    assert (p02.sessions, p02.success_rate) == (3, pytest.approx(1 / 3))
    assert (p02.median_seconds, p02.median_probes, p02.median_local_nmse) == (90, 9, None)
    assert (p02.judge, p02.judged) == (None, 0)


def test_humans_pooled(report):
    humans = report.summary("all humans")
    # per-function means 1, 1/2, 0: rate 1/2; all-F3 and all-F1 resamples are 1/27 each
    assert (humans.sessions, humans.functions, humans.success_rate) == (6, 3, 0.5)
    assert humans.ci == (0.0, 1.0)
    # seconds 60 90 100 120 200 300 -> (100 + 120) / 2; probes 6 9 10 12 20 30 -> 11
    assert (humans.median_seconds, humans.median_probes) == (110, 11)
    assert humans.median_local_nmse == pytest.approx(0.2)
    assert (humans.judge, humans.judged) == (pytest.approx(0.7), 2)


def test_agents(report):
    scientist, random = report.summary("scientist"), report.summary("random")
    assert (scientist.sessions, scientist.success_rate, scientist.ci) == (3, 1.0, (1.0, 1.0))
    assert (scientist.median_seconds, scientist.median_probes) == (20, 25)
    assert scientist.median_local_nmse == pytest.approx(0.02)
    assert (scientist.judge, scientist.judged) == (pytest.approx(0.9), 1)
    assert (random.sessions, random.success_rate, random.ci) == (3, 0.0, (0.0, 0.0))
    assert (random.median_seconds, random.median_probes, random.judged) == (2, 25, 0)


@pytest.mark.parametrize("group, agent, difference, ci, b, c, p, seconds, probes", [
    # p01 (1 1 0) against the scientist (1 1 1): differences 0 0 -1 -> [-1, 0]; b 0, c 1;
    # p = min(1, 2 * 1/2); seconds all above (p = 2/8); probes 10 20 30 vs 25: 1 above, 2 below
    ("p01", "scientist", -1 / 3, (-1.0, 0.0), 0, 1, 1.0, (3, 0, 0.25), (1, 2, 1.0)),
    # against random (0 0 0): b 2, c 0, p = 2/4; probes 10 20 30 vs 25 13 25: 2 above, 1 below
    ("p01", "random", 2 / 3, (0.0, 1.0), 2, 0, 0.5, (3, 0, 0.25), (2, 1, 1.0)),
    # p02 (1 0 0): differences 0 -1 -1, all -1 with probability 8/27, all 0 with 1/27
    ("p02", "scientist", -2 / 3, (-1.0, 0.0), 0, 2, 0.5, (3, 0, 0.25), (0, 3, 0.25)),
    ("p02", "random", 1 / 3, (0.0, 1.0), 1, 0, 1.0, (3, 0, 0.25), (0, 3, 0.25)),
    # humans (1, 1/2, 0; more than half: yes no no); medians seconds 110 130 195, probes 11
    # 13 19.5: against random's probes 25 13 25, one tie dropped
    ("all humans", "scientist", -0.5, (-1.0, 0.0), 0, 2, 0.5, (3, 0, 0.25), (0, 3, 0.25)),
    ("all humans", "random", 0.5, (0.0, 1.0), 1, 0, 1.0, (3, 0, 0.25), (0, 2, 0.5)),
])
def test_comparisons(report, group, agent, difference, ci, b, c, p, seconds, probes):
    found = report.comparison(group, agent)
    assert found.functions == 3
    assert found.difference == pytest.approx(difference)
    assert found.difference == pytest.approx(found.group_rate - found.agent_rate)
    assert found.ci == ci
    assert (found.mcnemar.b, found.mcnemar.c, found.mcnemar.p) == (b, c, p)
    assert (found.seconds.above, found.seconds.below, found.seconds.p) == seconds
    assert (found.probes.above, found.probes.below, found.probes.p) == probes


def test_every_group_meets_every_agent(report):
    pairs = [(c.group, c.agent) for c in report.comparisons]
    assert pairs == [(g, a) for g in ("p01", "p02", "all humans") for a in ("scientist", "random")]
    assert report.comparison("all humans", "random").probes.ties == 1


def test_per_function_table(report):
    table = {row.function_id: {name: (cell.successes, cell.sessions)
                               for name, cell in row.cells.items()}
             for row in report.per_function}
    assert table == {
        F1: {"p01": (1, 1), "p02": (1, 1), "all humans": (2, 2), "scientist": (1, 1),
             "random": (0, 1)},
        F2: {"p01": (1, 1), "p02": (0, 1), "all humans": (1, 2), "scientist": (1, 1),
             "random": (0, 1)},
        F3: {"p01": (0, 1), "p02": (0, 1), "all humans": (0, 2), "scientist": (1, 1),
             "random": (0, 1)}}


def test_a_participant_without_sessions_still_has_a_row(study):
    report = study_report.build(StandInPlan(roster=("p01", "p02", "p03")), _docs(*study))
    p03 = report.summary("p03")
    assert (p03.sessions, p03.success_rate, p03.ci) == (0, None, None)
    assert report.comparison("p03", "scientist").functions == 0
    assert report.comparison("p03", "scientist").difference is None
    assert "p03" in report.text()


def test_sessions_with_their_events_read_as_tagged_documents(study, report):
    store, ids = study
    with_events = [{**store.get(i), "events": store.events(i)} for i in ids]
    again = study_report.build(StandInPlan(), with_events)
    assert again.summaries == report.summaries
    assert again.comparisons == report.comparisons


# --- the outputs ----------------------------------------------------------------------------
def test_text_says_the_figures_and_the_rule_for_groups(report):
    text = report.text()
    assert text.startswith("Study pilot (plan 0123456789abcdef): 3 functions, 2 participants, "
                           "2 agents")
    assert "mean over its participants who did it" in text
    assert "more than half" in text
    line = next(line for line in text.splitlines() if line.strip().startswith("p01 ")
                and "%" in line)
    assert "66.7%" in line and "[0.0, 100.0]" in line and "0.70 (2)" in line
    assert any(chr(0x2800) < ch <= chr(0x28FF) for ch in text)  # the braille bars
    assert "not judged" in text


def test_json_holds_every_figure_and_no_infinity(report):
    data = json.loads(report.json())
    assert data["study"]["functions"] == [F1, F2, F3]
    assert [s["name"] for s in data["summaries"]][:5] == report.columns
    humans = next(c for c in data["comparisons"] if (c["group"], c["agent"]) ==
                  ("all humans", "scientist"))
    assert humans["difference"] == -0.5 and humans["mcnemar"] == {"b": 0, "c": 2, "p": 0.5}
    infinite = [s for s in data["sessions"] if s["who"] == "random" and s["function_id"] == F1]
    assert infinite[0]["value"] is None  # an infinite NMSE is null, not Infinity
    assert "Infinity" not in report.json()


def test_csv_has_one_row_per_session_saying_whether_it_counts(report, study):
    rows = list(csv.DictReader(io.StringIO(report.csv())))
    assert [row["session_id"] for row in rows] == study[1]
    assert {(row["study"], row["plan"]) for row in rows} == \
        {("pilot", HASH), ("pilot", "ffffffffffffffff"), ("another", HASH)}
    assert sum(row["counted"] == "yes" for row in rows) == 12
    resumed = next(row for row in rows if row["who"] == "p02" and row["counted"] == "resumed")
    assert (resumed["function_id"], resumed["success"]) == (F2, "yes")
    practice = next(row for row in rows if row["function_id"] == PRACTICE)
    assert practice["counted"] == "of practice"


def test_markdown_tables(report):
    md = report.markdown()
    assert md.startswith("# Study pilot")
    assert ("| all humans | scientist | 3 | 50.0% | 100.0% | -50.0 pp | [-100.0, +0.0] | 0 | 2 "
            "| 0.5 |") in md
    assert f"| {F1} | ✓ | ✓ | 2/2 | ✓ | ✗ |" in md


def test_plots_are_svg_files(report, tmp_path):
    paths = study_report.plots(report, tmp_path / "figures")
    assert [p.name for p in paths] == ["pilot_success.svg", "pilot_differences.svg",
                                       "pilot_per_function.svg"]
    for path in paths:
        root = ElementTree.fromstring(path.read_text(encoding="utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert F3 in paths[2].read_text() and "humans - scientist" in paths[1].read_text()


def test_the_report_loads_no_textual():
    code = ("import sys, find_lab.study.report;"
            "print(any(m.split('.')[0] == 'textual' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"


def test_a_study_without_sessions_reports_that(tmp_path):
    report = study_report.build(StandInPlan(), [])
    assert report.summary("all humans").success_rate is None
    assert report.comparison("all humans", "scientist").mcnemar is None  # nothing to test
    assert "every session given is counted" in report.text()
    assert "no counted session" in report.text()
    json.loads(report.json())
    assert report.csv().splitlines() == [",".join(study_report.CSV_FIELDS)]
    assert report.markdown().startswith("# Study pilot")
    assert len(study_report.plots(report, tmp_path)) == 3


def test_an_open_study_lists_whoever_signed_up(study):
    store, ids = study
    report = study_report.build(StandInPlan(roster=(), open=True), _docs(store, ids))
    assert report.participants == ("p01", "p02")
    assert report.summary("all humans").success_rate == 0.5


def test_a_participant_named_like_an_agent_keeps_a_column_of_their_own(study):
    docs = _docs(*study)
    for doc in docs:
        if doc["study"].get("participant") == "p02":
            doc["study"] = {**doc["study"], "participant": "scientist"}
    report = study_report.build(StandInPlan(roster=("p01",), open=True), docs)
    assert report.participants == ("p01", "participant scientist")
    assert report.summary("participant scientist").success_rate == pytest.approx(1 / 3)
    assert report.summary("scientist").success_rate == 1.0
    assert report.summary("all humans").success_rate == 0.5


def test_a_participant_resuming_their_own_cut_short_session_is_their_own_work(tmp_path):
    """Cut short at F1, resumed by the same participant at the same position and solved:
    counted, unmarked, its time the two sessions' together. A resume of a session not theirs
    stays marked."""
    store = Store(tmp_path)
    cut = _session(store, "p01", F1, success=None, seconds=40, probes=4, ended=None)
    store = Store(store.home)  # reopened: the cut-short session is settled as interrupted
    own = _session(store, "p01", F1, success=True, seconds=30, probes=3, resumed=cut)
    other = _session(store, "p02", F1, success=True, seconds=30, probes=3, resumed=cut)
    docs = [{**d, "resumes": cut} if d["id"] in (own, other) else d
            for d in _docs(store, [cut, own, other])]
    built = study_report.build(StandInPlan(), docs)
    mine = next(e for e in built.entries if e.session_id == own)
    theirs = next(e for e in built.entries if e.session_id == other)
    alone = {d["id"]: seconds(d) for d in docs}
    assert alone[cut] > 0
    assert mine.counted and mine.mark == "" and mine.seconds == pytest.approx(alone[own] + alone[cut])
    assert theirs.mark == "resumed" and not theirs.counted
