"""Deterministic, content-derived identifiers.

The same input always gets the same ID, on any machine, so re-ingesting is idempotent and two runs of a
comparison can be diffed line by line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

ID_HEX_CHARS = 12  # 48 bits: a collision among a million articles has odds of about 1 in 500,000


def content_id(prefix: str, *parts: str) -> str:
    """Return ``prefix`` plus a short hash of ``parts``, e.g. ``content_id("a", outlet, text) -> "a3f29c..."``."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:ID_HEX_CHARS]}"


def scope_of(article_ids: Iterable[str]) -> str:
    """The scope of the ids a comparison of these articles gives its entities, claims and statements.

    Entity ids come from a name ("Joe Biden") and claim ids from sentences, which two stories of one store
    can share (a name in both; a roundup's sentences in each story it is split into): with the compared
    articles in the id, the ids of two stories never collide, and one story compared twice keeps its ids.
    """
    return content_id("", *sorted(set(article_ids)))
