"""Stories: grouping articles into stories as `counterpoint ingest` does, on ECB+ and BASIL.

    python bench/story_clustering.py            # B3 precision, recall, F1 and time per set
    python bench/story_clustering.py --sweep    # also the threshold grid on the tuning topics
    python bench/story_clustering.py --roundups # roundups: sections placed, single stories left whole
    python bench/story_clustering.py --distractors  # single stories of other topics, and single reports of an
                                                    # incident of the same kind: how many stay alone

ECB+ holds 982 reports of 86 incidents in 43 topics: two incidents of the same kind per topic (two
earthquakes, two shootings), which must be kept apart. The threshold is tuned on topics 1-35 and reported
on topics 36-45 (the standard test topics). BASIL (100 events told by three outlets, 2010-2019, with their
dates and without) and NewsWCL50 (10 events told by five outlets) are smoke tests, never tuned on.
Anchor (../shared/bench/README.md): TF-IDF + average-link at 0.8, B3-F1 0.870 (test topics 0.870).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from counterpoint import corpus
from counterpoint.pipeline import prepare_article
from counterpoint.stages.ingest import article_from_text
from counterpoint.store import open_store

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (item -> cluster) against gold (item -> class)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        clusters[cluster].add(item)
    for item, label in gold.items():
        classes[label].add(item)
    precision = recall = 0.0
    for item in gold:
        same_cluster = clusters[predicted[item]]
        same_class = classes[gold[item]]
        both = len(same_cluster & same_class)
        precision += both / len(same_cluster)
        recall += both / len(same_class)
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def ecb_docs(topics: set[int]) -> list[tuple[str, str, str]]:
    """(doc id, text, subtopic) of the ECB+ documents of ``topics``."""
    with gzip.open(BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    return [(d["doc_id"], f"{d['title']}\n\n{d['text']}\n", d["subtopic"]) for d in docs if int(d["topic"]) in topics]


def cluster(docs: list[tuple[str, str, str]], dates: dict[str, dt.date] | None = None) -> tuple[dict[str, str], float]:
    """Story of each document after ingesting them all into a fresh store (in date order, with their dates when
    ``dates`` gives them), and the seconds it took."""
    dates = dates or {}
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        started = time.perf_counter()
        articles = []
        for doc_id, text, _ in sorted(docs, key=lambda d: dates.get(d[0], dt.date.min)):
            article = article_from_text(text, source=doc_id, outlet=doc_id)
            article.published = dates.get(doc_id)
            articles.append(prepare_article(article))
        corpus.Corpus(store).add(articles)
        seconds = time.perf_counter() - started
        predicted = {}
        for story in store.stories():
            for article, _ in store.story_articles(story.story_id):
                predicted[article.source] = story.story_id
        store.close()
    return predicted, seconds


def roundup_text(number: int, docs: list[tuple[str, str, str]]) -> tuple[str, list[str]]:
    """A briefing of three reports of different topics, each under a short heading, and their incidents."""
    rng = random.Random(number)
    by_topic: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for doc in docs:
        by_topic[doc[0].split("_")[0]].append(doc)
    topics = rng.sample(sorted(by_topic), 3)
    parts, labels = [f"Morning briefing number {number}", ""], []
    for topic in topics:
        doc_id, text, label = rng.choice(by_topic[topic])
        title, _, body = text.partition("\n\n")
        heading = " ".join(title.split()[:5]).rstrip(".,:;")
        parts += [heading, body.strip(), ""]
        labels.append(label)
    return "\n".join(parts), labels


def roundups(docs: list[tuple[str, str, str]], name: str, count: int = 40) -> None:
    """Ingest ``docs`` with ``count`` roundups made of them; how their sections are placed, and how many
    single-story documents are split by mistake."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        briefings = [roundup_text(n, docs) for n in range(count)]
        articles = [prepare_article(article_from_text(text, source=doc_id, outlet=doc_id)) for doc_id, text, _ in docs]
        articles += [
            prepare_article(article_from_text(text, source=f"roundup-{n}", outlet=f"briefing-{n}"))
            for n, (text, _) in enumerate(briefings)
        ]
        stats = corpus.Corpus(store).add(articles)
        gold = {doc_id: label for doc_id, _, label in docs}
        members: dict[str, list[str]] = defaultdict(list)  # story -> gold incidents of its documents
        placed: dict[str, list[str]] = defaultdict(list)  # roundup -> stories of its sections
        for story in store.stories():
            for article, _ in store.story_articles(story.story_id):
                if article.source in gold:
                    members[story.story_id].append(gold[article.source])
                else:
                    placed[article.source].append(story.story_id)
        store.close()
    split = sum(1 for source in placed if len(placed[source]) > 1)
    right = 0
    for n, (_, labels) in enumerate(briefings):
        majority = {Counter(members[s]).most_common(1)[0][0] for s in placed[f"roundup-{n}"] if members[s]}
        right += len(set(labels) & majority)
    false_splits = stats.roundups - split
    print(
        f"| {name} | {len(docs)} | {count} | {split} | {right / (3 * count):.3f} | {false_splits} |",
        flush=True,
    )


def fnc1_false_splits(docs: list[tuple[str, str, str]], limit: int = 1683) -> None:
    """How many FNC-1 training bodies (single-story articles, many with subheads) would be split: the
    corpus's term frequencies come from ``docs``."""
    import csv

    csv.field_size_limit(10**8)
    path = BENCH / "fnc1" / "train_bodies.csv"
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as handle:
        bodies = [row["articleBody"] for row, _ in zip(csv.DictReader(handle), range(limit), strict=False)]
    with tempfile.TemporaryDirectory() as folder:
        state = corpus.Corpus(open_store(Path(folder) / "bench.db"))
        state.add([prepare_article(article_from_text(text, source=d, outlet=d)) for d, text, _ in docs])
        sectioned = split = 0
        for number, body in enumerate(bodies):
            article = prepare_article(article_from_text(body, source=f"fnc-{number}", outlet="fnc"))
            sections = corpus.sections_of(article)
            sectioned += bool(sections)
            state._number(t for section in sections for t in section.terms)  # terms the corpus has not seen
            state._update_idf()
            split += bool(state._roundup(sections))
    print(
        f"| FNC-1 train bodies (single stories) | {len(bodies)} | - | {split} of {sectioned} with sections | - "
        f"| {split} |"
    )


def basil_docs() -> tuple[list[tuple[str, str, str]], dict[str, dt.date]]:
    """(doc id, text, event) of BASIL's 300 articles (100 events told by three outlets), and their dates."""
    docs, dates = [], {}
    for path in sorted((BENCH / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        body = "\n".join(" ".join(paragraph) for paragraph in doc["body-paragraphs"])
        docs.append((f"basil-{path.stem}", f"{doc['title']}\n\n{body}\n", doc["triplet-uuid"]))
        dates[f"basil-{path.stem}"] = dt.date.fromisoformat(doc["date"])
    return docs, dates


def newswcl50_docs() -> list[tuple[str, str, str]]:
    """(doc id, text, event) of NewsWCL50's 50 articles (10 events told by five outlets)."""
    data = BENCH / "newswcl50"
    if not (data / "NewsWCL50.conll").is_file():
        return []
    import newswcl50

    return [
        (f"{event}-{doc.outlet}", doc.text, event)
        for event, documents in newswcl50.load(data).items()
        for doc in documents
    ]


def basil_singles() -> list[tuple[str, str, str]]:
    """One article of each BASIL event (US political news, 2010-2019): each a story of its own."""
    singles = []
    for path in sorted((BENCH / "basil" / "articles").glob("*/*_1.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        body = "\n".join(" ".join(paragraph) for paragraph in doc["body-paragraphs"])
        singles.append((f"basil-{path.stem}", f"{doc['title']}\n\n{body}\n", f"basil-{path.stem}"))
    return singles


def distractors(docs: list[tuple[str, str, str]]) -> None:
    """``docs`` ingested with BASIL's single stories: how many of those join another story, and the B3 of
    ``docs`` among them."""
    singles = basil_singles()
    if not singles:
        print(f"skipped: {BENCH / 'basil'} not found")
        return
    predicted, _ = cluster(docs + singles)
    size = Counter(predicted.values())
    joined = sum(1 for doc_id, _, _ in singles if size[predicted[doc_id]] > 1)
    own = {doc_id: predicted[doc_id] for doc_id, _, _ in docs}
    precision, recall, f1 = b_cubed(own, {doc_id: label for doc_id, _, label in docs})
    print("| set | single stories | joined another story | ECB+ B3 P | R | F1 |")
    print("|---|---|---|---|---|---|")
    name = "ECB+ topics 1-35 (tune) + BASIL"
    print(f"| {name} | {len(singles)} | {joined} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")


def same_kind_singles(docs: list[tuple[str, str, str]], seed: int = 1) -> None:
    """Distractors of the same kind: each topic's one incident whole beside one report of its other incident (and,
    in a second run, the other way round): how many of those single reports join the other incident's story."""
    by_incident: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for doc in docs:
        by_incident[doc[2]].append(doc)
    pairs = defaultdict(list)
    for incident in sorted(by_incident):
        pairs[incident.split("ecb")[0]].append(incident)
    rng = random.Random(seed)
    joined = total = 0
    for side in (0, 1):
        run, singles = [], []
        for first, second in (p for p in pairs.values() if len(p) == 2):
            whole, other = (first, second) if side == 0 else (second, first)
            single = rng.choice(by_incident[other])
            run += by_incident[whole] + [single]
            singles.append((single[0], whole))
        predicted, _ = cluster(run)
        gold = {doc_id: label for doc_id, _, label in run}
        members: dict[str, list[str]] = defaultdict(list)
        for doc_id, story in predicted.items():
            members[story].append(doc_id)
        for doc_id, whole in singles:
            mates = Counter(gold[m] for m in members[predicted[doc_id]] if m != doc_id)
            total += 1
            joined += bool(mates) and mates.most_common(1)[0][0] == whole
    print("\n| set | single reports | joined the other incident's story |")
    print("|---|---|---|")
    print(f"| ECB+ topics 1-35 (tune): one incident whole + one report of the other | {total} | {joined} |")


def score(name: str, docs: list[tuple[str, str, str]], dates: dict[str, dt.date] | None = None) -> None:
    if not docs:
        print(f"| {name} | skipped: no data |")
        return
    predicted, seconds = cluster(docs, dates)
    gold = {doc_id: label for doc_id, _, label in docs}
    precision, recall, f1 = b_cubed(predicted, gold)
    stories = len(set(predicted.values()))
    print(
        f"| {name} | {len(docs)} | {len(set(gold.values()))} | {stories} | {precision:.3f} | {recall:.3f} | "
        f"{f1:.3f} | {len(docs) / seconds:.0f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--roundups", action="store_true")
    parser.add_argument("--distractors", action="store_true")
    args = parser.parse_args()
    if not (BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file():
        print(f"skipped: {BENCH / 'ecbplus'} not found")
        return 0
    tune, test = ecb_docs(set(range(1, 36))), ecb_docs(set(range(36, 46)))
    if args.distractors:
        distractors(tune)
        same_kind_singles(tune)
        return 0
    if args.roundups:
        print("| set | documents | roundups | split | sections placed right | single documents split |")
        print("|---|---|---|---|---|---|")
        for cosine in (0.05, 0.1, 0.2):
            corpus.ROUNDUP_MAX_COSINE = cosine
            roundups(tune, f"ECB+ topics 1-35 (tune), sections below cosine {cosine}")
            fnc1_false_splits(tune)
        return 0
    print("| set | documents | incidents | stories found | B3 P | B3 R | B3 F1 | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    if args.sweep:
        defaults = corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE
        for threshold, merge in itertools.product((0.2, 0.25, 0.3), (0.15, 0.2, 0.25, 1.1)):
            corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE = threshold, merge
            score(f"ECB+ topics 1-35 (tune), join >= {threshold}, merge >= {merge}", tune)
        corpus.STORY_MIN_COSINE, corpus.STORY_MERGE_COSINE = defaults
    score("ECB+ topics 1-35 (tune)", tune)
    score("ECB+ topics 36-45 (test)", test)
    # smoke tests (bench README: TF-IDF baseline 0.934 and 1.000), never tuned on
    basil, dates = basil_docs()
    score("BASIL, with the articles' dates", basil, dates)
    score("BASIL, without dates", basil)
    score("NewsWCL50 (no dates)", newswcl50_docs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
