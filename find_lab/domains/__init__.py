"""Domains are plugins: one interface, one package per family of hidden functions.

A `Domain` holds everything the lab knows about one family: what its inputs and outputs are
and how a person types them, how its specs are generated, run and rendered, what a submission
is scored on and how, what the description judge asks, what the sandbox accepts from submitted
code, how the baselines probe and answer, and what an agent is told. Nothing outside a domain's
package tests a domain's name; it asks the registry here.

The built-in domains are registered at the foot of this module, the one place that lists
them. A new domain is a package with a `Domain` and one `register` call.
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from find_lab.probe_syntax import MAX_INPUTS, ProbeSyntaxError

if TYPE_CHECKING:
    import numpy as np

    from find_lab.sandbox import Outcome

OUTPUT_KINDS = ("number", "text")  # what the sandbox accepts from a submission's f


@dataclass(frozen=True)
class Answers:
    """What a submission is judged against: the scoring inputs, the true outputs there, the
    region local detail is judged on, for a domain that has one, and the part of the function
    each input tests, for a domain that reports parts (inside a relation's domain, in its
    exception, outside it)."""

    function_id: str
    domain: str
    inputs: list
    expected: list
    local: tuple[float, float] | None = None
    parts: tuple[str, ...] | None = None

    def answered(self) -> Answers:
        """Without the inputs a reference function failed on (NaN): they test no answer."""
        keep = [i for i, y in enumerate(self.expected)
                if not isinstance(y, float) or math.isfinite(y)]
        parts = tuple(self.parts[i] for i in keep) if self.parts else None
        return Answers(self.function_id, self.domain, [self.inputs[i] for i in keep],
                       [self.expected[i] for i in keep], self.local, parts)


def pick(specs: list[dict], ids: list[str] | None) -> list[dict]:
    """`specs`, or those in `ids` in that order: `generate` for a domain drawn in one sequence."""
    if ids is None:
        return specs
    by_id = {spec["id"]: spec for spec in specs}
    return [by_id[fid] for fid in ids]


class Domain(ABC):
    """One family of hidden functions. A subclass sets every attribute without a default
    (`register` refuses it otherwise) and implements the abstract methods; the rest have
    defaults that suit most domains."""

    name: str                        # the id prefix of its functions and the `domain` of its specs
    complexities: tuple[str, ...]    # the `complexity` tags its specs carry
    inputs: str                      # what f takes, in a few words (`suite show`)
    outputs: str                     # what f returns, in a few words
    output_kind: str                 # one of OUTPUT_KINDS: what the sandbox checks f returns
    metric: str                      # the score's name, as saved with every score
    threshold: float                 # success: below it if lower_is_better, else at or above
    lower_is_better: bool
    prompt: str                      # the domain as the agent is told it
    probe_schema: dict               # JSON schema of one probe input, for the agent's probe tool
    probe_hint: str = ""             # how a person types probes, shown in the lab's probe box
    # what a description and the odd region look like here (the submission's placeholders),
    # and how the offline scientist is steered on it (the steer box's placeholder)
    description_example: str = "what the function does, in a sentence or two"
    odd_example: str = "where it behaves differently, or leave empty"
    steer_hint: str = '"an input" to probe · submit now  (the scientist says what it cannot follow)'
    find_category: str = ""          # FIND's folder for such functions (numeric, strings, ...)
    template: str = "def f(x):\n    return x\n"  # the code a person's submission starts from
    closed_form: bool = False        # answers are formulas: many numbers in one mark a table
    count: int = 0                   # functions `suite build` writes (0: none in the suite)
    spec_fields: tuple[str, ...] = ()  # fields each of its specs carries beside the common ones

    # --- probing ------------------------------------------------------------------------
    @abstractmethod
    def validate(self, value) -> tuple[Any, str | None]:
        """A probe input as the function takes it, and None; or the input and why it is
        refused (a refused input costs no point)."""

    @abstractmethod
    def read_probes(self, text: str) -> list:
        """Inputs from what a person typed (stripped, not empty), with a `probe_syntax`
        syntax; ProbeSyntaxError says what is wrong."""

    def parse(self, text: str) -> list:
        """What a person typed to probe, as inputs; ProbeSyntaxError in one line if not."""
        text = text.strip()
        if not text:
            raise ProbeSyntaxError("type something to probe")
        inputs = self.read_probes(text)
        if len(inputs) > MAX_INPUTS:
            raise ProbeSyntaxError(f"{len(inputs)} inputs is more than {MAX_INPUTS} at once")
        return inputs

    def preview_inputs(self, probed: list) -> list:
        """Where a hypothesis is run to be drawn beside the probes: each probed input once."""
        return list(dict.fromkeys(probed))

    @abstractmethod
    def fit_summary(self, pairs: list[tuple], probed: int) -> str:
        """One line on how (observed, predicted) pairs agree; `probed` inputs were answered,
        of which the code predicted those in `pairs`."""

    def miss(self, observed, predicted) -> float:
        """How far a prediction is from the observation (0: exact), to rank an agent's misses."""
        if self.output_kind == "text":
            return 0.0 if predicted == observed else 1.0
        return math.inf if predicted is None else abs(float(observed) - float(predicted))

    # --- the hidden functions -----------------------------------------------------------
    @abstractmethod
    def generate(self, seed: int, lexicon: Path, workers: int = 1,
                 ids: list[str] | None = None) -> list[dict]:
        """The domain's `count` specs as `suite build` writes them (the same for the same seed
        and lexicon), or only those in `ids`, in that order."""

    def check(self, spec: dict) -> str | None:
        """What makes an interpretable spec unusable (`suite verify`), or None."""
        return None

    @abstractmethod
    def observer(self, spec: dict, rng: np.random.Generator) -> Callable[[list], list]:
        """The batch call probes reach: validated inputs in, outputs out (NaN where
        undefined), noisy where the function is; noise is drawn from `rng`."""

    @abstractmethod
    def render(self, spec: dict) -> str:
        """Readable, runnable Python source of the function, defining `f`."""

    # --- scoring ------------------------------------------------------------------------
    @abstractmethod
    def answers(self, spec: dict) -> Answers:
        """The held-out inputs a submission is scored on, with the noise-free outputs."""

    def reference_inputs(self, function_id: str) -> list:
        """Inputs worth asking a user's reference function about in one batch before scoring:
        those the domain knows in advance (none, where they depend on its answers)."""
        return []

    @abstractmethod
    def reference_answers(self, function_id: str, function: Callable) -> Answers:
        """Answers from a user's reference function (one input at a time, NaN where it fails),
        scored as a suite function is: the domain draws the held-out inputs, from the
        function's own answers where it must."""

    @abstractmethod
    def grade(self, answers: Answers, outcome: Outcome) -> tuple[float, dict, str | None]:
        """The metric's value on what the code returned, details for the score, and why the
        value is partial (some inputs failed), or None."""

    def succeeds(self, value: float) -> bool:
        return value < self.threshold if self.lower_is_better else value >= self.threshold

    @property
    def failure(self) -> float:
        """The value of code that could not run: an infinite error, or nothing matched."""
        return math.inf if self.lower_is_better else 0.0

    # --- the description judge ----------------------------------------------------------
    @abstractmethod
    def question_inputs(self, spec: dict, rng: random.Random) -> list:
        """Inputs the judge may ask about, in the order it tries them."""

    @abstractmethod
    def shown_truth(self, spec: dict) -> Callable[[Any], Any]:
        """The noise-free function as the judge shows it: rounded, None where undefined."""

    # --- the baselines ------------------------------------------------------------------
    @abstractmethod
    def random_inputs(self, count: int, seed: int) -> list:
        """At most `count` inputs drawn at random (the `random` baseline's probes)."""

    def grid_inputs(self, count: int, seed: int) -> list:
        """At most `count` inputs spread evenly (the `interpolate` baseline's probes); a
        domain without an order draws them at random."""
        return self.random_inputs(count, seed)

    @abstractmethod
    def table_code(self, pairs: list[tuple], interpolate: bool) -> str:
        """Code answering from a table of (input, output) pairs: the nearest probed input,
        or, where the domain can, interpolation between them."""


class UnknownDomain(ValueError):
    """A domain no package registered; the message names the ones that are."""


_REGISTRY: dict[str, Domain] = {}


def register(domain: Domain) -> Domain:
    missing = [attribute for attribute in Domain.__annotations__ if not hasattr(domain, attribute)]
    if missing:
        raise ValueError(f"{type(domain).__name__} does not set {', '.join(missing)}")
    if domain.name in _REGISTRY:
        raise ValueError(f"a domain named {domain.name!r} is already registered")
    if domain.output_kind not in OUTPUT_KINDS:
        raise ValueError(f"domain {domain.name!r} has output kind {domain.output_kind!r} "
                         f"(expected one of {', '.join(OUTPUT_KINDS)})")
    _REGISTRY[domain.name] = domain
    return domain


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def get(name: str) -> Domain:
    domain = find(name)
    if domain is None:
        raise UnknownDomain(f"unknown domain {name!r} (known: {', '.join(_REGISTRY)})")
    return domain


def find(name: str | None) -> Domain | None:
    """The domain registered as `name`, or None: for readers of saved sessions and ids, which
    may name a domain this lab has not loaded."""
    return _REGISTRY.get(name)


def names() -> tuple[str, ...]:
    """Registered domains, in registration order (the built-in ones first)."""
    return tuple(_REGISTRY)


# --- the built-in domains: their packages import Domain and Answers from above ----------------
from find_lab.domains import neurons, numeric, relations, strings  # noqa: E402

for _package in (numeric, strings, neurons, relations):
    register(_package.DOMAIN)
