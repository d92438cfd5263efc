"""What the compare page reads: pasted text, uploaded files and URLs, each capped; into the store as
``counterpoint ingest`` puts them.

- **Pasted text**: one article, or several separated by a line holding only ``---``. Each may start with
  header lines ``Outlet:``, ``Title:``, ``Published:`` (YYYY-MM-DD) and ``URL:``; without an outlet, the
  article is "Pasted text N".
- **Files**: read by the ingest readers (:mod:`counterpoint.stages.ingest`): text, HTML, JSONL, feeds, WARC,
  any of them gzipped; outlet and date from the file name when the content does not say. A ``.urls`` list
  is refused (its URLs belong in the URL box, under its cap).
- **URLs**: one per line, fetched by the guarded fetcher (:mod:`counterpoint.fetch`): private, loopback and
  link-local addresses are refused unless the server was started with ``--allow-private``.

Every input that cannot be read becomes a rejection naming it, and the rest goes on. What was read then
goes through the per-article phase and the corpus phase of ingest (:func:`counterpoint.pipeline.prepare_chunk`,
:class:`counterpoint.corpus.Corpus`): cleaned, checked for wire copies, grouped into stories, stored.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import HTTPException, Request

from ..corpus import IngestStats
from ..fetch import FETCH_TIMEOUT, Fetcher, Page
from ..model import Article, Rejection
from ..stages import ingest
from ..stages.reading import IngestOptions, Unreadable, article_from_text, decode_text, parse_date
from ..stages.sources import read_url
from ..store import SQLStore, StorySummary
from .render import article_url, story_url
from .schemas import AddedArticle, AddedStory, CompareForm, CompareResult, Rejected

# A request (its whole body: pasted text, files, URLs, form fields) is refused unread beyond this: the HTML
# of a dozen long news pages with room to spare (the longest pages of the extraction benchmarks are under
# 1 MB). A larger collection belongs in `counterpoint ingest`, which streams it.
MAX_REQUEST_BYTES = 10_000_000
# Files and URLs in one request: a story's worth of outlets. More is a collection: `counterpoint ingest`.
MAX_FILES = 20
MAX_URLS = 20
# Articles and rejections read from one request (a JSONL file or a feed holds many): reading stops there.
MAX_ITEMS = 200
# Fetching: each page at most MAX_URL_BYTES (5 times the longest news page measured), the request's pages
# together MAX_FETCH_BYTES, and all of them within FETCH_SECONDS (a browser waits for the answer).
MAX_URL_BYTES = 5_000_000
MAX_FETCH_BYTES = 20_000_000
FETCH_SECONDS = 60.0

PASTE_SEPARATOR = "---"
_SEPARATOR = re.compile(r"^[ \t]*---[ \t]*$", re.M)
_HEADER = re.compile(r"^[ \t]*(outlet|title|published|url)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:]+")
MAX_NAME_CHARS = 120

# The ingest readers' advice names command-line options; on the page, say what to do here instead.
_ADVICE = (
    (
        "pass --allow-private to fetch it",
        "this server fetches it only if started with: counterpoint serve --allow-private",
    ),
    ("split it or raise --max-bytes", "split it, or add it with: counterpoint ingest --max-bytes"),
    ("raise --max-bytes", "add it with: counterpoint ingest --max-bytes"),
)


@dataclass(frozen=True, slots=True)
class Upload:
    name: str  # the file's name as sent, made safe to show and to store (no folders, no control characters)
    data: bytes


@dataclass(slots=True)
class Submission:
    """The compare form: pasted text, URLs, uploaded files and the other fields (token, csrf)."""

    text: str = ""
    urls: list[str] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """What a submission added: the articles read (each with the story it is in), the inputs rejected."""

    articles: list[Article]
    rejected: list[Rejection]
    stats: IngestStats
    story_of: dict[str, str]  # article id -> story id

    def result(self, stories: list[StorySummary], compared: set[str]) -> CompareResult:
        """What the POST answers: the stories its articles are in (from the store's ``stories``), which of
        them it ``compared``, the articles and the rejections."""
        summaries = {s.story_id: s for s in stories}
        return CompareResult(
            stories=[
                AddedStory(
                    id=story_id,
                    title=summaries[story_id].title,
                    size=summaries[story_id].size,
                    outlets=summaries[story_id].outlets,
                    articles=[a.article_id for a in self.articles if self.story_of.get(a.article_id) == story_id],
                    compared=story_id in compared,
                    url=story_url(story_id),
                )
                for story_id in stories_in_order(self)
                if story_id in summaries
            ],
            articles=[
                AddedArticle(
                    id=a.article_id,
                    source=a.source,
                    outlet=a.outlet,
                    title=a.title,
                    published=a.published,
                    story=self.story_of.get(a.article_id),
                    url=article_url(a.article_id),
                )
                for a in self.articles
            ],
            rejected=[Rejected(source=r.source, reason=r.reason) for r in self.rejected],
            read=self.stats.read,
            stored=self.stats.stored,
            copies=self.stats.copies,
        )


def form_limits(*, writes: bool, allow_private: bool) -> CompareForm:
    """The compare page's twin: whether it takes articles, and its limits."""
    return CompareForm(
        writes=writes,
        private_urls=allow_private,
        separator=PASTE_SEPARATOR,
        header_lines=["Outlet: NAME", "Title: TITLE", "Published: YYYY-MM-DD", "URL: ADDRESS"],
        max_request_bytes=MAX_REQUEST_BYTES,
        max_files=MAX_FILES,
        max_urls=MAX_URLS,
        max_items=MAX_ITEMS,
        max_fetch_bytes=MAX_FETCH_BYTES,
        max_url_bytes=MAX_URL_BYTES,
    )


async def read_body(request: Request) -> bytes:
    """The request's body, refused (413) unread when it says it is over MAX_REQUEST_BYTES, or once it is."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
        raise HTTPException(413, _too_large(int(declared)))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_REQUEST_BYTES:
            raise HTTPException(413, _too_large(None))
    return bytes(body)


def _too_large(size: int | None) -> str:
    what = f"{size:,} bytes" if size is not None else f"over {MAX_REQUEST_BYTES:,} bytes"
    return (
        f"The request is {what}; this page takes at most {MAX_REQUEST_BYTES:,} bytes at a time (text, files and "
        "URLs together). Send fewer or smaller files per request, or add a large collection with: "
        "counterpoint ingest FILES --db STORE"
    )


def parse_submission(content_type: str, body: bytes) -> Submission:
    """The form, sent as multipart/form-data (the page's form, ``curl -F``) or URL-encoded (no files)."""
    media = content_type.split(";", 1)[0].strip().lower()
    fields: dict[str, list[str]] = {}
    uploads: list[Upload] = []
    if media == "multipart/form-data":
        header = b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n"
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        if not message.is_multipart():
            raise HTTPException(400, "The form could not be read: the multipart body has no parts (no boundary?).")
        for number, part in enumerate(message.iter_parts(), start=1):
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename is not None:
                if filename or data:  # a file field left empty sends a part with no name and no bytes
                    uploads.append(Upload(_safe_name(filename, number), data))
            elif isinstance(name, str):
                fields.setdefault(name, []).append(decode_text(data))
    elif media == "application/x-www-form-urlencoded" or not body:
        fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    else:
        raise HTTPException(
            415, "Send the form as multipart/form-data (with files) or application/x-www-form-urlencoded."
        )
    urls = [line.strip() for value in fields.get("urls", []) for line in value.splitlines()]
    return Submission(
        text="\n".join(fields.get("text", [])),
        urls=[url for url in urls if url and not url.startswith("#")],
        uploads=uploads,
        fields={key: values[0] for key, values in fields.items() if key not in ("text", "urls")},
    )


def _safe_name(filename: str, number: int) -> str:
    """The last part of the name a browser sent, without control characters or folder separators."""
    name = filename.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    return name[:MAX_NAME_CHARS] or f"file-{number}"


def check_counts(submission: Submission) -> None:
    """Too many files or URLs: refused whole (400), saying what to do."""
    if len(submission.uploads) > MAX_FILES:
        raise HTTPException(
            400,
            f"{len(submission.uploads)} files: this page reads at most {MAX_FILES} at a time. Send the rest in "
            "another request, or add a folder with: counterpoint ingest FOLDER --db STORE",
        )
    if len(submission.urls) > MAX_URLS:
        raise HTTPException(
            400,
            f"{len(submission.urls)} URLs: this page fetches at most {MAX_URLS} at a time. Send the rest in "
            "another request, or put them in a .urls file for: counterpoint ingest LIST.urls --db STORE",
        )
    if not (submission.text.strip() or submission.urls or submission.uploads):
        raise HTTPException(400, "Nothing to read: paste an article, choose files or give URLs.")


def pasted(text: str) -> Iterator[tuple[str, Article | Rejection]]:
    """The articles pasted in ``text``: pieces separated by a ``---`` line, each with optional header lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, piece in enumerate(_SEPARATOR.split(text), start=1):
        if not piece.strip():
            continue
        name = f"pasted text {number}"
        lines = piece.strip("\n").split("\n")
        meta: dict[str, str] = {}
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and (header := _HEADER.match(lines[0])):
            meta[header[1].lower()] = header[2]
            lines.pop(0)
        published = parse_date(meta.get("published"))
        if meta.get("published") and published is None:
            reason = f"Published: '{meta['published'][:40]}' is not a date; write YYYY-MM-DD, e.g. 2025-03-12"
            yield name, Rejection(name, reason)
            continue
        try:
            article = article_from_text(
                "\n".join(lines),
                source=name,
                outlet=meta.get("outlet") or f"Pasted text {number}",
                title=meta.get("title") or None,
                published=published,
                url=meta.get("url") or None,
            )
        except Unreadable:
            yield name, Rejection(name, "empty: no text after the header lines")
            continue
        yield name, article


def uploaded(uploads: list[Upload], folder: Path, options: IngestOptions) -> Iterator[tuple[str, Article | Rejection]]:
    """The articles in the uploaded files, read by the ingest readers from copies in ``folder``; sources are
    named ``upload:NAME`` (``upload:NAME:LINE`` for a JSONL record or a feed entry)."""
    for number, upload in enumerate(uploads, start=1):
        label = f"upload:{upload.name}"
        if re.search(r"\.urls(\.gz)?$", upload.name, re.I):
            yield label, Rejection(label, f"a list of URLs: paste its lines into the URLs box (at most {MAX_URLS})")
            continue
        place = folder / str(number)
        place.mkdir()
        path = place / upload.name
        path.write_bytes(upload.data)
        prefix = f"{place}/"
        for item in ingest.read([path], options):
            if isinstance(item, Rejection):
                source = item.source.replace(prefix, "upload:")
                yield source, Rejection(source, item.reason)
            else:
                item.source = item.source.replace(prefix, "upload:")
                yield item.source, item


class _MeteredFetcher(Fetcher):
    """The guarded fetcher, counting the bytes of the pages it returns."""

    fetched = 0

    def fetch(self, url: str) -> Page:
        page = super().fetch(url)
        self.fetched += len(page.body)
        return page


def fetched(urls: list[str], allow_private: bool) -> Iterator[tuple[str, Article | Rejection]]:
    """The articles at ``urls`` (a page, or a feed's entries), within the request's fetch budget."""
    if not urls:
        return
    options = IngestOptions(max_bytes=MAX_URL_BYTES, allow_private=allow_private)
    deadline = time.monotonic() + FETCH_SECONDS
    fetcher = _MeteredFetcher(max_bytes=MAX_URL_BYTES, allow_private=allow_private)
    try:
        for url in urls:
            if not url.lower().startswith(("http://", "https://")):
                yield url, Rejection(url[:300], "not an http or https URL")
                continue
            seconds, room = deadline - time.monotonic(), MAX_FETCH_BYTES - fetcher.fetched
            if seconds <= 0 or room <= 0:
                spent = f"{FETCH_SECONDS:g} seconds" if seconds <= 0 else f"{MAX_FETCH_BYTES:,} bytes"
                reason = f"not fetched: this request has used its {spent} of fetching; send it in another request"
                yield url, Rejection(url, reason)
                continue
            fetcher.timeout, fetcher.max_bytes = min(FETCH_TIMEOUT, seconds), min(MAX_URL_BYTES, room)
            yield from read_url(url, fetcher, options)
    finally:
        fetcher.close()


def read_submission(submission: Submission, folder: Path, allow_private: bool) -> tuple[list[Article], list[Rejection]]:
    """Every input of the submission read, at most MAX_ITEMS; an article given twice (same outlet and text)
    is read once, the repeat rejected with the name of the first."""
    options = IngestOptions(max_bytes=MAX_REQUEST_BYTES, allow_private=False)
    items = itertools.chain(
        pasted(submission.text), uploaded(submission.uploads, folder, options), fetched(submission.urls, allow_private)
    )
    articles: list[Article] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for count, (name, item) in enumerate(items):
        if count == MAX_ITEMS:
            rejected.append(
                Rejection(
                    name,
                    f"not read, nor anything after it: this page reads at most {MAX_ITEMS} articles and rejections "
                    "at a time; add a large collection with: counterpoint ingest FILES --db STORE",
                )
            )
            break
        if isinstance(item, Rejection):
            rejected.append(Rejection(item.source, _advice(item.reason)))
        elif item.article_id in seen:
            rejected.append(Rejection(name, f"same outlet and text as {seen[item.article_id]}; kept that one"))
        else:
            seen[item.article_id] = name
            articles.append(item)
    return articles, rejected


def _advice(reason: str) -> str:
    for command_line, here in _ADVICE:
        if command_line in reason:
            return reason.replace(command_line, here)
    return reason


def store_submission(store: SQLStore, submission: Submission, allow_private: bool) -> Outcome:
    """Read the submission and store what was read as ``counterpoint ingest`` does: the per-article phase
    (clean, segment, dates, corpus features), then the corpus phase (copies, stories), rejections included."""
    from ..corpus import Corpus
    from ..pipeline import prepare_chunk

    with tempfile.TemporaryDirectory(prefix="counterpoint-upload-") as folder:
        articles, rejected = read_submission(submission, Path(folder), allow_private)
    stats = Corpus(store).add(prepare_chunk(articles), rejected)
    stats.rejections = rejected
    story_of = {a.article_id: story for a in articles if (story := store.story_of(a.article_id)) is not None}
    return Outcome(articles, rejected, stats, story_of)


def stories_in_order(outcome: Outcome) -> list[str]:
    """The stories the submission's articles are in, in the order of the inputs."""
    return list(
        dict.fromkeys(outcome.story_of[a.article_id] for a in outcome.articles if a.article_id in outcome.story_of)
    )
