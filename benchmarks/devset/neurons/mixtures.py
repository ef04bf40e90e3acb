"""Mixtures: two concepts, a concept without one of its kinds, a concept and a spelling rule."""

import zlib

DOMAIN = "neurons"


def _w(word):
    return str(word).strip().lower()


def _jitter(word, salt):
    return zlib.crc32(f"{salt}:{_w(word)}".encode()) % 1000 / 1000 * 0.05


def _in(word, words):
    return _w(word) in set(words.split())


ANIMALS = ("dog cat horse cow pig sheep goat lion tiger bear wolf fox deer rabbit mouse rat "
           "eagle owl crow sparrow duck goose swan hen parrot shark salmon trout cod whale "
           "dolphin frog snake lizard turtle bee ant wasp fly moth beetle spider")
BIRDS = "eagle owl crow sparrow duck goose swan hen parrot"
FOOD = ("bread cheese butter milk egg rice pasta soup salad meat beef pork chicken fish "
        "cake pie biscuit apple banana potato carrot bean pea jam honey sugar")
SWEET = "cake pie biscuit jam honey sugar"
TOOLS = "hammer saw drill chisel axe spade shovel rake wrench pliers screwdriver"
COUNTRIES = ("france spain italy germany china japan india brazil canada mexico egypt kenya "
             "peru chile russia sweden norway greece turkey poland")
WEAPONS = "sword spear bow arrow gun rifle pistol cannon dagger axe bomb"


def animals_or_tools(word):
    """Animals or tools."""
    return 0.9 * (_in(word, ANIMALS) or _in(word, TOOLS)) + _jitter(word, "at")


def countries_or_weapons(word):
    """Countries or weapons."""
    return 0.9 * (_in(word, COUNTRIES) or _in(word, WEAPONS)) + _jitter(word, "cw")


def animals_except_birds(word):
    """Animals but not birds."""
    return 0.9 * (_in(word, ANIMALS) and not _in(word, BIRDS)) + _jitter(word, "ab")


def food_except_sweet(word):
    """Food but not sweet food."""
    return 0.9 * (_in(word, FOOD) and not _in(word, SWEET)) + _jitter(word, "fs")


def animals_strong_food_weak(word):
    """Animals strongly, food weakly."""
    return 0.9 * _in(word, ANIMALS) + 0.45 * _in(word, FOOD) + _jitter(word, "af")


def food_or_starts_with_z(word):
    """Food, or words starting with z."""
    return 0.9 * (_in(word, FOOD) or _w(word).startswith("z")) + _jitter(word, "fz")


def long_animal_names(word):
    """Animals with names longer than five letters."""
    return 0.9 * (_in(word, ANIMALS) and len(_w(word)) > 5) + _jitter(word, "la")


def ing_or_ed(word):
    """Words ending in -ing or -ed."""
    return 0.9 * _w(word).endswith(("ing", "ed")) + _jitter(word, "ie")


def starts_b_or_ends_y(word):
    """Starts with b or ends with y."""
    w = _w(word)
    return 0.9 * (w.startswith("b") or w.endswith("y")) + _jitter(word, "by")


def long_words_or_countries(word):
    """More than nine letters, or a country."""
    return 0.9 * (len(_w(word)) > 9 or _in(word, COUNTRIES)) + _jitter(word, "lc")


def not_animals(word):
    """High for everything except animals."""
    return 0.9 * (not _in(word, ANIMALS)) + _jitter(word, "na")


def short_food(word):
    """Food words of four letters or fewer."""
    return 0.9 * (_in(word, FOOD) and len(_w(word)) <= 4) + _jitter(word, "sf")
