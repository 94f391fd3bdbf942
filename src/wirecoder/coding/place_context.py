"""Document-level evidence for resolving ambiguous place names: what the *other* names in an article say.

Each distinct name in an article (all mentions of "London" form one name) holds a probability spread
over its candidates. A candidate of one name earns credit from every other name whose candidates lie in
the same country, in the same first-level division, or within a short distance of it: "London" beside
"St. Thomas" and "Ontario" is the Ontario city, "Edmonton" beside "Cairns" the Queensland suburb. A name
never votes for itself, so ten mentions of an ambiguous name cannot outvote the one place that settles it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from wirecoder.resources.gazetteer import Candidate, Entry
from wirecoder.resources.sphere import haversine_km

NEAR_KM = 50.0  # a neighbouring town or suburb, not merely the same half of a country
# Weights on the log10-population scale of the prior: sharing a named division is weaker evidence than
# lying next door (small namesakes of big cities cluster in the same states as other big cities).
_W_ADMIN = 1.0
_W_NEAR = 2.0
# Each other name in a division is one more piece of evidence for it, up to three: a county that three
# names place in Iowa is Iowa's, though Massachusetts has a bigger one of that name.
_ADMIN_CAP = 3.0
_TOP_OTHERS = 12  # candidates per name that vote; the long tail of tiny namesakes carries no mass
_POINT_FEATURES = ("city", "admin2", "airport", "landmark")
_LOCAL_MIN = 0.5  # local credit (division, next door) below which the evidence is national only
# A division more populous than most countries (England, California) is no local evidence: sharing it says as
# little as sharing a country ("Washington" beside London and Salisbury is not Tyne and Wear's).
COUNTRY_SIZED = 30_000_000


@dataclass
class _Spread:
    """One name's belief over its candidates: country mass, division mass and the likeliest points."""

    country: dict[str, float]
    admin: dict[tuple[str, str], float]
    points: list[tuple[Entry, float]]


def _spread(scored: Sequence[tuple[float, Candidate]]) -> _Spread:
    # Scores are on a log10 scale (population), so 10**score is proportional to a prior odds.
    top = max(s for s, _ in scored)
    weights = [(10.0 ** max(-6.0, s - top), c) for s, c in scored]
    total = sum(w for w, _ in weights)
    country: dict[str, float] = defaultdict(float)
    admin: dict[tuple[str, str], float] = defaultdict(float)
    for w, c in weights:
        e = c.entry
        p = w / total
        if e.cc:
            country[e.cc] += p
            key = e.name if e.feature == "admin1" else e.admin1
            if key:
                admin[(e.cc, key)] += p
    ranked = sorted(((w / total, c.entry) for w, c in weights), key=lambda x: -x[0])[:_TOP_OTHERS]
    points = [(e, p) for p, e in ranked if p >= 0.01 and e.feature in _POINT_FEATURES]
    return _Spread(dict(country), dict(admin), points)


class DocumentContext:
    """Credit for each candidate from the other names of the same article (see module docstring)."""

    def __init__(self, groups: dict[tuple, list[tuple[float, Candidate]]], focus_cc: str | None = None,
                 neighbours: Mapping[str, frozenset[str]] | None = None,
                 division_size: Callable[[str, str], int] | None = None) -> None:
        self._spreads = {g: _spread(scored) for g, scored in groups.items() if scored}
        self._focus = focus_cc
        self._neighbours = neighbours or {}
        self._division_size = division_size or (lambda cc, name: 0)
        self._sized: dict[tuple[str, str], bool] = {}
        self._all: dict[str, float] = defaultdict(float)
        for s in self._spreads.values():
            for cc, p in s.country.items():
                self._all[cc] += p
        if focus_cc:
            self._all[focus_cc] += 2.0
        self._totals: dict[tuple, dict[str, float]] = {}

    @classmethod
    def build(cls, groups: dict[tuple, list[Candidate]], score: Callable[[tuple, Candidate], float],
              focus_cc: str | None = None, neighbours: Mapping[str, frozenset[str]] | None = None,
              division_size: Callable[[str, str], int] | None = None) -> DocumentContext:
        return cls({g: [(score(g, c), c) for c in cs] for g, cs in groups.items()}, focus_cc, neighbours,
                   division_size)

    def _country_sized(self, key: tuple[str, str]) -> bool:
        if key not in self._sized:
            self._sized[key] = self._division_size(*key) >= COUNTRY_SIZED
        return self._sized[key]

    def _country_totals(self, group: tuple) -> dict[str, float]:
        """Country mass over every name but group's own (cached: each name's candidates ask it)."""
        if group not in self._totals:
            own = self._spreads.get(group)
            totals = dict(self._all)
            if own is not None:
                for cc, p in own.country.items():
                    totals[cc] -= p
            self._totals[group] = totals
        return self._totals[group]

    def bonus(self, group: tuple, e: Entry, *, national_cap: float | None = None, tiny: bool = False) -> float:
        """Context credit of candidate e of name group. national_cap bounds the credit that comes from
        the article's countries alone, without any local evidence (same division, next door); for a tiny
        namesake (tiny) a shared division counts as national evidence too, and only next door is local."""
        others = [s for g, s in self._spreads.items() if g != group]
        if not others and self._focus is None:
            return 0.0
        national = local = 0.0
        if e.cc:
            totals = self._country_totals(group)
            mass = totals.get(e.cc, 0.0)
            n = len(others) + (2 if self._focus else 0)
            national += 3.0 * mass / max(1, n) + (1.0 if mass >= 0.5 else 0.0)
            if mass >= 0.5 and mass >= max(totals.values()) - 1e-9:  # the article's main country
                national += 1.5
            if e.feature != "country":
                key = (e.cc, e.name if e.feature == "admin1" else e.admin1 or "")
                in_admin = sum(s.admin.get(key, 0.0) for s in others)
                if tiny or self._country_sized(key):
                    national += _W_ADMIN * min(_ADMIN_CAP, in_admin)
                else:
                    local += _W_ADMIN * min(_ADMIN_CAP, in_admin)
            else:
                # A country's neighbours are its "next door": "Georgia" beside Armenia and Azerbaijan.
                beside = self._neighbours.get(e.cc, frozenset())
                near = sum(p for cc, p in totals.items() if cc in beside)
                local += _W_NEAR * min(1.0, near)
        if e.feature in _POINT_FEATURES:
            near = 0.0
            for s in others:
                near += sum(p for o, p in s.points
                            if abs(o.lat - e.lat) < 1.5
                            and haversine_km(o.lat, o.lon, e.lat, e.lon) <= NEAR_KM)
            local += _W_NEAR * min(1.0, near)
        if national_cap is not None and local < _LOCAL_MIN:
            national = min(national, national_cap)
        return national + local
