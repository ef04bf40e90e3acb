"""Countries: capitals, continents, currencies, calling codes, driving sides, languages and
adjectives, some with an exception for a region or a property of the country (landlocked,
capital is the largest city, adjective ending in -ish). Countries are read in any case and by
common alternative names (USA, UK, Holland, Czech Republic, Ivory Coast, ...)."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"

_ALIASES = {
    "usa": "united states", "us": "united states", "u.s.": "united states",
    "u.s.a.": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    "holland": "netherlands", "the netherlands": "netherlands",
    "czech republic": "czechia", "republic of korea": "south korea", "korea, south": "south korea",
    "ivory coast": "cote d'ivoire", "côte d'ivoire": "cote d'ivoire",
    "türkiye": "turkey", "turkiye": "turkey", "russian federation": "russia",
    "viet nam": "vietnam", "burma": "myanmar", "persia": "iran",
}


def _country(x: str) -> str:
    key = " ".join(x.split()).casefold()
    return _ALIASES.get(key, key)


def _get(table: dict[str, str], x: str) -> str:
    return table.get(_country(x), UNDEFINED)


def _get_except(table: dict[str, str], excepted, x: str) -> str:
    """The table's answer, or 'undefined' for the excepted part of its domain."""
    key = _country(x)
    return UNDEFINED if key in excepted else table.get(key, UNDEFINED)


_CAPITAL = {
    "france": "Paris", "germany": "Berlin", "italy": "Rome", "spain": "Madrid",
    "portugal": "Lisbon", "united kingdom": "London", "ireland": "Dublin",
    "netherlands": "Amsterdam", "belgium": "Brussels", "switzerland": "Bern",
    "austria": "Vienna", "poland": "Warsaw", "sweden": "Stockholm", "norway": "Oslo",
    "finland": "Helsinki", "denmark": "Copenhagen", "greece": "Athens", "turkey": "Ankara",
    "russia": "Moscow", "ukraine": "Kyiv", "hungary": "Budapest", "czechia": "Prague",
    "egypt": "Cairo", "nigeria": "Abuja", "kenya": "Nairobi", "morocco": "Rabat",
    "ethiopia": "Addis Ababa", "ghana": "Accra", "japan": "Tokyo", "china": "Beijing",
    "india": "New Delhi", "south korea": "Seoul", "thailand": "Bangkok", "vietnam": "Hanoi",
    "pakistan": "Islamabad", "iran": "Tehran", "saudi arabia": "Riyadh",
    "philippines": "Manila", "australia": "Canberra", "new zealand": "Wellington",
    "canada": "Ottawa", "united states": "Washington, D.C.", "mexico": "Mexico City",
    "argentina": "Buenos Aires", "chile": "Santiago", "peru": "Lima", "cuba": "Havana",
    "brazil": "Brasília", "colombia": "Bogotá", "indonesia": "Jakarta",
    "slovakia": "Bratislava", "uganda": "Kampala", "mongolia": "Ulaanbaatar",
    "nepal": "Kathmandu", "afghanistan": "Kabul", "kazakhstan": "Astana", "laos": "Vientiane",
    "zambia": "Lusaka", "zimbabwe": "Harare", "mali": "Bamako", "luxembourg": "Luxembourg",
    "serbia": "Belgrade",
}


def country_capital(x: str) -> str:
    """Country to its capital city; South Africa (three capitals) and Israel (disputed) are
    left out."""
    return _get(_CAPITAL, x)


_CONTINENT = {
    "france": "Europe", "germany": "Europe", "italy": "Europe", "spain": "Europe",
    "poland": "Europe", "sweden": "Europe", "norway": "Europe", "greece": "Europe",
    "ireland": "Europe", "portugal": "Europe", "netherlands": "Europe",
    "nigeria": "Africa", "kenya": "Africa", "egypt": "Africa", "morocco": "Africa",
    "ghana": "Africa", "ethiopia": "Africa", "senegal": "Africa", "tanzania": "Africa",
    "japan": "Asia", "china": "Asia", "india": "Asia", "thailand": "Asia", "vietnam": "Asia",
    "iran": "Asia", "saudi arabia": "Asia", "south korea": "Asia", "nepal": "Asia",
    "canada": "North America", "united states": "North America", "mexico": "North America",
    "cuba": "North America", "jamaica": "North America",
    "brazil": "South America", "argentina": "South America", "chile": "South America",
    "peru": "South America", "colombia": "South America", "uruguay": "South America",
    "australia": "Oceania", "new zealand": "Oceania", "fiji": "Oceania",
    "united kingdom": "Europe", "belgium": "Europe", "switzerland": "Europe",
    "austria": "Europe", "finland": "Europe", "denmark": "Europe", "ukraine": "Europe",
    "hungary": "Europe", "czechia": "Europe", "south africa": "Africa", "indonesia": "Asia",
    "pakistan": "Asia", "israel": "Asia", "philippines": "Asia",
}
_TRANSCONTINENTAL = {"russia": "Europe and Asia", "turkey": "Asia and Europe",
                     "kazakhstan": "Asia and Europe"}


def country_continent(x: str) -> str:
    """Country to its continent (Europe, Asia, Africa, North America, South America, Oceania);
    'undefined' for Russia, Turkey and Kazakhstan, which span two."""
    return _get_except(_CONTINENT, _TRANSCONTINENTAL, x)


_DRIVING = {
    "united kingdom": "left", "ireland": "left", "japan": "left", "india": "left",
    "australia": "left", "new zealand": "left", "south africa": "left", "kenya": "left",
    "thailand": "left", "indonesia": "left", "malaysia": "left", "singapore": "left",
    "pakistan": "left", "jamaica": "left",
    "united states": "right", "canada": "right", "france": "right", "germany": "right",
    "italy": "right", "spain": "right", "china": "right", "brazil": "right",
    "russia": "right", "egypt": "right", "mexico": "right", "argentina": "right",
    "south korea": "right", "sweden": "right", "nigeria": "right", "ghana": "right",
    "portugal": "right", "netherlands": "right", "belgium": "right", "switzerland": "right",
    "austria": "right", "poland": "right", "norway": "right", "finland": "right",
    "denmark": "right", "greece": "right", "turkey": "right", "ukraine": "right",
    "hungary": "right", "czechia": "right", "morocco": "right", "ethiopia": "right",
    "vietnam": "right", "iran": "right", "saudi arabia": "right", "israel": "right",
    "philippines": "right", "chile": "right", "peru": "right", "colombia": "right",
    "cuba": "right",
}


def country_driving_side(x: str) -> str:
    """Country to the side of the road its traffic drives on: 'left' or 'right'."""
    return _get(_DRIVING, x)


_CURRENCY = {
    "france": "EUR", "germany": "EUR", "italy": "EUR", "spain": "EUR", "netherlands": "EUR",
    "ireland": "EUR", "greece": "EUR", "finland": "EUR", "portugal": "EUR", "austria": "EUR",
    "united kingdom": "GBP", "united states": "USD", "japan": "JPY", "china": "CNY",
    "india": "INR", "switzerland": "CHF", "canada": "CAD", "australia": "AUD",
    "new zealand": "NZD", "sweden": "SEK", "norway": "NOK", "denmark": "DKK", "poland": "PLN",
    "czechia": "CZK", "hungary": "HUF", "russia": "RUB", "turkey": "TRY", "brazil": "BRL",
    "mexico": "MXN", "argentina": "ARS", "south africa": "ZAR", "south korea": "KRW",
    "thailand": "THB", "egypt": "EGP", "nigeria": "NGN", "kenya": "KES",
    "saudi arabia": "SAR", "israel": "ILS", "indonesia": "IDR", "singapore": "SGD",
    "belgium": "EUR", "ukraine": "UAH", "morocco": "MAD", "ethiopia": "ETB", "ghana": "GHS",
    "vietnam": "VND", "pakistan": "PKR", "iran": "IRR", "philippines": "PHP", "chile": "CLP",
    "peru": "PEN", "colombia": "COP", "cuba": "CUP",
}


def country_currency_code(x: str) -> str:
    """Country to the ISO 4217 code of its currency (France -> EUR)."""
    return _get(_CURRENCY, x)


_CALLING = {
    "france": "33", "germany": "49", "italy": "39", "spain": "34", "united kingdom": "44",
    "united states": "1", "canada": "1", "japan": "81", "china": "86", "india": "91",
    "brazil": "55", "mexico": "52", "russia": "7", "australia": "61", "netherlands": "31",
    "belgium": "32", "switzerland": "41", "sweden": "46", "norway": "47", "denmark": "45",
    "poland": "48", "greece": "30", "turkey": "90", "egypt": "20", "south africa": "27",
    "argentina": "54", "south korea": "82", "portugal": "351", "ireland": "353",
    "finland": "358", "austria": "43", "new zealand": "64", "nigeria": "234", "kenya": "254",
    "iran": "98", "thailand": "66", "vietnam": "84", "indonesia": "62", "philippines": "63",
    "pakistan": "92", "chile": "56", "peru": "51", "colombia": "57", "ukraine": "380",
    "hungary": "36", "czechia": "420", "morocco": "212", "ethiopia": "251", "ghana": "233",
    "saudi arabia": "966", "israel": "972", "cuba": "53",
}


def country_calling_code(x: str) -> str:
    """Country to its international telephone calling code, with a plus (France -> +33)."""
    code = _get(_CALLING, x)
    return code if code == UNDEFINED else "+" + code


_LANDLOCKED = ("switzerland", "austria", "hungary", "czechia", "slovakia", "ethiopia", "uganda",
               "mongolia", "nepal", "afghanistan", "kazakhstan", "laos", "zambia", "zimbabwe",
               "mali", "luxembourg", "serbia")


def country_capital_unless_landlocked(x: str) -> str:
    """Country to its capital; 'undefined' for landlocked countries."""
    return _get_except(_CAPITAL, _LANDLOCKED, x)


_LARGEST = {
    "united states": "New York City", "canada": "Toronto",
    "turkey": "Istanbul", "new zealand": "Auckland", "nigeria": "Lagos",
    "morocco": "Casablanca", "pakistan": "Karachi", "vietnam": "Ho Chi Minh City",
    "south africa": "Johannesburg", "kazakhstan": "Almaty",
    "tanzania": "Dar es Salaam", "switzerland": "Zurich", "cote d'ivoire": "Abidjan",
    "brazil": "São Paulo", "philippines": "Quezon City",
}
_LARGEST_IS_CAPITAL = {
    "japan": "Tokyo", "france": "Paris", "united kingdom": "London", "germany": "Berlin",
    "spain": "Madrid", "russia": "Moscow", "egypt": "Cairo", "mexico": "Mexico City",
    "argentina": "Buenos Aires", "peru": "Lima", "kenya": "Nairobi", "thailand": "Bangkok",
    "south korea": "Seoul", "iran": "Tehran", "greece": "Athens", "austria": "Vienna",
    "poland": "Warsaw", "sweden": "Stockholm", "italy": "Rome", "portugal": "Lisbon",
    "ireland": "Dublin", "netherlands": "Amsterdam", "norway": "Oslo", "finland": "Helsinki",
    "denmark": "Copenhagen", "ukraine": "Kyiv", "hungary": "Budapest", "czechia": "Prague",
    "ethiopia": "Addis Ababa", "indonesia": "Jakarta", "saudi arabia": "Riyadh",
    "chile": "Santiago", "colombia": "Bogotá", "cuba": "Havana",
}


def country_largest_city_unless_capital(x: str) -> str:
    """Country to its largest city proper; 'undefined' where the largest city is the capital
    (countries where the largest city is disputed, such as Australia, India and China, are
    left out)."""
    return _get_except({**_LARGEST, **_LARGEST_IS_CAPITAL}, _LARGEST_IS_CAPITAL, x)


_LANGUAGE = {
    "france": "French", "germany": "German", "italy": "Italian", "spain": "Spanish",
    "portugal": "Portuguese", "netherlands": "Dutch", "poland": "Polish", "greece": "Greek",
    "sweden": "Swedish", "hungary": "Hungarian", "russia": "Russian", "turkey": "Turkish",
    "japan": "Japanese", "south korea": "Korean", "thailand": "Thai",
    "vietnam": "Vietnamese", "iran": "Persian", "egypt": "Arabic", "saudi arabia": "Arabic",
    "ukraine": "Ukrainian", "czechia": "Czech", "denmark": "Danish", "norway": "Norwegian",
    "finland": "Finnish", "austria": "German", "united kingdom": "English",
    "ireland": "English", "australia": "English", "new zealand": "English",
    "israel": "Hebrew", "indonesia": "Indonesian", "china": "Chinese", "morocco": "Arabic",
}
_LANGUAGE_AMERICAS = {
    "brazil": "Portuguese", "mexico": "Spanish", "argentina": "Spanish", "chile": "Spanish",
    "colombia": "Spanish", "cuba": "Spanish", "peru": "Spanish", "united states": "English",
    "jamaica": "English", "canada": "English",
}


def country_language_unless_americas(x: str) -> str:
    """Country to its main language; 'undefined' for countries in the Americas (countries
    with no single main language, such as India, Switzerland and Belgium, are left out)."""
    return _get_except({**_LANGUAGE, **_LANGUAGE_AMERICAS}, _LANGUAGE_AMERICAS, x)


_ADJECTIVE = {
    "france": "French", "germany": "German", "italy": "Italian", "japan": "Japanese",
    "china": "Chinese", "brazil": "Brazilian", "canada": "Canadian", "mexico": "Mexican",
    "netherlands": "Dutch", "greece": "Greek", "egypt": "Egyptian", "kenya": "Kenyan",
    "india": "Indian", "thailand": "Thai", "peru": "Peruvian", "switzerland": "Swiss",
    "norway": "Norwegian", "portugal": "Portuguese", "russia": "Russian",
    "australia": "Australian", "united states": "American", "vietnam": "Vietnamese",
    "pakistan": "Pakistani", "israel": "Israeli", "iraq": "Iraqi", "chile": "Chilean",
    "belgium": "Belgian", "austria": "Austrian", "ukraine": "Ukrainian",
    "hungary": "Hungarian", "czechia": "Czech", "nigeria": "Nigerian", "morocco": "Moroccan",
    "ethiopia": "Ethiopian", "ghana": "Ghanaian", "south africa": "South African",
    "south korea": "South Korean", "indonesia": "Indonesian", "iran": "Iranian",
    "colombia": "Colombian", "cuba": "Cuban",
}
_ADJECTIVE_ISH = {
    "spain": "Spanish", "sweden": "Swedish", "denmark": "Danish", "finland": "Finnish",
    "poland": "Polish", "turkey": "Turkish", "united kingdom": "British", "ireland": "Irish",
}


def country_adjective_unless_ish(x: str) -> str:
    """Country to its adjective (France -> French); 'undefined' where it ends in -ish
    (countries with two usual adjectives, such as Argentina and the Philippines, are left
    out)."""
    return _get_except({**_ADJECTIVE, **_ADJECTIVE_ISH}, _ADJECTIVE_ISH, x)
