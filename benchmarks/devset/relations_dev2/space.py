"""The Solar System: moons to their planets and discoverers, planets to their order from the
Sun, kind and largest moon, with exceptions for Saturn's moons and for planets without moons.
Names are read in any case."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"

_MOON_PLANET = {
    "moon": "Earth", "phobos": "Mars", "deimos": "Mars",
    "io": "Jupiter", "europa": "Jupiter", "ganymede": "Jupiter", "callisto": "Jupiter",
    "amalthea": "Jupiter",
    "titan": "Saturn", "enceladus": "Saturn", "mimas": "Saturn", "rhea": "Saturn",
    "iapetus": "Saturn", "dione": "Saturn", "tethys": "Saturn", "hyperion": "Saturn",
    "miranda": "Uranus", "ariel": "Uranus", "umbriel": "Uranus", "titania": "Uranus",
    "oberon": "Uranus", "triton": "Neptune", "nereid": "Neptune", "charon": "Pluto",
}
_MOON_ALIASES = {"the moon": "moon", "luna": "moon"}


def _key(x: str) -> str:
    key = " ".join(x.split()).casefold()
    return _MOON_ALIASES.get(key, key)


def moon_planet(x: str) -> str:
    """Moon to the planet (or dwarf planet) it orbits (Titan -> Saturn)."""
    return _MOON_PLANET.get(_key(x), UNDEFINED)


def moon_planet_unless_saturn(x: str) -> str:
    """Moon to the planet it orbits; 'undefined' for the moons of Saturn."""
    planet = _MOON_PLANET.get(_key(x), UNDEFINED)
    return UNDEFINED if planet == "Saturn" else planet


_DISCOVERER = {
    "io": "Galileo", "europa": "Galileo", "ganymede": "Galileo", "callisto": "Galileo",
    "titan": "Huygens", "iapetus": "Cassini", "rhea": "Cassini", "tethys": "Cassini",
    "dione": "Cassini", "mimas": "Herschel", "enceladus": "Herschel", "titania": "Herschel",
    "oberon": "Herschel", "ariel": "Lassell", "umbriel": "Lassell", "triton": "Lassell",
    "miranda": "Kuiper", "nereid": "Kuiper", "phobos": "Hall", "deimos": "Hall",
    "charon": "Christy", "amalthea": "Barnard",
}


def moon_discoverer(x: str) -> str:
    """Moon to the surname of the astronomer who discovered it (Titan -> Huygens); 'undefined'
    for Earth's Moon, known since prehistory, and for Hyperion, found by two at once."""
    return _DISCOVERER.get(_key(x), UNDEFINED)


_PLANETS = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
_PLANET_KEY = {p.casefold(): p for p in _PLANETS}


def planet_order_from_sun(x: str) -> str:
    """Planet to its position counting out from the Sun (Mercury -> 1, Neptune -> 8)."""
    planet = _PLANET_KEY.get(_key(x))
    return str(_PLANETS.index(planet) + 1) if planet else UNDEFINED


_KIND = {
    "mercury": "terrestrial", "venus": "terrestrial", "earth": "terrestrial",
    "mars": "terrestrial", "jupiter": "gas giant", "saturn": "gas giant",
    "uranus": "ice giant", "neptune": "ice giant",
}


def planet_kind(x: str) -> str:
    """Planet to its kind: 'terrestrial', 'gas giant' or 'ice giant'."""
    return _KIND.get(_key(x), UNDEFINED)


_LARGEST_MOON = {
    "earth": "Moon", "mars": "Phobos", "jupiter": "Ganymede", "saturn": "Titan",
    "uranus": "Titania", "neptune": "Triton", "pluto": "Charon", "eris": "Dysnomia",
}
_MOONLESS = ("mercury", "venus")


def planet_largest_moon(x: str) -> str:
    """Planet or dwarf planet (Pluto, Eris) to its largest moon; 'undefined' for Mercury and
    Venus, which have none."""
    key = _key(x)
    return UNDEFINED if key in _MOONLESS else _LARGEST_MOON.get(key, UNDEFINED)


def planet_next_outward(x: str) -> str:
    """Planet to the next planet farther from the Sun; 'undefined' for Neptune, the last."""
    planet = _PLANET_KEY.get(_key(x))
    if not planet or planet == "Neptune":
        return UNDEFINED
    return _PLANETS[_PLANETS.index(planet) + 1]
