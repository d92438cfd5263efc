"""The store on a PostgreSQL server, for corpora shared by several people or machines.

>>> store = open_store("postgresql://user@db.example.org/news")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ConfigError
from .sql import SQLStore


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database (psycopg 3)."""

    blob = "BYTEA"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError("a PostgreSQL store needs psycopg: pip install 'psycopg[binary]'") from exc
        self.name = _without_password(url)
        try:
            # autocommit: transactions are explicit (BEGIN ... COMMIT), as on SQLite
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=20)
        except psycopg.Error as exc:
            raise ConfigError(f"cannot open the store {self.name}: {str(exc).strip()}") from exc
        self._migrate()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._db.cursor() as cursor:  # type: ignore[attr-defined]
                cursor.executemany(self._sql(sql), rows)


def _without_password(url: str) -> str:
    """``url`` as it may be shown: the password replaced by ***."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
