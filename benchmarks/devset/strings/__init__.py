"""A development set of string functions (str -> str), hand-written in varied styles.

Nothing here comes from the suite's generator: each module is a group of plain Python functions,
every public top-level `def` is one black box, run by benchmarks/strings_devset.py as a user's
function scored against itself. Names starting with an underscore are helpers, not boxes.

The groups: everyday (30), compositions (29), ciphers (23), counting (23), words (22),
conditionals (19), formatting (18), rearrange (18: duplication and swaps), substrings (18),
yesno (16); 216 functions.
"""
