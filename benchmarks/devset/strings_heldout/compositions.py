"""Compositions: two or three simple steps applied one after another (case changes, reversal,
vowel removal, length suffixes, word reordering, separator swaps)."""

import re

DOMAIN = "strings"


def devowel_then_reverse(s):
    """Remove vowels (either case), then reverse."""
    return re.sub(r"[aeiouAEIOU]", "", s)[::-1]


def upper_then_length(s):
    """Uppercase, then append the length of the original text."""
    return s.upper() + str(len(s))


def reverse_words_then_title(s):
    """Reverse the order of the words, then title-case each word; single spaces."""
    return " ".join(w.capitalize() for w in reversed(s.split()))


def hyphens_then_lower(s):
    """Replace each space with '-', then lowercase."""
    return s.replace(" ", "-").lower()


def trim_reverse_upper(s):
    """Trim whitespace, reverse, then uppercase."""
    return s.strip()[::-1].upper()


def sort_words_then_join_comma(s):
    """Sort the words alphabetically (case-insensitive), then join them with ','."""
    return ",".join(sorted(s.split(), key=str.lower))


def reverse_each_word_then_upper_first(s):
    """Reverse every word in place, then uppercase the first character of the result."""
    text = " ".join(w[::-1] for w in s.split(" "))
    return text[:1].upper() + text[1:]


def double_chars_then_truncate(s):
    """Double every character, then keep the first 12 characters."""
    return "".join(c + c for c in s)[:12]


def lower_strip_digits_collapse(s):
    """Lowercase, delete digits, then collapse runs of whitespace to single spaces."""
    no_digits = "".join(c for c in s.lower() if not ("0" <= c <= "9"))
    return " ".join(no_digits.split())


def swapcase_then_rotate(s):
    """Swap case, then move the first character to the end."""
    t = s.swapcase()
    return t[1:] + t[:1]


def first_letters_then_reverse(s):
    """Take the first letter of each word, then reverse that string."""
    return "".join(w[0] for w in s.split())[::-1]


def vowels_to_star_then_length_prefix(s):
    """Replace lowercase vowels by '*', then prefix with the number of stars and ':'."""
    t, n = re.subn(r"[aeiou]", "*", s)
    return f"{n}:{t}"


def remove_spaces_then_chunk(s):
    """Remove whitespace, then split into chunks of 3 joined by spaces."""
    t = "".join(s.split())
    return " ".join(t[i:i + 3] for i in range(0, len(t), 3))


def reverse_then_every_other(s):
    """Reverse, then keep characters at even indices, then uppercase."""
    return s[::-1][::2].upper()


def dedupe_then_sort(s):
    """Keep the first occurrence of each character, then sort them by code point."""
    seen = dict.fromkeys(s)
    return "".join(sorted(seen))


def words_lengths_then_join(s):
    """Replace each word by its length, then join the lengths with '+'."""
    return "+".join(str(len(w)) for w in s.split())


def capitalize_then_mirror(s):
    """Capitalise (first upper, rest lower), then append the reversed result."""
    c = s.capitalize()
    return c + c[::-1]


def strip_punct_lower_underscore(s):
    """Delete characters that are neither alphanumeric nor whitespace, lowercase, then join words with '_'."""
    kept = "".join(ch for ch in s if ch.isalnum() or ch.isspace())
    return "_".join(kept.lower().split())


def caesar_one_then_reverse(s):
    """Shift lowercase ASCII letters forward by 1 with wrap-around, then reverse."""
    out = []
    for c in reversed(s):
        if "a" <= c <= "z":
            out.append("a" if c == "z" else chr(ord(c) + 1))
        else:
            out.append(c)
    return "".join(out)


def last_word_upper_then_prepend(s):
    """Uppercase the last word and place it, followed by ': ', before the whole text."""
    words = s.split()
    if not words:
        return s
    return words[-1].upper() + ": " + s
