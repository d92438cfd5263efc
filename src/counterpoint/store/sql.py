"""The store's SQL, shared by its two databases: SQLite (one file, no server) and PostgreSQL (a server, by URL).

The databases differ only in how they connect, open a transaction and name a binary column; every query is
written once, with ``?`` parameters (the PostgreSQL store converts them). Schema migrations are numbered and
applied in order at open.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError
from ..model import Article, DateMention, Rejection, Removal, Sentence

# Each entry takes the schema from the previous version to the next; the store records its version and
# applies the missing ones in order, each in its own transaction.
MIGRATIONS = (
    """
    CREATE TABLE articles (
        article_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT,
        published TEXT,
        url TEXT,
        text TEXT NOT NULL,
        extracted INTEGER NOT NULL DEFAULT 0,
        cleaned TEXT NOT NULL,
        story_id TEXT,
        copy_of TEXT,
        signature {blob},
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE stories (
        story_id TEXT PRIMARY KEY,
        title TEXT,
        size INTEGER NOT NULL,
        originals INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        centroid TEXT NOT NULL
    );
    CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE rejections (source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
    """,
    # roundups: an article whose sections joined different stories is a member of each through its sections
    """
    CREATE TABLE sections (
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        stop INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        PRIMARY KEY (article_id, start)
    );
    CREATE INDEX sections_story ON sections(story_id);
    """,
)


@dataclass(slots=True)
class StoredArticle:
    """An article as the corpus phase leaves it: cleaned, given a story, and its wire-copy original if any."""

    article: Article
    story_id: str
    copy_of: str | None = None
    signature: bytes | None = None
    # a roundup's sections: (start, end, story id); the article belongs to those stories, not to story_id
    sections: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class StorySummary:
    """A story as listed: its articles' outlets and dates, and the terms that describe it."""

    story_id: str
    title: str | None
    size: int
    originals: int = 0  # articles that are not wire copies
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    outlets: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)


class _Connection(Protocol):
    """What the store needs of a DB-API connection (sqlite3 and psycopg both have these)."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...

    def close(self) -> None: ...


class SQLStore:
    """Articles, copies and stories in an SQL database; see :class:`SQLiteStore` and ``PostgresStore``."""

    name: str  # where the store is, for messages
    blob = "BLOB"  # the type of a binary column
    _db: _Connection

    def close(self) -> None:
        self._db.close()

    def _sql(self, sql: str) -> str:
        return sql

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(self._sql(sql), params)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._db.executemany(self._sql(sql), rows)  # type: ignore[attr-defined]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute(self._begin)
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    _begin = "BEGIN"

    def _migrate(self) -> None:
        self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise ConfigError(f"{self.name} was written by a newer Counterpoint (schema {version}); upgrade to read it")
        for number in range(version, len(MIGRATIONS)):
            with self._transaction():
                for statement in MIGRATIONS[number].format(blob=self.blob).split(";"):
                    if statement.strip():
                        self._execute(statement)
                self._execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(number + 1),),
                )

    @property
    def schema_version(self) -> int:
        row = self._execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return int(row[0]) if row else 0

    # --- writing -----------------------------------------------------------------------------------------

    def write_batch(
        self,
        articles: Iterable[StoredArticle],
        stories: Iterable[StorySummary],
        term_counts: dict[str, int],
        rejections: Iterable[Rejection] = (),
        merged: dict[str, str] | None = None,
        moved: dict[str, str] | None = None,
    ) -> None:
        """One batch in one transaction: new articles, their stories (created or updated), stories merged
        into others (old id -> kept id), stored originals moved with their copies to another story (article id
        -> story id: a story split in two), document frequencies of terms, and the inputs rejected."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        articles = list(articles)
        with self._transaction():
            self._executemany(
                "INSERT INTO sections (article_id, start, stop, story_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(article_id, start) DO NOTHING",
                [(a.article.article_id, start, end, story) for a in articles for start, end, story in a.sections],
            )
            self._executemany(
                "INSERT INTO articles (article_id, source, outlet, title, published, url, text, "
                "extracted, cleaned, story_id, copy_of, signature, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO NOTHING",
                [_article_row(stored, now) for stored in articles],
            )
            self._executemany(
                "INSERT INTO stories (story_id, title, size, originals, first_published, last_published, centroid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET title = excluded.title, "
                "size = excluded.size, originals = excluded.originals, first_published = excluded.first_published, "
                "last_published = excluded.last_published, centroid = excluded.centroid",
                [
                    (
                        s.story_id,
                        s.title,
                        s.size,
                        s.originals,
                        _day(s.first_published),
                        _day(s.last_published),
                        json.dumps(s.centroid, separators=(",", ":")),
                    )
                    for s in stories
                ],
            )
            for gone, kept in (merged or {}).items():
                self._execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (kept, gone))
                self._execute("UPDATE sections SET story_id = ? WHERE story_id = ?", (kept, gone))
                self._execute("DELETE FROM stories WHERE story_id = ?", (gone,))
            self._executemany(
                "UPDATE articles SET story_id = ? WHERE article_id = ? OR copy_of = ?",
                [(story, article, article) for article, story in sorted((moved or {}).items())],
            )
            self._executemany(
                "INSERT INTO terms (term, df) VALUES (?, ?) "
                "ON CONFLICT(term) DO UPDATE SET df = terms.df + excluded.df",
                sorted(term_counts.items()),  # one order for every writer: no deadlock between two ingests
            )
            self._executemany(
                "INSERT INTO rejections (source, reason, at) VALUES (?, ?, ?)",
                [(r.source, r.reason, now) for r in rejections],
            )

    # --- reading -----------------------------------------------------------------------------------------

    def known(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are already stored."""
        ids = list(article_ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found |= {
                r[0] for r in self._execute(f"SELECT article_id FROM articles WHERE article_id IN ({marks})", chunk)
            }
        return found

    def story_of(self, article_id: str) -> str | None:
        row = self._execute("SELECT story_id FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def count_articles(self) -> int:
        return int(self._execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, bytes, str | None]]:
        """(article id, MinHash signature, published day) of every stored original (not a copy)."""
        rows = self._execute(
            "SELECT article_id, signature, published FROM articles WHERE signature IS NOT NULL AND copy_of IS NULL "
            "ORDER BY article_id"
        )
        for article_id, signature, published in rows:
            yield article_id, bytes(signature), published

    def term_frequencies(self) -> dict[str, int]:
        return {term: df for term, df in self._execute("SELECT term, df FROM terms")}

    def stories(self) -> list[StorySummary]:
        """Every story, largest first."""
        outlets: dict[str, list[str]] = {}
        for story_id, outlet in self._execute(
            "SELECT story_id, outlet FROM articles WHERE story_id IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM sections WHERE sections.article_id = articles.article_id) "
            "UNION SELECT sections.story_id, articles.outlet FROM sections JOIN articles "
            "ON articles.article_id = sections.article_id ORDER BY 2"
        ):
            outlets.setdefault(story_id, []).append(outlet)
        return [
            StorySummary(
                story_id,
                title,
                size,
                originals,
                _date(first),
                _date(last),
                outlets.get(story_id, []),
                json.loads(centroid),
            )
            for story_id, title, size, originals, first, last, centroid in self._execute(
                "SELECT story_id, title, size, originals, first_published, last_published, centroid FROM stories "
                "ORDER BY size DESC, last_published DESC, story_id"
            )
        ]

    def story_articles(self, story_id: str) -> list[tuple[Article, str | None]]:
        """The articles of a story with the original each copies (``None`` for originals), oldest first."""
        columns = "a.article_id, a.source, a.outlet, a.title, a.published, a.url, a.text, a.extracted, a.cleaned"
        rows = self._execute(
            f"SELECT {columns}, a.copy_of, NULL, NULL FROM articles a WHERE a.story_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM sections s WHERE s.article_id = a.article_id) "
            f"UNION ALL SELECT {columns}, a.copy_of, s.start, s.stop FROM sections s "
            "JOIN articles a ON a.article_id = s.article_id WHERE s.story_id = ? ORDER BY 5, 2, 11",
            (story_id, story_id),
        ).fetchall()
        if not rows:
            raise ConfigError(f"no story {story_id!r} in {self.name}; list them with: counterpoint stories")
        found: dict[str, tuple[Article, str | None, list[tuple[int, int]]]] = {}
        for row in rows:
            if row[0] not in found:
                found[row[0]] = (_article(row[:9]), row[9], [])
            if row[10] is not None:
                found[row[0]][2].append((row[10], row[11]))
        return [(_only(article, ranges), copy_of) for article, copy_of, ranges in found.values()]

    def rejections(self) -> list[Rejection]:
        rows = self._execute("SELECT source, reason FROM rejections ORDER BY at, source")
        return [Rejection(source, reason) for source, reason in rows]


class SQLiteStore(SQLStore):
    """The store in one SQLite file (the default: no server)."""

    _begin = "BEGIN IMMEDIATE"  # take the write lock at once: two ingests into one file queue, not deadlock

    def __init__(self, path: Path) -> None:
        if path.is_dir():
            raise ConfigError(f"{path} is a directory; give the store a file name, e.g. {path / 'news.db'}")
        if not path.parent.is_dir():
            raise ConfigError(f"cannot create the store {path}: the folder {path.parent} does not exist")
        self.path = path
        self.name = str(path)
        self._db = sqlite3.connect(path, isolation_level=None, timeout=60)  # transactions are explicit
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()


def _only(article: Article, ranges: list[tuple[int, int]]) -> Article:
    """A roundup as one of its stories sees it: its title, dek and dateline, and the sections in that story."""
    if ranges:
        article.sentences = [
            s
            for s in article.sentences
            if s.role in ("title", "dek", "dateline") or any(start <= s.start < end for start, end in ranges)
        ]
    return article


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _article_row(stored: StoredArticle, now: str) -> tuple[Any, ...]:
    article = stored.article
    cleaned = {
        "sentences": [
            [
                s.sentence_id,
                s.start,
                s.end,
                s.role,
                s.line,
                [[d.start, d.end, d.text, _day(d.date), d.relative] for d in s.dates],
            ]
            for s in article.sentences
        ],
        "removed": [[r.start, r.end, r.text, r.reason, r.line, r.detail] for r in article.removed],
        "compared_end": article.compared_end,
    }
    return (
        article.article_id,
        article.source,
        article.outlet,
        article.title,
        _day(article.published),
        article.url,
        article.text,
        int(article.extracted),
        json.dumps(cleaned, separators=(",", ":")),
        stored.story_id,
        stored.copy_of,
        stored.signature,
        now,
    )


def _article(row: tuple[Any, ...]) -> Article:
    article_id, source, outlet, title, published, url, text, extracted, cleaned = row
    data = json.loads(cleaned)
    article = Article(article_id, source, outlet, text, title, _date(published), url)
    article.extracted = bool(extracted)
    article.compared_end = data.get("compared_end")
    article.sentences = [
        Sentence(
            sentence_id,
            start,
            end,
            role,
            line,
            [DateMention(ds, de, dtext, _date(day), relative) for ds, de, dtext, day, relative in dates],
        )
        for sentence_id, start, end, role, line, dates in data["sentences"]
    ]
    article.removed = [Removal(*removal) for removal in data["removed"]]
    return article
