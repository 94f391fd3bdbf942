"""Validate the hand-written corpus parts and concatenate them into training/data/sentences.tsv.

Usage:
    python training/build_corpus.py            # validate parts/*.tsv, write sentences.tsv, print counts
    python training/build_corpus.py --check    # validate only; fail if sentences.tsv is stale

Each part is a UTF-8 TSV with the header below. Rows are checked against the PLOVER label set (types,
per-type modes, contexts) and the modality list in wirecoder.schema, so a typo in a label fails the build
instead of silently becoming a new class for whatever is trained on the corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirecoder.coding.lexicon import PLOVER_CONTEXTS, PLOVER_MODES
from wirecoder.schema import MODALITIES, PLOVER_TYPES

COLUMNS: tuple[str, ...] = ("id", "event_type", "mode", "context", "modality", "actor", "recipient", "sentence")
NONE_TYPE = "NONE"
EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, NONE_TYPE)

# The PLOVER label set (chapter 3 mode tables, Table 2.1 contexts) is the lexicon's, so the corpus and the coder
# can never disagree on a name.
# ASSAULT "sideAB" marks two-sided fighting, which the corpus writes by listing both sides as actors instead.
MODES: dict[str, frozenset[str]] = {t: frozenset(m) - {"sideAB"} for t, m in PLOVER_MODES.items() if m}
CONTEXTS: frozenset[str] = frozenset(PLOVER_CONTEXTS)

# Several mentions of a compound actor or recipient are written "A; B" (each must occur in the sentence).
MENTION_SEP = ";"

TRAINING_DIR = Path(__file__).resolve().parent
PARTS_DIR = TRAINING_DIR / "data" / "parts"
OUTPUT = TRAINING_DIR / "data" / "sentences.tsv"


@dataclass
class Row:
    id: str
    event_type: str
    mode: str
    context: str
    modality: str
    actor: str
    recipient: str
    sentence: str

    def to_line(self) -> str:
        return "\t".join(getattr(self, c) for c in COLUMNS)


def split_list(value: str, sep: str = ",") -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def normalise(sentence: str) -> str:
    """Key for duplicate detection: case, spacing and final punctuation do not make a new sentence."""
    return " ".join(sentence.lower().split()).rstrip(".!?\"' ")


def check_row(row: Row) -> list[str]:
    """Every label problem in one row, each worded as what is wrong and what is allowed."""
    problems: list[str] = []
    if row.event_type not in EVENT_TYPES:
        problems.append(f"event_type {row.event_type!r} is not one of {', '.join(EVENT_TYPES)}")
    allowed_modes = MODES.get(row.event_type, frozenset())
    for mode in split_list(row.mode):
        if mode not in allowed_modes:
            hint = ", ".join(sorted(allowed_modes)) or "none (leave the column empty)"
            problems.append(f"mode {mode!r} is not a {row.event_type} mode; allowed: {hint}")
    for ctx in split_list(row.context):
        if ctx not in CONTEXTS:
            problems.append(f"context {ctx!r} is not a PLOVER context (manual Table 2.1, e.g. 'rights freedoms')")
    if row.modality not in MODALITIES:
        problems.append(f"modality {row.modality!r} is not one of {', '.join(MODALITIES)}")
    if not row.sentence.strip():
        problems.append("sentence is empty")
    for column in ("actor", "recipient"):
        for mention in split_list(getattr(row, column), MENTION_SEP):
            if mention not in row.sentence:
                problems.append(f"{column} {mention!r} does not occur verbatim in the sentence")
    if row.event_type == NONE_TYPE and (row.mode or row.actor or row.recipient):
        problems.append("a NONE row must leave mode, actor and recipient empty")
    return problems


def read_part(path: Path) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    errors: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        return [], [f"{path}:1: header must be the tab-separated columns {' '.join(COLUMNS)}"]
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            errors.append(f"{path}:{number}: {len(cells)} columns, expected {len(COLUMNS)} (stray or missing tab)")
            continue
        row = Row(*(c.strip() for c in cells))
        errors.extend(f"{path}:{number}: {row.id}: {p}" for p in check_row(row))
        rows.append(row)
    return rows, errors


def collect(parts_dir: Path = PARTS_DIR) -> tuple[list[Row], list[str]]:
    """All rows of all parts (in file-name order) and every validation error, duplicates included."""
    paths = sorted(parts_dir.glob("*.tsv"))
    if not paths:
        return [], [f"no parts found: put TYPE.tsv files with header {' '.join(COLUMNS)} in {parts_dir}"]
    rows: list[Row] = []
    errors: list[str] = []
    for path in paths:
        part_rows, part_errors = read_part(path)
        rows.extend(part_rows)
        errors.extend(part_errors)
    seen_ids: set[str] = set()
    seen_sentences: dict[str, str] = {}
    for row in rows:
        if row.id in seen_ids:
            errors.append(f"duplicate id {row.id}: give each row a unique id (prefix per part file)")
        seen_ids.add(row.id)
        key = normalise(row.sentence)
        if key in seen_sentences:
            errors.append(f"{row.id}: same sentence as {seen_sentences[key]}; delete one of them")
        else:
            seen_sentences[key] = row.id
    return rows, errors


def render(rows: list[Row]) -> str:
    return "\n".join(["\t".join(COLUMNS), *(r.to_line() for r in rows)]) + "\n"


def summary(rows: list[Row]) -> str:
    types = Counter(r.event_type for r in rows)
    modalities = Counter(r.modality for r in rows)
    hard = sum(1 for r in rows if r.event_type == NONE_TYPE or r.modality != "asserted")
    out = [f"{len(rows)} sentences"]
    out.append("per type:     " + "  ".join(f"{t}={types.get(t, 0)}" for t in EVENT_TYPES))
    out.append("per modality: " + "  ".join(f"{m}={modalities.get(m, 0)}" for m in MODALITIES))
    if rows:
        out.append(f"NONE share: {types.get(NONE_TYPE, 0) / len(rows):.1%}; "
                   f"NONE or non-asserted share: {hard / len(rows):.1%}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only; fail if sentences.tsv is stale")
    parser.add_argument("--parts", type=Path, default=PARTS_DIR, help="folder of part TSV files")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the corpus")
    args = parser.parse_args(argv)

    rows, errors = collect(args.parts)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} problem(s); fix the part files named above and rerun", file=sys.stderr)
        return 1
    text = render(rows)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run python training/build_corpus.py", file=sys.stderr)
            return 1
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
