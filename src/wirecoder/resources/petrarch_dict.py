"""Read PETRARCH/TABARI actor and agent dictionaries into an ActorKB overlay.

Format (as in the PETRARCH validation dictionaries):
  actors:  ``NAME [CODE]``; ``+SYNONYM`` lines add names to the entry above; code lines may stand on
           their own line and carry date restrictions ``[CODE <YYMMDD]``, ``[CODE >YYYYMMDD]``,
           ``[CODE 19950601 - 19990815]``; ``_`` joins words; a name with a trailing ``_`` matches
           whole words only, otherwise its last word also matches as a prefix (ARGENTIN ~ Argentina).
  agents:  ``PHRASE {PLURAL} [~SECTOR]`` (``~`` before the code: sectors appended to the actor's
           code; after it, ``[NGO~]``: the code goes before the actor's, "MSF Arnor" -> NGOARN);
           ``!MACRO! = A, B`` lines define substitutions used as ``CONGRESS!PERSON!``.
  ``#`` starts a comment; ``<!-- ... -->`` blocks are comments. Codes ``---``/``+++`` mean "no code".
  ``[FRO/BIL/SAM]``: the name stands for several actors; the code is kept whole and a coder emits
  one event per alternative (``alternatives``).
  Words joined by ``_`` must be adjacent; words joined by a space may have other words between them
  inside one mention ("ITHILEN TELEVISION" matches "Ithilen state-run television"), as in TABARI.
Both kinds may share a file: each entry is classified by its code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wirecoder.resources.actor_kb import ActorKB, Agent, Alias, Entry, pluralise, tokenize

# An agent code ending in "~" ([NGO~]) goes before the actor's code instead of after it.
PREFIX_MARK = "~"

_NULL_CODES = frozenset({"---", "+++", "###"})
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_MACRO_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
# Generic agents a user dictionary may name without saying what kind of noun they are.
_GROUP_WORDS = frozenset({"police", "troops", "forces", "force", "army", "guard", "media", "press", "group",
                          "organization", "organisation", "judiciary", "parliament", "congress", "government",
                          "ministry", "court", "body", "authority", "service", "community", "newspaper"})


class DictionaryError(ValueError):
    """A dictionary line we cannot read; the message names the file, the line and the fix."""


@dataclass
class DictionaryKB(ActorKB):
    """An ActorKB read from PETRARCH/TABARI files, plus the names whose words may stand apart.

    ``gapped``: first word -> [(words, glued, alias)] for names written with spaces ("CARAS GALADHON");
    ``glued[i]`` says word i must directly follow word i-1 (they were joined by ``_``).
    """

    gapped: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], Alias]]] = field(default_factory=dict)


def alternatives(code: str) -> list[str]:
    """'FRO/BIL/SAM' -> ['FRO', 'BIL', 'SAM']; a plain code is its own only alternative."""
    return [c for c in code.split("/") if c]


def code_sectors(code: str) -> list[str]:
    """The 3-letter sector chunks after the country of one alternative: 'USAGOVELI' -> [GOV, ELI]."""
    rest = code[3:]
    return [rest[i:i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]


def mix_codes(code: str, sectors: Iterable[str]) -> str:
    """PETRARCH's mixing of an actor code with agent codes: each agent sector not already in the
    code is appended, for every alternative ("WHITE_HOUSE [USAGOV]" + GOV, ELI -> USAGOVELI)."""
    secs = list(sectors)
    out = []
    for alt in alternatives(code):
        have = set(code_sectors(alt))
        out.append(alt + "".join(s for s in dict.fromkeys(secs) if s not in have))
    return "/".join(out)


def is_prefix_code(code: str | None) -> bool:
    """An [NGO~] agent's code: it prefixes the actor's code."""
    return bool(code) and code.endswith(PREFIX_MARK)


def prefix_codes(prefix: str, code: str | None) -> str:
    """'NGO~' before 'ARNGOV' -> 'NGOARNGOV' (each alternative); before no actor, 'NGO'."""
    head = prefix.rstrip(PREFIX_MARK)
    if not code:
        return head
    return "/".join(head + alt.lstrip("-") if alt.startswith("---") else head + alt
                    for alt in alternatives(code))


@dataclass
class _Pending:
    names: list[tuple[str, int]] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    where: str = ""


def _tabari_date(text: str, where: str) -> date:
    text = text.strip()
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy < 30 else 1900 + yy
            return date(year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        pass
    raise DictionaryError(f"{where}: bad date {text!r} in a code restriction; write YYMMDD or YYYYMMDD")


def parse_code(block: str, where: str) -> tuple[str, date | None, date | None] | None:
    """'HOBGOV 19950601 - 19990815' -> ('HOBGOV', 1995-06-01, 1999-08-15); '---' -> ('', None, None)."""
    block = block.strip()
    if not block:
        return None
    m = re.fullmatch(r"([^\s<>]+)?\s*(?:<\s*(\d+)|>\s*(\d+)|(\d+)\s*-\s*(\d+))?", block)
    if m is None or m.group(1) is None:
        raise DictionaryError(f"{where}: cannot read code block [{block}]; write [CODE], [CODE <YYMMDD], "
                              "[CODE >YYMMDD] or [CODE YYMMDD - YYMMDD]")
    code = "/".join(c for c in m.group(1).upper().split("/") if c)
    if code in _NULL_CODES:
        code = ""  # "no code" — kept, because it may be restricted to a period
    start = end = None
    if m.group(2):
        end = _tabari_date(m.group(2), where)
    elif m.group(3):
        start = _tabari_date(m.group(3), where)
    elif m.group(4):
        start, end = _tabari_date(m.group(4), where), _tabari_date(m.group(5), where)
    return code, start, end


def _strip_comments(lines: list[str]) -> Iterable[tuple[int, str]]:
    in_block = False
    for lineno, raw in enumerate(lines, 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                in_block = True
            continue
        line = line.split("#", 1)[0]
        yield lineno, line.rstrip()


def _phrase(raw: str) -> tuple[str, bool]:
    """'ARNOR_' -> ('ARNOR', exact); 'CARAS GALADHON' -> ('CARAS GALADHON', stem-matching)."""
    raw = raw.strip()
    exact = raw.endswith("_")
    return raw.strip("_").replace("_", " ").strip(), exact


def _title(phrase: str) -> str:
    return " ".join(w.capitalize() for w in phrase.split())


def load_dictionaries(paths: Iterable[Path]) -> DictionaryKB:
    """Build one overlay KB from PETRARCH/TABARI dictionary files (actors and agents, any order)."""
    kb = DictionaryKB(version="petrarch-dicts")
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise DictionaryError(f"actor dictionary {path} does not exist; pass the path of a "
                                  "PETRARCH/TABARI .txt dictionary to --actor-dict")
        load_into(kb, path.read_text(encoding="utf-8", errors="replace").splitlines(), str(path))
    return kb


def load_into(kb: DictionaryKB, lines: list[str], source: str) -> None:
    macros: dict[str, list[str]] = {}
    pending = _Pending()

    def flush() -> None:
        if pending.names and pending.codes:
            _add_actor(kb, pending)
        pending.names.clear()
        pending.codes.clear()

    for lineno, line in _strip_comments(lines):
        where = f"{source}:{lineno}"
        text = line.strip()
        if not text:
            continue
        mm = _MACRO_RE.match(text)
        if mm:
            macros[mm.group(1).upper()] = [w.strip().upper() for w in mm.group(2).split(",") if w.strip()]
            continue
        codes = [c for c in _CODE_RE.findall(text)]
        head = _CODE_RE.split(text)[0]
        plural_m = re.search(r"\{([^}]*)\}", head)
        plurals = plural_m.group(1) if plural_m else None
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        if codes and "~" in codes[0]:
            flush()
            _add_agent(kb, head, plurals, codes[0], macros, where)
            continue
        if text.startswith("+"):
            if not pending.names:
                raise DictionaryError(f"{where}: synonym {text!r} has no entry above it; put it under a NAME line")
            pending.names.append((head[1:], lineno))
        elif text.startswith("["):
            pass
        else:
            flush()
            pending.where = where
            pending.names.append((head, lineno))
        for c in codes:
            parsed = parse_code(c, where)
            if parsed is not None:
                pending.codes.append(parsed)
    flush()


def _add_actor(kb: DictionaryKB, p: _Pending) -> None:
    dated = tuple(c for c in p.codes if c[1] is not None or c[2] is not None)
    default = next((c[0] for c in p.codes if c[1] is None and c[2] is None), None)
    if not default and not any(c[0] for c in dated):
        return  # [---]: a known name deliberately left uncoded
    name = _title(_phrase(p.names[0][0])[0])
    code = default or (dated[-1][0] if dated else None)
    entry = Entry(key=f"dict:{p.where}", name=name, kind="dict", country=(code or "")[:3] or None,
                  code=code or None, dated_codes=dated)
    kb.entries.append(entry)
    for raw, _ in p.names:
        phrase, exact = _phrase(raw)
        if not phrase:
            continue
        alias = Alias(entry, "name")
        toks = tuple(t.norm for t in tokenize(phrase))
        gapped = _gapped_words(raw)
        if gapped is not None:
            kb.gapped.setdefault(gapped[0][0], []).append((*gapped, alias))
        if exact or len(toks[-1]) < 5:
            kb.add_alias(phrase, alias)
        else:
            # TABARI matches the last word as a stem; keep exact matches fast too.
            kb.add_alias(phrase, alias)
            kb.stems.setdefault(toks[:-1], []).append((toks[-1], alias))
            kb.max_len = max(kb.max_len, len(toks))


def _gapped_words(raw: str) -> tuple[tuple[str, ...], tuple[bool, ...]] | None:
    """'RADAGAST THE_BROWN' -> ((radagast, the, brown), (True, False, True)); None without a space."""
    chunks = raw.strip().strip("_").split()
    if len(chunks) < 2:
        return None
    words: list[str] = []
    glued: list[bool] = []
    for chunk in chunks:
        for k, t in enumerate(tokenize(chunk)):
            words.append(t.norm)
            glued.append(k > 0 or not words[:-1])
    return (tuple(words), tuple(glued)) if len(words) > 1 else None


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", phrase)
    if not m:
        return [phrase]
    subs = macros.get(m.group(1).upper(), [m.group(1)])
    out: list[str] = []
    for s in subs:
        out += _expand(phrase[:m.start()] + s + phrase[m.end():], macros)
    return out


def _add_agent(kb: ActorKB, head: str, plurals: str | None, code: str, macros: dict[str, list[str]],
               where: str) -> None:
    code = code.strip().replace(" ", "").upper()
    prefix, _, suffix = code.partition("~")
    secs_src = suffix or prefix
    sectors = tuple(secs_src[i:i + 3] for i in range(0, len(secs_src) - len(secs_src) % 3, 3))
    if not sectors:
        raise DictionaryError(f"{where}: agent code [{code}] has no sector; write [~GOV] or [NGO~]")
    for phrase in _expand(head, macros):
        words, _ = _phrase(phrase)
        if not words:
            continue
        low = words.lower()
        kind = "group" if low.split()[-1] in _GROUP_WORDS else "person"
        if prefix and not suffix:
            # [NGO~]: a named entry whose code goes before the actor's ("MSF Arnor" -> NGOARN).
            entry = Entry(key=f"dict:{where}:{low}", name=_title(low), kind="dict", country=prefix[:3],
                          code=prefix + PREFIX_MARK)
            kb.entries.append(entry)
            kb.add_alias(low, Alias(entry, "name"))
            for pl in _plurals(low, plurals):
                kb.add_alias(pl, Alias(entry, "name"))
            continue
        kb.add_agent(low, Agent(low, sectors, kind))
        for pl in _plurals(low, plurals):
            kb.add_agent(pl, Agent(low, sectors, kind, plural=True))


def _plurals(phrase: str, plurals: str | None) -> list[str]:
    if plurals is not None:
        # "{}" means the phrase has no separate plural; "{A_B}" gives it.
        return [_phrase(p)[0].lower() for p in plurals.split(",") if p.strip()]
    words = phrase.split()
    return [" ".join([*words[:-1], pluralise(words[-1])])]
