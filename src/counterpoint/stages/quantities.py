"""Quantities: numbers with what they count, who says so and as of when.

Numbers come from the parser's CARDINAL, ORDINAL, QUANTITY, MONEY and PERCENT spans (dates and times are
left to the dates stage). What a number counts comes from the dependency parse: the noun it modifies with
its modifiers ("two Jordanian humanitarian aid convoys"), plus the verb acting on it ("killed 33
Palestinians" counts "Palestinians killed"; "wounded 57 others" counts "Palestinians wounded", "others"
taking the noun counted before it); a number reached by "to"/"at" counts the subject of the verb ("the
death toll has risen to 34,568") or the noun before the preposition ("injuries to 77,765"). The authority
is the sentence's attribution; the period is a phrase such as "during the past 24 hours" or "since Oct 7,
2023", with the sentence's resolved date. People counted in coordinated groups are one figure: "killed two
women and a man" counts 3 killed.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Article, Quantity, Quote, Sentence
from ..nlp import ParsedLine
from ..text import DEGREE_WORDS

NAME = "quantities"
VERSION = (
    "10"  # 3: "put the death toll at 34,535" counts the toll (a measure noun as the object of put, place, estimate);
    # 4: "a toll of 4,535", "the figure of 4,535 dead", "the number of dead reached 4,535" count the dead;
    # 5: people the subject of a verb that acts on nothing ("three people died"), a state after the noun ("left three
    # people dead") and "to death" ("burnt to death") say what is counted, with a grade of the state ("seriously
    # injured"); 6: "shot seven times" counts the times shot; 7: a clock time ("1200 GMT", "0737 local time")
    # counts nothing; 8: a scale written onto a figure ("$35m", "$1.2bn") is read with it, and a sum counts no noun
    # said before it; 9: a state parsed as the verb's object predicate ("recorded 24 people dead") is counted;
    # 10: a figure of some of a group ("17 of the hijacked ships are held") counts the group's noun; a sum counts the
    # noun after it ("$1 million in damage", "did $1 million damage")
)

NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a hundred": 100,
        "a dozen": 12,
        "dozen": 12,
    }
)
ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_MODIFIERS = re.compile(
    r"^(?:more than|less than|fewer than|at least|at most|about|around|nearly|almost|roughly|some|over|under|"
    r"up to|approximately|an estimated|estimated|some|the|a|his|her|its|their|our|only|just)\s+",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?:(?:during|in|over|within|for)\s+the\s+(?:past|last|previous|preceding)\s+(?:\w+\s+){0,2}?"
    r"(?:hours?|days?|weeks?|months?|years?)"
    r"|since\s+[^.;]{3,80}?(?=,(?!\s*\d{4})|[.;]|\s+(?:and|to)\s|$)"
    r"|as\s+of\s+[^,.;]{3,40}|so\s+far|to\s+date|so\s+far\s+this\s+year)\b",
    re.I,
)
_TO_VERBS = frozenset(
    "rise rose risen rising climb climbed climbing reach reached increase increased jump jumped "
    "bring bringing brought stand stands stood fall fell fallen drop dropped".split()
)
# "put the death toll at 34,535", "estimated the crowd at 5,000": the object counted, where it is a measure
# ("put his car in the garage at 9" counts no car)
_PUT_AT_VERBS = frozenset("put puts putting place places placed placing estimate estimates estimated".split())
_MEASURE_NOUNS = frozenset("toll number total count figure tally crowd cost price value damage losses".split())
# Nouns that count what follows their "of" ("the number of dead").
_COUNTING_NOUNS = frozenset("toll number total count figure tally".split())
# States of people a toll counts, which stand for a noun after a measure's figure ("the toll of 4,535 dead"); other
# adjectives after a figure modify a noun further on ("3 international and 3 local officers"), however the parser
# hangs them.
_COUNTED_STATES = frozenset("dead injured wounded hurt missing homeless displaced".split())


def parse_value(text: str) -> float | None:
    """The number in ``text`` ("more than 1.2 million" -> 1200000.0, "seventh" -> 7.0), else ``None``."""
    text = text.strip().lower().replace("\u2009", "").replace("%", " percent")
    while True:
        stripped = _MODIFIERS.sub("", text)
        if stripped == text:
            break
        text = stripped
    match = re.match(
        # thousands may be spaced as in tokenised text: "170, 000"
        r"^(?:[$\u00a3\u20ac\u00a5]\s*)?(\d+(?:,\s?\d{3})*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|m|k)\b)?",
        text,
    )
    if match:
        value = float(re.sub(r",\s?", "", match.group(1)))
        return value * SCALES[match.group(2)] if match.group(2) else value
    match = re.match(r"^(\d+)(?:st|nd|rd|th)\b", text)
    if match:
        return float(match.group(1))
    words = text.split()
    if not words:
        return None
    if words[0] in ORDINALS:
        return float(ORDINALS[words[0]])
    first = words[0].split("-")
    if first[0] in WORD_NUMBERS:
        value = float(WORD_NUMBERS[first[0]] + (WORD_NUMBERS.get(first[1], 0) if len(first) > 1 else 0))
        if len(words) > 1 and words[1] in SCALES:
            value *= SCALES[words[1]]
        return value
    return None


# Nouns for people: coordinated groups of them are one count ("two women and a man" are three people).
PEOPLE = frozenset(
    "man men woman women child children boy boys girl girls person people adult adults baby babies teenager "
    "teenagers officer officers soldier soldiers civilian civilians worker workers employee employees".split()
)


def _coordinated(number: Any, value: float) -> tuple[float, bool] | None:
    """The total of a coordinated group of people the number counts in ("two women and a man" -> 3), and
    whether ``number`` is the group's first number (the one that reports it); None outside such a group."""
    head = number.head
    if number.dep_ != "nummod" or head.lower_ not in PEOPLE or not head.conjuncts:
        return None
    total = 0.0
    numbers = []
    for noun in sorted([head, *head.conjuncts], key=lambda t: t.i):
        if noun.lower_ not in PEOPLE:
            return None
        counts = [c for c in noun.children if c.dep_ == "nummod"]
        if noun is head:
            total += value
        elif counts:
            counted = parse_value(counts[0].text)
            if counted is None:
                return None
            total += counted
        elif any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            total += 1
        else:
            return None  # "two women and children": no total
        numbers += counts
    return total, bool(numbers) and numbers[0].i == number.i


def _phrase(token: Any, stop_before: Any | None = None) -> str:
    """A noun with the modifiers on its left ("Jordanian humanitarian aid convoys")."""
    left = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.pos_ != "NUM"]
    words = [t for c in left for t in c.subtree if t.ent_type_ not in NUMBER_LABELS and t.pos_ not in ("DET", "PRON")]
    if stop_before is not None:
        words = [w for w in words if w.i > stop_before.i]
    words = [w for w in words if w.text not in ("'s", "\u2019s")]
    return " ".join(t.text for t in sorted({*words, token}, key=lambda t: t.i))


def _measured(noun: Any) -> tuple[str, str | None]:
    """What a noun counts: the noun with its modifiers, or for a counting noun with "of" what it counts ("the number
    of dead" counts the dead, "the toll of people killed" people killed; "the price of gas" stays a price)."""
    if noun.text.lower() in _COUNTING_NOUNS:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.text.lower() == "of"):
            for counted in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "ADJ")):
                acts = [c.text for c in counted.children if c.dep_ == "acl" and c.pos_ == "VERB"]
                # a state counted ("the number of dead") is no noun for the "others" that follow
                return " ".join([_phrase(counted), *acts[:1]]), counted.text if counted.pos_ == "NOUN" else None
    return _phrase(noun), noun.text


def _counts_of(preposition: Any) -> bool:
    """Whether ``preposition`` ("of") hangs from a counting noun ("a toll of", "the figure of")."""
    return bool(preposition.head.text.lower() in _COUNTING_NOUNS)


def _state_of(noun: Any) -> str:
    """A state of people said right after the counted noun ("left three people dead"), else ''."""
    if noun.dep_ == "nsubj" and noun.head.lower_ in _COUNTED_STATES and noun.head.i > noun.i:
        return _with_degree(noun.head)  # parsed as a small clause: "left [four workers dead]"
    states = [c for c in noun.rights if c.dep_ in ("amod", "oprd", "acomp", "acl") and c.lower_ in _COUNTED_STATES]
    if not states and noun.dep_ == "dobj":
        # the state as the verb's object predicate, right after its object ("recorded 24 people dead")
        after = noun.right_edge.i + 1
        states = [
            c
            for c in noun.head.children
            if c.i == after and c.dep_ in ("oprd", "advcl", "xcomp", "acomp") and c.lower_ in _COUNTED_STATES
        ]
    return _with_degree(states[0]) if states else ""


def _with_degree(state: Any) -> str:
    """A state or an act with the adverb that grades it ("seriously injured": a part of the injured)."""
    degree = [c.text for c in state.lefts if c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS]
    return " ".join([*degree[-1:], state.text])


def _takes_object(verb: Any) -> bool:
    """Whether a verb acts on something (an object or a clause): people its subject then do the act ("two
    doctors treated the injured"), and are not what the act counts ("three people died")."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp") for c in verb.children)


def _act(verb: Any) -> str:
    """The verb as what it counts: "burnt to death" and "suffocated to death" count deaths."""
    fatal = any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children) for c in verb.children
    )
    return f"{_with_degree(verb)} to death" if fatal else _with_degree(verb)


def _counted(number: Any, previous_noun: str | None) -> tuple[str, str | None]:
    """(what the number counts, the noun itself) from the parse around the number's last token."""
    head = number.head
    # a state standing for a noun right after a measure's figure ("the figure of 4,535 dead"), not one that modifies
    # a noun further on ("two wounded men"); a bare "12 dead" is not read yet (docs/decisions/0011-conflicts.md)
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    state = (
        after
        if after is not None
        and after.text.lower() in _COUNTED_STATES
        and after.pos_ in ("ADJ", "VERB")
        and not (after.dep_ == "amod" and after.head.i > after.i)
        else None
    )
    if number.dep_ == "pobj" and head.text.lower() == "of" and _counts_of(head):
        return (state.text if state is not None else _phrase(head.head)), None  # "a toll of 4,535"
    if state is not None and head.i == state.i and state.head.text.lower() == "of" and _counts_of(state.head):
        return state.text, None  # "a toll of 4,535 dead", parsed as "of [4,535 dead]"
    if head.dep_ == "compound" and head.head.lower_ in PEOPLE:
        head = head.head  # "the 3 bank employees", parsed as "3 bank" and "bank employees"
    if number.dep_ in ("nummod", "amod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = _phrase(head, stop_before=number)
        if head.text.lower() in ("others", "more") and previous_noun:
            noun = previous_noun
        state = _state_of(head)
        if state:
            return f"{noun} {state}", noun  # "left three people dead" counts the dead
        verb = head.head
        if verb.pos_ == "VERB" and (
            head.dep_ in ("dobj", "nsubjpass")
            or (head.dep_ == "nsubj" and head.lower_ in PEOPLE and not _takes_object(verb))
        ):
            return f"{noun} {_act(verb)}", noun
        if head.lower_ in ("time", "times") and head.dep_ == "npadvmod" and verb.pos_ == "VERB":
            return f"{noun} {verb.text}", noun  # "shot seven times" counts the times shot, not times
        return noun, noun
    if number.dep_ == "pobj" and head.text.lower() in ("to", "at"):
        before = number.doc[head.i - 1] if head.i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == "conj":
            return _phrase(before), before.text  # "... death toll to 34,568 and injuries to 77,765"
        governor = head.head
        verbs = [a for a in head.ancestors if a.text.lower() in _TO_VERBS]
        if governor.pos_ in ("NOUN", "PROPN") and (not verbs or governor.dep_ in ("conj", "dobj", "nsubj")):
            return _phrase(governor), governor.text
        for verb in verbs[:1]:
            for dep in ("dobj", "nsubj", "nsubjpass"):
                subjects = [c for c in verb.children if c.dep_ == dep]
                if subjects:
                    return _measured(subjects[0])
        if head.text.lower() == "at" and governor.text.lower() in _PUT_AT_VERBS:
            measures = [c for c in governor.children if c.dep_ == "dobj" and c.text.lower() in _MEASURE_NOUNS]
            if measures:
                return _phrase(measures[0]), measures[0].text
    if number.dep_ == "dobj" and head.text.lower() in _TO_VERBS:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:
            return _measured(subjects[0])
    if number.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB":
        # "17 of the ships are held": the noun after "of" is what is counted, as the verb's
        partitive = [
            o for p in number.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        if partitive and partitive[0].pos_ in ("NOUN", "PROPN"):
            return f"{_phrase(partitive[0])} {head.text}", partitive[0].text
        # "killed at least 20", "20 were wounded": the verb is what is counted
        return (f"{previous_noun} {head.text}" if previous_noun else head.text), previous_noun
    return "", None


# Time zones: a figure before one is a clock time ("at 1200 GMT", "0737 UTC"), as is one before "local time".
_TIME_ZONES = frozenset(
    """GMT UTC UT Z EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST CET CEST EET EEST WET WEST MSK IST JST KST
    AEST AEDT ACST AWST NZST NZDT WIB WITA WIT SAST EAT WAT CAT""".split()
)


# Scales written onto a figure ("$35m", "$1.2bn", "40k"), which the parser may split off as a noun of their own.
_SCALE_SUFFIXES = frozenset({"m", "mn", "bn", "k"})


def _sum_of(doc: Any, after: int) -> str:
    """What a sum is of when the words right after it say so: a bare noun after "in" ("$1 million in damage",
    "$35m in new funding") or a noun right after the sum ("did $1 million damage"); else "". A determiner after
    "in" makes a place or a time ("$5m in the first quarter"), not what the sum is of."""
    start = after + 1 if after < len(doc) and doc[after].lower_ == "in" else after
    words = []
    for token in doc[start:]:
        if token.pos_ not in ("ADJ", "NOUN") or token.ent_type_:
            break
        words.append(token)
    while words and words[-1].pos_ != "NOUN":
        words.pop()
    return " ".join(w.text for w in words)


def _clock_time(doc: Any, end: int) -> bool:
    """Whether the number ending before token ``end`` is a time of day: a time zone or "local time" follows."""
    after = [t.text for t in doc[end : end + 2]]
    return bool(after) and (after[0] in _TIME_ZONES or [w.lower() for w in after] == ["local", "time"])


def extract_quantities(article: Article, lines: list[ParsedLine], quotes: list[Quote]) -> list[Quantity]:
    """Every counted number in the body of ``article``."""
    authority: dict[str, str] = {}
    for quote in quotes:
        authority.setdefault(quote.sentence_id, quote.speaker)
    found: list[Quantity] = []
    for parsed in lines:
        previous_noun: str | None = None
        for ent in parsed.doc.ents:
            if ent.label_ not in NUMBER_LABELS:
                continue
            ent_start, ent_text = ent.start_char, ent.text
            # tokenised text spaces thousands ("170, 000") and the parser may keep only the last group
            spaced = re.search(r"\d{1,3}(?:,\s\d{3})*,\s$", parsed.doc.text[max(0, ent_start - 24) : ent_start])
            if spaced and re.match(r"\d{3}\b", ent_text):
                ent_start -= len(spaced.group(0))
                ent_text = parsed.doc.text[ent_start : ent.end_char]
            last = ent[-1]
            suffix = parsed.doc[ent.end] if ent.end < len(parsed.doc) else None
            if suffix is not None and suffix.idx == ent.end_char and suffix.lower_ in _SCALE_SUFFIXES:
                # "$35m" is parsed as "35" and a noun "m": the figure is 35 million, and "m" stands where its noun would
                ent_text, last = ent_text + suffix.text, suffix
            value = parse_value(ent_text)
            if value is None or _clock_time(parsed.doc, ent.end):
                continue
            start = parsed.start + ent_start
            sentence = article.sentence_at(start)
            if sentence is None or sentence.role != "body":
                continue
            # a sum ("got $9.3m from the government") counts no noun of the sentence before it ("two rounds")
            counts, noun = _counted(last, None if ent.label_ == "MONEY" else previous_noun)
            if not counts:
                continue
            of = _sum_of(parsed.doc, last.i + 1) if ent.label_ == "MONEY" else ""
            if of:
                counts = noun = of  # what follows a sum says what it is of ("$1 million in damage"), not its verb
            group = _coordinated(last, value)
            if group is not None:
                if not group[1]:
                    continue  # counted in the group's total, reported with its first number
                value = group[0]
            previous_noun = noun or previous_noun
            text = article.sentence_text(sentence)
            found.append(
                Quantity(
                    article.article_id,
                    sentence.sentence_id,
                    start,
                    start + len(ent_text),
                    ent_text,
                    value,
                    counts,
                    authority.get(sentence.sentence_id),
                    _as_of(text, sentence, start - sentence.start),
                )
            )
    return found


def _as_of(text: str, sentence: Sentence, position: int) -> str | None:
    """The period phrase nearest before the number (else after it) and the latest date the sentence names."""
    periods = list(_PERIOD.finditer(text))
    before = [p for p in periods if p.end() <= position]
    period = before[-1] if before else (periods[0] if periods else None)
    inside_period = (period.start(), period.end()) if period else (0, 0)
    dates = [
        d.date
        for d in sentence.dates
        if d.date is not None
        and not (inside_period[0] <= d.start - sentence.start and d.end - sentence.start <= inside_period[1])
    ]
    parts = [period.group().strip()] if period else []
    if dates:
        parts.append(f"as of {max(dates).isoformat()}")  # a figure is as of the latest day its sentence names
    return "; ".join(parts) or None
