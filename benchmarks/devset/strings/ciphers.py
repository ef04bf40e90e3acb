"""Ciphers: Caesar shifts with and without wrap-around, ASCII shifts, substitution tables."""

import codecs
import string

DOMAIN = "strings"

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def _caesar(s, k):
    """Shifts ASCII letters k places, wrapping around the alphabet."""
    k %= 26
    table = str.maketrans(LOWER + UPPER, LOWER[k:] + LOWER[:k] + UPPER[k:] + UPPER[:k])
    return s.translate(table)


def caesar_three(s):
    """Shifts each letter three places on, wrapping from z to a."""
    return _caesar(s, 3)


def caesar_back_one(s):
    """Shifts each letter one place back, wrapping from a to z."""
    out = ""
    for c in s:
        if c.islower() and c.isascii():
            out += chr((ord(c) - ord("a") - 1) % 26 + ord("a"))
        elif c.isupper() and c.isascii():
            out += chr((ord(c) - ord("A") - 1) % 26 + ord("A"))
        else:
            out += c
    return out


def caesar_two_no_wrap(s):
    """Adds 2 to the code of each ASCII letter, without wrapping (z becomes '|')."""
    return "".join(chr(ord(c) + 2) if c.isascii() and c.isalpha() else c for c in s)


def ascii_plus_one(s):
    """Adds 1 to the code of every character."""
    return "".join(chr(ord(c) + 1) for c in s)


def ascii_minus_three(s):
    """Subtracts 3 from the code of every character (never below 0)."""
    return "".join(chr(max(ord(c) - 3, 0)) for c in s)


def rot13(s):
    """ROT13."""
    return codecs.encode(s, "rot_13")


def atbash(s):
    """Mirrors the alphabet: a<->z, b<->y, ..., in both cases."""
    return s.translate(str.maketrans(LOWER + UPPER, LOWER[::-1] + UPPER[::-1]))


def shift_by_first_ordinal(s):
    """Caesar-shifts the letters by the code of the first character, modulo 26."""
    if not s:
        return s
    return _caesar(s, ord(s[0]) % 26)


def shift_by_length(s):
    """Caesar-shifts the letters by the length of the string."""
    return _caesar(s, len(s))


def progressive_shift(s):
    """Shifts each lower-case letter by its position in the string (0, 1, 2, ...)."""
    return "".join(chr((ord(c) - 97 + i) % 26 + 97) if "a" <= c <= "z" else c
                   for i, c in enumerate(s))


def rotate_vowels(s):
    """Replaces each vowel with the next one: a->e, e->i, i->o, o->u, u->a."""
    return s.translate(str.maketrans("aeiouAEIOU", "eiouaEIOUA"))


def leet(s):
    """Leetspeak: a->4, e->3, i->1, o->0, s->5, t->7 (either case)."""
    table = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
    return "".join(table.get(c.lower(), c) for c in s)


def digits_plus_one(s):
    """Adds 1 to each digit, 9 becoming 0."""
    return "".join(str((int(c) + 1) % 10) if c in "0123456789" else c for c in s)


def digits_complement(s):
    """Replaces each digit d with 9 - d."""
    return s.translate(str.maketrans("0123456789", "9876543210"))


def abc_to_xyz(s):
    """Substitutes a->x, b->y, c->z and back (x->a, y->b, z->c)."""
    return s.translate(str.maketrans("abcxyz", "xyzabc"))


def vigenere_key(s):
    """Vigenere cipher of the lower-case letters with the key 'key' (advancing per letter)."""
    key = [ord(k) - 97 for k in "key"]
    out, j = [], 0
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + key[j % 3]) % 26 + 97))
            j += 1
        else:
            out.append(c)
    return "".join(out)


def caesar_five_upper_only(s):
    """Shifts only the upper-case letters five places, wrapping."""
    return "".join(chr((ord(c) - 65 + 5) % 26 + 65) if "A" <= c <= "Z" else c for c in s)


def shift_by_last_letter(s):
    """Caesar-shifts by the alphabet position of the last character (a=1), 0 if not a letter."""
    last = s[-1:].lower()
    k = LOWER.index(last) + 1 if last and last in LOWER else 0
    return _caesar(s, k)


def ascii_shift_by_second(s):
    """Adds the code of the second character modulo 5 to every character's code."""
    if len(s) < 2:
        return s
    k = ord(s[1]) % 5
    return "".join(chr(ord(c) + k) for c in s)


def alphabet_positions(s):
    """Each ASCII letter as its position in the alphabet (a=1), joined with dashes."""
    return "-".join(str(ord(c) - 96) for c in s.lower() if "a" <= c <= "z")


def xor_one(s):
    """Flips the lowest bit of each ASCII character's code."""
    return "".join(chr(ord(c) ^ 1) if ord(c) < 128 else c for c in s)


def morse(s):
    """The letters and digits in Morse code, separated by spaces; other characters dropped."""
    code = {"a": ".-", "b": "-...", "c": "-.-.", "d": "-..", "e": ".", "f": "..-.",
            "g": "--.", "h": "....", "i": "..", "j": ".---", "k": "-.-", "l": ".-..",
            "m": "--", "n": "-.", "o": "---", "p": ".--.", "q": "--.-", "r": ".-.",
            "s": "...", "t": "-", "u": "..-", "v": "...-", "w": ".--", "x": "-..-",
            "y": "-.--", "z": "--..", "0": "-----", "1": ".----", "2": "..---",
            "3": "...--", "4": "....-", "5": ".....", "6": "-....", "7": "--...",
            "8": "---..", "9": "----."}
    return " ".join(code[c] for c in s.lower() if c in code)


def keyboard_shift(s):
    """Replaces each lower-case letter with the key to its right on a QWERTY row (wrapping)."""
    rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    table = {}
    for row in rows:
        for i, c in enumerate(row):
            table[c] = row[(i + 1) % len(row)]
    return "".join(table.get(c, c) for c in s)
