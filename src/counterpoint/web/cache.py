"""Compared stories, kept in memory by story and set of articles.

Comparing a story loads spaCy and a sentence embedding model and takes 5-20 s; its page then renders in
milliseconds. A comparison is kept under its story id and the ids of the articles it compared: when an
ingest adds an article to the story, the key changes and the next view compares it again.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Comparison
from ..report.json_report import report_dict
from ..store import SQLStore

if TYPE_CHECKING:
    from ..pipeline import CompareOptions

log = logging.getLogger(__name__)

# Compared stories kept in memory, least recently viewed dropped first. A 40-article report is ~650 KB of
# JSON, ~1.5 MB as Python objects (2.3 times its JSON, measured on harbour-fire): 32 stay under 100 MB.
MAX_CACHED_STORIES = 32

Comparer = Callable[[SQLStore, str], Comparison]
Key = tuple[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Compared:
    """A compared story: its JSON report (the data of its page and its twin) and what it took."""

    story_id: str
    article_ids: frozenset[str]
    report: dict[str, Any]
    seconds: float


class ComparisonCache:
    """Reports of compared stories, by (story id, article ids); one comparison runs at a time."""

    def __init__(self, comparer: Comparer, capacity: int = MAX_CACHED_STORIES) -> None:
        if capacity < 1:
            raise ValueError(f"a comparison cache needs room for at least one story, not {capacity}")
        self._comparer = comparer
        self._capacity = capacity
        self._entries: OrderedDict[Key, Compared] = OrderedDict()
        self._lock = threading.Lock()  # guards _entries
        # a comparison uses every core and ~1 GB for its models: two at once would only slow both down
        self._running = threading.Lock()

    def get(self, story_id: str, article_ids: frozenset[str]) -> Compared | None:
        """The story's comparison over exactly these articles, if it has been made."""
        with self._lock:
            entry = self._entries.get((story_id, article_ids))
            if entry is not None:
                self._entries.move_to_end((story_id, article_ids))
            return entry

    def compare(self, store: SQLStore, story_id: str, article_ids: frozenset[str]) -> Compared:
        """The story's comparison, made now unless it is kept (or another request is making it)."""
        with self._running:
            entry = self.get(story_id, article_ids)
            if entry is not None:
                return entry
            started = time.perf_counter()
            comparison = self._comparer(store, story_id)
            report = report_dict(comparison)
            # keyed by what was compared: an article stored since the caller looked is in it too
            compared = frozenset(a.article_id for a in comparison.articles)
            entry = Compared(story_id, compared, report, time.perf_counter() - started)
            log.info("compared story %s (%d articles) in %.1f s", story_id, len(compared), entry.seconds)
            with self._lock:
                self._entries[(story_id, compared)] = entry
                while len(self._entries) > self._capacity:
                    self._entries.popitem(last=False)
            return entry


def model_comparer(options: CompareOptions | None) -> Comparer:
    """:func:`counterpoint.pipeline.compare_story`, and once the models are loaded, their objects frozen.

    spaCy and MiniLM leave ~500,000 objects that live as long as the process; every full pass of Python's
    garbage collector walks them all (~600 ms on this 2-core machine), and would land on some page view
    (a 40-outlet story page: 140 ms at the median, 1.1 s at its worst). Frozen after the first comparison,
    the collector skips them.
    """
    from ..pipeline import compare_story

    frozen = threading.Event()

    def compare(store: SQLStore, story_id: str) -> Comparison:
        comparison = compare_story(store, story_id, options)
        if not frozen.is_set():
            gc.collect()
            gc.freeze()
            frozen.set()
        return comparison

    return compare
