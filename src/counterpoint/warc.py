"""WARC files read by warcio: the HTML pages a crawler saved, one :class:`WarcPage` per ``response`` record.

Records are streamed: memory holds one page, and ``max_bytes`` applies to each page, not to the file.
Only successful (2xx) ``response`` records whose HTTP Content-Type is HTML or XHTML are pages; requests,
metadata, revisits, redirects, error pages, images and scripts are skipped. warcio stops quietly at a
truncated record or gzip member, so the reader checks that each record was whole and that the file was
read to its end; where it was not, it reports a :class:`WarcProblem` at that byte offset and stops, keeping
the pages before.
"""

from __future__ import annotations

import datetime as dt
import email.message
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MissingDependencyError

__all__ = ["WARC_SUFFIXES", "WarcPage", "WarcProblem", "looks_like_warc", "read_warc"]

log = logging.getLogger(__name__)

WARC_SUFFIXES = frozenset({".warc"})
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Bytes after the last record that may be padding (uncompressed WARCs end each record with two CRLFs).
_TRAILING_SLACK = 64


@dataclass(slots=True)
class WarcPage:
    """An HTML response: where its record starts in the file, the URL it was fetched from, when it was
    captured (WARC-Date: not when it was published), and its decoded body."""

    offset: int
    url: str | None
    captured: dt.date | None
    body: bytes
    charset: str | None


@dataclass(slots=True)
class WarcProblem:
    """A page that cannot be read (``fatal`` False) or a break in the file after which nothing is read."""

    offset: int
    url: str | None
    reason: str
    fatal: bool = False


def looks_like_warc(head: bytes) -> bool:
    """Whether ``head`` (the first bytes, decompressed) starts a WARC record."""
    return head.startswith(b"WARC/")


def read_warc(path: Path, max_bytes: int) -> Iterator[WarcPage | WarcProblem]:
    """The HTML pages in the WARC (or ``.warc.gz``) file at ``path``, and the problems met, in file order."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingDependencyError("reading WARC files needs warcio: pip install -c constraints.txt warcio") from None
    size = path.stat().st_size
    end = last = 0  # where the last whole record ends, and where it starts
    records = 0
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises assorted errors (ValueError, AttributeError...) on bad data
                yield WarcProblem(end, None, _stopped(end, _describe(exc)), fatal=True)
                return
            records += 1
            found = _page(record, max_bytes)
            try:
                offset, length = iterator.get_record_offset(), iterator.get_record_length()  # reads to the end
            except Exception as exc:
                yield WarcProblem(end, None, _stopped(end, _describe(exc)), fatal=True)
                return
            url = record.rec_headers.get_header("WARC-Target-URI")
            # warcio yields a record cut in its headers without a length (or an empty one), and one cut in its
            # block with the bytes still owed in its reader's limit
            declared = str(record.rec_headers.get_header("Content-Length") or "").strip()
            if not declared.isdigit() or getattr(record.raw_stream, "limit", 0) > 0:
                yield WarcProblem(offset, url, _stopped(offset, "the file ends in the middle of a record"), fatal=True)
                return
            last, end = offset, offset + length
            if isinstance(found, bytes):
                yield WarcPage(offset, url, _captured(record), found, _charset(record))
            elif found is not None:
                yield WarcProblem(offset, url, found)
        handle.seek(end)
        tail = handle.read(_TRAILING_SLACK + 1)
        whole = records == 0 or _gzip_member_whole(handle, last)
    if len(tail) > _TRAILING_SLACK or tail.strip():
        yield WarcProblem(end, None, _stopped(end, f"{size - end:,} bytes there are not a whole record"), fatal=True)
    elif not whole:
        yield WarcProblem(last, None, _stopped(last, "the last record's gzip member has no end"), fatal=True)
    log.debug("%s: %d WARC records", path, records)


def _gzip_member_whole(handle: Any, offset: int) -> bool:
    """Whether the gzip member at ``offset`` (if it is one) runs to its end: warcio reads a member that lost
    only its trailer without a word, and the record in it cannot be checked."""
    handle.seek(offset)
    if handle.read(2) != b"\x1f\x8b":
        return True
    handle.seek(offset)
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while not decompressor.eof:
            data = decompressor.unconsumed_tail or handle.read(1 << 16)
            if not data:
                return False
            decompressor.decompress(data, 1 << 20)  # output bounded: the member is only checked, not kept
    except zlib.error:
        return False
    return True


def _page(record: Any, max_bytes: int) -> bytes | str | None:
    """The body of an HTML page record, a reason it cannot be read, or ``None`` for a record that is no page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    if media_type not in _HTML_TYPES or not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return None
    try:
        body: bytes = record.content_stream().read(max_bytes + 1)  # transfer and content encodings undone
    except Exception as exc:  # a broken chunked or gzip body inside the record
        return f"page body cannot be decoded ({_describe(exc)})"
    if len(body) > max_bytes:
        return f"record too large (over {max_bytes:,} bytes); raise --max-bytes"
    return body


def _captured(record: Any) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _charset(record: Any) -> str | None:
    message = email.message.Message()
    message["content-type"] = record.http_headers.get_header("Content-Type") or ""
    charset = message.get_content_charset()
    return str(charset) if charset else None


def _stopped(offset: int, why: str) -> str:
    return f"stopped reading at byte {offset:,}: {why} (truncated or corrupt); the records before were kept"


def _describe(exc: Exception) -> str:
    """warcio's error in words (its messages quote the raw bytes, which mean nothing to a user)."""
    text = str(exc)
    if "non-chunked gzip" in text:
        return "the file is one gzip stream, not one per record; fix it with: warcio recompress IN OUT"
    if "Unknown archive format" in text:
        return "no WARC record starts there"
    if "Invalid WARC record" in text:
        return "a WARC record with a broken header"
    return f"a record that cannot be parsed ({type(exc).__name__})"
