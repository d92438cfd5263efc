"""FNC-1 disagreement as a proxy for conflict detection.

For each headline-body pair of the FNC-1 competition test set, the body is cleaned and split into sentences
by Counterpoint, every sentence is scored against the headline as two claim units are (MiniLM cosine +
IDF-weighted overlap), and the best one is taken. A pair is "related" when that best score reaches
``RELATED_MIN`` (a topic-level threshold, lower than the claim-level ``LINK_MIN``), and "disagree" when the
headline and its best sentence differ in negation (the conflict stage's negation rule) or give different
values for the same measure (its figure rule). Prints related/unrelated accuracy and disagree P/R/F1 beside
the published anchors (baseline FNC score 75.20, winner 82.02; those use trained classifiers).

    python bench/fnc1.py [--data ../shared/bench/fnc1] [--limit N]   # default: a fixed sample of 3,000 pairs
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

from counterpoint.embed import load_embedder
from counterpoint.linking import former_score
from counterpoint.nlp import load_nlp
from counterpoint.pipeline import prepare_article
from counterpoint.stages.conflicts.figures import measure_of
from counterpoint.stages.ingest import article_from_text
from counterpoint.text import NEGATION

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "fnc1"
# Calibrated here: the score above which a headline and a body sentence are on the same topic.
RELATED_MIN = 0.55
_NUMBER = re.compile(r"\b(\d[\d,]*)\s+([a-z]+)", re.I)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claimdiff import prf, tokens_of  # noqa: E402


def figures(text: str) -> dict[str, str]:
    return {measure_of(noun): value.replace(",", "") for value, noun in _NUMBER.findall(text)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument(
        "--limit", type=int, default=3000, help="score a random sample of this many pairs (0: all 25,413, ~25 min)"
    )
    args = parser.parse_args()
    stances_path = args.data / "competition_test_stances.csv"
    if not stances_path.is_file():
        print(f"skipped: no FNC-1 data at {args.data}")
        return 0
    with (args.data / "competition_test_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    with stances_path.open(encoding="utf-8") as handle:
        stances = list(csv.DictReader(handle))
    if args.limit:
        stances = random.Random(1).sample(stances, args.limit)
    sentences: dict[str, list[str]] = {}
    for body_id in {s["Body ID"] for s in stances}:
        article = prepare_article(article_from_text(bodies[body_id], source=body_id, outlet="body"))
        sentences[body_id] = [article.sentence_text(s) for s in article.sentences] or [bodies[body_id][:500]]
    texts = sorted({s["Headline"] for s in stances} | {t for ts in sentences.values() for t in ts})
    index = {t: i for i, t in enumerate(texts)}
    vectors = load_embedder().encode(texts)
    tokens = tokens_of(list(load_nlp().pipe(texts, batch_size=128)))
    predicted, gold = [], []
    for stance in stances:
        headline, body = stance["Headline"], sentences[stance["Body ID"]]
        members = [index[headline]] + [index[t] for t in body]
        frequency = Counter(t for m in members for t in tokens[m])
        idf = {t: math.log((len(members) + 1) / (n + 0.5)) for t, n in frequency.items()}
        h = index[headline]
        scored = [
            (former_score(float(vectors[h] @ vectors[index[t]]), tokens[h], tokens[index[t]], idf, False), t)
            for t in body
        ]
        best_score, best = max(scored)
        if best_score < RELATED_MIN:
            label = "unrelated"
        else:
            negation = bool(NEGATION.search(headline)) != bool(NEGATION.search(best))
            head_figures, body_figures = figures(headline), figures(best)
            number = any(body_figures.get(k, v) != v for k, v in head_figures.items())
            label = "disagree" if negation or number else "related"
        predicted.append(label)
        gold.append(stance["Stance"])
    related_ok = sum((p == "unrelated") == (g == "unrelated") for p, g in zip(predicted, gold, strict=True))
    p, r, f = prf([x == "disagree" for x in predicted], [g == "disagree" for g in gold])
    print(f"FNC-1 competition test: {len(stances)} pairs, {sum(g == 'disagree' for g in gold)} disagree\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| related vs unrelated accuracy | {related_ok / len(stances):.3f} |")
    print(f"| disagree precision | {p:.3f} |")
    print(f"| disagree recall | {r:.3f} |")
    print(f"| disagree F1 | {f:.3f} |")
    print("\nPublished anchors (../shared/bench/README.md) are FNC scores of trained four-way classifiers")
    print("(baseline 75.20, winner 82.02); this untrained proxy scores only the disagree class.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
