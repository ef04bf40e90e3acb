"""Two sessions on one function side by side: who they were, how they scored, and their
transcripts aligned by step (what each said before its first probe, then probe by probe, then
the answer), so two ways of interpreting the same function can be read against each other."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from find_lab import scoreboard
from find_lab.english import count
from find_lab.store import Store, StoreError
from find_lab.tui.components.transcript import render_event
from find_lab.tui.screens.scoreboard import duration, score_cell

ANSWER = ("submit", "score", "judge", "session_end")  # the last step: what it gave and got
LEFT_OUT = ("session_start", "usage")                 # said in the heading instead


def refusal(left: dict, right: dict) -> str | None:
    """Why these two sessions are not compared, in one line, or None."""
    if left["id"] == right["id"]:
        return "Not compared: that is one session twice."
    if left.get("function_id") != right.get("function_id"):
        return (f"Not compared: one session is on {left.get('function_id')}, the other on "
                f"{right.get('function_id')}.")
    return None


def steps(events: list[dict]) -> list[tuple[str, list[dict]]]:
    """A transcript cut into steps: `start` (before the first probe), `probe N` (a probe and
    what followed it), `answer` (the submission, its score, the end)."""
    cut: list[tuple[str, list[dict]]] = [("start", [])]
    answer: list[dict] = []
    probes = 0
    for event in events:
        kind = event.get("kind")
        if kind in LEFT_OUT:
            continue
        if kind in ANSWER or answer:
            answer.append(event)
        elif kind == "probe":
            probes += 1
            cut.append((f"probe {probes}", [event]))
        else:
            cut[-1][1].append(event)
    if not cut[0][1]:
        cut.pop(0)
    return cut + ([("answer", answer)] if answer else [])


def aligned(left: list[tuple[str, list[dict]]], right: list[tuple[str, list[dict]]]
            ) -> list[tuple[str, list[dict] | None, list[dict] | None]]:
    """The two sides' steps by name, in order (start, the probes, the answer), with None
    where a side has no such step."""
    sides = dict(left), dict(right)
    probes = max(sum(name.startswith("probe ") for name in side) for side in sides)
    names = ["start", *(f"probe {number}" for number in range(1, probes + 1)), "answer"]
    return [(name, sides[0].get(name), sides[1].get(name)) for name in names
            if name in sides[0] or name in sides[1]]


class CompareScreen(Screen):
    """Sessions `left_id` and `right_id` of one function, side by side; 1 and 2 replay them."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        Binding("1", "replay(0)", "Replay left"),
        Binding("2", "replay(1)", "Replay right"),
    ]

    DEFAULT_CSS = """
    CompareScreen #compare-title { padding: 0 1; text-style: bold; }
    CompareScreen #compare-refusal { padding: 1 2; color: $warning; }
    CompareScreen #compare-heads { height: auto; }
    CompareScreen .compare-head { width: 1fr; height: auto; padding: 0 1;
                                  border: round $primary-background; }
    CompareScreen #compare-steps { height: 1fr; }
    CompareScreen .compare-step { height: auto; border-bottom: solid $primary-background; }
    CompareScreen .step-name { width: 9; padding: 0 1 0 0; color: $text-muted; text-style: bold; }
    CompareScreen .step-side { width: 1fr; height: auto; padding: 0 1 0 0; }
    """

    def __init__(self, store: Store, left_id: str, right_id: str):
        super().__init__()
        self.ids = (left_id, right_id)
        self.problem: str | None = None
        self.docs: list[dict] = []
        self.events: list[list[dict]] = []
        try:
            self.docs = [store.get(session_id) for session_id in self.ids]
            self.problem = refusal(*self.docs)
            if not self.problem:
                self.events = [store.events(doc["id"]) for doc in self.docs]
        except StoreError as exc:
            self.problem = f"Not compared: {exc}."

    def compose(self) -> ComposeResult:
        if self.problem:
            yield Label(f"Compare · {' · '.join(self.ids)}", id="compare-title")
            yield Static(self.problem, id="compare-refusal")
            yield Footer()
            return
        yield Label(f"Compare · {self.docs[0].get('function_id')} · two sessions, step by step",
                    id="compare-title")
        with Horizontal(id="compare-heads"):
            for side, (doc, events) in enumerate(zip(self.docs, self.events)):
                yield Static(heading(doc, events), classes="compare-head", id=f"head-{side}")
        people = [_person(doc) for doc in self.docs]
        with VerticalScroll(id="compare-steps"):
            for name, left, right in aligned(*(steps(events) for events in self.events)):
                with Horizontal(classes="compare-step"):
                    yield Label(name, classes="step-name")
                    for events, person in ((left, people[0]), (right, people[1])):
                        yield Static(_step(events, person), classes="step-side")
        yield Footer()

    def on_mount(self) -> None:
        if not self.problem:
            self.query_one("#compare-steps").focus()

    def check_action(self, action: str, parameters: tuple) -> bool:
        return action != "replay" or not self.problem

    def action_replay(self, side: int) -> None:
        from find_lab.tui.screens.lab import LabScreen, Launch

        self.app.push_screen(LabScreen(Launch("replay", session_id=self.docs[side]["id"])))


def heading(doc: dict, events: list[dict]) -> Text:
    """Who, how it ended and scored, how long it took and what it probed."""
    probes = [event for event in events if event.get("kind") == "probe"]
    inputs = sum(len(event.get("inputs") or []) for event in probes)
    failed = sum(error not in (None, "undefined") for event in probes
                 for error in event.get("errors") or [])
    label = (doc.get("provenance") or {}).get("label") or scoreboard.actor_of(doc)
    text = Text(doc["id"], style="bold")
    text.append(f"\n{label} · {doc.get('status')} · {duration(scoreboard.seconds(doc))}")
    text.append("\n")
    score = doc.get("score")
    if isinstance(score, dict):
        text.append(f"{score.get('metric')} ")
        text.append_text(score_cell(score))
        if isinstance(score.get("local_nmse"), (int, float)):
            text.append(f" · local {score['local_nmse']:.3g}")
    else:
        text.append("no score", style="dim")
    text.append(f"\n{count(len(probes), 'probe')} · {count(inputs, 'input')}"
                + (f" · {count(failed, 'error')}" if failed else ""))
    return text


def _person(doc: dict) -> str:
    """What the transcript calls a human in this session."""
    if doc.get("actor_kind") == "human":
        return doc.get("actor_name") or "the player"
    return "a person"


def _step(events: list[dict] | None, person: str) -> RenderableType:
    if events is None:
        return Text("–", style="dim")
    return Group(*(render_event(event, person) for event in events))
