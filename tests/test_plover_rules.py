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


def test_a_walkout_a_source_reports_is_no_threat_of_the_actors():
    opposition = ActorRef(text="the opposition", name="opposition", country="SYR", sectors=["OPP"])
    source = ActorRef(text="a source close to the opposition", name="opposition", country="SYR", sectors=["OPP"])
    assert rule("SANCTION", "future", "will", [opposition], opposition) == ("THREATEN", "asserted")
    assert rule("SANCTION", "future", "will", [opposition], source) == ("SANCTION", "future")


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


def test_armed_men_arriving_are_deployed_but_a_minister_or_a_general_visits():
    troops = ActorRef(text="Russian troops", name="Russian troops", country="RUS", sectors=["MIL"])
    assert rule("CONSULT", "asserted", None, [troops], None, lemma="arrive", texts=["Russian troops"])[0] == "MOBILIZE"
    assert rule("CONSULT", "asserted", None, [REBELS], None, lemma="arrive", texts=["rebels"])[0] == "MOBILIZE"
    militia = ActorRef(text="the militia", name="militia", country=None, sectors=["MLA"])  # armed, as in derived
    assert rule("CONSULT", "asserted", None, [militia], None, lemma="arrive", texts=["the militia"])[0] == "MOBILIZE"
    defmin = ActorRef(text="Sergei Shoigu", name="Sergei Shoigu", country="RUS", sectors=["GOV", "MIL"])
    assert rule("CONSULT", "asserted", None, [defmin], None, lemma="arrive", texts=["Sergei Shoigu"])[0] == "CONSULT"
    chief = ActorRef(text="the army chief", name="army chief", country="COD", sectors=["MIL"])
    assert rule("CONSULT", "asserted", None, [chief], None, lemma="arrive", texts=["the army chief"])[0] == "CONSULT"
    assert rule("CONSULT", "asserted", None, [troops], None, lemma="meet", texts=["Russian troops"])[0] == "CONSULT"


def test_opposition_supporters_gathering_demonstrate_while_leaders_gathering_meet():
    supporters = ActorRef(text="opposition supporters", name="opposition supporters", country=None, sectors=["OPP"])
    assert rule("CONSULT", "asserted", None, [supporters], None, lemma="gather")[0] == "PROTEST"
    assert rule("CONSULT", "asserted", None, [RUS], None, lemma="gather")[0] == "CONSULT"
    assert rule("CONSULT", "asserted", None, [supporters], None, lemma="meet")[0] == "CONSULT"
