"""The timeline of a compared story: the sub-events its articles date, in order, each citing the outlets
that date it, and the days the articles were published.

Only what the text dates. A claim is on the timeline when the evidence span of an outlet (its unit, not
the rest of the sentence) holds a date expression that :mod:`counterpoint.stages.dates` resolved to a day
("on Tuesday night" against the article's publication day, "March 3", "2025-03-11"); the entry cites that
outlet with the date as written. A date right after a reporting verb ("said on Wednesday", "told
reporters on Wednesday"), or opening a sentence whose verb is one ("On Wednesday, the ministry said ..."),
dates the *statement*, and counts only when the span dates nothing else; any other date dates an *event*,
or, when it falls after the article's publication day, something *expected* as of that article. A span
that names two days ("extinguished early on Wednesday and would reopen on Friday") is on both. Each date
expression is cited once, by the claim carried by the most outlets; outlets that date one claim
differently put it on each of their days. A claim no outlet dates is not on the timeline.

>>> entries = build_timeline(comparison)  # doctest: +SKIP
>>> [(e.date.isoformat(), e.kind, len(e.sources)) for e in entries][:2]  # doctest: +SKIP
[('2025-03-11', 'event', 3), ('2025-03-12', 'statement', 2)]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from ..model import Article, Comparison, DateMention, Sentence
from ..text import REPORTING_VERBS

EntryKind = Literal["event", "statement", "expected", "published"]
# Within one day: what happened, then what was said, then what was expected, then who published.
KIND_ORDER: dict[str, int] = {"event": 0, "statement": 1, "expected": 2, "published": 3}

# A reporting verb this many words or fewer before a date makes it the date of the statement ("said on
# Wednesday", "told reporters on Wednesday", "said late on Tuesday": the modifier is part of the date).
# Set by reading the harbour-fire example and the dates tests, not measured on a labelled set.
REPORTING_WORDS_BEFORE = 3
# A date with at most this many words before it in its sentence, followed within REPORTING_WORDS_AFTER
# words by a reporting verb, dates the statement too ("On Wednesday, the ministry said ...", "Police on
# Wednesday said ..."); further into the sentence ("the blast on Tuesday, officials said") it dates the event.
OPENING_WORDS = 1
REPORTING_WORDS_AFTER = 3

_WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """One outlet's dating of an entry: the date as written in its sentence (offsets into its article's
    text); for a publication entry, the article and its title (no sentence)."""

    outlet: str
    article_id: str
    sentence_id: str | None
    text: str
    start: int | None = None
    end: int | None = None
    relative: bool = False  # "on Tuesday", "yesterday": resolved against the publication day


@dataclass(slots=True)
class TimelineEntry:
    """A dated sub-event (a claim on one day) or the articles published on one day."""

    date: dt.date
    kind: EntryKind
    claim_id: str | None
    status: str | None  # the claim's status (shared, unique, conflicting)
    text: str  # the shortest evidence span among the sources; "" for publications
    sources: list[TimelineSource] = field(default_factory=list)


def build_timeline(comparison: Comparison) -> list[TimelineEntry]:
    """The story's dated sub-events and publication days, in date order (see the module docstring)."""
    sentence_of = comparison.sentence_index()
    # the claims carried by the most outlets cite a date expression first (the claims' own order breaks ties)
    claims = sorted(enumerate(comparison.claims), key=lambda item: (-len(set(item[1].outlets)), item[0]))
    entries: dict[tuple[str, dt.date, str], TimelineEntry] = {}
    rank: dict[str, int] = {}
    cited: set[tuple[str, int]] = set()
    for position, claim in claims:
        rank.setdefault(claim.claim_id, position)
        for unit in claim.units:
            if unit.sentence_id not in sentence_of:
                continue
            article, sentence = sentence_of[unit.sentence_id]
            span = article.text[unit.start : unit.end].strip()
            for mention, kind in _datings(article, sentence, unit.start, unit.end):
                if (sentence.sentence_id, mention.start) in cited or mention.date is None:
                    continue
                cited.add((sentence.sentence_id, mention.start))
                entry = entries.setdefault(
                    (claim.claim_id, mention.date, kind),
                    TimelineEntry(mention.date, kind, claim.claim_id, claim.status, span),
                )
                if span and len(span) < len(entry.text):
                    entry.text = span
                entry.sources.append(
                    TimelineSource(
                        article.outlet,
                        article.article_id,
                        sentence.sentence_id,
                        mention.text,
                        mention.start,
                        mention.end,
                        mention.relative,
                    )
                )
    published: dict[dt.date, TimelineEntry] = {}
    for article in comparison.articles:
        if article.published is not None:
            entry = published.setdefault(
                article.published, TimelineEntry(article.published, "published", None, None, "")
            )
            entry.sources.append(TimelineSource(article.outlet, article.article_id, None, article.title or ""))
    for entry in published.values():
        entry.sources.sort(key=lambda s: (s.outlet, s.article_id))
    return sorted(
        [*entries.values(), *published.values()],
        key=lambda e: (e.date, KIND_ORDER[e.kind], -len({s.outlet for s in e.sources}), rank.get(e.claim_id or "", 0)),
    )


def _datings(article: Article, sentence: Sentence, start: int, end: int) -> list[tuple[DateMention, EntryKind]]:
    """The resolved dates in ``start:end`` of the sentence, each as an event, something expected (after the
    publication day) or a statement (only when the span dates no event)."""
    events: list[tuple[DateMention, EntryKind]] = []
    statements: list[tuple[DateMention, EntryKind]] = []
    for mention in sentence.dates:
        if mention.date is None or mention.start < start or mention.end > end:
            continue
        if _reports(article.text, sentence, mention):
            statements.append((mention, "statement"))
        elif article.published is not None and mention.date > article.published:
            events.append((mention, "expected"))
        else:
            events.append((mention, "event"))
    return events or statements


def _reports(text: str, sentence: Sentence, mention: DateMention) -> bool:
    """Whether ``mention`` dates a statement: a reporting verb just before it, or it opens the sentence and
    a reporting verb follows it."""
    before = [w.lower() for w in _WORD.findall(text[sentence.start : mention.start])]
    if any(w in REPORTING_VERBS for w in before[-REPORTING_WORDS_BEFORE:]):
        return True
    if len(before) > OPENING_WORDS:
        return False
    after = [w.lower() for w in _WORD.findall(text[mention.end : sentence.end])]
    return any(w in REPORTING_VERBS for w in after[:REPORTING_WORDS_AFTER])


def timeline_dicts(entries: list[TimelineEntry]) -> list[dict[str, object]]:
    """The timeline as the JSON report writes it (``timeline[]``, docs/report-format.md)."""
    return [
        {
            "date": e.date.isoformat(),
            "kind": e.kind,
            "claim": e.claim_id,
            "status": e.status,
            "text": e.text,
            "sources": [
                {
                    "outlet": s.outlet,
                    "article": s.article_id,
                    "sentence": s.sentence_id,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "relative": s.relative,
                }
                for s in e.sources
            ],
        }
        for e in entries
    ]
