"""ClaimDiff: does Counterpoint's link score tell related cross-outlet claims from unrelated ones?

Each ClaimDiff pair is two claims from two outlets' articles on one contentious topic; ``relation`` says
whether claim_b strengthens (ClaimDiff-S) or weakens (ClaimDiff-W) claim_a. Counterpoint's aligner scores the
pair exactly as it scores two claim units (MiniLM cosine + IDF-weighted overlap, IDF over the topic's
claims; the shared-word rule) and predicts "linked" at ``LINK_MIN``. Linked is compared with
strengthen (same or supporting claim); a linked pair that the conflict rules call a negation is compared
with weaken. Prints P/R/F1 on test-full (the realistic distribution with unrelated pairs).

    python bench/claimdiff.py [--data ../shared/bench/claimdiff]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from counterpoint.embed import load_embedder
from counterpoint.linking import STRONG_MUTUAL, former_score
from counterpoint.nlp import load_nlp
from counterpoint.text import NEGATION, STOPWORDS, stem

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "claimdiff"


def tokens_of(docs: list[object]) -> list[frozenset[str]]:
    result = []
    for doc in docs:
        found: set[str] = set()
        for token in doc:  # type: ignore[attr-defined]
            if token.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
                found.add(f"E:{token.text.lower()}")
            elif token.like_num:
                found.add(f"N:{token.text}")
            elif token.is_alpha and len(token.text) > 2 and token.text.lower() not in STOPWORDS:
                found.add(f"W:{stem(token.text.lower())}")
        result.append(frozenset(found))
    return result


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    precision = tp / max(1, sum(pred))
    recall = tp / max(1, sum(gold))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    strength = args.data / "ClaimDiff-S" / "ClaimDiff-strength-test-full.json"
    weak = args.data / "ClaimDiff-W" / "ClaimDiff-weak-test-full.json"
    if not strength.is_file():
        print(f"skipped: no ClaimDiff data at {args.data}")
        return 0
    pairs = json.loads(strength.read_text())["data"]
    weak_label = {p["pair_id"]: p["relation"] for p in json.loads(weak.read_text())["data"]}
    texts = sorted({p["claim_a"] for p in pairs} | {p["claim_b"] for p in pairs})
    index = {t: i for i, t in enumerate(texts)}
    vectors = load_embedder().encode(texts)
    tokens = tokens_of(list(load_nlp().pipe(texts, batch_size=64)))
    per_topic: dict[str, set[int]] = defaultdict(set)
    for pair in pairs:
        per_topic[pair["topic"]] |= {index[pair["claim_a"]], index[pair["claim_b"]]}
    idf: dict[str, dict[str, float]] = {}
    for topic, members in per_topic.items():
        frequency = Counter(t for m in members for t in tokens[m])
        idf[topic] = {t: math.log((len(members) + 1) / (n + 0.5)) for t, n in frequency.items()}
    linked, negated = [], []
    for pair in pairs:
        a, b = index[pair["claim_a"]], index[pair["claim_b"]]
        score = former_score(float(vectors[a] @ vectors[b]), tokens[a], tokens[b], idf[pair["topic"]], False)
        linked.append(score >= STRONG_MUTUAL)
        differs = bool(NEGATION.search(pair["claim_a"])) != bool(NEGATION.search(pair["claim_b"]))
        negated.append(linked[-1] and differs)
    strengthen = [bool(p["relation"]) for p in pairs]
    weaken = [bool(weak_label.get(p["pair_id"], 0)) for p in pairs]
    print(f"ClaimDiff test-full: {len(pairs)} pairs, {sum(strengthen)} strengthen, {sum(weaken)} weaken\n")
    print("| relation | Counterpoint signal | P | R | F1 |")
    print("|---|---|---|---|---|")
    for name, pred, gold in (
        ("strengthen", linked, strengthen),
        ("strengthen or weaken (related)", linked, [s or w for s, w in zip(strengthen, weaken, strict=True)]),
        ("weaken", negated, weaken),
    ):
        p, r, f = prf(pred, gold)
        signal = "negation conflict" if name == "weaken" else f"linked (score >= {STRONG_MUTUAL})"
        print(f"| {name} | {signal} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
