"""Cleaning whole news pages saved as text: what a user gets by copy-paste, a scraper or an extractor.

    python bench/cleaning_text.py [--limit N] [--sets l3s,aeb,trafilatura] [--renders visible,trafilatura,...]
                                  [--cache DIR]

Each page of three public benchmarks is rendered to plain text the ways users get such text, cleaned by
Counterpoint's text cleaner (as a ``.txt`` file is: no HTML extraction), and scored against the page's gold:

Renders:

* ``visible``: every visible text block on its own line (copy-paste, simple scrapers): menus, captions,
  teasers, comments and the article alike;
* ``html-text``: the ``html-text`` system output that ships with AEB (the same kind of dump, made by another
  tool; AEB only);
* ``trafilatura``: trafilatura's own text output with comments and tables kept (its defaults);
* ``readability``: a readability-style extraction (trafilatura's port of readability-lxml), its HTML
  rendered to one line per block.

Sets, and what is scored:

* L3S-GN1 (621 Google-News pages; every text block labelled main text, headline, supplemental, related,
  comments or boilerplate): **the tune set**, the one thresholds and the line model are chosen and fitted
  on. Its ``visible`` render comes from the labelled copy, so each line has its label; for the other
  renders a line is body when most of its shingles are in the labelled main text.
* Scrapinghub AEB (181 news pages, gold article body): **report set**, never tuned on. A line is body when
  most of its shingles are in the gold body.
* trafilatura's evaluation set (990 pages, many not news, many not English; per page snippets that must
  appear in the main text and snippets that must not): **report set**, never tuned on.

Line-labelled sets print:

* **shingle F1**: the AEB metric (4-gram shingles of ``\\w+`` tokens, per-page P/R averaged) of the text kept
  in the article's running text (body and subheads: the gold bodies carry subheads) against the gold body;
* **body kept**: share of the gold body's lines (by characters) kept as body or subhead; a line removed as
  a ``duplicate`` counts as kept when the copy the cleaner keeps is kept (the gold has the text once);
* **strict**: share kept as body only, each copy counted (the figure this benchmark printed before);
* **junk removed**: share of the other lines (by characters) not kept as body or subhead;
* **headline out** (L3S ``visible`` only): share of the labelled headline lines kept out of the body (as
  title or removed);
* **title found / wrong** (L3S ``visible`` only): share of the pages with a labelled headline where a headline
  line is given the title role, and where another line is.

The snippet set prints the upstream snippet scores of the cleaned text (P, R, F1 over all snippets) and,
counting only snippets the render itself contains (so the render's own losses are not the cleaner's),
**with kept** and **without removed**.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from counterpoint.model import Article  # noqa: E402
from counterpoint.pipeline import CompareOptions, compare_articles  # noqa: E402
from counterpoint.stages.ingest import article_from_text  # noqa: E402
from extraction import corpus_scores, shingles  # noqa: E402

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
L3S = BENCH / "l3s_gn1" / "page-signal-master"
AEB = BENCH / "scrapinghub_aeb"
TRAFILATURA_EVAL = BENCH / "trafilatura_eval"
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP = frozenset("script style noscript template head iframe svg".split())
# A dump line counts as body when at least this share of its shingles is in the gold body.
BODY_SHARE = 0.6
# Roles of the article's running text: the gold bodies of all three sets carry subheads.
ARTICLE_ROLES = frozenset({"body", "subhead"})


@dataclass(slots=True)
class Page:
    key: str
    html: str
    gold: str = ""  # the gold body (line-labelled sets)
    with_snippets: list[str] = field(default_factory=list)  # the snippet set
    without_snippets: list[str] = field(default_factory=list)
    labelled: list[tuple[str, str]] | None = None  # L3S: (text, label) of the labelled visible render
    dump: list[str] | None = None  # AEB: the shipped html-text dump


def render_lines(html: str) -> list[tuple[str, str]]:
    """(text, label) per visible text block; the label is the ``x-nc-selN`` class around it (L3S), else ""."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an empty or broken page renders to nothing
        return []
    lines: list[tuple[str, str]] = []
    current: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            label = Counter(labels).most_common(1)[0][0] if labels else ""  # ties: the first met
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


def render_visible(page: Page) -> list[str]:
    if page.labelled is not None:
        return [text for text, _ in page.labelled]
    return [text for text, _ in render_lines(page.html)]


def render_html_text(page: Page) -> list[str]:
    return list(page.dump or [])


def render_trafilatura(page: Page) -> list[str]:
    import trafilatura

    text = trafilatura.extract(page.html, include_comments=True, include_tables=True) or ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def render_readability(page: Page) -> list[str]:
    import lxml.html
    from trafilatura.readability_lxml import Document

    try:
        summary = Document(lxml.html.fromstring(page.html)).summary()
    except Exception:  # noqa: BLE001 - readability gives up on some pages: nothing rendered
        return []
    return [text for text, _ in render_lines(summary)]


RENDERS: dict[str, Callable[[Page], list[str]]] = {
    "visible": render_visible,
    "html-text": render_html_text,
    "trafilatura": render_trafilatura,
    "readability": render_readability,
}


def l3s_pages(limit: int) -> Iterator[Page]:
    for path in sorted((L3S / "GoldStandard").glob("*.txt.gz"))[: limit or None]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        labelled = render_lines(html)
        gold = "\n".join(text for text, label in labelled if label == "sel2")
        yield Page(path.name.split(".")[0], html, gold=gold, labelled=labelled)


def aeb_pages(limit: int) -> Iterator[Page]:
    truth = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    dumps = json.loads((AEB / "output" / "html-text.json").read_text("utf-8"))
    dumps = dumps.get("output", dumps)
    for key in sorted(truth)[: limit or None]:
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        lines = [line.strip() for line in ((dumps.get(key) or {}).get("articleBody") or "").split("\n")]
        yield Page(key, html, gold=truth[key]["articleBody"], dump=[line for line in lines if line])


def trafilatura_eval_pages(limit: int) -> Iterator[Page]:
    from trafilatura.utils import decode_file

    data = json.loads((TRAFILATURA_EVAL / "evaldata.json").read_text("utf-8"))
    for url in sorted(data)[: limit or None]:
        item = data[url]
        path = TRAFILATURA_EVAL / "html" / f"{item['file']}.gz"
        if not path.is_file():
            continue
        html = decode_file(gzip.decompress(path.read_bytes()))
        yield Page(item["file"], html, with_snippets=item["with"], without_snippets=item["without"])


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    role: str  # "tune" or "report"
    present: Path
    pages: Callable[[int], Iterator[Page]]
    renders: tuple[str, ...]


DATASETS = {
    "l3s": Dataset("L3S-GN1", "tune", L3S / "GoldStandard", l3s_pages, ("visible", "trafilatura", "readability")),
    "aeb": Dataset(
        "AEB", "report", AEB / "ground-truth.json", aeb_pages, ("html-text", "visible", "trafilatura", "readability")
    ),
    "trafilatura": Dataset(
        "trafilatura eval",
        "report",
        TRAFILATURA_EVAL / "evaldata.json",
        trafilatura_eval_pages,
        ("visible", "trafilatura", "readability"),
    ),
}


def _roles(article: Article, count: int) -> list[str]:
    """What the cleaner made of each of an article's ``count`` lines: the role it keeps it in, or
    ``removed:<reason>``."""
    roles = [""] * count
    for removal in article.removed:
        roles[removal.line] = f"removed:{removal.reason}"
    for sentence in article.sentences:
        if roles[sentence.line] in ("", "dateline"):
            roles[sentence.line] = sentence.role
    return roles


def _duplicate_kept(lines: list[str], roles: list[str]) -> list[bool]:
    """Whether each line removed as a duplicate has a copy kept in the article's running text."""
    kept_text = " \n ".join(_squash(line) for line, role in zip(lines, roles, strict=True) if role in ARTICLE_ROLES)
    return [role == "removed:duplicate" and _squash(line) in kept_text for line, role in zip(lines, roles, strict=True)]


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def body_labels(lines: list[str], gold: str) -> list[bool]:
    gold_shingles = shingles(gold, 3)
    labels = []
    for line in lines:
        own = shingles(line, 3)
        inside = sum(min(n, gold_shingles[s]) for s, n in own.items())
        labels.append(bool(own) and inside >= BODY_SHARE * sum(own.values()))
    return labels


def load_lines(dataset: str, render: str, page: Page, cache: Path | None) -> list[str]:
    if cache is None:
        return RENDERS[render](page)
    path = cache / dataset / render / f"{page.key}.json"
    if path.is_file():
        lines: list[str] = json.loads(path.read_text("utf-8"))
        return lines
    lines = RENDERS[render](page)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(lines), "utf-8")
    return lines


@dataclass(slots=True)
class LineScores:
    """The figures of one set and render (see the module docstring)."""

    pages: int
    f1: float
    precision: float
    recall: float
    body_kept: float
    strict: float
    junk_removed: float
    headline_out: float | None  # L3S visible only, as the two below
    title_found: float | None
    title_wrong: float | None

    def row(self) -> str:
        def cell(value: float | None) -> str:
            return "-" if value is None else f"{value:.3f}"

        titles = "-" if self.title_found is None else f"{cell(self.title_found)} / {cell(self.title_wrong)}"
        return (
            f"| {self.pages} | {self.f1:.3f} | {self.precision:.3f} | {self.recall:.3f} | {self.body_kept:.3f} | "
            f"{self.strict:.3f} | {self.junk_removed:.3f} | {cell(self.headline_out)} | {titles} |"
        )


def batched(
    dataset: str, render: str, pages: Iterator[Page], cache: Path | None, batch: int
) -> Iterator[tuple[Page, list[str], list[str]]]:
    """Each page with its rendered lines and what the cleaner made of them (:func:`_roles`); with
    ``batch`` > 0, that many pages in a row are cleaned together, as the pages of a corpus chunk are (a line
    the site prints on each of them is its furniture)."""
    window: list[tuple[Page, list[str]]] = []

    def flush() -> Iterator[tuple[Page, list[str], list[str]]]:
        texts = [(page, lines) for page, lines in window if lines]
        articles = [article_from_text("\n".join(lines), source=page.key, outlet="dump") for page, lines in texts]
        compare_articles(articles, CompareOptions(annotate=False))  # the per-article phase, on the batch
        roles = {page.key: _roles(article, len(lines)) for (page, lines), article in zip(texts, articles, strict=True)}
        for page, lines in window:
            yield page, lines, roles.get(page.key, [])
        window.clear()

    for page in pages:
        window.append((page, load_lines(dataset, render, page, cache)))
        if len(window) >= max(1, batch):
            yield from flush()
    yield from flush()


def score_lines(dataset: str, render: str, pages: Iterator[Page], cache: Path | None, batch: int = 0) -> LineScores:
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    body_total = body_kept = strict_kept = junk_total = junk_removed = head_total = head_out = 0
    titled_pages = title_found = title_wrong = 0
    for page, lines, roles in batched(dataset, render, pages, cache, batch):
        if not page.gold.strip() or not lines:
            continue
        if render == "visible" and page.labelled is not None:
            body = [label == "sel2" for _, label in page.labelled]
            headline = [label == "sel1" for _, label in page.labelled]
        else:
            body, headline = body_labels(lines, page.gold), [False] * len(lines)
        copies = _duplicate_kept(lines, roles)
        gold[page.key] = page.gold
        predicted[page.key] = "\n".join(line for line, role in zip(lines, roles, strict=True) if role in ARTICLE_ROLES)
        if any(headline):
            titled_pages += 1
            title_found += any(is_head and role == "title" for is_head, role in zip(headline, roles, strict=True))
            title_wrong += any(not is_head and role == "title" for is_head, role in zip(headline, roles, strict=True))
        for line, is_body, is_head, role, copy in zip(lines, body, headline, roles, copies, strict=True):
            size = len(line)
            if is_body:
                body_total += size
                body_kept += size if role in ARTICLE_ROLES or copy else 0
                strict_kept += size if role == "body" else 0
            else:
                junk_total += size
                junk_removed += 0 if role in ARTICLE_ROLES else size
            if is_head:
                head_total += size
                head_out += 0 if role == "body" else size
    f1, precision, recall = corpus_scores(gold, predicted)
    return LineScores(
        len(gold),
        f1,
        precision,
        recall,
        body_kept / max(1, body_total),
        strict_kept / max(1, body_total),
        junk_removed / max(1, junk_total),
        head_out / head_total if head_total else None,
        title_found / titled_pages if titled_pages else None,
        title_wrong / titled_pages if titled_pages else None,
    )


def _normalised(text: str) -> str:
    return " ".join(text.split())


def score_snippets(dataset: str, render: str, pages: Iterator[Page], cache: Path | None, batch: int = 0) -> str:
    tp = fn = fp = tn = 0
    with_present = with_kept = without_present = without_removed = 0
    count = 0
    for page, lines, roles in batched(dataset, render, pages, cache, batch):
        count += 1
        source = _normalised("\n".join(lines))
        kept = _normalised("\n".join(line for line, role in zip(lines, roles, strict=True) if role in ARTICLE_ROLES))
        for snippet in page.with_snippets:
            found = _normalised(snippet) in kept
            tp, fn = tp + found, fn + (not found)
            if _normalised(snippet) in source:
                with_present += 1
                with_kept += found
        for snippet in page.without_snippets:
            found = _normalised(snippet) in kept
            fp, tn = fp + found, tn + (not found)
            if _normalised(snippet) in source:
                without_present += 1
                without_removed += not found
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return (
        f"| {count} | {f1:.3f} | {precision:.3f} | {recall:.3f} | {with_kept / max(1, with_present):.3f} "
        f"({with_present}) | {without_removed / max(1, without_present):.3f} ({without_present}) |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0: all)")
    parser.add_argument(
        "--batch", type=int, default=0, help="clean this many pages in a row together, as a corpus chunk (0: alone)"
    )
    parser.add_argument("--sets", default=",".join(DATASETS), help=f"comma-separated, of {', '.join(DATASETS)}")
    parser.add_argument("--renders", default=",".join(RENDERS), help=f"comma-separated, of {', '.join(RENDERS)}")
    parser.add_argument("--cache", type=Path, help="keep renders here (JSON per page) for faster reruns")
    args = parser.parse_args()
    wanted = set(args.renders.split(","))
    line_rows, snippet_rows = [], []
    for key in args.sets.split(","):
        dataset = DATASETS[key]
        if not dataset.present.exists():
            print(f"skipped {dataset.name}: {dataset.present} not found")
            continue
        for render in dataset.renders:
            if render not in wanted:
                continue
            label = f"{dataset.name}, {render} ({dataset.role})"
            if key == "trafilatura":
                scores = score_snippets(key, render, dataset.pages(args.limit), args.cache, args.batch)
                snippet_rows.append(f"| {label} " + scores)
            else:
                lined = score_lines(key, render, dataset.pages(args.limit), args.cache, args.batch)
                line_rows.append(f"| {label} " + lined.row())
    if line_rows:
        print(
            "| set, render (role) | pages | shingle F1 | P | R | body kept | strict | junk removed | headline out "
            "| title found / wrong |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        print("\n".join(line_rows))
    if snippet_rows:
        print("\n| set, render (role) | pages | snippet F1 | P | R | with kept (present) | without removed (present) |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(snippet_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
