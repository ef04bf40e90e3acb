"""The relations domain: a name -> a related name, 'undefined' outside the relation's domain.

The knowledge base (`functions/lexicon/relations.json`) holds countries, chemical elements, US
states, moons and planets with their attributes. A relation reads one attribute of a kind of
entity as input and another as output (country -> capital, symbol -> element, ...); FIND's
proportions hold: each relation once plain, twice with an exception clause that sends a
sub-group of its domain (countries in Asia, noble gases, ...) to 'undefined'. Each spec copies
its table, so a spec is self-contained: the interpreter, the renderer and scoring need nothing
but the spec.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

UNDEFINED = "undefined"
KNOWLEDGE = "relations.json"
HELDOUT = {"domain": 30, "plain_domain": 42, "exception": 12, "other_kinds": 12, "typos": 5}
MIN_GROUP = 5       # members an exception's sub-group needs to be tested
MAX_GROUP = 0.6     # of the domain at most: an exception leaves most of the relation defined


@dataclass(frozen=True)
class Kind:
    """What a relation's inputs or outputs are: one attribute of one list of the knowledge base."""

    table: str   # countries, elements, states, moons, planets
    field: str   # name, capital, symbol, ...
    phrase: str  # "a country", "a chemical element's symbol"


KINDS = {
    "country": Kind("countries", "name", "a country"),
    "capital": Kind("countries", "capital", "a country's capital city"),
    "alpha3": Kind("countries", "alpha3", "a three-letter ISO 3166 country code"),
    "element": Kind("elements", "name", "a chemical element"),
    "symbol": Kind("elements", "symbol", "a chemical element's symbol"),
    "number": Kind("elements", "number", "an atomic number"),
    "state": Kind("states", "name", "a US state"),
    "state_capital": Kind("states", "capital", "a US state's capital"),
    "postal": Kind("states", "postal", "a US state's postal code"),
    "moon": Kind("moons", "name", "a moon"),
    "planet": Kind("planets", "name", "a planet"),
}

# (id, input kind, output field, what the output is): 25 relations, as many as FIND's
RELATIONS = (
    ("country_capital", "country", "capital", "its capital city"),
    ("capital_country", "capital", "name", "the country"),
    ("country_continent", "country", "continent", "its continent"),
    ("capital_continent", "capital", "continent", "the continent of its country"),
    ("country_currency", "country", "currency", "its currency (its ISO 4217 name)"),
    ("country_currency_code", "country", "currency_code", "its currency's ISO 4217 code"),
    ("country_language", "country", "language", "its principal official language"),
    ("country_alpha2", "country", "alpha2", "its two-letter ISO 3166 code"),
    ("country_alpha3", "country", "alpha3", "its three-letter ISO 3166 code"),
    ("alpha3_country", "alpha3", "name", "the country"),
    ("element_symbol", "element", "symbol", "its symbol"),
    ("symbol_element", "symbol", "name", "the element"),
    ("element_number", "element", "number", "its atomic number"),
    ("number_element", "number", "name", "the element"),
    ("element_category", "element", "category", "its category (noble gas, halogen, ...)"),
    ("symbol_number", "symbol", "number", "its atomic number"),
    ("element_period", "element", "period", "its period in the periodic table"),
    ("element_phase", "element", "phase", "its state at room temperature"),
    ("state_capital", "state", "capital", "its capital"),
    ("capital_state", "state_capital", "name", "the state"),
    ("state_postal", "state", "postal", "its two-letter postal code"),
    ("postal_state", "postal", "name", "the state"),
    ("state_region", "state", "region", "its US Census region"),
    ("state_capital_postal", "state_capital", "postal", "its state's postal code"),
    ("moon_planet", "moon", "planet", "the body it orbits"),
)

# The sub-groups an exception may take out of a table's domain, and how the clause reads.
GROUPS = {
    "countries": {"continent": "the country is in {}"},
    "elements": {"category": "the element is {a}", "period": "the element is in period {}",
                 "phase": "the element is {a} at room temperature"},
    "states": {"region": "the state is in the {}"},
    "moons": {"planet": "it orbits {}"},
    "planets": {},
}


def key(text) -> str:
    """How every relation reads its input: case folded, spaces collapsed."""
    return " ".join(str(text).split()).casefold()


def load(lexicon: Path) -> dict[str, list[dict]]:
    """The knowledge base's lists by name (countries, elements, ...)."""
    data = json.loads((lexicon / KNOWLEDGE).read_text(encoding="utf-8"))
    return {table: data[table] for table in GROUPS}


def _inputs(entity: dict, kind: Kind) -> list[str]:
    """The forms of an entity's input an answer accepts: its value, and its aliases for a name."""
    value = str(entity[kind.field])
    return [value] + (list(entity.get("aliases", [])) if kind.field == "name" else [])


def observe(spec: dict, text) -> str:
    """The true output for one input."""
    k = key(text)
    if k in spec["excluded_keys"]:
        return UNDEFINED
    return spec["table"].get(k, UNDEFINED)


def make_callable(spec: dict):
    return lambda text: observe(spec, text)


def _article(value: str) -> str:
    return ("an " if value[:1].lower() in "aeiou" else "a ") + value


def clause(table: str, field: str, value) -> str:
    text = GROUPS[table][field]
    return text.format(value, a=_article(str(value)))


def describe(spec: dict) -> str:
    kind = KINDS[spec["input"]]
    text = (f"Maps {kind.phrase} to {spec['output']}, reading the input in any case and by its "
            f"common names; '{UNDEFINED}' for anything that is not {kind.phrase}")
    if spec["exception"]:
        text += f", and also '{UNDEFINED}' if {spec['exception']['clause']}"
    examples = [(name, out) for name, out in spec["examples"]]
    shown = ", ".join(f"{name} -> {out}" for name, out in examples)
    return f"{text}. For instance {shown}."


def render(spec: dict) -> str:
    """Readable, runnable source: the table, the exception's members, the one-line rule."""
    items = [f"{k!r}: {v!r}" for k, v in spec["table"].items()]
    rows = ",\n    ".join(", ".join(items[i:i + 4]) for i in range(0, len(items), 4))
    excluded = ""
    rule = f"    return TABLE.get(key, {UNDEFINED!r})\n"
    if spec["exception"]:
        names = [repr(k) for k in spec["excluded_keys"]]
        listed = ",\n    ".join(", ".join(names[i:i + 6]) for i in range(0, len(names), 6))
        excluded = f"# the exception: 'undefined' if {spec['exception']['clause']}\nEXCLUDED = {{\n    {listed},\n}}\n\n"
        rule = (f"    if key in EXCLUDED:\n        return {UNDEFINED!r}\n" + rule)
    return (f"# {KINDS[spec['input']].phrase} -> {spec['output']}\n"
            f"TABLE = {{\n    {rows},\n}}\n\n{excluded}\n"
            "def f(x: str) -> str:\n"
            f'    """{spec["id"]} ({spec["complexity"]})."""\n'
            '    key = " ".join(str(x).split()).casefold()\n'
            + rule)


def _groups(entities: list[dict], table: str) -> list[tuple[str, object, list[int]]]:
    """Every sub-group an exception may take: (field, value, member indices), big enough to
    test and small enough to leave most of the relation."""
    found = []
    for field in GROUPS[table]:
        values = sorted({e[field] for e in entities}, key=str)
        for value in values:
            members = [i for i, e in enumerate(entities) if e[field] == value]
            if MIN_GROUP <= len(members) <= MAX_GROUP * len(entities):
                found.append((field, value, members))
    return found


def generate(seed: int, lexicon: Path, count: int = 75) -> list[dict]:
    """FIND's layout: the 25 relations plain, then each with one exception, then each with
    another; the exceptions and held-out inputs drawn from `seed`."""
    knowledge = load(lexicon)
    rng = np.random.default_rng([seed, 5])
    chosen: dict[str, list] = {}
    for relation, input_kind, _, _ in RELATIONS:
        table = KINDS[input_kind].table
        groups = _groups(knowledge[table], table)
        chosen[relation] = [groups[i] for i in rng.choice(len(groups), 2, replace=False)]
    plan = [(r, None) for r in RELATIONS] + [(r, chosen[r[0]][0]) for r in RELATIONS] \
        + [(r, chosen[r[0]][1]) for r in RELATIONS]
    specs = []
    for index, (relation, group) in enumerate(plan[:count]):
        spec = _spec(index, relation, group, knowledge)
        spec["heldout"] = _heldout(spec, knowledge, np.random.default_rng([seed, 5, index]))
        spec["description"] = describe(spec)
        specs.append(spec)
    return specs


def _spec(index: int, relation: tuple, group, knowledge: dict) -> dict:
    name, input_kind, output_field, output = relation
    kind = KINDS[input_kind]
    entities = knowledge[kind.table]
    table, excluded = {}, []
    members = set(group[2]) if group else set()
    for i, entity in enumerate(entities):
        for form in _inputs(entity, kind):
            table[key(form)] = str(entity[output_field])
            if i in members:
                excluded.append(key(form))
    exception = None
    if group:
        field, value, _ = group
        exception = {"field": field, "value": value, "clause": clause(kind.table, field, value)}
    kept = [e for i, e in enumerate(entities) if i not in members]
    examples = [(str(e[kind.field]), str(e[output_field])) for e in kept[::max(1, len(kept) // 3)][:3]]
    return {"id": f"relations/f{index:04d}", "domain": "relations",
            "complexity": "exception" if group else "plain", "description": "",
            "relation": name, "input": input_kind, "output": output, "exception": exception,
            "examples": examples, "table": dict(sorted(table.items())),
            "excluded_keys": sorted(excluded), "heldout": []}


def _variant(form: str, rng: np.random.Generator) -> str:
    """An input as a person might type it: as written, lower or upper case, or padded."""
    choice = int(rng.integers(4))
    return (form, form.lower(), form.upper(), f" {form} ")[choice]


def _form(forms: list[str], rng: np.random.Generator) -> str:
    """An entity's input as written half the time, else one of its other names."""
    if len(forms) == 1 or rng.random() < 0.5:
        return forms[0]
    return forms[1 + int(rng.integers(len(forms) - 1))]


def _typo(form: str, rng: np.random.Generator) -> str:
    """`form` one slip away: a letter dropped, doubled or two swapped."""
    if len(form) < 4:
        return form + form[-1]
    i = int(rng.integers(2, len(form) - 1))
    slip = int(rng.integers(3))
    if slip == 0:
        return form[:i] + form[i + 1:]
    if slip == 1:
        return form[:i] + form[i] + form[i:]
    return form[:i - 1] + form[i] + form[i - 1] + form[i + 1:]


def _heldout(spec: dict, knowledge: dict, rng: np.random.Generator) -> list[list[str]]:
    """Scoring inputs with the part each tests: inside the domain (varied in case, by alias),
    in the exception's sub-group, and outside (other kinds of entity, typos, empty)."""
    kind = KINDS[spec["input"]]
    entities = knowledge[kind.table]
    excluded = set(spec["excluded_keys"])
    inside, inside_excluded = [], []
    for entity in entities:
        forms = _inputs(entity, kind)
        (inside_excluded if key(forms[0]) in excluded else inside).append(forms)
    wanted = HELDOUT["domain"] if spec["exception"] else HELDOUT["plain_domain"]
    picked: list[list[str]] = []
    for forms in _sample(inside, wanted, rng):
        picked.append([_variant(_form(forms, rng), rng), "domain"])
    for forms in _sample(inside_excluded, HELDOUT["exception"], rng):
        picked.append([_variant(_form(forms, rng), rng), "exception"])
    others = sorted({form for name, other in KINDS.items() if name != spec["input"]
                     for entity in knowledge[other.table] for form in _inputs(entity, other)[:1]
                     if key(form) not in spec["table"]})
    picked += [[form, "outside"] for form in _sample(others, HELDOUT["other_kinds"], rng)]
    typos = set()
    for forms in _sample(inside + inside_excluded, HELDOUT["typos"] * 3, rng):
        slip = _typo(forms[0], rng)
        if key(slip) not in spec["table"] and key(slip) and len(typos) < HELDOUT["typos"]:
            typos.add(slip)
    picked += [[slip, "outside"] for slip in sorted(typos)]
    picked.append(["", "outside"])
    return picked


def _sample(items: list, count: int, rng: np.random.Generator) -> list:
    if len(items) <= count:
        return list(items)
    return [items[i] for i in sorted(rng.choice(len(items), count, replace=False))]
