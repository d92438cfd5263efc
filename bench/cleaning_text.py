"""Cleaning text dumps of whole news pages: what a user gets by copy-paste or a simple scraper.

    python bench/cleaning_text.py [--limit N]

Each page of a public benchmark is rendered to plain text the way such tools do (every visible text block
on its own line: menus, captions, teasers, comments and the article alike), cleaned by Counterpoint's text
cleaner (no HTML extraction), and scored against the page's gold article body:

* **shingle F1**: the AEB metric (4-gram shingles of ``\\w+`` tokens, per-page P/R averaged) of the lines
  kept as body against the gold body;
* **body kept**: share of the gold body's lines (by characters) kept as body;
* **junk removed**: share of the other lines (by characters) not kept as body (removed, or given a role
  such as title or subhead).

Sets: L3S-GN1 (621 Google-News pages; every text block labelled main text, headline, supplemental,
related, comments or boilerplate: rendered from the labelled copy, so each line has its label), and
Scrapinghub AEB (181 pages; the ``html-text`` system output that ships with it is exactly a visible-text
dump; a line is body when most of its shingles are in the gold body). Tune on L3S-GN1, report on AEB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from counterpoint.pipeline import prepare_article  # noqa: E402
from counterpoint.stages.ingest import article_from_text  # noqa: E402
from extraction import corpus_scores, shingles  # noqa: E402

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
L3S = BENCH / "l3s_gn1" / "page-signal-master"
AEB = BENCH / "scrapinghub_aeb"
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP = frozenset("script style noscript template head iframe svg".split())
# A dump line counts as body when at least this share of its shingles is in the gold body.
BODY_SHARE = 0.6


def render_lines(html: str) -> list[tuple[str, str]]:
    """(text, label) per visible text block; the label is the ``x-nc-selN`` class around it (L3S), else ""."""
    import lxml.html

    root = lxml.html.fromstring(html)
    lines: list[tuple[str, str]] = []
    current: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            label = max(set(labels), key=labels.count) if labels else ""
            lines.append((text, label))
        current.clear()
        labels.clear()

    def walk(node: object, label: str) -> Iterator[None]:
        tag = getattr(node, "tag", "")
        if not isinstance(tag, str) or tag.lower() in _SKIP:
            return
        classes = (node.get("class") or "") if hasattr(node, "get") else ""  # type: ignore[attr-defined]
        match = re.search(r"x-nc-sel(\d)", classes)
        if match:
            label = f"sel{match.group(1)}"
        block = tag.lower() in _BLOCKS
        if block:
            flush()
        if node.text:  # type: ignore[attr-defined]
            current.append(node.text)  # type: ignore[attr-defined]
            labels.extend([label] * len(node.text.split()))  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            yield from walk(child, label)
            if child.tail:
                current.append(child.tail)
                labels.extend([label] * len(child.tail.split()))
        if block:
            flush()
        yield None

    for _ in walk(root.find("body") if root.find("body") is not None else root, "sel0"):
        pass
    flush()
    return lines


def l3s_pages(limit: int) -> Iterator[tuple[str, list[str], list[bool], str]]:
    """(id, dump lines, is-body per line, gold body) of L3S-GN1 pages."""
    for path in sorted((L3S / "GoldStandard").glob("*.txt.gz"))[: limit or None]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        lines = render_lines(html)
        body = [label == "sel2" for _, label in lines]
        gold = "\n".join(text for (text, label) in lines if label == "sel2")
        yield path.name.split(".")[0], [t for t, _ in lines], body, gold


def aeb_pages(limit: int) -> Iterator[tuple[str, list[str], list[bool], str]]:
    """(id, html-text dump lines, is-body per line, gold body) of AEB pages."""
    truth = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    dumps = json.loads((AEB / "output" / "html-text.json").read_text("utf-8"))
    dumps = dumps.get("output", dumps)
    for key in sorted(truth)[: limit or None]:
        gold = truth[key]["articleBody"]
        gold_shingles = shingles(gold, 3)
        lines = [line.strip() for line in ((dumps.get(key) or {}).get("articleBody") or "").split("\n")]
        lines = [line for line in lines if line]
        body = []
        for line in lines:
            own = shingles(line, 3)
            inside = sum(min(n, gold_shingles[s]) for s, n in own.items())
            body.append(bool(own) and inside >= BODY_SHARE * sum(own.values()))
        yield key, lines, body, gold


def cleaned_body(lines: list[str]) -> tuple[str, list[bool]]:
    """The text the cleaner keeps as body, and for each dump line whether any of it is kept as body."""
    article = prepare_article(article_from_text("\n".join(lines), source="dump", outlet="dump"))
    kept_lines: dict[int, list[str]] = {}
    for sentence in article.sentences:
        if sentence.role == "body":
            kept_lines.setdefault(sentence.line, []).append(article.sentence_text(sentence))
    kept = [index in kept_lines for index in range(len(lines))]
    return "\n".join(" ".join(parts) for _, parts in sorted(kept_lines.items())), kept


def score(name: str, pages: Iterator[tuple[str, list[str], list[bool], str]]) -> None:
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    body_total = body_kept = junk_total = junk_removed = 0
    count = 0
    for key, lines, body, gold_text in pages:
        if not gold_text.strip() or not lines:
            continue
        count += 1
        text, kept = cleaned_body(lines)
        gold[key], predicted[key] = gold_text, text
        for line, is_body, is_kept in zip(lines, body, kept, strict=True):
            if is_body:
                body_total += len(line)
                body_kept += len(line) if is_kept else 0
            else:
                junk_total += len(line)
                junk_removed += 0 if is_kept else len(line)
    f1, precision, recall = corpus_scores(gold, predicted)
    print(
        f"| {name} | {count} | {f1:.3f} | {precision:.3f} | {recall:.3f} | "
        f"{body_kept / max(1, body_total):.3f} | {junk_removed / max(1, junk_total):.3f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0: all)")
    args = parser.parse_args()
    print("| set (text dump) | pages | shingle F1 | P | R | body kept | junk removed |")
    print("|---|---|---|---|---|---|---|")
    if (L3S / "GoldStandard").is_dir():
        score("L3S-GN1, rendered labelled page (tune)", l3s_pages(args.limit))
    else:
        print(f"skipped L3S-GN1: {L3S} not found")
    if (AEB / "output" / "html-text.json").is_file():
        score("AEB, html-text dump (report)", aeb_pages(args.limit))
    else:
        print(f"skipped AEB: {AEB} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
