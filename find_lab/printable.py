"""Untrusted text made safe to show: an agent's message, a submission, a user's function's
output must not move the cursor, recolour the terminal or reorder a line (bidi overrides)."""

from __future__ import annotations

import re

# C0 and C1 controls (escape sequences, carriage returns, bells) and bidi overrides; newlines
# are kept, and tabs where the reader's layout takes them (a document, a CSV)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CONTROL_AND_TAB = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text, tabs: bool = False) -> str:
    """`text` with every control character shown as its escape (`\\x1b`), newlines kept."""
    pattern = CONTROL if tabs else CONTROL_AND_TAB
    return pattern.sub(lambda m: m.group(0).encode("unicode_escape").decode(), str(text))


def shown(value):
    """`value` (a string, or lists and dicts of them) with every string made printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [shown(item) for item in value]
    if isinstance(value, dict):
        return {key: shown(item) for key, item in value.items()}
    return value
