"""The small language a person steers the offline scientist with, read tolerantly.

    look at A..B      (also: interval A B, between A and B, [A, B], A < x < B, zoom into A to B)
    probe near X      (also: around x = X, look at X, close to X)
    try FAMILY        (also: fit a FAMILY, is it a FAMILY?, or the family's name alone)
    check noise       (also: is it noisy?, any noise?, repeat some points)
    submit now        (also: submit, stop and submit, wrap up, answer now)
    "a quoted input"  (a string or word to probe, where the domain takes text)

`parse` turns one message into the instructions it holds, in the order written; a message
holding none is one `unknown` instruction, which the scientist answers by saying plainly what it
follows. Which of these a scientist can act on is its own business (each says so at its start);
the text a handback brings (what a person probed during a takeover) is recognised as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from find_lab.experiment import HANDBACK

NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TO = r"(?:\s*(?:\.\.\.?|…|,|:|\bto\b|\band\b|–|—)\s*|\s+)"
_LEAD = (r"\b(?:look(?:\s+(?:closely\s+)?(?:at|in|into|over|between))?|interval|between|from|"
         r"zoom(?:\s+in)?(?:\s+(?:on|to|into|at))?|focus(?:\s+on)?|probe|range|scan|explore|"
         r"check|sample|in|on|over)")
INTERVALS = (
    re.compile(rf"({NUMBER})\s*(?:\.\.\.?|…)\s*({NUMBER})"),                       # -10..10
    re.compile(rf"({NUMBER})\s*<=?\s*x\s*<=?\s*({NUMBER})"),                       # -10 < x < 10
    re.compile(rf"{_LEAD}\s*(?:x\s*(?:in|=|from|between)?\s*)?[\[(]?\s*({NUMBER}){_TO}({NUMBER})\s*[\])]?",
               re.IGNORECASE),
)
NEAR = re.compile(rf"\b(?:near|around|close\s+to|about|at|probe|x\s*[=≈~])\s*(?:x\s*[=≈~]?\s*)?({NUMBER})",
                  re.IGNORECASE)
NOISE = re.compile(r"\b(?:noise|noisy|repeat\w*|determinis\w*|randomness)\b", re.IGNORECASE)
SUBMIT = re.compile(r"\b(?:submit\w*|wrap\s+(?:it\s+)?up|answer\s+now)\b", re.IGNORECASE)
TRY = re.compile(r"\b(?:try(?:ing)?|fit|test|consider|is\s+it|could\s+it\s+be|maybe|perhaps)\s+"
                 r"(?:an?\s+|the\s+|with\s+an?\s+)?(?!\")([a-z][a-z0-9^*/ -]{0,30})", re.IGNORECASE)
QUOTED = re.compile(r'"([^"]*)"|`([^`]*)`|“([^”]*)”')


@dataclass(frozen=True)
class Instruction:
    kind: str                     # interval | near | family | noise | submit | quoted | handback | unknown
    text: str                     # the whole message it was read from
    low: float | None = None      # interval
    high: float | None = None
    x: float | None = None        # near
    family: str | None = None     # family: the name as the scientist knows it; unknown: as asked
    quoted: tuple[str, ...] = ()  # quoted


def parse(text: str, families: Iterable[str] = ()) -> list[Instruction]:
    """The instructions in one steering message, in the order written (see the module).

    `families` are the names (and other words for them) a scientist can fit; a family asked for
    by a name it does not know is an `unknown` instruction that names it."""
    if text.startswith(HANDBACK):
        return [Instruction("handback", text)]
    found: list[tuple[int, Instruction]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    def take(match: re.Match, instruction: Instruction) -> None:
        taken.append(match.span())
        found.append((match.start(), instruction))

    quoted = [next(g for g in m.groups() if g is not None) for m in QUOTED.finditer(text)]
    if quoted:
        found.append((QUOTED.search(text).start(), Instruction("quoted", text, quoted=tuple(quoted))))
        for match in QUOTED.finditer(text):
            taken.append(match.span())
    for pattern in INTERVALS:
        for match in pattern.finditer(text):
            if free(match):
                low, high = sorted((float(match[1]), float(match[2])))
                if low < high:
                    take(match, Instruction("interval", text, low=low, high=high))
    for match in NEAR.finditer(text):
        if free(match):
            take(match, Instruction("near", text, x=float(match[1])))
    for pattern, kind in ((NOISE, "noise"), (SUBMIT, "submit")):
        match = pattern.search(text)
        if match and free(match):
            take(match, Instruction(kind, text))
    found += _families(text, sorted(families, key=len, reverse=True), free)
    if not found:
        return [Instruction("unknown", text)]
    return [instruction for _, instruction in sorted(found, key=lambda item: item[0])]


def _families(text: str, names: list[str], free) -> list[tuple[int, Instruction]]:
    """A family named anywhere (longest names first), or one asked for that is not known."""
    lowered = text.lower()
    found, spans = [], []
    for name in names:
        for match in re.finditer(rf"(?<![a-z0-9]){re.escape(name.lower())}(?![a-z0-9])", lowered):
            if free(match) and not any(a < match.end() and match.start() < b for a, b in spans):
                spans.append(match.span())
                found.append((match.start(), Instruction("family", text, family=name)))
    if found:
        return found[:1]
    for match in TRY.finditer(text):
        if free(match):
            asked = re.split(r"[?!.,;:]| and | or | now| first| next", match[1])[0].strip()
            if asked and not re.fullmatch(NUMBER, asked):
                return [(match.start(), Instruction("unknown", text, family=asked))]
    return []


def quote(text: str, limit: int = 400) -> str:
    """A message as an acknowledgement quotes it."""
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[:limit - 3] + "..."}"'
