"""Steps whose constants are read off the answers, as a person reads them.

Each learner takes the strings a last step would receive (`ms`) and the answers (`ys`) and
returns the steps, with their constants filled in, that turn every one into the other: a
literal written around the string, a padding, a per-character substitution, a separator, a
replaced substring, a count written in digits or words. Every step returned has been checked
on every pair.
"""

from __future__ import annotations

import functools
import re
import string

from find_lab.agents.scientist.strings import helpers
from find_lab.agents.scientist.strings.library import features
from find_lab.agents.scientist.strings.programs import ERROR, Step, compiled

MAX_WORDS_NUMBER = 2000    # number words are recognised up to this
MAX_NUMBER_TEXT = 80       # longer answers are not read as numbers
MAX_TABLE = 60             # entries of a learnt substitution table
CASES = (("", lambda t: t), (".capitalize()", str.capitalize), (".upper()", str.upper),
         (".title()", str.title))
KEYS = (("len(s)", "the string's length"),
        ('ord((s or " ")[0])', "the code of the first character"),
        ('ord((s or " ")[-1])', "the code of the last character"),
        ('letter_index((s or " ")[0])', "the alphabet position of the first letter (a = 0)"),
        ('letter_index((s or " ")[-1])', "the alphabet position of the last letter (a = 0)"),
        ('ord((s + "  ")[1])', "the code of the second character"),
        ('count_class(s, "vowels")', "the number of vowels"))


def _holds(step: Step, ms, ys) -> bool:
    try:
        return all(step.func(m) == y for m, y in zip(ms, ys))
    except Exception:
        return False


def _checked(candidates, ms, ys) -> list[Step]:
    return [step for step in dict.fromkeys(candidates) if _holds(step, ms, ys)]


def affix(ms, ys) -> list[Step]:
    """y = L + m + R, with L and R fixed."""
    found = []
    for m, y in zip(ms, ys):
        if not m:
            continue
        pos = y.find(m)
        for _ in range(3):
            if pos < 0:
                break
            left, right = y[:pos], y[pos + len(m):]
            if left or right:
                found.append(Step(f"{left!r} + s + {right!r}", _affix_phrase(left, right),
                                  1.0 + 0.1 * len(left + right)))
            pos = y.find(m, pos + 1)
        break
    return _checked(found, ms, ys)


def _affix_phrase(left: str, right: str) -> str:
    if left and right:
        return f"writes {left!r} before it and {right!r} after it"
    return f"prefixes {left!r}" if left else f"appends {right!r}"


def pad(ms, ys) -> list[Step]:
    """Justified in a field of fixed width with a fill character, or zero-filled."""
    longer = [(m, y) for m, y in zip(ms, ys) if len(y) > len(m)]
    if not longer:
        return []
    width = len(longer[0][1])
    if any(len(y) != width for _, y in longer):
        return []
    m, y = longer[0]
    found = [Step(f"s.zfill({width})", f"zero-fills it to {width} characters")]
    for fill in dict.fromkeys((y[0], y[-1])):
        f = repr(fill)
        found += [Step(f"s.rjust({width}, {f})", f"right-aligns it in {width} characters, "
                                                 f"padding with {f}"),
                  Step(f"s.ljust({width}, {f})", f"left-aligns it in {width} characters, "
                                                 f"padding with {f}"),
                  Step(f"s.center({width}, {f})", f"centres it in {width} characters, "
                                                  f"padding with {f}")]
    return _checked(found, ms, ys)


def char_map(ms, ys) -> list[Step]:
    """Length-kept answers: a shift (fixed, keyed on the string, or by position) or a
    substitution table."""
    if any(len(m) != len(y) for m, y in zip(ms, ys)) or ms == ys:
        return []
    pairs = [(i, j, a, b) for i, (m, y) in enumerate(zip(ms, ys)) for j, (a, b) in
             enumerate(zip(m, y))]
    found = []
    letters = [(i, j, a, b) for i, j, a, b in pairs if a in string.ascii_letters and
               b in string.ascii_letters and a != b]
    if letters:
        i0, j0, a, b = letters[0]
        k = (ord(b.lower()) - ord(a.lower())) % 26
        for test, name in (("c.islower()", "lower-case"), ("c.isupper()", "upper-case")):
            found.append(Step(f'"".join(caesar(c, {k}) if {test} else c for c in s)',
                              f"shifts every {name} letter {k} place(s) on, wrapping"))
        for key, said in KEYS:
            try:
                base = compiled(key)(ms[i0])
            except Exception:
                continue
            offset = (k - base) % 26
            tail = f" + {offset}" if offset else ""
            shift = f"{said}{tail.replace(' + ', ' plus ')}"
            found += [Step(f"caesar(s, {key}{tail})", f"shifts every letter on by {shift}, "
                           "wrapping", 1.5),
                      Step(f'(lambda k: "".join(caesar(c, k) if c.islower() else c for c in s))'
                           f"({key}{tail})", f"shifts every lower-case letter on by {shift}, "
                           "wrapping", 1.6)]
        offset = (k - j0) % 26
        for test, name in (("True", "letter"), ("c.islower()", "lower-case letter")):
            cond = "" if test == "True" else f" if {test} else c"
            found.append(Step(f'"".join(caesar(c, i + {offset}){cond} for i, c in '
                              "enumerate(s))", f"shifts every {name} on by its position "
                              f"(the first by {offset}), wrapping", 1.5))
    changed = [(a, b) for _, _, a, b in pairs if a != b]
    if changed:
        a, b = changed[0]
        k = ord(b) - ord(a)
        found += [Step(f"shift_codes(s, {k})", f"adds {k} to every character's code", 1.5),
                  Step(f"shift_codes(s, {k}, True)", f"adds {k} to every ASCII letter's code",
                       1.5)]
    found += _tables(pairs)
    return _checked(found, ms, ys)


def _tables(pairs) -> list[Step]:
    table: dict[str, str] = {}
    for _, _, a, b in pairs:
        if table.setdefault(a, b) != b:
            return []
    moved = {a: b for a, b in table.items() if a != b}
    if not moved or len(moved) > MAX_TABLE:
        return []
    both = dict(moved)
    for a, b in moved.items():
        for other in {a.lower(), a.upper()} - {a}:
            if len(other) == 1 and other not in table:
                both[other] = b if not b.isalpha() else (b.upper() if other.isupper() else
                                                         b.lower())
    found = []
    for entries in (moved, both):
        mapping = {ord(a): b for a, b in sorted(entries.items())}
        listed = ", ".join(f"{a!r}->{b!r}" for a, b in sorted(entries.items()))
        found.append(Step(f"s.translate({mapping!r})", f"replaces characters by the table "
                          f"{listed}", 1.1 + 0.3 * len(entries)))
    return found


PLURAL = {"word": "the words", "character": "the characters",
          "run of letters and digits": "the runs of letters and digits",
          "run of ASCII letters and digits": "the runs of ASCII letters and digits"}


def joined(ms, ys) -> list[Step]:
    """The words (or the characters) each wrapped in fixed text, joined by a separator."""
    found = []
    runs, ascii_runs = re.compile(r"[^\W_]+"), re.compile(r"[A-Za-z0-9]+")
    for unit, split in (("word", lambda t: t.split()), ("character", list),
                        ("run of letters and digits", runs.findall),
                        ("run of ASCII letters and digits", ascii_runs.findall)):
        sample = next(((m, y) for m, y in zip(ms, ys) if len(split(m)) >= 2), None)
        if sample is None:
            continue
        m, y = sample
        parts = split(m)
        start = y.find(parts[0])
        if start < 0:
            continue
        left, end = y[:start], start + len(parts[0])
        nxt = y.find(left + parts[1], end)
        if nxt < 0:
            continue
        gap = y[end:nxt]
        source = {"word": "s.split()", "character": "s",
                  "run of letters and digits": 're.findall(r"[^\\W_]+", s)'}.get(
            unit, 're.findall(r"[A-Za-z0-9]+", s)')
        for cut in range(len(gap) + 1):
            right, sep = gap[:cut], gap[cut:]
            if left or right:
                expr = f"{sep!r}.join({left!r} + w + {right!r} for w in {source})"
                said = f"writes each {unit} as {left!r} + it + {right!r}, joined by {sep!r}"
            else:
                expr, said = f"{sep!r}.join({source})", f"joins {PLURAL[unit]} with {sep!r}"
            found.append(Step(expr, said, 1.2 + 0.1 * len(gap + left)))
    return _checked(found, ms, ys)


def repeated(ms, ys) -> list[Step]:
    """The string written k times with a separator."""
    for m, y in zip(ms, ys):
        if m and y.startswith(m) and len(y) > len(m):
            nxt = y.find(m, len(m))
            if nxt < 0:
                return []
            sep = y[len(m):nxt]
            times = (len(y) + len(sep)) // (len(m) + len(sep))
            step = Step(f"{sep!r}.join([s] * {times})", f"writes it {times} times, separated "
                                                        f"by {sep!r}", 1.3)
            return _checked([step], ms, ys)
    return []


def replaced(ms, ys, after=lambda t: t) -> list[Step]:
    """A substring replaced by another (every, the first or the last occurrence); with
    `after`, one that `after` (a case change) then turns into the answers."""
    sample = next(((m, y) for m, y in zip(ms, ys) if after(m) != y), None)
    if sample is None:
        return []
    m, y = sample
    seen = after(m)
    at = next((i for i, (a, b) in enumerate(zip(seen, y)) if a != b), min(len(m), len(y)))
    found = []
    for start in range(max(0, at - 2), at + 1):
        for size in range(1, 5):
            old = m[start:start + size]
            if len(old) < size:
                break
            for new_size in range(0, 5):
                new = y[start:start + new_size]
                if len(new) < new_size:
                    break
                found += _replacements(old, new, ms, ys, after)
    return list(dict.fromkeys(found))  # each already holds on every pair


def _replacements(old: str, new: str, ms, ys, after) -> list[Step]:
    """The replacements of `old` by `new` that hold on every pair, tried natively first
    (this runs for every class of first steps)."""
    o, n = repr(old), repr(new)
    ways = [(lambda t: t.replace(old, new), f"s.replace({o}, {n})", f"replaces every {o} with "
             f"{n}", 1.3),
            (lambda t: t.replace(old, new, 1), f"s.replace({o}, {n}, 1)", f"replaces the first "
             f"{o} with {n}", 1.5),
            (lambda t: new.join(t.rsplit(old, 1)), f"{n}.join(s.rsplit({o}, 1))",
             f"replaces the last {o} with {n}", 1.5)]
    if old.isalpha():
        pattern = re.compile(re.escape(old), re.I)
        ways.append((lambda t: pattern.sub(lambda _: new, t), f"re.sub({re.escape(old)!r}, "
                     f"lambda _: {n}, s, flags=re.I)", f"replaces every {o}, in either case, "
                     f"with {n}", 1.5))
    return [Step(expr, said, cost) for run, expr, said, cost in ways
            if all(after(run(m)) == y for m, y in zip(ms, ys))]


def deleted(ms, ys) -> list[Step]:
    """Some characters removed wherever they occur, the rest kept in order."""
    gone, kept = set(), set()
    for m, y in zip(ms, ys):
        it = iter(m)
        if not all(c in it for c in y):  # y is not a subsequence of m
            return []
        kept |= set(y)
        gone |= set(m) - set(y)
    if not gone or gone & kept or len(gone) > MAX_TABLE:
        return []
    found = []
    for chars in (gone, gone | {c.swapcase() for c in gone if c.isalpha()} - kept):
        text = "".join(sorted(chars))
        found.append(Step(f'"".join(c for c in s if c not in {text!r})',
                          f"removes every one of {text!r}", 1.0 + 0.3 * len(chars)))
    return _checked(found, ms, ys)


# --- numbers --------------------------------------------------------------------------------


@functools.cache
def _word_numbers() -> dict[str, list[tuple[int, str]]]:
    """Number words of every style, read back: text -> [(n, format expression of V)]."""
    table: dict[str, list[tuple[int, str]]] = {}
    for joiner in (" ", "-"):
        for use_and in (False, True):
            for case, apply in CASES:
                fmt = f"number_words(V, {joiner!r}{', True' if use_and else ''}){case}"
                for n in range(MAX_WORDS_NUMBER):
                    text = apply(helpers.number_words(n, joiner, use_and))
                    table.setdefault(text, []).append((n, fmt))
    return table


def _readings(core: str) -> list[tuple[int, str]]:
    """The numbers `core` may be written as, with the format that writes them."""
    found = []
    if len(core) > MAX_NUMBER_TEXT:
        return found
    if re.fullmatch(r"-?\d+", core):
        found.append((int(core), "str(V)"))
    if re.fullmatch(r"[01]+", core):
        found.append((int(core, 2), 'format(V, "b")'))
    if re.fullmatch(r"[MDCLXVI]+", core):
        found.append((_from_roman(core), "roman(V)"))
    return found + _word_numbers().get(core, [])


def _from_roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _common_affix(ys, dash: bool = False) -> tuple[str, str]:
    """The fixed non-alphanumeric text every answer starts and ends with (a leading '-' is
    taken for a minus sign unless `dash`)."""
    first, last = min(ys), max(ys)
    head = 0
    while head < len(first) and first[head] == last[head] and not first[head].isalnum() \
            and (dash or first[head] != "-"):
        head += 1
    rest = [y[head:] for y in ys]
    rev = [y[::-1] for y in rest]
    a, b = min(rev), max(rev)
    tail = 0
    while tail < len(a) and a[tail] == b[tail] and not a[tail].isalnum():
        tail += 1
    return ys[0][:head], (rest[0][len(rest[0]) - tail:] if tail else "")


def looks_numeric(ys) -> bool:
    """The answers read as numbers once fixed text around them is set aside, all but
    those written as one fixed word."""
    return any(_numeric([y[len(left):len(y) - len(right)] for y in ys])
               for left, right in (_common_affix(ys), _common_affix(ys, True)))


def _numeric(cores) -> bool:
    unread = {c for c in cores if not _readings(c)}
    return len(unread) <= 1 and len(cores) - sum(c in unread for c in cores) >= 2


def numbers(ms, ys, chars=(), grams=()) -> list[Step]:
    """A count, length or index of the string, written as digits, words, binary or Roman
    numerals, maybe with fixed text around it and one value written specially ('none')."""
    found = []
    for left, right in dict.fromkeys((_common_affix(ys), _common_affix(ys, True))):
        cores = [y[len(left):len(y) - len(right)] for y in ys]
        found += _numbers(ms, ys, chars, grams, left, right, cores)
    return found


def _numbers(ms, ys, chars, grams, left, right, cores) -> list[Step]:
    if not _numeric(cores):
        return []
    readings = [_readings(c) for c in cores]
    formats = sorted({fmt for r in readings for _, fmt in r}, key=len)
    found = []
    for expr, said in features(list(chars), list(grams)) + _positions(ms, readings):
        values = [_value(expr, m) for m in ms]
        if ERROR in values:
            continue
        for fmt in formats:
            step = _numbered(expr, said, fmt, values, readings, cores, left, right)
            if step:
                found.append(step)
        if len(found) > 8:
            break
    return _checked(found, ms, ys)


@functools.lru_cache(maxsize=1 << 18)
def _value(expr: str, m: str):
    """A feature of one string (the same strings recur across every class and subset)."""
    try:
        return compiled(expr)(m)
    except Exception:
        return ERROR


def _positions(ms, readings) -> list[tuple[str, str]]:
    """Where a substring first occurs, for the substrings found at the positions answered."""
    subs: dict[str, None] = {}
    for m, r in zip(ms, readings):
        for n, _ in r[:1]:
            for start in (n, n - 1):
                for size in (2, 3, 4):
                    if 0 <= start and start + size <= len(m):
                        subs[m[start:start + size]] = None
    found = []
    for sub in list(subs)[:12]:
        r = repr(sub)
        found += [(f"s.find({r})", f"the index of the first {r} (-1 if none)"),
                  (f"s.count({r})", f"the number of times {r} occurs")]
    return found


def _numbered(expr, said, fmt, values, readings, cores, left, right) -> Step | None:
    """The step writing `expr` in `fmt`, if the values fit the readings (with at most one
    value written as a fixed word, and possibly scaled and shifted)."""
    for scale, shift in _affine(values, readings, fmt):
        misses = {(scale * v + shift, c) for v, r, c in zip(values, readings, cores)
                  if (scale * v + shift, fmt) not in r}
        if len(misses) > 1 or len(misses) == len(values):
            continue
        number = expr if (scale, shift) == (1, 0) else \
            f"{scale} * {expr}{f' + {shift}' if shift > 0 else f' - {-shift}' if shift else ''}"
        if misses:
            (special_value, word), = misses
            text = f"{word!r} if (n := {number}) == {special_value} else {fmt.replace('V', 'n')}"
        else:
            text = fmt.replace("V", number)
        if left or right:
            text = f"{left!r} + ({text}) + {right!r}"
        how = {"str(V)": "in digits", 'format(V, "b")': "in binary",
               "roman(V)": "in Roman numerals"}.get(fmt, "in English words")
        scaled = "" if (scale, shift) == (1, 0) else f" (times {scale}, plus {shift})"
        special = f", or {word!r} for {special_value}" if misses else ""
        frame = f" between {left!r} and {right!r}" if left or right else ""
        return Step(text, f"writes {said}{scaled} {how}{special}{frame}",
                    1.0 + 0.5 * bool(misses) + 0.5 * ((scale, shift) != (1, 0)))
    return None


def _affine(values, readings, fmt):
    """(1, 0), then the scale and shift two readings imply, if small."""
    yield 1, 0
    known = [(v, n) for v, r in zip(values, readings) for n, f in r if f == fmt]
    other = next((b for b in known[1:] if b[0] != known[0][0]), None)
    if other:
        (v1, n1), (v2, n2) = known[0], other
        if (n2 - n1) % (v2 - v1) == 0:
            scale = (n2 - n1) // (v2 - v1)
            shift = n1 - scale * v1
            if (scale, shift) != (1, 0) and 1 <= abs(scale) <= 10 and abs(shift) <= 10:
                yield scale, shift


def template(ms, ys) -> list[Step]:
    """Several numbers in fixed text ('3v5c', 'len=4;words=1'): each number found on its
    own, the text between them kept."""
    split = [re.split(r"(\d+)", y) for y in ys]
    if any(len(parts) != len(split[0]) for parts in split) or len(split[0]) < 5:
        return []
    if any(parts[0::2] != split[0][0::2] for parts in split):
        return []
    pieces, said = [], []
    for slot in range(len(split[0])):
        if slot % 2 == 0:
            if split[0][slot]:
                pieces.append(repr(split[0][slot]))
            continue
        steps = numbers(ms, tuple(parts[slot] for parts in split))
        if not steps:
            return []
        pieces.append(f"({steps[0].expr})")
        said.append(steps[0].phrase.removeprefix("writes "))
    step = Step(" + ".join(pieces), "writes " + " and ".join(said) + " in fixed text "
                f"({ys[0]!r} for {ms[0]!r})", 1.5 + 0.5 * len(said))
    return _checked([step], ms, ys)


LEARNERS = (affix, pad, char_map, joined, repeated, replaced, deleted, template)
