"""Culture and language: orchestral instruments to their sections, team sports to players on
the field, painters to nationalities (by surname or full name), famous people to birth years
(except composers), Roman gods to Greek ones (except goddesses), languages to Indo-European
branches and ISO 639 codes (and back, lower case only), opposites, and colours to CSS hex
values and French words. Names are read in any case unless a function says otherwise."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"


def _key(x: str) -> str:
    return " ".join(x.split()).casefold()


_SECTION = {
    "violin": "strings", "viola": "strings", "cello": "strings", "violoncello": "strings",
    "double bass": "strings", "contrabass": "strings",
    "flute": "woodwind", "piccolo": "woodwind", "oboe": "woodwind", "clarinet": "woodwind",
    "bassoon": "woodwind", "cor anglais": "woodwind", "english horn": "woodwind",
    "trumpet": "brass", "trombone": "brass", "french horn": "brass", "horn": "brass",
    "tuba": "brass",
    "timpani": "percussion", "xylophone": "percussion", "snare drum": "percussion",
    "bass drum": "percussion", "triangle": "percussion", "cymbals": "percussion",
    "glockenspiel": "percussion",
}


def instrument_orchestra_section(x: str) -> str:
    """Orchestral instrument to its section: 'strings', 'woodwind', 'brass' or 'percussion'."""
    return _SECTION.get(_key(x), UNDEFINED)


_TEAM_SIZE = {
    "soccer": "11", "association football": "11", "football": "11",
    "american football": "11", "basketball": "5", "volleyball": "6", "ice hockey": "6",
    "baseball": "9", "rugby union": "15", "rugby league": "13", "cricket": "11",
    "water polo": "7", "handball": "7", "netball": "7", "polo": "4",
    "australian rules football": "18", "gaelic football": "15", "hurling": "15",
    "field hockey": "11", "beach volleyball": "2", "ultimate": "7", "ultimate frisbee": "7",
}


def sport_players_per_side(x: str) -> str:
    """Team sport to the number of players one team has on the field at a time (basketball -> 5)."""
    return _TEAM_SIZE.get(_key(x), UNDEFINED)


# Painter -> (nationality, other names the painter is known by).
_PAINTERS = {
    "Picasso": ("Spanish", ("pablo picasso",)),
    "Van Gogh": ("Dutch", ("vincent van gogh",)),
    "Monet": ("French", ("claude monet",)),
    "Rembrandt": ("Dutch", ("rembrandt van rijn",)),
    "Michelangelo": ("Italian", ("michelangelo buonarroti",)),
    "Kahlo": ("Mexican", ("frida kahlo",)),
    "Dalí": ("Spanish", ("dali", "salvador dalí", "salvador dali")),
    "Klimt": ("Austrian", ("gustav klimt",)),
    "Munch": ("Norwegian", ("edvard munch",)),
    "Vermeer": ("Dutch", ("johannes vermeer",)),
    "Renoir": ("French", ("pierre-auguste renoir",)),
    "Goya": ("Spanish", ("francisco goya", "francisco de goya")),
    "Caravaggio": ("Italian", ()),
    "Warhol": ("American", ("andy warhol",)),
    "Hokusai": ("Japanese", ("katsushika hokusai",)),
    "Cézanne": ("French", ("cezanne", "paul cézanne", "paul cezanne")),
    "Matisse": ("French", ("henri matisse",)),
    "Magritte": ("Belgian", ("rené magritte", "rene magritte")),
    "Dürer": ("German", ("durer", "albrecht dürer", "albrecht durer")),
    "Botticelli": ("Italian", ("sandro botticelli",)),
    "Velázquez": ("Spanish", ("velazquez", "diego velázquez", "diego velazquez")),
    "Pollock": ("American", ("jackson pollock",)),
    "Raphael": ("Italian", ()),
    "Titian": ("Italian", ()),
}
_PAINTER_KEY = {alias: name for name, (_, aliases) in _PAINTERS.items()
                for alias in (name.casefold(), *aliases)}


def painter_nationality(x: str) -> str:
    """Painter, by surname or full name, to their nationality as an adjective (Monet -> French)."""
    name = _PAINTER_KEY.get(_key(x))
    return _PAINTERS[name][0] if name else UNDEFINED


# Person -> (birth year, other names the person is known by).
_PEOPLE = {
    "Shakespeare": (1564, ("william shakespeare",)),
    "Galileo": (1564, ("galileo galilei",)),
    "Leonardo da Vinci": (1452, ("da vinci", "leonardo")),
    "Einstein": (1879, ("albert einstein",)),
    "Darwin": (1809, ("charles darwin",)),
    "Lincoln": (1809, ("abraham lincoln",)),
    "Napoleon": (1769, ("napoleon bonaparte", "napoléon")),
    "Marie Curie": (1867, ("curie",)),
    "Gandhi": (1869, ("mahatma gandhi", "mohandas gandhi")),
    "Churchill": (1874, ("winston churchill",)),
    "Tesla": (1856, ("nikola tesla",)),
    "Freud": (1856, ("sigmund freud",)),
    "Dickens": (1812, ("charles dickens",)),
    "Tolstoy": (1828, ("leo tolstoy",)),
    "Queen Victoria": (1819, ()),
    "George Washington": (1732, ()),
    "Edison": (1847, ("thomas edison",)),
    "Jane Austen": (1775, ("austen",)),
    "Mandela": (1918, ("nelson mandela",)),
    "Martin Luther King Jr.": (1929, ("martin luther king", "martin luther king jr")),
    "Marx": (1818, ("karl marx",)),
}
_COMPOSERS = {
    "Mozart": (1756, ("wolfgang amadeus mozart",)),
    "Beethoven": (1770, ("ludwig van beethoven",)),
    "Bach": (1685, ("johann sebastian bach",)),
    "Chopin": (1810, ("frédéric chopin", "frederic chopin")),
    "Verdi": (1813, ("giuseppe verdi",)),
    "Wagner": (1813, ("richard wagner",)),
    "Tchaikovsky": (1840, ("pyotr ilyich tchaikovsky",)),
}
_PERSON_KEY = {alias: name for table in (_PEOPLE, _COMPOSERS)
               for name, (_, aliases) in table.items() for alias in (name.casefold(), *aliases)}


def birth_year_unless_composer(x: str) -> str:
    """Famous person, by surname or full name, to their birth year; 'undefined' for composers."""
    name = _PERSON_KEY.get(_key(x))
    return str(_PEOPLE[name][0]) if name in _PEOPLE else UNDEFINED


_GODS = {
    "jupiter": "Zeus", "neptune": "Poseidon", "pluto": "Hades", "mars": "Ares",
    "mercury": "Hermes", "apollo": "Apollo", "vulcan": "Hephaestus", "bacchus": "Dionysus",
    "cupid": "Eros", "sol": "Helios",
}
_GODDESSES = {
    "juno": "Hera", "venus": "Aphrodite", "minerva": "Athena", "diana": "Artemis",
    "ceres": "Demeter", "vesta": "Hestia", "aurora": "Eos", "luna": "Selene",
}


def roman_god_greek_unless_goddess(x: str) -> str:
    """Roman god to the Greek god identified with him (Jupiter -> Zeus); 'undefined' for
    goddesses (Venus, Juno, ...)."""
    key = _key(x)
    return UNDEFINED if key in _GODDESSES else _GODS.get(key, UNDEFINED)


# Language -> (ISO 639-1 code, Indo-European branch or None outside Indo-European).
_LANGUAGES = {
    "English": ("en", "Germanic"), "German": ("de", "Germanic"), "Dutch": ("nl", "Germanic"),
    "Swedish": ("sv", "Germanic"), "Danish": ("da", "Germanic"),
    "Icelandic": ("is", "Germanic"), "French": ("fr", "Romance"), "Spanish": ("es", "Romance"),
    "Italian": ("it", "Romance"), "Portuguese": ("pt", "Romance"),
    "Romanian": ("ro", "Romance"), "Catalan": ("ca", "Romance"), "Russian": ("ru", "Slavic"),
    "Polish": ("pl", "Slavic"), "Czech": ("cs", "Slavic"), "Ukrainian": ("uk", "Slavic"),
    "Bulgarian": ("bg", "Slavic"), "Irish": ("ga", "Celtic"), "Welsh": ("cy", "Celtic"),
    "Greek": ("el", "Hellenic"), "Lithuanian": ("lt", "Baltic"), "Latvian": ("lv", "Baltic"),
    "Hindi": ("hi", "Indo-Iranian"), "Persian": ("fa", "Indo-Iranian"),
    "Bengali": ("bn", "Indo-Iranian"), "Armenian": ("hy", "Armenian"),
    "Albanian": ("sq", "Albanian"),
    "Finnish": ("fi", None), "Hungarian": ("hu", None), "Estonian": ("et", None),
    "Basque": ("eu", None), "Turkish": ("tr", None), "Arabic": ("ar", None),
    "Hebrew": ("he", None), "Japanese": ("ja", None), "Korean": ("ko", None),
    "Chinese": ("zh", None), "Swahili": ("sw", None), "Georgian": ("ka", None),
}
_LANGUAGE_KEY = {name.casefold(): name for name in _LANGUAGES}
_LANGUAGE_ALIASES = {"farsi": "Persian", "mandarin": "Chinese",
                     "castilian": "Spanish", "flemish": "Dutch"}
_BY_LANGUAGE_CODE = {code: name for name, (code, _) in _LANGUAGES.items()}


def _language(x: str) -> str | None:
    key = _key(x)
    return _LANGUAGE_KEY.get(key) or _LANGUAGE_ALIASES.get(key)


def language_branch_unless_not_indo_european(x: str) -> str:
    """Language to its branch of the Indo-European family (German -> Germanic); 'undefined'
    for languages outside Indo-European (Finnish, Arabic, Japanese, ...)."""
    name = _language(x)
    return (_LANGUAGES[name][1] or UNDEFINED) if name else UNDEFINED


def language_iso_code(x: str) -> str:
    """Language to its two-letter ISO 639-1 code, in lower case (German -> de)."""
    name = _language(x)
    return _LANGUAGES[name][0] if name else UNDEFINED


def iso_code_language_lowercase_only(x: str) -> str:
    """Two-letter ISO 639-1 code, lower case only, to the language (de -> German; DE -> undefined)."""
    return _BY_LANGUAGE_CODE.get(x.strip(), UNDEFINED)


_OPPOSITES = (("hot", "cold"), ("up", "down"), ("black", "white"),
              ("north", "south"), ("east", "west"), ("day", "night"), ("win", "lose"),
              ("yes", "no"), ("top", "bottom"), ("true", "false"), ("push", "pull"),
              ("buy", "sell"), ("early", "late"), ("empty", "full"), ("first", "last"),
              ("inside", "outside"), ("question", "answer"), ("always", "never"),
              ("before", "after"), ("above", "below"), ("arrive", "depart"),
              ("wet", "dry"), ("open", "closed"))
_OPPOSITE = {a: b for pair in _OPPOSITES for a, b in (pair, pair[::-1])}


def word_opposite(x: str) -> str:
    """English word to its opposite, in lower case (hot -> cold, cold -> hot)."""
    return _OPPOSITE.get(_key(x), UNDEFINED)


# CSS named colour -> hex value.
_CSS = {
    "red": "#FF0000", "lime": "#00FF00", "green": "#008000", "blue": "#0000FF",
    "white": "#FFFFFF", "black": "#000000", "yellow": "#FFFF00", "aqua": "#00FFFF",
    "fuchsia": "#FF00FF", "silver": "#C0C0C0", "gray": "#808080", "maroon": "#800000",
    "olive": "#808000", "purple": "#800080", "teal": "#008080", "navy": "#000080",
    "orange": "#FFA500",
}
_CSS_ALIASES = {"cyan": "aqua", "magenta": "fuchsia", "grey": "gray"}
_BY_HEX = {code: name for name, code in _CSS.items()}


def colour_css_hex(x: str) -> str:
    """CSS colour name to its hex value in upper case (red -> #FF0000, green -> #008000)."""
    key = _key(x)
    return _CSS.get(_CSS_ALIASES.get(key, key), UNDEFINED)


def hex_css_colour(x: str) -> str:
    """Hex colour with its '#', in any case, to its CSS name (#ff0000 -> red; cyan and
    magenta answer by their CSS names aqua and fuchsia)."""
    return _BY_HEX.get(x.strip().upper(), UNDEFINED)


_FRENCH_COLOUR = {
    "red": "rouge", "blue": "bleu", "green": "vert", "yellow": "jaune", "black": "noir",
    "white": "blanc", "orange": "orange", "pink": "rose", "grey": "gris", "gray": "gris",
    "purple": "violet",
}


def colour_in_french(x: str) -> str:
    """English colour word to its French word, masculine form (red -> rouge)."""
    return _FRENCH_COLOUR.get(_key(x), UNDEFINED)
