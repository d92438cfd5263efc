"""Framing: how each outlet words the story, measured from its text.

Notes (``FramingNote``), each with its span and a plainer alternative:

* ``scare quotes``: quotation marks around a name, or around a short term in a sentence that attributes no
  words to anyone ("Israel" in quotes; a partial quote after "Shoukry said" is not one);
* ``contested label``, ``contested place name``, ``qualifying label``, and loaded nouns from the lexicon
  (``data/framing.json``), where every family lists the wording of every side for one referent, so the rule
  is the same whichever side an outlet takes;
* ``loaded adjective``: an evaluative adjective before a noun ("extremist settlers" -> "settlers");
* ``doubt-casting attribution``: "claimed", "so-called", "purported" ("alleged" is the legal hedge news
  owes an unproven charge, not a doubt the outlet casts);
* ``editorializing``: the writer's own comment ("did not fail, yet again, to blame" -> "blamed");
* ``loaded sentence``: a sentence in the outlet's own voice that the bias model learned on BABE
  (:mod:`counterpoint.bias`) finds likely to read as loaded (probability at least its ``note_threshold``),
  noted on each word of the learned lexicon it holds outside quotation marks. The model offers no plainer
  word, so the alternative is the word itself.

Divergent wording (:func:`divergent_wording`) is discovered, not looked up: in every pair of aligned claim
units, the same entity named differently ("Jerusalem" / "occupied al-Quds") or two different nouns in the
same grammatical slot ("a deal on captives" / "a deal on hostages") are the outlets' competing words for one
referent; one name written two ways (case, spelling, an acronym, a short form) or forms of different
referents ("southern" / "northern Gaza") are not (:func:`counterpoint.names.wording_choice`).

Profiles count each source once under all the forms that name it (:func:`counterpoint.names.speaker_groups`).

Nothing here reads an outlet's name or reputation: swap two outlets' texts and their notes swap with them.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .. import names
from ..bias import BiasModel, load_bias_model, quoted_spans
from ..embed import Embedder
from ..linking import FRAME_MIN_PROBABILITY
from ..model import Article, Comparison, FramingNote, OutletProfile, QuotedSource, Sentence, Wording
from ..nlp import ParsedLine
from ..text import STOPWORDS, stem
from .entities import Gazetteer
from .quotes import MIN_QUOTE_WORDS, QUOTED

NAME = "framing"
VERSION = "8"  # 2: loaded-sentence notes from the BABE bias model; 3: wording and sources by name forms;
# 4: labels for armed groups and military campaigns; 5: what follows "of" in a name is another referent ("Syria" /
# "Islamic State of Iraq and Syria"), and two abbreviations of one thing ("IS" / "ISIS") are no choice of words;
# one noun in two numbers ("woman" / "women") is two referents; 6: a pronoun speaker is no source in profiles;
# 7: "alleged(ly)" is no doubt-casting attribution; 8: a quoted title ("The Big Lebowski") is no scare quote, loaded
# adjectives joined by "and" go together ("disgusting and despicable act" -> "act"), and an acronym of a longer form
# of a name ("ISIS" / "Islamic State") is no choice of words

# Quoted spans up to this many words are terms, not statements (the quotes stage takes longer ones).
SCARE_QUOTE_MAX_WORDS = 3
# Two aligned sentences whose content words differ in more than this many are saying different things in
# different words; only near-identical sentences reveal a swapped term ("hostages" / "captives").
SLOT_MAX_DIFFERENT_WORDS = 6
# Words after a doubt-casting verb kept in the note's span, so the note shows what is doubted.
DOUBT_CONTEXT_WORDS = 2
# A sentence more than this share of which lies inside direct quotations speaks in someone else's voice: the
# bias model does not judge it (the same share the digest uses to call a sentence a quotation).
OWN_VOICE_MAX_QUOTED = 0.5
# Shorter sentences are outside what the bias model learned from: 99% of BABE's sentences have 9 words or
# more, and fragments ("But, hey.", "[Buzzfeed]") scored 0.6-0.9 on the gold stories.
BIAS_MIN_WORDS = 8
LOADED_SENTENCE = "loaded sentence"

_SCARE = re.compile(r"[\"\u201c\u2018'](?P<term>[A-Z\w][^\"\u201c\u201d\u2018\u2019]{0,40}?)[\"\u201d\u2019'](?![a-z])")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|stated|added|wrote|called|described|dubbed|termed|labell?ed|branded|urged|"
    r"according to|insisted|stressed|warned|vowed|demanded|expected to show)\b",
    re.I,
)


@dataclass(slots=True)
class Lexicon:
    """Compiled framing lexicon: contested-term families, loaded adjectives, doubt and editorial patterns."""

    terms: list[tuple[re.Pattern[str], str, str]]  # pattern, plain, kind
    adjectives: frozenset[str]
    adverbs: frozenset[str]
    doubt: list[tuple[re.Pattern[str], str, str]]  # pattern, plain, inflection
    editorial: list[tuple[re.Pattern[str], str, str]]
    verbs: list[tuple[re.Pattern[str], str, str]]  # judging verbs: only where the parser reads a verb
    # a term of one conflict's vocabulary -> the names that place an article in that conflict: "the occupation"
    # is a label for Israeli forces only in an article that names Israel, Gaza, the West Bank ...
    anchored: dict[re.Pattern[str], re.Pattern[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Lexicon:
    texts = [resources.files("counterpoint").joinpath("data/framing.json").read_text("utf-8")]
    texts += [Path(p).read_text("utf-8") for p in extra]
    terms: list[tuple[re.Pattern[str], str, str]] = []
    adjectives: set[str] = set()
    adverbs: set[str] = set()
    doubt: list[tuple[re.Pattern[str], str, str]] = []
    editorial: list[tuple[re.Pattern[str], str, str]] = []
    verbs: list[tuple[re.Pattern[str], str, str]] = []
    anchored: dict[re.Pattern[str], re.Pattern[str]] = {}
    for text in texts:
        data = json.loads(text)
        anchors = {
            conflict: re.compile(r"\b(?:" + "|".join(names) + ")", re.I)
            for conflict, names in data.get("conflicts", {}).items()
            if names
        }
        for family in data.get("families", []):
            for term in family["terms"]:
                pattern = re.compile(rf"(?<![\w-]){term}(?![\w-])", re.I)
                terms.append((pattern, family["plain"], family["kind"]))
                if family.get("conflict") in anchors:
                    anchored[pattern] = anchors[family["conflict"]]
        adjectives.update(a.lower() for a in data.get("loaded_adjectives", []))
        adverbs.update(a.lower() for a in data.get("loaded_adverbs", []))
        doubt += [
            (re.compile(rf"\b{d['pattern']}\b", re.I), d["plain"], d.get("inflect", ""))
            for d in data.get("doubt_casting", [])
        ]
        editorial += [
            (re.compile(rf"\b{e['pattern']}\b", re.I), e["plain"], e.get("inflect", ""))
            for e in data.get("editorializing", [])
        ]
        verbs += [
            (re.compile(rf"\b{v['pattern']}\b", re.I), v["plain"], v.get("inflect", ""))
            for v in data.get("loaded_verbs", [])
        ]
    terms.sort(
        key=lambda t: -len(t[0].pattern)
    )  # longest wording first: "Israeli occupation forces" before "occupation"
    return Lexicon(terms, frozenset(adjectives), frozenset(adverbs), doubt, editorial, verbs, anchored)


def load_lexicon(extra: Sequence[str | Path] = ()) -> Lexicon:
    """The bundled lexicon plus any user files in the same format."""
    return _load(tuple(str(p) for p in extra))


_WORD = re.compile(r"[\w'-]+")


def lexicon_hits(text: str, lexicon: Lexicon) -> int:
    """How many stretches of ``text`` the lexicon matches, without a parse: one of the bias model's features.

    Terms, doubt-casting and editorializing patterns and judging verbs by their patterns; loaded adjectives
    and adverbs as words wherever they stand (a note needs the parse to see them modify something).
    """
    patterns = [p for p, _, _ in lexicon.terms + lexicon.doubt + lexicon.editorial + lexicon.verbs]
    spans = [(m.start(), m.end()) for p in patterns for m in p.finditer(text)]
    loaded = lexicon.adjectives | lexicon.adverbs
    spans += [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group().lower() in loaded]
    hits, covered = 0, -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= covered:  # overlapping matches ("the occupation" in "occupation forces") count once
            hits, covered = hits + 1, end
    return hits


@dataclass(slots=True)
class _Notes:
    article: Article
    sentence: Sentence
    found: list[FramingNote] = field(default_factory=list)

    quoted: list[tuple[int, int]] = field(default_factory=list)  # direct quotes: the speaker's words, not the outlet's

    def add(self, start: int, end: int, kind: str, alternative: str) -> None:
        start += self.sentence.start
        end += self.sentence.start
        if any(n.start < end and start < n.end for n in self.found):
            return  # one note per stretch of text: the first (most specific) rule wins
        if any(q_start <= start and end <= q_end for q_start, q_end in self.quoted):
            return
        text = self.article.text[start:end]
        self.found.append(
            FramingNote(self.article.article_id, self.sentence.sentence_id, start, end, text, kind, alternative)
        )


def find_framing(
    article: Article,
    lines: list[ParsedLine],
    lexicon: Lexicon,
    entity_spans: list[tuple[int, int]],
    embedder: Embedder | None = None,
    bias_model: BiasModel | None = None,
) -> list[FramingNote]:
    """Every framing note in ``article`` (title, dek and body).

    With an ``embedder`` (the pipeline passes its caching one, which has already embedded the sentences),
    sentences are also scored by the bias model (the shipped one unless ``bias_model`` is given) and the
    loaded ones get ``loaded sentence`` notes.
    """
    notes: list[FramingNote] = []
    by_line = {p.line: p for p in lines}
    quoted = [
        (m.start(), m.end())
        for m in QUOTED.finditer(article.text)
        if len((m.group("a") or m.group("b") or m.group("c") or "").split()) >= MIN_QUOTE_WORDS
        and "\n" not in m.group()
    ]
    quoted_words = " ".join(article.text[a:b].lower() for a, b in quoted)
    # the vocabularies of conflicts this article does not name (searched once per article, not per sentence)
    elsewhere = {anchor for anchor in set(lexicon.anchored.values()) if not anchor.search(article.text)}
    for sentence in article.sentences:
        if sentence.role in ("dateline",):
            continue
        text = article.sentence_text(sentence)
        collector = _Notes(article, sentence, quoted=quoted)
        _scare_quotes(collector, text, entity_spans, quoted_words)
        for pattern, plain, kind in lexicon.terms:
            if lexicon.anchored.get(pattern) in elsewhere:
                continue  # another conflict's vocabulary: "the occupation of Yazidi villages" labels nobody
            for match in pattern.finditer(text):
                collector.add(match.start(), match.end(), kind, plain)
        parsed = by_line.get(sentence.line)
        for pattern, plain, inflect in lexicon.editorial:
            for match in pattern.finditer(text):
                if pattern.groups and not _verb_at(parsed, sentence.start + match.start(1)):
                    continue  # "rushed to blame" judges, "rushed to hospital" does not
                alternative = _inflect(match.expand(plain).strip(), inflect, match.group())
                collector.add(match.start(), match.end(), "editorializing", alternative)
        for pattern, plain, inflect in lexicon.doubt:
            for match in pattern.finditer(text):
                end, tail = _extend(text, match.end(), DOUBT_CONTEXT_WORDS)
                verb = _inflect(plain, inflect, match.group())
                alternative = f"{verb} {tail}".strip() if verb else tail
                collector.add(match.start(), end, "doubt-casting attribution", alternative)
        if parsed is not None:
            _loaded_adjectives(collector, parsed, lexicon)
            _loaded_verbs(collector, text, parsed, lexicon)
        notes.extend(collector.found)
    if embedder is not None:
        notes += _loaded_sentences(article, quoted, notes, embedder, bias_model or load_bias_model())
    return notes


def _loaded_sentences(
    article: Article,
    quoted: list[tuple[int, int]],
    notes: list[FramingNote],
    embedder: Embedder,
    model: BiasModel,
) -> list[FramingNote]:
    """Notes on the learned-lexicon words of own-voice sentences the bias model finds loaded.

    Runs after every other rule, so its notes never take a stretch of text from a more specific one.
    """
    sentences = []
    for sentence in article.sentences:
        if sentence.role == "dateline" or not article.compared(sentence) or sentence.end <= sentence.start:
            continue
        inside = sum(max(0, min(b, sentence.end) - max(a, sentence.start)) for a, b in quoted)
        own_voice = inside <= OWN_VOICE_MAX_QUOTED * (sentence.end - sentence.start)
        if own_voice and len(article.sentence_text(sentence).split()) >= BIAS_MIN_WORDS:
            sentences.append(sentence)
    if not sentences:
        return []
    texts = [article.sentence_text(s) for s in sentences]
    bundled = load_lexicon()  # the model was fitted on the bundled lexicon's hits, not a user's additions
    probability = model.probability(texts, embedder.encode(texts), [lexicon_hits(t, bundled) for t in texts])
    found: list[FramingNote] = []
    for sentence, text, p in zip(sentences, texts, probability, strict=True):
        if p < model.note_threshold:
            continue
        collector = _Notes(article, sentence, quoted=quoted)
        collector.found = [n for n in notes if n.sentence_id == sentence.sentence_id]
        taken = len(collector.found)
        in_quotes = quoted_spans(text)  # partial quotes too: "blatantly lied" is the speaker's
        for start, end in model.evidence(text):
            if not any(a <= start and end <= b for a, b in in_quotes):
                collector.add(start, end, LOADED_SENTENCE, text[start:end])
        found += collector.found[taken:]
    return found


_IRREGULAR_PAST = {"say": "said", "tell": "told", "make": "made", "take": "took", "give": "gave", "blame": "blamed"}
# stems of irregular forms are looked up before the regular rule
_SAY_FORMS = {"ing": "saying", "ed": "said", "s": "says", "": "say"}


def _inflect(plain: str, how: str, matched: str) -> str:
    """Give the plain wording the grammatical form of what it replaces."""
    if not plain or not how:
        return plain
    words = plain.split()
    if how == "past":
        verb = words[0]
        words[0] = _IRREGULAR_PAST.get(verb, verb + ("d" if verb.endswith("e") else "ed"))
    elif how == "same" and words[0] in ("say", "said"):
        first = matched.split()[0].lower()
        suffix = next((s for s in ("ing", "ed", "s") if first.endswith(s)), "")
        words[0] = _SAY_FORMS[suffix]
    elif how == "same-verb":
        words[0] = _same_form(words[0], matched.split()[0].lower())
    return " ".join(words)


def _same_form(verb: str, model: str) -> str:
    """``verb`` in the form of ``model`` (criticize + "slammed" -> "criticized")."""
    if model.endswith("ing"):
        return _IRREGULAR_ING.get(verb, (verb[:-1] if verb.endswith("e") else verb) + "ing")
    if model.endswith(("ed", "d")) and not model.endswith("eed"):
        return _IRREGULAR_PAST.get(verb, verb + ("d" if verb.endswith("e") else "ed"))
    if model.endswith("s") and not model.endswith("ss"):
        return verb + ("es" if verb.endswith(("sh", "ch", "s")) else "s")
    return verb


_IRREGULAR_ING = {"say": "saying"}


def _extend(text: str, position: int, words: int) -> tuple[int, str]:
    match = re.match(rf"(?:\s+[\w'-]+){{0,{words}}}", text[position:])
    tail = match.group() if match else ""
    return position + len(tail), tail.strip()


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# Two words or more, every one capitalised but short joiners: a title ("Lawrence of Arabia", "The Big Lebowski").
_TITLE = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|the|a|an|and|in|on|at|to|for)\s+)*[A-Z0-9][\w'\u2019-]*)+")
_CODE_TOKEN = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")


def _scare_quotes(collector: _Notes, text: str, entity_spans: list[tuple[int, int]], quoted_words: str) -> None:
    """Quote marks around a name, or around a term nobody is said to have said.

    A term that is part of a longer quotation elsewhere in the article is a partial quote, not a scare quote.
    """
    attributed = bool(_ATTRIBUTION.search(text))
    offset = collector.sentence.start
    for match in _SCARE.finditer(text):
        term = match["term"]
        if len(term.split()) > SCARE_QUOTE_MAX_WORDS or (
            match.group()[0] == "'" and match.start() > 0 and text[match.start() - 1].isalpha()
        ):
            continue
        start, end = match.start("term") + offset, match.end("term") + offset
        if term[-1] in ".,;:!?":
            continue  # punctuation inside the marks: a piece of someone's sentence, i.e. a partial quote
        if not _LETTER_WORD.search(term) or _CODE_TOKEN.search(term):
            continue  # page code or a size ("300x250", a hash) left in the text: no word to distance from
        is_name = any(s <= start and end <= e + 2 for s, e in entity_spans)
        if not is_name and _TITLE.fullmatch(term):
            continue  # "Lawrence of Arabia", "The Big Lebowski": the title of a work, quoted as style guides ask
        partial_quote = term.lower() in quoted_words
        if is_name or not (attributed or partial_quote):
            collector.add(match.start(), match.end(), "scare quotes", term)


def _verb_at(parsed: ParsedLine | None, position: int) -> bool:
    """Whether the parser reads a verb at article offset ``position`` (true where there is no parse to ask)."""
    if parsed is None:
        return True
    span = parsed.doc.char_span(position - parsed.start, position - parsed.start + 1, alignment_mode="expand")
    return span is None or not len(span) or span[0].pos_ in ("VERB", "AUX")


def _loaded_verbs(collector: _Notes, text: str, parsed: ParsedLine, lexicon: Lexicon) -> None:
    """Verbs that judge what they report ("slammed"), where the parser reads a verb ("the blast" is a noun)."""
    offset = collector.sentence.start - parsed.start
    for pattern, plain, inflect in lexicon.verbs:
        for match in pattern.finditer(text):
            span = parsed.doc.char_span(offset + match.start(), offset + match.end(), alignment_mode="expand")
            if span is None or not len(span) or span[0].pos_ != "VERB":
                continue
            if plain == "say" and any(child.dep_ == "auxpass" for child in span[0].children):
                continue  # a verb of saying in the passive says nothing: "was admitted to hospital"
            collector.add(match.start(), match.end(), "editorializing", _inflect(plain, inflect, match.group()))


def _loaded_adjectives(collector: _Notes, parsed: ParsedLine, lexicon: Lexicon) -> None:
    sentence = collector.sentence
    for token in parsed.doc:
        position = parsed.start + token.idx
        if not sentence.start <= position < sentence.end:
            continue
        word = token.text.lower()
        if word in lexicon.adverbs and token.dep_ == "advmod" and token.head.i == token.i + 1:
            head = token.head
            end = parsed.start + head.idx + len(head.text) - sentence.start
            collector.add(position - sentence.start, end, "loaded adjective", head.text)
            continue
        if word not in lexicon.adjectives:
            continue
        if token.dep_ not in ("amod", "compound") or token.head.i <= token.i:
            continue
        head = token.head
        if any(t.is_punct or t.is_quote for t in parsed.doc[token.i + 1 : head.i]):
            continue  # an attachment across punctuation is a parse slip, not a modifier
        start = position - sentence.start
        end = parsed.start + head.idx + len(head.text) - sentence.start
        # "disgusting and despicable act" -> "act": the conjunction and loaded adjectives joined to this one go
        # with it; a plain one stays ("brutal and sudden attack" -> "sudden attack")
        dropped = {
            t.i for t in token.children if t.dep_ == "cc" or (t.dep_ == "conj" and t.text.lower() in lexicon.adjectives)
        }
        kept = [t for t in parsed.doc[token.i + 1 : head.i + 1] if t.i not in dropped]
        between = "".join(t.text_with_ws for t in kept).strip()
        collector.add(start, end, "loaded adjective", between)


def divergent_wording(comparison: Comparison, parsed: dict[str, list[ParsedLine]]) -> list[Wording]:
    """Competing words for one referent in aligned sentences of different outlets."""
    outlet_of = {s.sentence_id: a.outlet for a in comparison.articles for s in a.sentences}
    mentions: dict[str, list[tuple[str, str, int, int]]] = {}
    for entity in comparison.entities:
        for m in entity.mentions:
            mentions.setdefault(m.sentence_id, []).append((entity.entity_id, entity.name, m.start, m.end))
    docs = {(p.article_id, p.line): p for lines in parsed.values() for p in lines}
    sentence_of = {s.sentence_id: (a, s) for a in comparison.articles for s in a.sentences}
    found: dict[tuple[str, ...], Wording] = {}
    seen: set[tuple[str, str]] = set()
    views: dict[str, tuple[frozenset[str], dict[tuple[str, str], Any]]] = {}
    for claim in comparison.claims:
        for link in claim.links:
            if (link.sentence_a, link.sentence_b) in seen:
                continue
            seen.add((link.sentence_a, link.sentence_b))
            sides = []
            for sentence_id in (link.sentence_a, link.sentence_b):
                article, sentence = sentence_of[sentence_id]
                line = docs.get((article.article_id, sentence.line))
                if line is None:
                    break
                if sentence_id not in views:
                    views[sentence_id] = sentence_slots(list(line.tokens_between(sentence.start, sentence.end)))
                sides.append((article, sentence, line))
            if len(sides) != 2:
                continue
            pair = [views[link.sentence_a], views[link.sentence_b]]
            # a word in place of another is a choice only where the two sentences say the same thing: the
            # judge's bar for one frame (conflicts), not a claim's membership ("alleging conspiracy in 2016
            # election" / "alleges conspiracy in new lawsuit": one claim, two referents)
            slotted = _slot_variants(sides, pair) if link.probability >= FRAME_MIN_PROBABILITY else []
            for referent, wording_a, wording_b in _entity_variants(sides, mentions) + slotted:
                key = (referent, *sorted((wording_a[1].lower(), wording_b[1].lower())))
                wording = found.setdefault(key, Wording(referent, []))
                for sentence_id, text in (wording_a, wording_b):
                    entry = (outlet_of[sentence_id], text, sentence_id)
                    if entry not in wording.variants:
                        wording.variants.append(entry)
    return list(found.values())


def _entity_variants(
    sides: list[tuple[Article, Sentence, ParsedLine]], mentions: dict[str, list[tuple[str, str, int, int]]]
) -> list[tuple[str, tuple[str, str], tuple[str, str]]]:
    per_side: list[dict[str, tuple[str, str]]] = []
    for article, sentence, line in sides:
        forms: dict[str, tuple[str, str]] = {}
        for entity_id, name, start, end in mentions.get(sentence.sentence_id, []):
            start = _with_modifiers(line, start, end)
            forms[entity_id] = (name, article.text[start:end])
        per_side.append(forms)
    variants = []
    for entity_id in per_side[0].keys() & per_side[1].keys():
        (name, a), (_, b) = per_side[0][entity_id], per_side[1][entity_id]
        if names.wording_choice(_plain(a), _plain(b)):
            variants.append((name, (sides[0][1].sentence_id, a), (sides[1][1].sentence_id, b)))
    return variants


def _plain(text: str) -> str:
    return re.sub(r"^(?:the)\s+|['\u2019]s$", "", text.strip("\"'\u201c\u201d ")).strip()


# Tags of the word before a modifier that opens a noun phrase ("the occupied", "in southern", "(occupied");
# a main verb opens one too ("entered occupied al-Quds"). After a noun, a pronoun or an auxiliary the word
# is not the name's modifier but a predicate ("a boy named Yair", "made it clear Israel", "have fled South
# Kordofan").
_PHRASE_OPENERS = frozenset({"DT", "PDT", "IN", "TO", "CC", "PRP$", "WP$", "POS", ",", ":", "-LRB-", "``"})


_AUXILIARIES = frozenset({"be", "have", "do"})


def _main_verb(token: Any) -> bool:
    """A verb that is not an auxiliary: "entered" in "entered occupied al-Quds", not "have" in "have fled"."""
    return bool(
        token.tag_.startswith("VB") and token.dep_ not in ("aux", "auxpass") and token.lemma_ not in _AUXILIARIES
    )


def _with_modifiers(line: ParsedLine, start: int, end: int) -> int:
    """Extend a mention to the left over descriptive words right before it ("occupied al-Quds").

    The word is taken by its tag (an adjective or participle), not its attachment: the small parser often
    reads "occupied al-Quds" as a verb and its object. The modifiers are kept only when they open the noun
    phrase: at the start of the sentence or after a determiner, preposition, conjunction, possessive,
    punctuation or main verb; never glued to the word before ("Gaza-based Hamas", "16-year-old Kimani
    Gray"), and never when the name itself modifies a noun after it (the adjective is that noun's).
    """
    span = line.doc.char_span(start - line.start, end - line.start, alignment_mode="expand")
    if span is None or not len(span):
        return start
    if span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.i >= span.end:
        return start  # the name modifies a noun after it: "a possible Moscow summit" is a possible summit
    first = span.start
    while first > 0:
        before = line.doc[first - 1]
        if before.tag_ in ("JJ", "VBN") and before.text.islower() and before.text not in STOPWORDS:
            first -= 1
        else:
            break
    if first == span.start:
        return start
    opener = line.doc[first - 1] if first > 0 else None
    if opener is not None and opener.tag_ not in _PHRASE_OPENERS and not _main_verb(opener):
        return start
    return int(line.start + line.doc[first].idx)


def sentence_slots(tokens: list[Any]) -> tuple[frozenset[str], dict[tuple[str, str], Any]]:
    """A sentence's content-word stems and its common nouns by grammatical slot (dependency, anchor stem)."""
    contents = frozenset(stem(t.text.lower()) for t in tokens if t.is_alpha and t.text.lower() not in STOPWORDS)
    slots: dict[tuple[str, str], Any] = {}
    for token in tokens:
        if token.pos_ != "NOUN" or token.ent_type_ or token.text.lower() in STOPWORDS:
            continue
        anchor = token.head if token.head.pos_ != "ADP" else token.head.head
        slots[(token.dep_, stem(anchor.text.lower()))] = token
    return contents, slots


def _slot_variants(
    sides: list[tuple[Article, Sentence, ParsedLine]],
    views: list[tuple[frozenset[str], dict[tuple[str, str], Any]]],
) -> list[tuple[str, tuple[str, str], tuple[str, str]]]:
    """Two nouns in the same grammatical slot of two sentences that otherwise say nearly the same thing.

    ``views`` are the two sentences' :func:`sentence_slots`.
    """
    if len(views[0][0] ^ views[1][0]) > SLOT_MAX_DIFFERENT_WORDS:
        return []
    slots = [views[0][1], views[1][1]]
    variants = []
    for slot in slots[0].keys() & slots[1].keys():
        a, b = slots[0][slot], slots[1][slot]
        stem_a, stem_b = stem(a.text.lower()), stem(b.text.lower())
        # a word the other sentence also has, anywhere, was not replaced: the two say different things
        # ("a doctor at a clinic in X" / "a doctor at a clinic, X district")
        if stem_a in views[1][0] or stem_b in views[0][0] or slot[1] in (stem_a, stem_b):
            continue
        if slot[1] in STOPWORDS or len(slot[1]) < 3:
            continue
        if not names.wording_choice(a.text, b.text):
            continue  # "centre" / "center", "IMF" / "Fund": one word spelled or shortened two ways
        if {a.tag_, b.tag_} in ({"NN", "NNS"}, {"NNP", "NNPS"}):
            continue  # "woman" / "women": one and many are two referents
        referent = f"{b.text.lower()} / {a.text.lower()}"
        variants.append((referent, (sides[0][1].sentence_id, a.text), (sides[1][1].sentence_id, b.text)))
    return variants


_PRONOUN_SPEAKERS = frozenset("he she they it we i you".split())


def profiles(comparison: Comparison, gazetteer: Gazetteer | None = None) -> list[OutletProfile]:
    """Per outlet: who it quotes (with affiliation), its framing notes by kind, and what it leaves out.

    A source is counted once under all the forms that name it across the comparison ("Joe Biden" /
    "Biden" / "President Biden", "the State Department" / "U.S. State Department":
    :func:`counterpoint.names.speaker_groups`), under the group's fullest name. A speaker's affiliation is
    its entity's (a title, a description, an organisation's country), else a country its description names
    ("a US official", "Israeli officials") when a gazetteer is given.
    """
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    affiliation = {e.entity_id: e.affiliation for e in comparison.entities}
    qualifier = gazetteer.is_qualifier if gazetteer is not None else None
    group_of = names.speaker_groups((q.speaker for q in comparison.quotes), qualifier)

    def affiliation_of(speaker: str, entity_id: str | None) -> str | None:
        known = affiliation.get(entity_id or "")
        if known or gazetteer is None or entity_id:
            return known
        countries = {c for word in speaker.split() if (c := gazetteer.is_qualifier(word.strip(",.")))}
        return countries.pop() if len(countries) == 1 else None

    group_affiliation: dict[str, Counter[str]] = {}
    for quote in comparison.quotes:
        found = affiliation_of(quote.speaker, quote.speaker_entity_id)
        if found:
            group_affiliation.setdefault(group_of[quote.speaker], Counter())[found] += 1
    result = []
    for outlet in sorted(set(outlet_of.values())):
        quoted: Counter[str] = Counter()
        for quote in comparison.quotes:
            # a pronoun the quotes stage could not resolve ("he said") names no source to count
            if outlet_of[quote.article_id] == outlet and quote.speaker.strip().lower() not in _PRONOUN_SPEAKERS:
                quoted[group_of[quote.speaker]] += 1
        kinds = Counter(n.kind for n in comparison.framing if outlet_of[n.article_id] == outlet)
        sources = [
            QuotedSource(speaker, _most_common(group_affiliation.get(speaker)), count)
            for speaker, count in quoted.most_common()
        ]
        result.append(
            OutletProfile(outlet, sources, dict(sorted(kinds.items())), list(comparison.omissions.get(outlet, [])))
        )
    return result


def _most_common(counts: Counter[str] | None) -> str | None:
    return counts.most_common(1)[0][0] if counts else None
