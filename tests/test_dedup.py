"""Dedup: exact and near-duplicate clusters, streaming and across runs through the store."""

from __future__ import annotations

from wirecoder.dedup import Deduplicator, MemoryIndex, Signature, minhash, similarity
from wirecoder.extract import extract
from wirecoder.ingest.synthetic import html_page, make_story
from wirecoder.schema import Article, RawDocument, SkippedInput
from wirecoder.store import open_store


def _art(text: str, key: str = "k") -> Article:
    return Article(id=Article.make_id(text), text=text, key=key)


def test_exact_and_near_and_distinct():
    story = "\n\n".join(make_story(1).paragraphs)
    d = Deduplicator(MemoryIndex())
    first, exact, near, other = d.check_all([
        _art(story, "a"), _art(story, "b"), _art(story + "\n\nShare this story on Facebook.", "c"),
        _art("\n\n".join(make_story(2).paragraphs), "d")])
    assert not first.is_copy and not other.is_copy
    assert exact.exact and exact.canonical_id == first.signature.article_id
    assert not near.exact and near.canonical_id == first.signature.article_id and near.similarity > 0.8


def test_unrelated_stories_not_clustered():
    sigs = [minhash("\n\n".join(make_story(i).paragraphs)) for i in range(60)]
    worst = max(similarity(sigs[i], sigs[j]) for i in range(60) for j in range(i + 1, 60))
    assert worst < 0.5
    d = Deduplicator(MemoryIndex())
    assert not any(v.is_copy for v in d.check_all(_art("\n\n".join(make_story(i).paragraphs)) for i in range(60)))


def test_copy_in_later_run_joins_stored_cluster(tmp_path):
    url = f"duckdb:///{tmp_path / 'd.duckdb'}"
    story = make_story(5)
    a = extract(RawDocument(key="p1", html=html_page(story)))
    with open_store(url) as store:
        from wirecoder.schema import CodedArticle

        store.save_coded(CodedArticle(article=a), signature=Signature.of(a))
    edited = extract(RawDocument(key="p2", html=html_page(story, site="Metro Wire", variant=3).replace(
        story.paragraphs[-1], story.paragraphs[-1] + " The bureau declined to comment further.")))
    assert not isinstance(edited, SkippedInput) and edited.id != a.id
    with open_store(url) as store:
        v = Deduplicator(store).check(edited)
    assert v.canonical_id == a.id and not v.exact and v.similarity >= 0.7
