"""Conflict precision on stories no gold covers: the ECB+ subtopics outside the gold stories, read by hand.

The gold stories' conflict precision is measured where the conflict rules were written. Here every ECB+
subtopic that no gold story uses (five documents or more) is compared, and each `conflicting` claim is matched
against hand labels (``bench/gold/unseen-conflicts.labels.json``: subtopic, kind and the values the claim's
note lists; right when each outlet really gives another value of one thing). Prints right / wrong / unlabelled
per kind; ``--show`` prints the unlabelled claims with their sentences, to label them.

    python bench/conflict_precision.py [--show]     # about 6 minutes on 2 cores (76 subtopics)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from counterpoint.embed import load_embedder
from counterpoint.model import Claim
from counterpoint.pipeline import CompareOptions, compare_articles
from counterpoint.stages.ingest import article_from_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories  # noqa: E402

LABELS = Path(__file__).resolve().parent / "gold" / "unseen-conflicts.labels.json"
MIN_DOCUMENTS = 5
_VALUE = re.compile(r"(?:: |; )([^;()]+?) \(")


def key(subtopic: str, claim: Claim) -> tuple[str, str, tuple[str, ...]]:
    """How a label names a claim: its subtopic, kind and the values its note lists, sorted."""
    return subtopic, claim.kind or "", tuple(sorted(v.strip() for v in _VALUE.findall(claim.note or "")))


def measure(show: bool = False) -> Counter[tuple[str, str]]:
    """(kind, "right" | "wrong" | "unlabelled") -> conflicting claims, over every subtopic no gold covers."""
    labels = {
        (row["subtopic"], row["kind"], tuple(row["values"])): row["right"]
        for row in json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    }
    gold_documents = {d for spec in stories.STORIES.values() for d in spec.documents}
    by_subtopic: dict[str, list[dict[str, str]]] = defaultdict(list)
    for doc_id, doc in stories._ecbplus().items():
        if doc_id not in gold_documents:
            by_subtopic[doc["subtopic"]].append(doc)
    options = CompareOptions(embedding_precision="float32", embedder=load_embedder("float32"))
    counts: Counter[tuple[str, str]] = Counter()
    for subtopic, docs in sorted(by_subtopic.items()):
        if len(docs) < MIN_DOCUMENTS:
            continue
        articles = [
            article_from_text(f"{d['title']}\n\n{d['text']}\n", source=d["doc_id"], outlet=d["doc_id"]) for d in docs
        ]
        comparison = compare_articles(articles, options)
        text = {s.sentence_id: a.sentence_text(s) for a in comparison.articles for s in a.sentences}
        for claim in comparison.claims:
            if claim.status != "conflicting":
                continue
            label = labels.get(key(subtopic, claim))
            counts[(claim.kind or "", "unlabelled" if label is None else "right" if label else "wrong")] += 1
            if show and label is None:
                print(f"## {subtopic} {claim.kind}: {claim.note}")
                for sentence_id in claim.sentence_ids:
                    print("   ", text[sentence_id][:240])
    return counts


def precision(counts: Counter[tuple[str, str]]) -> float:
    """Right claims over all claims; an unlabelled claim counts as wrong until someone reads it."""
    total = sum(counts.values())
    return sum(v for (_, verdict), v in counts.items() if verdict == "right") / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print unlabelled claims with their sentences")
    args = parser.parse_args()
    if not stories.available():
        print("ECB+ is not in ../shared/bench: nothing to measure")
        return
    counts = measure(args.show)
    print("\nECB+ subtopics no gold covers, conflicting claims by kind\n")
    print("| kind | right | wrong | unlabelled |")
    print("|---|---|---|---|")
    for kind in sorted({k for k, _ in counts}):
        print(f"| {kind} | {counts[(kind, 'right')]} | {counts[(kind, 'wrong')]} | {counts[(kind, 'unlabelled')]} |")
    right = sum(v for (_, verdict), v in counts.items() if verdict == "right")
    wrong = sum(v for (_, verdict), v in counts.items() if verdict == "wrong")
    print(f"| **all** | **{right}** | **{wrong}** | {sum(counts.values()) - right - wrong} |")
    print(f"\nprecision (unlabelled counted wrong): {precision(counts):.3f}")


if __name__ == "__main__":
    main()
