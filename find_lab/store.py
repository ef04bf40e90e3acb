"""Saved sessions: a small TinyDB index (one short document per session) plus one append-only
JSONL event log per session.

The log is the truth and the index a summary of it, so the index can always be rebuilt from
the logs. Layout under the home folder: `index.json`, `index.lock`, `logs/<session_id>.jsonl`.
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

FORMAT = "find-lab-session/1"
META = ("function_id", "domain", "actor_kind", "actor_name", "model")
FIELDS = ("id", *META, "started", "finished", "status", "score", "probes", "points", "usage", "judge",
          "pid", "host")
INDEXED_KINDS = frozenset({"probe", "score", "usage", "session_end", "judge"})
SECRET = re.compile(r"sk-ant-[A-Za-z0-9_-]+")
REDACTED = "sk-ant-…redacted"
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
STALE_SECONDS = 3600  # a writer on another host is presumed dead once its log is this quiet
HOST = socket.gethostname()


class StoreError(Exception):
    """A problem a user can cause (unknown id, bad bundle): one line, and the lab keeps running."""


class CorruptIndex(StoreError):
    """index.json exists but cannot be read: the store sets it aside and rebuilds it."""


class StoreWarning(UserWarning):
    """Damage the store reads past (a torn or corrupt log line) rather than fail on."""


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
    whole file for every operation, and the index of thousands of sessions is megabytes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._data: dict | None = None

    def read(self) -> dict | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def _load(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            raise CorruptIndex(f"{self.path} is not valid JSON") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptIndex(f"{self.path} is not a TinyDB index")
        return data

    def write(self, data: dict) -> None:
        _atomic_write(self.path, json.dumps(data))
        self._data = data

    def close(self) -> None:
        pass


class SessionLog:
    """An Experiment listener: appends each event to the session's log at once and keeps the
    index document's summary (probe counts, score, usage, status) current."""

    def __init__(self, store: Store, session_id: str, file: IO[str]):
        self.id = session_id
        self._store = store
        self._file = file
        self._pending: list[dict] = []  # indexed events not yet folded into the index

    def __call__(self, event: dict) -> None:
        """The event reaches the log at once; the index (one rewrite of a file that may hold
        thousands of sessions) is brought up to date when the session ends. A writer killed
        before then leaves a `running` document the next open settles from the log."""
        if self._file.closed:
            raise StoreError(f"session {self.id} is closed")
        self._file.write(_line(event))
        self._file.flush()  # the OS has it now: a SIGKILL cannot lose it
        if event.get("kind") in INDEXED_KINDS:
            self._pending.append(event)
        if event.get("kind") == "session_end":
            self._flush_summary()

    def _flush_summary(self) -> None:
        if self._pending:
            self._store._summarise(self.id, self._pending)
            self._pending = []

    def close(self) -> None:
        """Sync the log and release its lock, which tells other stores the writer is done."""
        if not self._file.closed:
            self._flush_summary()
            os.fsync(self._file.fileno())
            self._file.close()


class Store:
    """Saved sessions under one home folder; opening it repairs what a crash left behind."""

    def __init__(self, home: Path | str | None = None):
        self.home = Path(home) if home else default_home()
        self.logs = self.home / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.index_path = self.home / "index.json"
        self.lock_path = self.home / "index.lock"
        with self._index(recover=True):
            pass

    # --- writing ------------------------------------------------------------------------------
    def create(self, meta: dict) -> SessionLog:
        """Open a new session's log (locked while we write it) and index it as running."""
        now = time.time()
        with self._index() as table:
            session_id, file = self._new_log(now)
            table.insert(redact(_new_doc(session_id, meta, _iso(now), os.getpid(), HOST)))
        return SessionLog(self, session_id, file)

    def delete(self, session_id: str) -> None:
        """Remove the log first, so a crash half-way cannot resurrect the session from it."""
        doc = self.get(session_id)
        with self._index() as table:
            self._log_path(doc["id"]).unlink(missing_ok=True)
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
            raise StoreError(f"cannot write bundle {path}: {exc.strerror}") from None

    def import_bundle(self, path: Path | str) -> tuple[int, int]:
        """Merge a bundle; sessions already here are skipped, bad lines reported after the rest
        has been imported. Returns (imported, skipped)."""
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise StoreError(f"cannot read bundle {path}: {exc.strerror}") from None
        imported = skipped = 0
        bad = []
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                session, events = _bundle_entry(line)
            except StoreError as exc:
                bad.append(f"line {number}: {exc}")
                continue
            if self._add(session, events):
                imported += 1
            else:
                skipped += 1
        if bad:
            more = f" (and {len(bad) - 1} more bad lines)" if len(bad) > 1 else ""
            raise StoreError(f"{path} {bad[0]}{more}; imported {imported}, skipped {skipped}")
        return imported, skipped

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
        return sorted(docs, key=lambda doc: (doc.get("started") or "", doc["id"]), reverse=True)

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
        """A session's events; damaged lines are skipped with a warning, never an exception."""
        doc = self.get(session_id)
        path = self._log_path(doc["id"])
        if not path.exists():
            raise StoreError(f"session {doc['id']} has no event log")
        return _read_log(path)

    def append(self, session_id: str, kind: str, **fields) -> dict:
        """Add an event to a finished session (a judge's verdict comes after the session_end).
        Refused while a writer still holds the log: the session is running."""
        doc = self.get(session_id)
        path = self._log_path(doc["id"])
        events = self.events(doc["id"])
        if not events or events[-1].get("kind") not in ("session_end", "judge"):
            raise StoreError(f"session {doc['id']} has not ended")
        with open(path, "a", encoding="utf-8") as file:
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"session {doc['id']} is still being written") from None
            event = {"seq": events[-1]["seq"] + 1, "t": events[-1].get("t", 0.0),
                     "actor": "system", "kind": kind, **fields}
            file.write(_line(event))
            file.flush()
            os.fsync(file.fileno())
        self._summarise(doc["id"], [event])
        return event

    # --- the index ----------------------------------------------------------------------------
    @contextmanager
    def _index(self, recover: bool = False) -> Iterator[Table]:
        """The index table under an exclusive flock, so read-modify-writes never interleave
        across threads or processes; a corrupt index is set aside and rebuilt from the logs."""
        with open(self.lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            storage = AtomicJSONStorage(self.index_path)
            try:
                storage.read()
            except CorruptIndex:
                stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S.%f")
                self.index_path.rename(self.home / f"index.json.corrupt-{stamp}")
                storage = AtomicJSONStorage(self.index_path)
                recover = True
            db = TinyDB(storage=lambda: storage)
            try:
                table = db.table("sessions")
                if recover:
                    self._recover(table)
                yield table
            finally:
                db.close()

    def _recover(self, table: Table) -> None:
        """Make the index agree with the logs: index logs it lacks, settle sessions whose
        writer died. Runs under the lock, so any temp file found is a killed writer's."""
        for stale in [*self.home.glob(".index.json.*.tmp"), *self.logs.glob(".*.tmp")]:
            stale.unlink(missing_ok=True)
        known = {doc["id"] for doc in table.all()}
        orphans = [self._doc_from_log(path) for path in sorted(self.logs.glob("*.jsonl"))
                   if path.stem not in known]
        for doc in orphans:
            doc.update(self._settle(doc))
        table.insert_multiple(orphans)
        for doc in table.search(Query().status == "running"):
            changes = self._settle(doc)
            if changes:
                table.update(changes, doc_ids=[doc.doc_id])

    def _settle(self, doc: dict) -> dict:
        """Changes to a running session whose writer is gone: the log's summary, and status
        `interrupted` if it never ended. The log itself is left as it is."""
        path = self._log_path(doc["id"])
        if doc["status"] != "running" or _writer_alive(doc, path):
            return {}
        if not path.exists():
            return {"status": "interrupted"}
        fresh = self._doc_from_log(path)
        changes = {key: fresh[key] for key in ("status", "finished", "score", "probes", "points",
                                               "usage")}
        if changes["status"] == "running":
            changes.update(status="interrupted", finished=_iso(path.stat().st_mtime))
        return changes

    def _summarise(self, session_id: str, events: list[dict]) -> None:
        """Fold logged events into their session's index document, in one write."""
        with self._index() as table:
            doc = table.get(_with_id(session_id))
            if doc is None:  # deleted meanwhile, or the index was lost (reopen rebuilds it)
                return
            doc = dict(doc)
            now = _iso(time.time())
            for event in events:
                doc.update(_apply(doc, event, now))
            table.update(redact(doc), doc_ids=[table.get(_with_id(session_id)).doc_id])

    def _add(self, session: dict, events: list[dict]) -> bool:
        """Add one imported session unless its id is already here."""
        doc = {**_new_doc(session["id"], {}, None, None, None),
               **{key: session[key] for key in FIELDS if key in session}, "pid": None, "host": None}
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
        """The index document a log implies (the writer's pid and host are unknown)."""
        events = _read_log(path)
        start = next((event for event in events if event.get("kind") == "session_start"), {})
        doc = _new_doc(path.stem, start, _started(path), None, None)
        modified = _iso(path.stat().st_mtime)
        for event in events:
            doc.update(_apply(doc, event, modified))
        return doc


def _new_doc(session_id: str, meta: dict, started: str | None, pid: int | None,
             host: str | None) -> dict:
    return {"id": session_id, **{key: meta.get(key) for key in META}, "started": started,
            "finished": None, "status": "running", "score": None, "probes": 0, "points": 0,
            "usage": {}, "judge": None, "pid": pid, "host": host}


def _apply(doc: dict, event: dict, now: str) -> dict:
    """The changes one event makes to its session's index document (`now`: when it ended)."""
    kind = event.get("kind")
    if kind == "probe":
        inputs = event.get("inputs")
        return {"probes": doc["probes"] + 1,
                "points": doc["points"] + (len(inputs) if isinstance(inputs, list) else 0)}
    if kind == "score":
        score = {key: event.get(key) for key in ("metric", "value", "success")}
        details = event.get("details")
        if isinstance(details, dict) and "local_nmse" in details:
            score["local_nmse"] = details["local_nmse"]
        return {"score": score}
    if kind == "usage":
        usage = dict(doc["usage"])
        for key, value in event.items():
            if key not in ("seq", "t") and isinstance(value, (int, float)) \
                    and not isinstance(value, bool):
                usage[key] = usage.get(key, 0) + value
        return {"usage": usage}
    if kind == "session_end":
        return {"status": event.get("status", "ended"), "finished": now}
    if kind == "judge":
        return {"judge": {key: event.get(key) for key in ("score", "correct", "total", "model")}}
    return {}


def _writer_alive(doc: dict, path: Path) -> bool:
    """Same (or unknown) host: the writer's pid runs and it still holds the log's lock.
    Another host: its log was written to within the last hour."""
    if not path.exists():
        return False
    if doc.get("host") not in (None, HOST):
        return time.time() - path.stat().st_mtime < STALE_SECONDS
    if doc.get("pid") and not _pid_running(doc["pid"]):
        return False
    return _locked(path)


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
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
    """Parse a JSONL log, warning past a torn last line or a corrupt line in the middle."""
    lines = path.read_bytes().split(b"\n")
    tail = lines.pop()  # after the last newline: nothing, or a write cut short
    events = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            event = _parse(line)
            if event is None:
                warnings.warn(f"{path.name}: skipped corrupt line {number}", StoreWarning,
                              stacklevel=3)
            else:
                events.append(event)
    if tail.strip():
        event = _parse(tail)
        if event is None:
            warnings.warn(f"{path.name}: dropped a torn last line (a write cut short)",
                          StoreWarning, stacklevel=3)
        else:
            events.append(event)
    return events


def _parse(line: bytes) -> dict | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _bundle_entry(line: bytes) -> tuple[dict, list[dict]]:
    """A bundle line's session document and events, or a StoreError saying what is wrong."""
    record = _parse(line)
    if record is None:
        raise StoreError("not a JSON object")
    if record.get("format") != FORMAT:
        raise StoreError(f"not a {FORMAT} record")
    session, events = record.get("session"), record.get("events")
    if not isinstance(session, dict) or not isinstance(session.get("id"), str) \
            or not SAFE_ID.fullmatch(session["id"]):
        raise StoreError("missing or unsafe session id")
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise StoreError("events must be a list of objects")
    return session, events


def _line(record: dict) -> str:
    """One JSONL line, secrets redacted; numpy scalars and arrays become plain values."""
    return json.dumps(redact(record), default=_plain) + "\n"


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


def _with_id(session_id: str):
    return Query().id == session_id


def _iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _started(path: Path) -> str:
    """When a session started: from its id (UTC time first), else the log's modification time."""
    try:
        return _iso(calendar.timegm(time.strptime(path.stem[:15], "%Y%m%d-%H%M%S")))
    except ValueError:
        return _iso(path.stat().st_mtime)
