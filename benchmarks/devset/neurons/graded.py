"""Graded neurons: activation that varies by degree, with spelling or with a concept's
typicality."""

import zlib

DOMAIN = "neurons"
VOWELS = "aeiou"


def _w(word):
    return str(word).strip().lower()


def _jitter(word, salt, size=0.03):
    return zlib.crc32(f"{salt}:{_w(word)}".encode()) % 1000 / 1000 * size


def _ranked(word, words, salt, top=0.95, bottom=0.3):
    """Members from `top` (the first) down to `bottom` (the last); others near zero."""
    order = words.split()
    if _w(word) not in order:
        return _jitter(word, salt)
    return top - (top - bottom) * order.index(_w(word)) / max(1, len(order) - 1) + _jitter(word, salt)


def length(word):
    """Rises with word length."""
    return min(1.0, len(_w(word)) / 14) * 0.95 + _jitter(word, "len")


def shortness(word):
    """Falls with word length."""
    return max(0.0, 1.0 - len(_w(word)) / 12) * 0.9 + _jitter(word, "short")


def vowel_share(word):
    """Rises with the share of vowels."""
    w = _w(word)
    return 0.9 * sum(c in VOWELS for c in w) / max(1, len(w)) + _jitter(word, "vs")


def vowel_count(word):
    """Rises with the number of vowels."""
    return min(1.0, 0.18 * sum(c in VOWELS for c in _w(word))) + _jitter(word, "vc")


def late_in_alphabet(word):
    """Rises with the first letter's place in the alphabet."""
    w = _w(word)
    return 0.9 * (ord(w[0]) - 97) / 25 + _jitter(word, "abc") if w else 0.0


def big_animals(word):
    """Animals, graded by size."""
    return _ranked(word, "whale elephant rhino hippo giraffe horse bear cow lion tiger deer "
                   "wolf sheep dog fox cat rabbit squirrel rat mouse", "size")


def good_feelings(word):
    """Pleasant words, the most pleasant highest."""
    return _ranked(word, "joy love bliss delight happiness cheer hope pride calm peace "
                   "kindness comfort", "good")


def typical_fruit(word):
    """Fruit, typical ones highest."""
    return _ranked(word, "apple banana orange pear grape strawberry cherry peach plum mango "
                   "lemon pineapple melon kiwi apricot fig lime papaya guava quince", "tf")


def hot_things(word):
    """Heat, hottest highest."""
    return _ranked(word, "fire lava sun flame oven boiling scorching hot furnace steam "
                   "summer desert warm tepid", "hot")


def vehicles_by_speed(word):
    """Vehicles, faster ones higher."""
    return _ranked(word, "rocket jet plane helicopter train car motorcycle bus truck "
                   "bicycle boat horse cart", "fast")
