"""Writes sessions into a store from its own process, for the store's tests.

    store_writer.py HOME forever      one session, probes logged until the process is killed;
                                      prints each event's seq once it is logged
    store_writer.py HOME many N       N sessions logged round-robin once a line arrives on
                                      stdin; prints the session ids
    store_writer.py HOME create POINT opens the store, then stops inside Store.create at POINT
                                      and prints "paused" (to be killed there):
                                      new_log   its log just made, not yet indexed
                                      replace   the index written to a temp file, not renamed
                                      indexed   indexed as running, not yet returned
"""

import functools
import os
import sys
import time
from pathlib import Path

from find_lab.store import SessionLog, Store

META = {"function_id": "numeric/f0001", "domain": "numeric", "actor_kind": "scientist",
        "actor_name": "scientist", "model": None}
POINTS = {"new_log": (Store, "_new_log", True), "replace": (os, "replace", False),
          "indexed": (SessionLog, "__init__", False)}  # where, what, pause after it (or before)


def event(seq: int, kind: str, **fields) -> dict:
    return {"seq": seq, "t": 0.0, "actor": "agent", "kind": kind, **fields}


def start(session_id: str) -> dict:
    return event(0, "session_start", session_id=session_id, budget={"calls": 25, "points": 400},
                 **META)


def probe(seq: int) -> dict:
    return event(seq, "probe", inputs=[float(seq), 1.0], outputs=[2.0 * seq, 2.0],
                 errors=[None, None])


def forever(store: Store) -> None:
    log = store.create(META)
    log(start(log.id))
    seq = 1
    while True:
        log(probe(seq))
        print(seq, flush=True)
        seq += 1


def many(store: Store, count: int) -> None:
    print("ready", flush=True)
    sys.stdin.readline()  # both writers start together
    logs = [store.create(META) for _ in range(count)]
    for log in logs:
        log(start(log.id))
    for step in range(4):
        for number, log in enumerate(logs):
            if step < number % 4 + 1:
                log(probe(step + 1))
    for number, log in enumerate(logs):
        log(event(number % 4 + 2, "session_end", status="submitted"))
        log.close()
        print(log.id, flush=True)


def create_until_killed(store: Store, point: str) -> None:
    """Store.create, stopped for good at `point`: what a SIGKILL there leaves is on disk."""
    owner, name, after = POINTS[point]
    original = getattr(owner, name)

    @functools.wraps(original)
    def paused(*args, **kwargs):
        if after:
            original(*args, **kwargs)
        print("paused", flush=True)
        time.sleep(3600)

    setattr(owner, name, paused)
    store.create(META)


if __name__ == "__main__":
    home, mode = Path(sys.argv[1]), sys.argv[2]
    if mode == "forever":
        forever(Store(home))
    elif mode == "create":
        create_until_killed(Store(home), sys.argv[3])
    else:
        many(Store(home), int(sys.argv[3]))
