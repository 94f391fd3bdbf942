"""wikidata_ids.tsv: checked Wikidata ids for actors of the other KB files, in a shape a loader can trust."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

KINDS = ("leaders", "ministers", "officials", "groups", "igos", "institutions", "orgs", "territories")
QID = re.compile(r"Q[1-9][0-9]*")
NameIndex = dict[str, dict[str, set[str]]]  # kind -> canonical name -> country codes of its rows


def _actors_dir() -> Path:
    return Path(str(resources.files("wirecoder.resources").joinpath("data", "actors")))


def _data_lines(text: str) -> list[tuple[int, str]]:
    """Numbered rows of a KB file; comments and blank lines are documentation, not data."""
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


def _name_index(kinds: Iterable[str] = KINDS) -> NameIndex:
    """Canonical names (first column) and their country column, read straight from the actor files."""
    index: NameIndex = {}
    for kind in kinds:
        names: dict[str, set[str]] = {}
        for _, line in _data_lines((_actors_dir() / f"{kind}.tsv").read_text(encoding="utf-8")):
            cols = line.split("\t")
            names.setdefault(cols[0], set()).add(cols[2] if len(cols) > 2 else "")
        index[kind] = names
    return index


def _row_problems(n: int, cols: list[str], index: NameIndex) -> list[str]:
    if len(cols) != 5:
        return [f"line {n}: {len(cols)} columns, want 5"]
    kind, name, country, qid, wikipedia = cols
    out = []
    if kind not in index:
        out.append(f"line {n}: unknown kind {kind!r}")
    elif name not in index[kind]:
        out.append(f"line {n}: {name!r} is not a canonical name in {kind}.tsv")
    elif country not in index[kind][name]:
        out.append(f"line {n}: country {country!r} is not {name!r}'s country in {kind}.tsv")
    if not QID.fullmatch(qid):
        out.append(f"line {n}: bad QID {qid!r}")
    if not wikipedia.strip() or wikipedia != wikipedia.strip():
        out.append(f"line {n}: wikipedia title {wikipedia!r} is empty or padded")
    return out


def problems(text: str, index: NameIndex) -> list[str]:
    """Everything wrong with a wikidata_ids.tsv text; empty when the file can be trusted."""
    out: list[str] = []
    name_of_qid: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for n, line in _data_lines(text):
        cols = line.split("\t")
        out += _row_problems(n, cols, index)
        if len(cols) != 5:
            continue
        kind, name, _, qid, _ = cols
        if (kind, name) in seen:
            out.append(f"line {n}: {kind} {name!r} listed twice")
        seen.add((kind, name))
        # One Wikidata item is one real-world entity: two names sharing it means one id is wrong.
        if name_of_qid.setdefault(qid, name) != name:
            out.append(f"line {n}: {qid} used for {name_of_qid[qid]!r} and {name!r}")
    return out


def _ids_text() -> str:
    return (_actors_dir() / "wikidata_ids.tsv").read_text(encoding="utf-8")


def test_shipped_file_has_no_problems():
    assert problems(_ids_text(), _name_index()) == []


def test_header_documents_provenance_and_columns():
    header = [line for line in _ids_text().splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "wirecoder authors" in text
    assert "kind\tname\tcountry\twikidata\twikipedia" in text


def test_file_covers_many_actors_of_every_main_kind():
    rows = [line.split("\t") for _, line in _data_lines(_ids_text())]
    assert len(rows) >= 150
    kinds = {cols[0] for cols in rows}
    assert {"leaders", "groups", "igos", "institutions", "orgs"} <= kinds


def test_checker_reports_each_kind_of_bad_row():
    index: NameIndex = {"leaders": {"Vladimir Putin": {"RUS"}}, "igos": {"United Nations": {"UNO"}}}
    bad = "\n".join([
        "# comment lines are skipped",
        "leaders\tVladimir Putin\tRUS\tQ7747",  # 4 columns
        "leaders\tVladimir Putin\tRUS\tq7747\tVladimir Putin",  # lower-case QID
        "leaders\tVladimir Putin\tRUS\tQ07747\tVladimir Putin",  # leading zero
        "leaders\tPutin\tRUS\tQ7747\tVladimir Putin",  # not a canonical name
        "leaders\tVladimir Putin\tUKR\tQ7747\tVladimir Putin",  # wrong country
        "igos\tUnited Nations\tUNO\tQ7747\tUnited Nations",  # QID reused for another name
        "parties\tUnited Nations\tUNO\tQ1065\tUnited Nations",  # unknown kind
        "igos\tUnited Nations\tUNO\tQ1065\t",  # empty title
    ])
    found = problems(bad, index)
    for needle in ("want 5", "bad QID 'q7747'", "bad QID 'Q07747'", "not a canonical name",
                   "not 'Vladimir Putin''s country", "Q7747 used for 'Putin' and 'United Nations'",
                   "listed twice", "unknown kind", "empty or padded"):
        assert any(needle in p for p in found), (needle, found)
    good = "leaders\tVladimir Putin\tRUS\tQ7747\tVladimir Putin\nigos\tUnited Nations\tUNO\tQ1065\tUnited Nations"
    assert problems(good, index) == []


def test_each_wikidata_id_names_one_actor_in_the_loaded_kb():
    from wirecoder.resources.actor_kb import load_kb

    names: dict[str, set[str]] = {}
    for e in load_kb().entries:
        if e.wikidata:
            names.setdefault(e.wikidata, set()).add(e.name)
    shared = {q: n for q, n in names.items() if len(n) > 1}
    assert not shared, f"one Wikidata id on several actors: {shared}"
