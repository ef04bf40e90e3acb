"""Duplication and swaps: repeating, rotating and exchanging parts of the string."""

import re

DOMAIN = "strings"


def double(s):
    """The string written twice."""
    return s + s


def triple_with_dashes(s):
    """The string three times, joined with dashes."""
    return "-".join([s] * 3)


def double_each_character(s):
    """Writes every character twice."""
    return "".join(c * 2 for c in s)


def swap_first_last(s):
    """Exchanges the first and the last character."""
    if len(s) < 2:
        return s
    return s[-1] + s[1:-1] + s[0]


def swap_halves(s):
    """Exchanges the two halves (the middle character of an odd length goes with the second)."""
    half = len(s) // 2
    return s[half:] + s[:half]


def swap_adjacent_pairs(s):
    """Exchanges characters pairwise: 'abcde' becomes 'badce'."""
    chars = list(s)
    for i in range(0, len(chars) - 1, 2):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def rotate_left_one(s):
    """Moves the first character to the end."""
    return s[1:] + s[:1]


def rotate_right_two(s):
    """Moves the last two characters to the front."""
    return s[-2:] + s[:-2] if len(s) > 2 else s


def mirror(s):
    """The string followed by its reverse."""
    return s + s[::-1]


def stutter_first(s):
    """Writes the first character three times before the string."""
    return s[:1] * 3 + s


def repeat_last_word(s):
    """Appends the last word again after a space."""
    words = s.split()
    if not words:
        return s
    return s + " " + words[-1]


def interleave_with_reverse(s):
    """Alternates the characters of the string with those of its reverse."""
    return "".join(a + b for a, b in zip(s, reversed(s)))


def digits_to_end(s):
    """Moves the digits to the end, keeping the order within each part."""
    return re.sub(r"\d", "", s) + "".join(re.findall(r"\d", s))


def echo_vowels(s):
    """Writes every vowel twice."""
    return re.sub(r"([aeiouAEIOU])", r"\1\1", s)


def swap_first_two_words(s):
    """Exchanges the first two words (words split on whitespace, joined by single spaces)."""
    w = s.split()
    if len(w) >= 2:
        w[0], w[1] = w[1], w[0]
    return " ".join(w)


def reverse_each_half(s):
    """Reverses the first half and the second half separately."""
    h = len(s) // 2
    return s[:h][::-1] + s[h:][::-1]


def repeat_by_position(s):
    """Repeats the i-th character i + 1 times (capped at the first 12 characters)."""
    return "".join(c * (i + 1) for i, c in enumerate(s[:12]))


def swap_case_pairs(s):
    """Exchanges every 'a' with 'b' and every 'b' with 'a'."""
    return s.translate(str.maketrans("abAB", "baBA"))
