"""Branches: if/else (and a few three-way) choices on simple predicates of the input."""

import string

DOMAIN = "strings"

VOWELS = "aeiouAEIOU"


def empty_or_reverse(s):
    """'empty' for the empty string, otherwise the string reversed."""
    if s == "":
        return "empty"
    return s[::-1]


def blank_or_strip(s):
    """'blank' when the string is empty or all whitespace, otherwise the stripped string."""
    return s.strip() if s.strip() else "blank"


def even_upper_odd_lower(s):
    """Upper-cases strings of even length, lower-cases odd ones."""
    return s.upper() if len(s) % 2 == 0 else s.lower()


def long_first_three_else_doubled(s):
    """The first three characters when longer than 6, otherwise the string doubled."""
    if len(s) > 6:
        return s[:3]
    return s + s


def short_pad_else_same(s):
    """Pads with '*' on the right to length 5 when shorter than 5, otherwise unchanged."""
    if len(s) < 5:
        return s + "*" * (5 - len(s))
    return s


def digit_start_tag(s):
    """'number' when the first character is an ASCII digit, otherwise 'word'."""
    return "number" if s[:1].isdigit() and s[:1].isascii() else "word"


def vowel_start_an_else_a(s):
    """Prefixes 'an ' when the string starts with a vowel, otherwise 'a '."""
    return ("an " if s[:1] in VOWELS and s else "a ") + s


def upper_start_lower_rest_else_capitalize(s):
    """Lower-cases everything when the first character is upper-case, otherwise capitalizes it."""
    if s and s[0].isupper():
        return s.lower()
    return s[:1].upper() + s[1:]


def ends_with_punctuation_or_add_period(s):
    """Unchanged when the last character is ASCII punctuation, otherwise appends '.'."""
    if s and s[-1] in string.punctuation:
        return s
    return s + "."


def has_digit_drop_digits_else_exclaim(s):
    """Removes digits if there are any, otherwise appends '!!'."""
    if any(c.isdigit() for c in s):
        return "".join(c for c in s if not c.isdigit())
    return s + "!!"


def has_space_first_word_else_whole(s):
    """The text before the first space when there is a space, otherwise 'single:' and the string."""
    if " " in s:
        return s.split(" ")[0]
    return "single:" + s


def contains_z_yes_else_length(s):
    """'has z' when the string contains 'z' or 'Z', otherwise its length."""
    return "has z" if "z" in s.lower() else str(len(s))


def all_digits_double_else_same(s):
    """Twice the number when the string is all ASCII digits, otherwise the string unchanged."""
    if not (s and s.isascii() and s.isdigit()):
        return s
    out, carry = [], 0
    for c in reversed(s):
        d = int(c) * 2 + carry
        out.append(str(d % 10))
        carry = d // 10
    if carry:
        out.append(str(carry))
    return "".join(reversed(out)).lstrip("0") or "0"


def all_upper_lower_else_upper(s):
    """Lower-cases when every cased character is upper-case, otherwise upper-cases."""
    if s.isupper():
        return s.lower()
    return s.upper()


def palindrome_tag_or_mirror(s):
    """'palindrome' when the string reads the same backwards, otherwise the string plus its reverse."""
    if s == s[::-1]:
        return "palindrome"
    return s + s[::-1]


def length_size_three_way(s):
    """'short' under 4 characters, 'medium' up to 9, 'long' from 10."""
    n = len(s)
    if n < 4:
        return "short"
    elif n < 10:
        return "medium"
    return "long"


def first_char_kind_three_way(s):
    """'digit', 'letter' or 'other' for the first character; 'none' for the empty string."""
    if not s:
        return "none"
    c = s[0]
    if c.isdigit():
        return "digit"
    if c.isalpha():
        return "letter"
    return "other"


def ends_with_vowel_drop_last_else_add_e(s):
    """Drops a final vowel, otherwise appends 'e'."""
    if s[-1:] and s[-1] in VOWELS:
        return s[:-1]
    return s + "e"


def odd_length_middle_else_halves_swapped(s):
    """The middle character for odd lengths, otherwise the two halves swapped."""
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return s[n // 2:] + s[:n // 2]


def starts_with_q_tag_else_same(s):
    """'question: ' and the rest when it starts with 'q' or 'Q', otherwise unchanged."""
    return "question: " + s[1:] if s[:1].lower() == "q" else s


def ends_with_digit_or_append_zero(s):
    """Unchanged when it ends with a digit, otherwise appends '0'."""
    return s if s[-1:].isdigit() else s + "0"


def case_mix_three_way(s):
    """'upper' if all cased characters are upper, 'lower' if all lower, otherwise 'mixed'."""
    if s.isupper():
        return "upper"
    if s.islower():
        return "lower"
    return "mixed"


def longer_than_eight_truncate_else_bracket(s):
    """The first eight characters plus '~' when longer than 8, otherwise wrapped in parentheses."""
    return s[:8] + "~" if len(s) > 8 else "(" + s + ")"


def contains_at_domain_else_no_email(s):
    """The text after the first '@' when there is one, otherwise 'no email'."""
    if "@" in s:
        return s.split("@", 1)[1]
    return "no email"


def starts_and_ends_same_or_reverse(s):
    """'same ends' when the first and last characters match, otherwise the string reversed."""
    if s and s[0] == s[-1]:
        return "same ends"
    return s[::-1]
