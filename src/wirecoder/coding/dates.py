"""Event dates: explicit or relative expressions resolved against the article's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ])
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b(?!\.?,?\s+\d{{4}})", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
# A month named alone after a word that makes it a time ("in February", "since early March", "last May"; the
# capital letter and the lead word keep out the verb "march" and the modal "May").
_MONTH_ALONE = re.compile(
    rf"\b(in|since|during|by|until|through|from|last|next|this|early|late|mid|end\s+of|beginning\s+of)"
    rf"(?:\s+(early|late|mid))?[\s-]+((?:{'|'.join(n.capitalize() for n in MONTHS if len(n) > 3 or n == 'may')}))\b"
    rf"(?!\.?\s*\d)")
_YEAR = re.compile(r"\b(?:in|since|during|by)\s+((?:19|20)\d{2})\b", re.I)
# A year naming the event something happened in: "killed in the 2020 clash", "during the 2020-22 war".
_YEAR_OF_EVENT = re.compile(r"\b(?:in|during)\s+the\s+((?:19|20)\d{2})(?:[-\u2013]\d{2,4})?\s+(?=[a-z])", re.I)
_WEEKDAY = re.compile(r"\b(?:(last|next|this|on|late|early|for)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?:\s+(night|morning|evening|afternoon))?\b", re.I)
_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|tomorrow|last\s+night|this\s+week|last\s+week|next\s+week|earlier\s+this\s+week|"
    r"this\s+month|last\s+month|next\s+month|earlier\s+this\s+month|this\s+year|last\s+year|next\s+year|"
    r"earlier\s+this\s+year|(\d+|two|three|four|five|six|several)\s+(days?|weeks?|months?|years?)\s+ago)\b",
    re.I,
)
_LEAD = re.compile(r"^(?:on|in|since|during|by)\s+", re.I)
_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3}


@dataclass(frozen=True)
class ResolvedDate:
    date: date | None
    precision: str | None  # day | week | month | year
    text: str | None  # the expression as written (None when defaulted to publication date)
    start: int = -1  # char offset of the expression inside the searched text
    explicit: bool = True


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, future: bool) -> date | None:
    """A day-month without a year: the occurrence closest to publication, in the right direction."""
    cands = [_safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    cands = [c for c in cands if c is not None]
    if not cands:
        return None
    if future:
        after = [c for c in cands if c >= published]
        return min(after) if after else max(cands)
    before = [c for c in cands if c <= published + timedelta(days=1)]
    return max(before) if before else min(cands)


def _month_alone(month: int, lead: str, published: date, future: bool) -> date:
    """The first day of a month named without a year: this year's ("this March"), the one ahead ("next
    March", or any for a future event), the one before the current month ("last March"), else the latest
    one up to publication ("in February", the current month included)."""
    this = date(published.year, month, 1)
    current = published.replace(day=1)
    if lead == "this":
        return this
    if lead == "next" or (future and lead != "last"):
        return this if this > current or (this == current and lead != "next") else date(published.year + 1, month, 1)
    if lead == "last":
        return this if this < current else date(published.year - 1, month, 1)
    return this if this <= current else date(published.year - 1, month, 1)


def find_dates(text: str, published: date | None, *, future: bool = False) -> list[ResolvedDate]:
    """All date expressions in `text`, resolved where a publication date allows. Ordered by position."""
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], d: date | None, precision: str) -> None:
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        phrase = _LEAD.sub("", m.group(0).strip())
        found.append(ResolvedDate(d, precision if d else None, phrase, s))

    for m in _ISO.finditer(text):
        add(m, _safe_date(int(m[1]), int(m[2]), int(m[3])), "day")
    for m in _DAY_MONTH_YEAR.finditer(text):
        add(m, _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1])), "day")
    for m in _MONTH_DAY_YEAR.finditer(text):
        add(m, _safe_date(int(m[3]), MONTHS[m[1].lower()], int(m[2])), "day")
    for m in _MONTH_YEAR.finditer(text):
        add(m, _safe_date(int(m[2]), MONTHS[m[1].lower()], 1), "month")
    for pattern, mi, di in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for m in pattern.finditer(text):
            if m[mi].lower() == "may" and pattern is _MONTH_DAY and not m[0][0].isupper():
                continue  # the modal verb "may"
            if m[mi].lower() == "may" and pattern is _DAY_MONTH:
                continue  # "5 may" is too often "5 may be..."
            d = _nearest_year(MONTHS[m[mi].lower()], int(m[di]), published, future) if published else None
            add(m, d, "day")
    for m in _MONTH_ALONE.finditer(text):
        add(m, _month_alone(MONTHS[m[3].lower()], m[1].lower(), published, future) if published else None, "month")
    for m in (*_YEAR.finditer(text), *_YEAR_OF_EVENT.finditer(text)):
        add(m, date(int(m[1]), 1, 1), "year")
    for m in _WEEKDAY.finditer(text):
        qual = (m[1] or "").lower()
        d = None
        if published:
            target = WEEKDAYS[m[2].lower()]
            delta = (published.weekday() - target) % 7
            # ("a strike for Thursday", "talks set for Monday": a day ahead)
            if qual in ("next", "for") or (future and qual != "last"):
                ahead = (target - published.weekday()) % 7 or 7
                d = published + timedelta(days=ahead)
            else:
                # News reports "on Thursday" for the most recent Thursday (today counts).
                d = published - timedelta(days=delta if qual != "last" or delta else 7)
        add(m, d, "day")
    for m in _RELATIVE.finditer(text):
        d, prec = _relative(m, published)
        add(m, d, prec)
    found.sort(key=lambda r: r.start)
    return found


def _relative(m: re.Match[str], published: date | None) -> tuple[date | None, str]:
    phrase = " ".join(m[0].lower().split())
    if published is None:
        return None, "day"
    p = published
    table: dict[str, tuple[date, str]] = {
        "yesterday": (p - timedelta(days=1), "day"), "last night": (p - timedelta(days=1), "day"),
        "today": (p, "day"), "tonight": (p, "day"), "tomorrow": (p + timedelta(days=1), "day"),
        "this week": (p - timedelta(days=p.weekday()), "week"),
        "earlier this week": (p - timedelta(days=p.weekday()), "week"),
        "last week": (p - timedelta(days=p.weekday() + 7), "week"),
        "next week": (p + timedelta(days=7 - p.weekday()), "week"),
        "this month": (p.replace(day=1), "month"), "earlier this month": (p.replace(day=1), "month"),
        "last month": ((p.replace(day=1) - timedelta(days=1)).replace(day=1), "month"),
        "next month": ((p.replace(day=28) + timedelta(days=4)).replace(day=1), "month"),
        "this year": (p.replace(month=1, day=1), "year"), "earlier this year": (p.replace(month=1, day=1), "year"),
        "last year": (date(p.year - 1, 1, 1), "year"), "next year": (date(p.year + 1, 1, 1), "year"),
    }
    if phrase in table:
        return table[phrase]
    n_s, unit = m[2], m[3].lower().rstrip("s")
    n = int(n_s) if n_s.isdigit() else _NUM.get(n_s.lower(), 1)
    if unit == "day":
        return p - timedelta(days=n), "day"
    if unit == "week":
        return p - timedelta(weeks=n), "week"
    if unit == "month":
        y, mo = divmod(p.year * 12 + p.month - 1 - n, 12)
        return date(y, mo + 1, 1), "month"
    return date(p.year - n, 1, 1), "year"


def resolve_event_date(clause_text: str, sentence_text: str, published: date | None, *,
                       future: bool = False, clause_offset: int = 0, past_before: int = 0) -> ResolvedDate:
    """The date of an event: an expression in its clause, else in its sentence, else the publication date.
    A future event looks ahead only from its own clause, and there only from past_before on: a date
    outside the clause, or before that point of it, is the report's ("said on Monday it would boycott the
    new parliament" said so last Monday)."""
    for scope, ahead in ((clause_text, future), (sentence_text, False)):
        hits = find_dates(scope, published, future=ahead)
        if ahead and past_before > 0:
            past = {h.start: h for h in find_dates(scope, published)}
            hits = [past.get(h.start, h) if h.start < past_before else h for h in hits]
        if hits:
            # Prefer a resolved expression; when several, the first in the clause is usually the event's.
            resolved = [h for h in hits if h.date is not None]
            return resolved[0] if resolved else hits[0]
    if published is None:
        return ResolvedDate(None, None, None, explicit=False)
    return ResolvedDate(published, "day", None, explicit=False)
