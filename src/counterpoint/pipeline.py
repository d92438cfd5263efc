"""Compose the stages into a comparison: the steps of each phase, in order.

Three phases, each a tuple of :class:`~counterpoint.steps.Step` that say what they need and add (the order is
checked before anything runs). Per article: :data:`PREPARE` (clean -> segment -> dates: what the store keeps)
and :data:`ANNOTATE` (one batched spaCy parse of every kept line, entities resolved across the articles,
quotes, quantities, verbatim statements); an executor runs the per-article steps of a corpus
(:func:`prepare_chunk`) wherever it runs them. Per corpus (:func:`ingest_corpus`): wire copies, stories and
the store (:class:`counterpoint.corpus.Corpus`). Per story (:data:`STORY`): claims, conflicts, unique claims,
omissions, framing, wording, profiles and the digest. Each stage's name and version go into the report, so
every output says what produced it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .embed import CachingEmbedder, Embedder
from .linking import sentence_vectors
from .model import Article, Comparison, Quote, Rejection
from .nlp import ParsedLine
from .stages import (
    align,
    clean,
    conflicts,
    dates,
    digest,
    entities,
    framing,
    ingest,
    profiles,
    quantities,
    quotes,
    segment,
    wording,
)
from .steps import Step, Work, got, run_steps, stage_versions, step
from .store import SQLStore

if TYPE_CHECKING:
    from .corpus import Features, IngestStats
    from .executors import Executor

log = logging.getLogger(__name__)

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


def _articles(work: Work) -> list[Article]:
    return work.comparison.articles


def _clean(work: Work) -> None:
    # the lines a site prints on every page, found by repetition across the texts read together (a story's
    # articles; in the corpus, each chunk the executor runs, so that every executor finds the same)
    repeated = clean.repeated_lines(_articles(work))
    for article in _articles(work):
        work.blocks[article.article_id] = clean.clean_article(article, repeated)


def _segment(work: Work) -> None:
    for article in _articles(work):
        segment.segment_article(article, work.blocks.pop(article.article_id))


def _dates(work: Work) -> None:
    for article in _articles(work):
        dates.resolve_dates(article)


def _compared(work: Work) -> None:
    for article in _articles(work):
        _limit(article, work.comparison)


def _parse(work: Work) -> None:
    from .embed import CachingEmbedder, load_embedder
    from .nlp import parse_articles

    articles = _articles(work)
    work.embedder = CachingEmbedder(work.options.embedder or load_embedder(work.options.embedding_precision))
    # the sentences are embedded on one core while spaCy parses on the other (one process: no fork while
    # the embedding thread runs)
    work.embedder.prefetch([a.sentence_text(s) for a in articles for s in a.body() if a.compared(s)])
    work.parsed = parse_articles(articles, max_processes=1)


def _entities(work: Work) -> None:
    work.gazetteer = entities.load_gazetteer(work.options.gazetteers)
    work.resolution, work.mentions = entities.annotate_entities(_articles(work), work.parsed, work.gazetteer)
    work.comparison.entities = work.resolution.entities


def _quotes(work: Work) -> None:
    resolution = got(work.resolution, "entities")
    outlets = {a.outlet for a in _articles(work)}
    for article in _articles(work):
        own = [m for m in work.mentions if m.article_id == article.article_id]
        lines = work.parsed.get(article.article_id, [])
        work.comparison.quotes.extend(quotes.extract_quotes(article, lines, own, resolution, outlets))


def _quantities(work: Work) -> None:
    quotes_of: dict[str, list[Quote]] = {}
    for quote in work.comparison.quotes:
        quotes_of.setdefault(quote.article_id, []).append(quote)
    for article in _articles(work):
        lines = work.parsed.get(article.article_id, [])
        found = quantities.extract_quantities(article, lines, quotes_of.get(article.article_id, []))
        work.comparison.quantities.extend(found)


def _verbatim(work: Work) -> None:
    by_id = {q.quote_id: q for q in work.comparison.quotes}
    for statement_id, quote_ids in quotes.link_verbatim(work.comparison.quotes, work.comparison.scope).items():
        for quote_id in quote_ids:
            by_id[quote_id].statement_id = statement_id
    work.comparison.embedder = got(work.embedder, "embedder").name


def _features(work: Work) -> None:
    from .corpus import features

    work.features = [features(article) for article in _articles(work)]


def _score(work: Work) -> None:
    work.scored = align.score_units(work.comparison, work.parsed, got(work.embedder, "embedder"))


def _claims(work: Work) -> None:
    work.comparison.claims = align.build_claims(work.comparison, got(work.scored, "scored units"))


def _conflicts(work: Work) -> None:
    conflicts.find_conflicts(work.comparison, work.scored, work.gazetteer)


def _unique(work: Work) -> None:
    align.add_unique_claims(work.comparison)
    align.order_claims(work.comparison)


def _omissions(work: Work) -> None:
    work.comparison.omissions = align.omissions(work.comparison)


def _framing(work: Work) -> None:
    lexicon = framing.load_lexicon(work.options.framing_lexicons)
    comparison = work.comparison
    for article in comparison.articles:
        names = [
            (m.start, m.end) for e in comparison.entities for m in e.mentions if m.article_id == article.article_id
        ]
        lines = work.parsed.get(article.article_id, [])
        # the caching embedder has the sentences' vectors from alignment: the bias model reuses them
        comparison.framing.extend(framing.find_framing(article, lines, lexicon, names, embedder=work.embedder))
    # how outlets describe one entity: notes on loaded descriptions, and the entries of the wording section
    described = wording.entity_descriptions(comparison, work.parsed, lexicon)
    comparison.framing.extend(wording.description_notes(comparison, described))
    comparison.wording = [entry.wording() for entry in described]


def _wording(work: Work) -> None:
    # the descriptions' entries (the framing step's) after the words of aligned sentences
    described = [entry for entry in work.comparison.wording if entry.kind == "described"]
    work.comparison.wording = wording.divergent_wording(work.comparison, work.parsed) + described


def _profiles(work: Work) -> None:
    work.comparison.profiles = profiles.profiles(work.comparison, work.gazetteer)


def _digest(work: Work) -> None:
    work.comparison.digest = digest.write_digest(work.comparison, sentence_vectors(got(work.scored, "scored")))


def _outlets(work: Work) -> str:
    return f"aligning claims across {len({a.outlet for a in _articles(work)})} outlets"


# What a text read by the ingest stage holds.
READ = frozenset({"text"})
# The per-article phase: cleaning, segmentation and dates (what the store keeps of an article) ...
PREPARE: tuple[Step, ...] = (
    step(
        "clean",
        "article",
        {"text"},
        {"blocks", "removed"},
        _clean,
        clean,
        tell=lambda w: f"cleaning {len(_articles(w))} articles",
    ),
    step("segment", "article", {"blocks"}, {"sentences", "roles"}, _segment, segment),
    step("dates", "article", {"sentences"}, {"dates"}, _dates, dates),
)
# ... what an article read from the store holds ...
PREPARED = READ | {add for s in PREPARE for add in s.adds} - {"blocks"}
# ... then the parse and what is read from it, over the articles of one story (entities are resolved across them).
ANNOTATE: tuple[Step, ...] = (
    step("compared span", "article", {"sentences"}, {"compared span"}, _compared),
    step(
        "parse",
        "article",
        {"sentences", "compared span"},
        {"parse", "embedder"},
        _parse,
        tell=lambda w: f"parsing {sum(len(a.sentences) for a in _articles(w)):,} sentences",
    ),
    step("entities", "article", {"parse"}, {"entities", "mentions"}, _entities, entities),
    step("quotes", "article", {"parse", "entities", "mentions"}, {"quotes"}, _quotes, quotes),
    step("quantities", "article", {"parse", "quotes"}, {"quantities"}, _quantities, quantities),
    step("verbatim quotes", "article", {"quotes", "embedder"}, {"statements"}, _verbatim, quotes),
)
# For the corpus: the features stories and copies are found by (computed per article, on the executor).
FEATURES = step("corpus features", "article", {"sentences", "dates"}, {"features"}, _features)
# The per-story phase.
STORY: tuple[Step, ...] = (
    step(
        "score units",
        "story",
        {"parse", "entities", "quantities", "statements", "embedder"},
        {"scored"},
        _score,
        align,
        tell=_outlets,
    ),
    step("claims", "story", {"scored"}, {"claims"}, _claims, align),
    step("conflicts", "story", {"claims", "scored", "quantities"}, {"conflicts"}, _conflicts, conflicts),
    step("unique claims", "story", {"claims", "conflicts"}, {"unique claims"}, _unique, align),
    step("omissions", "story", {"unique claims"}, {"omissions"}, _omissions, align),
    step(
        "framing",
        "story",
        {"parse", "entities", "embedder"},
        {"framing", "descriptions"},
        _framing,
        framing,
        tell=lambda w: "framing and digest",
    ),
    step("wording", "story", {"parse", "unique claims", "descriptions"}, {"wording"}, _wording, framing),
    step("profiles", "story", {"quotes", "framing", "omissions"}, {"profiles"}, _profiles, framing),
    step(
        "digest",
        "story",
        {"unique claims", "conflicts", "framing", "quantities", "scored"},
        {"digest"},
        _digest,
        digest,
    ),
)


def _work(articles: list[Article], options: CompareOptions | None, given: frozenset[str] = READ) -> Work:
    return Work(Comparison(articles=articles), options or CompareOptions(), set(given))


def prepare_article(article: Article) -> Article:
    """Clean, segment and date one article in place and return it."""
    run_steps(PREPARE, _work([article], None))
    return article


@dataclass(slots=True)
class Annotated:
    """The per-article phase done: articles cleaned, parsed and annotated, ready for the per-story phase."""

    comparison: Comparison
    parsed: dict[str, list[ParsedLine]]
    embedder: CachingEmbedder
    gazetteer: entities.Gazetteer
    work: Work


def annotate(articles: list[Article], options: CompareOptions | None = None, prepared: bool = False) -> Annotated:
    """Clean, segment, date, parse and annotate ``articles`` (entities, quotes, quantities); ``prepared``
    articles are already cleaned and segmented (from the store)."""
    work = _work(articles, options, PREPARED if prepared else READ)
    if not prepared:
        run_steps(PREPARE, work)
    run_steps(ANNOTATE, work)
    return Annotated(
        work.comparison, work.parsed, got(work.embedder, "embedder"), got(work.gazetteer, "gazetteer"), work
    )


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
    work = annotated.work
    if options is not None:
        work.options = options
    return run_steps(STORY, work).comparison


def compare_articles(articles: list[Article], options: CompareOptions | None = None) -> Comparison:
    """Run every per-article and cross-article stage over already-ingested articles."""
    options = options or CompareOptions()
    if options.annotate and articles:
        comparison = compare_annotated(annotate(articles, options), options)
        comparison.stages = stage_versions(PREPARE + ANNOTATE + STORY, ingest)
    else:
        comparison = run_steps(PREPARE, _work(articles, options)).comparison
        comparison.stages = stage_versions(PREPARE, ingest)
    return comparison


# Articles per chunk shipped to an executor's worker: large enough that shipping costs little (about 2 ms a
# task on Dask), small enough that two workers share a small corpus.
CHUNK_SIZE = 32


def prepare_chunk(articles: list[Article]) -> list[tuple[Article, Features]]:
    """The per-article phase for the corpus: clean, segment, date, and compute the corpus features."""
    work = run_steps((*PREPARE, FEATURES), _work(articles, None))
    return list(zip(articles, work.features, strict=True))


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
    comparison.stages = stage_versions(PREPARE + ANNOTATE + STORY, ingest)
    return comparison


def compare(sources: Iterable[str | Path], options: CompareOptions | None = None) -> Comparison:
    """Ingest ``sources`` (files or directories) and compare the articles found.

    >>> comparison = compare(["examples/harbour-fire"])  # doctest: +SKIP
    >>> len(comparison.articles), len(comparison.rejected)  # doctest: +SKIP
    (4, 0)
    """
    options = options or CompareOptions()
    if options.progress is not None:
        options.progress("reading inputs")
    result = ingest.ingest(sources, options.ingest)
    comparison = compare_articles(result.articles, options)
    comparison.rejected = result.rejected + comparison.rejected
    log.info("compared %d articles, %d inputs rejected", len(result.articles), len(result.rejected))
    return comparison
