"""Divergent wording: the different words outlets use for one referent, discovered, not looked up.

In every pair of aligned claim units, the same entity named differently ("Jerusalem" / "occupied al-Quds") or
two different nouns in the same grammatical slot ("a deal on captives" / "a deal on hostages") are the outlets'
competing words for one referent; one name written two ways (case, spelling, an acronym, a short form) or forms
of different referents ("southern" / "northern Gaza") are not (:func:`counterpoint.names.wording_choice`).
Part of the framing stage (its name and version cover it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .. import names
from ..bias import learned_words, load_bias_model, quoted_spans
from ..linking import FRAME_MIN_PROBABILITY
from ..model import Article, Comparison, FramingNote, Sentence, Wording
from ..nlp import ParsedLine
from ..text import STOPWORDS, stem
from .framing import Lexicon, lexicon_hits, load_lexicon

# Two aligned sentences whose content words differ in more than this many are saying different things in
# different words; only near-identical sentences reveal a swapped term ("hostages" / "captives").
SLOT_MAX_DIFFERENT_WORDS = 6
# A description of an entity is a short noun phrase ("the Palestinian militant group"); longer ones describe
# something else as well.
DESCRIPTION_MAX_WORDS = 6
# A description's noun or adjective is loaded when BABE's annotators marked it in at least this share of the
# sentences that hold it. The learned lexicon keeps words from 0.3, where rare plain words sit beside loaded
# ones ("machines" 0.31, "bureau", "stuff"); labels read as loaded on the dev stories and NewsWCL50's dev
# events stand at 0.4 and over ("infamous" 0.40, "dictator" 0.43, "illegal" 0.47, "thug" 0.75).
LOADED_MIN_RATE = 0.4
# Nouns that name a name, not what it names ("known by the acronyms ISIL and ISIS", "the nickname Bibi").
_NAMING_NOUNS = frozenset("acronym acronyms abbreviation abbreviations name names nickname nicknames moniker".split())
# Entity types whose name, modifying a noun, is described by it ("the Hamas militant group").
_AGENTS = frozenset({"PERSON", "ORG", "NORP"})
# The kind of a framing note on a description in a loaded word that another outlet does without.
LOADED_DESCRIPTION = "loaded description"
# An entity's entry lists at most this many descriptions, those of the most outlets first.
DESCRIPTIONS_SHOWN = 6


def divergent_wording(comparison: Comparison, parsed: dict[str, list[ParsedLine]]) -> list[Wording]:
    """Competing words for one referent in aligned sentences of different outlets."""
    mentions: dict[str, list[tuple[str, str, int, int]]] = {}
    for entity in comparison.entities:
        for m in entity.mentions:
            mentions.setdefault(m.sentence_id, []).append((entity.entity_id, entity.name, m.start, m.end))
    docs = {(p.article_id, p.line): p for lines in parsed.values() for p in lines}
    sentence_of = comparison.sentence_index()
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
                    entry = (comparison.outlet_of(sentence_id), text, sentence_id)
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
    """A name's form as compared: without quotes, a leading "the" and a possessive. A form written all in
    lower case ("sarah palin" in a lower-case headline) says nothing by its case: its words are read as a
    name's."""
    text = re.sub(r"^(?:the)\s+|['\u2019]s$", "", text.strip("\"'\u201c\u201d ")).strip()
    return text.title() if text.islower() else text


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


@dataclass(slots=True)
class Described:
    """How the outlets of a comparison describe one entity, where two of them differ in a loaded word."""

    referent: str
    labels: list[str]  # the descriptions (lower case), those of the most outlets first
    # each description's occurrences, outside quotation marks: (outlet, text, sentence id, start, end)
    occurrences: dict[str, list[tuple[str, str, str, int, int]]]
    loaded: dict[str, set[str]]  # each description's loaded words

    def wording(self) -> Wording:
        """The entry of the wording section: each outlet's descriptions (one occurrence each)."""
        entries = []
        for label in self.labels[:DESCRIPTIONS_SHOWN]:
            outlets: set[str] = set()
            for outlet, text, sentence_id, _, _ in self.occurrences[label]:
                if outlet not in outlets:
                    outlets.add(outlet)
                    entries.append((outlet, text, sentence_id))
        return Wording(self.referent, entries, "described")


def entity_descriptions(
    comparison: Comparison, parsed: dict[str, list[ParsedLine]], lexicon: Lexicon | None = None
) -> list[Described]:
    """How outlets describe one resolved entity: the common nouns they set beside its name, as a title
    ("North Korean dictator Kim Jong Un"), in apposition ("Hamas, the militant group that rules Gaza") or, for
    a person or an organisation, as the noun its name modifies ("the Hamas terror group") when some outlet
    uses that noun for it in one of the other ways or the lexicon knows it as a label ("Hamas terrorists";
    not "the SeaMicro servers").

    An entity is listed when two outlets describe it in different words and a word of one description that
    the other lacks is loaded (:func:`loaded_words`, with ``lexicon``, the bundled framing lexicon unless
    given): "dictator" against "leader", not "accountant" against "employee". Descriptions inside quotation
    marks are the speaker's, not the outlet's, and are left out; one description written two ways is shown
    once, as most outlets wrote it.
    """
    docs = {(p.article_id, p.line): p for lines in parsed.values() for p in lines}
    sentence_of = comparison.sentence_index()
    lexicon = lexicon or load_lexicon()
    contested = [(pattern, plain) for pattern, plain, kind in lexicon.terms if kind == "contested label"]
    found = []
    for entity in comparison.entities:
        # each description: (label, head stem, occurrence); a noun the name modifies is kept only if some
        # outlet calls the entity that in another way, or it holds a contested label of the lexicon, or it is
        # the plain term of a label some outlet uses for the entity ("Hamas terrorists" and so "Hamas
        # militants"; not "ISIS hostage": no outlet calls ISIS "captives")
        phrases: list[tuple[str, str, tuple[str, str, str, int, int]]] = []
        heads: set[str] = set()
        loaded: dict[str, set[str]] = {}
        termed: set[str] = set()
        for mention in entity.mentions:
            article, sentence = sentence_of[mention.sentence_id]
            line = docs.get((article.article_id, sentence.line))
            if line is None or sentence.role != "body":
                continue
            quoted = quoted_spans(article.sentence_text(sentence))
            for modified, phrase in _descriptions(line, mention.start, mention.end, entity.type in _AGENTS):
                start, end = line.start + phrase[0].idx, line.start + phrase[-1].idx + len(phrase[-1])
                if any(a <= start - sentence.start < b for a, b in quoted):
                    continue  # a speaker's words, not the outlet's
                outlet, text = comparison.outlet_of(mention.sentence_id), article.text[start:end]
                label, head = " ".join(t.lower_ for t in phrase), stem(phrase[-1].lower_)
                phrases.append((label, head, (outlet, text, mention.sentence_id, start, end)))
                if label not in loaded:
                    loaded[label] = loaded_words(phrase, lexicon)
                    plains = [plain for pattern, plain in contested if pattern.search(label)]
                    if plains:
                        termed.add(label)
                        heads |= {stem(w) for plain in plains for w in re.findall(r"[a-z]{3,}", plain.lower())[-1:]}
                if not modified:
                    heads.add(head)
        occurrences: dict[str, list[tuple[str, str, str, int, int]]] = defaultdict(list)
        for label, head, found_at in phrases:
            if head in heads or label in termed:
                occurrences[label].append(found_at)
        # one description written two ways ("North Korean leader" / "North Korea leader" / "leader") is shown
        # once, as most outlets wrote it
        outlets = {label: {o[0] for o in found_at} for label, found_at in occurrences.items()}
        shown: list[str] = []
        for label in sorted(occurrences, key=lambda label: -len(outlets[label])):
            text = occurrences[label][0][1]
            if all(names.wording_choice(text, occurrences[other][0][1]) for other in shown):
                shown.append(label)
        if _differ_in_connotation([(label, outlets[label], occurrences[label][0][1]) for label in shown], loaded):
            found.append(Described(entity.name, shown, {label: occurrences[label] for label in shown}, loaded))
    return found


def description_notes(comparison: Comparison, described: list[Described]) -> list[FramingNote]:
    """Framing notes on descriptions in a loaded word that another outlet describes the same entity without
    ("North Korean dictator", where another outlet writes "North Korean leader": the plain description is
    the alternative, one with the same noun if there is one), where no note of the comparison's covers the
    words already."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for note in comparison.framing:
        covered[note.sentence_id].append((note.start, note.end))
    article_of = comparison.sentence_index()
    notes = []
    for entry in described:
        plain = [label for label in entry.labels if not entry.loaded[label]]
        for label in entry.labels:
            if not entry.loaded[label] or not plain:
                continue
            # the plain description with the same noun ("extremist group" -> "militant group"), else the first
            head = label.split()[-1]
            chosen = next((other for other in plain if other.split()[-1] == head), plain[0])
            alternative = entry.occurrences[chosen][0][1]
            for _, text, sentence_id, start, end in entry.occurrences[label]:
                if any(a < end and start < b for a, b in covered[sentence_id]):
                    continue
                covered[sentence_id].append((start, end))
                article_id = article_of[sentence_id][0].article_id
                notes.append(FramingNote(article_id, sentence_id, start, end, text, LOADED_DESCRIPTION, alternative))
    return notes


def _plain_stems(lexicon: Lexicon) -> frozenset[str]:
    """The stems of the framing lexicon's plainer terms ("hostages", "militants"): never loaded, whatever
    BABE's rates say (the bias model's evidence words leave them out too)."""
    return frozenset(s for _, plain, _ in lexicon.terms for _, _, s in learned_words(plain))


def _differ_in_connotation(shown: list[tuple[str, set[str], str]], loaded: dict[str, set[str]]) -> bool:
    """Whether two descriptions (label, outlets, text as written) used by different outlets differ in a
    loaded word and are not one name written two ways."""
    for i, (first, outlets_a, text_a) in enumerate(shown):
        for second, outlets_b, text_b in shown[i + 1 :]:
            if len(outlets_a | outlets_b) < 2 or not names.wording_choice(text_a, text_b):
                continue
            differing = set(first.split()) ^ set(second.split())
            if (loaded[first] | loaded[second]) & differing:
                return True
    return False


def _descriptions(line: ParsedLine, start: int, end: int, agent: bool) -> list[tuple[bool, list[Any]]]:
    """The descriptions of the name at ``start:end``, each a noun phrase of words (hyphenated ones too) with
    no figure (an age or a year is a fact, not a label), ending in a lower-case noun or in a title
    ("far-right National Security Minister"): a title before it inside its phrase, an apposition, and for
    an ``agent`` the noun the name modifies ("the Hamas militant group"), marked True."""
    doc = line.doc
    span = doc.char_span(start - line.start, end - line.start, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    phrases: list[tuple[bool, list[Any]]] = []
    # a title inside the name's phrase: the words before it that attach to the right, into the phrase
    first = span.start
    while first > 0:
        token = doc[first - 1]
        if _glued_hyphen(token):
            first -= 1  # "far-right": the hyphen of a word the parser split
            continue
        if token.is_punct or token.pos_ in ("DET", "PRON") or not first <= token.head.i < span.end:
            break
        first -= 1
    if first < span.start:
        phrases.append((False, list(doc[first : span.start])))
    # an apposition set off by a comma ("Hamas, the militant group ..."; "the group's leader, X"): the parser
    # also reads "the Steele dossier" as a name and its apposition
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end and doc[span.end].text == ",":
                phrases.append((False, _left_phrase(child)))
    if root.dep_ == "appos" and root.head.i < span.start and span.start > 0 and doc[span.start - 1].text == ",":
        phrases.append((False, _left_phrase(root.head)))
    if agent and root.dep_ == "compound" and root.head.i >= span.end:
        phrases.append((True, [t for t in _left_phrase(root.head) if not span.start <= t.i < span.end]))
    kept = []
    for modified, phrase in phrases:
        while phrase and (phrase[0].pos_ in ("DET", "PRON") or phrase[0].dep_ in ("poss", "case")):
            phrase = phrase[1:]
        glued = [_glued_hyphen(t) for t in phrase]
        words = sum(1 for i in range(len(phrase)) if not glued[i] and not (i and glued[i - 1]))
        if not phrase or words > DESCRIPTION_MAX_WORDS:
            continue
        head = phrase[-1]
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in STOPWORDS | _NAMING_NOUNS or head.ent_type_:
            continue
        if not head.text.islower() and not names.is_title(head.text):
            continue  # a name ("militant Islamic State"), not a title
        if any(not (t.is_alpha or _glued_hyphen(t) or _hyphenated_word(t)) for t in phrase):
            continue  # punctuation or a figure inside: not a plain description
        kept.append((modified, phrase))
    return kept


def _glued_hyphen(token: Any) -> bool:
    """A hyphen written inside a word ("far-right") that the tokenizer cut out of it."""
    return bool(token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_)


def _hyphenated_word(token: Any) -> bool:
    return "-" in token.text and not any(c.isdigit() for c in token.text)


def _left_phrase(head: Any) -> list[Any]:
    """A noun and the words before it in its phrase ("the militant group" of "the militant group that rules
    Gaza")."""
    return [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]


def loaded_words(phrase: list[Any], lexicon: Lexicon) -> set[str]:
    """The loaded words of a noun phrase (lower case): those of a framing-lexicon term it holds ("terror
    group", "resistance movement"), and its head noun or adjectives where the learned bias lexicon finds them
    marked in at least :data:`LOADED_MIN_RATE` of the BABE sentences that hold them ("dictator",
    "notorious"); a noun modifying another is not read alone ("disaster agency official"), and the lexicon's
    plainer terms are never loaded ("hostage": BABE marks it in half its sentences, the lexicon offers it as
    the plain word for "captives")."""
    model, plain = load_bias_model(), _plain_stems(lexicon)
    words = [t.text_with_ws for t in phrase]
    hits = lexicon_hits("".join(words), lexicon)
    found = set()
    for i, token in enumerate(phrase):
        if hits and lexicon_hits("".join(words[:i] + words[i + 1 :]), lexicon) < hits:
            found.add(token.lower_)  # a word of a lexicon term: without it the term is gone
            continue
        own_sense = i == len(phrase) - 1 or token.dep_ == "amod"
        word = stem(token.lower_)
        if own_sense and word not in plain and model.lexicon.get(word, 0.0) >= LOADED_MIN_RATE:
            found.add(token.lower_)
    return found
