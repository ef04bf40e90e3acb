"""Pipelines: two or three simple steps composed in a fixed order."""

import re
import string

DOMAIN = "strings"

VOWELS = "aeiouAEIOU"


def _shift(s, k):
    """Shifts ASCII letters k places with wrap-around."""
    lo, up = string.ascii_lowercase, string.ascii_uppercase
    k %= 26
    return s.translate(str.maketrans(lo + up, lo[k:] + lo[:k] + up[k:] + up[:k]))


def strip_then_title_then_bracket(s):
    """Strips surrounding whitespace, title-cases, then wraps in square brackets."""
    return "[" + s.strip().title() + "]"


def lower_then_drop_spaces_then_reverse(s):
    """Lower-cases, removes spaces, then reverses."""
    return s.lower().replace(" ", "")[::-1]


def upper_then_first_four(s):
    """Upper-cases, then keeps the first four characters."""
    return s.upper()[:4]


def drop_first_two_then_reverse(s):
    """Drops the first two characters, then reverses the rest."""
    return s[2:][::-1]


def reverse_then_last_three(s):
    """Reverses, then keeps the last three characters."""
    return s[::-1][-3:]


def remove_punctuation_then_lower(s):
    """Removes ASCII punctuation, then lower-cases."""
    return "".join(c for c in s if c not in string.punctuation).lower()


def spaces_to_plus_then_append_length(s):
    """Replaces spaces with '+', then appends the length."""
    t = s.replace(" ", "+")
    return t + str(len(t))


def prepend_length_then_reverse(s):
    """Puts the length in front, then reverses everything."""
    return (str(len(s)) + s)[::-1]


def dedupe_then_sort(s):
    """Keeps the first occurrence of each character, then sorts them."""
    return "".join(sorted(dict.fromkeys(s)))


def sort_then_dedupe_then_upper(s):
    """Sorts the characters, removes repeats, then upper-cases."""
    out = []
    for c in sorted(s):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out).upper()


def caesar_one_then_reverse(s):
    """Shifts letters one place on, then reverses."""
    return _shift(s, 1)[::-1]


def remove_vowels_then_caesar_two(s):
    """Removes vowels, then shifts the remaining letters two places on."""
    return _shift("".join(c for c in s if c not in VOWELS), 2)


def double_then_first_six(s):
    """Doubles every character, then keeps the first six."""
    return "".join(c * 2 for c in s)[:6]


def every_other_then_upper(s):
    """Keeps characters at even indices, then upper-cases."""
    return s[::2].upper()


def swapcase_then_append_bang(s):
    """Swaps case, then appends '!'."""
    return s.swapcase() + "!"


def remove_digits_then_strip_then_wrap(s):
    """Removes digits, strips whitespace, then wraps in angle brackets."""
    return "<" + re.sub(r"\d", "", s).strip() + ">"


def words_joined_with_dash_then_lower(s):
    """Joins the words with '-', then lower-cases."""
    return "-".join(s.split()).lower()


def reverse_words_then_join_with_comma(s):
    """Reverses the word order, then joins with ', '."""
    return ", ".join(reversed(s.split()))


def drop_last_then_double(s):
    """Drops the last character, then repeats the string twice."""
    return s[:-1] * 2


def title_then_remove_spaces(s):
    """Title-cases, then removes whitespace."""
    return "".join(s.title().split())


def lower_then_remove_vowels_then_length(s):
    """Lower-cases, removes vowels, then appends ':' and the new length."""
    t = "".join(c for c in s.lower() if c not in "aeiou")
    return t + ":" + str(len(t))


def first_five_then_reverse_then_upper(s):
    """Keeps the first five characters, reverses them, then upper-cases."""
    return s[:5][::-1].upper()


def strip_then_spaces_to_underscore_then_prefix(s):
    """Strips, turns spaces into '_', then puts 'id_' in front."""
    return "id_" + s.strip().replace(" ", "_")


def keep_letters_then_sort_then_lower(s):
    """Keeps letters only, lower-cases, then sorts."""
    return "".join(sorted(c.lower() for c in s if c.isalpha()))


def reverse_then_every_second_from_one(s):
    """Reverses, then keeps characters at odd indices."""
    return s[::-1][1::2]
