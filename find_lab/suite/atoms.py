"""GRID, for build.py and targets.py, which import it from here; it is the numeric domain's."""

from find_lab.domains.numeric.atoms import GRID  # noqa: F401
