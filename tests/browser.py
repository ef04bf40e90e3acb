"""A person at a web browser: `find-lab serve` run as a user runs it, and Debian's chromium driven
by playwright (its own browser download is not reachable from these machines) on the page the
server gives a link to.

xterm.js draws the lab's screen on a canvas. The page is opened with canvases refused, so
xterm.js falls back to drawing the screen as text in the page: the test reads the screen the
participant sees, and waits for what they would wait for, instead of sleeping."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

NO_CANVAS = "HTMLCanvasElement.prototype.getContext = function () { return null; };"
STILL = 0.2  # seconds a screen stays the same before it counts as still
KEY_GAP = 0.25  # seconds after each key pressed (typing is as fast as the lab takes it)
LINK = re.compile(r"^\s+(\S+)\s+(http://\S+/s/[0-9a-f]+)$")


def chromium() -> str:
    """The system's chromium; its absence fails the test, loudly, rather than passing it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("no chromium on this machine, so the browser test cannot run: install it "
                    "(`apt-get install chromium`; .ci/run does where it is missing)", pytrace=False)
    return found


@contextmanager
def served(home: Path, *options: str):
    """`find-lab serve --home HOME OPTIONS --port 0` until the block ends (then SIGTERM, as
    ctrl+c): yields {who: link} as it printed them."""
    process = subprocess.Popen(
        [sys.executable, "-m", "find_lab.cli", "serve", "--home", str(home), *options,
         "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout],
                     daemon=True).start()
    links, said = {}, []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                if links or process.poll() is not None:
                    break
                continue
            said.append(line)
            if match := LINK.match(line.rstrip("\n")):
                links[match[1]] = match[2]
        assert links, f"find-lab serve printed no link: {''.join(said)!r}"
        yield links
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the server and every window's lab
            raise


class Window:
    """One browser tab on a served link: what its screen shows, and keys typed into it."""

    def __init__(self, browser, link: str, size=(1280, 800)):
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.page.add_init_script(NO_CANVAS)
        self.page.goto(link)
        self.page.wait_for_selector("body.-first-byte", timeout=60_000)
        self.page.focus(".xterm-helper-textarea")

    def screen(self) -> str:
        rows = self.page.query_selector(".xterm-rows")
        return " ".join(rows.inner_text().split()) if rows else ""

    def wait(self, condition, what: str, seconds: float = 60) -> None:
        """Until `condition()` holds; a failure says what never came and the screen then."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"{what} never came; the screen: {self.screen()}")

    def shows(self, text: str, seconds: float = 60) -> None:
        """Until the screen shows `text` and has stopped changing, as a person looks until
        the screen is still before typing (a key sent while a screen is still being built
        can reach the one before it)."""
        self.wait(lambda: text in self.screen(), f"{text!r} on the screen", seconds)
        before = self.screen()
        still = began = time.monotonic()
        while time.monotonic() - still < STILL and time.monotonic() - began < 5:
            time.sleep(0.05)
            now = self.screen()
            if now != before:
                before, still = now, time.monotonic()

    def press(self, *keys: str) -> None:
        """Each key, then a moment: as a person's, a key that moves the focus has moved it
        before the next arrives."""
        for key in keys:
            self.page.keyboard.press(key)
            time.sleep(KEY_GAP)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def closed(self) -> bool:
        return bool(self.page.query_selector("body.-closed"))
