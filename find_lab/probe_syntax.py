"""The syntaxes a person types probes in; each domain reads its probes with one of them.

`numbers`: `3` · `1, 2.5, -7` · `-10:10:0.5` (start:stop:step, stop included).
`strings`: `"Hello", "a b"` (quoted, Python escapes allowed), or one unquoted string as typed.
`words`: `apple pear`. `Domain.parse` strips the text and limits the count; these read the rest.
"""

from __future__ import annotations

import ast
import math
import re

MAX_INPUTS = 400
RANGE = re.compile(r"^([^:]+):([^:]+)(?::([^:]+))?$")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')


class ProbeSyntaxError(ValueError):
    """One line saying what was wrong with the input and how to write it."""


def numbers(text: str) -> list[float]:
    """Numbers and ranges, separated by commas, semicolons or spaces."""
    values: list[float] = []
    for part in (p for p in re.split(r"[,;\s]+", re.sub(r"\s*:\s*", ":", text)) if p):
        if ":" in part:
            values += _range(part)
        else:
            values.append(_number(part))
    return values


def _range(part: str) -> list[float]:
    match = RANGE.match(part)
    if not match:
        raise ProbeSyntaxError(f"cannot read the range {part!r}: write start:stop:step, e.g. -10:10:0.5")
    start, stop = _number(match[1]), _number(match[2])
    step = _number(match[3]) if match[3] else 1.0
    if step <= 0:
        raise ProbeSyntaxError(f"the step of {part!r} must be positive")
    count = math.floor((stop - start) / step + 1e-9) + 1
    if count > MAX_INPUTS:
        raise ProbeSyntaxError(f"the range {part!r} gives {count} points, more than {MAX_INPUTS}")
    return [round(start + i * step, 12) for i in range(max(count, 0))]


def _number(token: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise ProbeSyntaxError(f"{token!r} is not a number (try 3, 1, 2.5, -7 or -10:10:0.5)") from None
    if not math.isfinite(value):
        raise ProbeSyntaxError(f"{token!r} is not a finite number")
    return value


def strings(text: str) -> list[str]:
    """Quoted strings (Python escapes allowed); unquoted text is one string as typed."""
    if text[0] not in "\"'":
        return [text]
    found, position = [], 0
    for match in QUOTED.finditer(text):
        if text[position:match.start()].strip(" ,"):
            raise ProbeSyntaxError(f"unexpected text {text[position:match.start()].strip()!r} "
                                   'between quoted strings (write "a", "b")')
        found.append(ast.literal_eval(match[0]))
        position = match.end()
    if text[position:].strip(" ,"):
        raise ProbeSyntaxError(f"unclosed or stray text {text[position:].strip()!r}: quote each "
                               'string, e.g. "Hello world", "abc"')
    return found


def words(text: str) -> list[str]:
    """Words separated by spaces or commas."""
    return [w for w in re.split(r"[\s,]+", text) if w]
