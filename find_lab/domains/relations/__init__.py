"""The relations domain: FIND's fourth set, a name -> a related name or 'undefined'.

`specs` draws the relations from the knowledge base in `functions/lexicon/relations.json`,
interprets and renders them; `scoring` holds the exact-match rate by part; this module is the
domain as the lab sees it.
"""

from __future__ import annotations

import functools
import random
import zlib
from pathlib import Path

import numpy as np

from find_lab import probe_syntax
from find_lab.domains import Answers, Domain, pick
from find_lab.domains.neurons.scoring import lexicon_words
from find_lab.domains.relations import scoring, specs
from find_lab.probe_syntax import ProbeSyntaxError

MAX_LENGTH = 200  # characters of one probe
JUDGE_INPUTS = 40
REFERENCE = {"domain": 40, "outside": 20}  # held-out inputs a user's own relation is scored on
# Names of all sorts the `random` baseline probes with: no relation in particular, and not
# drawn from the knowledge base.
NAMES = ("France, Paris, Japan, Tokyo, Brazil, Nile, Iron, Fe, Gold, Au, 26, Oxygen, Ohio, "
         "Texas, Austin, TX, Mars, Titan, Moon, Europa, Kenya, Nairobi, Euro, Dollar, Spanish, "
         "Asia, Europe, Everest, Shakespeare, Mozart, apple, river, London, Berlin, Germany, "
         "Canada, Ottawa, Helium, Ne, 79, Florida, Miami, CA, Jupiter, Pluto, India, Delhi, "
         "Peru, Lima, Carbon, C, Nevada, Reno, hello, 7, Egypt, Cairo, USA, UK, Sodium").split(", ")

PROMPT = f"""\
f takes a name (a country, a city, a chemical element or its symbol, a US state, a code, a \
moon, ...) and returns a related name: it applies one real-world relation, such as a country \
to its capital, to the inputs of its domain, and returns '{specs.UNDEFINED}' for anything \
outside that domain (other kinds of names, typos, empty input). Some relations also return \
'{specs.UNDEFINED}' for a sub-group of their domain (say, countries of one continent). Find \
the domain by probing names of many kinds, the relation by the outputs, and any exception by \
probing the domain's sub-groups. Inputs are read in any case and by common alternative names. \
Your code defines f(x) taking and returning a str; carry the knowledge it needs in the code. \
It is scored by exact matches on unseen inputs inside the domain, in any exception and outside \
the domain (success at 90%)."""


class Relations(Domain):
    name = "relations"
    complexities = ("plain", "exception")
    inputs = "names: countries, capitals, elements, symbols, states, codes, moons"
    outputs = f"a related name, or '{specs.UNDEFINED}'"
    output_kind = "text"
    metric, threshold, lower_is_better = "exact_match", 0.9, False
    count = 75
    spec_fields = ("relation", "input", "output", "exception", "table", "excluded_keys", "heldout")
    probe_hint = 'names between commas: France, Fe, New York · or "quoted", ""'
    description_example = f"e.g. maps a country to its capital; '{specs.UNDEFINED}' for anything else"
    odd_example = f"e.g. '{specs.UNDEFINED}' for countries in Asia, or leave empty"
    steer_hint = '"a name" to probe · submit now  (the scientist says what it cannot follow)'
    find_category = "neurons_relations"
    template = f"def f(x: str) -> str:\n    return {specs.UNDEFINED!r}\n"
    prompt = PROMPT
    probe_schema = {"type": "string", "maxLength": MAX_LENGTH,
                    "description": "a name, as a person would type it"}

    def validate(self, value):
        if not isinstance(value, str):
            return value, f"not a string: {value!r}"
        if len(value) > MAX_LENGTH:
            return value, f"longer than {MAX_LENGTH} characters"
        return value, None

    def read_probes(self, text: str) -> list:
        """Quoted strings as the strings domain reads them (text that opens with a quote),
        else names between commas, so that "Cote d'Ivoire" needs no quotes."""
        if text[0] in "\"'":
            return probe_syntax.strings(text)
        names = [part.strip() for part in text.split(",")]
        if not all(names):
            raise ProbeSyntaxError("an empty name between commas: quote it (\"\") to probe "
                                   "the empty string")
        return names

    def fit_summary(self, pairs: list[tuple], probed: int) -> str:
        matched = sum(seen == guess for seen, guess in pairs)
        return f"matches {matched} of {probed} probed outputs exactly"

    # --- the hidden functions -----------------------------------------------------------
    def generate(self, seed: int, lexicon: Path, workers: int = 1,
                 ids: list[str] | None = None) -> list[dict]:
        """Drawn in one sequence: any of them costs them all (well under a second)."""
        return pick(specs.generate(seed, lexicon, self.count), ids)

    def check(self, spec: dict) -> str | None:
        if not spec["table"]:
            return "its table is empty"
        if not set(spec["excluded_keys"]) <= set(spec["table"]):
            return "its exception names inputs outside its domain"
        if spec["exception"] and len(spec["excluded_keys"]) >= len(spec["table"]):
            return "its exception takes its whole domain"
        return None

    def observer(self, spec: dict, rng):
        return lambda names: [specs.observe(spec, name) for name in names]

    def render(self, spec: dict) -> str:
        return specs.render(spec)

    # --- scoring ------------------------------------------------------------------------
    def answers(self, spec: dict) -> Answers:
        inputs = [text for text, _ in spec["heldout"]]
        return Answers(spec["id"], self.name, inputs, [specs.observe(spec, t) for t in inputs],
                       parts=tuple(part for _, part in spec["heldout"]))

    def reference_inputs(self, function_id: str) -> list:
        return known_names()

    def reference_answers(self, function_id: str, function) -> Answers:
        """Scored on names of the knowledge base, drawn by the reference's own answers: those
        it defines (its domain) and those it does not (outside), per name."""
        answered = [(name, function(name)) for name in known_names()]
        rng = np.random.default_rng(zlib.crc32(function_id.encode()))
        picked = []
        for part, wanted in REFERENCE.items():
            pool = [(n, y) for n, y in answered
                    if isinstance(y, str) and (y != specs.UNDEFINED) == (part == "domain")]
            for i in sorted(rng.permutation(len(pool))[:wanted]):
                picked.append((pool[i][0], pool[i][1], part))
        return Answers(function_id, self.name, [n for n, _, _ in picked], [y for _, y, _ in picked],
                       parts=tuple(p for _, _, p in picked))

    def grade(self, answers, outcome):
        return scoring.grade(answers, outcome)

    # --- the description judge ----------------------------------------------------------
    def question_inputs(self, spec: dict, rng: random.Random) -> list:
        inputs = [text for text, _ in spec["heldout"] if text.strip()]
        rng.shuffle(inputs)
        return inputs[:JUDGE_INPUTS]

    def shown_truth(self, spec: dict):
        return specs.make_callable(spec)

    # --- the baselines ------------------------------------------------------------------
    def random_inputs(self, count: int, seed: int) -> list:
        return [NAMES[i] for i in np.random.default_rng(seed).permutation(len(NAMES))[:count]]

    def table_code(self, pairs: list[tuple], interpolate: bool) -> str:
        table = {specs.key(x): y for x, y in pairs}
        return (f"TABLE = {table!r}\n\n\ndef f(x):\n"
                f'    return TABLE.get(" ".join(str(x).split()).casefold(), {specs.UNDEFINED!r})\n')


def known_names() -> list[str]:
    """Every name the lab knows, as written: each entity's every attribute and other name in
    the knowledge base (capitals, codes, continents, currencies, ...), and the words of the
    neurons' lexicon (months, animals, instruments, ...), capitalised as names are."""
    from find_lab.suite import default_root  # late: the suite imports the domains

    return list(_names(default_root() / "lexicon"))


@functools.lru_cache(maxsize=4)
def _names(lexicon: Path) -> tuple[str, ...]:
    """known_names of one lexicon, read once (a reference is scored on them twice over)."""
    knowledge = specs.load(lexicon)
    names = set()
    for entities in knowledge.values():
        for entity in entities:
            for value in entity.values():
                names.update(map(str, value) if isinstance(value, list) else [str(value)])
    names.update(word.capitalize() for word in lexicon_words())
    return tuple(sorted(names))


DOMAIN = Relations()
