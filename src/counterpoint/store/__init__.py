"""The corpus store: articles (raw text, cleaned sentences and removals), wire copies and stories.

One interface (:class:`Store`); an SQLite file by default, with no server. The store is the only place
rows meet dataclasses. Writes happen in transactions, one per batch, so a run killed in the middle loses
nothing that was committed and duplicates nothing when it is run again (articles are keyed by their
content-derived ids).

    >>> store = open_store("news.db")  # doctest: +SKIP
    >>> [s.title for s in store.stories()]  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .sqlite import SQLiteStore, StoredArticle, StorySummary

Store = SQLiteStore

__all__ = ["Store", "SQLiteStore", "StoredArticle", "StorySummary", "open_store"]


def open_store(url: str | Path) -> SQLiteStore:
    """The store at ``url``: a file path or ``sqlite:///path`` (created if missing)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"{text}: PostgreSQL stores are not available yet; use an SQLite file (--db news.db)")
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ConfigError(f"{text}: not a store address; give a file path or sqlite:///path")
    return SQLiteStore(Path(text))
