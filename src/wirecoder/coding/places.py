"""Toponyms of an article, found (place_recognition) and resolved in context here.

Resolution ranks a mention's gazetteer candidates by population and feature type, cue words
("province", "city of"), "X, Y" pairs (shared by every mention of the name), lists (one kind per list)
and what the article's other names say about country, division and neighbourhood
(place_context.DocumentContext). Names the gazetteer lacks back off to the place they contain ("Southern
California" -> California), else to the place named with them ("Collins Avenue in Miami Beach"), the
article's one clear town or its country, marked by score 0 (place_standins).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from wirecoder.coding.place_context import DocumentContext
from wirecoder.coding.place_names import (
    ADMIN_CUES,
    CITY_CUES,
    DIVISION_OF,
    PROVINCE_WORDS,
    STATE_CUES,
    TOWN_OF,
    PlaceNames,
    Toponym,
    capitalised,
    place_from,
    respelling_of,
)
from wirecoder.coding.place_recognition import ToponymRecogniser
from wirecoder.coding.place_standins import LONELY_POP, place_local_names, unsupported_namesakes
from wirecoder.coding.place_text import is_compass_word, is_dateline, name_end
from wirecoder.resources.gazetteer import Candidate, Entry, Gazetteer, load_gazetteer
from wirecoder.resources.gazetteer_names import fold
from wirecoder.resources.sphere import haversine_km
from wirecoder.schema import Place

LIST_SEPARATORS = (",", "and", "or", "&", ", and", ", or")
LIST_BONUS = 4.0
CONTEXT_ROUNDS = 4
COUNTRY_OF = ("republic of", "kingdom of", "country of", "nation of", "sultanate of", "emirate of")
OWN_PAIR_ADMIN_BONUS = 6.0  # a mention's own "X, <its state>" against the article's other towns
LEAN_BONUS = 3.0  # what a mention's own words about where it lies lend the name's other mentions
CONTAINER_BONUS = 6.0  # as much as an "X, Y" pair can give X (country and division)
# The best-known town of a dateline's name: as much as "X, Y" gives, more than the story's other places; the
# name's other mentions too, unless they name a division themselves ("the province of Valencia").
DATELINE_BONUS = 6.0
NAMESAKE_RATIO = 50  # population ratio that makes a place a small namesake of another
NAMESAKE_NATIONAL_CAP = 1.5  # most credit such a namesake gets from national context alone
# A town a thousand times smaller than a city of millions bearing its name ("London", California) is a
# tiny namesake: sharing a division with the article's other names does not place it, only next door does.
TINY_RATIO = 1000
METROPOLIS = 1_000_000
CITY_SHARE = 5  # the city reading needs at least 1/CITY_SHARE of its namesake division's people


def _list_neighbours(doc: Doc, spans: list[tuple[Span, str, str]]) -> list[list[int]]:
    """Runs of toponyms written as a list ("Colorado, California, and Minnesota"), as span indices."""
    runs: list[list[int]] = []
    for i, (span, _, _) in enumerate(spans):
        if i and runs and runs[-1][-1] == i - 1:
            prev = spans[i - 1][0]
            # a separator is one or two tokens (", and"): no need to read a longer gap
            between = " ".join(t.text for t in doc[prev.end:span.start]).lower() if span.start - prev.end <= 2 else ""
            if prev.end < span.start and between in LIST_SEPARATORS and prev.sent.start == span.sent.start:
                runs[-1].append(i)
                continue
        runs.append([i])
    return [r for r in runs if len(r) > 1]


def _shared_cues(doc: Doc, spans: list[tuple[Span, str, str]], lists: list[list[int]]) -> dict[int, str]:
    """The plural division word after a list (_list_neighbours) that names every member ("the Donetsk and
    Luhansk regions", "Idlib and Aleppo provinces"), by span index of the members before it (the last has
    it next anyway)."""
    out: dict[int, str] = {}
    for run in lists:
        end = spans[run[-1]][0].end
        word = doc[end].lower_ if end < len(doc) else ""
        if word in ADMIN_CUES and word.endswith("s"):
            out.update((i, word) for i in run[:-1])
        first = spans[run[0]][0].start
        plural = _divisions_of_before(doc[max(0, first - 2):first].text)
        if plural is not None:  # "the states of Kano and Katsina"
            out.update((i, plural) for i in run)
    return out


def _division_of_before(prev2: str) -> bool:
    """Whether the two words before a name are a division word and "of" ("the province of")."""
    return any(prev2.endswith(f"{cue} of") for cue in DIVISION_OF)


def _province_cued(span: Span) -> bool:
    """Whether a mention's own words call it a province-sized division: "Latakia province", "the eastern
    province of Arauca" (in lower case: "the Lagos State Governor" is the state's proper name, which leaves
    a bare "Lagos" the city)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[max(0, span.start - 2):span.start]
    return (nxt is not None and nxt.is_lower and nxt.text in PROVINCE_WORDS) or (
        len(prev) == 2 and prev[1].lower_ == "of" and prev[0].is_lower and prev[0].text in PROVINCE_WORDS)


def _divisions_of_before(prev2: str) -> str | None:
    """The plural division word when the two words before a list are one and "of" ("the states of" Kano and
    Katsina); in lower case only ("the United States of America" is no state). Before a single name it says
    the opposite: "rebel-held districts of Homs" are parts of the city."""
    plurals = (cue[:-1] + "ies" if cue.endswith("y") else cue + "s" for cue in DIVISION_OF)
    return next((p for p in plurals if prev2.endswith(f"{p} of")), None)


def _same_kind(e: Entry, like: Entry) -> bool:
    """Of one kind with like: the same feature and, below the country level, the same country (like
    has no country when the list's towns need not share one)."""
    return e.feature == like.feature and (e.feature in ("country", "continent", "region") or like.cc is None
                                          or e.cc == like.cc)


def _list_bonus(lists: list[list[int]], best: list[Candidate | None]) -> dict[int, Entry]:
    """For list members (_list_neighbours), the reading most of their fellow members share, where most share one.

    Items of one list are things of one kind: beside "Colorado" and "California", "Minnesota" is the
    state and "Washington" the state, not the capital; beside "New York" and "Boston" it is the city.
    A majority rather than all: in a long list of states one misread member ("Ontario" the Californian
    city among Canadian provinces) must not silence the others.
    """
    out: dict[int, Entry] = {}
    for run in lists:
        for i in run:
            others = [best[j].entry for j in run if j != i and best[j] is not None]
            for like in others:
                if sum(_same_kind(o, like) for o in others) * 2 > len(others):
                    # One town says little about its fellows' country: "New York and Toronto".
                    out[i] = like if len(others) > 1 or like.feature != "city" else replace(like, cc=None)
                    break
    return out


def _main_country(mentions: list[Toponym], headline_end: int = 0, doc: Doc | None = None,
                  headline: Sequence[Toponym] = ()) -> str | None:
    """The country the mentions name twice or more, the most often (or the one country they name), or None.
    A mention in the headline (before headline_end, or in a headline kept apart from the text), which says
    what the story is about, counts twice: "Rebels seize border post in Myanmar's Kachin state" is about
    Myanmar, however often China, across whose border the fighting spills, comes up after."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, t in enumerate(headline):
        if t.place.country:
            counts[t.place.country] += 2
            first.setdefault(t.place.country, k - len(headline))
    for k, t in enumerate(mentions):
        if t.place.country:
            # (a wire dateline is where the reporter files from, no more: it counts once and leads nothing)
            span = doc.char_span(t.place.char_start, t.place.char_end) if doc is not None \
                and t.place.char_start is not None else None
            dateline = span is not None and is_dateline(span)
            headline = not dateline and t.place.char_start is not None and t.place.char_start < headline_end
            counts[t.place.country] += 2 if headline else 1
            if not dateline:
                first.setdefault(t.place.country, k)
    if not counts:
        return None
    # (a tie goes to the country named first: a story names its subject before its neighbours)
    best = min(counts, key=lambda cc: (-counts[cc], first.get(cc, len(mentions))))
    return best if counts[best] >= 2 or len(counts) == 1 else None


def headline_end(doc: Doc) -> int:
    """Where the headline a text opens on ends (a first line that ends without a full stop), or 0."""
    sents = list(doc.sents)[:2]
    headline = len(sents) > 1 and not sents[0].text.rstrip().endswith((".", "!", "?", '"', "”"))
    return sents[0].end_char if headline else 0


def _lean(pair_bonus: dict[tuple, dict[int, float]], key: tuple, credit: Iterable[tuple[int, float]]) -> None:
    """Lend a name's other mentions one mention's evidence (entry id, credit): each candidate keeps the
    most any mention lends it."""
    best = pair_bonus.setdefault(key, {})
    for i, c in credit:
        best[i] = max(best.get(i, 0.0), c)


def _states_of_one_country(xs: Sequence[Candidate], ys: Sequence[Candidate]) -> bool:
    """Whether X of "X, Y" can itself be a state of Y's country ("Washington, West Virginia"): then only
    the absence of a list going on makes Y X's address."""
    return bool({c.entry.cc for c in xs if c.entry.feature == "admin1"} & {y.entry.cc for y in ys})


# An alternate name that is another spelling of its place's own name (place_names.respelling_of) outranks
# a same-sized place that merely lists the name.
ROMANISATION_BONUS = 0.3

# How near a county's (a region's) point a town must lie for "Town, County" ("Town, Region") to hold it.
AREA_KM = 75.0
REGION_KM = 300.0


def _within(a: Entry, b: Entry, km: float) -> bool:
    return abs(a.lat - b.lat) < km / 100.0 and haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


class PlaceFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.names = PlaceNames(gazetteer)
        self.recogniser = ToponymRecogniser(self.names)

    @classmethod
    def load(cls) -> PlaceFinder:
        return cls(load_gazetteer())

    # ------------------------------------------------------------ public interface

    def find(self, doc: Doc, *, focus_country: str | None = None, demonyms: bool = False) -> list[Place]:
        """Every toponym mention in doc (char offsets into doc.text), resolved where possible.

        demonyms=True also returns adjective forms ("Syrian", "European") resolved to their country
        or region; by default only place names are returned.
        """
        return [t.place for t in self.find_mentions(doc, focus_country=focus_country, demonyms=demonyms)]

    def capital_phrases(self, doc: Doc, named: Sequence[Place] = (), focus: str | None = None) -> list[Place]:
        """'rallied in the Georgian capital', 'arrived in Haiti's capital': the capital city of the one country
        the adjective or possessive names, where no name follows ('the Syrian capital Damascus' names it). A
        bare 'the capital' is the capital of the article's country where the article named that city before
        (among the places `named`). Scenes for events, not toponyms: the geoparsing corpora and `wirecoder
        places` list names only."""
        out: list[Place] = []
        home = self.gaz.country(focus) if focus else None
        home_capital = self.gaz.capital_of(home.cc) if home is not None else None
        home_iso3 = self.gaz.iso3(home.cc) if home is not None else None
        for tok in doc:
            if tok.lower_ != "capital" or tok.i < 2:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper():
                continue
            if doc[tok.i - 2].lower_ == "the":  # "the Georgian capital"
                start = doc[tok.i - 1]
                kind = "demonym"
            elif doc[tok.i - 1].text in ("'s", "’s"):  # "Haiti's capital"
                start = doc[tok.i - 2]
                kind = "name"
            elif doc[tok.i - 1].lower_ == "the" and (nxt is None or nxt.lower_ != "of"):
                # "Police detained 151 people after protesters blocked streets in the capital", after Yerevan
                said = home_capital is not None and any(
                    p.char_start is not None and p.char_start < tok.idx and p.name == home_capital.name
                    and p.country == home_iso3 for p in named)
                if said:
                    out.append(place_from(home_capital, doc[tok.i - 1:tok.i + 1].text, doc[tok.i - 1].idx,
                                          tok.idx + len(tok), 0.0))
                continue
            else:
                continue
            countries = {c.entry.cc for c in self.names.candidates(start.text, kind) if c.entry.feature == "country"}
            capital = self.gaz.capital_of(next(iter(countries))) if len(countries) == 1 else None
            if capital is not None:
                out.append(place_from(capital, doc[start.i:tok.i + 1].text, start.idx, tok.idx + len(tok), 0.0))
        return out

    def country_phrases(self, doc: Doc, focus: str | None) -> list[Place]:
        """'killed across the country', 'protests nationwide': the article's own country, at its point.
        Scenes for events, not toponyms, as capital_phrases."""
        entry = self.gaz.country(focus) if focus else None
        if entry is None:
            return []
        out: list[Place] = []
        for tok in doc:
            if tok.lower_ == "nationwide" and tok.dep_ in ("advmod", "npadvmod"):  # not "a nationwide strike"
                span = doc[tok.i:tok.i + 1]
            elif (tok.lower_ in ("country", "nation") and tok.dep_ == "pobj" and tok.head.lower_ in ("across", "throughout")
                  and any(c.lower_ == "the" for c in tok.children)):
                span = doc[tok.head.i:tok.i + 1]
            else:
                continue
            out.append(place_from(entry, span.text, span.start_char, span.end_char, 0.0))
        return out

    def focus_country(self, doc: Doc) -> str | None:
        """The ISO alpha-3 country the article is mostly about, or None."""
        return _main_country(self.find_mentions(doc, demonyms=True), headline_end(doc), doc)

    def find_with_focus(self, doc: Doc, headline: Doc | None = None) -> tuple[list[Place], str | None]:
        """find() and focus_country() in one recognition pass (the coder needs both for every article);
        headline: the story's headline where the text was given without it."""
        spans = self.recogniser.recognise(doc, demonyms=True)
        # The first pass only has to find the article's main country: two context rounds settle that.
        first = self._resolve(doc, spans, focus_country=None, rounds=2)
        titled = self.find_mentions(headline, demonyms=True) if headline is not None and len(headline) else []
        focus = _main_country(first, headline_end(doc), doc, titled)
        names = [s for s in spans if s[1] != "demonym"]
        if focus is None:
            return [t.place for t in first if t.kind != "demonym"], None
        return [t.place for t in self._resolve(doc, names, focus_country=focus)], focus

    def find_mentions(self, doc: Doc, *, focus_country: str | None = None,
                      demonyms: bool = False) -> list[Toponym]:
        spans = self.recogniser.recognise(doc, demonyms=demonyms)
        return self._resolve(doc, spans, focus_country=focus_country)

    # ------------------------------------------------------------ resolution

    def _resolve(self, doc: Doc, spans: list[tuple[Span, str, str]], *, rounds: int = CONTEXT_ROUNDS,
                 focus_country: str | None) -> list[Toponym]:
        cands = [self.names.resolvable(s.text, kind) for s, kind, _ in spans]
        # All mentions of one name form a group: they share their candidates, the document context
        # (which never counts a name's own mentions) and any "X, Y" evidence one of them carries
        # (one sense per discourse: "Santa Ana, California" settles the later bare "Santa Ana"s).
        groups: dict[tuple, list[Candidate]] = {}
        pair_bonus: dict[tuple, dict[int, float]] = {}
        own_pair: dict[int, dict[int, float]] = {}  # a mention's own "X, Y" outranks its namesakes'
        echo: dict[tuple, dict[int, float]] = {}  # a dateline's reading, for all mentions of its name
        keys: list[tuple] = []
        contradicted: set[tuple] = set()
        unheld: set[int] = set()
        called = {n: ccs for n, (span, kind, _) in enumerate(spans)
                  if kind == "name" and (ccs := self.names.called_in(span))}
        for n, ((span, kind, _), cs) in enumerate(zip(spans, cands, strict=True)):
            key = (kind, fold(span.text))
            keys.append(key)
            if not cs:
                continue
            groups.setdefault(key, cs)
            # Only towns are contained: "Russia in Syria" is an actor somewhere, "Russia, China" a list.
            town = all(c.entry.feature in ("city", "admin2") for c in cs)
            pair = self.names.comma_pair(span, allow_in=town)
            held = pair is not None and self._contained(span, pair)
            if pair and not held and _states_of_one_country(cs, pair):
                pair = None  # "Virginia, Washington, West Virginia and Wyoming": a list of states, no address
            if pair:
                # a country after a comma is often the next item of a list ("Niger, Nigeria and Togo")
                own_pair[n] = {c.entry.id: self._pair_bonus(c.entry, pair, own=True, address=held) for c in cs}
                _lean(pair_bonus, key, ((c.entry.id, self._pair_bonus(c.entry, pair)) for c in cs))
                contained = held and (doc[span.end].text != "," or all(p.entry.feature == "admin1" for p in pair))
                divisions = {(p.entry.cc, p.entry.name) for p in pair if p.entry.feature == "admin1"}
                named = {p.entry.cc for p in pair}
                if town and contained and (
                        not any(c.entry.cc in named for c in cs)
                        or (len(divisions) == len(pair) and not any((c.entry.cc, c.entry.admin1) in divisions
                                                                    for c in cs))):
                    # "the town of Kani in Sagaing Region" and no Kani in Myanmar, "Holliday, Missouri"
                    # and only a Holliday in Texas: the gazetteer lacks it, and a namesake elsewhere would
                    # be worse than the division's own point.
                    contradicted.add(key)
                elif held and not any(c.entry.cc in named for c in cs) and (
                        not self.names.candidates(span.text, kind)
                        or (town and not any(c.entry.cc in self._with_neighbours(named) for c in cs))):
                    # "Hassakeh, Peru": a place spelt so only in another romanisation, and only elsewhere;
                    # "Palma, Mozambique" and only Mallorca's Palma: far from where the text puts it
                    # ("Donetsk, Russia" keeps its town next door)
                    contradicted.add(key)
            elif town and kind == "name":
                area = self._comma_area(span)
                near = {c.entry.id for c in cs for a in area
                        if _within(c.entry, a.entry, AREA_KM if a.entry.feature == "admin2" else REGION_KM)}
                if near:
                    own_pair[n] = {i: OWN_PAIR_ADMIN_BONUS for i in near}
                    _lean(pair_bonus, key, ((i, LEAN_BONUS) for i in near))
                elif area and self._contained(span, area):
                    # "Croft, Yorkshire" and no Croft near Yorkshire: the county or region's own point
                    # (the stand-in rule) is better than a namesake elsewhere, for this mention.
                    unheld.add(n)
            if n in called and n not in own_pair:
                # "the northern Israeli town of Kiryat Shmona" says as much as "Kiryat Shmona, Israel", for
                # all mentions of the name; with no such town there, the country's point (the stand-in
                # rule) beats a namesake elsewhere, for this mention
                inside = [c.entry.id for c in cs if c.entry.cc in called[n]]
                if inside:
                    _lean(pair_bonus, key, ((i, LEAN_BONUS) for i in inside))
                    # and for this mention, its own words over its namesakes' ("Pakistan's Punjab province"
                    # ... "India's Punjab state")
                    own_pair[n] = {i: OWN_PAIR_ADMIN_BONUS for i in inside}
                else:
                    unheld.add(n)
            if kind == "name" and is_dateline(span):
                # A dateline names the town the story was filed from: with no state or country
                # ("WASHINGTON —", "MOSCOW (Reuters)") the best known of the name, whatever the story's
                # other places are (a British spy story datelined Washington is still about DC); with one
                # ("VALENCIA, Spain (Reuters)") the best known there, not the bigger division named after it.
                towns = [c for c in cs if c.entry.feature == "city"]
                if pair:
                    held_by = max((own_pair[n][c.entry.id] for c in towns), default=0.0)
                    towns = [c for c in towns if held_by > 0 and own_pair[n][c.entry.id] == held_by]
                if towns:
                    # a town bearing the name as its own before one that merely lists it ("ISLAMABAD" is the
                    # Pakistani capital, not Chattogram, which bore the name centuries ago)
                    towns = [c for c in towns if not c.alternate] or towns
                    echo.setdefault(key, {})[max(towns, key=self.names.prior).entry.id] = DATELINE_BONUS
        container = self._container_bonus(doc, spans, cands)
        focus = self.gaz.country(focus_country) if focus_country else None
        focus_cc = focus.cc if focus is not None else None

        def group_score(key: tuple, c: Candidate) -> float:
            return (self.names.prior(c) + pair_bonus.get(key, {}).get(c.entry.id, 0.0)
                    + echo.get(key, {}).get(c.entry.id, 0.0))

        # A small namesake of a far bigger place ("Paris", Texas) needs local evidence (its division,
        # a neighbour) to win; that the article is about its country is not enough on its own.
        caps: dict[tuple, float] = {}
        tiny: set[tuple] = set()
        for k, group in groups.items():
            biggest = max(c.entry.population for c in group)
            metropolis = max((c.entry.population for c in group if c.entry.feature == "city"), default=0)
            for c in group:
                if c.entry.feature in ("city", "admin2") and biggest >= NAMESAKE_RATIO * max(1, c.entry.population):
                    caps[(k, c.entry.id)] = NAMESAKE_NATIONAL_CAP
                    if metropolis >= METROPOLIS and metropolis >= TINY_RATIO * max(1, c.entry.population):
                        tiny.add((k, c.entry.id))
        # Rounds: first every name votes with its context-free belief, then with its belief given the
        # context so far, so a settled name ("Cairns") can pull an unsettled one along. Each round adds
        # the mean of all earlier rounds' context, not the last one alone: two names that each lean
        # on the other ("Edmonton" and "Enfield") would otherwise swap readings every round.
        ctx = DocumentContext.build(groups, group_score, focus_cc, self.gaz.neighbours, self.gaz.division_size)
        past: dict[tuple, list[float]] = defaultdict(list)
        for _ in range(rounds - 1):
            for k, group in groups.items():
                for c in group:
                    past[(k, c.entry.id)].append(ctx.bonus(k, c.entry, national_cap=caps.get((k, c.entry.id)),
                                                          tiny=(k, c.entry.id) in tiny))

            def believed(k: tuple, c: Candidate) -> float:
                seen = past[(k, c.entry.id)]
                return group_score(k, c) + sum(seen) / len(seen)

            ctx = DocumentContext.build(groups, believed, focus_cc, self.gaz.neighbours,
                                        self.gaz.division_size)
        lists = _list_neighbours(doc, spans)
        cues = _shared_cues(doc, spans, lists)
        # a name the article calls a division ("the eastern province of Arauca") and never a town means the
        # division when written bare too ("the fighting in Arauca"), for all that news usually means the town
        # (a district or county may be a town's own, "the Cairns district", and a district "of" a town is a
        # part of it, "the Mukuru district of Nairobi"); a capital or a city of millions keeps its bare name
        # whatever else the article calls a division ("the Kyiv region" ... "drones hit Kyiv")
        told = {k for (span, _, _), k in zip(spans, keys, strict=True) if _province_cued(span)} - {
            k for (span, _, _), k in zip(spans, keys, strict=True) if self._city_cued(span)} - {
            k for k, group in groups.items() if any(c.entry.feature == "city" and (
                c.entry.population >= METROPOLIS or self.gaz.is_capital(c.entry)) for c in group)}
        scored: list[list[tuple[float, Candidate]]] = []
        for i, ((span, _, _), cs, key) in enumerate(zip(spans, cands, keys, strict=True)):
            if not cs or key in contradicted or i in unheld:
                scored.append([])
                continue
            bonus = own_pair.get(i, pair_bonus.get(key, {}))
            held = container.get(i, {})
            # one sense per discourse with the dateline, unless the mention names a division itself
            # ("VALENCIA, Spain (Reuters)" ... "in the province of Valencia") or has an address of its own
            # ("PORTLAND, Ore." ... "in Seattle and in Portland, Maine")
            extra = {} if self._division_cued(span) or (i in own_pair and not is_dateline(span)) else echo.get(key, {})
            scored.append([(self._score(c, cs, span, cues.get(i), told=key in told) + bonus.get(c.entry.id, 0.0) + held.get(c.entry.id, 0.0)
                            + extra.get(c.entry.id, 0.0)
                            + ctx.bonus(key, c.entry, national_cap=caps.get((key, c.entry.id)),
                                        tiny=(key, c.entry.id) in tiny), c) for c in cs])
        list_bonus = _list_bonus(lists, [max(s, key=lambda x: x[0])[1] if s else None for s in scored])
        for i in container:  # "Yonkers, New York" is a town and its state, not a list of two towns
            list_bonus.pop(i, None)
            list_bonus.pop(i - 1, None)
        out: list[Toponym] = []
        chosen: list[Entry | None] = []
        for i, ((span, kind, source), cs) in enumerate(zip(spans, cands, strict=True)):
            start, end = span.start_char, span.end_char
            if not scored[i]:
                out.append(Toponym(Place(text=span.text, char_start=start, char_end=end), kind, source, 0))
                chosen.append(None)
                continue
            like = list_bonus.get(i)
            best_score, best = max(((s + (LIST_BONUS if like and _same_kind(c.entry, like) else 0.0), c)
                                    for s, c in scored[i]), key=lambda x: x[0])
            out.append(Toponym(place_from(best.entry, span.text, start, end, best_score), kind, source,
                               len(cs)))
            chosen.append(best.entry)
        countries = {n: place_from(e, "", 0, 0, 0.0) for n, ccs in called.items()
                     if len(ccs) == 1 and (e := self.gaz.country(next(iter(ccs)))) is not None}
        return place_local_names(unsupported_namesakes(out, chosen, cands, vouched=set(called), text=doc.text), doc,
                                 self.names, countries=countries)

    def _with_neighbours(self, ccs: set[str]) -> set[str]:
        return ccs.union(*(self.gaz.neighbours.get(cc, frozenset()) for cc in ccs))

    def _contained(self, span: Span, pair: list[Candidate]) -> bool:
        """Whether the Y of span's "X in Y" or "X, Y" holds X: a comma also separates list items
        ("Beijing, Russia and India"), so there only with no list going on around the pair."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text != ",":
            return span.end < len(doc) and doc[span.end].lower_ in ("in", "located")
        y_end = name_end(doc, span.end + 1)
        goes_on = y_end + 1 < len(doc) and (
            doc[y_end].lower_ in ("and", "or")
            or (doc[y_end].text == "," and doc[y_end + 1].lower_ in ("and", "or"))
            or (doc[y_end].text == "," and doc[y_end + 1].text[:1].isupper()
                and doc[y_end + 1].ent_type_ not in ("DATE", "TIME")  # "SANTA CRUZ, Bolivia, Oct 30 -"
                and not self._country_of(doc[y_end + 1:name_end(doc, y_end + 1)], pair)))
        # a list running into X: "Miami, West Palm Beach, New York, and Detroit"
        return not (goes_on or (span.start >= 2 and doc[span.start - 1].text == ","
                                and capitalised(doc[span.start - 2])))

    def _comma_area(self, span: Span) -> list[Candidate]:
        """Candidates of Y in "X, Y" or "X in Y" when Y is a county or a region within one country:
        "Croft, Yorkshire", "Rockingham, Northamptonshire"."""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text not in (",", "in"):
            return []
        end = span.end + 1
        while end < len(doc) and end - span.end <= 3 and capitalised(doc[end]):
            end += 1
        y = doc[span.end + 1:end]
        if not len(y):
            return []
        cands = self.gaz.candidates(y.text)
        if any(c.entry.feature == "city" and c.entry.population >= LONELY_POP for c in cands):
            return []  # "After Paris, London is ...": a city's name is no county here
        # By its own name: "Allen" alone is a person more often than Allen County.
        return [c for c in cands if c.entry.feature in ("admin2", "region") and c.entry.cc and not c.demonym
                and fold(c.entry.name) == fold(y.text)]

    def _country_of(self, span: Span, pair: list[Candidate]) -> bool:
        """Whether span names the country of the divisions in pair: "Stroud, Ontario, Canada" is one
        address, not a list."""
        ccs = {p.entry.cc for p in pair}
        return any(c.entry.feature == "country" and c.entry.cc in ccs for c in self.gaz.candidates(span.text))

    def _container_bonus(self, doc: Doc, spans: list[tuple[Span, str, str]],
                         cands: list[list[Candidate]]) -> dict[int, dict[int, float]]:
        """Y of "X, Y" is the division holding X where X has a town in it: "Bronx, New York" names the
        state, though a bare "New York" is the city. Per mention, not per name. Not where X is itself a
        state of Y's country and a list goes on ("Virginia, Washington, West Virginia and Wyoming")."""
        out: dict[int, dict[int, float]] = {}
        for i in range(1, len(spans)):
            prev, cur = spans[i - 1][0], spans[i][0]
            if prev.end + 1 != cur.start or doc[prev.end].text != "," or not cands[i - 1]:
                continue
            if _states_of_one_country(cands[i - 1], cands[i]) and not self._contained(prev, cands[i]):
                continue
            holders = {(c.entry.cc, c.entry.admin1) for c in cands[i - 1]
                       if c.entry.feature in ("city", "admin2") and c.entry.admin1}
            for c in cands[i]:
                if c.entry.feature == "admin1" and (c.entry.cc, c.entry.name) in holders:
                    out.setdefault(i, {})[c.entry.id] = CONTAINER_BONUS
        return out

    @staticmethod
    def _pair_bonus(e: Entry, pair: list[Candidate], *, own: bool = False, address: bool = False) -> float:
        """Credit from "X, Y" for candidate e of X: its country, and more its division. The mention that
        carries the pair (own) takes its division or country as settled, whatever the article's other
        towns say ("Richmond, Virginia" in a Kentucky story; "Trinidad, Bolivia", where no list goes on, is
        not the island); the name's other mentions only lean its way."""
        s = 0.0
        if e.cc in {p.entry.cc for p in pair}:
            s += 3.0
        if e.admin1 in {p.entry.name for p in pair if p.entry.feature == "admin1"} or (
                own and address and e.cc in {p.entry.cc for p in pair if p.entry.feature == "country"}):
            s += OWN_PAIR_ADMIN_BONUS if own else 3.0
        return s

    def _city_stands_for(self, city: Entry, division: Entry) -> bool:
        """Whether a city is what its same-named division's name means in news: a good part of it
        (1/CITY_SHARE of its people) or its country's capital."""
        return city.population * CITY_SHARE >= division.population or self.gaz.is_capital(city)

    @staticmethod
    def _division_cued(span: Span) -> bool:
        """Whether a mention names a division by its own words: "Latakia province", "the state of Washington"."""
        doc = span.doc
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        return nxt in ADMIN_CUES or _division_of_before(doc[max(0, span.start - 2):span.start].text.lower())

    @staticmethod
    def _city_cued(span: Span) -> bool:
        """Whether a mention names a town by its own words: "Arauca city", "the town of Arauca"."""
        doc = span.doc
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        return nxt in CITY_CUES or doc[max(0, span.start - 2):span.start].text.lower().endswith(
            TOWN_OF)

    def _score(self, c: Candidate, cs: list[Candidate], span: Span, cue: str | None = None, *,
               told: bool = False) -> float:
        """Context-free score of one candidate for one mention: prior plus the mention's own cue words
        (cue: a division word the mention shares with the list it ends, _shared_cues; told: the article
        calls the name a division elsewhere and never a town)."""
        e = c.entry
        doc = span.doc
        s = self.names.prior(c)
        nxt = cue or (doc[span.end].lower_ if span.end < len(doc) else "")
        prev2 = doc[max(0, span.start - 2):span.start].text.lower()
        if e.feature in ("admin1", "admin2") and (
                (nxt in ADMIN_CUES and not (e.feature == "admin2" and nxt in ("region", "regions")))
                or _division_of_before(prev2)):
            # "Latakia province", "the state of Washington"; but "the Houston region" is the city's
            # surroundings, not Houston County (a region is a first-level division where it is one)
            s += 5.0
        if nxt in STATE_CUES and e.feature == "admin1":
            s += 5.0  # "New York Gov. Andrew Cuomo": a governor or legislature belongs to the state
        key = fold(span.text)
        if e.feature == "city":
            # A name that is both a division and a city inside it ("Geneva": canton and city) names one
            # spot either way: the city reading gets the weight of both.
            # Only when the city bears the division's own name, or is known by it and big enough to
            # stand for it ("Odessa": the oblast and the city Odesa): "Minnesota" must not lend the state's
            # weight to Minneota, a small town inside it that merely lists the state's name as an alternate
            # (New York City, whose name extends the mention, has a rule of its own below).
            divisions = [self.names.prior(o) for o in cs if o.entry.feature == "admin1" and o.entry.cc == e.cc
                         and o.entry.name == e.admin1
                         and (fold(o.entry.name) == fold(e.name)
                              or (c.alternate and not o.alternate and not fold(e.name).startswith(key)))
                         and self._city_stands_for(e, o.entry)]
            if divisions and not told:
                s = math.log10(10 ** s + 10 ** max(divisions))
        if c.alternate and not c.demonym and any(not o.alternate for o in cs) and not (
                told and e.feature in ("admin1", "admin2")):
            # Some place bears this name as its own: one that merely lists it among its alternates
            # ("Venice" for Dayton, "West Coast" for the Gambia's Western division) needs to be far
            # bigger to win. Exonyms still do: Köln for "Cologne" outweighs the Italian village.
            s -= 1.0
        if respelling_of(span.text, c, cs):
            # Where no place bears the name as its own, one that lists it spelt like its own name holds a
            # romanisation of it ("Sloviansk" for Slov'yans'k); one unlike it, a second name or a stray
            # entry (Nikopol lists "Sloviansk").
            s += ROMANISATION_BONUS
        if c.alternate and e.feature == "city" and fold(e.name) == key + " city":
            s += 1.5  # "New York" for "New York City" is the city's own name, not a stray alternate
        if e.feature == "city" and self._city_cued(span):
            s += 3.0
        if e.feature == "country" and prev2.endswith(COUNTRY_OF):
            s += 5.0  # "the former Soviet republic of Georgia" in a story about the state of Georgia
        # A city and the division named after it: news means the city unless told otherwise, when the
        # city is a good part of the division or its country's capital ("New York", "Aleppo",
        # "Washington"); a small capital of a big province names the province ("Quebec").
        before = doc[span.start - 1] if span.start else None
        if (e.feature in ("admin1", "admin2") and before is not None and before.is_lower
                and (is_compass_word(before.text) or before.text in ("upstate", "downstate"))):
            return s  # "central Washington", "eastern New York": a part of the state, not of the city
        if e.feature in ("admin1", "admin2") and nxt not in ADMIN_CUES and not told:
            names = {key, fold(e.name)}
            # "New York" also reaches "New York City" (an alternate name that extends the mention), and
            # "Odessa" the city Odesa inside Odessa oblast (a spelling of the city's own name).
            if any(o.entry.feature == "city" and o.entry.cc == e.cc
                   and (fold(o.entry.name) in names if not o.alternate
                        else fold(o.entry.name).startswith(key) or (e.feature == "admin1" and o.entry.admin1 == e.name))
                   and self._city_stands_for(o.entry, e) for o in cs):
                s -= 4.0
        return s
