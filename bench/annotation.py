"""Speed of the annotation stage (spaCy parse, entities, quotes, quantities) in words per second.

Runs on the team's example story and, when present, the seed story, repeated to reach about 20,000 words
(articles made distinct so nothing is deduplicated), after one warm-up run that loads the model.

    python bench/annotation.py [--words 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from counterpoint.model import Article
from counterpoint.nlp import load_nlp, parse_articles
from counterpoint.pipeline import prepare_article
from counterpoint.stages import entities, ingest, quantities, quotes

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "harbour-fire", ROOT.parent / "shared" / "corpus" / "seeds"]


def corpus(target_words: int) -> list[Article]:
    base = ingest.ingest([s for s in SOURCES if s.exists()]).articles
    articles: list[Article] = []
    copy = 0
    while sum(len(a.text.split()) for a in articles) < target_words:
        for article in base:
            clone = ingest.article_from_text(
                article.text + f"\nEdition {copy}.",
                source=article.source,
                outlet=f"{article.outlet} {copy}",
                published=article.published,
            )
            articles.append(prepare_article(clone))
        copy += 1
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args()
    started = time.perf_counter()
    load_nlp()
    load_seconds = time.perf_counter() - started
    articles = corpus(args.words)
    words = sum(len(a.sentence_text(s).split()) for a in articles for s in a.sentences)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    parsed = parse_articles(articles)
    timings["spaCy parse (nlp.pipe)"] = time.perf_counter() - clock
    clock = time.perf_counter()
    gazetteer = entities.load_gazetteer()
    resolution, mentions = entities.annotate_entities(articles, parsed, gazetteer)
    timings["entities (extract + resolve)"] = time.perf_counter() - clock
    clock = time.perf_counter()
    outlets = {a.outlet for a in articles}
    found = []
    for article in articles:
        own = [m for m in mentions if m.article_id == article.article_id]
        found.append(quotes.extract_quotes(article, parsed[article.article_id], own, resolution, outlets))
    timings["quotes"] = time.perf_counter() - clock
    clock = time.perf_counter()
    for article, article_quotes in zip(articles, found, strict=True):
        quantities.extract_quantities(article, parsed[article.article_id], article_quotes)
    timings["quantities"] = time.perf_counter() - clock
    total = sum(timings.values())
    print(f"Annotation speed: {len(articles)} articles, {words:,} words; model load {load_seconds:.1f} s\n")
    print(f"| {'stage':30} | {'seconds':>8} | {'words/s':>9} |")
    print(f"|{'-' * 32}|{'-' * 10}|{'-' * 11}|")
    for name, seconds in [*timings.items(), ("annotation total", total)]:
        print(f"| {name:30} | {seconds:8.2f} | {words / seconds:9,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
