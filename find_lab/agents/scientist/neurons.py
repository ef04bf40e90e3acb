"""The neuron scientist: survey every concept, confirm the ones that fire, map the exceptions.

It works only through the Door. Its world knowledge is the concept lexicon: it knows
which everyday concept and sub-category a word belongs to, and how typical the word is, as a
person knows that "tram" is rail transport. It proceeds as a careful person would: ask two
typical words of every concept (and a few plain words as a baseline); for each concept that
fires, ask words of each of its sub-categories and words of low typicality, to see whether a
sub-category stays silent and whether firing tracks typicality; check the model on fresh
words; submit a word table scaled to the activations it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from find_lab.domains.neurons import WORD
from find_lab.domains.neurons import specs as lexicon_io
from find_lab.experiment import BudgetExhausted, Door
from find_lab.suite import default_root

SURVEY_PER_CONCEPT = 2
BASELINE_WORDS = 6
SURVEY_CALLS = 4
SUB_PROBES = 2        # words asked per sub-category when confirming a concept
GRADE_PROBES = 3      # words outside the sub-categories, spread over typicality
FOLLOW_UP = 3         # more words of a sub-category that looks silent
VERIFY_WORDS = 10
MAX_CANDIDATES = 4
STEER_WORDS = 3
EXAMPLES = 3


@dataclass(frozen=True)
class Lexicon:
    """The scientist's knowledge: concepts with graded members, and plain words."""

    concepts: dict[str, dict]
    concept_of: dict[str, str]
    vocabulary: list[str]

    @classmethod
    def load(cls) -> "Lexicon":
        concepts, vocabulary = lexicon_io.load_lexicon(default_root() / "lexicon")
        by_name = {c["name"]: c for c in concepts}
        concept_of = {w: c["name"] for c in concepts for w in c["members"]}
        return cls(by_name, concept_of, vocabulary)

    def members(self, name: str) -> dict[str, float]:
        return self.concepts[name]["members"]

    def subs(self, name: str) -> dict[str, list[str]]:
        return self.concepts[name].get("subcategories", {})

    def free(self, name: str) -> list[str]:
        """Members in no sub-category, most typical first (the lexicon's order)."""
        taken = {w for words in self.subs(name).values() for w in words}
        return [w for w in self.members(name) if w not in taken]

    def only_in(self, name: str, sub: str) -> list[str]:
        """Words of `sub` that belong to no other sub-category of the concept, then the rest."""
        others = {w for s, words in self.subs(name).items() if s != sub for w in words}
        words = self.subs(name)[sub]
        return [w for w in words if w not in others] + [w for w in words if w in others]


@dataclass
class Notebook:
    """Every answer seen, per word (a human's probes during a takeover included)."""

    door: Door
    values: dict[str, float] = field(default_factory=dict)
    undefined: set[str] = field(default_factory=set)

    async def probe(self, words: list[str]) -> list[str]:
        """Ask the words not asked yet (within the point budget); returns those asked."""
        fresh = list(dict.fromkeys(w for w in words if w not in self.values
                                   and w not in self.undefined and WORD.fullmatch(w)))
        fresh = fresh[:max(0, self.door.points_left)]
        if not fresh:
            return []
        for word, (value, error) in zip(fresh, await self.door.probe(fresh)):
            self._note(word, value, error)
        return fresh

    def sync(self) -> None:
        """Take in what anyone probed through the Door (e.g. a human during a takeover)."""
        for word, value in self.door.observations():
            if isinstance(word, str):
                self._note(word, value, None)

    def _note(self, word: str, value, error) -> None:
        word = lexicon_io.normalise(word)
        try:
            number = float(value) if error is None else float("nan")
        except (TypeError, ValueError):
            number = float("nan")
        if np.isfinite(number):
            self.values[word] = number
        else:
            self.undefined.add(word)


@dataclass
class Reading:
    """What the probes say about one concept."""

    name: str
    firing: list[str]
    silent: list[str]
    excluded: str | None = None
    partial: bool = False
    intercept: float = 0.0
    slope: float = 0.0
    grade_r: float | None = None

    def words(self, lexicon: Lexicon) -> list[str]:
        """Members the neuron is believed to fire for."""
        gone = set(lexicon.subs(self.name)[self.excluded]) if self.excluded else set()
        return [w for w in lexicon.members(self.name) if w not in gone]


@dataclass
class Findings:
    baseline: float = 0.0
    margin: float = float("inf")   # how far from the baseline a word must be to count
    direction: int = 1             # +1: words fire above the baseline; -1: they drop below it
    scale: float = 0.0
    readings: list[Reading] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)  # concepts a human asked about
    plain: list[str] = field(default_factory=list)      # the baseline words of the survey
    calibrated: bool = False

    def fires(self, value: float) -> bool:
        return self.strength(value) > self.margin

    def strength(self, value: float) -> float:
        return self.direction * (value - self.baseline)

    @property
    def threshold(self) -> float:
        return self.baseline + self.direction * self.margin


async def investigate(door: Door, seed: int) -> None:
    lexicon, findings = Lexicon.load(), Findings()
    notebook = Notebook(door)
    rng = np.random.default_rng([seed, 7])
    say = door.say
    try:
        await _survey(notebook, lexicon, findings, rng)
        await _steer(notebook, lexicon, findings)
        if not _read(notebook, lexicon, findings):
            await say("Nothing fired clearly above the baseline, so there is no concept to confirm.")
        else:
            await _hypothesis(notebook, lexicon, findings, "after the survey")
            await _confirm(notebook, lexicon, findings)
            await _steer(notebook, lexicon, findings)
            await _follow_up(notebook, lexicon, findings)
            await _steer(notebook, lexicon, findings)
            await _verify(notebook, lexicon, findings, rng)
    except BudgetExhausted:
        await say("I am out of probe calls, so I submit the best model I have.")
        if not findings.calibrated:
            await _calibrate(notebook, lexicon, findings)
    _read(notebook, lexicon, findings)
    await _submit(door, lexicon, findings, notebook)


# --- steps ------------------------------------------------------------------------------------

async def _survey(notebook: Notebook, lexicon: Lexicon, findings: Findings,
                  rng: np.random.Generator) -> None:
    door = notebook.door
    per_concept = SURVEY_PER_CONCEPT
    if door.points_left < len(lexicon.concepts) * per_concept + BASELINE_WORDS:
        per_concept = 1
    words = [w for name in lexicon.concepts for w in _typical(lexicon, name, per_concept)]
    plain = [lexicon.vocabulary[i] for i in sorted(rng.choice(len(lexicon.vocabulary),
                                                              BASELINE_WORDS, replace=False))]
    room = max(0, door.points_left - len(plain))
    if len(words) > room:
        await door.say(f"My point budget only allows {room} survey words; I ask the first "
                             "concepts and accept that I may miss the rest.")
        words = words[:room]
    await door.say(
        f"I start with a survey: {per_concept} typical word{'s' if per_concept > 1 else ''} from each "
        f"of {len(lexicon.concepts)} everyday concepts (animals, food, vehicles, emotions, "
        f"politics...) and {len(plain)} plain words ({', '.join(plain)}) as a baseline. Words that "
        "fire well above the baseline point to the concepts this neuron cares about.")
    findings.plain = plain
    calls = SURVEY_CALLS if door.calls_left >= SURVEY_CALLS + 3 else \
        max(1, door.calls_left - 2)
    for chunk in np.array_split(np.array(plain + words, dtype=object), calls):
        await notebook.probe([str(w) for w in chunk])
    await _calibrate(notebook, lexicon, findings)


async def _calibrate(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> None:
    """The baseline, the spread of ordinary answers, and how far out a word must be to count."""
    door = notebook.door
    findings.calibrated = True
    notebook.sync()
    values = np.array(list(notebook.values.values()))
    if not len(values):
        await door.say("The function answered none of my survey words.")
        return
    plain_values = [notebook.values[w] for w in findings.plain if w in notebook.values]
    findings.baseline = float(np.median(values))
    findings.scale = float(1.4826 * np.median(np.abs(values - findings.baseline)))
    up, down = float(values.max()) - findings.baseline, findings.baseline - float(values.min())
    findings.direction = 1 if up >= down else -1
    spread = max(up, down)
    if spread <= max(6 * findings.scale, 1e-9):
        findings.margin = float("inf")
        if spread <= 1e-9:
            await door.say(f"Every word gives exactly {findings.baseline:.4g}: nothing stands out.")
            return
        loudest = sorted(notebook.values, key=lambda w: -abs(notebook.values[w] - findings.baseline))
        await door.say(
            f"No word stands out: the answers scatter around {findings.baseline:.3g} (robust spread "
            f"{findings.scale:.2g}) with no clear outliers; the most extreme are "
            f"{', '.join(f'{w} ({notebook.values[w]:.3g})' for w in loudest[:5])}.")
        return
    findings.margin = max(0.25 * spread, 6 * findings.scale)
    fired = sorted((w for w, v in notebook.values.items() if findings.fires(v)),
                   key=lambda w: -findings.strength(notebook.values[w]))
    plain_text = (f"plain words give {min(plain_values):.3g} to {max(plain_values):.3g}"
                  if plain_values else "the plain words gave no answer")
    side = "above" if findings.direction > 0 else "below"
    if findings.direction < 0:
        await door.say("Unusually, the words that stand out go *down* from the baseline, not "
                             "up: I treat a drop as the neuron's response.")
    await door.say(
        f"The baseline is about {findings.baseline:.3g} ({plain_text}); I count a word as responding "
        f"{side} {findings.threshold:.3g}. {len(fired)} of {len(values)} words do: "
        f"{_list(fired, 8, notebook.values)}. They point to: "
        f"{', '.join(_candidates(notebook, lexicon, findings)) or 'no concept I know'}.")


async def _confirm(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> None:
    """For each concept that fired: its sub-categories, and members of low typicality."""
    door = notebook.door
    names = _candidates(notebook, lexicon, findings)
    if len(names) > MAX_CANDIDATES:
        await door.say(f"{len(names)} concepts fired; I confirm the {MAX_CANDIDATES} strongest "
                             f"and leave out {', '.join(names[MAX_CANDIDATES:])}.")
        names = names[:MAX_CANDIDATES]
    plan, words = [], []
    for name in names:
        subs = lexicon.subs(name)
        for sub in subs:
            words += [w for w in lexicon.only_in(name, sub) if w not in notebook.values][:SUB_PROBES]
        words += _spread(lexicon, name, notebook, GRADE_PROBES)
        part = f"{name}: words of its sub-categories ({', '.join(subs)})" if subs else \
            f"{name} (no sub-categories)"
        plan.append(part)
    await door.say(
        "To confirm each candidate I ask more of its members: " + "; ".join(plan) +
        ". For each, less typical members too. A silent sub-category would be an exception; activations "
        "that fall with typicality would mean the neuron is graded.")
    await notebook.probe(words)
    _read(notebook, lexicon, findings)
    for reading in findings.readings:
        await door.say(_reading_text(reading, lexicon, notebook))


async def _follow_up(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> None:
    """A sub-category that looks silent gets a few more words before I call it an exception;
    a concept that fires only in part, with no sub-category to explain it, gets mapped."""
    door = notebook.door
    checked: set[str] = set()
    for _ in range(2):
        exclusions, mapping = [], []
        for reading in findings.readings:
            if reading.excluded and reading.name not in checked:
                checked.add(reading.name)
                more = [w for w in lexicon.only_in(reading.name, reading.excluded)
                        if w not in notebook.values][:FOLLOW_UP]
                exclusions += [(reading, more)] if more else []
            elif reading.partial:
                more = [w for w in lexicon.members(reading.name) if w not in notebook.values]
                mapping += [(reading, more)] if more else []
        if not exclusions and not mapping:
            return
        for reading, words in exclusions:
            await door.say(f"Before I call {reading.excluded} an exception in {reading.name} I "
                                 f"ask {len(words)} more of its words: {', '.join(words)}.")
        room = max(0, door.points_left - VERIFY_WORDS - sum(len(w) for _, w in exclusions))
        for reading, words in mapping:
            words[:] = words[:room // len(mapping)]
            await door.say(
                f"Only part of {reading.name} fires and no sub-category explains which part, so I "
                f"map the concept word by word: {len(words)} more of its members.")
        await notebook.probe([w for _, words in exclusions + mapping for w in words])
        _read(notebook, lexicon, findings)
        for reading in findings.readings:
            await door.say(_reading_text(reading, lexicon, notebook))


async def _verify(notebook: Notebook, lexicon: Lexicon, findings: Findings,
                  rng: np.random.Generator) -> None:
    """Fresh members (excluded ones too) and other words: does the model predict them?"""
    door = notebook.door
    await _hypothesis(notebook, lexicon, findings, "after confirmation")
    pool = sorted({w for r in findings.readings for w in lexicon.members(r.name)
                   if w not in notebook.values})
    count = min(VERIFY_WORDS - 2, len(pool))
    words = [pool[i] for i in sorted(rng.choice(len(pool), count, replace=False))] if count else []
    others = sorted(w for w in lexicon.concept_of if w not in notebook.values
                    and lexicon.concept_of[w] not in {r.name for r in findings.readings})
    words += [others[i] for i in sorted(rng.choice(len(others), 2, replace=False))]
    await door.say(f"Checking the model on {len(words)} fresh words: {', '.join(words)}.")
    asked = await notebook.probe(words)
    predict = _predictor(lexicon, findings, notebook)
    wrong = [w for w in asked if findings.fires(notebook.values[w]) != findings.fires(predict(w))]
    if not asked:
        return
    if not wrong:
        errors = [notebook.values[w] - predict(w) for w in asked]
        await door.say(f"All {len(asked)} behave as predicted (RMS error "
                             f"{float(np.sqrt(np.mean(np.square(errors)))):.3g}): confirmed.")
    else:
        await door.say(
            f"{len(wrong)} of {len(asked)} surprise me: {_list(wrong, 6, notebook.values)}. "
            "I re-read the evidence with them included.")
        _read(notebook, lexicon, findings)
        await _hypothesis(notebook, lexicon, findings, "after verification")


async def _steer(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> None:
    """Acknowledge steering; probe any concept it names; take in a human's probes."""
    door = notebook.door
    for message in await door.checkpoint():
        named = [n for n in _named_concepts(message, lexicon) if n not in findings.requested][:2]
        findings.requested += named
        if named:
            await door.say(f"Noted: \"{message}\". I will check {' and '.join(named)}.")
            words = [w for n in named for w in _typical(lexicon, n, STEER_WORDS)]
            await notebook.probe(words)
            values = ", ".join(f"{w} {notebook.values[w]:.3g}" for w in words if w in notebook.values)
            await door.say(f"{' and '.join(named).capitalize()}: {values or 'no answers'}.")
        else:
            await door.say(f"Noted: \"{message}\". I take it into account in what follows.")
    notebook.sync()


# --- reading the evidence ----------------------------------------------------------------------

def _read(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> bool:
    """Re-derive every concept's reading from all the answers so far; False if none fired."""
    notebook.sync()
    findings.readings = [_reading(name, notebook, lexicon, findings)
                         for name in _candidates(notebook, lexicon, findings)[:MAX_CANDIDATES]]
    return bool(findings.readings)


def _candidates(notebook: Notebook, lexicon: Lexicon, findings: Findings) -> list[str]:
    """Concepts with a firing member, strongest first."""
    best: dict[str, float] = {}
    for word, value in notebook.values.items():
        name = lexicon.concept_of.get(word)
        if name and findings.fires(value):
            best[name] = max(best.get(name, -np.inf), findings.strength(value))
    return sorted(best, key=lambda n: (-best[n], n))


def _reading(name: str, notebook: Notebook, lexicon: Lexicon, findings: Findings) -> Reading:
    members = lexicon.members(name)
    asked = [w for w in members if w in notebook.values]
    firing = [w for w in asked if findings.fires(notebook.values[w])]
    silent = [w for w in asked if w not in firing]
    reading = Reading(name, firing, silent)
    if silent:
        fits = [(sub, words) for sub, words in lexicon.subs(name).items()
                if set(silent) <= set(words) and not set(firing) & set(words)]
        if fits:
            reading.excluded = max(fits, key=lambda s: (sum(w in notebook.values for w in s[1]),
                                                        -len(s[1])))[0]
        else:
            reading.partial = True
    _fit_grades(reading, notebook, lexicon, findings)
    return reading


def _fit_grades(reading: Reading, notebook: Notebook, lexicon: Lexicon, findings: Findings) -> None:
    """Activation = intercept + slope * typicality, fitted on the members that fire."""
    members = lexicon.members(reading.name)
    grades = np.array([members[w] for w in reading.firing])
    values = np.array([notebook.values[w] for w in reading.firing])
    # With too few points to fit, assume the usual: activation proportional to typicality.
    strength = findings.direction * (values - findings.baseline)
    reading.intercept = findings.baseline
    reading.slope = findings.direction * float(np.mean(strength / np.maximum(grades, 0.05)))
    if len(values) >= 3 and np.ptp(grades) > 0:
        slope, intercept = np.polyfit(grades, values, 1)
        if slope * findings.direction > 0:
            reading.intercept, reading.slope = float(intercept), float(slope)
        if np.ptp(values) > 0:
            reading.grade_r = float(findings.direction * np.corrcoef(grades, values)[0, 1])


def _predictor(lexicon: Lexicon, findings: Findings, notebook: Notebook):
    table = _table(lexicon, findings, notebook)
    return lambda word: table.get(lexicon_io.normalise(word), findings.baseline)


def _table(lexicon: Lexicon, findings: Findings, notebook: Notebook) -> dict[str, float]:
    """The predicted activation of every word the model expects to fire."""
    table: dict[str, float] = {}
    for reading in findings.readings:
        members = lexicon.members(reading.name)
        if reading.partial:
            # Only some members fire: those seen firing at their observed level, the unasked
            # ones at the level expected from the share that fired.
            share = len(reading.firing) / max(1, len(reading.firing) + len(reading.silent))
            mean = float(np.mean([notebook.values[w] for w in reading.firing]))
            for word in members:
                if word not in notebook.values:
                    table[word] = findings.baseline + share * (mean - findings.baseline)
            for word in reading.firing:
                table[word] = notebook.values[word]
            continue
        for word in reading.words(lexicon):
            value = reading.intercept + reading.slope * members[word]
            table[word] = findings.baseline + findings.direction * max(0.0, findings.strength(value))
    # Words outside every lexicon concept that fired (a human may have found them).
    for word, value in notebook.values.items():
        if word not in lexicon.concept_of and findings.fires(value):
            table[word] = value
    return table


# --- words and code ---------------------------------------------------------------------------

def _typical(lexicon: Lexicon, name: str, count: int) -> list[str]:
    """The most typical members, preferring words in no sub-category (an excluded
    sub-category must not hide the whole concept)."""
    free = lexicon.free(name)
    rest = [w for w in lexicon.members(name) if w not in free]
    return (free + rest)[:count]


def _spread(lexicon: Lexicon, name: str, notebook: Notebook, count: int) -> list[str]:
    """Members in no sub-category, spread from the middle to the lowest typicality."""
    free = [w for w in lexicon.free(name) if w not in notebook.values]
    if len(free) <= count:
        return free
    picks = np.linspace(len(free) // 3, len(free) - 1, count).round().astype(int)
    return [free[i] for i in dict.fromkeys(picks)]


def _named_concepts(message: str, lexicon: Lexicon) -> list[str]:
    text = message.lower()
    tokens = set(re.findall(r"[a-z]+", text))
    stop = {"and", "of", "the", "a", "an", "or", "to", "in", "on", "for", "with", "ways"}
    named = []
    for name in lexicon.concepts:
        words = {w for w in re.findall(r"[a-z]+", name) if w not in stop}
        stems = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}
        if name in text or tokens & (words | stems):
            named.append(name)
    return named


def _code(lexicon: Lexicon, findings: Findings, notebook: Notebook) -> str:
    table = _table(lexicon, findings, notebook)
    levels: dict[float, list[str]] = {}
    for word, value in sorted(table.items(), key=lambda kv: (-kv[1], kv[0])):
        levels.setdefault(round(value, 3), []).append(word)
    rows = []
    for level, words in levels.items():
        chunks = [" ".join(words[i:i + 10]) for i in range(0, len(words), 10)]
        rows.append(f"    {level!r}: \"{chunks[0]}\"" + "".join(f"\n        \" {c}\"" for c in chunks[1:]))
    body = "LEVELS = {\n" + ",\n".join(rows) + ",\n}\n" if rows else "LEVELS = {}\n"
    return (
        f"# {_title(findings)}\n"
        f"BASELINE = {round(findings.baseline, 4)!r}  # every other word\n"
        "# activation -> the words expected at that level\n"
        f"{body}"
        "VALUE = {w: level for level, words in LEVELS.items() for w in words.split()}\n\n\n"
        "def f(word):\n"
        "    return VALUE.get(str(word).strip().lower(), BASELINE)\n")


def _title(findings: Findings) -> str:
    if not findings.readings:
        return "no concept found: a constant"
    parts = []
    for r in findings.readings:
        part = f"some {r.name}" if r.partial else r.name
        parts.append(part + (f" except {r.excluded}" if r.excluded else ""))
    return " or ".join(parts)


def _examples(words: list[str], lexicon: Lexicon, count: int = EXAMPLES) -> str:
    grade = {w: g for c in lexicon.concepts.values() for w, g in c["members"].items()}
    top = sorted(words, key=lambda w: (-grade.get(w, 0.0), words.index(w)))[:count]
    return ", ".join(top) + ("..." if len(words) > count else "")


def _list(words: list[str], count: int, values: dict[str, float]) -> str:
    shown = ", ".join(f"{w} ({values[w]:.2f})" for w in words[:count])
    return shown + (f" and {len(words) - count} more" if len(words) > count else "") if words else "none"


def _reading_text(reading: Reading, lexicon: Lexicon, notebook: Notebook) -> str:
    name = reading.name
    text = f"{name}: {len(reading.firing)} of {len(reading.firing) + len(reading.silent)} members fire"
    if reading.excluded:
        quiet = [w for w in reading.silent if w in lexicon.subs(name)[reading.excluded]]
        text += (f"; the silent ones ({', '.join(quiet)}) are all {reading.excluded}, and no "
                 f"{reading.excluded} word fires: the sub-category looks excluded")
    elif reading.partial:
        text += (f"; {', '.join(reading.silent[:6])} stay silent and no sub-category explains it, "
                 "so the neuron covers only part of the concept")
    else:
        text += ", every sub-category included"
    if reading.grade_r is not None:
        follows = "tracks" if reading.grade_r > 0.5 else "does not clearly track"
        text += f". Activation {follows} typicality (r = {reading.grade_r:.2f})"
    return text + "."


def describe(lexicon: Lexicon, findings: Findings, notebook: Notebook) -> tuple[str, str]:
    """Plain words for the finding, and the 'domain' note naming an exception."""
    if not findings.readings:
        if not notebook.values:
            return "I could not get any answer from the neuron, so I cannot describe it.", ""
        values = list(notebook.values.values())
        seen = (f"every answer was {findings.baseline:.4g}" if np.ptp(values) <= 1e-9 else
                f"the answers ranged from {min(values):.3g} to {max(values):.3g} around "
                f"{findings.baseline:.3g} with no group of related words standing out")
        covered = len({lexicon.concept_of[w] for w in notebook.values if w in lexicon.concept_of})
        return (f"I found no word that makes this neuron fire: among {len(notebook.values)} words "
                f"from {covered} everyday concepts and plain vocabulary, {seen}. It "
                "may respond to something outside my lexicon; I submit a constant, which "
                "explains nothing.", "")
    groups, notes, graded = [], [], False
    for r in findings.readings:
        if r.partial:
            silent = _examples(r.silent, lexicon)
            groups.append(f"only some {r.name} words ({_examples(r.firing, lexicon)}), not others "
                          f"({silent})")
            continue
        groups.append(f"{r.name} ({_examples(r.words(lexicon), lexicon)})")
        graded = graded or (r.grade_r is not None and r.grade_r > 0.5)
        if r.excluded:
            words = lexicon.subs(r.name)[r.excluded]
            notes.append(f"{r.excluded} words ({_examples(words, lexicon)}) stay silent, "
                         "like unrelated words")
    verb = "Fires for" if findings.direction > 0 else "Drops below its usual level for"
    text = f"{verb} " + " or ".join(g if g.startswith("only") else f"words about {g}" for g in groups)
    if graded:
        text += ", most strongly for the most typical ones"
    if notes:
        text += "; except that " + "; ".join(notes)
    level = max(_table(lexicon, findings, notebook).values(), key=findings.strength)
    peak = "Peak" if findings.direction > 0 else "Lowest"
    text += (f". {peak} activation about {level:.2g}; unrelated words stay near "
             f"{findings.baseline:.2g}.")
    domain = "; ".join(f"{r.excluded} ({r.name}): silent" for r in findings.readings if r.excluded)
    return text, domain


async def _hypothesis(notebook: Notebook, lexicon: Lexicon, findings: Findings,
                      stage: str) -> None:
    door = notebook.door
    note = _title(findings)
    await door.hypothesis(_code(lexicon, findings, notebook), note=f"{stage}: {note}")
    await door.say(f"Leading hypothesis ({stage}): the neuron responds to {note}.")


async def _submit(door: Door, lexicon: Lexicon, findings: Findings,
                  notebook: Notebook) -> None:
    description, domain = describe(lexicon, findings, notebook)
    await door.say(f"Submitting: {description}")
    await door.submit(description, _code(lexicon, findings, notebook), domain=domain)
