"""The relations knowledge base is ground truth for hidden functions, so its facts are checked here.

Schema, counts and conventions come from the relations schema; codes and names are checked
against ISO 3166, ISO 4217 and ISO 639 through pycountry; a few well-known facts are spot-checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest

PATH = Path(__file__).resolve().parents[1] / "functions" / "lexicon" / "relations.json"

TOP_KEYS = ["format", "about", "countries", "elements", "states", "moons", "planets"]
FIELDS: dict[str, dict[str, type]] = {
    "countries": {"name": str, "aliases": list, "capital": str, "continent": str, "currency": str,
                  "currency_code": str, "language": str, "alpha2": str, "alpha3": str},
    "elements": {"name": str, "aliases": list, "symbol": str, "number": int, "category": str,
                 "period": int, "phase": str},
    "states": {"name": str, "aliases": list, "capital": str, "postal": str, "region": str},
    "moons": {"name": str, "aliases": list, "planet": str},
    "planets": {"name": str, "aliases": list, "order": int},
}
CONTINENTS = {"Africa", "Asia", "Europe", "North America", "South America", "Oceania"}
CATEGORIES = {"alkali metal", "alkaline earth metal", "transition metal", "post-transition metal",
              "metalloid", "nonmetal", "halogen", "noble gas", "lanthanide", "actinide"}
REGIONS = {"Northeast", "Midwest", "South", "West"}
PHASES = {"solid", "liquid", "gas", "unknown"}
PERIOD_ENDS = [2, 10, 18, 36, 54, 86, 118]
GASES = {"H", "He", "N", "O", "F", "Ne", "Cl", "Ar", "Kr", "Xe", "Rn"}
LANGUAGE_NAMES = {language.name for language in pycountry.languages}


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(PATH.read_text(encoding="utf-8"))


def by_name(data: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in data[kind]}


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_top_level_keys_in_order(data: dict[str, Any]) -> None:
    assert list(data) == TOP_KEYS
    assert data["format"] == 1
    assert isinstance(data["about"], str) and data["about"].strip()


def test_file_is_written_with_indent_one() -> None:
    text = PATH.read_text(encoding="utf-8")
    assert text.rstrip("\n") == json.dumps(json.loads(text), indent=1, ensure_ascii=False)


@pytest.mark.parametrize("kind", list(FIELDS))
def test_entries_have_exactly_the_schema_keys_and_types(data: dict[str, Any], kind: str) -> None:
    fields = FIELDS[kind]
    for entry in data[kind]:
        assert list(entry) == list(fields), entry
        for key, kind_of_value in fields.items():
            value = entry[key]
            assert type(value) is kind_of_value, (entry["name"], key)
            if kind_of_value is str:
                assert value and value == value.strip(), (entry["name"], key)
        assert all(isinstance(a, str) and a and a == a.strip() for a in entry["aliases"]), entry


def test_counts(data: dict[str, Any]) -> None:
    assert len(data["countries"]) == 195
    assert len(data["elements"]) == 118
    assert len(data["states"]) == 50
    assert 30 <= len(data["moons"]) <= 40
    assert len(data["planets"]) == 8


@pytest.mark.parametrize("kind", ["countries", "states", "moons"])
def test_lists_sorted_by_name(data: dict[str, Any], kind: str) -> None:
    names = [entry["name"] for entry in data[kind]]
    assert names == sorted(names)


def test_elements_and_planets_sorted_by_number_and_order(data: dict[str, Any]) -> None:
    assert [e["number"] for e in data["elements"]] == list(range(1, 119))
    assert [p["order"] for p in data["planets"]] == list(range(1, 9))


@pytest.mark.parametrize("kind", list(FIELDS))
def test_no_name_or_alias_collisions_within_a_list(data: dict[str, Any], kind: str) -> None:
    seen: dict[str, str] = {}
    for entry in data[kind]:
        for label in {folded(label) for label in [entry["name"], *entry["aliases"]]}:
            assert label not in seen, (label, seen.get(label), entry["name"])
            seen[label] = entry["name"]


def test_country_aliases_are_few(data: dict[str, Any]) -> None:
    assert all(len(c["aliases"]) <= 4 for c in data["countries"])


@pytest.mark.parametrize("kind", ["countries", "states"])
def test_capitals_unique(data: dict[str, Any], kind: str) -> None:
    capitals = [folded(entry["capital"]) for entry in data[kind]]
    assert len(set(capitals)) == len(capitals)


def test_country_codes_name_the_same_iso_country(data: dict[str, Any]) -> None:
    for country in data["countries"]:
        by_alpha2 = pycountry.countries.get(alpha_2=country["alpha2"])
        by_alpha3 = pycountry.countries.get(alpha_3=country["alpha3"])
        assert by_alpha2 is not None and by_alpha2 == by_alpha3, country["name"]
    assert len({c["alpha2"] for c in data["countries"]}) == 195


def test_currencies_are_iso_4217_with_their_iso_names(data: dict[str, Any]) -> None:
    for country in data["countries"]:
        currency = pycountry.currencies.get(alpha_3=country["currency_code"])
        assert currency is not None, country["name"]
        assert country["currency"] == currency.name, country["name"]


def test_languages_are_iso_639_names(data: dict[str, Any]) -> None:
    for country in data["countries"]:
        assert country["language"] in LANGUAGE_NAMES, country["name"]


def test_continents_from_the_allowed_set(data: dict[str, Any]) -> None:
    assert {c["continent"] for c in data["countries"]} == CONTINENTS


def test_transcontinental_countries_follow_the_usual_listing(data: dict[str, Any]) -> None:
    countries = by_name(data, "countries")
    expected = {"Russia": "Europe", "Turkey": "Asia", "Egypt": "Africa", "Kazakhstan": "Asia",
                "Georgia": "Asia", "Armenia": "Asia", "Azerbaijan": "Asia", "Cyprus": "Europe",
                "Panama": "North America", "Indonesia": "Asia", "Papua New Guinea": "Oceania",
                "East Timor": "Asia"}
    assert {name: countries[name]["continent"] for name in expected} == expected


def test_element_symbols_unique_and_well_formed(data: dict[str, Any]) -> None:
    symbols = [e["symbol"] for e in data["elements"]]
    assert len(set(symbols)) == 118
    assert all(re.fullmatch(r"[A-Z][a-z]{0,2}", s) for s in symbols)


def test_element_periods_follow_the_atomic_number(data: dict[str, Any]) -> None:
    for element in data["elements"]:
        expected = next(p for p, end in enumerate(PERIOD_ENDS, start=1) if element["number"] <= end)
        assert element["period"] == expected, element["name"]


def test_element_categories_from_the_allowed_set(data: dict[str, Any]) -> None:
    assert {e["category"] for e in data["elements"]} == CATEGORIES
    numbers = {e["number"]: e["category"] for e in data["elements"]}
    assert all(numbers[n] == "lanthanide" for n in range(57, 72))
    assert all(numbers[n] == "actinide" for n in range(89, 104))
    assert all(numbers[n] == "transition metal" for n in range(104, 113))
    assert all(numbers[end] == "noble gas" for end in PERIOD_ENDS)


def test_element_phases(data: dict[str, Any]) -> None:
    phases = {e["symbol"]: e["phase"] for e in data["elements"]}
    assert set(phases.values()) <= PHASES
    assert {s for s, p in phases.items() if p == "liquid"} == {"Br", "Hg"}
    assert {s for s, p in phases.items() if p == "gas"} == GASES
    unknown = {e["number"] for e in data["elements"] if e["phase"] == "unknown"}
    assert unknown == set(range(100, 119))


def test_state_postal_codes_and_regions(data: dict[str, Any]) -> None:
    postal = [s["postal"] for s in data["states"]]
    assert len(set(postal)) == 50
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in postal)
    assert {s["region"] for s in data["states"]} == REGIONS


def test_moons_orbit_a_listed_planet_or_pluto(data: dict[str, Any]) -> None:
    bodies = {p["name"] for p in data["planets"]} | {"Pluto"}
    assert all(m["planet"] in bodies for m in data["moons"])


def test_well_known_facts(data: dict[str, Any]) -> None:
    countries = by_name(data, "countries")
    elements = by_name(data, "elements")
    states = by_name(data, "states")
    moons = by_name(data, "moons")
    assert countries["France"]["capital"] == "Paris"
    assert countries["France"]["currency"] == "Euro"
    assert countries["Japan"]["currency"] == "Yen"
    assert countries["Japan"]["capital"] == "Tokyo"
    assert countries["United States"]["currency_code"] == "USD"
    assert "USA" in countries["United States"]["aliases"]
    assert countries["Brazil"]["language"] == "Portuguese"
    assert countries["Australia"]["continent"] == "Oceania"
    assert (elements["Iron"]["symbol"], elements["Iron"]["number"]) == ("Fe", 26)
    assert elements["Gold"]["symbol"] == "Au"
    assert elements["Oxygen"]["phase"] == "gas"
    california = states["California"]
    assert (california["capital"], california["postal"], california["region"]) == ("Sacramento", "CA", "West")
    assert states["Texas"]["capital"] == "Austin"
    assert moons["Titan"]["planet"] == "Saturn"
    assert moons["Moon"]["planet"] == "Earth"
    assert by_name(data, "planets")["Mars"]["order"] == 4
