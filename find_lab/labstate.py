"""A session's state as of one event: the one fold over the events.

Every reader of a session derives what it shows from this fold and nothing else: the
Experiment reads its budget from it, the store's index document is its `summary()`, the TUI
draws its panes from it, the scoreboard credits actors by its provenance. Because the state is
a pure function of the event prefix, a session watched live and replayed ends the same.

Counting rules, written once here:
- every probe event spends one call, carried ones (a fork's) included;
- a probe spends a point for each input the function was asked about, answered or undefined;
  an input refused before asking (not a number, out of range, over the budget) spends none.
  A probe event records that count as `points`; logs older than it are counted from errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
BETWEEN = re.compile(rf"({NUMBER})\s*<=?\s*x\s*<=?\s*({NUMBER})")
BELOW = re.compile(rf"x\s*<=?\s*({NUMBER})")
ABOVE = re.compile(rf"x\s*>=?\s*({NUMBER})")
BRACKETS = re.compile(rf"[\[(]\s*({NUMBER})\s*,\s*({NUMBER})\s*[\])]")
LOW, HIGH = -128.0, 128.0
LIVE = ("waiting", "running", "paused", "driving")


@dataclass(frozen=True)
class Probe:
    seq: int
    actor: str
    x: object
    y: object
    error: str | None
    carried: bool = False


@dataclass
class LabState:
    session_id: str = ""
    function_id: str = ""
    domain: str = ""
    actor_kind: str = ""
    actor_name: str = ""
    model: str | None = None
    source: dict | None = None       # suite name, checksum and the function's spec hash
    isolation: str = ""
    forked_from: dict | None = None
    opened: bool = False             # a session_start has been applied
    budget_calls: int = 0
    budget_points: int = 0
    calls_used: int = 0
    points_used: int = 0
    probes: list[Probe] = field(default_factory=list)
    probers: dict = field(default_factory=dict)  # actor -> probe calls made here (not carried)
    hypothesis: dict | None = None
    submission: dict | None = None
    score: dict | None = None
    judge: dict | None = None
    usage: dict = field(default_factory=dict)
    status: str = "waiting"          # waiting | running | paused | driving | an end status
    reason: str | None = None        # why it ended, when it says
    driver: str = "agent"
    steers: int = 0
    takeovers: int = 0
    revealed: bool = False           # a person saw the hidden function before any submit
    seq: int = -1                    # the last event applied
    t: float = 0.0                   # its time, seconds since the start
    paused_seconds: float = 0.0      # spent paused, in the pauses that have ended
    paused_at: float | None = None   # when the pause under way began
    ended_at: float | None = None    # the session_end's time

    @classmethod
    def from_events(cls, events: list[dict]) -> LabState:
        state = cls()
        for event in events:
            state.apply(event)
        return state

    def apply(self, event: dict) -> None:
        self.seq, self.t = event["seq"], event.get("t", self.t)
        handler = getattr(self, f"_on_{event['kind']}", None)
        if handler:
            handler(event)

    @property
    def ended(self) -> bool:
        return self.status not in LIVE

    def active_seconds(self, now_t: float | None = None) -> float:
        """Seconds the session has run, paused spans left out: the clock a person watches,
        stopped while paused and once the session ends. `now_t` is the time now on the
        events' clock (Experiment.now()); without it, the last event's time."""
        now = self.t if now_t is None else max(now_t, self.t)
        if self.ended_at is not None:
            now = self.ended_at
        paused = self.paused_seconds + (now - self.paused_at if self.paused_at is not None else 0.0)
        return round(max(0.0, now - paused), 3)

    @property
    def calls_left(self) -> int:
        return self.budget_calls - self.calls_used

    @property
    def points_left(self) -> int:
        return self.budget_points - self.points_used

    @property
    def answered(self) -> list[Probe]:
        """Probes the function answered (no error)."""
        return [p for p in self.probes if p.error is None]

    @property
    def predictions(self) -> dict:
        """The current hypothesis's prediction for each input it was evaluated on."""
        return preview_predictions((self.hypothesis or {}).get("preview"))

    @property
    def claimed_interval(self) -> tuple[float, float] | None:
        """The interval the actor says behaves differently, read from its submitted domain."""
        text = (self.submission or {}).get("domain") or (self.hypothesis or {}).get("domain") or ""
        return parse_interval(text)

    # --- who did the work -----------------------------------------------------------------
    @property
    def role(self) -> str:
        """Who this session is meant to credit: the person playing, or the agent."""
        return "human" if self.actor_kind == "human" else "agent"

    def provenance(self) -> dict:
        """Whether one actor did everything (pure) and, if not, what else went into it, each
        as a reason the scoreboard sets the session aside for.

        Mixed: someone else probed or submitted (a takeover), a person steered the agent, a
        player (or a person who took over) saw the hidden function before the submission, or
        the session is a fork carrying another session's probes."""
        submitter = (self.submission or {}).get("actor")
        others = {actor for actor in self.probers if actor != self.role}
        if submitter and submitter != self.role:
            others.add(submitter)
        mixed, parts = [], []
        if others:
            mixed.append("takeover")
            parts.append("human takeover" if self.role == "agent" else f"{', '.join(sorted(others))} probed")
        if self.steers:
            mixed.append("steered")
            parts.append("steered by a human")
        if self.revealed and (self.role == "human" or others):
            mixed.append("revealed")
            parts.append("answer revealed")
        if self.forked_from:  # a resume too: what it carries may hold another actor's work
            resumed = bool(self.forked_from.get("resumed"))
            mixed.append("resumed" if resumed else "fork")
            parts.append(origin(self.forked_from))
        name = self.actor_name or self.actor_kind
        return {"pure": not mixed, "label": ", ".join([name, *parts]) if parts else name,
                "mixed": mixed}

    def summary(self) -> dict:
        """The index document's view of the session (the store adds id, times and writer)."""
        score = None
        if self.score:
            score = {key: self.score.get(key) for key in ("metric", "value", "success")}
            details = self.score.get("details")
            if isinstance(details, dict) and "local_nmse" in details:
                score["local_nmse"] = details["local_nmse"]
        return {"function_id": self.function_id, "domain": self.domain,
                "actor_kind": self.actor_kind, "actor_name": self.actor_name, "model": self.model,
                "status": self.status if self.ended else "running",
                "score": score, "probes": self.calls_used, "points": self.points_used,
                "usage": dict(self.usage), "judge": self.judge, "source": self.source,
                "provenance": self.provenance()}

    # --- one handler per event kind that changes the state ---------------------------------
    def _on_session_start(self, event: dict) -> None:
        self.session_id = event.get("session_id") or ""
        self.function_id, self.domain = event["function_id"], event["domain"]
        self.actor_kind, self.actor_name = event["actor_kind"], event.get("actor_name", "")
        self.model = event.get("model")
        self.budget_calls = event["budget"]["calls"]
        self.budget_points = event["budget"]["points"]
        if event.get("suite"):
            self.source = {**event["suite"], "spec_hash": event.get("spec_hash")}
        self.isolation = event.get("isolation", "")
        self.forked_from = event.get("forked_from")
        self.opened, self.status = True, "running"

    def _on_probe(self, event: dict) -> None:
        self.calls_used += 1
        self.points_used += points_spent(event)
        carried = bool(event.get("carried"))
        if not carried:
            self.probers[event["actor"]] = self.probers.get(event["actor"], 0) + 1
        for x, y, error in zip(event["inputs"], event["outputs"], event["errors"]):
            self.probes.append(Probe(event["seq"], event["actor"], x, y, error, carried))

    def _on_hypothesis(self, event: dict) -> None:
        self.hypothesis = event

    def _on_submit(self, event: dict) -> None:
        self.submission = event

    def _on_score(self, event: dict) -> None:
        self.score = event

    def _on_judge(self, event: dict) -> None:
        self.judge = {key: event.get(key) for key in ("score", "correct", "total", "model")}

    def _on_usage(self, event: dict) -> None:
        for key, value in event.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and key not in ("seq", "t"):
                self.usage[key] = self.usage.get(key, 0) + value

    def _on_reveal(self, event: dict) -> None:
        if self.submission is None:
            self.revealed = True

    def _on_pause(self, event: dict) -> None:
        self.status = "paused"
        if self.paused_at is None:
            self.paused_at = self.t

    def _on_resume(self, event: dict) -> None:
        self.status = "running"
        self._unpause()

    def _unpause(self) -> None:
        """A pause ends (resume, a takeover, the session's end): its span leaves the clock."""
        if self.paused_at is not None:
            self.paused_seconds += self.t - self.paused_at
            self.paused_at = None

    def _on_steer(self, event: dict) -> None:
        self.steers += 1

    def _on_takeover(self, event: dict) -> None:
        self.driver, self.status = "human", "driving"
        self.takeovers += 1
        self._unpause()

    def _on_handback(self, event: dict) -> None:
        self.driver, self.status = "agent", "running"

    def _on_session_end(self, event: dict) -> None:
        self.status = event["status"]
        self.reason = event.get("reason")
        self._unpause()
        self.ended_at = self.t


def points_spent(probe: dict) -> int:
    """The points a probe event spent (see the counting rules above)."""
    if "points" in probe:
        return probe["points"]
    return sum(error is None or error == "undefined" for error in probe["errors"])


def parse_interval(text: str) -> tuple[float, float] | None:
    """`a < x < b`, `x <= a`, `x >= a` or `[a, b]` in free text, clipped to the probe range."""
    if match := BETWEEN.search(text):
        low, high = float(match[1]), float(match[2])
    elif match := BRACKETS.search(text):
        low, high = float(match[1]), float(match[2])
    elif match := BELOW.search(text):
        low, high = LOW, float(match[1])
    elif match := ABOVE.search(text):
        low, high = float(match[1]), HIGH
    else:
        return None
    low, high = max(LOW, min(low, high)), min(HIGH, max(low, high))
    return (low, high) if low < high else None


def _key(x) -> object:
    return round(x, 9) if isinstance(x, float) else x


def preview_predictions(preview) -> dict:
    """A hypothesis's preview ([x, y] pairs) by input; a saved log may hold anything there,
    so what is not a pair with a usable input is passed over rather than failing a replay."""
    predicted = {}
    for item in preview or ():
        if isinstance(item, (list, tuple)) and len(item) == 2:
            x = _key(item[0])
            try:
                predicted[x] = item[1]
            except TypeError:  # an input no dict can key (a list)
                continue
    return predicted


def origin(forked_from: dict) -> str:
    """Where a fork or a resume began, its event counted from 1 as every screen counts them
    (the replay bar's "event 5/40" is seq 4)."""
    seq = forked_from.get("seq")
    where = f"event {seq + 1}" if isinstance(seq, int) else "an unknown event"
    verb = "resumes" if forked_from.get("resumed") else "fork of"
    return f"{verb} {forked_from.get('session_id', '?')} at {where}"
