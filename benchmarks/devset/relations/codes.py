"""Relations to and from codes: ISO country codes, internet domains, calling codes, US postal
codes, currency codes, airport codes, the NATO alphabet and Morse code. Codes are read in any
case."""

from __future__ import annotations

DOMAIN = "relations"
_UNDEFINED = "undefined"

# The sovereign states of the UN (with Vatican City; without Israel and Palestine, whose
# capitals are disputed): name | capital | continent | ISO alpha-2 | alpha-3 | flags
# (E in the European Union, L landlocked, S its capital south of the equator)
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


def iso2_country(x: str) -> str:
    """Maps an ISO 3166 two-letter country code (any case) to the country's name."""
    return next((row[0] for row in _ROWS.values() if row[3] == x.upper()), _UNDEFINED)


def country_internet_domain(x: str) -> str:
    """Maps a country to its internet country-code top-level domain (.fr; .uk for the UK)."""
    row = _country(x)
    if not row:
        return _UNDEFINED
    return ".uk" if row[3] == "GB" else "." + row[3].lower()


_EUROPEAN_CALLING_CODES = {
    "albania": 355, "andorra": 376, "austria": 43, "belarus": 375, "belgium": 32,
    "bosnia and herzegovina": 387, "bulgaria": 359, "croatia": 385, "cyprus": 357,
    "czech republic": 420, "denmark": 45, "estonia": 372, "finland": 358, "france": 33,
    "germany": 49, "greece": 30, "hungary": 36, "iceland": 354, "ireland": 353, "italy": 39,
    "latvia": 371, "liechtenstein": 423, "lithuania": 370, "luxembourg": 352, "malta": 356,
    "moldova": 373, "monaco": 377, "montenegro": 382, "netherlands": 31,
    "north macedonia": 389, "norway": 47, "poland": 48, "portugal": 351, "romania": 40,
    "russia": 7, "san marino": 378, "serbia": 381, "slovakia": 421, "slovenia": 386,
    "spain": 34, "sweden": 46, "switzerland": 41, "ukraine": 380, "united kingdom": 44,
    "vatican city": 39,
}


def european_calling_code(x: str) -> str:
    """Maps a European country to its international calling code, with a plus (+33)."""
    row = _country(x)
    code = _EUROPEAN_CALLING_CODES.get(row[0].casefold()) if row else None
    return f"+{code}" if code else _UNDEFINED


_POSTAL = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
    "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}


def state_postal_code(x: str) -> str:
    """Maps a US state to its two-letter postal abbreviation."""
    return _POSTAL.get(x.casefold(), _UNDEFINED)


_CURRENCIES = {
    "USD": "United States dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "Japanese yen",
    "CHF": "Swiss franc", "CNY": "renminbi", "INR": "Indian rupee", "CAD": "Canadian dollar",
    "AUD": "Australian dollar", "NZD": "New Zealand dollar", "SEK": "Swedish krona",
    "NOK": "Norwegian krone", "DKK": "Danish krone", "PLN": "Polish zloty",
    "BRL": "Brazilian real", "MXN": "Mexican peso", "ZAR": "South African rand",
    "RUB": "Russian ruble", "KRW": "South Korean won", "TRY": "Turkish lira",
}


def currency_code_name(x: str) -> str:
    """Maps an ISO 4217 currency code (any case) to the currency's name."""
    return _CURRENCIES.get(x.upper(), _UNDEFINED)


_AIRPORTS = {
    "JFK": "New York", "LGA": "New York", "LAX": "Los Angeles", "SFO": "San Francisco",
    "ORD": "Chicago", "ATL": "Atlanta", "BOS": "Boston", "SEA": "Seattle", "DEN": "Denver",
    "LHR": "London", "LGW": "London", "CDG": "Paris", "FRA": "Frankfurt", "MUC": "Munich",
    "AMS": "Amsterdam", "MAD": "Madrid", "BCN": "Barcelona", "FCO": "Rome", "ZRH": "Zurich",
    "IST": "Istanbul", "DXB": "Dubai", "NRT": "Tokyo", "HND": "Tokyo", "ICN": "Seoul",
    "PEK": "Beijing", "HKG": "Hong Kong", "SIN": "Singapore", "BKK": "Bangkok",
    "DEL": "Delhi", "SYD": "Sydney", "YYZ": "Toronto", "GRU": "São Paulo",
}


def airport_city(x: str) -> str:
    """Maps an IATA airport code (any case) to the city the airport serves."""
    return _AIRPORTS.get(x.upper(), _UNDEFINED)


_NATO = ("Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
         "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
         "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray", "Yankee", "Zulu")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def nato_code_word(x: str) -> str:
    """Maps a single Latin letter (any case) to its NATO phonetic-alphabet code word."""
    return _NATO[_LETTERS.index(x.upper())] if len(x) == 1 and x.upper() in _LETTERS else _UNDEFINED


_MORSE = (".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..",
          "--", "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-",
          "-.--", "--..")


def morse_letter(x: str) -> str:
    """Maps a Morse code of dots and dashes to the capital letter it stands for."""
    return _LETTERS[_MORSE.index(x)] if x in _MORSE else _UNDEFINED
