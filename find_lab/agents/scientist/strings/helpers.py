"""Small string functions the scientist's hypotheses are written with.

Each is self-contained (it imports nothing beyond `re` and `string` and calls no other
helper), so a submission carries exactly the helpers its program uses, copied from here by
source: the code the scientist runs while it thinks and the code it submits are one text.
"""

import re
import string


def number_words(n, joiner=" ", use_and=False):
    """n in English words: 21 -> 'twenty one' (joiner ' ') or 'twenty-one' (joiner '-')."""
    ones = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen").split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def under_thousand(k):
        if k < 20:
            return ones[k]
        if k < 100:
            return tens[k // 10] + (joiner + ones[k % 10] if k % 10 else "")
        rest = k % 100
        head = ones[k // 100] + " hundred"
        return head + ((" and " if use_and else " ") + under_thousand(rest) if rest else "")

    if n < 0:
        return "minus " + number_words(-n, joiner, use_and)
    if n < 1000:
        return under_thousand(n)
    parts = []
    for size, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand"), (1, "")):
        if n >= size:
            chunk, n = divmod(n, size)
            parts.append(under_thousand(chunk) + (" " + name if name else ""))
    return " ".join(parts)


def caesar(s, k):
    """Shifts the English letters k places forward, wrapping, keeping case."""
    out = []
    for c in s:
        if "a" <= c <= "z":
            c = chr((ord(c) - 97 + k) % 26 + 97)
        elif "A" <= c <= "Z":
            c = chr((ord(c) - 65 + k) % 26 + 65)
        out.append(c)
    return "".join(out)


def atbash(s):
    """Mirrors the English alphabet: a <-> z, b <-> y, ..., keeping case."""
    return "".join(chr(219 - ord(c)) if "a" <= c <= "z" else chr(155 - ord(c)) if "A" <= c <= "Z"
                   else c for c in s)


def shift_codes(s, k, letters_only=False):
    """Adds k to each character's code point, without wrapping (codes below 0 stay at 0)."""
    return "".join(chr(max(0, min(0x10FFFF, ord(c) + k)))
                   if not letters_only or c in string.ascii_letters else c for c in s)


def shift_digits(s, k):
    """Adds k to every digit 0-9, modulo 10."""
    return "".join(str((int(c) + k) % 10) if c in "0123456789" else c for c in s)


def letter_index(c):
    """The alphabet position of an English letter (a = 0), or -1."""
    low = c.lower()
    return ord(low) - 97 if "a" <= low <= "z" else -1


def alternate_case(s, start_upper):
    """Upper and lower case by position: even positions upper when start_upper."""
    return "".join(c.upper() if (i % 2 == 0) == start_upper else c.lower()
                   for i, c in enumerate(s))


def rotate(s, k):
    """Moves the first k characters to the end (k < 0: the last -k to the front)."""
    if not s:
        return s
    k %= len(s)
    return s[k:] + s[:k]


def middle(s, right):
    """The middle character; of the two middles of an even length, the right one if right."""
    if not s:
        return ""
    return s[len(s) // 2] if right or len(s) % 2 else s[len(s) // 2 - 1]


def swap_halves(s, middle_first):
    """The second half, then the first; an odd middle goes with the second half when
    middle_first, otherwise with the first."""
    cut = len(s) // 2 if middle_first else (len(s) + 1) // 2
    return s[cut:] + s[:cut]


def reverse_halves(s, middle_first):
    """Reverses the two halves in place (the cut as in swap_halves)."""
    cut = len(s) // 2 if middle_first else (len(s) + 1) // 2
    return s[:cut][::-1] + s[cut:][::-1]


def swap_pairs(s):
    """Exchanges characters pairwise: 'abcde' -> 'badce'."""
    chars = list(s)
    for i in range(0, len(chars) - 1, 2):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def swap_ends(s):
    """Exchanges the first and the last character."""
    return s[-1] + s[1:-1] + s[0] if len(s) > 1 else s


def reverse_vowels(s):
    """Reverses the order of the vowels, every other character staying in place."""
    vowels = [c for c in s if c in "aeiouAEIOU"]
    return "".join(vowels.pop() if c in "aeiouAEIOU" else c for c in s)


def collapse_runs(s):
    """Each run of one repeated character written once."""
    return "".join(c for i, c in enumerate(s) if i == 0 or s[i - 1] != c)


def distinct(s):
    """Each character once, in order of first appearance."""
    return "".join(dict.fromkeys(s))


def run_lengths(s, count_first):
    """Each run of a character as the character and the run's length ('aab' -> 'a2b1')."""
    out = []
    for run in re.finditer(r"(.)\1*", s, re.S):
        out.append(f"{len(run.group())}{run.group(1)}" if count_first
                   else f"{run.group(1)}{len(run.group())}")
    return "".join(out)


def most_common(s):
    """The most frequent character, the earliest among ties; '' for ''."""
    return max(s, key=lambda c: (s.count(c), -s.index(c))) if s else ""


def capitalize_words(s, rest_lower):
    """Upper-cases the first character of every space-separated word, keeping the spaces;
    the rest of each word lower-cased when rest_lower."""
    return " ".join(w[:1].upper() + (w[1:].lower() if rest_lower else w[1:])
                    for w in s.split(" "))


def map_words(s, how):
    """Applies a per-word change to every whitespace-separated word, keeping the
    whitespace between them."""
    parts = re.split(r"(\s+)", s)
    change = {"reverse": lambda w: w[::-1], "upper": str.upper, "lower": str.lower,
              "first": lambda w: w[:1], "last": lambda w: w[-1:],
              "length": lambda w: str(len(w)), "capitalize": str.capitalize,
              "first upper": lambda w: w[:1].upper() + w[1:], "twice": lambda w: w + " " + w,
              "odd upper": None}[how]
    if change is None:
        words = iter(range(len(parts)))
        return "".join(p.upper() if not p.isspace() and next(words) % 2 else p for p in parts)
    return "".join(p if not p or p.isspace() else change(p) for p in parts)


def pick_word(s, which):
    """One whitespace-separated word: first, last, longest, shortest or middle; ''."""
    words = s.split()
    if not words:
        return ""
    if which == "first":
        return words[0]
    if which == "last":
        return words[-1]
    if which == "longest":
        return max(words, key=len)
    if which == "shortest":
        return min(words, key=len)
    return words[len(words) // 2]


def index_of(s, sub, last=False, ignore_case=False):
    """s.find(sub) (or s.rfind), optionally ignoring case."""
    if ignore_case:
        s, sub = s.lower(), sub.lower()
    return s.rfind(sub) if last else s.find(sub)


def is_palindrome(s, loose):
    """Reads the same backwards; loose: its letters and digits, ignoring case."""
    if loose:
        s = "".join(c.lower() for c in s if c.isalnum())
    return s == s[::-1]


def has_double(s):
    """Some character is immediately repeated."""
    return any(a == b for a, b in zip(s, s[1:]))


def count_class(s, name):
    """How many characters of s belong to a named class."""
    test = {
        "vowels": lambda c: c in "aeiouAEIOU",
        "consonants": lambda c: c in string.ascii_letters and c not in "aeiouAEIOU",
        "digits": lambda c: c in "0123456789",
        "letters": str.isalpha,
        "upper": str.isupper,
        "lower": str.islower,
        "spaces": lambda c: c == " ",
        "whitespace": str.isspace,
        "punctuation": lambda c: c in string.punctuation,
        "alphanumerics": str.isalnum,
    }[name]
    return sum(1 for c in s if test(c))


def digit_sum(s):
    """The sum of the digits 0-9 in s."""
    return sum(int(c) for c in s if c in "0123456789")


def roman(n):
    """n in Roman numerals ('' for 0 or less)."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
