"""Claude as the interpretability agent: FIND's AIA loop over the Anthropic Messages API.

Each turn streams one reply, records it, then runs the tools it calls (probe,
test_hypothesis, submit) through the Door and answers with their results. Steering and
a human's takeover reach the model as text in its next user turn. The SDK is imported lazily,
in a worker thread: it costs seconds and must never block a UI's event loop.

Faults: the SDK retries 408/409/429/5xx itself (honouring retry-after and retry-after-ms);
a reply that breaks off mid-stream is asked for again, and nothing of it is recorded until a
whole reply has arrived, so a fault never duplicates or loses an event. An API that cannot be
reached at all ends the session with one line saying where and why.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
from typing import Any, Callable

from find_lab import domains, pricing
from find_lab.domains import Domain
from find_lab.experiment import Budget, BudgetExhausted, Door
from find_lab.pricing import DEFAULT_MODEL
from find_lab.store import redact
from find_lab.trial import fit_summary

MISSING_KEY = "set ANTHROPIC_API_KEY (or --api-key-file) to use the claude agent"
EPHEMERAL = {"type": "ephemeral"}
WORST_SHOWN = 8
ENDING_STOPS = {"refusal": "the model declined to continue (refusal)",
                "model_context_window_exceeded": "the conversation outgrew the model's context "
                                                 "window"}

COMMON_PROMPT = """\
You are the experimenter in FIND Lab. A hidden function f sits behind a black box: you cannot \
read it, only call it on inputs you choose. Find out what it does, then explain it in words a \
person can check and in Python code that reproduces it.

How to work:
- Test widely before you theorise: spread your first probes over the whole input space, then \
look closer wherever something changes.
- Expect noise. Some functions add random noise to every output; probe a few inputs twice to \
see how much, and describe the underlying function, not the noise.
- Look for an interval that behaves differently. Many functions follow one rule almost \
everywhere and something else on a stretch of inputs (a corrupted interval where the output is \
noise around the mean, a step, a kink, a region where it is undefined). Pin down its bounds: \
that is where a good explanation beats a mediocre one.
- Prefer a simple description of most of the behaviour plus an exact account of the \
exception over a complicated formula that fits everything a little.
- Before you submit, check your code with test_hypothesis: it runs the code on every input \
probed so far and reports the fit and the worst misses.
- Submit closed-form code. A table of the values you probed explains nothing, and the scorer \
measures the code and reports a lookup table as one.
- Say in a sentence or two what you learned and what you will try next: a person is watching \
and may send you messages. Take them into account.

Your answer, given with the submit tool, has three parts:
[DESCRIPTION] what f does, in a few plain sentences;
[DOMAIN] where f behaves differently, with its bounds, or "none";
[CODE] Python source defining f(x).

The domain of this function:
"""
# Asked for in words, not forced through tool_choice: current models (Opus 5.5, Sonnet 5.5,
# Fable 5.1 and later) answer a forced tool choice with a 400.
LAST_TURN = ("This is your last turn: call submit now with your best description, domain and "
             "code. A session that ends without a submission scores nothing.")
NUDGE = "Continue by calling a tool: probe, test_hypothesis, or submit once you are confident."


class ClaudeUnavailable(ValueError):
    """The claude agent cannot run here (no API key): one line for the person at the lab, a
    ValueError like the lab's other bad choices."""


class _Interrupted(Exception):
    """A reply stream ended before its last event."""


class _Unreachable(Exception):
    """The API's address refused a connection: nothing listens there."""


class ClaudeAgent:
    kind = "claude"
    name = "claude"

    def __init__(self, model: str = DEFAULT_MODEL, api_key: str | None = None,
                 base_url: str | None = None, max_rounds: int = 20, max_tokens: int = 4096,
                 client: Any = None, *, on_text: Callable[[str], None] | None = None,
                 max_retries: int = 4, timeout: float = 120.0, connect_timeout: float = 10.0):
        """`client` is an AsyncAnthropic to use as it is; otherwise one is made from
        `api_key` (default $ANTHROPIC_API_KEY) and `base_url` (default $ANTHROPIC_BASE_URL),
        retrying failed requests `max_retries` times, taking a stream silent for `timeout`
        seconds as stalled (the SDK's own default waits ten minutes) and giving up on opening a
        connection after `connect_timeout` seconds.
        `on_text` receives streamed text as it arrives: a reply interrupted mid-stream is asked
        for again, so a listener drops what it has shown at the next message or error event."""
        self.model = model
        self.max_rounds, self.max_tokens = max_rounds, max_tokens
        self.on_text = on_text
        self.redo_delays = (0.0, 1.0, 3.0)  # waits before asking again for a broken reply
        self._client = client
        self._api_key = api_key or os.environ.get("ANTHROPIC_API_KEY")
        self._base_url, self._max_retries = base_url, max_retries
        self._timeout, self._connect_timeout = timeout, connect_timeout
        if client is None and not self._api_key:
            raise ClaudeUnavailable(MISSING_KEY)

    async def run(self, door: Door) -> None:
        anthropic, httpx2 = await asyncio.to_thread(_load_sdk)
        client = self._client or self._make_client(anthropic)
        try:
            await _Session(self, door, client, anthropic, httpx2).run()
        finally:
            if client is not self._client:
                await client.close()

    def _make_client(self, anthropic):
        httpx2 = importlib.import_module("httpx2")
        return anthropic.AsyncAnthropic(
            api_key=self._api_key, base_url=self._base_url, max_retries=self._max_retries,
            timeout=httpx2.Timeout(self._timeout, connect=self._connect_timeout),
            middleware=[_refusal_is_final])


async def _refusal_is_final(request, call_next):
    """SDK middleware: a refused connection (nothing listens there) is not retried. The SDK's
    back-off would spend seconds before saying the same; any other fault is left to it."""
    try:
        return await call_next(request)
    except Exception as exc:
        if _cause(exc, ConnectionRefusedError):
            raise _Unreachable() from None  # no __cause__: the SDK's retry policy skips it
        raise


def _load_sdk():
    return importlib.import_module("anthropic"), importlib.import_module("httpx2")


class _Session:
    """One conversation: the message history and the turn loop."""

    def __init__(self, agent: ClaudeAgent, door: Door, client, anthropic, httpx2):
        self.agent, self.door, self.client = agent, door, client
        self.anthropic, self.httpx2 = anthropic, httpx2
        self.broken = (anthropic.APIConnectionError, httpx2.TransportError, _Interrupted,
                       _Unreachable, ValueError)  # ValueError: a tool call's JSON was unparsable
        self.domain = domains.get(door.domain)
        self.messages: list[dict] = []
        self.max_tokens = agent.max_tokens
        self.on_text = agent.on_text
        self.system = [{"type": "text", "text": COMMON_PROMPT + self.domain.prompt,
                        "cache_control": EPHEMERAL}]
        self.tools = _tools(self.domain, door.budget)

    async def run(self) -> None:
        results, notes = [], [self._opening()]
        for turn in range(1, self.agent.max_rounds + 1):
            notes += _notes(await self.door.checkpoint())
            if turn == self.agent.max_rounds:
                notes.append(LAST_TURN)
            self.messages.append({"role": "user", "content": results + [_text(n) for n in notes]})
            reply = await self._reply()
            if reply is None:
                return
            await self._record(reply)
            if reply.stop_reason in ENDING_STOPS:
                return self._fail(ENDING_STOPS[reply.stop_reason], "abandoned")
            notes = _notes(await self.door.checkpoint())  # a pause holds the tools back
            results = await self._run_tools(reply, notes)
            if self.door.ended:
                return
        self.door.stop("budget_exhausted",
                            reason=f"no submission within {self.agent.max_rounds} turns")

    def _opening(self) -> str:
        budget = self.door.budget
        text = (f"Investigate the hidden function. You have {budget.calls} probe calls and "
                f"{budget.points} points (inputs) in all, and {self.agent.max_rounds} turns.")
        seen = self.door.observations()
        if seen:
            shown = "; ".join(f"f({x!r}) = {y!r}" for x, y in seen[:100])
            text += f" Probes already made in this session: {shown}."
        if self.door.hints:  # FIND's search initialization, in FIND's words
            text += f"\nWe advise you to start with the following words: {list(self.door.hints)}"
        return text

    # --- one reply ----------------------------------------------------------------------------
    async def _reply(self):
        """The model's next whole reply; None when the session had to end instead."""
        for attempt, delay in enumerate((*self.agent.redo_delays, None), start=1):
            try:
                return await self._stream()
            except self.anthropic.AuthenticationError:
                return self._fail("the API key was rejected (401): set ANTHROPIC_API_KEY "
                                  "(or --api-key-file) to a valid key")
            except self.anthropic.PermissionDeniedError as exc:
                return self._fail(f"the API key may not do this (403 permission_error): "
                                  f"{_api_message(exc)}")
            except self.anthropic.APIStatusError as exc:
                if exc.status_code < 400:  # an `error` event after the stream had started
                    why = f"the API sent {exc.type or 'an error'} mid-reply"
                else:
                    return self._fail(f"the API answered {exc.status_code} "
                                      f"{exc.type or 'error'}: {_api_message(exc)}")
            except self.broken as exc:
                unreachable = _cause(exc, _Unreachable, self.httpx2.ConnectError,
                                     self.httpx2.ConnectTimeout)
                if unreachable:  # no connection at all, and the SDK has retried already
                    return self._unreachable(unreachable)
                why = _why(exc)
            if delay is None:
                return self._fail(f"the reply broke off {attempt} times in a row; last: {why}")
            self.door.report_error(f"{why}; asking for the reply again", retrying=True)
            await asyncio.sleep(delay)

    async def _stream(self):
        async with self.client.messages.stream(
                model=self.agent.model, max_tokens=self.max_tokens, system=self.system,
                tools=self.tools, messages=self.messages) as stream:
            async for event in stream:
                if event.type == "text" and self.on_text:
                    self.on_text(event.text)
            reply = await stream.get_final_message()
        if reply.stop_reason is None:
            raise _Interrupted("the reply stream ended early")
        return reply

    async def _record(self, reply) -> None:
        """The reply's usage and text become events; its content joins the history as sent."""
        usage = {field: getattr(reply.usage, field) or 0 for field in pricing.TOKEN_FIELDS}
        self.door.report_usage(model=reply.model, **usage, cost_usd=pricing.cost(reply.model, usage))
        for block in reply.content:
            if block.type == "text" and block.text.strip():
                await self.door.say(block.text)
        content = [block.to_dict() for block in reply.content
                   if not (block.type == "text" and not block.text)]  # the API refuses empty text
        if content:
            self.messages.append({"role": "assistant", "content": content})

    def _unreachable(self, exc: BaseException) -> None:
        why = "connection refused" if _cause(exc, ConnectionRefusedError) else _why(exc)
        return self._fail(f"cannot reach the Anthropic API at "
                          f"{str(self.client.base_url).rstrip('/')}: {why}")

    def _fail(self, reason: str, status: str = "crashed") -> None:
        self.door.report_error(reason)
        self.door.stop(status, reason=reason)

    # --- tools --------------------------------------------------------------------------------
    async def _run_tools(self, reply, notes: list[str]) -> list[dict]:
        """A tool_result for each tool call, in order; `notes` gains what the model should
        read beside them."""
        calls = [block for block in reply.content if block.type == "tool_use"]
        cut = reply.stop_reason == "max_tokens"
        if cut:
            notes.append(self._cut_off(reply))
        elif not calls:
            notes.append(NUDGE)
        results = []
        for call in calls:
            if cut and call is reply.content[-1]:
                results.append(_result(call.id, "Cut off at max_tokens before this call was "
                                       "complete; it was not run.", error=True))
                continue
            results.append(await self._run_tool(call))
            if self.door.ended:
                break
        return results

    def _cut_off(self, reply) -> str:
        last = reply.content[-1] if reply.content else None
        where = f" in the middle of a call to {last.name}" if last and last.type == "tool_use" \
            else ""
        if self.max_tokens == self.agent.max_tokens:
            self.max_tokens *= 2  # once: a long submission may simply need the room
        return (f"Your last reply was cut off at the max_tokens limit{where}. Be briefer, and "
                f"make any call that was cut off again.")

    async def _run_tool(self, call) -> dict:
        tools = {"probe": (self._probe, {"inputs": list}, ()),
                 "test_hypothesis": (self._test, {"code": str, "note": str}, ("note",)),
                 "submit": (self._submit, {"description": str, "domain": str, "code": str}, ())}
        if call.name not in tools:
            return _result(call.id, f"There is no tool called {call.name!r}; use "
                           f"{', '.join(tools)}.", error=True)
        run, fields, optional = tools[call.name]
        problem = _check(call.name, call.input, fields, optional)
        if problem:
            return _result(call.id, problem, error=True)
        return await run(call.id, **call.input)

    async def _probe(self, call_id: str, inputs: list) -> dict:
        if not inputs:
            return _result(call_id, "probe needs at least one input.", error=True)
        try:
            answers = await self.door.probe(inputs)
        except BudgetExhausted:
            return _result(call_id, f"No probe calls left (the budget was "
                           f"{self.door.budget.calls}). Submit your best description and "
                           f"code now with the submit tool.", error=True)
        shown = [{"input": x, "error": error} if error else {"input": x, "output": y}
                 for x, (y, error) in zip(inputs, answers)]
        return _result(call_id, json.dumps({
            "results": shown, "calls_left": self.door.calls_left,
            "points_left": max(0, self.door.points_left)}))

    async def _test(self, call_id: str, code: str, note: str = "") -> dict:
        preview = await self.door.hypothesis(code, note=note)
        seen = self.door.observations()
        report = {"fit": fit_summary(self.domain.name, seen, preview)}
        if preview:
            report["worst"] = _worst(self.domain, seen, preview)
        elif seen:
            report["error"] = await asyncio.to_thread(_why_code_fails, code, self.domain,
                                                      [x for x, _ in seen[:5]])
        return _result(call_id, json.dumps(report), error=not preview and bool(seen))

    async def _submit(self, call_id: str, description: str, domain: str, code: str) -> dict:
        await self.door.submit(description, code, domain=domain)
        return _result(call_id, "Submitted.")


def _tools(domain: Domain, budget: Budget) -> list[dict]:
    """The three tools; the cache breakpoint on the last one caches them with the system prompt."""
    probe = {"name": "probe", "description": (
        f"Call the hidden function on a batch of inputs; returns each input with its output "
        f"or an error. Each call uses one of your {budget.calls} probe calls, each valid "
        f"input one of your {budget.points} points."),
        "input_schema": {"type": "object", "properties": {"inputs": {
            "type": "array", "minItems": 1, "items": domain.probe_schema,
            "description": "the inputs to try"}}, "required": ["inputs"]}}
    test = {"name": "test_hypothesis", "description": (
        "Run candidate code in the lab's sandbox on every input probed so far; returns the "
        "fit and the worst misses, and draws your hypothesis for the person watching. Uses "
        "no probes."),
        "input_schema": {"type": "object", "properties": {
            "code": {"type": "string", "description": "Python source defining f(x)"},
            "note": {"type": "string", "description": "the hypothesis in a few words"}},
            "required": ["code"]}}
    submit = {"name": "submit", "description": (
        "Give your final explanation. This ends the session; the lab scores the code on "
        "inputs you have not seen."),
        "input_schema": {"type": "object", "properties": {
            "description": {"type": "string", "description": "[DESCRIPTION] what f does"},
            "domain": {"type": "string", "description":
                       "[DOMAIN] where f behaves differently, with bounds, or \"none\""},
            "code": {"type": "string", "description": "[CODE] Python source defining f(x)"}},
            "required": ["description", "domain", "code"]},
        "cache_control": EPHEMERAL}
    return [probe, test, submit]


def _check(tool: str, given, fields: dict[str, type], optional: tuple[str, ...]) -> str | None:
    """Why a tool call's input is unusable, phrased so the model can fix it; None if fine."""
    if not isinstance(given, dict):
        return f"{tool} takes a JSON object with {', '.join(fields)}; got {type(given).__name__}."
    missing = [name for name in fields if name not in given and name not in optional]
    if missing:
        return f"{tool} is missing {', '.join(missing)}; call it again with every required field."
    for name, kind in fields.items():
        if name in given and not isinstance(given[name], kind):
            wanted = {list: "a JSON array", str: "a string"}[kind]
            return (f"{tool}: {name} must be {wanted}, not {type(given[name]).__name__} "
                    f"{json.dumps(given[name])[:80]}; call it again.")
    unknown = sorted(set(given) - set(fields))
    if unknown:
        return f"{tool} does not take {', '.join(unknown)}; it takes {', '.join(fields)}."
    return None


def _worst(domain: Domain, seen: list[tuple], preview: list) -> list[dict]:
    """The probes the code misses most: what the model should look at next."""
    predicted = {_key(x): y for x, y in preview}
    misses = []
    for x, y in seen:
        guess = predicted.get(_key(x))
        size = domain.miss(y, guess)
        if size > 0:
            misses.append((size, {"input": x, "observed": y, "predicted": guess}))
    misses.sort(key=lambda miss: -miss[0])
    return [miss for _, miss in misses[:WORST_SHOWN]]


def _key(x):
    return round(x, 9) if isinstance(x, float) else x


def _why_code_fails(code: str, domain: Domain, inputs: list) -> str:
    from find_lab import sandbox

    outcome = sandbox.run(code, domain.output_kind, inputs,
                          sandbox.Limits(wall_seconds=5, cpu_seconds=5))
    return outcome.reason or outcome.first_error() or "the code returned nothing usable"


def _result(call_id: str, content: str, error: bool = False) -> dict:
    result = {"type": "tool_result", "tool_use_id": call_id, "content": content}
    return {**result, "is_error": True} if error else result


def _text(value: str) -> dict:
    return {"type": "text", "text": value}


def _notes(messages: list[str]) -> list[str]:
    return [f"[From the person running the lab] {message}" for message in messages]


def _api_message(exc) -> str:
    return redact(exc.api_message or str(exc))[:300]


def _cause(exc: BaseException | None, *kinds: type) -> BaseException | None:
    """The first exception of one of `kinds` in the chain that led to `exc`."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, kinds):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _why(exc: BaseException) -> str:
    return redact(f"{type(exc).__name__}: {exc}".rstrip(": "))[:200]
