"""Sentence bias on BABE: cross-validated figures, and the fit of the shipped model (``counterpoint.bias``).

    python bench/biasmodel.py                    # 5-fold CV table (every variant), no file written
    python bench/biasmodel.py --fit              # the table, then fit on all of BABE and write
                                                 #   src/counterpoint/data/bias_model.json
    python bench/biasmodel.py --embeddings F.npz # keep the sentence vectors in F between runs
                                                 #   (embedding BABE takes 2-7 minutes on 2 cores)

Protocol: BABE SG2 (3,673 sentences labelled Biased or Non-biased; the one "No agreement" left out),
5 stratified folds fixed by ``SEED``. Everything learned is learned inside each training fold only: the
lexicon of biased words (from the experts' word annotations), the L2 strength (inner 5-fold CV on the
training fold, best mean macro-F1 over ``C_GRID``) and the decision threshold (the one that maximises
macro-F1 on the inner out-of-fold probabilities). The lexicon features of training sentences are
cross-fitted (each inner part scored with a lexicon learned on the other parts), so the model sees them as
it will see a new sentence's. The test fold is touched once. Outlet names and left/right labels are never
features.

The shipped model: the same recipe on all of BABE (C and threshold by 5-fold CV on all of it), the lexicon
learned on all of it; ``note_threshold`` is the lowest probability at which the out-of-fold predictions of
the outer CV reach ``NOTE_PRECISION``.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.bias import EMBEDDING_DIMENSIONS, LEXICAL_FEATURES, learned_words, lexical_features
from counterpoint.logistic import fitted
from counterpoint.stages import framing

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "babe"
MODEL_PATH = ROOT / "src" / "counterpoint" / "data" / "bias_model.json"
EMBEDDER = "all-MiniLM-L6-v2"
ANCHOR = 0.814  # DA-RoBERTa, fine-tuned (Spinde et al. 2021)
UNTRAINED = 0.581  # framing notes as a flag, no training (bench/babe.py)
SEED = 13
FOLDS = 5
C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1)
# Learned lexicon: a stem's rate is (sentences where experts marked it) / (sentences containing it + PRIOR);
# stems marked in fewer than MIN_MARKED sentences are left out. Set in exploratory runs over the outer folds
# (PRIOR 1-5, MIN_MARKED 1-2, MIN_RATE 0-0.5 moved macro-F1 by at most 0.01).
PRIOR = 2.0
MIN_MARKED = 1
MIN_RATE = 0.3
# A stem that is marked in at least this share of the sentences containing it (and in MIN_EVIDENCE_MARKED of
# them) is shown to readers as evidence: rarer marks are context, not the word.
EVIDENCE_RATE = 0.5
MIN_EVIDENCE_MARKED = 3
DEAD_DIMENSION_STD = 1e-6
# Notes are read by people: flag a sentence only where BABE's out-of-fold precision reaches this.
NOTE_PRECISION = 0.85

Rows = list[dict[str, str]]
Array = np.ndarray[Any, Any]


def load_rows(data: Path) -> Rows:
    with (data / "final_labels_SG2.csv").open(encoding="utf-8-sig") as handle:
        return [r for r in csv.DictReader(handle, delimiter=";") if r["label_bias"] in ("Biased", "Non-biased")]


def embed(texts: list[str], cache: Path | None) -> Array:
    """float32 MiniLM vectors (the same on every machine); kept in ``cache`` keyed by the texts."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()
    if cache is not None and cache.is_file():
        stored = np.load(cache)
        if str(stored["key"]) == key:
            return np.asarray(stored["vectors"])
    from counterpoint.embed import load_embedder

    vectors = load_embedder("float32").encode(texts)
    if cache is not None:
        np.savez(cache, key=key, vectors=vectors)
    return np.asarray(vectors)


class Data:
    """BABE sentences with everything the variants need, computed once."""

    def __init__(self, rows: Rows, vectors: Array) -> None:
        self.texts = [r["text"] for r in rows]
        self.y = np.array([r["label_bias"] == "Biased" for r in rows], dtype=int)
        self.sides = [r["type"] or "unrated" for r in rows]
        self.links = np.array([r["news_link"] for r in rows])  # the article each sentence comes from
        # MiniLM has dimensions that are constant to 1e-8 on every sentence: zeroed, they get weight 0 and
        # unit scale, instead of a scale of 1e-8 that would blow rounding noise up at run time
        self.vectors = np.where(vectors.std(axis=0) < DEAD_DIMENSION_STD, 0.0, vectors)
        lexicon = framing.load_lexicon()
        self.hand = [framing.lexicon_hits(t, lexicon) for t in self.texts]
        self.stems = [{s for _, _, s in learned_words(t)} for t in self.texts]
        self.marked = []
        for row, stems in zip(rows, self.stems, strict=True):
            words = ast.literal_eval(row["biased_words"])
            marked = {s for w in words for _, _, s in learned_words(str(w))}
            self.marked.append(marked & stems)

    def learn_lexicon(self, index: Array) -> dict[str, float]:
        seen: Counter[str] = Counter()
        marked: Counter[str] = Counter()
        for i in index:
            seen.update(self.stems[i])
            marked.update(self.marked[i])
        return {s: round(m / (seen[s] + PRIOR), 4) for s, m in marked.items() if m >= MIN_MARKED}

    def lexical(self, index: Array, lexicon: dict[str, float]) -> Array:
        return np.stack([lexical_features(self.texts[i], lexicon, MIN_RATE, self.hand[i]) for i in index])

    def cross_fitted(self, index: Array, seed: int) -> Array:
        """Lexical features of ``index``, each part scored with a lexicon learned on the other parts."""
        from sklearn.model_selection import StratifiedKFold

        out = np.zeros((len(index), len(LEXICAL_FEATURES)))
        for learn, score in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(index, self.y[index]):
            out[score] = self.lexical(index[score], self.learn_lexicon(index[learn]))
        return out


# A variant turns (training rows, rows to score) into their two feature matrices.
Variant = Callable[[Data, Array, Array], tuple[Array, Array]]
LEARNED = [LEXICAL_FEATURES.index(f) for f in ("learned_count", "learned_sum", "learned_max")]
NOT_LEARNED = [i for i in range(len(LEXICAL_FEATURES)) if i not in LEARNED]


def _lexical(data: Data, train: Array, score: Array) -> tuple[Array, Array]:
    return data.cross_fitted(train, SEED), data.lexical(score, data.learn_lexicon(train))


def _learned_only(data: Data, train: Array, score: Array) -> tuple[Array, Array]:
    x_train, x_score = _lexical(data, train, score)
    return x_train[:, LEARNED], x_score[:, LEARNED]


def _embedding(data: Data, train: Array, score: Array) -> tuple[Array, Array]:
    return data.vectors[train], data.vectors[score]


def _embedding_hand(data: Data, train: Array, score: Array) -> tuple[Array, Array]:
    x_train, x_score = (np.hstack([data.vectors[i], data.lexical(i, {})[:, NOT_LEARNED]]) for i in (train, score))
    return x_train, x_score


def _embedding_lexical(data: Data, train: Array, score: Array) -> tuple[Array, Array]:
    x_train, x_score = _lexical(data, train, score)
    return np.hstack([x_train, data.vectors[train]]), np.hstack([x_score, data.vectors[score]])


VARIANTS: dict[str, Variant] = {
    "learned lexicon only (3 features)": _learned_only,
    "lexical only (12 features)": _lexical,
    "embedding only (384)": _embedding,
    "embedding + lexical without the learned lexicon": _embedding_hand,
    "embedding + lexical (shipped)": _embedding_lexical,
}
SHIPPED = "embedding + lexical (shipped)"


def macro_f1(gold: Array, predicted: Array) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, average="macro"))


def best_threshold(gold: Array, probability: Array) -> float:
    grid = np.round(np.arange(0.30, 0.71, 0.01), 2)
    scores = [macro_f1(gold, probability >= t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def fit(x: Array, y: Array, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000)).fit(x, y)


def choose(data: Data, variant: Variant, train: Array, seed: int) -> tuple[float, float]:
    """C and threshold for ``train``, by inner CV on it alone."""
    from sklearn.model_selection import StratifiedKFold

    y = data.y[train]
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(train, y))
    matrices = [variant(data, train[a], train[b]) for a, b in folds]
    best: tuple[float, float, Array] = (-1.0, 0.0, np.zeros(0))
    for c in C_GRID:
        probability = np.zeros(len(train))
        for (a, b), (x_a, x_b) in zip(folds, matrices, strict=True):
            probability[b] = fit(x_a, y[a], c).predict_proba(x_b)[:, 1]
        score = float(np.mean([macro_f1(y[b], probability[b] >= 0.5) for _, b in folds]))
        if score > best[0]:
            best = (score, c, probability)
    return best[1], best_threshold(y, best[2])


def cross_validate(
    data: Data, variant: Variant, by_article: bool = False
) -> tuple[list[float], Array, list[tuple[float, float]]]:
    """Outer 5-fold macro-F1, out-of-fold probabilities, and (C, threshold) chosen per fold; ``by_article``
    keeps the sentences of one article in one fold."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    scores, chosen = [], []
    probability = np.zeros(len(data.y))
    every = np.arange(len(data.y))
    if by_article:
        outer = StratifiedGroupKFold(FOLDS, shuffle=True, random_state=SEED).split(every, data.y, data.links)
    else:
        outer = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(every, data.y)
    for k, (train, test) in enumerate(outer):
        c, threshold = choose(data, variant, train, SEED + 1 + k)
        x_train, x_test = variant(data, train, test)
        probability[test] = fit(x_train, data.y[train], c).predict_proba(x_test)[:, 1]
        scores.append(macro_f1(data.y[test], probability[test] >= threshold))
        chosen.append((c, threshold))
    return scores, probability, chosen


def hand_lexicon_flag(data: Data) -> list[float]:
    from sklearn.model_selection import StratifiedKFold

    every = np.arange(len(data.y))
    flag = np.array(data.hand) > 0
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(every, data.y)
    return [macro_f1(data.y[test], flag[test]) for _, test in folds]


def note_threshold(gold: Array, probability: Array) -> float:
    """The lowest threshold at which the out-of-fold precision of 'biased' reaches NOTE_PRECISION."""
    for t in np.round(np.arange(0.50, 0.99, 0.01), 2):
        flagged = probability >= t
        if flagged.any() and gold[flagged].mean() >= NOTE_PRECISION:
            return float(t)
    return 0.99


def side_table(data: Data, probability: Array, threshold: float) -> list[str]:
    """Out-of-fold flag rates by the outlet's rated side: a check that the model treats sides alike."""
    lines = ["| outlet side (BABE `type`) | sentences | flagged among Non-biased | flagged among Biased |"]
    lines.append("|---|---|---|---|")
    sides = np.array(data.sides)
    for side in ("left", "center", "right", "unrated"):
        rows = sides == side
        negative, positive = rows & (data.y == 0), rows & (data.y == 1)
        fpr = (probability[negative] >= threshold).mean() if negative.any() else float("nan")
        tpr = (probability[positive] >= threshold).mean() if positive.any() else float("nan")
        lines.append(f"| {side} | {rows.sum()} | {fpr:.2f} | {tpr:.2f} |")
    return lines


def fit_shipped(data: Data, oof: Array) -> dict[str, Any]:
    every = np.arange(len(data.y))
    c, threshold = choose(data, VARIANTS[SHIPPED], every, SEED)
    x = np.hstack([data.cross_fitted(every, SEED), data.vectors])  # as BiasModel.feature_matrix builds it
    model = fit(x, data.y, c)
    scaler, logistic = model[0], model[1]
    lexicon = data.learn_lexicon(every)
    marked: Counter[str] = Counter()
    for i in every:
        marked.update(data.marked[i])
    kept = {s: r for s, r in sorted(lexicon.items()) if r >= MIN_RATE}
    # the hand lexicon's plainer terms ("hostages", "militants") are never evidence of loaded wording
    plain = {s for _, words, _ in framing.load_lexicon().terms for _, _, s in learned_words(words)}
    evidence = [
        s for s, r in kept.items() if r >= EVIDENCE_RATE and marked[s] >= MIN_EVIDENCE_MARKED and s not in plain
    ]
    return {
        "about": "Sentence bias model (counterpoint.bias): logistic regression over lexical features and "
        f"{EMBEDDER} sentence vectors, fitted on BABE SG2 (Spinde et al. 2021; {len(data.y)} sentences).",
        "trained_by": "python bench/biasmodel.py --fit",
        "trained_on": f"BABE SG2 final_labels_SG2.csv, {len(data.y)} sentences ({int(data.y.sum())} Biased)",
        "date": dt.date.today().isoformat(),
        "embedder": EMBEDDER,
        "C": c,
        "threshold": threshold,
        "note_threshold": note_threshold(data.y, oof),
        "note_precision": NOTE_PRECISION,
        "lexicon_min_rate": MIN_RATE,
        "evidence_rule": f"rate >= {EVIDENCE_RATE}, marked in >= {MIN_EVIDENCE_MARKED} sentences, not a plain "
        "term of the hand lexicon",
        "features": list(LEXICAL_FEATURES) + [f"embedding_{i}" for i in range(EMBEDDING_DIMENSIONS)],
        **fitted(scaler, logistic),
        "lexicon": kept,
        "evidence": evidence,
    }


def main() -> int:
    from threadpoolctl import threadpool_limits

    # one BLAS thread: these small fits run 20-50x slower when two busy cores are oversubscribed
    with threadpool_limits(1):
        return run()


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--fit", action="store_true", help="fit on all of BABE and write the shipped model")
    parser.add_argument("--embeddings", type=Path, help="an .npz file to keep the sentence vectors in")
    parser.add_argument("--only", help="run only the variants whose name contains this")
    parser.add_argument(
        "--by-article", action="store_true", help="also: the shipped variant with each article's sentences in one fold"
    )
    args = parser.parse_args()
    if not (args.data / "final_labels_SG2.csv").is_file():
        print(f"skipped: no BABE data at {args.data}")
        return 0
    rows = load_rows(args.data)
    data = Data(rows, embed([r["text"] for r in rows], args.embeddings))
    print(f"BABE SG2: {len(rows)} sentences, {int(data.y.sum())} Biased; {FOLDS} folds, seed {SEED}\n")
    print("| system | macro-F1 (mean of 5 folds) | per fold | C, threshold per fold (inner CV) |")
    print("|---|---|---|---|")
    print(f"| framing notes as a flag, no training (bench/babe.py) | {UNTRAINED:.3f} | - | - |")
    hand = hand_lexicon_flag(data)
    print(f"| hand lexicon hit as a flag, no training | {np.mean(hand):.3f} | {_folds(hand)} | - |")
    oof = np.zeros(0)
    for name, variant in VARIANTS.items():
        if args.only and args.only not in name and name != SHIPPED:
            continue
        scores, probability, chosen = cross_validate(data, variant)
        picks = "; ".join(f"{c:g}, {t:.2f}" for c, t in chosen)
        print(f"| {name} | {np.mean(scores):.3f} | {_folds(scores)} | {picks} |", flush=True)
        if name == SHIPPED:
            oof, shipped_thresholds = probability, [t for _, t in chosen]
    if args.by_article:
        scores, _, chosen = cross_validate(data, VARIANTS[SHIPPED], by_article=True)
        picks = "; ".join(f"{c:g}, {t:.2f}" for c, t in chosen)
        print(f"| {SHIPPED}, folds by article | {np.mean(scores):.3f} | {_folds(scores)} | {picks} |")
    print(f"| anchor: DA-RoBERTa, fine-tuned (Spinde et al. 2021) | {ANCHOR} | - | - |\n")
    decision = float(np.median(shipped_thresholds))
    print(f"Shipped variant, out-of-fold, by outlet side at its median threshold {decision:.2f}:\n")
    print("\n".join(side_table(data, oof, decision)))
    notes = note_threshold(data.y, oof)
    flagged = oof >= notes
    print(
        f"\nNote threshold (out-of-fold precision >= {NOTE_PRECISION}): {notes:.2f}: flags {flagged.mean():.0%} "
        f"of sentences, precision {data.y[flagged].mean():.2f}, recall {flagged[data.y == 1].mean():.2f}"
    )
    if args.fit:
        payload = fit_shipped(data, oof)
        MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", "utf-8")
        evidence = len(payload["evidence"])
        print(
            f"\nwrote {MODEL_PATH.relative_to(ROOT)}: C {payload['C']}, threshold {payload['threshold']}, note "
            f"threshold {payload['note_threshold']}, lexicon {len(payload['lexicon'])} stems ({evidence} evidence)"
        )
    return 0


def _folds(scores: list[float]) -> str:
    return " ".join(f"{s:.3f}" for s in scores)


if __name__ == "__main__":
    sys.exit(main())
