"""The event-coding knowledge as data: trigger lexicon, PLOVER/CAMEO/ACLED tables and context cues.

Modality cue words live with the parse logic that gives them meaning, in coding/modality.py.

The data lives in ``wirecoder/resources/data/coding/*.tsv`` (versioned with the code, edited by hand);
this module loads it once per process into frozen, validated structures. Names are checked against the
PLOVER manual (DRAFT 2.0, 4 Feb 2024) as transcribed below, so a typo in a data file fails loudly with
the file, line and the fix rather than silently producing an unknown mode.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from wirecoder.schema import PLOVER_TYPES

# Bump when any data file changes meaning (a new row that changes coding counts).
VERSION = "2024.1"

PSEUDO_TYPES: tuple[str, ...] = ("LIGHT", "SPEECH", "NONE")
POS_TAGS: tuple[str, ...] = ("V", "N", "A")
FRAMES: tuple[str, ...] = ("", "clause", "swap", "mutual", "instrument")

# Chapter 3 mode tables (3.1-3.11); REQUEST and REJECT share theirs. PROTEST vandalize (Table 3.7) and
# ASSAULT sideAB (3.16.1) have no Table 2.2 score but are manual names all the same.
PLOVER_MODES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional", "sideAB"),
})
# Modes without a Table 2.2 row.
UNSCORED_MODES: frozenset[tuple[str, str]] = frozenset({("PROTEST", "vandalize"), ("ASSAULT", "sideAB")})

# Table 2.1 spelling (chapter 4 gives the same 37).
PLOVER_CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election", "political institutions",
    "pro democracy", "pro autocracy", "economic", "legal", "reparations", "human rights", "rights freedoms",
    "repression", "human security", "gender", "lgbt", "religion ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal drugs", "trafficking",
)

# ACLED codebook: 6 event types and their 25 sub-event types, ACLED's own spelling.
ACLED_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
})
# Boolean facts the engine establishes about an event; documented at the top of acled.tsv.
ACLED_FACTS: frozenset[str] = frozenset({
    "recipient_civilian", "recipient_armed", "actor_armed", "actor_state", "actor_nonstate_armed",
    "both_armed", "recipient_protesters", "actor_protesters", "actor_mob", "territory", "weapons_seized",
    "base", "defused", "looting", "intervened",
})
ACLED_KEYED_TESTS: tuple[str, ...] = ("context", "mode", "trigger")

_DATA_PACKAGE = "wirecoder.resources"
_DATA_SUBDIR = ("data", "coding")


class LexiconError(ValueError):
    """A data file breaks the lexicon's rules; the message names the file, line and fix."""


@dataclass(frozen=True)
class Trigger:
    """One way of evoking an event: a verb, noun or adjective lemma (plus particles or modifiers)."""

    phrase: str
    words: tuple[str, ...]
    pos: str
    event_type: str  # PLOVER type or LIGHT / SPEECH / NONE
    modes: tuple[str, ...]
    contexts: tuple[str, ...]
    obj: frozenset[str]  # empty: applies whatever the object
    weight: float
    frame: str
    note: str
    line: int

    @property
    def head(self) -> str:
        """The lemma the trigger is indexed under: the verb (first word) or the head noun (last word)."""
        return self.words[-1] if self.pos == "N" else self.words[0]

    @property
    def extra(self) -> tuple[str, ...]:
        """Particles/complements after a verb, or required modifiers before a noun."""
        return self.words[:-1] if self.pos == "N" else self.words[1:]

    @property
    def is_event(self) -> bool:
        return self.event_type in PLOVER_TYPES

    def applies_to(self, object_lemmas: Iterable[str]) -> bool:
        """True when the row has no object restriction or one of the given object lemmas satisfies it."""
        return not self.obj or any(lemma.lower() in self.obj for lemma in object_lemmas)


@dataclass(frozen=True)
class TypeInfo:
    event_type: str
    quad_class: int
    plover_score: float
    cameo_root: str
    description: str


@dataclass(frozen=True)
class ModeInfo:
    event_type: str
    mode: str
    plover_score: float | None  # None: Table 2.2 has no row; use the type's score
    cameo_root: str
    description: str


@dataclass(frozen=True)
class AcledTest:
    """One test of an ACLED rule: a fact name, or ``context=NAME`` / ``mode=NAME`` / ``trigger=LEMMA``."""

    name: str
    value: str | None = None
    negated: bool = False

    def holds(self, facts: Collection[str], modes: Collection[str], contexts: Collection[str],
              lemmas: Collection[str]) -> bool:
        if self.name == "context":
            result = self.value in contexts
        elif self.name == "mode":
            result = self.value in modes
        elif self.name == "trigger":
            result = self.value in lemmas
        else:
            result = self.name in facts
        return result != self.negated


@dataclass(frozen=True)
class AcledRule:
    event_type: str
    mode: str
    tests: tuple[AcledTest, ...]
    acled_event_type: str
    acled_sub_event_type: str
    priority: int
    line: int

    def matches(self, facts: Collection[str] = (), modes: Collection[str] = (),
                contexts: Collection[str] = (), lemmas: Collection[str] = ()) -> bool:
        return all(t.holds(facts, modes, contexts, lemmas) for t in self.tests)


@dataclass(frozen=True)
class Lexicon:
    version: str
    triggers: tuple[Trigger, ...]
    verb_triggers: Mapping[str, tuple[Trigger, ...]]
    noun_triggers: Mapping[str, tuple[Trigger, ...]]
    adj_triggers: Mapping[str, tuple[Trigger, ...]]
    types: Mapping[str, TypeInfo]
    modes: Mapping[tuple[str, str], ModeInfo]
    acled_rules: Mapping[str, tuple[AcledRule, ...]]  # sorted by priority
    context_cues: Mapping[str, tuple[str, ...]]

    def candidates(self, head: str, pos: str, object_lemmas: Iterable[str] = ()) -> list[Trigger]:
        """Rows for a head lemma that apply given the object lemmas: object-restricted rows first, then
        by weight. Rows for multi-word phrases are included; the caller checks ``extra`` words."""
        table = {"V": self.verb_triggers, "N": self.noun_triggers, "A": self.adj_triggers}[pos]
        objs = [o.lower() for o in object_lemmas]
        rows = [t for t in table.get(head.lower(), ()) if t.applies_to(objs)]
        return sorted(rows, key=lambda t: (not t.obj, -len(t.words), -t.weight))

    def quad_class(self, event_type: str) -> int:
        return self.types[event_type].quad_class

    def plover_score(self, event_type: str, modes: Sequence[str] = ()) -> float:
        """Table 2.2 score; with several scored modes the most intense one (farthest from zero) wins,
        because the event is at least as cooperative/conflictual as its strongest component."""
        scores = [m.plover_score for m in (self.modes.get((event_type, x)) for x in modes)
                  if m is not None and m.plover_score is not None]
        if not scores:
            return self.types[event_type].plover_score
        return max(scores, key=abs)

    def cameo_root(self, event_type: str, modes: Sequence[str] = ()) -> str:
        """CAMEO root of the first listed mode that has one, else of the type."""
        for mode in modes:
            info = self.modes.get((event_type, mode))
            if info is not None:
                return info.cameo_root
        return self.types[event_type].cameo_root

    def acled(self, event_type: str, *, facts: Collection[str] = (), modes: Collection[str] = (),
              contexts: Collection[str] = (), lemmas: Collection[str] = ()) -> tuple[str, str] | None:
        """ACLED (event type, sub-event type) from the first matching rule, or None."""
        for rule in self.acled_rules.get(event_type, ()):
            if rule.matches(facts, modes, contexts, lemmas):
                return rule.acled_event_type, rule.acled_sub_event_type
        return None


def normalize_context(name: str) -> str | None:
    """Map spellings seen in the wild (political_institutions, pro-democracy) to Table 2.1's; None if
    the name is not a PLOVER context."""
    key = " ".join(name.strip().lower().replace("_", " ").replace("-", " ").split())
    return key if key in PLOVER_CONTEXTS else None


def data_dir() -> Path:
    return Path(str(resources.files(_DATA_PACKAGE).joinpath(*_DATA_SUBDIR)))


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load and validate every coding table once per process (per directory)."""
    d = Path(directory) if directory is not None else data_dir()
    triggers = tuple(_load_triggers(d / "triggers.tsv"))
    by_pos: dict[str, dict[str, list[Trigger]]] = {p: {} for p in POS_TAGS}
    for t in triggers:
        by_pos[t.pos].setdefault(t.head, []).append(t)
    types = _load_types(d / "types.tsv")
    modes = _load_modes(d / "modes.tsv")
    rules: dict[str, list[AcledRule]] = {}
    for rule in _load_acled(d / "acled.tsv"):
        rules.setdefault(rule.event_type, []).append(rule)
    return Lexicon(
        version=VERSION,
        triggers=triggers,
        verb_triggers=_freeze(by_pos["V"]),
        noun_triggers=_freeze(by_pos["N"]),
        adj_triggers=_freeze(by_pos["A"]),
        types=MappingProxyType(types),
        modes=MappingProxyType(modes),
        acled_rules=MappingProxyType({k: tuple(sorted(v, key=lambda r: r.priority)) for k, v in rules.items()}),
        context_cues=MappingProxyType(_load_contexts(d / "contexts.tsv")),
    )


def _freeze(index: dict[str, list[Trigger]]) -> Mapping[str, tuple[Trigger, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a TSV with '#' comments and a header naming at least ``columns``."""
    if not path.is_file():
        raise LexiconError(f"{path}: lexicon table missing; reinstall wirecoder or restore the file from git")
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    raise LexiconError(f"{path}:{lineno}: header lacks column(s) {missing}; "
                                       f"the header must name {list(columns)} separated by tabs")
                continue
            if len(cells) != len(header):
                raise LexiconError(f"{path}:{lineno}: {len(cells)} tab-separated cells, header has "
                                   f"{len(header)}; check for spaces used instead of tabs")
            yield lineno, {k: v.strip() for k, v in zip(header, cells, strict=True)}
    if header is None:
        raise LexiconError(f"{path}: no header row; add a tab-separated header naming {list(columns)}")


def _fail(path: Path, lineno: int, problem: str, fix: str) -> LexiconError:
    return LexiconError(f"{path}:{lineno}: {problem}; {fix}")


def _check_modes(path: Path, lineno: int, event_type: str, modes: Iterable[str]) -> tuple[str, ...]:
    out = tuple(modes)
    allowed = PLOVER_MODES.get(event_type, ())
    for m in out:
        if m not in allowed:
            raise _fail(path, lineno, f"mode {m!r} is not a PLOVER mode of {event_type}",
                        f"use one of {list(allowed) or 'no mode'} (manual chapter 3)")
    return out


def _check_contexts(path: Path, lineno: int, contexts: Iterable[str]) -> tuple[str, ...]:
    out = tuple(contexts)
    for c in out:
        if c not in PLOVER_CONTEXTS:
            hint = normalize_context(c)
            fix = f"write {hint!r}" if hint else "use a context from the manual's Table 2.1"
            raise _fail(path, lineno, f"context {c!r} is not a PLOVER context name", fix)
    return out


def _split(value: str, sep: str) -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def _load_triggers(path: Path) -> Iterator[Trigger]:
    seen: dict[tuple[str, str, frozenset[str], str, tuple[str, ...]], int] = {}
    cols = ("phrase", "pos", "event_type", "mode", "context", "obj", "weight", "frame", "note")
    for lineno, row in _rows(path, cols):
        phrase = row["phrase"]
        words = tuple(phrase.split(" "))
        if not phrase or phrase != phrase.lower() or "" in words:
            raise _fail(path, lineno, f"phrase {phrase!r} is empty, not lowercase or has double spaces",
                        "write lowercase lemmas separated by single spaces")
        pos = row["pos"]
        if pos not in POS_TAGS:
            raise _fail(path, lineno, f"pos {pos!r} unknown", f"use one of {list(POS_TAGS)}")
        etype = row["event_type"]
        if etype not in PLOVER_TYPES and etype not in PSEUDO_TYPES:
            raise _fail(path, lineno, f"event_type {etype!r} unknown",
                        f"use a PLOVER type {list(PLOVER_TYPES)} or one of {list(PSEUDO_TYPES)}")
        modes = _check_modes(path, lineno, etype, _split(row["mode"], ","))
        contexts = _check_contexts(path, lineno, _split(row["context"], ","))
        obj = _split(row["obj"], "|")
        for o in obj:
            if o != o.lower() or " " in o:
                raise _fail(path, lineno, f"obj alternative {o!r} is not a single lowercase lemma",
                            "list head lemmas only (the object's head word), separated by |")
        try:
            weight = float(row["weight"])
        except ValueError:
            raise _fail(path, lineno, f"weight {row['weight']!r} is not a number", "write e.g. 0.7") from None
        if not 0.3 <= weight <= 1.0:
            raise _fail(path, lineno, f"weight {weight} outside 0.3-1.0", "use 0.3 (ambiguous) to 1.0 (certain)")
        frame = row["frame"]
        if frame not in FRAMES:
            raise _fail(path, lineno, f"frame {frame!r} unknown", f"use one of {list(FRAMES)}")
        key = (phrase, pos, frozenset(obj), etype, modes)
        if key in seen:
            raise _fail(path, lineno, f"duplicate of line {seen[key]}", "merge the two rows")
        seen[key] = lineno
        yield Trigger(phrase, words, pos, etype, modes, contexts, frozenset(obj), weight, frame,
                      row["note"], lineno)


def _cameo(path: Path, lineno: int, value: str) -> str:
    if len(value) != 2 or not value.isdigit() or not 1 <= int(value) <= 20:
        raise _fail(path, lineno, f"cameo_root {value!r} is not a two-digit CAMEO cue category",
                    "write 01-20 as in CAMEO2PLOVER")
    return value


def _score(path: Path, lineno: int, value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise _fail(path, lineno, f"plover_score {value!r} is not a number", "copy it from Table 2.2") from None
    if not -10 <= score <= 10:
        raise _fail(path, lineno, f"plover_score {score} outside -10..10", "copy it from Table 2.2")
    return score


def _load_types(path: Path) -> dict[str, TypeInfo]:
    out: dict[str, TypeInfo] = {}
    for lineno, row in _rows(path, ("event_type", "quad_class", "plover_score", "cameo_root", "description")):
        etype = row["event_type"]
        if etype not in PLOVER_TYPES or etype in out:
            raise _fail(path, lineno, f"event_type {etype!r} unknown or repeated", "list each PLOVER type once")
        if row["quad_class"] not in ("1", "2", "3", "4"):
            raise _fail(path, lineno, f"quad_class {row['quad_class']!r} invalid", "use 1, 2, 3 or 4")
        out[etype] = TypeInfo(etype, int(row["quad_class"]), _score(path, lineno, row["plover_score"]),
                              _cameo(path, lineno, row["cameo_root"]), row["description"])
    missing = [t for t in PLOVER_TYPES if t not in out]
    if missing:
        raise LexiconError(f"{path}: no row for {missing}; add one per PLOVER type")
    return out


def _load_modes(path: Path) -> dict[tuple[str, str], ModeInfo]:
    out: dict[tuple[str, str], ModeInfo] = {}
    for lineno, row in _rows(path, ("event_type", "mode", "plover_score", "cameo_root", "description")):
        etype, mode = row["event_type"], row["mode"]
        if etype not in PLOVER_TYPES:
            raise _fail(path, lineno, f"event_type {etype!r} unknown", f"use one of {list(PLOVER_TYPES)}")
        _check_modes(path, lineno, etype, [mode])
        if (etype, mode) in out:
            raise _fail(path, lineno, f"{etype} {mode} repeated", "keep one row per type and mode")
        score = _score(path, lineno, row["plover_score"]) if row["plover_score"] else None
        if score is None and (etype, mode) not in UNSCORED_MODES:
            raise _fail(path, lineno, f"{etype} {mode} has no plover_score", "copy it from Table 2.2")
        out[(etype, mode)] = ModeInfo(etype, mode, score, _cameo(path, lineno, row["cameo_root"]),
                                      row["description"])
    missing = [(t, m) for t, ms in PLOVER_MODES.items() for m in ms if (t, m) not in out]
    if missing:
        raise LexiconError(f"{path}: no row for {missing}; add one per type and mode")
    return out


def _parse_test(path: Path, lineno: int, text: str) -> AcledTest:
    negated = text.startswith("!")
    body = text[1:] if negated else text
    if "=" in body:
        name, value = body.split("=", 1)
        if name not in ACLED_KEYED_TESTS or not value:
            raise _fail(path, lineno, f"test {text!r} unknown", f"use {list(ACLED_KEYED_TESTS)} as NAME=VALUE")
        if name == "context":
            _check_contexts(path, lineno, [value])
        if name == "mode" and not any(value in ms for ms in PLOVER_MODES.values()):
            raise _fail(path, lineno, f"mode {value!r} is not a PLOVER mode", "use a chapter 3 mode name")
        return AcledTest(name, value, negated)
    if body not in ACLED_FACTS:
        raise _fail(path, lineno, f"test {text!r} unknown",
                    f"use one of {sorted(ACLED_FACTS)} or context=/mode=/trigger= (see the file header)")
    return AcledTest(body, None, negated)


def _load_acled(path: Path) -> Iterator[AcledRule]:
    cols = ("event_type", "mode", "condition", "acled_event_type", "acled_sub_event_type", "priority")
    for lineno, row in _rows(path, cols):
        etype = row["event_type"]
        if etype not in PLOVER_TYPES:
            raise _fail(path, lineno, f"event_type {etype!r} unknown", f"use one of {list(PLOVER_TYPES)}")
        mode = row["mode"]
        if mode:
            _check_modes(path, lineno, etype, [mode])
        cond = row["condition"]
        tests = () if cond in ("", "-") else tuple(_parse_test(path, lineno, t) for t in _split(cond, ";"))
        if mode and AcledTest("mode", mode) not in tests:
            raise _fail(path, lineno, f"mode column {mode!r} but no mode={mode} test",
                        "add the test or empty the mode column")
        a_type, a_sub = row["acled_event_type"], row["acled_sub_event_type"]
        if a_sub not in ACLED_TYPES.get(a_type, ()):
            raise _fail(path, lineno, f"ACLED pair {a_type!r} / {a_sub!r} is not in the ACLED codebook",
                        "use ACLED's exact spelling (see ACLED_TYPES)")
        try:
            priority = int(row["priority"])
        except ValueError:
            raise _fail(path, lineno, f"priority {row['priority']!r} is not an integer", "write e.g. 50") from None
        yield AcledRule(etype, mode, tests, a_type, a_sub, priority, lineno)


def _load_contexts(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for lineno, row in _rows(path, ("context", "cue_lemmas")):
        (ctx,) = _check_contexts(path, lineno, [row["context"]])
        cues = tuple(_split(row["cue_lemmas"], "|"))
        if ctx in out or not cues or any(c != c.lower() for c in cues):
            raise _fail(path, lineno, f"context {ctx!r} repeated or its cues empty or not lowercase",
                        "one row per context with lowercase |-separated cues")
        out[ctx] = cues
    missing = [c for c in PLOVER_CONTEXTS if c not in out]
    if missing:
        raise LexiconError(f"{path}: no cues for {missing}; add a row per Table 2.1 context")
    return out
