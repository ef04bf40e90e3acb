"""The neuron scientist: survey what it knows, let categories and spelling rules compete for
the answers, probe the words that tell the leaders apart, check the winner on fresh words.

It works only through the Door. Its knowledge is its own (`words.py`): everyday categories
and their kinds with member words, and plain words, written by hand as a person's general
knowledge. It knows nothing of how a neuron is made; how strongly each kind of word fires it
learns from its probes. It names a concept only when the concept predicts fresh words; when
none does, it says so and lists the strongest and weakest words it saw.

A fork's carried answers count as its own: a survey word already answered is not asked again,
and they stand in for plain survey words; words the lab gives it to start from (FIND's initial
exemplars, with --hints) are asked first. It follows steering that names a category it knows
(it probes some of its words), "quoted words" (probed) and "submit now", and says plainly that
it cannot follow the rest of the steering language, which is about numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Awaitable, Callable

import numpy as np

from find_lab import english
from find_lab.agents.scientist import steering
from find_lab.agents.scientist.words import CATEGORIES, PLAIN
from find_lab.experiment import BudgetExhausted, Door

WORD = re.compile(r"[a-z][a-z'-]{0,39}")   # what the neurons domain accepts, lower-cased
SURVEY_PLAIN = 40       # plain words in the survey, the baseline and a spread of spellings
SURVEY_CALLS = 3
SEPARATE_WORDS = 40     # words per round that tell the leading explanations apart
RIVALS = 5
VERIFY_WORDS = 20
RESERVE = 2 * SEPARATE_WORDS + VERIFY_WORDS
FITS = 0.6              # r on fresh words for a concept to be named
PARTLY = 0.35           # r, and share of members firing, for a concept that fits in part
COMPLEXITY = 0.03       # r an explanation must gain per extra part
SUFFIXES = ("ing ed er ers est ly s es y ion tion sion ness ment able ible ful less ous ist ism "
            "ity al ic ive ship hood ize ise age ery ure ance ence ant ent le en ish").split()
PREFIXES = ("un re in im dis pre over under out mis non sub inter anti de con com pro ex trans "
            "super th sh ch st sp tr pl bl cr gr br fl wh qu").split()
VOWELS = "aeiou"
FOLLOWS = 'a category to check (fruit, vehicles, emotions...), "quoted words" to probe, submit now'
CANNOT = {"interval": "words have no interval to look at", "near": "words have no x to probe near",
          "family": "I explain words by categories and spelling rules, not families of curves",
          "noise": "I take each word's answer as it comes"}


class SubmitNow(Exception):
    """A person asked for the answer now."""


def normal(word) -> str:
    return str(word).strip().lower()


# --- knowledge ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Knowledge:
    """Groups of words (categories and their kinds), and plain words in none."""

    groups: dict[str, frozenset[str]]
    parent: dict[str, str]            # kind -> its category
    kinds: dict[str, list[str]]       # category -> its kinds
    order: dict[str, list[str]]       # group -> members, most familiar first
    plain: list[str]

    @classmethod
    def load(cls) -> "Knowledge":
        order, parent, kinds = {}, {}, {}
        for name, body in CATEGORIES.items():
            if isinstance(body, str):
                order[name] = body.split()
                continue
            kinds[name] = list(body)
            for kind, text in body.items():
                order[kind], parent[kind] = text.split(), name
            order[name] = list(dict.fromkeys(w for kind in body for w in order[kind]))
        known = {w for words in order.values() for w in words}
        plain = [w for w in dict.fromkeys(PLAIN.split()) if w not in known]
        return cls({g: frozenset(ws) for g, ws in order.items()}, parent, kinds, order, plain)

    @property
    def pool(self) -> list[str]:
        return sorted({w for words in self.order.values() for w in words} | set(self.plain))

    def label(self, group: str) -> str:
        return f"{group} (a kind of {self.parent[group]})" if group in self.parent else group

    def named_in(self, text: str) -> list[str]:
        tokens = set(re.findall(r"[a-z]+", text.lower()))
        stems = tokens | {t[:-1] for t in tokens if t.endswith("s")}
        whole = [g for g in self.order if re.search(rf"\b{re.escape(g)}\b", text.lower())]
        return whole or [g for g in self.order if set(g.split()) & stems - {"and", "of", "the"}]


@dataclass(frozen=True)
class Feature:
    """One explanation's part: how a description names it, and a Python test of a word `w`."""

    label: str
    expr: str
    kind: str = "spelling"     # "group" or "spelling"
    graded: bool = False       # a number that grows, not a yes or no

    def compile(self, groups: dict[str, frozenset[str]]):
        return eval(f"lambda w: {self.expr}", {"GROUPS": groups})  # our own expression

    @property
    def groups(self) -> list[str]:
        return re.findall(r"GROUPS\[('[^']+')\]", self.expr)


def spelling_features() -> list[Feature]:
    out = []
    for c in ascii_lowercase:
        out += [Feature(f"words starting with the letter {c}", f"w.startswith({c!r})"),
                Feature(f"words ending in the letter {c}", f"w.endswith({c!r})"),
                Feature(f"words containing the letter {c}", f"{c!r} in w")]
    out += [Feature(f"words ending in -{s}", f"w.endswith({s!r})") for s in SUFFIXES]
    out += [Feature(f"words beginning with {p}-", f"w.startswith({p!r})") for p in PREFIXES]
    out += [Feature(f"words of {k} or more letters", f"len(w) >= {k}") for k in range(4, 15)]
    out += [Feature(f"words of at most {k} letters", f"len(w) <= {k}") for k in range(2, 8)]
    out += [Feature(f"words with at least {k} vowels", f"sum(c in {VOWELS!r} for c in w) >= {k}")
            for k in range(2, 7)]
    out += [Feature("words with a double letter (as in ll, ee, tt)",
                    "any(a == b for a, b in zip(w, w[1:]))"),
            Feature("words starting with a vowel", f"w.startswith(tuple({VOWELS!r}))"),
            Feature("words ending in a vowel", f"w.endswith(tuple({VOWELS!r}))"),
            Feature("words with a hyphen", "'-' in w"),
            Feature("words with an apostrophe", "\"'\" in w"),
            Feature("words that read the same backwards", "len(w) > 1 and w == w[::-1]"),
            Feature("word length", "len(w)", graded=True),
            Feature("the number of vowels", f"sum(c in {VOWELS!r} for c in w)", graded=True),
            Feature("the share of vowels", f"sum(c in {VOWELS!r} for c in w) / max(1, len(w))",
                    graded=True),
            Feature("the number of different letters", "len(set(w))", graded=True),
            Feature("the first letter's place in the alphabet",
                    "max(0, ord(w[:1] or 'a') - 96)", graded=True)]
    return out


def group_features(knowledge: Knowledge) -> list[Feature]:
    return [Feature(knowledge.label(g), f"w in GROUPS[{g!r}]", kind="group")
            for g in knowledge.order]


def except_feature(knowledge: Knowledge, category: str, kind: str) -> Feature:
    return Feature(f"{category} except {kind}",
                   f"w in GROUPS[{category!r}] and w not in GROUPS[{kind!r}]", kind="group")


# --- what was seen ------------------------------------------------------------------------

@dataclass
class Notebook:
    """Every answer seen, per word (a human's probes during a takeover included)."""

    door: Door
    values: dict[str, float] = field(default_factory=dict)
    undefined: set[str] = field(default_factory=set)
    steer: Callable[[], Awaitable[None]] | None = None  # read steering before each probe

    async def probe(self, words: list[str]) -> list[str]:
        """Ask the words not asked yet (within the point budget); returns those asked."""
        if self.steer:
            await self.steer()
        fresh = list(dict.fromkeys(w for w in map(normal, words) if w not in self.values
                                   and w not in self.undefined and WORD.fullmatch(w)))
        fresh = fresh[:max(0, self.door.points_left)]
        if not fresh:
            return []
        for word, (value, error) in zip(fresh, await self.door.probe(fresh)):
            self._note(word, value if error is None else None)
        return fresh

    def sync(self) -> None:
        for word, value in self.door.observations():
            if isinstance(word, str):
                self._note(normal(word), value)

    def _note(self, word: str, value) -> None:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if np.isfinite(number):
            self.values[word] = number
        else:
            self.undefined.add(word)

    @property
    def words(self) -> list[str]:
        return list(self.values)

    @property
    def y(self) -> np.ndarray:
        return np.array(list(self.values.values()))


@dataclass
class Model:
    """An explanation: activation = intercept + sum of coef * part, clipped to [0, 1]."""

    parts: tuple[Feature, ...]
    coef: np.ndarray
    r: float

    def predict(self, words: list[str], lab: "Lab") -> np.ndarray:
        x = np.array([[float(lab.test(p)(w)) for p in self.parts] for w in words]).reshape(
            len(words), len(self.parts))
        return np.clip(self.coef[0] + x @ self.coef[1:], 0.0, 1.0)

    @property
    def title(self) -> str:
        return " or ".join(p.label for p in self.parts)


class Lab:
    """The scientist's working state: its knowledge, its features and their tests."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.features = group_features(knowledge) + spelling_features()
        self.tests: dict[Feature, object] = {}

    def test(self, feature: Feature):
        if feature not in self.tests:
            self.tests[feature] = feature.compile(self.knowledge.groups)
        return self.tests[feature]

    def column(self, feature: Feature, words: list[str]) -> np.ndarray:
        test = self.test(feature)
        return np.array([float(test(w)) for w in words])

    def fit(self, parts: tuple[Feature, ...], words: list[str], y: np.ndarray) -> Model:
        x = np.column_stack([np.ones(len(words))] + [self.column(p, words) for p in parts])
        coef = np.linalg.lstsq(x, y, rcond=None)[0]
        model = Model(parts, coef, 0.0)
        model.r = _r(model.predict(words, self), y)
        return model

    def rank(self, notebook: Notebook) -> list[Model]:
        """Every single explanation, a category except one of its kinds, and pairs of the
        leaders, best first (a part must earn its place by COMPLEXITY)."""
        words, y = notebook.words, notebook.y
        if len(words) < 3 or np.ptp(y) <= 1e-9:
            return []
        singles = []
        for feature in self.features:
            x = self.column(feature, words)
            if np.ptp(x) > 0:
                singles.append((abs(_r(x, y)), feature))
        singles.sort(key=lambda s: -s[0])
        models = [self.fit((f,), words, y) for _, f in singles[:12]]
        alone = {f: r for r, f in singles}
        leaders = [f for _, f in singles[:10] if not f.graded]
        for feature in [f for _, f in singles[:10] if f.kind == "group"]:
            category = feature.groups[0].strip("'") if len(feature.groups) == 1 else None
            for kind in self.knowledge.kinds.get(category, []):
                part = except_feature(self.knowledge, category, kind)
                if np.ptp(self.column(part, words)) > 0:
                    models.append(self.fit((part,), words, y))
        for i, a in enumerate(leaders):
            for b in leaders[i + 1:]:
                pair = self.fit((a, b), words, y)
                if pair.r >= max(alone[a], alone[b]) + COMPLEXITY:
                    models.append(pair)
        return sorted(models, key=lambda m: (-(m.r - COMPLEXITY * _extra(m)), m.title))


def _extra(model: Model) -> int:
    return len(model.parts) - 1 + sum(" except " in p.label for p in model.parts)


def _r(x, y) -> float:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) < 2 or np.ptp(x) <= 1e-12 or np.ptp(y) <= 1e-12:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


# --- the investigation --------------------------------------------------------------------

@dataclass
class Verdict:
    """The explanation last checked, and the words that were fresh when it was checked."""

    model: Model | None = None
    verified_r: float | None = None
    fresh: list[str] = field(default_factory=list)


async def investigate(door: Door, seed: int) -> None:
    lab, notebook, verdict = Lab(Knowledge.load()), Notebook(door), Verdict()
    rng = np.random.default_rng([seed, 11])
    notebook.sync()  # a fork starts with its parent's answers
    notebook.steer = lambda: _steer(lab, notebook)
    try:
        await door.say(f"You can steer me: {FOLLOWS}.")
        await _survey(lab, notebook, rng)
        await _steer(lab, notebook)
        for attempt in range(2):
            for _ in range(2):
                await _separate(lab, notebook, rng)
                await _steer(lab, notebook)
            if await _verify(lab, notebook, verdict, rng):
                break
    except BudgetExhausted:
        await door.say("I am out of probe calls, so I submit the best explanation I have.")
    except SubmitNow:
        notebook.steer = None
        if not notebook.values and door.calls_left > 0 and door.points_left > 0:
            await door.say(f"I have no answers yet, so I ask {SURVEY_PLAIN} plain words first: an "
                           "answer from nothing would be a blind guess.")
            await notebook.probe(lab.knowledge.plain[:SURVEY_PLAIN])
    notebook.sync()
    await _submit(lab, notebook, verdict)


async def _survey(lab: Lab, notebook: Notebook, rng: np.random.Generator) -> None:
    """A word or two of every group I know, and plain words of many spellings."""
    door, knowledge = notebook.door, lab.knowledge
    words = []
    for name, members in knowledge.order.items():
        if name in knowledge.kinds:
            continue
        count = 1 if name in knowledge.parent else 2
        head = members[:6]
        words += [head[i] for i in rng.choice(len(head), min(count, len(head)), replace=False)]
    plain = [knowledge.plain[i] for i in sorted(rng.choice(len(knowledge.plain), SURVEY_PLAIN,
                                                           replace=False))]
    carried = len(notebook.values) + len(notebook.undefined)
    if carried:  # answers the session holds stand in for plain words, and are not asked again
        plain = plain[:max(0, SURVEY_PLAIN - carried)]
        await door.say(f"This session already holds answers for {english.count(carried, 'word')}; "
                       "I do not ask them again, and ask fewer plain words.")
    hints = [w for w in map(normal, door.hints) if WORD.fullmatch(w)]
    if hints:
        await door.say(f"I was given {english.count(len(hints), 'word')} to start from "
                       f"({', '.join(hints[:5])}{', ...' if len(hints) > 5 else ''}); I ask them first.")
    words = [w for w in dict.fromkeys(hints + plain + words)
             if w not in notebook.values and w not in notebook.undefined]
    room = max(1, door.points_left - RESERVE)
    if len(words) > room:
        await door.say(f"My point budget allows only {room} survey words; I ask those and may "
                       "miss a category.")
        words = words[:room]
    await door.say(
        f"I start with a survey of {len(words)} words: one or two from each of the "
        f"{len(knowledge.order) - len(knowledge.kinds)} kinds of thing I know (birds, fruit, "
        "vehicles, professions, emotions...) and plain words of many spellings. Then "
        "categories and spelling rules (first or last letter, endings, length, vowels, double "
        "letters) compete to explain the answers.")
    calls = max(1, min(SURVEY_CALLS, door.calls_left - 2))
    for chunk in np.array_split(np.array(words, dtype=object), calls):
        await notebook.probe([str(w) for w in chunk])
    notebook.sync()
    y = notebook.y
    if len(y):
        await door.say(f"The answers range from {y.min():.3g} to {y.max():.3g} (median "
                       f"{np.median(y):.3g}). Highest: {_listing(notebook, top=True)}; lowest: "
                       f"{_listing(notebook, top=False)}.")


async def _separate(lab: Lab, notebook: Notebook, rng: np.random.Generator) -> None:
    """Words on which the leader and its rivals disagree most, and more of what the leader
    predicts high: what tells the explanations apart."""
    door = notebook.door
    models = lab.rank(notebook)
    if not models:
        return
    await door.say("Leading explanations: " + "; ".join(
        f"{m.title} (r = {m.r:.2f})" for m in models[:RIVALS + 1]) + ".")
    pool = [w for w in lab.knowledge.pool if w not in notebook.values]
    leader = models[0].predict(pool, lab)
    order = rng.permutation(len(pool))
    picks: list[str] = []
    share = max(1, SEPARATE_WORDS // (2 * RIVALS + 2))
    for rival in models[1:RIVALS + 1]:
        gap = leader - rival.predict(pool, lab)
        for sign in (1, -1):
            ranked = sorted(order, key=lambda i: -sign * gap[i])
            picks += [pool[i] for i in ranked[:share] if sign * gap[i] > 1e-9]
    high = sorted(order, key=lambda i: -leader[i])
    picks += [pool[i] for i in high[:2 * share]]
    picks = list(dict.fromkeys(picks))[:SEPARATE_WORDS]
    if len(picks) < SEPARATE_WORDS // 2:
        picks += [pool[i] for i in order[:SEPARATE_WORDS - len(picks)]]
    await door.say(f"To tell {models[0].title} from its rivals I ask {len(picks)} words where "
                   f"they disagree: {', '.join(picks[:12])}{'...' if len(picks) > 12 else ''}.")
    await notebook.probe(picks)
    notebook.sync()
    await _hypothesis(lab, notebook, models[0], "while separating explanations")


async def _verify(lab: Lab, notebook: Notebook, verdict: Verdict,
                  rng: np.random.Generator) -> bool:
    """The leader, chosen on the words so far, against fresh words: half it predicts high,
    half at random. True when it holds."""
    door = notebook.door
    models = lab.rank(notebook)
    if not models:
        return True
    model = models[0]
    pool = [w for w in lab.knowledge.pool if w not in notebook.values]
    predicted = model.predict(pool, lab)
    order = rng.permutation(len(pool))
    half = VERIFY_WORDS // 2
    high = [pool[i] for i in sorted(order, key=lambda i: -predicted[i])[:half]]
    rest = [pool[i] for i in order if pool[i] not in high][:VERIFY_WORDS - len(high)]
    await door.say(f"Checking {model.title} on {len(high) + len(rest)} fresh words.")
    asked = await notebook.probe(high + rest)
    same = verdict.model is not None and verdict.model.parts == model.parts
    fresh = (verdict.fresh if same else []) + [w for w in asked if w in notebook.values]
    predicted = model.predict(fresh, lab)
    if np.ptp(predicted) <= 1e-9:
        await door.say("It predicts the same for all of them, so they cannot test it; I keep "
                       "what I had.")
        return True
    verdict.model, verdict.fresh = model, fresh
    verdict.verified_r = _r(predicted, [notebook.values[w] for w in fresh])
    held = verdict.verified_r >= FITS
    await door.say(f"On {len(fresh)} words fresh when it was checked it predicts the activation "
                   f"with r = {verdict.verified_r:.2f}: "
                   + ("it holds." if held else "it does not hold; I look again."))
    return held


async def _steer(lab: Lab, notebook: Notebook) -> None:
    """Acknowledge each steering message before the next step: probe a few words of any group
    it names and any word it quotes, stop for "submit now", and say plainly what it cannot
    follow."""
    door, follow = notebook.door, notebook.steer
    notebook.steer = None  # its own probes do not read steering again
    try:
        await _follow(lab, notebook, await door.checkpoint())
    finally:
        notebook.steer = follow
    notebook.sync()


async def _follow(lab: Lab, notebook: Notebook, messages: list[str]) -> None:
    door = notebook.door
    for message in messages:
        asked = steering.quote(message)
        orders = steering.parse(message)
        if orders[0].kind == "handback":
            await door.say(f"Noted: {asked}. I take the words the person probed into my data.")
            continue
        named = lab.knowledge.named_in(message)[:2]
        if named:
            words = [w for g in named for w in lab.knowledge.order[g][:3]]
            await door.say(f"Noted: {asked}. I will check {' and '.join(named)}.")
            await notebook.probe(words)
            values = ", ".join(f"{w} {notebook.values[w]:.3g}" for w in words if w in notebook.values)
            await door.say(f"{' and '.join(named).capitalize()}: {values or 'no answers'}.")
        for order in orders:
            if order.kind == "quoted":
                words = [normal(w) for w in order.quoted]
                await door.say(f"Noted: {asked}. I probe {', '.join(map(repr, words))}.")
                await notebook.probe(words)
                values = ", ".join(f"{w} {notebook.values[w]:.3g}" for w in words
                                   if w in notebook.values)
                await door.say(f"Answers: {values or 'none (not single words?)'}.")
            elif order.kind == "submit":
                await door.say(f"{asked}: I stop here and submit the best explanation I have.")
                raise SubmitNow
            elif order.kind in CANNOT:
                await door.say(f"I can't follow {asked}: {CANNOT[order.kind]}. I follow {FOLLOWS}.")
            elif not named:
                await door.say(f"I can't follow {asked}: I know no category it names. I follow "
                               f"{FOLLOWS}.")


# --- the answer ---------------------------------------------------------------------------

def final_model(lab: Lab, notebook: Notebook, verdict: Verdict) -> Model | None:
    """The verified leader refitted on every answer; unverified, the leader of all of them."""
    if verdict.model is not None:
        return lab.fit(verdict.model.parts, notebook.words, notebook.y)
    models = lab.rank(notebook)
    return models[0] if models else None


def standing(lab: Lab, notebook: Notebook, model: Model | None, verdict: Verdict) -> str:
    """"fits" when the explanation predicts fresh words; "partly" when it is a category of
    which many, not all, members fire and fresh words follow it in part; "none" otherwise."""
    if model is None or model.r < PARTLY:
        return "none"
    if verdict.verified_r is None:
        return "fits" if model.r >= 0.8 else "none"
    if verdict.verified_r >= FITS and model.r >= FITS:
        return "fits"
    groups = [p for p, c in zip(model.parts, model.coef[1:]) if p.kind == "group" and c > 0]
    if verdict.verified_r >= PARTLY and len(groups) == len(model.parts):
        shares = [len(f) / max(1, len(f) + len(s)) for f, s in
                  (_members(lab, notebook, model, p) for p in groups)]
        if min(shares) >= PARTLY:
            return "partly"
    return "none"


def _members(lab: Lab, notebook: Notebook, model: Model, part: Feature):
    """The part's probed words that fire (above half its level) and those that stay silent,
    strongest first."""
    i = model.parts.index(part)
    middle = model.coef[0] + model.coef[1 + i] / 2
    test = lab.test(part)
    words = sorted((w for w in notebook.values if test(w)), key=lambda w: -notebook.values[w])
    firing = [w for w in words if (notebook.values[w] - middle) * model.coef[1 + i] > 0]
    return firing, [w for w in words if w not in firing]


def _code(lab: Lab, notebook: Notebook, model: Model | None, verdict: Verdict,
          named: bool) -> str:
    """The model as Python: its groups' words, its rule, and the answers it does not explain;
    when even fresh words barely follow it, the level each group of mine was seen at."""
    words, y = notebook.words, notebook.y
    if not len(y):
        return "# no answers: a constant\n\n\ndef f(word):\n    return 0.0\n"
    if model is None or not named and _evidence_r(model, verdict) < PARTLY:
        return _levels_code(lab, notebook)
    predicted = model.predict(words, lab)
    seen = {w: round(float(v), 3) for w, v, p in zip(words, y, predicted)
            if abs(v - p) > 0.15 * float(np.ptp(y))}
    groups = sorted({g.strip("'") for p in model.parts for g in p.groups})
    terms = " + ".join([repr(round(float(model.coef[0]), 4))] +
                       [f"{round(float(c), 4)!r} * ({p.expr})"
                        for c, p in zip(model.coef[1:], model.parts)])
    title = model.title + ("" if named else " (the best I found; it does not fit)")
    return "\n".join([f"# {title}", *_groups_source(lab, groups),
                      "# answers seen that the rule does not explain", f"SEEN = {seen!r}",
                      "", "", "def f(word):", "    w = str(word).strip().lower()",
                      "    if w in SEEN:", "        return SEEN[w]",
                      f"    return min(1.0, max(0.0, {terms}))", ""])


def _levels_code(lab: Lab, notebook: Notebook) -> str:
    """No explanation fits: each word seen at its answer; an unseen word at the level of its
    smallest group of mine that stood out (shrunk towards the baseline when little was seen);
    any other word at the baseline."""
    y = notebook.y
    base, spread = float(np.median(y)), float(np.ptp(y))
    levels = {}
    for group in sorted(lab.knowledge.order, key=lambda g: len(lab.knowledge.order[g])):
        seen = [notebook.values[w] for w in lab.knowledge.order[group] if w in notebook.values]
        level = base + (np.mean(seen) - base) * len(seen) / (len(seen) + 2) if seen else base
        if abs(level - base) > 0.1 * spread:
            levels[group] = round(float(level), 3)
    seen = {w: round(float(v), 3) for w, v in notebook.values.items()
            if abs(v - base) > 0.1 * spread}
    return "\n".join(["# no explanation fits: the answers seen, and the level of each group "
                      "of words they suggest", *_groups_source(lab, list(levels)),
                      f"LEVEL = {levels!r}", f"SEEN = {seen!r}", f"BASELINE = {base!r}",
                      "", "", "def f(word):", "    w = str(word).strip().lower()",
                      "    if w in SEEN:", "        return SEEN[w]",
                      "    return next((LEVEL[g] for g in LEVEL if w in GROUPS[g]), BASELINE)",
                      ""])


def _groups_source(lab: Lab, groups: list[str]) -> list[str]:
    lines = ["GROUPS = {"]
    for g in groups:
        members = lab.knowledge.order[g]
        chunks = [" ".join(members[i:i + 12]) for i in range(0, len(members), 12)]
        lines.append(f"    {g!r}: set((\"{chunks[0]} \"" +
                     "".join(f"\n        \"{c} \"" for c in chunks[1:]) + ").split()),")
    return lines + ["}"]


def describe(lab: Lab, notebook: Notebook, model: Model | None, verdict: Verdict) -> str:
    if not notebook.values:
        return "I could not get any answer from the neuron, so I cannot describe it."
    y = notebook.y
    if np.ptp(y) <= 1e-9:
        return (f"Every one of the {len(y)} words I asked gives {y[0]:.4g}: no word makes this "
                "neuron fire, so I submit a constant.")
    extremes = (f"Strongest words seen: {_listing(notebook, top=True)}. Weakest: "
                f"{_listing(notebook, top=False)}.")
    state = standing(lab, notebook, model, verdict)
    if state == "none":
        best = f" (the best reaches r = {_evidence_r(model, verdict):.2f})" if model else ""
        return (f"No concept I know fits this neuron: neither my categories nor a spelling rule "
                f"explains its answers{best}. Its activation ranges from {y.min():.2g} to "
                f"{y.max():.2g} over {len(y)} words. {extremes}")
    parts = []
    for part, coef in zip(model.parts, model.coef[1:]):
        if part.graded:
            parts.append(f"{'rises' if coef > 0 else 'falls'} with {part.label}")
            continue
        firing, silent = _members(lab, notebook, model, part)
        examples = f" (e.g. {', '.join(firing[:4])})" if firing and coef > 0 else ""
        some = "some " if silent and state == "partly" else ""
        text = f"{'fires for' if coef > 0 else 'is lower for'} {some}{part.label}{examples}"
        if silent and coef > 0 and len(silent) >= len(firing) / 10:
            text += (f", though {len(silent)} of the {len(firing) + len(silent)} I asked stay "
                     f"silent ({', '.join(silent[-4:])})")
        parts.append(text)
    evidence = (f"on {len(verdict.fresh)} fresh words, chosen after the explanation, it predicts "
                f"the activation with r = {verdict.verified_r:.2f}" if verdict.verified_r
                is not None else f"it explains the {len(y)} answers seen with r = {model.r:.2f} "
                "(not checked on fresh words)")
    caveat = (" It is the closest concept I know, and it fits only in part."
              if state == "partly" else "")
    base = float(np.clip(model.coef[0], 0, 1))
    return (f"The neuron {' or '.join(parts)}; other words stay near {base:.2g}. Evidence: "
            f"{evidence}.{caveat} {extremes}")


def _evidence_r(model: Model, verdict: Verdict) -> float:
    return verdict.verified_r if verdict.verified_r is not None else model.r


def _listing(notebook: Notebook, top: bool, count: int = 6) -> str:
    ranked = sorted(notebook.values, key=lambda w: (-notebook.values[w] if top else
                                                    notebook.values[w], w))
    return ", ".join(f"{w} ({notebook.values[w]:.2f})" for w in ranked[:count])


async def _hypothesis(lab: Lab, notebook: Notebook, model: Model, stage: str) -> None:
    words = notebook.words
    preview = [[w, float(p)] for w, p in zip(words, model.predict(words, lab))]
    await notebook.door.hypothesis(_code(lab, notebook, model, Verdict(), True), note=f"{stage}: "
                                   f"{model.title}", preview=preview)


async def _submit(lab: Lab, notebook: Notebook, verdict: Verdict) -> None:
    model = final_model(lab, notebook, verdict)
    description = describe(lab, notebook, model, verdict)
    await notebook.door.say(f"Submitting: {description}")
    await notebook.door.submit(description, _code(lab, notebook, model, verdict,
                                                      standing(lab, notebook, model, verdict) != "none"))
