"""The live transcript: one Rich renderer per event kind, drawn by a line-based scroll view.

Events are rendered once into lines at the pane's width (again only when the width
changes), so adding to or resetting a transcript of thousands of events stays cheap.
"""

from __future__ import annotations

from typing import Callable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.syntax import Syntax
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from find_lab.english import count
from find_lab.labstate import origin
from find_lab.printable import printable, shown
from find_lab.transcript import parts as score_parts

LABEL_WIDTH = 11
MAX_SHOWN = 6            # probe pairs shown before "… (n inputs)"
HYPOTHESIS_LINES = 3     # lines of hypothesis code shown
SUBMIT_LINES = 40        # lines of submitted code shown: a relation's table runs to hundreds
ACTOR_STYLES = {"agent": "bold cyan", "human": "bold magenta", "system": "bold"}
END_STYLES = {"submitted": "cyan", "abandoned": "red", "budget_exhausted": "red",
              "crashed": "red", "interrupted": "red"}
HIDDEN_FIELDS = frozenset({"seq", "t", "actor", "kind"})


class Row:
    """A label in a fixed column with the body wrapped beside it (a hanging indent)."""

    def __init__(self, label: str, style: str, body: RenderableType):
        self.label, self.style, self.body = label, style, body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - LABEL_WIDTH)
        lines = console.render_lines(self.body, options.update_width(width), pad=False)
        label = Segment(self.label[:LABEL_WIDTH - 1].ljust(LABEL_WIDTH),
                        console.get_style(self.style))
        indent = Segment(" " * LABEL_WIDTH)
        for index, line in enumerate(lines):
            yield label if index == 0 else indent
            yield from line
            yield Segment.line()


class Banner:
    """A rule with a title; a title too long for the width goes under the rule, wrapped,
    rather than being cut short."""

    def __init__(self, text: str, style: str, characters: str = "─"):
        self.text, self.style, self.characters = text, style, characters

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        title = Text(self.text, style=f"bold {self.style}", justify="center")
        if title.cell_len + 4 <= options.max_width:  # what Rule needs to show it whole
            yield Rule(title, style=self.style, characters=self.characters)
        else:
            yield Rule(style=self.style, characters=self.characters)
            yield title


def _value(value) -> str:
    """Short enough to sit in a line: floats to 6 digits, anything else cut at 40 characters."""
    text = f"{value:.6g}" if isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _count(number, noun: str) -> str:
    """A count from a saved event, which may lack it."""
    return count(number, noun) if isinstance(number, int) else f"? {noun}s"


def _number(value) -> str:
    return f"{value:.4g}" if isinstance(value, (int, float)) else str(value)


# --- one renderer per event kind ------------------------------------------------------------
def _start(event: dict, person: str) -> RenderableType:
    model = f" ({event['model']})" if event.get("model") else ""
    budget = event.get("budget") or {}
    title = (f"session {event.get('session_id') or '(unsaved)'} · "
             f"{event.get('actor_name') or event.get('actor_kind', '')}{model} on "
             f"{event['function_id']} · budget {_count(budget.get('calls'), 'call')}, "
             f"{_count(budget.get('points'), 'point')}")
    if fork := event.get("forked_from"):
        title += f" · {origin(fork)}"
    return Banner(title, "dim")


def _message(event: dict, person: str) -> RenderableType:
    human = event["actor"] == "human"
    body = Text(event["text"], style="magenta" if human else "")
    return Row(person if human else event["actor"], ACTOR_STYLES.get(event["actor"], "bold"), body)


def _probe(event: dict, person: str) -> RenderableType:
    answers = list(zip(event["inputs"], event["outputs"], event["errors"]))
    body = Text()
    if event.get("carried"):
        body.append("carried ", style="dim italic")
    for index, (x, y, error) in enumerate(answers[:MAX_SHOWN]):
        body.append(", " if index else "")
        body.append(f"{_value(x)} → ")
        if error is None:
            body.append(_value(y), style="green")
        else:
            body.append(error, style="dim" if error == "undefined" else "red")
    if len(answers) > MAX_SHOWN:
        body.append(f", … ({len(answers)} inputs)", style="dim")
    body.append(_errors(answers))
    human = event["actor"] == "human"
    label = ("you probe" if person == "you" else person) if human else "probe"
    return Row(label, "bold magenta" if human else "bold blue", body)


def _errors(answers: list) -> Text:
    """How many inputs failed, with the first failure when it is not among the shown pairs."""
    failed = [(i, x, error) for i, (x, _, error) in enumerate(answers)
              if error not in (None, "undefined")]
    if not failed:
        return Text()
    text = f"  {count(len(failed), 'error')}"
    index, x, error = failed[0]
    if index >= MAX_SHOWN:
        text += f", e.g. {_value(x)} → {error}"
    return Text(text, style="bold red")


def _hypothesis(event: dict, person: str) -> RenderableType:
    lines = (event.get("code") or "").rstrip().splitlines()
    code = "\n".join(lines[:HYPOTHESIS_LINES])
    if len(lines) > HYPOTHESIS_LINES:
        code += f"\n… ({len(lines) - HYPOTHESIS_LINES} more lines)"
    body = Group(Text(event.get("note") or "testing code", style="yellow"), Text(code, style="dim"))
    return Row("hypothesis", "bold yellow", body)


def _steer(event: dict, person: str) -> RenderableType:
    text = Text(f"{person} → agent: {event['text']}", style="bold magenta")
    return Row("steer", "bold magenta", text)


def _takeover(event: dict, person: str) -> RenderableType:
    return Banner(f"{person} took over · the agent waits", "magenta", "━")


def _handback(event: dict, person: str) -> RenderableType:
    probes = event.get("probes", 0)
    banner = Banner(f"handed back to the agent · {person} probed {count(probes, 'point')}",
                    "magenta", "━")
    if not event.get("text"):
        return banner
    return Group(banner, Row("", "magenta", Text(f"the agent is told: {event['text']}", style="dim")))


def _reveal(event: dict, person: str) -> RenderableType:
    what = event.get("what") or "the hidden function"
    return Row("revealed", "bold yellow",
               Text(f"a person saw {what}: a result of theirs from here on is not pure",
                    style="yellow"))


def _submit(event: dict, person: str) -> RenderableType:
    parts: list[RenderableType] = [Text(event["description"], style="bold")]
    if event.get("domain"):
        parts.append(Text(f"domain: {event['domain']}", style="italic"))
    lines = event["code"].rstrip().splitlines()
    parts.append(Syntax("\n".join(lines[:SUBMIT_LINES]), "python", theme="monokai",
                        background_color="default", word_wrap=True))
    if len(lines) > SUBMIT_LINES:
        parts.append(Text(f"… {count(len(lines) - SUBMIT_LINES, 'more line')} (x exports the "
                          "session whole)", style="dim"))
    return Row("submit", "bold cyan", Group(*parts))


def _score(event: dict, person: str) -> RenderableType:
    success = bool(event.get("success"))
    body = Text()
    body.append("SUCCESS" if success else "FAIL", style="bold green" if success else "bold red")
    body.append(f"  {event['metric']} {_number(event['value'])}")
    body.append(_score_details(event.get("details") or {}))
    body.append(_code_size(event.get("code_size")))
    if event.get("reason"):
        body.append(f"\n{event['reason']}", style="red")
    return Row("score", "bold green" if success else "bold red", body)


def _score_details(details: dict) -> Text:
    text = Text()
    for key, label in (("heldout_nmse", "held-out"), ("local_nmse", "local detail")):
        if key in details:
            text.append(f" · {label} {_number(details[key])}")
    if "matched" in details:
        text.append(f" · {details['matched']}/{details['total']} exact")
    if details.get("parts"):
        text.append(f" ({score_parts(details)})")
    if "words" in details:
        text.append(f" · {count(details['words'], 'word')}")
    return text


def _code_size(size: dict | None) -> Text:
    if not size:
        return Text()
    text = Text(f" · code {count(size['ast_nodes'], 'AST node')}, "
                f"{count(size['numeric_literals'], 'number')}", style="dim")
    if size.get("table_like"):
        text.append("  ⚠ table-like code", style="bold yellow")
    return text


def _usage(event: dict, person: str) -> RenderableType:
    text = f"{event.get('input_tokens', 0)} in / {event.get('output_tokens', 0)} out tokens"
    if event.get("cost_usd"):
        text += f" · ${event['cost_usd']:.3f}"
    return Row("usage", "dim", Text(text, style="dim"))


def _session_end(event: dict, person: str) -> RenderableType:
    status = event["status"]
    reason = f" · {event['reason']}" if event.get("reason") else ""
    return Banner(f"session {status}{reason}", END_STYLES.get(status, "bold"))


def _judge(event: dict, person: str) -> RenderableType:
    text = (f"{event['correct']}/{event['total']} multiple-choice questions right from the "
            f"description alone · {event['model']} · chance is 1/3")
    return Row("judge", "bold cyan", Text(text))


def _generic(event: dict, person: str = "") -> RenderableType:
    """Any other kind (or a malformed event): its kind and fields, so nothing is lost."""
    fields = ", ".join(f"{key}={_value(value)}" for key, value in event.items()
                       if key not in HIDDEN_FIELDS)
    return Row(str(event.get("kind", "?")), "dim", Text(fields, style="dim"))


RENDERERS: dict[str, Callable[[dict, str], RenderableType]] = {
    "session_start": _start,
    "message": _message,
    "probe": _probe,
    "hypothesis": _hypothesis,
    "steer": _steer,
    "takeover": _takeover,
    "handback": _handback,
    "reveal": _reveal,
    "pause": lambda e, _: Row("paused", "bold yellow", Text("the agent waits", style="dim")),
    "resume": lambda e, _: Row("resumed", "bold green", Text("the agent continues", style="dim")),
    "submit": _submit,
    "score": _score,
    "usage": _usage,
    "error": lambda e, _: Row("error", "bold red", Text(str(e.get("message", "")), style="red")),
    "session_end": _session_end,
    "judge": _judge,
}


def render_event(event: dict, person: str = "you") -> RenderableType:
    """The renderable of one event; a saved session may be malformed, so never raises.
    `person` is what a human actor is called: "you" live, their name in someone's replay."""
    renderer = RENDERERS.get(event.get("kind"), _generic)
    event = shown(event)  # what an agent or a function wrote never drives the terminal
    try:
        return renderer(event, person)
    except (KeyError, TypeError, ValueError, AttributeError):
        return _generic(event)


def render_stream(text: str) -> RenderableType:
    """Partial agent text as it streams in: provisional, so drawn dim with a cursor."""
    return Row("agent", "dim cyan", Text(printable(text) + "▌", style="dim italic"))


# --- the widget ---------------------------------------------------------------------------
class TranscriptPane(ScrollView, can_focus=True):
    """The session's events, newest last; follows new events only while scrolled to the end."""

    DEFAULT_CSS = """
    TranscriptPane {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self._events: list[dict] = []
        self._blocks: list[list[Strip]] = []     # the rendered lines of each event
        self._lines: list[Strip] = []            # the blocks, joined
        self._streamed = ""
        self._stream_lines: list[Strip] = []
        self._width = 0
        self.person = "you"

    def call_person(self, name: str) -> None:
        """What a human actor is called from now on; the transcript is redrawn with it."""
        if name != self.person:
            self.person = name
            self._blocks = [self._render(render_event(e, name)) for e in self._events]
            self._join()

    @property
    def lines(self) -> list[Strip]:
        """Every rendered line: the events, then any text still streaming."""
        return self._lines + self._stream_lines

    def add(self, event: dict) -> None:
        """Append one event; an agent's final message replaces its streamed text."""
        if event.get("kind") == "message" and event.get("actor") != "human":
            self._streamed, self._stream_lines = "", []
        block = self._render(render_event(event, self.person))
        self._events.append(event)
        self._blocks.append(block)
        self._lines.extend(block)
        self._refresh_size()

    def reset(self, events: list[dict]) -> None:
        """Replace the whole transcript (a replay jumping to another event); the lines of a
        prefix shared with what is shown are kept, so stepping back and forth stays cheap."""
        keep = _shared_prefix(self._events, events)
        self._events = list(events)
        self._blocks = self._blocks[:keep] + [self._render(render_event(e, self.person)) for e in events[keep:]]
        self._streamed = ""
        self._join()

    def stream(self, text: str) -> None:
        """Append a chunk of the agent's partial text to the provisional last line."""
        self._streamed += text
        self._stream_lines = self._render(render_stream(self._streamed))
        self._refresh_size()

    def end_stream(self) -> None:
        """Drop the provisional text (the stream stopped without a final message)."""
        self._streamed, self._stream_lines = "", []
        self._refresh_size()

    # --- drawing ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.anchor()

    def on_resize(self, event: Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._width = self.scrollable_content_region.width
            self._blocks = [self._render(render_event(e, self.person)) for e in self._events]
            self._join()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        count = len(self._lines)
        if index < count:
            line = self._lines[index]
        elif index - count < len(self._stream_lines):
            line = self._stream_lines[index - count]
        else:
            line = Strip.blank(self._width)
        return line.apply_style(self.rich_style)

    def _join(self) -> None:
        self._lines = [line for block in self._blocks for line in block]
        self._stream_lines = self._render(render_stream(self._streamed)) if self._streamed else []
        self._refresh_size()

    def _render(self, renderable: RenderableType) -> list[Strip]:
        """Lines at the current width; none before the first layout (on_resize renders then)."""
        if not self._width:
            return []
        console = self.app.console
        options = console.options.update_width(self._width)
        return [Strip(line, self._width) for line in console.render_lines(renderable, options)]

    def _refresh_size(self) -> None:
        self.virtual_size = Size(self._width, len(self._lines) + len(self._stream_lines))
        self.refresh()


def _shared_prefix(old: list[dict], new: list[dict]) -> int:
    """How many leading events the two lists have in common."""
    for index, (a, b) in enumerate(zip(old, new)):
        if a is not b and a != b:
            return index
    return min(len(old), len(new))
