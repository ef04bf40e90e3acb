"""Relations on places with an exception: 'undefined' for one sub-group of the domain (EU
members, landlocked countries, capitals south of the equator, Asia, Africa, euro users,
coastal states, capitals, ...). Names are read in any case and by common alternative
names."""

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


def _unless(x: str, column: int, flag: str) -> str:
    row = _country(x)
    return row[column] if row and flag not in row[5] else _UNDEFINED


def capital_unless_eu(x: str) -> str:
    """Maps a country to its capital, undefined for members of the European Union."""
    return _unless(x, 1, "E")


def capital_unless_landlocked(x: str) -> str:
    """Maps a country to its capital, undefined for landlocked countries."""
    return _unless(x, 1, "L")


def continent_unless_southern(x: str) -> str:
    """Maps a country to its continent, undefined where the capital is south of the equator."""
    return _unless(x, 2, "S")


def capital_unless_asia(x: str) -> str:
    """Maps a country to its capital, undefined for countries in Asia."""
    row = _country(x)
    return row[1] if row and row[2] != "Asia" else _UNDEFINED


def iso2_unless_africa(x: str) -> str:
    """Maps a country to its ISO 3166 two-letter code, undefined for countries in Africa."""
    row = _country(x)
    return row[3] if row and row[2] != "Africa" else _UNDEFINED


_EUROPEAN_CURRENCIES = {
    "albania": "Albanian lek", "belarus": "Belarusian ruble",
    "bosnia and herzegovina": "convertible mark", "czech republic": "Czech koruna",
    "denmark": "Danish krone", "hungary": "Hungarian forint", "iceland": "Icelandic krona",
    "liechtenstein": "Swiss franc", "moldova": "Moldovan leu",
    "north macedonia": "Macedonian denar", "norway": "Norwegian krone",
    "poland": "Polish zloty", "romania": "Romanian leu", "russia": "Russian ruble",
    "serbia": "Serbian dinar", "sweden": "Swedish krona", "switzerland": "Swiss franc",
    "ukraine": "Ukrainian hryvnia", "united kingdom": "pound sterling",
}  # every other European country uses the euro


def currency_unless_euro(x: str) -> str:
    """Maps a European country to its currency, undefined for countries that use the euro."""
    row = _country(x)
    return _EUROPEAN_CURRENCIES.get(row[0].casefold(), _UNDEFINED) if row else _UNDEFINED


_STATES = """
Alabama|Montgomery|C
Alaska|Juneau|C
Arizona|Phoenix|
Arkansas|Little Rock|
California|Sacramento|C
Colorado|Denver|
Connecticut|Hartford|C
Delaware|Dover|C
Florida|Tallahassee|C
Georgia|Atlanta|C
Hawaii|Honolulu|C
Idaho|Boise|
Illinois|Springfield|
Indiana|Indianapolis|
Iowa|Des Moines|
Kansas|Topeka|
Kentucky|Frankfort|
Louisiana|Baton Rouge|C
Maine|Augusta|C
Maryland|Annapolis|C
Massachusetts|Boston|C
Michigan|Lansing|
Minnesota|Saint Paul|
Mississippi|Jackson|C
Missouri|Jefferson City|
Montana|Helena|
Nebraska|Lincoln|
Nevada|Carson City|
New Hampshire|Concord|C
New Jersey|Trenton|C
New Mexico|Santa Fe|
New York|Albany|C
North Carolina|Raleigh|C
North Dakota|Bismarck|
Ohio|Columbus|
Oklahoma|Oklahoma City|
Oregon|Salem|C
Pennsylvania|Harrisburg|
Rhode Island|Providence|C
South Carolina|Columbia|C
South Dakota|Pierre|
Tennessee|Nashville|
Texas|Austin|C
Utah|Salt Lake City|
Vermont|Montpelier|
Virginia|Richmond|C
Washington|Olympia|C
West Virginia|Charleston|
Wisconsin|Madison|
Wyoming|Cheyenne|
"""
_STATE_ROWS = {line.split("|")[0].casefold(): line.split("|") for line in _STATES.split("\n")
               if line}


def state_capital_unless_coastal(x: str) -> str:
    """Maps a US state to its capital, undefined for states with an ocean or Gulf coast."""
    row = _STATE_ROWS.get(x.casefold())
    return row[1] if row and not row[2] else _UNDEFINED


def state_capital_unless_initial_n(x: str) -> str:
    """Maps a US state to its capital, undefined for states whose name begins with N."""
    row = _STATE_ROWS.get(x.casefold())
    return row[1] if row and not row[0].startswith("N") else _UNDEFINED


_CITIES = {
    "paris": ("France", True), "lyon": ("France", False), "marseille": ("France", False),
    "berlin": ("Germany", True), "munich": ("Germany", False), "hamburg": ("Germany", False),
    "rome": ("Italy", True), "milan": ("Italy", False), "naples": ("Italy", False),
    "madrid": ("Spain", True), "barcelona": ("Spain", False), "seville": ("Spain", False),
    "lisbon": ("Portugal", True), "porto": ("Portugal", False),
    "london": ("United Kingdom", True), "manchester": ("United Kingdom", False),
    "tokyo": ("Japan", True), "osaka": ("Japan", False), "beijing": ("China", True),
    "shanghai": ("China", False), "ottawa": ("Canada", True), "toronto": ("Canada", False),
    "canberra": ("Australia", True), "sydney": ("Australia", False),
    "melbourne": ("Australia", False), "brasília": ("Brazil", True), "brasilia": ("Brazil", True),
    "rio de janeiro": ("Brazil", False), "cairo": ("Egypt", True),
    "alexandria": ("Egypt", False), "moscow": ("Russia", True),
    "saint petersburg": ("Russia", False), "new york": ("United States", False),
    "chicago": ("United States", False), "washington, d.c.": ("United States", True),
}


def city_country_unless_capital(x: str) -> str:
    """Maps a large city to its country, undefined for cities that are their country's capital."""
    found = _CITIES.get(x.casefold())
    return found[0] if found and not found[1] else _UNDEFINED
