"""Yes/no answers: a predicate on the string, written as a word."""

import re

DOMAIN = "strings"


def palindrome_yes_no(s):
    """'yes' if the string reads the same backwards, otherwise 'no'."""
    return "yes" if s == s[::-1] else "no"


def loose_palindrome_yes_no(s):
    """'yes' if its letters and digits, ignoring case, read the same backwards."""
    core = [c.lower() for c in s if c.isalnum()]
    return "yes" if core == core[::-1] else "no"


def contains_digit(s):
    """'True' if the string contains a digit, otherwise 'False'."""
    return str(bool(re.search(r"\d", s)))


def is_empty(s):
    """'yes' for the empty string, otherwise 'no'."""
    return "yes" if len(s) == 0 else "no"


def all_upper(s):
    """'yes' if the string has letters and all of them are upper case."""
    return "yes" if s.isupper() else "no"


def starts_with_capital(s):
    """'Y' if the first character is an upper-case letter, otherwise 'N'."""
    return "Y" if s[:1].isupper() else "N"


def has_space(s):
    """'yes' if the string contains a space, otherwise 'no'."""
    return "yes" if " " in s else "no"


def even_length(s):
    """'even' or 'odd', by the length of the string."""
    return "odd" if len(s) % 2 else "even"


def is_number(s):
    """'yes' if the string is a whole number in digits, otherwise 'no'."""
    return "yes" if re.fullmatch(r"[0-9]+", s) else "no"


def has_double_letter(s):
    """'yes' if some character is immediately repeated, otherwise 'no'."""
    for a, b in zip(s, s[1:]):
        if a == b:
            return "yes"
    return "no"


def is_sorted(s):
    """'yes' if the characters are in non-decreasing order, otherwise 'no'."""
    return "yes" if list(s) == sorted(s) else "no"


def all_unique(s):
    """'yes' if no character occurs twice, otherwise 'no'."""
    return "yes" if len(set(s)) == len(s) else "no"


def ends_with_vowel(s):
    """'yes' if the last character is a vowel, otherwise 'no'."""
    return "yes" if s[-1:].lower() in list("aeiou") else "no"


def longer_than_five(s):
    """'true' if the string is longer than five characters, otherwise 'false'."""
    return "true" if len(s) > 5 else "false"


def has_uppercase(s):
    """'yes' if any letter is upper case, otherwise 'no'."""
    return "yes" if any(c.isupper() for c in s) else "no"


def only_letters(s):
    """'True' if the string is made only of letters, otherwise 'False'."""
    return str(s.isalpha())
