"""Real multi-outlet stories for the alignment gold: which texts of ``../shared/bench/`` make each story.

The gold files in ``bench/gold/`` point into these texts by article id and character offsets, so no
third-party text enters the repository; this module rebuilds the texts from the public sets:

* ``ecbplus``: one ECB+ subtopic (reports of one incident by different outlets); an article's text is the
  document's title, a blank line, its text and a final newline, as in ``../shared/corpus/ecbplus-*``.
* ``fnc1``: FNC-1 test bodies related to the headlines of one story (many outlets on one claim, some
  agreeing and some disagreeing); an article's text is the body as published in the set.

    python bench/stories.py list                      # the stories, their split and size
    python bench/stories.py show STORY                # every article with numbered lines (for annotators)
    python bench/stories.py export STORY DIR          # one .txt per article, for ``counterpoint compare DIR``
    python bench/stories.py freeze WORK.json OUT.json # annotators' gold (exact fragments) -> gold with offsets

Annotators write quoted fragments, which are easy to check by eye; ``freeze`` turns each into the offsets
of its first occurrence in the article (whitespace may differ), records each text's fingerprint, and
refuses fragments it cannot find. The frozen file holds no article text.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"


@dataclass(frozen=True, slots=True)
class StorySpec:
    name: str
    split: str  # "dev" (tune here) or "test" (measure only)
    source: str  # "ecbplus" or "fnc1"
    documents: tuple[str, ...]  # ECB+ doc ids or FNC-1 body ids
    about: str


# FNC-1 stories: the test bodies of at least 100 words related to any headline of the story, the first 16 by id.
STORIES = {
    spec.name: spec
    for spec in (
        StorySpec(
            "ecbplus-aceh-quake",
            "dev",
            "ecbplus",
            tuple(f"37_{i}ecbplus" for i in range(1, 15)),
            "a 6.1-magnitude earthquake in Aceh (gold in ../shared/gold, texts in ../shared/corpus)",
        ),
        StorySpec(
            "ecbplus-brooklyn-shooting",
            "dev",
            "ecbplus",
            tuple(f"19_{i}ecbplus" for i in range(1, 12)),
            "police shoot a teenager in Brooklyn; protests follow",
        ),
        StorySpec(
            "ecbplus-athens-bank-fire",
            "dev",
            "ecbplus",
            tuple(f"8_{i}ecbplus" for i in range(1, 12)),
            "three people die when a bank is firebombed during a protest in Athens",
        ),
        StorySpec(
            "fnc1-werewolf-godson",
            "dev",
            "fnc1",
            tuple("100 101 211 325 328 448 548 697 711 765 802 861 897 914 923 963".split()),
            "Argentina's president and a Jewish godson: tradition against werewolf myth",
        ),
        StorySpec(
            "ecbplus-sudan-camp-bombing",
            "dev",
            "ecbplus",
            tuple(f"41_{i}ecbplus" for i in range(1, 12)),
            "a refugee camp in South Sudan is bombed",
        ),
        StorySpec(
            "ecbplus-amd-seamicro",
            "dev",
            "ecbplus",
            tuple(f"43_{i}ecbplus" for i in range(1, 16)),
            "AMD buys the microserver start-up SeaMicro for about $334 million",
        ),
        StorySpec(
            "fnc1-third-breast",
            "dev",
            "fnc1",
            tuple("64 122 129 157 252 561 661 746 764 785 889 1092 1128 1244 1286 1454".split()),
            "a woman says she had a third breast implanted; others call it a hoax",
        ),
        StorySpec(
            "fnc1-saudia-segregation",
            "dev",
            "fnc1",
            tuple("38 174 245 284 319 457 519 602 605 784 1151 1193 1445 1557 1561 1691 1887".split()),
            "reports that Saudi Arabia's airline will seat men and women apart, and its denial",
        ),
        StorySpec(
            "ecbplus-troy-office-shooting",
            "test",
            "ecbplus",
            tuple(f"18_{i}ecbplus" for i in range(1, 12)),
            "a fired accountant shoots three people at his former office in Troy, Michigan",
        ),
        StorySpec(
            "ecbplus-queens-hit-and-run",
            "test",
            "ecbplus",
            tuple(f"21_{i}ecbplus" for i in range(1, 15)),
            "a woman is killed by a hit-and-run driver in Queens; the driver is charged",
        ),
        StorySpec(
            "ecbplus-lohan-rehab",
            "test",
            "ecbplus",
            tuple(f"1_{i}ecbplus" for i in range(1, 22)),
            "Lindsay Lohan checks into court-ordered rehab, leaves one center for another",
        ),
    )
}


@cache
def _ecbplus() -> dict[str, dict[str, str]]:
    path = BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {d["doc_id"]: d for d in map(json.loads, handle)}


@cache
def _fnc1() -> dict[str, str]:
    path = BENCH / "fnc1" / "competition_test_bodies.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}


def available() -> bool:
    return (BENCH / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file() and (
        BENCH / "fnc1" / "competition_test_bodies.csv"
    ).is_file()


def article_id(spec: StorySpec, document: str) -> str:
    return document if spec.source == "ecbplus" else f"fnc1-{document}"


def texts(name: str) -> dict[str, str]:
    """Article id -> text, in the story's order."""
    spec = STORIES[name]
    if spec.source == "ecbplus":
        docs = _ecbplus()
        return {article_id(spec, d): f"{docs[d]['title']}\n\n{docs[d]['text']}\n" for d in spec.documents}
    bodies = _fnc1()
    return {article_id(spec, d): bodies[d] for d in spec.documents}


def gold_path(name: str) -> Path:
    """Where the story's gold lives: ``bench/gold/`` (offsets), or ``../shared/gold/`` for the shared example."""
    own = ROOT / "bench" / "gold" / f"{name}.gold.json"
    return own if own.is_file() else BENCH.parent / "gold" / f"{name}.gold.json"


def articles(name: str) -> list[Any]:
    """The story's articles, ingested as ``counterpoint compare`` would read ``export``'s files."""
    from counterpoint.stages.ingest import article_from_text

    return [article_from_text(text, source=f"{key}.txt", outlet=key) for key, text in texts(name).items()]


def fingerprint(text: str) -> str:
    """What a gold file records of each text, so a changed text is caught instead of misread."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _locate(fragment: str, text: str) -> tuple[int, int] | None:
    start = text.find(fragment)
    if start >= 0:
        return start, start + len(fragment)
    words = fragment.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None


def freeze(work: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The gold with every fragment replaced by ``{"start", "end"}`` offsets, and the fragments not found."""
    spec = STORIES[work["story"]]
    story_texts = texts(spec.name)
    problems: list[str] = []

    def spans(article: str, fragments: list[str], where: str) -> list[dict[str, int]]:
        if article not in story_texts:
            problems.append(f"{where}: no article {article!r} in {spec.name}")
            return []
        found = []
        for fragment in fragments:
            located = _locate(fragment, story_texts[article])
            if located is None:
                problems.append(f"{where}: not in {article}: {fragment!r}")
            else:
                found.append({"start": located[0], "end": located[1]})
        return found

    frozen: dict[str, Any] = {
        "format": work["format"],
        "story": spec.name,
        "split": spec.split,
        "texts": f"bench/stories.py ({spec.source})",
        "articles": {},
    }
    for key, meta in work["articles"].items():
        document = {article_id(spec, d): d for d in spec.documents}.get(key)
        entry = {
            "source": {"set": spec.source, "document": document} if document else None,
            "outlet": meta.get("outlet", key),
            "published": meta.get("published"),
            "sha1": fingerprint(story_texts[key]) if key in story_texts else None,
        }
        for role in ("title", "dek", "dateline"):
            if meta.get(role):
                located = spans(key, [meta[role]], f"articles.{key}.{role}")
                entry[role] = located[0] if located else None
        for role in ("subheads", "noise"):
            if meta.get(role):
                entry[role] = spans(key, meta[role], f"articles.{key}.{role}")
        frozen["articles"][key] = entry
    frozen["shared_facts"] = [
        {
            "id": fact["id"],
            "gist": fact["gist"],
            "support": {a: spans(a, f, f"shared_facts.{fact['id']}") for a, f in fact["support"].items()},
        }
        for fact in work.get("shared_facts", [])
    ]
    frozen["unique"] = {a: spans(a, f, f"unique.{a}") for a, f in work.get("unique", {}).items()}
    frozen["conflicts"] = []
    for conflict in work.get("conflicts", []):
        entry = {k: v for k, v in conflict.items() if k != "claims"}
        entry["claims"] = {a: spans(a, f, f"conflicts.{conflict['id']}") for a, f in conflict["claims"].items()}
        frozen["conflicts"].append(entry)
    for key in ("entities", "quantities", "attributions", "framing"):
        frozen.setdefault(key, [] if key != "framing" else {})
    return frozen, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list")
    show = sub.add_parser("show")
    show.add_argument("story", choices=sorted(STORIES))
    export = sub.add_parser("export")
    export.add_argument("story", choices=sorted(STORIES))
    export.add_argument("directory", type=Path)
    freezer = sub.add_parser("freeze")
    freezer.add_argument("work", type=Path)
    freezer.add_argument("out", type=Path)
    args = parser.parse_args()
    if not available():
        sys.exit(f"{BENCH} is not there: the stories are built from the public sets in ../shared/bench")
    if args.command == "list":
        for spec in STORIES.values():
            words = sum(len(t.split()) for t in texts(spec.name).values())
            print(f"{spec.name:32} {spec.split:5} {len(spec.documents):3} articles {words:6} words  {spec.about}")
    elif args.command == "show":
        for key, text in texts(args.story).items():
            print(f"=== {key} ===")
            for number, line in enumerate(text.split("\n")):
                if line.strip():
                    print(f"{number:3}| {line}")
    elif args.command == "freeze":
        frozen, problems = freeze(json.loads(args.work.read_text("utf-8")))
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            sys.exit(f"{len(problems)} fragments not found: nothing written")
        args.out.write_text(json.dumps(frozen, indent=1, ensure_ascii=False) + "\n", "utf-8")
        facts = frozen["shared_facts"]
        hard = sum(c["severity"] == "hard" for c in frozen["conflicts"])
        unique = sum(map(len, frozen["unique"].values()))
        conflicts = len(frozen["conflicts"])
        print(f"{args.out}: {len(facts)} shared facts, {unique} unique, {conflicts} conflicts ({hard} hard)")
    else:
        args.directory.mkdir(parents=True, exist_ok=True)
        for key, text in texts(args.story).items():
            (args.directory / f"{key}.txt").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
