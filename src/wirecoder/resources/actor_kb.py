"""The built-in actor knowledge base: countries, bodies, groups, people and generic agents.

The KB is data we wrote (``resources/data/actors/*.tsv``); this module only reads it and builds the
token indexes the resolver scans. Everything is loaded once per process (``load_kb``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry

DATA_PACKAGE = "wirecoder.resources"
DATA_DIR = ("data", "actors")
# Country-like codes that are not ISO alpha-3: PLOVER's non-state actors and Kosovo.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})
# PLOVER 2.x sector codes (manual table 5.2) plus the few CAMEO-derived codes we still emit.
SECTORS: frozenset[str] = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
})
# Entity files and the ``Entry.kind`` their rows get.
ENTITY_FILES: dict[str, str] = {"igos.tsv": "igo", "territories.tsv": "territory", "groups.tsv": "group",
                                "institutions.tsv": "org",
                                "orgs.tsv": "org", "regions.tsv": "region",
                                "region_adjectives.tsv": "region"}
# Files of place names: alone, such a name is a place, not an actor ("Qamishli", "Geneva").
PLACE_FILES: frozenset[str] = frozenset({"regions.tsv"})
PERSON_FILES: tuple[str, ...] = ("leaders.tsv", "ministers.tsv", "officials.tsv")

# Single-word names that are also ordinary English words: matched only when capitalised.
_COMMON_WORDS = frozenset({
    "chad", "turkey", "jordan", "china", "guinea", "niger", "georgia", "japan", "cuba", "panama",
    "may", "rice", "bush", "brown", "white", "king", "lee", "said", "ali", "khan", "hope", "grant",
    "march", "rich", "young", "paul", "wood", "law", "love", "long", "rule", "hunt", "gray", "grey",
    "christian", "english", "earnest", "slim", "turk", "bar", "nova", "pen", "power", "bishop", "sheikh",
    "dan", "key", "store",
})


class ActorKBError(ValueError):
    """A malformed KB row; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Token:
    norm: str  # lower case, no diacritics, no dots or inner apostrophes
    orig: str  # as written (diacritics folded), to check capitalisation
    start: int
    end: int


@dataclass(frozen=True)
class Tenure:
    """One office held by a person: the country and sectors it gives them, and when."""

    country: str | None
    sectors: tuple[str, ...]
    role: str
    start: date | None
    end: date | None  # exclusive: the day the office passed to someone else

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Entry:
    """One named actor. ``kind``: country, seat, igo, territory, group, org, person, dict, or region (a
    province or city that only lends its country: "Darfur rebels", "Aleppo residents")."""

    key: str
    name: str
    kind: str
    country: str | None
    sectors: tuple[str, ...] = ()
    wikidata: str | None = None
    wikipedia: str | None = None
    since: date | None = None
    until: date | None = None
    tenures: tuple[Tenure, ...] = ()
    code: str | None = None  # raw PETRARCH/CAMEO code for dictionary entries
    dated_codes: tuple[tuple[str, date | None, date | None], ...] = ()


@dataclass(frozen=True)
class Alias:
    """A surface form pointing at an entry. ``role``: name | demonym | demonym_pl | seat | surname."""

    entry: Entry
    role: str
    case_sensitive: bool = False  # acronyms (US, IS, UN) only match upper-case text
    capitalised: bool = False  # common-word names (Chad, Turkey) and people only match capitalised text


# person: a singular human noun (diplomat); role: a human noun that takes its institution's sector
# (army spokesman -> MIL); group: organised collectives (militia); body: institutions (parliament).
AGENT_KINDS: tuple[str, ...] = ("person", "role", "group", "body", "thing")


@dataclass(frozen=True)
class Agent:
    """A generic noun or title that carries sectors: "troops" -> MIL, "defence secretary" -> GOV MIL."""

    phrase: str
    sectors: tuple[str, ...]
    kind: str  # one of AGENT_KINDS
    plural: bool = False


@dataclass
class ActorKB:
    version: str
    entries: list[Entry] = field(default_factory=list)
    names: dict[tuple[str, ...], list[Alias]] = field(default_factory=dict)
    agents: dict[tuple[str, ...], Agent] = field(default_factory=dict)
    # Dictionary stems: all but the last token -> [(prefix of the last token, alias)].
    stems: dict[tuple[str, ...], list[tuple[str, Alias]]] = field(default_factory=dict)
    max_len: int = 1
    countries: dict[str, Entry] = field(default_factory=dict)  # PLOVER country code -> entry
    place_names: set[str] = field(default_factory=set)  # names of towns and provinces (PLACE_FILES)

    def add_alias(self, text: str, alias: Alias) -> None:
        toks = tuple(t.norm for t in tokenize(text) if t.norm != "'s")
        if not toks:
            return
        bucket = self.names.setdefault(toks, [])
        if not any(a.entry.key == alias.entry.key and a.role == alias.role for a in bucket):
            bucket.append(alias)
        self.max_len = max(self.max_len, len(toks))

    def add_agent(self, text: str, agent: Agent) -> None:
        toks = tuple(t.norm for t in tokenize(text))
        if toks and toks not in self.agents:
            self.agents[toks] = agent
            self.max_len = max(self.max_len, len(toks))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        out["agents"] = len({a.phrase for a in self.agents.values()})
        out["person_tenures"] = sum(len(e.tenures) for e in self.entries if e.kind == "person")
        return out


_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[0-9A-Za-z][0-9A-Za-z'’.]*")


def fold(text: str) -> str:
    """Strip diacritics so 'Erdoğan' and 'Erdogan' index alike."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def tokenize(text: str) -> list[Token]:
    """Word tokens; hyphens split words (al-Assad = al Assad) and a possessive 's is its own token."""
    out: list[Token] = []
    folded = fold(text)
    for m in _TOKEN_RE.finditer(folded.replace("_", " ")):
        word, start = m.group(), m.start()
        if not re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
            word = word.rstrip(".")
        poss = ""
        if len(word) > 2 and word[-2:] in ("'s", "’s"):
            word, poss = word[:-2], word[-2:]
        elif word.endswith(("'", "’")):
            word = word[:-1]
        norm = word.lower().replace(".", "").replace("'", "").replace("’", "")
        if norm:
            out.append(Token(norm, word, start, start + len(word)))
        if poss:
            out.append(Token("'s", poss, start + len(word), start + len(word) + 2))
    return out


def parse_date(text: str, *, where: str = "") -> date | None:
    """ISO date, or YYYY-MM (first of month), or YYYY (1 January); blank -> None."""
    text = text.strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ActorKBError(f"{where}: bad date {text!r}; write YYYY-MM-DD, YYYY-MM or YYYY") from exc


def _rows(name: str) -> Iterator[tuple[str, list[str]]]:
    """Yield (where, columns) for each data row of a KB file; '#' lines are comments."""
    ref = resources.files(DATA_PACKAGE).joinpath(*DATA_DIR, name)
    text = ref.read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield f"{name}:{lineno}", [c.strip() for c in line.split("\t")]


def _col(cols: list[str], i: int) -> str:
    return cols[i] if i < len(cols) else ""


def _sectors(text: str, where: str) -> tuple[str, ...]:
    secs = tuple(s for s in text.replace(",", " ").split() if s)
    bad = [s for s in secs if s not in SECTORS]
    if bad:
        raise ActorKBError(f"{where}: unknown sector code(s) {bad}; use PLOVER codes {sorted(SECTORS)}")
    return secs


def _country(text: str, where: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if text not in NON_STATE_CODES and pycountry.countries.get(alpha_3=text) is None:
        raise ActorKBError(f"{where}: unknown country code {text!r}; use ISO alpha-3 or {sorted(NON_STATE_CODES)}")
    return text


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isalnum() and letters.isupper() and len(letters) <= 5 and " " not in alias


def name_alias(entry: Entry, text: str, role: str = "name") -> Alias:
    toks = tokenize(text)
    single = len(toks) == 1
    common = single and toks[0].norm in _COMMON_WORDS
    # One-word names of bodies and people ("Platform", "Meta", "Fatah") are ordinary words when lower-case.
    named = single and entry.kind not in ("country",)
    return Alias(entry, role, case_sensitive=_is_acronym(text),
                 capitalised=common or named or entry.kind == "person")


def _load_version() -> str:
    ref = resources.files(DATA_PACKAGE).joinpath(*DATA_DIR, "VERSION")
    return ref.read_text(encoding="utf-8").strip()


def _load_countries(kb: ActorKB) -> None:
    # countries.tsv: iso3  plover_code  names  demonyms(sg|pl)  seats  wikidata
    for where, cols in _rows("countries.tsv"):
        iso3 = cols[0]
        if pycountry.countries.get(alpha_3=iso3) is None and iso3 not in NON_STATE_CODES:
            raise ActorKBError(f"{where}: {iso3!r} is not an ISO 3166 alpha-3 code")
        code = _country(_col(cols, 1) or iso3, where)
        names = _split(_col(cols, 2))
        if not names:
            raise ActorKBError(f"{where}: country {iso3} has no name; add one in column 3")
        wiki = names[0]
        entry = Entry(key=f"country:{iso3}", name=names[0], kind="country", country=code,
                      wikidata=_col(cols, 5) or None, wikipedia=wiki)
        kb.entries.append(entry)
        if code == iso3:
            kb.countries[code] = entry
        for n in names:
            kb.add_alias(n, name_alias(entry, n))
        dem = _col(cols, 3)
        sg, _, pl = dem.partition("/")
        for d in _split(sg):
            kb.add_alias(d, name_alias(entry, d, "demonym"))
        for d in _split(pl):
            kb.add_alias(d, name_alias(entry, d, "demonym_pl"))
        for s in _split(_col(cols, 4)):
            kb.add_alias(s, name_alias(entry, s, "seat"))
    for iso3 in (c.alpha_3 for c in pycountry.countries):
        if not any(e.key == f"country:{iso3}" for e in kb.entries):
            raise ActorKBError(f"countries.tsv: ISO country {iso3} is missing; add a row for it")


IDS_FILE = "wikidata_ids.tsv"


def _load_ids() -> dict[tuple[str, str], tuple[str, str]]:
    """(file stem, canonical name) -> (Wikidata id, Wikipedia title) from the checked-ids table, which
    takes precedence over an id written in the actor's own row."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for where, cols in _rows(IDS_FILE):
        if len(cols) < 5 or not re.fullmatch(r"Q[1-9][0-9]*", cols[3]):
            raise ActorKBError(f"{where}: expected kind, name, country, Wikidata id (Q…), Wikipedia title")
        out[(cols[0], cols[1])] = (cols[3], cols[4])
    return out


def _load_entities(kb: ActorKB, name: str, ids: dict[tuple[str, str], tuple[str, str]]) -> None:
    # name  aliases  country  sectors  wikidata  wikipedia  since  until
    kind = ENTITY_FILES[name]
    stem = name.removesuffix(".tsv")
    for where, cols in _rows(name):
        canon = cols[0]
        since = _col(cols, 6)
        qid, wiki = ids.get((stem, canon), (_col(cols, 4), _col(cols, 5)))
        # A name may have several dated rows (the Taliban before and after 2021): one entry each.
        entry = Entry(
            key=f"{kind}:{canon}:{since}", name=canon, kind=kind, country=_country(_col(cols, 2), where),
            sectors=_sectors(_col(cols, 3), where), wikidata=qid or None,
            wikipedia=wiki or canon, since=parse_date(_col(cols, 6), where=where),
            until=parse_date(_col(cols, 7), where=where),
        )
        kb.entries.append(entry)
        if name in PLACE_FILES:
            kb.place_names.add(canon)
        for n in [canon, *_split(_col(cols, 1))]:
            kb.add_alias(n, name_alias(entry, n))


_PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "der", "bin", "ibn", "abu", "le", "la", "di", "du"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})


# Given names that also end many full names (Abdullah Abdullah, Mohammed bin Salman): never a bare surname.
_GIVEN_NAMES = frozenset({
    "abdullah", "mohammed", "muhammad", "mohamed", "mohammad", "ahmed", "ahmad", "hassan", "hussein", "ali",
    "khan", "singh", "hamid", "mahmoud", "said", "salman", "ibrahim", "ismail", "omar", "mustafa", "yusuf",
    "khalid", "hamad", "zayed", "rashid", "nayef", "farhan", "tariq", "isa", "khalifa", "thani", "sabah",
})
_TITLES = frozenset({"king", "queen", "sheikh", "sultan", "emperor", "prince", "crown", "emir", "president",
                     "pope", "ayatollah", "mullah", "general", "sir", "lord", "dr"})
# Family name first, or no family name: a last word is not a surname there (Kim Jong Un, Min Aung Hlaing).
_NO_SURNAME_COUNTRIES = frozenset({"CHN", "PRK", "KOR", "TWN", "HKG", "KHM", "MMR", "THA", "VNM", "MNG",
                                   "LAO", "ISL"})


def surname_forms(name: str) -> list[str]:
    """'Bashar al-Assad' -> ['al-Assad', 'Assad']; 'Staffan de Mistura' -> ['de Mistura', 'Mistura']."""
    words = [w for w in name.replace(",", " ").split() if w.lower().rstrip(".") not in _SUFFIXES]
    if len(words) < 2 or words[0].lower() in _TITLES or "of" in (w.lower() for w in words):
        return []
    last = words[-1]
    out = [last]
    if "-" in last:
        head, _, tail = last.partition("-")
        if head.lower() in _PARTICLES:
            out.append(tail)
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        out.insert(0, f"{words[-2]} {last}")
    return out


def _load_people(kb: ActorKB, name: str) -> dict[str, list[tuple[str, list[str]]]]:
    # name  aliases  country  sectors  role  start  end  wikidata
    rows: dict[str, list[tuple[str, list[str]]]] = {}
    for where, cols in _rows(name):
        rows.setdefault(cols[0], []).append((where, cols))
    return rows


def _build_people(kb: ActorKB, rows: dict[str, list[tuple[str, list[str]]]],
                  ids: dict[tuple[str, str], tuple[str, str]]) -> None:
    checked = {name: v for (stem, name), v in ids.items() if f"{stem}.tsv" in PERSON_FILES}
    for canon, group in rows.items():
        tenures: list[Tenure] = []
        aliases: list[str] = []
        qid, wiki = checked.get(canon, (None, None))
        for where, cols in group:
            tenures.append(Tenure(
                country=_country(_col(cols, 2), where), sectors=_sectors(_col(cols, 3), where),
                role=_col(cols, 4), start=parse_date(_col(cols, 5), where=where),
                end=parse_date(_col(cols, 6), where=where),
            ))
            aliases += _split(_col(cols, 1))
            qid = qid or _col(cols, 7) or None
            wiki = wiki or _col(cols, 8) or None
        tenures.sort(key=lambda t: t.start or date.min)
        first = tenures[-1]
        entry = Entry(key=f"person:{canon}", name=canon, kind="person", country=first.country,
                      sectors=first.sectors, wikidata=qid, wikipedia=wiki or canon, tenures=tuple(tenures))
        kb.entries.append(entry)
        for n in dict.fromkeys([canon, *aliases]):
            kb.add_alias(n, name_alias(entry, n))
        countries = {t.country for t in tenures}
        surnames = [] if countries & _NO_SURNAME_COUNTRIES else surname_forms(canon)
        for s in surnames:
            toks = tuple(t.norm for t in tokenize(s))
            if toks and len(toks) == 1 and (toks[0] in _COMMON_WORDS or toks[0] in _GIVEN_NAMES):
                continue
            kb.add_alias(s, Alias(entry, "surname", capitalised=True))


def pluralise(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def _load_agents(kb: ActorKB) -> None:
    # phrase  sectors  kind  [plural form(s) | '-' for none]
    for where, cols in _rows("agents.tsv"):
        phrase = cols[0].lower()
        kind = _col(cols, 2) or "person"
        if kind not in AGENT_KINDS:
            raise ActorKBError(f"{where}: agent kind {kind!r}; use one of {AGENT_KINDS}")
        secs = _sectors(_col(cols, 1), where)
        kb.add_agent(phrase, Agent(phrase, secs, kind))
        plural_col = _col(cols, 3)
        if plural_col == "-":
            continue
        words = phrase.split()
        plurals = _split(plural_col) or [" ".join([*words[:-1], pluralise(words[-1])])]
        for p in plurals:
            kb.add_agent(p, Agent(phrase, secs, kind, plural=True))


@lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    """Read the shipped KB once per process."""
    kb = ActorKB(version=_load_version())
    _load_countries(kb)
    ids = _load_ids()
    for name in ENTITY_FILES:
        _load_entities(kb, name, ids)
    people: dict[str, list[tuple[str, list[str]]]] = {}
    for name in PERSON_FILES:
        for canon, group in _load_people(kb, name).items():
            people.setdefault(canon, []).extend(group)
    _build_people(kb, people, ids)
    _load_agents(kb)
    return kb


@lru_cache(maxsize=1)
def organisation_names() -> frozenset[str]:
    """Names and aliases of the KB's organisations, bodies, groups and news outlets, folded: "Xinhua
    reported", "NATO said" and "the Taliban" name an actor, not the Chinese town, the Philippine village or
    the Turkish hamlet that the gazetteer spells the same way."""
    names: set[str] = set()
    for name, kind in ENTITY_FILES.items():
        if kind in ("igo", "group", "org"):
            for _, cols in _rows(name):
                names.update(fold(n) for n in [cols[0], *_split(_col(cols, 1))])
    return frozenset(names)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Head words of the KB's nouns for a person or a role ("official", "spokesman", "minister"): "Houston,
    a U.S. official, said" names a man, not the city."""
    heads: set[str] = set()
    for _, cols in _rows("agents.tsv"):
        if (_col(cols, 2) or "person") in ("person", "role"):
            words = cols[0].lower().split()
            heads.add(words[words.index("of") - 1] if "of" in words[1:] else words[-1])  # "secretary of state"
    return frozenset(heads)


def kb_files() -> list[Path]:
    ref = resources.files(DATA_PACKAGE).joinpath(*DATA_DIR)
    return sorted(Path(str(p)) for p in ref.iterdir() if p.name.endswith(".tsv"))


def iter_people(kb: ActorKB) -> Iterable[Entry]:
    return (e for e in kb.entries if e.kind == "person")
