"""Atomic str -> str operations of the strings domain.

Each operation is a plain, self-contained function (it uses only builtins and the
`re` / `string` modules) so that its own source, read with `inspect.getsource`, is the
rendered ground truth: what the pane shows is exactly what the interpreter runs.
`OPS` pairs each function with its description phrase and the pools its arguments are
drawn from.
"""

import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# --- case -------------------------------------------------------------------------


def uppercase(s: str) -> str:
    return s.upper()


def lowercase(s: str) -> str:
    return s.lower()


def swap_case(s: str) -> str:
    return s.swapcase()


def capitalize_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def title_case(s: str) -> str:
    return re.sub(r"\S+", lambda word: word[0][:1].upper() + word[0][1:].lower(), s)


def alternate_case(s: str) -> str:
    return "".join(c.lower() if i % 2 else c.upper() for i, c in enumerate(s))


def upper_vowels(s: str) -> str:
    return "".join(c.upper() if c in "aeiou" else c for c in s)


def toggle_first_case(s: str) -> str:
    return s[:1].swapcase() + s[1:]


# --- reversals --------------------------------------------------------------------


def reverse(s: str) -> str:
    return s[::-1]


def reverse_first_half(s: str) -> str:
    half = len(s) // 2
    return s[:half][::-1] + s[half:]


def reverse_second_half(s: str) -> str:
    half = len(s) // 2
    return s[:half] + s[half:][::-1]


def reverse_words(s: str) -> str:
    return " ".join(reversed(s.split()))


def reverse_each_word(s: str) -> str:
    return re.sub(r"\S+", lambda word: word[0][::-1], s)


def reverse_vowels(s: str) -> str:
    vowels = [c for c in s if c in "aeiouAEIOU"]
    return "".join(vowels.pop() if c in "aeiouAEIOU" else c for c in s)


def mirror(s: str) -> str:
    return s + s[::-1]


# --- extraction and removal -------------------------------------------------------


def keep_digits(s: str) -> str:
    return "".join(c for c in s if c in string.digits)


def keep_letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def keep_vowels(s: str) -> str:
    return "".join(c for c in s if c in "aeiouAEIOU")


def remove_digits(s: str) -> str:
    return "".join(c for c in s if c not in string.digits)


def remove_vowels(s: str) -> str:
    return "".join(c for c in s if c not in "aeiouAEIOU")


def remove_consonants(s: str) -> str:
    return "".join(c for c in s if c not in "bcdfghjklmnpqrstvwxyzBCDFGHJKLMNPQRSTVWXYZ")


def remove_punctuation(s: str) -> str:
    return "".join(c for c in s if c not in string.punctuation)


def remove_whitespace(s: str) -> str:
    return "".join(s.split())


def every_other_char(s: str) -> str:
    return s[::2]


def strip_whitespace(s: str) -> str:
    return s.strip()


def strip_char(s: str, char: str) -> str:
    return s.strip(char)


# --- single characters and words ---------------------------------------------------


def first_char(s: str) -> str:
    return s[:1]


def last_char(s: str) -> str:
    return s[-1:]


def middle_char(s: str) -> str:
    """For an even length this is the left one of the two middle characters."""
    i = (len(s) - 1) // 2
    return s[i : i + 1]


def first_n(s: str, n: int) -> str:
    return s[:n]


def last_n(s: str, n: int) -> str:
    return s[-n:]


def first_word(s: str) -> str:
    return (s.split() or [""])[0]


def last_word(s: str) -> str:
    return (s.split() or [""])[-1]


def longest_word(s: str) -> str:
    return max(s.split(), key=len, default="")


def word_initials(s: str) -> str:
    return "".join(word[0] for word in s.split())


# --- counts -----------------------------------------------------------------------


def count_vowels(s: str) -> str:
    return str(sum(c in "aeiouAEIOU" for c in s))


def count_consonants(s: str) -> str:
    return str(sum(c in "bcdfghjklmnpqrstvwxyzBCDFGHJKLMNPQRSTVWXYZ" for c in s))


def count_digits(s: str) -> str:
    return str(sum(c in string.digits for c in s))


def count_uppercase(s: str) -> str:
    return str(sum(c.isupper() for c in s))


def count_words(s: str) -> str:
    return str(len(s.split()))


def length(s: str) -> str:
    return str(len(s))


def count_char(s: str, char: str) -> str:
    return str(sum(c in (char, char.upper()) for c in s))


# --- replacement and ciphers ------------------------------------------------------


def replace_vowels(s: str, char: str) -> str:
    return "".join(char if c in "aeiouAEIOU" else c for c in s)


def replace_char(s: str, old: str, new: str) -> str:
    return "".join(new if c in (old, old.upper()) else c for c in s)


def replace_substring(s: str, old: str, new: str) -> str:
    return s.replace(old, new)


def replace_whitespace(s: str, char: str) -> str:
    return char.join(s.split())


def caesar(s: str, shift: int) -> str:
    lower, upper, k = string.ascii_lowercase, string.ascii_uppercase, shift % 26
    return s.translate(str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k]))


def atbash(s: str) -> str:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return s.translate(str.maketrans(lower + upper, lower[::-1] + upper[::-1]))


def substitute(s: str, alphabet: str) -> str:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return s.translate(str.maketrans(lower + upper, alphabet + alphabet.upper()))


def shift_digits(s: str, k: int) -> str:
    digits = string.digits
    return s.translate(str.maketrans(digits, digits[k:] + digits[:k]))


# --- insertion, search, duplication --------------------------------------------------


def interleave_char(s: str, char: str) -> str:
    return char.join(s)


def add_prefix(s: str, prefix: str) -> str:
    return prefix + s


def add_suffix(s: str, suffix: str) -> str:
    return s + suffix


def insert_at(s: str, index: int, char: str) -> str:
    return s[:index] + char + s[index:]


def find_substring(s: str, sub: str) -> str:
    return str(s.find(sub))


def remove_substring(s: str, sub: str) -> str:
    return s.replace(sub, "")


def repeat(s: str, times: int) -> str:
    return s * times


def double_chars(s: str) -> str:
    return "".join(c * 2 for c in s)


def double_words(s: str) -> str:
    return " ".join(f"{word} {word}" for word in s.split())


# --- swaps, ordering, code points --------------------------------------------------


def swap_first_last(s: str) -> str:
    return s[-1] + s[1:-1] + s[0] if len(s) > 1 else s


def swap_adjacent(s: str) -> str:
    return "".join(s[i : i + 2][::-1] for i in range(0, len(s), 2))


def sort_chars(s: str) -> str:
    return "".join(sorted(s))


def sort_words(s: str) -> str:
    return " ".join(sorted(s.split()))


def dedupe_chars(s: str) -> str:
    return "".join(dict.fromkeys(s))


def rotate_left(s: str, k: int) -> str:
    k = k % len(s) if s else 0
    return s[k:] + s[:k]


def rotate_right(s: str, k: int) -> str:
    k = k % len(s) if s else 0
    return s[len(s) - k :] + s[: len(s) - k]


def run_length_encode(s: str) -> str:
    return "".join(run[0][0] + str(len(run[0])) for run in re.finditer(r"(.)\1*", s, re.DOTALL))


def ordinals(s: str) -> str:
    return " ".join(str(ord(c)) for c in s)


def ordinal_sum(s: str) -> str:
    return str(sum(ord(c) for c in s))


# --- registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """An operation, the phrase describing it (formatted with its arguments) and the
    pool each argument is drawn from; finite pools let the generator enumerate every
    atomic variant and reject compositions that collapse to one of them."""

    func: Callable[..., str]
    phrase: str
    params: dict[str, Sequence] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.func.__name__

    def describe(self, args: dict) -> str:
        return self.phrase.format(**args)

    def sample(self, rng: random.Random) -> dict:
        return {name: rng.choice(pool) for name, pool in self.params.items()}


def _alphabets(count: int) -> tuple[str, ...]:
    """Fixed substitution alphabets; seeding with a string is stable across machines."""
    letters = string.ascii_lowercase
    return tuple("".join(random.Random(f"alphabet-{i}").sample(letters, 26)) for i in range(count))


VOWELS = "(a, e, i, o, u in either case)"
SUBSTRINGS = ("th", "he", "in", "er", "an", "re", "on", "at", "en", "es", "or", "st",
              "the", "ing", "and", "ll", "ss", "oo", "ee", "12")
MARKS = ("*", "#", "_", "-", "!", "@", "X", "0")
COMMON_LETTERS = tuple("abcdeilmnorstu")
SHORT_COUNTS = tuple(range(2, 7))
AS_DECIMAL = "and returns the count as a decimal string"

_OP_LIST = [
    Op(uppercase, "converts every letter to uppercase"),
    Op(lowercase, "converts every letter to lowercase"),
    Op(swap_case, "swaps the case of every letter (upper becomes lower and lower becomes upper)"),
    Op(capitalize_first, "makes the first character uppercase, leaving the rest unchanged"),
    Op(title_case, "capitalizes every word: its first character becomes uppercase and the rest "
       "of the word lowercase (words are runs of non-whitespace; spacing is kept)"),
    Op(alternate_case, "alternates case by position: characters at even positions (0, 2, 4, ...) "
       "become uppercase and those at odd positions lowercase"),
    Op(upper_vowels, "makes every lowercase vowel (a, e, i, o, u) uppercase, leaving every other "
       "character unchanged"),
    Op(toggle_first_case, "swaps the case of the first character only"),
    Op(reverse, "reverses the whole string"),
    Op(reverse_first_half, "reverses the first half (the first n // 2 characters, so the middle "
       "character of an odd-length string stays put), leaving the second half in place"),
    Op(reverse_second_half, "reverses the second half (the last n - n // 2 characters, so the "
       "middle character of an odd-length string belongs to it), leaving the first half in place"),
    Op(reverse_words, "reverses the order of the words (split on whitespace) and joins them with "
       "single spaces, dropping leading, trailing and repeated whitespace"),
    Op(reverse_each_word, "reverses the characters within each word (runs of non-whitespace), "
       "keeping the word order and the spacing"),
    Op(reverse_vowels, f"reverses the order of the vowels {VOWELS}, leaving every other "
       "character where it is"),
    Op(mirror, "appends the reversed string, giving a palindrome twice as long"),
    Op(keep_digits, "keeps only the digits 0-9 (empty if there are none)"),
    Op(keep_letters, "keeps only the letters (accented ones included), dropping digits, "
       "whitespace and punctuation"),
    Op(keep_vowels, f"keeps only the vowels {VOWELS}"),
    Op(remove_digits, "removes every digit 0-9"),
    Op(remove_vowels, f"removes every vowel {VOWELS}; y is not a vowel"),
    Op(remove_consonants, "removes every consonant (the English letters other than a, e, i, o, "
       "u, in either case), keeping vowels, digits, whitespace and punctuation"),
    Op(remove_punctuation, "removes every ASCII punctuation character (such as . , ! ? ' - _ "
       "and brackets), keeping letters, digits and whitespace"),
    Op(remove_whitespace, "removes all whitespace (spaces, tabs and newlines)"),
    Op(every_other_char, "keeps every other character, starting with the first "
       "(positions 0, 2, 4, ...)"),
    Op(strip_whitespace, "removes leading and trailing whitespace"),
    Op(strip_char, "removes every {char!r} at the start and at the end of the string "
       "(inner ones stay)", {"char": ("*", "-", ".", "!", "#", "_", "x", "a", "e", "s", "0")}),
    Op(first_char, "keeps only the first character (empty for an empty string)"),
    Op(last_char, "keeps only the last character (empty for an empty string)"),
    Op(middle_char, "keeps only the middle character; for an even length the left of the two "
       "middle characters (empty for an empty string)"),
    Op(first_n, "keeps the first {n} characters (the whole string if it is shorter)",
       {"n": SHORT_COUNTS}),
    Op(last_n, "keeps the last {n} characters (the whole string if it is shorter)",
       {"n": SHORT_COUNTS}),
    Op(first_word, "keeps only the first word (words are split on whitespace; empty if there "
       "are none)"),
    Op(last_word, "keeps only the last word (words are split on whitespace; empty if there "
       "are none)"),
    Op(longest_word, "keeps only the longest word (split on whitespace), the first one on a "
       "tie; empty if there are no words"),
    Op(word_initials, "keeps the first character of every word (split on whitespace), "
       "concatenated"),
    Op(count_vowels, f"counts the vowels {VOWELS} {AS_DECIMAL} ('0' if there are none)"),
    Op(count_consonants, "counts the consonants (English letters other than a, e, i, o, u, in "
       f"either case) {AS_DECIMAL}"),
    Op(count_digits, f"counts the digits 0-9 {AS_DECIMAL} ('0' if there are none)"),
    Op(count_uppercase, f"counts the uppercase letters {AS_DECIMAL}"),
    Op(count_words, f"counts the words (runs of non-whitespace) {AS_DECIMAL}"),
    Op(length, "returns the number of characters as a decimal string"),
    Op(count_char, "counts the letter {char!r} in either case " + AS_DECIMAL,
       {"char": COMMON_LETTERS}),
    Op(replace_vowels, f"replaces every vowel {VOWELS} with {{char!r}}", {"char": MARKS}),
    Op(replace_char, "replaces every {old!r}, in either case, with {new!r}",
       {"old": tuple("aeinorst"), "new": ("*", "#", "_", "3", "@", "-", "z", "!")}),
    Op(replace_substring, "replaces every occurrence of {old!r} (case-sensitive, left to right, "
       "without overlaps) with {new!r}",
       {"old": SUBSTRINGS, "new": ("_", "#", "X", "QQ", "123", "--", "!")}),
    Op(replace_whitespace, "splits the string into words on whitespace and joins them with "
       "{char!r} (leading and trailing whitespace is dropped)",
       {"char": ("_", "-", ".", "+", "/", "|", ",")}),
    Op(caesar, "shifts every English letter {shift} places forward in the alphabet, wrapping "
       "z to a; case is kept and other characters are unchanged", {"shift": tuple(range(1, 26))}),
    Op(atbash, "mirrors every English letter in the alphabet (a<->z, b<->y, ...), keeping case; "
       "other characters are unchanged"),
    Op(substitute, "replaces every English letter through the substitution alphabet "
       "{alphabet!r} (a becomes its 1st letter, b its 2nd, and so on), keeping case; other "
       "characters are unchanged", {"alphabet": _alphabets(16)}),
    Op(shift_digits, "adds {k} to every digit, wrapping modulo 10 (so 9 + 1 gives 0); other "
       "characters are unchanged", {"k": tuple(range(1, 10))}),
    Op(interleave_char, "inserts {char!r} between every two adjacent characters",
       {"char": ("-", "*", " ", ".", "_", "|", "x", "0")}),
    Op(add_prefix, "puts {prefix!r} in front of the string",
       {"prefix": ("pre_", ">> ", "abc", "X", "0x", "hello ", "#", "[")}),
    Op(add_suffix, "appends {suffix!r} to the string",
       {"suffix": ("!", "_end", "ing", " ok", "123", "?", "s", "...")}),
    Op(insert_at, "inserts {char!r} at position {index}, after the first {index} characters "
       "(at the end if the string is shorter)",
       {"index": tuple(range(1, 7)), "char": ("*", "#", "-", "_", "X", "!", " ", "@", "7")}),
    Op(find_substring, "returns the position of the first occurrence of {sub!r} (case-sensitive, "
       "counting from 0) as a decimal string, or '-1' if it does not occur",
       {"sub": SUBSTRINGS + tuple("aeost ")}),
    Op(remove_substring, "removes every occurrence of {sub!r} (case-sensitive, left to right)",
       {"sub": SUBSTRINGS}),
    Op(repeat, "writes the string {times} times in a row", {"times": (2, 3)}),
    Op(double_chars, "writes every character twice ('ab' becomes 'aabb')"),
    Op(double_words, "writes every word twice ('a b' becomes 'a a b b'); words are split on "
       "whitespace and joined with single spaces"),
    Op(swap_first_last, "swaps the first and last characters (strings shorter than 2 are "
       "unchanged)"),
    Op(swap_adjacent, "swaps each pair of adjacent characters (1st with 2nd, 3rd with 4th, ...); "
       "the last character of an odd-length string stays in place"),
    Op(sort_chars, "sorts the characters by Unicode code point (whitespace before digits, "
       "digits before uppercase letters, uppercase before lowercase)"),
    Op(sort_words, "sorts the words (split on whitespace) by code point, so uppercase before "
       "lowercase, and joins them with single spaces"),
    Op(dedupe_chars, "removes repeated characters, keeping only the first occurrence of each "
       "(case-sensitive)"),
    Op(rotate_left, "rotates the string left by {k}: the first {k} characters move to the end "
       "(the shift is taken modulo the length, so short strings wrap around)",
       {"k": tuple(range(1, 6))}),
    Op(rotate_right, "rotates the string right by {k}: the last {k} characters move to the front "
       "(the shift is taken modulo the length, so short strings wrap around)",
       {"k": tuple(range(1, 6))}),
    Op(run_length_encode, "run-length encodes the string: each run of a repeated character "
       "becomes the character followed by the run's length ('aab' becomes 'a2b1')"),
    Op(ordinals, "replaces every character with its Unicode code point in decimal, separated "
       "by single spaces (empty for an empty string)"),
    Op(ordinal_sum, "returns the sum of the characters' Unicode code points as a decimal "
       "string ('0' for an empty string)"),
]

OPS: dict[str, Op] = {op.name: op for op in _OP_LIST}
