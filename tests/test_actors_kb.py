"""The shipped actor KB: complete, well-formed, versioned, and big enough to be useful."""

from __future__ import annotations

import re
from importlib import resources

import pycountry

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
