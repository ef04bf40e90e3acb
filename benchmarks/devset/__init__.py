"""Development sets for FIND Lab's agents, written outside the suite (see benchmarks/strings_devset.py)."""
