"""NeuS / AllSides: are Counterpoint's digests calmer than the articles they summarise?

For a fixed sample of test triples (left, centre and right coverage of one story, title plus opening
sentences), the three articles are compared with the full pipeline and the digest's wording is scored with
the NRC-VAD lexicon: mean arousal of the words it knows (lower = calmer, the NeuS paper's framing-bias
signal), beside the same score for the three input articles and for AllSides' human-written neutral
roundup (the target).

    python bench/neus_arousal.py [--data ../shared/bench/neus_allsides] [--limit 40]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from counterpoint.pipeline import compare_articles
from counterpoint.stages.ingest import article_from_text

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "neus_allsides"
# Words at or above this arousal count as high-arousal (the top fifth of the NRC-VAD lexicon).
HIGH_AROUSAL = 0.7


def load_arousal(path: Path) -> dict[str, float]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            table[parts[0]] = float(parts[2])
    return table


def arousal(text: str, table: dict[str, float]) -> tuple[float, float]:
    scores = [table[w] for w in re.findall(r"[a-z]+", text.lower()) if w in table]
    if not scores:
        return 0.0, 0.0
    return sum(scores) / len(scores), sum(s >= HIGH_AROUSAL for s in scores) / len(scores)


def split_article(chunk: str) -> tuple[str, str]:
    match = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", chunk, re.S)
    return (match.group(1).strip(), match.group(2).strip()) if match else ("", chunk.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    if not (args.data / "test.source").is_file():
        print(f"skipped: no NeuS data at {args.data}")
        return 0
    table = load_arousal(args.data / "lexicons" / "NRC-VAD-Lexicon.txt")
    sources = (args.data / "test.source").read_text("utf-8").splitlines()
    targets = (args.data / "test.target").read_text("utf-8").splitlines()
    picks = sorted(random.Random(3).sample(range(len(sources)), min(args.limit, len(sources))))
    sums = {"inputs": [0.0, 0.0], "Counterpoint digest": [0.0, 0.0], "AllSides neutral roundup": [0.0, 0.0]}
    empty = 0
    for index in picks:
        chunks = [split_article(c) for c in sources[index].split("[SEP]")]
        articles = [
            article_from_text(f"{title}\n{body}", source=f"neus:{index}:{n}", outlet=f"outlet {n}")
            for n, (title, body) in enumerate(chunks)
        ]
        comparison = compare_articles(articles)
        digest = " ".join(d.text for d in comparison.digest)
        if not digest:
            empty += 1
            continue
        for name, text in (
            ("inputs", " ".join(f"{t} {b}" for t, b in chunks)),
            ("Counterpoint digest", digest),
            ("AllSides neutral roundup", " ".join(split_article(targets[index]))),
        ):
            mean, high = arousal(text, table)
            sums[name][0] += mean
            sums[name][1] += high
    scored = len(picks) - empty
    print(f"NeuS/AllSides test: {scored} of {len(picks)} sampled stories scored ({empty} gave an empty digest)\n")
    print("| text | mean arousal | high-arousal words |")
    print("|---|---|---|")
    for name, (mean, high) in sums.items():
        print(f"| {name} | {mean / max(1, scored):.4f} | {high / max(1, scored):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
