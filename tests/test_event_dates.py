"""Which time expression dates which event, on sentences written for these tests."""

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
