"""The store against damage: processes killed inside it, index documents and logs of the wrong
shape, hostile bundles, unusable homes. Whatever is on disk, every store method and the CLI's
listing keep working, and each repair is told once, in one line."""

import json
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from find_lab import cli, events, scoreboard, transcript
from find_lab.experiment import Budget, Experiment, Target
from find_lab.labstate import LabState
from find_lab.scoring import Score
from find_lab.store import FIELDS, Store, StoreError
from find_lab.tui.components.transcript import render_event
from tests.test_store import META, comparable, event, saved, writer

ROOT = Path(__file__).resolve().parent.parent


def opened(home):
    """A store opened on `home` and its listing, with the warnings opening it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store = Store(home)
        docs = store.list()
    return store, docs, [str(warning.message) for warning in caught]


def told(call, *args):
    """What `call(*args)` returned, and its warnings' messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call(*args)
    return result, [str(warning.message) for warning in caught]


def everything_works(store, tmp_path):
    """Every store method, and what the TUI and the scoreboard do with them, on every session
    listed; a StoreError (one line) is the only refusal allowed. Deletes them all at the end."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = store.list()
        assert all(tuple(doc) == FIELDS for doc in docs)
        scoreboard.rows(docs, lambda function_id: "clean")
        readable = []
        for doc in docs:
            assert store.get(doc["id"]) == doc
            try:
                session = store.events(doc["id"])
            except StoreError as error:
                assert "\n" not in str(error)
                continue
            readable.append(doc["id"])
            LabState.from_events(session)
            for item in session:
                transcript.render(item)
                render_event(item)
            if session and session[-1]["kind"] in ("session_end", "judge"):
                store.append(doc["id"], "judge", score=0.5, correct=5, total=10, model="m")
        bundle = tmp_path / "everything.jsonl"
        store.export(readable, bundle)
        assert Store(tmp_path / "elsewhere").import_bundle(bundle) == (len(readable), 0)
        for doc in docs:
            store.delete(doc["id"])
        assert store.list() == []


def cli_lists(home, capsys):
    """`find-lab sessions list --home DIR`, in this process: its exit code and output lines."""
    code = cli.main(["sessions", "list", "--home", str(home)])
    return code, capsys.readouterr().out.splitlines()


# --- killed inside Store.create -------------------------------------------------------------
@pytest.mark.parametrize("point", ["new_log", "replace", "indexed"])
def test_a_process_killed_inside_create_leaves_a_store_every_command_reads(tmp_path, point):
    saved(Store(tmp_path))
    process = writer(tmp_path, "create", point)
    assert process.stdout.readline() == "paused\n"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert len(list((tmp_path / "logs").iterdir())) == 2  # the first's, and an empty one
    assert bool(list(tmp_path.glob(".index.json.*.tmp"))) == (point == "replace")

    listed = subprocess.run([sys.executable, "-m", "find_lab.cli", "sessions", "list", "--home",
                             str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    store, docs, warned = opened(tmp_path)
    assert len(listed.stdout.splitlines()) == len(docs) == (2 if point == "indexed" else 1)
    assert warned == []  # the CLI's open did the repair, and said so there
    if point == "indexed":  # indexed, then killed: an interrupted session with nothing in it
        doc = next(doc for doc in docs if doc["probes"] == 0)
        assert (doc["status"], doc["function_id"]) == ("interrupted", "numeric/f0001")
    else:  # the empty log nobody indexed is gone, and so is the half-written index
        assert "removed an empty log" in listed.stderr
        assert len(list((tmp_path / "logs").iterdir())) == 1
    assert not list(tmp_path.rglob("*.tmp"))
    everything_works(store, tmp_path)


@pytest.mark.parametrize("leftover", ["empty log", "torn line only", "index without the doc",
                                      "doc without the log"])
def test_the_files_a_kill_leaves_are_read_or_repaired(tmp_path, capsys, leftover):
    store = Store(tmp_path)
    kept = saved(store, probes=2)
    other = saved(store, probes=1) if leftover == "doc without the log" else None
    index = tmp_path / "index.json"
    stray = tmp_path / "logs" / "20260101-000000-abcdef.jsonl"
    if leftover == "empty log":
        stray.touch()
    elif leftover == "torn line only":
        stray.write_text('{"seq": 0, "t": 0.0, "actor": "system", "kind": "sess')
    elif leftover == "index without the doc":
        before = store.list()
        index.unlink()
    else:  # what a kill inside delete leaves: it removes the log first
        (tmp_path / "logs" / f"{other}.jsonl").unlink()

    code, lines = cli_lists(tmp_path, capsys)
    assert code == 0
    store, docs, warned = opened(tmp_path)
    assert warned == []  # told once, by the first open
    ids = {doc["id"] for doc in docs}
    if leftover == "empty log":
        assert ids == {kept} and not stray.exists()
    elif leftover == "torn line only":
        [doc] = [doc for doc in docs if doc["id"] == stray.stem]
        assert (doc["status"], doc["function_id"], doc["probes"]) == ("interrupted", "", 0)
        assert told(store.events, stray.stem) == ([], [f"{stray.name}: dropped a torn last line "
                                                        "(a write cut short)"])
    elif leftover == "index without the doc":
        assert comparable(docs) == comparable(before)
    else:
        assert store.get(other)["status"] == "submitted"
        with pytest.raises(StoreError, match=f"^session {other} has no event log$"):
            store.events(other)
    assert len(lines) == len(docs)
    everything_works(store, tmp_path)


# --- index documents of the wrong shape -----------------------------------------------------
def good_index(tmp_path):
    """A store with two finished sessions; returns the index's data and the two ids."""
    store = Store(tmp_path)
    first = saved(store, probes=2, score={"metric": "nmse", "value": 0.5, "success": False})
    second = saved(store, probes=3)
    return json.loads((tmp_path / "index.json").read_text()), first, second


DAMAGED_DOCS = {
    "a string": (lambda doc: "a session", "is str, not an object"),
    "a list": (lambda doc: [doc], "is list, not an object"),
    "no id": (lambda doc: {k: v for k, v in doc.items() if k != "id"}, "no 'id'"),
    "an id that is a list": (lambda doc: {**doc, "id": [doc["id"]]},
                             "'id' is a list, not a string"),
    "an id that is a number": (lambda doc: {**doc, "id": 20260101},
                               "'id' is an integer, not a string"),
    "an id that climbs out": (lambda doc: {**doc, "id": "../../etc/passwd"},
                              "id '../../etc/passwd' is not a session id"),
    "a null function_id": (lambda doc: {**doc, "function_id": None},
                           "'function_id' is null, not a string"),
    "started as a number": (lambda doc: {**doc, "started": 1764000000},
                            "'started' is an integer, not a string"),
    "score as a string": (lambda doc: {**doc, "score": "0.5"},
                          "'score' is a string, not an object or null"),
    "a score value that is a string": (lambda doc: {**doc, "score": {"value": "low"}},
                                       "'score.value' is a string, not a number or null"),
    "usage tokens as a string": (lambda doc: {**doc, "usage": {"input_tokens": "many"}},
                                 "'usage.input_tokens' is a string, not an integer"),
    "probes as a bool": (lambda doc: {**doc, "probes": True},
                         "'probes' is a boolean, not an integer"),
    "null usage": (lambda doc: {**doc, "usage": None}, "'usage' is null, not an object"),
    "judge as a list": (lambda doc: {**doc, "judge": [0.5]},
                        "'judge' is a list, not an object or null"),
}


@pytest.mark.parametrize("damage", [*DAMAGED_DOCS, "a repeated id", "a key TinyDB cannot read"])
def test_a_malformed_index_document_is_told_once_set_aside_and_rebuilt(tmp_path, capsys,
                                                                       damage):
    data, first, second = good_index(tmp_path)
    before = Store(tmp_path).list()
    docs = data["sessions"]
    key = next(key for key, doc in docs.items() if doc["id"] == second)
    if damage == "a repeated id":
        docs[key] = next(doc for doc in docs.values() if doc["id"] == first)
        why = f"a second document for {first}"
    elif damage == "a key TinyDB cannot read":
        docs["second"] = docs.pop(key)
        key, why = "second", "key is not a number"
    else:
        change, why = DAMAGED_DOCS[damage]
        docs[key] = change(docs[key])
    (tmp_path / "index.json").write_text(json.dumps(data))

    store, after, warned = opened(tmp_path)
    [aside] = tmp_path.glob("index.json.corrupt-*")
    assert json.loads(aside.read_text()) == data  # nothing is lost: the old index is kept
    assert warned == [f"index.json: document {key}: {why}; set the old index aside as "
                      f"{aside.name}; rebuilt those from the logs"]
    assert comparable(after) == comparable(before)  # the second, rebuilt from its log
    assert opened(tmp_path)[2] == []  # repaired on disk: not told again
    code, lines = cli_lists(tmp_path, capsys)
    assert code == 0 and len(lines) == 2
    everything_works(store, tmp_path)


def test_each_malformed_document_is_counted_in_the_one_line(tmp_path):
    data, first, second = good_index(tmp_path)
    data["sessions"].update({"7": "junk", "8": {"id": 8}, "9": None})
    (tmp_path / "index.json").write_text(json.dumps(data))
    _, docs, warned = opened(tmp_path)
    assert [line.split(";")[0] for line in warned] == [
        "index.json: document 7: is str, not an object (and 2 more)"]
    assert {doc["id"] for doc in docs} == {first, second}


def test_a_store_kept_open_sees_damage_done_after_it_last_checked(tmp_path):
    data, first, second = good_index(tmp_path)
    store = Store(tmp_path)
    assert told(store.list) == (store.list(), [])  # checked once, then trusted
    key = next(key for key, doc in data["sessions"].items() if doc["id"] == second)
    data["sessions"][key]["started"] = 3
    (tmp_path / "index.json").write_text(json.dumps(data))
    docs, warned = told(store.list)
    assert len(warned) == 1 and warned[0].startswith(
        f"index.json: document {key}: 'started' is an integer, not a string;")
    assert {doc["id"] for doc in docs} == {first, second}
    assert all(isinstance(doc["started"], str) for doc in docs)


@pytest.mark.parametrize("content, why", [
    ("[1, 2]", "is not a TinyDB index"),
    ('{"sessions": [1, 2]}', "is not a TinyDB index"),
    ('{"sessions": {"1": {"id": "x"', "is not valid JSON"),
    (None, "cannot be read (Is a directory)"),
])
def test_an_index_that_is_not_one_is_set_aside_and_rebuilt(tmp_path, capsys, content, why):
    _, first, second = good_index(tmp_path)
    index = tmp_path / "index.json"
    index.unlink()
    if content is None:
        index.mkdir()
    else:
        index.write_text(content)
    store, docs, warned = opened(tmp_path)
    [aside] = tmp_path.glob("index.json.corrupt-*")
    assert warned == [f"index.json {why}: set aside as {aside.name}; rebuilt from the logs"]
    assert {doc["id"] for doc in docs} == {first, second}
    assert cli_lists(tmp_path, capsys)[0] == 0
    everything_works(store, tmp_path)


def test_create_refuses_a_document_it_could_not_read_back(tmp_path):
    store = Store(tmp_path)
    with pytest.raises(StoreError, match="^cannot start a session: 'function_id' is an "
                                         "integer, not a string$"):
        store.create({**META, "function_id": 5})
    assert store.list() == [] and list((tmp_path / "logs").iterdir()) == []


# --- logs of the wrong shape ----------------------------------------------------------------
BAD_EVENTS = [
    ({"seq": 1, "t": 0.5, "actor": "agent", "inputs": [1.0]}, "no 'kind'"),
    ({"seq": 1, "t": 0.5, "actor": "agent", "kind": "probe", "inputs": "1.0", "outputs": [],
      "errors": []}, "probe: 'inputs' is a string, not a list"),
    ({"seq": "1", "t": 0.5, "actor": "agent", "kind": "message", "text": "hi"},
     "'seq' is a string, not an integer"),
    ({"seq": 1, "t": 0.5, "actor": "robot", "kind": "message", "text": "hi"},
     "actor 'robot' is not one of agent, human, system"),
    ({"seq": 1, "t": 0.5, "actor": "agent", "kind": "teleport"}, "unknown kind 'teleport'"),
    ({"seq": 1, "t": 0.5, "actor": "system", "kind": "session_end", "status": None},
     "session_end: 'status' is null, not a string"),
    ([1, 2, 3], "not a JSON object"),
]


@pytest.mark.parametrize("bad, why", BAD_EVENTS, ids=[why for _, why in BAD_EVENTS])
def test_invalid_events_are_skipped_with_one_warning_per_log(tmp_path, bad, why):
    store = Store(tmp_path)
    session = saved(store, probes=3)
    log = tmp_path / "logs" / f"{session}.jsonl"
    intact = store.events(session)
    lines = log.read_text().splitlines()
    log.write_text("\n".join([lines[0], *[json.dumps(bad)] * 50, *lines[1:]]) + "\n")
    assert told(store.events, session) == (
        intact, [f"{log.name}: skipped 50 corrupt lines (the first, line 2: {why})"])
    (tmp_path / "index.json").unlink()  # a rebuild counts only the valid events
    store, docs, _ = opened(tmp_path)
    assert (docs[0]["probes"], docs[0]["status"]) == (3, "submitted")
    everything_works(store, tmp_path)


def nested(depth):
    return "[" * depth + "]" * depth


def test_nesting_too_deep_to_handle_is_refused_wherever_it_comes_from(tmp_path):
    store = Store(tmp_path)
    session = saved(store, probes=1)
    log = tmp_path / "logs" / f"{session}.jsonl"
    intact = store.events(session)
    lines = log.read_text().splitlines()
    deep = '{"seq": 1, "t": 0, "actor": "agent", "kind": "message", "text": "", "x": %s}'
    log.write_text("\n".join([lines[0], deep % nested(65), deep % nested(100_000), *lines[1:]])
                   + "\n")
    assert told(store.events, session) == (intact, [
        f"{log.name}: skipped 2 corrupt lines (the first, line 2: nested more than 64 deep)"])

    bundle = tmp_path / "bundle.jsonl"
    told(store.export, [session], bundle)  # (reading past the same two lines)
    record = json.loads(bundle.read_text())
    deeper = {**record, "x": json.loads(nested(70))}
    bundle.write_text(json.dumps(record) + "\n" + json.dumps(deeper) + "\n")
    desk = Store(tmp_path / "desk")
    with pytest.raises(StoreError, match="^bundle.jsonl line 2: nested more than 64 deep$"):
        desk.import_bundle(bundle)
    assert desk.list() == []

    index = tmp_path / "index.json"
    data = json.loads(index.read_text())
    data["sessions"]["1"]["x"] = json.loads(nested(80))
    index.write_text(json.dumps(data))
    _, docs, warned = opened(tmp_path)  # (rebuilding it reads the log above again)
    assert [line.split(";")[0] for line in warned if line.startswith("index.json")] == [
        "index.json: document 1: nested more than 64 deep"]
    assert [doc["id"] for doc in docs] == [session] and "x" not in docs[0]

    looped = {"seq": 0, "t": 0.0, "actor": "agent", "kind": "message", "text": ""}
    looped["self"] = looped
    live = store.create(META)
    with pytest.raises(StoreError, match="^cannot save a message: maximum recursion depth"):
        live(looped)
    live.close()
    assert told(store.events, live.id) == ([], [])


def test_garbage_empty_and_folder_logs_never_stop_the_store(tmp_path, capsys):
    store = Store(tmp_path)
    kept, emptied, folder = saved(store), saved(store), saved(store)
    logs = tmp_path / "logs"
    (logs / f"{emptied}.jsonl").write_bytes(b"")
    (logs / f"{folder}.jsonl").unlink()
    (logs / f"{folder}.jsonl").mkdir()
    (logs / "20260101-000000-0f0f0f.jsonl").mkdir()         # a folder no document names
    (logs / "20260101-000000-bad0ff.jsonl").write_bytes(bytes(range(256)) * 4)  # binary junk
    (logs / ".hidden.jsonl").write_text("{}\n")              # not a session id

    store, docs, warned = opened(tmp_path)
    assert sorted(warned) == sorted([
        "logs/.hidden.jsonl: not a session id, skipped",
        "logs/20260101-000000-0f0f0f.jsonl: not a file, skipped",
        "20260101-000000-bad0ff.jsonl: skipped 4 corrupt lines (the first, line 1: not a JSON "
        "object); dropped a torn last line (a write cut short)"])
    assert {doc["id"] for doc in docs} == {kept, emptied, folder, "20260101-000000-bad0ff"}
    assert told(store.events, emptied) == ([], [])
    with pytest.raises(StoreError, match="has not ended"):
        store.append(emptied, "judge", score=1.0, correct=1, total=1, model="m")
    with pytest.raises(StoreError, match=f"^cannot read the log {folder}.jsonl: Is a directory$"):
        store.events(folder)
    assert cli_lists(tmp_path, capsys)[0] == 0
    everything_works(store, tmp_path)
    assert (logs / f"{folder}.jsonl").is_dir()  # not the store's to remove


# --- bundles --------------------------------------------------------------------------------
def exported(tmp_path, count=3):
    store = Store(tmp_path / "laptop")
    ids = [saved(store, probes=2) for _ in range(count)]
    bundle = tmp_path / "bundle.jsonl"
    store.export(ids, bundle)
    return bundle, [json.loads(line) for line in bundle.read_text().splitlines()]


def spoil_session(**fields):
    return lambda record: {**record, "session": {**record["session"], **fields}}


def spoil_event(number, **fields):
    return lambda record: {**record, "events": [
        {**item, **fields} if index == number else item
        for index, item in enumerate(record["events"])]}


BAD_RECORDS = {
    "started as a number": (spoil_session(started=3),
                            "session document: 'started' is an integer, not a string"),
    "probes as a string": (spoil_session(probes="2"),
                           "session document: 'probes' is a string, not an integer"),
    "score as a string": (spoil_session(score="good"),
                          "session document: 'score' is a string, not an object or null"),
    "no started": (lambda r: {**r, "session": {"id": r["session"]["id"]}},
                   "session document: no 'started'"),
    "an unsafe id": (spoil_session(id="../x"), "missing or unsafe session id"),
    "an unknown kind": (spoil_event(3, kind="teleport"), "event 3: unknown kind 'teleport'"),
    "a probe with string inputs": (spoil_event(2, inputs="1, 2"),
                                   "event 2: probe: 'inputs' is a string, not a list"),
    "an event with no seq": (lambda r: {**r, "events": r["events"][:1] + [
        {k: v for k, v in r["events"][1].items() if k != "seq"}]}, "event 1: no 'seq'"),
    "events not a list": (lambda r: {**r, "events": {"0": r["events"][0]}},
                          "events must be a list of objects"),
    "another format": (lambda r: {**r, "format": "find-lab-session/0"},
                       "not a find-lab-session/1 record"),
    "no session": (lambda r: {**r, "session": None}, "no session document"),
}


@pytest.mark.parametrize("spoil", BAD_RECORDS)
def test_a_bundle_with_one_bad_line_is_refused_whole_before_anything_is_written(tmp_path,
                                                                                spoil):
    bundle, records = exported(tmp_path)
    change, why = BAD_RECORDS[spoil]
    records[2] = change(records[2])
    bundle.write_text("".join(json.dumps(record) + "\n" for record in records))
    desk = Store(tmp_path / "desk")
    index = (tmp_path / "desk" / "index.json").read_bytes()
    with pytest.raises(StoreError) as error:
        desk.import_bundle(bundle)
    assert str(error.value) == f"bundle.jsonl line 3: {why}"
    assert desk.list() == [] and list((tmp_path / "desk" / "logs").iterdir()) == []
    assert (tmp_path / "desk" / "index.json").read_bytes() == index


def test_blank_lines_keep_the_line_numbers_and_a_good_bundle_still_imports(tmp_path):
    bundle, records = exported(tmp_path, count=2)
    lines = [json.dumps(record) for record in records]
    bundle.write_text(lines[0] + "\n\n" + lines[1] + "\n")
    assert Store(tmp_path / "desk").import_bundle(bundle) == (2, 0)
    bundle.write_text(lines[0] + "\n\n" + "{not json\n")
    with pytest.raises(StoreError, match="^bundle.jsonl line 3: not a JSON object$"):
        Store(tmp_path / "other").import_bundle(bundle)


def test_an_endless_or_oversized_bundle_is_refused_at_once_in_one_line(tmp_path):
    store = Store(tmp_path / "desk")
    began = time.monotonic()
    with pytest.raises(StoreError, match="^zero line 1: not a JSON object$"):
        store.import_bundle("/dev/zero")
    assert time.monotonic() - began < 5
    bundle, _ = exported(tmp_path)
    size = bundle.stat().st_size
    with pytest.raises(StoreError, match=f"^bundle.jsonl is over {size - 1:,} bytes: not a "
                                         "bundle$"):
        store.import_bundle(bundle, max_bytes=size - 1)
    assert store.list() == []
    assert store.import_bundle(bundle, max_bytes=size) == (3, 0)
    with pytest.raises(StoreError, match=f"^cannot read bundle {tmp_path}: Is a directory$"):
        store.import_bundle(tmp_path)
    huge = tmp_path / "huge.jsonl"  # 64 GiB that starts like a bundle (sparse: no disk used)
    with huge.open("wb") as file:
        file.write(b'{"format": ')
        file.truncate(64 * 2**30)
    began = time.monotonic()
    with pytest.raises(StoreError, match="^huge.jsonl is over 8,388,608 bytes: not a bundle$"):
        store.import_bundle(huge, max_bytes=8 * 2**20)
    assert time.monotonic() - began < 5


# --- homes that cannot be one -----------------------------------------------------------------
def test_a_home_that_cannot_hold_sessions_is_one_clear_store_error(tmp_path):
    file = tmp_path / "a-file"
    file.write_text("not a folder")
    locked = tmp_path / "locked"
    (locked / "index.lock").mkdir(parents=True)
    homes = {file: "Not a directory", Path("/proc/self"): "No such file or directory",
             Path("/proc/self/fd/sessions"): "", locked: "Is a directory"}
    for home, why in homes.items():
        with pytest.raises(StoreError) as error:
            Store(home)
        line = str(error.value)
        assert line.startswith(f"cannot keep sessions in {home}: {why}") and "\n" not in line


# --- the vocabulary ---------------------------------------------------------------------------
def test_the_example_logs_keep_the_vocabulary():
    logs = sorted((ROOT / "sessions" / "logs").glob("*.jsonl"))
    assert logs
    for log in logs:
        for number, line in enumerate(log.read_text().splitlines(), 1):
            assert events.validate(json.loads(line)) is None, f"{log.name} line {number}"


async def test_every_event_a_session_records_keeps_the_vocabulary(tmp_path):
    """A session with every control a person has, a fork's carried probes, usage, an error
    and a judge's verdict: each event as the store reads it back is valid."""
    score = Score("numeric/f0001", "numeric", "nmse", 0.01, True, details={"local_nmse": 0.2})
    target = Target("numeric/f0001", "numeric", lambda xs: [2 * x for x in xs],
                    scorer=lambda code, description: score)
    store = Store(tmp_path)
    log = store.create(META)
    experiment = Experiment(target, actor_kind="scientist", listeners=(log,), session_id=log.id,
                            budget=Budget(10, 100))
    carried = [event(1, "probe", inputs=[3.0], outputs=[6.0], errors=[None])]
    experiment.start(carried, forked_from={"session_id": "20260101-000000-abcdef", "seq": 1})
    await experiment.probe([1.0, "x", 500.0])
    await experiment.say("doubling, I think")
    await experiment.hypothesis("def f(x):\n    return 2 * x\n", "double",
                                preview=[[1.0, 2.0]])
    experiment.pause()
    experiment.steer("look near zero")
    experiment.resume()
    experiment.take_over()
    await experiment.probe([0.0], actor="human")
    experiment.hand_back()
    experiment.record("usage", "system", model="claude-x", input_tokens=10, output_tokens=2,
                      cache_creation_input_tokens=0, cache_read_input_tokens=0, cost_usd=0.01)
    experiment.record("error", "system", retrying=True, message="the stream broke; again")
    await experiment.submit("doubles x", "def f(x):\n    return 2 * x\n", domain="none")
    log.close()
    store.append(log.id, "judge", score=0.7, correct=7, total=10, model="claude-haiku")

    written, warned = told(store.events, log.id)
    assert warned == [] and len(written) == len(experiment.events) + 1
    kinds = {item["kind"] for item in written}
    assert kinds == set(events.KINDS) - {"reveal"}
    assert all(events.validate(item) is None for item in written)


@pytest.mark.parametrize("bad, why", [
    ({"seq": 0, "t": 0.0, "actor": "system", "kind": "session_start", "session_id": "",
      "function_id": "numeric/f0001", "domain": "numeric", "actor_kind": "scientist",
      "actor_name": "scientist", "budget": {"calls": 25}},
     "session_start: no 'budget.points'"),
    ({"seq": 2, "t": 1.0, "actor": "agent", "kind": "probe", "inputs": [1], "outputs": [2],
      "errors": [0]}, "probe: 'errors[0]' is an integer, not a string or null"),
    ({"seq": 2, "t": True, "actor": "agent", "kind": "steer", "text": "x"},
     "'t' is a boolean, not a number"),
    ({"seq": 2, "t": 1, "actor": "system", "kind": "judge", "score": 0.5, "correct": 2.5,
      "total": 3, "model": "m"}, "judge: 'correct' is a number, not an integer"),
    ("probe", "is a string, not an object"),
])
def test_validate_names_the_first_problem_in_one_line(bad, why):
    assert events.validate(bad) == why


def test_unknown_extra_fields_are_allowed_and_optional_ones_may_be_absent():
    assert events.validate({"seq": 3, "t": 2, "actor": "human", "kind": "handback",
                            "mood": "pleased"}) is None
    assert events.validate({"seq": 3, "t": 2, "actor": "human", "kind": "handback",
                            "probes": "3"}) == "handback: 'probes' is a string, not an integer"


def test_append_refuses_an_event_it_could_not_read_back(tmp_path):
    store = Store(tmp_path)
    session = saved(store)
    with pytest.raises(StoreError, match="^not an event this lab can read back: judge: "
                                         "'correct' is a string, not an integer$"):
        store.append(session, "judge", score=1.0, correct="all", total=3, model="m")
    assert [item["kind"] for item in store.events(session)][-1] == "session_end"
