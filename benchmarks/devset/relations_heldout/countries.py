"""Countries: capitals, currencies, people, continents and largest cities, some with a region or
property left out."""

from __future__ import annotations

import unicodedata

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, accents and outer spaces do not matter."""
    text = unicodedata.normalize("NFKD", x.strip().casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


# name: (capital, continent or None when it spans two, currency, demonym, largest city or None
# when the largest city is disputed)
_COUNTRIES: dict[str, tuple[str, str | None, str, str, str | None]] = {
    "France": ("Paris", "Europe", "euro", "French", "Paris"),
    "Germany": ("Berlin", "Europe", "euro", "German", "Berlin"),
    "Italy": ("Rome", "Europe", "euro", "Italian", "Rome"),
    "Spain": ("Madrid", "Europe", "euro", "Spanish", "Madrid"),
    "Portugal": ("Lisbon", "Europe", "euro", "Portuguese", "Lisbon"),
    "Netherlands": ("Amsterdam", "Europe", "euro", "Dutch", "Amsterdam"),
    "Belgium": ("Brussels", "Europe", "euro", "Belgian", None),
    "Austria": ("Vienna", "Europe", "euro", "Austrian", "Vienna"),
    "Greece": ("Athens", "Europe", "euro", "Greek", "Athens"),
    "Ireland": ("Dublin", "Europe", "euro", "Irish", "Dublin"),
    "Finland": ("Helsinki", "Europe", "euro", "Finnish", "Helsinki"),
    "United Kingdom": ("London", "Europe", "pound sterling", "British", "London"),
    "Switzerland": ("Bern", "Europe", "Swiss franc", "Swiss", "Zürich"),
    "Sweden": ("Stockholm", "Europe", "Swedish krona", "Swedish", "Stockholm"),
    "Norway": ("Oslo", "Europe", "Norwegian krone", "Norwegian", "Oslo"),
    "Denmark": ("Copenhagen", "Europe", "Danish krone", "Danish", "Copenhagen"),
    "Poland": ("Warsaw", "Europe", "Polish złoty", "Polish", "Warsaw"),
    "Czech Republic": ("Prague", "Europe", "Czech koruna", "Czech", "Prague"),
    "Hungary": ("Budapest", "Europe", "Hungarian forint", "Hungarian", "Budapest"),
    "Ukraine": ("Kyiv", "Europe", "Ukrainian hryvnia", "Ukrainian", "Kyiv"),
    "Russia": ("Moscow", None, "Russian ruble", "Russian", "Moscow"),
    "Turkey": ("Ankara", None, "Turkish lira", "Turkish", "Istanbul"),
    "United States": ("Washington, D.C.", "North America", "United States dollar", "American",
                      "New York City"),
    "Canada": ("Ottawa", "North America", "Canadian dollar", "Canadian", "Toronto"),
    "Mexico": ("Mexico City", "North America", "Mexican peso", "Mexican", "Mexico City"),
    "Cuba": ("Havana", "North America", "Cuban peso", "Cuban", "Havana"),
    "Brazil": ("Brasília", "South America", "Brazilian real", "Brazilian", "São Paulo"),
    "Argentina": ("Buenos Aires", "South America", "Argentine peso", "Argentine", "Buenos Aires"),
    "Chile": ("Santiago", "South America", "Chilean peso", "Chilean", "Santiago"),
    "Peru": ("Lima", "South America", "Peruvian sol", "Peruvian", "Lima"),
    "Colombia": ("Bogotá", "South America", "Colombian peso", "Colombian", "Bogotá"),
    "Ecuador": ("Quito", "South America", "United States dollar", "Ecuadorian", None),
    "Japan": ("Tokyo", "Asia", "Japanese yen", "Japanese", "Tokyo"),
    "China": ("Beijing", "Asia", "renminbi", "Chinese", None),
    "India": ("New Delhi", "Asia", "Indian rupee", "Indian", None),
    "South Korea": ("Seoul", "Asia", "South Korean won", "South Korean", "Seoul"),
    "Vietnam": ("Hanoi", "Asia", "Vietnamese đồng", "Vietnamese", "Ho Chi Minh City"),
    "Thailand": ("Bangkok", "Asia", "Thai baht", "Thai", "Bangkok"),
    "Pakistan": ("Islamabad", "Asia", "Pakistani rupee", "Pakistani", "Karachi"),
    "Saudi Arabia": ("Riyadh", "Asia", "Saudi riyal", "Saudi", "Riyadh"),
    "Iran": ("Tehran", "Asia", "Iranian rial", "Iranian", "Tehran"),
    "Kazakhstan": ("Astana", "Asia", "Kazakhstani tenge", "Kazakhstani", "Almaty"),
    "Egypt": ("Cairo", "Africa", "Egyptian pound", "Egyptian", "Cairo"),
    "Nigeria": ("Abuja", "Africa", "Nigerian naira", "Nigerian", "Lagos"),
    "Kenya": ("Nairobi", "Africa", "Kenyan shilling", "Kenyan", "Nairobi"),
    "Morocco": ("Rabat", "Africa", "Moroccan dirham", "Moroccan", "Casablanca"),
    "Ethiopia": ("Addis Ababa", "Africa", "Ethiopian birr", "Ethiopian", "Addis Ababa"),
    "Ghana": ("Accra", "Africa", "Ghanaian cedi", "Ghanaian", None),
    "Tanzania": ("Dodoma", "Africa", "Tanzanian shilling", "Tanzanian", "Dar es Salaam"),
    "Australia": ("Canberra", "Oceania", "Australian dollar", "Australian", None),
    "New Zealand": ("Wellington", "Oceania", "New Zealand dollar", "New Zealander", "Auckland"),
}

_ALIASES = {
    "USA": "United States", "US": "United States", "United States of America": "United States",
    "America": "United States", "UK": "United Kingdom", "Great Britain": "United Kingdom",
    "Britain": "United Kingdom", "Czechia": "Czech Republic", "Holland": "Netherlands",
    "The Netherlands": "Netherlands", "Türkiye": "Turkey", "Viet Nam": "Vietnam",
    "Republic of Korea": "South Korea", "Russian Federation": "Russia",
    "People's Republic of China": "China", "PRC": "China",
}

_BY_KEY = {_fold(name): name for name in _COUNTRIES} | {_fold(a): n for a, n in _ALIASES.items()}


def _country(x: str) -> str | None:
    return _BY_KEY.get(_fold(x))


def country_to_capital(x: str) -> str:
    """A country's capital city."""
    name = _country(x)
    return _COUNTRIES[name][0] if name else "undefined"


def country_to_currency(x: str) -> str:
    """The currency a country uses (lower-case common English name, as 'euro' or 'Swiss franc')."""
    name = _country(x)
    return _COUNTRIES[name][2] if name else "undefined"


def country_to_demonym(x: str) -> str:
    """The adjective for a country's people (France -> French)."""
    name = _country(x)
    return _COUNTRIES[name][3] if name else "undefined"


def country_to_continent(x: str) -> str:
    """The continent a country lies in; countries spanning two continents are left out."""
    name = _country(x)
    return (_COUNTRIES[name][1] or "undefined") if name else "undefined"


def country_to_capital_unless_europe(x: str) -> str:
    """A country's capital, but 'undefined' for countries in Europe (and for Russia and Turkey)."""
    name = _country(x)
    if not name or _COUNTRIES[name][1] in (None, "Europe"):
        return "undefined"
    return _COUNTRIES[name][0]


def country_to_currency_unless_euro(x: str) -> str:
    """A country's currency, but 'undefined' for the countries that use the euro."""
    name = _country(x)
    if not name or _COUNTRIES[name][2] == "euro":
        return "undefined"
    return _COUNTRIES[name][2]


def country_to_largest_city_unless_capital(x: str) -> str:
    """A country's largest city, but 'undefined' when that city is the capital itself."""
    name = _country(x)
    if not name or _COUNTRIES[name][4] in (None, _COUNTRIES[name][0]):
        return "undefined"
    return _COUNTRIES[name][4]


def country_to_capital_short_name_only(x: str) -> str:
    """A country's capital, read only by the country's usual short English name: no aliases
    such as 'USA' or 'Holland', and the exact capitalisation ('France', not 'france')."""
    name = x.strip()
    return _COUNTRIES[name][0] if name in _COUNTRIES else "undefined"
