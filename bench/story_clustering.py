"""Stories: grouping articles into stories as `counterpoint ingest` does, on ECB+ and BASIL.

    python bench/story_clustering.py            # B3 precision, recall, F1 and time per set
    python bench/story_clustering.py --sweep    # also the threshold grid on the tuning topics

ECB+ holds 982 reports of 86 incidents in 43 topics: two incidents of the same kind per topic (two
earthquakes, two shootings), which must be kept apart. The threshold is tuned on topics 1-35 and reported
on topics 36-45 (the standard test topics). BASIL (100 events told by three outlets) is a smoke test.
Anchor (../shared/bench/README.md): TF-IDF + average-link at 0.8, B3-F1 0.870 (test topics 0.870).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from counterpoint import corpus
from counterpoint.pipeline import prepare_article
from counterpoint.stages.ingest import article_from_text
from counterpoint.store import open_store

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (item -> cluster) against gold (item -> class)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        clusters[cluster].add(item)
    for item, label in gold.items():
        classes[label].add(item)
    precision = recall = 0.0
    for item in gold:
        same_cluster = clusters[predicted[item]]
        same_class = classes[gold[item]]
        both = len(same_cluster & same_class)
        precision += both / len(same_cluster)
        recall += both / len(same_class)
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def ecb_docs(topics: set[int]) -> list[tuple[str, str, str]]:
    """(doc id, text, subtopic) of the ECB+ documents of ``topics``."""
    with gzip.open(BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    return [(d["doc_id"], f"{d['title']}\n\n{d['text']}\n", d["subtopic"]) for d in docs if int(d["topic"]) in topics]


def cluster(docs: list[tuple[str, str, str]]) -> tuple[dict[str, str], float]:
    """Story of each document after ingesting them all into a fresh store, and the seconds it took."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        started = time.perf_counter()
        articles = [prepare_article(article_from_text(text, source=doc_id, outlet=doc_id)) for doc_id, text, _ in docs]
        corpus.Corpus(store).add(articles)
        seconds = time.perf_counter() - started
        predicted = {}
        for story in store.stories():
            for article, _ in store.story_articles(story.story_id):
                predicted[article.source] = story.story_id
        store.close()
    return predicted, seconds


def score(name: str, docs: list[tuple[str, str, str]]) -> None:
    predicted, seconds = cluster(docs)
    gold = {doc_id: label for doc_id, _, label in docs}
    precision, recall, f1 = b_cubed(predicted, gold)
    stories = len(set(predicted.values()))
    print(
        f"| {name} | {len(docs)} | {len(set(gold.values()))} | {stories} | {precision:.3f} | {recall:.3f} | "
        f"{f1:.3f} | {len(docs) / seconds:.0f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if not (BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file():
        print(f"skipped: {BENCH / 'ecbplus'} not found")
        return 0
    tune, test = ecb_docs(set(range(1, 36))), ecb_docs(set(range(36, 46)))
    print("| set | documents | incidents | stories found | B3 P | B3 R | B3 F1 | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    if args.sweep:
        defaults = corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE
        for threshold, merge in itertools.product((0.2, 0.25, 0.3), (0.15, 0.2, 0.25, 1.1)):
            corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE = threshold, merge
            score(f"ECB+ topics 1-35 (tune), join >= {threshold}, merge >= {merge}", tune)
        corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE = defaults
    score("ECB+ topics 1-35 (tune)", tune)
    score("ECB+ topics 36-45 (test)", test)
    return 0


if __name__ == "__main__":
    sys.exit(main())
