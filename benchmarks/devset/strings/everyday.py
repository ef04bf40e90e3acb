"""Everyday text processing: slices, wrapping, padding, case, cleaning up whitespace."""

import re
import string

DOMAIN = "strings"


def drop_last_two(s):
    """Drops the last two characters."""
    return s[:-2]


def first_eight(s):
    """Keeps the first eight characters."""
    return s[:8]


def drop_first_three(s):
    """Drops the first three characters."""
    return s[3:]


def last_four(s):
    """Keeps the last four characters."""
    return s[-4:]


def bracket(s):
    """Wraps the string in square brackets."""
    return '[' + s + ']'


def double_quote(s):
    """Wraps the string in double quotes."""
    return '"%s"' % s


def right_justify_stars(s):
    """Right-justifies the string in a field of 10, padding with '*'."""
    return s.rjust(10, '*')


def center_dashes(s):
    """Centres the string in a field of 15, padding with '-'."""
    return s.center(15, '-')


def zero_fill(s):
    """Pads the string on the left with zeros to length 8."""
    return s.zfill(8)


def title_case(s):
    """Title-cases the string."""
    return s.title()


def capitalize_first_letter(s):
    """Upper-cases the first character and leaves the rest alone."""
    return s[:1].upper() + s[1:]


def sentence_case(s):
    """Upper-cases the first character and lower-cases the rest."""
    return s[:1].upper() + s[1:].lower()


def strip_punctuation(s):
    """Removes every ASCII punctuation character."""
    return ''.join(ch for ch in s if ch not in string.punctuation)


def collapse_spaces(s):
    """Collapses runs of whitespace into one space and trims the ends."""
    return ' '.join(s.split())


def collapse_spaces_keep_ends(s):
    """Replaces each run of two or more spaces by a single space."""
    return re.sub(r' {2,}', ' ', s)


def trim(s):
    """Strips whitespace from both ends."""
    return s.strip()


def lower_without_spaces(s):
    """Lower-cases the string and removes its spaces."""
    return s.lower().replace(' ', '')


def remove_whitespace(s):
    """Removes every whitespace character."""
    return re.sub(r'\s+', '', s)


def upper_then_lower(s):
    """The string in upper case followed by the string in lower case."""
    return s.upper() + s.lower()


def swap_case(s):
    """Swaps upper and lower case."""
    return s.swapcase()


def a_to_b(s):
    """Replaces every 'a' with 'b'."""
    return s.replace('a', 'b')


def letters_only(s):
    """Keeps only ASCII letters."""
    return re.sub('[^A-Za-z]', '', s)


def digits_only(s):
    """Keeps only the digits."""
    out = ''
    for ch in s:
        if ch in '0123456789':
            out += ch
    return out


def slugify(s):
    """Lower-cases and joins runs of letters and digits with single hyphens."""
    return '-'.join(re.findall(r'[a-z0-9]+', s.lower()))


def truncate_with_ellipsis(s):
    """Cuts strings longer than 10 characters to 7 characters plus '...'."""
    if len(s) <= 10:
        return s
    return s[:7] + '...'


def middle_character(s):
    """The middle character (the right one of the two middles for an even length)."""
    if not s:
        return ''
    return s[len(s) // 2]


def last_character(s):
    """The last character, or nothing for an empty string."""
    return s[-1:]


def every_other(s):
    """Every other character, starting with the first."""
    return s[::2]


def every_third_from_second(s):
    """Every third character, starting with the second."""
    return s[1::3]


def strip_trailing_punctuation(s):
    """Removes punctuation at the end of the string."""
    return s.rstrip(string.punctuation)
