"""Render time of the web app's pages for a story of many outlets, once the story is compared.

    python bench/web_render.py                  # a 40-article story, 20 renders of each page
    python bench/web_render.py --articles 80 --repeat 50

The story is synthetic: each of N outlets writes one article of 12 sentences drawn at random from the
four harbour-fire articles (a title and a dek among them), and one in five gives the death toll a
different figure, so the story has shared claims carried by many outlets, omissions and disputes. It is
ingested into a temporary store, compared once through the app (the first view: spaCy and MiniLM, timed
apart), then every page is fetched in process (FastAPI's TestClient: routing, the store, the view and
the template; no network) and timed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from counterpoint.pipeline import ingest_corpus, prepare_article
from counterpoint.stages.ingest import ingest
from counterpoint.store import open_store
from counterpoint.web import create_app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"
SENTENCES_PER_ARTICLE = 12
DISPUTING_SHARE = 0.2  # outlets that give the toll another figure


def write_story(path: Path, articles: int) -> None:
    """A JSONL file of ``articles`` articles on the harbour fire, one outlet each."""
    found = ingest([EXAMPLES]).articles
    for article in found:
        prepare_article(article)
    pool = sorted({article.sentence_text(s) for article in found for s in article.body()})
    titles = sorted({article.sentence_text(s) for article in found for s in article.sentences if s.role == "title"})
    rng = random.Random(13)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            sentences = rng.sample(pool, SENTENCES_PER_ARTICLE)
            if rng.random() < DISPUTING_SHARE:
                toll = str(rng.choice((15, 16, 18)))
                sentences = [re.sub(r"\b1[24]\b", toll, s) for s in sentences]
            record = {
                "outlet": f"Outlet {number + 1:02d}",
                "title": rng.choice(titles),
                "published": f"2025-03-{12 + number % 3:02d}",
                "text": rng.choice(titles) + "\n" + "\n".join(sentences),
            }
            out.write(json.dumps(record) + "\n")


def timed(client: TestClient, url: str, repeat: int) -> tuple[int, float, float, float]:
    """(bytes, median ms, 90th percentile ms, max ms) of ``repeat`` fetches of ``url``."""
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
        size = len(response.content)
    times.sort()
    return size, statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.9))], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus, db = Path(folder) / "story.jsonl", Path(folder) / "news.db"
        write_story(corpus, args.articles)
        store = open_store(db)
        ingest_corpus([corpus], store)
        story = store.stories()[0]
        store.close()
        print(f"story {story.story_id}: {story.size} articles ({story.originals} originals), ", end="")
        print(f"{len(story.outlets)} outlets")
        with TestClient(create_app(db)) as client:
            started = time.perf_counter()
            client.get(f"/stories/{story.story_id}")
            print(f"first view (comparison, models loaded): {time.perf_counter() - started:.1f} s")
            report = client.get(f"/stories/{story.story_id}.json").json()
            shared = [c for c in report["claims"] if c["status"] != "unique"]
            print(
                f"{len(report['claims'])} claims ({len(shared)} carried by several outlets, "
                f"{sum(c['status'] == 'conflicting' for c in report['claims'])} disputed), "
                f"{len(report['quotes'])} quotes, {len(report['framing'])} framing notes"
            )
            article = report["articles"][0]["id"]
            pages = [
                ("story page", f"/stories/{story.story_id}"),
                ("story twin (report JSON)", f"/stories/{story.story_id}.json"),
                ("article page", f"/articles/{article}"),
                ("article twin", f"/articles/{article}.json"),
                ("story list", "/"),
                ("story list twin", "/stories.json"),
            ]
            print(f"\n{args.repeat} fetches each, in process, once compared:\n")
            print(f"| {'page':<26} | {'KB':>6} | {'median ms':>9} | {'p90 ms':>7} | {'max ms':>7} |")
            print(f"|{'-' * 28}|{'-' * 8}|{'-' * 11}|{'-' * 9}|{'-' * 9}|")
            for name, url in pages:
                size, median, p90, worst = timed(client, url, args.repeat)
                print(f"| {name:<26} | {size / 1024:>6.0f} | {median:>9.1f} | {p90:>7.1f} | {worst:>7.1f} |")


if __name__ == "__main__":
    main()
