"""Ciphers: Caesar shifts with wrap-around, ASCII shifts without wrap-around, shifts keyed by a
character's alphabet position, atbash, rot13, vowel rotation, digit shifts and substitution
tables."""

import codecs
import string

DOMAIN = "strings"

_LOW = string.ascii_lowercase
_UP = string.ascii_uppercase


def _caesar(s, k):
    k %= 26
    table = str.maketrans(_LOW + _UP, _LOW[k:] + _LOW[:k] + _UP[k:] + _UP[:k])
    return s.translate(table)


def caesar_three(s):
    """Shift ASCII letters forward by 3 with wrap-around, keeping case."""
    return _caesar(s, 3)


def caesar_back_five(s):
    """Shift ASCII letters back by 5 with wrap-around, keeping case."""
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 - 5) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 - 5) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)


def caesar_eleven_lower_only(s):
    """Shift only lowercase ASCII letters forward by 11 with wrap-around."""
    return "".join(_LOW[(_LOW.index(c) + 11) % 26] if c in _LOW else c for c in s)


def ascii_plus_one(s):
    """Every ASCII letter replaced by chr(ord(c) + 1), no wrap-around ('z' becomes '{')."""
    return "".join(chr(ord(c) + 1) if c.isascii() and c.isalpha() else c for c in s)


def ascii_plus_two_all(s):
    """Every printable ASCII character (space to '|') replaced by chr(ord(c) + 2), no wrap."""
    return "".join(chr(ord(c) + 2) if " " <= c <= "|" else c for c in s)


def ascii_minus_three_letters(s):
    """Every ASCII letter replaced by chr(ord(c) - 3), no wrap-around ('a' becomes '^')."""
    return "".join(chr(ord(c) - 3) if c in string.ascii_letters else c for c in s)


def shift_by_first_letter(s):
    """Caesar-shift letters by the alphabet index (a=0) of the first ASCII letter of the text."""
    key = next((c for c in s if c in string.ascii_letters), None)
    if key is None:
        return s
    return _caesar(s, ord(key.lower()) - 97)


def shift_by_last_char_index(s):
    """Caesar-shift letters by the alphabet position (a=1) of the last character if it is an ASCII letter, otherwise leave the text unchanged."""
    if not s or s[-1] not in string.ascii_letters:
        return s
    return _caesar(s, ord(s[-1].lower()) - 96)


def shift_by_position(s):
    """Shift the i-th character (0-based) forward by i places if it is an ASCII letter."""
    out = []
    for i, c in enumerate(s):
        if c in _LOW:
            out.append(chr((ord(c) - 97 + i) % 26 + 97))
        elif c in _UP:
            out.append(chr((ord(c) - 65 + i) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)


def shift_by_length(s):
    """Caesar-shift letters forward by the length of the text."""
    return _caesar(s, len(s))


def atbash(s):
    """Atbash: a<->z, b<->y ... for ASCII letters, keeping case."""
    return s.translate(str.maketrans(_LOW + _UP, _LOW[::-1] + _UP[::-1]))


def rot13(s):
    """ROT13 on ASCII letters."""
    return codecs.encode(s, "rot_13")


def rotate_vowels(s):
    """Replace each vowel by the next one (a->e->i->o->u->a), keeping case."""
    return s.translate(str.maketrans("aeiouAEIOU", "eiouaEIOUA"))


def rotate_vowels_back(s):
    """Replace each lowercase vowel by the previous one (a->u, e->a ...)."""
    prev = {"a": "u", "e": "a", "i": "e", "o": "i", "u": "o"}
    return "".join(prev.get(c, c) for c in s)


def digits_plus_four(s):
    """Add 4 to every ASCII digit modulo 10."""
    return "".join(str((int(c) + 4) % 10) if c in "0123456789" else c for c in s)


def digits_nine_complement(s):
    """Replace each ASCII digit d with 9 - d."""
    return s.translate(str.maketrans("0123456789", "9876543210"))


def leetspeak(s):
    """Substitute a->4, e->3, i->1, o->0, s->5, t->7 (either case)."""
    return s.translate(str.maketrans("aeiostAEIOST", "431057431057"))


def keyboard_substitution(s):
    """Map lowercase letters through the QWERTY row order (a->q, b->w, ...)."""
    return s.translate(str.maketrans(_LOW, "qwertyuiopasdfghjklzxcvbnm"))


def swap_pairs_alphabet(s):
    """Swap letters in alphabet pairs (a<->b, c<->d, ...), keeping case."""
    out = []
    for c in s:
        if c in _LOW:
            i = _LOW.index(c)
            out.append(_LOW[i ^ 1])
        elif c in _UP:
            i = _UP.index(c)
            out.append(_UP[i ^ 1])
        else:
            out.append(c)
    return "".join(out)


def alphabet_positions(s):
    """Replace each ASCII letter by its alphabet position (a=1) joined with '-', dropping everything else."""
    return "-".join(str(ord(c.lower()) - 96) for c in s if c in string.ascii_letters)
