"""Substrings: positions of a substring or letter (or 'none' / '-1' when missing), text before
or after a marker, removal and counting of substrings."""

import re

DOMAIN = "strings"


def index_of_an(s):
    """The index of the first 'an', or '-1' when absent."""
    return str(s.find("an"))


def index_of_space_or_none(s):
    """The index of the first space, or 'none' when there is no space."""
    i = s.find(" ")
    return "none" if i < 0 else str(i)


def last_index_of_e(s):
    """The index of the last 'e' (lowercase), or '-1'."""
    return str(s.rfind("e"))


def first_digit_position(s):
    """The 1-based position of the first ASCII digit, or '0' when there is none."""
    for i, c in enumerate(s):
        if c in "0123456789":
            return str(i + 1)
    return "0"


def first_vowel(s):
    """The first vowel (either case) in the text, or 'none'."""
    m = re.search(r"[aeiouAEIOU]", s)
    return m.group(0) if m else "none"


def before_first_colon(s):
    """The text before the first ':' (the whole text when there is none)."""
    return s.partition(":")[0]


def after_first_space(s):
    """The text after the first space with further leading spaces removed (the whole text when there is no space)."""
    head, sep, tail = s.partition(" ")
    return tail.lstrip(" ") if sep else s


def after_last_slash(s):
    """The text after the last '/' (the whole text when there is none)."""
    return s.rsplit("/", 1)[-1]


def before_last_dot(s):
    """The text before the last '.', or the whole text when there is no dot."""
    i = s.rfind(".")
    return s if i < 0 else s[:i]


def between_first_last_e(s):
    """The text strictly between the first and the last lowercase 'e', or 'none' when there are fewer than two."""
    first, last = s.find("e"), s.rfind("e")
    return s[first + 1:last] if first != last else "none"


def remove_ing(s):
    """Remove every occurrence of 'ing'."""
    return s.replace("ing", "")


def remove_first_the(s):
    """Remove only the first occurrence of 'the' (lowercase)."""
    return s.replace("the", "", 1)


def remove_char_at_three(s):
    """Remove the character at index 3 (unchanged when shorter)."""
    return s[:3] + s[4:]


def count_of_th(s):
    """The number of non-overlapping 'th' occurrences (case-insensitive), as digits."""
    return str(s.lower().count("th"))


def count_adjacent_pairs(s):
    """The number of positions where a character equals the next one (overlapping, so 'aaa' counts 2), as digits."""
    return str(sum(1 for i in range(len(s) - 1) if s[i] == s[i + 1]))


def positions_of_l(s):
    """The indices of every 'l' or 'L', joined with ',', or 'none'."""
    idx = [str(i) for i, c in enumerate(s) if c in "lL"]
    return ",".join(idx) if idx else "none"


def first_word_containing_o(s):
    """The first whitespace-separated word that contains 'o', or '-'."""
    for w in s.split():
        if "o" in w:
            return w
    return "-"


def longest_digit_run(s):
    """The longest run of consecutive ASCII digits (the first when tied), or 'none'."""
    runs = re.findall(r"[0-9]+", s)
    if not runs:
        return "none"
    return max(runs, key=len)


def up_to_first_repeat(s):
    """The prefix before the first character that has already appeared."""
    seen = set()
    for i, c in enumerate(s):
        if c in seen:
            return s[:i]
        seen.add(c)
    return s


def text_between_first_two_spaces(s):
    """The text between the first and second spaces, or 'none' when there are fewer than two spaces."""
    parts = s.split(" ")
    return parts[1] if len(parts) >= 3 else "none"
