"""Extract: furniture removal, HTML metadata, language, dates, junk."""

from __future__ import annotations

from datetime import date

from wirecoder.extract import ExtractOptions, clean_text, extract, parse_published
from wirecoder.ingest.synthetic import html_page, make_story, text_page
from wirecoder.schema import Article, RawDocument, SkippedInput


def test_plain_text_furniture_dropped():
    story = make_story(7)
    a = extract(RawDocument(key="k", text=text_page(story, site="Coastal Herald")))
    assert isinstance(a, Article)
    assert a.text == "\n\n".join(story.paragraphs)
    assert a.title == story.title and a.source == "Coastal Herald"
    for junk in ("Related posts", "comments", "Comments are closed", "Coastal Herald"):
        assert junk not in a.text


def test_furniture_lines():
    body = ("Police arrested twelve protesters in Lagos on Tuesday after a march on the ministry. "
            "Officials said the march had not been authorised.")
    page = "\n\n".join([
        "Evening Dispatch", "Arrests in Lagos", "By Jane Doe", "April 21, 2016", "Share Facebook Twitter Email",
        body, "Photo: REUTERS/John Smith", "Reporting by Jane Doe; Editing by Tom Roe", body.replace("twelve", "nine"),
        "Advertisement", "Read more:", "Troops shelled the city", "Another headline here", "Reuters News Service",
        "12 comments", "Leave a reply", "© 2024 Evening Dispatch. All rights reserved."])
    c = clean_text(page)
    assert c.text == body + "\n\n" + body.replace("twelve", "nine")
    assert (c.site, c.title, c.date_text) == ("Evening Dispatch", "Arrests in Lagos", "April 21, 2016")


def test_headline_only_item_kept():
    # Nothing reads as prose: keep it rather than drop an item that may be a one-line report.
    assert clean_text("Troops shelled the border town overnight").text == "Troops shelled the border town overnight"


def test_html_extraction_metadata():
    story = make_story(3)
    a = extract(RawDocument(key="k", html=html_page(story, site="Metro Wire"), url="https://www.metro.example/a"))
    assert isinstance(a, Article)
    assert a.title == story.title and a.source == "Metro Wire"
    assert a.published == date.fromisoformat(story.published)
    assert a.id == Article.make_id(a.text)
    assert story.paragraphs[0] in a.text and story.paragraphs[-1] in a.text
    for junk in ("Related posts", "comments", "All rights reserved", "Subscribe", "Privacy policy", "Facebook"):
        assert junk not in a.text


def test_same_story_different_furniture_same_id():
    story = make_story(11)
    ids = {extract(RawDocument(key=str(v), html=html_page(story, site=s, variant=v))).id
           for v, s in enumerate(["The Daily Ledger", "Metro Wire", "Capital Times"])}
    ids.add(extract(RawDocument(key="t", text=text_page(story, site="Coastal Herald", variant=4))).id)
    assert len(ids) == 1


def test_non_english_skipped_with_reason():
    fr = ("La police a arrêté douze manifestants mardi à Lyon après des affrontements près de la préfecture. "
          "Le ministre de l'Intérieur a condamné les violences et promis une enquête sur la mort de deux personnes.")
    res = extract(RawDocument(key="fr.txt", text=fr))
    assert isinstance(res, SkippedInput) and "'fr'" in res.reason and res.stage == "extract"


def test_empty_and_huge():
    assert "no article text" in extract(RawDocument(key="e", html="<html><body><nav>Home</nav></body></html>")).reason
    big = "Police arrested ten protesters in Lima on Monday, officials said. " * 200
    res = extract(RawDocument(key="b", text=big), ExtractOptions(max_chars=5000))
    assert isinstance(res, SkippedInput) and "over the 5,000 cap" in res.reason


def test_published_parsing():
    assert parse_published("2016-04-21T10:00:00Z") == date(2016, 4, 21)
    assert parse_published("Thu, 21 Apr 2016 10:00:00 GMT") == date(2016, 4, 21)
    assert parse_published("Published: April 21, 2016") == date(2016, 4, 21)
    assert parse_published("no date here") is None
    assert parse_published("2999-01-01") is None


def test_a_hard_wrapped_paragraph_is_unwrapped():
    para = ("Kurdish forces fought militiamen in the northeastern city of\n"
            "Qamishli on Wednesday, a monitoring group said, as talks in Geneva stalled and\n"
            "the opposition delegation left the Swiss city for Riyadh on a late flight.")
    c = clean_text("Talks stall\n\n" + para + "\n\nA second paragraph ends the story here, officials said.")
    assert "city of Qamishli on Wednesday" in c.text and "stalled and the opposition" in c.text
    assert c.text.count("\n\n") == 1  # the two paragraphs stay apart
