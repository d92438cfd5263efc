"""The gold stories' reports, computed once per test session and shared by the tests that read them.

The seed story needs ``../shared`` beside the project; the team's example story ships in ``examples/``; the
real multi-outlet stories of ``bench/stories.py`` read their texts from ``../shared/bench``. A story whose
texts are not there is skipped.

The reports are computed with float32 embeddings on every machine: bfloat16, which the default embedder uses
where the CPU has it, moves a few borderline links, and the floors are one set of figures for all machines
(docs/decisions/0009-embedding-precision.md).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from counterpoint.evaluate import load_gold
from counterpoint.pipeline import CompareOptions, compare, compare_articles
from counterpoint.report.json_report import report_dict

from .conftest import EXAMPLES, ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))
import stories as bench_stories  # noqa: E402

TEAM_STORIES = {
    "seeds": (SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.gold.json"),
    "harbour-fire": (EXAMPLES, ROOT / "examples" / "harbour-fire.gold.json"),
}
STORIES = sorted([*TEAM_STORIES, *bench_stories.STORIES])


def gold_path(story: str) -> Path:
    return bench_stories.gold_path(story) if story in bench_stories.STORIES else TEAM_STORIES[story][1]


@cache
def gold_report(story: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(report, gold) of ``story``; skips the calling test when the story's texts are not there."""
    if story in bench_stories.STORIES:
        if not bench_stories.available():
            pytest.skip(f"{bench_stories.BENCH} is not there (the stories' texts live in ../shared/bench)")
        articles = bench_stories.articles(story)
        return report_dict(compare_articles(articles, _options())), load_gold(gold_path(story))
    source, gold = TEAM_STORIES[story]
    if not gold.is_file():
        pytest.skip(f"{gold} is not there (the seed story lives in ../shared)")
    return report_dict(compare([source], _options())), load_gold(gold)


def _options() -> CompareOptions:
    return CompareOptions(embedding_precision="float32")
