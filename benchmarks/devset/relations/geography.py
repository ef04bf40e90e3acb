"""Plain relations on countries, cities and US states: capitals, continents, currencies,
languages, and cities to their countries. Inputs are read in any case and by common
alternative names; anything else is 'undefined'."""

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
_ROWS = {line.split("|")[0].casefold(): line.split("|") for line in _COUNTRIES.split("\n") if line}
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
    return _ROWS.get(_COUNTRY_ALIASES.get(key, key))


def country_capital(x: str) -> str:
    """Maps a country to its capital city."""
    row = _country(x)
    return row[1] if row else _UNDEFINED


def country_continent(x: str) -> str:
    """Maps a country to its continent (Europe, Asia, Africa, North/South America, Oceania)."""
    row = _country(x)
    return row[2] if row else _UNDEFINED


_EUROPEAN_CURRENCIES = {
    "albania": "Albanian lek", "andorra": "euro", "austria": "euro",
    "belarus": "Belarusian ruble", "belgium": "euro",
    "bosnia and herzegovina": "convertible mark", "bulgaria": "euro", "croatia": "euro",
    "cyprus": "euro", "czech republic": "Czech koruna", "denmark": "Danish krone",
    "estonia": "euro", "finland": "euro", "france": "euro", "germany": "euro", "greece": "euro",
    "hungary": "Hungarian forint", "iceland": "Icelandic krona", "ireland": "euro",
    "italy": "euro", "latvia": "euro", "liechtenstein": "Swiss franc", "lithuania": "euro",
    "luxembourg": "euro", "malta": "euro", "moldova": "Moldovan leu", "monaco": "euro",
    "montenegro": "euro", "netherlands": "euro", "north macedonia": "Macedonian denar",
    "norway": "Norwegian krone", "poland": "Polish zloty", "portugal": "euro",
    "romania": "Romanian leu", "russia": "Russian ruble", "san marino": "euro",
    "serbia": "Serbian dinar", "slovakia": "euro", "slovenia": "euro", "spain": "euro",
    "sweden": "Swedish krona", "switzerland": "Swiss franc", "ukraine": "Ukrainian hryvnia",
    "united kingdom": "pound sterling", "vatican city": "euro",
}


def european_country_currency(x: str) -> str:
    """Maps a European country to its currency's name (euro in lower case, as in English)."""
    row = _country(x)
    return _EUROPEAN_CURRENCIES.get(row[0].casefold(), _UNDEFINED) if row else _UNDEFINED


_LATIN_LANGUAGES = {
    "mexico": "Spanish", "guatemala": "Spanish", "belize": "English", "honduras": "Spanish",
    "el salvador": "Spanish", "nicaragua": "Spanish", "costa rica": "Spanish",
    "panama": "Spanish", "colombia": "Spanish", "venezuela": "Spanish", "guyana": "English",
    "suriname": "Dutch", "ecuador": "Spanish", "peru": "Spanish", "bolivia": "Spanish",
    "brazil": "Portuguese", "paraguay": "Spanish", "chile": "Spanish", "argentina": "Spanish",
    "uruguay": "Spanish",
}


def mainland_americas_language(x: str) -> str:
    """Maps a mainland country from Mexico to Argentina to its main official language."""
    row = _country(x)
    return _LATIN_LANGUAGES.get(row[0].casefold(), _UNDEFINED) if row else _UNDEFINED


_CAPITAL_ALIASES = {
    "brasilia": "brasília", "bogota": "bogotá", "yaounde": "yaoundé", "san jose": "san josé",
    "chisinau": "chișinău", "male": "malé", "asuncion": "asunción", "lome": "lomé",
    "sao tome": "são tomé", "nuku'alofa": "nukuʻalofa", "washington": "washington, d.c.",
    "washington dc": "washington, d.c.", "washington d.c.": "washington, d.c.",
    "st. john's": "saint john's", "st. george's": "saint george's", "kiev": "kyiv",
    "delhi": "new delhi", "la paz": "sucre", "sana'a": "sanaa", "naypyitaw": "naypyidaw",
}
_BY_CAPITAL = {row[1].casefold(): row[0] for row in _ROWS.values()}


def capital_country(x: str) -> str:
    """Maps a capital city to the country it is the capital of."""
    key = x.casefold()
    return _BY_CAPITAL.get(_CAPITAL_ALIASES.get(key, key), _UNDEFINED)


_CITIES = {
    "new york": "United States", "los angeles": "United States", "chicago": "United States",
    "toronto": "Canada", "montreal": "Canada", "vancouver": "Canada",
    "sydney": "Australia", "melbourne": "Australia", "auckland": "New Zealand",
    "rio de janeiro": "Brazil", "são paulo": "Brazil", "sao paulo": "Brazil",
    "barcelona": "Spain", "milan": "Italy", "naples": "Italy", "munich": "Germany",
    "hamburg": "Germany", "marseille": "France", "lyon": "France", "manchester": "United Kingdom",
    "edinburgh": "United Kingdom", "geneva": "Switzerland", "zurich": "Switzerland",
    "istanbul": "Turkey", "mumbai": "India", "osaka": "Japan", "kyoto": "Japan",
    "shanghai": "China", "casablanca": "Morocco", "lagos": "Nigeria",
    "johannesburg": "South Africa", "cape town": "South Africa", "st petersburg": "Russia",
    "saint petersburg": "Russia", "dubai": "United Arab Emirates", "porto": "Portugal",
    "rotterdam": "Netherlands", "krakow": "Poland", "gothenburg": "Sweden",
}


def city_country(x: str) -> str:
    """Maps a large city that is not a capital to its country."""
    return _CITIES.get(x.casefold(), _UNDEFINED)


_STATE_CAPITALS = {
    "Alabama": "Montgomery", "Alaska": "Juneau", "Arizona": "Phoenix", "Arkansas": "Little Rock",
    "California": "Sacramento", "Colorado": "Denver", "Connecticut": "Hartford",
    "Delaware": "Dover", "Florida": "Tallahassee", "Georgia": "Atlanta", "Hawaii": "Honolulu",
    "Idaho": "Boise", "Illinois": "Springfield", "Indiana": "Indianapolis", "Iowa": "Des Moines",
    "Kansas": "Topeka", "Kentucky": "Frankfort", "Louisiana": "Baton Rouge", "Maine": "Augusta",
    "Maryland": "Annapolis", "Massachusetts": "Boston", "Michigan": "Lansing",
    "Minnesota": "Saint Paul", "Mississippi": "Jackson", "Missouri": "Jefferson City",
    "Montana": "Helena", "Nebraska": "Lincoln", "Nevada": "Carson City",
    "New Hampshire": "Concord", "New Jersey": "Trenton", "New Mexico": "Santa Fe",
    "New York": "Albany", "North Carolina": "Raleigh", "North Dakota": "Bismarck",
    "Ohio": "Columbus", "Oklahoma": "Oklahoma City", "Oregon": "Salem",
    "Pennsylvania": "Harrisburg", "Rhode Island": "Providence", "South Carolina": "Columbia",
    "South Dakota": "Pierre", "Tennessee": "Nashville", "Texas": "Austin",
    "Utah": "Salt Lake City", "Vermont": "Montpelier", "Virginia": "Richmond",
    "Washington": "Olympia", "West Virginia": "Charleston", "Wisconsin": "Madison",
    "Wyoming": "Cheyenne",
}
_STATES = {name.casefold(): capital for name, capital in _STATE_CAPITALS.items()}


def state_capital(x: str) -> str:
    """Maps a US state to its capital city."""
    return _STATES.get(x.casefold(), _UNDEFINED)
