"""Saved sessions: a small TinyDB index (one short document per session) plus one append-only
JSONL event log per session.

The log is the truth and the index a summary of it, so the index can always be rebuilt from
the logs. Layout under the home folder: `index.json`, `index.lock`, `logs/<session_id>.jsonl`.

Times: `started` and `finished` are dates (UTC), for sorting and filtering; how long a session
took is `seconds`, from its events' own clock (the last event's `t`, paused spans left out),
never from file stamps, which a copied or rebuilt log does not keep.
"""

from __future__ import annotations

import calendar
import fcntl
import json
import os
import re
import secrets
import socket
import tempfile
import time
import warnings
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from find_lab.events import FORMAT, KINDS, check, validate
from find_lab.labstate import LabState

META = {"function_id": "", "domain": "", "actor_kind": "", "actor_name": "",
        "model": None}  # what a session is about, with what stands in when nothing says
DOC = {"id": str, "function_id": str, "domain": str, "actor_kind": str, "actor_name": str,
       "model": (str, None), "started": str, "finished": (str, None),
       "seconds": (float, None), "status": str,
       "score": ({"metric?": (str, None), "value?": (float, None), "success?": (bool, None),
                  "local_nmse?": (float, None)}, None),
       "probes": int, "points": int, "usage": KINDS["usage"],
       "judge": ({"score?": (float, None), "correct?": (int, None), "total?": (int, None),
                  "model?": (str, None)}, None),
       "source": ({"name": str, "checksum": (str, None), "spec_hash": (str, None)}, None),
       "provenance": {"pure": bool, "label": str, "mixed": [str]},
       "pid": (int, None), "host": (str, None)}  # an index document: its fields and their types
FIELDS = tuple(DOC)
# Fields indexed since the first index format: an older document without one is not malformed,
# it is brought up to date from its log when the store opens.
ADDED = ("seconds",)
CHECKED = {f"{key}?" if key in ADDED else key: kind for key, kind in DOC.items()}
# What a full-text search reads of a session: the words people and agents wrote in it.
WRITTEN = {"message": ("text",), "steer": ("text",), "hypothesis": ("note",),
           "submit": ("description", "domain"), "handback": ("text",), "error": ("message",),
           "session_end": ("reason",)}
# An exported session document: an older export may lack fields, but never mistypes one.
BUNDLED = {"id": str, "started": str, **{f"{key}?": DOC[key] for key in FIELDS
                                         if key not in ("id", "started", "pid", "host")}}
TABLE = "sessions"
MAX_BUNDLE = 256 * 2**20  # bytes: far more than any export, and a bound on what import reads
MAX_DEPTH = 64  # nesting: events need a few levels; thousands would overflow Python's stack
SECRET = re.compile(r"sk-ant-[A-Za-z0-9_-]+")
REDACTED = "sk-ant-…redacted"
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
STALE_SECONDS = 3600  # a writer on another host is presumed dead once its log is this quiet
HOST = socket.gethostname()


class StoreError(Exception):
    """A problem a user can cause (unknown id, bad bundle, unusable home): one line, and the lab
    keeps running."""


class CorruptIndex(StoreError):
    """index.json exists but cannot be read: the store sets it aside and rebuilds it."""


class StoreWarning(UserWarning):
    """Damage the store reads past or repairs (a torn log line, a malformed index document),
    told in one line so that nothing is lost silently."""


def default_home() -> Path:
    """$FIND_LAB_HOME, else ./sessions, as an absolute path."""
    return Path(os.environ.get("FIND_LAB_HOME") or "sessions").expanduser().absolute()


def redact(value):
    """A copy of `value` with every Anthropic API key in its strings blanked out."""
    if isinstance(value, str):
        return SECRET.sub(REDACTED, value)
    if isinstance(value, dict):
        return {redact(key): redact(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(item) for item in value]
    return value


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written index: each write goes to a temp file
    that replaces index.json only once it is complete and on disk.

    One instance lives for one locked access, so it keeps what it read: TinyDB reads the
    whole file for every operation, and the index of thousands of sessions is megabytes.
    What it read has only well-formed documents; `malformed` says what it left out.

    Checking every document costs more than parsing them, so a file version already known
    sound (`trusted`, a stamp from `stamp`) is not checked again; `stamp` is None until the
    data held is known sound."""

    def __init__(self, path: str | Path, trusted: tuple | None = None):
        self.path = Path(path)
        self.trusted = trusted
        self.stamp: tuple | None = None
        self.malformed: list[str] = []
        self._data: dict | None = None

    def read(self) -> dict | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def _load(self) -> dict | None:
        try:
            with open(self.path, "rb") as file:
                stamp, raw = _stamp(file), file.read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CorruptIndex(f"{self.path.name} cannot be read ({_reason(exc)})") from None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise CorruptIndex(f"{self.path.name} is not valid JSON") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptIndex(f"{self.path.name} is not a TinyDB index")
        if stamp != self.trusted:
            data, self.malformed = _sound(data)
        self.stamp = None if self.malformed else stamp
        return data

    def write(self, data: dict) -> None:
        _atomic_write(self.path, json.dumps(data))
        with open(self.path, "rb") as file:
            self.stamp = _stamp(file)
        self._data = data

    def close(self) -> None:
        pass


class SessionLog:
    """An Experiment listener: appends each event to the session's log at once and folds it,
    as a reader of the log will see it, into the session's state, whose summary becomes the
    index document when the session ends."""

    def __init__(self, store: Store, session_id: str, file: IO[str]):
        self.id = session_id
        self._store = store
        self._file = file
        self._state = LabState()
        self._summarised = -1  # the last event the index document was written for

    def __call__(self, event: dict) -> None:
        """The event reaches the log at once; the index (one rewrite of a file that may hold
        thousands of sessions) is brought up to date when the session ends. A writer killed
        before then leaves a `running` document the next open settles from the log."""
        if self._file.closed:
            raise StoreError(f"session {self.id} is closed")
        line = _line(event)
        self._file.write(line)
        self._file.flush()  # the OS has it now: a SIGKILL cannot lose it
        read_back = json.loads(line)
        if validate(read_back) is None:
            self._state.apply(read_back)
        if event.get("kind") == "session_end":
            self._flush_summary()

    def _flush_summary(self) -> None:
        if self._state.seq > self._summarised:
            self._store._summarise(self.id, self._state, _iso(time.time()))
            self._summarised = self._state.seq

    def close(self) -> None:
        """Sync the log and release its lock, which tells other stores the writer is done."""
        if not self._file.closed:
            self._flush_summary()
            os.fsync(self._file.fileno())
            self._file.close()


class Store:
    """Saved sessions under one home folder; opening it repairs what a crash left behind.

    Damage is never an exception: what the store reads past or repairs is told as one
    StoreWarning per damaged file. StoreError is for what a user asked that cannot be done."""

    def __init__(self, home: Path | str | None = None):
        self.home = Path(home) if home else default_home()
        self.logs = self.home / "logs"
        self.index_path = self.home / "index.json"
        self.lock_path = self.home / "index.lock"
        self._trusted: tuple | None = None  # the stamp of an index version known sound
        self._texts: dict[str, tuple[tuple, str]] = {}  # id -> (its log's stamp, `text`)
        try:
            self.logs.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._refused(exc) from None
        with self._index(recover=True):
            pass

    # --- writing ------------------------------------------------------------------------------
    def create(self, meta: dict) -> SessionLog:
        """Open a new session's log (locked while we write it) and index it as running."""
        now = time.time()
        with self._index() as table:
            doc = _new_doc("", meta, _iso(now), os.getpid(), HOST)
            problem = check(doc, DOC)
            if problem:
                raise StoreError(f"cannot start a session: {problem}")
            session_id, file = self._new_log(now)
            table.insert(redact({**doc, "id": session_id}))
        return SessionLog(self, session_id, file)

    def delete(self, session_id: str) -> None:
        """Remove the log first, so a crash half-way cannot resurrect the session from it. A
        folder where the log should be is not this store's to remove: it stays."""
        doc = self.get(session_id)
        with self._index() as table:
            path = self._log_path(doc["id"])
            if not path.is_dir():
                path.unlink(missing_ok=True)
            table.remove(_with_id(doc["id"]))

    def export(self, ids, path: Path | str) -> None:
        """Write a self-contained bundle: one line per session, its summary and all its events."""
        lines = []
        for session_id in ids:
            doc = self.get(session_id)
            session = {key: value for key, value in doc.items() if key not in ("pid", "host")}
            lines.append(_line({"format": FORMAT, "session": session,
                                "events": self.events(doc["id"])}))
        try:
            _atomic_write(Path(path), "".join(lines))
        except OSError as exc:
            raise StoreError(f"cannot write bundle {path}: {_reason(exc)}") from None

    def import_bundle(self, path: Path | str, max_bytes: int = MAX_BUNDLE) -> tuple[int, int]:
        """Merge a bundle, all or nothing: every line is checked before anything is written,
        and one bad line refuses the bundle, naming the line. Sessions already here are
        skipped. Returns (imported, skipped)."""
        path = Path(path)
        lines = _read_bundle(path, max_bytes).split(b"\n")
        for number, line in enumerate(lines, 1):
            try:
                if line.strip():
                    _bundle_entry(line)
            except StoreError as exc:
                raise StoreError(f"{path.name} line {number}: {exc}") from None
        entries = [_bundle_entry(line) for line in lines if line.strip()]
        imported = sum(self._add(*entry) for entry in entries)
        return imported, len(entries) - imported

    # --- reading ------------------------------------------------------------------------------
    def list(self, *, domain: str | None = None, actor_kind: str | None = None,
             status: str | None = None, function_id: str | None = None) -> list[dict]:
        """Index documents, newest first, keeping those that match every filter given."""
        wanted = {key: value for key, value in (("domain", domain), ("actor_kind", actor_kind),
                                                ("status", status), ("function_id", function_id))
                  if value is not None}
        with self._index() as table:
            docs = [dict(doc) for doc in table.all()
                    if all(doc.get(key) == value for key, value in wanted.items())]
        return sorted(docs, key=lambda doc: (doc["started"], doc["id"]), reverse=True)

    def get(self, session_id: str) -> dict:
        """One index document by its id or a unique prefix of it."""
        with self._index() as table:
            docs = table.all()
        matches = [doc for doc in docs if doc["id"] == session_id] or \
            ([doc for doc in docs if doc["id"].startswith(session_id)] if session_id else [])
        if len(matches) == 1:
            return dict(matches[0])
        if not matches:
            raise StoreError(f"no saved session {session_id!r}")
        raise StoreError(f"{session_id!r} matches {len(matches)} sessions: give more of the id")

    def events(self, session_id: str) -> list[dict]:
        """A session's events; damaged lines are skipped with a warning, never an exception
        (a log that cannot be read at all is a StoreError)."""
        return _read_log(self._existing_log(session_id))

    def text(self, session_id: str) -> str:
        """What was written in a session, casefolded, for a full-text search: its messages,
        steers, hypothesis notes, the submitted description and domain, what an agent was told
        at a handback, errors and why it ended. Kept while the log is unchanged, so a second
        search of a thousand sessions reads none of them."""
        path = self._existing_log(session_id)
        try:
            stamp = _version(path.stat())
        except OSError as exc:
            raise StoreError(f"cannot read the log {path.name}: {_reason(exc)}") from None
        known = self._texts.get(path.stem)
        if known and known[0] == stamp:
            return known[1]
        written = "\n".join(event[key] for event in _read_log(path)
                             for key in WRITTEN.get(event["kind"], ())
                             if isinstance(event.get(key), str)).casefold()
        self._texts[path.stem] = (stamp, written)
        return written

    def _existing_log(self, session_id: str) -> Path:
        """The log of a session named by its id or a unique prefix; a whole id whose log is
        there needs no look-up in the index (a session's log goes before its document does)."""
        path = self._log_path(session_id)
        if SAFE_ID.fullmatch(session_id) and path.is_file():
            return path
        doc = self.get(session_id)
        path = self._log_path(doc["id"])
        if not path.exists():
            raise StoreError(f"session {doc['id']} has no event log")
        return path

    def append(self, session_id: str, kind: str, **fields) -> dict:
        """Add an event to a finished session (a judge's verdict comes after the session_end).
        Refused while a writer still holds the log: the session is running."""
        doc = self.get(session_id)
        path = self._log_path(doc["id"])
        events = self.events(doc["id"])
        if not events or events[-1]["kind"] not in ("session_end", "judge"):
            raise StoreError(f"session {doc['id']} has not ended")
        event = json.loads(_line({"seq": events[-1]["seq"] + 1, "t": events[-1]["t"],
                                  "actor": "system", "kind": kind, **fields}))
        problem = validate(event)
        if problem:
            raise StoreError(f"not an event this lab can read back: {problem}")
        with open(path, "a", encoding="utf-8") as file:
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"session {doc['id']} is still being written") from None
            file.write(_line(event))
            file.flush()
            os.fsync(file.fileno())
        self._summarise(doc["id"], LabState.from_events(events + [event]), doc.get("finished"))
        return event

    # --- the index ----------------------------------------------------------------------------
    @contextmanager
    def _index(self, recover: bool = False) -> Iterator[Table]:
        """The index table under an exclusive flock, so read-modify-writes never interleave
        across threads or processes. A corrupt index, or one with malformed documents, is set
        aside (and said so) and rebuilt from the logs. A file system that refuses (a full
        disk, a folder we may not write) is a StoreError, not a traceback."""
        try:
            with open(self.lock_path, "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                storage, repaired = self._readable_storage()
                db = TinyDB(storage=lambda: storage)
                try:
                    table = db.table(TABLE)
                    if recover or repaired:
                        self._recover(table)
                    yield table
                finally:
                    db.close()
                    self._trusted = storage.stamp
        except OSError as exc:
            raise self._refused(exc) from None

    def _refused(self, exc: OSError) -> StoreError:
        """The file system's refusal (a home that is a file, /proc, a full disk) in one line."""
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(self.home) else ""
        return StoreError(f"cannot keep sessions in {self.home}: {_reason(exc)}{where}")

    def _readable_storage(self) -> tuple[AtomicJSONStorage, bool]:
        """The index's storage, and whether it was repaired: a file it cannot read is set
        aside, and so is one with malformed documents (the sound ones are kept). Each repair
        is one warning naming the file set aside; the logs then fill in what is missing."""
        storage = AtomicJSONStorage(self.index_path, self._trusted)
        try:
            storage.read()
        except CorruptIndex as exc:
            _warn(f"{exc}: set aside as {self._set_aside().name}; rebuilt from the logs")
            return AtomicJSONStorage(self.index_path), True
        if not storage.malformed:
            return storage, False
        first, more = storage.malformed[0], len(storage.malformed) - 1
        aside = self._set_aside()
        storage.write(storage.read())
        _warn(f"{self.index_path.name}: {first}" + (f" (and {more} more)" if more else "")
              + f"; set the old index aside as {aside.name}; rebuilt those from the logs")
        return storage, True

    def _set_aside(self) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S.%f")
        return self.index_path.rename(self.home / f"{self.index_path.name}.corrupt-{stamp}")

    def _recover(self, table: Table) -> None:
        """Make the index agree with the logs: index logs it lacks, settle sessions whose
        writer died. Runs under the lock, so any temp file found is a killed writer's, and an
        empty log no writer holds is what a process killed inside `create` left."""
        for stale in [*self.home.glob(".index.json.*.tmp"), *self.logs.glob(".*.tmp")]:
            stale.unlink(missing_ok=True)
        known = {doc["id"] for doc in table.all()}
        orphans = [doc for path in sorted(self.logs.glob("*.jsonl"))
                   if path.stem not in known and (doc := self._orphan(path))]
        table.insert_multiple(orphans)
        for doc in table.search(Query().status == "running"):
            changes = self._settle(doc)
            if changes:
                table.update(changes, doc_ids=[doc.doc_id])
        older = [doc.doc_id for doc in table.all() if any(key not in doc for key in ADDED)]
        if older:  # one rewrite of the index for all of them
            table.update(self._brought_up_to_date, doc_ids=older)

    def _brought_up_to_date(self, doc: dict) -> None:
        """Fill in, from its log, what an older index document lacks (its `seconds`)."""
        try:
            fresh = _summary(LabState.from_events(_read_log(self._log_path(doc["id"]))), None)
        except StoreError:  # no log that can be read: nothing more is known
            fresh = {}
        for key in ADDED:
            doc.setdefault(key, fresh.get(key))

    def _orphan(self, path: Path) -> dict | None:
        """The document for a log the index lacks, or None (with a warning) for what is not a
        session's log."""
        where = f"{self.logs.name}/{path.name}"
        problem = _not_a_log(path)
        if problem:
            _warn(f"{where}: {problem}, skipped")
            return None
        if path.stat().st_size == 0 and not _locked(path):
            path.unlink()
            _warn(f"{where}: removed an empty log (a process killed while creating it)")
            return None
        try:
            return self._doc_from_log(path)
        except StoreError as exc:
            _warn(f"{exc}, skipped")
            return None

    def _settle(self, doc: dict) -> dict:
        """Changes to a running session whose writer is gone: the log's summary, and status
        `interrupted` if it never ended. The log itself is left as it is."""
        path = self._log_path(doc["id"])
        if doc["status"] != "running" or _writer_alive(doc, path):
            return {}
        try:
            state = LabState.from_events(_read_log(path))
        except (StoreError, OSError):  # no log, or none that can be read: nothing more is known
            return {"status": "interrupted"}
        last = _later(doc["started"], state.t)
        return _interrupted(_summary(state, last), last)

    def _summarise(self, session_id: str, state: LabState, finished: str | None) -> None:
        """Write a session's state, as the index summarises it, into its document."""
        with self._index() as table:
            doc = table.get(_with_id(session_id))
            if doc is None:  # deleted meanwhile, or the index was lost (reopen rebuilds it)
                return
            table.update(_summary(state, finished), doc_ids=[doc.doc_id])

    def _add(self, session: dict, events: list[dict]) -> bool:
        """Add one imported session unless its id is already here."""
        # the summary is folded from the events, not taken from the bundle: the log is the truth
        doc = {**_new_doc(session["id"], session, session["started"], None, None),
               **_summary(LabState.from_events(events), session.get("finished"))}
        path = self._log_path(doc["id"])
        with self._index() as table:
            if table.contains(_with_id(doc["id"])) or path.exists():
                return False
            _atomic_write(path, "".join(_line(event) for event in events))
            table.insert(redact(doc))
        return True

    # --- logs ---------------------------------------------------------------------------------
    def _log_path(self, session_id: str) -> Path:
        return self.logs / f"{session_id}.jsonl"

    def _new_log(self, now: float) -> tuple[str, IO[str]]:
        """A fresh id (UTC time + random hex) and its log, created exclusively and flock'd:
        while the lock is held, other stores know the writer is alive."""
        while True:
            stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
            session_id = f"{stamp}-{secrets.token_hex(3)}"
            try:
                file = open(self._log_path(session_id), "x", encoding="utf-8")
            except FileExistsError:
                continue
            fcntl.flock(file, fcntl.LOCK_EX)
            return session_id, file

    def _doc_from_log(self, path: Path) -> dict:
        """The index document a log implies (the writer's pid and host are unknown; a log
        with no session_start leaves what it would have said blank). It ended, or was
        interrupted unless its writer still runs, at its last event on the log's own clock:
        a copied log (the shipped examples) keeps no file time worth reading."""
        state = LabState.from_events(_read_log(path))
        started = _started(path)
        last = _later(started, state.t)
        doc = {**_new_doc(path.stem, {}, started, None, None), **_summary(state, last)}
        return doc if _writer_alive(doc, path) else _interrupted(doc, last)


def _new_doc(session_id: str, meta: dict, started: str | None, pid: int | None,
             host: str | None) -> dict:
    return {"id": session_id, **{key: meta.get(key, blank) for key, blank in META.items()},
            "started": started, "finished": None, "seconds": None, "status": "running",
            "score": None, "probes": 0, "points": 0, "usage": {}, "judge": None, "source": None,
            "provenance": {"pure": True, "label": meta.get("actor_name") or "", "mixed": []},
            "pid": pid, "host": host}


def _summary(state: LabState, finished: str | None) -> dict:
    """The index document's fields the session's state decides (`finished`: when it ended)."""
    summary = state.summary()
    if state.opened:
        summary.update({key: summary[key] or blank for key, blank in META.items()})
    else:  # no session_start: what create was told stands
        summary = {key: value for key, value in summary.items() if key not in META}
    seconds = state.active_seconds() if state.seq >= 0 else None
    return {**summary, "finished": finished if state.ended else None, "seconds": seconds}


def _sound(data: dict) -> tuple[dict, list[str]]:
    """The index without its malformed documents (wrong shape, unsafe or repeated id, a key
    TinyDB cannot read), and one line on each that was left out."""
    kept, malformed, ids = {}, [], set()
    for key, doc in data.get(TABLE, {}).items():
        problem = _doc_problem(doc, ids) or (None if key.isdecimal() else "key is not a number")
        if problem:
            malformed.append(f"document {key}: {problem}")
        else:
            kept[key] = doc
            ids.add(doc["id"])
    return ({**data, TABLE: kept} if malformed else data), malformed


def _doc_problem(doc, ids: set) -> str | None:
    """Why `doc` cannot be an index document, or None."""
    if not isinstance(doc, dict):
        return f"is {type(doc).__name__}, not an object"
    problem = check(doc, CHECKED)
    if problem:
        return problem
    if not SAFE_ID.fullmatch(doc["id"]):
        return f"id {doc['id']!r} is not a session id"
    if _too_deep(doc):
        return f"nested more than {MAX_DEPTH} deep"
    return f"a second document for {doc['id']}" if doc["id"] in ids else None


def _not_a_log(path: Path) -> str | None:
    """Why a `*.jsonl` in the logs folder cannot be a session's log, or None."""
    if not SAFE_ID.fullmatch(path.stem):
        return "not a session id"
    return None if path.is_file() else "not a file"


def _interrupted(summary: dict, last: str) -> dict:
    """`summary`, marked interrupted at `last` (its last event) if the session never ended."""
    if summary["status"] != "running":
        return summary
    return {**summary, "status": "interrupted", "finished": last}


def _writer_alive(doc: dict, path: Path) -> bool:
    """Same (or unknown) host: the writer's pid runs and it still holds the log's lock.
    Another host: its log was written to within the last hour."""
    if not path.is_file():
        return False
    if doc.get("host") not in (None, HOST):
        return time.time() - path.stat().st_mtime < STALE_SECONDS
    if doc.get("pid") and not _pid_running(doc["pid"]):
        return False
    return _locked(path)


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or never a pid
        return False
    except PermissionError:  # it runs, as another user
        pass
    return True


def _locked(path: Path) -> bool:
    """Whether some open file holds the log's flock (a reused pid does not)."""
    with open(path, "rb") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


def _read_log(path: Path) -> list[dict]:
    """A log's events that keep the vocabulary. What is read past (corrupt or invalid lines,
    a torn last line) is told in one warning for the whole log, however many lines."""
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        raise StoreError(f"cannot read the log {path.name}: {_reason(exc)}") from None
    tail = lines.pop()  # after the last newline: nothing, or a write cut short
    events, bad = [], []
    for number, line in enumerate(lines, 1):
        if line.strip():
            event, problem = _event(line)
            if problem:
                bad.append((number, problem))
            else:
                events.append(event)
    told = [_skipped(bad)] if bad else []
    if tail.strip():
        event, problem = _event(tail)
        if event is None:
            told.append("dropped a torn last line (a write cut short)")
        elif problem:
            told.append(_skipped([(len(lines) + 1, problem)]))
        else:
            events.append(event)
    if told:
        _warn(f"{path.name}: {'; '.join(told)}")
    return events


def _event(line: bytes) -> tuple[dict | None, str | None]:
    """A log line's event, or what is wrong with it (the value is None if it is not JSON)."""
    value, problem = _parse(line)
    return value, problem or validate(value)


def _skipped(bad: list[tuple[int, str]]) -> str:
    (number, problem), more = bad[0], len(bad) - 1
    if not more:
        return f"skipped corrupt line {number} ({problem})"
    return f"skipped {more + 1} corrupt lines (the first, line {number}: {problem})"


def _parse(line: bytes) -> tuple[dict | None, str | None]:
    """A line's JSON object, or None and why it is not one the store can hold."""
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):  # UnicodeDecodeError included
        return None, "not a JSON object"
    if not isinstance(value, dict):
        return None, "not a JSON object"
    if line.count(b"[") + line.count(b"{") > MAX_DEPTH and _too_deep(value):
        # a line with fewer brackets than that cannot nest deeper: most lines are not walked
        return None, f"nested more than {MAX_DEPTH} deep"
    return value, None


def _too_deep(value) -> bool:
    """Whether lists and objects nest deeper than MAX_DEPTH (walked without recursion, since
    the point is to refuse what recursion could not handle)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _read_bundle(path: Path, max_bytes: int) -> bytes:
    """A bundle's bytes, read in chunks so that an endless or huge file (/dev/zero) is refused
    at its first byte that cannot begin a JSON object, or at `max_bytes`."""
    chunks, size = [], 0
    try:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                if not chunks and chunk.lstrip()[:1] not in (b"", b"{"):
                    raise StoreError(f"{path.name} line 1: not a JSON object")
                size += len(chunk)
                if size > max_bytes:
                    raise StoreError(f"{path.name} is over {max_bytes:,} bytes: not a bundle")
                chunks.append(chunk)
    except OSError as exc:
        raise StoreError(f"cannot read bundle {path}: {_reason(exc)}") from None
    return b"".join(chunks)


def _bundle_entry(line: bytes) -> tuple[dict, list[dict]]:
    """A bundle line's session document and events, or a StoreError saying what is wrong."""
    record, problem = _parse(line)
    if problem:
        raise StoreError(problem)
    if record.get("format") != FORMAT:
        raise StoreError(f"not a {FORMAT} record")
    session, events = record.get("session"), record.get("events")
    if not isinstance(session, dict):
        raise StoreError("no session document")
    problem = check(session, BUNDLED)
    if problem:
        raise StoreError(f"session document: {problem}")
    if not SAFE_ID.fullmatch(session["id"]):
        raise StoreError("missing or unsafe session id")
    if not isinstance(events, list):
        raise StoreError("events must be a list of objects")
    for number, event in enumerate(events):
        problem = validate(event)
        if problem:
            raise StoreError(f"event {number}: {problem}")
    return session, events


def _line(record: dict) -> str:
    """One JSONL line, secrets redacted; numpy scalars and arrays become plain values. What
    cannot be one (a value containing itself, or nested thousands deep) is a StoreError."""
    try:
        return json.dumps(redact(record), default=_plain) + "\n"
    except (ValueError, RecursionError) as exc:
        raise StoreError(f"cannot save a {record.get('kind', 'record')}: {exc}") from None


def _plain(value):
    return value.tolist() if hasattr(value, "tolist") else str(value)


def _atomic_write(path: Path, text: str) -> None:
    """Write via a synced temp file in the same folder, so readers see old or new, never half."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _stamp(file: IO[bytes]) -> tuple:
    """What tells one version of a file from another: a rewrite is a new inode and time."""
    return _version(os.fstat(file.fileno()))


def _version(info: os.stat_result) -> tuple:
    return info.st_ino, info.st_mtime_ns, info.st_size


def _warn(message: str) -> None:
    warnings.warn(message, StoreWarning, stacklevel=3)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _with_id(session_id: str):
    return Query().id == session_id


def _iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _later(stamp: str, seconds: float) -> str:
    """The time `seconds` after `stamp` (an _iso time; anything else is returned as it is)."""
    try:
        return _iso(calendar.timegm(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")) + seconds)
    except (TypeError, ValueError):
        return stamp


def _started(path: Path) -> str:
    """When a session started: from its id (UTC time first), else the log's modification time."""
    try:
        return _iso(calendar.timegm(time.strptime(path.stem[:15], "%Y%m%d-%H%M%S")))
    except ValueError:
        return _iso(path.stat().st_mtime)
