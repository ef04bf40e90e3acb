"""The scoreboard's aggregates, checked exactly on hand-written index documents, and once on
real sessions in a temporary store."""

import math

import pytest

from find_lab import scoreboard
from find_lab.scoreboard import (ALL, NOT_JUDGED, OWN, Duel, HeadToHead, Scores, by_function,
                                 filter_for, head_to_head, parse_filter, rows)
from find_lab.actors import make_actor
from find_lab.session import run_session
from find_lab.store import Store
from find_lab.targets import from_spec

CLEAN, NOISY = "numeric/f0001", "numeric/f0006"      # complexity clean, noise
WORDS_A, WORDS_B = "strings/f0000", "strings/f0001"  # both composed
MINE = "mine.py:f"                                   # a user's function, not in the suite


def doc(kind, function_id, value=None, success=False, *, status="submitted", name=None,
        model=None, local=None, seconds=None, start="2026-11-01T10:00:00Z", usage=None):
    """An index document as the store keeps it; a score only when `value` is given."""
    domain = function_id.split("/")[0] if "/" in function_id else "numeric"
    score = None
    if value is not None:
        metric = {"numeric": "nmse", "strings": "exact_match"}[domain]
        score = {"metric": metric, "value": value, "success": success}
        if local is not None:
            score["local_nmse"] = local
    # the dates are days apart: a session's time is its `seconds`, never a difference of dates
    finished = None if seconds is None else "2026-11-30T00:00:00Z"
    return {"id": f"{kind}-{function_id}-{start}", "function_id": function_id, "domain": domain,
            "actor_kind": kind, "actor_name": name or kind, "model": model, "started": start,
            "finished": finished, "seconds": seconds, "status": status, "score": score,
            "probes": 1, "points": 10, "usage": usage or {}}


DOCS = [
    doc("scientist", CLEAN, 0.02, True, local=0.5, seconds=10),
    doc("scientist", NOISY, 0.3, False, local=1.5, seconds=20),
    doc("scientist", CLEAN, status="abandoned", seconds=5),
    doc("scientist", NOISY, status="interrupted"),
    doc("scientist", CLEAN, status="running"),
    doc("random", CLEAN, 0.5, False, local=2.0, seconds=1),
    doc("interpolate", NOISY, math.inf, False, seconds=1),
    doc("human", CLEAN, 0.01, True, name="Ada", seconds=60),
    doc("human", CLEAN, 0.2, False, name="Ada", seconds=30, start="2026-11-02T10:00:00Z"),
    doc("human", MINE, status="submitted", name="Ada", seconds=40),
    doc("scientist", WORDS_A, 1.0, True, seconds=3),
    doc("scientist", WORDS_B, 0.8, False, seconds=3),
    doc("claude", WORDS_A, 1.0, True, model="claude-x", seconds=100,
        usage={"input_tokens": 1000, "output_tokens": 200, "cost_usd": 0.05}),
    doc("claude", WORDS_B, 0.5, False, model="claude-x", seconds=200,
        usage={"input_tokens": 400, "output_tokens": 100, "cost_usd": 0.02}),
    doc("claude", WORDS_B, status="abandoned", model="claude-x",
        usage={"input_tokens": 500, "cost_usd": 0.01}),
]


@pytest.fixture(scope="module")
def board():
    return {(row.actor, row.domain, row.complexity): row for row in rows(DOCS)}


def test_scientist_rows_count_only_scored_sessions_in_score_columns(board):
    row = board["scientist", "numeric", ALL]
    counts = (row.sessions, row.scored, row.unscored, row.abandoned, row.interrupted)
    assert counts == (4, 2, 0, 1, 1)
    assert row.success_rate == 0.5
    assert row.median_value == pytest.approx(0.16)
    assert row.median_local_nmse == pytest.approx(1.0)
    assert row.median_seconds == 15.0
    assert (row.metric, row.tokens, row.cost_usd, row.baseline) == ("nmse", None, None, False)


def test_complexity_rows_split_the_all_row(board):
    clean, noise = board["scientist", "numeric", "clean"], board["scientist", "numeric", "noise"]
    assert (clean.sessions, clean.scored, clean.abandoned, clean.success_rate) == (2, 1, 1, 1.0)
    assert (clean.median_value, clean.median_local_nmse, clean.median_seconds) == (0.02, 0.5, 10.0)
    assert (noise.sessions, noise.scored, noise.interrupted, noise.success_rate) == (2, 1, 1, 0.0)
    assert (noise.median_value, noise.median_local_nmse, noise.median_seconds) == (0.3, 1.5, 20.0)


def test_humans_are_told_apart_by_name_and_own_functions_have_complexity_own(board):
    row = board["human:Ada", "numeric", ALL]
    assert (row.sessions, row.scored, row.unscored, row.success_rate) == (3, 2, 1, 0.5)
    assert row.median_value == pytest.approx(0.105)
    assert row.median_seconds == 45.0
    own = board["human:Ada", "numeric", OWN]
    assert (own.sessions, own.scored, own.unscored) == (1, 0, 1)
    assert (own.success_rate, own.median_value, own.median_seconds) == (None, None, None)


def test_claude_rows_carry_model_and_usage(board):
    row = board["claude:claude-x", "strings", ALL]
    assert (row.sessions, row.scored, row.abandoned, row.success_rate) == (3, 2, 1, 0.5)
    assert (row.metric, row.median_value, row.median_seconds) == ("exact_match", 0.75, 150.0)
    assert row.median_local_nmse is None
    assert row.tokens == 2200
    assert row.cost_usd == pytest.approx(0.08)


def test_one_failed_submission_does_not_stand_for_an_actors_sessions():
    scored = [doc("scientist", CLEAN, value, value < 0.1, start=f"2026-11-0{day}T10:00:00Z")
              for day, value in enumerate((0.01, 0.02, 0.03, math.inf), 1)]  # inf: code that fails
    row = next(r for r in rows(scored) if r.complexity == ALL)
    assert (row.scored, row.success_rate) == (4, 0.75)
    assert row.median_value == pytest.approx(0.025)


def test_baselines_are_flagged_reference_rows_and_inf_nmse_stays_inf(board):
    assert board["random", "numeric", ALL].baseline
    interpolate = board["interpolate", "numeric", ALL]
    assert interpolate.baseline and interpolate.median_value == math.inf
    assert interpolate.median_local_nmse is None
    flagged = {actor for (actor, _, _), row in board.items() if row.baseline}
    assert flagged == {"random", "interpolate"}


def test_nothing_is_judged_yet(board):
    assert {row.judged for row in board.values()} == {NOT_JUDGED}


def test_running_sessions_are_left_out_and_rows_are_ordered():
    order = [(row.actor, row.domain, row.complexity) for row in rows(DOCS)]
    assert order == [
        ("human:Ada", "numeric", ALL), ("human:Ada", "numeric", "clean"),
        ("human:Ada", "numeric", OWN),
        ("scientist", "numeric", ALL), ("scientist", "numeric", "clean"),
        ("scientist", "numeric", "noise"),
        ("interpolate", "numeric", ALL), ("interpolate", "numeric", "noise"),
        ("random", "numeric", ALL), ("random", "numeric", "clean"),
        ("claude:claude-x", "strings", ALL), ("claude:claude-x", "strings", "composed"),
        ("scientist", "strings", ALL), ("scientist", "strings", "composed"),
    ]


def test_complexity_lookup_tolerates_unknown_ids_and_is_cached(suite):
    calls = []

    class Counting:
        def get(self, function_id):
            calls.append(function_id)
            return suite.get(function_id)

    lookup = scoreboard.suite_complexity(Counting())
    assert [lookup(CLEAN), lookup(NOISY), lookup(MINE), lookup(CLEAN), lookup(MINE)] == \
        ["clean", "noise", OWN, "clean", OWN]
    assert calls == [CLEAN, NOISY, MINE]


def test_a_complexity_in_the_document_wins_over_the_suite():
    tagged = {**doc("scientist", MINE, 0.0, True), "complexity": "clean"}
    assert [row.complexity for row in rows([tagged])] == [ALL, "clean"]


def test_actor_choices_list_actors_and_kinds():
    assert scoreboard.actors(DOCS) == ["claude", "claude:claude-x", "human", "human:Ada",
                                       "interpolate", "random", "scientist"]


def test_head_to_head_uses_each_actors_best_session_per_function():
    h = head_to_head(DOCS, "human", "scientist")
    assert (h.a_sessions, h.b_sessions, h.functions) == (2, 4, 1)
    assert (h.a_success_rate, h.b_success_rate) == (1.0, 1.0)
    assert (h.a_wins, h.b_wins, h.ties) == (1, 0, 0)
    assert head_to_head(DOCS, "human:Ada", "scientist", "numeric") == HeadToHead(
        "human:Ada", "scientist", "numeric", a_sessions=2, b_sessions=2, functions=1,
        a_success_rate=1.0, b_success_rate=1.0, a_wins=1, b_wins=0, ties=0)


def test_head_to_head_higher_is_better_for_strings_and_equal_values_tie():
    h = head_to_head(DOCS, "claude", "scientist", "strings")
    assert (h.a_sessions, h.b_sessions, h.functions) == (2, 2, 2)
    assert (h.a_success_rate, h.b_success_rate) == (0.5, 0.5)
    assert (h.a_wins, h.b_wins, h.ties) == (0, 1, 1)


def test_head_to_head_without_human_sessions_compares_nothing():
    h = head_to_head([d for d in DOCS if d["actor_kind"] != "human"], "human", "scientist")
    assert (h.a_sessions, h.functions, h.a_success_rate, h.a_wins, h.ties) == (0, 0, None, 0, 0)


async def test_real_sessions_in_a_store(tmp_path, suite):
    store = Store(tmp_path / "sessions")
    for kind in ("scientist", "random", "interpolate"):
        for function_id in (CLEAN, WORDS_A):
            await run_session(from_spec(suite.get(function_id)), make_actor(kind), store=store)
    docs = store.list()
    board = {(row.actor, row.domain, row.complexity): row for row in scoreboard.from_store(store)}
    assert set(board) == {(kind, domain, complexity)
                          for kind in ("scientist", "random", "interpolate")
                          for domain, complexity in (("numeric", ALL), ("numeric", "clean"),
                                                     ("strings", ALL), ("strings", "composed"))}
    for (kind, domain, _), row in board.items():
        session = next(d for d in docs if d["actor_kind"] == kind and d["domain"] == domain)
        assert (row.sessions, row.scored, row.baseline) == (1, 1, kind != "scientist")
        assert row.median_value == session["score"]["value"]
        assert row.success_rate == float(session["score"]["success"])
        assert (row.median_local_nmse is not None) == (domain == "numeric")
        assert row.tokens is None and row.judged == NOT_JUDGED


def test_a_sessions_time_is_its_own_seconds_never_a_difference_of_dates():
    dated = {**doc("scientist", CLEAN, 0.02, True, seconds=10), "seconds": None}
    assert next(r for r in rows([dated]) if r.complexity == ALL).median_seconds is None
    assert next(r for r in rows(DOCS) if r.actor == "scientist").median_seconds == 15.0


def test_head_to_head_has_a_row_per_function_with_each_sides_best_and_median():
    h = head_to_head(DOCS, "human", "scientist", "numeric")
    ada = [d for d in DOCS if d["actor_name"] == "Ada" and d["function_id"] == CLEAN]
    science = [d for d in DOCS if d["actor_kind"] == "scientist" and d["score"]]
    assert h.per_function == (
        Duel(CLEAN, Scores(2, "nmse", 0.01, True, pytest.approx(0.105), ada[0]["id"]),
             Scores(1, "nmse", 0.02, True, 0.02, science[0]["id"]), "a"),
        Duel(NOISY, None, Scores(1, "nmse", 0.3, False, 0.3, science[1]["id"]), None))
    assert (h.functions, h.a_wins, h.b_wins, h.ties) == (1, 1, 0, 0)
    strings = head_to_head(DOCS, "claude", "scientist", "strings").per_function
    assert [(d.function_id, d.a.best, d.b.best, d.winner) for d in strings] == [
        (WORDS_A, 1.0, 1.0, "tie"), (WORDS_B, 0.5, 0.8, "b")]  # higher is better for strings


def test_by_function_says_who_scored_what_with_baselines_last():
    actors, table = by_function(DOCS, stale=lambda doc: False)
    assert actors == ["claude:claude-x", "human:Ada", "scientist", "interpolate", "random"]
    cells = {function_id: {actor: (s.best, s.success, s.sessions) for actor, s in row.items()}
             for function_id, row in table}
    assert list(cells) == [CLEAN, NOISY, WORDS_A, WORDS_B]
    assert cells[CLEAN] == {"scientist": (0.02, True, 1), "random": (0.5, False, 1),
                            "human:Ada": (0.01, True, 2)}
    assert cells[NOISY] == {"scientist": (0.3, False, 1), "interpolate": (math.inf, False, 1)}
    assert cells[WORDS_B] == {"scientist": (0.8, False, 1), "claude:claude-x": (0.5, False, 1)}


def kept(line, docs=DOCS, text=lambda doc: ""):
    wanted = parse_filter(line)
    assert not wanted.problems, wanted.problems
    return [d for d in docs if wanted.keeps(d, scoreboard.suite_complexity())
            and wanted.says(d, lambda: text(d))]


def test_the_filter_reads_key_value_terms_and_free_words():
    assert len(kept("actor:scientist")) == 7
    assert len(kept("ACTOR:Scientist status:sub")) == 4
    assert [d["actor_name"] for d in kept('actor:"human:Ada" function:f0001')] == ["Ada", "Ada"]
    assert len(kept("actor:ada")) == 3 and kept("actor:sci") == []  # a name is whole
    assert {d["domain"] for d in kept("domain:str")} == {"strings"}
    assert {d["function_id"] for d in kept("complexity:noise")} == {NOISY}
    assert len(kept("date:2026-11-02")) == 1 and len(kept("date:>2026-11-01")) == 1
    assert len(kept("date:<=2026-11")) == len(DOCS)
    assert [d["score"]["value"] for d in kept("score:<0.02")] == [0.01]
    assert len(kept("score:none")) == 5 and len(kept("score:success")) == 4
    assert {d["actor_kind"] for d in kept("score:>=0.8 domain:strings")} == {"scientist", "claude"}
    assert len(kept("claude abandoned")) == 1  # free words in the session's own fields


def test_free_words_are_searched_in_the_transcript_only_when_the_fields_lack_them():
    read = []

    def text(d):
        read.append(d["id"])
        return "a sine wave of period 9" if d["actor_kind"] == "human" else "a straight line"

    assert {d["actor_name"] for d in kept('"sine wave"', text=text)} == {"Ada"}
    assert len(read) == len(DOCS)
    read.clear()
    assert len(kept("scientist", text=text)) == 7  # the scientist's own were never read
    assert read == [d["id"] for d in DOCS if d["actor_kind"] != "scientist"]


def test_what_the_filter_cannot_read_is_told_not_raised():
    problems = parse_filter('actr:x score:abc pure:maybe "open quote').problems
    assert problems == (
        "actr: is not a filter key (id, function, actor, status, domain, complexity, date, "
        "score, pure); searched as text",
        "score:abc: give none, success, fail or a comparison such as score:<0.1",
        "pure:maybe: give yes or no")
    assert parse_filter('"open quote').words == ("open", "quote")


def test_a_rows_filter_finds_exactly_its_sessions():
    mixed = {**doc("scientist", CLEAN, 0.5, False, seconds=3),
             "provenance": {"pure": False, "label": "", "mixed": ["takeover", "steered"]}}
    docs = [*DOCS, mixed]
    for row in rows(docs, stale=lambda doc: False):
        line = filter_for(row)
        found = [d for d in kept(line, docs) if d["status"] != "running"]
        assert len(found) == row.sessions, line
    row = next(r for r in rows(docs) if r.mixed)
    assert filter_for(row) == 'actor:"scientist (human takeover, steered)" domain:numeric'
    assert filter_for(rows(docs)[1]) == "actor:human:Ada pure:yes domain:numeric complexity:clean"
