"""The relations scientist: find the domain by probing names of every kind, the relation by
matching the answers against what it knows, the exception by the sub-group the 'undefined'
answers share; then check how inputs are read (case, other names, slips) and submit a table.

It works only through the Door. Its knowledge is its own (`almanac.json`): countries, chemical
elements, US states, moons and planets with their attributes, written as a person's general
knowledge; it knows nothing of how a relation is made. Where an answer differs from what it
knows, the answer wins. A fork's carried answers count as its own. It follows steering that
quotes names (it probes them) and "submit now", and says plainly that it cannot follow the
rest of the steering language, which is about numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from find_lab import english
from find_lab.agents.scientist import steering
from find_lab.experiment import BudgetExhausted, Door

UNDEFINED = "undefined"
SURVEY = 3          # names of each kind in the survey
MORE = 6            # names of each kind asked again when the survey finds no domain
DEFINED = 0.5       # share of a kind's names answered for the kind to be in the domain
FIELD_FITS = 0.6    # share of answers an attribute must give for the relation to be named
GROUP_FITS = 0.8    # F1 of a sub-group with the 'undefined' answers for an exception to be named
ALIASES = 4         # other names tried, to see whether the function takes them
CHECKS = 2 + ALIASES  # points kept for checking how inputs are read
FOLLOWS = '"quoted names" to probe, submit now'
CANNOT = {"interval": "names have no interval to look at", "near": "names have no x to probe near",
          "family": "I explain names by relations I know, not families of curves",
          "noise": "I take each answer as it comes"}

# The kinds of names I know: (list, attribute the name is, what it is).
KINDS = {
    "country": ("countries", "name", "a country"),
    "capital": ("countries", "capital", "a country's capital city"),
    "alpha2": ("countries", "alpha2", "a two-letter country code"),
    "alpha3": ("countries", "alpha3", "a three-letter country code"),
    "element": ("elements", "name", "a chemical element"),
    "symbol": ("elements", "symbol", "a chemical element's symbol"),
    "number": ("elements", "number", "an atomic number"),
    "state": ("states", "name", "a US state"),
    "state_capital": ("states", "capital", "a US state's capital"),
    "postal": ("states", "postal", "a US state's postal code"),
    "moon": ("moons", "name", "a moon"),
    "planet": ("planets", "name", "a planet"),
}
# What each attribute is, as a description says it.
ATTRIBUTES = {"name": "its name", "capital": "its capital", "continent": "its continent",
              "currency": "its currency", "currency_code": "its currency's ISO code",
              "language": "its official language", "alpha2": "its two-letter ISO code",
              "alpha3": "its three-letter ISO code", "symbol": "its symbol",
              "number": "its atomic number", "category": "its category", "period": "its period",
              "phase": "its state at room temperature", "postal": "its postal code",
              "region": "its region", "planet": "the body it orbits", "order": "its order from the Sun"}
# The attributes a sub-group is named by, and how the clause reads.
GROUPINGS = {"countries": {"continent": "{the} is in {v}"},
             "elements": {"category": "{the} is {a}", "period": "{the} is in period {v}",
                          "phase": "{the} is {a} at room temperature"},
             "states": {"region": "{the} is in the {v}"},
             "moons": {"planet": "{the} orbits {v}"},
             "planets": {}}
THE = {"countries": "the country", "elements": "the element", "states": "the state",
       "moons": "the moon", "planets": "the planet"}


class SubmitNow(Exception):
    """A person asked for the answer now."""


def key(text, fold: bool = True) -> str:
    text = " ".join(str(text).split())
    return text.casefold() if fold else text


# --- knowledge ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Almanac:
    """What I know: each list of entities, and every name of each kind."""

    lists: dict[str, list[dict]]

    @classmethod
    def load(cls) -> Almanac:
        data = json.loads(Path(__file__).with_name("almanac.json").read_text(encoding="utf-8"))
        return cls({name: data[name] for name in THE})

    def names(self, kind: str) -> list[str]:
        """An entity's name of this kind, for each entity, most familiar first (as listed)."""
        table, attribute, _ = KINDS[kind]
        return [str(e[attribute]) for e in self.lists[table]]

    def entity(self, kind: str, text) -> dict | None:
        table, attribute, _ = KINDS[kind]
        k = key(text)
        for e in self.lists[table]:
            forms = [e[attribute]] + (e.get("aliases", []) if attribute == "name" else [])
            if any(key(form) == k for form in forms):
                return e
        return None

    def unique(self, kind: str) -> list[str]:
        """Names of this kind that are no other kind's name (so an answer tells the kind)."""
        others = {key(n) for other in KINDS if other != kind for n in self.names(other)}
        return [n for n in self.names(kind) if key(n) not in others]


# --- what was seen ------------------------------------------------------------------------

@dataclass
class Notebook:
    door: Door
    seen: dict[str, str] = field(default_factory=dict)   # input as asked -> output

    def sync(self) -> None:
        for x, y in self.door.observations(undefined=True):
            if isinstance(x, str):
                self.seen[x] = y if isinstance(y, str) else UNDEFINED

    async def probe(self, names: list[str], steer=None) -> None:
        if steer:
            await steer()
        fresh = [n for n in dict.fromkeys(names) if n not in self.seen]
        fresh = fresh[:max(0, self.door.points_left)]
        if not fresh:
            return
        for name, (value, error) in zip(fresh, await self.door.probe(fresh)):
            self.seen[name] = value if error is None and isinstance(value, str) else UNDEFINED

    def defined(self, name: str) -> bool:
        return self.seen.get(name, UNDEFINED) != UNDEFINED


@dataclass
class Finding:
    """What the answers say: the domain's kinds, the relation per kind, the exception, and how
    inputs are read."""

    kinds: list[str] = field(default_factory=list)
    attribute: dict[str, str | None] = field(default_factory=dict)  # kind -> output attribute
    group: tuple[str, str, object] | None = None                    # (list, attribute, value)
    folds_case: bool = True
    aliases: bool = True


# --- the investigation --------------------------------------------------------------------

async def investigate(door: Door, seed: int) -> None:
    almanac, notebook, finding = Almanac.load(), Notebook(door), Finding()
    notebook.sync()

    async def steer() -> None:
        await _steer(notebook)

    try:
        await door.say(f"You can steer me: {FOLLOWS}.")
        if notebook.seen:
            await door.say(f"This session already holds {english.count(len(notebook.seen), 'answer')}; "
                           "I do not ask those names again.")
        await _survey(almanac, notebook, finding, steer)
        if finding.kinds:
            await _cover(almanac, notebook, finding, steer)
            _relate(almanac, notebook, finding)
            await _explain_relation(almanac, notebook, finding)
            _except(almanac, notebook, finding)
            await _explain_exception(almanac, notebook, finding)
            await _reading(almanac, notebook, finding, steer)
    except BudgetExhausted:
        await door.say("I am out of probe calls, so I submit the best explanation I have.")
    except SubmitNow:
        pass
    notebook.sync()
    await _submit(almanac, notebook, finding)


async def _survey(almanac: Almanac, notebook: Notebook, finding: Finding, steer) -> None:
    """A few names of every kind I know: the kinds answered are the domain."""
    door = notebook.door
    picks = {kind: _spread(almanac.unique(kind)) for kind in KINDS}
    for round_size in (SURVEY, SURVEY + MORE):
        names = [n for kind in KINDS for n in picks[kind][:round_size]]
        await door.say(f"I ask {english.count(round_size, 'name')} of each kind I know "
                       f"({', '.join(KINDS[k][2] for k in KINDS)}) to find which kinds it answers.")
        await notebook.probe(names, steer)
        finding.kinds = [kind for kind in KINDS if _share(notebook, picks[kind][:round_size]) >= DEFINED]
        if finding.kinds or door.calls_left <= 1:
            break
        await door.say("It answers none of them, so I ask more of each kind.")
    if not finding.kinds:
        await door.say(f"It answers '{UNDEFINED}' to every name I asked, so I take it to answer "
                       f"'{UNDEFINED}' everywhere but the names it answered otherwise.")
        return
    listed = " and ".join(KINDS[k][2] for k in finding.kinds)
    await door.say(f"It answers {listed}; for other kinds of name it says '{UNDEFINED}'.")


def _spread(names: list[str]) -> list[str]:
    """`names` reordered so that any first few lie far apart in the list (a sub-group listed
    together, like the countries of one continent in an alphabetical stretch, cannot hide
    a whole kind from the survey)."""
    order, step = [], len(names)
    while step >= 1 and len(order) < len(names):
        order += [i for i in range(0, len(names), step) if i not in order]
        step //= 2
    return [names[i] for i in order]


def _share(notebook: Notebook, names: list[str]) -> float:
    asked = [n for n in names if n in notebook.seen]
    return sum(notebook.defined(n) for n in asked) / len(asked) if asked else 0.0


async def _cover(almanac: Almanac, notebook: Notebook, finding: Finding, steer) -> None:
    """Every name of the domain's kinds I know, as the budget allows (keeping CHECKS points)."""
    door = notebook.door
    names = [n for kind in finding.kinds for n in almanac.names(kind) if n not in notebook.seen]
    room = max(0, door.points_left - CHECKS)
    if len(names) > room:
        await door.say(f"My budget allows {room} of the {len(names)} names of its domain I know; "
                       "the rest I answer from what I know.")
    names = names[:room]
    calls = max(1, min(4, door.calls_left - 3))
    size = -(-len(names) // calls) if names else 0
    for start in range(0, len(names), size or 1):
        await notebook.probe(names[start:start + size], steer)


def _relate(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    """For each kind, the attribute that gives its answers, if one gives most of them."""
    for kind in finding.kinds:
        pairs = [(almanac.entity(kind, x), y) for x, y in notebook.seen.items() if y != UNDEFINED]
        pairs = [(e, y) for e, y in pairs if e is not None]
        best, best_hits = None, 0
        for attribute in ATTRIBUTES:
            if attribute == KINDS[kind][1] or not pairs or attribute not in pairs[0][0]:
                continue
            hits = sum(str(e[attribute]) == y for e, y in pairs)
            if hits > best_hits:
                best, best_hits = attribute, hits
        finding.attribute[kind] = best if pairs and best_hits >= FIELD_FITS * len(pairs) else None


async def _explain_relation(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    door = notebook.door
    for kind in finding.kinds:
        attribute = finding.attribute[kind]
        answered = [x for x, y in notebook.seen.items() if y != UNDEFINED
                    and almanac.entity(kind, x) is not None]
        if attribute is None:
            await door.say(f"For {KINDS[kind][2]} no attribute I know gives its answers; I keep "
                           f"the {english.count(len(answered), 'answer')} I saw as a table.")
            continue
        differ = [x for x in answered if str(almanac.entity(kind, x)[attribute]) != notebook.seen[x]]
        text = (f"For {KINDS[kind][2]} it answers {ATTRIBUTES[attribute]}: "
                f"{len(answered) - len(differ)} of {len(answered)} answers are what I know")
        if differ:
            shown = ", ".join(f"{x} -> {notebook.seen[x]}" for x in differ[:3])
            text += f"; where it differs ({shown}) I keep its answer"
        await door.say(text + ".")


def _except(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    """The sub-group that the domain's 'undefined' answers share, if one fits them well."""
    undefined, asked = set(), set()
    tables = {KINDS[k][0] for k in finding.kinds}
    if len(tables) != 1:
        return
    table = tables.pop()
    for kind in finding.kinds:
        for x in almanac.names(kind):
            if x in notebook.seen:
                entity = almanac.entity(kind, x)
                asked.add(id(entity))
                if not notebook.defined(x):
                    undefined.add(id(entity))
    if not undefined:
        return
    best, best_f1 = None, 0.0
    for attribute in GROUPINGS[table]:
        for value in sorted({e[attribute] for e in almanac.lists[table]}, key=str):
            members = {id(e) for e in almanac.lists[table] if e[attribute] == value} & asked
            both = len(members & undefined)
            f1 = 2 * both / (len(members) + len(undefined)) if members else 0.0
            if f1 > best_f1:
                best, best_f1 = (table, attribute, value), f1
    if best_f1 >= GROUP_FITS:
        finding.group = best


def _clause(group: tuple[str, str, object]) -> str:
    table, attribute, value = group
    article = "an" if str(value)[:1].lower() in "aeiou" else "a"
    return GROUPINGS[table][attribute].format(the=THE[table], v=value, a=f"{article} {value}")


async def _explain_exception(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    door = notebook.door
    inside = [x for kind in finding.kinds for x in almanac.names(kind) if x in notebook.seen]
    missing = [x for x in inside if not notebook.defined(x)]
    if not missing:
        await door.say(f"It answers all {len(inside)} names of its domain I asked: no exception.")
        return
    shown = ", ".join(missing[:6]) + (", ..." if len(missing) > 6 else "")
    if finding.group:
        await door.say(f"It says '{UNDEFINED}' to {len(missing)} of them ({shown}): those where "
                       f"{_clause(finding.group)}.")
    else:
        await door.say(f"It says '{UNDEFINED}' to {len(missing)} of them ({shown}), a set no "
                       "group I know explains; I keep them as exceptions by name.")


async def _reading(almanac: Almanac, notebook: Notebook, finding: Finding, steer) -> None:
    """Whether inputs are read in any case and by other names, and whether a slip is refused."""
    door = notebook.door
    defined = [x for kind in finding.kinds for x in almanac.names(kind) if notebook.defined(x)]
    if not defined:
        return
    sample = next((x for x in defined if x.upper() != x.lower() and x.swapcase() != x), defined[0])
    aliases = [(x, a) for kind in finding.kinds for x in defined
               if (e := almanac.entity(kind, x)) and KINDS[kind][1] == "name"
               for a in e.get("aliases", [])[:1] if key(a) != key(x)][:ALIASES]
    slip = sample[:1] + sample[2:] + sample[1:2] if len(sample) > 2 else sample + "x"
    names = [sample.swapcase(), slip] + [a for _, a in aliases]
    await notebook.probe(names, steer)
    finding.folds_case = notebook.seen.get(sample.swapcase()) == notebook.seen[sample]
    taken = [(x, a) for x, a in aliases if notebook.seen.get(a) == notebook.seen[x]]
    finding.aliases = bool(taken) or not aliases
    case = "in any case" if finding.folds_case else "only as written (case matters)"
    other = ""
    if aliases:
        other = (f"; {len(taken)} of {english.count(len(aliases), 'other name')} I tried count "
                 f"as the name (e.g. {taken[0][1]!r} for {taken[0][0]})" if taken
                 else f"; none of {english.count(len(aliases), 'other name')} I tried counts")
    await door.say(f"It reads names {case}{other}; the slip {slip!r} gives "
                   f"{notebook.seen.get(slip, UNDEFINED)!r}.")


async def _steer(notebook: Notebook) -> None:
    door = notebook.door
    for message in await door.checkpoint():
        asked = steering.quote(message)
        for order in steering.parse(message):
            if order.kind == "handback":
                notebook.sync()
                await door.say(f"Noted: {asked}. I take the names the person probed into my data.")
            elif order.kind == "quoted":
                await door.say(f"Noted: {asked}. I probe {', '.join(map(repr, order.quoted))}.")
                await notebook.probe(list(order.quoted))
                await door.say("Answers: " + ", ".join(f"{x} -> {notebook.seen.get(x, '?')}"
                                                       for x in order.quoted) + ".")
            elif order.kind == "submit":
                await door.say(f"{asked}: I stop here and submit the best explanation I have.")
                raise SubmitNow
            elif order.kind in CANNOT:
                await door.say(f"I can't follow {asked}: {CANNOT[order.kind]}. I follow {FOLLOWS}.")
            else:
                await door.say(f"I can't follow {asked}. I follow {FOLLOWS}.")


# --- the answer ---------------------------------------------------------------------------

def _table(almanac: Almanac, notebook: Notebook, finding: Finding) -> tuple[dict, set]:
    """Every input I can answer, keyed as the function reads it, and the keys it refuses."""
    fold = finding.folds_case
    table, refused = {}, set()
    for kind in finding.kinds:
        table_name, own, _ = KINDS[kind]
        attribute = finding.attribute.get(kind)
        for entity in almanac.lists[table_name]:
            forms = [str(entity[own])]
            if own == "name" and finding.aliases:
                forms += entity.get("aliases", [])
            seen = next((notebook.seen[f] for f in forms if f in notebook.seen), None)
            if seen is None:
                if attribute is None:
                    continue
                grouped = finding.group and entity[finding.group[1]] == finding.group[2]
                seen = UNDEFINED if grouped else str(entity[attribute])
            for form in forms:
                if seen == UNDEFINED:
                    refused.add(key(form, fold))
                else:
                    table[key(form, fold)] = seen
    for x, y in notebook.seen.items():  # what it said beats what I know
        if y == UNDEFINED:
            table.pop(key(x, fold), None)
        else:
            table[key(x, fold)] = y
    return dict(sorted(table.items())), refused


def _code(table: dict, fold: bool) -> str:
    rows = "".join(f"    {k!r}: {v!r},\n" for k, v in table.items())
    read = '" ".join(str(x).split())' + (".casefold()" if fold else "")
    return (f"TABLE = {{\n{rows}}}\n\n\n"
            "def f(x: str) -> str:\n"
            f"    return TABLE.get({read}, {UNDEFINED!r})\n")


def _description(notebook: Notebook, finding: Finding) -> tuple[str, str]:
    if not finding.kinds:
        answered = {x: y for x, y in notebook.seen.items() if y != UNDEFINED}
        text = f"Returns '{UNDEFINED}' for every name I tried"
        if answered:
            text += " except " + ", ".join(f"{x} -> {y}" for x, y in list(answered.items())[:5])
        return text + ".", ""
    parts = []
    for kind in finding.kinds:
        attribute = finding.attribute.get(kind)
        what = ATTRIBUTES[attribute] if attribute else "a value I could not name"
        parts.append(f"{KINDS[kind][2]} to {what}")
    case = "in any case" if finding.folds_case else "with case mattering"
    text = (f"Maps {' and '.join(parts)}, reading names {case}"
            + (" and by their common other names" if finding.aliases else "")
            + f"; '{UNDEFINED}' for anything else (other kinds of name, typos, empty input)")
    odd = ""
    if finding.group:
        odd = f"'{UNDEFINED}' also where {_clause(finding.group)}"
        text += f", and also '{UNDEFINED}' where {_clause(finding.group)}"
    return text + ".", odd


async def _submit(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    table, _ = _table(almanac, notebook, finding)
    code = _code(table, finding.folds_case)
    description, odd = _description(notebook, finding)
    door = notebook.door
    await door.hypothesis(code, note=f"a table of {english.count(len(table), 'input')} I can answer")
    await door.say(f"Submitting: {description}")
    await door.submit(description, code, odd)
