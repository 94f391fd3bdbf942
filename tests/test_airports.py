"""Airports in the gazetteer (resources/airports.py) and their resolution, on sentences written for these tests."""

from __future__ import annotations

import pytest

from place_helpers import all_named
from wirecoder.coding import place_context
from wirecoder.coding.place_names import FEATURE_PRIOR
from wirecoder.coding.places import PlaceFinder
from wirecoder.nlp.pipeline import load_nlp
from wirecoder.resources import gazetteer as gz
from wirecoder.resources.airports import SERVED_SHARE, _words, airport_names


@pytest.fixture(scope="module")
def gaz():
    return gz.load_gazetteer()


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def finder(gaz) -> PlaceFinder:
    return PlaceFinder(gaz)


def _airports(gaz, text: str) -> list[gz.Entry]:
    return [c.entry for c in gaz.candidates(text) if c.entry.feature == "airport"]


def _place(nlp, finder, sentence: str, text: str):
    return all_named(finder.find(nlp(sentence)), text)[0]


# ---------------------------------------------------------------- names


GENERIC = _words()["generic"]


@pytest.mark.parametrize("name,served,nearby,short", [
    ("London Heathrow Airport", ["london"], [], ["heathrow"]),
    ("Chicago O'Hare International Airport", ["chicago"], [], ["ohare"]),
    ("Amsterdam Airport Schiphol", ["amsterdam"], [], ["schiphol"]),
    ("Washington Dulles International Airport", ["washington"], [], ["dulles"]),
    ("Zenda Intl Airport", ["zenda"], [], []),  # nothing but its city and generic words
    ("Ruritania Marbury (Strelsau) International Airport", ["ruritania"], [], ["marbury", "strelsau"]),
    # a big city next to it goes too (the data says it serves a suburb) ...
    ("Strelsau Hentzau International Airport", ["tarlenheim"], ["strelsau"], ["hentzau"]),
    # ... unless it is all that is left: the town the airport is named after
    ("Strelsau Zenda Airport", ["strelsau"], ["zenda"], ["zenda"]),
])
def test_short_name_drops_the_city_and_generic_words(name, served, nearby, short):
    assert airport_names(name, served, GENERIC, nearby)[1] == short


def test_core_name_keeps_the_city():
    cores, _ = airport_names("Washington Dulles International Airport", ["washington"], GENERIC)
    assert cores == ["washington dulles"]


# ---------------------------------------------------------------- the gazetteer's entries


def test_every_feature_has_a_precision_and_a_prior():
    assert set(gz.PRECISION_OF) == set(gz.FEATURES)
    assert set(FEATURE_PRIOR) == set(gz.FEATURES)
    assert gz.PRECISION_OF["airport"] == "point"


def test_airports_take_part_in_nearby_context():
    assert "airport" in place_context._POINT_FEATURES


@pytest.mark.parametrize("text,cc", [
    ("Heathrow", "GB"), ("Gatwick", "GB"), ("Stansted", "GB"), ("Schiphol", "NL"), ("O'Hare", "US"),
    ("London Heathrow Airport", "GB"), ("Heathrow Airport", "GB"), ("Dulles International Airport", "US"),
    ("Dulles Airport", "US"), ("Washington Dulles Airport", "US"), ("Pearson International Airport", "CA"),
])
def test_airport_names_are_indexed(gaz, text, cc):
    found = _airports(gaz, text)
    assert [e.cc for e in found] == [cc]
    assert found[0].precision == "point"


@pytest.mark.parametrize("code", ["LHR", "EGLL", "LGW", "AMS", "ORD", "BA", "IAD"])
def test_codes_are_never_names(gaz, code):
    assert _airports(gaz, code) == []


def test_an_airport_weighs_less_than_the_city_it_serves(gaz):
    london = max((c.entry for c in gaz.candidates("London") if c.entry.feature == "city" and c.entry.cc == "GB"),
                 key=lambda e: e.population)
    heathrow = _airports(gaz, "Heathrow")[0]
    assert 0 < heathrow.population <= london.population // SERVED_SHARE
    # ... and still far more than its Florida namesake town
    town = next(c.entry for c in gaz.candidates("Heathrow") if c.entry.feature == "city" and c.entry.cc == "US")
    assert heathrow.population > 50 * town.population


@pytest.mark.parametrize("text", [
    "Manchester",  # Manchester Airport: the short name is the city it serves
    "Luton", "Orly",  # London Luton, Paris-Orly: the towns beside them are no small namesakes
    "Capital", "Liberty", "City",  # Beijing Capital, Newark Liberty, London City: ordinary words
    "Chopin", "Jinnah",  # Warsaw Chopin, Karachi's Jinnah: names English already uses for people
    "Taiping",  # Harbin Taiping: Taiping, Malaysia, is no small namesake
])
def test_short_names_english_or_a_town_already_uses_are_not_indexed_alone(gaz, text):
    assert _airports(gaz, text) == []


@pytest.mark.parametrize("text", ["Manchester Airport", "Luton Airport", "Chopin Airport",
                                  "Jinnah International Airport"])
def test_such_airports_keep_their_longer_names(gaz, text):
    assert len(_airports(gaz, text)) == 1


# ---------------------------------------------------------------- resolution in text


def test_flights_at_heathrow_are_at_the_london_airport(nlp, finder):
    p = _place(nlp, finder, "Flights were cancelled at Heathrow on Saturday.", "Heathrow")
    assert (p.feature, p.country, p.precision) == ("airport", "GBR", "point")


def test_two_london_airports_in_one_sentence(nlp, finder):
    sentence = "Flights were cancelled at Heathrow and Gatwick on Saturday."
    for text in ("Heathrow", "Gatwick"):
        p = _place(nlp, finder, sentence, text)
        assert (p.feature, p.country, p.precision) == ("airport", "GBR", "point"), text


def test_gatwick_is_the_london_airport(nlp, finder):
    p = _place(nlp, finder, "Thousands of passengers were stranded at Gatwick on Saturday.", "Gatwick")
    assert (p.feature, p.country) == ("airport", "GBR")


def test_heathrow_in_a_london_story_is_the_airport(nlp, finder):
    sentence = "Police in London said a drone had been seen near Heathrow, halting departures for an hour."
    p = _place(nlp, finder, sentence, "Heathrow")
    assert (p.feature, p.country) == ("airport", "GBR")
    assert _place(nlp, finder, sentence, "London").feature == "city"


def test_heathrow_florida_stays_the_town(nlp, finder):
    sentence = "The mayor of Heathrow, Florida, opened a new library in Seminole County."
    p = _place(nlp, finder, sentence, "Heathrow")
    assert (p.feature, p.country) == ("city", "USA")


def test_the_city_is_not_its_airport(nlp, finder):
    p = _place(nlp, finder, "The club was founded in Manchester, England, in 1878.", "Manchester")
    assert (p.feature, p.country) == ("city", "GBR")
    p = _place(nlp, finder, "Passengers at Manchester Airport waited for hours.", "Manchester Airport")
    assert (p.feature, p.country) == ("airport", "GBR")


def test_full_airport_name_in_text(nlp, finder):
    p = _place(nlp, finder, "Officers arrested the man at Dulles International Airport on Monday.",
               "Dulles International Airport")
    assert (p.feature, p.country, p.precision) == ("airport", "USA", "point")
    assert abs(p.lat - 38.95) < 0.1 and abs(p.lon + 77.46) < 0.1


@pytest.mark.parametrize("name", ["Kennedy Airport", "JFK Airport"])
def test_an_airport_by_its_surname_or_its_code_with_airport_after_it(nlp, finder, name):
    p = _place(nlp, finder, f"The delegation landed at {name} late on Sunday.", name)
    assert (p.feature, p.country) == ("airport", "USA")
    assert abs(p.lat - 40.64) < 0.1 and abs(p.lon + 73.78) < 0.1


def test_a_code_that_reads_as_an_article_does_not_make_airport_a_name(gaz):
    # "ATH Airport" and "LES Airport" fold like "the Airport" with an Arabic or French article.
    assert not [c for c in gaz.candidates("Airport") if c.entry.feature == "airport"]
