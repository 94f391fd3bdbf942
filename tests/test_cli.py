"""The command-line contract (DESIGN.md): every command on small inputs we write here."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app

STORY = (
    "Government troops shelled the rebel-held town of Idlib on Tuesday, killing six civilians, "
    "a local monitoring group said.\n\n"
    "The foreign ministry of Turkey condemned the attack on Wednesday.\n\n"
    "Related posts\n\n"
    "Markets rally as oil prices climb\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_every_command_has_help(runner):
    for cmd in ("extract", "ingest", "events", "places", "actor", "demo", "eval"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0, (cmd, res.output)
        assert "Usage" in res.output


def test_extract_writes_events_and_resolves_relative_dates(runner, story, tmp_path):
    out = tmp_path / "ev.jsonl"
    res = runner.invoke(app, ["extract", str(story), "--published", "2024-03-07", "-o", str(out)])
    assert res.exit_code == 0, res.output
    events = _jsonl(out.read_text())
    assault = [e for e in events if e["event_type"] == "ASSAULT"]
    assert assault and assault[0]["date"] == "2024-03-05"  # "on Tuesday" before a Thursday
    assert any(a["sectors"] == ["MIL"] for a in assault[0]["actor"])
    assert all("Markets rally" not in e["sentence"] for e in events)


def test_extract_rejects_a_bad_date(runner, story):
    res = runner.invoke(app, ["extract", str(story), "--published", "07/03/2024"])
    assert res.exit_code != 0
    assert "YYYY-MM-DD" in res.output


def test_extract_reports_unreadable_inputs_and_goes_on(runner, story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.html"
    binary.write_bytes(bytes(range(256)) * 40)
    res = runner.invoke(app, ["extract", str(empty), str(binary), str(story), "--published", "2024-03-07"])
    assert res.exit_code == 0, res.output
    assert "empty.txt" in res.output and "blob.html" in res.output
    assert "2 input(s) skipped" in res.output
    assert _jsonl(res.output)


def test_places_lists_toponyms_with_offsets(runner, story):
    res = runner.invoke(app, ["places", str(story)])
    assert res.exit_code == 0, res.output
    rows = _jsonl(res.output)
    idlib = [r for r in rows if r["text"] == "Idlib"]
    assert idlib and idlib[0]["country"] == "SYR"
    assert STORY[idlib[0]["char_start"]:idlib[0]["char_end"]] == "Idlib"


def test_actor_single_and_batch(runner):
    res = runner.invoke(app, ["actor", "Syrian government forces"])
    assert res.exit_code == 0
    one = json.loads(res.output)
    assert one["country"] == "SYR" and "MIL" in one["sectors"]
    lines = "\n".join([
        json.dumps({"text": "the Kremlin"}),
        json.dumps({"text": "riot police", "context": "KEN"}),
        json.dumps({"text": "a purple teapot"}),
        "not json",
    ])
    res = runner.invoke(app, ["actor", "-"], input=lines + "\n")
    assert res.exit_code == 0
    answers = _jsonl(res.output)
    assert [a.get("country") for a in answers[:3]] == ["RUS", "KEN", None]
    assert answers[2]["sectors"] == []
    # A line that is not JSON is the actor text itself: answered, here as naming no actor.
    assert answers[3] == {"text": "not json", "name": None, "country": None, "sectors": [],
                          "wikidata": None, "wikipedia": None}


def test_actor_batch_reads_plain_text_lines(runner):
    lines = "\n".join([
        "Syrian troops",  # plain text: the actor string
        json.dumps("the Kremlin"),  # a JSON string: the actor string too
        json.dumps({"text": "President Assad", "date": "2025-02-01"}),  # JSON objects work as before
        json.dumps({"text": "Syrian troops", "date": "2016-13-45"}),  # a bad query is reported ...
        "  Kenyan lawmakers  ",  # ... and the batch goes on
        "",  # blank lines are skipped
        "3 million dollars",
    ])
    res = runner.invoke(app, ["actor", "-"], input=lines + "\n")
    assert res.exit_code == 0, res.output
    answers = _jsonl(res.output)
    assert len(answers) == 6
    assert (answers[0]["text"], answers[0]["country"], answers[0]["sectors"]) == ("Syrian troops", "SYR", ["MIL"])
    assert (answers[1]["country"], answers[1]["sectors"]) == ("RUS", ["GOV"])
    assert (answers[2]["country"], answers[2]["sectors"]) == ("SYR", ["ELI"])
    assert "error" in answers[3] and "2016-13-45" in answers[3]["error"]
    assert (answers[4]["text"], answers[4]["country"], answers[4]["sectors"]) == ("Kenyan lawmakers", "KEN", ["LEG"])
    assert answers[5]["country"] is None and answers[5]["sectors"] == []


def test_ingest_then_query_every_format(runner, story, tmp_path):
    db = f"duckdb:///{tmp_path / 't.duckdb'}"
    res = runner.invoke(app, ["ingest", str(story), "--db", db, "--published", "2024-03-07"])
    assert res.exit_code == 0, res.output
    again = runner.invoke(app, ["ingest", str(story), "--db", db, "--published", "2024-03-07"])
    assert again.exit_code == 0
    res = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    rows = _jsonl(res.output)
    assert rows and len({r["id"] for r in rows}) == len(rows)
    res = runner.invoke(app, ["events", "--db", db, "--format", "csv", "--type", "ASSAULT"])
    table = list(csv.DictReader(io.StringIO(res.output)))
    assert table and all(r["event_type"] == "ASSAULT" for r in table)
    res = runner.invoke(app, ["events", "--db", db, "--format", "geojson", "--near", "35.93,36.63,50"])
    fc = json.loads(res.output)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    pq = tmp_path / "e.parquet"
    res = runner.invoke(app, ["events", "--db", db, "--format", "parquet", "-o", str(pq)])
    assert res.exit_code == 0 and pq.stat().st_size > 0


def test_eval_plover_on_a_small_gold_file(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Police arrested twelve opposition activists in Minsk on Sunday.", "event_plover_v08": "COERCE",
         "source": [{"code": "BLR"}]},
        {"text": "Rebels fired rockets at an army base near Goma.", "event_plover_v08": "ASSAULT",
         "source": [{"code": "COD"}]},
    ]))
    res = runner.invoke(app, ["eval", "plover", str(gold)])
    assert res.exit_code == 0, res.output
    assert "top-1 accuracy" in res.output and "macro-F1" in res.output


def test_verb_dictionary_codes_cameo(runner, tmp_path):
    (tmp_path / "actors.txt").write_text("VELMORA [VLM]\nKASTRIA [KST]\n")
    (tmp_path / "verbs.txt").write_text("--- CENSURE [111] ---\nCENSURE {CENSURES CENSURED CENSURING}\n")
    text = tmp_path / "s.txt"
    text.write_text("Velmora censured Kastria on Monday.\n")
    res = runner.invoke(app, ["extract", str(text), "--actor-dict", str(tmp_path / "actors.txt"),
                              "--verb-dict", str(tmp_path / "verbs.txt")])
    assert res.exit_code == 0, res.output
    ev = _jsonl(res.output)
    assert ev and ev[0]["cameo_root"] == "11" and ev[0]["event_type"] == "ACCUSE"
    assert ev[0]["actor"][0]["country"] == "VLM" and ev[0]["recipient"][0]["country"] == "KST"


def test_demo_ingests_the_bundled_articles(runner, tmp_path):
    db = f"duckdb:///{tmp_path / 'demo.duckdb'}"
    res = runner.invoke(app, ["demo", "--db", db])
    assert res.exit_code == 0, res.output
    rows = _jsonl(runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--limit", "500"]).output)
    assert len(rows) >= 40
    assert {"ASSAULT", "COERCE", "SANCTION", "CONSULT"} <= {r["event_type"] for r in rows}
