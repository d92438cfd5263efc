"""Counterpoint: read one news story through many outlets.

>>> from counterpoint import compare
>>> comparison = compare(["examples/harbour-fire"])  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

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
from .pipeline import CompareOptions, compare, compare_articles
from .stages.ingest import IngestOptions, ingest

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
