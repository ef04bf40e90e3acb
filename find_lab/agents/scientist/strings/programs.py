"""Hypotheses as programs: each one runs, describes itself and writes its own source.

A `Step` is a Python expression of the string `s`; it is compiled from that very text, so what
the scientist tests while it thinks and the code it submits cannot drift apart. Programs are
built from steps: a chain, a concatenation of parts, a constant, or a choice between two
programs on a predicate.
"""

from __future__ import annotations

import functools
import inspect
import re
import string
from dataclasses import dataclass

from find_lab.agents.scientist.strings import helpers

HELPERS = {name: value for name, value in vars(helpers).items()
           if inspect.isfunction(value) and value.__module__ == helpers.__name__}
NAMESPACE = {"re": re, "string": string, **HELPERS}
CALL = re.compile(r"\b(" + "|".join(HELPERS) + r")\(")
ERROR = object()  # what a program gives where it raises: equal to no output


@functools.cache
def compiled(expr: str):
    """The function of `s` an expression computes (compiled once per text)."""
    return eval(f"lambda s: {expr}", NAMESPACE)  # noqa: S307 - the scientist's own text


@dataclass(frozen=True)
class Step:
    """One transformation: `expr` computes it from `s`, `phrase` says it ("reverses the
    string"), `cost` orders hypotheses (the simplest explanation is preferred)."""

    expr: str
    phrase: str
    cost: float = 1.0

    @property
    def func(self):
        return compiled(self.expr)

    @property
    def needs(self) -> set[str]:
        return set(CALL.findall(self.expr))


@dataclass(frozen=True)
class Pred:
    """A yes/no question about the string, as an expression of `s`."""

    expr: str
    phrase: str          # "the string is empty"
    cost: float = 1.0

    @property
    def func(self):
        return compiled(self.expr)


class Program:
    cost: float

    def run(self, x: str):
        try:
            return self._run(x)
        except Exception:
            return ERROR

    def _run(self, x: str) -> str:
        raise NotImplementedError

    def phrase(self) -> str:
        raise NotImplementedError

    def lines(self, name: str) -> list[str]:
        """Source lines defining `name(s)`."""
        raise NotImplementedError

    def needs(self) -> set[str]:
        raise NotImplementedError

    def describe(self) -> str:
        text = self.phrase()
        return text[:1].upper() + text[1:] + "."

    def code(self) -> str:
        """Self-contained source of `f`, with the helpers it calls."""
        parts = ["import re", "import string", ""]
        for name in sorted(self.needs()):
            parts += [inspect.getsource(HELPERS[name]).rstrip(), "", ""]
        parts += self.lines("f")
        return "\n".join(parts) + "\n"

    def label(self) -> str:
        return self.phrase()


@dataclass(frozen=True, eq=True)
class Chain(Program):
    """Steps applied left to right; no steps is the identity."""

    steps: tuple[Step, ...] = ()

    @property
    def cost(self) -> float:
        return sum(step.cost for step in self.steps)

    def _run(self, x):
        for step in self.steps:
            x = step.func(x)
            if not isinstance(x, str):
                return ERROR
        return x

    def phrase(self):
        if not self.steps:
            return "returns the string unchanged"
        return ", then ".join(step.phrase for step in self.steps)

    def lines(self, name):
        return [f"def {name}(s):", *(f"    s = {step.expr}" for step in self.steps),
                "    return s"]

    def needs(self):
        return set().union(*(step.needs for step in self.steps))


@dataclass(frozen=True)
class Const(Program):
    value: str
    cost: float = 1.0

    def _run(self, x):
        return self.value

    def phrase(self):
        return f"always returns {self.value!r}"

    def lines(self, name):
        return [f"def {name}(s):", f"    return {self.value!r}"]

    def needs(self):
        return set()


@dataclass(frozen=True)
class Concat(Program):
    """The outputs of several programs of the same input, written one after another."""

    parts: tuple[Program, ...]

    @property
    def cost(self) -> float:
        return 0.5 + sum(part.cost for part in self.parts)

    def _run(self, x):
        outs = [part.run(x) for part in self.parts]
        return ERROR if any(o is ERROR for o in outs) else "".join(outs)

    def phrase(self):
        said = [repr(p.value) if isinstance(p, Const) else "the string itself"
                if p == IDENTITY else f"[{p.phrase()}]" for p in self.parts]
        return "writes, one after another: " + " + ".join(said)

    def lines(self, name):
        out, calls = [], []
        for i, part in enumerate(self.parts):
            if isinstance(part, Const):
                calls.append(repr(part.value))
            else:
                out += part.lines(f"_{name}_{i}") + ["", ""]
                calls.append(f"_{name}_{i}(s)")
        return out + [f"def {name}(s):", f"    return {' + '.join(calls)}"]

    def needs(self):
        return set().union(*(part.needs() for part in self.parts))


@dataclass(frozen=True)
class Choice(Program):
    """`then` where the predicate holds, `other` where it does not."""

    pred: Pred
    then: Program
    other: Program

    @property
    def cost(self) -> float:
        return 1.0 + self.pred.cost + self.then.cost + self.other.cost

    def _run(self, x):
        return self.then.run(x) if self.pred.func(x) else self.other.run(x)

    def phrase(self):
        return (f"if {self.pred.phrase}, {_inline(self.then)}; otherwise "
                f"{_inline(self.other)}")

    def lines(self, name):
        then, other = f"_{name}_then", f"_{name}_otherwise"
        return [*self.then.lines(then), "", "", *self.other.lines(other), "", "",
                f"def {name}(s):", f"    return {then}(s) if {self.pred.expr} else {other}(s)"]

    def needs(self):
        return self.then.needs() | self.other.needs() | set(CALL.findall(self.pred.expr))


def _inline(program: Program) -> str:
    return f"returns {program.value!r}" if isinstance(program, Const) else program.phrase()


IDENTITY = Chain(())
