"""Predicates: yes/no, True/False and 1/0 answers about the text (palindromes, digits, case,
vowels, doubled letters, length thresholds, numeric text)."""

import re

DOMAIN = "strings"


def is_palindrome_yes_no(s):
    """'yes' if the text reads the same reversed, otherwise 'no'."""
    return "yes" if s == s[::-1] else "no"


def is_loose_palindrome(s):
    """'True' if the alphanumeric characters, lowercased, form a palindrome, else 'False'."""
    core = [c.lower() for c in s if c.isalnum()]
    return str(core == core[::-1])


def has_digit_one_zero(s):
    """'1' if the text contains an ASCII digit, otherwise '0'."""
    return "1" if re.search(r"\d", s, flags=re.ASCII) else "0"


def is_all_caps(s):
    """'True' if the text has at least one letter and no lowercase letters, else 'False'."""
    has_alpha = False
    for c in s:
        if c.islower():
            return "False"
        if c.isalpha():
            has_alpha = True
    return "True" if has_alpha else "False"


def starts_with_vowel(s):
    """'yes' if the first character is a vowel (either case), otherwise 'no'."""
    return "yes" if s and s[0] in "aeiouAEIOU" else "no"


def ends_with_consonant(s):
    """'1' if the last character is an ASCII consonant letter, otherwise '0'."""
    return "1" if re.search(r"[b-df-hj-np-tv-z]\Z", s, flags=re.IGNORECASE | re.ASCII) else "0"


def has_double_letter(s):
    """'True' if two identical letters stand next to each other, else 'False'."""
    return str(any(a == b and a.isalpha() for a, b in zip(s, s[1:])))


def longer_than_eight(s):
    """'yes' if the text has more than 8 characters, otherwise 'no'."""
    return ("no", "yes")[len(s) > 8]


def is_numeric_ascii(s):
    """'True' if the text is non-empty and only ASCII digits, else 'False'."""
    return str(bool(re.fullmatch(r"[0-9]+", s)))


def is_integer_literal(s):
    """'yes' if the trimmed text is an optional sign followed by ASCII digits, else 'no'."""
    return "yes" if re.fullmatch(r"[+-]?[0-9]+", s.strip()) else "no"


def even_length(s):
    """'1' for an even number of characters, '0' for odd."""
    return str(1 - len(s) % 2)


def has_space(s):
    """'True' if the text contains a space character, else 'False'."""
    return "True" if " " in s else "False"


def is_title_cased(s):
    """'yes' if every word starts uppercase and continues lowercase (and there is a word), else 'no'."""
    words = s.split()
    if not words:
        return "no"
    for w in words:
        if not (w[0].isupper() and w[1:] == w[1:].lower()):
            return "no"
    return "yes"


def contains_cat(s):
    """'1' if 'cat' occurs anywhere, case-insensitively, else '0'."""
    return "1" if "cat" in s.lower() else "0"


def more_upper_than_lower(s):
    """'True' if uppercase characters outnumber lowercase ones, else 'False'."""
    up = sum(c.isupper() for c in s)
    low = sum(c.islower() for c in s)
    return str(up > low)


def all_unique_chars(s):
    """'yes' if no character repeats, otherwise 'no'."""
    return "yes" if len(set(s)) == len(s) else "no"


def has_three_vowels(s):
    """'1' if there are at least three vowels (either case), else '0'."""
    return "1" if len(re.findall(r"[aeiou]", s, re.I | re.A)) >= 3 else "0"


def is_sorted_chars(s):
    """'True' if the characters are in non-decreasing code-point order, else 'False'."""
    return str(all(s[i] <= s[i + 1] for i in range(len(s) - 1)))


def first_last_same(s):
    """'yes' if the text is non-empty and its first and last characters are equal ignoring case, else 'no'."""
    return "yes" if s and s[0].lower() == s[-1].lower() else "no"


def word_count_odd(s):
    """'1' if the number of whitespace-separated words is odd, else '0'."""
    return "1" if len(s.split()) % 2 else "0"
