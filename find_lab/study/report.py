"""A study's report: each participant, all humans pooled and each agent, then each human group
against each agent paired on functions, and a table of every function.

What counts: a participant's or agent's own session on one of the plan's functions, under this
plan (its hash), that ended in any way but `interrupted` (a session ended without a successful
score, given up or out of time, is a failure). Practice sessions, sessions under another
version of the plan, unfinished ones and a repeat of a function its actor had finished (the
first finished session counts) are not counted, and how many of each is said. A session
someone else's work went into (a fork, a resume, a takeover, a steer) or whose answer its
participant saw is marked as the scoreboard marks it, gets a row of its own and stays out of
the pooled figures and the comparisons: never merged silently.

A group's success on a function, when several of its participants did it, is the mean of
their successes there; rates, intervals and paired differences are taken over functions of
those means. McNemar's test needs one yes or no per function: a group succeeded on a function
when more than half of its participants who did it succeeded.
"""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence
from xml.sax.saxutils import escape

from find_lab.english import count
from find_lab.scoreboard import MIXED, seconds as active_seconds
from find_lab.study import stats
from find_lab.tui.components.braille import Canvas  # numpy only: no Textual is loaded

if TYPE_CHECKING:
    from find_lab.study.plan import Plan

HUMANS = "all humans"      # the group of all participants (no participant id has a space)
UNFINISHED = ("running", "interrupted")
# why a session is not counted, each read after "N sessions"
NOT_COUNTED = {"study": "tagged for another study",
               "plan": "under another version of the plan",
               "practice": "of practice",
               "function": "on a function not in the plan",
               "unfinished": "not finished (running, or interrupted and to be resumed)",
               "repeat": "repeating a function its actor had finished (the first counts)"}
METHOD = (
    "counted: each participant's and agent's own finished sessions under this plan, the first "
    "on each function, practice left out; one ended without a successful score is a failure",
    "a group's success on a function is the mean over its participants who did it; McNemar's "
    "test counts the group as succeeding where more than half of them did",
    "95% intervals: percentile bootstrap over functions (paired for differences), "
    f"{stats.RESAMPLES:,} resamples, seeded with the plan's seed",
    "McNemar: exact two-sided binomial on the discordant functions; time and probes: exact "
    "sign test on the per-function medians, ties dropped",
    "times are active seconds (pauses left out); medians are over sessions",
)
CSV_FIELDS = ("session_id", "study", "plan", "who", "kind", "seed", "position", "function_id",
              "status", "success", "metric", "value", "seconds", "probes", "local_nmse",
              "judge", "counted")
BAR_CELLS = 40             # width of a terminal bar, in characters
WIDTH = 100                # the terminal report's prose is wrapped to this


@dataclass(frozen=True)
class Entry:
    """One session as the report reads it. `note` is why it is not counted (a NOT_COUNTED
    key, "" when it is); `mark` what else went into it, as the scoreboard words it."""

    session_id: str
    study: str               # the study and plan its tag names
    plan: str
    who: str                 # the participant's id or the agent's name
    kind: str                # "participant" or "agent"
    seed: int | None         # an agent's seed
    position: int | None
    function_id: str
    status: str
    started: str
    success: bool
    metric: str | None
    value: float | None
    seconds: float | None
    probes: int
    local_nmse: float | None
    judge: float | None
    note: str = ""
    mark: str = ""

    @property
    def counted(self) -> bool:
        return not self.note and not self.mark

    @property
    def row(self) -> str:
        """The row it counts in: its actor, or its actor with what else went into it."""
        return f"{self.who} ({self.mark})" if self.mark else self.who


@dataclass(frozen=True)
class Summary:
    """One participant, the pooled humans, one agent, or a row of marked sessions."""

    name: str
    kind: str                # "participant", "humans", "agent" or "marked"
    sessions: int
    functions: int
    success_rate: float | None
    ci: tuple[float, float] | None
    median_seconds: float | None
    median_probes: float | None
    median_local_nmse: float | None
    judge: float | None      # mean judge score over the judged sessions
    judged: int


@dataclass(frozen=True)
class Comparison:
    """A human group against an agent on the functions both did (difference: group - agent)."""

    group: str
    agent: str
    functions: int
    group_rate: float | None
    agent_rate: float | None
    difference: float | None
    ci: tuple[float, float] | None
    mcnemar: stats.McNemar | None   # b: only the group succeeded, c: only the agent
    seconds: stats.SignTest | None  # above: the group took longer
    probes: stats.SignTest | None   # above: the group probed more (None: no function paired)


@dataclass(frozen=True)
class Cell:
    successes: int
    sessions: int


@dataclass(frozen=True)
class FunctionRow:
    function_id: str
    cells: dict[str, Cell]   # participants, humans and agents: None-free, absent if not done


@dataclass(frozen=True)
class Report:
    name: str
    plan_hash: str
    seed: int
    functions: tuple[str, ...]
    practice: str | None
    participants: tuple[str, ...]
    agents: tuple[str, ...]
    summaries: tuple[Summary, ...]
    comparisons: tuple[Comparison, ...]
    per_function: tuple[FunctionRow, ...]
    entries: tuple[Entry, ...]         # every session given, counted or not
    not_counted: dict[str, int]        # NOT_COUNTED key -> sessions

    @property
    def columns(self) -> list[str]:
        """The per-function table's columns."""
        return [*self.participants, HUMANS, *self.agents]

    @property
    def marked(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.mark and not entry.note]

    @property
    def has_local(self) -> bool:
        return any(s.median_local_nmse is not None for s in self.summaries)

    def summary(self, name: str) -> Summary:
        return next(s for s in self.summaries if s.name == name)

    def comparison(self, group: str, agent: str) -> Comparison:
        return next(c for c in self.comparisons if (c.group, c.agent) == (group, agent))

    def text(self) -> str:
        return "\n".join(_text(self)) + "\n"

    def json(self) -> str:
        data = {"study": {"name": self.name, "plan": self.plan_hash, "seed": self.seed,
                          "functions": list(self.functions), "practice": self.practice,
                          "participants": list(self.participants), "agents": list(self.agents)},
                "method": list(METHOD),
                "summaries": [asdict(s) for s in self.summaries],
                "comparisons": [asdict(c) for c in self.comparisons],
                "per_function": [asdict(row) for row in self.per_function],
                "sessions": [{**asdict(e), "counted": e.counted} for e in self.entries],
                "not_counted": [{"reason": key, "why": NOT_COUNTED[key], "sessions": n}
                                for key, n in self.not_counted.items()]}
        return json.dumps(_finite(data), indent=2) + "\n"

    def csv(self) -> str:
        """One row per session given, counted or not (`counted`: yes, or why not): the tidy
        table every figure of the report can be computed again from."""
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for e in self.entries:
            writer.writerow({**{key: getattr(e, key) for key in CSV_FIELDS[:-1]},
                "success": "yes" if e.success else "no",
                "counted": "yes" if e.counted else NOT_COUNTED.get(e.note) or e.mark})
        return out.getvalue()

    def markdown(self) -> str:
        return "\n".join(_markdown(self)) + "\n"


# --- building -------------------------------------------------------------------------------
def build(plan: Plan, session_docs: Iterable[dict]) -> Report:
    """The report of `plan` from its sessions (store index documents with their `study`
    tag, as find_lab.study.progress.sessions gives them, or with their `events`)."""
    docs = list(session_docs)
    entries = _repeats([_own_resume(_entry(plan, doc), doc, docs) for doc in docs])
    counted = [e for e in entries if e.counted]
    agents = _names(plan.agents, (e.who for e in entries if e.kind == "agent" and not e.note))
    ids = _names(plan.roster, (e.who for e in entries if e.kind == "participant" and not e.note))
    # a participant named like an agent gets a column of its own
    labels = {f"participant {p}" if p in agents else p: p for p in ids}
    participants = tuple(labels)
    sides = {**{label: [e for e in counted if e.kind == "participant" and e.who == p]
                for label, p in labels.items()},
             HUMANS: [e for e in counted if e.kind == "participant"],
             **{a: [e for e in counted if e.kind == "agent" and e.who == a] for a in agents}}
    kinds = {**{p: "participant" for p in participants}, HUMANS: "humans",
             **{a: "agent" for a in agents}}
    marked: dict[str, list[Entry]] = {}
    for e in entries:
        if e.mark and not e.note:
            marked.setdefault(e.row, []).append(e)
    summaries = [_summary(name, kinds[name], side, plan.seed) for name, side in sides.items()]
    summaries += [_summary(name, "marked", side, plan.seed) for name, side in marked.items()]
    comparisons = [_compare(group, sides[group], agent, sides[agent], plan.functions, plan.seed)
                   for group in (*participants, HUMANS) for agent in agents]
    per_function = [FunctionRow(f, {name: Cell(sum(e.success for e in on), len(on))
                                    for name, side in sides.items()
                                    if (on := [e for e in side if e.function_id == f])})
                    for f in plan.functions]
    not_counted: dict[str, int] = {}
    for e in entries:
        if e.note:
            not_counted[e.note] = not_counted.get(e.note, 0) + 1
    return Report(plan.name, plan.hash, plan.seed, tuple(plan.functions), plan.practice,
                  participants, agents, tuple(summaries), tuple(comparisons),
                  tuple(per_function), tuple(entries), not_counted)


def _entry(plan: Plan, doc: dict) -> Entry:
    tag = _tag(doc)
    participant, agent = tag.get("participant"), tag.get("agent")
    score = doc.get("score") if isinstance(doc.get("score"), dict) else {}
    judge = doc.get("judge") if isinstance(doc.get("judge"), dict) else {}
    status = doc.get("status") or "running"
    function_id = doc.get("function_id") or ""
    position = tag.get("position")
    if tag.get("name") != plan.name:
        note = "study"
    elif tag.get("plan") != plan.hash:
        note = "plan"
    elif tag.get("practice") or (participant is not None and position == 0):
        note = "practice"
    elif function_id not in plan.functions:
        note = "function"
    else:
        note = "unfinished" if status in UNFINISHED else ""
    provenance = doc.get("provenance") if isinstance(doc.get("provenance"), dict) else {}
    mark = ", ".join(MIXED.get(reason, reason) for reason in provenance.get("mixed") or ())
    return Entry(
        session_id=doc.get("id") or "", study=str(tag.get("name") or ""),
        plan=str(tag.get("plan") or ""), who=str(participant if participant is not None
                                                 else agent or doc.get("actor_kind") or "?"),
        kind="participant" if participant is not None else "agent",
        seed=tag.get("seed"), position=position if isinstance(position, int) else None,
        function_id=function_id, status=status, started=doc.get("started") or "",
        success=bool(score.get("success")), metric=score.get("metric"),
        value=_number(score.get("value")), seconds=active_seconds(doc),
        probes=int(doc.get("probes") or 0), local_nmse=_number(score.get("local_nmse")),
        judge=_number(judge.get("score")), note=note, mark=mark)


def _own_resume(entry: Entry, doc: dict, docs: list[dict]) -> Entry:
    """A participant's session resuming their own interrupted session at the same position
    (after a crash, a closed laptop or ctrl+q) is their own work: not marked, and its time is
    the whole chain's. Any other resume stays marked."""
    chain, at = [], doc
    while at.get("resumes"):
        at = next((d for d in docs if d.get("id") == at["resumes"]), None)
        if at is None or (_tag(at).get("participant"), _tag(at).get("position")) != \
                (_tag(doc).get("participant"), _tag(doc).get("position")) or at in chain:
            return entry
        chain.append(at)
    if not chain or entry.kind != "participant" or entry.mark != MIXED.get("resumed", "resumed"):
        return entry
    earlier = sum(active_seconds(d) or 0.0 for d in chain)
    return replace(entry, mark="", seconds=(entry.seconds or 0.0) + earlier)


def _tag(doc: dict) -> dict:
    """The session's `study` tag: the document's own, else its session_start's."""
    tag = doc.get("study")
    if not isinstance(tag, dict):
        start = next((e for e in doc.get("events") or () if e.get("kind") == "session_start"),
                     {})
        tag = start.get("study")
    return tag if isinstance(tag, dict) else {}


def _repeats(entries: list[Entry]) -> list[Entry]:
    """Entries with every counted session after the first of one actor (an agent's seed) on
    one function noted as a repeat: a second try at a function knows the first. Sessions are
    ordered by when they started, the given order (oldest first) breaking ties."""
    first: dict[tuple, Entry] = {}
    for e in sorted((e for e in entries if e.counted), key=lambda e: e.started):
        first.setdefault((e.kind, e.who, e.seed, e.function_id), e)
    keep = {id(e) for e in first.values()}
    return [e if not e.counted or id(e) in keep else replace(e, note="repeat")
            for e in entries]


def _names(planned: Sequence[str], seen: Iterable[str]) -> tuple[str, ...]:
    """The plan's names in its order, then any others seen (an open study's participants)."""
    planned = tuple(planned)
    return planned + tuple(sorted(set(seen) - set(planned)))


def _summary(name: str, kind: str, side: list[Entry], seed: int) -> Summary:
    successes = list(_by_function(side).values())
    judged = [e.judge for e in side if e.judge is not None]
    return Summary(
        name=name, kind=kind, sessions=len(side), functions=len(successes),
        success_rate=_mean(successes), ci=stats.success_ci(successes, seed),
        median_seconds=stats.median([e.seconds for e in side if e.seconds is not None]),
        median_probes=stats.median([e.probes for e in side]),
        median_local_nmse=stats.median([e.local_nmse for e in side
                                        if e.local_nmse is not None]),
        judge=_mean(judged), judged=len(judged))


def _compare(group: str, ours: list[Entry], agent: str, theirs: list[Entry],
             functions: Sequence[str], seed: int) -> Comparison:
    a, b = _by_function(ours), _by_function(theirs)
    paired = [f for f in functions if f in a and f in b]
    x, y = [a[f] for f in paired], [b[f] for f in paired]
    timed = [f for f in paired if _median_of(ours, f, "seconds") is not None
             and _median_of(theirs, f, "seconds") is not None]
    if not paired:
        return Comparison(group, agent, 0, None, None, None, None, None, None, None)
    return Comparison(
        group=group, agent=agent, functions=len(paired), group_rate=_mean(x),
        agent_rate=_mean(y), difference=_mean(x) - _mean(y),
        ci=stats.paired_difference_ci(x, y, seed),
        mcnemar=stats.mcnemar([v > 0.5 for v in x], [v > 0.5 for v in y]),
        seconds=stats.sign_test([_median_of(ours, f, "seconds") for f in timed],
                                [_median_of(theirs, f, "seconds") for f in timed]),
        probes=stats.sign_test([_median_of(ours, f, "probes") for f in paired],
                               [_median_of(theirs, f, "probes") for f in paired]))


def _by_function(side: list[Entry]) -> dict[str, float]:
    """Each function's success for a side: the mean of its sessions' successes there."""
    outcomes: dict[str, list[bool]] = {}
    for e in side:
        outcomes.setdefault(e.function_id, []).append(e.success)
    return {f: sum(values) / len(values) for f, values in outcomes.items()}


def _median_of(side: list[Entry], function_id: str, field: str) -> float | None:
    return stats.median([getattr(e, field) for e in side if e.function_id == function_id
                         and getattr(e, field) is not None])


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return None
    return float(value)


def _finite(value):
    """JSON without Infinity or NaN (an NMSE of a failed submission is infinite): null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


# --- words and numbers ----------------------------------------------------------------------
def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{100 * rate:.1f}%"


def _interval(ci: tuple[float, float] | None, points: bool = False) -> str:
    if ci is None:
        return "—"
    return f"[{100 * ci[0]:+.1f}, {100 * ci[1]:+.1f}]" if points else \
        f"[{100 * ci[0]:.1f}, {100 * ci[1]:.1f}]"


def _points(difference: float | None) -> str:
    return "—" if difference is None else f"{100 * difference:+.1f} pp"


def _num(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}g}"


def _p(p: float) -> str:
    return f"{p:.3g}"


def _judged(s: Summary) -> str:
    return f"{s.judge:.2f} ({s.judged})" if s.judged else "not judged"


def _cell(column: str, cell: Cell | None) -> str:
    """✓ or ✗ for one session; k/n for several (the pooled humans, an agent's seeds)."""
    if cell is None:
        return "·"
    if column == HUMANS or cell.sessions > 1:
        return f"{cell.successes}/{cell.sessions}"
    return "✓" if cell.successes else "✗"


def _headline(report: Report) -> str:
    return (f"Study {report.name} (plan {report.plan_hash}): "
            f"{count(len(report.functions), 'function')}, "
            f"{count(len(report.participants), 'participant')}, "
            f"{count(len(report.agents), 'agent')}")


def _not_counted(report: Report) -> str:
    if not report.not_counted:
        return "every session given is counted"
    return "not counted: " + "; ".join(f"{count(n, 'session')} {NOT_COUNTED[key]}"
                                       for key, n in report.not_counted.items())


def _summary_cells(report: Report, s: Summary) -> list[str]:
    cells = [s.name, str(s.sessions), str(s.functions), _pct(s.success_rate), _interval(s.ci),
             _num(s.median_seconds, 4), _num(s.median_probes), ]
    if report.has_local:
        cells.append(_num(s.median_local_nmse))
    return cells + [_judged(s)]


def _summary_head(report: Report) -> list[str]:
    head = ["who", "sessions", "functions", "success", "95% CI", "seconds", "probes"]
    return head + (["local NMSE"] if report.has_local else []) + ["judge"]


def _comparison_cells(c: Comparison) -> list[str]:
    head = [c.group, c.agent, str(c.functions), _pct(c.group_rate), _pct(c.agent_rate),
            _points(c.difference), _interval(c.ci, points=True)]
    if c.mcnemar is None or c.seconds is None or c.probes is None:
        return head + ["—"] * 7
    return head + [str(c.mcnemar.b), str(c.mcnemar.c), _p(c.mcnemar.p),
                   f"{c.seconds.above}/{c.seconds.below}", _p(c.seconds.p),
                   f"{c.probes.above}/{c.probes.below}", _p(c.probes.p)]


COMPARISON_HEAD = ["group", "agent", "functions", "group", "agent", "difference", "95% CI",
                   "b", "c", "McNemar p", "time +/-", "p", "probes +/-", "p"]
COMPARISON_NOTE = ("difference: group - agent, in percentage points; b: functions only the group "
                   "succeeded on, c: only the agent; time and probes +/-: functions where the "
                   "group's median was above / below the agent's, and the sign test's p")
SUMMARY_NOTE = ("seconds, probes and local NMSE (the local-detail score, lower is better) are "
                "medians over sessions; judge: the mean description-judge score (sessions "
                "judged)")


# --- the terminal ---------------------------------------------------------------------------
def _text(report: Report) -> list[str]:
    lines = [_headline(report), *_wrapped(METHOD, "  ", "    "), ""]
    lines += ["Success, time and probes", *_wrapped([SUMMARY_NOTE], "  ", "  ")]
    lines += _table(_summary_head(report), [_summary_cells(report, s) for s in report.summaries])
    lines += ["", "Success rate (the bar) and its 95% CI (the line under it, ticked at both ends)"]
    lines += _rate_bars(report)
    if report.comparisons:
        lines += ["", "Humans against agents, paired on functions"]
        lines += _wrapped([COMPARISON_NOTE], "  ", "  ")
        lines += _table(COMPARISON_HEAD, [_comparison_cells(c) for c in report.comparisons])
        lines += ["", "Paired difference of success rates (the thick mark) and its 95% CI (the "
                      "line), zero marked"]
        lines += _difference_bars(report)
    lines += ["", "Per function (✓ success, ✗ failure, · not done; k/n for several sessions)"]
    lines += _table(["function", *report.columns],
                    [[row.function_id, *(_cell(column, row.cells.get(column))
                                         for column in report.columns)]
                     for row in report.per_function])
    lines += ["", *_wrapped([_not_counted(report)], "", "  ")]
    if report.marked:
        lines += ["set aside in rows of their own (not pooled, not compared):"]
        lines += [f"  {e.session_id}  {e.row:24} {e.function_id:16} "
                  f"{'success' if e.success else 'failure'}" for e in report.marked]
    return lines


def _wrapped(paragraphs: Iterable[str], first: str, rest: str) -> list[str]:
    return [line for paragraph in paragraphs
            for line in textwrap.wrap(paragraph, WIDTH, initial_indent=first,
                                      subsequent_indent=rest)]


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows)]

    def line(cells: list[str]) -> str:
        return "  " + "  ".join(str(cell).ljust(w) if i == 0 else str(cell).rjust(w)
                                for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(head), *(line(row) for row in rows)]


def _rate_bars(report: Report) -> list[str]:
    """A bar per row, drawn on the lab's braille canvas: the rate as a bar, the interval as a
    line under it with a tick at each end."""
    rows = [s for s in report.summaries if s.success_rate is not None]
    width = max((len(s.name) for s in rows), default=0)
    lines = []
    for s in rows:
        canvas = Canvas(BAR_CELLS, 1)
        dots = 2 * BAR_CELLS - 1
        end = s.success_rate * dots
        xs = [x for x in range(dots + 1) if x <= end]
        canvas.points(xs * 2, [1] * len(xs) + [2] * len(xs), 0)
        low, high = (c * dots for c in s.ci)
        canvas.line([low, high], [0, 0], 1)
        canvas.line([low, low], [0, 3], 1)
        canvas.line([high, high], [0, 3], 1)
        lines.append(f"  {s.name.ljust(width)}  {_drawn(canvas)}  {_pct(s.success_rate)}")
    axis = f"0%{' ' * (BAR_CELLS - 6)}100%"
    return lines + [f"  {' ' * width}  {axis}"] if lines else ["  no counted session"]


def _difference_bars(report: Report) -> list[str]:
    """Each comparison's difference on a -100..+100 pp axis, zero marked."""
    rows = [c for c in report.comparisons if c.difference is not None]
    width = max((len(f"{c.group} - {c.agent}") for c in rows), default=0)
    dots = 2 * BAR_CELLS - 1
    place = (lambda d: (d + 1) / 2 * dots)
    lines = []
    for c in rows:
        canvas = Canvas(BAR_CELLS, 1)
        canvas.line([place(0), place(0)], [0, 3], 0)
        low, high = (place(v) for v in c.ci)
        canvas.line([low, high], [1, 1], 1)
        canvas.line([low, high], [2, 2], 1)
        at = place(c.difference)
        canvas.line([at, at], [0, 3], 1)
        canvas.line([at + 1, at + 1], [0, 3], 1)
        name = f"{c.group} - {c.agent}"
        lines.append(f"  {name.ljust(width)}  {_drawn(canvas)}  {_points(c.difference)}")
    axis = f"-100{' ' * (BAR_CELLS // 2 - 5)}0{' ' * (BAR_CELLS // 2 - 5)}+100"
    return lines + [f"  {' ' * width}  {axis}"] if lines else ["  no function both did"]


def _drawn(canvas: Canvas) -> str:
    return "".join(text for runs in canvas.rows() for text, _ in runs)


# --- markdown -------------------------------------------------------------------------------
def _markdown(report: Report) -> list[str]:
    lines = [f"# {_headline(report)}", "", *(f"- {line}" for line in METHOD), "",
             "## Success, time and probes", "", _sentence(SUMMARY_NOTE), ""]
    lines += _md_table(_summary_head(report),
                       [_summary_cells(report, s) for s in report.summaries])
    if report.comparisons:
        lines += ["", "## Humans against agents, paired on functions", "",
                  _sentence(COMPARISON_NOTE), ""]
        lines += _md_table(COMPARISON_HEAD, [_comparison_cells(c) for c in report.comparisons])
    lines += ["", "## Per function", "", "✓ success, ✗ failure, · not done; k/n for several "
              "sessions.", ""]
    lines += _md_table(["function", *report.columns],
                       [[row.function_id, *(_cell(column, row.cells.get(column))
                                            for column in report.columns)]
                        for row in report.per_function])
    lines += ["", _sentence(_not_counted(report))]
    if report.marked:
        lines += ["", "Set aside in rows of their own (not pooled, not compared):", ""]
        lines += _md_table(["session", "row", "function", "outcome"],
                           [[e.session_id, e.row, e.function_id,
                             "success" if e.success else "failure"] for e in report.marked])
    return lines


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    return [line(head), "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|",
            *(line(row) for row in rows)]


# --- image files ----------------------------------------------------------------------------
SVG_FONT = "font-family='Helvetica, Arial, sans-serif' font-size='12'"


def plots(report: Report, folder: Path) -> list[Path]:
    """SVG figures for a paper, written by hand (no plotting library): success rates with
    their intervals, the paired differences, and success per function."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    figures = {"success": _svg_rates(report), "differences": _svg_differences(report),
               "per_function": _svg_functions(report)}
    paths = []
    for name, svg in figures.items():
        path = folder / f"{report.name}_{name}.svg"
        path.write_text(svg, encoding="utf-8")
        paths.append(path)
    return paths


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return "\n".join([
        "<?xml version='1.0' encoding='UTF-8'?>",
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {SVG_FONT}>",
        f"<title>{escape(title)}</title>",
        f"<rect width='{width}' height='{height}' fill='white'/>", *body, "</svg>", ""])


def _text_at(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}'{extra}>"
            f"{escape(text)}</text>")


def _axis(left: float, right: float, y: float, ticks: list[tuple[float, str]]) -> list[str]:
    body = [f"<line x1='{left:.1f}' y1='{y:.1f}' x2='{right:.1f}' y2='{y:.1f}' stroke='black'/>"]
    for x, label in ticks:
        body.append(f"<line x1='{x:.1f}' y1='{y:.1f}' x2='{x:.1f}' y2='{y + 4:.1f}' "
                    "stroke='black'/>")
        body.append(_text_at(x, y + 16, label, "middle"))
    return body


COLOURS = {"participant": "#7aa6d6", "humans": "#2f6db3", "agent": "#d68a3a", "marked": "#aaaaaa"}


def _svg_rates(report: Report) -> str:
    rows = [s for s in report.summaries if s.success_rate is not None]
    left, plot, row_h = 170, 400, 26
    height = 50 + row_h * len(rows) + 30
    x = (lambda rate: left + rate * plot)
    body = [_text_at(left, 20, f"{report.name}: success rate with 95% bootstrap CI",
                     extra=" font-weight='bold'")]
    for i, s in enumerate(rows):
        y = 40 + i * row_h
        body.append(_text_at(left - 8, y + 14, s.name, "end"))
        body.append(f"<rect x='{left}' y='{y + 4}' width='{s.success_rate * plot:.1f}' "
                    f"height='{row_h - 10}' fill='{COLOURS[s.kind]}'/>")
        low, high = (x(v) for v in s.ci)
        mid = y + row_h / 2 - 1
        body.append(f"<path d='M{low:.1f},{mid - 5:.1f}v10M{low:.1f},{mid:.1f}H{high:.1f}"
                    f"M{high:.1f},{mid - 5:.1f}v10' stroke='black' fill='none'/>")
        body.append(_text_at(left + plot + 8, y + 14, _pct(s.success_rate)))
    body += _axis(left, left + plot, 40 + row_h * len(rows) + 4,
                  [(x(t / 4), f"{25 * t}%") for t in range(5)])
    return _svg(left + plot + 70, height, body, f"{report.name} success rates")


def _svg_differences(report: Report) -> str:
    rows = [c for c in report.comparisons if c.difference is not None]
    left, plot, row_h = 220, 400, 24
    height = 50 + row_h * len(rows) + 30
    x = (lambda d: left + (d + 1) / 2 * plot)
    top, bottom = 36, 40 + row_h * len(rows)
    body = [_text_at(left, 20, f"{report.name}: paired difference of success rates "
                     "(group - agent), 95% CI", extra=" font-weight='bold'"),
            f"<line x1='{x(0):.1f}' y1='{top}' x2='{x(0):.1f}' y2='{bottom}' stroke='#888' "
            "stroke-dasharray='4 3'/>"]
    for i, c in enumerate(rows):
        mid = 40 + i * row_h + row_h / 2
        body.append(_text_at(left - 8, mid + 4, f"{c.group} - {c.agent}", "end"))
        low, high = (x(v) for v in c.ci)
        body.append(f"<line x1='{low:.1f}' y1='{mid:.1f}' x2='{high:.1f}' y2='{mid:.1f}' "
                    "stroke='black'/>")
        body.append(f"<circle cx='{x(c.difference):.1f}' cy='{mid:.1f}' r='4' fill='black'/>")
        body.append(_text_at(left + plot + 8, mid + 4,
                             f"{_points(c.difference)}  (McNemar p {_p(c.mcnemar.p)})"))
    body += _axis(left, left + plot, bottom + 4,
                  [(x(t / 2), f"{50 * t:+d} pp" if t else "0") for t in range(-2, 3)])
    return _svg(left + plot + 190, height, body, f"{report.name} paired differences")


def _svg_functions(report: Report) -> str:
    columns, cell_w, cell_h, left = report.columns, 70, 22, 150
    width, height = left + cell_w * len(columns) + 20, 70 + cell_h * len(report.per_function)
    body = [_text_at(10, 20, f"{report.name}: success per function (share of sessions)",
                     extra=" font-weight='bold'")]
    for j, column in enumerate(columns):
        body.append(_text_at(left + j * cell_w + cell_w / 2, 46, column, "middle"))
    for i, row in enumerate(report.per_function):
        y = 54 + i * cell_h
        body.append(_text_at(left - 8, y + 15, row.function_id, "end"))
        for j, column in enumerate(columns):
            cell = row.cells.get(column)
            share = cell.successes / cell.sessions if cell else None
            fill = "#f2f2f2" if share is None else _shade(share)
            body.append(f"<rect x='{left + j * cell_w}' y='{y}' width='{cell_w - 2}' "
                        f"height='{cell_h - 2}' fill='{fill}'/>")
            body.append(_text_at(left + j * cell_w + cell_w / 2 - 1, y + 15,
                                 _cell(column, cell), "middle"))
    return _svg(width, height, body, f"{report.name} success per function")


def _shade(share: float) -> str:
    """White (0) to green (1)."""
    r, g, b = (round(255 + (target - 255) * share) for target in (76, 175, 80))
    return f"#{r:02x}{g:02x}{b:02x}"
