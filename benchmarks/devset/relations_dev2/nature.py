"""Animals, the human body and food: animals to their young, legs and class (except mammals),
body parts to how many a person has and organs to their body system, dishes to their country
(except European dishes). Names are read in any case, singular or plural where it says so."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"


def _key(x: str) -> str:
    return " ".join(x.split()).casefold()


_YOUNG = {
    "cat": "kitten", "dog": "puppy", "cow": "calf", "horse": "foal", "sheep": "lamb",
    "goat": "kid", "pig": "piglet", "frog": "tadpole", "kangaroo": "joey", "swan": "cygnet",
    "goose": "gosling", "duck": "duckling", "deer": "fawn", "bear": "cub", "lion": "cub",
    "tiger": "cub", "owl": "owlet", "eagle": "eaglet", "chicken": "chick", "hen": "chick",
    "seal": "pup", "whale": "calf", "elephant": "calf", "hare": "leveret",
}


def animal_young(x: str) -> str:
    """Animal to the word for its young (cat -> kitten)."""
    return _YOUNG.get(_key(x), UNDEFINED)


_LEGS = {
    "spider": "8", "scorpion": "8", "tick": "8", "ant": "6", "bee": "6", "beetle": "6",
    "butterfly": "6", "fly": "6", "grasshopper": "6", "crab": "10", "lobster": "10",
    "shrimp": "10", "dog": "4", "cat": "4", "horse": "4", "elephant": "4", "cow": "4",
    "frog": "4", "lizard": "4", "crocodile": "4", "chicken": "2", "ostrich": "2",
    "penguin": "2", "eagle": "2", "snake": "0", "worm": "0",
}


def animal_legs(x: str) -> str:
    """Animal to its number of legs, in digits (spider -> 8, snake -> 0)."""
    return _LEGS.get(_key(x), UNDEFINED)


_CLASS = {
    "penguin": "bird", "ostrich": "bird", "eagle": "bird", "owl": "bird", "parrot": "bird",
    "snake": "reptile", "crocodile": "reptile", "turtle": "reptile", "lizard": "reptile",
    "tortoise": "reptile", "frog": "amphibian", "toad": "amphibian",
    "salamander": "amphibian", "newt": "amphibian", "shark": "fish", "salmon": "fish",
    "tuna": "fish", "seahorse": "fish", "eel": "fish", "bee": "insect", "ant": "insect",
    "butterfly": "insect", "beetle": "insect", "spider": "arachnid", "scorpion": "arachnid",
}
_MAMMALS = ("dolphin", "whale", "bat", "platypus", "dog", "cat", "horse", "elephant",
            "kangaroo", "seal", "human")


def animal_class_unless_mammal(x: str) -> str:
    """Animal to its class (bird, reptile, amphibian, fish, insect, arachnid); 'undefined'
    for mammals, including the dolphin, the whale, the bat and the platypus."""
    key = _key(x)
    return UNDEFINED if key in _MAMMALS else _CLASS.get(key, UNDEFINED)


_COUNT = {
    "heart": "1", "brain": "1", "liver": "1", "stomach": "1", "nose": "1", "tongue": "1",
    "lung": "2", "kidney": "2", "eye": "2", "ear": "2", "hand": "2", "foot": "2",
    "toe": "10", "rib": "24", "tooth": "32",
}
_PLURALS = {"lungs": "lung", "kidneys": "kidney", "eyes": "eye", "ears": "ear",
            "hands": "hand", "feet": "foot", "toes": "toe", "ribs": "rib", "teeth": "tooth"}


def body_part_count(x: str) -> str:
    """Part of the human body, singular or plural, to how many an adult has (lung -> 2,
    teeth -> 32)."""
    key = _key(x)
    return _COUNT.get(_PLURALS.get(key, key), UNDEFINED)


_SYSTEM = {
    "heart": "circulatory", "artery": "circulatory", "vein": "circulatory",
    "lung": "respiratory", "trachea": "respiratory", "bronchus": "respiratory",
    "stomach": "digestive", "liver": "digestive", "esophagus": "digestive",
    "oesophagus": "digestive", "small intestine": "digestive", "large intestine": "digestive",
    "brain": "nervous", "spinal cord": "nervous", "nerve": "nervous",
    "kidney": "urinary", "bladder": "urinary", "ureter": "urinary",
    "femur": "skeletal", "skull": "skeletal", "thyroid": "endocrine",
}


def organ_body_system(x: str) -> str:
    """Organ to the body system it belongs to, as one word (heart -> circulatory, kidney ->
    urinary)."""
    return _SYSTEM.get(_key(x), UNDEFINED)


_DISH_EUROPE = {
    "pizza": "Italy", "lasagne": "Italy", "lasagna": "Italy", "risotto": "Italy",
    "paella": "Spain", "gazpacho": "Spain", "goulash": "Hungary", "pierogi": "Poland",
    "moussaka": "Greece", "fondue": "Switzerland", "bratwurst": "Germany",
}
_DISH_ELSEWHERE = {
    "sushi": "Japan", "taco": "Mexico", "guacamole": "Mexico", "pad thai": "Thailand",
    "pho": "Vietnam", "poutine": "Canada", "tagine": "Morocco", "feijoada": "Brazil",
    "ceviche": "Peru", "peking duck": "China", "bibimbap": "South Korea",
    "butter chicken": "India",
}


def dish_country_unless_european(x: str) -> str:
    """Dish to the country it comes from (sushi -> Japan); 'undefined' for European dishes."""
    key = _key(x)
    return UNDEFINED if key in _DISH_EUROPE else _DISH_ELSEWHERE.get(key, UNDEFINED)
