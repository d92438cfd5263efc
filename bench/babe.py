"""BABE: does a sentence carry loaded language? Counterpoint's framing notes as a sentence-level flag.

Each BABE sentence (SG2, 3,674 expert-labelled sentences) is read as a one-sentence article; it is flagged
"biased" when the framing stage makes any note on it (lexicon terms, loaded adjectives, doubt-casting
attribution, editorializing, scare quotes). Nothing is trained, so the 5 folds of the usual protocol are
scored as they come and averaged; macro-F1 beside the published anchor (DA-RoBERTa 0.814, fine-tuned).

    python bench/babe.py [--data ../shared/bench/babe]

The learned sentence model (``counterpoint.bias``) is trained and cross-validated by ``bench/biasmodel.py``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from counterpoint.nlp import parse_articles
from counterpoint.pipeline import prepare_article
from counterpoint.stages import framing
from counterpoint.stages.ingest import article_from_text

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "babe"
ANCHOR = 0.814
FOLDS = 5


def macro_f1(pred: list[bool], gold: list[bool]) -> float:
    scores = []
    for positive in (True, False):
        tp = sum(p == positive and g == positive for p, g in zip(pred, gold, strict=True))
        fp = sum(p == positive and g != positive for p, g in zip(pred, gold, strict=True))
        fn = sum(p != positive and g == positive for p, g in zip(pred, gold, strict=True))
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        scores.append(2 * precision * recall / max(1e-9, precision + recall))
    return sum(scores) / 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    path = args.data / "final_labels_SG2.csv"
    if not path.is_file():
        print(f"skipped: no BABE data at {args.data}")
        return 0
    with path.open(encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter=";") if r["label_bias"] in ("Biased", "Non-biased")]
    articles = [
        prepare_article(article_from_text(r["text"], source=f"babe:{i}", outlet=r["outlet"] or "unknown"))
        for i, r in enumerate(rows)
    ]
    parsed = parse_articles(articles)
    lexicon = framing.load_lexicon()
    predicted, kinds = [], Counter()
    for article in articles:
        lines = parsed.get(article.article_id, [])
        names = [(p.start + e.start_char, p.start + e.end_char) for p in lines for e in p.doc.ents]
        notes = framing.find_framing(article, lines, lexicon, names)
        kinds.update(n.kind for n in notes)
        predicted.append(bool(notes))
    gold = [r["label_bias"] == "Biased" for r in rows]
    folds = [macro_f1(predicted[k::FOLDS], gold[k::FOLDS]) for k in range(FOLDS)]
    flagged = sum(predicted)
    print(f"BABE SG2: {len(rows)} sentences, {sum(gold)} biased; flagged {flagged}\n")
    print("| system | macro-F1 (5 folds) | anchor |")
    print("|---|---|---|")
    print(f"| Counterpoint framing notes (no training) | {sum(folds) / FOLDS:.3f} | {ANCHOR} (DA-RoBERTa) |")
    print("\nNotes by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
