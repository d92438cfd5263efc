"""Counterpoint: read one news story through many outlets.

>>> from counterpoint import compare
>>> comparison = compare(["examples/harbour-fire"])  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, CounterpointError, GoldFormatError, InputError, MissingDependencyError
from .model import (
    Article,
    Claim,
    Comparison,
    DigestSentence,
    Entity,
    FramingNote,
    Mention,
    Quantity,
    Quote,
    Rejection,
    Removal,
    Sentence,
    Story,
)
from .version import __version__

if TYPE_CHECKING:
    from .pipeline import CompareOptions, compare, compare_articles
    from .stages.ingest import IngestOptions, ingest

# The pipeline (every stage) loads on first use, so that importing the model, a renderer or the store loads
# nothing else.
_LAZY = {
    "CompareOptions": ".pipeline",
    "compare": ".pipeline",
    "compare_articles": ".pipeline",
    "IngestOptions": ".stages.ingest",
    "ingest": ".stages.ingest",
}

__all__ = [
    "Article",
    "Claim",
    "CompareOptions",
    "Comparison",
    "ConfigError",
    "CounterpointError",
    "DigestSentence",
    "Entity",
    "FramingNote",
    "GoldFormatError",
    "IngestOptions",
    "InputError",
    "Mention",
    "MissingDependencyError",
    "Quantity",
    "Quote",
    "Rejection",
    "Removal",
    "Sentence",
    "Story",
    "__version__",
    "compare",
    "compare_articles",
    "ingest",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'counterpoint' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value
