"""Shared fixtures: hand-written articles and helpers to build them without any model."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from counterpoint.model import Article, Comparison
from counterpoint.pipeline import compare_articles, prepare_article
from counterpoint.stages.ingest import article_from_text

# no example database on disk (hypothesis still keeps a small cache of constants in .hypothesis/, git-ignored)
settings.register_profile("counterpoint", database=None)
settings.load_profile("counterpoint")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "harbour-fire"
SHARED = ROOT.parent / "shared"


def make_article(
    text: str, outlet: str = "Test Outlet", published: dt.date | None = dt.date(2025, 3, 12), title: str | None = None
) -> Article:
    """An ingested, cleaned and segmented article built from ``text``."""
    article = article_from_text(text, source=f"{outlet}.txt", outlet=outlet, published=published, title=title)
    return prepare_article(article)


def texts(article: Article, role: str | None = None) -> list[str]:
    return [article.sentence_text(s) for s in article.sentences if role is None or s.role == role]


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "gold" / "seeds.gold.json").is_file():
        pytest.skip("../shared is not beside the project (gold sets and benchmarks live there)")
    return SHARED


def compare_texts(*texts: str, published: dt.date | None = dt.date(2025, 3, 12)) -> Comparison:
    """A full comparison (with the spaCy annotators) of invented articles, one outlet each."""
    articles = [
        article_from_text(text, source=f"outlet{i}.txt", outlet=f"Outlet {i}", published=published)
        for i, text in enumerate(texts)
    ]
    return compare_articles(articles)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a throwaway PostgreSQL server's ``postgres`` database (skipped where there is none,
    unless ``make test`` requires it)."""
    from .postgres_server import REQUIRED, binaries, server

    if binaries() is None and not REQUIRED:
        pytest.skip("PostgreSQL is not installed here; `make test` installs it")
    with server() as url:
        yield url


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store on each database: an SQLite file, and a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    import psycopg

    server_url = request.getfixturevalue("postgres_server")
    name = f"test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server_url.replace("/postgres?", f"/{name}?")
