"""The JSON report: a versioned, documented shape (``docs/report-format.md``, ``report.schema.json``).

``SCHEMA_VERSION`` changes when a field is renamed or removed; adding a field keeps the version.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Article, Claim, Comparison
from ..version import __version__
from .timeline import build_timeline, timeline_dicts

SCHEMA_VERSION = "counterpoint-report/2"


def report_dict(comparison: Comparison) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    texts = {a.article_id: a.text for a in comparison.articles}
    return {
        "schema": SCHEMA_VERSION,
        "generated_by": {
            "counterpoint": __version__,
            "stages": dict(comparison.stages),
            **({"embedder": comparison.embedder} if comparison.embedder else {}),
        },
        "articles": [_article(a) for a in comparison.articles],
        "rejected": [{"source": r.source, "reason": r.reason} for r in comparison.rejected],
        "claims": [_claim(c, texts) for c in comparison.claims],
        "entities": [
            {
                "id": e.entity_id,
                "name": e.name,
                "type": e.type,
                "affiliation": e.affiliation,
                "mentions": [
                    {"sentence": m.sentence_id, "text": m.text, "start": m.start, "end": m.end} for m in e.mentions
                ],
            }
            for e in comparison.entities
        ],
        "quantities": [
            {
                "sentence": q.sentence_id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "value": q.value,
                "counts": q.counts,
                "authority": q.authority,
                "as_of": q.as_of,
            }
            for q in comparison.quantities
        ],
        "quotes": [
            {
                "id": q.quote_id,
                "sentence": q.sentence_id,
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity_id,
                "via": list(q.via),
                "direct": q.direct,
                "statement": q.statement_id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
            }
            for q in comparison.quotes
        ],
        "framing": [
            {
                "sentence": f.sentence_id,
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "kind": f.kind,
                "alternative": f.alternative,
            }
            for f in comparison.framing
        ],
        "digest": [
            {"text": d.text, "sources": list(d.sources), "status": d.status, "outlets": list(d.outlets)}
            for d in comparison.digest
        ],
        "wording": [
            {
                "referent": w.referent,
                "kind": w.kind,
                "variants": [{"outlet": o, "text": t, "sentence": s} for o, t, s in w.variants],
            }
            for w in comparison.wording
        ],
        "profiles": [
            {
                "outlet": p.outlet,
                "quoted": [{"speaker": q.speaker, "affiliation": q.affiliation, "count": q.count} for q in p.quoted],
                "framing": dict(p.framing),
                "omits": list(p.omits),
            }
            for p in comparison.profiles
        ],
        "omissions": [{"outlet": outlet, "claims": list(ids)} for outlet, ids in comparison.omissions.items()],
        "timeline": timeline_dicts(build_timeline(comparison)),
    }


def _claim(claim: Claim, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": claim.claim_id,
        "status": claim.status,
        "kind": claim.kind,
        "sentences": list(claim.sentence_ids),
        "outlets": list(claim.outlets),
        "values": dict(claim.values),
        "note": claim.note,
        "units": [
            {
                "article": u.article_id,
                "sentence": u.sentence_id,
                "start": u.start,
                "end": u.end,
                "text": texts[u.article_id][u.start : u.end],
            }
            for u in claim.units
        ],
        "cohesion": claim.cohesion,
        "copies": dict(claim.copies),
        "links": [
            {
                "sentences": [link.sentence_a, link.sentence_b],
                "spans": [[link.unit_a.start, link.unit_a.end], [link.unit_b.start, link.unit_b.end]],
                "probability": link.probability,
                "cosine": link.cosine,
                "overlap": link.overlap,
                "entities": list(link.entities),
                "numbers": list(link.numbers),
                "words": list(link.words),
            }
            for link in claim.links
        ],
    }


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.article_id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "text": article.text,
        "sentences": [
            {
                "id": s.sentence_id,
                "text": article.sentence_text(s),
                "role": s.role,
                "start": s.start,
                "end": s.end,
                "line": s.line,
                "dates": [
                    {
                        "text": d.text,
                        "start": d.start,
                        "end": d.end,
                        "date": d.date.isoformat() if d.date else None,
                        "relative": d.relative,
                    }
                    for d in s.dates
                ],
            }
            for s in article.sentences
        ],
        "removed": [
            {"text": r.text, "reason": r.reason, "start": r.start, "end": r.end, "line": r.line, "detail": r.detail}
            for r in article.removed
        ],
    }


def write_json(comparison: Comparison, path: str | Path) -> None:
    Path(path).write_text(json.dumps(report_dict(comparison), ensure_ascii=False, indent=2) + "\n", "utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the report (draft 2020-12)."""
    text = resources.files(__package__).joinpath("report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
