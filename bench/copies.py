"""Wire copies: near-duplicate detection as `counterpoint ingest` does it, on AEB, ECB+ and BASIL.

    python bench/copies.py                    # tune grid, alternatives on the tune half, then the test half
    python bench/copies.py --no-alternatives  # without the structural alternatives (LSH, indexing, shingles)

There is no labelled news set for wire copies (../shared/bench/README.md), so one is built here:

- positives: (a) the extractions of one AEB page by the 14 systems of ``scrapinghub_aeb/output/`` that hold
  the article (at least 500 characters; 4-gram shingle precision and recall against the gold body both
  >= 0.8, tokens as the AEB metric's; page dumps such as html-text mostly fail this), on pages with at least
  two; (b) synthetic wire edits of ECB+ and BASIL bodies of at least 5 sentences and 100 words: every version
  gets a new headline and, with even odds, a byline and boilerplate lines ("Share this article", a copyright
  line); at edit rate r (0.05 ... 0.5) a fraction r of its sentences (at least one) is touched: dropped,
  followed by an added sentence from another event, or given two substituted words. Rate 0 is headline,
  byline and boilerplate only. All versions of one source (a "family") are copies of each other; the
  recall-by-kind table reports the pairs (source, its version at rate r).
- hard negatives: the same event told by another document: ECB+ documents of one subtopic and BASIL triplets
  (Fox / NYT / HuffPost), each version of one against each version of the other. But ECB+ holds many reposts
  of one agency text under another site (12 same-subtopic pairs are identical), so a same-event pair whose
  sources share at least SHARED_WIRE_TEXT of the shorter one's 5-shingles (containment, not Jaccard) is a
  "repost": left out of P/R/F1 and of "false merges", and counted as a false merge in "false merges incl.
  reposts" (the strict reading: every other document must stay apart). Independent reports share little:
  their exact Jaccard is at most about 0.1.

Everything else (other events, other pages) is an easy negative. All articles of a half go through
``prepare_article`` and ``corpus.features`` once, then, per setting, into a fresh store by
``corpus.Corpus.add`` in one seeded random order (a copy may arrive before its source). A copy is recorded
with one original and copies are not indexed, so a group is an original with its copies; precision, recall
and F1 are pairwise over these groups (a positive pair is found when both are in one group). False merges:
the share of hard-negative pairs put in one group ("pairs"), and of all articles grouped with any article
they must not be ("articles"). "exact pairwise Jaccard" is the reference without LSH, MinHash estimation or
grouping: a same-event pair is joined when the exact Jaccard of its 5-shingle sets reaches the threshold.

Split by SHA-1 of the AEB page id, the ECB+ topic and the BASIL triplet: the "tune" half chooses
COPY_MIN_JACCARD from THRESHOLDS (best F1 with false merges incl. reposts <= 1%), the "test" half is only
reported, at the chosen and the current value. Corpus ties (equal estimated Jaccard, a multiple of 1/128) are
broken by the iteration order of the LSH candidate set, which follows PYTHONHASHSEED: counts move by a few
dozen pairs (about 0.001 of R) from run to run. Nothing is sampled: about 10,300 articles; the per-article
phase runs once, on WORKERS processes; 9.3 minutes measured on 2 cores shared with other jobs (load 5-6).
Articles the corpus phase splits as roundups are never checked for copies: their number is printed.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import itertools
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint import corpus
from counterpoint.model import Article
from counterpoint.pipeline import prepare_article
from counterpoint.stages.ingest import article_from_text
from counterpoint.store import SQLStore, open_store

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
EDIT_RATES = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
MAX_FALSE_MERGES = 0.01
# AEB: an extraction holds the article when its 4-gram shingles match the gold body's at this precision and recall.
AEB_MIN_CHARS = 500
AEB_MIN_OVERLAP = 0.8
# Synthetic edits start from bodies at least this long.
MIN_SENTENCES = 5
MIN_WORDS = 100
# Same-event sources sharing this much of the shorter one's 5-shingles are reposts of one text (see above).
SHARED_WIRE_TEXT = 0.2
SEED = 13
WORKERS = 2
AEB = "AEB extractions"

BYLINES = ("By Dana Whitfield, Staff Writer", "By Wire Staff", "By Sam Okafor | News Service", "From wire reports")
BOILERPLATE = (
    "Share this article",
    "Copyright 2019 The News Agency. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Click here to sign up for our daily newsletter",
)
HEADLINE_PREFIXES = ("UPDATE 1-", "UPDATED: ", "Report: ", "WATCH: ", "")


@dataclass(slots=True)
class Item:
    """One text to ingest: its key, family (the source it is a version of), event and edit rate (None: the
    source itself or an AEB extraction)."""

    key: str
    text: str
    family: str
    event: str
    kind: str
    rate: float | None = None
    article: Article | None = None
    features: corpus.Features | None = None
    features3: corpus.Features | None = None  # with word 3-shingles (an alternative measured on the tune half)
    shingles: set[bytes] = field(default_factory=set)


# --- data -------------------------------------------------------------------------------------------------


def half_of(key: str) -> str:
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _shingles4(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


def aeb_items() -> list[tuple[str, Item]]:
    folder = BENCH / "scrapinghub_aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    outputs = {}
    for path in sorted((folder / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        outputs[path.stem] = data["output"] if "output" in data and "version" in data else data
    items = []
    for page, truth in sorted(gold.items()):
        reference = _shingles4(truth["articleBody"])
        kept = []
        for system, output in outputs.items():
            text = (output.get(page) or {}).get("articleBody") or ""
            if len(text) < AEB_MIN_CHARS:
                continue
            found = _shingles4(text)
            common = len(found & reference)
            if common >= AEB_MIN_OVERLAP * len(found) and common >= AEB_MIN_OVERLAP * len(reference):
                kept.append(Item(f"aeb:{page[:12]}:{system}", text, f"aeb:{page}", f"aeb:{page}", AEB))
        if len(kept) >= 2:
            items += [(half_of(f"aeb:{page}"), item) for item in kept]
    return items


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[\"“'‘A-Z0-9])", paragraph.strip()) if s]


def sources() -> list[tuple[str, str, str, str, list[list[str]]]]:
    """(half, family, event, title, paragraphs of sentences) of the ECB+ and BASIL bodies long enough to edit."""
    found = []
    with gzip.open(BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            paragraphs = [_sentences(p) for p in re.split(r"\n+", doc["text"]) if p.strip()]
            found.append(
                (
                    half_of(f"ecb:{doc['topic']}"),
                    f"ecb:{doc['doc_id']}",
                    f"ecb:{doc['subtopic']}",
                    doc["title"],
                    paragraphs,
                )
            )
    for path in sorted(glob.glob(str(BENCH / "basil" / "articles" / "*" / "*.json"))):
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        paragraphs = [[s.strip() for s in p if s.strip()] for p in doc["body-paragraphs"]]
        triplet = doc["triplet-uuid"]
        found.append(
            (half_of(f"basil:{triplet}"), f"basil:{Path(path).stem}", f"basil:{triplet}", doc["title"], paragraphs)
        )
    return [
        source
        for source in found
        if sum(map(len, source[4])) >= MIN_SENTENCES and sum(len(s.split()) for p in source[4] for s in p) >= MIN_WORDS
    ]


def render(
    title: str, paragraphs: list[list[str]], byline: str | None = None, boilerplate: tuple[str, ...] = ()
) -> str:
    lines = [title] + ([byline] if byline else []) + [" ".join(p) for p in paragraphs if p] + list(boilerplate)
    return "\n\n".join(lines) + "\n"


def edit(title: str, paragraphs: list[list[str]], rate: float, donors: list[str], rng: random.Random) -> str:
    """A wire copy of the text with a fraction ``rate`` of its sentences touched (see the module docstring)."""
    words = title.split()
    for _ in range(min(2, len(words) // 4)):
        words.pop(rng.randrange(len(words)))
    headline = rng.choice(HEADLINE_PREFIXES) + " ".join(words)
    byline = rng.choice(BYLINES) if rng.random() < 0.5 else None
    boilerplate = tuple(rng.sample(BOILERPLATE, rng.randint(1, 2))) if rng.random() < 0.5 else ()
    places = [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p))]
    touched = set(rng.sample(places, max(1, round(rate * len(places))))) if rate else set()
    edited = []
    for i, paragraph in enumerate(paragraphs):
        out = []
        for j, sentence in enumerate(paragraph):
            if (i, j) not in touched:
                out.append(sentence)
                continue
            operation = rng.choice(("drop", "add", "substitute"))
            if operation == "add":
                out += [sentence, rng.choice(donors)]
            elif operation == "substitute":
                tokens = sentence.split(" ")
                spots = [k for k, t in enumerate(tokens) if len(t) >= 4 and t.isalpha()]
                for k in rng.sample(spots, min(2, len(spots))):
                    tokens[k] = rng.choice(rng.choice(donors).split(" "))
                out.append(" ".join(tokens))
        edited.append(out)
    return render(headline, edited, byline, boilerplate)


def synthetic_items() -> list[tuple[str, Item]]:
    bases = sources()
    items = []
    for half, family, event, title, paragraphs in bases:
        rng = random.Random(f"{SEED}:{family}")
        donors = [s for _, _, e, _, ps in rng.sample(bases, 20) if e != event for p in ps for s in p if len(s) > 40]
        kind = "ECB+" if family.startswith("ecb") else "BASIL"
        items.append((half, Item(family, render(title, paragraphs), family, event, kind)))
        for rate in EDIT_RATES:
            text = edit(title, paragraphs, rate, donors, rng)
            items.append((half, Item(f"{family}~{rate}", text, family, event, kind, rate)))
    return items


# --- labels ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Pair:
    a: Item
    b: Item
    label: str  # positive, hard (same event, another source), shared (left out: reposts) or negative
    kind: str | None  # the row of the recall-by-kind table of a positive pair
    jaccard: float  # exact, of the 5-shingle sets


@dataclass(slots=True)
class Half:
    name: str
    items: list[Item]
    shared: set[frozenset[str]] = field(default_factory=set)  # same-event families left out (reposts)
    pairs: list[Pair] = field(default_factory=list)  # every same-event pair; all others are easy negatives

    def prepare(self, three: bool) -> None:
        """Clean and segment every text and compute its features (the per-article phase, once, on WORKERS
        processes), then label the same-event pairs."""
        with ProcessPoolExecutor(WORKERS) as pool:
            done = pool.map(_prepared, [(item.text, item.key, three) for item in self.items], chunksize=50)
            for item, (article, found, found3, shingles) in zip(self.items, done, strict=True):
                item.article, item.features, item.features3, item.shingles = article, found, found3, shingles
        by_event: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            by_event[item.event].append(item)
        for members in by_event.values():
            originals = [item for item in members if item.rate is None and item.kind != AEB]
            for a, b in itertools.combinations(originals, 2):
                if len(a.shingles & b.shingles) >= SHARED_WIRE_TEXT * (min(len(a.shingles), len(b.shingles)) or 1):
                    self.shared.add(frozenset((a.family, b.family)))
            for a, b in itertools.combinations(members, 2):
                label = self.label(a, b)
                self.pairs.append(Pair(a, b, label, kind_of(a, b) if label == "positive" else None, jaccard(a, b)))

    def label(self, a: Item, b: Item) -> str:
        if a.family == b.family:
            return "positive"
        if frozenset((a.family, b.family)) in self.shared:
            return "shared"
        return "hard" if a.event == b.event else "negative"


def _prepared(job: tuple[str, str, bool]) -> tuple[Article, corpus.Features, corpus.Features | None, set[bytes]]:
    text, key, three = job
    article = prepare_article(article_from_text(text, source=key, outlet=key))
    found3 = None
    if three:
        with setting(corpus.COPY_MIN_JACCARD, 3):
            found3 = corpus.features(article)
    return article, corpus.features(article), found3, corpus.shingles(article)


def jaccard(a: Item, b: Item) -> float:
    return len(a.shingles & b.shingles) / (len(a.shingles | b.shingles) or 1)


def kind_of(a: Item, b: Item) -> str | None:
    """AEB, or (source, its version at rate r); None for two edited versions of one source."""
    if a.kind == AEB:
        return AEB
    if a.rate is None or b.rate is None:
        return f"edit rate {(a.rate if b.rate is None else b.rate):.2f}"
    return None


# --- the measured path ---------------------------------------------------------------------------------------


class IndexedCopies(corpus.Corpus):
    """Alternative: a copy is indexed too (under an alias of its original), so a later text that is closer
    to the copy than to the original still joins the group. corpus.py indexes originals only."""

    def __init__(self, store: SQLStore) -> None:
        super().__init__(store)
        self.aliases: dict[str, str] = {}

    def _original(self, signature: np.ndarray, minimum: float | None = None) -> str | None:
        found = super()._original(signature, minimum)
        if found is None:
            return None
        original = self.aliases.get(found, found)
        alias = f"{original}#{len(self.aliases)}"
        self.aliases[alias] = original
        self._index(alias, signature)
        return original


@contextmanager
def setting(threshold: float, shingle_words: int | None = None) -> Iterator[None]:
    """corpus.py's constants for one run (the LSH index is made in Corpus.__init__ from COPY_MIN_JACCARD)."""
    saved = corpus.COPY_MIN_JACCARD, corpus.SHINGLE_WORDS
    corpus.COPY_MIN_JACCARD = threshold
    corpus.SHINGLE_WORDS = shingle_words or saved[1]
    try:
        yield
    finally:
        corpus.COPY_MIN_JACCARD, corpus.SHINGLE_WORDS = saved


def groups(
    half: Half, threshold: float, lsh: float | None = None, shingles3: bool = False, indexed: bool = False
) -> tuple[dict[str, str], float, int]:
    """Copy group (its original's key) of each item after ingesting the half into a fresh store, the seconds
    of the corpus phase, and how many articles it split as roundups (those are never checked for copies)."""
    from datasketch import MinHashLSH

    order = list(half.items)
    random.Random(SEED).shuffle(order)
    with setting(threshold, 3 if shingles3 else None), tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        engine = (IndexedCopies if indexed else corpus.Corpus)(store)
        if lsh is not None:  # the store is empty: nothing indexed yet
            engine.lsh = MinHashLSH(threshold=lsh, num_perm=corpus.NUM_PERM)
        inputs = [(i.article, i.features3 if shingles3 else i.features) for i in order]
        started = time.perf_counter()
        stats = engine.add(inputs)
        seconds = time.perf_counter() - started
        copy_of: dict[str, str | None] = {}
        source_of: dict[str, str] = {}
        for story in store.stories():
            for article, original in store.story_articles(story.story_id):
                copy_of[article.article_id] = original
                source_of[article.article_id] = article.source
        store.close()

    def root(article_id: str) -> str:
        while (parent := copy_of.get(article_id)) is not None:
            article_id = parent
        return article_id

    return {source_of[a]: source_of[root(a)] for a in copy_of}, seconds, getattr(stats, "roundups", 0)


@dataclass(slots=True)
class Scores:
    positives: int
    predicted: int
    found: int
    hard: int
    hard_merged: int
    articles_merged: float
    shared: int
    shared_merged: int
    by_kind: dict[str, tuple[int, float]]  # pairs, recall
    seconds: float
    roundups: int = 0

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.positives

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_merges(self) -> float:
        return self.hard_merged / self.hard

    @property
    def strict_false_merges(self) -> float:
        """Counting the reposts as hard negatives too (the reading that every other document must stay apart)."""
        return (self.hard_merged + self.shared_merged) / (self.hard + self.shared)


def score(half: Half, together: Callable[[Pair], bool], group: dict[str, str] | None, seconds: float) -> Scores:
    """Pairwise scores; ``together`` says whether a same-event pair was put in one group. With the groups,
    predicted pairs and wrongly grouped articles are counted over all pairs (easy negatives included)."""
    items = {item.key: item for item in half.items}
    predicted = found = 0
    wrong: set[str] = set()
    if group is not None:
        members: dict[str, list[Item]] = defaultdict(list)
        for key, original in group.items():
            members[original].append(items[key])
        for group_items in members.values():
            for a, b in itertools.combinations(group_items, 2):
                label = half.label(a, b)
                if label != "shared":
                    predicted += 1
                    found += label == "positive"
                if label in ("hard", "negative"):
                    wrong.update((a.key, b.key))
    counts: Counter[str] = Counter()
    for pair in half.pairs:
        hit = together(pair)
        counts[pair.label] += 1
        counts[pair.label + " hit"] += hit
        if pair.kind:
            counts[pair.kind] += 1
            counts[pair.kind + " hit"] += hit
    if group is None:  # the exact pairwise reference: its predictions are the same-event pairs it joins
        found = counts["positive hit"]
        predicted = found + counts["hard hit"]
    kinds = {pair.kind for pair in half.pairs if pair.kind}
    return Scores(
        counts["positive"],
        predicted,
        found,
        counts["hard"],
        counts["hard hit"],
        len(wrong) / len(items),
        counts["shared"],
        counts["shared hit"],
        {k: (counts[k], counts[k + " hit"] / counts[k]) for k in kinds},
        seconds,
    )


def run(half: Half, threshold: float, **variant: Any) -> Scores:
    group, seconds, roundups = groups(half, threshold, **variant)
    scores = score(half, lambda pair: group[pair.a.key] == group[pair.b.key], group, seconds)
    scores.roundups = roundups
    return scores


def exact(half: Half, threshold: float) -> Scores:
    return score(half, lambda pair: pair.jaccard >= threshold, None, 0.0)


# --- tables --------------------------------------------------------------------------------------------------

HEADER = (
    "| half | setting | positive pairs | predicted pairs | P | R | F1 | hard-neg. pairs | false merges (pairs) | "
    "false merges (articles) | reposts linked | false merges incl. reposts | corpus s |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(half: Half, name: str, s: Scores) -> str:
    seconds = f"{s.seconds:.0f}" if s.seconds else "-"
    return (
        f"| {half.name} | {name} | {s.positives:,} | {s.predicted:,} | {s.precision:.3f} | {s.recall:.3f} | "
        f"{s.f1:.3f} | {s.hard:,} | {s.false_merges:.2%} | {s.articles_merged:.2%} | "
        f"{s.shared_merged:,}/{s.shared:,} | {s.strict_false_merges:.2%} | {seconds} |"
    )


def kind_table(half: Half, columns: list[tuple[str, Scores, Scores]]) -> None:
    mean: dict[str, list[float]] = defaultdict(list)
    for pair in half.pairs:
        if pair.kind:
            mean[pair.kind].append(pair.jaccard)
    print(f"\nRecall by kind, {half.name} half (a source and its version at each edit rate; exact pairwise in ()):\n")
    print("| kind | pairs | mean exact Jaccard | " + " | ".join(f"R {name}" for name, _, _ in columns) + " |")
    print("|---|---|---|" + "---|" * len(columns))
    for kind in sorted(mean):
        cells = [
            f"{ingested.by_kind[kind][1]:.3f} ({pairwise.by_kind[kind][1]:.3f})" for _, ingested, pairwise in columns
        ]
        print(f"| {kind} | {len(mean[kind]):,} | {sum(mean[kind]) / len(mean[kind]):.3f} | " + " | ".join(cells) + " |")


def describe(half: Half) -> None:
    kinds = Counter(item.kind for item in half.items)
    print(
        f"- {half.name}: {len(half.items):,} articles ({', '.join(f'{k} {n:,}' for k, n in sorted(kinds.items()))}), "
        f"{len({item.family for item in half.items}):,} families; {len(half.shared)} same-event source pairs "
        "left out as reposts"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-alternatives", action="store_true")
    args = parser.parse_args()
    needed = [
        BENCH / "scrapinghub_aeb" / "output",
        BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz",
        BENCH / "basil",
    ]
    if not all(path.exists() for path in needed):
        print(f"skipped: {BENCH} (scrapinghub_aeb, ecbplus, basil) not found")
        return 0
    started = time.perf_counter()
    split: dict[str, list[Item]] = defaultdict(list)
    for half_name, item in aeb_items() + synthetic_items():
        split[half_name].append(item)
    tune, test = Half("tune", split["tune"]), Half("test", split["test"])
    tune.prepare(three=not args.no_alternatives)
    test.prepare(three=False)
    print(f"Data (built and prepared in {time.perf_counter() - started:.0f} s):\n")
    describe(tune)
    describe(test)

    current = corpus.COPY_MIN_JACCARD
    print("\nTune half, COPY_MIN_JACCARD grid (LSH index at the same threshold, as corpus.py does):\n")
    print(HEADER)
    sweep = {}
    for threshold in THRESHOLDS:
        sweep[threshold] = run(tune, threshold), exact(tune, threshold)
        print(row(tune, f"t = {threshold}" + (" (current)" if threshold == current else ""), sweep[threshold][0]))
    for threshold in THRESHOLDS:
        print(row(tune, f"exact pairwise Jaccard >= {threshold} (reference)", sweep[threshold][1]))
    allowed = [t for t in THRESHOLDS if sweep[t][0].strict_false_merges <= MAX_FALSE_MERGES] or list(THRESHOLDS)
    chosen = max(allowed, key=lambda t: (sweep[t][0].f1, t))
    print(
        f"\nChosen on the tune half (best F1 with false merges incl. reposts <= {MAX_FALSE_MERGES:.0%}): {chosen}; "
        f"current {current}. Articles split as roundups (never checked for copies): "
        + ", ".join(f"{sweep[t][0].roundups} at {t}" for t in THRESHOLDS)
        + f" of {len(tune.items):,}."
    )
    kind_table(tune, [(f"t={t}", *sweep[t]) for t in THRESHOLDS])

    if not args.no_alternatives:
        print("\nStructural alternatives, tune half:\n")
        print(HEADER)
        for threshold in [t for t in THRESHOLDS if min(chosen, current) <= t <= max(chosen, current)]:
            lowered = round(max(0.1, threshold - 0.2), 2)
            print(row(tune, f"t = {threshold} (as corpus.py)", sweep[threshold][0]))
            print(row(tune, f"t = {threshold}, LSH index at {lowered}", run(tune, threshold, lsh=lowered)))
            print(row(tune, f"t = {threshold}, copies indexed too", run(tune, threshold, indexed=True)))
            print(row(tune, f"t = {threshold}, word 3-shingles", run(tune, threshold, shingles3=True)))

    print("\nTest half (reported only; nothing chosen on it):\n")
    print(HEADER)
    tested = []
    for threshold in sorted({chosen, current}):
        name = (
            f"t = {threshold}"
            + (" (chosen)" if threshold == chosen else "")
            + (" (current)" if threshold == current else "")
        )
        tested.append((f"t={threshold}", run(test, threshold), exact(test, threshold)))
        print(row(test, name, tested[-1][1]))
    for name, _, pairwise in tested:
        print(row(test, f"exact pairwise Jaccard >= {name[2:]} (reference)", pairwise))
    print(f"\nArticles split as roundups: {tested[0][1].roundups} of {len(test.items):,}.")
    kind_table(test, tested)
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
