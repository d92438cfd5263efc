"""Compose the stages into a comparison.

Two phases. Per article (:func:`annotate`): clean -> segment -> dates, then one batched spaCy parse of
every kept line, entities (resolved across articles), quotes, verbatim statements and quantities. Per
story (:func:`compare_annotated`): claims (align), conflicts, omissions, framing, wording, profiles and
the digest. Each stage's name and version go into the report, so every output says what produced it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .embed import CachingEmbedder, Embedder
from .model import Article, Comparison, Rejection
from .nlp import ParsedLine
from .stages import align, clean, conflicts, dates, digest, entities, framing, ingest, quantities, quotes, segment
from .store import SQLStore

if TYPE_CHECKING:
    from .corpus import Features, IngestStats
    from .executors import Executor

log = logging.getLogger(__name__)
_STAGES = (ingest, clean, segment, dates, entities, quotes, quantities, align, conflicts, framing, digest)

# Texts are compared up to this many characters. The longest news articles run to ~60,000 characters; a
# longer text is a page dump or a book, and parsing and embedding all of it would take minutes (100,000
# characters: ~25 s on 2 cores; 1.5 million: ~6 min). Cleaning and segmenting still cover the whole text.
MAX_COMPARED_CHARS = 100_000


@dataclass(slots=True)
class CompareOptions:
    """Options of a comparison.

    ``ingest`` holds the metadata fallbacks for inputs; ``gazetteers`` are extra gazetteer files (same
    format as ``counterpoint/data/gazetteer.json``); ``framing_lexicons`` extend ``data/framing.json``;
    ``annotate=False`` stops after cleaning and
    segmentation (no spaCy model needed); ``embedder`` replaces the MiniLM sentence embedder, whose
    ``embedding_precision`` is ``auto`` (bfloat16 where the CPU computes it in hardware), ``float32`` (the
    same figures on every machine) or ``bfloat16``; ``progress`` is called with a short line at each step.
    """

    ingest: ingest.IngestOptions = field(default_factory=ingest.IngestOptions)
    gazetteers: list[Path] = field(default_factory=list)
    framing_lexicons: list[Path] = field(default_factory=list)
    annotate: bool = True
    embedder: Embedder | None = None
    embedding_precision: str = "auto"
    progress: Callable[[str], None] | None = None  # told what is being done, for a progress display


def _tell(options: CompareOptions, message: str) -> None:
    if options.progress is not None:
        options.progress(message)


def prepare_article(article: Article) -> Article:
    """Clean, segment and date one article in place and return it."""
    blocks = clean.clean_article(article)
    segment.segment_article(article, blocks)
    dates.resolve_dates(article)
    return article


@dataclass(slots=True)
class Annotated:
    """The per-article phase done: articles cleaned, parsed and annotated, ready for the per-story phase."""

    comparison: Comparison
    parsed: dict[str, list[ParsedLine]]
    embedder: CachingEmbedder
    gazetteer: entities.Gazetteer


def annotate(articles: list[Article], options: CompareOptions | None = None, prepared: bool = False) -> Annotated:
    """Clean, segment, date, parse and annotate ``articles`` (entities, quotes, quantities); ``prepared``
    articles are already cleaned and segmented (from the store)."""
    from .embed import CachingEmbedder, load_embedder
    from .nlp import parse_articles

    options = options or CompareOptions()
    comparison = Comparison(articles=articles)
    _tell(options, f"cleaning {len(articles)} articles")
    for article in articles:
        if not prepared:
            prepare_article(article)
        _limit(article, comparison)
    embedder = CachingEmbedder(options.embedder or load_embedder(options.embedding_precision))
    # the sentences are embedded on one core while spaCy parses on the other (one process: no fork while
    # the embedding thread runs)
    embedder.prefetch([a.sentence_text(s) for a in articles for s in a.body() if a.compared(s)])
    _tell(options, f"parsing {sum(len(a.sentences) for a in articles):,} sentences")
    parsed = parse_articles(articles, max_processes=1)
    gazetteer = entities.load_gazetteer(options.gazetteers)
    resolution, mentions = entities.annotate_entities(articles, parsed, gazetteer)
    comparison.entities = resolution.entities
    outlets = {a.outlet for a in articles}
    for article in articles:
        lines = parsed.get(article.article_id, [])
        own = [m for m in mentions if m.article_id == article.article_id]
        article_quotes = quotes.extract_quotes(article, lines, own, resolution, outlets)
        comparison.quotes.extend(article_quotes)
        comparison.quantities.extend(quantities.extract_quantities(article, lines, article_quotes))
    by_id = {q.quote_id: q for q in comparison.quotes}
    for statement_id, quote_ids in quotes.link_verbatim(comparison.quotes).items():
        for quote_id in quote_ids:
            by_id[quote_id].statement_id = statement_id
    comparison.embedder = embedder.name
    return Annotated(comparison, parsed, embedder, gazetteer)


def _limit(article: Article, comparison: Comparison) -> None:
    """Compare a text far longer than a news article only up to MAX_COMPARED_CHARS, and say so."""
    if len(article.text) <= MAX_COMPARED_CHARS:
        return
    beyond = [s for s in article.sentences if s.end > MAX_COMPARED_CHARS]  # a sentence that runs past the cap too
    if not beyond:
        return
    article.compared_end = beyond[0].start
    comparison.rejected.append(
        Rejection(
            article.source,
            f"{len(article.text):,} characters, longer than any news article: compared the first "
            f"{article.compared_end:,} ({len(article.sentences) - len(beyond)} of {len(article.sentences)} "
            "sentences); the rest is cleaned and kept in the report but not compared",
        )
    )


def compare_annotated(annotated: Annotated, options: CompareOptions | None = None) -> Comparison:
    """The per-story phase: claims, conflicts, omissions, framing, wording, profiles and the digest."""
    options = options or CompareOptions()
    comparison, parsed = annotated.comparison, annotated.parsed
    _tell(options, f"aligning claims across {len({a.outlet for a in comparison.articles})} outlets")
    scored = align.align(comparison, parsed, annotated.embedder)
    conflicts.find_conflicts(comparison, scored, annotated.gazetteer)
    align.add_unique_claims(comparison)
    align.order_claims(comparison)
    comparison.omissions = align.omissions(comparison)
    _tell(options, "framing and digest")
    lexicon = framing.load_lexicon(options.framing_lexicons)
    for article in comparison.articles:
        names = [
            (m.start, m.end) for e in comparison.entities for m in e.mentions if m.article_id == article.article_id
        ]
        lines = parsed.get(article.article_id, [])
        # the caching embedder has the sentences' vectors from alignment: the bias model reuses them
        comparison.framing.extend(framing.find_framing(article, lines, lexicon, names, embedder=annotated.embedder))
    comparison.wording = framing.divergent_wording(comparison, parsed)
    comparison.profiles = framing.profiles(comparison, annotated.gazetteer)
    comparison.digest = digest.write_digest(comparison, align.sentence_vectors(scored))
    return comparison


def compare_articles(articles: list[Article], options: CompareOptions | None = None) -> Comparison:
    """Run every per-article and cross-article stage over already-ingested articles."""
    options = options or CompareOptions()
    stages = [ingest, clean, segment, dates]
    if options.annotate and articles:
        comparison = compare_annotated(annotate(articles, options), options)
        stages = list(_STAGES)
    else:
        for article in articles:
            prepare_article(article)
        comparison = Comparison(articles=articles)
    comparison.stages = {stage.NAME: stage.VERSION for stage in stages}
    return comparison


# Articles per chunk shipped to an executor's worker: large enough that shipping costs little (about 2 ms a
# task on Dask), small enough that two workers share a small corpus.
CHUNK_SIZE = 32


def prepare_chunk(articles: list[Article]) -> list[tuple[Article, Features]]:
    """The per-article phase for the corpus: clean, segment, date, and compute the corpus features."""
    from .corpus import features

    return [(prepared, features(prepared)) for prepared in map(prepare_article, articles)]


def ingest_corpus(
    sources: Iterable[str | Path],
    store: SQLStore,
    options: CompareOptions | None = None,
    executor: Executor | None = None,
) -> IngestStats:
    """Read ``sources`` into ``store``: the per-article phase (clean, segment, dates, corpus features) on
    ``executor`` (this process by default) as they are read, then the per-corpus phase (copies, stories)
    batch by batch. Idempotent and resumable.

    >>> stats = ingest_corpus(["feeds/"], open_store("news.db"))  # doctest: +SKIP
    """
    import time

    from .corpus import Corpus
    from .executors import SerialExecutor, chunked

    options = options or CompareOptions()
    executor = executor or SerialExecutor()
    rejected: list[Rejection] = []
    started = time.perf_counter()

    def articles() -> Iterator[Article]:
        for item in ingest.read(sources, options.ingest):
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                yield item

    prepared = (pair for chunk in executor.map(prepare_chunk, chunked(articles(), CHUNK_SIZE)) for pair in chunk)
    stats = Corpus(store).add(prepared, progress=options.progress)
    if rejected:
        store.write_batch([], [], {}, rejected)
        stats.rejected = len(rejected)
        stats.rejections = rejected
    stats.seconds["total"] = time.perf_counter() - started
    stats.seconds["read and per-article"] = stats.seconds["total"] - stats.seconds.get("per-corpus", 0.0)
    return stats


def compare_story(store: SQLStore, story_id: str, options: CompareOptions | None = None) -> Comparison:
    """The per-story phase on a stored story: its articles as stored (already cleaned), compared."""
    options = options or CompareOptions()
    articles = [article for article, _ in store.story_articles(story_id)]
    comparison = compare_annotated(annotate(articles, options, prepared=True), options)
    comparison.stages = {stage.NAME: stage.VERSION for stage in _STAGES}
    return comparison


def compare(sources: Iterable[str | Path], options: CompareOptions | None = None) -> Comparison:
    """Ingest ``sources`` (files or directories) and compare the articles found.

    >>> comparison = compare(["examples/harbour-fire"])  # doctest: +SKIP
    >>> len(comparison.articles), len(comparison.rejected)  # doctest: +SKIP
    (4, 0)
    """
    options = options or CompareOptions()
    _tell(options, "reading inputs")
    result = ingest.ingest(sources, options.ingest)
    comparison = compare_articles(result.articles, options)
    comparison.rejected = result.rejected + comparison.rejected
    log.info("compared %d articles, %d inputs rejected", len(result.articles), len(result.rejected))
    return comparison
