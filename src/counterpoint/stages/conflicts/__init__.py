"""Conflicts: where outlets state the same frame with a different value, and figures that differ for a reason.

**Figures.** Quantities of different articles that count the same thing (the same measure: "killed", "death
toll" and "dead" are one; and the same kind of period: a 24-hour count is not a cumulative toll) form a
figure claim of their own, one unit per outlet (the outlet's largest figure: the latest toll it gives).
When the values differ the claim is typed

* ``revision``: one article gives the other value as an earlier figure ("raising an earlier toll of 12",
  "up from"), the figures are as of different days, or the smaller ones are lower bounds or provisional
  ("at least 5", "so far") beside a larger one;
* ``other-source``: the figures are attributed to different authorities;
* otherwise ``conflicting``, kind ``number``.

**Same frame, different value.** Two units of different articles that say the same thing apart from one
slot disagree on that slot: ``number`` (the same measure word: "an 8.6-magnitude quake" / "an
8.7-magnitude quake", "shot seven times" / "shot 11 times", the same currency: "$60 million" / "$35m"; unit
conversions that agree are not a conflict, nor figures some outlet gives side by side: "$334 million, $281
million in cash", nor a count over a stated period against one without: "three times since October"),
``date`` (different named days or months, or resolved days), ``place`` (a different compass direction from the
same reference, offshore against inland, or two places never named together), ``negation`` (one denies what
the other states: the word the denial is about is in the other unit). "The same thing" is measured on the
rest: the units' content words apart from the slot's own words overlap by at least :data:`FRAME_MIN_OVERLAP`
and their embeddings are close. A conflict claim holds only the units that disagree on that slot, each side's
value and outlet, and its evidence spans.

**Attribution.** The same words quoted verbatim but given to different speakers by different outlets: a
statement several articles carry word for word, or shorter quoted words in the sentences of one claim given
to two different people.

The stage's parts: :mod:`.figures` (figure claims, denied tolls and :func:`_claim`), :mod:`.slots` (what a
unit states in each slot), :mod:`.negation` (denials) and :mod:`.differences` (how two units' values differ);
this module runs them and finds the slot and attribution conflicts.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import numpy as np

from ...linking import FRAME_MIN_PROBABILITY, Scored
from ...model import ClaimUnit, Comparison, Quote
from ...names import same_name
from ...places import utc_offsets
from ...text import FIGURE, denial_scopes, dice, is_question, word_run
from ..entities import Gazetteer
from ..units import Unit
from .differences import _clock_key, _difference, _figure, _owned_apart, _time_difference
from .figures import MEASURES, _claim, _figure_claims, measure_of
from .slots import (
    _DIRECTIONS,
    AGE_UNIT,
    _bundled_gazetteer,
    _figure_value,
    _named_days,
    _Slots,
    _slots,
    _statement_place,
    _subject_name,
)

NAME = "conflicts"
VERSION = "65"  # 6: a denial of degree is about the degree; refusing to act denies nothing;
# 7: dates one outlet tells apart in one frame are two events; 8: denials listed one after another are one;
# a purpose denied ("was not to sell") denies no act; 9: figures written as words and sums of money are read;
# figures one outlet tells apart and counts over a stated period are not competing values; a figure inside
# another outlet's range agrees with it; "should not have", a "non-" word and a denial in parentheses deny nothing;
# 10: "cannot" denies; a word in an embedded question ("unable to say if") is not stated; places spelled two
# ways are one; "no longer" covers what it is joined to; 11: a figure counts the first measure its phrase names;
# 12: an age beside a name ("Ivo Marek, 41,") or with "aged" is an age; 13: a word after "without" is denied,
# an act after "working to" (trying, seeking ...) is not stated, "failed to" denies it; "no more than" is a bound;
# a dollar of a named country ("$US10m") is its own currency; a year after "since" is when something began;
# 14: the day of a statement ("officials said Wednesday") is not the day of the event; 15: ages are compared only
# when both tell whose (a name or a role, alike); "refusing to" denies; one speaker named two ways is no
# attribution conflict; a round figure within 1% of another is that figure rounded; 16: "not only" denies
# nothing, nor does declining to say ("would not say what", "could not confirm"), nor a denial "at the time" of
# another moment; 17: rejections agree ("rejected" / "declined"), "hasn't X since Y" agrees with "last X with
# Y", "difficult to", "thinking", "left for" and "pronounced" state nothing, "$1.4b", one night told from both sides;
# a denial under "if" is a hypothesis; 18: figures of two differently named subjects are two figures;
# 19: "not X but Y" disputes only an account that states X whole; 20: a possibility or a counterfactual is no
# denial ("may not have", "would not have") and a possibility no statement; a denial over a span up to now
# ("in nearly a decade") is about the time before; a statement's venue ("said at practice on Wednesday") and a
# disclosure ("revealed on Friday") date the statement; dates of what will be and of what was are two events;
# a sum in brackets after another is its conversion, a sum per season a rate; figures of differently named
# owners ("Shy Ely scored" / "Ty Lawson added") are two; a place where something was said is not the event's;
# fragments under four words hold no frame; figures of different measures are different disagreements;
# 21: a time since or until something ("11 days ago") is compared with such times only, not with a span;
# 22: figures of two kinds of one count ("on punt returns" / "on offense") are two; a compass point is no place;
# 23: a running total ("now has 2,302 points") counts another span than one told without it; 24: "starts Monday"
# tells what will be, and a clause is dated only by the days it names itself, not by its sentence's;
# 25: "whether or not" asks, a clause after "if" in its sentence states nothing, a party's quoted denial is that
# party's, a year after "after"/"before" dates that other event, one disagreement never joins two owners' figures;
# 26: one act credited to two countries ("an Egyptian proposal" / "an Israeli proposal") is an agent conflict;
# 27: a place inside another or at the same spot ("Manhattan" / "New York") is no rival (decision 0018);
# 28: the length of a thing ("the seven-day event") is not compared with a span of something the other does not name;
# 29: "he"/"she" owns figures as the person named last before it; a clause without a subject, as the person it names;
# 30: two people named to one office ("special envoy X" / "special envoy Y") is a person conflict;
# 31: a later step of a sequence ("moved to Florida shortly thereafter") is no rival place to an unmarked one;
# 32: a sum asked for ("seeking ... $20 million per season", "demanded $100 million") is compared with such sums only;
# 33: countries and places are read with the comparison's gazetteer (a user's --gazetteer too);
# 34: a figure whose length also differs ("a seven-year deal worth $140 million" / "an eight-year deal") is another
# thing, not the same figure in dispute; 35: a disagreement found again among other units with some of its
# values is told once, with every outlet that takes a side in it; 36: a person named "as" a role ("named X as its
# special envoy") holds it; opposite verbs of one subject about the same thing ("halted" / "continued the talks")
# are a negation; a country after "by" in the place that differs is the doer ("put forward by Egypt"): agent; so is
# a country that is the subject of the main verb or follows "by" in the passive ("Egypt drafted the plan" / "put
# forward by Israel"), unless the verb is one of saying; two places each followed by a verb of saying ("Egypt said" /
# "Israel said") are two speakers: attribution; 37: a toll some outlets give and others report as denied ("Veltria
# denied the death toll", "rejected the ministry's figure of 4,535 dead", "disputed the figures of the health
# ministry" that gives it) is a negation between them, and the figure a denial names is not that outlet's figure;
# "disputed" or "refuted" and "rejected" both turn a thing down; 38: a time since now ("two years ago") is not
# compared with a time between two events ("two weeks after the beheading"); 39: opposite verbs under a modal
# ("can resume", "will continue") tell no outcome; a denial of more ("needed no further tests") and a verb of
# stopping ("was halting tests") tell one stop; 40: how long something has lasted ("after four days of riots" /
# "eight days of riots") grows from one day's report to the next: no disagreement; 41: a figure without a measure
# word is told apart from the others of its sentence ("15 seasons, the first 11 with Philadelphia"); 42: two times
# since something are compared only when counted from the same event, a time since now and one since an event
# too ("a heart attack a week ago" / "a week after the heart attack", not "went missing two years ago" /
# "beheaded two weeks ago"); 43: "isn't the only company", "not the first time", "not alone" deny nothing;
# 44: figures of two named sources ("analysts polled by Thomson Reuters" / "by FactSet") are two estimates;
# 45: only modals of possibility or obligation keep opposite verbs apart ("would continue" is an intent told);
# 46: a length is how long something has lasted only after "after", "following", "amid" or "into" ("after four
# days of riots"); "six weeks of calm" is a span, compared as before; 47: a figure in the sentence right after
# one about an earlier year ("In April last year a quake struck ... Five people died") is background too, unless
# it names a time of its own; a figure claim cites each outlet's sentence closest to the other outlets'; 48: a part
# of a toll ("four other people", "30 people seriously injured") is no figure of the toll's claim; 49: without
# dates, a story happens after every year its articles name (their figures for those years are background); a
# count of times ("arrested 4 times") is no toll of its act; 50: a figure written as a word ("shot seven times") is
# the slot's value, not a word of the frame; a day after a noun spelled like a verb of saying ("Upper Nile state on
# Tuesday") dates the event, not a statement; 51: outlets giving one figure of two digits or more, or with decimals, of
# any other measure in close sentences share a claim (not the minutes of a clock time); 52: shorter quoted words in
# the sentences of one claim, given to two people by two outlets, are an attribution conflict; 53: a count of someone's
# record ("four prior arrests") is no figure of the event; 54: a unit that holds the other's words itself denies
# nothing of them; 55: a state that held "for a while", "but" then changed, denies nothing after it; 56: counts of
# one act ("shot seven times" / "shot 11 times") in sentences about one event are a figure claim, and differ
# whatever the day (a toll grows as an event unfolds; the times an act was done do not); one over a stated span
# ("arrested three times since October") counts another span, and sentences that name two different people hold
# two people's counts; 57: figures of units that name different people ("Mark Ellis ... was shot three times,
# police said" / "Tom Brandt ... five times, police said") are two people's, whoever reports them; 58: a question
# states no value; a decade ("the 1930's") is no year; "not ... until" tells when, not whether; a unit holding both
# of two opposite verbs ("fell ... while climbing") opposes nothing; counts over different stated periods, read
# in the whole sentence ("Since Week 11, ..." / "in his last two games"), are two counts; a US state abbreviated
# in news style ("Mo.") is that state; a plea ("pleaded not guilty") denies no charge or verdict, and a rejection
# agrees with a sentence that turns the thing down in another clause ("offered ..., but prosecutors refused");
# 59: a figure all its outlets give says how many outlets give it ("6.1, the same in all 8 outlets that give it")
# 60: figures that differ in sentences that qualify their doers by two countries ("the Indian navy" / "the British
# navy") are two countries' acts, no conflict; "held" is no arrest ("17 ships held by pirates"); a sum all its
# outlets give is told with its currency ("damage: $1,000,000"); a figure joined to its unit by a hyphen describes one
# thing ("a 41-yard pass"), another measure than a count of the unit ("364 yards"); what is rumoured ("long rumored
# to be Deep Throat") is not stated, so a denial of it disputes nothing; days, weeks, months and years are compared as
# durations only, never as figures ("two years after his death" / "21 years in power"); a fraction is read whole
# ("4 1 / 2 hours" is 4.5 hours, not 2); a day something "is set for" is a day of what will be; 61: times of day
# are compared on one clock, kind `time` ("0737 GMT" / "7:37 AM local time" in Aceh), not as figures of "pm"; a
# figure 50 times another of its measure counts another scope ("2,282 points" before a game / "20 points" in it);
# 62: a span given as a bound or a range's end ("one to three years", "at least 35 years", "five-years-to-life") is
# no length to compare; 63: a figure all its outlets give is told with the unit they all write after it ("55
# kilometers"); 64: figures that differ in every measure two units share ("25 points and 16 rebounds" / "22 points and
# nine rebounds") are two records, not one figure in dispute; 65: a denial against a charge ("charged with arson",
# "identified as the informant") is the parties' dispute

# Two units state the same frame when their content words, apart from the disputed slot's own words,
# overlap at least this much (Dice over stems) and their embeddings are this close. Calibrated on the dev
# stories' gold conflicts (docs/decisions/0011-conflicts.md): pairs below either are mostly two different
# statements that share a topic.
FRAME_MIN_OVERLAP = 0.5
FRAME_MIN_COSINE = 0.6
# A unit this much shorter than the other (in words) states less than it: its silence on a slot is not a value.
FRAME_MIN_LENGTH_RATIO = 0.5
# A unit of fewer words is a fragment (a caption, an aside): it states no frame to disagree in.
FRAME_MIN_WORDS = 4
# Or: the pair judge, told to ignore the differing value (``LinkModel.frame_probability``), rates the two
# units the same claim at least FRAME_MIN_PROBABILITY (linking.py).

_PERSON_PRONOUNS = frozenset({"he", "she"})


def find_conflicts(comparison: Comparison, scored: Scored | None = None, gazetteer: Gazetteer | None = None) -> None:
    """Add figure claims, slot conflicts and attribution conflicts to ``comparison.claims``. ``gazetteer`` (the
    one the entities were resolved with; the bundled one by default) tells countries and places apart."""
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    acts = _figure_claims(comparison, outlet_of, scored)
    _attribution_conflicts(comparison, outlet_of)
    people = _people_by_sentence(comparison)
    if scored is not None:
        _slot_conflicts(comparison, scored, outlet_of, gazetteer or _bundled_gazetteer(), people)
    # a count of an act the slot conflicts found in dispute ("shot seven times" / "shot 11 times") is told once
    told = [set(c.sentence_ids) for c in comparison.claims if c.status == "conflicting" and c.kind == "number"]
    comparison.claims += [
        c
        for c in acts
        if not any(len(set(c.sentence_ids) & s) >= 2 for s in told)
        and (c.status != "conflicting" or _one_person(c.sentence_ids, people))
    ]


def _people_by_sentence(comparison: Comparison) -> dict[str, list[tuple[int, str]]]:
    """Sentence id -> the people it names: (where in the article, entity id)."""
    people: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for entity in comparison.entities:
        if entity.type == "PERSON":
            for mention in entity.mentions:
                people[mention.sentence_id].append((mention.start, entity.entity_id))
    return people


def _one_person(sentence_ids: list[str], people: dict[str, list[tuple[int, str]]]) -> bool:
    """Whether counts of an act in these sentences can be of one person: every two sentences that name people
    name one in common ("Marek was shot three times" and "Brandt was shot five times" are two people's counts)."""
    named = [{e for _, e in people[s]} for s in sentence_ids if people.get(s)]
    return all(a & b for a, b in itertools.combinations(named, 2))


# --- attribution -----------------------------------------------------------------------------------------


def _attribution_conflicts(comparison: Comparison, outlet_of: dict[str, str]) -> None:
    """The same words, quoted verbatim, put in different mouths by different outlets: a statement several
    articles carry word for word (``Quote.statement_id``), or shorter quoted words ("for the foreseeable future")
    in the sentences of one aligned claim given to two different people."""
    names_in: dict[str, set[str | None]] = defaultdict(set)
    people: set[str] = set()
    for entity in comparison.entities:
        if entity.type == "PERSON":
            people.add(entity.entity_id)
        for mention in entity.mentions:
            names_in[mention.sentence_id].add(entity.entity_id)
    # only speakers named in the quote's own sentence: "he said" resolved by context is too weak to dispute
    named = [q for q in comparison.quotes if q.speaker_entity_id in names_in[q.sentence_id]]
    by_statement: dict[str, list[Quote]] = defaultdict(list)
    for quote in named:
        if quote.statement_id:
            by_statement[quote.statement_id].append(quote)
    groups = list(by_statement.values())
    # a claim's sentences state one thing: quoted words they share are one statement, and the speakers outlets
    # give it are rivals when both are people (a company and its chief executive speak with one voice)
    quotes_in: dict[str, list[Quote]] = defaultdict(list)
    for quote in named:
        if quote.direct and quote.speaker_entity_id in people:
            quotes_in[quote.sentence_id].append(quote)
    for claim in comparison.claims:
        if claim.status != "shared":
            continue
        quoted = [q for sentence_id in claim.sentence_ids for q in quotes_in.get(sentence_id, ())]
        groups.extend(_same_words(quoted))
    told: set[frozenset[str]] = set()
    sentence_of = comparison.sentence_index()
    for quotes in groups:
        speakers = {q.speaker_entity_id for q in quotes}
        if len(speakers) < 2 or len({outlet_of[q.article_id] for q in quotes}) < 2:
            continue
        if any(speakers <= names_in[q.sentence_id] for q in quotes):
            continue  # one outlet names both: a relay ("The Guardian reported X said"), not two claimed speakers
        names = list({q.speaker for q in quotes})
        if all(same_name(x, y) for i, x in enumerate(names) for y in names[i + 1 :]):
            continue  # one speaker named two ways ("Iga Jasica" / "Iga"), two entities only to the resolver
        one_per_outlet = {outlet_of[q.article_id]: q for q in quotes}
        sentences = frozenset(q.sentence_id for q in one_per_outlet.values())
        if sentences in told:
            continue  # found both as a statement and inside a claim
        told.add(sentences)
        evidence = []
        for quote in one_per_outlet.values():
            article, sentence = sentence_of[quote.sentence_id]
            evidence.append(ClaimUnit(article.article_id, sentence.sentence_id, sentence.start, sentence.end))
        claim = _claim(evidence, outlet_of, "conflicting", comparison.scope)
        claim.kind = "attribution"
        claim.values = {outlet_of[q.article_id]: q.speaker for q in quotes}
        claim.note = "the same words are attributed to different speakers"
        comparison.claims.append(claim)


def _same_words(quotes: list[Quote]) -> list[list[Quote]]:
    """Groups of quotes of different articles whose words are one inside the other."""
    words = [word_run(q.text) for q in quotes]  # whole words: "the war" is not inside "the warden"
    groups = []
    for i, quote in enumerate(quotes):
        group = [quote] + [
            other
            for j, other in enumerate(quotes)
            if j != i and other.article_id != quote.article_id and words[i].strip() and words[i] in words[j]
        ]
        if len(group) > 1:
            groups.append(group)
    return groups


# --- same frame, different value -------------------------------------------------------------------------


def _values_told_apart(judged: list[Unit], scored: Scored, slots_of: Callable[[int], _Slots]) -> set[frozenset[str]]:
    """Pairs of days, months, years or figures that one outlet gives in one sentence or in two sentences of one
    frame (a flight delayed in September, another in December; "$334 million ($281 million in cash)"; "five
    bombs were dropped, of which four exploded"): the outlet tells two things apart, so outlets giving one or
    the other tell of two things, not of one thing differently."""

    def values(slots: _Slots) -> set[str]:
        clock = {_clock_key(slots.clock)} if slots.clock else set()
        return set(slots.days) | {str(v) for v in slots.years} | {_figure(v) for _, v in slots.numbers} | clock

    dated: dict[str, list[int]] = defaultdict(list)
    apart: set[frozenset[str]] = set()
    for index, unit in enumerate(judged):
        slots = slots_of(index)
        if unit.whole:
            # with the figures that stand without a measure word ("He played 15 seasons, the first 11 with
            # Philadelphia": 11 is seasons too)
            bare = {_figure(v) for v in map(_figure_value, FIGURE.findall(unit.text)) if v is not None}
            told = sorted(values(slots) | bare)
            apart.update(frozenset((x, y)) for x in told for y in told if x != y)
        if slots.days or slots.years or slots.numbers:
            # a unit judged once stands in the articles that carry it word for word too
            for article_id in dict.fromkeys(
                [unit.article_id] + [scored.units[c].article_id for c in scored.copies.get(index, [])]
            ):
                dated[article_id].append(index)
    for indices in dated.values():
        for position, x in enumerate(indices):
            for y in indices[position + 1 :]:
                if judged[x].sentence_id == judged[y].sentence_id:
                    continue
                slots_x, slots_y = slots_of(x), slots_of(y)
                if float(scored.vectors[x] @ scored.vectors[y]) < FRAME_MIN_COSINE:
                    continue
                if dice(slots_x.frame, slots_y.frame) < FRAME_MIN_OVERLAP:
                    continue
                values_x, values_y = values(slots_x), values(slots_y)
                apart.update(frozenset((a, b)) for a in values_x - values_y for b in values_y - values_x)
    return apart


def _slot_conflicts(
    comparison: Comparison,
    scored: Scored,
    outlet_of: dict[str, str],
    gazetteer: Gazetteer,
    named_in: dict[str, list[tuple[int, str]]],
) -> None:
    """Pairs of units that state one frame with different values; ``named_in`` gives each sentence's people."""
    judged = [scored.units[i] for i in scored.judged]
    places = _places_by_sentence(comparison)
    # places some sentence names together ("Tampa, Florida") are nested or near: not competing values
    together = {frozenset((x, y)) for ids in places.values() for x in ids for y in ids if x != y}
    dated = {s.sentence_id: [d for d in s.dates if d.date] for a in comparison.articles for s in a.sentences}

    def dates_in(unit: Unit) -> set[Any]:
        """The resolved days a unit names itself (a clause does not name its sentence's other days)."""
        return {d.date for d in dated.get(unit.sentence_id, ()) if unit.start <= d.start and d.end <= unit.end}

    # sentences that name the day of a statement: their resolved dates may be that day's, not the event's
    said_on_a_day = {
        s.sentence_id
        for a in comparison.articles
        for s in a.sentences
        if s.dates and any(said for _, said in _named_days(a.sentence_text(s)))
    }
    sentence_of = comparison.sentence_index()
    # a question states no value ("Should the Yankees go higher than $25 million a season?")
    asked = {s.sentence_id for a in comparison.articles for s in a.sentences if is_question(a.sentence_text(s))}
    # the article offsets each denial in a sentence reaches, to the end of its clause
    denials = {
        s.sentence_id: [(s.start + start, s.start + end) for start, _, end in denial_scopes(a.sentence_text(s))]
        for a in comparison.articles
        for s in a.sentences
    }

    # people by where they are named, per article: "he" is read as the person named last before it
    people: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for entity in comparison.entities:
        if entity.type == "PERSON":
            for mention in entity.mentions:
                people[mention.article_id].append((mention.start, entity.name))
    for named in people.values():
        named.sort()

    def antecedent(unit: Unit) -> str:
        named = people.get(unit.article_id, [])
        at = bisect.bisect_left(named, (unit.start, ""))
        return named[at - 1][1] if at else ""

    def named_first(unit: Unit) -> str:
        """For a unit whose parse gives no subject (a clause sharing its sentence's: "Bush rushed for 404
        yards, caught 52 passes"), the person it names before its main word."""
        if unit.subject or not unit.head:
            return ""
        head_at = unit.start + unit.text.lower().find(unit.head)
        named = people.get(unit.article_id, [])
        at = bisect.bisect_left(named, (unit.start, ""))
        return named[at][1] if at < len(named) and named[at][0] < head_at else ""

    def context(unit: Unit) -> tuple[str, str]:
        """A unit's sentence: its text before the unit, and the whole of it."""
        article, sentence = sentence_of[unit.sentence_id]
        return article.text[sentence.start : unit.start], article.sentence_text(sentence)

    def denied_by_its_sentence(unit: Unit) -> bool:
        return any(start < unit.start < end for start, end in denials.get(unit.sentence_id, ()))

    cache: dict[int, _Slots] = {}
    unit_places: dict[int, dict[str, str]] = {}
    # where a local time is told: the places its sentence names that GeoNames knows, else its article's, else the
    # story's (a story told from several countries allows every clock they show, and so disagrees less)
    article_places: dict[str, set[str]] = defaultdict(set)
    for told in comparison.articles:
        for sentence in told.sentences:
            article_places[told.article_id].update(places.get(sentence.sentence_id, {}).values())

    def clocks_of(names: Iterable[str]) -> frozenset[int]:
        return frozenset(offset for name in names for offset in utc_offsets(name))

    def local_offsets(unit: Unit) -> frozenset[int]:
        """Asked only for a unit that gives a local time: most stories give none and never read GeoNames here."""
        return (
            clocks_of(places.get(unit.sentence_id, {}).values())
            or clocks_of(article_places[unit.article_id])
            or clocks_of({name for named in article_places.values() for name in named})
        )

    def slots_of(index: int) -> _Slots:
        if index not in cache:
            unit = judged[index]
            named = places.get(unit.sentence_id, {})
            unit_places[index] = {
                k: v for k, v in named.items() if v.lower() in unit.text.lower() and not _statement_place(unit.text, v)
            }
            owner = antecedent(unit) if unit.subject in _PERSON_PRONOUNS else _subject_name(unit) or named_first(unit)
            whom = frozenset(e for at, e in named_in.get(unit.sentence_id, ()) if unit.start <= at < unit.end)
            slots = _slots(unit, unit_places[index], gazetteer)
            local = local_offsets(unit) if slots.clock and not slots.clock.zone else frozenset()
            cache[index] = replace(slots, owner=owner, people=whom, local=local)
        return cache[index]

    # counted figures (killed, injured ...) are compared as figures, with their revisions and sources
    figures: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quantity in comparison.quantities:
        if measure_of(quantity.counts) in MEASURES:
            figures[quantity.sentence_id].append((quantity.start, quantity.end))

    def has_figure(unit: Unit) -> bool:
        return any(unit.start <= s and e <= unit.end for s, e in figures.get(unit.sentence_id, []))

    values_apart = _values_told_apart(judged, scored, slots_of)
    cosine = scored.candidates.column("cosine")
    frame = scored.model.frame_probability(scored.candidates) if len(cosine) else np.zeros(0)
    # figures of different measures ("$184 million", "$23 million per season") are different disagreements
    edges: dict[tuple[str, str], list[tuple[int, int, str, str]]] = defaultdict(list)
    for k in np.flatnonzero((cosine >= FRAME_MIN_COSINE) | (frame >= FRAME_MIN_PROBABILITY)):
        x, y = int(scored.candidates.a[k]), int(scored.candidates.b[k])
        a, b = judged[x], judged[y]
        if a.sentence_id in asked or b.sentence_id in asked:
            continue
        lengths = sorted((len(a.text.split()), len(b.text.split())))
        if lengths[0] < FRAME_MIN_LENGTH_RATIO * lengths[1] or lengths[0] < FRAME_MIN_WORDS:
            continue  # "But no Bieber." / "Justin Bieber, apparently.": too little said to hold a frame
        slots_a, slots_b = slots_of(x), slots_of(y)
        worded = cosine[k] >= FRAME_MIN_COSINE and dice(slots_a.frame, slots_b.frame) >= FRAME_MIN_OVERLAP
        if not worded and frame[k] < FRAME_MIN_PROBABILITY:
            # one reading of the clock in close sentences names one moment, whatever their other words ("The quake
            # struck inland at 0737 GMT at a depth of ..." / "... and took place at 7:37 AM local time"): told in two
            # zones that make it two times, it is disputed; other times of close sentences may date two acts ("saw
            # the car at 11:41 p.m." / "the murder took place at 3 am")
            same_reading = slots_a.clock and slots_b.clock and slots_a.clock.minutes & slots_b.clock.minutes
            timed = same_reading and cosine[k] >= FRAME_MIN_COSINE and _time_difference(slots_a, slots_b, values_apart)
            if timed:
                edges[("time", "")].append((x, y, *timed))
            continue
        # the judge's frame alone does not vouch for a denial ("one bomb did not explode" / "four exploded"
        # are one frame to it, two bombs to a reader); and a clause cut from inside a denial ("there are no
        # alcoholic drinks or pork dishes are served") affirms nothing
        plain = b if slots_a.negated else a
        denial = worded and not denied_by_its_sentence(plain)
        found = _difference(
            a,
            b,
            slots_a,
            slots_b,
            (unit_places[x], unit_places[y]),
            together,
            values_apart,
            denial,
            (context(a), context(b)) if slots_a.negated != slots_b.negated else (("", ""), ("", "")),
            gazetteer,
            (context(a)[1], context(b)[1]),
        )
        if found is None and slots_a.future == slots_b.future and not {a.sentence_id, b.sentence_id} & said_on_a_day:
            days_a, days_b = dates_in(a), dates_in(b)
            if len(days_a) == 1 and len(days_b) == 1 and days_a != days_b:
                found = ("date", min(days_a).isoformat(), min(days_b).isoformat())
        if found is not None and not (found[0] == "number" and (has_figure(a) or has_figure(b))):
            kind, value_a, value_b = found
            measure = re.sub(r"[\d.,]+", "#", value_a) if kind == "number" else ""
            edges[(kind, measure)].append((x, y, value_a, value_b))

    # values are compared as stems ("10 hous", "wednes") and told as an outlet wrote them ("10 houses")
    def readable(index: int, value: str, kind: str) -> str:
        clock = cache[index].clock
        if kind == "time" and clock:
            return clock.written  # "0737 GMT" for 07:37 UTC
        said = cache[index].said_as if kind in ("number", "date") else {}
        head, _, last = value.rpartition(" ")
        if last in said:
            return f"{head} {said[last]}" if head else said[last]
        return value

    def owned_apart(x: int, y: int) -> bool:
        a, b = judged[x], judged[y]
        return a.article_id != b.article_id and _owned_apart(a, b, slots_of(x), slots_of(y))

    # each disagreement: its kind and, per article, the unit and the value it gives
    disagreements: list[tuple[str, dict[str, tuple[int, str]]]] = []
    for (kind, measure), pairs in edges.items():
        # figures have owners (a team's offer, a player's points); ages have their own names (_same_people)
        owned = kind == "number" and not measure.endswith(AGE_UNIT)
        for component in _components(pairs, owned_apart if owned else lambda x, y: False):
            evidence: dict[str, tuple[int, str]] = {}
            for x, y, value_x, value_y in component:
                for index, value in ((x, value_x), (y, value_y)):
                    evidence.setdefault(judged[index].article_id, (index, value))
            if len({v for _, v in evidence.values()}) >= 2:
                disagreements.append((kind, evidence))
    # one disagreement found twice (in two sentences and again in clauses of them; or some of its sides again,
    # with another outlet's unit: "a week" / "nine days" beside "a week" / "nine days" / "three weeks") is
    # told once, with every outlet that takes a side in it
    kept: list[tuple[str, dict[str, tuple[int, str]]]] = []
    for kind, evidence in sorted(disagreements, key=lambda d: -len(d[1])):
        sentences = {judged[i].sentence_id for i, _ in evidence.values()}
        values = {v for _, v in evidence.values()}
        same = next(
            (
                other
                for other_kind, other in kept
                if other_kind == kind
                and values <= {v for _, v in other.values()}
                and sentences & {judged[i].sentence_id for i, _ in other.values()}
            ),
            None,
        )
        if same is None:
            kept.append((kind, evidence))
        else:
            for article, side in evidence.items():
                same.setdefault(article, side)
    for kind, evidence in kept:
        units = [judged[i] for i, _ in evidence.values()]
        claim = _claim(
            [ClaimUnit(u.article_id, u.sentence_id, u.start, u.end) for u in units],
            outlet_of,
            "conflicting",
            comparison.scope,
        )
        claim.kind = kind
        told_as: dict[str, str] = {}  # one wording per value inside a claim: its sides stay its values
        for index, value in evidence.values():
            told_as.setdefault(value, readable(index, value, kind))
        claim.values = {outlet_of[article]: told_as[value] for article, (_, value) in evidence.items()}
        sides = defaultdict(list)
        for outlet, value in claim.values.items():
            sides[value].append(outlet)
        claim.note = f"the outlets give different {_KIND_WORDS[kind]}: " + "; ".join(
            f"{value} ({', '.join(sorted(outlets))})" for value, outlets in sorted(sides.items())
        )
        comparison.claims.append(claim)


_KIND_WORDS = {
    "number": "figures",
    "date": "dates",
    "time": "times of day",
    "duration": "durations",
    "place": "places",
    "negation": "accounts (one denies)",
    "agent": "doers",
    "person": "people in one role",
    "attribution": "speakers",
}


def _components(
    pairs: list[tuple[int, int, str, str]], apart: Callable[[int, int], bool] = lambda x, y: False
) -> list[list[tuple[int, int, str, str]]]:
    """Disagreements joined through the units they share; a pair that would join units ``apart`` (figures of
    two named owners: "the Red Sox offered $200 million" / "the Orioles offered $140 million") is left out."""
    parent: dict[int, int] = {}
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept = []
    for pair in pairs:
        root_x, root_y = find(pair[0]), find(pair[1])
        if root_x != root_y:
            first, second = members.get(root_x, [root_x]), members.get(root_y, [root_y])
            if any(apart(u, v) for u in first for v in second):
                continue
            parent[root_x] = root_y
            members[root_y] = first + second
        kept.append(pair)
    groups: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for pair in kept:
        groups[find(pair[0])].append(pair)
    return list(groups.values())


def _places_by_sentence(comparison: Comparison) -> dict[str, dict[str, str]]:
    places: dict[str, dict[str, str]] = defaultdict(dict)
    for entity in comparison.entities:
        # a compass point alone ("the Northeast facility") is a part of somewhere, never a rival to a place
        if entity.type in ("GPE", "LOC", "FAC") and entity.name.lower() not in _DIRECTIONS:
            for mention in entity.mentions:
                places[mention.sentence_id][entity.entity_id] = entity.name
    return places
