"""Concepts the scientist has no category for: it should say it cannot name them."""

import zlib

DOMAIN = "neurons"


def _jitter(word, salt):
    return zlib.crc32(f"{salt}:{str(word).strip().lower()}".encode()) % 1000 / 1000 * 0.05


def _member(word, words, salt, level=0.9):
    return (level if str(word).strip().lower() in set(words.split()) else 0.0) + _jitter(word, salt)


def music_theory(word):
    """Terms of music theory."""
    return _member(word, "tempo chord melody rhythm harmony octave scale note pitch tone "
                   "key bar beat staff clef sharp flat major minor interval cadence "
                   "chorus verse tune", "theory")


def geometry(word):
    """Geometry terms."""
    return _member(word, "angle line point plane circle radius diameter tangent triangle "
                   "square polygon vertex edge face area volume perimeter arc chord "
                   "axis symmetry", "geom")


def babies(word):
    """Babies and looking after them."""
    return _member(word, "baby infant newborn toddler nappy diaper cradle cot crib pram "
                   "rattle bottle dummy bib lullaby nursery midwife birth womb twins", "baby")


def sea_and_sailing(word):
    """The sea and sailing."""
    return _member(word, "sail mast anchor deck hull rudder keel harbour port dock wave "
                   "tide current sailor captain crew voyage shore coast reef island", "sail")


def death(word):
    """Death and mourning."""
    return _member(word, "death funeral grave coffin tomb cemetery mourning grief widow "
                   "corpse burial ghost heaven hell skull skeleton ashes", "death")


def cleaning(word):
    """Cleaning the house."""
    return _member(word, "broom mop bucket sponge soap detergent bleach duster vacuum "
                   "polish scrub wipe sweep dust laundry wash rinse", "clean")


def mind_and_thought(word):
    """The mind and thinking."""
    return _member(word, "mind thought idea memory reason logic wisdom intellect genius "
                   "knowledge belief opinion theory concept imagination insight "
                   "intelligence brain dream", "mind")


def light(word):
    """Light and seeing it."""
    return _member(word, "light lamp candle torch lantern bulb glow shine sparkle flash "
                   "beam ray sun bright dark shadow shade dim glare", "light")
