"""Saved sessions: round trips, crash recovery, concurrent writers, bundles, redaction."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from find_lab.experiment import Experiment, Target
from find_lab.scoring import Score
from find_lab.store import FIELDS, AtomicJSONStorage, Store, StoreError, StoreWarning, default_home

ROOT = Path(__file__).resolve().parent.parent
WRITER = [sys.executable, str(Path(__file__).with_name("store_writer.py"))]
META = {"function_id": "numeric/f0001", "domain": "numeric", "actor_kind": "scientist",
        "actor_name": "scientist", "model": None}


def event(seq, kind, **fields):
    return {"seq": seq, "t": 0.5 * seq, "actor": "agent", "kind": kind, **fields}


def start(session_id, meta=META):
    return event(0, "session_start", session_id=session_id, budget={"calls": 25, "points": 400},
                 **meta)


def saved(store, probes=2, status="submitted", meta=META, score=None):
    """A session logged event by event, as an Experiment would; returns its id."""
    log = store.create(meta)
    events = [start(log.id, meta)]
    events += [event(i + 1, "probe", inputs=[i, 2.0], outputs=[1.0, 2.0], errors=[None, None])
               for i in range(probes)]
    if score:
        events.append(event(len(events), "score", **score))
    if status:
        events.append(event(len(events), "session_end", status=status))
    for item in events:
        log(item)
    if status:
        log.close()
    return log.id


def writer(home, *args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([*WRITER, str(home), *args], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, **kwargs)


def comparable(docs):
    """Index documents without what a rebuild cannot know (writer) or only approximates."""
    return [{k: v for k, v in doc.items() if k not in ("pid", "host", "finished")} for doc in docs]


def test_a_real_experiment_round_trips_and_its_index_document_stays_small(tmp_path):
    store = Store(tmp_path)
    score = Score("numeric/f0001", "numeric", "nmse", 0.01, True, details={"local_nmse": 0.2})
    target = Target("numeric/f0001", "numeric", lambda xs: [2 * x for x in xs],
                    scorer=lambda code, description: score)
    log = store.create(META)
    experiment = Experiment(target, actor_kind="scientist", listeners=(log,), session_id=log.id)

    async def act():
        await experiment.probe([1.0, 2.0, 3.0])
        await experiment.probe([500.0])
        await experiment.hypothesis("def f(x):\n    return 2 * x\n" * 50)
        experiment.record("usage", input_tokens=100, output_tokens=20, cost_usd=0.5)
        experiment.record("usage", input_tokens=50, output_tokens=5, cost_usd=0.25)
        await experiment.submit("doubles x", "def f(x):\n    return 2 * x\n")

    experiment.start()
    asyncio.run(act())
    log.close()

    assert store.events(log.id) == json.loads(json.dumps(experiment.events))
    doc = store.get(log.id[:17])
    assert tuple(doc) == FIELDS
    assert doc["status"] == "submitted" and doc["finished"] and doc["started"]
    assert doc["score"] == {"metric": "nmse", "value": 0.01, "success": True, "local_nmse": 0.2}
    assert (doc["probes"], doc["points"]) == (2, 3)  # 500 is out of range: it spends no point
    assert (doc["probes"], doc["points"]) == (experiment.calls_used, experiment.points_used)
    assert doc["usage"] == {"input_tokens": 150, "output_tokens": 25, "cost_usd": 0.75}
    assert (doc["pid"], doc["host"]) == (os.getpid(), os.uname().nodename)
    assert len(json.dumps(doc)) < 600 and "return" not in json.dumps(doc)
    assert store.list() == [doc] == store.list(domain="numeric", status="submitted")
    assert store.list(domain="strings") == [] == store.list(actor_kind="claude")


def test_list_is_newest_first_and_ids_resolve_by_unique_prefix(tmp_path):
    store = Store(tmp_path)
    first = saved(store, meta={**META, "function_id": "numeric/f0002"})
    second = saved(store)
    assert {doc["id"] for doc in store.list()} == {first, second}
    assert store.list(function_id="numeric/f0002")[0]["id"] == first
    assert [doc["started"] for doc in store.list()] == sorted(
        (doc["started"] for doc in store.list()), reverse=True)
    with pytest.raises(StoreError, match="no saved session 'nope'"):
        store.get("nope")
    with pytest.raises(StoreError, match="matches 2 sessions"):
        store.get(first[:2])  # both ids start with the century
    assert store.get(first)["id"] == first


def test_a_killed_writer_leaves_an_interrupted_session_whose_flushed_events_all_read(tmp_path):
    process = writer(tmp_path, "forever")
    for _ in range(20):
        process.stdout.readline()
    process.send_signal(signal.SIGKILL)
    process.wait()

    store = Store(tmp_path)
    (doc,) = store.list()
    assert doc["status"] == "interrupted" and doc["finished"]
    log = tmp_path / "logs" / f"{doc['id']}.jsonl"
    complete = log.read_text().count("\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StoreWarning)  # the kill may have torn the last line
        events = store.events(doc["id"])
    assert len(events) == complete >= 21
    assert [e["seq"] for e in events] == list(range(complete))
    assert doc["probes"] == complete - 1 and doc["points"] == 2 * doc["probes"]
    assert log.read_text().count("\n") == complete  # recovery did not touch the log


def test_a_torn_last_line_or_a_corrupt_middle_line_is_skipped_with_a_warning(tmp_path):
    store = Store(tmp_path)
    session = saved(store, probes=3)
    log = tmp_path / "logs" / f"{session}.jsonl"
    intact = store.events(session)
    with log.open("a") as file:
        file.write('{"seq": 5, "t": 1.2, "kind": "pro')
    with pytest.warns(StoreWarning, match="torn last line"):
        assert store.events(session) == intact
    lines = log.read_text().split("\n")
    log.write_text("\n".join(lines[:2] + ["\x00garbage{"] + lines[2:-1]) + "\n")
    with pytest.warns(StoreWarning, match="corrupt line 3"):
        assert store.events(session) == intact


@pytest.mark.parametrize("damage", ["garbage", "deleted"])
def test_a_corrupt_or_deleted_index_is_rebuilt_from_the_logs(tmp_path, damage):
    store = Store(tmp_path)
    saved(store, score={"metric": "nmse", "value": 0.5, "success": False, "details": {}})
    saved(store, probes=0, status="abandoned")
    saved(store, status="crashed")
    running = store.create(META)  # alive: this process holds it open
    running(start(running.id))
    running(event(1, "probe", inputs=[1.0], outputs=[2.0], errors=[None]))
    running(event(2, "usage", input_tokens=7))
    before = store.list()

    index = tmp_path / "index.json"
    if damage == "garbage":
        index.write_bytes(os.urandom(200) + b"\xff{")
    else:
        index.unlink()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        after = Store(tmp_path).list()
    corrupt = list(tmp_path.glob("index.json.corrupt-*"))
    assert len(corrupt) == (damage == "garbage")
    assert [str(warning.message) for warning in caught] == (
        [f"index.json is not valid JSON: set aside as {corrupt[0].name}; rebuilt from the logs"]
        if corrupt else [])
    ended = lambda docs: [doc for doc in comparable(docs) if doc["status"] != "running"]  # noqa: E731
    assert ended(after) == ended(before) and len(after) == len(before)
    # a running session's document is summarised when it ends; rebuilt, it counts the log
    [live] = [doc for doc in after if doc["status"] == "running"]
    assert (live["probes"], live["usage"]) == (1, {"input_tokens": 7})
    assert {doc["status"] for doc in after} == {"submitted", "abandoned", "crashed", "running"}
    assert all(doc["finished"] for doc in after if doc["status"] != "running")
    running.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    Store(tmp_path)
    processes = [writer(tmp_path, "many", "20", stdin=subprocess.PIPE) for _ in range(2)]
    for process in processes:
        assert process.stdout.readline() == "ready\n"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    ids = []
    for process in processes:
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0
        ids.append(out.split())

    store = Store(tmp_path)
    docs = {doc["id"]: doc for doc in store.list()}
    assert len(docs) == 40 and set(docs) == set(ids[0] + ids[1])
    for written in ids:
        for number, session in enumerate(written):
            probes = number % 4 + 1
            assert docs[session]["probes"] == probes and docs[session]["status"] == "submitted"
            events = store.events(session)
            kinds = ["session_start"] + ["probe"] * probes + ["session_end"]
            assert [e["kind"] for e in events] == kinds


def test_export_then_import_round_trips_and_a_second_import_skips_everything(tmp_path):
    store = Store(tmp_path / "laptop")
    ids = [saved(store, probes=n, score={"metric": "nmse", "value": n / 10, "success": True,
                                         "details": {"local_nmse": 1.5}}) for n in (1, 3)]
    bundle = tmp_path / "bundle.jsonl"
    store.export(ids, bundle)
    fresh = Store(tmp_path / "desk")
    assert fresh.import_bundle(bundle) == (2, 0)
    for session in ids:
        assert fresh.events(session) == store.events(session)
        mine, theirs = store.get(session), fresh.get(session)
        assert {k: v for k, v in theirs.items() if k not in ("pid", "host")} == \
            {k: v for k, v in mine.items() if k not in ("pid", "host")}
        assert (theirs["pid"], theirs["host"]) == (None, None)
    assert fresh.import_bundle(bundle) == (0, 2)
    assert len(fresh.list()) == 2


def test_a_bundle_with_a_malformed_line_is_refused_whole_naming_the_line(tmp_path):
    store = Store(tmp_path / "laptop")
    ids = [saved(store), saved(store)]
    bundle = tmp_path / "bundle.jsonl"
    store.export(ids, bundle)
    good = bundle.read_text().splitlines()
    torn = '{"format": "find-lab-session/1", "sess'
    bundle.write_text("\n".join([good[0], torn, good[1]]) + "\n")
    fresh = Store(tmp_path / "desk")
    with pytest.raises(StoreError, match="^bundle.jsonl line 2: not a JSON object$"):
        fresh.import_bundle(bundle)
    assert fresh.list() == [] and list((tmp_path / "desk" / "logs").iterdir()) == []
    bundle.write_text(json.dumps({"format": "find-lab-session/1",
                                  "session": {"id": "../../etc/passwd", "started": "x"},
                                  "events": []}) + "\n")
    with pytest.raises(StoreError, match="line 1: missing or unsafe session id"):
        fresh.import_bundle(bundle)


def test_a_session_whose_writer_is_alive_is_not_interrupted(tmp_path):
    store = Store(tmp_path)
    log = store.create(META)
    log(start(log.id))
    assert Store(tmp_path).get(log.id)["status"] == "running"
    log.close()  # the writer is done but never logged session_end: it was interrupted
    assert Store(tmp_path).get(log.id)["status"] == "interrupted"


def test_a_writer_on_another_host_counts_as_dead_after_an_hour_of_silence(tmp_path):
    store = Store(tmp_path)
    session = saved(store, status=None)
    with TinyDB(tmp_path / "index.json", storage=AtomicJSONStorage) as db:
        db.table("sessions").update({"host": "elsewhere", "pid": 1}, Query().id == session)
    assert Store(tmp_path).get(session)["status"] == "running"
    log = tmp_path / "logs" / f"{session}.jsonl"
    hours_ago = time.time() - 7200
    os.utime(log, (hours_ago, hours_ago))
    assert Store(tmp_path).get(session)["status"] == "interrupted"


def test_api_keys_never_reach_the_disk(tmp_path):
    key = "sk-ant-api03-Secret_Key-123"
    store = Store(tmp_path)
    log = store.create({**META, "actor_name": f"claude {key}"})
    log(event(0, "message", text=f"my key is {key}!", nested={"list": [key]}))
    log(event(1, "session_end", status="abandoned"))
    log.close()
    store.export([log.id], tmp_path / "bundle.jsonl")
    written = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert b"Secret_Key" not in written
    (message, _) = store.events(log.id)
    assert message["text"] == "my key is sk-ant-…redacted!"
    assert message["nested"] == {"list": ["sk-ant-…redacted"]}
    assert store.get(log.id)["actor_name"] == "claude sk-ant-…redacted"


def test_delete_removes_the_document_and_the_log(tmp_path):
    store = Store(tmp_path)
    keep, gone = saved(store), saved(store)
    store.delete(gone)
    assert [doc["id"] for doc in Store(tmp_path).list()] == [keep]
    assert not (tmp_path / "logs" / f"{gone}.jsonl").exists()
    with pytest.raises(StoreError):
        store.events(gone)


def test_the_home_defaults_to_sessions_here_or_find_lab_home(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FIND_LAB_HOME", raising=False)
    assert default_home() == tmp_path / "sessions"
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "elsewhere"))
    assert Store().home == tmp_path / "elsewhere"
    assert (tmp_path / "elsewhere" / "logs").is_dir()


EXAMPLES = ROOT / "sessions" / "logs"


def test_a_sessions_time_is_its_events_own_clock_even_for_a_copied_log(tmp_path):
    """The shipped examples are copies: their files' times say nothing about the sessions."""
    logs = tmp_path / "logs"
    logs.mkdir()
    for example in EXAMPLES.glob("*.jsonl"):
        copy = logs / example.name
        copy.write_bytes(example.read_bytes())
        os.utime(copy, (1e9, 1e9))  # 2001: a stamp nowhere near the session
    docs = Store(tmp_path).list()
    assert len(docs) == 5
    for doc in docs:
        last = json.loads((logs / f"{doc['id']}.jsonl").read_text().splitlines()[-1])
        assert doc["seconds"] == last["t"] < 5
        assert doc["started"].startswith("2026-11-28T12:00:0")
        assert doc["finished"][:16] == doc["started"][:16]  # the same minute, not 2001


def test_paused_spans_are_left_out_of_a_sessions_seconds(tmp_path):
    def timed(seq, t, kind, **fields):
        return {**event(seq, kind, **fields), "t": t, "actor": "human" if "pause" in kind
                or kind == "resume" else "agent"}

    store = Store(tmp_path)
    log = store.create(META)
    events = [{**start(log.id), "t": 0.0}, timed(1, 1.0, "message", text="a sweep first"),
              timed(2, 2.0, "pause"), timed(3, 12.0, "resume"),
              timed(4, 13.0, "message", text="a line"), timed(5, 14.0, "pause"),
              {**timed(6, 20.0, "session_end", status="abandoned"), "actor": "system"}]
    for item in events:
        log(item)
    log.close()
    assert store.get(log.id)["seconds"] == 4.0  # 14 seconds, 10 + 6 of them paused
    (tmp_path / "index.json").unlink()
    assert Store(tmp_path).get(log.id)["seconds"] == 4.0  # and so says a rebuild


def test_an_older_index_without_seconds_is_brought_up_to_date_not_set_aside(tmp_path):
    store = Store(tmp_path)
    session = saved(store, probes=3)
    index = json.loads((tmp_path / "index.json").read_text())
    for doc in index["sessions"].values():
        del doc["seconds"]
    (tmp_path / "index.json").write_text(json.dumps(index))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to warn about: it is not damage
        doc = Store(tmp_path).get(session)
    assert doc["seconds"] == 2.0 and doc["probes"] == 3
    assert list(tmp_path.glob("index.json.corrupt-*")) == []


def test_text_is_what_was_written_and_is_read_again_only_when_the_log_changes(tmp_path, monkeypatch):
    import find_lab.store as store_module

    store = Store(tmp_path)
    log = store.create(META)
    for item in [start(log.id), event(1, "message", text="A Sine wave?"),
                 event(2, "hypothesis", code="def f(x): return x", note="period near 9"),
                 event(3, "submit", description="A sine of period 9", code="def f(x): ...",
                       domain="everywhere"),
                 event(4, "session_end", status="submitted")]:
        log(item)
    log.close()
    reads = []
    read_log = store_module._read_log
    monkeypatch.setattr(store_module, "_read_log", lambda path: reads.append(path) or read_log(path))
    text = store.text(log.id)
    assert text == "a sine wave?\nperiod near 9\na sine of period 9\neverywhere"
    assert store.text(log.id[:17]) == text and len(reads) == 1  # a prefix, and from the cache
    store.append(log.id, "judge", score=0.8, correct=8, total=10, model="judge-x")
    reads.clear()
    assert store.text(log.id) == text and len(reads) == 1  # the log changed: read again
    with pytest.raises(StoreError, match="no saved session"):
        store.text("nothing-here")
