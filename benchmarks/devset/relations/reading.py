"""Relations that vary how names are read or written: inputs read only in their exact case,
without aliases, with surrounding spaces, as abbreviations, codes or digits; outputs in lower
case, as digits, as codes or as symbols."""

from __future__ import annotations

DOMAIN = "relations"
_UNDEFINED = "undefined"

# The sovereign states of the UN (with Vatican City; without Israel and Palestine, whose
# capitals are disputed): name | capital | continent | ISO alpha-2 | alpha-3 | flags
_COUNTRIES = """
Afghanistan|Kabul|Asia|AF|AFG|L
Albania|Tirana|Europe|AL|ALB|
Algeria|Algiers|Africa|DZ|DZA|
Andorra|Andorra la Vella|Europe|AD|AND|L
Angola|Luanda|Africa|AO|AGO|S
Antigua and Barbuda|Saint John's|North America|AG|ATG|
Argentina|Buenos Aires|South America|AR|ARG|S
Armenia|Yerevan|Asia|AM|ARM|L
Australia|Canberra|Oceania|AU|AUS|S
Austria|Vienna|Europe|AT|AUT|EL
Azerbaijan|Baku|Asia|AZ|AZE|L
Bahamas|Nassau|North America|BS|BHS|
Bahrain|Manama|Asia|BH|BHR|
Bangladesh|Dhaka|Asia|BD|BGD|
Barbados|Bridgetown|North America|BB|BRB|
Belarus|Minsk|Europe|BY|BLR|L
Belgium|Brussels|Europe|BE|BEL|E
Belize|Belmopan|North America|BZ|BLZ|
Benin|Porto-Novo|Africa|BJ|BEN|
Bhutan|Thimphu|Asia|BT|BTN|L
Bolivia|Sucre|South America|BO|BOL|LS
Bosnia and Herzegovina|Sarajevo|Europe|BA|BIH|
Botswana|Gaborone|Africa|BW|BWA|LS
Brazil|Brasília|South America|BR|BRA|S
Brunei|Bandar Seri Begawan|Asia|BN|BRN|
Bulgaria|Sofia|Europe|BG|BGR|E
Burkina Faso|Ouagadougou|Africa|BF|BFA|L
Burundi|Gitega|Africa|BI|BDI|LS
Cambodia|Phnom Penh|Asia|KH|KHM|
Cameroon|Yaoundé|Africa|CM|CMR|
Canada|Ottawa|North America|CA|CAN|
Cape Verde|Praia|Africa|CV|CPV|
Central African Republic|Bangui|Africa|CF|CAF|L
Chad|N'Djamena|Africa|TD|TCD|L
Chile|Santiago|South America|CL|CHL|S
China|Beijing|Asia|CN|CHN|
Colombia|Bogotá|South America|CO|COL|
Comoros|Moroni|Africa|KM|COM|S
Costa Rica|San José|North America|CR|CRI|
Croatia|Zagreb|Europe|HR|HRV|E
Cuba|Havana|North America|CU|CUB|
Cyprus|Nicosia|Europe|CY|CYP|E
Czech Republic|Prague|Europe|CZ|CZE|EL
Democratic Republic of the Congo|Kinshasa|Africa|CD|COD|S
Denmark|Copenhagen|Europe|DK|DNK|E
Djibouti|Djibouti|Africa|DJ|DJI|
Dominica|Roseau|North America|DM|DMA|
Dominican Republic|Santo Domingo|North America|DO|DOM|
East Timor|Dili|Asia|TL|TLS|S
Ecuador|Quito|South America|EC|ECU|S
Egypt|Cairo|Africa|EG|EGY|
El Salvador|San Salvador|North America|SV|SLV|
Equatorial Guinea|Malabo|Africa|GQ|GNQ|
Eritrea|Asmara|Africa|ER|ERI|
Estonia|Tallinn|Europe|EE|EST|E
Eswatini|Mbabane|Africa|SZ|SWZ|LS
Ethiopia|Addis Ababa|Africa|ET|ETH|L
Fiji|Suva|Oceania|FJ|FJI|S
Finland|Helsinki|Europe|FI|FIN|E
France|Paris|Europe|FR|FRA|E
Gabon|Libreville|Africa|GA|GAB|
Gambia|Banjul|Africa|GM|GMB|
Georgia|Tbilisi|Asia|GE|GEO|
Germany|Berlin|Europe|DE|DEU|E
Ghana|Accra|Africa|GH|GHA|
Greece|Athens|Europe|GR|GRC|E
Grenada|Saint George's|North America|GD|GRD|
Guatemala|Guatemala City|North America|GT|GTM|
Guinea|Conakry|Africa|GN|GIN|
Guinea-Bissau|Bissau|Africa|GW|GNB|
Guyana|Georgetown|South America|GY|GUY|
Haiti|Port-au-Prince|North America|HT|HTI|
Honduras|Tegucigalpa|North America|HN|HND|
Hungary|Budapest|Europe|HU|HUN|EL
Iceland|Reykjavik|Europe|IS|ISL|
India|New Delhi|Asia|IN|IND|
Indonesia|Jakarta|Asia|ID|IDN|S
Iran|Tehran|Asia|IR|IRN|
Iraq|Baghdad|Asia|IQ|IRQ|
Ireland|Dublin|Europe|IE|IRL|E
Italy|Rome|Europe|IT|ITA|E
Ivory Coast|Yamoussoukro|Africa|CI|CIV|
Jamaica|Kingston|North America|JM|JAM|
Japan|Tokyo|Asia|JP|JPN|
Jordan|Amman|Asia|JO|JOR|
Kazakhstan|Astana|Asia|KZ|KAZ|L
Kenya|Nairobi|Africa|KE|KEN|S
Kiribati|South Tarawa|Oceania|KI|KIR|
Kuwait|Kuwait City|Asia|KW|KWT|
Kyrgyzstan|Bishkek|Asia|KG|KGZ|L
Laos|Vientiane|Asia|LA|LAO|L
Latvia|Riga|Europe|LV|LVA|E
Lebanon|Beirut|Asia|LB|LBN|
Lesotho|Maseru|Africa|LS|LSO|LS
Liberia|Monrovia|Africa|LR|LBR|
Libya|Tripoli|Africa|LY|LBY|
Liechtenstein|Vaduz|Europe|LI|LIE|L
Lithuania|Vilnius|Europe|LT|LTU|E
Luxembourg|Luxembourg|Europe|LU|LUX|EL
Madagascar|Antananarivo|Africa|MG|MDG|S
Malawi|Lilongwe|Africa|MW|MWI|LS
Malaysia|Kuala Lumpur|Asia|MY|MYS|
Maldives|Malé|Asia|MV|MDV|
Mali|Bamako|Africa|ML|MLI|L
Malta|Valletta|Europe|MT|MLT|E
Marshall Islands|Majuro|Oceania|MH|MHL|
Mauritania|Nouakchott|Africa|MR|MRT|
Mauritius|Port Louis|Africa|MU|MUS|S
Mexico|Mexico City|North America|MX|MEX|
Micronesia|Palikir|Oceania|FM|FSM|
Moldova|Chișinău|Europe|MD|MDA|L
Monaco|Monaco|Europe|MC|MCO|
Mongolia|Ulaanbaatar|Asia|MN|MNG|L
Montenegro|Podgorica|Europe|ME|MNE|
Morocco|Rabat|Africa|MA|MAR|
Mozambique|Maputo|Africa|MZ|MOZ|S
Myanmar|Naypyidaw|Asia|MM|MMR|
Namibia|Windhoek|Africa|NA|NAM|S
Nauru|Yaren|Oceania|NR|NRU|S
Nepal|Kathmandu|Asia|NP|NPL|L
Netherlands|Amsterdam|Europe|NL|NLD|E
New Zealand|Wellington|Oceania|NZ|NZL|S
Nicaragua|Managua|North America|NI|NIC|
Niger|Niamey|Africa|NE|NER|L
Nigeria|Abuja|Africa|NG|NGA|
North Korea|Pyongyang|Asia|KP|PRK|
North Macedonia|Skopje|Europe|MK|MKD|L
Norway|Oslo|Europe|NO|NOR|
Oman|Muscat|Asia|OM|OMN|
Pakistan|Islamabad|Asia|PK|PAK|
Palau|Ngerulmud|Oceania|PW|PLW|
Panama|Panama City|North America|PA|PAN|
Papua New Guinea|Port Moresby|Oceania|PG|PNG|S
Paraguay|Asunción|South America|PY|PRY|LS
Peru|Lima|South America|PE|PER|S
Philippines|Manila|Asia|PH|PHL|
Poland|Warsaw|Europe|PL|POL|E
Portugal|Lisbon|Europe|PT|PRT|E
Qatar|Doha|Asia|QA|QAT|
Republic of the Congo|Brazzaville|Africa|CG|COG|S
Romania|Bucharest|Europe|RO|ROU|E
Russia|Moscow|Europe|RU|RUS|
Rwanda|Kigali|Africa|RW|RWA|LS
Saint Kitts and Nevis|Basseterre|North America|KN|KNA|
Saint Lucia|Castries|North America|LC|LCA|
Saint Vincent and the Grenadines|Kingstown|North America|VC|VCT|
Samoa|Apia|Oceania|WS|WSM|S
San Marino|San Marino|Europe|SM|SMR|L
Sao Tome and Principe|São Tomé|Africa|ST|STP|
Saudi Arabia|Riyadh|Asia|SA|SAU|
Senegal|Dakar|Africa|SN|SEN|
Serbia|Belgrade|Europe|RS|SRB|L
Seychelles|Victoria|Africa|SC|SYC|S
Sierra Leone|Freetown|Africa|SL|SLE|
Singapore|Singapore|Asia|SG|SGP|
Slovakia|Bratislava|Europe|SK|SVK|EL
Slovenia|Ljubljana|Europe|SI|SVN|E
Solomon Islands|Honiara|Oceania|SB|SLB|S
Somalia|Mogadishu|Africa|SO|SOM|
South Africa|Pretoria|Africa|ZA|ZAF|S
South Korea|Seoul|Asia|KR|KOR|
South Sudan|Juba|Africa|SS|SSD|L
Spain|Madrid|Europe|ES|ESP|E
Sri Lanka|Sri Jayawardenepura Kotte|Asia|LK|LKA|
Sudan|Khartoum|Africa|SD|SDN|
Suriname|Paramaribo|South America|SR|SUR|
Sweden|Stockholm|Europe|SE|SWE|E
Switzerland|Bern|Europe|CH|CHE|L
Syria|Damascus|Asia|SY|SYR|
Tajikistan|Dushanbe|Asia|TJ|TJK|L
Tanzania|Dodoma|Africa|TZ|TZA|S
Thailand|Bangkok|Asia|TH|THA|
Togo|Lomé|Africa|TG|TGO|
Tonga|Nukuʻalofa|Oceania|TO|TON|S
Trinidad and Tobago|Port of Spain|North America|TT|TTO|
Tunisia|Tunis|Africa|TN|TUN|
Turkey|Ankara|Asia|TR|TUR|
Turkmenistan|Ashgabat|Asia|TM|TKM|L
Tuvalu|Funafuti|Oceania|TV|TUV|S
Uganda|Kampala|Africa|UG|UGA|L
Ukraine|Kyiv|Europe|UA|UKR|
United Arab Emirates|Abu Dhabi|Asia|AE|ARE|
United Kingdom|London|Europe|GB|GBR|
United States|Washington, D.C.|North America|US|USA|
Uruguay|Montevideo|South America|UY|URY|S
Uzbekistan|Tashkent|Asia|UZ|UZB|L
Vanuatu|Port Vila|Oceania|VU|VUT|S
Vatican City|Vatican City|Europe|VA|VAT|L
Venezuela|Caracas|South America|VE|VEN|
Vietnam|Hanoi|Asia|VN|VNM|
Yemen|Sanaa|Asia|YE|YEM|
Zambia|Lusaka|Africa|ZM|ZMB|LS
Zimbabwe|Harare|Africa|ZW|ZWE|LS
"""
_ROWS = {line.split("|")[0]: line.split("|") for line in _COUNTRIES.split("\n") if line}
_FOLDED = {name.casefold(): row for name, row in _ROWS.items()}
_COUNTRY_ALIASES = {
    "usa": "united states", "us": "united states", "united states of america": "united states",
    "america": "united states", "uk": "united kingdom", "great britain": "united kingdom",
    "britain": "united kingdom", "czechia": "czech republic", "holland": "netherlands",
    "the netherlands": "netherlands", "republic of korea": "south korea",
    "russian federation": "russia", "viet nam": "vietnam", "türkiye": "turkey",
    "ivory coast": "ivory coast", "côte d'ivoire": "ivory coast", "cote d'ivoire": "ivory coast",
    "timor-leste": "east timor", "swaziland": "eswatini", "burma": "myanmar",
    "macedonia": "north macedonia", "cabo verde": "cape verde", "dr congo": "democratic "
    "republic of the congo", "drc": "democratic republic of the congo",
    "congo-kinshasa": "democratic republic of the congo",
    "congo-brazzaville": "republic of the congo", "congo": "republic of the congo",
    "holy see": "vatican city", "vatican": "vatican city", "the gambia": "gambia",
    "the bahamas": "bahamas", "uae": "united arab emirates",
    "são tomé and príncipe": "sao tome and principe",
    "federated states of micronesia": "micronesia",
}


def _country(x: str) -> list[str] | None:
    key = x.casefold()
    return _FOLDED.get(_COUNTRY_ALIASES.get(key, key))


def capital_exact_case(x: str) -> str:
    """Maps a country, written exactly as 'France' is (not 'france'), to its capital."""
    row = _ROWS.get(x)
    return row[1] if row else _UNDEFINED


def capital_no_aliases(x: str) -> str:
    """Maps a country by its short name only (any case; no 'USA' or 'UK') to its capital."""
    row = _FOLDED.get(x.casefold())
    return row[1] if row else _UNDEFINED


def capital_spaces_trimmed(x: str) -> str:
    """Maps a country to its capital, ignoring spaces around the name."""
    row = _country(x.strip())
    return row[1] if row else _UNDEFINED


def capital_lower_case(x: str) -> str:
    """Maps a country to its capital, written in lower case."""
    row = _country(x)
    return row[1].lower() if row else _UNDEFINED


def country_iso2(x: str) -> str:
    """Maps a country to its ISO 3166 two-letter code in capitals."""
    row = _country(x)
    return row[3] if row else _UNDEFINED


def iso3_capital(x: str) -> str:
    """Maps an ISO 3166 three-letter country code (any case) to the country's capital."""
    return next((row[1] for row in _ROWS.values() if row[4] == x.upper()), _UNDEFINED)


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
_ELEMENT_ROWS = [line.split() for line in _ELEMENTS.split("\n") if line]
_ELEMENT_ALIASES = {"aluminum": "aluminium", "sulphur": "sulfur", "cesium": "caesium",
                    "wolfram": "tungsten"}
_BY_SYMBOL = {symbol: name for _, symbol, name in _ELEMENT_ROWS}
_NUMBERS = {name.casefold(): number for number, _, name in _ELEMENT_ROWS}


def symbol_element_exact_case(x: str) -> str:
    """Maps a chemical symbol written in its exact case ('Co', not 'CO' or 'co') to its element."""
    return _BY_SYMBOL.get(x, _UNDEFINED)


def element_atomic_number(x: str) -> str:
    """Maps an element's name to its atomic number, written in digits."""
    key = x.casefold()
    return _NUMBERS.get(_ELEMENT_ALIASES.get(key, key), _UNDEFINED)


_STATE_CODES = {
    "AL": "Montgomery", "AK": "Juneau", "AZ": "Phoenix", "AR": "Little Rock",
    "CA": "Sacramento", "CO": "Denver", "CT": "Hartford", "DE": "Dover", "FL": "Tallahassee",
    "GA": "Atlanta", "HI": "Honolulu", "ID": "Boise", "IL": "Springfield",
    "IN": "Indianapolis", "IA": "Des Moines", "KS": "Topeka", "KY": "Frankfort",
    "LA": "Baton Rouge", "ME": "Augusta", "MD": "Annapolis", "MA": "Boston", "MI": "Lansing",
    "MN": "Saint Paul", "MS": "Jackson", "MO": "Jefferson City", "MT": "Helena",
    "NE": "Lincoln", "NV": "Carson City", "NH": "Concord", "NJ": "Trenton", "NM": "Santa Fe",
    "NY": "Albany", "NC": "Raleigh", "ND": "Bismarck", "OH": "Columbus",
    "OK": "Oklahoma City", "OR": "Salem", "PA": "Harrisburg", "RI": "Providence",
    "SC": "Columbia", "SD": "Pierre", "TN": "Nashville", "TX": "Austin",
    "UT": "Salt Lake City", "VT": "Montpelier", "VA": "Richmond", "WA": "Olympia",
    "WV": "Charleston", "WI": "Madison", "WY": "Cheyenne",
}


def state_code_capital(x: str) -> str:
    """Maps a US state's two-letter postal code (any case) to the state's capital."""
    return _STATE_CODES.get(x.upper(), _UNDEFINED) if len(x) == 2 else _UNDEFINED


_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
}


def greek_letter_symbol(x: str) -> str:
    """Maps the name of a Greek letter to the lower-case letter itself (alpha to α)."""
    return _GREEK.get(x.casefold(), _UNDEFINED)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def month_number_name(x: str) -> str:
    """Maps a month's number in digits (1 to 12, or 01 to 09) to the month's name."""
    numbers = {str(i + 1): name for i, name in enumerate(_MONTHS)}
    numbers.update({f"0{i + 1}": name for i, name in enumerate(_MONTHS[:9])})
    return numbers.get(x, _UNDEFINED)


def month_abbreviation_name(x: str) -> str:
    """Maps a month's three-letter abbreviation (any case, 'Sep' for September) to its name."""
    return next((m for m in _MONTHS if m[:3].casefold() == x.casefold()), _UNDEFINED)
