"""Toponym recognition, resolution and event location on short texts written for these tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from place_helpers import all_named
from wirecoder.coding.event_location import is_actor_metonym, pick_event_location
from wirecoder.coding.place_standins import relative_link
from wirecoder.coding.places import PlaceFinder
from wirecoder.nlp.pipeline import load_nlp
from wirecoder.resources.sphere import haversine_km

TEXT = (
    "Syrian government forces shelled rebel-held districts of Homs on Tuesday, residents said. "
    "Clashes were also reported 20 km north of Aleppo and in Latakia province. "
    "Protesters gathered in Deraa and in Qamishli, near the border with Turkey. "
    "Opposition delegates left Geneva for Riyadh, while Islamic State fighters retook Palmyra."
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder.load()


@pytest.fixture(scope="module")
def places(nlp, finder):
    return finder.find(nlp(TEXT))


def _by_text(places, text):
    return all_named(places, text)[0]


@pytest.mark.parametrize("text,country", [
    ("Homs", "SYR"), ("Aleppo", "SYR"), ("Deraa", "SYR"), ("Qamishli", "SYR"), ("Palmyra", "SYR"),
    ("Geneva", "CHE"), ("Riyadh", "SAU"), ("Turkey", "TUR"),
])
def test_places_resolve_to_the_right_country(places, text, country):
    assert _by_text(places, text).country == country


def test_offsets_point_into_the_text(places):
    for p in places:
        assert TEXT[p.char_start:p.char_end] == p.text


def test_province_cue_selects_the_division(places):
    latakia = _by_text(places, "Latakia")
    assert latakia.precision == "admin1" and latakia.country == "SYR"


def test_city_is_preferred_over_its_namesake_province(places):
    assert _by_text(places, "Homs").precision == "city"


def test_demonyms_only_on_request(nlp, finder):
    doc = nlp(TEXT)
    assert not any(p.text == "Syrian" for p in finder.find(doc))
    syrian = [p for p in finder.find(doc, demonyms=True) if p.text == "Syrian"]
    assert syrian and syrian[0].country == "SYR"


def test_people_plurals_are_not_places(nlp, finder):
    doc = nlp("Thousands of Mexicans marched in Oaxaca.")
    assert not any(p.text == "Mexicans" for p in finder.find(doc, demonyms=True))


def test_focus_country(nlp, finder):
    assert finder.focus_country(nlp(TEXT)) == "SYR"


def test_common_words_are_not_places(nlp, finder):
    doc = nlp("Mr. Long said the March plan would be Independence Day.")
    assert [p.text for p in finder.find(doc)] == []


def test_comma_pair_disambiguates(nlp, finder):
    doc = nlp("The flood hit Paris, Texas, overnight.")
    paris = [p for p in finder.find(doc) if p.text == "Paris"]
    assert paris and paris[0].country == "USA"


def _resolved(finder, doc, text):
    return all_named(finder.find(doc), text)


def test_other_places_in_the_article_disambiguate(nlp, finder):
    doc = nlp("Police in London said the fire started downtown. Crews from St. Thomas and Woodstock "
              "helped, and the Ontario fire marshal will investigate.")
    assert _resolved(finder, doc, "London")[0].country == "CAN"
    doc = nlp("London's mayor opened the new bridge over the Thames on Monday.")
    assert _resolved(finder, doc, "London")[0].country == "GBR"


def test_a_nearby_town_pulls_a_small_namesake(nlp, finder):
    doc = nlp("The man was arrested at a house in Edmonton, a suburb south of Cairns, after a search.")
    edmonton = _resolved(finder, doc, "Edmonton")[0]
    assert edmonton.country == "AUS"


def test_one_sense_per_discourse(nlp, finder):
    doc = nlp("The meeting was held in Santa Ana, California. Parents in Santa Ana want answers, "
              "and Santa Ana officials promised tests.")
    assert {p.country for p in _resolved(finder, doc, "Santa Ana")} == {"USA"}


def test_town_in_a_division_stays_in_it(nlp, finder):
    doc = nlp("Jets bombed the town of Paris in Texas.")
    assert _resolved(finder, doc, "Paris")[0].country == "USA"
    doc = nlp("Jets bombed a market in the town of Paris in Sagaing Region on Tuesday.")
    paris = _resolved(finder, doc, "Paris")[0]
    # No Paris in Myanmar: the division that holds it, not a namesake abroad.
    assert (paris.country, paris.precision, paris.score) == ("MMR", "admin1", 0.0)


def test_unknown_compound_names_back_off_to_their_place(nlp, finder):
    doc = nlp("Wildfires spread across Eastern Oregon and the Salinas Valley.")
    east = _resolved(finder, doc, "Eastern Oregon")[0]
    assert east.country == "USA" and east.feature == "admin1"
    # A region of a state that the gazetteer knows by name is its own place.
    doc = nlp("Wildfires spread across Southern California and the Salinas Valley.")
    socal = _resolved(finder, doc, "Southern California")[0]
    assert socal.feature == "region" and socal.lat < 35.0


def test_new_york_means_the_city(nlp, finder):
    doc = nlp("Protesters marched through New York on Saturday.")
    ny = _resolved(finder, doc, "New York")[0]
    assert ny.feature == "city" and abs(ny.lat - 40.7) < 0.3


def test_a_given_name_stays_a_person(nlp, finder):
    doc = nlp("Skater Georgia Walsh, 12, won the junior title on Sunday. Georgia said she trains "
              "before school. The family moved to Canada from Atlanta, Georgia, in 2015.")
    georgias = [p for p in finder.find(doc) if p.text == "Georgia"]
    assert len(georgias) == 1  # only the one after "Atlanta,"
    assert georgias[0].country == "USA"


def test_a_place_name_without_such_a_person_is_a_place(nlp, finder):
    doc = nlp("Georgia said it would hold talks with Armenia and Azerbaijan in Tbilisi.")
    assert any(p.text == "Georgia" for p in finder.find(doc))


def _sentence_with(doc, word):
    return next(s for s in doc.sents if word in s.text)


def test_metonyms_are_actors(nlp):
    doc = nlp("Moscow said its jets bombed targets near Palmyra.")
    moscow = doc[0:1]
    assert is_actor_metonym(moscow)
    palmyra = next(t for t in doc if t.text == "Palmyra")
    assert not is_actor_metonym(doc[palmyra.i:palmyra.i + 1])


def test_event_location_skips_actor_and_takes_scene(nlp, finder):
    doc = nlp("Moscow said its jets bombed targets near Palmyra.")
    places = finder.find(doc)
    trigger = next(t for t in doc if t.lemma_ == "bomb")
    loc = pick_event_location(next(iter(doc.sents)), trigger, places)
    assert loc is not None and loc.text == "Palmyra"


def test_speaker_location_only_for_the_statement(nlp, finder):
    doc = nlp("The envoy said in Geneva that rebels attacked Homs.")
    places = finder.find(doc)
    sent = next(iter(doc.sents))
    said = next(t for t in doc if t.lemma_ == "say")
    attacked = next(t for t in doc if t.lemma_ == "attack")
    assert pick_event_location(sent, attacked, places, speech_verb=said).text == "Homs"
    assert pick_event_location(sent, said, places, speech_verb=said).text == "Geneva"


def test_the_dateline_is_the_scene_only_when_nothing_else_is(nlp, finder):
    cases = [("BEIRUT (Reuters) - Government forces shelled rebel-held towns in Idlib province on Tuesday.",
              "shell", "Idlib"),
             ("KISUMU, Kenya - Riot police fired tear gas at people marching through Kisumu on Thursday.",
              "fire", "Kisumu"),
             ("BEIRUT (Reuters) - Lebanon's parliament elected a new speaker on Tuesday.", "elect", "BEIRUT")]
    for text, lemma, where in cases:
        doc = nlp(text)
        trigger = next(t for t in doc if t.lemma_ == lemma)
        assert pick_event_location(next(iter(doc.sents)), trigger, finder.find(doc)).text == where, text


def test_the_town_the_event_acts_on_beats_the_division_around_it(nlp, finder):
    cases = [("In the occupied West Bank, Israeli troops raided Jenin on Tuesday.", "raid", "Jenin"),
             # a town further down the sentence is a part of the event, not its place
             ("Shelling killed 30 people across the Donetsk region on Tuesday, including 12 in Pokrovsk.", "kill",
              "Donetsk")]
    for text, lemma, where in cases:
        doc = nlp(text)
        trigger = next(t for t in doc if t.lemma_ == lemma)
        assert pick_event_location(next(iter(doc.sents)), trigger, finder.find(doc)).text == where, text


def test_relative_phrases(nlp, finder):
    doc = nlp(TEXT)
    sent = _sentence_with(doc, "north of Aleppo")
    trigger = next(t for t in sent if t.lemma_ == "report")
    places = finder.find(doc)
    aleppo = _by_text(places, "Aleppo")
    loc = pick_event_location(sent, trigger, [aleppo])
    assert loc.precision == "point" and loc.lat > aleppo.lat
    assert 0.1 < loc.lat - aleppo.lat < 0.3  # 20 km is about 0.18 degrees of latitude

    doc2 = nlp("Russia moved artillery to northern Syria.")
    places2 = finder.find(doc2)
    trigger2 = next(t for t in doc2 if t.lemma_ == "move")
    loc2 = pick_event_location(next(iter(doc2.sents)), trigger2, places2)
    assert loc2 is not None and loc2.precision == "region" and loc2.name.startswith("northern")


def test_no_place_in_sentence_gives_none(nlp, finder):
    doc = nlp("Rebels attacked the convoy at dawn.")
    trigger = next(t for t in doc if t.lemma_ == "attack")
    assert pick_event_location(next(iter(doc.sents)), trigger, finder.find(doc)) is None


def _shared() -> Path:
    env = os.environ.get("WIRECODER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.shared
def test_geovirus_sample_scores_reasonably():
    path = _shared() / "data" / "geoparsing" / "geovirus_unified.jsonl"
    if not path.exists():
        pytest.skip("shared geoparsing data not present")
    from wirecoder.evaluation.geoparse import evaluate_corpus

    res = evaluate_corpus(path, limit=25)
    assert res["f1"] > 0.75
    assert res["acc161"] > 0.65


# --- resolution rules: each sentence below is written for one rule and fails if the rule is undone ---

def _resolve(nlp, finder, text: str, name: str):
    return _by_text(finder.find(nlp(text)), name)


def test_list_items_are_things_of_one_kind(nlp, finder):
    text = "Salmonella cases were reported in Colorado, Oregon and Washington last month."
    washington = _resolve(nlp, finder, text, "Washington")
    assert (washington.feature, washington.country) == ("admin1", "USA")


def test_a_national_capital_beats_its_namesake_state(nlp, finder):
    p = _resolve(nlp, finder, "The minister flew to Washington for talks on tariffs.", "Washington")
    assert p.feature == "city" and abs(p.lat - 38.9) < 0.3


def test_a_small_capital_does_not_stand_for_its_big_province(nlp, finder):
    p = _resolve(nlp, finder, "Wildfires forced evacuations across Quebec on Sunday.", "Quebec")
    assert p.feature == "admin1" and p.country == "CAN"


def test_a_town_does_not_borrow_the_weight_of_its_state(nlp, finder):
    # Minneota lists "Minnesota" among its alternate names; the state must win.
    p = _resolve(nlp, finder, "Health officials in Minnesota confirmed twenty cases.", "Minnesota")
    assert p.feature == "admin1" and p.name == "Minnesota"


def test_a_place_named_so_beats_one_that_only_lists_the_name(nlp, finder):
    p = _resolve(nlp, finder, "The film festival in Venice opened on Wednesday.", "Venice")
    assert p.country == "ITA"


def test_neighbouring_countries_settle_a_shared_name(nlp, finder):
    text = ("Armenia and Azerbaijan traded fire on Monday. Georgia offered to host talks, and the "
            "US welcomed the offer.")
    assert _resolve(nlp, finder, text, "Georgia").country == "GEO"


def test_provinces_missing_from_geonames_divisions_come_from_the_state_table(nlp, finder):
    p = _resolve(nlp, finder, "Floods hit Zambales and neighbouring provinces.", "Zambales")
    assert p.country == "PHL" and p.feature == "admin2"


def test_the_european_union_is_placed_at_its_centre_not_its_seat(nlp, finder):
    p = _resolve(nlp, finder, "Farmers across the European Union protested.", "European Union")
    assert 48.5 < p.lat < 51.0 and 8.0 < p.lon < 11.5


def test_a_street_the_gazetteer_lacks_lies_in_the_articles_town(nlp, finder):
    text = ("Crowds gathered on Mulberry Street on Saturday. Police in Nairobi said the march was "
            "peaceful, and Nairobi officials thanked the organisers.")
    street = _resolve(nlp, finder, text, "Mulberry Street")
    nairobi = _resolve(nlp, finder, text, "Nairobi")
    assert (street.lat, street.lon, street.precision) == (nairobi.lat, nairobi.lon, "city")


def test_a_street_takes_no_town_when_the_article_has_no_single_town(nlp, finder):
    # both towns lie in Kenya: the street is placed there, at country precision, and at neither town
    text = "Crowds gathered on Mulberry Street on Saturday, as they did in Nairobi and in Mombasa."
    street = _resolve(nlp, finder, text, "Mulberry Street")
    assert (street.country, street.precision) == ("KEN", "country")
    text = "Crowds gathered on Mulberry Street on Saturday, as they did in Nairobi and in Kampala."
    assert _resolve(nlp, finder, text, "Mulberry Street").lat is None


def test_a_container_name_is_read_whole(nlp, finder):
    # "South West" alone is a Cameroonian region; "South West England" must not make Cornwall foreign.
    p = _resolve(nlp, finder, "Three people died at a caravan park in Cornwall in South West England.",
                 "Cornwall")
    assert p.country == "GBR"


def test_former_country_names_resolve_to_the_state(nlp, finder):
    p = _resolve(nlp, finder, "Refugees crossed from Zaire into Rwanda in 1996.", "Zaire")
    assert (p.country, p.feature) == ("COD", "country")


def test_a_governor_belongs_to_the_state(nlp, finder):
    p = _resolve(nlp, finder, "New York Gov. Kathy Hochul signed the bill on Monday.", "New York")
    assert (p.feature, p.country) == ("admin1", "USA")


def test_the_container_of_a_town_is_the_division(nlp, finder):
    p = _resolve(nlp, finder, "He worked as a nurse in Yonkers, New York, for a decade.", "New York")
    assert (p.feature, p.country) == ("admin1", "USA")


def test_a_small_namesake_needs_local_evidence(nlp, finder):
    # Paris, Texas and its namesakes get no help from "American" and "Washington" alone.
    text = "American officials in Washington said the president would fly to Paris next week."
    assert _resolve(nlp, finder, text, "Paris").country == "FRA"


def test_a_town_that_also_names_its_division_needs_no_local_evidence(nlp, finder):
    # Saipan (48,000 people) is also a division of the Northern Mariana Islands: no lonely namesake.
    text = "The guard unit flew from Alaska and Hawaii to Saipan, then home to Texas."
    assert _resolve(nlp, finder, text, "Saipan").country == "MNP"


def test_an_english_county_the_data_splits_is_no_american_town(nlp, finder):
    text = "Bird flu was found on a farm in Cheshire, the second case this month after one in Northamptonshire."
    for name in ("Cheshire", "Northamptonshire"):
        assert _resolve(nlp, finder, text, name).country == "GBR"


def test_a_compass_word_before_a_state_named_like_a_city_means_the_state(nlp, finder):
    assert _resolve(nlp, finder, "Crews drove to central Washington overnight.", "Washington").feature == "admin1"
    assert _resolve(nlp, finder, "Farmers in eastern New York lost crops.", "New York").feature == "admin1"
    assert _resolve(nlp, finder, "Crews drove to Washington overnight.", "Washington").feature == "city"


def test_a_tiny_namesake_of_a_metropolis_needs_more_than_its_state(nlp, finder):
    # London, California (under 2,000 people) shares a state with the story's other places; London it is not.
    text = ("Shoppers in Los Angeles, California, complained about the skirt. Its designer, a Spanish "
            "artist based in London, apologised.")
    assert _resolve(nlp, finder, text, "London").country == "GBR"


@pytest.mark.parametrize("opening", ["WASHINGTON — ", "WASHINGTON "])
def test_a_dateline_that_stands_alone_is_the_best_known_town(nlp, finder, opening):
    # The story's other places are English; the dateline is still the American capital.
    text = (opening + "Christopher Steele, a former British spy who lived in London and Salisbury, "
            "spoke to officials in England before flying to Washington.")
    found = finder.find(nlp(text))
    for p in all_named(found, "WASHINGTON") + all_named(found, "Washington"):
        assert p.country == "USA" and p.feature == "city"


def test_a_plural_division_word_after_a_list_names_every_member(nlp, finder):
    doc = _labelled(nlp, "Russia annexed the Donetsk and Luhansk regions in 2022.",
                    {"Russia": "GPE", "Donetsk": "GPE", "Luhansk": "GPE"})
    for name in ("Donetsk", "Luhansk"):
        place = _resolved(finder, doc, name)[0]
        assert (place.country, place.feature) == ("UKR", "admin1"), name
    doc = _labelled(nlp, "Drones were downed over the Kursk, Belgorod and Rostov regions.",
                    {"Kursk": "GPE", "Belgorod": "GPE", "Rostov": "GPE"})
    assert {_resolved(finder, doc, n)[0].feature for n in ("Kursk", "Belgorod", "Rostov")} == {"admin1"}
    # a dateline's reading of the name does not reach a member the list's word makes a division
    text = "DONETSK, Ukraine (Reuters) - Russia annexed the Donetsk and Luhansk regions in 2022. Shelling hit Donetsk."
    doc = _labelled(nlp, text, {"DONETSK": "GPE", "Ukraine": "GPE", "Russia": "GPE", "Donetsk": "GPE",
                                "Luhansk": "GPE"})
    assert [p.feature for p in _resolved(finder, doc, "Donetsk")] == ["admin1", "city"]
    # a singular word names only the member before it
    doc = _labelled(nlp, "Shelling hit Donetsk and Luhansk region on Monday.", {"Donetsk": "GPE", "Luhansk": "GPE"})
    assert _resolved(finder, doc, "Donetsk")[0].feature == "city"


def test_a_dateline_with_its_country_is_a_town_not_the_division_named_after_it(nlp, finder):
    # Valencia's region outweighs the city on population; a dateline names where a story was filed.
    # The province's own towns lend it weight; its "province of" still makes it the province.
    text = ("VALENCIA, Spain (Reuters) - Torrential rain swept across eastern Spain on Wednesday, killing 12 "
            "people in the province of Valencia and cutting rail links between Madrid and the coast. The worst "
            "damage was in Paiporta, Catarroja and Alfafar, suburbs south of the city. The prime minister flew "
            "to Valencia.")
    doc = _labelled(nlp, text, {"VALENCIA": "GPE", "Spain": "GPE", "Valencia": "GPE", "Madrid": "GPE",
                                "Paiporta": "GPE", "Catarroja": "GPE", "Alfafar": "GPE"})
    dateline, province, city = _resolved(finder, doc, "VALENCIA") + _resolved(finder, doc, "Valencia")
    assert (dateline.country, dateline.feature) == ("ESP", "city")
    assert province.feature == "admin1"
    assert (city.country, city.feature) == ("ESP", "city")


def test_a_dateline_outweighs_a_neighbour_the_story_names_more(nlp, finder):
    # Australia and Victoria outnumber New Zealand's names, and Victoria holds a Wellington of its own.
    text = ("WELLINGTON (Reuters) - New Zealand's parliament passed the bill on Thursday after thousands "
            "marched to Wellington. In Australia, police in Victoria arrested three men in Melbourne, and "
            "officials in Perth and Darwin urged calm.")
    doc = _labelled(nlp, text, {"WELLINGTON": "GPE", "New Zealand": "GPE", "Wellington": "GPE", "Australia": "GPE",
                                "Victoria": "GPE", "Melbourne": "GPE", "Perth": "GPE", "Darwin": "GPE"})
    # the dateline, and the name's other mention with it
    assert [p.country for p in _resolved(finder, doc, "WELLINGTON") + _resolved(finder, doc, "Wellington")] == [
        "NZL", "NZL"]


def test_sharing_a_division_the_size_of_a_country_is_no_local_evidence(nlp, finder):
    # England holds a small Washington; an English story's "Washington" is still the American capital.
    text = "British officials in Salisbury and London said Washington would expel sixty diplomats."
    assert _resolve(nlp, finder, text, "Washington").country == "USA"


def test_two_names_that_lean_on_each_other_settle_together(nlp, finder):
    text = ("Pupils from an Edmonton primary school planted a garden. Enfield council thanked the "
            "pupils from Edmonton.")
    assert _resolve(nlp, finder, text, "Edmonton").country == "GBR"


# ---------------------------------------------------------------- names the gazetteer lacks, labels the model misses


def _labelled(nlp, text: str, labels: dict[str, str]):
    """A parsed text whose named entities are exactly labels ({surface: label}, each first occurrence
    and every later one), so a test does not hang on what the statistical model happens to tag."""

    doc = nlp(text)
    spans = []
    for surface, label in labels.items():
        start = 0
        while (at := text.find(surface, start)) >= 0:
            span = doc.char_span(at, at + len(surface), label=label)
            assert span is not None, surface
            spans.append(span)
            start = at + len(surface)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def test_unknown_site_takes_the_place_named_with_it(nlp, finder):
    doc = _labelled(nlp, "Marchers blocked Quillfeather Avenue in Rotterdam on Friday.",
                    {"Quillfeather Avenue": "FAC", "Rotterdam": "GPE"})
    avenue = _resolved(finder, doc, "Quillfeather Avenue")[0]
    assert (avenue.country, avenue.precision, avenue.score) == ("NLD", "city", 0.0)
    doc = _labelled(nlp, "A bomb hit Baghdad's Quillfeather market.", {"Baghdad": "GPE", "Quillfeather": "GPE"})
    assert _resolved(finder, doc, "Quillfeather")[0].country == "IRQ"


def test_unknown_village_takes_the_article_town(nlp, finder):
    doc = _labelled(nlp, "Floods hit Mombasa on Monday. Roads out of Mombasa were cut, and the hamlet of "
                         "Zorbakuru was cut off.", {"Mombasa": "GPE", "Zorbakuru": "GPE"})
    village = _resolved(finder, doc, "Zorbakuru")[0]
    assert village.country == "KEN" and village.score == 0.0
    # Two towns named equally often: nothing says which the village is near, only the country they share.
    doc = _labelled(nlp, "Floods hit Mombasa and Nairobi, and the hamlet of Zorbakuru was cut off.",
                    {"Mombasa": "GPE", "Nairobi": "GPE", "Zorbakuru": "GPE"})
    village = _resolved(finder, doc, "Zorbakuru")[0]
    assert (village.country, village.precision) == ("KEN", "country")
    doc = _labelled(nlp, "Floods hit Mombasa and Kampala, and the hamlet of Zorbakuru was cut off.",
                    {"Mombasa": "GPE", "Kampala": "GPE", "Zorbakuru": "GPE"})
    assert _resolved(finder, doc, "Zorbakuru")[0].lat is None
    # The town named most often lies outside the country named most often: not the town, but the country,
    # at country precision, since that is all the text says.
    doc = _labelled(nlp, "Kenya asked London for aid. Kenya said London would help. Kenya named the hamlet of "
                         "Zorbakuru.", {"Kenya": "GPE", "London": "GPE", "Zorbakuru": "GPE"})
    village = _resolved(finder, doc, "Zorbakuru")[0]
    assert (village.country, village.precision, village.score, village.feature) == ("KEN", "country", 0.0, None)
    # Two countries named equally often: nothing says where.
    doc = _labelled(nlp, "Kenya and Uganda asked for aid; Kenya and Uganda named the hamlet of Zorbakuru.",
                    {"Kenya": "GPE", "Uganda": "GPE", "Zorbakuru": "GPE"})
    assert _resolved(finder, doc, "Zorbakuru")[0].lat is None


def _with_ents(nlp, text: str, marks: list[tuple[str, int, str]]):
    """text parsed, with exactly these entities: (surface, which occurrence from 0, label)."""
    doc = nlp(text)
    spans = []
    for surface, nth, label in marks:
        at = -1
        for _ in range(nth + 1):
            at = text.index(surface, at + 1)
        spans.append(doc.char_span(at, at + len(surface), label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


@pytest.mark.parametrize(("name", "label", "dep"), [("Tal Afar", "PERSON", "appos"), ("Kostiantynivka", "ORG", "dobj"),
                                               ("Gwoza", None, "dobj"), ("Jisr al-Shughur", "PERSON", "appos")])
def test_a_verb_of_war_the_tagger_took_for_a_noun_still_takes_a_town(nlp, finder, name, label, dep):
    # The small model tags "retook" a noun and hangs the town on it in various ways.
    text = f"The army retook {name} on Saturday from the rebels, a military spokesman said."
    doc = _with_ents(nlp, text, [(name, 0, label)] if label else [])
    verb = next(t for t in doc if t.text == "retook")
    verb.pos_ = "NOUN"
    town = doc.char_span(text.index(name), text.index(name) + len(name))[-1]
    town.dep_, town.head = dep, verb
    assert [p.country for p in finder.find(doc) if p.text == name] == [
        {"Tal Afar": "IRQ", "Kostiantynivka": "UKR", "Gwoza": "NGA", "Jisr al-Shughur": "SYR"}[name]]


def test_an_entity_a_word_too_long_is_still_the_town(nlp, finder):
    # The model's entity swallows the next word: "Bentiu on"
    doc = _with_ents(nlp, "The army retook Bentiu on Saturday from the rebels.", [("Bentiu on", 0, "ORG")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Bentiu", "SSD")]


@pytest.mark.parametrize(("name", "label", "country"), [("Bakhmut", None, "UKR"), ("Manbij", "PERSON", "SYR"),
                                                   ("Sinjar", "ORG", "IRQ"), ("Khan Sheikhoun", "PERSON", "SYR")])
def test_the_passive_subject_of_a_verb_of_war_is_a_place(nlp, finder, name, label, country):
    text = f"Fighting went on. {name} was shelled overnight, the governor said."
    doc = _with_ents(nlp, text, [(name, 0, label)] if label else [])
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    shelled = next(t for t in doc if t.text == "shelled")
    span[-1].dep_, span[-1].head = "nsubjpass", shelled
    assert [p.country for p in finder.find(doc) if p.text == name] == [country]


def test_a_person_a_verb_of_war_befalls_is_no_place(nlp, finder):
    # "captured", "seized" and "liberated" befall people as often as towns
    text = "Fighting went on. Jenin was captured by gunmen, the governor said."
    doc = _with_ents(nlp, text, [("Jenin", 0, "PERSON")])
    doc[4].dep_, doc[4].head = "nsubjpass", doc[6]
    assert [p.text for p in finder.find(doc)] == []


@pytest.mark.parametrize("tag", ["ADJ", "NOUN", "ADV"])
def test_a_big_city_opening_a_sentence_as_its_subject_is_a_place(nlp, finder, tag):
    # The tagger guesses at names it does not know when they open a sentence.
    doc = _with_ents(nlp, "Fighting went on. Kharkiv was calm on Monday.", [])
    doc[4].pos_, doc[4].dep_, doc[4].head = tag, "nsubj", doc[5]
    assert [p.country for p in finder.find(doc)] == ["UKR"]
    doc = _with_ents(nlp, "Fighting went on. Kharkiv said on Monday that the talks had failed.", [])
    doc[4].pos_, doc[4].dep_, doc[4].head = tag, "nsubj", doc[5]
    assert finder.find(doc) == []


def test_a_noun_whose_of_names_a_place_places_what_the_model_called_an_organisation(nlp, finder):
    for text, name, country in [("Residents of Sinjar said the power had been cut.", "Sinjar", "IRQ"),
                                # "on Wednesday" is no longer name going on ("Stratford on Avon")
                                ("Fighting raged on the outskirts of Bucha on Wednesday.", "Bucha", "UKR")]:
        doc = _with_ents(nlp, text, [(name, 0, "ORG")] + ([("Wednesday", 0, "DATE")] if "Wednesday" in text else []))
        assert [(p.text, p.country) for p in finder.find(doc)] == [(name, country)], text
    doc = _with_ents(nlp, "Shareholders of Bucha voted on Wednesday.", [("Bucha", 0, "ORG")])
    assert finder.find(doc) == []


def test_what_people_flee_and_what_weapons_hit_is_a_place(nlp, finder):
    # Gwoza (some 15,000 people) is too small to be a place as the object of just any verb
    for text in ("Thousands of families have fled Gwoza since the fighting began.",
                 "Air strikes hit Gwoza and nearby villages, a monitoring group said.",
                 "Rockets pounded Gwoza overnight."):
        assert [(p.text, p.country) for p in finder.find(_with_ents(nlp, text, []))] == [("Gwoza", "NGA")], text
    assert finder.find(_with_ents(nlp, "The senator hit Gwoza over the bill.", [])) == []


def test_an_organisation_struck_is_no_town_that_lists_its_name(nlp, finder):
    # Hamm lists "Hamas" among its other names; the actor KB knows Hamas as an organisation.
    for text in ("Israel struck Hamas on Tuesday.", "Jets struck Hamas fighters in Beit Lahiya.",
                 "The army attacked Hamas in Gaza."):
        doc = _with_ents(nlp, text, [("Hamas", 0, "ORG")])
        assert "Hamas" not in [p.text for p in finder.find(doc)], text
    # a name before the noun it modifies is not what the verb acts on (Nokia is also a Finnish town)
    doc = _with_ents(nlp, "Police raided Nokia offices in Espoo on Tuesday.", [("Espoo", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Espoo"]
    # an organisation named by a union's abbreviation is still that union where it is a place
    doc = _with_ents(nlp, "The EU said farmers in the EU would get aid.", [("EU", 0, "ORG"), ("EU", 1, "ORG")])
    assert [p.name for p in finder.find(doc) if p.text == "EU"][-1:] == ["European Union"]


def test_a_name_its_own_words_make_a_place_is_that_place_again(nlp, finder):
    # The model labels the town an organisation both times; shelling it makes it a place, and so it is
    # where the model's label is all the second sentence offers.
    text = "Russian forces shelled Kostiantynivka on Monday. Residents said Kostiantynivka was calm on Tuesday."
    doc = _with_ents(nlp, text, [("Kostiantynivka", 0, "ORG"), ("Kostiantynivka", 1, "ORG")])
    assert [p.country for p in _resolved(finder, doc, "Kostiantynivka")] == ["UKR", "UKR"]
    # what a verb of any kind acts on is not made a place ("studying Zara", "push Levi around")
    text = "Analysts have spent years studying Kostiantynivka. Kostiantynivka was calm on Tuesday."
    doc = _with_ents(nlp, text, [("Kostiantynivka", 0, "ORG"), ("Kostiantynivka", 1, "ORG")])
    assert len([p for p in finder.find(doc) if p.text == "Kostiantynivka"]) < 2


def test_a_place_is_the_same_place_where_the_model_says_person(nlp, finder):
    text = "Dengue cases rose in Cairns this week. The head of the Cairns health unit said Cairns needs help."
    doc = _with_ents(nlp, text, [("Cairns", 0, "GPE"), ("Cairns", 1, "PERSON"), ("Cairns", 2, "PERSON")])
    assert len(_resolved(finder, doc, "Cairns")) == 3
    # The article uses the word in a personal name: then only the place-like mention counts.
    text = "Dengue cases rose in Cairns this week, said Ellen Cairns. Cairns said more help is needed."
    doc = _with_ents(nlp, text, [("Cairns", 0, "GPE"), ("Ellen Cairns", 0, "PERSON"), ("Cairns", 2, "PERSON")])
    assert len(_resolved(finder, doc, "Cairns")) == 1


def test_a_place_is_the_same_place_where_the_model_left_it_unlabelled(nlp, finder):
    text = ("Troops closed in on the town of Douma. Douma is surrounded, and the Douma Road is shut. "
            "Karim Douma said little.")
    doc = _with_ents(nlp, text, [("Douma", 0, "GPE")])
    # The sentence-initial mention joins the place; "Douma Road" and the person are longer names.
    found = [p.char_start for p in finder.find(doc) if p.text == "Douma"]
    assert found == [text.index("Douma"), text.index("Douma is")]
    # A name seen only as an owner ("in Douma's case") spreads to no unlabelled mention.
    text = "In Douma's case, the police were slow. Douma works as a domestic worker."
    doc = _with_ents(nlp, text, [("Douma", 0, "GPE")])
    assert [p.char_start for p in finder.find(doc) if p.text == "Douma"] == [3]


def test_a_name_the_article_gives_a_person_needs_a_place_cue(nlp, finder):
    names = lambda doc, word: [p.char_start for p in finder.find(doc) if p.text == word]  # noqa: E731
    # Steele and Conrad are American towns; here they are people the article names in full.
    text = "Christopher Steele wrote the dossier. Associates of Steele said he was abroad."
    assert names(_with_ents(nlp, text, [("Christopher Steele", 0, "PERSON")]), "Steele") == []
    text = "Conrad Rijnhout grows grapes. According to Conrad, South Africa ships more fruit to Asia."
    doc = _with_ents(nlp, text, [("Conrad Rijnhout", 0, "PERSON"), ("Conrad", 1, "GPE"), ("South Africa", 0, "GPE")])
    assert names(doc, "Conrad") == []
    # A preposition of place, or a town's state after it, still makes it the place.
    text = "Christopher Steele wrote the dossier. He grew up in Steele, North Dakota."
    assert names(_with_ents(nlp, text, [("Christopher Steele", 0, "PERSON")]), "Steele") == [text.rindex("Steele")]


def test_an_unlabelled_town_name_ending_a_longer_name_is_no_place(nlp, finder):
    text = "County Fire Marshal Doug Logan said the blaze was set, and crews came from Brisbane."
    assert [p.text for p in finder.find(_with_ents(nlp, text, []))] == ["Brisbane"]
    # A capital that only opens the sentence or a quotation is no part of the name.
    text = 'The board said: "Overall Edmonton did well," and Calgary agreed.'
    assert "Edmonton" in [p.text for p in finder.find(_with_ents(nlp, text, [("Calgary", 0, "GPE")]))]


def test_a_town_or_state_labelled_a_person_that_its_province_or_cue_word_places(nlp, finder):
    text = "Rebels took Goma and advanced on Bukavu in South Kivu. Fighting spread to Gezira state."
    doc = _with_ents(nlp, text, [("Goma", 0, "GPE"), ("Bukavu", 0, "PERSON"), ("South Kivu", 0, "GPE"),
                                 ("Gezira", 0, "PERSON")])
    found = {p.text: p for p in finder.find(doc)}
    assert found["Bukavu"].country == "COD" and found["Gezira"].country == "SDN"
    text = "Troops pushed into Russia's Kursk region."
    doc = _with_ents(nlp, text, [("Russia", 0, "GPE"), ("Kursk", 0, "PRODUCT")])
    assert all_named(finder.find(doc), "Kursk")[0].feature == "admin1"


def test_a_town_naming_a_site_is_a_place_whatever_the_model_says(nlp, finder):
    text = "Blasts were heard near the Natanz enrichment site, and drones hit the Ras Tanura refinery."
    doc = _with_ents(nlp, text, [("Natanz", 0, "ORG"), ("Ras Tanura", 0, "PERSON")])
    found = {p.text: p.country for p in finder.find(doc)}
    assert found == {"Natanz": "IRN", "Ras Tanura": "SAU"}
    text = "Refugees in the overcrowded Dadaab camps were taken to Garissa hospital."
    doc = _with_ents(nlp, text, [("Dadaab", 0, "PERSON"), ("Garissa", 0, "ORG")])
    assert {p.text: p.country for p in finder.find(doc)} == {"Dadaab": "KEN", "Garissa": "KEN"}
    # Without the site noun, the model's label stands.
    text = "Blasts were heard, Natanz said, and Ras Tanura spoke to reporters."
    doc = _with_ents(nlp, text, [("Natanz", 0, "ORG"), ("Ras Tanura", 0, "PERSON")])
    assert finder.find(doc) == []


def test_a_state_abbreviation_needs_its_dot(nlp, finder):
    doc = _with_ents(nlp, "Experts on weapons of Mass Destruction met.", [("Mass Destruction", 0, "ORG")])
    assert finder.find(doc) == []
    # The tokenizer splits the dot off "Alta" before a comma; the abbreviation keeps it.
    text = "The cat was found in Wainwright, Alta., by a train conductor."
    doc = _with_ents(nlp, text, [("Wainwright, Alta", 0, "ORG")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Wainwright", "CAN"), ("Alta.", "CAN")]


def test_a_state_named_like_the_articles_person_who_speaks_is_the_person(nlp, finder):
    text = "Lin-Manuel Miranda starred in the show. Miranda tweeted on Thursday that he was ill."
    doc = _with_ents(nlp, text, [("Lin-Manuel Miranda", 0, "PERSON"), ("Miranda", 1, "GPE")])
    assert finder.find(doc) == []


def test_a_region_labelled_a_person_is_the_region(nlp, finder):
    text = "In regions like Java, outbreaks go unreported."
    doc = _with_ents(nlp, text, [("Java", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Java", "IDN")]


def test_a_stray_person_label_ending_in_a_small_word_gives_no_given_name(nlp, finder):
    text = "Cornwall Fire and Rescue Service came. Officers said Devon and Cornwall police were alerted."
    doc = _with_ents(nlp, text, [("Cornwall Fire and", 0, "PERSON"), ("Devon", 0, "PERSON"),
                                 ("Cornwall", 1, "NORP")])
    assert [p.text for p in finder.find(doc) if p.char_start > 30] == ["Devon", "Cornwall"]


def test_a_known_name_that_grows_the_models_place_wins_over_its_pieces(nlp, finder):
    text = "About 30 homes near Fort St. John will be flooded."
    doc = _with_ents(nlp, text, [("Fort St.", 0, "GPE"), ("John", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Fort St. John", "CAN")]
    # The model's own longer place is never cut down to a known shorter name.
    text = "Crowds waited in St. Peter's Square."
    doc = _with_ents(nlp, text, [("St. Peter's Square", 0, "GPE")])
    assert "St. Peter" not in [p.text for p in finder.find(doc)]


def test_a_river_or_valley_backs_off_only_to_a_town_of_some_size(nlp, finder):
    # Ganges is also a French and a Canadian village; the river is neither.
    ganges = all_named(finder.find(nlp("Floods swelled the Ganges River near Patna.")), "Ganges River")[0]
    assert ganges.country == "IND"
    salinas = all_named(finder.find(nlp("Lettuce farms in the Salinas Valley flooded.")), "Salinas Valley")[0]
    assert salinas.country == "USA"


def test_an_unknown_region_lies_in_the_articles_country_not_its_town_or_province(nlp, finder):
    # a region is no part of a town, nor of a province the article names elsewhere
    doc = _labelled(nlp, "Rebels bombed a pipeline near Saravena in Arauca province on Friday. Thousands of "
                         "people have fled fighting in the Zorbatumbo region since January.",
                    {"Saravena": "GPE", "Arauca": "GPE", "Zorbatumbo": "GPE"})
    region = _resolved(finder, doc, "Zorbatumbo")[0]
    assert (region.country, region.precision) == ("COL", "country")


def test_an_unknown_district_of_a_state_takes_the_states_point(nlp, finder):
    text = "Floods swept the Zorbagunj district of Uttar Pradesh, and a road to Indore was cut."
    doc = _with_ents(nlp, text, [("Zorbagunj", 0, "GPE"), ("Uttar Pradesh", 0, "GPE"), ("Indore", 0, "GPE")])
    place = all_named(finder.find(doc), "Zorbagunj")[0]
    assert place.name == "Uttar Pradesh" and place.precision == "admin1"


def test_an_apposition_saying_what_kind_of_place_a_name_is(nlp, finder):
    text = "A resident of Zorbavuku, a suburb located east of Harare, said the water ran out."
    doc = _with_ents(nlp, text, [("Zorbavuku", 0, "NORP"), ("Harare", 0, "GPE")])
    place = all_named(finder.find(doc), "Zorbavuku")[0]
    assert place.name == "Harare" and place.country == "ZWE"
    text = "Lujhu, a rural township in northwestern Taoyuan, culled its birds."
    assert all_named(finder.find(nlp(text)), "Lujhu")[0].country == "TWN"
    text = "Birds were culled. Zorbatun is a rural township in northwestern Taoyuan."
    assert all_named(finder.find(_with_ents(nlp, text, [("Taoyuan", 0, "GPE")])), "Zorbatun")[0].country == "TWN"
    # A person described by a role is no place.
    text = "Jones, a community leader in Ohio, spoke."
    doc = _with_ents(nlp, text, [("Jones", 0, "PERSON"), ("Ohio", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Ohio"]


def test_given_names_listed_before_a_shared_family_name_are_people(nlp, finder):
    text = "He sought justice in the deaths of Helen, Clarence, Irene and Randy Kunz near Wausau."
    doc = _with_ents(nlp, text, [("Helen", 0, "GPE"), ("Clarence", 0, "GPE"), ("Randy Kunz", 0, "PERSON"),
                                 ("Wausau", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Wausau"]


def test_a_country_byname_that_is_the_articles_speaking_person_is_the_person(nlp, finder):
    text = "Reporter Bill Holland covered the trial. Five people are dead, Holland recalled."
    doc = _with_ents(nlp, text, [("Bill Holland", 0, "PERSON"), ("Holland", 1, "GPE")])
    assert finder.find(doc) == []


def test_compass_words_the_model_put_inside_a_name(nlp, finder):
    doc = _with_ents(nlp, "Peddar, of Brent, north west London, denies it.",
                     [("Brent", 0, "GPE"), ("north west London", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Brent", "London"]
    doc = _with_ents(nlp, "The student was in Kenya, east Africa.", [("Kenya", 0, "GPE"), ("east Africa", 0, "GPE")])
    assert all_named(finder.find(doc), "east Africa")[0].name == "East Africa"


def test_a_flu_season_is_no_disease_named_after_a_place(nlp, finder):
    text = "With the United States flu season under way, West Nile virus cases also rose."
    doc = _with_ents(nlp, text, [("United States", 0, "GPE"), ("West Nile", 0, "LOC")])
    assert [p.text for p in finder.find(doc)] == ["United States"]


def test_a_place_leading_an_organisation_name(nlp, finder):
    text = "Trooper cars left Stenwick for Metcalfe County. The Metcalfe County Sheriff's Office said two died."
    doc = _with_ents(nlp, text, [("Metcalfe County", 0, "GPE"), ("Metcalfe County Sheriff's Office", 0, "ORG")])
    assert len(_resolved(finder, doc, "Metcalfe County")) == 2


def test_a_division_labelled_a_person_is_the_division(nlp, finder):
    doc = _labelled(nlp, "Tamil Nadu said the water board must meet.", {"Tamil Nadu": "PERSON"})
    assert _resolved(finder, doc, "Tamil Nadu")[0].country == "IND"


def test_dateline_and_abbreviated_province(nlp, finder):
    doc = nlp("BEIRUT — Shelling resumed on Sunday, officials said.")
    assert _resolved(finder, doc, "BEIRUT")[0].country == "LBN"
    doc = _labelled(nlp, "A couple from Melville, Sask. believes the cat rode the train.",
                    {"Melville": "GPE", "Sask": "PERSON"})
    sask = _resolved(finder, doc, "Sask.")[0]
    assert (sask.country, sask.feature) == ("CAN", "admin1")
    assert _resolved(finder, doc, "Melville")[0].country == "CAN"


def test_list_members_follow_the_majority(nlp, finder):
    # Read alone, "New York", "Oklahoma" and "Washington" lean to their cities; a list of states that
    # most members agree on makes them states, though no reading has every member's vote at first.
    doc = nlp("Outbreaks hit Colorado, Georgia, Illinois, Missouri, New Jersey, New Mexico, New York, Ohio, "
              "Oklahoma, Oregon, Tennessee, Utah, Washington and Wisconsin.")
    for name in ("New York", "Oklahoma", "Washington"):
        p = _resolved(finder, doc, name)[0]
        assert (p.country, p.feature) == ("USA", "admin1"), name


def test_town_missing_from_its_province_takes_the_province(nlp, finder):
    doc = _labelled(nlp, "A truck was stopped in Stroud, Ontario, on Tuesday.", {"Stroud": "GPE", "Ontario": "GPE"})
    stroud = _resolved(finder, doc, "Stroud")[0]
    assert (stroud.country, stroud.precision) == ("CAN", "admin1")
    # A comma before a list of countries is no container: Beijing stays in China.
    doc = nlp("Delegations from Beijing, Russia and India met in Geneva.")
    assert _resolved(finder, doc, "Beijing")[0].country == "CHN"


def test_country_abbreviations(nlp, finder):
    doc = nlp("Mining unions in Johannesburg said SA holds most of the world's platinum.")
    assert _resolved(finder, doc, "SA")[0].country == "ZAF"


def test_iso_codes_are_not_place_names(nlp, finder):
    doc = nlp("Shoppers in Lima paid VAT on fuel, and the EST deadline passed. PNG officials met in Lima.")
    texts = {p.text: p.country for p in finder.find(doc)}
    assert "VAT" not in texts and "EST" not in texts
    assert texts.get("PNG") == "PNG"


def test_the_article_acronym_of_an_organisation_is_no_place(nlp, finder):
    doc = _with_ents(nlp, "British Airways cancelled flights from Lagos. BA said the strike would end.",
                     [("British Airways", 0, "ORG"), ("Lagos", 0, "GPE"), ("BA", 0, "ORG")])
    assert [p.text for p in finder.find(doc)] == ["Lagos"]
    doc = _with_ents(nlp, "The European Union met in Brussels. The EU said talks would go on.",
                     [("European Union", 0, "ORG"), ("Brussels", 0, "GPE"), ("EU", 0, "ORG")])
    assert "EU" in [p.text for p in finder.find(doc)]


def test_news_agency_and_name_as_adjective(nlp, finder):
    doc = nlp("The Xinhua news agency said 40 homes were buried in Sichuan.")
    assert "Xinhua" not in [p.text for p in finder.find(doc)]
    doc = _with_ents(nlp, "Canada sold artillery to the Saudi military.", [("Canada", 0, "GPE"), ("Saudi", 0, "NORP")])
    saudi = [p for p in finder.find(doc, demonyms=True) if p.text == "Saudi"]
    assert saudi and saudi[0].country == "SAU"


def test_a_cue_noun_makes_a_place_of_what_follows(nlp, finder):
    doc = _with_ents(nlp, "The towns of Zarvik, Molunga and Tessaro in Kenya were flooded.",
                     [("Zarvik", 0, "PERSON"), ("Molunga", 0, "ORG"), ("Kenya", 0, "GPE")])
    found = {p.text: p for p in finder.find(doc)}
    for name in ("Zarvik", "Molunga", "Tessaro"):
        assert name in found, name
    assert found["Tessaro"].country == "KEN"  # unknown to the gazetteer: the country it lies in


@pytest.mark.parametrize(("link", "expected"), [
    (", north of", (0.0, "north")),
    (", about 60 km west of", (60.0, "west")),
    (", 20 km (12 miles) south-east of", (20.0, "south-east")),
    (", a small farming village some 15 kilometres east of the", (15.0, "east")),
    (", 5 miles northeast of", (8.045, "northeast")),
    (", a friend of", None),
    (", 60 km of", None),
    (", a team 40 km north of", None),
])
def test_relative_links(link, expected):
    assert relative_link(link) == expected


def test_a_name_lies_where_its_bearing_from_a_town_puts_it(nlp, finder):
    # The article is about Mali, so without the bearing the unknown villages would stand in at Mali's point.
    text = ("Militants attacked a camp near Mopti in Mali on Monday. In neighbouring Burkina Faso, gunmen "
            "killed villagers in Zarvik, north of Ouagadougou, and hundreds fled to Molunga, about 60 km west "
            "of Ouagadougou. Troops in Mali were put on alert.")
    doc = _with_ents(nlp, text, [("Zarvik", 0, "GPE"), ("Molunga", 0, "GPE"), ("Ouagadougou", 0, "GPE"),
                                 ("Ouagadougou", 1, "GPE")])
    found = {p.text: p for p in finder.find(doc)}
    capital = found["Ouagadougou"]
    assert (found["Zarvik"].country, found["Zarvik"].lat) == ("BFA", capital.lat)
    molunga = found["Molunga"]
    assert molunga.country == "BFA" and molunga.lon < capital.lon
    assert haversine_km(molunga.lat, molunga.lon, capital.lat, capital.lon) == pytest.approx(60.0, abs=0.5)


def test_a_namesake_far_from_the_town_the_text_measures_from_is_not_it(nlp, finder):
    text = "Gunmen raided Salem, 30 km north of Maiduguri, on Monday, residents of Maiduguri said."
    doc = _with_ents(nlp, text, [("Salem", 0, "GPE"), ("Maiduguri", 0, "GPE"), ("Maiduguri", 1, "GPE")])
    found = {p.text: p for p in finder.find(doc)}
    town = found["Maiduguri"]
    assert found["Salem"].country == "NGA"
    assert haversine_km(found["Salem"].lat, found["Salem"].lon, town.lat, town.lon) == pytest.approx(30.0, abs=0.5)


def test_a_name_the_article_gives_a_person_is_that_person(nlp, finder):
    text = "President Zorbanu visited troops in Maiduguri. Later Zorbanu said the war was won."
    doc = _with_ents(nlp, text, [("Zorbanu", 0, "PERSON"), ("Maiduguri", 0, "GPE"), ("Zorbanu", 1, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Maiduguri"]
    # A big town keeps its reading though a person shares its name.
    text = "Ellen Houston spoke. Floods hit Houston on Monday."
    doc = _with_ents(nlp, text, [("Ellen Houston", 0, "PERSON"), ("Houston", 1, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Houston"]


def test_common_words_and_short_alternates_are_no_places(nlp, finder):
    doc = _with_ents(nlp, "The State said the Centre had failed to act under the Water Act in Chennai.",
                     [("Centre", 0, "ORG"), ("Chennai", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Chennai"]


def test_a_name_listed_with_a_place_is_a_place(nlp, finder):
    doc = _with_ents(nlp, "Roadworks delayed drivers from Gloucester and Cheltenham on Monday.",
                     [("Gloucester", 0, "GPE"), ("Cheltenham", 0, "PERSON")])
    found = {p.text: p.country for p in finder.find(doc)}
    assert found.get("Cheltenham") == "GBR"


def test_a_small_division_does_not_outrank_a_big_city(nlp, finder):
    doc = nlp("He grew up in Manchester.")
    p = _resolved(finder, doc, "Manchester")[0]
    assert (p.country, p.feature) == ("GBR", "city")


def test_one_town_does_not_set_its_list_mates_country(nlp, finder):
    doc = nlp("Two passengers arrived from New York and Toronto on June 3.")
    assert _resolved(finder, doc, "Toronto")[0].country == "CAN"


def test_the_state_of_x_is_the_state(nlp, finder):
    doc = nlp("The first case was found in the state of Washington in 2003.")
    p = _resolved(finder, doc, "Washington")[0]
    assert (p.country, p.feature) == ("USA", "admin1")


def test_a_mentions_own_pair_outranks_its_namesakes(nlp, finder):
    places = finder.find(nlp("The film moved from Paris, Texas, to Paris, France."))
    assert [(p.text, p.country) for p in places if p.text == "Paris"] == [("Paris", "USA"), ("Paris", "FRA")]


def test_towns_the_model_misses_in_a_conflict_report(nlp, finder):
    doc = _with_ents(nlp, "Israeli strikes hit Khan Younis and Rafah in southern Gaza, the ministry said.",
                     [("Khan Younis", 0, "PERSON"), ("Rafah", 0, "PERSON"), ("Gaza", 0, "GPE")])
    found = {p.text: p.country for p in finder.find(doc)}
    assert found.get("Khan Younis") == "PSE" and found.get("Rafah") == "PSE"
    doc = _with_ents(nlp, "Fighters raided Gwoza and Bama in Borno State, officials in Maiduguri said.",
                     [("Borno State", 0, "GPE"), ("Maiduguri", 0, "GPE")])
    found = {p.text: p.country for p in finder.find(doc)}
    assert found.get("Gwoza") == "NGA" and found.get("Bama") == "NGA"


def test_english_names_of_french_compass_divisions(nlp, finder):
    doc = nlp("Rebels advanced toward Goma in North Kivu on Sunday.")
    p = _resolved(finder, doc, "North Kivu")[0]
    assert (p.country, p.feature) == ("COD", "admin1")


def test_a_label_on_part_of_a_longer_name_does_not_block_it(nlp, finder):
    doc = _with_ents(nlp, "Gangs displaced thousands in Port-au-Prince and Croix-des-Bouquets.",
                     [("Port-au-Prince", 0, "GPE"), ("Croix", 0, "PERSON")])
    found = {p.text: p.country for p in finder.find(doc)}
    assert found.get("Croix-des-Bouquets") == "HTI" and "Croix" not in found


def test_plural_division_cue_and_a_division_labelled_a_person(nlp, finder):
    doc = nlp("Russia said it shot down drones over Belgorod and Kursk regions.")
    for name in ("Belgorod", "Kursk"):
        assert _resolved(finder, doc, name)[0].feature == "admin1", name
    doc = _with_ents(nlp, "Clashes broke out in Sittwe, the capital of Rakhine State, on Tuesday.",
                     [("Sittwe", 0, "GPE"), ("Rakhine State", 0, "PERSON")])
    rakhine = [p for p in finder.find(doc) if p.text.startswith("Rakhine")]
    assert rakhine and (rakhine[0].country, rakhine[0].feature) == ("MMR", "admin1")


def test_a_known_name_before_its_police_or_mayor_is_a_place(nlp, finder):
    doc = _with_ents(nlp, "Two men were arrested on Friday. Winnipeg police said the case was closed.", [])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Winnipeg", "CAN")]


def test_of_the_inside_a_name_the_model_split(nlp, finder):
    doc = _with_ents(nlp, "Aid reached Burundi and Democratic Republic of the Congo in May.",
                     [("Burundi", 0, "GPE"), ("Democratic Republic", 0, "GPE"), ("Congo", 0, "GPE")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [
        ("Burundi", "BDI"), ("Democratic Republic of the Congo", "COD")]


def test_a_sentences_the_is_not_part_of_the_name(nlp, finder):
    doc = _with_ents(nlp, "The Philippines confirmed two cases. Judges met in The Hague.", [])
    assert [p.text for p in finder.find(doc)] == ["Philippines", "The Hague"]


def test_codes_need_capitals_and_initials_need_matching_words(nlp, finder):
    doc = _with_ents(nlp, "Kroger Co. recalled nuts. Jane Roe, M.D., and Lee & Poe, P.A., agreed.",
                     [("Kroger Co.", 0, "ORG"), ("Jane Roe", 0, "PERSON"), ("M.D.", 0, "GPE"),
                      ("Lee & Poe", 0, "ORG"), ("P.A.", 0, "GPE")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "She flew from Denver, CO, to Washington, D.C., on Friday.",
                     [("Denver", 0, "GPE"), ("CO", 0, "GPE"), ("Washington", 0, "GPE"), ("D.C.", 0, "GPE")])
    found = {p.text: p.name for p in finder.find(doc)}
    assert found["CO"] == "Colorado" and found["D.C."] == "District of Columbia"


def test_a_disease_named_after_a_place_is_no_place(nlp, finder):
    text = ("Health officials said Marburg hemorrhagic fever had killed nine people in Uganda. "
            "Marburg spreads through contact with body fluids.")
    doc = _with_ents(nlp, text, [("Marburg", 0, "GPE"), ("Uganda", 0, "GPE"), ("Marburg", 1, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Uganda"]
    text = "Marburg virus was first described in Marburg, Germany, in 1967."
    doc = _with_ents(nlp, text, [("Marburg", 0, "GPE"), ("Marburg", 1, "GPE"), ("Germany", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Marburg", "Germany"]


def test_a_news_outlet_or_a_small_towns_namesake_speaking_is_no_place(nlp, finder):
    text = "Floods cut roads in Sichuan, Xinhua reported. \"We lost everything,\" said Noma, a farmer."
    doc = _with_ents(nlp, text, [("Sichuan", 0, "GPE"), ("Xinhua", 0, "ORG"), ("Noma", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Sichuan"]
    doc = _with_ents(nlp, "Moscow said on Monday that talks would resume.", [("Moscow", 0, "GPE")])
    assert [p.country for p in finder.find(doc)] == ["RUS"]


@pytest.mark.parametrize("name", ["Ms Raggi", "H1N1", "Easter Sunday", "F.B.I."])
def test_names_only_the_model_calls_places_and_that_read_otherwise(nlp, finder, name):
    doc = _with_ents(nlp, f"Reporters waited outside while {name} stayed in Rome.", [(name, 0, "GPE"),
                                                                                       ("Rome", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Rome"]


def test_an_unknown_street_named_after_a_person_stays_a_place(nlp, finder):
    text = "Anna Marigny said the parade turned onto Marigny Canal Road in New Orleans."
    doc = _with_ents(nlp, text, [("Anna Marigny", 0, "PERSON"), ("Marigny Canal Road", 0, "FAC"),
                                 ("New Orleans", 0, "GPE")])
    assert "Marigny Canal Road" in [p.text for p in finder.find(doc)]


def test_several_names_in_one_state_outweigh_a_bigger_namesake(nlp, finder):
    doc = nlp("Deputies found the stolen tractors at farm sales in Allamakee County, Black Hawk County "
              "and Plymouth County, the Iowa sheriffs said.")
    assert _resolved(finder, doc, "Plymouth County")[0].admin1 == "Iowa"


def test_landmarks_are_points_in_their_city(nlp, finder):
    doc = _with_ents(nlp, "The president met the envoy at the White House on Monday.", [("White House", 0, "FAC")])
    p = _resolved(finder, doc, "White House")[0]
    assert (p.feature, p.precision, p.country) == ("landmark", "point", "USA")
    assert abs(p.lat - 38.9) < 0.05 and abs(p.lon + 77.04) < 0.05  # not Casablanca, whose name it translates
    doc = _with_ents(nlp, "She moved to White House, Tennessee, in 1990.",
                     [("White House", 0, "GPE"), ("Tennessee", 0, "GPE")])
    assert _resolved(finder, doc, "White House")[0].feature == "city"


def test_a_landmark_the_model_calls_an_organisation_is_the_institution(nlp, finder):
    text = "The Kremlin denied the report. Talks at the Kremlin ended late."
    doc = _with_ents(nlp, text, [("Kremlin", 0, "ORG"), ("Kremlin", 1, "ORG")])
    found = [(p.char_start, p.country) for p in finder.find(doc)]
    assert found == [(text.index("Kremlin", 10), "RUS")]


def test_a_town_naming_its_court_or_police_is_a_place(nlp, finder):
    text = "He appeared in Litchfield Superior Court after the Danbury Police Department arrested him."
    doc = _with_ents(nlp, text, [("Litchfield Superior Court", 0, "ORG"), ("Danbury Police Department", 0, "ORG")])
    assert {p.text: p.admin1 for p in finder.find(doc)} == {"Litchfield": "Connecticut", "Danbury": "Connecticut"}
    doc = _with_ents(nlp, "The state asked the Supreme Court to rule.", [("the Supreme Court", 0, "ORG")])
    assert finder.find(doc) == []


def test_the_city_of_x_capitalised(nlp, finder):
    doc = _with_ents(nlp, "The City of Montreal adopted the plan.", [("The City of Montreal", 0, "GPE")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Montreal", "CAN")]


def test_a_country_before_a_hyphenated_word_is_a_word_of_its_own(nlp, finder):
    text = "A U.S.-led coalition struck targets, a U.K.-based monitor said."
    assert [(p.text, p.country) for p in finder.find(nlp(text))] == [("U.S.", "USA"), ("U.K.", "GBR")]


def test_a_town_province_country_address_is_not_a_list(nlp, finder):
    # No Warsaw in Ontario in the gazetteer: the province's point, not Poland's capital.
    doc = nlp("The truck was stopped near Warsaw, Ontario, Canada, on Friday.")
    p = _resolved(finder, doc, "Warsaw")[0]
    assert (p.country, p.score) == ("CAN", 0.0)


def test_a_small_namesake_abroad_gives_way_to_the_articles_own_country(nlp, finder):
    text = ("Detectives said he met the Italian at a sushi bar in Piccadilly. Officers later searched "
            "his home in London and a hotel in Mayfair, London.")
    p = _resolved(finder, nlp(text), "Piccadilly")[0]
    assert p.country in ("GBR", None) and p.score in (0.0, None)


def test_a_preposition_puts_a_mislabelled_town_on_the_map(nlp, finder):
    text = "Officials in Dogubayazit said the boy came from Kisumu. The lab is located in Winnipeg."
    doc = _with_ents(nlp, text, [("Dogubayazit", 0, "ORG"), ("Kisumu", 0, "PERSON"), ("Winnipeg", 0, "PRODUCT")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [
        ("Dogubayazit", "TUR"), ("Kisumu", "KEN"), ("Winnipeg", "CAN")]
    doc = _with_ents(nlp, "Five people in the Glasgow area were taken to hospital.", [("Glasgow", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Glasgow", "GBR")]
    text = "A spokeswoman from McDonald's spoke at Church locations in Denver."
    doc = _with_ents(nlp, text, [("McDonald", 0, "ORG"), ("Church", 0, "ORG"), ("Denver", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Denver"]


def test_a_country_modifying_its_forces_is_an_actor(nlp):
    doc = nlp("The agency said US and British forces must ensure security.")
    us = next(t for t in doc if t.text == "US")
    assert us.dep_ in ("nmod", "amod", "compound")  # the parse this rule reads
    assert is_actor_metonym(doc[us.i:us.i + 1])


@pytest.mark.parametrize("text,name,country", [
    ("Clashes spread across Nyanza after the Kenyan election.", "Nyanza", "KEN"),
    ("Heavy snow closed passes on the South Island on Monday.", "South Island", "NZL"),
])
def test_regions_that_are_no_longer_or_never_were_divisions(nlp, finder, text, name, country):
    doc = _with_ents(nlp, text, [(name, 0, "LOC")])
    assert [(p.text, p.country, p.feature) for p in finder.find(doc)] == [(name, country, "region")]


def test_regions_news_names_without_a_state(nlp, finder):
    doc = _with_ents(nlp, "Shelling resumed in Nagorno-Karabakh as storms hit the West Coast.",
                     [("Nagorno-Karabakh", 0, "GPE"), ("West Coast", 0, "LOC")])
    assert [(p.text, p.country, p.feature) for p in finder.find(doc)] == [
        ("Nagorno-Karabakh", "AZE", "region"), ("West Coast", "USA", "region")]


def test_half_of_a_hyphenated_name_is_no_place_unless_both_halves_are(nlp, finder):
    doc = _with_ents(nlp, "Minister Ann-Christin Berg visited the Syria-Turkey border.",
                     [("Ann-Christin Berg", 0, "PERSON"), ("Syria", 0, "GPE"), ("Turkey", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Syria", "Turkey"]
    doc = _with_ents(nlp, "The Mahidol-Oxford programme opened in Bangkok.", [("Bangkok", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Bangkok"]


def test_a_cued_village_is_claimed_before_a_word_of_its_name(nlp, finder):
    # "Brelova de Jos" is a name we made up: the gazetteer lacks it, and Nigeria's Jos must not take a piece.
    text = "Bird flu was confirmed in the villages of Brelova de Jos and Maliuc, in Romania."
    doc = _with_ents(nlp, text, [("Romania", 0, "GPE")])
    names = [p.text for p in finder.find(doc)]
    assert "Brelova de Jos" in names and "Jos" not in names


def test_a_compass_word_before_an_adjective_form_is_still_the_adjective(nlp, finder):
    doc = _with_ents(nlp, "Floods hit the Northern Indian states of Bihar and Assam.",
                     [("Northern Indian", 0, "LOC"), ("Bihar", 0, "GPE"), ("Assam", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Bihar", "Assam"]
    found = {p.text: p.country for p in finder.find(doc, demonyms=True)}
    assert found.get("Northern Indian") == "IND"
    doc = _with_ents(nlp, "Doctors in Kano treated Meningitis cases.", [("Kano", 0, "GPE"), ("Meningitis", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Kano"]


def test_a_town_its_state_lacks_takes_the_states_point(nlp, finder):
    doc = nlp("The car skidded two miles south of Holliday, Missouri, on Friday.")
    p = _resolved(finder, doc, "Holliday")[0]
    assert (p.admin1, p.score) == ("Missouri", 0.0)  # not the Holliday in Texas
    doc = nlp("The firm has offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit.")
    assert _resolved(finder, doc, "West Palm Beach")[0].admin1 == "Florida"  # a list, not "X, State"


# Names that only read as places: (case, text, the model's entities, the places that must be found).
NOT_PLACES_HERE = [
    ("a comma after a town does not make a first name a province",
     "Reporting by Omar Aziz in Beirut, Vladimir Petrov in Moscow and staff.",
     [("Omar Aziz", 0, "PERSON"), ("Beirut", 0, "GPE"), ("Vladimir Petrov", 0, "PERSON"), ("Moscow", 0, "GPE")],
     ["Beirut", "Moscow"]),
    ("relatives named after places are people",
     "He is survived by his wife, Tonya, and daughters Malia and Sasha, all of Paris, Texas.",
     [("Tonya", 0, "GPE"), ("Malia", 0, "GPE"), ("Sasha", 0, "GPE"), ("Paris", 0, "GPE"), ("Texas", 0, "GPE")],
     ["Paris", "Texas"]),
    ("organisations the actor KB knows are not their namesake towns, unless a preposition places them",
     "NATO said the Taliban had left. Fighters regrouped in Al-Mayadeen, according to Xinhua.",
     [("NATO", 0, "GPE"), ("Taliban", 0, "GPE"), ("Al-Mayadeen", 0, "GPE"), ("Xinhua", 0, "GPE")],
     ["Al-Mayadeen"]),
    ("titles and club names are not places",
     "The mufti wrote to Pope Tawadros and the Pope. Bale of Real scored in Cairo.",
     [("Pope", 0, "GPE"), ("Tawadros", 0, "GPE"), ("Pope", 1, "GPE"), ("Real", 0, "GPE"), ("Cairo", 0, "GPE")],
     ["Cairo"]),
    ("a newspaper's city is part of its masthead",
     "The Washington Post reported the raid in Kabul, citing the Toronto Star.",
     [("Washington Post", 0, "ORG"), ("Kabul", 0, "GPE"), ("Toronto Star", 0, "ORG")],
     ["Kabul"]),
    ("a title before a town's name makes it a person's",
     "She was taken to the Queen Elizabeth University Hospital in Glasgow.",
     [("the Queen Elizabeth University Hospital", 0, "ORG"), ("Glasgow", 0, "GPE")],
     ["Glasgow"]),
]


@pytest.mark.parametrize("text,marks,expected", [c[1:] for c in NOT_PLACES_HERE], ids=[c[0] for c in NOT_PLACES_HERE])
def test_names_that_only_read_as_places(nlp, finder, text, marks, expected):
    assert [p.text for p in finder.find(_with_ents(nlp, text, marks))] == expected


def test_a_name_placed_by_a_longer_part_phrase(nlp, finder):
    # Invented names the gazetteer lacks, placed at the place the phrase says holds them; each text also
    # names another town twice, which the article-wide fallback would pick instead.
    cases = [
        ("Aid resumed in the Zorbashok refugee camp in El Fasher. Khartoum said Khartoum would help.",
         "Zorbashok", "El Fasher"),
        ("Farmers in the Zorbedza district, Mashonaland East province, fear drought. Harare and Harare wait.",
         "Zorbedza", "Mashonaland East"),
        ("A boy fell ill in the city of Zorbakita located in the Akita Prefecture. Tokyo and Tokyo wait.",
         "Zorbakita", "Akita"),
        ("Boys train in Cairo's gated suburb of Zorbinaty. Alexandria and Alexandria wait.", "Zorbinaty",
         "Cairo"),
    ]
    for text, name, holder in cases:
        doc = _with_ents(nlp, text, [(name, 0, "GPE")])
        place = all_named(finder.find(doc), name)[0]
        assert place.name and place.name.startswith(holder), (text, place.name)
    # A phrase about a person, not a part of a place, places nothing there.
    text = "Zorbanu's brother, a farmer in Akita, spoke. Tokyo and Tokyo were calm."
    doc = _with_ents(nlp, text, [("Zorbanu", 0, "GPE")])
    assert not any(p.text == "Zorbanu" and (p.name or "").startswith("Akita") for p in finder.find(doc))


def test_a_mentions_own_state_outweighs_the_articles_other_towns(nlp, finder):
    text = ("The firm owns offices in Louisville, Kentucky, and in Lexington. "
            "It also owns property in Richmond, Virginia.")
    richmond = _resolve(nlp, finder, text, "Richmond")
    assert richmond.admin1 == "Virginia" and abs(richmond.lon + 77.4) < 0.5
    # "located in" names the state as a comma does
    text = "Dead swans were found in Fulton County located in Illinois. Atlanta officials said Georgia was clear."
    assert _resolve(nlp, finder, text, "Fulton County").admin1 == "Illinois"


def test_a_county_after_a_town_holds_it(nlp, finder):
    # The county picks the town near it, against an article about another country.
    text = ("Police in Tulsa and Oklahoma City searched homes on Monday. "
            "A man from Stroud, Gloucestershire, was also questioned.")
    stroud = _resolve(nlp, finder, text, "Stroud")
    assert stroud.country == "GBR", stroud
    # No town of the name near the county: the county's own point, not a namesake abroad.
    text = "The season ends at Knockhill, Fife, after a round at Rockingham, Northamptonshire."
    rockingham = _resolve(nlp, finder, text, "Rockingham")
    assert rockingham.country == "GBR" and abs(rockingham.lat - 52.4) < 0.3
    # A big city after a comma starts a new clause, not an address.
    paris = _resolve(nlp, finder, "The train left on time. After Paris, London is the next stop.", "Paris")
    assert paris.country == "FRA"


def test_a_mentions_own_country_outweighs_a_bigger_namesake(nlp, finder):
    # The island of Trinidad, unless the mention names another country as its address.
    assert _resolve(nlp, finder, "The ministry in Trinidad said Port of Spain was calm.", "Trinidad").country == "TTO"
    assert _resolve(nlp, finder, "Protests spread in Trinidad, Bolivia, on Monday.", "Trinidad").country == "BOL"
    # A country that is the next item of a list is no address.
    assert _resolve(nlp, finder, "Cases rose in Ghana, Niger, Nigeria and Togo.", "Niger").country == "NER"


def test_a_police_force_by_its_initials_names_its_town(nlp, finder):
    doc = nlp("Brant OPP, firefighters and paramedics responded to the collision.")
    assert [p.name for p in finder.find(doc)] == ["Brant"]
    doc = nlp("The pool in which the boy drowned (Picture: Slidell PD)")
    assert [p.admin1 for p in finder.find(doc)] == ["Louisiana"]


def test_a_states_postal_code_is_a_place_only_in_an_address(nlp, finder):
    assert [p.name for p in finder.find(nlp("Metix MD Reinier Meyjes said the furnace works."))] == []
    assert [p.name for p in finder.find(nlp("The sale runs from 7 a.m. CT today until Sunday."))] == []
    found = finder.find(nlp("A man from Tulsa, OK, was charged on Monday."))
    assert [p.name for p in found] == ["Tulsa", "Oklahoma"]


def test_compass_words_that_open_a_longer_name_are_not_a_region_of_their_own(nlp, finder):
    found = finder.find(nlp("Police in South West England searched a caravan park."))
    assert [(p.text, p.country) for p in found] == [("South West England", "GBR")]
    found = finder.find(nlp("Youth crime rose in Far North Queensland, officers say."))
    assert [p.country for p in found] == ["AUS"]


def test_an_unknown_name_needs_something_saying_it_is_a_place(nlp, finder):
    home = " Police in Harare said Harare was calm."
    doc = _with_ents(nlp, "Zorbatech has informed its investors." + home, [("Zorbatech", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Harare", "Harare"]
    for text, name in [("Aid reached the village of Zorbanga.", "Zorbanga"),
                       ("Rebels shelled Zorbanga overnight.", "Zorbanga"),
                       ("Floods closed Zorbanga Avenue on Monday.", "Zorbanga Avenue"),
                       ("Nurses went in Zorbanga on foot.", "Zorbanga")]:
        doc = _with_ents(nlp, text + home, [(name, 0, "GPE")])
        assert all_named(finder.find(doc), name)[0].name == "Harare", text


def test_a_day_after_a_place_noun_is_no_place(nlp, finder):
    found = finder.find(nlp("Tourists fled the neighborhood of Saturday's gun battle in Acapulco."))
    assert [p.text for p in found] == ["Acapulco"]


def test_a_citys_region_is_the_city_not_its_namesake_county(nlp, finder):
    text = "There have been nine cases of the virus in the Houston region, officials in Texas said."
    assert _resolve(nlp, finder, text, "Houston").feature == "city"
    text = "Shelling hit villages in the Kursk region overnight."
    assert _resolve(nlp, finder, text, "Kursk").feature == "admin1"


def test_a_state_in_a_list_of_states_is_no_town_of_the_next_one(nlp, finder):
    text = "Cases were found in Oregon, Texas, Utah, Virginia, Washington, West Virginia and Wyoming."
    assert _resolve(nlp, finder, text, "Washington").feature == "admin1"
    text = "Cases were reported in Georgia, Oklahoma, Pennsylvania, Wisconsin and California."
    assert _resolve(nlp, finder, text, "Oklahoma").feature == "admin1"


def test_a_division_word_after_a_name_makes_it_a_place_of_its_town(nlp, finder):
    # "Haram" alone is a Norwegian municipality; Giza's district is in Giza.
    text = "Two bombs killed six police officers in Giza's Haram district, on the street."
    doc = _with_ents(nlp, text, [("Giza", 0, "GPE"), ("Haram", 0, "DATE")])
    haram = all_named(finder.find(doc), "Haram")[0]
    assert haram.country == "EGY" and abs(haram.lat - 30.0) < 0.5
    # A capitalised word opening a sentence, or a party, is no district's name.
    doc = nlp("Instead county police now claim otherwise. The Republican county chairman spoke.")
    assert finder.find(doc) == []


def test_a_part_phrase_keeps_a_town_inside_its_holder(nlp, finder):
    # The gazetteer's own Adhamiyah lies in Iraq's north; the text puts it in Baghdad.
    adhamiyah = _resolve(nlp, finder, "Cakes were made at a bakery in the Adhamiyah district of Baghdad.",
                         "Adhamiyah")
    assert abs(adhamiyah.lat - 33.3) < 0.3 and abs(adhamiyah.lon - 44.4) < 0.3
    rice = _resolve(nlp, finder, "Swans were found in the Rice Lake area of Fulton County located in Illinois.",
                    "Rice Lake")
    assert rice.admin1 == "Illinois"
    # "the Cincinnati suburb of West Chester": the suburb is the second name, not the city.
    text = "He lived in the Cincinnati suburb of West Chester, Ohio."
    assert _resolve(nlp, finder, text, "Cincinnati").feature == "city"


def test_a_village_the_gazetteer_lacks_lies_in_the_articles_province(nlp, finder):
    text = ("A landslide buried the village of Zorbamo on Saturday. Rescuers from across Sichuan arrived, "
            "and Sichuan officials said China would help.")
    doc = _with_ents(nlp, text, [("Zorbamo", 0, "GPE"), ("China", 0, "GPE"), ("Sichuan", 0, "GPE"),
                                 ("Sichuan", 1, "GPE")])
    village = all_named(finder.find(doc), "Zorbamo")[0]
    assert village.precision == "admin1" and village.admin1 == "Sichuan"


def test_saints_operations_and_grades_are_no_places(nlp, finder):
    for text in ["A bomb hit the small church of St. Peter and St. Paul in Cairo.",
                 "He graduated from St. John's University School of Law in Cairo.",
                 "Officers from Operation Falcon made arrests in Cairo.",
                 "Cairo was the only city to receive a grade of \"D.\" this year."]:
        assert [p.text for p in finder.find(nlp(text))] == ["Cairo"], text
    found = finder.find(nlp("He lives in St. Petersburg, Florida, and St. Louis."))
    assert [p.text for p in found] == ["St. Petersburg", "Florida", "St. Louis"]


def test_a_place_before_its_police_force_inside_a_persons_name(nlp, finder):
    doc = _with_ents(nlp, "New Brunswick RCMP say the young dogs were taken.",
                     [("New Brunswick RCMP", 0, "PERSON")])
    assert [(p.text, p.feature) for p in finder.find(doc)] == [("New Brunswick", "admin1")]


def test_a_name_read_through_its_last_words_needs_the_articles_country(nlp, finder):
    text = ("Most cases are in the Central Plateau region, north of Port-au-Prince. "
            "Haiti asked for help, and Haiti's hospitals are full.")
    doc = _with_ents(nlp, text, [("Central Plateau", 0, "LOC"), ("Port-au-Prince", 0, "GPE"),
                                 ("Haiti", 0, "GPE"), ("Haiti", 1, "GPE")])
    assert all_named(finder.find(doc), "Central Plateau")[0].country == "HTI"


def test_a_town_reached_by_a_journey_is_a_place_whatever_the_model_says(nlp, finder):
    text = "Instead of driving to Castlegar, residents can now visit the new office downtown."
    doc = _with_ents(nlp, text, [("Castlegar", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Castlegar", "CAN")]
    # "to" before a person is still someone spoken or written to
    doc = _with_ents(nlp, "The minister wrote to Castlegar about the budget.", [("Castlegar", 0, "PERSON")])
    assert finder.find(doc) == []


def test_a_town_the_model_takes_for_a_title_or_a_firm_is_a_place_as_an_object(nlp, finder):
    for name, label, country in [("Kramatorsk", "WORK_OF_ART", "UKR"), ("Agadez", "PRODUCT", "NER"),
                                 ("Sinjar", "ORG", "IRQ")]:
        text = f"Government forces shelled {name} on Monday, residents said."
        doc = _with_ents(nlp, text, [(name, 0, label)])
        assert [(p.text, p.country) for p in finder.find(doc)] == [(name, country)], name
    # a quoted title and an agency quoted as a source stay what the model says they are
    doc = _with_ents(nlp, 'Critics praised "Kramatorsk" on Monday.', [("Kramatorsk", 0, "WORK_OF_ART")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "The toll was quoted by the state agency SANA.", [("SANA", 0, "ORG")])
    assert finder.find(doc) == []


def test_transliterated_names_keep_their_lower_case_particles(nlp, finder):
    for name, country in [("Deir ez-Zor", "SYR"), ("Mazar-e Sharif", "AFG"), ("Mazar-i-Sharif", "AFG")]:
        found = finder.find(nlp(f"Government forces shelled {name} on Monday, residents said."))
        assert [(p.text, p.country) for p in found] == [(name, country)], name


def test_a_city_known_by_its_divisions_name_is_the_city(nlp, finder):
    for name, country in [("Zaporizhzhia", "Ukraine"), ("Odessa", "Ukraine"), ("St. Petersburg", "Russia")]:
        found = finder.find(nlp(f"Protests were reported in {name}, {country}, on Tuesday."))
        assert (found[0].text, found[0].feature, found[1].country) == (name, "city", found[0].country), name
    # the city carries its division's weight against a far smaller namesake that bears the name as its own
    found = finder.find(nlp("Crowds gathered in St. Petersburg on Tuesday."))
    assert (found[0].feature, found[0].country) == ("city", "RUS")


def test_a_near_spelling_places_an_unknown_name_inside_the_place_that_holds_it(nlp, finder):
    text = "Fighting was reported in Hassakeh, Syria, on Tuesday."
    doc = _with_ents(nlp, text, [("Hassakeh", 0, "GPE"), ("Syria", 0, "GPE")])
    town = all_named(finder.find(doc), "Hassakeh")[0]
    assert town.feature == "city" and town.country == "SYR" and town.precision != "country"
    # nothing spelt nearly so in the holding country: the country's own point, as before
    doc = _with_ents(nlp, "Fighting was reported in Hassakeh, Peru, on Tuesday.",
                     [("Hassakeh", 0, "GPE"), ("Peru", 0, "GPE")])
    assert all_named(finder.find(doc), "Hassakeh")[0].precision == "country"


def test_a_name_written_in_another_romanisation_resolves(nlp, finder):
    for name, town in [("Deir Ezzor", "Deir ez-Zor"), ("Hassakeh", "Al Ḩasakah"), ("Sulaimaniyah", "Sulaymaniyah")]:
        doc = _with_ents(nlp, f"Government forces shelled {name} on Monday.", [(name, 0, "GPE")])
        found = finder.find(doc)
        assert [(p.text, p.name, p.feature) for p in found] == [(name, town, "city")], name
    # the text says where it is, and no romanisation of it lies there: that place's point, not a namesake
    doc = _with_ents(nlp, "Fighting was reported in Hassakeh, Peru, on Tuesday.",
                     [("Hassakeh", 0, "GPE"), ("Peru", 0, "GPE")])
    assert all_named(finder.find(doc), "Hassakeh")[0].country == "PER"


def test_a_mislabelled_town_taken_is_found_whole(nlp, finder):
    cases = [("al-Bab", "PERSON", "SYR"), ("Jisr al-Shughur", "PERSON", "SYR"), ("Azaz", "PRODUCT", "SYR")]
    for name, label, country in cases:
        doc = _with_ents(nlp, f"Rebels retook {name} on Sunday, a monitor said.", [(name, 0, label)])
        assert [(p.text, p.country) for p in finder.find(doc)] == [(name, country)], name
    # a person taken is still a person, as is a town's name the article gives a person who speaks
    doc = _with_ents(nlp, "Rebels seized Abdul Rahman on Sunday.", [("Abdul Rahman", 0, "PERSON")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "Azaz told reporters he was safe. Rebels later freed Azaz on Sunday.",
                     [("Azaz", 0, "PERSON"), ("Azaz", 1, "PERSON")])
    assert finder.find(doc) == []


def test_a_name_parsed_as_an_adverb_after_its_verb_is_a_place(nlp, finder):
    doc = nlp("Russian forces shelled Toretsk on Monday, officials said.")
    tok = next(t for t in doc if t.text == "Toretsk")
    assert tok.dep_ == "advmod" and not tok.ent_type_  # the parse the rule is for
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Toretsk", "UKR")]
    # a lower-case adverb after a verb stays a word
    assert finder.find(nlp("Russian forces shelled heavily on Monday, officials said.")) == []


def test_a_bare_congo_is_the_democratic_republic_unless_the_article_says_otherwise(nlp, finder):
    doc = _with_ents(nlp, "Rebels attacked Beni, Congo, on Sunday.", [("Beni", 0, "GPE"), ("Congo", 0, "GPE")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Beni", "COD"), ("Congo", "COD")]
    doc = _with_ents(nlp, "Protesters marched in Brazzaville and Pointe-Noire. Congo has held talks since.",
                     [("Brazzaville", 0, "GPE"), ("Pointe-Noire", 0, "GPE"), ("Congo", 0, "GPE")])
    assert all_named(finder.find(doc), "Congo")[0].country == "COG"


def test_a_town_known_only_far_from_the_country_named_with_it_takes_that_countrys_point(nlp, finder):
    doc = _with_ents(nlp, "Insurgents attacked Palma, Mozambique, on Tuesday.",
                     [("Palma", 0, "GPE"), ("Mozambique", 0, "GPE")])
    palma = all_named(finder.find(doc), "Palma")[0]
    assert (palma.country, palma.precision) == ("MOZ", "country")  # not Mallorca's Palma
    # a town just across the border keeps its place: the text may name the country that holds or claims it
    doc = _with_ents(nlp, "Protests were held in Tskhinvali, Russia, on Tuesday.",
                     [("Tskhinvali", 0, "GPE"), ("Russia", 0, "GPE")])
    town = all_named(finder.find(doc), "Tskhinvali")[0]
    assert (town.feature, town.country) == ("city", "GEO")


def test_among_places_that_only_list_a_name_its_romanisation_wins(nlp, finder):
    # GeoNames lists "Sloviansk" for Slov'yans'k and, by a stray entry, for Nikopol, both of ~105,000 people
    doc = _with_ents(nlp, "Shells hit Sloviansk on Monday.", [("Sloviansk", 0, "GPE")])
    town = finder.find(doc)[0]
    assert (town.country, round(town.lat), round(town.lon)) == ("UKR", 49, 38)


def test_the_object_of_a_verb_of_war_is_a_place_as_after_in(nlp, finder):
    # Gwoza has some 15,000 people: too few for a bare object, enough for "in Gwoza"
    for text in ("Insurgents raided Gwoza on Sunday, residents said.", "Troops retook Gwoza on Sunday."):
        assert [(p.text, p.country) for p in finder.find(nlp(text))] == [("Gwoza", "NGA")], text
    assert finder.find(nlp("Fans cheered Gwoza on Sunday, residents said.")) == []
    # what an attack is on, and a strike's object, the same way; a person attacked stays a person
    assert [p.text for p in finder.find(_with_ents(nlp, "Militants launched an attack on Gwoza.", []))] == ["Gwoza"]
    assert [p.text for p in finder.find(_with_ents(nlp, "Jets struck Gwoza on Tuesday.", []))] == ["Gwoza"]
    doc = _with_ents(nlp, "Protesters condemned the attack on Rushdie.", [("Rushdie", 0, "PERSON")])
    assert finder.find(doc) == []
    # the model's mislabels too: Vuhledar (some 14,000 people) as a product
    doc = _with_ents(nlp, "Troops retook Vuhledar on Sunday.", [("Vuhledar", 0, "PRODUCT")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Vuhledar", "UKR")]


def test_a_big_citys_own_name_labelled_a_person_is_the_city(nlp, finder):
    doc = _with_ents(nlp, "Residents said Peshawar was calm on Monday.", [("Peshawar", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Peshawar", "PAK")]
    # a big city's other name too: Arbil is an alternate name of Erbil (1.6 million people)
    doc = _with_ents(nlp, "Residents said Arbil was calm on Monday.", [("Arbil", 0, "PERSON")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Arbil", "IRQ")]
    # unless it speaks, is listed with a person, or the article gives it to somebody
    doc = _with_ents(nlp, "On Monday, Peshawar said that talks would go on.", [("Peshawar", 0, "PERSON")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "Retired workers Brent and Lynnette Hain believe the cat was lost.",
                     [("Brent", 0, "PERSON"), ("Lynnette Hain", 0, "PERSON")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "Imran Peshawar arrived. Residents said Peshawar was calm.",
                     [("Imran Peshawar", 0, "PERSON"), ("Peshawar", 1, "PERSON")])
    assert finder.find(doc) == []


def test_a_divisions_seat_with_no_population_recorded_is_a_town(nlp, finder):
    # GeoNames records no population for Tal Afar (Tall 'Afar), a district seat of some 100,000 people
    doc = _with_ents(nlp, "Government forces shelled Tal Afar on Monday.", [("Tal Afar", 0, "ORG")])
    assert [(p.text, p.country, p.feature) for p in finder.find(doc)] == [("Tal Afar", "IRQ", "city")]


def test_a_court_word_names_a_court_only_before_court(nlp, finder):
    doc = _with_ents(nlp, "She was struck by a Ford Crown Victoria on Monday.",
                     [("Ford", 0, "ORG"), ("Crown Victoria", 0, "PRODUCT")])
    assert finder.find(doc) == []
    doc = _with_ents(nlp, "He appeared at Leeds Crown Court on Monday.", [("Leeds Crown Court", 0, "ORG")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Leeds", "GBR")]


def test_french_linking_words_run_through_a_name(nlp, finder):
    doc = _with_ents(nlp, "Residents said Port-au-Prince was calm on Monday.", [])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Port-au-Prince", "HTI")]


def test_a_big_place_under_another_spelling_of_its_name_is_a_place(nlp, finder):
    for name, country in [("Raqqa", "SYR"), ("Hodeidah", "YEM")]:  # Ar Raqqah; Al Hudaydah (same skeleton)
        doc = _with_ents(nlp, f"Residents said {name} was calm on Monday.", [])
        assert [(p.text, p.country) for p in finder.find(doc)] == [(name, country)], name
    # not where some place bears the name as its own: Levi is a village's own name, and Lévis only lists it
    doc = _with_ents(nlp, "Their yellow lab, Levi, was calm on Monday.", [])
    assert finder.find(doc) == []


def test_a_name_described_as_a_person_is_the_person(nlp, finder):
    text = "Kurdish forces held the town, while Houston, a U.S. official, said Washington was watching."
    doc = _with_ents(nlp, text, [("Houston", 0, "GPE"), ("U.S.", 0, "GPE"), ("Washington", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["U.S.", "Washington"]
    # a town described as a town, and a country described as a person, stay places
    doc = _with_ents(nlp, "Floods hit Houston, a city of two million, on Monday.", [("Houston", 0, "GPE")])
    assert [p.text for p in finder.find(doc)] == ["Houston"]
    # a dateline whose story starts with a person: the parser may hang "leader" on the city
    doc = nlp("AUSTIN, Texas A local activist leader spoke on Sunday.")
    assert [p.text for p in finder.find(doc)][:1] == ["AUSTIN"]
    doc = _with_ents(nlp, "Aid reached Jordan, a member of the coalition, on Monday.", [("Jordan", 0, "GPE")])
    assert [(p.text, p.country) for p in finder.find(doc)] == [("Jordan", "JOR")]


@pytest.mark.parametrize("text,name,countries", [
    ("Rockets hit the northern Israeli town of Kiryat Shmona.", "Kiryat Shmona", {"IL"}),
    ("Protesters gathered in the Syrian coastal city of Tartus.", "Tartus", {"SY"}),
    ("Militants attacked the South Sudanese town of Bor.", "Bor", {"SS"}),  # not Sudan's
    ("Troops entered the Russian-held town of Oleshky.", "Oleshky", set()),  # who holds it, not where it is
    ("Russian troops entered the town of Oleshky.", "Oleshky", set()),
    ("Shells fell on the Israeli-Lebanese border town of Metula.", "Metula", set()),
    ("Israeli jets struck Tyre.", "Tyre", set()),
    ("Thousands of Syrians fled the town of Tal Abyad.", "Tal Abyad", set()),
])
def test_adjective_before_a_kind_of_place_names_its_country(nlp, finder, text, name, countries):
    doc = nlp(text)
    start = text.index(name)
    assert finder.names.called_in(doc.char_span(start, start + len(name))) == countries


def test_adjective_of_a_country_vouches_for_a_small_town_in_a_story_about_another(nlp, finder):
    # Lebanon and two of its towns make the story Lebanese; the adjective still puts the town in Israel.
    text = ("Hezbollah fired rockets at the northern Israeli town of Kiryat Shmona on Monday. "
            "Lebanon said Beirut and Tyre were calm.")
    town = _by_text(finder.find(nlp(text)), "Kiryat Shmona")
    assert town.country == "ISR" and town.precision == "city"


def test_unknown_town_stands_in_at_the_country_its_adjective_names(nlp, finder):
    text = ("Rebels attacked the Malian town of Zorbaba on Sunday, officials in Ouagadougou said. "
            "Burkina Faso closed the border, Burkina Faso's army said.")
    town = _by_text(finder.find(nlp(text)), "Zorbaba")
    assert town.country == "MLI" and town.precision == "country"


def test_adjective_of_a_country_picks_its_namesake_for_every_mention(nlp, finder):
    text = "Clashes broke out in the northern Lebanese city of Tripoli on Friday. Tripoli was calm on Saturday."
    assert [p.country for p in all_named(finder.find(nlp(text)), "Tripoli")] == ["LBN", "LBN"]


def test_unknown_town_in_part_of_a_country_stands_in_at_that_country(nlp, finder):
    # "in northern Burkina Faso" holds the village, not the capital the article names most
    text = ("Gunmen attacked the village of Zorbaba in northern Burkina Faso, officials in Ouagadougou said. "
            "Ouagadougou was calm and Ouagadougou schools opened.")
    village = _by_text(finder.find(nlp(text)), "Zorbaba")
    assert village.country == "BFA" and village.precision == "country"


@pytest.mark.parametrize("text,name,cc", [
    # the parser hangs the speaker on the town as its apposition ("X, a ... spokesman said")
    ("Troops pursued the insurgents near Mocimboa da Praia, a military spokesman said on Monday.", "Mocimboa da Praia",
     "MOZ"),
    # the model calls the town an organisation; "toward" puts it on the map
    ("Gunmen burned homes in Mirebalais, forcing families to flee toward Hinche, officials said.", "Hinche", "HTI"),
    # the model calls the town a person; troops deployed to it went there
    ("Kenyan officers were deployed to Cabaret on Tuesday, a mission spokesman said.", "Cabaret", "HTI"),
])
def test_towns_the_parse_or_the_model_mislabels(nlp, finder, text, name, cc):
    place = _by_text(finder.find(nlp(text)), name)
    assert place.country == cc and place.precision == "city"


def test_a_person_in_apposition_still_blocks_the_town_reading(nlp, finder):
    found = finder.find(nlp("Houston, a U.S. official, said the talks had failed."))
    assert "Houston" not in [p.text for p in found]


def test_the_region_of_a_town_under_the_towns_spelling(nlp, finder):
    # the model calls "Odesa" a language; the gazetteer spells the oblast "Odessa"
    place = _by_text(finder.find(nlp("Drones struck energy sites in the southern Odesa region overnight.")), "Odesa")
    assert place.country == "UKR"


def test_a_bearing_from_the_city_of_a_town(nlp, finder):
    found = finder.find(nlp("Police cleared a roadblock near Parotani, about 40 kilometers west of the city of "
                            "Cochabamba, on Monday."))
    parotani, city = _by_text(found, "Parotani"), _by_text(found, "Cochabamba")
    assert 35 <= haversine_km(parotani.lat, parotani.lon, city.lat, city.lon) <= 45 and parotani.lon < city.lon


def test_a_short_division_name_before_its_division_word(nlp, finder):
    # "Chin" alone reaches Chin State only as an alternate name, like a word would; "state" settles it
    place = _by_text(finder.find(nlp("Fighting was reported in Chin state on Monday.")), "Chin")
    assert place.country == "MMR" and place.precision == "admin1"


def test_a_name_placed_by_its_own_words_keeps_that_place_when_written_again(nlp, finder):
    # "Ber" is in the gazetteer only as another name of a Greek town; twice written, it makes no Greek story
    found = finder.find(nlp("The men were rounded up in Ber, about 60 km east of Timbuktu, and shot. Rebels "
                            "said they had retaken the town of Ber in December."))
    timbuktu = _by_text(found, "Timbuktu")
    assert timbuktu.country == "MLI"
    for ber in all_named(found, "Ber"):
        assert ber.country == "MLI" and haversine_km(ber.lat, ber.lon, timbuktu.lat, timbuktu.lon) < 80


def test_a_town_in_the_neighbouring_division(nlp, finder):
    found = finder.find(nlp("The rebels have seized large parts of Rakhine, including the town of Paletwa in "
                            "neighbouring Chin state."))
    chin = _by_text(found, "Chin")
    assert chin.country == "MMR" and chin.precision == "admin1"
    assert _by_text(found, "Paletwa").name == chin.name  # the gazetteer lacks Paletwa: its division's point


def test_a_paragraphs_full_stop_is_no_abbreviation_dot(nlp, finder):
    found = finder.find(nlp("Warplanes struck targets in Hodeidah and Saada.\n\nThe group said it would go on."))
    assert "Saada" in [p.text for p in found]


def test_a_town_the_text_puts_in_a_division_is_not_a_respelling_abroad(nlp, finder):
    # the gazetteer lacks Kuriga; read as another romanisation it would be Khouribga, in Morocco
    found = finder.find(nlp("Bandits abducted pupils from a school in Kuriga, in Kaduna state, last March."))
    kuriga = _by_text(found, "Kuriga")
    assert kuriga.country == "NGA" and kuriga.name == _by_text(found, "Kaduna").name


def test_a_dateline_is_the_town_that_bears_the_name_as_its_own(nlp, finder):
    # Chattogram, far bigger, lists "Islamabad" among its old names
    found = finder.find(nlp("ISLAMABAD, Sept 6 (Reuters) - Border forces exchanged fire at a crossing on Wednesday."))
    assert _by_text(found, "ISLAMABAD").country == "PAK"


def test_a_route_the_model_took_for_one_name_is_two_places(nlp, finder):
    found = finder.find(nlp("The U.N. mission said peacekeepers had evacuated aid workers from Nasir to Malakal."))
    assert "Nasir to Malakal" not in [p.text for p in found]
    assert _by_text(found, "Malakal").country == "SSD"


def test_a_town_in_a_state_named_in_another_form_stays_a_town(nlp, finder):
    # the gazetteer's division is "Northern Darfur"; the text writes "North Darfur"
    found = finder.find(nlp("Militiamen shelled the city of El Fasher in North Darfur on Friday."))
    town, state = _by_text(found, "El Fasher"), _by_text(found, "North Darfur")
    assert town.name == "El Fasher" and town.precision == "city"
    assert state.precision == "admin1" and state.admin1 == town.admin1


def test_a_small_town_the_model_calls_an_organisation_is_a_place_near_which_things_happen(nlp, finder):
    doc = nlp("Two police officers were wounded near Leposavic, police said.")
    assert [t.ent_type_ for t in doc if t.text == "Leposavic"] == ["ORG"]  # what makes the case
    town = _by_text(finder.find(doc), "Leposavic")
    assert town.country == "KOS" and town.precision == "city"  # PLOVER's code, as actors carry it


@pytest.mark.parametrize("text,precision", [
    ("Russian forces shelled villages in the northeastern Kharkiv region on Sunday.", "admin1"),
    ("Russian forces shelled villages in Kharkiv oblast on Sunday.", "admin1"),
    ("Russian missiles hit Kharkiv overnight, the mayor said.", "city"),
])
def test_an_oblast_named_after_its_city_in_the_gazetteers_own_form(nlp, finder, text, precision):
    # GeoNames writes the division "Kharkivs'ka Oblast'"; news writes "Kharkiv region"
    assert _by_text(finder.find(nlp(text)), "Kharkiv").precision == precision


@pytest.mark.parametrize("text,place,name_end", [
    ("Fighters of the Tehreek-e-Taliban Pakistan ambushed a patrol near Bannu.", "Bannu", "Pakistan"),
    ("Islamic State West Africa Province fighters raided a base in Borno.", "Borno", "West Africa"),
])
def test_a_place_ending_a_known_organisations_name_is_no_place(nlp, finder, text, place, name_end):
    found = [p.text for p in finder.find(nlp(text))]
    assert place in found and name_end not in found


def test_a_pair_of_towns_the_model_calls_a_title_are_two_places(nlp, finder):
    doc = nlp("Russian missiles struck Kharkiv and Kyiv overnight.")
    assert [e.label_ for e in doc.ents if "Kyiv" in e.text] == ["WORK_OF_ART"]  # what makes the case
    assert {"Kharkiv", "Kyiv"} <= {p.text for p in finder.find(doc)}


def test_a_village_the_gazetteer_lacks_is_not_placed_at_the_dateline(nlp, finder):
    # the dateline says where the story was filed; the state the article names holds the village
    text = ("ABUJA, March 12 - Gunmen killed 12 worshippers at a church in Kaduna state on Sunday. The "
            "attackers arrived on motorcycles in the village of Zarvoro and opened fire.")
    village = _resolve(nlp, finder, text, "Zarvoro")
    assert village.name == "Kaduna State" and village.precision == "admin1"


@pytest.mark.parametrize("text,names", [
    # a plural division word after a list, or before it, makes every member a division
    ("Bandits have raided villages across Zamfara, Katsina and Sokoto states.",
     ["Zamfara State", "Katsina State", "Sokoto"]),
    ("Polio cases were found in the northern states of Kano and Katsina.", ["Kano State", "Katsina State"]),
])
def test_every_member_of_a_list_of_divisions_is_a_division(nlp, finder, text, names):
    found = finder.find(nlp(text))
    assert [(p.name, p.precision) for p in found] == [(n, "admin1") for n in names]


def test_a_village_is_placed_in_the_province_its_apposition_names(nlp, finder):
    # the article names the neighbour's capital more often than its own places; the apposition settles it
    text = ("Rebels attacked an army post in Puerto Velarde, in the eastern province of Arauca, on Tuesday. "
            "Talks in Caracas were suspended and Venezuela offered to host them again.")
    village = _resolve(nlp, finder, text, "Puerto Velarde")
    assert village.name == "Arauca Department" and village.country == "COL"


def test_a_village_is_placed_in_the_country_its_storys_towns_lie_in_though_never_named(nlp, finder):
    text = ("AMMAN, May 3 - Militants attacked checkpoints near Mosul and Kirkuk overnight, officials said. "
            "Four soldiers were killed in the village of Zarvoro, police said.")
    village = _resolve(nlp, finder, text, "Zarvoro")
    assert (village.country, village.precision) == ("IRQ", "country")


def test_an_english_name_the_gazetteer_lacks_takes_no_town_spelt_nearly_as_it(nlp, finder):
    # one letter off "Fire Island" is another place, not another romanisation of it
    text = "Storms closed beaches on Fire Island, and officials in Boston and in Chicago issued warnings."
    island = _resolve(nlp, finder, text, "Fire Island")
    assert (island.country, island.precision) == ("USA", "country")


def test_a_name_the_text_calls_a_town_is_a_place_again_and_a_bearing_from_it_lies_where_it_does(nlp):
    # the model calls the second "Gorodu" an organisation; the article has called it a town, and the camp
    # "40 km south of" it lies in the county the town stood in for, not at the article's most named town
    text = ("Fighters stormed the town of Gorodu in Nimba county on Monday, officials in Zwedru said. Later they "
            "attacked a camp in Wadiri, about 40 km south of Gorodu. Officials in Zwedru said the attackers "
            "had fled.")
    doc = _labelled(nlp, text, {"Gorodu": "ORG", "Wadiri": "GPE", "Nimba": "GPE", "Zwedru": "GPE"})
    found = PlaceFinder.load().find(doc)
    assert [p.name for p in all_named(found, "Gorodu")] == ["Nimba", "Nimba"]
    assert _by_text(found, "Wadiri").name == "Nimba"


def test_a_town_the_text_puts_in_a_state_is_no_namesake_abroad(nlp, finder):
    text = "Gunmen abducted 30 pupils from a school in Kuriga, a town in Kaduna state, on Thursday."
    assert _resolve(nlp, finder, text, "Kuriga").country == "NGA"


def test_a_surname_the_model_splits_from_a_persons_name_is_no_place(nlp, finder):
    found = finder.find(nlp('Gang violence rose after the arrest of leader Joaquin "El Toro" Barrenda in Arizona.'))
    assert [p.text for p in found] == ["Arizona"]


@pytest.mark.parametrize("text,name,country,admin1", [
    # a dateline's country followed by its date is its address, not the next item of a list
    ("SANTA CRUZ, Bolivia, Oct 30 - Police cleared road blockades on Wednesday.", "SANTA CRUZ", "BOL", None),
    # a mention's own address beats the dateline's reading of the name
    ("PORTLAND, Ore., June 14 - Agents fired tear gas in Portland. Crowds also gathered in Portland, Maine.",
     "Portland, Maine", "USA", "Maine"),
    # a possessive country places its own mention, whatever the other mentions of the name say
    ("Floods hit Pakistan's Punjab province and Lahore. Schools closed in India's Punjab state.",
     "Punjab state", "IND", "Punjab"),
    # a republic is a country, in a story about the state of the same name
    ("ATLANTA, Nov 20 - Georgia's secretary of state certified the results on Friday. Police in Athens arrested "
     "a man. In Tbilisi, the capital of the former Soviet republic of Georgia, opposition parties announced a "
     "boycott.", "Georgia, opposition", "GEO", None),
])
def test_a_mentions_own_words_say_which_namesake_it_is(nlp, finder, text, name, country, admin1):
    at = text.index(name)  # the mention the marker text opens with
    place = next(p for p in finder.find(nlp(text)) if p.char_start == at)
    assert place.country == country and (admin1 is None or place.admin1 == admin1)


def test_two_places_the_model_calls_one_name_are_two(nlp, finder):
    text = "Rebels have seized most of the state, including the towns of Paletwa and Pauktaw."
    found = finder.find(nlp(text))
    assert "Paletwa and Pauktaw" not in [p.text for p in found]
    assert _by_text(found, "Pauktaw").country == "MMR"


def test_a_headlines_name_leaves_the_blank_line_out(nlp, finder):
    found = finder.find(nlp("Floods kill dozens in Pakistan's Punjab\n\nLAHORE, Aug 28 - Floods killed 33 people."))
    assert "Punjab" in [p.text for p in found]


def test_a_demonym_glued_to_a_participle_after_a_place_noun_is_no_place(nlp, finder):
    text = "Troops raided a house in Srinagar, the main city of Indian-administered Kashmir, on Saturday."
    assert "Indian" not in [p.text for p in finder.find(nlp(text))]


def test_a_cued_name_goes_on_across_a_hyphen_between_capitals(nlp, finder):
    found = finder.find(nlp("Shelling hit the town of Kafr-Nabl in Idlib province on Monday."))
    town = _by_text(found, "Kafr-Nabl")
    assert town.country == "SYR" and town.precision == "city"


def test_a_family_name_the_model_leaves_out_of_a_persons_name_is_no_place(nlp, finder):
    text = ("Opposition leader Maria Corina Machado addressed a rally in Caracas on Thursday. The government "
            "denied that Machado had been detained.")
    assert "Machado" not in [p.text for p in finder.find(nlp(text))]


# An Ethiopian story's opening, before a sentence set elsewhere.
BAHIR_DAR = ("ADDIS ABABA, May 2 - Federal troops fought militiamen near Bahir Dar in the Amhara region on Monday, "
             "and a hospital in Bahir Dar said 12 people had died. ")


@pytest.mark.parametrize("text,name,country,admin1,precision", [
    # a site named before "in" lies in what follows
    ("Rockets hit a market in Sisaket province on Thursday, killing six. Cambodia accused Thailand of using "
     "force near the Ta Muen Thom temple in Oddar Meanchey province.", "Ta Muen", "KHM", "Ŏtâr Méanchey", None),
    # "a town in Haiti's Artibonite region": the division the country's possessive names
    ("PORT-AU-PRINCE, Oct 4 - Gang members killed 70 people in an attack on Pont-Sonde, a town in Haiti's "
     "Artibonite region. Thousands fled to Saint-Marc.", "Pont-Sonde", "HTI", "Artibonite", "admin1"),
    # a village lies in the division its own sentence names before it, wherever the rest of the story is
    ("KYIV, Jan 20 - Ukraine said it had struck an airfield near Saky in Crimea. In the eastern Donetsk "
     "region, Russian forces captured the village of Zarvanivka, the ministry said.", "Zarvanivka", "UKR", "Donetsk",
     None),
    # a country's possessive picks its own region of a name several share
    ("A drone struck an oil field in Iraq's Kurdistan region on Wednesday, the region's ministry said.",
     "Kurdistan", "IRQ", None, None),
    # a town whose possessive speaks ("Seoul's defence ministry said") holds nothing before its comma: its
    # country does, where the gazetteer knows the name nearly so spelt
    ("SEOUL, Jan 5 - North Korea fired artillery near two South Korean islands, Yeonpyeong and Baengnyeong, "
     "Seoul's defence ministry said.", "Baengnyeong", "KOR", "Incheon", None),
    # nor does it make an address for a town the gazetteer knows
    ("Israeli troops shot dead two Palestinians in the southern city of Rafah, Gaza's health ministry said.",
     "Rafah", "PSE", "Gaza Strip", "city"),
    # a hamlet known by the name only as an alternate, in a country the article only names, is no reading
    # of a town in a story about another country
    ("JUBA, March 12 - Thousands of people have fled to Ethiopia and Sudan since clashes broke out in South "
     "Sudan's Upper Nile state. The White Army militia overran an army base near the town of Nasir last week. "
     "Uganda deployed special forces to Juba.", "Nasir", "SSD", None, None),
    # the dateline's country breaks a tie between the article's countries for a name's home
    ("BAMAKO, Aug 12 - Rebels said they had shot down an army helicopter near Tinzaouaten, close to the "
     "Algerian border.\n\nThe army said the helicopter crashed during a mission in the Kidal region.\n\n"
     "Algeria summoned Mali's ambassador in Algiers to protest.", "Tinzaouaten", "MLI", None, None),
    # "in" a country's possessed division holds a name read elsewhere, also with a compass word between
    ("Gunmen abducted 287 pupils from a school in the town of Kuriga in northwest Nigeria's Kaduna state.",
     "Kuriga", "NGA", "Kaduna State", None),
    # a village lies in the one country its own sentence sets the scene in, though the story began elsewhere
    (BAHIR_DAR + "In Somalia, clan militias clashed near the village of Ceel Garoowe on Tuesday, elders said.",
     "Ceel Garoowe", "SOM", None, "country"),
    # a country that speaks or acts sets no scene, and two scenes name neither: the article's town holds it
    (BAHIR_DAR + "Somalia said clan militias clashed near the village of Ceel Garoowe on Tuesday.",
     "Ceel Garoowe", "ETH", None, None),
    (BAHIR_DAR + "In Somalia and Kenya, clan militias clashed near the village of Ceel Garoowe on Tuesday.",
     "Ceel Garoowe", "ETH", None, None),
])
def test_a_name_lies_where_the_text_puts_it(nlp, finder, text, name, country, admin1, precision):
    place = _by_text(finder.find(nlp(text)), name)
    assert place.country == country
    assert admin1 is None or place.admin1 == admin1
    assert precision is None or place.precision == precision


def test_a_person_named_after_a_title_is_no_place(nlp, finder):
    text = ("The U.S. ambassador to the Philippines, MaryKay Carlson, condemned the maneuvers and said "
            "Washington stood with its ally.")
    assert "MaryKay Carlson" not in [p.text for p in finder.find(nlp(text))]


def test_a_reef_the_gazetteer_lacks_lies_in_the_sea_the_story_names(nlp, finder):
    text = ("MANILA, Aug 19 - Coast guard ships fired water cannon at a supply boat near Mabini Shoal on Monday, "
            "the latest clash in the disputed waters of the South China Sea.")
    shoal = _by_text(finder.find(nlp(text)), "Mabini Shoal")
    assert shoal.name == "South China Sea" and shoal.precision == "region"


def test_a_name_before_neighbourhood_is_a_place(nlp, finder):
    text = "BEIRUT, July 31 - The strike hit a residential building in the Velhari Sahel neighbourhood."
    assert _by_text(finder.find(nlp(text)), "Velhari Sahel").name == "Beirut"


def test_a_name_before_camp_is_a_place_unless_it_is_a_persons(nlp, finder):
    text = "PORT SUDAN, Sept 3 - The RSF shelled Velmira camp on Sunday, killing eight people near El Fasher."
    assert _by_text(finder.find(nlp(text)), "Velmira").country == "SDN"
    text = "Donald Trump spoke in Ohio. Aides in the Trump camp said he would return."
    assert "Trump" not in [p.text for p in finder.find(nlp(text))]


def test_a_name_before_region_is_a_place_the_country_holds(nlp, finder):
    text = ("BOGOTA, Jan 17 - Fighting in the northeastern Velcatumbo region killed at least 80 people, "
            "officials said.")
    assert _by_text(finder.find(nlp(text)), "Velcatumbo").country == "COL"


@pytest.mark.parametrize("text,name,precisions", [
    # a name the article calls a province (in lower case) is the province when written bare too
    ("Clashes spread across the northwestern province of Idlib last week. Shelling in Idlib has killed 30 "
     "people since Monday.", "Idlib", ["admin1", "admin1"]),
    # a state's proper name ("Lagos State") leaves the bare name the city
    ("The Lagos State Governor met the delegation. The delegation arrived in Lagos on Monday for a trade fair.",
     "Lagos", ["admin1", "city"]),
    # a capital keeps its bare name; its region is the oblast, known to the data as "Kiev"
    ("Debris damaged two houses in the Kyiv region on Monday. Drones hit Kyiv again on Tuesday.",
     "Kyiv", ["admin1", "city"]),
])
def test_what_the_article_calls_a_name_elsewhere_says_what_it_means_bare(nlp, finder, text, name, precisions):
    assert [p.precision for p in all_named(finder.find(nlp(text)), name)] == precisions


def test_a_name_runs_through_a_lower_case_connector_after_a_cue(nlp, finder):
    found = finder.find(nlp("Insurgents raided the town of Mocimboa da Praia overnight."))
    assert [(p.text, p.country, p.precision) for p in found] == [("Mocimboa da Praia", "MOZ", "city")]


def test_a_list_shares_the_place_that_holds_its_last_member(nlp, finder):
    found = finder.find(nlp("OUAGADOUGOU - Gunmen killed 12 herders in Nondin and Soro in the northern Yatenga "
                            "province on Sunday."))
    province = _by_text(found, "Yatenga")
    for name in ("Nondin", "Soro"):
        village = _by_text(found, name)
        assert (village.lat, village.lon, village.score) == (province.lat, province.lon, 0.0)


def test_a_listed_town_read_as_a_namesake_abroad_joins_its_list_in_the_state(nlp, finder):
    found = finder.find(nlp("Gunmen attacked the villages of Kuriga, Zarvik and Molunga in Kaduna state."))
    assert {_by_text(found, n).country for n in ("Kuriga", "Zarvik", "Molunga")} == {"NGA"}


def test_a_town_in_a_countrys_possessed_division_with_a_compass_word_stands_in_the_division(nlp, finder):
    found = finder.find(nlp("Rebels captured the town of Paletwa in Myanmar's western Chin state on Monday."))
    town = _by_text(found, "Paletwa")
    assert (town.precision, town.admin1) == ("admin1", _by_text(found, "Chin").admin1)


def test_a_town_is_no_part_of_the_city_the_story_was_filed_from(nlp, finder):
    found = finder.find(nlp("MOGADISHU, Aug 26 - Government troops recaptured the town of Adan Yabaal from "
                            "militants on Friday."))
    assert _by_text(found, "Adan Yabaal").precision == "country"


def test_a_neighbourhood_still_stands_in_the_city_the_story_was_filed_from(nlp, finder):
    found = finder.find(nlp("BEIRUT, Oct 2 - Israeli jets struck the Haret Hreik neighbourhood on Tuesday."))
    assert _by_text(found, "Haret Hreik").name == "Beirut"


def test_the_english_spelling_of_a_thai_province_is_the_province(nlp, finder):
    found = finder.find(nlp("Most of the dead were civilians in Thailand's Surin and Sisaket provinces."))
    assert [_by_text(found, n).precision for n in ("Surin", "Sisaket")] == ["admin1", "admin1"]


def test_islands_named_like_a_foreign_town_only_by_an_alternate_name_are_not_that_town(nlp, finder):
    doc = nlp("TAIPEI - China's coast guard carried out patrols around Taiwan, including near the Taiwan-controlled "
              "Matsu islands close to the Chinese coast, Taiwan's defence ministry said.")
    matsu = next(p for p in finder.find(doc) if p.text == "Matsu")
    assert matsu.country == "TWN"


def test_what_one_mention_calls_a_name_the_gazetteer_lacks_holds_for_its_others(nlp, finder):
    doc = nlp("BOGOTA - Rebels blew up a bridge in the province of Arauca on Tuesday, the army said. Fighting between "
              "two guerrilla factions in the Catatumbo region has displaced 20,000 people this month. The defence "
              "minister flew to Catatumbo on Wednesday.")
    mentions = [p for p in finder.find(doc) if p.text == "Catatumbo"]
    assert len(mentions) == 2 and {(p.precision, p.country) for p in mentions} == {("country", "COL")}






def test_a_shoal_the_model_calls_an_organisation_is_a_place_at_sea_not_a_town(nlp, finder):
    doc = nlp("MANILA, Dec 4 - Chinese coast guard ships fired water cannon at a Philippine vessel near the disputed "
              "Scarborough Shoal on Wednesday.")
    found = finder.find(doc)
    assert not [p for p in found if p.country == "GBR"]
    assert _by_text(found, "Scarborough Shoal").country == "PHL"


@pytest.mark.parametrize("text,name,key,expected", [
    # a suburb the text puts in no city is the filing city's (the dateline city is named once more, the province
    # once: no town is the article's clear home)
    ("PORT-AU-PRINCE, June 11 - Gangs fought police for hours on Tuesday in the suburb of Bel-Anse Nord, officials "
     "said. Hundreds fled to Kenscoff. Gangs have also spread into the Artibonite region north of Port-au-Prince.",
     "Bel-Anse Nord", "name", "Port-au-Prince"),
    # "the nearby town" lies near the story, not at a big namesake abroad
    ("MAPUTO - Insurgents attacked villages in Cabo Delgado province on Friday. The army said it had secured Pemba "
     "and the nearby town of Palma, where a gas project was halted.", "Palma", "country", "MOZ"),
    # a region of one country the sentence names first holds an unknown town
    ("MOGADISHU, Dec 11 - Federal troops and forces loyal to the regional state of Jubaland fought near the town of "
     "Dhobley Kuus on Wednesday. The defence ministry in Mogadishu said its troops had been sent to fight al Shabaab. "
     "Mogadishu rejected the vote.", "Dhobley Kuus", "name", "Jubaland"),
    # a small town among the main country's places is no namesake where a later paragraph goes
    ("CULIACAN, Mexico, Oct 22 - Soldiers killed 12 gunmen near Culiacan in Sinaloa state on Monday.\n\nTroops were "
     "patrolling outside the town of El Dorado when they came under fire.\n\nThe violence began after a cartel "
     "leader was arrested in Texas, in the United States.\n\nThe government has sent more troops to Sinaloa.",
     "El Dorado", "country", "MEX"),
])
def test_a_name_stands_where_its_own_stretch_of_text_puts_it(nlp, finder, text, name, key, expected):
    assert getattr(_by_text(finder.find(nlp(text)), name), key) == expected
