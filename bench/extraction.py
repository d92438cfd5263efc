"""Main-text extraction on the Scrapinghub Article Extraction Benchmark (181 news pages).

Prints 4-gram shingle precision, recall and F1 (the benchmark's own metric: tokens ``\\w+``, per-page
TP/FP/FN normalised to sum 1, P and R averaged over pages, F1 of the averages) for Counterpoint's ingest
(trafilatura main text) and ingest + cleaning (kept lines only), beside the published systems whose outputs
ship with the benchmark, and the pages that failed.

    python bench/extraction.py [--data ../shared/bench/scrapinghub_aeb]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from counterpoint.pipeline import prepare_article
from counterpoint.stages.ingest import article_from_text, extract_html

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "scrapinghub_aeb"
ANCHORS = {
    "rs_trafilatura": 0.970,
    "AutoExtract": 0.970,
    "trafilatura": 0.958,
    "newspaper": 0.949,
    "readability": 0.922,
}
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(true: str, pred: str) -> tuple[float, float]:
    gold, guess = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in gold.keys() | guess.keys():
        tp += min(gold[key], guess[key])
        fp += max(0, guess[key] - gold[key])
        fn += max(0, gold[key] - guess[key])
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def corpus_scores(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    pairs = [page_scores(gold[key], predicted.get(key, "")) for key in gold]
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def cleaned_text(text: str, extracted: bool = True) -> str:
    """The lines cleaning keeps of ``text`` (main text extracted from HTML, as ingest marks it)."""
    article = article_from_text(text, source="page", outlet="page")
    article.extracted = extracted
    article = prepare_article(article)
    kept_lines: dict[int, list[str]] = {}
    for sentence in article.sentences:
        if sentence.role != "dateline":
            kept_lines.setdefault(sentence.line, []).append(article.sentence_text(sentence))
    return "\n".join(" ".join(parts) for _, parts in sorted(kept_lines.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file():
        print(f"skipped: no benchmark data at {args.data}")
        return 0
    truth = {k: v["articleBody"] for k, v in json.loads((args.data / "ground-truth.json").read_text()).items()}
    extracted: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    failures: list[str] = []
    started = time.perf_counter()
    for key in truth:
        html = gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes())
        try:
            result = extract_html(html)
        except Exception as exc:  # a page that crashes the extractor is counted, not fatal
            failures.append(f"{key}: {type(exc).__name__}: {exc}")
            continue
        if result is None:
            failures.append(f"{key}: no main text")
            continue
        extracted[key] = result[0]
        cleaned[key] = cleaned_text(result[0])
    seconds = time.perf_counter() - started

    rows = [
        ("counterpoint ingest (trafilatura)", *corpus_scores(truth, extracted), None),
        ("counterpoint ingest + clean", *corpus_scores(truth, cleaned), None),
    ]
    for name, anchor in ANCHORS.items():
        path = args.data / "output" / f"{name}.json"
        if path.is_file():
            data = json.loads(path.read_text())
            data = data.get("output", data)
            predicted = {k: (v or {}).get("articleBody") or "" for k, v in data.items()}
            rows.append((f"{name} (published output)", *corpus_scores(truth, predicted), anchor))
    print(f"Scrapinghub AEB: {len(truth)} pages, {len(failures)} failed, {len(truth) / seconds:.1f} pages/s\n")
    print(f"| {'system':40} | {'F1':>6} | {'P':>6} | {'R':>6} | {'anchor F1':>9} |")
    print(f"|{'-' * 42}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 11}|")
    for name, f1, precision, recall, anchor in rows:
        anchor_text = f"{anchor:.3f}" if anchor is not None else ""
        print(f"| {name:40} | {f1:6.3f} | {precision:6.3f} | {recall:6.3f} | {anchor_text:>9} |")
    for failure in failures:
        print(f"failed: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
