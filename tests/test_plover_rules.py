"""PLOVER's single-category rules for intentions, on hand-made actors."""

from wirecoder.coding.plover_rules import single_category
from wirecoder.schema import ActorRef

RUS = ActorRef(text="Russia", name="Russia", country="RUS", sectors=["GOV"])
UKR = ActorRef(text="Ukraine", name="Ukraine", country="UKR", sectors=["GOV"])
REBELS = ActorRef(text="rebels", name="rebels", country="COD", sectors=["REB"])


def rule(event_type, modality, cue, actors, speaker, modes=(), lemma="x", texts=()):
    return single_category(event_type, modality, cue, actors, speaker, trigger_modes=modes, trigger_lemma=lemma,
                           actor_texts=texts)


def test_future_cooperation_is_agree():
    assert rule("CONSULT", "future", "will", [RUS], None)[0] == "AGREE"


def test_own_stated_force_is_a_threat_but_a_forecast_is_not():
    assert rule("ASSAULT", "future", "will", [RUS], RUS) == ("THREATEN", "asserted")
    assert rule("ASSAULT", "future", "will", [RUS], UKR) == ("ASSAULT", "future")
    assert rule("SANCTION", "future", "plan", [RUS], None) == ("THREATEN", "asserted")


def test_announced_withdrawal_is_concede_and_conditional_one_a_threat():
    assert rule("RETREAT", "future", "will", [RUS], None, modes=("withdraw",)) == ("CONCEDE", "asserted")
    assert rule("RETREAT", "future", "unless", [RUS], RUS, modes=("withdraw",)) == ("THREATEN", "asserted")


def test_refusal_of_cooperation_is_reject_but_denial_is_not():
    assert rule("CONSULT", "negated", "not", [RUS], RUS) == ("REJECT", "asserted")
    assert rule("CONSULT", "negated", "deny", [RUS], RUS) == ("CONSULT", "negated")


def test_preparing_an_attack_is_mobilize():
    assert rule("ASSAULT", "future", "prepare", [RUS], None)[0] == "MOBILIZE"


def test_non_state_blocking_is_protest_state_blocking_is_coercion():
    assert rule("COERCE", "asserted", None, [REBELS], None, lemma="block")[0] == "PROTEST"
    assert rule("COERCE", "asserted", None, [RUS], None, lemma="block")[0] == "COERCE"


def test_peacekeepers_are_aid():
    assert rule("MOBILIZE", "asserted", None, [RUS], None, texts=["Russian peacekeepers"])[0] == "AID"
