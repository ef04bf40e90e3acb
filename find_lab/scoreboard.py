"""The scoreboard: how each actor scores, per domain and complexity, from the session index.

Everything here is a pure function of the index documents (`Store.list()`), so it can be
tested on hand-written documents. The `random` and `interpolate` baselines are reference rows:
they show how much of a score a lookup table gets without understanding anything.

An actor is credited only with pure sessions, the ones it did alone (see
`LabState.provenance`). A session with a takeover, a steer, a revealed answer or a fork gets
a row of its own, named for what went into it, and a session that ran against an earlier
version of its function counts nowhere; `set_aside` says how many of each there are.

Beyond the table: who scored what on each function (`by_function`), two actors function by
function (`head_to_head`), and the filter a session browser reads (`parse_filter`,
`SessionFilter.keeps`, `says`).
"""

from __future__ import annotations

import math
import operator
import re
import shlex
import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterable

from find_lab import domains
from find_lab.actors import names as registered_actors
from find_lab.suite import Suite, SuiteError, imported

ALL = "all"                 # the complexity of a row that pools every complexity
OWN = "own"                 # the complexity of a function that is not in the suite
NOT_JUDGED = "not judged"   # no judge has read these descriptions: say so, invent no number
QUALIFIERS = {"human": "actor_name", "claude": "model"}  # what tells two such actors apart
MIXED = {"takeover": "human takeover", "steered": "steered", "revealed": "answer revealed",
         "fork": "fork", "resumed": "resumed"}  # why a session is not an actor's own, as its row says
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
class Scores:
    """One actor's scored sessions on one function."""

    sessions: int
    metric: str | None
    best: float | None     # the best session's value (lower NMSE, higher match), None if none
    success: bool          # whether the best session succeeded
    median: float | None
    best_id: str           # the best session


@dataclass(frozen=True)
class Duel:
    """Two actors on one function: each one's scores (None: no scored session of its own)
    and who wins, "a", "b" or "tie" (None unless both scored it)."""

    function_id: str
    a: Scores | None
    b: Scores | None
    winner: str | None


@dataclass(frozen=True)
class HeadToHead:
    """Two actors on the functions both have a scored session for; `per_function` has every
    function either scored, those both scored deciding the wins."""

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
    per_function: tuple[Duel, ...] = field(default=(), compare=False)


# --- who and what ---------------------------------------------------------------------------
def actor_of(doc: dict) -> str:
    """The row a session counts for: its actor (kind, plus the player's name or Claude's
    model) when it is pure, else that actor with what else went into the session."""
    name = qualified(doc)
    mixed = _mixed(doc)
    return f"{name} ({', '.join(MIXED.get(reason, reason) for reason in mixed)})" if mixed else name


def qualified(doc: dict) -> str:
    """The actor's kind, plus the player's name or Claude's model."""
    kind = doc.get("actor_kind") or "?"
    qualifier = doc.get(QUALIFIERS.get(kind, ""))
    return f"{kind}:{qualifier}" if qualifier and qualifier != kind else kind


def _mixed(doc: dict) -> list[str]:
    provenance = doc.get("provenance")
    return list(provenance.get("mixed") or []) if isinstance(provenance, dict) else []


def is_pure(doc: dict) -> bool:
    return not _mixed(doc)


def stale_checker(suite: Suite | None = None) -> Callable[[dict], bool]:
    """doc -> whether it ran against another version of its function than the suite holds
    now (by the spec hash its session_start pinned); unpinned and user functions are not. A
    session of an imported suite (FIND's dataset) is checked against that suite as it is now."""
    cache: dict[tuple[str, str], str | None] = {}
    chosen = _SuiteOf(suite)

    def stale(doc: dict) -> bool:
        source = doc.get("source")
        if not isinstance(source, dict) or not source.get("spec_hash"):
            return False
        function_id = doc.get("function_id") or ""
        key = (str(source.get("name")), function_id)
        if key not in cache:
            try:
                cache[key] = chosen(source.get("name")).source(function_id)["spec_hash"]
            except SuiteError:
                cache[key] = None
        return cache[key] is not None and cache[key] != source["spec_hash"]

    return stale


class _SuiteOf:
    """The suite a session names: the given (or default) one, unless it names an imported
    suite; each loaded once."""

    def __init__(self, suite: Suite | None):
        self.suite, self.others = suite, {}

    def __call__(self, name: str | None) -> Suite:
        self.suite = self.suite or Suite()
        own = self.suite.manifest.get("name", "builtin")
        if not name or name == own or name not in imported():
            return self.suite
        if name not in self.others:
            self.others[name] = Suite(name)
        return self.others[name]


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

    held: list[Suite] = []

    def lookup(function_id: str) -> str:
        if function_id not in cache:
            if not held:  # the given suite, then the imported ones (FIND's ids are theirs)
                held.extend([suite or Suite()] + [Suite(name) for name in imported()])
            cache[function_id] = OWN
            for one in held:
                try:
                    cache[function_id] = one.get(function_id)["complexity"]
                    break
                except SuiteError:
                    continue
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
        median_seconds=_median(_numbers(seconds(doc) for doc in scored)),
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


def seconds(doc: dict) -> float | None:
    """How long the session ran by its events' own clock (paused spans left out: the store's
    `seconds`), None if unknown. Never from the start and end dates: a copied log's are not
    its own."""
    known = _numbers([doc.get("seconds")])
    return known[0] if known else None


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
    side_a = _per_function(doc for doc in scored if matches(doc, a))
    side_b = _per_function(doc for doc in scored if matches(doc, b))
    duels = tuple(_duel(function_id, side_a.get(function_id), side_b.get(function_id))
                  for function_id in sorted(side_a.keys() | side_b.keys()))
    common = [duel for duel in duels if duel.winner]
    return HeadToHead(
        a=a, b=b, domain=domain,
        a_sessions=sum(matches(doc, a) for doc in scored),
        b_sessions=sum(matches(doc, b) for doc in scored),
        functions=len(common),
        a_success_rate=_mean([duel.a.success for duel in common]),
        b_success_rate=_mean([duel.b.success for duel in common]),
        a_wins=sum(duel.winner == "a" for duel in common),
        b_wins=sum(duel.winner == "b" for duel in common),
        ties=sum(duel.winner == "tie" for duel in common), per_function=duels)


def _duel(function_id: str, a: Scores | None, b: Scores | None) -> Duel:
    winner = None
    if a and b:
        x, y = _goodness_of(a.best, a.metric), _goodness_of(b.best, b.metric)
        winner = "a" if x > y else "b" if x < y else "tie"
    return Duel(function_id, a, b, winner)


def by_function(docs: Iterable[dict], stale: Callable[[dict], bool] | None = None
                ) -> tuple[list[str], list[tuple[str, dict[str, Scores]]]]:
    """Who scored what on each function: the actors (named as the table's rows are, in its
    order: actors' own sessions, mixed ones, baselines) and, per function, each actor's
    Scores. Sessions run against an earlier version of their function are left out."""
    stale = stale or stale_checker()
    groups: dict[str, dict[str, list[dict]]] = {}
    for doc in docs:
        if is_scored(doc) and not stale(doc):
            per_actor = groups.setdefault(doc.get("function_id") or "", {})
            per_actor.setdefault(actor_of(doc), []).append(doc)
    baselines = registered_actors(baseline=True)
    kinds = {actor_of(doc): (doc.get("actor_kind") in baselines, not is_pure(doc))
             for per_actor in groups.values() for group in per_actor.values() for doc in group[:1]}
    names = sorted(kinds, key=lambda name: (*kinds[name], name))
    table = [(function_id, {name: _scores(group) for name, group in per_actor.items()})
             for function_id, per_actor in sorted(groups.items())]
    return names, table


def _per_function(docs: Iterable[dict]) -> dict[str, Scores]:
    groups: dict[str, list[dict]] = {}
    for doc in docs:
        groups.setdefault(doc.get("function_id") or "", []).append(doc)
    return {function_id: _scores(group) for function_id, group in groups.items()}


def _scores(docs: list[dict]) -> Scores:
    """The scores of scored sessions on one function; the best is the first of the best."""
    best = max(docs, key=goodness)
    values = _numbers(doc["score"].get("value") for doc in docs)
    value = _numbers([best["score"].get("value")])
    return Scores(sessions=len(docs), metric=best["score"].get("metric"),
                  best=value[0] if value else None,
                  success=bool(best["score"].get("success")), median=_median(values),
                  best_id=best.get("id") or "")


def goodness(doc: dict) -> float:
    """Higher is better whatever the metric; a missing value is the worst."""
    return _goodness_of(doc["score"].get("value"), doc["score"].get("metric"))


def _goodness_of(value, metric: str | None) -> float:
    values = _numbers([value])
    if not values:
        return -math.inf
    return -values[0] if _lower_is_better(metric) else values[0]


def _lower_is_better(metric: str | None) -> bool:
    return any(domains.get(name).metric == metric and domains.get(name).lower_is_better
               for name in domains.names())


# --- finding sessions -----------------------------------------------------------------------
FILTER_KEYS = ("id", "function", "actor", "status", "domain", "complexity", "date", "score",
               "pure")
COMPARISONS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
               "=": operator.eq}
YES, NO = ("yes", "true", "y", "1"), ("no", "false", "n", "0")
SCORE_WORDS = ("none", "success", "fail")
PLAIN = re.compile(r"[\w:/.<>=+-]+")  # a filter value that needs no quotes


@dataclass(frozen=True)
class SessionFilter:
    """A session browser's filter line: `key:value` terms, all of which a session must meet
    (`keeps`), and free words, each of which it must say somewhere (`says`).

    id and function match a part (`function:f0003`); actor the kind, the name, the model or
    the table's row name, whole (`actor:human`, `actor:"human:Ada"`); status, domain and
    complexity a beginning; date a beginning or a comparison (`date:2026-11`,
    `date:>=2026-11-28`); score `none`, `success`, `fail` or a comparison of the value
    (`score:<0.1`); pure yes or no. Values are case-blind; quotes keep spaces in one.
    """

    terms: tuple[tuple[str, str], ...] = ()
    words: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()   # what was not understood, one line each

    def keeps(self, doc: dict, complexity_of: Callable[[str], str] | None = None) -> bool:
        return all(_keeps(doc, key, value, complexity_of) for key, value in self.terms)

    def says(self, doc: dict, text: Callable[[], str]) -> bool:
        """Every free word is in the session's own fields (id, function, actor, status) or in
        `text()`, its transcript's words (read only if a field does not have them)."""
        fields = " ".join((doc.get("id") or "", doc.get("function_id") or "", actor_of(doc),
                           doc.get("status") or "")).casefold()
        missing = [word for word in self.words if word not in fields]
        if not missing:
            return True
        written = text()
        return all(word in written for word in missing)


def parse_filter(line: str) -> SessionFilter:
    """The filter a line asks for; what it cannot read is told in `problems`, never raised."""
    try:
        tokens = shlex.split(line)
    except ValueError:  # an unclosed quote, mid-typing: read the words as they stand
        tokens = line.replace('"', " ").replace("'", " ").split()
    terms, words, problems = [], [], []
    for token in tokens:
        key, colon, value = token.partition(":")
        key, value = key.casefold(), value.casefold()
        if colon and key in FILTER_KEYS:
            problem = _term_problem(key, value)
            if problem:
                problems.append(problem)
            elif value:
                terms.append((key, value))
            continue
        if colon and key.isalpha() and value:
            problems.append(f"{key}: is not a filter key ({', '.join(FILTER_KEYS)}); "
                            "searched as text")
        words.append(token.casefold())
    return SessionFilter(tuple(terms), tuple(words), tuple(problems))


def filter_for(row: Row) -> str:
    """The filter line that finds a table row's sessions (its actor alone, or with what else
    went into them, in its domain and complexity)."""
    terms = [f"actor:{quoted(row.actor)}", *([] if row.mixed else ["pure:yes"]),
             f"domain:{quoted(row.domain)}"]
    if row.complexity != ALL:
        terms.append(f"complexity:{quoted(row.complexity)}")
    return " ".join(terms)


def quoted(value: str) -> str:
    """`value` as one term of a filter line: in double quotes if it has a space or a quote."""
    if PLAIN.fullmatch(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _term_problem(key: str, value: str) -> str | None:
    if key == "score" and value and value not in SCORE_WORDS:
        if _number_or_none(_comparison(value)[1]) is None:
            return f"score:{value}: give none, success, fail or a comparison such as score:<0.1"
    if key == "pure" and value and value not in YES + NO:
        return f"pure:{value}: give yes or no"
    return None


def _keeps(doc: dict, key: str, value: str, complexity_of: Callable[[str], str] | None) -> bool:
    function_id = doc.get("function_id") or ""
    if key == "id":
        return value in (doc.get("id") or "").casefold()
    if key == "function":
        return value in function_id.casefold()
    if key == "actor":
        names = (doc.get("actor_kind"), doc.get("actor_name"), doc.get("model"), qualified(doc),
                 actor_of(doc))
        return value in {name.casefold() for name in names if name}
    if key == "complexity":
        complexity = doc.get("complexity") or (complexity_of or suite_complexity())(function_id)
        return complexity.casefold().startswith(value)
    if key == "date":
        op, wanted = _comparison(value)
        started = (doc.get("started") or "").casefold()
        return started.startswith(wanted) if op is None else \
            COMPARISONS[op](started[:len(wanted)], wanted)
    if key == "score":
        return _score_keeps(doc, value)
    if key == "pure":
        return is_pure(doc) == (value in YES)
    return (doc.get(key) or "").casefold().startswith(value)  # status, domain


def _score_keeps(doc: dict, value: str) -> bool:
    if value == "none":
        return not is_scored(doc)
    if not is_scored(doc):
        return False
    if value in ("success", "fail"):
        return bool(doc["score"].get("success")) == (value == "success")
    op, number = _comparison(value)
    scored = _numbers([doc["score"].get("value")])
    return bool(scored) and COMPARISONS[op or "="](scored[0], _number_or_none(number))


def _comparison(value: str) -> tuple[str | None, str]:
    """(">=", "0.1") from ">=0.1"; (None, value) when it starts with no comparison."""
    op = next((op for op in COMPARISONS if value.startswith(op)), None)
    return op, value[len(op):] if op else value


def _number_or_none(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number
