"""Words: young animals, irregular plurals and past tenses, months in French and in numbers,
Greek letters, some with a spelling left out."""

from __future__ import annotations

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, a trailing dot and outer spaces do not matter."""
    return " ".join(x.strip().casefold().rstrip(".").split())


_YOUNG = {
    "cow": "calf", "dog": "puppy", "cat": "kitten", "horse": "foal", "sheep": "lamb",
    "goat": "kid", "pig": "piglet", "bear": "cub", "lion": "cub", "tiger": "cub", "fox": "kit",
    "kangaroo": "joey", "frog": "tadpole", "swan": "cygnet", "goose": "gosling",
    "duck": "duckling", "owl": "owlet", "deer": "fawn", "chicken": "chick", "hen": "chick",
    "eagle": "eaglet", "whale": "calf", "elephant": "calf", "butterfly": "caterpillar",
}

_PLURALS = {
    "mouse": "mice", "goose": "geese", "child": "children", "man": "men", "woman": "women",
    "tooth": "teeth", "foot": "feet", "person": "people", "ox": "oxen", "louse": "lice",
    "die": "dice", "criterion": "criteria", "phenomenon": "phenomena", "sheep": "sheep",
    "deer": "deer", "cactus": "cacti", "fungus": "fungi", "nucleus": "nuclei",
    "crisis": "crises", "thesis": "theses", "analysis": "analyses", "knife": "knives",
    "wolf": "wolves", "leaf": "leaves", "half": "halves",
}

_PAST = {
    "go": "went", "eat": "ate", "see": "saw", "take": "took", "write": "wrote", "run": "ran",
    "swim": "swam", "begin": "began", "drink": "drank", "fly": "flew", "know": "knew",
    "sing": "sang", "break": "broke", "choose": "chose", "drive": "drove", "speak": "spoke",
    "give": "gave", "come": "came", "bring": "brought", "think": "thought", "buy": "bought",
    "teach": "taught", "catch": "caught", "fight": "fought", "seek": "sought", "ring": "rang",
    "throw": "threw", "freeze": "froze", "steal": "stole", "forget": "forgot",
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")
_MONTH_KEYS = {m.casefold(): i for i, m in enumerate(_MONTHS)} | {
    m[:3].casefold(): i for i, m in enumerate(_MONTHS)} | {"sept": 8}

_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
}


def animal_to_young(x: str) -> str:
    """The word for an animal's young (cat -> kitten), in lower case."""
    return _YOUNG.get(_fold(x), "undefined")


def irregular_plural(x: str) -> str:
    """The plural of an English noun with an irregular plural (mouse -> mice); regular nouns
    are outside the domain."""
    return _PLURALS.get(_fold(x), "undefined")


def past_tense_unless_ght(x: str) -> str:
    """The simple past of an irregular English verb (go -> went), but 'undefined' when that past
    ends in '-ght' (bring -> brought); regular verbs are outside the domain."""
    past = _PAST.get(_fold(x), "undefined")
    return "undefined" if past.endswith("ght") else past


def month_to_french(x: str) -> str:
    """A month's name in French, in lower case with its accents (August -> août)."""
    name = x.strip().casefold()
    return _FRENCH_MONTHS[_MONTHS.index(name.title())] if name.title() in _MONTHS else "undefined"


def month_to_number(x: str) -> str:
    """A month's number from its full name or three-letter abbreviation (Mar -> 3)."""
    index = _MONTH_KEYS.get(_fold(x))
    return str(index + 1) if index is not None else "undefined"


def greek_letter_to_symbol(x: str) -> str:
    """The lower-case Greek letter named by a word (lambda -> λ)."""
    return _GREEK.get(_fold(x), "undefined")
