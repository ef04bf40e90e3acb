"""The scientist's almanac is well formed and sane, since the scientist recognises relations
inputs and outputs by it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import find_lab.agents.scientist

ALMANAC = Path(find_lab.agents.scientist.__file__).with_name("almanac.json")

SCHEMA: dict[str, dict[str, type]] = {
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
BODIES = {"Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"}


@pytest.fixture(scope="module")
def almanac() -> dict:
    return json.loads(ALMANAC.read_text(encoding="utf-8"))


def by_name(almanac: dict, kind: str) -> dict[str, dict]:
    return {entry["name"]: entry for entry in almanac[kind]}


def key(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def test_top_level_keys_in_schema_order(almanac):
    assert list(almanac) == ["format", "about", *SCHEMA]
    assert almanac["format"] == 1
    assert isinstance(almanac["about"], str) and almanac["about"].strip()


@pytest.mark.parametrize("kind", SCHEMA)
def test_entries_have_exactly_the_schema_keys_and_types(almanac, kind):
    fields = SCHEMA[kind]
    for entry in almanac[kind]:
        assert list(entry) == list(fields), entry
        for field, kind_of in fields.items():
            value = entry[field]
            assert isinstance(value, kind_of) and not isinstance(value, bool), (entry, field)
            if kind_of is str:
                assert value and value == value.strip(), (entry, field)
        assert all(isinstance(alias, str) for alias in entry["aliases"]), entry


def test_counts(almanac):
    counts = {kind: len(almanac[kind]) for kind in SCHEMA}
    assert counts["countries"] == 195
    assert counts["elements"] == 118
    assert counts["states"] == 50
    assert 30 <= counts["moons"] <= 40
    assert counts["planets"] == 8


@pytest.mark.parametrize("kind", SCHEMA)
def test_no_name_or_alias_collides_within_a_list(almanac, kind):
    owner: dict[str, str] = {}
    for entry in almanac[kind]:
        for text in [entry["name"], *entry["aliases"]]:
            assert text and text == text.strip(), (entry["name"], text)
            assert owner.setdefault(key(text), entry["name"]) == entry["name"], (text, owner[key(text)])
        assert len({key(t) for t in [entry["name"], *entry["aliases"]]}) == 1 + len(entry["aliases"])


def test_lists_are_sorted(almanac):
    for kind in ("countries", "states", "moons"):
        names = [entry["name"] for entry in almanac[kind]]
        assert names == sorted(names), kind
    assert [e["number"] for e in almanac["elements"]] == list(range(1, 119))
    assert [p["order"] for p in almanac["planets"]] == list(range(1, 9))


def test_countries_codes_and_capitals_are_unique_and_well_formed(almanac):
    countries = almanac["countries"]
    for field in ("capital", "alpha2", "alpha3"):
        values = [c[field] for c in countries]
        assert len(set(values)) == len(values), field
    for c in countries:
        assert re.fullmatch(r"[A-Z]{2}", c["alpha2"]), c
        assert re.fullmatch(r"[A-Z]{3}", c["alpha3"]), c
        assert re.fullmatch(r"[A-Z]{3}", c["currency_code"]), c
        assert c["continent"] in CONTINENTS, c
        assert 0 <= len(c["aliases"]) <= 4, c


def test_countries_sharing_a_currency_code_share_its_name(almanac):
    names: dict[str, str] = {}
    for c in almanac["countries"]:
        assert names.setdefault(c["currency_code"], c["currency"]) == c["currency"], c


def test_country_spot_checks(almanac):
    countries = by_name(almanac, "countries")
    france = countries["France"]
    assert (france["capital"], france["continent"], france["currency_code"], france["currency"],
            france["language"], france["alpha2"], france["alpha3"]) == (
        "Paris", "Europe", "EUR", "Euro", "French", "FR", "FRA")
    assert countries["United States"]["currency"] == "US Dollar"
    assert countries["United Kingdom"]["currency"] == "Pound Sterling"
    assert countries["Japan"]["currency"] == "Yen"
    assert countries["China"]["currency"] == "Yuan Renminbi"
    assert {"USA", "US"} <= set(countries["United States"]["aliases"])
    assert "UK" in countries["United Kingdom"]["aliases"]
    assert "Holland" in countries["Netherlands"]["aliases"]
    assert "Burma" in countries["Myanmar"]["aliases"]
    expected_capitals = {"South Africa": "Pretoria", "Bolivia": "Sucre", "Netherlands": "Amsterdam",
                         "Ivory Coast": "Yamoussoukro", "Switzerland": "Bern", "Nauru": "Yaren",
                         "Australia": "Canberra", "Brazil": "Brasilia", "Turkey": "Ankara"}
    assert {n: countries[n]["capital"] for n in expected_capitals} == expected_capitals
    expected_continents = {"Russia": "Europe", "Turkey": "Asia", "Egypt": "Africa",
                           "Panama": "North America", "Papua New Guinea": "Oceania",
                           "East Timor": "Asia", "Cyprus": "Europe"}
    assert {n: countries[n]["continent"] for n in expected_continents} == expected_continents
    assert (countries["Palestine"]["alpha2"], countries["Palestine"]["alpha3"]) == ("PS", "PSE")
    assert (countries["Vatican City"]["alpha2"], countries["Vatican City"]["alpha3"]) == ("VA", "VAT")
    for name in ("Ecuador", "El Salvador", "East Timor", "Micronesia", "Palau", "Marshall Islands"):
        assert countries[name]["currency_code"] == "USD", name
    assert countries["India"]["language"] == "Hindi"
    assert countries["Belgium"]["language"] == "Dutch"


def test_elements_are_numbered_once_with_unique_symbols(almanac):
    elements = almanac["elements"]
    assert sorted(e["number"] for e in elements) == list(range(1, 119))
    symbols = [e["symbol"] for e in elements]
    assert len(set(symbols)) == 118
    for e in elements:
        assert re.fullmatch(r"[A-Z][a-z]?", e["symbol"]), e
        assert e["category"] in CATEGORIES, e
        assert e["phase"] in PHASES, e
        assert 1 <= e["period"] <= 7, e
        assert (e["phase"] == "unknown") == (e["number"] >= 100), e


def test_element_periods_never_decrease_and_follow_the_noble_gases(almanac):
    periods = [e["period"] for e in almanac["elements"]]
    assert periods == sorted(periods)
    noble = [e["number"] for e in almanac["elements"] if e["category"] == "noble gas"]
    assert noble == [2, 10, 18, 36, 54, 86, 118]
    closing = {e["number"]: e["period"] for e in almanac["elements"] if e["number"] in noble}
    assert list(closing.values()) == list(range(1, 8))


def test_element_spot_checks(almanac):
    elements = by_name(almanac, "elements")
    iron = elements["Iron"]
    assert (iron["symbol"], iron["number"], iron["category"], iron["period"], iron["phase"]) == (
        "Fe", 26, "transition metal", 4, "solid")
    assert {e["name"] for e in almanac["elements"] if e["phase"] == "liquid"} == {"Bromine", "Mercury"}
    assert len([e for e in almanac["elements"] if e["phase"] == "gas"]) == 11
    assert sum(e["category"] == "lanthanide" for e in almanac["elements"]) == 15
    assert sum(e["category"] == "actinide" for e in almanac["elements"]) == 15
    assert "Aluminum" in elements["Aluminium"]["aliases"]
    assert "Cesium" in elements["Caesium"]["aliases"]
    assert elements["Gold"]["symbol"] == "Au" and elements["Oganesson"]["number"] == 118


def test_states(almanac):
    states = almanac["states"]
    postals = [s["postal"] for s in states]
    assert len(set(postals)) == 50 and all(re.fullmatch(r"[A-Z]{2}", p) for p in postals)
    assert len({s["capital"] for s in states}) == 50
    assert all(s["region"] in REGIONS for s in states)
    by = by_name(almanac, "states")
    assert (by["California"]["capital"], by["California"]["postal"], by["California"]["region"]) == (
        "Sacramento", "CA", "West")
    assert by["New York"]["capital"] == "Albany" and by["Texas"]["region"] == "South"
    assert by["Illinois"]["region"] == "Midwest" and by["Maine"]["region"] == "Northeast"


def test_moons_orbit_known_bodies_and_planets_are_in_order(almanac):
    assert all(m["planet"] in BODIES for m in almanac["moons"])
    moons = by_name(almanac, "moons")
    assert moons["Titan"]["planet"] == "Saturn" and moons["Charon"]["planet"] == "Pluto"
    assert moons["Moon"]["planet"] == "Earth" and "Luna" in moons["Moon"]["aliases"]
    planets = [p["name"] for p in almanac["planets"]]
    assert planets == ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"]
    assert set(m["planet"] for m in almanac["moons"]) - {"Pluto"} <= set(planets)


def test_element_categories_follow_the_conventions(almanac):
    category = {e["symbol"]: e["category"] for e in almanac["elements"]}
    by_category = {c: {s for s, k in category.items() if k == c} for c in CATEGORIES}
    assert by_category["metalloid"] == {"B", "Si", "Ge", "As", "Sb", "Te"}
    assert by_category["halogen"] == {"F", "Cl", "Br", "I", "At", "Ts"}
    assert by_category["alkali metal"] == {"Li", "Na", "K", "Rb", "Cs", "Fr"}
    assert by_category["alkaline earth metal"] == {"Be", "Mg", "Ca", "Sr", "Ba", "Ra"}
    assert category["H"] == "nonmetal" and category["Po"] == "post-transition metal"
    assert (category["La"], category["Lu"], category["Ac"], category["Lr"]) == (
        "lanthanide", "lanthanide", "actinide", "actinide")
    numbers = {e["number"]: e["category"] for e in almanac["elements"]}
    assert all(numbers[n] == "transition metal" for n in range(104, 113))
