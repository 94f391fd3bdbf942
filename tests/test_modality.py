import pytest

from wirecoder.coding.modality import analyse
from wirecoder.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _modality(nlp, text: str, verb: str):
    doc = nlp(text)
    sent = next(doc.sents)
    anchor = next(t for t in sent if t.lemma_ == verb)
    return analyse(anchor, sent)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Government troops attacked the village on Monday.", "attack", "asserted"),
        ("Government troops did not attack the village.", "attack", "negated"),
        ("The army denied shelling the town.", "shell", "negated"),
        ("Rebels will attack the base next week.", "attack", "future"),
        ("The ministry plans to impose a curfew.", "impose", "future"),
        ("The rebels could attack the capital.", "attack", "hypothetical"),
        ("If talks fail, the army would launch an offensive.", "launch", "hypothetical"),
        ("Police arrested ten protesters, a spokesman said.", "arrest", "reported"),
        ("Police arrested ten protesters, according to witnesses.", "arrest", "reported"),
        # "push" governs an attempt ("pushed to capture"); a clause saying when or while does not
        ("Rebels pushed south toward the city after capturing most of the province.", "capture", "asserted"),
        ("Rebels pushed south as jets pounded the province.", "pound", "asserted"),
        ("Rebels pushed to capture the city.", "capture", "hypothetical"),
        # reported speech moves "will" back to "would": a future act, unless conditional or counterfactual
        ("The ministry said it would deploy more police to the border.", "deploy", "future"),
        ("The ministry said it would deploy more police if the protests continued.", "deploy", "hypothetical"),
        ("Officials said the floods would have destroyed the dam.", "destroy", "hypothetical"),
        ("The rebels said they would keep fighting until the army left the town.", "leave", "hypothetical"),
        # a verb of saying coordinated with the event does not report it
        ("The president declared an emergency and imposed a curfew on the capital.", "impose", "asserted"),
        # a past-tense conjunct keeps its own polarity; an appeal is the speaker's own (modality.speakers_directive)
        ("The minister said Ankara was not involved in the offensive and urged Damascus to talk.", "urge", "asserted"),
        # a trailing "a charge X denied" the parser makes the head denies nothing of the charge's own making
        ("Thailand accused Cambodian troops of violating the truce, a charge Phnom Penh denied.", "accuse",
         "asserted"),
        # what is banned or prevented does not happen, but a participle beside the ban does
        ("The aviation agency banned U.S. carriers from flying to Haiti for 30 days.", "fly", "negated"),
        ("Police prevented protesters from marching to the parliament.", "march", "negated"),
        ("Truckers blocked three border crossings on Monday, protesting against competition.", "protest", "asserted"),
    ],
)
def test_modality(nlp, text, verb, expected):
    assert _modality(nlp, text, verb).modality == expected


def test_speaker_is_subject_of_reporting_verb(nlp):
    res = _modality(nlp, "Militants kidnapped two engineers, the governor told reporters.", "kidnap")
    assert res.modality == "reported"
    assert res.speaker is not None and res.speaker.text == "governor"
