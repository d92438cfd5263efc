"""Checks on the reports of every gold story (the gate's stories): the wording section and the digest.

The checks restate the rules in plain terms instead of calling the code that applies them: a pair of
forms the wording section shows must not be one name written two ways, and a digest sentence that quotes
someone must say who. Reports are shared with the evaluation gate (:mod:`tests.gold_stories`); stories
whose texts are not there are skipped.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Any

import pytest
from rapidfuzz.distance import OSA

from .gold_stories import STORIES, gold_report

# Words that may stand between the parts of a name ("Department of State", "Fernandez de Kirchner").
NAME_JOINERS = {"of", "the", "for", "and", "de", "del", "da", "di", "la", "van", "von", "der", "al", "el", "bin"}
# The word before a modifier that opens a noun phrase ("in northern Gaza", "the occupied city").
PHRASE_OPENERS = {
    *"the a an this that these those its their his her our your my of in on at to for from by with into onto".split(),
    *"over under near across after before during against and or but as about than".split(),
}
DIRECTIONS = {
    *"north south east west northern southern eastern western central northeast northwest southeast".split(),
    *"southwest northeastern northwestern southeastern southwestern upper lower".split(),
}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "us"}
QUOTATION = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"")
FIRST_PERSON = re.compile(r"(?<![\w'\u2019])(?:I|we|We|my|My|our|Our|me|us)(?![\w'\u2019])")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.replace(".", ""))


def one_name_twice(a: str, b: str) -> str | None:
    """Why ``a`` and ``b`` are one name written two ways, or ``None``."""
    letters_a, letters_b = (re.sub(r"[\W_]", "", fold(t)) for t in (a, b))
    if letters_a == letters_b:
        return "spelling, case or punctuation"
    if OSA.normalized_similarity(letters_a, letters_b) >= 0.85:
        return "a spelling slip"
    for short, long in ((a, b), (b, a)):
        short_words, long_words = words(short), words(long)
        initials = "".join(w[0] for w in long_words if w[:1].isupper() and w.lower() not in NAME_JOINERS)
        if len(short_words) == 1 and short_words[0].isupper() and short_words[0].lower() == initials.lower():
            return "an acronym"
        folded_long = [w.lower() for w in long_words]
        if all(w.lower() in folded_long for w in short_words if w.lower() not in NAME_JOINERS):
            extra = [w for w in long_words if w.lower() not in {s.lower() for s in short_words}]
            if all(w[:1].isupper() or w.lower() in NAME_JOINERS for w in extra):
                return "a short form"
            if any(w.lower() in DIRECTIONS for w in extra):
                return "a different place"
    if {w.lower() for w in words(a)} ^ {w.lower() for w in words(b)} <= DIRECTIONS | NAME_JOINERS:
        return "a different place"
    return None


def sentence_texts(report: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: a["text"][s["start"] : s["end"]] for a in report["articles"] for s in a["sentences"]}


def miscut(variant: str, sentence: str) -> bool:
    """A name with a lower-case word before it that is glued to, or follows, words that are not the start
    of its noun phrase ("16-year-old Kimani Gray" cut to "old Kimani Gray", "made it clear Israel")."""
    parts = variant.split()
    if len(parts) < 2 or not parts[0][:1].islower() or not any(p[:1].isupper() for p in parts[1:]):
        return False
    if variant not in sentence:
        return False
    before = sentence[: sentence.index(variant)]
    if not before.strip() or before.rstrip()[-1:] in ',;:(\u201c"':
        return False
    if not before.endswith(" "):
        return True
    previous = before.split()[-1].lower()
    return previous not in PHRASE_OPENERS and not _after_a_verb(sentence, len(before))


def _after_a_verb(sentence: str, start: int) -> bool:
    """Whether the word before ``sentence[start:]`` is a verb, as the parser tags it: a bare noun phrase may
    open right after its verb ("to acquire startup SeaMicro")."""
    from counterpoint.nlp import load_nlp

    doc = load_nlp()(sentence)
    before = [t for t in doc if t.idx + len(t.text) <= start]
    return bool(before) and before[-1].pos_ in ("VERB", "AUX")


@pytest.mark.parametrize("story", STORIES)
def test_wording_never_shows_one_name_written_two_ways(story: str) -> None:
    report, _ = gold_report(story)
    texts = sentence_texts(report)
    found = []
    for wording in report["wording"]:
        variants = wording["variants"]
        for first, second in itertools.combinations(variants, 2):
            if first["outlet"] == second["outlet"] or first["text"] == second["text"]:
                continue
            why = one_name_twice(first["text"], second["text"])
            if why:
                found.append((first["text"], second["text"], why))
        found += [(v["text"], "cut from a longer phrase") for v in variants if miscut(v["text"], texts[v["sentence"]])]
    assert not found, f"{story}: {found}"


def speakers_named(text: str, speakers: set[str]) -> bool:
    """Whether ``text`` names one of ``speakers`` (a name by any of its capitalised words, a description
    in full); pronouns name nobody."""
    for speaker in speakers:
        if speaker.strip().lower() in PRONOUNS:
            continue
        names = [w for w in re.findall(r"[A-Z][\w'\u2019-]{2,}", speaker) if w.lower() not in NAME_JOINERS]
        if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) or speaker.lower() in text.lower():
            return True
    return False


SPEECH = r"(?:said|says|told|added|wrote|stated|explained|insisted|stressed|warned|recalled)"
NOT_PRONOUN = r"(?!(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I|[Yy]ou)\b)"
# A subject that is not a pronoun before a speech verb, or a name or description after one ('," said Fauzi').
SELF_ATTRIBUTED = re.compile(
    rf"\b{NOT_PRONOUN}\w+\s+{SPEECH}\b|[,:\"\u201d]\s*{SPEECH}\s+{NOT_PRONOUN}\w|\baccording to\s+{NOT_PRONOUN}\w"
)


@pytest.mark.parametrize("story", STORIES)
def test_the_digest_keeps_voices_and_tells_no_question(story: str) -> None:
    report, _ = gold_report(story)
    speakers: dict[str, set[str]] = {}
    for quote in report["quotes"]:
        speakers.setdefault(quote["sentence"], set()).add(quote["speaker"])
    problems = []
    for sentence in report["digest"]:
        text = sentence["text"]
        if "?" in text or re.match(
            r"\W*(?:why|how|what|who|where|when)\s+(?:did|does|do|is|are|was|were)\b", text, re.I
        ):
            problems.append(("a question", text))
        if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
            problems.append(("quotation marks lost", text))
        outside = QUOTATION.sub(" ", text)
        quotes = [q for q in QUOTATION.findall(text) if len(" ".join(q).split()) >= 4]
        if quotes or FIRST_PERSON.search(outside):
            known = set().union(*(speakers.get(s, set()) for s in sentence["sources"]))
            if not speakers_named(text, known) and not SELF_ATTRIBUTED.search(QUOTATION.sub('""', text)):
                problems.append(("a voice without its speaker", text))
    assert not problems, f"{story}: {problems}"
