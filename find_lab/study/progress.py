"""Where a study stands, read from the store: its sessions (by their `study` tag and the plan's
hash), the next position a participant has to do, and the agents' runs still to make.

A session counts as done once it ended in any way but `interrupted`: a crash of the app or a
closed laptop leaves the session interrupted, and the participant resumes at that position.
"""

from __future__ import annotations

import json

from find_lab.experiment import END_STATUSES
from find_lab.study.plan import Plan

DONE = tuple(status for status in END_STATUSES if status != "interrupted")


def start_of(store, doc: dict) -> dict:
    """A session's session_start (its log's first line), or {} when it cannot be read."""
    try:
        with open(store.logs / f"{doc['id']}.jsonl", "rb") as file:
            first = json.loads(file.readline())
    except (OSError, ValueError):
        return {}
    return first if isinstance(first, dict) and first.get("kind") == "session_start" else {}


def tag_of(store, doc: dict) -> dict | None:
    """The `study` tag in a session's session_start, or None."""
    tag = start_of(store, doc).get("study")
    return tag if isinstance(tag, dict) else None


def sessions(store, plan: Plan, every_version: bool = False) -> list[dict]:
    """The study's sessions under this plan (with `every_version`, under any version of it,
    for the report to count apart), oldest first: each the store's index document with the
    session's tag as `study`, and the id of the session it resumes as `resumes`."""
    found = []
    for doc in reversed(store.list()):
        start = start_of(store, doc)
        tag = start.get("study")
        if isinstance(tag, dict) and tag.get("name") == plan.name and \
                (every_version or tag.get("plan") == plan.hash):
            origin = start.get("forked_from") if isinstance(start.get("forked_from"), dict) else {}
            resumes = {"resumes": origin.get("session_id")} if origin.get("resumed") else {}
            found.append({**doc, "study": tag, **resumes})
    return found


def done(doc: dict) -> bool:
    return doc.get("status") in DONE


def next_position(store, plan: Plan, participant: str,
                  docs: list[dict] | None = None) -> int | None:
    """The first position `participant` has not finished (0: the practice), None when they
    have finished them all; `docs`: the study's sessions, when they have been read already."""
    plan.participant_index(participant)  # an unknown participant is a StudyError
    finished = {doc["study"].get("position") for doc in _read(store, plan, docs)
                if doc["study"].get("participant") == participant and done(doc)}
    positions = ([0] if plan.practice else []) + list(range(1, len(plan.functions) + 1))
    return next((position for position in positions if position not in finished), None)


def participants(store, plan: Plan, docs: list[dict] | None = None) -> list[str]:
    """Everyone with a session in the study, sorted: an open study's sign-ups so far (`docs`
    as for next_position)."""
    return sorted({doc["study"]["participant"] for doc in _read(store, plan, docs)
                   if isinstance(doc["study"].get("participant"), str)})


def agent_runs(store, plan: Plan, docs: list[dict] | None = None) -> list[tuple[str, str]]:
    """(agent, function) for each of the plan's agents on each of its functions that has no
    finished session yet, in the plan's order (`docs` as for next_position)."""
    finished = {(doc["study"].get("agent"), doc["function_id"]) for doc in _read(store, plan, docs)
                if doc["study"].get("agent") and done(doc)}
    return [(agent, function) for agent in plan.agents for function in plan.functions
            if (agent, function) not in finished]


def _read(store, plan: Plan, docs: list[dict] | None) -> list[dict]:
    return sessions(store, plan) if docs is None else docs
