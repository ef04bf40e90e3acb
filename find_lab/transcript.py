"""A session's events as plain text lines: one renderer per event kind (headless runs)."""

from __future__ import annotations

import textwrap
from typing import Callable

from find_lab.english import count
from find_lab.printable import printable

MAX_SHOWN = 6


def _value(value) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    return repr(value)


def _probe(event: dict) -> list[str]:
    pairs = [f"{_value(x)} -> {_value(y) if e is None else e}"
             for x, y, e in zip(event["inputs"], event["outputs"], event["errors"])]
    shown = ", ".join(pairs[:MAX_SHOWN])
    more = f", ... ({len(pairs)} inputs)" if len(pairs) > MAX_SHOWN else ""
    return [f"probe  {shown}{more}"]


def _message(event: dict) -> list[str]:
    who = "you" if event["actor"] == "human" else event["actor"]
    return textwrap.wrap(event["text"], 96, initial_indent=f"{who:6} ", subsequent_indent=" " * 7)


def _hypothesis(event: dict) -> list[str]:
    return [f"hypothesis  {event.get('note') or 'testing code'}"]


def _submit(event: dict) -> list[str]:
    lines = ["submit", *textwrap.wrap(event["description"], 96, initial_indent="  ",
                                      subsequent_indent="  ")]
    if event.get("domain"):
        lines.append(f"  domain: {event['domain']}")
    return lines + ["  " + line for line in event["code"].rstrip().splitlines()]


def _score(event: dict) -> list[str]:
    verdict = "SUCCESS" if event["success"] else "fail"
    line = f"score  {event['metric']} {event['value']:.4g}  {verdict}"
    details = event.get("details") or {}
    if isinstance(details.get("heldout_nmse"), float) and isinstance(details.get("local_nmse"), float):
        line += f"  (held-out {details['heldout_nmse']:.3g}, local detail {details['local_nmse']:.3g})"
    if details.get("parts"):
        line += f"  ({parts(details)})"
    if event.get("reason"):
        line += f"  - {event['reason']}"
    return [line]


def parts(details: dict) -> str:
    """A score's matches by the part of the function they test, where the domain reports
    parts: "domain 30/30 · exception 9/12 · outside 18/18"."""
    return " · ".join(f"{part} {tally['matched']}/{tally['total']}"
                      for part, tally in details.get("parts", {}).items())


def _start(event: dict) -> list[str]:
    model = f" ({event['model']})" if event.get("model") else ""
    return [f"session {event['session_id'] or '(unsaved)'}: {event['actor_name']}{model} on "
            f"{event['function_id']}; budget {count(event['budget']['calls'], 'call')}, "
            f"{count(event['budget']['points'], 'point')}"]


RENDERERS: dict[str, Callable[[dict], list[str]]] = {
    "session_start": _start,
    "message": _message,
    "probe": _probe,
    "hypothesis": _hypothesis,
    "steer": lambda e: [f"steer  {e['text']}"],
    "takeover": lambda e: ["takeover  a human is driving"],
    "handback": lambda e: [f"handback  after {count(e.get('probes', 0), 'human probe')}"]
    + ([f"  the agent is told: {e['text']}"] if e.get("text") else []),
    "reveal": lambda e: [f"reveal  a person saw {e.get('what') or 'the hidden function'}"],
    "pause": lambda e: ["paused"],
    "resume": lambda e: ["resumed"],
    "submit": _submit,
    "score": _score,
    "usage": lambda e: [f"usage  {e.get('input_tokens', 0)} in / {e.get('output_tokens', 0)} out"],
    "error": lambda e: [f"error  {e.get('message', '')}"],
    "judge": lambda e: [f"judge  {e.get('correct')}/{e.get('total')} multiple-choice questions "
                        f"right ({e.get('model')}; chance is 1/3)"],
    "session_end": lambda e: [f"end    {e['status']}" + (f" - {e['reason']}" if e.get("reason") else "")],
}


def render(event: dict) -> list[str]:
    renderer = RENDERERS.get(event["kind"])
    lines = renderer(event) if renderer else [f"{event['kind']}"]
    return [printable(line).replace("\n", " ") for line in lines]


class LivePrinter:
    """A listener that prints each event, and streamed agent text as it arrives.

    Text already streamed is not printed again when its `message` event comes; a reply whose
    stream broke (an `error` event follows) is printed in full when it is finally given."""

    def __init__(self, out=None):
        self.out = out
        self.streamed = ""      # streamed text not yet matched by a message event
        self.open_line = False  # the cursor sits after streamed text

    def text(self, delta: str) -> None:
        if not self.open_line:
            print("agent  ", end="", file=self.out)
            self.open_line = True
        print(printable(delta), end="", flush=True, file=self.out)
        self.streamed += delta

    def __call__(self, event: dict) -> None:
        if self.open_line:
            print(file=self.out)
            self.open_line = False
        if event["kind"] == "error":
            self.streamed = ""
        if event["kind"] == "message" and self.streamed:
            said = event.get("text", "")
            if said and self.streamed.startswith(said):
                self.streamed = self.streamed[len(said):]
                return
            self.streamed = ""
        print("\n".join(render(event)), flush=True, file=self.out)
