"""The pair judge: the probability that two claim units of different articles state the same claim.

In a story where every sentence names the same people and places, embedding cosine and word overlap
measure topic, not claim. The judge weighs what distinguishes the two, on labelled pairs of real stories
(``bench/linkmodel.py`` trains it; ``data/link_model.json`` holds the fitted weights):

* how close the two units are: MiniLM cosine, IDF-weighted overlap of concept tokens (all, content words
  only, entities), a shared verb, shared or differing numbers, the same verbatim quote, and token matching
  (each unit's content words against the closest word of the other, over contextual token vectors: other
  words for the same thing);
* how close they are *for this story*: the cosine as a z-score against everything else each unit could
  match, whether each is the other's best match in its article and by what margin, since a sentence
  whose claim another article does not state still has a nearest neighbour there;
* what they are: their lengths, whether they are whole sentences.

Features are computed for the candidate pairs only (cosine at least :data:`CANDIDATE_MIN_COSINE` or a
shared content word), in blocks of rows against every unit, so memory grows with the rows of one block
times the units of the comparison, never with its square.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from . import logistic
from .embed import TokenVectors
from .stages.units import VERB_MARK, Unit, UnitContext
from .text import DAY_WORDS, STOPWORDS, TIME_WORDS, stem

FEATURES = (
    "cosine",
    "overlap",
    "word_overlap",
    "entity_overlap",
    "verb_shared",
    "verbs_both",
    "number_shared",
    "number_differs",
    "same_quote",
    "cosine_z",
    "cosine_z_min",
    "best_both",
    "best_one",
    "margin",
    "length_min",
    "length_ratio",
    "whole_both",
    "rare_word",
    "same_head",
    "same_subject",
    "subjects_both",
    "third_agree",
    "third_disagree",
    "day_differs",
    "negation_differs",
    "best_both_few",
    "strong_link",
    "strong_link_few",
    "token_match",
)
# Two units state the same frame (one event, one role) when the judge rates them one claim at least this
# probably: conflicts read a differing value there (told to ignore it, ``LinkModel.frame_probability``), and
# the wording section a word in place of another. Best on the dev stories at 0.6; 0.8 keeps every test
# story's soft differences apart (docs/decisions/0011-conflicts.md, third round).
FRAME_MIN_PROBABILITY = 0.8
# Features that see a value differ between the two units (not the frame they state it in).
VALUE_FEATURES = ("number_differs", "day_differs", "negation_differs")
# Pairs below this cosine that share no content word are never candidates: on the dev stories no pair
# stating the same fact scored below it (see docs/decisions/0010-link-model.md).
CANDIDATE_MIN_COSINE = 0.35
# Rows of one block: a block is rows x all units of the comparison (float32), ~40 MB at 10,000 units.
BLOCK_ROWS = 1024
# Word pieces of one block of token matching: pieces x all content pieces of the comparison (float32),
# ~80 MB at 40,000 pieces (about 40 long articles).
TOKEN_BLOCK = 512
# The score that ranks a unit's candidates within one article (best match, margin): the former link score.
RANK_OVERLAP_WEIGHT = 0.8
# The former link rule, now one feature among others: a mutual best match scoring at least STRONG_MUTUAL, or
# any pair scoring STRONG_ALONE (calibrated on the seed and harbour-fire stories of 2-4 outlets, where it
# was precise; decision 0006).
STRONG_MUTUAL = 0.78
STRONG_ALONE = 1.1
STRONG_QUOTE_BONUS = 0.3
STRONG_MIN_COSINE = 0.55  # below it, shared rare words alone do not make a claim
STRONG_COSINE_WITHOUT_SHARED_WORDS = 0.75  # shared names and days are topic, not claim


@dataclass(slots=True)
class Candidates:
    """Candidate unit pairs (``a < b``, different articles) and their features, one row per pair."""

    a: NDArray[np.int64]
    b: NDArray[np.int64]
    features: NDArray[np.float32]

    def column(self, name: str) -> NDArray[np.float32]:
        return self.features[:, FEATURES.index(name)]


def idf_of(units: list[Unit]) -> dict[str, float]:
    """Inverse sentence frequency of each concept token within the comparison: names the whole story
    repeats weigh little."""
    per_sentence: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        per_sentence[unit.sentence_id] |= unit.tokens
    count = len(per_sentence)
    frequency = Counter(t for tokens in per_sentence.values() for t in tokens)
    return {t: math.log((count + 1) / (n + 0.5)) for t, n in frequency.items()}


def _content_word(token: str) -> bool:
    return token[0] == "W" and not token.endswith(VERB_MARK) and token[2:] not in TIME_WORDS


class _Matrices:
    """Units x vocabulary: IDF weights of all tokens, of content words and of entities; verbs; numbers; quotes."""

    def __init__(self, units: list[Unit], idf: dict[str, float], statements: dict[str, set[str]]) -> None:
        from scipy import sparse

        vocabulary = {t: i for i, t in enumerate(sorted(idf))}
        quote_ids = {q: i for i, q in enumerate(sorted({q for v in statements.values() for q in v}))}
        parts: dict[str, tuple[list[int], list[int], list[float]]] = {
            k: ([], [], []) for k in ("all", "words", "entities", "verbs", "numbers", "quotes")
        }
        for row, unit in enumerate(units):
            for token in unit.tokens:
                kinds = ["all"]
                if _content_word(token):
                    kinds.append("words")
                elif token[0] == "E":
                    kinds.append("entities")
                elif token.endswith(VERB_MARK):
                    kinds.append("verbs")
                elif token[0] == "N":
                    kinds.append("numbers")
                for kind in kinds:
                    parts[kind][0].append(row)
                    parts[kind][1].append(vocabulary[token])
                    parts[kind][2].append(idf[token] if kind != "numbers" and kind != "verbs" else 1.0)
            for quote in statements.get(unit.sentence_id, ()):
                parts["quotes"][0].append(row)
                parts["quotes"][1].append(quote_ids[quote])
                parts["quotes"][2].append(1.0)
        width = {k: max(1, len(vocabulary)) for k in parts}
        width["quotes"] = max(1, len(quote_ids))
        self.weighted = {
            k: sparse.csr_matrix((v, (r, c)), shape=(len(units), width[k]), dtype=np.float32)
            for k, (r, c, v) in parts.items()
        }
        self.binary = {k: (m > 0).astype(np.float32) for k, m in self.weighted.items()}
        self.totals = {k: np.asarray(m.sum(axis=1), dtype=np.float32).ravel() for k, m in self.weighted.items()}
        self.counts = {k: np.asarray(m.sum(axis=1), dtype=np.float32).ravel() for k, m in self.binary.items()}
        self.max_word_idf = max(idf.values(), default=1.0)
        self.words_idf = self.weighted["words"]

    def dice(self, kind: str, rows: slice) -> NDArray[np.float32]:
        """IDF-weighted Dice coefficient of every unit of ``rows`` with every unit."""
        shared = np.asarray((self.weighted[kind][rows] @ self.binary[kind].T).todense(), dtype=np.float32)
        totals = self.totals[kind][rows][:, None] + self.totals[kind][None, :]
        dice: NDArray[np.float32] = np.divide(2 * shared, totals, out=np.zeros_like(shared), where=totals > 0)
        return dice

    def shared(self, kind: str, rows: slice) -> NDArray[np.float32]:
        return np.asarray((self.binary[kind][rows] @ self.binary[kind].T).todense(), dtype=np.float32)

    def rarest_shared_word(self, rows: slice) -> NDArray[np.float32]:
        """For every unit of ``rows`` and every unit, about the largest IDF among the content words both state
        (a 4-norm, which a matrix product computes), scaled to 0-1."""
        powered = self.words_idf[rows].power(4)
        shared = np.asarray((powered @ self.binary["words"].T).todense(), dtype=np.float32)
        return np.asarray(np.power(shared, 0.25) / self.max_word_idf, dtype=np.float32)


def _content_piece(piece: str) -> bool:
    word = piece.removeprefix("##")
    return word.isalnum() and word not in STOPWORDS


def token_match(units: list[Unit], tokens: list[TokenVectors]) -> NDArray[np.float32]:
    """For every two units, how well each one's content words find a close word in the other: the F1 of
    the IDF-weighted best token matches (BERTScore) over contextual word-piece vectors, stop words and
    punctuation left out, IDF within the comparison. Paraphrases that share no word ("rushed out of their
    homes" / "ran out of buildings") match here, and names the whole story repeats weigh little.

    Computed in blocks of :data:`TOKEN_BLOCK` pieces against all pieces, so memory grows with one block
    times the comparison's pieces."""
    n = len(units)
    kept = [[i for i, piece in enumerate(pieces) if _content_piece(piece.lower())] for pieces, _ in tokens]
    per_sentence: dict[str, set[str]] = defaultdict(set)
    for unit, (pieces, _), rows in zip(units, tokens, kept, strict=True):
        per_sentence[unit.sentence_id].update(pieces[i].lower() for i in rows)
    frequency = Counter(p for pieces in per_sentence.values() for p in pieces)
    count = len(per_sentence)
    owner = np.repeat(np.arange(n), [len(rows) for rows in kept])
    if not len(owner):
        return np.zeros((n, n), dtype=np.float32)
    vectors = np.concatenate([vectors[rows] for (_, vectors), rows in zip(tokens, kept, strict=True) if rows])
    idf = [
        math.log((count + 1) / (frequency[pieces[i].lower()] + 0.5))
        for (pieces, _), rows in zip(tokens, kept, strict=True)
        for i in rows
    ]
    weights = np.array(idf, dtype=np.float32)
    present = np.unique(owner)  # units with at least one content piece, in order
    starts = np.searchsorted(owner, present)
    totals = np.add.reduceat(weights, starts)
    recall = np.zeros((n, n), dtype=np.float32)  # [a, b]: a's words found in b
    for start in range(0, len(owner), TOKEN_BLOCK):
        block = slice(start, min(len(owner), start + TOKEN_BLOCK))
        best = np.maximum.reduceat(vectors[block] @ vectors.T, starts, axis=1)  # each piece's best in each unit
        weighted = best * weights[block, None]
        block_owners, block_starts = np.unique(owner[block], return_index=True)
        recall[np.ix_(block_owners, present)] += np.add.reduceat(weighted, block_starts, axis=0)
    recall[present] /= totals[:, None]
    precision = recall.T
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(recall + precision > 0, 2 * recall * precision / (recall + precision), 0.0)
    return np.asarray(f1, dtype=np.float32)


def former_score(cosine: float, a: frozenset[str], b: frozenset[str], idf: dict[str, float], quote: bool) -> float:
    """The former link score of two units (decision 0006): cosine + 0.8 x IDF-weighted overlap (+ 0.3 for a
    shared verbatim quote); -1 where that rule allowed no link (cosine under STRONG_MIN_COSINE, or no shared
    content word and cosine under STRONG_COSINE_WITHOUT_SHARED_WORDS). The pair feature ``strong_link``
    applies it to whole blocks; benchmarks use it on single pairs."""
    shared_words = any(_content_word(t) or t.endswith(VERB_MARK) for t in a & b)
    if not quote and (cosine < STRONG_MIN_COSINE or (not shared_words and cosine < STRONG_COSINE_WITHOUT_SHARED_WORDS)):
        return -1.0
    shared = a & b
    total = sum(idf.get(t, 0.0) for t in a) + sum(idf.get(t, 0.0) for t in b)
    overlap = 2 * sum(idf.get(t, 0.0) for t in shared) / total if total else 0.0
    return cosine + RANK_OVERLAP_WEIGHT * overlap + (STRONG_QUOTE_BONUS if quote else 0.0)


def candidate_pairs(
    units: list[Unit],
    vectors: NDArray[np.float32],
    idf: dict[str, float],
    statements: dict[str, set[str]],
    tokens: list[TokenVectors],
) -> Candidates:
    """Every candidate pair of units of different articles with its :data:`FEATURES` (``tokens``: each
    unit's word pieces and their contextual vectors, for :func:`token_match`)."""
    n = len(units)
    head_stems = np.array([stem(u.head) if u.head else "" for u in units])
    subject_stems = np.array([stem(u.subject) if u.subject else "" for u in units])
    has_subject = subject_stems != ""
    days = [frozenset(t for t in u.tokens if t[0] == "W" and t[2:] in DAY_WORDS) for u in units]
    negated = np.array([u.negated for u in units])
    if n == 0:
        return Candidates(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, len(FEATURES)), np.float32))
    matrices = _Matrices(units, idf, statements)
    article_index: dict[str, int] = {}
    article_of = np.array([article_index.setdefault(u.article_id, len(article_index)) for u in units])
    if np.any(np.diff(article_of) < 0):
        raise ValueError("claim units must be grouped by article (as claim_units builds them)")
    bounds = np.flatnonzero(np.r_[True, np.diff(article_of) != 0])  # first column of each article
    lengths = np.maximum(matrices.counts["all"], 1.0)
    whole = np.array([u.whole for u in units], dtype=np.float32)
    has_verbs = matrices.counts["verbs"] > 0
    has_numbers = matrices.counts["numbers"] > 0
    directed: list[tuple[NDArray[np.int64], NDArray[np.int64], dict[str, NDArray[np.float32]]]] = []
    # each unit's best match in every article (-1 in its own): two units that state one claim pick the same
    # units in the other articles; two that only share a topic scatter
    best_in = np.full((n, len(bounds)), -1, dtype=np.int64)
    for start in range(0, n, BLOCK_ROWS):
        rows = slice(start, min(n, start + BLOCK_ROWS))
        row_ids = np.arange(rows.start, rows.stop)
        cosine = vectors[rows] @ vectors.T
        own = article_of[row_ids][:, None] == article_of[None, :]
        overlap = matrices.dice("all", rows)
        words = matrices.dice("words", rows)
        score = np.where(own, -np.inf, cosine + RANK_OVERLAP_WEIGHT * overlap)
        # the former rule's score, where it allowed a link at all
        quote = matrices.shared("quotes", rows) > 0
        allowed = quote | (
            (cosine >= STRONG_MIN_COSINE) & ((words > 0) | (cosine >= STRONG_COSINE_WITHOUT_SHARED_WORDS))
        )
        former = np.where(own | ~allowed, -np.inf, score + STRONG_QUOTE_BONUS * quote)
        former_best = np.maximum.reduceat(former, bounds, axis=1)
        # the cosine against everything each unit could match elsewhere: how unusual this closeness is here
        others = np.where(own, np.nan, cosine)
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a comparison of one article has no others
            mean = np.nan_to_num(np.nanmean(others, axis=1, keepdims=True))
            spread = np.nan_to_num(np.nanstd(others, axis=1, keepdims=True)) + 1e-3
        z = (cosine - mean) / spread
        # best and runner-up of each row within every other article
        best = np.maximum.reduceat(score, bounds, axis=1)
        segment = np.searchsorted(bounds, np.arange(n), side="right") - 1
        former_is_best = (former >= former_best[:, segment]) & np.isfinite(former)
        best_here = best[:, segment]
        is_best = (score >= best_here) & np.isfinite(score)
        runner = np.maximum.reduceat(np.where(is_best, -np.inf, score), bounds, axis=1)[:, segment]
        first_best = np.minimum.reduceat(np.where(is_best, np.arange(n)[None, :], n), bounds, axis=1)
        best_in[rows] = np.where(first_best < n, first_best, -1)
        with np.errstate(invalid="ignore"):  # -inf - -inf where an article has one unit
            margin = np.where(is_best, score - runner, score - best_here)
        margin = np.clip(np.nan_to_num(margin, nan=1.0, neginf=-1.0, posinf=1.0), -1.0, 1.0)
        keep = ~own & ((cosine >= CANDIDATE_MIN_COSINE) | (words > 0))
        r, c = np.nonzero(keep)
        directed.append(
            (
                row_ids[r],
                c.astype(np.int64),
                {
                    "cosine": cosine[r, c],
                    "overlap": overlap[r, c],
                    "word_overlap": words[r, c],
                    "entity_overlap": matrices.dice("entities", rows)[r, c],
                    "verb_shared": (matrices.shared("verbs", rows)[r, c] > 0).astype(np.float32),
                    "number_shared": (matrices.shared("numbers", rows)[r, c] > 0).astype(np.float32),
                    "same_quote": (matrices.shared("quotes", rows)[r, c] > 0).astype(np.float32),
                    "z": z[r, c].astype(np.float32),
                    "best": is_best[r, c].astype(np.float32),
                    "margin": margin[r, c].astype(np.float32),
                    "rare_word": matrices.rarest_shared_word(rows)[r, c],
                    "former": np.where(np.isfinite(former[r, c]), former[r, c], -1.0).astype(np.float32),
                    "former_best": former_is_best[r, c].astype(np.float32),
                },
            )
        )
    a = np.concatenate([d[0] for d in directed])
    b = np.concatenate([d[1] for d in directed])
    values = {k: np.concatenate([d[2][k] for d in directed]) for k in directed[0][2]}
    # each unordered pair was seen from both sides: join the two views
    forward = a < b
    key_forward = a[forward] * n + b[forward]
    key_backward = b[~forward] * n + a[~forward]
    order = np.argsort(key_backward)
    position = order[np.searchsorted(key_backward[order], key_forward)]
    back = {k: v[~forward][position] for k, v in values.items()}
    fwd = {k: v[forward] for k, v in values.items()}
    pa, pb = a[forward], b[forward]
    shorter = np.minimum(lengths[pa], lengths[pb])
    longer = np.maximum(lengths[pa], lengths[pb])
    columns = {
        "cosine": fwd["cosine"],
        "overlap": fwd["overlap"],
        "word_overlap": fwd["word_overlap"],
        "entity_overlap": fwd["entity_overlap"],
        "verb_shared": fwd["verb_shared"],
        "verbs_both": (has_verbs[pa] & has_verbs[pb]).astype(np.float32),
        "number_shared": fwd["number_shared"],
        "number_differs": ((has_numbers[pa] & has_numbers[pb]) & (fwd["number_shared"] == 0)).astype(np.float32),
        "same_quote": fwd["same_quote"],
        "cosine_z": (fwd["z"] + back["z"]) / 2,
        "cosine_z_min": np.minimum(fwd["z"], back["z"]),
        "best_both": fwd["best"] * back["best"],
        "best_one": np.maximum(fwd["best"], back["best"]),
        "margin": np.minimum(fwd["margin"], back["margin"]),
        "length_min": np.log(shorter),
        "length_ratio": shorter / longer,
        "whole_both": whole[pa] * whole[pb],
        "rare_word": np.maximum(fwd["rare_word"], back["rare_word"]),
        "same_head": ((head_stems[pa] == head_stems[pb]) & (head_stems[pa] != "")).astype(np.float32),
        "same_subject": ((subject_stems[pa] == subject_stems[pb]) & has_subject[pa]).astype(np.float32),
        "subjects_both": (has_subject[pa] & has_subject[pb]).astype(np.float32),
    }
    third = (best_in[pa] >= 0) & (best_in[pb] >= 0)  # articles other than both units' own
    agree = ((best_in[pa] == best_in[pb]) & third).sum(axis=1)
    # as shares of the third articles, so that a two-article story (none) is neutral, not a disagreement
    columns["third_agree"] = agree / np.maximum(third.sum(axis=1), 1)
    columns["third_disagree"] = (third.sum(axis=1) - agree) / np.maximum(third.sum(axis=1), 1)
    columns["day_differs"] = np.array(
        [bool(days[x]) and bool(days[y]) and not days[x] & days[y] for x, y in zip(pa, pb, strict=True)],
        dtype=np.float32,
    )
    columns["negation_differs"] = (negated[pa] != negated[pb]).astype(np.float32)
    # a mutual best match means more when there are few articles to choose from: with two it is all the
    # evidence of order there is, with twenty a sentence finds a best match in every article
    columns["best_both_few"] = columns["best_both"] / max(1, len(bounds) - 1)
    former = fwd["former"]
    strong = ((fwd["former_best"] * back["former_best"] > 0) & (former >= STRONG_MUTUAL)) | (former >= STRONG_ALONE)
    columns["strong_link"] = strong.astype(np.float32)
    columns["strong_link_few"] = columns["strong_link"] / max(1, len(bounds) - 1)
    columns["token_match"] = token_match(units, tokens)[pa, pb]
    features = np.stack([np.asarray(columns[name], dtype=np.float32) for name in FEATURES], axis=1)
    return Candidates(pa, pb, features)


@dataclass(frozen=True, slots=True)
class LinkModel:
    """A logistic model over :data:`FEATURES`: standardised features, weights and an intercept."""

    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]
    intercept: float
    version: str

    def probability(self, candidates: Candidates) -> NDArray[np.float64]:
        if self.features != FEATURES:
            raise ValueError(
                f"link model {self.version} was trained on features {self.features}, not {FEATURES}: "
                "retrain it with bench/linkmodel.py"
            )
        return logistic.probability(candidates.features, self.mean, self.scale, self.weights, self.intercept)

    def frame_probability(self, candidates: Candidates) -> NDArray[np.float64]:
        """The probability that two units state the same claim *if their values agreed*: the judge with the
        features that see a differing number, day or negation set as for a pair that agrees. Conflicts are
        the pairs this rates high that differ in a slot."""
        features = candidates.features.copy()
        differs = features[:, FEATURES.index("number_differs")] > 0
        features[differs, FEATURES.index("number_shared")] = 1.0
        for name in VALUE_FEATURES:
            features[:, FEATURES.index(name)] = 0.0
        return self.probability(Candidates(candidates.a, candidates.b, features))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkModel:
        return cls(tuple(data["features"]), *logistic.parameters(data), str(data["version"]))


@functools.lru_cache(maxsize=1)
def load_link_model() -> LinkModel:
    """The shipped link model (``counterpoint/data/link_model.json``)."""
    return LinkModel.from_dict(logistic.load("link_model.json"))


@dataclass(slots=True)
class Scored:
    """Claim units and the pair judge's probabilities: everything claims are grouped from."""

    units: list[Unit]  # every unit of the comparison
    judged: list[int]  # the units judged (one per repeated text), as indices into ``units``
    copies: dict[int, list[int]]  # judged position -> its verbatim copies in other articles
    candidates: Candidates  # pairs over the judged units
    probability: NDArray[np.float64]
    context: UnitContext
    vectors: NDArray[np.float32]  # embeddings of the judged units
    model: LinkModel  # the pair judge that gave ``probability``


def sentence_vectors(scored: Scored) -> dict[str, NDArray[np.float32]]:
    """The embedding of every body sentence that is a unit of its own (sentence id -> unit-length vector);
    a verbatim copy has the vector of the text it repeats."""
    row = {}
    for position, unit in enumerate(scored.judged):
        row[unit] = position
        for copy in scored.copies.get(position, []):
            row[copy] = position
    return {u.sentence_id: scored.vectors[row[i]] for i, u in enumerate(scored.units) if u.whole and i in row}
