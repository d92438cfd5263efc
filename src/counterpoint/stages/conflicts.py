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

**Attribution.** The same words quoted verbatim but given to different speakers by different outlets.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..ids import content_id
from ..linking import FRAME_MIN_PROBABILITY, Scored, sentence_vectors
from ..model import Claim, ClaimUnit, Comparison, Quantity, Quote
from ..names import same_name
from ..places import nested
from ..text import (
    DAY_WORDS,
    NEGATION,
    REPORTING_VERBS,
    SMALL_NUMBERS,
    STOPWORDS,
    TIME_WORDS,
    content_words,
    dice,
    opposite_outcomes,
    stem,
)
from .entities import Gazetteer, load_gazetteer
from .units import Unit

NAME = "conflicts"
VERSION = "37"  # 6: a denial of degree is about the degree; refusing to act denies nothing;
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
# "disputed" or "refuted" and "rejected" both turn a thing down

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
# A count over a stated period ("arrested three times since October", "in the past year") or a running total
# ("now has 2,302 points"): a count of another span than one told without it ("arrested four times",
# "finished with 20 points"), so the two can both be right.
_COUNTING_PERIOD = re.compile(
    r"\bsince\s+(?:[A-Z]\w+|\d|last\b|the\b)|\b(?:in|over|during)\s+the\s+(?:past|last)\b|"
    r"\bthis\s+(?:year|month|week)\b|\bto\s+date\b|\bnow\s+(?:has|have|stands?\s+at)\b"
)
# "no longer", "not ... anymore": a state that has changed, told as of another day; not a contradiction of
# an outlet that tells the earlier state ("isn't her calling anymore" / "the massage therapist")
_CHANGED_STATE = re.compile(r"\b(?:no|any)\s+longer\b|\bany\s?more\b(?=\s*(?:[.,;:!?\u2014\u2013)]|$))", re.I)
# A denial is about the first content word after it ("no one was *injured*", "did not *capsize*") and the
# word that follows: it contradicts the other unit only if that one says them too ("No one was injured"
# does not contradict "The fire started while people were inside"; see _denies_what_the_other_states).
_NOT_THE_DENIED = frozenset({"one", "body"})
# A denial of degree ("there isn't *much* Intel can do", "not *all* of them") is about that word too: it
# contradicts a unit that states the degree and what follows ("all of them"), not one that states only what
# follows ("puts Intel on the defensive"). "Not just" and "not only" are left out: annotators read "not just
# about fame" against "she wanted fame" as a disagreement (decision 0011).
_DEGREE = frozenset(
    {
        "much",
        "many",
        "enough",
        "all",
        "every",
        "everyone",
        "everything",
        "always",
        "quite",
        "very",
        "too",
        "entirely",
        "necessarily",
        "exactly",
        "fully",
        "completely",
        # a bound, not a denial: "grows to no more than 10 inches", "no later than Friday"
        "more",
        "less",
        "fewer",
        "greater",
        "larger",
        "bigger",
        "higher",
        "lower",
        "later",
        "earlier",
    }
)
# "Should not have had surgery", "must not": what ought not to be, not a denial that it is.
_OBLIGATION = re.compile(r"\b(?:should|must|ought\s+to)\s*$", re.I)
# A possibility or a counterfactual ("may not have been killed at the same time", "would not have placed him on
# injured reserve") is not a denial; in the other unit a possibility ("may well invoke a formal process") is
# not a statement. ("So he wouldn't turn into a werewolf" tells a purpose: left to the denial rules.)
_HEDGES = frozenset({"may", "might", "could", "would"})
_HEDGED_DENIAL = re.compile(r"\b(?:may|might)(?:\s+well)?\s*$", re.I)
_WOULD = re.compile(r"\bwould\s*$", re.I)
_HAVE = re.compile(r"\s*have\b", re.I)
_HEDGE_REACH = 4
# How far before a word an "if" or "whether" makes it part of an embedded question, in words.
_QUESTION_REACH = 6
# How far before a named day a reporting verb makes it the day something was said, in words, and the words that
# may stand between them (besides names: "told The Associated Press on Sunday").
STATEMENT_DAY_REACH = 5
_AUDIENCE_WORDS = frozenset("on the a an late early this last reporters journalists media".split())
# A statement's venue may stand there too ("at practice", "in a statement").
_VENUE = frozenset({"at", "in", "during"})
# Besides reporting verbs, a disclosure is a statement ("it was revealed on Friday").
_STATEMENT_VERBS = REPORTING_VERBS | {"revealed", "disclosed"}
# A word within this many words after "without", "refusing to" or "failed to", in the same clause, is denied,
# not stated ("a biopsy without her prior consent", "executed for refusing to take part in the harvesting"):
# against "did not consent", "for not harvesting", both say the same.
_PRIVATIVE = re.compile(r"\b(?:without|(?:refus|fail)\w*\s+to)\b([^,.;:!?]*)")
_PRIVATIVE_REACH = 4
# An effort towards an act ("working to confirm", "trying to reach") does not state the act.
_EFFORT = frozenset(
    "work works worked working try tries tried trying seek seeks sought seeking attempt attempts attempted "
    "attempting strive strives striving difficult hard impossible unable".split()
)
# What someone believed or was taken for is not stated ("thinking his cat was dead", "left for dead").
_BELIEF = frozenset("thinking thought believing believed assuming assumed presumed presuming pronounced".split())
_BELIEF_REACH = 4
# Verbs that turn something down: a denial by one of them agrees with any of them in the other unit.
_REJECTIONS = frozenset({"rejected", "rejects", "refused", "denied", "denies", "deny"})
_REJECTION_IN = re.compile(
    r"\b(?:declin|reject|refus|turn(?:ed|s)?\s+down|rebuff|dismiss|disput|refut|contest)\w*", re.I
)
# A denial up to a moment ("hasn't expanded since X") tells when it last happened: X, which the other may state.
_SINCE = re.compile(r"\s*since\b", re.I)
# A day or year of what will happen ("will go on sale in April 2015", "the trial starts Monday") and one of what
# happened ("revealed in October 2014") date two events.
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\b|\w'll\b"
    r"|\b(?:starts|begins|opens|resumes)\s+(?:on\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)
# A denial over a span up to now ("not used tear gas in nearly a decade", "for years") is about the time before.
_IN_SPAN = re.compile(
    r"\b(?:in|for)\s+(?:(?:nearly|almost|over|more\s+than|about|the\s+(?:past|last))\s+)?"
    r"(?:a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)?\s*(?:decades?|years?|months?|weeks?)\b",
    re.I,
)
# A night told from its evening or from the small hours: "Monday night" and "early Tuesday" are one night.
_NIGHT = re.compile(r"\b(?:night|late|overnight)\b", re.I)
_EARLY = re.compile(r"\b(?:early|overnight|before dawn|small hours)\b", re.I)
# "Not X but Y": the denial sets X against Y, and disputes only an account that states X itself.
_CONTRAST = re.compile(r"\s+but\b", re.I)
# A denial in the consequence of a condition ("if the rumors are true, Apple won't ...") is a hypothesis.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.I)
# The other half of a question's alternative ("whether or not Thomas would get more carries", "whether he
# plays or not") asks; it denies nothing.
_ALTERNATIVE = re.compile(r"\bwhether\b[^.;:!?]{0,80}?\bor\s*$", re.I)
# A denial tied to one moment ("was not at the church at the time of the fire") says nothing of other moments.
_AT_THE_TIME = re.compile(r"\bat\s+the\s+time\b", re.I)
# A denial of saying ("would not say what", "did not comment", "could not confirm") withholds: it denies nothing,
# unless the other outlet states that very act ("confirmed").
_DECLINED_TO_SAY = re.compile(
    r"\W*(?:(?:be|been|have)\s+)?(say|said|comment|commented|disclose|disclosed|reveal|revealed|elaborate|specify|"
    r"discuss|identify|identified|name|named|confirm|confirmed|release|released)\b",
    re.I,
)
# "Refused to" + a verb tells an act (passengers who refused to sit next to women), not a denial of a fact.
_REFUSAL = re.compile(r"refus\w*\s+to\b", re.I)
# "The aim was not to sell servers": a purpose or a plan denied ("be" + "not to" + verb), not the act.
_NOT_THE_PURPOSE = re.compile(r"\b(?:is|was|are|were|be|been|'s)\s+not\s+to\s+\w", re.I)
_DENIAL_VERB = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|refuted|refutes)\b", re.I)
# A statement the outlet reports as someone's: a reporting verb or "according to".
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|accused|accuses|accusing|claimed|claims|claim|alleged|alleges|reported|reports|"
    r"according to|insisted|insists|blamed|blames)\b",
    re.I,
)
# A denial's scope ends with its clause: at punctuation, a conjunction or a subordinator ("no ambulance
# arrived *before* the driver left" denies nothing about the driver).
_SCOPE_END = re.compile(
    r"[,;:.!?\u2013\u2014]|\s(?:but|and|while|whereas|although|though|before|after|because|when|until|since|"
    r"unless|once)\s",
    re.I,
)

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

_DIRECTIONS = {
    w: w.replace("-", "")
    for w in """north south east west northeast northwest southeast southwest north-east north-west south-east
    south-west northern southern eastern western northeastern northwestern southeastern southwestern""".split()
}
_OFFSHORE = {"off": "offshore", "offshore": "offshore", "inland": "inland", "onshore": "inland"}
# Units that measure the same thing, to tell a conversion (10 km / 6.2 miles) from a disagreement.
_UNIT_SCALE = {
    "kilomet": ("length", 1000.0),
    "km": ("length", 1000.0),
    "kms": ("length", 1000.0),
    "mile": ("length", 1609.34),
    "miles": ("length", 1609.34),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "feet": ("length", 0.3048),
    "foot": ("length", 0.3048),
}

_AMOUNT = r"(\d+|a|an|" + "|".join(SMALL_NUMBERS) + ")"
# A span of time: "six-week", "a month-long", "for two months", "four months ago" (amount, period).
_DURATION = re.compile(
    r"(?<![\w.,-])" + _AMOUNT + r"[\s-]+(days?|weeks?|months?|years?)(?=[\s-]+(?:long|ago|later|earlier)\b|\b)", re.I
)
# What kind of the counted thing a figure counts, when the words right after it say so: "three touchdowns *on punt
# returns*", "four touchdowns *receiving*", "shot three times *in the back*".
_KIND_OF_COUNT = re.compile(
    r"\s+((?:on|in|at|from|during|off|via)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[a-z]+(?:\s+[a-z]+)?"
    r"|[a-z]+ing\b)"
)
# The noun right after a duration written as its modifier: "six-week truce", "month-long strike".
_LENGTH_OF = re.compile(r"(?:-long)?\s+([a-z]+)\b")
# What follows a duration that makes it a time since or until something: "ago", "earlier", "after" ...
_OFFSET = re.compile(r"[\s-]+(?:ago|earlier|later|after|before|prior|since)\b", re.I)
# An age ("21-year-old", "16 - year - old", "sixteen years old"): compared with ages only, never with a span
# of time ("the 21-year-old" / "after two years of saving")
_AGE = re.compile(r"(?<![\w.,-])" + _AMOUNT + r"\s*(?:-\s*)?years?\s*(?:-\s*)?old\b", re.I)
# An age given the way news gives it beside a name ("Igor Vorozhbitsyn, 41, was walking") or with "aged":
# the same slot as "the 42-year-old".
_NAMED_AGE = re.compile(r"\b((?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*),\s+(\d{1,3}),\s|\baged\s+(\d{1,3})\b")
# The name an age is told of: "the 59-year-old Raj Chohan", "Raj Chohan, a 59-year-old grandmother" ("Igor
# Vorozhbitsyn, 41," is read by _NAMED_AGE).
_NAME_AFTER = re.compile(r"\s*,?\s*(?:[a-z]+\s+)?((?:[A-Z][\w'\u2019-]*\s*){1,3})")
# ... or the person it is told of by role: "her 32-year-old husband", "the 21-year-old singer".
_ROLE_AFTER = re.compile(r"\s+([a-z]+)\b")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*),\s+(?:a|an|the)\s+$")
OLDEST_AGE = 120
_DURATION_DAYS = {
    stem(w): d
    for w, d in (
        ("day", 1),
        ("days", 1),
        ("week", 7),
        ("weeks", 7),
        ("month", 30),
        ("months", 30),
        ("year", 365),
        ("years", 365),
    )
}


def _number_word(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    if word in ("a", "an"):
        return 1.0
    return float(SMALL_NUMBERS[word]) if word in SMALL_NUMBERS else None


AGE_UNIT = "years old"
_GENERIC_COUNTED = frozenset(stem(w) for w in "people person persons others men women children".split())
_WEEKDAY_ORDER = [stem(d) for d in "monday tuesday wednesday thursday friday saturday sunday".split()]
WEEKDAYS = frozenset(_WEEKDAY_ORDER)
_SCALE_WORDS = frozenset("thousand million billion trillion bn mn percent per cent".split())
# Figures of one measure count the same thing (not an earlier event's toll, not one district's) when their
# sentences' embeddings have at least this cosine (or are linked through others that do). Calibrated on the
# dev stories (decision 0011).
FIGURE_MIN_COSINE = 0.45
# Two groups of figures are one frame when at least this share of the pairs across them are close, or one is
# a single figure whose closest figure is in the other: a chain of close pairs is not one frame (Brooklyn: a
# count of Monday's arrests, close to a sentence that names 46 arrests, does not pull in Gray's prior arrests).
FIGURE_COHESION = 0.5
# Durations that differ by less than this share are one span in other units (a month and four weeks).
DURATION_TOLERANCE = 0.2
# Values that agree within this share after conversion (6 miles against 10 km) are one value.
CONVERSION_TOLERANCE = 0.1
# A round figure this close to another is that figure rounded ("starting at $350" / "$349"), not another value.
ROUNDING_TOLERANCE = 0.01
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A year something began ("in place since 2004", "since early 2011"): not when the event told happened.
_SINCE_YEAR = re.compile(r"\bsince\s+(?:the\s+)?(?:[A-Za-z]+\s+)?(1[89]\d\d|20\d\d)\b", re.I)
# A year in a clause that tells what came before or after the event ("began after she divorced him in 1947")
# dates that other event. Words up to SUBORDINATE_YEAR_REACH, no punctuation between.
SUBORDINATE_YEAR_REACH = 8
_SUBORDINATE_YEAR = re.compile(
    rf"\b(?:after|before|until|once)\s+(?:[\w'\u2019-]+\s+){{1,{SUBORDINATE_YEAR_REACH}}}?(1[89]\d\d|20\d\d)\b",
    re.I,
)
# A country as the doer of an act: "an Egyptian proposal", "Egypt's plan", "the Qatari-brokered truce". A
# country's people ("an Israeli official said") are a source, not an agent: a reporting verb within
# AGENT_SOURCE_REACH words after the noun makes the phrase a source.
_COUNTRY_BEFORE = re.compile(
    r"\b([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)(?:['\u2019]s|-(?:brokered|led|backed|mediated|drafted|sponsored|proposed|"
    r"made|built|born))?\s+([a-z][a-z-]+)\b"
)
AGENT_SOURCE_REACH = 3
# Characters around a match read for the words next to it (a long text is never rescanned whole per match).
NEARBY_CHARS = 80
_PERSON_PRONOUNS = frozenset({"he", "she"})
# Opposite verbs ("halted" / "continued") disagree only about one thing: what follows the verb says the same
# ("ended her modeling career in 1957" / "continued her modeling work in New York" are two steps: 0.33).
OPPOSITE_MIN_SAME = 0.6
# A doer named after "by": "put forward by Egypt", "drafted by the United States".
_BY_NAME = re.compile(r"\bby\s+(?:the\s+)?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)")
# A step told after another ("moved to Florida shortly thereafter", "later moved to"): one event of a sequence.
_SEQUENCE = re.compile(r"\b(?:thereafter|afterwards?|subsequently|eventually|later)\b", re.I)
# A person in a role: "special envoy Brett McGurk", "McGurk, the White House's Middle East coordinator", "named
# Amos Hochstein as envoy". One office held by one person: two outlets naming two people to the same role
# phrase (its qualifiers included: "former envoy" is another role than "envoy") disagree on who.
_ROLE_NOUNS = (
    "envoy|ambassador|minister|secretary|spokesman|spokeswoman|spokesperson|chief|director|commander|"
    "coordinator|negotiator|mediator|adviser|advisor|chairman|chairwoman|governor|mayor|prosecutor|coach|captain"
)
_NAME = r"(?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+"
_ROLE_BEFORE_NAME = re.compile(rf"\b(?i:{_ROLE_NOUNS})\s+(?P<name>{_NAME})")
# What puts a name in a role after it: "named X as its envoy", "X has been named envoy", "X was appointed as the
# government's envoy", "X is the government's new envoy", "named X its envoy".
_NAMED_TO = (
    r"(?:(?:(?:has\s+been|had\s+been|was|is|will\s+be)\s+)?(?:named|appointed|chosen|picked|tapped)\s+(?:as\s+)?"
    r"|as\s+|(?:is|was|becomes|became)\s+(?=(?:the|a|an|its|his|her|their|\w+['\u2019]s)\s)"
    r"|(?=(?:its|his|her|their)\s))"
)
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:the|a|an)\s+(?P<role>(?:[\w.'\u2019-]+\s+){{0,3}}?(?i:{_ROLE_NOUNS}))\b"
    rf"|(?P<named>{_NAME})\s+{_NAMED_TO}(?:(?:its|the|his|her|their|a|an|new|\w+['\u2019]s)\s+)*"
    rf"(?P<as_role>(?:[\w.'\u2019-]+\s+){{0,3}}?(?i:{_ROLE_NOUNS}))\b"
)
# Lower-case words that make a role another office ("former envoy", "deputy minister", "defense minister");
# capitalised words before a role are its title ("Israeli Defense Minister"), other words are not the role's.
_ROLE_MODIFIERS = frozenset(
    """former deputy acting vice assistant interim prime special senior chief head defense defence foreign finance
    health interior justice security national presidential peace""".split()
)
_LISTED = re.compile(r"[A-Z][\w.]*\s*(?:,|and|or|&)\s*$")
_PERSON_NAME = re.compile(
    r"(?!(?:On|In|At|After|Before|When|While|The|But|And|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+"
)
# A figure and the word after it: digits, or a number word from two ("seven bullets", "shot eleven times";
# "one" is mostly not a count: "one of the", "no one").
_NUMBER_WITH_UNIT = re.compile(
    r"(?<![\w.,$\u00a3\u20ac-])(\d+(?:,\s?\d{3}|\.\d+)*|"
    + "|".join(list(SMALL_NUMBERS)[2:])
    + r")\s*(?:-\s*)?([a-z]+)",
    re.I,
)
# A range of one measure: "50 or 60 doctors", "60 to 100 people", "between 60 and 100 people". A figure inside
# it agrees with it ("50 doctors").
_FIGURE_WORD = r"(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(SMALL_NUMBERS) + ")"
_RANGE = re.compile(
    r"(?<![\w.,])(?:between\s+"
    + _FIGURE_WORD
    + r"\s+and|"
    + _FIGURE_WORD
    + r"\s*(?:or|to|-|\u2013))\s*"
    + _FIGURE_WORD
    + r"\s*(?:-\s*)?([a-z]+)",
    re.I,
)
# A sum of money: the currency sign is its measure, the scale word its size ("$60 million" and "$35m"); a dollar
# may name its country ("US$10 million", "$US10 million", "A$5m"), which is then its currency.
_MONEY = re.compile(
    r"(?<![A-Za-z])((?:US|AU|A|C|NZ|HK|S)?[$\u00a3\u20ac](?:\s?(?:US|AU)(?=\d))?)\s?(\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*-?\s*((?i:thousand|million|billion|bn|mn|mm|m|b|k))\b)?"
)
_CURRENCY_NAMES = {"$US": "US$", "$AU": "AU$", "A$": "AU$"}
# A sum in brackets after another ("US$1 million ($1.52 million)") is that sum in another currency.
_CONVERTED = re.compile(r"\d\s*(?:[A-Za-z]+\s*)?\(\s*(?:about|around|roughly|some|approximately|nearly)?\s*$", re.I)
# A sum per something ("$23 million per season", "$20 an hour") is a rate: compared with rates of that thing.
_RATE = re.compile(
    r"\s*(?:per|a|an|each)\s+(year|season|month|week|day|hour|game|share|person|head)\b|\s*per\s+(\w+)", re.I
)
# A sum someone asks for ("is seeking a 10-year contract for at least $20 million per season", "demanded $100
# million") is compared with asked sums only, not with sums offered or paid. Characters before the sum searched.
ASKED_REACH = 60
_ASKED = re.compile(
    r"\b(?:seek|seeks|seeking|sought|ask|asks|asking|asked|want|wants|wanting|demand\w*|request\w*)\b", re.I
)
_CURRENCY_SIGNS = frozenset("$\u00a3\u20ac")


def _currency(written: str) -> str:
    """A currency as written, in one form: "$US" and "US$" are one currency, "A$" and "AU$" another."""
    written = re.sub(r"\s+", "", written).upper()  # "$ US" as "$US"
    return _CURRENCY_NAMES.get(written, written)


_MONEY_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
}


@dataclass(slots=True)
class _Figure:
    quantity: Quantity
    outlet: str
    measure: str
    period: str


@dataclass(frozen=True, slots=True)
class _Slots:
    """What a unit says in each disputable slot."""

    numbers: frozenset[tuple[str, float]]  # (unit word stem, value)
    days: frozenset[str]
    years: frozenset[int]
    # (a time since or until, in days, the thing it is the length of): "six-week truce", "four months ago"
    durations: frozenset[tuple[bool, float, str]]
    directions: frozenset[str]
    negated: bool
    slot_words: frozenset[str]  # the stems that make up the slots, left out when comparing frames
    frame: frozenset[str]  # the other content stems
    said_as: dict[str, str] = field(default_factory=dict)  # a counted word's or a day's stem -> as written
    ranges: frozenset[tuple[str, float, float]] = frozenset()  # (unit word stem, low, high): "50 or 60 doctors"
    age_names: frozenset[str] = frozenset()  # whose ages it gives: names ("Raj Chohan") or roles ("singer")
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # counted word -> kinds ("on punt returns")
    future: bool = False  # it tells what will be ("will go on sale in April")
    agents: dict[str, str] = field(default_factory=dict)  # act -> the country doing it ("an Egyptian proposal")
    countries: frozenset[str] = frozenset()  # every country the unit names, by name or demonym
    owner: str = ""  # whose figures it gives: its subject's name, or for "he"/"she" the person named last before
    roles: dict[str, str] = field(default_factory=dict)  # a role phrase -> the person named in it
    doer: str | None = None  # the country doing what its main verb says ("Egypt drafted", "put forward by Egypt")


def measure_of(counts: str) -> str:
    """The measure of what a figure counts: the first word of its phrase that names one ("deaths held" counts
    deaths, not arrests; "people arrested" counts arrests), else its last word."""
    words = [stem(w) for w in re.findall(r"[a-z]+", counts.lower())]
    for word in words:
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


def find_conflicts(comparison: Comparison, scored: Scored | None = None, gazetteer: Gazetteer | None = None) -> None:
    """Add figure claims, slot conflicts and attribution conflicts to ``comparison.claims``. ``gazetteer`` (the
    one the entities were resolved with; the bundled one by default) tells countries and places apart."""
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    _figure_claims(comparison, outlet_of, scored)
    _attribution_conflicts(comparison, outlet_of)
    if scored is not None:
        _slot_conflicts(comparison, scored, outlet_of, gazetteer or _bundled_gazetteer())


# --- figures ---------------------------------------------------------------------------------------------


def _figure_claims(comparison: Comparison, outlet_of: dict[str, str], scored: Scored | None) -> None:
    text_of = {s.sentence_id: a.sentence_text(s) for a in comparison.articles for s in a.sentences}
    units = scored.units if scored else []
    figures: dict[tuple[str, str], list[_Figure]] = defaultdict(list)
    current = _story_year(comparison)
    starts = {s.sentence_id: s.start for a in comparison.articles for s in a.sentences}
    for quantity in comparison.quantities:
        if current and _earlier_year(text_of[quantity.sentence_id], current):
            continue  # "the 2004 tsunami killed 230,000": background, another event's figure
        denial = _DENIED_FIGURE.search(text_of[quantity.sentence_id])
        if denial and starts[quantity.sentence_id] + denial.start() < quantity.start:
            continue  # "rejected the ministry's figure of 4,535 dead": a figure denied, not given
        figure = _Figure(
            quantity, outlet_of[quantity.article_id], measure_of(quantity.counts), _period_kind(quantity.as_of)
        )
        if figure.measure in MEASURES:
            figures[(figure.measure, figure.period)].append(figure)
    by_sentence: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_sentence[unit.sentence_id].append(unit)
    vectors = sentence_vectors(scored) if scored is not None else None
    frames: dict[str, list[list[_Figure]]] = defaultdict(list)  # measure -> its figures of the whole period, by frame
    for (measure, period), measured in figures.items():
        for group in _same_frame(measured, vectors):
            _add_figure_claim(comparison, group, measure, period, outlet_of, text_of, by_sentence)
            if period == "cumulative":
                frames[measure].append(group)
    _denied_figures(comparison, frames, outlet_of, text_of, by_sentence)


def _story_year(comparison: Comparison) -> int | None:
    """The year the story happens in: its latest publication year; without dates, the latest year an article
    names (a story without dates that names no year has no background to set apart)."""
    published = [a.published.year for a in comparison.articles if a.published]
    if published:
        return max(published)
    named = [int(y) for a in comparison.articles for y in _YEAR.findall(a.text)]
    return max(named) if named else None


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


def _add_figure_claim(
    comparison: Comparison,
    group: list[_Figure],
    measure: str,
    period: str,
    outlet_of: dict[str, str],
    text_of: dict[str, str],
    by_sentence: dict[str, list[Unit]],
) -> None:
    chosen = _per_outlet(group)
    if len(chosen) < 2:
        return
    evidence = [_figure_unit(f.quantity, by_sentence, comparison) for f in chosen]
    claim = _claim(evidence, outlet_of, "shared")
    claim.values = {f.outlet: _describe(f) for f in chosen}
    values = {f.quantity.value for f in chosen}
    if len(values) == 1:
        claim.kind = "number"
        claim.note = f"{measure} ({period}): all outlets give {values.pop():,.10g}"
    else:
        dated = {a.article_id for a in comparison.articles if a.published}
        claim.kind, claim.note = _classify(group, chosen, text_of, measure, period, dated)
        claim.status = "conflicting" if claim.kind == "number" else "shared"
    comparison.claims.append(claim)


def _denied_figures(
    comparison: Comparison,
    frames: dict[str, list[list[_Figure]]],
    outlet_of: dict[str, str],
    text_of: dict[str, str],
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
            text = text_of[sentence.sentence_id]
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
        claim = _claim(evidence, outlet_of, "conflicting")
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


def _per_outlet(group: list[_Figure]) -> list[_Figure]:
    """One figure per outlet: the largest (the latest toll an article gives)."""
    best: dict[str, _Figure] = {}
    for figure in group:
        if figure.outlet not in best or figure.quantity.value > best[figure.outlet].quantity.value:
            best[figure.outlet] = figure
    return sorted(best.values(), key=lambda f: f.outlet)


def _describe(figure: _Figure) -> str:
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
    text_of: dict[str, str],
    measure: str,
    period: str,
    dated: set[str],
) -> tuple[str, str]:
    values = sorted({f.quantity.value for f in chosen})
    low, high = values[0], values[-1]
    for figure in group:
        text = text_of[figure.quantity.sentence_id]
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
    if all(_PROVISIONAL.search(text_of[f.quantity.sentence_id]) for f in lower):
        story = ", ".join(f"{f.outlet}: {f.quantity.value:,.10g}" for f in chosen)
        return "revision", f"{measure} ({period}): lower figures are floors or early counts ({story})"
    story = ", ".join(f"{f.outlet}: {f.quantity.value:,.10g}" for f in chosen)
    if any(f.quantity.article_id not in dated and not _latest_day(f.quantity.as_of) for f in chosen):
        # a toll grows as an event unfolds: without the day of each figure, a difference is not a contradiction
        return "revision", f"{measure} ({period}) differs where the day is unknown; it may have been revised ({story})"
    return "number", f"{measure} ({period}) differs: {story}"


def _mentions_value(text: str, value: float) -> bool:
    digits = f"{value:,.10g}"
    return digits in text or digits.replace(",", "") in text


# --- attribution -----------------------------------------------------------------------------------------


def _attribution_conflicts(comparison: Comparison, outlet_of: dict[str, str]) -> None:
    """The same words, quoted verbatim, put in different mouths by different outlets."""
    names_in: dict[str, set[str | None]] = defaultdict(set)
    for entity in comparison.entities:
        for mention in entity.mentions:
            names_in[mention.sentence_id].add(entity.entity_id)
    sentence_of = {s.sentence_id: (a, s) for a in comparison.articles for s in a.sentences}
    by_statement: dict[str, list[Quote]] = defaultdict(list)
    for quote in comparison.quotes:
        # only speakers named in the quote's own sentence: "he said" resolved by context is too weak to dispute
        if quote.statement_id and quote.speaker_entity_id in names_in[quote.sentence_id]:
            by_statement[quote.statement_id].append(quote)
    for quotes in by_statement.values():
        speakers = {q.speaker_entity_id for q in quotes}
        if len(speakers) < 2 or len({outlet_of[q.article_id] for q in quotes}) < 2:
            continue
        if any(speakers <= names_in[q.sentence_id] for q in quotes):
            continue  # one outlet names both: a relay ("The Guardian reported X said"), not two claimed speakers
        named = list({q.speaker for q in quotes})
        if all(same_name(x, y) for i, x in enumerate(named) for y in named[i + 1 :]):
            continue  # one speaker named two ways ("Iga Jasica" / "Iga"), two entities only to the resolver
        evidence = []
        for quote in {outlet_of[q.article_id]: q for q in quotes}.values():
            article, sentence = sentence_of[quote.sentence_id]
            evidence.append(ClaimUnit(article.article_id, sentence.sentence_id, sentence.start, sentence.end))
        claim = _claim(evidence, outlet_of, "conflicting")
        claim.kind = "attribution"
        claim.values = {outlet_of[q.article_id]: q.speaker for q in quotes}
        claim.note = "the same words are attributed to different speakers"
        comparison.claims.append(claim)


# --- same frame, different value -------------------------------------------------------------------------


def _slots(unit: Unit, places: dict[str, str], gazetteer: Gazetteer | None = None) -> _Slots:
    text = unit.text
    lowered = text.lower()
    numbers = set()
    said_as: dict[str, str] = {}
    ages = []
    age_names = set()
    for match in _AGE.finditer(text):
        ages.append((match.span(), _number_word(match.group(1).lower())))
        person = _NAME_BEFORE.search(text[: match.start()]) or _NAME_AFTER.match(text, match.end())
        role = _ROLE_AFTER.match(text, match.end())
        if person:
            age_names.add(person.group(1).strip())
        elif role and role.group(1) not in STOPWORDS:
            age_names.add(role.group(1))
    for match in _NAMED_AGE.finditer(text):
        group = 2 if match.group(2) else 3
        if match.group(1) and stem(match.group(1).split()[-1].lower()) in DAY_WORDS:
            continue  # "Monday, 12, ..." is no age
        if 0 < int(match.group(group)) < OLDEST_AGE:
            ages.append((match.span(group), float(match.group(group))))
            if match.group(1):
                age_names.add(match.group(1))

    def in_age(position: int) -> bool:
        return any(start <= position < end for (start, end), _ in ages)

    for match in _MONEY.finditer(text):
        if _CONVERTED.search(text[: match.start()]):
            continue
        amount = _figure_value(match.group(2)) or 0.0
        currency = _currency(match.group(1))
        rate = _RATE.match(text, match.end())
        if rate:
            currency = f"{currency} per {(rate.group(1) or rate.group(2)).lower()}"
        if _ASKED.search(text[max(0, match.start() - ASKED_REACH) : match.start()]):
            currency = f"{currency} asked"  # "seeking a contract for at least $20 million": what one wants
        numbers.add((currency, amount * _MONEY_SCALE.get((match.group(3) or "").lower(), 1.0)))
        said_as.setdefault(currency, currency)
    kinds: dict[str, set[str]] = {}  # a counted word -> what kinds of it the unit counts ("on punt returns")
    for match in _NUMBER_WITH_UNIT.finditer(text):
        if in_age(match.start()):
            continue
        if text[: match.start()].rstrip().endswith(":"):
            continue  # the minutes of a clock time ("8:30 p.m."), not a figure of their own
        word = match.group(2).lower()
        if (word in STOPWORDS and word not in ("am", "pm")) or word in _SCALE_WORDS:
            continue  # "110 billion": the currency may differ (euros, dollars), conversions are not conflicts
        value = _figure_value(match.group(1))
        if value is None:
            continue
        numbers.add((stem(word), value))
        said_as.setdefault(stem(word), match.group(2))
        kind = _KIND_OF_COUNT.match(text, match.end())
        if kind:
            kinds.setdefault(stem(word), set()).add(" ".join(stem(w) for w in content_words(kind.group(1))))
    ranges = set()
    for match in _RANGE.finditer(text):
        low = _figure_value(match.group(1) or match.group(2))
        high = _figure_value(match.group(3))
        if low is not None and high is not None and match.group(4).lower() not in STOPWORDS:
            ranges.add((stem(match.group(4).lower()), min(low, high), max(low, high)))
    words = content_words(text)
    named = _named_day_words(text)
    days = frozenset(stem(w.lower()) for w in named)
    for day in named:
        said_as.setdefault(stem(day.lower()), day)
    # a bearing from a reference point ("55 km west of Bireun"), not a region's name ("northern Aceh")
    directions = {_DIRECTIONS[w] for w in re.findall(r"\b([a-z-]+)\s+of\b", lowered) if w in _DIRECTIONS}
    directions |= {_OFFSHORE[w] for w in re.findall(r"[a-z]+", lowered) if w in _OFFSHORE and w != "off"}
    if re.search(r"\bstruck off\b|\bhit off\b|\boff the coast\b", lowered):
        directions.add("offshore")
    started = {m.start(1) for pattern in (_SINCE_YEAR, _SUBORDINATE_YEAR) for m in pattern.finditer(text)}
    years = frozenset(int(m.group(1)) for m in _YEAR.finditer(text) if m.start(1) not in started)
    numbers = {n for n in numbers if not (1800 <= n[1] <= 2099 and n[1] == int(n[1]))}  # years are dates
    periods = [m for m in _DURATION.finditer(text) if not in_age(m.start())]
    # a time since or until something ("11 days ago", "nine days after the attack") is kept apart from a span
    # ("a seven-day exercise", "for two months"): each is compared with its own kind only
    spans = [
        (
            _OFFSET.match(text, m.end()) is not None,
            _number_word(m.group(1).lower()),
            _DURATION_DAYS[stem(m.group(2).lower())],
            _length_of(text, m.end()),
        )
        for m in periods
    ]
    durations = frozenset((offset, amount * days, noun) for offset, amount, days, noun in spans if amount is not None)
    if len({age for _, age in ages}) == 1:  # a unit giving two ages ("Fan, 32, ... Zhang, 21") tells of two people
        numbers |= {(AGE_UNIT, age) for _, age in ages if age is not None}
    slot_words = {w for w, _ in numbers} | set(days) | {stem(d) for d in directions}
    slot_words |= {stem(m.group(2).lower()) for m in periods}
    if ages:
        slot_words |= {stem("year"), stem("old")}
    slot_words |= {stem(w) for name in places.values() for w in content_words(name)}
    frame = frozenset(stem(w) for w in words if stem(w) not in slot_words and stem(w) not in TIME_WORDS)
    negated = bool(NEGATION.search(text))
    known = gazetteer or _bundled_gazetteer()
    agents, countries = _agents(text, known)
    roles = _roles(text)
    return _Slots(
        frozenset(numbers),
        days,
        years,
        durations,
        frozenset(directions),
        negated,
        frozenset(slot_words),
        frame,
        said_as,
        frozenset(ranges),
        frozenset(age_names),
        {word: frozenset(found) for word, found in kinds.items()},
        bool(_FUTURE.search(text)),
        agents,
        countries,
        roles=roles,
        doer=_doer(unit, known),
    )


def _length_of(text: str, end: int) -> str:
    """The stem of the noun a duration is the length of when written before it ("a six-week truce", "the
    seven-day event", "a month-long strike"), else empty."""
    after = _LENGTH_OF.match(text, end)
    if after is None or after.group(1).lower() in STOPWORDS or _OFFSET.match(text, end):
        return ""
    return stem(after.group(1).lower())


@functools.cache
def _bundled_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _nested_places(first: str, second: str, gazetteer: Gazetteer) -> bool:
    """Whether two places can both be right (see :mod:`counterpoint.places`), by their names as written or
    as the gazetteer knows them ("U.S." is the United States)."""
    known = [gazetteer.lookup_folded(name) for name in (first, second)]
    canonical = [entry.name if entry else name for entry, name in zip(known, (first, second), strict=True)]
    return nested(first, second) or nested(*canonical)


def _agents(text: str, gazetteer: Gazetteer) -> tuple[dict[str, str], frozenset[str]]:
    """The acts a text gives a country as doer (noun stem -> country), and every country it names."""
    agents: dict[str, str] = {}
    countries = set()
    for match in _COUNTRY_BEFORE.finditer(text):
        words = match.group(1).split()
        country = gazetteer.is_qualifier(match.group(1)) or gazetteer.is_qualifier(words[-1])
        if country is None:
            continue
        countries.add(country)
        noun = match.group(2)
        after = re.findall(r"[a-z]+", text[match.end() : match.end() + NEARBY_CHARS].lower())[:AGENT_SOURCE_REACH]
        if noun in STOPWORDS or noun in REPORTING_VERBS or REPORTING_VERBS & set(after):
            continue
        if _LISTED.search(text[max(0, match.start() - NEARBY_CHARS) : match.start()]):
            continue  # "Somalian and Yemeni pirates": doers of two countries
        agents.setdefault(stem(noun), country)
    for word in re.findall(r"[A-Z][\w.]*", text):
        country = gazetteer.is_qualifier(word)
        if country:
            countries.add(country)
    return agents, frozenset(countries)


def _roles(text: str) -> dict[str, str]:
    """The people a text names in a role ("special envoy Brett McGurk", "Amos Hochstein, the U.S. special
    envoy"), by the role's title: its noun and the title words before it (capitalised, or a modifier that
    makes another office), lower case."""
    found: dict[str, str] = {}
    for match in _ROLE_BEFORE_NAME.finditer(text):
        before = text[max(0, match.start() - NEARBY_CHARS) : match.start()]
        title = _title_before(before, match.group()[: match.start("name") - match.start()])
        found.setdefault(title, match.group("name"))
    for match in _NAME_THEN_ROLE.finditer(text):  # "X, the special envoy"; "named X as its special envoy"
        words = (match.group("role") or match.group("as_role")).split()
        found.setdefault(_title_before(" ".join(words[:-1]), words[-1]), match.group("name") or match.group("named"))
    # capitalised words that open a sentence or a phrase ("On Saturday", "After Cohen") are no name
    names = {title: re.split(r"['\u2019]s\b", name)[0] for title, name in found.items()}  # "Papandreou's party"
    return {title: name for title, name in names.items() if _PERSON_NAME.fullmatch(name)}


def _title_before(before: str, noun: str) -> str:
    words = []
    for word in reversed(before.split()):
        lowered = word.lower()
        if not (word[:1].isupper() or lowered in _ROLE_MODIFIERS) or word.endswith((",", ";", ":")):
            break
        if lowered in STOPWORDS or stem(lowered) in DAY_WORDS:
            break  # "On Tuesday Defense Minister ...": the title starts after them
        words.append(word)
    return " ".join([*reversed(words), noun.strip()]).lower()


def _figure_value(written: str) -> float | None:
    """A figure as written ("1,500", "20, 000" in tokenised text, "seven") as a number."""
    value = _number_word(written.lower())
    if value is None:
        try:
            value = float(re.sub(r",\s?", "", written))
        except ValueError:
            return None
    return value


def _same(value_a: tuple[str, float], value_b: tuple[str, float]) -> bool:
    """Equal, or equal after converting units of one measure (10 km and 6.2 miles)."""
    (unit_a, a), (unit_b, b) = value_a, value_b
    if unit_a == unit_b:
        return a == b
    scale_a, scale_b = _UNIT_SCALE.get(unit_a), _UNIT_SCALE.get(unit_b)
    if scale_a and scale_b and scale_a[0] == scale_b[0]:
        x, y = a * scale_a[1], b * scale_b[1]
        return abs(x - y) <= CONVERSION_TOLERANCE * max(x, y)
    return False


def _number_difference(
    a: _Slots, b: _Slots, apart: AbstractSet[frozenset[str]] = frozenset()
) -> tuple[str, str] | None:
    """Values of one measure word that differ (and are not the same value in other units, nor values some
    outlet tells apart: see :func:`_values_told_apart`)."""
    by_unit_a: dict[str, set[float]] = defaultdict(set)
    by_unit_b: dict[str, set[float]] = defaultdict(set)
    for unit, value in a.numbers:
        by_unit_a[unit].add(value)
    for unit, value in b.numbers:
        by_unit_b[unit].add(value)
    for unit in sorted(by_unit_a.keys() & by_unit_b.keys()):  # the same one on every run
        if unit in _UNIT_SCALE or by_unit_a[unit] & by_unit_b[unit]:
            continue
        if a.kinds.get(unit) and b.kinds.get(unit) and not a.kinds[unit] & b.kinds[unit]:
            continue  # "three touchdowns on punt returns" / "six touchdowns on offense": two kinds counted
        if any(_same(x, y) for x in a.numbers for y in b.numbers if x[0] != y[0]):
            continue
        if any(_rounded_alike(x, y) for x in by_unit_a[unit] for y in by_unit_b[unit]):
            continue
        if all(frozenset((_figure(x), _figure(y))) in apart for x in by_unit_a[unit] for y in by_unit_b[unit]):
            continue
        if _within_range(by_unit_a[unit], b.ranges, unit) or _within_range(by_unit_b[unit], a.ranges, unit):
            continue
        return _amount(min(by_unit_a[unit]), unit), _amount(min(by_unit_b[unit]), unit)
    return None


def _owned_apart(a: Unit, b: Unit, slots_a: _Slots, slots_b: _Slots) -> bool:
    """Whether the figures of two units belong to differently named owners, by their subjects or by the
    names just before their verbs."""
    return _named_apart(slots_a, slots_b) or _owners_apart(a.text, b.text)


def _named_apart(a: _Slots, b: _Slots) -> bool:
    """Whether the two units' subjects are two different names ("Ely" / "Lawson"; "he", read as the person
    named last before it, / "Bush"): their figures are two people's (or places', teams') figures, not one
    figure told two ways."""
    return bool(a.owner and b.owner) and not same_name(a.owner, b.owner)


def _subject_name(unit: Unit) -> str:
    """The unit's subject as written when it is a name ("Igor Vorozhbitsyn"), else empty."""
    if not unit.subject or unit.subject in STOPWORDS:
        return ""
    # the subject's head word, capitalised, with the capitalised words around it ("Igor Vorozhbitsyn")
    head = rf"\b(?i:{re.escape(unit.subject)})\b"
    written = re.search(rf"(?:[A-Z][\w'\u2019-]*\s+)*{head}(?:\s+[A-Z][\w'\u2019-]*)*", unit.text)
    found = re.search(head, written.group()) if written else None
    if written is None or found is None or not found.group()[:1].isupper():
        return ""
    return written.group()


# A name just before a figure's verb ("Shy Ely scored 23 points", "Hansbrough finished with 20 points") owns the
# figure; a verb of saying there ("Police said 5") gives an authority, not an owner ("added" may be either:
# "Ty Lawson added 16 points").
_OWNER = re.compile(r"((?:[A-Z][\w'\u2019-]+\s+)*[A-Z][\w'\u2019-]+)\s+([a-z]+)\s+(?:[a-z]+\s+)?\d")
_AUTHORITY_VERBS = frozenset("said says say told tells reported reports estimated estimates put puts".split())


def _owners_apart(a: str, b: str) -> bool:
    """Whether the figures of the two texts belong to differently named owners ("Shy Ely scored 23 points" /
    "Ty Lawson added 16 points"). A lone capitalised word at the start of a text is not taken for a name."""

    def owners(text: str) -> list[str]:
        return [
            m.group(1)
            for m in _OWNER.finditer(text)
            if m.group(2) not in _AUTHORITY_VERBS and (m.start() > 0 or " " in m.group(1))
        ]

    first, second = owners(a), owners(b)
    return bool(first and second) and not any(same_name(x, y) for x in first for y in second)


def _statement_place(text: str, name: str) -> bool:
    """Whether ``name`` is where something was said ("In Washington, the White House said", "told reporters in
    Kabul"), not where the event happened."""
    at = re.search(rf"\b[Ii]n\s+{re.escape(name)}\b", text)
    if at is None:
        return False
    before = re.findall(r"[\w']+", text[: at.start()])[-3:]
    after = re.findall(r"[\w']+", text[at.end() :])[:6]
    said_before = any(w.lower() in _STATEMENT_VERBS for w in before)
    said_after = text[at.end() :].lstrip().startswith(",") and any(w.lower() in _STATEMENT_VERBS for w in after)
    return said_before or said_after


def _same_people(names_a: AbstractSet[str], names_b: AbstractSet[str]) -> bool:
    """Whether two units' ages are of one person: both tell whose age it is, by a name ("Igor" / "Igor
    Vorozhbitsyn") or a role ("singer"), and alike. An age of nobody in particular ("the 42-year-old was
    saved") is not compared: in a story of many people it is as often another person's."""
    return any((x == y) if x.islower() or y.islower() else same_name(x, y) for x in names_a for y in names_b)


def _rounded_alike(x: float, y: float) -> bool:
    """Whether one figure is the other rounded: a round figure ("$350") within ROUNDING_TOLERANCE of the other
    ("$349")."""
    round_figure = (x % 10 == 0 and x != 0) or (y % 10 == 0 and y != 0)
    return round_figure and abs(x - y) <= ROUNDING_TOLERANCE * max(abs(x), abs(y))


def _within_range(values: set[float], ranges: frozenset[tuple[str, float, float]], unit: str) -> bool:
    """Whether one of ``values`` lies in a range the other unit gives of the same measure ("50 or 60")."""
    return any(measure == unit and low <= v <= high for measure, low, high in ranges for v in values)


def _amount(value: float, unit: str) -> str:
    """A figure as a value: "11 time" (its measure's stem, told as written later), "$60,000,000"."""
    sum_of, asked, _ = unit.partition(" asked")
    currency, per, rate = sum_of.partition(" per ")
    if currency[-1:] in _CURRENCY_SIGNS:
        return f"{currency}{value:,.10g}{per}{rate}{asked}"  # "$23,000,000 per season", "$100,000,000 asked"
    return f"{value:g} {unit}"


def denial_scopes(text: str) -> list[tuple[int, int, int]]:
    """For each denial in ``text``: where its word starts and ends, and where its clause ends."""
    scopes = []
    for match in NEGATION.finditer(text):
        scope = _SCOPE_END.split(text[match.end() :], maxsplit=1)[0]
        scopes.append((match.start(), match.end(), match.end() + len(scope)))
    return scopes


def _denies_what_the_other_states(negated: str, plain: str, lead: str = "", plain_lead: str = "") -> bool:
    """Whether what a denial in ``negated`` is about is stated in ``plain``: the first content word in the
    denial's scope, and the word after it too where ``plain`` goes on after the first ("does not employ
    local women" is not denied by "employs women from other countries"; "never agreed to the request" is by
    "agreed", and by "agreed to the request"). Denials listed one after another ("no food, no water") are
    one denial, about its first item. ``lead`` and ``plain_lead`` are the sentences' text before each unit
    ("whether or" before "not Thomas would get more carries", "if" before "the city secures a team")."""
    stated = [stem(w) for w in content_words(plain)]
    previous_end = -1
    for start, word_end, end in denial_scopes(negated):
        scope = negated[word_end:end]
        listed = previous_end >= 0 and re.fullmatch(r"\s*,\s*", negated[previous_end:start]) is not None
        previous_end = end
        if listed:
            continue  # "no outlets for their anger, no community": one denial of a list, judged by its head
        if negated[start:word_end].lower() in _REJECTIONS and _REJECTION_IN.search(plain):
            continue  # "rejected the request" / "the request was declined": both turn it down
        if _IN_SPAN.search(scope):
            continue  # "have not used tear gas in nearly a decade": up to now, not at the moment the other tells
        since = _SINCE.match(negated, end)
        if since and set(content_words(negated[since.end() :])) & set(content_words(plain)):
            continue  # "hasn't expanded since the Blue Jackets joined" / "last expanded with the Blue Jackets"
        if _CHANGED_STATE.search(negated[:end]) or _REFUSAL.match(negated, start):
            continue  # "no longer the director and was not operating there": a state that has changed
        if _AT_THE_TIME.search(scope) and not _AT_THE_TIME.search(plain):
            continue  # "was not at the church at the time of the fire" against "stopped by the church this morning"
        declined = _DECLINED_TO_SAY.match(scope)
        if declined and stem(declined.group(1).lower()) not in stated:
            continue  # "would not say what she was treated for" withholds; against "said" or "confirmed" it differs
        if _OBLIGATION.search(negated[:start]) or _HEDGED_DENIAL.search(negated[:start]):
            continue
        if _WOULD.search(negated[:start]) and _HAVE.match(negated, word_end):
            continue  # "would not have placed him on injured reserve": what did not happen in another world
        if _CONDITION.search(negated[:start]) or _ALTERNATIVE.search(lead + negated[:start]):
            continue  # "if the rumors are true, it won't shut down the service": a hypothesis denies nothing
        if negated[:start].count("(") > negated[:start].count(")"):
            continue  # "Jasmine Tridevil (not her real name)": an aside on the word before it, not a denial
        if any(m.start() < start < m.end() for m in _NOT_THE_PURPOSE.finditer(negated)):
            continue
        first = re.match(r"\W*(\w+)", scope)
        if (
            first
            and first.group(1).lower() in _DEGREE
            and first.group(1).lower() not in re.findall(r"\w+", plain.lower())
        ):
            continue
        denied = [stem(w) for w in content_words(scope) if w not in _NOT_THE_DENIED][:2]
        if not denied or denied[0] not in stated or not _asserted(plain, denied[0], plain_lead):
            continue
        if stated.index(denied[0]) > 0 and stated[stated.index(denied[0]) - 1] == "non":
            continue  # "couldn't disclose" against "a non-disclosure agreement": both say it was not told
        if len(denied) > 1 and denied[1] not in stated and _CONTRAST.match(negated, end):
            continue  # "not an ISIS scholar but a Kurdish fighter": X must be stated whole to be disputed
        following = stated[stated.index(denied[0]) + 1 :]
        after = [w for w in following if w not in TIME_WORDS and w not in DAY_WORDS][:1]
        if len(denied) < 2 or not after or denied[1] in stated:
            return True
    return False


def _asserted(plain: str, stemmed: str, lead: str = "") -> bool:
    """Whether ``plain`` states the word with stem ``stemmed``: not inside an embedded question ("unable to
    say *if* the doctor performed" states no operation), not just after "without", "refusing to" or "failed
    to" (which deny it), not as the aim of an effort ("working to confirm" has not confirmed). The words of
    ``lead`` (the sentence before ``plain``) count as the words before it."""
    lowered = (lead + plain).lower()
    denied = [
        (m.start(1), m.start(1) + sum(len(w) + 1 for w in m.group(1).split()[:_PRIVATIVE_REACH]) + 1)
        for m in _PRIVATIVE.finditer(lowered)
    ]
    tokens = list(re.finditer(r"[a-z]+", lowered))
    words = [t.group() for t in tokens]
    for position, word in enumerate(words):
        if stem(word) != stemmed or tokens[position].start() < len(lead):
            continue
        before = words[max(0, position - _QUESTION_REACH) : position]
        if "whether" in before or "if" in before:
            continue
        if any(
            words[k] in _HEDGES and not re.search(r"[,;:.!?]", lowered[tokens[k].end() : tokens[position].start()])
            for k in range(max(0, position - _HEDGE_REACH), position)
        ):
            continue  # "may well invoke a formal expansion process" has not invoked it
        if any(start <= tokens[position].start() < end for start, end in denied):
            continue  # "without her prior consent", "refusing to take part in the harvesting"
        if position >= 2 and words[position - 1] == "to" and words[position - 2] in _EFFORT:
            continue  # "working to confirm its authenticity" has not confirmed it; "difficult to confirm" neither
        if _BELIEF & set(words[max(0, position - _BELIEF_REACH) : position]) or (
            position >= 2 and words[position - 2 : position] == ["left", "for"]
        ):
            continue  # "thinking his cat was dead", "left for dead"
        return True
    return False


def _parties_dispute(negated: str, plain: str, lead: str = "") -> bool:
    """Whether the two units report what two parties say: one party's denial ("the army denied it carried out
    the strike") against another's accusation ("the governor accused Sudan of the attack"). The outlets
    agree on what was said; the dispute is the parties', not theirs. A denial in a party's own quoted words
    ("she claimed the shootings \"didn't happen\"") is that party's denial."""
    return bool(_DENIAL_VERB.search(negated) or _quoted_denial(lead + negated)) and bool(_REPORTED.search(plain))


def _doer(unit: Unit, gazetteer: Gazetteer) -> str | None:
    """The country that does what the unit's main verb says: its subject ("Egypt drafted the plan") or the
    name after "by" in the passive ("was put forward by Egypt")."""
    subject = re.search(rf"\b{re.escape(unit.subject)}\b", unit.text, re.I) if unit.subject else None
    if subject and subject.group()[:1].isupper():  # a name as written, not the word "us"
        country = gazetteer.is_qualifier(subject.group())
        if country:
            return country
    by = _BY_NAME.search(unit.text)
    return gazetteer.is_qualifier(by.group(1)) if by else None


def _says(unit: Unit, name: str) -> bool:
    """Whether ``name`` is followed by a verb of saying in the unit ("Egypt said", "Israel quickly denied")."""
    found = re.search(rf"\b{re.escape(name)}\s+(?:\w+ly\s+)?(\w+)", unit.text)
    return found is not None and found.group(1).lower() in REPORTING_VERBS


def _same_after(a: Unit, b: Unit) -> float:
    """Dice overlap of the content words after each unit's main verb: what each says the verb of."""
    after = []
    for unit in (a, b):
        found = re.search(rf"\b{re.escape(unit.head)}\b", unit.text, re.I)
        after.append(frozenset(content_words(unit.text[found.end() :] if found else unit.text)))
    return dice(after[0], after[1])


def _quoted_denial(text: str) -> bool:
    """Whether a denial in ``text`` stands inside quotation marks: someone's words, not the outlet's."""
    for start, _, _ in denial_scopes(text):
        before = text[:start]
        if before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d"):
            return True
    return False


def _as_duration(days: float) -> str:
    for unit, size in (("year", 365), ("month", 30), ("week", 7)):
        if days >= size and days % size == 0:
            return f"{days / size:g} {unit}{'s' if days != size else ''}"
    return f"{days:g} days"


def _difference(
    a: Unit,
    b: Unit,
    slots_a: _Slots,
    slots_b: _Slots,
    places: tuple[dict[str, str], dict[str, str]],
    together: Any,
    values_apart: set[frozenset[str]],
    denial: bool = True,
    contexts: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", "")),
    gazetteer: Gazetteer | None = None,
) -> tuple[str, str, str] | None:
    """(kind, value of a, value of b) when the two units give one slot different values; a denial against a
    statement only where ``denial`` allows it; days, months, years and figures an outlet tells apart (``values_apart``,
    see :func:`_values_told_apart`) are not competing values. ``contexts`` give each unit's
    sentence: its text before the unit, and the whole of it."""
    if denial and slots_a.negated != slots_b.negated:
        sides = ((a.text, contexts[0]), (b.text, contexts[1]))
        (negated, (lead, _)), (plain, (plain_lead, plain_sentence)) = sides if slots_a.negated else sides[::-1]
        if _denies_what_the_other_states(negated, plain, lead, plain_lead) and not _parties_dispute(
            negated, plain_sentence or plain, lead
        ):
            return (
                "negation",
                ("denies" if slots_a.negated else "affirms"),
                ("affirms" if slots_a.negated else "denies"),
            )
    outcomes = opposite_outcomes(a.head, b.head) if slots_a.negated == slots_b.negated else None
    if outcomes and not (a.subject and b.subject and a.subject != b.subject) and _same_after(a, b) >= OPPOSITE_MIN_SAME:
        return "negation", *outcomes  # "the group halted the talks" / "the group resumed the talks": halt / continue
    periods = (bool(_COUNTING_PERIOD.search(a.text)), bool(_COUNTING_PERIOD.search(b.text)))
    numbers = _number_difference(slots_a, slots_b, values_apart) if periods[0] == periods[1] else None
    place_a, place_b = places
    # a figure for another place is another scope ("170,000 in the province" / "230,000 around the ocean"), and
    # a count of people is one measure only with the same verb ("200 people injured" / "24 people killed")
    same_scope = not (place_a and place_b and place_a.keys() != place_b.keys())
    generic = numbers is not None and numbers[0].split()[-1] in _GENERIC_COUNTED
    if numbers and numbers[0].endswith(AGE_UNIT) and not _same_people(slots_a.age_names, slots_b.age_names):
        numbers = None  # "Subryan, 23," and "the 59-year-old Raj Chohan" are two people's ages
    if numbers and _owned_apart(a, b, slots_a, slots_b):
        numbers = None  # "Shy Ely scored 23 points" / "Ty Lawson added 16 points": two players' figures
    # a figure and a length that both differ ("a seven-year deal worth $140 million" / "an eight-year deal worth
    # $184 million") tell of two things, not of one with a disputed figure
    if numbers and _duration_difference(slots_a, slots_b, exact=True):
        numbers = None
    if numbers and same_scope and (not generic or (a.head and stem(a.head) == stem(b.head))):
        return "number", *numbers
    # a date of what will be and one of what was are dates of two events
    one_event = slots_a.future == slots_b.future
    if one_event and len(slots_a.years) == 1 and len(slots_b.years) == 1 and slots_a.years != slots_b.years:
        year_a, year_b = str(min(slots_a.years)), str(min(slots_b.years))
        if frozenset((year_a, year_b)) not in values_apart:
            return "date", year_a, year_b
    durations = _duration_difference(slots_a, slots_b)
    if durations:
        return "duration", *durations
    if one_event and len(slots_a.days) == 1 and len(slots_b.days) == 1 and slots_a.days != slots_b.days:
        day_a, day_b = next(iter(slots_a.days)), next(iter(slots_b.days))
        # a weekday and a month can both be right
        if (
            (day_a in WEEKDAYS) == (day_b in WEEKDAYS)
            and frozenset((day_a, day_b)) not in values_apart
            and not _overnight((a.text, day_a), (b.text, day_b))
        ):
            return "date", day_a, day_b
    for role in sorted(slots_a.roles.keys() & slots_b.roles.keys()):
        person_a, person_b = slots_a.roles[role], slots_b.roles[role]
        # one office, two people; not where a unit also names the other's person ("X replaced envoy Y")
        if (
            not same_name(person_a, person_b)
            and person_a.split()[-1] != person_b.split()[-1]  # "Commander Nirad Sinha" / "Commodore Nirad Sinha"
            and person_b.split()[-1] not in a.text
            and person_a.split()[-1] not in b.text
        ):
            return "person", person_a, person_b
    for act in sorted(slots_a.agents.keys() & slots_b.agents.keys()):
        doer_a, doer_b = slots_a.agents[act], slots_b.agents[act]
        # "an Egyptian proposal" / "an Israeli proposal"; not where one also names the other's country
        if doer_a != doer_b and doer_b not in slots_a.countries and doer_a not in slots_b.countries:
            return "agent", doer_a, doer_b
    actor_a, actor_b = slots_a.doer, slots_b.doer
    if (
        actor_a
        and actor_b
        and actor_a != actor_b
        and actor_b not in slots_a.countries
        and actor_a not in slots_b.countries
        and not {a.head, b.head} & REPORTING_VERBS  # who said it is an attribution, not who did it
    ):
        return "agent", actor_a, actor_b  # "Egypt drafted the plan" / "the plan was put forward by Israel"
    if slots_a.directions and slots_b.directions and not slots_a.directions & slots_b.directions:
        return "place", ", ".join(sorted(slots_a.directions)), ", ".join(sorted(slots_b.directions))
    pair = frozenset(place_a.keys() | place_b.keys())
    # "she moved to Florida shortly thereafter" tells a later step of a sequence than "moved to San Francisco"
    sequenced = bool(_SEQUENCE.search(a.text)) != bool(_SEQUENCE.search(b.text))
    if len(place_a) == 1 and len(place_b) == 1 and len(pair) == 2 and pair not in together and not sequenced:
        name_a, name_b = next(iter(place_a.values())), next(iter(place_b.values()))
        # one place each, in the same role ("signed in Geneva" / "signed in Vienna"), and not nested by name
        if (
            _word_before(a.text, name_a) == _word_before(b.text, name_b)
            and not set(name_a.lower().split()) & set(name_b.lower().split())
            and not same_name(name_a, name_b)  # "anaesthesia" / "anesthesia": one word spelled two ways
            # "in Manhattan" / "in New York": one inside the other
            and not _nested_places(name_a, name_b, gazetteer or _bundled_gazetteer())
        ):
            # "put forward by Egypt" / "by Israel": the country is who did it, not where; "Egypt said" / "Israel
            # said": who says it
            kind = "agent" if _word_before(a.text, name_a).lower() == "by" else "place"
            if _says(a, name_a) and _says(b, name_b):
                kind = "attribution"
            return kind, name_a, name_b
    return None


def _duration_difference(slots_a: _Slots, slots_b: _Slots, exact: bool = False) -> tuple[str, str] | None:
    """The two lengths when the units give one span each and they differ (a month is about four weeks)."""
    if len(slots_a.durations) != 1 or len(slots_b.durations) != 1 or slots_a.durations == slots_b.durations:
        return None
    (offset_a, days_a, noun_a), (offset_b, days_b, noun_b) = min(slots_a.durations), min(slots_b.durations)
    # the length of a thing ("the seven-day event") against a span the other tells of something it does not
    # name ("had been in the country for 11 days") measures two things
    one_thing = not (noun_a and not noun_b and noun_a not in slots_b.frame) and not (
        noun_b and not noun_a and noun_b not in slots_a.frame
    )
    # "11 days ago" and "a seven-day exercise" measure two things
    if not one_thing or offset_a != offset_b:
        return None
    # in two units ("a month" / "four weeks") lengths within DURATION_TOLERANCE are one; told in one unit
    # ("seven-year" / "eight-year") they are two where ``exact`` asks
    same_unit = exact and any(days_a % unit == 0 and days_b % unit == 0 for unit in (365, 30, 7))
    if days_a != days_b if same_unit else abs(days_a - days_b) > DURATION_TOLERANCE * max(days_a, days_b):
        return _as_duration(days_a), _as_duration(days_b)
    return None


def _overnight(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether two weekdays (text, day stem) are one night told from either side: "Monday night" / "early
    Tuesday"."""
    if first[1] not in WEEKDAYS or second[1] not in WEEKDAYS:
        return False
    gap = (_WEEKDAY_ORDER.index(second[1]) - _WEEKDAY_ORDER.index(first[1])) % 7
    if gap not in (1, 6):
        return False
    earlier, later = (first[0], second[0]) if gap == 1 else (second[0], first[0])
    return bool(_NIGHT.search(earlier) and _EARLY.search(later))


def _named_days(text: str) -> list[tuple[str, bool]]:
    """The named days and months of ``text`` as written (they are capitalised: "May", "March"; not "may"), each
    with whether it is the day something was said ("officials said Wednesday", "told The Associated Press on
    Sunday"): that is when the outlet heard it, not when the event happened."""
    return [
        (m.group(), _said_on(text, m.start()))
        for m in re.finditer(r"\b[A-Z][a-z]+\b", text)
        if stem(m.group().lower()) in DAY_WORDS
    ]


def _named_day_words(text: str) -> list[str]:
    """The named days and months of ``text`` that date an event (not a statement)."""
    return [day for day, said in _named_days(text) if not said]


def _said_on(text: str, position: int) -> bool:
    """Whether the day at ``position`` is the day of a statement: it follows a reporting verb with nothing
    between but whom it was said to ("said Wednesday", "told The Associated Press on Sunday", "told reporters
    late on Monday") or where ("said at practice on Wednesday", "said in a statement on Monday"); "said the
    bombing was on Tuesday" dates the bombing."""
    words = re.findall(r"[\w']+", text[:position])[-STATEMENT_DAY_REACH:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _STATEMENT_VERBS:
            between = words[index + 1 :]
            return (
                not between
                or between[0].lower() in _VENUE
                or all(w[0].isupper() or w.lower() in _AUDIENCE_WORDS for w in between)
            )
    return False


def _values_told_apart(judged: list[Unit], scored: Scored, slots_of: Callable[[int], _Slots]) -> set[frozenset[str]]:
    """Pairs of days, months, years or figures that one outlet gives in one sentence or in two sentences of one
    frame (a flight delayed in September, another in December; "$334 million ($281 million in cash)"; "five
    bombs were dropped, of which four exploded"): the outlet tells two things apart, so outlets giving one or
    the other tell of two things, not of one thing differently."""

    def values(slots: _Slots) -> set[str]:
        return set(slots.days) | {str(v) for v in slots.years} | {_figure(v) for _, v in slots.numbers}

    dated: dict[str, list[int]] = defaultdict(list)
    apart: set[frozenset[str]] = set()
    for index, unit in enumerate(judged):
        slots = slots_of(index)
        if unit.whole:
            told = sorted(values(slots))
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


def _figure(value: float) -> str:
    return f"{value:g}"


def _word_before(text: str, name: str) -> str:
    position = text.lower().find(name.lower())
    before = re.findall(r"[a-z]+", text[:position].lower()) if position > 0 else []
    return before[-1] if before else ""


def _slot_conflicts(comparison: Comparison, scored: Scored, outlet_of: dict[str, str], gazetteer: Gazetteer) -> None:
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
    sentence_of = {s.sentence_id: (a, s) for a in comparison.articles for s in a.sentences}
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

    def slots_of(index: int) -> _Slots:
        if index not in cache:
            unit = judged[index]
            named = places.get(unit.sentence_id, {})
            unit_places[index] = {
                k: v for k, v in named.items() if v.lower() in unit.text.lower() and not _statement_place(unit.text, v)
            }
            owner = antecedent(unit) if unit.subject in _PERSON_PRONOUNS else _subject_name(unit) or named_first(unit)
            cache[index] = replace(_slots(unit, unit_places[index], gazetteer), owner=owner)
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
        lengths = sorted((len(a.text.split()), len(b.text.split())))
        if lengths[0] < FRAME_MIN_LENGTH_RATIO * lengths[1] or lengths[0] < FRAME_MIN_WORDS:
            continue  # "But no Bieber." / "Justin Bieber, apparently.": too little said to hold a frame
        slots_a, slots_b = slots_of(x), slots_of(y)
        worded = cosine[k] >= FRAME_MIN_COSINE and dice(slots_a.frame, slots_b.frame) >= FRAME_MIN_OVERLAP
        if not worded and frame[k] < FRAME_MIN_PROBABILITY:
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
            [ClaimUnit(u.article_id, u.sentence_id, u.start, u.end) for u in units], outlet_of, "conflicting"
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


def _claim(evidence: list[ClaimUnit], outlet_of: dict[str, str], status: str) -> Claim:
    evidence = sorted(evidence, key=lambda u: (u.article_id, u.start))
    key = [f"{u.sentence_id}:{u.start}-{u.end}" for u in evidence]
    return Claim(
        content_id("k", *key),
        "conflicting" if status == "conflicting" else "shared",
        sorted({u.sentence_id for u in evidence}),
        sorted({outlet_of[u.article_id] for u in evidence}),
        units=evidence,
    )
