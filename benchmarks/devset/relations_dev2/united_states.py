"""US states: capitals, postal codes both ways (one read in upper case only), years of
admission, nicknames and the states of big cities, with exceptions for New England, the
thirteen original states and codes that are not the name's first two letters."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"

# State -> (USPS code, capital, year admitted to the Union; for the original thirteen, the
# year each ratified the Constitution).
_STATES = {
    "Alabama": ("AL", "Montgomery", 1819), "Alaska": ("AK", "Juneau", 1959),
    "Arizona": ("AZ", "Phoenix", 1912), "Arkansas": ("AR", "Little Rock", 1836),
    "California": ("CA", "Sacramento", 1850), "Colorado": ("CO", "Denver", 1876),
    "Connecticut": ("CT", "Hartford", 1788), "Delaware": ("DE", "Dover", 1787),
    "Florida": ("FL", "Tallahassee", 1845), "Georgia": ("GA", "Atlanta", 1788),
    "Hawaii": ("HI", "Honolulu", 1959), "Idaho": ("ID", "Boise", 1890),
    "Illinois": ("IL", "Springfield", 1818), "Indiana": ("IN", "Indianapolis", 1816),
    "Iowa": ("IA", "Des Moines", 1846), "Kansas": ("KS", "Topeka", 1861),
    "Kentucky": ("KY", "Frankfort", 1792), "Louisiana": ("LA", "Baton Rouge", 1812),
    "Maine": ("ME", "Augusta", 1820), "Maryland": ("MD", "Annapolis", 1788),
    "Massachusetts": ("MA", "Boston", 1788), "Michigan": ("MI", "Lansing", 1837),
    "Minnesota": ("MN", "Saint Paul", 1858), "Mississippi": ("MS", "Jackson", 1817),
    "Missouri": ("MO", "Jefferson City", 1821), "Montana": ("MT", "Helena", 1889),
    "Nebraska": ("NE", "Lincoln", 1867), "Nevada": ("NV", "Carson City", 1864),
    "New Hampshire": ("NH", "Concord", 1788), "New Jersey": ("NJ", "Trenton", 1787),
    "New Mexico": ("NM", "Santa Fe", 1912), "New York": ("NY", "Albany", 1788),
    "North Carolina": ("NC", "Raleigh", 1789), "North Dakota": ("ND", "Bismarck", 1889),
    "Ohio": ("OH", "Columbus", 1803), "Oklahoma": ("OK", "Oklahoma City", 1907),
    "Oregon": ("OR", "Salem", 1859), "Pennsylvania": ("PA", "Harrisburg", 1787),
    "Rhode Island": ("RI", "Providence", 1790), "South Carolina": ("SC", "Columbia", 1788),
    "South Dakota": ("SD", "Pierre", 1889), "Tennessee": ("TN", "Nashville", 1796),
    "Texas": ("TX", "Austin", 1845), "Utah": ("UT", "Salt Lake City", 1896),
    "Vermont": ("VT", "Montpelier", 1791), "Virginia": ("VA", "Richmond", 1788),
    "Washington": ("WA", "Olympia", 1889), "West Virginia": ("WV", "Charleston", 1863),
    "Wisconsin": ("WI", "Madison", 1848), "Wyoming": ("WY", "Cheyenne", 1890),
}
_BY_KEY = {name.casefold(): name for name in _STATES}
_BY_CODE = {code: name for name, (code, _, _) in _STATES.items()}
_NEW_ENGLAND = ("Maine", "New Hampshire", "Vermont", "Massachusetts", "Rhode Island",
                "Connecticut")
_ORIGINAL_THIRTEEN = ("Delaware", "Pennsylvania", "New Jersey", "Georgia", "Connecticut",
                      "Massachusetts", "Maryland", "South Carolina", "New Hampshire",
                      "Virginia", "New York", "North Carolina", "Rhode Island")
_ALIASES = {"washington state": "Washington"}


def _state(x: str) -> str | None:
    key = " ".join(x.split()).casefold()
    return _BY_KEY.get(key) or _ALIASES.get(key)


def state_capital(x: str) -> str:
    """US state to its capital (Texas -> Austin)."""
    name = _state(x)
    return _STATES[name][1] if name else UNDEFINED


def state_postal_code(x: str) -> str:
    """US state to its two-letter USPS code (Texas -> TX)."""
    name = _state(x)
    return _STATES[name][0] if name else UNDEFINED


def postal_code_state_uppercase_only(x: str) -> str:
    """Two-letter USPS code, upper case only, to the state (TX -> Texas; tx -> undefined)."""
    return _BY_CODE.get(x.strip(), UNDEFINED)


def postal_code_capital(x: str) -> str:
    """Two-letter USPS code, in any case, to the state's capital (tx -> Austin)."""
    name = _BY_CODE.get(x.strip().upper())
    return _STATES[name][1] if name else UNDEFINED


def state_capital_unless_new_england(x: str) -> str:
    """US state to its capital; 'undefined' for the six New England states."""
    name = _state(x)
    return _STATES[name][1] if name and name not in _NEW_ENGLAND else UNDEFINED


def state_admission_year_unless_original(x: str) -> str:
    """US state to the year it was admitted to the Union; 'undefined' for the thirteen
    original states."""
    name = _state(x)
    return str(_STATES[name][2]) if name and name not in _ORIGINAL_THIRTEEN else UNDEFINED


def state_code_if_first_two_letters(x: str) -> str:
    """US state to its USPS code; 'undefined' where the code is not the first two letters of
    the name (Alaska -> AK, Texas -> TX are undefined; Alabama -> AL is not)."""
    name = _state(x)
    if not name or _STATES[name][0] != name[:2].upper():
        return UNDEFINED
    return _STATES[name][0]


_NICKNAME = {
    "Texas": "Lone Star State", "California": "Golden State", "Florida": "Sunshine State",
    "New York": "Empire State", "Hawaii": "Aloha State", "Arizona": "Grand Canyon State",
    "Colorado": "Centennial State", "Georgia": "Peach State", "Ohio": "Buckeye State",
    "New Jersey": "Garden State", "Pennsylvania": "Keystone State",
    "Massachusetts": "Bay State", "Illinois": "Prairie State",
    "Montana": "Treasure State", "Nevada": "Silver State", "Minnesota": "North Star State",
    "Louisiana": "Pelican State", "Tennessee": "Volunteer State", "Idaho": "Gem State",
    "Indiana": "Hoosier State", "Kentucky": "Bluegrass State", "Utah": "Beehive State",
    "Alaska": "Last Frontier", "Washington": "Evergreen State", "Oklahoma": "Sooner State",
    "Iowa": "Hawkeye State",
}


def state_nickname(x: str) -> str:
    """US state to its best-known nickname, without 'The' (Texas -> Lone Star State); the
    states with rival nicknames (Michigan, Connecticut, ...) are left out."""
    return _NICKNAME.get(_state(x) or "", UNDEFINED)


_CITY_STATE = {
    "chicago": "IL", "houston": "TX", "phoenix": "AZ", "philadelphia": "PA",
    "san antonio": "TX", "san diego": "CA", "dallas": "TX", "detroit": "MI",
    "seattle": "WA", "boston": "MA", "denver": "CO", "miami": "FL", "atlanta": "GA",
    "las vegas": "NV", "new orleans": "LA", "nashville": "TN", "milwaukee": "WI",
    "minneapolis": "MN", "baltimore": "MD", "cleveland": "OH", "pittsburgh": "PA",
    "st. louis": "MO", "saint louis": "MO", "st louis": "MO", "memphis": "TN",
    "salt lake city": "UT", "honolulu": "HI", "anchorage": "AK", "albuquerque": "NM",
    "omaha": "NE", "louisville": "KY", "charlotte": "NC", "indianapolis": "IN",
    "los angeles": "CA", "san francisco": "CA", "new york city": "NY", "nyc": "NY",
}


def us_city_state_code(x: str) -> str:
    """Major US city to the USPS code of its state (Chicago -> IL)."""
    return _CITY_STATE.get(" ".join(x.split()).casefold(), UNDEFINED)
