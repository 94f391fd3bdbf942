from datetime import date

import pytest

from wirecoder.coding.dates import find_dates, resolve_event_date

PUB = date(2016, 4, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("The fighting erupted on Wednesday.", date(2016, 4, 20), "day"),
        ("The United States said on Thursday it was concerned.", date(2016, 4, 21), "day"),
        ("Officials met last Thursday.", date(2016, 4, 14), "day"),
        ("Rebels attacked the base yesterday.", date(2016, 4, 20), "day"),
        ("The army shelled the town on 3 March 2015.", date(2015, 3, 3), "day"),
        ("Talks collapsed on March 30.", date(2016, 3, 30), "day"),
        ("Talks collapsed on Dec. 30.", date(2015, 12, 30), "day"),
        ("In March 2011, protests were crushed.", date(2011, 3, 1), "month"),
        ("The group was founded in 2012.", date(2012, 1, 1), "year"),
        ("The ministry announced the measures last week.", date(2016, 4, 11), "week"),
        ("The strike hit the market two days ago.", date(2016, 4, 19), "day"),
        ("The raid took place on 2016-02-01.", date(2016, 2, 1), "day"),
        # a month alone: the latest one up to publication, the one before it after "last"
        ("Soldiers executed at least 40 villagers in February.", date(2016, 2, 1), "month"),
        ("The rebels have held the town since early April.", date(2016, 4, 1), "month"),
        ("The camp was overrun in June.", date(2015, 6, 1), "month"),
        ("The ceasefire collapsed last April.", date(2015, 4, 1), "month"),
    ],
)
def test_resolves_expressions(text, expected, precision):
    hits = find_dates(text, PUB)
    assert hits, text
    assert hits[0].date == expected
    assert hits[0].precision == precision


def test_future_weekday_points_forward():
    hits = find_dates("The envoy will assess on Friday whether talks can go on.", PUB, future=True)
    assert hits[0].date == date(2016, 4, 22)


def test_modal_may_is_not_a_month():
    assert find_dates("The talks may resume 3 times.", PUB) == []


def test_without_publication_date_keeps_text():
    d = resolve_event_date("clashes on Wednesday", "clashes on Wednesday", None)
    assert d.date is None and d.text == "Wednesday"


def test_defaults_to_publication_date():
    d = resolve_event_date("troops withdrew", "troops withdrew", PUB)
    assert d.date == PUB and d.text is None and not d.explicit


def test_a_day_something_is_called_for_lies_ahead():
    hits = find_dates("Opposition parties called a nationwide strike for Saturday.", PUB)
    assert hits[0].date == date(2016, 4, 23)


def test_a_month_alone_ahead_is_the_next_one():
    assert find_dates("Elections will be held in June.", PUB, future=True)[0].date == date(2016, 6, 1)
    assert find_dates("The envoy returns next April.", PUB)[0].date == date(2017, 4, 1)


@pytest.mark.parametrize("text", ["Protesters march on parliament.", "May God protect them, he said.",
                                  "The march began in the square."])
def test_a_verb_or_a_wish_is_no_month(text):
    assert find_dates(text, PUB) == []
