"""Relations of the sciences and the calendar with an exception: 'undefined' for one
sub-group of the domain (metals, radioactive elements, Jupiter's moons, gas giants, months of
31 days, weekend days, fire signs, compounds with carbon, ...). Names are read in any case."""

from __future__ import annotations

DOMAIN = "relations"
_UNDEFINED = "undefined"

# the 118 elements: atomic number, symbol, name
_ELEMENTS = """
1 H Hydrogen
2 He Helium
3 Li Lithium
4 Be Beryllium
5 B Boron
6 C Carbon
7 N Nitrogen
8 O Oxygen
9 F Fluorine
10 Ne Neon
11 Na Sodium
12 Mg Magnesium
13 Al Aluminium
14 Si Silicon
15 P Phosphorus
16 S Sulfur
17 Cl Chlorine
18 Ar Argon
19 K Potassium
20 Ca Calcium
21 Sc Scandium
22 Ti Titanium
23 V Vanadium
24 Cr Chromium
25 Mn Manganese
26 Fe Iron
27 Co Cobalt
28 Ni Nickel
29 Cu Copper
30 Zn Zinc
31 Ga Gallium
32 Ge Germanium
33 As Arsenic
34 Se Selenium
35 Br Bromine
36 Kr Krypton
37 Rb Rubidium
38 Sr Strontium
39 Y Yttrium
40 Zr Zirconium
41 Nb Niobium
42 Mo Molybdenum
43 Tc Technetium
44 Ru Ruthenium
45 Rh Rhodium
46 Pd Palladium
47 Ag Silver
48 Cd Cadmium
49 In Indium
50 Sn Tin
51 Sb Antimony
52 Te Tellurium
53 I Iodine
54 Xe Xenon
55 Cs Caesium
56 Ba Barium
57 La Lanthanum
58 Ce Cerium
59 Pr Praseodymium
60 Nd Neodymium
61 Pm Promethium
62 Sm Samarium
63 Eu Europium
64 Gd Gadolinium
65 Tb Terbium
66 Dy Dysprosium
67 Ho Holmium
68 Er Erbium
69 Tm Thulium
70 Yb Ytterbium
71 Lu Lutetium
72 Hf Hafnium
73 Ta Tantalum
74 W Tungsten
75 Re Rhenium
76 Os Osmium
77 Ir Iridium
78 Pt Platinum
79 Au Gold
80 Hg Mercury
81 Tl Thallium
82 Pb Lead
83 Bi Bismuth
84 Po Polonium
85 At Astatine
86 Rn Radon
87 Fr Francium
88 Ra Radium
89 Ac Actinium
90 Th Thorium
91 Pa Protactinium
92 U Uranium
93 Np Neptunium
94 Pu Plutonium
95 Am Americium
96 Cm Curium
97 Bk Berkelium
98 Cf Californium
99 Es Einsteinium
100 Fm Fermium
101 Md Mendelevium
102 No Nobelium
103 Lr Lawrencium
104 Rf Rutherfordium
105 Db Dubnium
106 Sg Seaborgium
107 Bh Bohrium
108 Hs Hassium
109 Mt Meitnerium
110 Ds Darmstadtium
111 Rg Roentgenium
112 Cn Copernicium
113 Nh Nihonium
114 Fl Flerovium
115 Mc Moscovium
116 Lv Livermorium
117 Ts Tennessine
118 Og Oganesson
"""
_ROWS = [line.split() for line in _ELEMENTS.split("\n") if line]
_ELEMENT_ALIASES = {"aluminum": "aluminium", "sulphur": "sulfur", "cesium": "caesium",
                    "wolfram": "tungsten"}
_BY_NAME = {name.casefold(): (int(number), symbol) for number, symbol, name in _ROWS}
_BY_SYMBOL = {symbol.casefold(): name for _, symbol, name in _ROWS}
# of the first 54 (hydrogen to xenon): all but these are metals
_NOT_METALS = {"H", "He", "B", "C", "N", "O", "F", "Ne", "Si", "P", "S", "Cl", "Ar", "Ge",
               "As", "Se", "Br", "Kr", "Sb", "Te", "I", "Xe"}


def _element(x: str) -> tuple[int, str] | None:
    key = x.casefold()
    return _BY_NAME.get(_ELEMENT_ALIASES.get(key, key))


def symbol_unless_metal(x: str) -> str:
    """Maps one of the first 54 elements (to xenon) to its symbol, undefined for metals."""
    found = _element(x)
    return found[1] if found and found[0] <= 54 and found[1] in _NOT_METALS else _UNDEFINED


def atomic_number_unless_radioactive(x: str) -> str:
    """Maps an element to its atomic number in digits, undefined with no stable isotope
    (technetium, promethium, and bismuth onwards)."""
    found = _element(x)
    if not found or found[0] in (43, 61) or found[0] >= 83:
        return _UNDEFINED
    return str(found[0])


def element_unless_one_letter_symbol(x: str) -> str:
    """Maps a chemical symbol to its element's name, undefined for one-letter symbols."""
    return _BY_SYMBOL.get(x.casefold(), _UNDEFINED) if len(x) > 1 else _UNDEFINED


_MOONS = {
    "moon": "Earth", "phobos": "Mars", "deimos": "Mars", "io": "Jupiter", "europa": "Jupiter",
    "ganymede": "Jupiter", "callisto": "Jupiter", "titan": "Saturn", "enceladus": "Saturn",
    "mimas": "Saturn", "rhea": "Saturn", "iapetus": "Saturn", "miranda": "Uranus",
    "titania": "Uranus", "oberon": "Uranus", "triton": "Neptune", "charon": "Pluto",
}


def moon_planet_unless_jupiter(x: str) -> str:
    """Maps a moon to the body it orbits, undefined for the moons of Jupiter."""
    planet = _MOONS.get(x.casefold(), _UNDEFINED)
    return _UNDEFINED if planet == "Jupiter" else planet


_PLANETS = ("mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune")


def planet_order_unless_gas_giant(x: str) -> str:
    """Maps a planet to its order from the Sun in digits, undefined for Jupiter and Saturn."""
    key = x.casefold()
    if key not in _PLANETS or key in ("jupiter", "saturn"):
        return _UNDEFINED
    return str(_PLANETS.index(key) + 1)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_next_unless_31_days(x: str) -> str:
    """Maps a month to the next month, undefined for months of 31 days."""
    names = [m.casefold() for m in _MONTHS]
    key = x.casefold()
    if key not in names or _DAYS[names.index(key)] == 31:
        return _UNDEFINED
    return _MONTHS[names.index(key) + 1]


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_next_unless_weekend(x: str) -> str:
    """Maps a day of the week to the next day, undefined for Saturday and Sunday."""
    names = [d.casefold() for d in _WEEKDAYS]
    key = x.casefold()
    if key not in names[:5]:
        return _UNDEFINED
    return _WEEKDAYS[names.index(key) + 1]


_ZODIAC = {
    "aries": ("ram", "fire"), "taurus": ("bull", "earth"), "gemini": ("twins", "air"),
    "cancer": ("crab", "water"), "leo": ("lion", "fire"), "virgo": ("maiden", "earth"),
    "libra": ("scales", "air"), "scorpio": ("scorpion", "water"),
    "sagittarius": ("archer", "fire"), "capricorn": ("goat", "earth"),
    "aquarius": ("water-bearer", "air"), "pisces": ("fish", "water"),
}


def zodiac_symbol_unless_fire(x: str) -> str:
    """Maps a zodiac sign to what it depicts (ram, bull, ...), undefined for the fire signs."""
    found = _ZODIAC.get(x.casefold())
    return found[0] if found and found[1] != "fire" else _UNDEFINED


_FORMULAS = {
    "water": "H2O", "carbon dioxide": "CO2", "carbon monoxide": "CO", "methane": "CH4",
    "ammonia": "NH3", "sodium chloride": "NaCl", "glucose": "C6H12O6",
    "sulfuric acid": "H2SO4", "hydrochloric acid": "HCl", "nitric acid": "HNO3",
    "ozone": "O3", "hydrogen peroxide": "H2O2", "calcium carbonate": "CaCO3",
    "sodium hydroxide": "NaOH", "propane": "C3H8", "benzene": "C6H6", "sulfur dioxide": "SO2",
    "nitrous oxide": "N2O",
}


def formula_unless_carbon(x: str) -> str:
    """Maps a compound to its formula, undefined for compounds that contain carbon."""
    formula = _FORMULAS.get(x.casefold(), _UNDEFINED)
    has_carbon = "C" in formula.replace("Cl", "").replace("Ca", "")
    return _UNDEFINED if has_carbon else formula


_COMPOSERS = {
    "bach": "German", "beethoven": "German", "brahms": "German", "wagner": "German",
    "mozart": "Austrian", "haydn": "Austrian", "schubert": "Austrian", "chopin": "Polish",
    "liszt": "Hungarian", "tchaikovsky": "Russian", "rachmaninoff": "Russian",
    "stravinsky": "Russian", "mussorgsky": "Russian", "verdi": "Italian", "puccini": "Italian",
    "vivaldi": "Italian", "debussy": "French", "ravel": "French", "grieg": "Norwegian",
    "sibelius": "Finnish", "elgar": "English",
}


def composer_nationality_unless_russian(x: str) -> str:
    """Maps a composer's surname to their nationality, undefined for Russian composers."""
    found = _COMPOSERS.get(x.casefold(), _UNDEFINED)
    return _UNDEFINED if found == "Russian" else found
