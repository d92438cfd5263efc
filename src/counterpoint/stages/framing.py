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
  word, so the alternative is the word itself;
* ``loaded description``: a description of an actor in a loaded word where another outlet describes it
  without one ("Veltrian dictator Ivo Marek" -> "Veltrian leader"; :func:`counterpoint.stages.wording.
  description_notes`).

Divergent wording is in :mod:`counterpoint.stages.wording`, outlet profiles in :mod:`counterpoint.stages.profiles`
(parts of this stage: its name and version cover them).

Nothing here reads an outlet's name or reputation: swap two outlets' texts and their notes swap with them.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..bias import BiasModel, load_bias_model, quoted_spans
from ..embed import Embedder
from ..model import Article, FramingNote, Sentence
from ..nlp import ParsedLine
from .quotes import MIN_QUOTE_WORDS, QUOTED

NAME = "framing"
VERSION = "14"  # 2: loaded-sentence notes from the BABE bias model; 3: wording and sources by name forms;
# 4: labels for armed groups and military campaigns; 5: what follows "of" in a name is another referent ("Syria" /
# "Islamic State of Iraq and Syria"), and two abbreviations of one thing ("IS" / "ISIS") are no choice of words;
# one noun in two numbers ("woman" / "women") is two referents; 6: a pronoun speaker is no source in profiles;
# 7: "alleged(ly)" is no doubt-casting attribution; 8: a quoted title ("The Big Lebowski") is no scare quote, loaded
# adjectives joined by "and" go together ("disgusting and despicable act" -> "act"), and an acronym of a longer form
# of a name ("ISIS" / "Islamic State") is no choice of words; 9: how outlets describe one entity, where the descriptions
# differ in a loaded word ("North Korean dictator" / "North Korean leader"), with a "loaded description" note;
# British and American spellings ("rumour" / "rumor") and a name written in lower case ("sarah palin" / "Palin") are
# no choice of words; 10: "claims" as a noun ("the claims in the lawsuit") or said of a court filing ("the suit
# claims") casts no doubt; 11: a source named again ("the same source", "that source") counts once; 12: words a
# sentence says someone used ("explained", "asked", "derided him as", "nicknamed") are a partial quote; 13: a quoted
# sentence whose closing mark follows a space ('"It is unfair. "') is speech, no scare quote; 14: a speaker's country is
# read whole in profiles ("South Sudanese officials" are South Sudan's, not Sudan's)

# Quoted spans up to this many words are terms, not statements (the quotes stage takes longer ones).
SCARE_QUOTE_MAX_WORDS = 3
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
    r"according to|insisted|stressed|warned|vowed|demanded|expected to show|explained|asked|derided|denounced|"
    r"nicknamed|mocked|ridiculed)\b",
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
def _load(extra: tuple[tuple[str, int], ...]) -> Lexicon:
    texts = [resources.files("counterpoint").joinpath("data/framing.json").read_text("utf-8")]
    texts += [Path(p).read_text("utf-8") for p, _ in extra]
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
    """The bundled lexicon plus any user files in the same format; a file changed since it was last read (a
    lexicon edited while the web app runs) is read again."""
    return _load(tuple((str(p), Path(p).stat().st_mtime_ns) for p in extra))


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
                if _noun_at(parsed, sentence.start + match.start()) or _filing_claims(
                    parsed, sentence.start + match.start()
                ):
                    continue  # "the claims in the lawsuit", "the suit claims": the filing's words, not doubt
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
        if term.rstrip()[-1:] in tuple(".,;:!?"):
            # punctuation inside the marks (a space may follow it: 'unfair. "'): a piece of someone's sentence,
            # i.e. a partial quote
            continue
        if not _LETTER_WORD.search(term) or _CODE_TOKEN.search(term):
            continue  # page code or a size ("300x250", a hash) left in the text: no word to distance from
        is_name = any(s <= start and end <= e + 2 for s, e in entity_spans)
        if not is_name and _TITLE.fullmatch(term):
            continue  # "Lawrence of Arabia", "The Big Lebowski": the title of a work, quoted as style guides ask
        partial_quote = term.lower() in quoted_words
        if is_name or not (attributed or partial_quote):
            collector.add(match.start(), match.end(), "scare quotes", term)


def _token_at(parsed: ParsedLine | None, position: int) -> Any | None:
    """The parser's token at article offset ``position``, or None where there is no parse to ask."""
    if parsed is None:
        return None
    span = parsed.doc.char_span(position - parsed.start, position - parsed.start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _verb_at(parsed: ParsedLine | None, position: int) -> bool:
    """Whether the parser reads a verb at article offset ``position`` (true where there is no parse to ask)."""
    token = _token_at(parsed, position)
    return token is None or token.pos_ in ("VERB", "AUX")


def _noun_at(parsed: ParsedLine | None, position: int) -> bool:
    """Whether the parser reads a noun at article offset ``position`` (false where there is no parse to ask)."""
    token = _token_at(parsed, position)
    return token is not None and token.pos_ in ("NOUN", "PROPN")


# What a court filing does is "claim": the legal register's plain verb, as "alleged" is for a charge.
_FILINGS = frozenset("suit lawsuit complaint petition filing indictment motion appeal".split())


def _filing_claims(parsed: ParsedLine | None, position: int) -> bool:
    """Whether the verb at article offset ``position`` has a court filing for its subject ("the suit claims")."""
    token = _token_at(parsed, position)
    if token is None:
        return False
    subjects = (c.lower_ for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(word in _FILINGS or word.removesuffix("s") in _FILINGS for word in subjects)


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
