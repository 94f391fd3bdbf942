"""NLP + coding for batches of articles: Article -> spaCy Doc -> CodedArticle.

Resources (spaCy model, gazetteer, actor knowledge base, lexicon) are loaded once per process by
`Resources.load` and shared by every batch the process codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from wirecoder.coding.actors import ActorResolver
from wirecoder.coding.article_coder import ArticleCoder
from wirecoder.coding.places import PlaceFinder
from wirecoder.nlp.pipeline import load_nlp
from wirecoder.schema import Article, CodedArticle, Event


@dataclass
class Resources:
    nlp: Language
    places: PlaceFinder
    actors: ActorResolver
    actor_dicts: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def load(cls, actor_dicts: Iterable[Path | str] = ()) -> Resources:
        dicts = tuple(Path(p) for p in actor_dicts)
        return cls(
            nlp=load_nlp(),
            places=PlaceFinder.load(),
            actors=ActorResolver.load(dicts),
            actor_dicts=dicts,
        )


class Pipeline:
    """Codes batches of articles; one instance per process (it holds the loaded resources)."""

    def __init__(self, resources: Resources, *, batch_size: int = 16) -> None:
        self.resources = resources
        self.batch_size = batch_size
        self.coder = ArticleCoder(resources.places, resources.actors)

    def code_articles(self, articles: Sequence[Article]) -> list[CodedArticle]:
        texts = [a.text for a in articles]
        docs = self.resources.nlp.pipe(texts, batch_size=self.batch_size)
        return [self.coder.code(article, doc) for article, doc in zip(articles, docs, strict=True)]

    def code_text(self, text: str, published: date | None = None, *, article_id: str | None = None,
                  source: str | None = None, url: str | None = None) -> list[Event]:
        article = Article(id=article_id or Article.make_id(text), text=text, published=published,
                          source=source, url=url)
        return self.code_articles([article])[0].events


def code_text(text: str, published: date | None = None, actor_dicts: Iterable[Path | str] = ()) -> list[Event]:
    """Convenience for evaluation scripts: code one text with freshly loaded (cached) resources."""
    return Pipeline(Resources.load(actor_dicts)).code_text(text, published)
