"""The hand-written training corpus: labels valid, every type well represented, no duplicates, build current."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from wirecoder.schema import MODALITIES, PLOVER_TYPES

REPO = Path(__file__).resolve().parents[1]
TRAINING = REPO / "training"
CORPUS = TRAINING / "data" / "sentences.tsv"

MIN_PER_TYPE = 100
MIN_SENTENCES = 2400


def _load_builder() -> ModuleType:
    # training/ is not a package; load the script the way `python training/build_corpus.py` would.
    spec = importlib.util.spec_from_file_location("build_corpus", TRAINING / "build_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return _load_builder()


@pytest.fixture(scope="module")
def rows(builder: ModuleType) -> list:
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is missing: run python training/build_corpus.py")
    parsed, errors = builder.read_part(CORPUS)
    assert not errors, "\n".join(errors[:20])
    return parsed


def test_header_and_columns(builder: ModuleType) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == builder.COLUMNS
    bad = [i for i, line in enumerate(lines[1:], start=2) if line.count("\t") != len(builder.COLUMNS) - 1]
    assert not bad, f"rows with the wrong number of tabs at lines {bad[:10]}"


def test_labels_are_plover(rows: list) -> None:
    assert {r.event_type for r in rows} <= set(PLOVER_TYPES) | {"NONE"}
    assert {r.modality for r in rows} <= set(MODALITIES)


def test_size_and_every_type_covered(rows: list) -> None:
    assert len(rows) >= MIN_SENTENCES
    counts = Counter(r.event_type for r in rows)
    thin = {t: counts.get(t, 0) for t in PLOVER_TYPES if counts.get(t, 0) < MIN_PER_TYPE}
    assert not thin, f"types below {MIN_PER_TYPE} sentences: {thin}"


def test_every_mode_of_every_type_appears(builder: ModuleType, rows: list) -> None:
    seen: dict[str, set[str]] = {}
    for r in rows:
        seen.setdefault(r.event_type, set()).update(builder.split_list(r.mode))
    missing = {t: sorted(modes - seen.get(t, set())) for t, modes in builder.MODES.items()}
    missing = {t: m for t, m in missing.items() if m}
    assert not missing, f"modes with no example sentence: {missing}"


def test_hard_negative_share(rows: list) -> None:
    none_share = sum(r.event_type == "NONE" for r in rows) / len(rows)
    hard_share = sum(r.event_type == "NONE" or r.modality != "asserted" for r in rows) / len(rows)
    assert 0.08 <= none_share <= 0.35, f"NONE share {none_share:.1%}"
    assert hard_share >= 0.18, f"NONE or non-asserted share {hard_share:.1%}"
    non_asserted = Counter(r.modality for r in rows if r.event_type != "NONE")
    assert all(non_asserted[m] >= 20 for m in MODALITIES), non_asserted


def test_no_duplicate_ids_or_sentences(builder: ModuleType, rows: list) -> None:
    ids = Counter(r.id for r in rows)
    assert not [i for i, n in ids.items() if n > 1]
    sentences = Counter(builder.normalise(r.sentence) for r in rows)
    dupes = [s for s, n in sentences.items() if n > 1]
    assert not dupes, f"duplicate sentences: {dupes[:5]}"


def test_mentions_occur_in_sentence(builder: ModuleType, rows: list) -> None:
    for r in rows:
        for column in ("actor", "recipient"):
            for mention in builder.split_list(getattr(r, column), builder.MENTION_SEP):
                assert mention in r.sentence, (r.id, column, mention)


def test_built_corpus_matches_parts(builder: ModuleType) -> None:
    parts, errors = builder.collect()
    assert not errors, "\n".join(errors[:20])
    assert CORPUS.read_text(encoding="utf-8") == builder.render(parts), (
        "sentences.tsv is stale: run python training/build_corpus.py"
    )


def test_validator_rejects_bad_labels(builder: ModuleType) -> None:
    row = builder.Row("X-1", "ASSAULT", "tear-gas", "rights", "maybe", "police", "", "Officers fired at the crowd.")
    problems = builder.check_row(row)
    assert any("mode" in p for p in problems)
    assert any("context" in p for p in problems)
    assert any("modality" in p for p in problems)
    assert any("actor" in p for p in problems)  # 'police' is not in the sentence (case matters)


def test_validator_rejects_duplicates(builder: ModuleType, tmp_path: Path) -> None:
    header = "\t".join(builder.COLUMNS)
    line = "A-1\tNONE\t\t\tasserted\t\t\tThe town lies on a river."
    (tmp_path / "a.tsv").write_text(f"{header}\n{line}\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text(f"{header}\n{line.replace('A-1', 'B-1')}\n", encoding="utf-8")
    _, errors = builder.collect(tmp_path)
    assert any("same sentence" in e for e in errors)
