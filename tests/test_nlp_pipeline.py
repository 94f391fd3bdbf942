"""The spaCy pipeline's own rules: sentence starts at line breaks and the tokenizer's hyphen splits."""

from __future__ import annotations

import pytest

from wirecoder.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_line_breaks_end_headlines_and_paragraphs_but_not_wrapped_lines(nlp):
    text = ("Talks stall in Geneva\n"
            "Kurdish forces fought militiamen in the northeastern city of\n"
            "Qamishli on Wednesday, a monitoring group said.\n\n"
            "Short item\n"
            "Another item.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "Talks stall in Geneva"
    assert any(s.startswith("Kurdish forces") and "Qamishli on Wednesday" in s for s in sents)
    assert "Short item" in sents and "Another item." in sents


def test_abbreviation_before_a_hyphenated_word_is_its_own_token(nlp):
    assert [t.text for t in nlp("a U.S.-led raid")] == ["a", "U.S.", "-", "led", "raid"]
    assert [t.text for t in nlp("a Syrian-led raid")] == ["a", "Syrian", "-", "led", "raid"]


def test_a_dash_typed_as_two_hyphens_is_a_word_of_its_own(nlp):
    assert [t.text for t in nlp("PLEASANTON, Calif.--Acme said")] == ["PLEASANTON", ",", "Calif.", "--", "Acme", "said"]
    assert [t.text for t in nlp("then--as now--it held")] == ["then", "--", "as", "now", "--", "it", "held"]
    assert [t.text for t in nlp("a well-known anti- war x-ray")] == [
        "a", "well", "-", "known", "anti", "-", "war", "x", "-", "ray"]
