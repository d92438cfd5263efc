"""Entities: named mentions from spaCy NER, corrected and resolved across all articles of a comparison.

Per article (:func:`extract_mentions`): NER spans of people, organisations and places; a general-purpose
gazetteer (``data/gazetteer.json``, extensible) that fixes known names the small model gets wrong (a city
tagged PERSON, an outlet tagged PERSON or GPE) and maps aliases to one canonical name; dateline places;
"X's office" and "the Prime Minister's Office" as organisations; "Long Name (SHORT)" as an alias pair; and
the title before a person's name ("Prime Minister", "Foreign Minister").

Across articles: a name of two words or more that the tagger found somewhere in the story is a mention wherever
else the story writes it (a person's also with a quoted nickname inside: "Darnell 'Dee' Okafor"). Then
(:func:`resolve_entities`): types are voted per surface form with context (a surname of a
known full name is a person; a bare name after "in", "invade" or "city of" is a place); full names that
differ by a small misspelling of the first name merge ("Issac"/"Isaac Herzog") only when the surnames agree;
a bare surname joins the one full name that ends with it, and stays apart when two people share it;
organisations merge on the same words in any order ("State Department" / "Department of State"), on a
country qualifier that is the only one for those words ("US State Department"), on acronyms, and on
parenthetical aliases.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA

from ..ids import content_id, scope_of
from ..model import Article, Entity, Mention, RawMention, Resolution
from ..nlp import ParsedLine
from ..text import STOPWORDS

NAME = "entities"
VERSION = "8"  # 4: a full form names an entity only when more than one mention gives it; 5: a known name in
# brackets after another known name ("Syria (ISIS)") is no alias of it; 6: a name after a courtesy title ("Mr
# Earnest") is a person where the tagger missed it; 7: no affiliation across a function word ("told CNN that X");
# a courtesy title or a degree is no part of a name ("Dr Korovin", "S. Korovin M.D."); an initial joins the one
# full name that holds it ("S. Korovin" / "Gwen S. Korovin"); 8: a name of two words or more the tagger found is
# found wherever the story writes it, and a quoted nickname is no part of a name ("Darnell 'Dee' Okafor")

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Normalised OSA similarity of first names for a misspelling to merge two full names with the same surname:
# "Issac"/"Isaac" 0.8 (one transposition), "Jon"/"John" 0.75; different names ("Isaac"/"Chaim") score < 0.3.
FIRST_NAME_SIMILARITY = 0.75
# Surnames of 6+ letters may differ by one edit ("Sejourne"/"Sejurne" 0.875); shorter ones must be equal.
SURNAME_SIMILARITY = 0.85
SURNAME_FUZZY_MIN_LENGTH = 6
# An outlet's name is looked for in the texts only from this length (and as a whole, capitalised word).
MIN_OUTLET_NAME = 2

_ROLE = (
    r"(?:(?:Prime|Foreign|Defen[cs]e|Interior|Finance|Health|Justice|Deputy|Vice|Acting|Former|Chief|Supreme|"
    r"Crown|Opposition|Party|Army|Police|Port\s+Authority|Union|Military)\s+)*"
    r"(?:Minister|President|Premier|Secretary(?:\s+of\s+State)?|Chancellor|King|Queen|Prince|Emir|Sheikh|Mayor|"
    r"Governor|Senator|Ambassador|Envoy|Spokes(?:man|woman|person)|General|Commander|Director|Chairman|Chair|"
    r"Leader|Speaker|Chief|Head|Pope|Ayatollah|Judge|Prosecutor)"
)
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?P<role>{_ROLE})\s+$")
_ROLE_AT_END = re.compile(rf"{_ROLE}$")
_ROLE_AT_START = re.compile(rf"{_ROLE}\b")
_ROLE_OFFICE = re.compile(rf"\b(?:the\s+)?(?P<role>{_ROLE})['\u2019]s\s+[Oo]ffice\b")
_OFFICE_AFTER = re.compile(r"^['\u2019]s\s+office\b", re.I)
# "(D-N.Y.)", "R-Ariz.": a US party and state after a name, which the tagger often takes for a person.
# A courtesy title names a person: the capitalised words after it are a name even where the tagger misses it
# ("Mr Earnest urged caution": "earnest" is also a word).
_HONORIFIC_NAME = re.compile(
    r"(?<![\w-])(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
)
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{0,6}\.?$")
_PAREN_ALIAS = re.compile(r"^\s*\(\s*(?P<alias>[^()]{2,60}?)\s*\)")
_LOCATIVE_BEFORE = frozenset(
    """in into near across outside inside toward towards around from invade invading invaded invasion enter
    entering entered storm stormed besiege besieged evacuate evacuated""".split()
)
_LOCATIVE_PHRASES = ("city of", "town of", "village of", "province of", "region of", "assault on", "offensive in")
_ORG_STOPWORDS = frozenset({"the", "of", "for", "and", "&"})


def fold(text: str) -> str:
    """Lower case, accents removed, quotes and spacing unified: the key for comparing surface forms."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def strip_name(text: str) -> str:
    """A mention's name without a leading article, possessive or surrounding quotes."""
    text = text.strip().strip("\"'\u201c\u201d\u2018\u2019")
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return re.sub(r"['\u2019]s$", "", text).strip()


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str
    outlet: bool


@dataclass(slots=True)
class Gazetteer:
    """Known names: ``aliases`` maps a surface form (exact case) to its entry; demonyms map to countries."""

    aliases: dict[str, GazetteerEntry]
    demonyms: dict[str, str]
    folded: dict[str, GazetteerEntry] = field(init=False)

    def __post_init__(self) -> None:
        self.folded = {fold(alias): entry for alias, entry in self.aliases.items()}

    def lookup_folded(self, text: str) -> GazetteerEntry | None:
        return self.folded.get(fold(text))

    def is_qualifier(self, word: str) -> str | None:
        """The country a demonym or country name stands for ("Israeli" -> "Israel"), else ``None``."""
        word = strip_name(word)
        if word in self.demonyms:
            return self.demonyms[word]
        entry = self.aliases.get(word)
        return entry.name if entry and entry.type == "GPE" else None


def load_gazetteer(extra: Sequence[str | Path] = ()) -> Gazetteer:
    """The bundled gazetteer plus any user files in the same format (later files win)."""
    texts = [resources.files("counterpoint").joinpath("data/gazetteer.json").read_text("utf-8")]
    texts += [Path(path).read_text("utf-8") for path in extra]
    aliases: dict[str, GazetteerEntry] = {}
    demonyms: dict[str, str] = {}
    for text in texts:
        data = json.loads(text)
        for item in data.get("entities", []):
            entry = GazetteerEntry(item["name"], item["type"], bool(item.get("outlet")))
            for alias in [item["name"], *item.get("aliases", [])]:
                aliases[alias] = entry
        demonyms.update(data.get("demonyms", {}))
    return Gazetteer(aliases, demonyms)


def _sentence_id(article: Article, offset: int) -> str:
    sentence = article.sentence_at(offset)
    return sentence.sentence_id if sentence else article.sentences[0].sentence_id


def extract_mentions(
    article: Article, lines: Iterable[ParsedLine], gazetteer: Gazetteer, outlets: Iterable[str] = ()
) -> list[RawMention]:
    """Every entity mention in ``article``, with corrections from the gazetteer and context."""
    outlet_names = {fold(o) for o in outlets}
    mentions: list[RawMention] = []
    for parsed in lines:
        mentions.extend(_line_mentions(article, parsed, gazetteer, outlet_names))
    mentions.extend(_dateline_mentions(article, gazetteer))
    mentions.sort(key=lambda m: (m.start, -m.end))
    for order, mention in enumerate(mentions):
        mention.order = order
    return mentions


def _dateline_mentions(article: Article, gazetteer: Gazetteer) -> list[RawMention]:
    found = []
    for sentence in article.sentences:
        if sentence.role != "dateline":
            continue
        text = article.sentence_text(sentence)
        head = re.split(r"[,(]", text)[0]
        for match in re.finditer(r"[^/]+", head):
            part = match.group().strip()
            if not part or not re.search(r"[A-Za-z]", part):
                continue
            start = sentence.start + match.start() + match.group().index(part)
            entry = gazetteer.lookup_folded(part)
            found.append(
                RawMention(
                    article.article_id,
                    sentence.sentence_id,
                    start,
                    start + len(part),
                    part,
                    "GPE",
                    canonical=entry.name if entry else None,
                )
            )
    return found


def _gazetteer_matches(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, GazetteerEntry]]:
    matches = []
    for alias, entry in gazetteer.aliases.items():
        start = text.find(alias)
        while start >= 0:
            end = start + len(alias)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "-") and not (after.isalnum() or after in "-"):
                matches.append((start, end, entry))
            start = text.find(alias, start + 1)
    # longest first, then leftmost; drop matches inside a longer one
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, GazetteerEntry]] = []
    for match in matches:
        if not any(match[0] < k[1] and k[0] < match[1] for k in kept):
            kept.append(match)
    return kept


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    label: str
    canonical: str | None = None
    owner: str | None = None
    owner_role: str | None = None
    alias_of: str | None = None
    outlet: bool = False

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def _is_alias(long: str, short: str, gazetteer: Gazetteer) -> bool:
    """Whether "(short)" after an organisation or place names it: an acronym of it, or a known name (unless
    the long form is the known name of something else: "Islamic State of Iraq and Syria" cut to "Syria").

    People are excluded: after a name, parentheses hold a party and state ("D-N.Y."), an age or a role.
    """
    known = gazetteer.lookup_folded(short)
    if known is not None and gazetteer.lookup_folded(long) in (None, known):
        return True  # "Palestinian Islamic Movement (Hamas)"; not after another known name ("Syria (ISIS)")
    letters = re.sub(r"[^A-Z]", "", short)
    if not short.replace(".", "").isupper() or len(letters) < 2:
        return False
    capitals = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", long) if w[0].isupper())
    position = 0
    for letter in letters:  # the acronym's letters appear in order among the long name's capitals
        position = capitals.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _line_spans(text: str, doc: Any, gazetteer: Gazetteer, outlet_names: set[str]) -> list[_Span]:
    spans: list[_Span] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:end].lower().startswith("the "):
            start += 4
        if text[start:end].endswith(("'s", "\u2019s")):
            end -= 2
        if fold(text[start:end]) in outlet_names:
            spans.append(_Span(start, end, "ORG", canonical=text[start:end], outlet=True))
        else:
            spans.append(_Span(start, end, ent.label_))
    for g_start, g_end, entry in _gazetteer_matches(text, gazetteer):
        overlapping = [s for s in spans if s.overlaps(g_start, g_end)]
        if any(s.start <= g_start and g_end <= s.end and (s.start, s.end) != (g_start, g_end) for s in overlapping):
            continue  # part of a longer name the model found ("Jordanian Foreign Ministry")
        spans = [s for s in spans if s not in overlapping]
        spans.append(_Span(g_start, g_end, entry.type, canonical=entry.name, outlet=entry.outlet))
    for outlet in outlet_names:
        if len(outlet) < MIN_OUTLET_NAME:
            continue  # an outlet called "L" is not named by every "l" in the text
        for match in re.finditer(rf"(?<!\w){re.escape(outlet)}(?!\w)", text, re.I):
            if not match.group()[0].isupper() and not match.group()[0].isdigit():
                continue  # "three times" does not name The Times
            if not any(s.overlaps(match.start(), match.end()) for s in spans):
                spans.append(_Span(match.start(), match.end(), "ORG", canonical=match.group(), outlet=True))
    for match in _HONORIFIC_NAME.finditer(text):
        if not any(s.overlaps(match.start("name"), match.end("name")) for s in spans):
            spans.append(_Span(match.start("name"), match.end("name"), "PERSON"))  # "Mr Earnest", the tagger missed
    for match in _ROLE_OFFICE.finditer(text):
        spans = [s for s in spans if not s.overlaps(match.start(), match.end())]
        spans.append(_Span(match.start("role"), match.end(), "ORG", owner_role=_normal_role(match["role"])))
    for span in list(spans):
        office = _OFFICE_AFTER.match(text[span.end :]) if span.label == "PERSON" else None
        if office:
            spans.append(_Span(span.start, span.end + office.end(), "ORG", owner=text[span.start : span.end]))
    spans = [s for s in spans if not _PARTY_TAG.match(text[s.start : s.end])]
    for span in list(spans):
        alias = _PAREN_ALIAS.match(text[span.end :]) if span.label in ("ORG", "GPE") else None
        if not alias or not _is_alias(text[span.start : span.end], alias["alias"], gazetteer):
            continue
        alias_start = span.end + alias.start("alias")
        existing = [s for s in spans if s.start == alias_start]
        if existing:
            existing[0].alias_of = text[span.start : span.end]
        else:
            spans.append(
                _Span(alias_start, span.end + alias.end("alias"), span.label, alias_of=text[span.start : span.end])
            )
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _line_mentions(
    article: Article, parsed: ParsedLine, gazetteer: Gazetteer, outlet_names: set[str]
) -> list[RawMention]:
    text = parsed.doc.text
    mentions = []
    for span in _line_spans(text, parsed.doc, gazetteer, outlet_names):
        absolute = parsed.start + span.start
        surface = text[span.start : span.end]
        title = _ROLE_AT_END.search(text[: span.end])
        if title and title.start() < span.start:
            continue  # "State" in "Secretary of State" is part of a title, not an organisation
        title = _ROLE_AT_START.match(text[span.start :]) if span.label != "PERSON" else None
        if title and title.end() > span.end - span.start and span.canonical is None:
            continue  # "Interior" in "Interior Minister Dario Kessel" is part of a title
        if span.canonical is None and span.owner is None and span.owner_role is None:
            entry = gazetteer.lookup_folded(strip_name(surface))
            if entry and (span.label != "PERSON" or entry.type == "PERSON"):
                span.canonical, span.label, span.outlet = entry.name, entry.type, entry.outlet
        mention = RawMention(
            article.article_id,
            _sentence_id(article, absolute),
            absolute,
            parsed.start + span.end,
            surface,
            span.label,
            canonical=span.canonical,
            owner=span.owner,
            owner_role=span.owner_role,
            alias_of=span.alias_of,
            outlet=span.outlet,
        )
        before = text[: span.start]
        if span.label == "PERSON":
            role = _ROLE_BEFORE.search(before)
            mention.role = _normal_role(role["role"]) if role else None
            mention.affiliation = _affiliation(before[: role.start()] if role else before, text[span.end :], gazetteer)
            words = before.lower().split()[-3:]
            mention.locative = bool(words and words[-1] in _LOCATIVE_BEFORE) or any(
                " ".join(words).endswith(p) for p in _LOCATIVE_PHRASES
            )
        elif span.label == "ORG" and span.owner is None and span.owner_role is None:
            mention.qualifier = _qualifier(surface, before, gazetteer)
        mentions.append(mention)
    return mentions


# "Egypt's Dana Kovac", "Reuters correspondent X" (a title is cut off before): the word between may not be a
# function word ("told CNN that Korovin ...": CNN is whom it was told, not hers)
_AFFILIATION_BEFORE = re.compile(
    r"(?P<aff>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'-]*)?)(?:['\u2019]s)?\s+(?:(?P<between>[a-z]+)\s+)?$"
)
_AFFILIATION_AFTER = re.compile(
    r"^,\s+(?:a|an|the)\s+[\w\s-]{0,40}?\b(?:of|for|at|with|from)\s+(?:the\s+)?"
    r"(?P<aff>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,3})"
)


def _affiliation(before: str, after: str, gazetteer: Gazetteer) -> str | None:
    """The country or organisation a person's title or description names, if any."""
    match = _AFFILIATION_AFTER.match(after)
    if match:
        return gazetteer.is_qualifier(match["aff"]) or match["aff"]
    match = _AFFILIATION_BEFORE.search(before)
    if match and match.end() == len(before) and match["between"] not in STOPWORDS:
        name = match["aff"]
        country = gazetteer.is_qualifier(name)
        if country:
            return country
        entry = gazetteer.aliases.get(name)
        return entry.name if entry and entry.type == "ORG" else None
    return None


def _normal_role(role: str) -> str:
    return re.sub(r"\s+", " ", role).strip().lower()


def _qualifier(surface: str, before: str, gazetteer: Gazetteer) -> str | None:
    first = strip_name(surface).split(" ", 1)[0]
    country = gazetteer.is_qualifier(first)
    if country and " " in strip_name(surface):
        return country
    previous = re.search(r"([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)(?:['\u2019]s)?\s+$", before)
    if previous:
        return gazetteer.is_qualifier(previous.group(1))
    return None


# ---------------------------------------------------------------------------------------------- resolution


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, key: Any) -> Any:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: Any, b: Any) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


# A courtesy title before a name and a degree after it are no part of it: "Dr Korovin" is "Korovin", "S. Korovin
# M.D." is "S. Korovin".
_COURTESY = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof"})
# A nickname in quotes ("Darnell 'Dee' Okafor"): no part of the name.
_QUOTED_NICKNAME = r"[\"'\u2018\u201c][^\"'\u2018\u2019\u201c\u201d\n]{1,25}[\"'\u2019\u201d]"
_NICKNAME = re.compile(_QUOTED_NICKNAME)
_POSTNOMINAL = frozenset({"md", "phd", "dds", "rn"})


def _tokens(name: str) -> list[str]:
    tokens = fold(strip_name(name)).split()
    # a nickname in quotes is no part of the name ("Darnell 'Dee' Okafor" is Darnell Okafor)
    named = [t for t in tokens if not _NICKNAME.fullmatch(t)]
    tokens = named if len(named) >= 2 else tokens
    while len(tokens) > 1 and tokens[0].rstrip(".") in _COURTESY:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].replace(".", "") in _POSTNOMINAL:
        tokens = tokens[:-1]
    return tokens


def _initial(token: str) -> str | None:
    """The letter of an initial ("s." or "s"), else None."""
    bare = token.rstrip(".")
    return bare if len(bare) == 1 and bare.isalpha() else None


def _letters(tokens: tuple[str, ...]) -> str:
    """A full name's letters without spaces and hyphens: "Abdul Rahman Al-Fahd" and "Abdul Rahman Al Fahd"
    are one name written two ways."""
    return re.sub(r"[\-\u2010\u2011]+", "", "".join(tokens))


def _similar_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= SURNAME_FUZZY_MIN_LENGTH and OSA.normalized_similarity(a, b) >= SURNAME_SIMILARITY


def _same_person(a: list[str], b: list[str]) -> bool:
    if not _similar_surname(a[-1], b[-1]):
        return False
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if first_a == first_b:
        return True
    return OSA.normalized_similarity(first_a, first_b) >= FIRST_NAME_SIMILARITY


def _vote_types(mentions: list[RawMention], gazetteer: Gazetteer) -> None:
    full_names = [_tokens(m.text) for m in mentions if m.label == "PERSON" and len(_tokens(m.text)) >= 2]
    surnames = {tokens[-1] for tokens in full_names}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.canonical or mention.owner or mention.owner_role:
            continue
        tokens = _tokens(mention.text)
        if len(tokens) == 1 and tokens[0] in surnames:
            mention.label = "PERSON"
            continue
        weight = 2 if mention.locative and len(tokens) == 1 else 1
        label = "GPE" if mention.locative and len(tokens) == 1 else mention.label
        votes[" ".join(tokens)][label] += weight
    for mention in mentions:
        if mention.canonical or mention.owner or mention.owner_role:
            continue
        tokens = _tokens(mention.text)
        if len(tokens) == 1 and tokens[0] in surnames:
            continue
        counts = votes[" ".join(tokens)]
        if counts:
            mention.label = counts.most_common(1)[0][0]
        if mention.label == "LOC":
            mention.label = "GPE" if gazetteer.lookup_folded(mention.text) else "LOC"


def resolve_entities(mentions: list[RawMention], gazetteer: Gazetteer, scope: str = "") -> Resolution:
    """Group mentions from all articles into entities (see the module docstring for the rules)."""
    _vote_types(mentions, gazetteer)
    uf = _UnionFind()
    key_of: dict[int, Any] = {}
    person_keys: dict[tuple[str, ...], list[RawMention]] = defaultdict(list)
    for position, mention in enumerate(mentions):
        tokens = _tokens(mention.text)
        if mention.canonical:
            key: Any = ("kb", mention.canonical)
        elif mention.owner is not None:
            key = ("office-of", mention.article_id, mention.owner)
        elif mention.owner_role is not None:
            key = ("office-role", mention.owner_role)
        elif mention.label == "PERSON":
            key = ("person", tuple(tokens))
            if len(tokens) >= 2:
                person_keys[tuple(tokens)].append(mention)
        elif mention.label == "ORG":
            core = [t for t in tokens if t not in _ORG_STOPWORDS]
            if mention.qualifier and core and gazetteer.is_qualifier(core[0]) == mention.qualifier:
                core = core[1:]
            key = ("org", mention.qualifier, tuple(sorted(core)))
        else:
            key = ("place", tuple(tokens))
        key_of[position] = key
        uf.find(key)

    # people: misspelt first names with the same surname, and names that differ only by a hyphen or a space
    full: list[tuple[str, ...]] = sorted(person_keys)
    by_letters: dict[str, tuple[str, ...]] = {}
    for written in full:
        uf.union(("person", by_letters.setdefault(_letters(written), written)), ("person", written))
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if _same_person(list(a), list(b)):
                uf.union(("person", a), ("person", b))
    # people: a name with an initial ("S. Korovin", "J. Smith") joins the one full name whose given names hold it
    # ("Gwen S. Korovin", "John Smith"); with two such names ("John Smith", "Jane Smith") it joins neither
    for initialled in full:
        letter = _initial(initialled[0])
        if letter is None:
            continue
        matches = {
            uf.find(("person", other))
            for other in full
            if _initial(other[0]) is None
            and _similar_surname(other[-1], initialled[-1])
            and any(given.startswith(letter) for given in other[:-1])
        }
        if len(matches) == 1:
            uf.union(next(iter(matches)), ("person", initialled))
    # people: a bare surname joins the one person it can be
    by_surname: dict[str, set[Any]] = defaultdict(set)
    for full_name in full:
        by_surname[full_name[-1]].add(uf.find(("person", full_name)))
    for position, mention in enumerate(mentions):
        key = key_of[position]
        if key[0] != "person" or len(key[1]) != 1:
            continue
        candidates = {
            root for surname, roots in by_surname.items() if _similar_surname(surname, key[1][0]) for root in roots
        }
        if len(candidates) == 1:
            uf.union(next(iter(candidates)), key)
        elif len(candidates) > 1:
            nearest = _nearest_full_name(mention, mentions, key_of, uf, candidates)
            if nearest is not None:
                key_of[position] = ("person-here", position)
                uf.union(nearest, key_of[position])
    # organisations: an unqualified name joins the only qualified variant of the same words
    variants: dict[tuple[str, ...], set[Any]] = defaultdict(set)
    for key in {k for k in key_of.values() if k[0] == "org"}:
        variants[key[2]].add(key)
    for keys in variants.values():
        qualified = {k for k in keys if k[1] is not None}
        unqualified = [k for k in keys if k[1] is None]
        if len(qualified) == 1 and unqualified:
            for k in unqualified:
                uf.union(next(iter(qualified)), k)
    # organisations: acronyms and parenthetical aliases
    _merge_acronyms(mentions, key_of, uf)
    for position, mention in enumerate(mentions):
        if mention.alias_of:
            for other_position, other in enumerate(mentions):
                if other.article_id == mention.article_id and other.text == mention.alias_of:
                    uf.union(key_of[other_position], key_of[position])
                    break
    # known organisations in the gazetteer absorb unqualified variants with the same words
    for position, mention in enumerate(mentions):
        key = key_of[position]
        if key[0] == "org":
            entry = gazetteer.lookup_folded(" ".join(mention.text.split()))
            if entry:
                uf.union(("kb", entry.name), key)
    # offices: "X's office" joins "the <role>'s Office" when X is the only person holding that role
    roles = _person_roles(mentions, key_of, uf)
    for position, mention in enumerate(mentions):
        if mention.owner is None:
            continue
        owner_key = _owner_root(mention, mentions, key_of, uf)
        if owner_key is not None:
            uf.union(("office", owner_key), key_of[position])
            for role in roles.get(owner_key, set()):
                holders = [k for k, r in roles.items() if role in r]
                if len(holders) == 1:
                    uf.union(("office", owner_key), ("office-role", role))

    groups: dict[Any, list[int]] = defaultdict(list)
    for position in range(len(mentions)):
        groups[uf.find(key_of[position])].append(position)
    resolution = Resolution([])
    for positions in groups.values():
        members = [mentions[p] for p in positions]
        entity_type = Counter(m.label for m in members).most_common(1)[0][0]
        name = _entity_name(members)
        entity = Entity(
            content_id("e", scope, entity_type, name),
            name,
            entity_type,
            [Mention(m.article_id, m.sentence_id, m.start, m.end, m.text) for m in members],
        )
        resolution.entities.append(entity)
        for member in members:
            resolution.entity_of[(member.article_id, member.start, member.end)] = entity.entity_id
        affiliations = Counter(m.affiliation for m in members if m.affiliation)
        if affiliations:
            entity.affiliation = affiliations.most_common(1)[0][0]
        elif entity.type == "ORG":
            entity.affiliation = next((m.qualifier for m in members if m.qualifier), None)
        person_roles = {m.role for m in members if m.role}
        if person_roles:
            resolution.roles[entity.entity_id] = person_roles
    resolution.entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return resolution


def _nearest_full_name(
    mention: RawMention, mentions: list[RawMention], key_of: dict[int, Any], uf: _UnionFind, candidates: set[Any]
) -> Any | None:
    best = None
    for position, other in enumerate(mentions):
        if other.article_id != mention.article_id or other.order >= mention.order:
            continue
        root = uf.find(key_of[position])
        if root in candidates and len(_tokens(other.text)) >= 2:
            best = root
    return best


def _initials(name: str) -> str:
    return "".join(w[0] for w in strip_name(name).split() if w[:1].isupper() and w.lower() not in _ORG_STOPWORDS)


def _merge_acronyms(mentions: list[RawMention], key_of: dict[int, Any], uf: _UnionFind) -> None:
    """An all-capitals organisation name joins the one multi-word organisation it abbreviates."""
    long_forms: dict[str, set[Any]] = defaultdict(set)
    for position, mention in enumerate(mentions):
        if mention.label == "ORG" and len(strip_name(mention.text).split()) >= 2:
            long_forms[_initials(mention.text)].add(uf.find(key_of[position]))
    for position, mention in enumerate(mentions):
        short = strip_name(mention.text)
        if mention.label == "ORG" and short.isupper() and 2 <= len(short) <= 6:
            roots = long_forms.get(short, set())
            if len(roots) == 1:
                uf.union(next(iter(roots)), key_of[position])


def _person_roles(mentions: list[RawMention], key_of: dict[int, Any], uf: _UnionFind) -> dict[Any, set[str]]:
    roles: dict[Any, set[str]] = defaultdict(set)
    for position, mention in enumerate(mentions):
        if mention.label == "PERSON" and mention.role:
            roles[uf.find(key_of[position])].add(mention.role)
    return roles


def _owner_root(mention: RawMention, mentions: list[RawMention], key_of: dict[int, Any], uf: _UnionFind) -> Any | None:
    for position, other in enumerate(mentions):
        if other.article_id == mention.article_id and other.start == mention.start and other.label == "PERSON":
            return uf.find(key_of[position])
    return None


# A form of two words or more names an entity only when this many mentions give it (see _entity_name).
FULL_NAME_MIN_MENTIONS = 2


def _entity_name(members: list[RawMention]) -> str:
    canonical = [m.canonical for m in members if m.canonical]
    if canonical:
        return Counter(canonical).most_common(1)[0][0]
    office_roles = [m.owner_role for m in members if m.owner_role]
    if office_roles:
        return f"{office_roles[0].title()}'s Office"
    # a nickname in quotes is told apart from the name ("Darnell 'Dee' Okafor" is named Darnell Okafor)
    names = Counter(re.sub(rf"\s+{_QUOTED_NICKNAME}(?=\s)", "", strip_name(m.text)) for m in members if not m.owner)
    if not names:
        return f"{strip_name(members[0].owner or members[0].text)}'s office"
    # a full name is preferred to a short form ("Antony Blinken" to "Blinken"), if more than one mention gives
    # it: a title-case headline's mis-cut span ("Buys SeaMicro" in "AMD Buys SeaMicro") is seen once
    name = max(names, key=lambda n: (len(n.split()) >= 2 and names[n] >= FULL_NAME_MIN_MENTIONS, names[n], len(n)))
    qualifiers = {m.qualifier for m in members if m.qualifier}
    if len(qualifiers) == 1 and next(iter(qualifiers)) not in name:
        return f"{name} ({next(iter(qualifiers))})"
    return name


def annotate_entities(
    articles: list[Article], parsed: dict[str, list[ParsedLine]], gazetteer: Gazetteer
) -> tuple[Resolution, list[RawMention]]:
    """Extract mentions from every article and resolve them across the comparison."""
    outlets = {a.outlet for a in articles}
    mentions = [
        m
        for article in articles
        for m in extract_mentions(article, parsed.get(article.article_id, []), gazetteer, outlets)
    ]
    mentions = _known_names(articles, mentions)
    return resolve_entities(mentions, gazetteer, scope_of(a.article_id for a in articles)), mentions


# A name of this many words or more that the tagger found somewhere in the story is that name wherever else it is
# written, in any article of the story.
KNOWN_NAME_MIN_WORDS = 2


def _known_names(articles: list[Article], mentions: list[RawMention]) -> list[RawMention]:
    """``mentions`` with the places where a name the tagger found elsewhere in the story is written and was not
    tagged: the small model misses a name beside a quoted nickname ("Darnell 'Dee' Okafor"), in capitals or at
    the start of a headline, which another sentence or outlet gives it. A person's full name is also found with
    a quoted nickname between its first and last words."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.outlet or mention.owner is not None or mention.owner_role is not None or mention.canonical:
            continue
        name = strip_name(mention.text)
        words = name.split()
        if len(words) >= KNOWN_NAME_MIN_WORDS and all(
            w[:1].isupper() for w in words if w.lower() not in _ORG_STOPWORDS
        ):
            labels[name][mention.label] += 1
    if not labels:
        return mentions
    patterns = []
    for name in sorted(labels, key=len, reverse=True):
        words = [re.escape(w) for w in name.split()]
        label = labels[name].most_common(1)[0][0]
        if label == "PERSON":
            words[-1] = rf"(?:{_QUOTED_NICKNAME}\s+)?{words[-1]}"
        patterns.append(r"\s+".join(words))
    known = re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])")
    by_article: dict[str, list[RawMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    added = False
    for article in articles:
        found = by_article[article.article_id]
        found.sort(key=lambda m: (m.start, -m.end))
        starts = [m.start for m in found]
        parts: set[int] = set()  # ids of tagged pieces of a name now found whole ("Darnell" of "Darnell 'Dee' Okafor")
        for match in known.finditer(article.text):
            at = bisect.bisect_left(starts, match.end())  # mentions from here on start after the match
            overlapping = [m for m in found[max(0, at - 4) : at] if m.end > match.start()]
            nicknamed = bool(_NICKNAME.search(match.group(0)))
            if any(m.start < match.start() or m.end > match.end() for m in overlapping) or (
                overlapping and not nicknamed
            ):
                continue  # a name the tagger found here, or a longer one; only a quoted nickname cuts the tagger's
            if any(m.start == match.start() and m.end == match.end() for m in overlapping):
                continue  # tagged here already
            sentence = article.sentence_at(match.start())
            if sentence is None:
                continue
            parts.update(id(m) for m in overlapping)
            text = match.group(0)
            name = " ".join(w for w in text.split() if not _NICKNAME.fullmatch(w))
            label = labels[name].most_common(1)[0][0] if name in labels else "PERSON"
            found.append(RawMention(article.article_id, sentence.sentence_id, match.start(), match.end(), text, label))
            added = True
        found[:] = sorted((m for m in found if id(m) not in parts), key=lambda m: (m.start, -m.end))
        for order, mention in enumerate(found):
            mention.order = order
    return [m for article in articles for m in by_article[article.article_id]] if added else mentions
