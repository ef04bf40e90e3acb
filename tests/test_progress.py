"""Progress lines: redrawn in place on a terminal, plain and few in a log, with elapsed and ETA."""

import io

import pytest

from find_lab.progress import Progress, duration


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_log_gets_a_few_plain_lines_with_elapsed_and_eta():
    clock, log = Clock(), io.StringIO()
    progress = Progress("suite build", 400, "function", log, terminal=False, clock=clock)
    for done in range(1, 401):  # 400 steps over 40 s: a redraw each would be 400 lines
        clock.now += 0.1
        progress.update(done)
    progress.close()
    text = log.getvalue()
    lines = text.splitlines()
    assert "\r" not in text and "\x1b" not in text and text.endswith("\n")
    assert 2 <= len(lines) <= 40 / 10 + 2
    assert lines[0] == "suite build: 1/400 functions, 0 s elapsed"  # too soon for a rate
    assert all(line.startswith("suite build: ") and " elapsed" in line for line in lines)
    assert all(", ETA " in line for line in lines[1:-1])
    assert lines[1] == "suite build: 101/400 functions, 10 s elapsed, ETA 30 s"
    assert lines[-1] == "suite build: 400/400 functions, 40 s elapsed"


def test_close_writes_the_state_a_throttled_log_has_not_shown():
    clock, log = Clock(), io.StringIO()
    progress = Progress("bench", 10, "session", log, terminal=False, clock=clock)
    progress.update(1, "last: scientist numeric/f0001 ok")
    clock.now += 3
    progress.update(2)  # not due yet
    progress.close()  # interrupted: the log must still say how far it got
    assert log.getvalue().splitlines() == [
        "bench: 1/10 sessions, 0 s elapsed  last: scientist numeric/f0001 ok",
        "bench: 2/10 sessions, 3 s elapsed, ETA 12 s"]
    single = io.StringIO()
    one = Progress("bench", 1, "session", single, terminal=False, clock=clock)
    one.update(1)
    one.close()
    assert single.getvalue() == "bench: 1/1 session, 0 s elapsed\n"


def test_a_terminal_gets_one_line_redrawn_in_place():
    clock, screen = Clock(), io.StringIO()
    progress = Progress("bench", 50, "session", screen, terminal=True, clock=clock)
    for done in range(1, 51):
        clock.now += 0.5
        progress.update(done)
    progress.close()
    text = screen.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert text.count("\r") == 50  # every update is due at 0.5 s apart
    last = text.rsplit("\r", 1)[1]
    assert last.startswith("[" + "#" * 24 + "] bench: 50/50 sessions, 25 s elapsed")
    assert "ETA 12 s" in text  # half-way: 25 left at the rate so far


def test_terminal_redraws_are_throttled():
    clock, screen = Clock(), io.StringIO()
    progress = Progress("bench", 1000, "session", screen, terminal=True, clock=clock)
    for done in range(1, 1001):
        clock.now += 0.001  # a thousand updates in one second
        progress.update(done)
    progress.close()
    assert screen.getvalue().count("\r") <= 12


def test_the_callers_estimate_wins_and_without_a_rate_none_is_guessed():
    clock, log = Clock(), io.StringIO()
    progress = Progress("suite build", 2300, "function", log, terminal=False, rate=False,
                        clock=clock)
    progress.update(0)
    clock.now += 12
    progress.update(120, eta=28.4)
    progress.close()
    assert log.getvalue().splitlines() == [
        "suite build: 0/2,300 functions, 0 s elapsed",
        "suite build: 120/2,300 functions, 12 s elapsed, ETA 28 s"]


@pytest.mark.parametrize("seconds, text", [(0.4, "0 s"), (59.4, "59 s"), (60, "1 min 00 s"),
                                           (245, "4 min 05 s"), (7380, "2 h 03 min")])
def test_durations_read_as_a_clock(seconds, text):
    assert duration(seconds) == text
