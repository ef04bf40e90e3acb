"""A whole study in one file, so participants run on several machines merge into one report.

JSON lines: the first line holds the plan (its text and hash), each further line one session
as `sessions export` writes it. A zip holds the same as `study.json`, `plan.toml` and
`sessions.jsonl`. Importing is all or nothing: a plan that differs from the study's plan
here, a session of another study or plan, or a session taking a place another session of the
study already holds (a participant's position, an agent's function) refuses the bundle in
one line; sessions already in the store are skipped.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from find_lab.store import MAX_BUNDLE, Store, StoreError
from find_lab.study import progress
from find_lab.study.plan import SAFE_NAME, Plan, StudyError, folder, parse, plan_hash
from find_lab.suite import Suite

FORMAT = "find-lab-study/1"


def export(store: Store, plan: Plan, path: Path) -> int:
    """Write the plan and every session of the study to `path` (a .zip, or JSON lines);
    returns how many sessions it holds."""
    ids = [doc["id"] for doc in progress.sessions(store, plan)]
    raw = plan.path.read_bytes()
    header = {"format": FORMAT, "name": plan.name, "hash": plan.hash}
    with tempfile.TemporaryDirectory() as scratch:
        store.export(ids, Path(scratch) / "sessions.jsonl")
        lines = (Path(scratch) / "sessions.jsonl").read_text(encoding="utf-8")
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("study.json", json.dumps(header))
                archive.writestr("plan.toml", raw)
                archive.writestr("sessions.jsonl", lines)
        else:
            first = {**header, "plan": raw.decode("utf-8")}
            path.write_text(json.dumps(first) + "\n" + lines, encoding="utf-8")
    except OSError as exc:
        raise StudyError(f"cannot write {path}: {exc.strerror or exc}") from None
    return len(ids)


def import_bundle(store: Store, suite: Suite, path: Path) -> tuple[Plan, int, int]:
    """Merge a study bundle into the store (and its plan, if the study is new here); returns
    the plan, the sessions imported and those skipped as already here."""
    header, raw, lines, first = _read(path)
    name = header.get("name")
    if not isinstance(name, str) or not SAFE_NAME.fullmatch(name):
        raise StudyError(f"{path.name}: not a study bundle (no study name)")
    if header.get("hash") != plan_hash(raw):
        raise StudyError(f"{path.name}: the plan does not match the hash it was exported with")
    target = folder(store.home, name) / "plan.toml"
    plan = parse(raw, name, suite, target)
    if target.exists() and plan_hash(target.read_bytes()) != plan.hash:
        raise StudyError(f"{path.name}: its plan for study {name!r} (hash {plan.hash}) differs "
                         f"from the one here (hash {plan_hash(target.read_bytes())}): refused")
    entries = [_entry(path, number, line, plan) for number, line in enumerate(lines, first)
               if line.strip()]
    _refuse_duplicates(store, plan, entries)
    with tempfile.TemporaryDirectory() as scratch:
        # named and numbered as the bundle's lines are, so the store's refusal names the line
        merged = Path(scratch) / (path.name if first == 2 else "sessions.jsonl")
        merged.write_bytes(b"\n" * (first - 1) + b"\n".join(lines))
        try:
            imported, skipped = store.import_bundle(merged)
        except StoreError as exc:
            raise StudyError(str(exc) if first == 2 else f"{path.name}: {exc}") from None
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
    return plan, imported, skipped


def _read(path: Path) -> tuple[dict, bytes, list[bytes], int]:
    """The header, the plan's bytes and the session lines of a bundle, and the number of
    the first session line in its file."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                sizes = {info.filename: info.file_size for info in archive.infolist()}
                wanted = ("study.json", "plan.toml", "sessions.jsonl")
                if not all(name in sizes for name in wanted):
                    raise StudyError(f"{path.name}: not a study bundle (expected "
                                     f"{', '.join(wanted)} in the zip)")
                if sum(sizes[name] for name in wanted) > MAX_BUNDLE:
                    raise StudyError(f"{path.name} is over {MAX_BUNDLE:,} bytes unpacked")
                header = _json(archive.read("study.json"), path)
                return (header, archive.read("plan.toml"),
                        archive.read("sessions.jsonl").split(b"\n"), 1)
        if path.stat().st_size > MAX_BUNDLE:
            raise StudyError(f"{path.name} is over {MAX_BUNDLE:,} bytes: not a study bundle")
        first, _, rest = path.read_bytes().partition(b"\n")
    except (OSError, zipfile.BadZipFile) as exc:
        raise StudyError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    header = _json(first, path)
    if not isinstance(header.get("plan"), str):
        raise StudyError(f"{path.name} line 1: not a study bundle (no plan)")
    return header, header["plan"].encode("utf-8"), rest.split(b"\n"), 2


def _json(raw: bytes, path: Path) -> dict:
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise StudyError(f"{path.name}: not a study bundle ({FORMAT})")
    return value


def _entry(path: Path, number: int, line: bytes, plan: Plan) -> dict:
    """What a session line says of itself: id, tag, function and how it ended."""
    try:
        record = json.loads(line)
        session, events = record["session"], record["events"]
        start = events[0]
        entry = {"id": session["id"], "function_id": start["function_id"],
                 "study": start.get("study"),
                 "status": next((e.get("status") for e in reversed(events)
                                 if e.get("kind") == "session_end"), None)}
    except (ValueError, RecursionError, KeyError, IndexError, TypeError, AttributeError):
        raise StudyError(f"{path.name} line {number}: not a session") from None
    tag = entry["study"]
    plain = isinstance(tag, dict) and isinstance(entry["id"], str) and all(
        isinstance(tag.get(key), (str, int, type(None)))
        for key in ("participant", "agent", "seed", "position"))
    if not plain or tag.get("name") != plan.name or tag.get("plan") != plan.hash:
        raise StudyError(f"{path.name} line {number}: session {entry['id']} is not of study "
                         f"{plan.name!r} under this plan (hash {plan.hash}): refused")
    return entry


def _slot(entry: dict) -> tuple:
    """The place a session holds in the study: a participant's position, or an agent's
    function under its seed."""
    tag = entry["study"]
    if tag.get("agent"):
        return "agent", tag["agent"], entry["function_id"], tag.get("seed")
    return "participant", tag.get("participant"), tag.get("position")


def _describe(slot: tuple) -> str:
    if slot[0] == "agent":
        return f"agent {slot[1]} on {slot[2]} (seed {slot[3]})"
    return f"participant {slot[1]} at position {slot[2]}"


def _refuse_duplicates(store: Store, plan: Plan, entries: list[dict]) -> None:
    """A finished session in the bundle that takes the place of another finished session (in
    the store, or earlier in the bundle) refuses the bundle; one already here is skipped."""
    docs = progress.sessions(store, plan)
    held = {_slot(doc): doc["id"] for doc in docs if progress.done(doc)}
    here = {doc["id"] for doc in docs}
    for entry in entries:
        if entry["id"] in here or entry["status"] not in progress.DONE:
            continue
        slot = _slot(entry)
        if held.get(slot, entry["id"]) != entry["id"]:
            raise StudyError(f"session {entry['id']} duplicates session {held[slot]} "
                             f"({_describe(slot)} of study {plan.name!r}): refused the bundle")
        held[slot] = entry["id"]
