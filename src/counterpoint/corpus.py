"""The per-corpus phase: wire copies and stories, written to the store batch by batch.

Articles arrive cleaned and segmented (the per-article phase). Each batch is then

1. **deduplicated**: an article already stored (same outlet and text) is skipped, so ingest is idempotent;
2. **checked for copies**: a near-verbatim copy of a stored or earlier article (syndication, agency copy,
   an updated version) is found by MinHash LSH over word 5-shingles of its body (datasketch), confirmed by
   the estimated Jaccard similarity, and recorded with the original it copies; it joins that original's
   story and is counted once there;
3. **given a story**: its TF-IDF vector (content words of its title and body, names weighted up; document
   frequencies kept in the store) is compared with the stories that share its heaviest terms and whose
   dates are near, by average link (its mean cosine with each story's articles, computed from the sum of
   their vectors); it joins the closest if that is at least :data:`STORY_MIN_COSINE`, else it starts a
   story. After each batch, stories it touched are merged with a story whose mean cosine with them is at
   least :data:`STORY_MERGE_COSINE`. No all-pairs step: the cost per article grows with the stories that
   share its terms.
4. **written** in one transaction with the stories it touched, so a run killed in the middle loses nothing
   committed and, run again, duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .ids import content_id

if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHash
from .model import Article, Rejection, Sentence
from .store import SQLStore, StoredArticle, StorySummary
from .text import FIGURE, STOPWORDS, stem

log = logging.getLogger(__name__)

# MinHash: permutations per signature and the LSH threshold (Jaccard of 5-shingle sets) at which candidates
# are looked up; a candidate is a copy when its estimated Jaccard is at least COPY_MIN_JACCARD.
# Calibrated on the near-duplicate benchmark (bench/copies.py, decision 0013).
NUM_PERM = 128
SHINGLE_WORDS = 5
# The hashing scheme signatures are stored with (datasketch 2): a store must keep reading its own.
MINHASH_SCHEME = "affine32"
# bench/copies.py (AEB extractions and synthetic wire edits against same-event reports, tune half): 0.3 is
# the best F1 (0.973; 0.852 at 0.5) with false merges, reposts of one agency text included, under 1%.
COPY_MIN_JACCARD = 0.3
# A roundup is checked for copies at this similarity only: a briefing of three reports shares about a
# third of its shingles with each, but a syndicated briefing nearly all (AEB extractions: mean 0.93).
ROUNDUP_COPY_JACCARD = 0.7
# An article joins a story when its mean TF-IDF cosine with the story's articles is at least this; tuned on
# ECB+ topics 1-35 (bench/story_clustering.py, decision 0013).
STORY_MIN_COSINE = 0.2
# After each batch, two stories whose articles' mean cosine across them is at least this are one
# (single-pass grouping splits a story whose first articles happened to differ) (decision 0013).
STORY_MERGE_COSINE = 0.25
# After a batch is placed, its articles move to the story closest to each without it, this many times (k-means
# steps; ECB+ tune topics: no pass 0.894 B3-F1, one 0.895 with precision 0.861 -> 0.881, two 0.888).
REFINE_PASSES = 1
# Stories whose last article is more than this many days from the article's date are not candidates.
STORY_WINDOW_DAYS = 7
# A name counts this many times a common word in an article's terms (names tell one incident from another
# of the same kind; 2, 4 and 6 measured in decision 0013).
NAME_WEIGHT = 4
# Added to every term's IDF (as scikit-learn's smooth IDF does): in a small corpus the words of its one
# story are in every article and plain IDF gives them no weight, so its articles fall apart (the 14-outlet
# earthquake story: 5 stories with 0, 1 with 1.0; ECB+ tune B3-F1 0.885 -> 0.873) (decision 0013).
IDF_FLOOR = 1.0
# Terms kept in a story's centroid, and terms of an article used to find candidate stories.
CENTROID_TERMS = 300
PROBE_TERMS = 25
# A roundup (a briefing that covers several stories) is split at its subheads when at least two sections
# have this many body words and no two sections are closer than ROUNDUP_MAX_COSINE (they tell different
# stories); each section then joins or starts a story of its own. bench/story_clustering.py --roundups:
# briefings of three ECB+ reports have sections at cosine <= 0.07; single-story FNC-1 bodies with subheads
# are split at 0.1 in 12 of 1,683 (26 at 0.2) (decision 0013).
ROUNDUP_MIN_WORDS = 60
ROUNDUP_MAX_COSINE = 0.1
# Stories scored for an article: those sharing the most of its probe terms (an inverted-index shortlist; the
# scoring of every story sharing any term took 70% of the corpus phase, decision 0013).
MAX_CANDIDATES = 30
# Articles written to the store per transaction.
BATCH_SIZE = 200
# A story whose originals fall into two groups much closer within than across tells two incidents of one kind
# (two emergency patches of one browser, two rules on one law): it is split in two when the mean cosine across
# the halves of its best bisection is under this share of the mean within them. ECB+ topics 1-35 (tune):
# B3-F1 0.895 -> 0.908 at 0.6 (0.45: 0.899, 0.5: 0.896, 0.55: 0.901, 0.65: 0.895); decision 0013.
SPLIT_MAX_RATIO = 0.6
# Only a story of this many originals is bisected, each half keeping at least SPLIT_MIN_SIDE; a story is looked
# at again when its originals have grown by SPLIT_GROWTH since, and not beyond SPLIT_MAX_ORIGINALS (the
# bisection is an eigenvector of an n x n matrix).
SPLIT_MIN_ORIGINALS = 6
SPLIT_MIN_SIDE = 2
SPLIT_GROWTH = 1.25
SPLIT_MAX_ORIGINALS = 400


@dataclass(slots=True)
class IngestStats:
    """What an ingest run did."""

    read: int = 0
    rejected: int = 0
    already_stored: int = 0
    copies: int = 0
    stories_started: int = 0
    stories_joined: int = 0
    stories_merged: int = 0
    roundups: int = 0  # articles split into sections that joined different stories
    stored: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall time by phase
    rejections: list[Rejection] = field(default_factory=list)  # inputs that could not be read, in order


@dataclass(slots=True)
class Section:
    """A part of an article between subheads, as a roundup's sub-story: its character range and terms."""

    start: int
    end: int
    heading: str | None
    terms: Counter[str]


@dataclass(slots=True)
class Features:
    """What the corpus phase needs of an article, computed in the per-article phase (wherever it runs)."""

    terms: Counter[str]  # content-word stems with their weights (see terms_of)
    signature: np.ndarray  # MinHash values of its body's word shingles (uint64)
    sections: list[Section] = field(default_factory=list)  # see sections_of


@dataclass(slots=True)
class _Member:
    """A whole original of a story placed by this corpus: what a split needs to move it with its copies."""

    terms: np.ndarray  # its vector's term numbers (int32) and weights: arrays, a tenth of a dict's memory
    weights: np.ndarray
    title: str | None
    days: list[dt.date]  # its date and its copies' dates
    copies: int = 0


@dataclass(slots=True)
class _Story:
    summary: StorySummary
    # the sum of its originals' unit vectors, by term number (see Corpus.term_ids)
    vector: dict[int, float] = field(default_factory=dict)
    # ``vector`` as arrays of term numbers and weights, for scoring; None when ``vector`` has changed since
    arrays: tuple[np.ndarray, np.ndarray] | None = None


def _title(article: Article) -> str | None:
    """What a story started by ``article`` is called: its title, else its first sentence."""
    return article.title or next((article.sentence_text(s) for s in article.sentences if s.role != "dateline"), None)


def terms_of(article: Article) -> Counter[str]:
    """Content-word stems and figures of an article's title and body. The title counts twice (it names the
    story), and names count :data:`NAME_WEIGHT` times (a capitalised word not opening a sentence: the
    places and people that tell one incident from another of the same kind)."""
    title = next((article.sentence_text(s) for s in article.sentences if s.role == "title"), article.title or "")
    body = [article.sentence_text(s) for s in article.sentences if s.role in ("body", "dek")]
    return _terms([(title, 2)] + [(sentence, 1) for sentence in body])


_WORD = re.compile(r"[^\W\d_]{3,}")
# Each word's term ("" for a stop word), as it is met; emptied when it holds this many words.
_TERM_OF: dict[str, str] = {}
_TERM_CACHE_SIZE = 1 << 18


def _term(word: str) -> str:
    lower = word.lower()
    term = "" if lower in STOPWORDS else stem(lower)
    if len(_TERM_OF) >= _TERM_CACHE_SIZE:
        _TERM_OF.clear()
    _TERM_OF[word] = term
    return term


def _terms(texts: list[tuple[str, int]]) -> Counter[str]:
    words: dict[str, int] = {}
    for text, weight in texts:
        for position, word in enumerate(_WORD.findall(text)):
            term = _TERM_OF.get(word)
            if term is None:
                term = _term(word)
            if term:
                words[term] = words.get(term, 0) + weight * (NAME_WEIGHT if position and word[0].isupper() else 1)
        # figures of two digits or more and decimals ("6.1", "2012", "249"): two incidents of one kind
        # differ in them; IDF weighs down the common ones
        for number in FIGURE.findall(text):
            value = number.replace(",", "")
            if len(value) >= 2:
                key = NUMBER_MARK + value
                words[key] = words.get(key, 0) + weight
    return Counter(words)


def _ranked(vector: dict[int, float], limit: int | None = None) -> dict[int, float]:
    """``vector`` heaviest term first (ties in their order), its first ``limit`` terms only if given."""
    weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
    order = np.argsort(-weights, kind="stable")[:limit]
    keys = list(vector)
    return dict(zip([keys[i] for i in order.tolist()], weights[order].tolist(), strict=True))


def _bisect(vectors: list[tuple[np.ndarray, np.ndarray]]) -> list[bool] | None:
    """The side of each vector in the best cut of their cosine graph in two (the sign of its normalised
    Laplacian's second eigenvector, then 2-means steps), when the mean cosine across the two sides is under
    SPLIT_MAX_RATIO of the mean within them; else None."""
    terms, columns = np.unique(np.concatenate([t for t, _ in vectors]), return_inverse=True)
    x = np.zeros((len(vectors), len(terms)))
    start = 0
    for row, (numbers, weights) in enumerate(vectors):
        x[row, columns[start : start + len(numbers)]] = weights
        start += len(numbers)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    cosine = x @ x.T
    degree = cosine.sum(axis=1)
    scale = 1 / np.sqrt(degree)
    laplacian = np.eye(len(vectors)) - scale[:, None] * cosine * scale[None, :]
    side = np.linalg.eigh(laplacian)[1][:, 1] >= 0
    for _ in range(10):
        if min(side.sum(), (~side).sum()) < SPLIT_MIN_SIDE:
            return None
        closer = x @ x[side].mean(axis=0) >= x @ x[~side].mean(axis=0)
        if (closer == side).all():
            break
        side = closer
    if min(side.sum(), (~side).sum()) < SPLIT_MIN_SIDE:
        return None

    def within(mask: np.ndarray) -> float:
        n = int(mask.sum())
        return float(cosine[np.ix_(mask, mask)].sum() - n) / (n * (n - 1))

    across = float(cosine[np.ix_(side, ~side)].mean())
    if across >= SPLIT_MAX_RATIO * (within(side) + within(~side)) / 2:
        return None
    # the side without the first original leaves: the story keeps its first article
    return [bool(away) for away in side != side[0]]


def sections_of(article: Article) -> list[Section]:
    """The sections of a possible roundup: the body split at its subheads, each with its terms (its subhead
    counts as a title). Sections under :data:`ROUNDUP_MIN_WORDS` words are left out; fewer than two: none."""
    groups: list[tuple[str, list[Sentence]]] = [("", [])]
    for sentence in article.sentences:
        if sentence.role == "subhead":
            groups.append((article.sentence_text(sentence), [sentence]))
        elif sentence.role == "body":
            groups[-1][1].append(sentence)
    if len(groups) < 2:
        return []
    long_enough = []
    for heading, sentences in groups:
        body = [article.sentence_text(s) for s in sentences if s.role == "body"]
        if sum(len(text.split()) for text in body) >= ROUNDUP_MIN_WORDS:
            long_enough.append((heading, sentences, body))
    if len(long_enough) < 2:
        return []
    return [
        Section(sentences[0].start, sentences[-1].end, heading or None, _terms([(heading, 2)] + [(t, 1) for t in body]))
        for heading, sentences, body in long_enough
    ]


# A figure in an article's terms, marked apart from words.
NUMBER_MARK = "#"

_PERMUTATIONS: dict[int, object] = {}


def _minhash() -> MinHash:
    """An empty MinHash of this store's scheme; the permutations are drawn once per process, not per article."""
    from datasketch import MinHash

    if NUM_PERM not in _PERMUTATIONS:
        _PERMUTATIONS[NUM_PERM] = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations
    return MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS[NUM_PERM], scheme=MINHASH_SCHEME)


def _signature(hashvalues: np.ndarray) -> LeanMinHash:
    """A stored signature as the LSH index takes it (a lean MinHash: no permutations to check, 3x faster)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=hashvalues, scheme=MINHASH_SCHEME)


def features(article: Article) -> Features:
    """The terms and MinHash signature of a cleaned article."""
    minhash = _minhash()
    minhash.update_batch(list(shingles(article)))
    return Features(terms_of(article), minhash.hashvalues.astype(np.uint64), sections_of(article))


def shingles(article: Article) -> set[bytes]:
    words = re.findall(r"\w+", " ".join(article.sentence_text(s) for s in article.body()).lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


class Corpus:
    """The state the corpus phase needs between batches: the LSH index, story centroids, term frequencies."""

    def __init__(self, store: SQLStore) -> None:
        from datasketch import MinHashLSH

        self.store = store
        self.lsh = MinHashLSH(threshold=COPY_MIN_JACCARD, num_perm=NUM_PERM)
        self.signatures: dict[str, np.ndarray] = {}
        for article_id, signature, _ in store.signatures():
            values = np.frombuffer(signature, dtype=np.uint64)
            self._index(article_id, values)
        self.documents = store.count_articles()
        self.stories: dict[str, _Story] = {}
        # the stories each term is (or was) in the centroid of, in the order they took it: a dict, not a set,
        # so that stories tied on shared terms are taken in the same order on every run
        self.by_term: dict[int, dict[str, None]] = defaultdict(dict)
        # every term's number, and a dense array that holds one vector's weights by term number while stories
        # are scored against it (zero elsewhere): a story's score is then one gather and one dot product
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []  # the terms by number
        self.scratch = np.zeros(1 << 16)
        # document frequencies by term number, and the IDF they give as of the current batch (see _vector)
        self.df = np.zeros(1 << 16)
        self.idf = np.zeros(0)
        frequencies = store.term_frequencies()
        self._number(frequencies)
        self.df[self._ids(frequencies)] = list(frequencies.values())
        # the whole originals of each story placed by this corpus (a story of earlier runs is not split), stories
        # that hold a roundup's section (not split either), each story's originals when last bisected, and pairs
        # of stories split apart (never merged again)
        self.members: dict[str, dict[str, _Member]] = defaultdict(dict)
        self.sectioned: set[str] = set()
        self.bisected: dict[str, int] = {}
        self.apart: dict[str, set[str]] = defaultdict(set)
        for summary in store.stories():
            self._number(summary.centroid)
            centroid = dict(zip(self._ids(summary.centroid).tolist(), summary.centroid.values(), strict=True))
            self._remember(_Story(summary, centroid))

    def _index(self, article_id: str, values: np.ndarray) -> None:
        minhash = _signature(values)
        self.signatures[article_id] = values
        if article_id not in self.lsh:
            self.lsh.insert(article_id, minhash, check_duplication=False)  # just checked

    def _remember(self, story: _Story) -> None:
        self.stories[story.summary.story_id] = story
        for term in story.vector:
            self.by_term[term][story.summary.story_id] = None

    def add(
        self,
        articles: Iterable[Article | tuple[Article, Features]],
        rejected: Iterable[Rejection] = (),
        progress: Callable[[str], None] | None = None,
    ) -> IngestStats:
        """Store ``articles`` (cleaned; with their :func:`features` when the per-article phase computed them)
        with their copies and stories, batch by batch."""
        stats = IngestStats()
        started = time.perf_counter()
        batch: list[tuple[Article, Features]] = []
        pending_rejections = list(rejected)
        stats.rejected = len(pending_rejections)
        for item in articles:
            stats.read += 1
            batch.append((item, features(item)) if isinstance(item, Article) else item)
            if len(batch) >= BATCH_SIZE:
                self._write(batch, pending_rejections, stats)
                batch, pending_rejections = [], []
                if progress:
                    rate = stats.read / max(1e-9, time.perf_counter() - started)
                    progress(
                        f"read {stats.read:,} articles ({rate:,.0f}/s): {stats.stored:,} stored, {stats.copies:,} "
                        f"wire copies, {len(self.stories):,} stories"
                    )
        if batch or pending_rejections:
            self._write(batch, pending_rejections, stats)
        return stats

    def _write(self, batch: list[tuple[Article, Features]], rejections: list[Rejection], stats: IngestStats) -> None:
        started = time.perf_counter()
        try:
            self._write_batch(batch, rejections, stats)
        finally:
            stats.seconds["per-corpus"] = stats.seconds.get("per-corpus", 0.0) + time.perf_counter() - started

    def _write_batch(
        self, batch: list[tuple[Article, Features]], rejections: list[Rejection], stats: IngestStats
    ) -> None:
        known = self.store.known(a.article_id for a, _ in batch)
        new: dict[str, tuple[Article, Features]] = {}
        for article, found in batch:
            if article.article_id in known or article.article_id in new:
                stats.already_stored += 1
            else:
                new[article.article_id] = (article, found)
        # document frequencies from the whole batch first: the first articles of a corpus get a usable IDF
        new_terms = Counter(itertools.chain.from_iterable(found.terms for _, found in new.values()))
        self._number(new_terms)
        self._number(t for _, found in new.values() for section in found.sections for t in section.terms)
        self.df[self._ids(new_terms)] += list(new_terms.values())
        self.documents += len(new)
        self._update_idf()
        stored: list[StoredArticle] = []
        touched: dict[str, _Story] = {}
        placed_whole: list[tuple[int, dict[int, float]]] = []  # (position in stored, vector) of whole originals
        for article, found in new.values():
            signature = found.signature
            # a roundup holding one stored report whole would pass for its copy: it is a copy only if nearly whole
            parts = self._roundup(found.sections)
            original = self._original(signature, ROUNDUP_COPY_JACCARD if parts else COPY_MIN_JACCARD)
            if original is not None:
                story_id = self._story_of_copy(original, stored)
                stats.copies += 1
                stored.append(StoredArticle(article, story_id, original, None))
                copied = self.stories[story_id]
                self._extend_dates(copied.summary, article.published)
                member = self.members.get(story_id, {}).get(original)
                if member is not None:
                    member.copies += 1
                    member.days += [article.published] if article.published else []
                copied.summary.size += 1
                touched[story_id] = copied
                continue
            self._index(article.article_id, signature)
            if parts:
                placed = []
                for section, section_vector in parts:
                    story = self._place(article, section_vector, stats, f"{article.article_id}:{section.start}")
                    if story.summary.originals == 0:
                        story.summary.title = section.heading
                    self._join(story, section_vector, article.published)
                    touched[story.summary.story_id] = story
                    placed.append((section.start, section.end, story.summary.story_id))
                stats.roundups += 1
                self.sectioned.update(story for _, _, story in placed)
                stored.append(StoredArticle(article, placed[0][2], None, signature.tobytes(), placed))
                continue
            vector = self._vector(found.terms)
            story = self._place(article, vector, stats, article.article_id)
            if story.summary.originals == 0:
                story.summary.title = _title(article)
            self._join(story, vector, article.published)
            touched[story.summary.story_id] = story
            placed_whole.append((len(stored), vector))
            stored.append(StoredArticle(article, story.summary.story_id, None, signature.tobytes()))
        for _ in range(REFINE_PASSES):
            self._refine(placed_whole, stored, touched)
        merged = self._merge(touched)
        for gone, kept in merged.items():
            touched.pop(gone, None)
            touched[kept] = self.stories[kept]
            for item in stored:
                if item.story_id == gone:
                    item.story_id = kept
                item.sections = [(start, end, kept if story == gone else story) for start, end, story in item.sections]
        stats.stories_merged += len(merged)
        for gone, kept in merged.items():
            self.members[kept].update(self.members.pop(gone, {}))
            if gone in self.sectioned:
                self.sectioned.add(kept)
        for position, vector in placed_whole:
            item = stored[position]
            days = [item.article.published] if item.article.published else []
            self.members[item.story_id][item.article.article_id] = _Member(
                np.fromiter(vector, dtype=np.int32, count=len(vector)),
                np.fromiter(vector.values(), dtype=np.float64, count=len(vector)),
                _title(item.article),
                days,
            )
        moved: dict[str, str] = {}
        for story_id in list(touched):
            for article_id, new_story in self._split(story_id, touched).items():
                moved[article_id] = new_story
        if moved:
            for item in stored:
                item.story_id = moved.get(item.copy_of or item.article.article_id, item.story_id)
        for story in touched.values():
            ids, weights = self._story_arrays(story)  # kept for scoring the next batch against
            terms = [self.terms[i] for i in ids.tolist()]
            story.summary.centroid = dict(zip(terms, np.round(weights, 4).tolist(), strict=True))
        self.store.write_batch(
            stored, [s.summary for s in touched.values()], dict(new_terms), rejections, merged, moved
        )
        stats.stored += len(stored)

    def _split(self, story_id: str, touched: dict[str, _Story]) -> dict[str, str]:
        """Split the story in two when its originals bisect cleanly (see SPLIT_MAX_RATIO): the originals moved
        (their copies follow them), each to the new story's id."""
        story = self.stories.get(story_id)
        members = self.members.get(story_id, {})
        originals = story.summary.originals if story else 0
        if originals > SPLIT_MAX_ORIGINALS:
            self.members.pop(story_id, None)  # never bisected again: its originals need not be kept
        if (
            story is None
            or story_id in self.sectioned
            or not SPLIT_MIN_ORIGINALS <= originals <= SPLIT_MAX_ORIGINALS
            or len(members) != originals  # originals of earlier runs: their vectors are not kept
            or originals < SPLIT_GROWTH * self.bisected.get(story_id, 0)
        ):
            return {}
        self.bisected[story_id] = originals
        ids = list(members)
        side = _bisect([(members[i].terms, members[i].weights) for i in ids])
        if side is None:
            return {}
        leaving = [article_id for article_id, away in zip(ids, side, strict=True) if away]
        first = members[leaving[0]]
        new = _Story(StorySummary(content_id("s", f"{leaving[0]}:split"), first.title, 0), {})
        for article_id in leaving:
            member = members.pop(article_id)
            vector = dict(zip(member.terms.tolist(), member.weights.tolist(), strict=True))
            self._leave(story, vector, 1 + member.copies)
            self._join(new, vector, None)
            new.summary.size += member.copies
            self.members[new.summary.story_id][article_id] = member
        for kept, summary in ((members, story.summary), (self.members[new.summary.story_id], new.summary)):
            days = [day for member in kept.values() for day in member.days]
            summary.first_published, summary.last_published = (min(days), max(days)) if days else (None, None)
        if story.summary.title not in {m.title for m in members.values()}:
            story.summary.title = next(iter(members.values())).title
        self.bisected[new.summary.story_id] = new.summary.originals
        self.apart[story_id].add(new.summary.story_id)
        self.apart[new.summary.story_id].add(story_id)
        touched[new.summary.story_id] = new
        return dict.fromkeys(leaving, new.summary.story_id)

    def _update_idf(self) -> None:
        """The IDF of every numbered term as of now, smoothed: a term no stored article has yet (a section's
        heading word) weighs log(N + 1) + the floor."""
        self.idf = np.log((self.documents + 1) / (self.df[: len(self.term_ids)] + 1)) + IDF_FLOOR

    def _refine(
        self, placed: list[tuple[int, dict[int, float]]], stored: list[StoredArticle], touched: dict[str, _Story]
    ) -> None:
        """Second look at the batch's originals, once all are placed: each moves, with its copies, to the story
        closest to it without it, when that is not its own. A single pass places an article before the stories
        after it exist; the first report of an incident joins a story of another incident of the same kind and
        stays there."""
        copies: dict[str, list[int]] = defaultdict(list)
        for position, item in enumerate(stored):
            if item.copy_of is not None:
                copies[item.copy_of].append(position)
        for position, vector in placed:
            item = stored[position]
            current = self.stories[item.story_id]
            if current.summary.originals < 2:
                continue  # alone in its story: the single pass found no closer one
            moving = [position, *copies.get(item.article.article_id, [])]
            self._leave(current, vector, len(moving))
            closest = self._closest(itertools.islice(vector, PROBE_TERMS), self._arrays(vector), item.article.published)
            target = closest if closest is not None else current
            self._join(target, vector, item.article.published)
            target.summary.size += len(moving) - 1
            touched[target.summary.story_id] = target
            for moved in moving:
                stored[moved].story_id = target.summary.story_id
            if target is not current and current.summary.title == _title(item.article):
                # the story was named after the article that left: it takes the name of one that stays
                left = current.summary.story_id
                stayed = next((i.article for i in stored if i.story_id == left and not i.copy_of), None)
                if stayed is not None:
                    current.summary.title = _title(stayed)

    def _leave(self, story: _Story, vector: dict[int, float], articles: int) -> None:
        """Take an original (its ``vector``) and its copies out of ``story``."""
        centroid = story.vector
        for term, weight in vector.items():
            if term in centroid:
                centroid[term] -= weight
                if centroid[term] <= 1e-9:
                    del centroid[term]
        story.arrays = None
        story.summary.originals -= 1
        story.summary.size -= articles

    def _roundup(self, sections: list[Section]) -> list[tuple[Section, dict[int, float]]]:
        """The sections of a roundup with their vectors, or nothing when the sections tell one story."""
        if len(sections) < 2:
            return []
        vectors = [self._vector(section.terms) for section in sections]
        for i, first in enumerate(vectors):
            for second in vectors[i + 1 :]:
                if sum(w * second.get(t, 0.0) for t, w in first.items()) >= ROUNDUP_MAX_COSINE:
                    return []
        return list(zip(sections, vectors, strict=True))

    def _place(self, article: Article, vector: dict[int, float], stats: IngestStats, key: str) -> _Story:
        """The story a text joins (the closest), or a new one. ``vector`` is as :meth:`_vector` gives it,
        heaviest term first (its first terms are the probes)."""
        closest = self._closest(itertools.islice(vector, PROBE_TERMS), self._arrays(vector), article.published)
        if closest is not None:
            stats.stories_joined += 1
            return closest
        stats.stories_started += 1
        return _Story(StorySummary(content_id("s", key), None, 0), {})

    def _merge(self, touched: dict[str, _Story]) -> dict[str, str]:
        """Join stories that turn out to be one (their centroids have grown close): story id -> kept story id."""
        merged: dict[str, str] = {}
        for story_id in list(touched):
            if story_id in merged or story_id not in self.stories:
                continue
            story = self.stories[story_id]
            # the story's mean vector: the sum of its originals' vectors over their number
            ids, weights = self._story_arrays(story)
            probes = ids[np.argsort(-weights, kind="stable")[:PROBE_TERMS]].tolist()
            mean = ids, weights / max(1, story.summary.originals)
            closest = self._closest(
                probes,
                mean,
                story.summary.last_published,
                exclude=self.apart.get(story_id, set()) | {story_id},
                minimum=STORY_MERGE_COSINE,
            )
            if closest is None:
                continue
            keep, gone = sorted((closest, story), key=lambda s: -s.summary.size)
            for term, weight in gone.vector.items():
                keep.vector[term] = keep.vector.get(term, 0.0) + weight
            keep.vector = _ranked(keep.vector, CENTROID_TERMS)
            keep.arrays = None
            keep.summary.size += gone.summary.size
            keep.summary.originals += gone.summary.originals
            for day in (gone.summary.first_published, gone.summary.last_published):
                self._extend_dates(keep.summary, day)
            self._remember(keep)
            del self.stories[gone.summary.story_id]
            for term in gone.vector:
                self.by_term[term].pop(gone.summary.story_id, None)
            merged[gone.summary.story_id] = keep.summary.story_id
            for old, new in list(merged.items()):  # stories merged earlier into the one now gone
                if new == gone.summary.story_id:
                    merged[old] = keep.summary.story_id
        return merged

    def _original(self, signature: np.ndarray, minimum: float | None = None) -> str | None:
        candidates = self.lsh.query(_signature(signature))
        best, best_similarity = None, COPY_MIN_JACCARD if minimum is None else minimum
        for candidate in sorted(candidates):  # ties go to the same original on every run
            other = self.signatures[candidate]
            similarity = float(np.mean(other == signature))
            if similarity >= best_similarity:
                best, best_similarity = candidate, similarity
        return best

    def _story_of_copy(self, original: str, batch: list[StoredArticle]) -> str:
        for stored in batch:
            if stored.article.article_id == original:
                return stored.story_id
        row = self.store.story_of(original)
        if row is None:
            raise RuntimeError(f"stored article {original} has no story")
        return row

    def _vector(self, terms: Counter[str]) -> dict[int, float]:
        """The unit TF-IDF vector of ``terms`` (numbered) by term number, heaviest term first (as
        :meth:`_closest` expects)."""
        ids = self._ids(terms)
        counts = np.fromiter(terms.values(), dtype=np.float64, count=len(terms))
        weights = (1 + np.log(counts)) * self.idf[ids]
        weights /= math.sqrt(float(weights @ weights)) or 1.0
        order = np.argsort(-weights, kind="stable")  # ties in the order of ``terms``
        order = order[weights[order] > 0]
        return dict(zip(ids[order].tolist(), weights[order].tolist(), strict=True))

    def _closest(
        self,
        probes: Iterable[int],
        vector: tuple[np.ndarray, np.ndarray],
        published: dt.date | None,
        exclude: Collection[str] = (),
        minimum: float | None = None,
    ) -> _Story | None:
        """The story closest to ``vector`` (term numbers and weights, see :meth:`_arrays`) at ``minimum`` or
        above, among those that share the most of its heaviest terms (``probes``), or None."""
        by_term = self.by_term
        shared_probes = Counter(itertools.chain.from_iterable(by_term[t] for t in probes if t in by_term))
        for excluded in exclude:
            shared_probes.pop(excluded, None)
        best, best_score = None, STORY_MIN_COSINE if minimum is None else minimum
        ids, weights = vector
        try:
            self.scratch[ids] = weights
            for story_id, _ in shared_probes.most_common(MAX_CANDIDATES):
                if story_id not in self.stories:  # the index may still name stories merged away
                    continue
                story = self.stories[story_id]
                if published and story.summary.last_published:
                    gap = abs((published - story.summary.last_published).days)
                    first_gap = abs((published - (story.summary.first_published or published)).days)
                    if min(gap, first_gap) > STORY_WINDOW_DAYS:
                        continue
                # average link: the mean cosine with the story's originals (their unit vectors' sum / their number)
                story_ids, story_weights = self._story_arrays(story)
                score = float(self.scratch[story_ids] @ story_weights) / max(1, story.summary.originals)
                if score >= best_score:
                    best, best_score = story, score
        finally:
            self.scratch[ids] = 0.0
        return best

    def _story_arrays(self, story: _Story) -> tuple[np.ndarray, np.ndarray]:
        if story.arrays is None:
            story.arrays = self._arrays(story.vector)
        return story.arrays

    def _number(self, terms: Iterable[str]) -> None:
        """Give each new term its number (and room in the scratch array): a stored story's terms as it is
        loaded, a batch's terms before its articles are placed."""
        term_ids = self.term_ids
        for term in terms:
            if term not in term_ids:
                term_ids[term] = len(term_ids)
                self.terms.append(term)
        if len(term_ids) > len(self.scratch):
            self.scratch = np.zeros(2 * len(term_ids))  # all zero between scorings
            self.df = np.concatenate([self.df, np.zeros(len(self.scratch) - len(self.df))])

    def _ids(self, terms: Collection[str]) -> np.ndarray:
        """The numbers of ``terms`` (numbered terms), as an array."""
        return np.fromiter(map(self.term_ids.__getitem__, terms), dtype=np.intp, count=len(terms))

    def _arrays(self, vector: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
        """``vector`` as an array of term numbers and one of weights."""
        count = len(vector)
        return np.fromiter(vector, dtype=np.intp, count=count), np.fromiter(vector.values(), np.float64, count)

    def _join(self, story: _Story, vector: dict[int, float], published: dt.date | None) -> None:
        centroid = story.vector
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        if len(centroid) > CENTROID_TERMS:
            centroid = story.vector = _ranked(centroid, CENTROID_TERMS)
        story.arrays = None
        story.summary.size += 1
        story.summary.originals += 1
        self._extend_dates(story.summary, published)
        self.stories[story.summary.story_id] = story
        for term in vector:  # the story's other terms are indexed already
            if term in centroid:
                self.by_term[term][story.summary.story_id] = None

    @staticmethod
    def _extend_dates(summary: StorySummary, published: dt.date | None) -> None:
        if published:
            summary.first_published = min(filter(None, (summary.first_published, published)))
            summary.last_published = max(filter(None, (summary.last_published, published)))
