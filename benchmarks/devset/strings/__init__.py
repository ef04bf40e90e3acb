"""A development set of string functions (str -> str), hand-written in varied styles.

Nothing here comes from the suite's generator: each module is a group of plain Python functions,
every public top-level `def` is one black box, run by benchmarks/strings_devset.py as a user's
function scored against itself. Names starting with an underscore are helpers, not boxes.

The groups: everyday (30), compositions (29), ciphers (23), counting (23), words (22),
conditionals (19), formatting (18), rearrange (18: duplication and swaps), substrings (18),
yesno (16), and, written later to check that what the scientist learnt from the first ten
carries over, lookups (25: positions, markers, counts of substrings), pipelines (25: two or
three steps) and branches (25: two- and three-way conditionals); 291 functions.

A separate set, benchmarks/devset/strings_heldout/ (180 functions in nine groups), was written
without reading the scientist and is only ever measured, never looked into.
"""
