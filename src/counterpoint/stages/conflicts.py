"""Conflicts: where aligned outlets disagree, and figures that differ for a reason.

Figures. Quantities of different articles that count the same thing (same measure: "killed", "death toll"
and "dead" are one measure; and the same kind of period: a 24-hour count is not a cumulative toll) are the
same claim even when their sentences did not align, so their sentences join one claim. When the values
differ the claim is typed:

* ``revision``: one article gives the other value as an earlier figure ("raising an earlier toll of 12",
  "up from"), or the figures are as of different days;
* ``other-source``: both figures are attributed, to different authorities;
* otherwise ``conflicting`` with kind ``number``.

Within shared claims, more kinds of disagreement are typed conservatively (both sentences must say it
plainly, and share most of their words): ``negation`` (one side denies what the other states: the word
the denial is about is in the other sentence), ``date`` (the same event on different resolved days) and
``place`` (one place each, different, not nested by name and never named together in one sentence).
Across the comparison, the same words quoted verbatim but given to different speakers are an
``attribution`` conflict. Every conflicting claim lists each outlet's value. Different people in the same
role are not typed: two meetings with two people are more often two facts than one disputed one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from ..ids import content_id
from ..model import Claim, Comparison, Quantity, Quote
from .align import STOPWORDS, stem

NAME = "conflicts"
VERSION = "1"

# Counted things that are one measure whatever the wording ("killed 14 people", "the death toll of 14").
MEASURES = {
    "killed": "killed dead death deaths toll fatalities died lives bodies",
    "injured": "injured wounded hurt injuries treated",
    "missing": "missing unaccounted",
    "displaced": "displaced evacuated homeless refugees",
    "arrested": "arrested detained held",
}
_MEASURE_OF = {stem(w): measure for measure, words in MEASURES.items() for w in words.split()}
_REVISION = re.compile(
    r"\b(?:earlier|previous|prior|initial|up from|down from|raising|raised|revised|rose from|climbed from|"
    r"from an earlier|had risen|has risen|climbed to|rose to)\b",
    re.I,
)
NEGATION = re.compile(r"\b(?:not|no|never|denied|denies|deny|rejected|refused)\b|n['\u2019]t\b", re.I)
# A denial is about the first content word after it ("no one was *injured*", "did not *capsize*", "denied that
# the *army* had entered"): it contradicts the other sentence only if that one says that word too. Without
# this, "No one was injured" conflicted with "The fire started while people were inside" in a 10-outlet
# claim (ECB+).
_NOT_THE_DENIED = frozenset({"one", "body", "longer"})
# Two claim units must share this much (IDF-weighted overlap from the link), and be of similar length, before
# a negation, date or place difference is read as a disagreement rather than two different statements.
# Calibrated on 25 BASIL stories: at 0.45 without the length rule, 6 of 7 typed disagreements were two
# statements that merely overlapped ("That is not the objective, man is the objective" / "Man is the objective").
DISAGREEMENT_MIN_OVERLAP = 0.6
DISAGREEMENT_MIN_LENGTH_RATIO = 0.75


@dataclass(slots=True)
class _Figure:
    quantity: Quantity
    outlet: str
    measure: str
    period: str


def measure_of(counts: str) -> str:
    words = [stem(w) for w in re.findall(r"[a-z]+", counts.lower())]
    for word in reversed(words):
        if word in _MEASURE_OF:
            return _MEASURE_OF[word]
    return " ".join(words[-1:])


def _period_kind(as_of: str | None) -> str:
    if not as_of:
        return "cumulative"
    match = re.search(r"(?:past|last|previous|preceding)\s+(?:(\w+)\s+)?(hours?|days?|weeks?|months?|years?)", as_of)
    if match:
        return f"past {match.group(1) or '1'} {match.group(2).rstrip('s')}"
    return "cumulative"


def _latest_day(as_of: str | None) -> str | None:
    match = re.search(r"as of (\d{4}-\d{2}-\d{2})", as_of or "")
    return match.group(1) if match else None


def find_conflicts(comparison: Comparison) -> None:
    """Join same-measure figures into claims and type the disagreements (see the module docstring)."""
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    text_of = {s.sentence_id: a.sentence_text(s) for a in comparison.articles for s in a.sentences}
    figures: dict[tuple[str, str], list[_Figure]] = defaultdict(list)
    for quantity in comparison.quantities:
        figure = _Figure(
            quantity, outlet_of[quantity.article_id], measure_of(quantity.counts), _period_kind(quantity.as_of)
        )
        if figure.measure in MEASURES:
            figures[(figure.measure, figure.period)].append(figure)
    for (measure, period), group in figures.items():
        if len({f.outlet for f in group}) < 2:
            continue
        claim = _claim_for(comparison, group)
        claim.values = {f.outlet: _describe(f) for f in _per_outlet(group)}
        values = {f.quantity.value for f in _per_outlet(group)}
        if len(values) == 1:
            claim.kind = "number"
            claim.note = f"{measure} ({period}): all outlets give {values.pop():,.10g}"
            continue
        kind, note = _classify(group, text_of, measure, period)
        claim.kind, claim.note = kind, note
        claim.status = "conflicting" if kind == "number" else "shared"
    _attribution_conflicts(comparison, outlet_of)
    places = _places_by_sentence(comparison)
    # places some sentence names together ("Tampa, Florida") are nested or near: not competing values
    together = {frozenset((a, b)) for ids in places.values() for a in ids for b in ids if a != b}
    outlet_of_sentence = {s.sentence_id: a.outlet for a in comparison.articles for s in a.sentences}
    dates_of = {s.sentence_id: {d.date for d in s.dates if d.date} for a in comparison.articles for s in a.sentences}
    for claim in comparison.claims:
        if claim.status == "shared" and claim.kind is None:
            _type_disagreement(claim, text_of, outlet_of_sentence, dates_of, places, together)


def _attribution_conflicts(comparison: Comparison, outlet_of: dict[str, str]) -> None:
    """The same words, quoted verbatim, put in different mouths by different outlets."""
    named_in = {(m.sentence_id, e.entity_id) for e in comparison.entities for m in e.mentions}
    by_statement: dict[str, list[Quote]] = defaultdict(list)
    for quote in comparison.quotes:
        # only speakers named in the quote's own sentence: "he said" resolved by context is too weak to dispute
        if quote.statement_id and (quote.sentence_id, quote.speaker_entity_id) in named_in:
            by_statement[quote.statement_id].append(quote)
    for quotes in by_statement.values():
        speakers = {q.speaker_entity_id for q in quotes}
        if len(speakers) < 2 or len({outlet_of[q.article_id] for q in quotes}) < 2:
            continue
        sentence_ids = {q.sentence_id for q in quotes}
        claim = next(
            (c for c in comparison.claims if c.status != "unique" and sentence_ids & set(c.sentence_ids)), None
        )
        if claim is None:
            claim = Claim(content_id("c", *sorted(sentence_ids)), "shared", [], [])
            comparison.claims.append(claim)
        claim.sentence_ids = sorted(set(claim.sentence_ids) | sentence_ids)
        claim.outlets = sorted(set(claim.outlets) | {outlet_of[q.article_id] for q in quotes})
        claim.status, claim.kind = "conflicting", "attribution"
        claim.values = {outlet_of[q.article_id]: q.speaker for q in quotes}
        claim.note = "the same words are attributed to different speakers"


def _places_by_sentence(comparison: Comparison) -> dict[str, dict[str, str]]:
    places: dict[str, dict[str, str]] = defaultdict(dict)
    for entity in comparison.entities:
        if entity.type in ("GPE", "LOC", "FAC"):
            for mention in entity.mentions:
                places[mention.sentence_id][entity.entity_id] = entity.name
    return places


def _per_outlet(group: list[_Figure]) -> list[_Figure]:
    """One figure per outlet: the largest (the latest toll an article gives)."""
    best: dict[str, _Figure] = {}
    for figure in group:
        if figure.outlet not in best or figure.quantity.value > best[figure.outlet].quantity.value:
            best[figure.outlet] = figure
    return list(best.values())


def _describe(figure: _Figure) -> str:
    quantity = figure.quantity
    parts = [f"{quantity.value:,.10g}"]
    if quantity.authority:
        parts.append(f"according to {quantity.authority}")
    if quantity.as_of:
        parts.append(quantity.as_of)
    return "; ".join(parts)


def _claim_for(comparison: Comparison, group: list[_Figure]) -> Claim:
    sentence_ids = {f.quantity.sentence_id for f in group}
    overlapping = [
        c for c in comparison.claims if c.status != "unique" and c.kind is None and sentence_ids & set(c.sentence_ids)
    ]
    if overlapping:
        # every aligned claim that states one of these figures is the same claim: merge them into the first
        claim, rest = overlapping[0], overlapping[1:]
        for other in rest:
            sentence_ids |= set(other.sentence_ids)
            claim.links.extend(other.links)
            comparison.claims.remove(other)
        claim.sentence_ids = sorted(set(claim.sentence_ids) | sentence_ids)
        claim.outlets = sorted(set(claim.outlets) | {f.outlet for f in group} | {o for c in rest for o in c.outlets})
        return claim
    claim = Claim(
        content_id("c", *sorted(sentence_ids)), "shared", sorted(sentence_ids), sorted({f.outlet for f in group})
    )
    comparison.claims.append(claim)
    return claim


def _classify(group: list[_Figure], text_of: dict[str, str], measure: str, period: str) -> tuple[str, str]:
    per_outlet = _per_outlet(group)
    values = sorted({f.quantity.value for f in per_outlet})
    low, high = values[0], values[-1]
    for figure in group:
        text = text_of[figure.quantity.sentence_id]
        if figure.quantity.value == high and _mentions_value(text, low) and _REVISION.search(text):
            return "revision", f"{measure} ({period}) revised from {low:,.10g} to {high:,.10g} ({figure.outlet})"
    days = {_latest_day(f.quantity.as_of) for f in per_outlet}
    if len(days) > 1 and None not in days:
        ordered = sorted(per_outlet, key=lambda f: _latest_day(f.quantity.as_of) or "")
        story = ", ".join(f"{f.quantity.value:,.10g} as of {_latest_day(f.quantity.as_of)}" for f in ordered)
        return "revision", f"{measure} ({period}) changed over time: {story}"
    authorities = {f.quantity.authority for f in per_outlet}
    if len(authorities) > 1 and None not in authorities:
        story = ", ".join(f"{f.quantity.value:,.10g} according to {f.quantity.authority}" for f in per_outlet)
        return "other-source", f"{measure} ({period}) from different sources: {story}"
    story = ", ".join(f"{f.outlet}: {f.quantity.value:,.10g}" for f in per_outlet)
    return "number", f"{measure} ({period}) differs: {story}"


def _mentions_value(text: str, value: float) -> bool:
    digits = f"{value:,.10g}"
    return digits in text or digits.replace(",", "") in text


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOPWORDS]


def _denies_what_the_other_states(negated: str, plain: str) -> bool:
    """Whether the word a denial in ``negated`` is about is also in ``plain``."""
    stated = {stem(w) for w in _content_words(plain)}
    for match in NEGATION.finditer(negated):
        denied = [w for w in _content_words(negated[match.end() :]) if w not in _NOT_THE_DENIED][:1]
        if denied and stem(denied[0]) in stated:
            return True
    return False


def _type_disagreement(
    claim: Claim,
    text_of: dict[str, str],
    outlet_of_sentence: dict[str, str],
    dates_of: dict[str, set[dt.date]],
    places: dict[str, dict[str, str]],
    together: set[frozenset[str]],
) -> None:
    for link in claim.links:
        units = link.features.get("units", [text_of[link.sentence_a], text_of[link.sentence_b]])
        lengths = sorted(len(u.split()) for u in units)
        if (
            float(link.features.get("overlap", 0.0)) < DISAGREEMENT_MIN_OVERLAP
            or lengths[0] < DISAGREEMENT_MIN_LENGTH_RATIO * lengths[1]
        ):
            continue
        negated = [bool(NEGATION.search(u)) for u in units]
        outlets = (outlet_of_sentence[link.sentence_a], outlet_of_sentence[link.sentence_b])
        if negated[0] != negated[1] and _denies_what_the_other_states(*(units if negated[0] else units[::-1])):
            claim.status, claim.kind = "conflicting", "negation"
            claim.values = {o: u for o, u in zip(outlets, units, strict=True)}
            claim.note = "one outlet denies what the other affirms"
            return
        days_a, days_b = dates_of[link.sentence_a], dates_of[link.sentence_b]
        if len(days_a) == 1 and len(days_b) == 1 and days_a != days_b:
            claim.status, claim.kind = "conflicting", "date"
            claim.values = {outlets[0]: min(days_a).isoformat(), outlets[1]: min(days_b).isoformat()}
            claim.note = "the outlets give different days"
            return
        place_a = {k: v for k, v in places.get(link.sentence_a, {}).items() if v.lower() in units[0].lower()}
        place_b = {k: v for k, v in places.get(link.sentence_b, {}).items() if v.lower() in units[1].lower()}
        pair = frozenset(place_a.keys() | place_b.keys())
        if len(place_a) == 1 and len(place_b) == 1 and len(pair) == 2 and pair not in together:
            name_a, name_b = next(iter(place_a.values())), next(iter(place_b.values()))
            if not set(name_a.lower().split()) & set(name_b.lower().split()):  # "Gaza City" is in "Gaza Strip"
                claim.status, claim.kind = "conflicting", "place"
                claim.values = {outlets[0]: name_a, outlets[1]: name_b}
                claim.note = "the outlets give different places"
                return
