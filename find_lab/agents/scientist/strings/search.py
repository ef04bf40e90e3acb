"""Bottom-up program search with observational equivalence.

Every step of the library is run on the inputs seen so far; steps that give the same outputs
on all of them form one class (they cannot be told apart yet), so a composition is tried
once per class, not once per step. Levels are tried in order of simplicity and the search
stops at the first level that explains every answer: one step (or a learnt one), two steps,
two programs written one after the other, then a choice between two programs on a simple
predicate. Within a level every explanation found is kept, so the next probes can split them.
"""

from __future__ import annotations

import collections
import copy
import functools
import math
import time
from dataclasses import dataclass

from find_lab.agents.scientist.strings.learn import LEARNERS, looks_numeric, numbers, replaced
from find_lab.agents.scientist.strings.library import (
    THRESHOLDED, char_steps, features, fixed_steps, predicates, strip_steps, written_steps)
from find_lab.agents.scientist.strings.programs import (
    ERROR, IDENTITY, Chain, Choice, Concat, Const, Pred, Program, Step)

PER_CLASS = 3         # steps of one class taken into compositions
MAX_FOUND = 400       # explanations kept from one level
MAX_PIVOT = 60        # length of the input the second steps are tried on first
VARIED = 12           # distinct characters enough for that input (the shortest such)
MAX_CHARS = 24        # characters of the inputs a step or predicate may be about
MAX_NEW = 4           # characters of the answers, absent from the inputs, a step may write
MAX_AFFIX = 12        # longest fixed text a first step may write
BASIS_CHARS = 1000    # answers whose characters are read for those
BRANCHES = 3          # explanations per side of a choice
OUTER = 6             # first predicates of a three-way choice tried
INNER = 150           # second predicates tried for each
ALIKE = 3             # predicates kept that split the answers the same way
GRAMS = 12            # frequent letter pairs and triples of the inputs a count may be of
DEEPER = 3            # parts of a concatenation searched two steps deep


def _vector(step: Step, xs) -> tuple | None:
    """The step's outputs, ERROR where it raises (it may still explain one side of a
    choice); None if it fails everywhere."""
    out = tuple(_apply(step, x) for x in xs)
    return None if all(o is ERROR for o in out) else out


def _apply(step: Step, x: str):
    try:
        out = step.func(x)
    except Exception:
        return ERROR
    return out if isinstance(out, str) else ERROR


ENDINGS = (Step("s.upper()", "upper-cases the string"), Step("s.lower()", "lower-cases the string"),
           Step("s[::-1]", "reverses the string"))


def _learnt(learner, ms, ys, *more) -> list[Step]:
    """A learner's steps; a learner that trips on strange data has learnt nothing."""
    try:
        return learner(ms, ys, *more)
    except Exception:
        return []


def _common_prefix(texts) -> str:
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


@dataclass
class Search:
    xs: tuple[str, ...]
    ys: tuple[str, ...]
    deadline: float = math.inf   # time.monotonic() past which no further work is started

    def __post_init__(self):
        seen = dict.fromkeys(c for x in self.xs for c in x)
        self.marks = [c for c in seen if not c.isalnum()][:MAX_CHARS]
        self.letters = [c for c in seen if c.isascii() and (c.islower() or c.isdigit())]
        written = collections.Counter(c for x, y in zip(self.xs, self.ys)
                                      if len(y) <= BASIS_CHARS
                                      for c in set(y) if c.lower() not in x.lower())
        new = [c for c, _ in written.most_common(MAX_NEW)]
        affixes = [a for a in (_common_prefix(self.ys), _common_prefix(
            [y[::-1] for y in self.ys])[::-1]) if 1 < len(a) <= MAX_AFFIX]
        self.library = [*fixed_steps(), *char_steps(self.marks),
                        *strip_steps(self.marks + self.letters[:MAX_CHARS]),
                        *written_steps(new, self.marks + self.letters[:MAX_CHARS], affixes)]
        if all(y.isdigit() for y in self.ys if y):  # a count, then something done to it
            self.library += [Step(f"str({expr})", f"writes {said} in digits")
                             for expr, said in features([])]
        self.partial: dict[tuple, list[Step]] = {}   # every class, errors and all
        for step in self.library:
            vec = _vector(step, self.xs)
            if vec is not None and vec != self.xs:
                self.partial.setdefault(vec, []).append(step)
        for steps in self.partial.values():
            steps.sort(key=lambda s: s.cost)
        self.classes = {vec: steps for vec, steps in self.partial.items() if ERROR not in vec}
        self.numeric = looks_numeric(self.ys)
        counted = collections.Counter(x.lower()[i:i + n] for x in self.xs for n in (2, 3)
                                      for i in range(len(x) - n + 1))
        self.grams = [g for g, _ in counted.most_common() if g.isalpha()][:GRAMS]

    def late(self) -> bool:
        return time.monotonic() > self.deadline

    def toward(self, ys: tuple) -> "Search":
        """The same inputs and library, other answers: a part of a concatenation."""
        other = copy.copy(self)
        other.ys, other.numeric = ys, looks_numeric(ys)
        return other

    # --- levels ---------------------------------------------------------------------------

    def run(self) -> list[Program]:
        """The levels in order, each tried only while what was found costs more than the
        cheapest program the level can build."""
        found: list[Program] = []
        for level, floor in ((self.one, 0), (self.two, 2), (self.framed, 2),
                             (self.concatenated, 2.5), (self.three, 3), (self.chosen, 4),
                             (self.nested, 7)):
            if found and min(p.cost for p in found) <= floor or self.late():
                break
            found += level()
        unique = sorted(dict.fromkeys(found), key=lambda p: p.cost)
        return unique[:MAX_FOUND]

    def one(self) -> list[Program]:
        return self.explain(range(len(self.xs)), deep=True)

    def two(self, last: Step | None = None) -> list[Program]:
        """Two steps (the second maybe learnt); with `last`, two steps and then `last`."""
        found: list[Program] = []
        pivot = self._pivot()
        by_mid: dict[str, list[tuple]] = {}
        for vec in self.classes:
            by_mid.setdefault(vec[pivot], []).append(vec)
        target = self.ys[pivot]
        after = (lambda out: _apply(last, out) if out is not ERROR else ERROR) if last else \
            (lambda out: out)
        tail = (last,) if last else ()
        for mid, vecs in by_mid.items():
            if self.late():
                break
            seconds = [b for b in self.library if after(_apply(b, mid)) == target]
            for vec in vecs:
                firsts = self.classes[vec][:PER_CLASS]
                for b in seconds:
                    if all(after(_apply(b, m)) == y for m, y in zip(vec, self.ys)):
                        found += [Chain((a, b, *tail)) for a in firsts]
                if last:
                    continue
                for learner in LEARNERS:
                    found += [Chain((a, b)) for b in _learnt(learner, vec, self.ys)
                              for a in firsts]
                if self.numeric:
                    found += [Chain((a, b)) for b in _learnt(numbers, vec, self.ys)
                              for a in firsts]
            if len(found) > MAX_FOUND:
                break
        return found

    def three(self) -> list[Program]:
        """Two steps and then one that often ends a program: upper- or lower-casing (when
        every answer is in that case) or reversing (searched as two steps toward the
        reversed answers)."""
        found: list[Program] = []
        for last in ENDINGS:
            if last.expr == "s[::-1]":
                inner = self.toward(tuple(y[::-1] for y in self.ys)).two()
                found += [Chain((*p.steps, last)) for p in inner if isinstance(p, Chain)]
            elif all(last.func(y) == y for y in self.ys):
                found += self.two(last)
                found += [Chain((step, last)) for step in  # "replace, then upper-case"
                          _learnt(replaced, self.xs, self.ys, last.func)]
        return found

    def framed(self) -> list[Program]:
        """Fixed text every answer starts or ends with, around a program of one or two
        steps ("... then appends '!'")."""
        head = _common_prefix(self.ys)
        tail = _common_prefix([y[len(head):][::-1] for y in self.ys])[::-1]
        if not head and not tail:
            return []
        inner = Search(self.xs, tuple(y[len(head):len(y) - len(tail)] for y in self.ys))
        found = inner.one() or inner.two()
        frame = [Const(head)] * bool(head), [Const(tail)] * bool(tail)
        return [Concat((*frame[0], p, *frame[1])) for p in found if not isinstance(p, Const)]

    def concatenated(self) -> list[Program]:
        found: list[Program] = []
        everyone = range(len(self.xs))
        deeper = DEEPER
        heads = [(self.xs, [IDENTITY])] + [(vec, [Chain((s,)) for s in steps[:1]])
                                           for vec, steps in self.classes.items()]
        for vec, programs in heads:
            if self.late():
                break
            if not any(vec):
                continue
            if all(y.startswith(v) for v, y in zip(vec, self.ys)):
                rest = tuple(y[len(v):] for v, y in zip(vec, self.ys))
                tails = self.explain(everyone, rest)
                tails += [Chain((*head.steps, step)) for step in numbers(vec, rest)
                          for head in programs]  # "... then its length"
                if not tails and deeper > 0 and any(rest):
                    deeper -= 1
                    tails = self.toward(rest).two()
                found += [Concat((head, tail)) for head in programs for tail in tails]
            if all(y.endswith(v) for v, y in zip(vec, self.ys)):
                rest = tuple(y[:len(y) - len(v)] for v, y in zip(vec, self.ys))
                heads = [h for h in self.explain(everyone, rest) if not isinstance(h, Const)]
                heads += [Chain((*tail.steps, step)) for step in numbers(vec, rest)
                          for tail in programs]  # "its length, then ..."
                if not heads and deeper > 0 and any(rest):
                    deeper -= 1
                    heads = self.toward(rest).two()
                found += [Concat((head, tail)) for head in heads for tail in programs]
        return [p for p in found if all(p.run(x) == y for x, y in zip(self.xs, self.ys))]

    def chosen(self) -> list[Program]:
        found: list[Program] = []
        seen: dict[tuple, tuple[list, list]] = {}   # truth -> the branches explaining it
        alike: dict[tuple, int] = {}                # predicates kept per truth
        for pred, truth in self.truths:
            if self.late():
                break
            if all(truth) or not any(truth) or alike.get(truth, 0) >= ALIKE:
                continue
            alike[truth] = alike.get(truth, 0) + 1
            if truth not in seen:
                yes = [i for i, t in enumerate(truth) if t]
                thens = self.explain(yes)[:BRANCHES]
                no = [i for i, t in enumerate(truth) if not t]
                seen[truth] = thens, (self.explain(no)[:BRANCHES] if thens else [])
            thens, others = seen[truth]
            found += [Choice(pred, a, b) for a in thens for b in others]
        self.halves = sorted(self._halves(seen), key=lambda h: len(h[2]))
        return found

    def _halves(self, seen):
        """(predicate, the programs explaining one side, the other side's answers, whether
        the explained side is the true one): where a second choice may explain the rest."""
        for pred, truth in self.truths:
            if truth not in seen:
                continue
            thens, others = seen.pop(truth)
            if thens and not others:
                yield pred, thens, [i for i, t in enumerate(truth) if not t], True
            elif not thens:
                others = self.explain([i for i, t in enumerate(truth) if not t])
                if others:
                    yield pred, others, [i for i, t in enumerate(truth) if t], False

    def nested(self) -> list[Program]:
        """A choice with a choice on one side (three ways): for the predicates that leave
        the fewest answers unexplained, a second predicate splits those."""
        found: list[Program] = []
        if not hasattr(self, "halves"):
            self.chosen()
        for pred, explained, rest, explained_true in self.halves[:OUTER]:
            tried: set[tuple] = set()
            for inner, truth in self.truths:
                if self.late():
                    break
                split = tuple(truth[i] for i in rest)
                if all(split) or not any(split) or split in tried or len(tried) >= INNER:
                    continue
                tried.add(split)
                then = self.explain([i for i, t in zip(rest, split) if t])[:1]
                other = self.explain([i for i, t in zip(rest, split) if not t])[:1] if then \
                    else []
                if other:
                    side = Choice(inner, then[0], other[0])
                    found.append(Choice(pred, explained[0], side) if explained_true
                                 else Choice(pred, side, explained[0]))
            if found:
                break
        return found

    # --- explaining one set of answers --------------------------------------------------------

    def explain(self, indices, ys: tuple | None = None, deep: bool = False) -> list[Program]:
        """Programs of one step (or a constant, or a step and a literal) that give `ys` (the
        answers by default) on the inputs at `indices`, simplest first."""
        indices = list(indices)
        ys = self.ys if ys is None else ys
        want = tuple(ys[i] for i in indices)
        xs = tuple(self.xs[i] for i in indices)
        found: list[Program] = []
        if len(set(want)) == 1:
            found.append(Const(want[0]))
        if xs == want:
            found.append(IDENTITY)
        found += [Chain((s,)) for s in self._lookup(indices, want)]
        for learner in LEARNERS:
            found += [Chain((s,)) for s in _learnt(learner, xs, want)]
        found += [Chain((s,)) for s in _learnt(numbers, xs, want, self.letters + self.marks,
                                               self.grams)]
        if not deep and want and all(want) and (not found or len(set(want)) == 1):
            found += self._framed(indices, want)  # also beside a constant: few answers may
            # look fixed that a step would write
        found.sort(key=lambda p: p.cost)
        return found

    def _framed(self, indices, want) -> list[Program]:
        """A step's output after or before fixed text."""
        found: list[Program] = []
        head = _common_prefix(want)
        if head:
            rest = tuple(w[len(head):] for w in want)
            found += [Concat((Const(head), Chain((s,)))) for s in self._lookup(indices, rest)]
            if rest == tuple(self.xs[i] for i in indices):
                found.append(Concat((Const(head), IDENTITY)))
        tail = _common_prefix([w[::-1] for w in want])[::-1]
        if tail:
            rest = tuple(w[:len(w) - len(tail)] for w in want)
            found += [Concat((Chain((s,)), Const(tail))) for s in self._lookup(indices, rest)]
        return found

    def _lookup(self, indices, want) -> list[Step]:
        if len(indices) == len(self.xs):
            return self.classes.get(want, [])[:PER_CLASS]
        return [steps[0] for vec, steps in self.partial.items()
                if all(vec[i] == w for i, w in zip(indices, want))][:PER_CLASS]

    # --- helpers ------------------------------------------------------------------------------

    def _pivot(self) -> int:
        """The input second steps are tried on first: a mid-length, varied one."""
        def merit(i):
            x = self.xs[i]
            return len(x) > MAX_PIVOT, -min(len(set(x)), VARIED), len(x)
        return min(range(len(self.xs)), key=merit)

    @functools.cached_property
    def truths(self) -> list[tuple[Pred, tuple[bool, ...]]]:
        """Every predicate with its answer on each input, cheapest first (those that raise on
        an input left out): worked out once for the choices of both levels."""
        found = []
        for pred in self._predicates():
            try:
                found.append((pred, tuple(bool(pred.func(x)) for x in self.xs)))
            except Exception:
                continue
        return found

    def _predicates(self) -> list[Pred]:
        found = predicates(self.marks + [c for c in self.letters if c.isalpha()])
        for expr, said in THRESHOLDED:
            values = set()
            for x in self.xs:
                try:
                    values.add(Pred(expr, "").func(x))
                except Exception:
                    pass
            for k in sorted(values)[:-1]:
                found.append(Pred(f"{expr} > {k}", f"{said} is more than {k}", 1.5))
        return sorted(found, key=lambda p: p.cost)


def synthesise(pairs: list[tuple[str, str]], seconds: float = math.inf) -> list[Program]:
    """Every simplest explanation of the pairs the search finds within `seconds` (empty if
    none): a level not started by then is not tried."""
    if not pairs:
        return [IDENTITY]
    xs, ys = zip(*pairs)
    return Search(tuple(xs), tuple(ys), time.monotonic() + seconds).run()


def closest(pairs: list[tuple[str, str]], candidates: list[Program] = ()) -> tuple[Program, int]:
    """The program reproducing the most answers exactly: one of `candidates` (those that
    fitted until the last answers), a single step or the identity."""
    xs, ys = zip(*pairs)
    best, hits = IDENTITY, sum(x == y for x, y in pairs)
    for program in candidates[:MAX_FOUND]:
        score = sum(program.run(x) == y for x, y in pairs)
        if score > hits:
            best, hits = program, score
    for vec, steps in Search(tuple(xs), tuple(ys)).partial.items():
        score = sum(v == y for v, y in zip(vec, ys))
        if score > hits:
            best, hits = Chain((steps[0],)), score
    return best, hits
