"""A development set of neurons (word -> activation in [0, 1]), hand-written outside the suite.

Every public top-level `def` of every module is one black box, run by
benchmarks/neurons_devset.py as a user's function scored against itself. The word lists here
were written apart from the scientist's own knowledge (find_lab/agents/scientist/words.py),
with other words and some concepts it has no category for. Each module carries its own small
helpers (names starting with an underscore), so every file loads on its own.

The groups: concepts (concept neurons with their own word lists), unknown (concepts the
scientist has no category for), spelling (orthographic rules), mixtures (X or Y, X except Y,
concept and spelling together), graded (activation that varies by degree).
"""
