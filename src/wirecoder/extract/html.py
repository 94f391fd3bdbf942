"""Main text and metadata out of an HTML page with trafilatura (boilerplate removal, title, date, site)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
           "pre", "td", "dd", "dt")
_DROP = "//script|//style|//nav|//header|//footer|//aside|//form|//noscript|//template"


@dataclass
class HtmlContent:
    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None


def extract_html(html: str, *, url: str | None = None) -> HtmlContent:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
    )
    if doc is None or not (doc.text or "").strip():
        # trafilatura declines short pages and fragments (feed summaries, one-paragraph items);
        # fall back to the visible text, which the plain-text furniture filter then cleans.
        return HtmlContent(text=visible_text(html), title=getattr(doc, "title", None) or None)
    return HtmlContent(text=doc.text or "", title=doc.title or None, date=doc.date or None,
                       sitename=doc.sitename or None)


def visible_text(html: str) -> str:
    """Text of the page outside scripts and navigation, one line per block element."""
    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(_DROP):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
