"""The primitives a person sees in string data, as steps, predicates and counts.

Nothing here knows of any particular set of hidden functions: the primitives are the
everyday operations on text (case, order, filters by character class, slices, words,
counts, shifts), with their numbers taken over natural ranges; anything more particular (a
literal, a padding character, a substitution table) is learnt from the answers by `learn`.
"""

from __future__ import annotations

import functools

from find_lab.agents.scientist.strings.programs import Pred, Step

# Character classes: (name, membership test of `c`).
CLASSES = (
    ("vowels", 'c in "aeiouAEIOU"'),
    ("consonants", 'c in string.ascii_letters and c not in "aeiouAEIOU"'),
    ("digits", 'c in "0123456789"'),
    ("letters", "c.isalpha()"),
    ("ASCII letters", "c in string.ascii_letters"),
    ("upper-case letters", "c.isupper()"),
    ("lower-case letters", "c.islower()"),
    ("whitespace characters", "c.isspace()"),
    ("spaces", 'c == " "'),
    ("punctuation marks", "c in string.punctuation"),
    ("letters and digits", "c.isalnum()"),
)
COUNTED = ("vowels", "consonants", "digits", "letters", "upper", "lower", "spaces",
           "whitespace", "punctuation", "alphanumerics")
BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">", '"': '"', "'": "'"}
MAX_K = 10       # slices, drops and keeps of up to this many characters
MAX_ROTATE = 5
MAX_REPEAT = 4


def _fixed() -> list[Step]:
    S = Step
    steps = [
        S("s.upper()", "upper-cases the string"),
        S("s.lower()", "lower-cases the string"),
        S("s.swapcase()", "swaps the case of every letter"),
        S("s.capitalize()", "upper-cases the first character and lower-cases the rest"),
        S("s[:1].upper() + s[1:]", "upper-cases the first character, leaving the rest"),
        S("s[:1].swapcase() + s[1:]", "swaps the case of the first character"),
        S("s.title()", "title-cases it (each run of letters capitalised)"),
        S("capitalize_words(s, True)", "capitalises each space-separated word, lower-casing "
          "the rest of it"),
        S("capitalize_words(s, False)", "upper-cases the first character of each "
          "space-separated word"),
        S("alternate_case(s, True)", "alternates case by position, upper first"),
        S("alternate_case(s, False)", "alternates case by position, lower first"),
        S("s[::-1]", "reverses the string"),
        S('" ".join(s.split()[::-1])', "reverses the order of the words (joined by single "
          "spaces)"),
        S('map_words(s, "reverse")', "reverses each word in place"),
        S("reverse_halves(s, True)", "reverses each half in place (an odd middle in the "
          "second)"),
        S("reverse_halves(s, False)", "reverses each half in place (an odd middle in the "
          "first)"),
        S("reverse_vowels(s)", "reverses the order of the vowels"),
        S("s.strip()", "strips whitespace from both ends"),
        S("s.lstrip()", "strips leading whitespace"),
        S("s.rstrip()", "strips trailing whitespace"),
        S('" ".join(s.split())', "collapses whitespace to single spaces and trims the ends"),
        S('re.sub(" +", " ", s)', "collapses runs of spaces into one"),
        S('s[:1]', "keeps the first character"),
        S('s[-1:]', "keeps the last character"),
        S("middle(s, True)", "keeps the middle character (the right one of two)"),
        S("middle(s, False)", "keeps the middle character (the left one of two)"),
        S("s[:len(s) // 2]", "keeps the first half (the shorter one when odd)"),
        S("s[:(len(s) + 1) // 2]", "keeps the first half (the longer one when odd)"),
        S("s[len(s) // 2:]", "keeps the second half (the longer one when odd)"),
        S("s[(len(s) + 1) // 2:]", "keeps the second half (the shorter one when odd)"),
        S("swap_halves(s, True)", "exchanges the two halves (an odd middle in the second)"),
        S("swap_halves(s, False)", "exchanges the two halves (an odd middle in the first)"),
        S("swap_ends(s)", "exchanges the first and the last character"),
        S("swap_pairs(s)", "exchanges neighbouring characters pairwise"),
        S("s + s[::-1]", "appends its reverse"),
        S("s + s[-2::-1]", "appends its reverse without repeating the last character"),
        S("s[::-1] + s", "prefixes its reverse"),
        S('"".join(c * 2 for c in s)', "writes every character twice"),
        S('"".join(sorted(s))', "sorts its characters"),
        S('"".join(sorted(s, reverse=True))', "sorts its characters in reverse"),
        S('"".join(sorted(s, key=str.lower))', "sorts its characters ignoring case"),
        S("distinct(s)", "keeps the first occurrence of each character"),
        S('"".join(sorted(set(s)))', "its distinct characters, sorted"),
        S("collapse_runs(s)", "collapses runs of a repeated character into one"),
        S("run_lengths(s, False)", "writes each run of a character as the character and its "
          "length"),
        S("run_lengths(s, True)", "writes each run of a character as its length and the "
          "character"),
        S("most_common(s)", "keeps its most frequent character (the earliest of ties)"),
        S('pick_word(s, "first")', "keeps the first word"),
        S('pick_word(s, "last")', "keeps the last word"),
        S('pick_word(s, "longest")', "keeps the longest word (the first of ties)"),
        S('pick_word(s, "shortest")', "keeps the shortest word (the first of ties)"),
        S('pick_word(s, "middle")', "keeps the middle word (the later of two)"),
        S("s.split()[1]", "keeps the second word"),
        S("s.split()[2]", "keeps the third word"),
        S("s.split()[-2]", "keeps the last word but one"),
        S('" ".join(s.split()[1:])', "drops the first word"),
        S('" ".join(s.split()[:-1])', "drops the last word"),
        S('" ".join(sorted(s.split()))', "sorts the words"),
        S('" ".join(sorted(s.split(), key=str.lower))', "sorts the words ignoring case"),
        S('" ".join(sorted(s.split(), key=len))', "orders the words by length"),
        S('" ".join(dict.fromkeys(s.split()))', "drops repeated words"),
        S('" ".join(s.split()[1:2] + s.split()[:1] + s.split()[2:])', "exchanges the first "
          "two words"),
        S('"".join(w[:1] for w in s.split())', "keeps the first character of every word"),
        S('"".join(w[:1].upper() for w in s.split())', "the upper-cased first character of "
          "every word"),
        S('map_words(s, "first")', "keeps the first character of each word, in place"),
        S('map_words(s, "last")', "keeps the last character of each word, in place"),
        S('map_words(s, "length")', "writes each word's length in its place"),
        S('map_words(s, "odd upper")', "upper-cases every second word"),
        S('map_words(s, "capitalize")', "capitalises every word (the rest of it lower-cased), "
          "keeping the whitespace"),
        S('map_words(s, "first upper")', "upper-cases the first character of every word, "
          "keeping the whitespace"),
        S('map_words(s, "twice")', "writes every word twice"),
        S('" ".join(w + " " + w for w in s.split())', "writes every word twice (joined by "
          "single spaces)"),
        S("s[:len(s) // 2][::-1] + s[len(s) // 2:]", "reverses the first half (the shorter "
          "one when odd)"),
        S("s[:(len(s) + 1) // 2][::-1] + s[(len(s) + 1) // 2:]", "reverses the first half "
          "(the longer one when odd)"),
        S("s[:len(s) // 2] + s[len(s) // 2:][::-1]", "reverses the second half (the longer "
          "one when odd)"),
        S("s[:(len(s) + 1) // 2] + s[(len(s) + 1) // 2:][::-1]", "reverses the second half "
          "(the shorter one when odd)"),
        S("atbash(s)", "mirrors the alphabet (a<->z, b<->y, ...)"),
        S('" ".join(w[::-1] for w in s.split(" "))', "reverses each space-separated word"),
        S("s.rstrip(string.punctuation)", "strips punctuation from the end"),
        S("s.lstrip(string.punctuation)", "strips punctuation from the start"),
        S("s.strip(string.punctuation)", "strips punctuation from both ends"),
        S("str(int(s) + 1)", "adds one to the number", 1.5),
        S("str(int(s) - 1)", "subtracts one from the number", 1.5),
        S("str(2 * int(s))", "doubles the number", 1.5),
        S('format(int(s), ",")', "groups the number's digits in threes with commas", 1.5),
        S('"".join(str(9 - int(c)) if c in "0123456789" else c for c in s)',
          "replaces every digit d by 9 - d"),
        S('" ".join(str(ord(c)) for c in s)', "writes each character's code, separated by "
          "spaces"),
        S('"-".join(str(ord(c)) for c in s)', "writes each character's code, joined by dashes"),
        S('" ".join(format(ord(c), "x") for c in s)', "writes each character's hexadecimal "
          "code, separated by spaces"),
        S('" ".join(format(ord(c), "02x") for c in s)', "writes each character's hexadecimal "
          "code in two digits at least, separated by spaces"),
        S('"".join(chr(ord(c) ^ 1) if ord(c) < 128 else c for c in s)',
          "flips the lowest bit of each ASCII character's code"),
    ]
    for name, test in CLASSES:
        steps += [
            S(f'"".join(c for c in s if {test})', f"keeps only the {name}"),
            S(f'"".join(c for c in s if not ({test}))', f"removes the {name}"),
            S(f'"".join(c * 2 if {test} else c for c in s)', f"writes the {name} twice"),
            S(f'"".join(c.upper() if {test} else c for c in s)', f"upper-cases the {name}",
              1.2),
            S(f"[c for c in s if {test}][0]", f"keeps the first of the {name}", 1.2),
            S(f"[c for c in s if {test}][-1]", f"keeps the last of the {name}", 1.2),
            S(f"s[next((i for i, c in enumerate(s) if {test}), len(s)):]",
              f"drops everything before the first of the {name}", 1.3),
            S(f"s[:next((i for i, c in enumerate(s) if {test}), len(s))]",
              f"keeps everything before the first of the {name}", 1.3),
        ]
    for k in range(1, MAX_K + 1):
        steps += [S(f"s[:{k}]", f"keeps the first {k} characters"),
                  S(f"s[-{k}:]", f"keeps the last {k} characters"),
                  S(f"s[{k}:]", f"drops the first {k} characters"),
                  S(f"s[:-{k}]", f"drops the last {k} characters")]
    for k in range(1, 4):
        steps.append(S(f"s[{k}:-{k}]", f"drops {k} characters from each end"))
    for k in range(2, 6):
        steps.append(S(f"s[:{k}].upper() + s[{k}:]", f"upper-cases the first {k} characters"))
    steps.append(S(r'(re.findall(r"\d+", s) or [""])[0]', "keeps the first run of digits"))
    steps.append(S(r'" ".join(re.findall(r"\d+", s))', "keeps the runs of digits, joined by "
                                                       "spaces"))
    for k in range(2, 5):
        for start in range(k):
            nth = {2: "other", 3: "third", 4: "fourth"}[k]
            steps.append(S(f"s[{start}::{k}]", f"keeps every {nth} character, starting with "
                                               f"character {start + 1}"))
    for k in range(1, MAX_ROTATE + 1):
        steps += [S(f"rotate(s, {k})", f"moves the first {k} character(s) to the end"),
                  S(f"rotate(s, -{k})", f"moves the last {k} character(s) to the front")]
    for k in range(2, MAX_REPEAT + 1):
        steps.append(S(f"s * {k}", f"writes the string {k} times"))
    for k in range(1, 26):
        steps.append(S(f"caesar(s, {k})", f"shifts every letter {k} place(s) on in the "
                                          "alphabet, wrapping"))
    for k in range(1, 10):
        steps.append(S(f"shift_digits(s, {k})", f"adds {k} to every digit, modulo 10"))
    for k in (-3, -2, -1, 1, 2, 3):
        steps += [S(f"shift_codes(s, {k})", f"adds {k} to every character's code, without "
                                            "wrapping", 1.5),
                  S(f"shift_codes(s, {k}, True)", f"adds {k} to every ASCII letter's code, "
                                                  "without wrapping", 1.5)]
    for k in range(1, 7):
        steps.append(S(f'" ".join(w for w in s.split() if len(w) > {k})',
                       f"keeps the words longer than {k} characters", 1.5))
    return steps


@functools.cache
def fixed_steps() -> tuple[Step, ...]:
    """The steps with no constant to learn, atbash written out as a step of its own."""
    return tuple(_fixed())


def char_steps(chars: list[str]) -> list[Step]:
    """Steps about one character seen in the data: split at it, remove it, keep around it."""
    S, found = Step, []
    for c in chars:
        r = repr(c)
        found += [
            S(f"s.split({r}, 1)[0]", f"keeps what comes before the first {r}", 1.5),
            S(f"s.split({r}, 1)[-1]", f"keeps what comes after the first {r}", 1.5),
            S(f"s.rsplit({r}, 1)[-1]", f"keeps what comes after the last {r}", 1.5),
            S(f"s.rsplit({r}, 1)[0]", f"keeps what comes before the last {r}", 1.5),
            S(f"s.replace({r}, '', 1)", f"removes the first {r}", 1.5),
        ]
        if c in BRACKETS:
            close = repr(BRACKETS[c])
            found.append(S(f"s.split({r}, 1)[-1].split({close}, 1)[0]",
                           f"keeps what comes between the first {r} and the next {close}", 1.5))
    return found


def written_steps(new: list[str], chars: list[str], affixes: list[str]) -> list[Step]:
    """Steps writing what the answers show but the inputs lack: a character put in
    (replacing a class or a character, between characters, at a position) or fixed text."""
    S, found = Step, []
    for c in new:
        r = repr(c)
        found += [S(f"{r}.join(s)", f"puts {r} between every two characters", 1.3),
                  S(f"{r} * len(s)", f"writes {r} once for every character", 1.3)]
        for name, test in CLASSES:
            found.append(S(f'"".join({r} if {test} else c for c in s)',
                           f"replaces the {name} with {r}", 1.3))
        for k in range(1, 7):
            found.append(S(f"s[:{k}] + {r} + s[{k}:]", f"inserts {r} after the first {k} "
                                                       "characters", 1.5))
        for old in chars:
            o = repr(old)
            found.append(S(f"s.replace({o}, {r})", f"replaces every {o} with {r}", 1.5))
            if old.isalpha():
                found.append(S(f"re.sub({o}, lambda _: {r}, s, flags=re.I)", f"replaces every {o}, in "
                                                                   f"either case, with {r}", 1.5))
    for text in affixes:
        r = repr(text)
        found += [S(f"{r} + s", f"prefixes {r}", 1.3), S(f"s + {r}", f"appends {r}", 1.3)]
    return found


def strip_steps(chars: list[str]) -> list[Step]:
    """A character removed from the ends of the string."""
    found = []
    for c in chars:
        r = repr(c)
        found += [Step(f"s.strip({r})", f"strips every {r} from both ends", 1.3),
                  Step(f"s.lstrip({r})", f"strips every {r} from the start", 1.4),
                  Step(f"s.rstrip({r})", f"strips every {r} from the end", 1.4)]
    return found


def features(chars: list[str], grams: list[str] = ()) -> list[tuple[str, str]]:
    """Whole numbers read off a string: (expression of `s`, what it is)."""
    found = [("len(s)", "the number of characters"),
             ("len(s.split())", "the number of words"),
             ("len(set(s))", "the number of different characters"),
             ("digit_sum(s)", "the sum of its digits"),
             ("max(map(len, s.split()), default=0)", "the length of its longest word"),
             ("min(map(len, s.split()), default=0)", "the length of its shortest word"),
             ("sum(map(ord, s))", "the sum of its character codes"),
             ("len(s.splitlines())", "the number of lines")]
    found += [(f'count_class(s, "{name}")', f"the number of {name}") for name in COUNTED]
    for name, test in CLASSES:
        found += [(f"next((i for i, c in enumerate(s) if {test}), -1)",
                   f"the index of the first of the {name} (-1 if none)"),
                  (f"max((i for i, c in enumerate(s) if {test}), default=-1)",
                   f"the index of the last of the {name} (-1 if none)")]
    for c in chars:
        r = repr(c)
        found += [(f"s.count({r})", f"the number of {r}"),
                  (f"s.lower().count({r}.lower())", f"the number of {r} in either case"),
                  (f"s.find({r})", f"the index of the first {r} (-1 if none)"),
                  (f"s.rfind({r})", f"the index of the last {r} (-1 if none)"),
                  (f"index_of(s, {r}, ignore_case=True)", f"the index of the first {r} in "
                                                         "either case (-1 if none)"),
                  (f"len(s) - s.rfind({r})", f"how far from the end the last {r} is")]
    for gram in grams:
        r = repr(gram)
        found += [(f"s.count({r})", f"the number of times {r} occurs"),
                  (f"s.lower().count({r})", f"the number of times {r} occurs in either case"),
                  (f"s.find({r})", f"the index of the first {r} (-1 if none)")]
    return found


def predicates(chars: list[str]) -> list[Pred]:
    """Simple yes/no questions about a string."""
    P = Pred
    found = [
        P("not s", "the string is empty"),
        P("not s.strip()", "the string is blank (empty or only whitespace)"),
        P("len(s) % 2 == 0", "its length is even"),
        P("is_palindrome(s, False)", "it reads the same backwards"),
        P("is_palindrome(s, True)", "its letters and digits read the same backwards, "
                                    "ignoring case", 1.5),
        P("has_double(s)", "some character is immediately repeated"),
        P("len(set(s)) == len(s)", "no character occurs twice"),
        P("list(s) == sorted(s)", "its characters are in order"),
        P("s[:1] == s[-1:]", "its first and last characters are equal (or it is empty)"),
        P("s != '' and s[0] == s[-1]", "its first and last characters are equal"),
        P("s.isdigit()", "it is made only of digits"),
        P("s.isalpha()", "it is made only of letters"),
        P("s.isalnum()", "it is made only of letters and digits"),
        P("s.isupper()", "its letters are all upper case"),
        P("s.islower()", "its letters are all lower case"),
        P("s.istitle()", "it is title-cased"),
        P("count_class(s, 'upper') > count_class(s, 'lower')", "upper-case letters outnumber "
                                                               "lower-case ones"),
    ]
    for name, test in CLASSES:
        found += [P(f"any({test} for c in s)", f"it contains {name}"),
                  P(f"s[:1] != '' and (lambda c: {test})(s[0])", f"it starts with one of the "
                                                                  f"{name}"),
                  P(f"s[-1:] != '' and (lambda c: {test})(s[-1])", f"it ends with one of the "
                                                                    f"{name}")]
    for c in chars:
        if c.isalpha():
            found += [P(f"{c!r} in s.lower()", f"it contains {c!r} in either case", 1.6),
                      P(f"s[:1].lower() == {c!r}", f"it starts with {c!r} in either case", 1.6)]
            continue
        if c in BRACKETS:
            close = repr(BRACKETS[c])
            found.append(P(f"{c!r} in s and {close} in s.split({c!r}, 1)[1]",
                           f"it has a {c!r} closed by a later {close}", 1.5))
        found += [P(f"{c!r} in s", f"it contains {c!r}", 1.5),
                  P(f"s.startswith({c!r})", f"it starts with {c!r}", 1.5),
                  P(f"s.endswith({c!r})", f"it ends with {c!r}", 1.5)]
    return found


# Numbers a predicate may compare with a threshold learnt from the data.
THRESHOLDED = (("len(s)", "its length"), ("len(s.split())", "its number of words"),
               ('count_class(s, "vowels")', "its number of vowels"),
               ('count_class(s, "digits")', "its number of digits"),
               ('count_class(s, "upper")', "its number of upper-case letters"))
