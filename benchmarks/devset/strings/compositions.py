"""FIND-like compositions: two or three simple operations applied one after another."""

import re

DOMAIN = "strings"

VOWELS = 'aeiouAEIOU'


def reverse_then_upper(s):
    """Reverses the string, then upper-cases it."""
    return s[::-1].upper()


def drop_vowels_then_append_length(s):
    """Removes the vowels, then appends the length of what is left."""
    kept = ''.join(c for c in s if c not in VOWELS)
    return kept + str(len(kept))


def upper_then_double(s):
    """Upper-cases the string, then writes it twice."""
    return s.upper() * 2


def reverse_then_drop_first(s):
    """Reverses the string, then drops its first character."""
    return s[::-1][1:]


def lower_then_sort_characters(s):
    """Lower-cases the string, then sorts its characters."""
    return ''.join(sorted(s.lower()))


def unique_sorted_characters(s):
    """The distinct characters of the string, sorted."""
    return ''.join(sorted(set(s)))


def drop_digits_then_reverse(s):
    """Removes the digits, then reverses the string."""
    return re.sub(r'\d', '', s)[::-1]


def shift_one_then_reverse(s):
    """Moves each letter one place on in the alphabet (z to a), then reverses the string."""
    out = []
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - 97 + 1) % 26 + 97))
        elif 'A' <= c <= 'Z':
            out.append(chr((ord(c) - 65 + 1) % 26 + 65))
        else:
            out.append(c)
    return ''.join(out)[::-1]


def swap_case_then_exclaim(s):
    """Swaps the case, then appends '!'."""
    return s.swapcase() + '!'


def strip_then_prefix_length(s):
    """Strips surrounding whitespace, then prefixes the length and a colon."""
    t = s.strip()
    return f"{len(t)}:{t}"


def first_three_upper_rest_lower(s):
    """Upper-cases the first three characters and lower-cases the rest."""
    return s[:3].upper() + s[3:].lower()


def vowels_to_star_then_upper(s):
    """Replaces each vowel with '*', then upper-cases the string."""
    return re.sub('[aeiouAEIOU]', '*', s).upper()


def reverse_then_every_other(s):
    """Reverses the string, then keeps every other character."""
    return s[::-1][::2]


def squeeze_then_upper(s):
    """Collapses runs of the same character into one, then upper-cases."""
    out = ''
    for c in s:
        if not out or out[-1] != c:
            out += c
    return out.upper()


def remove_spaces_then_reverse(s):
    """Removes the spaces, then reverses the string."""
    return ''.join(reversed(s.replace(' ', '')))


def double_letters_then_reverse(s):
    """Writes each character twice, then reverses the string."""
    return ''.join(c + c for c in s)[::-1]


def vowels_then_count(s):
    """Keeps only the vowels, then appends how many there are after a dash."""
    v = [c for c in s if c.lower() in 'aeiou']
    return ''.join(v) + '-' + str(len(v))


def rot13_then_upper(s):
    """Applies ROT13, then upper-cases the string."""
    import codecs
    return codecs.encode(s, 'rot13').upper()


def reverse_words_then_lower(s):
    """Reverses the order of the words, then lower-cases them."""
    return ' '.join(s.split()[::-1]).lower()


def first_char_then_reversed(s):
    """The first character followed by the whole string reversed."""
    return s[:1] + s[::-1]


def last_three_reversed_twice(s):
    """Takes the last three characters, reverses them and writes them twice."""
    tail = s[-3:][::-1]
    return tail + tail


def clean_then_lower(s):
    """Removes punctuation, collapses whitespace and lower-cases."""
    no_punct = re.sub(r'[^\w\s]', '', s)
    return re.sub(r'\s+', ' ', no_punct).strip().lower()


def digits_to_hash_then_reverse(s):
    """Replaces each digit with '#', then reverses the string."""
    return re.sub('[0-9]', '#', s)[::-1]


def wrap_lower_with_tags(s):
    """Lower-cases the string and wraps it as 'pre_' + s + '_post'."""
    return 'pre_' + s.lower() + '_post'


def spaces_to_underscores_then_upper(s):
    """Replaces spaces with underscores, then upper-cases."""
    return s.replace(' ', '_').upper()


def palindromize(s):
    """Appends the reversed string without repeating the last character."""
    return (s + s[::-1][1:])


def drop_first_and_last_then_upper(s):
    """Drops the first and the last character, then upper-cases."""
    return s[1:-1].upper()


def lower_remove_vowels_reverse(s):
    """Lower-cases, removes the vowels, then reverses."""
    return ''.join(c for c in s.lower() if c not in 'aeiou')[::-1]


def first_five_then_title(s):
    """Keeps the first five characters, then title-cases them."""
    return s[:5].title()
