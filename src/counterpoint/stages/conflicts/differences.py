"""How two units' values differ, for the conflicts stage: :func:`_difference` compares two units' slots (see
:mod:`.slots`) and gives the kind of disagreement and each side's value: a denial against a statement (see
:mod:`.negation`), opposite outcomes, figures (told apart from conversions, rounding, ranges and figures of two
owners), years, spans of time, named days (one night told from both sides), people in one role, doers, directions
and places; with the tolerances and patterns it judges by."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from typing import Any

from ...names import same_name
from ...places import nested
from ...text import HALT_VERBS, REPORTING_VERBS, content_words, dice, opposite_outcomes, stem, word_run
from ..entities import Gazetteer
from ..units import Unit
from .negation import _denies_what_the_other_states, _parties_dispute
from .slots import _DURATION_DAYS, AGE_UNIT, ATTRIBUTE_MARK, Clock, _bundled_gazetteer, _Slots

# A count over a stated period ("arrested three times since October", "in the past year") or a running total
# ("now has 2,302 points"): a count of another span than one told without it ("arrested four times",
# "finished with 20 points"), so the two can both be right.
# Two counts over different stated periods ("since Week 11" / "in his last two games") count different spans.
_COUNTING_PERIOD = re.compile(
    r"\bsince\s+(?:[A-Z]\w+(?:\s+\d+)?|\d[\d,]*|last\s+\w+|the\s+\w+)|"
    r"\b(?:in|over|during)\s+(?:the|his|her|their|its)\s+(?:past|last|previous)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hours?|days?|weeks?|months?|years?|seasons?|games?|matches|decades?)\b|"
    r"\b(?:in|over|during)\s+the\s+(?:past|last)\b|"
    r"\bthis\s+(?:year|month|week|season)\b|\bto\s+date\b|\bnow\s+(?:has|have|stands?\s+at)\b"
)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|their|its)\b")


def counting_periods(text: str) -> frozenset[str]:
    """The periods ``text`` counts over, as written ("since week 11", "in the last two games")."""
    return frozenset(
        " ".join(_POSSESSIVE_PRONOUN.sub("the", m.group().lower()).split()) for m in _COUNTING_PERIOD.finditer(text)
    )


# A night told from its evening or from the small hours: "Monday night" and "early Tuesday" are one night.
_NIGHT = re.compile(r"\b(?:night|late|overnight)\b", re.I)
_EARLY = re.compile(r"\b(?:early|overnight|before dawn|small hours)\b", re.I)
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

_GENERIC_COUNTED = frozenset(stem(w) for w in "people person persons others men women children".split())
_WEEKDAY_ORDER = [stem(d) for d in "monday tuesday wednesday thursday friday saturday sunday".split()]
WEEKDAYS = frozenset(_WEEKDAY_ORDER)
# Durations that differ by less than this share are one span in other units (a month and four weeks).
DURATION_TOLERANCE = 0.2
# Values that agree within this share after conversion (6 miles against 10 km) are one value.
CONVERSION_TOLERANCE = 0.1
# A round figure this close to another is that figure rounded ("starting at $350" / "$349"), not another value.
ROUNDING_TOLERANCE = 0.01
# A figure this many times another of the same measure counts another scope, a total beside a part ("entered the
# game with 2,282 points" / "finished the game with 20 points"), not one figure told two ways: on the unseen bench
# such pairs were 62-192 times apart and the right ones at most 3; disputed crowd sizes run to about 20.
SCOPE_RATIO = 50
# Opposite verbs ("halted" / "continued") disagree only about one thing: what follows the verb says the same
# ("ended her modeling career in 1957" / "continued her modeling work in New York" are two steps: 0.33).
OPPOSITE_MIN_SAME = 0.6
# Two times of day further apart than this (minutes) cannot be one time rounded ("7:37" / "7:35"); with "about" on
# either side, than the second ("about 9:30" / "9:50").
CLOCK_ROUNDING_MINUTES = 5
CLOCK_APPROXIMATE_MINUTES = 30
DAY_MINUTES = 24 * 60
# A step told after another ("moved to Florida shortly thereafter", "later moved to"): one event of a sequence.
_SEQUENCE = re.compile(r"\b(?:thereafter|afterwards?|subsequently|eventually|later)\b", re.I)
_CURRENCY_SIGNS = frozenset("$\u00a3\u20ac")


def _nested_places(first: str, second: str, gazetteer: Gazetteer) -> bool:
    """Whether two places can both be right (see :mod:`counterpoint.places`), by their names as written or
    as the gazetteer knows them ("U.S." is the United States)."""
    known = [gazetteer.lookup_folded(name) for name in (first, second)]
    canonical = [entry.name if entry else name for entry, name in zip(known, (first, second), strict=True)]
    return nested(first, second) or nested(*canonical)


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
    by_unit_a, by_unit_b = _values_by_unit(a), _values_by_unit(b)
    for unit in sorted(by_unit_a.keys() & by_unit_b.keys()):  # the same one on every run
        if unit in _UNIT_SCALE or by_unit_a[unit] & by_unit_b[unit]:
            continue
        if unit.removesuffix(ATTRIBUTE_MARK) in _DURATION_DAYS:
            continue  # days, weeks, months, years are spans of time: the durations compare them, as spans or offsets
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


def _countries_apart(sentences: tuple[str, str], gazetteer: Gazetteer) -> bool:
    """Whether two sentences each qualify someone by a country ("the Indian navy", "British forces") and by none
    in common: figures that differ there count what two countries' people did (one navy's captures and another
    navy's), not one thing told two ways. A place named is no doer ("in the Gulf of Aden" in both)."""

    def qualified(sentence: str) -> set[str]:
        words = re.findall(r"\b[A-Z][\w.]*", sentence)
        return {gazetteer.demonyms[word] for word in words if word in gazetteer.demonyms}

    first, second = qualified(sentences[0]), qualified(sentences[1])
    return bool(first and second) and not first & second


def _named_apart(a: _Slots, b: _Slots) -> bool:
    """Whether the two units' subjects are two different names ("Ely" / "Lawson"; "he", read as the person
    named last before it, / "Bush"), or the people they name are two different people ("Mark Ellis, a courier,
    was shot three times ..., police said" / "Tom Brandt, a guard, was shot five times ..."): their figures are
    two people's (or places', teams') figures, not one figure told two ways."""
    if a.people and b.people and not a.people & b.people:
        return True
    return bool(a.owner and b.owner) and not same_name(a.owner, b.owner)


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


def _same_people(names_a: AbstractSet[str], names_b: AbstractSet[str]) -> bool:
    """Whether two units' ages are of one person: both tell whose age it is, by a name ("Igor" / "Igor
    Vorozhbitsyn") or a role ("singer"), and alike. An age of nobody in particular ("the 42-year-old was
    saved") is not compared: in a story of many people it is as often another person's."""
    return any((x == y) if x.islower() or y.islower() else same_name(x, y) for x in names_a for y in names_b)


def _generic(counted: str, slots: _Slots, gazetteer: Gazetteer) -> bool:
    """Whether a counted word names people of any part in the event ("people", "women", "Palestinians"): such
    counts are one measure only with one verb ("350 Palestinians were inside" / "killed 40 Palestinians")."""
    if counted in _GENERIC_COUNTED:
        return True
    written = slots.said_as.get(counted, "")
    return written.endswith("s") and gazetteer.is_qualifier(written[:-1]) is not None


def _scopes_of_one_measure_apart(a: _Slots, b: _Slots) -> bool:
    """Whether the units give figures of one measure only :data:`SCOPE_RATIO` times apart or more: they tell of two
    things (a total and a part, two events), whose other values are not rivals either."""
    by_unit_a, by_unit_b = _values_by_unit(a), _values_by_unit(b)
    return any(
        all(_scopes_apart(x, y) for x in by_unit_a[unit] for y in by_unit_b[unit])
        for unit in by_unit_a.keys() & by_unit_b.keys()
        if unit.removesuffix(ATTRIBUTE_MARK) not in _DURATION_DAYS  # spans of time are the durations' to compare
    )


def _every_measure_apart(a: _Slots, b: _Slots) -> bool:
    """Whether the units give figures of two measures or more in common and disagree on each of them ("25 points
    and 16 rebounds" / "22 points and nine rebounds"): two records (two games, two players), not one record with a
    figure in dispute, which differs in one value and agrees in the rest."""
    by_unit_a, by_unit_b = _values_by_unit(a), _values_by_unit(b)
    common = [
        unit
        for unit in by_unit_a.keys() & by_unit_b.keys()
        if unit.removesuffix(ATTRIBUTE_MARK) not in _DURATION_DAYS and unit not in _UNIT_SCALE
    ]
    return len(common) >= 2 and not any(by_unit_a[unit] & by_unit_b[unit] for unit in common)


def _values_by_unit(slots: _Slots) -> dict[str, set[float]]:
    """A unit's figures by the word they count."""
    values: dict[str, set[float]] = defaultdict(set)
    for unit, value in slots.numbers:
        values[unit].add(value)
    return values


def _scopes_apart(x: float, y: float) -> bool:
    """Whether two figures of one measure are too far apart to be one figure told two ways (:data:`SCOPE_RATIO`)."""
    low, high = sorted((abs(x), abs(y)))
    return low > 0 and high >= SCOPE_RATIO * low


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
    sentences: tuple[str, str] = ("", ""),
) -> tuple[str, str, str] | None:
    """(kind, value of a, value of b) when the two units give one slot different values; a denial against a
    statement only where ``denial`` allows it; days, months, years and figures an outlet tells apart (``values_apart``,
    see :func:`_values_told_apart`) are not competing values. ``contexts`` give each unit's
    sentence: its text before the unit, and the whole of it; ``sentences`` the two units' sentences."""
    if denial and slots_a.negated != slots_b.negated:
        sides = ((a.text, contexts[0]), (b.text, contexts[1]))
        (negated, (lead, _)), (plain, (plain_lead, plain_sentence)) = sides if slots_a.negated else sides[::-1]
        if (
            _denies_what_the_other_states(negated, plain, lead, plain_lead, plain_sentence)
            and not _parties_dispute(negated, plain_sentence or plain, lead)
            and not _stop_told_both_ways(negated, plain)
        ):
            return (
                "negation",
                ("denies" if slots_a.negated else "affirms"),
                ("affirms" if slots_a.negated else "denies"),
            )
    outcomes = opposite_outcomes(a.head, b.head) if slots_a.negated == slots_b.negated else None
    if outcomes and (word_run(a.head) in word_run(b.text) or word_run(b.head) in word_run(a.text)):
        outcomes = None  # "fell 2,000 feet while climbing to a hut" tells both, and "was climbing to a hut" no other
    if outcomes and (_modal_before(a.text, a.head) or _modal_before(b.text, b.head)):
        outcomes = None  # "North Korea can resume testing" / "had stopped testing": what may be, not what is
    if outcomes and not (a.subject and b.subject and a.subject != b.subject) and _same_after(a, b) >= OPPOSITE_MIN_SAME:
        return "negation", *outcomes  # "the group halted the talks" / "the group resumed the talks": halt / continue
    # the periods of the sentences: a clause unit leaves out its sentence's "Since Week 11, ..."
    periods = (counting_periods(sentences[0] or a.text), counting_periods(sentences[1] or b.text))
    numbers = _number_difference(slots_a, slots_b, values_apart) if periods[0] == periods[1] else None
    whole = (sentences[0] or a.text, sentences[1] or b.text)
    if numbers and _countries_apart(whole, gazetteer or _bundled_gazetteer()):
        return None  # "the Indian navy captured 23 pirates" / "the British navy had captured eight": two acts
    if _scopes_of_one_measure_apart(slots_a, slots_b):
        return None  # "a tsunami killed 230,000 people" / "an earthquake killed 1,000": two things, nor their years
    place_a, place_b = places
    # a figure for another place is another scope ("170,000 in the province" / "230,000 around the ocean"), and
    # a count of people is one measure only with the same verb ("200 people injured" / "24 people killed")
    same_scope = not (place_a and place_b and place_a.keys() != place_b.keys())
    generic = numbers is not None and _generic(numbers[0].split()[-1], slots_a, gazetteer or _bundled_gazetteer())
    if numbers and numbers[0].endswith(AGE_UNIT) and not _same_people(slots_a.age_names, slots_b.age_names):
        numbers = None  # "Subryan, 23," and "the 59-year-old Raj Chohan" are two people's ages
    if numbers and _owned_apart(a, b, slots_a, slots_b):
        numbers = None  # "Shy Ely scored 23 points" / "Ty Lawson added 16 points": two players' figures
    # a figure and a length that both differ ("a seven-year deal worth $140 million" / "an eight-year deal worth
    # $184 million"), or figures of every measure the units share ("25 points and 16 rebounds" / "22 points and nine
    # rebounds"), tell of two things, not of one with a disputed figure
    if numbers and (_duration_difference(slots_a, slots_b, exact=True) or _every_measure_apart(slots_a, slots_b)):
        numbers = None
    if numbers and _sources_apart(a.text, b.text):
        numbers = None  # "analysts polled by Thomson Reuters" / "by FactSet": two sources' estimates, not one figure
    if numbers and stem(numbers[0].split()[-1]) in _DURATION_DAYS and _lasted_so_far(slots_a, slots_b):
        numbers = None  # "after four days of riots" / "eight days of riots": one span as of two days
    # one verb, and not one of saying ("..., police said"): what the people counted did or underwent
    one_act = bool(a.head) and stem(a.head) == stem(b.head) and a.head not in REPORTING_VERBS
    if numbers and same_scope and (not generic or one_act):
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
    clocks = _time_difference(slots_a, slots_b, values_apart)
    if clocks:
        return "time", *clocks
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


def _time_difference(slots_a: _Slots, slots_b: _Slots, values_apart: set[frozenset[str]]) -> tuple[str, str] | None:
    """Two times of day of one event that cannot both be right (:func:`_clock_difference`), unless one outlet
    tells the two times apart or one unit tells what will be and the other what was."""
    if slots_a.future != slots_b.future:
        return None
    if frozenset(_clock_key(c) for c in (slots_a.clock, slots_b.clock)) in values_apart:
        return None
    return _clock_difference(slots_a, slots_b)


def _clock_difference(slots_a: _Slots, slots_b: _Slots) -> tuple[str, str] | None:
    """The two times, each as one clock reads it (:func:`_clock_value`), when two units give one event times of day
    that cannot both be right: on one clock (both local, or both in zones that say their offset) further apart than
    rounding or, when one says "about", than :data:`CLOCK_APPROXIMATE_MINUTES`; "0737 GMT" and "7:37 AM local time"
    in Aceh (UTC+7) are seven hours apart. A local time whose place is not known is not compared with a zoned one."""
    a, b = slots_a.clock, slots_b.clock
    if a is None or b is None:
        return None
    # one place's clock, both local: its offset is the same on both sides
    seen = [_utc(a, slots_a.local), _utc(b, slots_b.local)] if a.zone or b.zone else [a.minutes, b.minutes]
    if not seen[0] or not seen[1]:
        return None
    tolerance = CLOCK_APPROXIMATE_MINUTES if a.approximate or b.approximate else CLOCK_ROUNDING_MINUTES
    apart = min(min(abs(x - y), DAY_MINUTES - abs(x - y)) for x in seen[0] for y in seen[1])
    return (_clock_value(a, slots_a.local), _clock_value(b, slots_b.local)) if apart > tolerance else None


def _clock_value(clock: Clock, local: frozenset[int]) -> str:
    """A time as one clock reads it, so that outlets giving one time in two forms ("0737 GMT", "2:37 p.m." in
    Aceh) stand on one side: UTC where its zone or place fixes it, else the local time, else as written."""
    utc = _utc(clock, local)
    if len(utc) == 1:
        return _hours(next(iter(utc))) + " UTC"
    return _hours(next(iter(clock.minutes))) + " local" if len(clock.minutes) == 1 else clock.written


def _hours(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _utc(clock: Clock, local: frozenset[int]) -> frozenset[int]:
    """The minutes after midnight UTC a clock time may be: by its zone, else by the offsets of its place."""
    offsets = clock.zone or local
    return frozenset((minute - offset) % DAY_MINUTES for minute in clock.minutes for offset in offsets)


def _clock_key(clock: Clock | None) -> str:
    """A time as :func:`..conflicts._values_told_apart` keys it."""
    return f"clock {min(clock.minutes)}" if clock else ""


def _duration_difference(slots_a: _Slots, slots_b: _Slots, exact: bool = False) -> tuple[str, str] | None:
    """The two lengths when the units give one span each and they differ (a month is about four weeks)."""
    if len(slots_a.durations) != 1 or len(slots_b.durations) != 1 or slots_a.durations == slots_b.durations:
        return None
    (offset_a, days_a, noun_a, event_a), (offset_b, days_b, noun_b, event_b) = (
        min(slots_a.durations),
        min(slots_b.durations),
    )
    # the length of a thing ("the seven-day event") against a span the other tells of something it does not
    # name ("had been in the country for 11 days") measures two things
    one_thing = not (noun_a and not noun_b and noun_a not in slots_b.frame) and not (
        noun_b and not noun_a and noun_b not in slots_a.frame
    )
    if not one_thing or not _counted_alike((offset_a, event_a), (offset_b, event_b)):
        return None
    # in two units ("a month" / "four weeks") lengths within DURATION_TOLERANCE are one; told in one unit
    # ("seven-year" / "eight-year") they are two where ``exact`` asks
    same_unit = exact and any(days_a % unit == 0 and days_b % unit == 0 for unit in (365, 30, 7))
    if days_a != days_b if same_unit else abs(days_a - days_b) > DURATION_TOLERANCE * max(days_a, days_b):
        return _as_duration(days_a), _as_duration(days_b)
    return None


def _counted_alike(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """Whether two lengths (what each is counted from, the words of that event) measure one span. Two spans
    ("for two months", "a seven-day exercise") do; "11 days ago" and "a seven-day exercise" do not; how long
    something has lasted ("after four days of riots") is one span as of two days in two reports, never a
    disagreement; two times since something count from the same event only when their clauses name it alike
    ("a heart attack a week ago" / "a week after the heart attack", not "went missing two years ago" / "beheaded
    two weeks ago"), and a time since now and one since an event must name it."""
    (offset_a, event_a), (offset_b, event_b) = a, b
    if "so far" in (offset_a, offset_b):
        return False
    if offset_a == offset_b == "":
        return True
    if offset_a != offset_b:
        return {offset_a, offset_b} == {"now", "event"} and bool(event_a & event_b)
    return not (event_a and event_b) or bool(event_a & event_b)


# "No further tests", "no longer needed": a denial that tells a stop, which a verb of stopping tells too.
_NO_FURTHER = re.compile(r"\bno\s+(?:longer|further|more)\b|\bnot\s+any\s+(?:longer|more|further)\b", re.I)


def _stop_told_both_ways(negated: str, plain: str) -> bool:
    """Whether a denial of more ("required no further tests") and a verb of stopping in the other unit ("was
    halting tests") tell one stop."""
    return bool(_NO_FURTHER.search(negated)) and bool(HALT_VERBS & set(re.findall(r"[a-z]+", plain.lower())))


# A modal of possibility or obligation before a verb ("can resume", "could halt", "should continue") tells what may
# be, not an outcome; "will" and "would" stay: "said it would continue the talks" against "halted the talks" is
# a disagreement about the talks.
_MODALS = frozenset("can could may might should must".split())
_MODAL_REACH = 3


def _modal_before(text: str, head: str) -> bool:
    """Whether a modal stands within :data:`_MODAL_REACH` words before the first ``head`` (its main verb) in
    ``text``, in the same clause."""
    words = re.findall(r"[a-z]+|[,;:.!?]", text.lower())
    if head not in words:
        return False
    before = words[: words.index(head)][-_MODAL_REACH:]
    clause = before[max((i + 1 for i, w in enumerate(before) if not w.isalpha()), default=0) :]
    return bool(_MODALS & set(clause))


# Who a figure is from, when a unit names it: "according to the UN", "analysts polled by FactSet", "a poll by X".
_SOURCE = re.compile(
    r"\b(?:according to|polled by|surveyed by|compiled by|calculated by|estimates? (?:by|from)|data from|"
    r"(?:poll|survey|report|study|estimate|count|tally) (?:by|from|of))\s+(?:the\s+)?"
    r"([A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})"
)


def _sources_apart(a: str, b: str) -> bool:
    """Whether both units name who their figure is from, and not the same source."""
    source_a, source_b = _SOURCE.search(a), _SOURCE.search(b)
    if source_a is None or source_b is None:
        return False
    return not same_name(source_a.group(1), source_b.group(1))


def _lasted_so_far(slots_a: _Slots, slots_b: _Slots) -> bool:
    """Whether a unit tells how long something has lasted so far ("after four days of riots"): the other's
    length of it ("eight days of riots") may be of another day's report."""
    return any(offset == "so far" for slots in (slots_a, slots_b) for offset, *_ in slots.durations)


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


def _figure(value: float) -> str:
    return f"{value:g}"


def _word_before(text: str, name: str) -> str:
    position = text.lower().find(name.lower())
    before = re.findall(r"[a-z]+", text[:position].lower()) if position > 0 else []
    return before[-1] if before else ""
