"""Lookups: positions, markers, counts, targeted removals and small extractions inside a string."""

import re

DOMAIN = "strings"

VOWELS = "aeiouAEIOU"


def index_of_x_or_minus_one(s):
    """The 0-based index of the first 'x', or -1 when there is none."""
    return str(s.find("x"))


def last_index_of_a(s):
    """The 0-based index of the last 'a', or 'not found'."""
    i = s.rfind("a")
    return "not found" if i == -1 else str(i)


def one_based_position_of_t(s):
    """The 1-based position of the first 't' (lower-case only), or 0 when there is none."""
    for i, c in enumerate(s):
        if c == "t":
            return str(i + 1)
    return "0"


def position_of_s_from_right(s):
    """How far from the end the last 's' is (1 for the final character), or 'none'."""
    i = s.rfind("s")
    if i < 0:
        return "none"
    return str(len(s) - i)


def index_of_th(s):
    """The 0-based index of the first 'th', ignoring case, or an empty string."""
    i = s.lower().find("th")
    return "" if i < 0 else str(i)


def before_colon(s):
    """The text before the first ':', or the whole string when there is no ':'."""
    return s.split(":", 1)[0]


def after_last_equals(s):
    """The text after the last '=', or 'none'."""
    if "=" not in s:
        return "none"
    return s.rsplit("=", 1)[1]


def email_domain(s):
    """The part after the last '@', or 'none' when there is no '@'."""
    head, sep, tail = s.rpartition("@")
    return tail if sep else "none"


def between_first_two_commas(s):
    """The text between the first and second commas, or 'none' if there are fewer than two."""
    parts = s.split(",")
    if len(parts) < 3:
        return "none"
    return parts[1]


def after_last_slash(s):
    """Everything after the last '/', or the whole string."""
    return s[s.rfind("/") + 1:]


def before_last_dash(s):
    """Everything before the last '-', or the whole string when there is no '-'."""
    i = s.rfind("-")
    return s if i == -1 else s[:i]


def extension(s):
    """The text after the last '.', or 'none' when there is no '.'."""
    m = re.search(r"\.([^.]*)$", s)
    return m.group(1) if m else "none"


def count_aa_overlapping(s):
    """How many times 'aa' occurs, counting overlaps."""
    n = 0
    for i in range(len(s) - 1):
        if s[i:i + 2] == "aa":
            n += 1
    return str(n)


def count_the_ignoring_case(s):
    """How many non-overlapping times 'the' occurs, ignoring case."""
    return str(s.lower().count("the"))


def count_ana_overlapping(s):
    """How many times 'ana' occurs, overlaps included."""
    return str(len(re.findall(r"(?=ana)", s)))


def remove_every_and(s):
    """Removes every 'and', ignoring case."""
    return re.sub("and", "", s, flags=re.IGNORECASE)


def remove_last_is(s):
    """Removes the last occurrence of 'is' (case-sensitive)."""
    i = s.rfind("is")
    if i == -1:
        return s
    return s[:i] + s[i + 2:]


def replace_first_cat_with_dog(s):
    """Replaces the first 'cat' with 'dog'."""
    return s.replace("cat", "dog", 1)


def replace_every_o_with_0_ignoring_case(s):
    """Replaces every 'o' and 'O' with '0'."""
    return "".join("0" if c in "oO" else c for c in s)


def third_word(s):
    """The third space-separated word, or 'none'."""
    words = s.split()
    return words[2] if len(words) >= 3 else "none"


def last_word_with_r(s):
    """The last word containing an 'r' (either case), or an empty string."""
    found = ""
    for w in s.split():
        if "r" in w.lower():
            found = w
    return found


def last_vowel(s):
    """The last vowel, or 'none'."""
    for c in reversed(s):
        if c in VOWELS:
            return c
    return "none"


def first_digit(s):
    """The first ASCII digit, or 'none'."""
    m = re.search(r"[0-9]", s)
    return m.group() if m else "none"


def index_of_first_upper(s):
    """The 0-based index of the first upper-case letter, or -1."""
    return next((str(i) for i, c in enumerate(s) if c.isupper()), "-1")


def between_equals_and_semicolon(s):
    """The text between the first '=' and the next ';' after it, or 'none'."""
    i = s.find("=")
    if i < 0:
        return "none"
    j = s.find(";", i + 1)
    if j < 0:
        return "none"
    return s[i + 1:j]
