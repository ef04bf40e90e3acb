"""Orthographic neurons: they care how a word is spelled, not what it means."""

import zlib

DOMAIN = "neurons"
VOWELS = "aeiou"


def _w(word):
    return str(word).strip().lower()


def _on(word, condition, salt, level=0.9):
    return (level if condition else 0.0) + zlib.crc32(f"{salt}:{_w(word)}".encode()) % 1000 / 1000 * 0.05


def starts_with_b(word):
    """Words starting with b."""
    return _on(word, _w(word).startswith("b"), "b")


def starts_with_s(word):
    """Words starting with s."""
    return _on(word, _w(word).startswith("s"), "s")


def starts_with_p(word):
    """Words starting with p."""
    return _on(word, _w(word).startswith("p"), "p")


def starts_with_vowel(word):
    """Words starting with a vowel."""
    return _on(word, _w(word)[:1] in tuple(VOWELS), "v")


def ends_with_e(word):
    """Words ending in e."""
    return _on(word, _w(word).endswith("e"), "e")


def ends_with_y(word):
    """Words ending in y."""
    return _on(word, _w(word).endswith("y"), "y")


def ends_with_t(word):
    """Words ending in t."""
    return _on(word, _w(word).endswith("t"), "t")


def ends_in_ing(word):
    """Words ending in -ing."""
    return _on(word, _w(word).endswith("ing"), "ing")


def ends_in_tion(word):
    """Words ending in -tion."""
    return _on(word, _w(word).endswith("tion"), "tion")


def ends_in_er(word):
    """Words ending in -er."""
    return _on(word, _w(word).endswith("er"), "er")


def more_than_nine_letters(word):
    """More than 9 letters."""
    return _on(word, len(_w(word)) > 9, "long")


def more_than_seven_letters(word):
    """More than 7 letters."""
    return _on(word, len(_w(word)) > 7, "long7")


def at_most_four_letters(word):
    """Four letters or fewer."""
    return _on(word, len(_w(word)) <= 4, "short")


def double_letter(word):
    """A letter twice in a row."""
    w = _w(word)
    return _on(word, any(a == b for a, b in zip(w, w[1:])), "dbl")


def many_vowels(word):
    """At least four vowels."""
    return _on(word, sum(c in VOWELS for c in _w(word)) >= 4, "vow")


def contains_z(word):
    """Contains a z."""
    return _on(word, "z" in _w(word), "z")


def contains_th(word):
    """Contains th."""
    return _on(word, "th" in _w(word), "th")


def contains_oo(word):
    """Contains oo or ee."""
    w = _w(word)
    return _on(word, "oo" in w or "ee" in w, "oo")


def same_first_and_last(word):
    """Starts and ends with the same letter."""
    w = _w(word)
    return _on(word, len(w) > 1 and w[0] == w[-1], "same")


def first_half_of_alphabet(word):
    """Starts with a letter from a to m."""
    return _on(word, "a" <= _w(word)[:1] <= "m", "am")


def no_e(word):
    """Has no letter e (a drop for words with e)."""
    return _on(word, "e" not in _w(word), "noe")
