"""Train the line model (``counterpoint.stages.lines``) on the labelled text blocks of L3S-GN1.

    python bench/linemodel.py           # 5-fold figures by page, then fit on all pages and write
                                        # src/counterpoint/data/line_model.json
    python bench/linemodel.py --check   # figures only

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


def pages() -> list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    data = []
    for path in sorted((L3S / "GoldStandard").glob("*.txt.gz")):
        lines = render_lines(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        if not lines:
            continue
        x = line_features([text for text, _ in lines])
        labels = np.array([label for _, label in lines])
        keep = labels != "sel1"
        data.append((x[keep], (labels[keep] == "sel2").astype(int)))
    return data


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
    print(f"{len(data)} pages, {sum(len(y) for _, y in data)} lines, {sum(int(y.sum()) for _, y in data)} body")
    folds = 5
    print("\n| fold | AUC | precision@0.5 | recall@0.5 |\n|---|---|---|---|")
    for fold in range(folds):
        train = [d for i, d in enumerate(data) if i % folds != fold]
        test = [d for i, d in enumerate(data) if i % folds == fold]
        model = fit(np.concatenate([x for x, _ in train]), np.concatenate([y for _, y in train]))
        x_test, y_test = np.concatenate([x for x, _ in test]), np.concatenate([y for _, y in test])
        p = model.predict_proba(x_test)[:, 1]
        predicted = p >= 0.5
        print(
            f"| {fold} | {roc_auc_score(y_test, p):.3f} | {(y_test[predicted] == 1).mean():.3f} | "
            f"{predicted[y_test == 1].mean():.3f} |"
        )
    model = fit(np.concatenate([x for x, _ in data]), np.concatenate([y for _, y in data]))
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
