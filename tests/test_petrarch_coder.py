"""PETRARCH verb dictionaries and the verb coder, on small dictionaries and sentences written for these tests."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from wirecoder.coding.actors import ActorResolver
from wirecoder.coding.petrarch_coder import PetrarchVerbCoder, plover_for
from wirecoder.nlp.pipeline import load_nlp
from wirecoder.resources.petrarch_dict import load_dictionaries
from wirecoder.resources.petrarch_verbs import (
    VerbDictionaryError,
    inflect,
    load_discards,
    load_verb_dictionary,
    parse_verb_lines,
)

ACTORS = """\
<!-- test actors -->
VELMORA [VLM]
+VELMORAN
KASTRIA [KST]
+KASTRIAN
TORVAL_ [TRV]
THE_FAR_ISLES [ISA/ISB]
"""

AGENTS = """\
MINISTER [~GOV]
SOLDIER [~MIL]
"""

VERBS = """\
<!-- test verbs -->
&COINSYN
+CROWNS
+SILVER_MARKS

--- PRAISE [051] ---
PRAISE   # a comment
- * &COINSYN [071]
- WILL NOT * [---]

--- SHELL [190] ---
SHELL {SHELLS SHELLED SHELLING}
- * WITH ARTILLERY [194]

--- VISIT [042:043] ---
VISIT

--- RENEW [---] ---
RENEW
- * TIES [064:064]

--- FREE [084] ---
FREE
- + * FROM $ [084]

--- WALK [---] ---
WALK
+WALK_OUT {+WALKED_OUT +WALKING_OUT} [125]

--- PROPOSE [100] ---
PROPOSE
- * HOLD TALKS [031]
"""

DISCARDS = """\
CHESS OLYMPIAD
+SPELLING BEE
"""


@pytest.fixture(scope="module")
def dicts(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("petrarch")
    (d / "actors.txt").write_text(ACTORS)
    (d / "agents.txt").write_text(AGENTS)
    (d / "verbs.txt").write_text(VERBS)
    (d / "discards.txt").write_text(DISCARDS)
    return d


@pytest.fixture(scope="module")
def coder(dicts: Path) -> PetrarchVerbCoder:
    resolver = ActorResolver(load_dictionaries([dicts / "actors.txt", dicts / "agents.txt"]))
    return PetrarchVerbCoder(resolver, load_verb_dictionary(dicts / "verbs.txt"),
                             discards=load_discards(dicts / "discards.txt"))


def triples(coder: PetrarchVerbCoder, text: str) -> set[tuple[str, str, str]]:
    doc = load_nlp()(text)
    return {(e.source_code, e.target_code, e.cameo_code) for e in coder.code_doc(doc, date(2020, 5, 1))}


# ---- loader ----------------------------------------------------------------------------------
def test_loader_reads_blocks_forms_synsets_and_codes(dicts: Path) -> None:
    vd = load_verb_dictionary(dicts / "verbs.txt")
    assert vd.synsets["COINSYN"] == (("CROWNS",), ("SILVER", "MARKS"))
    assert [v.block for v in vd.verbs_for("praised")] == ["PRAISE"]
    walk = next(v for v in vd.verbs_for("walked") if v.post == ("OUT",))
    assert walk.word == "WALK" and walk.code is not None and walk.code.forward == "125"
    visit = next(b for b in vd.blocks if b.label == "VISIT")
    assert (visit.code.forward, visit.code.reverse) == ("042", "043")
    pat = vd.patterns_of["FREE"][0]
    assert [e.kind for e in pat.before] == ["target"] and [e.kind for e in pat.after] == ["word", "source"]


def test_inflect_follows_regular_spelling() -> None:
    assert {"PRAISES", "PRAISED", "PRAISING"} <= inflect("praise")
    assert {"DENIES", "DENIED", "DENYING"} <= inflect("deny")
    assert "PRAISEDS" not in inflect("praise")


@pytest.mark.parametrize("text, fragment", [
    ("--- HAIL [041] ---\nHAIL\n- * GREETINGS\n", "has no code"),
    ("--- HAIL [041] ---\nHAIL\n- * &NOPE [041]\n", "&NOPE"),
    ("HAIL [041]\n", "outside any verb block"),
    ("--- HAIL [041] ---\nHAIL\n- GREETINGS [041]\n", "exactly one '*'"),
])
def test_loader_errors_name_file_line_and_fix(text: str, fragment: str) -> None:
    with pytest.raises(VerbDictionaryError) as err:
        parse_verb_lines(text.splitlines(), "mine.txt")
    assert "mine.txt:" in str(err.value) and fragment in str(err.value)


def test_missing_file_says_which_option(tmp_path: Path) -> None:
    with pytest.raises(VerbDictionaryError, match="--verb-dict"):
        load_verb_dictionary(tmp_path / "nope.txt")


# ---- coder -----------------------------------------------------------------------------------
def test_subject_verb_object(coder: PetrarchVerbCoder) -> None:
    assert triples(coder, "Velmora praised Kastria on Monday.") == {("VLM", "KST", "051")}


def test_pattern_with_synset_beats_the_verb_code(coder: PetrarchVerbCoder) -> None:
    assert triples(coder, "Velmora praised Kastria with a gift of silver marks.") == {("VLM", "KST", "071")}


def test_null_pattern_blocks_the_event(coder: PetrarchVerbCoder) -> None:
    assert triples(coder, "Velmora will not praise Kastria.") == set()


def test_agent_and_country_combine_and_more_specific_pattern(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "Kastrian soldiers shelled Torval with artillery.")
    assert got == {("KSTMIL", "TRV", "194")}


def test_two_way_code(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "The Velmoran minister visited Kastria last week.")
    assert got == {("VLMGOV", "KST", "042"), ("KST", "VLMGOV", "043")}


def test_passive_by_phrase_is_the_source(coder: PetrarchVerbCoder) -> None:
    assert triples(coder, "Torval was shelled by Kastria.") == {("KST", "TRV", "190")}


def test_marked_target_before_and_source_after_the_verb(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "Torval has freed its prisoners from Kastria.")
    assert ("KST", "TRV", "084") in got


def test_compound_subject_without_target_codes_between_members(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "Velmora and Kastria renewed their ties.")
    assert got == {("VLM", "KST", "064"), ("KST", "VLM", "064")}


def test_compound_subject_gives_one_event_each(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "Velmora and Torval praised Kastria.")
    assert got == {("VLM", "KST", "051"), ("TRV", "KST", "051")}


def test_multiword_verb(coder: PetrarchVerbCoder) -> None:
    assert ("VLM", "KST", "125") in triples(coder, "Velmora walked out on Kastria.")


def test_slash_codes_give_one_actor_each(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "The Far Isles praised Kastria.")
    assert got == {("ISA", "KST", "051"), ("ISB", "KST", "051")}


def test_dangling_hyphen_prefix_reads_as_anti_x(coder: PetrarchVerbCoder) -> None:
    doc = load_nlp()("Velmora praised an anti- Kastria rally on Monday.")
    assert len(list(doc.sents)) == 1 and [t.text for t in doc[3:6]] == ["anti", "-", "Kastria"]
    assert triples(coder, "Velmora praised an anti- Kastria rally on Monday.") == {("VLM", "KST", "051")}


def test_noun_parsed_as_compound_of_a_verb_is_its_subject(coder: PetrarchVerbCoder) -> None:
    from spacy.tokens import Doc

    # A parse the model gives for "Ethiopia act on ...": the subject hung on the verb as a compound.
    words = ["Velmora", "praise", "Kastria", ",", "an", "official", "said", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, False, True, True, True, False, False],
              heads=[1, 6, 1, 6, 5, 6, 6, 6], deps=["compound", "ccomp", "dobj", "punct", "det", "nsubj",
                                                       "ROOT", "punct"],
              tags=["NNP", "VBP", "NNP", ",", "DT", "NN", "VBD", "."],
              pos=["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"])
    got = {(e.source_code, e.target_code, e.cameo_code) for e in coder.code_doc(doc)}
    assert got == {("VLM", "KST", "051")}


def test_actors_come_from_a_prepositional_phrase_when_the_head_names_none(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "The summit between Velmora and Torval praised Kastria.")
    assert got == {("VLM", "KST", "051"), ("TRV", "KST", "051")}


def test_bare_participle_clause_codes_no_event(coder: PetrarchVerbCoder) -> None:
    # PETRARCH reads a participle with neither subject nor auxiliary as a modifier, not a verb.
    assert triples(coder, "Shelled by Kastria, Torval appealed for calm.") == set()
    assert triples(coder, "Praised by Kastria, the Velmoran minister thanked the crowd.") == set()


def test_uncoded_complement_lends_no_target(coder: PetrarchVerbCoder) -> None:
    # "discuss" is no dictionary verb: Kastria is its partner, not the proposal's target
    assert triples(coder, "Velmora proposed to discuss the matter with Kastria.") == set()
    # a coded complement verb, or a pattern that reaches into the complement, still lends it
    assert ("VLM", "KST", "100") in triples(coder, "Velmora proposed to visit Kastria.")
    assert triples(coder, "Velmora proposed to hold talks with Kastria.") == {("VLM", "KST", "031")}


def test_coordinated_member_takes_its_inner_actor(coder: PetrarchVerbCoder) -> None:
    got = triples(coder, "The Velmoran minister and the people of Kastria praised Torval.")
    assert got == {("VLMGOV", "TRV", "051"), ("KST", "TRV", "051")}


def test_unknown_form_target_and_discard_give_nothing(coder: PetrarchVerbCoder) -> None:
    assert triples(coder, "Velmora praiseds Kastria.") == set()
    assert triples(coder, "Velmora praised the weather.") == set()
    assert triples(coder, "Velmora praised Kastria at the chess olympiad.") == set()


def test_to_events_maps_cameo_to_plover(coder: PetrarchVerbCoder) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from wirecoder.schema import EVENT_JSON_SCHEMA

    text = "Kastrian soldiers shelled Torval with artillery."
    evs = coder.code_doc(load_nlp()(text), date(2020, 5, 1))
    out = coder.to_events(evs, article_id="a1", text=text, published=date(2020, 5, 1))
    assert len(out) == 1
    ev = out[0]
    assert (ev.event_type, ev.mode, ev.cameo_root, ev.quad_class) == ("ASSAULT", ["heavy-weapons"], "19", 4)
    assert ev.actor[0].country == "KST" and ev.recipient[0].country == "TRV"
    jsonschema.validate(ev.to_dict(), EVENT_JSON_SCHEMA)


def test_plover_table_longest_prefix_and_dropped_roots() -> None:
    assert plover_for("0841") == ("RETREAT", "release")
    assert plover_for("083") == ("CONCEDE", None)
    assert plover_for("173") == ("COERCE", "arrest")
    assert plover_for("010") is None  # public statements have no PLOVER type
    assert plover_for("xyz") is None


# ---- PETRARCH2's own suite (shared development data) -----------------------------------------
def _shared() -> Path:
    env = os.environ.get("WIRECODER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.shared
def test_petrarch2_regression_suite_floor() -> None:
    suite = _shared() / "data" / "petrarch2_unittest"
    if not (suite / "petr_unittest_gold.jsonl").is_file():
        pytest.skip("shared PETRARCH2 regression suite not present")
    from wirecoder.evaluation.petrarch import run_petrarch_eval

    r = run_petrarch_eval(suite / "petr_unittest_gold.jsonl", suite / "dictionaries")
    # Measured floor (eval/petrarch.py: 328/358 found, precision 328/347); about 30 of the gold triples
    # cannot be produced by any consistent coder (targets coded "---", duplicated sentences with
    # contradicting gold). The two no-event records left (ERROR-02/03) repeat DEMO-00's text, which
    # must code an event.
    assert r["gold_triples"] == 358
    assert r["found"] >= 328
    assert r["precision"] >= 0.94
    assert r["noevent_errors"] <= 2
