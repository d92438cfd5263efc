"""Train the line model (``counterpoint.stages.lines``) on the labelled text blocks of L3S-GN1.

    python bench/linemodel.py           # 5-fold figures by page, then fit on all pages and write
                                        # src/counterpoint/data/line_model.json
    python bench/linemodel.py --check   # figures only

Besides the folds' AUC it prints, from the out-of-fold probabilities, the share of the article's characters
kept and of the other text removed at each threshold (how ``clean.BOILERPLATE_MAX_P`` was chosen), and the
same after smoothing the probabilities along the page with a two-state hidden Markov model (forward-backward;
transitions counted on the labels): a check of whether the body's contiguity adds to what the model's window
features already know (on L3S-GN1 it does not: the cleaner does not smooth).

Data recipe: every L3S-GN1 page is rendered from its labelled copy to one line per visible text block
(``bench/cleaning_text.py``); a line of the main text (``x-nc-sel2``) is positive, a line of boilerplate,
related links, supplemental text or comments negative; headlines are left out (the cleaner gives them the
title role). Only L3S-GN1 is used: AEB is the set the cleaning benchmark reports on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cleaning_text import L3S, render_lines  # noqa: E402
from counterpoint.logistic import fitted  # noqa: E402
from counterpoint.stages.lines import FEATURES, line_features  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "counterpoint" / "data" / "line_model.json"
C = 1.0


THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)
Page = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]


def pages() -> list[Page]:
    """(features, is-body, characters) per page, headlines left out."""
    data = []
    for path in sorted((L3S / "GoldStandard").glob("*.txt.gz")):
        lines = render_lines(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        if not lines:
            continue
        x = line_features([text for text, _ in lines])
        labels = np.array([label for _, label in lines])
        keep = labels != "sel1"
        chars = np.array([len(text) for text, _ in lines], dtype=float)
        data.append((x[keep], (labels[keep] == "sel2").astype(int), chars[keep]))
    return data


def smoothed(p: np.ndarray[Any, Any], prior: float, stay_junk: float, stay_body: float) -> np.ndarray[Any, Any]:
    """P(body) of each line given the whole page: forward-backward over (junk, body) with the model's odds."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    likelihood = np.stack([np.ones_like(p), (p / (1 - p)) / (prior / (1 - prior))], axis=1)
    move = np.array([[stay_junk, 1 - stay_junk], [1 - stay_body, stay_body]])
    forward = np.zeros_like(likelihood)
    forward[0] = np.array([1 - prior, prior]) * likelihood[0]
    forward[0] /= forward[0].sum()
    for i in range(1, len(p)):
        forward[i] = (forward[i - 1] @ move) * likelihood[i]
        forward[i] /= forward[i].sum()
    backward = np.ones_like(likelihood)
    for i in range(len(p) - 2, -1, -1):
        backward[i] = move @ (likelihood[i + 1] * backward[i + 1])
        backward[i] /= backward[i].sum()
    posterior = forward * backward
    return np.asarray(posterior[:, 1] / posterior.sum(axis=1))


def kept_and_removed(data: list[Page], probabilities: list[np.ndarray[Any, Any]], threshold: float) -> str:
    body = np.concatenate([chars * y for _, y, chars in data])
    other = np.concatenate([chars * (1 - y) for _, y, chars in data])
    kept = np.concatenate(probabilities) >= threshold
    return f"{body[kept].sum() / body.sum():.3f} | {other[~kept].sum() / other.sum():.3f}"


def fit(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000)).fit(x, y)


def main() -> int:
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not (L3S / "GoldStandard").is_dir():
        print(f"skipped: {L3S} not found")
        return 0
    data = pages()
    print(f"{len(data)} pages, {sum(len(y) for _, y, _ in data)} lines, {sum(int(y.sum()) for _, y, _ in data)} body")
    folds = 5
    out_of_fold: list[np.ndarray[Any, Any]] = [np.zeros(0)] * len(data)
    print("\n| fold | AUC | precision@0.5 | recall@0.5 |\n|---|---|---|---|")
    for fold in range(folds):
        train = [d for i, d in enumerate(data) if i % folds != fold]
        test = [i for i in range(len(data)) if i % folds == fold]
        model = fit(np.concatenate([x for x, _, _ in train]), np.concatenate([y for _, y, _ in train]))
        for i in test:
            out_of_fold[i] = model.predict_proba(data[i][0])[:, 1]
        y_test = np.concatenate([data[i][1] for i in test])
        p = np.concatenate([out_of_fold[i] for i in test])
        predicted = p >= 0.5
        print(
            f"| {fold} | {roc_auc_score(y_test, p):.3f} | {(y_test[predicted] == 1).mean():.3f} | "
            f"{predicted[y_test == 1].mean():.3f} |"
        )
    labels = [y for _, y, _ in data]
    prior = float(np.concatenate(labels).mean())
    stay_junk = 1 - sum(int(((y[:-1] == 0) & (y[1:] == 1)).sum()) for y in labels) / sum(
        int((y[:-1] == 0).sum()) for y in labels
    )
    stay_body = 1 - sum(int(((y[:-1] == 1) & (y[1:] == 0)).sum()) for y in labels) / sum(
        int((y[:-1] == 1).sum()) for y in labels
    )
    smooth = [smoothed(p, prior, stay_junk, stay_body) for p in out_of_fold]
    print("\n| threshold | body kept | other removed | smoothed: body kept | other removed |\n|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        print(
            f"| {threshold} | {kept_and_removed(data, out_of_fold, threshold)} | "
            f"{kept_and_removed(data, smooth, threshold)} |"
        )
    model = fit(np.concatenate([x for x, _, _ in data]), np.concatenate(labels))
    scaler, logistic = model.steps[0][1], model.steps[1][1]
    print("\n| feature | weight (standardised) |\n|---|---|")
    for name, weight in sorted(zip(FEATURES, logistic.coef_[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"| {name} | {weight:+.3f} |")
    if args.check:
        return 0
    payload = {
        "trained_on": "L3S-GN1 (621 pages, labelled text blocks)",
        "C": C,
        "features": list(FEATURES),
        **fitted(scaler, logistic),
    }
    MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", "utf-8")
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
