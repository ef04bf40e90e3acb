"""The Solar System and the sky: moons and their planets, planets in order, bright stars and
their constellations, signs of the zodiac."""

from __future__ import annotations

DOMAIN = "relations"


def _fold(x: str) -> str:
    """Case and outer spaces do not matter."""
    return " ".join(x.strip().casefold().split())


_MOONS = {
    "Moon": "Earth", "Phobos": "Mars", "Deimos": "Mars", "Io": "Jupiter", "Europa": "Jupiter",
    "Ganymede": "Jupiter", "Callisto": "Jupiter", "Amalthea": "Jupiter", "Himalia": "Jupiter",
    "Titan": "Saturn", "Enceladus": "Saturn", "Mimas": "Saturn", "Rhea": "Saturn",
    "Iapetus": "Saturn", "Dione": "Saturn", "Tethys": "Saturn", "Hyperion": "Saturn",
    "Phoebe": "Saturn", "Miranda": "Uranus", "Ariel": "Uranus", "Umbriel": "Uranus",
    "Titania": "Uranus", "Oberon": "Uranus", "Puck": "Uranus", "Triton": "Neptune",
    "Nereid": "Neptune", "Proteus": "Neptune", "Larissa": "Neptune",
}
_MOON_KEYS = {m.casefold(): m for m in _MOONS} | {"luna": "Moon", "the moon": "Moon"}

_PLANETS = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
_PLANET_KEYS = {p.casefold(): p for p in _PLANETS}
_LARGEST_MOON = {"Earth": "Moon", "Mars": "Phobos", "Jupiter": "Ganymede", "Saturn": "Titan",
                 "Uranus": "Titania", "Neptune": "Triton"}

_STARS = {
    "Sirius": "Canis Major", "Canopus": "Carina", "Arcturus": "Boötes", "Vega": "Lyra",
    "Capella": "Auriga", "Rigel": "Orion", "Betelgeuse": "Orion", "Procyon": "Canis Minor",
    "Achernar": "Eridanus", "Altair": "Aquila", "Aldebaran": "Taurus", "Antares": "Scorpius",
    "Spica": "Virgo", "Pollux": "Gemini", "Castor": "Gemini", "Fomalhaut": "Piscis Austrinus",
    "Deneb": "Cygnus", "Regulus": "Leo", "Polaris": "Ursa Minor", "Bellatrix": "Orion",
    "Alpha Centauri": "Centaurus", "Mizar": "Ursa Major", "Algol": "Perseus",
}
_STAR_KEYS = {s.casefold(): s for s in _STARS} | {"north star": "Polaris", "pole star": "Polaris",
                                                  "dog star": "Sirius"}

_ZODIAC = {
    "Aries": "fire", "Taurus": "earth", "Gemini": "air", "Cancer": "water", "Leo": "fire",
    "Virgo": "earth", "Libra": "air", "Scorpio": "water", "Sagittarius": "fire",
    "Capricorn": "earth", "Aquarius": "air", "Pisces": "water",
}


def moon_to_planet(x: str) -> str:
    """The planet a moon orbits (Titan -> Saturn)."""
    moon = _MOON_KEYS.get(_fold(x))
    return _MOONS[moon] if moon else "undefined"


def moon_to_planet_unless_jupiter(x: str) -> str:
    """The planet a moon orbits, but 'undefined' for the moons of Jupiter."""
    moon = _MOON_KEYS.get(_fold(x))
    if not moon or _MOONS[moon] == "Jupiter":
        return "undefined"
    return _MOONS[moon]


def planet_to_position(x: str) -> str:
    """A planet's place in order from the Sun, as digits (Earth -> 3)."""
    planet = _PLANET_KEYS.get(_fold(x))
    return str(_PLANETS.index(planet) + 1) if planet else "undefined"


def planet_to_next_planet_out(x: str) -> str:
    """The next planet farther from the Sun (Earth -> Mars); Neptune has none."""
    planet = _PLANET_KEYS.get(_fold(x))
    if not planet or planet == "Neptune":
        return "undefined"
    return _PLANETS[_PLANETS.index(planet) + 1]


def planet_to_largest_moon(x: str) -> str:
    """A planet's largest moon; 'undefined' for Mercury and Venus, which have none."""
    planet = _PLANET_KEYS.get(_fold(x))
    return _LARGEST_MOON.get(planet, "undefined") if planet else "undefined"


def star_to_constellation(x: str) -> str:
    """The constellation a bright star belongs to (Betelgeuse -> Orion)."""
    star = _STAR_KEYS.get(_fold(x))
    return _STARS[star] if star else "undefined"


def zodiac_sign_to_element(x: str) -> str:
    """The classical element of a sign of the zodiac: 'fire', 'earth', 'air' or 'water'."""
    sign = {s.casefold(): s for s in _ZODIAC}.get(_fold(x))
    return _ZODIAC[sign] if sign else "undefined"
