"""A study's plan: the TOML file a researcher writes, checked field by field, and what it
realises (the functions drawn from the suite, each participant's order, the session tags).

Everything realised is computed from the plan and its seed, never stored by hand, so any
machine holding the same plan and suite realises the same study. The plan's hash (its file's
bytes) is in every session's tag: sessions run under another version of a plan are not its.
"""

from __future__ import annotations

import hashlib
import math
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from find_lab import actors
from find_lab.suite import Suite, SuiteError

SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")  # a study or a participant
ORDERS = ("fixed", "random", "counterbalanced")
REVEALS = ("never", "after-submit")
MAX_MINUTES = 24 * 60
DEFAULT_AGENTS = ("scientist", "random", "interpolate")

# What `study new` writes; $name, $ids and $practice are filled in from the suite.
TEMPLATE = '''\
# A FIND Lab study: `find-lab study show $name` prints what this plan realises.
# Every session of the study carries this file's hash: edit it before the study runs.
name = "$name"
seed = 0                       # draws the sample and the orders
instructions = """
You will probe hidden functions one at a time and explain each: what it computes, as a
description and as code. Each function has a time limit and a probe budget; submit before
the timer runs out. The first function is practice and is not scored.
"""
reveal = "never"               # "never" | "after-submit": may a participant see the answer
agents = ["scientist", "random", "interpolate"]   # compared against (find-lab run --help)

[functions]
ids = $ids
# or, instead of ids, a sample stratified by domain and complexity, drawn with the seed:
# sample = { numeric = { clean = 2, noise = 1 }, strings = { composed = 2 } }
# the practice function: not scored, first for everyone (leave it out for none)
practice = $practice

[budget]
calls = 25                     # probe calls per function
points = 400                   # probe points per function
minutes = 10                   # time limit per function

[participants]
roster = ["p01", "p02"]        # or: open = true (any id may sign up)
order = "counterbalanced"      # "fixed" | "random" | "counterbalanced" (balanced Latin square)
break_seconds = 30             # the break between two functions
'''

KEYS = {"": ("name", "seed", "instructions", "reveal", "agents", "functions", "budget",
             "participants"),
        "functions": ("ids", "sample", "practice"),
        "budget": ("calls", "points", "minutes"),
        "participants": ("roster", "open", "order", "break_seconds")}


class StudyError(Exception):
    """A study that cannot be made, read or run as asked: one line for the CLI."""


@dataclass(frozen=True)
class Plan:
    name: str
    seed: int
    instructions: str
    reveal: str
    agents: tuple[str, ...]
    functions: tuple[str, ...]   # realised: the ids given, or the sample drawn
    practice: str | None
    calls: int
    points: int
    minutes: float
    roster: tuple[str, ...]
    open: bool
    order_kind: str
    break_seconds: float
    hash: str                    # the first 16 hex digits of the plan file's sha256
    path: Path

    def order(self, participant: str) -> list[str]:
        """The scored functions in the order `participant` meets them (position K is item
        K - 1; the practice function, position 0, comes before them all). A rostered study
        knows only its roster; an open one takes any safe id."""
        index = self.participant_index(participant)
        functions = list(self.functions)
        if self.order_kind == "fixed":
            return functions
        if self.order_kind == "random":
            rng = np.random.default_rng([self.seed, _number(participant)])
            return [functions[i] for i in rng.permutation(len(functions))]
        rows = latin_square(len(functions))
        return [functions[i] for i in rows[index % len(rows)]]

    def participant_index(self, participant: str) -> int:
        """The participant's place in the roster, or (open sign-up) a number from their id:
        which row of the Latin square they get. Unknown or unsafe ids are a StudyError."""
        if participant in self.roster:
            return self.roster.index(participant)
        if not self.open:
            raise StudyError(f"study {self.name!r} has no participant {participant!r} "
                             f"(its roster: {', '.join(self.roster)})")
        if not SAFE_NAME.fullmatch(participant):
            raise StudyError(f"participant id {participant!r}: use letters, digits, '_', '.' "
                             "or '-' (at most 64)")
        return _number(participant)

    def tag(self, participant: str | None = None, agent: str | None = None,
            seed: int | None = None, position: int | None = None,
            practice: bool = False) -> dict:
        """The `study` dict a session_start records: a participant's (with their position,
        0 for the practice) or an agent's (with its seed; no position)."""
        if (participant is None) == (agent is None):
            raise StudyError("a study session is either a participant's or an agent's")
        who = {"participant": participant} if participant is not None else \
            {"agent": agent, "seed": seed}
        return {"name": self.name, "plan": self.hash, **who, "position": position,
                "practice": practice}


def latin_square(n: int) -> list[list[int]]:
    """A balanced Latin square of 0..n-1 (Williams): each item once in each position, and
    each ordered pair adjacent equally often. For odd n that takes 2n rows (the square and
    its rows reversed); for even n, n rows."""
    if n <= 1:
        return [list(range(n))]
    first, low, high = [0], 1, n - 1
    while len(first) < n:
        first.append(low)
        low += 1
        if len(first) < n:
            first.append(high)
            high -= 1
    rows = [[(item + shift) % n for item in first] for shift in range(n)]
    return rows if n % 2 == 0 else rows + [row[::-1] for row in rows]


def folder(home: Path, name: str) -> Path:
    """Where study `name` lives under the store's home."""
    if not SAFE_NAME.fullmatch(name):
        raise StudyError(f"study name {name!r}: use letters, digits, '_', '.' or '-' "
                         "(at most 64, starting with a letter or digit)")
    return Path(home) / "studies" / name


def new(home: Path, name: str, suite: Suite) -> Path:
    """Write the commented template as study `name`'s plan, with functions from `suite`."""
    path = folder(home, name) / "plan.toml"
    if path.exists():
        raise StudyError(f"study {name!r} already exists ({path})")
    ids = suite.ids()
    practice, chosen = ids[1] if len(ids) > 1 else None, _first_of_each(suite, ids[1:2])
    if not chosen:
        raise StudyError(f"the suite at {suite.root} has no functions for a study")
    text = string.Template(TEMPLATE).substitute(
        name=name, ids="[" + ", ".join(f'"{fid}"' for fid in chosen) + "]",
        practice=f'"{practice}"' if practice else '""')
    if practice is None:
        text = text.replace('practice = ""', '# practice = ""')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise StudyError(f"study {name!r} already exists ({path})") from None
    except OSError as exc:
        raise StudyError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _first_of_each(suite: Suite, skip: list[str]) -> list[str]:
    """The first function of each of the suite's domains (up to three), `skip` left out."""
    chosen = []
    for domain in suite.domains[:3]:
        ids = [fid for fid in suite.ids(domain.name) if fid not in skip]
        chosen += ids[:1]
    return chosen


def load(home: Path, name: str, suite: Suite) -> Plan:
    """Study `name`'s plan, every field checked (a StudyError names the first bad one)."""
    path = folder(home, name) / "plan.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StudyError(f"no study {name!r} (no {path}; `find-lab study new {name}` "
                         "writes one)") from None
    except OSError as exc:
        raise StudyError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse(raw, name, suite, path)


def parse(raw: bytes, name: str, suite: Suite, path: Path) -> Plan:
    """A plan from its file's bytes, for study `name` (its folder's name)."""
    where = f"study {name!r}"
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StudyError(f"{where}: plan.toml is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise StudyError(f"{where}: plan.toml is not valid TOML: {exc}") from None
    check = _Checker(where)
    check.keys(data, "")
    if check.text(data, "name") != name:
        raise StudyError(f"{where}: name {data['name']!r} is not the study's folder name {name!r}")
    seed = check.whole(data, "seed", low=0, default=0)
    functions = check.table(data, "functions")
    budget = check.table(data, "budget", optional=True)
    people = check.table(data, "participants")
    practice = _practice(check, functions, suite)
    drawn = _functions(check, functions, suite, seed, practice)
    roster, is_open = _roster(check, people)
    return Plan(
        name=name, seed=seed, instructions=check.text(data, "instructions", ""),
        reveal=check.choice(data, "reveal", REVEALS, "never"),
        agents=_agents(check, data), functions=drawn, practice=practice,
        calls=check.whole(budget, "calls", low=1, prefix="budget.", default=25),
        points=check.whole(budget, "points", low=1, prefix="budget.", default=400),
        minutes=check.number(budget, "minutes", 0, MAX_MINUTES, "budget.", default=10.0),
        roster=roster, open=is_open,
        order_kind=check.choice(people, "order", ORDERS, "fixed", "participants."),
        break_seconds=check.number(people, "break_seconds", None, 3600, "participants.",
                                   default=0.0),
        hash=plan_hash(raw), path=Path(path))


def plan_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


class _Checker:
    """Reads one field at a time, and says what is wrong with it in one line."""

    def __init__(self, where: str):
        self.where = where

    def fail(self, field: str, problem: str) -> StudyError:
        return StudyError(f"{self.where}: {field} {problem}")

    def keys(self, table: dict, section: str) -> None:
        unknown = [key for key in table if key not in KEYS[section]]
        if unknown:
            field = f"{section}.{unknown[0]}" if section else unknown[0]
            known = f"known in [{section}]" if section else "known"
            raise self.fail(field, f"is not a field of a plan ({known}: "
                            f"{', '.join(KEYS[section])})")

    def table(self, data: dict, key: str, optional: bool = False) -> dict:
        if key not in data:
            if optional:
                return {}
            raise self.fail(f"[{key}]", "is missing")
        if not isinstance(data[key], dict):
            raise self.fail(key, "must be a table ([" + key + "])")
        self.keys(data[key], key)
        return data[key]

    def text(self, data: dict, key: str, default: str | None = None) -> str:
        if key not in data and default is not None:
            return default
        if not isinstance(data.get(key), str):
            raise self.fail(key, "must be a string" if key in data else "is missing")
        return data[key]

    def whole(self, data: dict, key: str, low: int, prefix: str = "",
              default: int | None = None) -> int:
        if key not in data and default is not None:
            return default
        value = data.get(key)
        if key not in data:
            raise self.fail(prefix + key, "is missing")
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            raise self.fail(prefix + key, f"must be a whole number from {low} up, got {value!r}")
        return value

    def number(self, data: dict, key: str, above: float | None, most: float, prefix: str,
               default: float) -> float:
        """A number up to `most`: above `above`, or from 0 up when `above` is None."""
        value = data.get(key, default)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and \
            math.isfinite(value) and value <= most and \
            (value > above if above is not None else value >= 0)
        if not ok:
            low = f"above {above}" if above is not None else "from 0"
            raise self.fail(prefix + key, f"must be a number {low} and at most {most:g}, "
                            f"got {value!r}")
        return float(value)

    def choice(self, data: dict, key: str, choices: tuple[str, ...], default: str,
               prefix: str = "") -> str:
        value = data.get(key, default)
        if value not in choices:
            raise self.fail(prefix + key, f"must be one of {', '.join(map(repr, choices))}, "
                            f"got {value!r}")
        return value

    def names(self, data: dict, key: str, prefix: str = "") -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(prefix + key, "must be a list of strings")
        repeated = next((item for i, item in enumerate(value) if item in value[:i]), None)
        if repeated is not None:
            raise self.fail(prefix + key, f"names {repeated!r} twice")
        return tuple(value)


def _agents(check: _Checker, data: dict) -> tuple[str, ...]:
    agents = check.names(data, "agents") if "agents" in data else DEFAULT_AGENTS
    for name in agents:
        try:
            actors.get(name, headless=True)
        except actors.UnknownActor as exc:
            raise check.fail("agents", str(exc)) from None
    return agents


def _practice(check: _Checker, functions: dict, suite: Suite) -> str | None:
    if "practice" not in functions:
        return None
    practice = functions["practice"]
    if not isinstance(practice, str):
        raise check.fail("functions.practice", "must be a function id (a string)")
    _known(check, "functions.practice", practice, suite)
    return practice


def _functions(check: _Checker, functions: dict, suite: Suite, seed: int,
               practice: str | None) -> tuple[str, ...]:
    """The ids given, or the stratified sample drawn with the seed (the practice left out)."""
    if ("ids" in functions) == ("sample" in functions):
        raise check.fail("[functions]", "needs ids or sample (one of them)")
    if "ids" in functions:
        ids = check.names(functions, "ids", "functions.")
        if not ids:
            raise check.fail("functions.ids", "is empty")
        for fid in ids:
            _known(check, "functions.ids", fid, suite)
        if practice in ids:
            raise check.fail("functions.practice", f"{practice!r} is also in functions.ids")
        return ids
    return _sample(check, functions["sample"], suite, seed, practice)


def _sample(check: _Checker, sample, suite: Suite, seed: int,
            practice: str | None) -> tuple[str, ...]:
    """Per domain, per complexity, that many functions drawn without replacement, in the
    plan's order of domains and complexities."""
    if not isinstance(sample, dict) or not sample:
        raise check.fail("functions.sample", "must be a table of domains, each a table of "
                         "complexities and counts")
    rng = np.random.default_rng(seed)
    drawn: list[str] = []
    held = [domain.name for domain in suite.domains]
    for domain, strata in sample.items():
        field = f"functions.sample.{domain}"
        if domain not in held:
            raise check.fail(field, f"is not a domain of the suite (choose from {', '.join(held)})")
        if not isinstance(strata, dict) or not strata:
            raise check.fail(field, "must be a table of complexities and counts")
        for complexity, wanted in strata.items():
            name = f"{field}.{complexity}"
            if not isinstance(wanted, int) or isinstance(wanted, bool) or wanted < 1:
                raise check.fail(name, f"must be a whole number from 1 up, got {wanted!r}")
            try:
                pool = [fid for fid in suite.ids(domain, complexity)
                        if fid != practice and fid not in drawn]
            except SuiteError as exc:
                raise check.fail(name, str(exc)) from None
            if wanted > len(pool):
                raise check.fail(name, f"asks for {wanted} but the suite has {len(pool)} left")
            drawn += [pool[i] for i in sorted(rng.choice(len(pool), wanted, replace=False))]
    return tuple(drawn)


def _roster(check: _Checker, people: dict) -> tuple[tuple[str, ...], bool]:
    roster = check.names(people, "roster", "participants.")
    for person in roster:
        if not SAFE_NAME.fullmatch(person):
            raise check.fail("participants.roster", f"{person!r} is not an id (letters, "
                             "digits, '_', '.' or '-', at most 64)")
    is_open = people.get("open", False)
    if not isinstance(is_open, bool):
        raise check.fail("participants.open", f"must be true or false, got {is_open!r}")
    if roster and is_open:
        raise check.fail("participants", "has a roster and open = true: choose one")
    if not roster and not is_open:
        raise check.fail("participants", "needs a roster or open = true")
    return roster, is_open


def _known(check: _Checker, field: str, function_id: str, suite: Suite) -> None:
    try:
        suite.get(function_id)
    except SuiteError:
        raise check.fail(field, f"{function_id!r} is not a function of the suite at "
                         f"{suite.root}") from None


def _number(text: str) -> int:
    """A stable number from a text (a participant's id): the same on every machine."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
