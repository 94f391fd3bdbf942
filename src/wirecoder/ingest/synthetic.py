"""Generated news pages with real event sentences, for tests and the ingest benchmark.

Every story is built from templated but varied English event sentences ("Police arrested 40
protesters in Lagos on Tuesday."), so the real coder finds events in them; pages wrap a story in
site furniture (navigation, related links, comment counts, share buttons) that extraction must drop.
Nothing here is taken from any dataset. Also `StubPipeline`: a tiny pattern coder with the Pipeline
interface, to exercise the runner without loading models.
"""

from __future__ import annotations

import html as htmllib
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ..schema import ActorRef, Article, CodedArticle, Event

CITIES = ["Lagos", "Nairobi", "Karachi", "Caracas", "Manila", "Kabul", "Bogota", "Dhaka", "Cairo", "Lima",
          "Kinshasa", "Khartoum", "Baghdad", "Tripoli", "Mogadishu", "Quito", "Harare", "Yangon", "Aleppo",
          "Kiev", "Jakarta", "Tunis", "Bamako", "Abuja", "Colombo", "Beirut", "Sanaa", "Amman", "Ankara"]
COUNTRIES = ["Nigeria", "Kenya", "Pakistan", "Venezuela", "the Philippines", "Afghanistan", "Colombia",
             "Bangladesh", "Egypt", "Peru", "Congo", "Sudan", "Iraq", "Libya", "Somalia", "Ecuador"]
GROUPS = ["students", "farmers", "opposition supporters", "teachers", "dock workers", "taxi drivers",
          "nurses", "miners", "residents", "traders"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "five", "seven", "nine", "twelve", "15", "20", "24", "31", "40", "58", "63", "120"]
SITES = ["The Daily Ledger", "Metro Wire", "Coastal Herald", "Capital Times", "Evening Dispatch"]

TEMPLATES = [
    "Police arrested {n} {group} in {city} on {day} after a march on the interior ministry.",
    "Thousands of {group} protested in {city} on {day} against rising fuel prices.",
    "Security forces fired tear gas at {group} who had gathered outside parliament in {city}.",
    "Gunmen attacked a police station in {city} on {day}, killing {n} officers, officials said.",
    "The army shelled rebel positions near {city} overnight, a military spokesman said.",
    "The president of {country} met the foreign minister of {country2} in {city} on {day} to discuss trade.",
    "{country} and {country2} signed an agreement in {city} to reopen their shared border.",
    "The government of {country} accused {country2} of arming militants along the frontier.",
    "Rebels released {n} hostages in {city} on {day} under a deal brokered by local elders.",
    "The United Nations sent food aid to {n} thousand displaced families near {city}.",
    "{country} imposed sanctions on {n} officials from {country2} over the election dispute.",
    "Lawmakers in {city} demanded that the government of {country} release detained journalists.",
    "Troops were deployed to {city} on {day} after {n} days of clashes between rival militias.",
    "An air strike hit a market in {city} on {day}, killing at least {n} people, witnesses said.",
    "The interior minister of {country} threatened to ban the opposition party after the riots in {city}.",
]
FILLER = [
    "Residents said shops stayed closed for most of the day.",
    "The ministry did not respond to a request for comment.",
    "Local media reported that roads into the city centre were blocked.",
    "The unrest is the worst the region has seen in {n} years.",
    "A spokesman for the group said more action was planned for next week.",
    "Hospital officials in {city} said the wounded were in stable condition.",
]


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    city: str
    published: str


def make_story(i: int, *, seed: int = 0) -> Story:
    """Story number `i`: 5-8 paragraphs, deterministic for (i, seed), distinct from other numbers."""
    rng = random.Random(f"{seed}:{i}")

    def fill(t: str) -> str:
        c1, c2 = rng.sample(COUNTRIES, 2)
        return t.format(n=rng.choice(NUMBERS), group=rng.choice(GROUPS), city=rng.choice(CITIES),
                        day=rng.choice(DAYS), country=c1, country2=c2)

    paragraphs = []
    for _ in range(rng.randint(5, 8)):
        sents = [fill(rng.choice(TEMPLATES))]
        if rng.random() < 0.7:
            sents.append(fill(rng.choice(FILLER)))
        paragraphs.append(" ".join(sents))
    # A sentence unique to this story keeps unrelated stories apart for the near-duplicate detector.
    paragraphs.append(f"Reference number {i}-{seed}-{rng.randint(10**6, 10**7)} was given to the case by "
                      f"the {rng.choice(CITIES)} bureau, which has covered the dispute for {rng.randint(2, 30)} years.")
    city = rng.choice(CITIES)
    title = f"{rng.choice(['Clashes', 'Arrests', 'Talks', 'Protests', 'Strikes'])} in {city} as tension grows"
    published = f"20{rng.randint(15, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Story(title, paragraphs, city, published)


def html_page(story: Story, *, site: str = "The Daily Ledger", variant: int = 0, url: str | None = None) -> str:
    """A full news page: the story plus navigation, share bar, related links and comments.

    `variant` changes only the furniture, as when one wire story is republished by several sites."""
    e = htmllib.escape
    related = [f"<li><a href='/story/{variant}-{k}'>{e(make_story(1000 + variant * 10 + k).title)}</a></li>"
               for k in range(4)]
    paras = "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs)
    canonical = f"<link rel='canonical' href='{e(url)}'>" if url else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(story.title)} | {e(site)}</title>
<meta property="og:site_name" content="{e(site)}">
<meta property="article:published_time" content="{story.published}T08:{variant % 60:02d}:00Z">{canonical}
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav><div class="logo">{e(site)}</div></header>
<main><article>
<h1>{e(story.title)}</h1>
<div class="byline">By Staff Reporter {variant}</div>
<time datetime="{story.published}">{story.published}</time>
<div class="share">Share <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
{paras}
</article>
<aside><h2>Related posts</h2><ul>{''.join(related)}</ul></aside>
<section class="comments"><h3>{variant + 1} comments</h3><p>Comments are closed.</p></section>
</main>
<footer><p>&copy; 20{20 + variant % 5} {e(site)}. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | <a href="/contact">Contact us</a></p></footer>
</body></html>
"""


def text_page(story: Story, *, site: str = "The Daily Ledger", variant: int = 0) -> str:
    """The story as a plain-text page dump, furniture included (site line, related list, comment count)."""
    related = [make_story(2000 + variant * 10 + k).title for k in range(3)]
    parts = [site, story.title, *story.paragraphs, "Related posts", *related, f"{variant + 2} comments",
             "Comments are closed."]
    return "\n\n".join(parts) + "\n"


_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(arrested|detained)\b"), "COERCE"),
    (re.compile(r"\b(protested|marched|rallied)\b"), "PROTEST"),
    (re.compile(r"\b(attacked|shelled|air strike|fired)\b"), "ASSAULT"),
    (re.compile(r"\b(met|talks)\b"), "CONSULT"),
    (re.compile(r"\bsigned an agreement\b"), "AGREE"),
    (re.compile(r"\baccused\b"), "ACCUSE"),
    (re.compile(r"\breleased\b"), "CONCEDE"),
    (re.compile(r"\bsent food aid\b"), "AID"),
    (re.compile(r"\bimposed sanctions\b"), "SANCTION"),
    (re.compile(r"\bdemanded\b"), "REQUEST"),
    (re.compile(r"\bdeployed\b"), "MOBILIZE"),
    (re.compile(r"\bthreatened\b"), "THREATEN"),
]
_SENT = re.compile(r"[^.!?]+[.!?]")


class StubPipeline:
    """Pattern coder with the Pipeline interface: one event per sentence with a known verb.

    Only for exercising ingestion, storage and the runner (tests, the throughput benchmark) without
    the spaCy model; it is not the product's coder. `delay` seconds per article mimic NLP cost."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def code_articles(self, articles: Sequence[Article]) -> list[CodedArticle]:
        if self.delay:
            time.sleep(self.delay * len(articles))
        out = []
        for a in articles:
            events = []
            for m in _SENT.finditer(a.text):
                sent = m.group().strip()
                start = a.text.index(sent, m.start())
                for rx, etype in _RULES:
                    t = rx.search(sent)
                    if t:
                        subj = sent.split(" ")[0:2]
                        events.append(Event(
                            article_id=a.id, sentence=sent, char_start=start, char_end=start + len(sent),
                            event_type=etype, actor=[ActorRef(text=" ".join(subj))], trigger=t.group(),
                            url=a.url, source=a.source, confidence=0.5,
                            date=a.published.isoformat() if a.published else None,
                            date_precision="day" if a.published else None,
                        ))
                        break
            out.append(CodedArticle(article=a, events=events))
        return out


def stub_pipeline_factory(delay: float = 0.0) -> StubPipeline:
    return StubPipeline(delay)
