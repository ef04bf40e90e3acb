"""The scoreboard: how each actor scores, per domain and complexity, from the session index.

Everything here is a pure function of the index documents (`Store.list()`), so it can be
tested on hand-written documents. The `random` and `interpolate` baselines are reference rows:
they show how much of a score a lookup table gets without understanding anything.

An actor is credited only with pure sessions, the ones it did alone (see
`LabState.provenance`). A session with a takeover, a steer, a revealed answer or a fork gets
a row of its own, named for what went into it, and a session that ran against an earlier
version of its function counts nowhere; `set_aside` says how many of each there are.
"""

from __future__ import annotations

import calendar
import math
import statistics
import time
from dataclasses import dataclass
from typing import Callable, Iterable

from find_lab import domains
from find_lab.actors import names as registered_actors
from find_lab.suite import Suite, SuiteError

ALL = "all"                 # the complexity of a row that pools every complexity
OWN = "own"                 # the complexity of a function that is not in the suite
NOT_JUDGED = "not judged"   # no judge has read these descriptions: say so, invent no number
QUALIFIERS = {"human": "actor_name", "claude": "model"}  # what tells two such actors apart
MIXED = {"takeover": "human takeover", "steered": "steered", "revealed": "answer revealed",
         "fork": "fork"}  # why a session is not an actor's own, as its row says
STALE = "ran against an earlier version of its function"


@dataclass(frozen=True)
class Row:
    """One actor's sessions in one domain and complexity (or `all` complexities).

    Score columns (success_rate, median_value, median_local_nmse, median_seconds) count only
    finished sessions with a score and are None when there is none; tokens and cost count
    every session that reported usage, since spent tokens are spent either way.
    """

    actor: str
    actor_kind: str
    baseline: bool
    mixed: bool          # sessions more than one actor (or a revealed answer) went into
    domain: str
    complexity: str
    metric: str | None
    sessions: int        # scored + unscored + abandoned + interrupted (running ones are left out)
    scored: int
    unscored: int        # ended without a score: unscored target, budget exhausted, crashed
    abandoned: int
    interrupted: int
    success_rate: float | None
    median_value: float | None       # medians: one failed submission (NMSE inf) or one
    median_local_nmse: float | None  # outlier must not stand for an actor's sessions
    median_seconds: float | None
    tokens: int | None
    cost_usd: float | None
    judged: str = NOT_JUDGED


@dataclass(frozen=True)
class HeadToHead:
    """Two actors on the functions both have a scored session for."""

    a: str
    b: str
    domain: str | None
    a_sessions: int      # scored sessions of each, before restricting to common functions
    b_sessions: int
    functions: int
    a_success_rate: float | None
    b_success_rate: float | None
    a_wins: int
    b_wins: int
    ties: int


# --- who and what ---------------------------------------------------------------------------
def actor_of(doc: dict) -> str:
    """The row a session counts for: its actor (kind, plus the player's name or Claude's
    model) when it is pure, else that actor with what else went into the session."""
    kind = doc.get("actor_kind") or "?"
    qualifier = doc.get(QUALIFIERS.get(kind, ""))
    name = f"{kind}:{qualifier}" if qualifier and qualifier != kind else kind
    mixed = _mixed(doc)
    return f"{name} ({', '.join(MIXED.get(reason, reason) for reason in mixed)})" if mixed else name


def _mixed(doc: dict) -> list[str]:
    provenance = doc.get("provenance")
    return list(provenance.get("mixed") or []) if isinstance(provenance, dict) else []


def is_pure(doc: dict) -> bool:
    return not _mixed(doc)


def stale_checker(suite: Suite | None = None) -> Callable[[dict], bool]:
    """doc -> whether it ran against another version of its function than the suite holds
    now (by the spec hash its session_start pinned); unpinned and user functions are not."""
    cache: dict[str, str | None] = {}

    def stale(doc: dict) -> bool:
        nonlocal suite
        source = doc.get("source")
        if not isinstance(source, dict) or not source.get("spec_hash"):
            return False
        function_id = doc.get("function_id") or ""
        if function_id not in cache:
            suite = suite or Suite()
            try:
                cache[function_id] = suite.source(function_id)["spec_hash"]
            except SuiteError:
                cache[function_id] = None
        return cache[function_id] is not None and cache[function_id] != source["spec_hash"]

    return stale


def stale_note(doc: dict, stale: Callable[[dict], bool] | None = None) -> str | None:
    """What a reader of this session should be told if it ran against an earlier version of
    its function (it still replays from its own events), else None."""
    if (stale or stale_checker())(doc):
        return f"this session ran against an earlier {doc.get('function_id')}"
    return None


def set_aside(docs: Iterable[dict], stale: Callable[[dict], bool] | None = None) -> dict[str, int]:
    """How many finished sessions are not credited to an actor's own row, by reason (a session
    can have several)."""
    stale = stale or stale_checker()
    counts: dict[str, int] = {}
    for doc in docs:
        if doc.get("status") == "running":
            continue
        for reason in ([STALE] if stale(doc) else [MIXED.get(r, r) for r in _mixed(doc)]):
            counts[reason] = counts.get(reason, 0) + 1
    return counts


def describe_set_aside(counts: dict[str, int]) -> str:
    """One line for the scoreboard's foot."""
    if not counts:
        return "every session is credited to the actor that ran it"
    parts = [f"{n} with {reason}" if reason in MIXED.values() else f"{n} that {reason}"
             for reason, n in sorted(counts.items(), key=lambda item: -item[1])]
    return "not credited to an actor alone: " + "; ".join(parts)


def matches(doc: dict, actor: str) -> bool:
    """`actor` names one actor (`human:Ada`) or pools a whole kind (`human`)."""
    return actor in (doc.get("actor_kind"), actor_of(doc))


def actors(docs: Iterable[dict]) -> list[str]:
    """Every actor and every kind with sessions of its own, for choosing a head-to-head pair."""
    names = set()
    for doc in docs:
        if is_pure(doc):
            names.update((doc.get("actor_kind") or "?", actor_of(doc)))
    return sorted(names)


def suite_complexity(suite: Suite | None = None) -> Callable[[str], str]:
    """function_id -> the suite's complexity tag, or `own` for a user's function; memoised,
    and the suite is only loaded if some document lacks its complexity."""
    cache: dict[str, str] = {}

    def lookup(function_id: str) -> str:
        nonlocal suite
        if function_id not in cache:
            suite = suite or Suite()
            try:
                cache[function_id] = suite.get(function_id)["complexity"]
            except SuiteError:
                cache[function_id] = OWN
        return cache[function_id]

    return lookup


def is_scored(doc: dict) -> bool:
    return doc.get("status") != "running" and isinstance(doc.get("score"), dict)


# --- the table ------------------------------------------------------------------------------
def rows(docs: Iterable[dict], complexity_of: Callable[[str], str] | None = None,
         stale: Callable[[dict], bool] | None = None) -> list[Row]:
    """Rows per actor x domain x complexity and per actor x domain (complexity `all`):
    actors' own sessions first, then mixed ones, then the baselines, within each domain.
    Sessions run against an earlier version of their function are left out."""
    complexity_of = complexity_of or suite_complexity()
    stale = stale or stale_checker()
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for doc in docs:
        if doc.get("status") == "running" or stale(doc):
            continue
        domain = doc.get("domain") or "?"
        complexity = doc.get("complexity") or complexity_of(doc.get("function_id") or "")
        for tag in (ALL, complexity):
            groups.setdefault((actor_of(doc), domain, tag), []).append(doc)
    return sorted((_row(*key, group) for key, group in groups.items()), key=_order)


def from_store(store) -> list[Row]:
    """The scoreboard of every session in a Store."""
    return rows(store.list())


def _row(actor: str, domain: str, complexity: str, docs: list[dict]) -> Row:
    scored = [doc for doc in docs if is_scored(doc)]
    statuses = [doc.get("status") for doc in docs if not is_scored(doc)]
    kind = docs[0].get("actor_kind") or "?"
    known = domains.find(domain)
    metric = scored[0]["score"].get("metric") if scored else (known.metric if known else None)
    return Row(
        actor=actor, actor_kind=kind, baseline=kind in registered_actors(baseline=True),
        mixed=not is_pure(docs[0]),
        domain=domain,
        complexity=complexity, metric=metric, sessions=len(docs), scored=len(scored),
        unscored=sum(status not in ("abandoned", "interrupted") for status in statuses),
        abandoned=statuses.count("abandoned"), interrupted=statuses.count("interrupted"),
        success_rate=_mean([bool(doc["score"].get("success")) for doc in scored]),
        median_value=_median(_numbers(doc["score"].get("value") for doc in scored)),
        median_local_nmse=_median(_numbers(doc["score"].get("local_nmse") for doc in scored)),
        median_seconds=_median(_numbers(_seconds(doc) for doc in scored)),
        tokens=_usage_total(docs, _tokens), cost_usd=_usage_total(docs, _cost),
        judged=_judged(docs))


def _judged(docs: list[dict]) -> str:
    """Mean description-judge score over the judged sessions, and how many; "not judged"
    when none was (an offline lab has no judge, and no number is invented)."""
    scores = _numbers((doc.get("judge") or {}).get("score") for doc in docs)
    return f"{statistics.fmean(scores):.2f} ({len(scores)})" if scores else NOT_JUDGED


def _order(row: Row) -> tuple:
    """Domains in registration order; within one, actors then baselines; `all` before its parts."""
    order = domains.names()
    domain = order.index(row.domain) if row.domain in order else len(order)
    known = domains.find(row.domain)
    tags = (ALL, *(known.complexities if known else ()), OWN)
    complexity = tags.index(row.complexity) if row.complexity in tags else len(tags)
    return domain, row.domain, row.baseline, row.mixed, row.actor, complexity, row.complexity


def _numbers(values: Iterable) -> list[float]:
    """The numeric values (an infinite NMSE included), without the missing ones."""
    return [float(v) for v in values
            if isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v)]


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _seconds(doc: dict) -> float | None:
    """Wall time from the index's start and end stamps (whole seconds), None if unknown."""
    try:
        start, end = (calendar.timegm(time.strptime(doc[key], "%Y-%m-%dT%H:%M:%SZ"))
                      for key in ("started", "finished"))
    except (KeyError, TypeError, ValueError):
        return None
    return float(end - start)


def _tokens(usage: dict) -> int:
    """Every token count the API reported: input, output and cache tokens alike."""
    return sum(int(value) for key, value in usage.items() if key.endswith("_tokens"))


def _cost(usage: dict) -> float:
    return float(usage.get("cost_usd", 0.0))


def _usage_total(docs: list[dict], part: Callable[[dict], float]):
    """Sum over the sessions that reported usage; None when none did (offline actors)."""
    usages = [doc["usage"] for doc in docs if isinstance(doc.get("usage"), dict) and doc["usage"]]
    return sum(part(usage) for usage in usages) if usages else None


# --- head to head ---------------------------------------------------------------------------
def head_to_head(docs: Iterable[dict], a: str, b: str, domain: str | None = None) -> HeadToHead:
    """Compare `a` and `b` (actor or kind, see `matches`) on the functions both scored, in
    sessions each did alone.

    Each side counts its *best* scored session per function, not its latest: the question is
    whether the actor can explain the function at all, and the best does not depend on the
    order sessions were run or listed. A win is a strictly better score value (lower NMSE,
    higher match or correlation); equal values tie.
    """
    scored = [doc for doc in docs if is_scored(doc) and is_pure(doc)
              and domain in (None, doc.get("domain"))]
    best_a = _best_per_function(doc for doc in scored if matches(doc, a))
    best_b = _best_per_function(doc for doc in scored if matches(doc, b))
    common = sorted(best_a.keys() & best_b.keys())
    goodness = [(_goodness(best_a[f]), _goodness(best_b[f])) for f in common]
    return HeadToHead(
        a=a, b=b, domain=domain,
        a_sessions=sum(matches(doc, a) for doc in scored),
        b_sessions=sum(matches(doc, b) for doc in scored),
        functions=len(common),
        a_success_rate=_mean([bool(best_a[f]["score"].get("success")) for f in common]),
        b_success_rate=_mean([bool(best_b[f]["score"].get("success")) for f in common]),
        a_wins=sum(x > y for x, y in goodness), b_wins=sum(x < y for x, y in goodness),
        ties=sum(x == y for x, y in goodness))


def _best_per_function(docs: Iterable[dict]) -> dict[str, dict]:
    best: dict[str, dict] = {}
    for doc in docs:
        function_id = doc.get("function_id") or ""
        if function_id not in best or _goodness(doc) > _goodness(best[function_id]):
            best[function_id] = doc
    return best


def _goodness(doc: dict) -> float:
    """Higher is better whatever the metric; a missing value is the worst."""
    score = doc["score"]
    values = _numbers([score.get("value")])
    if not values:
        return -math.inf
    return -values[0] if _lower_is_better(score.get("metric")) else values[0]


def _lower_is_better(metric: str | None) -> bool:
    return any(domains.get(name).metric == metric and domains.get(name).lower_is_better
               for name in domains.names())
