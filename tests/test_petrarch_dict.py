"""PETRARCH/TABARI dictionaries: parsing, dated codes, agents, and coding with them."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from wirecoder.coding.actors import ActorResolver
from wirecoder.resources.petrarch_dict import (
    DictionaryError,
    load_dictionaries,
    mix_codes,
    parse_code,
    prefix_codes,
)

# A small dictionary written for this test in the TABARI format (invented places and people).
ACTORS = """<!-- test actors
   spanning comment lines # with hashes -->
VELMORA [VLM]
+VELMORAN
+PORT_ESKEL  # a synonym
ZANTHIR_ [ZNT]
QUILLBRIDGE
\t[QLB]
OSRIC BANE # a person with dated codes
\t[QLB < 950601]
\t[QLBGOV 19950601 - 19990815]
\t[QLBREB > 990816]
NAMELESS ONE [---]
VELMORA ARMY [VLMMIL]
HIGH_TOWER [QLBGOV]
THE_TWIN_PORTS [TPA/TPB]
VELMORA BROADCASTER [VLMBRD]
IRON_HARBOUR [IRH]
"""
AGENTS = """!PERSON! = MAN, MEN
PRESIDENT [~GOV]
TROOPS {} [~MIL]
ASSEMBLY!PERSON! [~LEG]
RELIEF_GROUP [NGO~]
ZEALOT [~REL]
MEDIA {} [~MED]
OFFICIAL [~GOV]
"""


@pytest.fixture(scope="module")
def r(tmp_path_factory) -> ActorResolver:
    d = tmp_path_factory.mktemp("dicts")
    (d / "a.actors.txt").write_text(ACTORS)
    (d / "a.agents.txt").write_text(AGENTS)
    return ActorResolver.load([d / "a.actors.txt", d / "a.agents.txt"])


def test_parse_code_blocks():
    assert parse_code("HOB", "x") == ("HOB", None, None)
    assert parse_code("HOBGOV 19950601 - 19990815", "x") == ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15))
    assert parse_code("HOB < 950601", "x") == ("HOB", None, date(1995, 6, 1))
    assert parse_code("---", "x") == ("", None, None)
    assert parse_code("fro/BIL/sam", "x") == ("FRO/BIL/SAM", None, None)
    with pytest.raises(DictionaryError, match="x: bad date"):
        parse_code("HOB < 951301", "x")


def test_actor_codes_synonyms_and_agents(r):
    assert r.resolve_code("Velmora") == "VLM"
    assert r.resolve_code("the Velmoran president") == "VLMGOV"
    assert r.resolve_code("Port Eskel") == "VLM"
    assert r.resolve_code("Quillbridge troops") == "QLBMIL"
    assert r.resolve_code("Velmora army") == "VLMMIL"
    assert r.resolve_code("Zanthir assemblymen") == "ZNTLEG"
    ref = r.resolve("Quillbridge troops")
    assert ref is not None and (ref.country, ref.sectors, ref.name) == ("QLB", ["MIL"], "Quillbridge")


def test_stems_and_exact_entries(r):
    assert r.resolve_code("the Velmorans") == "VLM"  # VELMORA matches as a stem
    assert r.resolve_code("Zanthirian") is None  # ZANTHIR_ is whole-word only


def test_dated_codes_follow_the_event_date(r):
    assert r.resolve_code("Osric Bane", on=date(1994, 1, 1)) == "QLB"
    assert r.resolve_code("Osric Bane", on=date(1997, 1, 1)) == "QLBGOV"
    assert r.resolve_code("Osric Bane", on=date(2001, 1, 1)) == "QLBREB"


def test_null_codes_and_prefix_agents(r):
    assert r.resolve("Nameless One") is None
    ref = r.resolve("the relief group")
    assert ref is not None and ref.country == "NGO"


def test_prefix_agents_go_before_the_actor_code(r):
    assert r.resolve_code("the Velmora relief group") == "NGOVLM"
    assert r.resolve_code("Velmoran relief group officials") == "NGOVLMGOV"
    assert r.resolve_code("a relief group official") == "NGOGOV"
    assert r.resolve_code("the relief group") == "NGO"


def test_agents_mix_into_a_coded_entry(r):
    # PETRARCH appends each agent's code that the entry's code lacks
    assert r.resolve_code("High Tower officials") == "QLBGOV"
    assert r.resolve_code("former High Tower officials") == "QLBGOVELI"
    assert r.resolve_code("Velmora zealot media") == "VLMRELMED"


def test_slash_codes_are_kept_whole(r):
    assert r.resolve_code("The Twin Ports") == "TPA/TPB"
    assert r.resolve_code("The Twin Ports officials") == "TPAGOV/TPBGOV"
    ref = r.resolve("The Twin Ports")
    assert ref is not None and ref.country == "TPA"


def test_spaced_names_allow_words_between_underscored_do_not(r):
    assert r.resolve_code("the Velmora state-run broadcaster") == "VLMBRD"
    assert r.resolve_code("the Velmora broadcaster") == "VLMBRD"
    assert r.resolve_code("Iron Harbour") == "IRH"
    assert r.resolve_code("Iron old Harbour") is None


def test_code_helpers():
    assert mix_codes("USAGOV", ["GOV", "ELI"]) == "USAGOVELI"
    assert mix_codes("FRO/BIL", ["MIL"]) == "FROMIL/BILMIL"
    assert prefix_codes("NGO~", "ARNGOV") == "NGOARNGOV"
    assert prefix_codes("NGO~", "---GOV") == "NGOGOV"
    assert prefix_codes("NGO~", None) == "NGO"


def test_builtin_kb_still_answers(r):
    assert r.resolve_code("Syrian troops") == "SYRMIL"


def test_missing_file_names_the_fix(tmp_path):
    with pytest.raises(DictionaryError, match="--actor-dict"):
        load_dictionaries([tmp_path / "nope.txt"])


def test_orphan_synonym_is_an_error(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("+LONELY\n")
    with pytest.raises(DictionaryError, match="bad.txt:1"):
        load_dictionaries([p])


def _shared() -> Path:
    env = os.environ.get("WIRECODER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.shared
def test_petrarch_validation_dictionaries_load():
    d = _shared() / "data" / "petrarch2_unittest" / "dictionaries"
    if not d.is_dir():
        pytest.skip("shared PETRARCH2 dictionaries not present")
    r = ActorResolver.load([d / "PETR.Validate.actors.txt", d / "PETR.Validate.agents.txt"])
    assert r.overlay is not None and len(r.overlay.entries) > 100 and len(r.overlay.agents) > 80
