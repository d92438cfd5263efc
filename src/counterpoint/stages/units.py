"""Claim units: the pieces of a sentence that can each state a claim of their own.

A body sentence gives one unit for itself, one per clause when it joins several ("met X in Jerusalem and
voiced opposition to ...", "protesters who gathered outside were met with tear gas"), and the content core
of each (the claim without who reports it: "the minister stressed the need to X" -> "the need to X"),
because one sentence often carries two facts and outlets relay one statement with different attributions.
Each unit is a character span of its sentence with the concept tokens it states: resolved entities
(``E:``), numbers (``N:``) and word stems (``W:``; verbs marked apart from the nouns they look like).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Comparison
from ..nlp import ParsedLine
from ..text import REPORTING_VERBS, SMALL_NUMBERS, STOPWORDS, stem

# A clause needs this many content words to be a claim unit of its own.
MIN_CLAUSE_WORDS = 3
# Verbs are their own concept tokens: the verb "deal (with)" is not the noun "deal", "to party" not "a party".
VERB_MARK = "~v"
_SUBORDINATORS = frozenset({"before", "after", "while", "when", "because", "although", "though", "whereas"})


@dataclass(slots=True)
class Unit:
    """A claim unit: a sentence or one of its clauses, with the concept tokens it states."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    tokens: frozenset[str]
    whole: bool
    head: str = ""  # the word the unit's grammar hangs on (its main verb), lower-cased
    subject: str = ""  # the head word of that verb's subject, lower-cased
    negated: bool = False  # the unit says "not", "no", "never" of its main verb


class _Spans:
    """Labelled character spans of one article, found by position in O(log n) (a long article has many)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]

    def at(self, position: int) -> str | None:
        index = bisect.bisect_right(self._starts, position) - 1
        # spans rarely nest; a few steps back find an enclosing one that starts earlier
        for start, end, label in reversed(self._spans[max(0, index - 3) : index + 1]):
            if start <= position < end:
                return label
        return None


@dataclass(slots=True)
class UnitContext:
    """Per-article lookups of what annotators found: entity ids, numbers and quotes by position."""

    entities: dict[str, _Spans] = field(default_factory=dict)
    numbers: dict[str, _Spans] = field(default_factory=dict)
    statements: dict[str, set[str]] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, comparison: Comparison) -> UnitContext:
        entity_spans: dict[str, list[tuple[int, int, str]]] = {}
        number_spans: dict[str, list[tuple[int, int, str]]] = {}
        context = cls()
        for entity in comparison.entities:
            context.entity_names[entity.entity_id] = entity.name
            for mention in entity.mentions:
                entity_spans.setdefault(mention.article_id, []).append((mention.start, mention.end, entity.entity_id))
        for quantity in comparison.quantities:
            number_spans.setdefault(quantity.article_id, []).append(
                (quantity.start, quantity.end, f"{quantity.value:g}")
            )
        context.entities = {a: _Spans(s) for a, s in entity_spans.items()}
        context.numbers = {a: _Spans(s) for a, s in number_spans.items()}
        for quote in comparison.quotes:
            if quote.statement_id:
                context.statements.setdefault(quote.sentence_id, set()).add(quote.statement_id)
        return context


_NO_SPANS = _Spans([])


def _number_value(word: str) -> str | None:
    """A number written in digits or as a small number word, as a ``N:`` token value ("1,500" -> "1500")."""
    if word in SMALL_NUMBERS:
        return str(SMALL_NUMBERS[word])
    try:
        return f"{float(word.replace(',', '')):g}"
    except ValueError:
        return None


def _unit_tokens(tokens: list[Any], offset: int, article: Article, context: UnitContext) -> frozenset[str]:
    entities = context.entities.get(article.article_id, _NO_SPANS)
    numbers = context.numbers.get(article.article_id, _NO_SPANS)
    found: set[str] = set()
    for token in tokens:
        position = offset + token.idx
        entity = entities.at(position)
        if entity:
            found.add(f"E:{entity}")
            continue
        number = numbers.at(position)
        if number is None and token.like_num:
            number = _number_value(token.lower_)
        if number is not None:
            found.add(f"N:{number}")
            continue
        word = token.text.lower()
        if token.is_alpha and len(word) > 2 and word not in STOPWORDS:
            found.add(f"W:{stem(word)}" + (VERB_MARK if token.pos_ == "VERB" else ""))
    return frozenset(found)


def _clause_heads(doc_tokens: list[Any]) -> list[Any]:
    roots = [t for t in doc_tokens if t.dep_ == "ROOT"]
    if not roots:
        return []
    heads = [roots[0]]
    for token in doc_tokens:
        if token is roots[0] or token.pos_ not in ("VERB", "AUX"):
            continue
        conj_of_verb = token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and not _open_question(token)
        subordinate = token.dep_ == "pcomp" and token.head.text.lower() in _SUBORDINATORS
        clause = token.dep_ == "advcl" and any(
            c.dep_ in ("nsubj", "mark") and c.text.lower() != "to" for c in token.children
        )
        relative = token.dep_ == "relcl" and _asserted_relative(token)
        if conj_of_verb or subordinate or clause or relative:
            heads.append(token)
    return heads


def _asserted_relative(verb: Any) -> bool:
    """Whether a relative clause asserts something of its own: set off by a comma ("the depot, where an
    explosion killed 12 people") or describing the subject or object itself ("protesters who gathered
    outside were met with tear gas"). One describing a noun deep in a phrase ("the toll from the explosion
    that ripped through the depot") is background."""
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    first = min(t.i for t in verb.subtree)
    return (first > 0 and verb.doc[first - 1].text == ",") or _phrase_head(verb.head).dep_ in (
        "nsubj",
        "nsubjpass",
        "dobj",
    )


def _phrase_head(noun: Any) -> Any:
    """The head of the noun phrase ``noun`` ends: "nurses" in "hundreds of nurses" -> "hundreds"."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM", "PRON"):
        noun = noun.head.head
    return noun


def _open_question(verb: Any) -> bool:
    """Whether ``verb`` is a conjunct of an embedded question or condition ("whether a deal would pause or
    end the operations"): its parts are not claims of their own."""
    while verb.dep_ == "conj":
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def claim_units(article: Article, lines: list[ParsedLine], context: UnitContext) -> list[Unit]:
    """The claim units of every body sentence of ``article``: the sentence, its clauses, and the content of
    each without its attribution."""
    units: list[Unit] = []
    by_line = {p.line: p for p in lines}
    for sentence in article.sentences:
        if sentence.role != "body" or sentence.line not in by_line:
            continue
        parsed = by_line[sentence.line]
        tokens = list(parsed.tokens_between(sentence.start, sentence.end))
        text = article.sentence_text(sentence)
        whole = _unit_tokens(tokens, parsed.start, article, context)
        units.append(
            Unit(
                article.article_id,
                sentence.sentence_id,
                sentence.start,
                sentence.end,
                text,
                whole,
                True,
                *_predicate(tokens),
            )
        )
        heads = _clause_heads(tokens)
        spans = [tokens]
        if len(heads) >= 2:
            head_set = set(heads)
            spans += [m for m in (_clause_tokens(h, head_set, tokens) for h in heads) if len(m) < len(tokens) - 1]
        seen = {tuple(t.i for t in tokens if not t.is_punct)}
        for members in spans + [content_core(m) for m in spans]:
            key = tuple(t.i for t in members if not t.is_punct)
            content = [t for t in members if t.is_alpha and t.text.lower() not in STOPWORDS]
            if key in seen or len(content) < MIN_CLAUSE_WORDS:
                continue
            seen.add(key)
            clause_text = _text(members)
            start = parsed.start + members[0].idx
            end = parsed.start + members[-1].idx + len(members[-1].text)
            clause_tokens = _unit_tokens(members, parsed.start, article, context)
            units.append(
                Unit(
                    article.article_id,
                    sentence.sentence_id,
                    start,
                    end,
                    clause_text,
                    clause_tokens,
                    False,
                    *_predicate(members),
                )
            )
    return units


def _predicate(tokens: list[Any]) -> tuple[str, str, bool]:
    """The main word of a unit, its subject's head, and whether it is negated: the root of its parse
    within the unit, preferring a verb ("troops *did not kill* ...", subject "troops")."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not roots:
        return "", "", False
    head = next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0])
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside), None)
    negated = any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in head.children if c.i in inside)
    return head.lower_, subject.lower_ if subject is not None else "", negated


def content_core(members: list[Any]) -> list[Any]:
    """What a unit reports, without who reports it: "The mayor also stressed the urgent need to repair the
    barriers, according to a statement" -> "the urgent need to repair the barriers".

    Outlets attribute the same fact differently (a name, a title, "the ministry said"), and the attribution
    words pull the embeddings of the same fact apart (seed story: 0.54 with them, 0.77 without). Speakers
    are compared by the quote stage, not here.
    """
    inside = {t.i for t in members}
    dropped: set[int] = set()
    for token in members:
        if (token.dep_ == "prep" and token.lower_ == "according") or token.lower_ == "citing":
            dropped.update(t.i for t in token.subtree)
    kept = [t for t in members if t.i not in dropped]
    for _ in range(2):  # "the statement said" around "he discussed X": peel both
        heads = [t for t in kept if t.head.i not in inside or t.head.i in dropped or t.head.i == t.i]
        if len(heads) != 1 or heads[0].lower_ not in REPORTING_VERBS or heads[0].pos_ not in ("VERB", "AUX"):
            break
        head = heads[0]
        children = [c for c in head.children if c.i in inside]
        if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in children):
            break  # several clauses: each gets its own core from its clause unit
        # what is said ("that X", "to X"), else what is named ("the need to X"), else what is called for
        complement = [c for c in children if c.dep_ in ("ccomp", "xcomp")] or [
            c for c in children if c.dep_ in ("dobj", "attr")
        ]
        if not complement:
            complement = [g for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children]
        if not complement:
            break
        keep = {t.i for c in complement for t in c.subtree}
        kept = [t for t in kept if t.i in keep]
        dropped.add(head.i)
    return _trim(kept)


def _clause_tokens(head: Any, heads: set[Any], sentence_tokens: list[Any]) -> list[Any]:
    allowed = {t.i for t in sentence_tokens}
    members: list[Any] = []
    stack = [head]
    while stack:
        token = stack.pop()
        members.append(token)
        stack.extend(c for c in token.children if c not in heads and c.i in allowed)
    if head.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in head.children):
        for subject in (c for c in head.head.children if c.dep_.startswith("nsubj")):
            members.extend(t for t in subject.subtree if t.i in allowed)
    if head.dep_ == "relcl":
        pronouns = [c for c in head.children if c.tag_ in ("WDT", "WP", "WRB") or c.lower_ == "that"]
        members = [t for t in members if all(t.i != p.i for p in pronouns)]
        if any(p.dep_.startswith("nsubj") for p in pronouns):  # "protesters who gathered" -> "protesters gathered"
            antecedent = head.head
            phrase = _phrase_head(antecedent)
            members.extend(t for t in phrase.subtree if t.i <= antecedent.i and t.i in allowed)
    members = sorted({t.i: t for t in members}.values(), key=lambda t: t.i)
    return _trim(members)


def _text(tokens: list[Any]) -> str:
    """The words of a clause as written, with a space where the clause skips part of its sentence."""
    parts = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        gap = following is not None and following.i != token.i + 1 and not token.whitespace_
        parts.append(token.text_with_ws + (" " if gap else ""))
    return "".join(parts).strip(" ,;")


def _trim(tokens: list[Any]) -> list[Any]:
    """Without the punctuation and conjunctions left at either end, but with the closing bracket of a bracket
    the unit opens ("at a depth of 10 kilometers (6 miles)", not "... (6 miles")."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct or tokens[start].dep_ in ("cc", "mark")):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].dep_ in ("cc", "mark")):
        end -= 1
    while end < len(tokens) and tokens[end].text in _OPENER:
        opener = _OPENER[tokens[end].text]
        kept = [t.text for t in tokens[start:end]]
        if kept.count(opener) <= kept.count(tokens[end].text):
            break
        end += 1
    return tokens[start:end]


# A closing bracket -> the bracket it closes.
_OPENER = {")": "(", "]": "["}
