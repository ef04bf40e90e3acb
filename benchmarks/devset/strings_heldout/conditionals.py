"""Conditionals: a simple predicate on the text (empty, length parity, first character upper,
digit or vowel, contains a digit or a space, longer than k) chooses between two simple
transforms."""

import re

DOMAIN = "strings"


def empty_or_upper(s):
    """'EMPTY' for an empty text, otherwise the text uppercased."""
    if not s:
        return "EMPTY"
    return s.upper()


def parity_reverse_or_upper(s):
    """Reverse the text if its length is even, otherwise uppercase it."""
    return s[::-1] if len(s) % 2 == 0 else s.upper()


def parity_double_or_halve(s):
    """Odd length: the text repeated twice; even length: its first half."""
    if len(s) % 2 == 1:
        return s * 2
    return s[:len(s) // 2]


def upper_start_lower_rest(s):
    """If the first character is uppercase, lowercase the whole text; otherwise swap case."""
    if s[:1].isupper():
        return s.lower()
    return s.swapcase()


def digit_start_sort(s):
    """If the text starts with an ASCII digit, sort its characters; otherwise reverse it."""
    if s and s[0] in "0123456789":
        return "".join(sorted(s))
    return s[::-1]


def vowel_start_an(s):
    """Prefix 'an ' if the text starts with a vowel, otherwise 'a '."""
    return ("an " if s[:1].lower() in ("a", "e", "i", "o", "u") else "a ") + s


def has_digit_strip_or_tag(s):
    """If the text contains an ASCII digit, remove all digits; otherwise append '#0'."""
    if re.search(r"[0-9]", s):
        return re.sub(r"[0-9]", "", s)
    return s + "#0"


def has_space_join_or_split(s):
    """With a space: replace spaces by underscores; without: put a space between characters."""
    if " " in s:
        return s.replace(" ", "_")
    return " ".join(s)


def longer_than_six(s):
    """Longer than 6 characters: the first 6 followed by '~'; otherwise padded with '_' to 6."""
    if len(s) > 6:
        return s[:6] + "~"
    return s.ljust(6, "_")


def short_or_long_label(s):
    """'short:' + text when at most 4 characters, else 'long:' + the last 4 characters."""
    return "short:" + s if len(s) <= 4 else "long:" + s[-4:]


def last_char_punct(s):
    """If the last character is '.', '!' or '?', drop it; otherwise add '.'."""
    if s and s[-1] in ".!?":
        return s[:-1]
    return s + "."


def all_lower_capitalize(s):
    """If the text has no uppercase letters, capitalise each word; otherwise lowercase it."""
    if any(c.isupper() for c in s):
        return s.lower()
    return s.title()


def whitespace_only_dash(s):
    """'-' if the text is empty or only whitespace; otherwise the trimmed text."""
    t = s.strip()
    return t if t else "-"


def first_equals_last(s):
    """If the first and last characters are equal (non-empty), drop both; otherwise add the first character at the end."""
    if not s:
        return s
    if s[0] == s[-1]:
        return s[1:-1]
    return s + s[0]


def many_words_acronym(s):
    """With three or more words: the uppercase first letters; otherwise the text lowercased."""
    words = s.split()
    if len(words) >= 3:
        return "".join(w[0] for w in words).upper()
    return s.lower()


def length_mod_three(s):
    """Length mod 3 is 0: reverse; 1: uppercase; 2: lowercase then append '!'."""
    r = len(s) % 3
    if r == 0:
        return s[::-1]
    if r == 1:
        return s.upper()
    return s.lower() + "!"


def contains_x_replace(s):
    """If the text contains 'x' or 'X', replace those with 'ks'; otherwise duplicate the last character."""
    if "x" in s.lower():
        return s.replace("x", "ks").replace("X", "KS")
    return s + s[-1:]


def numeric_increment(s):
    """If the text consists only of ASCII digits, add one to it as a number; otherwise append '1'."""
    if not s or not all("0" <= c <= "9" for c in s):
        return s + "1"
    digits = list(s)
    i = len(digits) - 1
    while i >= 0 and digits[i] == "9":
        digits[i] = "0"
        i -= 1
    if i < 0:
        digits.insert(0, "1")
    else:
        digits[i] = chr(ord(digits[i]) + 1)
    return "".join(digits)


def more_vowels_than_consonants(s):
    """If vowels outnumber other ASCII letters, return the text uppercased, else the vowels removed."""
    letters = [c for c in s.lower() if "a" <= c <= "z"]
    vowels = sum(c in "aeiou" for c in letters)
    if vowels > len(letters) - vowels:
        return s.upper()
    return "".join(c for c in s if c.lower() not in "aeiou")


def starts_with_the(s):
    """If the text starts with 'the ' (any case), move that word to the end after ', '; otherwise prefix 'The '."""
    if s[:4].lower() == "the ":
        return s[4:] + ", " + s[:3]
    return "The " + s
