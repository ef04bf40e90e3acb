"""Codes and how names are read: ISO 3166 country codes both ways (one case-sensitive),
internet domains, flag emoji, IATA airport codes (upper case only), capitals under their
native or former names, and a capital look-up that reads only exact country names."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"

# Country name -> (ISO 3166-1 alpha-2, alpha-3).
_ISO = {
    "France": ("FR", "FRA"), "Germany": ("DE", "DEU"), "Italy": ("IT", "ITA"),
    "Spain": ("ES", "ESP"), "Portugal": ("PT", "PRT"), "United Kingdom": ("GB", "GBR"),
    "Ireland": ("IE", "IRL"), "Netherlands": ("NL", "NLD"), "Belgium": ("BE", "BEL"),
    "Switzerland": ("CH", "CHE"), "Austria": ("AT", "AUT"), "Poland": ("PL", "POL"),
    "Sweden": ("SE", "SWE"), "Norway": ("NO", "NOR"), "Denmark": ("DK", "DNK"),
    "Finland": ("FI", "FIN"), "Greece": ("GR", "GRC"), "Turkey": ("TR", "TUR"),
    "Russia": ("RU", "RUS"), "Ukraine": ("UA", "UKR"), "Japan": ("JP", "JPN"),
    "China": ("CN", "CHN"), "India": ("IN", "IND"), "South Korea": ("KR", "KOR"),
    "Brazil": ("BR", "BRA"), "Argentina": ("AR", "ARG"), "Chile": ("CL", "CHL"),
    "Mexico": ("MX", "MEX"), "Canada": ("CA", "CAN"), "United States": ("US", "USA"),
    "Australia": ("AU", "AUS"), "New Zealand": ("NZ", "NZL"), "South Africa": ("ZA", "ZAF"),
    "Egypt": ("EG", "EGY"), "Nigeria": ("NG", "NGA"), "Kenya": ("KE", "KEN"),
    "Morocco": ("MA", "MAR"), "Iran": ("IR", "IRN"), "Saudi Arabia": ("SA", "SAU"),
    "Israel": ("IL", "ISR"), "Thailand": ("TH", "THA"), "Vietnam": ("VN", "VNM"),
    "Indonesia": ("ID", "IDN"), "Philippines": ("PH", "PHL"), "Pakistan": ("PK", "PAK"),
    "Czechia": ("CZ", "CZE"), "Hungary": ("HU", "HUN"), "Iceland": ("IS", "ISL"),
    "Singapore": ("SG", "SGP"), "Colombia": ("CO", "COL"), "Peru": ("PE", "PER"),
    "Ethiopia": ("ET", "ETH"), "Ghana": ("GH", "GHA"), "Cuba": ("CU", "CUB"),
}
_ALIASES = {
    "usa": "United States", "us": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "holland": "Netherlands", "the netherlands": "Netherlands", "czech republic": "Czechia",
    "republic of korea": "South Korea", "türkiye": "Turkey", "turkiye": "Turkey",
    "russian federation": "Russia", "viet nam": "Vietnam",
}
_BY_KEY = {name.casefold(): name for name in _ISO}
_BY_ALPHA2 = {two: name for name, (two, _) in _ISO.items()}
_BY_ALPHA3 = {three: name for name, (_, three) in _ISO.items()}


def _key(x: str) -> str:
    return " ".join(x.split()).casefold()


def _country(x: str) -> str | None:
    """The country's name as _ISO spells it, read in any case and by common aliases."""
    key = _key(x)
    return _BY_KEY.get(key) or _ALIASES.get(key)


def alpha2_country(x: str) -> str:
    """Two-letter ISO 3166 country code, in any case, to the country (fr -> France)."""
    return _BY_ALPHA2.get(x.strip().upper(), UNDEFINED)


def alpha3_country_uppercase_only(x: str) -> str:
    """Three-letter ISO 3166 code, upper case only, to the country (FRA -> France; fra -> undefined)."""
    return _BY_ALPHA3.get(x.strip(), UNDEFINED)


def country_alpha3(x: str) -> str:
    """Country, by name or common alias, to its three-letter ISO 3166 code (Germany -> DEU)."""
    name = _country(x)
    return _ISO[name][1] if name else UNDEFINED


def country_internet_domain(x: str) -> str:
    """Country to its internet country-code top-level domain, with the dot (Japan -> .jp)."""
    name = _country(x)
    if not name:
        return UNDEFINED
    return ".uk" if name == "United Kingdom" else "." + _ISO[name][0].lower()


def country_flag_emoji(x: str) -> str:
    """Country to its flag emoji (France -> the French flag, two regional indicator letters)."""
    name = _country(x)
    if not name:
        return UNDEFINED
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in _ISO[name][0])


_AIRPORT = {
    "LHR": "London", "LGW": "London", "CDG": "Paris", "ORY": "Paris", "JFK": "New York City",
    "LGA": "New York City", "LAX": "Los Angeles", "HND": "Tokyo", "NRT": "Tokyo",
    "FRA": "Frankfurt", "AMS": "Amsterdam", "MAD": "Madrid", "FCO": "Rome", "SYD": "Sydney",
    "DXB": "Dubai", "SIN": "Singapore", "HKG": "Hong Kong", "ORD": "Chicago",
    "ATL": "Atlanta", "IST": "Istanbul", "ICN": "Seoul", "YYZ": "Toronto", "MUC": "Munich",
    "ZRH": "Zurich", "BCN": "Barcelona", "BKK": "Bangkok", "CPT": "Cape Town",
    "MEX": "Mexico City", "SFO": "San Francisco", "DUB": "Dublin", "CPH": "Copenhagen",
    "VIE": "Vienna", "ARN": "Stockholm", "HEL": "Helsinki", "LIS": "Lisbon",
}


def airport_code_city(x: str) -> str:
    """IATA airport code, upper case only, to the city it serves (LHR -> London; lhr -> undefined)."""
    return _AIRPORT.get(x.strip(), UNDEFINED)


_EXACT_CAPITAL = {
    "France": "Paris", "Germany": "Berlin", "Italy": "Rome", "Spain": "Madrid",
    "United Kingdom": "London", "United States": "Washington, D.C.", "Japan": "Tokyo",
    "China": "Beijing", "India": "New Delhi", "Russia": "Moscow", "Canada": "Ottawa",
    "Australia": "Canberra", "Egypt": "Cairo", "Kenya": "Nairobi", "Netherlands": "Amsterdam",
    "Czechia": "Prague", "South Korea": "Seoul", "Argentina": "Buenos Aires",
    "Peru": "Lima", "Norway": "Oslo", "Portugal": "Lisbon", "Ireland": "Dublin",
    "Belgium": "Brussels", "Switzerland": "Bern", "Austria": "Vienna", "Poland": "Warsaw",
    "Sweden": "Stockholm", "Finland": "Helsinki", "Denmark": "Copenhagen", "Greece": "Athens",
    "Turkey": "Ankara", "Ukraine": "Kyiv", "Hungary": "Budapest", "Nigeria": "Abuja",
    "Morocco": "Rabat", "Ethiopia": "Addis Ababa", "Ghana": "Accra", "Thailand": "Bangkok",
    "Vietnam": "Hanoi", "Indonesia": "Jakarta", "Pakistan": "Islamabad", "Iran": "Tehran",
    "Saudi Arabia": "Riyadh", "Philippines": "Manila", "New Zealand": "Wellington",
    "Mexico": "Mexico City", "Brazil": "Brasília", "Chile": "Santiago", "Colombia": "Bogotá",
    "Cuba": "Havana",
}


def capital_of_exact_name(x: str) -> str:
    """Country to its capital, reading only the exact common English name: case, spacing and
    aliases count (France -> Paris; france, UK, Holland -> undefined)."""
    return _EXACT_CAPITAL.get(x, UNDEFINED)


_CAPITAL_COUNTRY = {
    "kyiv": "Ukraine", "beijing": "China", "bern": "Switzerland", "new delhi": "India",
    "washington, d.c.": "United States", "rome": "Italy", "lisbon": "Portugal",
    "vienna": "Austria", "prague": "Czechia", "warsaw": "Poland", "copenhagen": "Denmark",
    "moscow": "Russia", "brussels": "Belgium", "athens": "Greece", "madrid": "Spain",
    "paris": "France", "berlin": "Germany", "tokyo": "Japan", "cairo": "Egypt",
    "ottawa": "Canada", "stockholm": "Sweden", "helsinki": "Finland", "dublin": "Ireland",
    "amsterdam": "Netherlands", "oslo": "Norway", "ankara": "Turkey", "budapest": "Hungary",
    "london": "United Kingdom", "abuja": "Nigeria", "nairobi": "Kenya", "rabat": "Morocco",
    "addis ababa": "Ethiopia", "accra": "Ghana", "seoul": "South Korea",
    "bangkok": "Thailand", "hanoi": "Vietnam", "jakarta": "Indonesia",
    "islamabad": "Pakistan", "tehran": "Iran", "riyadh": "Saudi Arabia",
    "manila": "Philippines", "canberra": "Australia", "wellington": "New Zealand",
    "mexico city": "Mexico", "brasília": "Brazil", "buenos aires": "Argentina",
    "santiago": "Chile", "lima": "Peru", "bogotá": "Colombia", "havana": "Cuba",
}
_CAPITAL_ALIASES = {
    "kiev": "kyiv", "peking": "beijing", "berne": "bern", "delhi": "new delhi",
    "washington": "washington, d.c.", "washington dc": "washington, d.c.",
    "washington d.c.": "washington, d.c.", "roma": "rome", "lisboa": "lisbon",
    "wien": "vienna", "praha": "prague", "warszawa": "warsaw", "københavn": "copenhagen",
    "kobenhavn": "copenhagen", "moskva": "moscow", "bruxelles": "brussels",
    "brussel": "brussels", "athina": "athens", "athína": "athens", "helsingfors": "helsinki",
    "baile átha cliath": "dublin", "brasilia": "brasília", "bogota": "bogotá",
    "ciudad de méxico": "mexico city", "la habana": "havana", "teheran": "tehran",
}


def capital_country_any_name(x: str) -> str:
    """Capital city to its country, reading the capital also by native or former names
    (Wien, Praha, Peking, Kiev)."""
    key = _key(x)
    return _CAPITAL_COUNTRY.get(_CAPITAL_ALIASES.get(key, key), UNDEFINED)
