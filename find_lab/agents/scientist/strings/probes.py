"""The strings the scientist asks about: chosen to tell text functions apart in general.

Each opening string mixes what string functions react to (case, digits, punctuation, runs of
spaces, vowels, repeated letters, several words); the edge cases are the strings a person
tries on any text function (empty, one character of each kind, palindromes, only digits,
only spaces); the rest is random everyday text.
"""

from __future__ import annotations

import random

OPENING = (
    "The Quick brown fox, 42 jumps... over 7 LAZY dogs!",
    "Hello World 42",
    "",
    "a",
    "level",
    "x9 (yes) - NO; mail@site.org  ok",
)
EDGES = (
    " ", "Z", "7", "?", "e", "ab", "AB", "ba", "abc", "Ab1", "noon", "Racecar", "12345", "007",
    "3.14", "  two  spaces  ", "tab\there", "new\nline", "aaaa", "aabbcc", "Mississippi",
    "éclair naïve", "UPPER CASE", "lower case words", "MiXeD cAsE", "one,two,three",
    "a-b-c", "under_score", "[brackets]", "(round)", "end.", "why?", "wow!!", "x y z",
    "word", "Two Words", "three little words", "four words in all", "5 apples and 12 pears",
    "qwertyuiop", "zyxwvut", "bookkeeper", "strength", "AEIOU aeiou", "rhythm",
    "start middle end", "1 2 3", "A1B2C3", "#hash @at $dollar", "it's", "e-mail",
)
WORDS = (
    "apple", "river", "stone", "light", "green", "table", "music", "dance", "paper", "cloud",
    "quiet", "storm", "bread", "piano", "tiger", "ocean", "glass", "wheel", "house", "night",
    "sugar", "plant", "bird", "fish", "wind", "rain", "snow", "fire", "gold", "iron", "salt",
    "a", "an", "the", "of", "to", "in", "on", "is", "it", "we", "or", "by", "up", "go",
    "Monday", "Berlin", "Tokyo", "Maria", "Ahmed", "USA", "BBC", "GPS", "DNA", "eBay",
    "sky", "myth", "crypt", "queue", "area", "idea", "eerie", "banana", "balloon", "letter",
    "summer", "coffee", "success", "address", "level", "radar", "kayak", "madam", "refer",
    "and", "that", "with", "this", "from", "at", "as", "but", "for", "not", "you", "all",
    "singing", "nation", "station", "thinking", "others", "there", "enter", "ending",
)
SEPARATORS = (" ", " ", " ", " ", "  ", ", ", "-", "_", ". ", "\t", "/")
LONG_TEXTS = 6
ENDINGS = ("", "", "", ".", "!", "?", "...", ";", " :)")


def word(rng: random.Random) -> str:
    w = rng.choice(WORDS)
    style = rng.random()
    if style < 0.08:
        return str(rng.randint(0, 999))
    if style < 0.2:
        return w.upper()
    if style < 0.38:
        return w.capitalize()
    if style < 0.42:
        return w.swapcase()
    return w


def sentence(rng: random.Random, low: int = 1, high: int = 6) -> str:
    words = [word(rng) for _ in range(rng.randint(low, high))]
    text = words[0]
    for w in words[1:]:
        text += rng.choice(SEPARATORS) + w
    return text + rng.choice(ENDINGS)


def random_text(rng: random.Random) -> str:
    """A random word, phrase, number or padded sentence."""
    kind = rng.random()
    if kind < 0.45:
        return sentence(rng)
    if kind < 0.6:
        return rng.choice(WORDS) + str(rng.randint(0, 99))
    if kind < 0.7:
        return str(rng.randint(0, 10 ** rng.randint(1, 7)))
    if kind < 0.8:
        return "".join(rng.choice("abcdeiouxyzABCXYZ0123 .,-!") for _ in range(rng.randint(1, 12)))
    if kind < 0.9:
        return rng.choice(WORDS)
    return rng.choice(("", " ", "  ")) + sentence(rng, 1, 3) + rng.choice(("", " ", "\t"))


def pool(rng: random.Random, size: int = 160) -> list[str]:
    """The candidate probes and check strings: edge cases, then random text."""
    texts = [random_text(rng) for _ in range(size)]
    long = [sentence(rng, 12, 30) for _ in range(LONG_TEXTS)]  # counts past twenty
    return list(dict.fromkeys([*OPENING, *EDGES, *texts, *long]))


def around(literals: list[str], rng: random.Random) -> list[str]:
    """Strings holding what the surviving programs look for, at the start, the end and
    inside words, in both cases: where programs about a literal disagree."""
    found = []
    for text in literals:
        a, b = rng.choice(WORDS), rng.choice(WORDS)
        found += [text, f"{text}{a}", f"{a} {text}", f"{text.upper()} {a}{text}",
                  f"{a}{text}{b} {text}", text * 2 + " " + text.swapcase()]
    return found


def fresh(rng: random.Random, avoid: set[str], count: int) -> list[str]:
    """Strings not asked before, for checking a hypothesis."""
    found: dict[str, None] = {}
    for _ in range(50 * count):
        if len(found) >= count:
            break
        text = random_text(rng)
        if text not in avoid:
            found[text] = None
    return list(found)
