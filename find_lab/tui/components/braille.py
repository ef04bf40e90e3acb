"""A braille canvas from numpy: each terminal cell holds 2x4 dots, each cell one colour.

Series are drawn in order; a cell takes the colour of the last series that put a dot in it,
so later series sit on top. `rows()` gives each line as runs of (text, colour) for the widget
to turn into segments. No Textual here, and no per-point Python loop.
"""

from __future__ import annotations

import numpy as np

BRAILLE = 0x2800
# bit of the dot at (column within the cell 0-1, row within the cell 0-3)
DOT_BITS = np.array([[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]], dtype=np.uint8)
MAX_SEGMENT_STEPS = 4096   # dots sampled along one line segment, at most


class Canvas:
    """`width` x `height` cells; dot coordinates run 0..2*width-1 left to right and
    0..4*height-1 bottom to top."""

    def __init__(self, width: int, height: int):
        self.width, self.height = max(1, width), max(1, height)
        self.bits = np.zeros((self.height, self.width), dtype=np.uint8)
        self.colour = np.full((self.height, self.width), -1, dtype=np.int16)
        self.glyphs: dict[tuple[int, int], tuple[str, int]] = {}   # (row, column): a character

    @property
    def dots(self) -> tuple[int, int]:
        return 2 * self.width, 4 * self.height

    def points(self, dx: np.ndarray, dy: np.ndarray, colour: int) -> None:
        """Dots at dot coordinates (floats; rounded, those off the canvas dropped)."""
        dx, dy = np.rint(np.asarray(dx, dtype=float)), np.rint(np.asarray(dy, dtype=float))
        w, h = self.dots
        keep = np.isfinite(dx) & np.isfinite(dy) & (dx >= 0) & (dx < w) & (dy >= 0) & (dy < h)
        ix, iy = dx[keep].astype(np.intp), (h - 1 - dy[keep]).astype(np.intp)  # row 0 on top
        rows, columns = iy // 4, ix // 2
        np.bitwise_or.at(self.bits, (rows, columns), DOT_BITS[ix % 2, iy % 4])
        self.colour[rows, columns] = colour

    def line(self, dx: np.ndarray, dy: np.ndarray, colour: int,
             breaks: np.ndarray | None = None) -> None:
        """A polyline through the points in order; `breaks[i]` True leaves out the segment
        from point i to point i+1 (a gap where the curve is undefined)."""
        dx, dy = np.asarray(dx, dtype=float), np.asarray(dy, dtype=float)
        if len(dx) < 2:
            self.points(dx, dy, colour)
            return
        x0, y0, x1, y1 = dx[:-1], dy[:-1], dx[1:], dy[1:]
        keep = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
        if breaks is not None:
            keep &= ~np.asarray(breaks, dtype=bool)[:len(x0)]
        x0, y0, x1, y1 = _clip(x0[keep], y0[keep], x1[keep], y1[keep], *self.dots)
        if not len(x0):
            return
        steps = np.minimum(np.ceil(np.maximum(np.abs(x1 - x0), np.abs(y1 - y0))),
                           MAX_SEGMENT_STEPS).astype(np.intp) + 1
        owner = np.repeat(np.arange(len(steps)), steps)
        start = np.cumsum(steps) - steps
        t = (np.arange(len(owner)) - start[owner]) / np.maximum(steps[owner] - 1, 1)
        self.points(x0[owner] + (x1 - x0)[owner] * t, y0[owner] + (y1 - y0)[owner] * t, colour)

    def column(self, dx: float, colour: int) -> None:
        """A vertical line across the whole canvas at dot column `dx`."""
        h = self.dots[1]
        self.points(np.full(h, dx), np.arange(h, dtype=float), colour)

    def glyph(self, dx: float, row: int, character: str, colour: int) -> None:
        """One character in the cell over dot column `dx` on line `row` (0 on top)."""
        column = int(round(dx)) // 2
        if 0 <= column < self.width and 0 <= row < self.height:
            self.glyphs[(row, column)] = (character, colour)

    def rows(self) -> list[list[tuple[str, int]]]:
        """Each line as runs of (text, colour); colour -1 is a blank run. A blank cell joins
        the run before it (a space looks the same in any colour), so a line of scattered
        dots is a few runs, not one per dot: fewer segments for the screen to composite."""
        chars = np.where(self.bits > 0, BRAILLE + self.bits.astype(np.int32), ord(" "))
        colours = np.where(self.bits > 0, self.colour, -1)
        for (row, column), (character, colour) in self.glyphs.items():
            chars[row, column], colours[row, column] = ord(character), colour
        lines = []
        for text_codes, line_colours in zip(chars.tolist(), colours.tolist()):
            text = "".join(map(chr, text_codes))
            runs, start, current = [], 0, line_colours[0]
            for index, colour in enumerate(line_colours):
                if colour != current and colour != -1:
                    if index > start:
                        runs.append((text[start:index], current))
                    start, current = index, colour
            runs.append((text[start:], current))
            lines.append(runs)
        return lines


def _clip(x0, y0, x1, y1, width: int, height: int):
    """The parts of segments inside the canvas (Liang-Barsky, every segment at once): a line
    to a spike at 1e12 samples no more dots than the canvas is tall."""
    lo = np.array([-0.5, -0.5])
    hi = np.array([width - 0.5, height - 0.5])
    t0, t1 = np.zeros(len(x0)), np.ones(len(x0))
    inside = np.ones(len(x0), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for start, delta, low, high in ((x0, x1 - x0, lo[0], hi[0]), (y0, y1 - y0, lo[1], hi[1])):
            for p, q in ((-delta, start - low), (delta, high - start)):
                ratio = q / p
                parallel = p == 0
                inside &= ~(parallel & (q < 0))
                t0 = np.where(~parallel & (p < 0), np.maximum(t0, ratio), t0)
                t1 = np.where(~parallel & (p > 0), np.minimum(t1, ratio), t1)
    inside &= t0 <= t1
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = t0[inside], t1[inside]
    x0, y0, dx, dy = x0[inside], y0[inside], dx[inside], dy[inside]
    return x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy
