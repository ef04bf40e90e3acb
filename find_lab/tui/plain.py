"""Text from saved sessions shown as it is: Textual reads a plain string as markup, so a name
like "eve [/b]" would fail to draw (or "[@click=…]" become an action). Every cell and line
drawn from a log goes through here; a cell stays a string, so tables still sort by it."""

from __future__ import annotations

from textual.markup import escape

from find_lab.printable import printable


def plain(value):
    """A string with its markup escaped and control characters shown as escapes; anything
    else (a Rich Text, a number) as it is."""
    return escape(printable(value)) if isinstance(value, str) else value


def cells(*values) -> tuple:
    return tuple(plain(value) for value in values)
