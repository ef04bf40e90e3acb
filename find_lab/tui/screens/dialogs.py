"""Dialogs of the lab: the player's name, the submission, a confirmation, the actor for a fork,
help."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Markdown, OptionList, Static, TextArea

from find_lab import actors, domains, sandbox, trial
from find_lab.english import count
from find_lab.experiment import Experiment, SessionOver


class NameDialog(ModalScreen[str | None]):
    """Asked once: the name a human baseline's sessions are recorded under."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Your name, recorded with your sessions (asked once, kept in settings):")
            yield Input(id="name", placeholder="e.g. Ada")

    @on(Input.Submitted, "#name")
    def _done(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())


class ForkDialog(ModalScreen[str | None]):
    """Which actor continues from the replayed point; each offered with its description."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, names: list[str]):
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Fork from here: who carries on with the probes so far?")
            yield OptionList(*(Text.assemble((f"{name:12}", "bold"), actors.get(name).description)
                               for name in self.names), id="actors")

    @on(OptionList.OptionSelected, "#actors")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])


class ConfirmDialog(ModalScreen[bool]):
    """A yes-or-no question before a key that ends work: y or enter confirms, n or esc not."""

    BINDINGS = [Binding("y", "answer(True)", "Yes", show=False),
                Binding("enter", "answer(True)", "Yes", show=False),
                Binding("n,escape", "answer(False)", "No", show=False)]

    def __init__(self, question: str, confirm_label: str):
        super().__init__()
        self.question, self.confirm_label = question, confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Static(self.question, id="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.confirm_label} (y)", id="yes", variant="error")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()  # enter on it confirms, as the keys say

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


# --- the submission ---------------------------------------------------------------------------
@dataclass
class Draft:
    """A submission being written: kept by the lab (one per session) so closing the dialog
    loses nothing. Empty code means the domain's template."""

    description: str = ""
    domain: str = ""
    code: str = ""


def examples(domain: str) -> tuple[str, str]:
    """Placeholders for the description and the odd region, in the domain's own terms."""
    plugin = domains.find(domain) or domains.Domain  # an unknown domain: the generic wording
    return plugin.description_example, plugin.odd_example


SOURCE_NAME = "<your code>"
# Runs the person's code in the sandbox with the line of each error it raises: the sandbox
# itself reports only the message. Only for testing: a submission runs as it was written.
TRACED = '''
class _Raised(Exception):
    pass


def _tag(exc):
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == {name!r}:
            line = tb.tb_lineno
        tb = tb.tb_next
    return _Raised(f"[line {{line or '?'}}] {{type(exc).__name__}}: {{exc}}")


_ns = {{"__name__": "submission"}}
try:
    exec(compile({source!r}, {name!r}, "exec"), _ns)
except Exception as _exc:
    raise _tag(_exc) from None
if callable(_ns.get("f")):
    def f(x):
        try:
            return _ns["f"](x)
        except Exception as exc:
            raise _tag(exc) from None
'''
RAISED = re.compile(r"_Raised: \[line (\d+|\?)\] (.*)")
LOADING = "the code failed while loading: "


@dataclass(frozen=True)
class Fault:
    """What went wrong in the code: the message, and where when it is known (the line's
    number from 1, its text, and the column of a syntax error)."""

    message: str
    line: int | None = None
    text: str = ""
    column: int | None = None
    compiles: bool = True

    def render(self) -> Text:
        out = Text()
        if self.line:
            out.append(f"line {self.line}: ", style="bold")
            out.append(self.text.rstrip() + "\n", style="yellow")
            if self.column and self.text.strip():
                shown = self.text.rstrip()
                pad = len(f"line {self.line}: ") + min(self.column, len(shown) + 1) - 1
                out.append(" " * pad + "^\n", style="bold red")
        out.append(self.message, style="red")
        return out


@dataclass(frozen=True)
class Trial:
    """How the code does on the person's own probes, recorded nowhere."""

    fault: Fault | None = None   # it could not run at all: no compile, a load error, no f
    probed: int = 0              # distinct probed inputs it was run on
    failed: int = 0              # of those, where it raised or gave nothing usable
    first: Fault | None = None   # the first of those failures
    first_input: Any = None
    summary: str = ""            # how its answers agree with the probes (the domain's terms)

    @property
    def hopeless(self) -> bool:
        """Does not compile, cannot run, or fails on every one of the probes."""
        return self.fault is not None or (self.probed > 0 and self.failed == self.probed)

    def render(self) -> Text:
        if self.fault:
            why = "cannot run" if self.fault.compiles else "does not compile"
            return Text.assemble((f"✗ the code {why}:\n", "bold red"), self.fault.render())
        if not self.probed:
            return Text("the code runs; no probes yet to test it on", style="green")
        out = Text()
        if self.failed == self.probed:
            every = "your probe" if self.probed == 1 else f"every one of your {self.probed} probes"
            out.append(f"✗ fails on {every}, e.g. f({self.first_input!r}):\n", style="bold red")
        else:
            out.append(self.summary + "\n", style="bold")
            if self.failed:
                out.append(f"fails on {self.failed} of {count(self.probed, 'probe')}, "
                           f"e.g. f({self.first_input!r}):\n", style="red")
        if self.first:
            out.append_text(self.first.render())
        return out


def compile_fault(code: str) -> Fault | None:
    """Why `code` does not compile, or None. Compiling runs none of it."""
    try:
        compile(code, SOURCE_NAME, "exec")
    except SyntaxError as exc:
        return Fault(f"{type(exc).__name__}: {exc.msg}", exc.lineno,
                     exc.text or _line(code, exc.lineno), exc.offset, compiles=False)
    except (ValueError, MemoryError, RecursionError) as exc:
        return Fault(f"{type(exc).__name__}: {exc}", compiles=False)
    return None


def _line(code: str, number: int | None) -> str:
    lines = code.splitlines()
    return lines[number - 1] if number and 0 < number <= len(lines) else ""


def _fault(code: str, error: str, input_value=None) -> Fault:
    """A sandbox error as a Fault, with the line when the traced run tagged it."""
    loading = error.startswith(LOADING)
    error = error.removeprefix(LOADING)
    if input_value is not None:
        error = error.removesuffix(f" (input {input_value!r})")
    tagged = RAISED.fullmatch(error)
    if not tagged:
        return Fault(error)
    number = int(tagged[1]) if tagged[1].isdigit() else None
    message = tagged[2] + (" (while the code was loading)" if loading else "")
    return Fault(message, number, _line(code, number))


def try_code(code: str, domain: str, observations: list[tuple]) -> Trial:
    """Run `code` in the sandbox on the probed inputs and compare with what was seen. Records
    nothing: a test is not a hypothesis until the person says so. Blocking (run it in a
    thread)."""
    fault = compile_fault(code)
    if fault:
        return Trial(fault)
    plugin = domains.get(domain)
    inputs = list(dict.fromkeys(x for x, _ in observations))
    outcome = sandbox.run(TRACED.format(source=code, name=SOURCE_NAME), plugin.output_kind,
                          inputs, sandbox.Limits(wall_seconds=5, cpu_seconds=5))
    if not outcome.ok:
        return Trial(_fault(code, outcome.reason))
    failures = [(x, e) for x, e in zip(inputs, outcome.errors) if e is not None]
    answered = [[x, y] for x, y, e in zip(inputs, outcome.outputs, outcome.errors) if e is None]
    first = _fault(code, failures[0][1], failures[0][0]) if failures else None
    summary = trial.fit_summary(domain, observations, answered) if answered else ""
    return Trial(None, len(inputs), len(failures), first, failures[0][0] if failures else None,
                 summary)


class CodeEditor(TextArea):
    """Python code: enter keeps the line's indentation, one level more after a ':' and one
    less after return, pass, raise, break or continue. Other keys go on to the TextArea's
    own handler (Textual calls each class's, until one prevents the default)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key != "enter" or self.read_only:
            return
        event.stop()
        event.prevent_default()
        start, end = sorted(self.selection)
        before = self.document[start[0]][:start[1]]
        self.replace("\n" + next_indent(before, self.indent_width), start, end,
                     maintain_selection_offset=False)


DEDENTERS = frozenset({"return", "pass", "raise", "break", "continue"})


def next_indent(before: str, width: int = 4) -> str:
    """The indentation of a new line after `before` (the text left of the cursor)."""
    indent = before[:len(before) - len(before.lstrip())]
    code = re.sub(r"\s*#[^'\"]*$", "", before).rstrip()
    if code.endswith(":"):
        return indent + " " * width
    words = code.split(maxsplit=1)
    if words and words[0] in DEDENTERS:
        return indent[:max(0, len(indent) - width)]
    return indent


HINT = Text("Test runs it on your probes and records nothing; Record makes it your hypothesis, "
            "drawn on the plot; esc keeps the draft.", style="dim")
MIN_PANEL = 36  # columns: narrower, the panel keeps its stylesheet width and covers the probes


class SubmitDialog(ModalScreen[dict | None]):
    """Description, the odd region and code, in a panel that leaves the probes in view. The
    code can be tested on the person's probes (recorded nowhere) or recorded as their
    hypothesis (drawn on the plot); code that cannot run on any probe is submitted only when
    asked twice. It edits `draft` as the person types: closing it keeps what was written."""

    # esc closes from the code editor too, where it would only move the focus on
    BINDINGS = [Binding("escape", "close", "Close (draft kept)", priority=True),
                Binding("ctrl+r", "try_code", "Test"),
                Binding("ctrl+o", "record", "Record as hypothesis"),
                Binding("ctrl+s", "send", "Submit")]

    def __init__(self, experiment: Experiment, draft: Draft | None = None):
        super().__init__()
        self.experiment = experiment
        self.domain = experiment.target.domain
        self.draft = draft if draft is not None else Draft()
        self.warned = None  # the code a warning was shown for: ctrl+s again submits it
        self.tested: tuple[str, int, Trial] | None = None  # the last test: code, probes, result

    def compose(self) -> ComposeResult:
        plugin = domains.get(self.domain)
        description, region = examples(self.domain)
        with Vertical(id="submit-dialog"):
            with Horizontal(classes="field"):
                yield Label("Description", classes="field-label")
                yield Input(self.draft.description, id="description", placeholder=description,
                            compact=True)
            with Horizontal(classes="field"):
                yield Label("Odd region", classes="field-label")
                yield Input(self.draft.domain, id="domain", placeholder=region, compact=True)
            code = CodeEditor.code_editor(self.draft.code or plugin.template, language="python",
                                          id="code")
            code.border_title = "Code: define f"
            code.border_subtitle = f"{plugin.inputs} → {plugin.outputs}"
            yield code
            yield Static(HINT, id="trial")
            with Horizontal(classes="buttons"):
                yield Button("Test", id="test", compact=True)
                yield Button("Record", id="record", compact=True)
                yield Button("Submit", id="send", variant="primary", compact=True)
                yield Button("Close", id="cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#description", Input).focus()
        self._beside_probes()

    def on_resize(self) -> None:
        self.call_after_refresh(self._beside_probes)

    def _beside_probes(self) -> None:
        """End the panel where the probes pane of the screen below begins, so the probes stay
        in view whatever the lab's layout (without one, the stylesheet's width holds)."""
        stack = self.app.screen_stack
        if self not in stack or stack.index(self) == 0:
            return
        probes = stack[stack.index(self) - 1].query("#probes")
        if probes and probes.first().region.x >= MIN_PANEL:
            self.query_one("#submit-dialog").styles.width = probes.first().region.x

    # --- the draft follows what is typed ------------------------------------------------------
    @on(Input.Changed, "#description")
    def _described(self, event: Input.Changed) -> None:
        self.draft.description = event.value

    @on(Input.Changed, "#domain")
    def _region(self, event: Input.Changed) -> None:
        self.draft.domain = event.value

    @on(TextArea.Changed, "#code")
    def _coded(self, event: TextArea.Changed) -> None:
        self.draft.code = event.text_area.text

    @on(Input.Submitted, "#description")
    def _next(self) -> None:
        self.query_one("#domain", Input).focus()

    @on(Input.Submitted, "#domain")
    def _to_code(self) -> None:
        self.query_one("#code", TextArea).focus()

    @on(Button.Pressed, "#test")
    def _test(self) -> None:
        self.action_try_code()

    @on(Button.Pressed, "#record")
    def _record(self) -> None:
        self.action_record()

    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_close()

    # --- actions ------------------------------------------------------------------------------
    def _code(self) -> str:
        return self.query_one("#code", TextArea).text

    def _show(self, text: Text | str) -> None:
        self.query_one("#trial", Static).update(text)

    def action_close(self) -> None:
        self.dismiss(None)

    async def _trial(self, code: str) -> Trial:
        """The test of `code` on the probes, run again only when the code or probes changed."""
        observations = self.experiment.observations()
        if self.tested and self.tested[:2] == (code, len(observations)):
            return self.tested[2]
        result = await asyncio.to_thread(try_code, code, self.domain, observations)
        self.tested = (code, len(observations), result)
        return result

    @work(exclusive=True, group="trial")
    async def action_try_code(self) -> None:
        """Run the code on the probes and say how it does; nothing goes into the session."""
        self._show(Text("testing in the sandbox…", style="dim"))
        result = await self._trial(self._code())
        self._show(result.render() + Text(
            "\nnot recorded · ctrl+o records it as your hypothesis", style="dim"))

    @work(exclusive=True, group="trial")
    async def action_record(self) -> None:
        """The code as the person's hypothesis: an event of the session, drawn on the plot."""
        code = self._code()
        fault = compile_fault(code)
        if fault:
            self._show(Text.assemble(("✗ not recorded: the code does not compile\n", "bold red"),
                                     fault.render()))
            return
        self._show(Text("recording your hypothesis…", style="dim"))
        note = self.draft.description.strip() or "my hypothesis, recorded before submitting"
        try:
            preview = await self.experiment.hypothesis(code, note=note, actor="human")
        except SessionOver as exc:
            self._show(Text(str(exc), style="red"))
            return
        fit = trial.fit_summary(self.domain, self.experiment.observations(), preview)
        self._show(Text.assemble(("recorded as your hypothesis: the plot draws it\n", "bold green"),
                                 fit))

    def action_send(self) -> None:
        if not self.draft.description.strip():
            self.notify("write a description first", severity="warning")
            self.query_one("#description", Input).focus()
            return
        self._check_and_send()

    @work(exclusive=True, group="trial")
    async def _check_and_send(self) -> None:
        """Submit, unless the code cannot run on any probe and the person was not yet told."""
        code = self._code()
        if code != self.warned:
            self._show(Text("checking the code on your probes before submitting…", style="dim"))
            result = await self._trial(code)
            if result.hopeless:
                self.warned = code
                self._show(result.render() + Text(
                    "\n⚠ submitting is final: ctrl+s again submits this code anyway",
                    style="bold yellow"))
                return
        self.dismiss({"description": self.draft.description.strip(),
                      "domain": self.draft.domain.strip(), "code": code})


HELP = """\
# FIND Lab

An agent (or you) probes a **hidden function** and explains it with a description and code.

## Everywhere
- `ctrl+p` command palette · `f1` this help · `ctrl+q` quit (asks first while a session is live)
  · `esc` back

## Launcher
- type to search the functions by id or complexity (`numeric noise`, `strings composed`): keys
  typed in any list go to the search; `/` jumps to it, `enter` goes back to the list
- `enter` on a function opens it in the mode shown · `f2` watch the chosen agent · `f3` play it
  yourself
- `enter` on a session replays it · `f4` resumes an interrupted or crashed one: a new session
  carrying on from its probes, marked as resumed
- `ctrl+b` scoreboard · `f6` every session (filter, sort, search transcripts, compare two) ·
  `f5` refresh the sessions · `tab` moves between lists

## In the lab
- `m` maximizes the focused pane (again: all three back)

## Watching an agent
- `space` pause / resume · `n` lets the paused agent take one step · `s` steer (type a
  message it reads at its next step)
- `ctrl+t` take over (you probe) and hand back (it is told what you tried)
- `h` show / hide the hidden function · `a` abandon (asks first; so does `esc` on a live session)

## Playing
- probe with numbers `3`, lists `1, 2.5, -7`, ranges `-10:10:0.5`, quoted strings `"Hi there"`
  or words `apple river` · `f2` reveals the answer (recorded: the result is no longer pure)
- `ctrl+s` opens the submission beside your probes: a description, the odd region and code
  - `ctrl+r` tests the code on your probes and records nothing; an error shows its line
  - `ctrl+o` records it as your hypothesis: the plot draws it and the session keeps it
  - `ctrl+s` submits; code that fails on every probe (or does not compile) asks a second time
  - `esc` closes the panel and keeps the draft for next time

## Replay
- `←`/`→` step · `home`/`end` jump · `p` or `space` play/pause · `+`/`-` speed
- `f` fork: a new live session from this point, carrying the probes so far
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(HELP)
