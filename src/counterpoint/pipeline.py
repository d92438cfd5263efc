"""Compose the stages into a comparison: ingest -> clean -> segment (-> later stages).

Each stage's name and version go into the report, so every output says what produced it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .model import Article, Comparison
from .stages import clean, ingest, segment

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CompareOptions:
    """Options of a comparison; ``ingest`` holds the metadata fallbacks for inputs."""

    ingest: ingest.IngestOptions


def prepare_article(article: Article) -> Article:
    """Clean and segment one article in place and return it."""
    blocks = clean.clean_article(article)
    segment.segment_article(article, blocks)
    return article


def compare_articles(articles: list[Article]) -> Comparison:
    """Run every per-article and cross-article stage over already-ingested articles."""
    for article in articles:
        prepare_article(article)
    stages = {stage.NAME: stage.VERSION for stage in (ingest, clean, segment)}
    return Comparison(articles=articles, stages=stages)


def compare(sources: Iterable[str | Path], options: CompareOptions | None = None) -> Comparison:
    """Ingest ``sources`` (files or directories) and compare the articles found.

    >>> comparison = compare(["examples/harbour-fire"])  # doctest: +SKIP
    >>> len(comparison.articles), len(comparison.rejected)  # doctest: +SKIP
    (4, 0)
    """
    options = options or CompareOptions(ingest.IngestOptions())
    result = ingest.ingest(sources, options.ingest)
    comparison = compare_articles(result.articles)
    comparison.rejected = result.rejected
    log.info("compared %d articles, %d inputs rejected", len(result.articles), len(result.rejected))
    return comparison
