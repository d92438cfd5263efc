"""Ingest: files, directories, gzip, HTML and JSONL records -> :class:`Article`.

One bad input never stops a batch: it becomes a :class:`Rejection` naming the source and the reason, and
the rest goes on. Formats are chosen by suffix (``.txt``, ``.html``, ``.jsonl``, each optionally ``.gz``)
and, for other names, by sniffing the content.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ids import content_id
from ..model import Article, Rejection

NAME = "ingest"
VERSION = "1"

log = logging.getLogger(__name__)

# 20 MB: the longest news pages in the extraction benchmarks are under 1 MB of HTML; a file 20 times that
# size is a dump or a wrong path, not an article, and would stall the batch.
MAX_INPUT_BYTES = 20_000_000
# Fewer words than this left after boilerplate removal means the page held no article (a menu, a login
# wall, an index page); the shortest news briefs in the extraction benchmarks have about 40.
MIN_HTML_WORDS = 10
# A NUL byte in the first 8 KiB marks a binary file (the rule git and grep use).
BINARY_SNIFF_BYTES = 8192

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p)[\s>]", re.IGNORECASE)


@dataclass(slots=True)
class IngestOptions:
    """Fallbacks for metadata an input lacks, and the size limit."""

    outlet: str | None = None
    published: dt.date | None = None
    max_bytes: int = MAX_INPUT_BYTES


@dataclass(slots=True)
class IngestResult:
    articles: list[Article]
    rejected: list[Rejection]


class _Reject(Exception):
    """Internal: this input cannot become an article, for the reason given."""


def read(sources: Iterable[str | Path], options: IngestOptions | None = None) -> Iterator[Article | Rejection]:
    """Articles and rejections one at a time, as the sources are read (for corpora too large for memory).
    Articles repeated within the run (same outlet and text) are rejected with the name of the first."""
    options = options or IngestOptions()
    seen: dict[str, str] = {}
    for source in sources:
        for name, item in _read_source(str(source), options):
            if isinstance(item, Rejection):
                log.warning("rejected %s: %s", item.source, item.reason)
                yield item
            elif item.article_id in seen:
                yield Rejection(name, f"same outlet and text as {seen[item.article_id]}; kept that one")
            else:
                seen[item.article_id] = name
                yield item


def ingest(sources: Iterable[str | Path], options: IngestOptions | None = None) -> IngestResult:
    """Read every source (file or directory) into articles; unreadable inputs become rejections.

    >>> result = ingest(["examples/harbour-fire"])  # doctest: +SKIP
    >>> [a.outlet for a in result.articles]  # doctest: +SKIP
    """
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for item in read(sources, options):
        (rejected if isinstance(item, Rejection) else articles).append(item)  # type: ignore[arg-type]
    return IngestResult(articles, rejected)


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
        raise _Reject("empty: no text")
    return Article(
        article_id=content_id("a", outlet, text),
        source=source,
        outlet=outlet,
        text=text,
        title=title,
        published=published,
        url=url,
    )


def _read_source(source: str, options: IngestOptions) -> Iterator[tuple[str, Article | Rejection]]:
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield source, Rejection(source, "directory holds no files")
        for file in files:
            yield from _read_file(file, str(file), options)
    elif path.is_file():
        yield from _read_file(path, source, options)
    elif source.startswith(("http://", "https://")):
        yield source, Rejection(source, "URLs are not fetched; save the page and pass the file")
    else:
        yield source, Rejection(source, "no such file or directory")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(path: Path, source: str, options: IngestOptions) -> Iterator[tuple[str, Article | Rejection]]:
    try:
        if _is_jsonl(path):
            # a JSONL file of any size is streamed; the size limit applies to each record
            yield from _stream_jsonl(path, source, options)
            return
        data = _read_bytes(path, options.max_bytes)
        if b"\x00" in data[:BINARY_SNIFF_BYTES] and not _has_text_bom(data):
            raise _Reject("binary file (contains NUL bytes), not text, HTML or JSONL")
        kind = _kind(path, data)
        if kind == "html":
            article = _article_from_html(data, source, path, options, meta={})
        else:
            article = article_from_text(
                _decode(data),
                source=source,
                outlet=options.outlet or _outlet_from_name(path),
                published=options.published or _date_from_name(path),
            )
        yield source, article
    except _Reject as exc:
        yield source, Rejection(source, str(exc))
    except OSError as exc:
        yield source, Rejection(source, f"cannot be read: {exc.strerror or exc}")
    except (RecursionError, MemoryError, ValueError) as exc:  # a pathological page (nesting, size) in a parser
        log.debug("reading %s failed", source, exc_info=True)
        yield source, Rejection(source, f"could not be read ({type(exc).__name__}: {str(exc)[:120] or 'no detail'})")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise _Reject("empty: the file has 0 bytes")
    compressed = _stem_suffix(path)[1] or _is_gzip_file(path)
    if not compressed and size > max_bytes:
        raise _Reject(f"too large ({size:,} bytes, limit {max_bytes:,}); split it or raise --max-bytes")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1) if not compressed else handle.read()
    if not compressed:
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
            data: bytes = unzipped.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise _Reject(f"not a valid gzip file ({exc})") from None
    if len(data) > max_bytes:
        raise _Reject(f"too large once decompressed (over {max_bytes:,} bytes); split it or raise --max-bytes")
    if not data.strip():
        raise _Reject("empty: the compressed file holds no text")
    return data


def _is_gzip_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _stem_suffix(path: Path) -> tuple[str, bool]:
    """The format suffix (lower case) with any ``.gz`` removed, and whether ``.gz`` was there."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def _kind(path: Path, data: bytes) -> str:
    suffix, _ = _stem_suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "html" if _HTML_SNIFF.search(data[:2048].lstrip()) else "text"  # JSONL was recognised before


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


def _decode(data: bytes) -> str:
    """Text of ``data``: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, where a byte that is not
    UTF-8 is read as Windows-1252 (legacy files, mixed encodings). NUL characters are dropped."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).replace("\x00", "")
            except UnicodeDecodeError as exc:
                raise _Reject(f"says {encoding.upper()} by its byte-order mark but is not ({exc.reason})") from None
    return data.decode("utf-8", errors="counterpoint-cp1252").replace("\x00", "")


def _has_text_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _outlet_from_name(path: Path) -> str:
    name = path.name
    for _ in range(2):
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and suffix.lower() in {"gz", "txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson"}:
            name = stem
    name = _DATE_IN_NAME.sub("", name).strip(" -_.")
    return name or path.name


def _date_from_name(path: Path) -> dt.date | None:
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


def _article_from_html(
    data: bytes | str, source: str, path: Path, options: IngestOptions, meta: dict[str, Any]
) -> Article:
    extracted = extract_html(data, url=meta.get("url"))
    if extracted is None:
        raise _Reject("no article text found in the HTML (page empty, or all navigation and boilerplate)")
    text, page_meta = extracted
    outlet = meta.get("outlet") or page_meta.get("sitename") or options.outlet or _outlet_from_name(path)
    published = (
        parse_date(meta.get("published"))
        or parse_date(page_meta.get("date"))
        or options.published
        or _date_from_name(path)
    )
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
        data = _decode(data) if _has_text_bom(data) else data  # trafilatura guesses other encodings itself
    try:
        extracted = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except RecursionError:
        raise _Reject("HTML nested too deeply to read") from None
    if extracted is None:
        return None
    document: dict[str, Any] = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = document.get("text") or ""
    if len(text.split()) < MIN_HTML_WORDS:
        return None
    return text, {k: document.get(k) for k in ("title", "date", "sitename", "url")}


def _is_jsonl(path: Path) -> bool:
    """A JSONL file by its suffix, or by a first byte of "{" when the suffix says nothing."""
    suffix, _ = _stem_suffix(path)
    if suffix in JSONL_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES or path.stat().st_size == 0:
        return False
    try:
        with _open(path) as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return False
    return b"\x00" not in head and head.lstrip().startswith(b"{") and not _HTML_SNIFF.search(head[:2048])


def _open(path: Path) -> io.BufferedIOBase:
    compressed = _stem_suffix(path)[1] or _is_gzip_file(path)
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _stream_jsonl(path: Path, source: str, options: IngestOptions) -> Iterator[tuple[str, Article | Rejection]]:
    """One record per line, read as a stream: memory stays at one record, a record over ``max_bytes`` is
    rejected alone, and a broken gzip stream keeps the records read before the break."""
    empty = True
    try:
        with _open(path) as handle:
            number = 0
            while True:
                line = handle.readline(options.max_bytes + 1)
                if not line:
                    break
                number += 1
                name = f"{source}:{number}"
                if len(line) > options.max_bytes and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # skip the rest of the record
                        line = handle.readline(1 << 20)
                    yield (
                        name,
                        Rejection(name, f"record too large (over {options.max_bytes:,} bytes); raise --max-bytes"),
                    )
                    empty = False
                    continue
                if not line.strip():
                    continue
                empty = False
                yield name, _record(line, name, path, options)
    except (OSError, EOFError, zlib.error) as exc:
        yield source, Rejection(source, f"stopped reading: not a valid gzip stream ({exc}); records before kept")
        return
    if empty:
        yield source, Rejection(source, "empty: no JSON records")


def _record(line: bytes, name: str, path: Path, options: IngestOptions) -> Article | Rejection:
    try:
        record = json.loads(_decode(line))
    except json.JSONDecodeError as exc:
        return Rejection(name, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except _Reject as exc:
        return Rejection(name, str(exc))
    except RecursionError:
        return Rejection(name, "JSON nested too deeply")
    try:
        return _article_from_record(record, name, path, options)
    except _Reject as exc:
        return Rejection(name, str(exc))


def _article_from_record(record: object, name: str, path: Path, options: IngestOptions) -> Article:
    if not isinstance(record, dict):
        raise _Reject("a JSONL record must be an object with a 'text' or 'html' field")
    meta = {k: record.get(k) for k in ("outlet", "title", "url", "published")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise _Reject(f"field '{key}' must be a string, got {type(value).__name__}")
    source = meta["url"] or name
    if isinstance(record.get("html"), str) and record["html"].strip():
        return _article_from_html(record["html"], source, path, options, meta)
    text = record.get("text")
    if not isinstance(text, str):
        raise _Reject("record has no 'text' or 'html' string field")
    return article_from_text(
        text,
        source=source,
        outlet=meta["outlet"] or options.outlet or _outlet_from_name(path),
        title=meta["title"],
        published=parse_date(meta["published"]) or options.published,
        url=meta["url"],
    )
