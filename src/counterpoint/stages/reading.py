"""Reading one input into an :class:`Article`: the options, decoding bytes to text, the main text of an
HTML page, and the metadata fallbacks.

Shared by the readers of ingest (files, gzip, JSONL in :mod:`.ingest`; feeds, WARC files and URLs in
:mod:`.sources`), which sit above it; it imports neither.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..feeds import looks_like_feed
from ..ids import content_id
from ..model import Article, Rejection

log = logging.getLogger(__name__)

# 20 MB: the longest news pages in the extraction benchmarks are under 1 MB of HTML; a file 20 times that
# size is a dump or a wrong path, not an article, and would stall the batch.
MAX_INPUT_BYTES = 20_000_000

# Fewer words than this left after boilerplate removal means the page held no article (a menu, a login
# wall, an index page); the shortest news briefs in the extraction benchmarks have about 40.
MIN_HTML_WORDS = 10

# A NUL byte in the first 8 KiB marks a binary file (the rule git and grep use).
BINARY_SNIFF_BYTES = 8192

_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p)[\s>]", re.IGNORECASE)


@dataclass(slots=True)
class IngestOptions:
    """Fallbacks for metadata an input lacks, the size limit, and how URLs are fetched.

    ``allow_private`` lets the fetcher reach private, loopback and link-local addresses (an intranet, a
    local test server); ``respect_robots`` makes it obey robots.txt (off by default: a URL is named by the
    user, one page at a time, not crawled); ``fetch_timeout`` is the time budget of one URL in seconds
    (``None``: :data:`counterpoint.fetch.FETCH_TIMEOUT`, 20 s)."""

    outlet: str | None = None
    published: dt.date | None = None
    max_bytes: int = MAX_INPUT_BYTES
    allow_private: bool = False
    respect_robots: bool = False
    fetch_timeout: float | None = None

    def __post_init__(self) -> None:
        if self.fetch_timeout is not None and not self.fetch_timeout > 0:
            raise ConfigError(f"fetch_timeout must be a positive number of seconds, got {self.fetch_timeout!r}")


class Unreadable(Exception):
    """Internal: this input cannot become an article, for the reason given."""


def article_from_text(
    text: str,
    *,
    source: str,
    outlet: str,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
) -> Article:
    """Build an :class:`Article` from already-decoded text (the library entry point for in-memory input)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Unreadable("empty: no text")
    return Article(
        article_id=content_id("a", outlet, text),
        source=source,
        outlet=outlet,
        text=text,
        title=title,
        published=published,
        url=url,
    )


def sniff_kind(data: bytes) -> str:
    if looks_like_feed(data):  # before HTML: a feed's entries may hold HTML tags
        return "feed"
    return "html" if HTML_SNIFF.search(data[:2048].lstrip()) else "text"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Read a byte that is not UTF-8 as Windows-1252: files saved in that encoding, or pasted from one."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start : error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error("counterpoint-cp1252", _cp1252_fallback)


def decode_text(data: bytes) -> str:
    """Text of ``data``: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, where a byte that is not
    UTF-8 is read as Windows-1252 (legacy files, mixed encodings). NUL characters are dropped."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).replace("\x00", "")
            except UnicodeDecodeError as exc:
                raise Unreadable(f"says {encoding.upper()} by its byte-order mark but is not ({exc.reason})") from None
    return data.decode("utf-8", errors="counterpoint-cp1252").replace("\x00", "")


def has_text_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


# suffixes taken off a file name to guess its outlet
_NAME_SUFFIXES = frozenset("gz txt text md html htm xhtml jsonl ndjson rss atom xml warc urls".split())


def outlet_from_name(path: Path) -> str:
    name = path.name
    for _ in range(2):
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and suffix.lower() in _NAME_SUFFIXES:
            name = stem
    name = _DATE_IN_NAME.sub("", name).strip(" -_.")
    return name or path.name


def date_from_name(path: Path) -> dt.date | None:
    match = _DATE_IN_NAME.search(path.name)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_date(value: object) -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (optionally followed by a time) into a date; anything else gives ``None``."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(
    data: bytes | str,
    source: str,
    options: IngestOptions,
    meta: dict[str, Any],
    *,
    outlet: str,
    published: dt.date | None,
) -> Article:
    """An article from a page: metadata from ``meta`` (a record's fields), else the page, else the options,
    else ``outlet`` and ``published`` (guesses from the file name, the host, or the WARC capture date)."""
    extracted = extract_html(data, url=meta.get("url"))
    if extracted is None:
        raise Unreadable("no article text found in the HTML (page empty, or all navigation and boilerplate)")
    text, page_meta = extracted
    outlet = meta.get("outlet") or page_meta.get("sitename") or options.outlet or outlet
    published = parse_date(meta.get("published")) or parse_date(page_meta.get("date")) or options.published or published
    article = article_from_text(
        text,
        source=source,
        outlet=str(outlet),
        title=meta.get("title") or page_meta.get("title"),
        published=published,
        url=meta.get("url") or page_meta.get("url"),
    )
    article.extracted = True
    return article


def extract_html(data: bytes | str, url: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """Main text and metadata (title, date, sitename, url) of an HTML page, or ``None`` if it has none.

    Uses trafilatura with its default balance of precision and recall, which scores 0.960 shingle F1 on the
    Scrapinghub article-extraction benchmark here (``bench/extraction.py``).
    """
    import trafilatura

    if isinstance(data, bytes):
        data = decode_text(data) if has_text_bom(data) else data  # trafilatura guesses other encodings itself
    try:
        extracted = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except RecursionError:
        raise Unreadable("HTML nested too deeply to read") from None
    if extracted is None:
        return None
    document: dict[str, Any] = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = document.get("text") or ""
    if len(text.split()) < MIN_HTML_WORDS:
        return None
    return text, {k: document.get(k) for k in ("title", "date", "sitename", "url")}


def guarded(name: str, build: Callable[..., Article], *args: Any, **kwargs: Any) -> Article | Rejection:
    """``build(...)``, or a rejection named ``name``: one item of a container never stops the rest."""
    try:
        return build(*args, **kwargs)
    except Unreadable as exc:
        return Rejection(name, str(exc))
    except (RecursionError, MemoryError, ValueError) as exc:  # a pathological page in a parser
        log.debug("reading %s failed", name, exc_info=True)
        return Rejection(name, f"could not be read ({type(exc).__name__}: {str(exc)[:120] or 'no detail'})")


def decode_page(body: bytes, charset: str | None) -> bytes | str:
    """The page as text when its charset is declared and right; otherwise the bytes, for the extractor to
    guess from the page itself."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body


def outlet_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
