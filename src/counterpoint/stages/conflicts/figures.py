"""Figure claims of the conflicts stage: the counted figures (killed, injured, missing, displaced, arrested, and the
times one act was done: "shot seven times") that articles give of one frame, one per outlet, typed as agreeing, a
revision, another source's or conflicting, and tolls some outlets give and others report as denied; with the
measures a figure can count (:data:`MEASURES`, :func:`measure_of`), the patterns and thresholds the claims are
judged by, and :func:`_claim`, which makes the claim of every kind of conflict from its evidence units."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ...ids import content_id
from ...linking import Scored, sentence_vectors
from ...model import Claim, ClaimUnit, Comparison, Quantity
from ...text import DEGREE_WORDS, content_words, stem
from ..quantities import ORDINALS
from ..units import Unit
from .slots import _MONEY, _YEAR, _currency, _named_days

# Counted things that are one measure whatever the wording ("killed 14 people", "the death toll of 14"). "Held" is
# not an arrest: ships and hostages are held too ("17 of the hijacked ships are held by pirates").
MEASURES = {
    "killed": "killed dead death deaths toll fatalities died lives bodies",
    "injured": "injured wounded hurt injuries treated",
    "missing": "missing unaccounted",
    "displaced": "displaced evacuated homeless refugees",
    "arrested": "arrested detained",
}
_MEASURE_OF = {stem(w): measure for measure, words in MEASURES.items() for w in words.split()}
# A count of times counts acts ("arrested 4 times"), whatever the act
_TIMES = frozenset({stem("time"), stem("times")})
_REVISION = re.compile(
    r"\b(?:earlier|previous|prior|initial|up from|down from|raising|raised|revised|rose from|climbed from|"
    r"from an earlier|had risen|has risen|climbed to|rose to)\b",
    re.I,
)
# A figure an outlet reports as denied ("Veltria denied the death toll given by the ministry", "rejected the
# ministry's figure of 4,535 dead"): a verb of denial whose object, a few words on, is a toll or a figure. Doubt
# ("questioned", "could not verify") is not denial; "did not dispute the toll" is none.
_DENIED_FIGURE = re.compile(
    r"(?<!\bnot )(?<!\bnever )(?<!n't )\b(?P<verb>den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:e|es|ed)|dismiss(?:es|ed)?|"
    r"refut(?:e|es|ed)|contest(?:s|ed)?)\s+(?:(?:the|a|an|its|their|his|her|this|that|these|those|[A-Z][\w-]*(?:'s|\u2019s)?|"
    r"[a-z-]+(?:'s|\u2019s)|official|reported|published|latest|new|overall|[a-z]+-run|health|ministry|casualty|death)\s+){0,6}"
    r"(?P<noun>death tolls?|tolls?|figures?|numbers?|counts?|tall(?:y|ies)|casualty (?:figures?|counts?|numbers?))\b",
)
# What a denied figure counts when the sentence does not say: a toll counts the dead.
_TOLL_WORDS = re.compile(r"\b(?:death tolls?|tolls?|casualt\w*)\b", re.I)

# A figure given as a floor or as provisional: a larger figure elsewhere revises it rather than contradicts it.
_PROVISIONAL = re.compile(
    r"\b(?:at least|more than|over|as many as|so far|at the time|initial(?:ly)?|confirmed|preliminary|"
    r"dozens|scores|hundreds|several)\b",
    re.I,
)
# Figures of one measure count the same thing (not an earlier event's toll, not one district's) when their
# sentences' embeddings have at least this cosine (or are linked through others that do). Calibrated on the
# dev stories (decision 0011).
FIGURE_MIN_COSINE = 0.45
# Two groups of figures are one frame when at least this share of the pairs across them are close, or one is
# a single figure whose closest figure is in the other: a chain of close pairs is not one frame (Brooklyn: a
# count of Monday's arrests, close to a sentence that names 46 arrests, does not pull in Gray's prior arrests).
FIGURE_COHESION = 0.5


@dataclass(slots=True)
class _Figure:
    quantity: Quantity
    outlet: str
    measure: str
    period: str


def measure_of(counts: str) -> str:
    """The measure of what a figure counts: the first word of its phrase that names one ("deaths held" counts
    deaths, not arrests; "people arrested" counts arrests), else its last word."""
    words = [stem(w) for w in re.findall(r"[a-z]+", counts.lower())]
    if words[:1] and words[0] in _TIMES:
        return " ".join(words)  # "times arrested" counts acts, not people: "arrested 4 times" is no arrest toll
    for word in words:
        if word in _MEASURE_OF:
            return _MEASURE_OF[word]
    return " ".join(words[-1:])


_SINCE = re.compile(r"\bsince\b", re.I)
# "the first time", "a 3rd time": which time, not how many
_ORDINAL = re.compile(r"(?:the\s+|a\s+)?(?:" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\b", re.I)


def _counts_acts(measure: str) -> bool:
    """Whether a measure counts the times an act was done ("shot seven times"): a figure of the event itself."""
    first, _, act = measure.partition(" ")
    return first in _TIMES and bool(act)


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


def _figure_claims(comparison: Comparison, outlet_of: dict[str, str], scored: Scored | None) -> list[Claim]:
    """Add the figure claims to ``comparison.claims``; return those of counts of an act (:func:`_counts_acts`),
    which the caller adds where the slot conflicts have not told the same disagreement."""
    text_of = comparison.sentence_text
    units = scored.units if scored else []
    figures: dict[tuple[str, str], list[_Figure]] = defaultdict(list)
    other: dict[float, list[_Figure]] = defaultdict(list)  # figures of other measures, by value
    current = _story_year(comparison)
    sentence_of = comparison.sentence_index()
    before = {
        s.sentence_id: previous.sentence_id
        for a in comparison.articles
        for previous, s in itertools.pairwise(a.sentences)
        if previous.line == s.line
    }

    def earlier(sentence_id: str) -> bool:
        text = text_of(sentence_id)
        return bool(current and _earlier_year(text, current)) or bool(_YEARS_AGO.search(text))

    def names_a_time(sentence_id: str) -> bool:
        """A time of its own: a year, a named day or month, or a day the dates stage read ("yesterday")."""
        text = text_of(sentence_id)
        return bool(_YEAR.search(text) or _named_days(text) or sentence_of[sentence_id][1].dates)

    for quantity in comparison.quantities:
        sentence_id = quantity.sentence_id
        if earlier(sentence_id):
            continue  # "the 2004 tsunami killed 230,000": background, another event's figure
        if sentence_id in before and earlier(before[sentence_id]) and not names_a_time(sentence_id):
            continue  # "In April last year a quake struck ... Five people died in the quake": its figure too
        if _PART.search(quantity.counts):
            continue  # "four other people died", "30 people seriously injured": a part of a toll, not a toll
        if _RECORD.search(quantity.counts):
            continue  # "Gray has four prior arrests": someone's record, not this event's figure
        denial = _DENIED_FIGURE.search(text_of(quantity.sentence_id))
        if denial and sentence_of[quantity.sentence_id][1].start + denial.start() < quantity.start:
            continue  # "rejected the ministry's figure of 4,535 dead": a figure denied, not given
        measure = measure_of(quantity.counts)
        period = _period_kind(quantity.as_of)
        if _counts_acts(measure) and _SINCE.search(quantity.as_of or ""):
            period = "since"  # "arrested three times since October" counts another span than "arrested four times"
        figure = _Figure(quantity, outlet_of[quantity.article_id], measure, period)
        if figure.measure in MEASURES or (_counts_acts(figure.measure) and not _ORDINAL.match(quantity.text)):
            figures[(figure.measure, figure.period)].append(figure)
        elif _distinctive(quantity.value) and not _CLOCK_MINUTES.search(
            sentence_of[sentence_id][0].text, sentence_of[sentence_id][1].start, quantity.start
        ):
            other[quantity.value].append(figure)
    by_sentence: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_sentence[unit.sentence_id].append(unit)
    vectors = sentence_vectors(scored) if scored is not None else None
    frames: dict[str, list[list[_Figure]]] = defaultdict(list)  # measure -> its figures of the whole period, by frame
    acts: list[Claim] = []
    for (measure, period), measured in figures.items():
        for group in _same_frame(measured, vectors):
            claim = _figure_claim(comparison, group, measure, period, outlet_of, text_of, by_sentence, vectors)
            if claim is not None:
                (acts if _counts_acts(measure) else comparison.claims).append(claim)
            if period == "cumulative":
                frames[measure].append(group)
    _denied_figures(comparison, frames, outlet_of, text_of, by_sentence)
    # outlets that give one figure of another measure in close sentences share it, one unit each, however they
    # word what it counts ("a 6.1-magnitude quake", "magnitude 6.1"); figures that differ are the slot conflicts'
    for given in other.values():
        for group in _same_frame(given, vectors):
            claim = _figure_claim(comparison, group, "", "", outlet_of, text_of, by_sentence, vectors)
            if claim is not None:
                comparison.claims.append(claim)
    return acts


def _story_year(comparison: Comparison) -> int | None:
    """The year the story happens in: its latest publication year; without dates, the year after the latest
    an article names. A story names years for its background ("some 2 million died in the war of
    1983-2005", "an 8.7-magnitude quake in May 2012") and tells its own time by the day ("on Thursday"); a
    story that names no year has no background to set apart by year."""
    published = [a.published.year for a in comparison.articles if a.published]
    if published:
        return max(published)
    named = [int(y) for a in comparison.articles for y in _YEAR.findall(a.text)]
    return max(named) + 1 if named else None


# What a count of a part of a toll says: more of them ("four other people died", "five more bodies") or a grade
# of their state ("30 people seriously injured").
_PART = re.compile(r"\b(?:other|more|another|additional|further|" + "|".join(sorted(DEGREE_WORDS)) + r")\b", re.I)
# What a count of someone's record says ("four prior arrests", "two previous convictions").
_RECORD = re.compile(r"\b(?:prior|previous|past|former|earlier)\b", re.I)
# An earlier year named without its number ("In April last year", "two years ago").
_YEARS_AGO = re.compile(r"\b(?:last|previous|the\s+previous)\s+year\b|\b(?:a|one|two|three|\d+)\s+years?\s+ago\b", re.I)


def _earlier_year(text: str, current: int) -> bool:
    """Whether ``text`` names years, all of them before ``current``: it tells of an earlier event."""
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years) and max(years) < current


def _same_frame(group: list[_Figure], vectors: dict[str, NDArray[np.float32]] | None) -> list[list[_Figure]]:
    """Figures of one measure split by what they count: the toll of this event, of an earlier one, of one
    district. Two figures are of one frame when their units' embeddings (their sentences') have a cosine of
    at least FIGURE_MIN_COSINE; groups join while FIGURE_COHESION of the pairs across them are, or when one
    is a single figure whose closest figure is in the other."""
    if not vectors or len(group) < 2:
        return [group]
    # the whole sentence around each figure: "has climbed to 14" alone says little of what is counted
    missing = np.zeros_like(next(iter(vectors.values())))
    rows = np.stack([vectors.get(f.quantity.sentence_id, missing) for f in group])
    cosine = rows @ rows.T
    nearest_of = np.argmax(cosine - 2 * np.eye(len(group)), axis=1).tolist()
    # cohesion, not chains: groups join, closest pairs first, when most pairs across them are close
    members: dict[int, list[int]] = {i: [i] for i in range(len(group))}
    root = list(range(len(group)))
    order = sorted(
        ((i, j) for i in range(len(group)) for j in range(i + 1, len(group)) if cosine[i, j] >= FIGURE_MIN_COSINE),
        key=lambda p: -cosine[p],
    )
    for i, j in order:
        a, b = root[i], root[j]
        if a == b:
            continue
        across = cosine[np.ix_(members[a], members[b])] >= FIGURE_MIN_COSINE
        # a figure alone joins the group of the figure it is closest to
        nearest = len(members[b]) == 1 and nearest_of[members[b][0]] in members[a]
        if not nearest and across.mean() < FIGURE_COHESION:
            continue
        for k in members[b]:
            root[k] = a
        members[a] += members.pop(b)
    return [[group[i] for i in sorted(m)] for m in members.values()]


def _figure_claim(
    comparison: Comparison,
    group: list[_Figure],
    measure: str,
    period: str,
    outlet_of: dict[str, str],
    text_of: Callable[[str], str],
    by_sentence: dict[str, list[Unit]],
    vectors: dict[str, NDArray[np.float32]] | None = None,
) -> Claim | None:
    """The claim of a group of figures, one per outlet. ``measure`` "": figures of one value and of no measure of
    :data:`MEASURES`, named by what their outlets most often say they count."""
    chosen = _per_outlet(group, vectors)
    values = {f.quantity.value for f in chosen}
    if len(chosen) < 2 or (_counts_acts(measure) and len(values) == 1 and not _distinctive(min(values))):
        return None  # small counts of an act that agree ("three times") bind nothing, as small figures of any measure
    evidence = [_figure_unit(f.quantity, by_sentence, comparison) for f in chosen]
    claim = _claim(evidence, outlet_of, "shared", comparison.scope)
    claim.values = {f.outlet: _describe(f) for f in chosen}
    if len(values) == 1:
        claim.kind = "number"
        label = f"{measure} ({period})" if measure else Counter(f.quantity.counts for f in chosen).most_common(1)[0][0]
        figure = f"{_sum_sign(chosen)}{values.pop():,.10g}"
        unit = _written_unit(chosen)
        if unit and unit not in label.lower().split():
            figure = f"{figure}{unit}" if unit == "%" else f"{figure} {unit}"
        claim.note = f"{label}: {figure}, the same in all {len(chosen)} outlets that give it"
    else:
        dated = {a.article_id for a in comparison.articles if a.published}
        claim.kind, claim.note = _classify(group, chosen, text_of, measure, period, dated)
        claim.status = "conflicting" if claim.kind == "number" else "shared"
    return claim


# The word a figure is written with, right after its number ("55 kilometers", "a 6.1-magnitude", "12%").
_WRITTEN_UNIT = re.compile(r"\d[\d.,]*\s*(?:-\s*)?(%|[^\W\d_]+)\s*$")
# Words after a number that scale it ("$1 million"): the value already holds them.
_SCALE_WORDS = frozenset("hundred thousand million billion trillion m mn bn k".split())


def _written_unit(chosen: list[_Figure]) -> str:
    """The unit every outlet writes after the figure ("55 kilometers"), when all write the same one; else ""."""
    units = {m.group(1).lower() if (m := _WRITTEN_UNIT.search(f.quantity.text)) else "" for f in chosen}
    unit = units.pop() if len(units) == 1 else ""
    return "" if unit in _SCALE_WORDS else unit


def _sum_sign(chosen: list[_Figure]) -> str:
    """The currency the figures are written in ("$ 1 million", "US$1m") when they name one and only one, else ""."""
    currencies = {_currency(m.group(1)) for f in chosen if (m := _MONEY.search(f.quantity.text))}
    return currencies.pop() if len(currencies) == 1 else ""


# The minutes of a clock time ("at 7:30 p.m."): no figure of their own.
_CLOCK_MINUTES = re.compile(r"\d\s*:\s*$")


def _distinctive(value: float) -> bool:
    """A figure of two digits or more, or with decimals ("6.1", "249", "$20,000"): few things in one story come to
    it by chance, unlike "three" or "one"; the corpus tells incidents apart by the same figures."""
    return value >= 10 or value != int(value)


def _denied_figures(
    comparison: Comparison,
    frames: dict[str, list[list[_Figure]]],
    outlet_of: dict[str, str],
    text_of: Callable[[str], str],
    by_sentence: dict[str, list[Unit]],
) -> None:
    """A toll some outlets give and others report as denied: a conflict of kind ``negation`` between the outlets
    that state the figure and those whose sentence denies it (an outlet that reports the denial is on its side,
    whatever figure it also gives). The denied figure is the one of the measure the denial names ("the death
    toll", "the figure of 4,535 dead"): of its frames, the one that holds the figure the denial gives, else the one
    most outlets give."""
    counted: dict[str, list[Quantity]] = defaultdict(list)
    for quantity in comparison.quantities:
        if measure_of(quantity.counts) in MEASURES:
            counted[quantity.sentence_id].append(quantity)
    denials: dict[str, list[tuple[ClaimUnit, str, float | None]]] = defaultdict(list)  # measure -> (unit, verb, value)
    for article in comparison.articles:
        for sentence in article.sentences:
            text = text_of(sentence.sentence_id)
            match = _DENIED_FIGURE.search(text)
            if not match:
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            # the counted figure the denial names: the first after its verb ("denied the toll of 4,535 dead and
            # 9,000 wounded" denies the dead), else any of the sentence's
            figures = sorted(counted[sentence.sentence_id], key=lambda q: (q.start < start, q.start))
            after = [_MEASURE_OF.get(stem(w)) for w in re.findall(r"[a-z]+", text[match.end() :].lower())]
            if figures:
                measure, value = measure_of(figures[0].counts), figures[0].value
            elif _TOLL_WORDS.search(match.group(0)):
                measure, value = "killed", None
            elif any(after):  # "the ministry's figure of 4,535 dead"
                measure, value = next(m for m in after if m), None
            elif sourced := _measure_of_source(text, frames):  # "disputed the figures of the health ministry"
                measure, value = sourced, None
            else:
                continue  # "denied the figures": of what and whose, the sentence does not say
            unit = _unit_around(article.article_id, sentence.sentence_id, start, end, by_sentence, comparison)
            denials[measure].append((unit, match.group("verb").lower(), value))
    for measure, denied in denials.items():
        if not frames.get(measure):
            continue
        given = {value for _, _, value in denied if value is not None}
        frame = max(frames[measure], key=lambda g: (bool(given & {f.quantity.value for f in g}), len(_per_outlet(g))))
        deniers = {outlet_of[unit.article_id] for unit, _, _ in denied}
        stating = [f for f in _per_outlet(frame) if f.outlet not in deniers]
        if not stating:
            continue
        evidence = [_figure_unit(f.quantity, by_sentence, comparison) for f in stating]
        sides = {f.outlet: f"{f.quantity.value:,.10g}" for f in stating}
        for unit, verb, _ in denied:
            outlet = outlet_of[unit.article_id]
            if outlet not in sides:
                evidence.append(unit)
                sides[outlet] = f"{verb} the figure"
        claim = _claim(evidence, outlet_of, "conflicting", comparison.scope)
        claim.kind = "negation"
        claim.values = sides
        claim.note = f"{measure}: a denial of the figure is reported by {', '.join(sorted(deniers))}"
        comparison.claims.append(claim)


def _measure_of_source(text: str, frames: dict[str, list[list[_Figure]]]) -> str | None:
    """The one measure whose figures come from an authority ``text`` names ("the figures of the Kessa health
    ministry" where the ministry gives the toll): its content words, two at least, all in ``text``."""
    words = {stem(w) for w in content_words(text)}
    named = {
        measure
        for measure, groups in frames.items()
        for group in groups
        for figure in group
        if figure.quantity.authority
        and len(own := {stem(w) for w in content_words(figure.quantity.authority)}) >= 2
        and own <= words
    }
    return named.pop() if len(named) == 1 else None


def _figure_unit(quantity: Quantity, by_sentence: dict[str, list[Unit]], comparison: Comparison) -> ClaimUnit:
    """The smallest claim unit around a figure (its clause), else its sentence."""
    return _unit_around(
        quantity.article_id, quantity.sentence_id, quantity.start, quantity.end, by_sentence, comparison
    )


def _unit_around(
    article_id: str, sentence_id: str, start: int, end: int, by_sentence: dict[str, list[Unit]], comparison: Comparison
) -> ClaimUnit:
    """The smallest claim unit holding ``start:end`` (its clause), else its sentence."""
    around = [u for u in by_sentence.get(sentence_id, []) if u.start <= start and end <= u.end]
    if around:
        unit = min(around, key=lambda u: u.end - u.start)
        return ClaimUnit(unit.article_id, unit.sentence_id, unit.start, unit.end)
    article = next(a for a in comparison.articles if a.article_id == article_id)
    sentence = next(s for s in article.sentences if s.sentence_id == sentence_id)
    return ClaimUnit(article.article_id, sentence.sentence_id, sentence.start, sentence.end)


def _per_outlet(group: list[_Figure], vectors: dict[str, NDArray[np.float32]] | None = None) -> list[_Figure]:
    """One figure per outlet: the largest (the latest toll an article gives); of an outlet's sentences that give
    it, the one closest on average to the other outlets' sentences of the group (its lead, not a line of its
    headline or a caption that repeats the figure), or the first where there are no vectors."""
    by_outlet: dict[str, list[_Figure]] = defaultdict(list)
    for figure in group:
        by_outlet[figure.outlet].append(figure)
    candidates = {
        outlet: [f for f in figures if f.quantity.value == max(g.quantity.value for g in figures)]
        for outlet, figures in by_outlet.items()
    }
    vectors = vectors or {}

    def closeness(figure: _Figure) -> float:
        own = vectors.get(figure.quantity.sentence_id)
        others = [
            vectors[f.quantity.sentence_id]
            for outlet, figures in candidates.items()
            if outlet != figure.outlet
            for f in figures
            if f.quantity.sentence_id in vectors
        ]
        return float(np.mean([own @ vector for vector in others])) if own is not None and others else 0.0

    return [max(figures, key=closeness) for _, figures in sorted(candidates.items())]


def _describe(figure: _Figure) -> str:
    """A figure claim's value for one outlet: the figure first, then "; "-separated who gives it and as of when
    (the digest reads the figure back from the first part)."""
    quantity = figure.quantity
    parts = [f"{quantity.value:,.10g}"]
    if quantity.authority:
        parts.append(f"according to {quantity.authority}")
    if quantity.as_of:
        parts.append(quantity.as_of)
    return "; ".join(parts)


def _classify(
    group: list[_Figure],
    chosen: list[_Figure],
    text_of: Callable[[str], str],
    measure: str,
    period: str,
    dated: set[str],
) -> tuple[str, str]:
    values = sorted({f.quantity.value for f in chosen})
    low, high = values[0], values[-1]
    for figure in group:
        text = text_of(figure.quantity.sentence_id)
        if figure.quantity.value == high and _mentions_value(text, low) and _REVISION.search(text):
            return "revision", f"{measure} ({period}) revised from {low:,.10g} to {high:,.10g} ({figure.outlet})"
    days = {_latest_day(f.quantity.as_of) for f in chosen}
    if len(days) > 1 and None not in days:
        ordered = sorted(chosen, key=lambda f: _latest_day(f.quantity.as_of) or "")
        story = ", ".join(f"{f.quantity.value:,.10g} as of {_latest_day(f.quantity.as_of)}" for f in ordered)
        return "revision", f"{measure} ({period}) changed over time: {story}"
    authorities = {f.quantity.authority for f in chosen}
    if len(authorities) > 1 and None not in authorities:
        story = ", ".join(f"{f.quantity.value:,.10g} according to {f.quantity.authority}" for f in chosen)
        return "other-source", f"{measure} ({period}) from different sources: {story}"
    lower = [f for f in chosen if f.quantity.value < high]
    if all(_PROVISIONAL.search(text_of(f.quantity.sentence_id)) for f in lower):
        story = ", ".join(f"{f.outlet}: {f.quantity.value:,.10g}" for f in chosen)
        return "revision", f"{measure} ({period}): lower figures are floors or early counts ({story})"
    story = ", ".join(f"{f.outlet}: {f.quantity.value:,.10g}" for f in chosen)
    if not _counts_acts(measure) and any(
        f.quantity.article_id not in dated and not _latest_day(f.quantity.as_of) for f in chosen
    ):
        # a toll grows as an event unfolds: without the day of each figure, a difference is not a contradiction
        return "revision", f"{measure} ({period}) differs where the day is unknown; it may have been revised ({story})"
    return "number", f"{measure} ({period}) differs: {story}"


def _mentions_value(text: str, value: float) -> bool:
    digits = f"{value:,.10g}"
    return digits in text or digits.replace(",", "") in text


def _claim(evidence: list[ClaimUnit], outlet_of: dict[str, str], status: str, scope: str) -> Claim:
    evidence = sorted(evidence, key=lambda u: (u.article_id, u.start))
    key = [f"{u.sentence_id}:{u.start}-{u.end}" for u in evidence]
    return Claim(
        content_id("k", scope, *key),
        "conflicting" if status == "conflicting" else "shared",
        sorted({u.sentence_id for u in evidence}),
        sorted({outlet_of[u.article_id] for u in evidence}),
        units=evidence,
    )
