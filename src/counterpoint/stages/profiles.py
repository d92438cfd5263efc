"""Outlet profiles: who each outlet quotes (with affiliation), its framing notes by kind, and what it leaves out.

Each source is counted once under all the forms that name it (:func:`counterpoint.names.speaker_groups`). Part of
the framing stage (its name and version cover it).
"""

from __future__ import annotations

from collections import Counter

from .. import names
from ..model import Comparison, OutletProfile, QuotedSource
from .entities import Gazetteer

_PRONOUN_SPEAKERS = frozenset("he she they it we i you".split())


def profiles(comparison: Comparison, gazetteer: Gazetteer | None = None) -> list[OutletProfile]:
    """Per outlet: who it quotes (with affiliation), its framing notes by kind, and what it leaves out.

    A source is counted once under all the forms that name it across the comparison ("Joe Biden" /
    "Biden" / "President Biden", "the State Department" / "U.S. State Department":
    :func:`counterpoint.names.speaker_groups`), under the group's fullest name. A speaker's affiliation is
    its entity's (a title, a description, an organisation's country), else a country its description names
    ("a US official", "Israeli officials") when a gazetteer is given.
    """
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    affiliation = {e.entity_id: e.affiliation for e in comparison.entities}
    qualifier = gazetteer.is_qualifier if gazetteer is not None else None
    group_of = names.speaker_groups((q.speaker for q in comparison.quotes), qualifier)

    def affiliation_of(speaker: str, entity_id: str | None) -> str | None:
        known = affiliation.get(entity_id or "")
        if known or gazetteer is None or entity_id:
            return known
        return _country_named(speaker, gazetteer)

    group_affiliation: dict[str, Counter[str]] = {}
    for quote in comparison.quotes:
        found = affiliation_of(quote.speaker, quote.speaker_entity_id)
        if found:
            group_affiliation.setdefault(group_of[quote.speaker], Counter())[found] += 1
    result = []
    for outlet in sorted(set(outlet_of.values())):
        quoted: Counter[str] = Counter()
        for quote in comparison.quotes:
            # a pronoun the quotes stage could not resolve ("he said") names no source to count
            if outlet_of[quote.article_id] == outlet and quote.speaker.strip().lower() not in _PRONOUN_SPEAKERS:
                quoted[group_of[quote.speaker]] += 1
        kinds = Counter(n.kind for n in comparison.framing if outlet_of[n.article_id] == outlet)
        sources = [
            QuotedSource(speaker, _most_common(group_affiliation.get(speaker)), count)
            for speaker, count in quoted.most_common()
        ]
        result.append(
            OutletProfile(outlet, sources, dict(sorted(kinds.items())), list(comparison.omissions.get(outlet, [])))
        )
    return result


def _most_common(counts: Counter[str] | None) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


# The longest country name or adjective read in a speaker's description, in words ("South Sudanese", "New Zealand").
_COUNTRY_MAX_WORDS = 3


def _country_named(speaker: str, gazetteer: Gazetteer) -> str | None:
    """The one country a speaker's description names ("Israeli officials"), each name read whole: "South
    Sudanese officials" are South Sudan's, not Sudan's."""
    words = [w.strip(",.") for w in speaker.split()]
    countries = set()
    at = 0
    while at < len(words):
        for length in range(min(_COUNTRY_MAX_WORDS, len(words) - at), 0, -1):
            country = gazetteer.is_qualifier(" ".join(words[at : at + length]))
            if country:
                countries.add(country)
                at += length
                break
        else:
            at += 1
    return countries.pop() if len(countries) == 1 else None
