"""What a session looks like as of one event: the state every view of the lab draws.

A live session, a human's play and a replay all feed events into `LabState.apply`; the panes
read the result. Because the state is a pure function of the event prefix, a session watched
live and the same session replayed end on the same screen.
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
    budget_calls: int = 0
    budget_points: int = 0
    calls_used: int = 0
    points_used: int = 0
    probes: list[Probe] = field(default_factory=list)
    hypothesis: dict | None = None
    submission: dict | None = None
    score: dict | None = None
    usage: dict = field(default_factory=dict)
    status: str = "waiting"          # waiting | running | paused | driving | an end status
    driver: str = "agent"
    steers: int = 0
    takeovers: int = 0
    seq: int = -1                    # the last event applied
    t: float = 0.0                   # its time, seconds since the start

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
        return self.status not in ("waiting", "running", "paused", "driving")

    @property
    def answered(self) -> list[Probe]:
        """Probes the function answered (no error)."""
        return [p for p in self.probes if p.error is None]

    @property
    def predictions(self) -> dict:
        """The current hypothesis's prediction for each input it was evaluated on."""
        preview = (self.hypothesis or {}).get("preview") or []
        return {_key(x): y for x, y in preview}

    @property
    def claimed_interval(self) -> tuple[float, float] | None:
        """The interval the actor says behaves differently, read from its submitted domain."""
        text = (self.submission or {}).get("domain") or (self.hypothesis or {}).get("domain") or ""
        return parse_interval(text)

    # --- one handler per event kind that changes the state ---------------------------------
    def _on_session_start(self, event: dict) -> None:
        self.session_id = event.get("session_id") or ""
        self.function_id, self.domain = event["function_id"], event["domain"]
        self.actor_kind, self.actor_name = event["actor_kind"], event.get("actor_name", "")
        self.model = event.get("model")
        self.budget_calls = event["budget"]["calls"]
        self.budget_points = event["budget"]["points"]
        self.status = "running"

    def _on_probe(self, event: dict) -> None:
        self.calls_used += 1
        for x, y, error in zip(event["inputs"], event["outputs"], event["errors"]):
            self.points_used += error is None or error == "undefined"
            self.probes.append(Probe(event["seq"], event["actor"], x, y, error,
                                     bool(event.get("carried"))))

    def _on_hypothesis(self, event: dict) -> None:
        self.hypothesis = event

    def _on_submit(self, event: dict) -> None:
        self.submission = event

    def _on_score(self, event: dict) -> None:
        self.score = event

    def _on_usage(self, event: dict) -> None:
        for key, value in event.items():
            if isinstance(value, (int, float)) and key not in ("seq", "t"):
                self.usage[key] = self.usage.get(key, 0) + value

    def _on_pause(self, event: dict) -> None:
        self.status = "paused"

    def _on_resume(self, event: dict) -> None:
        self.status = "running"

    def _on_steer(self, event: dict) -> None:
        self.steers += 1

    def _on_takeover(self, event: dict) -> None:
        self.driver, self.status = "human", "driving"
        self.takeovers += 1

    def _on_handback(self, event: dict) -> None:
        self.driver, self.status = "agent", "running"

    def _on_session_end(self, event: dict) -> None:
        self.status = event["status"]


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
