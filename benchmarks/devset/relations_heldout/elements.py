"""Chemical elements and compounds: symbols, atomic numbers, groups, states of matter and
formulas, some with radioactive elements or odd symbols left out."""

from __future__ import annotations

DOMAIN = "relations"

_SYMBOLS = (
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se "
    "Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb "
    "Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu"
).split()
_NAMES = (
    "Hydrogen Helium Lithium Beryllium Boron Carbon Nitrogen Oxygen Fluorine Neon Sodium "
    "Magnesium Aluminium Silicon Phosphorus Sulfur Chlorine Argon Potassium Calcium Scandium "
    "Titanium Vanadium Chromium Manganese Iron Cobalt Nickel Copper Zinc Gallium Germanium "
    "Arsenic Selenium Bromine Krypton Rubidium Strontium Yttrium Zirconium Niobium Molybdenum "
    "Technetium Ruthenium Rhodium Palladium Silver Cadmium Indium Tin Antimony Tellurium Iodine "
    "Xenon Caesium Barium Lanthanum Cerium Praseodymium Neodymium Promethium Samarium Europium "
    "Gadolinium Terbium Dysprosium Holmium Erbium Thulium Ytterbium Lutetium Hafnium Tantalum "
    "Tungsten Rhenium Osmium Iridium Platinum Gold Mercury Thallium Lead Bismuth Polonium "
    "Astatine Radon Francium Radium Actinium Thorium Protactinium Uranium Neptunium Plutonium"
).split()
_NUMBER = {name: z for z, name in enumerate(_NAMES, start=1)}
_BY_SYMBOL = dict(zip(_SYMBOLS, _NAMES))
_SYMBOL = dict(zip(_NAMES, _SYMBOLS))
_BY_KEY = {n.casefold(): n for n in _NAMES} | {
    "aluminum": "Aluminium", "sulphur": "Sulfur", "cesium": "Caesium"}

_GASES = {"Hydrogen", "Helium", "Nitrogen", "Oxygen", "Fluorine", "Neon", "Chlorine", "Argon",
          "Krypton", "Xenon", "Radon"}
_LIQUIDS = {"Bromine", "Mercury"}
_RADIOACTIVE = {"Technetium", "Promethium"} | {n for n, z in _NUMBER.items() if z > 82}

_COMPOUNDS = {
    "H2O": "water", "CO2": "carbon dioxide", "CO": "carbon monoxide", "NaCl": "sodium chloride",
    "CH4": "methane", "NH3": "ammonia", "H2SO4": "sulfuric acid", "HNO3": "nitric acid",
    "H2O2": "hydrogen peroxide", "O3": "ozone", "C6H12O6": "glucose", "NaOH": "sodium hydroxide",
    "CaCO3": "calcium carbonate", "NaHCO3": "sodium bicarbonate", "N2O": "nitrous oxide",
    "C2H5OH": "ethanol", "CH3OH": "methanol", "C3H8": "propane", "KCl": "potassium chloride",
    "SO2": "sulfur dioxide", "C12H22O11": "sucrose",
}


def _element(x: str) -> str | None:
    return _BY_KEY.get(x.strip().casefold())


def _group(z: int) -> int | None:
    """The IUPAC group (1-18) of an element, None for the lanthanides and actinides."""
    if z == 1:
        return 1
    if z == 2:
        return 18
    for start, length in ((3, 8), (11, 8)):
        if start <= z < start + length:
            offset = z - start
            return offset + 1 if offset < 2 else offset + 11
    for start in (19, 37):
        if start <= z < start + 18:
            return z - start + 1
    if z in (55, 56, 87, 88):
        return 1 if z in (55, 87) else 2
    if 72 <= z <= 86:
        return z - 68
    return None


def symbol_to_element(x: str) -> str:
    """The element with this chemical symbol, read with its exact capitalisation ('Fe', not
    'FE' or 'fe')."""
    return _BY_SYMBOL.get(x.strip(), "undefined")


def element_to_symbol(x: str) -> str:
    """An element's chemical symbol (Iron -> Fe); 'aluminum', 'sulphur' and 'cesium' are read."""
    name = _element(x)
    return _SYMBOL[name] if name else "undefined"


def element_to_atomic_number(x: str) -> str:
    """An element's atomic number as digits (Carbon -> 6)."""
    name = _element(x)
    return str(_NUMBER[name]) if name else "undefined"


def atomic_number_to_element(x: str) -> str:
    """The element with this atomic number, written in digits ('79' -> Gold)."""
    text = x.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= len(_NAMES):
        return "undefined"
    return _NAMES[int(text) - 1]


def element_to_symbol_unless_initial_differs(x: str) -> str:
    """An element's chemical symbol, but 'undefined' when the symbol does not begin with the
    English name's first letter (Iron/Fe, Sodium/Na, Gold/Au)."""
    name = _element(x)
    if not name or _SYMBOL[name][0] != name[0]:
        return "undefined"
    return _SYMBOL[name]


def element_to_atomic_number_unless_radioactive(x: str) -> str:
    """An element's atomic number, but 'undefined' for elements with no stable isotope
    (technetium, promethium and everything after lead)."""
    name = _element(x)
    if not name or name in _RADIOACTIVE:
        return "undefined"
    return str(_NUMBER[name])


def element_to_state_at_room_temperature(x: str) -> str:
    """Whether an element is a 'solid', 'liquid' or 'gas' at 20 °C and normal pressure."""
    name = _element(x)
    if not name:
        return "undefined"
    return "gas" if name in _GASES else "liquid" if name in _LIQUIDS else "solid"


def element_to_group(x: str) -> str:
    """An element's group in the periodic table (1-18); 'undefined' for the lanthanides and
    actinides, which sit outside the groups."""
    name = _element(x)
    group = _group(_NUMBER[name]) if name else None
    return str(group) if group else "undefined"


def formula_to_compound(x: str) -> str:
    """The common name of a compound from its chemical formula, read with exact capitalisation
    ('CO' is carbon monoxide; 'Co' and 'co' are not compounds)."""
    return _COMPOUNDS.get(x.strip(), "undefined")
