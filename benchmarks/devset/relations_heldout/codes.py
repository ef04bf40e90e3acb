"""Codes: ISO country codes, currency codes, internet domains, calling codes, airport codes,
countries' own names for themselves and the spelling alphabet."""

from __future__ import annotations

import unicodedata

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, accents and outer spaces do not matter."""
    text = unicodedata.normalize("NFKD", x.strip().casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


# country: (ISO alpha-2, ISO alpha-3, ISO 4217 currency code, calling code, continent)
_CODES: dict[str, tuple[str, str, str, str, str]] = {
    "France": ("FR", "FRA", "EUR", "33", "Europe"),
    "Germany": ("DE", "DEU", "EUR", "49", "Europe"),
    "Italy": ("IT", "ITA", "EUR", "39", "Europe"),
    "Spain": ("ES", "ESP", "EUR", "34", "Europe"),
    "Portugal": ("PT", "PRT", "EUR", "351", "Europe"),
    "Netherlands": ("NL", "NLD", "EUR", "31", "Europe"),
    "Belgium": ("BE", "BEL", "EUR", "32", "Europe"),
    "Austria": ("AT", "AUT", "EUR", "43", "Europe"),
    "Greece": ("GR", "GRC", "EUR", "30", "Europe"),
    "Ireland": ("IE", "IRL", "EUR", "353", "Europe"),
    "United Kingdom": ("GB", "GBR", "GBP", "44", "Europe"),
    "Switzerland": ("CH", "CHE", "CHF", "41", "Europe"),
    "Sweden": ("SE", "SWE", "SEK", "46", "Europe"),
    "Norway": ("NO", "NOR", "NOK", "47", "Europe"),
    "Denmark": ("DK", "DNK", "DKK", "45", "Europe"),
    "Poland": ("PL", "POL", "PLN", "48", "Europe"),
    "Hungary": ("HU", "HUN", "HUF", "36", "Europe"),
    "Japan": ("JP", "JPN", "JPY", "81", "Asia"),
    "China": ("CN", "CHN", "CNY", "86", "Asia"),
    "India": ("IN", "IND", "INR", "91", "Asia"),
    "South Korea": ("KR", "KOR", "KRW", "82", "Asia"),
    "Thailand": ("TH", "THA", "THB", "66", "Asia"),
    "Pakistan": ("PK", "PAK", "PKR", "92", "Asia"),
    "Vietnam": ("VN", "VNM", "VND", "84", "Asia"),
    "Brazil": ("BR", "BRA", "BRL", "55", "South America"),
    "Argentina": ("AR", "ARG", "ARS", "54", "South America"),
    "Chile": ("CL", "CHL", "CLP", "56", "South America"),
    "Peru": ("PE", "PER", "PEN", "51", "South America"),
    "Colombia": ("CO", "COL", "COP", "57", "South America"),
    "Mexico": ("MX", "MEX", "MXN", "52", "North America"),
    "Egypt": ("EG", "EGY", "EGP", "20", "Africa"),
    "Nigeria": ("NG", "NGA", "NGN", "234", "Africa"),
    "Kenya": ("KE", "KEN", "KES", "254", "Africa"),
    "Morocco": ("MA", "MAR", "MAD", "212", "Africa"),
    "Ethiopia": ("ET", "ETH", "ETB", "251", "Africa"),
    "Ghana": ("GH", "GHA", "GHS", "233", "Africa"),
    "South Africa": ("ZA", "ZAF", "ZAR", "27", "Africa"),
    "Australia": ("AU", "AUS", "AUD", "61", "Oceania"),
    "New Zealand": ("NZ", "NZL", "NZD", "64", "Oceania"),
}

_ALIASES = {
    "USA": "United States", "US": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "Great Britain": "United Kingdom", "Britain": "United Kingdom",
    "Holland": "Netherlands", "The Netherlands": "Netherlands", "Viet Nam": "Vietnam",
}

_BY_KEY = {_fold(n): n for n in _CODES} | {_fold(a): n for a, n in _ALIASES.items() if n in _CODES}
_BY_ALPHA2 = {codes[0]: name for name, codes in _CODES.items()}
_BY_ALPHA3 = {codes[1]: name for name, codes in _CODES.items()}
_BY_CALLING = {codes[3]: name for name, codes in _CODES.items()}

_DOMAIN_EXCEPTIONS = {"United Kingdom": ".uk"}

_AIRPORTS = {
    "JFK": "New York City", "LGA": "New York City", "LAX": "Los Angeles", "ORD": "Chicago",
    "ATL": "Atlanta", "SFO": "San Francisco", "SEA": "Seattle", "MIA": "Miami", "BOS": "Boston",
    "LHR": "London", "LGW": "London", "CDG": "Paris", "ORY": "Paris", "FRA": "Frankfurt",
    "MUC": "Munich", "AMS": "Amsterdam", "MAD": "Madrid", "BCN": "Barcelona", "FCO": "Rome",
    "ZRH": "Zürich", "VIE": "Vienna", "CPH": "Copenhagen", "IST": "Istanbul", "DXB": "Dubai",
    "DOH": "Doha", "SIN": "Singapore", "HKG": "Hong Kong", "NRT": "Tokyo", "HND": "Tokyo",
    "ICN": "Seoul", "PEK": "Beijing", "PVG": "Shanghai", "BKK": "Bangkok", "DEL": "New Delhi",
    "BOM": "Mumbai", "SYD": "Sydney", "MEL": "Melbourne", "AKL": "Auckland", "YYZ": "Toronto",
    "YVR": "Vancouver", "YUL": "Montreal", "MEX": "Mexico City", "GRU": "São Paulo",
    "EZE": "Buenos Aires", "JNB": "Johannesburg", "CAI": "Cairo", "NBO": "Nairobi",
}

_ENDONYMS = {
    "Deutschland": "Germany", "España": "Spain", "Italia": "Italy", "Nederland": "Netherlands",
    "Österreich": "Austria", "Polska": "Poland", "Sverige": "Sweden", "Norge": "Norway",
    "Danmark": "Denmark", "Suomi": "Finland", "Magyarország": "Hungary", "Hellas": "Greece",
    "Ellada": "Greece", "Hrvatska": "Croatia", "Eesti": "Estonia", "Latvija": "Latvia",
    "Lietuva": "Lithuania", "Éire": "Ireland", "Shqipëria": "Albania", "Brasil": "Brazil",
    "Nippon": "Japan", "Nihon": "Japan", "Zhongguo": "China", "Bharat": "India",
    "Misr": "Egypt", "Česko": "Czech Republic", "Slovensko": "Slovakia", "România": "Romania",
    "Türkiye": "Turkey", "Rossiya": "Russia",
}
_ENDONYMS_BY_KEY = {_fold(k): v for k, v in _ENDONYMS.items()}

_NATO = {
    "A": "Alfa", "B": "Bravo", "C": "Charlie", "D": "Delta", "E": "Echo", "F": "Foxtrot",
    "G": "Golf", "H": "Hotel", "I": "India", "J": "Juliett", "K": "Kilo", "L": "Lima",
    "M": "Mike", "N": "November", "O": "Oscar", "P": "Papa", "Q": "Quebec", "R": "Romeo",
    "S": "Sierra", "T": "Tango", "U": "Uniform", "V": "Victor", "W": "Whiskey", "X": "X-ray",
    "Y": "Yankee", "Z": "Zulu",
}
_NATO_WORDS = {_fold(w): letter for letter, w in _NATO.items()} | {
    "alpha": "A", "juliet": "J", "xray": "X", "x ray": "X", "whisky": "W"}


def iso_alpha2_to_country(x: str) -> str:
    """The country with this two-letter ISO 3166 code, read only in capitals ('FR', not 'fr')."""
    return _BY_ALPHA2.get(x.strip(), "undefined")


def iso_alpha3_to_country(x: str) -> str:
    """The country with this three-letter ISO 3166 code, in any case ('deu' -> Germany)."""
    return _BY_ALPHA3.get(x.strip().upper(), "undefined")


def country_to_iso_alpha3(x: str) -> str:
    """A country's three-letter ISO 3166 code (Germany -> DEU)."""
    name = _BY_KEY.get(_fold(x))
    return _CODES[name][1] if name else "undefined"


def country_to_currency_code(x: str) -> str:
    """The ISO 4217 code of a country's currency (Japan -> JPY)."""
    name = _BY_KEY.get(_fold(x))
    return _CODES[name][2] if name else "undefined"


def country_to_internet_domain(x: str) -> str:
    """A country's internet top-level domain with its dot (France -> .fr, United Kingdom -> .uk)."""
    name = _BY_KEY.get(_fold(x))
    if not name:
        return "undefined"
    return _DOMAIN_EXCEPTIONS.get(name, "." + _CODES[name][0].lower())


def calling_code_to_country_unless_africa(x: str) -> str:
    """The country with this international calling code ('44' or '+44'), but 'undefined' for
    the codes of African countries."""
    code = x.strip()
    code = code[1:] if code.startswith("+") else code
    name = _BY_CALLING.get(code)
    if not name or _CODES[name][4] == "Africa":
        return "undefined"
    return name


def airport_code_to_city(x: str) -> str:
    """The city an airport serves, from its three-letter IATA code in capitals ('LHR', not 'lhr')."""
    return _AIRPORTS.get(x.strip(), "undefined")


def endonym_to_country(x: str) -> str:
    """A country's English name from its own name for itself (Deutschland -> Germany)."""
    return _ENDONYMS_BY_KEY.get(_fold(x), "undefined")


def letter_to_nato_word(x: str) -> str:
    """The NATO spelling-alphabet word for a single letter, in its official spelling (A -> Alfa)."""
    return _NATO.get(x.strip().upper(), "undefined") if len(x.strip()) == 1 else "undefined"


def nato_word_to_letter(x: str) -> str:
    """The capital letter a NATO spelling-alphabet word stands for (Alfa or Alpha -> A)."""
    return _NATO_WORDS.get(_fold(x).replace("-", " "), "undefined")
