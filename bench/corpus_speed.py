"""Speed and memory of `counterpoint ingest` (read, per-article phase, copies, stories; no comparison).

    python bench/corpus_speed.py                 # 1k and 10k articles, every executor
    python bench/corpus_speed.py --sizes 100000 --executors process

The corpus is a synthetic variation of real texts: each article takes 12 sentences drawn at random from
the reports of one ECB+ incident (so articles of an incident form a story, and few are verbatim copies),
gets an outlet, a title (one of its sentences) and a date over 30 days, and is written to a JSONL file,
the input format of bulk collections. Side by side: TF-IDF with average-link clustering of all pairs
(scipy), the offline method the online grouping replaces, at the sizes where its all-pairs matrix fits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from counterpoint.executors import open_executor
from counterpoint.model import Rejection
from counterpoint.pipeline import ingest_corpus
from counterpoint.store import open_store

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
SENTENCES_PER_ARTICLE = 12
# Largest corpus for the all-pairs reference (its dense similarity matrix is size^2 float32).
ALL_PAIRS_MAX = 10_000


def incidents() -> dict[str, list[str]]:
    """Sentences of every ECB+ incident's reports."""
    pools: dict[str, list[str]] = defaultdict(list)
    with gzip.open(BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            pools[doc["subtopic"]] += [s for s in re.split(r"(?<=[.!?])\s+", doc["text"]) if len(s) > 40]
    return {k: v for k, v in pools.items() if len(v) >= SENTENCES_PER_ARTICLE}


def write_corpus(path: Path, size: int) -> None:
    pools = incidents()
    names = sorted(pools)
    start = dt.date(2026, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            rng = random.Random(number)
            incident = names[number % len(names)]
            sentences = rng.sample(pools[incident], SENTENCES_PER_ARTICLE)
            record = {
                "id": f"a{number}",
                "outlet": f"outlet-{number % 500}",
                "title": sentences[0][:120],
                "published": (start + dt.timedelta(days=rng.randrange(30))).isoformat(),
                "text": "\n".join(sentences[1:]),
            }
            out.write(json.dumps(record) + "\n")


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_ingest(corpus: Path, executor_name: str, workers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "speed.db")
        started = time.perf_counter()
        with open_executor(executor_name, workers=workers) as executor:
            stats = ingest_corpus([corpus], store, None, executor)
        seconds = time.perf_counter() - started
        stories = len(store.stories())
        store.close()
    per_article = stats.seconds.get("read and per-article", 0.0)
    per_corpus = stats.seconds.get("per-corpus", 0.0)
    print(
        f"| ingest, {executor_name} x{workers} | {stats.read:,} | {seconds:.1f} | {stats.read / seconds:.0f} | "
        f"{per_article:.1f} | {per_corpus:.1f} | {stats.copies:,} | {stories:,} | {peak_mb():,.0f} |",
        flush=True,
    )


def run_per_article(corpus: Path, executor_name: str, workers: int) -> None:
    """The per-article phase alone (what an executor runs), to compare executors and worker counts."""
    from counterpoint.executors import chunked
    from counterpoint.pipeline import CHUNK_SIZE, prepare_chunk
    from counterpoint.stages.ingest import read

    articles = [item for item in read([corpus]) if not isinstance(item, Rejection)]
    with open_executor(executor_name, workers=workers) as executor:
        # steady state: every worker has loaded the per-article code once (a long ingest pays that once)
        warm = time.perf_counter()
        list(executor.map(prepare_chunk, chunked(articles[: 8 * workers], 8)))
        warm = time.perf_counter() - warm
        started = time.perf_counter()
        done = sum(len(chunk) for chunk in executor.map(prepare_chunk, chunked(articles, CHUNK_SIZE)))
        seconds = time.perf_counter() - started
    print(
        f"| per-article phase only (workers warmed in {warm:.1f} s), {executor_name} x{workers} | {done:,} | "
        f"{seconds:.1f} | {done / seconds:.0f} | "
        f"{seconds:.1f} | | | | {peak_mb():,.0f} |",
        flush=True,
    )


def run_all_pairs(corpus: Path) -> None:
    """TF-IDF + average-link over all pairs (the reference), on the same texts."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix

    started = time.perf_counter()
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    counts = [Counter(w.lower() for w in re.findall(r"[^\W\d_]{3,}", d["title"] + " " + d["text"])) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocabulary = {t: i for i, t in enumerate(df)}
    rows, cols, values = [], [], []
    for row, c in enumerate(counts):
        for term, n in c.items():
            rows.append(row)
            cols.append(vocabulary[term])
            values.append((1 + math.log(n)) * math.log((len(docs) + 1) / (df[term] + 1)))
    matrix = csr_matrix((values, (rows, cols)), shape=(len(docs), len(vocabulary)), dtype=np.float32)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A.ravel() + 1e-9
    matrix = csr_matrix(matrix.multiply(1 / norms[:, None]))
    similarity = (matrix @ matrix.T).toarray()
    distances = np.clip(1 - similarity[np.triu_indices(len(docs), 1)], 0, 2)
    del similarity
    clusters = fcluster(linkage(distances, "average"), 0.8, "distance")
    seconds = time.perf_counter() - started
    print(
        f"| TF-IDF + average-link, all pairs | {len(docs):,} | {seconds:.1f} | {len(docs) / seconds:.0f} | | | | "
        f"{len(set(clusters)):,} | {peak_mb():,.0f} |",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--executors", nargs="+", default=["serial", "process", "dask"])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file():
        print(f"skipped: {BENCH / 'ecbplus'} not found")
        return 0
    print("| run | articles | seconds | articles/s | read+article s | corpus s | copies | stories | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            for name in args.executors:
                for workers in [1, args.workers] if name == "dask" else [args.workers if name != "serial" else 1]:
                    run_ingest(corpus, name, workers)
                    if name == "dask":
                        run_per_article(corpus, name, workers)
            if size <= ALL_PAIRS_MAX:
                run_all_pairs(corpus)
    print("peak MB is the largest resident size of this process or one of its workers so far (it only grows).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
