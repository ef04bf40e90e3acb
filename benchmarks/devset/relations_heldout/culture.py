"""Culture: paintings, novels, composers, gods, landmarks, instruments and team sports, some
with old works, women authors or modern buildings left out."""

from __future__ import annotations

import unicodedata

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, accents, a leading 'the', punctuation and outer spaces do not matter."""
    text = unicodedata.normalize("NFKD", x.strip().casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    words = text.split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _keyed(table: dict, aliases: dict[str, str] | None = None) -> dict[str, str]:
    return {_fold(k): k for k in table} | {_fold(a): k for a, k in (aliases or {}).items()}


# painting: (painter, year it was made, or begun)
_PAINTINGS = {
    "Mona Lisa": ("Leonardo da Vinci", 1503), "The Last Supper": ("Leonardo da Vinci", 1495),
    "The Birth of Venus": ("Sandro Botticelli", 1485),
    "Girl with a Pearl Earring": ("Johannes Vermeer", 1665),
    "The Night Watch": ("Rembrandt", 1642), "Las Meninas": ("Diego Velázquez", 1656),
    "The Garden of Earthly Delights": ("Hieronymus Bosch", 1500),
    "The Creation of Adam": ("Michelangelo", 1512),
    "The Starry Night": ("Vincent van Gogh", 1889), "Sunflowers": ("Vincent van Gogh", 1888),
    "The Scream": ("Edvard Munch", 1893), "Guernica": ("Pablo Picasso", 1937),
    "The Persistence of Memory": ("Salvador Dalí", 1931),
    "American Gothic": ("Grant Wood", 1930), "The Kiss": ("Gustav Klimt", 1908),
    "Impression, Sunrise": ("Claude Monet", 1872),
    "The Great Wave off Kanagawa": ("Hokusai", 1831),
    "Liberty Leading the People": ("Eugène Delacroix", 1830),
    "Nighthawks": ("Edward Hopper", 1942),
    "A Sunday Afternoon on the Island of La Grande Jatte": ("Georges Seurat", 1884),
}
_PAINTING_KEYS = _keyed(_PAINTINGS, {
    "La Gioconda": "Mona Lisa", "La Joconde": "Mona Lisa", "Starry Night": "The Starry Night",
    "The Great Wave": "The Great Wave off Kanagawa", "Great Wave": "The Great Wave off Kanagawa",
    "Birth of Venus": "The Birth of Venus", "Last Supper": "The Last Supper",
    "Night Watch": "The Night Watch", "Persistence of Memory": "The Persistence of Memory"})

# novel: (author, is the author a woman)
_NOVELS = {
    "Pride and Prejudice": ("Jane Austen", True), "Emma": ("Jane Austen", True),
    "Frankenstein": ("Mary Shelley", True), "Jane Eyre": ("Charlotte Brontë", True),
    "Wuthering Heights": ("Emily Brontë", True), "Middlemarch": ("George Eliot", True),
    "To Kill a Mockingbird": ("Harper Lee", True), "Mrs Dalloway": ("Virginia Woolf", True),
    "Nineteen Eighty-Four": ("George Orwell", False), "Moby-Dick": ("Herman Melville", False),
    "War and Peace": ("Leo Tolstoy", False), "Anna Karenina": ("Leo Tolstoy", False),
    "Don Quixote": ("Miguel de Cervantes", False),
    "The Great Gatsby": ("F. Scott Fitzgerald", False), "Ulysses": ("James Joyce", False),
    "Dracula": ("Bram Stoker", False), "Crime and Punishment": ("Fyodor Dostoevsky", False),
    "Madame Bovary": ("Gustave Flaubert", False), "Les Misérables": ("Victor Hugo", False),
    "One Hundred Years of Solitude": ("Gabriel García Márquez", False),
    "The Hobbit": ("J. R. R. Tolkien", False), "Brave New World": ("Aldous Huxley", False),
    "The Catcher in the Rye": ("J. D. Salinger", False),
    "Oliver Twist": ("Charles Dickens", False),
}
_NOVEL_KEYS = _keyed(_NOVELS, {"1984": "Nineteen Eighty-Four", "Mrs. Dalloway": "Mrs Dalloway",
                               "Don Quijote": "Don Quixote"})

_COMPOSERS = {
    "Wolfgang Amadeus Mozart": "Austrian", "Joseph Haydn": "Austrian",
    "Franz Schubert": "Austrian", "Ludwig van Beethoven": "German",
    "Johann Sebastian Bach": "German", "Johannes Brahms": "German", "Richard Wagner": "German",
    "Frédéric Chopin": "Polish", "Pyotr Ilyich Tchaikovsky": "Russian",
    "Sergei Rachmaninoff": "Russian", "Giuseppe Verdi": "Italian", "Antonio Vivaldi": "Italian",
    "Giacomo Puccini": "Italian", "Claude Debussy": "French", "Maurice Ravel": "French",
    "Antonín Dvořák": "Czech", "Edvard Grieg": "Norwegian", "Jean Sibelius": "Finnish",
    "George Gershwin": "American", "Aaron Copland": "American",
}
_COMPOSER_KEYS = {_fold(n): n for n in _COMPOSERS} | {
    _fold(n.split()[-1]): n for n in _COMPOSERS} | {
    _fold(a): n for a, n in {"Tchaikovsky": "Pyotr Ilyich Tchaikovsky",
                             "Rachmaninov": "Sergei Rachmaninoff",
                             "Dvorak": "Antonín Dvořák"}.items()}

_ROMAN_TO_GREEK = {
    "Jupiter": "Zeus", "Juno": "Hera", "Neptune": "Poseidon", "Pluto": "Hades", "Mars": "Ares",
    "Venus": "Aphrodite", "Minerva": "Athena", "Apollo": "Apollo", "Diana": "Artemis",
    "Mercury": "Hermes", "Vulcan": "Hephaestus", "Vesta": "Hestia", "Ceres": "Demeter",
    "Bacchus": "Dionysus", "Cupid": "Eros", "Saturn": "Cronus", "Aurora": "Eos",
}

# landmark: (city, completed in the twentieth century or later)
_LANDMARKS = {
    "Eiffel Tower": ("Paris", False), "Louvre": ("Paris", False), "Colosseum": ("Rome", False),
    "Big Ben": ("London", False), "Tower Bridge": ("London", False),
    "Statue of Liberty": ("New York City", False), "Brandenburg Gate": ("Berlin", False),
    "Acropolis": ("Athens", False), "Taj Mahal": ("Agra", False),
    "Forbidden City": ("Beijing", False), "Hagia Sophia": ("Istanbul", False),
    "Leaning Tower of Pisa": ("Pisa", False), "Alhambra": ("Granada", False),
    "Golden Gate Bridge": ("San Francisco", True), "Empire State Building": ("New York City", True),
    "Sydney Opera House": ("Sydney", True), "Christ the Redeemer": ("Rio de Janeiro", True),
    "Burj Khalifa": ("Dubai", True), "CN Tower": ("Toronto", True),
    "Space Needle": ("Seattle", True), "Petronas Towers": ("Kuala Lumpur", True),
    "Atomium": ("Brussels", True), "Gateway Arch": ("St. Louis", True),
}
_LANDMARK_KEYS = _keyed(_LANDMARKS, {"Colosseo": "Colosseum", "Coliseum": "Colosseum",
                                     "Tour Eiffel": "Eiffel Tower", "Louvre Museum": "Louvre",
                                     "Tower of Pisa": "Leaning Tower of Pisa",
                                     "Petronas Twin Towers": "Petronas Towers"})

_INSTRUMENTS = {
    "violin": "strings", "viola": "strings", "cello": "strings", "double bass": "strings",
    "harp": "strings", "flute": "woodwind", "piccolo": "woodwind", "oboe": "woodwind",
    "clarinet": "woodwind", "bassoon": "woodwind", "saxophone": "woodwind", "trumpet": "brass",
    "trombone": "brass", "tuba": "brass", "French horn": "brass", "cornet": "brass",
    "timpani": "percussion", "snare drum": "percussion", "xylophone": "percussion",
    "cymbals": "percussion", "triangle": "percussion", "glockenspiel": "percussion",
}
_INSTRUMENT_KEYS = _keyed(_INSTRUMENTS, {"violoncello": "cello", "horn": "French horn",
                                         "sax": "saxophone", "contrabass": "double bass"})

_TEAM_SIZES = {
    "association football": "11", "basketball": "5", "volleyball": "6", "ice hockey": "6",
    "baseball": "9", "rugby union": "15", "rugby league": "13", "water polo": "7",
    "handball": "7", "American football": "11", "cricket": "11", "netball": "7",
    "field hockey": "11", "Gaelic football": "15", "hurling": "15",
}
_TEAM_KEYS = _keyed(_TEAM_SIZES, {"soccer": "association football", "football": "association football",
                                  "rugby": "rugby union"})


def painting_to_painter(x: str) -> str:
    """The artist who painted a famous painting."""
    key = _PAINTING_KEYS.get(_fold(x))
    return _PAINTINGS[key][0] if key else "undefined"


def painting_to_painter_unless_before_1800(x: str) -> str:
    """The artist who painted a famous painting, but 'undefined' for paintings made before 1800."""
    key = _PAINTING_KEYS.get(_fold(x))
    if not key or _PAINTINGS[key][1] < 1800:
        return "undefined"
    return _PAINTINGS[key][0]


def novel_to_author_unless_woman(x: str) -> str:
    """The author of a famous novel, but 'undefined' when the author is a woman."""
    key = _NOVEL_KEYS.get(_fold(x))
    if not key or _NOVELS[key][1]:
        return "undefined"
    return _NOVELS[key][0]


def composer_to_nationality(x: str) -> str:
    """A classical composer's nationality as an adjective, by full name or surname
    (Chopin -> Polish)."""
    key = _COMPOSER_KEYS.get(_fold(x))
    return _COMPOSERS[key] if key else "undefined"


def roman_god_to_greek(x: str) -> str:
    """The Greek god matching a Roman god (Jupiter -> Zeus)."""
    key = {_fold(k): k for k in _ROMAN_TO_GREEK}.get(_fold(x))
    return _ROMAN_TO_GREEK[key] if key else "undefined"


def landmark_to_city(x: str) -> str:
    """The city a famous landmark stands in."""
    key = _LANDMARK_KEYS.get(_fold(x))
    return _LANDMARKS[key][0] if key else "undefined"


def landmark_to_city_unless_modern(x: str) -> str:
    """The city a famous landmark stands in, but 'undefined' for landmarks completed in 1900
    or later."""
    key = _LANDMARK_KEYS.get(_fold(x))
    if not key or _LANDMARKS[key][1]:
        return "undefined"
    return _LANDMARKS[key][0]


def instrument_to_family(x: str) -> str:
    """The orchestra section of an instrument: 'strings', 'woodwind', 'brass' or 'percussion'."""
    key = _INSTRUMENT_KEYS.get(_fold(x))
    return _INSTRUMENTS[key] if key else "undefined"


def sport_to_players_per_side(x: str) -> str:
    """How many players a team has on the field at once in a sport, as digits (basketball -> 5)."""
    key = _TEAM_KEYS.get(_fold(x))
    return _TEAM_SIZES[key] if key else "undefined"
