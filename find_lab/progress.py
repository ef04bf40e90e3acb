"""Progress of a long command (`suite build`, `bench`) on its stream, usually stderr.

On a terminal it is one line redrawn in place: what is done of how much, the time elapsed and
an estimate of the time left. Anywhere else (a log file, a pipe, CI) redraws would pile up as
one long line of carriage returns, so it is a plain line now and then instead, and the last:

    suite build: 120/2,300 functions, 12 s elapsed, ETA 28 s

    progress = Progress("suite build", total, "function")
    progress.update(done)              # as often as you like: it draws only when it is due
    progress.update(done, eta=seconds) # when the caller knows the time left better than a rate
    progress.close()                   # the last line, and the cursor on a fresh line
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, TextIO

from find_lab.english import count

EVERY = 10.0    # seconds between plain lines when the stream is not a terminal
REDRAW = 0.1    # seconds between redraws on a terminal
BAR = 24        # characters of the bar drawn on a terminal
ERASE = "\x1b[K"  # clear to the end of the line


def duration(seconds: float) -> str:
    """`7 s`, `4 min 05 s`, `2 h 03 min`: whole units, as a person reads a clock."""
    whole = max(0, int(round(seconds)))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


class Progress:
    """`done` of `total` things (`noun`, counted in English) on `stream` (default stderr).

    On a terminal a line is redrawn at most every REDRAW seconds; elsewhere a plain line is
    written on the first update, then at most every `every` seconds, and always for the last,
    so a log of an hour's run holds a few hundred lines, not a redraw per step. The time left
    is the caller's `eta`, else (with `rate`) the time per thing so far times those left."""

    def __init__(self, label: str, total: int, noun: str, stream: TextIO | None = None, *,
                 terminal: bool | None = None, every: float = EVERY, rate: bool = True,
                 clock: Callable[[], float] = time.monotonic):
        self.label, self.total, self.noun = label, total, noun
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = is_terminal(self.stream) if terminal is None else terminal
        self.every, self.rate, self.clock = every, rate, clock
        self.started = clock()
        self.done, self.note, self.eta = 0, "", None
        self.shown: float | None = None  # when a line was last written
        self.current = False             # the last line written shows the current state
        self.open_line = False           # a redrawn line is on the screen, the cursor after it

    def elapsed(self) -> float:
        return self.clock() - self.started

    def remaining(self) -> float | None:
        """Seconds left: the caller's estimate, else (with `rate`) the rate so far, once a
        second has passed; None when neither can tell."""
        if self.done >= self.total:
            return 0.0
        if self.eta is not None:
            return self.eta
        elapsed = self.elapsed()
        if not self.rate or self.done <= 0 or elapsed < 1:
            return None
        return elapsed / self.done * (self.total - self.done)

    def line(self) -> str:
        text = (f"{self.label}: {self.done:,}/{count(self.total, self.noun)}, "
                f"{duration(self.elapsed())} elapsed")
        left = self.remaining()
        if self.done < self.total and left is not None:
            text += f", ETA {duration(left)}"
        return text + (f"  {self.note}" if self.note else "")

    def update(self, done: int, note: str = "", eta: float | None = None) -> None:
        """`done` things finished (`note`: the latest, in a few words); drawn when it is due."""
        self.done, self.note, self.eta = done, note, eta
        self.current = False
        now = self.clock()
        due = self.shown is None or now - self.shown >= (REDRAW if self.terminal else self.every)
        if due or done >= self.total:
            self._write(now)

    def close(self) -> None:
        """The final state, if the last line did not show it; a terminal's cursor moves on."""
        if not self.current and self.shown is not None:
            self._write(self.clock())
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False

    def _write(self, now: float) -> None:
        if self.terminal:
            filled = BAR * min(self.done, self.total) // max(self.total, 1)
            text = f"[{'#' * filled}{'.' * (BAR - filled)}] {self.line()}"
            self.stream.write("\r" + text[:_width(self.stream) - 1] + ERASE)
            self.open_line = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()
        self.shown, self.current = now, True


def _width(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80
