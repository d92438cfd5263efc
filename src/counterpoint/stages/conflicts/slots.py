"""What a unit states in each disputable slot, for the conflicts stage: :class:`_Slots` and :func:`_slots`, which
read a unit's figures (counts, sums of money, ranges, ages), named days, years, spans of time, compass directions,
the countries doing its acts, the people it names in a role and its doer, with the patterns and constants they read
by; and the readers the stage uses beside them: whether a named day is the day something was said
(:func:`_named_days`), a unit's subject as a name (:func:`_subject_name`), whether a place is where something was
said (:func:`_statement_place`), and the bundled gazetteer."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ...text import (
    DAY_WORDS,
    NEGATION,
    REPORTING_VERBS,
    SMALL_NUMBERS,
    STOPWORDS,
    TIME_WORDS,
    TIME_ZONES,
    content_words,
    stem,
)
from ..entities import Gazetteer, load_gazetteer
from ..units import Unit

# How far before a named day a reporting verb makes it the day something was said, in words, and the words that
# may stand between them (besides names: "told The Associated Press on Sunday").
STATEMENT_DAY_REACH = 5
_AUDIENCE_WORDS = frozenset("on the a an late early this last reporters journalists media".split())
# A statement's venue may stand there too ("at practice", "in a statement").
_VENUE = frozenset({"at", "in", "during"})
# Besides reporting verbs, a disclosure is a statement ("it was revealed on Friday"). News dates a statement after a
# verb in the past ("said Wednesday", "announced on Monday"): a bare form is mostly a noun ("in Upper Nile state on
# Tuesday", "reports on Sunday").
_STATEMENT_VERBS = frozenset(
    v for v in REPORTING_VERBS | {"revealed", "disclosed"} if v.endswith("ed") or v in {"said", "told", "wrote", "says"}
)
# A day or year of what will happen ("will go on sale in April 2015", "the trial starts Monday", "is set for June 17")
# and one of what happened ("revealed in October 2014") date two events.
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to|(?:is|are)\s+(?:set|scheduled|slated)\s+for)\b"
    r"|\w'll\b"
    r"|\b(?:starts|begins|opens|resumes)\s+(?:on\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)

_DIRECTIONS = {
    w: w.replace("-", "")
    for w in """north south east west northeast northwest southeast southwest north-east north-west south-east
    south-west northern southern eastern western northeastern northwestern southeastern southwestern""".split()
}
_OFFSHORE = {"off": "offshore", "offshore": "offshore", "inland": "inland", "onshore": "inland"}

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
# What follows a duration that makes it a time since or until something: "ago" (since now), "earlier", "after" ...
# (between two events)
_OFFSET = re.compile(r"[\s-]+(ago|earlier|later|after|before|prior|since)\b", re.I)
# "*After* four days *of* riots": how long something has lasted, as of the day of the report.
_ELAPSED = re.compile(r"\s+of\b", re.I)
# A span given as a bound or one end of a range ("one to three years", "between five and ten years", "from six to
# 75 years", "five-years-to-life", "at least 35 years", "up to 20 years"): what it allows is no one length to
# compare, as a clock's bound is not compared.
_SPAN_BOUND_BEFORE = re.compile(
    r"(?:\b(?:at\s+least|at\s+most|up\s+to|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|as\s+(?:many|much|long)\s+as"
    r"|a\s+maximum\s+of|a\s+minimum\s+of)\s+|"
    + _AMOUNT
    + r"(?:[\s-]+(?:days?|weeks?|months?|years?))?\s*(?:-\s*)?(?:to|and|or)\s+)$",
    re.I,
)
_SPAN_BOUND_AFTER = re.compile(r"[\s-]*(?:to[\s-]+life|or\s+(?:more|longer|less))\b", re.I)
_LASTED = re.compile(r"\b(?:after|following|amid|into)\s+(?:(?:nearly|almost|more\s+than|over|about)\s+)?$", re.I)
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
# The whole and the numerator of a fraction before a figure's denominator ("4 1/2 hours", "4 1 / 2 hours"); without
# a whole, only a numerator of 1 ("1/2 mile": "3/4 games" may be three games of four).
_FRACTION_BEFORE = re.compile(r"(?<![\d.,])(?:(\d+)\s+)?(\d+)\s*/\s*$")
# Marks the unit of a figure written as a hyphenated description ("41-yard"), apart from a count ("41 yards").
ATTRIBUTE_MARK = "-"
_SCALE_WORDS = frozenset("thousand million billion trillion bn mn percent per cent".split())
# A year; not a decade ("the 1930s", "the 1930's"), which holds ten of them.
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!['\u2019]?s\b)")
# A year something began ("in place since 2004", "since early 2011"): not when the event told happened.
_SINCE_YEAR = re.compile(r"\bsince\s+(?:the\s+)?(?:[A-Za-z]+\s+)?(1[89]\d\d|20\d\d)\b", re.I)
# A clock time: "7:37 AM", "7 a.m.", "2.37pm", "0737 GMT", "14:37 local time", "at 7 : 37", "noon". A time
# without a.m. or p.m. and without a zone is read only after a word that introduces a time ("at 10:30").
_CLOCK = re.compile(
    r"(?<![\w.:$])(?:"
    r"(?P<h>1[0-2]|0?\d)(?:\s*[:.]\s*(?P<m>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?P<military>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|hrs\b|hours\b|local\b))"
    r"|(?P<hh>[01]?\d|2[0-3])\s*:\s*(?P<mm>[0-5]\d)(?![\d:])"
    r"|(?P<noon>noon|midday)\b"
    r")",
    re.I,
)
# A time's zone, written after it ("GMT", "local time"; offsets in :data:`text.TIME_ZONES`).
_ZONE_AFTER = re.compile(r"\s*(?:hours\s+|hrs\s+)?\(?\s*(GMT|UTC|[A-Z]{1,4}T|Z|local(?:\s+time)?)\b")
# Words before a time that make it approximate ("about 7:30") or a bound or an end of a range ("before 8 a.m.",
# "until noon", "from 9 a.m. to 5 p.m.", "as of 11 p.m."): a bound is no time of the event, an approximate time
# agrees with those within CLOCK_APPROXIMATE_MINUTES.
_CLOCK_APPROXIMATE = frozenset("about around approximately roughly nearly almost some circa shortly just soon".split())
_CLOCK_BOUND = frozenset("before after until till by since from between to and or past through of".split())
_CLOCK_INTRODUCED = frozenset("at around about approximately roughly circa".split())
_RANGE_WORDS = frozenset("and or to".split())  # "between 9 and 10 a.m."; but "... and at 9 p.m." is a time
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
# A doer named after "by": "put forward by Egypt", "drafted by the United States".
_BY_NAME = re.compile(r"\bby\s+(?:the\s+)?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)")
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


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day as a text gives it: the minutes after midnight it may mean (7:30 without a.m. or p.m. may be
    either), the offsets from UTC of the zone it is written in (empty: local time, or no zone written), whether
    it is approximate ("about 7:30"), and how it was written."""

    minutes: frozenset[int]
    zone: frozenset[int]
    approximate: bool
    written: str


@dataclass(frozen=True, slots=True)
class _Slots:
    """What a unit says in each disputable slot."""

    numbers: frozenset[tuple[str, float]]  # (unit word stem, value)
    days: frozenset[str]
    years: frozenset[int]
    # (a time since or until, in days, the thing it is the length of): "six-week truce", "four months ago"
    # (what it is counted from, days, the noun it is the length of, the words of the event it is counted from)
    durations: frozenset[tuple[str, float, str, frozenset[str]]]
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
    people: frozenset[str] = frozenset()  # the people it names (entity ids): "Ivo Marek, a courier, was shot"
    roles: dict[str, str] = field(default_factory=dict)  # a role phrase -> the person named in it
    doer: str | None = None  # the country doing what its main verb says ("Egypt drafted", "put forward by Egypt")
    clock: Clock | None = None  # the one clock time the unit gives an event (none when it gives several)
    local: frozenset[int] = frozenset()  # offsets from UTC (minutes) of the places its sentence, else article, names


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

    clocks = _clocks(text)

    def in_clock(position: int) -> bool:
        return any(start <= position < end for (start, end), _ in clocks)

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
    figure_words: set[str] = set()
    kinds: dict[str, set[str]] = {}  # a counted word -> what kinds of it the unit counts ("on punt returns")
    for match in _NUMBER_WITH_UNIT.finditer(text):
        if in_age(match.start()):
            continue
        if text[: match.start()].rstrip().endswith(":") or in_clock(match.start()):
            continue  # a clock time ("8:30 p.m.", "0737 GMT") is no figure
        word = match.group(2).lower()
        if word in STOPWORDS or word in _SCALE_WORDS:
            continue  # "110 billion": the currency may differ (euros, dollars), conversions are not conflicts
        value = _figure_value(match.group(1))
        if value is None:
            continue
        fraction = _FRACTION_BEFORE.search(text, max(0, match.start() - NEARBY_CHARS), match.start())
        if fraction and value and float(fraction.group(2)) < value and (fraction.group(1) or fraction.group(2) == "1"):
            value = float(fraction.group(1) or 0) + float(fraction.group(2)) / value  # "4 1/2 hours" is 4.5 hours
        # a figure joined to its unit by a hyphen describes one thing ("a 41-yard pass", "a three-year sentence"):
        # another measure than a count of the unit ("364 yards"), compared only with such descriptions
        counted = stem(word) + (ATTRIBUTE_MARK if "-" in match.group(0) else "")
        numbers.add((counted, value))
        figure_words.add(stem(match.group(1).lower()))  # "seven" in "shot seven times": the value, not the frame
        said_as.setdefault(counted, match.group(2))
        kind = _KIND_OF_COUNT.match(text, match.end())
        if kind:
            kinds.setdefault(counted, set()).add(" ".join(stem(w) for w in content_words(kind.group(1))))
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
    bounds = [m for m in periods if _span_bound(text, m.start(), m.end())]
    periods = [m for m in periods if m not in bounds]
    # a time since or until something ("11 days ago", "nine days after the attack") is kept apart from a span
    # ("a seven-day exercise", "for two months"), and a time since now ("missing two years ago") from a time
    # between two events ("two weeks after Foley was beheaded"): each is compared with its own kind only
    spans = [
        (
            _offset(text, m.start(), m.end()),
            _number_word(m.group(1).lower()),
            _DURATION_DAYS[stem(m.group(2).lower())],
            _length_of(text, m.end()),
            _event_of(text, m.start(), m.end()),
        )
        for m in periods
    ]
    durations = frozenset(
        (offset, amount * days, noun, event) for offset, amount, days, noun, event in spans if amount is not None
    )
    if len({age for _, age in ages}) == 1:  # a unit giving two ages ("Fan, 32, ... Zhang, 21") tells of two people
        numbers |= {(AGE_UNIT, age) for _, age in ages if age is not None}
    slot_words = {w.removesuffix(ATTRIBUTE_MARK) for w, _ in numbers} | set(days) | {stem(d) for d in directions}
    slot_words |= {stem(m.group(2).lower()) for m in periods + bounds}
    slot_words |= {stem(w) for (start, end), _ in clocks for w in content_words(text[start:end])}
    if ages:
        slot_words |= {stem("year"), stem("old")}
    slot_words |= {stem(w) for name in places.values() for w in content_words(name)}
    left_out = slot_words | TIME_WORDS | figure_words
    frame = frozenset(stem(w) for w in words if stem(w) not in left_out)
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
        # one time of one event: a unit with two ("at 7 a.m. ... by noon") tells a sequence
        clock=clocks[0][1] if len(clocks) == 1 else None,
    )


# How many words on either side of a time since or until something name the event it is counted from.
EVENT_WORDS = 5


def _event_of(text: str, start: int, end: int) -> frozenset[str]:
    """The content stems of the event a time since or until something is counted from, in its clause: those
    after "after", "before" or "since" ("two weeks after Foley was beheaded"), else those before the duration
    ("suffered a heart attack nine days earlier", "went missing two years ago")."""
    match = _OFFSET.match(text, end)
    if match is None:
        return frozenset()
    if match.group(1).lower() in ("after", "before", "since"):
        words = re.split(r"[,;:.!?]", text[match.end() :], maxsplit=1)[0].split()[:EVENT_WORDS]
    else:
        words = re.split(r"[,;:.!?]", text[:start])[-1].split()[-EVENT_WORDS:]
    return frozenset(stem(w) for w in content_words(" ".join(words)))


def _offset(text: str, start: int, end: int) -> str:
    """What a duration from ``start`` to ``end`` is counted from: "" for a span ("for two months", "six weeks of
    calm"), "now" ("two years ago"), "event" ("two weeks after the attack", "a day earlier"), "so far" for the
    time something has lasted ("after four days of riots"), which grows from one day's report to the next."""
    if _ELAPSED.match(text, end) and _LASTED.search(text[max(0, start - 40) : start]):
        return "so far"
    match = _OFFSET.match(text, end)
    if match is None:
        return ""
    return "now" if match.group(1).lower() == "ago" else "event"


def _span_bound(text: str, start: int, end: int) -> bool:
    """Whether the span from ``start`` to ``end`` is a bound or one end of a range (:data:`_SPAN_BOUND_BEFORE`)."""
    return bool(_SPAN_BOUND_BEFORE.search(text[max(0, start - 40) : start]) or _SPAN_BOUND_AFTER.match(text, end))


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


def _clocks(text: str) -> list[tuple[tuple[int, int], Clock | None]]:
    """The clock times of ``text``: each one's span, and the time it gives an event (``None`` for a bound,
    "before 8 a.m.", an end of a range, or the time of a statement, "said at 3 p.m.")."""
    found: list[tuple[tuple[int, int], Clock | None]] = []
    for match in _CLOCK.finditer(text):
        before = re.findall(r"[\w']+", text[max(0, match.start() - NEARBY_CHARS) : match.start()].lower())[-2:]
        zone_match = _ZONE_AFTER.match(text, match.end())
        if match.group("hh") is not None and not ((before and before[-1] in _CLOCK_INTRODUCED) or zone_match):
            continue  # "2:30" alone may be a score, a running time or a verse
        zone_word = zone_match.group(1).lower() if zone_match else ""
        zone = frozenset(TIME_ZONES.get(zone_word, ()))
        end = zone_match.end() if zone_match and (zone or zone_word.startswith("local")) else match.end()
        if match.group("noon"):
            minutes = frozenset({12 * 60})
        elif match.group("military"):
            digits = match.group("military")
            minutes = frozenset({int(digits[:2]) * 60 + int(digits[2:])})
        elif match.group("half"):
            hour = int(match.group("h")) % 12 + (12 if match.group("half").lower() == "p" else 0)
            minutes = frozenset({hour * 60 + int(match.group("m") or 0)})
        else:
            hour, minute = int(match.group("hh")), int(match.group("mm"))
            # "7:30" may be morning or evening; "07:30" and "19:30" are 24-hour times
            ambiguous = 1 <= hour <= 12 and not match.group("hh").startswith("0")
            readings = {hour * 60 + minute, (hour % 12 + 12) * 60 + minute} if ambiguous else {hour * 60 + minute}
            minutes = frozenset(readings)
        approximate = bool(set(before) & _CLOCK_APPROXIMATE)
        # "before 8 a.m.", "as of 11 p.m.", "until about 5 a.m."; not "shortly after 3 p.m."
        last, first = (before[-1], before[0]) if before else ("", "")
        bound = (last in _CLOCK_BOUND and not (len(before) > 1 and first in _CLOCK_APPROXIMATE)) or (
            last in _CLOCK_APPROXIMATE and len(before) > 1 and first in _CLOCK_BOUND - _RANGE_WORDS
        )
        told = None
        if not bound and not _said_on(text, match.start()):
            told = Clock(minutes, zone, approximate, text[match.start() : end])
        found.append(((match.start(), end), told))
    return found


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
