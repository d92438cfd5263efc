"""Claim alignment: quality on the gold stories, a threshold sweep, and the time to compare a 20-article story.

    python bench/alignment.py            # scores with the shipped thresholds + timing
    python bench/alignment.py --sweep    # also the grid behind docs/decisions/0006-claim-alignment.md

Gold stories: the seed story (``../shared``, when present) and the team's example story
(``examples/harbour-fire.gold.json``).
"""

from __future__ import annotations

import argparse
import copy
import itertools
import random
import sys
import time
from pathlib import Path
from typing import Any

from counterpoint.embed import CachingEmbedder, load_embedder
from counterpoint.evaluate import evaluate, load_gold
from counterpoint.model import Comparison
from counterpoint.nlp import parse_articles
from counterpoint.pipeline import CompareOptions, compare, compare_articles
from counterpoint.report.json_report import report_dict
from counterpoint.stages import align, conflicts, ingest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = [
    ("seeds", SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.gold.json"),
    ("harbour-fire", ROOT / "examples" / "harbour-fire", ROOT / "examples" / "harbour-fire.gold.json"),
]
METRICS = ("alignment.facts_found", "alignment.link_precision", "alignment.unique_apart")


def realign(base: Comparison, parsed: dict[str, Any], embedder: CachingEmbedder) -> Comparison:
    comparison = copy.deepcopy(base)
    comparison.claims = []
    align.align(comparison, parsed, embedder)
    conflicts.find_conflicts(comparison)
    align.add_unique_claims(comparison)
    return comparison


def scores(comparison: Comparison, gold: dict[str, Any]) -> dict[str, Any]:
    result = evaluate(report_dict(comparison), gold)
    return {m: result[m] for m in METRICS}


def ecb_story(count: int = 20) -> list[Any]:
    """``count`` distinct real articles on one event: the largest ECB+ subtopic (news on one incident)."""
    import gzip
    import json

    path = SHARED / "bench" / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz"
    if not path.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    biggest = max({d["subtopic"] for d in docs}, key=lambda s: sum(d["subtopic"] == s for d in docs))
    chosen = [d for d in docs if d["subtopic"] == biggest][:count]
    return [
        ingest.article_from_text(f"{d['title']}\n{d['text']}", source=d["doc_id"], outlet=d["doc_id"]) for d in chosen
    ]


def fnc1_story(count: int = 20) -> list[Any]:
    """``count`` real articles on one story: the FNC-1 test bodies related to its most-covered headline."""
    import csv
    from collections import defaultdict

    root = SHARED / "bench" / "fnc1"
    if not (root / "competition_test_stances.csv").is_file():
        return []
    with (root / "competition_test_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    related: dict[str, set[str]] = defaultdict(set)
    with (root / "competition_test_stances.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated":
                related[row["Headline"]].add(row["Body ID"])
    headline = max(sorted(related), key=lambda h: len(related[h]))
    chosen = sorted(related[headline], key=int)[:count]
    return [ingest.article_from_text(bodies[b], source=f"fnc1-{b}", outlet=f"body {b}") for b in chosen]


def basil_articles(count: int = 20) -> list[Any]:
    """``count`` distinct full-length articles: BASIL events (the same event by three outlets), in file order.

    Several events rather than one, so the figure is the cost of the volume, not of one easy story."""
    import ast
    import json

    root = SHARED / "bench" / "basil" / "articles"
    if not root.is_dir():
        return []
    articles = []
    for path in sorted(root.glob("*/*.json"))[:count]:
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = record["body-paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        body = "\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paragraphs)
        articles.append(
            ingest.article_from_text(
                f"{record['title']}\n{body}", source=path.name, outlet=f"{record['source']} {path.stem}"
            )
        )
    return articles


TIMING_RUNS = 3


def timed(articles: list[Any], label: str) -> None:
    """Median (and range) of TIMING_RUNS comparisons of fresh copies of ``articles``."""
    words = sum(len(a.text.split()) for a in articles)
    runs = []
    for _ in range(TIMING_RUNS):
        fresh = copy.deepcopy(articles)
        started = time.perf_counter()
        compared = compare_articles(fresh, CompareOptions(embedder=load_embedder()))
        runs.append(time.perf_counter() - started)
    runs.sort()
    shared = sum(c.status != "unique" for c in compared.claims)
    spread = f"{runs[len(runs) // 2]:.2f} ({runs[0]:.2f}-{runs[-1]:.2f})"
    print(f"| {label} | {len(articles)} | {words:,} | {spread} | {shared} |")


def twenty_articles() -> list[Any]:
    """20 distinct articles on one story: the seed story's articles (else the example story's) with lines
    dropped and reordered, so each is a different edit of full-length reporting."""
    seeds = SHARED / "corpus" / "seeds"
    base = ingest.ingest([seeds if seeds.is_dir() else ROOT / "examples" / "harbour-fire"]).articles
    rng = random.Random(7)
    articles = []
    for number in range(20):
        source = base[number % len(base)]
        lines = source.text.split("\n")
        kept = [line for line in lines if rng.random() > 0.2] or lines
        head, body = kept[:2], kept[2:]
        rng.shuffle(body)
        text = "\n".join(head + body + [f"Reporting for edition {number}."])
        articles.append(
            ingest.article_from_text(
                text, source=f"copy{number}", outlet=f"Outlet {number}", published=source.published
            )
        )
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    embedder = CachingEmbedder(load_embedder())
    prepared = []
    for name, path, gold_path in STORIES:
        if not path.exists():
            print(f"skipped {name}: {path} not found")
            continue
        comparison = compare([path], CompareOptions(embedder=embedder))
        prepared.append((name, comparison, parse_articles(comparison.articles), load_gold(gold_path)))
    print("| story | facts found | link precision | unique kept apart |")
    print("|---|---|---|---|")
    for name, comparison, _, gold in prepared:
        s = scores(comparison, gold)
        print(f"| {name} | {s[METRICS[0]]} | {s[METRICS[1]]} | {s[METRICS[2]]} |")
    if args.sweep:
        print("\n| overlap weight | link min | strong link | " + " | ".join(n for n, *_ in prepared) + " |")
        print("|---|---|---|" + "---|" * len(prepared))
        defaults = (align.OVERLAP_WEIGHT, align.LINK_MIN, align.STRONG_LINK)
        for weight, link_min, strong in itertools.product((0.5, 0.8, 1.0), (0.66, 0.7, 0.74, 0.78, 0.84), (1.1,)):
            align.OVERLAP_WEIGHT, align.LINK_MIN, align.STRONG_LINK = weight, link_min, strong
            cells = []
            for _, comparison, parsed, gold in prepared:
                s = scores(realign(comparison, parsed, embedder), gold)
                cells.append(f"{s[METRICS[0]].found}/{s[METRICS[0]].total} @ {s[METRICS[1]].score:.2f}")
            print(f"| {weight} | {link_min} | {strong} | " + " | ".join(cells) + " |")
        align.OVERLAP_WEIGHT, align.LINK_MIN, align.STRONG_LINK = defaults
    print("\nTime to compare one story, models already loaded (2 cores):\n")
    print("| story | articles | words | seconds: median (range of 3) | shared claims |")
    print("|---|---|---|---|---|")
    ecb = ecb_story()
    if ecb:
        timed(ecb, "ECB+ largest subtopic (distinct articles)")
    fnc1 = fnc1_story()
    if fnc1:
        timed(fnc1, "FNC-1: bodies related to one headline (distinct articles)")
    basil = basil_articles()
    if basil:
        timed(basil, "BASIL full-length articles (7 events x 3 outlets)")
    timed(twenty_articles(), "edits of the seed story (wire-copy-like: repeated lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
