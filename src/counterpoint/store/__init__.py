"""The corpus store: articles (raw text, cleaned sentences and removals), wire copies and stories.

One interface (:class:`Store`): an SQLite file by default, with no server, or a PostgreSQL database by
URL. The store is the only place rows meet dataclasses. Writes happen in transactions, one per batch, so
a run killed in the middle loses nothing that was committed and duplicates nothing when it is run again
(articles are keyed by their content-derived ids).

    >>> store = open_store("news.db")  # doctest: +SKIP
    >>> [s.title for s in store.stories()]  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .sql import MIGRATIONS, SQLiteStore, SQLStore, StoredArticle, StorySummary

Store = SQLStore

__all__ = ["MIGRATIONS", "SQLStore", "SQLiteStore", "Store", "StoredArticle", "StorySummary", "open_store"]


def open_store(url: str | Path) -> SQLStore:
    """The store at ``url``: a file path or ``sqlite:///path`` (created if missing), or a PostgreSQL URL
    (``postgresql://user@host/database``; the database must exist, its tables are created)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ConfigError(f"{text}: not a store address; give a file path, sqlite:///path or postgresql://...")
    return SQLiteStore(Path(text))
