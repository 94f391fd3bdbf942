"""Command-line interface (DESIGN.md's CLI contract)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="wirecoder: news in, geocoded and source-attributed PLOVER event data out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate against gold data and print the standard figures.")
app.add_typer(eval_app, name="eval")

err = Console(stderr=True)

ActorDicts = Annotated[
    list[Path] | None,
    typer.Option("--actor-dict", help="PETRARCH/TABARI actor or agent dictionary to add (repeatable).",
                 exists=True, dir_okay=False),
]
VerbDict = Annotated[
    Path | None,
    typer.Option("--verb-dict", help="PETRARCH/TABARI verb dictionary: code CAMEO events with it instead of the "
                                     "built-in PLOVER lexicon.", exists=True, dir_okay=False),
]
DbUrl = Annotated[
    str | None,
    typer.Option("--db", help="duckdb:///path.duckdb (default ./wirecoder.duckdb or $WIRECODER_DB) or postgresql://…"),
]


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


def examples_dir() -> Path:
    """The demo articles: the repository's examples/ folder (or the copy shipped in the package)."""
    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "examples", here.parent / "examples"):
        if cand.is_dir() and any(cand.glob("*.htm*")) or (cand / "README.md").exists():
            return cand
    raise typer.BadParameter("demo articles not found (expected an examples/ folder next to src/)")


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl, feeds, URL lists or WARCs.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSONL here (default stdout).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for inputs that lack one.")] = None,
    actor_dict: ActorDicts = None,
    verb_dict: VerbDict = None,
    include_hidden: Annotated[bool, typer.Option(help="Also emit negated and hypothetical events.")] = False,
) -> None:
    """Code articles to event JSONL, without a database."""
    from wirecoder.pipeline import Pipeline, Resources
    from wirecoder.runner import IngestOptions, iter_articles
    from wirecoder.schema import HIDDEN_MODALITIES, Article, SkippedInput

    pub = _parse_date(published, "--published")
    pipeline = Pipeline(Resources.load(actor_dict or (), verb_dict))
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    n_events = n_articles = 0
    skipped: list[SkippedInput] = []
    try:
        batch: list[Article] = []

        def flush() -> None:
            nonlocal n_events
            for coded in pipeline.code_articles(batch):
                for ev in coded.events:
                    if ev.modality in HIDDEN_MODALITIES and not include_hidden:
                        continue
                    out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                    n_events += 1
            batch.clear()

        # A live counter on a terminal (stderr), nothing in pipes and logs; stdout stays pure JSONL.
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                      transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("coding", total=None)
            for item in iter_articles(inputs, IngestOptions()):
                if isinstance(item, SkippedInput):
                    skipped.append(item)
                    err.print(f"[yellow]skipped[/] {item.key}: {item.reason}")
                    continue
                if item.published is None and pub is not None:
                    item.published = pub
                batch.append(item)
                n_articles += 1
                if len(batch) >= 16:
                    flush()
                    progress.update(task, description=f"{n_articles} articles, {n_events} events")
            if batch:
                flush()
    finally:
        if output:
            out.close()
    err.print(f"{n_articles} article(s) coded, {n_events} event(s) written, {len(skipped)} input(s) skipped")


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl, feeds, URL lists or WARCs.")],
    db: DbUrl = None,
    actor_dict: ActorDicts = None,
    verb_dict: VerbDict = None,
    workers: Annotated[int, typer.Option(help="NLP worker processes.")] = 1,
    retry_failed: Annotated[bool, typer.Option(help="Retry inputs that failed in an earlier run.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date for inputs that lack one.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching private/loopback addresses.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Size cap per file, HTTP body or WARC record.")] = 10_000_000,
    follow_links: Annotated[bool | None, typer.Option(
        "--follow-links/--no-follow-links", help="Fetch feed entries' linked pages (default: only for feed URLs).",
    )] = None,
) -> None:
    """Code articles and store them (idempotent and resumable)."""
    from wirecoder.runner import IngestOptions, PipelineLoadError, run_ingest
    from wirecoder.store import StoreError

    options = IngestOptions(allow_private=allow_private, max_bytes=max_bytes, follow_feed_links=follow_links)
    try:
        summary = run_ingest(inputs, db_url=db, actor_dicts=actor_dict or (), verb_dict=verb_dict,
                             workers=max(1, workers),
                             retry_failed=retry_failed, published=_parse_date(published, "--published"),
                             options=options, console=err)
    except (StoreError, PipelineLoadError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    summary.print(err)


@app.command()
def events(
    db: DbUrl = None,
    actor: Annotated[str | None, typer.Option(help="Actor name, text or country code.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of the event's location or actors.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    limit: Annotated[int, typer.Option(help="Maximum rows.")] = 100,
    format: Annotated[str, typer.Option("--format", help="table|jsonl|csv|geojson|parquet")] = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (needed for parquet).")] = None,
    include_hidden: Annotated[bool, typer.Option(help="Include negated and hypothetical events.")] = False,
) -> None:
    """Query stored events and export them."""
    from wirecoder.store import StoreError, open_store
    from wirecoder.store.export import EventFilter, export_events

    try:
        flt = EventFilter.from_cli(actor=actor, type=type, country=country, near=near, since=since,
                                   until=until, limit=limit, include_hidden=include_hidden)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give an output file with -o FILE.parquet", param_hint="--format")
    try:
        with open_store(db) as store:
            rows = store.query_events(flt)
        export_events(rows, format, output)
    except (StoreError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None


@app.command()
def places(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl, feeds or WARCs.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSONL here (default stdout).")] = None,
) -> None:
    """Every toponym mention with its offsets and resolution, one JSON object per line."""
    from wirecoder.coding.places import PlaceFinder
    from wirecoder.nlp.pipeline import load_nlp
    from wirecoder.runner import IngestOptions, iter_articles
    from wirecoder.schema import SkippedInput

    nlp = load_nlp()
    finder = PlaceFinder.load()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for item in iter_articles(inputs, IngestOptions()):
            if isinstance(item, SkippedInput):
                err.print(f"[yellow]skipped[/] {item.key}: {item.reason}")
                continue
            doc = nlp(item.text)
            for p in finder.find(doc, focus_country=finder.focus_country(doc)):
                out.write(json.dumps({"article_id": item.id, **p.to_mention()}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()


@app.command()
def actor(
    text: Annotated[str, typer.Argument(help='Actor text, or "-" to read JSON queries from stdin.')],
    context: Annotated[str | None, typer.Option(help="ISO alpha-3 focus country.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Date the mention refers to (YYYY-MM-DD).")] = None,
    actor_dict: ActorDicts = None,
) -> None:
    """Resolve an actor string to country, sectors, name and Wikidata id (JSON).

    With "-", each stdin line is a query: a JSON object {"text", "context", "date"}, or plain text that
    is the actor string itself; one JSON answer is printed per line."""
    from wirecoder.coding.actor_batch import actor_batch, resolve_batch_line
    from wirecoder.coding.actors import ActorResolver

    if text == "-":
        for answer in actor_batch(sys.stdin, actor_dicts=actor_dict or ()):
            print(answer)
        return
    resolver = ActorResolver.load(actor_dict or ())
    query = {"text": text, "context": context, "date": on}
    print(json.dumps(resolve_batch_line(resolver, query), ensure_ascii=False, indent=2))


@app.command()
def demo(
    db: DbUrl = None,
) -> None:
    """Ingest the bundled demo articles into the embedded database and print the events."""
    from wirecoder.runner import run_ingest
    from wirecoder.store import open_store
    from wirecoder.store.export import EventFilter, export_events

    folder = examples_dir()
    summary = run_ingest([str(folder)], db_url=db, actor_dicts=(), workers=1, retry_failed=False)
    summary.print(err)
    with open_store(db) as store:
        rows = store.query_events(EventFilter(limit=200))
    export_events(rows, "table", None)


@app.command()
def serve(
    db: DbUrl = None,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8765,
) -> None:
    """REST API (OpenAPI at /docs) and web UI (map, timeline, network, evidence) over the database, read-only."""
    import uvicorn

    from wirecoder.api.app import create_app
    from wirecoder.store import StoreError

    try:
        api = create_app(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    err.print(f"wirecoder serving {api.state.stores.url} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(api, host=host, port=port, log_level="warning")


@eval_app.command("plover")
def eval_plover(
    file: Annotated[Path, typer.Argument(help="PLOVER gold JSONL (text, event_plover_v08, source, target).",
                                         exists=True, dir_okay=False)],
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
    show_errors: Annotated[int, typer.Option(help="Print this many misclassified sentences.")] = 0,
) -> None:
    """Top-1 type accuracy, macro-F1, actor-country accuracy and the confusion table."""
    from wirecoder.evaluation.plover import evaluate_plover, print_report

    report = evaluate_plover(file, limit=limit)
    print_report(report, show_errors=show_errors)


@eval_app.command("geo")
def eval_geo(
    files: Annotated[list[Path], typer.Argument(help="Geoparsing corpora (*_unified.jsonl).", exists=True)],
    limit: Annotated[int | None, typer.Option(help="Only the first N documents per corpus.")] = None,
) -> None:
    """Toponym P/R/F1, Acc@161, mean/median km and AUC (Gritta et al. 2018)."""
    from wirecoder.evaluation.geoparse import print_geoparse_report, run_geoparse_eval

    print_geoparse_report(run_geoparse_eval(files, limit=limit))


if __name__ == "__main__":  # pragma: no cover
    app()
