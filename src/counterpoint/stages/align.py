"""Align: link what different outlets say about the same thing into claims.

Sentences are split into claim units (the whole sentence, plus its clauses when it joins several: "met X
in Jerusalem and voiced opposition to ...", "protesters who gathered outside were met with tear gas"),
because one sentence often carries two facts; each also gives its content core, the claim without who
reports it ("the minister stressed the need to X" -> "the need to X"), because outlets relay one statement with
different attributions. Two units of different articles are scored by

    score = cosine(MiniLM embeddings) + OVERLAP_WEIGHT * overlap + QUOTE_BONUS * (same verbatim quote)

where ``overlap`` is an IDF-weighted Dice coefficient over concept tokens: resolved entities (so
"Jerusalem" and "al-Quds" are one token), word stems, numbers and resolved dates. IDF is computed within
the comparison, so the names every sentence of the story repeats weigh little: topic is not claim.

Links are kept only between units that are each other's best match in the other article (or score above
:data:`STRONG_LINK`), which stops one sentence from attaching to everything on its topic. Claims grow from
links in descending score, and a merge that would put two different sentences of one article into one claim
is refused, so claims cannot snowball through chains of loose links. Every link keeps its score and the
features behind it. Body sentences left alone become claims unique to their outlet.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..embed import Embedder
from ..ids import content_id
from ..model import Article, Claim, ClaimLink, Comparison
from ..nlp import ParsedLine

NAME = "align"
VERSION = "1"

# Calibrated on the seed story gold (8 shared facts) and the team's harbour-fire gold: see
# docs/decisions/0006-claim-alignment.md for the sweep.
OVERLAP_WEIGHT = 0.8
LINK_MIN = 0.78
STRONG_LINK = 1.1
QUOTE_BONUS = 0.3
# Two units that share no content word (only names, places and days) state the same claim only if their
# embeddings alone are this close: shared names are topic, not claim (seed story: the wrong pairs of this
# kind score 0.71-0.73, the right one 0.77).
COSINE_WITHOUT_SHARED_WORDS = 0.75
# Shared rare words alone do not make a claim: below this cosine two units are not linked whatever their
# overlap (harbour-fire: "the government's answer is tear gas" / "police dispersed the crowd with tear gas"
# 0.53; the lowest right link in both gold stories is 0.61).
LINK_MIN_COSINE = 0.55
# Two groups of linked units merge only if their units are this close on average (mean cosine over all
# cross pairs): one strong link between two groups that otherwise say different things is a chain, not a
# claim. Calibrated on 20 ECB+ articles on one incident, where chains had mixed "the church was damaged"
# with "the governor apologised"; on the gold stories no fact is lost at 0.55 or 0.6, and 0.55 keeps larger
# multi-outlet claims together (a fact counts as found only when every outlet carrying it is in one claim).
MERGE_MIN_MEAN_COSINE = 0.55
# A clause needs this many content words to be a claim unit of its own.
MIN_CLAUSE_WORDS = 3

STOPWORDS = frozenset(
    """the a an of in on at to for and or but with by from as that this these those is are was were be been
    being has have had it its he she they his her their them we our you your i not no would will could should
    may might can said says say also than then there which who whom whose what when where while after before
    over into about against between during since until upon amid other others such more most some any all
    both each few many much very just only even still yet again further once here""".split()
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A crude, fast stem: enough to match "invade"/"invasion"/"invading" prefixes and plural forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:6]


# Verbs are their own concept tokens: the verb "deal (with)" is not the noun "deal", "to party" not "a party".
VERB_MARK = "~v"
_TIME_WORDS = frozenset(
    stem(w)
    for w in """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon
    evening night week month year day hours earlier later""".split()
)
# Verbs that only report: their subject is the source, their complement the claim ("stressed the need to X",
# "called for X", "the statement said X"; one outlet's "said" is another's "claimed", and both give X).
# Verbs that judge (accuse, deny, condemn) are claims themselves.
_REPORTING_BASES = """say tell stress add note state announce declare insist explain assert affirm reaffirm reiterate
    emphasise emphasize highlight voice discuss call write report comment reply respond confirm underline
    underscore urge claim allege argue warn suggest acknowledge admit maintain""".split()
REPORTING_VERBS = frozenset(
    {"said", "told", "wrote", "written"}
    | {
        form
        for base in _REPORTING_BASES
        for form in (base, base + "s", base + "es", base + "ed", base + "d", base + "ing", base[:-1] + "ing")
    }
)
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


@dataclass(slots=True)
class _Annotations:
    """Per-article lookups of what annotators found: entity ids, numbers and quotes by position."""

    entity_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    numbers: dict[str, list[tuple[int, int, float]]] = field(default_factory=dict)
    statements: dict[str, set[str]] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)


def _annotations(comparison: Comparison) -> _Annotations:
    notes = _Annotations()
    for entity in comparison.entities:
        notes.entity_names[entity.entity_id] = entity.name
        for mention in entity.mentions:
            notes.entity_spans.setdefault(mention.article_id, []).append((mention.start, mention.end, entity.entity_id))
    for quantity in comparison.quantities:
        notes.numbers.setdefault(quantity.article_id, []).append((quantity.start, quantity.end, quantity.value))
    for quote in comparison.quotes:
        if quote.statement_id:
            notes.statements.setdefault(quote.sentence_id, set()).add(quote.statement_id)
    return notes


def _unit_tokens(tokens: list[Any], offset: int, article: Article, notes: _Annotations) -> frozenset[str]:
    spans = notes.entity_spans.get(article.article_id, [])
    numbers = notes.numbers.get(article.article_id, [])
    found: set[str] = set()
    for token in tokens:
        position = offset + token.idx
        entity = next((e for s, e_end, e in spans if s <= position < e_end), None)
        if entity:
            found.add(f"E:{entity}")
            continue
        number = next((v for s, n_end, v in numbers if s <= position < n_end), None)
        if number is not None:
            found.add(f"N:{number:g}")
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


def claim_units(article: Article, lines: list[ParsedLine], notes: _Annotations) -> list[Unit]:
    """The claim units of every body sentence of ``article``: the sentence, its clauses, and the content of
    each without its attribution."""
    units: list[Unit] = []
    by_line = {p.line: p for p in lines}
    for sentence in article.sentences:
        if sentence.role != "body" or sentence.line not in by_line:
            continue
        parsed = by_line[sentence.line]
        tokens = [t for t in parsed.doc if sentence.start <= parsed.start + t.idx < sentence.end]
        text = article.sentence_text(sentence)
        whole = _unit_tokens(tokens, parsed.start, article, notes)
        units.append(Unit(article.article_id, sentence.sentence_id, sentence.start, sentence.end, text, whole, True))
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
            clause_tokens = _unit_tokens(members, parsed.start, article, notes)
            units.append(Unit(article.article_id, sentence.sentence_id, start, end, clause_text, clause_tokens, False))
    return units


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
    """Without the punctuation and conjunctions left at either end."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct or tokens[start].dep_ in ("cc", "mark")):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].dep_ in ("cc", "mark")):
        end -= 1
    return tokens[start:end]


def _idf(units: list[Unit]) -> dict[str, float]:
    per_sentence: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        per_sentence[unit.sentence_id] |= unit.tokens
    count = len(per_sentence)
    frequency = Counter(t for tokens in per_sentence.values() for t in tokens)
    return {t: math.log((count + 1) / (n + 0.5)) for t, n in frequency.items()}


def _overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """IDF-weighted Dice coefficient of two token sets."""
    shared = a & b
    if not shared:
        return 0.0
    total = sum(idf[t] for t in a) + sum(idf[t] for t in b)
    return 2 * sum(idf[t] for t in shared) / total if total else 0.0


def align(comparison: Comparison, parsed: dict[str, list[ParsedLine]], embedder: Embedder) -> None:
    """Fill ``comparison.claims`` with the shared claims found among the articles' body sentences."""
    notes = _annotations(comparison)
    units = [u for a in comparison.articles for u in claim_units(a, parsed.get(a.article_id, []), notes)]
    if not units:
        comparison.claims = []
        return
    vectors = embedder.encode([u.text for u in units])  # a CachingEmbedder embeds repeated texts once
    idf = _idf(units)
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        by_article[unit.article_id].append(index)
    links = _candidate_links(units, vectors, idf, by_article, notes)
    claims = _group(units, links, vectors)
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    article_of = {u.sentence_id: u.article_id for u in units}
    for claim in claims:
        claim.outlets = sorted({outlet_of[article_of[sid]] for sid in claim.sentence_ids})
    comparison.claims = claims


def _merge_identical(claims: list[Claim]) -> list[Claim]:
    """One claim per set of sentences: clause and sentence links between the same sentences are one claim."""
    by_sentences: dict[tuple[str, ...], Claim] = {}
    for claim in claims:
        key = tuple(sorted(claim.sentence_ids))
        kept = by_sentences.get(key)
        if kept is None:
            by_sentences[key] = claim
            continue
        kept.links.extend(claim.links)
        if kept.kind is None and claim.kind is not None:
            kept.status, kept.kind, kept.values, kept.note = claim.status, claim.kind, claim.values, claim.note
    return list(by_sentences.values())


def add_unique_claims(comparison: Comparison) -> None:
    """Merge claims over the same sentences, then give every body sentence in no claim one of its own."""
    comparison.claims = _merge_identical(comparison.claims)
    covered = {sid for claim in comparison.claims for sid in claim.sentence_ids}
    for article in comparison.articles:
        for sentence in article.body():
            if sentence.sentence_id not in covered:
                comparison.claims.append(
                    Claim(content_id("c", sentence.sentence_id), "unique", [sentence.sentence_id], [article.outlet])
                )


def omissions(comparison: Comparison) -> dict[str, list[str]]:
    """For each outlet, the shared claims (carried by two or more other outlets) that it does not carry."""
    outlets = sorted({a.outlet for a in comparison.articles})
    missing: dict[str, list[str]] = {outlet: [] for outlet in outlets}
    for claim in comparison.claims:
        if claim.status == "unique" or len(claim.outlets) < 2:
            continue
        for outlet in outlets:
            if outlet not in claim.outlets:
                missing[outlet].append(claim.claim_id)
    return missing


@dataclass(frozen=True, slots=True)
class _Link:
    a: int
    b: int
    score: float
    features: dict[str, Any]


def shared_words(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Content words (not names, numbers or days) two units share."""
    return sorted(t[2:].removesuffix(VERB_MARK) for t in a & b if t[0] == "W" and t[2:] not in _TIME_WORDS)


def pair_score(cosine: float, a: frozenset[str], b: frozenset[str], idf: dict[str, float], same_quote: bool) -> float:
    """The link score of two units; -1 when they share no content word and their embeddings are not close."""
    if not same_quote and (
        cosine < LINK_MIN_COSINE or (not shared_words(a, b) and cosine < COSINE_WITHOUT_SHARED_WORDS)
    ):
        return -1.0
    return cosine + OVERLAP_WEIGHT * _overlap(a, b, idf) + (QUOTE_BONUS if same_quote else 0.0)


@dataclass(slots=True)
class _TokenMatrices:
    """Units x vocabulary: IDF-weighted concept tokens, binary content words, and verbatim statements."""

    weighted: Any
    words: Any
    statements: Any
    totals: np.ndarray[Any, Any]

    @classmethod
    def build(cls, units: list[Unit], idf: dict[str, float], notes: _Annotations) -> _TokenMatrices:
        from scipy import sparse

        vocabulary = {t: i for i, t in enumerate(sorted(idf))}
        statement_ids = {st: i for i, st in enumerate(sorted({st for v in notes.statements.values() for st in v}))}
        rows, cols, weights, word_rows, word_cols, q_rows, q_cols = [], [], [], [], [], [], []
        for row, unit in enumerate(units):
            for token in unit.tokens:
                rows.append(row)
                cols.append(vocabulary[token])
                weights.append(idf[token])
                if token[0] == "W" and token[2:] not in _TIME_WORDS:
                    word_rows.append(row)
                    word_cols.append(vocabulary[token])
            for statement in notes.statements.get(unit.sentence_id, ()):
                q_rows.append(row)
                q_cols.append(statement_ids[statement])
        shape = (len(units), max(1, len(vocabulary)))
        weighted = sparse.csr_matrix((weights, (rows, cols)), shape=shape)
        words = sparse.csr_matrix((np.ones(len(word_rows)), (word_rows, word_cols)), shape=shape)
        statements = sparse.csr_matrix(
            (np.ones(len(q_rows)), (q_rows, q_cols)), shape=(len(units), max(1, len(statement_ids)))
        )
        return cls(weighted, words, statements, np.asarray(weighted.sum(axis=1)).ravel())

    def scores(
        self, rows: list[int], cols: list[int], cosine: np.ndarray[Any, Any]
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Link scores of every unit pair of the block (-1 where not allowed) and their overlaps.

        The same formula as :func:`pair_score`, for a whole block of pairs at once.
        """
        binary = self.weighted[cols].copy()
        binary.data[:] = 1.0
        shared = (self.weighted[rows] @ binary.T).toarray()
        totals = self.totals[rows][:, None] + self.totals[cols][None, :]
        overlap = np.divide(2 * shared, totals, out=np.zeros_like(shared), where=totals > 0)
        has_words = (self.words[rows] @ self.words[cols].T).toarray() > 0
        quote = (self.statements[rows] @ self.statements[cols].T).toarray() > 0
        allowed = quote | ((cosine >= LINK_MIN_COSINE) & (has_words | (cosine >= COSINE_WITHOUT_SHARED_WORDS)))
        scores = cosine + OVERLAP_WEIGHT * overlap + QUOTE_BONUS * quote
        return np.where(allowed, scores, -1.0), overlap


def _candidate_links(
    units: list[Unit],
    vectors: np.ndarray[Any, Any],
    idf: dict[str, float],
    by_article: dict[str, list[int]],
    notes: _Annotations,
) -> list[_Link]:
    links: list[_Link] = []
    matrices = _TokenMatrices.build(units, idf, notes)
    articles = sorted(by_article)
    for i, first in enumerate(articles):
        for second in articles[i + 1 :]:
            rows, cols = by_article[first], by_article[second]
            cosine = vectors[rows] @ vectors[cols].T
            scores, overlaps = matrices.scores(rows, cols, cosine)
            best_in_row = scores.argmax(axis=1)
            best_in_col = scores.argmax(axis=0)
            mutual = np.zeros_like(scores, dtype=bool)
            mutual[np.arange(len(rows)), best_in_row] = True
            mutual &= best_in_col[None, :] == np.arange(len(rows))[:, None]
            keep = (scores >= STRONG_LINK) | (mutual & (scores >= LINK_MIN))
            for r, c in zip(*np.nonzero(keep), strict=True):
                a, b = rows[r], cols[c]
                tokens = units[a].tokens & units[b].tokens
                features = {
                    "cosine": round(float(cosine[r, c]), 3),
                    "overlap": round(float(overlaps[r, c]), 3),
                    "mutual_best": bool(mutual[r, c]),
                    "entities": sorted(notes.entity_names.get(t[2:], t[2:]) for t in tokens if t[0] == "E"),
                    "numbers": sorted(t[2:] for t in tokens if t[0] == "N"),
                    "words": shared_words(units[a].tokens, units[b].tokens),
                    "units": [units[a].text, units[b].text],
                }
                links.append(_Link(a, b, round(float(scores[r, c]), 3), features))
    return links


def _group(units: list[Unit], links: list[_Link], vectors: np.ndarray[Any, Any]) -> list[Claim]:
    parent = list(range(len(units)))
    members: dict[int, dict[str, str]] = {i: {units[i].article_id: units[i].sentence_id} for i in range(len(units))}
    unit_members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    accepted: list[_Link] = []
    for link in sorted(links, key=lambda candidate: -candidate.score):
        root_a, root_b = find(link.a), find(link.b)
        if root_a == root_b:
            accepted.append(link)
            continue
        sentences_a, sentences_b = members[root_a], members[root_b]
        if any(sentences_b.get(article, sentence) != sentence for article, sentence in sentences_a.items()):
            continue  # would put two different sentences of one article into one claim
        between = vectors[unit_members[root_a]] @ vectors[unit_members[root_b]].T
        if float(between.mean()) < MERGE_MIN_MEAN_COSINE:
            continue  # the groups are joined by one link but say different things on the whole (a chain)
        parent[root_b] = root_a
        members[root_a] = {**sentences_b, **sentences_a}
        unit_members[root_a] = unit_members[root_a] + unit_members[root_b]
        accepted.append(link)
    groups: dict[int, list[_Link]] = defaultdict(list)
    for link in accepted:
        groups[find(link.a)].append(link)
    claims = []
    for root, group_links in groups.items():
        sentence_ids = sorted(set(members[root].values()))
        claim_links = [
            ClaimLink(units[link.a].sentence_id, units[link.b].sentence_id, link.score, link.features)
            for link in group_links
        ]
        claims.append(Claim(content_id("c", *sentence_ids), "shared", sentence_ids, [], links=claim_links))
    return claims
