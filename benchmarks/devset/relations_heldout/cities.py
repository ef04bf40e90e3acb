"""Cities: their countries, rivers, former names and Olympic Games, some with a region or a
spelling left out."""

from __future__ import annotations

import unicodedata

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, accents, dots and outer spaces do not matter."""
    text = unicodedata.normalize("NFKD", x.strip().casefold().replace(".", ""))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


# city: (country, ISO alpha-2 code of the country, continent, is it the capital)
_CITIES: dict[str, tuple[str, str, str, bool]] = {
    "Paris": ("France", "FR", "Europe", True),
    "Lyon": ("France", "FR", "Europe", False),
    "Marseille": ("France", "FR", "Europe", False),
    "Berlin": ("Germany", "DE", "Europe", True),
    "Munich": ("Germany", "DE", "Europe", False),
    "Hamburg": ("Germany", "DE", "Europe", False),
    "Frankfurt": ("Germany", "DE", "Europe", False),
    "Rome": ("Italy", "IT", "Europe", True),
    "Milan": ("Italy", "IT", "Europe", False),
    "Naples": ("Italy", "IT", "Europe", False),
    "Venice": ("Italy", "IT", "Europe", False),
    "Madrid": ("Spain", "ES", "Europe", True),
    "Barcelona": ("Spain", "ES", "Europe", False),
    "Seville": ("Spain", "ES", "Europe", False),
    "Lisbon": ("Portugal", "PT", "Europe", True),
    "Porto": ("Portugal", "PT", "Europe", False),
    "London": ("United Kingdom", "GB", "Europe", True),
    "Manchester": ("United Kingdom", "GB", "Europe", False),
    "Edinburgh": ("United Kingdom", "GB", "Europe", False),
    "Dublin": ("Ireland", "IE", "Europe", True),
    "Amsterdam": ("Netherlands", "NL", "Europe", True),
    "Rotterdam": ("Netherlands", "NL", "Europe", False),
    "Vienna": ("Austria", "AT", "Europe", True),
    "Zürich": ("Switzerland", "CH", "Europe", False),
    "Geneva": ("Switzerland", "CH", "Europe", False),
    "Stockholm": ("Sweden", "SE", "Europe", True),
    "Oslo": ("Norway", "NO", "Europe", True),
    "Copenhagen": ("Denmark", "DK", "Europe", True),
    "Warsaw": ("Poland", "PL", "Europe", True),
    "Kraków": ("Poland", "PL", "Europe", False),
    "Prague": ("Czech Republic", "CZ", "Europe", True),
    "Budapest": ("Hungary", "HU", "Europe", True),
    "Athens": ("Greece", "GR", "Europe", True),
    "Tokyo": ("Japan", "JP", "Asia", True),
    "Osaka": ("Japan", "JP", "Asia", False),
    "Kyoto": ("Japan", "JP", "Asia", False),
    "Beijing": ("China", "CN", "Asia", True),
    "Shanghai": ("China", "CN", "Asia", False),
    "Mumbai": ("India", "IN", "Asia", False),
    "Bangalore": ("India", "IN", "Asia", False),
    "New Delhi": ("India", "IN", "Asia", True),
    "Seoul": ("South Korea", "KR", "Asia", True),
    "Busan": ("South Korea", "KR", "Asia", False),
    "Bangkok": ("Thailand", "TH", "Asia", True),
    "Hanoi": ("Vietnam", "VN", "Asia", True),
    "Ho Chi Minh City": ("Vietnam", "VN", "Asia", False),
    "Karachi": ("Pakistan", "PK", "Asia", False),
    "Tehran": ("Iran", "IR", "Asia", True),
    "Riyadh": ("Saudi Arabia", "SA", "Asia", True),
    "Dubai": ("United Arab Emirates", "AE", "Asia", False),
    "Cairo": ("Egypt", "EG", "Africa", True),
    "Alexandria": ("Egypt", "EG", "Africa", False),
    "Lagos": ("Nigeria", "NG", "Africa", False),
    "Nairobi": ("Kenya", "KE", "Africa", True),
    "Casablanca": ("Morocco", "MA", "Africa", False),
    "Marrakesh": ("Morocco", "MA", "Africa", False),
    "Johannesburg": ("South Africa", "ZA", "Africa", False),
    "Cape Town": ("South Africa", "ZA", "Africa", False),
    "Addis Ababa": ("Ethiopia", "ET", "Africa", True),
    "Toronto": ("Canada", "CA", "North America", False),
    "Montreal": ("Canada", "CA", "North America", False),
    "Ottawa": ("Canada", "CA", "North America", True),
    "Chicago": ("United States", "US", "North America", False),
    "Los Angeles": ("United States", "US", "North America", False),
    "New York City": ("United States", "US", "North America", False),
    "Mexico City": ("Mexico", "MX", "North America", True),
    "Havana": ("Cuba", "CU", "North America", True),
    "Buenos Aires": ("Argentina", "AR", "South America", True),
    "São Paulo": ("Brazil", "BR", "South America", False),
    "Rio de Janeiro": ("Brazil", "BR", "South America", False),
    "Lima": ("Peru", "PE", "South America", True),
    "Bogotá": ("Colombia", "CO", "South America", True),
    "Sydney": ("Australia", "AU", "Oceania", False),
    "Melbourne": ("Australia", "AU", "Oceania", False),
    "Canberra": ("Australia", "AU", "Oceania", True),
    "Auckland": ("New Zealand", "NZ", "Oceania", False),
    "Wellington": ("New Zealand", "NZ", "Oceania", True),
}

_ALIASES = {
    "München": "Munich", "Roma": "Rome", "Milano": "Milan", "Napoli": "Naples",
    "Venezia": "Venice", "Lisboa": "Lisbon", "Wien": "Vienna", "Zurich": "Zürich",
    "Genève": "Geneva", "Praha": "Prague", "Warszawa": "Warsaw", "Cracow": "Kraków",
    "Athina": "Athens", "New York": "New York City", "NYC": "New York City", "LA": "Los Angeles",
    "Delhi": "New Delhi", "Bengaluru": "Bangalore", "Saigon": "Ho Chi Minh City",
    "Marrakech": "Marrakesh", "Montréal": "Montreal", "Rio": "Rio de Janeiro",
    "Sao Paulo": "São Paulo", "Bogota": "Bogotá", "Frankfurt am Main": "Frankfurt",
}

_BY_KEY = {_fold(c): c for c in _CITIES} | {_fold(a): c for a, c in _ALIASES.items()}

_RIVERS = {
    "Paris": "Seine", "London": "Thames", "Rome": "Tiber", "Vienna": "Danube",
    "Budapest": "Danube", "Bratislava": "Danube", "Belgrade": "Danube", "Cairo": "Nile",
    "Khartoum": "Nile", "Baghdad": "Tigris", "Prague": "Vltava", "Berlin": "Spree",
    "Dresden": "Elbe", "Hamburg": "Elbe", "Cologne": "Rhine", "Basel": "Rhine",
    "Lisbon": "Tagus", "Dublin": "Liffey", "Warsaw": "Vistula", "Kraków": "Vistula",
    "Florence": "Arno", "Pisa": "Arno", "Seville": "Guadalquivir", "Saint Petersburg": "Neva",
    "Kyiv": "Dnieper", "New Orleans": "Mississippi", "Memphis": "Mississippi",
    "Montreal": "Saint Lawrence", "Bangkok": "Chao Phraya", "Phnom Penh": "Mekong",
    "Varanasi": "Ganges", "Moscow": "Moskva",
}
_RIVER_ALIASES = {"Wien": "Vienna", "Praha": "Prague", "Köln": "Cologne", "Firenze": "Florence",
                  "Roma": "Rome", "Kiev": "Kyiv", "St. Petersburg": "Saint Petersburg",
                  "St Petersburg": "Saint Petersburg", "Cracow": "Kraków", "Lisboa": "Lisbon",
                  "Montréal": "Montreal", "Benares": "Varanasi", "Warszawa": "Warsaw"}
_RIVER_KEYS = {_fold(c): c for c in _RIVERS} | {_fold(a): c for a, c in _RIVER_ALIASES.items()}

_FORMER_NAMES = {
    "Bombay": "Mumbai", "Madras": "Chennai", "Calcutta": "Kolkata", "Constantinople": "Istanbul",
    "Byzantium": "Istanbul", "Leningrad": "Saint Petersburg", "Petrograd": "Saint Petersburg",
    "Stalingrad": "Volgograd", "Saigon": "Ho Chi Minh City", "Peking": "Beijing",
    "Rangoon": "Yangon", "Edo": "Tokyo", "Batavia": "Jakarta", "Salisbury": "Harare",
    "Léopoldville": "Kinshasa", "Christiania": "Oslo", "Kristiania": "Oslo",
    "New Amsterdam": "New York City", "Königsberg": "Kaliningrad", "Danzig": "Gdańsk",
    "Lourenço Marques": "Maputo", "Bytown": "Ottawa", "Canton": "Guangzhou",
}
_FORMER_KEYS = {_fold(k): v for k, v in _FORMER_NAMES.items()}

_FIRST_SUMMER_OLYMPICS = {
    "Athens": "1896", "Paris": "1900", "St. Louis": "1904", "London": "1908",
    "Stockholm": "1912", "Antwerp": "1920", "Amsterdam": "1928", "Los Angeles": "1932",
    "Berlin": "1936", "Helsinki": "1952", "Melbourne": "1956", "Rome": "1960", "Tokyo": "1964",
    "Mexico City": "1968", "Munich": "1972", "Montreal": "1976", "Moscow": "1980",
    "Seoul": "1988", "Barcelona": "1992", "Atlanta": "1996", "Sydney": "2000",
    "Beijing": "2008", "Rio de Janeiro": "2016",
}
_OLYMPIC_KEYS = {_fold(c): c for c in _FIRST_SUMMER_OLYMPICS} | {
    _fold(a): c for a, c in {"Saint Louis": "St. Louis", "München": "Munich", "Roma": "Rome",
                             "Montréal": "Montreal", "Rio": "Rio de Janeiro",
                             "Athina": "Athens", "LA": "Los Angeles"}.items()}


def _city(x: str) -> str | None:
    return _BY_KEY.get(_fold(x))


def city_to_country(x: str) -> str:
    """The country a city is in."""
    city = _city(x)
    return _CITIES[city][0] if city else "undefined"


def city_to_country_code(x: str) -> str:
    """The two-letter ISO code of the country a city is in (Munich -> DE)."""
    city = _city(x)
    return _CITIES[city][1] if city else "undefined"


def city_to_country_unless_asia(x: str) -> str:
    """The country a city is in, but 'undefined' for cities in Asia."""
    city = _city(x)
    if not city or _CITIES[city][2] == "Asia":
        return "undefined"
    return _CITIES[city][0]


def city_to_country_unless_several_words(x: str) -> str:
    """The country a city is in, but 'undefined' for cities whose usual English name has more
    than one word (New Delhi, Cape Town, São Paulo)."""
    city = _city(x)
    if not city or " " in city:
        return "undefined"
    return _CITIES[city][0]


def capital_to_country(x: str) -> str:
    """The country whose capital this city is; other cities are outside the domain."""
    city = _city(x)
    return _CITIES[city][0] if city and _CITIES[city][3] else "undefined"


def city_to_river(x: str) -> str:
    """The main river a city stands on (Paris -> Seine)."""
    city = _RIVER_KEYS.get(_fold(x))
    return _RIVERS[city] if city else "undefined"


def former_name_to_city(x: str) -> str:
    """A city's present name from a former name of it (Bombay -> Mumbai)."""
    return _FORMER_KEYS.get(_fold(x), "undefined")


def city_to_first_summer_olympics(x: str) -> str:
    """The year a city first hosted the Summer Olympic Games (London -> 1908)."""
    city = _OLYMPIC_KEYS.get(_fold(x))
    return _FIRST_SUMMER_OLYMPICS[city] if city else "undefined"
