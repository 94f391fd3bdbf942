"""Dates and offices: which of several namesakes is meant on a date, and a person's country and
sectors then (a former office-holder is ELI)."""

from __future__ import annotations

from datetime import date

from wirecoder.resources.actor_kb import Alias, Entry

_OFFICE = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _active_span(ent: Entry) -> tuple[date | None, date | None]:
    if ent.tenures:
        return ent.tenures[0].start, ent.tenures[-1].end
    return ent.since, ent.until


def pick_by_date(cands: list[Alias], on: date | None) -> Alias:
    """Among entries sharing a name: the one active on the date, else the most recent one."""
    def latest(a: Alias) -> date:
        if a.entry.tenures:
            return max((t.start or date.min) for t in a.entry.tenures)
        return a.entry.since or date.min

    if on is not None:
        active = []
        for a in cands:
            if a.entry.tenures:
                if any(t.covers(on) for t in a.entry.tenures):
                    active.append(a)
            else:
                start, end = _active_span(a.entry)
                if (start is None or start <= on) and (end is None or on < end):
                    active.append(a)
        if active:
            if len(active) > 1 and all(a.entry.tenures for a in active):
                # Two people of one name in office at once: news means the one in government, and of
                # two in government ("Orban" in 2020: Hungary's and Romania's prime ministers) the one
                # longer in office by then.
                def governs(a: Alias) -> bool:
                    return any(t.covers(on) and "GOV" in t.sectors for t in a.entry.tenures)
                return max(active, key=lambda a: (governs(a), _days_served(a.entry, on), latest(a)))
            return max(active, key=latest)
        started = [a for a in cands if (_active_span(a.entry)[0] or date.min) <= on]
        if started:
            # Nobody holds office then: the one who held it last ("Orban" after Viktor Orbán left
            # office is still him, not the Romanian who left years before).
            def last_active(a: Alias) -> date:
                if a.entry.tenures:
                    return max(min(t.end or on, on) for t in a.entry.tenures if (t.start or date.min) <= on)
                return min(_active_span(a.entry)[1] or on, on)
            return max(started, key=lambda a: (last_active(a), latest(a)))
    return max(cands, key=latest)


def _days_served(ent: Entry, on: date) -> int:
    return sum(max(0, (min(t.end or on, on) - (t.start or on)).days) for t in ent.tenures)


def person_status(ent: Entry, on: date | None) -> tuple[str | None, list[str]]:
    """Country and sectors of a person on a date: the office held then; ELI after the last one."""
    tenures = ent.tenures
    if not tenures:
        return ent.country, list(ent.sectors)
    if on is None:
        # Undated: the person's most recent office.
        t = tenures[-1]
        return t.country, list(t.sectors)
    current = [t for t in tenures if t.covers(on)]
    if current:
        secs: list[str] = []
        for t in current:
            secs += [s for s in t.sectors if s not in secs]
        return current[-1].country, secs
    past = [t for t in tenures if t.end is not None and t.end <= on]
    if past:
        return past[-1].country, ["ELI"]
    return tenures[0].country, []


def person_country(ent: Entry, on: date | None) -> str | None:
    return person_status(ent, on)[0] or ent.country


def eliify(sectors: list[str]) -> list[str]:
    if set(sectors) & _OFFICE:
        return ["ELI"]
    return sectors
