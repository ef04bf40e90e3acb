"""Conditionals on a simple predicate: emptiness, length parity, the first character's class."""

import string

DOMAIN = "strings"


def empty_or_upper(s):
    """'EMPTY' for the empty string, otherwise the string upper-cased."""
    if not s:
        return 'EMPTY'
    return s.upper()


def parity_reverse_or_upper(s):
    """Reverses a string of even length, upper-cases one of odd length."""
    return s[::-1] if len(s) % 2 == 0 else s.upper()


def by_first_character(s):
    """Reversed if it starts with a digit, upper-cased if with a letter, else unchanged."""
    if not s:
        return s
    if s[0].isdigit():
        return s[::-1]
    if s[0].isalpha():
        return s.upper()
    return s


def strip_digits_or_exclaim(s):
    """Removes the digits if there are any, otherwise appends '!'."""
    if any(c.isdigit() for c in s):
        return ''.join(c for c in s if not c.isdigit())
    return s + '!'


def article(s):
    """Prefixes 'an ' when the string starts with a vowel, otherwise 'a '."""
    if s[:1].lower() in ('a', 'e', 'i', 'o', 'u'):
        return 'an ' + s
    return 'a ' + s


def cut_or_pad_to_ten(s):
    """Cuts strings longer than 10 to 10 characters, pads shorter ones with dots."""
    if len(s) > 10:
        return s[:10]
    return s.ljust(10, '.')


def flip_by_first_case(s):
    """Lower-cases the string if it starts with a capital, otherwise upper-cases it."""
    if s and s[0].isupper():
        return s.lower()
    return s.upper()


def spaces_or_suffix(s):
    """Replaces spaces with underscores if there are any, otherwise appends '_'."""
    if ' ' in s:
        return s.replace(' ', '_')
    return s + '_'


def swap_halves_if_even(s):
    """Swaps the two halves of a string of even length; odd lengths are unchanged."""
    n = len(s)
    if n % 2:
        return s
    return s[n // 2:] + s[:n // 2]


def mirror_unless_palindrome(s):
    """Unchanged if it is a palindrome, otherwise followed by its reverse."""
    return s if s == s[::-1] else s + s[::-1]


def toggle_final_period(s):
    """Drops a final punctuation mark, or appends '.' when there is none."""
    if s and s[-1] in string.punctuation:
        return s[:-1]
    return s + '.'


def blank_to_none(s):
    """'none' when the string is blank, otherwise the string stripped."""
    t = s.strip()
    return t if t else 'none'


def double_if_starts_with_digit(s):
    """Writes the string twice if it starts with a digit."""
    if s[:1].isdigit():
        return s * 2
    return s


def increment_number(s):
    """Adds one to a string made only of digits; anything else is unchanged."""
    if s.isascii() and s.isdigit():
        return str(int(s) + 1)
    return s


def lower_if_mostly_upper(s):
    """Lower-cases when upper-case letters outnumber lower-case ones, else upper-cases."""
    upper = sum(1 for c in s if c.isupper())
    lower = sum(1 for c in s if c.islower())
    return s.lower() if upper > lower else s.upper()


def words_or_length(s):
    """The number of words if the string has a space, otherwise its length."""
    if ' ' in s:
        return str(len(s.split()))
    return str(len(s))


def swap_ends_or_same(s):
    """'same' if the first and last characters are equal, otherwise swaps them."""
    if not s:
        return ''
    if s[0] == s[-1]:
        return 'same'
    return s[-1] + s[1:-1] + s[0]


def digit_tag(s):
    """Prefixes 'num:' if the string contains a digit, 'txt:' otherwise."""
    for c in s:
        if c.isdigit():
            return 'num:' + s
    return 'txt:' + s


def short_upper_long_lower(s):
    """Upper-cases strings of at most five characters, lower-cases longer ones."""
    return s.upper() if len(s) <= 5 else s.lower()
