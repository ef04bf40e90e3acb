"""Chemical elements: symbols both ways (symbols read case-sensitively), atomic numbers both
ways, states at room temperature and group names, with exceptions for noble gases and for
symbols that do not come from the English name. Names are read in any case and in both
spellings (aluminium/aluminum, sulfur/sulphur, caesium/cesium)."""

from __future__ import annotations

DOMAIN = "relations"
UNDEFINED = "undefined"

# Every element, in order of atomic number: name then symbol.
_TABLE = """
Hydrogen H Helium He Lithium Li Beryllium Be Boron B Carbon C Nitrogen N Oxygen O Fluorine
F Neon Ne Sodium Na Magnesium Mg Aluminium Al Silicon Si Phosphorus P Sulfur S Chlorine Cl
Argon Ar Potassium K Calcium Ca Scandium Sc Titanium Ti Vanadium V Chromium Cr Manganese
Mn Iron Fe Cobalt Co Nickel Ni Copper Cu Zinc Zn Gallium Ga Germanium Ge Arsenic As
Selenium Se Bromine Br Krypton Kr Rubidium Rb Strontium Sr Yttrium Y Zirconium Zr Niobium
Nb Molybdenum Mo Technetium Tc Ruthenium Ru Rhodium Rh Palladium Pd Silver Ag Cadmium Cd
Indium In Tin Sn Antimony Sb Tellurium Te Iodine I Xenon Xe Caesium Cs Barium Ba Lanthanum
La Cerium Ce Praseodymium Pr Neodymium Nd Promethium Pm Samarium Sm Europium Eu Gadolinium
Gd Terbium Tb Dysprosium Dy Holmium Ho Erbium Er Thulium Tm Ytterbium Yb Lutetium Lu
Hafnium Hf Tantalum Ta Tungsten W Rhenium Re Osmium Os Iridium Ir Platinum Pt Gold Au
Mercury Hg Thallium Tl Lead Pb Bismuth Bi Polonium Po Astatine At Radon Rn Francium Fr
Radium Ra Actinium Ac Thorium Th Protactinium Pa Uranium U Neptunium Np Plutonium Pu
Americium Am Curium Cm Berkelium Bk Californium Cf Einsteinium Es Fermium Fm Mendelevium
Md Nobelium No Lawrencium Lr Rutherfordium Rf Dubnium Db Seaborgium Sg Bohrium Bh Hassium
Hs Meitnerium Mt Darmstadtium Ds Roentgenium Rg Copernicium Cn Nihonium Nh Flerovium Fl
Moscovium Mc Livermorium Lv Tennessine Ts Oganesson Og
""".split()
_NAMES, _SYMBOLS = _TABLE[::2], _TABLE[1::2]
_GASES = ("Hydrogen", "Helium", "Nitrogen", "Oxygen", "Fluorine", "Neon", "Chlorine", "Argon",
          "Krypton", "Xenon", "Radon")
_LIQUIDS = ("Bromine", "Mercury")
# Elements whose state at 25 degrees C has never been seen in bulk: left out of the states.
_UNSEEN_STATE = ("Astatine", "Francium")
_SPELLINGS = {"aluminum": "Aluminium", "sulphur": "Sulfur", "cesium": "Caesium"}
_BY_KEY = {name.casefold(): name for name in _NAMES}
_NUMBER = {name: i + 1 for i, name in enumerate(_NAMES)}
_SYMBOL = dict(zip(_NAMES, _SYMBOLS))
_BY_SYMBOL = dict(zip(_SYMBOLS, _NAMES))
_BY_NUMBER = {str(i + 1): name for i, name in enumerate(_NAMES)}
_NOBLE_GASES = ("Helium", "Neon", "Argon", "Krypton", "Xenon", "Radon", "Oganesson")
# Symbols from a Latin (or, for tungsten, German) name: their letters are not, in order, in
# the English name.
_FOREIGN_SYMBOL = ("Sodium", "Potassium", "Iron", "Copper", "Silver", "Tin", "Antimony",
                   "Tungsten", "Gold", "Mercury", "Lead")


def _element(x: str) -> str | None:
    key = " ".join(x.split()).casefold()
    return _BY_KEY.get(key) or _SPELLINGS.get(key)


def element_symbol(x: str) -> str:
    """Element name to its chemical symbol (Iron -> Fe)."""
    name = _element(x)
    return _SYMBOL[name] if name else UNDEFINED


def symbol_element_case_sensitive(x: str) -> str:
    """Chemical symbol, exactly as written (Fe, not fe or FE), to the element's name."""
    return _BY_SYMBOL.get(x.strip(), UNDEFINED)


def element_atomic_number(x: str) -> str:
    """Element name to its atomic number (Oxygen -> 8)."""
    name = _element(x)
    return str(_NUMBER[name]) if name else UNDEFINED


def atomic_number_element(x: str) -> str:
    """Atomic number, written in digits, to the element's name (26 -> Iron)."""
    return _BY_NUMBER.get(x.strip(), UNDEFINED)


def element_state_at_room_temperature(x: str) -> str:
    """Element name to its state at 25 degrees C: 'solid', 'liquid' or 'gas'; only for the
    elements up to uranium, less astatine and francium (never seen in bulk)."""
    name = _element(x)
    if not name or _NUMBER[name] > 92 or name in _UNSEEN_STATE:
        return UNDEFINED
    return "gas" if name in _GASES else "liquid" if name in _LIQUIDS else "solid"


_GROUP = {
    "Lithium": "alkali metal", "Sodium": "alkali metal", "Potassium": "alkali metal",
    "Rubidium": "alkali metal", "Caesium": "alkali metal", "Francium": "alkali metal",
    "Beryllium": "alkaline earth metal", "Magnesium": "alkaline earth metal",
    "Calcium": "alkaline earth metal", "Strontium": "alkaline earth metal",
    "Barium": "alkaline earth metal", "Radium": "alkaline earth metal",
    "Fluorine": "halogen", "Chlorine": "halogen", "Bromine": "halogen", "Iodine": "halogen",
    "Astatine": "halogen",
    "Helium": "noble gas", "Neon": "noble gas", "Argon": "noble gas", "Krypton": "noble gas",
    "Xenon": "noble gas", "Radon": "noble gas",
}


def element_group_name(x: str) -> str:
    """Element name, or symbol in any case, to its group's name (alkali metal, alkaline earth
    metal, halogen, noble gas); 'undefined' for other elements (hydrogen, the superheavy
    tennessine and oganesson included)."""
    by_symbol = {symbol.casefold(): name for symbol, name in _BY_SYMBOL.items()}
    name = _element(x) or by_symbol.get(x.strip().casefold())
    return _GROUP.get(name, UNDEFINED)


def element_number_unless_noble_gas(x: str) -> str:
    """Element name or exact symbol to its atomic number; 'undefined' for the noble gases
    (group 18)."""
    name = _element(x) or _BY_SYMBOL.get(x.strip())
    if not name or name in _NOBLE_GASES:
        return UNDEFINED
    return str(_NUMBER[name])


def element_symbol_unless_foreign(x: str) -> str:
    """Element name to its symbol; 'undefined' where the symbol comes from a Latin or German
    name rather than the English one (Iron, Gold, Sodium, Tungsten, ...)."""
    name = _element(x)
    if not name or name in _FOREIGN_SYMBOL:
        return UNDEFINED
    return _SYMBOL[name]
