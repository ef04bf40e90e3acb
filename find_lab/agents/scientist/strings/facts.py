"""What the answers show before any program explains them: their type and their shape.

These are said early (a reader sees at once that a function answers yes or no, or writes a
number) and again when no program fits, so an approximate answer still carries what holds.
"""

from __future__ import annotations

from find_lab.agents.scientist.strings.learn import looks_numeric


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def facts(pairs: list[tuple[str, str]]) -> list[str]:
    """Plain statements that hold on every pair seen (most telling first)."""
    if not pairs:
        return []
    xs, ys = zip(*pairs)
    said = []
    values = sorted(set(ys))
    if len(values) == 1:
        return [f"every answer is {values[0][:60]!r}"]
    if len(values) <= 3 and len(ys) >= 6:
        said.append("every answer is one of " + ", ".join(map(repr, values)))
    elif looks_numeric(ys):
        kind = "digits" if all(y.lstrip("-").isdigit() for y in ys if y) else "a number in words"
        said.append(f"the answers are numbers ({kind})")
    if all(len(y) == len(x) for x, y in pairs):
        said.append("every answer is as long as its input")
    else:
        growth = {len(y) - len(x) for x, y in pairs}
        ratios = {len(y) / len(x) for x, y in pairs if x}
        if len(growth) == 1:
            said.append(f"every answer is {growth.pop():+d} characters longer than its input")
        elif len(ratios) == 1 and all(y == "" for x, y in pairs if not x):
            said.append(f"every answer is {ratios.pop():g} times as long as its input")
        elif all(len(y) <= len(x) for x, y in pairs):
            said.append("no answer is longer than its input")
        elif len({len(y) for y in ys}) == 1:
            said.append(f"every answer is {len(ys[0])} characters long")
    if all(len(y) <= 1 and y in x for x, y in pairs):
        said.append("every answer is one of the input's characters (or empty)")
    elif all(_subsequence(y, x) for x, y in pairs):
        said.append("every answer keeps some of the input's characters, in order")
    elif all(sorted(y) == sorted(x) for x, y in pairs):
        said.append("every answer rearranges the input's characters")
    elif all(set(y) <= set(x) for x, y in pairs):
        said.append("the answers use only characters of their inputs")
    if all(y == y.upper() for y in ys) and any(y != y.lower() for y in ys):
        said.append("the answers have no lower-case letters")
    elif all(y == y.lower() for y in ys) and any(y != y.upper() for y in ys):
        said.append("the answers have no upper-case letters")
    return said
