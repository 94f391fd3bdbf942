"""Orchestrates ingest -> extract -> dedup -> NLP+coding -> store, resumably and in batches.

Resumable: every input item (RawDocument.key) gets a row in `documents` in the same transaction as
its article and events, one transaction per batch. A run killed at any point loses at most the batch
in flight; the next run skips keys already done/skipped (and failed ones unless --retry-failed) and
redoes the rest. Ids are content hashes and inserts ignore conflicts, so nothing is ever doubled.
"""

from __future__ import annotations

import functools
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from typing import Any, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .dedup import Deduplicator, MemoryIndex, Verdict
from .extract import ExtractOptions, extract
from .ingest import IngestOptions, count_items, iter_raw
from .schema import Article, CodedArticle, RawDocument, SkippedInput
from .store import DONE, FAILED, SKIPPED, CopyRecord, DocStatus, Store, StoreBatch, open_store

__all__ = ["IngestOptions", "ExtractOptions", "RunSummary", "iter_articles", "run_ingest"]

DEFAULT_BATCH = 32


class PipelineLike(Protocol):
    def code_articles(self, articles: Sequence[Article]) -> list[CodedArticle]: ...


PipelineFactory = Callable[[], PipelineLike]


def _load_pipeline(actor_dicts: tuple[str, ...], verb_dict: str | None = None) -> PipelineLike:
    from .pipeline import Pipeline, Resources

    return Pipeline(Resources.load(actor_dicts=actor_dicts, verb_dict=verb_dict))


def default_pipeline_factory(actor_dicts: Iterable[Any] = (), verb_dict: Any = None) -> PipelineFactory:
    """A picklable factory (worker processes call it once each) for the real coder."""
    return functools.partial(_load_pipeline, tuple(str(p) for p in actor_dicts),
                             str(verb_dict) if verb_dict else None)


@dataclass
class RunSummary:
    processed: int = 0  # inputs coded and stored in this run
    duplicates: int = 0  # inputs that were copies of an already coded story (stored as its sources)
    skipped: int = 0  # inputs that yielded no article (reason recorded)
    failed: int = 0  # inputs whose coding failed (retried with --retry-failed)
    already_done: int = 0  # inputs finished by an earlier run
    events: int = 0  # events stored by this run
    reasons: Counter = field(default_factory=Counter)  # skip/fail reasons -> count
    elapsed_s: float = 0.0
    db_url: str = ""

    @property
    def seen(self) -> int:
        return self.processed + self.duplicates + self.skipped + self.failed + self.already_done

    def as_dict(self) -> dict[str, Any]:
        return {"processed": self.processed, "duplicates": self.duplicates, "skipped": self.skipped,
                "failed": self.failed, "already_done": self.already_done, "events": self.events,
                "reasons": dict(self.reasons), "elapsed_s": round(self.elapsed_s, 2)}

    def print(self, console: Console | None = None) -> None:
        console = console or Console(stderr=True)
        rate = (self.seen - self.already_done) / self.elapsed_s if self.elapsed_s > 0 else 0.0
        console.print(
            f"[bold]{self.processed}[/] processed ({self.events} events), {self.duplicates} duplicate(s), "
            f"[yellow]{self.skipped}[/] skipped, [red]{self.failed}[/] failed, {self.already_done} already done "
            f"earlier; {self.elapsed_s:.1f}s, {rate:.1f} inputs/s -> {self.db_url}"
        )
        for reason, n in self.reasons.most_common(10):
            console.print(f"  {n:>6} x {reason}")
        if len(self.reasons) > 10:
            console.print(f"  ... and {len(self.reasons) - 10} other reasons")


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "-/s", style="progress.data.speed")


def _reason_group(reason: str) -> str:
    """Collapse per-file details (sizes, URLs) so the summary groups like reasons."""
    head = reason.split(":")[0] if reason.startswith(("WARC", "extraction failed", "coding failed")) else reason
    return head if len(head) <= 100 else head[:97] + "..."


# -- worker-process side ----------------------------------------------------------------------
# One pipeline per worker process, built by the pool initializer: the process-wide cache that
# "resources load once per process" calls for (never shared between processes).
_WORKER_PIPELINE: PipelineLike | None = None


def _init_worker(factory: PipelineFactory) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = factory()


def _extract_many(raws: list[RawDocument], options: ExtractOptions) -> list[Article | SkippedInput]:
    return [extract(r, options) for r in raws]


def _code_many(articles: list[Article]) -> list[CodedArticle]:
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    return _WORKER_PIPELINE.code_articles(articles)


def _chunks(seq: list, n: int) -> list[list]:
    n = max(1, min(n, len(seq)))
    size = -(-len(seq) // n)
    return [seq[i:i + size] for i in range(0, len(seq), size)]


class PipelineLoadError(RuntimeError):
    """The coder could not be built; no input is at fault, so the run stops instead of failing them all."""


class _Coder:
    """Runs extraction and coding in this process (workers=1) or a pool of worker processes."""

    def __init__(self, factory: PipelineFactory, workers: int) -> None:
        self.workers = workers
        self.pool: Executor | None = None
        self._factory = factory
        self._local: PipelineLike | None = None
        if workers > 1:
            # spawn: a clean interpreter per worker (the parent may hold HTTP threads and a DB handle).
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker, initargs=(factory,))

    def extract(self, raws: list[RawDocument], options: ExtractOptions) -> list[Article | SkippedInput]:
        if self.pool is None or len(raws) < 2:
            return _extract_many(raws, options)
        out: list[Article | SkippedInput] = []
        for part in self.pool.map(_extract_many, _chunks(raws, self.workers), [options] * self.workers):
            out.extend(part)
        return out

    def code(self, articles: list[Article]) -> list[CodedArticle]:
        if self.pool is None:
            if self._local is None:
                try:
                    self._local = self._factory()
                except Exception as exc:
                    raise PipelineLoadError(f"cannot load the NLP/coding pipeline: {type(exc).__name__}: {exc}") from exc
            return self._local.code_articles(articles)
        out: list[CodedArticle] = []
        for part in self.pool.map(_code_many, _chunks(articles, self.workers)):
            out.extend(part)
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


# -- main side ----------------------------------------------------------------------------------
def _batches(it: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


def run_ingest(
    inputs: Sequence[str], *, db_url: str | None = None, actor_dicts: Iterable[Any] = (), verb_dict: Any = None,
    workers: int = 1,
    retry_failed: bool = False, published: date | None = None, allow_private: bool = False,
    options: IngestOptions | None = None, extract_options: ExtractOptions | None = None,
    batch_size: int = DEFAULT_BATCH, pipeline_factory: PipelineFactory | None = None,
    progress: bool | None = None, console: Console | None = None, store: Store | None = None,
    on_batch: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Code and store every input; see the module docstring for the resumability contract."""
    console = console or Console(stderr=True)
    options = options or IngestOptions()
    if allow_private and not options.allow_private:
        options = replace(options, allow_private=True)
    extract_options = extract_options or ExtractOptions()
    factory = pipeline_factory or default_pipeline_factory(actor_dicts, verb_dict)
    own_store = store is None
    store = store or open_store(db_url)
    summary = RunSummary(db_url=store.url)
    dedup = Deduplicator(store)
    coder = _Coder(factory, workers)
    show = console.is_terminal if progress is None else progress
    started = time.monotonic()
    try:
        with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                      TimeRemainingColumn(), console=console, disable=not show, transient=False) as bar:
            task = bar.add_task("ingesting", total=count_items(inputs))

            def report(skip: SkippedInput, status: str) -> None:
                colour = "red" if status == FAILED else "yellow"
                bar.console.print(f"[{colour}]{status}[/] {skip.key}: {skip.reason}", markup=True,
                                  highlight=False)
                summary.reasons[_reason_group(skip.reason)] += 1

            for batch in _batches(iter_raw(inputs, options=options), batch_size):
                _run_batch(batch, store=store, dedup=dedup, coder=coder, summary=summary, report=report,
                           retry_failed=retry_failed, published=published, extract_options=extract_options)
                bar.advance(task, len(batch))
                if on_batch is not None:
                    on_batch(summary)
    finally:
        coder.close()
        summary.elapsed_s = time.monotonic() - started
        if own_store:
            store.close()
    return summary


def _run_batch(batch: list[RawDocument | SkippedInput], *, store: Store, dedup: Deduplicator, coder: _Coder,
               summary: RunSummary, report: Callable[[SkippedInput, str], None], retry_failed: bool,
               published: date | None, extract_options: ExtractOptions) -> None:
    statuses = store.document_statuses(sorted({item.key for item in batch}))
    out = StoreBatch()
    todo: list[RawDocument] = []
    seen_keys: set[str] = set()
    for item in batch:
        prior = statuses.get(item.key)
        if item.key in seen_keys or prior in (DONE, SKIPPED) or (prior == FAILED and not retry_failed):
            summary.already_done += 1
            continue
        seen_keys.add(item.key)
        if isinstance(item, SkippedInput):
            out.statuses.append(DocStatus.from_skip(item))
            summary.skipped += 1
            report(item, SKIPPED)
        else:
            todo.append(item)

    articles: list[Article] = []
    for res in coder.extract(todo, extract_options):
        if isinstance(res, SkippedInput):
            out.statuses.append(DocStatus.from_skip(res))
            summary.skipped += 1
            report(res, SKIPPED)
            continue
        if res.published is None and published is not None:
            res.published = published
        articles.append(res)

    verdicts: list[tuple[Article, Verdict]] = list(zip(articles, dedup.check_all(articles), strict=True))
    new = [(a, v) for a, v in verdicts if not v.is_copy]
    coded = _code_isolating_failures([a for a, _ in new], coder)
    failed_ids: set[str] = set()
    for (article, verdict), result in zip(new, coded, strict=True):
        if isinstance(result, SkippedInput):
            failed_ids.add(article.id)
            out.statuses.append(DocStatus.from_skip(result, FAILED))
            summary.failed += 1
            report(result, FAILED)
            continue
        out.coded.append((result, verdict.signature))
        out.statuses.append(DocStatus(article.key or article.id, DONE, article_id=article.id))
        summary.processed += 1
        summary.events += len(result.events)
    for article, verdict in verdicts:
        if not verdict.is_copy:
            continue
        if verdict.canonical_id in failed_ids:
            skip = SkippedInput(article.key or article.id, "copy of an article whose coding failed", "code")
            out.statuses.append(DocStatus.from_skip(skip, FAILED))
            summary.failed += 1
            report(skip, FAILED)
            continue
        out.copies.append(CopyRecord(verdict.canonical_id, article, verdict.similarity))
        kind = "exact" if verdict.exact else f"near ({verdict.similarity:.2f})"
        out.statuses.append(DocStatus(article.key or article.id, DONE, f"{kind} duplicate of {verdict.canonical_id}",
                                      "dedup", verdict.canonical_id))
        summary.duplicates += 1
    store.save_batch(out)
    dedup.flush()


def _code_isolating_failures(articles: list[Article], coder: _Coder) -> list[CodedArticle | SkippedInput]:
    """Code a batch; if it fails, code its articles one by one so one bad article fails alone."""
    if not articles:
        return []
    try:
        return list(coder.code(articles))
    except (PipelineLoadError, BrokenExecutor):
        raise
    except Exception as exc:  # noqa: BLE001 - isolate the culprit below
        if len(articles) == 1:
            return [SkippedInput(articles[0].key or articles[0].id,
                                 f"coding failed: {type(exc).__name__}: {exc}", "code")]
    out: list[CodedArticle | SkippedInput] = []
    for a in articles:
        try:
            out.append(coder.code([a])[0])
        except (PipelineLoadError, BrokenExecutor):
            raise
        except Exception as exc:  # noqa: BLE001 - recorded as failed with the reason; the run goes on
            out.append(SkippedInput(a.key or a.id, f"coding failed: {type(exc).__name__}: {exc}", "code"))
    return out


def iter_articles(inputs: Sequence[str], options: IngestOptions | None = None,
                  extract_options: ExtractOptions | None = None) -> Iterator[Article | SkippedInput]:
    """Ingest + extract + in-memory dedup, no database (for `wirecoder extract` and `places`).
    Copies of an earlier article come back as SkippedInput(stage="dedup") naming the original."""
    extract_options = extract_options or ExtractOptions()
    dedup = Deduplicator(MemoryIndex())
    for item in iter_raw(inputs, options=options or IngestOptions()):
        if isinstance(item, SkippedInput):
            yield item
            continue
        art = extract(item, extract_options)
        if isinstance(art, SkippedInput):
            yield art
            continue
        verdict = dedup.check(art)
        if verdict.is_copy:
            yield SkippedInput(art.key or art.id, f"duplicate of {verdict.canonical_id} "
                                                  f"(similarity {verdict.similarity:.2f})", "dedup")
            continue
        dedup.index.add(verdict.signature)  # type: ignore[attr-defined]
        yield art
