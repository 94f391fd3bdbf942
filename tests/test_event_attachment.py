"""What an event takes from its sentence (its date, its actors' country), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.pipeline import Pipeline, Resources
from wirecoder.schema import Article

PUBLISHED = date(2026, 11, 20)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Resources.load())


def _events(pipeline: Pipeline, text: str) -> list[dict]:
    article = Article(id=Article.make_id(text), text=text, published=PUBLISHED)
    return [e.to_dict() for ca in pipeline.code_articles([article]) for e in ca.events]


def test_a_request_is_dated_when_made_not_when_the_requested_act_is_due(pipeline):
    events = _events(pipeline, "The UN envoy urged both sides to return to talks in Vienna next month.")
    request = next(e for e in events if e["event_type"] == "REQUEST")
    assert request["date"] == "2026-11-20"


def test_the_events_own_time_expression_dates_it(pipeline):
    events = _events(pipeline, "Kurdish forces routed Islamic State militants in Qamishli on Monday.")
    assault = next(e for e in events if e["event_type"] == "ASSAULT")
    assert assault["date"] == "2026-11-16" and assault["date_text"] == "Monday"


def test_actors_without_a_country_take_their_sentences_not_the_articles(pipeline):
    # The article is mostly about Mali; the Lagos sentence's protesters are Nigerian.
    text = ("Soldiers in northern Mali killed five militants near Gao on Sunday. Mali's army said more "
            "operations near Timbuktu and Mopti would follow.\n\n"
            "Police in Lagos arrested 40 protesters who had marched on the state assembly.")
    events = _events(pipeline, text)
    coerce = next(e for e in events if e["event_type"] == "COERCE")
    assert [r["country"] for r in coerce["recipient"]] == ["NGA"]
    assault = next(e for e in events if e["event_type"] == "ASSAULT")
    assert [r["country"] for r in assault["recipient"]] == ["MLI"]


def _by_type(events: list[dict], event_type: str) -> dict:
    return next(e for e in events if e["event_type"] == event_type)


def test_a_deed_in_a_sentence_naming_no_place_happened_where_the_paragraphs_last_deed_did(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. "
            "Police fired tear gas to disperse the crowd.")
    coerce = _by_type(_events(pipeline, text), "COERCE")
    assert coerce["location"]["name"] == "Kisumu"


def test_a_new_paragraph_or_a_new_place_is_a_new_scene(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday.\n\n"
            "Police fired tear gas to disperse the crowd.")
    assert _by_type(_events(pipeline, text), "COERCE")["location"] is None
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. Ministers met in Nairobi. "
            "Police fired tear gas to disperse the crowd.")
    assert _by_type(_events(pipeline, text), "COERCE")["location"] is None


def test_a_statement_takes_no_place_from_the_sentence_before(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. "
            "The opposition accused the government of starving the poor.")
    assert _by_type(_events(pipeline, text), "ACCUSE")["location"] is None


def test_strikes_that_hit_something_are_attacks_not_walkouts(pipeline):
    events = _events(pipeline, "The strikes hit a building near the port and a car on the coastal road.")
    assert "PROTEST" not in {e["event_type"] for e in events}
    assert "ASSAULT" in {e["event_type"] for e in events}
    events = _events(pipeline, "Dock workers in Mombasa went on strike on Monday over unpaid wages.")
    assert "PROTEST" in {e["event_type"] for e in events}
