"""Counts that read as English: "1 kink", "3 kinks", "1 call", "exported 2 sessions"."""

from __future__ import annotations

IRREGULAR = {"match": "matches", "batch": "batches", "child": "children", "index": "indices"}


def plural(noun: str) -> str:
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def count(number: int, noun: str, many: str | None = None) -> str:
    """`number` and `noun`, the noun in the plural unless the number is exactly one."""
    return f"{number:,} {noun if number == 1 else many or plural(noun)}"
