"""The shipped actor KB: complete, well-formed, versioned, and big enough to be useful."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources

import pycountry
import pytest

from wirecoder.coding.actors import ActorResolver
from wirecoder.resources.actor_kb import SECTORS, kb_files, load_kb, surname_forms, tokenize


def test_every_iso_country_is_present_with_names():
    kb = load_kb()
    keys = {e.key for e in kb.entries if e.kind == "country"}
    missing = [c.alpha_3 for c in pycountry.countries if f"country:{c.alpha_3}" not in keys]
    assert not missing


def test_kb_sizes_meet_the_brief():
    counts = load_kb().counts()
    assert counts["igo"] >= 150
    assert counts["group"] >= 300
    assert counts["agents"] >= 300
    assert counts["person"] >= 900


def test_version_file():
    text = resources.files("wirecoder.resources").joinpath("data", "actors", "VERSION").read_text()
    assert re.fullmatch(r"\d{4}\.\d+\.\d+\s*", text)


def test_rows_are_well_formed():
    kb = load_kb()
    for e in kb.entries:
        assert e.wikidata is None or re.fullmatch(r"Q\d+", e.wikidata), e
        assert all(s in SECTORS for s in e.sectors), e
        for t in e.tenures:
            assert t.start is None or t.end is None or t.start < t.end, (e.name, t)
            assert all(s in SECTORS for s in t.sectors), (e.name, t)


def test_data_files_are_tab_separated_without_stray_spaces():
    for path in kb_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line and not line.startswith("#"):
                assert "\t" in line, f"{path.name}:{n}"


def test_heads_of_state_for_many_countries_since_2010():
    kb = load_kb()
    heads = {t.country for e in kb.entries if e.kind == "person" for t in e.tenures
             if re.search(r"president|prime minister|king|emir|sultan|chancellor|premier|leader", t.role)}
    assert len(heads) >= 140


def test_tokenize_and_surnames():
    assert [t.norm for t in tokenize("Russia's U.S.-backed al-Assad")] == ["russia", "'s", "us", "backed", "al", "assad"]
    assert surname_forms("Bashar al-Assad") == ["al-Assad", "Assad"]
    assert surname_forms("Staffan de Mistura") == ["de Mistura", "Mistura"]
    assert surname_forms("King Abdullah of Saudi Arabia") == []


# Sourced handovers (predecessor, successor, first day in office): the successor is GOV from that day and
# not before, and the predecessor stops being GOV on the same day (end dates are exclusive).
HANDOVERS = [
    ("Imad Khamis", "Hussein Arnous", date(2020, 6, 11)),
    ("Hussein Arnous", "Mohammad Ghazi al-Jalali", date(2024, 9, 23)),
    ("Barham Salih", "Abdul Latif Rashid", date(2022, 10, 13)),
    ("Abdul Latif Rashid", "Nizar Amedi", date(2026, 4, 11)),
    ("Mohamed Abdullahi Farmaajo", "Hassan Sheikh Mohamud", date(2022, 5, 15)),
    ("Viktor Orban", "Peter Magyar", date(2026, 5, 9)),
    ("Rumen Radev", "Iliana Iotova", date(2026, 1, 23)),
    ("Gabriel Boric", "Jose Antonio Kast", date(2026, 3, 11)),
    ("Kassim Majaliwa", "Mwigulu Nchemba", date(2025, 11, 14)),
]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def _status(r: ActorResolver, name: str, on: date) -> tuple[str | None, list[str]]:
    ref = r.resolve(name, on=on)
    assert ref is not None and ref.name == name, (name, on, ref)
    return ref.country, sorted(ref.sectors)


@pytest.mark.parametrize("before,after,day", HANDOVERS)
def test_successor_is_government_from_the_handover_day(resolver, before, after, day):
    eve = day - timedelta(days=1)
    assert "GOV" in _status(resolver, before, eve)[1]
    assert _status(resolver, before, day)[1] == ["ELI"]
    assert "GOV" not in _status(resolver, after, eve)[1]
    assert "GOV" in _status(resolver, after, day)[1]


def test_opposition_leader_who_takes_office_is_no_longer_opposition(resolver):
    # Magyar led the opposition Tisza party until he became prime minister on 2026-05-09.
    assert _status(resolver, "Peter Magyar", date(2025, 6, 1)) == ("HUN", ["OPP", "PTY"])
    assert _status(resolver, "Peter Magyar", date(2026, 6, 1)) == ("HUN", ["GOV"])


def test_shared_surname_follows_the_office_holder_of_the_day(resolver):
    # Ali Khamenei was killed on 2026-02-28; his son Mojtaba was named supreme leader on 2026-03-09.
    for on, name, sectors in [(date(2025, 6, 1), "Ali Khamenei", ["GOV", "REL"]),
                              (date(2026, 3, 1), "Ali Khamenei", ["ELI"]),
                              (date(2026, 3, 9), "Mojtaba Khamenei", ["GOV", "REL"])]:
        ref = resolver.resolve("Supreme Leader Khamenei", on=on)
        assert ref is not None and (ref.name, ref.country, sorted(ref.sectors)) == (name, "IRN", sectors), on


def test_interrupted_and_split_tenures(resolver):
    # Khawaja Asif was out of the defence ministry under the 2023-24 caretaker government.
    assert _status(resolver, "Khawaja Asif", date(2023, 1, 1)) == ("PAK", ["GOV", "MIL"])
    assert _status(resolver, "Khawaja Asif", date(2024, 1, 1)) == ("PAK", ["ELI"])
    assert _status(resolver, "Khawaja Asif", date(2024, 6, 1)) == ("PAK", ["GOV", "MIL"])
    # Mohammed bin Salman: defence minister 2015-2022, crown prince only from 2017-06-21.
    mbs = next(e for e in load_kb().entries if e.kind == "person" and e.name == "Mohammed bin Salman")
    roles = {on: sorted(t.role for t in mbs.tenures if t.covers(on))
             for on in (date(2016, 1, 1), date(2020, 1, 1), date(2023, 1, 1))}
    assert roles[date(2016, 1, 1)] == ["defence minister"]
    assert roles[date(2020, 1, 1)] == ["crown prince", "defence minister"]
    assert roles[date(2023, 1, 1)] == ["crown prince", "prime minister"]


def test_a_bare_surname_after_everyone_left_office_is_the_one_who_left_last(resolver):
    # Viktor Orbán left office in May 2026; Romania's Ludovic Orban in 2021.
    ref = resolver.resolve("Orban", on=date(2026, 8, 1))
    assert ref is not None and ref.country == "HUN" and list(ref.sectors) == ["ELI"]


def test_of_two_namesakes_in_office_at_once_the_longer_serving_is_meant(resolver):
    # In 2020 both Hungary (Viktor Orbán, since 2010) and Romania (Ludovic Orban, since 2019) had an
    # Orban as prime minister.
    ref = resolver.resolve("Orban", on=date(2020, 8, 1))
    assert ref is not None and ref.country == "HUN" and "GOV" in ref.sectors
