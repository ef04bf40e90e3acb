"""The relations scientist: find the domain by probing names of every kind, the relation by
matching the answers against what it knows, the exception by the sub-group the 'undefined'
answers share; then check how inputs are read (case, other names, slips) and submit a table.

It works only through the Door. Its knowledge is its own: `almanac.json` (countries, chemical
elements, US states, moons and planets with their attributes) and the neuron scientist's
everyday word groups (`words.py`: animals, instruments, months, ...), written as a person's
general knowledge; it knows nothing of how a relation is made. When no kind of name in the
almanac answers, it surveys the word groups; a group it finds answered it keeps as the table
it saw, since it knows no attributes of words. Where an answer differs from what it knows, the
answer wins. A fork's carried answers count as its own. It follows steering that
quotes names (it probes them) and "submit now", and says plainly that it cannot follow the
rest of the steering language, which is about numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from find_lab import english
from find_lab.agents.scientist import steering
from find_lab.agents.scientist.words import CATEGORIES
from find_lab.experiment import BudgetExhausted, Door

UNDEFINED = "undefined"
SURVEY = 3          # names of each kind in the survey
MORE = 12           # names of each kind asked again when the survey finds no domain
GROUP_SURVEY = 1    # words of each word group asked then, and GROUP_MORE more of one answered
GROUP_MORE = 5
DEFINED = 0.5       # share of a kind's names answered for the kind to be in the domain
FIELD_FITS = 0.6    # share of answers an attribute must give for the relation to be named
GROUP_FITS = 0.8    # F1 of a sub-group with the 'undefined' answers for an exception to be named
ALIASES = 4         # other names tried, to see whether the function takes them
CHECKS = 2 + ALIASES  # points kept for checking how inputs are read
FOLLOWS = '"quoted names" to probe, submit now'
CANNOT = {"interval": "names have no interval to look at", "near": "names have no x to probe near",
          "family": "I explain names by relations I know, not families of curves",
          "noise": "I take each answer as it comes"}


@dataclass(frozen=True)
class Kind:
    """A kind of name I know: one attribute of an almanac list, or a group of words."""

    phrase: str                    # "a country", "a word for musical instruments"
    table: str | None = None       # the almanac list, or None for a group of words
    attribute: str = "name"        # which attribute of the list's entities the name is
    words: tuple[str, ...] = ()    # a group's members, capitalised as names are


KINDS = {
    "country": Kind("a country", "countries"),
    "capital": Kind("a country's capital city", "countries", "capital"),
    "alpha2": Kind("a two-letter country code", "countries", "alpha2"),
    "alpha3": Kind("a three-letter country code", "countries", "alpha3"),
    "element": Kind("a chemical element", "elements"),
    "symbol": Kind("a chemical element's symbol", "elements", "symbol"),
    "number": Kind("an atomic number", "elements", "number"),
    "state": Kind("a US state", "states"),
    "state_capital": Kind("a US state's capital", "states", "capital"),
    "postal": Kind("a US state's postal code", "states", "postal"),
    "moon": Kind("a moon", "moons"),
    "planet": Kind("a planet", "planets"),
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
    """What I know: each list of entities, and every kind of name (the almanac's and the word
    groups', these named `words:GROUP`)."""

    lists: dict[str, list[dict]]
    kinds: dict[str, Kind]

    @classmethod
    def load(cls) -> Almanac:
        data = json.loads(Path(__file__).with_name("almanac.json").read_text(encoding="utf-8"))
        kinds = dict(KINDS)
        for category, body in CATEGORIES.items():
            groups = {category: body} if isinstance(body, str) else body
            for group, text in groups.items():
                kinds[f"words:{group}"] = Kind(f"a word for {group}",
                                               words=tuple(w.capitalize() for w in text.split()))
        return cls({name: data[name] for name in THE}, kinds)

    def words(self) -> list[str]:
        return [k for k, kind in self.kinds.items() if kind.table is None]

    def names(self, kind: str) -> list[str]:
        """Every name of this kind, as listed."""
        known = self.kinds[kind]
        if known.table is None:
            return list(known.words)
        return [str(e[known.attribute]) for e in self.lists[known.table]]

    @cached_property
    def _entities(self) -> dict[str, dict[str, dict]]:
        """Each almanac kind's entities by every key of their names (the first entity listed
        wins a key two share)."""
        index: dict[str, dict[str, dict]] = {}
        for kind, known in KINDS.items():
            found = index.setdefault(kind, {})
            for e in self.lists[known.table]:
                forms = [e[known.attribute]] + (e.get("aliases", []) if known.attribute == "name" else [])
                for form in forms:
                    found.setdefault(key(form), e)
        return index

    def entity(self, kind: str, text) -> dict | None:
        """The almanac's entity this name of this kind names (None for a group's word)."""
        return self._entities.get(kind, {}).get(key(text))

    @cached_property
    def _keys(self) -> dict[str, set[str]]:
        return {kind: {key(n) for n in self.names(kind)} for kind in self.kinds}

    def unique(self, kind: str) -> list[str]:
        """Names of this kind that are no other kind's (so an answer tells the kind): an
        almanac kind's against the almanac's, a group's against every other kind's."""
        rivals = KINDS if kind in KINDS else self.kinds
        others = set().union(*(self._keys[other] for other in rivals if other != kind))
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
    """What the answers say: the domain's kinds, the relation per kind, the sub-group it
    refuses (or the only one it answers), and how inputs are read."""

    kinds: list[str] = field(default_factory=list)
    attribute: dict[str, str | None] = field(default_factory=dict)  # kind -> output attribute
    group: tuple[str, str, object] | None = None                    # (list, attribute, value)
    only: bool = False              # the group is all it answers, not what it refuses
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
    """A few names of every kind in the almanac; if too few answer, more of each, then a word
    of every word group and more words of the groups answered: the kinds answered are the
    domain."""
    door = notebook.door
    picks = {kind: _spread(almanac.unique(kind)) for kind in almanac.kinds}
    hints = [h.strip() for h in door.hints if h.strip()]
    if hints:
        await door.say(f"I was given {english.count(len(hints), 'name')} to start from "
                       f"({', '.join(hints[:5])}{', ...' if len(hints) > 5 else ''}); I ask them first.")
    await door.say(f"I ask {english.count(SURVEY, 'name')} of each kind I know "
                   f"({', '.join(KINDS[k].phrase for k in KINDS)}) to find which kinds it answers.")
    await notebook.probe(hints + [n for kind in KINDS for n in picks[kind][:SURVEY]], steer)
    finding.kinds = [k for k in KINDS if _share(notebook, picks[k][:SURVEY]) >= DEFINED
                     or any(notebook.defined(h) and almanac.entity(k, h) for h in hints)]
    if not finding.kinds and door.calls_left > 1:
        await door.say(f"It answers too few of them, so I ask {MORE} more of each kind.")
        size = SURVEY + MORE
        await notebook.probe([n for kind in KINDS for n in picks[kind][:size]], steer)
        # any answer now: a relation on a few of a kind's names (the larger countries) is
        # still on that kind, and covering the kind finds which
        finding.kinds = [k for k in KINDS if any(map(notebook.defined, picks[k][:size]))]
    groups = almanac.words()
    if not finding.kinds and door.calls_left > 1:
        await door.say(f"Still too few, so I ask {english.count(GROUP_SURVEY, 'word')} of each of "
                       f"{english.count(len(groups), 'group')} of everyday words I know "
                       "(animals, instruments, months, ...).")
        await notebook.probe([n for g in groups for n in picks[g][:GROUP_SURVEY]], steer)
        answered = [g for g in groups if any(map(notebook.defined, picks[g][:GROUP_SURVEY]))]
        if answered and door.calls_left > 1:
            await door.say(f"It answers words for {', '.join(g[6:] for g in answered[:6])}: I ask "
                           f"{GROUP_MORE} more of each.")
            size = GROUP_SURVEY + GROUP_MORE
            await notebook.probe([n for g in answered for n in picks[g][:size]], steer)
            finding.kinds = [g for g in answered if _share(notebook, picks[g][:size]) >= DEFINED]
    if not finding.kinds:
        await door.say(f"It answers '{UNDEFINED}' to nearly every name I asked, so I take it to "
                       f"answer '{UNDEFINED}' everywhere but the names it answered otherwise.")
        return
    listed = " and ".join(almanac.kinds[k].phrase for k in finding.kinds)
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
            if attribute == almanac.kinds[kind].attribute or not pairs or attribute not in pairs[0][0]:
                continue
            hits = sum(str(e[attribute]) == y for e, y in pairs)
            if hits > best_hits:
                best, best_hits = attribute, hits
        finding.attribute[kind] = best if pairs and best_hits >= FIELD_FITS * len(pairs) else None


async def _explain_relation(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    door = notebook.door
    for kind in finding.kinds:
        attribute, phrase = finding.attribute[kind], almanac.kinds[kind].phrase
        mine = {key(n) for n in almanac.names(kind)}
        answered = [x for x, y in notebook.seen.items() if y != UNDEFINED
                    and (almanac.entity(kind, x) is not None or key(x) in mine)]
        if attribute is None:
            await door.say(f"For {phrase} no attribute I know gives its answers; I keep the "
                           f"{english.count(len(answered), 'answer')} I saw as a table.")
            continue
        differ = [x for x in answered if str(almanac.entity(kind, x)[attribute]) != notebook.seen[x]]
        text = (f"For {phrase} it answers {ATTRIBUTES[attribute]}: "
                f"{len(answered) - len(differ)} of {len(answered)} answers are what I know")
        if differ:
            shown = ", ".join(f"{x} -> {notebook.seen[x]}" for x in differ[:3])
            text += f"; where it differs ({shown}) I keep its answer"
        await door.say(text + ".")


def _except(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    """The sub-group that the domain's 'undefined' answers share, or the one its answered names
    share when it answers only a sub-group, if one fits them well."""
    tables = {almanac.kinds[k].table for k in finding.kinds}
    if len(tables) != 1 or None in tables:
        return
    table = tables.pop()
    undefined, asked = set(), set()
    for kind in finding.kinds:
        for x in almanac.names(kind):
            if x in notebook.seen:
                entity = almanac.entity(kind, x)
                asked.add(id(entity))
                if not notebook.defined(x):
                    undefined.add(id(entity))
    if not undefined:
        return
    fits = []
    for attribute in GROUPINGS[table]:
        for value in sorted({e[attribute] for e in almanac.lists[table]}, key=str):
            members = {id(e) for e in almanac.lists[table] if e[attribute] == value} & asked
            for only, target in ((False, undefined), (True, asked - undefined)):
                if members and target:
                    fits.append((2 * len(members & target) / (len(members) + len(target)),
                                 only, (table, attribute, value)))
    score, only, group = max(fits, key=lambda fit: fit[0], default=(0.0, False, None))
    if score >= GROUP_FITS:
        finding.group, finding.only = group, only


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
    if finding.group and finding.only:
        await door.say(f"It says '{UNDEFINED}' to {len(missing)} of them ({shown}): it answers "
                       f"only where {_clause(finding.group)}.")
    elif finding.group:
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
               if (e := almanac.entity(kind, x)) and almanac.kinds[kind].attribute == "name"
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

def _table(almanac: Almanac, notebook: Notebook, finding: Finding) -> dict:
    """Every input I can answer, keyed as the function reads it: what it said, and for the
    names I did not ask, what I know (inside its sub-group, or outside the one it refuses, or,
    with no group, as most of those I asked)."""
    fold = finding.folds_case
    table = {}
    for kind in finding.kinds:
        known, attribute = almanac.kinds[kind], finding.attribute.get(kind)
        if known.table is None or attribute is None:
            continue
        # with no group to tell them, names I did not ask go the way most I asked went
        most = _share(notebook, almanac.names(kind)) >= DEFINED
        for entity in almanac.lists[known.table]:
            forms = [str(entity[known.attribute])]
            if known.attribute == "name" and finding.aliases:
                forms += entity.get("aliases", [])
            seen = next((notebook.seen[f] for f in forms if f in notebook.seen), None)
            if seen is None:
                inside = (entity[finding.group[1]] == finding.group[2]) == finding.only \
                    if finding.group else most
                seen = str(entity[attribute]) if inside else UNDEFINED
            if seen != UNDEFINED:
                table.update((key(form, fold), seen) for form in forms)
    for x, y in notebook.seen.items():  # what it said beats what I know
        if y == UNDEFINED:
            table.pop(key(x, fold), None)
        else:
            table[key(x, fold)] = y
    return dict(sorted(table.items()))


def _code(table: dict, fold: bool) -> str:
    rows = "".join(f"    {k!r}: {v!r},\n" for k, v in table.items())
    read = '" ".join(str(x).split())' + (".casefold()" if fold else "")
    return (f"TABLE = {{\n{rows}}}\n\n\n"
            "def f(x: str) -> str:\n"
            f"    return TABLE.get({read}, {UNDEFINED!r})\n")


def _description(almanac: Almanac, notebook: Notebook, finding: Finding) -> tuple[str, str]:
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
        parts.append(f"{almanac.kinds[kind].phrase} to {what}")
    case = "in any case" if finding.folds_case else "with case mattering"
    text = f"Maps {' and '.join(parts)}"
    if finding.group and finding.only:
        text += f", but only where {_clause(finding.group)}"
    text += (f", reading names {case}"
             + (" and by their common other names" if finding.aliases else "")
             + f"; '{UNDEFINED}' for anything else (other kinds of name, typos, empty input)")
    odd = ""
    if finding.group and finding.only:
        odd = f"'{UNDEFINED}' unless {_clause(finding.group)}"
    elif finding.group:
        odd = f"'{UNDEFINED}' also where {_clause(finding.group)}"
        text += f", and also '{UNDEFINED}' where {_clause(finding.group)}"
    return text + ".", odd


async def _submit(almanac: Almanac, notebook: Notebook, finding: Finding) -> None:
    table = _table(almanac, notebook, finding)
    code = _code(table, finding.folds_case)
    description, odd = _description(almanac, notebook, finding)
    door = notebook.door
    await door.hypothesis(code, note=f"a table of {english.count(len(table), 'input')} I can answer")
    await door.say(f"Submitting: {description}")
    await door.submit(description, code, odd)
