"""RSS and Atom feeds read by feedparser: one :class:`FeedEntry` per entry, with its HTML and plain text.

feedparser reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, tolerates the malformed XML many feeds are, sanitises
entry HTML (scripts, styles and event handlers removed) and resolves relative links. It never touches the
network here: it is given bytes, never a URL or a path. Turning entries into articles is the ingester's job.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from .errors import InputError, MissingDependencyError

__all__ = ["FEED_SUFFIXES", "Feed", "FeedEntry", "html_to_text", "looks_like_feed", "parse_feed"]

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

# The root element of a feed after any byte-order mark, XML declaration, comments, processing instructions
# and doctype: <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0).
_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*"
    rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "td",
    "th", "tr", "ul",
}  # fmt: skip


@dataclass(slots=True)
class FeedEntry:
    """One entry: its place in the feed (from 1), metadata, and body as HTML (if it was HTML) and text."""

    number: int
    title: str | None
    link: str | None
    published: dt.date | None
    html: str | None
    text: str
    summary_only: bool  # the feed gave a summary (description) of the entry, not its content


@dataclass(slots=True)
class Feed:
    title: str | None
    entries: list[FeedEntry]


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` is an XML document whose root element is ``rss``, ``feed`` or ``rdf:RDF``."""
    return _FEED_ROOT.match(data[:4096]) is not None


def parse_feed(data: bytes, source: str, *, base_url: str | None = None, content_type: str | None = None) -> Feed:
    """The entries of the feed in ``data``; :class:`InputError` if it is not a feed feedparser can read.
    ``base_url`` resolves relative links; ``content_type`` is the HTTP header, if fetched (its charset)."""
    try:
        import feedparser
    except ImportError:
        raise MissingDependencyError(
            "reading RSS/Atom feeds needs feedparser: pip install -c constraints.txt feedparser"
        ) from None
    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except (RecursionError, ValueError, TypeError, UnicodeError) as exc:  # a pathological document
        raise InputError(source, f"not a readable feed ({type(exc).__name__}: {str(exc)[:120]})") from None
    entries: list[Any] = list(parsed.get("entries") or [])
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem)[:120]})" if problem else ""
        raise InputError(source, f"not an RSS or Atom feed{detail}")
    if not entries:
        raise InputError(source, "empty: the feed has no entries")
    feed_title = _clean(parsed.get("feed", {}).get("title"))
    return Feed(feed_title, [_entry(number, entry) for number, entry in enumerate(entries, start=1)])


def _entry(number: int, entry: Any) -> FeedEntry:
    body, summary_only = _body(entry)
    html: str | None = None
    if body is None:
        text = ""
    elif str(body.get("type", "")).lower() in _HTML_TYPES:
        html = str(body.get("value") or "")
        text = html_to_text(html)
    else:
        text = str(body.get("value") or "").strip()
    return FeedEntry(
        number=number,
        title=_clean(entry.get("title")),
        link=_clean(entry.get("link")),
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        html=html,
        text=text,
        summary_only=summary_only,
    )


def _body(entry: Any) -> tuple[Any | None, bool]:
    """The entry's longest content element, else its summary (and whether it was the summary)."""
    contents = [c for c in entry.get("content") or [] if str(c.get("value") or "").strip()]
    if contents:
        return max(contents, key=lambda c: len(str(c.get("value")))), False
    summary = entry.get("summary_detail")
    if summary is not None and str(summary.get("value") or "").strip():
        return summary, True
    return None, True


def _date(value: Any) -> dt.date | None:
    """A date from feedparser's UTC ``time.struct_time``."""
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday) if value else None
    except (AttributeError, ValueError):
        return None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, one line per paragraph, list item or line break (lxml parses it)."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
