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
    verb_dict: Path | None = None

    @classmethod
    def load(cls, actor_dicts: Iterable[Path | str] = (), verb_dict: Path | str | None = None) -> Resources:
        dicts = tuple(Path(p) for p in actor_dicts)
        return cls(
            nlp=load_nlp(),
            places=PlaceFinder.load(),
            actors=ActorResolver.load(dicts),
            actor_dicts=dicts,
            verb_dict=Path(verb_dict) if verb_dict else None,
        )


class Pipeline:
    """Codes batches of articles; one instance per process (it holds the loaded resources)."""

    def __init__(self, resources: Resources, *, batch_size: int = 16) -> None:
        self.resources = resources
        self.batch_size = batch_size
        self.coder = ArticleCoder(resources.places, resources.actors)
        self.verb_coder = None
        if resources.verb_dict is not None:
            # A user's PETRARCH/TABARI verb dictionary replaces the built-in lexicon: its CAMEO codes are
            # what such users compare against, and their actor dictionaries resolve the actors.
            from wirecoder.coding.petrarch_coder import PetrarchVerbCoder
            from wirecoder.resources.petrarch_verbs import load_verb_dictionary

            self.verb_coder = PetrarchVerbCoder(resources.actors, load_verb_dictionary(resources.verb_dict))

    def code_articles(self, articles: Sequence[Article]) -> list[CodedArticle]:
        texts = [a.text for a in articles]
        docs = self.resources.nlp.pipe(texts, batch_size=self.batch_size)
        # a headline kept apart from the text still says which country the story is about
        titles = self.resources.nlp.pipe([a.title or "" for a in articles], batch_size=self.batch_size)
        out = []
        for article, doc, title in zip(articles, docs, titles, strict=True):
            coded = self.coder.code(article, doc, title if article.title else None)
            if self.verb_coder is not None:
                coded.events = self.verb_coder.to_events(
                    self.verb_coder.code_doc(doc, article.published), article_id=article.id, text=doc.text,
                    published=article.published, url=article.url, source=article.source)
            out.append(coded)
        return out

    def code_text(self, text: str, published: date | None = None, *, article_id: str | None = None,
                  source: str | None = None, url: str | None = None) -> list[Event]:
        article = Article(id=article_id or Article.make_id(text), text=text, published=published,
                          source=source, url=url)
        return self.code_articles([article])[0].events


def code_text(text: str, published: date | None = None, actor_dicts: Iterable[Path | str] = ()) -> list[Event]:
    """Convenience for evaluation scripts: code one text with freshly loaded (cached) resources."""
    return Pipeline(Resources.load(actor_dicts)).code_text(text, published)
