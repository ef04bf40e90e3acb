"""Plain relations of the sciences: elements and their symbols, moons and planets, SI units,
common compounds' formulas and famous scientists' fields. Names are read in any case."""

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
_BY_NAME = {name.casefold(): symbol for _, symbol, name in _ROWS}
_BY_SYMBOL = {symbol.casefold(): name for _, symbol, name in _ROWS}


def element_symbol(x: str) -> str:
    """Maps a chemical element's name to its symbol."""
    key = x.casefold()
    return _BY_NAME.get(_ELEMENT_ALIASES.get(key, key), _UNDEFINED)


def symbol_element(x: str) -> str:
    """Maps a chemical symbol (any case) to its element's name, capitalised."""
    return _BY_SYMBOL.get(x.casefold(), _UNDEFINED)


_MOONS = {
    "moon": "Earth", "phobos": "Mars", "deimos": "Mars", "io": "Jupiter", "europa": "Jupiter",
    "ganymede": "Jupiter", "callisto": "Jupiter", "amalthea": "Jupiter", "titan": "Saturn",
    "enceladus": "Saturn", "mimas": "Saturn", "rhea": "Saturn", "dione": "Saturn",
    "tethys": "Saturn", "iapetus": "Saturn", "hyperion": "Saturn", "phoebe": "Saturn",
    "miranda": "Uranus", "ariel": "Uranus", "umbriel": "Uranus", "titania": "Uranus",
    "oberon": "Uranus", "triton": "Neptune", "nereid": "Neptune", "proteus": "Neptune",
    "thebe": "Jupiter", "metis": "Jupiter", "adrastea": "Jupiter", "himalia": "Jupiter",
    "pan": "Saturn", "atlas": "Saturn", "prometheus": "Saturn", "pandora": "Saturn",
    "janus": "Saturn", "epimetheus": "Saturn", "puck": "Uranus", "larissa": "Neptune",
    "charon": "Pluto", "nix": "Pluto", "hydra": "Pluto", "kerberos": "Pluto", "styx": "Pluto",
    "dysnomia": "Eris",
}


def moon_planet(x: str) -> str:
    """Maps a named moon of the solar system to the planet or dwarf planet it orbits."""
    return _MOONS.get(x.casefold(), _UNDEFINED)


_PLANETS = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")


def planet_next_out(x: str) -> str:
    """Maps a planet to the next planet further from the Sun (Neptune has none)."""
    names = [p.casefold() for p in _PLANETS]
    key = x.casefold()
    if key not in names or key == "neptune":
        return _UNDEFINED
    return _PLANETS[names.index(key) + 1]


_SI_UNITS = {
    "length": "metre", "mass": "kilogram", "time": "second", "electric current": "ampere",
    "temperature": "kelvin", "amount of substance": "mole", "luminous intensity": "candela",
    "force": "newton", "energy": "joule", "power": "watt", "pressure": "pascal",
    "frequency": "hertz", "electric charge": "coulomb", "voltage": "volt",
    "electrical resistance": "ohm", "resistance": "ohm", "capacitance": "farad",
    "inductance": "henry", "magnetic flux": "weber", "magnetic flux density": "tesla",
    "radioactivity": "becquerel", "illuminance": "lux", "luminous flux": "lumen",
    "electrical conductance": "siemens",
}


def quantity_si_unit(x: str) -> str:
    """Maps a physical quantity to its SI unit (lower case, British spelling of metre)."""
    return _SI_UNITS.get(x.casefold(), _UNDEFINED)


_FORMULAS = {
    "water": "H2O", "carbon dioxide": "CO2", "carbon monoxide": "CO", "methane": "CH4",
    "ammonia": "NH3", "sodium chloride": "NaCl", "table salt": "NaCl", "glucose": "C6H12O6",
    "sucrose": "C12H22O11", "sulfuric acid": "H2SO4", "hydrochloric acid": "HCl",
    "nitric acid": "HNO3", "ozone": "O3", "hydrogen peroxide": "H2O2",
    "calcium carbonate": "CaCO3", "sodium bicarbonate": "NaHCO3", "baking soda": "NaHCO3",
    "sodium hydroxide": "NaOH", "propane": "C3H8", "butane": "C4H10", "benzene": "C6H6",
    "nitrous oxide": "N2O", "sulfur dioxide": "SO2",
}


def compound_formula(x: str) -> str:
    """Maps a common chemical compound's name to its molecular formula."""
    return _FORMULAS.get(x.casefold(), _UNDEFINED)


_SCIENTISTS = {
    "albert einstein": "physics", "niels bohr": "physics", "max planck": "physics",
    "richard feynman": "physics", "erwin schrödinger": "physics", "werner heisenberg": "physics",
    "charles darwin": "biology", "gregor mendel": "biology", "carl linnaeus": "biology",
    "dmitri mendeleev": "chemistry", "antoine lavoisier": "chemistry",
    "linus pauling": "chemistry", "carl friedrich gauss": "mathematics",
    "leonhard euler": "mathematics", "euclid": "mathematics",
    "srinivasa ramanujan": "mathematics", "johannes kepler": "astronomy",
    "nicolaus copernicus": "astronomy", "edwin hubble": "astronomy",
    "charles lyell": "geology",
}
_SURNAMES = {name.rpartition(" ")[2]: field for name, field in _SCIENTISTS.items()}


def scientist_field(x: str) -> str:
    """Maps a famous scientist (full name or surname) to their field, in lower case."""
    key = x.casefold()
    return _SCIENTISTS.get(key) or _SURNAMES.get(key) or _UNDEFINED
