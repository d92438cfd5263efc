"""Ingest: files, directories, gzip, HTML, JSONL records, RSS/Atom feeds, WARC files and URLs -> :class:`Article`.

One bad input never stops a batch: it becomes a :class:`Rejection` naming the source and the reason, and
the rest goes on. Formats are chosen by suffix (``.txt``, ``.html``, ``.jsonl``, ``.rss``/``.atom``/``.xml``,
``.warc``, ``.urls``, each optionally ``.gz``) and, for other names, by sniffing the content. This module
finds the inputs and chooses the reader; files of many items are streamed one item at a time (JSONL here,
feeds, WARC files and URL lists in :mod:`.sources`); :mod:`.reading` turns one text or page into an article.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..feeds import FEED_SUFFIXES
from ..model import Article, Rejection
from ..warc import WARC_SUFFIXES, looks_like_warc
from .reading import (
    BINARY_SNIFF_BYTES,
    HTML_SNIFF,
    MAX_INPUT_BYTES,
    MIN_HTML_WORDS,
    IngestOptions,
    Unreadable,
    article_from_html,
    article_from_text,
    date_from_name,
    decode_text,
    extract_html,
    has_text_bom,
    outlet_from_name,
    parse_date,
    sniff_kind,
)
from .sources import FetchSession, read_feed, read_url, read_url_list, read_warc_file

__all__ = [
    "MAX_INPUT_BYTES",
    "MIN_HTML_WORDS",
    "NAME",
    "VERSION",
    "IngestOptions",
    "IngestResult",
    "article_from_text",
    "extract_html",
    "ingest",
    "parse_date",
    "read",
]

NAME = "ingest"
VERSION = "1"

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
URL_LIST_SUFFIXES = {".urls"}


@dataclass(slots=True)
class IngestResult:
    articles: list[Article]
    rejected: list[Rejection]


def read(sources: Iterable[str | Path], options: IngestOptions | None = None) -> Iterator[Article | Rejection]:
    """Articles and rejections one at a time, as the sources are read (for corpora too large for memory).
    Articles repeated within the run (same outlet and text) are rejected with the name of the first."""
    options = options or IngestOptions()
    seen: dict[str, str] = {}
    session = FetchSession(options)
    try:
        for source in sources:
            for name, item in _read_source(str(source), options, session):
                if isinstance(item, Rejection):
                    log.warning("rejected %s: %s", item.source, item.reason)
                    yield item
                elif item.article_id in seen:
                    yield Rejection(name, f"same outlet and text as {seen[item.article_id]}; kept that one")
                else:
                    seen[item.article_id] = name
                    yield item
    finally:
        session.close()


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


def _read_source(
    source: str, options: IngestOptions, session: FetchSession
) -> Iterator[tuple[str, Article | Rejection]]:
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield source, Rejection(source, "directory holds no files")
        for file in files:
            yield from _read_file(file, str(file), options, session)
    elif path.is_file():
        yield from _read_file(path, source, options, session)
    elif source.lower().startswith(("http://", "https://")):
        yield from read_url(source, session.fetcher, options)
    else:
        yield source, Rejection(source, "no such file or directory")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(
    path: Path, source: str, options: IngestOptions, session: FetchSession
) -> Iterator[tuple[str, Article | Rejection]]:
    try:
        if _is_warc(path):
            # a WARC file of any size is streamed; the size limit applies to each page
            yield from read_warc_file(path, source, options)
            return
        if _is_jsonl(path):
            # a JSONL file of any size is streamed; the size limit applies to each record
            yield from _stream_jsonl(path, source, options)
            return
        data = _read_bytes(path, options.max_bytes)
        if b"\x00" in data[:BINARY_SNIFF_BYTES] and not has_text_bom(data):
            raise Unreadable("binary file (contains NUL bytes), not text, HTML or JSONL")
        kind = _kind(path, data)
        if kind == "feed":
            yield from read_feed(data, source, options, outlet=outlet_from_name(path), published=date_from_name(path))
            return
        if kind == "urls":
            yield from read_url_list(data, source, options, session)
            return
        if kind == "html":
            article = article_from_html(
                data, source, options, meta={}, outlet=outlet_from_name(path), published=date_from_name(path)
            )
        else:
            article = article_from_text(
                decode_text(data),
                source=source,
                outlet=options.outlet or outlet_from_name(path),
                published=options.published or date_from_name(path),
            )
        yield source, article
    except Unreadable as exc:
        yield source, Rejection(source, str(exc))
    except InputError as exc:
        yield exc.source, Rejection(exc.source, exc.reason)
    except OSError as exc:
        yield source, Rejection(source, f"cannot be read: {exc.strerror or exc}")
    except (RecursionError, MemoryError, ValueError) as exc:  # a pathological page (nesting, size) in a parser
        log.debug("reading %s failed", source, exc_info=True)
        yield source, Rejection(source, f"could not be read ({type(exc).__name__}: {str(exc)[:120] or 'no detail'})")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty: the file has 0 bytes")
    compressed = _stem_suffix(path)[1] or _is_gzip_file(path)
    if not compressed and size > max_bytes:
        raise Unreadable(f"too large ({size:,} bytes, limit {max_bytes:,}); split it or raise --max-bytes")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1) if not compressed else handle.read()
    if not compressed:
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
            data: bytes = unzipped.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise Unreadable(f"not a valid gzip file ({exc})") from None
    if len(data) > max_bytes:
        raise Unreadable(f"too large once decompressed (over {max_bytes:,} bytes); split it or raise --max-bytes")
    if not data.strip():
        raise Unreadable("empty: the compressed file holds no text")
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
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in URL_LIST_SUFFIXES:
        return "urls"
    return sniff_kind(data)  # JSONL and WARC were recognised before


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
    return b"\x00" not in head and head.lstrip().startswith(b"{") and not HTML_SNIFF.search(head[:2048])


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
        record = json.loads(decode_text(line))
    except json.JSONDecodeError as exc:
        return Rejection(name, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except Unreadable as exc:
        return Rejection(name, str(exc))
    except RecursionError:
        return Rejection(name, "JSON nested too deeply")
    try:
        return _article_from_record(record, name, path, options)
    except Unreadable as exc:
        return Rejection(name, str(exc))


def _article_from_record(record: object, name: str, path: Path, options: IngestOptions) -> Article:
    if not isinstance(record, dict):
        raise Unreadable("a JSONL record must be an object with a 'text' or 'html' field")
    meta = {k: record.get(k) for k in ("outlet", "title", "url", "published")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise Unreadable(f"field '{key}' must be a string, got {type(value).__name__}")
    source = meta["url"] or name
    if isinstance(record.get("html"), str) and record["html"].strip():
        return article_from_html(
            record["html"], source, options, meta, outlet=outlet_from_name(path), published=date_from_name(path)
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise Unreadable("record has no 'text' or 'html' string field")
    return article_from_text(
        text,
        source=source,
        outlet=meta["outlet"] or options.outlet or outlet_from_name(path),
        title=meta["title"],
        published=parse_date(meta["published"]) or options.published,
        url=meta["url"],
    )


def _is_warc(path: Path) -> bool:
    """A WARC file by its suffix (``.warc``, ``.warc.gz``), or by its first bytes when the suffix says nothing."""
    suffix, _ = _stem_suffix(path)
    if suffix in WARC_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES:
        return False
    if path.stat().st_size == 0:
        return False
    try:
        with _open(path) as handle:
            return looks_like_warc(handle.read(8))
    except (OSError, EOFError, zlib.error):
        return False
