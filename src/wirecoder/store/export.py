"""Event exports: table (terminal), jsonl, csv, geojson, parquet."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .store import EventQuery

EXPORT_FORMATS = ("table", "jsonl", "csv", "geojson", "parquet")
EventFilter = EventQuery  # the name cli.py uses

CSV_COLUMNS = (
    "id", "date", "date_precision", "event_type", "mode", "context", "quad_class", "cameo_root", "plover_score",
    "acled_event_type", "acled_sub_event_type", "actor_name", "actor_country", "actor_sectors", "recipient_name",
    "recipient_country", "recipient_sectors", "location_name", "location_country", "lat", "lon", "geonameid",
    "precision", "attribution", "modality", "confidence", "source", "url", "article_id", "char_start",
    "char_end", "sentence",
)


def _names(actors: list[dict[str, Any]], field: str) -> str:
    return "; ".join(str(a.get(field) or a.get("text") or "") if field == "name" else str(a.get(field) or "")
                     for a in actors)


def flat_row(e: dict[str, Any]) -> dict[str, Any]:
    loc = e.get("location") or {}
    acled = e.get("acled") or {}
    att = e.get("attribution") or {}
    return {
        "id": e["id"], "date": e.get("date"), "date_precision": e.get("date_precision"),
        "event_type": e["event_type"], "mode": ";".join(e.get("mode") or []),
        "context": ";".join(e.get("context") or []), "quad_class": e.get("quad_class"),
        "cameo_root": e.get("cameo_root"), "plover_score": e.get("plover_score"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "actor_name": _names(e.get("actor") or [], "name"), "actor_country": _names(e.get("actor") or [], "country"),
        "actor_sectors": "; ".join(",".join(a.get("sectors") or []) for a in e.get("actor") or []),
        "recipient_name": _names(e.get("recipient") or [], "name"),
        "recipient_country": _names(e.get("recipient") or [], "country"),
        "recipient_sectors": "; ".join(",".join(a.get("sectors") or []) for a in e.get("recipient") or []),
        "location_name": loc.get("name") or loc.get("text"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "precision": loc.get("precision"), "attribution": att.get("name") or att.get("text"),
        "modality": e.get("modality"), "confidence": e.get("confidence"), "source": e.get("source"),
        "url": e.get("url"), "article_id": e.get("article_id"), "char_start": e.get("char_start"),
        "char_end": e.get("char_end"), "sentence": e.get("sentence"),
    }


def geojson(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """FeatureCollection of the events that have coordinates (others have nothing to map)."""
    feats = []
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in e.items() if k != "location"}
        props["location"] = loc
        feats.append({"type": "Feature", "id": e["id"],
                      "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def write_events(events: list[dict[str, Any]], fmt: str, out: str | Path | None = None) -> None:
    """Write `events` in `fmt` to the file `out`, or stdout when None (parquet needs a file)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet is binary: give an output file with -o/--output FILE.parquet")
        _write_parquet(events, Path(out))
        return
    if out is None:
        _write_text(events, fmt, sys.stdout)
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        _write_text(events, fmt, fh)


def _write_text(events: list[dict[str, Any]], fmt: str, fh: TextIO) -> None:
    if fmt == "jsonl":
        for e in events:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow(flat_row(e))
    elif fmt == "geojson":
        json.dump(geojson(events), fh, ensure_ascii=False)
        fh.write("\n")
    else:
        _write_table(events, fh)


def _write_table(events: list[dict[str, Any]], fh: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("date", "type", "actor", "recipient", "where", "modality", "sentence"):
        t.add_column(col, overflow="fold")
    for e in events:
        r = flat_row(e)
        sent = r["sentence"] or ""
        t.add_row(r["date"] or "", r["event_type"], r["actor_name"], r["recipient_name"],
                  r["location_name"] or "", r["modality"] or "", sent if len(sent) <= 120 else sent[:117] + "...")
    Console(file=fh, width=None if fh is sys.stdout else 200).print(t)
    if not events:
        fh.write("no events match\n")


def _write_parquet(events: list[dict[str, Any]], path: Path) -> None:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "events.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for e in events:
                fh.write(json.dumps(flat_row(e) | {"record": json.dumps(e, ensure_ascii=False)},
                                    ensure_ascii=False) + "\n")
        con = duckdb.connect()
        try:
            columns = {c: "VARCHAR" for c in (*CSV_COLUMNS, "record")}
            for c in ("quad_class", "char_start", "char_end", "geonameid"):
                columns[c] = "BIGINT"
            for c in ("plover_score", "lat", "lon", "confidence"):
                columns[c] = "DOUBLE"
            con.execute(f"COPY (SELECT * FROM read_json(?, format='newline_delimited', columns={columns!r})) "
                        "TO '" + str(path).replace("'", "''") + "' (FORMAT parquet)", [str(src)])
        finally:
            con.close()


def export_events(events: list[dict[str, Any]], fmt: str, out: str | Path | None = None) -> None:
    """Alias of write_events under the name cli.py uses."""
    write_events(events, fmt, out)
