"""Align: gather what different outlets say about the same thing into claims made of claim units.

1. **Units.** Every body sentence gives its claim units (``stages/units.py``): the sentence, its clauses,
   and the content core of each. A unit whose text is repeated word for word in other articles (wire
   copies, republished statements) is judged once; its copies follow it into the same claims.
2. **Pair judge.** Candidate pairs of units of different articles get the probability that they state the
   same claim (``linking.py``: a logistic model over cosine, overlaps, story-relative closeness, best-match
   ranks and shape, trained on labelled pairs of real multi-outlet stories).
3. **Cohesive claims.** The most probable pair of units that are in no claim yet, each the other's best
   match in its article, seeds a claim (from :data:`SEED_MIN`). The claim then takes, one article at a time,
   the unit closest on average to its members while that unit is linked (at least :data:`LINKED`) to at
   least :data:`COHESION` of them, every member stays linked to that share of the others, and the mean
   probability stays at least :data:`MERGE_MIN`. One strong link cannot drag in a group that says
   something else, and links cannot chain across outlets. A unit already in a claim may join others as it
   grows (a lead sentence often states three facts); claims built twice over the same sentences are joined.
4. **Few articles.** Up to :data:`FEW_ARTICLES` articles there is no cohesion to measure (with two, every
   claim is a pair): claims come from the former pair rule, mutual best matches of a calibrated score.

Each claim keeps, for every member, its strongest link inside the claim (why it is there), so the report
grows with the members, not with the square of them. Body sentences in no claim become claims unique to
their outlet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..embed import Embedder, vectors_and_tokens
from ..ids import content_id
from ..linking import (
    RANK_OVERLAP_WEIGHT,
    STRONG_QUOTE_BONUS,
    LinkModel,
    Scored,
    candidate_pairs,
    idf_of,
    load_link_model,
)
from ..model import Article, Claim, ClaimLink, ClaimUnit, Comparison
from ..nlp import ParsedLine
from ..text import TIME_WORDS
from .units import VERB_MARK, Unit, UnitContext, claim_units

NAME = "align"
VERSION = "4"  # 3: the judge matches tokens; seeds from SEED_MIN; 4: a unit keeps the closing bracket it opens

# Thresholds on the link model's probability, chosen on the dev stories (docs/decisions/0010-link-model.md).
# A pair the judge links: counts towards a unit's direct links inside a claim.
LINKED = 0.4
# A claim starts from a pair at least this probable (it grows by links of LINKED): with the token-matching
# judge, seeds from 0.4 drew unique sentences into claims (dev unique kept apart 0.78 against 0.83 from 0.5).
SEED_MIN = 0.5
# A unit joins a claim only if its mean probability with the members (missing pairs count 0) is at least this.
MERGE_MIN = 0.5
# Every member of a claim is linked to at least this share of the other members ("most of them").
COHESION = 0.5
# Up to this many articles, claims are built pair by pair with the former rule (decision 0006: mutual best
# matches scoring cosine + 0.8 x overlap >= 0.78, grown greedily with one sentence per article and a mean
# cosine of MERGE_MIN_MEAN_COSINE between merged groups), which is precise where cohesion across outlets
# cannot be measured: with two articles every claim is a pair. Calibrated on the seed (2) and harbour-fire
# (4) stories; the learned judge and cohesive claims take over from five articles on.
FEW_ARTICLES = 4
MERGE_MIN_MEAN_COSINE = 0.55
# A group whose sentences are at least this share of another's is the same claim built twice.
PARALLEL_SHARE = 0.5
# Pairs below this probability are dropped before grouping: they can neither link nor lift a mean.
EDGE_MIN = 0.1


def score_units(
    comparison: Comparison, parsed: dict[str, list[ParsedLine]], embedder: Embedder, model: LinkModel | None = None
) -> Scored:
    """The claim units of every article and the probability of each candidate pair of them."""
    context = UnitContext.of(comparison)
    units = [u for a in comparison.articles for u in claim_units(a, parsed.get(a.article_id, []), context)]
    judged, copies = _verbatim_copies(units)
    judged_units = [units[i] for i in judged]
    texts = [u.text for u in judged_units]
    vectors, tokens = vectors_and_tokens(embedder, texts)  # a CachingEmbedder embeds repeated texts once
    candidates = candidate_pairs(judged_units, vectors, idf_of(judged_units), context.statements, tokens)
    model = model or load_link_model()
    probability = model.probability(candidates) if len(candidates.a) else np.zeros(0)
    return Scored(units, judged, copies, candidates, probability, context, vectors, model)


def align(
    comparison: Comparison, parsed: dict[str, list[ParsedLine]], embedder: Embedder, model: LinkModel | None = None
) -> Scored:
    """Fill ``comparison.claims`` with the shared claims found among the articles' body sentences."""
    scored = score_units(comparison, parsed, embedder, model)
    comparison.claims = build_claims(comparison, scored)
    return scored


def build_claims(comparison: Comparison, scored: Scored) -> list[Claim]:
    """Group the scored units into cohesive claims (see the module docstring)."""
    judged = [scored.units[i] for i in scored.judged]
    keep = scored.probability >= EDGE_MIN
    a, b, p = scored.candidates.a[keep], scored.candidates.b[keep], scored.probability[keep]
    article_of = [u.article_id for u in judged]
    matrix = _matrix(len(judged), a, b, p)
    if len(set(article_of)) <= FEW_ARTICLES:
        groups = _pairwise(judged, scored)
    else:
        groups = _merge_parallel(_seed_and_grow(article_of, a, b, p, matrix), judged, matrix)
    # a unit stated word for word by other outlets is a claim they share, even if nothing else matches it
    grouped = {u for g in groups for u in g}
    groups += [[u] for u in scored.copies if scored.copies[u] and u not in grouped]
    outlet_of = {x.article_id: x.outlet for x in comparison.articles}
    claims = [_claim(group, judged, matrix, scored, outlet_of, comparison.scope) for group in groups]
    # one claim per set of sentences: a sentence, its clause and its core carried by the same outlets are one
    by_sentences: dict[tuple[str, ...], Claim] = {}
    for claim in sorted(claims, key=lambda c: -sum(u.end - u.start for u in c.units)):
        by_sentences.setdefault(tuple(claim.sentence_ids), claim)
    return list(by_sentences.values())


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _verbatim_copies(units: list[Unit]) -> tuple[list[int], dict[int, list[int]]]:
    """Indices of the units to judge (the first of each text), and for each, its copies in other articles."""
    first: dict[str, int] = {}
    representative: list[int] = []
    copies: dict[int, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        key = _normalised(unit.text)
        if key not in first:
            first[key] = len(representative)
            representative.append(index)
            continue
        original = units[representative[first[key]]]
        mirrored = [units[i].article_id for i in copies[first[key]]]
        if unit.article_id != original.article_id and unit.article_id not in mirrored:
            copies[first[key]].append(index)
    return representative, copies


def _matrix(n: int, a: NDArray[np.int64], b: NDArray[np.int64], p: NDArray[np.float64]) -> Any:
    from scipy import sparse

    upper = sparse.coo_matrix((p, (a, b)), shape=(n, n))
    return (upper + upper.T).tocsc()


def _pairwise(judged: list[Unit], scored: Scored) -> list[list[int]]:
    """Groups for few articles: the former rule's links in descending score, merged while every article
    keeps one sentence and the merged groups stay close on average."""
    candidates = scored.candidates
    strong = candidates.column("strong_link") > 0
    score = candidates.column("cosine") + RANK_OVERLAP_WEIGHT * candidates.column("overlap")
    score = score + STRONG_QUOTE_BONUS * candidates.column("same_quote")
    order = np.flatnonzero(strong)[np.argsort(-score[strong], kind="stable")]
    parent = list(range(len(judged)))
    sentences: dict[int, dict[str, str]] = {i: {u.article_id: u.sentence_id} for i, u in enumerate(judged)}
    members: dict[int, list[int]] = {i: [i] for i in range(len(judged))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked: set[int] = set()
    for k in order:
        root_a, root_b = find(int(candidates.a[k])), find(int(candidates.b[k]))
        if root_a == root_b:
            continue
        if any(sentences[root_b].get(article, s) != s for article, s in sentences[root_a].items()):
            continue  # two different sentences of one article in one claim
        between = scored.vectors[members[root_a]] @ scored.vectors[members[root_b]].T
        if float(between.mean()) < MERGE_MIN_MEAN_COSINE:
            continue  # joined by one link but different on the whole: a chain
        parent[root_b] = root_a
        sentences[root_a] = {**sentences[root_b], **sentences[root_a]}
        members[root_a] += members.pop(root_b)
        linked.add(root_a)
    groups = []
    for root in {find(x) for x in linked}:
        # one unit per article: the sentence's unit with the most links inside the group
        by_article: dict[str, list[int]] = defaultdict(list)
        for unit in members[root]:
            by_article[judged[unit].article_id].append(unit)
        groups.append(sorted(min(units, key=lambda u: (not judged[u].whole, u)) for units in by_article.values()))
    return [g for g in groups if len(g) >= 2]


def _seed_and_grow(
    article_of: list[str], a: NDArray[np.int64], b: NDArray[np.int64], p: NDArray[np.float64], matrix: Any
) -> list[list[int]]:
    """Overlapping claims: every linked pair not yet inside one claim seeds a claim, which then takes, one
    article at a time, the unit closest on average to its members, while that unit is linked to most
    members, every member stays linked to most others, and the mean probability stays high. A unit may
    join several claims (a sentence that states several facts)."""
    n = len(article_of)
    article_ids = {x: i for i, x in enumerate(dict.fromkeys(article_of))}
    article_index = np.array([article_ids[x] for x in article_of])
    dense = matrix.tocsc()
    member_of: list[set[int]] = [set() for _ in range(n)]
    groups: list[list[int]] = []
    # seeds are pairs each of whose units is the other's best match in its article: a unit's weaker links
    # into the same article are alternatives to its best one, not further claims
    best: dict[tuple[int, int], float] = {}
    for x, y, q in zip(a.tolist(), b.tolist(), p.tolist(), strict=True):
        for unit, other in ((x, y), (y, x)):
            key = (unit, article_index[other])
            best[key] = max(best.get(key, 0.0), q)
    order = np.argsort(-p)
    for k in order:
        if p[k] < SEED_MIN:
            break
        x, y = int(a[k]), int(b[k])
        if member_of[x] or member_of[y]:
            continue  # a seed is two units in no claim yet; units join further claims only by growing
        if p[k] < best[(x, article_index[y])] or p[k] < best[(y, article_index[x])]:
            continue
        members = [x, y]
        present = np.zeros(len(article_ids), dtype=bool)
        present[[article_index[x], article_index[y]]] = True
        column_x = dense[:, x].toarray().ravel()
        column_y = dense[:, y].toarray().ravel()
        sums = column_x + column_y
        counts = (column_x >= LINKED).astype(np.int64) + (column_y >= LINKED)
        degree = {x: 1, y: 1}
        while True:
            size = len(members)
            admissible = (~present[article_index]) & (counts >= COHESION * size) & (sums >= MERGE_MIN * size)
            if not admissible.any():
                break
            # members that would fall below "linked to most" unless the newcomer links to them
            weak = [m for m in members if degree[m] < COHESION * size]
            choice = -1
            for u in np.argsort(-np.where(admissible, sums, -1.0)):
                if not admissible[u]:
                    break
                if all(dense[m, u] >= LINKED for m in weak):
                    choice = int(u)
                    break
            if choice < 0:
                break
            column = dense[:, choice].toarray().ravel()
            for m in members:
                if column[m] >= LINKED:
                    degree[m] += 1
            degree[choice] = int(counts[choice])
            members.append(choice)
            present[article_index[choice]] = True
            sums += column
            counts += column >= LINKED
        index = len(groups)
        for m in members:
            member_of[m].add(index)
        groups.append(sorted(members))
    return groups


def _merge_parallel(groups: list[list[int]], judged: list[Unit], matrix: Any) -> list[list[int]]:
    """Join groups that are one claim built twice: most sentences of the smaller are in the larger (through
    another unit of the same sentence: the sentence in one, its clause or core in the other). Where both
    have a unit of one article, the unit closer to the joined group stays."""
    groups = sorted(groups, key=len, reverse=True)
    merged: list[list[int]] = []
    for group in groups:
        sentences = {judged[u].sentence_id for u in group}
        target = next(
            (
                m
                for m in merged
                if len(sentences & {judged[u].sentence_id for u in m}) >= PARALLEL_SHARE * len(group)
                and _mean_between(m, group, judged, matrix) >= MERGE_MIN
            ),
            None,
        )
        if target is None:
            merged.append(list(group))
            continue
        union = target + group
        by_article: dict[str, list[int]] = defaultdict(list)
        for unit in union:
            by_article[judged[unit].article_id].append(unit)
        closeness = np.asarray(matrix[union, :][:, union].sum(axis=1)).ravel()
        weight = dict(zip(union, closeness.tolist(), strict=True))
        target[:] = sorted(max(units, key=lambda u: weight[u]) for units in by_article.values())
    return merged


def _mean_between(first: list[int], second: list[int], judged: list[Unit], matrix: Any) -> float:
    """Mean probability between the units of two groups, over pairs of different articles."""
    block = matrix[first, :][:, second].toarray()
    different = np.array([[judged[a].article_id != judged[b].article_id for b in second] for a in first])
    return float(block[different].mean()) if different.any() else 0.0


def _claim(
    group: list[int], judged: list[Unit], matrix: Any, scored: Scored, outlet_of: dict[str, str], scope: str
) -> Claim:
    members = [judged[i] for i in group]
    block = matrix[group, :][:, group].toarray()
    size = len(group)
    pairs = size * (size - 1)
    cohesion = float(((block >= LINKED).sum()) / pairs) if pairs else 1.0
    # each member's strongest link inside the claim: why it is there
    strength = _pair_strength(group, scored)
    links = []
    seen: set[tuple[int, int]] = set()
    for unit_index in group:
        partners = [(strength.get((min(unit_index, o), max(unit_index, o)), (-1.0, -1))[0], o) for o in group]
        value, partner = max((v, o) for v, o in partners if o != unit_index) if size > 1 else (-1.0, -1)
        pair = (min(unit_index, partner), max(unit_index, partner))
        if value < 0 or pair in seen:
            continue
        seen.add(pair)
        links.append(_link(judged, pair, float(value), scored))
    evidence = [_as_claim_unit(u) for u in members]
    mirrored: dict[str, str] = {}
    present = {u.article_id for u in members}
    for unit_index in group:
        for copy in scored.copies.get(unit_index, []):
            copy_unit = scored.units[copy]
            if copy_unit.article_id in present:
                continue
            present.add(copy_unit.article_id)
            evidence.append(_as_claim_unit(copy_unit))
            mirrored[outlet_of[copy_unit.article_id]] = outlet_of[judged[unit_index].article_id]
    evidence.sort(key=lambda u: (u.article_id, u.start))
    key = [f"{u.sentence_id}:{u.start}-{u.end}" for u in evidence]
    return Claim(
        content_id("c", scope, *key),
        "shared",
        sorted({u.sentence_id for u in evidence}),
        sorted({outlet_of[u.article_id] for u in evidence}),
        links=links,
        units=evidence,
        cohesion=round(cohesion, 3),
        copies=mirrored,
    )


def _pair_strength(group: list[int], scored: Scored) -> dict[tuple[int, int], tuple[float, int]]:
    """(probability, candidate row) of each candidate pair inside ``group``."""
    inside = set(group)
    candidates = scored.candidates
    rows = np.flatnonzero(np.isin(candidates.a, group) & np.isin(candidates.b, group))
    return {
        (int(candidates.a[k]), int(candidates.b[k])): (float(scored.probability[k]), int(k))
        for k in rows
        if int(candidates.a[k]) in inside
    }


def _as_claim_unit(unit: Unit) -> ClaimUnit:
    return ClaimUnit(unit.article_id, unit.sentence_id, unit.start, unit.end)


def _link(judged: list[Unit], pair: tuple[int, int], probability: float, scored: Scored) -> ClaimLink:
    a, b = judged[pair[0]], judged[pair[1]]
    shared = a.tokens & b.tokens
    candidates = scored.candidates
    index = np.flatnonzero((candidates.a == pair[0]) & (candidates.b == pair[1]))
    cosine = float(candidates.column("cosine")[index[0]]) if len(index) else 0.0
    overlap = float(candidates.column("overlap")[index[0]]) if len(index) else 0.0
    return ClaimLink(
        _as_claim_unit(a),
        _as_claim_unit(b),
        round(probability, 3),
        round(cosine, 3),
        round(overlap, 3),
        entities=sorted(scored.context.entity_names.get(t[2:], t[2:]) for t in shared if t[0] == "E"),
        numbers=sorted(t[2:] for t in shared if t[0] == "N"),
        words=shared_words(a.tokens, b.tokens),
    )


def shared_words(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Content words (not names, numbers or days) two units share."""
    return sorted(t[2:].removesuffix(VERB_MARK) for t in a & b if t[0] == "W" and t[2:] not in TIME_WORDS)


def add_unique_claims(comparison: Comparison) -> None:
    """Give every body sentence in no claim a claim of its own, unique to its outlet."""
    covered = {sid for claim in comparison.claims for sid in claim.sentence_ids}
    scope = comparison.scope
    for article in comparison.articles:
        for sentence in article.body():
            if sentence.sentence_id not in covered and article.compared(sentence):
                comparison.claims.append(_unique(article, sentence.sentence_id, sentence.start, sentence.end, scope))


def _unique(article: Article, sentence_id: str, start: int, end: int, scope: str) -> Claim:
    unit = ClaimUnit(article.article_id, sentence_id, start, end)
    return Claim(content_id("c", scope, sentence_id), "unique", [sentence_id], [article.outlet], units=[unit])


def order_claims(comparison: Comparison) -> None:
    """Claims carried by the most independent outlets first (conflicts with them), unique claims last."""
    comparison.claims.sort(key=lambda c: (c.status == "unique", -c.independent_outlets(), -len(c.outlets)))


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
