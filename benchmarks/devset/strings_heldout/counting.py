"""Counting: lengths and counts written as digits or as English number words, with 'none' or
'zero' when absent, counts appended to the text, and sums of ordinals modulo a constant."""

import re

DOMAIN = "strings"

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n):
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + _words(rest) if rest else "")
    if n < 1000000:
        thousands, rest = divmod(n, 1000)
        return _words(thousands) + " thousand" + (" " + _words(rest) if rest else "")
    millions, rest = divmod(n, 1000000)
    return _words(millions) + " million" + (" " + _words(rest) if rest else "")


def _vowel(c):
    return c.lower() in "aeiou"


def length_digits(s):
    """The number of characters, as digits."""
    return str(len(s))


def length_words(s):
    """The number of characters as English words (e.g. 'twenty-one')."""
    return _words(len(s))


def vowel_count(s):
    """The number of vowels (a, e, i, o, u, either case), as digits."""
    return str(sum(1 for c in s if _vowel(c)))


def vowel_count_words(s):
    """The number of vowels as an English word, 'none' when there are no vowels."""
    n = sum(map(_vowel, s))
    return "none" if n == 0 else _words(n)


def consonant_count(s):
    """The number of ASCII consonant letters, as digits."""
    return str(len(re.findall(r"[b-df-hj-np-tv-z]", s, flags=re.IGNORECASE | re.ASCII)))


def word_count(s):
    """The number of whitespace-separated words, as digits."""
    return str(len(s.split()))


def word_count_words(s):
    """The number of whitespace-separated words as an English word ('zero' when none)."""
    return _words(len(s.split()))


def upper_count(s):
    """The number of uppercase characters, as digits."""
    total = 0
    for ch in s:
        if ch.isupper():
            total += 1
    return str(total)


def count_letter_e(s):
    """How many times 'e' or 'E' appears, as digits, or 'none'."""
    n = s.lower().count("e")
    return str(n) if n else "none"


def count_letter_s_words(s):
    """How many times lowercase 's' appears, as an English word."""
    return _words(s.count("s"))


def digit_count(s):
    """The number of ASCII digits, as digits."""
    return str(sum(c in "0123456789" for c in s))


def append_length(s):
    """The text followed by a colon and its length."""
    return "%s:%d" % (s, len(s))


def prepend_word_count(s):
    """The number of words, a space, then the text."""
    return f"{len(s.split())} {s}"


def ordinal_sum_mod_97(s):
    """The sum of the code points modulo 97, as digits."""
    return str(sum(ord(c) for c in s) % 97)


def ordinal_sum_mod_10_word(s):
    """The sum of code points modulo 10, as an English word."""
    return _ONES[sum(map(ord, s)) % 10]


def distinct_chars(s):
    """The number of distinct characters, as digits."""
    return str(len(set(s)))


def space_count_words(s):
    """The number of space characters as a word, or 'no spaces'."""
    n = s.count(" ")
    return "no spaces" if n == 0 else _words(n)


def count_each_vowel(s):
    """Counts of a, e, i, o, u (case-insensitive) as 'a1e0i2o0u0'."""
    low = s.lower()
    return "".join(v + str(low.count(v)) for v in "aeiou")


def longest_word_length(s):
    """The length of the longest whitespace-separated word, as digits ('0' when none)."""
    best = 0
    for w in s.split():
        if len(w) > best:
            best = len(w)
    return str(best)


def run_length_encode(s):
    """Run-length encoding: each run as count followed by the character, e.g. '3a1b'."""
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(str(j - i) + s[i])
        i = j
    return "".join(out)
