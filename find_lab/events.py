"""The event vocabulary, defined once: the contract between the Experiment, the actors, the
store and the TUI.

An event is a JSON object with `seq`, `t`, `actor` and `kind`, plus the fields its kind
defines below. A known field must have its type, so a reader can use it without checking; a
field named with a trailing `?` may be absent; fields the table does not name are allowed, so
an older reader still reads a newer log. An unknown kind is refused: no reader can show it.

Types in the table: a Python type (`float` is any JSON number, `int` a whole one; neither is
a bool), `None` for null, a tuple for "any of", a dict for an object with those
fields, a one-item list for a list whose items all have that type.
"""

from __future__ import annotations

from find_lab.pricing import TOKEN_FIELDS

FORMAT = "find-lab-session/1"  # a bundle of sessions (sessions export/import)
LOG_FORMAT = 2  # a session's log; session_start says which (absent: 1, before provenance)
ACTORS = ("agent", "human", "system")

COMMON = {"seq": int, "t": float, "actor": str, "kind": str}
KINDS: dict[str, dict] = {
    "session_start": {"session_id": str, "function_id": str, "domain": str, "actor_kind": str,
                      "actor_name": str, "model?": (str, None),
                      "budget": {"calls": int, "points": int}, "format?": int,
                      "suite?": ({"name": str, "checksum": (str, None)}, None),
                      "spec_hash?": (str, None), "isolation?": str,
                      "forked_from?": ({"session_id": str, "seq": int}, None)},
    "message": {"text": str},
    # points: the inputs this call ran (and so spent); rejected inputs spend none
    "probe": {"inputs": list, "outputs": list, "errors": [(str, None)], "carried?": bool,
              "points?": int},
    "hypothesis": {"code": str, "note?": str, "preview?": [list]},
    "steer": {"text": str},
    "pause": {},
    "resume": {},
    "takeover": {},
    "handback": {"probes?": int, "text?": str},  # text: exactly what the agent is told
    "reveal": {"what?": str},  # a person saw the hidden function
    "submit": {"description": str, "code": str, "domain?": str},
    "score": {"metric": str, "value": float, "success": bool, "function_id?": str,
              "domain?": str, "reason?": (str, None), "details?": dict,
              "code_size?": (dict, None), "description?": (str, None), "seconds?": float,
              "isolation?": str},
    "usage": {"model?": (str, None), **{f"{name}?": int for name in TOKEN_FIELDS},
              "cost_usd?": float},
    "error": {"message?": str, "retrying?": bool},
    "session_end": {"status": str, "reason?": str},
    "judge": {"score": float, "correct": int, "total": int, "model": (str, None)},
}


def validate(event) -> str | None:
    """Why `event` breaks the vocabulary (the first problem, in one line), or None if it
    keeps it. Readers skip what fails, so one damaged line never stops a replay."""
    if not isinstance(event, dict):
        return f"is {_name(event)}, not an object"
    problem = check(event, COMMON)
    if problem:
        return problem
    if event["actor"] not in ACTORS:
        return f"actor {event['actor']!r} is not one of {', '.join(ACTORS)}"
    if event["kind"] not in KINDS:
        return f"unknown kind {event['kind']!r}"
    problem = check(event, KINDS[event["kind"]])
    return f"{event['kind']}: {problem}" if problem else None


def check(record: dict, fields: dict, prefix: str = "") -> str | None:
    """The first field of `record` that is missing (and not optional) or has the wrong type,
    named by its path (`budget.calls`, `errors[2]`); None when all are right."""
    for key, wanted in fields.items():
        optional = key[-1] == "?"
        name = key[:-1] if optional else key
        if name in record:
            problem = _check(record[name], wanted, prefix + name)
            if problem:
                return problem
        elif not optional:
            return f"no {prefix + name!r}"
    return None


def _check(value, wanted, name: str) -> str | None:
    if isinstance(wanted, tuple):
        for option in wanted:
            if isinstance(option, (dict, list)):
                if isinstance(value, type(option)):
                    return _check(value, option, name)
            elif _is(value, option):
                return None
    elif isinstance(wanted, dict):
        if isinstance(value, dict):
            return check(value, wanted, f"{name}.")
    elif isinstance(wanted, list):
        if isinstance(value, list):
            return next((problem for index, item in enumerate(value)
                         if (problem := _check(item, wanted[0], f"{name}[{index}]"))), None)
    elif _is(value, wanted):
        return None
    options = wanted if isinstance(wanted, tuple) else (wanted,)
    return f"{name!r} is {_name(value)}, not {' or '.join(map(_name_of, options))}"


def _is(value, wanted) -> bool:
    """Whether `value` is of the plain type `wanted` (a bool is not a number here)."""
    if wanted is None:
        return value is None
    if value.__class__ is bool:
        return wanted is bool
    if wanted is float:
        return isinstance(value, (int, float))
    return isinstance(value, wanted)


def _name(value) -> str:
    return _name_of(None if value is None else type(value))


def _name_of(wanted) -> str:
    names = {None: "null", str: "a string", int: "an integer", float: "a number",
             bool: "a boolean", list: "a list", dict: "an object"}
    key = type(wanted) if isinstance(wanted, (dict, list)) else wanted
    return names.get(key, getattr(key, "__name__", str(key)))
