"""Cities: their countries and rivers, capitals to countries and country codes, former names
to current ones and Summer Olympic years, with exceptions for capitals, the Southern
Hemisphere and repeat Olympic hosts. Names are read in any case."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"


def _key(x: str) -> str:
    return " ".join(x.split()).casefold()


_CITY_COUNTRY = {
    "paris": "France", "marseille": "France", "lyon": "France", "berlin": "Germany",
    "munich": "Germany", "hamburg": "Germany", "rome": "Italy", "milan": "Italy",
    "naples": "Italy", "madrid": "Spain", "barcelona": "Spain", "seville": "Spain",
    "london": "United Kingdom", "manchester": "United Kingdom", "edinburgh": "United Kingdom",
    "tokyo": "Japan", "osaka": "Japan", "kyoto": "Japan", "beijing": "China",
    "shanghai": "China", "mumbai": "India", "kolkata": "India", "new delhi": "India",
    "istanbul": "Turkey", "ankara": "Turkey", "sydney": "Australia", "melbourne": "Australia",
    "canberra": "Australia", "toronto": "Canada", "vancouver": "Canada", "ottawa": "Canada",
    "rio de janeiro": "Brazil", "lagos": "Nigeria", "abuja": "Nigeria",
    "johannesburg": "South Africa", "durban": "South Africa", "casablanca": "Morocco",
    "rabat": "Morocco",
    "zurich": "Switzerland", "bern": "Switzerland", "geneva": "Switzerland",
    "saint petersburg": "Russia", "moscow": "Russia", "auckland": "New Zealand",
    "wellington": "New Zealand", "chicago": "United States", "los angeles": "United States",
    "washington, d.c.": "United States", "buenos aires": "Argentina", "cairo": "Egypt",
    "alexandria": "Egypt", "lisbon": "Portugal", "porto": "Portugal", "dublin": "Ireland",
    "amsterdam": "Netherlands", "rotterdam": "Netherlands", "brussels": "Belgium",
    "antwerp": "Belgium", "vienna": "Austria", "warsaw": "Poland", "krakow": "Poland",
    "stockholm": "Sweden", "oslo": "Norway", "helsinki": "Finland",
    "copenhagen": "Denmark", "athens": "Greece", "kyiv": "Ukraine", "budapest": "Hungary",
    "prague": "Czechia", "nairobi": "Kenya", "addis ababa": "Ethiopia", "accra": "Ghana",
    "seoul": "South Korea", "busan": "South Korea", "bangkok": "Thailand",
    "hanoi": "Vietnam", "ho chi minh city": "Vietnam", "jakarta": "Indonesia",
    "islamabad": "Pakistan", "karachi": "Pakistan", "tehran": "Iran",
    "riyadh": "Saudi Arabia", "manila": "Philippines", "mexico city": "Mexico",
    "guadalajara": "Mexico", "brasília": "Brazil", "são paulo": "Brazil",
    "santiago": "Chile", "lima": "Peru", "bogotá": "Colombia", "havana": "Cuba",
    "new york city": "United States", "houston": "United States",
}
_CITY_ALIASES = {"st. petersburg": "saint petersburg", "st petersburg": "saint petersburg",
                 "münchen": "munich", "milano": "milan", "napoli": "naples",
                 "sevilla": "seville", "zürich": "zurich", "washington dc": "washington, d.c.",
                 "washington d.c.": "washington, d.c.", "kraków": "krakow", "kiev": "kyiv",
                 "brasilia": "brasília", "sao paulo": "são paulo", "bogota": "bogotá",
                 "new york": "new york city", "nyc": "new york city",
                 "saigon": "ho chi minh city", "lisboa": "lisbon", "wien": "vienna",
                 "praha": "prague", "roma": "rome"}
_NATIONAL_CAPITALS = ("paris", "berlin", "rome", "madrid", "london", "tokyo", "beijing",
                      "new delhi", "ankara", "canberra", "ottawa", "abuja", "rabat", "bern",
                      "moscow", "wellington", "washington, d.c.", "buenos aires", "cairo",
                      "lisbon", "dublin", "amsterdam", "brussels", "vienna", "warsaw",
                      "stockholm", "oslo", "helsinki", "copenhagen", "athens", "kyiv",
                      "budapest", "prague", "nairobi", "addis ababa", "accra", "seoul",
                      "bangkok", "hanoi", "jakarta", "islamabad", "tehran", "riyadh",
                      "manila", "mexico city", "brasília", "santiago", "lima", "bogotá",
                      "havana")


def _city(x: str) -> str:
    key = _key(x)
    return _CITY_ALIASES.get(key, key)


def city_country(x: str) -> str:
    """City to the country it is in (Osaka -> Japan)."""
    return _CITY_COUNTRY.get(_city(x), UNDEFINED)


def city_country_unless_capital(x: str) -> str:
    """City to the country it is in; 'undefined' for national capitals."""
    city = _city(x)
    return UNDEFINED if city in _NATIONAL_CAPITALS else _CITY_COUNTRY.get(city, UNDEFINED)


_RIVER = {
    "london": "Thames", "oxford": "Thames", "paris": "Seine", "rouen": "Seine",
    "rome": "Tiber", "florence": "Arno", "vienna": "Danube", "budapest": "Danube",
    "bratislava": "Danube", "cairo": "Nile", "baghdad": "Tigris", "cologne": "Rhine",
    "basel": "Rhine", "prague": "Vltava", "warsaw": "Vistula", "krakow": "Vistula",
    "lisbon": "Tagus", "dublin": "Liffey", "dresden": "Elbe", "hamburg": "Elbe",
    "seville": "Guadalquivir", "porto": "Douro", "bordeaux": "Garonne", "kyiv": "Dnieper",
    "bangkok": "Chao Phraya", "varanasi": "Ganges", "new orleans": "Mississippi",
    "st. louis": "Mississippi", "memphis": "Mississippi", "montreal": "Saint Lawrence",
    "quebec city": "Saint Lawrence", "frankfurt": "Main", "washington, d.c.": "Potomac",
    "berlin": "Spree", "bern": "Aare", "bonn": "Rhine", "düsseldorf": "Rhine",
    "strasbourg": "Rhine", "khartoum": "Nile", "luxor": "Nile", "aswan": "Nile",
    "moscow": "Moskva", "saint petersburg": "Neva", "seoul": "Han", "wuhan": "Yangtze",
    "chongqing": "Yangtze", "kinshasa": "Congo", "niamey": "Niger", "bamako": "Niger",
    "phnom penh": "Mekong", "vientiane": "Mekong", "new delhi": "Yamuna", "agra": "Yamuna",
    "glasgow": "Clyde", "newcastle": "Tyne", "turin": "Po", "zaragoza": "Ebro",
    "riga": "Daugava", "linz": "Danube", "cincinnati": "Ohio", "minneapolis": "Mississippi",
    "amsterdam": "Amstel",
}
_RIVER_ALIASES = {"kraków": "krakow", "kiev": "kyiv", "köln": "cologne", "roma": "rome",
                  "wien": "vienna", "praha": "prague", "lisboa": "lisbon",
                  "saint louis": "st. louis", "st louis": "st. louis",
                  "washington dc": "washington, d.c.", "washington d.c.": "washington, d.c.",
                  "st. petersburg": "saint petersburg", "st petersburg": "saint petersburg",
                  "dusseldorf": "düsseldorf", "delhi": "new delhi", "torino": "turin"}


def city_river(x: str) -> str:
    """City to the main river it stands on (Vienna -> Danube)."""
    key = _key(x)
    return _RIVER.get(_RIVER_ALIASES.get(key, key), UNDEFINED)


_CAPITAL_NORTH = {
    "paris": "France", "london": "United Kingdom", "tokyo": "Japan", "beijing": "China",
    "new delhi": "India", "moscow": "Russia", "cairo": "Egypt", "ottawa": "Canada",
    "mexico city": "Mexico", "bogota": "Colombia", "bogotá": "Colombia", "kampala": "Uganda",
    "singapore": "Singapore", "bangkok": "Thailand", "abuja": "Nigeria", "accra": "Ghana",
    "caracas": "Venezuela", "manila": "Philippines", "addis ababa": "Ethiopia",
    "berlin": "Germany", "rome": "Italy", "madrid": "Spain", "lisbon": "Portugal",
    "dublin": "Ireland", "amsterdam": "Netherlands", "brussels": "Belgium",
    "bern": "Switzerland", "vienna": "Austria", "warsaw": "Poland", "stockholm": "Sweden",
    "oslo": "Norway", "helsinki": "Finland", "copenhagen": "Denmark", "athens": "Greece",
    "ankara": "Turkey", "kyiv": "Ukraine", "budapest": "Hungary", "prague": "Czechia",
    "rabat": "Morocco", "seoul": "South Korea", "hanoi": "Vietnam", "islamabad": "Pakistan",
    "tehran": "Iran", "riyadh": "Saudi Arabia", "washington, d.c.": "United States",
    "havana": "Cuba",
}
_CAPITAL_SOUTH = {
    "canberra": "Australia", "wellington": "New Zealand", "buenos aires": "Argentina",
    "santiago": "Chile", "lima": "Peru", "pretoria": "South Africa", "nairobi": "Kenya",
    "jakarta": "Indonesia", "brasilia": "Brazil", "brasília": "Brazil", "luanda": "Angola",
    "kinshasa": "DR Congo", "harare": "Zimbabwe", "lusaka": "Zambia",
    "antananarivo": "Madagascar", "montevideo": "Uruguay", "quito": "Ecuador",
}


_CAPITAL_ALIASES = {"kiev": "kyiv", "washington": "washington, d.c.",
                    "washington dc": "washington, d.c.", "washington d.c.": "washington, d.c.",
                    "delhi": "new delhi"}


def capital_country_unless_southern(x: str) -> str:
    """National capital to its country; 'undefined' for capitals in the Southern Hemisphere
    (Nairobi, Quito and Jakarta included)."""
    key = _key(x)
    key = _CAPITAL_ALIASES.get(key, key)
    return UNDEFINED if key in _CAPITAL_SOUTH else _CAPITAL_NORTH.get(key, UNDEFINED)


_FORMER_NAME = {
    "bombay": "Mumbai", "madras": "Chennai", "calcutta": "Kolkata", "bangalore": "Bengaluru",
    "peking": "Beijing", "canton": "Guangzhou", "saigon": "Ho Chi Minh City",
    "constantinople": "Istanbul", "leningrad": "Saint Petersburg", "stalingrad": "Volgograd",
    "new amsterdam": "New York City", "edo": "Tokyo", "christiania": "Oslo",
    "salisbury": "Harare", "leopoldville": "Kinshasa", "léopoldville": "Kinshasa",
    "rangoon": "Yangon", "danzig": "Gdańsk", "königsberg": "Kaliningrad",
    "konigsberg": "Kaliningrad", "batavia": "Jakarta", "pressburg": "Bratislava",
}


def former_name_current_city(x: str) -> str:
    """Former name of a city to its current name (Bombay -> Mumbai, Leningrad -> Saint
    Petersburg)."""
    return _FORMER_NAME.get(_key(x), UNDEFINED)


_OLYMPIC_ONCE = {
    "st. louis": "1904", "antwerp": "1920", "amsterdam": "1928", "berlin": "1936",
    "helsinki": "1952", "melbourne": "1956", "rome": "1960", "mexico city": "1968",
    "munich": "1972", "montreal": "1976", "moscow": "1980", "seoul": "1988",
    "barcelona": "1992", "atlanta": "1996", "sydney": "2000", "beijing": "2008",
    "rio de janeiro": "2016",
}
_OLYMPIC_REPEAT = {"athens": "1896, 2004", "paris": "1900, 1924, 2024",
                   "london": "1908, 1948, 2012", "los angeles": "1932, 1984",
                   "tokyo": "1964, 2021"}
_OLYMPIC_ALIASES = {"saint louis": "st. louis", "st louis": "st. louis", "rio": "rio de janeiro"}


def summer_olympics_year_unless_repeat_host(x: str) -> str:
    """City to the year it hosted the Summer Olympics; 'undefined' for cities that hosted
    them more than once (Paris, London, Athens, Los Angeles, Tokyo)."""
    key = _key(x)
    key = _OLYMPIC_ALIASES.get(key, key)
    return UNDEFINED if key in _OLYMPIC_REPEAT else _OLYMPIC_ONCE.get(key, UNDEFINED)


_EUROPEAN_CAPITAL_CODE = {
    "paris": "FR", "berlin": "DE", "rome": "IT", "madrid": "ES", "lisbon": "PT",
    "london": "GB", "dublin": "IE", "amsterdam": "NL", "brussels": "BE", "bern": "CH",
    "vienna": "AT", "warsaw": "PL", "stockholm": "SE", "oslo": "NO", "copenhagen": "DK",
    "helsinki": "FI", "athens": "GR", "prague": "CZ", "budapest": "HU", "reykjavik": "IS",
    "kyiv": "UA", "moscow": "RU", "luxembourg": "LU", "bratislava": "SK", "belgrade": "RS",
    "bucharest": "RO", "sofia": "BG", "zagreb": "HR", "ljubljana": "SI", "tallinn": "EE",
    "riga": "LV", "vilnius": "LT", "valletta": "MT", "minsk": "BY",
}


def european_capital_country_code(x: str) -> str:
    """Capital of a European country to that country's two-letter ISO code (Paris -> FR)."""
    return _EUROPEAN_CAPITAL_CODE.get(_key(x), UNDEFINED)
