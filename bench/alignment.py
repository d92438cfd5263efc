"""Claim alignment: quality on the gold stories, a threshold sweep on the dev split, and speed and size.

    python bench/alignment.py            # scores of every gold story, then the timing tables
    python bench/alignment.py --sweep    # also the grid behind docs/decisions/0010-link-model.md (dev only)
    python bench/alignment.py --quality  # scores only

Gold stories: the seed story and the harbour-fire example (dev), and the real multi-outlet stories of
``bench/stories.py`` (gold in ``bench/gold/``; dev and test splits). Thresholds are tuned on dev stories
only; test figures are measured, never tuned on.
"""

from __future__ import annotations

import argparse
import copy
import csv
import itertools
import json
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from counterpoint.embed import CachingEmbedder, load_embedder
from counterpoint.evaluate import Score, evaluate, load_gold
from counterpoint.pipeline import (
    ANNOTATE,
    PREPARED,
    STORY,
    CompareOptions,
    annotate,
    compare_annotated,
    compare_articles,
)
from counterpoint.report.json_report import report_dict
from counterpoint.stages import align, ingest
from counterpoint.steps import Work, run_steps

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
METRICS = (
    "alignment.facts_found",
    "alignment.fact_outlets",
    "alignment.link_precision",
    "alignment.unique_apart",
    "conflicts.hard_found",
    "conflicts.precision",
    "conflicts.soft_told_apart",
)


def gold_stories() -> list[tuple[str, str, list[Any], dict[str, Any]]]:
    """(name, split, articles, gold) of every gold story whose texts are here."""
    found = []
    if (SHARED / "gold" / "seeds.gold.json").is_file():
        seeds = ingest.ingest([SHARED / "corpus" / "seeds"]).articles
        found.append(("seeds", "dev", seeds, load_gold(SHARED / "gold" / "seeds.gold.json")))
    harbour = ingest.ingest([ROOT / "examples" / "harbour-fire"]).articles
    found.append(("harbour-fire", "dev", harbour, load_gold(ROOT / "examples" / "harbour-fire.gold.json")))
    if stories.available():
        for spec in stories.STORIES.values():
            found.append((spec.name, spec.split, stories.articles(spec.name), load_gold(stories.gold_path(spec.name))))
    else:
        print(f"skipped the real stories: {stories.BENCH} not found")
    return found


def _cell(score: Score | None) -> str:
    return "-" if score is None or not score.total else f"{score.found}/{score.total} ({score.score:.2f})"


def quality(sweep: bool) -> None:
    # float32 on every machine, as the evaluation gate: bfloat16 moves a few borderline links
    embedder = CachingEmbedder(load_embedder("float32"))
    prepared = []
    print(
        "| story | split | articles | facts found | outlets per fact | link precision | unique apart | "
        "hard conflicts | conflict precision | soft told apart |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for name, split, articles, gold in gold_stories():
        annotated = annotate(articles, CompareOptions(embedder=embedder))
        prepared.append((name, split, copy.deepcopy(annotated.comparison), annotated.parsed, gold))
        scores = evaluate(report_dict(compare_annotated(annotated)), gold)
        cells = [_cell(scores.get(m)) for m in METRICS]
        print(f"| {name} | {split} | {len(articles)} | " + " | ".join(cells) + " |")
        if name not in ("seeds", "harbour-fire"):
            for metric in METRICS:
                if metric in scores:
                    totals[split][metric][0] += scores[metric].found
                    totals[split][metric][1] += scores[metric].total
    for split, table in sorted(totals.items()):
        cells = [_cell(Score(*table[m])) if m in table else "-" for m in METRICS]
        print(f"| **all real {split} stories** | {split} | | " + " | ".join(cells) + " |")
    if sweep:
        _sweep([p for p in prepared if p[1] == "dev"], embedder)


def _sweep(prepared: list[tuple[str, str, Any, Any, dict[str, Any]]], embedder: CachingEmbedder) -> None:
    """Scores of the dev stories of five articles or more over a grid of the grouping thresholds."""
    scored = []
    for name, _, comparison, parsed, gold in prepared:
        if len(comparison.articles) > align.FEW_ARTICLES:
            result = align.score_units(comparison, parsed, embedder)
            scored.append((name, comparison, result, gold))
    print("\n| linked | merge min | facts found | outlets per fact | link precision | unique apart |")
    print("|---|---|---|---|---|---|")
    # the per-story steps that group the scored units, run again for each setting
    grouping = [s for s in STORY if s.name in ("claims", "conflicts", "unique claims")]
    annotated = PREPARED | {added for s in (*ANNOTATE, *STORY[:1]) for added in s.adds}
    defaults = (align.LINKED, align.MERGE_MIN)
    for linked, merge in itertools.product((0.3, 0.4, 0.5, 0.6), (0.4, 0.5, 0.6)):
        align.LINKED, align.MERGE_MIN = linked, merge
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for _, comparison, result, gold in scored:
            work = Work(copy.copy(comparison), CompareOptions(), set(annotated), scored=result)
            run_steps(grouping, work)
            scores = evaluate(report_dict(work.comparison), gold)
            for metric in METRICS[:4]:
                table[metric][0] += scores[metric].found
                table[metric][1] += scores[metric].total
        cells = [f"{Score(*table[m]).score:.3f}" for m in METRICS[:4]]
        print(f"| {linked} | {merge} | " + " | ".join(cells) + " |")
    align.LINKED, align.MERGE_MIN = defaults


# --- speed and size --------------------------------------------------------------------------------------

TIMING_RUNS = 3


def timed(articles: list[Any], label: str) -> None:
    """Median (and range) of TIMING_RUNS comparisons of fresh copies of ``articles``, models loaded."""
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


def fnc1_bodies(count: int) -> list[Any]:
    """``count`` real articles on one story: FNC-1 test bodies related to the headlines of its most-covered
    story (bodies shared between headlines join their stories)."""
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
    # stories: headlines joined through the bodies they share
    story_of: dict[str, str] = {}
    for headline in sorted(related):
        joined = {story_of[b] for b in related[headline] if b in story_of} or {headline}
        root_story = min(joined)
        for body_id, story in list(story_of.items()):
            if story in joined:
                story_of[body_id] = root_story
        for body_id in related[headline]:
            story_of[body_id] = root_story
    by_story: dict[str, list[str]] = defaultdict(list)
    for body_id, story in story_of.items():
        by_story[story].append(body_id)
    biggest = max(by_story.values(), key=len)
    chosen = sorted(biggest, key=int)[:count]
    return [ingest.article_from_text(bodies[b], source=f"fnc1-{b}", outlet=f"body {b}") for b in chosen]


def ecb_story(count: int = 20) -> list[Any]:
    """``count`` distinct real articles on one event: the largest ECB+ subtopic."""
    import gzip

    path = SHARED / "bench" / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz"
    if not path.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    biggest = max({d["subtopic"] for d in docs}, key=lambda s: sum(d["subtopic"] == s for d in docs))
    chosen = [d for d in docs if d["subtopic"] == biggest][:count]
    return [
        ingest.article_from_text(f"{d['title']}\n\n{d['text']}\n", source=d["doc_id"], outlet=d["doc_id"])
        for d in chosen
    ]


def seed_edits() -> list[Any]:
    """20 edits of the seed story (else the example story): lines dropped and reordered, as in wire copies."""
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
        edition = ingest.article_from_text(text, source=f"copy{number}", outlet=f"Outlet {number}")
        edition.published = source.published
        articles.append(edition)
    return articles


def size_cases() -> None:
    """A 1.5-million-character text beside a short article, and 100 records holding 2 distinct texts."""
    root = SHARED / "bench" / "fnc1"
    if not (root / "competition_test_bodies.csv").is_file():
        return
    bodies = []
    for name in ("competition_test_bodies.csv", "train_bodies.csv"):
        with (root / name).open(encoding="utf-8") as handle:
            bodies += [row["articleBody"] for row in csv.DictReader(handle)]
    parts, length = [], 0
    for body in bodies:
        parts.append(body)
        length += len(body) + 2
        if length >= 1_550_000:
            break
    long_text = "A page of many stories\n\n" + "\n\n".join(parts)
    cases = [
        (
            f"one text of {len(long_text):,} characters and one article",
            [
                ingest.article_from_text(long_text, source="long.txt", outlet="Long"),
                ingest.article_from_text(bodies[0], source="short.txt", outlet="Short"),
            ],
        ),
        (
            "100 records holding 2 distinct texts (syndicated copies)",
            [ingest.article_from_text(bodies[10 + i % 2], source=f"r{i}", outlet=f"Outlet {i}") for i in range(100)],
        ),
    ]
    print("\n| input | seconds | peak memory (MB, whole process) | JSON report (MB) | claims | links |")
    print("|---|---|---|---|---|---|")
    for label, articles in cases:
        started = time.perf_counter()
        compared = compare_articles(articles, CompareOptions(embedder=load_embedder()))
        seconds = time.perf_counter() - started
        report = json.dumps(report_dict(compared))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        links = sum(len(c.links) for c in compared.claims)
        print(f"| {label} | {seconds:.1f} | {peak} | {len(report) / 1e6:.1f} | {len(compared.claims)} | {links} |")


def speed() -> None:
    print("\nTime to compare one story, models already loaded (2 cores):\n")
    print("| story | articles | words | seconds: median (range of 3) | shared claims |")
    print("|---|---|---|---|---|")
    for count in (10, 20, 40):
        articles = fnc1_bodies(count)
        if articles:
            timed(articles, f"FNC-1: bodies of the most-covered story ({count})")
    ecb = ecb_story()
    if ecb:
        timed(ecb, "ECB+: largest subtopic (distinct reports of one incident)")
    timed(seed_edits(), "edits of the seed story (wire-copy-like: repeated lines)")
    size_cases()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also sweep the grouping thresholds on dev stories")
    parser.add_argument("--quality", action="store_true", help="scores only, no timing")
    args = parser.parse_args()
    quality(args.sweep)
    if not args.quality:
        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
