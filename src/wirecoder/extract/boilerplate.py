"""Drop page furniture from plain article text so that it never yields events.

Works on "units": a line, or a hard-wrapped paragraph. A unit is body-like when it reads as prose
(ends a sentence and has several words, or is long). Furniture is removed in three places:
  * the head, before the first body unit: site name, headline (kept as the title), deck/caption,
    byline and date lines;
  * anywhere: explicit furniture (share buttons, "N comments", photo and wire credits, tags, ads);
  * "Related posts"-style sections and everything headline-like under them, and every non-prose
    unit after the last body unit (comment counts, outlet credits, link lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{pattern})\s*$", re.I)


_FURNITURE = [
    _full(r"\d[\d,.]*k?\s+(?:comments?|shares?|views?|responses?|replies|reactions?)"),
    _full(r"(?:no comments(?: yet)?|comments? (?:are|is) (?:now )?closed|leave a (?:comment|reply)|post a comment"
          r"|add (?:a )?comment|join the (?:discussion|conversation)|(?:show|view|load) comments|comments)\.?"),
    _full(r"(?:advertisement|advert|sponsored(?: content)?|promoted(?: content)?|skip to (?:main )?content"
          r"|back to top|read more|continue reading|load more|click here\b.*|subscribe\b.{0,60}"
          r"|sign up\b.{0,80}|follow us\b.{0,80}|download (?:our|the) app\b.{0,60})\.{0,3}"),
    # Photo, video and image credits and captions with an agency/photographer credit.
    _full(r"(?:file )?(?:photo|photograph|image|picture|video|graphic)s?(?: credit)?\s*(?:[:：|©]|by\b|courtesy\b).*"),
    _full(r".*\b(?:REUTERS|AFP|AP|EPA|Getty Images|Xinhua|ANADOLU|SANA)\s*/\s*[A-Z][\w .'-]{1,60}(?:/[\w ]+)?"),
    _full(r"(?:©|\(c\)|copyright\b).{0,120}|all rights reserved\.?.{0,60}"),
    # Wire and staff credits.
    _full(r"\(?(?:additional )?(?:reporting|writing|editing|compiled|research)(?: by)?\b[^.]{0,150}\)?\.?"),
    _full(r"\(?(?:reuters|ap|afp|associated press|agence france[- ]presse|bloomberg|xinhua|dpa|ansa|efe|upi"
          r"|press association|pa media)\)?(?: news service| news agency| wire| staff)?\.?"),
    _full(r"(?:tags?|filed under|posted in|categor(?:y|ies)|topics?|keywords?)\s*:.*"),
]
_SECTION = _full(
    r"(?:related(?: posts| articles| stories| news| coverage| content| topics| links)?|read (?:more|also|next)"
    r"|more (?:from|on|in|about) .{1,60}|more (?:stories|news|articles)|you (?:may|might) (?:also )?like"
    r"|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?"
    r"|also read|see also|latest(?: news| stories| posts)?|top stories|what to read next"
    r"|popular (?:posts|stories)|(?:in )?other news|editor'?s? picks?)\s*:?"
)
_SHARE_WORDS = frozenset(
    "share shares sharing this article story on via tweet email e-mail print whatsapp facebook twitter x "
    "linkedin reddit pinterest telegram copy link messenger flipboard save comment comments".split()
)
_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&|\|).{0,80})?$", re.I)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:published|posted|updated|last updated|date)\s*:?\s*)?(?:\w+day,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:[ ,T|at-]+\d{{1,2}}[:.]\d{{2}}.{{0,20}})?\s*$",
    re.I,
)


@dataclass
class CleanText:
    text: str
    title: str | None = None
    site: str | None = None
    date_text: str | None = None
    dropped: int = 0  # units removed as furniture


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def is_body(unit: str) -> bool:
    n = _words(unit)
    return (n >= 8 and bool(_TERMINAL.search(unit.strip()))) or n >= 30


def is_furniture(unit: str, *, source: str | None = None) -> bool:
    s = unit.strip()
    if not s:
        return True
    if source and s.lower() == source.strip().lower():
        return True
    if any(p.match(s) for p in _FURNITURE):
        return True
    words = [w.lower() for w in _WORD.findall(s)]
    return bool(words) and len(words) <= 12 and all(w in _SHARE_WORDS for w in words)


def split_units(text: str, *, line_units: bool = False) -> list[str]:
    """Lines, except that a block of several long lines is one hard-wrapped paragraph (unwrapped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if line_units:
        return [ln.strip() for ln in text.split("\n") if ln.strip()]
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.rstrip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        long_lines = sum(1 for ln in lines[:-1] if len(ln) >= 50 and not _TERMINAL.search(ln))
        if len(lines) > 1 and long_lines >= max(1, (len(lines) - 1) // 2):
            # One paragraph wrapped at a fixed width: unwrap it, or every line would end a sentence
            # and cut the names and clauses that run across a line end.
            units.append(" ".join(ln.strip() for ln in lines))
        else:
            units.extend(ln.strip() for ln in lines)
    return units


def clean_text(text: str, *, title: str | None = None, source: str | None = None,
               line_units: bool = False) -> CleanText:
    units = split_units(text, line_units=line_units)
    body_idx = [i for i, u in enumerate(units) if is_body(u)]
    if not body_idx:
        # Nothing reads as prose (a headline-only item, a one-line sentence without a full stop):
        # drop only explicit furniture rather than everything.
        kept = [u for u in units if not is_furniture(u, source=source) and not _SECTION.match(u)]
        return CleanText("\n\n".join(kept), title=title, dropped=len(units) - len(kept))
    first, last = body_idx[0], body_idx[-1]
    out = CleanText("", title=title)

    # Head: site name, headline, deck/caption, byline, date.
    head = units[:first]
    for j, u in enumerate(head):
        if _DATE_LINE.match(u):
            out.date_text = out.date_text or u
        elif j == 0 and len(head) > 1 and _words(u) <= 5 and not _TERMINAL.search(u) and not _BYLINE.match(u):
            out.site = u
        elif out.title is None and not _BYLINE.match(u) and not is_furniture(u, source=source):
            out.title = u.rstrip()

    kept: list[str] = []
    in_section = False
    for u in units[first:last + 1]:
        if _SECTION.match(u):
            in_section = True
            continue
        if in_section:
            if not is_body(u):
                continue
            in_section = False
        if is_furniture(u, source=source) or (title and u.strip() == title.strip()):
            continue
        kept.append(u)
    out.text = "\n\n".join(kept)
    out.dropped = len(units) - len(kept)
    return out
