"""US states: capitals, postal abbreviations, largest cities, nicknames, admission years and
cities, some with a history or a spelling left out."""

from __future__ import annotations

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case, dots and outer spaces do not matter."""
    return " ".join(x.strip().casefold().replace(".", "").split())


# state: (postal abbreviation, capital, largest city or None when disputed, year of admission or
# of ratifying the Constitution, nickname)
_STATES: dict[str, tuple[str, str, str | None, str, str]] = {
    "Alabama": ("AL", "Montgomery", None, "1819", "Yellowhammer State"),
    "Alaska": ("AK", "Juneau", "Anchorage", "1959", "Last Frontier"),
    "Arizona": ("AZ", "Phoenix", "Phoenix", "1912", "Grand Canyon State"),
    "Arkansas": ("AR", "Little Rock", "Little Rock", "1836", "Natural State"),
    "California": ("CA", "Sacramento", "Los Angeles", "1850", "Golden State"),
    "Colorado": ("CO", "Denver", "Denver", "1876", "Centennial State"),
    "Connecticut": ("CT", "Hartford", "Bridgeport", "1788", "Constitution State"),
    "Delaware": ("DE", "Dover", "Wilmington", "1787", "First State"),
    "Florida": ("FL", "Tallahassee", "Jacksonville", "1845", "Sunshine State"),
    "Georgia": ("GA", "Atlanta", "Atlanta", "1788", "Peach State"),
    "Hawaii": ("HI", "Honolulu", "Honolulu", "1959", "Aloha State"),
    "Idaho": ("ID", "Boise", "Boise", "1890", "Gem State"),
    "Illinois": ("IL", "Springfield", "Chicago", "1818", "Prairie State"),
    "Indiana": ("IN", "Indianapolis", "Indianapolis", "1816", "Hoosier State"),
    "Iowa": ("IA", "Des Moines", "Des Moines", "1846", "Hawkeye State"),
    "Kansas": ("KS", "Topeka", "Wichita", "1861", "Sunflower State"),
    "Kentucky": ("KY", "Frankfort", "Louisville", "1792", "Bluegrass State"),
    "Louisiana": ("LA", "Baton Rouge", "New Orleans", "1812", "Pelican State"),
    "Maine": ("ME", "Augusta", "Portland", "1820", "Pine Tree State"),
    "Maryland": ("MD", "Annapolis", "Baltimore", "1788", "Old Line State"),
    "Massachusetts": ("MA", "Boston", "Boston", "1788", "Bay State"),
    "Michigan": ("MI", "Lansing", "Detroit", "1837", "Great Lakes State"),
    "Minnesota": ("MN", "Saint Paul", "Minneapolis", "1858", "North Star State"),
    "Mississippi": ("MS", "Jackson", "Jackson", "1817", "Magnolia State"),
    "Missouri": ("MO", "Jefferson City", "Kansas City", "1821", "Show-Me State"),
    "Montana": ("MT", "Helena", "Billings", "1889", "Treasure State"),
    "Nebraska": ("NE", "Lincoln", "Omaha", "1867", "Cornhusker State"),
    "Nevada": ("NV", "Carson City", "Las Vegas", "1864", "Silver State"),
    "New Hampshire": ("NH", "Concord", "Manchester", "1788", "Granite State"),
    "New Jersey": ("NJ", "Trenton", "Newark", "1787", "Garden State"),
    "New Mexico": ("NM", "Santa Fe", "Albuquerque", "1912", "Land of Enchantment"),
    "New York": ("NY", "Albany", "New York City", "1788", "Empire State"),
    "North Carolina": ("NC", "Raleigh", "Charlotte", "1789", "Tar Heel State"),
    "North Dakota": ("ND", "Bismarck", "Fargo", "1889", "Peace Garden State"),
    "Ohio": ("OH", "Columbus", "Columbus", "1803", "Buckeye State"),
    "Oklahoma": ("OK", "Oklahoma City", "Oklahoma City", "1907", "Sooner State"),
    "Oregon": ("OR", "Salem", "Portland", "1859", "Beaver State"),
    "Pennsylvania": ("PA", "Harrisburg", "Philadelphia", "1787", "Keystone State"),
    "Rhode Island": ("RI", "Providence", "Providence", "1790", "Ocean State"),
    "South Carolina": ("SC", "Columbia", None, "1788", "Palmetto State"),
    "South Dakota": ("SD", "Pierre", "Sioux Falls", "1889", "Mount Rushmore State"),
    "Tennessee": ("TN", "Nashville", None, "1796", "Volunteer State"),
    "Texas": ("TX", "Austin", "Houston", "1845", "Lone Star State"),
    "Utah": ("UT", "Salt Lake City", "Salt Lake City", "1896", "Beehive State"),
    "Vermont": ("VT", "Montpelier", "Burlington", "1791", "Green Mountain State"),
    "Virginia": ("VA", "Richmond", "Virginia Beach", "1788", "Old Dominion"),
    "Washington": ("WA", "Olympia", "Seattle", "1889", "Evergreen State"),
    "West Virginia": ("WV", "Charleston", None, "1863", "Mountain State"),
    "Wisconsin": ("WI", "Madison", "Milwaukee", "1848", "Badger State"),
    "Wyoming": ("WY", "Cheyenne", "Cheyenne", "1890", "Equality State"),
}

_ORIGINAL_COLONIES = {
    "Delaware", "Pennsylvania", "New Jersey", "Georgia", "Connecticut", "Massachusetts",
    "Maryland", "South Carolina", "New Hampshire", "Virginia", "New York", "North Carolina",
    "Rhode Island",
}

_BY_KEY = {_fold(s): s for s in _STATES} | {"washington state": "Washington"}
_BY_ABBREVIATION = {v[0]: s for s, v in _STATES.items()}

_CITIES = {
    "Chicago": "Illinois", "Houston": "Texas", "Dallas": "Texas", "San Antonio": "Texas",
    "Los Angeles": "California", "San Francisco": "California", "San Diego": "California",
    "Phoenix": "Arizona", "Tucson": "Arizona", "Philadelphia": "Pennsylvania",
    "Pittsburgh": "Pennsylvania", "Detroit": "Michigan", "Seattle": "Washington",
    "Boston": "Massachusetts", "Miami": "Florida", "Orlando": "Florida", "Tampa": "Florida",
    "Atlanta": "Georgia", "Denver": "Colorado", "Las Vegas": "Nevada", "Reno": "Nevada",
    "New Orleans": "Louisiana", "Nashville": "Tennessee", "Memphis": "Tennessee",
    "Minneapolis": "Minnesota", "Milwaukee": "Wisconsin", "Baltimore": "Maryland",
    "Cleveland": "Ohio", "Cincinnati": "Ohio", "Indianapolis": "Indiana", "Omaha": "Nebraska",
    "Salt Lake City": "Utah", "Albuquerque": "New Mexico", "Anchorage": "Alaska",
    "Honolulu": "Hawaii", "Louisville": "Kentucky", "Charlotte": "North Carolina",
    "Buffalo": "New York", "Newark": "New Jersey", "Birmingham": "Alabama",
    "Des Moines": "Iowa", "Wichita": "Kansas", "Boise": "Idaho", "Sacramento": "California",
    "Austin": "Texas", "Tallahassee": "Florida", "Providence": "Rhode Island",
}
_CITY_KEYS = {_fold(c): s for c, s in _CITIES.items()}


def _state(x: str) -> str | None:
    return _BY_KEY.get(_fold(x))


def state_to_capital(x: str) -> str:
    """A US state's capital city."""
    state = _state(x)
    return _STATES[state][1] if state else "undefined"


def abbreviation_to_state(x: str) -> str:
    """The US state with this two-letter postal abbreviation, read only in capitals ('TX')."""
    return _BY_ABBREVIATION.get(x.strip(), "undefined")


def abbreviation_to_capital(x: str) -> str:
    """The capital of the US state with this postal abbreviation, in any case ('tx' -> Austin)."""
    state = _BY_ABBREVIATION.get(x.strip().upper())
    return _STATES[state][1] if state else "undefined"


def state_to_abbreviation_unless_two_words(x: str) -> str:
    """A US state's postal abbreviation, but 'undefined' for states whose name is two words."""
    state = _state(x)
    if not state or " " in state:
        return "undefined"
    return _STATES[state][0]


def state_to_largest_city_unless_capital(x: str) -> str:
    """A US state's largest city by population, but 'undefined' when it is the capital."""
    state = _state(x)
    if not state or _STATES[state][2] in (None, _STATES[state][1]):
        return "undefined"
    return _STATES[state][2]


def state_to_capital_unless_original_colony(x: str) -> str:
    """A US state's capital, but 'undefined' for the thirteen original states."""
    state = _state(x)
    if not state or state in _ORIGINAL_COLONIES:
        return "undefined"
    return _STATES[state][1]


def state_to_admission_year(x: str) -> str:
    """The year a US state joined the Union (for the thirteen original states, the year it
    ratified the Constitution)."""
    state = _state(x)
    return _STATES[state][3] if state else "undefined"


def state_to_nickname(x: str) -> str:
    """A US state's best-known official nickname, without 'the' (Texas -> Lone Star State)."""
    state = _state(x)
    return _STATES[state][4] if state else "undefined"


def us_city_to_state(x: str) -> str:
    """The US state a major US city is in."""
    return _CITY_KEYS.get(_fold(x), "undefined")
