"""Train the link model (the pair judge of ``counterpoint.linking``) on the dev stories' gold.

    python bench/linkmodel.py              # leave-one-story-out figures, then fit on all dev stories and
                                           # write src/counterpoint/data/link_model.json
    python bench/linkmodel.py --check      # figures only, nothing written

Data recipe. Every dev story with gold (``bench/stories.py``: split ``dev``; the seed story and the
team's harbour-fire example) is annotated as ``compare`` would; its claim units become candidate pairs
(``linking.candidate_pairs``). A unit *states* a gold fact when it covers at least half of one of that
fact's fragments in its article and the fragment covers half of the unit (a unit and a fragment that
mostly coincide: a long sentence stating five facts teaches nothing about one of them); it *is unique* likewise for the
gold's unique fragments. A pair is positive when both units state one same fact, negative when both state
something (a fact or a unique fact) and no fact in common; other pairs are not labelled. Test stories are
never read here.

Model. Logistic regression on standardised features (scikit-learn, only here: the package ships the
weights as JSON and scores with numpy). Regularisation is picked by leave-one-story-out log-loss.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.evaluate import _map_articles, load_gold, resolve_offsets
from counterpoint.linking import FEATURES, Candidates, candidate_pairs, idf_of
from counterpoint.logistic import fitted
from counterpoint.pipeline import CompareOptions, annotate
from counterpoint.stages.ingest import ingest
from counterpoint.stages.units import Unit, UnitContext, claim_units

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = ROOT / "out" / "cache"
MODEL_PATH = ROOT / "src" / "counterpoint" / "data" / "link_model.json"
MODEL_VERSION = "1"
# A unit states a fragment when the two overlap by at least this share of the longer one.
COVER = 0.5
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass
class StoryPairs:
    name: str
    units: list[Unit]
    candidates: Candidates
    labels: np.ndarray[Any, Any]  # 1, 0, or -1 (not labelled)


def dev_stories() -> list[tuple[str, list[Any], dict[str, Any]]]:
    """(name, articles, gold) of every dev story whose texts and gold are here."""
    found = []
    if (SHARED / "gold" / "seeds.gold.json").is_file():
        found.append(
            ("seeds", ingest([SHARED / "corpus" / "seeds"]).articles, load_gold(SHARED / "gold" / "seeds.gold.json"))
        )
    found.append(
        (
            "harbour-fire",
            ingest([ROOT / "examples" / "harbour-fire"]).articles,
            load_gold(ROOT / "examples" / "harbour-fire.gold.json"),
        )
    )
    if stories.available():
        for spec in stories.STORIES.values():
            path = stories.gold_path(spec.name)
            if spec.split == "dev" and path.is_file():
                found.append((spec.name, stories.articles(spec.name), load_gold(path)))
    return found


def annotated(name: str, articles: list[Any], fresh: bool) -> Any:
    path = CACHE / f"{name}.pickle"
    if path.is_file() and not fresh:
        return pickle.loads(path.read_bytes())
    result = annotate(articles, CompareOptions())
    CACHE.mkdir(parents=True, exist_ok=True)
    keep = (result.comparison, result.parsed)
    path.write_bytes(pickle.dumps(keep))
    return keep


def _spans(text: str, fragments: list[str]) -> list[tuple[int, int]]:
    out = []
    for fragment in fragments:
        start = text.find(fragment)
        if start >= 0:
            out.append((start, start + len(fragment)))
    return out


def _covers(unit: Unit, span: tuple[int, int]) -> bool:
    inside = min(unit.end, span[1]) - max(unit.start, span[0])
    return inside > 0 and inside >= COVER * max(unit.end - unit.start, span[1] - span[0])


def unit_labels(units: list[Unit], comparison: Any, gold: dict[str, Any]) -> list[tuple[set[str], bool]]:
    """For each unit: the gold facts it states, and whether it states a unique fact."""
    report = {
        "articles": [
            {"id": a.article_id, "source": a.source, "outlet": a.outlet, "text": a.text} for a in comparison.articles
        ]
    }
    mapped = _map_articles(report, gold)
    gold = resolve_offsets(gold, mapped)
    key_of = {article["id"]: key for key, article in mapped.items()}
    text_of = {a.article_id: a.text for a in comparison.articles}
    labels = []
    for unit in units:
        key = key_of.get(unit.article_id)
        text = text_of[unit.article_id]
        facts = {
            fact["id"]
            for fact in gold.get("shared_facts", [])
            if key in fact["support"] and any(_covers(unit, s) for s in _spans(text, fact["support"][key]))
        }
        unique = key is not None and any(_covers(unit, s) for s in _spans(text, gold.get("unique", {}).get(key, [])))
        labels.append((facts, unique))
    return labels


def story_pairs(name: str, articles: list[Any], gold: dict[str, Any], fresh: bool = False) -> StoryPairs:
    from counterpoint.embed import CachingEmbedder, load_embedder

    comparison, parsed = annotated(name, articles, fresh)
    context = UnitContext.of(comparison)
    units = [u for a in comparison.articles for u in claim_units(a, parsed.get(a.article_id, []), context)]
    embedder = CachingEmbedder(load_embedder())
    texts = [u.text for u in units]
    vectors = embedder.encode(texts)
    candidates = candidate_pairs(units, vectors, idf_of(units), context.statements, embedder.tokens(texts))
    per_unit = unit_labels(units, comparison, gold)
    labels = np.full(len(candidates.a), -1, dtype=np.int8)
    for k, (a, b) in enumerate(zip(candidates.a, candidates.b, strict=True)):
        (facts_a, unique_a), (facts_b, unique_b) = per_unit[a], per_unit[b]
        if facts_a & facts_b:
            labels[k] = 1
        elif (facts_a or unique_a) and (facts_b or unique_b):
            labels[k] = 0
    return StoryPairs(name, units, candidates, labels)


def fit(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], c: float, weight: np.ndarray[Any, Any]) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))
    return model.fit(x, y, logisticregression__sample_weight=weight)


def weights(stories: list[StoryPairs]) -> np.ndarray[Any, Any]:
    """Every story weighs the same in training, however many pairs it has: a two-outlet story teaches as
    much about two-outlet stories as a fifteen-outlet one about its kind."""
    sizes = [int((s.labels >= 0).sum()) for s in stories]
    mean = float(np.mean(sizes))
    return np.concatenate([np.full(n, mean / max(n, 1)) for n in sizes])


def labelled(story: StoryPairs) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    keep = story.labels >= 0
    return story.candidates.features[keep], story.labels[keep]


def leave_one_out(data: list[StoryPairs], c: float) -> dict[str, dict[str, float]]:
    from sklearn.metrics import log_loss, roc_auc_score

    figures = {}
    for held in data:
        others = [s for s in data if s is not held]
        train = [labelled(s) for s in others]
        x = np.concatenate([t[0] for t in train])
        y = np.concatenate([t[1] for t in train])
        xt, yt = labelled(held)
        if len(set(yt)) < 2:
            continue
        p = fit(x, y, c, np.ones(len(y))).predict_proba(xt)[:, 1]
        predicted = p >= 0.5
        figures[held.name] = {
            "pairs": float(len(yt)),
            "positives": float(yt.sum()),
            "auc": float(roc_auc_score(yt, p)),
            "log_loss": float(log_loss(yt, p, labels=[0, 1])),
            "precision@0.5": float((yt[predicted] == 1).mean()) if predicted.any() else 0.0,
            "recall@0.5": float(predicted[yt == 1].mean()),
        }
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--fresh", action="store_true", help="re-annotate the stories instead of using out/cache")
    args = parser.parse_args()
    started = time.perf_counter()
    data = [story_pairs(name, articles, gold, args.fresh) for name, articles, gold in dev_stories()]
    print(f"{len(data)} dev stories annotated in {time.perf_counter() - started:.0f} s\n")
    print("| story | units | candidate pairs | labelled | positive |")
    print("|---|---|---|---|---|")
    for story in data:
        print(
            f"| {story.name} | {len(story.units)} | {len(story.labels)} | {(story.labels >= 0).sum()} | "
            f"{(story.labels == 1).sum()} |"
        )
    best_c, best_loss = C_GRID[0], float("inf")
    print("\nLeave one story out (trained on the others):\n")
    print("| C | story | AUC | log-loss | precision@0.5 | recall@0.5 |")
    print("|---|---|---|---|---|---|")
    for c in C_GRID:
        figures = leave_one_out(data, c)
        for name, f in figures.items():
            print(
                f"| {c} | {name} | {f['auc']:.3f} | {f['log_loss']:.3f} | "
                f"{f['precision@0.5']:.3f} | {f['recall@0.5']:.3f} |"
            )
        loss = float(np.mean([f["log_loss"] for f in figures.values()])) if figures else float("inf")
        if loss < best_loss:
            best_c, best_loss = c, loss
    print(f"\nchosen C = {best_c} (mean held-out log-loss {best_loss:.3f})")
    x = np.concatenate([labelled(s)[0] for s in data])
    y = np.concatenate([labelled(s)[1] for s in data])
    model = fit(x, y, best_c, np.ones(len(y)))
    scaler, logistic = model.steps[0][1], model.steps[1][1]
    print("\n| feature | weight (standardised) |")
    print("|---|---|")
    for name, weight in sorted(zip(FEATURES, logistic.coef_[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"| {name} | {weight:+.3f} |")
    if args.check:
        return 0
    payload = {
        "version": MODEL_VERSION,
        "trained_on": [s.name for s in data],
        "pairs": int(len(y)),
        "positives": int(y.sum()),
        "C": best_c,
        "features": list(FEATURES),
        **fitted(scaler, logistic),
    }
    MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", "utf-8")
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
