"""How many participants one machine can serve: `find-lab serve --study` with N browser windows
open at once (headless chromium, as tests/browser.py drives it), each on its own participant's
link. For each N: seconds from opening the page to the study's first screen (median and
slowest), seconds from a probe typed to its answer on screen, and the lab processes' memory
(resident set, summed over the servers' children).

    .venv/bin/python benchmarks/serve_windows.py [--windows 1 2 4 8]

Needs the system's chromium (apt-get install chromium). A throwaway home and study are made for
each run; nothing is kept.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import Window, served  # noqa: E402

PLAN = '''\
name = "load"
seed = 0
[functions]
ids = ["numeric/f0006"]
[participants]
roster = [{roster}]
break_seconds = 0
'''


def children_rss_mb(parent_name: str = "find_lab.cli") -> float:
    """Resident memory of every lab process a server started (`study run`), in MB."""
    found = subprocess.run(["ps", "-eo", "rss,args"], capture_output=True, text=True).stdout
    return sum(int(line.split(None, 1)[0]) for line in found.splitlines()[1:]
               if parent_name in line and " study run " in line) / 1024


def appears(tab: Window, text: str) -> None:
    """Until the screen shows `text` (not waiting for it to be still, as tests do)."""
    tab.wait(lambda: text in tab.screen(), repr(text), 120)


def measure(windows: int, chromium: str) -> dict:
    people = [f"p{i:02d}" for i in range(1, windows + 1)]
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "sessions"
        (home / "studies" / "load").mkdir(parents=True)
        (home / "studies" / "load" / "plan.toml").write_text(
            PLAN.format(roster=", ".join(f'"{p}"' for p in people)))
        with served(home, "--study", "load") as links, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            opened, tabs = [], []
            for person in people:
                start = time.monotonic()
                tab = Window(browser, links[person])
                appears(tab, "enter begins")
                opened.append(time.monotonic() - start)
                tabs.append(tab)
            answered = []
            for tab in tabs:
                tab.press("Enter")
                tab.shows("Study load · function 1 of 1")
                start = time.monotonic()
                tab.type("1, 2, 3")
                tab.page.keyboard.press("Enter")
                appears(tab, "you probe")
                answered.append(time.monotonic() - start)
            memory = children_rss_mb()
            browser.close()
    return {"windows": windows, "open_median": statistics.median(opened),
            "open_max": max(opened), "probe_median": statistics.median(answered),
            "probe_max": max(answered), "rss_mb": memory, "rss_each": memory / windows}


def main() -> None:
    import shutil

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--windows", type=int, nargs="+", default=[1, 2, 4, 8])
    args = options.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("serve_windows: no chromium here (apt-get install chromium)")
    print("windows  open s (median, slowest)  probe s (median, slowest)  lab RSS MB (each)")
    for n in args.windows:
        row = measure(n, chromium)
        print(f"{row['windows']:7d}  {row['open_median']:8.2f} {row['open_max']:8.2f}"
              f"           {row['probe_median']:8.2f} {row['probe_max']:8.2f}"
              f"           {row['rss_mb']:7.0f} ({row['rss_each']:.0f})", flush=True)


if __name__ == "__main__":
    main()
