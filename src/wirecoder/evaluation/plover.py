"""PLOVER gold-standard evaluation: top-1 type accuracy, macro-F1 over types, actor-country accuracy and
event-location accuracy (where the gold record names the place of the event)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from wirecoder.resources.gazetteer_names import fold
from wirecoder.schema import PLOVER_TYPES, Event, Place

NO_EVENT = "-"


@dataclass
class PloverReport:
    n: int = 0
    correct: int = 0
    actor_checked: int = 0
    actor_correct: int = 0
    location_checked: int = 0
    location_correct: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> count
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (gold, predicted, text)
    seconds: float = 0.0

    @property
    def top1(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def location_accuracy(self) -> float:
        return self.location_correct / self.location_checked if self.location_checked else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_correct / self.actor_checked if self.actor_checked else 0.0

    def per_type(self) -> dict[str, tuple[float, float, float, int]]:
        out = {}
        for t in PLOVER_TYPES:
            tp = self.confusion[(t, t)]
            fp = sum(v for (g, p), v in self.confusion.items() if p == t and g != t)
            fn = sum(v for (g, p), v in self.confusion.items() if g == t and p != t)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out[t] = (prec, rec, f1, tp + fn)
        return out

    @property
    def macro_f1(self) -> float:
        rows = [v for v in self.per_type().values() if v[3] > 0]
        return sum(r[2] for r in rows) / len(rows) if rows else 0.0


def gold_countries(actors: list[dict]) -> set[str]:
    return {str(a.get("code") or "")[:3].upper() for a in actors if a.get("code")}


def top_event(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence) if events else None


def same_place(gold_name: str, place: Place | None) -> bool:
    """The gold location's name ("Gorazde", "town of Rafah") is the event's place: the same words as the
    mention or the resolved name, either containing the other, or the same name spelt a little otherwise
    (the gold file writes "Algers" for Algiers)."""
    if place is None:
        return False
    gold = fold(gold_name)
    return any(gold and key and (gold in key or key in gold or fuzz.ratio(gold, key) >= 85)
               for key in (fold(place.text or ""), fold(place.name or "")))


def score_sentence(report: PloverReport, gold_type: str, gold_src: set[str], events: list[Event], text: str,
                   gold_location: str | None = None) -> None:
    best = top_event(events)
    pred = best.event_type if best else NO_EVENT
    report.n += 1
    report.confusion[(gold_type, pred)] += 1
    if pred == gold_type:
        report.correct += 1
    else:
        report.errors.append((gold_type, pred, text))
    same = [e for e in events if e.event_type == gold_type]
    if same and gold_src:
        ev = top_event(same)
        report.actor_checked += 1
        if {a.country for a in ev.actor if a.country} & gold_src:
            report.actor_correct += 1
    if same and gold_location:
        report.location_checked += 1
        report.location_correct += same_place(gold_location, top_event(same).location)


def evaluate_plover(path: Path, *, limit: int | None = None) -> PloverReport:
    import time
    from datetime import date

    from wirecoder.pipeline import Pipeline, Resources
    from wirecoder.schema import Article

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    pipeline = Pipeline(Resources.load())
    report = PloverReport()
    t0 = time.perf_counter()
    articles = [Article(id=f"gold{i}", text=r["text"], published=date(2016, 1, 1)) for i, r in enumerate(rows)]
    coded = pipeline.code_articles(articles)
    for r, ca in zip(rows, coded, strict=True):
        score_sentence(report, r["event_plover_v08"], gold_countries(r.get("source") or []), ca.events, r["text"],
                       (r.get("eventLoc") or {}).get("name"))
    report.seconds = time.perf_counter() - t0
    return report


def print_report(report: PloverReport, *, show_errors: int = 0, console: Console | None = None) -> None:
    con = console or Console()
    con.print(f"sentences: {report.n}   top-1 accuracy: {report.top1:.3f}   macro-F1: {report.macro_f1:.3f}   "
              f"actor-country accuracy: {report.actor_accuracy:.3f} (on {report.actor_checked} with gold type found)"
              f"   event-location accuracy: {report.location_accuracy:.3f} (on {report.location_checked} with a "
              f"gold location and the gold type found)   time: {report.seconds:.1f}s")
    table = Table(title="per type")
    for col in ("type", "n", "P", "R", "F1", "most confused with"):
        table.add_column(col)
    for t, (p, r, f1, n) in report.per_type().items():
        conf = Counter({pred: v for (g, pred), v in report.confusion.items() if g == t and pred != t})
        top = ", ".join(f"{k}:{v}" for k, v in conf.most_common(3))
        table.add_row(t, str(n), f"{p:.2f}", f"{r:.2f}", f"{f1:.2f}", top)
    con.print(table)
    for gold, pred, text in report.errors[:show_errors]:
        con.print(f"[red]{gold}[/] -> [yellow]{pred}[/]  {text}")
