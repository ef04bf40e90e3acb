"""Counting: lengths and counts written as digits and as English number words."""

from collections import Counter

DOMAIN = "strings"

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n, joiner=" "):
    """n in English: 'twenty one' (or 'twenty-one' with joiner '-'), up to the millions."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (joiner + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + _words(rest, joiner) if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return _words(thousands, joiner) + " thousand" + (" " + _words(rest, joiner) if rest else "")
    millions, rest = divmod(n, 1_000_000)
    return _words(millions, joiner) + " million" + (" " + _words(rest, joiner) if rest else "")


def length(s):
    """The length of the string, in digits."""
    return str(len(s))


def length_as_word(s):
    """The length of the string as an English word ('five', 'twenty one')."""
    return _words(len(s))


def length_as_hyphenated_word(s):
    """The length as an English word with hyphenated tens ('twenty-one')."""
    return _words(len(s), "-")


def length_as_capitalized_word(s):
    """The length as a capitalised English word ('Three')."""
    return _words(len(s)).capitalize()


def vowel_count(s):
    """How many vowels, in digits."""
    return str(sum(1 for c in s.lower() if c in "aeiou"))


def vowel_count_as_word(s):
    """How many vowels, written as a word."""
    count = 0
    for c in s:
        if c in "aeiouAEIOU":
            count += 1
    return _words(count)


def consonant_count(s):
    """How many ASCII consonants, in digits."""
    return str(len([c for c in s.lower() if c.isascii() and c.isalpha() and c not in "aeiou"]))


def word_count_as_word(s):
    """How many whitespace-separated words, written as a word."""
    return _words(len(s.split()))


def digit_count(s):
    """How many digits, in digits."""
    return str(sum(c.isdigit() for c in s))


def uppercase_count(s):
    """How many upper-case letters, in digits."""
    return str(sum(map(str.isupper, s)))


def space_count_as_word(s):
    """How many spaces, written as a word."""
    return _words(s.count(" "))


def distinct_characters(s):
    """How many different characters, in digits."""
    return str(len(set(s)))


def count_of_e(s):
    """How many times 'e' (either case) occurs, in digits."""
    return str(s.lower().count("e"))


def most_common_character(s):
    """The most frequent character (the earliest among ties); nothing for an empty string."""
    if not s:
        return ""
    counts = Counter(s)
    best = max(counts.values())
    return next(c for c in s if counts[c] == best)


def double_length(s):
    """Twice the length, in digits."""
    return str(2 * len(s))


def digit_sum(s):
    """The sum of the digits, in digits."""
    return str(sum(int(c) for c in s if c in "0123456789"))


def punctuation_count_as_word(s):
    """How many ASCII punctuation marks, written as a word."""
    import string
    return _words(sum(c in string.punctuation for c in s))


def word_count(s):
    """How many whitespace-separated words, in digits."""
    return str(len(s.split()))


def longest_word_length(s):
    """The length of the longest word, in digits (0 when there are none)."""
    return str(max((len(w) for w in s.split()), default=0))


def vowels_and_consonants(s):
    """'<vowels>v<consonants>c' counted over ASCII letters."""
    letters = [c for c in s.lower() if "a" <= c <= "z"]
    v = sum(c in "aeiou" for c in letters)
    return f"{v}v{len(letters) - v}c"


def run_length_encode(s):
    """Each run of a character written as the character and the run's length."""
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i))
        i = j
    return "".join(out)


def length_in_roman(s):
    """The length in Roman numerals ('' for zero)."""
    n, out = len(s), ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def letter_count_as_word(s):
    """How many letters, written as a word."""
    return _words(sum(c.isalpha() for c in s))
