"""Read PETRARCH/TABARI verb dictionaries: synsets, verb blocks, verb forms and patterns with codes.

Format (as in PETRARCH2's validation dictionary):
  ``&NAME`` starts a synset; its ``+MEMBER`` lines follow (a member may itself be ``&OTHER``).
  ``--- LABEL [CODE] ---`` starts a verb block; the block's plain lines are its verbs
  (``VERB [CODE] {FORM FORM}``; ``+VERB`` is a synonym; ``WIRE_+TAP``: ``+`` marks the inflected word
  of a multi-word verb, ``_`` joins words) and its ``- ... [CODE]`` lines are patterns.
  In a pattern ``*`` is the verb, ``$``/``+`` mark where the source/target actor stands, ``%`` a
  compound actor, ``^`` skips one noun phrase, ``&NAME`` any member of a synset; words joined by ``_``
  must be adjacent, words separated by spaces may have other words between them.
  Codes: ``[064]``, ``[032:033]`` (source->target and target->source), ``[---]`` (deliberately not an
  event); ``+++``/``###`` mean "no code of its own". ``#`` starts a comment; ``<!-- -->`` too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

NULL_CODE = "---"
# Codes that carry no code of their own: the verb's default applies instead.
DEFER_CODES = frozenset({"+++", "###"})

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_HEADER_RE = re.compile(r"^---\s*(.*?)\s*((?:\[[^\]]*\]\s*)*)(?:---)?\s*$")
_FORMS_RE = re.compile(r"\{([^}]*)\}")


class VerbDictionaryError(ValueError):
    """A verb-dictionary line we cannot read; the message names file:line and the fix."""


@dataclass(frozen=True)
class Code:
    """A pattern's or verb's event code: ``forward`` source->target, ``reverse`` target->source."""

    forward: str
    reverse: str | None = None

    @property
    def is_null(self) -> bool:
        return self.forward == NULL_CODE

    @property
    def defers(self) -> bool:
        return self.forward in DEFER_CODES


@dataclass(frozen=True)
class Element:
    """One pattern element: a literal word run, a synset, the verb, or an actor/skip marker.

    ``words`` holds alternative word runs (one for a literal, one per member for a synset);
    ``glued`` says the element must directly follow the previous one (``_`` in the pattern).
    """

    kind: str  # word | verb | source | target | compound | skip
    words: tuple[tuple[str, ...], ...] = ()
    glued: bool = False


@dataclass(frozen=True)
class Pattern:
    before: tuple[Element, ...]  # elements before the verb, in sentence order
    after: tuple[Element, ...]  # elements after the verb, in sentence order
    code: Code
    text: str
    where: str  # file:line, for evidence and error messages
    verb_glued: bool = False  # the verb must directly follow the last element before it

    @property
    def weight(self) -> int:
        """Specificity: how many literal words the pattern requires."""
        n = 0
        for el in (*self.before, *self.after):
            if el.kind == "word":
                n += min(len(w) for w in el.words)
            elif el.kind in ("source", "target", "compound", "skip"):
                n += 1
        return n


@dataclass(frozen=True)
class Verb:
    """One verb of a block: the inflected word, words glued before/after it, its forms and code."""

    word: str
    pre: tuple[str, ...]
    post: tuple[str, ...]
    forms: frozenset[str]
    code: Code | None
    block: str
    where: str


@dataclass
class VerbBlock:
    label: str
    code: Code | None
    where: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # upper-case surface form -> verbs having it (a form may sit in several blocks)
    by_form: dict[str, list[Verb]] = field(default_factory=dict)
    patterns_of: dict[str, list[Pattern]] = field(default_factory=dict)  # block label -> patterns

    def verbs_for(self, form: str) -> list[Verb]:
        return self.by_form.get(form.upper(), [])


def inflect(word: str) -> set[str]:
    """Regular English forms of a verb as PETRARCH generates them (+S, +ED, +ING), plus a doubled
    final consonant for short verbs (STAB -> STABBED), which the dictionaries otherwise spell out."""
    w = word.upper()
    forms = {w}
    if w.endswith("E"):
        forms |= {w + "S", w + "D", w[:-1] + "ING"}
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        forms |= {w[:-1] + "IES", w[:-1] + "IED", w + "ING"}
    elif w.endswith(("S", "X", "Z", "CH", "SH")):
        forms |= {w + "ES", w + "ED", w + "ING"}
    else:
        forms |= {w + "S", w + "ED", w + "ING"}
        if (len(w) >= 3 and w[-1] not in "AEIOUWXY" and w[-2] in "AEIOU" and w[-3] not in "AEIOU"
                and len(w) <= 4):
            forms |= {w + w[-1] + "ED", w + w[-1] + "ING"}
    return forms


def _drop_comment(line: str) -> str:
    """Cut a '#' comment, but not a '#' inside a code block such as [###]."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def _strip(lines: list[str]) -> Iterable[tuple[int, str]]:
    in_block = False
    for lineno, raw in enumerate(lines, 1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            in_block = False
            line = line.split("-->", 1)[1]
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                in_block = True
            continue
        line = _drop_comment(line).strip()
        if line:
            yield lineno, line


def _parse_code(text: str, where: str) -> Code:
    text = text.strip().upper()
    if not text:
        raise VerbDictionaryError(f"{where}: empty code []; write a CAMEO code such as [064] or [---]")
    fwd, _, rev = text.partition(":")
    if not fwd.strip():
        raise VerbDictionaryError(f"{where}: code [{text}] has no source->target part; write [032:033]")
    return Code(fwd.strip(), rev.strip() or None)


def _split_multiword(spec: str, where: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """'WIRE_+TAP' -> ('TAP', ('WIRE',), ()); 'BREAK_DOWN' -> ('BREAK', (), ('DOWN',))."""
    spec = spec.strip()
    if spec.startswith("+"):
        spec = spec[1:]
    words = [w for w in re.split(r"[_\s]+", spec) if w]
    if not words:
        raise VerbDictionaryError(f"{where}: verb line has no word; write VERB [CODE]")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    idx = marked[0] if marked else 0
    words = [w.lstrip("+").upper() for w in words]
    return words[idx], tuple(words[:idx]), tuple(words[idx + 1:])


def _parse_verb(line: str, block: VerbBlock, where: str) -> Verb:
    codes = _CODE_RE.findall(line)
    forms_m = _FORMS_RE.search(line)
    head = _FORMS_RE.sub(" ", _CODE_RE.sub(" ", line)).strip()
    word, pre, post = _split_multiword(head, where)
    exact = head.rstrip().endswith("_")
    forms = {word} if exact else inflect(word)
    if forms_m:
        for f in forms_m.group(1).split():
            fw, fpre, fpost = _split_multiword(f, where)
            if (fpre, fpost) != (pre, post):
                raise VerbDictionaryError(f"{where}: form {f!r} does not have the same words around the verb "
                                          f"as {head!r}; spell each form like the verb, e.g. WIRE_+TAPPED")
            forms.add(fw)
    code = _parse_code(codes[0], where) if codes else None
    return Verb(word, pre, post, frozenset(forms), code, block.label, where)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Split a pattern into (token, glued-to-previous) pairs: '_' glues, whitespace separates."""
    out: list[tuple[str, bool]] = []
    glue = False
    for tok in re.split(r"(_|\s+)", text):
        if tok == "_":
            glue = True
        elif tok and not tok.isspace():
            out.append((tok, glue))
            glue = False
    return out


def _parse_pattern(line: str, synsets: dict[str, tuple[tuple[str, ...], ...]], where: str) -> Pattern:
    codes = _CODE_RE.findall(line)
    if not codes:
        raise VerbDictionaryError(f"{where}: pattern {line!r} has no code; end it with [CODE], e.g. [064]")
    code = _parse_code(codes[0], where)
    body = line[1:line.index("[")].strip()
    elements: list[Element] = []
    for tok, glued in _tokens(body):
        if tok == "*":
            elements.append(Element("verb", glued=glued))
        elif tok == "$":
            elements.append(Element("source", glued=glued))
        elif tok == "+":
            elements.append(Element("target", glued=glued))
        elif tok == "%":
            elements.append(Element("compound", glued=glued))
        elif tok == "^":
            elements.append(Element("skip", glued=glued))
        elif tok.startswith("&"):
            name = tok[1:].upper()
            if name not in synsets:
                raise VerbDictionaryError(f"{where}: synset &{name} is used before it is defined; "
                                          f"define &{name} with +MEMBER lines above this pattern")
            elements.append(Element("word", synsets[name], glued))
        else:
            # '+WORD' inside a pattern marks the target's head word in TABARI; read it as a word
            elements.append(Element("word", ((tok.lstrip("+").upper(),),), glued))
    verbs = [i for i, e in enumerate(elements) if e.kind == "verb"]
    if len(verbs) != 1:
        raise VerbDictionaryError(f"{where}: pattern {line!r} needs exactly one '*' for the verb")
    i = verbs[0]
    return Pattern(tuple(elements[:i]), tuple(elements[i + 1:]), code, body, where, elements[i].glued)


def _synset_member(text: str, synsets: dict[str, tuple[tuple[str, ...], ...]],
                   where: str) -> list[tuple[str, ...]]:
    text = text.strip()
    if text.startswith("&"):
        name = text[1:].strip("_ ").upper()
        if name not in synsets:
            raise VerbDictionaryError(f"{where}: synset &{name} is used before it is defined; move its "
                                      "definition above")
        return list(synsets[name])
    words = tuple(w.upper() for w in re.split(r"[_\s]+", text) if w)
    return [words] if words else []


def parse_verb_lines(lines: list[str], source: str, into: VerbDictionary | None = None) -> VerbDictionary:
    vd = into or VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    for lineno, line in _strip(lines):
        where = f"{source}:{lineno}"
        if line.startswith("---"):
            m = _HEADER_RE.match(line)
            if m is None or not m.group(1):
                raise VerbDictionaryError(f"{where}: cannot read block header {line!r}; write --- VERB [CODE] ---")
            codes = _CODE_RE.findall(m.group(2) or "")
            block = VerbBlock(m.group(1).strip(" _").upper(), _parse_code(codes[0], where) if codes else None,
                              where)
            vd.blocks.append(block)
            synset = None
            continue
        if line.startswith("&"):
            synset = line[1:].strip("_ ").upper()
            vd.synsets[synset] = ()
            block = None
            continue
        if synset is not None and line.startswith("+"):
            vd.synsets[synset] = (*vd.synsets[synset], *_synset_member(line[1:], vd.synsets, where))
            continue
        if block is None:
            raise VerbDictionaryError(f"{where}: {line!r} is outside any verb block or synset; start a block "
                                      "with --- VERB [CODE] --- or a synset with &NAME")
        if line.startswith("-"):
            block.patterns.append(_parse_pattern(line, vd.synsets, where))
        else:
            verb = _parse_verb(line, block, where)
            block.verbs.append(verb)
            for form in verb.forms:
                vd.by_form.setdefault(form, []).append(verb)
    for b in vd.blocks:
        vd.patterns_of.setdefault(b.label, []).extend(b.patterns)
    return vd


def load_verb_dictionary(path: Path | str) -> VerbDictionary:
    path = Path(path)
    if not path.is_file():
        raise VerbDictionaryError(f"verb dictionary {path} does not exist; pass the path of a PETRARCH/TABARI "
                                  "verbs .txt file to --verb-dict")
    return parse_verb_lines(path.read_text(encoding="utf-8", errors="replace").splitlines(), str(path))


def load_discards(path: Path | str) -> list[tuple[str, ...]]:
    """Discard phrases (upper-case word tuples): a sentence containing one is not coded.

    ``+PHRASE`` marks a story-level discard in TABARI; a sentence coder treats both kinds alike.
    """
    path = Path(path)
    if not path.is_file():
        raise VerbDictionaryError(f"discard dictionary {path} does not exist; pass a PETRARCH discards .txt file")
    out: list[tuple[str, ...]] = []
    for _, line in _strip(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        words = tuple(w.upper() for w in re.split(r"[_\s]+", line.lstrip("+").strip()) if w)
        if words:
            out.append(words)
    return out
