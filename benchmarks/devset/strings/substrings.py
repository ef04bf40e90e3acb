"""Substrings: find, replace, remove, extract; 'none' where there is nothing to find."""

import re

DOMAIN = "strings"


def first_space_to_dash(s):
    """Replaces the first space with a dash."""
    return s.replace(" ", "-", 1)


def remove_e(s):
    """Removes every lower-case 'e'."""
    return s.replace("e", "")


def index_of_a(s):
    """The index of the first 'a', or -1 when there is none."""
    return str(s.find("a"))


def index_of_e_or_none(s):
    """The index of the first 'e', or 'none' when there is none."""
    i = s.find("e")
    return "none" if i < 0 else str(i)


def position_of_o(s):
    """The 1-based position of the first 'o' in either case, or 'none'."""
    i = s.lower().find("o")
    if i == -1:
        return "none"
    return str(i + 1)


def after_first_space(s):
    """Everything after the first space, or 'none' if there is no space."""
    if " " not in s:
        return "none"
    return s.split(" ", 1)[1]


def before_first_comma(s):
    """Everything before the first comma (the whole string if there is none)."""
    return s.partition(",")[0]


def count_an(s):
    """How many times 'an' occurs (non-overlapping), in digits."""
    return str(s.count("an"))


def replace_last_e(s):
    """Replaces the last 'e' with 'E'."""
    head, sep, tail = s.rpartition("e")
    return head + "E" + tail if sep else s


def inside_parentheses(s):
    """The text inside the first pair of parentheses, or 'none'."""
    m = re.search(r"\(([^)]*)\)", s)
    return m.group(1) if m else "none"


def remove_first_the(s):
    """Removes the first occurrence of 'the'."""
    return s.replace("the", "", 1)


def first_word_with_e(s):
    """The first word containing an 'e', or 'none'."""
    for word in s.split():
        if "e" in word:
            return word
    return "none"


def from_first_vowel(s):
    """The string from its first vowel on, or 'none' if it has no vowel."""
    m = re.search(r"[aeiouAEIOU]", s)
    return s[m.start():] if m else "none"


def first_number(s):
    """The first run of digits, or 'none'."""
    found = re.findall(r"\d+", s)
    return found[0] if found else "none"


def last_space_index(s):
    """The index of the last space, or -1."""
    return str(s.rfind(" "))


def in_to_upper(s):
    """Upper-cases every 'in', in any case."""
    return re.sub("in", "IN", s, flags=re.IGNORECASE)


def remove_between_dashes(s):
    """Removes the text between the first two dashes, dashes included."""
    parts = s.split("-", 2)
    if len(parts) < 3:
        return s
    return parts[0] + parts[2]


def o_to_zero_and_count(s):
    """Replaces each 'o' with '0' and appends the number of replacements."""
    return s.replace("o", "0") + str(s.count("o"))
