"""Plain relations of culture and the calendar: composers and writers, car makers, months,
weekdays, zodiac signs and Greek letters. Names are read in any case."""

from __future__ import annotations

DOMAIN = "relations"
_UNDEFINED = "undefined"

_COMPOSERS = {
    "johann sebastian bach": "German", "ludwig van beethoven": "German",
    "johannes brahms": "German", "richard wagner": "German",
    "wolfgang amadeus mozart": "Austrian", "joseph haydn": "Austrian",
    "franz schubert": "Austrian", "frédéric chopin": "Polish", "franz liszt": "Hungarian",
    "béla bartók": "Hungarian", "pyotr ilyich tchaikovsky": "Russian",
    "sergei rachmaninoff": "Russian", "igor stravinsky": "Russian",
    "giuseppe verdi": "Italian", "giacomo puccini": "Italian", "antonio vivaldi": "Italian",
    "claude debussy": "French", "maurice ravel": "French", "antonín dvořák": "Czech",
    "edvard grieg": "Norwegian", "jean sibelius": "Finnish", "edward elgar": "English",
}
_COMPOSER_SURNAMES = {
    "bach": "German", "beethoven": "German", "brahms": "German", "wagner": "German",
    "mozart": "Austrian", "haydn": "Austrian", "schubert": "Austrian", "chopin": "Polish",
    "liszt": "Hungarian", "bartók": "Hungarian", "bartok": "Hungarian",
    "tchaikovsky": "Russian", "rachmaninoff": "Russian", "rachmaninov": "Russian",
    "stravinsky": "Russian", "verdi": "Italian", "puccini": "Italian", "vivaldi": "Italian",
    "debussy": "French", "ravel": "French", "dvořák": "Czech", "dvorak": "Czech",
    "grieg": "Norwegian", "sibelius": "Finnish", "elgar": "English",
}


def composer_nationality(x: str) -> str:
    """Maps a classical composer (full name or surname) to their nationality adjective."""
    key = x.casefold()
    return _COMPOSERS.get(key) or _COMPOSER_SURNAMES.get(key) or _UNDEFINED


_WRITERS = {
    "shakespeare": "English", "william shakespeare": "English", "charles dickens": "English",
    "dickens": "English", "goethe": "German", "johann wolfgang von goethe": "German",
    "thomas mann": "German", "cervantes": "Spanish", "miguel de cervantes": "Spanish",
    "dante": "Italian", "dante alighieri": "Italian", "leo tolstoy": "Russian",
    "tolstoy": "Russian", "fyodor dostoevsky": "Russian", "dostoevsky": "Russian",
    "alexander pushkin": "Russian", "pushkin": "Russian", "victor hugo": "French",
    "molière": "French", "moliere": "French", "luís de camões": "Portuguese",
    "camões": "Portuguese", "camoes": "Portuguese", "homer": "Greek",
}


def writer_language(x: str) -> str:
    """Maps a famous writer to the language they wrote in."""
    return _WRITERS.get(x.casefold(), _UNDEFINED)


_CAR_MAKERS = {
    "toyota": "Japan", "honda": "Japan", "nissan": "Japan", "mazda": "Japan", "subaru": "Japan",
    "mitsubishi": "Japan", "bmw": "Germany", "mercedes-benz": "Germany", "mercedes": "Germany",
    "volkswagen": "Germany", "vw": "Germany", "audi": "Germany", "porsche": "Germany",
    "opel": "Germany", "ferrari": "Italy", "lamborghini": "Italy", "fiat": "Italy",
    "maserati": "Italy", "alfa romeo": "Italy", "renault": "France", "peugeot": "France",
    "citroën": "France", "citroen": "France", "volvo": "Sweden", "saab": "Sweden",
    "ford": "United States", "chevrolet": "United States", "tesla": "United States",
    "cadillac": "United States", "hyundai": "South Korea", "kia": "South Korea",
    "škoda": "Czech Republic", "skoda": "Czech Republic", "rolls-royce": "United Kingdom",
    "aston martin": "United Kingdom", "mini": "United Kingdom", "tata": "India",
}


def car_maker_country(x: str) -> str:
    """Maps a car maker's brand to the country it comes from."""
    return _CAR_MAKERS.get(x.casefold(), _UNDEFINED)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def month_next(x: str) -> str:
    """Maps a month to the month after it (December to January)."""
    names = [m.casefold() for m in _MONTHS]
    key = x.casefold()
    return _MONTHS[(names.index(key) + 1) % 12] if key in names else _UNDEFINED


_SEASONS = ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer",
            "autumn", "autumn", "autumn", "winter")


def month_season(x: str) -> str:
    """Maps a month to its meteorological season in the northern hemisphere, in lower case."""
    names = [m.casefold() for m in _MONTHS]
    key = x.casefold()
    return _SEASONS[names.index(key)] if key in names else _UNDEFINED


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_previous(x: str) -> str:
    """Maps a day of the week to the day before it (Monday to Sunday)."""
    names = [d.casefold() for d in _WEEKDAYS]
    key = x.casefold()
    return _WEEKDAYS[(names.index(key) - 1) % 7] if key in names else _UNDEFINED


_ZODIAC = {
    "aries": "fire", "taurus": "earth", "gemini": "air", "cancer": "water", "leo": "fire",
    "virgo": "earth", "libra": "air", "scorpio": "water", "sagittarius": "fire",
    "capricorn": "earth", "aquarius": "air", "pisces": "water",
}


def zodiac_element(x: str) -> str:
    """Maps a sign of the zodiac to its classical element (fire, earth, air, water)."""
    return _ZODIAC.get(x.casefold(), _UNDEFINED)


_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau",
          "upsilon", "phi", "chi", "psi", "omega")


def greek_letter_next(x: str) -> str:
    """Maps the name of a Greek letter to the next letter's name (omega has none)."""
    key = x.casefold()
    if key not in _GREEK or key == "omega":
        return _UNDEFINED
    return _GREEK[_GREEK.index(key) + 1]
