"""Names as written: when two surface forms are one name written two ways, and when they are a choice of words.

Two stages ask this about the same strings. The wording section (:func:`wording_choice`) must show only
forms that differ in meaning ("Jerusalem" / "occupied al-Quds"), never one name written twice: the same
letters up to case, accents, punctuation and spacing ("U.S." / "US", "BLINKEN" / "Blinken"), a spelling
slip ("Kirchner" / "Kirchhner", "centre" / "center"), an acronym ("UN" / "United Nations", "USGS" / "US
Geological Survey"), or a short form, whose extra words are only parts of the name: first names, titles,
country qualifiers, particles ("Gaza" / "Gaza Strip", "State Department" / "U.S. Department of State",
"Cristina Kirchner" / "Cristina Fernandez de Kirchner"). Forms that differ by a direction or a number
("southern Gaza" / "northern Gaza") name different things, not the same thing in other words.

Outlet profiles (:func:`speaker_groups`) count a source once under all the forms that name it: "Joe Biden",
"Biden" and "President Biden"; "the State Department" and "U.S. State Department"; a description before
the name ("Tampa resident Tridevil"). A short form that fits two longer ones ("Biden" beside "Joe Biden"
and "Hunter Biden") stays apart: it cannot be told which one it is.

Everything here works on the strings alone; country qualifiers come from a callable (the gazetteer's
``is_qualifier``) so that this module reads no data file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

__all__ = [
    "Form",
    "acronym_of",
    "different_referent",
    "fold",
    "form",
    "same_name",
    "speaker_groups",
    "wording_choice",
]

# Names this close (normalised OSA over the folded strings) are one spelling slipping ("Issac" / "Isaac").
SPELLING_SIMILARITY = 0.85
# One edit in a word at least this long is a spelling variant ("centre" / "center", "lobison" / "lobizón");
# shorter words one edit apart are often different words ("bomb" / "comb", "rises" / "roses").
ONE_EDIT_MIN_LETTERS = 6

Qualifier = Callable[[str], str | None]

# Words before a name or a description that do not change whom it names: "the police", "that same source".
_DETERMINERS = frozenset("the a an this that these those same".split())
# Words that join the parts of a name ("Department of State", "Fernandez de Kirchner", "bin Salman").
_JOINERS = frozenset("of for and the de del della da di du la le van von der den al el bin ibn ben y".split())
# Modifiers that pick out a different part or a different thing: "southern Gaza" is not "northern Gaza".
_DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern upper lower inner outer greater mid middle downtown
    coastal""".split()
)
# Numbers, ordinals and times pick out another one: "two soldiers" / "three", "the former" / "the new minister".
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million
    first second third fourth fifth sixth seventh eighth ninth tenth last former new old""".split()
)
# Titles and honorifics before a person's name: "President Biden" is Biden, "Foreign Minister Kovac" Kovac.
_TITLES = frozenset(
    """president minister secretary senator sen rep representative congressman congresswoman governor gov mayor
    general gen ambassador chancellor king queen prince princess pope judge justice mr mrs ms miss dr sir dame
    lord lady chairman chairwoman chair spokesman spokeswoman spokesperson director commissioner chief attorney
    leader speaker lt col sgt capt officer detective professor prof rabbi rev reverend sheikh emir ayatollah imam
    premier councilman councilwoman""".split()
)
# Words that make a title only with one of the above ("Foreign Minister"; "Foreign Ministry" keeps its word).
_TITLE_MODIFIERS = frozenset("vice prime foreign defence defense interior finance deputy acting former".split())
_PRONOUNS = frozenset("i we you he she it they me us him her them one".split())
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_TOKEN = re.compile(r"[^\W_]+(?:[.'\u2019][^\W_]+)*\.?", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, accents removed, quote marks unified: the key for comparing two spellings."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form read as a name: its words (as written, and folded), without quotes, a leading article,
    a possessive or parenthesised qualifier."""

    text: str
    words: tuple[str, ...]  # as written, dots of abbreviations dropped ("U.S." -> "US")
    folded: tuple[str, ...]
    aside: tuple[str, ...] = ()  # folded words in parentheses: "Foreign Ministry (Jordan)" -> jordan

    @property
    def letters(self) -> str:
        """Only the letters and digits: "U.S." and "US", "al-Quds" and "al Quds" agree."""
        return "".join(self.folded)

    def capitalised(self, index: int) -> bool:
        word = self.words[index]
        return word[:1].isupper() or word[:1].isdigit()

    @property
    def is_name(self) -> bool:
        """Every word that is not a joiner is capitalised: a proper name, not a description."""
        return bool(self.words) and all(self.capitalised(i) or f in _JOINERS for i, f in enumerate(self.folded))


def form(text: str) -> Form:
    """``text`` read as a name (see :class:`Form`)."""
    original = text
    text = re.sub(r"\([^()]*\)", " ", text)  # "Foreign Ministry (Jordan)": the qualifier is compared apart
    text = re.sub(r"['\u2019]s?$", "", text.strip().strip("\"'\u201c\u201d\u2018\u2019 ,.;:"))
    words = [w.replace(".", "") if re.fullmatch(r"(?:\w\.)+\w?\.?", w) else w.rstrip(".") for w in _TOKEN.findall(text)]
    words = [w for w in words if w]
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    aside = tuple(fold(w) for inside in re.findall(r"\(([^()]*)\)", original) for w in _TOKEN.findall(inside))
    return Form(original, tuple(words), tuple(fold(w).replace("'", "") for w in words), aside)


# British and American spellings of one word, word-final or before an ending: "rumour" / "rumor", "fibre" /
# "fiber", "organise" / "organize", "analyse" / "analyze", "catalogue" / "catalog". Words too short for the
# one-edit rule ("rumor" has five letters) are told apart by these.
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z]{2})our(?=s?\b|ed\b|ing\b)"), "or"),
    (re.compile(r"(?<=[bt])re(?=s?\b)"), "er"),
    (re.compile(r"(?<=[a-z]{2})is(?=e[sd]?\b|ing\b|ation)"), "iz"),
    (re.compile(r"yse(?=[sd]?\b)"), "yze"),
    (re.compile(r"ogue\b"), "og"),
)


def _american(text: str) -> str:
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def is_title(word: str) -> bool:
    """Whether ``word`` is a title that stands before a name ("Minister", "President", "Sheikh")."""
    return fold(word) in _TITLES


def _spelled_alike(a: str, b: str) -> bool:
    if a == b or _american(a) == _american(b):
        return True
    if OSA.normalized_similarity(a, b) >= SPELLING_SIMILARITY:
        return True
    return min(len(a), len(b)) >= ONE_EDIT_MIN_LETTERS and OSA.distance(a, b) <= 1


def acronym_of(short: Form, long: Form) -> bool:
    """Whether ``short`` is the initials of ``long`` ("UN" / "United Nations", "USGS" / "US Geological
    Survey", "AFP" / "Agence France-Presse"); an acronym inside the long form counts with all its letters."""
    letters = _acronym_letters(short, long)
    return letters is not None and letters in _initials(long)


def _abbreviates_a_longer_form(short: Form, long: Form) -> bool:
    """Whether ``short`` is the initials of a longer form of ``long``'s name: it begins with ``long``'s initials
    and goes on ("ISIS" and "ISIL" / "Islamic State"). "IOF" / "Israeli forces" is not: "IF" does not begin it."""
    letters = _acronym_letters(short, long, title_case=True)
    return letters is not None and any(len(i) >= 2 and letters.startswith(i) for i in _initials(long))


def _acronym_letters(short: Form, long: Form, title_case: bool = False) -> str | None:
    """The letters of ``short`` if it can be an acronym of the longer ``long``: capitals or dotted letters, or
    with ``title_case`` a short word so written as some outlets write acronyms ("Isis", "Nato")."""
    if len(short.words) != 1 or len(long.words) < 2:
        return None
    letters = short.folded[0]
    word = short.words[0]
    written = word.isupper() or short.text.count(".") >= 2 or (title_case and word.istitle() and len(word) <= 5)
    if not 2 <= len(letters) <= 7 or not written:
        return None
    return letters


def _initials(long: Form) -> tuple[str, str]:
    """The initials of ``long`` without and with its joiners ("of", "the" ...); a short acronym inside it
    counts with all its letters."""
    initials = ""
    with_joiners = ""
    for word, folded in zip(long.words, long.folded, strict=True):
        part = folded if word.isupper() and len(word) <= 5 else folded[:1]
        with_joiners += part
        if folded not in _JOINERS:
            initials += part
    return initials, with_joiners


def _match(word: str, others: Iterable[str]) -> str | None:
    return next((o for o in others if _spelled_alike(word, o)), None)


def _extras(short: Form, long: Form) -> list[int] | None:
    """Indices of the words of ``long`` beyond those of ``short``, when every content word of ``short`` is
    in ``long`` (spelling slips allowed); ``None`` when it is not contained."""
    left = list(range(len(long.words)))
    for folded in short.folded:
        if folded in _JOINERS:
            continue
        found = next((i for i in left if _spelled_alike(folded, long.folded[i])), None)
        if found is None:
            return None
        left.remove(found)
    return left


def _complement_only(short: Form, long: Form) -> bool:
    """Whether ``short`` names only what follows the last "of" of ``long``, a name whose head comes before it
    ("Bank of America", "Islamic State of Iraq and Syria"): the complement names something else (a country,
    a city), not the named thing. A title before "of" is no head ("Secretary of State Antony Blinken" is
    "Blinken")."""
    if "of" not in long.folded[1:]:
        return False
    cut = len(long.folded) - 1 - long.folded[::-1].index("of")
    head = [w for w in long.folded[:cut] if w not in _JOINERS and w not in _TITLES and w not in _TITLE_MODIFIERS]
    tail = long.folded[cut + 1 :]
    content = [w for w in short.folded if w not in _JOINERS]
    return bool(head) and bool(content) and all(_match(w, tail) and not _match(w, head) for w in content)


def _changes_referent(words: Iterable[str]) -> bool:
    return any(w in _DIRECTIONS or w in _NUMBER_WORDS or w[:1].isdigit() for w in words)


def _only_name_parts(f: Form, extras: list[int], qualifier: Qualifier | None) -> bool:
    """The extra words are parts of the name: capitalised, joiners, titles, or country qualifiers."""
    return all(
        f.capitalised(i)
        or f.folded[i] in _JOINERS
        or f.folded[i] in _TITLES
        or f.folded[i] in _TITLE_MODIFIERS
        or (qualifier is not None and qualifier(f.words[i]) is not None)
        for i in extras
    )


def same_name(a: str, b: str, qualifier: Qualifier | None = None) -> bool:
    """Whether ``a`` and ``b`` are one name written two ways: case, accents, punctuation, spacing, a
    spelling slip, an acronym, or a short form whose extra words are parts of the name."""
    fa, fb = form(a), form(b)
    if not fa.words or not fb.words:
        return fa.letters == fb.letters
    if fa.letters == fb.letters or acronym_of(fa, fb) or acronym_of(fb, fa):
        return True  # an acronym keeps the words it abbreviates: "CIA" is "Central Intelligence Agency"
    if _changes_referent(set(fa.folded) ^ set(fb.folded)):
        return False  # "6th Fleet" / "7th Fleet" are spelled alike and are two fleets
    if _spelled_alike(" ".join(fa.folded), " ".join(fb.folded)):
        return True
    short, long = sorted((fa, fb), key=lambda f: len(f.words))
    extras = _extras(short, long)
    if extras is not None:
        if _complement_only(short, long):
            return False  # "Syria" / "Islamic State of Iraq and Syria", "America" / "Bank of America"
        return not _changes_referent(long.folded[i] for i in extras) and _only_name_parts(long, extras, qualifier)
    # neither contains the other: two short forms of one name ("Cristina Kirchner" / "Fernandez de
    # Kirchner", "President Biden" / "Joe Biden") share their last word and differ only in name parts
    if fa.folded[-1] != fb.folded[-1] or not (fa.is_name and fb.is_name):
        return False
    common = set(fa.folded) & set(fb.folded)
    differing = [w for w in fa.folded + fb.folded if w not in common]
    return not _changes_referent(differing)


def different_referent(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by words that pick out a different thing: a direction or a number
    ("southern Gaza" / "northern Gaza", "South Sudan" / "Sudan", "two soldiers" / "three soldiers"), or the
    shorter is only what follows "of" in the longer ("America" / "Bank of America"); an acronym and its
    words are one thing ("CIA" / "Central Intelligence Agency")."""
    fa, fb = form(a), form(b)
    if acronym_of(fa, fb) or acronym_of(fb, fa):
        return False
    short, long = sorted((fa, fb), key=lambda f: len(f.words))
    if _extras(short, long) is not None and _complement_only(short, long):
        return True  # "Syria" / "Islamic State of Iraq and Syria": a country, not the group
    return _changes_referent(set(fa.folded) ^ set(fb.folded))


def wording_choice(a: str, b: str, qualifier: Qualifier | None = None) -> bool:
    """Whether ``a`` and ``b``, said of one referent, are a choice of words: neither one name written two
    ways (:func:`same_name`) nor forms of different referents (:func:`different_referent`)."""
    if _ACRONYM.fullmatch(a.replace(".", "").strip()) and _ACRONYM.fullmatch(b.replace(".", "").strip()):
        return False  # "IS" / "ISIS" / "ISIL": abbreviations of names of one thing
    fa, fb = form(a), form(b)
    if _abbreviates_a_longer_form(fa, fb) or _abbreviates_a_longer_form(fb, fa):
        return False  # "ISIS" / "Islamic State": the acronym of a longer form of the same name
    return not same_name(a, b, qualifier) and not different_referent(a, b)


def _core(f: Form, qualifier: Qualifier | None) -> tuple[str, ...]:
    """A name's words without a leading title and country qualifier, and without joiners: "President
    Biden" -> biden, "US Secretary of State Antony Blinken" -> state, antony, blinken, "Israeli Foreign
    Ministry" -> foreign, ministry."""
    return tuple(w for w in f.folded[_title_words(f, qualifier) :] if w not in _JOINERS)


def _title_words(f: Form, qualifier: Qualifier | None) -> int:
    """How many leading words of ``f`` are a title or a country qualifier (the last word never is)."""
    cut = 0
    for i, (word, folded) in enumerate(zip(f.words, f.folded, strict=True)):
        if i == len(f.words) - 1:
            break
        if folded in _TITLES or (qualifier is not None and qualifier(word) is not None):
            cut = i + 1
        elif folded not in _TITLE_MODIFIERS and folded not in _JOINERS:
            break
    return cut


def _trailing_name(f: Form) -> Form | None:
    """The name at the end of a description ("Tampa resident Tridevil" -> Tridevil): the capitalised run
    after a lower-case content word."""
    end = len(f.words)
    start = end
    while start > 0 and (f.capitalised(start - 1) or (f.folded[start - 1] in _JOINERS and start < end)):
        start -= 1
    while start < end and f.folded[start] in _JOINERS:
        start += 1
    if start == 0 or start == end or f.capitalised(start - 1) or f.folded[start - 1] in _JOINERS:
        return None
    words = f.words[start:]
    return Form(" ".join(words), words, f.folded[start:])


def speaker_groups(speakers: Iterable[str], qualifier: Qualifier | None = None) -> dict[str, str]:
    """Each speaker form mapped to the form that names its group: one source under all its names.

    Forms merge when they are the same words up to case, accents and punctuation (pronouns and
    descriptions included: "Police" / "the police"); when one name is the other's acronym, or its words
    minus titles and country qualifiers are the other's or among them ("Biden" / "President Biden" /
    "Joe Biden"; "the State Department" / "US Department of State"); and a description ending in a name
    joins that name ("Tampa resident Tridevil"). Names with different country qualifiers stay apart, and a
    short form that fits several longer names joins none. The group is named by its fullest proper name
    without a title ("Antony Blinken" rather than "Blinken" or "Secretary of State Antony Blinken").
    """
    counts = Counter(speakers)
    forms = {s: form(s) for s in counts}
    parent = {s: s for s in counts}

    def find(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    def union(a: str, b: str) -> None:
        parent[find(b)] = find(a)

    by_words: dict[str, str] = {}
    for speaker, f in forms.items():
        key = " ".join(f.folded + f.aside) if f.words else speaker.lower()
        union(by_words.setdefault(key, speaker), speaker)
    names = [s for s, f in forms.items() if f.is_name and not _pronoun(f)]
    cores = {s: _core(forms[s], qualifier) for s in names}
    qualifiers = {s: _qualifiers(forms[s], qualifier) for s in names}

    def compatible(a: str, b: str) -> bool:
        """Not two different countries' institutions ("the Israeli" / "the Egyptian Foreign Ministry")."""
        return not (qualifiers[a] and qualifiers[b] and qualifiers[a] != qualifiers[b])

    by_core: dict[tuple[str, ...], list[str]] = {}
    for speaker in names:
        if cores[speaker]:
            by_core.setdefault(tuple(sorted(cores[speaker])), []).append(speaker)
    for same in by_core.values():
        countries = {qualifiers[s] for s in same if qualifiers[s]}
        for speaker in same:
            if qualifiers[speaker]:
                union(next(o for o in same if qualifiers[o] == qualifiers[speaker]), speaker)
            elif len(countries) <= 1:  # a form without a country joins the others when they name one country
                union(next((o for o in same if qualifiers[o]), same[0]), speaker)

    def fits(f: Form, core: tuple[str, ...], of: str | None) -> set[str]:
        return {
            find(other)
            for other in names
            if other != of
            and (of is None or compatible(of, other))
            and (acronym_of(f, forms[other]) or _part_of(core, cores[other], forms[other]))
        }

    for speaker in names:
        found = fits(forms[speaker], cores[speaker], speaker) - {find(speaker)}
        if len(found) == 1:
            union(found.pop(), speaker)
    for speaker, f in forms.items():
        trailing = None if f.is_name else _trailing_name(f)
        if trailing is not None:
            core = _core(trailing, qualifier)
            found = {find(n) for n in names if core and sorted(core) == sorted(cores[n])} or fits(trailing, core, None)
            if len(found) == 1:
                union(found.pop(), speaker)
    groups: dict[str, list[str]] = {}
    for speaker in counts:
        groups.setdefault(find(speaker), []).append(speaker)
    named: dict[str, str] = {}
    for members in groups.values():
        best = max(
            members,
            key=lambda s: (
                forms[s].is_name,
                # a full name without title ("Antony Blinken", not "Secretary of State Antony Blinken")
                _title_words(forms[s], qualifier) == 0 and len(_core(forms[s], qualifier)) >= 2,
                len(_core(forms[s], qualifier)),
                counts[s],
                s,
            ),
        )
        for member in members:
            named[member] = best
    return named


def _pronoun(f: Form) -> bool:
    return len(f.words) == 1 and not f.words[0].isupper() and f.folded[0] in _PRONOUNS


# A word after these ends a complement, not a name: "Greece" is not "the Communist Party of Greece".
_COMPLEMENT = frozenset("of for and in on at".split())


def _part_of(short: tuple[str, ...], long: tuple[str, ...], long_form: Form) -> bool:
    """A shorter core inside a longer one; a one-word core only as the longer name's last word ("Biden" in
    "Joe Biden"; not "Police" in "Police Commissioner Raymond Kelly", nor "Greece" in "Party of Greece")."""
    if not short or len(short) >= len(long):
        return False
    if len(short) == 1:
        after_complement = len(long_form.folded) > 1 and long_form.folded[-2] in _COMPLEMENT
        return not after_complement and _spelled_alike(short[0], long[-1])
    return _contained(short, long)


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    left = list(long)
    for word in short:
        found = _match(word, left)
        if found is None:
            return False
        left.remove(found)
    return True


def _qualifiers(f: Form, qualifier: Qualifier | None) -> frozenset[str]:
    found = {fold(q) for w in f.words if qualifier is not None and (q := qualifier(w)) is not None}
    return frozenset(found | ({" ".join(f.aside)} if f.aside else set()))
